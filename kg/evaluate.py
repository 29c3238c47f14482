"""Score a build against a gold file: entities, relations, duplicates, wrong merges, must_not.

Definitions (also in docs/readme/resolve.md):
- A node matches a gold entity when the types are compatible (Organization ~
  MediaOrganization) and one of the node's names (label or altLabel) equals,
  case-insensitively, the gold label or a *specific* gold alias, and the node
  occurs in one of the gold entity's documents (a "Columbia" label in one
  article is not the "Uni Columbia" of another). An alias is
  generic ("Account", "Präsident", "Plattform") unless it shares a word stem
  (one word is a prefix of the other, or the first 5 letters agree) with the gold label, is an
  acronym (all capitals, <= 6 characters), a domain, or a country or region
  name (pycountry, CLDR: "Amerika"); generic aliases never
  match, so they cannot create false duplicates. A gold Account also matches
  the Account node whose owner (and platform, when both are known) match the
  gold accountOf/onPlatform relations; of several such nodes only those of the
  gold label's kind (page, group, website, account: kg.resolve.account_kind).
- Entity precision = credited gold entities / predicted nodes; recall =
  credited gold entities / gold entities. Each node credits at most one gold
  entity, so duplicate nodes and wrongly merged nodes lower the scores.
  Predicted nodes are entities of the five entity classes mentioned in the
  gold documents.
- Relations: see kg/scoring/relations.py (said and its outlet, o_alt, optional
  relations, per-predicate and per-rule scores); must_not: kg/scoring/mustnot.py.
- Optional gold entities are not counted in recall, and a node credited to one is
  not counted as a predicted node.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kg.resolve.account_kind import account_kind
from kg.resolve.graphread import ENTITY_TYPES, GraphView
from kg.resolve.names import fold
from kg.resolve.places import territory_names
from kg.scoring import prf
from kg.scoring.gold import in_docs, load_gold  # noqa: F401  (re-exported: kg.evaluate.load_gold, in_docs)
from kg.scoring.mustnot import must_not_hits
from kg.scoring.relations import score_relations

_ORG = {"Organization", "MediaOrganization"}


@dataclass
class GoldEntity:
    id: str
    type: str
    label: str
    names: set[str]  # casefolded label + specific aliases
    docs: list[str]
    optional: bool = False  # borderline: not counted in recall, a matching node is not spurious


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.casefold()) if len(w) >= 3]


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


_DESCRIPTION = re.compile(r"(?i)^(sein|ihr|unser|dein|mein|euer|der|die|das|des|dem|den|ein)\w*\s")


def is_specific(alias: str, label: str) -> bool:
    """An alias that names this entity rather than a kind of thing (see module doc).

    An alias that opens with an article or a possessive ("seiner Facebook-Seite") describes
    rather than names: it would fit every such page, so it never matches.
    """
    if _DESCRIPTION.match(alias):
        return False
    if any(_related(a, b) for a in _words(alias) for b in _words(label)):
        return True
    if "." in alias.strip(".") and " " not in alias:
        return True
    if fold(alias) in territory_names():
        return True
    return bool(re.fullmatch(r"[A-ZÄÖÜ0-9-]{2,6}", alias))


def gold_entities(gold: dict) -> list[GoldEntity]:
    out = []
    for e in gold["entities"]:
        names = {e["label"].casefold()} | {a.casefold() for a in e.get("aliases") or [] if is_specific(a, e["label"])}
        out.append(GoldEntity(e["id"], e["type"], e["label"], names, [str(d) for d in e.get("docs") or []],
                              bool(e.get("optional"))))
    return out


def compatible(gold_type: str, node_type: str) -> bool:
    return gold_type == node_type or (gold_type in _ORG and node_type in _ORG)


def match_entities(view: GraphView, golds: list[GoldEntity], gold: dict) -> dict[str, list[str]]:
    """gold id -> matching node IRIs (sorted: label matches first)."""
    matches: dict[str, list[str]] = {}
    for g in golds:
        hits = [n for n in view.nodes.values()
                if compatible(g.type, n.type) and {x.casefold() for x in n.names} & g.names
                and (not g.docs or any(in_docs(d, g.docs) for d in n.docs))]
        hits.sort(key=lambda n: (n.label.casefold() != g.label.casefold(), -len(n.docs), n.iri))
        matches[g.id] = [n.iri for n in hits]
    by_rel = defaultdict(dict)
    for r in (gold.get("relations") or []) + (gold.get("optional_relations") or []):
        if "o" in r and r["p"] not in by_rel[r["s"]]:  # an optional owner still identifies the account
            by_rel[r["s"]][r["p"]] = r["o"]
    for g in golds:  # accounts by structure: owner (and platform)
        if g.type != "Account" or matches[g.id]:
            continue
        owner, platform = by_rel[g.id].get("accountOf"), by_rel[g.id].get("onPlatform")
        owners = set(matches.get(owner, [])) if owner else set()
        platforms = set(matches.get(platform, [])) if platform else set()
        for n in view.nodes.values():
            st = view.structure.get(n.iri, {})
            if n.type == "Account" and st.get("owner", set()) & owners and \
                    (not st.get("platform") or not platforms or st["platform"] & platforms):
                matches[g.id].append(n.iri)
        same_kind = [i for i in matches[g.id] if account_kind(view.nodes[i].label) == account_kind(g.label)]
        matches[g.id] = same_kind or matches[g.id]  # a page and a private account of one owner are two accounts
    return matches


def evaluate(view: GraphView, gold: dict) -> dict:
    """The full report as a JSON-ready dict."""
    docs = [str(d) for d in gold.get("documents") or []]
    golds = gold_entities(gold)
    matches = match_entities(view, golds, gold)
    predicted = [n for n in view.nodes.values() if n.type in ENTITY_TYPES and (not docs or any(in_docs(d, docs) for d in n.docs))]
    pred_set = {n.iri for n in predicted}
    node_golds: dict[str, list[str]] = defaultdict(list)
    for gid, iris in matches.items():
        for iri in iris:
            node_golds[iri].append(gid)
    credited, used = {}, set()
    for g in golds:
        free = [i for i in matches[g.id] if i not in used]
        if free:
            credited[g.id] = free[0]
            used.add(free[0])
    required = [g for g in golds if not g.optional]
    tp = sum(g.id in credited for g in required)
    optional_nodes = {credited[g.id] for g in golds if g.optional and g.id in credited}
    ent = prf(tp, len(required), tp, len((pred_set | set(credited.values())) - optional_nodes))
    lab = {i: view.nodes[i].label for i in view.nodes}
    duplicates = [{"gold": g.id, "label": g.label, "nodes": [{"iri": i, "label": lab[i]} for i in matches[g.id]]}
                  for g in golds if len(matches[g.id]) > 1]
    wrong = [{"node": i, "label": lab[i], "gold": sorted(gs)} for i, gs in sorted(node_golds.items()) if len(gs) > 1]
    misses = [{"gold": g.id, "label": g.label, "type": g.type} for g in required if not matches[g.id]]
    rel = score_relations(view, gold, matches, docs)
    spurious = sorted((view.nodes[i] for i in pred_set - set(credited.values())), key=lambda n: (n.type, n.label))
    return {
        "documents": {"gold": docs, "missing": [d for d in docs if not any(in_docs(a, [d]) for a in view.articles)]},
        "entities": {**ent, "gold": len(required), "optional_gold": len(golds) - len(required),
                     "predicted": len(pred_set - optional_nodes), "credited": tp,
                     "by_type": _by_type(required, credited, [view.nodes[i] for i in sorted(pred_set - optional_nodes)])},
        "relations": rel["overall"],
        "relations_by_predicate": rel["by_predicate"],
        "relations_by_rule": rel["by_rule"],
        "duplicates": duplicates,
        "wrong_merges": wrong,
        "missed_entities": misses,
        "spurious_entities": [{"label": n.label, "type": n.type, "docs": sorted(n.docs)} for n in spurious],
        "missed_relations": rel["missed"],
        "unmatched_edges": rel["wrong"],
        "must_not": must_not_hits(view, gold),
    }


def _by_type(golds: list[GoldEntity], credited: dict[str, str], predicted: list) -> dict:
    """Per gold type: gold entities, credited ones, predicted nodes of a compatible type."""
    out = {}
    for t in sorted({g.type for g in golds}):
        gs = [g for g in golds if g.type == t]
        out[t] = {"gold": len(gs), "credited": sum(g.id in credited for g in gs),
                  "predicted": sum(compatible(t, n.type) for n in predicted)}
    return out
