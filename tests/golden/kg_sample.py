"""A small hand-made KnowledgeGraph (invented names) for the RDF golden tests."""
from __future__ import annotations

from kg.records import Alias, Document, Edge, Entity, Event, Evidence, Fact, KnowledgeGraph, Said

S1 = "Die Sachbearbeiterin Henrike Vollmar arbeitete als Auftragnehmerin für Nordlicht Logistik."
S2 = 'Vollmar sperrte am 4. März das Konto von Konrad Albrecht bei Zwitscher für "zwölf Minuten".'
S3 = "Laut Tagesblick soll Albrecht 12 Millionen Follower haben.\nEin Backslash: C:\\temp"
S4 = "Albrecht hat 15 Millionen Follower, berichtet das Portal Rundschau."


def ev(doc: str, sentence: int, text: str, start: int, extractor: str, confidence: float = 0.9,
       hedged: bool = False, hedge: str = "") -> Evidence:
    return Evidence(doc, sentence, text, start, start + len(text), extractor, confidence, hedged, hedge)


def sample_kg() -> KnowledgeGraph:
    docs = (
        Document("a01", S1 + " " + S2, "corpus/a01.txt", "1" * 64, title="Konto gesperrt", date="2021-03-05",
                 url="https://example.org/a01?x=1&y=\"2\"", publisher="Tagesblick"),
        Document("a02", S3 + " " + S4, "corpus/a02.txt", "2" * 64, date="2021-03"),
    )
    entities = (
        Entity("person/henrike-vollmar", "Person", "Henrike Vollmar",
               aliases=(Alias("Vollmar", "partial", 1.0, ("a01",)), Alias("Volmar", "fuzzy", 0.91, ("a01",))),
               doc_ids=("a01",)),
        Entity("person/konrad-albrecht", "Person", "Konrad Albrecht",
               aliases=(Alias("Albrecht", "partial", 1.0, ("a01", "a02")),), doc_ids=("a01", "a02"),
               same_as=("http://www.wikidata.org/entity/Q0000001",)),
        Entity("org/nordlicht-logistik", "Organization", "Nordlicht Logistik", doc_ids=("a01",)),
        Entity("org/zwitscher", "Organization", "Zwitscher", doc_ids=("a01",)),
        Entity("media/tagesblick", "MediaOrganization", "Tagesblick", doc_ids=("a02",)),
        Entity("account/zwitscher/konrad-albrecht", "Account", "Zwitscher-Konto von Konrad Albrecht",
               doc_ids=("a01",),
               attributes=(("owner", "person/konrad-albrecht"), ("platform", "org/zwitscher"))),
    )
    e1 = ev("a01", 0, S1, 0, "employment/1", 0.85)
    e2 = ev("a01", 1, S2, len(S1) + 1, "deactivation/1")
    e3 = ev("a02", 0, S3, 0, "facts/1", 0.7, True, "soll")
    e4 = ev("a02", 1, S4, len(S3) + 1, "facts/1", 0.8)
    edges = (
        Edge("person/henrike-vollmar", "employedBy", "org/nordlicht-logistik", (e1,),
             (("role", "Auftragnehmerin"), ("kind", "contractor"))),
        Edge("person/henrike-vollmar", "deactivated", "account/zwitscher/konrad-albrecht", (e2,)),
        Edge("account/zwitscher/konrad-albrecht", "accountOf", "person/konrad-albrecht", (e2,)),
        Edge("person/konrad-albrecht", "reportedBy", "media/tagesblick", (e3,)),
    )
    events = (
        Event("Deactivation|account/zwitscher/konrad-albrecht", "Deactivation", (e2,),
              agent="person/henrike-vollmar", account="account/zwitscher/konrad-albrecht",
              owner="person/konrad-albrecht", platform="org/zwitscher", date="2021-03-04", date_text="am 4. März",
              duration="PT12M", duration_text="zwölf Minuten"),
    )
    facts = (
        Fact("person/konrad-albrecht", "followerCount", "12000000", "12 Millionen", (e3,)),
        Fact("person/konrad-albrecht", "followerCount", "15000000", "15 Millionen", (e4,)),
    )
    quotes = (Said("person/henrike-vollmar", "Es war ein Versehen.", e2, "media/tagesblick"),)
    return KnowledgeGraph(docs, entities, edges, events, facts, quotes)


DECISIONS = (("merge", "person/henrike-vollmar <- Volmar"),)
