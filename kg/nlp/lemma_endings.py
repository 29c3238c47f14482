"""HanTa's lemma endings (``HanoverTagger.makelemma``), without its cost per call.

HanTa appends to a lemma stem the ending its tag's table lists for the
stem's last letters, and measures the table's longest ending again on every
call (332 rows for VV): a tenth of the lemma step. Here each table's longest
ending is measured once; everything else is HanTa's code, so the lemmas are
the same (tests/test_nlp_viterbi.py compares them).
"""
from __future__ import annotations


class LemmaEndings:
    """A drop-in for one HanoverTagger's makelemma."""

    def __init__(self, tagger):
        self.t = tagger
        self.longest: dict = {}  # main tag -> the length of the longest ending of its table

    def __call__(self, stem_morphemes, pos: str) -> str:
        t = self.t
        lemma = ''.join(stem_morphemes)
        suffix = ''
        main = pos.split('(')[0]
        endings = t.lemmasuffixtable.get(main, [])
        if endings:
            longest = self.longest.get(main)
            if longest is None:
                longest = self.longest[main] = max(len(e) for e in endings)
            if len(lemma) + 1 < longest:
                longest = len(lemma)
            for i in range(longest + 1, 0, -1):
                ending = ('#' + lemma)[-i:]
                if ending in endings:
                    suffix = endings[ending]
                    break
        if t.tag2int.get(pos, 0) in t.capitalizedlemmata:
            lemma = lemma[0].upper() + lemma[1:]
        return lemma + suffix
