"""Export a build as RDF (Turtle, TriG, N-Quads, JSON-LD) or as a network (GEXF, GraphML).

RDF formats come straight from the Oxigraph store; Turtle, which has no named
graphs, gets the union of all graphs without duplicates. GEXF and GraphML are
written by networkx from the view's projection, with every attribute made a
plain XML-safe scalar (lists joined, nested values as JSON).
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

from kg.errors import InputError
from kg.vocab import PREFIXES

RDF_FORMATS = ("turtle", "trig", "nquads", "jsonld")
NETWORK_FORMATS = ("gexf", "graphml")
FORMATS = RDF_FORMATS + NETWORK_FORMATS
SUFFIX = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld", "gexf": ".gexf",
          "graphml": ".graphml"}
# XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/FFFF.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def export(out_dir, fmt: str) -> bytes:
    """The build in ``out_dir`` as bytes in ``fmt`` (one of FORMATS)."""
    import pyoxigraph as ox

    from kg.store import open_store

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}: unknown format (choose one of {', '.join(FORMATS)})")
    if fmt in NETWORK_FORMATS:
        return _network(open_store(out_dir), fmt)
    store = open_store(out_dir, ontology=False)  # also checks that out_dir is a readable build
    if fmt == "trig":  # the build's own file is already deterministic TriG
        path = Path(out_dir)
        return (path / "graph.trig" if path.is_dir() else path).read_bytes()
    if fmt == "turtle":
        triples = sorted({q.triple for q in store}, key=str)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt == "nquads":
        return b"".join(sorted(line + b"\n" for line in store.dump(format=ox.RdfFormat.N_QUADS).splitlines()))
    # expanded JSON-LD (full IRIs), quads sorted so the same build gives the same file
    return ox.serialize(sorted(store, key=str), format=ox.RdfFormat.JSON_LD)


def _scalar(value):
    """A GEXF/GraphML attribute value: str, int, float or bool, XML-safe."""
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, (str, int, float)) for v in value):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        text = "; ".join(str(v) for v in items)
    elif isinstance(value, (list, tuple, set, frozenset, dict)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    else:
        text = str(value)
    return _XML_BAD.sub("\ufffd", text)


def _flat(attrs: dict) -> dict:
    return {str(k): _scalar(v) for k, v in attrs.items() if v is not None}


def _one_type_per_key(records: list[dict]) -> None:
    """GraphML/GEXF declare one type per attribute: where values mix types, make them all text."""
    types: dict[str, set[type]] = {}
    for attrs in records:
        for k, v in attrs.items():
            types.setdefault(k, set()).add(type(v))
    mixed = {k for k, ts in types.items() if len(ts) > 1}
    for attrs in records:
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])


def _network(store, fmt: str) -> bytes:
    import networkx as nx

    from kg.view.project import project

    graph = project(store)
    nodes = [(str(n), _flat(a)) for n, a in graph.nodes(data=True)]
    edges = [(str(u), str(v), str(k), _flat(a)) for u, v, k, a in graph.edges(keys=True, data=True)]
    _one_type_per_key([a for _, a in nodes])
    _one_type_per_key([a for *_, a in edges])
    flat = nx.MultiDiGraph()
    for node, attrs in nodes:
        flat.add_node(node, **attrs)
    for u, v, key, attrs in edges:
        flat.add_edge(u, v, key=key, **attrs)
    buf = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(flat, buf)
    else:
        nx.write_graphml(flat, buf)
    return buf.getvalue()
