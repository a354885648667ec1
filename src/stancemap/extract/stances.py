"""Stances: where each actor stands on each watched issue, with the evidence that says so.

Statements come from three places: the actor's quotes (direct, mixed, indirect), descriptions in
which the actor is the subject of an attitude verb ("some present, including Olaf Scholz, wanted
to resist discussing any European force"), and nouns the actor holds ("Mr Trump's view that Europe
should step up", "Mr Rutte's suggestion that allies should spend more"). A statement that names an
issue (issues.match_issues) gets a polarity:

- attitude words carry a sign (must, only way, prepared to, backs: +; premature, resist, rejects: -),
  flipped by their own negation; nested attitudes multiply ("wanted to resist" = + x - = -), and
  the innermost ones are summed;
- the reporting cue adds its own sign when it has one ("urged Trump to provide a backstop");
- a statement that speaks of the contrary of the proposition (an issue's ``against`` phrases) has
  its polarity flipped ("will not accept the outcome if it is not involved" supports inclusion);
- "if ..."/"provided that ..." in a supporting statement is the stance's condition.

Statements are then aggregated per (actor, issue) into one Stance with a confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Quote, Span, Stance
from .actors import ActorTable
from .doctext import doc_text
from .issues import Issue, load_watchlist, match_issues
from .lexicon import CUE_FORMS
from .syntax import char_span, holder_of_noun, holders_of_clause, negated

# Attitude words by word form (the pipeline has no lemmatizer). +1 favours what they govern, -1 is against it.
_POSITIVE = """must should ought need needs needed necessary essential vital crucial imperative prepared ready
willing want wants wanted wish wishes hope hopes support supports supported supporting back backs backed backing
favour favours favoured favor favors favored endorse endorses endorsed welcome welcomes welcomed accept accepts
accepted agree agrees agreed commit commits committed committing pledge pledges pledged promise promises
promised vow vows vowed urge urges urged advocate advocates advocated champion champions championed embrace
embraces embraced demand demands demanded deserve deserves approve approves approved"""
_NEGATIVE = """oppose opposes opposed opposing against reject rejects rejected rejecting rejection resist resists
resisted resisting dismiss dismisses dismissed dismissing refuse refuses refused refusing premature
inappropriate unacceptable wrong mistake dangerous reckless unrealistic unnecessary absurd nonsense condemn
condemns condemned criticise criticises criticised criticize criticizes criticized block blocks blocked veto
vetoes vetoed scrap scraps scrapped abandon abandons abandoned halt halts halted doubt doubts doubted
sceptical skeptical reluctant unwilling"""
ATTITUDE = {w: 1 for w in _POSITIVE.split()} | {w: -1 for w in _NEGATIVE.split()}
# Words that are attitudes only as verbs ("backs the plan", not "came back").
_VERB_ONLY = {
    "back",
    "backs",
    "backed",
    "backing",
    "block",
    "blocks",
    "blocked",
    "halt",
    "halts",
    "halted",
    "hope",
    "hopes",
    "need",
    "needs",
    "needed",
    "want",
    "wants",
    "wanted",
    "doubt",
    "doubts",
    "doubted",
}
# Multi-word attitudes: (words, index of the word that carries the sign, sign).
PHRASES = [
    (("only", "way"), 1, 1),
    (("have", "to"), 0, 1),
    (("has", "to"), 0, 1),
    (("had", "to"), 0, 1),
    (("call", "for"), 0, 1),
    (("calls", "for"), 0, 1),
    (("called", "for"), 0, 1),
    (("push", "for"), 0, 1),
    (("pushed", "for"), 0, 1),
    (("in", "favour"), 1, 1),
    (("in", "favor"), 1, 1),
    (("rule", "out"), 0, -1),
    (("rules", "out"), 0, -1),
    (("ruled", "out"), 0, -1),
    (("no", "way"), 1, -1),
    (("too", "early"), 1, -1),
    (("warn", "against"), 0, -1),
    (("warned", "against"), 0, -1),
    (("bad", "idea"), 1, -1),
    (("pour", "cold", "water"), 2, -1),
    (("poured", "cold", "water"), 2, -1),
]
# Reporting verbs that say the speaker is for what the content states ("urged Trump to provide ...").
CUE_SIGNS = {"urge": 1, "demand": 1, "pledge": 1, "promise": 1, "vow": 1, "call": 1, "agree": 1}
# Nouns an actor holds ("Mr Trump's view that ..."): 0 = the content alone decides.
HOLDER_NOUNS = {
    "view": 0,
    "views": 0,
    "belief": 0,
    "position": 0,
    "argument": 0,
    "insistence": 0,
    "assessment": 0,
    "call": 1,
    "calls": 1,
    "demand": 1,
    "demands": 1,
    "suggestion": 1,
    "proposal": 1,
    "plan": 1,
    "pledge": 1,
    "commitment": 1,
    "push": 1,
    "appeal": 1,
    "support": 1,
    "backing": 1,
    "offer": 1,
    "rejection": -1,
    "opposition": -1,
    "objection": -1,
    "refusal": -1,
    "resistance": -1,
    "dismissal": -1,
}
_CONTENT_DEPS = {"acl", "relcl", "ccomp", "advcl", "xcomp"}
# How much one statement counts: the speaker's own words count more than a reporter's description.
WEIGHTS = {"direct": 0.8, "mixed": 0.8, "indirect": 0.7, "description": 0.6}
_CONDITION = re.compile(
    r"\b(?:only if|if|provided that|provided|providing|as long as|on condition that|unless)\s+(?P<c>[^,.;:!?”\"]+)",
    re.I,
)
# The environment variable that names the watchlist when none is given (worker processes inherit it).
WATCHLIST_ENV = "STANCEMAP_WATCHLIST"
_THERE_IS = re.compile(r"^(?:there (?:is|are|was|were|will be) )", re.I)


@dataclass
class Statement:
    """One piece of evidence: an actor's statement on an issue with its polarity (+1, -1 or 0)."""

    actor: str
    issue: str
    start: int
    end: int
    text: str
    kind: str  # direct | mixed | indirect | description
    polarity: int
    condition: str | None = None
    quote: int | None = None  # index into the doc's quotes


