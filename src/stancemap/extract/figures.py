"""Figures: numeric claims with what they measure, whose they are, and how they are qualified.

"The UK currently spends around 2.3% of gross national product on defence" gives 2.3 %, holder
United Kingdom, what "defence spending, share of gross national product", qualifier "current, around".

The parse path from the number up to its sentence's root decides: the nearest held noun on it says
whose claim the figure is and what kind ("calls from Mr Trump to reach 5%": demanded; "Mr Rutte's
suggestion that allies should spend more than 3%": suggested; "a plan to increase it to 2.5%":
target), else the nearest clause subject that names an actor ("The UK currently spends ..."). A
figure someone wants, demands, calls for or urges is theirs and demanded ("Unions want a 10% pay
rise"), named by the subject as written when it is no actor, but one they do not want is no demand
("Ministers do not want a 10% pay rise"); the amount a change is measured from is previous ("£2bn on
schools, up from £1.5bn last year", "from £10bn to £12bn").

Money keeps its currency: "£2bn" is GBP, "US$5bn" USD, "HK$4bn" HKD, "¥500bn" JPY, "5 million euros"
EUR, though the entity recogniser often leaves the sign out of the entity, misses the amount
("£1.5bn"), reads it as something else ("¥450bn" as a person) or reads the number without its
currency's name ("5 million").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..model import Figure
from .actors import ActorTable
from .syntax import actor_of, holder_of_noun, subject_of

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# A currency's sign before the amount: "£2bn", "US$5bn", "HK$4bn" (the sign may be a token of its own
# or the start of the number's token).
_SIGN_CODES = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
}
_SIGNS_LONGEST_FIRST = sorted(_SIGN_CODES, key=len, reverse=True)  # "us$" before "$"
# A token that is a sign and its number at once: "HK$4bn", "HK$40" (before "million").
_SIGNED_NUMBER = re.compile(r"(?:[a-z]{1,3})?\$\d|[£€¥]\d", re.I)
# A currency named after the amount: "5 million euros", "300 billion yen".
_CURRENCY_WORDS = {
    "dollars": "USD",
    "pounds": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
    "jpy": "JPY",
}
# A dollar named with its country's adjective: "5 billion Australian dollars" is AUD, not USD.
_DOLLAR_CODES = {
    "australian": "AUD",
    "canadian": "CAD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
}
_DOLLARS = re.compile(rf"\b({'|'.join(_DOLLAR_CODES)})\s+dollars?\b")
# Words that make a sentence about money, so that "25 pounds" in it is money, not a weight: "paid 25
# pounds for the ticket", but "helped her lose 25 pounds".
_MONEY_CONTEXT = {
    *("pay", "pays", "paid", "paying", "payment", "cost", "costs", "costing", "price", "prices", "priced"),
    *("spend", "spends", "spent", "spending", "budget", "fund", "funds", "funded", "funding", "worth"),
    *("buy", "buys", "bought", "sell", "sells", "sold", "invest", "invested", "investment", "donated"),
    *("donation", "lend", "lent", "loan", "loans", "borrow", "borrowed", "owe", "owes", "owed", "debt"),
    *("fined", "fine", "charge", "charged", "fee", "fees", "earn", "earns", "earned", "salary", "wage"),
    *("wages", "tax", "taxes", "money", "cash", "grant", "grants", "aid", "bill", "afford", "valued"),
    *("revenue", "profit", "profits", "raised", "raise", "bid", "deal", "compensation", "subsidy"),
}
# "5 million pounds of beef" is a weight; "5 million pounds of funding" still money.
_MONEY_NOUNS = {"money", "funding", "investment", "aid", "spending", "cuts", "savings", "debt", "borrowing"}
# Words before a number that bound or round it.
_BOUNDS = [
    (("more", "than"), "more than"),
    (("over",), "more than"),
    (("above",), "more than"),
    (("at", "least"), "at least"),
    (("less", "than"), "less than"),
    (("under",), "less than"),
    (("below",), "less than"),
    (("up", "to"), "up to"),
    (("around",), "around"),
    (("about",), "around"),
    (("roughly",), "around"),
    (("approximately",), "around"),
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("some",), "around"),
]
# Nouns that make a figure someone's claim of a kind.
_MODAL_NOUNS = {
    "call": "demanded",
    "calls": "demanded",
    "demand": "demanded",
    "demands": "demanded",
    "suggestion": "suggested",
    "proposal": "suggested",
    "recommendation": "suggested",
    "plan": "target",
    "plans": "target",
    "target": "target",
    "goal": "target",
    "aim": "target",
    "commitment": "target",
    "pledge": "target",
    "promise": "target",
    "forecast": "forecast",
    "estimate": "estimate",
}
_MODAL_VERBS = {
    "aims": "target",
    "aim": "target",
    "plans": "target",
    "pledged": "target",
    "suggested": "suggested",
    "proposed": "suggested",
    "forecast": "forecast",
    "expects": "forecast",
    "expected": "forecast",
}
# Verbs whose subject wants the figure: "Unions want a 10% pay rise"; "call" only as "call for".
_DEMAND_VERBS = {
    *("want", "wants", "wanted", "wanting", "demand", "demands", "demanded", "demanding"),
    *("urge", "urges", "urged", "urging"),
}
_CALL = {"call", "calls", "called", "calling"}
_NOW = {"currently", "now", "today", "presently"}
_RANGE = {"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying"}
# Nouns that name a measured quantity ("defence spending", "inflation").
_MEASURES = {
    "spending",
    "budget",
    "growth",
    "inflation",
    "unemployment",
    "rate",
    "tax",
    "taxes",
    "debt",
    "deficit",
    "turnout",
    "price",
    "prices",
    "cost",
    "costs",
    "wage",
    "wages",
    "emissions",
    "support",
    "funding",
    "investment",
    "share",
    "gdp",
    "output",
    "exports",
    "imports",
    "income",
    "revenue",
    "troops",
    "aid",
}
# A bare number is a figure only when it counts something worth tracking.
_COUNTED = {
    "troops",
    "soldiers",
    "people",
    "jobs",
    "refugees",
    "deaths",
    "casualties",
    "votes",
    "members",
    "homes",
    "patients",
    "workers",
    "migrants",
    "weapons",
    "missiles",
    "tanks",
    "jets",
    "drones",
}


def _value(ent: Span) -> tuple[float, str | None] | None:
    text = ent.text.lower()
    match = _NUMBER.search(text)
    if not match:
        return None
    value = float(match.group().replace(",", ""))
    rest = text[match.end() :]
    scale = re.match(r"\s*(thousand|million|billion|trillion|mn|bn|tn|k|m|b)\b", rest)
    if scale:
        value *= _SCALE[scale.group(1)]
    if ent.label_ == "PERCENT":
        return value, "%"
    if ent.label_ == "MONEY":
        return value, _currency(text, match)
    if ent.label_ == "QUANTITY":
        words = (rest[scale.end() :] if scale else rest).split()  # "5 million pounds": pounds
        return value, words[0] if words else None
    head = ent.root.head if ent.root.dep_ == "nummod" else None
    return value, head.lower_ if head is not None else None


def _currency(text: str, number: re.Match) -> str | None:
    """The currency of an amount's text (lower case): its sign just before the number ("us$5bn",
    "€ 3bn"), else a currency's name after it ("2 billion pounds", "5 billion australian dollars")."""
    before = text[: number.start()].rstrip()
    sign = next((sign for sign in _SIGNS_LONGEST_FIRST if before.endswith(sign)), None)
    if sign == "$" and before[:-1][-1:].isalpha():
        return None  # another country's dollar ("NT$", "Z$"): not the US one
    if sign is not None:
        return _SIGN_CODES[sign]
    rest = text[number.end() :]
    dollars = _DOLLARS.search(rest)
    if dollars:
        return _DOLLAR_CODES[dollars[1]]  # "5 billion Australian dollars"
    words = re.findall(r"[a-z]+", rest)
    return next((_CURRENCY_WORDS[w] for w in words if w in _CURRENCY_WORDS), None)


