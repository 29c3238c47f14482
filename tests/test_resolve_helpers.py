"""Builders of hand-made ArticleAnalysis records for the resolution tests (invented names)."""
from __future__ import annotations

import hashlib

from kg.records import ArticleAnalysis, Document, Evidence, Mention, Sentence


def article(doc_id: str, text: str, mentions: list[tuple], **extra) -> ArticleAnalysis:
    """``mentions``: (surface, label[, options]) with options kind/antecedent/occurrence/owner/platform/norm/title.

    Offsets come from the surface's ``occurrence``-th appearance in ``text``
    (sentences are split on ". ").
    """
    sentences, start = [], 0
    for n, part in enumerate(text.split(". ")):
        sentences.append(Sentence(doc_id, n, start, start + len(part), part))
        start += len(part) + 2
    out = []
    for spec in mentions:
        surface, label = spec[0], spec[1]
        opt = spec[2] if len(spec) > 2 else {}
        pos = -1
        for _ in range(opt.get("occurrence", 1)):
            pos = text.index(surface, pos + 1)
        sent = next(s.index for s in sentences if s.start <= pos <= s.end)
        out.append(Mention(doc_id, pos, pos + len(surface), surface, label, sent,
                           kind=opt.get("kind", "name"), antecedent=opt.get("antecedent"),
                           owner=opt.get("owner"), platform=opt.get("platform"),
                           norm=opt.get("norm", ""), title=opt.get("title")))
    doc = Document(doc_id, text, f"{doc_id}.txt", hashlib.sha256(text.encode()).hexdigest())
    return ArticleAnalysis(doc, tuple(sentences), tuple(out), **extra)


def evidence(a: ArticleAnalysis, mention: int, extractor: str = "test/1", source: int | None = None) -> Evidence:
    m = a.mentions[mention]
    s = a.sentences[m.sentence]
    return Evidence(a.document.id, s.index, s.text, s.start, s.end, extractor, 0.9, source=source)


def test_article_offsets_point_at_the_surface():
    a = article("d1", "Anna Berger lacht. Berger geht.", [("Berger", "PER", {"occurrence": 2})])
    m = a.mentions[0]
    assert a.document.text[m.start:m.end] == "Berger" and m.sentence == 1
