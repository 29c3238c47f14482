"""Account events: every verb family, active/passive/nominal forms, agents given indirectly, negation, hedging."""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract import extract_article

NAMES = {"Lena Vogt": "PER", "Karim Özdemir": "PER", "Chirpa": "ORG"}
COREF = {"Vogt": "Lena Vogt", "Vogts": "Lena Vogt", "Özdemir": "Karim Özdemir", "er": "Karim Özdemir",
         "Er": "Karim Özdemir"}
INTRO = "Lena Vogt ist Politikerin und schreibt viel auf Chirpa. "


def run(text: str, names: dict | None = None, date: str | None = "2019-03-15"):
    names = {**NAMES, **{k: "PER" for k in COREF}, **(names or {})}
    doc, sents, ments = article(INTRO + text, names, date=date, corefs=COREF)
    return extract_article(None, doc, sents, ments)


def label(a, i):
    return None if i is None else a.mentions[i].text


def deactivated(a):
    return {(label(a, r.subject), a.mentions[r.object].label) for r in a.relations if r.predicate == "deactivated"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Karim Özdemir hat den Chirpa-Account von Lena Vogt deaktiviert.", "Deactivation"),
        ("Karim Özdemir sperrte Vogts Chirpa-Account.", "Suspension"),
        ("Karim Özdemir schaltete Vogts Chirpa-Konto ab.", "Deactivation"),
        ("Karim Özdemir legte Vogts Chirpa-Account lahm.", "Deactivation"),
        ("Karim Özdemir hat Vogts Chirpa-Profil stillgelegt.", "Deactivation"),
        ("Karim Özdemir nahm Vogts Chirpa-Account vom Netz.", "Deactivation"),
        ("Karim Özdemir stellte Vogts Chirpa-Account offline.", "Deactivation"),
        ("Karim Özdemir hat Vogts Chirpa-Account gelöscht.", "Deletion"),
        ("Karim Özdemir blockierte Vogts Chirpa-Account.", "Block"),
    ],
)
def test_verb_families_active(sentence: str, kind: str) -> None:
    a = run(sentence)
    assert [e.kind for e in a.events] == [kind]
    ev = a.events[0]
    assert label(a, ev.agent) == "Karim Özdemir"
    assert a.mentions[ev.owner].text == "Lena Vogt" and a.mentions[ev.platform].text == "Chirpa"
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


def test_restoration_is_an_event_but_not_a_deactivation() -> None:
    a = run("Später hat Karim Özdemir Vogts Chirpa-Account wiederhergestellt.")
    assert [e.kind for e in a.events] == ["Restoration"]
    assert deactivated(a) == set()


def test_passive_with_date_and_duration_from_the_text() -> None:
    a = run("Am 3. März wurde der Chirpa-Account von Lena Vogt für elf Minuten gesperrt.")
    (ev,) = a.events
    assert ev.kind == "Suspension" and ev.agent is None
    assert (ev.date, ev.date_text) == ("2019-03-03", "Am 3. März")
    assert (ev.duration, ev.duration_text) == ("PT11M", "elf Minuten")
    assert deactivated(a) == set()  # no agent named: no relation invented