def _bound(doc: Doc, ent: Span) -> tuple[str | None, int]:
    """A bounding word before the number, inside or just before the entity, and where the figure starts."""
    first_digit = next((t.i for t in ent if any(ch.isdigit() for ch in t.text)), ent.start)
    for words, label in _BOUNDS:
        n = len(words)
        start = first_digit - n
        if start >= max(0, ent.start - n) and all(doc[start + k].lower_ == words[k] for k in range(n)):
            return label, min(start, ent.start)
    return None, ent.start


def _path(token: Token) -> list[Token]:
    path = []
    while token.head.i != token.i:
        token = token.head
        path.append(token)
    return path


def _holder_and_kind(
    doc: Doc, table: ActorTable, path: list[Token]
) -> tuple[str | None, str | None, str | None]:
    """The holder's actor id, the kind of figure, and for a demand whose subject names no actor
    ("Unions want ...") the subject as written."""
    kind = None
    for token in path:
        if token.pos_ in {"NOUN", "PROPN"}:
            if kind is None and token.lower_ in _MODAL_NOUNS:
                kind = _MODAL_NOUNS[token.lower_]
            holder = holder_of_noun(doc, table, token) if token.lower_ in _MODAL_NOUNS else None
            if holder:
                return holder, kind, None
        elif token.pos_ in {"VERB", "AUX"}:
            if kind is None and token.lower_ in _MODAL_VERBS:
                kind = _MODAL_VERBS[token.lower_]
            if token.lower_ in _DEMAND_VERBS or (
                token.lower_ in _CALL and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
            ):
                # Whoever wants it holds the figure, not whoever reports the wish ("Reeves said unions
                # want ..."): stop at this subject even when it is no actor.
                subject = subject_of(token)
                holder = actor_of(doc, table, subject)
                if any(c.dep_ == "neg" for c in token.children):
                    # "Ministers do not want a 10% pay rise": a figure refused is no demand, and not the
                    # reporter's either; the subject holds it only as an actor ("Germany does not want to
                    # spend more than 2%": its ceiling).
                    return holder, kind, None
                named = (
                    _words(subject) if subject is not None and not holder and subject.pos_ != "PRON" else None
                )
                return holder, kind or "demanded", named
            # "currently spends", "spends": a present figure (a modal, "will spend", is not).
            present = any(c.lower_ in _NOW for c in token.children) or token.tag_ in {"VBZ", "VBP"}
            if kind is None and present and not any(c.dep_ == "aux" for c in token.children):
                kind = "current"
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            holder = actor_of(doc, table, subject) if subject is not None else None
            if holder:
                return holder, kind, None
    return None, kind, None


