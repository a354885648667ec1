"""Publication dates: scraper headers and date lines in plain text, dates in URLs, and normalising
dates to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

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


# A date with its year, as pages print it: "March 4, 2025", "Nov. 19th 2019", "4 Mar 2025", "20 Nov, 2019",
# "2025-03-04". Numbers with slashes are left out (11/12/19 is ambiguous), as in normalise_date.
_MONTH = (
    r"(?P<{}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_TEXT_DATE = re.compile(
    r"\b(?:"
    + _MONTH.format("m1")
    + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+"
    + _MONTH.format("m2")
    + r",?\s+(?P<y2>\d{4})"
    + r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))(?!\d)",
    re.I,
)
# What else a date line holds: times, time zones, weekdays, its label, and a few words (a byline, the
# agency, "2 min read"). More words than that and the line is a sentence, whose dates are of events.
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b|T\d{2}:\d{2}[\d:.+Z-]*", re.I
)
_ZONE = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|GMT|ET|PT|CT|IST|Z)\b(?:\s*[+-]\s*\d{1,2})?")
_WEEKDAY = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\b\.?", re.I
)
_LABEL = re.compile(r"\b(?:first |last )?(?:published|updated|posted|modified|date|on|at|by)\b:?", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)
# Photo captions and credits carry the dates of what they show ("Source: Defense Ministry, October 25, 2019").
_CREDIT = re.compile(r"^\W*(?:source|photo|image|picture|file photo|credit|copyright|©)", re.I)
# A wire-style dateline opening the first paragraph: "WASHINGTON, March 4, 2025 (Reuters) - ...".
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,30},\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_]+")
DATE_LINE_WORDS = 5
# Where a date line (and a byline) sits: between the headline and the body. Further up are menus and
# today's-date widgets; further down, the dates of events and comments. Lines, not characters: a
# scraped page puts one block of its HTML on each line.
LINES_BEFORE_BODY = 15
LINES_INTO_BODY = 3  # a dateline opening the body, or a date line the cleaner kept
# /2019/11/19/ or /2019-11-19/ as whole path segments; a date inside a slug ("testimony-2019-11-19") is
# often of the event, so it is not read.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(\d{1,2})\2(\d{1,2})(?=/|$)")


def _text_date(match: re.Match) -> str | None:
    if match["y3"]:
        return _valid(match["y3"], match["m3"], match["d3"])
    month = _MONTHS[(match["m1"] or match["m2"])[:3].lower()]
    return _valid(match["y1"] or match["y2"], str(month), match["d1"] or match["d2"])


def date_line(line: str) -> tuple[str, str | None] | None:
    """The date of a line that is a date line ("Published 4 March 2025", "Tue 4 Mar 2025 10.00 GMT",
    "By Jane Doe | March 4, 2025 6:00 pm ET"), and its label: "published" (also "posted"), "updated"
    (also "modified") or None; None when the line is not one.

    When a line gives both ("PUBLISHED: ... | UPDATED: ..."), the published date is the one read. A
    dateline opening a paragraph ("LONDON, March 4, 2025 (Reuters) -") counts; one without its year
    does not, as the year cannot be known.
    """
    if _CREDIT.match(line):
        return None
    dateline = _DATELINE.match(line)
    found = _TEXT_DATE.match(line, dateline.end()) if dateline else None
    if found:
        day = _text_date(found)
        return (day, None) if day else None
    found = _TEXT_DATE.search(line)
    if not found or len(line) > 200:
        return None
    rest = line
    for pattern in (_TEXT_DATE, _TIME, _ZONE, _WEEKDAY, _LABEL):
        rest = pattern.sub(" ", rest)
    if len(_WORD.findall(rest)) > DATE_LINE_WORDS:
        return None
    label = None
    if published := _PUBLISHED.search(line):
        found = _TEXT_DATE.search(line, published.end()) or found
        label = "published"
    elif _UPDATED.search(line, 0, found.start()):
        label = "updated"
    day = _text_date(found)
    return (day, label) if day else None


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2019/11/19/``, ``/2019-11-19/``), or None."""
    if not url:
        return None
    match = _URL_DATE.search(urlparse(url).path)
    return _valid(match[1], match[3], match[4]) if match else None


def near_body_date(lines: list[str], body: int, url: str | None = None) -> str | None:
    """The publication date a scraped page shows where its article starts, else the date in its URL.

    ``lines`` are the page's lines and ``body`` the index of the body's first line. The
    ``LINES_BEFORE_BODY`` lines above the body are read closest first, then its first
    ``LINES_INTO_BODY``. Unlabelled date lines with other dates close by are a list of dated links,
    and not read. A date marked only as "updated" is taken when neither the lines nor the URL give
    another.
    """
    start, end = max(0, body - LINES_BEFORE_BODY), min(len(lines), body + LINES_INTO_BODY)
    found = {i: date_line(lines[i]) for i in range(max(0, start - 3), min(len(lines), end + 3))}

    def listed(i: int) -> bool:
        day, label = found[i]
        return label is None and any(
            found.get(j) and found[j][1] is None and found[j][0] != day for j in range(i - 3, i + 4)
        )

    order = [*range(body - 1, start - 1, -1), *range(body, end)]
    dated = [found[i] for i in order if found[i] and not listed(i)]
    published = next((day for day, label in dated if label != "updated"), None)
    updated = next((day for day, label in dated if label == "updated"), None)
    return published or url_date(url) or updated
