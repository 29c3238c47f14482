"""The one role-noun list (kg/data/role_nouns.txt) and the lists its users derive from it."""
from __future__ import annotations

import re

import pytest

from kg import roles


def test_users_derive_from_the_one_list():
    from kg.extract import lexicon as extract_lexicon
    from kg.nlp import lexicon as nlp_lexicon
    from kg.resolve import lexicon as resolve_lexicon

    assert nlp_lexicon.PERSON_ROLES == roles.role_words("ner") and "präsident" in nlp_lexicon.PERSON_ROLES
    assert resolve_lexicon.ROLE_NOUNS == roles.role_words("resolve") and "kanzlerin" in resolve_lexicon.ROLE_NOUNS
    assert "geschäftsführer" in roles.role_words("ner") and "geschäftsführer" not in roles.role_words("resolve")
    assert re.fullmatch(extract_lexicon.ROLE_RE, "Softwareentwickler") is None  # no compound prefix for this row
    assert re.fullmatch(extract_lexicon.ROLE_RE, "IT-Mitarbeiterin")  # "[\w-]*Mitarbeiter(?:in)?"
    assert re.fullmatch(extract_lexicon.CONTRACTOR_ROLES, "Freelancerin")
    assert re.fullmatch(extract_lexicon.AGENCY_ROLES, "Leiharbeiter")


def test_bad_row_names_the_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "role_nouns.txt"
    bad.write_text("# header\nchef ner boss\n", encoding="utf-8")
    monkeypatch.setattr(roles, "DATA", bad)
    roles._rows.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"role_nouns.txt: line 2: unknown use 'boss'"):
            roles.role_words("ner")
    finally:
        roles._rows.cache_clear()
