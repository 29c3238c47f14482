"""The networkx projection of the RDF graph, and selecting parts of it."""
from __future__ import annotations

import pytest
from test_view_data import ACCOUNT, EVENT, FIXTURE_TRIG, HOSTILE_TRIG, KOLBECK, S2, XSS_NAME, store_from

from kg.errors import KgError
from kg.view.evidence import marks
from kg.view.project import project
from kg.view.select import ego, find_node, paths

ID = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def graph():
    return project(store_from(FIXTURE_TRIG))


def test_nodes_are_entities_events_and_quotes(graph):
    types = {d["label"]: d["type"] for _, d in graph.nodes(data=True)}
    assert types == {
        "Mira Kolbeck": "Person", "Jonas Reiter": "Person", "Felsgrund Dienste": "Organization",
        "Plauderbox": "Organization", "Netzblick": "MediaOrganization", "Bremen": "Location",
        "Plauderbox-Konto von Jonas Reiter": "Account",
        "Deactivation: Plauderbox-Konto von Jonas Reiter": "Event",
        "„Das war ein Versehen“": "Quote",
    }
    kolbeck = graph.nodes[KOLBECK]
    assert sorted(kolbeck["aliases"]) == ["Kolbeck", "Kolbek"]
    fuzzy = [a for a in kolbeck["alias_info"] if a["text"] == "Kolbek"][0]
    assert (fuzzy["rule"], fuzzy["score"], fuzzy["articles"]) == ("fuzzy", 0.92, ["a2"])
    assert kolbeck["articles"] == ["a1", "a2"]
    assert kolbeck["degree"] == graph.degree(KOLBECK) > 0


def test_one_edge_per_relation_with_all_its_evidence(graph):
    data = graph.get_edge_data(KOLBECK, ACCOUNT)["deactivated"]
    assert [e["article"] for e in data["evidence"]] == ["a1", "a2"]
    first, second = data["evidence"]
    assert first["sentence"] == S2 and first["title"] == "Konto für neun Minuten weg"
    assert first["url"] == "https://example.org/a1" and first["publisher"] == "Beispielblatt"
    assert first["extractor"] == "deactivation/1" and first["confidence"] == 0.9
    assert second["hedged"] is True and second["hedge"] == "soll"
    highlighted = {first["sentence"][a:b] for a, b, kind in first["marks"] if kind in ("subject", "object")}
    assert highlighted == {"Kolbeck", "Plauderbox-Konto von Jonas Reiter"}
    assert data["confidence"] == 0.9
    employed = graph.get_edge_data(KOLBECK, ID + "org/felsgrund-dienste")["employedBy"]
    assert employed["evidence"][0]["qualifiers"] == {"role": "Auftragnehmerin", "employmentKind": "contractor"}


def test_event_parts_and_disagreeing_claims(graph):
    event = graph.nodes[EVENT]
    assert event["kind"] == "Deactivation"
    dates = {(c["value"], c["text"], c["article"]) for c in event["claims"] if c["name"] == "date"}
    assert dates == {("2021-03-04", "am 4. März", "a1"), ("2021-03-05", "am 5. März", "a2")}
    assert event["dates"] == ["2021-03-04", "2021-03-05"] and event["durations"] == ["PT9M"]
    assert event["parts"]["agent"] == [KOLBECK]
    roles = {k: o for _, o, k in graph.out_edges(EVENT, keys=True)}
    assert roles == {"agent": KOLBECK, "account": ACCOUNT, "accountOwner": ID + "person/jonas-reiter",
                     "platform": ID + "org/plauderbox"}
    agent = graph.get_edge_data(EVENT, KOLBECK)["agent"]
    assert [e["article"] for e in agent["evidence"]] == ["a1", "a2"]  # both articles name the agent
    owner = graph.get_edge_data(EVENT, ID + "person/jonas-reiter")["accountOwner"]
    assert [e["article"] for e in owner["evidence"]] == ["a1"]  # only a1 names the owner


def test_facts_keep_each_value_with_its_source(graph):
    facts = graph.nodes[ID + "person/jonas-reiter"]["facts"]
    assert {(f["attribute"], f["value"], f["evidence"][0]["article"]) for f in facts} == {
        ("followerCount", "11000000", "a2"), ("followerCount", "12000000", "a1")}


def test_quotes_link_speaker_and_outlet(graph):
    quote = ID + "quote/q1"
    assert graph.has_edge(KOLBECK, quote, key="said")
    assert graph.has_edge(quote, ID + "org/netzblick", key="spokenTo")
    assert graph.nodes[quote]["text"] == "Das war ein Versehen"


def test_bookkeeping_is_not_drawn(graph):
    iris = set(graph.nodes)
    assert not any("/article/" in i or "/extractor/" in i or "/alias/" in i or "/evidence/" in i for i in iris)


