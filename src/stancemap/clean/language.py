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

    None means "cannot tell": too little text (under ``MIN_LETTERS`` letters once links and numbers
    are left out; under ``MIN_OTHER_SCRIPT_LETTERS`` for text mostly in a script other than Latin),
    or no language with a confidence of at least ``MIN_CONFIDENCE`` (``MIN_CONFIDENCE_OTHER_SCRIPT``
    for that text, which is surely not English whatever its exact language).
    Callers should treat None like English (extract), and skip only a definite other code.
    """
    sample_text = _NOISE.sub(" ", text[:sample])
    letters = [ch for ch in sample_text if ch.isalpha()]
    other_script = sum(ch > "\u024f" for ch in letters) * 2 > len(letters)  # past Latin Extended-B
    if len(letters) < (MIN_OTHER_SCRIPT_LETTERS if other_script else MIN_LETTERS):
        return None
    language, confidence = _identifier().classify(sample_text)
    needed = MIN_CONFIDENCE_OTHER_SCRIPT if other_script else MIN_CONFIDENCE
    return language if confidence >= needed else None
