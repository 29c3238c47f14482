"""Every merge rule of kg.resolve, on invented names."""
from __future__ import annotations

from test_resolve_helpers import article

from kg.resolve import resolve


def _entity(res, label):
    hits = [e for e in res.entities if e.label == label]
    assert len(hits) == 1, [(e.key, e.label) for e in res.entities]
    return hits[0]


def _keys(res, doc, *idx):
    return [res.mention_entity.get((doc, i)) for i in idx]


def test_genitive_merges_into_the_base_name():
    a = article("a1", "Greta Müller sprach. Greta Müllers Plan steht.", [("Greta Müller", "PER"), ("Greta Müllers", "PER")])
    b = article("b1", "Müllers Idee gefiel.", [("Müllers", "PER")])
    res = resolve([a, b])
    e = _entity(res, "Greta Müller")
    assert {x.text: x.rule for x in e.aliases} == {"Greta Müllers": "inflection", "Müllers": "surname"}
    assert e.key == "person/greta-mueller" and e.doc_ids == ("a1", "b1")


def test_case_variants_and_domains_merge_into_one_outlet():
    a = article("a1", "Laut HeiseNews ist das so.", [("HeiseNews", "MEDIA")])
    b = article("b1", "Laut Heisenews und heisenews.de nicht.", [("Heisenews", "ORG"), ("heisenews.de", "ORG")])
    res = resolve([a, b])
    assert len(res.entities) == 1
    e = res.entities[0]
    rules = {x.text: x.rule for x in e.aliases}
    assert rules["heisenews.de"] == "domain" and e.type in ("MediaOrganization", "Organization")


def test_domain_with_article_name():
    a = article("a1", "Der Standard berichtet.", [("Der Standard", "MEDIA")])
    b = article("b1", "Auf derStandard.at stand es.", [("derStandard.at", "ORG")])
    res = resolve([a, b])
    assert len(res.entities) == 1 and res.entities[0].label == "Der Standard"


def test_media_is_a_subtype_of_org_by_type_voting():
    a = article("a1", "Das Portal Tagesblick schreibt.", [("Tagesblick", "MEDIA")])
    b = article("b1", "Tagesblick meldet.", [("Tagesblick", "ORG")])
    res = resolve([a, b])
    assert [(e.type, e.label) for e in res.entities] == [("MediaOrganization", "Tagesblick")]


def test_surname_alone_joins_the_one_full_name_of_the_corpus():
    a = article("a1", "Jonas Kellerhals trat auf.", [("Jonas Kellerhals", "PER")])
    b = article("b1", "Kellerhals schwieg.", [("Kellerhals", "PER")])
    res = resolve([a, b])
    (e,) = res.entities
    assert [(x.text, x.rule, x.score) for x in e.aliases] == [("Kellerhals", "surname", 0.9)]


def test_first_name_alone_joins_only_the_full_name_of_its_own_article():
    a = article("a1", "Jonas Kellerhals trat auf. Jonas lachte.", [("Jonas Kellerhals", "PER"), ("Jonas", "PER", {"occurrence": 2})])
    b = article("b1", "Jonas kam spät.", [("Jonas", "PER")])
    res = resolve([a, b])
    assert res.mention_entity[("a1", 1)] == "person/jonas-kellerhals"
    assert res.mention_entity[("b1", 0)] == "person/jonas"


def test_shared_surname_partials_do_not_chain_full_names():
    a = article("a1", "Hanna Roth und Hanna Roth. Roth kam.", [("Hanna Roth", "PER"),
                ("Roth", "PER", {"kind": "partial", "antecedent": 0})])
    b = article("b1", "Tom Roth kam. Roth ging.", [("Tom Roth", "PER"), ("Roth", "PER", {"kind": "partial", "antecedent": 0})])
    assert len(resolve([a, b]).entities) == 2


