"""stancemap stances / timeline / figures / events / issues on the example and the multi-article fixtures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.cli import cli
from stancemap.extract.issues import load_watchlist

ROOT = Path(__file__).resolve().parents[1]
WATCHLIST = ROOT / "examples" / "watchlist.toml"
FIXTURES = ROOT / "tests" / "fixtures" / "stances"
# $STANCEMAP_WATCHLIST is the default --watchlist: keep the caller's out of these tests.
ENV = {"STANCEMAP_WATCHLIST": None}


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], env=ENV)


def run(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, example_path):
    db = tmp_path_factory.mktemp("cli") / "example.db"
    run("ingest", example_path, "--watchlist", WATCHLIST, "--db", db)
    return db


def test_stances_matrix_for_the_example(example_db):
    out = run("stances", "--db", example_db)
    for name in ("Keir Starmer", "Olaf Scholz", "Volodymyr Zelensky", "Sergei Lavrov", "Donald Trump"):
        assert name in out
    assert "European peacekeeping" in out and "oppose" in out and "support" in out


def test_stances_of_files_without_a_store(example_path):
    out = run("stances", example_path, "--watchlist", WATCHLIST, "--actor", "Scholz", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["actor"], r["stance"]) for r in rows] == [("Olaf Scholz", "oppose")]


def test_figures_and_events(example_db):
    figures = [json.loads(line) for line in run("figures", "--db", example_db, "--json").splitlines()]
    assert {f["holder"] for f in figures} >= {"United Kingdom", "Keir Starmer", "Donald Trump", "Mark Rutte"}
    events = [json.loads(line) for line in run("events", "--db", example_db, "--json").splitlines()]
    assert any(e["not_invited"] == ["Ukraine"] for e in events)
    assert "Elysee Palace" in run("events", "--db", example_db)


def test_timeline_shows_the_shift(tmp_path):
    db = tmp_path / "fx.db"
    run("ingest", FIXTURES / "articles", "--watchlist", FIXTURES / "watchlist.yaml", "--db", db)
    out = run("timeline", "--actor", "Marsh", "--db", db)
    assert "shift" in out and "2024-03-04" in out and "2024-07-01" in out
    data = json.loads(run("timeline", "--actor", "Marsh", "--db", db, "--json"))
    assert [s["after"]["stance"] for s in data["shifts"]] == ["conditional", "support"]


def test_issues_list_propose_and_accept(example_db, tmp_path):
    assert "Ukraine's place in peace talks" in run("issues", "--watchlist", WATCHLIST)
    watchlist = tmp_path / "w.toml"
    watchlist.write_text(WATCHLIST.read_text(encoding="utf-8"), encoding="utf-8")
    out = run("issues", "--propose", "--watchlist", watchlist, "--db", example_db)
    assert out.startswith("1. ")
    claim = "Ukraine's future must be decided with Ukraine."
    assert _accept(watchlist, example_db, "--name", "My issue", "--proposition", claim).exit_code == 0
    assert "My issue" in run("issues", "--watchlist", watchlist)


@pytest.fixture(scope="module")
def fixtures_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("fx") / "fx.db"
    run("ingest", FIXTURES / "articles", "--watchlist", FIXTURES / "watchlist.yaml", "--db", db)
    return db


def _matrix(out: str) -> list[tuple]:
    rows = [json.loads(line) for line in out.splitlines()]
    return [(r["actor"], r["issue"], r["stance"], r["confidence"], r["published"]) for r in rows]


def test_cli_stances_of_files_are_the_stances_of_the_store(fixtures_db):
    # "Marsh" (2024-07-01) is "Helen Marsh" of the earlier articles: one actor, as in the store.
    stored = run("stances", "--db", fixtures_db, "--json")
    analysed = run("stances", FIXTURES / "articles", "--watchlist", FIXTURES / "watchlist.yaml", "--json")
    assert _matrix(analysed) == _matrix(stored)
    table = run("stances", FIXTURES / "articles", "--watchlist", FIXTURES / "watchlist.yaml")
    assert "Helen Marsh │ support 0.94" in table
    assert "│ Marsh " not in table and "conditional" not in table


def test_cli_stances_of_files_exit_non_zero_when_none_could_be_processed(tmp_path):
    result = invoke("stances", tmp_path / "missing.txt", "--watchlist", FIXTURES / "watchlist.yaml")
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr and "no file could be processed" in result.stderr
    assert "no stances" not in result.stderr


def test_cli_stances_of_files_need_a_watchlist():
    result = invoke("stances", FIXTURES / "articles")
    assert result.exit_code == 2 and "--watchlist" in result.stderr


@pytest.mark.parametrize("before", [None, "elsewhere.toml"])
@pytest.mark.parametrize("refused", [False, True], ids=["ran", "refused"])
def test_cli_watchlist_does_not_outlive_the_command(tmp_path, monkeypatch, before, refused):
    """--watchlist reaches worker processes through $STANCEMAP_WATCHLIST, for that command only: it is
    as it was afterwards (in this process: a second command, the Python API), also when an option
    after it is refused."""
    from stancemap.store import open_store

    if before is None:
        monkeypatch.delenv("STANCEMAP_WATCHLIST", raising=False)
    else:
        monkeypatch.setenv("STANCEMAP_WATCHLIST", before)
    db = tmp_path / "s.db"
    open_store(db).close()
    db = tmp_path if refused else db  # --db is a file, not a folder
    result = CliRunner().invoke(cli, ["stances", "--watchlist", str(WATCHLIST), "--db", str(db)])
    assert result.exit_code == (2 if refused else 0), result.output
    assert os.environ.get("STANCEMAP_WATCHLIST") == before


def test_cli_stances_say_why_none_are_shown(fixtures_db, tmp_path):
    articles, watchlist = FIXTURES / "articles", FIXTURES / "watchlist.yaml"
    out = invoke("stances", articles, "--watchlist", watchlist, "--actor", "Nobody")
    assert out.exit_code == 0
    assert out.stderr.strip() == "no stances match --actor 'Nobody' (there are 5 in the 3 articles analysed)"
    out = invoke("stances", articles, "--watchlist", WATCHLIST)  # the articles say nothing on Ukraine
    assert out.exit_code == 0
    assert out.stderr.startswith("no stances in the 3 articles analysed: ") and str(WATCHLIST) in out.stderr
    assert "was a --watchlist given" not in out.stderr
    out = invoke("stances", "--db", fixtures_db, "--issue", "no such issue")
    assert out.stderr.strip() == f"no stances match --issue 'no such issue' (there are 5 in {fixtures_db})"
    bare = tmp_path / "bare.db"
    run("ingest", articles, "--db", bare)  # no --watchlist: no stances stored
    out = invoke("stances", "--db", bare)
    assert out.exit_code == 0 and "ingested with --watchlist?" in out.stderr


def _accept(watchlist, db, *more, proposal="1"):
    return invoke("issues", "--accept", proposal, "--watchlist", watchlist, "--db", db, *more)


@pytest.mark.parametrize("source", [FIXTURES / "watchlist.yaml", WATCHLIST])
def test_cli_issues_accept_adds_to_the_watchlist_in_its_own_format(example_db, tmp_path, source):
    watchlist = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    watchlist.write_text(text, encoding="utf-8")
    claim = "Ukraine's future must be decided with Ukraine."
    result = _accept(watchlist, example_db, "--name", "Ukraine's future", "--proposition", claim)
    assert result.exit_code == 0, result.output
    after = watchlist.read_text(encoding="utf-8")
    assert after.startswith(text)  # comments and layout kept: the issue is appended
    issues = load_watchlist(watchlist)
    assert [(i.name, i.proposition) for i in issues[-1:]] == [("Ukraine's future", claim)]
    assert issues[:-1] == load_watchlist(source)
    assert "Ukraine's future" in run("issues", "--watchlist", watchlist)


def test_cli_issues_accept_needs_a_proposition(example_db, tmp_path):
    watchlist = tmp_path / "w.yaml"
    text = (FIXTURES / "watchlist.yaml").read_text(encoding="utf-8")
    watchlist.write_text(text, encoding="utf-8")
    result = _accept(watchlist, example_db, "--name", "Ukraine's future")
    assert result.exit_code == 2 and "--proposition" in result.stderr
    assert watchlist.read_text(encoding="utf-8") == text


def test_cli_issues_accept_by_name_cannot_add_a_different_issue_when_run_twice(example_db, tmp_path):
    watchlist = tmp_path / "w.toml"
    watchlist.write_text(WATCHLIST.read_text(encoding="utf-8"), encoding="utf-8")
    first = run("issues", "--propose", "--watchlist", watchlist, "--db", example_db).splitlines()[0]
    name = first.split(". ", 1)[1].split(" (", 1)[0]  # "1. NAME (N statements; …)"
    claim = "A claim about it."
    args = (watchlist, example_db, "--proposition", claim)
    assert _accept(*args, proposal=name.upper()).exit_code == 0
    added = load_watchlist(watchlist)
    assert added[-1].name == name
    again = _accept(
        *args, proposal=name.upper()
    )  # the proposal is now watched, so no longer proposed: refused, nothing added
    assert again.exit_code == 2 and f"no proposal named '{name.upper()}'" in again.stderr
    assert load_watchlist(watchlist) == added
