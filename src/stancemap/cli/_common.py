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
