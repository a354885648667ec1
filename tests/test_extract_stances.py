"""Stances: the example's gold stances on its watchlist, and the rules on small hand-written sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stancemap.analyze import analyze
from stancemap.extract.issues import (
    Issue,
    WatchlistError,
    append_issue,
    keyword_span,
    load_watchlist,
    match_issues,
    parse_watchlist,
    propose_issues,
)
from stancemap.extract.pipeline import load_nlp
from stancemap.extract.stances import condition_of, find_stances

ROOT = Path(__file__).resolve().parents[1]
WATCHLIST = ROOT / "examples" / "watchlist.toml"
YAML_WATCHLIST = ROOT / "tests" / "fixtures" / "stances" / "watchlist.yaml"


@pytest.fixture(scope="module")
def example(example_path):
    return analyze(example_path.read_text(encoding="utf-8"), nlp=load_nlp(str(WATCHLIST)))


@pytest.fixture(scope="module")
def gold(shared_dir):
    return json.loads((shared_dir / "examples" / "starmer-backstop.gold.json").read_text(encoding="utf-8"))


def test_example_all_gold_stances(example, gold):
    found = {(s.actor_name, s.issue): s for s in example.stances}
    wrong = []
    for g in gold["stances"]:
        got = found.get((g["actor"], g["issue"]))
        if got is None or got.stance != g["stance"]:
            wrong.append((g["actor"], g["issue"], g["stance"], got.stance if got else None))
    assert not wrong, wrong


def test_example_stances_carry_evidence_into_the_text(example):
    for stance in example.stances:
        assert stance.evidence, stance
        for span in stance.evidence:
            assert example.text[span.start : span.end] == span.text
            assert span.text == span.text.strip()  # no line breaks carried at either end
        for n in stance.quotes:
            assert 0 <= n < len(example.quotes)
        assert 0 < stance.confidence <= 1


def test_example_condition_of_conditional_support(example):
    starmer = next(
        s
        for s in example.stances
        if s.actor_name == "Keir Starmer" and s.issue.startswith("European peacekeeping")
    )
    assert "lasting peace agreement" in (starmer.condition or "")


def _stances(nlp, text, issues):
    doc = nlp(text)
    return {
        (s.actor_name, s.issue): s for s in find_stances(doc, doc._.actor_table, doc._.quotes or [], issues)
    }


CHARGE = [Issue("Congestion charge", keywords=["congestion charge"])]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("“I will support a congestion charge for the centre,” said Helen Marsh.", "support"),
        ("“I will not support a congestion charge for the centre,” said Helen Marsh.", "oppose"),
        ("Helen Marsh said a congestion charge for the centre was premature.", "oppose"),
        ("Helen Marsh said a congestion charge is the only way to cut pollution.", "support"),
        ("Helen Marsh wanted to resist any talk of a congestion charge.", "oppose"),
        ("Helen Marsh rejected a congestion charge for the centre.", "oppose"),
        ("Helen Marsh backs a congestion charge for the centre.", "support"),
    ],
)
def test_polarity_from_cues_negation_and_nesting(nlp, text, expected):
    found = _stances(nlp, text, CHARGE)
    assert found[("Helen Marsh", "Congestion charge")].stance == expected


def test_condition_makes_support_conditional(nlp):
    found = _stances(
        nlp, "“I would back a congestion charge if buses improve first,” said Helen Marsh.", CHARGE
    )
    stance = found[("Helen Marsh", "Congestion charge")]
    assert stance.stance == "conditional"
    assert stance.condition == "buses improve first"


def test_group_member_holds_the_described_view(nlp):
    text = "Some at the meeting, including Tom Reyes, wanted to resist a congestion charge."
    assert _stances(nlp, text, CHARGE)[("Tom Reyes", "Congestion charge")].stance == "oppose"


def test_held_view_belongs_to_its_holder(nlp):
    text = "Helen Marsh said it was no surprise given Tom Reyes's view that the city should have a congestion charge."
    found = _stances(nlp, text, CHARGE)
    assert found[("Tom Reyes", "Congestion charge")].stance == "support"
    assert ("Helen Marsh", "Congestion charge") not in found


def test_rejecting_the_contrary_supports_the_issue(nlp):
    issues = [Issue("Poland at the talks", keywords=["Poland + talks"], against=["excluded from"])]
    text = "Anna Nowak said Poland will not accept any deal if it is excluded from the talks."
    assert _stances(nlp, text, issues)[("Anna Nowak", "Poland at the talks")].stance == "support"


def test_no_issues_no_stances(nlp):
    doc = nlp("“I will support a congestion charge,” said Helen Marsh.")
    assert find_stances(doc, doc._.actor_table, doc._.quotes, []) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I'd do it if there is a lasting peace agreement, he said", "a lasting peace agreement"),
        ("provided that the unions agree.", "the unions agree"),
        ("unless prices fall", "not prices fall"),
        ("no condition here", None),
    ],
)
def test_condition_of(text, expected):
    assert condition_of(text) == expected


def test_watchlist_toml_and_yaml(tmp_path):
    toml = tmp_path / "w.toml"
    toml.write_text(
        '[[issue]]\nname = "A"\nkeywords = ["road charging", "charge + drivers"]\n', encoding="utf-8"
    )
    yaml = tmp_path / "w.yaml"
    yaml.write_text(
        "issues:\n  - name: A\n    keywords: [road charging, charge + drivers]\n", encoding="utf-8"
    )
    assert load_watchlist(toml) == load_watchlist(yaml)
    assert [i.name for i in load_watchlist(WATCHLIST)][0] == "European peacekeeping troops in Ukraine"


@pytest.mark.parametrize(
    "data", [{"issue": [{"name": "A"}]}, {"issue": [{"keywords": ["x"]}]}, {"issue": "A"}]
)
def test_watchlist_errors_say_what_is_missing(data):
    with pytest.raises(WatchlistError):
        parse_watchlist(data)


def test_keyword_conjunction_and_plural():
    assert keyword_span("charge + drivers", "a charge on all drivers") == (2, 23)
    assert keyword_span("charge + drivers", "a charge on all cars") is None
    assert keyword_span("peacekeeping troop", "peacekeeping troops") is not None
    assert keyword_span("say", "essay") is None
    assert [
        m.issue.name for m in match_issues("Ukraine’s voice", [Issue("U", keywords=["Ukraine's voice"])])
    ] == ["U"]


def test_propose_issues_groups_similar_statements():
    statements = [
        "The four-day week would help families.",
        "A four-day week is a fantasy, he said.",
        "We cannot afford a four-day week.",
        "Road charging is coming.",
        "The weather was fine.",
    ]
    proposals = propose_issues(statements)
    assert proposals[0].name == "four-day week"
    assert proposals[0].size == 3
    known = [Issue("Shorter week", keywords=["four-day week"])]
    assert all(p.name != "four-day week" for p in propose_issues(statements, known=known))


def test_issues_proposed_keywords_match_their_statements():
    # "future ukraine" is two content words with "of" between them: as a phrase it matches nothing.
    statements = [
        "The future of Ukraine is at stake.",
        "We decide the future of Ukraine together.",
        "The weather was fine.",
    ]
    (proposal,) = propose_issues(statements)
    assert all(keyword_span(proposal.keywords[0], text) for text in proposal.statements), proposal


NEW_ISSUE = Issue(
    "Four-day week",
    "Employers should offer a four-day week: yes, #1.",
    ["four-day week", "shorter + week"],
    ["no"],
)
BLOCK_YAML = """# My issues.
issues:

