"""Stances across articles: one actor from several name forms, the timeline, and shifts of position.

The fixtures (tests/fixtures/stances/) are three short dated articles in which one person opposes,
then conditionally backs, then supports a congestion charge; they test the mechanics, not accuracy.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from stancemap import query
from stancemap.analyze import analyze_documents
from stancemap.extract.pipeline import load_nlp
from stancemap.ingest import iter_documents
from stancemap.model import Article
from stancemap.query.stances import StanceRow, shifts
from stancemap.store import open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "stances"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    nlp = load_nlp(str(FIXTURES / "watchlist.yaml"))
    path = tmp_path_factory.mktemp("stances") / "fixtures.db"
    with open_store(path) as store:
        for article in analyze_documents(iter_documents([str(FIXTURES / "articles")]), nlp):
            assert isinstance(article, Article), article
            store.write_article(article)
    with open_store(path, create=False) as store:
        yield store


def test_actor_merges_across_articles(store):
    (marsh,) = query.actors(store, name="Marsh")
    assert marsh.name == "Helen Marsh"
    assert marsh.articles == 3


def test_timeline_in_date_order(store):
    rows = query.timeline(store, actor="Marsh")
    assert [r.published for r in rows] == ["2024-03-04", "2024-05-13", "2024-07-01"]
    assert {r.actor for r in rows} == {"Helen Marsh"}
    assert [r.stance for r in rows] == ["oppose", "conditional", "support"]


def test_shift_found_with_both_dates_and_quotes(store):
    found = shifts(query.timeline(store, actor="Marsh"))
    assert [(s.before.published, s.after.published) for s in found] == [
        ("2024-03-04", "2024-05-13"),
        ("2024-05-13", "2024-07-01"),
    ]
    for shift in found:
        for row in (shift.before, shift.after):
            assert row.quotes, row
            assert row.evidence and "congestion charge" in row.evidence[0]["text"]
            text = store.connection.execute(
                "SELECT text FROM articles WHERE id = ?", (row.article_id,)
            ).fetchone()[0]
            assert text[row.evidence[0]["start"] : row.evidence[0]["end"]] == row.evidence[0]["text"]


def test_matrix_keeps_the_latest_stance(store):
    actors, issues, cells = query.matrix(query.stances(store))
    assert issues == ["City-centre congestion charge"]
    assert cells[("Helen Marsh", issues[0])].stance == "support"
    assert "Tom Reyes" in actors


def test_issue_filter(store):
    assert query.stances(store, issue="congestion")
    assert query.stances(store, issue="no such issue") == []


def test_query_stances_count_leaves_out_near_duplicates(store):
    assert query.totals(store)["stances"] == len(query.stances(store)) == 5
    first = store.connection.execute("SELECT id FROM articles ORDER BY published LIMIT 1").fetchone()[0]
    nlp = load_nlp(str(FIXTURES / "watchlist.yaml"))
    (article,) = analyze_documents(
        iter_documents([str(FIXTURES / "articles" / "2024-03-04-charge.txt")]), nlp
    )
    assert article.id == first and article.stances
    with open_store(":memory:") as memory:
        memory.write_article(article)
        memory.write_article(replace(article, id="copy", source="copy.txt"), canonical_id=article.id)
        assert query.totals(memory)["stances"] == len(query.stances(memory)) == len(article.stances)


def _row(stance, date, confidence=0.7):
    return StanceRow("a", 1, "X", "I", stance, confidence, None, published=date)


@pytest.mark.parametrize(
    "rows,expected",
    [
        ([_row("support", "2024-01-01"), _row("support", "2024-02-01")], []),
        ([_row("support", "2024-01-01"), _row("oppose", "2024-02-01")], [("2024-01-01", "2024-02-01")]),
        # neutral takes no position: support, neutral, support is no shift
        ([_row("support", "2024-01-01"), _row("neutral", "2024-02-01"), _row("support", "2024-03-01")], []),
        # on one day the most confident stance stands
        ([_row("support", "2024-01-01"), _row("oppose", "2024-01-01", 0.9)], []),
    ],
)
def test_shifts(rows, expected):
    assert [(s.before.published, s.after.published) for s in shifts(rows)] == expected
