"""Ingest on a Dask cluster: the same ``analyze_batch`` mapped over partitions, one Parquet shard each.

The client streams the inputs and cuts them into partitions of ``partition_size`` documents; at most
a few partitions per worker are in flight, so neither the client nor a worker ever holds the corpus.
Each worker writes its partition's shard into ``shards_dir`` (a folder every worker and the client
can reach: a shared file system on a cluster) and returns only counts. ``merge`` (``stancemap
merge``) then loads the shards into SQLite, the single writer.

Resumable: a partition whose shard exists is not submitted again (shards are written atomically; a
shard's name depends on its inputs' sources and contents, so a source whose content changed makes a
new shard), and inputs already in the store with the same content, when a store is given, are not
partitioned at all.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path

from ..errors import SKIP_FAILED, OutputError, SchedulerError, Skip, one_line
from ..ingest import iter_documents
from .local import batches, fresh
from .progress import Progress
from .shards import shard_name, write_shard
from .stage import BATCH_SIZE, analyze_batch, input_hash
from .writer import RETRY_CODES, IngestReport

log = logging.getLogger(__name__)

PARTITION_SIZE = 64
IN_FLIGHT_PER_WORKER = 2


def run_partition(items: list, path: str, batch_size: int = BATCH_SIZE) -> dict:
    """Analyze one partition on a worker and write its shard; returns counts for the progress bar."""
    results = analyze_batch(items, batch_size=batch_size)
    write_shard(results, path)
    counts = {"articles": 0, "quotes": 0, "skipped": Counter()}
    for result in results:
        if isinstance(result.item, Skip):
            counts["skipped"][result.item.code] += 1
        else:
            counts["articles"] += 1
            counts["quotes"] += len(result.item.quotes)
    return counts


def _client(scheduler: str | None, workers: int | None):
    from distributed import Client, LocalCluster

    # distributed logs every connection at INFO on its own handler; show that only with -v.
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        try:
            return Client(scheduler), None
        except (ValueError, OSError, TimeoutError) as exc:
            raise SchedulerError(
                f"cannot reach the Dask scheduler at {scheduler!r}: {one_line(exc)}"
            ) from None
    # One thread per worker process: spaCy holds the GIL, so more threads would only contend.
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def ingest_dask(
    paths: list[str],
    shards_dir: str | Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = PARTITION_SIZE,
    batch_size: int = BATCH_SIZE,
    is_done=None,
    on_skip=None,
    progress: bool = False,
    client=None,
) -> tuple[IngestReport, list[Path]]:
    """Write one shard per partition of the documents under ``paths`` into ``shards_dir``.

    Returns counts of what the new shards hold (``stored`` = articles analyzed, before any dedup;
    ``merge_shards`` gives the store's own counts) and every shard of this input, new or written
    by an earlier run, in input order: what to merge. ``is_done(source, content_hash)``
    (``Store.earlier``) passes over inputs an earlier run handled with the same content, the skip
    line of one it skipped given to ``on_skip`` again (``local.fresh``);
    ``client`` reuses a connected ``distributed.Client``.
    """
    from distributed import wait

    out = Path(shards_dir)
    report = IngestReport()
    own = None
    if client is None:
        client, own = _client(scheduler, workers)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if own is not None:
            client.close()
            own.close()
        raise OutputError(f"cannot create the shards folder {out}: {exc.strerror or exc}") from None
    items = iter_documents(paths)
    if is_done is not None:
        items = fresh(items, is_done, report, on_skip=on_skip)
    limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
    pending: dict = {}
    shards: list[Path] = []

    def collect(done) -> None:
        for future in done:
            size = pending.pop(future)
            try:
                counts = future.result()
            except Exception as exc:  # a lost worker or an unwritable folder: this partition only
                log.warning("partition failed (%s); run again to retry it", exc)
                report.skipped[SKIP_FAILED] += size
                continue
            report.stored += counts["articles"]
            report.quotes += counts["quotes"]
            report.skipped.update(counts["skipped"])

    try:
        with Progress(progress, "ingest (dask)") as bar:
            for index, partition in enumerate(batches(items, partition_size)):
                # Named by sources and contents: a shard of what a source held before is not reused.
                keys = [f"{item.source}\0{input_hash(item)}" for item in partition]
                path = out / shard_name(index, keys)
                shards.append(path)
                if path.exists():  # written by an earlier run (shards are complete or absent)
                    continue
                future = client.submit(run_partition, partition, str(path), batch_size, pure=False)
                pending[future] = len(partition)
                if len(pending) >= limit:
                    collect(wait(list(pending), return_when="FIRST_COMPLETED").done)
                    bar.update(report)
            while pending:
                collect(wait(list(pending), return_when="FIRST_COMPLETED").done)
                bar.update(report)
    except KeyboardInterrupt:
        report.interrupted = True
        client.cancel(list(pending))
    finally:
        if own is not None:
            client.close()
            own.close()
    return report, [path for path in shards if path.exists()]


__all__ = ["ingest_dask", "run_partition", "RETRY_CODES", "PARTITION_SIZE"]
