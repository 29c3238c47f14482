"""Properties of resolve() on random invented corpora: order-free, family-pure, keys unique."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_resolve_helpers import article

from kg.resolve import resolve

FIRST = ["Anna", "Paul", "Lena", "Jonas", "A."]
LAST = ["Berger", "Bergner", "Kellerhals", "Vogt", "Vogts"]
ORGS = ["Nordsoft", "Nordsofts", "Berger", "Tagesblick", "tagesblick.de"]
PLACES = ["Tannhofen", "Deutschland", "Germany"]

name = st.one_of(
    st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(lambda t: (f"{t[0]} {t[1]}", "PER")),
    st.sampled_from(LAST).map(lambda s: (s, "PER")),
    st.sampled_from(ORGS).map(lambda s: (s, "ORG")),
    st.sampled_from(PLACES).map(lambda s: (s, "LOC")),
)
corpus = st.lists(st.lists(name, min_size=1, max_size=4, unique_by=lambda x: x[0]), min_size=1, max_size=5)


def _articles(spec):
    out = []
    for n, names in enumerate(spec):
        text = " und ".join(s for s, _ in names) + "."
        out.append(article(f"d{n}", text, [(s, label, {"occurrence": 1}) for s, label in names]))
    return out


@settings(max_examples=40, deadline=None)
@given(corpus)
def test_order_free_and_families_never_mix(spec):
    arts = _articles(spec)
    res = resolve(arts)
    assert resolve(arts[::-1]).entities == res.entities
    keys = [e.key for e in res.entities]
    assert len(keys) == len(set(keys))
    label_of = {(a.document.id, i): m.label for a in arts for i, m in enumerate(a.mentions)}
    types = {e.key: e.type for e in res.entities}
    for ref, key in res.mention_entity.items():
        if label_of[ref] == "PER" and types[key] == "Person":
            continue
        # an organisation or place never becomes a person, and a full person name never leaves Person
        assert types[key] != "Person" or label_of[ref] == "PER"


@settings(max_examples=40, deadline=None)
@given(corpus)
def test_people_with_different_first_names_never_merge(spec):
    from kg.resolve.names import first_names_compatible

    arts = _articles(spec)
    res = resolve(arts)
    firsts: dict[str, set[str]] = {}
    for a in arts:
        for i, m in enumerate(a.mentions):
            key = res.mention_entity.get((a.document.id, i))
            if key and m.label == "PER" and " " in m.text:
                firsts.setdefault(key, set()).add(m.text.split()[0])
    for names in firsts.values():
        assert all(first_names_compatible(x, y) for x in names for y in names)
