"""Offline linking through a local CSV table."""
from __future__ import annotations

import pytest
from test_resolve_helpers import article

from kg.errors import KgError
from kg.resolve import resolve


def test_link_table_adds_same_as_for_matching_type_only(tmp_path):
    table = tmp_path / "links.csv"
    table.write_text("label,type,wikidata,gnd\nNordsoft,Organization,Q123,\nLena Vogt,Person,,118-5\n"
                     "Lena Vogt,Organization,Q9,\n", encoding="utf-8")
    a = article("a1", "Lena Vogt und die Nordsoft.", [("Lena Vogt", "PER"), ("Nordsoft", "MEDIA")])
    res = resolve([a], links_path=table)
    same = {e.label: e.same_as for e in res.entities}
    assert same == {"Lena Vogt": ("https://d-nb.info/gnd/118-5",), "Nordsoft": ("http://www.wikidata.org/entity/Q123",)}


@pytest.mark.parametrize("text, problem", [
    ("name,kind\nX,Person\n", "needs a header"),
    ("label,type,wikidata,gnd\nX,Planet,,\n", "line 2"),
    ("label,type,wikidata,gnd\nX,Person,123,\n", "not of the form Q123"),
])
def test_bad_link_table(tmp_path, text, problem):
    table = tmp_path / "links.csv"
    table.write_text(text, encoding="utf-8")
    a = article("a1", "Lena Vogt.", [("Lena Vogt", "PER")])
    with pytest.raises(KgError, match=problem):
        resolve([a], links_path=table)


def test_names_linked_to_one_iri_are_one_entity(tmp_path):
    table = tmp_path / "links.csv"
    table.write_text("label,type,wikidata,gnd\nNordland,Location,Q77,\nNordreich,Location,Q77,\n", encoding="utf-8")
    a = article("a1", "Reise nach Nordland.", [("Nordland", "LOC")])
    b = article("b1", "Reise ins Nordreich.", [("Nordreich", "LOC")])
    assert len(resolve([a, b]).entities) == 2
    (e,) = resolve([a, b], links_path=table).entities
    assert e.same_as == ("http://www.wikidata.org/entity/Q77",) and e.aliases[0].rule == "same-as"
