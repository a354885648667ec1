"""WARC archives: HTML responses only, their headers as hints, and damage that keeps what came before."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from stancemap.errors import SKIP_CORRUPT, SKIP_TOO_LARGE, Skip
from stancemap.ingest import iter_documents
from stancemap.ingest.warc import published_hint, read_warc
from stancemap.model import Document


def page(i: int) -> bytes:
    return f"<html><head><title>Story {i}</title></head><body><p>Story number {i}.</p></body></html>".encode()


def write_warc(path: Path, records: list[dict], *, gzip: bool = True) -> Path:
    """A WARC with a warcinfo record, then per record a request and a response (warcio writes it)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "stancemap tests"}))
        for rec in records:
            url = rec["url"]
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = [("Content-Type", rec.get("type", "text/html; charset=utf-8")), *rec.get("headers", [])]
            http = StatusAndHeaders(rec.get("status", "200 OK"), headers, protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": rec["date"]} if "date" in rec else None
            response = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(rec["body"]),
                http_headers=http,
                warc_headers_dict=warc_headers,
            )
            writer.write_record(response)
    return path


def pages(n: int) -> list[dict]:
    return [{"url": f"https://news.example.org/{i}", "body": page(i)} for i in range(n)]


def documents(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


@pytest.mark.parametrize("gzip", [True, False])
def test_reads_every_html_response(tmp_path, gzip):
    path = write_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), pages(5), gzip=gzip)
    items = list(read_warc(path))
    assert all(isinstance(item, Document) for item in items), items
    assert [d.url for d in items] == [f"https://news.example.org/{i}" for i in range(5)]
    assert items[3].content == page(3).decode()
    assert {d.format for d in items} == {"html"}


def test_sources_are_unique_and_name_the_record(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages(4))
    docs = documents(read_warc(path))
    assert len({d.source for d in docs}) == 4
    for doc in docs:
        assert doc.source == f"{path}#{doc.meta['record_id']}"
        assert doc.meta["record_id"].startswith("urn:uuid:")
    # Read twice, the same sources: they are stable.
    assert [d.source for d in documents(read_warc(path))] == [d.source for d in docs]


def test_passes_over_errors_redirects_and_non_html(tmp_path):
    records = [
        {"url": "https://a.example/ok", "body": page(1)},
        {"url": "https://a.example/missing", "body": page(2), "status": "404 Not Found"},
        {"url": "https://a.example/moved", "body": b"", "status": "301 Moved Permanently"},
        {"url": "https://a.example/logo.png", "body": b"\x89PNG....", "type": "image/png"},
        {"url": "https://a.example/data.json", "body": b"{}", "type": "application/json"},
        {"url": "https://a.example/xhtml", "body": page(3), "type": "application/xhtml+xml"},
    ]
    docs = list(read_warc(write_warc(tmp_path / "a.warc.gz", records)))
    assert [d.url for d in docs] == ["https://a.example/ok", "https://a.example/xhtml"]


def test_uses_the_http_charset(tmp_path):
    body = "<html><body><p>Caf\u00e9 cr\u00e8me, Stra\u00dfe</p></body></html>".encode("iso-8859-15")
    records = [{"url": "https://a.example/", "body": body, "type": "text/html; charset=ISO-8859-15"}]
    (doc,) = read_warc(write_warc(tmp_path / "a.warc.gz", records))
    assert "Caf\u00e9 cr\u00e8me, Stra\u00dfe" in doc.content


def test_utf8_page_served_as_latin1_is_read_as_utf8(tmp_path):
    body = "<html><body><p>Caf\u00e9 \u2014 na\u00efve</p></body></html>".encode()
    records = [{"url": "https://a.example/", "body": body, "type": "text/html; charset=ISO-8859-1"}]
    (doc,) = read_warc(write_warc(tmp_path / "a.warc.gz", records))
    assert "Caf\u00e9 \u2014 na\u00efve" in doc.content


def test_published_hint_prefers_a_plausible_last_modified(tmp_path):
    records = [
        {
            "url": "https://a.example/1",
            "body": page(1),
            "date": "2024-03-09T12:00:00Z",
            "headers": [("Last-Modified", "Tue, 05 Mar 2024 08:00:00 GMT")],
        },
        {"url": "https://a.example/2", "body": page(2), "date": "2024-03-09T12:00:00Z"},
        {
            "url": "https://a.example/3",
            "body": page(3),
            "date": "2024-03-09T12:00:00Z",
            "headers": [("Last-Modified", "Thu, 01 Jan 1970 00:00:00 GMT")],
        },
    ]
    docs = list(read_warc(write_warc(tmp_path / "a.warc.gz", records)))
    assert [d.crawl_date for d in docs] == ["2024-03-05", "2024-03-09", "2024-03-09"]
    assert [d.published for d in docs] == [None, None, None]  # a bound, not a stated date
    assert docs[0].meta["crawled"].startswith("2024-03-09T12:00:00")


