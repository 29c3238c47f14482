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
# "der Zeitschrift X"; "der Bauer Media Group" (a name word NER left out: the org-extend deriver adds it)
ORGNOUN = {"IS_TITLE": True, "ENT": False, "NOT_IS": "ROLE_NOUN", "OP": "?", "SLOT": "pre"}
NOUN_O = {"TAG": {"IN": ["NN", "NE", ""]}, "IS_TITLE": True, "ENT": False, "SLOT": "o"}
END = {"IS_PUNCT": True, "TEXT": {"NOT_IN": ["(", "-", "–"]}}
ROLE = {"IS": "ROLE_NOUN", "SLOT": "role"}
PAREN = [{"TEXT": "(", "OP": "?"}, {"ENT": True, "OP": "?"}, {"TEXT": ")", "OP": "?"}]
WORK = {"IS": "WORK_VERB"}
GAP = {"ENT": {"IN": ["", "LOC"]}, "TEXT": {"NOT_IN": [".", ";", "?", "!"]}, "OP": "{0,12}"}  # "(als Rolle) in Linz"
COMPANY = {"LOWER": {"IN": ["unternehmen", "firma", "konzern", "start-up", "startup", "agentur", "dienstleister"]}}
WORKED = {"LOWER": {"IN": ["arbeitete", "arbeitet", "arbeiteten", "jobbte", "jobbt"]}}
AGENCY_NOUN = {"TEXT": {"REGEX": r"[\w-]*(?:[Aa]gentur|[Ff]irma|[Dd]ienstleister)"}}
EMP = {"predicate": "employedBy", "subject": "s", "object": "o", "subject_ent": ["PER"], "object_ent": ORG}

