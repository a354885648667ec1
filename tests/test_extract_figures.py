"""Figures: the example's gold figures (value, holder, qualifier), and value parsing on small sentences."""

from __future__ import annotations

import pytest

from stancemap.extract.figures import find_figures

# The gold says what kind of figure each is in its "what" ("..., current", "... target", "demanded",
# "suggested"); the qualifier must say the same kind.
KINDS = ("current", "target", "demanded", "suggested")


@pytest.fixture(scope="module")
def example(example_article):
    return example_article


@pytest.fixture(scope="module")
def gold(example_gold):
    return example_gold


def test_example_all_gold_figures(example, gold):
    wrong = []
    for g in gold["numbers"]:
        got = next((f for f in example.figures if f.value == g["value"] and f.unit == g["unit"]), None)
        kind = next((k for k in KINDS if k in g["what"]), None)
        ok = (
            got is not None
            and got.holder == g["holder"]
            and (kind is None or kind in (got.qualifier or ""))
            and (g.get("qualifier") is None or g["qualifier"] in (got.qualifier or ""))
        )
        if not ok:
            wrong.append((g, got))
    assert not wrong, wrong


def test_example_figures_point_into_the_text(example):
    assert example.figures
    for figure in example.figures:
        assert example.text[figure.start : figure.end] == figure.text
        assert str(figure.value).rstrip("0").rstrip(".") in figure.text.replace(",", "")


def test_example_figure_measures_defence_spending(example):
    current = next(f for f in example.figures if f.qualifier and "current" in f.qualifier)
    assert "defence spending" in current.what
    assert "gross national product" in current.what


@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [
        ("Germany currently spends about 1.5% of its economy on defence.", 1.5, "%", "current, around"),
        ("The council wants to spend $5 million on buses.", 5e6, "USD", None),
        ("France has sent 2,000 troops to the border.", 2000, "troops", None),
        ("Italy plans to spend less than 2% on defence.", 2, "%", "less than"),
    ],
)
def test_values_units_and_bounds(nlp, text, value, unit, qualifier):
    doc = nlp(text)
    (figure,) = find_figures(doc, doc._.actor_table)
    assert (figure.value, figure.unit) == (value, unit)
    if qualifier:
        assert qualifier in figure.qualifier


def test_holder_is_the_clause_subject(nlp):
    doc = nlp("Germany currently spends about 1.5% of its economy on defence.")
    (figure,) = find_figures(doc, doc._.actor_table)
    assert figure.holder == "Germany"


def test_bare_counts_of_nothing_tracked_are_not_figures(nlp):
    doc = nlp("The two leaders met for 3 hours and shook hands 12 times.")
    assert find_figures(doc, doc._.actor_table) == []


def test_figures_money_baseline_and_demand(nlp):
    doc = nlp(
        "Reeves said the government would spend £2bn on schools, up from £1.5bn last year. "
        "Unions want a 10% pay rise."
    )
    got = [(f.text, f.value, f.unit, f.holder, f.qualifier) for f in find_figures(doc, doc._.actor_table)]
    assert got == [
        ("£2bn", 2e9, "GBP", "Reeves", None),
        ("£1.5bn", 1.5e9, "GBP", "Reeves", "previous"),  # the amount the rise is measured from
        ("10%", 10, "%", "Unions", "demanded"),
    ]


