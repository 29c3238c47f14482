"""Namespaces and deterministic IRIs of kg's RDF output.

Every IRI is a pure function of the input (entity keys, article ids, hashes
of content), so the same input gives the same graph byte for byte.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

BASE = "https://w3id.org/kg-news/"
KG = BASE + "ontology#"  # classes and properties (prefix kg:)
ID = BASE + "id/"  # entities, articles, evidence, events
GRAPH = BASE + "graph/"  # named graphs

ENTITIES_GRAPH = GRAPH + "entities"  # the merged entity graph
ONTOLOGY_GRAPH = GRAPH + "ontology"

PREFIXES = {
    "kg": KG,
    "kgid": ID,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
}


def slug(text: str, max_len: int = 80) -> str:
    """An ASCII, IRI-safe slug of ``text`` ("Bahtiyar Duysak" -> "bahtiyar-duysak").

    Text that folds to nothing (emoji, other scripts) gets a hash instead, so
    distinct names never share a slug by accident of folding.
    """
    text_de = text.translate(_GERMAN)
    folded = unicodedata.normalize("NFKD", text_de)
    ascii_ = folded.encode("ascii", "ignore").decode("ascii").lower()
    full = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    s = full[:max_len].strip("-")
    lost = any(c.isalnum() and not unicodedata.normalize("NFKD", c).encode("ascii", "ignore") for c in text_de)
    if not s or lost or s != full:  # truncated long names must not collide either
        # lossy folding: add a short hash of the exact text to keep keys distinct
        h = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = f"{s}-{h}" if s else h
    return s


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def short_hash(*parts: object, n: int = 16) -> str:
    """Stable hash of the parts, for evidence/event IRIs."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


def entity_iri(key: str) -> str:
    return ID + quote(key, safe="/-._~")


def article_iri(article_id: str) -> str:
    return ID + "article/" + quote(article_id, safe="-._~")


def article_graph_iri(article_id: str) -> str:
    return GRAPH + "article/" + quote(article_id, safe="-._~")


def extractor_iri(name: str) -> str:
    return ID + "extractor/" + quote(name, safe="/-._~")
