"""Cheap language detection by counting German and English stopwords."""
from __future__ import annotations

import re

DE = frozenset("""der die das und ist nicht ein eine mit von den dem zu sich auch auf für des im
sie er es wir ich wurde wird hat haben sein war nach bei aus dass über noch wie nur oder aber""".split())
EN = frozenset("""the and is not a an with of to for on in it he she they we was were has have
be been by from that this which who said but or at as are will would""".split())
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def detect_language(text: str) -> str:
    """"de" or "en" from the first 5,000 characters; German when undecided."""
    de = en = 0
    for m in WORD.finditer(text[:5000]):
        w = m.group(0).lower()
        de += w in DE
        en += w in EN
    return "en" if en > de * 1.5 and en >= 3 else "de"
