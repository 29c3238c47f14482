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


def link_entities(entities: list[Entity], path: Path | str | None) -> list[Entity]:
    """Entities with same_as filled where the label or a name alias matches a row of compatible type."""
    if path is None:
        return entities
    table = load_links(path)
    out = []
    for e in entities:
        names = [e.label] + [a.text for a in e.aliases if a.rule not in ("account", "compound")]
        types = _COMPATIBLE.get(e.type, {e.type})
        iris: list[str] = []
        for name in names:
            for t in sorted(types):
                iris.extend(table.get((fold(name), t), ()))
        out.append(replace(e, same_as=tuple(sorted(set(iris)))) if iris else e)
    return out
