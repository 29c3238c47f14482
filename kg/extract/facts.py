"""Literal facts: follower counts ("Mehr als 43 Millionen Menschen folgen X", "Account mit 43 Millionen Followern").

Why: such numbers are where sources disagree; the value is normalised
(43000000) and the text kept, on the account owner (or the person followed).
"""
from __future__ import annotations

import re

from kg.extract.accounts import surname_owner
from kg.extract.context import Context
from kg.extract.timex import parse_number
from kg.records import ACCOUNT, PER

NAME = "fact/1"
_NUM = (r"(?P<num>(?:(?:mehr\s+als|über|rund|knapp|fast|etwa|gut|beinahe|nahezu|weit\s+über)\s+)?"
        r"(?P<n>\d+(?:[.,]\d+)*|\w+)\s*(?P<mult>Millionen|Million|Mio\.?|Milliarden|Mrd\.?|Tausend)?)")
_FOLLOWERS = r"(?:Menschen|Nutzer(?:innen)?|User|Follower(?:n|innen)?|Anhänger(?:n)?|Fans|Abonnenten|Personen|Leute)"
_WHO = r"(?:⟨(?P<lab>[PA])(?P<i>\d+)⟩|(?P<raw>[A-ZÄÖÜ][a-zäöüß]+))"
FOLLOW_OBJ = re.compile(rf"{_NUM}\s+{_FOLLOWERS}\s+folg(?:en|t|ten)\s+(?:dem\s+|der\s+)?(?:[\w-]+\s+)?{_WHO}",
                        re.IGNORECASE)
FOLLOW_SUBJ = re.compile(rf"{_WHO}\s+folg(?:en|t|ten)\s+(?:(?:[\w-]+|⟨\w+⟩)\s+){{0,3}}?{_NUM}\s+{_FOLLOWERS}\b",
                         re.IGNORECASE)
RELATIVE = re.compile(rf"{_WHO},\s+(?:die|der)\s+{_NUM}\s+{_FOLLOWERS}\s+(?:hat|hatte|zählt)\b", re.IGNORECASE)
WITH = re.compile(rf"⟨(?P<lab>[PA])(?P<i>\d+)⟩\s+(?:mit|hat|hatte|zählt|verzeichnet)\s+{_NUM}\s+{_FOLLOWERS}\b", re.IGNORECASE)
_GATE = re.compile(r"(?i)folg|follower|abonnent|fans")
_MULT = {"million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarden": 1e9, "mrd": 1e9, "tausend": 1e3}


def extract_facts(ctx: Context) -> None:
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            continue
        mk = ctx.masks[sent.index]
        for rx in (FOLLOW_OBJ, FOLLOW_SUBJ, WITH, RELATIVE):
            for m in rx.finditer(mk.text):
                value = _value(m.group("n"), m.group("mult"))
                subj = ctx.mentions.canon(int(m.group("i"))) if m.group("i") else surname_owner(ctx, m.group("raw"))
                if subj is not None and ctx.mentions[subj].label == ACCOUNT:
                    subj = ctx.mentions.canon(ctx.mentions[subj].owner)
                if value is None or subj is None or ctx.mentions[subj].label != PER:
                    continue
                a, b = mk.orig(m.start()), mk.orig(m.end())
                ev = ctx.results.evidence(sent.index, (a, b), NAME, 0.8)
                if not any(f.subject == subj and f.value == value and f.evidence.sentence == sent.index for f in ctx.results.facts):
                    ctx.results.fact(subj, "followerCount", value, m.group("num").strip(), ev)


def _value(n: str, mult: str | None) -> str | None:
    num = parse_number(n)
    if num is None:
        return None
    if mult:
        num *= _MULT[mult.lower().rstrip(".")]
    if num < 10:
        return None
    return str(int(round(num)))
