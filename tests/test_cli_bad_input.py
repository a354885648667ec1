"""Bad input: one clear line per file, the run goes on, exit status non-zero only when nothing worked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from stancemap.cli import cli

STANCEMAP = [sys.executable, "-c", "from stancemap.cli import main; main()"]
WATCHLIST = Path(__file__).resolve().parents[1] / "examples" / "watchlist.toml"
EXAMPLE = WATCHLIST.parent / "starmer-backstop.txt"

GERMAN = (
    "Bundeskanzler Olaf Scholz hat am Montag in Paris gesagt, dass eine Debatte über Friedenstruppen "
    "für die Ukraine verfrüht sei. Die europäischen Staats- und Regierungschefs trafen sich zu "
    "Krisengesprächen über die Sicherheit des Kontinents, nachdem Washington angekündigt hatte, seine "
    "Verpflichtungen in Europa zu verringern. Die Regierung in Berlin will darüber später entscheiden.\n"
)


def _bad_files(tmp_path):
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "latin1.txt": "Le président a déclaré que la paix était possible.".encode("latin-1"),
        "german.txt": GERMAN.encode("utf-8"),
        "huge.txt": b"The minister said the plan would work. " * 130_000,  # about 5 MB
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("german.txt", "not English"),
        ("huge.txt", "too large"),
        ("missing.txt", "no such file"),
    ],
)
def test_bad_input_skipped_with_reason(tmp_path, name, reason, example_path):
    paths = _bad_files(tmp_path)
    bad = str(paths.get(name, tmp_path / name))
    result = CliRunner().invoke(cli, ["analyze", bad, str(example_path), "--json"])
    assert result.exit_code == 0, result.output
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skip_lines) == 1
    assert bad in skip_lines[0] and reason in skip_lines[0]
    articles = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [a["published"] for a in articles] == ["2025-02-18"]


def test_exit_status_non_zero_when_nothing_processed(tmp_path):
    paths = _bad_files(tmp_path)
    result = CliRunner().invoke(cli, ["analyze", str(paths["empty.txt"]), str(paths["binary.txt"])])
    assert result.exit_code == 1
    assert "no file could be processed" in result.stderr


@pytest.mark.parametrize("command", ["analyze", "ingest", "stances"])
def test_cli_empty_folder_is_named_when_no_file_could_be_processed(tmp_path, command):
    empty = tmp_path / "empty"
    (empty / ".git").mkdir(parents=True)
    (empty / ".git" / "HEAD").write_text("ref: refs/heads/main\n")  # hidden: not read
    db = tmp_path / "s.db"
    extra = {"ingest": ["--db", str(db), "--no-progress"], "stances": ["--watchlist", str(WATCHLIST)]}
    result = CliRunner().invoke(cli, [command, str(empty), *extra.get(command, [])])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"error: no file could be processed in {empty} (a folder with no file to read)"
    )
    assert not list(tmp_path.glob("s.db*"))  # ingest leaves no empty store


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_cli_bad_input_folder_without_news_file_is_named_as_one(tmp_path, command):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "watchlist.toml").write_bytes(WATCHLIST.read_bytes())
    (folder / "quotes.csv").write_text("speaker,quote\nScholz,premature\n")
    (folder / "README.md").write_text("Read me first.\n")
    extra = {"ingest": ["--db", str(tmp_path / "s.db"), "--no-progress"]}
    result = CliRunner().invoke(cli, [command, str(folder), *extra.get(command, [])])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"error: no file could be processed in {folder} (a folder with no news file to read)"
    )


def test_ingest_of_bad_files_keeps_stored_articles(tmp_path, example_path):
    db = tmp_path / "s.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(example_path), "--db", str(db)])
    assert first.exit_code == 0, first.output
    paths = _bad_files(tmp_path)
    second = runner.invoke(cli, ["ingest", *map(str, paths.values()), "--db", str(db)])
    assert "skipped" in second.stderr
    listed = runner.invoke(cli, ["quotes", "--speaker", "Scholz", "--db", str(db), "--json"])
    assert listed.exit_code == 0
    assert "Olaf Scholz" in listed.stdout


def test_cli_ingest_folder_skips_the_watchlist_beside_the_article(tmp_path, example_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / example_path.name).write_bytes(example_path.read_bytes())
    (folder / "watchlist.toml").write_bytes(WATCHLIST.read_bytes())
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(folder), "--watchlist", str(folder / "watchlist.toml"), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    skip_lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert skip_lines == [
        f"skipped {folder / 'watchlist.toml'}: a .toml file is not read from a folder (text, HTML, WARC, "
        "JSONL and feed files are); name it on its own to read it [S009]"
    ]
    from stancemap.store import open_store

    with open_store(db) as store:
        sources = [row[0] for row in store.connection.execute("SELECT source FROM articles")]
        stance_sources = {
            row[0]
            for row in store.connection.execute(
                "SELECT a.source FROM stances s JOIN articles a ON a.id = s.article_id"
            )
        }
    assert sources == [str(folder / example_path.name)]
    assert stance_sources == {str(folder / example_path.name)}


@pytest.fixture
def empty_store(tmp_path):
    from stancemap.store import open_store

    db = tmp_path / "s.db"
    open_store(db).close()
    return str(db)


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--since", "yesterday", "'yesterday' is not a date written YYYY-MM-DD"),
        ("--since", "2025-13-45", "'2025-13-45' is not a calendar date"),
        ("--since", "2025-02-18T00:00", "'2025-02-18T00:00' is not a date written YYYY-MM-DD"),
        ("--until", "18/02/2025", "'18/02/2025' is not a date written YYYY-MM-DD"),
        ("--until", "2025-02-30", "'2025-02-30' is not a calendar date"),
    ],
)
def test_read_quotes_rejects_dates_that_are_not_yyyy_mm_dd(empty_store, option, value, says):
    result = CliRunner().invoke(cli, ["quotes", option, value, "--db", empty_store])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}': {says}" in result.stderr
    assert "no quotes match" not in result.output


@pytest.mark.parametrize("command", ["quotes", "actors"])
@pytest.mark.parametrize("limit", ["-1", "0"])
def test_read_rejects_a_limit_below_one(empty_store, command, limit):
    result = CliRunner().invoke(cli, [command, "--limit", limit, "--db", empty_store])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '--limit': {limit} is not in the range x>=1" in result.stderr


def test_read_accepts_a_date_range(empty_store):
    result = CliRunner().invoke(
        cli, ["quotes", "--since", "2025-02-18", "--until", "2025-02-18", "--db", empty_store]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", ["quotes", "actors", "figures", "events"])
def test_cli_read_says_when_nothing_matches(empty_store, command):
    result = CliRunner().invoke(cli, [command, "--db", empty_store])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no empty table
    assert result.stderr == f"no {command} match\n"


def test_cli_coded_error_is_one_line_with_exit_status_2(tmp_path):
    result = CliRunner().invoke(cli, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: [E002] no store at {tmp_path / 'none.db'}: run `stancemap ingest PATH --db {tmp_path / 'none.db'}` first"
    ]


@pytest.mark.parametrize("read", ["quotes", "stances"])
def test_query_rejects_dates_that_are_not_yyyy_mm_dd(empty_store, read):
    from stancemap import query
    from stancemap.errors import QueryError
    from stancemap.store import open_store

    with open_store(empty_store, create=False) as store:
        with pytest.raises(QueryError, match=r"\[E005\] since 'yesterday' is not a date written YYYY-MM-DD"):
            getattr(query, read)(store, since="yesterday")
        with pytest.raises(ValueError, match="until '2025-13-45' is not a calendar date"):
            getattr(query, read)(store, until="2025-13-45")
        assert getattr(query, read)(store, since="2025-01-01", until="2025-12-31") == []


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--engine", "dask", "--scheduler", "garbage"], "[E006]"),
        (["--watchlist", "BAD"], "[E020]"),
    ],
)
def test_cli_ingest_that_cannot_start_says_why_and_leaves_no_store(tmp_path, example_path, args, code):
    bad = tmp_path / "bad.toml"
    bad.write_text("issues = [\n", encoding="utf-8")
    db = tmp_path / "s.db"
    args = [str(bad) if a == "BAD" else a for a in args]
    result = CliRunner().invoke(cli, ["ingest", str(example_path), "--db", str(db), "--no-progress", *args])
    assert result.exit_code == 2 and code in result.output, result.output
    assert not list(tmp_path.glob("s.db*"))


@pytest.mark.parametrize("command", ["ingest", "merge"])
@pytest.mark.parametrize("where", ["missing folder", "/proc"])
def test_cli_writing_to_a_store_that_cannot_be_opened_is_one_coded_error(
    tmp_path, example_path, command, where
):
    from stancemap.errors import Skip
    from stancemap.run.shards import write_shard
    from stancemap.run.stage import Result

    if where == "/proc" and not Path("/proc/self").exists():
        pytest.skip("needs /proc (Linux)")
    db = tmp_path / "missing" / "s.db" if where == "missing folder" else Path("/proc/stancemap-test.db")
    shard = tmp_path / "part-0.parquet"
    write_shard([Result(Skip("a.txt", "S002", "empty"))], shard)
    source = str(example_path) if command == "ingest" else str(shard)
    result = CliRunner().invoke(cli, [command, source, "--db", str(db), "--no-progress"])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"error: [E002] cannot open {db} as a stancemap store: unable to open database file"
    )
    if where == "missing folder":
        assert line.endswith(f"(the folder {db.parent} does not exist)")
    assert not db.parent.exists() or not list(db.parent.glob(db.name + "*"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [["clean", "EXAMPLE"], ["issues", "--watchlist", str(WATCHLIST)]])
def test_cli_output_to_a_full_disk_is_one_error_line(example_path, args):
    args = [str(example_path) if a == "EXAMPLE" else a for a in args]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*STANCEMAP, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["error: [E003] cannot write the output: No space left on device"]


def test_cli_html_gz_cut_short_is_one_skip_line_without_trafilatura_noise(tmp_path):
    import gzip

    page = Path(__file__).parent / "fixtures" / "clean" / "appeal-page.html"
    cut = tmp_path / "page.html.gz"
    cut.write_bytes(gzip.compress(page.read_bytes()[:500]))  # the download broke off inside <head>
    result = subprocess.run(
        [*STANCEMAP, "analyze", str(cut)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        f"skipped {cut}: no article text found after removing boilerplate [S007]",
        f"error: no file could be processed in {cut}",
    ]


def test_cli_output_to_a_closed_pipe_ends_quietly(example_path):
    process = subprocess.Popen(
        [*STANCEMAP, "clean", str(example_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    process.stdout.close()  # as `| head -1` does once it has its line
    err = process.stderr.read()
    process.wait(timeout=120)
    assert err == ""


def test_cli_runs_as_python_module():
    out = subprocess.run(
        [sys.executable, "-m", "stancemap", "--help"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0 and "ingest" in out.stdout


def test_cli_store_disk_full_during_ingest_is_one_error_line(tmp_path, monkeypatch):
    from stancemap.run import local

    opened = local.open_store

    def small_store(path, **kwargs):
        store = opened(path, **kwargs)
        (pages,) = store.connection.execute("PRAGMA page_count").fetchone()
        store.connection.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: a full disk
        return store

    monkeypatch.setattr(local, "open_store", small_store)
    result = CliRunner().invoke(
        cli, ["ingest", str(EXAMPLE), "--db", str(tmp_path / "s.db"), "--no-progress"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("error: [E003] cannot write the store: database or disk is full")


def test_cli_analyze_indent_implies_json_and_refuses_a_negative_width(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Sir Keir Starmer said on Monday that the plan was sound and would go ahead.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["analyze", str(story), "--indent", "2"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == str(story)
    assert result.stdout.startswith('{\n  "')
    result = CliRunner().invoke(cli, ["analyze", str(story), "--json", "--indent", "-1"])
    assert result.exit_code == 2 and "--indent" in result.output
