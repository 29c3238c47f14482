"""locatedIn rows: where an organisation is (German).

Data only (format: kg.extract.patterns). Only constructions that state a seat:
"mit Sitz in", "in X ansässig", an institution "in X", "X aus Y", and a country or
city adjective on the organisation ("des japanischen Autoherstellers X", "das
Londoner Label X"). A bare "X in Y" after a verb is where something happened, so
it is no row.
"""
from __future__ import annotations

ORG = {"ENT": ["ORG", "MEDIA"], "SLOT": "s"}
LOC = {"ENT": "LOC", "SLOT": "o"}
DET = {"LOWER": {"IN": ["der", "dem", "den", "des", "die", "das"]}, "OP": "?"}
NO_LIST = {"LOWER": {"IN": ["und", ",", "sowie", "oder"]}, "OP": "!"}  # not one place of a list
LOCATED = {"predicate": "locatedIn", "subject": "s", "object": "o", "subject_ent": ["ORG", "MEDIA"],
           "object_ent": ["LOC"]}
ADJS = {"IS": "ADJ", "OP": "{0,2}"}
ORGNOUN = {"IS": "ORG_NOUN", "OP": "{0,1}"}
INSTITUTION = ["Universität", "University", "Institut", "Institute", "Museum", "Zentrum", "Klinik", "Spital",
               "Krankenhaus", "Theater", "Oper", "Schule", "Hochschule", "Zoo", "Flughafen", "Botschaft", "Werk",
               "Fabrik", "Filiale", "Niederlassung", "Verlag", "Stiftung", "Verein", "Club", "Klub", "Agentur",
               "Behörde", "Ministerium", "Gericht", "Landesgericht", "Bank", "Firma", "Unternehmen", "Konzern"]

# a company named by its kind ("der deutsche Konzern", "des französischen Autobauers"), not by its name
COMPANY = (r"(?=[A-ZÄÖÜ])[a-zA-ZäöüÄÖÜß]*?(?:[Kk]onzern|[Uu]nternehmen|[Hh]ersteller|[Aa]utobauer|[Ff]irma|[Ff]luggesellschaft|"
           r"[Aa]irline|[Vv]ersicherer|[Kk]onzerns|[Uu]nternehmens|[Hh]erstellers|[Aa]utobauers|[Vv]ersicherers)")

# "Wiener", "Londoner" (the city is checked by the deriver); a capitalised adjective right before a
# name is part of the name ("Frankfurter Allgemeine"), so an organisation noun must follow
CITY_ADJ = {"TEXT": {"REGEX": "[A-ZÄÖÜ][a-zäöüß]{3,}er"}, "ENT": False, "SLOT": "o"}

