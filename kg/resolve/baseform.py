"""Base (nominative) forms of German organisation and place names, for preferred labels.

Why: articles name "die Europäische Union" but also "der Europäischen Union",
"in den Niederlanden", "des Europäischen Gerichtshofs"; the node's label should
be the nominative while the inflected forms stay aliases. HanTa's morphology
says which words carry an adjective ending (SUF_ADJ) or a noun suffix (SUF_NN):
a leading adjective ending in -en/-em is a case form; the label takes -e, the
nominative with the article for a singular head ("die Europäische Union") and
without it for a plural one ("Vereinte Nationen", as in a reference work);
such a phrase's head noun may carry the genitive -s/-es ("Gerichtshofs").
"""
from __future__ import annotations

from functools import lru_cache

CASE_ENDINGS = ("en", "em")  # adjective endings of dative/genitive/accusative (and weak plural)
GENITIVE_SUFFIXES = frozenset({"s", "es"})


@lru_cache(maxsize=1 << 15)
def _morphemes(word: str) -> tuple[tuple[str, str], ...]:
    """HanTa's morphemes of one word ((text, tag), ...); () when it cannot analyse the word."""
    from kg.nlp.hanta import _tagger

    try:
        analysis = _tagger("de").analyze(word, taglevel=3)
    except Exception:  # noqa: BLE001 - an unanalysable word simply has no known parts
        return ()
    parts = analysis[1] if isinstance(analysis, tuple) and len(analysis) > 1 else ()
    return tuple((str(p[0]), str(p[1])) for p in parts if isinstance(p, tuple) and len(p) == 2)


def _adjective_ending(word: str) -> str:
    """The inflection ending of an adjective ("Europäischen" -> "en"), "" if ``word`` is none."""
    parts = _morphemes(word)
    if len(parts) >= 2 and parts[-1][1] == "SUF_ADJ" and any(t.startswith(("ADJ", "VV")) for _, t in parts[:-1]):
        return parts[-1][0]
    return ""


def _noun_suffix(word: str) -> str:
    parts = _morphemes(word.rsplit("-", 1)[-1])
    return parts[-1][0] if len(parts) >= 2 and parts[-1][1] == "SUF_NN" else ""


@lru_cache(maxsize=1 << 15)
def base_form(text: str) -> str:
    """The nominative of a multi-word German name: "Europäischen Union" -> "Europäische Union",
    "Technischen Universität Wien" -> "Technische Universität Wien", "Europäischen Gerichtshofs" ->
    "Europäische Gerichtshof", "Vereinten Nationen" -> "Vereinte Nationen"; the text itself when
    it is no inflected form."""
    toks = text.split()
    if len(toks) < 2 or not all(t[:1].isupper() for t in toks[:2]):
        return text
    n = 0
    while n < len(toks) - 1 and toks[n][:1].isupper() and _adjective_ending(toks[n]):
        n += 1
    if n == 0 or not all(_adjective_ending(t) in CASE_ENDINGS for t in toks[:n]):
        return text  # no leading adjective, or one already in the nominative ("Rotes Kreuz")
    head = toks[n]
    out = [t[:-len(_adjective_ending(t))] + "e" for t in toks[:n]]
    if n == len(toks) - 1 and _noun_suffix(head) in GENITIVE_SUFFIXES and len(head) > 4:
        head = head[:-len(_noun_suffix(head))]  # "des Europäischen Gerichtshofs"
    return " ".join(out + [head] + toks[n + 1:])
