"""Node sizes and, for large graphs, positions computed in Python.

vis-network's physics is fine for a few hundred nodes; above LAYOUT_THRESHOLD
the browser would spend many seconds simulating, so positions come from a
vectorised force layout here (repulsion against a random sample of nodes,
which is O(n * sample) per step instead of O(n^2)) and physics stays off.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

LAYOUT_THRESHOLD = 1000
MIN_SIZE, MAX_SIZE = 10.0, 42.0


def node_sizes(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Size by PageRank on the undirected simple graph (degree if PageRank fails)."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected(as_view=True))
    try:
        score = nx.pagerank(simple, max_iter=200)
    except (nx.PowerIterationFailedConvergence, ImportError):
        score = {n: float(d) for n, d in simple.degree()}
    top = max(score.values()) or 1.0
    low = min(score.values())
    span = (top - low) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((s - low) / span), 1) for n, s in score.items()}


def positions(graph: nx.MultiDiGraph, *, iterations: int = 60, sample: int = 200, seed: int = 7,
              spacing: float = 90.0) -> dict[str, tuple[float, float]]:
    """Force-directed positions in vis-network pixels (deterministic for a seed)."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array(sorted({(index[s], index[o]) for s, o in graph.edges() if s != o}), dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2)) * math.sqrt(n)
    temperature = math.sqrt(n) / 4
    m = min(sample, n)
    for step in range(iterations):
        picked = rng.choice(n, size=m, replace=False)
        diff = pos[:, None, :] - pos[picked][None, :, :]
        dist2 = np.maximum((diff ** 2).sum(axis=2), 1e-3)
        disp = (diff / dist2[:, :, None]).sum(axis=1) * (n / m)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt((d ** 2).sum(axis=1))[:, None]
            pull = d * length
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= pos * 0.02 * math.sqrt(n) / max(1.0, np.abs(pos).max() / math.sqrt(n))
        norm = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)[:, None]
        cool = temperature * (1.0 - step / iterations) + 0.05
        pos += disp / norm * np.minimum(norm, cool)
    pos -= pos.mean(axis=0)
    return {node: (round(float(x) * spacing, 1), round(float(y) * spacing, 1)) for node, (x, y) in zip(nodes, pos)}
