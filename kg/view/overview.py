"""The first view of a big graph: its most connected part, small enough to read.

A page of thousands of nodes opened on everything shows specks; most of them are
names without any relation. Above OVERVIEW_THRESHOLD nodes the page opens on the
entities with the most relations and the edges between them (at most
OVERVIEW_MAX nodes, every one linked to another shown node). Everything else
stays in the page, reachable by search, filters and "expand".
"""
from __future__ import annotations

import networkx as nx

OVERVIEW_THRESHOLD = 300  # above: the page opens on the overview
OVERVIEW_MAX = 300


def overview_nodes(graph: nx.MultiDiGraph, limit: int = OVERVIEW_MAX) -> set[str]:
    """At most ``limit`` nodes, each linked to another chosen one.

    Anchors are the best-connected nodes (distinct neighbours, at least two; up
    to a quarter of the limit). Their neighbours join round by round, the
    best-connected first (quotes last), so every anchor shows some of its links; what room is
    left goes to the next nodes in rank, each with its best neighbour.
    """
    simple = nx.Graph(graph.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))

    def rank(n):  # quotes last: a speaker's many quotes would crowd out the people and places
        return (graph.nodes[n].get("type") == "Quote", -simple.degree(n), str(graph.nodes[n].get("label", "")), str(n))

    ranked = sorted((n for n in simple if simple.degree(n) > 0), key=rank)
    anchors = [n for n in ranked if simple.degree(n) >= 2][: max(1, limit // 4)]
    chosen: set[str] = set(anchors[:limit])
    queues = [sorted(simple[a], key=rank) for a in anchors]
    while len(chosen) < limit and any(queues):
        for q in queues:
            while q and q[0] in chosen:
                q.pop(0)
            if q and len(chosen) < limit:
                chosen.add(q.pop(0))
    for n in ranked:
        if len(chosen) + 2 > limit:
            break
        if n not in chosen:
            chosen.add(n)
            if not any(m in chosen for m in simple[n]):
                chosen.add(min(simple[n], key=rank))
    lone = {n for n in chosen if not any(m in chosen for m in simple[n])}
    return chosen - lone
