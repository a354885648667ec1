"""One document in, one Article out: clean, detect the language, run the extractors.

``analyze_documents`` is the pure per-document stage that every engine maps (a loop, worker
processes, Dask partitions). It batches texts through ``nlp.pipe`` for speed and never raises for
one bad document: that document comes out as a ``Skip``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from .clean import clean
from .errors import SKIP_FAILED, SKIP_TOO_LARGE, InputError, Skip
from .model import Article, Cleaned, Document, content_hash

log = logging.getLogger(__name__)

ENGLISH = "en"


def _article(document: Document, cleaned: Cleaned) -> Article:
    return Article(
        id=content_hash(cleaned.text),
        source=document.source,
        text=cleaned.text,
        body=cleaned.body,
        title=cleaned.title,
        site=cleaned.site,
        published=cleaned.published,
        url=cleaned.url,
        author=cleaned.author,
        language=cleaned.language,
    )


def is_english(article: Article) -> bool:
    # Too little text to tell is treated as English: extraction then simply finds little.
    return article.language in (None, ENGLISH)


def _extraction_text(cleaned: Cleaned) -> str:
    """What the pipeline reads: the body with boilerplate blanked and flattened single quotation
    marks made curly, the same length as the body so that offsets hold."""
    from .extract.quotes import curl_single_marks

    return curl_single_marks(cleaned.body_text())


def analyze_documents(
    items: Iterable[Document | Skip], nlp=None, *, batch_size: int = 16
) -> Iterator[Article | Skip]:
    """Articles (or Skips) for ``items``, in order. Non-English articles come out without extraction."""
    from .extract.events import resolve_event_dates
    from .extract.pipeline import load_nlp, results

    nlp = nlp or load_nlp()
    # In input order: results already known (a skip, a non-English article) and articles to parse.
    queue: list[Article | Skip | tuple[Article, Cleaned]] = []
    to_parse = 0

    def flush() -> Iterator[Article | Skip]:
        parse = [entry for entry in queue if isinstance(entry, tuple)]
        texts = [_extraction_text(cleaned) for _, cleaned in parse]
        try:
            docs = list(nlp.pipe(texts, batch_size=batch_size))
        except Exception:  # one document broke the batch: redo one by one to find it
            docs = []
            for article, cleaned in parse:
                try:
                    docs.append(nlp(_extraction_text(cleaned)))
                except Exception as exc:
                    log.debug("extraction failed on %s", article.source, exc_info=True)
                    docs.append(
                        Skip(article.source, SKIP_FAILED, f"extraction failed: {type(exc).__name__}: {exc}")
                    )
        parsed = iter(docs)
        for entry in queue:
            if not isinstance(entry, tuple):
                yield entry
                continue
            article, doc = entry[0], next(parsed)
            if isinstance(doc, Skip):
                yield doc
                continue
            article.actors, article.quotes, article.stances, article.figures, article.events = results(
                doc, article.body[0], article.text
            )
            # Relative event dates ("on Monday") need the publication date, which the doc does not have,
            # and the tense of each date's clause, which the events component left beside its events.
            resolve_event_dates(article.events, article.published, doc._.event_tenses)
            yield article
        queue.clear()

    for item in items:
        entry = _prepare(item, nlp.max_length)
        if not queue and not isinstance(entry, tuple):
            yield entry  # nothing waits before it
            continue
        queue.append(entry)
        to_parse += isinstance(entry, tuple)
        # A full batch to parse, or a long wait behind one (a stream of mostly skips): memory stays flat.
        if to_parse >= batch_size or len(queue) >= 4 * batch_size:
            yield from flush()
            to_parse = 0
    if queue:
        yield from flush()


def _prepare(item: Document | Skip, max_length: int) -> Article | Skip | tuple[Article, Cleaned]:
    """The result of ``item`` when it is known before parsing (a skip, an article not in English),
    else the article and its cleaned text, to parse."""
    if isinstance(item, Skip):
        return item
    try:
        cleaned = clean(item)
    except InputError as exc:
        return Skip(item.source, exc.code, exc.message)
    except Exception as exc:
        log.debug("cleaning failed on %s", item.source, exc_info=True)
        return Skip(item.source, SKIP_FAILED, f"cleaning failed: {type(exc).__name__}: {exc}")
    article = _article(item, cleaned)
    if not is_english(article):
        return article
    length = article.body[1] - article.body[0]
    if length > max_length:
        # The parser's own limit (its memory grows with the text): a clear skip, not a failure.
        return Skip(
            item.source,
            SKIP_TOO_LARGE,
            f"article body of {length:,} characters is over the parser's limit of {max_length:,}",
        )
    return article, cleaned


def analyze(document: Document | str, nlp=None) -> Article:
    """Analyze one document (or a plain text); raises InputError when it cannot be used."""
    if isinstance(document, str):
        document = Document(source="<text>", content=document)
    (result,) = analyze_documents([document], nlp)
    if isinstance(result, Skip):
        raise InputError(result.code, result.reason)
    return result
