"""The indexes that keep one long article linear give the same answers as the scans they replace.

(kg.nlp.spans.SpanIndex for lexicon names over candidates, kg.resolve.spelling.NearKeys for the
in-article typo passes, kg.extract.relation_index.RelationIndex behind Context.has_relation and
Context.resolve_description.) No timing here: scripts/bench_article_size.py measures the speed.
"""
from __future__ import annotations

import random
import re

from rapidfuzz import fuzz
from test_resolve_helpers import article

from kg.extract.context import Context
from kg.nlp.spans import SpanIndex
from kg.records import Evidence, RelationCandidate
from kg.resolve.spelling import NearKeys


def _scan(spans, a, b):
    return [s for s in spans if s[0] < b and s[1] > a]


def test_span_index_finds_the_same_spans_as_a_scan():
    rng = random.Random(7)
    for _ in range(200):
        spans, pos = [], 0
        for _ in range(rng.randrange(0, 12)):  # sorted, not overlapping: what filter_spans returns
            pos += rng.randrange(0, 3)
            end = pos + rng.randrange(1, 4)
            spans.append((pos, end, "x"))
            pos = end
        index = SpanIndex(spans)
        assert index.sorted
        for a in range(0, pos + 2):
            for b in range(a + 1, pos + 3):
                assert index.overlapping(a, b) == _scan(spans, a, b)


def test_span_index_falls_back_to_a_scan_for_overlapping_or_unsorted_spans():
    for spans in ([(0, 5), (2, 3), (6, 8)], [(6, 8), (0, 2)], [(1, 1), (3, 4)]):
        index = SpanIndex(spans)
        assert not index.sorted
        for a in range(0, 9):
            for b in range(a + 1, 10):
                assert index.overlapping(a, b) == _scan(spans, a, b)


def test_near_keys_keeps_every_close_key_in_list_order():
    rng = random.Random(3)
    alphabet = "aeinrst"
    keys = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(8, 14))) for _ in range(300)]
    keys += [k[:-1] + "x" for k in keys[:50]] + keys[:10]  # near misses and exact repeats
    near = NearKeys(keys, 88)
    for q in keys[:80] + ["rasteinrast", "zzzzzzzzzz"]:
        got = near.of(q)
        assert got == sorted(got)
        want = [n for n, k in enumerate(keys) if fuzz.ratio(q, k) >= 88]
        assert set(want) <= set(got)  # a superset: the caller's exact test decides
        assert all(fuzz.ratio(q, keys[n]) >= 87 for n in got)
        assert near.of(q) is got  # asked again: from the memo


TEXT = ("Bahtiyar Duysak sprach. Duysaker kam. Anna Roth und Rothschild. Marek Kowalczyk traf Kowalczyks Bruder. "
        "Roth lachte. Deutschland und Polen. Die Firma Zeta zahlte. Paul Berger ging")
NAMES = [("Bahtiyar Duysak", "PER"), ("Duysaker", "PER"), ("Anna Roth", "PER"), ("Rothschild", "PER"),
         ("Marek Kowalczyk", "PER"), ("Kowalczyks", "PER"), ("Roth", "PER", {"occurrence": 3}),
         ("Deutschland", "LOC"), ("Polen", "LOC"), ("Zeta", "ORG"), ("Paul Berger", "PER")]


def _context() -> tuple[Context, dict[str, int]]:
    a = article("r1", TEXT, NAMES)
    ctx = Context.build(a.document, a.sentences, a.mentions)
    return ctx, {m.text if n != 6 else "Roth#2": n for n, m in enumerate(ctx.mentions)}


def _relate(ctx: Context, subject: int, predicate: str, obj: int | None, role: str = "") -> None:
    s = ctx.sentences[ctx.mentions[subject].sentence]
    ev = Evidence(ctx.document.id, s.index, s.text, s.start, s.end, "test/1", 0.9)
    ctx.relations.append(RelationCandidate(subject, predicate, obj, ev, (("role", role),) if role else ()))


def _has_relation_scan(ctx, subject, predicate, obj_pred=None):
    return any(r.predicate == predicate and ctx.same_entity(r.subject, subject)
               and (obj_pred is None or obj_pred(r.object)) for r in ctx.relations)


