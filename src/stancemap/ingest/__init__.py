"""Sources: turn paths (files, folders, stdin, archives, feeds, dumps) into a stream of Documents.

Readers are chosen by file name. Each yields ``Document`` or ``Skip`` and never raises for one bad
input, so a run always goes on with the next one. Nothing is held in memory beyond one document.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import SKIP_FAILED, InputError, Skip
from ..model import Document
from .files import MAX_DOCUMENT_BYTES, read_file, walk

log = logging.getLogger(__name__)

Reader = Callable[..., Iterator["Document | Skip"]]

# File-name suffix (".gz" stripped first) -> (module in this package, reader function) for container
# formats that hold many documents. Imported on first use so that a plain-text run loads none of them.
CONTAINER_READERS: dict[str, tuple[str, str]] = {
    ".warc": ("warc", "read_warc"),
    ".jsonl": ("jsonl", "read_jsonl"),
    ".ndjson": ("jsonl", "read_jsonl"),
    ".rss": ("feeds", "read_feed"),
    ".atom": ("feeds", "read_feed"),
}


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower().removesuffix(".gz")
    for suffix, (module, function) in CONTAINER_READERS.items():
        if name.endswith(suffix):
            return getattr(importlib.import_module(f"{__name__}.{module}"), function)
    return None


def _single_file(path: Path, limit: int) -> Iterator[Document | Skip]:
    try:
        yield read_file(path, limit=limit)
    except InputError as exc:
        yield Skip(str(path), exc.code, exc.message)


def iter_documents(paths: list[str], *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Every document under ``paths``, in order, as Document or Skip."""
    for item in walk(paths):
        if isinstance(item, Skip):
            yield item
            continue
        try:
            reader = reader_for(item)
            yield from reader(item, limit=limit) if reader else _single_file(item, limit)
        except InputError as exc:
            yield Skip(str(item), exc.code, exc.message)
        except Exception as exc:  # one unreadable container must not end the run
            log.exception("reading %s failed", item)
            yield Skip(str(item), SKIP_FAILED, f"{type(exc).__name__}: {exc}")


__all__ = ["iter_documents", "read_file", "reader_for", "CONTAINER_READERS", "MAX_DOCUMENT_BYTES"]
