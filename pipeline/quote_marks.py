"""Direct quotations found by their quotation marks.

Curly (“…”) and straight ("…") double quotes; guillemets («…»); and single quotes (‘…’ and
'…', the British newspaper style), whose marks are also apostrophes: a single mark opens a
quotation only at the start of a word and closes it only at the end of one, not in "don’t",
"’90s" or the plural possessive "the players’ union". A paragraph that opens a quote and
does not close it goes on into the next paragraph when that one opens with a quotation mark
again (the newspaper convention for quotes running over paragraphs). Unbalanced marks are
dropped, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The marks that close each opening mark. A curly quote closed by a straight one, or the
#: other way round, is a common slip of smart-quote conversion: “…" and "…”.
CLOSING = {
    "“": ("”", '"'),
    '"': ('"', "”"),
    "«": ("»",),
    "„": ("“",),
    "''": ("''",),
    "``": ("''",),
    "”": ("”",),
    "‘": ("’", "'"),
    "'": ("'", "’"),
}
#: Marks that are also apostrophes: see `opens_single` and `closes_single`.
SINGLE = frozenset({"‘", "'", "’"})
#: What may stand right before a single mark that opens a quotation.
BEFORE_OPENING = frozenset('([{—–-/"“«')
#: Words whose first letters an apostrophe stands for ("'til", "'em").
ELIDED_WORDS = frozenset({"til", "em", "cause", "n", "tis", "twas"})
WORD = re.compile(r"[^\W\d_]+")
#: Marks that never close a quotation. Met inside one that they do not close, they show its
#: opening mark to be unbalanced, whether of the same kind (“ … “) or a stray straight one
#: in a text of curly quotes ("Trump walked in, chanting “U-S-A!”).
OPENING_ONLY = frozenset({"“", "«", "„"})
#: An opening mark: one character, a doubled one (''…'' and ``…'' in some sources), or a
#: closing curly mark (a common slip of smart-quote conversion: ”…”). The scans below jump from
#: one mark to the next with patterns rather than look at every character in Python.
OPENINGS = re.compile("|".join(map(re.escape, sorted(CLOSING, key=len, reverse=True))))


def stops(opening: str) -> re.Pattern[str]:
    """The characters at which `read_quotation` has something to decide: where a closing mark
    starts, a line break, and a mark that only opens and does not close this quotation."""
    closings = CLOSING[opening]
    chars = {mark[0] for mark in closings} | {"\n"}
    if opening not in SINGLE:  # a single quotation may hold a double one (‘He said “no”’)
        chars |= OPENING_ONLY - set(closings)
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


STOPS = {opening: stops(opening) for opening in CLOSING}


@dataclass(frozen=True)
class QuoteMarks:
    """One quotation: `start`/`end` are the marks' offsets (end exclusive, after the closing
    mark); `parts` are the quoted texts inside, one per paragraph, without the marks."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


def find_quotations(text: str) -> list[QuoteMarks]:
    found: list[QuoteMarks] = []
    i = 0
    # Where a single mark that opened found no close: whether a single mark closes does not
    # depend on where its quotation opened, so no later one in that paragraph closes either.
    # Skipping them keeps a paragraph of unclosed apostrophes linear.
    unclosed_single_until = -1
    while (opening := OPENINGS.search(text, i)) is not None:
        i, mark = opening.start(), opening.group()
        quote = None
        if mark not in SINGLE:
            quote = read_quotation(text, i, mark)
        elif i >= unclosed_single_until and opens_single(text, i):
            quote = read_quotation(text, i, mark)
            if quote is None:
                unclosed_single_until = paragraph_end(text, i)
        if quote is None:
            i += len(mark)
        else:
            found.append(quote)
            i = quote.end
    return found


def paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def read_quotation(text: str, start: int, opening: str) -> QuoteMarks | None:
    """The quotation opened at `start`, or None when it is never closed."""
    closings = CLOSING[opening]
    parts = []
    part_start = start + len(opening)
    i = part_start
    while (stop := STOPS[opening].search(text, i)) is not None:
        i = stop.start()
        closing = next((mark for mark in closings if text.startswith(mark, i)), None)
        if closing is not None and (closing not in SINGLE or closes_single(text, i)):
            parts.append((part_start, i))
            return QuoteMarks(start, i + len(closing), tuple(trimmed(text, parts)))
        if text[i] == "\n":
            reopened = next_paragraph_reopens(text, i, opening)
            if reopened is None:
                return None
            parts.append((part_start, i))
            part_start = i = reopened
            continue
        if text[i] in OPENING_ONLY and text[i] not in closings and opening not in SINGLE:
            return None  # a mark that only opens, opens again: this one was never closed
        i += 1
    return None


def opens_single(text: str, i: int) -> bool:
    """A single mark at the start of a word: after a space, a bracket, a dash or another
    quotation mark, and before a letter; not an apostrophe for dropped letters ("’90s",
    "'til", "rock 'n' roll")."""
    before = text[i - 1] if i > 0 else " "
    word = WORD.match(text, i + 1)
    return (
        (before.isspace() or before in BEFORE_OPENING)
        and word is not None
        and word.group().lower() not in ELIDED_WORDS
    )


def closes_single(text: str, i: int) -> bool:
    """A single mark at the end of a word, not inside one ("don’t") nor after the "s" of a
    plural possessive followed by its noun ("the players’ union")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or after.isalnum():
        return False
    possessive = before in "sS" and after == " " and text[i + 2 : i + 3].isalpha()
    return not possessive


def next_paragraph_reopens(text: str, newline: int, opening: str) -> int | None:
    """Offset just after the opening mark that starts the next paragraph, if there is one."""
    i = newline
    while i < len(text) and text[i].isspace():
        i += 1
    return i + len(opening) if text.startswith(opening, i) else None


def trimmed(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts without surrounding spaces, nor a comma closing the quote (“…,” he said)."""
    result = []
    for start, end in parts:
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if start < end:
            result.append((start, end))
    return result
