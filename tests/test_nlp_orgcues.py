"""Organisation cues added for GermEval recall (invented sentences and names)."""
from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("de")


def ents(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_share_price_moves_make_a_company(nlp):
    got = ents(nlp, "An der Börse gaben Kralomix 1,6 Prozent nach, Zentaro legten um 2 % zu. Zuletzt verloren Quvirex 3 Prozent.")
    assert got.get("Kralomix") == "ORG"
    assert got.get("Zentaro") == "ORG"
    assert got.get("Quvirex") == "ORG"


def test_share_price_needs_a_number(nlp):
    got = ents(nlp, "Danach gaben Kralomix und Zentaro ihre Stimme ab.")
    assert got.get("Kralomix") != "ORG"


def test_org_noun_with_short_modifier_and_bracket_abbreviation(nlp):
    got = ents(nlp, "Die staatliche Ölgesellschaft Petravia meldete Verluste. "
                    "Die Atomagentur ( Zormatek ) widersprach.")
    assert got.get("Petravia") == "ORG"
    assert got.get("Zormatek") == "ORG"


def test_abbreviation_after_an_organisation_name_takes_its_type(nlp):
    got = ents(nlp, "Das Bundesamt für Wasserwirtschaft ( BAW ) warnte am Montag.")
    assert got.get("Bundesamt für Wasserwirtschaft") == "ORG"
    assert got.get("BAW") == "ORG"


def test_lone_unknown_word_after_article_is_not_an_organisation(nlp):
    got = ents(nlp, "Der Brommelstrauch wuchs im Garten.")
    assert got.get("Brommelstrauch") not in ("ORG", "LOC", "PER")


def test_club_prefix_before_a_city_is_one_organisation(nlp):
    got = ents(nlp, "Der Stürmer fehlt dem FC Lindenbrück im Finale. Die Studie der TU Kalmsdorf ist fertig.")
    assert got.get("FC Lindenbrück") == "ORG"
    assert got.get("TU Kalmsdorf") == "ORG"


def test_place_named_by_its_river(nlp):
    got = ents(nlp, "Er lebte lange in Offenbach am Main .")
    assert got.get("Offenbach am Main") == "LOC"


def test_compound_noun_after_place_preposition_is_not_a_place(nlp):
    got = ents(nlp, "Aus Eifersucht fuhr er nach Kalmsdorf .")
    assert "Eifersucht" not in got or got["Eifersucht"] == "OTH"
    assert got.get("Kalmsdorf") == "LOC"


def test_common_word_that_is_also_a_place_needs_a_place_cue(nlp):
    assert ents(nlp, "Auf dieser Basis wurde geplant.").get("Basis") in (None, "OTH")
    assert ents(nlp, "Die Waren kamen aus Polen.").get("Waren") in (None, "OTH")


def test_institution_word_before_a_city(nlp):
    assert ents(nlp, "Sie lehrte an der Universität Offenbach .").get("Universität Offenbach") == "ORG"
    assert ents(nlp, "Das Amtsgericht Offenbach urteilte am Montag .").get("Offenbach") == "LOC"


def test_one_word_federal_bodies(nlp):
    got = ents(nlp, "Der Bundesrat und das Umweltbundesamt widersprachen. Sie lebt in einem Bundesland im Süden.")
    assert got.get("Bundesrat") == "ORG"
    assert got.get("Umweltbundesamt") == "ORG"
    assert "Bundesland" not in got


def test_district_of_a_known_place(nlp):
    assert ents(nlp, "Er baute in Offenbach-Bieberhausen eine Halle .").get("Offenbach-Bieberhausen") == "LOC"
    assert "Offenbach-Besuch" not in ents(nlp, "Der Offenbach-Besuch war kurz .")


def test_place_adjective_before_an_institution_compound(nlp):
    got = ents(nlp, "Sie ist Rechtsexpertin beim Offenbacher Mieterverein . Ein Offenbacher Versandhändler schloss .")
    assert got.get("Offenbacher Mieterverein") == "ORG"
    assert got.get("Offenbacher Versandhändler") != "ORG"


def test_english_institution_words_beat_first_names(nlp):
    got = ents(nlp, "Sie spielte am Thomas Brandler Theatre in London .")
    assert got.get("Thomas Brandler Theatre") == "ORG"


def test_state_office_is_not_a_body_and_stein_towns_stay_places(nlp):
    assert ents(nlp, "Der Landesrat Kurt Obermoser sprach .").get("Landesrat") is None
    from kg.nlp.cues import analysed_noun as _analysed_noun

    assert _analysed_noun("Eifersucht") and not _analysed_noun("Kalmstein")
