"""The unit of work every engine maps: a batch of Documents in, a list of Results out.

``analyze_batch`` is pure and picklable (a module-level function of plain data), so a loop, a
process pool and Dask workers all run exactly the same code. The spaCy model is loaded on first
use and cached per process (``load_nlp``), so a worker pays for it once, not once per batch.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analyze import analyze_documents
from ..errors import Skip
from ..model import Article, Document

BATCH_SIZE = 16


@dataclass
class Result:
    """What one input became: an Article with its MinHash signature, or a Skip."""

    item: Article | Skip
    signature: bytes | None = None

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
    out = []
    for item in analyze_documents(items, nlp, batch_size=batch_size):
        if isinstance(item, Skip):
            out.append(Result(item))
        else:
            out.append(Result(item, body_signature(item)))
    return out


def warm_up() -> None:
    """Load the model now (a worker initializer), so the first batch is not slower than the rest."""
    from ..extract.pipeline import load_nlp

    load_nlp()
