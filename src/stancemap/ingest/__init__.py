"""Sources: turn paths (files, folders, stdin, archives, feeds, dumps) into a stream of Documents.

Readers are chosen by file name (``.gz`` is looked through, and gzip is undone by its magic number
whatever the name): ``.warc`` (warc.py), ``.jsonl``/``.ndjson`` (jsonl.py), ``.rss``/``.atom`` and
``.xml`` files whose root element is a feed (feeds.py), ``-`` for stdin (stdin.py, by content), a file
whose name says nothing of its format by its content as stdin is, and every other file named as one
text or HTML document (files.py). Folders are walked recursively and read only for the files whose
names say they are news input (``FOLDER_SUFFIXES``, feeds for ``.xml``,
text for a file without a suffix): a watchlist, a CSV, a README, a LICENSE-MIT, an editor backup
(``story.txt~``) or code beside the articles is one ``SKIP_UNSUPPORTED`` Skip, never an article; hidden
files and an SQLite store are left out.

Each yields ``Document`` or ``Skip`` and never raises for one bad input, so a run always goes on
with the next one. Nothing is held in memory beyond one document (a feed file: one feed).
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import SKIP_FAILED, InputError, Skip
from ..model import Document
from .files import HTML_SUFFIXES, MAX_DOCUMENT_BYTES, TEXT_SUFFIXES, looks_binary, read_file, walk
from .sniff import SNIFF_BYTES, is_feed, sniff
from .streams import open_stream

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


# Suffixes shared with other kinds of file: read as a container only when the content says so.
SNIFFED_READERS: dict[str, tuple[str, str]] = {
    ".xml": ("feeds", "read_feed"),
}

# What a folder is read for (".gz" looked through): plain text (``files.TEXT_SUFFIXES``: .txt, .text, .md,
# and files without a suffix, such as scraper dumps named "article-12345", when they hold text), HTML pages
# and the formats above. Files named on the command line are read whatever their name; in a folder, a
# watchlist, a CSV, a README or code is not news, and reading it as an article would store invented quotes.
FOLDER_SUFFIXES = {*TEXT_SUFFIXES, *HTML_SUFFIXES, *CONTAINER_READERS, *SNIFFED_READERS}
# A suffix is a short run of letters and digits; what follows the last dot of "story.12345" or
# "www.example.com_2019_11_19" is part of the name, and such a file is read as one without a suffix.
_SUFFIX = re.compile(r"\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,8}")
# Files of a project beside the articles, read as text were they named as such: README, README.md,
# LICENSE-MIT, NEWS, Gemfile, ... A name may go on after a dash when what follows is in capitals
# ("LICENSE-MIT", "README-DE") or names a licence ("license-apache"); "news-story.txt" is an article.
PROJECT_FILES = {
    "readme", "license", "licence", "copying", "copyright", "notice", "authors", "contributors",
    "contributing", "maintainers", "codeowners", "changelog", "changes", "news", "history", "install",
    "todo", "makefile", "dockerfile", "procfile", "gemfile", "rakefile", "vagrantfile", "jenkinsfile",
    "pipfile", "brewfile", "podfile", "justfile", "code_of_conduct", "security", "version",
}  # fmt: skip
_LICENCES = {"license", "licence", "copying", "copyright"}
_PROJECT_NAME = re.compile(r"([a-z_]+)(?:-(.+))?")
# An editor's backup ("story.txt~", Emacs' "#story.txt#") holds an older copy of an article beside it.
# (Emacs' lock file ".#story.txt" is hidden, and left out as hidden files are.)
_BACKUP = re.compile(r".*~|#.*#")
# The SQLite store (and its -wal, -shm and -journal files) often sits in the folder it is fed from
# (`stancemap ingest .` writes ./stancemap.db): it is left out without a skip line, as hidden files are,
# since nothing in it is news and a line about it on every run would hide the skips that matter.
_STORE_FILE = re.compile(r"\.(?:db|sqlite3?)(?:-wal|-shm|-journal)?$")


# A file whose name says nothing of its format ("dump.json", "crawl.bin", "feed") is read by what it
# holds, as stdin is; one named as text or HTML is taken at its word.
_BY_CONTENT: dict[str, tuple[str, str]] = {
    "warc": ("warc", "read_warc"),
    "jsonl": ("jsonl", "read_jsonl"),
    "feed": ("feeds", "read_feed"),
}


def reader_for(path: Path) -> Reader | None:
    """The reader for a container file (``reader(path, *, limit)``), or None for a single document."""
    if str(path) == "-":
        return _load("stdin", "read_stdin")
    name = path.name.lower().removesuffix(".gz")
    for suffix, target in CONTAINER_READERS.items():
        if name.endswith(suffix):
            return _load(*target)
    suffix = _suffix(name)
    if suffix in HTML_SUFFIXES or (suffix and suffix in TEXT_SUFFIXES):
        return None
    kind = _content_kind(path)
    if suffix in SNIFFED_READERS:  # ".xml": a feed, or one document
        return _load(*SNIFFED_READERS[suffix]) if kind == "feed" else None
    target = _BY_CONTENT.get(kind)
    return _load(*target) if target else None


def _suffix(name: str) -> str:
    """The suffix of a file name, "" when what follows its last dot is part of the name ("story.12345")."""
    suffix = Path(name).suffix
    return suffix if _SUFFIX.fullmatch(suffix) else ""


def _content_kind(path: Path) -> str:
    """What a file holds, from its first bytes (``sniff.sniff``); JSONL only when its first line opens an
    object with a key, as a dump's rows do (a pretty-printed JSON file opens with "{" alone)."""
    try:
        with open_stream(path) as stream:
            head = stream.peek(SNIFF_BYTES)
    except (OSError, InputError):  # unreadable: read_file says why
        return "text"
    kind = sniff(head)
    if kind == "jsonl" and not _JSON_ROW.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "text"
    return kind


