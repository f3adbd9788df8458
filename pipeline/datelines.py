"""Datelines: "BERLIN — …", "WASHINGTON (AP) ― …", "DENVER, March 4 (UPI) — …".

One definition for the stages that must not read a dateline as running text, nor the hyphen
typed for its dash as part of a name: the entities stage tags its place, the attribution
stage keeps it out of speakers and contents, and the speaker resolver never takes it for an
antecedent.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

#: An upper-case place at the start of a paragraph; maybe a state, country or date after a
#: comma (", Calif.", ", Ukraine", ", March 4"), then the agency in brackets; then a dash.
DATELINE = re.compile(
    r"(?m)^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ .'-]*[A-ZÀ-Þ])"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?"
    r"(?:\s*\([\w ]{1,20}\))?\s+(?:[—–―]|--?)\s"
)


def dateline_end(sentence: Span) -> int:
    """The first token of a sentence after its dateline, or its first token."""
    if not sentence[0].is_upper:  # a dateline opens with its place in capitals
        return sentence.start
    match = DATELINE.match(sentence.text)
    if match is None:
        return sentence.start
    end = sentence.start_char + match.end()
    return next((token.i for token in sentence if token.idx >= end), sentence.end)


def is_spaced_hyphen(token: Token) -> bool:
    """A hyphen typed for a dash: "BRUSSELS - European leaders", "an aggressive - some say
    unrealistic - pledge"."""
    return (
        token.text == "-"
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.nbor(-1).whitespace_)
    )
