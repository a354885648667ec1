"""A hand-written news page: appeal box, byline, newsletter box and a "most read" list."""

from pathlib import Path

from stancemap.clean import clean
from stancemap.clean.html import furniture
from stancemap.model import Document

PAGE = Path(__file__).parent / "fixtures" / "clean" / "appeal-page.html"


def _cleaned():
    return clean(Document(source=str(PAGE), content=PAGE.read_text(encoding="utf-8"), format="html"))


def test_html_page_body_is_the_article():
    cleaned = _cleaned()
    kept = [cleaned.text[s:e] for s, e in cleaned.paragraphs]
    assert kept[0].startswith("The city council voted on Tuesday night")
    assert kept[-1].startswith("The council expects work on the park")
    assert len(kept) == 5
    joined = "\n".join(kept)
    for furniture_text in ("Your support", "newsletter", "Most read", "Man fined", "By Maria Lopez", "©"):
        assert furniture_text not in joined


def test_html_page_metadata():
    cleaned = _cleaned()
    assert cleaned.title == "Council approves new riverside park after long debate"
    assert cleaned.site == "The Valley Courier"
    assert cleaned.author == "Maria Lopez"
    assert cleaned.published == "2024-05-14"
    assert cleaned.url == "https://valleycourier.example/news/riverside-park"


def test_html_furniture_lines_are_dropped_and_prose_kept():
    lines = [
        "Council approves new riverside park",
        "By Maria Lopez, Local Democracy Reporter",
        "By the end of the year the council will have spent most of its budget.",
        "Related: Council row over housing targets",
        "- Park plans go on show",
        "- Residents split over warehouse site",
        "Opponents argued that the site could have provided homes.",
        "Sign up to our daily newsletter to get the latest news delivered to your inbox.",
        "“I read the newsletter every day,” she said.",
        "''I signed up for the newsletter,'' she told me.",
        "Reporting by Jane Doe; editing by John Roe",
    ]
    drop = furniture(lines, title="Council approves new riverside park")
    assert drop == [True, True, False, True, True, True, False, True, False, False, True]


def test_clean_json_offsets_index_its_text():
    """`stancemap clean --format json`: body and paragraphs are offsets into the printed text."""
    import json

    from click.testing import CliRunner

    from stancemap.cli import cli

    result = CliRunner().invoke(cli, ["clean", "--format", "json", str(PAGE)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    kept = [record["text"][s:e] for s, e in record["paragraphs"]]
    assert "\n\n".join(kept) == record["body_text"]
    assert record["text"][record["body"][0] :].startswith(kept[0])


def test_clean_html_fragment_keeps_its_article():
    """A feed item's description or a saved fragment: one <p> with no page around it."""
    body = (
        "Sir Keir Starmer has urged Donald Trump to provide a backstop to any Ukraine peace settlement, "
        "insisting it is the only way to deter Russia from attacking the country again."
    )
    cleaned = clean(Document(source="item.html", content=f"<p>{body}</p>", format="html"))
    assert [cleaned.text[s:e] for s, e in cleaned.paragraphs] == [body]
