"""The attribution that follows a direct quote: "“…,” Trump barked", "“…,” said Bolton",
"“…,” Ramos, 58, told AFP".

News prose attributes most direct quotes this way, with any verb at all ("continued", "quipped",
"interrupted"), and the parser often misreads it: it makes the verb part of the quoted clause and
takes a pronoun inside the quote for its subject. Read by word shape instead of by parse, the
pattern is reliable: a closing mark with a comma, then a name and a verb, or a verb and a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CUE_FORMS

# A closing mark as the tokenizer leaves it; "“" too, where the quote finder read it as a typo'd close,
# and "’" of a passage in single marks.
_CLOSING = {"”", '"', "''", "“", "’"}
# How a speaker phrase may begin: a subject pronoun, or a determiner or quantifier before a
# described person or group.
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "one", "another"}
# Quantifiers open a described group ("some protesters chanted") but also the reporter's own clause
# after a title ("After “Jaws,” many viewers stayed out of the water"): see quotes._spoken.
QUANTIFIERS = {"some", "several", "many"}
_PHRASE_OPENERS = DETERMINERS | QUANTIFIERS
# Words that stand for one of a group already described ("“…,” one said", "“…,” tweeted another").
_ONE_OF_THEM = {"one", "another"}
# Words that stand for a speaker only right before a verb of speaking.
_STANDS_IN = {"it", *_ONE_OF_THEM}
_NAME_TAGS = {"NNP", "NNPS"}
_NOUN_PHRASE_TAGS = {"JJ", "VBN", "NN", "NNS", "NNP", "NNPS", "HYPH", "CD", "POS"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
# What may follow a participle inside a noun phrase ("the first declared candidate").
_INSIDE_PHRASE_TAGS = _NOUN_PHRASE_TAGS - {"VBN"}
_VERB_TAGS = {"VBD", "VBZ", "VBP", "VBN"}
# Forms of verbs that carry no attribution ("“…,” he was …"); matched by form: no lemmatizer runs.
_NOT_ATTRIBUTION = {
    *[
        "is",
        "are",
        "was",
        "were",
        "been",
        "be",
        "am",
        "has",
        "have",
        "had",
        "does",
        "did",
        "do",
        "got",
        "gets",
        "seems",
        "seemed",
        "became",
        "becomes",
    ]
}
_HAVE = {"has", "have", "had"}
# How the words of a text are reported ("“…,” the email read"), a verb the lexicon leaves out: "I read
# that …" is no attribution.
_READS = {"read", "reads"}
# An appositive between the speaker and the verb ("Ramos, 58, told") ends at a comma fewer than
# this many tokens after the one that opens it.
_APPOSITIVE_REACH = 12
# A speaker phrase spans at most this many tokens after its first.
_PHRASE_REACH = 6
# A relative clause after the speaker ("an intelligence source, who was not authorized to speak on
# the record, told …") ends at a comma fewer than this many tokens after the one that opens it.
_RELATIVE_REACH = 20
# Prepositions that place or qualify a described speaker ("a Democratic staffer in the room").
_PLACING = {"in", "at", "from", "for", "of", "with", "on"}


def attribution_after(doc: Doc, end_char: int) -> tuple[Token, Token] | None:
    """(verb, speaker head) of the attribution right after a quote that ends at ``end_char``."""
    last = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
    if not last or last[-1].text not in _CLOSING:  # None, or empty: the quote ends in a space
        return None
    mark = last[-1]
    i = _skip_space(doc, mark.i + 1)
    comma_inside = mark.i > 0 and doc[mark.i - 1].text in {",", "—", "–", "-"}
    asked = mark.i > 0 and doc[mark.i - 1].text in {"?", "!"}
    if i < len(doc) and doc[i].text == ",":
        comma_inside, i = True, _skip_space(doc, i + 1)
    if i >= len(doc) or not (comma_inside or asked):
        return None
    found = _name_then_verb(doc, i) or _verb_then_name(doc, i)
    if found is None or comma_inside or doc[i].text[:1].islower():
        return found
    # After "?”" or "!”" a capital may open a new sentence ("“…?” Police arrived minutes later"):
    # only a verb of speaking, a person, or a verb that ends its clause attributes ("“…?” Hannity
    # pressed.", "“…?” Trump went on, …"), only on the same line, and never a date ("“…!” Thursday").
    between = doc[mark.i + 1 : i]
    verb, head = found
    if any("\n" in t.text for t in between) or head.ent_type_ in {"DATE", "TIME"}:
        return None
    return (
        found if verb.lower_ in CUE_FORMS or head.ent_type_ == "PERSON" or _ends_clause(doc, verb) else None
    )


def _ends_clause(doc: Doc, verb: Token) -> bool:
    """Whether nothing but particles stands between ``verb`` and a punctuation mark ("Hannity pressed.",
    "Trump went on, …")."""
    after = verb.i + 1
    while after < len(doc) and doc[after].tag_ == "RP":
        after += 1
    return after >= len(doc) or doc[after].is_punct


def _reporting_form(token: Token) -> bool:
    return token.lower_ in CUE_FORMS or token.lower_ in _READS


def _skip_space(doc: Doc, i: int) -> int:
    """The first token from ``i`` on that is not white space (a no-break space is a token of its own)."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i


