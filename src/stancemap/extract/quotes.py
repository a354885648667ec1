"""Quotes: direct ("…," he said), mixed (said talk was "premature") and indirect (said he would …).

Two passes meet here. Quotation marks give direct quotes whatever the parse says; reporting cues
("said", "insisted", "according to") and their clauses give indirect and mixed speech and the
speaker. A direct quote takes the cue and speaker of the cue clause that covers it, or of a cue in
its sentence, or continues the speaker of the previous paragraph's quote when it stands alone.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..clean.features import DASH
from ..model import Quote, Span, Speaker
from .actors import ActorTable
from .doctext import doc_text
from .lexicon import (
    ADDRESSEE_CUES,
    CUE_FORMS,
    DOCUMENT_NOUNS,
    PEOPLE_NOUNS,
    PRONOUNS_PERSON,
    ROLE_WORDS,
    SPEECH_NOUNS,
)
from .speakers import interrupts, resolve_speaker, speaker_of
from .trailing import DETERMINERS, QUANTIFIERS, SUBJECT_PRONOUNS, attribution_after

# Straight marks open and close alike. Two apostrophes are one straight mark, as some newspaper
# archives print quotes ("''We will win,'' she said"), but not inside a word (a typo'd "wasn''t"),
# after feet and inches (6'10'', nor a straight mark there: 7'0"), or before an elided word (a
# flattened ‘’Cause); two backticks open a quote in the same style ("``We will win,''").
_OPEN, _CLOSE = {"“", '"', "''", "``"}, {"”", '"', "''"}
_APOSTROPHES = {"''", "``"}
_ELIDED = r"(?i:cause|cos|tis|twas|em|til|bout)\b"
_QUOTE_MARKS = re.compile(r"(?<!\d'\d)(?<!\d'\d\d)(?:(?<!\w)''(?!" + _ELIDED + r")|''(?!\w)|\")|``|[“”]")
_MIN_DIRECT_WORDS = 4  # shorter quoted pieces are scare quotes or titles, part of mixed speech at most
_TRIM = " \t\n,;:—–-"
# How far after a closing mark a cue may start and still be its attribution ("…,” the former
# secretary of state told reporters on Monday).
_NEAR_AFTER = 80
# How many heads up from a quoted passage its governing verb may be.
_GOVERN_REACH = 6
# A sentence end: a stop, then a space or a closing mark.
_SENTENCE_END = re.compile(r"[.?!](?:[\s\"”’]|'')")
# Between a cue and the opening mark of its quote: no sentence end and no other quotation.
_BREAK = re.compile(_SENTENCE_END.pattern + "|" + _QUOTE_MARKS.pattern + "|‘")
# All that may stand between a cue and the quote it introduces ("said: “", "added, “").
_LEAD_IN = re.compile(r"[^\S\n]*[,:—–]?[^\S\n]*")


@dataclass
class Cue:
    token: Token
    span: Span
    speaker_head: Token | None
    content: tuple[int, int] | None  # char span of the reported content


# British news quotes speech in single marks (‘We will,’ he said) and quotes within in double ones.
# A text is in that style when single marks open more paragraphs or colon introductions than double
# ones do (a headline's ‘scare quotes’ or a nested ‘…’ do not count). An opening single mark starts a
# word, not a decade (‘80s); a closing one is never inside a word (Europe’s, don’t).
_SINGLE_OPEN = r"(?<!\w)‘(?!\d\ds\b)"
_SINGLE_MARKS = re.compile(_SINGLE_OPEN + r"|’(?!\w)")
# Any opening mark, of either style.
_OPENING = re.compile(r"(?<!\w)''|``|[\"“]|" + _SINGLE_OPEN)
_SPEECH_OPENING = r"(?:^|(?<=:))[ \t]*"
_SINGLE_OPENINGS = re.compile(_SPEECH_OPENING + r"‘(?=\w|[£$€])", re.M)
_DOUBLE_OPENINGS = re.compile(_SPEECH_OPENING + r"(?:“|\"(?=\w)|''|``)", re.M)
# A closing single mark that may be an apostrophe: after a letter and before a word ("the voters’
# wishes", "rock ’n’ roll", but also "called it ‘disastrous’ for …").
_AMBIGUOUS_CLOSE = re.compile(r"(?<=[^\W\d_])’(?= +[^\s,.;:?!)])")
# An opening mark left open runs to the end of its paragraph if that leaves at least this many
# characters: a shorter tail is a stray mark.
_MIN_OPEN_RUN = 20


def _single_marks(text: str, double: list[tuple[int, int]]) -> bool:
    """Whether ``text`` quotes speech in single marks, British style. ``double``: its passages in double
    marks, inside which a single mark after a colon is a quotation within a quotation."""
    if "‘" not in text:
        return False
    starts = [a for a, _ in double]  # in text order, and disjoint
    openings = 0
    for match in _SINGLE_OPENINGS.finditer(text):
        n = bisect.bisect_left(starts, match.end()) - 1
        openings += n < 0 or match.end() > double[n][1]
    return openings > len(_DOUBLE_OPENINGS.findall(text))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotation-marked passages, marks included, paragraph by paragraph.

    An opening mark left open at a paragraph's end runs to that end (news style re-opens the next
    paragraph with a new mark); a stray closing mark is ignored. One missing mark costs one quote,
    never the rest of the article. Passages in the text's other style of marks count where they lie
    outside its own ones (a “…” statement in a British article).
    """
    double = _double_quote_spans(text)  # curling single marks leaves double ones where they are
    text = curl_single_marks(text, double)
    single = _single_quote_spans(text)
    own, other = (single, double) if _single_marks(text, double) else (double, single)
    return sorted(own + [s for s in other if not any(_overlap(s, o) for o in own)])


_SPANS_KEY = "stancemap_quote_spans"


