"""The quote quality gate: the pipeline on the pinned slice scores at least the pinned minimums."""

from __future__ import annotations

from stancemap.eval import gate
from stancemap.eval.quotes import score_slice


def test_slice_scores_meet_pins(shared_dir, nlp):
    pins = gate.load_pins("quotes")
    parts = [tuple(part) for part in pins["slice"]]
    lines, scores = score_slice(shared_dir, nlp, parts)
    assert gate.data_hash(lines) == pins["sha256"], "the pinned slice changed: re-measure and re-pin"
    assert gate.check(pins, scores) == []