def test_inflection_needs_a_base_form_at_least_as_frequent():
    a = article("a1", "Kamas und Kamas und Kamas.", [("Kamas", "ORG"), ("Kamas", "ORG", {"occurrence": 2}), ("Kamas", "ORG", {"occurrence": 3})])  # noqa: E501
    b = article("b1", "Kama liegt am Fluss.", [("Kama", "ORG")])
    assert len(resolve([a, b]).entities) == 2
    c = article("c1", "Nordsofts Chef und Nordsoft.", [("Nordsofts", "ORG"), ("Nordsoft", "ORG")])
    assert len(resolve([c]).entities) == 1


def test_function_words_are_never_names():
    a = article("a1", "Das sagte Nordsoft.", [("Das", "ORG"), ("Nordsoft", "ORG")])
    assert [e.label for e in resolve([a]).entities] == ["Nordsoft"]


def test_spelling_variant_with_same_first_name_is_fuzzy_merged():
    a = article("a1", "Marek Kowalczyk sagte.", [("Marek Kowalczyk", "PER")])
    b = article("b1", "Marek Kowalczyck sagte.", [("Marek Kowalczyck", "PER")])
    res = resolve([a, b])
    e = _entity(res, "Marek Kowalczyk") if res.entities[0].label == "Marek Kowalczyk" else res.entities[0]
    assert len(res.entities) == 1
    (alias,) = e.aliases
    assert alias.rule == "fuzzy" and 0.85 <= alias.score < 1


def test_title_and_apposition_are_stripped():
    a = article("a1", "Bundeskanzlerin Anke Wohlfahrt kam.", [("Bundeskanzlerin Anke Wohlfahrt", "PER")])
    b = article("b1", "Anke Wohlfahrt ging.", [("Anke Wohlfahrt", "PER")])
    c = article("c1", "US-Senatorin Anke Wohlfahrt blieb.", [("US-Senatorin Anke Wohlfahrt", "PER", {"title": "US-Senatorin"})])
    res = resolve([a, b, c])
    assert [e.label for e in res.entities] == ["Anke Wohlfahrt"]


def test_org_descriptor_apposition():
    a = article("a1", "Das IT-Portal Technoblatt schrieb.", [("IT-Portal Technoblatt", "MEDIA")])
    b = article("b1", "Technoblatt schrieb.", [("Technoblatt", "MEDIA")])
    res = resolve([a, b])
    assert [e.label for e in res.entities] == ["Technoblatt"]
    assert res.entities[0].aliases[0].rule == "descriptor"


def test_coreference_partials_are_aliases_but_pronouns_are_not():
    a = article("a1", "Lena Vogt lachte. Vogt ging, sie kam. Die Managerin blieb.",
                [("Lena Vogt", "PER"), ("Vogt", "PER", {"kind": "partial", "antecedent": 0}),
                 ("sie", "PER", {"kind": "pronoun", "antecedent": 1}),
                 ("Die Managerin", "PER", {"kind": "description", "antecedent": 0})])
    res = resolve([a])
    (e,) = res.entities
    assert [x.text for x in e.aliases] == ["Vogt"]
    assert _keys(res, "a1", 0, 1, 2, 3) == [e.key] * 4


def test_compound_carrying_a_name_is_linked_not_a_new_entity():
    a = article("a1", "Die Firma Brennwerk wächst. Ein Brennwerk-Mitarbeiter sagte das. Der Brennwerk-Konzern schwieg.",
                [("Brennwerk", "ORG"), ("Brennwerk-Mitarbeiter", "PER"), ("Brennwerk-Konzern", "ORG")])
    res = resolve([a])
    assert [e.label for e in res.entities] == ["Brennwerk"]
    assert _keys(res, "a1", 0, 1, 2) == ["org/brennwerk"] * 3


def test_adjective_inflection_of_org_names():
    a = article("a1", "Die Nordische Bank wächst.", [("Nordische Bank", "ORG")])
    b = article("b1", "Bei der Nordischen Bank nicht.", [("Nordischen Bank", "ORG")])
    res = resolve([a, b])
    assert [e.label for e in res.entities] == ["Nordische Bank"]


def test_legal_form_is_not_a_different_company():
    a = article("a1", "Die Brennwerk AG wächst.", [("Brennwerk AG", "ORG")])
    b = article("b1", "Brennwerk wächst.", [("Brennwerk", "ORG")])
    assert len(resolve([a, b]).entities) == 1