@dataclass
class _Source:
    """A stretch of text held by one actor, before it is matched to issues."""

    actor: str
    tokens: list[Token]
    kind: str
    cue_sign: int = 0
    holder_sign: int | None = None  # for held nouns: the noun's own sign (0: content decides)
    quote: int | None = None
    blanked: list[tuple[int, int]] = field(default_factory=list)  # char spans held by someone else


_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
for _words, _anchor, _sign in PHRASES:
    _PHRASES_BY_FIRST.setdefault(_words[0], []).append((tuple(_words), _anchor, _sign))


def attitudes(doc: Doc) -> dict[int, int]:
    """Token index -> sign, for every attitude word or phrase in ``doc``."""
    signs: dict[int, int] = {}
    for token in doc:
        sign = ATTITUDE.get(token.lower_)
        if sign and (token.lower_ not in _VERB_ONLY or token.pos_ in {"VERB", "AUX"}):
            signs[token.i] = sign
    # One pass over the words, looking up only the phrases that start with each (not every phrase
    # at every token).
    lowers = [token.lower_ for token in doc]
    for i, word in enumerate(lowers):
        for words, anchor, sign in _PHRASES_BY_FIRST.get(word, ()):
            if tuple(lowers[i : i + len(words)]) == words:
                signs[i + anchor] = sign
    return signs


def _scope(token: Token) -> set[int]:
    """The clause an attitude word speaks about: its verb's subtree, from the first conjunct."""
    head = token
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and head.dep_ not in {"ROOT"}:
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return {t.i for t in head.subtree}


def polarity(tokens: list[Token], signs: dict[int, int], focus: set[int] | None = None) -> int:
    """+1, -1 or 0 for the attitude words among ``tokens`` (those whose clause holds ``focus`` first)."""
    inside = {t.i for t in tokens}
    doc = tokens[0].doc if tokens else None
    att = {i: signs[i] * (-1 if negated(doc[i]) else 1) for i in inside if i in signs}
    if not att:
        return 0
    leaves = [i for i in att if not any(j != i and doc[i].is_ancestor(doc[j]) for j in att)]
    if focus:
        scoped = [i for i in leaves if focus & _scope(doc[i])]
        leaves = scoped or leaves
    total = 0
    for leaf in leaves:
        product = att[leaf]
        for j in att:
            if j != leaf and doc[j].is_ancestor(doc[leaf]):
                product *= att[j]
        total += product
    return (total > 0) - (total < 0)


