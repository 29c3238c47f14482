"""The typing rule table and the name lexicon: each new rule with an invented sentence."""
from __future__ import annotations

import pytest

from kg.nlp import extract_mentions, load_pipeline
from kg.nlp import names as lexicon
from kg.nlp.agree import STRONG
from kg.nlp.rules import RULES
from kg.nlp.rules import STRONG as STRONG_ROW
from kg.records import Document


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("de")


def mentions(nlp, text: str) -> list:
    _sents, ms = extract_mentions(nlp(text), Document("t", text, "t", "h"))
    return [m for m in ms if m.kind == "name"]


def by_text(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.rule) for m in mentions(nlp, text)}


def test_rule_table_names_are_unique_and_strength_matches_the_document_pass():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:  # kg.nlp.agree decides by name prefix which rules outvote weak context
        assert (rule.name + ":").startswith(STRONG) == (rule.strength == STRONG_ROW), rule.name
        assert rule.example and rule.label in ("PER", "ORG", "MEDIA", "LOC", "OTH", "*")


def test_every_lexicon_file_names_its_label_and_source():
    from kg.nlp.names import DATA, FILES

    for stem in FILES:
        head = (DATA / f"{stem}.txt").read_text(encoding="utf-8").splitlines()[:12]
        assert any(line.startswith("# label:") for line in head), stem
        assert any("Source:" in line for line in head), stem


def test_lexicon_outlets_parties_platforms_bodies(nlp):
    got = by_text(nlp, "Die Grünen-Politikerin Mara Weidel sagte der Süddeutschen Zeitung und dem Kurier, "
                       "die CDU und die FPÖ hätten auf Instagram geworben. Der Presserat prüft das.")
    assert got["CDU"] == ("ORG", "lexicon:parties")
    assert got["FPÖ"] == ("ORG", "lexicon:parties")
    assert got["Kurier"][0] == "MEDIA"
    assert got["Instagram"] == ("ORG", "lexicon:platforms")
    assert got["Presserat"] == ("ORG", "lexicon:bodies")


def test_multiword_lexicon_names_by_phrase_matcher(nlp):
    got = by_text(nlp, "Das berichtete die Welt am Sonntag, und in der ZiB 2 kam Rolf Brenner zu Wort.")
    assert got["Welt am Sonntag"] == ("MEDIA", "lexicon:media")
    assert got["ZiB 2"] == ("MEDIA", "lexicon:media")


def test_doubtful_lexicon_word_makes_no_name_on_its_own(nlp):
    got = by_text(nlp, "Heute regnet es, und das Bild hing schief an der Wand.")
    assert "Heute" not in got and "Bild" not in got
    assert lexicon.lookup("Heute") is not None and not lexicon.sure_name("Heute")


def test_candidate_running_into_a_lexicon_name_is_cut(nlp):
    got = by_text(nlp, "Gestern sprach Julia Brandmeier von der SPD in Kalmsdorf.")
    assert got["Julia Brandmeier"][0] == "PER"
    assert got["SPD"][0] == "ORG"


def test_compound_prefix_from_lexicon_and_acronym(nlp):
    ms = mentions(nlp, "Der SPÖ-Chef Karl Wendelin traf den EZB-Direktor Otto Brack.")
    got = {(m.text, m.label, m.rule) for m in ms}
    assert ("SPÖ", "ORG", "lexicon:compound-parties") in got
    assert ("EZB", "ORG", "lexicon:compound-bodies") in got or ("EZB", "ORG", "context:compound-acronym") in got
    spö = next(m for m in ms if m.text == "SPÖ")
    assert (spö.start, spö.end) == (4, 7)  # offsets cover the prefix only


def test_acronym_prefix_before_role_noun(nlp):
    got = {(m.text, m.label, m.rule) for m in mentions(nlp, "Der XKV-Sprecher Jan Holder widersprach.")}
    assert ("XKV", "ORG", "context:compound-acronym") in got


