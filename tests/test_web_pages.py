"""The web page: reads the store through the query path and escapes untrusted article text."""

from __future__ import annotations

import queue
import re
import socket
import subprocess
import sys
import threading
import urllib.request

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from stancemap.cli import cli
from stancemap.model import Actor, Article, Quote, Span, Speaker, content_hash
from stancemap.store import open_store
from stancemap.web import create_app

STANCEMAP = [sys.executable, "-c", "from stancemap.cli import main; main()"]
TEXT = 'Jane <script>alert(1)</script> Doe said "the plan is <b>sound</b> and fair".'


@pytest.fixture
def store_with_article(tmp_path):
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
    return db, article


@pytest.fixture
def client(store_with_article):
    db, article = store_with_article
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
    [
        {"since": "yesterday"},
        {"until": "2025-13-45"},
        {"since": "2025-W08-1"},
        {"limit": "abc"},
        {"limit": "²"},
        {"limit": "0"},
        {"colour": "red"},
        {"kind": "bogus"},
    ],
)
def test_web_api_bad_filter_is_a_clear_400(client, params):
    http, _ = client
    response = http.get("/api/quotes", params=params)
    assert response.status_code == 400 and "error" in response.json()


def test_web_missing_article_page_is_404(client):
    http, _ = client
    response = http.get("/article/nope")
    assert response.status_code == 404 and "No such article" in response.text


def test_web_port_out_of_range_is_a_usage_error(store_with_article):
    db, _ = store_with_article
    result = CliRunner().invoke(cli, ["web", "--db", str(db), "--port", "99999"])
    assert result.exit_code == 2
    assert "Invalid value for '--port': 99999 is not in the range 0<=x<=65535" in result.stderr


def test_web_port_in_use_is_one_error_line_and_announces_nothing(store_with_article):
    db, _ = store_with_article
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["web", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: [E004] cannot listen on 127.0.0.1:{port}: ")
    assert "--port 0" in line


def test_web_announces_the_address_it_listens_on(store_with_article):
    """With --port 0 the announced address has the port the server took, and it answers there."""
    db, _ = store_with_article
    process = subprocess.Popen(
        [*STANCEMAP, "web", "--db", str(db), "--port", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True)
    reader.start()
    try:
        first = lines.get(timeout=60)
        match = re.fullmatch(r"stancemap web on (http://127\.0\.0\.1:(\d+)/) \(Ctrl-C to stop\)\n", first)
        assert match, first
        assert int(match.group(2)) != 0
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
        with direct.open(match.group(1), timeout=30) as response:
            assert response.status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=30)
        process.stderr.close()


def test_web_api_unknown_paths_and_parameters_answer_in_json(client):
    http, article = client
    assert http.get("/api/actors", params={"kind": "alien"}).status_code == 400
    assert http.get("/api/actors", params={"kind": "person"}).status_code == 200
    assert http.get(f"/api/article/{article.id}", params={"x": "1"}).status_code == 400
    missing = http.get("/api/nope")
    assert missing.status_code == 404 and "error" in missing.json()
