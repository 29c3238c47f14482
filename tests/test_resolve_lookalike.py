"""Look-alike names: Latin words with Cyrillic/Greek letters (invented names)."""
from __future__ import annotations

import re
from pathlib import Path

from test_resolve_helpers import article

from kg.conflicts import find_conflicts
from kg.resolve import resolve
from kg.resolve.lookalike import is_mixed_script, mixed_script_names, skeleton
from kg.store import open_store

CYR_I = "\u0456"  # Cyrillic і
CYR_O = "\u043e"  # Cyrillic о
GREEK_O = "\u03bf"  # Greek ο


def test_mixed_script_words_are_detected_and_skeletonised():
    name = f"Zw{CYR_I}tterfunk"
    assert is_mixed_script(name) and skeleton(name) == "Zwitterfunk"
    assert is_mixed_script(f"Br{GREEK_O}nnwerk AG") and skeleton(f"Br{GREEK_O}nnwerk AG") == "Bronnwerk AG"
    assert not is_mixed_script("Zwitterfunk") and not is_mixed_script("Müllerhaus")
    assert not is_mixed_script("Москва") and skeleton("Москва") == "Москва"  # wholly Cyrillic: a foreign spelling


def test_look_alike_name_joins_the_latin_one_with_its_own_rule():
    a = article("a1", "Zwitterfunk berichtet.", [("Zwitterfunk", "MEDIA")])
    b = article("b1", f"Zw{CYR_I}tterfunk berichtet.", [(f"Zw{CYR_I}tterfunk", "MEDIA")])
    res = resolve([a, b])
    assert len(res.entities) == 1
    e = res.entities[0]
    assert e.label == "Zwitterfunk"
    assert [(x.text, x.rule) for x in e.aliases] == [(f"Zw{CYR_I}tterfunk", "look-alike")]
    flagged = mixed_script_names(res.entities)
    assert flagged == [{"entity": e.key, "label": "Zwitterfunk", "mixed_script": [f"Zw{CYR_I}tterfunk"],
                        "skeleton": ["Zwitterfunk"]}]


def test_look_alike_alone_keeps_a_latin_key_and_different_names_stay_apart():
    a = article("a1", f"Kl{CYR_O}bbenhof gewann.", [(f"Kl{CYR_O}bbenhof", "ORG")])
    b = article("b1", "Klebbenhof verlor.", [("Klebbenhof", "ORG")])
    res = resolve([a, b])
    assert sorted(e.key for e in res.entities) == ["org/klebbenhof", "org/klobbenhof"]


TRIG = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/kg-news/graph/entities> {
  <https://w3id.org/kg-news/id/media/zwitterfunk> a kg:MediaOrganization ; rdfs:label "Zwitterfunk" ;
      kg:mentionedIn <https://w3id.org/kg-news/id/article/a1> ;
      kg:alias <https://w3id.org/kg-news/id/media/zwitterfunk/alias/1> .
  <https://w3id.org/kg-news/id/media/zwitterfunk/alias/1> a kg:AliasAssignment ; kg:aliasText "ZwXtterfunk" ;
      kg:mergeRule "look-alike" ; prov:wasDerivedFrom <https://w3id.org/kg-news/id/article/b1> .
  <https://w3id.org/kg-news/id/loc/moskau> a kg:Location ; rdfs:label "Москва" .
  <https://w3id.org/kg-news/id/article/a1> a kg:Article ; dcterms:identifier "a1" .
  <https://w3id.org/kg-news/id/article/b1> a kg:Article ; dcterms:identifier "b1" .
}
""".replace("ZwXtterfunk", f"Zw{CYR_I}tterfunk")


def test_kg_conflicts_flags_mixed_script_names(tmp_path: Path):
    (tmp_path / "graph.trig").write_text(TRIG, encoding="utf-8")
    found = [c for c in find_conflicts(open_store(tmp_path, ontology=False)) if c.kind == "mixed script"]
    assert len(found) == 1  # the wholly Cyrillic name is no look-alike
    c = found[0]
    assert c.about == "Zwitterfunk (MediaOrganization)"
    assert [(s.value, s.articles, s.note) for s in c.sides] == [
        (f"Zw{CYR_I}tterfunk", ["b1"], "looks like Zwitterfunk")]
    assert re.search("mixed script", "mixed script: " + c.about)
