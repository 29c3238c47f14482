"""Spelling variants of one name: fuzzy matching of organisations and places, and typos inside one article.

Why apart from kg.resolve.passes: similarity alone merges different things
("Wiener Handelsgericht" / "Wiener Landesgericht" score 0.92), so every fuzzy
merge passes ``fuzzy_allowed`` (same word count and head word, not two known
places), and the lower in-article threshold needs a unique candidate.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from kg.records import LOC, ORG, PER
from kg.resolve.names import fold, primary_key, tokens
from kg.resolve.typevote import given_names, known_places

if TYPE_CHECKING:
    from kg.resolve.groups import Group
    from kg.resolve.passes import UnionFind

# Measured with rapidfuzz.fuzz.ratio (docs/readme/resolve.md): organisations need 0.92 on keys of >= 8 letters.
ORG_FUZZY = 0.92
ORG_FUZZY_MIN_LEN = 8
# Inside one article, a long name (key >= ARTICLE_FUZZY_MIN_LEN letters) and a variant with a typo.
ARTICLE_FUZZY = 0.88
ARTICLE_FUZZY_MIN_LEN = 10
SURNAME_TYPO_MIN_LEN = 7  # "Schulz"/"Schulze" (0.92) are two names, too short to call one a typo


def fuzzy_allowed(a: str, b: str, family: str) -> bool:
    """May two organisation/place names be spelling variants? Not when one adds a qualifier
    ("Technische Universität" / "Technische Universität Wien"), when their head words differ
    ("Wiener Handelsgericht" / "Wiener Landesgericht"), or when both are known, different places."""
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb) or (len(ta) > 1 and fold(ta[-1]) != fold(tb[-1])):
        return False
    places = known_places()
    return not (family == LOC and fold(a) != fold(b) and fold(a) in places and fold(b) in places)


def fuzzy_orgs(groups: list[Group], idx: list[int], uf: UnionFind) -> None:
    for family in (ORG, LOC):
        keys: dict[str, int] = {}
        texts: dict[str, str] = {}
        for i in idx:
            g = groups[i]
            if g.family == family:
                for f in g.forms:
                    k = primary_key(f.text)
                    if len(k) >= ORG_FUZZY_MIN_LEN:
                        keys.setdefault(k, i)
                        texts.setdefault(k, f.text)
        choices = sorted(keys)
        for k in choices:
            i = keys[k]
            hits = process.extract(k, choices, scorer=fuzz.ratio, score_cutoff=ORG_FUZZY * 100, limit=None)
            roots = {uf.find(keys[h]): s for h, s, _ in hits
                     if uf.find(keys[h]) != uf.find(i) and fuzzy_allowed(texts[k], texts[h], family)}
            if len(roots) == 1:
                (rj, score), = roots.items()
                uf.union(rj, i, "fuzzy", round(score / 100, 3))
    _typos_in_article(groups, idx, uf)


def _typos_in_article(groups: list[Group], idx: list[int], uf: UnionFind) -> None:
    """Inside one article a long organisation/place name written once with a typo in a qualifier
    ("Kopak Ipek Holding" next to "Koza Ipek Holding") is the same name (ratio >= ARTICLE_FUZZY);
    a two-word "person" without a given name that is such a variant of a place or organisation
    of the article ("CČeské Budějovice") is that place or organisation."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        by_doc[groups[i].doc_id].append(i)
    names = given_names()
    for doc in sorted(by_doc):
        members = by_doc[doc]
        named = [(primary_key(f.text), f.text, i) for i in members if groups[i].family in (ORG, LOC)
                 for f in groups[i].forms if f.kind == "name"]
        asking = [i for i in members if groups[i].family != PER
                  or len(tokens(groups[i].main)) >= 2 and fold(tokens(groups[i].main)[0]) not in names]
        near = NearKeys([k2 for k2, _, _ in named], ARTICLE_FUZZY * 100)
        near.prepare(k for i in asking for f in groups[i].forms if len(k := primary_key(f.text)) >= ARTICLE_FUZZY_MIN_LEN)
        for i in asking:
            g = groups[i]
            for f in g.forms:
                k = primary_key(f.text)
                if len(k) < ARTICLE_FUZZY_MIN_LEN:
                    continue
                close = [named[n] for n in near.of(k)]
                roots = {uf.find(j): fuzz.ratio(k, k2) / 100 for k2, t2, j in close
                         if uf.find(j) != uf.find(i) and k2 != k and fuzz.ratio(k, k2) >= ARTICLE_FUZZY * 100
                         and fuzzy_allowed(f.text, t2, groups[j].family)}
                if len(roots) == 1:
                    (rj, score), = roots.items()
                    if g.family == PER:
                        g.family = groups[rj].family
                        uf.union(rj, i, "type-vote", 1.0)
                    elif g.family == groups[rj].family:
                        uf.union(rj, i, "fuzzy", round(score, 3))
                    break


