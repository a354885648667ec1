"""Near-duplicates: syndicated copies link to the first article of the story; different stories do not."""

from __future__ import annotations

import hashlib
import random

import pytest

from stancemap.clean.dedup import (
    SIGNATURE_BYTES,
    NearDuplicateIndex,
    is_empty,
    shingles,
    signature,
    similarity,
)

VOCABULARY = [f"word{i}" for i in range(5000)]


def article(seed: int, words: int = 600) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(words))


def edited(text: str, every: int, start: int = 0) -> str:
    """A copy with one word in ``every`` changed, as a subeditor or another site would."""
    words = text.split()
    for i in range(start, len(words), every):
        words[i] = "changed"
    return " ".join(words)


def test_signature_is_compact_and_deterministic():
    sig = signature(article(1))
    assert isinstance(sig, bytes) and len(sig) == SIGNATURE_BYTES == 512
    assert signature(article(1)) == sig
    # Pinned: signatures are stored, so seed, hashing scheme and shingling must never drift.
    assert hashlib.sha256(signature("The minister said the plan would go ahead.")).hexdigest()[:16] == (
        "2e84d9c586fef077"
    )


def test_shingles_are_word_five_grams_ignoring_case_and_punctuation():
    assert shingles("One two, THREE four five six!") == {
        b"one two three four five",
        b"two three four five six",
    }
    assert shingles("Too short") == {b"too short"}
    assert shingles("  ...  ") == set()


def test_light_edits_stay_similar_and_other_stories_do_not():
    base = article(1)
    assert similarity(signature(base), signature(edited(base, 100))) > 0.85
    assert similarity(signature(base), signature(article(2))) < 0.1


def test_syndicated_copies_link_to_the_first_article():
    index = NearDuplicateIndex()
    original = article(1)
    assert index.add("a", signature(original)) is None
    assert index.add("b", signature(article(2))) is None
    assert index.add("a-copy", signature(edited(original, 120))) == "a"
    assert index.add("a-copy2", signature("Reuters - " + edited(original, 90))) == "a"
    assert index.canonical("a-copy") == "a" and index.canonical("a") is None


def test_copies_of_copies_link_to_the_canonical_article():
    index = NearDuplicateIndex()
    first = article(3)
    second = edited(first, 60)  # ten words changed: similar to first
    third = edited(second, 60, start=30)  # ten more: similar to second, not to first
    assert (
        similarity(signature(first), signature(third))
        < 0.8
        <= similarity(signature(second), signature(third))
    )
    index.add("first", signature(first))
    assert index.add("second", signature(second)) == "first"
    assert index.add("third", signature(third)) == "first"


def test_rewritten_story_is_not_a_duplicate():
    base = article(4)
    index = NearDuplicateIndex()
    index.add("a", signature(base))
    assert index.add("b", signature(edited(base, 6))) is None  # one word in six changed: a different text


def test_adding_again_changes_nothing():
    index = NearDuplicateIndex()
    sig = signature(article(5))
    index.add("a", sig)
    assert index.add("b", sig) == "a"
    assert index.add("b", sig) == "a" and index.add("a", sig) is None
    assert len(index) == 2 and "b" in index


def test_rebuilt_index_links_the_same_way():
    texts = {"a": article(6), "b": article(7), "c": edited(article(6), 150), "d": edited(article(7), 200)}
    first_run = NearDuplicateIndex()
    links = {k: first_run.add(k, signature(t)) for k, t in texts.items()}
    assert links == {"a": None, "b": None, "c": "a", "d": "b"}
    stored = [(k, signature(t)) for k, t in texts.items()]
    resumed = NearDuplicateIndex.from_signatures(stored[:3])
    assert resumed.canonical("c") == "a"
    assert resumed.add("d", stored[3][1]) == "b"
    assert resumed.add("e", signature(edited(texts["b"], 90))) == "b"


def test_empty_texts_are_never_duplicates():
    index = NearDuplicateIndex()
    assert is_empty(signature("")) and not is_empty(signature("word"))
    assert index.add("x", signature("")) is None
    assert index.add("y", signature("  ")) is None


def test_wrong_signature_length_is_a_clear_error():
    with pytest.raises(ValueError, match="512 bytes"):
        NearDuplicateIndex().add("a", b"short")


@pytest.mark.parametrize(
    ("url", "same_as"),
    [
        ("http://nytimes.com/2019/11/19/opinion/x.html", "https://www.nytimes.com/2019/11/19/opinion/x.html"),
        (
            "https://www.nytimes.com/2019/11/19/opinion/x.html/",
            "https://www.nytimes.com/2019/11/19/opinion/x.html",
        ),
        (
            "https://WWW.NYTIMES.COM:443/2019/11/19/opinion/x.html#after",
            "https://nytimes.com/2019/11/19/opinion/x.html",
        ),
        ("https://a.example/news?idx=8576", "https://a.example/news/?idx=8576"),
    ],
)
def test_clean_dedup_url_key_is_the_same_for_the_same_page(url, same_as):
    from stancemap.clean import dedup

    assert dedup.url_key(url) == dedup.url_key(same_as) is not None


def test_clean_dedup_url_key_tells_pages_apart_and_names_no_front_page():
    from stancemap.clean import dedup

    assert dedup.url_key("https://a.example/news?idx=1") != dedup.url_key("https://a.example/news?idx=2")
    assert dedup.url_key("https://a.example/News") != dedup.url_key("https://a.example/news")
    for url in ("https://a.example/", "https://www.a.example", "ftp://a.example/x", "/tmp/x.txt", "", None):
        assert dedup.url_key(url) is None, url