def test_output_is_deterministic_in_input_order():
    a = article("a1", "Jonas Kellerhals trat auf.", [("Jonas Kellerhals", "PER")])
    b = article("b1", "Kellerhals und Heisenews.", [("Kellerhals", "PER"), ("Heisenews", "ORG")])
    r1, r2 = resolve([a, b]), resolve([b, a])
    assert r1.entities == r2.entities and r1.mention_entity == r2.mention_entity


def test_country_names_merge_through_the_gazetteer():
    a = article("a1", "Sie lebt in Deutschland. Deutschland ist groß.", [("Deutschland", "LOC"), ("Deutschland", "LOC", {"occurrence": 2})])
    b = article("b1", "Sie lebt in der Bundesrepublik Deutschland, also Germany.",
                [("Bundesrepublik Deutschland", "LOC"), ("Germany", "LOC")])
    res = resolve([a, b])
    (e,) = res.entities
    assert e.label == "Deutschland" and {x.rule for x in e.aliases} == {"gazetteer"}


def test_derived_mentions_map_to_the_entity_but_are_no_alias():
    a = article("a1", "Der Österreicher kam aus Österreich.",
                [("Österreicher", "LOC", {"kind": "derived", "norm": "Österreich"}), ("Österreich", "LOC")])
    b = article("b1", "Ein Österreicher.", [("Österreicher", "LOC", {"kind": "derived", "norm": "Österreich"})])
    res = resolve([a, b])
    (e,) = res.entities
    assert e.label == "Österreich" and e.aliases == () and e.doc_ids == ("a1", "b1")
    assert res.mention_entity[("b1", 0)] == e.key


def test_platform_of_an_account_is_an_organisation_and_lone_person_names_join_it():
    a = article("a1", "Das Zwitscher-Konto von Kai Brand auf Zwitscher.",
                [("Kai Brand", "PER"), ("Zwitscher", "PER", {"occurrence": 2}),
                 ("Zwitscher-Konto von Kai Brand", "ACCOUNT", {"kind": "derived", "owner": 0, "platform": 1})])
    b = article("b1", "Zwitscher wächst.", [("Zwitscher", "PER")])
    res = resolve([a, b])
    zw = [e for e in res.entities if e.label == "Zwitscher"]
    assert [(e.type, e.doc_ids) for e in zw] == [("Organization", ("a1", "b1"))]
    assert any(e.key == "account/zwitscher/kai-brand" for e in res.entities)


def test_names_holding_an_account_word_are_not_entities():
    a = article("a1", "Brands Zwitscher-Account und Zwitscheraccount und Kai Brand.",
                [("Brands Zwitscher-Account", "PER"), ("Zwitscheraccount", "ORG", {"occurrence": 1}), ("Kai Brand", "PER")])
    res = resolve([a])
    assert [e.label for e in res.entities] == ["Kai Brand"]


def test_middle_names_and_leading_genitive_apposition():
    a = article("a1", "Karl Heinz Obermoser sprach.", [("Karl Heinz Obermoser", "PER")])
    b = article("b1", "Heinz Obermoser sprach.", [("Heinz Obermoser", "PER")])
    c = article("c1", "Tirols Heinz Obermoser kam.", [("Tirols Heinz Obermoser", "PER")])
    res = resolve([a, b, c])
    (e,) = res.entities
    assert e.label == "Karl Heinz Obermoser"
    assert {x.text: x.rule for x in e.aliases}["Heinz Obermoser"] == "name-variant"
    d = article("d1", "Heinz Obermoser und Karl Heinz Obermoser und Maria Heinz Obermoser.",
                [("Karl Heinz Obermoser", "PER"), ("Maria Heinz Obermoser", "PER")])
    assert len(resolve([b, d]).entities) == 3  # two longer names end in it: ambiguous


