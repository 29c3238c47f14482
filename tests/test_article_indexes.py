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


def test_long_names_index_offers_every_long_name_a_short_name_shortens():
    from kg.resolve.shortnames import LongNames, shortening

    rng = random.Random(11)
    words = ("Lerchen Lerche Zeitung Norbit Graz Music Kalmsby United FC Daily Merkur Tiroler Zeitblatt Online "
             "Europäische Union IT-Portal Technoblatt Rat der Anna AG Wien St. Petersburg Mühlen-Blatt").split()
    longs = [(n, " ".join(rng.choice(words) for _ in range(rng.randrange(2, 5))), n) for n in range(400)]
    longs += [(400, "Tiroler Zeitblatt Online", 400), (401, "Lerchen Zeitung", 401), (402, "FC Kalmsby", 402)]
    index = LongNames(longs)
    shorts = [(w, False) for w in words] + [(d, True) for d in ("tz.com", "lerche.at", "www.norbit.de", "fc.at")]
    found = 0
    for short, is_domain in shorts:
        offered = set(index.candidates(short, is_domain))
        for entry in longs:
            if shortening(short, entry[1], is_domain):
                assert entry in offered, (short, entry)
                found += 1
    assert found > 20  # the invented names do shorten one another


def test_near_keys_prepared_in_blocks_answers_as_asked_one_by_one():
    rng = random.Random(5)
    keys = ["".join(rng.choice("aeinrst") for _ in range(rng.randrange(8, 14))) for _ in range(200)]
    keys += keys[:40]  # repeated names: scored once, every position returned
    queries = keys[:60] + [k[:-1] + "x" for k in keys[60:90]] + ["zzzzzzzzzz"]
    prepared = NearKeys(keys, 88)
    prepared.BLOCK = 7  # several blocks
    prepared.prepare(queries + queries[:5])
    lazy = NearKeys(keys, 88)
    for q in queries:
        assert prepared.memo[q] == lazy.of(q)
    assert NearKeys([], 88).of("abcdefghij") == [] and NearKeys([], 88).prepare(["abc"]) is None
