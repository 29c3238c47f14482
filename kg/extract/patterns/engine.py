"""Matching pattern rows against a sentence's units, and turning matches into relations.

A match is found by a bounded backtracking walk (every repeat operator has an
upper bound, ``MAX_REPEAT`` for ``*``/``+``), so the work per sentence is
linear in its length times the number of rows. A row is tried only in
sentences that contain one of its anchor words (worked out once per row from
its required literal tokens).
"""
from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract import cues, lexicon
from kg.extract.patterns import classes
from kg.extract.patterns.retype import org_typed_as_person
from kg.extract.patterns.tokens import Unit, units

MAX_REPEAT = 8
_OPS = {None: (1, 1), "1": (1, 1), "?": (0, 1), "*": (0, MAX_REPEAT), "+": (1, MAX_REPEAT), "!": (1, 1)}
_KEYS = {"TEXT", "LOWER", "LEMMA", "TAG", "HEAD", "ENT", "PREFIX_ENT", "IS", "HEAD_IS", "NOT_IS", "WORDS_IS", "IS_PUNCT",
         "IS_TITLE", "IS_SENT_START", "IS_SENT_END", "OP", "SLOT"}
_ROW_KEYS = {"name", "predicate", "pattern", "subject", "object", "confidence", "subject_ent", "object_ent",
             "qualifiers", "derive", "example", "about"}


@dataclass(frozen=True)
class Spec:
    """One compiled token spec."""

    tests: tuple[tuple[str, object], ...]
    lo: int
    hi: int
    negate: bool
    slot: str | None
    fns: tuple = field(default=(), compare=False, repr=False)  # the tests as functions, cheapest first
    sig: str = ""  # the spec's tests as text: rows sharing a first spec share its per-sentence hits
    index: tuple = ()  # which units can match at all: ("lower", words) | ("text", words) | ("ent", labels) | ("hyphen",)


@dataclass(frozen=True)
class Row:
    """One compiled table row (see kg.extract.patterns for the format)."""

    name: str
    predicate: str
    specs: tuple[Spec, ...]
    subject: str
    object: str
    confidence: float
    subject_ent: tuple[str, ...]
    object_ent: tuple[str, ...]
    qualifiers: tuple[tuple[str, str], ...]
    derive: tuple[tuple[str, str], ...]
    anchors: frozenset[str]
    key: int  # index of the first required spec: a sentence without a unit for it is skipped
    source: dict = field(hash=False, compare=False, repr=False)
    gates: tuple[frozenset, ...] = field(default=(), compare=False, repr=False)  # see _gates


@dataclass(frozen=True)
class Match:
    """Where a row matched: unit range and the units of each slot."""

    row: Row
    sentence: int
    units: tuple[Unit, ...]  # all units of the sentence
    start: int  # unit index range [start, end)
    end: int
    slots: dict[str, tuple[Unit, ...]]

    def text(self, slot: str) -> str:
        return " ".join(u.text for u in self.slots.get(slot, ()))

    def span(self) -> tuple[int, int]:
        return self.units[self.start].start, self.units[self.end - 1].end


# ---------------------------------------------------------------- compiling

def _value_test(key: str, value: object) -> object:
    if isinstance(value, dict):
        if set(value) - {"IN", "NOT_IN", "REGEX"}:
            raise ValueError(f"{key}: unknown operator in {value}")
        out = {}
        if "IN" in value:
            out["IN"] = frozenset(value["IN"])
        if "NOT_IN" in value:
            out["NOT_IN"] = frozenset(value["NOT_IN"])
        if "REGEX" in value:
            out["REGEX"] = re.compile(value["REGEX"])
        return out
    if isinstance(value, (list, tuple)):
        return {"IN": frozenset(value)}
    return value


