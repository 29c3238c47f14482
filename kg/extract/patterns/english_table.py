"""employedBy rows for English articles (``Document.lang == "en"``).

Data only (format: kg.extract.patterns); qualifiers come from
kg.extract.english.finish_employment ("former", "ex-", "had worked" -> earlier;
"contractor" -> kind contractor). The role slot keeps its modifiers ("former
contractor", "chief executive").
"""
from __future__ import annotations

ROLE_HEADS = ["employee", "contractor", "staffer", "worker", "engineer", "reporter", "journalist", "editor",
              "spokesman", "spokeswoman", "spokesperson", "ceo", "chief", "director", "manager", "founder",
              "co-founder", "analyst", "agent", "moderator", "executive", "president", "chairman", "chairwoman",
              "head", "officer", "developer", "designer", "researcher", "scientist", "lawyer", "attorney",
              "correspondent", "producer", "coach", "player", "striker", "goalkeeper", "owner", "partner",
              "vice-president", "cfo", "cto", "coo", "boss", "leader", "secretary", "professor", "intern"]
ROLE_MODS = ["former", "ex-", "senior", "junior", "chief", "executive", "vice", "deputy", "general", "managing",
             "lead", "principal", "technical", "financial", "operating", "product", "software", "customer",
             "support", "security", "communications", "press", "news", "political", "foreign", "staff",
             "longtime", "then", "current", "temporary", "freelance", "team", "party"]
ROLE = [{"LOWER": {"IN": ROLE_MODS}, "OP": "{0,3}", "SLOT": "role"}, {"LOWER": {"IN": ROLE_HEADS}, "SLOT": "role"}]
PER = {"ENT": "PER", "SLOT": "s"}
OBJ = {"ENT": ["ORG", "MEDIA"], "SLOT": "o"}
ART = {"LOWER": {"IN": ["a", "an", "the"]}}
FIRM = {"LOWER": {"IN": ["company", "firm", "agency", "startup", "start-up", "group", "network", "website", "site",
                         "newspaper", "magazine", "broadcaster", "channel", "platform", "service", "bank", "team",
                         "club", "party", "staffing", "tech", "technology", "media", "news", "social", "giant",
                         "outlet", "publisher", "maker", "carmaker", "airline", "university", "institute"]},
        "OP": "{0,3}"}
EMP = {"predicate": "employedBy", "subject": "s", "object": "o", "subject_ent": ["PER"],
       "object_ent": ["ORG", "MEDIA"]}

ROWS: list[dict] = [
    {**EMP, "name": "employedBy.en-apposition/1", "confidence": 0.8,
     "example": "Jonas Miller, the chief executive of Chirpa, said ...; Jonas Miller, a former contractor for Chirpa",
     "pattern": [PER, {"TEXT": ","}, ART, *ROLE, {"LOWER": {"IN": ["at", "of", "for", "with"]}},
                 {"LOWER": "the", "OP": "?"}, FIRM, OBJ]},
    {**EMP, "name": "employedBy.en-org-role-name/1", "confidence": 0.75,
     "example": "Chirpa CEO Jonas Miller; a Chirpa employee, Jonas Miller",
     "pattern": [OBJ, *ROLE, {"TEXT": ",", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.en-role-of-org-name/1", "confidence": 0.75,
     "example": "the chief executive of Chirpa, Jonas Miller, said ...",
     "pattern": [*ROLE, {"LOWER": {"IN": ["at", "of", "for"]}}, {"LOWER": "the", "OP": "?"}, FIRM, OBJ,
                 {"TEXT": ",", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.en-worked-for/1", "confidence": 0.75,
     "example": "Jonas Miller worked for the staffing firm Chirpa; Jonas Miller had worked as an engineer at Chirpa",
     "pattern": [PER, {"LOWER": {"IN": ["who", "also", "previously", "once", "later", "still", "then"]}, "OP": "{0,2}"},
                 {"LOWER": {"IN": ["worked", "works", "was", "had", "has", "is"]}},
                 {"LOWER": {"IN": ["working", "worked", "employed"]}, "OP": "?"},
                 {"LOWER": "as", "OP": "?"}, {**ART, "OP": "?"}, {**ROLE[0]}, {**ROLE[1], "OP": "?"},
                 {"LOWER": {"IN": ["at", "for", "by"]}}, {"LOWER": "the", "OP": "?"}, FIRM, OBJ]},
    {**EMP, "name": "employedBy.en-joined/1", "confidence": 0.7, "qualifiers": {"time": "current"},
     "example": "Jonas Miller joined Chirpa in 2015.",
     "pattern": [PER, {"LOWER": {"IN": ["joined", "joins", "rejoined"]}}, {"LOWER": "the", "OP": "?"}, FIRM, OBJ]},
    {**EMP, "name": "employedBy.en-of-org/1", "confidence": 0.65,
     "example": "Jonas Miller of Chirpa said ...; Mia Roth, of the Chirpa group, said",
     "pattern": [PER, {"TEXT": ",", "OP": "?"}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, OBJ,
                 {"LOWER": {"IN": FIRM["LOWER"]["IN"]}, "OP": "?"},
                 {"LOWER": {"IN": [",", ".", "said", "says", "told", "added", "wrote", ")", ";"]}}]},
    {**EMP, "name": "employedBy.en-org-office-name/1", "confidence": 0.75,
     "example": "Chirpa commissioner Jonas Miller; the Chirpa rector, Mia Roth",
     "pattern": [OBJ, {"LOWER": {"IN": ["commissioner", "rector", "anchor", "host", "presenter"]}, "SLOT": "role"},
                 {"TEXT": ",", "OP": "?"}, PER]},
]

# locatedIn (kg.extract.english runs these without employment qualifiers)
PLACE_ROWS: list[dict] = [
    {"name": "locatedIn.en-country-org/1", "predicate": "locatedIn", "subject": "s", "object": "o",
     "subject_ent": ["ORG", "MEDIA"], "object_ent": ["LOC"], "confidence": 0.7,
     "example": "the US company Chirpa; the British newspaper Netzblick is no row (no LOC mention)",
     "pattern": [{"LOWER": "the"}, {"ENT": "LOC", "SLOT": "o"}, FIRM, {"ENT": ["ORG", "MEDIA"], "SLOT": "s"}]},
    {"name": "locatedIn.en-based-in/1", "predicate": "locatedIn", "subject": "s", "object": "o",
     "subject_ent": ["ORG", "MEDIA"], "object_ent": ["LOC"], "confidence": 0.75,
     "example": "Chirpa, based in Linz, said ...; Chirpa, headquartered in Linz",
     "pattern": [{"ENT": ["ORG", "MEDIA"], "SLOT": "s"}, {"TEXT": ",", "OP": "?"}, {"LOWER": {"IN": ["based", "headquartered"]}},
                 {"LOWER": "in"}, {"ENT": "LOC", "SLOT": "o"}]},
]
