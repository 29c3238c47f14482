"""Role nouns: the one list (kg/data/role_nouns.txt) behind NER, resolution and extraction.

Each row is a noun with its uses: ``ner`` (a title before a person's name: NER and
typing), ``resolve`` (stripped before a name, a compound head that links "ORF-Chef"
to ORF) and an employment kind with the regex its relation patterns match
(``employee``, ``contractor``, ``agency``). kg.nlp.lexicon.PERSON_ROLES,
kg.resolve.lexicon.ROLE_NOUNS and kg.extract.lexicon.ROLE_RE derive from it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "role_nouns.txt"
USES = ("ner", "resolve")
KINDS = ("employee", "contractor", "agency")


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, frozenset[str], str, str], ...]:
    """(noun, uses, employment kind, employment regex) per row, in file order."""
    rows = []
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        head, _, regex = line.partition("=")
        words = head.split()
        kind = ""
        if regex:
            kind = words.pop()
            if kind not in KINDS:
                raise ValueError(f"{DATA}: line {n}: employment kind must be one of {', '.join(KINDS)}")
        uses = frozenset(words[1:])
        if uses - set(USES):
            raise ValueError(f"{DATA}: line {n}: unknown use {sorted(uses - set(USES))[0]!r}")
        rows.append((words[0], uses, kind, regex.strip()))
    return tuple(rows)


def role_words(use: str) -> frozenset[str]:
    """The nouns (lower case) with the use ``ner`` or ``resolve``."""
    return frozenset(w for w, uses, _, _ in _rows() if use in uses)


def employment_re(kind: str) -> str:
    """One regex (alternatives in file order) of the employment roles of ``kind``."""
    return "(?:" + "|".join(rx for _, _, k, rx in _rows() if k == kind) + ")"
