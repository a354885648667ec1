"""Read files from disk (or stdin) into Documents, with a clear skip for anything unusable."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import (
    SKIP_BINARY,
    SKIP_EMPTY,
    SKIP_ENCODING,
    SKIP_MISSING,
    SKIP_TOO_LARGE,
    SKIP_UNSUPPORTED,
    InputError,
    Skip,
)
from ..model import Document
from .streams import GZIP_MAGIC, open_stream, read_limited, too_large_message

# A news article is tens of kilobytes; an HTML page with inline scripts a few megabytes at most.
# Anything larger is almost always a dump or a mistake, and one such file must not stall a run.
MAX_DOCUMENT_BYTES = 4_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def read_bytes(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (``-`` for stdin), gunzipped when it is gzip (by magic number).

    With ``limit``, an InputError(SKIP_TOO_LARGE) as soon as the (uncompressed) size passes it,
    without reading the rest; a broken gzip is InputError(SKIP_CORRUPT).
    """
    if limit is not None and str(path) != "-":
        size = path.stat().st_size
        if size > limit:  # gzip only shrinks what it holds by so much; its content is checked below
            with open(path, "rb") as fh:
                gzipped = fh.read(2) == GZIP_MAGIC
            if not gzipped:
                raise InputError(SKIP_TOO_LARGE, too_large_message(f"{size / 1e6:.1f} MB", limit))
    with open_stream(path) as stream:
        return read_limited(stream, limit if limit is not None else sys.maxsize)


def looks_binary(sample: bytes) -> bool:
    """NUL bytes, or more than one byte in ten a control character that text does not use."""
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls > len(sample) * 0.1


def decode(data: bytes, *, html: bool, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """Bytes to text, or an InputError that says why not."""
    if len(data) > limit:
        raise InputError(SKIP_TOO_LARGE, too_large_message(f"{len(data) / 1e6:.1f} MB", limit))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Text saved as UTF-16 (Windows editors do) says so with its byte-order mark.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(SKIP_ENCODING, f"not valid UTF-16 (byte {exc.start})") from exc
    if not data.strip():
        raise InputError(SKIP_EMPTY, "empty file")
    if looks_binary(data[:8192]):
        raise InputError(SKIP_BINARY, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data[:4096]) if html else None
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError(SKIP_ENCODING, f"not valid UTF-8 (byte {exc.start})") from exc


def decode_web(data: bytes, charset: str | None = None) -> str:
    """A fetched web page's bytes as text; never fails (a page is not worth losing to a few bad bytes).

    The HTTP charset wins, as in a browser, then a ``<meta charset>``, then UTF-8, then Windows-1252.
    One exception: a page declared Latin-1 (servers' default) that is valid UTF-8 with non-ASCII
    bytes is UTF-8, because real Latin-1 text almost never forms valid UTF-8 sequences.
    """
    declared = charset
    if not declared:
        meta = _CHARSET.search(data[:4096])
        declared = meta.group(1).decode("ascii", "replace") if meta else None
    if declared and codecs_name(declared) in _LATIN1:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            declared = "cp1252"  # what browsers read for "iso-8859-1"
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                pass
    return data.decode("cp1252", "replace")


def codecs_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_LATIN1 = {"iso8859-1", "latin-1", "cp1252", "ascii"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def read_file(path: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> Document:
    """One plain-text or HTML file (``-`` for stdin) as a Document; InputError when unusable.

    The format comes from the suffix (``.html``/``.htm``/...), else from the content.
    """
    if str(path) != "-" and not path.exists():
        raise InputError(SKIP_MISSING, "no such file")
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    html = suffix in HTML_SUFFIXES
    text = decode(read_bytes(path, limit=limit), html=html or suffix not in TEXT_SUFFIXES, limit=limit)
    html = html or looks_like_html(text)
    return Document(source=str(path), content=text, format="html" if html else "text")


def walk(paths: list[str], *, not_read: Callable[[Path], str | None] | None = None) -> Iterator[Path | Skip]:
    """Each path, folders expanded recursively in sorted order (hidden files and folders left out).

    ``not_read(file)`` says why a file found in a folder is not read (a ``SKIP_UNSUPPORTED`` Skip), ""
    to leave it out without a Skip, or None to read it; a path named on its own is always yielded.
    """
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(
                    part.startswith(".") for part in child.relative_to(path).parts
                ):
                    reason = not_read(child) if not_read else None
                    if reason is None:
                        yield child
                    elif reason:
                        yield Skip(str(child), SKIP_UNSUPPORTED, reason)
        elif path.exists():
            yield path
        else:
            yield Skip(raw, SKIP_MISSING, "no such file or folder")