- name: A   # the first
  proposition: p
  keywords:
    - road charging
    - charge + drivers

- name: B
  proposition: q
  keywords:
    - bus lanes
# the end
"""


@pytest.mark.parametrize(
    ("name", "text", "style"),
    [
        (
            "w.yaml",
            YAML_WATCHLIST.read_text(encoding="utf-8"),
            '\n  - name: Four-day week\n    proposition: "',
        ),
        (
            "w.yaml",
            YAML_WATCHLIST.read_text(encoding="utf-8"),
            "    keywords: [four-day week, shorter + week]\n",
        ),
        ("w.yaml", BLOCK_YAML, "# the end\n\n- name: Four-day week\n"),
        (
            "w.yaml",
            BLOCK_YAML,
            '  keywords:\n    - four-day week\n    - shorter + week\n  against:\n    - "no"\n',
        ),
        ("w.yml", "- name: A\n  keywords: [a]", "[a]\n- name: Four-day week\n"),
        ("w.yaml", "issues:\r\n  - name: A\r\n    keywords: [a]\r\n", "\r\n  - name: Four-day week\r\n"),
        ("w.yaml", "# nothing yet\n", "# nothing yet\nissues:\n  - name: Four-day week\n"),
        ("w.toml", WATCHLIST.read_text(encoding="utf-8"), '\n\n[[issue]]\nname = "Four-day week"\n'),
        ("w.toml", "# mine\n[[issues]]\nname = 'A'\nkeywords = ['a']", "['a']\n\n[[issues]]\nname = "),
        ("w.toml", "", '[[issue]]\nname = "Four-day week"\nproposition = "Employers'),
    ],
)
def test_issues_append_issue_keeps_the_file_and_its_style(tmp_path, name, text, style):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    before = load_watchlist(path) if text.strip() else []
    append_issue(path, NEW_ISSUE)
    after = path.read_bytes().decode("utf-8")
    assert after.startswith(text)  # appended: comments and layout as they were
    assert style in after
    if "\r\n" in text:
        assert after.count("\n") == after.count("\r\n")
    assert load_watchlist(path) == [*before, NEW_ISSUE]


def test_issues_append_issue_creates_a_missing_watchlist(tmp_path):
    for name in ("new.yaml", "new.toml"):
        append_issue(tmp_path / name, NEW_ISSUE)
        assert load_watchlist(tmp_path / name) == [NEW_ISSUE]


@pytest.mark.parametrize(
    ("name", "text", "issue"),
    [
        ("w.yaml", "issues: []\n", NEW_ISSUE),  # not a block list: an item after it is not in it
        ("w.yaml", "issues:\n  - name: A\n    keywords: [a]\nother: 1\n", NEW_ISSUE),
        ("w.toml", "issue = [{name = 'A', keywords = ['a']}]\n", NEW_ISSUE),
        ("w.toml", "[[issue]]\nname = 'four-day WEEK'\nkeywords = ['a']\n", NEW_ISSUE),  # the name is taken
        ("w.toml", "", Issue("No claim", "", ["x"])),  # a stance is for or against a proposition
    ],
)
def test_issues_append_issue_leaves_alone_a_file_it_cannot_add_to(tmp_path, name, text, issue):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WatchlistError):
        append_issue(path, issue)
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        # TOML written into a YAML file (what `issues --accept` used to do)
        ("w.yaml", '[[issue]]\nname = "A"\nkeywords = ["a"]\n', "w.yaml:2:1: "),
        ("w.yaml", "issues:\n  - name: A\n    keywords: [a, b\n", "w.yaml:4:1: "),
        ("w.toml", '[[issue]]\nname = "A"\nkeywords = ["a"\n', "w.toml:4:1: "),
        ("w.toml", "issues:\n  - name: A\n", "w.toml:1:7: "),
        ("w.yaml", 'issues:\n  - name: "A\x01"\n', "w.yaml:2:13: "),
    ],
)
def test_issues_watchlist_syntax_error_is_one_line_with_line_and_column(tmp_path, name, text, where):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(path)
    message = str(caught.value)
    assert "\n" not in message
    assert f"{tmp_path / where}" in message and "not a valid watchlist" in message


def test_issues_proposals_are_not_filler_words():
    statements = [
        "People like the plan for a four-day week.",
        "People like what they see, and the four-day week is popular.",
        "Things are going well, people like it.",
    ]
    assert [p.name for p in propose_issues(statements)] == ["four-day week"]


def test_issues_watchlist_unknown_key_is_an_error_not_a_silent_drop():
    data = {"issue": [{"name": "A", "proposition": "A is good.", "keywords": ["a"], "againts": ["not a"]}]}
    with pytest.raises(WatchlistError, match="unknown key.*againts"):
        parse_watchlist(data)


def test_issues_watchlist_misspelt_table_or_no_issues_is_an_error(tmp_path):
    from click.testing import CliRunner

    from stancemap.cli import cli

    misspelt = tmp_path / "w.toml"
    misspelt.write_text(
        '[[isue]]\nname = "A"\nproposition = "A is good."\nkeywords = ["a"]\n', encoding="utf-8"
    )
    with pytest.raises(WatchlistError, match="unknown key.*isue"):
        load_watchlist(misspelt)
    empty = tmp_path / "e.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["analyze", str(ROOT / "examples" / "starmer-backstop.txt"), "--watchlist", str(empty)]
    )
    assert (
        result.exit_code == 2
        and result.stderr.startswith("error: [E020]")
        and "has no issues" in result.stderr
    )
    assert "no issues in" in CliRunner().invoke(cli, ["issues", "--watchlist", str(empty)]).stderr
    both = tmp_path / "b.toml"
    issue = 'name = "{}"\nproposition = "It is good."\nkeywords = ["x"]\n'
    both.write_text("[[issue]]\n" + issue.format("A") + "[[issues]]\n" + issue.format("B"), encoding="utf-8")
    with pytest.raises(WatchlistError, match="both"):
        load_watchlist(both)


def test_issues_proposals_are_the_same_every_run():
    import os
    import subprocess
    import sys

    code = (
        "from stancemap.extract.issues import propose_issues\n"
        "s = ['Hong Kong autonomy must be granted, the committed formula says.',"
        " 'Hong Kong autonomy systems are committed to the formula.',"
        " 'The systems for Hong Kong autonomy need granting.']\n"
        "print([(p.name, p.keywords) for p in propose_issues(s)])"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outs) == 1 and "autonomy" in outs.pop()
