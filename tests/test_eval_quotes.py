"""stancemap.eval.quotes: predictions in the scorer's format, scoring with both match modes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from stancemap.cli import cli
from stancemap.eval.quotes import gold_row_problem, load_scorer, predict, score
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


# A stand-in for the shared scorer: the checks below run before anything is scored.
FAKE_SCORER = """
def overlap(a, b):
    return 0.0

inside = overlap
MATCH = overlap

def score(gold, pred):
    return {"all": {"F1": 0.0}}
"""


def _eval(*args: str):
    return CliRunner().invoke(cli, ["eval", "quotes", *args])


def _one_error_line(result, code: str) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: [{code}] ")
    return line


def _gold_with(span, speaker_span=(25, 35)) -> bytes:
    """GOLD with its one quote at ``span`` and its speaker at ``speaker_span``, as a JSONL line."""
    quote = {**GOLD["quotes"][0], "span": list(span)}
    quote["speaker"] = {**quote["speaker"], "span": list(speaker_span)}
    return json.dumps({**GOLD, "quotes": [quote]}).encode()


@pytest.mark.parametrize(
    ("content", "line", "says"),
    [
        (b"Sir Keir Starmer said the UK would act.\n", 1, "not JSON"),  # plain text
        (json.dumps(GOLD, indent=1).encode(), 1, "not JSON"),  # a JSON document, not JSONL
        (bytes(range(256)) * 4, 1, "not UTF-8"),  # binary
        ((json.dumps(GOLD) + "\n\n" + json.dumps({"id": "g2", "text": "x"})).encode(), 3, "no 'quotes'"),
        (json.dumps({"id": "g1", "quotes": []}).encode(), 1, "no 'text'"),
        (json.dumps({**GOLD, "quotes": [{"speaker": None}]}).encode(), 1, 'quote 1 has no "span"'),
        (json.dumps([1, 2]).encode(), 1, "a JSON list"),
        ((json.dumps(GOLD) + "\n" + json.dumps(GOLD)).encode(), 2, "already on line 1"),
        (_gold_with((0, len(TEXT) + 1)), 1, f'quote 1: "span" [0, {len(TEXT) + 1}] is outside the text'),
        (_gold_with((24, 0)), 1, 'quote 1: "span" [24, 0] ends before it starts'),
        (_gold_with((-1, 24)), 1, 'quote 1: "span" [-1, 24] is outside the text'),
        (_gold_with((0, 24), (25, 350)), 1, 'quote 1: "speaker" "span" [25, 350] is outside the text'),
    ],
    ids=[
        "text",
        "json-document",
        "binary",
        "no-quotes",
        "no-text",
        "no-span",
        "not-object",
        "same-id",
        "span-past-the-end",
        "span-reversed",
        "span-negative",
        "speaker-span-past-the-end",
    ],
)
def test_eval_quotes_names_the_gold_line_that_cannot_be_used(tmp_path, content, line, says):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(content)
    scorer = tmp_path / "quote_eval.py"
    scorer.write_text(FAKE_SCORER)
    result = _eval(str(gold), "--scorer", str(scorer))
    error = _one_error_line(result, "E030")
    assert f"{gold}, line {line}: " in error and says in error


def test_eval_quotes_accepts_a_speaker_not_named_in_the_text():
    assert gold_row_problem(json.loads(_gold_with((0, 24), (-1, -1)))) is None


def test_eval_quotes_of_the_repo_example_text_is_one_error_line(example_path, tmp_path):
    scorer = tmp_path / "quote_eval.py"
    scorer.write_text(FAKE_SCORER)
    error = _one_error_line(_eval(str(example_path), "--scorer", str(scorer)), "E030")
    assert "line 1: not JSON" in error and "JSONL" in error


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.txt", "not python at all", "not a Python file"),
        ("broken.py", "x = (", "cannot be loaded (SyntaxError"),
        ("other.py", "x = 1", "has no score, MATCH, overlap, inside"),
    ],
)
def test_eval_quotes_refuses_a_scorer_that_is_not_the_quote_scorer(tmp_path, name, content, says):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scorer = tmp_path / name
    scorer.write_text(content)
    error = _one_error_line(_eval(str(gold), "--scorer", str(scorer)), "E031")
    assert str(scorer) in error and says in error


def test_eval_quotes_without_shared_data_says_where_it_looked(tmp_path, monkeypatch):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    monkeypatch.delenv("STANCEMAP_SHARED", raising=False)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")  # no ../shared, no ./shared
    error = _one_error_line(_eval(str(gold)), "E031")
    assert "quote_eval.py not found" in error and "--scorer" in error and "STANCEMAP_SHARED" in error


@pytest.mark.parametrize(
    "where", ["missing/pred.jsonl", "gold.jsonl/pred.jsonl"], ids=["no-folder", "under-a-file"]
)
def test_eval_quotes_out_that_cannot_be_written_is_an_error_before_analysis(tmp_path, where):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    scorer = tmp_path / "quote_eval.py"
    scorer.write_text(FAKE_SCORER)
    out = tmp_path / where
    error = _one_error_line(_eval(str(gold), "--scorer", str(scorer), "--out", str(out)), "E003")
    assert f"cannot write {out}" in error


def test_eval_quotes_limit_must_be_positive(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = _eval(str(gold), "--limit", "-1")
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.stderr


def test_eval_quotes_predict_keeps_rows_paired_when_an_article_is_skipped(nlp):
    """An empty text is skipped while the article before it waits in the parser's batch: each
    prediction must still be the one of its own row."""
    empty = {"id": "g2", "text": "", "quotes": []}
    first, second = predict([GOLD, empty], nlp)
    assert first["id"] == "g1"
    assert [TEXT[q["start"] : q["end"]] for q in first["quotes"]] == ["“We will not back down,”"]
    assert second == {"id": "g2", "quotes": []}
