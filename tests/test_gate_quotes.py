"""The quote quality gate: the pipeline on the pinned slice scores at least the pinned minimums."""

from __future__ import annotations

import pytest

from stancemap.eval import gate
from stancemap.eval.quotes import score_slice


def test_slice_scores_meet_pins(shared_dir, nlp):
    pins = gate.load_pins("quotes")
    parts = [tuple(part) for part in pins["slice"]]
    lines, scores = score_slice(shared_dir, nlp, parts)
    assert gate.data_hash(lines) == pins["sha256"], "the pinned slice changed: re-measure and re-pin"
    assert gate.check(pins, scores) == []


@pytest.mark.parametrize(
    ("name", "scores", "says"),
    [
        ("quotes", None, "cannot read the scores file"),
        ("quotes", "not json", "is not JSON"),
        ("quotes", "[1, 2]", "is not a scores file"),
        ("quotes", '{"html": {"F1": 0.9}}', "none of the measures pinned in quotes.json"),
        ("no-such-gate", '{"strict": {"all": {"F1": 0.9}}}', "no pins named 'no-such-gate'"),
    ],
    ids=["missing", "not-json", "not-object", "other-measures", "unknown-name"],
)
def test_gate_raise_with_unusable_input_is_one_error_line(tmp_path, capsys, name, scores, says):
    path = tmp_path / "scores.json"
    if scores is not None:
        path.write_text(scores, encoding="utf-8")
    pins_before = {p.name: p.read_bytes() for p in gate.GATE_DIR.glob("*.json")}
    assert gate.main(["raise", name, str(path)]) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("error: [E032] ") and says in line
    assert captured.out == ""
    assert {p.name: p.read_bytes() for p in gate.GATE_DIR.glob("*.json")} == pins_before


def test_gate_raise_says_which_scores_are_below_their_pins(tmp_path, capsys):
    path = tmp_path / "scores.json"
    path.write_text('{"strict": {"all": {"F1": 0.1}}}', encoding="utf-8")
    pins_before = {p.name: p.read_bytes() for p in gate.GATE_DIR.glob("*.json")}
    assert gate.main(["raise", "quotes", str(path)]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kept strict.all.F1 at ") and "scored 0.100, below its pin" in line
    assert {p.name: p.read_bytes() for p in gate.GATE_DIR.glob("*.json")} == pins_before
