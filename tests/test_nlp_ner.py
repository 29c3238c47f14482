"""Typed name recognition, one test per rule family (invented sentences and names)."""
from __future__ import annotations

import pytest

from kg.nlp import extract_mentions, load_pipeline
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("de")


def names(nlp, text: str) -> dict[str, str]:
    """name text -> label for kind="name" mentions."""
    doc = nlp(text)
    _sents, mentions = extract_mentions(doc, Document("t", text, "t", "h"))
    return {m.text: m.label for m in mentions if m.kind == "name"}


def test_apposition_org_and_media(nlp):
    got = names(nlp, "Das Unternehmen Kramwerk Solutions hat Verluste gemacht. "
                     "Sie sprach mit dem IT-Portal Netzkiste darüber.")
    assert got["Kramwerk Solutions"] == "ORG"
    assert got["Netzkiste"] == "MEDIA"


def test_title_binds_to_person(nlp):
    text = "Die Bundesministerin Jolanda Pfeiffenberg besuchte die Messe."
    doc = nlp(text)
    _s, mentions = extract_mentions(doc, Document("t", text, "t", "h"))
    person = next(m for m in mentions if m.text == "Jolanda Pfeiffenberg")
    assert person.label == "PER"
    assert person.title == "Bundesministerin"
    assert text[person.start:person.end] == "Jolanda Pfeiffenberg"


def test_company_suffix_and_domain(nlp):
    got = names(nlp, "Laut wetterblick-nachrichten.de will die Brotmann GmbH verkaufen.")
    assert got["wetterblick-nachrichten.de"] == "MEDIA"
    assert got["Brotmann GmbH"] == "ORG"


def test_outlet_prefix_of_reporter_compound(nlp):
    got = names(nlp, "Der Zeitungsrapport-Reporter Henrik Solvang fragte nach.")
    assert got["Zeitungsrapport"] == "MEDIA"
    assert got["Henrik Solvang"] == "PER"


def test_outlet_named_once_is_outlet_everywhere_incl_lowercase_and_domain(nlp):
    got = names(nlp, "Das Nachrichtenportal Klickfunk berichtete zuerst. Später schrieb Klickfunk mehr. "
                     "Auf klickfunk.com steht es, und auch klickfunk meldet es.")
    assert got["Klickfunk"] == "MEDIA"
    assert got["klickfunk.com"] == "MEDIA"
    assert got["klickfunk"] == "MEDIA"


def test_places_from_gazetteers_incl_genitive(nlp):
    got = names(nlp, "Die Reise ging von Regensburg nach Frankreich und zurück in die Hauptstadt Kanadas.")
    assert got["Regensburg"] == "LOC"
    assert got["Frankreich"] == "LOC"
    assert got["Kanadas"] == "LOC"


def test_first_name_makes_person(nlp):
    got = names(nlp, "Gestern traf Lotte Wimmelbach ihre Nachbarn.")
    assert got["Lotte Wimmelbach"] == "PER"


def test_camelcase_is_organisation(nlp):
    got = names(nlp, "Die App stammt von FotoKiste aus Bremen.")
    assert got["FotoKiste"] == "ORG"


def test_employer_compound_makes_organisation(nlp):
    got = names(nlp, "Ein Grellox-Mitarbeiter hat gekündigt. Grellox äußerte sich nicht.")
    assert got["Grellox"] == "ORG"


def test_coordination_shares_type(nlp):
    got = names(nlp, "Die Reise führte nach Gudmelund und Passau.")
    assert got["Gudmelund"] == "LOC"


def test_agency_byline(nlp):
    got = names(nlp, "Der Zug fuhr los.\n\nsid\n")
    assert got["sid"] == "MEDIA"


def test_lower_case_initials_in_a_credit_are_no_agency(nlp):
    got = names(nlp, "Der Zug fuhr los. (xyz, 3.2.2016)")
    assert "xyz" not in got


def test_common_words_and_month_names_are_not_names(nlp):
    got = names(nlp, "Im Sommer war das Ende der Welt im November NIEMALS nah.")
    assert not set(got) & {"Sommer", "Ende", "Welt", "November", "NIEMALS"}


def test_entities_are_on_doc_ents_with_rule(nlp):
    doc = nlp("Die Bundesministerin Jolanda Pfeiffenberg reiste nach Regensburg.")
    labels = {e.text: (e.label_, e._.kg_rule) for e in doc.ents}
    assert labels["Jolanda Pfeiffenberg"][0] == "PER"
    assert labels["Regensburg"][0] == "LOC"
    assert all(rule for _label, rule in labels.values())


def test_name_particles_glue_only_inside_person_names(nlp):
    got = names(nlp, "Die Kommissarin Hedwig von der Brelle traf Paolo della Venti. "
                     "Der Bischof von Regensburg kam auch.")
    assert got["Hedwig von der Brelle"] == "PER"
    assert got["Paolo della Venti"] == "PER"
    assert got["Regensburg"] == "LOC"


def test_institution_names_with_fuer(nlp):
    got = names(nlp, "Das Landesamt für Bienenkunde warnt. Sie arbeitet im Sächsischen Staatsministerium für "
                     "Wald und Wiesen.")
    assert got["Landesamt für Bienenkunde"] == "ORG"
    assert got["Sächsischen Staatsministerium für Wald und Wiesen"] == "ORG"


def test_place_prefixes_and_plural_place_cues(nlp):
    got = names(nlp, "Sie zog nach Bad Quellbrunn. Zur Gemeinde gehören die Dörfer Kelmbach, Ostrulla und Vennhof.")
    assert got["Bad Quellbrunn"] == "LOC"
    assert got["Kelmbach"] == "LOC" and got["Ostrulla"] == "LOC" and got["Vennhof"] == "LOC"


def test_streets_and_federal_institutions(nlp):
    got = names(nlp, "Die Wache liegt an der Quendelstraße. Der Chef der Bundesfeldhamsterkammer kam.")
    assert got["Quendelstraße"] == "LOC"
    assert got["Bundesfeldhamsterkammer"] == "ORG"


def test_one_word_line_is_a_heading_not_a_person(nlp):
    heading = names(nlp, "Die Sendung vom Montag.\n\nZwoxel\n\nDer Minister Karl Brenner sagte, alles sei gut.\n")
    assert heading.get("Zwoxel") != "PER" and heading["Karl Brenner"] == "PER"
    in_text = names(nlp, "Am Abend kam Zwoxel nach Hause und schlief.\nDann ging er.")
    assert in_text["Zwoxel"] == "PER"  # the same unknown word inside a sentence keeps the default
