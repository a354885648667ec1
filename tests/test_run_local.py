"""Local ingest: languages and near-duplicates counted, resumable after Ctrl-C, same store with N workers."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.run import local, writer
from stancemap.run.local import ingest_paths
from stancemap.store import open_store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "fixtures" / "run"
ENGLISH = ["budget.txt", "copy-budget.txt", "election.txt", "floods.txt", "strike.txt"]


def _snapshot(db_path) -> dict:
    """What a run leaves in the store, independent of write order and actor ids."""
    with open_store(db_path) as store:
        db = store.connection
        articles = {
            Path(row["source"]).name: (row["id"], row["language"], row["canonical_id"], row["signature"])
            for row in db.execute("SELECT source, id, language, canonical_id, signature FROM articles")
        }
        quotes = sorted(tuple(q) for q in db.execute("SELECT article_id, seq, start, end, text FROM quotes"))
        sources = sorted(
            (Path(r["source"]).name, r["status"]) for r in db.execute("SELECT source, status FROM sources")
        )
        return {"articles": articles, "quotes": quotes, "sources": sources}


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp):
    db_path = tmp_path_factory.mktemp("reference") / "s.db"
    report = ingest_paths([str(CORPUS)], str(db_path), nlp=nlp)
    return report, _snapshot(db_path)


def test_summary_counts_languages_near_duplicates_and_skips(reference):
    report, snapshot = reference
    assert report.stored == 6
    assert report.languages == {"de": 1}
    assert report.near_duplicates == 1
    assert dict(report.skipped) == {"S002": 1}
    summary = report.summary()
    assert "1 not English (1 de" in summary
    assert "1 near-duplicates linked" in summary
    assert "1 skipped (1 empty)" in summary


def test_near_duplicate_links_to_the_first_copy_and_its_quotes_count_once(reference):
    report, snapshot = reference
    articles = snapshot["articles"]
    original_id = articles["budget.txt"][0]
    assert articles["copy-budget.txt"][2] == original_id
    assert all(articles[name][2] is None for name in articles if name != "copy-budget.txt")
    copy_quotes = sum(1 for q in snapshot["quotes"] if q[0] == articles["copy-budget.txt"][0])
    assert copy_quotes > 0
    assert report.quotes == len(snapshot["quotes"]) - copy_quotes


def test_every_stored_article_has_a_signature_and_german_is_not_extracted(reference):
    _, snapshot = reference
    articles = snapshot["articles"]
    assert all(len(sig) == 512 for *_, sig in articles.values())
    german_id = articles["haushalt-de.txt"][0]
    assert articles["haushalt-de.txt"][1] == "de"
    assert not [q for q in snapshot["quotes"] if q[0] == german_id]


def test_running_again_adds_nothing(tmp_path, nlp, reference):
    db_path = tmp_path / "s.db"
    ingest_paths([str(CORPUS)], str(db_path), nlp=nlp)
    again = ingest_paths([str(CORPUS)], str(db_path), nlp=nlp)
    assert (again.stored, again.duplicates, again.resumed) == (0, 0, 6)
    assert dict(again.skipped_before) == {"S002": 1}  # empty.txt
    assert _snapshot(db_path) == reference[1]


def test_interrupted_run_resumes_without_losing_or_repeating(tmp_path, nlp, monkeypatch, reference):
    db_path = tmp_path / "s.db"
    write = writer.Writer.write
    calls = []

    def write_then_interrupt(self, result):
        if len(calls) == 3:  # Ctrl-C arrives while the fourth result is about to be written
            raise KeyboardInterrupt
        calls.append(result.source)
        write(self, result)

    monkeypatch.setattr(writer.Writer, "write", write_then_interrupt)
    first = ingest_paths([str(CORPUS)], str(db_path), nlp=nlp, batch_size=2)
    assert first.interrupted
    assert "interrupted" in first.summary()
    with open_store(db_path) as store:
        assert store.connection.execute("SELECT count(*) FROM sources").fetchone()[0] == 3

    monkeypatch.setattr(writer.Writer, "write", write)
    second = ingest_paths([str(CORPUS)], str(db_path), nlp=nlp, batch_size=2)
    assert not second.interrupted
    assert second.resumed == 3
    assert second.stored + first.stored == 6
    # Same articles, quotes, near-duplicate links and source records as an uninterrupted run.
    assert _snapshot(db_path) == reference[1]


def test_two_worker_processes_store_the_same_as_one(tmp_path, reference, monkeypatch):
    monkeypatch.setattr(local, "IN_FLIGHT_PER_WORKER", 1)  # exercises the bounded queue
    db_path = tmp_path / "s.db"
    report = ingest_paths([str(CORPUS)], str(db_path), workers=2, batch_size=2)
    assert (report.stored, report.near_duplicates, report.quotes) == (
        reference[0].stored,
        reference[0].near_duplicates,
        reference[0].quotes,
    )
    assert _snapshot(db_path) == reference[1]


def test_run_local_overwritten_file_is_stored_and_running_again_adds_nothing(tmp_path, nlp):
    db_path = str(tmp_path / "s.db")
    path = tmp_path / "story.txt"
    path.write_text((CORPUS / "floods.txt").read_text())
    assert ingest_paths([str(path)], db_path, nlp=nlp).stored == 1

    path.write_text((CORPUS / "strike.txt").read_text())  # same path, other content
    rewritten = ingest_paths([str(path)], db_path, nlp=nlp)
    assert (rewritten.stored, rewritten.resumed) == (1, 0)

    again = ingest_paths([str(path)], db_path, nlp=nlp)
    assert (again.stored, again.duplicates, again.resumed) == (0, 0, 1)
    # Back to the first content: analyzed again (that version may have to be current again; see
    # test_run_local_rewritten_source_is_the_new_version_and_its_quotes_count), adding nothing.
    path.write_text((CORPUS / "floods.txt").read_text())
    back = ingest_paths([str(path)], db_path, nlp=nlp)
    assert (back.stored, back.duplicates, back.resumed) == (0, 1, 0)
    assert ingest_paths([str(path)], db_path, nlp=nlp).resumed == 1  # and then done
    with open_store(db_path) as store:
        assert store.counts()["articles"] == 2
        assert store.connection.execute("SELECT count(*) FROM sources").fetchone()[0] == 2


def test_run_local_input_skipped_before_is_reported_again_and_not_read_again(tmp_path, monkeypatch):
    from stancemap.ingest import read_file
    from stancemap.run.stage import input_hash

    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Home | News | Sport</nav></body></html>")
    db_path = str(tmp_path / "s.db")
    with open_store(db_path) as store:  # as a first run that found no article body in it leaves it
        store.record_skip(str(page), "S007", "no article body", content_hash=input_hash(read_file(page)))
    monkeypatch.setattr(local, "analyze_batch", None)  # nothing is analyzed again
    skips = []
    report = ingest_paths([str(page)], db_path, on_skip=skips.append)
    assert (report.stored, report.resumed, dict(report.skipped_before)) == (0, 0, {"S007": 1})
    assert [str(s) for s in skips] == [f"skipped {page}: no article body (as in an earlier run) [S007]"]
    assert report.summary() == "ingest: 0 stored, 0 quotes, 1 skipped by an earlier run (1 no article body)"
    with open_store(db_path) as store:
        assert store.connection.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_run_local_rewritten_source_is_the_new_version_and_its_quotes_count(tmp_path, nlp):
    from stancemap import query

    article = tmp_path / "in" / "budget.txt"
    article.parent.mkdir()
    text = (CORPUS / "budget.txt").read_text(encoding="utf-8")
    article.write_text(text, encoding="utf-8")
    db_path = tmp_path / "s.db"
    ingest_paths([str(article.parent)], str(db_path), nlp=nlp)
    copy = tmp_path / "copy" / "copy-budget.txt"  # another source with the same story: a copy of the first
    copy.parent.mkdir()
    copy.write_text((CORPUS / "copy-budget.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ingest_paths([str(copy)], str(db_path), nlp=nlp)
    added = '\n\nThe minister said later that "nothing is decided yet".\n'
    article.write_text(text + added, encoding="utf-8")
    report = ingest_paths([str(article.parent)], str(db_path), nlp=nlp)
    assert (report.stored, report.near_duplicates, report.new_versions) == (1, 0, 1)
    assert "1 new version of stored articles" in report.summary()
    with open_store(db_path) as store:
        rows = [(r["id"], r["canonical_id"]) for r in store.connection.execute("SELECT * FROM articles")]
        (new_id,) = [i for i, c in rows if c is None]
        # The old version and the copy of it now link to the new version, the only canonical article.
        assert sorted(c or "" for _, c in rows) == ["", new_id, new_id]
        assert any(q.text == '"nothing is decided yet"' for q in query.quotes(store))
    article.write_text(text, encoding="utf-8")  # and back: the first version is the current one again
    back = ingest_paths([str(article.parent)], str(db_path), nlp=nlp)
    assert (back.stored, back.duplicates) == (0, 1)
    with open_store(db_path) as store:
        rows = [(r["id"], r["canonical_id"]) for r in store.connection.execute("SELECT * FROM articles")]
        (current,) = [i for i, c in rows if c is None]
        assert current != new_id and sorted(c or "" for _, c in rows) == ["", current, current]
        assert not any(q.text == '"nothing is decided yet"' for q in query.quotes(store))
