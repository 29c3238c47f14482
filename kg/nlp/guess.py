"""Fast tag and lemma guesses for words HanTa's lexicon does not know.

HanTa analyses an unknown word morphologically (quadratic in its length, in
pure Python), which is most of its run time on news text full of long
compounds.  Here an unknown word borrows the tag distribution and lemma of
its longest known suffix ("Vertragsarbeitern" -> "arbeitern"), the way
suffix-based unknown-word guessers do; short words and words without a known
suffix still go through HanTa's full analysis.  The sentence-level HMM is
HanTa's own, so context still decides between the borrowed tags.
"""
from __future__ import annotations

from functools import lru_cache

MIN_SUFFIX = 4
MIN_PREFIX = 3
FULL_ANALYSIS_MAX = 7  # words up to this length are analysed by HanTa itself
FULL_ANALYSIS_MAX_CAPITAL = 12  # capitalised words (name or noun?) get the full analysis up to this length


def _full(word: str) -> bool:
    return len(word) <= (FULL_ANALYSIS_MAX_CAPITAL if word[:1].isupper() else FULL_ANALYSIS_MAX)
NOUN_SUFFIXES = tuple("""ung ungen heit heiten keit keiten schaft schaften tion tionen ismus ität itäten nis
nisse tum tümer ling linge ment ments enz enzen anz anzen""".split())
OPEN = ("NN", "ADJ", "VV", "VA", "VM")
SHIFT = -12.0  # unknown words are less likely than known ones (equal for all tags: no effect on ranking)


class Guesser:
    def __init__(self, tagger):
        self.t = tagger
        self.orig_tag_word = tagger._tag_word
        self.orig_analyze = tagger._analyze
        self.ne = tagger.tag2int.get("NE")
        self.nn = tagger.tag2int.get("NN")
        self.tag_word = lru_cache(maxsize=300_000)(self._tag_word)
        self.analyze = lru_cache(maxsize=300_000)(self._analyze)

    @lru_cache(maxsize=300_000)  # noqa: B019 - one Guesser per process and language
    def suffix(self, low: str, capital: bool = False) -> str | None:
        """Longest suffix of ``low`` that the lexicon knows as an open-class word (or None);
        a capitalised word only borrows from a noun ("...arbeiter"), never from "innen"."""
        cache, names = self.t.cache, self.t.int2tag
        for k in range(MIN_PREFIX, len(low) - MIN_SUFFIX + 1):
            tail = low[k:]
            entry = cache.get(tail)
            if entry:
                top = names[entry[0][0]]
                if top.startswith("NN") if capital else top.startswith(OPEN):
                    return tail
        return None

    def _p_tags(self, word: str):
        low = self.t.normalize(word)
        if low in self.t.cache or _full(word):
            return None
        head = low.rsplit("-", 1)[-1] if "-" in low.strip("-") else low
        if head in self.t.cache:
            return [(t, p + SHIFT) for t, p in self.t.cache[head]]
        tail = self.suffix(head, word[:1].isupper())
        if tail is not None:
            return [(t, p + SHIFT) for t, p in self.t.cache[tail]]
        if word[:1].isupper() and self.ne is not None:
            if head.endswith(NOUN_SUFFIXES):
                return [(self.nn, -25.0)]
            if len(head) > FULL_ANALYSIS_MAX_CAPITAL:  # long unknown capitalised words are mostly compounds
                return [(self.nn, -25.0), (self.ne, -26.0)]
            return [(self.ne, -25.0), (self.nn, -25.5)]
        return None

    def _tag_word(self, word, cutoff=5, casesensitive=True, conditional=False):
        """HanTa's _tag_word with the morphological analysis replaced by a suffix guess."""
        p_tags = self._p_tags(word)
        if p_tags is None:
            return self.orig_tag_word(word, cutoff, casesensitive, conditional)
        upcase = casesensitive and word[:1].isupper()
        out = []
        for tag, p in p_tags:
            if casesensitive:
                p += self.t.LP_case_t[tag][upcase]
            if conditional:
                p -= self.t.LP_wtag[tag]
            out.append((tag, p))
        out.sort(key=lambda x: x[1], reverse=True)
        return out

    def _analyze(self, word: str, pos: int, taglevel: int = 1):
        """Lemma and tag; unknown long words take the lemma of their known suffix."""
        low = word.lower()
        if low in self.t.cache or _full(word):
            return self.orig_analyze(word, pos, taglevel)
        head = low.rsplit("-", 1)[-1] if "-" in low.strip("-") else low
        tail = head if head in self.t.cache else self.suffix(head, word[:1].isupper())
        if tail is None:
            if pos in (self.ne, self.nn):
                return word, self.t.int2tag[pos]
            return self.orig_analyze(word, pos, taglevel)
        lemma, tag = self.orig_analyze(tail, pos, taglevel)
        prefix = word[: len(word) - len(tail)]
        if prefix.endswith("-"):  # "Twitter-Accounts" -> "Twitter-Account"
            return prefix + lemma[:1].upper() + lemma[1:], tag
        if tag.startswith(("NN", "NE")) or word[:1].isupper() and prefix:
            return prefix[:1].upper() + prefix[1:] + lemma.lower(), tag
        return prefix.lower() + lemma, tag


def install(tagger) -> Guesser:
    """Route the tagger's word-level calls through a (memoised) Guesser."""
    g = Guesser(tagger)
    tagger.kg_guesser = g
    tagger._tag_word = g.tag_word
    tagger._analyze = g.analyze
    return g
