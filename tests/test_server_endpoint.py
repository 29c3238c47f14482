"""`kg serve` end to end: a real server on a free loopback port, queried with SPARQLWrapper."""
from __future__ import annotations

import html
import json
import re
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import CSV, JSON, N3, TSV, TURTLE, XML  # noqa: E402
from SPARQLWrapper import SPARQLWrapper as Wrapper  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

from kg.server import close_server, make_server  # noqa: E402

KG = "https://w3id.org/kg-news/ontology#"
ID = "https://w3id.org/kg-news/id/"
N_PEOPLE = 40
MAX_ROWS = 50


def _trig() -> str:
    """Invented people employed by invented companies, one article graph each."""
    lines = [f"@prefix kg: <{KG}> .", "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "<https://w3id.org/kg-news/graph/entities> {"]
    for i in range(N_PEOPLE):
        lines.append(f'<{ID}person/p{i}> a kg:Person ; rdfs:label "Person Nummer {i}" .')
    lines.append(f'<{ID}org/wt> a kg:Organization ; rdfs:label "Werkstatt <script>alert(1)</script> & Co" .')
    lines.append("}")
    for i in range(N_PEOPLE):
        lines.append(f"<https://w3id.org/kg-news/graph/article/a{i}> {{ <{ID}person/p{i}> kg:employedBy <{ID}org/wt> . }}")
    return "\n".join(lines) + "\n"


def _serve(out, **limits):
    """Start the real server on a free loopback port in a thread; yields its base URL."""
    server = make_server(out, "127.0.0.1", 0, **limits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        close_server(server)
        thread.join(5)


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve")
    (out / "graph.trig").write_text(_trig(), encoding="utf-8")
    (out / "graph.html").write_text("<html><body>kg view page</body></html>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def endpoint(build_dir):
    yield from _serve(build_dir, timeout=20, max_rows=MAX_ROWS, workers=2)


@pytest.fixture()
def strict_endpoint(build_dir):
    """A server with a one-second time limit, for the pathological query."""
    yield from _serve(build_dir, timeout=1, max_rows=MAX_ROWS, workers=1)


def _wrapper(base: str, query: str, fmt=JSON, method: str = "GET") -> Wrapper:
    sparql = Wrapper(base + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def test_select_json_get_and_post(endpoint):
    query = f"SELECT ?label WHERE {{ ?p a <{KG}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} ORDER BY ?label LIMIT 3"
    for method in ("GET", "POST"):
        rows = _wrapper(endpoint, query, JSON, method).query().convert()["results"]["bindings"]
        assert [r["label"]["value"] for r in rows] == ["Person Nummer 0", "Person Nummer 1", "Person Nummer 10"]


def test_post_as_sparql_query_body(endpoint):
    sparql = _wrapper(endpoint, f"ASK {{ <{ID}person/p3> <{KG}employedBy> <{ID}org/wt> }}", JSON, "POST")
    sparql.setRequestMethod("postdirectly")
    assert sparql.query().convert()["boolean"] is True


def test_content_negotiation_for_select(endpoint):
    query = f"SELECT ?o WHERE {{ <{ID}org/wt> <http://www.w3.org/2000/01/rdf-schema#label> ?o }}"
    label = "Werkstatt <script>alert(1)</script> & Co"
    xml = _wrapper(endpoint, query, XML).query().convert()
    assert xml.getElementsByTagName("literal")[0].firstChild.data == label
    csv_text = _wrapper(endpoint, query, CSV).query().convert().decode("utf-8")
    assert csv_text.splitlines() == ["o", label]
    tsv_text = _wrapper(endpoint, query, TSV).query().convert().decode("utf-8")
    assert tsv_text.splitlines() == ["?o", f'"{label}"']


def test_construct_as_turtle_and_ntriples(endpoint):
    query = f"CONSTRUCT {{ ?p <{KG}employedBy> ?o }} WHERE {{ ?p <{KG}employedBy> ?o }} LIMIT 2"
    turtle = _wrapper(endpoint, query, TURTLE).query().convert()
    assert b"employedBy" in turtle
    request = urllib.request.Request(endpoint + "/sparql?" + urlencode({"query": query}),
                                     headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/n-triples")
        lines = response.read().decode("utf-8").strip().splitlines()
    assert len(lines) == 2 and all(line.endswith(" .") and f"<{KG}employedBy>" in line for line in lines)
    graph = _wrapper(endpoint, f"DESCRIBE <{ID}org/wt>", N3).query().convert()
    assert b"Werkstatt" in graph


@pytest.mark.parametrize("query,reason", [
    ("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }", "read-only"),
    ("LOAD <http://example.org/x.ttl>", "read-only"),
    ("DROP ALL", "read-only"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ", "syntax error"),
])
def test_refusals_are_400_with_a_reason(endpoint, query, reason):
    with pytest.raises(QueryBadFormed) as info:
        _wrapper(endpoint, query, method="POST").query()
    assert reason in str(info.value)


def test_update_operation_refused(endpoint):
    request = urllib.request.Request(endpoint + "/sparql", data=b"CLEAR ALL",
                                     headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 400 and b"read-only" in info.value.read()


def test_result_cap_says_it_truncated(endpoint):
    request = urllib.request.Request(endpoint + "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-KG-Truncated"] == "true"
        doc = json.loads(response.read())
    assert len(doc["results"]["bindings"]) == MAX_ROWS
    assert doc["truncated"] is True and str(MAX_ROWS) in doc["message"]


def test_pathological_query_is_stopped_and_server_recovers(strict_endpoint):
    endpoint = strict_endpoint
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
            "FILTER(STR(?c) != STR(?o)) }")
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as info:
        _wrapper(endpoint, slow).query()
    assert time.monotonic() - started < 30
    assert info.value.code == 503 and b"time limit" in info.value.read()
    rows = _wrapper(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{KG}Person> }}").query().convert()
    assert rows["results"]["bindings"][0]["n"]["value"] == str(N_PEOPLE)


def test_graph_page_and_escaped_query_page(endpoint):
    with urllib.request.urlopen(endpoint + "/", timeout=10) as response:
        assert b"kg view page" in response.read()
    query = "SELECT ?l WHERE { ?o a <https://w3id.org/kg-news/ontology#Organization> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    with urllib.request.urlopen(endpoint + "/query", data=urlencode({"query": query}).encode(), timeout=10) as response:
        page = response.read().decode("utf-8")
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert "<script>alert(1)</script>" not in page
    assert "Werkstatt &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "<textarea" in page and "1 row" in page
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(endpoint + "/query", data=urlencode({"query": "CLEAR ALL"}).encode(), timeout=10)
    assert info.value.code == 400 and b"read-only" in info.value.read()


def test_foreign_host_header_is_refused(endpoint):
    request = urllib.request.Request(endpoint + "/", headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403


def test_fifty_concurrent_clients_are_all_answered(endpoint):
    """50 clients on loopback for 10 s (bounded: 200 requests per client at most, threads joined within 60 s)."""
    clients, seconds, results, lock = 50, 10.0, [], threading.Lock()
    query = f"SELECT ?l WHERE {{ <{ID}person/p7> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    deadline = time.monotonic() + seconds

    def client() -> None:
        done = 0
        while done < 200 and (done == 0 or time.monotonic() < deadline):
            try:
                rows = _wrapper(endpoint, query).query().convert()["results"]["bindings"]
                outcome = rows[0]["l"]["value"] if rows else "no rows"
            except Exception as exc:  # noqa: BLE001 - recorded and asserted below
                outcome = f"{type(exc).__name__}: {exc}"
            with lock:
                results.append(outcome)
            done += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert len(results) >= clients
    assert set(results) == {"Person Nummer 7"}


def test_xml_results_stay_well_formed_with_control_characters(tmp_path):
    import pyoxigraph

    from kg.server.results import SOLUTION_FORMATS, serialize_solutions

    body = serialize_solutions(["x"], [[pyoxigraph.Literal("Zeile\x0bmit\x00Steuerzeichen")]],
                               SOLUTION_FORMATS["xml"], False, 10)
    import xml.dom.minidom

    doc = xml.dom.minidom.parseString(body)
    assert doc.getElementsByTagName("literal")[0].firstChild.data == "Zeile\ufffdmit\ufffdSteuerzeichen"


def test_a_rebuild_is_picked_up_without_restart(tmp_path):
    from kg.server.execute import LocalStore

    (tmp_path / "graph.trig").write_text(f"<{ID}a> <{KG}p> 1 .\n", encoding="utf-8")
    store = LocalStore(tmp_path)
    assert len(list(store.query(f"SELECT * WHERE {{ ?s <{KG}p> ?o }}"))) == 1
    (tmp_path / "graph.trig").write_text(f"<{ID}a> <{KG}p> 1 .\n<{ID}b> <{KG}p> 2 .\n", encoding="utf-8")
    assert len(list(store.query(f"SELECT * WHERE {{ ?s <{KG}p> ?o }}"))) == 2


def test_query_page_lists_examples_and_loads_one(endpoint):
    from kg.server.pages import example_queries

    examples = example_queries()
    if not examples:
        pytest.skip("no ontology/queries/*.rq yet")
    with urllib.request.urlopen(endpoint + "/query?" + urlencode({"example": examples[-1]["name"]}), timeout=10) as r:
        page = r.read().decode("utf-8")
    assert all(html_escape(e["name"]) in page for e in examples)
    assert html_escape(examples[-1]["text"]) in page


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def test_query_page_binds_values_and_links_the_bound_query(endpoint):
    query = ("SELECT ?p ?name WHERE { GRAPH <https://w3id.org/kg-news/graph/entities> "
             "{ ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name } }")
    data = urlencode({"query": query, "bind": "name=Person Nummer 12\n"}).encode()
    with urllib.request.urlopen(endpoint + "/query", data=data, timeout=10) as response:
        page = response.read().decode("utf-8")
    assert "1 row" in page and f"&lt;{ID}person/p12&gt;" in page
    link = re.search(r'href="(/sparql\?[^"]*format=csv)"', page).group(1)
    with urllib.request.urlopen(endpoint + html.unescape(link), timeout=10) as response:
        assert response.read().decode("utf-8").splitlines()[1:] == [f"{ID}person/p12,Person Nummer 12"]
    bad = urlencode({"query": query, "bind": "not a binding"}).encode()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(endpoint + "/query", data=bad, timeout=10)
    assert info.value.code == 400 and b"expected name=value" in info.value.read()


def test_protocol_dataset_parameters_choose_the_graphs(endpoint):
    sparql = _wrapper(endpoint, f"SELECT ?who WHERE {{ ?who <{KG}employedBy> ?o }}")
    sparql.addDefaultGraph("https://w3id.org/kg-news/graph/article/a3")
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["who"]["value"] for r in rows] == [f"{ID}person/p3"]
    sparql = _wrapper(endpoint, f"SELECT ?g WHERE {{ GRAPH ?g {{ ?who <{KG}employedBy> ?o }} }} ORDER BY ?g")
    sparql.addNamedGraph("https://w3id.org/kg-news/graph/article/a5")
    sparql.addNamedGraph("https://w3id.org/kg-news/graph/article/a6")
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["g"]["value"].rsplit("/", 1)[1] for r in rows] == ["a5", "a6"]
    bad = urlencode({"query": "ASK {}", "default-graph-uri": "not an iri"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(endpoint + "/sparql?" + bad, timeout=10)
    assert info.value.code == 400


def test_browser_at_the_endpoint_is_sent_to_the_query_page(endpoint):
    request = urllib.request.Request(endpoint + "/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url.endswith("/query") and b"<textarea" in response.read()
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(endpoint + "/sparql", timeout=10)
    assert info.value.code == 400 and b"query" in info.value.read()
