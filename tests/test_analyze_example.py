"""The reference article end to end: metadata, body, actors with roles, quotes with canonical speakers."""

from __future__ import annotations

import pytest

from stancemap.model import Article


@pytest.fixture(scope="module")
def article(example_article) -> Article:
    return example_article


def test_published_from_scraper_header(article):
    assert article.published == "2025-02-18"


def test_body_starts_after_donation_appeal(article):
    body = article.text[article.body[0] : article.body[1]]
    assert body.startswith("Sir Keir Starmer has urged")
    assert "Your support helps us" not in body


def test_text_is_the_file_as_read(article, example_path):
    assert article.text == example_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "role", "affiliation"),
    [
        ("Keir Starmer", "Prime Minister", "United Kingdom"),
        ("Olaf Scholz", "Chancellor", "Germany"),
        ("Volodymyr Zelensky", "President", "Ukraine"),
        ("Sergei Lavrov", "Foreign Minister", "Russia"),
        ("Marco Rubio", "Secretary of State", "United States"),
        ("Mark Rutte", "Secretary General", "NATO"),
        ("Donald Trump", "President", "United States"),
    ],
)
def test_actors_with_roles(article, name, role, affiliation):
    by_name = {a.name: a for a in article.actors}
    assert name in by_name
    assert by_name[name].role == role
    assert by_name[name].affiliation == affiliation


@pytest.mark.parametrize("alias", ["Sir Keir", "the Prime Minister", "The UK Prime Minister"])
def test_starmer_aliases_are_one_actor(article, alias):
    starmer = next(a for a in article.actors if a.name == "Keir Starmer")
    assert alias.casefold() in {a.casefold() for a in starmer.aliases}


def test_every_offset_points_at_its_text(article):
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        if quote.cue:
            assert article.text[quote.cue.start : quote.cue.end] == quote.cue.text
    for actor in article.actors:
        for start, end in actor.mentions:
            assert article.body[0] <= start < end <= article.body[1]


def test_gold_quotes_with_canonical_speaker(article, example_gold):
    """At least 12 of the 19 gold quotes (strict overlap >= 0.5) with the canonical speaker."""
    gold = example_gold

    def overlap(a, b):
        inter = min(a[1], b[1]) - max(a[0], b[0])
        return inter / max(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0

    found = 0
    for g in gold["quotes"]:
        found += any(
            overlap((q.start, q.end), (g["start"], g["end"])) >= 0.5
            and q.speaker
            and q.speaker.name == g["speaker"]
            for q in article.quotes
        )
    assert found >= 12, f"{found} of {len(gold['quotes'])} gold quotes with canonical speaker"


def test_analyze_body_over_the_parser_limit_is_a_clear_skip(nlp, example_path):
    """A body the parser cannot take (spaCy's max_length) is skipped as too large, named as such."""
    from stancemap.analyze import analyze_documents
    from stancemap.errors import SKIP_TOO_LARGE, Skip
    from stancemap.ingest import iter_documents

    limit = nlp.max_length
    nlp.max_length = 1000
    try:
        (result,) = list(analyze_documents(iter_documents([str(example_path)]), nlp))
    finally:
        nlp.max_length = limit
    assert isinstance(result, Skip) and result.code == SKIP_TOO_LARGE
    assert "over the parser's limit of 1,000" in result.reason


def test_analyze_results_come_out_in_input_order(nlp):
    """A skip or an article not in English waits for the articles before it that are being parsed."""
    from stancemap.analyze import analyze_documents
    from stancemap.model import Document

    texts = {
        "one": "Sir Keir Starmer said on Monday that Europe must step up its defence spending.",
        "two": "   ",
        "three": "Der Bundeskanzler sagte am Montag, Europa müsse mehr für die Verteidigung ausgeben.",
        "four": "Mr Scholz said talk of boots on the ground was premature.",
    }
    documents = [Document(source=name, content=text) for name, text in texts.items()]
    for batch_size in (1, 2, 16):
        assert [r.source for r in analyze_documents(documents, nlp, batch_size=batch_size)] == list(texts)
