"""Evidence records and articles read from the RDF graph, as plain dicts for the view.

An evidence dict carries what the side panel shows: the sentence, where the
mention sits in it (``marks``, offsets relative to the sentence), the article
(id, title, date, URL, outlet), extractor, confidence and hedging.
"""
from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from kg import vocab
from kg.view.sparql import select

RDF = vocab.PREFIXES["rdf"]
PROV = vocab.PREFIXES["prov"]

# kg: evidence properties with a fixed place in the record; others become qualifiers.
_FIELDS = {
    "article": "article_iri",
    "sentenceIndex": "sentence_index",
    "sentenceText": "sentence",
    "startOffset": "start",
    "endOffset": "end",
    "sentenceStart": "sentence_start",
    "sentenceStartOffset": "sentence_start",
    "confidence": "confidence",
    "hedged": "hedged",
    "hedgeCue": "hedge",
    "assertedBy": "asserted_by",
}


def local_name(iri: str) -> str:
    """The local part of an IRI ("...ontology#employedBy" -> "employedBy")."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def article_id(iri: str) -> str:
    prefix = vocab.ID + "article/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else local_name(iri)


def graph_article(graph: str | None) -> str | None:
    """The article id whose named graph this is (None for the entity graph)."""
    prefix = vocab.GRAPH + "article/"
    if graph and graph.startswith(prefix):
        return unquote(graph[len(prefix):])
    return None


def read_articles(store) -> dict[str, dict]:
    """Article id -> metadata (title, date, url, publisher); first value wins."""
    articles: dict[str, dict] = {}
    for row in select(store, "articles"):
        aid = article_id(row["article"])
        rec = articles.setdefault(aid, {"id": aid, "iri": row["article"]})
        for key in ("title", "date", "url", "publisher"):
            if row.get(key) is not None and rec.get(key) is None:
                rec[key] = str(row[key])
    for rec in articles.values():
        rec["outlet"] = outlet_of(rec.get("publisher"), rec.get("url"))
    return articles


def outlet_of(publisher: str | None, url: str | None) -> str | None:
    """Who published the article: the publisher, else the web host of its URL ("www." dropped)."""
    if publisher:
        return publisher
    if url and re.match(r"https?://", url, re.I):
        host = (urlsplit(url).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host or None
    return None


def read_evidence(store, articles: dict[str, dict]) -> dict[str, dict]:
    """Evidence IRI -> record, pivoted from one row per property."""
    records: dict[str, dict] = {}
    for row in select(store, "evidence"):
        rec = records.setdefault(row["evidence"], {"id": row["evidence"], "graph": row["g"], "qualifiers": {}})
        p, v = row["p"], row["v"]
        if p == RDF + "type":
            continue
        if p in (RDF + "subject", RDF + "predicate", RDF + "object"):
            rec[local_name(p)] = v
            if p == RDF + "object":
                rec["object_is_iri"] = bool(row["iri"])
            continue
        if p == PROV + "wasAttributedTo":
            rec["extractor"] = local_extractor(v)
            continue
        name = local_name(p)
        if name in _FIELDS:
            rec[_FIELDS[name]] = v
        elif not row["iri"]:
            rec["qualifiers"][name] = v
    for rec in records.values():
        aid = article_id(rec["article_iri"]) if rec.get("article_iri") else graph_article(rec["graph"])
        rec["article"] = aid
        meta = articles.get(aid or "", {})
        for key in ("title", "date", "url", "publisher", "outlet"):
            rec[key] = meta.get(key)
        rec.setdefault("sentence", "")
        rec["confidence"] = _float(rec.get("confidence"))
        rec["hedged"] = bool(rec.get("hedged", False))
    return records


def local_extractor(iri: str) -> str:
    prefix = vocab.ID + "extractor/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else local_name(iri)


def _float(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def marks(record: dict, names: list[str]) -> list[list]:
    """Spans [start, end, kind] to highlight, relative to the sentence.

    With a sentence start offset in the graph the evidence offsets are
    translated exactly; otherwise the names of the entities involved
    (labels and aliases) are found in the sentence.
    """
    sentence = record.get("sentence") or ""
    spans: list[list] = []
    start, end, s0 = record.get("start"), record.get("end"), record.get("sentence_start")
    if isinstance(start, int) and isinstance(end, int) and isinstance(s0, int):
        a, b = max(0, start - s0), min(len(sentence), end - s0)
        if a < b:
            spans.append([a, b, "evidence"])
    if not spans:
        spans = _find_names(sentence, names)
    hedge = record.get("hedge")
    if hedge:
        i = sentence.lower().find(str(hedge).lower())
        if i >= 0 and not any(a < i + len(hedge) and i < b for a, b, _ in spans):
            spans.append([i, i + len(hedge), "hedge"])
    return sorted(spans)


def _find_names(sentence: str, names: list[str]) -> list[list]:
    folded = sentence.lower()
    if len(folded) != len(sentence):  # rare letters whose lower case is longer
        folded = sentence
    taken: list[list] = []
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        needle = name.lower()
        if len(needle) != len(name):  # lower() changed length: offsets would drift
            continue
        i = folded.find(needle)
        while i >= 0:
            j = i + len(needle)
            if not any(a < j and i < b for a, b, _ in taken):
                taken.append([i, j, "mention"])
            i = folded.find(needle, j)
    return taken
