import json
from datetime import date
from pathlib import Path

import pytest

from stancemap.clean import clean, dates
from stancemap.clean.dates import header_date, normalise_date
from stancemap.errors import InputError
from stancemap.ingest import iter_documents
from stancemap.model import Cleaned, Document


def test_normalise_date_reads_common_spellings():
    assert normalise_date("2019-11-19T10:00:00.000+01:00") == "2019-11-19"
    assert normalise_date("November 19, 2019") == "2019-11-19"
    assert normalise_date("Nov. 19th, 2019") == "2019-11-19"
    assert normalise_date("18 February 2025") == "2025-02-18"
    assert normalise_date("Tue, 19 Nov 2019 10:00:00 GMT") == "2019-11-19"
    assert normalise_date("19.11.2019") == "2019-11-19"
    assert normalise_date("20191119") == "2019-11-19"


def test_normalise_date_refuses_ambiguous_and_placeholder_dates():
    assert normalise_date("11/12/2019") is None
    assert normalise_date("0001-01-01") is None
    assert normalise_date("2019-02-30") is None
    assert normalise_date("yesterday") is None
    assert normalise_date(None) is None


def test_header_date_reads_scraper_header_and_where_it_ends():
    text = " date 2025-02-18 Your support helps us"
    published, end = header_date(text)
    assert published == "2025-02-18"
    assert text[end:].lstrip().startswith("Your support")
    assert header_date("Sir Keir Starmer has urged") == (None, 0)


def test_clean_scraper_header_is_no_title():
    from stancemap.clean import clean
    from stancemap.model import Document

    body = "The minister said on Monday that the charge was premature.\n\nMore text follows here."
    assert clean(Document(source="a", content=f"date 2024-03-04\n\n{body}")).title is None
    titled = clean(
        Document(source="b", content=f"date 2024-03-04\n\nCity to scrap congestion charge\n\n{body}")
    )
    assert (titled.title, titled.published) == ("City to scrap congestion charge", "2024-03-04")


BODY = (
    "Sir Keir Starmer has urged Donald Trump to provide a backstop to any Ukraine peace settlement, "
    "insisting it is the only way to deter Russia.\n\n"
    "The Prime Minister's appeal came after European leaders gathered in Paris for emergency talks on "
    "the future security of the continent.\n\n"
    "Countries must commit to bolstering both spending and capability, he said, after Washington warned "
    "it would reduce its commitments.\n"
)
MENU = "Home\nNews\nPolitics\nSport\n\n"
HEADLINE = "Starmer urges Trump to back peace deal\n"


def _page(above_body: str, **hints) -> Cleaned:
    """A plain-text page cleaned: the headline, then ``above_body`` on the lines just above the body."""
    return clean(Document(source="a", content=f"{HEADLINE}{above_body}\n\n{BODY}", **hints))


@pytest.mark.parametrize(
    "lines",
    [
        "March 4, 2025",
        "4 March 2025",
        "Tue 4 Mar 2025 10.00 GMT",
        "Updated: 2025-03-04T10:00:00Z",
        "By Jane Doe | Mar. 4th, 2025 6:00 pm ET • 2 min read",
        "PUBLISHED: 4 March 2025 at 9:00 am | UPDATED: 5 March 2025 at 1:00 pm",
        "Posted: Tue 4 Mar 2025 |\nUpdated: Wed 5 Mar 2025",
    ],
)
def test_clean_dates_date_line_above_the_body_dates_plain_text(lines):
    cleaned = clean(Document(source="a", content=f"{MENU}{HEADLINE}{lines}\n\n{BODY}"))
    assert cleaned.published == "2025-03-04"
    assert cleaned.text[cleaned.body[0] :].startswith("Sir Keir")


