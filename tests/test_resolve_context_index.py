"""The in-article entity index of kg.extract.context gives the same answers as all-pairs checks."""
from __future__ import annotations

from test_resolve_helpers import article

from kg.extract.context import Context

TEXT = ("Bahtiyar Duysak sprach. Duysaks Freund Duysaker kam. Anna Roth und Rothschild. "
        "Marek Kowalczyk traf Kowalczyks Bruder. Roth lachte. Anna Berger und Paul Berger. Berg ging.")
NAMES = ["Bahtiyar Duysak", "Duysaks", "Duysaker", "Anna Roth", "Rothschild", "Marek Kowalczyk", "Kowalczyks",
         "Roth", "Anna Berger", "Paul Berger", "Berg"]


def _context(text: str, names: list[str]) -> Context:
    a = article("c1", text, [(n, "PER") for n in names] + [("Freund", "ORG")])
    return Context.build(a.document, a.sentences, a.mentions)


def _brute_persons(ctx: Context) -> list[int]:
    reps: list[int] = []
    idx = [i for i, m in enumerate(ctx.mentions) if m.label == "PER" and m.kind in ("name", "partial")]
    idx.sort(key=lambda i: -len(ctx.mentions[ctx.mentions.canon(i)].text))
    for i in idx:
        c = ctx.mentions.canon(i)
        if not any(ctx.entities.same(c, r) for r in reps):
            reps.append(c)
    return reps


def test_persons_and_salience_match_all_pairs():
    ctx = _context(TEXT, NAMES)
    assert ctx.entities.persons() == _brute_persons(ctx)
    labels = [ctx.mentions[i].text for i in ctx.entities.persons()]
    assert "Bahtiyar Duysak" in labels and "Duysaker" not in labels  # Duysaker ~ Duysak (2 letters more)
    assert "Rothschild" in labels  # not Roth: too many letters apart
    for i, m in enumerate(ctx.mentions):
        if m.label == "PER":
            brute = sum(1 for j, o in enumerate(ctx.mentions) if o.label == "PER" and ctx.entities.same(j, i))
            assert ctx.entities.salience(i) == brute


def test_a_mention_of_only_spaces_is_nobody():
    """A blank span cannot be a Mention at all; a blank normal form (its name key) names nobody."""
    from dataclasses import replace

    import pytest

    text = "Anna Berger kam.   Dann ging sie."
    a = article("c2", text, [("Anna Berger", "PER")])
    with pytest.raises(ValueError):
        replace(a.mentions[0], start=16, end=17, text=" ")
    blank = replace(a.mentions[0], norm="   ")
    ctx = Context.build(a.document, a.sentences, list(a.mentions) + [blank])
    assert ctx.entities.same(1, 1) is True and ctx.entities.salience(1) >= 1
    ctx.entities.same(0, 1)  # no IndexError on a key of only spaces


def test_relations_by_subject_key_answer_as_a_scan_of_all_relations():
    """has_relation looks only at the relations filed under the subject's name keys: same answers as a scan."""
    ctx = _context(TEXT, NAMES)
    people = [i for i, m in enumerate(ctx.mentions) if m.label == "PER"]
    freund = next(i for i, m in enumerate(ctx.mentions) if m.label == "ORG")
    for n, p in enumerate(people):
        ctx.results.relate(p, "employedBy" if n % 2 else "memberOf", freund, ctx.mentions[p].sentence, "test/1", 0.9,
                           (("role", "Sprecher" if n % 3 == 0 else "Fahrer"),))
    assert ctx.results.relations
    for p in people:
        for pred in ("employedBy", "memberOf", "said"):
            brute = any(r.predicate == pred and ctx.entities.same(r.subject, p) for r in ctx.results.relations)
            assert ctx.results.has_relation(p, pred) == brute
            brute_role = any(r.predicate == pred and ctx.entities.same(r.subject, p)
                             and dict(r.qualifiers)["role"] == "Sprecher" for r in ctx.results.relations)
            assert ctx.results.has_relation(p, pred, qualifiers=lambda q: dict(q)["role"] == "Sprecher") == brute_role


def test_mention_index_answers_as_a_scan_as_mentions_are_added():
    """The mention index's look-ups (last outlet before an offset, owners, surnames, per sentence) stay right
    while derived mentions are added, and an equal mention is not added twice."""
    ctx = _context(TEXT, NAMES)
    ms = ctx.mentions
    first = ms.add(0, 8, "MEDIA", 0)
    assert ms.add(0, 8, "MEDIA", 0) == first  # the same span and label: the mention already there
    ms.add(30, 36, "MEDIA", 1)
    ms.add(24, 30, "MEDIA", 1)
    ms.add(9, 15, "ACCOUNT", 0, owner=0)
    for pos in range(0, len(TEXT) + 1, 3):
        scan = None
        for i, m in enumerate(ms):
            if m.label == "MEDIA" and m.end <= pos and (scan is None or m.start > ms[scan].start):
                scan = i
        assert ms.last_before(pos, "MEDIA") == scan
    assert ms.owners() == tuple(m.owner for m in ms if m.owner is not None) == (0,)
    assert ms.surnames() == {m.text.split()[-1] for m in ms if m.label == "PER" and len(m.text.split()) > 1}
    for s in range(len(ctx.sentences)):
        assert ms.in_sentence(s) == [i for i, m in enumerate(ms) if m.sentence == s]
        assert ms.count_in(s) == len(ms.in_sentence(s))
