"""Short names inside one article: an organisation named in full, then shortened.

A news text introduces an organisation by its full name and then uses a short
one: "Kronen Zeitung" ... "die Krone", "Zenit St. Petersburg" ... "Zenit",
"Daily Telegraph" ... "dem Telegraph", "Tiroler Tageszeitung Online" ...
"tt.com". A one-word organisation name (or a web domain) joins the one longer
organisation name of the same article that it shortens. Kinds, strongest first:

- ``descriptor``: the short name is the first word, or its stem (-n, -en, -s,
  -es), and every other word a generic descriptor or legal form ("Krone" /
  "Kronen Zeitung": "Zeitung" only says what it is);
- ``lead``: the short name is the leading word(s) ("Zenit" / "Zenit St. Petersburg"), or
  the town of a club's name ("Newcastle" / "Newcastle United", "Porto" / "FC Porto");
- ``head``: the short name is the last word, which is no place, of a name whose
  first word is no German inflected adjective ("Telegraph" / "Daily Telegraph",
  never "Union" / "Europäische Union": an adjective + noun name's head is a
  common noun);
- a domain's name part spelling the initials of the leading words
  ("tt.com" / "Tiroler Tageszeitung Online") counts as ``lead``.

The longer name must come first in the article (except for a domain, which a
headline often names first), and only a unique candidate of the strongest kind
found is joined, so "Krone" joins "Kronen Zeitung", not "Krone Multimedia".
"""
from __future__ import annotations

from collections import defaultdict

from kg.records import ORG
from kg.resolve.groups import Group
from kg.resolve.lexicon import LEGAL_FORMS, ORG_DESCRIPTOR_TAILS
from kg.resolve.names import compact, domain_key, fold, strip_org_descriptor, tokens

KINDS = ("descriptor", "lead", "head")
STEM_ENDINGS = ("", "n", "en", "s", "es")
GENERIC = ORG_DESCRIPTOR_TAILS | LEGAL_FORMS | frozenset("online digital international news".split())
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# the words a football club's name adds to its town: "Newcastle United", "FC Porto", "Rapid Wien SK"
CLUB_AFFIXES = frozenset("""fc sc sv fk sk ac as afc cf bk if ssc ssv tsv vfb vfl rb
united city athletic hotspur rovers wanderers albion town county calcio""".split())


def _generic(word: str) -> bool:
    return fold(word).strip(".,") in GENERIC


def shortening(short: str, long: str, is_domain: bool = False) -> str | None:
    """How ``short`` shortens the multi-word name ``long`` (a KINDS entry), else None."""
    toks = tokens(long)
    if len(toks) < 2 or " " in short or strip_org_descriptor(long):
        return None  # "IT-Portal Technoblatt" is a descriptor apposition (kg.resolve.passes)
    key = domain_key(short) if is_domain else compact(short)
    if not key or (not is_domain and (_generic(short) or short.isupper())):
        return None  # an acronym ("ÖVP", "VR") is left to the acronym rules
    first = compact(toks[0])
    if any(first == key + e for e in STEM_ENDINGS) and all(_generic(t) for t in toks[1:]):
        return "descriptor"
    for k in range(1, len(toks)):
        lead, rest = toks[:k], " ".join(toks[k:])
        if compact(" ".join(lead)) == key and (_city(rest) or all(_generic(t) or _club(t) for t in toks[k:])):
            return "lead"  # the rest is a city: "Zenit St. Petersburg"; never "Apple Music", "Telekom Austria"
        if is_domain and k >= 2 and "".join(fold(t)[:1] for t in lead) == key:
            return "lead"
    if not is_domain and compact(toks[-1]) == key and all(_club(t) for t in toks[:-1]):
        return "lead"  # "FC Porto" ... "Porto"
    if not is_domain and compact(toks[-1]) == key and _plain_lead(toks[:-1]) and not _place(short):
        return "head"
    return None


def _club(word: str) -> bool:
    return fold(word).strip(".") in CLUB_AFFIXES