def condition_of(text: str) -> str | None:
    match = _CONDITION.search(text)
    if not match:
        return None
    condition = " ".join(match.group("c").split()).strip(" “”\"'")
    word = match.group(0).split()[0].lower()
    condition = _THERE_IS.sub("", condition)
    return f"not {condition}" if word == "unless" else condition or None


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _inside(i: int, spans: list[tuple[int, int]], doc: Doc) -> bool:
    idx = doc[i].idx
    return any(s <= idx < e for s, e in spans)


def _held_nouns(doc: Doc, table: ActorTable) -> list[_Source]:
    """Nouns an actor holds and their content: "the president's view that Europe should step up"."""
    sources = []
    for token in doc:
        if token.lower_ not in HOLDER_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        actor = holder_of_noun(doc, table, token)
        if actor is None:
            continue
        content: list[Token] = []
        for child in token.children:
            if child.dep_ in _CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ in {"for", "to", "on"}):
                content.extend(child.subtree)
        if content:
            content.sort(key=lambda t: t.i)
            sources.append(_Source(actor, content, "description", holder_sign=HOLDER_NOUNS[token.lower_]))
    return sources


def _descriptions(
    doc: Doc, table: ActorTable, signs: dict[int, int], quoted: list[tuple[int, int]]
) -> list[_Source]:
    """Clauses in the reporter's voice whose subject (or a named member of it) holds an attitude."""
    tops: dict[int, Token] = {}
    for i in signs:
        token = doc[i]
        if token.pos_ not in {"VERB", "AUX", "ADJ"} or _inside(i, quoted, doc):
            continue
        while token.dep_ in {"xcomp", "acomp"} and token.head.i != token.i:
            token = token.head
        tops[token.i] = token
    sources = []
    for top in tops.values():
        holders, subject = holders_of_clause(doc, table, top)
        if not holders:
            continue
        skip = {t.i for t in subject.subtree} if subject is not None else set()
        tokens = [t for t in top.subtree if t.i not in skip and not _inside(t.i, quoted, doc)]
        if tokens:
            sources += [_Source(actor, tokens, "description") for actor in holders]
    return sources


def _quote_sources(
    doc: Doc, quotes: list[Quote], held: list[_Source], signs: dict[int, int]
) -> list[_Source]:
    sources = []
    for n, quote in enumerate(quotes):
        speaker = quote.speaker.actor if quote.speaker else None
        if speaker is None:
            continue
        tokens = _tokens(doc, quote.start, quote.end)
        if not tokens:
            continue
        cue_sign = 0
        if quote.cue is not None:
            last = quote.cue.text.split()[-1].lower()
            cue_sign = CUE_SIGNS.get(CUE_FORMS.get(last, last), 0)
            if not cue_sign:
                # A cue that is itself an attitude ("rejected a congestion charge") signs its content.
                cue_tokens = _tokens(doc, quote.cue.start, quote.cue.end)
                cue_sign = next(
                    (signs[t.i] * (-1 if negated(t) else 1) for t in cue_tokens if t.i in signs), 0
                )
        # What the quote reports of someone else's view belongs to them, not to the speaker.
        blanked = [
            char_span(h.tokens)
            for h in held
            if h.actor != speaker and quote.start <= h.tokens[0].idx < quote.end
        ]
        sources.append(_Source(speaker, tokens, quote.kind, cue_sign=cue_sign, quote=n, blanked=blanked))
    return sources


