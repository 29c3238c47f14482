"""Assembly: relations, events, accounts, quotes and facts onto entity keys."""
from __future__ import annotations

from test_resolve_helpers import article, evidence

from kg.records import EventCandidate, FactCandidate, Quote, RelationCandidate
from kg.resolve import assemble, resolve


def _two_articles():
    t1 = "Lena Vogt arbeitet für Nordsoft. Sie sperrte das Konto von Kai Brand auf Zwitscher. Jemand hatte es gemeldet."
    a = article("a1", t1, [("Lena Vogt", "PER"), ("Nordsoft", "ORG"), ("Kai Brand", "PER"), ("Zwitscher", "ORG"),
                           ("Konto von Kai Brand", "ACCOUNT", {"kind": "derived", "owner": 2, "platform": 3}),
                           ("Sie", "PER", {"kind": "pronoun", "antecedent": 0})])
    a = a.__class__(**{**a.__dict__,
        "relations": (RelationCandidate(0, "employedBy", 1, evidence(a, 0)),
                      RelationCandidate(4, "flaggedBy", None, evidence(a, 4)),
                      RelationCandidate(0, "employedBy", 9, evidence(a, 0))),  # index 9 does not exist
        "events": (EventCandidate("Deactivation", "sperrte", evidence(a, 5), agent=5, account=4, date="2020-03-01"),),
        "facts": (FactCandidate(2, "followerCount", "1000", "tausend", evidence(a, 2)),),
        "quotes": (Quote(0, "Das war ein Versehen", evidence(a, 0), outlet=1),)})
    t2 = "Vogt war bei Nordsoft. Ihr Zwitscher-Account war weg: Brands Konto."
    b = article("b1", t2, [("Vogt", "PER"), ("Nordsoft", "ORG"), ("Brands", "PER"),
                           ("Brands Konto", "ACCOUNT", {"kind": "derived", "owner": 2})])
    b = b.__class__(**{**b.__dict__,
        "relations": (RelationCandidate(0, "employedBy", 1, evidence(b, 0), (("role", "Support"),)),),
        "events": (EventCandidate("Deactivation", "weg", evidence(b, 3), agent=0, account=3, date="2020-03-02"),)})
    return [a, b]


def test_edges_merge_across_articles_and_unresolved_ends_drop():
    arts = _two_articles()
    kg = assemble(arts, resolve(arts))
    employed = [e for e in kg.edges if e.predicate == "employedBy"]
    assert len(employed) == 1
    e = employed[0]
    assert (e.subject, e.object) == ("person/lena-vogt", "org/nordsoft")
    assert [ev.doc_id for ev in e.evidence] == ["a1", "b1"] and e.qualifiers == (("role", "Support"),)
    # each statement keeps the qualifiers its own article gave: a1 named no role
    assert [ev.qualifiers for ev in e.evidence] == [(), (("role", "Support"),)]


def test_account_entity_events_and_derived_edges():
    arts = _two_articles()
    kg = assemble(arts, resolve(arts))
    acc = [e for e in kg.entities if e.type == "Account"]
    assert [a.key for a in acc] == ["account/zwitscher/kai-brand"]  # b1 names no platform: joins the one account
    assert dict(acc[0].attributes) == {"owner": "person/kai-brand", "platform": "org/zwitscher"}
    events = [ev for ev in kg.events if ev.kind == "Deactivation"]
    assert len({ev.key for ev in events}) == 1 and [ev.date for ev in events] == ["2020-03-01", "2020-03-02"]
    preds = {(e.subject, e.predicate, e.object) for e in kg.edges}
    assert ("person/lena-vogt", "deactivated", "account/zwitscher/kai-brand") in preds
    assert ("account/zwitscher/kai-brand", "accountOf", "person/kai-brand") in preds
    assert ("account/zwitscher/kai-brand", "onPlatform", "org/zwitscher") in preds


def test_unknown_agent_is_its_own_agent_node():
    arts = _two_articles()
    kg = assemble(arts, resolve(arts))
    (flag,) = [e for e in kg.edges if e.predicate == "flaggedBy"]
    assert flag.object.startswith("unknown/")
    assert {e.key: e.type for e in kg.entities}[flag.object] == "Agent"


def test_quotes_and_facts_resolve_and_output_is_deterministic():
    arts = _two_articles()
    kg = assemble(arts, resolve(arts))
    assert [(q.speaker, q.outlet) for q in kg.quotes] == [("person/lena-vogt", "org/nordsoft")]
    assert [(f.subject, f.value) for f in kg.facts] == [("person/kai-brand", "1000")]
    assert assemble(arts[::-1], resolve(arts[::-1])) == kg


def test_account_aliases_are_the_forms_that_name_owner_or_platform():
    a = article("a1", "Das Konto von Kai Brand auf Zwitscher. Das Konto war weg.",
                [("Kai Brand", "PER"), ("Zwitscher", "ORG"),
                 ("Konto von Kai Brand", "ACCOUNT", {"kind": "derived", "owner": 0, "platform": 1}),
                 ("Konto", "ACCOUNT", {"kind": "derived", "owner": 0, "platform": 1, "occurrence": 2})])
    res = resolve([a])
    (acc,) = [e for e in res.entities if e.type == "Account"]
    assert [x.text for x in acc.aliases] == ["Konto von Kai Brand"]
    assert res.mention_entity[("a1", 3)] == acc.key  # the bare description still maps to it


def test_every_evidence_knows_where_its_sentence_starts():
    """sentence_start locates the evidence span inside sentence_text, for every kind of statement."""
    arts = _two_articles()
    texts = {a.document.id: a.document.text for a in arts}
    kg = assemble(arts, resolve(arts))
    evs = [ev for e in kg.edges for ev in e.evidence] + [ev for e in kg.events for ev in e.evidence]
    evs += [ev for f in kg.facts for ev in f.evidence] + [q.evidence for q in kg.quotes]
    assert len(evs) >= 6
    for ev in evs:
        assert ev.sentence_start >= 0
        assert texts[ev.doc_id][ev.sentence_start:].startswith(ev.sentence_text)
        span = ev.sentence_text[ev.start - ev.sentence_start:ev.end - ev.sentence_start]
        assert span == texts[ev.doc_id][ev.start:ev.end] and span
    second = [ev for ev in evs if ev.doc_id == "a1" and ev.sentence == 1]
    assert second and all(ev.sentence_start == texts["a1"].index("Sie sperrte") for ev in second)
