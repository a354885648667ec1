"""JSONL dumps: one JSON object a line, each an article (``{"text"|"html", "url", "date", ...}``)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..clean.dates import normalise_date
from ..errors import SKIP_BINARY, SKIP_CORRUPT, SKIP_EMPTY, SKIP_TOO_LARGE, InputError, Skip
from ..model import Document
from .feeds import author_name
from .files import MAX_DOCUMENT_BYTES, looks_binary
from .streams import open_stream, too_large_message

# Fields read into the Document; any others are kept in ``meta``.
CONTENT_FIELDS = ("html", "text")
KNOWN_FIELDS = {*CONTENT_FIELDS, "url", "date", "published", "title", "author", "site", "id"}


def read_jsonl(path: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Each line of the JSONL file at ``path`` (``-`` for stdin; gzip transparent) as a Document.

    A line is an object with ``html`` (format "html") or ``text`` (format "text"), and optionally
    ``url``, ``date`` or ``published`` (any common spelling or a Unix time, normalised to YYYY-MM-DD), ``title``,
    ``author``, ``site`` and ``id``. ``source = f"{path}#{id}"`` when the line has an id, else ``f"{path}:{line number}"``;
    other fields go to ``meta`` (with ``line``, the 1-based line number).

    Streams line by line; a line over ``limit`` bytes is skipped without being held whole. A
    broken line is one Skip (with its line number) and the next line is read. A truncated gzip
    yields every line before the damage, then one ``SKIP_CORRUPT`` Skip.
    """
    with open_stream(path) as stream:
        yield from iter_jsonl(stream, str(path), limit=limit)


def iter_jsonl(
    stream: BinaryIO, source: str, *, limit: int = MAX_DOCUMENT_BYTES
) -> Iterator[Document | Skip]:
    """``read_jsonl`` on an open, already gunzipped stream (see ``streams.open_stream``)."""
    lines = io.BufferedReader(stream) if not isinstance(stream, io.BufferedIOBase) else stream
    number = 0
    seen: set[str] = set()
    try:
        while line := lines.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_rest_of_line(lines)
                yield Skip(
                    f"{source}:{number}", SKIP_TOO_LARGE, f"line {number}: {too_large_message('line', limit)}"
                )
                continue
            if number == 1 and looks_binary(line[:8192]):
                # Not text at all: one skip for the file, not one for each of its "lines".
                yield Skip(source, SKIP_BINARY, "binary file, not JSONL")
                return
            if line.strip():
                yield _document(line, source, number, seen)
    except InputError as exc:
        yield Skip(source, exc.code, f"{exc.message} after line {number}; the rest of the file is skipped")


def _skip_rest_of_line(lines: BinaryIO) -> None:
    while chunk := lines.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _document(line: bytes, source: str, number: int, seen: set[str]) -> Document | Skip:
    where = f"{source}:{number}"
    try:
        row = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, and UnicodeDecodeError for bytes that are not UTF-8
        return Skip(where, SKIP_CORRUPT, f"line {number}: not valid JSON ({exc})")
    if not isinstance(row, dict):
        return Skip(where, SKIP_CORRUPT, f"line {number}: a JSON {type(row).__name__}, not an object")
    field = next((f for f in CONTENT_FIELDS if isinstance(row.get(f), str) and row[f].strip()), None)
    if field is None:
        return Skip(where, SKIP_EMPTY, f'line {number}: no "html" or "text"')
    if row.get("id") not in (None, ""):
        key = f"{source}#{row['id']}"
        where = key if key not in seen else f"{key}@{number}"
        seen.add(where)
    meta: dict[str, Any] = {k: v for k, v in row.items() if k not in KNOWN_FIELDS}
    meta["line"] = number
    return Document(
        source=where,
        content=row[field],
        format="html" if field == "html" else "text",
        url=_string(row.get("url")),
        published=published_date(row.get("date") or row.get("published")),
        title=_string(row.get("title")),
        meta=meta,
        author=author_name(_string(row.get("author"))),
        site=_string(row.get("site")),
    )


# Unix times from 1990 to 2100, in seconds or in milliseconds; other numbers are no dates.
_UNIX_SECONDS = (631_152_000, 4_102_444_800)


def _unix_date(value: float) -> str | None:
    for scale in (1, 1000):
        if _UNIX_SECONDS[0] <= value / scale < _UNIX_SECONDS[1]:
            return datetime.fromtimestamp(value / scale, tz=UTC).date().isoformat()
    return None


def _string(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def published_date(value: Any) -> str | None:
    """A date from a dump (ISO, "5 March 2024", RFC 2822 as in RSS and HTTP, Unix time in seconds or
    milliseconds as APIs give it) as YYYY-MM-DD, or None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # 20240305 is a date written as a number; 1709632800 a Unix time.
        return (
            normalise_date(str(value))
            if isinstance(value, int) and len(str(value)) == 8
            else _unix_date(value)
        )
    if not isinstance(value, str):
        return None
    date = normalise_date(value)
    if date is None:
        try:
            date = parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    return date
