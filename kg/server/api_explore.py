"""The explorer's JSON API under /api/: search names, fetch a node's neighbours, its evidence, an article.

Read-only, GET only. Every store access is a stored query (kg/view/queries/api-*.rq)
run by the endpoint's worker pool with bound values (never pasted into the text),
so the endpoint's time limit and row cap apply. Bad parameters get HTTP 400 and
``{"error": "one line"}``.
"""
from __future__ import annotations

import json

from kg import vocab
from kg.errors import KgError
from kg.server.api_index import BOOKKEEPING, INDEX_ROWS, TYPE_ORDER, IndexCache, NameIndex, build_index, read_index_file
from kg.server.execute import Job
from kg.server.pool import Busy, QueryFailed, QueryTimeout
from kg.server.results import SOLUTION_FORMATS
from kg.view.evidence import local_name, marks, outlet_of, pivot_evidence
from kg.view.project import distinct
from kg.view.sparql import load_query

LIMITS = {"search": (10, 100), "neighbours": (100, 1000), "evidence": (100, 1000)}  # (default, most)
NODE_ARTICLES = 50  # a node's articles listed in a neighbours answer (a hub may have thousands)
ENDPOINTS = ("/api/status", "/api/search", "/api/neighbours", "/api/evidence", "/api/article")


class BadRequest(KgError):
    """A parameter is missing or wrong (HTTP 400)."""


def handle(handler, path: str, params: dict[str, list[str]]) -> bool:
    """Answer ``path`` if it is under /api/ (True), else leave it to the caller (False)."""
    if not path.startswith("/api/"):
        return False
    routes = {"/api/status": _status, "/api/search": _search, "/api/neighbours": _neighbours,
              "/api/evidence": _evidence, "/api/article": _article}
    route = routes.get(path.rstrip("/"))
    if route is None:
        _reply(handler, 404, {"error": f"not found: {path}; the API has {', '.join(ENDPOINTS)}"})
        return True
    if handler.command not in ("GET", "HEAD"):
        _reply(handler, 405, {"error": f"{handler.command} is not allowed: the API is read-only (GET)"})
        return True
    try:
        _reply(handler, 200, route(Api(handler.server.endpoint), params))
    except BadRequest as exc:
        _reply(handler, 400, {"error": str(exc)})
    except (QueryTimeout, Busy) as exc:
        _reply(handler, 503, {"error": str(exc)})
    except QueryFailed as exc:
        _reply(handler, 400 if exc.bad_request else 500, {"error": str(exc)})
    except KgError as exc:
        _reply(handler, 500, {"error": str(exc).splitlines()[0] if str(exc) else type(exc).__name__})
    return True


def served_page(body: bytes) -> bytes:
    """graph.html as `kg serve` sends it: its CSP lets the page call this server's API (connect-src 'self')."""
    return body.replace(b"connect-src &#x27;none&#x27;", b"connect-src &#x27;self&#x27;", 1)


def _reply(handler, status: int, doc: dict) -> None:
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    handler._send(status, body, "application/json", {"Cache-Control": "no-store"})


class Api:
    """Queries for one request, through the endpoint's pool."""

    def __init__(self, endpoint):
        self.endpoint = endpoint

    def rows(self, name: str, cap: int | None = None, **iris: str) -> list[dict]:
        job = Job(load_query(name), SOLUTION_FORMATS["json"], cap or self.endpoint.max_rows,
                  tuple((k, "<" + v + ">") for k, v in sorted(iris.items())))
        doc = json.loads(self.endpoint.pool.run(job).body)
        return [{k: _value(t) for k, t in b.items()} for b in doc["results"]["bindings"]]

    def _cache(self) -> IndexCache:
        cache = getattr(self.endpoint, "api_index", None)
        if cache is None:
            spec = self.endpoint.pool.spec
            cache = self.endpoint.api_index = IndexCache(self.endpoint.out_dir, remote=bool(spec.url))
        return cache

    def index(self) -> NameIndex:
        """The name index, loading it if needed (search needs it): a build folder's graph.trig is read
        directly (fast, no time limit needed), an Oxigraph server's names through the pool's queries."""
        return self._cache().get(self._load)

    def _load(self) -> NameIndex:
        trig = self.endpoint.out_dir / "graph.trig" if self.endpoint.out_dir is not None else None
        if not self.endpoint.pool.spec.url and trig is not None and trig.is_file():
            return read_index_file(trig)
        return build_index(self.rows("api-names", INDEX_ROWS, entities_graph=vocab.ENTITIES_GRAPH),
                           self.rows("api-links", INDEX_ROWS), self.rows("api-articles", INDEX_ROWS))

    def index_if_ready(self) -> NameIndex | None:
        """The index when loaded; else None and a load starts in the background (neighbours and
        evidence do without it, so a large graph's first index load never holds them up)."""
        ready = self._cache().ready()
        if ready is None:
            _start_warming(self)
        return ready

    def names(self, iri: str) -> list[str]:
        index = self.index_if_ready()
        if index is not None:
            return index.names(iri)
        return [str(r["name"]) for r in self.rows("api-names-of", entity=iri)]

    def article_meta(self, aid: str) -> dict:
        index = self.index_if_ready()
        if index is not None and aid in index.articles:
            return index.articles[aid]
        rows = self.rows("api-article", article=vocab.article_iri(aid))
        meta = {"id": aid, **{k: str(rows[0][k]) for k in ("title", "date", "url", "publisher", "category") if rows and rows[0].get(k)}}
        meta["outlet"] = outlet_of(meta.get("publisher"), meta.get("url"))
        return meta