@pytest.mark.parametrize(
    "line",
    [
        "Published Date: 4 March 2025",
        "Date Posted: 4 March 2025",
        "Publish date: 4 March 2025",
        "Article published: 4 March 2025",
        "Originally published on March 4, 2025",
        "Written by Jane Doe on March 4, 2025",
        "Submitted by jdoe on March 4, 2025",
        "Created on March 4, 2025",
        "Published: March 4, 2025.",
        "Posted on March 4, 2025 at 10:00 GMT.",
    ],
)
def test_clean_dates_publication_labels_in_other_words_date_plain_text(line):
    """Labels that say "published" in other words, and a labelled date ending in a full stop."""
    cleaned = clean(Document(source="a", content=f"{MENU}{HEADLINE}{line}\n\n{BODY}", url=URL))
    assert cleaned.published == "2025-03-04"


@pytest.mark.parametrize(
    "line",
    [
        "Published reports say the strike began on March 4, 2025.",
        "Created on March 4, 2025, the fund grew.",
        "Deadline: March 4, 2025.",
        "It happened March 4, 2025.",
    ],
)
def test_clean_dates_sentences_opening_with_a_label_word_give_no_date(line):
    assert _page(line, url=URL).published == "2025-03-03"


def test_clean_dates_wire_dateline_with_its_year_dates_plain_text():
    cleaned = clean(Document(source="a", content=f"LONDON, March 4, 2025 (Reuters) - {BODY}"))
    assert cleaned.published == "2025-03-04"


@pytest.mark.parametrize(
    "text",
    [
        f"LONDON, March 4 (Reuters) - {BODY}",  # no year: not guessed
        f"{HEADLINE}\nThe talks will resume on March 4, 2025, officials in London and Paris said.\n\n{BODY}",
        f"{HEADLINE}Source: Defence Ministry, March 4, 2025\n\n{BODY}",  # a caption's credit
        # A list of dated links above the article.
        f"{HEADLINE}More news\nMarch 1, 2025\nFebruary 27, 2025\nFebruary 20, 2025\n\n{BODY}",
        # Today's date at the top of the page, far above the article.
        "Tuesday, March 11, 2025\n" + "".join(f"Section {i}\n" for i in range(20)) + f"\n{HEADLINE}\n{BODY}",
    ],
    ids=["yearless-dateline", "event-in-body", "credit", "link-list", "page-header"],
)
def test_clean_dates_dates_of_events_and_page_furniture_are_not_read(text):
    url = "https://www.example.com/2025/03/03/peace-talks/"
    assert clean(Document(source="a", content=text, url=url)).published == "2025-03-03"


URL = "https://www.example.com/2025/03/03/peace-talks/"


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADLINE}\nOn March 4, 2019, she died at home.\n\n{BODY}",
        f"On March 4, 2019, she died at home.\n\n{BODY}",
        f"{HEADLINE}\nThe vote came on March 4, 2019.\n\n{BODY}",
        f"{HEADLINE}\nVoters go to the polls on May 7, 2026\n\n{BODY}",
    ],
    ids=["died", "died-first-line", "vote", "polls"],
)
def test_clean_dates_sentence_dates_give_way_to_the_url_and_container_dates(text):
    assert clean(Document(source="a", content=text, url=URL)).published == "2025-03-03"
    assert (
        clean(Document(source="a", content=text, url=URL, published="2025-03-02")).published == "2025-03-02"
    )
    assert clean(Document(source="a", content=text)).published is None


@pytest.mark.parametrize(
    "line",
    [
        "Walkout set for June 12, 2025",
        "Deadline: 4 March 2026",
        "Event date: 4 March 2026",
        "Year ended 31 March 2024",
        "Next meeting: 4 March 2026",
        "Related: Peace talks resume, 1 March 2025",
    ],
)
def test_clean_dates_lines_labelled_with_other_dates_give_no_date(line):
    assert _page(line, url=URL).published == "2025-03-03"


