"""The fast coarse-POS component agrees with the model's attribute ruler token for token."""

from __future__ import annotations

import pytest

from stancemap.extract.pipeline import load_base_model, load_nlp

TEXTS = [
    "There is a US backstop, and there were doubts.  Was it premature?\n\nHe said that it would work.",
    "Sir Keir Starmer has urged Donald Trump to provide a “backstop”, insisting it is the only way.",
    "Something happened because anyone could see it; if they'd known, they wouldn't have gone.",
    "Mr Scholz said talk of boots on the ground was “premature,” adding: “This is inappropriate.”",
]


@pytest.fixture(scope="module")
def stock():
    """The stock model with the same sentence boundaries as ours: only POS is compared here."""
    nlp = load_base_model()
    nlp.add_pipe("stancemap_paragraphs", before="parser")
    return nlp


@pytest.mark.parametrize("text", TEXTS)
def test_pos_same_as_attribute_ruler(stock, text):
    ours = load_nlp()
    assert "attribute_ruler" not in ours.pipe_names
    expected = [(t.text, t.pos_, t.tag_, t.dep_) for t in stock(text)]
    got = [(t.text, t.pos_, t.tag_, t.dep_) for t in ours(text)]
    assert got == expected


def test_pos_same_as_attribute_ruler_on_dev(stock, shared_dir):
    """Every token of a slice of real news (PolNeAR dev) gets the ruler's POS."""
    import json

    lines = (shared_dir / "data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    texts = [json.loads(line)["text"] for line in lines]
    ours = load_nlp()
    for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert [(t.pos_, t.tag_, t.dep_) for t in a] == [(t.pos_, t.tag_, t.dep_) for t in b]
