"""The one read path: CLI, web page and Python API all read the store through these functions."""

from .actors import ActorRow, actors
from .articles import article, articles, totals
from .quotes import QuoteRow, quotes
from .stances import EventRow, FigureRow, Shift, StanceRow, events, figures, matrix, shifts, stances, timeline

__all__ = [
    "ActorRow",
    "EventRow",
    "FigureRow",
    "QuoteRow",
    "Shift",
    "StanceRow",
    "actors",
    "article",
    "articles",
    "events",
    "figures",
    "matrix",
    "quotes",
    "shifts",
    "stances",
    "timeline",
    "totals",
]
