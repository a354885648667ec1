"""Readable text for people: article summaries and tables (the JSON is ``Article.to_dict``)."""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict

from .clean.dates import MONTHS, WEEKDAYS
from .model import Article


def actor_label(name: str, role: str | None, affiliation: str | None) -> str:
    """ "Olaf Scholz (Chancellor, Germany)" """
    extra = ", ".join(x for x in (role, affiliation) if x)
    return f"{name} ({extra})" if extra else name


def summary(article: Article) -> str:
    """Title, site, date, actors with roles, and quotes grouped by speaker."""
    lines = [f"# {article.title or article.source}"]
    meta = [x for x in (article.site, article.published, article.source if article.title else None) if x]
    if meta:
        lines.append("  " + " · ".join(meta))
    people = [a for a in article.actors if a.kind == "person"]
    others = [a for a in article.actors if a.kind != "person"]
    if people:
        lines.append("\nPeople")
        lines += [f"  - {actor_label(a.name, a.role, a.affiliation)}" for a in people]
    if others:
        lines.append("\nOrganisations and places")
        lines.append("  " + ", ".join(a.name for a in others))
    by_speaker: dict[str, list] = defaultdict(list)
    for quote in article.quotes:
        by_speaker[quote.speaker.name if quote.speaker else "(speaker unknown)"].append(quote)
    if by_speaker:
        lines.append(f"\nQuotes ({len(article.quotes)})")
    for speaker, quotes in by_speaker.items():
        lines.append(f"  {speaker}")
        for quote in quotes:
            cue = f" [{quote.cue.text}]" if quote.cue else ""
            wrapped = textwrap.fill(
                f"{quote.kind}{cue} @{quote.start}: {quote.text}",
                width=100,
                initial_indent="    - ",
                subsequent_indent="      ",
            )
            lines.append(wrapped)
    for label, items in (
        ("Stances", article.stances),
        ("Figures", article.figures),
        ("Events", article.events),
    ):
        if items:
            lines.append(f"\n{label} ({len(items)})")
            for item in items:
                lines.append(f"  - {_one_line(item)}")
    return "\n".join(lines) + "\n"


def _one_line(item) -> str:
    if hasattr(item, "stance"):
        condition = f" if {item.condition}" if item.condition else ""
        return f"{item.actor_name}: {item.stance} {item.issue}{condition}"
    if hasattr(item, "value"):
        who = f"{item.holder}: " if item.holder else ""
        return f"{who}{item.text} ({item.what or 'figure'}{', ' + item.qualifier if item.qualifier else ''})"
    where = f" in {item.where}" if item.where else ""  # a city, a country, a palace: "in" reads for all
    return f"{item.what}{where}{_when(item.when)}: {', '.join(item.participants)}"


_SEASONS = {"spring", "summer", "autumn", "fall", "winter"}


def _when(when: str | None) -> str:
    """ "on 2025-02-17", "on Monday" (no publication date to resolve it against), "in March", "in
    2024", "in the 1990s", "in spring 2025", but "next week": ``when`` is a date, or the words as
    written when it could not be resolved."""
    if not when:
        return ""
    decade = re.fullmatch(r"(?:the\s+)?(\d{3}0['’]?s)", when, re.I)
    if decade:
        return f" in the {decade.group(1)}"  # "in the 1990s"
    first = when.split()[0].lower()
    if first in _SEASONS:
        return f" in {first}{when[len(first) :]}"  # "Spring 2025": "in spring 2025"
    if re.fullmatch(r"\d{4}(?:[-–/]\d{2,4})?", when) or (
        first in MONTHS and not re.search(r"\b\d{1,2}\b", when)
    ):
        return f" in {when}"  # a year, a month: "in 2024", "in 2024-25", "in March 2025"
    if first in WEEKDAYS or first[:1].isdigit() or first in MONTHS:
        return f" on {when}"
    return f" {when}"