def _words(noun: Token) -> str:
    """A noun phrase as written, up to its noun and without its article: "Unions", "teaching unions"."""
    return " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ != "det")


def _what(doc: Doc, ent: Span, root: Token, path: list[Token]) -> str | None:
    parts = []
    spend = next(
        (t for t in path if t.lower_ in {"spend", "spends", "spent", "spending"} and t.pos_ == "VERB"), None
    )
    if spend is not None:
        # "spends 2.3% of GNP on defence": the "on" may hang off the verb or off the last noun.
        on = next((t for t in spend.subtree if t.dep_ == "prep" and t.lower_ == "on"), None)
        pobj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if pobj is not None:
            parts.append(f"{pobj.text.lower()} spending")
    # "a 10% pay rise": the noun the figure qualifies ("a 2.5% share of ..." is read below)
    head = root.head
    if (
        not parts
        and ent.label_ != "CARDINAL"
        and root.dep_ in {"compound", "nummod", "amod"}
        and head.pos_ == "NOUN"
        and head.i >= ent.end
        and head.lower_ != "share"
    ):
        parts.append(" ".join([*(t.lower_ for t in head.lefts if t.i >= ent.end), head.lower_]))
    if not parts:
        sent = root.sent
        chunks = [
            c
            for c in sent.noun_chunks  # the sentence's, not the whole doc's once per figure
            if c.root.lower_ in _MEASURES and c.end <= ent.start and c.root.lower_ != "share"
        ]
        if chunks:
            words = [t.text.lower() for t in chunks[-1] if t.dep_ not in {"det", "poss"} and t.pos_ != "PRON"]
            parts.append(" ".join(words))
    # "2.3% of gross national product", "a 2.5% share of the economy"
    for token in (root, root.head):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                words = [t.text for t in pobj.subtree if t.dep_ not in {"det", "prep"} and t.i <= pobj.i]
                parts.append("share of " + " ".join(words))
            break
    return ", ".join(parts) or None


