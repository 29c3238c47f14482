"""Hedging and negation cues: claims keep their doubt, negated statements give nothing.

Hedges ("soll", "angeblich", "laut", "nach eigenen Angaben", Konjunktiv I
"sei/habe") lower confidence and are kept on the Evidence; a negation in the
trigger's clause ("nicht", "kein", "niemand") blocks the relation.
"""
from __future__ import annotations

import re

HEDGE_RE = re.compile(
    r"\b(?:nach\s+eigenen\s+Angaben|nach\s+\w+\s+Angaben|angeblich|mutmaßlich|vermutlich|offenbar|offensichtlich|"
    r"womöglich|möglicherweise|anscheinend|wohl|laut|zufolge|Berichten\s+zufolge|"
    r"soll(?:en|te|ten)?|solle|will\s+(?:\w+\s+){0,8}\w+\s+haben|"
    r"sei(?:en)?|(?<![Ii]ch\s)habe|hätte[n]?|wäre[n]?|könne|müsse|werde(?=\W)(?<![Ii]ch\swerde))\b",
    re.IGNORECASE,
)
# Konjunktiv I forms that are also ordinary words elsewhere are only cues as whole words
NEGATION_RE = re.compile(r"\b(?:nicht|kein(?:e|en|em|er|es)?|niemand(?:en|em)?|nie|niemals|nichts|weder)\b",
                         re.IGNORECASE)
NOT_CONFIRMED_RE = re.compile(r"\bnicht\s+(?:bestätigt|bestätigen|belegt|erwiesen|verifiziert)", re.IGNORECASE)
BELIEF_NEG_RE = re.compile(r"\bnicht\s+(?:\w+\s+)?(?:geglaubt|gedacht|erwartet|gerechnet|vorgestellt)|"
                           r"\b(?:glaubte|dachte|erwartete)\s+nicht\b", re.IGNORECASE)

CLAUSE_SPLIT = re.compile(r"[,;:()]|\s[-–—]\s|\b(?:und|aber|doch|jedoch|sondern|denn|weil|obwohl)\b")


def hedge_cue(text: str) -> str | None:
    """The first hedge cue in ``text`` (normalised to its words), or None."""
    m = HEDGE_RE.search(text)
    if not m:
        return None
    cue = re.sub(r"\s+", " ", m.group(0))
    if cue.startswith("will "):
        return "will ... haben"
    return cue


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause of ``text`` around ``pos``: between punctuation, quotes and clause conjunctions."""
    start, end = 0, len(text)
    for m in CLAUSE_SPLIT.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def negated(text: str, pos: int) -> bool:
    """Is the word at ``pos`` negated inside its clause?"""
    a, b = clause_bounds(text, pos)
    return bool(NEGATION_RE.search(text[a:b]))


def not_confirmed(text: str) -> bool:
    return bool(NOT_CONFIRMED_RE.search(text))


def negated_belief_before(text: str, pos: int) -> bool:
    """"Er hätte nicht geglaubt, dass ... deaktiviert würde": the statement is only a belief."""
    return bool(BELIEF_NEG_RE.search(text[:pos]))
