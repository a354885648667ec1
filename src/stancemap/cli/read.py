"""stancemap quotes / actors: read the store."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.console import Console
from rich.table import Table

from .. import query
from ..render import actor_label
from ..store import open_store
from ._common import db_option


@click.command()
@click.option("--speaker", help="Canonical name or alias, e.g. 'Scholz' or 'the Prime Minister'.")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]), help="Only quotes of this kind.")
@click.option("--since", help="Published on or after (YYYY-MM-DD).")
@click.option("--until", help="Published on or before (YYYY-MM-DD).")
@click.option("--limit", type=int, help="At most this many quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
@db_option
def quotes(speaker, kind, since, until, limit, as_json, db_path) -> None:
    """Quotes from the store, with speaker, cue, date and source offsets."""
    with open_store(db_path, create=False) as store:
        rows = query.quotes(store, speaker=speaker, kind=kind, since=since, until=until, limit=limit)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    if not rows:
        click.echo("no quotes match", err=True)
        return
    table = Table(show_lines=True)
    for column in ("speaker", "quote", "kind", "cue", "date", "source @offsets"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row.speaker or "?",
            row.text,
            row.kind,
            row.cue or "",
            row.published or "",
            f"{row.source} @{row.start}-{row.end}",
        )
    _console().print(table)


@click.command()
@click.option("--name", help="Part of a name or alias.")
@click.option("--kind", type=click.Choice(["person", "organisation", "place"]))
@click.option("--limit", type=int)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per actor.")
@db_option
def actors(name, kind, limit, as_json, db_path) -> None:
    """Canonical actors in the store, with roles, aliases and how often they are quoted."""
    with open_store(db_path, create=False) as store:
        rows = query.actors(store, name=name, kind=kind, limit=limit)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    table = Table()
    for column in ("actor", "kind", "quotes", "articles", "aliases"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            actor_label(row.name, row.role, row.affiliation),
            row.kind,
            str(row.quotes),
            str(row.articles),
            ", ".join(row.aliases[:6]),
        )
    _console().print(table)


def _console() -> Console:
    # Piped output gets a wide table rather than rich's 80-column default.
    console = Console()
    return console if console.is_terminal else Console(width=160)


commands = [quotes, actors]
