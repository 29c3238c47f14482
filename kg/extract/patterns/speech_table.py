"""said and reportedBy rows: who spoke (to which outlet), and whose words or facts an outlet carries (German).

Data only: see kg.extract.patterns for the row format; kg.extract.speech runs
the rows, picks the speaker and the outlet spoken to, and applies the
subject-choice rule (docs/readme/extract.md). Three tables:
- SAID: a speech verb (by lemma) and its speaker; slot ``s`` holds the speaker
  (or the words before the speaker, of which the rule takes the first person
  that is no genitive attribute), slot ``v`` the verb;
- OUTLET: the outlet a statement was made *to* ("der APA", "zum STANDARD",
  "im Gespräch mit dem X", "in der ZiB 2", "auf APA-Anfrage"); slot ``o``;
- REPORTED: an outlet that carries someone's words or facts without a speech
  verb ("laut X", "X zufolge", "berichtet X", "X berichtete", "zitiert X");
  the subject is ``@clause`` (the subject-choice rule) or slot ``s``.
"""
from __future__ import annotations

from kg.extract import lexicon
from kg.extract.patterns.classes import register_class

# verbs of saying, by lemma (HanTa); particle verbs whose base alone is no speech are in SPEECH_BASE
_SPEECH = (r"(?:sagen|erklären|betonen|meinen|ergänzen|antworten|erzählen|bestätigen|kritisieren|warnen|"
                         r"schreiben|bezeichnen|nennen|darlegen|deponieren|verteidigen|bestreiten|dementieren|"
                         r"verkünden|beklagen|klagen|äußern|postulieren|titeln|argumentieren|unterstreichen|versichern|"
                         r"einräumen|mitteilen|festhalten|beipflichten|zurückweisen|ankündigen|hinzufügen|klarstellen|"
                         r"zugeben|vorwerfen|fordern|begründen|mahnen|kommentieren|twittern|schildern|monieren|"
                         r"behaupten|beteuern|bekräftigen|appellieren|berichten|verlautbaren|entgegnen|"
                         r"erwidern|loben|bedauern|beschwichtigen|resümieren|sprechen|zeigen|entschuldigen)")
register_class("SPEECH", _SPEECH)
# base lemma -> particles that make it a verb of saying ("räumte ... ein", "teilte ... mit")
SPEECH_PARTICLES: dict[str, tuple[str, ...]] = {
    "räumen": ("ein",), "teilen": ("mit",), "halten": ("fest",), "pflichten": ("bei",), "weisen": ("zurück",),
    "kündigen": ("an",), "fügen": ("hinzu",), "stellen": ("klar",), "führen": ("aus",), "werfen": ("vor",),
    "geben": ("zu", "bedenken", "an"), "lassen": ("verlauten",), "drücken": ("aus",),
}
# verbs of saying that need a complement to be one ("sprach von ...", "zeigte sich zuversichtlich")
SPEECH_NEEDS: dict[str, tuple[str, ...]] = {"sprechen": ("von",), "zeigen": ("sich",), "entschuldigen": ("sich",)}
register_class("SPEECH_BASE", "(?:" + "|".join(SPEECH_PARTICLES) + ")")
register_class("SPEECH_ANY", "(?:" + "|".join(SPEECH_PARTICLES) + "|" + _SPEECH + ")")
register_class("OUTLET_NOUN", lexicon.OUTLET_NOUNS + r"(?:s|es|n|en)?")
register_class("TALK_NOUN", r"(?:Gespräch|Interview|Telefonat|Telefoninterview|Podcast|Pressegespräch)(?:s|es)?")
register_class("REQUEST_NOUN", r"(?:Anfrage|Nachfrage)")
# publishing an interview: lemma or (untagged text) a finite form
register_class("PUBLISH_VERB", r"(?:veröffentlich|führ|sende|strahl|bring|druck)(?:en|t|te|ten)?|brachte|brachten")
register_class("REPORT_VERB", r"(?:berichten|melden|schreiben|vermelden|enthüllen)")

