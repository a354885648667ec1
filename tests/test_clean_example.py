"""The reference article: a scraper header glued to a donation appeal, then the report."""

from stancemap.clean import clean
from stancemap.model import Document


def test_example_body_starts_at_the_report(example_path):
    text = example_path.read_text(encoding="utf-8")
    cleaned = clean(Document(source=str(example_path), content=text))
    assert cleaned.text[cleaned.body[0] :].startswith("Sir Keir Starmer has urged")
    assert cleaned.published == "2025-02-18"


def test_example_drops_the_appeal_and_keeps_the_report(example_path):
    text = example_path.read_text(encoding="utf-8")
    cleaned = clean(Document(source=str(example_path), content=text))
    kept = "\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)
    assert "Your support" not in kept
    assert "donation" not in kept
    last_line = text.strip().splitlines()[-1].strip()
    assert kept.endswith(last_line)
    assert len(cleaned.paragraphs) >= 15
