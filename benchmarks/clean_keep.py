"""How much of a clean news article the text cleaner drops (it should drop nothing).

Usage: python benchmarks/clean_keep.py [--shared ../shared] [--split train|dev] [--show N]

Reads ``data/polnear/<split>.jsonl`` (field ``text``: news articles with no boilerplate at all) and
cleans each text with ``clean_text``. Reported: the share of articles that lose any non-trivial
line (three words or more; the headline, the first line, is counted apart because the extraction
benchmark's gold bodies leave it out) and the share of characters dropped. The data is only read
to measure; nothing here trains on it. Skips when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from stancemap.clean.text import clean_text, split_paragraphs
from stancemap.model import Document

ROOT = Path(__file__).resolve().parents[1]
MIN_WORDS = 3


def dropped_lines(text: str) -> tuple[list[str], bool, int]:
    """The body lines the cleaner drops, whether it drops the headline, and the characters dropped."""
    cleaned = clean_text(Document(source="article", content=text))
    lines = split_paragraphs(text, single_newline=True)
    kept = cleaned.paragraphs

    def covered(start: int, end: int) -> int:
        return sum(max(0, min(end, e) - max(start, s)) for s, e in kept)

    lost, headline_lost, chars = [], False, 0
    for i, (s, e) in enumerate(lines):
        missing = (e - s) - covered(s, e)
        chars += missing
        if missing > 0.5 * (e - s) and len(re.findall(r"\w+", text[s:e])) >= MIN_WORDS:
            if i == 0:
                headline_lost = True
            else:
                lost.append(text[s:e])
    return lost, headline_lost, chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--split", default="train")
    parser.add_argument("--show", type=int, default=0, help="print this many dropped lines")
    args = parser.parse_args(argv)
    path = args.shared / "data" / "polnear" / f"{args.split}.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = body_hit = headline_hit = any_hit = 0
    total_chars = lost_chars = 0
    shown = []
    for row in rows:
        text = row["text"]
        lost, headline_lost, chars = dropped_lines(text)
        articles += 1
        body_hit += bool(lost)
        headline_hit += headline_lost
        any_hit += bool(lost) or headline_lost
        total_chars += sum(e - s for s, e in split_paragraphs(text, single_newline=True))
        lost_chars += chars
        shown.extend(lost)
    print(
        f"{args.split}: {articles} articles; body lines dropped in {body_hit} ({body_hit / articles:.1%}); "
        f"headline dropped in {headline_hit}; any line in {any_hit}; characters dropped {lost_chars / max(total_chars, 1):.2%}"
    )
    for line in shown[: args.show]:
        print("  -", line[:120])
    return 0


if __name__ == "__main__":
    sys.exit(main())
