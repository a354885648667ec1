"""`stancemap ingest` and `stancemap merge` from the command line: summary, resume after Ctrl-C or a kill,
--workers, --engine dask."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.cli import cli
from stancemap.errors import Skip
from stancemap.run.shards import write_shard
from stancemap.run.stage import Result

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "fixtures" / "run"
STANCEMAP = [sys.executable, "-c", "from stancemap.cli import main; main()"]


def _count(db_path, sql: str) -> int:
    with closing(sqlite3.connect(db_path)) as db:
        return db.execute(sql).fetchone()[0]


def test_ingest_prints_a_summary_and_running_again_continues(tmp_path):
    db = str(tmp_path / "s.db")
    first = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "ingest: 6 stored" in first.output
    assert "1 near-duplicates linked" in first.output
    assert "1 not English (1 de; stored, not extracted)" in first.output
    assert "skipped" in first.output and "empty" in first.output

    again = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--db", db, "--no-progress"])
    assert again.exit_code == 0, again.output
    assert (
        "ingest: 0 stored, 0 quotes, 6 done by an earlier run, 1 skipped by an earlier run (1 empty)"
        in again.output
    )
    assert f"skipped {CORPUS / 'empty.txt'}: empty file (as in an earlier run) [S002]" in again.stderr
    assert _count(db, "SELECT count(*) FROM articles") == 6


def test_progress_bar_shows_rate_quotes_and_skipped(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(CORPUS / "strike.txt"), "--db", str(tmp_path / "s.db"), "--progress"]
    )
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.output
    assert "quotes" in result.output and "skipped 0" in result.output


def _long_corpus(folder: Path, copies: int) -> int:
    """``copies`` distinct articles (each fixture text with its own closing line)."""
    texts = [
        p.read_text() for p in sorted(CORPUS.glob("*.txt")) if p.stat().st_size > 10 and "-de" not in p.name
    ]
    folder.mkdir()
    for i in range(copies):
        text = texts[i % len(texts)]
        (folder / f"{i:03d}.txt").write_text(f"{text}\nThis is report number {i} in the series.\n")
    return copies


def _start_and_stop(corpus: Path, db: Path, how: signal.Signals) -> subprocess.CompletedProcess:
    process = subprocess.Popen(
        [*STANCEMAP, "ingest", str(corpus), "--db", str(db), "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if _count(db, "SELECT count(*) FROM sources") >= 3:
                process.send_signal(how)
                break
        except sqlite3.OperationalError:  # the store or its schema is not there yet
            pass
        time.sleep(0.05)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_stopped_run_continues_without_duplicates_or_losses(tmp_path, how):
    total = _long_corpus(tmp_path / "corpus", 40)
    db = tmp_path / "s.db"
    stopped = _start_and_stop(tmp_path / "corpus", db, how)
    assert stopped.returncode == (130 if how == signal.SIGINT else -signal.SIGKILL), stopped.stderr
    if how == signal.SIGINT:
        assert "interrupted: run the same command again to continue" in stopped.stderr
    done_before = _count(db, "SELECT count(*) FROM sources")
    assert 3 <= done_before < total

    rerun = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db), "--no-progress"])
    assert rerun.exit_code == 0, rerun.output
    assert f"{done_before} done by an earlier run" in rerun.output
    assert _count(db, "SELECT count(*) FROM sources") == total
    assert _count(db, "SELECT count(*) FROM articles") == total
    assert _count(db, "SELECT count(DISTINCT source) FROM articles") == total
    # Every stored article keeps all its quotes: none half-written.
    assert (
        _count(
            db,
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)",
        )
        == 0
    )


def test_workers_option_stores_the_same(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db, workers in ((one, "1"), (two, "2")):
        result = CliRunner().invoke(
            cli, ["ingest", str(CORPUS), "--db", str(db), "--workers", workers, "--no-progress"]
        )
        assert result.exit_code == 0, result.output
    sql = "SELECT group_concat(id || ':' || coalesce(canonical_id, ''), ',') FROM (SELECT * FROM articles ORDER BY id)"
    assert _count(one, sql) == _count(two, sql)
    assert _count(one, "SELECT count(*) FROM quotes") == _count(two, "SELECT count(*) FROM quotes")


def test_engine_dask_writes_shards_and_merges_them(tmp_path):
    db = tmp_path / "s.db"
    args = ["ingest", str(CORPUS), "--db", str(db), "--engine", "dask", "--workers", "2", "--no-progress"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "shards under" in result.output
    assert "ingest: 6 stored" in result.output
    assert list((tmp_path / "s.db.shards").glob("part-*.parquet"))
    assert _count(db, "SELECT count(*) FROM articles WHERE canonical_id IS NOT NULL") == 1


def test_merge_command_loads_shards_idempotently(tmp_path):
    shards = tmp_path / "shards"
    shards.mkdir()
    write_shard([Result(Skip("x.warc#1", "S008", "truncated record"))], shards / "part-000000-a.parquet")
    db = str(tmp_path / "s.db")
    first = CliRunner().invoke(cli, ["merge", str(shards), "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "merge: 0 stored, 0 quotes, 1 skipped (1 corrupt)" in first.output
    again = CliRunner().invoke(cli, ["merge", str(shards), "--db", db, "--no-progress"])
    assert "merge: 0 stored, 0 quotes, 1 skipped by an earlier run (1 corrupt)" in again.output
    empty = tmp_path / "none"
    empty.mkdir()
    missing = CliRunner().invoke(cli, ["merge", str(empty), "--db", db])
    assert missing.exit_code == 2
    assert "no *.parquet shards" in missing.output


def test_cli_ingest_running_again_says_why_an_input_was_skipped(tmp_path):
    db = str(tmp_path / "s.db")
    empty = CORPUS / "empty.txt"
    first, again = (
        CliRunner().invoke(cli, ["ingest", str(empty), "--db", db, "--no-progress"]) for _ in range(2)
    )
    assert first.exit_code == again.exit_code == 1, again.output  # nothing could be processed, either time
    assert again.stderr.splitlines() == [
        f"skipped {empty}: empty file (as in an earlier run) [S002]",
        "ingest: 0 stored, 0 quotes, 1 skipped by an earlier run (1 empty)",
        f"error: no file could be processed in {empty}",
    ]
    assert _count(db, "SELECT count(*) FROM sources") == 1


def test_cli_ingest_each_article_piped_to_stdin_is_stored(tmp_path):
    db = str(tmp_path / "s.db")
    texts = [(CORPUS / name).read_text() for name in ("floods.txt", "strike.txt", "floods.txt")]
    first, second, again = (
        CliRunner().invoke(cli, ["ingest", "-", "--db", db, "--no-progress"], input=text) for text in texts
    )
    assert first.exit_code == 0, first.output
    assert "ingest: 1 stored" in first.output
    assert second.exit_code == 0, second.output
    assert "ingest: 1 stored" in second.output  # all of stdin is one source, `-`: its content differs
    assert again.exit_code == 0, again.output
    assert "ingest: 0 stored, 0 quotes, 1 done by an earlier run" in again.output
    assert _count(db, "SELECT count(*) FROM articles") == 2
    assert _count(db, "SELECT count(*) FROM sources WHERE source = '-'") == 2


def test_local_options_refuse_dask_only_ones(tmp_path):
    result = CliRunner().invoke(
        cli, ["ingest", str(CORPUS), "--db", str(tmp_path / "s.db"), "--scheduler", "tcp://x:1"]
    )
    assert result.exit_code == 2
    assert "--engine dask" in result.output
