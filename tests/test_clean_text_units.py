from stancemap.clean.text import clean_text, split_paragraphs, split_units
from stancemap.model import Document

PAGE = "Title - Site\n\nHome\nNews\nSport\n\n  First paragraph of prose.  \nSecond line.\n\n\nFooter\n"


def test_split_paragraphs_spans_are_stripped_slices():
    spans = split_paragraphs(PAGE)
    assert [PAGE[s:e] for s, e in spans] == [
        "Title - Site",
        "Home\nNews\nSport",
        "First paragraph of prose.  \nSecond line.",
        "Footer",
    ]


def test_split_units_are_lines_with_their_blocks():
    units, blocks = split_units(PAGE)
    assert [PAGE[s:e] for s, e in units] == [
        "Title - Site",
        "Home",
        "News",
        "Sport",
        "First paragraph of prose.",
        "Second line.",
        "Footer",
    ]
    assert blocks == [0, 1, 1, 1, 2, 2, 3]


def test_split_units_keeps_hard_wrapped_paragraphs_whole():
    line = "word " * 12
    wrapped = "\n\n".join("\n".join([line.strip()] * 4) for _ in range(3))
    units, blocks = split_units(wrapped)
    assert len(units) == 3
    assert blocks == [0, 1, 2]


def test_kept_spans_index_the_original_text(example_path):
    text = example_path.read_text(encoding="utf-8")
    cleaned = clean_text(Document(source="example", content=text))
    assert cleaned.text == text
    units, _ = split_units(text)
    for start, end in cleaned.paragraphs:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        assert any(s <= start and end <= e for s, e in units)