def test_hyphenated_double_name_is_the_spaced_name():
    a = article("a1", "Anna-Lena Kerschbaum sprach.", [("Anna-Lena Kerschbaum", "PER")])
    b = article("b1", "Anna Lena Kerschbaum sprach.", [("Anna Lena Kerschbaum", "PER")])
    c = article("c1", "Max-Kerschbaum sprach.", [("Max-Kerschbaum", "PER")])
    d = article("d1", "Max Kerschbaum sprach.", [("Max Kerschbaum", "PER")])
    assert len(resolve([a, b]).entities) == 1
    assert len(resolve([c, d]).entities) == 1


def test_lone_person_name_of_a_place_joins_the_place():
    a = article("a1", "In Tannhofen regnet es.", [("Tannhofen", "LOC")])
    b = article("b1", "Tannhofen feiert.", [("Tannhofen", "PER")])
    res = resolve([a, b])
    assert [(e.type, e.doc_ids) for e in res.entities] == [("Location", ("a1", "b1"))]


def test_surname_that_is_also_a_first_name_joins_only_a_prominent_bearer():
    arts = [article(f"a{n}", "Dora Gabriel sprach.", [("Dora Gabriel", "PER")]) for n in range(3)]
    lone = article("b1", "Gabriel schwieg.", [("Gabriel", "PER")])
    assert resolve(arts + [lone]).mention_entity[("b1", 0)] == "person/dora-gabriel"
    assert resolve(arts[:1] + [lone]).mention_entity[("b1", 0)] == "person/gabriel"


def test_leading_particle_surname():
    a = article("a1", "De Wolfsberghe sprach.", [("De Wolfsberghe", "PER")])
    b = article("b1", "Wolfsberghe sprach.", [("Wolfsberghe", "PER")])
    assert len(resolve([a, b]).entities) == 1


def test_acronym_joins_its_long_name_in_the_same_article_only():
    a = article("a1", "Die Nordische Handelsgesellschaft Bremen (NHB) wächst.", [("Nordische Handelsgesellschaft Bremen", "ORG"), ("NHB", "ORG")])  # noqa: E501
    b = article("b1", "Die NHB wächst.", [("NHB", "ORG")])
    c = article("c1", "Die NHB und das NHB X7.", [("NHB", "ORG", {"occurrence": 1}), ("NHB X7", "ORG")])
    res = resolve([a, b, c])
    assert sorted(e.label for e in res.entities) == ["NHB X7", "Nordische Handelsgesellschaft Bremen"]
    (bank,) = [e for e in res.entities if e.label == "Nordische Handelsgesellschaft Bremen"]
    assert [(x.text, x.rule) for x in bank.aliases] == [("NHB", "acronym")]


def test_place_tagged_as_organisation_by_a_minority_joins_the_place():
    places = [article(f"a{n}", "In Tannhofen regnet es.", [("Tannhofen", "LOC")]) for n in range(3)]
    org = article("b1", "Tannhofen investiert.", [("Tannhofen", "ORG")])
    res = resolve(places + [org])
    assert [(e.type, len(e.doc_ids)) for e in res.entities] == [("Location", 4)]
    assert len(resolve(places[:1] + [org]).entities) == 2  # 1:1 stays apart


def test_lone_person_name_goes_to_the_better_attested_of_place_and_person():
    places = [article(f"p{n}", "In Tannhofen regnet es.", [("Tannhofen", "LOC")]) for n in range(3)]
    person = article("q0", "Karl Tannhofen sprach.", [("Karl Tannhofen", "PER")])
    lone = article("z1", "Tannhofen sagte nichts.", [("Tannhofen", "PER")])
    assert resolve(places + [person, lone]).mention_entity[("z1", 0)] == "loc/tannhofen"
    people = [article(f"q{n}", "Karl Tannhofen sprach.", [("Karl Tannhofen", "PER")]) for n in range(5)]
    assert resolve(places + people + [lone]).mention_entity[("z1", 0)] == "person/karl-tannhofen"


