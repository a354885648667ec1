"""The web page: reads the store through the query path and escapes untrusted article text."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from stancemap.model import Actor, Article, Quote, Span, Speaker, content_hash
from stancemap.store import open_store
from stancemap.web import create_app

TEXT = 'Jane <script>alert(1)</script> Doe said "the plan is <b>sound</b> and fair".'


@pytest.fixture
def client(tmp_path):
    db = tmp_path / "s.db"
    start = TEXT.index('"') + 1
    end = TEXT.rindex('"')
    article = Article(
        id=content_hash(TEXT),
        source="evil.txt",
        text=TEXT,
        body=(0, len(TEXT)),
        title="<i>Title</i>",
        actors=[Actor("a1", "Jane Doe", "person", mentions=[(0, 4)])],
        quotes=[
            Quote(
                start, end, TEXT[start:end], "direct", Span(36, 40, "said"), Speaker("a1", "Jane Doe", 0, 4)
            )
        ],
    )
    with open_store(db) as store:
        store.write_article(article)
    return TestClient(create_app(db)), article


@pytest.mark.parametrize("path", ["/", "/quotes", "/actors", "/quotes?speaker=Doe"])
def test_pages_render(client, path):
    http, _ = client
    response = http.get(path)
    assert response.status_code == 200
    assert "<script>alert" not in response.text


def test_article_page_escapes_text_and_marks_quotes(client):
    http, article = client
    page = http.get(f"/article/{article.id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>sound</b>" not in page
    assert (
        '<mark class="direct" title="Jane Doe">the plan is &lt;b&gt;sound&lt;/b&gt; and fair</mark>' in page
    )


def test_json_api_returns_quotes(client):
    http, article = client
    rows = http.get("/api/quotes", params={"speaker": "Jane"}).json()
    assert [r["speaker"] for r in rows] == ["Jane Doe"]
    assert http.get(f"/api/article/{article.id}").json()["id"] == article.id
    assert http.get("/api/article/nope").status_code == 404


def test_web_api_lists_its_endpoints_and_each_answers(client):
    http, _ = client
    listing = http.get("/api").json()
    assert {
        "/api/quotes",
        "/api/actors",
        "/api/stances",
        "/api/figures",
        "/api/events",
        "/api/articles",
    } <= set(listing)
    for path in listing:
        if "{" not in path:
            response = http.get(path)
            assert response.status_code == 200 and isinstance(response.json(), list), path
    assert [row["name"] for row in http.get("/api/actors", params={"name": "Doe"}).json()] == ["Jane Doe"]


@pytest.mark.parametrize(
    "params",
    [{"since": "yesterday"}, {"until": "2025-13-45"}, {"limit": "abc"}, {"limit": "0"}, {"colour": "red"}],
)
def test_web_api_bad_filter_is_a_clear_400(client, params):
    http, _ = client
    response = http.get("/api/quotes", params=params)
    assert response.status_code == 400 and "error" in response.json()


def test_web_missing_article_page_is_404(client):
    http, _ = client
    response = http.get("/article/nope")
    assert response.status_code == 404 and "No such article" in response.text
