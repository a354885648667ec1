"""Publication dates and bylines of scraped plain text, against what the same pages' HTML gives.

Usage: python benchmarks/text_dates.py [--shared ../shared] [--show]

Reads the article-extraction benchmark's pages twice: flattened to text (``text-pages.jsonl``, with
their URLs) and as HTML (``html/*.html.gz``, dated from their markup). Reported: how many text pages
get a date, how many of those give the HTML page's date (or one a day off: a page prints its local
date, markup often UTC), and how many get a byline that the HTML page's author contains. Skips when
the data is absent.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from stancemap.clean import clean
from stancemap.errors import InputError
from stancemap.ingest import iter_documents
from stancemap.model import Document

ROOT = Path(__file__).resolve().parents[1]


def metadata(path: Path, key) -> dict[str, tuple[str | None, str | None]]:
    """(published, author) of every document under ``path``, by ``key(document)``."""
    found = {}
    for document in iter_documents([str(path)]):
        if isinstance(document, Document):
            try:
                cleaned = clean(document)
            except InputError:
                cleaned = None
            found[key(document)] = (cleaned.published, cleaned.author) if cleaned else (None, None)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", action="store_true", help="print each page whose dates differ")
    args = parser.parse_args(argv)
    data = args.shared / "data" / "article-extraction"
    if not (data / "text-pages.jsonl").exists():
        print(f"skipped: {data / 'text-pages.jsonl'} not found", file=sys.stderr)
        return 0
    text = metadata(data / "text-pages.jsonl", lambda d: d.source.rsplit("#", 1)[1])
    html = metadata(data / "html", lambda d: Path(d.source).name.split(".")[0])
    dated = [i for i in text if text[i][0]]
    compared = [i for i in dated if html.get(i, (None, None))[0]]
    same = [i for i in compared if text[i][0] == html[i][0]]
    close = [
        i
        for i in compared
        if abs((date.fromisoformat(text[i][0]) - date.fromisoformat(html[i][0])).days) <= 1
    ]
    bylines = [i for i in text if text[i][1]]
    agree = [i for i in bylines if text[i][1].lower() in (html.get(i, (None, None))[1] or "").lower()]
    print(
        f"{len(text)} text pages: {len(dated)} dated, {len(same)} of them with the HTML page's date and "
        f"{len(close)} within a day of it ({len(compared)} of the HTML pages dated); "
        f"{len(bylines)} bylines, {len(agree)} of them in the HTML page's author"
    )
    if args.show:
        for i in sorted(text):
            if text[i][0] != html.get(i, (None, None))[0]:
                print(f"  {i[:12]}  text {text[i][0]}  html {html.get(i, (None, None))[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
