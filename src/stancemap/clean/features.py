"""Features of the units (lines or paragraphs) of a flattened page, for the boilerplate classifier.

With the HTML gone, article text still looks different from what surrounds it: it comes in long
lines of prose (stop words, commas, sentence ends) packed together, while menus are runs of short
Title Case lines, and appeals, cookie banners, share bars and "most read" lists use a small, stable
vocabulary. Every feature here is cheap, language-light and computed from the page alone, so the
model generalises to sites it never saw rather than memorising the pages it was trained on.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD = re.compile(r"\w+")
# Sentence ends, also before a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’»)\]]*\s*$")
_DATE = re.compile(
    r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}|"
    r"\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b",
    re.I,
)

# Function words of the languages news scrapers meet most; their density tells prose from menus.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "more",
        "most",
        "my",
        "no",
        "not",
        "of",
        "on",
        "one",
        "or",
        "our",
        "out",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "aber",
        "als",
        "am",
        "auch",
        "auf",
        "aus",
        "bei",
        "bis",
        "das",
        "dass",
        "dem",
        "den",
        "der",
        "des",
        "die",
        "doch",
        "ein",
        "eine",
        "einem",
        "einen",
        "einer",
        "es",
        "für",
        "hat",
        "ich",
        "im",
        "ist",
        "mit",
        "nach",
        "nicht",
        "noch",
        "nur",
        "oder",
        "sich",
        "sie",
        "sind",
        "so",
        "um",
        "und",
        "uns",
        "von",
        "vor",
        "war",
        "wie",
        "wir",
        "zu",
        "zum",
        "zur",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "est",
        "et",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "mais",
        "ne",
        "nous",
        "par",
        "pas",
        "plus",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sont",
        "sur",
        "un",
        "une",
        "vous",
        "été",
        "al",
        "como",
        "con",
        "del",
        "el",
        "ella",
        "en",
        "es",
        "esta",
        "este",
        "fue",
        "ha",
        "la",
        "las",
        "lo",
        "los",
        "más",
        "no",
        "para",
        "pero",
        "por",
        "que",
        "se",
        "su",
        "sus",
        "un",
        "una",
        "y",
        "ao",
        "as",
        "com",
        "da",
        "das",
        "de",
        "do",
        "dos",
        "e",
        "em",
        "foi",
        "mais",
        "mas",
        "na",
        "nas",
        "no",
        "nos",
        "num",
        "o",
        "os",
        "para",
        "pela",
        "pelo",
        "por",
        "que",
        "se",
        "sem",
        "ser",
        "seu",
        "sua",
        "um",
        "uma",
        "é",
        "ad",
        "anche",
        "che",
        "chi",
        "con",
        "da",
        "dei",
        "della",
        "delle",
        "di",
        "gli",
        "ha",
        "il",
        "la",
        "le",
        "lo",
        "nel",
        "nella",
        "non",
        "per",
        "più",
        "si",
        "sono",
        "su",
        "una",
        "aan",
        "als",
        "bij",
        "dat",
        "de",
        "die",
        "een",
        "en",
        "er",
        "het",
        "hij",
        "in",
        "is",
        "met",
        "niet",
        "om",
        "op",
        "te",
        "van",
        "voor",
        "was",
        "wat",
        "ze",
        "zijn",
        "ada",
        "akan",
        "dalam",
        "dan",
        "dari",
        "dengan",
        "di",
        "ini",
        "itu",
        "juga",
        "karena",
        "ke",
        "kita",
        "tidak",
        "untuk",
        "yang",
    ]
)

# Donation appeals, newsletter and paywall boxes, cookie banners, share bars, comment prompts.
_APPEAL = re.compile(
    r"\b(your support|support (us|now|our)|donat(e|ion|ing)|contribut(e|ion) (now|today)|subscri(be|ber|ption)|"
    r"newsletters?|sign ?up|sign in|log ?in|register|create (an|a free) account|cookies?|privacy (policy|notice)|"
    r"terms (of|and) (use|service|conditions)|all rights reserved|advertis(e|ement|ing)|"
    r"inbox|unsubscribe|paywall|premium|free trial|membership|become a (member|supporter)|"
    r"we use cookies|accept|consent|notifications?|app store|google play|download (the|our) app)\b",
    re.I,
)
# Navigation and "more stories" furniture: link-like words and calls to action.
_LINKY = re.compile(
    r"(\bread (more|next|also|full)\b|\bclick here\b|\bsee (more|also|all)\b|\bmore (stories|news|from|on)\b|"
    r"\brelated\b|\brecommended\b|\btrending\b|\bmost (read|popular|viewed|shared)\b|\byou may (also )?like\b|"
    r"\bshare (this|on|via)\b|\b(facebook|twitter|whatsapp|linkedin|pinterest|reddit|instagram|youtube|email|print)\b|"
    r"\bfollow (us|@)|\bcomments?\b|\bleave a (comment|reply)\b|\bskip to\b|\bmenu\b|\bsearch\b|\bhome\b|"
    r"\btags?:|\bfiled under\b|\bcategor(y|ies)\b|\bprevious\b|\bnext (article|post|story)\b|\bback to top\b|"
    r"»|›|\|)",
    re.I,
)
# Captions, photo credits, bylines and datelines.
_CAPTION = re.compile(
    r"(\b(photo|image|picture|video|credit|getty images|afp|ap photo|reuters|shutterstock|file photo)\b|"
    r"^\s*by\s+[A-Z]|\b(updated|published|posted)\b|\bmin(ute)?s? read\b|\breporting by\b|\bediting by\b|"
    r"\bcontributed (to this )?report)",
    re.I,
)
_COPYRIGHT = re.compile(r"(©|\(c\)|\bcopyright\b|\ball rights\b)", re.I)

# Long, punctuated lines of prose: the backbone of an article.
PROSE_WORDS = 15

NAMES = [
    "bias",
    "log_words",
    "log_chars",
    "ends_sentence",
    "sentences",
    "stop_ratio",
    "short_word_ratio",
    "title_case_ratio",
    "digit_ratio",
    "comma_rate",
    "appeal",
    "linky",
    "caption",
    "copyright",
    "date_like",
    "is_short",
    "is_prose",
    "position",
    "position_sq",
    "block_lines",
    "block_mean_words",
    "block_prose_ratio",
    "prev_log_words",
    "next_log_words",
    "window3_prose",
    "window10_prose",
    "in_core",
    "core_distance",
    "before_core",
    "after_core",
    "repeated_in_page",
    "like_title",
    "starts_lower",
    "starts_bullet",
    "all_caps",
]


def is_prose(unit: str) -> bool:
    """A long unit with a sentence end: a paragraph of prose."""
    return len(_WORD.findall(unit)) >= PROSE_WORDS and bool(_SENTENCE_END.search(unit))


# A dash as news prints it: hyphen, en and em dashes, Unicode's quotation dash, or "--" in ASCII.
DASH = r"(?:--|[-—–―])"
# A dateline opens a news story: "WASHINGTON ― ...", "LONDON (Reuters) - ...", with its agency.
DATELINE = re.compile(r"^[A-Z][A-Z.'’ ,]{2,40}(?P<agency>\([A-Za-z .]{1,20}\))?\s*[―—–-]{1,2}\s+\S")
# A quotation signed by its speaker: "“…” ― Sonya Herridge", or the signature alone on the line under it
# ("- Bernie Sanders.", "-Councillor Peter Hale, Northtown."). Readers' letters and fact checks are
# laid out this way; a name ends the unit where a sentence would end in a stop.
_SIGNATURE = rf"[^\S\n]*{DASH}[^\S\n]*[A-Z][^\n:]{{1,80}}"
_SIGNED_QUOTATION = re.compile(rf"\s*[“\"‘][^\n]+[”\"’]{_SIGNATURE}\s*")
_SIGNATURE_LINE = re.compile(rf"{_SIGNATURE}\s*")


def is_signed_quotation(unit: str) -> bool:
    return bool(_SIGNED_QUOTATION.fullmatch(unit))


def is_signature(unit: str) -> bool:
    """A signature line under a quotation: a dash and at most eight words, a name first."""
    return bool(_SIGNATURE_LINE.fullmatch(unit)) and len(unit.split()) <= 9


def is_sentence(unit: str) -> bool:
    """Shaped like a sentence: three words or more, a capital or a quote first, a stop word, a final stop."""
    words = _WORD.findall(unit)
    stripped = unit.strip()
    return (
        len(words) >= 3
        and (stripped[:1].isupper() or stripped[:1] in "\"“‘'")
        and any(w.lower() in STOP_WORDS for w in words)
        and bool(_ENDS_SENTENCE.search(unit))
    )


def boilerplate_signals(unit: str, *, prose: bool = False) -> bool:
    """Whether a unit uses the words of appeals, navigation, captions or copyright lines.

    With ``prose`` (a sentence of the story), one stray word ("home state", "accept the
    nomination", "photo") is not enough: it takes two, or a copyright mark.
    """
    if _COPYRIGHT.search(unit):
        return True
    hits = len(_APPEAL.findall(unit)) + len(_LINKY.findall(unit))
    if prose:
        return hits >= 2
    return hits > 0 or bool(_CAPTION.search(unit))


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def unit_features(units: list[str], blocks: list[int]) -> list[list[float]]:
    """One feature row (in the order of ``NAMES``) for each unit of one page.

    ``units`` are the page's lines or paragraphs in order; ``blocks[i]`` numbers the blank-line
    block that unit ``i`` belongs to (menus come as blocks of many short lines).
    """
    n = len(units)
    if not n:
        return []
    words = [_WORD.findall(u) for u in units]
    counts = [len(w) for w in words]
    prose = [
        1.0 if c >= PROSE_WORDS and _SENTENCE_END.search(u) else 0.0
        for u, c in zip(units, counts, strict=True)
    ]
    core_start, core_end = _core(counts, prose)
    block_members: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        block_members.setdefault(b, []).append(i)
    normed = [_norm(u) for u in units]
    repeats = Counter(t for t in normed if t)
    title = _norm(re.split(r"\s+[|\-–—:]\s+[^|\-–—:]*$", units[0])[0]) if units else ""

    rows = []
    for i, unit in enumerate(units):
        ws, c = words[i], counts[i]
        nc = max(len(unit), 1)
        cw = max(c, 1)
        members = block_members[blocks[i]]
        block_counts = [counts[j] for j in members]
        stripped = unit.strip()
        letters = [ch for ch in stripped if ch.isalpha()]
        distance = 0 if core_start <= i <= core_end else min(abs(i - core_start), abs(i - core_end))
        rows.append(
            [
                1.0,
                math.log1p(c),
                math.log1p(len(unit)),
                1.0 if _ENDS_SENTENCE.search(unit) else 0.0,
                math.log1p(len(_SENTENCE_END.findall(unit))),
                sum(w.lower() in STOP_WORDS for w in ws) / cw,
                sum(len(w) <= 3 for w in ws) / cw,
                sum(w[:1].isupper() for w in ws) / cw,
                sum(ch.isdigit() for ch in unit) / nc,
                min(unit.count(",") / cw * 5, 2.0),
                min(len(_APPEAL.findall(unit)), 3) / (1 + math.log1p(c) / 3),
                min(len(_LINKY.findall(unit)), 3) / (1 + math.log1p(c) / 3),
                min(len(_CAPTION.findall(unit)), 3) / (1 + math.log1p(c) / 3),
                1.0 if _COPYRIGHT.search(unit) else 0.0,
                1.0 if _DATE.search(unit) and c <= 12 else 0.0,
                1.0 if c <= 4 else 0.0,
                prose[i],
                i / n,
                (i / n) ** 2,
                math.log1p(len(members)),
                math.log1p(sum(block_counts) / len(block_counts)),
                sum(prose[j] for j in members) / len(members),
                math.log1p(counts[i - 1]) if i else 0.0,
                math.log1p(counts[i + 1]) if i + 1 < n else 0.0,
                _window(prose, i, 3),
                _window(prose, i, 10),
                1.0 if core_start <= i <= core_end else 0.0,
                math.log1p(distance),
                1.0 if i < core_start else 0.0,
                1.0 if i > core_end else 0.0,
                1.0 if normed[i] and repeats[normed[i]] > 1 else 0.0,
                1.0
                if title and len(title) > 10 and (normed[i] == title or (i and normed[i] in title))
                else 0.0,
                1.0 if stripped[:1].islower() else 0.0,
                1.0 if stripped[:1] in "-•*·–>▶►" else 0.0,
                1.0 if len(letters) > 3 and all(ch.isupper() for ch in letters) else 0.0,
            ]
        )
    return rows


def _window(values: list[float], i: int, radius: int) -> float:
    lo, hi = max(0, i - radius), min(len(values), i + radius + 1)
    return sum(values[lo:hi]) / (hi - lo)


def _core(counts: list[int], prose: list[float]) -> tuple[int, int]:
    """The run of units that holds the most prose (a maximum-sum segment).

    Prose units score their word count; everything else costs a little, so a menu or a footer
    between two stretches of prose splits them, while a subheading or a caption does not.
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, (c, p) in enumerate(zip(counts, prose, strict=True)):
        gain = c if p else -(2.0 + 0.3 * c)
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span
