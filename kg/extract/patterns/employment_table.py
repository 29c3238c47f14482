"""employedBy rows: who works for, leads or plays for an organisation (German).

Data only: see kg.extract.patterns for the row format. Qualifiers (role, kind,
time) are added by kg.extract.employment.finish: the role is the ``role`` slot
(or a compound's head), "früher/ehemalig/Ex-" before the match make it earlier.
"""
from __future__ import annotations

ORG = ["ORG", "MEDIA"]
PER = {"ENT": "PER", "SLOT": "s"}
OBJ = {"ENT": ORG, "SLOT": "o"}
# after "Chef des": NER sometimes types the organisation as a person ("des Ifo Instituts"); the engine
# keeps such an object only when its words name an organisation (kg.extract.patterns.derive)
OBJ_ANY = {"ENT": ["ORG", "MEDIA", "PER"], "SLOT": "o"}
COMMA = {"TEXT": ","}
DET = {"LOWER": {"IN": ["der", "die", "das", "des", "dem", "den", "eines", "einer", "seines", "seiner"]}, "OP": "?"}
OF = {"LOWER": {"IN": ["des", "der", "von", "vom", "beim", "bei", "im"]}}
ADJS = {"IS": "ADJ", "OP": "{0,3}"}
ORGNOUN = {"IS_TITLE": True, "ENT": False, "NOT_IS": "ROLE_NOUN", "OP": "?"}  # "der Zeitschrift X", "der Bauer Media Group"
NOUN_O = {"TAG": {"IN": ["NN", "NE", ""]}, "IS_TITLE": True, "ENT": False, "SLOT": "o"}
END = {"IS_PUNCT": True, "TEXT": {"NOT_IN": ["(", "-", "–"]}}
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
                 DET, ADJS, ROLE, OF, DET, ADJS, ORGNOUN, OBJ_ANY]},
    {**EMP, "name": "employedBy.appos-after-noun/1", "confidence": 0.7, "derive": {"o": "org-noun"},
     "example": "Jana Beispiel, Geschäftsführerin des Presserats, sagte ...",
     "pattern": [PER, COMMA, {"LOWER": {"IN": ["ebenfalls", "auch", "derzeit", "bisher"]}, "OP": "?"},
                 DET, ADJS, ROLE, {"LOWER": {"IN": ["des", "der"]}}, ADJS, NOUN_O, END]},
    {**EMP, "name": "employedBy.appos-before/1", "confidence": 0.8,
     "example": "der Geschäftsführer des Vereins Datenwerk, Jonas Albrecht, sagte ...",
     "pattern": [ROLE, OF, DET, ADJS, ORGNOUN, OBJ_ANY, *PAREN, COMMA, DET, {"IS": "DEMONYM", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.appos-before-noun/1", "confidence": 0.7, "derive": {"o": "org-noun"},
     "example": "Die Präsidentin der Richtervereinigung, Jana Beispiel, sagte ...",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der"]}}, ADJS, NOUN_O, COMMA, DET, PER]},
    {**EMP, "name": "employedBy.appos-before-acronym/1", "confidence": 0.75,
     "example": "Der Präsident des Deutschen Musterbundes (DMB), Jonas Albrecht, sagte ...",
     "pattern": [ROLE, OF, DET, {"IS_TITLE": True, "ENT": False, "OP": "{1,3}"}, {"TEXT": "("}, OBJ,
                 {"TEXT": ")"}, COMMA, DET, PER]},
    {**EMP, "name": "employedBy.role-of-org-name/1", "confidence": 0.75,
     "example": "Der Präsident von Datenwerk Jonas Albrecht",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ORGNOUN, OBJ_ANY, PER]},
    {**EMP, "name": "employedBy.for-org-role/1", "confidence": 0.75,
     "example": "Für Datenwerk reagierte am Sonntag Vizepräsidentin Jana Beispiel.",
     "pattern": [{"LOWER": "für"}, DET, OBJ, {"IS_PUNCT": False, "ENT": False, "OP": "{0,4}"}, ROLE, PER]},
    {**EMP, "name": "employedBy.is-role-of/1", "confidence": 0.75,
     "example": "Jonas Albrecht ist bisher Chefredakteur der Zeitschrift Datenwerk.",
     "pattern": [PER, {"LOWER": {"IN": ["ist", "war", "wird", "bleibt", "wurde"]}},
                 {"IS_PUNCT": False, "ENT": False, "NOT_IS": "ROLE_NOUN", "OP": "{0,3}"}, ROLE, OF, DET, ADJS,
                 ORGNOUN, OBJ_ANY]},
    {**EMP, "name": "employedBy.as-role-of/1", "confidence": 0.8, "subject": "@before",
     "example": "Jonas Albrecht arbeitete zuletzt als Support-Mitarbeiter bei Datenwerk.",
     "pattern": [{"LOWER": "als"}, ADJS, ROLE, {"LOWER": {"IN": ["bei", "beim", "von", "des", "der", "für"]}},
                 DET, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.of-org-noun/1", "confidence": 0.7,
     "example": "Jana Beispiel von der Hilfsorganisation Datenwerk",
     "pattern": [PER, {"LOWER": {"IN": ["von", "vom"]}}, DET, ADJS, {"IS": "ORG_NOUN"}, OBJ_ANY]},
    {**EMP, "name": "employedBy.of-org-named/1", "confidence": 0.7,
     "example": "Jana Beispiel von der Europäischen Musteragentur EMA sagte ...",
     "pattern": [PER, {"LOWER": {"IN": ["von", "vom"]}}, DET, {"ENT": ["ORG", "PER"], "WORDS_IS": "ORG_NOUN", "SLOT": "o"}]},
    {**EMP, "name": "employedBy.works-in/1", "confidence": 0.7, "subject": "@before",
     "example": "ein Politiker, der 30 Jahre lang in der Wirtschaftskammer tätig war",
     "pattern": [{"LOWER": {"IN": ["in", "im", "bei", "beim"]}}, DET, ORGNOUN, OBJ,
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"IS": "WORK_VERB"}]},
]
