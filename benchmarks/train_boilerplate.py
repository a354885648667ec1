"""Train the text-mode boilerplate classifier and write ``src/stancemap/clean/boilerplate.json``.

Usage: python benchmarks/train_boilerplate.py [--shared ../shared] [--folds 5] [--write]

Data: ``article-extraction/text-pages.jsonl`` (pages flattened to text) and its gold bodies. A unit
(line) is article text when most of its 4-token shingles occur in the gold body. The same 90 pages
are also the benchmark, so the score printed here is out-of-fold: pages are split by site into
folds, and each page is scored by a model trained without any page of its site (threshold chosen
on the training folds too). ``--write`` then trains on all pages and ships the weights.
scikit-learn is needed here only; inference is numpy (``stancemap.clean.boilerplate``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from stancemap.clean.boilerplate import WEIGHTS, context_features, rescue, select
from stancemap.clean.features import NAMES, unit_features
from stancemap.clean.text import split_units

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.75, 0.05)]


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("extraction_eval", shared / "eval" / "extraction_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def label_units(unit_texts: list[str], gold: str) -> list[int]:
    """1 when most of a unit's shingles (its whole token run when short) are in the gold body."""
    gold_tokens = _tokens(gold)
    gold_shingles = {tuple(gold_tokens[i : i + 4]) for i in range(len(gold_tokens) - 3)}
    gold_joined = " " + " ".join(gold_tokens) + " "
    labels = []
    for unit in unit_texts:
        toks = _tokens(unit)
        if not toks:
            labels.append(0)
        elif len(toks) < 6:
            labels.append(int(" " + " ".join(toks) + " " in gold_joined))
        else:
            shingles = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
            labels.append(int(sum(s in gold_shingles for s in shingles) >= 0.5 * len(shingles)))
    return labels


def load_pages(shared: Path) -> list[dict]:
    data = shared / "data" / "article-extraction"
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for line in (data / "text-pages.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans, blocks = split_units(row["text"])
        texts = [row["text"][s:e] for s, e in spans]
        pages.append(
            {
                "id": row["id"],
                "site": site(row["url"]),
                "text": row["text"],
                "units": texts,
                "blocks": blocks,
                "x": np.asarray(unit_features(texts, blocks), dtype=float),
                "y": np.asarray(label_units(texts, gold[row["id"]]["articleBody"])),
            }
        )
    return pages


def _weights(page: dict) -> np.ndarray:
    # The metric averages per page and counts shingles: weigh units by their length, pages equally.
    tokens = np.array([len(_tokens(u)) + 1 for u in page["units"]], dtype=float)
    return np.sqrt(tokens) / np.sqrt(tokens).sum() * 100


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, y, sample_weight=w)
    return {
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "coef": model.coef_[0].round(6).tolist(),
        "intercept": round(float(model.intercept_[0]), 6),
    }


def _prob(x: np.ndarray, stage: dict) -> np.ndarray:
    z = ((x - np.asarray(stage["mean"])) / np.asarray(stage["scale"])) @ np.asarray(stage["coef"]) + stage[
        "intercept"
    ]
    return 1.0 / (1.0 + np.exp(-z))


def train(pages: list[dict], c: float = 0.3) -> dict:
    """Both stages on ``pages``; the second stage sees the first stage's neighbourhood view."""
    x = np.vstack([p["x"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    w = np.concatenate([_weights(p) for p in pages])
    stage1 = _fit(x, y, w, c)
    x2 = np.vstack(
        [np.column_stack([p["x"], context_features(_prob(p["x"], stage1), p["blocks"])]) for p in pages]
    )
    stage2 = _fit(x2, y, w, c)
    return {"names": NAMES, "stage1": stage1, "stage2": stage2, "threshold": 0.5}


def page_probabilities(page: dict, weights: dict) -> np.ndarray:
    p1 = _prob(page["x"], weights["stage1"])
    return _prob(np.column_stack([page["x"], context_features(p1, page["blocks"])]), weights["stage2"])


def predictions(pages: list[dict], probs: list[np.ndarray], threshold: float) -> dict:
    return {
        page["id"]: {
            "articleBody": "\n".join(
                u
                for u, k in zip(
                    page["units"],
                    rescue(page["units"], select(p, [len(u.split()) for u in page["units"]], threshold)),
                    strict=True,
                )
                if k
            )
        }
        for page, p in zip(pages, probs, strict=True)
    }


def choose_threshold(pages: list[dict], probs: list[np.ndarray], gold: dict, scorer) -> float:
    subset = {p["id"]: gold[p["id"]] for p in pages}
    return max(THRESHOLDS, key=lambda t: scorer.score(subset, predictions(pages, probs, t))["F1"])


def out_of_fold(pages: list[dict], gold: dict, scorer, folds: int = 5, c: float = 0.3) -> dict[str, dict]:
    """For each page id, weights trained without any page of its site (threshold chosen without it too)."""
    groups = [p["site"] for p in pages]
    models: dict[str, dict] = {}
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(pages, groups=groups):
        train_pages = [pages[i] for i in train_idx]
        weights = train(train_pages, c)
        probs = [page_probabilities(p, weights) for p in train_pages]
        weights["threshold"] = float(choose_threshold(train_pages, probs, gold, scorer))
        for i in test_idx:
            models[pages[i]["id"]] = weights
    return models


def train_shipped(pages: list[dict], gold: dict, scorer, c: float = 0.3) -> dict:
    """The shipped model: trained on every page, threshold chosen on them."""
    weights = train(pages, c)
    probs = [page_probabilities(p, weights) for p in pages]
    weights["threshold"] = float(choose_threshold(pages, probs, gold, scorer))
    return weights


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("-C", type=float, default=0.3, help="inverse L2 strength of both stages")
    parser.add_argument("--write", action="store_true", help=f"train on all pages and write clean/{WEIGHTS}")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.shared)
    gold = json.loads((args.shared / "data/article-extraction/ground-truth.json").read_text(encoding="utf-8"))
    pages = load_pages(args.shared)
    print(
        f"{len(pages)} pages, {sum(len(p['units']) for p in pages)} units, "
        f"{int(sum(p['y'].sum() for p in pages))} article units",
        file=sys.stderr,
    )
    models = out_of_fold(pages, gold, scorer, args.folds, args.C)
    preds = {}
    for page in pages:
        weights = models[page["id"]]
        preds.update(predictions([page], [page_probabilities(page, weights)], weights["threshold"]))
    print("out-of-fold", json.dumps(scorer.score(gold, preds)))
    weights = train_shipped(pages, gold, scorer, args.C)
    probs = [page_probabilities(p, weights) for p in pages]
    print(
        "in-sample",
        json.dumps(scorer.score(gold, predictions(pages, probs, weights["threshold"]))),
        "threshold",
        weights["threshold"],
    )
    if args.write:
        path = ROOT / "src" / "stancemap" / "clean" / WEIGHTS
        path.write_text(json.dumps(weights, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
