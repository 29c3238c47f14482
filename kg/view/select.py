"""Parts of the projection a user asks for: a node by label, an ego network, a path.

Labels come from the command line, so an unknown one is a KgError that
suggests close labels (rapidfuzz) instead of a traceback.
"""
from __future__ import annotations

import networkx as nx

from kg.errors import KgError

MAX_PATHS = 12


def names_of(data: dict) -> list[str]:
    return [data.get("label") or ""] + list(data.get("aliases") or ())


def find_node(graph: nx.MultiDiGraph, label: str) -> str:
    """The node whose label or alias is ``label`` (case-insensitive); entities first, then degree."""
    want = label.strip().casefold()
    hits = [
        n for n, d in graph.nodes(data=True)
        if any(name.casefold() == want for name in names_of(d))
    ]
    if hits:
        def rank(n):
            d = graph.nodes[n]
            return (d.get("type") in ("Event", "Quote"), d["label"].casefold() != want, -d.get("degree", 0), n)
        return sorted(hits, key=rank)[0]
    raise KgError(f"no node labelled {label!r} in the graph{_suggest(graph, label)}")


def _suggest(graph: nx.MultiDiGraph, label: str) -> str:
    from rapidfuzz import fuzz, process, utils

    owner: dict[str, str] = {}  # name or alias -> the label of its node
    for _, d in sorted(graph.nodes(data=True), key=lambda nd: -nd[1].get("degree", 0)):
        for name in names_of(d):
            if name:
                owner.setdefault(name, d.get("label") or name)
    def similar(query: str, name: str, **_) -> float:  # the whole name or one of its words, edit by edit
        return max(fuzz.ratio(query, part) for part in (name, *name.split()))

    close = process.extract(label, sorted(owner), scorer=similar, processor=utils.default_process,
                            limit=5, score_cutoff=70)
    if not close:
        return "" if owner else " (the graph is empty)"
    shown = [repr(c[0]) if owner[c[0]] == c[0] else f"{c[0]!r} (= {owner[c[0]]})" for c in close]
    return "; did you mean: " + ", ".join(shown) + "?"


def ego(graph: nx.MultiDiGraph, label: str, hops: int) -> tuple[nx.MultiDiGraph, str]:
    """The nodes within ``hops`` steps of the labelled node (edges in either direction)."""
    if hops < 0:
        raise KgError(f"--hops must be 0 or more, got {hops}")
    center = find_node(graph, label)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=hops)
    return graph.subgraph(near).copy(), center


def paths(graph: nx.MultiDiGraph, label_a: str, label_b: str) -> tuple[nx.MultiDiGraph, list[list[str]]]:
    """The shortest connections between two labelled nodes, as a subgraph and node paths."""
    a, b = find_node(graph, label_a), find_node(graph, label_b)
    undirected = graph.to_undirected(as_view=True)
    try:
        found = []
        for p in nx.all_shortest_paths(undirected, a, b):
            found.append(p)
            if len(found) >= MAX_PATHS:
                break
    except nx.NetworkXNoPath:
        raise KgError(f"no connection between {label_a!r} and {label_b!r} in the graph") from None
    keep_nodes = {n for p in found for n in p}
    pairs = {frozenset(pair) for p in found for pair in zip(p, p[1:])}
    sub = nx.MultiDiGraph(**graph.graph)
    for n in keep_nodes:
        sub.add_node(n, **graph.nodes[n])
    for s, o, k, d in graph.edges(keys=True, data=True):
        if frozenset((s, o)) in pairs:
            sub.add_edge(s, o, key=k, **d)
    return sub, found
