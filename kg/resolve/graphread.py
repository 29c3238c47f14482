"""Read a build's entities, aliases and evidenced statements back from out/graph.trig.

Used by `kg entities` and `kg evaluate`; all SPARQL lives in kg/resolve/queries/*.rq.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.vocab import ID

QUERIES = Path(__file__).resolve().parent / "queries"
ENTITY_TYPES = ("Person", "Organization", "MediaOrganization", "Location", "Account")


def query_text(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


@dataclass
class AliasRow:
    text: str
    rule: str
    score: float | None
    docs: tuple[str, ...]


@dataclass
class Node:
    iri: str
    type: str
    label: str
    articles: int = 0
    names: set[str] = field(default_factory=set)  # label and altLabels as written
    docs: set[str] = field(default_factory=set)
    aliases: list[AliasRow] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.iri[len(ID):] if self.iri.startswith(ID) else self.iri


@dataclass
class Statement:
    s: str
    p: str  # local name
    o: str
    doc: str
    sentence: str
    extractor: str = ""  # versioned rule name, e.g. "employment/1"


@dataclass
class GraphView:
    nodes: dict[str, Node]
    statements: list[Statement]
    structure: dict[str, dict[str, set[str]]]  # node -> role -> targets
    articles: list[str] = field(default_factory=list)  # article ids of the build


def load_graph(out_dir, statements: bool = True) -> GraphView:
    """Entities (with names, docs and aliases) and, if asked, every evidenced statement."""
    from kg.store import open_store, run_query

    store = open_store(out_dir, ontology=False)
    nodes: dict[str, Node] = {}
    for iri, typ, label, articles in run_query(store, query_text("entity-list"))[1]:
        if iri not in nodes:
            nodes[iri] = Node(iri, str(typ), str(label), int(articles or 0), {str(label)})
    for iri, name in run_query(store, query_text("eval-names"))[1]:
        if iri in nodes:
            nodes[iri].names.add(str(name))
    for iri, doc in run_query(store, query_text("eval-mentions"))[1]:
        if iri in nodes:
            nodes[iri].docs.add(str(doc))
    for iri, text, rule, score, docs in run_query(store, query_text("entity-aliases"))[1]:
        if iri in nodes:
            nodes[iri].aliases.append(AliasRow(str(text), str(rule or ""), score, tuple(sorted(str(docs or "").split()))))
    stmts: list[Statement] = []
    structure: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    if statements:
        for s, p, o, doc, sentence, extractor in run_query(store, query_text("eval-statements"))[1]:
            rule = str(extractor or "").split("/extractor/", 1)[-1]
            stmts.append(Statement(s, p.rsplit("#", 1)[-1], o, str(doc), str(sentence or ""), rule))
        for node, role, target in run_query(store, query_text("eval-structure"))[1]:
            structure[node][role].add(target)
    articles = [str(row[0]) for row in run_query(store, query_text("eval-articles"))[1]]
    return GraphView(nodes, stmts, structure, articles)