def doc_quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """``quote_spans`` of a Doc's text, read once per Doc."""
    spans = doc.user_data.get(_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[_SPANS_KEY] = quote_spans(doc_text(doc))
    elif spans and not isinstance(spans[0], tuple):
        # A Doc read back from bytes: msgpack gives the pairs back as lists.
        spans = doc.user_data[_SPANS_KEY] = [tuple(span) for span in spans]
    return spans


def _left_open(spans: list[tuple[int, int]], text: str, opened: int | None, para_end: int) -> None:
    """A mark still open at the paragraph's end runs to its last word, unless it is a stray one."""
    if opened is None:
        return
    para_end = opened + len(text[opened:para_end].rstrip())
    if para_end - opened > _MIN_OPEN_RUN:
        spans.append((opened, para_end))


def _double_quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        opened = opener = None
        for match in _QUOTE_MARKS.finditer(text, para.start(), para.end()):
            pos, mark = match.start(), match.group()
            if opened is None:
                # Two apostrophes glued to the word before open nothing: "55'' televisions".
                if mark in _OPEN and not (mark == "''" and pos > 0 and text[pos - 1].isalnum()):
                    opened, opener = pos, mark
            elif mark in _CLOSE and (mark in _APOSTROPHES) == (opener in _APOSTROPHES):
                # Each style closes its own: "''" inside a “…” quote is an inch mark or a typo.
                spans.append((opened, pos + len(mark)))
                opened = None
            elif mark == "“" and _reversed_close(para.group(), pos - para.start()):
                spans.append((opened, pos + 1))  # "“It's unusual,“ said Larry Noble": a typo'd close
                opened = None
            elif mark == "“":
                # An opening mark while one is open: the earlier one was unbalanced.
                opened, opener = pos, mark
        _left_open(spans, text, opened, para.end())
    return spans


def _single_quote_spans(text: str, flat: bool = False) -> list[tuple[int, int]]:
    """Spans in single marks: ‘ opens; ’ closes, unless it may be an apostrophe (see
    ``_AMBIGUOUS_CLOSE``) and a plain closing mark follows before the next opening one, or the passage
    opens its paragraph and the next paragraph goes on with it (opens with a mark: "‘We will defend
    our members’ jobs …"); not a quoted phrase in a sentence ("admitted it was ‘not acceptable’ but").
    ``flat``: the marks were straight ones (see ``curl_single_marks``), so one that would open while a
    passage is open is an apostrophe."""
    if "‘" not in text:
        return []
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        marks = list(_SINGLE_MARKS.finditer(text, para.start(), para.end()))
        goes_on = _NEXT_PARA_OPENS.match(text, para.end()) is not None
        # Read backwards once: whether a plain closing mark follows each mark before the next opening.
        plain_ahead, seen = [False] * len(marks), False
        for n in range(len(marks) - 1, -1, -1):
            plain_ahead[n] = seen
            if marks[n].group() == "‘":
                seen = False
            elif not _AMBIGUOUS_CLOSE.match(text, marks[n].start()):
                seen = True
        opened = None
        for match, plain_follows in zip(marks, plain_ahead, strict=True):
            if match.group() == "‘":
                if opened is None or not flat:
                    opened = match.start()  # opening while one is open: the earlier one was unbalanced
            elif opened is not None and not (
                _AMBIGUOUS_CLOSE.match(text, match.start())
                and (plain_follows or goes_on and _opens_speech(text, opened))
            ):
                spans.append((opened, match.end()))  # "the pensioners’ £300 payment,’": the plain mark closes
                opened = None
        _left_open(spans, text, opened, para.end())
    return spans


_NEXT_PARA_OPENS = re.compile(r"\n\s*‘")


# Flattened single marks (text typed or scraped in ASCII): a lone straight mark that starts a word
# (or a sum: '£300) after a space or an opening bracket or mark may open, unless it elides ('96, '80s,
# 'cos, rock 'n' roll); one before a space or a stop may close.
_FLAT_OPEN = re.compile(
    r"(?:^|(?<=[\s(\[“\"—–]))(?<!')'(?:(?=[^\W_]|[£$€])(?!\d\ds?\b|"
    + _ELIDED
    + r"|n')|(?='"
    + _ELIDED
    + "))",
    re.M,
)
_FLAT_CLOSE = re.compile(r"(?<=\S)(?<!')'(?!')(?!\w)")


def curl_single_marks(text: str, double: list[tuple[int, int]] | None = None) -> str:
    """``text`` with the straight single marks that quote speech made curly: 'We will,' he said →
    ‘We will,’ he said (same length, so offsets hold).

    British news quotes speech in single marks; flattened to ASCII they are apostrophes to the parser
    and to ``quote_spans``. The text is changed only when it reads in that style (see
    ``_single_marks``) and has no curly single marks of its own, and then only the marks that open and
    close a passage: an apostrophe ("don't", "the voters' wishes", "'80s") stays as it is. Quotations
    within such a passage are in double marks, so a mark that would open one inside it is an
    apostrophe ('Gers fans); one left open mid-paragraph opens nothing (The 'Boro boss) unless it
    opens a sentence and the next paragraph goes on with the passage.
    """
    if "'" not in text or "‘" in text:
        return text
    marked = _FLAT_CLOSE.sub("’", _FLAT_OPEN.sub("‘", text))
    # Lone straight marks are no double marks: the double passages are the text's own (``double``,
    # when the caller has them).
    if not _single_marks(marked, _double_quote_spans(text) if double is None else double):
        return text
    chars = list(text)
    for start, end in _single_quote_spans(marked, flat=True):
        closed = marked[end - 1] == "’"
        goes_on = _NEXT_PARA_OPENS.match(marked, end) is not None and _opens_sentence(marked, start)
        if closed or goes_on or _opens_speech(marked, start):
            chars[start] = "‘"
            if closed:
                chars[end - 1] = "’"
    return "".join(chars)


def _opens_speech(text: str, start: int) -> bool:
    """Whether the mark at ``start`` opens its paragraph or follows a colon."""
    before = text[_para_start(text, start) : start].rstrip()
    return not before or before.endswith(":")


def _para_start(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` begins."""
    return text.rfind("\n", 0, pos) + 1


def _reversed_close(para: str, at: int) -> bool:
    """An opening curly mark that closes: glued to the word or comma before it, not to the next word."""
    before = para[at - 1] if at > 0 else " "
    after = para[at + 1] if at + 1 < len(para) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:?!)")


def _cue_tokens(doc: Doc):
    """Each cue token, with the owner of a noun of speech ("her remark"), else None."""
    for token in doc:
        low = token.lower_
        owner = _speech_noun_owner(token) if token.tag_.startswith("NN") else None
        if (
            owner is not None
            or low in CUE_FORMS
            and (token.tag_.startswith("VB") or _tagged_noun_cue(doc, token))
            or low in {"put", "puts"}
            and _as_clause(token)
            and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children)
            or low == "according"
            and any(c.lower_ == "to" for c in token.children)
            or _source_in(token) is not None
        ):
            yield token, owner


_FINDINGS = {"poll", "polls", "survey", "surveys"}
_FINDING_VERBS = {"find", "finds", "found", "show", "shows", "showed"}


def _source_in(token: Token) -> Token | None:
    """The poll that an opening "In" credits with the sentence ("In a CNN/ORC poll released Monday,
    31% of Republicans said …", "In a May poll, Clinton led Trump …"), as "according to" would; not
    when someone named reports it ("In a survey of the damage, the environment secretary said …",
    "In a poll for the Guardian, Ipsos found …")."""
    if token.lower_ != "in" or not token.is_sent_start:
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ not in _FINDINGS:
        return None
    verb = token.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    reporter = (
        subject is not None
        and (verb.lower_ in CUE_FORMS or verb.lower_ in _FINDING_VERBS)
        and (
            subject.ent_type_ in {"PERSON", "ORG"}
            or subject.tag_ == "PRP"
            or _speaking_noun(subject)
            or subject.lower_ in ROLE_WORDS
        )
    )
    return None if reporter else source


def _tagged_noun_cue(doc: Doc, token: Token) -> bool:
    """A cue the tagger read as a noun right after a quote and its speaker ("…,” Bozell points out)."""
    if token.i < 2 or not token.tag_.startswith("NN"):
        return False
    name = doc[token.i - 1]
    if not (name.tag_ == "PRP" and name.lower_ not in {"it", "its"} or name.tag_ == "NNP"):
        return False
    before = doc[token.i - 2]
    while before.tag_ == "NNP" and before.i > 0 and name.tag_ == "NNP":
        before = doc[before.i - 1]
    return before.text in _CLOSE or before.text == "," and before.i > 0 and doc[before.i - 1].text in _CLOSE


def _inverted_subject(doc: Doc, token: Token) -> Token | None:
    """The speaker named after its cue ("…,” said Smith; Continued Stone: “…”): the last word of the
    proper name that follows the cue, when the cue has no subject of its own."""
    if token.lower_ in CUE_FORMS and CUE_FORMS[token.lower_] in ADDRESSEE_CUES:
        return None
    nxt = token.i + 1
    if nxt >= len(doc) or doc[nxt].tag_ != "NNP":
        return None
    prev = doc[token.i - 1] if token.i > 0 else None
    if not (
        prev is None or prev.is_sent_start or token.is_sent_start or prev.text in _CLOSE or prev.text == ","
    ):
        return None
    end = nxt
    while end + 1 < len(doc) and doc[end + 1].tag_ == "NNP":
        end += 1
    return doc[end]


def _participle_subject(doc: Doc, token: Token) -> Token | None:
    """The subject of a sentence that ends in ", saying …": its main verb's, whatever clause the
    parser hung the participle from ("Clinton has taken a swipe at Trump's stance, saying …")."""
    if token.tag_ != "VBG" or token.i == 0 or doc[token.i - 1].text != ",":
        return None
    root = token.sent.root
    return _subject(root) if root.i < token.i and root.tag_.startswith("VB") else None


def _name_before(doc: Doc, token: Token) -> Token | None:
    """The name right before a finite cue the parser left without a subject ("her senior policy
    adviser, Jake Sullivan, said:" read as an appositive of an earlier noun)."""
    if token.tag_ not in {"VBD", "VBZ", "VBP"} or token.i == 0:
        return None
    before = doc[token.i - 1]
    if before.text == ")":
        # A party label between name and verb: "Rep. Paul Ryan (R-WI) said".
        opening = next((t.i for t in reversed(doc[max(0, token.i - 8) : token.i - 1]) if t.text == "("), None)
        before = doc[opening - 1] if opening else before
    if before.text == "," and before.i > 0:
        before = doc[before.i - 1]
    return before if before.tag_ in {"NNP", "NNPS"} else None


# Dependencies a cue without a subject climbs through to find one: participles and clauses to the
# verb they modify ("…, adding:"), and nouns and prepositions to the verb that governs them
# ("issued a statement saying", "made a point of saying", "was quick to add").
_CLIMB_DEPS = {
    "advcl",
    "xcomp",
    "conj",
    "acl",
    "pcomp",
    "dobj",
    "pobj",
    "prep",
    "acomp",
    "attr",
    "oprd",
    "dative",
}
_CLIMB_REACH = 7


def _subject(token: Token) -> Token | None:
    """The subject of a cue verb, climbing from participles ("…, adding:") to the verb they modify
    and from the document that holds them ("issued a statement saying") to the verb of that document.
    A participle on any other noun makes that noun the speaker ("protesters chanting “…”"); a
    subject reached by climbing that names no one ("It would be wrong to say …") is none."""
    seen = 0
    while token is not None and seen < _CLIMB_REACH:
        # The subject nearest before the verb first: in "LONDON (Reuters) - Donald Trump said" the
        # parser gives "said" two.
        for child in sorted(token.children, key=_subject_order(token)):
            if child.dep_ in {"nsubj", "nsubjpass"}:
                # "He's said …" is "he has said", which the parser reads as a passive.
                has_said = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in token.children)
                if child.dep_ == "nsubjpass" and not has_said:
                    agent = next((c for c in token.children if c.dep_ == "agent"), None)
                    pobj = (
                        next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if agent is not None
                        else None
                    )
                    return pobj
                return None if seen and child.lower_ in _NO_SPEAKER else child
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
            token, seen = token.head.head, seen + 1  # "…, before insisting", "distanced himself by saying"
            continue
        head = token.head
        if (
            token.dep_ in {"conj", "advcl"}
            and token.lower_ in CUE_FORMS
            and head.dep_ == "ccomp"
            and head.head.lower_ in CUE_FORMS
            and head.head.i < token.i
        ):
            # "De Blasio said the move was made by Bratton and said, “…”": the parser hung the second
            # cue inside the first one's complement; its speaker is the first cue's.
            token, seen = head.head, seen + 1
            continue
        if token.dep_ == "acl" and _speaking_noun(head):
            return head
        if token.dep_ in _CLIMB_DEPS and head.i != token.i:
            token, seen = head, seen + 1
            continue
        return None
    return None


_NO_SPEAKER = {"it", "this", "there"}


def _subject_order(verb: Token):
    """The order in which to try a verb's dependants as its subject: the nearest before it first (in
    "LONDON (Reuters) - Donald Trump said" the parser gives "said" two subjects), but the one after
    it first when the attribution is inverted ("… for the EU, said Geert Wilders"), where the parser
    often also takes the reported clause's subject for the verb's."""
    inverted = (
        verb.i > 0
        and verb.nbor(-1).text in {",", *_CLOSE}
        and not any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children)
    )
    if inverted:
        return lambda c: (c.i < verb.i, abs(c.i - verb.i))
    return lambda c: (c.i > verb.i, abs(c.i - verb.i))


def _verb_cue(token: Token) -> bool:
    """A reporting verb, as the parser tagged it ("said", not the noun "claims")."""
    return token.lower_ in CUE_FORMS and token.tag_.startswith("VB")


def _outer_speaker(cue: Token) -> Token | None:
    """The subject of the nearest cue verb that reports this one, for a cue whose own subject names
    no one ("Ryan said it's unrealistic to think that …")."""
    for ancestor in cue.ancestors:
        if _verb_cue(ancestor):
            outer = _subject(ancestor)
            return outer if outer is not None and outer.lower_ not in _NO_SPEAKER else None
    return None


def _speech_noun_owner(token: Token) -> Token | None:
    """Who owns a noun of speech ("her remark that …", "Trump's call for …"): a possessive pronoun
    or name. Not inside what a verb cue reports ("said her remark …"): that verb's speaker speaks."""
    if token.lower_ not in SPEECH_NOUNS or not token.tag_.startswith("NN"):
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or owner.tag_ not in {"PRP$", "NNP", "NNPS"}:
        return None
    if any(_verb_cue(a) for a in token.ancestors):
        return None
    return owner


def _noun_content(child: Token) -> bool:
    """A dependant of a noun of speech that says what was said: a "that" clause, a "to" infinitive,
    a phrase on "for" ("a call for …"), or one on "about" or "on" that quotes ("his statement about
    “thousands of shootings”"). Unquoted, such a phrase names a topic ("remarks about immigrants");
    a phrase on "to" names an addressee ("her question to the panel")."""
    if child.dep_ in {"acl", "ccomp"} and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in child.children
    ):
        return True
    if child.dep_ == "acl" and child.tag_ == "VB":
        return True
    if child.dep_ != "prep":
        return False
    quoting = child.lower_ in {"about", "on"} and any(
        t.text in _OPEN or t.text in _CLOSE for t in child.subtree
    )
    return child.lower_ == "for" or quoting


_SENDING = {
    "emailed",
    "emails",
    "sent",
    "sends",
    "told",
    "tells",
    "wrote",
    "writes",
    "urged",
    "texted",
    "called",
}


def _document(noun: Token) -> bool:
    """A noun of speech or of what words are published in, singular or plural ("statements")."""
    return noun.lower_ in DOCUMENT_NOUNS or noun.lower_.rstrip("s") in DOCUMENT_NOUNS


def _speaking_noun(noun: Token) -> bool:
    """A noun that names who speaks ("protesters chanting “…”", "a spokesman saying …"), not a
    document or a thing ("a statement saying", "an agreement barring …")."""
    if _document(noun):
        return False
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "to"
        or noun.dep_ in {"dobj", "dative"}
        and noun.head.lower_ in _SENDING
    ):
        return False  # the addressee: "emailed supporters saying …", "an email to supporters stating …"
    return noun.ent_type_ in {"PERSON", "NORP", "ORG"} or noun.lower_ in PEOPLE_NOUNS


def _as_clause(token: Token) -> bool:
    """A reporting "as" clause before the clause it introduces ("As Vulture put it, …", "as Ryan has
    pointed out, …", "As Clinton told the Daily News, …"). A cue with an object of its own says
    when, not what ("As the company announced layoffs, shares fell"); so does "as he spoke"."""
    objects = [c for c in token.children if c.dep_ == "dobj" and c.lower_ != "it"]
    return (
        token.dep_ == "advcl"
        and token.i < token.head.i
        and CUE_FORMS.get(token.lower_) != "speak"
        and not (objects and CUE_FORMS.get(token.lower_) not in ADDRESSEE_CUES)
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < token.i for c in token.children)
    )


def _char_span(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc_text(doc)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end - start > 1 else None


def _contiguous(tokens: list[Token], stop: set[int]) -> list[Token]:
    """Tokens from the first up to (not including) the first token in ``stop``."""
    out = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i in stop:
            if out:
                break
            continue
        if out and token.i != out[-1].i + 1:
            break
        out.append(token)
    return out


def _content(
    doc: Doc, cue: Token, clauses: dict[int, set[int]], *, owned_noun: bool = False
) -> tuple[int, int] | None:
    """The reported content of a cue: its complement clause, or the clause it is attached to.

    ``clauses`` maps each cue that heads a clause of its own to the tokens of that clause: another
    cue's clause is never part of this cue's content. ``owned_noun``: the cue is a noun of speech
    with an owner ("her remark that …").
    """
    nested = set().union(*(tokens for i, tokens in clauses.items() if i != cue.i))
    if owned_noun:
        # "her remark that “…”", "his call for “a total and complete ban”": the clause or the
        # phrase the noun heads.
        parts = [c for c in cue.children if c.i > cue.i and _noun_content(c)]
        tokens = sorted((t for c in parts for t in c.subtree), key=lambda t: t.i)
        if tokens and (tokens[0].lower_ in {"that", "to"} or tokens[0].dep_ == "prep"):
            tokens = tokens[1:]
        return _char_span(doc, _contiguous(tokens, nested))
    if cue.lower_ in {"according", "in"}:  # "in" is a cue only as a poll's (see _source_in)
        clause = cue.head
        while clause.dep_ not in {"ROOT", "ccomp"} and clause.head.i != clause.i:
            clause = clause.head
        skip = {t.i for t in cue.subtree}
        para_start = _para_start(doc_text(doc), cue.idx)
        tokens = [t for t in clause.subtree if t.i not in skip and t.idx >= para_start and not t.is_space]
        return _char_span(doc, _contiguous(tokens, nested | skip))
    for child in cue.children:
        if child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "dobj" and child.tag_.startswith("VB")):
            tokens = [t for t in child.subtree if t.dep_ != "mark" or t.i != child.left_edge.i]
            if child.dep_ == "ccomp" and not any(c.dep_.startswith("nsubj") for c in child.children):
                # "insisted Ukraine's voice must be …": the parser took the clause subject for an object.
                obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < child.i), None)
                if obj is not None:
                    tokens = [*obj.subtree, *tokens]
            tokens = [t for t in tokens if not (t.i == child.left_edge.i and t.lower_ in {"that", "to"})]
            # "insisted Ukraine's voice must be heard amid fears of …": an "amid" phrase on the
            # reported clause's own verb is the reporter's setting for the report, not its content.
            setting = {t.i for c in child.children if c.lower_ == "amid" and c.i > child.i for t in c.subtree}
            tokens = [t for t in tokens if t.i not in setting]
            # A cue heading this complement is reported within it ("said that critics had been
            # predicting …"), not a clause of its own beside it.
            span = _char_span(doc, _contiguous(tokens, nested - clauses.get(child.i, set())))
            if span:
                return span
    if _as_clause(cue):
        # "As Milbank puts it, “…”", "as Ryan has pointed out, that's …": the clause the "as"
        # clause introduces is what was said.
        own = {t.i for t in cue.subtree}
        para_start = _para_start(doc_text(doc), cue.idx)
        tokens = [t for t in cue.head.subtree if t.i > cue.i and t.i not in own and t.idx >= para_start]
        return _char_span(doc, _contiguous(tokens, nested))
    has_subject = any(c.dep_.startswith("nsubj") for c in cue.children)
    if cue.dep_ == "ccomp" and _verb_cue(cue.head):
        return None  # the complement of another cue: that cue reports it
    if cue.i > cue.head.i and (cue.dep_ in {"parataxis", "ccomp"} or (cue.dep_ == "advcl" and has_subject)):
        # "Countries must commit …, he said": the content is the clause before the cue.
        own = {t.i for t in cue.subtree}
        sent = cue.sent
        # Never across a paragraph break: the parser sometimes runs a sentence over one.
        para_start = _para_start(doc_text(doc), cue.idx)
        tokens = [t for t in doc[sent.start : cue.left_edge.i] if t.i not in own and t.idx >= para_start]
        return _char_span(doc, _contiguous(tokens, nested))
    if _parenthetical(cue):
        # "In his state, Christie said, offenders are sent to treatment": the whole sentence the
        # cue interrupts is what was said, the cue within it, as annotators mark it.
        para_start = _para_start(doc_text(doc), cue.idx)
        # A clause coordinated after it with a cue of its own is reported on its own ("…, and
        # inflation, she added, is falling").
        after = [
            c
            for c in cue.head.children
            if c.dep_ == "conj" and c.i > cue.i and any(t.i in nested for t in c.subtree)
        ]
        end = min((c.left_edge.i for c in after), default=cue.head.right_edge.i + 1)
        while end - 1 > cue.i and doc[end - 1].dep_ in {"cc", "punct"}:
            end -= 1  # ", and" before it
        tokens = [t for t in cue.head.subtree if t.i < end and t.idx >= para_start and not t.is_space]
        while tokens and tokens[-1].text in {".", ","}:
            tokens.pop()  # the stop or the comma before the next clause is not part of what was said
        return _char_span(doc, _contiguous(tokens, nested))
    if cue.tag_.startswith("VB"):
        # No clause reported: what the cue is about ("tweeted a chart of …", "called for higher
        # taxes", "slammed his proposal as too vague"); an addressee alone ("told reporters") is not.
        objects = [
            c
            for c in cue.children
            if c.i > cue.i
            and (c.dep_ in {"dobj", "dative", "oprd"} or c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS)
        ]
        if CUE_FORMS.get(cue.lower_) in ADDRESSEE_CUES:
            objects = [c for c in objects if c.dep_ == "prep"]
        if objects:
            tokens = sorted((t for c in objects for t in c.subtree), key=lambda t: t.i)
            if tokens[0].dep_ == "prep" and tokens[0].head.i == cue.i:
                tokens = tokens[1:]  # "called for higher taxes": the preposition belongs to the cue
            return _char_span(doc, _contiguous(tokens, nested))
    return None


def _parenthetical(cue: Token) -> bool:
    """A cue set off by commas inside the sentence it reports, its subject before it (", Christie
    said, ", ", a spokeswoman for the utility said on Monday, "), and no quoted sentence opening after
    it (", he said, “…”" introduces that quote)."""
    doc = cue.doc
    if not interrupts(cue):
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return False
    if subject.lower_ == "you":
        return False  # an interviewer's question ("Q: The plan, you said in March, would cost …?")
    # The comma that closes it, after any words of its own ("said on Monday,", "told reporters,").
    own = {t.i for t in cue.subtree}
    close = cue.i + 1
    while close in own and doc[close].text != ",":
        close += 1
    return (
        close + 1 < len(doc)
        and doc[close].text == ","
        and not any(c.dep_ in {"ccomp", "xcomp"} for c in cue.children)
        and not _opens_quoted_sentence(doc, close + 1)
    )


def _opens_quoted_sentence(doc: Doc, i: int) -> bool:
    """An opening mark at token ``i`` before a capital ("“I never said …”"), not one that goes on with
    the reporter's sentence ("…, Ms. Tanzer said, ''is a perfect example of adapting''")."""
    text = doc_text(doc)
    mark = _OPENING.match(text, doc[i].idx)
    return mark is not None and not text[mark.end() : mark.end() + 1].islower()


# Prepositions that introduce what a cue is about rather than when or where it was said.
_CONTENT_PREPS = {"for", "about", "as", "of", "against", "on"}
_OWN_CLAUSE_DEPS = {"advcl", "conj", "xcomp", "ccomp", "parataxis"}


def find_cues(doc: Doc) -> list[Cue]:
    cue_tokens = list(_cue_tokens(doc))
    # Computed once per doc rather than once per cue: subtrees are walked in Python.
    clauses = {t.i: {s.i for s in t.subtree} for t, _ in cue_tokens if t.dep_ in _OWN_CLAUSE_DEPS}
    cues = []
    for token, owner in cue_tokens:
        if token.lower_ == "according":
            to = next(c for c in token.children if c.lower_ == "to")
            head = next((c for c in to.children if c.dep_ == "pobj"), None)
            span = doc[token.i : to.i + 1]
        elif token.lower_ == "in":  # a poll's "In" (see _source_in)
            head, span = _source_in(token), doc[token.i : token.i + 1]
        elif owner is not None:
            head, span = owner, doc[token.i : token.i + 1]
        elif not token.tag_.startswith("VB"):
            head = doc[token.i - 1]
            span = doc[token.i : token.i + 1]
        else:
            head = _participle_subject(doc, token) or _subject(token)
            head = head or _inverted_subject(doc, token) or _name_before(doc, token)
            if head is None or head.lower_ in _NO_SPEAKER:
                head = _outer_speaker(token) or head
            aux = [c for c in token.children if c.dep_ in {"aux", "auxpass"} and c.i < token.i]
            start = aux[0].i if aux else token.i
            span = doc[start : token.i + 1]
        cue_span = Span(span.start_char, span.end_char, span.text)
        cues.append(Cue(token, cue_span, head, _content(doc, token, clauses, owned_noun=owner is not None)))
    return cues


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# How a pronoun or a described person begins ("he", "a doctor"), as the attribution reader reads it.
_DESCRIBED_SUBJECT = SUBJECT_PRONOUNS | DETERMINERS


def _spoken(doc: Doc, text: str, span: tuple[int, int], trailing: tuple[Token, Token] | None) -> bool:
    """Whether a quoted passage is speech: long enough, or short with a verb of speaking after it
    (``trailing``, "“I'm honored!” she said"); other short pieces are scare quotes or titles
    ("the film “Jaws,”")."""
    inner = text[span[0] : span[1]]
    if len(inner.split()) >= _MIN_DIRECT_WORDS:
        return True
    if trailing is None or not re.search(r"\w", inner):
        return False
    verb, head = trailing
    # A short piece inside the reporter's sentence is a title or a scare quote unless plainly
    # attributed: "Nicknamed “the Iron Lady,” Thatcher, who led Britain, expected …" is not speech,
    # "“No comment,” Mr. Paterson, who left office in 2010, said." is.
    opens = _opens_sentence(text, span[0])
    if not opens and any(t.lower_ == "who" for t in doc[head.i : verb.i]):
        return False
    if verb.lower_ in CUE_FORMS:
        return True
    # Any verb after a pronoun or a described person ("“medical problem,” a doctor had typed");
    # after a bare name it may be a title's ("the film “Jaws,” Spielberg directed"); after a
    # quantifier only when the piece is a sentence of its own ("“Shame on you!” some protesters
    # chanted.", not "After “Jaws,” many viewers stayed …" or "“Jaws,” many people remember, terrified …").
    between = doc.char_span(span[1], head.idx + len(head), alignment_mode="expand")
    words = [t for t in between or [] if not (t.is_punct or t.is_space)]
    first = words[0].lower_ if words else None
    alone = opens and verb.i + 1 < len(doc) and doc[verb.i + 1].text in {".", "!", "?"}
    return first in _DESCRIBED_SUBJECT or (alone and first in QUANTIFIERS)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the quote at ``start`` opens its sentence: first in its paragraph or after a stop."""
    before = text[_para_start(text, start) : start].rstrip()
    return not before or before[-1] in ".?!”\"'’"


def find_quotes(doc: Doc, table: ActorTable) -> list[Quote]:
    """All quotes of ``doc`` with cue and speaker (offsets relative to ``doc.text``)."""
    text = doc_text(doc)
    cues = find_cues(doc)
    speakers = {
        id(c): resolve_speaker(doc, table, c.speaker_head) if c.speaker_head is not None else None
        for c in cues
    }
    # The attribution after each closing mark, read once: it decides both what counts as a quote
    # and who said it.
    after = {s: attribution_after(doc, s[1]) for s in doc_quote_spans(doc)}
    direct = [s for s, trailing in after.items() if _spoken(doc, text, s, trailing)]
    # A cue inside any quoted passage is the quoted speaker's own words ("“I think …”"): it makes
    # no quote of its own and attributes no other quote.
    quoted = {id(c) for c in cues if any(d[0] <= c.span.start < d[1] for d in direct)}
    quotes: list[Quote] = []
    used_direct: set[tuple[int, int]] = set()

    for cue in cues:
        if cue.content is None or id(cue) in quoted:
            continue
        start, end = cue.content
        inside = [d for d in direct if _overlap(d, cue.content) > 0]
        # The cue introduces a direct quote when its clause is that quote; words of its own before
        # the quote ("said talk … was “premature,” adding: “…”") make it mixed or indirect speech.
        lead = len(text[start : min(inside)[0]].split()) if inside else 0
        covering = [d for d in inside if lead < 3 and _overlap(d, cue.content) >= 0.6 * (end - start)]
        if covering:
            continue  # a direct quote: handled below with this cue
        if len(text[start:end].split()) < 3:
            continue
        if inside:
            # A quoted passage inside a cue clause that also holds unquoted words is one mixed quote
            # ("the candidate has “always run a lean campaign”"), unless another cue introduces it:
            # then the clause ends where that quote begins ("…was “premature,” adding: “This is …”").
            first = min(inside)
            own_cue = any(c is not cue and start < c.span.start < first[0] for c in cues)
            own_cue = own_cue or "\n" in text[start : first[0]]  # a quote in the next paragraph stands alone
            if own_cue and first[0] - 1 > start and len(text[first[0] : first[1]].split()) >= 8:
                end = first[0] - 1
        # A quotation the clause leaves open closes right after it: the parser often hangs the closing
        # mark on the main verb ("called it “extremely careless" + ",”").
        end = max([end, *(q[1] for q in after if start <= q[0] < end < q[1] <= end + 3)])
        marks = any(_overlap(quoted_span, (start, end)) for quoted_span in after)
        quotes.append(
            Quote(start, end, text[start:end], "mixed" if marks else "indirect", cue.span, speakers[id(cue)])
        )

    mixed = [(q.start, q.end) for q in quotes if q.kind == "mixed"]
    unquoted = [c for c in cues if id(c) not in quoted]
    ends = None
    for span in direct:
        if any(m[0] <= span[0] and span[1] <= m[1] for m in mixed):
            continue  # the quoted words of a mixed quote, already part of it
        cue = _cue_for(doc, span, unquoted)
        cue_span, speaker = (cue.span, speakers[id(cue)]) if cue else (None, None)
        trailing = after[span]
        if trailing is not None and not _introduces(text, cue, span):
            verb, head = trailing
            cue, cue_span = None, Span(verb.idx, verb.idx + len(verb), verb.text)
            speaker = resolve_speaker(doc, table, head)
        else:
            trailing = None
        source = _credited_source(doc, span, unquoted)
        if source is not None and speakers[id(source)] is not None:
            cue_span, speaker = source.span, speakers[id(source)]
        colon_open = trailing is None and (cue is None or cue.span.start < span[0])
        if colon_open and _colon_before(text, span[0]):
            if ends is None:
                # Computed once per doc, only when some quote follows a colon.
                ends = {doc[m.end - 1].idx + len(doc[m.end - 1]): m for m in table.mentions}
            named = _colon_speaker(doc, table, text, span[0], ends)
            if named is not None:
                cue_span, speaker = None, named
            elif speaker is None:
                # "The Illinois Board of Elections was conclusive in its findings: “…”"
                verb, speaker = _colon_lead(doc, table, text, span[0])
                if verb is not None:
                    cue_span = Span(verb.idx, verb.idx + len(verb), verb.text)
        quotes.append(Quote(span[0], span[1], text[span[0] : span[1]], "direct", cue_span, speaker))
        used_direct.add(span)

    quotes.sort(key=lambda q: q.start)
    for quote in quotes:
        if quote.kind != "direct" or quote.speaker is not None or quote.cue is not None:
            continue
        # A signature line under the quote names its speaker, before any guess from context.
        quote.speaker = _signature(doc, table, text, quote.start, quote.end)
        if quote.speaker is None:
            # A quote that is the object of the reporter's sentence ("He offered “my thoughts …”",
            # "they wanted to show that “…”") is that sentence subject's, not the last speaker's.
            _attribute_to_subject(doc, table, quote, _governed_before(doc, (quote.start, quote.end)))
    _continue_speakers(text, quotes)
    merged = _merge_pieces(text, quotes)
    for quote in merged:
        if quote.kind == "direct" and quote.speaker is None:
            quote.speaker = _signature(doc, table, text, quote.start, quote.end)
        # Last resort, after pieces are merged: the subject of the verb the quote hangs from.
        if quote.kind == "direct" and quote.speaker is None:
            _attribute_to_subject(doc, table, quote, _governing_subject(doc, (quote.start, quote.end)))
    return merged


def _attribute_to_subject(
    doc: Doc, table: ActorTable, quote: Quote, governing: tuple[Token, Token] | None
) -> None:
    """Give ``quote`` the speaker named by the subject of its governing verb, that verb as its cue."""
    found = resolve_speaker(doc, table, governing[1]) if governing else None
    if found is not None:
        verb = governing[0]
        quote.speaker, quote.cue = found, Span(verb.idx, verb.idx + len(verb), verb.text)


# A signature under a quote: "- Bernie Sanders." or "— David Martosko (@dmartosko)" on the next line, or
# after a quote that is its whole paragraph, on the same line: "“…” ― Sonya Herridge". "―" is
# Unicode's quotation dash, made for this; "--" stands in for a dash in ASCII.
_SIGNATURE = re.compile(rf"(\n+)?[^\S\n]*{DASH}[^\S\n]*([^\n]{{2,80}}?)\.?[^\S\n]*(?=\n|$)")


def _signature(doc: Doc, table: ActorTable, text: str, quote_start: int, end: int) -> Speaker | None:
    """The speaker signed after the quote from ``quote_start`` to ``end``: on the next non-blank line
    after a quote that ends its paragraph, or on the same line after a quote that opens it. A name,
    perhaps with a title, before any comma or bracket ("— David Martosko (@dmartosko)", "-Michelle
    Marks, Philadelphia.", "-President Obama, tweeting after the speech")."""
    match = _SIGNATURE.match(text, end)
    if (
        match is not None
        and match.group(1) is None
        and text[text.rfind("\n", 0, quote_start) + 1 : quote_start].strip()
    ):
        # Not after a quote that follows a sentence on its line: 'Rajoy spoke. "We stay the first
        # force." — Kim Brown' ends with the reporter's byline.
        return None
    if match is None or len(match.group(2).split()) > 8:
        return None
    start = match.start(2)
    name = re.split(r"\s*[(,]", match.group(2))[0].strip()
    if (
        not name
        or ":" in name
        or _CREDIT_WORDS & set(name.lower().split())
        or not all(word[:1].isupper() and not any(c.isdigit() for c in word) for word in name.split())
    ):
        # "- Point one is here", "— 5 percent of voters", "— Additional reporting by Jessica Elgot",
        # "— Photograph: Stefan Rousseau/PA": a list or a credit, not a signature.
        return None
    named = _named_within(doc, table, start, start + len(name))
    if named is not None and named.actor is not None and table.get(named.actor).kind != "person":
        return None  # "— Associated Press", "- Reuters": a wire credit, not a signature
    return named or Speaker(actor=None, name=name, start=start, end=start + len(name))


# Words of a credit line or a list item, not of a name: "- Additional Reporting By …", "- Growth And Jobs".
_CREDIT_WORDS = {"by", "with", "and", "reporting", "contributed", "editing", "photo", "photograph", "via"}


def _named_within(doc: Doc, table: ActorTable, start: int, end: int) -> Speaker | None:
    """The first actor, not a place, mentioned between characters ``start`` and ``end``."""
    for mention in table.mentions:
        span = doc[mention.start : mention.end]
        if start <= span.start_char and span.end_char <= end and mention.kind != "place":
            return speaker_of(doc, table, mention)
    return None


def _credited_source(doc: Doc, span: tuple[int, int], cues: list[Cue]) -> Cue | None:
    """An "according to" source that ends the attribution after a quote ("“…,” Welch said, according
    to Vermont Edition."): annotators credit the source the reporter names, over the person it quotes.
    Only the attribution may stand between: a name and at most one verb, no other clause ("…,”
    Starmer said, although according to the polls …", "…,” Putin said, insisting it was going
    according to plan")."""
    text = doc_text(doc)
    for cue in cues:
        if cue.token.lower_ != "according" or cue.span.start < span[1] or cue.speaker_head is None:
            continue
        if cue.speaker_head.lower_ in _NOT_SOURCES:
            continue  # "…,” Trump said, according to plan"
        between = text[span[1] : cue.span.start]
        if "\n" in between or _BREAK.search(between) or cue.span.start - span[1] > _NEAR_AFTER:
            continue
        words = doc.char_span(span[1], cue.span.start, alignment_mode="expand") or []
        # "will say", "said in a bill filed in Manila": auxiliaries and participles on a noun are
        # part of the one attribution.
        verbs = [
            t for t in words if t.tag_.startswith("VB") and t.dep_ not in {"aux", "auxpass", "acl", "amod"}
        ]
        clause = any(t.dep_ in {"mark", "cc"} or t.tag_ in {"WDT", "WP", "WRB"} for t in words)
        if len(verbs) <= 1 and not clause:
            return cue
    return None


# What "according to" names when it says how, not who: "according to plan", "according to the rules".
_NOT_SOURCES = {"plan", "plans", "schedule", "precedent", "law", "rules", "tradition", "protocol", "script"}


def _introduces(text: str, cue: Cue | None, span: tuple[int, int]) -> bool:
    """Whether ``cue`` stands right before the quote with nothing but punctuation between ("said: “")."""
    return (
        cue is not None and cue.span.end <= span[0] and bool(_LEAD_IN.fullmatch(text, cue.span.end, span[0]))
    )


def _colon_before(text: str, pos: int) -> bool:
    """Whether a colon stands right before the opening mark at ``pos``, or ends the paragraph before
    the quote ("Trump issued the following statement:" / "“Our prayers …”"): read backwards from
    ``pos``, not by searching the whole text up to it for each quote."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] == ":"


def _colon_lead(doc: Doc, table: ActorTable, text: str, start: int) -> tuple[Token | None, Speaker | None]:
    """The main verb and subject of the sentence whose colon opens the quote at ``start``."""
    at = text.rfind(":", 0, start)
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return None, None
    # The clause before the colon: climb from its last word while the heads stay before the colon
    # (the parser often hangs that clause from the quote's own verb).
    root = colon[0]
    while root.i > 0 and (root.i == colon[0].i or root.is_punct or root.is_space):
        root = doc[root.i - 1]
    for _ in range(len(doc)):
        if root.head.i == root.i or root.head.i >= colon[0].i:
            break
        root = root.head
    subject = _subject(root) if root.tag_.startswith("VB") else None
    if subject is None or not (subject.tag_.startswith("NN") or subject.lower_ in PRONOUNS_PERSON):
        return None, None
    found = resolve_speaker(doc, table, subject)
    return (root, found) if found is not None else (None, None)


def _colon_speaker(doc: Doc, table: ActorTable, text: str, start: int, ends: dict) -> Speaker | None:
    """The speaker named right before a colon that opens the quote ("Pew Research: “…”", "More from
    Jones: “…”"), unless that name is a place, the object of a preposition other than "from", or the
    addressee of a cue."""
    colon = text.rfind(":", 0, start)
    mention = ends.get(colon)
    if mention is None:
        # "From the report: “…”", "From Bush's Facebook post: “…”": the source the words come from.
        at = doc.char_span(colon, colon + 1, alignment_mode="expand")
        source = doc[at[0].i - 1] if at is not None and at[0].i > 0 else None
        if (
            source is not None
            and source.dep_ == "pobj"
            and source.head.lower_ == "from"
            and _document(source)
        ):
            return resolve_speaker(doc, table, source)
        return None
    if mention.kind == "place":
        return None
    head = doc[mention.end - 1]
    if (
        head.dep_ == "pobj"
        and head.head.lower_ != "from"
        or head.dep_ in {"dobj", "dative"}
        and CUE_FORMS.get(head.head.lower_) in ADDRESSEE_CUES
    ):
        return None  # "as he arrived in Riyadh: “…”", "told Megyn Kelly: “…”"
    return speaker_of(doc, table, mention)


def _governing_subject(doc: Doc, span: tuple[int, int]) -> tuple[Token, Token] | None:
    """The verb a quoted passage hangs from, and its subject, whatever the verb
    ("Huckabee is labeling Obama's actions “a blatant … abuse of power.”")."""
    inner = doc.char_span(span[0], span[1], alignment_mode="expand")
    if inner is None:
        return None
    token = inner[0]
    for _ in range(len(inner) + 1):  # bounded: heads of a cached parse may not reach a root
        if token.head.i == token.i or not span[0] <= token.idx < span[1]:
            break
        token = token.head
    if span[0] <= token.idx < span[1]:
        return None
    # A cue verb above the quote reports it ("he told Clinton that Americans were “sick …”"); else
    # the nearest verb with a subject ("Huckabee is labeling …").
    verbs = []
    for _ in range(_GOVERN_REACH):
        if token.pos_ in {"VERB", "AUX"}:
            subject = _subject(token)
            if subject is not None and not (span[0] <= subject.idx < span[1]):
                verbs.append((token, subject))
        if token.head.i == token.i:
            break
        token = token.head
    cues = [(verb, subject) for verb, subject in verbs if _verb_cue(verb)]
    return (cues or verbs or [None])[0]


def _governed_before(doc: Doc, span: tuple[int, int]) -> tuple[Token, Token] | None:
    """The verb before a quote that the quote hangs from, and that verb's subject before it
    ("Clinton supports …, opposes “…”"): a quote inside the reporter's own sentence."""
    governing = _governing_subject(doc, span)
    if governing is None:
        return None
    verb, subject = governing
    return governing if subject.i < verb.i and verb.idx < span[0] else None


def _cue_for(doc: Doc, span: tuple[int, int], cues: list[Cue]) -> Cue | None:
    """The cue of a direct quote, by how news prose attributes one.

    In order: a cue with nothing but punctuation between it and the opening mark ("Beck said, “…”");
    a cue whose clause covers the quote; a cue just after its closing mark in the same paragraph
    ("…,” he said); a cue before its opening mark in the same sentence; a cue at the end of the
    paragraph before, when that ends in a colon; else the nearest cue in the quote's sentence(s).
    A quote that a verb before it governs takes no cue from after it (see ``_governed_before``).
    The attribution read from word shape after the quote (``trailing``) overrides all but the first.
    """
    text = doc_text(doc)
    para_start = _para_start(text, span[0])
    adjacent = [c for c in cues if para_start <= c.span.end and _introduces(text, c, span)]
    if adjacent:
        return adjacent[-1]  # "Beck said, “…”": nothing but punctuation between cue and quote
    covering = [c for c in cues if c.content and _overlap(c.content, span) > 0.5 * (span[1] - span[0])]
    if covering:
        return covering[0]
    para_end = text.find("\n", span[1])
    para_end = len(text) if para_end < 0 else para_end
    after = [c for c in cues if span[1] <= c.span.start < para_end and c.span.start - span[1] <= _NEAR_AFTER]
    quoted = doc_quote_spans(doc)
    after = [c for c in after if not any(span[1] <= q[0] < c.span.start for q in quoted)]
    if after:
        # A quote governed by a verb of the sentence before it belongs to that verb's subject,
        # whatever cue follows (the cue after it reports something else).
        governed = _governed_before(doc, span)
        if governed is not None and governed[0].i not in {c.token.i for c in after}:
            return None
        return min(after, key=lambda c: c.span.start)
    before = [c for c in cues if para_start <= c.span.start and c.span.end <= span[0]]
    before = [c for c in before if not _BREAK.search(text[c.span.end : span[0]])]
    if before:
        return max(before, key=lambda c: c.span.end)
    if not text[para_start : span[0]].strip():
        # A paragraph that ends in a colon introduces the quote that makes up the next one
        # ("Parker Eaton said that given the candidates on both sides:" / "“There's only one …”").
        lead = text[:para_start].rstrip()
        if lead.endswith(":"):
            lead_start = _para_start(text, len(lead))
            led = [c for c in cues if lead_start <= c.span.start < len(lead)]
            if led:
                return max(led, key=lambda c: c.span.end)
    first = doc.char_span(span[0], span[1], alignment_mode="expand")
    if first is None:
        return None
    sent_start = first[0].sent.start_char
    sent_end = first[-1].sent.end_char
    near = [
        c for c in cues if sent_start <= c.span.start < sent_end and not (span[0] <= c.span.start < span[1])
    ]
    if not near:
        return None
    near.sort(key=lambda c: min(abs(c.span.start - span[0]), abs(c.span.start - span[1])))
    return near[0]


def _continue_speakers(text: str, quotes: list[Quote]) -> None:
    """A direct quote without a cue continues the previous quote's speaker: later in the same
    paragraph ("…,” he said. “…”), or as a paragraph of its own right after (an open quote that runs on)."""
    previous: Quote | None = None
    for quote in quotes:
        if quote.kind == "direct" and quote.cue is None and quote.speaker is None and previous is not None:
            para_start = _para_start(text, quote.start)
            same_para = previous.end > para_start
            between = text[previous.end : para_start]
            alone = not text[para_start : quote.start].strip()
            if same_para or (alone and between.count("\n\n") <= 1):
                speaker = previous.speaker
                quote.speaker = Speaker(speaker.actor, speaker.name, speaker.start, speaker.end)
                # A copy: offsets are shifted per quote later, and a shared object would move twice.
                cue = previous.cue
                quote.cue = Span(cue.start, cue.end, cue.text) if cue else None
        if quote.speaker is not None:
            previous = quote


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.actor is not None:
        return a.speaker.actor == b.speaker.actor
    return (a.speaker.start, a.speaker.end) == (b.speaker.start, b.speaker.end)


# Participles that say what the speaker was speaking of or how, between two pieces of one quote
# ("“A,” Jane Smith said, referring to the excuse, “B”"); any other cue there starts a new quote.
_ASIDE_CUES = {"referring", "speaking", "recalling", "pointing", "alluding", "gesturing", "reflecting"}


def _one_attribution(text: str, first: Quote, second: Quote) -> bool:
    """Whether two pieces are one attribution: they share one cue ("“A,” she said, “B”"), or an aside
    stands between them in the same sentence ("“A,” Jane Smith said, referring to the excuse, “B”").
    A piece with a cue of its own is a new attribution, even from the same speaker in the same
    sentence ("“A,” she said, adding, “B”", "“A,” she said, adding that “B”"), as annotators mark it."""
    if first.cue is None or second.cue is None or first.cue.start == second.cue.start:
        return True
    aside = second.cue.text.lower() in _ASIDE_CUES and not _LEAD_IN.fullmatch(
        text, second.cue.end, second.start
    )
    # A second piece that goes on in lower case finishes the first one's sentence ("“A,” Reeves said,
    # explaining the decision, “the money simply is not there.”").
    after_comma = text[: second.start].rstrip().endswith(",")
    goes_on = after_comma and text[second.start + 1 : second.start + 2].islower()
    return (aside or goes_on) and first.end <= second.cue.start < second.start


# Pieces of one attribution this close are one quote whatever stands between them.
_MERGE_GAP = 60


# A word and the stop after it that may end a sentence ("on Sunday. He", "(D-Calif.). “").
_WORD_STOP = re.compile(r"(\w+)[.?!]['’\"”)]*[.?!]?\s+(?=[A-Z“\"'`‘])")
# Words that a stop follows inside a sentence: titles, initials ("Rep. Jim Clyburn", "H.W. Bush").
_ABBREVIATIONS = {
    *["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "maj"],
    *["prof", "rev", "hon", "st", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "dept", "ft"],
}


def _abbreviation(word: str) -> bool:
    """Whether a stop after ``word`` is an abbreviation's, not a sentence's."""
    return len(word) == 1 or word.lower() in _ABBREVIATIONS


def _adjoining(text: str, first: Quote, second: Quote) -> bool:
    """Whether two pieces are near enough to be one quote: close, or with the second opening the
    sentence right after a long attribution ("“A,” said John Ward Anderson, a Podesta employee who
    worked with him in Kiev. “B.”"). A far piece inside the same sentence is quoted by the reporter's
    own clause ("“You winning?” she said, but as Trump went on about “how the system is rigged,” …");
    one after more sentences of the reporter's is a new quote."""
    if second.start - first.end <= _MERGE_GAP:
        return True
    ends = [
        m for m in _WORD_STOP.finditer(text, first.end, second.start + 1) if not _abbreviation(m.group(1))
    ]
    return len(ends) == 1


def _merge_pieces(text: str, quotes: list[Quote]) -> list[Quote]:
    """One quote per speaker, attribution and paragraph: "“A,” she said. “B.”" is one attribution
    interrupted by its cue, as annotators mark it, not two, even across a long attribution (see
    ``_adjoining``). What the interrupting clause reports of its own ("“A,” Tester said, referring to
    the excuse, “B”") is part of that one quote."""
    out: list[Quote] = []
    for quote in quotes:
        between = 0  # quotes at the end of ``out`` that sit between the last direct piece and this one
        while between < len(out) and out[-1 - between].kind != "direct":
            between += 1
        last = out[-1 - between] if between < len(out) else None
        if (
            last is not None
            and quote.kind == "direct"
            and "\n" not in text[last.end : quote.start]
            and _adjoining(text, last, quote)
            and all(last.end <= q.start and q.end <= quote.start for q in out[len(out) - between :])
            and _same_speaker(last, quote)
            and _one_attribution(text, last, quote)
        ):
            del out[len(out) - between :]
            last.end = max(last.end, quote.end)
            last.text = text[last.start : last.end]
            continue
        out.append(quote)
    return out