def _name_then_verb(doc: Doc, i: int) -> tuple[Token, Token] | None:
    head, j = _name_at(doc, i)
    if head is None:
        return None
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who":
        # A relative clause, verbs and all, up to its closing comma on the same line; then only a
        # verb of speaking attributes: "…, who lost the race, conceded" is not read by shape.
        close = next(
            (k for k in range(j + 2, min(len(doc), j + _RELATIVE_REACH)) if doc[k].text == ","), None
        )
        if close is None or any("\n" in t.text for t in doc[j:close]):
            return None
        verb = _verb_at(doc, close + 1)
        return (verb, head) if verb is not None and verb.lower_ in CUE_FORMS else None
    if j < len(doc) and doc[j].text == ",":
        # An appositive ("Ramos, 58,", "Smith, a spokesman for the group,") up to the next comma.
        close = next(
            (k for k in range(j + 1, min(len(doc), j + _APPOSITIVE_REACH)) if doc[k].text == ","), None
        )
        if close is None or any(t.tag_ in _VERB_TAGS | {"VB", "MD"} for t in doc[j + 1 : close]):
            return None
        j = close + 1
    if j < len(doc) and doc[j].tag_ == "RB":
        j += 1  # "he later said", "she also told"
    verb = _verb_at(doc, j)
    placed = _past_placing(doc, j) if verb is None else j
    if placed > j:
        # After a placing phrase only a verb of speaking, or one that ends its clause, attributes
        # ("a Democratic staffer in the room wondered."): "the man in the hoodie walked away" does not.
        verb = _verb_at(doc, placed)
        if verb is not None and not (_reporting_form(verb) or _ends_clause(doc, verb)):
            verb = None
    return (verb, head) if verb is not None else None


def _past_placing(doc: Doc, j: int) -> int:
    """The index after a short prepositional phrase at ``j`` ("in the room", "on the website"), else ``j``."""
    if j >= len(doc) or doc[j].lower_ not in _PLACING:
        return j
    k = j + 1
    if k < len(doc) and doc[k].tag_ in {"DT", "PRP$"}:
        k += 1
    first = k
    while (
        k < len(doc)
        and k - j <= _PHRASE_REACH - 1
        and doc[k].lower_ not in _READS  # "a sign on the door read", which the tagger calls a noun
        and (doc[k].tag_ in _NOUN_PHRASE_TAGS or _name_like(doc[k]))
    ):
        k += 1
    return k if k > first else j


def _verb_then_name(doc: Doc, i: int) -> tuple[Token, Token] | None:
    verb = _verb_at(doc, i)
    if verb is None or verb.tag_ not in {"VBD", "VBZ"}:
        return None
    head, _ = _name_at(doc, verb.i + 1, pronouns=False)
    k = verb.i + 1
    if head is None and k + 1 < len(doc) and doc[k].lower_ in _ONE_OF_THEM and doc[k + 1].is_punct:
        head = doc[k]  # "“…,” tweeted another."
    return (verb, head) if head is not None else None


