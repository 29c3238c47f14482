"""employedBy, nationality, reportedBy, accountOf/onPlatform, locatedIn on invented German sentences."""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract import extract_article, extractor_versions

NAMES = {"Jonas Albrecht": "PER", "Albrecht": "PER", "Datenwerk": "ORG", "Kleinfeld AG": "ORG",
         "Netzblick": "MEDIA", "Radio Nordlicht": "MEDIA", "Mia Roth": "PER", "Chirpa": "ORG",
         "Deutschland": "LOC", "Linz": "LOC", "Polizei": "ORG"}
COREF = {"Albrecht": "Jonas Albrecht", "er": "Jonas Albrecht", "Er": "Jonas Albrecht"}


def run(text: str, names: dict | None = None):
    doc, sents, ments = article(text, {**NAMES, "er": "PER", "Er": "PER", **(names or {})}, corefs=COREF)
    return extract_article(None, doc, sents, ments)


def rels(a, predicate: str) -> set[tuple]:
    out = set()
    for r in a.relations:
        if r.predicate == predicate:
            obj = None if r.object is None else a.mentions[r.object].text
            out.add((a.mentions[r.subject].text, obj, tuple(r.qualifiers)))
    return out


def pairs(a, predicate: str) -> set[tuple]:
    return {(s, o) for s, o, _ in rels(a, predicate)}


def test_registry_names_are_versioned() -> None:
    names = extractor_versions()
    assert "employment/2" in names and "reporting/1" in names and len(names) == len(set(names))
    assert all("/" in n for n in names)


@pytest.mark.parametrize(
    ("text", "org", "quals"),
    [
        ("Jonas Albrecht war für das Unternehmen Kleinfeld AG als Auftragnehmer in Linz tätig.", "Kleinfeld AG",
         (("role", "Auftragnehmer"), ("kind", "contractor"), ("time", "current"))),
        ("Nachdem er eine Weile bei Datenwerk war, zog Jonas Albrecht um.", "Datenwerk",
         (("kind", "employee"), ("time", "earlier"))),
        ("Jonas Albrecht lernte viel. Dann wechselte er zu Datenwerk in den Kundensupport.", "Datenwerk",
         (("role", "Kundensupport"), ("kind", "employee"), ("time", "current"))),
        ("Jonas Albrecht, ein Deutscher, arbeitete zuletzt als Support-Mitarbeiter bei Datenwerk.", "Datenwerk",
         (("role", "Support-Mitarbeiter"), ("kind", "employee"), ("time", "current"))),
        ("Jonas Albrecht sagte, er sei als Leiharbeiter bei Datenwerk oft müde gewesen.", "Datenwerk",
         (("role", "Leiharbeiter"), ("kind", "agency"), ("time", "current"))),
        ("Jonas Albrecht, Generaldirektor der Kleinfeld AG, widersprach.", "Kleinfeld AG",
         (("role", "Generaldirektor"), ("kind", "employee"), ("time", "current"))),
    ],
)
def test_employment_shapes(text: str, org: str, quals: tuple) -> None:
    found = rels(run(text), "employedBy")
    assert found == {("Jonas Albrecht", org, quals)}


def test_org_prefixed_role_and_credits_line() -> None:
    a = run("Radio-Nordlicht-Reporter Mia Roth meint das auch.\nGesprächspartnerin:\nMia Roth, Radio Nordlicht")
    assert pairs(a, "employedBy") == {("Mia Roth", "Radio Nordlicht")}
    assert len(rels(a, "employedBy")) >= 1


def test_relative_clause_employment_resolves_description() -> None:
    a = run("Jonas Albrecht kehrte in seine Heimat Deutschland zurück. "
            "Bei dem Deutschen, der für Datenwerk im Kundendienst tätig war, handelt es sich um einen Helden.")
    assert pairs(a, "employedBy") == {("Jonas Albrecht", "Datenwerk")}


def test_negated_employment_gives_nothing() -> None:
    assert rels(run("Jonas Albrecht hat nie bei Datenwerk gearbeitet."), "employedBy") == set()


def test_hedged_employment() -> None:
    a = run("Jonas Albrecht war nach eigenen Angaben für Datenwerk tätig.")
    (r,) = [r for r in a.relations if r.predicate == "employedBy"]
    assert r.evidence.hedged and r.evidence.hedge == "nach eigenen Angaben" and r.evidence.confidence < 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Das sagt der türkischstämmige Deutsche Jonas Albrecht.",
        "Jonas Albrecht, ein Deutscher mit türkischen Wurzeln, schweigt.",
        "Jonas Albrecht hat türkische Wurzeln und einen deutschen Pass.",
        "Jonas Albrecht lebt dort. Als Deutscher ist er in die USA gegangen.",
    ],
)
def test_nationality(text: str) -> None:
    a = run(text)
    assert pairs(a, "nationality") == {("Jonas Albrecht", "Deutschland")}
    loc = next(a.mentions[r.object] for r in a.relations if r.predicate == "nationality")
    assert loc.label == "LOC"


