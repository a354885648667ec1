"""What a stream holds, from its first few kilobytes: for stdin, and for ``.xml`` files that may be feeds."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["warc", "jsonl", "feed", "html", "text"]

SNIFF_BYTES = 4096

# XML declaration, processing instructions (xml-stylesheet), comments and a doctype may come before
# the root element.
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_HTML_START = re.compile(rb"\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def root_element(head: bytes) -> str | None:
    """The name of the first element of an XML/HTML document, or None."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    match = _ROOT.match(head, _PROLOG.match(head).end())
    return match.group(1).decode("ascii", "replace") if match else None


def is_feed(head: bytes) -> bool:
    """Whether the document starting with ``head`` is an RSS or Atom feed (by its root element).

    Atom's ``<feed>`` and RSS 1.0's ``<rdf:RDF>`` are common names, so their namespace must be
    there too; an ordinary XML file or an HTML page is never taken for a feed.
    """
    root = (root_element(head) or "").lower()
    if root == "rss":
        return True
    if root == "feed":
        return b"www.w3.org/2005/Atom" in head or b"purl.org/atom" in head
    if root == "rdf:rdf":
        return b"purl.org/rss" in head
    return False


def sniff(head: bytes) -> Kind:
    """The kind of input that starts with ``head`` (already gunzipped).

    JSONL when the first non-space character is ``{``; a WARC when it starts with ``WARC/``; a feed
    by its root element; HTML when it starts like a page; otherwise plain text.
    """
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"WARC/"):
        return "warc"
    if is_feed(stripped):
        return "feed"
    if _HTML_START.match(stripped):
        return "html"
    return "text"