# a word of the speech clause between verb and speaker ("am Montag", "ÖVP-Chef", ", Sprecher der X ,")
FILL = {"TAG": {"NOT_IN": ["VVFIN", "VAFIN", "VMFIN", "PRELS", "KOUS", "KON", "$."]},
        "TEXT": {"NOT_IN": [":", ";", ".", "–", "—", "„", "“", "”", '"', "»", "«", "?", "!"]},
        "LOWER": {"NOT_IN": ["dass", "und", "aber", "sowie", "oder", "er", "sie", "wie", "als", "so"]}}
WORD = {"ENT": "", "TAG": {"NOT_IN": ["VVFIN", "VAFIN", "VMFIN", "KOUS", "$."]},
        "LOWER": {"NOT_IN": ["dass", "und", "aber", "er", "sie", ",", ":", ";", "."]}}
ADJ = {"ENT": "", "TEXT": {"REGEX": r"[a-zäöüß][\w-]*|[A-ZÄÖÜ][a-zäöü]+er"}, "LOWER": {"NOT_IN": ["und", "dass", "laut", "zufolge"]}}
DET = {"LOWER": {"IN": ["der", "dem", "den", "des", "die", "das"]}}
NOT_DET = dict(WORD, LOWER={"NOT_IN": WORD["LOWER"]["NOT_IN"] + DET["LOWER"]["IN"] + ["ein", "eine", "einer"]},
               TAG={"NOT_IN": WORD["TAG"]["NOT_IN"] + ["NN", "NE", "ART"]})  # "am Montag", not "eine Sprecherin"
SPEAKER = {"ENT": "PER", "LOWER": {"NOT_IN": ["er", "sie", "ihm", "ihn", "ihr", "ihnen"]}, "SLOT": "s"}
VERB = {"IS": "SPEECH_ANY", "TAG": {"REGEX": "(?:VVFIN|VVPP|)"}}  # a finite verb or participle (untagged: any)

FIN = {"TAG": {"IN": ["VVFIN", "VAFIN", "VMFIN"]}}
MIDDLE = dict(FILL, LOWER={"NOT_IN": [w for w in FILL["LOWER"]["NOT_IN"] if w != "als"]})  # "als Redner aufgetreten"
AND = {"LOWER": {"IN": [",", "und"]}}
# right after the second verb of a coordination: no subject of its own ("hielt in …", "schrieb auf …", not "sagte ein X")
NO_SUBJECT = {"ENT": False, "TAG": {"NOT_IN": ["NN", "NE", "PPER", "PIS", "PDS", "$.", "$,"]},
              "LOWER": {"NOT_IN": ["der", "die", "das", "ein", "eine", "einer", "man", "er", "sie", "es", "wir", "ich"]}}
SINGULAR_VERB = dict(VERB, TAG="VVFIN", TEXT={"REGEX": r".*[^n]"}, SLOT="v")  # "sagte", not plural "sagten"
# the words said follow the coordinated verb after a comma or colon ("hielt … fest, es sei", "schrieb auf X:");
# "schrieb weiter an seinem Märchen." says nothing
STATEMENT = [{"TEXT": {"NOT_IN": [",", ":", ";", ".", "?", "!", "–", "„", "“", '"']},
              "TAG": {"NOT_IN": ["VVFIN", "VAFIN", "VMFIN", "KOUS", "PRELS"]}, "OP": "{0,16}"},
             {"TEXT": {"IN": [",", ":"]}}]

