"""The ontology declares every class and property the writer uses, labelled in German and English."""
from __future__ import annotations

from golden.kg_sample import DECISIONS, sample_kg
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf import ONTOLOGY_DIR, serialize_trig
from kg.vocab import KG

REQUIRED_CLASSES = ("Person Organization MediaOrganization Location Account Agent Article Evidence AliasAssignment "
                    "Event Deactivation Suspension Deletion Restoration Block Quote").split()
REQUIRED_OBJECT = ("employedBy reportedBy deactivated accountOf onPlatform flaggedBy nationality said locatedIn agent "
                   "account accountOwner platform evidence article assertedBy alias").split()
REQUIRED_DATA = ("sentenceText sentenceIndex startOffset endOffset confidence hedged hedgeCue role employmentKind "
                 "temporal date dateText duration durationText followerCount quoteText aliasText mergeRule mergeScore "
                 "contentHash").split()


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def _labels(g: Graph, term: URIRef) -> set[str]:
    return {o.language for o in g.objects(term, RDFS.label) if isinstance(o, Literal)}


def test_required_terms_are_declared_with_german_and_english_labels():
    g = _ontology()
    for name in REQUIRED_CLASSES:
        assert (URIRef(KG + name), RDF.type, OWL.Class) in g, name
    for name in REQUIRED_OBJECT:
        assert (URIRef(KG + name), RDF.type, OWL.ObjectProperty) in g, name
    for name in REQUIRED_DATA:
        assert (URIRef(KG + name), RDF.type, OWL.DatatypeProperty) in g, name
    for name in REQUIRED_CLASSES + REQUIRED_OBJECT + REQUIRED_DATA:
        assert {"de", "en"} <= _labels(g, URIRef(KG + name)), name


def test_event_kinds_and_media_are_subclasses():
    g = _ontology()
    sub = RDFS.subClassOf
    for kind in ("Deactivation", "Suspension", "Deletion", "Restoration", "Block"):
        assert (URIRef(KG + kind), sub, URIRef(KG + "Event")) in g
    assert (URIRef(KG + "MediaOrganization"), sub, URIRef(KG + "Organization")) in g
    assert (URIRef(KG + "Person"), sub, URIRef("https://schema.org/Person")) in g


def test_everything_the_writer_uses_is_declared():
    from rdflib import Dataset

    data = Dataset()
    data.parse(data=serialize_trig(sample_kg(), DECISIONS), format="trig")
    used = {p for _, p, _, _ in data.quads() if str(p).startswith(KG)}
    used |= {o for _, p, o, _ in data.quads() if p == RDF.type and str(o).startswith(KG)}
    declared = set(_ontology().subjects(RDF.type, None))
    assert used and used <= declared, sorted(str(t) for t in used - declared)
