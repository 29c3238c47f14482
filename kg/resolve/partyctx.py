"""Which country's party a party-family name means ("Grüne", "Liberale", "Labour").

Parties of many countries carry the same name (kg/data/party_families.txt), so such a
name merges across articles only when its country agrees: the country named or
adjectivised within a few words of a mention ("die australischen Grünen", "Grüne
australische Senatorin", "die Grünen in Deutschland"), else the one country most of the
article's distinct place names lie in and its other parties belong to (the country
sections of kg/data/parties.txt: "ÖVP" is Austrian; a party counts twice; at least two
votes, more than half of them).
Without either, the name stays inside its article.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from kg.records import LOC, ORG, ArticleAnalysis
from kg.resolve.names import compact, fold
from kg.resolve.places import country_code, place_country

DATA = Path(__file__).resolve().parent.parent / "data" / "party_families.txt"
WINDOW = 3  # words either side of a mention
PARTY_VOTE = 2  # a party of the country says more than a place name (NER reads "Van" der Bellen as a place)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def party_families() -> dict[str, str]:
    """Folded form -> the key of its party family ("Grünen", "Die Grünen" -> "party:grune")."""
    out = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms = [f.strip() for f in line.split("|") if f.strip()]
            out.update((fold(f), "party:" + compact(forms[0])) for f in forms)
    return out


def is_party_family(text: str) -> bool:
    return fold(text) in party_families()


def party_family_key(text: str) -> str | None:
    """One key for the forms of a party-family name; the group's country qualifies it."""
    return party_families().get(fold(text))


def _word_country(word: str) -> str | None:
    """A country name ("Australien") or a country adjective ("australischen") -> alpha-3."""
    if word[:1].islower():
        from kg.extract.lexicon import country_of_adjective

        name = country_of_adjective(word)
        return country_code(name) if name else None
    return country_code(word) if len(word) > 3 or word == "USA" else None


def near_country(text: str, start: int, end: int) -> str | None:
    """The one country named within WINDOW words before or after text[start:end]."""
    before = _WORD.findall(text[max(0, start - 80):start])[-WINDOW:]
    after = _WORD.findall(text[end:end + 80])[:WINDOW]
    codes = {c for w in before + after if (c := _word_country(w))}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=1)
def party_countries() -> dict[str, str]:
    """Folded party name -> alpha-3 code, from the country sections ("## Austria") of the
    party lexicon kg/data/parties.txt; party-family names and names in two sections left out."""
    seen: dict[str, set[str]] = {}
    code = None
    for line in (DATA.parent / "parties.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("##"):
            code = country_code(line.lstrip("#").strip())
        elif line and not line.startswith("#") and code:
            seen.setdefault(fold(line.lstrip("?").strip()), set()).add(code)
    return {name: next(iter(cs)) for name, cs in seen.items() if len(cs) == 1 and name not in party_families()}


def article_country(analysis: ArticleAnalysis) -> str | None:
    """The country the article's distinct place names lie in and its other parties belong
    to (a party counts twice): one with at least 2 and more than half of the votes."""
    parties = party_countries()
    votes: Counter = Counter()
    for text, label in {(m.text, m.label) for m in analysis.mentions if m.kind == "name"}:
        if label == LOC and (code := place_country(text)):
            votes[code] += 1
        elif label == ORG and (code := parties.get(fold(text))):
            votes[code] += PARTY_VOTE
    if not votes:
        return None
    (code, n), = votes.most_common(1)
    return code if n >= 2 and n * 2 > sum(votes.values()) else None


def party_qualifier(analysis: ArticleAnalysis, mentions: list[int], article: str | None) -> str:
    """"@AUS" (the country of these mentions of a party-family name), else "@doc:<id>"."""
    text = analysis.document.text
    near = {c for i in mentions if (c := near_country(text, analysis.mentions[i].start, analysis.mentions[i].end))}
    country = near.pop() if len(near) == 1 else (article if not near else None)
    return "@" + (country or "doc:" + analysis.document.id)
