"""The bad inputs of a real crawl, together in one run: each is one Skip with a reason, the rest is read."""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from stancemap.errors import SKIP_CORRUPT, SKIP_TOO_LARGE, SKIP_UNSUPPORTED, Skip
from stancemap.ingest import iter_documents
from stancemap.model import Document


def warc_gz(n: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(n):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><p>Page {i} of the crawl.</p></body></html>".encode()
        writer.write_record(
            writer.create_warc_record(
                f"https://crawl.example/{i}", "response", payload=io.BytesIO(body), http_headers=http
            )
        )
    return buffer.getvalue()


def test_each_bad_input_is_skipped_with_a_reason_and_the_run_continues(tmp_path):
    crawl = warc_gz(10)
    (tmp_path / "1-crawl.warc.gz").write_bytes(crawl[: len(crawl) * 2 // 3])  # truncated
    broken = bytearray(gzip.compress(b"An article. " * 2000))
    broken[30:60] = bytes(30)
    (tmp_path / "2-story.txt.gz").write_bytes(bytes(broken))  # corrupt gzip
    (tmp_path / "3-news.rss").write_text("<!DOCTYPE html><html><body><p>Oops, a web page.</p></body></html>")
    rows = [json.dumps({"text": "first"}), '{"text": "broken', json.dumps({"text": "third"})]
    (tmp_path / "4-dump.jsonl").write_text("\n".join(rows) + "\n")
    (tmp_path / "5-huge.html").write_text("<p>" + "An endless page. " * 3_000_000 + "</p>")  # about 51 MB
    (tmp_path / "6-good.txt").write_text("The minister said the plan would go ahead.")

    items = list(iter_documents([str(tmp_path)]))
    skips = [i for i in items if isinstance(i, Skip)]
    docs = [i for i in items if isinstance(i, Document)]

    assert Counter(s.code for s in skips) == {SKIP_CORRUPT: 3, SKIP_UNSUPPORTED: 1, SKIP_TOO_LARGE: 1}
    assert all(s.reason for s in skips)
    by_file = {s.source.rsplit("/", 1)[-1]: s for s in skips}
    assert "truncated" in by_file["1-crawl.warc.gz"].reason
    assert "gzip" in by_file["2-story.txt.gz"].reason
    assert "not an RSS/Atom feed" in by_file["3-news.rss"].reason
    assert "line 2" in by_file["4-dump.jsonl:2"].reason
    assert "too large" in by_file["5-huge.html"].reason
    # Everything readable was read: the pages before the damage, both good lines, the good file.
    crawl_docs = [d for d in docs if d.source.startswith(str(tmp_path / "1-crawl.warc.gz"))]
    assert 3 <= len(crawl_docs) < 10
    assert [d.content for d in docs if "4-dump" in d.source] == ["first", "third"]
    assert docs[-1].content == "The minister said the plan would go ahead."
