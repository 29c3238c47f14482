"""`kg conflicts` on a small hand-made TriG graph following docs/DESIGN.md."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.conflicts import dates_compatible, find_conflicts, render
from kg.store import open_store

RAW = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgid: <https://w3id.org/kg-news/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<https://w3id.org/kg-news/graph/entities> {
  kgid:person/mara-kessler a kg:Person ; rdfs:label "Mara Keßler" ;
      kg:alias kgid:person/mara-kessler/alias/kessler, kgid:person/mara-kessler/alias/kesler .
  kgid:person/mara-kessler/alias/kessler a kg:AliasAssignment ; kg:aliasText "Keßler" ; kg:mergeRule "partial" ;
      kg:mergeScore 1.0 ; prov:wasDerivedFrom kgid:article/a1, kgid:article/a2 .
  kgid:person/mara-kessler/alias/kesler a kg:AliasAssignment ; kg:aliasText "Kesler" ; kg:mergeRule "fuzzy" ;
      kg:mergeScore 0.91 ; prov:wasDerivedFrom kgid:article/a3 .
  kgid:person/jo-brandt a kg:Person ; rdfs:label "Jo Brandt" ;
      kg:alias kgid:person/jo-brandt/alias/brandt .
  kgid:person/jo-brandt/alias/brandt a kg:AliasAssignment ; kg:aliasText "Brandt" ; kg:mergeRule "partial" ;
      prov:wasDerivedFrom kgid:article/a1 .
  kgid:account/kwitt/jo-brandt a kg:Account ; rdfs:label "Kwitt account of Jo Brandt" .
  kgid:location/oberstadt a kg:Location ; rdfs:label "Oberstadt" ; kg:mentionedIn kgid:article/a1, kgid:article/a3 ;
      kg:alias kgid:location/oberstadt/alias/oberstat .
  kgid:location/oberstadt/alias/oberstat a kg:AliasAssignment ; kg:aliasText "Oberstat" ; kg:mergeRule "fuzzy" ;
      prov:wasDerivedFrom kgid:article/a3 .
  kgid:article/a1 a kg:Article ; dcterms:identifier "a1" .
  kgid:article/a2 a kg:Article ; dcterms:identifier "a2" .
  kgid:article/a3 a kg:Article ; dcterms:identifier "a3" .
}

<https://w3id.org/kg-news/graph/article/a1> {
  kgid:event/e1 a kg:Suspension ; kg:account kgid:account/kwitt/jo-brandt ; kg:accountOwner kgid:person/jo-brandt ;
      kg:date "2020-05-04"^^xsd:date ; kg:dateText "am 4. Mai" ; kg:duration "PT2H"^^xsd:duration ;
      kg:durationText "zwei Stunden" ; kg:evidence kgid:evidence/ev1 .
  kgid:evidence/ev1 a kg:Evidence ; rdf:subject kgid:event/e1 ; rdf:predicate rdf:type ; rdf:object kg:Suspension ;
      kg:article kgid:article/a1 .
  kgid:person/jo-brandt kg:followerCount 12000 .
  kgid:evidence/f1 a kg:Evidence ; rdf:subject kgid:person/jo-brandt ; rdf:predicate kg:followerCount ;
      rdf:object 12000 ; kg:article kgid:article/a1 ; kg:valueText "12.000" .
}

<https://w3id.org/kg-news/graph/article/a2> {
  kgid:event/e1 a kg:Suspension ; kg:account kgid:account/kwitt/jo-brandt ;
      kg:date "2020-05-05"^^xsd:date ; kg:dateText "am 5. Mai" ; kg:duration "PT2H"^^xsd:duration ;
      kg:evidence kgid:evidence/ev2 .
  kgid:evidence/ev2 a kg:Evidence ; rdf:subject kgid:event/e1 ; rdf:predicate rdf:type ; rdf:object kg:Suspension ;
      kg:article kgid:article/a2 .
  kgid:person/jo-brandt kg:followerCount 15000 .
  kgid:evidence/f2 a kg:Evidence ; rdf:subject kgid:person/jo-brandt ; rdf:predicate kg:followerCount ;
      rdf:object 15000 ; kg:article kgid:article/a2 ; kg:valueText "rund 15.000" .
}

<https://w3id.org/kg-news/graph/article/a3> {
  kgid:event/e1 a kg:Suspension ; kg:date "2020-05"^^xsd:gYearMonth ; kg:dateText "Anfang Mai" ;
      kg:evidence kgid:evidence/ev3 .
  kgid:evidence/ev3 a kg:Evidence ; rdf:subject kgid:event/e1 ; rdf:predicate rdf:type ; rdf:object kg:Suspension ;
      kg:article kgid:article/a3 .
  kgid:event/e2 a kg:Deletion ; kg:date "2020-06-01"^^xsd:date ; kg:evidence kgid:evidence/ev4 .
  kgid:evidence/ev4 a kg:Evidence ; rdf:subject kgid:event/e2 ; rdf:predicate rdf:type ; rdf:object kg:Deletion ;
      kg:article kgid:article/a3 .
}
"""
# prefixed names cannot hold "/": spell the kgid: IRIs out in full
TRIG = re.sub(r"kgid:([\w/.-]+)", r"<https://w3id.org/kg-news/id/\1>", RAW)


