"""stancemap quotes / actors: read the store."""

from __future__ import annotations

import click

from .. import query
from ..render import actor_label
from ..store import open_store
from ._common import LIMIT, db_option, print_rows, since_option, until_option


@click.command()
@click.option("--speaker", help="Canonical name or alias, e.g. 'Scholz' or 'the Prime Minister'.")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]), help="Only quotes of this kind.")
@since_option
@until_option
@click.option("--limit", type=LIMIT, help="At most this many quotes.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quote.")
@db_option
def quotes(speaker, kind, since, until, limit, as_json, db_path) -> None:
    """Quotes from the store, with speaker, cue, date and source offsets."""
    with open_store(db_path, create=False) as store:
        rows = query.quotes(store, speaker=speaker, kind=kind, since=since, until=until, limit=limit)
    print_rows(
        rows,
        as_json=as_json,
        empty="no quotes match",
        columns=("speaker", "quote", "kind", "cue", "date", "source @offsets"),
        cells=lambda r: (
            r.speaker or "?",
            r.text,
            r.kind,
            r.cue or "",
            r.published or "",
            f"{r.source} @{r.start}-{r.end}",
        ),
    )


@click.command()
@click.option("--name", help="Part of a name or alias.")
@click.option("--kind", type=click.Choice(["person", "organisation", "place"]))
@click.option("--limit", type=LIMIT, help="At most this many actors.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per actor.")
@db_option
def actors(name, kind, limit, as_json, db_path) -> None:
    """Canonical actors in the store, with roles, aliases and how often they are quoted."""
    with open_store(db_path, create=False) as store:
        rows = query.actors(store, name=name, kind=kind, limit=limit)
    print_rows(
        rows,
        as_json=as_json,
        empty="no actors match",
        columns=("actor", "kind", "quotes", "articles", "aliases"),
        cells=lambda r: (
            actor_label(r.name, r.role, r.affiliation),
            r.kind,
            str(r.quotes),
            str(r.articles),
            ", ".join(r.aliases[:6]),
        ),
        show_lines=False,
    )


commands = [quotes, actors]
