"""German exonyms (kg/data/exonyms.txt, general geography): one node with the local name,
and a place, never a person (rows of the data file; the texts are invented)."""
from __future__ import annotations

from test_resolve_helpers import article

from kg.resolve import resolve
from kg.resolve.places import exonym_key, is_exonym


def test_exonym_keys():
    assert exonym_key("Pressburg") == exonym_key("Bratislava") is not None
    assert exonym_key("Mailand") == exonym_key("Milano") == exonym_key("Milan")
    assert exonym_key("Wolkenheim") is None
    assert is_exonym("Pressburg") and not is_exonym("Raab")  # "Raab" is also a surname ("?" row)


def test_exonym_read_as_a_person_is_the_place_of_its_local_name():
    a = article("a1", "Die Polizei von Bratislava (Pressburg) ermittelt.", [("Bratislava", "LOC"), ("Pressburg", "PER")])
    b = article("b1", "In Pressburg regnet es.", [("Pressburg", "LOC")])
    res = resolve([a, b])
    assert [(e.type, e.label) for e in res.entities] == [("Location", "Pressburg")]  # the more frequent name
    assert [(x.text, x.rule) for x in res.entities[0].aliases] == [("Bratislava", "exonym")]


def test_ambiguous_exonym_keeps_a_person():
    a = article("c1", "Kanzler Raab sprach in Wien.", [("Raab", "PER"), ("Wien", "LOC")])
    res = resolve([a])
    assert ("Person", "Raab") in [(e.type, e.label) for e in res.entities]
