"""Quote evaluation: run the pipeline on annotated articles, write predictions, score them.

Gold and predictions use the formats of the shared scorer (``quote_eval.py``): gold rows
``{"id", "text", "quotes": [...]}``, predictions ``{"id", "quotes": [{"start", "end", "speaker"}]}``.
Each gold text goes through the same path as a user's plain-text file (``Document`` → clean →
``analyze_documents``), so the figures measure what users get, cleaning included.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from ..analyze import analyze_documents
from ..errors import Skip
from ..model import Article, Document, Quote

SCORER_NAME = "quote_eval.py"
# The scorer's two ways of matching a prediction to a gold span, by the names of its functions.
MATCHES = {"strict": "overlap", "lenient": "inside"}


def find_scorer(explicit: str | os.PathLike | None = None) -> Path:
    """The shared scorer: an explicit path, else $STANCEMAP_SHARED/eval, else ../shared/eval."""
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("STANCEMAP_SHARED"):
        candidates.append(Path(os.environ["STANCEMAP_SHARED"]) / "eval" / SCORER_NAME)
    candidates += [
        Path.cwd().parent / "shared" / "eval" / SCORER_NAME,
        Path.cwd() / "shared" / "eval" / SCORER_NAME,
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"{SCORER_NAME} not found (tried {', '.join(map(str, candidates))})")


def load_scorer(path: str | os.PathLike) -> ModuleType:
    spec = importlib.util.spec_from_file_location("quote_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, gold: list[dict], pred: list[dict]) -> dict[str, Any]:
    """{"strict": {subset: measures}, "lenient": {...}} exactly as the scorer's command line prints them.

    The scorer switches its module-level ``MATCH`` between its two match functions; do the same,
    and put the original back so that the module can be reused.
    """
    original = scorer.MATCH
    out = {}
    try:
        for name, function in MATCHES.items():
            scorer.MATCH = getattr(scorer, function)
            out[name] = scorer.score(gold, pred)
    finally:
        scorer.MATCH = original
    return out


def read_jsonl(path: str | os.PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prediction(row_id: str, quotes: Iterable[Quote]) -> dict:
    """One prediction row in the scorer's format."""
    out = []
    for quote in quotes:
        speaker = None
        if quote.speaker is not None:
            speaker = {"name": quote.speaker.name, "start": quote.speaker.start, "end": quote.speaker.end}
        out.append({"start": quote.start, "end": quote.end, "speaker": speaker})
    return {"id": row_id, "quotes": out}


def predict(gold: list[dict], nlp=None, *, batch_size: int = 16) -> Iterator[dict]:
    """Predictions for each gold row, in order (an article that cannot be analysed predicts nothing).

    Offsets of an Article point into ``Article.text``; for plain text that is the input as given,
    which is checked, so that a cleaner that rewrote the text fails loudly instead of scoring zero.
    """
    documents = [Document(source=row["id"], content=row["text"]) for row in gold]
    for row, result in zip(gold, analyze_documents(documents, nlp, batch_size=batch_size), strict=True):
        if isinstance(result, Skip):
            yield {"id": row["id"], "quotes": []}
            continue
        if not isinstance(result, Article) or result.text != row["text"]:
            raise ValueError(f"{row['id']}: the cleaned text differs from the input; offsets would not match")
        yield prediction(row["id"], result.quotes)


def evaluate(gold_path, out_path=None, *, scorer_path=None, nlp=None, limit: int | None = None) -> dict:
    """Predict on ``gold_path`` (first ``limit`` rows), write predictions to ``out_path``, score them."""
    gold = read_jsonl(gold_path)[:limit] if limit else read_jsonl(gold_path)
    pred = list(predict(gold, nlp))
    if out_path:
        with open(out_path, "w", encoding="utf-8") as handle:
            for row in pred:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return score(load_scorer(find_scorer(scorer_path)), gold, pred)


def format_scores(scores: dict[str, Any]) -> str:
    """The scorer's own print format: ``strict all {...}`` one line per match and subset."""
    return "\n".join(
        f"{match} {subset} {json.dumps(measures)}"
        for match, subsets in scores.items()
        for subset, measures in subsets.items()
    )


# The gate's fixed slice: the first articles of PolNeAR dev and the example article, as paths
# relative to the shared data folder (small enough for CI, fixed so that pins stay comparable).
GATE_SLICE = (("data/polnear/dev.jsonl", 15), ("examples/starmer-backstop.quotes.jsonl", 1))


def slice_lines(shared: str | os.PathLike, parts=GATE_SLICE) -> list[str]:
    """The raw JSONL lines of a slice (what ``gate.data_hash`` hashes)."""
    lines = []
    for relative, count in parts:
        with open(Path(shared) / relative, encoding="utf-8") as handle:
            rows = [line for line in handle if line.strip()]
        lines += rows[:count]
    return lines


def score_slice(shared: str | os.PathLike, nlp=None, parts=GATE_SLICE) -> tuple[list[str], dict[str, Any]]:
    """Lines and scores of the gate slice, scored with the shared scorer."""
    lines = slice_lines(shared, parts)
    gold = [json.loads(line) for line in lines]
    scorer = load_scorer(Path(shared) / "eval" / SCORER_NAME)
    return lines, score(scorer, gold, list(predict(gold, nlp)))
