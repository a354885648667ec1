"""WARC archives (``.warc``, ``.warc.gz``): every HTML page a crawler fetched, one Document each.

Only ``response`` records with HTTP status 200 and an HTML content type are read; requests,
metadata, redirects, images and the like are passed over silently (they are not articles). The
archive is streamed record by record with fastwarc, so its size does not matter.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from fastwarc.stream_io import GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..errors import SKIP_CORRUPT, SKIP_EMPTY, SKIP_TOO_LARGE, InputError, Skip
from ..model import Document
from .files import MAX_DOCUMENT_BYTES, decode_web
from .streams import CHUNK, GZIP_MAGIC, GzipStream, open_stream, too_large_message

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Last-Modified before the web had news sites is a server default (often the epoch), not a date.
_EARLIEST = 1995


def read_warc(path: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Each HTML page in the WARC at ``path`` (``-`` for stdin; gzip or not) as a Document.

    Documents have ``format="html"``, ``url`` = WARC-Target-URI, ``published`` = a date hint
    (YYYY-MM-DD; see ``published_hint``) and ``source = f"{path}#{record id}"``, which is stable
    and unique within the archive. ``meta`` holds ``record_id``, ``offset`` (where fastwarc says the
    record starts: in a ``.warc.gz`` file, the offset of its gzip member), ``crawled`` (WARC-Date,
    ISO) and ``last_modified`` (ISO or None).

    A page over ``limit`` bytes or with an empty body is one Skip. A truncated or corrupt archive
    yields every page before the damage and then one ``SKIP_CORRUPT`` Skip for the rest.
    """
    source = str(path)
    if source != "-" and _is_gzip(path):
        yield from _read_gzip_file(path, limit)
        return
    with open_stream(path) as stream:
        pages = yield from iter_warc(stream, source, limit=limit)
        if pages is not None and not stream.gzip and source != "-" and not _ends_with_separator(path):
            # fastwarc stops silently at a record cut short inside its headers.
            yield Skip(source, SKIP_CORRUPT, f"truncated WARC (the last record is cut short); {_kept(pages)}")


def iter_warc(
    stream: Any, source: str, *, limit: int = MAX_DOCUMENT_BYTES
) -> Generator[Document | Skip, None, int | None]:
    """``read_warc`` on an open stream (gunzipped: see ``streams.open_stream``; or a fastwarc reader).

    Returns (as the generator's value) the number of pages yielded, or None when it stopped at damage.
    """
    seen: set[str] = set()
    pages = 0
    try:
        archive = ArchiveIterator(
            stream, record_types=WarcRecordType.response, auto_decode="all", stream_detect=False
        )
        for ordinal, record in enumerate(archive):
            item = _document(record, source, limit, seen, ordinal)
            if item is not None:
                pages += isinstance(item, Document)
                yield item
    except InputError as exc:
        yield Skip(source, exc.code, f"{exc.message}; {_kept(pages)}")
        return None
    except OSError as exc:  # fastwarc: a broken gzip block, unparseable record headers
        yield Skip(source, SKIP_CORRUPT, f"corrupt WARC ({exc}); {_kept(pages)}")
        return None
    return pages


def _read_gzip_file(path: Path, limit: int) -> Iterator[Document | Skip]:
    """A ``.warc.gz`` file, gunzipped by fastwarc (several times faster than Python's zlib).

    fastwarc ends silently at a gzip member that is cut short, so once it is done the last member
    is gunzipped again by ``GzipStream``, which says whether it is complete. In the usual layout (one
    member per record) that is one record; a WARC gzipped whole is read twice.
    """
    reader = GzipReader(str(path), fsspec_args=False)
    try:
        pages = yield from iter_warc(reader, str(path), limit=limit)
        last_member = reader.frame_start_position() or 0
    finally:
        reader.close()
    if pages is None:
        return
    try:
        with open(path, "rb") as fh:
            fh.seek(last_member)
            stream = GzipStream(fh)
            while stream.read(CHUNK):
                pass
    except InputError as exc:
        yield Skip(str(path), exc.code, f"{exc.message}; {_kept(pages)}")


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def _kept(pages: int) -> str:
    return f"kept the {pages} pages before it, skipped the rest of the file"


def _ends_with_separator(path: Path) -> bool:
    """Every WARC record, so every complete uncompressed archive, ends with CRLF CRLF."""
    with open(path, "rb") as fh:
        size = fh.seek(0, 2)
        if size == 0:
            return True
        fh.seek(max(0, size - 4))
        return fh.read(4) == b"\r\n\r\n"


def _document(
    record: WarcRecord, source: str, limit: int, seen: set[str], ordinal: int
) -> Document | Skip | None:
    http = record.http_headers
    if http is None or http.status_code != 200:
        return None
    if (record.http_content_type or "").lower() not in HTML_TYPES:
        return None
    # The ordinal (n-th response record) keeps sources unique when a broken writer omits or repeats ids.
    record_id = (record.record_id or "").strip("<>") or f"@{ordinal}"
    if record_id in seen:
        record_id = f"{record_id}@{ordinal}"
    seen.add(record_id)
    where = f"{source}#{record_id}"
    encoded = "Content-Encoding" in http or "Transfer-Encoding" in http
    expected = record.content_length
    if not encoded and expected > limit:
        return Skip(where, SKIP_TOO_LARGE, too_large_message(f"{expected / 1e6:.1f} MB", limit))
    try:
        payload = record.reader.read(limit + 1)
    except OSError as exc:  # a payload that says gzip but is not
        return Skip(where, SKIP_CORRUPT, f"undecodable HTTP payload ({exc})")
    if len(payload) > limit:
        return Skip(where, SKIP_TOO_LARGE, too_large_message(f"over {limit / 1e6:.1f} MB", limit))
    if not encoded and len(payload) < expected:
        raise InputError(SKIP_CORRUPT, f"truncated WARC (record {record_id} is cut short)")
    if not payload.strip():
        return Skip(where, SKIP_EMPTY, "empty HTML page")
    crawled = record.record_date
    modified = record.http_last_modified
    return Document(
        source=where,
        content=decode_web(payload, record.http_charset),
        format="html",
        url=record.headers.get("WARC-Target-URI"),
        crawl_date=published_hint(crawled, modified),
        meta={
            "record_id": record_id,
            "offset": record.stream_pos,
            "crawled": crawled.isoformat() if crawled else None,
            "last_modified": modified.isoformat() if modified else None,
        },
    )


def published_hint(crawled: datetime | None, modified: datetime | None) -> str | None:
    """A fallback publication date (YYYY-MM-DD) from the WARC and HTTP headers.

    The page's own date (found by the clean stage) always wins; this is only used when it has none.
    Last-Modified is the better hint for a static article page, but only when it is plausible: not
    after the crawl, not a server default like the epoch, and not simply the time the page was
    served (dynamic pages send "now"). Otherwise the crawl date, an upper bound that news crawls
    take within hours of publication.
    """
    if modified is not None and modified.year >= _EARLIEST:
        if crawled is None:
            return modified.date().isoformat()
        if (crawled - modified).total_seconds() > 60:
            return modified.date().isoformat()
    return crawled.date().isoformat() if crawled else None
