"""Overlapping character spans as a properly nested tree, for highlighting in HTML.

Annotations overlap freely: a quantity inside a quote, a speaker inside an outer quote's
content, two quotes that cross. HTML elements must nest, so the text is cut at every span
boundary and each span becomes one element, or several consecutive fragments where it crosses
the end of an enclosing span. Offsets are Python `str` indices (code points), and every text
piece is cut here, on the server, so the browser never has to index the text (its strings are
UTF-16, where an astral character takes two places).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import pairwise

#: Which kind wraps which when two spans have the same extent (outermost first).
KIND_ORDER = ("quote", "speaker", "cue", "date", "quantity")


@dataclass(frozen=True)
class Mark:
    """One highlighted span: `kind` is a KIND_ORDER name, `refs` the ids of the records it
    stands for, `title` its tooltip, `anchor` the HTML id of its first fragment, if any."""

    kind: str
    start: int
    end: int
    refs: tuple[str, ...]
    title: str
    anchor: str | None = None


@dataclass
class Fragment:
    """An element of the tree: the part `start:end` of its mark's span."""

    mark: Mark
    start: int
    end: int
    children: list[Fragment | str] = field(default_factory=list)

    @property
    def first(self) -> bool:
        """Whether this fragment opens its mark (where a link to the mark should land)."""
        return self.start == self.mark.start


def nest(text: str, marks: list[Mark]) -> list[Fragment | str]:
    """The text as a forest of fragments and plain strings, in text order.

    At each boundary, the open fragments are kept from the outside in for as long as their
    marks go on; the rest are closed, and the marks still going on are reopened as new
    fragments inside. Properly nested marks therefore give exactly one fragment each.
    """
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starting, ending = defaultdict(set), defaultdict(set)
    for mark in marks:
        starting[mark.start].add(mark)
        ending[mark.end].add(mark)
    bounds = sorted({0, len(text)} | starting.keys() | ending.keys())
    roots: list[Fragment | str] = []
    stack: list[Fragment] = []
    active: set[Mark] = set()
    for left, right in pairwise(bounds):
        active = (active - ending[left]) | starting[left]
        keep = 0
        while keep < len(stack) and stack[keep].mark in active:
            keep += 1
        del stack[keep:]
        opened = {fragment.mark for fragment in stack}
        for mark in sorted(active - opened, key=outside_first):
            fragment = Fragment(mark, left, left)
            (stack[-1].children if stack else roots).append(fragment)
            stack.append(fragment)
        (stack[-1].children if stack else roots).append(text[left:right])
        for fragment in stack:
            fragment.end = right
    return roots


def outside_first(mark: Mark) -> tuple[int, int, int]:
    """Marks that end later wrap the others, so they are cut least often."""
    return -mark.end, mark.start, KIND_ORDER.index(mark.kind)


def merge_same_spans(marks: list[Mark]) -> list[Mark]:
    """One mark per (kind, start, end): a speaker mention shared by two quotes is one element
    whose tooltip names both."""
    merged: dict[tuple[str, int, int], Mark] = {}
    for mark in marks:
        key = (mark.kind, mark.start, mark.end)
        if (seen := merged.get(key)) is None:
            merged[key] = mark
            continue
        titles = seen.title.split("\n")
        title = seen.title if mark.title in titles else f"{seen.title}\n{mark.title}"
        merged[key] = replace(seen, refs=seen.refs + mark.refs, title=title)
    return list(merged.values())
