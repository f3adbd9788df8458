"""Which spans of an article lie inside, around or across a given span, without looking at all.

The stages ask this of every record against every other (a quantity inside a quote's content,
a cue inside another quote's, a speaker phrase ending in an entity's mention), which costs the
square of the records when done by scanning: seconds on a book-length article. Sorted by start,
with the furthest end reached so far, the search stops once no earlier span can reach far
enough, and costs about what it finds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

Item = TypeVar("Item")


class SpanIndex(Generic[Item]):
    """`(start, end, item)` triples in character (or token) offsets, `end` exclusive."""

    def __init__(self, spans: Iterable[tuple[int, int, Item]]) -> None:
        self.spans = sorted(spans, key=lambda span: span[0])  # stable: equal starts keep order
        self.starts = [start for start, _, _ in self.spans]
        self.reach = list(accumulate((end for _, end, _ in self.spans), max))

    def inside(self, start: int, end: int) -> list[Item]:
        """The items whose span lies within `start … end`, in order of their start."""
        first, last = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [item for _, item_end, item in self.spans[first:last] if item_end <= end]

    def starting(self, start: int, end: int) -> list[Item]:
        """The items whose span starts at `start` or after, and before `end`."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [item for _, _, item in self.spans[first:last]]

    def overlapping(self, start: int, end: int) -> list[Item]:
        """The items whose span shares at least one character with `start … end`, in order
        of their start."""
        found = []
        j = bisect_left(self.starts, end)
        while j > 0 and self.reach[j - 1] > start:
            j -= 1
            if self.spans[j][1] > start:
                found.append(self.spans[j][2])
        return found[::-1]

    def ending_inside(self, start: int, end: int) -> list[Item]:
        """The items whose span ends within `start … end` (after its first character): what
        lies inside it and what runs into it from before, in order of their start."""
        found = []
        j = bisect_left(self.starts, end)
        while j > 0 and self.reach[j - 1] > start:
            j -= 1
            if start < self.spans[j][1] <= end:
                found.append(self.spans[j][2])
        return found[::-1]

    def around(self, start: int, end: int) -> list[Item]:
        """The items whose span holds `start … end`, in order of their start."""
        found = []
        j = bisect_right(self.starts, start)
        while j > 0 and self.reach[j - 1] >= end:
            j -= 1
            if self.spans[j][1] >= end:
                found.append(self.spans[j][2])
        return found[::-1]
