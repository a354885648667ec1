"""Publication dates: scraper headers in plain text, and normalising dates to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Scrapers often prefix the saved text with "date 2025-02-18", "Date: 18 February 2025", ...
_HEADER_DATE = re.compile(
    r"^\s*(?:date|published|publication date|pubdate)\s*[:=]?\s*"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]+)?|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})",
    re.I,
)
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
# 19.11.2019 is day first wherever dots are used; slashes are left alone (11/12/2019 is ambiguous).
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_FORMATS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
)


def header_date(text: str) -> tuple[str | None, int]:
    """The date of a scraper header at the start of ``text``, and where the header ends (0 if none)."""
    match = _HEADER_DATE.match(text)
    if not match:
        return None, 0
    return normalise_date(match.group("value")), match.end()


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        parsed = date(int(year), int(month), int(day))
    except ValueError:
        return None
    # Markup sometimes carries placeholder dates (0001-01-01, 1970-01-01) or far-future ones.
    return parsed.isoformat() if 1990 <= parsed.year <= 2100 else None


def normalise_date(value: str | None) -> str | None:
    """Any common date spelling to YYYY-MM-DD, or None."""
    if not value:
        return None
    value = " ".join(value.split())
    for pattern, order in ((_ISO, (1, 2, 3)), (_COMPACT, (1, 2, 3)), (_DOTTED, (3, 2, 1))):
        match = pattern.match(value)
        if match:
            return _valid(*(match[i] for i in order))
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.replace(".", "")).strip()
    for fmt in _FORMATS:
        try:
            return _valid(*datetime.strptime(cleaned, fmt).date().isoformat().split("-"))
        except ValueError:
            continue
    try:
        return _valid(*parsedate_to_datetime(value).date().isoformat().split("-"))
    except (TypeError, ValueError, IndexError):
        return None
