"""Things kg.resolve must never merge, on invented names."""
from __future__ import annotations

from test_resolve_helpers import article

from kg.resolve import resolve


def test_same_surname_different_first_names_stay_apart():
    a = article("a1", "Anna Berger und Paul Berger.", [("Anna Berger", "PER"), ("Paul Berger", "PER")])
    b = article("b1", "Paula Berger sagte.", [("Paula Berger", "PER")])
    res = resolve([a, b])
    assert sorted(e.label for e in res.entities) == ["Anna Berger", "Paul Berger", "Paula Berger"]


def test_initial_joins_only_an_unambiguous_first_name():
    a = article("a1", "Anna Berger sprach.", [("Anna Berger", "PER")])
    b = article("b1", "A. Berger sprach.", [("A. Berger", "PER")])
    assert len(resolve([a, b]).entities) == 1
    c = article("c1", "Andreas Berger sprach.", [("Andreas Berger", "PER")])
    assert len(resolve([a, b, c]).entities) == 3


def test_ambiguous_surname_alone_is_not_merged():
    a = article("a1", "Anna Berger und Paul Berger.", [("Anna Berger", "PER"), ("Paul Berger", "PER")])
    b = article("b1", "Berger schwieg.", [("Berger", "PER")])
    res = resolve([a, b])
    assert len(res.entities) == 3
    assert res.mention_entity[("b1", 0)] == "person/berger"


def test_similar_surnames_without_same_first_name_stay_apart():
    a = article("a1", "Karl Schmidt sprach.", [("Karl Schmidt", "PER")])
    b = article("b1", "Moritz Schmitt sprach.", [("Moritz Schmitt", "PER")])
    c = article("c1", "Schulze und Schulz.", [("Schulze", "PER"), ("Schulz", "PER")])
    res = resolve([a, b, c])
    assert len(res.entities) == 4


def test_person_and_organisation_with_the_same_name_stay_apart():
    a = article("a1", "Ferdinand Wendel gründete Wendel.", [("Ferdinand Wendel", "PER"), ("Wendel", "ORG")])
    b = article("b1", "Wendel baut Autos.", [("Wendel", "ORG")])
    res = resolve([a, b])
    assert sorted((e.type, e.label) for e in res.entities) == [("Organization", "Wendel"), ("Person", "Ferdinand Wendel")]


def test_organisation_and_its_product_stay_apart():
    a = article("a1", "Nordsoft bringt Nordsoft Office und das Nordsoft-Morgenmagazin.",
                [("Nordsoft", "ORG"), ("Nordsoft Office", "ORG"), ("Nordsoft-Morgenmagazin", "ORG")])
    res = resolve([a])
    assert sorted(e.label for e in res.entities) == ["Nordsoft", "Nordsoft Office", "Nordsoft-Morgenmagazin"]


def test_place_and_organisation_stay_apart_and_oth_is_no_entity():
    a = article("a1", "Lindau und der FC Lindau spielen Lindauer Art.",
                [("Lindau", "LOC"), ("FC Lindau", "ORG"), ("Lindauer", "OTH")])
    res = resolve([a])
    assert sorted(e.type for e in res.entities) == ["Location", "Organization"]


def test_genitive_needs_the_base_form_in_the_corpus():
    a = article("a1", "Reuters meldet.", [("Reuters", "MEDIA")])
    b = article("b1", "Tom Reuter sagt.", [("Tom Reuter", "PER")])
    res = resolve([a, b])
    assert sorted(e.label for e in res.entities) == ["Reuters", "Tom Reuter"]


def test_lone_compound_role_nouns_are_no_people_but_role_surnames_are():
    a = article("a1", "Der Auftragnehmer kam, dann Richter.", [("Auftragnehmer", "PER"), ("Richter", "PER")])
    assert [e.label for e in resolve([a]).entities] == ["Richter"]


def test_a_lone_common_first_name_does_not_join_a_surname_across_articles():
    a = article("a1", "Beate Simon spielte.", [("Beate Simon", "PER")])
    b = article("b1", "Simon lachte.", [("Simon", "PER")])
    res = resolve([a, b])
    assert res.mention_entity[("b1", 0)] != res.mention_entity[("a1", 0)]


def test_phrases_ending_in_a_name_are_not_middle_names():
    a = article("a1", "Das Kolleg von Santa Lucia.", [("Kolleg von Santa Lucia", "PER")])
    b = article("b1", "Santa Lucia sang.", [("Santa Lucia", "PER")])
    c = article("c1", "Regisseur Ridleys Santa Lucia lief.", [("Regisseur Ridleys Santa Lucia", "PER")])
    assert len(resolve([a, b]).entities) == 2
    # a genitive apposition is no given name: it joins through the apposition rule instead
    assert [e.label for e in resolve([b, c]).entities] == ["Santa Lucia"]


def test_lone_initials_and_ambiguous_country_names_do_not_merge():
    a = article("a1", "A. sagte, Korea und Che.", [("A.", "PER"), ("Korea", "LOC"), ("Che", "LOC")])
    b = article("b1", "Südkorea, Nordkorea und die Schweiz.", [("Südkorea", "LOC"), ("Nordkorea", "LOC"), ("Schweiz", "LOC")])
    res = resolve([a, b])
    assert sorted(e.label for e in res.entities) == ["Che", "Korea", "Nordkorea", "Schweiz", "Südkorea"]


def test_different_middle_names_keep_people_apart():
    a = article("a1", "Emir Kadir bin Halim sprach.", [("Emir Kadir bin Halim", "PER")])
    b = article("b1", "Emir Selim bin Halim sprach.", [("Emir Selim bin Halim", "PER")])
    c = article("c1", "Emir K. bin Halim sprach.", [("Emir K. bin Halim", "PER")])
    res = resolve([a, b, c])
    assert len({res.mention_entity[(d, 0)] for d in ("a1", "b1")}) == 2
    assert res.mention_entity[("c1", 0)] == res.mention_entity[("a1", 0)]
