"""Shared fixtures: the repo's example, the annotated data in ../shared (skipped when absent), the model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "starmer-backstop.txt"
SHARED = Path(os.environ.get("STANCEMAP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (annotated corpora and scorers); tests that need it skip with a clear message."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"annotated data not found at {SHARED} (set STANCEMAP_SHARED to its folder)")
    return SHARED


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def nlp():
    """The stancemap spaCy pipeline, loaded once per test session."""
    from stancemap.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def example_article(example_path, nlp):
    """The example article analyzed once for every test module that reads it."""
    from stancemap.analyze import analyze_documents
    from stancemap.ingest import iter_documents
    from stancemap.model import Article

    (result,) = list(analyze_documents(iter_documents([str(example_path)]), nlp))
    assert isinstance(result, Article), result
    return result


@pytest.fixture(scope="session")
def example_gold(shared_dir) -> dict:
    """The example's hand-made gold annotation (../shared/examples/starmer-backstop.gold.json)."""
    import json

    return json.loads((shared_dir / "examples" / "starmer-backstop.gold.json").read_text(encoding="utf-8"))
