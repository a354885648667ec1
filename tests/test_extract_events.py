"""Events: the example's gold events (place, date, participants, not invited) and date resolution."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.tokens import Doc

from stancemap.extract.events import find_events, resolve_date, resolve_event_dates
from stancemap.model import Event
from stancemap.render import _one_line


@pytest.fixture(scope="module")
def example(example_article):
    return example_article


@pytest.fixture(scope="module")
def gold(example_gold):
    return example_gold


def _match(events, g):
    """The event at the gold's place (its most specific part)."""
    first = g["where"].split(",")[0].strip()
    return next((e for e in events if e.where and first in e.where), None)


def test_example_both_gold_events(example, gold):
    for g in gold["events"]:
        got = _match(example.events, g)
        assert got is not None, g
        assert got.where == g["where"]
        assert set(g["participants"]) <= set(got.participants), (g["participants"], got.participants)
        assert set(g.get("not_invited", [])) <= set(got.not_invited)
        if "when" in g:
            assert got.when == g["when"]


def test_example_events_point_into_the_text(example):
    for event in example.events:
        assert example.text[event.start : event.end] == event.text


@pytest.mark.parametrize(
    "expression,published,expected",
    [
        ("Monday", "2025-02-18", "2025-02-17"),  # a Tuesday paper: the day before
        ("Monday", "2025-02-17", "2025-02-17"),  # a Monday paper: the same day
        ("Sunday", "2025-02-18", "2025-02-16"),
        ("yesterday", "2025-03-01", "2025-02-28"),
        ("17 February", "2025-02-18", "2025-02-17"),
        ("December 30", "2025-01-02", "2024-12-30"),  # read in January: last year's
        ("next week", "2025-02-18", "next week"),  # not one day: kept as written
        ("Monday", None, "Monday"),  # no publication date: unresolved
        ("2025-02-17", None, "2025-02-17"),
    ],
)
def test_resolve_date(expression, published, expected):
    assert resolve_date(expression, published) == expected


def test_not_invited_and_participants_from_with(nlp):
    text = (
        "Marco Rubio held talks in Riyadh with Russian officials on Tuesday. "
        "Ukraine has not been invited to the talks."
    )
    doc = nlp(text)
    (event,) = find_events(doc, doc._.actor_table)
    assert event.where == "Riyadh"
    assert {"Marco Rubio", "Russia"} <= set(event.participants)
    assert event.not_invited == ["Ukraine"]
    assert event.when == "Tuesday"


# Probes are read as published on Tuesday 4 March 2025.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("EU leaders will meet in Brussels on Friday for a summit.", "2025-03-07"),
        ("EU leaders are due to meet in Brussels on Friday for a summit.", "2025-03-07"),
        ("EU leaders are to hold a summit in Brussels on Friday.", "2025-03-07"),
        ("EU leaders are going to hold a summit in Brussels on Friday.", "2025-03-07"),
        ("EU leaders plan to hold a summit in Brussels on Friday.", "2025-03-07"),
        ("EU leaders are meeting in Brussels on Friday for a summit.", "2025-03-07"),
        ("EU leaders met in Brussels on Friday for a summit.", "2025-02-28"),
        ("The summit was held in Brussels on Friday.", "2025-02-28"),
        ("EU leaders will meet in Brussels tomorrow for a summit.", "2025-03-05"),
        ("EU leaders will hold a summit in Brussels today.", "2025-03-04"),
        ("EU leaders met in Brussels last night for a summit.", "2025-03-03"),
        ("EU leaders will meet in Brussels next week for a summit.", "next week"),  # not one day
        # future arrangements get dates to come
        ("Talks are set for Friday.", "2025-03-07"),
        ("Peace talks are scheduled for Thursday.", "2025-03-06"),
        ("Peace talks are due on Friday.", "2025-03-07"),
        ("Officials said leaders would hold talks in Paris on Friday.", "2025-03-07"),  # reported "will"
        ("Friday's summit in Brussels will focus on defence.", "2025-03-07"),
        ("The talks in Paris on Friday will be attended by Scholz.", "2025-03-07"),
        ("After the meeting with Putin last night, Macron flew home.", "2025-03-03"),
        ("EU leaders will hold a summit in Brussels on 17 June.", "2025-06-17"),  # not last June
    ],
)
def test_events_relative_date_follows_the_tense_of_its_clause(nlp, text, expected):
    doc = nlp(text)
    (event,) = resolve_event_dates(find_events(doc, doc._.actor_table), "2025-03-04", doc._.event_tenses)
    assert event.when == expected