SAID: list[dict] = [
    {"name": "said.verb-speaker/1", "predicate": "said",
     "about": "a speech verb, then (after adverbials, roles, an apposition) its speaker",
     "example": "Das sei überzogen, sagte Verbandschefin Lea Beispiel am Montag der Nachrichtenagentur Ypsilon.",
     "pattern": [dict(VERB, SLOT="v"), {"LOWER": "sich", "OP": "?"},
                 dict(FILL, OP="{0,10}", SLOT="s"), SPEAKER],
     "subject": "s", "object": "@outlet", "confidence": 0.8},
    {"name": "said.speaker-verb/1", "predicate": "said",
     "about": "a speaker, then (after an apposition or a party) the speech verb",
     "example": "Jonas Albrecht von der Beispielpartei bezeichnete den Plan als Fehler.",
     "pattern": [SPEAKER, dict(FILL, OP="{0,10}"),
                 dict(VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.75},
    {"name": "said.speaker-perfect/1", "predicate": "said",
     "about": "a speaker, the auxiliary, then the participle of the speech verb ('X hatte ... begründet')",
     "example": "Jonas Albrecht hatte den Plan im Vorjahr damit begründet, dass Geld fehle.",
     "pattern": [SPEAKER, {"LEMMA": "haben", "TAG": {"REGEX": "(?:VAFIN|)"}}, dict(FILL, OP="{0,8}"),
                 {"IS": "SPEECH_ANY", "TAG": {"REGEX": "(?:VVPP|)"}, "SLOT": "v"}],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
    {"name": "said.speaker-relative-verb/1", "predicate": "said",
     "about": "a speaker, a relative clause about them, then the speech verb",
     "example": "Lea Beispiel, die seit Jahren im Vorstand sitzt, kritisierte den Plan.",
     "pattern": [SPEAKER, {"TEXT": ","}, {"LOWER": {"IN": ["der", "die", "das", "den", "dem", "deren", "dessen"]},
                                          "TAG": {"REGEX": "(?:PRELS|PRELAT|)"}},
                 {"TEXT": {"NOT_IN": [",", ".", ":", ";", "?", "!"]}, "OP": "{1,12}"}, {"TEXT": ","}, dict(VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
    {"name": "said.verb-pronoun/1", "predicate": "said",
     "about": "a speech verb with 'er'/'sie' as speaker (the person the pronoun resolves to)",
     "example": "Man werde das prüfen, sagte sie der Zeitung Beispielblatt.",
     "pattern": [dict(VERB, SLOT="v"), {"LOWER": "sich", "OP": "?"},
                 dict(WORD, OP="{0,2}"), {"LOWER": {"IN": ["er", "sie"]}, "SLOT": "s"}],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
    {"name": "said.verb-description/1", "predicate": "said",
     "about": "a speech verb with a described speaker ('der Deutsche', 'der SPD-Politiker'): the one person it fits",
     "example": "Das sei ein Versehen gewesen, sagte der ÖVP-Politiker der Zeitung Beispielpost.",
     "pattern": [dict(VERB, SLOT="v"), {"LOWER": "sich", "OP": "?"}, dict(NOT_DET, OP="{0,2}"),
                 {"LOWER": {"IN": ["der", "die"]}}, dict(ADJ, OP="{0,2}"),
                 {"ENT": False, "TEXT": {"REGEX": r"[A-ZÄÖÜ][\w-]+"}, "TAG": {"REGEX": "(?:NN|)"}, "SLOT": "s"}],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.description-verb/1", "predicate": "said",
     "about": "a described speaker, then the speech verb ('Der steirische ÖVP-Chef kritisierte ...')",
     "example": "Der Wiener ÖVP-Chef kritisierte den Plan.",
     "pattern": [{"LOWER": {"IN": ["der", "die"]}}, dict(ADJ, OP="{0,2}"),
                 {"ENT": False, "TEXT": {"REGEX": r"[A-ZÄÖÜ][\w-]+"}, "TAG": {"REGEX": "(?:NN|)"}, "SLOT": "s"},
                 dict(VERB, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.so-speaker/1", "predicate": "said",
     "about": "', so X': the speaker after the statement",
     "example": "Das Projekt komme zu spät, so Gewerkschafter Jonas Albrecht zum Sender Beispiel-TV.",
     "pattern": [{"TEXT": ","}, {"LOWER": "so", "SLOT": "v"}, dict(WORD, OP="{0,3}"), SPEAKER],
     "subject": "s", "object": "@outlet", "confidence": 0.75},
    {"name": "said.relative-clause-verb/1", "predicate": "said",
     "about": "a speaker, then a relative clause ending in the speech verb ('X, der … als fragwürdig bezeichnete,')",
     "example": "Kritik kam von Lea Beispiel, die den Plan als höchst fragwürdig bezeichnete, und von anderen.",
     "pattern": [SPEAKER, {"TEXT": ","}, {"LOWER": {"IN": ["der", "die"]}, "TAG": {"REGEX": "(?:PRELS|)"}},
                 {"ENT": {"NOT_IN": ["PER"]}, "TEXT": {"NOT_IN": [",", ".", ":", ";", "?", "!", "–", "(", ")"]},
                  "LOWER": {"NOT_IN": ["ich", "du", "er", "sie", "es", "wir", "ihr", "man", "und", "dass", "nicht",
                                       "nie", "kein", "keine", "keinen"]}, "OP": "{1,10}"},
                 dict(VERB, SLOT="v"), {"TEXT": {"IN": [",", ".", ";", ":", "und"]}}],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.verb-roles-speaker/1", "predicate": "said",
     "about": "a speech verb, two roles joined by 'und', then the speaker ('deponierte ÖVP-Chef und Minister X')",
     "example": "Das sei kein Thema, deponierte NWP-Chef und Verkehrsminister Jonas Albrecht im Sender Radio Nord.",
     "pattern": [dict(VERB, SLOT="v"), {"LOWER": {"IN": ["der", "die"]}, "OP": "?", "SLOT": "s"},
                 {"IS": "ROLE_NOUN", "SLOT": "s"}, {"LOWER": "und", "SLOT": "s"}, dict(ADJ, OP="{0,1}", SLOT="s"),
                 {"IS": "ROLE_NOUN", "SLOT": "s"}, SPEAKER],
     "subject": "s", "object": "@outlet", "confidence": 0.75},
    {"name": "said.pronoun-verb/1", "predicate": "said",
     "about": "'Er/Sie' opening the sentence, then the speech verb (singular: 'Sie forderten' is plural)",
     "example": "Lea Beispiel sprach lange. Sie betonte zugleich, dass der Plan gut sei.",
     "pattern": [{"LOWER": {"IN": ["er", "sie"]}, "IS_SENT_START": True, "SLOT": "s"}, dict(WORD, OP="{0,2}"),
                 dict(VERB, TEXT={"REGEX": r".*[^n]"}, SLOT="v")],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.speaker-coordinated-verb/1", "predicate": "said",
     "about": "a speaker opening the sentence, a first verb, then (after ',' or 'und') the speech verb they share",
     "example": "Lea Beispiel reagierte auf die Kritik gelassen, hielt im Sender Radio Nord aber fest, es sei traurig.",
     "pattern": [dict(SPEAKER, IS_SENT_START=True), FIN, dict(MIDDLE, OP="{0,10}"), AND, SINGULAR_VERB, NO_SUBJECT,
                 *STATEMENT],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.verb-speaker-and-verb/1", "predicate": "said",
     "about": "a first verb, its speaker after it, then 'und' and the speech verb they share",
     "example": "Danach veröffentlichte der Rapper Jonas Albrecht ein Lied und schrieb im Netz: Das ist traurig.",
     "pattern": [FIN, dict(FILL, OP="{0,4}", SLOT="s"), SPEAKER, dict(MIDDLE, OP="{0,10}"), {"LOWER": "und"},
                 SINGULAR_VERB, NO_SUBJECT, *STATEMENT],
     "subject": "s", "object": "@outlet", "confidence": 0.65},
    {"name": "said.verb-speaker-and-perfect/1", "predicate": "said",
     "about": "'war X aufgetreten und hatte … bezeichnet': the speaker of a first verb, then 'und' and a perfect",
     "example": "Dort war auch Jonas Albrecht als Redner aufgetreten und hatte den Plan als Fehler bezeichnet.",
     "pattern": [FIN, dict(FILL, OP="{0,4}", SLOT="s"), SPEAKER, dict(MIDDLE, OP="{0,10}"), {"LOWER": "und"},
                 {"LOWER": {"IN": ["hatte", "hat"]}}, NO_SUBJECT,
                 dict(FILL, TAG={"NOT_IN": ["VVFIN", "VAFIN", "VMFIN", "PRELS", "KOUS", "$."]},
                      LOWER={"NOT_IN": ["dass", "aber", "er", "sie", "wie"]}, OP="{0,8}"),
                 {"IS": "SPEECH_ANY", "TAG": {"REGEX": "(?:VVPP|)"}, "SLOT": "v"}],
     "subject": "s", "object": "@outlet", "confidence": 0.6},
    {"name": "said.interview-answer/1", "predicate": "said",
     "about": "an interview answer 'X: …' (the name opens the sentence; three words follow, not a line-up 'X: A – B')",
     "example": "Beispiel: Wir brauchen vor allem mehr Zeit für die Schulen.",
     "pattern": [dict(SPEAKER, IS_SENT_START=True), {"TEXT": ":", "SLOT": "v"}, {"IS_PUNCT": False, "OP": "{3,3}"}],
     "subject": "s", "object": "@outlet", "confidence": 0.7},
]

_OUT = {"ENT": "MEDIA", "SLOT": "o"}
_OUT_OR_NAMED = {"ENT": {"IN": ["MEDIA", "ORG"]}, "SLOT": "o"}  # an ORG counts only after an outlet noun
_NOUN = {"IS": "OUTLET_NOUN", "OP": "?", "SLOT": "noun"}
_MARK = {"TEXT": {"IN": ['"', "„", "“", "»"]}, "OP": "?"}  # 'mit "X"': a name in quotation marks
_OUTLET_NP = [dict(DET, OP="?"), dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED]  # "der spanischen Zeitung X"

OUTLET: list[dict] = [
    {"name": "reportedBy.told-dative/1", "predicate": "reportedBy",
     "about": "the dative outlet of a speech verb: 'sagte X der APA', 'dem TV-Sender Y'",
     "example": "sagte Lea Beispiel der spanischen Zeitung Diario Ejemplo",
     "pattern": [{"LOWER": {"IN": ["der", "dem"]}}, dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.told-zum/1", "predicate": "reportedBy",
     "about": "'zum/zur X': the outlet spoken to",
     "example": "sagte Lea Beispiel zum Branchendienst beispiel.de",
     "pattern": [{"LOWER": {"IN": ["zum", "zur"]}}, dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.talk-with/1", "predicate": "reportedBy",
     "about": "'im Gespräch mit / in einem Interview mit X'",
     "example": "sagte Lea Beispiel in einem Interview mit dem Magazin Beispiel",
     "pattern": [{"LOWER": {"IN": ["im", "in", "bei"]}}, {"LOWER": {"IN": ["einem", "dem"]}, "OP": "?"},
                 dict(ADJ, OP="{0,2}"), {"IS": "TALK_NOUN"}, {"LOWER": {"IN": ["mit", "gegenüber", "für"]}},
                 dict(DET, OP="?"), dict(ADJ, OP="{0,2}"), _NOUN, _MARK, _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.talk-compound/1", "predicate": "reportedBy",
     "about": "'in einem X-Interview'",
     "example": "hielt Lea Beispiel in einem Beispiel-TV-Interview fest",
     "pattern": [{"LOWER": {"IN": ["im", "in", "einem"]}}, {"LOWER": {"IN": ["einem"]}, "OP": "?"},
                 dict(ADJ, OP="{0,1}"), {"HEAD_IS": "TALK_NOUN", "PREFIX_ENT": "MEDIA", "SLOT": "o"}],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.talk-of/1", "predicate": "reportedBy",
     "about": "'in einem Interview des Portals X'",
     "example": "sagte Lea Beispiel in einem am Freitag veröffentlichten Interview des Nachrichtenportals Beispiel",
     "pattern": [{"IS": "TALK_NOUN"}, {"LOWER": {"IN": ["des", "der"]}}, dict(ADJ, OP="{0,2}"), _NOUN,
                 _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.told-in/1", "predicate": "reportedBy",
     "about": "'in der ZiB 2', 'im Kurier', 'in der X-Zeitung': the outlet a statement appeared in",
     "example": "In der Beispiel-Zeitung sagte Lea Beispiel, ...",
     "pattern": [{"LOWER": {"IN": ["in", "im"]}}, {"LOWER": {"IN": ["der", "dem"]}, "OP": "?"},
                 dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.told-in-compound/1", "predicate": "reportedBy",
     "about": "'in der X-Zeitung' (the outlet named as a compound prefix)",
     "example": "entschuldigte sich Lea Beispiel in der Beispiel-Zeitung",
     "pattern": [{"LOWER": {"IN": ["in", "im"]}}, {"LOWER": {"IN": ["der", "dem"]}, "OP": "?"},
                 {"HEAD_IS": "OUTLET_NOUN", "PREFIX_ENT": "MEDIA", "SLOT": "o"}],
     "subject": "@speaker", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.request/1", "predicate": "reportedBy",
     "about": "'auf X-Anfrage', 'auf Anfrage der X'",
     "example": "wie Lea Beispiel auf Beispiel-Anfrage darlegte",
     "pattern": [{"LOWER": "auf"}, {"HEAD_IS": "REQUEST_NOUN", "PREFIX_ENT": "MEDIA", "SLOT": "o"}],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.request-of/1", "predicate": "reportedBy",
     "about": "'auf Anfrage der X'",
     "example": "erklärte Lea Beispiel auf Anfrage der Agentur Beispiel",
     "pattern": [{"LOWER": "auf"}, {"IS": "REQUEST_NOUN"}, {"LOWER": {"IN": ["der", "des", "von"]}},
                 dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.towards/1", "predicate": "reportedBy",
     "about": "'gegenüber der X'",
     "example": "erklärte Lea Beispiel gegenüber der Agentur Beispiel",
     "pattern": [{"LOWER": "gegenüber"}, *_OUTLET_NP],
     "subject": "@speaker", "object": "o", "confidence": 0.8},
    {"name": "reportedBy.told-bare/1", "predicate": "reportedBy",
     "about": "'sagte X Netzblick, ...': an outlet name right after the speech verb, before a comma (a dative)",
     "example": "Lea Beispiel sagte Tagesblick, es sei ein Versehen gewesen.",
     "pattern": [dict(VERB), {"ENT": "MEDIA", "SLOT": "o"}, {"TEXT": {"IN": [",", ":"]}}],
     "subject": "@speaker", "object": "o", "confidence": 0.7},
    {"name": "reportedBy.told-anaphor/1", "predicate": "reportedBy",
     "about": "'sagte X der Zeitung': the outlet the article named last",
     "example": "Die Beispielpost schreibt ... sagte Lea Beispiel der Zeitung.",
     "pattern": [{"LOWER": {"IN": ["der", "dem", "zum", "zur"]}}, dict(ADJ, OP="{0,1}"),
                 {"IS": "OUTLET_NOUN", "TEXT": {"REGEX": "[A-ZÄÖÜ][a-zäöüß]+"}, "SLOT": "o"}],
     "subject": "@speaker", "object": "@last-outlet", "confidence": 0.65},
]

REPORTED: list[dict] = [
    {"name": "reportedBy.laut/1", "predicate": "reportedBy",
     "about": "'laut X' (also 'laut der Zeitung X')",
     "example": "Laut dem Sender Beispiel-TV war Lea Beispiel nicht informiert.",
     "pattern": [{"LOWER": "laut"}, *_OUTLET_NP],
     "subject": "@clause", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.zufolge/1", "predicate": "reportedBy",
     "about": "'X zufolge', 'der Zeitung X zufolge'",
     "example": "Der Nachrichtenagentur Beispiel zufolge trat Lea Beispiel zurück.",
     "pattern": [_NOUN, _OUT_OR_NAMED, {"LOWER": "zufolge"}],
     "subject": "@clause", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.according-to/1", "predicate": "reportedBy",
     "about": "'nach Angaben der X'",
     "example": "Nach Angaben der Agentur Beispiel wurde der Konzern durchsucht.",
     "pattern": [{"LOWER": "nach"}, {"LOWER": {"IN": ["angaben", "informationen", "berichten"]}},
                 {"LOWER": {"IN": ["der", "des", "von"]}}, dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@clause", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.reports-outlet/1", "predicate": "reportedBy",
     "about": "'berichtet/meldet/schreibt X' (and a list 'berichten X und Y')",
     "example": "Lea Beispiel tritt zurück, berichtete die Zeitung Beispielpost.",
     "pattern": [{"IS": "REPORT_VERB", "TAG": {"NOT_IN": ["NN", "ADJA"]}}, dict(WORD, OP="{0,2}"), dict(DET, OP="?"),
                 dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED],
     "subject": "@clause", "object": "o", "confidence": 0.7},
    {"name": "reportedBy.outlet-reports/1", "predicate": "reportedBy",
     "about": "'X berichtete', 'wie X meldet', '– der X berichtete'",
     "example": "Lea Beispiel tritt zurück, wie die Beispielpost am Freitag berichtete.",
     "pattern": [_NOUN, _OUT_OR_NAMED, dict(WORD, OP="{0,3}"),
                 {"IS": "REPORT_VERB", "TAG": {"NOT_IN": ["NN", "ADJA", "VVINF"]}}],
     "subject": "@clause", "object": "o", "confidence": 0.7},
    {"name": "reportedBy.outlet-quotes/1", "predicate": "reportedBy",
     "about": "'zitiert die Zeitung X den Manager Y': Y's words carried by X (Y also said them, to X)",
     "example": "Das sei ein Fehler, zitiert die Zeitung Beispielpost den Manager Jonas Albrecht.",
     "pattern": [{"LEMMA": "zitieren"}, dict(DET, OP="?"), dict(ADJ, OP="{0,2}"), _NOUN, _OUT_OR_NAMED,
                 dict(FILL, OP="{0,8}"), {"ENT": {"IN": ["PER", "ORG"]}, "SLOT": "s"}],
     "subject": "s", "object": "o", "confidence": 0.75},
    {"name": "reportedBy.among/1", "predicate": "reportedBy",
     "about": "'wie mehrere Medien berichten, darunter X und Y'",
     "example": "Wie mehrere Medien berichten, darunter beispiel.de und muster.at, ist Lea Beispiel zurückgetreten.",
     "pattern": [{"IS": "REPORT_VERB"}, dict(WORD, OP="{0,4}"), {"TEXT": ",", "OP": "?"},
                 {"LOWER": {"IN": ["darunter", "etwa", "beispielsweise"]}}, dict(DET, OP="?"), dict(ADJ, OP="{0,2}"),
                 _NOUN, _OUT_OR_NAMED],
     "subject": "@clause", "object": "o", "confidence": 0.7},
    {"name": "reportedBy.published-interview/1", "predicate": "reportedBy",
     "about": "'X, das ein Interview mit Y veröffentlichte': the outlet that published an interview with Y",
     "example": "Das Portal Beispielnetz, das ein Interview mit Lea Beispiel veröffentlichte, ...",
     "pattern": [{"IS": "TALK_NOUN"}, {"LOWER": "mit"}, dict(WORD, OP="{0,4}"), {"ENT": "PER", "SLOT": "s"},
                 dict(WORD, OP="{0,3}"), {"LEMMA": {"IN": ["veröffentlichen", "führen", "senden", "ausstrahlen",
                                                         "bringen", "drucken"]}}],
     "subject": "s", "object": "@sentence-outlet", "confidence": 0.7},
    {"name": "reportedBy.outlet-published-interview/1", "predicate": "reportedBy",
     "about": "'X veröffentlichte ein Interview mit Y': the outlet first, then the interview with Y",
     "example": "Tagesblick veröffentlichte am Montag ein Interview mit der Ärztin Lea Beispiel.",
     "pattern": [{"ENT": "MEDIA", "SLOT": "o"}, {"IS": "PUBLISH_VERB"}, dict(WORD, OP="{0,3}"), {"IS": "TALK_NOUN"},
                 {"LOWER": "mit"}, dict(WORD, OP="{0,4}"), {"ENT": "PER", "SLOT": "s"}],
     "subject": "s", "object": "o", "confidence": 0.7},
]

# An unnamed spokesperson of a named person or organisation who spoke to an outlet: whose words the outlet
# carries (kg.extract.reporting runs these only in sentences without a named speaker; the object is the outlet
# the sentence was said to). "Eine Sprecherin (des Unternehmens) sagte der X" names no one: the organisation the
# article is about was right once and wrong once on news_dev (a court's spokeswoman taken for the prosecutors'), so it is no row.
_SPOKES = {"TEXT": {"REGEX": r"(?:Konzern|Unternehmens|Firmen)?[Ss]precher(?:in)?"}}
_ONE = {"LOWER": {"IN": ["ein", "eine", "einer"]}}
SPOKESPERSON: list[dict] = [
    {"name": "reportedBy.spokesperson-of/1", "predicate": "reportedBy",
     "about": "'ein Sprecher der Landesrätin X sagte der Y': X's words, carried by Y",
     "example": "Ein Sprecher der Ministerin Lea Beispiel sagte der Zeitung Tagesblick, alles sei geklärt.",
     "pattern": [_ONE, _SPOKES, {"LOWER": {"IN": ["des", "der", "von", "vom"]}}, dict(ADJ, OP="{0,2}"),
                 {"IS": "ROLE_NOUN", "OP": "?"}, {"ENT": {"IN": ["PER", "ORG"]}, "SLOT": "s"}],
     "subject": "s", "object": "@told", "confidence": 0.7},
]

