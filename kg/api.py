"""The Python API: ``g = kg.build(paths)`` or ``g = kg.open(out)``, then query, view, export.

A :class:`Graph` is a build folder plus its embedded store, opened lazily.
Queries see the union of the named graphs as default graph, like ``kg serve``.
In Jupyter a Graph displays the explorer page inline.
"""
from __future__ import annotations

import html
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.errors import InputError, OutputError


class Rows(list):
    """Query answer: a list of dicts (one per solution) that also knows its variables."""

    def __init__(self, variables: list[str], rows: Iterable[dict]):
        super().__init__(rows)
        self.variables = variables

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(v)}</th>" for v in self.variables)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r.get(v, '')))}</td>" for v in self.variables)
                       + "</tr>" for r in self)
        return f"<table><tr>{head}</tr>{body}</table>"


class Graph:
    """A built knowledge graph in folder ``out`` (graph.trig, graph.html, report.json)."""

    def __init__(self, out: Path, result=None, _tmp: tempfile.TemporaryDirectory | None = None):
        self.out = Path(out)
        self.result = result  # the BuildResult when built through kg.build
        self._tmp = _tmp  # keeps a temporary build folder alive as long as the Graph
        self._store = None

    def __repr__(self) -> str:
        return f"<kg.Graph {self.out}>"

    @property
    def store(self):
        """The embedded pyoxigraph store (kg.store.open_store), opened on first use."""
        if self._store is None:
            from kg.store import open_store

            self._store = open_store(self.out)
        return self._store

    def query(self, sparql: str, **bindings):
        """Run SPARQL text or a stored query by name ("employers"); keyword arguments bind variables.

        SELECT gives :class:`Rows` (dicts of Python values), ASK a bool, CONSTRUCT/DESCRIBE
        Rows of subject/predicate/object. Values are bound as substitutions, never spliced in.
        """
        from kg.server.guard import check_query
        from kg.server.sandbox import offline
        from kg.store import load_query_file

        text = sparql
        if sparql.strip() and not any(c.isspace() for c in sparql.strip()):
            text = load_query_file(sparql.strip())
        check_query(text)  # kg.server.guard.Refused (an InputError): update, LOAD, SERVICE, too deep, unparsable
        try:  # run and read the answer in the network-less thread: SERVICE could not connect anyway
            return offline(_answer, self.store, text, bindings)
        except SyntaxError as exc:
            raise InputError(f"query: SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        except RuntimeError as exc:  # e.g. a binding for a variable the query does not project
            raise InputError(f"query: {exc}") from None
        except PermissionError as exc:  # the sandbox at work; the check above should have refused first
            raise InputError(f"query: the query engine has no network access ({exc})") from None

    def entities(self) -> Rows:
        """Every entity with its label, type, aliases and number of articles (ontology/queries/entity-by-label.rq)."""
        return self.query("entity-by-label")

    def to_html(self, path=None, **options) -> Path:
        """Write the explorer page (options as kg.view.write_html: focus, hops, path_between, title)."""
        from kg.view import write_html

        if path is None:  # the build's own page: a new generation, under the build lock
            from kg.generations import replace_page

            return replace_page(self.out, options)
        return write_html(self.store, Path(path), **options)

    def export(self, path, format: str | None = None) -> Path:  # noqa: A002 - the natural name
        """Write the graph as turtle, trig, nquads, jsonld (RDF) or gexf, graphml (network), as `kg export`.

        Without ``format`` the file suffix decides (.ttl, .trig, .nq, .jsonld, .gexf, .graphml).
        """
        from kg.io import atomic_write_bytes
        from kg.rdf.export import FORMATS, SUFFIX, export

        path = Path(path)
        by_suffix = {suffix.lstrip("."): name for name, suffix in SUFFIX.items()}
        name = (format or by_suffix.get(path.suffix.lstrip(".").lower(), path.suffix.lstrip("."))).lower()
        if name not in FORMATS:
            raise InputError(f"{path}: unknown export format {name!r} (use one of {', '.join(FORMATS)})")
        try:
            atomic_write_bytes(path, export(self.out, name))
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        return path

    def _repr_html_(self) -> str:
        """Jupyter: the explorer page inline, as an iframe whose srcdoc is the escaped page."""
        page = self.out / "graph.html"
        if not page.exists():
            self.to_html(page)
        text = page.read_text(encoding="utf-8")
        return (f'<iframe srcdoc="{html.escape(text, quote=True)}" sandbox="allow-scripts" '
                'style="width:100%;height:640px;border:1px solid #ddd" title="kg graph explorer"></iframe>')


def _answer(store, text: str, bindings: dict):
    """Run ``text`` and read the whole answer (both in the caller's thread: the offline one)."""
    import pyoxigraph

    from kg.server.execute import run_local
    from kg.store import from_term

    result = run_local(store, text, bindings)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return bool(result)
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        return Rows(names, ({n: from_term(s[n]) for n in names if s[n] is not None} for s in result))
    names = ["subject", "predicate", "object"]
    return Rows(names, ({"subject": from_term(t.subject), "predicate": from_term(t.predicate),
                         "object": from_term(t.object)} for t in result))


def build(paths, out=None, **options) -> Graph:
    """Build a graph from files or folders of articles; ``out=None`` builds in a temporary folder."""
    from kg.builder import run_build

    inputs = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not inputs:
        raise InputError("kg.build: no input paths given")
    tmp = None
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-build-")
        out = Path(tmp.name) / "out"
    result = run_build(inputs, Path(out), **options)
    return Graph(Path(out), result=result, _tmp=tmp)


def open_graph(out) -> Graph:
    """Open an existing build folder (one holding graph.trig)."""
    out = Path(out)
    if not (out / "graph.trig").is_file():
        raise OutputError(f"{out}: no graph.trig here; not a kg build (run `kg build` first)")
    return Graph(out)
