"""Coded errors: each says what went wrong and what to do.

``Skip`` is not raised past one document: a source or stage that cannot use an input reports it as a
``Skip`` (with a code and a reason) and the run goes on with the next document.

The command line prints a ``StancemapError`` as one line, ``error: [CODE] message``, and exits with 2.
Codes:

- E001 the spaCy model is not installed
- E002 the store cannot be opened (missing, newer schema, not SQLite, its folder missing or not writable,
  read-only with changes still in its write-ahead log)
- E003 an output file cannot be written (its folder is missing, or not writable), or the output has no
  room (a full disk, standard output included)
- E004 the web server cannot listen on the address given (in use, not an address of this machine)
- E005 a date or another filter value that a query cannot use
- E006 the Dask scheduler given cannot be reached (not an address, refused, timed out)
- E010 one input cannot be used; shown with its skip code (S0xx below) in place of E010
- E020 the watchlist cannot be read (``extract.issues.WatchlistError``)
- E030 an annotated (gold) file for ``eval`` cannot be used: not UTF-8, not JSON, a row without its fields,
  a span outside its text
- E031 the shared scorer cannot be found or loaded
- E032 a quality-gate pin file or scores file cannot be used
"""

from __future__ import annotations

from dataclasses import dataclass


class StancemapError(Exception):
    """Base class: ``code`` is stable (E0xx), the message says what to do."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ModelNotInstalled(StancemapError):
    code = "E001"


class StoreError(StancemapError):
    code = "E002"


class OutputError(StancemapError):
    """A file the user asked to be written cannot be."""

    code = "E003"


class ListenError(StancemapError):
    """The web server cannot listen on the address given."""

    code = "E004"


class SchedulerError(StancemapError):
    """The Dask scheduler given cannot be reached."""

    code = "E006"


class QueryError(StancemapError, ValueError):
    """A filter value (a date, a limit) that a query cannot use."""

    code = "E005"


class InputError(StancemapError):
    """One input cannot be used; carries the skip code."""

    code = "E010"

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


class GoldError(StancemapError, ValueError):
    """Annotated data for ``eval`` that cannot be used; the message names the file and line."""

    code = "E030"


class ScorerError(StancemapError):
    """The shared scorer (``quote_eval.py``) cannot be found or loaded."""

    code = "E031"


class GateError(StancemapError):
    """A quality-gate pin file (``gate/NAME.json``) or a scores file that cannot be used."""

    code = "E032"


# Skip codes, shared by every source and stage so that summaries can count them by reason.
SKIP_MISSING = "S001"  # path does not exist
SKIP_EMPTY = "S002"  # nothing but whitespace
SKIP_BINARY = "S003"  # NUL bytes or mostly non-text bytes
SKIP_ENCODING = "S004"  # not valid UTF-8 (and not declared otherwise)
SKIP_TOO_LARGE = "S005"  # over the size limit
SKIP_NOT_ENGLISH = "S006"  # stored with its language, not extracted
SKIP_NO_BODY = "S007"  # cleaning left no article text
SKIP_CORRUPT = "S008"  # truncated archive, broken gzip, bad JSON line, ...
SKIP_UNSUPPORTED = "S009"  # a format we do not read
SKIP_DUPLICATE = "S010"  # same content already stored
SKIP_FAILED = "S011"  # an unexpected error in one document (logged with its traceback)

SKIP_REASONS = {
    SKIP_MISSING: "missing",
    SKIP_EMPTY: "empty",
    SKIP_BINARY: "binary",
    SKIP_ENCODING: "invalid encoding",
    SKIP_TOO_LARGE: "too large",
    SKIP_NOT_ENGLISH: "not English",
    SKIP_NO_BODY: "no article body",
    SKIP_CORRUPT: "corrupt",
    SKIP_UNSUPPORTED: "unsupported",
    SKIP_DUPLICATE: "duplicate",
    SKIP_FAILED: "failed",
}


@dataclass(frozen=True)
class Skip:
    """An input that was not processed, and why (one line for the user)."""

    source: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.source}: {self.reason} [{self.code}]"


def one_line(text: object) -> str:
    """``text`` (a message, an exception) on one line, its runs of white space made single spaces."""
    return " ".join(str(text).split())
