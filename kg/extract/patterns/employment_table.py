"""employedBy rows: who works for, leads or plays for an organisation (German).

Data only: see kg.extract.patterns for the row format. Qualifiers (role, kind,
time) are added by kg.extract.employment.finish.
"""
from __future__ import annotations

ORG_OBJ = ["ORG", "MEDIA"]

ROWS: list[dict] = [
    {"name": "employedBy.role-compound/1", "predicate": "employedBy",
     "about": "an organisation+role compound right before a name",
     "example": "SPD-Chef Sigmar Beispiel sagte ...; der frühere Datenwerk-Manager Jonas Albrecht",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ORG_OBJ, "SLOT": "o"},
                 {"IS_PUNCT": True, "TEXT": {"IN": [","]}, "OP": "?"},
                 {"ENT": "PER", "SLOT": "s"}],
     "subject": "s", "object": "o", "subject_ent": ["PER"], "object_ent": ORG_OBJ, "confidence": 0.8},
]
