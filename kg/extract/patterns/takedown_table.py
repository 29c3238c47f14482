"""deactivated rows: takedowns the event triggers of kg.extract.events do not see (German).

Data only (kg.extract.events.extract_takedown_rows runs them): a state or
company deleting someone "aus dem sozialen Netzwerk X" (the object is the
person's presence there, an Account node, never the person), and websites
knocked out "mit DDoS-Angriffen". Failed attempts ("wollten ... abschalten,
was ihnen nicht gelang"), physical closures and player suspensions match no
row: each needs a platform or an account and a completed verb.
"""
from __future__ import annotations

from kg.extract.patterns import accounts_table  # noqa: F401 - registers SITE_NOUN
from kg.extract.patterns.classes import register_class

register_class("REMOVE_VERB", r"(?:löschen|sperren|entfernen|verbannen|blockieren|gelöscht|gesperrt|entfernt|verbannt|"
                              r"blockiert)")
register_class("ATTACK_VERB", r"(?:attackieren|angreifen|lahmlegen|attackiert|angegriffen|lahmgelegt|überziehen|überzogen)")
register_class("NETWORK_NOUN", r"(?:Netzwerk|Plattform|Kurznachrichtendienst|Dienst|Portal|Onlinedienst)(?:s|es)?")
register_class("COLLECTIVE_NOUN", r"[\w-]*(?:Kollektiv|Gruppe|Gruppierung|Netzwerk|Bewegung)")

_AGENT = {"ENT": {"IN": ["LOC", "ORG", "PER"]}, "SLOT": "agent"}
_WORD = {"ENT": "", "TEXT": {"NOT_IN": [",", ".", ":", ";", "?", "!"]},
         "LOWER": {"NOT_IN": ["nicht", "kein", "keine", "nie", "und", "aber", "dass"]}}

ROWS: list[dict] = [
    {"name": "deactivated.removed-from-platform/1", "predicate": "deactivated",
     "about": "'hat X die Politikerin aus dem sozialen Netzwerk Y gelöscht': X took down her presence on Y",
     "example": "Nach der Wahl hat Beispielland die Oppositionelle aus dem sozialen Netzwerk Chirpa gelöscht.",
     "pattern": [{"LEMMA": "haben"}, _AGENT, {"ENT": {"IN": ["", "PER"]}, "TEXT": {"NOT_IN": [",", ".", ":", ";"]}, "OP": "{1,5}", "SLOT": "target"}, {"LOWER": {"IN": ["aus", "von"]}},  # noqa: E501
                 {"LOWER": {"IN": ["dem", "der"]}}, {"TEXT": {"REGEX": r"[a-zäöüß][\w-]*"}, "OP": "?"},
                 {"IS": "NETWORK_NOUN", "OP": "?"}, {"ENT": {"IN": ["ORG", "PER"]}, "SLOT": "platform"},
                 {"IS": "REMOVE_VERB", "SLOT": "verb"}],
     "subject": "agent", "object": "@account", "confidence": 0.75},
    {"name": "deactivated.ddos/1", "predicate": "deactivated",
     "about": "'X hat die Websites von Y mit DDoS-Angriffen attackiert/lahmgelegt'",
     "example": "Die Gruppe Beispielhacker soll die Websites der Beispiel AG mit DDoS-Angriffen lahmgelegt haben.",
     "pattern": [{"IS": "COLLECTIVE_NOUN", "OP": "?"}, {"ENT": {"IN": ["ORG", "PER"]}, "OP": "?", "SLOT": "agent"},
                 {"TEXT": {"REGEX": r"[A-ZÄÖÜ][\w-]+"}, "ENT": "", "OP": "?", "SLOT": "named"},
                 dict(_WORD, OP="{0,2}"), {"IS": "SITE_NOUN", "SLOT": "acc"},
                 {"TEXT": {"NOT_IN": [",", ".", ":", ";"]}, "LOWER": {"NOT_IN": ["mit"]}, "OP": "{0,5}"}, {"LOWER": "mit"},
                 {"TEXT": {"REGEX": r"(?:DDoS|DoS|Überlastungs)[\w-]*"}}, {"IS": "ATTACK_VERB", "SLOT": "verb"}],
     "subject": "agent", "object": "acc", "confidence": 0.7},
]
