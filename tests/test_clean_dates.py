from stancemap.clean.dates import header_date, normalise_date


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
