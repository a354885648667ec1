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
from contextlib import contextmanager, nullcontext
from pathlib import Path
from types import ModuleType
from typing import IO, Any

from ..analyze import analyze_documents
from ..errors import GoldError, OutputError, ScorerError, Skip, StancemapError, one_line
from ..model import Article, Document, Quote

SCORER_NAME = "quote_eval.py"
# The scorer's two ways of matching a prediction to a gold span, by the names of its functions.
MATCHES = {"strict": "overlap", "lenient": "inside"}


def find_scorer(explicit: str | os.PathLike | None = None) -> Path:
    """The shared scorer: an explicit path, else $STANCEMAP_SHARED/eval, else ../shared/eval.

    ``ScorerError`` when there is none (an explicit path is used as given, never passed over).
    """
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ScorerError(
                f"no scorer at {path}: give the path of {SCORER_NAME} (in the shared eval folder)"
            )
        return path
    candidates = []
    if os.environ.get("STANCEMAP_SHARED"):
        candidates.append(Path(os.environ["STANCEMAP_SHARED"]) / "eval" / SCORER_NAME)
    candidates += [
        Path.cwd().parent / "shared" / "eval" / SCORER_NAME,
        Path.cwd() / "shared" / "eval" / SCORER_NAME,
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise ScorerError(
        f"{SCORER_NAME} not found (tried {', '.join(map(str, candidates))}): "
        "give --scorer PATH, or set STANCEMAP_SHARED to the shared data folder"
    )


def load_scorer(path: str | os.PathLike) -> ModuleType:
    """The scorer module at ``path``; ``ScorerError`` when it is not Python or not the quote scorer."""
    spec = importlib.util.spec_from_file_location("quote_eval", path)
    if spec is None or spec.loader is None:
        raise ScorerError(f"{path} is not a Python file: give the path of {SCORER_NAME}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as exc:  # someone else's code: any failure means "not usable"
        problem = one_line(f"{type(exc).__name__}: {exc}")
        raise ScorerError(f"{path} cannot be loaded ({problem}): give the path of {SCORER_NAME}") from exc
    missing = [name for name in ("score", "MATCH", *MATCHES.values()) if not hasattr(module, name)]
    if missing:
        raise ScorerError(f"{path} is not the quote scorer {SCORER_NAME} (it has no {', '.join(missing)})")
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


GOLD_FORMAT = '{"id", "text", "quotes": [{"span": [start, end], ...}]}'


def _gold_lines(path: str | os.PathLike, limit: int | None = None) -> list[tuple[int, dict]]:
    """The gold rows of a JSONL file (the first ``limit``) with their line numbers, checked as the
    scorer will read them. ``GoldError`` names the file and the line that cannot be used: not UTF-8
    (a binary file), not a JSON object (a JSON document that is not JSONL, plain text), a row
    without its fields, or a span that is not one of its text."""
    rows: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    with _open(path, "rb", GoldError, "cannot read") as handle:
        for number, raw in enumerate(handle, 1):
            if limit and len(rows) >= limit:
                break
            where = f"{path}, line {number}"
            try:
                if b"\0" in raw:
                    raise UnicodeError("NUL bytes")
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeError as exc:
                raise GoldError(
                    f"{where}: not UTF-8 text (a binary file?); GOLD is JSONL, one {GOLD_FORMAT} a line"
                ) from exc
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(
                    f"{where}: not JSON ({exc.msg}, column {exc.pos + 1}); GOLD is JSONL, one {GOLD_FORMAT} a line"
                ) from exc
            problem = gold_row_problem(row)
            if problem:
                raise GoldError(f"{where}: {problem}")
            if row["id"] in seen:
                raise GoldError(
                    f"{where}: id {row['id']!r} is already on line {seen[row['id']]}; ids must be unique"
                )
            seen[row["id"]] = number
            rows.append((number, row))
    if not rows:
        raise GoldError(f"{path}: no gold rows; GOLD is JSONL, one {GOLD_FORMAT} a line")
    return rows


def gold_row_problem(row: Any) -> str | None:
    """What makes ``row`` unusable as a gold row for the scorer, or None."""
    if not isinstance(row, dict):
        return f"a JSON {type(row).__name__}, not an object {GOLD_FORMAT}"
    missing = [key for key in ("id", "text", "quotes") if key not in row]
    if missing:
        return f"no {', '.join(map(repr, missing))} (a gold row is {GOLD_FORMAT})"
    if not isinstance(row["id"], str):
        return '"id" is not a string'
    if not isinstance(row["text"], str):
        return '"text" is not a string'
    if not isinstance(row["quotes"], list):
        return '"quotes" is not a list'
    for n, quote in enumerate(row["quotes"], 1):
        if not isinstance(quote, dict) or not _is_span(quote.get("span")):
            return f'quote {n} has no "span": [start, end]'
        if problem := _span_problem(quote["span"], row["text"]):
            return f'quote {n}: "span" {problem}'
        speaker, cue = quote.get("speaker"), quote.get("cue")
        if speaker is not None and not (
            isinstance(speaker, dict)
            and isinstance(speaker.get("text"), str)
            and _is_span(speaker.get("span"))
        ):
            return f'quote {n}: "speaker" is neither null nor {{"text", "span": [start, end]}}'
        # [-1, -1]: a speaker who is not named in the text (as the example's gold marks one).
        if (
            speaker is not None
            and speaker["span"] != [-1, -1]
            and (problem := _span_problem(speaker["span"], row["text"]))
        ):
            return f'quote {n}: "speaker" "span" {problem} (one not named in the text is [-1, -1])'
        if cue is not None and not (isinstance(cue, dict) and isinstance(cue.get("text"), str)):
            return f'quote {n}: "cue" is neither null nor {{"text", ...}}'
    return None


def _is_span(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def _span_problem(span: list[int], text: str) -> str | None:
    """Why ``span`` is not a [start, end] of ``text``, or None."""
    start, end = span
    if start > end:
        return f"{span} ends before it starts"
    if start < 0 or end > len(text):
        return f"{span} is outside the text (0 to {len(text)})"
    return None


@contextmanager
def _open(path, mode: str, error: type[StancemapError], what: str) -> Iterator[IO]:
    """``open(path, mode)``, an ``error`` (one line: ``what PATH: reason``) when it cannot be opened."""
    try:
        handle = open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"}))  # noqa: SIM115
    except OSError as exc:
        raise error(f"{what} {path}: {exc.strerror or exc}") from exc
    with handle:
        yield handle


def prediction(row_id: str, quotes: Iterable[Quote]) -> dict:
    """One prediction row in the scorer's format."""
    out = []
    for quote in quotes:
        speaker = None
        if quote.speaker is not None:
            speaker = {"name": quote.speaker.name, "start": quote.speaker.start, "end": quote.speaker.end}
        out.append({"start": quote.start, "end": quote.end, "speaker": speaker})
    return {"id": row_id, "quotes": out}


def predict(
    gold: list[dict], nlp=None, *, batch_size: int = 16, where: list[str] | None = None
) -> Iterator[dict]:
    """Predictions for each gold row, in order (an article that cannot be analysed predicts nothing).

    Offsets of an Article point into ``Article.text``; for plain text that is the input as given,
    which is checked, so that a cleaner that rewrote the text fails loudly instead of scoring zero:
    ``GoldError`` names the row (``where[i]``, else its id) and the first character that differs.
    """
    documents = [Document(source=row["id"], content=row["text"]) for row in gold]
    results = analyze_documents(documents, nlp, batch_size=batch_size)  # one per document, in order
    for i, (row, result) in enumerate(zip(gold, results, strict=True)):
        if isinstance(result, Skip):
            yield {"id": row["id"], "quotes": []}
            continue
        if not isinstance(result, Article) or result.text != row["text"]:
            label = where[i] if where else f"id {row['id']!r}"
            raise GoldError(f"{label}: {_text_differs(row['text'], getattr(result, 'text', ''))}")
        yield prediction(row["id"], result.quotes)


def _text_differs(gold: str, cleaned: str) -> str:
    pairs = enumerate(zip(gold, cleaned, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(gold), len(cleaned)))
    return (
        f"cleaning changed the text at character {at} ({gold[at : at + 12]!r} became "
        f"{cleaned[at : at + 12]!r}), so offsets into it would not match"
    )


def evaluate(gold_path, out_path=None, *, scorer_path=None, nlp=None, limit: int | None = None) -> dict:
    """Predict on ``gold_path`` (first ``limit`` rows), write predictions to ``out_path``, score them.

    The gold file, the scorer and the output are checked before the pipeline runs: a ``GoldError``,
    ``ScorerError`` or ``OutputError`` comes at once, not after the articles are analysed.
    """
    lines = _gold_lines(gold_path, limit)
    gold = [row for _, row in lines]
    scorer = load_scorer(find_scorer(scorer_path))
    with _open(out_path, "w", OutputError, "cannot write") if out_path else nullcontext() as handle:
        pred = list(predict(gold, nlp, where=[f"{gold_path}, line {number}" for number, _ in lines]))
        if handle is not None:
            try:
                for row in pred:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                handle.flush()
            except OSError as exc:
                raise OutputError(f"cannot write {out_path}: {exc.strerror or exc}") from exc
    return score(scorer, gold, pred)


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
