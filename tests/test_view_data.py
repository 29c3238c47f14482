"""Hand-written TriG fixtures for the view tests (invented names, RDF model of docs/DESIGN.md).

Two articles tell of Mira Kolbeck, a contractor at Felsgrund Dienste who shut
down the Plauderbox account of Jonas Reiter; they disagree on the date and on
the follower count. A third, hostile fixture carries markup in names and
sentences. No tests live here; other test_view* modules import these.
"""
from __future__ import annotations

import re
from pathlib import Path

PREFIXES = """\
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgid: <https://w3id.org/kg-news/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

S1 = "Die Auftragnehmerin Mira Kolbeck arbeitete für Felsgrund Dienste im Kundendienst von Plauderbox."
S2 = "Kolbeck hat am 4. März das Plauderbox-Konto von Jonas Reiter für neun Minuten abgeschaltet, berichtet Netzblick."
S3 = "Reiter folgen nach eigenen Angaben 12 Millionen Menschen."
S4 = "Die Mitarbeiterin Kolbek soll das Konto am 5. März gesperrt haben."
S5 = "Reiter folgen 11 Millionen Menschen."
S6 = "„Das war ein Versehen“, sagte Kolbeck dem Portal Netzblick."

FIXTURE_TRIG = PREFIXES + f"""
<https://w3id.org/kg-news/graph/entities> {{
  kgid:person/mira-kolbeck a kg:Person ; rdfs:label "Mira Kolbeck" ; skos:prefLabel "Mira Kolbeck" ;
      skos:altLabel "Kolbeck", "Kolbek" ; kg:alias kgid:person/mira-kolbeck/alias/kolbek ;
      kg:mentionedIn kgid:article/a1, kgid:article/a2 .
  kgid:person/mira-kolbeck/alias/kolbek a kg:AliasAssignment ; kg:aliasText "Kolbek" ;
      kg:mergeRule "fuzzy" ; kg:mergeScore 0.92 ; prov:wasDerivedFrom kgid:article/a2 .
  kgid:person/jonas-reiter a kg:Person ; rdfs:label "Jonas Reiter" ; skos:prefLabel "Jonas Reiter" ;
      skos:altLabel "Reiter" .
  kgid:org/felsgrund-dienste a kg:Organization ; skos:prefLabel "Felsgrund Dienste" .
  kgid:org/plauderbox a kg:Organization ; skos:prefLabel "Plauderbox" .
  kgid:org/netzblick a kg:MediaOrganization, kg:Organization ; skos:prefLabel "Netzblick" .
  kgid:loc/bremen a kg:Location ; skos:prefLabel "Bremen" .
  kgid:account/plauderbox/jonas-reiter a kg:Account ; skos:prefLabel "Plauderbox-Konto von Jonas Reiter" ;
      kg:accountOf kgid:person/jonas-reiter ; kg:onPlatform kgid:org/plauderbox .
  kgid:article/a1 a kg:Article, schema:NewsArticle, prov:Entity ; dcterms:title "Konto für neun Minuten weg" ;
      dcterms:date "2021-03" ; schema:url "https://example.org/a1" ; schema:publisher "Beispielblatt" ; schema:articleSection "Web" ;
      schema:articleBody "{S1} {S2}" .
  kgid:article/a2 a kg:Article, schema:NewsArticle, prov:Entity ; dcterms:title "Mitarbeiterin sperrt Konto" ;
      dcterms:date "2021-03-06" ; schema:url "javascript:alert(1)" ; schema:publisher "Musterpost" .
  kgid:extractor/employment/1 a prov:SoftwareAgent ; rdfs:label "employment/1" .
}}

