"""employedBy rows: who works for, leads or plays for an organisation (German).

Data only: see kg.extract.patterns for the row format. Qualifiers (role, kind,
time) are added by kg.extract.employment.finish: the role is the ``role`` slot
(or a compound's head), "früher/ehemalig/Ex-" before the match make it earlier.
"""
from __future__ import annotations

ORG = ["ORG", "MEDIA"]
PER = {"ENT": "PER", "SLOT": "s"}
OBJ = {"ENT": ORG, "SLOT": "o"}
COMMA = {"TEXT": ","}
DET = {"LOWER": {"IN": ["der", "die", "das", "des", "dem", "den", "eines", "einer", "seines", "seiner"]}, "OP": "?"}
OF = {"LOWER": {"IN": ["des", "der", "von", "vom", "beim", "bei", "im"]}}
ADJS = {"IS": "ADJ", "OP": "{0,3}"}
ORGNOUN = {"IS": "ORG_NOUN", "OP": "?"}
ROLE = {"IS": "ROLE_NOUN", "SLOT": "role"}
PAREN = [{"TEXT": "(", "OP": "?"}, {"ENT": True, "OP": "?"}, {"TEXT": ")", "OP": "?"}]
EMP = {"predicate": "employedBy", "subject": "s", "object": "o", "subject_ent": ["PER"], "object_ent": ORG}

ROWS: list[dict] = [
    {**EMP, "name": "employedBy.role-compound/1", "confidence": 0.8,
     "example": "SPD-Chef Jana Beispiel sagte ...; der frühere Datenwerk-Manager Jonas Albrecht",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"TEXT": ",", "OP": "?"}, PER],
     "derive": {"o": "org-prefix"}},
    {**EMP, "name": "employedBy.role-compound-after/1", "confidence": 0.75,
     "example": "Jana Beispiel, stellvertretende Datenwerk-Chefin, sagte ...",
     "pattern": [PER, COMMA, ADJS, {"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"TEXT": {"IN": [",", "."]}}],
     "derive": {"o": "org-prefix"}},
    {**EMP, "name": "employedBy.org-noun-compound/1", "confidence": 0.7,
     "example": "sagte Verkehrsministeriumssprecher Jonas Albrecht",
     "pattern": [{"IS": "ROLE_NOUN", "TAG": {"NOT_IN": ["NE"]}, "SLOT": "o"}, PER],
     "derive": {"o": "org-in-compound"}},
    {**EMP, "name": "employedBy.appos-after/1", "confidence": 0.8,
     "example": "Jana Beispiel, Geschäftsführerin des Vereins Datenwerk, sagte ...",
     "pattern": [PER, COMMA, {"LOWER": {"IN": ["ebenfalls", "auch", "derzeit", "seit", "bisher"]}, "OP": "?"},
                 DET, ADJS, ROLE, OF, DET, ADJS, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.appos-before/1", "confidence": 0.8,
     "example": "der Geschäftsführer des Vereins Datenwerk, Jonas Albrecht, sagte ...",
     "pattern": [ROLE, OF, DET, ADJS, ORGNOUN, OBJ, *PAREN, COMMA, DET, {"IS": "DEMONYM", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.role-of-org-name/1", "confidence": 0.75,
     "example": "Der Präsident von Datenwerk Jonas Albrecht",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ORGNOUN, OBJ, PER]},
    {**EMP, "name": "employedBy.for-org-role/1", "confidence": 0.75,
     "example": "Für Datenwerk reagierte am Sonntag Vizepräsidentin Jana Beispiel.",
     "pattern": [{"LOWER": "für"}, DET, OBJ, {"IS_PUNCT": False, "ENT": False, "OP": "{0,4}"}, ROLE, PER]},
    {**EMP, "name": "employedBy.is-role-of/1", "confidence": 0.75,
     "example": "Jonas Albrecht ist bisher Chefredakteur der Zeitschrift Datenwerk.",
     "pattern": [PER, {"LOWER": {"IN": ["ist", "war", "wird", "bleibt", "wurde"]}},
                 {"IS_PUNCT": False, "ENT": False, "NOT_IS": "ROLE_NOUN", "OP": "{0,3}"}, ROLE, OF, DET, ADJS,
                 ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.as-role-of/1", "confidence": 0.8, "subject": "@before",
     "example": "Jonas Albrecht arbeitete zuletzt als Support-Mitarbeiter bei Datenwerk.",
     "pattern": [{"LOWER": "als"}, ADJS, ROLE, {"LOWER": {"IN": ["bei", "beim", "von", "des", "der", "für"]}},
                 DET, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.of-org-noun/1", "confidence": 0.7,
     "example": "Jana Beispiel von der Hilfsorganisation Datenwerk",
     "pattern": [PER, {"LOWER": {"IN": ["von", "vom"]}}, DET, {"IS": "ORG_NOUN"}, OBJ]},
    {**EMP, "name": "employedBy.works-in/1", "confidence": 0.7, "subject": "@before",
     "example": "ein Politiker, der 30 Jahre lang in der Wirtschaftskammer tätig war",
     "pattern": [{"LOWER": {"IN": ["in", "im", "bei", "beim"]}}, DET, ORGNOUN, OBJ,
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"IS": "WORK_VERB"}]},
]