def _spec(raw: dict, row: str) -> Spec:
    unknown = set(raw) - _KEYS
    if unknown:
        raise ValueError(f"pattern row {row}: unknown token key(s) {sorted(unknown)}")
    op = raw.get("OP")
    if isinstance(op, str) and op.startswith("{"):
        lo, hi = (int(x) for x in op.strip("{}").split(","))
    elif op in _OPS:
        lo, hi = _OPS[op]
    else:
        raise ValueError(f"pattern row {row}: bad OP {op!r}")
    for key in ("IS", "HEAD_IS", "NOT_IS", "WORDS_IS"):
        for name in ([raw[key]] if isinstance(raw.get(key), str) else raw.get(key, ())):
            if not classes.known(name):
                raise ValueError(f"pattern row {row}: unknown lexicon class {name!r}")
    tests = tuple((k, (v,) if isinstance(v, str) else tuple(v)) if k in ("IS", "HEAD_IS", "NOT_IS", "WORDS_IS")
                  else (k, _value_test(k, v)) for k, v in raw.items() if k not in ("OP", "SLOT"))
    order = sorted(tests, key=lambda kv: kv[0] not in ("LOWER", "TEXT", "ENT", "TAG", "IS_TITLE", "IS_PUNCT"))
    sig = repr(sorted((k, repr(v)) for k, v in raw.items() if k not in ("OP", "SLOT"))) + repr(op == "!")
    index = () if op == "!" else _index_of(raw)
    if index[:1] == ("class",) and lo:
        classes.index_class(index[1])  # a required class: sentence indexes hold it
    return Spec(tests, lo, hi, op == "!", raw.get("SLOT"), tuple(_test(k, v) for k, v in order), sig, index)


def _index_of(raw: dict) -> tuple:
    """The cheapest unit index that holds every unit this spec can match (empty: all units)."""
    for key, kind in (("LOWER", "lower"), ("TEXT", "text")):
        v = raw.get(key)
        if isinstance(v, str):
            return (kind, frozenset([v]))
        if isinstance(v, (list, tuple)) or (isinstance(v, dict) and set(v) == {"IN"}):
            return (kind, frozenset(v["IN"] if isinstance(v, dict) else v))
    v = raw.get("ENT")
    if isinstance(v, str) or isinstance(v, (list, tuple)) or (isinstance(v, dict) and set(v) == {"IN"}) or v is True:
        labels = v if isinstance(v, str) else (v.get("IN") if isinstance(v, dict) else (() if v is True else v))
        return ("ent", frozenset([labels] if isinstance(labels, str) else labels))
    is_ = raw.get("IS")
    if isinstance(is_, str) or (isinstance(is_, (list, tuple)) and len(is_) == 1):
        return ("class", is_ if isinstance(is_, str) else is_[0])
    if "HEAD_IS" in raw or "PREFIX_ENT" in raw:
        return ("hyphen",)
    return ()


def _anchors(specs: tuple[Spec, ...]) -> frozenset[str]:
    """Lower-case words one of which a sentence must contain for the row to match there."""
    for spec in specs:
        if spec.lo == 0 or spec.negate:
            continue
        for key, value in spec.tests:
            if key in ("LOWER", "TEXT"):
                words = value.get("IN") if isinstance(value, dict) else {value}
                if words:
                    return frozenset(w.lower() for w in words)
    return frozenset()


_GATE_RANK = {"l": 0, "t": 0, "c": 1, "h": 2, "e": 3}


def _gate(index: tuple) -> frozenset:
    """The sentence features one of which a spec with this unit index needs (see _sentence_index)."""
    kind = index[0]
    if kind in ("lower", "text"):
        return frozenset((kind[0], w) for w in index[1])
    if kind == "ent":
        return frozenset(("e", label) for label in index[1]) if index[1] else frozenset([("e",)])
    if kind == "class":
        return frozenset([("c", index[1])])
    return frozenset([("h",)])


def _gates(specs: tuple[Spec, ...], anchors: frozenset[str]) -> tuple[frozenset, ...]:
    """What a sentence must have for the row to match there: per gate, one of its features.

    One gate for the anchor words, one per required spec with a unit index; the
    most selective kinds (words) first, the commonest (mention labels) last.
    """
    gates = {_gate(spec.index) for spec in specs if spec.lo and spec.index and not spec.negate}
    if anchors:
        gates.add(frozenset(("l", w) for w in anchors))
    return tuple(sorted(gates, key=lambda g: (min(_GATE_RANK[f[0]] for f in g), len(g), sorted(g))))


