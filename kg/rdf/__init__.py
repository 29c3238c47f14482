"""The RDF layer: KnowledgeGraph -> deterministic TriG, and SHACL validation.

``serialize_trig`` is what ``kg build`` writes to out/graph.trig; ``validate``
checks a build (or any dataset) against ontology/shapes.ttl with pyshacl.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.records import KnowledgeGraph


def _find_ontology() -> Path:
    """ontology/ next to the kg package (a checkout, editable install), else inside it (a wheel)."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "ontology", here.parents[1] / "ontology"):
        if (candidate / "kg.ttl").exists():
            return candidate
    return here.parents[2] / "ontology"


ONTOLOGY_DIR = _find_ontology()


def serialize_trig(kg: KnowledgeGraph, decisions: Iterable[tuple[str, str]] = ()) -> bytes:
    """The graph as TriG bytes: same input, same bytes (everything sorted, IRIs from content)."""
    from kg.rdf.trig import to_trig
    from kg.rdf.writer import build_quads

    return to_trig(build_quads(kg, decisions))


def validate(target, shapes: Path | None = None):
    """SHACL-validate a build folder, a .trig file or an rdflib Dataset; returns a ValidationReport."""
    from kg.rdf.shacl import validate as _validate

    return _validate(target, shapes)


__all__ = ["ONTOLOGY_DIR", "serialize_trig", "validate"]
