"""The networkx projection of the RDF graph: what the HTML explorer draws.

Nodes are entities (plus event and quote nodes with their parts), edges are
relations with every evidence record behind them. The projection is computed
from the store with the SPARQL in kg/view/queries; it is a view, never a
second store.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg import vocab
from kg.view.evidence import (
    RDF,
    article_id,
    graph_article,
    local_name,
    marks,
    read_articles,
    read_evidence,
)
from kg.view.sparql import select

# When an entity has several kg: classes, the most specific one names it.
TYPE_ORDER = ("MediaOrganization", "Account", "Person", "Organization", "Location")
QUOTE_LABEL_CHARS = 60


def project(store) -> nx.MultiDiGraph:
    """Project the store (holding out/graph.trig) onto a networkx MultiDiGraph.

    Node keys are IRIs. Entity nodes: iri, type, label, aliases, alias_info,
    articles, degree, facts, quotes. Event nodes (type "Event"): kind, parts
    {role: [iri]}, dates, durations, claims [{name, value, text, article}],
    evidence. Quote nodes (type "Quote"): text, evidence. Edge keys are
    predicates; edges carry predicate, confidence (max), articles, part (event
    or quote role) and evidence: dicts with article, title, date, url, outlet,
    sentence, sentence_index, start, end, marks, extractor, confidence,
    hedged, hedge, asserted_by, qualifiers. graph.graph["articles"] maps
    article ids to their metadata.
    """
    articles = read_articles(store)
    evidence = read_evidence(store, articles)
    graph = nx.MultiDiGraph(articles=articles)
    _add_entities(graph, store)
    _add_relations(graph, store, evidence)
    _add_statements(graph, store, evidence)
    _add_facts(graph, evidence)
    _finish(graph, store)
    return graph


def _type_rank(name: str) -> int:
    return TYPE_ORDER.index(name) if name in TYPE_ORDER else len(TYPE_ORDER)


def _add_entities(graph: nx.MultiDiGraph, store) -> None:  # noqa: C901
    for row in select(store, "entities", entities_graph=vocab.ENTITIES_GRAPH):
        iri, kind = row["entity"], local_name(row["type"])
        label = row.get("pref") or row.get("label")
        if iri not in graph:
            graph.add_node(iri, iri=iri, type=kind, label=label, aliases=[], alias_info=[],
                           articles=set(), facts=[], quotes=[], kind="entity")
            continue
        node = graph.nodes[iri]
        if _type_rank(kind) < _type_rank(node["type"]):
            node["type"] = kind
        if not node["label"] and label:
            node["label"] = label
    for node in graph.nodes.values():
        node["label"] = str(node["label"] or local_name(node["iri"]))
    seen: dict[tuple[str, str], dict] = {}
    for row in select(store, "aliases", entities_graph=vocab.ENTITIES_GRAPH):
        iri, alias = row["entity"], str(row["alias"])
        if iri not in graph or alias == graph.nodes[iri]["label"]:
            continue
        info = seen.get((iri, alias))
        if info is None:
            info = seen[(iri, alias)] = {"text": alias, "rule": None, "score": None, "articles": []}
            graph.nodes[iri]["aliases"].append(alias)
            graph.nodes[iri]["alias_info"].append(info)
        if row.get("rule") is not None:
            info["rule"] = str(row["rule"])
        if row.get("score") is not None:
            info["score"] = row["score"]
        if row.get("source"):
            aid = article_id(row["source"])
            if aid not in info["articles"]:
                info["articles"].append(aid)
            graph.nodes[iri]["articles"].add(aid)


def _names(graph: nx.MultiDiGraph, *iris: str | None) -> list[str]:
    names: list[str] = []
    for iri in iris:
        if iri in graph:
            names.append(graph.nodes[iri]["label"])
            names.extend(graph.nodes[iri].get("aliases", ()))
    return names


def _with_marks(record: dict, subject_names: list[str], object_names: list[str] = ()) -> dict:
    return {**record, "marks": marks(record, subject_names, object_names)}


def _add_relations(graph: nx.MultiDiGraph, store, evidence: dict[str, dict]) -> None:
    """One edge per (subject, predicate, object), with all its evidence."""
    triples: dict[tuple[str, str, str], list[dict]] = {}
    for row in select(store, "relations"):
        if row["s"] in graph and row["o"] in graph:
            triples.setdefault((row["s"], row["p"], row["o"]), [])
    for rec in evidence.values():
        s, p, o = rec.get("subject"), rec.get("predicate"), rec.get("object")
        if rec.get("object_is_iri") and s in graph and o in graph and p:
            triples.setdefault((s, p, o), []).append(rec)
    for (s, p, o), recs in sorted(triples.items()):
        subject, obj = _names(graph, s), _names(graph, o)
        _add_edge(graph, s, o, local_name(p), [_with_marks(r, subject, obj) for r in recs], iri=p)


def _add_edge(graph, s, o, predicate: str, recs: list[dict], **attrs) -> None:
    recs = distinct(sorted(recs, key=lambda r: (r.get("article") or "", r.get("sentence_index") or 0, r["id"])))
    confidences = [r["confidence"] for r in recs if r.get("confidence") is not None]
    graph.add_edge(
        s, o, key=predicate, predicate=predicate, evidence=recs,
        confidence=max(confidences) if confidences else None,
        articles=sorted({r["article"] for r in recs if r.get("article")}), **attrs,
    )


def distinct(recs: list[dict]) -> list[dict]:
    """One record per sentence and extractor: several evidence nodes for the same
    sentence (e.g. two spans of it) would show the reader the same card twice.
    The card keeps the highlighted spans of all of them."""
    seen: dict[tuple, dict] = {}
    for rec in recs:
        key = (rec.get("article"), rec.get("sentence_index"), rec.get("sentence"), rec.get("extractor"))
        if key in seen:
            seen[key]["ids"].append(rec["id"])
            if "marks" in rec:
                kept = seen[key].get("marks") or []
                seen[key]["marks"] = sorted(kept + [m for m in rec["marks"] if m not in kept])
        else:
            seen[key] = {**rec, "ids": [rec["id"]]}
    return list(seen.values())


def _add_statements(graph: nx.MultiDiGraph, store, evidence: dict[str, dict]) -> None:
    """Event and quote nodes: their parts become edges, their literals claims."""
    props: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for row in select(store, "statements"):
        props[row["node"]][row["g"]].append((row["p"], row["v"], bool(row["iri"])))
    for iri, by_graph in sorted(props.items()):
        types = {local_name(v) for rows in by_graph.values() for p, v, _ in rows if p == RDF + "type"}
        if "Quote" in types:
            _add_quote(graph, iri, by_graph, evidence)
        else:
            kind = sorted(types - {"Event"})[0] if types - {"Event"} else "Event"
            _add_event(graph, iri, kind, by_graph, evidence)


def _statement_evidence(by_graph, evidence) -> dict[str, list[dict]]:
    """Graph -> evidence records named by kg:evidence in that graph."""
    out: dict[str, list[dict]] = {}
    for g, rows in by_graph.items():
        out[g] = [evidence[v] for p, v, _ in rows if local_name(p) == "evidence" and v in evidence]
    return out


def _add_event(graph, iri, kind, by_graph, evidence) -> None:
    ev_by_graph = _statement_evidence(by_graph, evidence)
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # role -> target -> graphs
    claims: list[dict] = []
    for g, rows in sorted(by_graph.items()):
        literals = {local_name(p): v for p, v, is_iri in rows if not is_iri}
        for p, v, is_iri in rows:
            role = local_name(p)
            if is_iri and v in graph and p != RDF + "type":
                parts[role][v].append(g)
        for name, value in sorted(literals.items()):
            base = name[:-4] if name.endswith("Text") else None
            if base and base in literals:
                continue  # the text goes with its normalised value
            claims.append({"name": base or name, "value": value, "text": literals.get(name + "Text"),
                           "article": graph_article(g)})
    all_ev = [r for recs in ev_by_graph.values() for r in recs]
    agents = _names(graph, *parts.get("agent", ()))
    names = _names(graph, *[t for role, targets in parts.items() if role != "agent" for t in targets])
    graph.add_node(iri, iri=iri, type="Event", kind=kind, label=_event_label(graph, kind, parts),
                   aliases=[], alias_info=[], claims=claims,
                   parts={role: sorted(targets) for role, targets in sorted(parts.items())},
                   dates=sorted({c["value"] for c in claims if c["name"] == "date"}),
                   durations=sorted({c["value"] for c in claims if c["name"] == "duration"}), evidence=distinct([_with_marks(r, agents, names) for r in all_ev]),  # noqa: E501
                   articles={r["article"] for r in all_ev if r.get("article")}, facts=[], quotes=[])
    for role, targets in sorted(parts.items()):
        for target, graphs in sorted(targets.items()):
            recs = [r for g in graphs for r in ev_by_graph.get(g, [])]
            _add_edge(graph, iri, target, role, [_with_marks(r, agents, names) for r in recs], part=True)


def _event_label(graph, kind: str, parts) -> str:
    """"Deactivation: <account>" (or agent), so many events of one kind stay apart on screen."""
    for role in ("account", "agent", "accountOwner"):
        for target in sorted(parts.get(role, ())):
            name = graph.nodes[target]["label"]
            return f"{kind}: {name}" if len(name) <= 40 else f"{kind}: {name[:39]}…"
    return kind


def _add_quote(graph, iri, by_graph, evidence) -> None:
    ev_by_graph = _statement_evidence(by_graph, evidence)
    rows = [r for g in sorted(by_graph) for r in by_graph[g]]
    values = {local_name(p): v for p, v, _ in rows}
    text = str(values.get("quoteText", ""))
    speaker, outlet = values.get("speaker"), values.get("spokenTo")
    recs = [r for recs in ev_by_graph.values() for r in recs]
    recs = distinct([_with_marks(r, _names(graph, speaker), _names(graph, outlet)) for r in recs])
    label = text if len(text) <= QUOTE_LABEL_CHARS else text[: QUOTE_LABEL_CHARS - 1].rsplit(" ", 1)[0] + " …"
    graph.add_node(iri, iri=iri, type="Quote", kind="Quote", label=f"„{label}“", text=text, aliases=[],
                   alias_info=[], evidence=recs, claims=[], facts=[], quotes=[],
                   articles={r["article"] for r in recs if r.get("article")})
    if speaker in graph:
        _add_edge(graph, speaker, iri, "said", recs, part=True)
        graph.nodes[speaker]["quotes"].append({"quote": iri, "text": text, "outlet": outlet})
    if outlet in graph:
        _add_edge(graph, iri, outlet, "spokenTo", recs, part=True)


def _add_facts(graph: nx.MultiDiGraph, evidence: dict[str, dict]) -> None:
    """Literal claims (follower counts, ...) grouped by value, so disagreement shows."""
    grouped: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rec in evidence.values():
        s = rec.get("subject")
        if s in graph and rec.get("predicate") and "object" in rec and not rec.get("object_is_iri"):
            grouped[(s, local_name(rec["predicate"]), str(rec["object"]))].append(rec)
    for (s, attribute, value), recs in sorted(grouped.items()):
        names = _names(graph, s)
        graph.nodes[s]["facts"].append({
            "attribute": attribute, "value": value,
            "evidence": [_with_marks(r, names) for r in recs],
        })
        graph.nodes[s]["articles"].update(r["article"] for r in recs if r.get("article"))


def _finish(graph: nx.MultiDiGraph, store) -> None:
    for row in select(store, "mentions", entities_graph=vocab.ENTITIES_GRAPH):
        if row["entity"] in graph:
            graph.nodes[row["entity"]]["articles"].add(article_id(row["article"]))
    for s, o, data in graph.edges(data=True):
        for n in (s, o):
            graph.nodes[n]["articles"].update(data["articles"])
    for n, data in graph.nodes(data=True):
        data["articles"] = sorted(a for a in data["articles"] if a)
        data["degree"] = graph.degree(n)
