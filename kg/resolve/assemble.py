"""Assembly: map each article's relations, events, quotes and facts onto entity keys.

One relation stated by several articles becomes one Edge with one Evidence per
statement; an event is keyed by (kind, account or agent) so that several
articles telling it give one node (one Event record per article, so each
article keeps its own date and duration claims). Relations whose ends do not
resolve are dropped; an unknown agent (object None) becomes an "unknown/<hash>"
Agent of that one statement.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.records import (
    ACCOUNT,
    ArticleAnalysis,
    Edge,
    Entity,
    Event,
    Evidence,
    Fact,
    KnowledgeGraph,
    Resolution,
    Said,
)
from kg.vocab import short_hash

# Events that state a binary relation between agent and account.
EVENT_PREDICATE = {"Deactivation": "deactivated"}
ACCOUNT_EXTRACTOR = "resolve-account/1"
UNKNOWN_LABEL = "unbekannter Akteur"


def _ev_key(ev: Evidence) -> tuple:
    return (ev.doc_id, ev.sentence, ev.start, ev.end, ev.extractor, ev.confidence, ev.hedge)


def _uniq(evs: list[Evidence]) -> tuple[Evidence, ...]:
    seen: dict[tuple, Evidence] = {}
    for ev in sorted(evs, key=_ev_key):
        seen.setdefault(_ev_key(ev), ev)
    return tuple(seen.values())


class _Acc:
    """Accumulates resolved statements across articles."""

    def __init__(self, resolution: Resolution) -> None:
        self.me = resolution.mention_entity
        self.entities = {e.key: e for e in resolution.entities}
        self.edges: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        self.quals: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
        self.events: dict[tuple[str, str], list] = {}
        self.facts: dict[tuple[str, str, str], list] = {}
        self.quotes: list[Said] = []
        self.unknown: dict[str, Entity] = {}
        self.sentence_starts: dict[str, tuple[int, ...]] = {}  # doc id -> where each sentence starts

    def key(self, doc_id: str, idx: int | None) -> str | None:
        return None if idx is None else self.me.get((doc_id, idx))

    def evidence(self, ev: Evidence) -> Evidence:
        """Every evidence passes here: the speaker it is asserted by, and where its sentence starts
        (so a view can mark the exact span inside the sentence text)."""
        starts = self.sentence_starts.get(ev.doc_id, ())
        if ev.sentence_start < 0 and 0 <= ev.sentence < len(starts):
            ev = replace(ev, sentence_start=starts[ev.sentence])
        if ev.source is None:
            return ev
        return replace(ev, asserted_by=self.key(ev.doc_id, ev.source))

    def edge(self, s: str | None, p: str, o: str | None, ev: Evidence, quals=()) -> None:
        if s and o and s != o:
            ev = self.evidence(ev)
            if quals and not ev.qualifiers:  # each statement keeps its own role/kind/time
                ev = replace(ev, qualifiers=tuple(sorted(set(quals))))
            self.edges[(s, p, o)].append(ev)
            self.quals[(s, p, o)].update(quals)

    def add_article(self, a: ArticleAnalysis) -> None:
        doc = a.document.id
        self.sentence_starts[doc] = tuple(s.start for s in a.sentences)
        for n, r in enumerate(a.relations):
            s = self.key(doc, r.subject)
            if r.object is None:
                o = "unknown/" + short_hash(doc, n, r.predicate, r.evidence.start, r.evidence.end)
                self.unknown[o] = Entity(key=o, type="Agent", label=UNKNOWN_LABEL, doc_ids=(doc,))
            else:
                o = self.key(doc, r.object)
            self.edge(s, r.predicate, o, r.evidence, r.qualifiers)
        for e in a.events:
            self.event(doc, e)
        for q in a.quotes:
            speaker = self.key(doc, q.speaker)
            if speaker:
                self.quotes.append(Said(speaker, q.text, self.evidence(q.evidence), self.key(doc, q.outlet)))
        for f in a.facts:
            s = self.key(doc, f.subject)
            if s:
                self.facts.setdefault((s, f.attribute, f.value), []).append(f)
        self.account_edges(a)

    def event(self, doc: str, e) -> None:
        agent, account = self.key(doc, e.agent), self.key(doc, e.account)
        owner, platform = self.key(doc, e.owner), self.key(doc, e.platform)
        if account in self.entities:
            attrs = dict(self.entities[account].attributes)
            owner, platform = owner or attrs.get("owner"), platform or attrs.get("platform")
        anchor = account or agent or f"{doc}:{e.trigger}:{e.evidence.start}"
        key = "event/" + short_hash(e.kind, anchor)
        prev = self.events.get((key, doc))
        new = Event(key=key, kind=e.kind, evidence=(self.evidence(e.evidence),), agent=agent, account=account,
                    owner=owner, platform=platform, date=e.date, date_text=e.date_text,
                    duration=e.duration, duration_text=e.duration_text)
        if prev:  # the same event told twice in one article: keep the first value of each field
            fields = {f: getattr(prev, f) or getattr(new, f) for f in
                      ("agent", "account", "owner", "platform", "date", "date_text", "duration", "duration_text")}
            new = replace(prev, evidence=_uniq(list(prev.evidence) + list(new.evidence)), **fields)
        self.events[(key, doc)] = new
        pred = EVENT_PREDICATE.get(e.kind)
        if pred:
            self.edge(agent, pred, account, e.evidence)

    def account_edges(self, a: ArticleAnalysis) -> None:
        """accountOf / onPlatform from each account mention, unless a relation already states them."""
        doc = a.document.id
        stated = {(self.key(doc, r.subject), r.predicate) for r in a.relations}
        for i, m in enumerate(a.mentions):
            key = self.key(doc, i)
            if m.label != ACCOUNT or not key or key not in self.entities:
                continue
            sent = a.sentences[m.sentence].text if 0 <= m.sentence < len(a.sentences) else ""
            ev = Evidence(doc, m.sentence, sent, m.start, m.end, ACCOUNT_EXTRACTOR, m.confidence)
            attrs = dict(self.entities[key].attributes)
            for pred, attr, idx in (("accountOf", "owner", m.owner), ("onPlatform", "platform", m.platform)):
                if idx is not None and (key, pred) not in stated and self.key(doc, idx) == attrs.get(attr):
                    self.edge(key, pred, attrs.get(attr), ev)

    def graph(self, documents) -> KnowledgeGraph:
        edges = tuple(
            Edge(s, p, o, _uniq(evs), tuple(sorted(self.quals[(s, p, o)])))
            for (s, p, o), evs in sorted(self.edges.items())
        )
        events = tuple(self.events[k] for k in sorted(self.events))
        facts = tuple(
            Fact(s, attr, value, fs[0].value_text, _uniq([self.evidence(f.evidence) for f in fs]))
            for (s, attr, value), fs in sorted(self.facts.items())
        )
        quotes = tuple(sorted(self.quotes, key=lambda q: (q.evidence.doc_id, q.evidence.start, q.speaker, q.text)))
        entities = tuple(sorted(list(self.entities.values()) + list(self.unknown.values()), key=lambda e: e.key))
        return KnowledgeGraph(documents=documents, entities=entities, edges=edges, events=events, facts=facts, quotes=quotes)


def assemble(analyses: Sequence[ArticleAnalysis], resolution: Resolution) -> KnowledgeGraph:
    """The resolved KnowledgeGraph the RDF writer serialises (deterministic order)."""
    ordered = sorted(analyses, key=lambda a: a.document.id)
    acc = _Acc(resolution)
    for a in ordered:
        acc.add_article(a)
    kg = acc.graph(tuple(a.document for a in ordered))
    if "decisions" in KnowledgeGraph.__dataclass_fields__:  # curation decisions go into the graph
        kg = replace(kg, decisions=tuple(resolution.decisions))
    return kg