def test_published_hint_ignores_last_modified_that_is_the_serving_time():
    from datetime import UTC, datetime

    crawled = datetime(2024, 3, 9, 12, 0, 0, tzinfo=UTC)
    assert published_hint(crawled, crawled) == "2024-03-09"
    assert published_hint(crawled, datetime(2024, 3, 10, tzinfo=UTC)) == "2024-03-09"  # after the crawl
    assert published_hint(None, None) is None


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", pages(20))
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_warc(cut))
    docs, skips = documents(items), [i for i in items if isinstance(i, Skip)]
    assert 10 <= len(docs) < 20
    assert [d.url for d in docs] == [f"https://news.example.org/{i}" for i in range(len(docs))]
    assert len(skips) == 1 and skips[0].code == SKIP_CORRUPT
    assert "truncated" in skips[0].reason and f"kept the {len(docs)} pages" in skips[0].reason
    assert items[-1] is skips[0]


def test_corrupt_gzip_keeps_the_records_before_the_damage(tmp_path):
    data = bytearray(write_warc(tmp_path / "whole.warc.gz", pages(20)).read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    items = list(read_warc(bad))
    docs = documents(items)
    assert 5 <= len(docs) < 20
    assert isinstance(items[-1], Skip) and items[-1].code == SKIP_CORRUPT
    assert "gzip" in items[-1].reason.lower()


@pytest.mark.parametrize("keep", [-3, -60, 0.5])
def test_truncated_plain_warc_is_reported(tmp_path, keep):
    data = write_warc(tmp_path / "whole.warc", pages(6), gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * keep) if isinstance(keep, float) else len(data) + keep])
    items = list(read_warc(cut))
    assert isinstance(items[-1], Skip) and items[-1].code == SKIP_CORRUPT, items[-1]
    assert "truncated WARC" in items[-1].reason
    assert len(documents(items)) >= 2


def test_record_over_the_limit_is_skipped_and_the_rest_read(tmp_path):
    records = pages(3)
    records[1]["body"] = b"<html><body>" + b"<p>long paragraph</p>" * 500 + b"</body></html>"
    items = list(read_warc(write_warc(tmp_path / "a.warc.gz", records), limit=5000))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Document"]
    assert items[1].code == SKIP_TOO_LARGE and items[1].source.startswith(str(tmp_path / "a.warc.gz") + "#")


def test_gzip_encoded_payload_is_decoded(tmp_path):
    import gzip

    records = [
        {
            "url": "https://a.example/",
            "body": gzip.compress(page(7)),
            "headers": [("Content-Encoding", "gzip")],
        }
    ]
    (doc,) = read_warc(write_warc(tmp_path / "a.warc.gz", records))
    assert doc.content == page(7).decode()


def test_iter_documents_picks_the_warc_reader_by_name(tmp_path):
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "a.warc.gz", pages(2))
    docs = list(iter_documents([str(tmp_path)]))
    assert [d.url for d in docs] == ["https://news.example.org/0", "https://news.example.org/1"]


def test_warc_on_stdin_is_recognised(tmp_path, monkeypatch):
    import sys
    from types import SimpleNamespace

    data = write_warc(tmp_path / "a.warc.gz", pages(3)).read_bytes()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    docs = list(iter_documents(["-"]))
    assert [d.url for d in docs] == [f"https://news.example.org/{i}" for i in range(3)]
    assert all(d.source.startswith("-#urn:uuid:") for d in docs)


def test_cut_in_the_last_gzip_trailer_is_still_reported(tmp_path):
    data = write_warc(tmp_path / "whole.warc.gz", pages(5)).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-6])  # only the last member's checksum and size are missing
    items = list(read_warc(cut))
    assert len(documents(items)) >= 4
    assert (
        isinstance(items[-1], Skip)
        and items[-1].code == SKIP_CORRUPT
        and "truncated gzip" in items[-1].reason
    )


def test_warc_gzipped_whole_is_read_and_checked(tmp_path):
    import gzip

    plain = write_warc(tmp_path / "a.warc", pages(6), gzip=False).read_bytes()
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain))
    assert [d.url for d in read_warc(whole)] == [f"https://news.example.org/{i}" for i in range(6)]
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    items = list(read_warc(cut))
    assert isinstance(items[-1], Skip) and items[-1].code == SKIP_CORRUPT
    assert len(documents(items)) >= 4


def test_truncated_gzip_on_stdin_keeps_the_records_before_it(tmp_path, monkeypatch):
    import sys
    from types import SimpleNamespace

    data = write_warc(tmp_path / "a.warc.gz", pages(20)).read_bytes()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data[: len(data) * 3 // 4])))
    items = list(iter_documents(["-"]))
    assert 10 <= len(documents(items)) < 20
    assert isinstance(items[-1], Skip) and items[-1].code == SKIP_CORRUPT and items[-1].source == "-"


def test_ingest_warc_without_its_suffix_is_read_as_records(tmp_path):
    """A WARC named on the command line under another name ("crawl.bin") is read by what it holds."""
    crawl = write_warc(tmp_path / "crawl.bin", pages(2), gzip=False)
    docs = list(iter_documents([str(crawl)]))
    assert len(docs) == 2 and all(d.source.startswith(f"{crawl}#") for d in docs)
