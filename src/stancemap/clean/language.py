"""Language of an article body (py3langid: small, offline, fast; the model ships inside the package)."""

from __future__ import annotations

import re
from functools import cache

# Below this many letters a guess is noise ("Hello world" comes out as Fula).
MIN_LETTERS = 40
# A script other than the Latin one tells much more in few letters (a Chinese or Russian headline).
MIN_OTHER_SCRIPT_LETTERS = 10
# Normalised probability under which the answer is "do not know": lists of names, tables of
# figures and the like score low for every language, and are not evidence of a foreign article.
MIN_CONFIDENCE = 0.8
MIN_CONFIDENCE_OTHER_SCRIPT = 0.5

# Not language: addresses and numbers would only dilute the sample.
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[\d.,:%/$£€+-]+")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Loaded once per process (about a second); norm_probs gives a confidence in [0, 1].
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, sample: int = 3000) -> str | None:
    """ISO 639-1 code of ``text`` (judged on its first ``sample`` characters), or None.

    None means "cannot tell": too little text (under ``MIN_LETTERS`` letters once links and
    numbers are left out, or ``MIN_OTHER_SCRIPT_LETTERS`` mostly in a script other than Latin), or no language with a confidence of at least ``MIN_CONFIDENCE``.
    Callers should treat None like English (extract), and skip only a definite other code.
    """
    sample_text = _NOISE.sub(" ", text[:sample])
    letters = [ch for ch in sample_text if ch.isalpha()]
    other_script = sum(ch > "\u024f" for ch in letters)  # past Latin Extended-B
    if len(letters) < MIN_LETTERS and not (
        other_script >= MIN_OTHER_SCRIPT_LETTERS and other_script * 2 > len(letters)
    ):
        return None
    language, confidence = _identifier().classify(sample_text)
    # In a script other than Latin the text is surely not English, whatever the exact language.
    needed = MIN_CONFIDENCE if other_script * 2 <= len(letters) else MIN_CONFIDENCE_OTHER_SCRIPT
    return language if confidence >= needed else None