def test_names_ner_typed_as_people_join_their_organisation_or_place():
    org = article("a1", "Die Nordische Liga spielt.", [("Nordische Liga", "ORG")])
    per = article("b1", "Nordische Liga gewinnt.", [("Nordische Liga", "PER")])
    hugo = article("c1", "Hugo Wendelin und Hugo Wendelin.", [("Hugo Wendelin", "PER")])
    firm = article("d1", "Die Firma Hugo Wendelin.", [("Hugo Wendelin", "ORG")])
    res = resolve([org, per, hugo, firm])
    assert sorted((e.type, e.label) for e in res.entities) == [
        ("Organization", "Hugo Wendelin"), ("Organization", "Nordische Liga"), ("Person", "Hugo Wendelin")]


def test_a_surname_ner_typed_as_place_joins_its_well_known_bearer():
    people = [article(f"a{n}", "Greta Oberhuemer sprach.", [("Greta Oberhuemer", "PER")]) for n in range(2)]
    place = article("b1", "Oberhuemer sagte.", [("Oberhuemer", "LOC")])
    res = resolve(people + [place])
    assert res.mention_entity[("b1", 0)] == "person/greta-oberhuemer"
    assert len(resolve(people[:1] + [place]).entities) == 2


def test_a_person_tagged_organisation_by_a_small_minority_is_the_person():
    people = [article(f"a{n}", "Hugo Wendelin sprach.", [("Hugo Wendelin", "PER")]) for n in range(3)]
    org = article("b1", "Hugo Wendelin meldet.", [("Hugo Wendelin", "ORG")])
    assert [e.type for e in resolve(people + [org]).entities] == ["Person"]
    assert len(resolve(people[:2] + [org]).entities) == 2


def test_place_tags_never_outvote_an_outlet():
    places = [article(f"a{n}", "Im Kanal Nordfunk lief es.", [("Nordfunk", "LOC")]) for n in range(7)]
    outlet = article("b1", "Laut Nordfunk und nordfunk.at.", [("Nordfunk", "MEDIA"), ("nordfunk.at", "ORG")])
    (e,) = resolve(places + [outlet]).entities
    assert e.type == "MediaOrganization"


def test_leading_descriptor_compound_is_not_part_of_the_name():
    a = article("a1", "Basel-Legionär Marek Obermoser traf.", [("Basel-Legionär Marek Obermoser", "PER")])
    b = article("b1", "Marek Obermoser traf.", [("Marek Obermoser", "PER")])
    c = article("c1", "Hans-Peter Obermoser traf.", [("Hans-Peter Obermoser", "PER")])
    assert sorted(e.label for e in resolve([a, b, c]).entities) == ["Hans-Peter Obermoser", "Marek Obermoser"]


def test_dative_and_plural_n():
    # (a party-family name such as "Grüne" needs the same country too: test_resolve_partyctx)
    a = article("a1", "Die Blaue sagt.", [("Blaue", "ORG")])
    b = article("b1", "Bei den Blauen.", [("Blauen", "ORG")])
    c = article("c1", "In Gallen und Galle.", [("Gallen", "LOC"), ("Galle", "LOC")])
    assert len(resolve([a, b]).entities) == 1
    assert len(resolve([c]).entities) == 2  # places ending in -en are names, not datives


def test_place_whose_demonym_names_a_country_is_that_country(monkeypatch):
    import kg.extract.lexicon as lex
    from kg.resolve import places

    real = lex.country_of_demonym
    monkeypatch.setattr(lex, "country_of_demonym", lambda w: "Österreich" if w in ("Alpiner", "Alpaner") else real(w))
    monkeypatch.setattr(places, "region_names", lambda: frozenset({"alpi"}))  # Alpi is a region, Alpa is not
    a = article("a1", "Urlaub in Alpi. Urlaub in Alpi.", [("Alpi", "LOC")])
    b = article("b1", "Urlaub in Österreich. Wieder Österreich.", [("Österreich", "LOC"), ("Österreich", "LOC", {"occurrence": 2})])
    c = article("c1", "Urlaub in Alpa.", [("Alpa", "LOC")])
    res = resolve([a, b, c])
    assert sorted(e.label for e in res.entities) == ["Alpa", "Österreich"]
    assert res.mention_entity[("a1", 0)] == res.mention_entity[("b1", 0)]
