"""Plain text as scrapers save it: a header line, menus, appeals and footers around the article.

No HTML is left to help, so the page is cut into units (its lines, or its paragraphs when the text
is hard-wrapped) and ``boilerplate.keep_units`` decides for each one; the article is what is kept.
``Cleaned.text`` stays the file as read, so every kept span points into the source. The date and the
byline are read from the lines just above the body (``dates.near_body_date``, ``byline``).
"""

from __future__ import annotations

import re

from ..model import Cleaned, Document
from .boilerplate import keep_units
from .dates import MONTHS, WEEKDAYS, header_date, near_body_date, near_body_order

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")


def _letters(case) -> str:
    """A character class of the letters up to U+052F (the Latin, Greek and Cyrillic alphabets) and of
    Latin Extended Additional (U+1E00-U+1EFF: Vietnamese "Nguyễn") that ``case`` (str.isupper,
    str.islower) holds: Python's re has no \\p{Lu}."""
    codes = [c for c in [*range(0x41, 0x530), *range(0x1E00, 0x1F00)] if case(chr(c))]
    runs = [[codes[0], codes[0]]]
    for code in codes[1:]:
        if code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs) + "]"


# Upper- and lower-case letters, for names such as "José Álvarez", "Zoë Ball", "Łukasz Nowak" and
# "Nguyễn Văn An".
_UP, _LOW = _letters(str.isupper), _letters(str.islower)
# "By Jane Doe", "by Regan September 15, 2014", "By Meg James Staff Writer", "By A. Smith and B. Jones | ...":
# capitalised words after "By", up to one that is no part of a name (a date, a weekday, a role, a label).
_NOT_NAME = (
    r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:Staff|Senior|Special|Contributor|Contributing|Correspondent|Reporter|Writer|Editor"
    r"|Updated|Published|Posted|On|The)\b"
)
# "Troy", "L.", "O'Brien", "McDonald", "Jean-Luc", "MASCARO", "José".
_NAME_WORD = (
    rf"(?!{_NOT_NAME})"
    rf"(?:{_UP}\.|{_UP}(?:{_LOW}+|['’](?={_UP}))?(?:['’-]?{_UP}{_LOW}+)*|{_UP}{{2,}}(?:['’-]{_UP}+)*)"
)
# A title before the name is left out, in any case: "By Dr. Sarah Jones" and "By DR. SARAH JONES" are
# Sarah Jones.
_TITLE = r"(?:(?i:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Rev)\.?\s+)?"
# Lower-case particles between the capitalised words of a name: "Ursula von der Leyen", "Bashar al-Assad".
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|del|della|le|la|bin|ibn|al)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}(?:\s+|-))*{_NAME_WORD}){{0,3}}"
_BYLINE = re.compile(rf"^\s*(?i:by):?\s+{_TITLE}(?P<name>{_NAME}(?:\s+and\s+{_NAME})?)(?=$|\W|\s+\S)")
# "By Christmas Day", "By New Year's Eve", "By March", "By Black Friday" (whose name stops at the weekday):
# a time, not a name, when every word is one of these.
_TIME_WORDS = {
    "weekend", "week", "month", "year", "christmas", "easter", "thanksgiving", "halloween", "hanukkah",
    "ramadan", "diwali", "passover", "new", "years", "day", "eve", "night", "noon", "midnight", "morning",
    "evening", "afternoon", "today", "tonight", "tomorrow", "yesterday", "spring", "summer", "autumn",
    "fall", "winter", "end", "next", "last", "this", "election", "independence", "labor", "labour",
    "memorial", "valentine", "valentines", "mother", "father", "boxing", "black", "cyber", "prime",
    "giving", "holiday", "holidays", "season", "quarter",
} | set(MONTHS) | set(WEEKDAYS)  # fmt: skip
BYLINE_WORDS = 16  # a byline with its date and agency; a longer line is a sentence


