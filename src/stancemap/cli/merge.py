"""stancemap merge: load Parquet shards (written by `ingest --engine dask`) into the SQLite store."""

from __future__ import annotations

import sys

import click

from ._common import db_option, echo_skip

EXIT_INTERRUPTED = 130


@click.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option(
    "--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal)."
)
def merge(shards: tuple[str, ...], db_path: str, progress: bool | None) -> None:
    """Load shard files, or folders of them, into the store.

    Idempotent: merging the same shards again adds nothing. Near-duplicates are linked against
    everything already stored, in shard order. A file that is not a readable shard (not Parquet, or
    truncated) is reported on stderr and skipped; the exit status is non-zero only when no shard
    could be merged.
    """
    from ..run.progress import Progress
    from ..run.shards import merge_shards, shard_paths
    from ..store import open_store

    paths = shard_paths(shards)
    if not paths:
        raise click.UsageError(f"no *.parquet shards in {', '.join(shards)}")
    show = sys.stderr.isatty() if progress is None else progress
    with open_store(db_path) as store, Progress(show, "merge") as bar:
        report = merge_shards(paths, store, on_skip=echo_skip, bar=bar)
    click.echo(report.summary("merge"), err=True)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.bad_shards == len(paths) and not (report.processed or report.resumed):
        click.echo("error: no shard could be merged", err=True)
        sys.exit(1)


commands = [merge]
