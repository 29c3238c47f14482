"""SHACL validation of a build with pyshacl and ontology/shapes.ttl.

The dataset is parsed by Oxigraph (fast) and copied into one rdflib graph
(the union of all named graphs) together with the ontology's class and
property axioms, so ``sh:class kg:Organization`` also accepts media.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, OutputError

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Violation:
    focus: str  # the offending node
    path: str  # the property, if the shape constrains one
    message: str
    severity: str  # Violation | Warning | Info
    value: str = ""
    shape: str = ""


@dataclass
class ValidationReport:
    conforms: bool  # no sh:Violation (warnings do not count)
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0  # size of the validated (union) graph
    warnings: list[Violation] = field(default_factory=list)  # implausible classes, reported only

    def to_dict(self) -> dict:
        return {"conforms": self.conforms, "triples": self.triples,
                "violations": [v.__dict__ for v in self.violations],
                "warnings": [v.__dict__ for v in self.warnings]}


def _ontology_dir() -> Path:
    from kg.rdf import ONTOLOGY_DIR

    return ONTOLOGY_DIR


def load_dataset(target):
    """A pyoxigraph Store from a build folder, a TriG/N-Quads file or a Store."""
    import pyoxigraph as ox

    if isinstance(target, ox.Store):
        return target
    path = Path(target)
    if path.is_dir():
        path = path / "graph.trig"
        if not path.exists():
            raise OutputError(f"{path.parent}: no graph.trig here; not a kg build (run `kg build` first)")
    elif not path.exists():
        raise InputError(f"{path}: no such file or folder")
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TRIG
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {fmt.name}: {exc}") from None
    return store


def _to_rdflib(store):
    """The union of all graphs of ``store`` as one rdflib Graph (plus the ontology axioms)."""
    import pyoxigraph as ox
    from rdflib import BNode, Graph, Literal, URIRef

    memo: dict = {}

    def conv(term):
        hit = memo.get(term)
        if hit is not None:
            return hit
        if isinstance(term, ox.NamedNode):
            out = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            out = BNode(term.value)
        elif term.language:
            out = Literal(term.value, lang=term.language)
        else:
            out = Literal(term.value, datatype=URIRef(term.datatype.value))
        memo[term] = out  # sentences repeat once per statement: converting each once pays
        return out

    graph = Graph()
    graph.addN((conv(q.subject), conv(q.predicate), conv(q.object), graph) for q in store)
    ontology = Graph().parse(_ontology_dir() / "kg.ttl", format="turtle")
    graph.addN((s, p, o, graph) for s, p, o in ontology)
    return graph


def validate(target, shapes: Path | None = None) -> ValidationReport:
    """Validate a build folder / dataset file / Store / rdflib graph against the SHACL shapes."""
    import pyshacl
    from rdflib import Graph

    extra: list[Violation] = []
    if isinstance(target, Graph):
        data = target
    else:
        store = load_dataset(target)
        extra = unsupported_statements(store)
        data = _to_rdflib(store)
    shapes_graph = Graph().parse(shapes or _ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False, allow_warnings=True,
    )
    # two shapes may flag the same fault (a class shape and a relation shape): report it once
    unique = {(v.focus, v.path, v.value, v.message): v for v in _violations(results) + extra}
    found = [unique[k] for k in sorted(unique)]
    violations = [v for v in found if v.severity == "Violation"]
    warnings = [v for v in found if v.severity != "Violation"]
    return ValidationReport(bool(conforms) and not violations, violations, len(data), warnings)


def unsupported_statements(store) -> list[Violation]:
    """Direct statements of an article graph without a kg:Evidence in that graph (SPARQL on Oxigraph)."""
    from kg.store import load_query_file, run_query

    _, rows = run_query(store, load_query_file("unsupported-statements"))
    return [
        Violation(focus=str(s), path=str(p), value=str(o), severity="Violation", shape="unsupported-statements",
                  message=f"statement in {g} has no kg:Evidence (no fact without its source sentence)")
        for g, s, p, o in rows
    ]


def _violations(results) -> list[Violation]:
    from rdflib import URIRef

    def one(node, prop: str) -> str:
        value = results.value(node, URIRef(SH + prop))
        return "" if value is None else str(value)

    out = []
    for node in results.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                 URIRef(SH + "ValidationResult")):
        severity = one(node, "resultSeverity").rsplit("#", 1)[-1]
        out.append(Violation(
            focus=one(node, "focusNode"), path=one(node, "resultPath"), message=one(node, "resultMessage"),
            severity=severity, value=one(node, "value"), shape=one(node, "sourceShape"),
        ))
    return out
