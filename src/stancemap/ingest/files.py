"""Read files from disk (or stdin) into Documents, with a clear skip for anything unusable."""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import (
    SKIP_BINARY,
    SKIP_CORRUPT,
    SKIP_EMPTY,
    SKIP_ENCODING,
    SKIP_MISSING,
    SKIP_TOO_LARGE,
    InputError,
    Skip,
)
from ..model import Document

# A news article is tens of kilobytes; an HTML page with inline scripts a few megabytes at most.
# Anything larger is almost always a dump or a mistake, and one such file must not stall a run.
MAX_DOCUMENT_BYTES = 4_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it is gzip (by magic number, whatever its name)."""
    data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(SKIP_CORRUPT, f"broken gzip ({exc})") from exc
    return data


def decode(data: bytes, *, html: bool, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """Bytes to text, or an InputError that says why not."""
    if len(data) > limit:
        raise InputError(SKIP_TOO_LARGE, f"too large ({len(data) / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)")
    if not data.strip():
        raise InputError(SKIP_EMPTY, "empty file")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) * 0.1:
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


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def read_file(path: Path, *, limit: int = MAX_DOCUMENT_BYTES) -> Document:
    """One plain-text or HTML file as a Document (format by suffix, else by content)."""
    if str(path) != "-" and not path.exists():
        raise InputError(SKIP_MISSING, "no such file")
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    data = read_bytes(path)
    html = suffix in HTML_SUFFIXES
    text = decode(data, html=html or suffix not in TEXT_SUFFIXES, limit=limit)
    if not html and suffix not in TEXT_SUFFIXES | {".txt"}:
        html = looks_like_html(text)
    elif not html:
        html = looks_like_html(text)
    return Document(source=str(path), content=text, format="html" if html else "text")


def walk(paths: list[str]) -> Iterator[Path | Skip]:
    """Each path, folders expanded recursively in sorted order (hidden files left out)."""
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            yield path
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        elif path.exists():
            yield path
        else:
            yield Skip(raw, SKIP_MISSING, "no such file or folder")
