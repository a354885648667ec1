from stancemap.clean.boilerplate import boilerplate_score, load_weights
from stancemap.clean.features import NAMES, unit_features
from stancemap.clean.text import clean_text
from stancemap.model import Document

ARTICLE = [
    "The regional government announced on Monday that it would spend an extra two billion on rail lines, "
    "after months of pressure from commuters and business groups across the north.",
    "Transport officials said the money would pay for new signalling, longer platforms and twenty new trains, "
    "and that the first upgrades would be finished within three years.",
    "“We have listened to the people who use these lines every day, and they have told us clearly what needs "
    "to change,” the transport minister said at a press conference in the capital.",
    "Opposition politicians welcomed the plan but said it came too late, pointing out that services had been "
    "cut twice in the past five years while fares had risen faster than wages.",
    "Business leaders said reliable trains were essential to attract investment, and urged the government to "
    "publish a timetable for the work so that companies could plan around it.",
]
APPEAL = (
    "Your support helps us to tell the story. Donate now and become a supporter: your donation keeps our "
    "journalism free for everyone."
)
COOKIES = "We use cookies to improve your experience. By continuing you accept our cookie policy and privacy policy."
NEWSLETTER = "Sign up to our free newsletter and get the latest news delivered to your inbox every morning."


def _page() -> str:
    menu = "\n".join(["Home", "News", "Politics", "Business", "Sport", "Opinion", "Subscribe", "Log in"])
    return "\n\n".join(
        [
            "Rail spending plan unveiled - The Daily Example",
            menu,
            ARTICLE[0],
            ARTICLE[1],
            APPEAL,
            ARTICLE[2],
            ARTICLE[3],
            NEWSLETTER,
            ARTICLE[4],
            COOKIES,
            "© 2024 The Daily Example. All rights reserved.",
        ]
    )


def test_boilerplate_drops_menu_appeal_cookies_and_newsletter():
    text = _page()
    cleaned = clean_text(Document(source="page", content=text))
    kept = [text[s:e] for s, e in cleaned.paragraphs]
    assert kept == ARTICLE


def test_boilerplate_scores_appeals_above_prose():
    prose = boilerplate_score(ARTICLE[1])
    for line in (APPEAL, COOKIES, NEWSLETTER):
        assert boilerplate_score(line) > prose


def test_boilerplate_weights_match_the_features():
    weights = load_weights()
    assert weights["names"] == NAMES
    assert len(weights["stage1"]["coef"]) == len(NAMES)
    assert 0.0 < weights["threshold"] < 1.0
    rows = unit_features(ARTICLE, [0, 1, 2, 3, 4])
    assert all(len(row) == len(NAMES) for row in rows)


def test_boilerplate_signed_quotations_at_the_end_stay_with_the_article():
    """Readers' letters signed under or beside each quotation: the signatures and the last quotation are
    part of the article, though they end in a name rather than a stop."""
    text = "\n\n".join(
        [
            "Readers respond to the council's decision to close the library",
            ARTICLE[0],
            ARTICLE[1],
            "“This library was the heart of our community and closing it is a terrible mistake.” ― Sonya Herridge",
            "“We will fight this decision every step of the way.”\n- Janet Okafor.",
            "“It is a sad day for the town and for everyone who loves books.”\n— Peter Hale",
            "“Books matter more than budgets.” -- Amy Chen",
        ]
    )
    cleaned = clean_text(Document(source="a", content=text))
    body = "\n".join(text[s:e] for s, e in cleaned.paragraphs)
    for kept in ("- Janet Okafor.", "— Peter Hale", "“Books matter more than budgets.” -- Amy Chen"):
        assert kept in body
