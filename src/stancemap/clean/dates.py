"""Publication dates: scraper headers in plain text, and normalising dates to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime

# Scrapers often prefix the saved text with "date 2025-02-18", "Date: 18 February 2025", ...
_HEADER_DATE = re.compile(
    r"^\s*(?:date|published|publication date|pubdate)\s*[:=]?\s*"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]+)?|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2},? \d{4})",
    re.I,
)


def header_date(text: str) -> tuple[str | None, int]:
    """The date of a scraper header at the start of ``text``, and where the header ends (0 if none)."""
    match = _HEADER_DATE.match(text)
    if not match:
        return None, 0
    return normalise_date(match.group("value")), match.end()


def normalise_date(value: str | None) -> str | None:
    """Any common date spelling to YYYY-MM-DD, or None."""
    if not value:
        return None
    value = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None
