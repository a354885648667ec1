"""The one read path: CLI, web page and Python API all read the store through these functions."""

from .actors import ActorRow, actors
from .articles import article, articles
from .quotes import QuoteRow, quotes

__all__ = ["ActorRow", "QuoteRow", "actors", "article", "articles", "quotes"]
