"""Lookups over token spans that stay cheap in long articles.

Why: a 1 MB article has tens of thousands of candidate names; asking "which
lexicon names overlap this candidate?" by scanning every name makes the NER
quadratic in the article's length. ``SpanIndex`` answers it by bisection.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence


class SpanIndex:
    """Half-open spans (start, end, ...) for overlap queries, in their given order.

    When the spans are sorted by start and do not overlap each other (what
    ``spacy.util.filter_spans`` returns), their ends ascend too and a query
    bisects; otherwise it falls back to a scan. Either way ``overlapping``
    returns exactly the spans a scan in list order would.
    """

    def __init__(self, spans: Sequence[tuple]):
        self.spans = list(spans)
        self.starts = [s[0] for s in self.spans]
        self.ends = [s[1] for s in self.spans]
        self.sorted = all(self.ends[k] <= self.starts[k + 1] for k in range(len(self.spans) - 1)) and all(
            s < e for s, e in zip(self.starts, self.ends))

    def overlapping(self, start: int, end: int) -> list[tuple]:
        """The spans that share a token with [start, end), in list order."""
        if not self.sorted:
            return [s for s in self.spans if s[0] < end and s[1] > start]
        lo = bisect.bisect_right(self.ends, start)  # first span ending after ``start``
        hi = bisect.bisect_left(self.starts, end, lo)  # first span starting at or after ``end``
        return self.spans[lo:hi]
