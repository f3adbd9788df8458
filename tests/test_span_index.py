from __future__ import annotations

import random

from pipeline.span_index import SpanIndex


def test_spans_inside_and_around_a_span():
    index = SpanIndex([(0, 100, "outer"), (10, 20, "a"), (15, 40, "b"), (50, 60, "c")])
    assert index.inside(10, 40) == ["a", "b"]
    assert index.inside(12, 40) == ["b"]
    assert index.inside(0, 19) == []
    assert index.around(16, 18) == ["outer", "a", "b"]
    assert index.around(50, 60) == ["outer", "c"]
    assert index.around(90, 101) == []
    assert index.starting(10, 50) == ["a", "b"]
    assert index.starting(11, 51) == ["b", "c"]
    assert index.overlapping(19, 51) == ["outer", "a", "b", "c"]
    assert index.overlapping(20, 50) == ["outer", "b"]
    assert index.ending_inside(15, 60) == ["a", "b", "c"]
    assert index.ending_inside(20, 59) == ["b"]


def test_equal_starts_keep_their_order():
    index = SpanIndex([(5, 9, "first"), (5, 7, "second"), (5, 9, "third")])
    assert index.around(5, 7) == ["first", "second", "third"]
    assert index.inside(5, 8) == ["second"]


def test_the_index_finds_what_a_scan_finds():
    rng = random.Random(7)
    spans = [(s, s + rng.randrange(0, 40), n) for n, s in enumerate(rng.sample(range(500), 200))]
    index = SpanIndex(spans)
    for _ in range(300):
        start = rng.randrange(520)
        end = start + rng.randrange(0, 60)
        by_start = sorted(spans, key=lambda span: span[0])
        assert index.inside(start, end) == [n for s, e, n in by_start if start <= s and e <= end]
        assert index.around(start, end) == [n for s, e, n in by_start if s <= start and end <= e]
        assert index.starting(start, end) == [n for s, _, n in by_start if start <= s < end]
        assert index.overlapping(start, end) == [n for s, e, n in by_start if s < end and e > start]
        assert index.ending_inside(start, end) == [
            n for s, e, n in by_start if s < end and start < e <= end
        ]
