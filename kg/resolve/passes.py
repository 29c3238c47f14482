"""Cross-article clustering of per-article groups into entities.

Passes, in order (each merge records its rule and score):
1. keys: exact / case / spacing / domain / country keys of full names, and
   guarded variants (genitive, adjective ending, particle, apposition,
   descriptor, article, legal form, NLP norm) that count only when the variant
   itself occurs in the corpus (an inflected form no more often than its base);
2. acronyms next to their spelled-out name in one article, and short names
   of an organisation after its full name in one article (kg.resolve.shortnames);
3. people: middle names and initials with the same surname, surname spelling
   variants (rapidfuzz ratio >= PERSON_FUZZY) with the same first name, and a
   name that is the tail of exactly one longer name;
4. organisations/places: ratio >= ORG_FUZZY on long keys, and typos inside one
   article (kg.resolve.spelling);
5. type votes for names NER typed differently (kg.resolve.typevote);
6. single names: a surname or first name alone joins the one full name it
   fits (same article first; across articles surnames only); ambiguous ones
   stay apart.
Full person names never merge through a shared surname alone, families
(person / organisation+media / place) mix only by a type vote, and every
fuzzy or partial merge needs a unique candidate.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from kg.records import LOC, ORG, PER
from kg.resolve.acronyms import lexicon_key
from kg.resolve.groups import Group
from kg.resolve.lexicon import PARTICLES, PATRONYMICS
from kg.resolve.names import (
    compact,
    first_names_compatible,
    fold,
    inflection_variants,
    is_initial,
    person_parts,
    primary_key,
    single_name,
    strip_article,
    strip_legal_form,
    strip_org_descriptor,
    tokens,
)
from kg.resolve.partyctx import party_family_key
from kg.resolve.places import country_code, exonym_key
from kg.resolve.shortnames import short_names
from kg.resolve.spelling import (  # noqa: F401
    ARTICLE_FUZZY,
    ORG_FUZZY,
    ORG_FUZZY_MIN_LEN,
    NearKeys,
    fuzzy_orgs,
    surname_typo,
)
from kg.resolve.typevote import given_names, type_votes

# Measured with rapidfuzz.fuzz.ratio on invented name pairs (docs/readme/resolve.md):
# true spelling variants score 0.85-0.96 (Kowalczyk/Kowalczyck 0.947), distinct
# surnames reach 0.92 (Schulz/Schulze), so a person's surname variant also needs the
# same first name, and organisations need 0.92 on keys of >= 8 characters.
PERSON_FUZZY = 0.85
# A lone surname that is also a common first name joins a full name from another
# article only when that person is named in at least this many articles.
PROMINENT = 3


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.reason: dict[int, tuple[str, float]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, rule: str, score: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        keep, gone = min(ra, rb), max(ra, rb)  # lowest index stays root: deterministic
        self.parent[gone] = keep
        self.reason.setdefault(b, (rule, score))  # b is the group that joined a's cluster
        self.reason.setdefault(gone, (rule, score))
        return True


@lru_cache(maxsize=1 << 17)
@lru_cache(maxsize=1 << 17)
def variant_keys(text: str, family: str, norm: str = "") -> tuple[tuple[str, str], ...]:
    """(key, rule) of guarded variants of a form (memoised: resolution asks for the same forms often)."""
    out = [(compact(v), "inflection") for v in inflection_variants(text)]
    if norm and compact(norm) != compact(text):
        out.append((compact(norm), "inflection"))
    toks = tokens(text)
    if family == PER and len(toks) >= 2 and toks[0].lower() in PARTICLES:
        out.append((compact(" ".join(t for t in toks if t.lower() not in PARTICLES)), "particle"))  # "De Maizière"
    if family == PER and len(toks) >= 3 and toks[0].endswith("s") and toks[0][:1].isupper():
        out.append((compact(" ".join(toks[1:])), "apposition"))  # "Burgenlands Hans Niessl"
    if family == ORG and len(toks) == 1 and text.endswith("en") and len(text) > 5:
        out.append((compact(text[:-1]), "inflection"))  # plural/dative of a party: "(den) Grünen"
    if family == ORG:
        for fn, rule in ((strip_org_descriptor, "descriptor"), (strip_article, "article"), (strip_legal_form, "legal-form")):
            v = fn(text)
            if v:
                out.append((primary_key(v), rule))
                out.extend((compact(w), "inflection") for w in inflection_variants(v))
    return tuple((k, r) for k, r in out if k)


def is_partial_group(g: Group) -> bool:
    return g.family == PER and all(single_name(f.text) for f in g.forms)


def cluster(groups: list[Group]) -> UnionFind:
    """Merge groups that name the same entity; returns the union-find over ``groups``."""
    uf = UnionFind(len(groups))
    full = [i for i, g in enumerate(groups) if not is_partial_group(g)]
    _by_keys(groups, full, uf)
    _acronyms(groups, full, uf)
    short_names(groups, full, uf)
    bracketed = _brackets(groups, uf)
    _people(groups, full, uf)
    fuzzy_orgs(groups, full, uf)
    type_votes(groups, full, uf)
    _partials(groups, uf, bracketed)
    return uf


def _brackets(groups: list[Group], uf: UnionFind) -> set[int]:
    """A name in brackets right after a name in one article (kg.resolve.groups): the same entity.
    Returns the bracketed groups, whose family follows the name they explain."""
    index = {g.gid: i for i, g in enumerate(groups)}
    joined: set[int] = set()
    for i, g in enumerate(groups):
        for gid in g.bracketed:
            j = index.get(gid)
            if j is not None and uf.union(i, j, "bracket", 1.0):
                groups[j].family = g.family
                joined.add(j)
    return joined


def primary_keys(text: str, family: str) -> list[tuple[str, str]]:
    """(key, rule) of a form: its folded key, for places the country it names, for
    organisations the acronym lexicon's key ("ESA" / "Europäische Raumfahrtagentur")."""
    keys = [(primary_key(text), "exact")]
    if family == ORG:
        listed = lexicon_key(text)
        if listed:
            keys.append((listed, "acronym"))
        party = party_family_key(text)
        if party:  # "Grüne" / "Die Grünen": merged only under one country (the group's qualifier)
            keys.append((party, "inflection"))
    if family == LOC:
        code = country_code(text)
        if code:
            keys.append(("country:" + code, "gazetteer"))
        place = exonym_key(text)
        if place:
            keys.append((place, "exonym"))
    return keys


