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

from .features import NAMES, unit_features

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


def keep_units(
    text: str, units: list[tuple[int, int]], blocks: list[int], weights: dict | None = None
) -> list[tuple[int, int]]:
    """The article units of ``text`` among ``units`` (spans into ``text``)."""
    weights = weights or load_weights()
    texts = [text[s:e] for s, e in units]
    p = unit_probabilities(texts, blocks, weights)
    keep = select(p, [len(t.split()) for t in texts], weights["threshold"])
    return [span for span, kept in zip(units, keep, strict=True) if kept]


def boilerplate_score(unit: str) -> float:
    """0 for article text, 1 for boilerplate, judging one unit with no page around it."""
    return float(1.0 - unit_probabilities([unit], [0])[0])
