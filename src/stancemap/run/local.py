"""Ingest on one machine: stream documents, analyze them in batches (here or in N worker
processes), and write each article in its own transaction from this process, the single writer.

Resumable: an input whose source is recorded in the store with the same content (the hash of its
raw content, checked before analysis) is passed over, so running the same command again continues
where a stopped run ended; a source whose content changed since (a file rewritten, the next article
piped to ``-``) is analyzed and stored. Ctrl-C stops after the article being written; a killed run
loses only the batches in flight (nothing committed).
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import Skip
from ..ingest import iter_documents
from ..model import Document
from ..store import open_store
from .progress import Progress
from .stage import BATCH_SIZE, Result, analyze_batch, input_hash, warm_up
from .writer import RETRY_CODES, IngestReport, Writer

__all__ = ["IngestReport", "RETRY_CODES", "ingest_paths", "batches", "fresh"]

# Batches queued per worker: enough that no worker waits for the next one, few enough that memory
# stays flat however long the input is.
IN_FLIGHT_PER_WORKER = 2


def fresh(
    items: Iterable[Document | Skip], is_done, report: IngestReport, *, on_skip=None
) -> Iterator[Document | Skip]:
    """``items`` without those an earlier run handled (counted in ``report``, see ``IngestReport.pass_over``).

    ``is_done(source, content_hash)`` (``Store.earlier``, or ``Store.has_source``) is asked with each
    input's ``input_hash``: the same source with other content is not done, and goes on to be analyzed.
    One an earlier run skipped is passed over too, and its skip line given to ``on_skip`` again.
    """
    for item in items:
        if not report.pass_over(is_done(item.source, input_hash(item)), on_skip):
            yield item


def batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def ingest_paths(
    paths: list[str],
    db_path: str,
    *,
    workers: int = 1,
    progress: bool = False,
    nlp=None,
    batch_size: int = BATCH_SIZE,
    on_skip=None,
) -> IngestReport:
    """Analyze everything under ``paths`` into the store at ``db_path``.

    ``workers`` > 1 runs the analysis in that many processes (the model loaded once in each).
    On Ctrl-C the report comes back with ``interrupted`` set; everything written stays written.
    """
    report = IngestReport()
    with open_store(db_path) as store, Progress(progress) as bar:
        writer = Writer(store, report, on_skip=on_skip)
        todo = batches(fresh(iter_documents(paths), store.earlier, report, on_skip=on_skip), batch_size)
        if workers > 1:
            results = map_processes(todo, workers, batch_size=batch_size)
        else:
            results = (analyze_batch(batch, batch_size=batch_size, nlp=nlp) for batch in todo)
        try:
            for batch in results:
                for result in batch:
                    writer.write(result)
                bar.update(report)
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            results.close()  # stops the worker processes
    return report


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: only the parent handles it (and stops the workers),
    # so a worker never dies half-way through pickling a result.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


def map_processes(
    todo: Iterable[list], workers: int, *, batch_size: int = BATCH_SIZE
) -> Iterator[list[Result]]:
    """``analyze_batch`` over ``todo`` in ``workers`` processes; results in input order.

    At most ``IN_FLIGHT_PER_WORKER * workers`` batches are submitted and not yet written, so a
    corpus of any length is never held in memory (``Pool.imap`` would read all of ``todo`` ahead).
    """
    from concurrent.futures import ProcessPoolExecutor

    # spawn: a fresh interpreter per worker; forking a parent that already holds a model and
    # threads is not safe on every platform, and spawn behaves the same on Linux, macOS and Windows.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker)
    pending: deque = deque()
    try:
        for batch in todo:
            pending.append(pool.submit(analyze_batch, batch, batch_size=batch_size))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
