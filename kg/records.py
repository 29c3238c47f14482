"""Typed records passed between kg's stages.

Every stage takes and returns these frozen dataclasses (never spaCy spans or
rdflib nodes), so stages stay pure, picklable (Dask) and testable by hand.
All offsets are character offsets into ``Document.text`` (the cleaned text).
"""
from __future__ import annotations

from dataclasses import dataclass, field


def valid_span(start: int, end: int, text: str) -> bool:
    """A span a record may hold: offsets in order, not before the text, and some non-space text.

    Producers call this to skip a span; the records' __post_init__ refuse one,
    so code that reads a Mention or Sentence never has to guard ``text.split()[-1]``.
    """
    return 0 <= start < end and bool(text.strip())


def _check_span(record: object, start: int, end: int, text: str) -> None:
    if not valid_span(start, end, text):
        raise ValueError(f"{type(record).__name__}: empty or invalid span {start}..{end} {text!r}")

# Mention labels produced by NLP (GermEval-style, MEDIA is a subtype of ORG).
PER, ORG, MEDIA, LOC, OTH = "PER", "ORG", "MEDIA", "LOC", "OTH"
ACCOUNT = "ACCOUNT"  # derived by extractors: a social-media account

# Ontology class local names for each mention label.
CLASS_OF_LABEL = {
    PER: "Person",
    ORG: "Organization",
    MEDIA: "MediaOrganization",
    LOC: "Location",
    ACCOUNT: "Account",
}


@dataclass(frozen=True)
class Document:
    """One article after ingestion and cleaning."""

    id: str  # article id: file stem or JSONL `id`, made IRI-safe
    text: str  # clean text: page furniture removed
    source: str  # where it came from: path, or path:line for JSONL
    content_hash: str  # sha256 hex of the raw input text
    title: str | None = None
    date: str | None = None  # ISO date or partial date (YYYY-MM-DD, YYYY-MM)
    url: str | None = None
    publisher: str | None = None
    lang: str = "de"
    category: str | None = None  # the outlet's section ("Wirtschaft", "Sport"), when the input names one


