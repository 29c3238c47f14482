"""Accounts: kinds (page, group, website, account) as identity, named and described accounts,
handles and their owners, on invented German sentences (extraction, then resolution)."""
from __future__ import annotations

import pytest
from handmade import article

from kg.extract import extract_article
from kg.resolve import resolve
from kg.resolve.account_kind import account_kind, account_label

NAMES = {"Jonas Albrecht": "PER", "Albrecht": "PER", "Mia Roth": "PER", "Facebook": "ORG", "Twitter": "ORG", "Beispielbund": "ORG",
         "Beispieldorf": "LOC", "Beispielblock": "ORG"}
COREF = {"Albrecht": "Jonas Albrecht"}


def build(text: str, names: dict | None = None, doc_id: str = "t1"):
    doc, sents, ments = article(text, {**NAMES, **(names or {})}, corefs=COREF, doc_id=doc_id)
    a = extract_article(None, doc, sents, ments)
    return a, resolve([a])


def accounts(res) -> dict[str, tuple[str, dict]]:
    return {e.key: (e.label, dict(e.attributes)) for e in res.entities if e.type == "Account"}


@pytest.mark.parametrize(("text", "kind"), [
    ("Seine offizielle Facebook-Seite", "page"), ("seinen privaten Facebook-Account", "account"),
    ("Twitter-Profil von X", "account"), ("Trumps Twitteraccount", "account"), ("seiner Homepage", "site"),
    ("Websites des Konzerns X", "site"), ("Internetseite", "site"), ("Facebook-Gemeinschaft X", "group"),
    ("@beispiel", "account"), ("beispiel-partei.at", "site")])
def test_account_kind_comes_from_the_first_account_noun(text, kind):
    assert account_kind(text) == kind


def test_labels_name_the_kind():
    assert account_label("page", "Facebook", "Mia Roth") == "Facebook-Seite von Mia Roth"
    assert account_label("account", "Twitter", "Mia Roth") == "Twitter-Account von Mia Roth"
    assert account_label("site", None, "Beispielbund") == "Website von Beispielbund"
    assert account_label("group", "Facebook", None, "Hilfe Beispieldorf") == "Hilfe Beispieldorf (Facebook-Gruppe)"


def test_page_and_private_account_of_one_owner_are_two_accounts():
    _, res = build("Jonas Albrecht singt Lieder von Stars wie Mia Roth. Seine offizielle Facebook-Seite hat "
                   "14.000 Fans. Über seinen privaten Facebook-Account hat Albrecht ein Rätsel gepostet.")
    got = accounts(res)
    assert set(got) == {"account/facebook-page/jonas-albrecht", "account/facebook/jonas-albrecht"}
    # "Seine" opening a sentence: the subject of the sentence before, not the last person named
    assert all(attrs["owner"] == "person/jonas-albrecht" for _, attrs in got.values())


def test_website_never_merges_with_a_platform_page():
    _, res = build("Auf seiner Website und seiner Facebook-Seite reagierte der Beispielbund mit einem Video.")
    got = accounts(res)
    assert got["account/web/beispielbund"] == ("Website von Beispielbund", {"owner": "org/beispielbund"})
    assert got["account/facebook-page/beispielbund"][1]["platform"] == "org/facebook"


def test_named_group_without_owner_is_keyed_by_its_name():
    a, res = build("Ein Portal bekam Einblick in die geschlossene Facebook-Gemeinschaft Hilfe Beispieldorf aus dem Norden.")
    (acc,) = [e for e in res.entities if e.type == "Account"]
    assert acc.label == "Hilfe Beispieldorf (Facebook-Gruppe)" and dict(acc.attributes) == {"platform": "org/facebook"}
    assert "Hilfe Beispieldorf" in {x.text for x in acc.aliases}
    assert {(r.predicate, a.mentions[r.object].text) for r in a.relations} == {("onPlatform", "Facebook")}


def test_capitalised_words_without_a_name_are_no_group_name():
    _, res = build("Jonas Albrecht hat auf seiner Facebook-Seite Stellung genommen.")
    assert list(accounts(res)) == ["account/facebook-page/jonas-albrecht"]


def test_domain_is_a_website_named_by_itself():
    _, res = build("Ein Mann, der sich die Domain beispiel-partei.at gesichert hatte, muss sie abgeben.")
    assert accounts(res) == {"account/web/beispiel-partei-at": ("beispiel-partei.at", {})}


