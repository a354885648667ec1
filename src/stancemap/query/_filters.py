"""WHERE clauses the read functions share. Values always travel as parameters, never as SQL text."""

from __future__ import annotations


class Where:
    """A conjunction of SQL conditions with their parameters; ``ac`` is the joined actors table."""

    def __init__(self, *conditions: str):
        self.conditions = list(conditions)
        self.params: list = []

    def add(self, condition: str, *params) -> Where:
        self.conditions.append(condition)
        self.params += params
        return self

    def actor(self, name: str | None, *also: str) -> Where:
        """Part of an actor's canonical name, of any alias it had in an article, or of the ``also``
        columns (the name as the article gave it when no canonical actor was linked)."""
        if name:
            pattern = f"%{name}%"
            columns = " OR ".join(f"{column} LIKE ?" for column in ("ac.name", *also))
            self.add(
                f"({columns} OR EXISTS (SELECT 1 FROM article_actors aa WHERE aa.actor_id = ac.id"
                " AND aa.aliases LIKE ?))",
                *[pattern] * (len(also) + 2),
            )
        return self

    def dates(self, since: str | None, until: str | None) -> Where:
        if since:
            self.add("a.published >= ?", since)
        if until:
            self.add("a.published <= ?", until)
        return self

    def sql(self) -> str:
        return " AND ".join(self.conditions) or "1 = 1"
