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
from itertools import repeat
from operator import add, itemgetter, sub

from numpy import logaddexp

from kg.nlp.lemma_endings import LemmaEndings

EMPTY, START, END, UNKNOWN, END_UNKNOWN = 0, 1, 2, 3, -3  # HanTa's reserved tag numbers
LOWER = -1e6  # HanTa's lowerbound: scores at or below it are dropped
SEGMENT_CACHE = 200_000  # morpheme-score dicts kept across words (cleared when full)


class Searches:
    """Fast drop-in replacements for one HanoverTagger's Viterbi searches."""

    def __init__(self, tagger):
        self.t = tagger
        order = list(next(iter(tagger.LP_trans_word.values())))
        self.rank = {c: i for i, c in enumerate(order) if c != END}  # every state's followers, in order (fits)
        self.any_tag = tuple((c, 0) for c in self.rank)  # an unknown word: the transition alone decides
        self.words: dict = {}  # (word, case-sensitive) -> candidate (tag, lp) in transition order
        self.k = 1 << max(max(state) for state in tagger.LP_trans_word).bit_length()  # state (a, b) -> a * k + b
        self.trans: dict = {}  # see _int_trans
        known: dict = {}
        for tag, scores in tagger.LP_m_t.items():
            for m, lp in scores.items():
                known.setdefault(m, {})[tag] = lp
        self.known = known  # morpheme -> {tag: log p(m|tag)}
        self.prefixes = {m[:k] for m in known for k in range(1, len(m) + 1)}
        open_tags = [tag for tag in tagger.LP_hapax_t if tag in tagger.LP_s_t]  # the tags HanTa guesses
        self.open_tags = tuple(open_tags)
        self.open_index = {tag: k for k, tag in enumerate(open_tags)}
        self.suffix_tables = [tagger.LP_s_t[tag] for tag in open_tags]
        same = len({frozenset(table) for table in self.suffix_tables}) == 1 and '' in self.suffix_tables[0]
        # ending -> its score for each open tag, when all list the same endings (HanTa's models do)
        self.ending_scores = {e: tuple(t[e] for t in self.suffix_tables) for e in self.suffix_tables[0]} if same else None
        self.base_len = [tuple(tagger.Int_t + tagger.LP_hapax_t[tag] + tagger.LP_len_t[tag][n] for tag in open_tags)
                         for n in range(25)]
        self.parts: dict = {}  # known morpheme -> its known and guessed scores, its memo key
        self.whole: dict = {}  # the same for a known morpheme that is the whole word
        self.guesses: dict = {}  # last four letters -> [2 * length + whole word] -> guessed scores
        self.found_size = 0  # entries in the follower memos of self.follow
        self.follow: dict = {}  # (state, target or None) -> see _followers
        self.results: dict = {}  # (search, word[, target]) -> its result

    # -- the sentence HMM -------------------------------------------------------------------------
    def candidates(self, word: str, cs: bool):
        """The word's tags and scores as HanTa's sentence Viterbi reads them, in the order
        HanTa's loop meets them; every tag at 0 when HanTa knows nothing of the word."""
        key = (word, cs)
        hit = self.words.get(key)
        if hit is not None:
            return hit
        wprobs = dict(self.t._tag_word(word, cutoff=5, casesensitive=cs, conditional=True))
        if not wprobs or (len(wprobs) == 1 and UNKNOWN in wprobs):
            out = self.any_tag
        else:
            rank = self.rank
            # as Python floats: HanTa's numpy sums (logaddexp, a few lexicon scores) are the same
            # doubles, but numpy scalars would make every later sum of the sentence several times slower
            out = tuple((c, float(wprobs[c])) for c in sorted((c for c in wprobs if c in rank), key=rank.__getitem__))
        if len(self.words) > SEGMENT_CACHE:
            self.words.clear()
        self.words[key] = out
        return out

    def _int_trans(self) -> dict:
        """The sentence transitions keyed by state number (a * K + b for the state (a, b)), each a
        list indexed by the follower tag: plain ints and lists are cheaper to hash and index than
        HanTa's tuple keys and dicts. Built at the first sentence, not at start-up."""
        k = self.k
        width = max(c for followers in self.t.LP_trans_word.values() for c in followers) + 1
        self.trans = {}
        for (a, b), followers in self.t.LP_trans_word.items():
            row = [-math.inf] * width
            for c, lp in followers.items():
                row[c] = lp
            self.trans[a * k + b] = row
        return self.trans

    def tag_sent(self, sent, casesensitive: bool = True) -> list[int]:
        """HanoverTagger.tag_sent_viterbi: the best tag sequence (tag numbers). The states are
        numbered (see _int_trans); rows are filled in HanTa's order, so ties resolve as in HanTa."""
        k = self.k
        trans = self.trans or self._int_trans()
        words = self.words
        table: list[dict] = []
        backpointer: list[dict] = []
        prevrow = {EMPTY * k + START: 0.0}
        for i, w in enumerate(sent):
            cs = i > 0 and casesensitive
            cands = words.get((w, cs)) or self.candidates(w, cs)
            row: dict = {}
            back: dict = {}
            backpointer.append(back)
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else LOWER
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                lp_t = trans[state]
                s1 = (state % k) * k
                for c, lpwc in cands:
                    lp = lp0 + lp_t[c] + lpwc
                    if lp > LOWER:
                        new = s1 + c
                        old = row.get(new)
                        if old is None or lp > old:
                            row[new] = lp
                            back[new] = state
            table.append(row)
            prevrow = row
        final = END * k + EMPTY
        best = -math.inf
        back = {}
        backpointer.append(back)
        for state, lp0 in prevrow.items():
            lp = lp0 + self.t.LP_trans_word[(state // k, state % k)].get(END, -math.inf)
            if lp > best:
                best = lp
                back[final] = state
        tags = []
        state = final
        for i in range(len(backpointer) - 1, 0, -1):
            state = backpointer[i][state]
            tags.append(state % k)
        return tags[::-1]

    # -- the morpheme searches ----------------------------------------------------------------------
    def _segments(self, word: str, i: int, strict: bool) -> list[tuple[int, dict, bool, object]]:
        """The segments word[i:j] some tag can take: (end j, {tag: lp_m_t(word[i:j], tag, wlen,
        strict)} where finite, whether those are just the guesses for every open-class tag
        because the segment is no known morpheme, the segment's key in the follower memos)."""
        wlen = len(word)
        known = self.known
        segs = []
        if strict:  # known morphemes only: stop where no morpheme starts like this
            prefixes = self.prefixes
            for j in range(i + 1, wlen + 1):
                m = word[i:j]
                if m not in prefixes:
                    break
                scores = known.get(m)
                if scores:
                    segs.append((j, scores, False, m))
            return segs
        guesses = self.guesses
        min_guess = 1 if wlen < 4 else 3  # HanTa guesses only morphemes of more than two letters
        for j in range(i + 1, wlen + 1):
            m = word[i:j]
            n = j - i
            scores = known.get(m)
            if n >= min_guess:
                whole = n == wlen
                slot = 2 * (n if n < 24 else 24) + whole
                by_end = guesses.get(m[-4:])
                guess = by_end[slot] if by_end else None
                if guess is None:
                    guess = self._guess(m, whole)
                if scores is None:
                    segs.append((j, guess, True, None))
                    continue
                both = (self.whole if whole else self.parts).get(m) or self._merge(m, whole, guess, scores)
                segs.append((j, both[0], False, both[1]))
            elif scores:
                segs.append((j, scores, False, m))
        return segs

    def _merge(self, m: str, whole: bool, guess: tuple, scores: dict) -> tuple[dict, str]:
        """A known morpheme's scores with the guesses for the open-class tags it lacks, and its
        key in the follower memos (a string kept with it, so that its hash is computed once)."""
        both = dict(zip(self.open_tags, guess))
        both.update(scores)
        merged = self.whole if whole else self.parts
        if len(merged) > SEGMENT_CACHE:
            merged.clear()
        hit = merged[m] = (both, m + ("\x01" if whole else "\x00"))
        return hit

    def _guess(self, m: str, whole: bool) -> tuple[float, ...]:
        """HanTa's score of the unknown morpheme ``m`` for each open-class tag (lp_m_t, in the
        order of self.open_tags): it depends only on the morpheme's last four letters, its
        length (capped at 24) and whether it is the whole word, so it is computed once per such
        key (kept by last four letters, then in slot 2 * length + whole)."""
        mlen = min(len(m), 24)
        sufs = self._suffixes(m[-4:], min(mlen, 5))  # beyond four letters, only the last four count
        lps = map(add, self.base_len[mlen], sufs)  # (Int_t + hapax) + len, then + suffix, as HanTa adds
        out = tuple(map(sub, lps, repeat(4.6)) if whole else lps)
        if len(self.guesses) > SEGMENT_CACHE:
            self.guesses.clear()
        by_end = self.guesses.get(m[-4:])
        if by_end is None:
            by_end = self.guesses[m[-4:]] = [None] * 50
        by_end[2 * mlen + whole] = out
        return out

    def _suffixes(self, m: str, mlen: int) -> tuple[float, ...]:
        """For each open-class tag, the score of the longest ending it lists (of at most four
        letters, shorter than the morpheme, of length mlen, that ends in m)."""
        by_ending = self.ending_scores
        if by_ending is not None:  # every tag lists the same endings: the longest one fits all
            for n in (4, 3, 2, 1):
                if mlen > n and m[-n:] in by_ending:
                    return by_ending[m[-n:]]
            return by_ending['']
        out = []
        e4, e3, e2, e1 = m[-4:], m[-3:], m[-2:], m[-1:]
        for suffixes in self.suffix_tables:
            if mlen > 4 and e4 in suffixes:
                out.append(suffixes[e4])
            elif mlen > 3 and e3 in suffixes:
                out.append(suffixes[e3])
            elif mlen > 2 and e2 in suffixes:
                out.append(suffixes[e2])
            elif mlen > 1 and e1 in suffixes:
                out.append(suffixes[e1])
            else:
                out.append(suffixes[''])
        return tuple(out)

    def _followers(self, state, target=None):
        """The state's followers (those that can reach ``target``, when given) as HanTa lists
        them: {tag: (position, log p)}; the open-class ones in order, as (index among the open
        tags, log p, next state); and a memo of the followers each known segment's tags meet
        (see _found)."""
        followup = self.t.LP_trans_nonfinal.get(state, [])
        if target is not None:
            reachable = self.t.reachability.get(target, frozenset())
            followup = [(c, p) for c, p in followup if c in reachable]
        if self.found_size > SEGMENT_CACHE:
            self.follow.clear()
            self.found_size = 0
        hit = self.follow[(state, target)] = (
            {c: (k, p) for k, (c, p) in enumerate(followup)},
            tuple((self.open_index[c], p, (state[1], c)) for c, p in followup if c in self.open_index), {})
        return hit

    def _fill(self, table, word, strict, target=None, backpointer=None) -> None:
        """The morpheme lattice: HanTa's loop over rows, kept states, segments and followers."""
        for i, row in enumerate(table[:-1]):
            if row:
                self._extend(table, i, word, strict, target, backpointer)

    def _extend(self, table, i, word, strict, target, backpointer) -> None:
        """Extend the kept states of row i by every segment word[i:j], meeting each segment's
        tags in the order of the state's followers, as HanTa does."""
        row = table[i]
        rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER  # HanTa's beam
        segs = None
        follow = self.follow
        for state, lp in row.items():
            if lp < rowbound:
                continue
            fmap, fopen, memo = follow.get((state, target)) or self._followers(state, target)
            if not fmap:
                continue
            if segs is None:
                segs = self._segments(word, i, strict)
            for j, scores, guessed, skey in segs:
                # guessed: scores are the guesses for every open-class tag, indexed like fopen
                if guessed:
                    found = fopen
                else:
                    found = memo.get(skey)
                    if found is None:
                        found = self._found(memo, skey, state, fmap, scores)
                cell = table[j]
                for key, lpt, new in found:
                    lp1 = lp + lpt + scores[key]
                    if lp1 > LOWER:
                        old = cell.get(new)
                        if old is None or lp1 > old:
                            cell[new] = lp1
                            if backpointer is not None:
                                backpointer[j][new] = (state, i)

    def _found(self, memo: dict, skey, state, fmap: dict, scores: dict) -> tuple:
        """The segment's tags among the state's followers, in their order, as (tag, log p of
        the transition, next state); memoised per state and segment."""
        self.found_size += 1
        # a tuple, not a list: once its items are seen to hold plain values, the collector stops tracking it
        memo[skey] = tuple((c, lpt, (state[1], c)) for (_k, lpt), c in sorted((fmap[c], c) for c in scores if c in fmap))
        return memo[skey]

    def analyze_forward(self, word: str):
        """HanoverTagger.analyze_forward: [(tag, log p)] best first for a word HanTa does not list."""
        return list(self._memo(self._forward, word))

    def analyze_viterbi(self, word: str, targetpos: int):
        """HanoverTagger.analyze_viterbi: the best morpheme path of ``word`` ending in ``targetpos``."""
        return list(self._memo(self._viterbi, word, targetpos))

    def _memo(self, search, *args):
        """The search's result, memoised: HanTa asks again for the same word under other casings."""
        key = (search.__name__, *args)
        hit = self.results.get(key)
        if hit is None:
            if len(self.results) > SEGMENT_CACHE:
                self.results.clear()
            hit = self.results[key] = tuple(search(*args))
        return hit

    def _forward(self, word: str):
        t = self.t
        wlen = len(word)
        table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
        self._fill(table, word, t.strict)
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

    def _viterbi(self, word: str, targetpos: int):
        t = self.t
        wlen = len(word)
        for localstrict in (True, False):
            table = [{(EMPTY, START): 0}] + [{} for _ in range(wlen + 1)]
            backpointer: list[dict] = [{} for _ in range(wlen + 2)]
            self._fill(table, word, localstrict, targetpos, backpointer)
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
    """Route the tagger's three searches (and its lemma endings) through Searches (when the model fits)."""
    if not fits(tagger):
        return None
    s = Searches(tagger)
    tagger.kg_searches = s
    tagger.analyze_forward = s.analyze_forward
    tagger.analyze_viterbi = s.analyze_viterbi
    tagger.tag_sent_viterbi = s.tag_sent
    tagger.makelemma = LemmaEndings(tagger)
    return s
