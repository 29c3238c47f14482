"""must_not checks: the gold's forbidden outcomes that a machine can test.

Gold files state must_not items in prose. These forms are checked:
- `forbidden_labels`: a node carrying one of these names;
- "... <predicate> edge ... 'cue' ...": an edge of that predicate whose sentence holds a quoted cue
  (with "edge X -> Y" or "edge to Y" in the item: only an edge whose object is named Y);
- "two nodes for A and B" / "separate nodes for A, B and C": more than one node for those names;
- "A and B as one node" / "A merged with B": one node carrying names of both sides;
- "a reportedBy edge to a non-media organisation": any reportedBy edge whose object is not a
  MediaOrganization (the annotation convention: the object of reportedBy is always an outlet).
Other items are prose for the reader of the report; they are listed as unchecked.
"""
from __future__ import annotations

import re

_QUOTED = re.compile(r"['‘’\"“”]([^'‘’\"“”]+)['‘’\"“”]")
_PRED = re.compile(r"\b(employedBy|reportedBy|deactivated|accountOf|onPlatform|flaggedBy|nationality|said|locatedIn)\b")
_SPLIT = re.compile(r"^\s*(?:two|separate) nodes for (.+)", re.I)
_ONE = re.compile(r"^\s*(?:the\s+)?(.+?)\s+(?:and|merged with)\s+(?:the\s+)?(.+?)(?:\s+as one node|\s*\(|$)", re.I)


def _names(text: str) -> set[str]:
    """"A, B and C (0302)" -> {a, b, c}: names only, notes in brackets dropped."""
    text = re.sub(r"\([^)]*\)", " ", text)
    parts = re.split(r",|;|\band\b|\bor\b", text)
    return {p.strip(" .'‘’\"").casefold() for p in parts if p.strip(" .'‘’\"")}


def _node_names(n) -> set[str]:
    return {x.casefold() for x in n.names}


def must_not_hits(view, gold: dict) -> list[dict]:
    """Every machine-checkable must_not item that the build violates."""
    hits = []
    forbidden = {f.casefold(): f for f in gold.get("forbidden_labels") or []}
    for n in view.nodes.values():
        for name in sorted(n.names):
            if name.casefold() in forbidden:
                hits.append({"kind": "forbidden_label", "label": name, "node": n.iri})
    for text in gold.get("must_not") or []:
        hits.extend(_cue_edges(view, text))
        hits.extend(_split_nodes(view, text))
        hits.extend(_one_node(view, text))
        if re.search(r"reportedBy edge to a non-media", text):
            for st in view.statements:
                node = view.nodes.get(st.o)
                if st.p == "reportedBy" and node is not None and node.type != "MediaOrganization":
                    hits.append({"kind": "cue_edge", "rule": text, "s": st.s, "p": st.p, "o": st.o,
                                 "doc": st.doc, "sentence": st.sentence})
    return hits


_TARGET = re.compile(r"edge\s+(?:[^'(]*?->\s*|to\s+)([A-ZÄÖÜ][\w-]+)")


def _cue_edges(view, text: str) -> list[dict]:
    """Edges of the named predicate whose sentence holds a quoted cue; where the item names the
    wrong object ("an edge X -> Deutschland", "an edge to Oberösterreich"), only edges to it."""
    pred = _PRED.search(text)
    if not pred or "edge" not in text:
        return []
    target = _TARGET.search(text)
    wanted = target.group(1).casefold() if target else None
    out = []
    for cue in _QUOTED.findall(text):
        rx = re.compile(rf"\b{re.escape(cue.strip(' .…'))}\b", re.I)
        for st in view.statements:
            if wanted and not any(n.casefold().startswith(wanted) for n in getattr(view.nodes.get(st.o), "names", ())):
                continue
            if st.p == pred.group(1) and rx.search(st.sentence):
                out.append({"kind": "cue_edge", "rule": text, "s": st.s, "p": st.p, "o": st.o,
                            "doc": st.doc, "sentence": st.sentence})
    return out


def _split_nodes(view, text: str) -> list[dict]:
    m = _SPLIT.match(text)
    if not m:
        return []
    out = []
    for clause in re.split(r";\s*(?:two|separate) nodes for ", m.group(1)):
        names = _names(re.split(r"\(\s*or\s+", clause)[0])
        if len(names) < 2:
            continue
        nodes = sorted({n.iri for n in view.nodes.values() if _node_names(n) & names})
        if len(nodes) > 1:
            out.append({"kind": "duplicate", "rule": text, "nodes": nodes})
    return out


def _one_node(view, text: str) -> list[dict]:
    if not re.search(r"as one node|merged with", text):
        return []
    out = []
    for clause in re.split(r";", text):
        m = _ONE.match(clause)
        if not m:
            continue
        left, right = _names(m.group(1)), _names(m.group(2))
        for n in view.nodes.values():
            names = _node_names(n)
            if names & left and names & right and not (left & right):
                out.append({"kind": "wrong_merge", "rule": text, "nodes": [n.iri]})
    return out
