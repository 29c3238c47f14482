"""A deterministic TriG printer for quads held as N-Triples term strings.

Graphs, subjects, predicates and objects are sorted (rdf:type first), IRIs
are shortened to prefixed names only where the local part is plainly safe,
so the same quads always give the same bytes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.vocab import ENTITIES_GRAPH, GRAPH, ID, PREFIXES

RDF_TYPE = "<" + PREFIXES["rdf"] + "type>"

# Local names that need no escaping in Turtle (a strict subset of PN_LOCAL).
_SAFE_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_SUB_NAMESPACE = re.compile(r"^([a-z][a-z0-9]*)/")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_XSD_INTEGER = "<" + PREFIXES["xsd"] + "integer>"
_XSD_DECIMAL = "<" + PREFIXES["xsd"] + "decimal>"
_XSD_BOOLEAN = "<" + PREFIXES["xsd"] + "boolean>"


class QuadSet:
    """graph -> subject -> predicate -> set of objects; all terms as N-Triples strings."""

    def __init__(self) -> None:
        self.graphs: dict[str, dict[str, dict[str, set[str]]]] = {}

    def add(self, graph: str, subject: str, predicate: str, obj: str) -> None:
        self.graphs.setdefault(graph, {}).setdefault(subject, {}).setdefault(predicate, set()).add(obj)

    def __len__(self) -> int:
        return sum(len(objs) for subjects in self.graphs.values() for preds in subjects.values()
                   for objs in preds.values())

    def quads(self) -> Iterable[tuple[str, str, str, str]]:
        for g, subjects in self.graphs.items():
            for s, preds in subjects.items():
                for p, objs in preds.items():
                    for o in objs:
                        yield s, p, o, g


def _prefix_table(quads: QuadSet) -> dict[str, str]:
    """Fixed prefixes plus one per first-level kgid: folder (person:, article:, evidence:, ...)."""
    table = dict(PREFIXES)
    table["kgg"] = GRAPH
    table["kgga"] = GRAPH + "article/"
    folders: set[str] = set()
    id_open = "<" + ID

    def visit(term: str) -> None:
        if term.startswith(id_open):
            m = _SUB_NAMESPACE.match(term[len(id_open):])
            if m:
                folders.add(m.group(1))

    for g, subjects in quads.graphs.items():
        for s, preds in subjects.items():
            visit(s)
            for objs in preds.values():
                for o in objs:
                    visit(o)
    for folder in sorted(folders):
        name = folder if folder not in table else folder + "_"
        table[name] = ID + folder + "/"
    return table


class _Shortener:
    """Maps ``<iri>`` to ``prefix:local`` when safe; memoised, since terms repeat a lot."""

    def __init__(self, table: dict[str, str]) -> None:
        # longest namespace first so kgid folders win over kgid:
        self.spaces = sorted(((ns, name) for name, ns in table.items()), key=lambda x: -len(x[0]))
        self.memo: dict[str, str] = {}

    def __call__(self, term: str) -> str:
        hit = self.memo.get(term)
        if hit is not None:
            return hit
        if term[0] == '"':
            out = self._literal(term)
            if len(out) < 200:  # only short literals (numbers, dates) repeat often enough to memoise
                self.memo[term] = out
            return out
        value = term[1:-1]
        out = term
        for ns, name in self.spaces:
            if value.startswith(ns):
                local = value[len(ns):]
                if _SAFE_LOCAL.match(local):
                    out = f"{name}:{local}"
                break
        self.memo[term] = out
        return out


    def _literal(self, term: str) -> str:
        """Numbers and booleans bare (``12``, ``0.85``, ``true``), other datatypes as prefixed names."""
        cut = term.rfind('"^^<')
        if cut < 0:
            return term
        lex, dt = term[1:cut], term[cut + 3:]
        if dt == _XSD_INTEGER and _INTEGER.match(lex):
            return lex
        if dt == _XSD_DECIMAL and _DECIMAL.match(lex):
            return lex
        if dt == _XSD_BOOLEAN and lex in ("true", "false"):
            return lex
        return term[: cut + 3] + self(dt)


def _pred_key(p: str) -> tuple[int, str]:
    return (0, p) if p == RDF_TYPE else (1, p)


def _graph_key(g: str) -> tuple[int, str]:
    return (0, g) if g == "<" + ENTITIES_GRAPH + ">" else (1, g)


def to_trig(quads: QuadSet) -> bytes:
    """Serialise ``quads`` as TriG: prefixes, then one ``GRAPH <g> { ... }`` block per graph."""
    table = _prefix_table(quads)
    short = _Shortener(table)
    out: list[str] = [f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(table.items())]
    for g in sorted(quads.graphs, key=_graph_key):
        subjects = quads.graphs[g]
        out.append(f"\nGRAPH {short(g)} {{\n")
        for s in sorted(subjects):
            preds = subjects[s]
            lines = []
            for p in sorted(preds, key=_pred_key):
                pname = "a" if p == RDF_TYPE else short(p)
                objs = ", ".join(short(o) for o in sorted(preds[p]))
                lines.append(f"    {pname} {objs}")
            out.append(f"  {short(s)}\n" + " ;\n".join(lines) + " .\n")
        out.append("}\n")
    return "".join(out).encode("utf-8")
