"""Synthetic knowledge graphs of a chosen size, for the view benchmark and tests.

Names are generated ("Person 17", "Org 3"); the shape imitates news graphs:
a few hubs (outlets, large organisations) and many people with one or two links.
"""
from __future__ import annotations

import random

from kg.records import Alias, Document, Edge, Entity, Evidence, KnowledgeGraph

TYPES = (("person", "Person", 0.55), ("org", "Organization", 0.25), ("media", "MediaOrganization", 0.05),
         ("loc", "Location", 0.15))
PREDICATES = {"Person": ("employedBy", "reportedBy", "nationality"), "Organization": ("locatedIn",)}
TARGET = {"employedBy": "Organization", "reportedBy": "MediaOrganization", "nationality": "Location",
          "locatedIn": "Location"}


def synthetic_kg(n_entities: int, *, seed: int = 1, articles: int | None = None) -> KnowledgeGraph:
    """A KnowledgeGraph with ``n_entities`` entities and about 1.2 edges per entity."""
    rng = random.Random(seed)
    n_articles = articles or max(3, n_entities // 20)
    docs = tuple(Document(id=f"syn{i:05d}", text="", source=f"synthetic:{i}", content_hash=f"{i:064x}",
                          title=f"Artikel {i}", date="2024-01-01", publisher=f"Blatt {i % 7}",
                          category=("Inland", "Sport", "Kultur", "Web")[i % 4])
                 for i in range(n_articles))
    by_type: dict[str, list[str]] = {t: [] for _, t, _ in TYPES}
    entities = []
    for i in range(n_entities):
        prefix, kind = _pick_type(rng, i)
        key = f"{prefix}/e{i:05d}"
        label = f"{kind} {i}"
        entities.append(Entity(key=key, type=kind, label=label, aliases=(Alias(f"E{i}", "exact", 1.0),),
                               doc_ids=(docs[i % n_articles].id,)))
        by_type[kind].append(key)
    edges: dict[tuple[str, str, str], list[Evidence]] = {}
    for ent in entities:
        for predicate in PREDICATES.get(ent.type, ()):
            pool = by_type[TARGET[predicate]]
            if not pool or rng.random() > 0.6:
                continue
            # preferential attachment: low indexes are hubs
            target = pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1)]
            doc = docs[rng.randrange(n_articles)]
            sentence = f"{ent.label} steht in Verbindung mit {target}."
            ev = Evidence(doc_id=doc.id, sentence=rng.randrange(30), sentence_text=sentence, start=0,
                          end=len(sentence), extractor="synthetic/1", confidence=round(rng.uniform(0.4, 1.0), 2))
            edges.setdefault((ent.key, predicate, target), []).append(ev)
    return KnowledgeGraph(
        documents=docs, entities=tuple(entities),
        edges=tuple(Edge(s, p, o, tuple(evs)) for (s, p, o), evs in sorted(edges.items())),
    )


def _pick_type(rng: random.Random, i: int) -> tuple[str, str]:
    if i < len(TYPES):  # every type at least once
        return TYPES[i][0], TYPES[i][1]
    r, acc = rng.random(), 0.0
    for prefix, kind, share in TYPES:
        acc += share
        if r < acc:
            return prefix, kind
    return TYPES[-1][0], TYPES[-1][1]


def synthetic_store(n_entities: int, *, seed: int = 1):
    """A pyoxigraph store holding the synthetic graph written by kg's own RDF writer."""
    import pyoxigraph as ox

    from kg.rdf import serialize_trig

    store = ox.Store()
    store.load(serialize_trig(synthetic_kg(n_entities, seed=seed)), format=ox.RdfFormat.TRIG)
    return store
