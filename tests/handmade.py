"""Hand-built articles for tests and demos: text + named mentions, no NLP model needed.

Why: extractors must be testable on invented German sentences without the
NLP stage; this splits sentences naively and marks given names (with
optional coreference) exactly as kg.nlp would hand them over.
"""
from __future__ import annotations

import hashlib
import re

from kg.records import Document, Mention, Sentence, valid_span


def sentences_of(doc_id: str, text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for m in re.finditer(r"(?<=\D[.!?])\s+(?=[A-ZÄÖÜ„\"])|\n+", text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return tuple(Sentence(doc_id, i, a, b, text[a:b]) for i, (a, b) in enumerate(out))


def article(text: str, names: dict[str, str], date: str | None = "2019-03-15", doc_id: str = "t1",
            corefs: dict[str, str] | None = None):
    """(document, sentences, mentions): every occurrence of each name becomes a mention.

    ``names`` maps surface text -> label (PER/ORG/MEDIA/LOC); ``corefs`` maps a
    surface text (a surname, "er") -> the full name it refers to.
    """
    document = Document(doc_id, text, f"{doc_id}.txt", hashlib.sha256(text.encode()).hexdigest(), date=date)
    sentences = sentences_of(doc_id, text)
    spans: list[tuple[int, int, str, str]] = []
    for name, label in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?:s\b)?(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b, _, _ in spans):
                spans.append((m.start(), m.end(), label, name))
    spans.sort()
    mentions: list[Mention] = []
    first: dict[str, int] = {}
    corefs = corefs or {}
    for a, b, label, name in spans:
        if not valid_span(a, b, text[a:b]):
            continue
        s = next(x.index for x in sentences if x.start <= a < x.end)
        target = corefs.get(name)
        ante = first.get(target) if target else None
        kind = "name" if ante is None else ("pronoun" if name.islower() else "partial")
        mentions.append(Mention(doc_id, a, b, text[a:b], label, s, kind=kind, norm=name, antecedent=ante))
        first.setdefault(name, len(mentions) - 1)
    return document, sentences, tuple(mentions)
