"""Issue 17, query side: SERVICE/LOAD never reach the network, deep queries never crash, the service stays up.

A listener of ours on 127.0.0.1 stands for the victim of a server-side request:
every variant goes through `kg serve` (each accepted way of sending a query),
`kg query` and the Python API, and the listener must see no connection at all.
Only 127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from test_server_endpoint import _serve

served = contextlib.contextmanager(_serve)  # the real server on a free loopback port, in a thread

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
REPO = Path(__file__).resolve().parents[1]
DEEP = "SELECT * WHERE " + "{" * 3000 + "}" * 3000


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it gets."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(200))
            except OSError:
                self.hits.append(b"")
            conn.close()


def _variants(port: int) -> list[str]:
    """SERVICE and LOAD however they may be written, each aimed at the listener."""
    base = f"http://127.0.0.1:{port}"
    u = f"<{base}/x>"
    pat = "{ ?x ?y ?z }"
    service = [
        f"SELECT * WHERE {{ SERVICE {u} {pat} }}",
        f"select * where {{ service {u} {pat} }}",
        f"SeLeCt * {{ SeRvIcE {u} {pat} }}",
        f"SELECT * {{ SERVICE SILENT {u} {pat} }}",
        f"SELECT * {{ service silent {u} {pat} }}",
        f"SELECT * {{ SERVICE # a comment\n {u} {pat} }}",
        f"SELECT * {{ # SERVICE in a comment, then for real\nSERVICE {u} {pat} }}",
        f"SELECT * WHERE {{ LATERAL {{ SELECT * {{}} }} .SERVICE {u} {pat} }}",
        f"SELECT * WHERE {{ {{}} .SERVICE {u} {pat} }}",
        f"SELECT * WHERE {{ ?s ?p ?o .SERVICE {u} {pat} }}",
        f"SELECT * WHERE {{ ?s ?p ?o.SERVICE {u} {pat} }}",
        f"SELECT * {{ LATERAL {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ LATERAL {{ SELECT * WHERE {{ SERVICE {u} {pat} }} }} }}",
        f"SELECT * {{ {{ SELECT * WHERE {{ SERVICE {u} {pat} }} }} }}",
        f"SELECT * {{ OPTIONAL {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ OPTIONAL {{ LATERAL {{ SELECT * {{ SERVICE {u} {pat} }} }} }} }}",
        f"SELECT * {{ {{}} UNION {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ {{ SERVICE {u} {pat} }} UNION {{}} }}",
        f"SELECT * {{ GRAPH ?g {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ ?s ?p ?o MINUS {{ SERVICE {u} {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ FILTER EXISTS {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ FILTER NOT EXISTS {{ SERVICE {u} {pat} }} }}",
        f"SELECT * {{ BIND(EXISTS {{ SERVICE {u} {pat} }} AS ?b) }}",
        f"SELECT (COUNT(*) AS ?n) {{}} HAVING (EXISTS {{ SERVICE {u} {pat} }})",
        f"SELECT * {{ ?s ?p ?o }} ORDER BY (EXISTS {{ SERVICE {u} {pat} }})",
        f"PREFIX ep: <{base}/> SELECT * {{ SERVICE ep:x {pat} }}",
        f"PREFIX : <{base}/x> SELECT * {{ SERVICE : {pat} }}",
        f"BASE <{base}/> SELECT * {{ SERVICE <x> {pat} }}",
        f"SELECT * {{ SERVICE <x> {pat} }}",
        f"SELECT * {{ SERVICE <{base}/\\u0078> {pat} }}",
        f"PREFIX ep: <{base}/\\u0079> SELECT * {{ SERVICE ep: {pat} }}",
        f"SELECT * {{ \\u0053ERVICE {u} {pat} }}",
        f"SELECT * {{ \\U00000053ERVICE {u} {pat} }}",
        f"SELECT * {{ SERV\\u0049CE {u} {pat} }}",
        f"SELECT * {{ VALUES ?ep {{ {u} }} SERVICE ?ep {pat} }}",
        f"SELECT * {{ BIND(IRI(\"{base}/x\") AS ?ep) SERVICE ?ep {pat} }}",
        f"ASK {{ SERVICE {u} {pat} }}",
        f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ SERVICE {u} {pat} }}",
        f"DESCRIBE ?x WHERE {{ SERVICE {u} {pat} }}",
        f"SELECT*{{SERVICE\t{u}{{?x ?y ?z}}}}",
        f"SELECT*{{SERVICE{u}{{}}}}",
        f"SELECT * {{ {{ {{ {{ SERVICE {u} {pat} }} }} }} }}",
        f"SELECT * {{ SERVICE {u} {{ SERVICE <{base}/y> {pat} }} }}",
        f"SELECT * {{ VALUES ?a {{ 1 }} SERVICE {u} {pat} }} VALUES ?b {{ 2 }}",
        f"SELECT * {{ << ?a ?b ?c >> ?p ?o . SERVICE {u} {pat} }}",
        f"SELECT * {{ ?s ?p \"\\\" SERVICE\" . SERVICE {u} {pat} }}",
        f"SELECT * {{ ?s ?p '''x\"\"\n''' . SERVICE {u} {pat} }}",
        f"SELECT * {{ ?s ?p ?o ; SERVICE {u} {pat} }}",
        f"SELECT * {{ SERVICE <HTTP://127.0.0.1:{port}/x> {pat} }}",
        f"SELECT * {{ SERVICE <http://localhost:{port}/x> {pat} }}",
        f"SELECT ?x (COUNT(*) AS ?n) {{ {{ SELECT * {{ SERVICE {u} {pat} }} }} }} GROUP BY ?x",
    ]
    load = [
        f"LOAD {u}",
        f"load {u}",
        f"LOAD SILENT {u} INTO GRAPH <urn:g>",
        f"PREFIX ep: <{base}/> LOAD ep:x",
        f"# a comment first\nLOAD {u}",
        f"SELECT * {{}} ; LOAD {u}",
        f"INSERT DATA {{ <urn:a> <urn:b> <urn:c> }} ; LOAD {u}",
        f"CLEAR ALL ; LOAD {u}",
        f"SELECT * {{ LOAD {u} }}",
        f"\\u004cOAD {u}",
    ]
    return service + load


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("security")
    lines = [f"@prefix kg: <{KG}> .", "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "<https://w3id.org/kg-news/graph/entities> {"]
    lines += [f'<{ID}person/p{i}> a kg:Person ; rdfs:label "Person {i}" .' for i in range(40)]
    lines.append("}")
    (out / "graph.trig").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def endpoint(build_dir):
    yield from _serve(build_dir, timeout=10, workers=1)


def _status(request: urllib.request.Request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _requests(base: str, text: str) -> list[urllib.request.Request]:
    """The query sent every way `kg serve` takes one (and as a cross-origin form would post it)."""
    form = urlencode({"query": text}).encode()
    return [
        urllib.request.Request(f"{base}/sparql?{urlencode({'query': text})}"),
        urllib.request.Request(f"{base}/sparql", data=form,
                               headers={"Content-Type": "application/x-www-form-urlencoded"}),
        urllib.request.Request(f"{base}/sparql", data=text.encode(),
                               headers={"Content-Type": "application/sparql-query; charset=utf-8"}),
        urllib.request.Request(f"{base}/sparql", data=text.encode(), headers={"Content-Type": "application/sparql-update"}),
        urllib.request.Request(f"{base}/sparql", data=urlencode({"update": text}).encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"}),
        urllib.request.Request(f"{base}/query", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}),
        urllib.request.Request(f"{base}/query?{urlencode({'query': text})}"),
    ]


def test_service_and_load_are_refused_by_kg_serve_and_nothing_connects(endpoint):
    listener = Listener()
    variants = _variants(listener.port)
    assert len(variants) >= 50
    for text in variants:
        for request in _requests(endpoint, text):
            status, body = _status(request)
            assert status == 400, (text, request.full_url, status, body[:200])
            if request.full_url.endswith("/sparql"):
                assert body.count(b"\n") == 1, body  # one line
    time.sleep(0.2)
    assert listener.hits == []
    ok = _status(urllib.request.Request(f"{endpoint}/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"})))
    assert ok[0] == 200  # the server still answers


def test_service_and_load_are_refused_by_kg_query_and_the_api(build_dir, tmp_path, monkeypatch, capsys):
    import kg
    from kg.cli import _run
    from kg.errors import InputError

    listener = Listener()
    graph = kg.open(build_dir)
    for i, text in enumerate(_variants(listener.port)):
        with pytest.raises(InputError) as info:
            graph.query(text)
        assert "\n" not in str(info.value)
        rq = tmp_path / f"v{i}.rq"
        rq.write_text(text, encoding="utf-8")
        monkeypatch.setattr(sys, "argv", ["kg", "query", str(build_dir), str(rq)])
        assert _run() == 2, text
        err = capsys.readouterr().err
        assert err.startswith("kg: error:") and err.count("\n") == 1, err
    time.sleep(0.2)
    assert listener.hits == []
    assert graph.query("ASK { ?s ?p ?o }") is True


def test_the_query_engine_itself_cannot_connect():
    """Layer one without layer two: SERVICE handed straight to Oxigraph in the sandbox reaches nothing."""
    import pyoxigraph

    from kg.server.sandbox import offline, offline_is_sealed, supported

    if not supported():
        pytest.skip("no seccomp sandbox on this system")
    assert offline_is_sealed()
    listener = Listener()
    store = pyoxigraph.Store()
    text = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?x ?y ?z }} }}"
    with pytest.raises(OSError):
        offline(lambda: list(store.query(text)))
    code = ("import sys, pyoxigraph; from kg.server.sandbox import deny_network; assert deny_network(); "
            "list(pyoxigraph.Store().query(sys.argv[1]))")
    worker_like = subprocess.run([sys.executable, "-c", code, text], cwd=REPO, capture_output=True, text=True,
                                 timeout=60, check=False)
    assert worker_like.returncode != 0 and "Permission denied" in worker_like.stderr
    time.sleep(0.2)
    assert listener.hits == []


def test_a_query_3000_groups_deep_is_refused_everywhere(endpoint, build_dir, tmp_path):
    import kg
    from kg.server.guard import Refused

    for request in _requests(endpoint, DEEP)[:3]:
        status, body = _status(request)
        assert status == 400 and b"deeper than" in body
    with pytest.raises(Refused, match="deeper than"):
        kg.open(build_dir).query(DEEP)
    rq = tmp_path / "deep.rq"
    rq.write_text(DEEP, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kg", "query", str(build_dir), str(rq)], cwd=REPO,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "deeper than" in result.stderr, result.stderr


def test_a_worker_past_its_memory_cap_is_replaced_and_the_client_gets_503(build_dir):
    if not sys.platform.startswith("linux"):
        pytest.skip("RLIMIT_AS is enforced on Linux only")
    hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?d ?g ?j"
    with served(build_dir, timeout=30, workers=1, memory_mb=64) as base:
        status, body = _status(urllib.request.Request(f"{base}/sparql?" + urlencode({"query": hungry})))
        assert status == 503 and b"memory" in body, body
        deadline = time.monotonic() + 60
        while True:  # the replacement worker answers once it has loaded the graph
            status, body = _status(urllib.request.Request(f"{base}/sparql?" + urlencode({"query": "ASK {}"})))
            if status == 200 or time.monotonic() > deadline:
                break
        assert status == 200, body


def test_cheap_queries_are_answered_while_long_ones_run(build_dir):
    """Three workers, two long queries: the third worker keeps answering; a third long query is stopped."""
    costly = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with served(build_dir, timeout=6, workers=3, long_after=0.3) as base:
        results: list[int] = []
        request = urllib.request.Request(f"{base}/sparql?" + urlencode({"query": costly}))
        threads = [threading.Thread(target=lambda: results.append(_status(request)[0])) for _ in range(2)]
        for thread in threads:
            thread.start()
        time.sleep(1.2)  # both are long now and hold the two long-query slots
        cheap = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }"
        for _ in range(10):
            status, body = _status(urllib.request.Request(f"{base}/sparql?" + urlencode({"query": cheap})))
            assert status == 200, body
        assert all(t.is_alive() for t in threads)  # answered while the long ones run, not after them
        third = _status(request)
        assert third[0] == 503 and b"long queries" in third[1]
        for thread in threads:
            thread.join(30)
        assert results == [503, 503]  # the long ones ran into the time limit


def test_whatever_the_gate_admits_makes_oxigraph_call_no_service():
    """The parser alone (layer two), checked against Oxigraph itself on mangled variants.

    Each variant is cut and spliced near its SERVICE keyword and run by a bare pyoxigraph
    store, with its network, against our listener: a query the gate admits must never make
    Oxigraph connect; the refused ones show that the variants are live.
    """
    import random

    import pyoxigraph

    from kg.server.sparql import ParseRefusal, parse

    listener = Listener()
    rng = random.Random(17)
    u = f"<http://127.0.0.1:{listener.port}/x>"
    pieces = [" ", ".", "\n", "#c\n", "{", "}", "SERVICE", ";", "(", ")", "?v", "a", "OPTIONAL", "LATERAL",
              "UNION", "\\u0053", "_:b", ":", "@en", "'", '"', "S", "E", f" SERVICE {u} {{}} ", f".SERVICE {u} {{}}"]
    plain = ["SELECT * WHERE { ?s ?p ?o }", "SELECT * { ?s ?p 'service' . OPTIONAL { ?s ?q ?r } }",
             "SELECT * { { ?s ?p ?o } UNION { BIND(1 AS ?x) } }", "ASK { FILTER(1 < 2) }",
             "SELECT * { LATERAL { SELECT ?s { ?s ?p ?o } LIMIT 1 } }", "PREFIX service: <urn:x:> SELECT * { ?s service:p ?o }"]
    store = pyoxigraph.Store()
    live = admitted_count = 0
    for text in (_variants(listener.port) + plain * 10) * 6:
        for _ in range(rng.randint(0, 2)):
            k = text.upper().find("SERVICE")
            pos = rng.randrange(len(text) + 1) if k < 0 or rng.random() < 0.3 else min(len(text), k + rng.randint(-3, 8))
            text = (text[:pos] + rng.choice(pieces) + text[pos:]) if rng.random() < 0.5 else text[:pos] + text[pos + 2:]
        try:
            verdict = parse(text)
            admitted = not verdict.service and not verdict.update
        except ParseRefusal:
            admitted = False
        before = len(listener.hits)
        try:
            result = store.query(text)
            if not isinstance(result, pyoxigraph.QueryBoolean):
                list(result)
        except (SyntaxError, RuntimeError, OSError, ValueError):
            pass
        called = len(listener.hits) > before  # the listener records a connection before it closes it
        live += called
        admitted_count += admitted
        assert not (admitted and called), text
    assert live > 60 and admitted_count > 100  # both sides of the comparison are well populated
