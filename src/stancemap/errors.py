"""Coded errors: each says what went wrong and what to do.

``Skip`` is not raised past one document: a source or stage that cannot use an input reports it as a
``Skip`` (with a code and a reason) and the run goes on with the next document.
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


class InputError(StancemapError):
    """One input cannot be used; carries the skip code."""

    code = "E010"

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


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