@pytest.fixture()
def build(tmp_path: Path) -> Path:
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    return tmp_path


def _by_kind(build: Path) -> dict:
    found = find_conflicts(open_store(build, ontology=False))
    return {c.kind: c for c in found if not c.about.startswith("Oberstadt")}


def test_event_dates_disagree_with_sources(build: Path) -> None:
    c = _by_kind(build)["event date"]
    sides = {s.value: s for s in c.sides}
    assert sides["2020-05-04"].articles == ["a1"] and sides["2020-05-04"].texts == ["am 4. Mai"]
    assert sides["2020-05-05"].articles == ["a2"]
    assert sides["2020-05"].note == "compatible" and sides["2020-05"].articles == ["a3"]
    assert "Kwitt account of Jo Brandt" in c.about


def test_agreeing_duration_and_single_claim_event_are_no_conflict(build: Path) -> None:
    kinds = _by_kind(build)
    assert "event duration" not in kinds  # both articles say PT2H
    assert all("Deletion" not in c.about for c in find_conflicts(open_store(build, ontology=False)))


def test_follower_counts_disagree(build: Path) -> None:
    c = _by_kind(build)["fact"]
    assert c.property == "followerCount" and c.about == "Jo Brandt"
    assert {(s.value, tuple(s.articles), tuple(s.texts)) for s in c.sides} == {
        ("12000", ("a1",), ("12.000",)), ("15000", ("a2",), ("rund 15.000",))}


def test_name_spellings_of_a_fuzzy_merge(build: Path) -> None:
    c = _by_kind(build)["name spelling"]
    assert c.about == "Mara Keßler (Person)"
    sides = {s.value: s for s in c.sides}
    assert sides["Mara Keßler"].articles == ["a1", "a2"]
    assert sides["Kesler"].articles == ["a3"] and sides["Kesler"].note == "fuzzy"
    # an entity merged without a spelling rule is no conflict
    assert all("Jo Brandt" not in x.about for x in find_conflicts(open_store(build, ontology=False))
               if x.kind == "name spelling")


def test_label_spelling_takes_the_articles_the_entity_is_mentioned_in(build: Path) -> None:
    (c,) = [x for x in find_conflicts(open_store(build, ontology=False)) if x.about.startswith("Oberstadt")]
    assert [(s.value, s.articles) for s in c.sides] == [("Oberstadt", ["a1"]), ("Oberstat", ["a3"])]


def test_dates_compatible() -> None:
    assert dates_compatible("2017-11", "2017-11-02")
    assert dates_compatible("--11-02", "2017-11-02")
    assert not dates_compatible("--11-03", "2017-11-02")
    assert not dates_compatible("2017-11-03", "2017-11-02")
    assert not dates_compatible("2017-10", "2017-11-02")
    assert dates_compatible("--11", "2017-11-02") and not dates_compatible("--10", "--11-02")


def test_cli_text_and_json(build: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["conflicts", "--out", str(build)])
    assert res.exit_code == 0, res.output
    assert "event date: Suspension of Kwitt account of Jo Brandt" in res.output
    assert '2020-05-04  "am 4. Mai"  <- a1' in res.output
    res = runner.invoke(app, ["conflicts", "--out", str(build), "--format", "json"])
    data = json.loads(res.output)
    assert {d["kind"] for d in data} == {"event date", "fact", "name spelling"}


def test_cli_missing_build_is_one_clean_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["conflicts", "--out", str(tmp_path / "nope")])
    assert res.exit_code != 0
    assert "no such folder" in str(res.exception) or "no such folder" in res.output


def test_render_without_conflicts() -> None:
    assert render([]).startswith("no conflicts")