def compile_row(raw: dict) -> Row:
    name = raw.get("name", "?")
    unknown = set(raw) - _ROW_KEYS
    if unknown:
        raise ValueError(f"pattern row {name}: unknown key(s) {sorted(unknown)}")
    if not re.fullmatch(r"[\w-]+\.[\w-]+/\d+", name):
        raise ValueError(f"pattern row {name!r}: the name must look like 'predicate.shape/1'")
    specs = tuple(_spec(t, name) for t in raw["pattern"])
    anchors = _anchors(specs)
    slots = {s.slot for s in specs if s.slot}
    for end in ("subject", "object"):
        ref = raw[end]
        if not ref.startswith("@") and ref not in slots:
            raise ValueError(f"pattern row {name}: {end} slot {ref!r} is not in the pattern")
    return Row(name, raw["predicate"], specs, raw["subject"], raw["object"], float(raw.get("confidence", 0.75)),
               tuple(raw.get("subject_ent", ())), tuple(raw.get("object_ent", ())),
               tuple(sorted((raw.get("qualifiers") or {}).items())), tuple(sorted((raw.get("derive") or {}).items())),
               anchors, next((k for k, sp in enumerate(specs) if sp.lo >= 1 and not sp.negate), 0), raw,
               _gates(specs, anchors))


def compile_table(rows: list[dict]) -> tuple[Row, ...]:
    compiled = tuple(compile_row(r) for r in rows)
    names = [r.name for r in compiled]
    if len(names) != len(set(names)):
        raise ValueError(f"pattern table has duplicate row names: {sorted(n for n in names if names.count(n) > 1)}")
    return compiled


# ----------------------------------------------------------------- matching

def _attr_test(attr: str, value: object) -> Callable[[list[Unit], int], bool]:
    """One compiled attribute test of unit k (string equality, one-of, not-one-of, full-match regex)."""
    get = operator.attrgetter(attr)
    if isinstance(value, dict):
        inn, notin, rx = value.get("IN"), value.get("NOT_IN"), value.get("REGEX")
        if notin is None and rx is None and inn is not None:
            return lambda us, k: get(us[k]) in inn

        def test(us: list[Unit], k: int) -> bool:
            v = get(us[k])
            return ((inn is None or v in inn) and (notin is None or v not in notin)
                    and (rx is None or rx.fullmatch(v) is not None))
        return test
    if isinstance(value, bool):
        return lambda us, k: bool(get(us[k])) == value
    return lambda us, k: get(us[k]) == value


_ATTR = {"TEXT": "text", "LOWER": "lower", "LEMMA": "lemma", "TAG": "tag", "HEAD": "head", "ENT": "ent",
         "PREFIX_ENT": "prefix_ent"}


def _test(key: str, value) -> Callable[[list[Unit], int], bool]:
    """A compiled token test: (units, index) -> bool."""
    if key in _ATTR:
        return _attr_test(_ATTR[key], value)
    in_class = classes.in_class
    if key == "IS":
        if len(value) == 1:
            name = value[0]
            return lambda us, k: not us[k].ent and in_class(name, us[k].text, us[k].lemma)
        return lambda us, k: not us[k].ent and any(in_class(n, us[k].text, us[k].lemma) for n in value)
    if key == "NOT_IS":
        return lambda us, k: not any(in_class(n, us[k].text, us[k].lemma) for n in value)
    if key == "HEAD_IS":
        return lambda us, k: (not us[k].ent and "-" in us[k].text.strip("-") and any(
            in_class(n, us[k].head, us[k].text.rsplit("-", 1)[-1]) for n in value))
    if key == "WORDS_IS":
        return lambda us, k: any(in_class(n, w) for n in value for w in us[k].text.split())
    if key == "IS_PUNCT":
        return lambda us, k: value == (not us[k].ent and not us[k].text[:1].isalnum())
    if key == "IS_TITLE":
        return lambda us, k: value == us[k].text[:1].isupper()
    if key == "IS_SENT_START":
        return lambda us, k: value == (k == 0)
    if key == "IS_SENT_END":
        return lambda us, k: value == _at_end(us, k)
    raise ValueError(f"unknown token key {key!r}")


def unit_matches(spec: Spec, us: list[Unit], k: int) -> bool:
    for test in spec.fns:
        if not test(us, k):
            return spec.negate
    return not spec.negate


def _at_end(us: list[Unit], k: int) -> bool:
    """Only punctuation (at most two marks) follows unit ``k`` in its sentence."""
    return len(us) - k <= 3 and all(not u.ent and not u.text[:1].isalnum() for u in us[k + 1:])


