"""The progress bar: articles handled, articles/s, quotes found, skipped (rich, on stderr)."""

from __future__ import annotations

from .writer import IngestReport


class Progress:
    """``with Progress(enabled) as bar: bar.update(report)``; does nothing when not enabled."""

    def __init__(self, enabled: bool, description: str = "ingest"):
        self.enabled = enabled
        self.description = description
        self._bar = None
        self._task = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = _rich_progress()
            self._bar.__enter__()
            self._task = self._bar.add_task(self.description, total=None, quotes=0, skipped=0)
        return self

    def __exit__(self, *exc) -> bool:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        return False

    def update(self, report: IngestReport) -> None:
        if self._bar is None:
            return
        self._bar.update(
            self._task,
            completed=report.processed,
            quotes=report.quotes,
            skipped=sum(report.skipped.values()),
        )


def _rich_progress():
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            # The average since the start: steadier than rich's windowed estimate with batched updates.
            elapsed = task.elapsed or 0.0
            speed = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{speed:.1f} articles/s")

    return RichProgress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles"),
        RateColumn(),
        TextColumn("quotes {task.fields[quotes]}"),
        TextColumn("skipped {task.fields[skipped]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
