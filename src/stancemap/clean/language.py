"""Language of an article body (py3langid: small, offline, fast)."""

from __future__ import annotations


def detect_language(text: str, *, sample: int = 3000) -> str | None:
    """ISO 639-1 code of ``text`` (its first ``sample`` characters), or None when too little text."""
    import py3langid

    sample_text = text[:sample]
    if sum(ch.isalpha() for ch in sample_text) < 20:
        return None
    language, _score = py3langid.classify(sample_text)
    return language
