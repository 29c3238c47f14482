"""Look-alike letters: a name that mixes Latin with Cyrillic or Greek letters.

Why: "Wіred" written with a Cyrillic і looks identical to "Wired" but folds to a
different key ("wred": accent folding drops non-Latin letters), so it would
become a second node that no reader can tell apart. Resolution compares such
names by their *skeleton* (each look-alike letter replaced by the Latin letter
it imitates) and the build flags them (report.json "mixed_script", `kg conflicts`).
Only words that mix scripts are touched: a name written wholly in Cyrillic or
Greek ("Путин", "Αθήνα") is a foreign spelling, not a disguise.
The table is a small subset of Unicode's confusables (TR39) for letters that
are visually identical to a Latin letter in common fonts.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic and Greek letters that render like a Latin letter -> that letter
LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "і": "i", "ї": "ï", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "І": "I", "Ї": "Ï", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Һ": "H",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_TABLE = str.maketrans(LOOKALIKES)
_WORD = re.compile(r"\w+")


def _script(ch: str) -> str:
    """"latin", "cyrillic", "greek" or "" (digits, marks, other scripts) of one letter."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script.lower()
    return ""


def _mixed_word(word: str) -> bool:
    scripts = {_script(ch) for ch in word} - {""}
    return "latin" in scripts and len(scripts) > 1


@lru_cache(maxsize=1 << 16)
def is_mixed_script(text: str) -> bool:
    """Does a word of ``text`` mix Latin letters with Cyrillic or Greek ones ("Wіred")?"""
    return not text.isascii() and any(_mixed_word(w) for w in _WORD.findall(text))


@lru_cache(maxsize=1 << 16)
def skeleton(text: str) -> str:
    """``text`` with the look-alike letters of its mixed-script words replaced by Latin ones."""
    if not is_mixed_script(text):
        return text
    return _WORD.sub(lambda m: m.group(0).translate(_TABLE) if _mixed_word(m.group(0)) else m.group(0), text)


def mixed_script_names(entities) -> list[dict]:
    """Entities with a mixed-script label or alias (for report.json): key, label and those spellings."""
    out = []
    for e in entities:
        texts = sorted({t for t in [e.label] + [a.text for a in e.aliases] if is_mixed_script(t)})
        if texts:
            out.append({"entity": e.key, "label": e.label, "mixed_script": texts,
                        "skeleton": [skeleton(t) for t in texts]})
    return out