_JSON_ROW = re.compile(rb'\s*\{[^\S\n]*"')


def _load(module: str, function: str) -> Reader:
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def _is_feed(path: Path) -> bool:
    try:
        with open_stream(path) as stream:
            return is_feed(stream.peek(SNIFF_BYTES))
    except (OSError, InputError):  # unreadable: read_file says why
        return False


def _not_news(path: Path) -> str | None:
    """Why a file found in a folder is not read (its name, or for a file without a suffix its content,
    says it is no news input), "" to leave it out without a word (an SQLite store), or None to read it."""
    name = path.name.lower().removesuffix(".gz")
    if _STORE_FILE.search(name):
        return ""
    suffix = _suffix(name)
    stem = name.removesuffix(suffix)
    if suffix in SNIFFED_READERS:
        return None if _is_feed(path) else f"a {suffix} file that is not an RSS/Atom feed"
    if _BACKUP.fullmatch(name):
        return f"an editor backup ({path.name}), not news, is not read from a folder; name it on its own to read it"
    if suffix in TEXT_SUFFIXES and _is_project_file(path.name.removesuffix(".gz")[: len(stem)]):
        return f"a project file ({path.name}), not news, is not read from a folder; name it on its own to read it"
    if suffix == "":
        kind = None if _is_text(path) else "a file without a suffix that is not text"
    elif suffix in FOLDER_SUFFIXES:
        kind = None
    else:
        kind = f"a {suffix} file"
    if kind is None:
        return None
    return (
        f"{kind} is not read from a folder (text, HTML, WARC, JSONL and feed files are); "
        "name it on its own to read it"
    )


def _is_project_file(stem: str) -> bool:
    """Whether a name (its text suffix taken off) is a project's file: "LICENSE", "LICENSE-MIT", "NEWS"."""
    match = _PROJECT_NAME.fullmatch(stem.lower())
    if not match or match[1] not in PROJECT_FILES:
        return False
    tail = stem[len(match[1]) + 1 :]
    return match[2] is None or match[1] in _LICENCES or not any(c.islower() for c in tail)


def _is_text(path: Path) -> bool:
    try:
        with open_stream(path) as stream:
            return not looks_binary(stream.peek(SNIFF_BYTES))
    except (OSError, InputError):  # unreadable: read_file says why
        return True


def walk_inputs(paths: list[str]) -> Iterator[Path | Skip]:
    """``files.walk`` with the folder filter ``iter_documents`` uses: each file to read, and a
    ``SKIP_UNSUPPORTED`` Skip for each file found in a folder that is no news input (an SQLite store
    is left out without one)."""
    return walk(paths, not_read=_not_news)


def _single_file(path: Path, limit: int) -> Iterator[Document | Skip]:
    try:
        yield read_file(path, limit=limit)
    except InputError as exc:
        yield Skip(str(path), exc.code, exc.message)


def iter_documents(paths: list[str], *, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[Document | Skip]:
    """Every document under ``paths`` (files, folders, ``-``), in order, as Document or Skip.

    ``limit`` is the largest document in bytes (uncompressed): one over it is a ``SKIP_TOO_LARGE``.
    A Skip's ``source`` names the file, or the record/entry/line in it (``file#id``, ``file:line``).
    """
    for item in walk_inputs(paths):
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


__all__ = [
    "iter_documents",
    "walk_inputs",
    "read_file",
    "reader_for",
    "CONTAINER_READERS",
    "FOLDER_SUFFIXES",
    "MAX_DOCUMENT_BYTES",
]
