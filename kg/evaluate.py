"""Score a build against a gold file: entities, relations, duplicates, wrong merges, must_not.

Definitions (also in docs/readme/resolve.md):
- A node matches a gold entity when the types are compatible (Organization ~
  MediaOrganization) and one of the node's names (label or altLabel) equals,
  case-insensitively, the gold label or a *specific* gold alias. An alias is
  generic ("Account", "Präsident", "Plattform") unless it shares a word stem
  (one word is a prefix of the other, or the first 5 letters agree) with the gold label, is an
  acronym (all capitals, <= 6 characters), a domain, or a country or region
  name (pycountry, CLDR: "Amerika"); generic aliases never
  match, so they cannot create false duplicates. A gold Account also matches
  the Account node whose owner (and platform, when both are known) match the
  gold accountOf/onPlatform relations.
- Entity precision = credited gold entities / predicted nodes; recall =
  credited gold entities / gold entities. Each node credits at most one gold
  entity, so duplicate nodes and wrongly merged nodes lower the scores.
  Predicted nodes are entities of the five entity classes mentioned in the
  gold documents.
- A gold relation is found when an edge with its predicate links a node of
  s (or an event whose agent is such a node) to a node of o, with evidence
  from at least one listed doc; UNKNOWN_USER matches any object.
- Relation precision: among the distinct predicted (s, p, o) with a gold
  predicate and evidence from a gold document, the share that match a gold
  relation (with evidence from one of its docs).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.resolve.graphread import ENTITY_TYPES, GraphView
from kg.resolve.names import fold
from kg.resolve.places import territory_names

UNKNOWN = "UNKNOWN_USER"
_ORG = {"Organization", "MediaOrganization"}


@dataclass
class GoldEntity:
    id: str
    type: str
    label: str
    names: set[str]  # casefolded label + specific aliases
    docs: list[str]


def _fail(path: Path, problem: str) -> InputError:
    return InputError(f"{path}: {problem}")


def load_gold(path: Path | str) -> dict:
    """Read and check the gold file (schema of eval/seeds/gold.json)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(path, f"cannot read gold file ({exc.strerror or exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _fail(path, f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise _fail(path, "expected an object with an 'entities' list")
    ids = set()
    for n, e in enumerate(data["entities"], 1):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("id", "type", "label")):
            raise _fail(path, f"entity {n}: needs string fields id, type, label")
        ids.add(e["id"])
    for n, r in enumerate(data.get("relations") or [], 1):
        if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in ("s", "p", "o")):
            raise _fail(path, f"relation {n}: needs string fields s, p, o")
        for end in ("s", "o"):
            if r[end] not in ids and r[end] != UNKNOWN:
                raise _fail(path, f"relation {n}: {end}={r[end]!r} is not a gold entity id")
    return data


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.casefold()) if len(w) >= 3]