def test_ministry_and_compass_place_and_place_on_a_lake(nlp):
    got = by_text(nlp, "Das Verkehrsministerium prüft einen Fall aus der Oststeiermark und aus Kalmsdorf am See.")
    assert got["Verkehrsministerium"] == ("ORG", "pattern:ministry")
    assert got["Oststeiermark"] == ("LOC", "pattern:compass-place")
    assert got["Kalmsdorf am See"] == ("LOC", "pattern:place-on")


def test_subsidiary_after_hyphen_compound(nlp):
    got = by_text(nlp, "Die Konzern-Tochter Flinkair streicht Flüge.")
    assert got["Flinkair"] == ("ORG", "context:subsidiary")


def test_first_name_after_role_noun_even_if_a_common_word(nlp):
    got = by_text(nlp, "Bekannt ist das. Der Firmen-Chef Mark Brettschneider sagte nichts.")
    assert got.get("Mark Brettschneider", ("",))[0] == "PER"


def test_arabic_name_particles(nlp):
    got = by_text(nlp, "Gestern traf Omar al-Haddadi den Minister.")
    assert got.get("Omar al-Haddadi", ("",))[0] == "PER"


def test_body_named_by_its_seat_and_seat_inside_a_body_name(nlp):
    ms = mentions(nlp, "Die Staatsanwaltschaft Kassel ermittelt, sagte Amnesty International Österreich.")
    got = {(m.text, m.label) for m in ms}
    assert ("Staatsanwaltschaft Kassel", "ORG") in got and ("Kassel", "LOC") in got
    assert ("Amnesty International Österreich", "ORG") in got and ("Österreich", "LOC") in got


def test_web_nouns_are_not_names(nlp):
    got = by_text(nlp, "Die Beschwerden kamen über Tweets und Postings herein.")
    assert "Tweets" not in got and "Postings" not in got


def test_right_apposition_does_not_retype_a_full_person_name(nlp):
    got = by_text(nlp, "Das sei falsch, sagte die Chefin des Verbands, Renate Kolbeck, dem Sender Radio Quax.")
    assert got["Renate Kolbeck"][0] == "PER"


def test_abbreviation_and_roman_numeral_in_tokenized_text_are_not_names(nlp):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words="Die Kapelle St . Ulrich entstand 300 v. Chr . , siehe Teil II .".split())
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    got = {e.text: (e.label_, e._.kg_rule) for e in doc.ents}
    assert got.get("St") == ("OTH", "weak:abbreviation")
    assert got.get("Chr") == ("OTH", "weak:abbreviation")
    assert got.get("II", ("OTH", ""))[0] == "OTH"


def test_city_named_alone_in_a_match_report_is_its_club(nlp):
    ms = [(m.text, m.label, m.rule) for m in mentions(nlp, "Die Elf verlor am Samstag mit 1:2 gegen Bordeaux. "
                                                       "Danach fuhr der Trainer nach Bordeaux.")]
    assert ("Bordeaux", "ORG", "context:sport-club") in ms and ("Bordeaux", "LOC", "gazetteer:place") in ms
    assert by_text(nlp, "Punkte hinter Tabellenführer Marseille liegt die Mannschaft.")["Marseille"][0] == "ORG"
    assert by_text(nlp, "Er kam gegen 16:00 Uhr in Marseille an.")["Marseille"][0] == "LOC"  # a time, no score
    assert by_text(nlp, "Der Zug nach Marseille fuhr gegen Mittag ab.")["Marseille"][0] == "LOC"


def test_surname_that_is_also_a_town_follows_the_full_name(nlp):
    ents = [(e.text, e.label_, e._.kg_rule) for e in nlp("Der Fotograf Klaus Weimar stellt aus. Weimar zeigte Bilder. "
                                                          "Er wohnt in Weimar.").ents]
    assert ("Weimar", "PER", "doc:surname") in ents and ("Weimar", "LOC", "gazetteer:place") in ents


