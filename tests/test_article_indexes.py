"""The indexes that keep one long article linear give the same answers as the scans they replace.

(kg.nlp.spans.SpanIndex for lexicon names over candidates, kg.resolve.spelling.NearKeys for the
in-article typo passes; the extraction Context's indexes are checked in
tests/test_resolve_context_index.py.) No timing here: scripts/bench_article_size.py measures the speed.
"""
from __future__ import annotations

import random

from rapidfuzz import fuzz

from kg.nlp.spans import SpanIndex
from kg.resolve.spelling import NearKeys


def _scan(spans, a, b):
    return [s for s in spans if s[0] < b and s[1] > a]


def test_span_index_finds_the_same_spans_as_a_scan():
    rng = random.Random(7)
    for _ in range(200):
        spans, pos = [], 0
        for _ in range(rng.randrange(0, 12)):  # sorted, not overlapping: what filter_spans returns
            pos += rng.randrange(0, 3)
            end = pos + rng.randrange(1, 4)
            spans.append((pos, end, "x"))
            pos = end
        index = SpanIndex(spans)
        assert index.sorted
        for a in range(0, pos + 2):
            for b in range(a + 1, pos + 3):
                assert index.overlapping(a, b) == _scan(spans, a, b)


def test_span_index_falls_back_to_a_scan_for_overlapping_or_unsorted_spans():
    for spans in ([(0, 5), (2, 3), (6, 8)], [(6, 8), (0, 2)], [(1, 1), (3, 4)]):
        index = SpanIndex(spans)
        assert not index.sorted
        for a in range(0, 9):
            for b in range(a + 1, 10):
                assert index.overlapping(a, b) == _scan(spans, a, b)


def test_near_keys_keeps_every_close_key_in_list_order():
    rng = random.Random(3)
    alphabet = "aeinrst"
    keys = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(8, 14))) for _ in range(300)]
    keys += [k[:-1] + "x" for k in keys[:50]] + keys[:10]  # near misses and exact repeats
    near = NearKeys(keys, 88)
    for q in keys[:80] + ["rasteinrast", "zzzzzzzzzz"]:
        got = near.of(q)
        assert got == sorted(got)
        want = [n for n, k in enumerate(keys) if fuzz.ratio(q, k) >= 88]
        assert set(want) <= set(got)  # a superset: the caller's exact test decides
        assert all(fuzz.ratio(q, keys[n]) >= 87 for n in got)
        assert near.of(q) is got  # asked again: from the memo
