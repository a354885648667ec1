"""RSS and Atom feed files: each entry with its full content (or else its summary) as one Document."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import SKIP_CORRUPT, SKIP_EMPTY, SKIP_TOO_LARGE, SKIP_UNSUPPORTED, InputError, Skip
from ..model import Document
from .files import MAX_DOCUMENT_BYTES, read_bytes
from .sniff import sniff
from .streams import too_large_message

# A feed holds many entries, so a feed file may be larger than one document may be.
FEED_LIMIT_FACTOR = 16

HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
_TAG = re.compile(r"<[A-Za-z/!]")
_EMAIL = re.compile(r"(?:mailto:)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+|mailto:", re.I)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|<\s*>|\[\s*\]")
_WRAPPED = re.compile(r"\([^()]*\)|<[^<>]*>|\[[^\[\]]*\]")
_LETTER = re.compile(r"[^\W\d_]")
# What a blogging platform writes where no author is known ("noreply@blogger.com (Unknown)"): no name.
_PLACEHOLDER_AUTHORS = {
    "unknown", "anonymous", "anon", "admin", "administrator", "staff", "editor", "editors", "noreply",
    "no-reply", "no reply", "none", "n/a",
}  # fmt: skip
_BY = re.compile(r"by\s+(?=\S)", re.I)


def read_feed(path: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Each entry of the RSS/Atom feed at ``path`` as a Document (gzip transparent).

    ``content`` is the entry's full content (RSS ``content:encoded``, Atom ``<content>``), else its
    summary/description; ``format`` is "html" when that is markup, else "text". ``url`` = entry
    link, ``published`` = entry date (published, else updated; YYYY-MM-DD), ``title`` = entry title,
    ``author`` = entry author's name (RSS ``author`` or ``dc:creator``, Atom ``<author><name>``; an
    e-mail address is left out, and an address alone gives none),
    ``source = f"{path}#{entry id, else link, else index}"``. ``meta`` holds ``feed_title``,
    ``entry_id`` and ``part`` ("content" or "summary").

    A file that is an HTML page rather than a feed is one ``SKIP_UNSUPPORTED`` Skip; an entry with
    nothing in it, or over ``limit``, is a Skip for that entry.
    """
    try:
        data = read_bytes(path, limit=limit * FEED_LIMIT_FACTOR)
    except InputError as exc:
        yield Skip(str(path), exc.code, exc.message)
        return
    yield from parse_feed(data, str(path), limit=limit)


def parse_feed(data: bytes, source: str, *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """``read_feed`` on the feed's bytes (already gunzipped)."""
    import feedparser  # imported here: slow to import, and only feeds need it

    if not data.strip():
        yield Skip(source, SKIP_EMPTY, "empty feed file")
        return
    # A stream, never a str: feedparser would take a string that looks like a URL or a path and open it.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        if sniff(data[:4096]) == "html":
            yield Skip(source, SKIP_UNSUPPORTED, "an HTML page, not an RSS/Atom feed")
        else:
            problem = parsed.get("bozo_exception")
            yield Skip(source, SKIP_CORRUPT, f"not an RSS/Atom feed ({problem or 'no feed elements'})")
        return
    if not parsed.entries:
        yield Skip(source, SKIP_EMPTY, "feed without entries")
        return
    feed_title = parsed.feed.get("title")
    seen: set[str] = set()
    for index, entry in enumerate(parsed.entries):
        key = entry.get("id") or entry.get("link") or str(index)
        if key in seen:  # ids repeat in careless feeds; the index keeps sources unique
            key = f"{key}@{index}"
        seen.add(key)
        yield _document(entry, f"{source}#{key}", limit, feed_title)


def _document(entry: Any, source: str, limit: int, feed_title: str | None) -> Document | Skip:
    part, value, kind = _body(entry)
    if not value.strip():
        return Skip(source, SKIP_EMPTY, "feed entry without content or summary")
    size = len(value.encode("utf-8", "surrogatepass"))
    if size > limit:
        return Skip(source, SKIP_TOO_LARGE, too_large_message(f"{size / 1e6:.1f} MB", limit))
    # feedparser calls every RSS description HTML; one without a tag is plain text.
    html = kind in HTML_TYPES and bool(_TAG.search(value))
    return Document(
        source=source,
        content=value,
        format="html" if html else "text",
        url=entry.get("link"),
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        title=entry.get("title"),
        meta={"feed_title": feed_title, "entry_id": entry.get("id"), "part": part},
        author=_author(entry),
    )


def _author(entry: Any) -> str | None:
    """The entry author's name, without an e-mail address; None when the feed gives only an address.

    RSS writes "jane@example.org (Jane Doe)", which feedparser's detail holds as the name alone; an Atom
    ``<name>`` may hold the whole "jane@example.org (Jane Doe)", and a bare "(Jane Doe)" comes through as
    it is written.
    """
    for value in ((entry.get("author_detail") or {}).get("name"), entry.get("author")):
        if name := author_name(value):
            return name
    return None


def author_name(value: str | None) -> str | None:
    """A container's author as a name: without an e-mail address, the brackets around the name or a
    leading "By " ("jane@example.org (Jane Doe)", "By Jane Doe": Jane Doe); None when nothing but an
    address is left, or a placeholder ("noreply@blogger.com (Unknown)", "Anonymous", "admin")."""
    name = _EMPTY_BRACKETS.sub(" ", _EMAIL.sub(" ", value or ""))
    name = " ".join(name.split()).strip(" ,;:-")
    while _WRAPPED.fullmatch(name):
        name = name[1:-1].strip()
    if by := _BY.match(name):
        name = name[by.end() :].strip(" ,;:-")
    if name.lower() in _PLACEHOLDER_AUTHORS:
        return None
    return name if _LETTER.search(name) else None


def _body(entry: Any) -> tuple[str, str, str]:
    """("content" | "summary", text, MIME type) of the fullest text the entry has."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return "content", best["value"], (best.get("type") or "text/html").lower()
    detail = entry.get("summary_detail") or {}
    return "summary", entry.get("summary") or "", (detail.get("type") or "text/html").lower()


def _date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
