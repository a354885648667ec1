"""Options and helpers the commands share."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console
from rich.table import Table

from ..errors import Skip
from ..store import DEFAULT_DB

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite store to read or write.",
)


class DateType(click.ParamType):
    """A date as the store keeps it, YYYY-MM-DD; anything else is a usage error, not an empty result."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        from ..errors import QueryError
        from ..query._filters import check_date

        try:
            return check_date(value)
        except QueryError as exc:
            self.fail(exc.message, param, ctx)


DATE = DateType()
since_option = click.option("--since", type=DATE, help="Published on or after this date (YYYY-MM-DD).")
until_option = click.option("--until", type=DATE, help="Published on or before this date (YYYY-MM-DD).")
# A limit of 0 or less would list everything (SQLite reads LIMIT -1 as none): refuse it.
LIMIT = click.IntRange(min=1)


def echo_skip(skip: Skip) -> None:
    click.echo(str(skip), err=True)


def exit_no_file_processed(paths: Sequence[str], *, named: int = 3) -> NoReturn:
    """End a command that could use nothing in ``paths``: one line that names them (the first
    ``named``), a folder with no file to read, or none the folder walk reads as news, said to be one,
    then exit status 1."""
    from ..ingest import walk_inputs

    def name(path: str) -> str:
        if not Path(path).is_dir():
            return path
        found = list(walk_inputs([path]))  # walked once: files to read, and skips for the others
        if not found:
            return f"{path} (a folder with no file to read)"
        if not any(isinstance(item, Path) for item in found):
            return f"{path} (a folder with no news file to read)"
        return path

    names = [name(path) for path in paths[:named]]
    if len(paths) > named:
        names.append(f"{len(paths) - named} more")
    click.echo(f"error: no file could be processed in {', '.join(names)}", err=True)
    sys.exit(1)


@contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    """``$name`` set to ``value``, then as it was (unset if it was not set)."""
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def _use_watchlist(ctx, param, value):
    # Through the environment, so that worker processes (--workers, a local Dask cluster) load it too,
    # until the root context closes: the whole `stancemap ...` run, also when a later option is refused.
    if value:
        from ..extract.issues import WatchlistError, load_watchlist
        from ..extract.stances import WATCHLIST_ENV

        # Read here, before any work: a watchlist with no issue (a misspelt [[isue]] table) is refused
        # rather than giving no stances without a word.
        if not load_watchlist(value):
            raise WatchlistError(f"{value} has no issues ([[issue]] in TOML, issues: in YAML)")
        ctx.find_root().with_resource(_environ(WATCHLIST_ENV, str(value)))
    return value


watchlist_option = click.option(
    "--watchlist",
    type=click.Path(exists=True, dir_okay=False),
    envvar="STANCEMAP_WATCHLIST",
    expose_value=False,
    callback=_use_watchlist,
    help="Issues to find stances on (TOML or YAML; see examples/watchlist.toml). Default: $STANCEMAP_WATCHLIST.",
)


def console() -> Console:
    # Piped output gets a wide table rather than rich's 80-column default.
    terminal = Console()
    return terminal if terminal.is_terminal else Console(width=160)


def print_rows(
    rows: Sequence,
    *,
    as_json: bool,
    columns: Sequence[str],
    cells: Callable[[object], Sequence[str]],
    empty: str,
    title: str | None = None,
    show_lines: bool = True,
) -> None:
    """Rows of a read command: one JSON object per row, or a table of ``columns`` filled by ``cells``
    (with no rows, the line ``empty`` on stderr instead of an empty table)."""
    if not rows and not as_json:
        click.echo(empty, err=True)
        return
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    table = Table(show_lines=show_lines, title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*cells(row))
    console().print(table)
