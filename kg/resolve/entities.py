"""Turn clusters into Entity records: type by voting, preferred label, key, aliases with rules."""
from __future__ import annotations

from collections import Counter, defaultdict

from kg.records import CLASS_OF_LABEL, LOC, MEDIA, ORG, PER, Alias, Entity
from kg.resolve.acronyms import is_listed_acronym, lexicon_key
from kg.resolve.baseform import base_form
from kg.resolve.clusters import Cluster
from kg.resolve.groups import FAMILY, spells
from kg.resolve.lookalike import is_mixed_script, skeleton
from kg.resolve.names import compact, domain_key, fold, person_parts, single_name, tokens
from kg.resolve.passes import acronym_of, primary_key, variant_keys
from kg.resolve.places import country_code, exonym_key
from kg.resolve.shortnames import shortening
from kg.resolve.typevote import given_names, known_places
from kg.vocab import short_hash, slug

TYPE_SLUG = {
    "Person": "person",
    "Organization": "org",
    "MediaOrganization": "media",
    "Location": "loc",
    "Account": "account",
    "Agent": "unknown",
}
ROOT = ("root", 1.0)  # reason of a cluster's first group: it joined nothing
# An organisation is typed MediaOrganization when at least this share of its
# name mentions was labelled MEDIA (MEDIA is the more specific subtype).
MEDIA_SHARE = 1 / 3


def cluster_type(c: Cluster) -> str:
    if c.type:
        return c.type
    votes: Counter = Counter()
    for g in c.groups:
        votes.update(g.votes)
    family = c.groups[0].family
    if family == PER:
        return CLASS_OF_LABEL[PER]
    if family == LOC:
        return CLASS_OF_LABEL[LOC]
    org_total = votes[ORG] + votes[MEDIA]
    if not (org_total and votes[MEDIA] >= MEDIA_SHARE * org_total):
        return CLASS_OF_LABEL[ORG]
    forms = [f for g in c.groups for f in g.forms]
    if any(f.label == LOC for f in forms) and all(not f.text.isupper() and fold(f.text) in known_places()
                                                  or country_code(f.text) for f in forms):
        return CLASS_OF_LABEL[LOC]  # "Vorarlberg" tagged MEDIA in one context is still the place
    return CLASS_OF_LABEL[MEDIA]


def cluster_label(c: Cluster) -> str:
    """Preferred label: a full name, not a domain, not inflected, most frequent, then longest;
    an organisation or place named only in a case form gets its nominative (kg.resolve.baseform)."""
    if c.label:
        return c.label
    forms = [f.text for g in c.groups for f in g.forms if f.kind not in ("compound", "derived")] or c.form_texts()
    counts = Counter(forms)
    first_seen = {t: n for n, t in reversed(list(enumerate(forms)))}
    keys = {primary_key(t) for t in counts}
    family = c.groups[0].family
    base = {t: t if family == PER else base_form(t) for t in counts}
    # a form only ever tagged as another family ("CČeské Budějovice" read as a person) ranks later
    fitting = {f.text for g in c.groups for f in g.forms if FAMILY.get(f.label, family) == family}
    acronyms = {acronym_of(t) for t in counts} - {""}
    if family == ORG:  # "Krone" beside "Kronen Zeitung", "ESA" beside its long name: no label
        longs = [t for t in counts if " " in t]
        acronyms |= {t for t in counts if " " not in t and any(shortening(t, u, domain_key(t) is not None) for u in longs)}
        if longs:
            acronyms |= {t for t in counts if is_listed_acronym(t)}
        acronyms |= {t for t in counts if t.isupper() and any(spells(t, u) for u in counts if not u.isupper())}

    def rank(t: str) -> tuple:
        derived = t in acronyms or any(k in keys and k != primary_key(t) for k, r in variant_keys(t, family) if r in ("inflection", "descriptor", "apposition"))  # noqa: E501
        # a dative plural next to its nominative: "Niederlanden" / "Niederlande"
        derived = derived or (family != PER and t.endswith("en") and compact(t[:-1]) in keys)
        full = family != PER or person_parts(t) is not None
        # "Alexander Van der Bellen" over the more frequent "Van der Bellen": a person's fullest form
        shorter = family == PER and any(u.endswith(" " + t) and fold(tokens(u)[0]) in given_names() for u in counts)
        return (not full, shorter, is_mixed_script(t), domain_key(t) is not None, derived or base[t] != t, t not in fitting,
                -counts[t],
                -len(tokens(t)), first_seen[t])

    return base[min(counts, key=rank)]


def provisional_key(c: Cluster) -> str:
    return _key(cluster_type(c), cluster_label(c))