def key_forms(g: Group) -> list:
    """Forms that may merge groups by key: for a person with a full name, only full names
    (a shared surname alone never merges two full names)."""
    if g.family == PER:
        full = [f for f in g.forms if not single_name(f.text)]
        if full:
            return full
    return g.forms


def _by_keys(groups: list[Group], idx: list[int], uf: UnionFind) -> None:
    """Merge by primary keys, then by guarded variants; a group's qualifier (a party-family
    name's country) is part of every key it merges by."""
    primary: dict[tuple[str, str], int] = {}
    count: Counter = Counter()
    for i in idx:
        g = groups[i]
        for f in key_forms(g):
            for key, rule in primary_keys(f.text, g.family):
                k = (g.family, key + g.qualifier)
                count[k] += 1
                if k in primary:
                    uf.union(primary[k], i, rule, 1.0)
                else:
                    primary[k] = i
    for i in idx:
        g = groups[i]
        for f in key_forms(g):
            own = count[(g.family, primary_key(f.text) + g.qualifier)]
            for key, rule in variant_keys(f.text, g.family, f.norm):
                k = (g.family, key + g.qualifier)
                j = primary.get(k)
                # an inflected form is rarer than its base: "Hamas" is no genitive of a rarer "Hama"
                if j is not None and (rule != "inflection" or count[k] >= own):
                    uf.union(j, i, rule, 1.0)


def _person_forms(groups: list[Group], idx: list[int]):
    """(group index, form text) of every person form among ``idx``."""
    return [(i, f.text) for i in idx if groups[i].family == PER for f in groups[i].forms]


@lru_cache(maxsize=1 << 17)
def acronym_of(text: str) -> str:
    """Initials of the capitalised words ("Freiheitliche Partei Österreichs" -> "FPÖ")."""
    words = [w for w in re.split(r"[\s-]+", text) if w[:1].isupper()]
    if len(words) < 2 or not all(any(c.islower() for c in w) for w in words):
        return ""  # "LG G4" is a product code, not a spelled-out name
    return "".join(w[0] for w in words)


