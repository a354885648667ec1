"""stancemap clean: print an article's body (and metadata)."""

from __future__ import annotations

import json
import sys

import click

from ..clean import clean as clean_document
from ..errors import InputError, Skip
from ..ingest import iter_documents
from ._common import echo_skip


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: the body alone; json: metadata, the text, and the body and kept paragraphs as "
    "[start, end] offsets into that text, one object per line.",
)
def clean(paths: tuple[str, ...], fmt: str) -> None:
    """Remove boilerplate (menus, appeals, footers) and print the article body.

    The same cleaning as the ingest's clean stage: plain text is cleaned paragraph by paragraph,
    HTML with trafilatura plus stancemap's own filters.
    """
    processed = 0
    for item in iter_documents(list(paths)):
        if isinstance(item, Skip):
            echo_skip(item)
            continue
        try:
            cleaned = clean_document(item)
        except InputError as exc:
            echo_skip(Skip(item.source, exc.code, exc.message))
            continue
        processed += 1
        body = "\n\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)
        if fmt == "json":
            record = {
                "source": item.source,
                "title": cleaned.title,
                "site": cleaned.site,
                "author": cleaned.author,
                "published": cleaned.published,
                "url": cleaned.url,
                "language": cleaned.language,
                # Offsets index "text" (as in the Article JSON); "body_text" is what text mode prints.
                "text": cleaned.text,
                "body": list(cleaned.body),
                "paragraphs": [list(p) for p in cleaned.paragraphs],
                "body_text": body,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            if len(paths) > 1 or processed > 1:
                click.echo(f"==> {item.source} <==")
            click.echo(body)
    if not processed:
        sys.exit(1)


commands = [clean]
