"""Who a cue's subject is: an actor by name, title, role phrase or pronoun, or an explicit unknown.

A pronoun is resolved to the most recent person who was a clause subject shortly before it (news
prose keeps its speaker as subject) and whom the article does not show to be of the other gender;
if nothing fits, or someone the article does not name has spoken since, the speaker stays unknown
rather than guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from ..model import Speaker
from .actors import ActorTable, Mention
from .lexicon import CUE_FORMS, PEOPLE_NOUNS, PRONOUNS_PERSON, TITLE_GENDER

# How many sentences back a pronoun may reach for its antecedent.
_PRONOUN_REACH = 3


def resolve_speaker(doc: Doc, table: ActorTable, head: Token) -> Speaker | None:
    """The speaker named by the subject whose head is ``head``."""
    mention = _mention_at(table, head)
    if mention is not None:
        return speaker_of(doc, table, mention)
    if head.lower_ in PRONOUNS_PERSON:
        actor_id = antecedent(doc, table, head.i)
        if actor_id is None:
            # The pronoun is the speaker's mention; who it is stays unknown rather than guessed.
            return Speaker(actor=None, name=head.text, start=head.idx, end=head.idx + len(head))
        actor = table.get(actor_id)
        return Speaker(actor=actor.id, name=actor.name, start=head.idx, end=head.idx + len(head))
    if head.lower_ in {"who", "which", "that"} and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        # "Trump, who has said …", "a report, which notes …": what the relative clause hangs from,
        # named at the relative pronoun.
        named = resolve_speaker(doc, table, head.head.head)
        if named is None or named.actor is None and named.name.lower() in {"who", "which", "that"}:
            return None
        return Speaker(actor=named.actor, name=named.name, start=head.idx, end=head.idx + len(head))
    if head.tag_ in {"WP", "WDT", "EX"} or head.lower_ in {"that", "this", "there"}:
        return None
    if head.pos_ == "PRON" or head.tag_ in {"PRP", "PRP$"}:
        # "they said", "we argue": the mention is the speaker, with no actor behind it.
        return Speaker(actor=None, name=head.text, start=head.idx, end=head.idx + len(head))
    # A noun phrase that names no known actor ("a senior official", "sources"): explicit, unresolved.
    left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ not in {"punct", "cc"}), default=head.i)
    right = max((prep.right_edge.i for prep in _principal(head)), default=head.i)
    span = doc[left : right + 1]
    return Speaker(actor=None, name=span.text, start=span.start_char, end=span.end_char)


def _principal(head: Token) -> list[Token]:
    """The phrase naming whom a described speaker speaks for ("a spokesman for the campaign", "an aide
    to Gov. Kathy Hochul"): part of the speaker's description, not the speaker."""
    if head.tag_ not in {"NN", "NNS"}:
        return []
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "to"} and c.i > head.i]


def speaker_of(doc: Doc, table: ActorTable, mention: Mention) -> Speaker:
    """The speaker an actor mention names: the actor, at the mention."""
    actor = table.get(mention.actor)
    span = doc[mention.start : mention.end]
    return Speaker(actor=actor.id, name=actor.name, start=span.start_char, end=span.end_char)


_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}


def _mention_at(table: ActorTable, head: Token):
    """The actor mention the subject refers to: one covering its head, else one inside its phrase."""
    for mention in table.mentions:
        if mention.start <= head.i < mention.end:
            return mention
    phrase = {t.i for t in head.subtree if t.i <= head.i or t.dep_ in {"compound", "flat", "appos"}}
    if head.tag_ in {"NN", "NNS"}:
        # Whom a described speaker speaks for is not the speaker: "a lawyer for Donald Trump".
        phrase -= {t.i for prep in _principal(head) for t in prep.subtree}
        # A name that only describes a common noun is not the speaker: "a top Donald Trump adviser",
        # "Trump's campaign", "an FBI official" speak for themselves.
        phrase -= {
            i
            for m in table.mentions
            if m.start in phrase
            and head.doc[m.end - 1].dep_ in _MODIFIER_DEPS
            and head.doc[m.end - 1].head.i == head.i
            for i in range(m.start, m.end)
        }
    inside = [m for m in table.mentions if m.start in phrase and m.kind == "person"]
    if inside:
        return inside[-1]
    inside = [m for m in table.mentions if m.start in phrase and head.i - m.start <= 3 and m.kind != "place"]
    return inside[-1] if inside else None