def test_events_tense_travels_beside_the_events_through_copies_and_bytes(nlp):
    # nlp.pipe(n_process=2) sends each doc back as bytes; events may be copied or replaced on the way.
    doc = nlp("EU leaders will meet in Brussels on Friday for a summit.")
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    events = [dataclasses.replace(e) for e in back._.events]
    (event,) = resolve_event_dates(events, "2025-03-04", back._.event_tenses)
    assert event.when == "2025-03-07"
    assert vars(event).keys() == {f.name for f in dataclasses.fields(Event)}  # nothing hidden on it
    with pytest.raises(ValueError):
        resolve_event_dates(events, "2025-03-04", [])


def test_events_resolve_dates_takes_a_date_object(nlp):
    from datetime import date, datetime

    doc = nlp("EU leaders will meet in Brussels on Friday for a summit.")
    for published in (date(2025, 3, 4), datetime(2025, 3, 4, 18, 30)):
        events = [dataclasses.replace(e) for e in doc._.events]
        (event,) = resolve_event_dates(events, published, doc._.event_tenses)
        assert event.when == "2025-03-07"


@pytest.mark.parametrize(
    "expression,direction,expected",
    [
        ("Friday", 1, "2025-03-07"),
        ("Tuesday", 1, "2025-03-04"),  # a Tuesday paper: the same day
        ("Friday", 0, "2025-02-28"),
        ("Friday's", 1, "2025-03-07"),  # "Friday's summit"
        ("last Friday", 1, "2025-02-28"),
        ("17 June", 1, "2025-06-17"),  # "will meet on 17 June": the next one
        ("17 June", 0, "2024-06-17"),
        ("tomorrow", 0, "2025-03-05"),
        ("last night", 0, "2025-03-03"),
    ],
)
def test_events_resolve_date_direction(expression, direction, expected):
    assert resolve_date(expression, "2025-03-04", direction) == expected


@pytest.mark.parametrize(
    "when,expected",
    [
        ("2025-03-07", "summit in Brussels on 2025-03-07: "),
        ("Friday", "summit in Brussels on Friday: "),  # no publication date to resolve it against
        ("next week", "summit in Brussels next week: "),
        ("2024", "summit in Brussels in 2024: "),  # a year, not a day
        ("March 2025", "summit in Brussels in March 2025: "),
        ("17 March", "summit in Brussels on 17 March: "),
        ("1990s", "summit in Brussels in the 1990s: "),  # a decade
        ("Spring 2025", "summit in Brussels in spring 2025: "),  # a season
        (None, "summit in Brussels: "),
    ],
)
def test_events_summary_line_reads_for_dates_and_words(when, expected):
    event = Event(0, 10, "EU leaders", "summit", "Brussels", when)
    assert _one_line(event) == expected


def test_events_different_places_and_dates_are_different_events(nlp):
    text = (
        "EU leaders will meet in Brussels tomorrow for a summit. "
        "Hungary was not invited to the talks in London yesterday."
    )
    doc = nlp(text)
    summit, talks = find_events(doc, doc._.actor_table)
    assert (summit.where, summit.when, summit.not_invited) == ("Brussels", "tomorrow", [])
    assert (talks.where, talks.when, talks.not_invited) == ("London", "yesterday", ["Hungary"])


@pytest.mark.parametrize(
    "text,whats",
    [
        ("Scholz said on Monday that talks were difficult.", []),
        ("Scholz said that the talks in Paris were difficult.", ["talks"]),  # a place: kept
        # a duration or a month alone is no day: not kept
        ("Scholz said talks could take years.", []),
        ("Scholz said talks could take months.", []),
        ("Scholz said talks could take decades.", []),
        ("Scholz said talks could take weeks.", []),
        ("Officials said the October news conference was weeks away.", []),
        # a day is: kept
        ("Scholz said talks would be held on Friday.", ["talks"]),
        ("Scholz said talks would be held tomorrow.", ["talks"]),
        ("Scholz said talks would be held on 17 June.", ["talks"]),
        ("Scholz said talks would be held in June 2025.", ["talks"]),
        ("Leaders held talks in Geneva on Monday.", ["talks"]),
    ],
)
def test_events_bare_mention_in_reported_speech_is_no_event(nlp, text, whats):
    doc = nlp(text)
    assert [e.what for e in find_events(doc, doc._.actor_table)] == whats


