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
# a name NER left untyped: foreign name words, an inner "for/of/de", then lower case or punctuation
RAW_NAME = [{"IS_TITLE": True, "ENT": False, "TAG": {"IN": ["NE", "FM", ""]}, "NOT_IS": "ORG_NOUN", "SLOT": "o"},
            {"LOWER": {"IN": ["for", "of", "de", "du", "la", "del"]}, "SLOT": "o", "OP": "?"},
            {"IS_TITLE": True, "ENT": False, "TAG": {"IN": ["NE", "FM", "NN", ""]}, "SLOT": "o", "OP": "{0,2}"},
            {"TEXT": {"REGEX": r"[a-zäöüß,.;:].*"}}]
# "A, B und C": two to four persons in one subject slot (the engine relates each)
_AND = {"TEXT": {"IN": [",", "und", "sowie"]}}
LISTED = [PER, _AND, PER, *[dict(x) for _ in range(2) for x in (dict(_AND, OP="?"), dict(PER, OP="?"))]]
# heads of compounds the role lexicon leaves out ("Microsoft-CEO", "EU-Kommissar", "Uni-Rektor", "ORF-Moderatorin")
OFFICE_HEADS = r"(?:CEO|Ceo|[\wäöü]*[Kk]ommissar(?:in)?|Rektor(?:in)?|Vizerektor(?:in)?|Moderator(?:in)?)"
# players and coaches: "Der Verteidiger von X" after a sentence about one player is that player
CLUB_ROLES = (r"(?:[\w-]*(?:[Vv]erteidiger|[Ss]türmer|[Tt]orhüter|[Tt]ormann|[Gg]oalie|[Kk]eeper|[Mm]ittelfeldspieler|"
              r"[Aa]ngreifer|[Ss]pielmacher|[Kk]apitän|[Tt]rainer|[Cc]oach|[Ll]egionär|[Ss]pieler))(?:in)?")
# spokespeople are mostly unnamed and new ("sagte ein/der Sprecher der Telekom"): never the person quoted before
NOT_SPOKES = r"(?![\w-]*[Ss]precher)[\w-]+"
SPEECH = {"IS": "SPEECH_VERB", "TEXT": {"REGEX": "[a-zäöüß]+"}}
# after "sagte der X-Chef": no name follows ("sagte der X-Chef Name" is role-compound), a full stop, "der Zeitung", "am Montag"
NO_NAME = {"ENT": {"NOT_IN": ["PER"]}, "TEXT": {"NOT_IN": [",", "(", "-", "–", ":"]}}
# clubs and employers a possessive names: "bei seinem Stammclub X", "gegen seinen Ex-Klub X", "ihr Arbeitgeber X"
OWN_CLUB = {"TEXT": {"REGEX": r"(?:Stamm|Ex-|Heimat|Jugend|Lieblings)?(?:[Cc]lub|[Kk]lub|[Vv]erein|[Aa]rbeitgeber|"
                              r"[Dd]ienstgeber)s?"}, "SLOT": "role"}
POSS = {"LOWER": {"REGEX": r"(?:sein|ihr)(?:e|em|en|er|es)?"}}
PLAYED = {"LOWER": {"IN": ["spielt", "spielte", "spielten", "spielen", "gespielt", "kickt", "kickte", "gekickt"]}}
COACHED = {"LOWER": {"IN": ["trainiert", "trainierte", "coacht", "coachte", "betreut", "betreute"]}}
# "spielt für X eine Rolle" is no club
NOT_A_ROLE = {"LOWER": {"IN": ["eine", "keine", "kaum", "große", "wichtige", "überhaupt", "nur", "die", "der"]}, "OP": "!"}
CLUB_GAP = {"IS_PUNCT": False, "ENT": {"NOT_IN": ["PER"]},
            "LOWER": {"NOT_IN": ["mit", "gegen", "gegenüber", "und", "oder", "wie", "als", "dass"]}, "OP": "{0,8}"}
