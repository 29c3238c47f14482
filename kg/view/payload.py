"""The projection as the JSON document the page reads, and its safe embedding.

Everything in the payload may come from hostile article text. It is placed in
a <script type="application/json"> block with <, >, &, U+2028 and U+2029
escaped, and the page renders it with textContent only.
"""
from __future__ import annotations

import json

import networkx as nx

from kg.view.layout import LAYOUT_THRESHOLD, SEED_THRESHOLD, node_sizes, positions
from kg.view.overview import OVERVIEW_MAX, OVERVIEW_THRESHOLD, overview_nodes

# Legend colours (colour-blind friendly Tableau 10) and shapes by node type.
TYPE_STYLE = {
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#f28e2b", "dot"),
    "MediaOrganization": ("#e15759", "dot"),
    "Location": ("#59a14f", "dot"),
    "Account": ("#b07aa1", "dot"),
    "Event": ("#edc948", "diamond"),
    "Quote": ("#9c755f", "square"),
    "Agent": ("#bab0ac", "dot"),  # an unknown actor ("jemand hat ... gemeldet")
}
OTHER_STYLE = ("#9d9d9d", "dot")
_EVIDENCE_KEYS = ("article", "sentence", "sentence_index", "marks", "extractor", "confidence", "hedged", "hedge",
                  "qualifiers", "start", "sentence_start")


def build_payload(graph: nx.MultiDiGraph, full: nx.MultiDiGraph, *, title: str, focus: str | None = None,
                  path_nodes: list[list[str]] | None = None) -> dict:
    """The page's data: nodes, edges with evidence, articles, legend, layout mode.

    ``full`` is the whole projection, used to name speakers outside a subgraph.
    """
    ids = {n: i for i, n in enumerate(sorted(graph.nodes))}
    sizes = node_sizes(graph)
    python_layout = graph.number_of_nodes() > LAYOUT_THRESHOLD
    # mid-sized graphs start physics from Python positions, so it settles in a few steps
    pos = positions(graph) if graph.number_of_nodes() > SEED_THRESHOLD else {}
    overview = overview_nodes(graph) if graph.number_of_nodes() > OVERVIEW_THRESHOLD else None
    # the overview is laid out on its own, so "Fit" shows it filling the screen
    first = positions(graph.subgraph(overview)) if overview else {}
    on_path = {frozenset(pair) for p in (path_nodes or []) for pair in zip(p, p[1:])}
    types = sorted({d["type"] for _, d in graph.nodes(data=True)}, key=_type_order)
    nodes = [_node(n, graph.nodes[n], ids[n], sizes.get(n, 10.0), pos.get(n), full) for n in sorted(graph.nodes)]
    for node in nodes:
        if overview is not None and node["iri"] in overview:
            node["ov"] = 1
            node["x"], node["y"] = first[node["iri"]]
    edges = []
    for s, o, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        edges.append({
            "id": len(edges), "from": ids[s], "to": ids[o], "predicate": k,
            "confidence": d.get("confidence"), "articles": d.get("articles", []),
            "part": bool(d.get("part")), "onPath": frozenset((s, o)) in on_path,
            "evidence": [_evidence(r, full) for r in d.get("evidence", [])],
        })
    articles = {a: v for a, v in graph.graph.get("articles", {}).items()}
    return {
        "title": title,
        "meta": {
            "nodes": len(nodes), "edges": len(edges), "physics": not python_layout,
            "overview": overview is not None, "overviewMax": OVERVIEW_MAX,
            "focus": ids.get(focus) if focus else None,
            "paths": [[ids[n] for n in p] for p in (path_nodes or [])],
        },
        "types": [{"name": t, "color": _style(t)[0], "shape": _style(t)[1]} for t in types],
        # every style, for nodes that kg serve adds later
        "styles": [{"name": t, "color": c, "shape": s} for t, (c, s) in TYPE_STYLE.items()],
        "articles": articles,
        "nodes": nodes,
        "edges": edges,
    }


def _type_order(name: str) -> tuple[int, str]:
    order = list(TYPE_STYLE)
    return (order.index(name) if name in order else len(order), name)


def _style(kind: str) -> tuple[str, str]:
    return TYPE_STYLE.get(kind, OTHER_STYLE)


def _node(iri: str, d: dict, i: int, size: float, xy, full: nx.MultiDiGraph) -> dict:
    node = {
        "id": i, "iri": iri, "label": d.get("label", ""), "type": d.get("type", ""), "kind": d.get("kind", ""),
        "aliases": list(d.get("aliases", [])), "aliasInfo": d.get("alias_info", []),
        "articles": list(d.get("articles", [])), "degree": d.get("degree", 0), "size": size,
        "facts": [{"attribute": f["attribute"], "value": f["value"],
                   "evidence": [_evidence(r, full) for r in f["evidence"]]} for f in d.get("facts", [])],
        "claims": d.get("claims", []),
        "evidence": [_evidence(r, full) for r in d.get("evidence", [])],
    }
    if d.get("text"):
        node["text"] = d["text"]
    if xy is not None:  # the layout of the whole graph, for "show all"
        node["gx"], node["gy"] = xy
    return node


def _evidence(rec: dict, full: nx.MultiDiGraph) -> dict:
    out = {k: rec.get(k) for k in _EVIDENCE_KEYS}
    speaker = rec.get("asserted_by")
    if speaker:
        out["assertedBy"] = full.nodes[speaker]["label"] if speaker in full else str(speaker)
    return out


def embed_json(payload: dict) -> str:
    """JSON safe to place inside <script type="application/json">: no <, >, & or line separators."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