@pytest.mark.parametrize(
    "text,figure_text,value,unit",
    [
        ("The government will spend £2bn on schools.", "£2bn", 2e9, "GBP"),
        ("The government will spend 2 billion pounds on schools.", "2 billion pounds", 2e9, "GBP"),
        ("The fund rose to €3 billion.", "€3 billion", 3e9, "EUR"),
        ("The city will spend $40m on buses.", "$40m", 4e7, "USD"),
        ("Japan will spend ¥500bn on defence.", "¥500bn", 5e11, "JPY"),
        ("Japan approved ¥450bn for defence.", "¥450bn", 4.5e11, "JPY"),  # read as a person's name
        ("The US will spend US$5bn on aid.", "US$5bn", 5e9, "USD"),
        ("Australia pledged A$3bn in aid.", "A$3bn", 3e9, "AUD"),
        ("Canada will spend C$2bn on defence.", "C$2bn", 2e9, "CAD"),
        ("Hong Kong will spend HK$4bn on housing.", "HK$4bn", 4e9, "HKD"),
        ("They paid HK$40 million.", "HK$40 million", 4e7, "HKD"),
        ("The city will spend 5 million euros on buses.", "5 million euros", 5e6, "EUR"),
        ("Japan will spend 300 billion yen on defence.", "300 billion yen", 3e11, "JPY"),
        ("The donor gave more than $25,000.", "more than $25,000", 25000, "USD"),  # a bound before the sign
        ("He paid 25 pounds for the ticket.", "25 pounds", 25, "GBP"),  # a sentence about money
        ("The shop sold €2 coins.", "€2", 2, "EUR"),  # a sign is money
        ("The shop sold £25 of beef.", "£25", 25, "GBP"),
        (
            "Canberra will spend 5 billion Australian dollars on defence.",
            "5 billion Australian dollars",
            5e9,
            "AUD",
        ),
        (
            "Ottawa will spend 5 billion Canadian dollars on defence.",
            "5 billion Canadian dollars",
            5e9,
            "CAD",
        ),
        ("The bank lent 3 billion Hong Kong dollars.", "3 billion Hong Kong dollars", 3e9, "HKD"),
    ],
)
def test_figures_money_keeps_its_currency(nlp, text, figure_text, value, unit):
    doc = nlp(text)
    (figure,) = find_figures(doc, doc._.actor_table)
    assert (figure.text, figure.value, figure.unit) == (figure_text, value, unit)


@pytest.mark.parametrize(
    "text,figures",
    [
        (
            "The government will increase the budget from £10bn to £12bn next year.",  # "to" hangs from "from"
            [("£10bn", "previous"), ("£12bn", None)],
        ),
        ("Spending rose to €3bn from €2.5bn.", [("€3bn", None), ("€2.5bn", "previous")]),
        # a range, not a change: both ends hold now (the entity recogniser reads it as one entity)
        (
            "Mexico set tariffs ranging from 5 percent to 25 percent.",
            [("5 percent", None), ("25 percent", None)],
        ),
        # a change the recogniser reads as one entity: both amounts, the first the previous one
        (
            "Britain will raise defence spending from 2.3% to 2.5% of GDP by 2027.",
            [("2.3%", "previous"), ("2.5%", None)],
        ),
    ],
)
def test_figures_change_is_measured_from_the_previous_amount(nlp, text, figures):
    doc = nlp(text)
    assert [(f.text, f.qualifier) for f in find_figures(doc, doc._.actor_table)] == figures


@pytest.mark.parametrize(
    "text,holder,qualifier",
    [
        ("Ministers do not want a 10% pay rise.", None, None),
        ("Reeves said unions do not want a 10% pay rise.", None, None),  # not the reporter's either
        ("Germany does not want to spend more than 2% on defence.", "Germany", "more than"),  # its ceiling
    ],
)
def test_figures_refused_figure_is_no_demand(nlp, text, holder, qualifier):
    doc = nlp(text)
    (figure,) = find_figures(doc, doc._.actor_table)
    assert (figure.holder, figure.qualifier) == (holder, qualifier)


@pytest.mark.parametrize(
    "text,holder,what",
    [
        ("Unions want a 10% pay rise.", "Unions", "pay rise"),
        ("Unions demand a 10% pay rise.", "Unions", "pay rise"),
        ("Doctors are calling for a 10% rise.", "Doctors", "rise"),
        ("Reeves said unions want a 10% pay rise.", "unions", "pay rise"),  # theirs, not the reporter's
    ],
)
def test_figures_demanded_figure_is_held_by_whoever_wants_it(nlp, text, holder, what):
    doc = nlp(text)
    (figure,) = find_figures(doc, doc._.actor_table)
    assert (figure.holder, figure.holder_actor, figure.qualifier, figure.what) == (
        holder,
        None,
        "demanded",
        what,
    )


@pytest.mark.parametrize(
    "text,figures",
    [
        ("THE DIET HELPED HER LOSE 25 POUNDS.", [(25, "pounds")]),  # a weight
        ("HE LOST 25 POUNDS.", []),
        ("The farm exported 5 million pounds of beef.", [(5e6, "pounds")]),  # a weight of something
        ("The shop sold 2 euro coins.", []),  # no amount
    ],
)
def test_figures_currency_word_without_money_is_no_money(nlp, text, figures):
    doc = nlp(text)
    assert [(f.value, f.unit) for f in find_figures(doc, doc._.actor_table)] == figures