def _related(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def is_specific(alias: str, label: str) -> bool:
    """An alias that names this entity rather than a kind of thing (see module doc)."""
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
        out.append(GoldEntity(e["id"], e["type"], e["label"], names, [str(d) for d in e.get("docs") or []]))
    return out


def compatible(gold_type: str, node_type: str) -> bool:
    return gold_type == node_type or (gold_type in _ORG and node_type in _ORG)


def in_docs(doc_id: str, prefixes) -> bool:
    """Doc ids are article-id prefixes ending at a separator: "000" matches "000_77144676"."""
    return any(doc_id == p or (doc_id.startswith(str(p)) and not doc_id[len(str(p))].isalnum()) for p in prefixes)


def match_entities(view: GraphView, golds: list[GoldEntity], gold: dict) -> dict[str, list[str]]:
    """gold id -> matching node IRIs (sorted: label matches first)."""
    matches: dict[str, list[str]] = {}
    for g in golds:
        hits = [n for n in view.nodes.values()
                if compatible(g.type, n.type) and {x.casefold() for x in n.names} & g.names]
        hits.sort(key=lambda n: (n.label.casefold() != g.label.casefold(), -len(n.docs), n.iri))
        matches[g.id] = [n.iri for n in hits]
    by_rel = defaultdict(dict)
    for r in gold.get("relations") or []:
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
    tp = len(credited)
    ent = _prf(tp, len(pred_set | set(credited.values())), len(golds))
    lab = {i: view.nodes[i].label for i in view.nodes}
    duplicates = [{"gold": g.id, "label": g.label, "nodes": [{"iri": i, "label": lab[i]} for i in matches[g.id]]}
                  for g in golds if len(matches[g.id]) > 1]
    wrong = [{"node": i, "label": lab[i], "gold": sorted(gs)} for i, gs in sorted(node_golds.items()) if len(gs) > 1]
    misses = [{"gold": g.id, "label": g.label, "type": g.type} for g in golds if not matches[g.id]]
    rel, rel_misses, rel_wrong = _relations(view, gold, matches, docs)
    return {
        "documents": {"gold": docs, "missing": [d for d in docs if not any(in_docs(a, [d]) for a in view.articles)]},
        "entities": {**ent, "gold": len(golds), "predicted": len(pred_set), "credited": tp,
                     "by_type": _by_type(golds, credited, [view.nodes[i] for i in sorted(pred_set)])},
        "relations": rel,
        "duplicates": duplicates,
        "wrong_merges": wrong,
        "missed_entities": misses,
        "missed_relations": rel_misses,
        "unmatched_edges": rel_wrong,
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


def _prf(tp: int, predicted: int, gold: int) -> dict:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _relations(view: GraphView, gold: dict, matches: dict[str, list[str]], docs: list[str]):
    rels = gold.get("relations") or []
    preds = {r["p"] for r in rels}
    agents = {node: st.get("agent", set()) for node, st in view.structure.items() if st.get("agent")}
    edges: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for st in view.statements:
        if st.p in preds and (not docs or in_docs(st.doc, docs)):
            edges[(st.s, st.p, st.o)].add(st.doc)

    def hit(r: dict, s: str, p: str, o: str, ds: set[str]) -> bool:
        subj = set(matches.get(r["s"], []))
        ok_s = s in subj or bool(agents.get(s, set()) & subj)
        ok_o = r["o"] == UNKNOWN or o in set(matches.get(r["o"], []))
        ok_d = not r.get("docs") or any(in_docs(d, [str(x) for x in r["docs"]]) for d in ds)
        return p == r["p"] and ok_s and ok_o and ok_d

    found = [r for r in rels if any(hit(r, *k, ds) for k, ds in edges.items())]
    correct = [k for k, ds in edges.items() if any(hit(r, *k, ds) for r in rels)]
    lab = lambda i: view.nodes[i].label if i in view.nodes else i.rsplit("/", 1)[-1]  # noqa: E731
    missed = [{"s": r["s"], "p": r["p"], "o": r["o"]} for r in rels if r not in found]
    wrong = [{"s": lab(s), "p": p, "o": lab(o), "docs": sorted(edges[(s, p, o)])}
             for (s, p, o) in sorted(edges) if (s, p, o) not in set(correct)]
    score = _prf(len(found), len(edges), len(rels))
    score["precision"] = round(len(correct) / len(edges), 3) if edges else 0.0
    p, r = score["precision"], score["recall"]
    score["f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return {**score, "gold": len(rels), "found": len(found), "predicted": len(edges), "correct": len(correct)}, missed, wrong


_QUOTED = re.compile(r"['‘’\"“”]([^'‘’\"“”]+)['‘’\"“”]")
_PRED = re.compile(r"\b(employedBy|reportedBy|deactivated|accountOf|onPlatform|flaggedBy|nationality|said|locatedIn)\b")


def must_not_hits(view: GraphView, gold: dict) -> list[dict]:
    """Forbidden labels present, predicate edges evidenced by a forbidden cue, and forbidden duplicate nodes."""
    hits = []
    forbidden = {f.casefold(): f for f in gold.get("forbidden_labels") or []}
    for n in view.nodes.values():
        for name in sorted(n.names):
            if name.casefold() in forbidden:
                hits.append({"kind": "forbidden_label", "label": name, "node": n.iri})
    for text in gold.get("must_not") or []:
        pred = _PRED.search(text)
        if pred and "edge" in text:
            for cue in _QUOTED.findall(text):
                rx = re.compile(rf"\b{re.escape(cue)}\b", re.I)
                for st in view.statements:
                    if st.p == pred.group(1) and rx.search(st.sentence):
                        hits.append({"kind": "cue_edge", "rule": text, "s": st.s, "p": st.p, "o": st.o,
                                     "doc": st.doc, "sentence": st.sentence})
        m = re.match(r"\s*two nodes for (.+)", text, re.I)
        if m:
            for names in _name_sets(m.group(1)):
                nodes = sorted({n.iri for n in view.nodes.values() if {x.casefold() for x in n.names} & names})
                if len(nodes) > 1:
                    hits.append({"kind": "duplicate", "rule": text, "nodes": nodes})
    return hits


def _name_sets(text: str) -> list[set[str]]:
    """"A and B (or C and D)" -> [{a, b}, {c, d}]."""
    out = []
    for seg in re.split(r"\(\s*or\s+", text):
        names = {x.strip(" )").casefold() for x in re.split(r",|\band\b|\bor\b", seg) if x.strip(" )")}
        if len(names) > 1:
            out.append(names)
    return out
