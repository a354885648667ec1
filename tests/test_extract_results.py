"""Moving a doc's results into the article text: every span once, texts taken from the article."""

from __future__ import annotations

from stancemap.extract.pipeline import results
from stancemap.model import Quote, Span, Speaker


def test_results_move_a_span_two_quotes_share_once(nlp):
    """A mixed and a direct quote of one sentence share their cue and speaker objects."""
    article = "MENU | HOME\n\nShe said it was “exactly what we warned about” and “we will not move.”"
    offset = article.index("She")
    doc = nlp.make_doc(article[offset:])
    cue, speaker = Span(4, 8, "said"), Speaker(None, "She", 0, 3)
    doc._.quotes = [
        Quote(9, 45, "x", "mixed", cue=cue, speaker=speaker),
        Quote(50, 70, "y", "direct", cue=cue, speaker=speaker),
    ]
    _, quotes, *_ = results(doc, offset, article)
    for quote in quotes:
        assert (quote.cue.text, article[quote.speaker.start : quote.speaker.end]) == ("said", "She")
        assert quote.text == article[quote.start : quote.end]