def match_at(specs: tuple[Spec, ...], us: list[Unit], i: int) -> tuple[int, list[tuple[int, int]]] | None:
    """End index and per-spec (start, end) unit ranges of the greedy match starting at unit ``i``."""
    def walk(k: int, pos: int, spans: list[tuple[int, int]]):
        if k == len(specs):
            return pos, spans
        spec = specs[k]
        n = 0
        while n < spec.hi and pos + n < len(us) and unit_matches(spec, us, pos + n):
            n += 1
        for take in range(n, spec.lo - 1, -1):  # greedy, then back off
            got = walk(k + 1, pos + take, spans + [(pos, pos + take)])
            if got is not None:
                return got
        return None

    return walk(0, i, [])


_VIEWS = itertools.count()  # a fresh number per unit view: memoised hits never outlive their view


def _sentence_index(ctx, s: int, us: list[Unit]) -> dict:
    """Where each lower-case word, text, mention label, hyphen compound and lexicon class sits in sentence ``s``,
    and the sentence's features (what the rows' gates test): ("l", lower), ("t", text), ("e", label), ("e",)
    for any mention, ("h",) for a hyphen compound, ("c", class)."""
    memo = ("pattern-index", s)
    idx = ctx.memo.get(memo)
    if idx is None or idx["units"] is not us:
        idx = {"lower": {}, "text": {}, "ent": {}, "hyphen": [], "class": {}, "class_version": None, "units": us,
               "n": next(_VIEWS)}
        lower, text, ent, hyphen = idx["lower"], idx["text"], idx["ent"], idx["hyphen"]
        for k, u in enumerate(us):
            lower.setdefault(u.lower, []).append(k)
            text.setdefault(u.text, []).append(k)
            if u.ent:
                ent.setdefault(u.ent, []).append(k)
            if "-" in u.text.strip("-"):
                hyphen.append(k)
        base = {("l", w) for w in lower}
        base.update(("t", w) for w in text)
        base.update(("e", label) for label in ent)
        if ent:
            base.add(("e",))
        if hyphen:
            base.add(("h",))
        idx["base"] = base
        ctx.memo[memo] = idx
    if idx["class_version"] != classes.version():  # every class of every word unit (again after a new class)
        by_class: dict[str, list[int]] = {}
        for k, u in enumerate(us):
            if not u.ent:
                for name in classes.classes_of(u.text, u.lemma):
                    by_class.setdefault(name, []).append(k)
        idx["class"], idx["class_version"] = by_class, classes.version()
        idx["feats"] = idx["base"] | {("c", name) for name in by_class}
    return idx


def _candidates(spec: Spec, idx: dict, n: int):
    """The units of the sentence that can match ``spec`` (a superset), in order."""
    if not spec.index:
        return range(n)
    kind = spec.index[0]
    if kind == "hyphen":
        return idx["hyphen"]
    if kind == "class":
        return idx["class"].get(spec.index[1], ())
    table, keys = idx[kind], spec.index[1]
    if kind == "ent" and not keys:
        return sorted(k for ks in table.values() for k in ks)
    return sorted(k for w in keys for k in table.get(w, ()))


def passes(row: Row, idx: dict) -> bool:
    """Does the sentence have a feature of each of the row's gates (else the row cannot match there)?"""
    feats = idx["feats"]
    for gate in row.gates:
        if gate.isdisjoint(feats):
            return False
    return True


class _Plan:
    """A table's rows by the first feature they need: the rows a sentence can fire come from one set
    intersection with its features, then only their other gates are tested."""

    def __init__(self, rows: tuple[Row, ...]) -> None:
        self.rows = rows
        self.always = 0  # bit i: row i has no gate
        self.first: dict[tuple, int] = {}  # feature -> bits of the rows whose first gate holds it
        for i, row in enumerate(rows):
            if not row.gates:
                self.always |= 1 << i
                continue
            for feat in row.gates[0]:
                self.first[feat] = self.first.get(feat, 0) | 1 << i
        self.keys = frozenset(self.first)

    def viable(self, idx: dict, after: int = -1) -> list[int]:
        """Positions (in order, above ``after``) of the rows whose every gate the sentence passes."""
        feats = idx["feats"]
        bits = self.always
        for feat in self.keys.intersection(feats):
            bits |= self.first[feat]
        bits = bits >> (after + 1) << (after + 1)
        out = []
        while bits:
            low = bits & -bits
            i = low.bit_length() - 1
            bits ^= low
            if all(not gate.isdisjoint(feats) for gate in self.rows[i].gates[1:]):
                out.append(i)
        return out


