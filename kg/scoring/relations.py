"""Relation scoring: which gold relations a build found, which of its edges are right, per predicate and per rule.

A statement is an evidenced triple of one article (graphread.Statement). It matches a
gold relation (required or optional) when
- the predicates are equal;
- its subject is a node of the gold subject, or an event/quote whose agent is one;
- its object is a node of the gold object or of one of its `o_alt`; for `said` the
  object is the outlet the quote was spoken to (kg:spokenTo): a gold `said` without `o`
  accepts any statement of the speaker, one with `o` needs that outlet;
- its article is one of the relation's docs.
Edges are distinct (s, p, o) over the gold documents (a quote stands for its outlet, or
none). Precision = edges that match a required or optional relation / edges that match
no optional relation; recall = required relations matched / required relations.
Per rule (the evidence's extractor) the unit is the statement: one (s, p, o, article).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.scoring import prf
from kg.scoring.gold import UNKNOWN
from kg.scoring.gold import in_docs as _in_docs


@dataclass
class Edge:
    s: str
    p: str
    o: str  # "" for a said without outlet
    docs: set[str] = field(default_factory=set)
    sentences: dict[str, str] = field(default_factory=dict)  # doc -> a sentence
    rules: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # doc -> extractors


def collect_edges(view, preds: set[str], docs: list[str]) -> dict[tuple[str, str, str], Edge]:
    """The build's statements with a gold predicate in the gold documents, as distinct edges."""
    edges: dict[tuple[str, str, str], Edge] = {}
    for st in view.statements:
        if st.p not in preds or (docs and not _in_docs(st.doc, docs)):
            continue
        o = st.o
        if st.p == "said":
            outlets = sorted(view.structure.get(st.o, {}).get("spokenTo", ()))
            o = outlets[0] if outlets else ""
        e = edges.setdefault((st.s, st.p, o), Edge(st.s, st.p, o))
        e.docs.add(st.doc)
        e.sentences.setdefault(st.doc, st.sentence)
        e.rules[st.doc].add(st.extractor or "?")
    return edges


class Matcher:
    """Does an edge (in one of its articles) match a gold relation?"""

    def __init__(self, view, matches: dict[str, list[str]]):
        self.matches = {k: set(v) for k, v in matches.items()}
        self.agents = {node: st.get("agent", set()) for node, st in view.structure.items() if st.get("agent")}

    def subject_ok(self, r: dict, s: str) -> bool:
        subj = self.matches.get(r["s"], set())
        return s in subj or bool(self.agents.get(s, set()) & subj)

    def object_ok(self, r: dict, o: str, lenient_said: bool) -> bool:
        if "o" not in r or r["o"].startswith(UNKNOWN):  # an object the text does not name: anything matches
            return True
        if r["p"] == "said" and o == "" and lenient_said:
            return True  # the speaker did say it; the outlet is not in the graph
        targets = set(self.matches.get(r["o"], set()))
        for alt in r.get("o_alt") or []:
            targets |= self.matches.get(alt, set())
        return o in targets

    def hit(self, r: dict, e: Edge, docs, lenient_said: bool = False) -> bool:
        return (e.p == r["p"] and self.subject_ok(r, e.s) and self.object_ok(r, e.o, lenient_said)
                and (not r.get("docs") or any(_in_docs(d, [str(x) for x in r["docs"]]) for d in docs)))


def _label(view, iri: str) -> str:
    if not iri:
        return "-"
    return view.nodes[iri].label if iri in view.nodes else iri.rsplit("/", 1)[-1]


def score_relations(view, gold: dict, matches: dict[str, list[str]], docs: list[str]) -> dict:
    """Overall, per-predicate and per-rule scores, misses (with the gold evidence) and wrong edges (with sentences)."""
    required = gold.get("relations") or []
    optional = gold.get("optional_relations") or []
    preds = {r["p"] for r in required + optional}
    edges = collect_edges(view, preds, docs)
    m = Matcher(view, matches)

    found = [r for r in required if any(m.hit(r, e, e.docs) for e in edges.values())]
    found_ids = {id(r) for r in found}
    status: dict[tuple, str] = {}
    for k, e in edges.items():
        if any(m.hit(r, e, e.docs, lenient_said=True) for r in required):
            status[k] = "correct"
        elif any(m.hit(r, e, e.docs, lenient_said=True) for r in optional):
            status[k] = "optional"
        else:
            status[k] = "wrong"
    scored = [k for k in edges if status[k] != "optional"]
    correct = [k for k in scored if status[k] == "correct"]
    overall = {**prf(len(found), len(required), len(correct), len(scored)),
               "gold": len(required), "found": len(found), "predicted": len(scored), "correct": len(correct),
               "optional_found": sum(v == "optional" for v in status.values())}

    by_predicate = {}
    for p in sorted(preds):
        g = [r for r in required if r["p"] == p]
        f = [r for r in g if id(r) in found_ids]
        sc = [k for k in scored if k[1] == p]
        c = [k for k in sc if status[k] == "correct"]
        by_predicate[p] = {**prf(len(f), len(g), len(c), len(sc)),
                           "gold": len(g), "found": len(f), "predicted": len(sc), "correct": len(c)}

    by_rule = _by_rule(edges, m, required, optional)
    missed = [{"s": r["s"], "p": r["p"], "o": r.get("o", ""), "docs": list(r.get("docs") or []),
               "evidence": r.get("evidence_hint", "")} for r in required if id(r) not in found_ids]
    wrong = []
    for k in sorted(scored):
        if status[k] != "wrong":
            continue
        e = edges[k]
        for d in sorted(e.docs):
            wrong.append({"s": _label(view, e.s), "p": e.p, "o": _label(view, e.o), "doc": d, "docs": sorted(e.docs),
                          "rules": sorted(e.rules[d]), "sentence": e.sentences.get(d, "")})
    return {"overall": overall, "by_predicate": by_predicate, "by_rule": by_rule, "missed": missed, "wrong": wrong}


def _by_rule(edges, m: Matcher, required: list[dict], optional: list[dict]) -> dict:
    """Per extractor: statements (edge, article) it made, how many match a required relation, found relations."""
    out: dict[str, dict] = defaultdict(lambda: {"statements": 0, "correct": 0, "optional": 0, "found": set()})
    for e in edges.values():
        for doc, rules in e.rules.items():
            req = [i for i, r in enumerate(required) if m.hit(r, e, [doc], lenient_said=True)]
            opt = not req and any(m.hit(r, e, [doc], lenient_said=True) for r in optional)
            strict = {i for i, r in enumerate(required) if m.hit(r, e, [doc])}
            for rule in rules:
                row = out[rule]
                if opt:
                    row["optional"] += 1
                    continue
                row["statements"] += 1
                row["correct"] += bool(req)
                row["found"] |= strict
    result = {}
    for rule in sorted(out):
        row = out[rule]
        prec = row["correct"] / row["statements"] if row["statements"] else 0.0
        result[rule] = {"statements": row["statements"], "correct": row["correct"], "optional": row["optional"],
                        "precision": round(prec, 3), "found": len(row["found"])}
    return result
