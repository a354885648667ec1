"""Options and helpers the commands share."""

from __future__ import annotations

import click

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


def echo_skip(skip: Skip) -> None:
    click.echo(str(skip), err=True)


def _use_watchlist(ctx, param, value):
    # Through the environment, so that worker processes (--workers, a local Dask cluster) load it too.
    if value:
        import os

        from ..extract.stances import WATCHLIST_ENV

        os.environ[WATCHLIST_ENV] = str(value)
    return value


watchlist_option = click.option(
    "--watchlist",
    type=click.Path(exists=True, dir_okay=False),
    envvar="STANCEMAP_WATCHLIST",
    expose_value=False,
    callback=_use_watchlist,
    help="Issues to find stances on (TOML or YAML; see examples/watchlist.toml). Default: $STANCEMAP_WATCHLIST.",
)
