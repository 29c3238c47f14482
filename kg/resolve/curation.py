"""Analyst curation: a YAML file of merge/split/rename/retype/drop decisions.

Applied after automatic clustering on every build, so a correction survives
rebuilds and new articles. Entities are named by key ("person/anna-berger")
or by any surface form (case-insensitive), which stays valid as the corpus grows.

    merge:
      - entities: ["Anna Berger", "A. Berger"]
        label: Anna Berger          # optional
    split:
      - entity: person/anna-berger
        forms: ["Berger"]          # and/or docs: ["017"] (article id prefixes)
    rename:
      - {entity: org/acme, label: "Acme AG"}
    retype:
      - {entity: org/acme, type: MediaOrganization}
    drop: ["Impressum"]
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.errors import KgError
from kg.resolve.clusters import Cluster
from kg.resolve.groups import Group
from kg.resolve.names import fold

KINDS = ("split", "merge", "rename", "retype", "drop")  # applied in this order
TYPES = ("Person", "Organization", "MediaOrganization", "Location")


class CurationError(KgError):
    """The curation file is unreadable or malformed."""


def load_curation(path: Path | str | None) -> dict[str, list[dict]]:
    """Read and validate the curation file; KgError naming the file and the problem."""
    if path is None:
        return {}
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CurationError(f"{path}: cannot read curation file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise CurationError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected a mapping with keys {', '.join(KINDS)}")
    unknown = sorted(set(map(str, data)) - set(KINDS))
    if unknown:
        raise CurationError(f"{path}: unknown section(s) {', '.join(unknown)}; allowed: {', '.join(KINDS)}")
    out: dict[str, list[dict]] = {}
    for kind in KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise CurationError(f"{path}: '{kind}' must be a list")
        out[kind] = [_item(path, kind, n, item) for n, item in enumerate(items, 1)]
    return out


def _item(path: Path, kind: str, n: int, item: object) -> dict:  # noqa: C901
    where = f"{path}: {kind} item {n}"
    if kind == "drop" and isinstance(item, str):
        item = {"entity": item}
    if kind == "merge" and isinstance(item, list):
        item = {"entities": item}
    if not isinstance(item, dict):
        raise CurationError(f"{where}: expected a mapping")
    if kind == "merge":
        ents = item.get("entities")
        if not isinstance(ents, list) or len(ents) < 2 or not all(isinstance(e, str) and e.strip() for e in ents):
            raise CurationError(f"{where}: 'entities' must list at least two entity keys or names")
    else:
        if not isinstance(item.get("entity"), str) or not item["entity"].strip():
            raise CurationError(f"{where}: 'entity' (a key or a name) is required")
    if kind in ("rename", "merge") and "label" in item and not (isinstance(item["label"], str) and item["label"].strip()):
        raise CurationError(f"{where}: 'label' must be a non-empty string")
    if kind == "rename" and "label" not in item:
        raise CurationError(f"{where}: 'label' is required")
    if kind == "retype" and item.get("type") not in TYPES:
        raise CurationError(f"{where}: 'type' must be one of {', '.join(TYPES)}")
    if kind == "split":
        forms, docs = item.get("forms", []), item.get("docs", [])
        if not forms and not docs:
            raise CurationError(f"{where}: give 'forms' and/or 'docs' to split off")
        for name, val in (("forms", forms), ("docs", docs)):
            if not isinstance(val, list) or not all(isinstance(v, (str, int)) for v in val):
                raise CurationError(f"{where}: '{name}' must be a list of strings")
        item = {**item, "forms": [str(v) for v in forms], "docs": [str(v) for v in docs]}
    return item


def find(clusters: list[Cluster], ref: str, key_of) -> list[Cluster]:
    """Clusters named by ``ref``: entity key, or any surface form (case-insensitive)."""
    r = fold(ref.strip())
    hits = [c for c in clusters if not c.dropped and key_of(c) == ref.strip()]
    if hits:
        return hits
    return [c for c in clusters if not c.dropped and (r in {fold(t) for t in c.form_texts()} or (c.label and fold(c.label) == r))]


def _doc_match(doc_id: str, prefixes: list[str]) -> bool:
    """Article-id prefixes ending at a separator: "017" matches "017_ab12", not "0171"."""
    return any(doc_id == p or (doc_id.startswith(p) and not doc_id[len(p)].isalnum()) for p in prefixes)


def _split_off(c: Cluster, forms: set[str], docs: list[str]) -> list[Group]:
    """Remove from ``c`` the groups of the listed docs and the mentions using the listed forms
    (a form used inside another group, "Berger" for "Anna Berger", leaves with its mention only)."""
    moved: list[Group] = []
    keep: list[Group] = []
    for g in c.groups:
        hit = [f for f in g.forms if fold(f.text) in forms]
        if _doc_match(g.doc_id, docs) or (hit and len(hit) == len(g.forms)):
            moved.append(g)
        elif hit:
            rest = [f for f in g.forms if f not in hit]
            gone = {f.mention for f in hit}
            first = min(f.mention for f in hit)
            moved.append(Group(gid=(g.doc_id, first), doc_id=g.doc_id, family=g.family, forms=hit,
                               votes=Counter(f.label for f in hit), mentions=sorted(gone)))
            keep.append(Group(gid=g.gid, doc_id=g.doc_id, family=g.family, forms=rest,
                              votes=g.votes - Counter(f.label for f in hit),
                              mentions=[i for i in g.mentions if i not in gone]))
        else:
            keep.append(g)
    if keep:
        c.groups = keep
    return moved if keep else []


def apply_curation(clusters: list[Cluster], cur: dict[str, list[dict]], key_of) -> tuple[list[Cluster], list[tuple[str, str]]]:  # noqa: C901
    """Apply decisions in order split, merge, rename, retype, drop; returns (clusters, decisions)."""
    decisions: list[tuple[str, str]] = []
    for item in cur.get("split", []):
        hits = find(clusters, item["entity"], key_of)
        if not hits:
            decisions.append(("unmatched", f"split {item['entity']}"))
            continue
        forms = {fold(f) for f in item["forms"]}
        for c in hits:
            moved = _split_off(c, forms, item["docs"])
            if moved:
                clusters.append(Cluster(moved, {g.gid: ("curation", 1.0) for g in moved}))
                decisions.append(("split", f"{item['entity']}: {', '.join(sorted({g.main for g in moved}))}"))
    for item in cur.get("merge", []):
        found = [c for ref in item["entities"] for c in find(clusters, ref, key_of)]
        uniq = list({id(c): c for c in found}.values())
        if len(uniq) < 2:
            decisions.append(("unmatched", f"merge {' + '.join(item['entities'])}"))
            continue
        keep = uniq[0]
        for c in uniq[1:]:
            keep.groups += c.groups
            keep.reasons.update({g.gid: ("curation", 1.0) for g in c.groups})
            keep.extra_mentions += c.extra_mentions
            clusters.remove(c)
        keep.groups.sort(key=lambda g: g.gid)
        if item.get("label"):
            keep.label = item["label"].strip()
        decisions.append(("merge", " + ".join(item["entities"])))
    for kind, attr, field in (("rename", "label", "label"), ("retype", "type", "type")):
        for item in cur.get(kind, []):
            hits = find(clusters, item["entity"], key_of)
            for c in hits:
                setattr(c, attr, item[field].strip())
            decisions.append((kind if hits else "unmatched", f"{item['entity']} -> {item[field]}" if hits else f"{kind} {item['entity']}"))
    for item in cur.get("drop", []):
        hits = find(clusters, item["entity"], key_of)
        for c in hits:
            c.dropped = True
        decisions.append(("drop" if hits else "unmatched", item["entity"] if hits else f"drop {item['entity']}"))
    clusters.sort(key=lambda c: c.first_gid)
    return [c for c in clusters if not c.dropped], decisions