def _value(term: dict):
    """A SPARQL JSON term as a plain Python value (the types kg.store.from_term gives)."""
    value, dtype = term.get("value"), term.get("datatype", "")
    if term.get("type") != "literal":
        return value
    if dtype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
        return int(value)
    if dtype.endswith(("#decimal", "#double", "#float")):
        return float(value)
    if dtype.endswith("#boolean"):
        return value in ("true", "1")
    return value


def _one(params, name: str, required: bool = True) -> str | None:
    values = [v for v in params.get(name, []) if v.strip()]
    if len(values) > 1:
        raise BadRequest(f"give '{name}' once, not {len(values)} times")
    if not values:
        if required:
            raise BadRequest(f"missing parameter '{name}'")
        return None
    return values[0].strip()


def _iri(params, name: str, required: bool = True) -> str | None:
    import pyoxigraph

    value = _one(params, name, required)
    if value is None:
        return None
    try:
        return pyoxigraph.NamedNode(value.strip("<>")).value
    except ValueError:
        raise BadRequest(f"'{name}' is not an IRI: {value[:80]!r}") from None


def _limit(params, kind: str, api: Api) -> int:
    default, most = LIMITS[kind]
    raw = _one(params, "limit", required=False)
    if raw is None:
        return min(default, api.endpoint.max_rows)
    try:
        n = int(raw)
    except ValueError:
        raise BadRequest(f"'limit' must be a whole number, got {raw[:40]!r}") from None
    if not 1 <= n <= min(most, api.endpoint.max_rows):
        raise BadRequest(f"'limit' must be between 1 and {min(most, api.endpoint.max_rows)}, got {n}")
    return n


def _status(api: Api, params) -> dict:
    """The page asks this when it opens; the name index starts loading then, so the first search is quick."""
    _start_warming(api)
    return {"api": 1, "endpoints": list(ENDPOINTS)}


def _start_warming(api: Api) -> None:
    import threading

    def warm() -> None:
        try:
            api.index()
        except KgError:
            pass  # the next search reports the problem to its caller
    if not api._cache().loading():
        threading.Thread(target=warm, daemon=True).start()


def start_index(out_dir, remote: bool) -> IndexCache:
    """The name index cache of a server; for a build folder its load starts now, before the query workers
    load the store (kg serve calls this first: the two reads of graph.trig run side by side)."""
    import threading

    cache = IndexCache(out_dir, remote=remote)
    trig = out_dir / "graph.trig" if out_dir is not None else None
    if not remote and trig is not None and trig.is_file():
        def load() -> None:
            try:
                cache.get(lambda: read_index_file(trig))
            except KgError:
                pass  # the first search reports the problem to its caller
        threading.Thread(target=load, daemon=True).start()
    return cache


def warm_index(endpoint) -> None:
    """Start loading the name index now, if nothing loads it yet (an Oxigraph server's names come
    through the worker pool, so this waits for the pool), so the first search finds it ready."""
    _start_warming(Api(endpoint))


def _search(api: Api, params) -> dict:
    text = _one(params, "q")
    if len(text) > 200:
        raise BadRequest("'q' must be at most 200 characters")
    limit = _limit(params, "search", api)
    return {"results": api.index().search(text, limit)}


