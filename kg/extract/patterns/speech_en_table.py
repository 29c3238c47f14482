"""said and reportedBy rows for English articles (same slots and rules as speech_table; CLAWS tags, lemmas).

Data only: "“…,” X said", "X told Y", "said X", "he said", "in an interview
with Y", "according to Y", "Y reported".
"""
from __future__ import annotations

from kg.extract.patterns.classes import register_class

register_class("SPEECH_EN", r"(?:say|said|says|tell|told|tells|state|add|explain|write|wrote|tweet|claim|announce|insist|"
                            r"confirm|deny|denied|warn|argue|note|stress|admit|reply|replied|comment)")
register_class("REPORT_EN", r"(?:report|reported|reports|write|wrote|writes)")

_VERB = {"IS": "SPEECH_EN", "TAG": {"REGEX": "(?:VV[DZBN0G]?|VVI|)"}}
_SPEAKER = {"ENT": "PER", "LOWER": {"NOT_IN": ["he", "she", "him", "her"]}, "SLOT": "s"}
_FILL = {"ENT": {"NOT_IN": ["PER"]}, "TEXT": {"NOT_IN": [".", ":", ";", "?", "!", "“", "”", '"']},
         "LOWER": {"NOT_IN": ["that", "and", "but", "who", "which", "he", "she"]}}
_OUT = {"ENT": "MEDIA", "SLOT": "o"}
_THE = {"LOWER": {"IN": ["the", "a"]}, "OP": "?"}

SAID: list[dict] = [
    {"name": "said.en-speaker-verb/1", "predicate": "said", "about": "X (, a role,) said / told",
     "example": "Jane Roe, a spokeswoman, said the site was down.",
     "pattern": [_SPEAKER, dict(_FILL, OP="{0,8}"), dict(_VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.75},
    {"name": "said.en-verb-speaker/1", "predicate": "said", "about": "“…,” said X",
     "example": "“It was an error,” said Jane Roe.",
     "pattern": [dict(_VERB, SLOT="v"), _SPEAKER],
     "subject": "s", "object": "@outlet", "confidence": 0.8},
    {"name": "said.en-pronoun/1", "predicate": "said", "about": "he/she said, told",
     "example": "She told the Daily Example that she was sorry.",
     "pattern": [{"LOWER": {"IN": ["he", "she"]}, "SLOT": "s"}, dict(_VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
    {"name": "said.en-relative-clause/1", "predicate": "said", "about": "X, who said / told …",
     "example": "The plan was criticised by Jane Roe, who said it came too late.",
     "pattern": [_SPEAKER, {"TEXT": ","}, {"LOWER": "who"}, {"LOWER": {"IN": ["also", "later", "then"]}, "OP": "?"},
                 dict(_VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
    {"name": "said.en-interview-answer/1", "predicate": "said", "about": "an interview answer 'X: …'",
     "example": "Roe: We need more time for the schools.",
     "pattern": [dict(_SPEAKER, IS_SENT_START=True), {"TEXT": ":", "SLOT": "v"}, {"IS_PUNCT": False, "OP": "{3,3}"}],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
]

OUTLET: list[dict] = [
    {"name": "reportedBy.en-told/1", "predicate": "reportedBy", "about": "told Y",
     "example": "Jane Roe told the Daily Example ...",
     "pattern": [{"LOWER": {"IN": ["told", "tells", "tell"]}}, _THE, _OUT],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.en-interview/1", "predicate": "reportedBy", "about": "in an interview with Y, speaking to Y",
     "example": "Jane Roe said in an interview with the Example Times ...",
     "pattern": [{"LOWER": {"IN": ["interview", "speaking", "talking", "spoke"]}}, {"LOWER": {"IN": ["with", "to"]}},
                 _THE, _OUT],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
]

REPORTED: list[dict] = [
    {"name": "reportedBy.en-according-to/1", "predicate": "reportedBy", "about": "according to Y",
     "example": "The account was deleted, according to the Example Times.",
     "pattern": [{"LOWER": "according"}, {"LOWER": "to"}, _THE, _OUT],
     "subject": "@clause", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.en-reported/1", "predicate": "reportedBy", "about": "Y reported, reported by Y",
     "example": "Jane Roe resigned, the Example Times reported.",
     "pattern": [_OUT, {"IS": "REPORT_EN"}],
     "subject": "@clause", "object": "o", "confidence": 0.7},
    {"name": "reportedBy.en-reported-by/1", "predicate": "reportedBy", "about": "as reported by Y",
     "example": "Jane Roe resigned, as reported by the Example Times.",
     "pattern": [{"LOWER": "reported"}, {"LOWER": "by"}, _THE, _OUT],
     "subject": "@clause", "object": "o", "confidence": 0.7},
]

# an unnamed spokesperson who told an outlet (kg.extract.reporting, same rule as speech_table.SPOKESPERSON)
SPOKESPERSON: list[dict] = [
    {"name": "reportedBy.en-spokesperson-for/1", "predicate": "reportedBy",
     "about": "'a spokeswoman for X told Y': X's words, carried by Y",
     "example": "A spokeswoman for Chirpa told the Daily Example that the site was down.",
     "pattern": [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["spokesman", "spokeswoman", "spokesperson"]}},
                 {"LOWER": {"IN": ["for", "of"]}}, {"LOWER": "the", "OP": "?"},
                 {"ENT": {"IN": ["PER", "ORG"]}, "SLOT": "s"}],
     "subject": "s", "object": "@told", "confidence": 0.7},
]