def test_origin_is_not_nationality() -> None:
    assert rels(run("Der türkischstämmige Jonas Albrecht hat türkische Wurzeln."), "nationality") == set()


@pytest.mark.parametrize(
    "text",
    [
        "\"Es war Zufall\", sagt Jonas Albrecht im Gespräch mit dem Portal Netzblick.",
        "Jonas Albrecht sagt gegenüber Netzblick, dass alles ein Versehen war.",
        "Das sei ein Fehler gewesen, sagt Jonas Albrecht im Interview mit Netzblick.",
        "Wie die Reporter von Netzblick schreiben, ist Jonas Albrecht umgezogen.",
        "In einem Interview mit dem Technik-Portal netzblick.de räumte Jonas Albrecht den Fehler ein.",
        "Netzblick veröffentlichte ein Interview mit einem Mann namens Jonas Albrecht.",
    ],
)
def test_reported_by_shapes(text: str) -> None:
    a = run(text)
    assert {s for s, _ in pairs(a, "reportedBy")} == {"Jonas Albrecht"}
    assert {o.lower() for _, o in pairs(a, "reportedBy")} <= {"netzblick", "netzblick.de"}


def test_list_of_outlets_with_domains() -> None:
    a = run("Jonas Albrecht ist bekannt. Wie mehrere Medien berichten, darunter nordkurier.de und "
            "tagesblatt.net, stammt Jonas Albrecht aus Linz.")
    assert pairs(a, "reportedBy") == {("Jonas Albrecht", "nordkurier.de"), ("Jonas Albrecht", "tagesblatt.net")}


def test_user_report_and_police_are_not_media() -> None:
    a = run("Jonas Albrecht hat Mias Chirpa-Account gemeldet. Er sagte gegenüber der Polizei nichts.",
            names={"Mias": "PER"})
    assert pairs(a, "reportedBy") == set()


def test_accounts_owner_platform_and_continuation() -> None:
    a = run("Der Chirpa-Account von Mia Roth war weg. Später tauchte der Account wieder auf. "
            "Auf Chirpa schrieb sie viel. Ihr Bankkonto blieb unberührt.")
    owners = pairs(a, "accountOf")
    assert owners and {o for _, o in owners} == {"Mia Roth"}
    assert {o for _, o in pairs(a, "onPlatform")} == {"Chirpa"}
    assert len([m for m in a.mentions if m.label == "ACCOUNT"]) == 2  # not the bank account


def test_generic_plural_accounts_are_no_account() -> None:
    a = run("Die Abteilung prüft Accounts, die von Nutzern gemeldet wurden.")
    assert [m for m in a.mentions if m.label == "ACCOUNT"] == []
    assert pairs(a, "flaggedBy") == set()


def test_located_in_seat() -> None:
    a = run("Die Kleinfeld AG mit Sitz in Linz wächst.")
    assert pairs(a, "locatedIn") == {("Kleinfeld AG", "Linz")}


def test_role_before_fuer_and_former_compound_role() -> None:
    a = run("Jonas Albrecht, der als Vertragsarbeiter für Datenwerk tätig war, schweigt.")
    assert rels(a, "employedBy") == {("Jonas Albrecht", "Datenwerk",
                                      (("role", "Vertragsarbeiter"), ("kind", "contractor"), ("time", "current")))}
    a = run("Der ehemalige Datenwerk-Mitarbeiter Jonas Albrecht schweigt.")
    assert {q for _, _, q in rels(a, "employedBy")} == {(("role", "Mitarbeiter"), ("kind", "employee"), ("time", "earlier"))}


def test_verb_first_media_report() -> None:
    a = run("Das berichtet das Portal Netzblick unter Berufung auf Jonas Albrecht.")
    assert pairs(a, "reportedBy") == {("Jonas Albrecht", "Netzblick")}


def test_handle_is_an_account_of_the_person_before_it() -> None:
    a = run("Mia Roth (@miaroth_offiziell) schreibt viel auf Chirpa. Der Account @miaroth_offiziell war weg.")
    accounts = [m for m in a.mentions if m.label == "ACCOUNT"]
    assert {m.text for m in accounts} >= {"@miaroth_offiziell"}
    assert {o for s, o in pairs(a, "accountOf") if s == "@miaroth_offiziell"} == {"Mia Roth"}