def test_events_reported_mention_with_a_place_and_a_date_is_kept(nlp):
    doc = nlp(
        "Talks between the US and Russia are expected to take place in Riyadh on Tuesday, officials said."
    )
    (event,) = resolve_event_dates(find_events(doc, doc._.actor_table), "2025-03-04", doc._.event_tenses)
    assert (event.what, event.where, event.when) == ("talks", "Riyadh", "2025-03-04")
    assert event.participants == ["United States", "Russia"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("EU leaders will meet in Brussels on Friday.", ("Brussels", "2025-03-07", ["European Union"])),
        (
            "Angela Rayner and Kevin Hollinrake will meet in Leeds on Friday.",
            ("Leeds", "2025-03-07", ["Angela Rayner", "Kevin Hollinrake"]),
        ),
        (
            "Keir Starmer met Emmanuel Macron in Paris on Monday.",
            ("Paris", "2025-03-03", ["Keir Starmer", "Emmanuel Macron"]),
        ),
    ],
)
def test_events_meeting_told_by_its_verb_alone(nlp, text, expected):
    doc = nlp(text)
    (event,) = resolve_event_dates(find_events(doc, doc._.actor_table), "2025-03-04", doc._.event_tenses)
    assert (event.what, event.where, event.when, event.participants) == ("meeting", *expected)


@pytest.mark.parametrize(
    "text,whats",
    [
        ("The UK will meet the 2% target by 2030.", []),  # no one is met
        ("Starmer met with criticism on Monday.", []),
        ("He met reporters.", []),
        ("EU leaders will meet in Brussels on Friday for a summit.", ["summit"]),  # one event, from its noun
    ],
)
def test_events_meet_without_a_meeting_is_no_event(nlp, text, whats):
    doc = nlp(text)
    assert [e.what for e in find_events(doc, doc._.actor_table)] == whats


@pytest.mark.parametrize(
    "text",
    [
        "Keir Starmer did not meet Donald Trump in Washington on Monday.",
        "Keir Starmer will never meet Vladimir Putin in Moscow.",
        "Keir Starmer refused to meet Donald Trump on Friday.",
        "Keir Starmer declined to meet Donald Trump on Friday.",
        "Keir Starmer failed to meet Donald Trump on Friday.",
        "Vladimir Putin refused to hold talks with Volodymyr Zelensky in Istanbul on Thursday.",
        "Vladimir Putin did not hold talks with Volodymyr Zelensky in Istanbul on Thursday.",
        "Hungary declined to host the summit in Budapest on Friday.",
    ],
)
def test_events_meeting_denied_or_refused_is_no_event(nlp, text):
    doc = nlp(text)
    assert find_events(doc, doc._.actor_table) == []


def test_events_absent_subject_is_no_participant(nlp):
    doc = nlp("Vladimir Putin did not attend the G20 summit in Rio de Janeiro on Monday.")
    (event,) = find_events(doc, doc._.actor_table)
    assert (event.where, event.participants) == ("Rio de Janeiro", [])
    doc = nlp("Vladimir Putin attended the G20 summit in Rio de Janeiro on Monday.")
    (event,) = find_events(doc, doc._.actor_table)
    assert event.participants == ["Vladimir Putin"]


def test_events_duration_is_no_date(nlp):
    doc = nlp("Keir Starmer met Emmanuel Macron in Paris, and said talks could take years.")
    assert [(e.where, e.when) for e in find_events(doc, doc._.actor_table)] == [("Paris", None)]


def test_events_both_names_joined_by_and_take_part_when_the_parse_nests_them(nlp):
    # The small model parses "Starmer" as a modifier of "Macron" that carries the "and".
    doc = nlp("Keir Starmer and Emmanuel Macron met last week in Paris to discuss Ukraine.")
    (event,) = find_events(doc, doc._.actor_table)
    assert (event.where, event.participants) == ("Paris", ["Keir Starmer", "Emmanuel Macron"])
