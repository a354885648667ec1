"""WARC parsing throughput: ``read_warc`` alone (no cleaning, no store), in records per second.

Usage: python benchmarks/warc.py [--records 3000] [--page-kb 30] [--plain] [--repeat 3]

Builds a crawl-like ``.warc.gz`` in a temporary folder (warcinfo, then per page a request and a
200 HTML response of about ``--page-kb`` KB, every tenth response a 404 or an image), then reads
it ``--repeat`` times and prints the best run. "Records" counts the HTML documents yielded. The
issue's target is at least 2,000 records/s.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from stancemap.ingest.warc import read_warc
from stancemap.model import Document

WORDS = [
    "the",
    "minister",
    "said",
    "government",
    "plan",
    "would",
    "council",
    "vote",
    "against",
    "support",
    "people",
    "week",
    "year",
    "told",
    "reporters",
    "statement",
    "spokesman",
    "opposition",
    "leader",
    "party",
    "policy",
    "reform",
    "budget",
    "health",
]


def html_page(rng: random.Random, i: int, size: int) -> bytes:
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(40))
    paragraphs = []
    while sum(map(len, paragraphs)) < size - len(nav) - 600:
        paragraphs.append("<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + ".</p>\n")
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {i}</title>"
        f"<script>var page = {i};</script></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>Story {i}</h1>{''.join(paragraphs)}</article><footer>© News</footer></body></html>"
    ).encode()


def build(path: Path, records: int, page_kb: int, gzip: bool) -> None:
    rng = random.Random(0)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "stancemap benchmark"}))
        for i in range(records):
            url = f"https://news.example.org/2024/03/story-{i}"
            request = StatusAndHeaders(f"GET /2024/03/story-{i} HTTP/1.1", [("Host", "news.example.org")])
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            status, kind, body = "200 OK", "text/html; charset=utf-8", html_page(rng, i, page_kb * 1000)
            if i % 10 == 9:
                status, kind, body = (
                    ("404 Not Found", kind, b"<html>gone</html>")
                    if i % 20 == 9
                    else (status, "image/jpeg", rng.randbytes(page_kb * 1000))
                )
            http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000, help="pages in the archive (default 3000)")
    parser.add_argument("--page-kb", type=int, default=30, help="size of each HTML page in KB (default 30)")
    parser.add_argument("--plain", action="store_true", help="an uncompressed .warc instead of .warc.gz")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported (default 3)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("bench.warc" if args.plain else "bench.warc.gz")
        started = time.perf_counter()
        build(path, args.records, args.page_kb, gzip=not args.plain)
        print(
            f"built {path.name}: {args.records} pages, {path.stat().st_size / 1e6:.1f} MB on disk "
            f"in {time.perf_counter() - started:.1f} s"
        )
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            documents = sum(isinstance(item, Document) for item in read_warc(path))
            best = min(best, time.perf_counter() - started)
    print(f"command: python {' '.join(sys.argv)}")
    print(
        f"read_warc: {documents} HTML records in {best:.2f} s = {documents / best:,.0f} records/s "
        f"({documents * args.page_kb / 1000 / best:.0f} MB/s of HTML)"
    )


if __name__ == "__main__":
    main()
