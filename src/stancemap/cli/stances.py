"""stancemap stances / timeline / figures / events / issues: where actors stand, from the store or from files."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict
from pathlib import Path

import click
from rich.table import Table

from .. import query
from ..errors import Skip
from ..extract.issues import dump_watchlist, load_watchlist, propose_issues
from ..query.stances import StanceRow
from ..store import open_store
from ._common import console, db_option, echo_skip, print_rows, watchlist_option

_STYLE = {"support": "green", "oppose": "red", "conditional": "yellow", "neutral": "dim"}


def _analyzed_rows(paths: tuple[str, ...]) -> list[StanceRow]:
    """Stance rows for files analysed here (no store): what `stances FILE --watchlist W` shows."""
    from ..analyze import analyze_documents
    from ..ingest import iter_documents

    rows = []
    for article in analyze_documents(iter_documents(list(paths))):
        if isinstance(article, Skip):
            echo_skip(article)
            continue
        for s in article.stances:
            rows.append(
                StanceRow(
                    article.id,
                    None,
                    s.actor_name,
                    s.issue,
                    s.stance,
                    s.confidence,
                    s.condition,
                    [asdict(e) for e in s.evidence],
                    s.quotes,
                    article.published,
                    article.source,
                    article.title,
                )
            )
    rows.sort(key=lambda r: r.published or "")
    return rows


def _filter(rows: list[StanceRow], issue: str | None, actor: str | None) -> list[StanceRow]:
    return [
        r
        for r in rows
        if (not issue or issue.lower() in r.issue.lower()) and (not actor or actor.lower() in r.actor.lower())
    ]


def _cell(row: StanceRow | None) -> str:
    if row is None:
        return ""
    text = f"[{_STYLE.get(row.stance, '')}]{row.stance}[/] {row.confidence:.2f}"
    if row.condition:
        text += f"\nif {row.condition}"
    return text


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--issue", help="Part of an issue's name.")
@click.option("--actor", help="Part of an actor's name or alias.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per stance, with its evidence.")
@watchlist_option
@db_option
def stances(paths, issue, actor, as_json, db_path) -> None:
    """The actor x issue matrix: each actor's latest stance on each issue, with confidence and condition.

    Reads the store; given PATHS, analyses those files instead (with --watchlist) and stores nothing.
    """
    if paths:
        rows = _filter(_analyzed_rows(paths), issue, actor)
    else:
        with open_store(db_path, create=False) as store:
            rows = query.stances(store, issue=issue, actor=actor)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    if not rows:
        click.echo("no stances match (was a --watchlist given when the articles were analysed?)", err=True)
        return
    actors, issues, cells = query.matrix(rows)
    table = Table(show_lines=True, title="Stances (latest per actor and issue)")
    table.add_column("actor", overflow="fold")
    for name in issues:
        table.add_column(name, overflow="fold")
    for name in actors:
        table.add_row(name, *(_cell(cells.get((name, i))) for i in issues))
    console().print(table)


@click.command()
@click.option("--actor", help="Part of an actor's name or alias.")
@click.option("--issue", help="Part of an issue's name.")
@click.option("--json", "as_json", is_flag=True, help="JSON: the stances in date order and the shifts.")
@db_option
def timeline(actor, issue, as_json, db_path) -> None:
    """An actor's (or an issue's) stances over time, and every shift of position with both pieces of evidence."""
    if not actor and not issue:
        raise click.UsageError("give --actor or --issue")
    with open_store(db_path, create=False) as store:
        rows = query.timeline(store, actor=actor, issue=issue)
    found = query.shifts(rows)
    if as_json:
        click.echo(
            json.dumps(
                {"stances": [asdict(r) for r in rows], "shifts": [asdict(s) for s in found]},
                ensure_ascii=False,
            )
        )
        return
    if not rows:
        click.echo("no stances match", err=True)
        return
    table = Table(show_lines=True, title="Timeline")
    for column in ("date", "actor", "issue", "stance", "evidence", "source @offsets"):
        table.add_column(column, overflow="fold")
    for row in rows:
        first = row.evidence[0] if row.evidence else {"start": 0, "end": 0, "text": ""}
        table.add_row(
            row.published or "",
            row.actor,
            row.issue,
            _cell(row),
            textwrap.shorten(first["text"], 160),
            f"{row.source} @{first['start']}-{first['end']}",
        )
    out = console()
    out.print(table)
    for shift in found:
        out.print(
            f"[bold]shift[/]: {shift.actor} on {shift.issue}: {shift.before.stance} "
            f"({shift.before.published}) -> {shift.after.stance} ({shift.after.published})"
        )
        for label, row in (("before", shift.before), ("after", shift.after)):
            ev = row.evidence[0] if row.evidence else {"text": "", "start": 0, "end": 0}
            out.print(
                f"  {label}: “{textwrap.shorten(ev['text'], 150)}” ({row.source} @{ev['start']}-{ev['end']})"
            )


@click.command()
@click.option("--holder", help="Part of the holder's name or alias.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per figure.")
@db_option
def figures(holder, as_json, db_path) -> None:
    """Numeric claims: value, what it measures, whose it is and how it is qualified (current, target, demanded...)."""
    with open_store(db_path, create=False) as store:
        rows = query.figures(store, holder=holder)
    print_rows(
        rows,
        as_json=as_json,
        title="Figures",
        columns=("holder", "figure", "what", "qualifier", "date", "source @offsets"),
        cells=lambda r: (
            r.holder or "?",
            r.text,
            r.what or "",
            r.qualifier or "",
            r.published or "",
            f"{r.source} @{r.start}-{r.end}",
        ),
    )


@click.command()
@click.option("--participant", help="Part of a participant's (or an excluded party's) name.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
@db_option
def events(participant, as_json, db_path) -> None:
    """Meetings and talks: what, where, when, who took part and who was not invited."""
    with open_store(db_path, create=False) as store:
        rows = query.events(store, participant=participant)
    print_rows(
        rows,
        as_json=as_json,
        title="Events",
        columns=("event", "where", "when", "participants", "not invited", "source @offsets"),
        cells=lambda r: (
            r.what,
            r.where or "",
            r.when or "",
            ", ".join(r.participants),
            ", ".join(r.not_invited),
            f"{r.source} @{r.start}-{r.end}",
        ),
    )


@click.command()
@click.option(
    "--watchlist",
    "watchlist_path",
    type=click.Path(dir_okay=False),
    help="The watchlist to list, and to check proposals against.",
)
@click.option(
    "--propose", is_flag=True, help="Propose issues from the stored quotes that no watched issue covers."
)
@click.option("--accept", type=int, metavar="N", help="Add proposal N (from --propose) to --watchlist.")
@click.option("--name", help="With --accept: the name to give the accepted issue.")
@db_option
def issues(watchlist_path, propose, accept, name, db_path) -> None:
    """Watched issues, and issues proposed from what actors say (accept one with --accept N --name NAME)."""
    known = load_watchlist(watchlist_path) if watchlist_path and Path(watchlist_path).exists() else []
    if not propose and accept is None:
        if not known:
            raise click.UsageError("give --watchlist FILE to list, or --propose")
        for issue in known:
            click.echo(f"{issue.name}\n  {issue.proposition}\n  keywords: {', '.join(issue.keywords)}")
        return
    with open_store(db_path, create=False) as store:
        statements = [q.text for q in query.quotes(store)]
    proposals = propose_issues(statements, known=known)
    if accept is not None:
        if not watchlist_path:
            raise click.UsageError("--accept needs --watchlist FILE to write to")
        if not 1 <= accept <= len(proposals):
            raise click.UsageError(f"no proposal {accept} (there are {len(proposals)})")
        from ..extract.issues import Issue

        chosen = proposals[accept - 1]
        known.append(Issue(name or chosen.name, "", chosen.keywords))
        Path(watchlist_path).write_text(dump_watchlist(known), encoding="utf-8")
        click.echo(f"added '{name or chosen.name}' to {watchlist_path}")
        return
    for n, proposal in enumerate(proposals, 1):
        click.echo(
            f"{n}. {proposal.name} ({proposal.size} statements; keywords: {', '.join(proposal.keywords)})"
        )
        for text in proposal.statements:
            click.echo("   - " + textwrap.shorten(text, 120))


commands = [stances, timeline, figures, events, issues]