ROWS: list[dict] = [
    {**LOCATED, "name": "locatedIn.seat/1", "confidence": 0.8,
     "example": "Die Kleinfeld AG mit Sitz in Linz wächst.",
     "pattern": [ORG, {"TEXT": ",", "OP": "?"}, {"IS_PUNCT": False, "ENT": False, "OP": "{0,6}"}, {"LOWER": "mit"},
                 {"LOWER": {"IN": ["sitz", "hauptsitz", "firmensitz", "zentrale", "hauptquartier"]}},
                 {"LOWER": "in"}, DET, LOC]},
    {**LOCATED, "name": "locatedIn.based-in/1", "confidence": 0.75,
     "example": "die in Linz ansässige Firma Kleinfeld AG",
     "pattern": [{"LOWER": "in"}, DET, LOC, {"LOWER": {"REGEX": "ansässig\\w*|beheimatet\\w*"}}, ADJS, ORGNOUN,
                 ORG]},
    {**LOCATED, "name": "locatedIn.org-based-in/1", "confidence": 0.75,
     "example": "Kleinfeld AG ist in Linz ansässig.",
     "pattern": [ORG, {"IS_PUNCT": False, "ENT": False, "OP": "{0,3}"}, {"LOWER": "in"}, DET, LOC,
                 {"LOWER": {"REGEX": "ansässig|beheimatet"}}]},
    {**LOCATED, "name": "locatedIn.from/1", "confidence": 0.6,
     "example": "die Firma Kleinfeld AG aus Linz",
     "pattern": [ORG, {"LOWER": "aus"}, DET, LOC, NO_LIST]},
    {**LOCATED, "name": "locatedIn.institution-in/1", "confidence": 0.6,
     "example": "die Universität Nordheim in Linz",
     "pattern": [{"TEXT": {"REGEX": "(?:" + "|".join(INSTITUTION) + ")\\w*"}, "OP": "?"}, DET,
                 {"ENT": ["ORG", "MEDIA"], "WORDS_IS": "INSTITUTION", "SLOT": "s"}, {"LOWER": "in"}, DET, LOC,
                 NO_LIST]},
    {**LOCATED, "name": "locatedIn.institution-noun-in/1", "confidence": 0.6,
     "example": "die Universität Nordheim in Linz",
     "pattern": [{"TEXT": {"REGEX": "(?:" + "|".join(INSTITUTION) + ")\\w*"}}, DET, ORG, {"LOWER": "in"}, DET,
                 LOC, NO_LIST]},
    {**LOCATED, "name": "locatedIn.country-adjective/1", "confidence": 0.75, "derive": {"o": "country"},
     "example": "des japanischen Autoherstellers Kleinfeld; die britische Zeitung Netzblick",
     "pattern": [{"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, ADJS, ORGNOUN, ORG]},
    {**LOCATED, "name": "locatedIn.country-adjective-noun/1", "confidence": 0.65,
     "derive": {"o": "country", "s": "org-noun"},
     "example": "vom österreichischen Innenministerium; des griechischen Bankenverbandes",
     "pattern": [{"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, ADJS,
                 {"TAG": {"IN": ["NN", ""]}, "IS_TITLE": True, "ENT": False, "SLOT": "s",
                  "TEXT": {"REGEX": r"(?!.*(?:[Mm]inisterium|[Rr]egierung)).*"}},  # "Innenministerium": every state has one
                 {"ENT": False, "IS_TITLE": False}]},
    {**LOCATED, "name": "locatedIn.city-adjective/1", "confidence": 0.7, "derive": {"o": "city"},
     "example": "das unabhängige Londoner Label Netzblick",
     "pattern": [CITY_ADJ, ADJS, {"IS": "ORG_NOUN"}, {**ORG, "TEXT": {"REGEX": r"\S+\s.*|[A-ZÄÖÜ]{2,}"}}]},
    {**LOCATED, "name": "locatedIn.city-adjective-institution/1", "confidence": 0.7, "derive": {"o": "city"},
     "example": "am Nordheimer Institut für Sprachen",
     "pattern": [CITY_ADJ, {"ENT": ["ORG", "MEDIA"], "TEXT": {"REGEX": "(?:" + "|".join(INSTITUTION) + ")\\b.*"},
                            "SLOT": "s"}]},
    {**LOCATED, "name": "locatedIn.country-adjective-compound/1", "confidence": 0.7, "derive": {"o": "country"},
     "example": "des japanischen Kleinfeld-Konzerns",
     "pattern": [{"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, ADJS,
                 {"HEAD_IS": "ORG_NOUN", "PREFIX_ENT": ["ORG", "MEDIA"], "SLOT": "s"}]},
    {**LOCATED, "name": "locatedIn.country-adjective-company/1", "confidence": 0.65, "derive": {"o": "country"},
     "subject": "@salient-org",
     "example": "Kleinfeld baut ab. Kleinfeld schließt zwei Werke. Wie der japanische Konzern mitteilte, ... (Kleinfeld; "
                "not where the sentence names another organisation, nor 'des SWMH-Konzerns', a name in the compound)",
     "pattern": [{"LOWER": {"IN": ["der", "des", "dem"]}},  # singular ("die deutschen Autohersteller": plural)
                 {"IS": "NAT_ADJ", "TEXT": {"REGEX": "[a-zäöü].*"}, "SLOT": "o"}, {"IS": "ADJ", "OP": "?"},
                 {"ENT": False, "TEXT": {"REGEX": COMPANY}}, {"ENT": False}]},
    {**LOCATED, "name": "locatedIn.country-compound-org/1", "confidence": 0.7, "derive": {"o": "country"},
     "example": "der US-Konzern Kleinfeld AG; der britische Nordland-Sender Netzblick is no row (the adjective row)",
     "pattern": [{"LOWER": {"IN": ["der", "die", "das", "des", "dem", "den"]}}, ADJS,
                 {"HEAD_IS": "ORG_NOUN", "PREFIX_ENT": "LOC", "TEXT": {"REGEX": "[A-ZÄÖÜ]{2,3}-[^-]+"}, "SLOT": "o"},
                 ORG]},
]