def test_described_owner_makes_an_account_of_that_article_only():
    text = "Ein 38-jähriger Mann klagte. Das Bild stammte vom Facebook-Profil des 38-Jährigen und wurde verbreitet."
    _, r1 = build(text, doc_id="a1")
    _, r2 = build(text, doc_id="a2")
    (k1, (label, attrs)), = accounts(r1).items()
    assert label == "Facebook-Profil des 38-Jährigen" and attrs == {"platform": "org/facebook"}
    assert k1 != next(iter(accounts(r2)))  # "the 38-year-old" of another article is someone else


def test_described_owner_introduced_by_the_same_words_is_the_owner():
    _, res = build("Der 28-jährige Jonas Albrecht klagte. Das Bild stammte vom Facebook-Profil des 28-Jährigen.")
    assert list(accounts(res)) == ["account/facebook/jonas-albrecht"]


def test_handle_spelling_a_persons_name_is_their_account():
    a, res = build("Wie Jonas Albrecht auf Twitter verkündete, stiegen die Verkäufe. "
                   "@jonasalbrecht More players than ever. Albrecht freut sich.")
    assert {(a.mentions[r.subject].text, r.predicate, a.mentions[r.object].text) for r in a.relations
            if r.predicate in ("accountOf", "onPlatform")} == {("@jonasalbrecht", "accountOf", "Jonas Albrecht"),
                                                               ("@jonasalbrecht", "onPlatform", "Twitter")}
    assert "@jonasalbrecht" in {x.text for e in res.entities if e.type == "Account" for x in e.aliases}


def test_handle_of_nobody_named_is_no_account():
    a, _ = build("Mia Roth schrieb auf Twitter: @someone_else Nein, es gibt keine Sonderzüge.")
    assert [m for m in a.mentions if m.label == "ACCOUNT"] == []


def test_described_subject_is_the_person_introduced_with_that_noun():
    a, _ = build("Gegen den Chef der Bewegung Beispielblock Jonas Albrecht wird ermittelt. Der Chef der Bewegung "
                 "habe auf seinem Facebook-Profil zu Gewalt aufgerufen.")
    assert {(r.predicate, a.mentions[r.object].text) for r in a.relations if r.predicate == "accountOf"} == \
        {("accountOf", "Jonas Albrecht")}


def test_evaluation_credits_page_and_private_account_each_to_its_own_node(tmp_path):
    """The gold's page and private account of one owner on one platform match the node of their kind,
    not both nodes (kg.evaluate matches accounts by owner, platform and, among several, kind)."""
    import json

    from kg.evaluate import evaluate, load_gold
    from kg.rdf import serialize_trig
    from kg.resolve import assemble
    from kg.resolve.graphread import load_graph

    doc, sents, ments = article("Jonas Albrecht singt. Seine offizielle Facebook-Seite hat 14.000 Fans. Über seinen "
                                "privaten Facebook-Account hat Albrecht gepostet.", NAMES, corefs=COREF, doc_id="000")
    a = extract_article(None, doc, sents, ments)
    res = resolve([a])
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.trig").write_bytes(serialize_trig(assemble([a], res), res.decisions))
    gold = {"documents": ["000"],
            "entities": [{"id": "ja", "type": "Person", "label": "Jonas Albrecht"},
                         {"id": "fb", "type": "Organization", "label": "Facebook"},
                         {"id": "page", "type": "Account", "label": "Offizielle Facebook-Seite von Jonas Albrecht"},
                         {"id": "priv", "type": "Account", "label": "Privater Facebook-Account von Jonas Albrecht"}],
            "relations": [{"s": s, "p": p, "o": o, "docs": ["000"]} for s in ("page", "priv")
                          for p, o in (("accountOf", "ja"), ("onPlatform", "fb"))]}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    rep = evaluate(load_graph(out), load_gold(path))
    assert rep["wrong_merges"] == [] and rep["missed_entities"] == [] and rep["entities"]["credited"] == 4


def test_outlet_domain_and_place_after_the_description_make_no_account():
    a, _ = build("Das stand auf der Website beispielzeitung.at am Montag.", {"beispielzeitung.at": "MEDIA"})
    assert [m for m in a.mentions if m.label == "ACCOUNT"] == []
    a, _ = build("Das Video stand auf der Facebook-Seite der Stadt Linz.", {"Linz": "LOC"})
    assert [m.norm for m in a.mentions if m.label == "ACCOUNT"] == []


def test_handle_spelling_only_part_of_a_name_and_a_show_name_make_no_account():
    a, _ = build("Die Beispiel Astronomical Society twitterte. @beispielsociety Neue Sterne entdeckt.",
                 {"Beispiel Astronomical Society": "PER"})
    assert [m for m in a.mentions if m.label == "ACCOUNT"] == []
    a, _ = build("Auf der Facebook-Seite der Beispiel-Show wurde ein Bild veröffentlicht.")
    assert [m for m in a.mentions if m.label == "ACCOUNT"] == []