def _name_at(doc: Doc, i: int, *, pronouns: bool = True) -> tuple[Token | None, int]:
    """The head of a speaker phrase starting at token ``i`` and the index after it: a pronoun, or a
    noun phrase up to its last noun ("Ben Carson", "retired neurosurgeon Ben Carson", "the New York
    businessman", "one Democrat familiar with …")."""
    if i >= len(doc):
        return None, i
    if pronouns and doc[i].lower_ in SUBJECT_PRONOUNS:
        return doc[i], i + 1
    if pronouns and doc[i].lower_ in _STANDS_IN and i + 1 < len(doc) and _reporting_form(doc[i + 1]):
        # "“…,” it read" (a letter, a statement, a sign); "“…,” one said" (one of the people just described)
        return doc[i], i + 1
    j = i + 1 if doc[i].lower_ in _PHRASE_OPENERS else i
    head = None
    while (
        j < len(doc)
        and j - i <= _PHRASE_REACH
        and not _capitalised_cue(doc[j])
        and not (j > i and doc[j].lower_ in _READS)  # "the email read", which the tagger calls a noun
        and not (j > i and doc[j - 1].tag_ == "JJ" and _cue_after_adjective(doc, j))
        and (doc[j].tag_ in _NOUN_PHRASE_TAGS or _name_like(doc[j]) or _inner_space(doc, j))
    ):
        if doc[j].tag_ in _NOUN_TAGS or _name_like(doc[j]):
            head = doc[j]
        j += 1
    if (
        j > i
        and j < len(doc)
        and doc[j - 1].tag_ == "JJ"
        and (_cue_after_adjective(doc, j) or doc[j].lower_ in _READS)
    ):
        return doc[j - 1], j  # an adjective as the noun: "the 43-year-old asked", "the editorial read"
    return (head, head.i + 1) if head is not None else (None, i)


def _cue_after_adjective(doc: Doc, j: int) -> bool:
    """A verb of speaking at ``j`` that ends a phrase headed by the adjective before it ("the 43-year-old
    asked in …"); before a noun it is a participle inside the phrase ("the first declared candidate",
    "the total estimated cost")."""
    token = doc[j]
    if token.lower_ not in CUE_FORMS or token.tag_ not in {"VBD", "VBN", "VBZ"}:
        return False
    return j + 1 >= len(doc) or doc[j + 1].tag_ not in _INSIDE_PHRASE_TAGS


def _inner_space(doc: Doc, j: int) -> bool:
    """A no-break space inside a name ("Cruz constituent\xa0Dan Golvach"): the tokenizer keeps it apart."""
    return doc[j].is_space and "\n" not in doc[j].text and j + 1 < len(doc) and _name_like(doc[j + 1])


def _capitalised_cue(token: Token) -> bool:
    past = token.lower_.endswith(("ed", "said", "wrote", "told"))
    return token.text.istitle() and token.lower_ in CUE_FORMS and past


# Tags a capitalised name gets when the tagger misses it: "said Skelly" (adverb), "“…,” Will wrote" and
# "May said" (modal).
_MISSED_NAME_TAGS = {"RB", "NN", "JJ", "VB", "VBN", "VBD", "MD"}


def _name_like(token: Token) -> bool:
    """A proper name, or a capitalised word the tagger missed as one ("said Skelly" tagged adverb);
    not a capitalised past-tense cue the tagger took for a name ("…,” Murphy Tweeted)."""
    if _capitalised_cue(token):
        return False
    return token.tag_ in _NAME_TAGS or (
        token.is_alpha and token.text.istitle() and token.tag_ in _MISSED_NAME_TAGS
    )


def _verb_at(doc: Doc, j: int) -> Token | None:
    if j >= len(doc):
        return None
    token = doc[j]
    if token.lower_ in _HAVE and j + 1 < len(doc) and doc[j + 1].tag_ == "VBN":
        token = doc[j + 1]  # "he has said"
    if token.lower_ in _NOT_ATTRIBUTION:
        return None
    if token.lower_ in _READS:
        return token  # tagged noun or base form as often as past tense
    if token.tag_ in _VERB_TAGS or token.text.istitle() and token.lower_ in CUE_FORMS:
        return token  # a capitalised cue ("…,” Murphy Tweeted) is often tagged as a name
    return None
