"""stancemap analyze: articles in, who said what out (no store)."""

from __future__ import annotations

import json

import click

from ..analyze import analyze_documents, is_english
from ..errors import SKIP_NOT_ENGLISH, Skip
from ..ingest import iter_documents
from ..render import summary
from ._common import echo_skip, exit_no_file_processed, watchlist_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@watchlist_option
@click.option("--json", "as_json", is_flag=True, help="Print the Article JSON, one article per line.")
@click.option(
    "--indent",
    type=click.IntRange(min=0),
    default=None,
    help="Print the Article JSON indented by this many spaces (implies --json; default: one line per article).",
)
def analyze(paths: tuple[str, ...], as_json: bool, indent: int | None) -> None:
    """Read articles (plain text or HTML; `-` for stdin) and print who said what.

    Prints a readable summary per article, or with --json the Article JSON (offsets are str indices
    into its "text"). Files that cannot be used are reported on stderr and skipped; the exit status is
    non-zero only when no file could be processed.
    """
    processed = 0
    for result in analyze_documents(iter_documents(list(paths))):
        if isinstance(result, Skip):
            echo_skip(result)
            continue
        if not is_english(result):
            echo_skip(
                Skip(
                    result.source,
                    SKIP_NOT_ENGLISH,
                    f"not English (detected '{result.language}'), not analysed",
                )
            )
            continue
        processed += 1
        if as_json or indent is not None:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent))
        else:
            click.echo(summary(result))
    if not processed:
        exit_no_file_processed(paths)


commands = [analyze]
