"""Offline entity linking: a local CSV (label,type,wikidata,gnd) -> owl:sameAs IRIs."""
from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from kg.errors import KgError
from kg.records import CLASS_OF_LABEL, Entity
from kg.resolve.names import fold

WIKIDATA = "http://www.wikidata.org/entity/"
GND = "https://d-nb.info/gnd/"
_TYPES = set(CLASS_OF_LABEL.values()) | set(CLASS_OF_LABEL)
_COMPATIBLE = {"Organization": {"Organization", "MediaOrganization"}, "MediaOrganization": {"Organization", "MediaOrganization"}}


def load_links(path: Path | str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(folded label, class) -> IRIs; KgError naming the file and the row on bad input."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read link table: {exc}") from None
    rows = csv.DictReader(text.splitlines())
    need = {"label", "type"}
    if not rows.fieldnames or not need <= set(rows.fieldnames):
        raise KgError(f"{path}: link table needs a header with columns label,type,wikidata,gnd")
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for n, row in enumerate(rows, 2):
        label, typ = (row.get("label") or "").strip(), (row.get("type") or "").strip()
        if not label or typ not in _TYPES:
            raise KgError(f"{path}: line {n}: need a label and a type ({', '.join(sorted(set(CLASS_OF_LABEL.values())))})")
        typ = CLASS_OF_LABEL.get(typ, typ)
        iris = []
        qid, gnd = (row.get("wikidata") or "").strip(), (row.get("gnd") or "").strip()
        if qid:
            if not (qid[:1] in "Qq" and qid[1:].isdigit()):
                raise KgError(f"{path}: line {n}: wikidata id {qid!r} is not of the form Q123")
            iris.append(WIKIDATA + qid.upper())
        if gnd:
            if not all(ch.isalnum() or ch == "-" for ch in gnd):
                raise KgError(f"{path}: line {n}: gnd id {gnd!r} is not valid")
            iris.append(GND + gnd)
        table[(fold(label), typ)] = table.get((fold(label), typ), ()) + tuple(iris)
    return table


def _iris(table, names, etype: str) -> set[str]:
    types = _COMPATIBLE.get(etype, {etype})
    return {iri for name in names for t in sorted(types) for iri in table.get((fold(name), t), ())}


def merge_linked(clusters: list, table: dict, type_of) -> list:
    """Clusters whose names link to one external IRI are one entity (rule "same-as")."""
    if not table:
        return clusters
    owner: dict[str, object] = {}
    out = []
    for c in clusters:
        names = [f.text for g in c.groups for f in g.forms if f.kind not in ("derived", "compound")]
        target = next((owner[i] for i in sorted(_iris(table, names, type_of(c))) if i in owner), None)
        if target is None:
            out.append(c)
            target = c
        else:
            target.groups += c.groups
            target.reasons.update({g.gid: ("same-as", 1.0) for g in c.groups})
            target.extra_mentions += c.extra_mentions
        for i in _iris(table, names, type_of(c)):
            owner.setdefault(i, target)
    return out


def link_entities(entities: list[Entity], table: dict) -> list[Entity]:
    """Entities with same_as filled where the label or a name alias matches a row of compatible type."""
    if not table:
        return entities
    out = []
    for e in entities:
        names = [e.label] + [a.text for a in e.aliases if a.rule not in ("account", "compound")]
        iris = _iris(table, names, e.type)
        out.append(replace(e, same_as=tuple(sorted(iris))) if iris else e)
    return out
