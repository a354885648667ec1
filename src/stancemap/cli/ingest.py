"""stancemap ingest: read sources, extract, and write the SQLite store (here, in N processes, or on Dask)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import StancemapError
from ._common import db_option, echo_skip, exit_no_file_processed, watchlist_option

EXIT_INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C


@click.command()
@click.argument("paths", nargs=-1, required=True)
@watchlist_option
@db_option
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes (each loads the spaCy model once). With --engine dask and no "
    "--scheduler: the local cluster's size (default: one per CPU).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine; dask: partitions on a Dask cluster, written as Parquet shards, then merged.",
)
@click.option(
    "--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster."
)
@click.option(
    "--shards",
    "shards_dir",
    type=click.Path(file_okay=False),
    help="With --engine dask: folder for the Parquet shards, reachable by every worker "
    "(default: DB's name + .shards).",
)
@click.option(
    "--merge/--no-merge",
    default=True,
    show_default=True,
    help="With --engine dask: load the shards into --db when done (else: `stancemap merge`).",
)
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal)."
)
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    workers: int,
    engine: str,
    scheduler: str | None,
    shards_dir: str | None,
    merge: bool,
    progress: bool | None,
) -> None:
    """Analyze articles and store them: text, HTML, WARC, RSS/Atom, JSONL, folders; `-` for stdin.

    Re-ingesting content already stored adds nothing, and near-duplicates (syndicated copies) are
    linked to the first copy so that their quotes count once; a new version of a stored article (the
    same URL or the same file again, with much of its text) supersedes it. Each article is written in one
    transaction: stopped with Ctrl-C or killed, running the same command again continues. A source
    is passed over only when it holds the content handled before: a file rewritten since, or the
    next article piped to `-`, is analyzed and stored. One skipped before is reported again.
    """
    show = sys.stderr.isatty() if progress is None else progress
    if scheduler and engine != "dask" or shards_dir and engine != "dask":
        raise click.UsageError("--scheduler and --shards go with --engine dask")
    new_store = not Path(db_path).exists()
    try:
        if engine == "dask":
            report = _ingest_dask(paths, db_path, workers, scheduler, shards_dir, merge, show)
        else:
            from ..run.local import ingest_paths

            report = ingest_paths(list(paths), db_path, workers=workers, progress=show, on_skip=echo_skip)
            click.echo(report.summary(), err=True)
    except StancemapError:
        if new_store:
            _remove_if_unused(db_path)  # a run that failed before its first input leaves no empty store
        raise
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.stored + report.duplicates + report.resumed == 0:
        if new_store:
            _remove_if_unused(db_path)  # nothing was read (an empty folder): no empty store either
        exit_no_file_processed(paths)


def _remove_if_unused(db_path: str) -> None:
    from ..store import open_store

    try:
        with open_store(db_path, create=False) as store:
            used = store.connection.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is not None
    except StancemapError:
        return
    if not used:
        for suffix in ("", "-wal", "-shm"):
            Path(db_path + suffix).unlink(missing_ok=True)


def _ingest_dask(paths, db_path, workers, scheduler, shards_dir, merge, show):
    from ..run.dask import ingest_dask
    from ..run.progress import Progress
    from ..run.shards import merge_shards
    from ..store import open_store

    shards = Path(shards_dir or f"{db_path}.shards")
    with open_store(db_path) as store:
        # Inputs already in the store with the same content are not sent to the cluster again.
        analyzed, written = ingest_dask(
            list(paths),
            shards,
            scheduler=scheduler,
            workers=workers if workers > 1 else None,
            is_done=store.earlier,
            on_skip=echo_skip,
            progress=show,
        )
    click.echo(
        f"dask: {analyzed.stored} articles ({analyzed.quotes} quotes) and "
        f"{sum(analyzed.skipped.values())} skipped inputs in shards under {shards}",
        err=True,
    )
    if analyzed.interrupted or not merge:
        if not analyzed.interrupted:
            click.echo(f"load them with: stancemap merge {shards} --db {db_path}", err=True)
        return analyzed
    with open_store(db_path) as store, Progress(show, "merge") as bar:
        report = merge_shards(written, store, on_skip=echo_skip, bar=bar)
    report.resumed += analyzed.resumed
    report.skipped_before += analyzed.skipped_before
    click.echo(report.summary(), err=True)
    return report


commands = [ingest]
