"""WHERE clauses the read functions share. Values always travel as parameters, never as SQL text."""

from __future__ import annotations

import re
from datetime import date

from ..errors import QueryError

DATE_FORMAT = "YYYY-MM-DD"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_date(value: str, name: str | None = None) -> str:
    """``value`` when it is a real calendar date written YYYY-MM-DD (how ``published`` is stored);
    ``QueryError`` otherwise (``name``, e.g. "since", starts its message)."""
    what = f"{name} {value!r}" if name else repr(value)
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise QueryError(f"{what} is not a date written {DATE_FORMAT} (e.g. 2025-02-18)")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"{what} is not a calendar date ({exc})") from exc
    return value


def _like(column: str) -> str:
    """``column`` LIKE a pattern made by ``_contains``, whose escape character is a backslash."""
    return f"{column} LIKE ? ESCAPE '\\'"


def _any_like(columns) -> str:
    """Any of ``columns`` LIKE its pattern (see ``_like``)."""
    return " OR ".join(_like(column) for column in columns)


def _contains(text: str) -> str:
    """A LIKE pattern of ``text`` anywhere in a value, taken literally: its ``%``, ``_`` and backslashes
    escaped, so that "%" finds a percent sign rather than everything."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Where:
    """A conjunction of SQL conditions with their parameters; ``ac`` is the joined actors table."""

    def __init__(self, *conditions: str):
        self.conditions = list(conditions)
        self.params: list = []

    def add(self, condition: str, *params) -> Where:
        self.conditions.append(condition)
        self.params += params
        return self

    def contains(self, text: str | None, *columns: str) -> Where:
        """Any of ``columns`` holds ``text`` (case-insensitively for ASCII, and literally: see ``_contains``)."""
        if text:
            self.add(f"({_any_like(columns)})", *[_contains(text)] * len(columns))
        return self

    def actor(self, name: str | None, *also: str) -> Where:
        """Part of an actor's canonical name, of any alias it had in an article, or of the ``also``
        columns (the name as the article gave it when no canonical actor was linked)."""
        if name:
            aliases = f"EXISTS (SELECT 1 FROM article_actors aa WHERE aa.actor_id = ac.id AND {_like('aa.aliases')})"
            self.add(f"({_any_like(('ac.name', *also))} OR {aliases})", *[_contains(name)] * (len(also) + 2))
        return self

    def dates(self, since: str | None, until: str | None) -> Where:
        """Published on or after ``since`` and on or before ``until``: dates as YYYY-MM-DD (``QueryError``
        otherwise: a text compare with anything else would silently match nothing, or everything)."""
        if since:
            self.add("a.published >= ?", check_date(since, "since"))
        if until:
            self.add("a.published <= ?", check_date(until, "until"))
        return self

    def sql(self) -> str:
        return " AND ".join(self.conditions) or "1 = 1"