def test_passive_with_von_agent() -> None:
    a = run("Der Chirpa-Account von Lena Vogt wurde von Karim Özdemir deaktiviert.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


def test_nominal_form_gives_event_without_agent() -> None:
    a = run("Nach der Sperrung ihres Chirpa-Accounts beschwerte sich Lena Vogt.")
    (ev,) = a.events
    assert ev.kind == "Suspension" and ev.agent is None and a.mentions[ev.owner].text == "Lena Vogt"


def test_duration_in_previous_sentence_via_so_lange() -> None:
    a = run("Zwölf Minuten. So lange war der Chirpa-Account von Lena Vogt abgeschaltet.")
    assert a.events[0].duration == "PT12M"


def test_adjective_duration_and_metonymy_person_for_account() -> None:
    a = run("Karim Özdemir arbeitete viel. Vogts Chirpa-Account ist bekannt. "
            "Er will Lena Vogt die zwölfminütige Sendepause verpasst haben.")
    (ev,) = a.events
    assert label(a, ev.agent) == "Karim Özdemir"
    assert ev.duration == "PT12M"
    (rel,) = [r for r in a.relations if r.predicate == "deactivated"]
    assert rel.evidence.hedged and rel.evidence.hedge == "will ... haben" and rel.evidence.confidence < 0.8


def test_relative_clause_then_heisst_name() -> None:
    a = run("Der Mann, der den Chirpa-Account von Lena Vogt lahmgelegt hat, heißt Karim Özdemir.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


def test_description_resolves_to_single_fitting_person() -> None:
    a = run("Karim Özdemir arbeitete als Moderator bei Chirpa. "
            "Ein Chirpa-Mitarbeiter hat das private Chirpa-Konto von Lena Vogt abgeschaltet.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


def test_demonym_description_gives_agent_and_nationality() -> None:
    a = run("Karim Özdemir sprach danach. Österreicher soll Vogts Chirpa-Account lahmgelegt haben.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}
    nat = [(label(a, r.subject), a.mentions[r.object].text) for r in a.relations if r.predicate == "nationality"]
    assert nat == [("Karim Özdemir", "Österreich")]


def test_dafuer_verantwortlich_dass() -> None:
    a = run("Karim Özdemir ist bekannt. Seit er dafür verantwortlich war, dass Vogts Chirpa-Account gesperrt war, "
            "hat er Ruhe.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Karim Özdemir hat Vogts Chirpa-Account nicht deaktiviert.",
        "Niemand hat Vogts Chirpa-Account gesperrt.",
        "Das offizielle Chirpa-Konto von Lena Vogt wurde nicht gelöscht.",
        "Karim Özdemir hatte den Auftrag, Vogts Chirpa-Account zu sperren.",
        "Er hätte nicht geglaubt, dass Vogts Chirpa-Account wirklich deaktiviert werden würde.",
        "Kommentare werden von der Redaktion gelöscht.",
    ],
)
def test_negated_intended_or_accountless_statements_give_nothing(sentence: str) -> None:
    a = run(sentence)
    assert a.events == () and deactivated(a) == set()


def test_hedged_event_keeps_cue_and_lower_confidence() -> None:
    a = run("Karim Özdemir soll Vogts Chirpa-Account gesperrt haben.")
    (rel,) = [r for r in a.relations if r.predicate == "deactivated"]
    assert rel.evidence.hedged and rel.evidence.hedge == "soll" and rel.evidence.confidence < 0.8


def test_one_event_per_account_and_article_merges_parts() -> None:
    a = run("Am 3. März war der Chirpa-Account von Lena Vogt elf Minuten lang deaktiviert. "
            "Karim Özdemir hat den Account deaktiviert.")
    ev = a.events[0]  # the article's union comes first
    assert label(a, ev.agent) == "Karim Özdemir" and ev.date == "2019-03-03" and ev.duration == "PT11M"
    assert {e.evidence.sentence for e in a.events} == {1, 2}  # both sentences stay evidence
    assert len(a.events) == 2


def test_user_report_is_flagged_by_unknown_not_reflexive() -> None:
    a = run("Am Abend wurde Vogts Chirpa-Account gemeldet. Lena Vogt hatte sich später auf Chirpa gemeldet.")
    flags = [r for r in a.relations if r.predicate == "flaggedBy"]
    assert len(flags) == 1 and flags[0].object is None and flags[0].evidence.sentence == 1
    assert not [r for r in a.relations if r.predicate == "reportedBy"]


def test_date_from_header_when_document_date_missing() -> None:
    a = run("Stand 12.04.2016. Am 2. April wurde Vogts Chirpa-Account gesperrt.", date=None)
    assert a.events[0].date == "2016-04-02"


def test_platform_as_agent_with_platform_noun_and_title_before_owner() -> None:
    a = run("Der Kurznachrichtendienst Chirpa hat das Konto der Sängerin Lena Vogt gesperrt.")
    (ev,) = a.events
    assert label(a, ev.agent) == "Chirpa" and label(a, ev.owner) == "Lena Vogt" and label(a, ev.platform) == "Chirpa"


def test_reenabled_account_is_a_restoration() -> None:
    a = run("Ihr Chirpa-Konto wurde nach zwei Tagen wieder freigeschaltet.")
    assert [e.kind for e in a.events] == ["Restoration"] and a.events[0].duration == "P2D"


def test_owner_deleting_own_account() -> None:
    a = run("Lena Vogt hat ihren Chirpa-Account selbst gelöscht.")
    (ev,) = a.events
    assert ev.kind == "Deletion" and label(a, ev.agent) == "Lena Vogt"


def test_banned_player_is_no_account_event() -> None:
    assert run("Der Spieler Karim Özdemir wurde für zwei Spiele gesperrt.").events == ()


def test_description_never_means_a_spokesperson() -> None:
    a = run("Chirpa-Sprecher Karim Özdemir bestätigte den Vorfall. "
            "Ein Chirpa-Mitarbeiter hat das Chirpa-Konto von Lena Vogt abgeschaltet.")
    assert deactivated(a) == set()
    assert a.events and a.events[0].agent is None


def test_admission_and_denial_with_zu_haben() -> None:
    a = run("Karim Özdemir gab zu, Vogts Chirpa-Account deaktiviert zu haben.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}
    a = run("Karim Özdemir bestreitet, Vogts Chirpa-Account deaktiviert zu haben.")
    assert a.events == () and deactivated(a) == set()


def test_cleft_sentence_agent() -> None:
    a = run("Karim Özdemir war es, der Vogts Chirpa-Account gesperrt hat.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")}


def test_verb_second_subject_after_trigger() -> None:
    a = run("Karim Özdemir ist Techniker. Am 3. März deaktivierte er den Chirpa-Account von Lena Vogt.")
    assert deactivated(a) == {("Karim Özdemir", "ACCOUNT")} and a.events[0].date == "2019-03-03"


def test_unreachable_account_is_a_deactivation_state() -> None:
    a = run("Der Chirpa-Account von Lena Vogt war am Donnerstagabend elf Minuten lang nicht erreichbar.")
    (ev,) = a.events
    assert ev.kind == "Deactivation" and ev.date == "2019-03-14" and ev.duration == "PT11M" and ev.agent is None


def test_time_points_are_no_durations() -> None:
    a = run("Vor zwei Wochen wurde der Chirpa-Account von Lena Vogt gesperrt, zwölf Minuten später war er zurück.")
    assert a.events[0].duration is None


def test_nominal_event_takes_no_stray_duration() -> None:
    a = run("Die Uhr wurde durch die Abschaltung des Chirpa-Accounts von Lena Vogt eine Minute zurückgestellt.")
    (ev,) = a.events
    assert ev.kind == "Deactivation" and ev.duration is None
