"""Clean stage: from a raw Document to the article text, its body paragraphs and metadata.

``clean`` is a pure function (Document in, Cleaned out), the same for ``stancemap clean``, ingest and
every engine that maps it over documents.
"""

from __future__ import annotations

from ..errors import SKIP_NO_BODY, InputError
from ..model import Cleaned, Document
from .html import clean_html
from .language import detect_language
from .text import clean_text


def clean(document: Document) -> Cleaned:
    """Body, metadata and language of one document; InputError when no article text is left."""
    cleaned = clean_html(document) if document.format == "html" else clean_text(document)
    cleaned.url = cleaned.url or document.url
    # A crawl date or Last-Modified only bounds the date: the last resort, after anything stated.
    cleaned.published = cleaned.published or document.published or document.crawl_date
    cleaned.title = cleaned.title or document.title
    cleaned.author = cleaned.author or document.author
    cleaned.site = cleaned.site or document.site
    if not cleaned.paragraphs:
        raise InputError(SKIP_NO_BODY, "no article text found after removing boilerplate")
    cleaned.language = detect_language(cleaned.text[cleaned.body[0] : cleaned.body[1]])
    return cleaned


__all__ = ["clean", "clean_text", "clean_html", "detect_language"]
