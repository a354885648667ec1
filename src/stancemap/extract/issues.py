"""Issues: what users track. A watchlist (TOML or YAML) states each issue as a proposition with the
phrases that name it; statements are matched to issues by those phrases.

A keyword is a phrase ("peacekeeping troops") or a conjunction of phrases joined by " + " that must
all occur in the same statement ("Ukraine + invited"), for topics that no single phrase names.
``against`` phrases state the opposite of the proposition ("excluded from talks"): a statement that
endorses them opposes the issue, one that rejects them supports it.

``propose_issues`` groups similar statements (by shared content words) into issue proposals that a
user can accept, rename and add to the watchlist.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StancemapError


class WatchlistError(StancemapError):
    code = "E020"


@dataclass
class Issue:
    name: str
    proposition: str = ""
    keywords: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)


@dataclass
class IssueMatch:
    issue: Issue
    start: int  # char span of the first matched keyword, relative to the matched text
    end: int
    contrary: bool  # an ``against`` phrase occurs: the text states the opposite of the proposition


@dataclass
class Proposal:
    name: str
    keywords: list[str]
    statements: list[str]  # sample statements that fall under it
    size: int


def load_watchlist(path: str | Path) -> list[Issue]:
    """Issues from a TOML (``[[issue]]`` tables) or YAML (``issues:`` list) watchlist."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WatchlistError(f"cannot read the watchlist {path}: {exc.strerror}") from exc
    try:
        if path.suffix.lower() in {".yaml", ".yml"}:
            import yaml

            data = yaml.safe_load(raw) or {}
        else:
            data = tomllib.loads(raw)
    except Exception as exc:  # both parsers raise their own error types; the message says where
        raise WatchlistError(f"{path} is not a valid watchlist: {exc}") from exc
    return parse_watchlist(data, str(path))


def parse_watchlist(data, where: str = "watchlist") -> list[Issue]:
    entries = data.get("issue", data.get("issues", [])) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise WatchlistError(f"{where}: expected a list of issues ([[issue]] in TOML, issues: in YAML)")
    issues = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise WatchlistError(f"{where}: issue {n} needs a name")
        keywords = [str(k) for k in entry.get("keywords", [])]
        if not keywords:
            raise WatchlistError(f"{where}: issue '{entry['name']}' needs at least one keyword")
        issues.append(
            Issue(
                name=str(entry["name"]),
                proposition=str(entry.get("proposition", "")),
                keywords=keywords,
                against=[str(k) for k in entry.get("against", [])],
            )
        )
    return issues


def dump_watchlist(issues: list[Issue]) -> str:
    """TOML text for ``issues`` (tomllib reads but does not write)."""

    def s(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    blocks = []
    for issue in issues:
        lines = ["[[issue]]", f"name = {s(issue.name)}"]
        if issue.proposition:
            lines.append(f"proposition = {s(issue.proposition)}")
        lines.append("keywords = [" + ", ".join(s(k) for k in issue.keywords) + "]")
        if issue.against:
            lines.append("against = [" + ", ".join(s(k) for k in issue.against) + "]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _norm(text: str) -> str:
    # Curly apostrophes and hyphen variants are spelled many ways in news text.
    return text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")


def _find(phrase: str, text: str) -> re.Match | None:
    words = [re.escape(w) for w in _norm(phrase).split()]
    if not words:
        return None
    # Word boundaries at both ends, any whitespace between words, a plural "s" allowed at the end.
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?:s|es)?(?!\w)", text)


def keyword_span(keyword: str, text: str) -> tuple[int, int] | None:
    """Where ``keyword`` (a phrase, or phrases joined by " + ") occurs in ``text``; None unless all do."""
    normed = _norm(text)
    spans = []
    for part in keyword.split(" + "):
        match = _find(part, normed)
        if match is None:
            return None
        spans.append(match.span())
    return min(s for s, _ in spans), max(e for _, e in spans)


def match_issues(text: str, issues: list[Issue]) -> list[IssueMatch]:
    """The issues ``text`` speaks of, each with the first keyword found and whether it states the contrary."""
    found = []
    for issue in issues:
        spans = [sp for k in issue.keywords if (sp := keyword_span(k, text))]
        if not spans:
            continue  # an ``against`` phrase alone does not say the text is about this issue
        contrary = [sp for k in issue.against if (sp := keyword_span(k, text))]
        start, end = min(spans)
        found.append(IssueMatch(issue, start, end, bool(contrary)))
    return found


# -- proposals ------------------------------------------------------------------------------------

_STOP_WORDS = """a an the and or but if of to in on at for with from by as is are was were be been being it its this that
    these those there their they them we our us i you he she his her him not no so than then too very can could
    will would shall should must may might do does did done have has had having just also even only about into
    over after before again further more most such what which who whom whose when where why how all any both each
    few other some own same said says say told according mr mrs ms sir now new one two time way don't doesn't
didn't won't can't isn't aren't wasn't i'm it's we're know think make going get want see"""
_STOP = set(_STOP_WORDS.split())


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]+", _norm(text)) if w not in _STOP and len(w) > 2]


def _bigrams(words: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def propose_issues(
    statements: list[str], *, known: list[Issue] = (), min_size: int = 2, limit: int = 10
) -> list[Proposal]:
    """Group statements that share salient phrases into issue proposals.

    A phrase (a content-word bigram, or a word) is salient when several statements use it; each
    statement joins the group of its most widely shared phrase. Statements an existing issue already
    covers are left out, so proposals are what the watchlist does not track yet.
    """
    pending = [s for s in statements if not match_issues(s, list(known))]
    grams = [set(_bigrams(content_words(s))) | set(content_words(s)) for s in pending]
    df = Counter(g for gs in grams for g in gs)
    groups: dict[str, list[int]] = {}
    for i, gs in enumerate(grams):
        shared = [g for g in gs if df[g] >= min_size]
        if not shared:
            continue
        # Prefer phrases over single words, then the most shared.
        best = max(shared, key=lambda g: (" " in g, df[g], g))
        groups.setdefault(best, []).append(i)
    proposals = []
    for phrase, members in groups.items():
        if len(members) < min_size:
            continue
        words = Counter(w for i in members for w in set(content_words(pending[i])))
        keywords = [phrase] + [w for w, n in words.most_common(6) if n >= 2 and w not in phrase.split()][:3]
        proposals.append(Proposal(phrase, keywords, [pending[i] for i in members[:3]], len(members)))
    proposals.sort(key=lambda p: (-p.size, p.name))
    return proposals[:limit]
