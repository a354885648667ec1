"""stancemap ingest: read sources, extract, and write the SQLite store."""

from __future__ import annotations

import sys

import click

from ..run.local import ingest_paths
from ._common import db_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
def ingest(paths: tuple[str, ...], db_path: str, progress: bool | None) -> None:
    """Analyze articles and store them (plain text, HTML, folders; `-` for stdin).

    Re-ingesting content already stored adds nothing. Each article is written in one transaction,
    so an interrupted run loses nothing already written; running it again continues.
    """
    show = sys.stderr.isatty() if progress is None else progress
    report = ingest_paths(list(paths), db_path, progress=show)
    click.echo(report.summary(), err=True)
    if report.stored + report.duplicates + report.resumed == 0:
        sys.exit(1)


commands = [ingest]
