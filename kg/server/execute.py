"""Run one query against a store and turn the answer into bytes (inside a worker).

A store here is anything with ``query(text, bindings) -> pyoxigraph result``:
the embedded Oxigraph store of a build, or a :class:`kg.remote.RemoteStore`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.server.results import Answer, Format, serialize_boolean, serialize_solutions, serialize_triples, take


@dataclass(frozen=True)
class Job:
    text: str
    fmt: Format
    max_rows: int
    bindings: tuple[tuple[str, object], ...] = ()
    default_graphs: tuple[str, ...] = ()  # SPARQL Protocol default-graph-uri (empty: union of all graphs)
    named_graphs: tuple[str, ...] = ()  # named-graph-uri (empty: every named graph)

    def dataset(self) -> dict:
        """The job's RDF dataset as keyword arguments of pyoxigraph's Store.query (and RemoteStore.query)."""
        import pyoxigraph

        out = {}
        if self.default_graphs:
            out["default_graph"] = [pyoxigraph.NamedNode(g) for g in self.default_graphs]
            out["use_default_graph_as_union"] = False
        if self.named_graphs:
            out["named_graphs"] = [pyoxigraph.NamedNode(g) for g in self.named_graphs]
        return out


class LocalStore:
    """The embedded store of a build folder; reloaded when a rebuild replaces graph.trig."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.stamp = self._stamp()
        self.store = open_local(self.out_dir)

    def _stamp(self) -> tuple[int, int]:
        try:
            st = (self.out_dir / "graph.trig").stat()
        except OSError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_size)

    def query(self, text: str, bindings: dict | None = None, **dataset):
        stamp = self._stamp()
        if stamp != self.stamp and stamp != (0, 0):
            self.store, self.stamp = open_local(self.out_dir), stamp
        return run_local(self.store, text, bindings, **dataset)


def open_local(out_dir: Path):
    """The build's embedded store (kg.store.open_store: graph.trig plus the ontology graph)."""
    from kg.store import open_store

    return open_store(out_dir)


def run_local(store, text: str, bindings: dict | None = None, *, use_default_graph_as_union: bool = True,
              **dataset):
    """A raw pyoxigraph result; the default graph is the union of the named graphs (as `oxigraph serve
    --union-default-graph`), so ``{ ?s ?p ?o }`` finds the data and GRAPH patterns work as usual.

    Bound values go in as VALUES blocks (kg.server.bind: same meaning as substitutions, much
    faster plans); a query that cannot take them (``CONSTRUCT WHERE``) gets substitutions.
    ``dataset``: pyoxigraph's default_graph / named_graphs, for the protocol's graph URIs.
    """
    from kg.server.bind import bind_query

    text, subs = bind_query(text, substitutions(bindings, text))
    return store.query(text, use_default_graph_as_union=use_default_graph_as_union, substitutions=subs, **dataset)


def substitutions(bindings: dict | None, query: str = "") -> dict | None:
    """{name: value} as pyoxigraph terms, with kg.store's conventions ("<iri>" is an IRI; names the
    query declares with ``# name-key:`` normalised as kg:nameKey): kg.store.bind_terms."""
    from kg.store import bind_terms

    return bind_terms(query, bindings)


def answer(result, job: Job, prefixes: dict[str, str] | None = None) -> Answer:
    """Serialise a pyoxigraph result in ``job.fmt``, keeping at most ``job.max_rows`` rows."""
    import pyoxigraph

    if isinstance(result, pyoxigraph.QueryBoolean):
        return Answer(serialize_boolean(bool(result), job.fmt), job.fmt.media_type, 1, False)
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows, truncated = take(([s[v] for v in variables] for s in result), job.max_rows)
        body = serialize_solutions(variables, rows, job.fmt, truncated, job.max_rows)
        return Answer(body, job.fmt.media_type, len(rows), truncated)
    triples, truncated = take(iter(result), job.max_rows)
    return Answer(serialize_triples(triples, job.fmt, prefixes), job.fmt.media_type, len(triples), truncated)