def split_paragraphs(text: str, *, single_newline: bool = False) -> list[tuple[int, int]]:
    """Non-empty paragraphs of ``text`` as (start, end), stripped of surrounding white space.

    Paragraphs are separated by blank lines; with ``single_newline`` every line is one
    (trafilatura's output puts one paragraph per line).
    """
    separator = _NEWLINE if single_newline else _BLANK_LINE
    spans, cursor = [], 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[cursor:end]
        stripped = chunk.strip()
        if stripped:
            start = cursor + (len(chunk) - len(chunk.lstrip()))
            spans.append((start, start + len(stripped)))
        cursor = match.end() if match else len(text)
    return spans


def split_units(
    text: str, lines: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int]], list[int]]:
    """The units the classifier judges, as (start, end), and the blank-line block of each.

    Scrapers write one HTML block per line, so a line is the natural unit: a menu block's lines
    are judged one by one. Hard-wrapped text (a paragraph broken into lines of similar width) is
    judged paragraph by paragraph instead, or every line would look like a fragment. ``lines``: the
    text's lines (``split_paragraphs(text, single_newline=True)``), when the caller has them already.
    """
    paragraphs = split_paragraphs(text)
    lines = lines if lines is not None else split_paragraphs(text, single_newline=True)
    if _hard_wrapped(text, lines):
        return paragraphs, list(range(len(paragraphs)))
    blocks, b = [], 0
    for start, _end in lines:
        while b + 1 < len(paragraphs) and paragraphs[b][1] < start:
            b += 1
        blocks.append(b)
    return lines, blocks


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines of 50 to 100 characters and most of them not ending a sentence: wrapped prose."""
    if len(lines) < 8:
        return False
    lengths = [e - s for s, e in lines]
    mid = sum(50 <= n <= 100 for n in lengths)
    open_ended = sum(not re.search(r"[.!?:\"”’)]$", text[s:e]) for s, e in lines)
    return mid > 0.6 * len(lines) and open_ended > 0.5 * len(lines)


def clean_text(document: Document, weights: dict | None = None) -> Cleaned:
    """Keep the article units of a plain-text document; ``text`` stays the file as read.

    ``weights`` replaces the shipped classifier (the benchmark's out-of-fold models use it).
    """
    text = document.content
    published, header_end = header_date(text)
    spans = split_paragraphs(text, single_newline=True)  # the lines: units, and where dates are read
    units, blocks = split_units(text, spans)
    kept = keep_units(text, units, blocks, weights)

    # A scraper header glued to the first unit ("date 2025-02-18 Your support ...") is neither body
    # nor title.
    def after_header(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(max(s, header_end), e) for s, e in spans if e > header_end]

    title = _title(text, after_header(units))
    paragraphs = after_header(kept)
    lines = [text[s:e] for s, e in spans]
    start = paragraphs[0][0] if paragraphs else len(text)
    body = next((i for i, (s, _e) in enumerate(spans) if s >= start), len(spans))
    # What the page shows wins; then the date its container states (a JSONL "date", a feed entry's, a
    # WARC record's), which a date guessed from the URL's path must not override.
    published = published or near_body_date(lines, body, document.url, document.published)
    return Cleaned(
        text=text, paragraphs=paragraphs, published=published, title=title, author=byline(lines, body)
    )


def byline(lines: list[str], body: int) -> str | None:
    """The author a "By Jane Doe" line names, looked for where ``near_body_date`` looks for the date:
    the lines above the body's first line (``body``), closest first, then its first lines."""
    for i in near_body_order(len(lines), body):
        line = lines[i].strip()
        match = _BYLINE.match(line)
        # A sentence ("By Christmas, the shops were empty.") is no byline, nor a time ("By Christmas Day").
        if (
            match
            and len(line.split()) <= BYLINE_WORDS
            and not line.endswith((".", "!", "?", '"', "”"))
            and not all(re.sub(r"['’]s$", "", word.lower()) in _TIME_WORDS for word in match["name"].split())
        ):
            return match["name"]
    return None


def _title(text: str, units: list[tuple[int, int]]) -> str | None:
    """Scraped pages start with the page title (after any scraper header such as "date 2024-03-04");
    a short first line without final punctuation is it."""
    if len(units) < 2:
        return None
    first = text[units[0][0] : units[0][1]].strip()
    if 0 < len(first) < 200 and "\n" not in first and not first.endswith((".", "”", '"')):
        return first
    return None
