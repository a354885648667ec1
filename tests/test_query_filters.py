"""Name and text filters match part of a value literally: "%" and "_" are characters, not wildcards."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from stancemap import query
from stancemap.cli import cli
from stancemap.model import Actor, Article, Event, Figure, Quote, Span, Speaker, Stance, content_hash
from stancemap.store import open_store
from stancemap.web import create_app

TEXT = 'Jane Doe said "fares will rise by 5%". Acme 100% Ltd said "we disagree".'


def _quote(said: str, speaker: Speaker) -> Quote:
    start = TEXT.index(said)
    return Quote(start, start + len(said), said, "direct", None, speaker)


@pytest.fixture
def db(tmp_path):
    acme = TEXT.index("Acme")
    figure = TEXT.index("5%")
    article = Article(
        id=content_hash(TEXT),
        source="fares.txt",
        text=TEXT,
        body=(0, len(TEXT)),
        language="en",
        actors=[
            Actor("a1", "Jane Doe", "person", mentions=[(0, 8)]),
            Actor("a2", "Acme 100% Ltd", "organization", mentions=[(acme, acme + 13)]),
        ],
        quotes=[
            _quote("fares will rise by 5%", Speaker("a1", "Jane Doe", 0, 8)),
            _quote("we disagree", Speaker("a2", "Acme 100% Ltd", acme, acme + 13)),
        ],
        stances=[Stance("a1", "Jane Doe", "Rail fares", "support", 0.9, evidence=[Span(0, 8, "Jane Doe")])],
        figures=[Figure(figure, figure + 2, "5%", 5.0, "%", "fares", "Jane Doe", "a1")],
        events=[Event(0, 8, "talks", "talks", participants=["Jane Doe"])],
    )
    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write_article(article)
    return path


def test_query_name_filters_take_wildcards_literally(db):
    with open_store(db, create=False) as store:
        assert [r.speaker for r in query.quotes(store, speaker="%")] == ["Acme 100% Ltd"]
        assert [r.speaker for r in query.quotes(store, speaker="0%")] == ["Acme 100% Ltd"]
        assert query.quotes(store, speaker="_") == []
        assert query.quotes(store, speaker="e_D") == []  # "_" is not any one character ("e D")
        assert [r.name for r in query.actors(store, name="%")] == ["Acme 100% Ltd"]
        assert query.actors(store, name="_") == []
        assert query.actors(store, name="\\") == []
        assert len(query.actors(store, name="e D")) == 1  # a plain substring still matches
        assert query.stances(store, actor="%") == query.stances(store, issue="_") == []
        assert len(query.stances(store, issue="fares")) == 1
        assert query.figures(store, holder="%") == []
        assert query.events(store, participant="%") == query.events(store, participant="_") == []
        assert len(query.events(store, participant="Doe")) == 1


def test_query_name_filters_take_wildcards_literally_on_the_cli_and_the_web(db):
    listed = CliRunner().invoke(cli, ["quotes", "--speaker", "_", "--db", str(db), "--json"])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout == ""
    rows = TestClient(create_app(db)).get("/api/quotes", params={"speaker": "%"}).json()
    assert [r["speaker"] for r in rows] == ["Acme 100% Ltd"]
