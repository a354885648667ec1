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