def _amounts(doc: Doc) -> list[Span]:
    """The entities figures are read from, with the currency sign and the scale that the entity
    recogniser often leaves out ("£2bn" read as "2bn", "$40m" as "40") put back, a currency named after
    the number taken in ("5 million euros" read as "5 million"), and signed amounts it missed or
    mislabelled ("up from £1.5bn", "¥450bn" read as a person, "£12bn" as an ordinal) added as money."""
    spans, taken = [], set()
    for ent in (part for whole in doc.ents for part in _ends_of_change(whole)):
        if ent.label_ not in {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}:
            continue
        if ent.label_ in {"MONEY", "CARDINAL"} and ent.start > 0 and doc[ent.start - 1].lower_ in _SIGN_CODES:
            ent = Span(doc, ent.start - 1, _scaled(doc, ent.end), label="MONEY")
        elif ent.label_ in {"MONEY", "CARDINAL"} and _SIGNED_NUMBER.match(ent.text):
            ent = Span(doc, ent.start, _scaled(doc, ent.end), label="MONEY")  # "HK$40 million"
        elif ent.label_ in {"MONEY", "QUANTITY", "CARDINAL"} and (named := _named_currency(doc, ent)):
            # "5 million euros", "25 pounds": money, a weight ("lose 25 pounds", "5 million pounds of
            # beef"), or no amount at all ("2 euro coins")
            word, end = named
            if _unsigned_money(doc, ent, word, end):
                ent = Span(doc, ent.start, max(end, ent.end), label="MONEY")
            elif doc[word].lower_ == "euro":
                continue  # "2 euro coins", "the euro zone"
            elif ent.label_ != "CARDINAL":
                ent = Span(doc, ent.start, max(end, ent.end), label="QUANTITY")
        elif ent.label_ == "MONEY":
            ent = Span(doc, ent.start, _scaled(doc, ent.end), label="MONEY")
        spans.append(ent)
        taken.update(range(ent.start, ent.end))
    for token in doc:
        if token.i in taken:
            continue
        if token.lower_ in _SIGN_CODES and token.i + 1 < len(doc):
            number = doc[token.i + 1]
            if number.text[:1].isdigit() and number.i not in taken:
                spans.append(Span(doc, token.i, _scaled(doc, number.i + 1), label="MONEY"))
                taken.update(range(token.i, number.i + 1))
        elif _SIGNED_NUMBER.match(token.text):
            spans.append(Span(doc, token.i, _scaled(doc, token.i + 1), label="MONEY"))  # "HK$4bn"
            taken.add(token.i)
    return sorted(spans, key=lambda span: span.start)


def _ends_of_change(ent: Span) -> list[Span]:
    """An entity that runs over both ends of a change or a range ("from 2.3% to 2.5%" read as one
    PERCENT "2.3% to 2.5%"), as its two amounts; any other entity as it is."""
    if ent.label_ not in {"PERCENT", "MONEY"}:
        return [ent]
    doc = ent.doc
    for token in ent[1:-1]:
        before, after = doc[ent.start : token.i].text, doc[token.i + 1 : ent.end].text
        if token.lower_ == "to" and any(c.isdigit() for c in before) and any(c.isdigit() for c in after):
            return [
                Span(doc, ent.start, token.i, label=ent.label_),
                Span(doc, token.i + 1, ent.end, label=ent.label_),
            ]
    return [ent]


