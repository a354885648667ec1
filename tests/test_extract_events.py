"""Events: the example's gold events (place, date, participants, not invited) and date resolution."""

from __future__ import annotations

import pytest

from stancemap.extract.events import find_events, resolve_date


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