def _statements(doc: Doc, source: _Source, signs: dict[int, int], issues: list[Issue]) -> list[Statement]:
    tokens = [t for t in source.tokens if not any(s <= t.idx < e for s, e in source.blanked)]
    if not tokens:
        return []
    start, end = char_span(source.tokens)
    chars = list(doc_text(doc)[start:end])
    keep = {i for t in tokens for i in range(t.idx - start, t.idx - start + len(t.text))}
    for i in range(len(chars)):
        if i not in keep and not chars[i].isspace():
            chars[i] = " "
    text = "".join(chars)
    found = []
    for match in match_issues(text, issues):
        focus = {t.i for t in tokens if match.start <= t.idx - start < match.end}
        sign = polarity(tokens, signs, focus)
        if source.holder_sign is not None:
            if source.holder_sign == 0 and sign == 0:
                continue  # a held view whose content takes no side says nothing about the issue
            sign = source.holder_sign * (sign or 1) if source.holder_sign else sign
        elif source.cue_sign:
            sign = source.cue_sign * (sign or 1)
        # A condition qualifies support; "will not accept it if it is not involved" is a demand, not one.
        condition = condition_of(text) if sign > 0 and not match.contrary else None
        if match.contrary:
            sign = -sign
        found.append(
            Statement(
                source.actor,
                match.issue.name,
                start,
                end,
                doc_text(doc)[start:end],
                source.kind,
                sign,
                condition,
                source.quote,
            )
        )
    return found


def find_statements(doc: Doc, table: ActorTable, quotes: list[Quote], issues: list[Issue]) -> list[Statement]:
    """Every statement of every actor that names a watched issue, with its polarity."""
    if not issues:
        return []
    signs = attitudes(doc)
    held = _held_nouns(doc, table)
    quoted = [(q.start, q.end) for q in quotes] + [(q.cue.start, q.cue.end) for q in quotes if q.cue]
    sources = _quote_sources(doc, quotes, held, signs) + held + _descriptions(doc, table, signs, quoted)
    statements = []
    for source in sources:
        statements += _statements(doc, source, signs, issues)
    return statements


def aggregate(statements: list[Statement], table: ActorTable, issues: list[Issue]) -> list[Stance]:
    """One stance per (actor, issue): the weighted balance of its statements."""
    groups: dict[tuple[str, str], list[Statement]] = {}
    for st in statements:
        groups.setdefault((st.actor, st.issue), []).append(st)
    order = {issue.name: n for n, issue in enumerate(issues)}
    stances = []
    for (actor_id, issue), group in groups.items():
        group.sort(key=lambda s: s.start)
        weights = [WEIGHTS[s.kind] for s in group]
        score = sum(s.polarity * w for s, w in zip(group, weights, strict=True))
        total = sum(weights)
        unsure = 1.0
        for w in weights:
            unsure *= 1 - w
        if score > 0:
            label = "support"
        elif score < 0:
            label = "oppose"
        else:
            label = "neutral"
        conditions = []
        backing = [s for s in group if s.polarity > 0]
        for s in backing:
            if s.condition and s.condition not in conditions:
                conditions.append(s.condition)
        if label == "support" and backing and all(s.condition for s in backing):
            label = "conditional"  # every supporting word came with a condition
        agreement = abs(score) / total if label != "neutral" else 0.5
        actor = table.get(actor_id)
        stances.append(
            Stance(
                actor=actor_id,
                actor_name=actor.name,
                issue=issue,
                stance=label,
                confidence=round(agreement * (1 - unsure), 2),
                condition="; ".join(conditions)
                if conditions and label in {"support", "conditional"}
                else None,
                evidence=[Span(s.start, s.end, s.text) for s in group],
                quotes=sorted({s.quote for s in group if s.quote is not None}),
            )
        )
    stances.sort(key=lambda s: (order.get(s.issue, len(order)), s.evidence[0].start))
    return stances


def find_stances(doc: Doc, table: ActorTable, quotes: list[Quote], issues: list[Issue]) -> list[Stance]:
    """Stances of ``doc``'s actors on ``issues`` (offsets relative to ``doc.text``)."""
    return aggregate(find_statements(doc, table, quotes, issues), table, issues)


class StanceComponent:
    """The ``stancemap_stances`` pipe: stances on the issues of a watchlist (none without one)."""

    def __init__(self, watchlist: str | None = None, issues: list[Issue] | None = None):
        self.issues = list(issues) if issues is not None else (load_watchlist(watchlist) if watchlist else [])

    def __call__(self, doc: Doc) -> Doc:
        table = doc._.actor_table
        doc._.stances = find_stances(doc, table, doc._.quotes or [], self.issues) if table is not None else []
        return doc
