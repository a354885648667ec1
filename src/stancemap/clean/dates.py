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


# Month and weekday names, in calendar order (shared by the date, byline and event code).
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# A date with its year, as pages print it: "March 4, 2025", "Nov. 19th 2019", "4 Mar 2025", "20 Nov, 2019",
# "2025-03-04". Numbers with slashes are left out (11/12/19 is ambiguous), as in normalise_date.
_MONTH = (
    r"(?P<{}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
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
# Words of a publication label: "Published", "Publish date", "Date posted", "Created on", "Written by".
_PUBLICATION_WORD = (
    r"(?:publish(?:ed)?|publication|posted|updated|modified|created|submitted|written|date[d]?|pubdate)"
)
_LABEL = re.compile(
    r"\b(?:(?:first|last|originally|article|story|post)\s+)?(?:"
    + _PUBLICATION_WORD[3:-1]
    + r"|on|at|by)\b:?",
    re.I,
)
_PUBLISHED = re.compile(r"\b(?:publish(?:ed)?|publication|posted|created|submitted)\b", re.I)
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
# A sentence ends in a full stop (not a time's "p.m."), a question or an exclamation mark, or a closing
# quote; a date line does not.
_SENTENCE_END = re.compile(r"(?<![ap]\.m)[.!?\"”]\s*$", re.I)
# A date right after a publication label may end in a full stop: "Published: March 4, 2025." (a time
# may come between: "Posted on March 4, 2025 at 10:00 GMT.").
_STOP_AFTER_DATE = re.compile(
    r"^[\s,]*(?:(?:at|on)\s+)?[\d:.\sapmAPM]*(?:[A-Z]{1,4}T|UTC|GMT|ET|PT|CT)?\s*\.\s*$"
)
# A date right after one of these words, with other words before it, is the date of an event in a
# sentence or a notice: "Voters go to the polls on May 7, 2026", "Walkout set for June 12, 2025", "Year
# ended 31 March 2024". "Posted on …", "Originally published on …", "By Jane Doe on …", "Written by Jane
# Doe on …" and a line opening with "On …" are date lines.
_BEFORE_EVENT = re.compile(
    r"\b(?:on|by|until|till|before|after|for|from|since|through|ended|ending|due)\W*$", re.I
)
_PUBLICATION_LEAD = re.compile(
    r"^\W*(?:(?:(?:first|last|originally|article|story|post)\s+)?" + _PUBLICATION_WORD + r"\b|by\b|$)", re.I
)
# Segments of a line that holds several things: "By Jane Doe | March 4, 2025 • 2 min read".
_SEGMENT = re.compile(r"\s[|•·–—]\s|\s-\s")
# A label before a colon ("Deadline: 4 March 2026", "Next meeting: …", "Related: …, 1 March 2025") dates
# what it names; only a publication label dates the page. Labels in other languages are left alone.
_COLON_LABEL = re.compile(r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3})\s*:(?!\d)")
_PUBLICATION_LABEL = re.compile(
    r"(?:(?:first|last|originally|article|story|post)\s+)?(?:" + _PUBLICATION_WORD[3:-1] + r"|written by|by)"
    r"(?:\s+(?:date|on|at|" + _PUBLICATION_WORD[3:-1] + r"))?",
    re.I,
)
# In the body's first lines only a dateline, a labelled date or a date with nothing else but its time and
# a byline is read: "Monday November 18, 2019 7:45 am PST by Joe Rossignol", "19 Nov 2019 05:44 GMT".
_BY_NAME = re.compile(r"\bby\s+(?:[^\W\d_][\w.'’-]*\s*){1,4}", re.I)


def _text_date(match: re.Match) -> str | None:
    if match["y3"]:
        return _valid(match["y3"], match["m3"], match["d3"])
    month = _MONTHS[(match["m1"] or match["m2"])[:3].lower()]
    return _valid(match["y1"] or match["y2"], str(month), match["d1"] or match["d2"])


def _dates_an_event(line: str, found: re.Match) -> bool:
    """Whether the date ``found`` in ``line`` is what a sentence or a non-publication label says it is:
    a line that ends as a sentence does, a date after "on"/"by"/"for"/... with other words before them,
    or a label such as "Deadline:" before it."""
    if _SENTENCE_END.search(line) and not (
        _PUBLICATION_LABEL.fullmatch(line[: found.start()].strip(" \t:,-"))
        and _STOP_AFTER_DATE.match(line[found.end() :])
    ):
        return True
    segment = _SEGMENT.split(line[: found.start()])[-1]
    before = _BEFORE_EVENT.search(segment)
    if before and not _PUBLICATION_LEAD.match(segment[: before.start()]):
        return True
    return any(
        label.group(1).isascii() and not _PUBLICATION_LABEL.fullmatch(label.group(1))
        for label in _COLON_LABEL.finditer(segment)
    )


