"""Dask engine on a real LocalCluster (2 worker processes): shards, merge, resume, one model per worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap.run.dask import ingest_dask
from stancemap.run.shards import merge_shards
from stancemap.store import open_store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "fixtures" / "run"


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _model_loads() -> int:
    from stancemap.extract.pipeline import load_nlp

    return load_nlp.cache_info().misses


def test_dask_shards_merge_into_the_same_store_as_a_local_run(tmp_path, client):
    shards_dir = tmp_path / "shards"
    analyzed, shards = ingest_dask([str(CORPUS)], shards_dir, partition_size=2, client=client)
    assert len(shards) == 4  # 7 inputs in partitions of 2
    assert sorted(p.name for p in shards_dir.iterdir()) == [p.name for p in shards]
    assert analyzed.stored == 6
    assert dict(analyzed.skipped) == {"S002": 1}

    with open_store(tmp_path / "s.db") as store:
        merged = merge_shards(shards, store)
        assert (merged.stored, merged.near_duplicates, dict(merged.languages)) == (6, 1, {"de": 1})
        rows = store.connection.execute("SELECT source, canonical_id FROM articles").fetchall()
        linked = {Path(source).name for source, canonical in rows if canonical}
        assert linked == {"copy-budget.txt"}
        assert store.counts()["quotes"] == analyzed.quotes > 0

    # Each worker process loaded the model once, however many partitions it ran.
    assert max(client.run(_model_loads).values()) == 1


def test_dask_run_again_passes_over_finished_partitions(tmp_path, client):
    shards_dir = tmp_path / "shards"
    ingest_dask([str(CORPUS)], shards_dir, partition_size=4, client=client)
    first = {p.name: p.stat().st_mtime_ns for p in shards_dir.iterdir()}
    again, shards = ingest_dask([str(CORPUS)], shards_dir, partition_size=4, client=client)
    assert again.stored == 0
    assert {p.name: p.stat().st_mtime_ns for p in shards} == first


def test_dask_skips_sources_already_in_the_store(tmp_path, client):
    with open_store(tmp_path / "s.db") as store:
        store.record_skip(str(CORPUS / "empty.txt"), "S002", "empty file")
        analyzed, _ = ingest_dask(
            [str(CORPUS)], tmp_path / "shards", partition_size=8, client=client, is_done=store.has_source
        )
    assert analyzed.resumed == 1
    assert not analyzed.skipped


def _one_story(tmp_path):
    """A corpus folder holding one story (the floods article), and a folder for its shards."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = corpus / "story.txt"
    story.write_text((CORPUS / "floods.txt").read_text())
    return corpus, story, tmp_path / "shards"


def test_run_dask_rewritten_source_gets_a_new_shard(tmp_path, client):
    corpus, story, shards_dir = _one_story(tmp_path)
    ingest_dask([str(corpus)], shards_dir, client=client)
    story.write_text((CORPUS / "strike.txt").read_text())  # same source, other content
    with open_store(tmp_path / "s.db") as store:
        store.record_skip(str(story), "S007", "no article body")  # what it held then is not known
        again, shards = ingest_dask([str(corpus)], shards_dir, client=client, is_done=store.has_source)
    assert (again.stored, again.resumed) == (1, 0)  # analyzed, not taken for what it held before
    assert len(list(shards_dir.iterdir())) == 2 and shards[0].exists()


def test_run_dask_merge_stores_a_rewritten_source(tmp_path, client):
    """The shards keep each input's content hash: merging a rewritten file's shard stores it."""
    corpus, story, shards_dir = _one_story(tmp_path)
    with open_store(tmp_path / "s.db") as store:
        _, shards = ingest_dask([str(corpus)], shards_dir, client=client, is_done=store.has_source)
        assert merge_shards(shards, store).stored == 1
        story.write_text((CORPUS / "strike.txt").read_text())  # same source, other content
        _, shards = ingest_dask([str(corpus)], shards_dir, client=client, is_done=store.has_source)
        assert merge_shards(shards, store).stored == 1
        assert merge_shards(shards, store).stored == 0  # and merging again adds nothing
        assert store.counts()["articles"] == 2
