"""Routes: articles, one article with its evidence highlighted, quotes by speaker, actors, and JSON
under ``/api`` (``/api`` lists the endpoints and the filters each takes).

Every page reads through ``stancemap.query``, the same read path as the CLI and the Python API.
The store is opened per request (SQLite connections are cheap and not shared across threads).
"""

from __future__ import annotations

import re
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import get_args

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from .. import query
from ..errors import QueryError
from ..model import ActorKind, Article, QuoteKind
from ..query._filters import check_date
from ..store import open_store


def highlight(article: Article) -> Markup:
    """The article body as HTML with each quote marked; every piece of text is escaped."""
    start, end = article.body
    marks = sorted((q.start, q.end, q.speaker.name if q.speaker else "?", q.kind) for q in article.quotes)
    out, cursor = [], start
    for q_start, q_end, speaker, kind in marks:
        if q_start < cursor or q_end > end:
            continue  # overlapping quote (nested): shown in the list, not twice in the text
        out.append(escape(article.text[cursor:q_start]))
        out.append(
            Markup('<mark class="{}" title="{}">{}</mark>').format(kind, speaker, article.text[q_start:q_end])
        )
        cursor = q_end
    out.append(escape(article.text[cursor:end]))
    return Markup("").join(out)


def create_app(db_path: str | Path) -> Starlette:
    env = Environment(
        loader=PackageLoader("stancemap.web", "templates"), autoescape=select_autoescape(["html"])
    )

    def render(name: str, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    def store():
        return open_store(db_path, create=False)

    async def index(request: Request):
        with store() as s:
            return render("index.html", articles=query.articles(s, limit=200), counts=query.totals(s))

    async def article_page(request: Request):
        with store() as s:
            article = query.article(s, request.path_params["article_id"])
        if article is None:
            return HTMLResponse(env.get_template("error.html").render(message="No such article."), 404)
        return render("article.html", article=article, body=highlight(article))

    async def quotes_page(request: Request):
        speaker = request.query_params.get("speaker") or None
        with store() as s:
            rows = query.quotes(s, speaker=speaker, limit=500)
        return render("quotes.html", rows=rows, speaker=speaker or "")

    async def actors_page(request: Request):
        with store() as s:
            rows = query.actors(s, name=request.query_params.get("name") or None, limit=500)
        return render("actors.html", rows=rows)

    def api(read, **params):
        """A JSON endpoint over ``read(store, **filters)``: ``params`` names each query parameter it
        takes and its kind ("text", "date" YYYY-MM-DD, "limit" 1..1000, or the values allowed)."""

        async def endpoint(request: Request):
            filters = {}
            for name, value in request.query_params.items():
                if name not in params:
                    return _bad(f"unknown parameter {name!r}; this endpoint takes {sorted(params)}")
                problem = _check(params[name], value)
                if problem:
                    return _bad(f"{name}: {problem}")
                filters[name] = int(value) if params[name] == "limit" else value or None
            with store() as s:
                rows = read(s, **filters)
            return JSONResponse([asdict(row) if is_dataclass(row) else row for row in rows])

        endpoint.params = params
        return endpoint

    endpoints = {
        "/api/articles": api(lambda s, **f: query.articles(s, limit=f.get("limit", 1000)), limit="limit"),
        "/api/quotes": api(
            lambda s, **f: query.quotes(s, **{"limit": 1000, **f}),
            speaker="text",
            kind=get_args(QuoteKind),
            since="date",
            until="date",
            limit="limit",
        ),
        "/api/actors": api(
            lambda s, **f: query.actors(s, **{"limit": 1000, **f}),
            name="text",
            kind=get_args(ActorKind),
            limit="limit",
        ),
        "/api/stances": api(query.stances, issue="text", actor="text", since="date", until="date"),
        "/api/figures": api(query.figures, holder="text"),
        "/api/events": api(query.events, participant="text"),
    }

    async def api_not_found(request: Request):
        return JSONResponse(
            {"error": f"no such endpoint {request.url.path}; /api lists them"}, status_code=404
        )

    async def api_index(request: Request):
        listing = {path: sorted(endpoint.params) for path, endpoint in endpoints.items()}
        listing["/api/article/{id}"] = []
        return JSONResponse(listing)

    async def article_json(request: Request):
        if request.query_params:
            return _bad(f"unknown parameter {next(iter(request.query_params))!r}; this endpoint takes none")
        with store() as s:
            article = query.article(s, request.path_params["article_id"])
        if article is None:
            return JSONResponse({"error": "no such article"}, status_code=404)
        return JSONResponse(article.to_dict())

    return Starlette(
        routes=[
            Route("/", index),
            Route("/article/{article_id}", article_page),
            Route("/quotes", quotes_page),
            Route("/actors", actors_page),
            Route("/api", api_index),
            *(Route(path, endpoint) for path, endpoint in endpoints.items()),
            Route("/api/article/{article_id}", article_json),
            Route("/api/{rest:path}", api_not_found),
        ]
    )


def _check(kind: str, value: str) -> str | None:
    """What is wrong with a query parameter's value, or None. ``kind`` is "text", "date", "limit",
    or the tuple of the values allowed."""
    if isinstance(kind, tuple) and value not in kind:
        return f"{value!r} is not one of {', '.join(kind)}"
    if kind == "date":
        try:
            check_date(value)
        except QueryError as exc:
            return exc.message
    if kind == "limit" and not (re.fullmatch("[0-9]+", value) and 1 <= int(value) <= 1000):
        return f"{value!r} is not a number from 1 to 1000"
    return None


def _bad(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=400)
