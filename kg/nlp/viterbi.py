"""HanTa's three Viterbi searches, re-written to do the same work faster.

HanTa (``HanTa.HanoverTagger``) spends its time in three searches written for
clarity: the sentence HMM (``tag_sent_viterbi``) walks all 56 transitions of
every kept state and drops the tags the word cannot have, and the two
morpheme searches (``analyze_forward`` for an unknown word's tags,
``analyze_viterbi`` for a lemma) call ``lp_m_t`` once per state, segment and
follower tag, although its value depends only on the segment and the tag.

The versions here visit only what can score: the word's candidate tags, and
per segment the tags with a finite morpheme probability (computed once per
segment).  They add the same floats in the same order and fill every table in
the order HanTa does (ties keep the first path found), so tags and lemmas are
identical to HanTa's; tests/test_nlp_viterbi.py compares them on real text.
``install`` checks the model has the shape these shortcuts rely on and leaves
HanTa's own code in place when it does not.
"""
from __future__ import annotations

import math
from operator import itemgetter

from numpy import logaddexp

EMPTY, START, END, UNKNOWN, END_UNKNOWN = 0, 1, 2, 3, -3  # HanTa's reserved tag numbers
LOWER = -1e6  # HanTa's lowerbound: scores at or below it are dropped
SEGMENT_CACHE = 200_000  # morpheme-score dicts kept across words (cleared when full)
_NONE: dict = {}


