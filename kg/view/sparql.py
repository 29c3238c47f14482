"""Run the view's .rq files against a pyoxigraph store and return plain Python rows.

Values reach the queries only through SEP-0007 substitutions (never string
formatting), and RDF terms leave as str/int/float/bool so no pyoxigraph object
crosses into the projection.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

QUERY_DIR = Path(__file__).parent / "queries"


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


def select(store, name: str, **bindings: str) -> list[dict]:
    """Run queries/<name>.rq; keyword bindings are IRIs substituted for ?variables."""
    import pyoxigraph as ox

    from kg.store import from_term

    subs = {ox.Variable(k): ox.NamedNode(v) for k, v in bindings.items()}
    solutions = store.query(load_query(name), substitutions=subs)
    names = [v.value for v in solutions.variables]
    return [dict(zip(names, map(from_term, sol))) for sol in solutions]  # a solution iterates in variable order