@pytest.mark.parametrize(
    "lines",
    [
        "By Jane Doe, 4 March 2025\nRelated: Peace talks, 1 March 2025",
        "4 March 2025\nRelated: Peace talks, 1 March 2025",
        "Related: Peace talks, 1 March 2025\n4 March 2025",
        "4 March 2025\nNext meeting: 1 April 2025",
    ],
)
def test_clean_dates_date_line_wins_over_labelled_dates_beside_it(lines):
    assert _page(lines, url=URL).published == "2025-03-04"


def test_clean_dates_container_date_comes_before_the_url_date(tmp_path):
    """A date line on the page, else the container's date, else the URL's, else an "updated" line."""
    url = "https://www.example.com/2019/11/19/politics/peace-talks.html"
    assert (
        clean(Document(source="a", content=BODY, url=url, published="2019-11-25")).published == "2019-11-25"
    )
    updated = f"{HEADLINE}Updated Nov 21, 2019, 10:28am EST\n\n{BODY}"
    assert clean(Document(source="a", content=updated, published="2019-11-25")).published == "2019-11-25"
    rows = [
        {"id": "a", "url": url, "text": BODY, "date": "2019-11-20"},
        {"id": "b", "url": url, "text": BODY, "published": "21 November 2019"},
        {"id": "c", "url": url, "text": BODY},
    ]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    documents = iter_documents([str(tmp_path / "pages.jsonl")])
    assert [clean(d).published for d in documents] == ["2019-11-20", "2019-11-21", "2019-11-19"]


def test_clean_dates_url_dates_plain_text_the_page_does_not():
    url = "https://www.example.com/2019/11/19/politics/peace-talks.html"
    assert clean(Document(source="a", content=BODY, url=url)).published == "2019-11-19"
    # A date only marked "updated" gives way to the URL's, which is the first publication's.
    updated = f"{HEADLINE}Updated Nov 21, 2019, 10:28am EST\n\n{BODY}"
    assert clean(Document(source="a", content=updated, url=url)).published == "2019-11-19"
    # The container's date (a JSONL "date", a feed entry's) is taken when the page shows none.
    assert _page("Nov 20, 2019", url=url, published="2019-11-25").published == "2019-11-20"
    assert clean(Document(source="a", content=BODY, published="2019-11-25")).published == "2019-11-25"
    # A crawl date only bounds the date: the URL's comes first, and it is the last resort.
    assert (
        clean(Document(source="a", content=BODY, url=url, crawl_date="2024-03-09")).published == "2019-11-19"
    )
    assert clean(Document(source="a", content=BODY, crawl_date="2024-03-09")).published == "2024-03-09"


def test_clean_dates_html_stated_date_beats_the_url_and_the_crawl():
    """An HTML page without a date in its markup takes the date its feed entry or JSONL row states
    over htmldate's reading of the URL; a WARC crawl date only when nothing else gives one."""
    url = "https://www.nytimes.com/2019/11/19/opinion/x.html"
    page = f"<html><body><article><h1>{HEADLINE.strip()}</h1><p>{BODY}</p></article></body></html>"
    stated = Document(source="a", content=page, format="html", url=url, published="2019-11-21")
    assert clean(stated).published == "2019-11-21"
    crawled = Document(source="a", content=page, format="html", url=url, crawl_date="2024-03-09")
    assert clean(crawled).published == "2019-11-19"
    undated = Document(source="a", content=page, format="html", crawl_date="2024-03-09")
    assert clean(undated).published == "2024-03-09"
    marked = page.replace(
        "<html>", '<html><head><meta property="article:published_time" content="2019-11-20">'
    )
    stated_too = Document(source="a", content=marked, format="html", url=url, published="2019-11-21")
    assert clean(stated_too).published == "2019-11-20"  # the page's own markup wins


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nytimes.com/2019/11/19/opinion/x.html", "2019-11-19"),
        ("https://www.vox.com/science/2019/11/8/20948348/delhi", "2019-11-08"),
        ("https://www.latimes.com/business/story/2019-11-19/disney-plus", "2019-11-19"),
        ("https://www.cbsnews.com/news/key-moments-testimony-2019-11-19/", None),  # the event's date
        ("https://example.com/news?date=2019/11/19", None),
        ("https://example.com/2019/13/40/x", None),
        (None, None),
    ],
)
def test_clean_dates_url_date(url, expected):
    assert dates.url_date(url) == expected