@dataclass(frozen=True)
class InputStatus:
    """What happened to one input (one file, or one JSONL line)."""

    source: str
    status: str  # "built" | "skipped" | "failed" | "unchanged"
    reason: str = ""
    article_id: str | None = None


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        _check_span(self, self.start, self.end, self.text)
        if len(self.text) != self.end - self.start:
            raise ValueError(f"Sentence: offsets {self.start}..{self.end} do not fit its text of {len(self.text)} characters")


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity.

    ``kind`` is "name" for proper names; "pronoun", "description" and
    "partial" (surname or first name alone) are coreferent mentions whose
    ``antecedent`` is the index of the name mention they refer to (in the same
    article's mention tuple). Derived ACCOUNT mentions carry ``owner`` and
    ``platform`` mention indexes.
    """

    doc_id: str
    start: int
    end: int
    text: str
    label: str  # PER ORG MEDIA LOC OTH ACCOUNT
    sentence: int
    kind: str = "name"
    norm: str = ""  # normalised name used for matching (inflection stripped)
    rule: str = ""  # which rule found or typed it, e.g. "ner:apposition"
    confidence: float = 1.0
    antecedent: int | None = None
    title: str | None = None  # role or title bound to the name ("US-Präsident")
    owner: int | None = None  # ACCOUNT: mention index of the owner
    platform: int | None = None  # ACCOUNT: mention index of the platform

    def __post_init__(self) -> None:
        _check_span(self, self.start, self.end, self.text)


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: article, sentence, offsets, extractor."""

    doc_id: str
    sentence: int
    sentence_text: str
    start: int  # offsets of the supporting text in Document.text
    end: int
    extractor: str  # versioned registry name, e.g. "employment/1"
    confidence: float
    hedged: bool = False
    hedge: str = ""  # the hedge cue ("soll", "laut", ...)
    source: int | None = None  # mention index of a quoted speaker; None = the article
    asserted_by: str | None = None  # entity key of ``source``, filled by kg.resolve.assemble
    # qualifiers this one statement gives (role, kind, time); the RDF writer prefers them to the
    # merged Edge.qualifiers, which mix what different articles say
    qualifiers: tuple[tuple[str, str], ...] = ()
    # where the evidence's sentence starts in Document.text (-1: not known), so a view can
    # mark start-sentence_start .. end-sentence_start inside sentence_text; filled by kg.resolve.assemble
    sentence_start: int = -1

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Evidence: offsets {self.start}..{self.end} out of order")


@dataclass(frozen=True)
class RelationCandidate:
    """subject --predicate--> object inside one article.

    subject/object are mention indexes of the article; object None means an
    unknown agent (e.g. "jemand hat den Account gemeldet").
    """

    subject: int
    predicate: str  # ontology local name: employedBy, reportedBy, ...
    object: int | None
    evidence: Evidence
    qualifiers: tuple[tuple[str, str], ...] = ()  # e.g. (("role", "Kundendienst"), ("time", "earlier"))


@dataclass(frozen=True)
class EventCandidate:
    """An n-ary event (deactivation, suspension, ...) inside one article."""

    kind: str  # Deactivation | Suspension | Deletion | Restoration | Block
    trigger: str
    evidence: Evidence
    agent: int | None = None
    account: int | None = None
    owner: int | None = None
    platform: int | None = None
    date: str | None = None  # xsd:date
    date_text: str | None = None
    duration: str | None = None  # xsd:duration, e.g. PT11M
    duration_text: str | None = None


@dataclass(frozen=True)
class Quote:
    speaker: int  # mention index
    text: str
    evidence: Evidence
    outlet: int | None = None  # mention index of the outlet spoken to


@dataclass(frozen=True)
class FactCandidate:
    """A literal-valued claim: ``subject attribute value`` (follower count, ...)."""

    subject: int
    attribute: str  # ontology local name, e.g. followerCount
    value: str  # normalised value, e.g. "43000000"
    value_text: str  # as written, e.g. "43 Millionen"
    evidence: Evidence


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything one article yields; the unit of per-article (parallel) work."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[RelationCandidate, ...] = ()
    events: tuple[EventCandidate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    facts: tuple[FactCandidate, ...] = ()
    pipeline: str = ""  # name of the NLP pipeline that produced it


@dataclass(frozen=True)
class Alias:
    text: str
    rule: str  # why it was merged: "exact", "inflection", "domain", "fuzzy", ...
    score: float
    doc_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real entity across all articles."""

    key: str  # deterministic, IRI-safe: "person/bahtiyar-duysak"
    type: str  # ontology class local name: Person, Organization, ...
    label: str
    aliases: tuple[Alias, ...] = ()
    doc_ids: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()  # external IRIs (Wikidata, GND)
    attributes: tuple[tuple[str, str], ...] = ()  # e.g. (("owner", key), ("platform", key)) for accounts


@dataclass(frozen=True)
class Resolution:
    """Output of entity resolution: entities and where each mention went."""

    entities: tuple[Entity, ...]
    # (doc_id, mention index) -> entity key; unresolvable mentions are absent
    mention_entity: dict[tuple[str, int], str] = field(default_factory=dict, hash=False, compare=False)
    decisions: tuple[tuple[str, str], ...] = ()  # curation decisions applied (kind, detail)


@dataclass(frozen=True)
class Edge:
    """A resolved relation with all its evidence across articles."""

    subject: str  # entity key
    predicate: str
    object: str  # entity key
    evidence: tuple[Evidence, ...]
    qualifiers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Event:
    key: str
    kind: str
    evidence: tuple[Evidence, ...]
    agent: str | None = None
    account: str | None = None
    owner: str | None = None
    platform: str | None = None
    date: str | None = None
    date_text: str | None = None
    duration: str | None = None
    duration_text: str | None = None


@dataclass(frozen=True)
class Fact:
    subject: str
    attribute: str
    value: str
    value_text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Said:
    """A resolved quote: speaker entity, text, outlet spoken to."""

    speaker: str  # entity key
    text: str
    evidence: Evidence
    outlet: str | None = None  # entity key


@dataclass(frozen=True)
class KnowledgeGraph:
    """The resolved, merged model that the RDF writer serialises."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    edges: tuple[Edge, ...]
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Said, ...] = ()
    decisions: tuple[tuple[str, str], ...] = ()  # curation decisions applied (kind, detail)