<https://w3id.org/kg-news/graph/article/a1> {{
  kgid:person/mira-kolbeck kg:employedBy kgid:org/felsgrund-dienste, kgid:org/plauderbox .
  kgid:evidence/e1 a kg:Evidence ; rdf:subject kgid:person/mira-kolbeck ; rdf:predicate kg:employedBy ;
      rdf:object kgid:org/felsgrund-dienste ; kg:article kgid:article/a1 ; kg:sentenceIndex 0 ;
      kg:sentenceText "{S1}" ; kg:startOffset 20 ; kg:endOffset 65 ;
      prov:wasAttributedTo kgid:extractor/employment/1 ; kg:confidence 0.85 ; kg:role "Auftragnehmerin" ;
      kg:employmentKind "contractor" .
  kgid:evidence/e2 a kg:Evidence ; rdf:subject kgid:person/mira-kolbeck ; rdf:predicate kg:employedBy ;
      rdf:object kgid:org/plauderbox ; kg:article kgid:article/a1 ; kg:sentenceIndex 0 ;
      kg:sentenceText "{S1}" ; kg:startOffset 20 ; kg:endOffset 96 ;
      prov:wasAttributedTo kgid:extractor/employment/1 ; kg:confidence 0.7 .
  kgid:person/mira-kolbeck kg:deactivated kgid:account/plauderbox/jonas-reiter .
  kgid:person/mira-kolbeck kg:reportedBy kgid:org/netzblick .
  kgid:evidence/e3 a kg:Evidence ; rdf:subject kgid:person/mira-kolbeck ; rdf:predicate kg:deactivated ;
      rdf:object kgid:account/plauderbox/jonas-reiter ; kg:article kgid:article/a1 ; kg:sentenceIndex 1 ;
      kg:sentenceText "{S2}" ; kg:startOffset 98 ; kg:endOffset 200 ;
      prov:wasAttributedTo kgid:extractor/deactivation/1 ; kg:confidence 0.9 .
  kgid:evidence/e4 a kg:Evidence ; rdf:subject kgid:person/mira-kolbeck ; rdf:predicate kg:reportedBy ;
      rdf:object kgid:org/netzblick ; kg:article kgid:article/a1 ; kg:sentenceIndex 1 ;
      kg:sentenceText "{S2}" ; prov:wasAttributedTo kgid:extractor/reporting/1 ; kg:confidence 0.8 .
  kgid:event/ev1 a kg:Deactivation ; kg:agent kgid:person/mira-kolbeck ;
      kg:account kgid:account/plauderbox/jonas-reiter ; kg:accountOwner kgid:person/jonas-reiter ;
      kg:platform kgid:org/plauderbox ; kg:date "2021-03-04"^^xsd:date ; kg:dateText "am 4. März" ;
      kg:duration "PT9M"^^xsd:duration ; kg:durationText "neun Minuten" ; kg:evidence kgid:evidence/e5 .
  kgid:evidence/e5 a kg:Evidence ; kg:article kgid:article/a1 ; kg:sentenceIndex 1 ; kg:sentenceText "{S2}" ;
      prov:wasAttributedTo kgid:extractor/deactivation/1 ; kg:confidence 0.9 .
  kgid:person/jonas-reiter kg:followerCount 12000000 .
  kgid:evidence/e6 a kg:Evidence ; rdf:subject kgid:person/jonas-reiter ; rdf:predicate kg:followerCount ;
      rdf:object 12000000 ; kg:article kgid:article/a1 ; kg:sentenceIndex 2 ; kg:sentenceText "{S3}" ;
      prov:wasAttributedTo kgid:extractor/facts/1 ; kg:confidence 0.8 ; kg:hedged true ;
      kg:hedgeCue "nach eigenen Angaben" .
}}

