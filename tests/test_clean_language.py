"""Language detection: a code for clear text in any language, None when there is too little to tell."""

from __future__ import annotations

import pytest

from stancemap.clean.language import detect_language

TEXTS = {
    "en": (
        "The prime minister said on Tuesday that the government would not back down on its plans to "
        "reform the welfare system, despite mounting pressure from backbench MPs and charities."
    ),
    "de": (
        "Die Bundesregierung hat am Dienstag angekündigt, dass sie an ihren Plänen zur Reform des "
        "Sozialsystems festhalten werde, trotz wachsenden Drucks aus den eigenen Reihen."
    ),
    "fr": (
        "Le Premier ministre a déclaré mardi que le gouvernement ne reculerait pas sur ses projets de "
        "réforme du système de protection sociale, malgré la pression croissante des députés."
    ),
    "es": (
        "El presidente del Gobierno afirmó el martes que no dará marcha atrás en sus planes de reforma "
        "del sistema de bienestar, pese a la creciente presión de los diputados de su partido."
    ),
    "it": (
        "Il presidente del Consiglio ha dichiarato martedì che il governo non farà marcia indietro sul "
        "piano di riforma del sistema di welfare, nonostante le crescenti pressioni dei deputati."
    ),
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_article_text_gets_its_language(code):
    assert detect_language(TEXTS[code]) == code


def test_short_text_is_unknown():
    assert detect_language("Hello world") is None
    assert detect_language("") is None
    assert detect_language("https://example.org/2024/03/05/story-1234 2024-03-05 12:00") is None


def test_lists_of_names_are_unknown_not_foreign():
    names = (
        "Keir Starmer, Rishi Sunak, Emmanuel Macron, Olaf Scholz, Ursula von der Leyen: BBC, CNN, NATO, EU."
    )
    assert detect_language(names) in (None, "en")


def test_english_with_figures_and_links_is_english():
    text = (
        "Shares rose 3.2% to 1,204p after the results, https://markets.example.org/ftse/2024, and the "
        "chief executive said the company expected profits to grow again next year."
    )
    assert detect_language(text) == "en"


def test_english_article_quoting_german_is_english():
    text = TEXTS["en"] + " " + TEXTS["en"] + ' The chancellor replied: "Wir schaffen das."'
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Министр иностранных дел России заявил, что Европа не нужна.",
        "俄罗斯外交部长今天在沙特阿拉伯表示，欧洲不应参加和平谈判。",
    ],
)
def test_language_one_line_in_another_script_is_not_english(text):
    assert detect_language(text) not in (None, "en")
