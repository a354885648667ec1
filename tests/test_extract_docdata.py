"""Docs from the pipeline serialise like any spaCy Doc: bytes, DocBin, and nlp.pipe in several processes."""

from __future__ import annotations

from pathlib import Path

import pytest
import srsly
from spacy.tokens import Doc, DocBin

from stancemap.extract.pipeline import load_nlp
from stancemap.model import Quote, Span, Speaker

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "starmer-backstop.txt"

RESULTS = ("actors", "quotes", "stances", "figures", "events", "actor_table")


@pytest.fixture(scope="module")
def nlp_with_watchlist():
    return load_nlp(str(ROOT / "examples" / "watchlist.toml"))


@pytest.fixture(scope="module")
def example_doc(nlp_with_watchlist):
    doc = nlp_with_watchlist(EXAMPLE.read_text(encoding="utf-8"))
    assert doc._.quotes and doc._.stances and doc._.figures and doc._.events
    return doc


def test_docdata_doc_bytes_round_trip_keeps_every_result(example_doc, nlp_with_watchlist):
    restored = Doc(nlp_with_watchlist.vocab).from_bytes(example_doc.to_bytes())
    for name in RESULTS:
        assert getattr(restored._, name) == getattr(example_doc._, name), name
    # msgpack has one array type; the fields typed as tuples come back as tuples.
    assert all(isinstance(m, tuple) for a in restored._.actors for m in a.mentions)


def test_docdata_restored_doc_can_be_read_again(example_doc, nlp_with_watchlist):
    restored = Doc(nlp_with_watchlist.vocab).from_bytes(example_doc.to_bytes())
    assert nlp_with_watchlist.get_pipe("stancemap_quotes")(restored)._.quotes == example_doc._.quotes


def test_docdata_docbin_with_user_data(example_doc, nlp_with_watchlist):
    data = DocBin(docs=[example_doc], store_user_data=True).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp_with_watchlist.vocab)
    # DocBin reads arrays as tuples: the list of quotes comes back as a tuple of the same quotes.
    assert list(restored._.quotes) == example_doc._.quotes
    assert restored._.actors[0] == example_doc._.actors[0]


def test_docdata_nlp_pipe_in_two_processes(nlp):
    texts = ["“We will not back down,” Sir Keir Starmer said on Sunday.", "Mr Scholz said it was premature."]
    one = [doc._.quotes for doc in nlp.pipe(texts)]
    two = [doc._.quotes for doc in nlp.pipe(texts, n_process=2)]
    assert one == two and one[0][0].speaker.name == "Keir Starmer"


def test_docdata_reads_only_its_own_classes():
    quote = Quote(1, 5, "text", "direct", cue=Span(6, 10, "said"), speaker=Speaker(None, "he", 11, 13))
    assert srsly.msgpack_loads(srsly.msgpack_dumps([quote])) == [quote]
    # A tag naming anything else is left as the dict it is: reading bytes never calls it.
    planted = {"__stancemap__": "system", "command": "echo"}
    assert srsly.msgpack_loads(srsly.msgpack_dumps(planted)) == planted


@pytest.mark.parametrize(
    "payload",
    [
        {"__stancemap__": "Quote", "start": 1},  # fields missing
        {"__stancemap__": "Quote", "end": 2, "text": "t", "kind": "direct"},
    ],
)
def test_docdata_malformed_payload_is_a_clear_error(payload):
    with pytest.raises(ValueError, match="stored Quote cannot be read back"):
        srsly.msgpack_loads(srsly.msgpack_dumps(payload))


def test_docdata_foreign_tags_pass_through():
    for payload in ({"__stancemap__": [1]}, {"__stancemap__": "Actor2"}, {"mentions": "abc"}):
        assert srsly.msgpack_loads(srsly.msgpack_dumps(payload)) == payload
