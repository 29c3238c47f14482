"""The build summary counts every relation statement with evidence: edges plus kg:said (speaker -> quote)."""
from __future__ import annotations

from kg.builder import relation_counts
from kg.records import Edge, Evidence, KnowledgeGraph, Said


def _ev(n: int) -> Evidence:
    return Evidence("a", n, "Satz.", 0, 5, "said.verb-speaker/1", 0.8)


def test_said_statements_are_relations_once_per_speaker_and_quote() -> None:
    edges = (Edge("person/a", "employedBy", "org/b", (_ev(0),)), Edge("person/a", "reportedBy", "media/c", (_ev(1),)))
    quotes = (Said("person/a", "Es ist gut", _ev(2)), Said("person/a", "Es ist gut", _ev(3)),  # one triple
              Said("person/a", "Es ist schlecht", _ev(4)), Said("person/d", "Es ist gut", _ev(5)))
    graph = KnowledgeGraph(documents=(), entities=(), edges=edges, quotes=quotes)
    assert relation_counts(graph) == (5, 3)
    assert relation_counts(None) == (0, 0)
