"""Quality gate: article-body F1 on a fixed slice of the extraction benchmark stays at its pins.

The slice (ids in ``gate/extraction.json``) is scored with the benchmark's own scorer from
``../shared/eval``; HTML through ``clean_html``, the flattened text through ``clean_text`` with
the shipped classifier. Text-mode pins are in-sample (the classifier was trained on these pages):
they catch regressions, while ``benchmarks/extraction.py`` reports the out-of-fold figure.
"""

from __future__ import annotations

import gzip
import importlib.util
import json

import pytest

from stancemap.clean.html import clean_html
from stancemap.clean.text import clean_text
from stancemap.eval import gate
from stancemap.model import Document

pytestmark = pytest.mark.gate


def _scorer(shared_dir):
    spec = importlib.util.spec_from_file_location(
        "extraction_eval", shared_dir / "eval" / "extraction_eval.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _slice(shared_dir, ids):
    data = shared_dir / "data" / "article-extraction"
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    lines = {
        json.loads(line)["id"]: line
        for line in (data / "text-pages.jsonl").read_text(encoding="utf-8").splitlines()
    }
    html = {
        i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")
        for i in ids
    }
    rows = [part for i in ids for part in (lines[i], html[i], json.dumps(gold[i], sort_keys=True))]
    return {i: gold[i] for i in ids}, {i: json.loads(lines[i])["text"] for i in ids}, html, rows


def _body(cleaned) -> str:
    return "\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)


def extraction_scores(shared_dir, ids):
    """{"html": scores, "text": scores} on the slice, with the benchmark's scorer."""
    scorer = _scorer(shared_dir)
    gold, texts, html, _rows = _slice(shared_dir, ids)
    html_preds = {
        i: {
            "articleBody": _body(
                clean_html(Document(source=i, content=html[i], format="html", url=gold[i]["url"]))
            )
        }
        for i in ids
    }
    text_preds = {i: {"articleBody": _body(clean_text(Document(source=i, content=texts[i])))} for i in ids}
    return {"html": scorer.score(gold, html_preds), "text": scorer.score(gold, text_preds)}


def test_extraction_slice_is_unchanged(shared_dir):
    pins = gate.load_pins("extraction")
    *_, rows = _slice(shared_dir, pins["slice"])
    assert gate.data_hash(rows) == pins["sha256"], "the gate slice's data changed: re-measure and re-pin"


def test_extraction_scores_meet_pins(shared_dir):
    pins = gate.load_pins("extraction")
    scores = extraction_scores(shared_dir, pins["slice"])
    assert gate.check(pins, scores) == []
