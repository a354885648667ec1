"""Coarse part-of-speech tags from fine ones, as the model's attribute ruler sets them, but faster.

en_core_web_sm's ``attribute_ruler`` runs a Matcher with ~180 patterns over every token and costs
about as much as the parser; stancemap reads only ``pos_`` (and the ruler's fixes to space tokens)
from it, never ``morph`` or lemmas. This component applies the ruler's own POS patterns (the last
matching pattern wins, as in the ruler), cached per (tag, word, dependency) so each combination is
worked out once. It is built from the loaded model's patterns, so it follows that model exactly;
``tests/test_extract_pos.py`` checks that against the ruler itself.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Distinct (tag, word, dependency) combinations kept; a corpus of millions of articles has more.
_CACHE_LIMIT = 200_000


def _matches(condition: dict[str, Any], values: dict[str, Any]) -> bool:
    for key, wanted in condition.items():
        value = values[key]
        if isinstance(wanted, dict):
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
        elif value != wanted:
            return False
    return True


class CoarsePos:
    """Sets ``pos_`` from the ruler's patterns; space tokens get tag "_SP" and dependency "dep"."""

    def __init__(self, patterns: list[dict[str, Any]]):
        self.single: list[tuple[dict, str]] = []
        self.after: list[tuple[dict, dict, str]] = []  # two-token patterns that set the second token
        for pattern in patterns:
            pos = pattern["attrs"].get("POS")
            if pos is None:
                continue
            for tokens in pattern["patterns"]:
                if any(set(t) - set(_FIELDS) for t in tokens):
                    raise ValueError(f"unsupported attribute-ruler pattern: {tokens}")
                if len(tokens) == 1:
                    self.single.append((tokens[0], pos))
                elif len(tokens) == 2 and pattern["index"] == 1:
                    self.after.append((tokens[0], tokens[1], pos))
                else:
                    raise ValueError(f"unsupported attribute-ruler pattern: {tokens}")
        self.by_tag: dict[str, list[tuple[dict, str]]] = {}
        self.after_first: dict[tuple, list[tuple[dict, str]]] = {}
        self.id_cache: dict[tuple, str] = {}

    def _rules_for_tag(self, tag: str) -> list[tuple[dict, str]]:
        """The single-token rules that can apply to a tag, in pattern order (most words share a few
        dozen tags, so each word is checked against a handful of rules, not all of them)."""
        rules = self.by_tag.get(tag)
        if rules is None:
            rules = self.by_tag[tag] = [
                ({k: v for k, v in condition.items() if k != "TAG"}, pos)
                for condition, pos in self.single
                if "TAG" not in condition or _matches({"TAG": condition["TAG"]}, {"TAG": tag})
            ]
        return rules

    def _pos(self, key: tuple) -> str:
        values = dict(zip(_FIELDS, key, strict=True))
        pos = ""
        for condition, candidate in self._rules_for_tag(key[0]):
            if _matches(condition, values):
                pos = candidate  # the last matching pattern wins, as in the ruler
        return pos

    def _pos_after(self, previous: tuple, ids: tuple, strings) -> str:
        """The POS a two-token pattern gives the token ``ids`` after ``previous`` ("" when none)."""
        seconds = self.after_first.get(previous)
        if seconds is None:
            first_values = dict(zip(_FIELDS, _strings(previous, strings), strict=True))
            seconds = self.after_first[previous] = [
                (second, pos) for first, second, pos in self.after if _matches(first, first_values)
            ]
        if not seconds:
            return ""
        values = dict(zip(_FIELDS, _strings(ids, strings), strict=True))
        pos = ""
        for second, candidate in seconds:
            if _matches(second, values):
                pos = candidate
        return pos

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        # One array read and one array write instead of a Token object per word: keyed by hash ids.
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        pos_ids = []
        previous = None
        for ids in map(tuple, rows):
            pos = self.id_cache.get(ids)
            if pos is None:
                if len(self.id_cache) > _CACHE_LIMIT:  # words keep coming: keep memory flat
                    self.id_cache.clear()
                    self.after_first.clear()
                pos = self.id_cache[ids] = self._pos(_strings(ids, strings))
            if previous is not None and self.after:
                pos = self._pos_after(previous, ids, strings) or pos
            pos_ids.append(POS_IDS[pos] if pos else 0)
            previous = ids
        current = doc.to_array([POS]).tolist()
        doc.from_array(
            [POS], numpy.array([p or c for p, c in zip(pos_ids, current, strict=True)], dtype="uint64")
        )
        for i, row in enumerate(rows):
            if row[3]:  # space tokens, rare: the ruler's fixes to their tag and dependency
                token = doc[i]
                token.tag_ = "_SP"
                if token.dep:
                    token.dep_ = "dep"
        return doc


def _strings(ids: tuple, strings) -> tuple:
    return (strings[ids[0]], strings[ids[1]], strings[ids[2]], ids[3])


@Language.factory("stancemap_pos", default_config={"patterns": []}, assigns=["token.pos"])
def make_coarse_pos(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> CoarsePos:
    return CoarsePos(patterns)