def _key(etype: str, label: str) -> str:
    return f"{TYPE_SLUG[etype]}/{slug(skeleton(label))}"  # a look-alike letter keys as the Latin one


def alias_rule(text: str, label: str, family: str, reason: tuple[str, float], kind: str) -> tuple[str, float]:  # noqa: C901
    """Why ``text`` names the entity labelled ``label``: the string relation if any, else the merge reason."""
    if kind == "compound":
        return "compound", 1.0
    if is_mixed_script(text) != is_mixed_script(label) and fold(text) == fold(label):
        return "look-alike", 1.0
    if fold(text) == fold(label):
        return "case", 1.0
    if compact(text) == compact(label):
        return "spacing", 1.0
    if domain_key(text) and domain_key(text) == primary_key(label) or domain_key(label) and domain_key(label) == compact(text):
        return "domain", 1.0
    for k, r in variant_keys(text, family):
        if k == primary_key(label):
            return r, 1.0
    if family == ORG and (acronym_of(label) == text or lexicon_key(text) and lexicon_key(text) == lexicon_key(label)):
        return "acronym", 1.0
    if family == LOC and country_code(text) and country_code(text) == country_code(label):
        return "gazetteer", 1.0
    if family == LOC and exonym_key(text) and exonym_key(text) == exonym_key(label):
        return "exonym", 1.0
    if family == PER and single_name(text):
        parts = person_parts(label)
        if parts:
            t = fold(single_name(text) or text)
            score = reason[1] if reason[0] in ("surname", "firstname") else 1.0
            surnames = {fold(parts[1]), fold(tokens(parts[1])[-1])}
            if t in surnames or (t.endswith("s") and t[:-1] in surnames):
                return "surname", score
            if t == fold(parts[0]) or (t.endswith("s") and t[:-1] == fold(parts[0])):
                return "firstname", score
    if kind == "partial" and reason[0] == "exact":
        return "coref", 1.0
    return reason


def cluster_keys(clusters: list[Cluster], labels: dict[int, str] | None = None,
                 types: dict[int, str] | None = None) -> dict[int, str]:
    """id(cluster) -> entity key; the first cluster (in order) with a label gets the plain key,
    later ones a hash of their first mention, so keys are deterministic and unique.
    ``labels``/``types``: cluster_label/cluster_type by id(cluster), when already computed."""
    keys: dict[int, str] = {}
    used: set[str] = set()
    for c in clusters:
        if labels is not None and types is not None:
            key = _key(types[id(c)], labels[id(c)])
        else:
            key = provisional_key(c)
        if key in used:
            key = f"{key}-{short_hash(*map(str, c.first_gid), n=6)}"
        used.add(key)
        keys[id(c)] = key
    return keys


def build_entities(clusters: list[Cluster]) -> tuple[list[Entity], dict[tuple[str, int], str]]:
    """Entities (deterministic keys, collisions get a hash suffix) and the mention -> key map."""
    entities: list[Entity] = []
    mention_entity: dict[tuple[str, int], str] = {}
    labels = {id(c): cluster_label(c) for c in clusters}
    types = {id(c): cluster_type(c) for c in clusters}
    keys = cluster_keys(clusters, labels, types)
    for c in clusters:
        etype = types[id(c)]
        label = labels[id(c)]
        key = keys[id(c)]
        family = c.groups[0].family
        docs: dict[str, set[str]] = defaultdict(set)
        rules: dict[str, tuple[str, float]] = {}
        label_group = next((g for g in c.groups if any(f.text == label for f in g.forms)), None)
        label_reason = c.reasons.get(label_group.gid, ROOT) if label_group else ROOT
        for g in c.groups:
            reason = c.reasons.get(g.gid, ROOT)
            if g is label_group:
                reason = ("exact", 1.0)
            elif reason == ROOT:  # the root joined the label's group by the label group's rule
                reason = label_reason if label_reason != ROOT else ("exact", 1.0)
            for f in g.forms:
                docs[f.text].add(g.doc_id)
                if f.text != label and f.text not in rules and f.kind != "derived":
                    rules[f.text] = alias_rule(f.text, label, family, reason, f.kind)
            for i in g.mentions:
                mention_entity[(g.doc_id, i)] = key
        for doc_id, i in c.extra_mentions:
            mention_entity[(doc_id, i)] = key
        aliases = tuple(
            Alias(text=t, rule=rules[t][0], score=float(rules[t][1]), doc_ids=tuple(sorted(docs[t])))
            for t in sorted(rules)
        )
        doc_ids = sorted({g.doc_id for g in c.groups} | {d for d, _ in c.extra_mentions})
        entities.append(Entity(key=key, type=etype, label=label, aliases=aliases, doc_ids=tuple(doc_ids)))
    return entities, mention_entity