<https://w3id.org/kg-news/graph/article/a2> {{
  kgid:person/mira-kolbeck kg:deactivated kgid:account/plauderbox/jonas-reiter .
  kgid:evidence/e7 a kg:Evidence ; rdf:subject kgid:person/mira-kolbeck ; rdf:predicate kg:deactivated ;
      rdf:object kgid:account/plauderbox/jonas-reiter ; kg:article kgid:article/a2 ; kg:sentenceIndex 0 ;
      kg:sentenceText "{S4}" ; prov:wasAttributedTo kgid:extractor/deactivation/1 ; kg:confidence 0.6 ;
      kg:hedged true ; kg:hedgeCue "soll" .
  kgid:event/ev1 a kg:Deactivation ; kg:agent kgid:person/mira-kolbeck ;
      kg:account kgid:account/plauderbox/jonas-reiter ; kg:date "2021-03-05"^^xsd:date ;
      kg:dateText "am 5. März" ; kg:evidence kgid:evidence/e8 .
  kgid:evidence/e8 a kg:Evidence ; kg:article kgid:article/a2 ; kg:sentenceIndex 0 ; kg:sentenceText "{S4}" ;
      prov:wasAttributedTo kgid:extractor/deactivation/1 ; kg:confidence 0.6 .
  kgid:person/jonas-reiter kg:followerCount 11000000 .
  kgid:evidence/e9 a kg:Evidence ; rdf:subject kgid:person/jonas-reiter ; rdf:predicate kg:followerCount ;
      rdf:object 11000000 ; kg:article kgid:article/a2 ; kg:sentenceIndex 1 ; kg:sentenceText "{S5}" ;
      prov:wasAttributedTo kgid:extractor/facts/1 ; kg:confidence 0.8 .
  kgid:quote/q1 a kg:Quote ; kg:speaker kgid:person/mira-kolbeck ; kg:quoteText "Das war ein Versehen" ;
      kg:spokenTo kgid:org/netzblick ; kg:evidence kgid:evidence/e10 .
  kgid:person/mira-kolbeck kg:said kgid:quote/q1 .
  kgid:evidence/e10 a kg:Evidence ; kg:article kgid:article/a2 ; kg:sentenceIndex 2 ; kg:sentenceText "{S6}" ;
      prov:wasAttributedTo kgid:extractor/quotes/1 ; kg:confidence 0.75 .
}}
"""

# Names and sentences that try to break out of the page; every one must render as text.
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(2)</script>"
XSS_SENTENCE = f"Laut {XSS_SCRIPT} hat {XSS_NAME} das Konto \u2028abgeschaltet & <b>gelöscht</b>."


def _iris(trig: str) -> str:
    """Spell kgid:a/b names as full IRIs (Turtle prefixed names cannot hold '/')."""
    return re.sub(r"\bkgid:([\w/.-]+\w)", r"<https://w3id.org/kg-news/id/\1>", trig)


def _lit(text: str) -> str:
    """A Turtle string literal (escapes quotes, backslashes and line breaks)."""
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\u2028", "\\u2028")
    return f'"{esc}"'


HOSTILE_TRIG = _iris(PREFIXES + f"""
<https://w3id.org/kg-news/graph/entities> {{
  kgid:person/x1 a kg:Person ; skos:prefLabel {_lit(XSS_NAME)} ; skos:altLabel {_lit(XSS_SCRIPT)} .
  kgid:org/x2 a kg:Organization ; skos:prefLabel {_lit('"><svg onload=alert(3)>')} .
  kgid:article/h1 a kg:Article ; dcterms:title {_lit(XSS_SCRIPT)} ; schema:url "javascript:alert(4)" .
}}
<https://w3id.org/kg-news/graph/article/h1> {{
  kgid:person/x1 kg:employedBy kgid:org/x2 .
  kgid:evidence/h1 a kg:Evidence ; rdf:subject kgid:person/x1 ; rdf:predicate kg:employedBy ;
      rdf:object kgid:org/x2 ; kg:article kgid:article/h1 ; kg:sentenceIndex 0 ;
      kg:sentenceText {_lit(XSS_SENTENCE)} ; kg:confidence 0.5 ; kg:hedgeCue {_lit("<i>laut</i>")} .
}}
""")

FIXTURE_TRIG = _iris(FIXTURE_TRIG)

KOLBECK = "https://w3id.org/kg-news/id/person/mira-kolbeck"
ACCOUNT = "https://w3id.org/kg-news/id/account/plauderbox/jonas-reiter"
EVENT = "https://w3id.org/kg-news/id/event/ev1"


def store_from(trig: str):
    """A pyoxigraph store holding the TriG text."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


def write_build(out: Path, trig: str) -> Path:
    """An output folder as `kg build` leaves it (only graph.trig matters to the view)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.trig").write_text(trig, encoding="utf-8")
    return out
