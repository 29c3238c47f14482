"""Short names after a full name in one article, the acronym lexicon, one-word names with a
bracketed acronym (invented names, except lexicon rows, which are general knowledge)."""
from __future__ import annotations

from test_resolve_helpers import article

from kg.resolve import resolve
from kg.resolve.groups import spells
from kg.resolve.shortnames import shortening


def _labels(res) -> list[str]:
    return sorted(e.label for e in res.entities)


def test_shortening_kinds():
    assert shortening("Lerche", "Lerchen Zeitung") == "descriptor"  # stem + descriptor
    assert shortening("Norbit", "Norbit Graz") == "lead"  # the rest is a place
    assert shortening("Norbit", "Norbit Music") is None  # a product or part of Norbit
    assert shortening("Norbit", "Norbit Austria") is None  # a national branch
    assert shortening("NBT", "Daily NBT") is None  # an acronym is left to the acronym rules
    assert shortening("Norbit", "Rat der Norbit") is None and shortening("Norbit", "Anna Norbit") is None
    assert shortening("Merkur", "Daily Merkur") == "head"
    assert shortening("tz.com", "Tiroler Zeitblatt Online", is_domain=True) == "lead"  # initials
    assert shortening("Union", "Europäische Union") is None  # adjective + noun: the head is a common noun
    assert shortening("Zeitung", "Lerchen Zeitung") is None  # a descriptor alone names nothing
    assert shortening("Technoblatt", "IT-Portal Technoblatt") is None  # descriptor apposition, elsewhere
    assert shortening("Kalmsby", "Kalmsby United") == "lead" and shortening("Kalmsby", "FC Kalmsby") == "lead"  # a club
    assert shortening("Kalmsby", "Kalmsby Motors") is None


def test_short_name_joins_the_full_name_of_its_article():
    a = article("a1", "Die Lerchen Zeitung druckte es. Die Lerche Multimedia half. Laut Lerche war es so.",
                [("Lerchen Zeitung", "MEDIA"), ("Lerche Multimedia", "MEDIA"), ("Lerche", "MEDIA", {"occurrence": 2})])
    res = resolve([a])
    assert _labels(res) == ["Lerche Multimedia", "Lerchen Zeitung"]  # the descriptor kind wins over "lead"
    zeitung = next(e for e in res.entities if e.label == "Lerchen Zeitung")
    assert [(x.text, x.rule) for x in zeitung.aliases] == [("Lerche", "short-name")]


def test_short_name_needs_the_full_name_first_and_a_unique_one():
    before = article("b1", "Norbit spielte. Dann kam Norbit Graz.", [("Norbit", "ORG"), ("Norbit Graz", "ORG")])
    assert len(resolve([before]).entities) == 2
    two = article("c1", "Norbit Graz und Norbit Linz spielten. Norbit gewann.",
                  [("Norbit Graz", "ORG"), ("Norbit Linz", "ORG"), ("Norbit", "ORG", {"occurrence": 3})])
    assert len(resolve([two]).entities) == 3  # ambiguous: left apart


def test_domain_joins_the_outlet_it_abbreviates():
    a = article("d1", "Anlass war tz.com. Das Tiroler Zeitblatt Online klagte.",
                [("tz.com", "MEDIA"), ("Tiroler Zeitblatt Online", "MEDIA")])
    assert _labels(resolve([a])) == ["Tiroler Zeitblatt Online"]


def test_acronym_lexicon_joins_across_articles_and_languages():
    a = article("e1", "Die EZB senkte den Zins.", [("EZB", "ORG")])
    b = article("e2", "Die European Central Bank handelte.", [("European Central Bank", "ORG")])
    c = article("e3", "Die Europäischen Zentralbank schwieg.", [("Europäischen Zentralbank", "ORG")])
    res = resolve([a, b, c])
    assert len(res.entities) == 1 and res.entities[0].label != "EZB"  # a long name is the label
    assert {x.rule for x in res.entities[0].aliases} >= {"acronym"}


def test_one_word_name_with_a_bracketed_acronym_it_spells():
    assert spells("KLP", "Kalopartei") and not spells("XY", "Kalopartei") and not spells("KALO", "Kalo")
    a = article("f1", "Die Kalopartei (KLP) gewann. Die KLP jubelte.",
                [("Kalopartei", "ORG"), ("KLP", "ORG"), ("KLP", "ORG", {"occurrence": 2})])
    assert _labels(resolve([a])) == ["Kalopartei"]
