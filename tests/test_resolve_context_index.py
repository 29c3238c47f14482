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
