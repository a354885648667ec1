"""``-``: whatever is piped in, recognised by its first bytes (gzip transparent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, Skip
from ..model import STDIN as SOURCE
from ..model import Document
from .files import MAX_DOCUMENT_BYTES, decode
from .sniff import SNIFF_BYTES, sniff
from .streams import open_stream, read_limited


def read_stdin(path: Path = Path(SOURCE), *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Documents from stdin, by what it holds (see ``sniff.sniff``).

    JSONL (the first non-space character is ``{``) and WARC stream record by record; a feed yields
    its entries; anything else is one document, HTML when it starts like a page, else plain text.
    Sources start with ``-`` (``-:3`` for the third JSONL line, ``-#<record id>`` for a WARC record).
    """
    from .feeds import FEED_LIMIT_FACTOR, parse_feed
    from .jsonl import iter_jsonl
    from .warc import iter_warc

    with open_stream(path) as stream:
        try:
            kind = sniff(stream.peek(SNIFF_BYTES))
            if kind == "jsonl":
                yield from iter_jsonl(stream, SOURCE, limit=limit)
            elif kind == "warc":
                yield from iter_warc(stream, SOURCE, limit=limit)
            elif kind == "feed":
                yield from parse_feed(read_limited(stream, limit * FEED_LIMIT_FACTOR), SOURCE, limit=limit)
            else:
                text = decode(read_limited(stream, limit), html=kind == "html", limit=limit)
                yield Document(source=SOURCE, content=text, format="html" if kind == "html" else "text")
        except InputError as exc:
            yield Skip(SOURCE, exc.code, exc.message)
