"""Which units of a flattened page are article text, and which are boilerplate.

A two-stage logistic model over ``features.unit_features``: the first stage judges each unit on
its own shape and words; the second adds what the first thought of the neighbours, because article
text comes in runs (a short line between two paragraphs of prose is a subheading, the same line
inside a menu is a menu item). Weights live in ``boilerplate.json`` beside this module (trained by
``benchmarks/train_boilerplate.py``); inference is a few numpy dot products, nothing to download.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import numpy as np

from .features import (
    DATELINE,
    NAMES,
    boilerplate_signals,
    is_sentence,
    is_signature,
    is_signed_quotation,
    unit_features,
)

WEIGHTS = "boilerplate.json"
CONTEXT_NAMES = [
    "p",
    "p_prev",
    "p_next",
    "p_window2",
    "p_window5",
    "p_before_max3",
    "p_after_max3",
    "p_block",
]


@lru_cache(maxsize=1)
def load_weights() -> dict:
    with resources.files(__package__).joinpath(WEIGHTS).open(encoding="utf-8") as handle:
        weights = json.load(handle)
    if weights["names"] != NAMES:
        raise ValueError(f"{WEIGHTS} was trained on other features; retrain it")
    return weights


def context_features(p: np.ndarray, blocks: list[int]) -> np.ndarray:
    """What the first stage thought of each unit's neighbourhood (one row per unit)."""
    n = len(p)
    padded = np.concatenate([[0.0], p, [0.0]])
    cumulative = np.concatenate([[0.0], np.cumsum(p)])

    def window(radius: int) -> np.ndarray:
        idx = np.arange(n)
        lo, hi = np.maximum(idx - radius, 0), np.minimum(idx + radius + 1, n)
        return (cumulative[hi] - cumulative[lo]) / (hi - lo)

    before = np.array([p[max(0, i - 3) : i].max() if i else 0.0 for i in range(n)])
    after = np.array([p[i + 1 : i + 4].max() if i + 1 < n else 0.0 for i in range(n)])
    block_ids = np.asarray(blocks)
    block_mean = np.zeros(n)
    for b in np.unique(block_ids):
        mask = block_ids == b
        block_mean[mask] = p[mask].mean()
    return np.column_stack([p, padded[:-2], padded[2:], window(2), window(5), before, after, block_mean])


def _logistic(x: np.ndarray, stage: dict) -> np.ndarray:
    z = ((x - np.asarray(stage["mean"])) / np.asarray(stage["scale"])) @ np.asarray(stage["coef"]) + stage[
        "intercept"
    ]
    return 1.0 / (1.0 + np.exp(-z))


def unit_probabilities(units: list[str], blocks: list[int], weights: dict | None = None) -> np.ndarray:
    """Probability that each unit is article text."""
    if not units:
        return np.zeros(0)
    weights = weights or load_weights()
    x = np.asarray(unit_features(units, blocks), dtype=float)
    p1 = _logistic(x, weights["stage1"])
    x2 = np.column_stack([x, context_features(p1, blocks)])
    return _logistic(x2, weights["stage2"])


# A news page has a body: when the threshold leaves less than this many words, keep the units the
# model rates closest to its best one instead of nothing (short articles on busy pages).
MIN_BODY_WORDS = 40
FALLBACK_FLOOR = 0.5
# On a short article the model is less sure of every unit, so the threshold is also relative to
# the page's best unit.
RELATIVE_FLOOR = 0.6


def select(p: np.ndarray, words: list[int], threshold: float) -> list[bool]:
    """Which units to keep, given their probabilities and word counts."""
    if not len(p):
        return []
    keep = p >= min(threshold, RELATIVE_FLOOR * p.max())
    if sum(w for w, k in zip(words, keep, strict=True) if k) < MIN_BODY_WORDS:
        keep = p >= FALLBACK_FLOOR * p.max()
    return keep.tolist()


# A dropped run this short between kept units is part of the article unless it looks like furniture.
MAX_GAP = 2


def rescue(texts: list[str], keep: list[bool]) -> list[bool]:
    """Give back article units the model dropped: datelined openings and sentences beside the body.

    A unit that opens with a dateline ("WASHINGTON ― ...") starts the story. A run of at most
    ``MAX_GAP`` dropped units between two kept ones is part of it ("That comment is a lie.") unless
    it uses the words of page furniture, and so is a sentence next to a kept unit, or a quotation
    signed by its speaker ("“…” ― Name"), and the signature under a kept quotation. Clean articles
    then stay whole, while menus and appeals, which carry those words or are no sentences, stay out.
    """
    keep = list(keep)
    sentence = [
        (is_sentence(t) or is_signed_quotation(t)) and not boilerplate_signals(t, prose=True) for t in texts
    ]
    # The signature under a kept quotation is the quotation's: "“…”" then "- Janet Okafor."
    signature = [
        i > 0 and texts[i - 1].rstrip()[-1:] in '”"’' and is_signature(t) and not boilerplate_signals(t)
        for i, t in enumerate(texts)
    ]
    for i, unit in enumerate(texts):
        if not keep[i] and DATELINE.match(unit) and len(unit.split()) >= 12:
            keep[i] = not boilerplate_signals(unit, prose=True)
    kept_idx = [i for i, k in enumerate(keep) if k]
    for a, b in zip(kept_idx, kept_idx[1:], strict=False):
        gap = range(a + 1, b)
        if 1 <= len(gap) <= MAX_GAP and all(sentence[j] or not boilerplate_signals(texts[j]) for j in gap):
            for j in gap:
                keep[j] = True
    changed = bool(kept_idx)
    while changed:
        changed = False
        for i in range(len(keep)):
            beside = (i and keep[i - 1]) or (i + 1 < len(keep) and keep[i + 1])
            if not keep[i] and ((sentence[i] and beside) or (signature[i] and keep[i - 1])):
                keep[i] = changed = True
    return keep


def keep_units(
    text: str, units: list[tuple[int, int]], blocks: list[int], weights: dict | None = None
) -> list[tuple[int, int]]:
    """The article units of ``text`` among ``units`` (spans into ``text``)."""
    weights = weights or load_weights()
    texts = [text[s:e] for s, e in units]
    p = unit_probabilities(texts, blocks, weights)
    keep = rescue(texts, select(p, [len(t.split()) for t in texts], weights["threshold"]))
    return [span for span, kept in zip(units, keep, strict=True) if kept]


def boilerplate_score(unit: str) -> float:
    """0 for article text, 1 for boilerplate, judging one unit with no page around it."""
    return float(1.0 - unit_probabilities([unit], [0])[0])
