"""The single writer: every engine's Results end up here, in the one process that owns the store.

It links near-duplicates (an index rebuilt from the stored signatures, so a resumed run or a merge
links copies as one uninterrupted run would) and later articles at the URL of an earlier one (the
page's HTML and a text dump of it; ``dedup.url_key``, from the stored URLs), records every input it
handled (by source and the hash of its content, so a resumed run passes over it), and keeps the
counts for the summary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..analyze import is_english
from ..clean.dedup import similarity, url_key
from ..errors import SKIP_FAILED, SKIP_MISSING, SKIP_REASONS, Skip
from ..model import is_stdin
from .stage import Result

# How much text (estimated Jaccard similarity of 5-word shingles) a page fetched again, or a source read
# again, must share with what was stored to be a new version of that article rather than another one
# (near-duplicates from elsewhere need ``dedup.THRESHOLD``, 0.8). A text dump of a page, with its
# menus and footers, shares 0.3-0.8 with the page's body; two stories on one section page share ~0.
VERSION_SIMILARITY = 0.25

# Skips worth trying again on the next run (a bug fixed, a file that appears): not recorded as done.
RETRY_CODES = {SKIP_FAILED, SKIP_MISSING}


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0  # same content as a stored article: nothing added
    near_duplicates: int = 0  # stored, linked to a canonical article; their quotes are not counted again
    new_versions: int = 0  # stored as the new version of an article (same page, or same source): it counts
    resumed: int = 0  # sources an earlier run already stored (or found stored) with the same content
    skipped_before: Counter = field(default_factory=Counter)  # sources an earlier run skipped, by code
    quotes: int = 0  # in stored articles that are not near-duplicates
    languages: Counter = field(default_factory=Counter)  # stored articles not in English, by language
    skipped: Counter = field(default_factory=Counter)
    bad_shards: int = 0  # merge: files that were not readable shards (each reported, none recorded as done)
    interrupted: bool = False

    @property
    def not_english(self) -> int:
        return sum(self.languages.values())

    @property
    def processed(self) -> int:
        """Inputs this run analyzed (not those an earlier run had done)."""
        return self.stored + self.duplicates + sum(self.skipped.values())

    def summary(self, verb: str = "ingest") -> str:
        parts = [f"{self.stored} stored", f"{self.quotes} quotes"]
        if self.near_duplicates:
            parts.append(f"{self.near_duplicates} near-duplicates linked")
        if self.new_versions:
            plural = "s" if self.new_versions != 1 else ""
            parts.append(
                f"{self.new_versions} new version{plural} of stored articles (the old linked to the new)"
            )
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.resumed:
            parts.append(f"{self.resumed} done by an earlier run")
        if self.skipped_before:
            parts.append(
                f"{sum(self.skipped_before.values())} skipped by an earlier run ({_reasons(self.skipped_before)})"
            )
        if self.languages:
            langs = ", ".join(f"{n} {lang}" for lang, n in self.languages.most_common())
            parts.append(f"{self.not_english} not English ({langs}; stored, not extracted)")
        if self.skipped:
            parts.append(f"{sum(self.skipped.values())} skipped ({_reasons(self.skipped)})")
        if self.bad_shards:
            parts.append(f"{self.bad_shards} unreadable shard{'s' if self.bad_shards > 1 else ''} skipped")
        line = f"{verb}: " + ", ".join(parts)
        if self.interrupted:
            line += "; interrupted: run the same command again to continue"
        return line

    def pass_over(self, earlier: Skip | str | bool | None, on_skip=None) -> bool:
        """Whether an input is passed over because an earlier run handled it with the same content
        (``earlier``: what ``Store.earlier`` found). It is counted; one that run skipped is counted by
        its code, and its skip line given to ``on_skip`` again, so a run again says why it was skipped."""
        if isinstance(earlier, Skip):
            self.skipped_before[earlier.code] += 1
            if on_skip is not None:
                on_skip(Skip(earlier.source, earlier.code, f"{earlier.reason} (as in an earlier run)"))
        elif earlier:
            self.resumed += 1
        return bool(earlier)


def _reasons(counts: Counter) -> str:
    return ", ".join(f"{n} {SKIP_REASONS.get(code, code)}" for code, n in sorted(counts.items()))


class Writer:
    """Writes Results to ``store`` one article per transaction and counts them in ``report``."""

    def __init__(self, store, report: IngestReport, *, on_skip=None):
        self.store = store
        self.report = report
        self.on_skip = on_skip
        self._index = None
        self._urls = None

    @property
    def index(self):
        # Built on the first article, not up front: a run that stores nothing new pays nothing.
        if self._index is None:
            from ..clean.dedup import NearDuplicateIndex

            self._index = NearDuplicateIndex.from_signatures(self.store.signatures())
        return self._index

    @property
    def urls(self) -> dict[str, str]:
        """The first article stored at each URL (by ``url_key``); ``_canonical`` gives the one that
        counts now (a copy's article, an old version's newer one)."""
        if self._urls is None:
            self._urls = {}
            for article_id, url in self.store.urls():
                if key := url_key(url):
                    self._urls.setdefault(key, article_id)
        return self._urls

    def write(self, result: Result) -> None:
        item = result.item
        if isinstance(item, Skip):
            self.skip(item, content_hash=result.content_hash)
            return
        report = self.report
        if self.store.has_article(item.id):
            self.store.write_article(item, content_hash=result.content_hash)  # records a duplicate
            report.duplicates += 1
            # A source back to content it held before (v1, v2, then v1 again): that version is current again.
            newer = self.store.canonical_of(item.id)
            if newer and not is_stdin(item.source) and self.store.source_of(newer) == item.source:
                self.store.make_canonical(item.id)
            return
        key = url_key(item.url)
        copy_of = self._canonical(self.index.add(item.id, result.signature) if result.signature else None)
        # A new version of a stored article supersedes it (its quotes count, the old version's do not);
        # nearly the same content from elsewhere is a copy (syndication) of the article stored first.
        supersedes = self._previous_version(item, key, result.signature)
        canonical = None if supersedes else copy_of
        if supersedes and self._published_before(item, supersedes):
            # An older version read after a newer one (dumps listed newest first, shards merged out of
            # order): it is linked to the newer one, which stays the version that counts.
            canonical, supersedes = supersedes, None
        self.store.write_article(
            item,
            canonical_id=canonical,
            signature=result.signature,
            content_hash=result.content_hash,
            supersedes=supersedes,
        )
        if key:
            self.urls.setdefault(key, item.id)
        report.stored += 1
        if canonical:
            report.near_duplicates += 1
        else:
            report.quotes += len(item.quotes)
            report.new_versions += bool(supersedes)
        if not is_english(item):
            report.languages[item.language] += 1

    def _previous_version(self, item, key: str | None, sig: bytes | None) -> str | None:
        """The stored article ``item`` is a new version of: the one at the same page (URL), else the
        last one read from the same source (a file rewritten, a feed entry updated; never stdin), when
        they share enough text (``VERSION_SIMILARITY``): a section page or a reused file name that now
        holds another story is another article."""
        if not sig:
            return None
        last = None if is_stdin(item.source) else self.store.last_article_of(item.source)
        for found in (self.urls.get(key) if key else None, last):
            found = self._canonical(found)
            stored = self.store.signature_of(found) if found else None
            if stored and similarity(sig, stored) >= VERSION_SIMILARITY:
                return found
        return None

    def _published_before(self, item, article_id: str) -> bool:
        """Whether ``item`` was published before the stored ``article_id`` (both dated)."""
        stored = self.store.published_of(article_id)
        return bool(item.published and stored and item.published < stored)

    def _canonical(self, article_id: str | None) -> str | None:
        """The article that counts for ``article_id``: itself, or the one it is a copy or old version of."""
        return article_id and (self.store.canonical_of(article_id) or article_id)

    def skip(self, skip: Skip, *, content_hash: str | None = None) -> None:
        self.report.skipped[skip.code] += 1
        if skip.code not in RETRY_CODES:
            self.store.record_skip(skip.source, skip.code, skip.reason, content_hash=content_hash)
        if self.on_skip:
            self.on_skip(skip)
