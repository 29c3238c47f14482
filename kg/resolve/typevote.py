"""Type votes: one name that NER tagged with different types in different places.

Families (person / organisation+media / place) never mix by name alone; these
rules fix NER typing noise with evidence beyond the name:
- a place/organisation name tagged both ways joins the type that has at least
  VOTE_RATIO times the mentions ("Wien" the city, a few times tagged ORG); a MEDIA
  tag or a web domain makes it an organisation, unless the name is a known place;
- a "person" whose first word is no known given name and whose name is also an
  organisation or place is that organisation or place ("New York Times" tagged PER);
  a full person name tagged ORG/LOC by a small minority is that person;
- a lone place-tagged word that is no known place but the surname of one person
  named in at least twice as many articles is that person.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from kg.records import LOC, ORG, PER
from kg.resolve.names import primary_key

VOTE_RATIO = 3


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded first names (the NLP stage's gender-guesser gazetteer); empty if unavailable."""
    from kg.resolve.names import fold

    try:
        from kg.nlp.gazetteer import first_names
    except ImportError:
        return frozenset()
    return frozenset(fold(n) for n in first_names())


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    from kg.resolve.names import fold

    try:
        from kg.nlp.gazetteer import countries, places
    except ImportError:
        return frozenset()
    return frozenset(fold(n) for n in places() | countries())


@lru_cache(maxsize=1)
def place_keys() -> frozenset[str]:
    """Match keys (kg.resolve.passes.primary_key) of the known places."""
    return frozenset(_key(p) for p in known_places())


def type_votes(groups, idx: list[int], uf) -> None:
    _place_or_org(groups, idx, uf)
    _persons_misread(groups, idx, uf)
    _surnames_misread(groups, idx, uf)


def _sizes(groups, idx, uf) -> Counter:
    size: Counter = Counter()
    for i in idx:
        size[uf.find(i)] += sum(groups[i].votes.values()) or 1
    return size


class _Moves:
    """Family changes decided during one pass, applied in one sweep at the end."""

    def __init__(self, groups, idx, uf) -> None:
        self.groups, self.idx, self.uf = groups, idx, uf
        self.family: dict[int, str] = {}

    def join(self, target: int, other: int, family: str) -> None:
        self.uf.union(target, other, "type-vote", 1.0)
        self.family[self.uf.find(target)] = family

    def apply(self) -> None:
        final = {self.uf.find(r): fam for r, fam in self.family.items()}
        for i in self.idx:
            fam = final.get(self.uf.find(i))
            if fam:
                self.groups[i].family = fam


def _keys_by_family(groups, idx, uf, key_of) -> dict[str, dict[str, set[int]]]:
    out: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for i in idx:
        g = groups[i]
        for f in g.forms:
            k = key_of(g, f.text)
            if k:
                out[k][g.family].add(uf.find(i))
    return out


def _place_or_org(groups, idx: list[int], uf) -> None:
    from kg.records import MEDIA
    from kg.resolve.names import domain_key

    moves = _Moves(groups, idx, uf)
    size = _sizes(groups, idx, uf)
    # a web domain or a MEDIA tag is organisation evidence no number of place tags outvotes
    outlet = {uf.find(i) for i in idx if groups[i].votes.get(MEDIA)
              or any(domain_key(f.text) for f in groups[i].forms)}
    by_key = _keys_by_family(groups, idx, uf, lambda g, t: _key(t) if g.family in (ORG, LOC) else None)
    docs: dict[int, set[str]] = defaultdict(set)
    caps: set[str] = set()  # keys written as an acronym somewhere
    for i in idx:
        docs[uf.find(i)].add(groups[i].doc_id)
        caps.update(_key(f.text) for f in groups[i].forms if f.text.isupper())
    for key in sorted(by_key):
        fams = by_key[key]
        if len(fams) < 2:
            continue
        (big_fam, big), (_, small) = sorted(
            ((fam, max(rs, key=lambda r: (size[r], -r))) for fam, rs in sorted(fams.items())),
            key=lambda x: -size[x[1]])
        place = key in place_keys() and key not in caps  # "ORF" is no place, whatever a gazetteer lists
        # a known place named both ways inside one article: the majority there decides ("Miskolc")
        together = place and size[big] > size[small] and docs[uf.find(big)] & docs[uf.find(small)]
        if uf.find(big) != uf.find(small) and (size[big] >= VOTE_RATIO * size[small] or together):
            # ... except for a known place name: there the majority decides ("Vorarlberg")
            outlet_wins = {uf.find(big), uf.find(small)} & outlet and not place
            moves.join(big, small, ORG if outlet_wins else big_fam)
    moves.apply()


def _persons_misread(groups, idx: list[int], uf) -> None:
    from kg.resolve.names import fold, tokens

    def key_of(g, text):
        if g.family == PER:
            toks = tokens(text)
            return _key(text) if len(toks) >= 2 and fold(toks[0]) not in given_names() else None
        return _key(text)

    moves = _Moves(groups, idx, uf)
    by_key = _keys_by_family(groups, idx, uf, key_of)
    for key in sorted(by_key):
        fams = by_key[key]
        others = sorted(fams.get(ORG, set()) | fams.get(LOC, set()))
        if PER in fams and len({uf.find(r) for r in others}) == 1:
            target = others[0]
            for r in sorted(fams[PER]):
                moves.join(target, r, groups[target].family)
    moves.apply()
    # the other way: a full person name ("Heinz Fischer", a given name first) tagged ORG/LOC
    # a few times joins the person when the person has VOTE_RATIO times the mentions
    moves = _Moves(groups, idx, uf)
    size = _sizes(groups, idx, uf)
    people = _keys_by_family(groups, idx, uf, lambda g, t: _key(t) if len(tokens(t)) >= 2 else None)
    for key in sorted(people):
        fams = people[key]
        persons = {uf.find(r) for r in fams.get(PER, ())}
        if len(persons) != 1:
            continue
        person = persons.pop()
        for r in sorted(fams.get(ORG, set()) | fams.get(LOC, set())):
            if uf.find(r) != uf.find(person) and size[person] >= VOTE_RATIO * size[uf.find(r)]:
                moves.join(person, r, PER)
    moves.apply()


def _surnames_misread(groups, idx: list[int], uf) -> None:
    from kg.resolve.names import compact, fold, person_parts, single_name

    root0 = {i: uf.find(i) for i in idx}  # cluster ids as they were when this pass began
    docs: dict[int, set[str]] = defaultdict(set)
    for i in idx:
        docs[root0[i]].add(groups[i].doc_id)
    bearers: dict[str, set[int]] = defaultdict(set)
    for i in idx:
        if groups[i].family == PER:
            for f in groups[i].forms:
                p = person_parts(f.text)
                if p:
                    bearers[compact(p[1])].add(root0[i])
    moves = _Moves(groups, idx, uf)
    for i in idx:
        g = groups[i]
        if g.family != LOC or len({f.text for f in g.forms}) != 1 or not single_name(g.main) or " " in g.main:
            continue
        if fold(g.main) in known_places():
            continue
        people = bearers.get(compact(g.main), set())
        if len(people) == 1:
            person = next(iter(people))
            if root0[i] != person and len(docs[person]) >= 2 * len(docs[root0[i]]):
                moves.join(person, i, PER)
    moves.apply()


def _key(text: str) -> str:
    return primary_key(text)
