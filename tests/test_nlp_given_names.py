"""The given-name list is read in the encoding gender-guesser writes it (UTF-8): names with
umlauts and accents are given names like any other, so "Jürgen Kerle" opens with a first name."""
import pytest

from kg.nlp.gazetteer import first_name_genders, first_names

pytest.importorskip("gender_guesser")


@pytest.mark.parametrize("name, gender", [("Jürgen", "m"), ("Günter", "m"), ("Björn", "m"), ("Jörg", "m")])
def test_given_names_with_umlauts(name, gender):
    assert first_name_genders().get(name) == gender
    assert name in first_names()


def test_no_mojibake_in_the_list():
    assert not [n for n in first_name_genders() if "Ã" in n or "\ufffd" in n]