def date_line(line: str, *, in_body: bool = False) -> tuple[str, str | None] | None:
    """The date of a line that is a date line ("Published 4 March 2025", "Tue 4 Mar 2025 10.00 GMT",
    "By Jane Doe | March 4, 2025 6:00 pm ET"), and its label: "published" (also "posted"), "updated"
    (also "modified") or None; None when the line is not one.

    When a line gives both ("PUBLISHED: ... | UPDATED: ..."), the published date is the one read. A
    dateline opening a paragraph ("LONDON, March 4, 2025 (Reuters) -") counts; one without its year
    does not, as the year cannot be known. A sentence ("On March 4, 2019, she died at home.", "Voters go
    to the polls on May 7, 2026") and a label that is not of publication ("Deadline: 4 March 2026",
    "Walkout set for June 12, 2025") are no date lines. ``in_body``: the line is one of the body's, where
    only a dateline, a labelled date, or a date with nothing but its time and a byline is one.
    """
    if _CREDIT.match(line):
        return None
    dateline = _DATELINE.match(line)
    found = _TEXT_DATE.match(line, dateline.end()) if dateline else None
    if found:
        day = _text_date(found)
        return (day, None) if day else None
    found = _TEXT_DATE.search(line)
    if not found or len(line) > 200 or _dates_an_event(line, found):
        return None
    rest = line
    for pattern in (_TEXT_DATE, _TIME, _ZONE, _WEEKDAY):
        rest = pattern.sub(" ", rest)
    if len(_WORD.findall(_LABEL.sub(" ", rest))) > DATE_LINE_WORDS:
        return None
    label = None
    if published := _PUBLISHED.search(line):
        found = _TEXT_DATE.search(line, published.end()) or found
        label = "published"
    elif _UPDATED.search(line, 0, found.start()):
        label = "updated"
    labelled = label or any(_COLON_LABEL.finditer(line, 0, found.start()))
    if in_body and not labelled and _WORD.search(_LABEL.sub(" ", _BY_NAME.sub(" ", rest))):
        return None
    day = _text_date(found)
    return (day, label) if day else None


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (``/2019/11/19/``, ``/2019-11-19/``), or None."""
    if not url:
        return None
    match = _URL_DATE.search(urlparse(url).path)
    return _valid(match[1], match[3], match[4]) if match else None


def near_body_order(count: int, body: int) -> list[int]:
    """Where a page's date and byline are looked for among its ``count`` lines: the
    ``LINES_BEFORE_BODY`` lines above the body's first line (``body``), closest first, then its first
    ``LINES_INTO_BODY``."""
    start, end = max(0, body - LINES_BEFORE_BODY), min(count, body + LINES_INTO_BODY)
    return [*range(body - 1, start - 1, -1), *range(body, end)]


def near_body_date(
    lines: list[str], body: int, url: str | None = None, container: str | None = None
) -> str | None:
    """The publication date a scraped page shows where its article starts, else ``container`` (the date
    its container gives: a JSONL ``date``, a feed entry's, a WARC record's), else the date in its URL,
    else a date the page marks only as "updated".

    ``lines`` are the page's lines and ``body`` the index of the body's first line. The
    ``LINES_BEFORE_BODY`` lines above the body are read closest first, then its first
    ``LINES_INTO_BODY``. Unlabelled date lines with other dates close by are a list of dated links,
    and not read (a line labelled with another date, "Related: …, 1 March 2025", is no date line, so it
    does not make a list of a real date line beside it). A URL's date is a guess from its path, so a
    date the container states comes first; an "updated" date is not the first publication's, so it
    comes last.
    """
    start, end = max(0, body - LINES_BEFORE_BODY), min(len(lines), body + LINES_INTO_BODY)
    found = {
        i: date_line(lines[i], in_body=i >= body) for i in range(max(0, start - 3), min(len(lines), end + 3))
    }

    def listed(i: int) -> bool:
        day, label = found[i]
        return label is None and any(
            found.get(j) and found[j][1] is None and found[j][0] != day for j in range(i - 3, i + 4)
        )

    dated = [found[i] for i in near_body_order(len(lines), body) if found[i] and not listed(i)]
    published = next((day for day, label in dated if label != "updated"), None)
    updated = next((day for day, label in dated if label == "updated"), None)
    return published or container or url_date(url) or updated
