"""Which paragraphs of a flattened page are article text, and which are boilerplate."""

from __future__ import annotations

import re

# Phrases of donation appeals, newsletter boxes, cookie banners, share bars and footers.
_APPEAL = re.compile(
    r"\b(your support|support (us|now)|donat(e|ion)|subscribe|subscription|newsletter|sign up|"
    r"cookie|privacy policy|terms of (use|service)|all rights reserved|advertisement|read more|"
    r"follow us|share (this|on)|log ?in|create an account|©|copyright)\b",
    re.I,
)


def boilerplate_score(paragraph: str) -> float:
    """0 for article text, 1 for boilerplate (a first, rule-based version)."""
    words = paragraph.split()
    appeals = len(_APPEAL.findall(paragraph))
    if appeals >= 2 or (appeals and len(words) < 40):
        return 1.0
    if len(words) < 4 and not paragraph.rstrip().endswith((".", "”", '"', "?", "!")):
        return 0.6
    return 0.0


def keep_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The article paragraphs of ``text`` among ``paragraphs``."""
    return [(s, e) for s, e in paragraphs if boilerplate_score(text[s:e]) < 0.5]
