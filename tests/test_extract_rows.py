"""Every row of the employedBy, nationality and locatedIn tables on an invented German sentence.

Each case names the row it is for; the last test checks that every row of the
three tables has a case here, so a new row comes with its sentence.
"""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract import extract_article
from kg.extract.patterns.employment_table import ROWS as EMPLOYMENT
from kg.extract.patterns.nationality_table import ROWS as NATIONALITY
from kg.extract.patterns.places_table import ROWS as PLACES

NAMES = {"Jonas Albrecht": "PER", "Albrecht": "PER", "Jana Beispiel": "PER", "Datenwerk": "ORG",
         "Kleinfeld AG": "ORG", "Netzblick": "MEDIA", "Linz": "LOC", "Nordheim": "LOC", "Deutschland": "LOC",
         "Mia Roth": "PER", "Radio Nordlicht": "MEDIA", "US": "LOC"}
COREF = {"Albrecht": "Jonas Albrecht", "er": "Jonas Albrecht", "Er": "Jonas Albrecht"}

# (row, text, extra names, expected (subject, object) found by that row)
CASES = [
    ("employedBy.for-org-works/1", "Jonas Albrecht war für das Unternehmen Kleinfeld AG als Berater in Linz tätig.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.for-company-works/1", "Jonas Albrecht war lange für die Firma Nordwerk Logistik tätig.", {},
     ("Jonas Albrecht", "Nordwerk Logistik")),
    ("employedBy.worked-for/1", "Jonas Albrecht arbeitete zwei Jahre lang für die Kleinfeld AG.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.via-agency/1", "Jonas Albrecht hat über die Agentur Kleinfeld AG bei Datenwerk gearbeitet.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.worked-via-agency/1", "Jonas Albrecht arbeitete damals über eine Zeitarbeitsfirma Kleinfeld AG.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.at-org-was/1", "Nachdem er eine Weile bei Datenwerk war, zog Jonas Albrecht nach Linz.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.worked-at/1", "Jonas Albrecht arbeitete zuletzt bei Datenwerk.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.moved-to/1", "Im Mai wechselte Jonas Albrecht zu Datenwerk in den Vertrieb.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.moved-to-pronoun/1", "Jonas Albrecht lernte viel und wechselte dann zu Datenwerk.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.site/1", "Jonas Albrecht hat in der Datenwerk-Zentrale gearbeitet.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.credit-line/1", "Ein Gespräch über Netze.\nJana Beispiel, Netzblick", {}, ("Jana Beispiel", "Netzblick")),
    ("employedBy.role-compound/1", "Gestern sagte Datenwerk-Chefin Jana Beispiel, alles laufe gut.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.role-compound/1", "Das bestätigte NWB-Sprecher Jonas Albrecht am Montag.", {},
     ("Jonas Albrecht", "NWB")),
    ("employedBy.genitive-org-role/1", "Das sagte Datenwerks Chefin Jana Beispiel.", {},
     ("Jana Beispiel", "Datenwerks")),  # the mention keeps its genitive; resolution strips it
    ("employedBy.role-compound-anaphor/1", "Jonas Albrecht traf zweimal. Der frühere Datenwerk-Stürmer jubelte.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.party-in-parens/1", "Das kritisierte Jonas Albrecht (NWP) im Landtag.", {"NWP": "ORG"},
     ("Jonas Albrecht", "NWP")),
    ("employedBy.role-compound-after/1", "Jana Beispiel, stellvertretende Datenwerk-Chefin, lehnte ab.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.org-noun-compound/1", "Das sagte Verkehrsministeriumssprecher Jonas Albrecht am Abend.", {},
     ("Jonas Albrecht", "Verkehrsministerium")),
    ("employedBy.generic-compound/1", "Datenwerk wächst. Datenwerk baut aus. Datenwerk stellt ein. "
     "Das schrieb Konzernchef Jana Beispiel.", {}, ("Jana Beispiel", "Datenwerk")),
    ("employedBy.appos-before-compound/1", "Der Chef der konservativen NWB-Fraktion im Landtag, Jonas Albrecht, "
     "warnte.", {}, ("Jonas Albrecht", "NWB")),
    ("employedBy.appos-after/1", "Jana Beispiel, Geschäftsführerin des Vereins Datenwerk, sagte das.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.appos-after-noun/1", "Jana Beispiel, Vizepräsidentin der Anwaltsvereinigung, sagte das.", {},
     ("Jana Beispiel", "Anwaltsvereinigung")),
    ("employedBy.appos-before/1", "Der Geschäftsführer des Vereins Datenwerk, Jonas Albrecht, sagte das.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.appos-before-noun/1", "Die Präsidentin der Anwaltsvereinigung, Jana Beispiel, sagte das.", {},
     ("Jana Beispiel", "Anwaltsvereinigung")),
    ("employedBy.appos-before-acronym/1", "Der Präsident des Deutschen Musterbundes (DMB), Jonas Albrecht, sagte das.",
     {"DMB": "ORG"}, ("Jonas Albrecht", "DMB")),
    ("employedBy.role-of-org-name/1", "Damit rechnet der Präsident von Datenwerk Jonas Albrecht.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.for-org-role/1", "Für Datenwerk reagierte am Sonntag Vizepräsidentin Jana Beispiel.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.is-role-of/1", "Jonas Albrecht ist bisher Chefredakteur der Zeitschrift Netzblick.", {},
     ("Jonas Albrecht", "Netzblick")),
    ("employedBy.as-role-of/1", "Jonas Albrecht kam 2019 als Support-Mitarbeiter zu Datenwerk und blieb als Sprecher von Datenwerk.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.of-org-noun/1", "Jana Beispiel von der Hilfsorganisation Datenwerk sagte das.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.of-org-named/1", "Das sagte Jana Beispiel von der Europäischen Musteragentur EMA.",
     {"Europäischen Musteragentur EMA": "PER"}, ("Jana Beispiel", "EMA")),
    ("employedBy.works-in/1", "Jonas Albrecht, der 30 Jahre lang in der Kleinfeld AG tätig war, geht.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("nationality.demonym-name/1", "Das sagt der Kanadier Jonas Albrecht.", {}, ("Jonas Albrecht", "Kanada")),
    ("nationality.name-demonym/1", "Jonas Albrecht, ein Deutscher mit türkischen Wurzeln, schweigt.", {},
     ("Jonas Albrecht", "Deutschland")),
    ("nationality.adjective-noun-name/1", "Das meint der kanadische Philosoph und Soziologe Jonas Albrecht.", {},
     ("Jonas Albrecht", "Kanada")),
    ("nationality.country-compound/1", "Die US-Journalistin Jana Beispiel wurde festgenommen.", {},
     ("Jana Beispiel", "US")),
    ("nationality.passport/1", "Jonas Albrecht hat einen deutschen Pass.", {}, ("Jonas Albrecht", "Deutschland")),
    ("nationality.as-demonym/1", "Jonas Albrecht lebt dort. Als Deutscher ist er in die USA gegangen.", {},
     ("Jonas Albrecht", "Deutschland")),
    ("nationality.demonym-subject/1", "Jonas Albrecht lebt in Linz. Der Deutsche will nun Ruhe.", {},
     ("Jonas Albrecht", "Deutschland")),
    ("nationality.demonym-subject-female/1", "Mia Roth gewann in Linz. Die Österreicherin jubelte.", {},
     ("Mia Roth", "Österreich")),
    ("nationality.national-player/1", "Jonas Albrecht, der Nationalspieler der Elfenbeinküste, fehlt.",
     {"Elfenbeinküste": "LOC"}, ("Jonas Albrecht", "Elfenbeinküste")),
    ("nationality.homeland/1", "Jonas Albrecht kehrte in seine Heimat Deutschland zurück.", {},
     ("Jonas Albrecht", "Deutschland")),
    ("employedBy.role-at-org/1", "Jonas Albrecht, 1950 in Linz geboren, ist emeritierter Professor für Physik "
     "an der Universität Nordheim.", {"Universität Nordheim": "ORG"}, ("Jonas Albrecht", "Universität Nordheim")),
    ("employedBy.title-institution/1", "Die Staatsanwaltschaft Linz ermittelt. Das werde dauern, sagte Staatsanwalt "
     "Jonas Albrecht.", {"Staatsanwaltschaft Linz": "ORG"}, ("Jonas Albrecht", "Staatsanwaltschaft Linz")),
    ("employedBy.led-outlet/1", "Das Magazin Netzblick wurde 1993 gegründet. Zunächst leitete Jonas Albrecht das Blatt.",
     {}, ("Jonas Albrecht", "Netzblick")),
    ("employedBy.role-compound-anaphor-object/1", "Jonas Albrecht hatte einen guten Tag. Zunächst erzielte der "
     "Datenwerk-Stürmer das 1:0.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.and-role-of/1", "Jonas Albrecht, Berater des Vorstands und Chefredakteur der Zeitung Netzblick, "
     "schwieg.", {}, ("Jonas Albrecht", "Netzblick")),
    ("employedBy.appos-after-and-org/1", "Das sei Unsinn, sagt Jonas Albrecht, Sprecher von Polizei und Datenwerk.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.editor-of-outlet/1", "Das Magazin Netzblick verliert Leser. Seit dem Abgang von "
     "Gründungschefredakteur Jonas Albrecht sinkt die Auflage.", {}, ("Jonas Albrecht", "Netzblick")),
    ("employedBy.became-editor/1", "Das Magazin Netzblick hat Probleme. Jonas Albrecht wurde alleiniger Chefredakteur.",
     {}, ("Jonas Albrecht", "Netzblick")),
    ("employedBy.in-editorial/1", "Das Magazin Netzblick hat Probleme. Jonas Albrecht bleibe in der Chefredaktion.", {},
     ("Jonas Albrecht", "Netzblick")),
    ("employedBy.of-org-noun-raw/1", "Jana Beispiel von der Hilfsorganisation Doctors for Nordland sagte das.", {},
     ("Jana Beispiel", "Doctors for Nordland")),
    ("employedBy.as-role-for-raw/1", "Jonas Albrecht arbeitete als Manager für die Nordlicht Boys und mit anderen.", {},
     ("Jonas Albrecht", "Nordlicht Boys")),
    ("employedBy.at-the-head-of/1", "Jonas Albrecht hatte selbst an der Spitze der Software-Firma Datenwerk gestanden.",
     {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.listed-in-squad/1", "Mit Jonas Albrecht und Mia Roth stehen zwei Profis im Kader von Datenwerk.", {},
     ("Mia Roth", "Datenwerk")),
    ("employedBy.listed-compound/1", "Mit Jonas Albrecht, Jana Beispiel und Mia Roth stehen drei frühere "
     "Datenwerk-Profis im Kader.", {}, ("Jana Beispiel", "Datenwerk")),
    ("locatedIn.seat/1", "Die Kleinfeld AG mit Sitz in Linz wächst.", {}, ("Kleinfeld AG", "Linz")),
    ("locatedIn.based-in/1", "Die in Linz ansässige Firma Kleinfeld AG wächst.", {}, ("Kleinfeld AG", "Linz")),
    ("locatedIn.org-based-in/1", "Die Kleinfeld AG ist seit Jahren in Linz ansässig.", {}, ("Kleinfeld AG", "Linz")),
    ("locatedIn.from/1", "Die Kleinfeld AG aus Linz meldet Gewinne.", {}, ("Kleinfeld AG", "Linz")),
    ("locatedIn.institution-in/1", "Sie studierte an der Universität Nordheim in Linz.", {"Universität Nordheim": "ORG"},
     ("Universität Nordheim", "Linz")),
    ("locatedIn.institution-noun-in/1", "Er lehrt am Institut Datenwerk in Linz.", {}, ("Datenwerk", "Linz")),
    ("locatedIn.country-adjective/1", "Das berichtet die kanadische Zeitung Netzblick.", {}, ("Netzblick", "Kanada")),
    ("locatedIn.country-adjective-noun/1", "Das teilte der griechische Bankenverband mit.", {},
     ("Bankenverband", "Griechenland")),
    ("locatedIn.city-adjective/1", "Sie unterschrieb beim unabhängigen Grazer Label Nord Records.",
     {"Nord Records": "ORG"}, ("Nord Records", "Graz")),
    ("locatedIn.city-adjective-institution/1", "Er forscht am Grazer Institut für Sprachen.",
     {"Institut für Sprachen": "ORG"}, ("Institut für Sprachen", "Graz")),
    ("locatedIn.country-adjective-compound/1", "Die Websites des japanischen Datenwerk-Konzerns fielen aus.", {},
     ("Datenwerk", "Japan")),
    ("nationality.country-code/1", "1. Jonas Albrecht (GER) 1:04,3 Minuten", {"GER": "ORG"},
     ("Jonas Albrecht", "Deutschland")),
    ("employedBy.role-compound-and-role/1", "Das deponierte NWB-Chef und Verkehrsminister Jonas Albrecht im Radio.",
     {"NWB": "ORG"}, ("Jonas Albrecht", "NWB")),
    ("locatedIn.country-compound-org/1", "Das bestätigte der US-Konzern Kleinfeld AG am Montag.", {},
     ("Kleinfeld AG", "US")),
    ("employedBy.role-compound-office/1", "Das sagte Datenwerk-CEO Jonas Albrecht am Montag.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.role-compound-office/1", "Das kündigte NWB-Kommissarin Jana Beispiel an.", {"NWB": "ORG"},
     ("Jana Beispiel", "NWB")),
    ("employedBy.of-org/1", "Das kritisierte Jana Beispiel von der Kleinfeld AG, die dort seit Jahren arbeitet.", {},
     ("Jana Beispiel", "Kleinfeld AG")),
    ("nationality.adjective-role-subject/1", "Jonas Albrecht trainiert nun als Kleinfelds Co-Trainer. "
     "Der kanadische Ex-Teamspieler wird am Dienstag beginnen.", {"Kleinfelds": "PER"}, ("Jonas Albrecht", "Kanada")),
    ("locatedIn.country-adjective-company/1", "Datenwerk baut ab. Datenwerk schließt zwei Werke in Linz. Datenwerk "
     "will sparen. Wie der japanische Konzern mitteilte, fallen 300 Stellen weg.", {}, ("Datenwerk", "Japan")),
    ("employedBy.club-role-anaphor/1", "Jonas Albrecht fehlte am Sonntag. Der Verteidiger von Datenwerk hatte sich "
     "verletzt.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.speech-role-compound/1", "Jonas Albrecht kennt den Markt. Die Preise steigen. Das wird teuer, sagte "
     "der Datenwerk-Manager der Zeitung.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.speech-role-compound/1", "Jana Beispiel sprach lange. Wir bleiben ruhig. Der Plan steht, so die "
     "NWB-Vorsitzende.", {"NWB": "ORG"}, ("Jana Beispiel", "NWB")),
    ("employedBy.speech-role-of/1", "Jonas Albrecht wirkte ruhig. Das sei falsch, sagte der Innenpolitik-Chef der "
     "Zeitung Netzblick.", {}, ("Jonas Albrecht", "Netzblick")),
    ("employedBy.plays-for/1", "Jonas Albrecht spielt seit 2014 für Datenwerk.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.plays-for/1", "Jana Beispiel traf. Sie spielte zuvor drei Jahre für die Kleinfeld AG.",
     {"Sie": "PER"}, ("Jana Beispiel", "Kleinfeld AG")),
    ("employedBy.under-contract/1", "Jonas Albrecht steht noch bis 2020 bei Datenwerk unter Vertrag.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.contract-at/1", "Jonas Albrecht hat seinen Vertrag bei Datenwerk vorzeitig verlängert.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.own-club/1", "Vorher betreute Jonas Albrecht die Jugend bei seinem Stammclub Datenwerk.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.own-club/1", "Am Sonntag trifft Jana Beispiel auf ihren Ex-Klub Datenwerk.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.coached-named/1", "Zuvor trainierte Jonas Albrecht drei Jahre lang den Nordclub Datenwerk.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.coached/1", "Jonas Albrecht ist streng. Er coachte danach die Kleinfeld AG.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.place-club-role/1", "Der SC Nordheim verliert. Nordheims Präsident Jonas Albrecht tobt.",
     {"SC Nordheim": "ORG", "Nordheims": "LOC"}, ("Jonas Albrecht", "SC Nordheim")),
    ("employedBy.appos-after-role-compound/1", "Jana Beispiel, Sprecherin des Datenwerk-Chefs, bestätigte das.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.moving-to-participle/1", "Mia Roth folgt dem als Sportchef zu Datenwerk wechselnden Jonas Albrecht nach.",
     {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.leads-org-named/1", "Seit 2010 leitet Jonas Albrecht die Kleinfeld AG.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.leads-org/1", "Jonas Albrecht leitet seit 2010 das Institut Datenwerk in Linz.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.appos-after-indefinite/1", "Jonas Albrecht, ein langjähriger Mitarbeiter der Kleinfeld AG, schwieg.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.as-role-for-group/1", "Jonas Albrecht arbeitete als Manager für die Nordlicht Boys.",
     {"Nordlicht Boys": "PER"}, ("Jonas Albrecht", "Nordlicht Boys")),
    ("employedBy.place-club-compound/1", "Der SC Nordheim gewinnt. Nordheim-Trainer Jonas Albrecht jubelt.",
     {"SC Nordheim": "ORG", "Nordheim": "LOC"}, ("Jonas Albrecht", "SC Nordheim")),
    ("employedBy.post-at/1", "Jonas Albrecht übernahm 2013 das Traineramt beim FC Datenwerk.", {"FC Datenwerk": "ORG"},
     ("Jonas Albrecht", "FC Datenwerk")),
    ("employedBy.appos-after/1", "Jana Beispiel, seit 2017 Geschäftsführerin der Kleinfeld AG, sagte das.", {},
     ("Jana Beispiel", "Kleinfeld AG")),
    ("employedBy.moved-to/1", "Im Sommer wechselt Jonas Albrecht zu Datenwerk.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.role-compound-ex/1", "Das kritisierte Ex-NWP-Chef Jonas Albrecht scharf.", {"NWP": "ORG"},
     ("Jonas Albrecht", "NWP")),
    ("employedBy.board-seat/1", "Jonas Albrecht sitzt seit 2010 im Aufsichtsrat der Kleinfeld AG.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.in-charge-at/1", "Jonas Albrecht ist bei der Kleinfeld AG für den Vertrieb zuständig.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.in-charge-at/1", "Das sagte der bei Datenwerk für den Vertrieb zuständige Manager Jonas Albrecht.", {},
     ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.joined/1", "Jonas Albrecht heuerte 2012 bei Datenwerk an.", {}, ("Jonas Albrecht", "Datenwerk")),
    ("employedBy.role-of-org-is-name/1", "Neuer Chef der Kleinfeld AG wird Jonas Albrecht.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
    ("employedBy.role-of-org-is-name/1", "Zur Präsidentin von Datenwerk wurde am Montag Jana Beispiel gewählt.", {},
     ("Jana Beispiel", "Datenwerk")),
    ("employedBy.leads-org-relative/1", "Jonas Albrecht, der die Kleinfeld AG seit 2010 leitet, sagte das.", {},
     ("Jonas Albrecht", "Kleinfeld AG")),
]


def _found(text: str, names: dict | None = None) -> set[tuple[str, str, str]]:
    doc, sents, ments = article(text, {**NAMES, "er": "PER", "Er": "PER", **names}, corefs=COREF)
    a = extract_article(None, doc, sents, ments)
    return {(r.evidence.extractor, a.mentions[r.subject].text, a.mentions[r.object].text) for r in a.relations
            if r.object is not None}


@pytest.mark.parametrize(("row", "text", "names", "expected"), CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(CASES)])
def test_row_finds_its_construction(row: str, text: str, names: dict, expected: tuple[str, str]) -> None:
    assert (row, *expected) in _found(text, names)


@pytest.mark.parametrize("text", [
    "Jonas Albrecht hat nie für Datenwerk gearbeitet.",                      # negated
    "Jonas Albrecht traf den Datenwerk-Chef in Linz.",                        # role compound without a name after
    "Die Deutschen wählen am Sonntag. Die Deutsche Bahn fährt.",               # plural demonym, name
    "Der türkischstämmige Jonas Albrecht hat türkische Wurzeln.",             # origin is not nationality
    "Der britische Premierminister Jonas Albrecht reiste ab.",                 # office of a state
    "Datenwerk investiert in Linz.",                                          # "X in Y" after a verb
    "Die Frankfurter Allgemeine Zeitung Netzblick berichtete.",               # city adjective inside a name
    "Die Kritik von Präsident Jonas Albrecht an der Kleinfeld AG wuchs.",    # a role, then a preposition's object
    "Das werde dauern, sagte Staatsanwalt Jonas Albrecht.",                  # no prosecutor's office named
    "Jonas Albrecht traf zweimal. Dann traf er den Datenwerk-Stürmer.",      # an object, not the subject
    "Jonas Albrecht wurde Chefredakteur.",                                   # no outlet named before
    "Jonas Albrecht lobte die Datenwerk-Mitarbeitern.",                      # one person is no list
    "Jonas Albrecht arbeitete als Berater für die Zeitung in Linz.",          # an organisation noun, not a name
    "Jonas Albrecht fehlte. Der Sprecher von Datenwerk bestätigte das.",     # a spokesman is no one named before
    "Jonas Albrecht sagte, das spiele für Datenwerk keine Rolle.",          # "spielt für X eine Rolle"
    "Jonas Albrecht trainierte mit Datenwerk.",                              # training with a club is no job
    "Er traf auf seinen Ex-Klub Datenwerk.",                                 # a pronoun: often misread here
    "Der SC Nordheim und der FC Nordheim spielen. Nordheims Trainer Jonas Albrecht lacht.",  # two clubs of the place
    "Jana Beispiel, Anwältin des Datenwerk-Chefs, schwieg.",                # a lawyer of the chief, not of the firm
    "Am Montag leitete die Kleinfeld AG Schritte gegen Jonas Albrecht ein.",  # einleiten
    "Jonas Albrecht leitete die Anfrage an die Kleinfeld AG weiter.",        # weiterleiten
    "Jonas Albrecht arbeitete als Manager für die Sängerin Mia Roth.",       # a person after "die" + noun
    "Jonas Albrecht bewarb sich um den Trainerposten beim FC Datenwerk.",   # applying is no job
    "Der frühere Nordliga-Torhüter Jonas Albrecht trainiert nun.",          # a league employs no players
    "Jonas Albrecht sitzt im Landtag neben der Kleinfeld AG.",               # no board
    "Der Sprecher der Kleinfeld AG wurde von Jonas Albrecht kritisiert.",    # a name after "von" is no appointee
    "Jonas Albrecht traf Jana Beispiel. Die britische Regierung hat reagiert.",  # no person noun
    "Jonas Albrecht traf Jana Beispiel. Der britische Premierminister hat reagiert.",  # an office of a state
    "Datenwerk und Kleinfeld AG streiten. Der japanische Konzern schweigt.",  # which company: none is the salient one
    "Datenwerk baut ab. Datenwerk spart. Datenwerk klagt. Die Kleinfeld AG nutzt Teile des japanischen Herstellers.",
    "Jonas Albrecht traf Jana Beispiel. Der kanadische Ex-Teamspieler wird beginnen.",  # which of the two
])
def test_near_misses_give_nothing(text: str) -> None:
    names = {"ESP": "ORG", "FC Datenwerk": "ORG", "Nordliga": "ORG"}
    found = {r for r in _found(text, names) if r[0].split(".")[0] in ("employedBy", "nationality", "locatedIn")}
    assert found == set()


@pytest.mark.parametrize("text", [
    "Jonas Albrecht lobte Mia Roth. Die Preise steigen. Das wird teuer, sagte der Datenwerk-Chef.",  # which of two?
    "Jonas Albrecht lachte. Die Preise steigen. Man prüfe das, sagte der Datenwerk-Sprecher.",  # someone new
    "Jonas Albrecht lachte. Es gab Streit. Danach gab es Kuchen. Das sei gut, sagte der Datenwerk-Chef.",  # too far back
    "Jonas Albrecht lachte. Die Preise steigen. Das sei gut, sagte der Chef der Kleinfeld AG, Mia Roth.",  # named after
])
def test_speech_role_names_only_the_one_person_quoted_just_before(text: str) -> None:
    assert not [r for r in _found(text, {}) if r[0].startswith("employedBy.speech-role") and r[1] != "Mia Roth"]


def test_every_row_has_a_case() -> None:
    names = {r["name"] for r in EMPLOYMENT + NATIONALITY + PLACES}
    assert names == {c[0] for c in CASES}


def test_former_and_hedge_scope() -> None:
    doc, sents, ments = article("Der frühere Datenwerk-Manager Jonas Albrecht forderte, die Hälfte der Posten "
                                "solle an Frauen gehen.", NAMES)
    (r,) = [r for r in extract_article(None, doc, sents, ments).relations if r.predicate == "employedBy"]
    assert dict(r.qualifiers)["time"] == "earlier" and not r.evidence.hedged


def test_club_role_with_apposition_names_that_player_not_the_one_before() -> None:
    found = _found("Jonas Albrecht fehlte. Der Verteidiger von Datenwerk, Mia Roth, traf.", {})
    assert ("employedBy.appos-before/1", "Mia Roth", "Datenwerk") in found
    assert not [r for r in found if r[1] == "Jonas Albrecht"]


def test_of_org_is_no_passive_agent() -> None:
    from kg.extract.patterns import table_extractor
    from kg.extract.patterns.employment_table import ROWS

    row = [r for r in ROWS if r["name"] == "employedBy.of-org/1"]
    doc, sents, ments = article("Am Montag wurde Jonas Albrecht von der Kleinfeld AG entlassen.", NAMES)
    from kg.extract.context import Context

    ctx = Context.build(doc, sents, ments)
    ctx.tokens.tag_at = lambda pos: "VVPP" if doc.text[pos:].startswith("entlassen") else ""  # type: ignore[method-assign]
    table_extractor(row)(ctx)
    assert ctx.results.relations == []


def test_a_country_code_in_results_is_a_nation_not_a_party() -> None:
    found = _found("Im Finale schlug Jonas Albrecht (ESP) den Titelverteidiger.", {"ESP": "ORG"})
    assert {(r[1], r[2]) for r in found} == {("Jonas Albrecht", "Spanien")}
    assert [r[0] for r in found] == ["nationality.country-code/1"]