def test_place_in_brackets_after_a_club_is_no_abbreviation(nlp):
    got = by_text(nlp, "Er spielte beim FC Sparta Praha (Prag) und kehrte dann zurück.")
    assert got["Prag"][0] == "LOC"


def test_apostrophe_inside_a_name_keeps_the_name_whole(nlp):
    got = by_text(nlp, "laut der Zeitung Sada‘at al-Khalij hat das Ministerium reagiert")
    assert "Sada‘at al-Khalij" in got and got["Sada‘at al-Khalij"][0] == "MEDIA"


def test_small_home_town_with_a_place_ending_and_multiword_place(nlp):
    assert by_text(nlp, "Treuchtlingen – Der Gemeinderat tagte am Montag.")["Treuchtlingen"][0] == "LOC"
    assert by_text(nlp, "Er arbeitet jetzt in Wiener Neustadt.")["Wiener Neustadt"][0] == "LOC"
    assert by_text(nlp, "Fans aus Polen und der Elfenbeinküste kamen.")["Elfenbeinküste"][0] == "LOC"


def test_list_ended_by_und_does_not_type_the_apposition_after_it(nlp):
    got = by_text(nlp, "Seine Kollegen aus Spanien und Großbritannien, Lucía Ferrandiz und Tom Hartley, kamen.")
    assert got["Lucía Ferrandiz"][0] != "LOC"


def test_outlet_named_by_a_place_or_common_word_after_a_press_noun_or_laut(nlp):
    assert by_text(nlp, "Die Tageszeitung Schweden hat verloren.")["Schweden"][0] == "MEDIA"
    assert by_text(nlp, "Das Foto erschien laut 'Heute' am Freitag.")["Heute"][0] == "MEDIA"
    assert "Heute" not in by_text(nlp, "Heute kam er nach Schweden.")
    assert by_text(nlp, "Heute kam er nach Schweden.")["Schweden"][0] == "LOC"


def test_landscape_regions_are_places(nlp):
    got = by_text(nlp, "Er stammte aus Mähren und lebte später im Sauerland.")
    assert got["Mähren"][0] == "LOC" and got["Sauerland"][0] == "LOC"


def test_role_noun_that_is_also_a_surname_after_an_article_is_the_common_noun(nlp):
    ents = [(e.text, e.label_) for e in nlp("Der Vorsitzende Richter sei krank, sagte ein Richter am Montag.").ents]
    assert ("Richter", "PER") not in ents


def test_business_word_ends_a_firm_not_a_person(nlp):
    assert by_text(nlp, "Der Chef von Hubert Kalmer Media kam.")["Hubert Kalmer Media"][0] in ("ORG", "MEDIA")


def test_foreign_first_name_after_a_title_stays_in_the_name(nlp):
    assert "Radoš Kvapil" in by_text(nlp, "Dort sprach der tschechische Präsident Radoš Kvapil vor Anhängern.")


def test_club_abbreviation_alone_is_a_club_and_airport_codes_are_no_places(nlp):
    from kg.nlp import gazetteer as gz

    assert by_text(nlp, "Der TSV kam im Anschluss zu Chancen.")["TSV"][0] == "ORG"
    assert "NCE" not in gz.places() and "Nizza" in gz.places()


def test_kind_of_site_after_an_adjective_or_indefinite_article_is_no_place(nlp):
    got = by_text(nlp, "Sie belegen nur den vorletzten Tabellenplatz und suchen einen Trainingsplatz.")
    assert got.get("Tabellenplatz", ("OTH",))[0] == "OTH" and got.get("Trainingsplatz", ("OTH",))[0] == "OTH"


def test_word_plus_city_in_a_sports_sentence_is_a_club_but_a_first_name_plus_city_is_not(nlp):
    assert by_text(nlp, "Er wechselte in der Saison zu Dinamo Kaunas und schoss ein Tor.")["Dinamo Kaunas"][0] == "ORG"
    assert by_text(nlp, "Der Stürmer Jonas Soriano schoss ein Tor.").get("Jonas Soriano", ("PER",))[0] == "PER"
