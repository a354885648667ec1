"""Parse helpers the stance, figure and event extractors share: whose a clause or a noun is.

"Whose" is read from the parse the way news prose states it: the subject of a clause (climbing
from "wanted to resist" to the verb that has one), a possessor ("Mr Trump's view"), "from"/"by"
("calls from Mr Trump"), or a group's members ("some leaders, including Olaf Scholz").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .actors import ActorTable
from .speakers import resolve_speaker

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Dependencies through which a verb without a subject of its own takes its head's.
_CLIMB = {"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp"}
# Prepositions that introduce members of a group: "leaders, including Olaf Scholz".
_MEMBER_PREPS = {"including", "like", "among"}


def subject_of(token: Token, reach: int = 4) -> Token | None:
    """The subject of ``token``'s clause, climbing at most ``reach`` steps up a verb chain.

    A passive subject gives way to the agent ("was rejected by Mr Scholz"): the agent holds the view.
    """
    for _ in range(reach + 1):
        for child in token.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "nsubjpass":
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                if agent is not None:
                    return next((c for c in agent.children if c.dep_ == "pobj"), child)
                return child
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None
        if token.dep_ in {"acl", "ccomp"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return None  # the clause of a noun ("a plan to increase it"): the noun's holder, not a subject
        token = token.head
    return None


def actor_of(doc: Doc, table: ActorTable, head: Token | None) -> str | None:
    """The actor id a noun phrase headed by ``head`` names (a name, a role, a pronoun), else None."""
    if head is None:
        return None
    speaker = resolve_speaker(doc, table, head)
    return speaker.actor if speaker is not None else None


def members_of(doc: Doc, table: ActorTable, head: Token) -> list[str]:
    """Actors named as members of the group ``head`` heads: "some present, including X and Y"."""
    found: list[str] = []
    for token in head.subtree:
        if token.lower_ in _MEMBER_PREPS or (
            token.lower_ == "as" and token.i > 0 and doc[token.i - 1].lower_ == "such"
        ):
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                for member in [pobj, *(t for t in pobj.subtree if t.dep_ == "conj")]:
                    actor = table.token_actor.get(member.i)
                    if actor and actor not in found:
                        found.append(actor)
    return found


def holders_of_clause(doc: Doc, table: ActorTable, verb: Token) -> tuple[list[str], Token | None]:
    """Who a clause's view belongs to: its subject's actor, or the named members of its subject group."""
    subject = subject_of(verb)
    if subject is None:
        return [], None
    actor = actor_of(doc, table, subject)
    if actor:
        return [actor], subject
    return members_of(doc, table, subject), subject


def holder_of_noun(doc: Doc, table: ActorTable, noun: Token) -> str | None:
    """The actor a noun belongs to: a possessor ("Mr Rutte's suggestion") or "from"/"by" ("calls from X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return actor_of(doc, table, child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return actor_of(doc, table, pobj)
    return None


def negated(token: Token) -> bool:
    """A "not"/"never"/"n't" on the token, or on the verb that carries it ("is not premature", "must not")."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ in {"aux", "acomp", "attr", "auxpass"}:
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def char_span(tokens: list[Token]) -> tuple[int, int]:
    """Where ``tokens`` start and end in the text, leaving out line breaks at either end."""
    words = [t for t in tokens if not t.is_space] or tokens
    return words[0].idx, words[-1].idx + len(words[-1].text)
