"""Relation rules as data: tables of named token patterns, applied by one small engine.

A table is a Python list of plain dicts (no code), one row per construction:

    {"name": "employedBy.role-compound/1",       # family.shape/version: the evidence `extractor`
     "predicate": "employedBy",
     "pattern": [                                # spaCy-Matcher-style token specs, in order
         {"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ["ORG", "MEDIA"], "SLOT": "o"},
         {"ENT": "PER", "SLOT": "s"}],
     "subject": "s", "object": "o",              # slot names; subject "@before" = the clause's person
     "subject_ent": ["PER"], "object_ent": ["ORG", "MEDIA"],
     "confidence": 0.8,
     "qualifiers": {"kind": "employee"},         # fixed qualifiers (families may add more)
     "derive": {"o": "country"},                 # optional: build a slot's entity with a named deriver
     "example": "SPD-Chef Jana Beispiel sagte ..."}  # an invented sentence the row is for

Each token spec tests one *unit* (a word, a punctuation mark, or a whole mention;
see ``tokens``) with these keys; a value is a string (equal), a list (one of),
or ``{"IN": [...]}``, ``{"NOT_IN": [...]}``, ``{"REGEX": "..."}`` (full match):

- ``TEXT``, ``LOWER``, ``LEMMA`` (HanTa lemma when the article was tagged), ``TAG`` (STTS)
- ``ENT``: the mention label of the unit (PER ORG MEDIA LOC ACCOUNT; ``True`` = any)
- ``PREFIX_ENT``: label of the entity named by a hyphen compound's prefix ("SPD" in "SPD-Chef")
- ``HEAD``: the compound's head lemma ("Chef"); ``HEAD_IS``: a lexicon class of that head
- ``WORDS_IS``: a lexicon class one word of the unit (a mention too) is in
- ``IS`` / ``NOT_IS``: a lexicon class (``NOT_IS`` tests mention units too; ``classes``: ROLE_NOUN, DEMONYM, NAT_ADJ, SPEECH_VERB,
  EARLIER, ORG_NOUN, WORK_VERB; ``register_class`` adds more) of the word or its lemma
- ``IS_PUNCT``, ``IS_TITLE``: booleans
- ``OP``: ``?`` ``*`` ``+`` ``!`` (one unit that does *not* match) or ``{m,n}``; ``*``/``+`` stop at 8
- ``SLOT``: capture the unit(s) under a name; the subject/object slot's entity is the first
  mention unit in it, else the entity a compound's prefix names

Every match becomes ``ctx.results.relate(subject, predicate, object, ...)`` with the row's name as
the evidence extractor (``kg evaluate --by-rule`` scores each row), hedged only by cues in
the clauses the match spans. A family module passes a ``finish(ctx, match, s, o)`` function
that returns the qualifiers (or None to drop the match: negation, wrong time ...).
"""
from __future__ import annotations

from kg.extract.patterns import derive  # noqa: E402,F401 - registers the named derivers
from kg.extract.patterns.engine import Match, Row, apply_rows, compile_table, find, register_deriver, slot_entity, subject_before

__all__ = ["Match", "Row", "apply_rows", "compile_table", "find", "register_deriver", "slot_entity", "subject_before",
           "table_extractor"]


def table_extractor(rows: list[dict], finish=None):
    """An extractor (``func(ctx)``) running the compiled ``rows``; compiled once, errors at import."""
    compiled = compile_table(rows)

    def run(ctx) -> None:
        apply_rows(ctx, compiled, finish)

    run.rows = compiled  # type: ignore[attr-defined]
    return run