def _named_currency(doc: Doc, ent: Span) -> tuple[int, int] | None:
    """Where a currency named after an amount's number is ("5 million euros", "5 billion Australian
    dollars"), inside the entity or just after it: the currency word's index and where the name ends."""
    digits = [t.i for t in ent if any(ch.isdigit() for ch in t.text)]
    if not digits:
        return None
    i = _scaled(doc, digits[-1] + 1)
    for width in (1, 2, 3):  # "euros", "Australian dollars", "Hong Kong dollars"
        if i + width > len(doc):
            break
        words = doc[i : i + width]
        last = words[-1].lower_
        if width == 1 and last in _CURRENCY_WORDS:
            return words[-1].i, words[-1].i + 1
        if width > 1 and last in {"dollars", "dollar"} and _DOLLARS.fullmatch(words.text.lower()):
            return words[-1].i, words[-1].i + 1
    return None


def _unsigned_money(doc: Doc, ent: Span, word: int, end: int) -> bool:
    """Whether an amount whose currency is named by a word, not a sign, is money: with a scale word
    ("5 million euros") or in a sentence about money ("paid 25 pounds for the ticket"), but not a
    weight of something ("5 million pounds of beef", "helped her lose 25 pounds") nor the singular
    "euro" before a noun ("2 euro coins")."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.lower_ == "of":
        thing = next((c for c in after.children if c.dep_ == "pobj"), None)
        if thing is None and end + 1 < len(doc):
            thing = doc[end + 1]
        if thing is not None and thing.pos_ in {"NOUN", "PROPN"} and thing.lower_ not in _MONEY_NOUNS:
            return False  # "5 million pounds of beef"
    scaled = any(t.lower_.rstrip(".") in _SCALE for t in doc[ent.start : word])
    if doc[word].lower_ == "euro" and after is not None and after.pos_ in {"NOUN", "PROPN"} and not scaled:
        return False  # "2 euro coins"
    return scaled or any(t.lower_ in _MONEY_CONTEXT for t in doc[word].sent)


def _scaled(doc: Doc, end: int) -> int:
    """Where an amount ends, taking in a scale word after it: "£1.5 billion", "$40m", "£3m."."""
    return end + 1 if end < len(doc) and doc[end].lower_.rstrip(".") in _SCALE else end


def _previous(root: Token) -> bool:
    """The amount a change is measured from: "up from £1.5bn", "rose to €3bn from €2.5bn", "increase
    the budget from £10bn to £12bn" (where "to" may hang from "from" itself)."""
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    change = root.head.head
    if change.lower_ in _RANGE:
        return False  # "tariffs ranging from 5 percent to 25 percent": both ends hold now
    return change.lower_ in {"up", "down"} or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in [*change.children, *root.head.children]
    )


def _number_root(ent: Span) -> Token:
    """The token an amount hangs by, leaving out a sign the parser attached elsewhere ("¥" of "¥500bn"
    may hang from the verb, as punctuation)."""
    start = ent.start
    while start + 1 < ent.end and ent.doc[start].lower_ in _SIGN_CODES:
        start += 1
    return ent.doc[start : ent.end].root


def find_figures(doc: Doc, table: ActorTable) -> list[Figure]:
    """Percentages, amounts of money, quantities and counts of things, with holder and qualifier."""
    figures = []
    for ent in _amounts(doc):
        root = _number_root(ent)
        if ent.label_ == "CARDINAL":
            head = root.head
            if (
                not any(ch.isdigit() for ch in ent.text)
                or root.dep_ != "nummod"
                or head.lower_ not in _COUNTED
            ):
                continue
        parsed = _value(ent)
        if parsed is None:
            continue
        value, unit = parsed
        bound, start = _bound(doc, ent)
        path = _path(root)
        holder_id, kind, named = _holder_and_kind(doc, table, path)
        if _previous(root):
            kind = "previous"  # not what anyone holds now, plans or demands
        qualifier = ", ".join(q for q in (kind, bound) if q) or None
        # A figure's text runs from the bounding word to the number ("more than 3%").
        span = doc[start : ent.end]
        text = span.text.rstrip(".")  # "£3m." at a sentence's end is one token
        figures.append(
            Figure(
                start=span.start_char,
                end=span.start_char + len(text),
                text=text,
                value=value,
                unit=unit,
                what=_what(doc, ent, root, path),
                holder=table.get(holder_id).name if holder_id else named,
                holder_actor=holder_id,
                qualifier=qualifier,
            )
        )
    return figures
