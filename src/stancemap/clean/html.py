"""HTML pages: the article body with trafilatura, then the news furniture it lets through.

trafilatura (precision mode) finds the main content block; what it keeps of that block still
carries the page's furniture: the headline repeated, "Related:" and "Read more:" links and the
lists under them, newsletter and subscription boxes, share and comment prompts, reading times,
photo credits and agency credit lines. ``furniture`` drops those lines by their wording.
Metadata comes from the markup (``metadata.page_metadata``), not from trafilatura's slower pass.
"""

from __future__ import annotations

import logging
import re

from ..model import Cleaned, Document
from .metadata import page_metadata
from .text import split_paragraphs

# trafilatura warns of a page it finds no article in ("discarding data: None", a page cut short, say)
# and of fallbacks that failed; such a page is this project's own one-line skip (S007) already, so
# only its errors get through, in every process that cleans HTML (unless its level was set before).
_TRAFILATURA_LOG = logging.getLogger("trafilatura")
if _TRAFILATURA_LOG.level == logging.NOTSET:
    _TRAFILATURA_LOG.setLevel(logging.ERROR)

_WORD = re.compile(r"\w+")
# Lines that only announce links elsewhere; the list items right after them go with them.
_LINK_HEADER = re.compile(
    r"^\W*(related( (stories|articles|posts|coverage|content|post))?|read (more|also|next)|see (more|also)|"
    r"more( (stories|news|from|on|like this))?|also( on| read| see)?|you may (also )?like|"
    r"you might (also )?(like|be interested in)|don'?t miss|recommended( for you| reading)?|most (read|popular|viewed)|"
    r"trending( now)?|top stories|further reading|what to read next|leia (também|mais)|baca juga|lesen sie auch|"
    r"à lire aussi|lee también)\b\s*(:|\.\.\.|…|$)",
    re.I,
)
# Furniture recognised by the whole line, whatever its length.
_FURNITURE = re.compile(
    r"^\W*(filed under|tags?|categor(y|ies)|source|sources|comments?|\d* ?comments|tell us what you think|"
    r"leave a (comment|reply)|share (this|on|via)|like this (story|article)|follow (us|\w+ on)|"
    r"sign up|subscribe|get the latest|click here|advertisement|copyright|©|"
    r"(reporting|writing|editing|additional reporting|compiled) by|"
    r"\w[\w .'-]{0,40} contributed (reporting|to this report)|"
    r"(associated press|ap) writers?\b|have a tip\?|"
    r"(tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura)\b|\d+ min(ute)?s? read\b|"
    r"updated( at| on)?:? \d|published( at| on)?:? \d|posted( at| on)?:? \d)",
    re.I,
)
# Newsletter, subscription and donation boxes: short lines made of their vocabulary.
_APPEAL = re.compile(
    r"\b(newsletters?|subscri(be|ption)|sign up|inbox|delivered (to|through) your|donat(e|ion)|your support|"
    r"free trial|for as little as|get access to|register now|download (the|our) app)\b",
    re.I,
)
# "By Maria Lopez, Local Democracy Reporter": a name right after "By", not "By the end of ...".
_BYLINE = re.compile(
    r"^\s*([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Oo]leh)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*\s*(,|\||and\b|$)"
)
_LIST_ITEM = re.compile(r"^\s*[-•*·–]\s")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def furniture(lines: list[str], title: str | None = None) -> list[bool]:
    """For each body line from trafilatura, whether it is page furniture rather than article text."""
    title_key = _norm(title or "")
    drop = []
    in_link_list = False
    for line in lines:
        words = len(_WORD.findall(line))
        key = _norm(line)
        is_header = bool(_LINK_HEADER.match(line)) and words <= 25
        if in_link_list and (_LIST_ITEM.match(line) or (words <= 15 and not re.search(r"[.!?]\W*$", line))):
            drop.append(True)
            continue
        in_link_list = is_header
        drop.append(
            is_header
            or (bool(title_key) and key == title_key)
            or (words <= 30 and bool(_FURNITURE.match(line)))
            or (words <= 12 and bool(_BYLINE.match(line)))
            or (words <= 40 and len(_APPEAL.findall(line)) >= 1 and not _quoted(line))
        )
    return drop


def _quoted(line: str) -> bool:
    """Reported speech that mentions a newsletter is article text, not a signup box."""
    return bool(re.search(r"[\"“”‘]|''|\bsaid\b|\bsays\b", line))


_DOCUMENT_TAG = re.compile(r"<(?:html|body|head|!doctype)\b", re.I)


def clean_html(document: Document) -> Cleaned:
    """Extract the article from an HTML page. ``Cleaned.text`` is the extracted text: offsets point there."""
    import trafilatura
    from trafilatura.utils import load_html

    content = document.content
    if not _DOCUMENT_TAG.search(content[:4096]):
        # A fragment (a feed item's description, a lone "<p>…</p>"): trafilatura reads no tree from
        # it and the article would be lost; in a page of its own it reads like any other.
        content = f"<html><body>{content}</body></html>"
    tree = load_html(content)
    if tree is None:
        return Cleaned(text="", paragraphs=[])
    meta = page_metadata(tree, document.url, document.published)
    result = trafilatura.bare_extraction(tree, url=document.url, favor_precision=True, include_comments=False)
    text = (result.text if result is not None else "") or ""
    lines = split_paragraphs(text, single_newline=True)
    drop = furniture([text[s:e] for s, e in lines], meta.title)
    return Cleaned(
        text=text,
        paragraphs=[span for span, dropped in zip(lines, drop, strict=True) if not dropped],
        title=meta.title,
        site=meta.site,
        author=meta.author,
        published=meta.published,
        url=meta.url or document.url,
    )
