"""The HTTP side of `kg serve`: SPARQL 1.1 Protocol at /sparql, the graph page at /, a query page at /query.

Standard library only (ThreadingHTTPServer). Queries run in worker processes
(kg.server.pool) so that the time limit is real; the row cap and the
read-only gate are applied before anything reaches the client.
"""
from __future__ import annotations

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError
from kg.server import api_explore, pages
from kg.server.execute import Job
from kg.server.guard import Refused, check_query, update_refusal
from kg.server.pool import Busy, QueryFailed, QueryTimeout, StoreSpec, WorkerLost, WorkerPool
from kg.server.results import SOLUTION_FORMATS, negotiate, truncation_note

MAX_BODY = 1 << 20  # 1 MiB of query text is plenty
_LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")


class Endpoint:
    """Everything a request needs: where the page is, the worker pool, the limits."""

    def __init__(self, out_dir: Path, pool: WorkerPool, max_rows: int, timeout: float, verbose: bool = False):
        self.out_dir, self.pool, self.max_rows, self.timeout, self.verbose = out_dir, pool, max_rows, timeout, verbose

    @property
    def examples(self) -> list[dict]:
        """Read per request (a dozen small files), so new stored queries show without a restart."""
        return pages.example_queries()


class KgServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True
    endpoint: Endpoint


def make_server(out_dir: Path, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 10.0,
                max_rows: int = 10000, store_url: str | None = None, workers: int = 3,
                verbose: bool = False, memory_mb: int = 2048, long_after: float = 0.5,
                long_queries: int | None = None) -> KgServer:
    """Open the store in worker processes and bind the server (port 0 = any free port).

    ``memory_mb``: memory a worker may take beyond the loaded store (0: no cap); ``long_queries``:
    how many queries may run past ``long_after`` seconds at once (default: one less than ``workers``).
    """
    out_dir = Path(out_dir)
    if timeout <= 0 or max_rows <= 0 or long_after <= 0:
        raise KgError("--timeout, --max-rows and --long-after must be positive")
    if memory_mb < 0 or (long_queries is not None and long_queries < 1):
        raise KgError("--memory must be 0 (no cap) or more, --long-queries at least 1")
    spec = StoreSpec(url=store_url) if store_url else StoreSpec(out_dir=str(out_dir))
    try:
        server = KgServer((host, port), Handler)  # bind first: a busy port fails before workers start
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    index = api_explore.start_index(out_dir, remote=bool(store_url))
    try:
        pool = WorkerPool(spec, size=workers, timeout=timeout, memory_mb=memory_mb, long_after=long_after,
                          long_slots=long_queries)
    except BaseException:
        server.server_close()
        raise
    server.endpoint = Endpoint(out_dir, pool, max_rows, timeout, verbose)
    server.endpoint.api_index = index
    api_explore.warm_index(server.endpoint)  # search is ready soon after start, not after a first request
    return server


def close_server(server: KgServer) -> None:
    server.shutdown()
    server.server_close()
    server.endpoint.pool.close()


class Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    # -- plumbing ---------------------------------------------------------
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if self.server.endpoint.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))

    def _send(self, status: int, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if media_type.startswith("text/") or "json" in media_type or "xml" in media_type else ""
        self.send_header("Content-Type", media_type + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain")

    def _host_ok(self) -> bool:
        """Refuse foreign Host headers on a loopback server (a guard against DNS rebinding)."""
        if self.server.server_address[0] not in ("127.0.0.1", "::1"):
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return not host or name in _LOOPBACK_NAMES

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True  # the unread body must not be taken for the next request
            self._error(413, f"request body must be at most {MAX_BODY} bytes")
            return None
        return self.rfile.read(length)

    # -- routes ------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._route({})

    def do_HEAD(self) -> None:  # noqa: N802
        self._route({})

    def do_POST(self) -> None:  # noqa: N802
        body = self._body()
        if body is None:
            return
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            self._route(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif ctype == "application/sparql-query":
            self._route({"query": [body.decode("utf-8", "replace")]})
        elif ctype == "application/sparql-update":
            self._error(400, str(update_refusal("update request")))
        else:
            self._error(415, "POST needs Content-Type application/x-www-form-urlencoded or application/sparql-query")

    def _route(self, form: dict[str, list[str]]) -> None:
        if not self._host_ok():
            self._error(403, "unexpected Host header for a loopback server")
            return
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        try:
            if api_explore.handle(self, url.path, params):  # the explorer's JSON API, /api/...
                return
            if url.path == "/":
                self._graph_page()
            elif url.path == "/sparql":
                self._sparql(params)
            elif url.path == "/query":
                self._query_page(params)
            else:
                self._error(404, "not found: try / (graph), /query (query page) or /sparql (SPARQL endpoint)")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _graph_page(self) -> None:
        path = self.server.endpoint.out_dir / "graph.html"
        try:
            body = path.read_bytes()
        except OSError:
            self._error(404, f"{path} not found: build with HTML (kg build) or run kg view")
            return
        self._send(200, api_explore.served_page(body), "text/html")

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(400, str(update_refusal("update request")))
            return
        queries = params.get("query", [])
        if not queries and "text/html" in (self.headers.get("Accept") or ""):
            self.send_response(303)  # a browser opening the endpoint gets the query page
            self.send_header("Location", "/query")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if len(queries) != 1:
            self._error(400, "give exactly one 'query' parameter (GET ?query=... or POST)")
            return
        defaults, named = tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", []))
        bad = next((g for g in defaults + named if not _is_iri(g)), None)
        if bad is not None:
            self._error(400, f"not an IRI in default-graph-uri/named-graph-uri: {bad!r}")
            return
        text = queries[0]
        try:
            form = check_query(text)
        except Refused as exc:
            self._error(400, str(exc))
            return
        requested = (params.get("format") or params.get("output") or [None])[0]
        fmt = negotiate(form, self.headers.get("Accept"), requested)
        if fmt is None:
            self._error(406, f"no acceptable format for a {form} answer (Accept: {self.headers.get('Accept')})")
            return
        self._run(Job(text, fmt, self.server.endpoint.max_rows, default_graphs=defaults, named_graphs=named),
                  on_ok=None)

    def _run(self, job: Job, on_ok) -> None:
        """Run ``job``; on success send the answer (or hand it to ``on_ok``), else the right error status."""
        endpoint = self.server.endpoint
        try:
            answer = endpoint.pool.run(job)
        except (QueryTimeout, Busy, WorkerLost) as exc:
            return self._fail(on_ok, 503, str(exc))
        except QueryFailed as exc:
            return self._fail(on_ok, 400 if exc.bad_request else 500, str(exc))
        except KgError as exc:
            return self._fail(on_ok, 500, str(exc))
        if on_ok is not None:
            return on_ok(answer, "", 200)
        headers = {"X-KG-Rows": str(answer.rows)}
        if answer.truncated:
            headers["X-KG-Truncated"] = "true"
            headers["X-KG-Message"] = truncation_note(endpoint.max_rows)
        self._send(200, answer.body, answer.media_type, headers)

    def _fail(self, on_ok, status: int, message: str) -> None:
        if on_ok is not None:
            on_ok(None, message, status)
        else:
            self._error(status, message)

    def _query_page(self, params: dict[str, list[str]]) -> None:
        """GET shows the page (with ?example=NAME in the box); a query in the request is run and shown."""
        endpoint = self.server.endpoint
        examples = endpoint.examples
        text = (params.get("query") or [""])[0]
        bind_text = (params.get("bind") or [""])[0]
        if not text.strip():
            chosen = next((e for e in examples if e["name"] == (params.get("example") or [""])[0]), None)
            chosen = chosen or (examples[0] if examples else None)
            if chosen is None:
                return self._page(pages.render(examples, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20"))
            lines = "".join(f"{v}=\n" for v in pages.input_variables(chosen["description"]))
            return self._page(pages.render(examples, chosen["text"], bindings=lines))
        try:
            form = check_query(text)
            bindings = pages.parse_bindings(bind_text)
        except (Refused, ValueError) as exc:
            return self._page(pages.render(examples, text, error=str(exc), bindings=bind_text), 400)
        fmt = SOLUTION_FORMATS["json"] if form in ("SELECT", "ASK") else negotiate(form, "text/turtle")

        def show(answer, error: str, status: int) -> None:
            if answer is None:  # the page, with the status the endpoint would give (400, 503 for limits)
                self._page(pages.render(examples, text, error=error, bindings=bind_text), status)
            else:
                note = truncation_note(endpoint.max_rows) if answer.truncated else ""
                self._page(pages.render(examples, text, answer.body, form, note=note, bindings=bind_text,
                                        download=_inlined(text, bindings)))

        self._run(Job(text, fmt, endpoint.max_rows, tuple(bindings.items())), on_ok=show)

    def _page(self, html: str, status: int = 200) -> None:
        self._send(status, html.encode("utf-8"), "text/html", {"Content-Security-Policy": pages.CSP})


def _is_iri(text: str) -> bool:
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True


def _inlined(text: str, bindings: dict[str, str]) -> str:
    """The query with its bound values as VALUES blocks, for links to /sparql (which takes no bindings)."""
    if not bindings:
        return text
    from kg.server.bind import inline_values
    from kg.server.execute import substitutions

    try:
        return inline_values(text, substitutions(bindings, text))
    except KgError:  # a query form that cannot take VALUES: link the query as typed
        return text


def describe(server: KgServer) -> dict:
    """Where the server listens (for the CLI's start-up line)."""
    host, port = server.server_address[:2]
    pool = server.endpoint.pool
    return {"host": host, "port": port, "sparql": f"http://{host}:{port}/sparql", "offline": pool.sealed.get("offline"),
            "memory_mb": pool.sealed.get("memory_mb"), "long_queries": pool.long_slots, "long_after": pool.long_after}

