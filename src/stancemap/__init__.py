"""stancemap: turn raw news into an evidence-linked map of who said what, and where every actor stands.

    >>> import stancemap
    >>> article = stancemap.analyze(open("examples/starmer-backstop.txt").read())
    >>> [(q.speaker.name, q.text) for q in article.quotes if q.speaker][:1]

Every extracted fact carries ``start``/``end`` character offsets into ``article.text``.
"""

from __future__ import annotations

from .analyze import analyze, analyze_documents
from .errors import InputError, Skip, StancemapError
from .ingest import iter_documents
from .model import Actor, Article, Cleaned, Document, Event, Figure, Quote, Span, Speaker, Stance
from .store import Store, open_store


def load_nlp():
    """The stancemap spaCy pipeline (en_core_web_sm plus stancemap's components), loaded once."""
    from .extract.pipeline import load_nlp as _load

    return _load()


__all__ = [
    "Actor",
    "Article",
    "Cleaned",
    "Document",
    "Event",
    "Figure",
    "InputError",
    "Quote",
    "Skip",
    "Span",
    "Speaker",
    "Stance",
    "StancemapError",
    "Store",
    "analyze",
    "analyze_documents",
    "iter_documents",
    "load_nlp",
    "open_store",
]