LEADS = {"LOWER": {"IN": ["leitet", "leitete", "leiten", "leiteten"]}}
# "leitet seit 2010 die X." / "… die X seit 2010": not "leitete die X Ermittlungen ein" (einleiten) or "… an die X weiter"
LED_END = {"TEXT": {"REGEX": r"[.,;:!?)–]|seit|bis|in|gemeinsam|zusammen|interimistisch|kommissarisch"}}
LEAD_GAP = {"IS_PUNCT": False, "ENT": False, "LOWER": {"NOT_IN": ["an", "mit", "gegen", "und", "oder", "ein", "eine"]},
            "OP": "{0,3}"}
# a league employs no players: "Bundesliga-Torhüter X", "Premier-League-Profi X" (its officials it does: "Liga-Chef")
NOT_LEAGUE_PLAYER = rf"(?![\w-]*(?:[Ll]iga|[Ll]eague)-(?:{CLUB_ROLES}|Profis?|Kicker(?:in)?)$)[\w-]+"
# "X, ebenfalls …", "X, seit 2007 Generaldirektor des Y", "X, bis 2015 Chef der Y"
APPOS_ADV = {"LOWER": {"REGEX": r"ebenfalls|auch|derzeit|seit|bisher|bis|von|ab|\d{4}|einst|damals|inzwischen|"
                                r"mittlerweile|zuletzt|nun|jetzt"}, "OP": "{0,2}"}
MOVED = {"LOWER": {"IN": ["wechselte", "wechselt"]}}
# "übernahm das Traineramt beim X", "den Trainerposten bei X" (not "bewarb sich um den Posten bei X")
POST = {"TEXT": {"REGEX": r"(?:Trainer|Chef|Vorstands|Präsidenten|Manager|Direktoren|Sportdirektoren|Sportchef|"
                          r"Geschäftsführer|Intendanten|Chefredakteurs|Chefredaktions)(?:amt|posten|sessel|job)"},
        "SLOT": "role"}
BOARD = {"TEXT": {"REGEX": r"(?:Aufsichts|Verwaltungs|Stiftungs|Universitäts|Bank|Generalrat)rat|Vorstand|Präsidium|Direktorium|"
                           r"Kuratorium|Aufsichtsgremium"}, "SLOT": "role"}
