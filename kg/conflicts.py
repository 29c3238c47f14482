"""Where sources disagree: event dates and durations, literal facts, name spellings - each side with its articles.

Why: fact-checkers need both claims with their sources, not a silently
chosen winner. Reads a built graph through ontology/queries/conflicts-*.rq.
Dates that only differ in precision ("2017-11" vs "2017-11-02") are shown
but do not by themselves make a conflict.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

SPELLING_RULE = "fuzzy"


@dataclass
class Side:
    """One value and who states it."""

    value: str
    texts: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    note: str = ""  # "compatible" for a less precise date that agrees with another side

    def as_dict(self) -> dict:
        return {"value": self.value, "texts": self.texts, "articles": self.articles, "note": self.note}


@dataclass
class Conflict:
    kind: str  # "event date" | "event duration" | "fact" | "name spelling" | "mixed script"
    about: str
    property: str
    sides: list[Side]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "about": self.about, "property": self.property,
                "sides": [s.as_dict() for s in self.sides]}


def find_conflicts(store) -> list[Conflict]:
    """All disagreements in an open store (see kg.store.open_store)."""
    from kg.store import load_query_file, run_query

    out: list[Conflict] = []
    cols, rows = run_query(store, load_query_file("conflicts-event-values"))
    out += _events([dict(zip(cols, r)) for r in rows])
    cols, rows = run_query(store, load_query_file("conflicts-facts"))
    out += _facts([dict(zip(cols, r)) for r in rows])
    cols, rows = run_query(store, load_query_file("conflicts-names"), {"spelling_rule": SPELLING_RULE})
    out += _names([dict(zip(cols, r)) for r in rows])
    cols, rows = run_query(store, load_query_file("conflicts-scripts"))
    out += _scripts([dict(zip(cols, r)) for r in rows])
    return out


def _collect(rows: list[dict], value_key: str = "value") -> list[Side]:
    sides: dict[str, Side] = {}
    for r in rows:
        side = sides.setdefault(str(r[value_key]), Side(str(r[value_key])))
        text = r.get("text")
        if text and text not in side.texts:
            side.texts.append(text)
        if r.get("article") and r["article"] not in side.articles:
            side.articles.append(r["article"])
    for s in sides.values():
        s.texts.sort()
        s.articles.sort()
    return sorted(sides.values(), key=lambda s: (-len(s.articles), s.value))


def dates_compatible(a: str, b: str) -> bool:
    """Same day at different precision: "2017-11" ~ "2017-11-02"; "--11-02" (no year) ~ "2017-11-02"."""
    pa, pb = _date_parts(a), _date_parts(b)
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def _date_parts(v: str) -> tuple[str | None, str | None, str | None]:
    if v.startswith("--"):
        return None, v[2:4], v[5:7] or None
    parts = v.split("-") + [None, None]
    return parts[0], parts[1], parts[2]


def _events(rows: list[dict]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["event"], r["property"])].append(r)
    out = []
    for (_, prop), rs in sorted(groups.items()):
        sides = _collect(rs)
        if len(sides) < 2:
            continue
        if prop == "date":
            if all(dates_compatible(a.value, b.value) for a in sides for b in sides):
                continue
            for s in sides:
                if any(o is not s and len(o.value) > len(s.value) and dates_compatible(o.value, s.value) for o in sides):
                    s.note = "compatible"
        r0 = rs[0]
        about = f"{r0['kind']}"
        target = next((r.get("account") or r.get("owner") for r in rs if r.get("account") or r.get("owner")), None)
        if target:
            about += f" of {target}"
        out.append(Conflict(f"event {prop}", about, prop, sides))
    return out


def _facts(rows: list[dict]) -> list[Conflict]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["subject"], r["property"])].append(r)
    out = []
    for (subject, prop), rs in sorted(groups.items()):
        sides = _collect(rs)
        if len(sides) >= 2:
            out.append(Conflict("fact", rs[0].get("label") or subject, prop, sides))
    return out


def _names(rows: list[dict]) -> list[Conflict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["entity"]].append(r)
    out = []
    for _, rs in sorted(groups.items()):
        label = rs[0]["label"]
        variants = [r for r in rs if SPELLING_RULE in str(r["rule"]).lower()]
        usual = [dict(r, spelling=label) for r in rs if SPELLING_RULE not in str(r["rule"]).lower()]
        variant_only = {r["article"] for r in variants} - {r["article"] for r in usual}
        usual += [{"spelling": label, "article": r["mentioned"]} for r in rs  # the label's own articles
                  if r.get("mentioned") and r["mentioned"] not in variant_only]
        sides = _collect(usual, "spelling") + _collect(variants, "spelling")
        for s in sides:
            if s.value != label:
                s.note = SPELLING_RULE
        if len(sides) >= 2:
            kind = rs[0].get("type")
            out.append(Conflict("name spelling", f"{label} ({kind})" if kind else label, "name", sides))
    return out


def _scripts(rows: list[dict]) -> list[Conflict]:
    """Names that mix Latin with Cyrillic/Greek look-alike letters ("Wіred"): shown with their skeleton."""
    from kg.resolve.lookalike import is_mixed_script, skeleton

    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if is_mixed_script(str(r["spelling"])):
            groups[r["entity"]].append(r)
    out = []
    for _, rs in sorted(groups.items()):
        label, kind = str(rs[0]["label"]), rs[0].get("type")
        sides = _collect(rs, "spelling")
        for s in sides:
            s.note = f"looks like {skeleton(s.value)}"
        out.append(Conflict("mixed script", f"{label} ({kind})" if kind else label, "name", sides))
    return out


def render(conflicts: list[Conflict]) -> str:
    """Plain text: one block per disagreement, one line per side with its articles."""
    if not conflicts:
        return "no conflicts: the sources agree on every compared fact"
    lines = []
    for c in conflicts:
        lines.append(f"{c.kind}: {c.about}" + (f" [{c.property}]" if c.kind == "fact" else ""))
        for s in c.sides:
            texts = ", ".join(f'"{t}"' for t in s.texts)
            note = f" ({s.note})" if s.note else ""
            lines.append(f"  {s.value}{note}" + (f"  {texts}" if texts else "") + f"  <- {', '.join(s.articles) or '?'}")
    return "\n".join(lines)