def _plain_lead(words: list[str]) -> bool:
    """Words that may open a name whose head alone names it ("Daily" Telegraph): capitalised,
    no German inflected adjective ("Europäische Union"), no acronym ("CSI Hypo"), no given
    name ("Egon Schieles" is a person), no function word ("Rat der EU")."""
    from kg.resolve.typevote import given_names

    return all(w[:1].isupper() and not w.isupper() and not _adjectival(w) and fold(w) not in given_names()
               for w in words)


def _adjectival(word: str) -> bool:
    """A German inflected adjective opening a name ("Europäische", "Deutschen")."""
    low = word.lower()
    return word[:1].isupper() and low.endswith(ADJECTIVE_ENDINGS) and len(low) > 4


def _city(name: str) -> bool:
    """A city, not a country or region ("Turin", "St. Petersburg"; not "Austria", "Burgenland")."""
    from kg.resolve.places import city_names, country_code

    return fold(name) in city_names() and not country_code(name)


def _place(name: str) -> bool:
    from kg.resolve.places import exonym_key
    from kg.resolve.typevote import known_places

    return fold(name) in known_places() or exonym_key(name) is not None


def short_names(groups: list[Group], idx: list[int], uf) -> None:
    """Join one-word organisation names and domains to the longer name they shorten (same article)."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        if groups[i].family == ORG:
            by_doc[groups[i].doc_id].append(i)
    for members in by_doc.values():
        longs = [(j, f.text, min(groups[j].mentions, default=0)) for j in members for f in groups[j].forms
                 if len(tokens(f.text)) >= 2 and f.kind in ("name", "partial")]
        index = LongNames(longs)
        for i in members if longs else ():
            target = _target(groups[i], index, uf)
            if target is not None:
                uf.union(target, i, "short-name", 1.0)


def probe_keys(long: str) -> set[str]:
    """Every key a short name can have and shorten ``long``: ``shortening`` compares the short
    name's key with the first word less a stem ending, each leading part (compact, or its
    initials for a domain) and the last word, nothing else."""
    toks = tokens(long)
    first = compact(toks[0])
    keys = {first[:len(first) - len(e)] for e in STEM_ENDINGS if first.endswith(e)}
    keys.add(compact(toks[-1]))
    for k in range(1, len(toks)):
        keys.add(compact(" ".join(toks[:k])))
        if k >= 2:
            keys.add("".join(fold(t)[:1] for t in toks[:k]))
    return keys


class LongNames:
    """An article's longer organisation names (group, text, first mention) by the keys of the
    short names that may shorten them, so that a short name tries a few candidates, not all
    of them (one long article has thousands of each)."""

    def __init__(self, longs: list[tuple[int, str, int]]) -> None:
        self.by_key: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for entry in longs:
            for key in probe_keys(entry[1]):
                self.by_key[key].append(entry)

    def candidates(self, short: str, is_domain: bool) -> list[tuple[int, str, int]]:
        key = domain_key(short) if is_domain else compact(short)
        return self.by_key.get(key, []) if key else []


def _target(g: Group, longs: LongNames, uf) -> int | None:
    """The one cluster (root) of the strongest kind that group ``g``'s short name shortens;
    None when ambiguous, or when that is ``g``'s own cluster already."""
    shorts = {f.text for f in g.forms if f.kind in ("name", "partial", "compound")}
    if not shorts or any(" " in s for s in shorts):
        return None
    first = min(g.mentions, default=0)
    best: dict[str, set[int]] = defaultdict(set)
    for s in shorts:
        is_domain = domain_key(s) is not None
        for j, text, start in longs.candidates(s, is_domain):
            kind = shortening(s, text, is_domain)
            if kind and (is_domain or start < first):
                best[kind].add(uf.find(j))
    for kind in KINDS:
        if best[kind]:  # joined already (another group of the same name did) or unique
            return best[kind].pop() if len(best[kind]) == 1 else None
    return None