class NearKeys:
    """The keys of a list that may score at least ``cutoff`` (fuzz.ratio) against a query.

    Why: a long article has thousands of names; scoring every pair in Python made the
    in-article typo pass quadratic. rapidfuzz scores a query against the list's distinct
    keys in C (a long article names the same few thousand over and over; with a margin
    below the cutoff, so the caller's exact test decides), ``prepare`` scores many queries
    at once (rapidfuzz cdist), and a query asked again is answered from a memo. Returns
    positions in list order: the same pairs, in the same order, as a scan of the list.
    """

    BLOCK = 512  # queries per cdist call: a block x distinct keys matrix of bytes

    def __init__(self, keys: list[str], cutoff: float):
        self.keys, self.cutoff = keys, cutoff - 1
        self.positions: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            self.positions.setdefault(k, []).append(n)
        self.distinct = list(self.positions)
        self.memo: dict[str, list[int]] = {}

    def of(self, query: str) -> list[int]:
        hits = self.memo.get(query)
        if hits is None:
            found = process.extract(query, self.distinct, scorer=fuzz.ratio, score_cutoff=self.cutoff, limit=None)
            hits = self.memo[query] = self._spread(k for k, _, _ in found)
        return hits

    def prepare(self, queries) -> None:
        """Score the queries not asked yet, a block of them per C call, into the memo."""
        new = [q for q in dict.fromkeys(queries) if q not in self.memo]
        for b in range(0, len(new) if self.distinct else 0, self.BLOCK):
            block = new[b:b + self.BLOCK]
            scores = process.cdist(block, self.distinct, scorer=fuzz.ratio, score_cutoff=self.cutoff, dtype="uint8")
            for q, row in zip(block, scores):
                self.memo[q] = self._spread(self.distinct[j] for j in row.nonzero()[0])

    def _spread(self, found) -> list[int]:
        return sorted(n for k in found for n in self.positions[k])


def surname_typo(names: set[str], surnames: list[tuple[int, str]], root0: list[int],
                 near: NearKeys | None = None) -> tuple[int, float] | None:
    """A lone name that is no surname anywhere but a misspelling (ratio >= ARTICLE_FUZZY, both >=
    SURNAME_TYPO_MIN_LEN letters) of the surname of exactly one person of its article ("Grundig").
    ``near``: a ``NearKeys`` over the surnames of ``surnames``, to skip the ones far off."""
    if len(names) != 1 or names & given_names():
        return None
    name = next(iter(names))
    close = [surnames[n] for n in near.of(name)] if near is not None else surnames
    hits = {root0[j]: fuzz.ratio(name, sur) / 100 for j, sur in close
            if min(len(name), len(sur)) >= SURNAME_TYPO_MIN_LEN and fuzz.ratio(name, sur) >= ARTICLE_FUZZY * 100}
    return next(((j, round(score, 3)) for j, score in hits.items()), None) if len(hits) == 1 else None
