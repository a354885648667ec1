"""Plain text as scrapers save it: a header line, menus, appeals and footers around the article.

Boilerplate is removed paragraph by paragraph (no HTML is left to help): ``boilerplate.is_boilerplate``
decides for each paragraph; the article is what is kept.
"""

from __future__ import annotations

import re

from ..model import Cleaned, Document
from .boilerplate import keep_paragraphs
from .dates import header_date

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def split_paragraphs(text: str, *, single_newline: bool = False) -> list[tuple[int, int]]:
    """Non-empty paragraphs of ``text`` as (start, end), stripped of surrounding white space.

    Paragraphs are separated by blank lines; with ``single_newline`` every line is one
    (trafilatura's output puts one paragraph per line).
    """
    separator = re.compile(r"\n") if single_newline else _BLANK_LINE
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


def clean_text(document: Document) -> Cleaned:
    """Keep the article paragraphs of a plain-text document; ``text`` stays the file as read."""
    text = document.content
    published, _header_end = header_date(text)
    paragraphs = split_paragraphs(text)
    kept = keep_paragraphs(text, paragraphs)
    return Cleaned(text=text, paragraphs=kept, published=published, title=_title(text, kept))


def _title(text: str, kept: list[tuple[int, int]]) -> str | None:
    """A short first kept paragraph without final punctuation reads as the headline."""
    if len(kept) < 2:
        return None
    first = text[kept[0][0] : kept[0][1]]
    if len(first) < 200 and "\n" not in first and not first.rstrip().endswith((".", "”", '"')):
        return first.strip()
    return None
