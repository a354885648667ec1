"""stancemap stances / timeline / figures / events / issues: where actors stand, from the store or from files."""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from .. import query
from ..extract.issues import Issue, append_issue, load_watchlist, propose_issues
from ..query import totals
from ..query.stances import StanceRow
from ..store import Store, open_store
from ._common import console, db_option, echo_skip, exit_no_file_processed, print_rows, watchlist_option

if TYPE_CHECKING:
    from ..run.writer import IngestReport

_STYLE = {"support": "green", "oppose": "red", "conditional": "yellow", "neutral": "dim"}


def _analysed_store(paths: tuple[str, ...], store: Store) -> IngestReport:
    """Analyse ``paths`` into ``store`` (an in-memory one) as `ingest` would: the same writer merges
    actors across articles and links near-duplicates, so the same query reads the same matrix."""
    from ..ingest import iter_documents
    from ..run.local import batches
    from ..run.stage import BATCH_SIZE, analyze_batch
    from ..run.writer import IngestReport, Writer

    report = IngestReport()
    writer = Writer(store, report, on_skip=echo_skip)
    for batch in batches(iter_documents(list(paths)), BATCH_SIZE):
        for result in analyze_batch(batch):
            writer.write(result)
    return report


def _nothing_matches(store: Store, issue: str | None, actor: str | None, where: str, why: str) -> str:
    """Why the matrix is empty: the filters left nothing out of ``where``, or ``where`` has no stances
    (then ``why`` says what to check)."""
    found = totals(store)["stances"]
    if found and (issue or actor):
        given = " ".join(f"--{k} '{v}'" for k, v in (("issue", issue), ("actor", actor)) if v)
        return f"no stances match {given} (there are {found} in {where})"
    return f"no stances in {where}: {why}"


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

    Reads the store; given PATHS, analyses those files instead (with --watchlist) and stores nothing:
    the matrix is the one `ingest` then `stances` would show. The exit status is non-zero when no
    file could be processed.
    """
    if paths:
        from ..extract.stances import WATCHLIST_ENV

        watchlist = os.environ.get(WATCHLIST_ENV)
        if not watchlist:
            raise click.UsageError(
                "stances of PATHS need --watchlist FILE (or $STANCEMAP_WATCHLIST): only watched issues get stances"
            )
        with open_store(":memory:") as store:
            report = _analysed_store(paths, store)
            if not report.stored + report.duplicates:
                exit_no_file_processed(paths)
            rows = query.stances(store, issue=issue, actor=actor)
            analysed = f"{report.stored} article{'s' if report.stored != 1 else ''}"
            why = f"no actor in them was found to speak of an issue of {watchlist}"
            if report.not_english:
                why += f" ({report.not_english} not English, so not analysed)"
            empty = None if rows else _nothing_matches(store, issue, actor, f"the {analysed} analysed", why)
    else:
        with open_store(db_path, create=False) as store:
            rows = query.stances(store, issue=issue, actor=actor)
            if not rows and not store.counts()["articles"]:
                empty = (
                    f"no articles in {db_path}: run `stancemap ingest PATH --watchlist FILE --db {db_path}`"
                )
            elif not rows:
                why = (
                    "were its articles ingested with --watchlist? (stances are found only on watched issues)"
                )
                empty = _nothing_matches(store, issue, actor, db_path, why)
            else:
                empty = None
    if empty:
        click.echo(empty, err=True)
    if as_json:
        for row in rows:
            click.echo(json.dumps(asdict(row), ensure_ascii=False))
        return
    if not rows:
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
        empty="no figures match",
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
        empty="no events match",
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
    help="The watchlist to list, to check proposals against, and to add an accepted one to.",
)
@click.option(
    "--propose", is_flag=True, help="Propose issues from the stored quotes that no watched issue covers."
)
@click.option(
    "--accept",
    metavar="NAME|N",
    help="Add a proposal (from --propose) to --watchlist, by its name or its number. A name is safer: "
    "the numbers move once a proposal is accepted.",
)
@click.option("--name", help="With --accept: the name to give the accepted issue (default: the proposal's).")
@click.option(
    "--proposition",
    help="With --accept (required): the claim that actors support or oppose, e.g. "
    "'Employers should offer a four-day week.'",
)
@db_option
def issues(watchlist_path, propose, accept, name, proposition, db_path) -> None:
    """Watched issues, and issues proposed from what actors say.

    Accept a proposal with --accept NAME --proposition TEXT [--name NAME]: it is added at the end of
    the watchlist in the file's own format (TOML or YAML), leaving the rest of the file as it was.
    """
    if accept is None and (name or proposition):
        raise click.UsageError("--name and --proposition go with --accept")
    if accept is not None:
        if not watchlist_path:
            raise click.UsageError("--accept needs --watchlist FILE to add the issue to")
        if not (proposition or "").strip():
            raise click.UsageError(
                "--accept needs --proposition TEXT: the claim that actors support or oppose "
                "(a stance is for or against a proposition)"
            )
    exists = bool(watchlist_path) and Path(watchlist_path).exists()
    known = load_watchlist(watchlist_path) if exists else []
    if not propose and accept is None:
        if not watchlist_path:
            raise click.UsageError("give --watchlist FILE to list, or --propose")
        if not exists:
            raise click.UsageError(f"no watchlist at {watchlist_path}")
        if not known:
            click.echo(
                f"no issues in {watchlist_path} yet: add them, or propose some with --propose", err=True
            )
        for issue in known:
            click.echo(f"{issue.name}\n  {issue.proposition}\n  keywords: {', '.join(issue.keywords)}")
        return
    with open_store(db_path, create=False) as store:
        statements = [q.text for q in query.quotes(store)]
    proposals = propose_issues(statements, known=known)
    if accept is not None:
        chosen = _proposal(proposals, accept)
        issue = Issue((name or chosen.name).strip(), proposition.strip(), chosen.keywords)
        append_issue(watchlist_path, issue)  # checks first that the file still loads with it
        click.echo(
            f"added '{issue.name}' to {watchlist_path}\n  {issue.proposition}\n  keywords: {', '.join(issue.keywords)}"
        )
        return
    for n, proposal in enumerate(proposals, 1):
        click.echo(
            f"{n}. {proposal.name} ({proposal.size} statements; keywords: {', '.join(proposal.keywords)})"
        )
        for text in proposal.statements:
            click.echo("   - " + textwrap.shorten(text, 120))


def _proposal(proposals: list, accept: str):
    """The proposal ``accept`` names: its number in the list, or its name."""
    if accept.strip().isdigit():
        n = int(accept)
        if not 1 <= n <= len(proposals):
            raise click.UsageError(f"no proposal {n} (there are {len(proposals)})")
        return proposals[n - 1]
    wanted = " ".join(accept.split()).casefold()
    chosen = next((p for p in proposals if p.name.casefold() == wanted), None)
    if chosen is None:
        names = ", ".join(p.name for p in proposals) or "none"
        raise click.UsageError(f"no proposal named '{accept}' (the proposals: {names})")
    return chosen


commands = [stances, timeline, figures, events, issues]
