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
    """Article id -> metadata (title, date, url, publisher, category, body: the cleaned text); first value wins."""
    articles: dict[str, dict] = {}
    for row in select(store, "articles"):
        aid = article_id(row["article"])
        rec = articles.setdefault(aid, {"id": aid, "iri": row["article"]})
        for key in ("title", "date", "url", "publisher", "category", "body"):
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
    return pivot_evidence(select(store, "evidence"), articles)


def pivot_evidence(rows, articles: dict[str, dict]) -> dict[str, dict]:
    """Evidence IRI -> record, from rows {g, evidence, p, v, iri} (one per property; also used by kg serve's API)."""
    records: dict[str, dict] = {}
    for row in rows:
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


def marks(record: dict, subject_names: list[str], object_names: list[str] = ()) -> list[list]:
    """Spans [start, end, kind] to highlight, relative to the sentence; spans may overlap.

    Kinds: "subject" and "object" (the names of the entities involved, labels and
    aliases, found in the sentence), "trigger" (the words the statement was read
    from, when the graph records offsets narrower than the whole sentence) and
    "hedge" (each part of a hedge cue such as "will ... haben"). The page draws
    overlapping spans nested, so a hedge inside a name or a trigger keeps its mark.
    """
    sentence = record.get("sentence") or ""
    spans: list[list] = []
    start, end, s0 = record.get("start"), record.get("end"), record.get("sentence_start")
    if isinstance(start, int) and isinstance(end, int) and isinstance(s0, int):
        a, b = max(0, start - s0), min(len(sentence), end - s0)
        whole = sentence.strip(" \t\n.!?\"'„“”»«")
        if a < b and b - a < len(whole):
            spans.append([a, b, "trigger"])
    taken: list[list] = []
    spans += find_names(sentence, subject_names, "subject", taken)
    spans += find_names(sentence, object_names, "object", taken)
    hedge = record.get("hedge")
    if hedge:
        for part in re.split(r"\s*(?:\.\.\.|…)\s*", str(hedge)):
            spans += _find_words(sentence, part, "hedge")
    return sorted(spans)


def _find_words(sentence: str, word: str, kind: str) -> list[list]:
    """Every whole-word, case-insensitive occurrence of ``word``."""
    if not word.strip():
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(word.strip()) + r"(?!\w)", re.IGNORECASE)
    return [[m.start(), m.end(), kind] for m in pattern.finditer(sentence)]


def find_names(text: str, names, kind: str = "mention", taken: list[list] | None = None) -> list[list]:
    """Spans of ``names`` in ``text`` (longest first, whole words, case-insensitive, no overlaps
    with ``taken``, which is extended)."""
    taken = [] if taken is None else taken
    found: list[list] = []
    for name in sorted({n for n in names if n and len(n.strip()) >= 2}, key=lambda n: (-len(n), n)):
        for a, b, _ in _find_words(text, name, kind):
            if not any(x < b and a < y for x, y, _ in taken):
                taken.append([a, b, kind])
                found.append([a, b, kind])
    return found
