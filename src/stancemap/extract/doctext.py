"""The text of a Doc, read once.

``Doc.text`` joins every token anew on each access; extractors that slice it per cue or per
statement would rebuild it hundreds of times per article, so it is kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "stancemap_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