def test_marks_name_subject_object_trigger_and_hedge_even_when_they_overlap():
    rec = {"sentence": "Gestern sprach Ada Brenner mit Ben Olt.", "start": 115, "end": 126, "sentence_start": 100}
    assert marks(rec, ["Ada Brenner", "Brenner"], ["Ben Olt"]) == [
        [15, 26, "subject"], [15, 26, "trigger"], [31, 38, "object"]]
    # offsets spanning the whole sentence are no trigger; a split hedge cue is marked part by part,
    # also inside a name's span
    rec = {"sentence": "Ada Brenner will Olt entlassen haben.", "start": 0, "end": 36, "sentence_start": 0,
           "hedge": "will ... haben"}
    assert marks(rec, ["Brenner"], ["Olt"]) == [[4, 11, "subject"], [12, 16, "hedge"], [17, 20, "object"],
                                                [31, 36, "hedge"]]
    # names are whole words: "Olt" is not found inside "Oltmanns"
    assert marks({"sentence": "Oltmanns ging."}, [], ["Olt"]) == []


def test_find_node_by_alias_and_unknown_label_suggests(graph):
    assert find_node(graph, "kolbek") == KOLBECK
    with pytest.raises(KgError, match=r"no node labelled 'Mira Kolbek'.*did you mean: 'Mira Kolbeck'"):
        find_node(graph, "Mira Kolbek")


def test_ego_network_and_paths(graph):
    sub, center = ego(graph, "Felsgrund Dienste", 1)
    assert center == ID + "org/felsgrund-dienste"
    assert set(sub.nodes) == {center, KOLBECK}
    sub, found = paths(graph, "Felsgrund Dienste", "Jonas Reiter")
    assert all(p[0] == center and p[-1] == ID + "person/jonas-reiter" for p in found)
    assert min(len(p) for p in found) == 4  # Felsgrund - Kolbeck - (account | event) - Reiter
    assert all(d["evidence"] is not None for _, _, d in sub.edges(data=True))
    with pytest.raises(KgError, match="no connection"):
        paths(graph, "Bremen", "Netzblick")


def test_hostile_names_survive_as_data():
    graph = project(store_from(HOSTILE_TRIG))
    assert XSS_NAME in {d["label"] for _, d in graph.nodes(data=True)}


def test_projection_of_the_rdf_writers_output():
    """The view reads what kg's own RDF writer produces (not only the hand-written fixture)."""
    import pyoxigraph as ox

    from kg.rdf import serialize_trig
    from kg.view.synthetic import synthetic_kg

    kg = synthetic_kg(40, seed=3)
    store = ox.Store()
    store.load(serialize_trig(kg), format=ox.RdfFormat.TRIG)
    graph = project(store)
    assert graph.number_of_nodes() == len(kg.entities)
    assert graph.number_of_edges() == len(kg.edges)
    evidence = sum(len(e.evidence) for e in kg.edges)
    assert sum(len(d["evidence"]) for *_, d in graph.edges(data=True)) == evidence
    assert all(d["evidence"][0]["title"] for *_, d in graph.edges(data=True))


def test_outlet_is_the_publisher_or_the_web_host():
    from kg.view.evidence import outlet_of

    assert outlet_of("Beispielblatt", "https://www.example.org/x") == "Beispielblatt"
    assert outlet_of(None, "https://www.Example.org/a/b?c=1") == "example.org"
    assert outlet_of(None, "javascript:alert(1)") is None and outlet_of(None, None) is None


def test_writer_output_with_sentence_starts_marks_the_exact_spans():
    """kg:sentenceStart from the writer -> the card marks exactly the evidence spans (two in one sentence
    stay on one card) besides the names; evidence without it gets the names found in the sentence."""
    import dataclasses

    import pyoxigraph as ox
    from golden.kg_sample import S1, S2, sample_kg

    from kg.rdf import serialize_trig

    kg = sample_kg()
    base = len(S1) + 1  # where S2 starts in article a01
    (ev,) = kg.edges[2].evidence  # account -accountOf-> person, stated in S2
    spans = [S2.index("Konto"), S2.index("Konrad Albrecht")]
    evs = tuple(dataclasses.replace(ev, start=base + i, end=base + i + len(w), sentence_start=base)
                for i, w in zip(spans, ("Konto", "Konrad Albrecht")))
    kg = dataclasses.replace(kg, edges=kg.edges[:2] + (dataclasses.replace(kg.edges[2], evidence=evs),) + kg.edges[3:])
    store = ox.Store()
    store.load(serialize_trig(kg), format=ox.RdfFormat.TRIG)
    graph = project(store)
    (card,) = [d for *_, d in graph.edges(data=True) if d["predicate"] == "accountOf"][0]["evidence"]
    got = [(card["sentence"][a:b], kind) for a, b, kind in card["marks"]]
    assert ("Konto", "trigger") in got and ("Konrad Albrecht", "trigger") in got
    assert ("Konrad Albrecht", "object") in got  # the owner's name, also inside a trigger span
    (employed,) = [d for *_, d in graph.edges(data=True) if d["predicate"] == "employedBy"][0]["evidence"]
    assert {kind for *_, kind in employed["marks"]} == {"subject", "object"}  # no sentence start: names only