def antecedent(doc: Doc, table: ActorTable, position: int) -> str | None:
    """The person a pronoun at token ``position`` most likely refers to: never one the article shows
    to be of the other gender ("she" is not Donald Trump)."""
    sent_starts = [s.start for s in doc.sents if s.start <= position]
    horizon = sent_starts[max(0, len(sent_starts) - 1 - _PRONOUN_REACH)] if sent_starts else 0
    people = [m for m in table.mentions if m.kind == "person" and horizon <= m.start < position]
    verb = doc[position].head
    if interrupts(verb):
        # "Vaccines, he said, should be studied": the clause the cue interrupts is what was said;
        # no one named in it is the pronoun's antecedent.
        reported = {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        people = [m for m in people if m.start not in reported]
    wanted = _PRONOUN_GENDER.get(doc[position].lower_)
    if wanted is not None:
        known = genders(doc, table)
        people = [m for m in people if known.get(m.actor, wanted) == wanted]
    subjects = [m for m in people if m.is_subject]
    chosen = subjects or people
    if not chosen or _unnamed_subject_after(doc, table, chosen[-1].end, position):
        return None
    return chosen[-1].actor


def _unnamed_subject_after(doc: Doc, table: ActorTable, start: int, position: int) -> bool:
    """Whether someone the article does not name speaks between token ``start`` and the pronoun at
    ``position``: 'A Hamas official said … "…," he said' is the official's, not that of the leader
    named before, so the pronoun stays unknown rather than guessed."""
    for token in doc[start:position]:
        if (
            token.dep_ == "nsubj"
            and token.tag_ == "NN"
            and token.lower_ in PEOPLE_NOUNS
            and token.head.lower_ in CUE_FORMS
            and _mention_at(table, token) is None
        ):
            return True
    return False


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def interrupts(verb: Token) -> bool:
    """Whether ``verb`` stands inside the clause it hangs from, set off by commas (", he said, ")."""
    return verb.dep_ == "parataxis" and verb.i < verb.head.i


def genders(doc: Doc, table: ActorTable) -> dict[str, str]:
    """The gender ("m" or "f") of each person the article shows it for, read once per doc.

    A title before a mention ("Mr Scholz", "Mrs Clinton") decides. Otherwise the pronoun subject of
    what the person is the subject of saying ("Clinton said she would …") does, but only twice or
    more and two to one: news often has "Clinton said he lacks …" of someone else.
    """
    if table.genders is not None:
        return table.genders
    titles: dict[str, Counter] = defaultdict(Counter)
    pronouns: dict[str, Counter] = defaultdict(Counter)
    for mention in table.mentions:
        if mention.kind != "person":
            continue
        for token in doc[max(0, mention.start - 1) : mention.start + 1]:
            if token.lower_ in TITLE_GENDER:
                titles[mention.actor][TITLE_GENDER[token.lower_]] += 1
        head = doc[mention.end - 1]
        verb = head.head
        if head.dep_ != "nsubj" or verb.i < head.i:
            continue
        # "Clinton said she …", "Trump said that he …": the pronoun right after the verb.
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.lower_ in {"he", "she"} and 0 < subject.i - verb.i <= 2:
                pronouns[mention.actor][_PRONOUN_GENDER[subject.lower_]] += 1
    table.genders = {}
    for actor in titles.keys() | pronouns.keys():
        if titles[actor]:
            (top, n), *rest = titles[actor].most_common()
            if not rest or n > rest[0][1]:
                table.genders[actor] = top
            continue
        (top, n), *rest = pronouns[actor].most_common()
        if n >= 2 and (not rest or n >= 2 * rest[0][1]):
            table.genders[actor] = top
    return table.genders
