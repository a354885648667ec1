"""Totals of a store: a near-duplicate's quotes are its canonical article's and count once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap import query
from stancemap.cli import cli
from stancemap.store import open_store

CORPUS = Path(__file__).parent / "fixtures" / "run"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("store") / "s.db")
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", db, "--no-progress"])
    assert "1 near-duplicates linked" in result.output, result.output
    return db


def test_query_totals_count_a_near_duplicate_once(store_path):
    with open_store(store_path) as store:
        totals = query.totals(store)
        assert totals["quotes"] == len(query.quotes(store)) < store.counts()["quotes"]
        assert (totals["articles"], totals["duplicates"]) == (store.counts()["articles"] - 1, 1)


def test_query_actors_count_articles_without_near_duplicates(store_path):
    """Rachel Reeves is in budget.txt and in its near-duplicate copy-budget.txt: one article."""
    with open_store(store_path) as store:
        (reeves,) = query.actors(store, name="Reeves")
        assert reeves.articles == 1 and reeves.quotes == 3


def test_query_front_page_shows_the_totals(store_path):
    from starlette.testclient import TestClient

    from stancemap.web import create_app

    with open_store(store_path) as store:
        totals = query.totals(store)
    page = TestClient(create_app(store_path)).get("/").text
    assert f"{totals['articles']} articles (and 1 copies and old versions)" in page
    assert f"{totals['quotes']} quotes" in page
    assert page.count("a copy of") == 1
