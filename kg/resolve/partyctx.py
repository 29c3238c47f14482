"""Which country's party a party-family name means ("Grüne", "Liberale", "Labour").

Parties of many countries carry the same name (kg/data/party_families.txt), so such a
name merges across articles only when its country agrees: the country named or
adjectivised within a few words of a mention ("die australischen Grünen", "Grüne
australische Senatorin", "die Grünen in Deutschland"), else the one country most of the
article's places lie in (at least two places, more than half of them). Without either,
the name stays inside its article.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from kg.records import LOC, ArticleAnalysis
from kg.resolve.names import fold
from kg.resolve.places import country_code, place_country

DATA = Path(__file__).resolve().parent.parent / "data" / "party_families.txt"
WINDOW = 3  # words either side of a mention
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def party_families() -> frozenset[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


def is_party_family(text: str) -> bool:
    return fold(text) in party_families()


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


def article_country(analysis: ArticleAnalysis) -> str | None:
    """The country most of the article's named places lie in (>= 2 places, > half of them)."""
    counts = Counter(c for m in analysis.mentions if m.label == LOC and m.kind == "name"
                     and (c := place_country(m.text)))
    if not counts:
        return None
    (code, n), = counts.most_common(1)
    return code if n >= 2 and n * 2 > sum(counts.values()) else None


def party_qualifier(analysis: ArticleAnalysis, mentions: list[int], article: str | None) -> str:
    """"@AUS" (the country of these mentions of a party-family name), else "@doc:<id>"."""
    text = analysis.document.text
    near = {c for i in mentions if (c := near_country(text, analysis.mentions[i].start, analysis.mentions[i].end))}
    country = near.pop() if len(near) == 1 else (article if not near else None)
    return "@" + (country or "doc:" + analysis.document.id)
