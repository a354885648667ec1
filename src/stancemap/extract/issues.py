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

import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import StancemapError, one_line


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
    return parse_watchlist(_parse(_read(path), path), str(path))


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in {".yaml", ".yml"}


def _read(path: Path) -> str:
    """The file's text with its own line endings (``append_issue`` writes the same ones)."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            return file.read()
    except OSError as exc:
        raise WatchlistError(f"cannot read the watchlist {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise WatchlistError(f"cannot read the watchlist {path}: not UTF-8 text (byte {exc.start})") from exc


_TOML_WHERE = re.compile(
    r"^(?P<problem>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$", re.S
)


def _line_column(raw: str, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _parse(raw: str, path: Path):
    """The data in ``raw`` (the text of ``path``); a syntax error is one line: file:line:column, problem."""
    try:
        if _is_yaml(path):
            import yaml

            return yaml.safe_load(raw) or {}
        return tomllib.loads(raw)
    except Exception as exc:  # both parsers raise their own error types
        raise WatchlistError(_syntax_error(exc, raw, path)) from exc


def _syntax_error(exc: Exception, raw: str, path: Path) -> str:
    kind = "YAML" if _is_yaml(path) else "TOML"
    problem, line, column, context = one_line(exc), None, None, ""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:  # yaml.MarkedYAMLError: 0-based marks, the problem and what was being parsed
        line, column = mark.line + 1, mark.column + 1
        problem = one_line(getattr(exc, "problem", None) or problem)
        where = getattr(exc, "context_mark", None)
        if getattr(exc, "context", None):
            context = f" ({one_line(exc.context)}"
            if where is not None and (where.line, where.column) != (mark.line, mark.column):
                context += f" at line {where.line + 1}, column {where.column + 1}"
            context += ")"
    elif isinstance(getattr(exc, "position", None), int):  # yaml.ReaderError: a character offset
        line, column = _line_column(raw, exc.position)
        problem = one_line(str(exc).split("\n")[0])  # the rest names "<unicode string>", not the file
    elif kind == "TOML" and (found := _TOML_WHERE.match(str(exc))):
        problem = one_line(found["problem"])
        if found["line"]:
            line, column = int(found["line"]), int(found["column"])
        else:
            line, column = _line_column(raw, len(raw))
    at = f"{path}:{line}:{column}" if line is not None else str(path)
    return f"{at}: not a valid watchlist ({kind}): {problem}{context}"


_ISSUE_KEYS = {"name", "proposition", "keywords", "against"}


def parse_watchlist(data, where: str = "watchlist") -> list[Issue]:
    if isinstance(data, dict) and (unknown := sorted(set(data) - {"issue", "issues"})):
        # A misspelt table ("[[isue]]") would otherwise drop its issues without a word.
        raise WatchlistError(
            f"{where}: unknown key(s) {', '.join(unknown)} (issues go in [[issue]] or issues:)"
        )
    if isinstance(data, dict) and {"issue", "issues"} <= set(data):
        raise WatchlistError(f"{where}: issues under both 'issue' and 'issues'; put them all under one")
    entries = data.get("issue", data.get("issues", [])) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise WatchlistError(f"{where}: expected a list of issues ([[issue]] in TOML, issues: in YAML)")
    issues = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise WatchlistError(f"{where}: issue {n} needs a name")
        if unknown := sorted(set(entry) - _ISSUE_KEYS):
            # A misspelt key ("againts") would otherwise drop what it holds without a word.
            raise WatchlistError(
                f"{where}: issue '{entry['name']}' has unknown key(s) {', '.join(unknown)}"
                f" (an issue has {', '.join(sorted(_ISSUE_KEYS))})"
            )
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


def append_issue(path: str | Path, issue: Issue) -> str:
    """Add ``issue`` at the end of the watchlist at ``path``, in the file's own format and style.

    The file is appended to, never rewritten: its comments, order and layout stay as they were. The
    new text is checked first (the file must then load with ``issue`` as its last issue), so a file
    whose issues are not the last thing in it is left untouched and a WatchlistError says what to add
    by hand. A missing file is created. Returns the text added.
    """
    path = Path(path)
    if not issue.name.strip() or not issue.proposition.strip() or not issue.keywords:
        raise WatchlistError(f"{path}: an issue needs a name, a proposition and at least one keyword")
    raw = _read(path) if path.exists() else ""
    data = _parse(raw, path) if raw.strip() else {}
    known = parse_watchlist(data, str(path))
    if any(i.name.casefold() == issue.name.casefold() for i in known):
        raise WatchlistError(f"{path} already has an issue named '{issue.name}': give it another name")
    newline = "\r\n" if "\r\n" in raw else "\n"
    text = raw.replace("\r\n", "\n")
    added = _yaml_issue(issue, text, data) if _is_yaml(path) else _toml_issue(issue, text, data)
    if text and not text.endswith("\n"):
        added = "\n" + added
    try:
        after = parse_watchlist(_parse(text + added, path), str(path))
    except WatchlistError:
        after = None
    if after != [*known, issue]:
        raise WatchlistError(
            f"{path}: cannot add the issue at the end of this file (its issues are not a list that ends it);"
            f" the file is unchanged. Add this by hand:\n{added.strip(chr(10))}"
        )
    added = added.replace("\n", newline)
    try:
        with path.open("a", encoding="utf-8", newline="") as out:
            out.write(added)
    except OSError as exc:
        raise WatchlistError(f"{path} cannot be written ({exc.strerror or exc}); it is unchanged") from None
    return added


def _toml_string(value: str) -> str:
    # A JSON string is a TOML basic string: the same quotes and escapes.
    return json.dumps(value, ensure_ascii=False)


def _toml_issue(issue: Issue, text: str, data: dict) -> str:
    key = "issues" if "issues" in data and "issue" not in data else "issue"
    lines = [f"[[{key}]]", f"name = {_toml_string(issue.name)}"]
    lines.append(f"proposition = {_toml_string(issue.proposition)}")
    lines.append("keywords = [" + ", ".join(_toml_string(k) for k in issue.keywords) + "]")
    if issue.against:
        lines.append("against = [" + ", ".join(_toml_string(k) for k in issue.against) + "]")
    gap = "" if not text.strip() or text.endswith("\n\n") else "\n"
    return gap + "\n".join(lines) + "\n"


# A YAML line that starts an issue ("  - name: ..."), and a key whose value is a list of phrases.
_YAML_ITEM = re.compile(r"^(?P<dash>[ \t]*)-[ \t]+(?P<key>name|proposition|keywords|against)[ \t]*:", re.M)
_YAML_LIST_KEY = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?:keywords|against)[ \t]*:[ \t]*(?P<rest>[^#]*)")


def _yaml_scalar(value: str, flow: bool) -> str:
    """``value`` as a plain YAML scalar where it reads back the same, else double-quoted."""
    import yaml

    probe = f"k: [{value}]" if flow else f"k: {value}"
    try:
        plain = yaml.safe_load(probe) == {"k": [value] if flow else value}
    except yaml.YAMLError:
        plain = False
    if plain and value == value.strip() and "\n" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml_style(text: str) -> tuple[str, int, bool, int, bool]:
    """How the issues in ``text`` are laid out: the dash's indent, the column of an item's keys,
    flow lists (``[a, b]``) or block lists, a block list item's indent past its key, a blank line
    between issues. Defaults for a file with no issue yet."""
    items = list(_YAML_ITEM.finditer(text))
    if not items:
        return "  ", 4, True, 2, False
    shallowest = min(len(m["dash"]) for m in items)
    items = [m for m in items if len(m["dash"]) == shallowest]
    last = items[-1]
    key_column = last.start("key") - last.start()
    lines = text.split("\n")
    line_of_last = text.count("\n", 0, last.start())
    gap = len(items) > 1 and line_of_last > 0 and not lines[line_of_last - 1].strip()
    flow, offset = True, 2
    for n, line in enumerate(lines):
        found = _YAML_LIST_KEY.match(line)
        if not found:
            continue
        flow = found["rest"].strip() != ""
        following = re.match(r"^([ \t]*)-", lines[n + 1]) if n + 1 < len(lines) else None
        if not flow and following:
            offset = len(following[1]) - len(found["lead"])
        break
    return last["dash"], key_column, flow, offset, gap


def _yaml_issue(issue: Issue, text: str, data) -> str:
    """A YAML list item for ``issue`` in the style of the items already in ``text`` (whose parsed
    ``data`` is given; with an ``issues:`` key first when the file has no issues yet)."""
    dash, key_column, flow, offset, gap = _yaml_style(text)
    pad = " " * key_column

    def phrases(key: str, values: list[str]) -> list[str]:
        if flow:
            return [f"{pad}{key}: [" + ", ".join(_yaml_scalar(v, True) for v in values) + "]"]
        return [f"{pad}{key}:"] + [
            " " * max(key_column + offset, 0) + "- " + _yaml_scalar(v, False) for v in values
        ]

    lines = [
        dash + "-" + " " * (key_column - len(dash) - 1) + f"name: {_yaml_scalar(issue.name, False)}",
        f"{pad}proposition: {_yaml_scalar(issue.proposition, False)}",
        *phrases("keywords", issue.keywords),
    ]
    if issue.against:
        lines += phrases("against", issue.against)
    if not data:
        lines.insert(0, "issues:")
    return ("\n" if gap else "") + "\n".join(lines) + "\n"


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

# Words of talk and reporting that say nothing of an issue: a proposal "like" or "people" groups
# statements by their filler. With spaCy's English stop words.
_FILLER = """said says say told according mr mrs ms sir new time way don't doesn't didn't won't can't isn't
    aren't wasn't i'm it's we're know think make going get want see like people thing things lot lots really
    good great need needs year years day days actually sure right yes okay let look come"""
_STOP = STOP_WORDS | set(_FILLER.split())


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
        # In a fixed order: ties between words come out the same every run (a set's order does not).
        words = Counter(w for i in members for w in sorted(set(content_words(pending[i]))))
        # Content words skip stop words ("future of Ukraine" shares "future ukraine"): where the phrase
        # is not what the statements say, both words in one statement is.
        lead = (
            phrase if all(keyword_span(phrase, pending[i]) for i in members) else phrase.replace(" ", " + ")
        )
        keywords = [lead] + [w for w, n in words.most_common(6) if n >= 2 and w not in phrase.split()][:3]
        proposals.append(Proposal(phrase, keywords, [pending[i] for i in members[:3]], len(members)))
    proposals.sort(key=lambda p: (-p.size, p.name))
    return proposals[:limit]
