"""An external Oxigraph server as kg's store (SPARQL 1.1 Graph Store Protocol + Protocol).

``push_build(out_dir, url)`` mirrors a build's named graphs into the server
(one PUT /store?graph=IRI per graph, so a re-push replaces them and graphs of
removed articles are deleted; graphs outside kg's namespace are left alone).
``RemoteStore(url).query(text, bindings)`` answers like the embedded store and
returns pyoxigraph results, so kg.store.run_query and kg serve take it as is.
"""
from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from kg.errors import KgError
from kg.vocab import GRAPH

_GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"


class RemoteError(KgError):
    """The Oxigraph server is unreachable or refused a request (bad_request: the query's fault)."""

    def __init__(self, message: str, bad_request: bool = False):
        super().__init__(message)
        self.bad_request = bad_request


class RemoteStore:
    """A client for ``oxigraph serve`` at ``url`` (http://HOST:PORT); one connection per instance."""

    def __init__(self, url: str, timeout: float | None = 60.0):
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RemoteError(f"--store {url}: expected http://HOST:PORT")
        self.url = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
        self._scheme, self._netloc, self._base = parts.scheme, parts.netloc, parts.path.rstrip("/")
        self.timeout = timeout
        self._conn: http.client.HTTPConnection | None = None

    # -- HTTP ---------------------------------------------------------------
    def _request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """(status, content type, body); reconnects once if a kept-alive connection went stale."""
        for attempt in (0, 1):
            if self._conn is None:
                cls = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
                self._conn = cls(self._netloc, timeout=self.timeout)
            try:
                self._conn.request(method, self._base + path, body=body, headers=headers or {})
                response = self._conn.getresponse()
                return response.status, response.getheader("Content-Type", ""), response.read()
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                self.close()
                if attempt or isinstance(exc, TimeoutError):
                    raise RemoteError(f"Oxigraph server at {self.url}: {exc or type(exc).__name__}") from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- queries --------------------------------------------------------------
    def query(self, query: str, bindings: dict | None = None, *, substitutions: dict | None = None,
              use_default_graph_as_union: bool = True, default_graph=None, named_graphs=None):
        """Run a SPARQL query on the server; same call shape and result types as pyoxigraph.Store.query.

        Bound values are inlined as VALUES blocks (kg.server.bind; terms serialised by
        pyoxigraph, never by string formatting of user text). ``default_graph`` and
        ``named_graphs`` (NamedNodes) go to the server as default-graph-uri / named-graph-uri.
        """
        import pyoxigraph

        from kg.server.bind import inline_values

        values = dict(substitutions or {})
        if bindings:
            from kg.server.execute import substitutions as to_substitutions

            values.update(to_substitutions(bindings, query) or {})
        text = inline_values(query, values) if values else query
        params: list[tuple[str, str]] = [("query", text)]
        defaults = _iris(default_graph)
        params += [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in _iris(named_graphs)]
        if use_default_graph_as_union and not defaults:
            params.append(("union-default-graph", ""))
        status, ctype, body = self._request(
            "POST", "/query", urlencode(params).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded",
             "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
        if status != 200:
            message = body.decode("utf-8", "replace").strip()[:500]
            raise RemoteError(f"Oxigraph server at {self.url} answered {status}: {message}", bad_request=status == 400)
        if ctype.startswith("application/n-triples"):
            return [q.triple for q in pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)]
        return pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)

    def graphs(self) -> list[str]:
        """The IRIs of the server's named graphs."""
        return [row["g"].value for row in self.query(_GRAPHS_QUERY, use_default_graph_as_union=False)]

    # -- Graph Store Protocol ----------------------------------------------------
    def put_graph(self, graph_iri: str | None, ntriples: bytes) -> None:
        """Replace one graph (None = the default graph) with the given N-Triples."""
        target = "?default" if graph_iri is None else "?" + urlencode({"graph": graph_iri})
        status, _, body = self._request("PUT", "/store" + target, ntriples, {"Content-Type": "application/n-triples"})
        if status not in (200, 201, 204):
            raise RemoteError(f"Oxigraph server at {self.url}: PUT {graph_iri} answered {status}: "
                              f"{body.decode('utf-8', 'replace')[:300]}")

    def delete_graph(self, graph_iri: str) -> None:
        status, _, body = self._request("DELETE", "/store?" + urlencode({"graph": graph_iri}))
        if status not in (200, 204, 404):
            raise RemoteError(f"Oxigraph server at {self.url}: DELETE {graph_iri} answered {status}")


def _iris(graphs) -> list[str]:
    """IRIs of a NamedNode, a list of them, or None (pyoxigraph's dataset arguments)."""
    if graphs is None:
        return []
    return [g.value for g in (graphs if isinstance(graphs, (list, tuple)) else [graphs])]


def push_build(out_dir: Path, url: str) -> dict:
    """Load a build's graphs (and the ontology graph) into the server; returns counts for a summary line."""
    import pyoxigraph

    from kg.store import open_store

    store = open_store(Path(out_dir))
    remote = RemoteStore(url)
    try:
        pushed, quads = set(), 0
        for graph in sorted(store.named_graphs(), key=lambda g: str(g)):
            if not isinstance(graph, pyoxigraph.NamedNode):
                continue
            triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
            remote.put_graph(graph.value, pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES))
            pushed.add(graph.value)
            quads += len(triples)
        stale = [g for g in remote.graphs() if g.startswith(GRAPH) and g not in pushed]
        for graph_iri in stale:
            remote.delete_graph(graph_iri)
    finally:
        remote.close()
    return {"graphs": len(pushed), "quads": quads, "deleted": len(stale), "url": remote.url}


__all__ = ["RemoteStore", "RemoteError", "push_build"]
