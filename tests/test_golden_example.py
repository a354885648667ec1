"""Golden file of the example's extraction output: any change to what stancemap extracts from the
reference article shows up here as a diff to review.

After a deliberate change, regenerate with ``STANCEMAP_UPDATE_GOLDEN=1 pytest tests/test_golden_example.py``
and commit the new golden file with the change that caused it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from stancemap.analyze import analyze_documents
from stancemap.extract.pipeline import load_nlp
from stancemap.ingest import iter_documents

GOLDEN = Path(__file__).parent / "golden" / "starmer-backstop.json"
WATCHLIST = Path(__file__).resolve().parents[1] / "examples" / "watchlist.toml"


def _projection(article) -> dict:
    """What the golden file pins: everything extracted, without the article text and the source path
    (which depends on where the checkout is)."""
    data = article.to_dict()
    data.pop("text")
    data.pop("source")
    return data


def test_example_matches_golden_file(example_path):
    nlp = load_nlp(watchlist=str(WATCHLIST))
    (article,) = list(analyze_documents(iter_documents([str(example_path)]), nlp))
    got = _projection(article)
    if os.environ.get("STANCEMAP_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == expected
