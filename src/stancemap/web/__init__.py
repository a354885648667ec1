"""A small read-only web page over the store (Starlette + Jinja2, autoescaped: article text is untrusted)."""

from .app import create_app

__all__ = ["create_app"]
