"""RSS and Atom feeds: full content before summaries, entry metadata, and files that are not feeds."""

from __future__ import annotations

import gzip

from stancemap.errors import SKIP_EMPTY, SKIP_UNSUPPORTED, Skip
from stancemap.ingest import iter_documents, reader_for
from stancemap.ingest.feeds import read_feed
from stancemap.model import Document

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://news.example.org/</link>
<item>
  <title>Minister rules out delay</title><link>https://news.example.org/a</link><guid>a-1</guid>
  <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The minister said "there will be no delay".</p><p>Critics disagreed.</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title><link>https://news.example.org/b</link>
  <pubDate>Wed, 06 Mar 2024 09:30:00 GMT</pubDate>
  <description>A plain summary without any markup.</description>
</item>
<item><title>Nothing in it</title><link>https://news.example.org/c</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>First</title><link href="https://atom.example.org/1"/><id>urn:atom:1</id>
  <published>2024-02-01T08:00:00Z</published><updated>2024-02-03T08:00:00Z</updated>
  <summary>Teaser</summary><content type="html">&lt;p&gt;The full atom body.&lt;/p&gt;</content></entry>
<entry><title>Second</title><link href="https://atom.example.org/2"/><id>urn:atom:2</id>
  <updated>2024-02-04T08:00:00Z</updated><summary type="html">&lt;p&gt;Only a &lt;b&gt;summary&lt;/b&gt;.&lt;/p&gt;</summary></entry>
</feed>"""

HTML_PAGE = b"<!DOCTYPE html><html><head><title>News</title></head><body><p>Not a feed.</p></body></html>"


def test_entry_with_full_content_is_an_html_document(tmp_path):
    (tmp_path / "news.rss").write_bytes(RSS)
    first = next(read_feed(tmp_path / "news.rss"))
    assert isinstance(first, Document)
    assert first.format == "html"
    assert "there will be no delay" in first.content and "teaser" not in first.content.lower()
    assert (first.url, first.title, first.published) == (
        "https://news.example.org/a",
        "Minister rules out delay",
        "2024-03-05",
    )
    assert first.source == f"{tmp_path / 'news.rss'}#a-1"
    assert first.meta["part"] == "content" and first.meta["feed_title"] == "Example News"


def test_entry_without_content_falls_back_to_its_summary(tmp_path):
    (tmp_path / "news.rss").write_bytes(RSS)
    items = list(read_feed(tmp_path / "news.rss"))
    second = items[1]
    assert second.content == "A plain summary without any markup."
    assert second.format == "text" and second.meta["part"] == "summary"
    assert second.published == "2024-03-06"
    assert second.source == f"{tmp_path / 'news.rss'}#https://news.example.org/b"


def test_entry_with_nothing_in_it_is_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "news.rss").write_bytes(RSS)
    items = list(read_feed(tmp_path / "news.rss"))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Skip"]
    assert items[2].code == SKIP_EMPTY


def test_atom_content_and_html_summary(tmp_path):
    (tmp_path / "news.atom").write_bytes(ATOM)
    first, second = read_feed(tmp_path / "news.atom")
    assert first.content == "<p>The full atom body.</p>" and first.format == "html"
    assert first.published == "2024-02-01"  # published, not updated
    assert second.format == "html" and "<b>summary</b>" in second.content
    assert second.published == "2024-02-04"  # only updated


def test_html_page_saved_as_rss_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "news.rss").write_bytes(HTML_PAGE)
    (skip,) = read_feed(tmp_path / "news.rss")
    assert isinstance(skip, Skip) and skip.code == SKIP_UNSUPPORTED
    assert "HTML page, not an RSS/Atom feed" in skip.reason


def test_gzipped_feed_is_read(tmp_path):
    (tmp_path / "news.rss.gz").write_bytes(gzip.compress(RSS))
    docs = [d for d in iter_documents([str(tmp_path / "news.rss.gz")]) if isinstance(d, Document)]
    assert [d.url for d in docs] == ["https://news.example.org/a", "https://news.example.org/b"]


def test_feed_saved_as_xml_is_recognised(tmp_path):
    (tmp_path / "feed.xml").write_bytes(RSS)
    (tmp_path / "atom.xml").write_bytes(ATOM)
    assert reader_for(tmp_path / "feed.xml") is read_feed
    assert reader_for(tmp_path / "atom.xml") is read_feed
    docs = [d for d in iter_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert len(docs) == 4


def test_ordinary_xml_and_html_are_not_taken_for_feeds(tmp_path):
    (tmp_path / "sitemap.xml").write_bytes(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://a.example/</loc></url></urlset>"
    )
    (tmp_path / "page.xml").write_bytes(HTML_PAGE)
    (tmp_path / "other.xml").write_bytes(b'<?xml version="1.0"?><feed><item>not atom</item></feed>')
    for name in ("sitemap.xml", "page.xml", "other.xml"):
        assert reader_for(tmp_path / name) is None, name


def _rss_with_authors(first: bytes, second: bytes) -> bytes:
    """The RSS feed with author elements in its first two entries (Dublin Core declared)."""
    feed = RSS.replace(b"<guid>a-1</guid>", b"<guid>a-1</guid>" + first)
    feed = feed.replace(b'xmlns:content="', b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="')
    return feed.replace(b"<title>Summary only</title>", b"<title>Summary only</title>" + second)


def test_ingest_feeds_entry_author_reaches_the_article(tmp_path):
    from stancemap.clean import clean

    feed = _rss_with_authors(
        b"<author>jane@example.org (Jane Doe)</author>", b"<dc:creator>Sam Lee</dc:creator>"
    )
    (tmp_path / "news.rss").write_bytes(feed)
    first, second, _ = read_feed(tmp_path / "news.rss")
    assert (first.author, second.author) == ("Jane Doe", "Sam Lee")
    assert clean(second).author == "Sam Lee"  # a hint, used when the content names no author


def test_ingest_feeds_author_is_a_name_never_an_email_address(tmp_path):
    feed = _rss_with_authors(b"<author>jane@example.org</author>", b"<author>(Sam Lee)</author>")
    (tmp_path / "news.rss").write_bytes(feed)
    first, second, _ = read_feed(tmp_path / "news.rss")
    assert (first.author, second.author) == (None, "Sam Lee")
    atom = ATOM.replace(
        b"<title>First</title>",
        b"<title>First</title><author><name>jane@example.org (Jane Doe)</name></author>",
    )
    atom = atom.replace(
        b"<title>Second</title>", b"<title>Second</title><author><email>sam@example.org</email></author>"
    )
    (tmp_path / "news.atom").write_bytes(atom)
    first, second = read_feed(tmp_path / "news.atom")
    assert (first.author, second.author) == ("Jane Doe", None)


def test_ingest_feeds_placeholder_author_is_no_author_and_by_is_left_off(tmp_path):
    feed = _rss_with_authors(
        b"<author>noreply@blogger.com (Unknown)</author>", b"<dc:creator>By Jane Doe</dc:creator>"
    )
    (tmp_path / "news.rss").write_bytes(feed)
    first, second, _ = read_feed(tmp_path / "news.rss")
    assert (first.author, second.author) == (None, "Jane Doe")
