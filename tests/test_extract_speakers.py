"""Pronoun speakers resolve to a person of the gender the article shows, or stay unknown."""

from __future__ import annotations

QUOTE = "\n\n“We are going to fight for every single vote in this state,” she said."


def _last_speaker(nlp, text):
    return [q.speaker for q in nlp(text)._.quotes if q.speaker is not None][-1]


def test_speakers_pronoun_skips_person_shown_by_pronouns_to_be_of_other_gender(nlp):
    text = (
        "Hillary Clinton said she would win the primary. Clinton said she was ready. "
        "Bernie Sanders said he would stay in the race. Sanders said he would fight on." + QUOTE
    )
    speaker = _last_speaker(nlp, text)
    assert (speaker.name, text[speaker.start : speaker.end]) == ("Hillary Clinton", "she")


def test_speakers_one_pronoun_is_no_evidence(nlp):
    # "Trump said she …" is about someone else: one such sentence shows nothing of Trump.
    text = (
        "Hillary Clinton spoke first. Donald Trump said she should resign.\n\n"
        "“We are going to win this election by a lot,” he said."
    )
    assert _last_speaker(nlp, text).name == "Donald Trump"


def test_speakers_title_shows_gender(nlp):
    text = "Mrs Smith met Mr Jones on Monday.\n\n“This is a very good day for the whole party,” he said."
    assert _last_speaker(nlp, text).name == "Jones"


def test_speakers_pronoun_without_evidence_takes_last_subject(nlp):
    text = "Pat Smith met Alex Jones. Jones spoke first.\n\n“This is a very good day for the whole party,” she said."
    assert _last_speaker(nlp, text).name == "Alex Jones"


def test_speakers_name_describing_a_noun_is_not_the_speaker(nlp):
    text = "Donald Trump held a rally.\n\n“We will win this state by a very large margin,” a top Donald Trump adviser said."
    speaker = _last_speaker(nlp, text)
    assert (speaker.actor, speaker.name) == (None, "a top Donald Trump adviser")


def test_speakers_whom_a_speaker_speaks_for_is_not_the_speaker(nlp):
    text = (
        "Donald Trump was in court on Monday.\n\nA lawyer for Donald Trump said the case should be dismissed."
    )
    speaker = _last_speaker(nlp, text)
    assert (speaker.actor, speaker.name) == (None, "A lawyer for Donald Trump")
    text = "Kathy Hochul signed the bill.\n\n“The governor will sign it this week,” an aide to Gov. Kathy Hochul told reporters."
    assert _last_speaker(nlp, text).name == "an aide to Gov. Kathy Hochul"


def test_speakers_pronoun_after_an_unnamed_speaker_stays_unknown(nlp):
    text = (
        "Israeli Prime Minister Benjamin Netanyahu said Israel would not agree to a ceasefire.\n\n"
        "A Hamas official said the group wanted a full withdrawal from Gaza. “There can be no agreement "
        "without an end to the war,” he said."
    )
    speaker = _last_speaker(nlp, text)
    assert (speaker.actor, text[speaker.start : speaker.end]) == (None, "he")


def test_speakers_name_set_off_beside_a_subject_is_the_subject(nlp):
    text = (
        "Keir Starmer said the cuts were needed.\n\nThe Liberal Democrat leader, Ed Davey, said he supported "
        "higher defence spending. “Cutting aid is wrong,” he said."
    )
    assert _last_speaker(nlp, text).name == "Ed Davey"