def test_worked_for_org() -> None:
    a = run("Jonas Albrecht arbeitete zwei Jahre lang für die Kleinfeld AG.")
    assert pairs(a, "employedBy") == {("Jonas Albrecht", "Kleinfeld AG")}


def test_platform_mistyped_as_person_still_employs() -> None:
    a = run("Der Chirpa-Account von Mia Roth ist bekannt. Jonas Albrecht wechselte zu Chirpa.",
            names={"Chirpa": "PER"})
    assert pairs(a, "employedBy") == {("Jonas Albrecht", "Chirpa")}
    assert {o for _, o in pairs(a, "onPlatform")} == {"Chirpa"}


def test_anaphoric_report_refers_to_the_sentence_before() -> None:
    a = run("Jonas Albrecht sei müde gewesen. So schreibt es Netzblick, ohne Details zu nennen.")
    ((s, o, _),) = rels(a, "reportedBy")
    assert (s, o) == ("Jonas Albrecht", "Netzblick")


def test_employed_through_an_agency() -> None:
    a = run("Jonas Albrecht hat über die Agentur Kleinfeld AG für Datenwerk gearbeitet.")
    found = {(o, dict(q)["kind"]) for s, o, q in rels(a, "employedBy")}
    assert found == {("Kleinfeld AG", "agency"), ("Datenwerk", "employee")}


def test_told_outlet_without_article() -> None:
    a = run("Jonas Albrecht sagte Netzblick, es sei ein Versehen gewesen.")
    assert pairs(a, "reportedBy") == {("Jonas Albrecht", "Netzblick")}


def test_names_repeat_but_not_as_ordinary_words() -> None:
    from kg.extract.context import Context
    from kg.records import Mention

    doc, sents, ments = article("Der Standard berichtet. Jonas Albrecht wechselte zu Standard. Das ist ein neuer Standard.",
                                {"Jonas Albrecht": "PER"})
    ments = (Mention("t1", 4, 12, "Standard", "MEDIA", 0),) + ments
    ctx = Context.build(doc, sents, ments)
    ctx.mentions.propagate_names()
    derived = [m for m in ctx.mentions if m.rule == "derived:same-name"]
    assert [(m.text, m.sentence) for m in derived] == [("Standard", 1)]


class _Tok:
    """A token as the tagger gives it: offset, STTS tag (NN for capitalised words, else unknown), lemma."""

    def __init__(self, idx: int, text: str, tag: str, lemma: str) -> None:
        self.idx, self.text, self.tag_, self.lemma_ = idx, text, tag, lemma


def _tagged(text: str, lemmas: dict[str, str]) -> list[_Tok]:
    import re as _re

    return [_Tok(m.start(), m.group(0), "NN" if m.group(0)[0].isupper() else "", lemmas.get(m.group(0), m.group(0)))
            for m in _re.finditer(r"\w[\w.-]*", text)]


def test_untyped_name_told_is_an_outlet_but_plural_nouns_are_not() -> None:
    text = "Jonas Albrecht sagt gegenüber Zeitblick, dass es ein Fehler war. Er sagte gegenüber Journalisten nichts."
    doc, sents, ments = article(text, {"Jonas Albrecht": "PER"})
    a = extract_article(_tagged(text, {"Journalisten": "Journalist"}), doc, sents, ments)
    assert pairs(a, "reportedBy") == {("Jonas Albrecht", "Zeitblick")}


def test_female_demonyms() -> None:
    a = run("Das sagt die Österreicherin Mia Roth.")
    assert pairs(a, "nationality") == {("Mia Roth", "Österreich")}


def test_standalone_demonym_describes_the_one_person() -> None:
    a = run("Jonas Albrecht lebt in Linz. Der Deutsche will nun Ruhe.")
    assert pairs(a, "nationality") == {("Jonas Albrecht", "Deutschland")}
    a = run("Jonas Albrecht lebt in Linz. Die Deutschen wählen am Sonntag. Die Deutsche Bahn fährt.")
    assert pairs(a, "nationality") == set()


def test_capitalised_article_before_account_is_no_platform() -> None:
    a = run("Der Chirpa-Account von Mia Roth war weg. Der Account mit 12.000 Followern ist zurück.")
    accounts = [m for m in a.mentions if m.label == "ACCOUNT"]
    assert [m.text for m in accounts] == ["Chirpa-Account von Mia Roth", "Account"]
    assert [(a.mentions[f.subject].text, f.value) for f in a.facts] == [("Mia Roth", "12000")]