def _neighbours(api: Api, params) -> dict:
    iri, limit = _iri(params, "iri"), _limit(params, "neighbours", api)
    index = api.index_if_ready()
    counts = {(r["s"], r["p"], r["o"]): r.get("evidence", 0) for r in api.rows("api-neighbour-evidence", iri=iri)}
    links: dict[tuple[str, str, str], dict] = {}
    for row in api.rows("api-neighbours", iri=iri):  # one row per class of the other end
        key = (row["s"], row["p"], row["o"])
        seen = links.setdefault(key, {"other": row["other"], "classes": set(), "quote": None, "label": None})
        if row.get("otherClass"):
            seen["classes"].add(local_name(row["otherClass"]))
        seen["quote"] = seen["quote"] or row.get("quote")
        seen["label"] = seen["label"] or row.get("label")
    ranked = sorted(links, key=lambda k: (-counts.get(k, 0), k))
    nodes, edges = {}, []
    for key in ranked[:limit]:
        link = links[key]
        if link["other"] not in nodes:
            nodes[link["other"]] = _node(index, link["other"], link)
        edges.append({"source": key[0], "target": key[2], "predicate": local_name(key[1]), "predicateIri": key[1],
                      "evidence": counts.get(key, 0)})
    center = _node(index, iri, {"classes": set(), "quote": None, "label": (api.names(iri) or [None])[0]})
    used = sorted({a for n in (center, *nodes.values()) for a in n.get("articles", ())})
    out = {"node": center, "nodes": list(nodes.values()), "edges": edges,
           "articles": {a: index.articles[a] for a in used if index is not None and a in index.articles}}
    if len(ranked) > limit:
        out["truncated"], out["message"] = True, f"the first {limit} of {len(ranked)} links (by evidence)"
    return out


def _node(index: NameIndex | None, iri: str, link: dict) -> dict:
    """A node for the page: from the name index when loaded, else from what the query looked up."""
    e = index.entries.get(iri) if index is not None else None
    if e is not None:
        return {"iri": iri, "label": e.label, "type": e.type, "aliases": e.aliases, "degree": e.degree,
                "articles": e.articles[:NODE_ARTICLES]}
    if link["quote"]:
        text = str(link["quote"])
        return {"iri": iri, "label": "„" + (text if len(text) <= 60 else text[:59] + "…") + "“", "type": "Quote",
                "text": text, "degree": 0}
    classes = sorted(link["classes"] - BOOKKEEPING, key=lambda c: (TYPE_ORDER.index(c) if c in TYPE_ORDER else 9, c))
    if link["label"]:
        return {"iri": iri, "label": str(link["label"]), "type": classes[0] if classes else "Node", "degree": 0}
    kind = next((c for c in classes if c != "Event"), classes[0] if classes else "Node")
    return {"iri": iri, "label": kind, "type": "Event" if classes else "Node", "kind": kind, "degree": 0}


def _evidence(api: Api, params) -> dict:
    """Sentences behind an edge (subject, predicate, object) or naming a node (iri)."""
    limit = _limit(params, "evidence", api)
    node = _iri(params, "iri", required=False)
    if node:
        rows = api.rows("api-node-evidence", node=node)
    else:
        s, p, o = (_iri(params, k) for k in ("subject", "predicate", "object"))
        rows = api.rows("api-edge-evidence", subject=s, predicate=p, object=o)
    records = distinct(sorted(pivot_evidence(rows, {}).values(),
                              key=lambda r: (r.get("article") or "", r.get("sentence_index") or 0, r["id"])))
    names: dict[str, list[str]] = {}
    out = []
    for rec in records[:limit]:
        for end in (rec.get("subject"), rec.get("object")):
            if end and end not in names and rec.get("object_is_iri", True):
                names[end] = api.names(end)
        card = {k: rec.get(k) for k in ("article", "sentence", "sentence_index", "extractor", "confidence", "hedged",
                                        "hedge", "qualifiers", "start", "sentence_start")}
        card["marks"] = marks(rec, names.get(rec.get("subject"), []), names.get(rec.get("object"), []))
        speaker = rec.get("asserted_by")
        if speaker:
            card["assertedBy"] = (api.names(speaker) or [speaker])[0]
        out.append(card)
    used = sorted({c["article"] for c in out if c.get("article")})
    return {"evidence": out, "articles": {a: api.article_meta(a) for a in used}, "total": len(records)}


def _article(api: Api, params) -> dict:
    aid = _one(params, "id")
    rows = api.rows("api-article", article=vocab.article_iri(aid))
    if not rows:
        raise BadRequest(f"no article with id {aid[:80]!r} in the graph")
    rec = {"id": aid, **{k: str(rows[0][k]) for k in ("title", "date", "url", "publisher", "category", "body") if rows[0].get(k)}}
    rec["outlet"] = outlet_of(rec.get("publisher"), rec.get("url"))
    return rec