APPOINTED = {"LOWER": {"IN": ["wird", "wurde", "ist", "bleibt", "war", "werde", "sei"]}}
ADVS = {"LOWER": {"REGEX": r"seit|ab|bereits|schon|nun|jetzt|künftig|weiterhin|\d{4}|interimistisch|einstimmig|erneut|"
                          r"wieder|am|im|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|vorige[nm]|letzte[nm]|jahr"},
        "OP": "{0,3}"}
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
     "pattern": [MOVED, PER, {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"LOWER": "zu"},
                 {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ, {"LOWER": {"IN": ["in", "ins"]}, "OP": "?"},
                 {"LOWER": {"IN": ["den", "die"]}, "OP": "?"}, {"IS": "DEPARTMENT", "SLOT": "role", "OP": "?"}]},
    {**EMP, "name": "employedBy.moved-to-pronoun/1", "confidence": 0.75, "subject": "@before",
     "qualifiers": {"time": "current"},
     "example": "Jonas Albrecht lernte viel. Dann wechselte er zu Datenwerk in den Kundensupport.",
     "pattern": [MOVED, {"LOWER": {"IN": ["er", "sie"]}, "OP": "?"},
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
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "TEXT": {"REGEX": NOT_LEAGUE_PLAYER}, "SLOT": "o"}, {"TEXT": ",", "OP": "?"}, PER],
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
     "pattern": [PER, COMMA, APPOS_ADV, DET, ADJS, ROLE, OF, DET, ADJS, ORGNOUN, OBJ_ANY]},
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
    {**EMP, "name": "employedBy.role-at-org/1", "confidence": 0.7, "subject": "@before", "derive": {"o": "org-extend"},
     "example": "Jonas Albrecht, 1950 in Linz geboren, ist emeritierter Professor für Physik an der Universität Nordstadt.",
     "pattern": [{"LOWER": {"IN": ["ist", "war", "wurde", "bleibt", "als"]}}, ADJS, ROLE,
                 {"IS_PUNCT": False, "ENT": False, "LOWER": {"NOT_IN": ["und", "oder", "der", "des"]}, "OP": "{0,3}"},
                 {"LOWER": {"IN": ["an", "am", "bei", "beim"]}}, DET, ADJS, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.title-institution/1", "confidence": 0.65, "derive": {"o": "institution-of-role"},
     "example": "Die Staatsanwaltschaft Nordstadt ermittelt. Das sei umfangreich, sagte Staatsanwalt Jonas Albrecht.",
     "pattern": [{"TEXT": {"REGEX": r"(?:Ober)?[Ss]taatsanwalt|[Ss]taatsanwältin|Polizeisprecher(?:in)?"}, "SLOT": "o"},
                 PER]},
    {**EMP, "name": "employedBy.led-outlet/1", "confidence": 0.6, "derive": {"o": "last-outlet"},
     "example": "Das Magazin Netzblick wurde 1993 gegründet. Zunächst leitete Jonas Albrecht das Blatt.",
     "pattern": [{"LOWER": {"IN": ["leitete", "leitet", "führte"]}}, PER, {"LOWER": {"IN": ["das", "die", "den"]}},
                 {"TEXT": {"IN": ["Blatt", "Magazin", "Nachrichtenmagazin", "Zeitung", "Redaktion", "Sender"]}, "SLOT": "o"}]},
    {**EMP, "name": "employedBy.role-compound-anaphor-object/1", "confidence": 0.55, "subject": "@previous",
     "derive": {"o": "org-prefix"},
     "example": "Jonas Albrecht hatte einen guten Tag. Zunächst erzielte der Datenwerk-Stürmer das 1:0.",
     "pattern": [{"TAG": {"IN": ["VVFIN", "VAFIN", ""]}, "TEXT": {"REGEX": "[a-zäöüß]+"},
                  "LOWER": {"NOT_IN": ["und", "oder", "sowie", "dass", "als", "wie", "mit", "von", "bei", "für", "an",
                                       "auf", "aus", "in", "nach", "zu", "gegen", "über", "unter", "vor", "neben"]}},
                 {"LOWER": {"IN": ["der", "die"]}}, {"IS": "ADJ", "OP": "{0,2}"},
                 {"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ORG, "SLOT": "o"},
                 {"ENT": False, "TEXT": {"REGEX": "(?![A-ZÄÖÜ]).*"}}]},
    {**EMP, "name": "employedBy.and-role-of/1", "confidence": 0.7, "subject": "@before", "derive": {"o": "org-extend"},
     "example": "Jonas Albrecht, Berater des Vorstands und Chefredakteur der Zeitung Netzblick, schwieg.",
     "pattern": [ROLE, OF, {"IS_PUNCT": False, "ENT": False, "OP": "{1,3}"}, {"LOWER": "und"}, ADJS,
                 {"IS": "ROLE_NOUN"}, OF, DET, ADJS, ORGNOUN, OBJ_ANY]},
    {**EMP, "name": "employedBy.appos-after-and-org/1", "confidence": 0.65,
     "example": "Das sei Unsinn, sagt Jonas Albrecht, Sprecher von Polizei und Datenwerk.",
     "pattern": [PER, COMMA, ADJS, ROLE, {"LOWER": {"IN": ["von", "des", "der"]}}, DET,
                 {"IS_TITLE": True, "IS_PUNCT": False}, {"LOWER": "und"}, DET, OBJ, END]},
    {**EMP, "name": "employedBy.editor-of-outlet/1", "confidence": 0.6, "derive": {"o": "last-outlet"},
     "example": "Das Magazin Netzblick verliert Leser. Seit dem Abgang von Gründungschefredakteur Jonas Albrecht ...",
     "pattern": [{"TEXT": {"REGEX": r"\w*[Cc]hefredakteur(?:in)?"}, "SLOT": "o"}, PER]},  # no "X-Chefredakteur"
    {**EMP, "name": "employedBy.became-editor/1", "confidence": 0.6, "derive": {"o": "last-outlet"},
     "example": "Das Magazin Netzblick hat Probleme. Jonas Albrecht wurde alleiniger Chefredakteur.",
     "pattern": [PER, {"LOWER": {"IN": ["wurde", "wird", "ist", "bleibt", "bleibe", "war"]}}, ADJS,
                 {"TEXT": {"REGEX": r"(?:Chef)?[Rr]edakteur(?:in)?|Herausgeber(?:in)?|Chefredaktion|Redaktion"},
                  "SLOT": "o"}, END]},
    {**EMP, "name": "employedBy.in-editorial/1", "confidence": 0.6, "derive": {"o": "last-outlet"},
     "example": "Das Magazin Netzblick hat Probleme. Jonas Albrecht bleibe in der Chefredaktion.",
     "pattern": [PER, {"LOWER": {"IN": ["bleibt", "bleibe", "ist", "sitzt", "war", "arbeitet"]}}, {"LOWER": "in"},
                 {"LOWER": "der"}, {"TEXT": {"IN": ["Chefredaktion", "Redaktion"]}, "SLOT": "o"}]},
    {**EMP, "name": "employedBy.of-org-noun-raw/1", "confidence": 0.6, "derive": {"o": "raw-name"},
     "example": "Jana Beispiel von der Hilfsorganisation Doctors for Nordland sagte ... (the name is not typed)",
     "pattern": [PER, {"LOWER": {"IN": ["von", "vom"]}}, DET, ADJS, {"IS": "ORG_NOUN"}, *RAW_NAME]},
    {**EMP, "name": "employedBy.as-role-for-raw/1", "confidence": 0.6, "subject": "@before", "derive": {"o": "raw-name"},
     "example": "Jonas Albrecht arbeitete als Manager für die Nordlichter Boys und mit anderen. (the name is not typed)",
     "pattern": [{"LOWER": "als"}, ADJS, ROLE, {"LOWER": "für"}, {"LOWER": {"IN": ["die", "den", "das"]}}, *RAW_NAME]},
    {**EMP, "name": "employedBy.at-the-head-of/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": "Spitze"},
     "derive": {"o": "org-extend"},
     "example": "Jonas Albrecht hatte selbst an der Spitze der Software-Firma Datenwerk gestanden.",
     "pattern": [{"LOWER": "an"}, {"LOWER": "der"}, {"LOWER": "spitze"}, {"LOWER": {"IN": ["des", "der", "von"]}},
                 DET, ADJS, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.listed-in-squad/1", "confidence": 0.65, "qualifiers": {"role": "Spieler", "time": "current"},
     "example": "Mit Jonas Albrecht und Mia Roth stehen zwei frühere Nordclub-Profis im Kader von Datenwerk.",
     "pattern": [*LISTED, {"IS_PUNCT": False, "ENT": False, "OP": "{1,8}"}, {"LOWER": {"IN": ["im", "in"]}},
                 {"LOWER": {"IN": ["kader", "aufgebot", "team"]}}, {"LOWER": {"IN": ["von", "des", "der"]}}, DET, OBJ]},
    {**EMP, "name": "employedBy.listed-compound/1", "confidence": 0.6, "derive": {"o": "org-prefix"},
     "example": "Mit Jonas Albrecht und Mia Roth stehen zwei frühere Datenwerk-Profis im Kader.",
     "pattern": [*LISTED, {"IS_PUNCT": False, "ENT": False, "NOT_IS": "ROLE_NOUN", "OP": "{1,5}"},
                 {"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ORG, "TEXT": {"REGEX": r".*(?:s|n|en)"}, "SLOT": "o"}]},
    {**EMP, "name": "employedBy.works-in/1", "confidence": 0.7, "subject": "@before",
     "example": "ein Politiker, der 30 Jahre lang in der Wirtschaftskammer tätig war",
     "pattern": [{"LOWER": {"IN": ["in", "im", "bei", "beim"]}}, DET, ORGNOUN, OBJ,
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"}, {"IS": "WORK_VERB"}]},
    # ---- round 19: offices the role lexicon leaves out, "von der Y", a club role naming the person before
    {**EMP, "name": "employedBy.role-compound-office/1", "confidence": 0.75, "derive": {"o": "org-prefix"},
     "example": "Das sagte Datenwerk-CEO Jonas Albrecht; NWB-Kommissarin Jana Beispiel",
     "pattern": [{"HEAD": {"REGEX": OFFICE_HEADS}, "TEXT": {"REGEX": r"[^-]+-[^-]+"}, "SLOT": "o"},
                 {"TEXT": ",", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.of-org/1", "confidence": 0.65,
     "example": "Das kritisierte Jana Beispiel von der Nordwestpartei, ...; Jonas Albrecht vom FC Datenwerk sagte ...",
     "pattern": [PER, {"LOWER": {"IN": ["von", "vom"]}}, {"LOWER": {"IN": ["der", "den"]}, "OP": "?"}, OBJ,
                 {"OP": "!", "TAG": {"REGEX": "VVPP|VVINF|VVIZU|VAPP"}}]},  # not "wurde X von der Y festgenommen"
    {**EMP, "name": "employedBy.club-role-anaphor/1", "confidence": 0.55, "subject": "@previous",
     "derive": {"o": "org-extend"}, "qualifiers": {"time": "current"},
     "example": "Jonas Albrecht fehlte. Der Verteidiger von Datenwerk hatte sich verletzt.",
     "pattern": [{"LOWER": {"IN": ["der", "die"]}, "IS_SENT_START": True}, ADJS, {"TEXT": {"REGEX": CLUB_ROLES}, "SLOT": "role"},
                 {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ADJS, ORGNOUN, OBJ,
                 {"TEXT": {"NOT_IN": [",", "(", "-"]}, "ENT": {"NOT_IN": ["PER"]}}]},
    {**EMP, "name": "employedBy.role-compound-and-role/1", "confidence": 0.75, "derive": {"o": "org-prefix"},
     "example": "deponierte NWP-Chef und Verkehrsminister Jonas Albrecht",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "SLOT": "o"}, {"LOWER": "und"}, ADJS, {"IS": "ROLE_NOUN"}, PER]},
    # ---- round 20: the person a quote continues, sport (clubs, contracts, coaching), an own employer
    {**EMP, "name": "employedBy.speech-role-compound/1", "confidence": 0.6, "subject": "@speaker",
     "derive": {"o": "org-prefix"},
     "example": "Jonas Albrecht kennt den Markt. Das wird teuer, sagte der Datenwerk-Manager der Zeitung.",
     "pattern": [SPEECH, {"LOWER": {"IN": ["der", "die"]}}, {"IS": "ADJ", "OP": "{0,2}"},
                 {"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ["ORG", "MEDIA", "PER"], "TEXT": {"REGEX": NOT_SPOKES}, "SLOT": "o"},
                 NO_NAME]},
    {**EMP, "name": "employedBy.speech-role-of/1", "confidence": 0.6, "subject": "@speaker", "derive": {"o": "org-extend"},
     "example": "Jonas Albrecht wirkt ruhig. Das sei falsch, sagte der Innenpolitik-Chef der Zeitung Netzblick.",
     "pattern": [SPEECH, {"LOWER": {"IN": ["der", "die"]}}, ADJS, {**ROLE, "TEXT": {"REGEX": NOT_SPOKES}},
                 {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ADJS, ORGNOUN, OBJ, NO_NAME]},
    {**EMP, "name": "employedBy.plays-for/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": "Spieler"},
     "example": "Jonas Albrecht spielt seit 2014 für Datenwerk.",
     "pattern": [PLAYED, {"IS_PUNCT": False, "ENT": False, "OP": "{0,5}"}, {"LOWER": "für"}, DET, OBJ, NOT_A_ROLE]},
    {**EMP, "name": "employedBy.under-contract/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": ""},
     "example": "Jonas Albrecht steht noch bis 2020 bei Datenwerk unter Vertrag; seinen Vertrag bei Datenwerk verlängert",
     "pattern": [{"LOWER": "bei"}, {"LOWER": {"IN": ["dem", "der", "den"]}, "OP": "?"}, OBJ,
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,3}"}, {"LOWER": "unter"}, {"LOWER": "vertrag"}]},
    {**EMP, "name": "employedBy.contract-at/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": ""},
     "example": "Jonas Albrecht hat seinen Vertrag bei Datenwerk verlängert.",
     "pattern": [{"LOWER": {"REGEX": r"(?:sein|ihr)(?:en)?"}}, {"TEXT": {"REGEX": r"(?:Arbeits|Spieler|Trainer)?[Vv]ertrag"}},
                 {"LOWER": "bei"}, {"LOWER": {"IN": ["dem", "der", "den"]}, "OP": "?"}, OBJ]},
    {**EMP, "name": "employedBy.own-club/1", "confidence": 0.65,  # a named person: "er" is too often misread here
     "example": "Jonas Albrecht betreute die Jugend bei seinem Stammclub Datenwerk; gegen seinen Ex-Klub Datenwerk",
     "pattern": [{**PER, "LOWER": {"NOT_IN": ["er", "sie", "ihm", "ihn", "ihr"]}},
                 {"IS_PUNCT": False, "ENT": {"NOT_IN": ["PER"]}, "OP": "{0,8}"},
                 {"LOWER": {"IN": ["bei", "beim", "für", "zu", "gegen", "auf", "von", "vom"]}}, POSS, {"IS": "ADJ", "OP": "?"},
                 OWN_CLUB, OBJ]},
    {**EMP, "name": "employedBy.coached-named/1", "confidence": 0.65, "qualifiers": {"role": "Trainer"},
     "example": "Zuvor trainierte Jonas Albrecht den Nordclub Datenwerk.",
     "pattern": [COACHED, PER, CLUB_GAP, OBJ, END]},
    {**EMP, "name": "employedBy.coached/1", "confidence": 0.65, "subject": "@before", "qualifiers": {"role": "Trainer"},
     "example": "Jonas Albrecht trainierte danach drei Jahre lang Datenwerk.",
     "pattern": [COACHED, CLUB_GAP, OBJ, END]},
    {**EMP, "name": "employedBy.place-club-role/1", "confidence": 0.65, "derive": {"o": "club-of-place"},
     "example": "Der SC Nordheim verliert. Nordheims Präsident Jonas Albrecht tobt.",
     "pattern": [{"ENT": "LOC", "TEXT": {"REGEX": r".*[a-zäöü]s"}, "SLOT": "o"}, {"IS": "ADJ", "OP": "?"},
                 {"TEXT": {"REGEX": CLUB_ROLES + r"|(?:Vize)?[Pp]räsident(?:in)?|Obmann|Obfrau|Sportdirektor(?:in)?|"
                                    r"Sportchef(?:in)?|Manager(?:in)?|Clubmanager(?:in)?|Klubmanager(?:in)?"},
                  "SLOT": "role"}, PER]},
    {**EMP, "name": "employedBy.appos-after-role-compound/1", "confidence": 0.65, "derive": {"o": "org-prefix"},
     "example": "Jonas Albrecht, Berater des Datenwerk-Chefs, schwieg. (works for the chief's organisation)",
     "pattern": [PER, COMMA, ADJS, {**ROLE, "TEXT": {"REGEX": r"(?![\w-]*[Aa]nw[aä]lt)[\w-]+"}},
                 {"LOWER": {"IN": ["des", "der"]}}, ADJS, {"HEAD_IS": "ROLE_NOUN", "PREFIX_ENT": ORG, "SLOT": "o"}]},
    {**EMP, "name": "employedBy.moving-to-participle/1", "confidence": 0.65, "qualifiers": {"time": "current"},
     "example": "Er folgt dem als Sportchef zu Datenwerk wechselnden Jonas Albrecht nach.",
     "pattern": [{"LOWER": "als"}, ADJS, ROLE, {"IS_PUNCT": False, "ENT": False, "OP": "{0,2}"},
                 {"LOWER": {"IN": ["zu", "zum", "zur"]}}, {"LOWER": {"IN": ["dem", "der"]}, "OP": "?"}, OBJ,
                 {"TEXT": {"REGEX": r"[a-zäöüß]+nde[nmr]?"}}, PER]},
    {**EMP, "name": "employedBy.leads-org-named/1", "confidence": 0.65, "qualifiers": {"role": "Leiter"},
     "example": "Seit 2010 leitet Jonas Albrecht die Kleinfeld AG.",
     "pattern": [LEADS, PER, LEAD_GAP, {"LOWER": {"IN": ["die", "das", "den"]}}, ADJS, ORGNOUN, OBJ, LED_END]},
    {**EMP, "name": "employedBy.leads-org/1", "confidence": 0.65, "subject": "@before", "qualifiers": {"role": "Leiter"},
     "example": "Jonas Albrecht leitet seit 2010 die Kleinfeld AG.",
     "pattern": [LEADS, LEAD_GAP, {"LOWER": {"IN": ["die", "das", "den"]}}, ADJS, ORGNOUN, OBJ, LED_END]},
    {**EMP, "name": "employedBy.appos-after-indefinite/1", "confidence": 0.7, "derive": {"o": "org-extend"},
     "example": "Jonas Albrecht, ein langjähriger Mitarbeiter der Kleinfeld AG, schwieg.",
     "pattern": [PER, COMMA, {"LOWER": {"IN": ["ein", "eine"]}}, ADJS, ROLE,
                 {"LOWER": {"IN": ["des", "der", "von", "vom", "bei", "beim", "an", "am"]}}, DET, ADJS, ORGNOUN, OBJ_ANY]},
    # a band or team NER read as a person: "für die Bee Gees" (no one person follows "für die")
    {**EMP, "name": "employedBy.as-role-for-group/1", "confidence": 0.6, "subject": "@before", "derive": {"o": "group-name"},
     "example": "Jonas Albrecht arbeitete als Manager für die Nordlicht Boys.",
     "pattern": [{"LOWER": "als"}, ADJS, ROLE, {"LOWER": "für"}, {"LOWER": "die"}, {"ENT": "PER", "SLOT": "o"}]},
    {**EMP, "name": "employedBy.place-club-compound/1", "confidence": 0.65, "derive": {"o": "club-of-place"},
     "example": "Der SC Nordheim gewinnt. Nordheim-Trainer Jonas Albrecht jubelt.",
     "pattern": [{"PREFIX_ENT": "LOC", "TEXT": {"REGEX": r"[\w-]+-" + CLUB_ROLES}, "SLOT": "o"}, PER]},
    {**EMP, "name": "employedBy.post-at/1", "confidence": 0.65, "subject": "@before",
     "example": "Jonas Albrecht übernahm 2013 das Traineramt beim Datenwerk.",
     "pattern": [{"LOWER": {"IN": ["um", "für", "auf"]}, "OP": "!"}, {"LOWER": {"IN": ["das", "den", "dem", "seinen", "ihren"]}},
                 {"IS": "ADJ", "OP": "?"}, POST, {"LOWER": {"IN": ["bei", "beim"]}},
                 {"LOWER": {"IN": ["dem", "der", "den"]}, "OP": "?"}, OBJ]},
    {**EMP, "name": "employedBy.role-compound-ex/1", "confidence": 0.75, "derive": {"o": "org-prefix-ex"},
     "example": "Das kritisierte Ex-NWP-Chef Jonas Albrecht scharf.",
     "pattern": [{"HEAD_IS": "ROLE_NOUN", "TEXT": {"REGEX": r"(?:Ex|Alt)-[^-]+-[^-]+"}, "SLOT": "o"},
                 {"TEXT": ",", "OP": "?"}, PER]},
    {**EMP, "name": "employedBy.board-seat/1", "confidence": 0.7, "subject": "@before",
     "example": "Jonas Albrecht sitzt seit 2010 im Aufsichtsrat der Kleinfeld AG.",
     "pattern": [{"LOWER": {"IN": ["sitzt", "saß", "sitzen", "saßen", "gesessen", "zog", "einzog", "eingezogen"]}},
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,3}"}, {"LOWER": {"IN": ["im", "in"]}},
                 {"LOWER": "den", "OP": "?"}, BOARD, {"LOWER": {"IN": ["der", "des", "von", "vom", "bei", "beim"]}},
                 DET, ADJS, ORGNOUN, OBJ]},
    {**EMP, "name": "employedBy.in-charge-at/1", "confidence": 0.65, "subject": "@before",
     "example": "Jonas Albrecht ist bei der Kleinfeld AG für den Vertrieb zuständig.",
     "pattern": [{"LOWER": {"IN": ["bei", "beim"]}}, {"LOWER": {"IN": ["der", "dem", "den"]}, "OP": "?"}, OBJ,
                 {"LOWER": "für"}, {"IS_PUNCT": False, "ENT": False, "OP": "{1,5}"},
                 {"LOWER": {"REGEX": r"zuständig(?:e|en|er|em)?|verantwortlich(?:e|en|er|em)?"}}]},
    {**EMP, "name": "employedBy.joined/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": ""},
     "example": "Jonas Albrecht heuerte 2012 bei Datenwerk an.",
     "pattern": [{"LOWER": {"IN": ["heuerte", "heuert", "angeheuert"]}}, {"IS_PUNCT": False, "ENT": False, "OP": "{0,3}"},
                 {"LOWER": {"IN": ["bei", "beim"]}}, {"LOWER": {"IN": ["der", "dem", "den"]}, "OP": "?"}, OBJ]},
    {**EMP, "name": "employedBy.role-of-org-is-name/1", "confidence": 0.7, "derive": {"o": "org-extend"},
     "example": "Neuer Chef der Kleinfeld AG wird Jonas Albrecht. / Zum Präsidenten von Datenwerk wurde Jana Beispiel gewählt.",
     "pattern": [{"LOWER": {"IN": ["zum", "zur"]}, "OP": "?"},
                 {"LOWER": {"REGEX": r"(?:neu|künftig|designiert|interimistisch|stellvertretend)(?:e|er|en)"}, "OP": "?"},
                 {"IS": "ADJ", "OP": "{0,2}"}, ROLE,
                 {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, DET, ADJS, ORGNOUN, OBJ, APPOINTED, ADVS, PER]},
    {**EMP, "name": "employedBy.leads-org-relative/1", "confidence": 0.7, "subject": "@before", "qualifiers": {"role": "Leiter"},
     "example": "Jonas Albrecht, der die Kleinfeld AG seit 2010 leitet, sagte das.",
     "pattern": [COMMA, {"LOWER": {"IN": ["der", "die"]}}, {"LOWER": {"IN": ["die", "das", "den"]}}, ADJS, ORGNOUN, OBJ,
                 {"IS_PUNCT": False, "ENT": False, "OP": "{0,4}"},
                 {"LOWER": {"IN": ["leitet", "leitete", "führt", "führte", "anführt", "anführte"]}}]},
]
