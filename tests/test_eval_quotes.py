"""stancemap.eval.quotes: predictions in the scorer's format, scoring with both match modes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from stancemap.cli import cli
from stancemap.eval.quotes import load_scorer, predict, score
from stancemap.model import Quote, Speaker

TEXT = "“We will not back down,” Jane Smith said on Monday.\n\nThe weather was fine."
GOLD = {
    "id": "g1",
    "text": TEXT,
    "quotes": [
        {"span": [0, 24], "speaker": {"text": "Jane Smith", "span": [25, 35]}, "cue": {"text": "said"}}
    ],
}


@pytest.fixture(scope="module")
def scorer(shared_dir):
    return load_scorer(shared_dir / "eval" / "quote_eval.py")


def test_predict_gives_offsets_into_gold_text(nlp):
    (row,) = predict([GOLD], nlp)
    assert row["id"] == "g1"
    (quote,) = row["quotes"]
    assert TEXT[quote["start"] : quote["end"]] == "“We will not back down,”"
    assert quote["speaker"]["name"] == "Jane Smith"


@pytest.mark.parametrize(
    ("pred", "strict_f1", "lenient_f1"),
    [
        ({"start": 0, "end": 24, "speaker": None}, 1.0, 1.0),
        ({"start": 1, "end": 8, "speaker": None}, 0.0, 1.0),  # a fragment: lenient only
        ({"start": 40, "end": 60, "speaker": None}, 0.0, 0.0),
    ],
)
def test_score_switches_match_mode(scorer, pred, strict_f1, lenient_f1):
    scores = score(scorer, [GOLD], [{"id": "g1", "quotes": [pred]}])
    assert scores["strict"]["all"]["F1"] == strict_f1
    assert scores["lenient"]["all"]["F1"] == lenient_f1
    assert scorer.MATCH is scorer.overlap  # the module is left as it was found


def test_prediction_keeps_unresolved_speaker_mention():
    from stancemap.eval.quotes import prediction

    quote = Quote(0, 5, "abcde", "direct", None, Speaker(None, "he", 7, 9))
    assert prediction("x", [quote])["quotes"][0]["speaker"] == {"name": "he", "start": 7, "end": 9}


def test_cli_writes_predictions_and_prints_scores(shared_dir, nlp, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            "quotes",
            str(gold),
            "--out",
            str(out),
            "--scorer",
            str(shared_dir / "eval" / "quote_eval.py"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("strict all ")
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "g1"
