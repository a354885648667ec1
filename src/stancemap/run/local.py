"""Ingest on one machine: stream documents, analyze them in batches, write each article in its own
transaction. Sources already recorded in the store are passed over, so a stopped run resumes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..analyze import analyze_documents, is_english
from ..errors import SKIP_FAILED, SKIP_MISSING, SKIP_REASONS, Skip
from ..ingest import iter_documents
from ..model import Article, Document
from ..store import open_store

# Skips worth trying again on the next run (a bug fixed, a file that appears): not recorded as done.
RETRY_CODES = {SKIP_FAILED, SKIP_MISSING}


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    resumed: int = 0  # sources an earlier run already handled
    not_english: int = 0
    quotes: int = 0
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [f"{self.stored} stored", f"{self.quotes} quotes"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.resumed:
            parts.append(f"{self.resumed} done by an earlier run")
        if self.not_english:
            parts.append(f"{self.not_english} not English (stored, not extracted)")
        if self.skipped:
            reasons = ", ".join(f"{n} {SKIP_REASONS.get(code, code)}" for code, n in sorted(self.skipped.items()))
            parts.append(f"{sum(self.skipped.values())} skipped ({reasons})")
        return "ingest: " + ", ".join(parts)


def _fresh(items: Iterator[Document | Skip], store, report: IngestReport) -> Iterator[Document | Skip]:
    for item in items:
        if store.has_source(item.source):
            report.resumed += 1
            continue
        yield item


def ingest_paths(paths: list[str], db_path: str, *, progress: bool = False, nlp=None) -> IngestReport:
    """Analyze everything under ``paths`` into the store at ``db_path``."""
    report = IngestReport()
    with open_store(db_path) as store:
        results = analyze_documents(_fresh(iter_documents(paths), store, report), nlp)
        bar = _progress(progress)
        with bar as live:
            task = live.add_task("ingest", total=None, quotes=0, skipped=0) if live else None
            for result in results:
                if isinstance(result, Skip):
                    report.skipped[result.code] += 1
                    if result.code not in RETRY_CODES:
                        store.record_skip(result.source, result.code, result.reason)
                    _echo_skip(result)
                else:
                    _store(store, result, report)
                if live:
                    live.update(task, advance=1, quotes=report.quotes, skipped=sum(report.skipped.values()))
    return report


def _store(store, article: Article, report: IngestReport) -> None:
    if store.write_article(article):
        report.stored += 1
        report.quotes += len(article.quotes)
        if not is_english(article):
            report.not_english += 1
    else:
        report.duplicates += 1


def _echo_skip(skip: Skip) -> None:
    import click

    click.echo(str(skip), err=True)


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _progress(enabled: bool):
    if not enabled:
        return _NoProgress()
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
        TextColumn("quotes {task.fields[quotes]}"),
        TextColumn("skipped {task.fields[skipped]}"), TimeElapsedColumn(), transient=False,
    )
