"""The explorer's JSON API of `kg serve`, end to end on a real server: search, neighbours, evidence, article."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from test_view_data import FIXTURE_TRIG, S1, S2

from kg.server import close_server, make_server

ID = "https://w3id.org/kg-news/id/"
KG = "https://w3id.org/kg-news/ontology#"
KOLBECK = ID + "person/mira-kolbeck"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    out = tmp_path_factory.mktemp("api")
    (out / "graph.trig").write_text(FIXTURE_TRIG, encoding="utf-8")
    (out / "graph.html").write_text(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;; "
        "connect-src &#x27;none&#x27;\">", encoding="utf-8")
    server = make_server(out, "127.0.0.1", 0, workers=1, max_rows=500)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    close_server(server)
    thread.join(5)


def get(base: str, path: str, method: str = "GET", **params) -> tuple[int, dict]:
    req = urllib.request.Request(f"{base}{path}?{urlencode(params)}", method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            assert r.headers["Content-Type"].startswith("application/json")
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_search_finds_labels_and_aliases_by_prefix_and_with_typos(base):
    status, body = get(base, "/api/search", q="Kolb")
    assert status == 200 and body["results"][0]["iri"] == KOLBECK
    assert set(body["results"][0]) == {"iri", "label", "type", "score", "degree"}
    _, body = get(base, "/api/search", q="reiter")  # a word inside a label, any case
    assert ID + "person/jonas-reiter" in [r["iri"] for r in body["results"]]
    _, body = get(base, "/api/search", q="Felsgrnd Dienste")  # a typo
    assert body["results"][0]["label"] == "Felsgrund Dienste" and body["results"][0]["score"] < 0.85
    _, body = get(base, "/api/search", q="Zzyzx Qwrt")
    assert body["results"] == []


def test_neighbours_list_nodes_and_edges_with_evidence_counts(base):
    get(base, "/api/search", q="Kolbeck")  # waits for the name index, which gives the nodes' articles
    status, body = get(base, "/api/neighbours", iri=KOLBECK)
    assert status == 200
    assert body["node"]["articles"] == ["a1", "a2"] and body["articles"]["a1"]["title"] == "Konto für neun Minuten weg"
    labels = {n["label"] for n in body["nodes"]}
    assert {"Felsgrund Dienste", "Plauderbox", "Netzblick", "Plauderbox-Konto von Jonas Reiter"} <= labels
    deactivated = [e for e in body["edges"] if e["predicate"] == "deactivated"]
    assert deactivated and deactivated[0]["source"] == KOLBECK and deactivated[0]["evidence"] >= 1
    assert any(n["type"] == "Event" for n in body["nodes"])  # the deactivation event names her as agent
    _, small = get(base, "/api/neighbours", iri=KOLBECK, limit=2)
    assert len(small["edges"]) == 2 and small["truncated"] is True


def test_evidence_of_an_edge_has_sentences_marks_and_articles(base):
    status, body = get(base, "/api/evidence", subject=KOLBECK, predicate=KG + "employedBy",
                       object=ID + "org/felsgrund-dienste")
    assert status == 200 and body["total"] == 1
    (card,) = body["evidence"]
    assert card["sentence"] == S1 and card["article"] == "a1"
    marked = {(card["sentence"][a:b], kind) for a, b, kind in card["marks"]}
    assert ("Mira Kolbeck", "subject") in marked and ("Felsgrund Dienste", "object") in marked
    assert body["articles"]["a1"]["outlet"] == "Beispielblatt"
    _, node = get(base, "/api/evidence", iri=KOLBECK, limit=50)
    assert node["total"] >= 3 and S2 in {c["sentence"] for c in node["evidence"]}


def test_article_gives_the_text_for_the_reader(base):
    status, body = get(base, "/api/article", id="a1")
    assert status == 200 and body["title"] == "Konto für neun Minuten weg" and body["body"].startswith(S1)
    assert body["category"] == "Web"


def test_names_read_from_graph_trig_match_the_stored_queries(tmp_path):
    """kg serve reads the search index straight from graph.trig; it holds what the api-*.rq queries give."""
    import pyoxigraph as ox

    from kg import vocab
    from kg.rdf import serialize_trig
    from kg.server.api_index import build_index, read_index_file
    from kg.server.execute import run_local
    from kg.store import open_store
    from kg.view.sparql import load_query
    from kg.view.synthetic import synthetic_kg

    (tmp_path / "graph.trig").write_bytes(serialize_trig(synthetic_kg(2000, seed=3)))
    store = open_store(tmp_path)

    def rows(name, **iris):
        result = run_local(store, load_query(name), {k: ox.NamedNode(v) for k, v in iris.items()})
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]

    queried = build_index(rows("api-names", entities_graph=vocab.ENTITIES_GRAPH), rows("api-links"),
                          rows("api-articles"))
    read = read_index_file(tmp_path / "graph.trig")
    assert len(read.entries) == 2000 and read.entries == queried.entries
    assert read.keys == queried.keys and read.articles == queried.articles
    assert sum(e.degree for e in read.entries.values()) > 2000 and read.articles["syn00001"]["category"] == "Sport"
    assert read.search("Person 1234", 1)[0]["label"] == "Person 1234"


def test_search_is_ready_soon_after_start_without_a_first_request(tmp_path):
    """The index loads in the background from server start: no request has to wait for it or start it."""
    import time

    from kg.rdf import serialize_trig
    from kg.view.synthetic import synthetic_kg

    (tmp_path / "graph.trig").write_bytes(serialize_trig(synthetic_kg(3000, seed=4)))
    server = make_server(tmp_path, "127.0.0.1", 0, workers=1)
    try:
        cache = server.endpoint.api_index
        deadline = time.monotonic() + 60
        while cache.ready() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert cache.ready() is not None and len(cache.ready().entries) == 3000
    finally:
        server.server_close()
        server.endpoint.pool.close()


@pytest.mark.parametrize("path,params,message", [
    ("/api/search", {}, "missing parameter 'q'"),
    ("/api/search", {"q": "x", "limit": "many"}, "'limit' must be a whole number"),
    ("/api/search", {"q": "x", "limit": "0"}, "'limit' must be between 1 and"),
    ("/api/neighbours", {"iri": "no iri here"}, "'iri' is not an IRI"),
    ("/api/neighbours", {"iri": KOLBECK, "limit": "5000"}, "between 1 and 500"),  # the server's --max-rows
    ("/api/evidence", {"subject": KOLBECK}, "missing parameter 'predicate'"),
    ("/api/article", {"id": "nope"}, "no article with id 'nope'"),
])
def test_bad_parameters_get_400_with_a_one_line_error(base, path, params, message):
    status, body = get(base, path, **params)
    assert status == 400 and message in body["error"] and "\n" not in body["error"]


def test_the_api_is_read_only_and_unknown_paths_are_404(base):
    req = urllib.request.Request(f"{base}/api/search?q=x", data=b"q=y", method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as exc:
        urllib.request.urlopen(req, timeout=60)
    assert exc.value.code == 405
    status, body = get(base, "/api/nothing")
    assert status == 404 and "/api/search" in body["error"]


def test_the_served_page_may_call_its_own_server(base):
    with urllib.request.urlopen(base + "/") as r:
        page = r.read().decode()
    assert "connect-src &#x27;self&#x27;" in page and "connect-src &#x27;none&#x27;" not in page
