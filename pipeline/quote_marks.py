"""Direct quotations found by their quotation marks.

Curly (“…”) and straight ("…") double quotes; guillemets («…»). A paragraph that opens a quote
and does not close it goes on into the next paragraph when that one opens with a quotation
mark again (the newspaper convention for quotes running over paragraphs). Unbalanced marks
are dropped, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass

CLOSING = {"“": "”", "«": "»", '"': '"', "„": "“"}


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
    while i < len(text):
        closing = CLOSING.get(text[i])
        if closing is None:
            i += 1
            continue
        quote = read_quotation(text, i, closing)
        if quote is None:
            i += 1
        else:
            found.append(quote)
            i = quote.end
    return found


def read_quotation(text: str, start: int, closing: str) -> QuoteMarks | None:
    """The quotation opened at `start`, or None when it is never closed."""
    parts = []
    part_start = start + 1
    i = part_start
    while i < len(text):
        char = text[i]
        if char == closing:
            parts.append((part_start, i))
            return QuoteMarks(start, i + 1, tuple(trimmed(text, parts)))
        if char == "\n":
            reopened = next_paragraph_reopens(text, i, text[start])
            if reopened is None:
                return None
            parts.append((part_start, i))
            part_start = i = reopened + 1
            continue
        if char in CLOSING and closing != '"' and char != "„":  # a new quote opens: unbalanced
            return None
        i += 1
    return None


def next_paragraph_reopens(text: str, newline: int, opening: str) -> int | None:
    """Offset of the opening mark that starts the next paragraph, if there is one."""
    i = newline
    while i < len(text) and text[i].isspace():
        i += 1
    return i if i < len(text) and text[i] == opening else None


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
