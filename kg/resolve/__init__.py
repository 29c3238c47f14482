"""Entity resolution: one node per real entity across all articles.

``resolve`` groups each article's mentions (following coreference), clusters
the groups across articles (kg.resolve.passes), links name-carrying compounds,
applies the analyst's curation file, builds accounts and offline links.
``assemble`` maps every relation, event, quote and fact onto entity keys.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.records import ArticleAnalysis, Resolution
from kg.resolve.assemble import assemble
from kg.resolve.clusters import Cluster, clusters_from
from kg.resolve.groups import ArticleGroups, CompoundLink, article_groups
from kg.resolve.names import compact, person_parts, tokens
from kg.resolve.passes import cluster, primary_key, variant_keys

__all__ = ["resolve", "assemble", "check_inputs", "article_groups", "warm_up"]


def check_inputs(curation_path: Path | str | None = None, links_path: Path | str | None = None) -> None:
    """Validate the curation file and link table up front (KgError naming the file and problem),
    so a build can fail before the slow per-article stages."""
    from kg.resolve.curation import load_curation
    from kg.resolve.links import load_links

    load_curation(curation_path)
    if links_path:
        load_links(links_path)


def warm_up() -> None:
    """Build resolution's lookup tables (gazetteer-derived name sets, place indexes) now
    rather than at the first ``resolve`` call."""
    from kg.resolve.acronyms import lexicon_key
    from kg.resolve.partyctx import party_countries
    from kg.resolve.places import city_names, country_index, exonym_key, place_country, region_names, territory_names
    from kg.resolve.typevote import given_names, known_places, place_keys

    for build in (given_names, known_places, place_keys, country_index, region_names, territory_names, city_names,
                  party_countries):
        build()
    place_country(""), exonym_key(""), lexicon_key("")  # their tables


def resolve(
    analyses: Sequence[ArticleAnalysis],
    curation_path: Path | str | None = None,
    links_path: Path | str | None = None,
    groups: Mapping[str, ArticleGroups] | None = None,
) -> Resolution:
    """Resolve the mentions of all articles to entities (deterministic: same input, same keys).

    ``groups``: ``article_groups`` of some articles by id, computed earlier (a build computes
    them while the workers still analyse); the others are computed here.
    """
    from kg.resolve.accounts import build_accounts
    from kg.resolve.curation import apply_curation, load_curation
    from kg.resolve.entities import build_entities, cluster_keys, cluster_type, provisional_key
    from kg.resolve.links import link_entities, load_links, merge_linked

    curation = load_curation(curation_path)  # fail early on bad files
    table = load_links(links_path) if links_path else {}
    ordered = sorted(analyses, key=lambda a: a.document.id)
    known = groups or {}
    ags = {a.document.id: known[a.document.id] if a.document.id in known else article_groups(a) for a in ordered}
    all_groups = [g for a in ordered for g in ags[a.document.id].groups]
    clusters = clusters_from(all_groups, cluster(all_groups))
    link_compounds(clusters, [c for a in ordered for c in ags[a.document.id].compounds])
    clusters = merge_linked(clusters, table, cluster_type)
    keys = cluster_keys(clusters) if curation else {}  # curation may name an entity by its key
    clusters, decisions = apply_curation(clusters, curation, lambda c: keys.get(id(c)) or provisional_key(c))
    entities, mention_entity = build_entities(clusters)
    labels = {e.key: e.label for e in entities}
    aliases = {e.key: tuple(a.text for a in e.aliases) for e in entities}
    entities += build_accounts(ordered, ags, mention_entity, labels, aliases)
    entities = link_entities(entities, table)
    entities.sort(key=lambda e: e.key)
    return Resolution(entities=tuple(entities), mention_entity=mention_entity, decisions=tuple(decisions))


def link_compounds(clusters: list[Cluster], links: list[CompoundLink]) -> None:
    """Attach "ORF-Chef"-style compounds to the one cluster their name part names (of several,
    the one named in the compound's article)."""
    index: dict[str, set[int]] = defaultdict(set)
    for n, c in enumerate(clusters):
        for g in c.groups:
            for f in g.forms:
                index[primary_key(f.text)].add(n)
                parts = person_parts(f.text) if g.family == "PER" else None
                if parts:
                    index[compact(tokens(parts[1])[-1])].add(n)
    docs = [{g.doc_id for g in c.groups} for c in clusters]
    for link in links:
        keys = [primary_key(link.prefix)] + [k for k, _ in variant_keys(link.prefix, "ORG")]
        for k in keys:
            hits = index.get(k, set())
            if len(hits) > 1:  # several "Grüne": the one named in the compound's own article
                hits = {n for n in hits if link.doc_id in docs[n]} or hits
            if len(hits) == 1:
                clusters[next(iter(hits))].extra_mentions += [(link.doc_id, i) for i in link.mentions]
                break
            if hits:
                break  # ambiguous: leave the compound unlinked