def _resolve_description_scan(ctx, desc, exclude=()):
    """Context.resolve_description as it was before the index: every person against every relation."""
    from kg.extract.lexicon import country_of_demonym

    def official(p):
        return any(r.predicate == "employedBy" and ctx.same_entity(r.subject, p) and re.search(
            r"(?i)sprecher|chef|geschäftsführ|direktor|vorstand|reporter|redakteur|journalist|korrespondent|"
            r"präsident|leiter", dict(r.qualifiers).get("role", "")) for r in ctx.relations)

    people = [p for p in ctx.persons() if not any(ctx.same_entity(p, e) for e in exclude if e is not None)
              and not official(p)]
    noun = desc.split()[-1] if desc.split() else ""
    country = country_of_demonym(noun)
    fitting = []
    if country:
        fitting = [p for p in people if _has_relation_scan(ctx, p, "nationality", lambda o: ctx._country(o) == country)]
        people = [p for p in people if not _has_relation_scan(
            ctx, p, "nationality", lambda o: ctx._country(o) not in (None, country))]
    elif re.search(r"(?i)mitarbeiter|angestellte|betreuer|arbeiter|nehmer", noun):
        prefix = noun.split("-")[0] if "-" in noun else ""
        fitting = [p for p in people if _has_relation_scan(
            ctx, p, "employedBy", lambda o: not prefix or (o is not None and ctx.name_key(o).startswith(prefix.lower())))]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting and len(people) == 1:
        return people[0]
    return None


DESCRIPTIONS = ["der Deutsche", "der Pole", "der Mitarbeiter", "ein Zeta-Mitarbeiter", "der Mann", "die Frau"]


def _check_all(ctx: Context) -> None:
    for subject in [None, *range(len(ctx.mentions))]:
        for predicate in ("nationality", "employedBy", "said"):
            for obj_pred in (None, lambda o: o is not None and ctx.mentions[o].text == "Polen"):
                assert ctx.has_relation(subject, predicate, obj_pred) == _has_relation_scan(
                    ctx, subject, predicate, obj_pred)
    persons = ctx.persons()
    for desc in DESCRIPTIONS:
        for exclude in ((), (None,), *((p,) for p in persons)):
            assert ctx.resolve_description(desc, exclude) == _resolve_description_scan(ctx, desc, exclude), (desc, exclude)


def test_relation_lookups_match_scans_as_relations_are_added():
    ctx, m = _context()
    _check_all(ctx)  # no relations yet
    steps = [
        (m["Duysaker"], "nationality", m["Deutschland"], ""),  # the same entity as Bahtiyar Duysak
        (m["Anna Roth"], "nationality", m["Polen"], ""),
        (m["Kowalczyks"], "employedBy", m["Zeta"], ""),
        (m["Marek Kowalczyk"], "nationality", m["Polen"], ""),
        (m["Paul Berger"], "employedBy", m["Zeta"], "Sprecher"),  # an official: never a description's person
        (m["Rothschild"], "nationality", m["Deutschland"], ""),
    ]
    answers = set()
    for subject, predicate, obj, role in steps:
        _relate(ctx, subject, predicate, obj, role)
        _check_all(ctx)
        answers.add(ctx.resolve_description("der Deutsche"))
    assert len(answers) > 1  # the steps change who "der Deutsche" is: the comparison is not vacuous
    ctx.relations = list(reversed(ctx.relations))  # a replaced list (kg.extract.merge does that): index rebuilt
    _check_all(ctx)
    ctx.relations = ctx.relations[:2]
    _check_all(ctx)


def test_memos_over_added_mentions_match_a_fresh_context():
    """persons(), salience, common_noun and the compound-prefix names are folded over the mentions
    as they are added (kg.extract.context Context._new_mentions); each step equals a new Context."""
    from kg.extract.patterns.tokens import _known_names

    ctx, m = _context()
    text = ctx.text
    added = [
        (text.index("Bruder"), text.index("Bruder") + 6, "PER"),  # a one-word derived person
        (text.index("Anna Roth"), text.index("Anna Roth") + 9, "MEDIA"),
        (text.index("Roth lachte"), text.index("Roth lachte") + 11, "PER"),  # a full name ending in "lachte"
        (text.index("Die Firma Zeta"), text.index("Die Firma Zeta") + 14, "ORG"),
    ]
    seen = []
    for start, end, label in [(0, 0, None)] + added:
        if label:
            ctx.add_mention(start, end, label, ctx.sentence_of(start))
        fresh = Context.build(ctx.document, ctx.sentences, list(ctx.mentions))
        assert ctx.persons() == fresh.persons()
        assert ctx._surnames() == fresh._surnames()
        assert _known_names(ctx) == _known_names(fresh)
        for i in range(len(ctx.mentions)):
            assert ctx.salience(i) == fresh.salience(i)
        seen.append((len(ctx._surnames()), len(_known_names(ctx))))
    assert len(set(seen)) > 1  # the added mentions did change the memos