_PLANS: dict[int, _Plan] = {}


def _plan(rows: tuple[Row, ...]) -> _Plan:
    plan = _PLANS.get(id(rows))
    if plan is None or plan.rows is not rows:  # the plan holds its rows: their id is not reused while cached
        if len(_PLANS) > 256:
            _PLANS.clear()
        plan = _PLANS[id(rows)] = _Plan(rows)
    return plan


def find(row: Row, ctx, s: int) -> list[Match]:
    """Every match of ``row`` in sentence ``s``."""
    us = units(ctx, s)
    idx = _sentence_index(ctx, s, us)
    return _find_in(row, ctx, s, us, idx) if passes(row, idx) else []


def _find_in(row: Row, ctx, s: int, us: list[Unit], idx: dict) -> list[Match]:
    """The matches of a row whose gates the sentence passes."""
    key = row.specs[row.key]
    memo = ("pattern-hits", s, idx["n"], key.sig)
    hits = ctx.memo.get(memo)
    if hits is None:
        hits = ctx.memo[memo] = [k for k in _candidates(key, idx, len(us)) if unit_matches(key, us, k)]
    if not hits:
        return []
    out = []
    for i in (hits if row.key == 0 else range(len(us))):
        got = match_at(row.specs, us, i)
        if got is None or got[0] == i:
            continue
        end, spans = got
        slots: dict[str, tuple[Unit, ...]] = {}
        for spec, (a, b) in zip(row.specs, spans):
            if spec.slot and b > a:
                slots[spec.slot] = slots.get(spec.slot, ()) + tuple(us[a:b])
        out.append(Match(row, s, tuple(us), i, end, slots))
    return out


# --------------------------------------------------------------- relations

Deriver = Callable[["object", Match, str], "int | None"]
Finisher = Callable[["object", Match, int, int], "tuple[tuple[str, str], ...] | None"]
_DERIVERS: dict[str, Deriver] = {}


def register_deriver(name: str, func: Deriver) -> None:
    """A named way to turn a slot into a mention ("country": a demonym -> a derived LOC mention)."""
    _DERIVERS[name] = func


def slot_entity(ctx, m: Match, slot: str) -> int | None:
    derive = dict(m.row.derive).get(slot)
    if derive:
        return _DERIVERS[derive](ctx, m, slot)
    for u in m.slots.get(slot, ()):
        if u.mention is not None:
            return u.mention
        if u.prefix_mention is not None:
            return u.prefix_mention
    return None


_SUBJECTS: dict[str, Callable[["object", Match], "int | None"]] = {}


def register_subject(name: str, func) -> None:
    """A named way to find a row's subject outside its slots (``"subject": "@name"``)."""
    _SUBJECTS[name] = func


def subject_before(ctx, m: Match) -> int | None:
    """"@before": the person the clause is about - a relative pronoun's antecedent, the nearest person
    (or "er"/"sie") before the match in the sentence, else the one right after the verb."""
    us = m.units
    for k in range(m.start - 1, -1, -1):
        u = us[k]
        if u.ent == "PER" and not _object_np(us, k):
            return u.mention
        if u.lower in ("er", "sie") and not u.ent:
            return ctx.resolve.pronoun(m.sentence, u.start)
        if u.text == "," and k + 1 < m.start and us[k + 1].lower in ("der", "die") and k > 0 and not us[k - 1].ent:
            # "Bei dem Deutschen, der für X tätig war": the antecedent is a description of one person
            desc = lexicon.DESCRIPTION.search(" ".join(x.text for x in us[max(0, k - 4):k]))
            who = ctx.resolve.description(desc.group("noun"), ctx.mentions.owners()) if desc else None
            if who is not None:
                return who
    desc = lexicon.DESCRIPTION.match(" ".join(x.text for x in us[:m.start])) if m.start <= 5 else None
    who = ctx.resolve.description(desc.group("noun"), ctx.mentions.owners()) if desc else None
    if who is not None:  # "Der 28-Jährige arbeitete ...": the one person the description fits
        return who
    for u in us[m.end:m.end + 3]:
        if u.ent == "PER":
            return u.mention
        if u.lower in ("er", "sie"):
            return ctx.resolve.pronoun(m.sentence, u.start)
    return None