def test_clean_dates_jsonl_text_pages_get_a_date(tmp_path):
    row = {"id": "a", "url": "https://www.example.com/2019/11/19/peace-talks/", "text": BODY}
    (tmp_path / "pages.jsonl").write_text(json.dumps(row) + "\n")
    (document,) = iter_documents([str(tmp_path / "pages.jsonl")])
    assert clean(document).published == "2019-11-19"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Troy L. Smith, Cleveland.com", "Troy L. Smith"),
        ("By Sean O'Brien | March 4, 2025", "Sean O'Brien"),
        ("By Meg James Staff Writer", "Meg James"),
        ("By Ana Swanson and Keith Bradsher", "Ana Swanson and Keith Bradsher"),
    ],
)
def test_clean_text_byline_above_the_body_is_the_author(line, author):
    assert _page(line).author == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By José Álvarez", "José Álvarez"),
        ("By Zoë Ball | March 4, 2025", "Zoë Ball"),
        ("By Łukasz Nowak and Ana Swanson", "Łukasz Nowak and Ana Swanson"),
        ("By Dr. Sarah Jones", "Sarah Jones"),
        ("By Prof. Alan Smith, Reuters", "Alan Smith"),
    ],
)
def test_clean_text_byline_names_in_any_latin_script_without_titles(line, author):
    assert _page(line).author == author


@pytest.mark.parametrize("when", ["Christmas Day", "New Year's Eve", "March"])
def test_clean_text_byline_of_a_time_is_no_author(when):
    assert _page(f"By {when}").author is None
    # A name may start as a month or a season does.
    named = _page(f"By {when.split()[0]} Smith")
    assert named.author == f"{when.split()[0]} Smith"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ursula von der Leyen", "Ursula von der Leyen"),
        ("By Bashar al-Assad | March 4, 2025", "Bashar al-Assad"),
        ("By DR. SARAH JONES", "SARAH JONES"),
        ("By Nguyễn Văn An", "Nguyễn Văn An"),
        ("By Black Friday", None),
        ("By Cyber Monday", None),
        ("By Jack Black", "Jack Black"),
    ],
)
def test_clean_text_byline_particles_titles_in_capitals_vietnamese_and_shopping_days(line, author):
    assert _page(line).author == author


def test_clean_text_byline_is_a_line_not_a_sentence():
    assert _page("By Jane Doe").author == "Jane Doe"
    sentence = f"{HEADLINE}\nBy Christmas, the shops were empty.\n\n{BODY}"
    assert clean(Document(source="a", content=sentence)).author is None


def test_clean_dates_text_pages_dated_like_their_html(shared_dir):
    """The article-extraction pages flattened to text: most get a date, and the HTML page's date or one
    a day off (local date against the markup's UTC). Figures in the README (benchmarks/text_dates.py)."""
    data = shared_dir / "data" / "article-extraction"
    html = {}
    for document in iter_documents([str(data / "html")]):
        html[Path(document.source).name.split(".")[0]] = clean(document).published
    dated = close = 0
    for document in iter_documents([str(data / "text-pages.jsonl")]):
        try:
            published = clean(document).published
        except InputError:
            continue
        if published:
            dated += 1
            other = html.get(document.source.rsplit("#", 1)[1])
            close += (
                bool(other) and abs((date.fromisoformat(other) - date.fromisoformat(published)).days) <= 1
            )
    assert dated >= 60  # of 90; none before text pages were dated
    assert close >= dated - 2