class Searches:
    """Fast drop-in replacements for one HanoverTagger's Viterbi searches."""

    def __init__(self, tagger):
        self.t = tagger
        order = list(next(iter(tagger.LP_trans_word.values())))
        self.rank = {c: i for i, c in enumerate(order) if c != END}  # every state lists its followers so
        self.words: dict = {}  # (word, case-sensitive) -> candidate (tag, lp) in transition order, or None
        known: dict = {}
        for tag, scores in tagger.LP_m_t.items():
            for m, lp in scores.items():
                known.setdefault(m, {})[tag] = lp
        self.known = known  # morpheme -> {tag: log p(m|tag)}
        self.hapax = [(tag, tagger.Int_t + tagger.LP_hapax_t[tag], tagger.LP_len_t[tag], tagger.LP_s_t[tag])
                      for tag in tagger.LP_hapax_t if tag in tagger.LP_s_t]
        self.segments: dict = {}  # (morpheme, whole word) -> known and guessed scores
        self.guesses: dict = {}  # (last four letters, length, whole word) -> guessed scores
        self.reach: dict = {}  # (state, target) -> followers that can still reach the target

    # -- the sentence HMM -------------------------------------------------------------------------
    def candidates(self, word: str, cs: bool):
        """The word's tags and scores as HanTa's sentence Viterbi reads them, in the order
        HanTa's loop meets them; None when any tag goes (HanTa knows nothing of the word)."""
        key = (word, cs)
        hit = self.words.get(key)
        if hit is not None or key in self.words:
            return hit
        wprobs = dict(self.t._tag_word(word, cutoff=5, casesensitive=cs, conditional=True))
        if not wprobs or (len(wprobs) == 1 and UNKNOWN in wprobs):
            out = None
        else:
            rank = self.rank
            out = tuple((c, wprobs[c]) for c in sorted((c for c in wprobs if c in rank), key=rank.__getitem__))
        if len(self.words) > SEGMENT_CACHE:
            self.words.clear()
        self.words[key] = out
        return out

    def tag_sent(self, sent, casesensitive: bool = True) -> list[int]:
        """HanoverTagger.tag_sent_viterbi: the best tag sequence (tag numbers)."""
        trans = self.t.LP_trans_word
        table: list[dict] = []
        backpointer: list[dict] = []
        cs = False
        for i, w in enumerate(sent):
            if i == 0:
                cs = False
            elif casesensitive:
                cs = True
            cands = self.candidates(w, cs)
            row: dict = {}
            back: dict = {}
            backpointer.append(back)
            prevrow = table[i - 1] if i else {(EMPTY, START): 0.0}
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else LOWER
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                lp_t = trans[state]
                s1 = state[1]
                if cands is None:  # unknown word: every follower, scored by the transition alone
                    for c, lp_tc in lp_t.items():
                        if c == END:
                            continue
                        lp = lp0 + lp_tc + 0
                        if lp > LOWER:
                            new = (s1, c)
                            old = row.get(new)
                            if old is None or lp > old:
                                row[new] = lp
                                back[new] = state
                    continue
                for c, lpwc in cands:
                    lp = lp0 + lp_t[c] + lpwc
                    if lp > LOWER:
                        new = (s1, c)
                        old = row.get(new)
                        if old is None or lp > old:
                            row[new] = lp
                            back[new] = state
            table.append(row)
        final = (END, EMPTY)
        row = {}
        back = {}
        backpointer.append(back)
        for state, lp0 in table[-1].items():
            lp = lp0 + trans[state].get(END, -math.inf)
            if lp > row.get(final, -math.inf):
                row[final] = lp
                back[final] = state
        tags = []
        state = final
        for i in range(len(backpointer) - 1, 0, -1):
            state = backpointer[i][state]
            tags.append(state[1])
        return tags[::-1]

    # -- the morpheme searches ----------------------------------------------------------------------
    def _scores(self, m: str, wlen: int, strict: bool) -> dict:
        """{tag: lp_m_t(m, tag, wlen, strict)} for the tags where it is finite."""
        known = self.known.get(m, _NONE)
        if strict or (wlen >= 4 and len(m) <= 2):  # HanTa guesses only longer morphemes
            return known
        guess = self._guess(m[-4:], min(len(m), 24), wlen == len(m))
        if not known:
            return guess
        key = (m, wlen == len(m))
        hit = self.segments.get(key)
        if hit is None:
            hit = dict(guess)
            hit.update(known)
            if len(self.segments) > SEGMENT_CACHE:
                self.segments.clear()
            self.segments[key] = hit
        return hit

    def _guess(self, tail: str, mlen: int, whole: bool) -> dict:
        """HanTa's score of an unknown morpheme for each open-class tag: it depends only on the
        morpheme's last four letters, its length (capped at 24, as HanTa caps it) and whether it
        is the whole word, so it is computed once per such key."""
        key = (tail, mlen, whole)
        hit = self.guesses.get(key)
        if hit is not None:
            return hit
        out = {}
        for tag, base, lens, suffixes in self.hapax:
            if mlen > 4 and tail[-4:] in suffixes:
                lp_suf = suffixes[tail[-4:]]
            elif mlen > 3 and tail[-3:] in suffixes:
                lp_suf = suffixes[tail[-3:]]
            elif mlen > 2 and tail[-2:] in suffixes:
                lp_suf = suffixes[tail[-2:]]
            elif mlen > 1 and tail[-1:] in suffixes:
                lp_suf = suffixes[tail[-1:]]
            else:
                lp_suf = suffixes['']
            lp = base + lens[mlen] + lp_suf
            if whole:
                lp -= 4.6
            out[tag] = lp
        if len(self.guesses) > SEGMENT_CACHE:
            self.guesses.clear()
        self.guesses[key] = out
        return out

    def _rows(self, word: str, strict: bool) -> list[list[tuple[int, dict]]]:
        """For each start i, the (end j, scores) of the segments word[i:j] some tag can take."""
        wlen = len(word)
        rows = []
        for i in range(wlen + 1):
            segs = []
            for j in range(i + 1, wlen + 1):
                scores = self._scores(word[i:j], wlen, strict)
                if scores:
                    segs.append((j, scores))
            rows.append(segs)
        return rows

    def _fill(self, table, rows, followers, backpointer=None) -> None:
        """The morpheme lattice: HanTa's loop over rows, kept states, segments and followers."""
        for i, row in enumerate(table[:-1]):
            rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER
            segs = rows[i]
            for state, lp in row.items():
                if lp < rowbound:
                    continue
                followup = followers(state)
                if not followup:
                    continue
                s1 = state[1]
                for j, scores in segs:
                    cell = table[j]
                    for tag1, lpt in followup:
                        lpm = scores.get(tag1)
                        if lpm is None:
                            continue
                        lp1 = lp + lpt + lpm
                        if lp1 > LOWER:
                            new = (s1, tag1)
                            old = cell.get(new)
                            if old is None or lp1 > old:
                                cell[new] = lp1
                                if backpointer is not None:
                                    backpointer[j][new] = (state, i)

    def analyze_forward(self, word: str):
        """HanoverTagger.analyze_forward: [(tag, log p)] best first for a word HanTa does not list."""
        t = self.t
        wlen = len(word)
        table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        nonfinal = t.LP_trans_nonfinal
        self._fill(table, self._rows(word, t.strict), lambda s: nonfinal.get(s, ()))
        last = table[-1]
        for state, lp in table[-2].items():
            for tag1, lpt in t.LP_trans_final.get(state, []):
                lp1 = lp + lpt
                if lp1 > LOWER:
                    new = (state[1], tag1)
                    if new not in last or lp1 > last[new]:
                        last[new] = lp1
        results: dict = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = logaddexp(results[pos], lp) if pos in results else lp
        result_list = list(results.items())
        result_list.sort(key=itemgetter(1), reverse=True)
        return result_list or [(UNKNOWN, 0)]

    def _reaching(self, state, targetpos, reachable_t):
        key = (state, targetpos)
        hit = self.reach.get(key)
        if hit is None:
            hit = self.reach[key] = [(c, p) for c, p in self.t.LP_trans_nonfinal.get(state, []) if c in reachable_t]
        return hit

    def analyze_viterbi(self, word: str, targetpos: int):
        """HanoverTagger.analyze_viterbi: the best morpheme path of ``word`` ending in ``targetpos``."""
        t = self.t
        wlen = len(word)
        reachable_t = t.reachability.get(targetpos, frozenset())
        for localstrict in (True, False):
            table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
            backpointer: list[dict] = [{} for _ in range(wlen + 2)]
            self._fill(table, self._rows(word, localstrict),
                       lambda s: self._reaching(s, targetpos, reachable_t), backpointer)
            last = table[-1]
            for state, lp in table[-2].items():
                for tag1, lpt in t.LP_trans_final.get(state, []):
                    if tag1 == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWER:
                            new = (state[1], tag1)
                            if new not in last or lp1 > last[new]:
                                last[new] = lp1
                                backpointer[-1][new] = (state, wlen)
                        break
            if last:
                break
        pmax = -math.inf
        beststate = (EMPTY, EMPTY)
        for state, lp in last.items():
            if lp > pmax:
                pmax = lp
                beststate = state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            states = [((UNKNOWN, END_UNKNOWN), i), ((START, UNKNOWN), i - 1)]
        else:
            states = [(beststate, i)]
            state = beststate
            while i > 0:
                state, i = backpointer[i][state]
                states.append((state, i))
            states = states[:-1]
        return [(state[1], i) for (state, i) in states[::-1]]


def fits(tagger) -> bool:
    """The model has the shape the shortcuts rely on: every sentence state lists the same
    followers in the same order, and every morpheme tag has a score table."""
    orders = {tuple(v) for v in tagger.LP_trans_word.values()}
    tags = {c for followers in tagger.LP_trans_nonfinal.values() for c, _p in followers}
    return (len(orders) == 1 and tags <= set(tagger.LP_m_t)
            and all(len(tagger.LP_len_t[t]) > 24 for t in tagger.LP_hapax_t if t in tagger.LP_s_t))


def install(tagger) -> Searches | None:
    """Route the tagger's three searches through Searches (when the model fits)."""
    if not fits(tagger):
        return None
    s = Searches(tagger)
    tagger.kg_searches = s
    tagger.analyze_forward = s.analyze_forward
    tagger.analyze_viterbi = s.analyze_viterbi
    tagger.tag_sent_viterbi = s.tag_sent
    return s
