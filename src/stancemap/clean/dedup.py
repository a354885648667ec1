"""Near-duplicate articles (syndicated copies, lightly edited reposts) by MinHash and LSH.

Exact copies already share an id (``model.content_hash``); this finds the same story re-published
with a different headline, a changed paragraph or another site's furniture around it, so that
its quotes are counted once. Two articles are near-duplicates when the estimated Jaccard
similarity of their word 5-shingles (lowercased) is at least ``THRESHOLD``.

Usage::

    index = NearDuplicateIndex.from_signatures(stored)   # [(article_id, signature)], oldest first
    sig = signature(cleaned.body_text())                  # bytes: store it next to the article
    canonical = index.add(article_id, sig)                # None, or the id this one copies

Everything is deterministic (fixed seed and hashing scheme): a signature stored today matches one
computed in another process or on another day.

The same page read from two sources (its HTML and a text dump of it) differs too much for MinHash, but
has the same URL: ``url_key`` is what the writer (``stancemap.run.writer``) compares to link it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from functools import cache
from urllib.parse import urlsplit

import numpy as np

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme; fixed so that stored signatures stay comparable
SHINGLE_WORDS = 5
THRESHOLD = 0.8
SIGNATURE_BYTES = NUM_PERM * 4  # little-endian uint32 per permutation
# LSH bands x rows (16 x 8 = 128). Candidates are then checked against THRESHOLD, so the bands are
# set to find nearly all pairs at 0.8 (about 95%) and more at 0.85 (99%), at the cost of some
# candidates at 0.6-0.7 that the check drops. datasketch's own choice for 0.8 (9 x 13) finds
# only about 40% of the pairs at 0.8.
LSH_BANDS = (16, 8)

_WORD = re.compile(r"\w+")
_EMPTY = np.uint32(0xFFFFFFFF)  # what every permutation holds when nothing was hashed


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word runs of ``text`` (lowercased words); a shorter text is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@cache
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` (the article body): ``SIGNATURE_BYTES`` bytes to store.

    A text without words gives the empty signature, which matches nothing.
    """
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(shingles(text))
    return minhash.hashvalues.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature is {SIGNATURE_BYTES} bytes, not {len(sig)} (made by dedup.signature?)")
    return np.frombuffer(sig, dtype="<u4")


def is_empty(sig: bytes) -> bool:
    """Whether ``sig`` is the signature of a text without words."""
    return bool(np.all(_values(sig) == _EMPTY))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity (0 to 1) of the shingles of two signed texts."""
    return float(np.count_nonzero(_values(a) == _values(b))) / NUM_PERM


class NearDuplicateIndex:
    """Signatures seen so far, and which article each near-duplicate copies.

    The first article of a story is its canonical article; every later near-duplicate links to
    it, also through a chain (C copies B, B copies A: C links to A). In memory: about 6 KB per
    article, mostly datasketch's LSH buckets (a million articles: about 6 GB). Rebuilding adds
    about 3,000 articles a second. Not thread-safe: one index per run, in one process.
    """

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        self._values: dict[Hashable, np.ndarray] = {}
        self._canonical: dict[Hashable, Hashable] = {}
        self._order: dict[Hashable, int] = {}

    @classmethod
    def from_signatures(
        cls, items: Iterable[tuple[Hashable, bytes]], *, threshold: float = THRESHOLD
    ) -> NearDuplicateIndex:
        """An index holding ``(article_id, signature)`` pairs, added in the order given.

        To resume a run, give the stored articles in the order they were first added (for
        example ``ORDER BY rowid``): the same order gives the same canonical links.
        """
        index = cls(threshold)
        for article_id, sig in items:
            index.add(article_id, sig)
        return index

    def add(self, article_id: Hashable, sig: bytes) -> Hashable | None:
        """Add an article; return the id of the canonical article it nearly duplicates, or None.

        None means it is new (it becomes canonical for later copies). Adding an id again changes
        nothing and returns the same answer as the first time. An empty signature matches nothing.
        """
        if article_id in self._canonical:
            return self.canonical(article_id)
        values = _values(sig)
        self._order[article_id] = len(self._order)
        if np.all(values == _EMPTY):
            self._canonical[article_id] = article_id
            return None
        from datasketch import LeanMinHash

        minhash = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        matches = [
            self._canonical[other]
            for other in self._lsh.query(minhash)
            if np.count_nonzero(self._values[other] == values) / NUM_PERM >= self.threshold
        ]
        canonical = min(matches, key=self._order.__getitem__) if matches else article_id
        self._lsh.insert(article_id, minhash)
        self._values[article_id] = values
        self._canonical[article_id] = canonical
        return None if canonical == article_id else canonical

    def canonical(self, article_id: Hashable) -> Hashable | None:
        """The canonical article ``article_id`` was linked to when added; None if it is canonical."""
        canonical = self._canonical[article_id]
        return None if canonical == article_id else canonical

    def __contains__(self, article_id: Hashable) -> bool:
        return article_id in self._canonical

    def __len__(self) -> int:
        return len(self._canonical)


def url_key(url: str | None) -> str | None:
    """``url`` as compared for sameness, or None when it names no article page.

    The scheme, a leading ``www.``, a default port, a trailing slash and the fragment do not make
    another page; the query string does (``?id=8576``), and is kept as written. A site's front page
    (no path, no query) holds other stories each day, so it is None.
    """
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:  # a malformed host or port
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path, query = parts.path.rstrip("/"), f"?{parts.query}" if parts.query else ""
    return host + path + query if path or query else None