def _acronyms(groups: list[Group], idx: list[int], uf: UnionFind) -> None:
    """An organisation's acronym joins its long name when both occur in one article."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        if groups[i].family == ORG:
            by_doc[groups[i].doc_id].append(i)
    for members in by_doc.values():
        longs: dict[str, set[int]] = defaultdict(set)
        for i in members:
            for f in groups[i].forms:
                if acronym_of(f.text):
                    longs[acronym_of(f.text)].add(uf.find(i))
        for i in members:
            for f in groups[i].forms:
                if re.fullmatch(r"[A-ZÄÖÜ]{2,6}", f.text):
                    hits = longs.get(f.text, set()) - {uf.find(i)}
                    if len(hits) == 1:
                        uf.union(hits.pop(), i, "acronym", 1.0)


def _full_parts(groups: list[Group], idx: list[int]) -> list[tuple[int, str, str]]:
    return [(i, *p) for i, text in _person_forms(groups, idx) if (p := person_parts(text))]


def _middles(groups: list[Group], idx: list[int]) -> dict[tuple[int, str, str], list[tuple[str, ...]]]:
    """Middle names of each (group, first, surname): "Sultan Qabus bin Said" -> ("Qabus",)."""
    out: dict[tuple[int, str, str], list[tuple[str, ...]]] = defaultdict(list)
    for i, text in _person_forms(groups, idx):
        p = person_parts(text)
        if p:
            toks = tokens(text)
            out[(i, *p)].append(tuple(toks[1:len(toks) - len(tokens(p[1]))]))
    return out


def _middles_fit(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> bool:
    """Middle names agree when one side has none, or they match name by name (initials allowed)."""
    for x in a:
        for y in b:
            if x and y and (len(x) != len(y) or not all(first_names_compatible(m, n) for m, n in zip(x, y))):
                return False
    return True


def _people(groups: list[Group], idx: list[int], uf: UnionFind) -> None:  # noqa: C901
    """Same first name: middle-name variants and surname spelling variants; then initials."""
    parts = _full_parts(groups, idx)
    middles = _middles(groups, idx)
    by_first: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for p in parts:
        if not is_initial(p[1]):
            by_first[fold(p[1])].append(p)
    for block in by_first.values():
        for i, first, sur in block:
            cands: dict[int, tuple[str, float]] = {}
            for j, f2, sur2 in block:
                rj = uf.find(j)
                if rj == uf.find(i) or not _middles_fit(middles[(i, first, sur)], middles[(j, f2, sur2)]):
                    continue
                if fold(sur) == fold(sur2):
                    cands[rj] = ("name-variant", 1.0)
                elif min(len(sur), len(sur2)) >= 4:
                    score = fuzz.ratio(fold(sur), fold(sur2)) / 100
                    if score >= PERSON_FUZZY:
                        cands[rj] = max(cands.get(rj, ("fuzzy", 0.0)), ("fuzzy", round(score, 3)), key=lambda x: x[1])
            if len(cands) == 1:
                (rj, (rule, score)), = cands.items()
                uf.union(rj, i, rule, score)
    # "A. Berger" joins the one cluster whose full first name starts with A and surname is Berger
    full_by_sur: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for i, first, sur in parts:
        if not is_initial(first):
            full_by_sur[fold(sur)].add((i, first))
    for i, first, sur in parts:
        if is_initial(first):
            roots = {uf.find(j) for j, f2 in full_by_sur.get(fold(sur), ()) if first_names_compatible(first, f2)}
            if len(roots) == 1:
                uf.union(roots.pop(), i, "name-variant", 1.0)
    _longer_names(groups, idx, uf)


def _longer_names(groups: list[Group], idx: list[int], uf: UnionFind) -> None:
    """ "Tayyip Erdoğan" is the tail of "Recep Tayyip Erdoğan": join the one longer name it ends."""
    full: dict[str, set[int]] = defaultdict(set)
    tails: dict[str, set[int]] = defaultdict(set)
    for i, text in _person_forms(groups, idx):
        toks = tokens(text)
        if len(toks) >= 2:
            full[compact(text)].add(i)
        if len(toks) > 4:
            continue  # a long "name" is more likely a phrase than given names + surname
        for n in range(1, len(toks) - 1):
            # the dropped words must look like given names: capitalised, no particle, no genitive
            if all(t[:1].isupper() and t.isalpha() and not t.endswith("s") and t.lower() not in PARTICLES
                   for t in toks[:n]):
                tails[compact(" ".join(toks[n:]))].add(i)
    for key in sorted(full):
        longer = {uf.find(j) for j in tails.get(key, ())} - {uf.find(i) for i in full[key]}
        if len(longer) == 1:
            for i in sorted(full[key]):
                uf.union(next(iter(longer)), i, "name-variant", 1.0)


def _pick(cands: dict[int, str], score: float = 1.0) -> tuple[int, str, float] | None:
    """The one candidate: the one surname match, else the one first-name match."""
    for rule in ("surname", "firstname"):
        hits = [r for r, x in cands.items() if x == rule]
        if hits:
            return (hits[0], rule, score) if len(hits) == 1 else None
    return None


def _partials(groups: list[Group], uf: UnionFind, done: set[int] = frozenset()) -> None:  # noqa: C901
    surname: dict[str, set[int]] = defaultdict(set)
    firstname: dict[str, set[int]] = defaultdict(set)
    docs_of: dict[int, set[str]] = defaultdict(set)
    partial = [i for i, g in enumerate(groups) if is_partial_group(g) and i not in done]
    partial_set = set(partial)
    for i, g in enumerate(groups):
        if g.family != PER or i in partial_set:
            continue
        for f in g.forms:
            p = person_parts(f.text)
            if p:
                surname[fold(p[1])].add(i)
                if tokens(p[1])[0].lower() not in PATRONYMICS:  # "bin Mohammed": a father's name, no surname
                    surname[fold(tokens(p[1])[-1])].add(i)
                if not is_initial(p[0]):
                    firstname[fold(p[0])].add(i)
    doc_surnames: dict[str, list[tuple[int, str]]] = defaultdict(list)  # full names' surnames per article
    for key in sorted(surname):
        for j in sorted(surname[key]):
            if " " not in key:
                doc_surnames[groups[j].doc_id].append((j, key))
    org_keys: dict[str, set[int]] = defaultdict(set)  # organisations and places
    full_keys: dict[str, set[int]] = defaultdict(set)  # full person names, spacing folded
    root0 = [uf.find(i) for i in range(len(groups))]  # cluster ids fixed before partials join
    for i, g in enumerate(groups):
        docs_of[root0[i]].add(g.doc_id)
        if g.family in (ORG, LOC):
            for f in g.forms:
                org_keys[primary_key(f.text)].add(i)
        elif i not in partial_set:
            for f in g.forms:
                if person_parts(f.text):
                    full_keys[compact(f.text)].add(i)
    near: dict[str, NearKeys] = {}

    def near_surnames(doc_id: str) -> NearKeys:  # built once per article, when first asked
        if doc_id not in near:
            near[doc_id] = NearKeys([sur for _, sur in doc_surnames.get(doc_id, [])], ARTICLE_FUZZY * 100)
        return near[doc_id]

    leftover: list[int] = []
    for i in partial:
        g = groups[i]
        names = {fold(single_name(f.text) or f.text) for f in g.forms}
        spaced = {root0[j] for name in names for j in full_keys.get(compact(name), ())}
        if len(spaced) == 1:  # "Anna-Lena" written for "Anna Lena": the same full name
            uf.union(spaced.pop(), i, "spacing", 1.0)
            continue
        cands: dict[int, str] = {}
        for name in sorted(names):
            variants = [name] + [fold(v) for v in inflection_variants(name)]
            for v in variants:
                hit = [(surname, "surname"), (firstname, "firstname")]
                found = False
                for index, rule in hit:
                    for j in index.get(v, ()):
                        cands.setdefault(root0[j], rule)
                        found = True
                if found:
                    break
        same = {r: rule for r, rule in cands.items() if g.doc_id in docs_of[r]}
        orgs = {root0[j] for name in names for k in [compact(name)] + [compact(v) for v in inflection_variants(name)]
                for j in org_keys.get(k, ())}
        # across articles a surname alone joins its one bearer; if it is also a first name
        # ("Karl", "Simon") only a bearer named in >= PROMINENT articles ("Cameron" -> David Cameron)
        corpus = {r: x for r, x in cands.items() if x == "surname"
                  and (not names & given_names() or len(docs_of[r]) >= PROMINENT)} if not same else {}
        pick = _pick(same) or _pick(corpus, 0.9)
        org = orgs.pop() if len(orgs) == 1 else None
        if org is not None and not (pick and pick[2] == 1.0) and \
                (pick is None or len(docs_of[org]) > len(docs_of[pick[0]])):
            # a lone name NER called a person, naming one organisation or place that is
            # better attested than any person it could be part of ("Wien")
            uf.union(org, i, "type-vote", 1.0)
            g.family = groups[org].family
        elif pick:
            uf.union(pick[0], i, pick[1], pick[2])
        elif not cands and (typo := surname_typo(names, doc_surnames.get(g.doc_id, []), root0,
                                                 near_surnames(g.doc_id))) is not None:
            uf.union(typo[0], i, "fuzzy", typo[1])
        elif not same:
            leftover.append(i)
    _by_keys(groups, leftover, uf)  # single names that fit no full name: merge among themselves
