"""nationality rows: a person's country from demonyms and nationality adjectives (German).

Data only (format: kg.extract.patterns). The object is built by the ``country``
deriver: a derived LOC mention named by the country ("Kanadier" -> Kanada), or the
country a compound's prefix names ("US-Journalistin"). Origin words
("türkischstämmig", "mit türkischen Wurzeln") are not in the DEMONYM / NAT_ADJ classes.
"""
from __future__ import annotations

PER = {"ENT": "PER", "SLOT": "s"}
# "Philosoph", "Sängerin"; not a state office ("der britische Premierminister X": the office's country,
# annotated only where the article names it) and not an organisation noun
NOUN = {"TAG": {"NOT_IN": ["NE"]}, "ENT": False, "NOT_IS": ["ORG_NOUN", "STATE_OFFICE"], "IS_TITLE": True}
NAT = {"predicate": "nationality", "subject": "s", "object": "o", "subject_ent": ["PER"], "object_ent": ["LOC"],
       "derive": {"o": "country"}}
NOT_NAME = {"ENT": False, "TEXT": {"REGEX": r"(?![A-ZÄÖÜ]).*"}}  # "Der Deutsche will", not "Die Deutsche Bahn"

ROWS: list[dict] = [
    {**NAT, "name": "nationality.demonym-name/1", "confidence": 0.85,
     "example": "Das sagt der Kanadier Jonas Albrecht.",
     "pattern": [{"IS": "DEMONYM", "SLOT": "o"}, PER]},
    {**NAT, "name": "nationality.name-demonym/1", "confidence": 0.85,
     "example": "Jonas Albrecht, ein Deutscher mit türkischen Wurzeln, schweigt.",
     "pattern": [PER, {"TEXT": ","}, {"LOWER": {"IN": ["ein", "eine", "der", "die"]}},
                 {"IS": "ADJ", "OP": "?"}, {"IS": "DEMONYM", "SLOT": "o"}, {"ENT": {"NOT_IN": ["PER"]}}]},
    {**NAT, "name": "nationality.adjective-noun-name/1", "confidence": 0.8,
     "example": "der kanadische Philosoph und Soziologe Jonas Albrecht",
     "pattern": [{"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, {"IS": "ADJ", "OP": "{0,2}"},
                 NOUN, {"LOWER": "und", "OP": "?"}, {**NOUN, "OP": "?"}, PER]},
    {**NAT, "name": "nationality.country-compound/1", "confidence": 0.8,
     "example": "die US-Journalistin Jana Beispiel",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "NOT_IS": "STATE_OFFICE", "PREFIX_ENT": "LOC",
                  "TEXT": {"REGEX": "[A-Z]{2,3}-.*"}, "SLOT": "o"}, PER]},
    {**NAT, "name": "nationality.passport/1", "confidence": 0.8, "subject": "@before",
     "example": "Jonas Albrecht hat einen deutschen Pass.",
     "pattern": [{"IS": "NAT_ADJ", "SLOT": "o"},
                 {"LOWER": {"IN": ["pass", "reisepass", "staatsbürgerschaft", "staatsangehörigkeit"]}}]},
    {**NAT, "name": "nationality.as-demonym/1", "confidence": 0.7, "subject": "@before",
     "example": "Als Deutscher ist er in die USA gegangen.",
     "pattern": [{"LOWER": "als"}, {"IS": "DEMONYM", "SLOT": "o"}, {"ENT": {"NOT_IN": ["PER"]}}]},
    {**NAT, "name": "nationality.adjective-role-subject/1", "confidence": 0.55, "subject": "@previous-subject",
     "example": "Jonas Albrecht trainiert nun Nordstadt. Der kanadische Ex-Teamspieler wird am Dienstag beginnen.",
     "pattern": [{"LOWER": {"IN": ["der", "die"]}, "IS_SENT_START": True},
                 {"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, {"IS": "ADJ", "OP": "?"},
                 {"IS": "ROLE_NOUN", "NOT_IS": ["ORG_NOUN", "STATE_OFFICE"], "ENT": False},
                 {"TAG": {"IN": ["VAFIN", "VVFIN", "VMFIN", ""]}, "TEXT": {"REGEX": "[a-zäöüß]+"}}]},
    {**NAT, "name": "nationality.demonym-subject/1", "confidence": 0.55, "subject": "@described",
     "example": "Jonas Albrecht lebt in Linz. Der Deutsche will nun Ruhe.",
     "pattern": [{"LOWER": {"IN": ["der", "dem"]}, "IS_SENT_START": True}, {"IS": "ADJ", "OP": "{0,2}"},
                 {"IS": "DEMONYM", "TEXT": {"REGEX": r".*(?<!en)"}, "SLOT": "o"}, NOT_NAME]},
    {**NAT, "name": "nationality.demonym-subject-female/1", "confidence": 0.55, "subject": "@described",
     "example": "Mia Roth gewann. Die Österreicherin jubelte.",
     "pattern": [{"LOWER": "die", "IS_SENT_START": True}, {"IS": "ADJ", "OP": "{0,2}"},
                 {"IS": "DEMONYM", "TEXT": {"REGEX": r".*in"}, "SLOT": "o"}, NOT_NAME]},
    {**NAT, "name": "nationality.national-player/1", "confidence": 0.7, "subject": "@before",
     "derive": {"o": "country-name"},
     "example": "Jonas Albrecht, der Nationalspieler der Elfenbeinküste, fehlt.",
     "pattern": [{"LOWER": {"REGEX": r"national(?:spieler|spielerin|torhüter|torhüterin|stürmer|kapitän|trainer|"
                                      r"trainerin)\w*"}},
                 {"LOWER": {"IN": ["der", "des", "von"]}}, {"ENT": "LOC", "SLOT": "o"}]},
    {**NAT, "name": "nationality.homeland/1", "confidence": 0.6, "subject": "@before", "derive": {"o": "country-name"},
     "example": "Jonas Albrecht kehrte in seine Heimat Deutschland zurück.",
     "pattern": [{"LOWER": {"IN": ["heimat", "heimatland"]}}, {"ENT": "LOC", "SLOT": "o"}]},
    {**NAT, "name": "nationality.country-code/1", "confidence": 0.7, "derive": {"o": "country-code"},
     "example": "1. Jonas Albrecht (GER) 1:04,3 - a results list names each athlete's nation by its code",
     "pattern": [PER, {"TEXT": "("}, {"LOWER": "alle", "OP": "?"},
                 {"TEXT": {"REGEX": "[A-Z]{3}"}, "WORDS_IS": "COUNTRY_CODE", "SLOT": "o"}, {"TEXT": ")"}]},
]
