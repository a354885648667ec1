"""A line break ends a sentence before the parser runs, so a dateline is never a subject."""

from __future__ import annotations


def test_paragraphs_line_break_starts_a_sentence(nlp):
    doc = nlp("9:34 p.m.\n\nDonald Trump has delivered an impassioned defense of the city.")
    starts = [sent[0].text for sent in doc.sents if not sent[0].is_space]
    assert "Donald" in starts


def test_paragraphs_sentence_inside_a_paragraph_is_left_to_the_parser(nlp):
    doc = nlp("Trump spoke. He left early.")
    assert [sent.text.strip() for sent in doc.sents] == ["Trump spoke.", "He left early."]


def test_paragraphs_single_line_break_after_a_sentence_end_starts_one(nlp):
    doc = nlp("The vote was close.\nDonald Trump has delivered an impassioned defense of the city.")
    assert "Donald" in [sent[0].text for sent in doc.sents]


def test_paragraphs_hard_wrapped_line_is_no_sentence_break(nlp):
    doc = nlp("Warren told reporters on Tuesday that the\nproposal would cost thousands of jobs.")
    assert not any(token.is_sent_start for token in doc if token.text == "proposal")
