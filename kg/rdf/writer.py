"""KnowledgeGraph -> quads, following the RDF model of docs/DESIGN.md.

The merged entity graph holds entities (labels, alias provenance, sameAs),
articles, extractors and curation decisions. Each article's named graph holds
what that article states: the direct triples, one kg:Evidence per statement,
its events, literal facts and quotes. IRIs are pure functions of the content.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.rdf import terms as t
from kg.rdf.trig import QuadSet
from kg.records import Edge, Entity, Event, Evidence, Fact, KnowledgeGraph, Said
from kg.vocab import ENTITIES_GRAPH, ID, article_graph_iri, article_iri, entity_iri, extractor_iri, short_hash, slug

A = t.iri(t.RDF + "type")
EG = t.iri(ENTITIES_GRAPH)


def P(ns: str, local: str) -> str:
    return t.iri(ns + local)


K = t.kg_term
# Edge qualifier keys -> evidence properties (others keep their own name).
QUALIFIER_PROPERTY = {"time": "temporal", "temporal": "temporal", "kind": "employmentKind",
                      "employmentKind": "employmentKind", "role": "role"}


def evidence_iri(ev: Evidence, *statement: object) -> str:
    """One IRI per statement and evidence record: two records of one sentence never share a node
    (their confidence or hedging may differ, and each node must hold exactly one of each)."""
    return ID + "evidence/" + short_hash(*statement, ev.doc_id, ev.sentence, ev.start, ev.end, ev.extractor,
                                         ev.confidence, ev.hedged, ev.hedge, ev.asserted_by, ev.qualifiers)


def event_iri(key: str) -> str:
    """Resolution keys events as "event/<hash>"; any other key is hashed into that form."""
    if key.startswith("event/") and key[6:].isalnum():
        return entity_iri(key)
    return ID + "event/" + short_hash("event", key)


def quote_iri(speaker: str, text: str) -> str:
    return ID + "quote/" + short_hash("quote", speaker, text)


class _Writer:
    """Collects the quads of one graph build; one method per record kind."""

    def __init__(self) -> None:
        self.q = QuadSet()
        self.extractors: set[str] = set()

    def add(self, g: str, s: str, p: str, o: str) -> None:
        self.q.add(g, s, p, o)

    # -- provenance ---------------------------------------------------------
    def evidence(self, ev: Evidence, node: str, subj: str, pred: str, obj: str,
                 qualifiers: Iterable[tuple[str, str]] = ()) -> None:
        """The kg:Evidence node for one statement, in the article's graph."""
        g = t.iri(article_graph_iri(ev.doc_id))
        add = self.add
        add(g, node, A, K("Evidence"))
        add(g, node, P(t.RDF, "subject"), subj)
        add(g, node, P(t.RDF, "predicate"), pred)
        add(g, node, P(t.RDF, "object"), obj)
        add(g, node, K("article"), t.iri(article_iri(ev.doc_id)))
        add(g, node, K("sentenceIndex"), t.integer(ev.sentence))
        add(g, node, K("sentenceText"), t.literal(ev.sentence_text))
        add(g, node, K("startOffset"), t.integer(ev.start))
        add(g, node, K("endOffset"), t.integer(ev.end))
        if ev.sentence_start >= 0:  # lets a view mark startOffset..endOffset inside sentenceText
            add(g, node, K("sentenceStart"), t.integer(ev.sentence_start))
        add(g, node, P(t.PROV, "wasAttributedTo"), t.iri(extractor_iri(ev.extractor)))
        add(g, node, K("confidence"), t.decimal(ev.confidence))
        add(g, node, K("hedged"), t.boolean(ev.hedged))
        if ev.hedge:
            add(g, node, K("hedgeCue"), t.literal(ev.hedge))
        if ev.asserted_by:  # a quoted speaker makes the statement, not the article
            add(g, node, K("assertedBy"), t.iri(entity_iri(ev.asserted_by)))
        for key, value in ev.qualifiers or qualifiers:  # the statement's own, else the edge's
            add(g, node, K(QUALIFIER_PROPERTY.get(key, key)), t.literal(value))
        self.extractors.add(ev.extractor)

    # -- article graphs -----------------------------------------------------
    def edge(self, e: Edge) -> None:
        s, p, o = t.iri(entity_iri(e.subject)), K(e.predicate), t.iri(entity_iri(e.object))
        for ev in e.evidence:
            g = t.iri(article_graph_iri(ev.doc_id))
            self.add(g, s, p, o)
            node = t.iri(evidence_iri(ev, e.subject, e.predicate, e.object))
            self.evidence(ev, node, s, p, o, e.qualifiers)

    def event(self, e: Event) -> None:
        node = t.iri(event_iri(e.key))
        kind = K(e.kind)
        roles = (("agent", e.agent), ("account", e.account), ("accountOwner", e.owner), ("platform", e.platform))
        for ev in e.evidence:
            g = t.iri(article_graph_iri(ev.doc_id))
            self.add(g, node, A, kind)
            for prop, key in roles:
                if key:
                    self.add(g, node, K(prop), t.iri(entity_iri(key)))
            if e.date:
                self.add(g, node, K("date"), t.date_literal(e.date))
            if e.date_text:
                self.add(g, node, K("dateText"), t.literal(e.date_text))
            if e.duration:
                self.add(g, node, K("duration"), t.duration_literal(e.duration))
            if e.duration_text:
                self.add(g, node, K("durationText"), t.literal(e.duration_text))
            ev_node = t.iri(evidence_iri(ev, "event", e.key, e.kind))
            self.add(g, node, K("evidence"), ev_node)
            self.evidence(ev, ev_node, node, A, kind)

    def fact(self, f: Fact) -> None:
        s, p, o = t.iri(entity_iri(f.subject)), K(f.attribute), t.value_literal(f.value)
        for ev in f.evidence:
            g = t.iri(article_graph_iri(ev.doc_id))
            self.add(g, s, p, o)
            node = t.iri(evidence_iri(ev, f.subject, f.attribute, f.value))
            self.evidence(ev, node, s, p, o)
            if f.value_text:
                self.add(g, node, K("valueText"), t.literal(f.value_text))

    def quote(self, q: Said) -> None:
        ev = q.evidence
        g = t.iri(article_graph_iri(ev.doc_id))
        node, speaker = t.iri(quote_iri(q.speaker, q.text)), t.iri(entity_iri(q.speaker))
        self.add(g, node, A, K("Quote"))
        self.add(g, node, K("speaker"), speaker)
        self.add(g, node, K("quoteText"), t.literal(q.text))
        if q.outlet:
            self.add(g, node, K("spokenTo"), t.iri(entity_iri(q.outlet)))
        self.add(g, speaker, K("said"), node)
        ev_node = t.iri(evidence_iri(ev, "said", q.speaker, q.text))
        self.add(g, node, K("evidence"), ev_node)
        self.evidence(ev, ev_node, speaker, K("said"), node)

    # -- the entity graph ---------------------------------------------------
    def entity(self, e: Entity, known: set[str]) -> None:
        s = t.iri(entity_iri(e.key))
        add = self.add
        add(EG, s, A, K(e.type))
        add(EG, s, P(t.RDFS, "label"), t.literal(e.label))
        add(EG, s, P(t.SKOS, "prefLabel"), t.literal(e.label))
        add(EG, s, K("nameKey"), t.literal(t.name_key(e.label)))
        used: set[str] = set()
        for alias in sorted(e.aliases, key=lambda a: (a.text, a.rule, a.score, a.doc_ids)):
            if alias.text != e.label:
                add(EG, s, P(t.SKOS, "altLabel"), t.literal(alias.text))
                add(EG, s, K("nameKey"), t.literal(t.name_key(alias.text)))
            name = slug(alias.text)
            if name in used:  # two spellings that fold to one slug stay two nodes
                name = f"{name}-{short_hash(alias.text, alias.rule, alias.score, n=8)}"
            used.add(name)
            node = t.iri(entity_iri(f"{e.key}/alias/{name}"))
            add(EG, s, K("alias"), node)
            add(EG, node, A, K("AliasAssignment"))
            add(EG, node, K("aliasText"), t.literal(alias.text))
            add(EG, node, K("mergeRule"), t.literal(alias.rule))
            add(EG, node, K("mergeScore"), t.decimal(alias.score))
            for doc in alias.doc_ids:
                add(EG, node, P(t.PROV, "wasDerivedFrom"), t.iri(article_iri(doc)))
        for doc in e.doc_ids:
            add(EG, s, K("mentionedIn"), t.iri(article_iri(doc)))
        for other in e.same_as:
            add(EG, s, P(t.OWL, "sameAs"), t.iri(other))
        for name, value in e.attributes:
            prop = {"owner": "accountOf", "platform": "onPlatform"}.get(name, name)
            obj = t.iri(entity_iri(value)) if value in known else t.literal(value)
            add(EG, s, K(prop), obj)

    def article(self, d) -> None:
        s = t.iri(article_iri(d.id))
        add = self.add
        for cls in (K("Article"), P(t.SCHEMA, "NewsArticle"), P(t.PROV, "Entity")):
            add(EG, s, A, cls)
        add(EG, s, K("contentHash"), t.literal(d.content_hash))
        add(EG, s, P(t.DCTERMS, "identifier"), t.literal(d.id))
        add(EG, s, P(t.DCTERMS, "source"), t.literal(d.source))
        add(EG, s, P(t.DCTERMS, "language"), t.literal(d.lang))
        if d.title:
            add(EG, s, P(t.DCTERMS, "title"), t.literal(d.title))
        if d.date:
            add(EG, s, P(t.DCTERMS, "date"), t.date_literal(d.date))
        if d.url:
            add(EG, s, P(t.SCHEMA, "url"), t.literal(d.url, t.XSD + "anyURI"))
        if d.publisher:
            add(EG, s, P(t.SCHEMA, "publisher"), t.literal(d.publisher))
        if d.category:  # the outlet's section, for the explorer's source filter
            add(EG, s, P(t.SCHEMA, "articleSection"), t.literal(d.category))
        if d.text:  # the cleaned text the evidence offsets point into, for the explorer's reader
            add(EG, s, P(t.SCHEMA, "articleBody"), t.literal(d.text))

    def extractor(self, name: str) -> None:
        s = t.iri(extractor_iri(name))
        self.add(EG, s, A, P(t.PROV, "SoftwareAgent"))
        self.add(EG, s, P(t.RDFS, "label"), t.literal(name))

    def decision(self, kind: str, detail: str) -> None:
        s = t.iri(ID + "decision/" + short_hash("decision", kind, detail))
        self.add(EG, s, A, K("CurationDecision"))
        self.add(EG, s, K("decisionKind"), t.literal(kind))
        self.add(EG, s, K("decisionDetail"), t.literal(detail))


def build_quads(kg: KnowledgeGraph, decisions: Iterable[tuple[str, str]] = ()) -> QuadSet:
    """All quads of ``kg`` (unordered; the TriG printer sorts them)."""
    w = _Writer()
    known = {e.key for e in kg.entities}
    for e in kg.entities:
        w.entity(e, known)
    parts = ((w.article, kg.documents), (w.edge, kg.edges), (w.event, kg.events), (w.fact, kg.facts),
             (w.quote, kg.quotes))
    for write, items in parts:
        for item in items:
            write(item)
    for name in w.extractors:
        w.extractor(name)
    for kind, detail in set(decisions) | set(kg.decisions):
        w.decision(str(kind), str(detail))
    return w.q
