"""The unit of work every engine maps: a batch of Documents in, a list of Results out.

``analyze_batch`` is pure and picklable (a module-level function of plain data), so a loop, a
process pool and Dask workers all run exactly the same code. The spaCy model is loaded on first
use and cached per process (``load_nlp``), so a worker pays for it once, not once per batch.

Each Result carries ``content_hash``, the hash of the raw input it came from (``input_hash``): what the
store records with its source, so that a resumed run passes over that source only while it holds
the same content.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analyze import analyze_documents
from ..errors import Skip
from ..model import Article, Document, content_hash
from ..store.sqlite import NO_HASH

BATCH_SIZE = 16


def input_hash(item: Document | Skip) -> str:
    """The resume key of one input, known before any analysis: the hash of a Document's raw
    ``content``, or ``NO_HASH`` for a Skip a reader gave instead (nothing was read to hash)."""
    return content_hash(item.content) if isinstance(item, Document) else NO_HASH


@dataclass
class Result:
    """What one input became: an Article with its MinHash signature, or a Skip.

    ``content_hash`` is ``input_hash`` of that input; None when not known (a Result read back from
    a shard written before shards kept it), which the store records as ``NO_HASH``.
    """

    item: Article | Skip
    signature: bytes | None = None
    content_hash: str | None = None

    @property
    def source(self) -> str:
        return self.item.source


def body_signature(article: Article) -> bytes:
    """MinHash of the article body; computed in the worker, since hashing every shingle costs CPU."""
    from ..clean.dedup import signature

    start, end = article.body
    return signature(article.text[start:end])


def analyze_batch(items: list[Document | Skip], *, batch_size: int = BATCH_SIZE, nlp=None) -> list[Result]:
    """Analyze one batch in order; never raises for one bad document (it comes out as a Skip)."""
    items = list(items)
    out = []
    # One output per input, in order: each carries its own input's hash.
    for item, output in zip(items, analyze_documents(items, nlp, batch_size=batch_size), strict=True):
        if isinstance(output, Skip):
            out.append(Result(output, content_hash=input_hash(item)))
        else:
            out.append(Result(output, body_signature(output), input_hash(item)))
    return out


def warm_up() -> None:
    """Load the model now (a worker initializer), so the first batch is not slower than the rest."""
    from ..extract.pipeline import load_nlp

    load_nlp()