ROWS: list[dict] = [
    # ---- verbs of working (the subject is the clause's person: "@before")
    {**EMP, "name": "employedBy.for-org-works/1", "confidence": 0.8, "subject": "@before",
     "example": "Jonas Albrecht war für das Unternehmen Kleinfeld AG als Auftragnehmer in Linz tätig.",
     "pattern": [{"LOWER": "für"}, DET, {**COMPANY, "OP": "?"}, OBJ, GAP, WORK]},
    {**EMP, "name": "employedBy.for-company-works/1", "confidence": 0.7, "subject": "@before",
     "derive": {"o": "raw-name"},
     "example": "Jonas Albrecht war für die Firma Nordwerk Logistik tätig. (the name is not typed)",
     "pattern": [{"LOWER": "für"}, DET, COMPANY, {"IS_TITLE": True, "ENT": False, "SLOT": "o", "OP": "{1,4}"}, GAP,
                 WORK]},
    {**EMP, "name": "employedBy.worked-for/1", "confidence": 0.75, "subject": "@before",
     "example": "Jonas Albrecht arbeitete zwei Jahre lang für die Kleinfeld AG.",
     "pattern": [WORKED, {"TEXT": {"NOT_IN": [".", ";", ","]}, "OP": "{0,6}"}, {"LOWER": "für"}, DET,
                 {**COMPANY, "OP": "?"}, OBJ]},
    {**EMP, "name": "employedBy.via-agency/1", "confidence": 0.7, "subject": "@before",
     "qualifiers": {"kind": "agency"},
     "example": "Jonas Albrecht hat über die Agentur Kleinfeld AG für Datenwerk gearbeitet. (the agency employs)",
     "pattern": [{"LOWER": "über"}, {"LOWER": {"IN": ["die", "eine", "den", "einen"]}}, AGENCY_NOUN, OBJ,
                 {"TEXT": {"NOT_IN": [".", ";"]}, "OP": "{0,12}"},
                 {"LOWER": {"IN": ["gearbeitet", "arbeitete", "tätig", "beschäftigt", "angestellt", "eingesetzt"]}}]},
    {**EMP, "name": "employedBy.worked-via-agency/1", "confidence": 0.7, "subject": "@before",
     "qualifiers": {"kind": "agency"},
     "example": "Jonas Albrecht arbeitete damals über eine Agentur Kleinfeld AG.",
     "pattern": [WORKED, {"ENT": False, "IS_PUNCT": False, "OP": "{0,3}"}, {"LOWER": "über"},
                 {"LOWER": {"IN": ["die", "eine", "den", "einen"]}}, AGENCY_NOUN, OBJ]},
    {**EMP, "name": "employedBy.at-org-was/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": ""},
     "example": "Nachdem er eine Weile bei Datenwerk war, zog Jonas Albrecht um.",
     "pattern": [{"LOWER": "bei"}, {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ,
                 {"LOWER": {"IN": ["war", "gewesen", "arbeitete", "gearbeitet", "angestellt", "beschäftigt",
                                   "tätig"]}}]},
    {**EMP, "name": "employedBy.worked-at/1", "confidence": 0.7, "subject": "@before",
     "example": "Jonas Albrecht arbeitete zuletzt bei Datenwerk.",
     "pattern": [WORKED, {"ENT": False, "IS_PUNCT": False, "OP": "{0,3}"}, {"LOWER": "bei"},
                 {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ]},
    {**EMP, "name": "employedBy.moved-to/1", "confidence": 0.75, "qualifiers": {"time": "current"},
     "example": "Dann wechselte Jonas Albrecht zu Datenwerk in den Kundensupport.",
     "pattern": [{"LOWER": "wechselte"}, PER, {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"LOWER": "zu"},
                 {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ, {"LOWER": {"IN": ["in", "ins"]}, "OP": "?"},
                 {"LOWER": {"IN": ["den", "die"]}, "OP": "?"}, {"IS": "DEPARTMENT", "SLOT": "role", "OP": "?"}]},
    {**EMP, "name": "employedBy.moved-to-pronoun/1", "confidence": 0.75, "subject": "@before",
     "qualifiers": {"time": "current"},
     "example": "Jonas Albrecht lernte viel. Dann wechselte er zu Datenwerk in den Kundensupport.",
     "pattern": [{"LOWER": "wechselte"}, {"LOWER": {"IN": ["er", "sie"]}, "OP": "?"},
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"LOWER": "zu"},
                 {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ, {"LOWER": {"IN": ["in", "ins"]}, "OP": "?"},
                 {"LOWER": {"IN": ["den", "die"]}, "OP": "?"}, {"IS": "DEPARTMENT", "SLOT": "role", "OP": "?"}]},
    {**EMP, "name": "employedBy.site/1", "confidence": 0.65, "subject": "@before", "derive": {"o": "org-prefix"},
     "example": "Jonas Albrecht hat in der Datenwerk-Zentrale in Linz gearbeitet.",
     "pattern": [{"LOWER": {"IN": ["im", "in"]}}, {"LOWER": {"IN": ["der", "einem", "einer"]}, "OP": "?"},
                 {"HEAD": {"REGEX": "(?:Headquarter|Hauptquartier|Zentrale|Firmenzentrale|Konzernzentrale|Büro|"
                                    "Niederlassung)\\w*"}, "SLOT": "o"},
                 {"IS_PUNCT": False, "OP": "{0,2}"},
                 {"LOWER": {"IN": ["gearbeitet", "gejobbt", "tätig", "beschäftigt", "arbeitet", "arbeitete"]}}]},
    {**EMP, "name": "employedBy.credit-line/1", "confidence": 0.6,
     "example": "a line of its own: 'Mia Roth, Radio Nordlicht'",
     "pattern": [{**PER, "IS_SENT_START": True}, COMMA, {**OBJ, "IS_SENT_END": True}]},
    # ---- roles
    {**EMP, "name": "employedBy.role-compound/1", "confidence": 0.8,
     "example": "SPD-Chef Jana Beispiel sagte ...; der frühere Datenwerk-Manager Jonas Albrecht",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"TEXT": ",", "OP": "?"}, PER],
     "derive": {"o": "org-prefix"}},
    {**EMP, "name": "employedBy.genitive-org-role/1", "confidence": 0.7,
     "example": "Datenwerks Chefin Jana Beispiel sagte ...",
     "pattern": [{"ENT": ORG, "TEXT": {"REGEX": r".*[a-zäöü]s"}, "SLOT": "o"}, {"IS": "ADJ", "OP": "?"}, ROLE, PER]},
    {**EMP, "name": "employedBy.role-compound-anaphor/1", "confidence": 0.55, "subject": "@previous",
     "derive": {"o": "org-prefix"},
     "example": "Jonas Albrecht traf zweimal. Der Datenwerk-Stürmer jubelte danach.",
     "pattern": [{"LOWER": {"IN": ["der", "die"]}, "IS_SENT_START": True}, {"IS": "ADJ", "OP": "{0,2}"},
                 {"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"ENT": False, "TEXT": {"REGEX": "(?![A-ZÄÖÜ]).*"}}]},
    {**EMP, "name": "employedBy.party-in-parens/1", "confidence": 0.6, "object_ent": ["ORG"],
     "example": "Das kritisierte Jonas Albrecht (NWP) im Landtag.",
     "pattern": [PER, {"TEXT": "("}, {"ENT": "ORG", "TEXT": {"REGEX": r"(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5}"},
                                      "NOT_IS": "COUNTRY_CODE", "SLOT": "o"},
                 {"TEXT": ")"}]},
    {**EMP, "name": "employedBy.role-compound-after/1", "confidence": 0.75,
     "example": "Jana Beispiel, stellvertretende Datenwerk-Chefin, sagte ...",
     "pattern": [PER, COMMA, ADJS, {"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"TEXT": {"IN": [",", "."]}}],
     "derive": {"o": "org-prefix"}},
    {**EMP, "name": "employedBy.org-noun-compound/1", "confidence": 0.7,
     "example": "sagte Verkehrsministeriumssprecher Jonas Albrecht",
     "pattern": [{"IS": "ROLE_NOUN", "TAG": {"NOT_IN": ["NE"]}, "SLOT": "o"}, PER],
     "derive": {"o": "org-in-compound"}},
    {**EMP, "name": "employedBy.generic-compound/1", "confidence": 0.6,
     "example": "Datenwerk wächst ... schrieb Konzernchef Jonas Albrecht (the article's organisation)",
     "pattern": [{"IS": "ROLE_NOUN", "ENT": False, "TEXT": {"REGEX": "[A-ZÄÖÜ].*"}, "SLOT": "o"}, PER],
     "derive": {"o": "salient-org"}},
    {**EMP, "name": "employedBy.appos-before-compound/1", "confidence": 0.7, "derive": {"o": "org-prefix"},
     "example": "der Chef der konservativen XYZ-Fraktion im Parlament, Jonas Albrecht",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der"]}}, ADJS, {"HEAD_IS": "ORG_NOUN", "SLOT": "o"},
                 {"LOWER": {"IN": ["im", "in"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "?"}, COMMA, DET, PER]},
    {**EMP, "name": "employedBy.appos-after/1", "derive": {"o": "org-extend"}, "confidence": 0.8,
     "example": "Jana Beispiel, Geschäftsführerin des Vereins Datenwerk, sagte ...",
     "pattern": [PER, COMMA, {"LOWER": {"IN": ["ebenfalls", "auch", "derzeit", "seit", "bisher"]}, "OP": "?"},
                 DET, ADJS, ROLE, OF, DET, ADJS, ORGNOUN, OBJ_ANY]},
    {**EMP, "name": "employedBy.appos-after-noun/1", "confidence": 0.7, "derive": {"o": "org-noun"},
     "example": "Jana Beispiel, Geschäftsführerin des Presserats, sagte ...",
     "pattern": [PER, COMMA, {"LOWER": {"IN": ["ebenfalls", "auch", "derzeit", "bisher"]}, "OP": "?"},
                 DET, ADJS, ROLE, {"LOWER": {"IN": ["des", "der"]}}, ADJS, NOUN_O, END]},
    {**EMP, "name": "employedBy.appos-before/1", "derive": {"o": "org-extend"}, "confidence": 0.8,
     "example": "der Geschäftsführer des Vereins Datenwerk, Jonas Albrecht, sagte ...",
     "pattern": [ROLE, OF, DET, ADJS, ORGNOUN, OBJ_ANY, *PAREN, COMMA, DET, {"IS": "DEMONYM", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.appos-before-noun/1", "confidence": 0.7, "derive": {"o": "org-noun"},
     "example": "Die Präsidentin der Richtervereinigung, Jana Beispiel, sagte ...",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der"]}}, ADJS, NOUN_O, COMMA, DET, PER]},
    {**EMP, "name": "employedBy.appos-before-acronym/1", "confidence": 0.75,
     "example": "Der Präsident des Deutschen Musterbundes (DMB), Jonas Albrecht, sagte ...",
     "pattern": [ROLE, OF, DET, {"IS_TITLE": True, "ENT": False, "OP": "{1,3}"}, {"TEXT": "("}, OBJ,
                 {"TEXT": ")"}, COMMA, DET, PER]},
    {**EMP, "name": "employedBy.role-of-org-name/1", "derive": {"o": "org-extend"}, "confidence": 0.75,
     "example": "Der Präsident von Datenwerk Jonas Albrecht",
     "pattern": [ROLE, {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ORGNOUN, OBJ_ANY, PER]},
    {**EMP, "name": "employedBy.for-org-role/1", "confidence": 0.75,
     "example": "Für Datenwerk reagierte am Sonntag Vizepräsidentin Jana Beispiel.",
     "pattern": [{"LOWER": "für"}, DET, OBJ, {"IS_PUNCT": False, "ENT": False, "OP": "{0,4}"}, ROLE, PER]},
    {**EMP, "name": "employedBy.is-role-of/1", "derive": {"o": "org-extend"}, "confidence": 0.75,
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
