"""Plain dataclasses for everything stancemap reads and extracts.

Every extracted fact carries character offsets (``start``, ``end``) that are ``str`` indices into
``Article.text``, so the evidence can always be shown. ``to_dict`` gives the public Article JSON.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "organisation", "place"]
QuoteKind = Literal["direct", "mixed", "indirect"]
StanceLabel = Literal["support", "oppose", "conditional", "neutral"]


def content_hash(text: str) -> str:
    """Stable id of a text: the same content always gets the same id (re-ingest adds nothing)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


STDIN = "-"  # the source of what is piped in


def is_stdin(source: str) -> bool:
    """Whether an input's source is stdin: ``-``, ``-:3`` (a JSONL line), ``-#<id>`` (a WARC record).
    Each input piped in is new: never the same source as an earlier one, whatever its name."""
    return source == STDIN or source.startswith((f"{STDIN}:", f"{STDIN}#"))


@dataclass
class Document:
    """One raw input as a source yields it, before cleaning.

    ``content`` is the decoded text (plain text, or HTML markup when ``format == "html"``).
    Hints (``url``, ``published``, ``title``, ``author``, ``site``) come from the container (a feed
    entry, a JSONL row, a WARC header) and are used when the content itself does not say.
    ``published`` is a date the container states; ``crawl_date`` is only a bound from transport
    headers (a WARC crawl date or HTTP Last-Modified), weaker than any date the page itself shows.
    """

    source: str
    content: str
    format: Literal["text", "html"] = "text"
    url: str | None = None
    published: str | None = None
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    author: str | None = None
    site: str | None = None
    crawl_date: str | None = None


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Cleaned:
    """A document after the clean stage: the text that offsets point into, and where the body is.

    ``paragraphs`` are the kept body paragraphs as ``(start, end)`` into ``text``; anything between
    them (menus, appeals, footers) is boilerplate. ``body`` spans the first to the last kept paragraph.
    """

    text: str
    paragraphs: list[tuple[int, int]]
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None

    @property
    def body(self) -> tuple[int, int]:
        if not self.paragraphs:
            return (0, 0)
        return (self.paragraphs[0][0], self.paragraphs[-1][1])

    def body_text(self) -> str:
        """The body with boilerplate paragraphs blanked to spaces: same length, so offsets hold."""
        start, end = self.body
        chars = list(self.text[start:end])
        kept = [(s - start, e - start) for s, e in self.paragraphs]
        cursor = 0
        for s, e in [*kept, (end - start, end - start)]:
            for i in range(cursor, s):
                if chars[i] != "\n":
                    chars[i] = " "
            cursor = e
        return "".join(chars)


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Speaker:
    actor: str | None  # Actor.id, or None when the mention names no known actor
    name: str  # canonical name when resolved, else the mention's text
    start: int
    end: int


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Span | None = None
    speaker: Speaker | None = None


@dataclass
class Stance:
    actor: str  # Actor.id
    actor_name: str
    issue: str
    stance: StanceLabel
    confidence: float
    condition: str | None = None
    evidence: list[Span] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indexes into Article.quotes


@dataclass
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    what: str | None = None
    holder: str | None = None  # canonical actor name
    holder_actor: str | None = None
    qualifier: str | None = None  # current, target, demanded, suggested, more than ...


@dataclass
class Event:
    start: int
    end: int
    text: str
    what: str
    where: str | None = None
    when: str | None = None  # YYYY-MM-DD when it can be resolved
    participants: list[str] = field(default_factory=list)
    not_invited: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    source: str
    text: str
    body: tuple[int, int]
    title: str | None = None
    site: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The public Article JSON."""
        data = asdict(self)
        data["body"] = list(self.body)
        for actor in data["actors"]:
            actor["mentions"] = [list(m) for m in actor["mentions"]]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        def span(d):
            return Span(**d) if d else None

        return cls(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            body=tuple(data["body"]),
            title=data.get("title"),
            site=data.get("site"),
            published=data.get("published"),
            url=data.get("url"),
            author=data.get("author"),
            language=data.get("language"),
            actors=[Actor(**{**a, "mentions": [tuple(m) for m in a["mentions"]]}) for a in data["actors"]],
            quotes=[
                Quote(
                    **{
                        **q,
                        "cue": span(q.get("cue")),
                        "speaker": Speaker(**q["speaker"]) if q.get("speaker") else None,
                    }
                )
                for q in data["quotes"]
            ],
            stances=[
                Stance(**{**s, "evidence": [Span(**e) for e in s.get("evidence", [])]})
                for s in data.get("stances", [])
            ],
            figures=[Figure(**f) for f in data.get("figures", [])],
            events=[Event(**e) for e in data.get("events", [])],
        )