_OBJECT_ARTICLES = {"dem", "den", "des", "einem", "einen", "eines"}


def _object_np(us: list[Unit], k: int) -> bool:
    """Is the person at ``k`` inside a dative/accusative/genitive phrase ("dem ... abwandernden X")?"""
    for u in reversed(us[max(0, k - 8):k]):  # back to the article, over attributes ("als X zu Y abwandernden")
        if u.lower in _OBJECT_ARTICLES:
            return True
        if u.text in (",", ";", ":") or u.tag.startswith(("VV", "VA", "VM")) or u.lower in ("der", "die", "das"):
            return False
    return False


def subject_previous(ctx, m: Match) -> int | None:
    """"@previous": the last person named in the sentence before ("... Angel Beispiel. Der Argentinier kam ...")."""
    if m.sentence == 0:
        return None
    us = units(ctx, m.sentence - 1)
    return next((u.mention for u in reversed(us) if u.ent == "PER"), None)


register_subject("before", subject_before)
register_subject("previous", subject_previous)


def hedge_window(ctx, m: Match) -> str:
    """The clauses the match spans: a modal verb in another clause does not hedge it."""
    sent = ctx.sentences[m.sentence]
    a, b = m.span()
    a, b = a - sent.start, b - sent.start
    ca = cues.clause_bounds(sent.text, a)[0]
    cb = cues.clause_bounds(sent.text, max(a, b - 1))[1]
    return sent.text[min(ca, a):max(cb, b)]


def _retype(ctx, i: int, wanted: tuple[str, ...]) -> int | None:
    """A mention NER typed as a person whose words name an organisation, when the row wants one."""
    if "ORG" not in wanted:
        return None
    return org_typed_as_person(ctx, i)


def apply_rows(ctx, rows: tuple[Row, ...], finish: Finisher | None = None) -> None:
    """Run every row over every sentence; ``finish`` adds qualifiers or vetoes (returns None).

    Only the rows whose gates a sentence passes are tried there; a row that adds a mention
    to the sentence gives the rows after it a new view of it (and a new choice of rows)."""
    plan = _plan(rows)
    for sent in ctx.sentences:
        us = units(ctx, sent.index)
        idx = _sentence_index(ctx, sent.index, us)
        todo = plan.viable(idx)
        k = 0
        while k < len(todo):
            pos = todo[k]
            k += 1
            before = len(ctx.mentions)
            _relate_matches(ctx, rows[pos], _find_in(rows[pos], ctx, sent.index, us, idx), finish)
            if len(ctx.mentions) != before:  # a row added a mention: the units may have changed
                us = units(ctx, sent.index)
                fresh = _sentence_index(ctx, sent.index, us)
                if fresh is not idx:
                    idx, todo, k = fresh, plan.viable(fresh, pos), 0


def _relate_matches(ctx, row: Row, matches: list[Match], finish: Finisher | None) -> None:
    for m in matches:
        subj = _SUBJECTS[row.subject[1:]](ctx, m) if row.subject.startswith("@") else \
            slot_entity(ctx, m, row.subject)
        subj = ctx.mentions.canon(subj)
        if subj is None or (row.subject_ent and ctx.mentions[subj].label not in row.subject_ent):
            continue  # checked before the object is derived: a derived mention needs its relation
        obj = ctx.mentions.canon(slot_entity(ctx, m, row.object))
        if obj is None:
            continue
        if row.object_ent and ctx.mentions[obj].label not in row.object_ent and not (
                "ORG" in row.object_ent and ctx.entities.is_platform(obj)):
            obj = _retype(ctx, obj, row.object_ent)
            if obj is None:
                continue
        quals = finish(ctx, m, subj, obj) if finish else row.qualifiers
        if quals is None:
            continue
        for who in [subj] + _listed(ctx, m, row, subj):
            ctx.results.relate(who, row.predicate, obj, m.sentence, row.name, row.confidence, tuple(quals),
                               hedge_text=hedge_window(ctx, m))


def _listed(ctx, m: Match, row: Row, subj: int) -> list[int]:
    """A subject slot that holds several persons ("Mit A, B und C stehen ... im Kader von X"): the others too."""
    if row.subject.startswith("@"):
        return []
    out = []
    for u in m.slots.get(row.subject, ()):
        c = u.mention if u.ent == "PER" else None
        if c is not None and c != subj and c not in out:
            out.append(c)
    return out
