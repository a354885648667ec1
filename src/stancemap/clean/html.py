"""HTML pages: body and metadata with trafilatura (and htmldate, which it uses for dates)."""

from __future__ import annotations

from ..model import Cleaned, Document
from .dates import normalise_date
from .text import split_paragraphs


def clean_html(document: Document) -> Cleaned:
    """Extract the article from an HTML page. ``Cleaned.text`` is the extracted text: offsets point there."""
    import trafilatura

    result = trafilatura.bare_extraction(
        document.content,
        url=document.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=False,
    )
    if result is None:
        return Cleaned(text="", paragraphs=[])
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    return Cleaned(
        text=text,
        paragraphs=split_paragraphs(text, single_newline=True),
        title=data.get("title"),
        site=data.get("sitename"),
        author=data.get("author"),
        published=normalise_date(data.get("date")),
        url=data.get("url") or document.url,
    )
