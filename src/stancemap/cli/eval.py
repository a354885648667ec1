"""stancemap eval: measure the extractors against annotated data with the shared scorers."""

from __future__ import annotations

import json

import click

from ._common import LIMIT


@click.group(name="eval")
def eval_group() -> None:
    """Measure stancemap against annotated data (scores as the shared scorers compute them)."""


@eval_group.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out", "out", type=click.Path(dir_okay=False), default=None, help="Write predictions (JSONL) here."
)
@click.option(
    "--scorer",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="quote_eval.py (default: $STANCEMAP_SHARED/eval or ../shared/eval).",
)
@click.option("--limit", type=LIMIT, default=None, help="Only the first N gold articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def quotes(gold: str, out: str | None, scorer: str | None, limit: int | None, as_json: bool) -> None:
    """Run the pipeline on each article of GOLD.jsonl, write predictions, print quote scores.

    GOLD rows are {"id", "text", "quotes"}, one JSON object a line; predictions are {"id", "quotes":
    [{"start", "end", "speaker"}]} with offsets into each gold text. Scores are strict and lenient,
    for the subsets all, speech and direct. A GOLD line, a scorer or an --out path that cannot be
    used is an error (naming the line) before anything is analysed.
    """
    from ..eval.quotes import evaluate, format_scores

    scores = evaluate(gold, out, scorer_path=scorer, limit=limit)
    click.echo(json.dumps(scores) if as_json else format_scores(scores))


commands = [eval_group]
