"""The name-typing rules as one ordered table: the first rule whose condition holds types a name.

Each row is (name, label, strength, condition, example). The name is kept in the mention's
provenance (Mention.rule), so every typed name says which row typed it, and
scripts/eval_ner.py scores each row. Strong rows (shape, lexicon, gazetteer, apposition,
title) win over weak ones inside a document (kg.nlp.agree); a row with label "*" takes its
label from its condition (a lexicon entry's class, for instance). Rows are general
constructions or broad lexicons; none names an entity of an evaluation text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from kg.nlp import cues, names, shapes
from kg.nlp import gazetteer as gz
from kg.nlp import lexicon as lx
from kg.nlp.candidates import _said_by as said_by
from kg.nlp.candidates import after_speech, company_suffix, compass_place, is_federal, is_institution, is_ministry, place_compound
from kg.nlp.cues import ARTICLES, EN_FUNCTION, LOC, MEDIA, ORG, OTH, PER
from kg.nlp.hanta import english_common, lexical_class, lexical_function_word, lexical_has_common
from kg.nlp.sentences import sentence_starts
from kg.nlp.tokens import tokens

STRONG, WEAK = "strong", "weak"


class Name:
    """A candidate name and its surroundings, computed once for all rules."""

    def __init__(self, doc: Doc, start: int, end: int, places, firsts, countries):
        self.doc, self.start, self.end = doc, start, end
        self.places, self.firsts, self.countries = places, firsts, countries
        self.toks = toks = tokens(doc)
        self.words = [t.text for t in toks[start:end]]
        self.text = " ".join(self.words)
        self.first, self.last, self.n = self.words[0], self.words[-1], len(self.words)
        self.prev = cues.prev_token(doc, start)
        self.ptext = self.prev.text if self.prev is not None else ""
        self.ptok = self.ptext.lower()
        self.nxt = toks[end] if end < len(toks) else None
        bare = shapes.strip_genitive(self.text)
        for form in (self.text[:-1], self.text[:-2]):  # genitives of places: "Kanadas", "Griechenlandes"
            if self.text.endswith("s") and form in places:
                bare = form
                break
        if self.text.endswith("en") and self.text[:-1] in countries:
            bare = self.text[:-1]  # plural dative: "in den Niederlanden"
        self.bare = bare
        self.title: str | None = None
        self.detail = ""  # added to the rule's name: "lexicon" + "media" -> "lexicon:media"

    def in_places(self) -> bool:
        return self.text in self.places or self.bare in self.places

    def in_countries(self) -> bool:
        return self.text in self.countries or self.bare in self.countries


@dataclass(frozen=True)
class Rule:
    name: str
    label: str  # PER ORG MEDIA LOC OTH, or "*": the condition returns the label
    strength: str
    when: Callable[[Name], object]
    example: str


NAME_TAGS = frozenset({"NE", "NN", "FM", "XY"})


def _lexicon(c: Name):
    entry = names.head_entry(c.doc, c.start, c.end) or names.lookup(c.bare)
    if (entry is not None and not entry.sure and c.n == 1 and c.start in sentence_starts(c.doc)
            and (c.toks[c.start].tag_ not in NAME_TAGS or lexical_function_word(c.first))):
        c.detail = "function-word"  # "Oder die Tatsache ...", "Seine Äußerung": a capitalised function word
        return OTH
    if entry is not None and (entry.sure or not (c.ptok in lx.STRONG_LOC_PREPS and c.bare in c.places)):
        c.detail = entry.source
        return entry.label
    return None


def _noun_before(c: Name) -> bool:
    """A capitalised noun right before the name (English nouns by their tag)."""
    return c.prev is not None and (c.ptext[:1].isupper() or c.prev.tag_ in ("NN1", "NN0", "NN2"))


def _seat(c: Name) -> bool:
    """"das Amtsgericht Kalmsdorf": a place after a body noun is the body's seat."""
    head = lx.org_head(c.ptext)
    return bool(head) and c.n == 1 and c.in_places() and head != c.ptext.lower()


def _bracket_apposition(c: Name) -> bool:
    """"die Atomenergieagentur (Xyz)": the organisation noun before the bracket types X."""
    doc, start, end = c.toks, c.start, c.end
    if not (c.ptext == "(" and start >= 2 and end < len(doc) and doc[end].text == ")" and c.n == 1):
        return False
    before = doc[start - 2].text
    return before[:1].isupper() and bool(lx.org_head(before)) and not lx.media_head(before)


def _right(c: Name):
    got = cues.right_apposition(c.doc, c.end)
    if got is None or got[0] != PER and (c.n > 1 and c.first in c.firsts or c.in_places()):
        return None  # not "Anna Berg, dem Sender Y" (said to an outlet), not "Tirol, dem Land mit ..."
    if got[2]:
        c.title = got[2]
    return got[0]


def _title_before(c: Name) -> bool:
    if _noun_before(c) and lx.role_head(c.ptext):
        c.title = c.ptext
        return True
    return False


def _honorific(c: Name) -> bool:
    if c.prev is not None and c.ptok in ("dr.", "prof.", "mr.", "mrs.", "ms."):
        c.title = c.ptext
        return True
    return False


def _adjective_name(c: Name) -> bool:
    """"Berliner Zeitung", "Nahen Ostens": a name opened by a capitalised adjective (not a first name)."""
    return c.n > 1 and c.toks[c.start].tag_ == "ADJA" and not (
        c.first in c.firsts and lexical_class(c.words[1]) != "common")


def _head(c: Name) -> str:
    return shapes.strip_genitive(c.last)


def _company(c: Name) -> bool:
    companies = gz.companies()
    return (c.text in companies or c.bare in companies) and (
        c.n > 1 or lexical_class(c.first) != "common" and not (len(c.first) <= 4 and english_common(c.first)))


def _common_place_word(c: Name) -> bool:
    """"Basis", "Waren": a common word that is also a place name, not after a place preposition;
    also "Essen" where the tagger read it as a noun in this sentence."""
    return (c.n == 1 and c.in_places() and not c.in_countries() and c.ptok not in lx.LOC_PREPS and (
        lexical_class(c.first) == "common"
        or c.toks[c.start].tag_ == "NN" and c.start not in sentence_starts(c.doc) and lexical_has_common(c.first)))


def _place(c: Name) -> bool:
    if not c.in_places():
        return False
    if c.n == 1 and c.first in c.firsts and c.first in gz.minor_foreign_places() and c.text not in c.countries:
        return False  # "Harrison": a small foreign town's name alone is more often a person
    return not (c.n > 1 and c.first in c.firsts and c.first not in c.places)


def _mixed(c: Name) -> bool:
    return c.n > 1 and not all(t.tag_ == "NE" and lexical_class(t.text) != "common" and not english_common(t.text)
                               for t in c.toks[c.start:c.end])


def _sport_club(c: Name) -> bool:
    """"gegen Lille", "Tabellenführer Leicester", "Monaco gewann 2:1": in a sports sentence a city
    named alone, not after a preposition nor as a dateline, is its club."""
    if c.n != 1 or c.text not in c.places or c.nxt is not None and c.nxt.text in ("–", "-", "—", "/"):
        return False
    rank = c.prev is not None and c.ptext[:1].isupper() and c.ptok.rsplit("-", 1)[-1] in lx.SPORT_RANKS
    if not (rank or c.ptok == "gegen" or c.prev is None or c.prev.tag_ not in ("APPR", "APPRART", "APPO", "ART")):
        return False
    if c.nxt is not None and c.nxt.tag_ in ("NN", "NE") or c.in_countries() and not rank:
        return False  # "Bremens Stürmer": a genitive place; a country is its national team or the land
    if rank or c.ptok == "gegen":
        return cues.sport_sentence(c.doc, c.start)
    # a subject in a sentence with a score; a small foreign town's name is more often a player's
    return c.text not in gz.minor_foreign_places() and cues.score_sentence(c.doc, c.start)


def _outlet_named(c: Name) -> bool:
    """"die Tageszeitung Österreich", "laut 'Heute'": a place or common word named right after a
    press noun, or quoted after "laut" or a report verb, is the outlet's name."""
    return _noun_before(c) and lx.press_noun(c.ptext) or lx.quoted_report(c.doc, c.start, c.end) and (
        c.in_places() or names.lookup(c.text) is not None)


def _role_noun(c: Name) -> bool:
    """"ein Richter", "der Vorsitzende Richter": a role noun that is also a surname, after an
    article, determiner or adjective, is the common noun."""
    role = lx.role_head(c.first)
    return (c.n == 1 and bool(role) and len(c.first) - len(role) <= 2 and c.prev is not None
            and (c.ptok in ARTICLES or c.prev.tag_ in ("ART", "ADJA", "PIAT", "PPOSAT", "PDAT")
                 or lx.role_head(c.ptext) and c.ptext[:1].isupper() and c.ptext.lower().endswith(("e", "en"))))


def _common_site(c: Name) -> bool:
    """"einen Flugplatz", "den vorletzten Tabellenplatz": a -platz or -markt word after an adjective
    or an indefinite article is a kind of site, not a named square or market."""
    return c.first.lower().endswith(("platz", "markt")) and c.prev is not None and (
        c.prev.tag_ == "ADJA" or c.ptok in ("ein", "einen", "einem", "eines", "einer", "kein", "keinen", "keinem"))


def _club_city(c: Name) -> bool:
    """An acronym or an organisation noun before a city names a club, firm or body ("MSV Duisburg",
    "Landesgericht Innsbruck"), and so does any word but a first name in a sports sentence ("Dinamo
    Minsk"); elsewhere an unknown word before it is as often a person's first name ("Hayao
    Miyazaki") or part of the place ("Via Roma")."""
    return (c.n == 2 and c.last in c.places and c.first not in c.places and c.last not in c.countries
            and (shapes.is_acronym(c.first) or bool(lx.org_head(c.first)) or c.first in lx.ORG_NAME_WORDS
                 or c.first not in c.firsts and c.first[:1].isupper() and cues.sport_sentence(c.doc, c.start)))


def _office_of(c: Name) -> bool:
    doc, start = c.toks, c.start
    return (c.ptok == "von" and start >= 2 and doc[start - 2].text[:1].isupper() and bool(lx.role_head(doc[start - 2].text))
            and not (c.first in c.firsts and c.n > 1))


RULES: tuple[Rule, ...] = (
    Rule("lexicon", "*", STRONG, _lexicon, '"Kronen Zeitung", "SPD", "Presserat": a name of kg/data'),
    Rule("shape:domain", MEDIA, STRONG, lambda c: c.n == 1 and shapes.domain_of(c.first), '"example.de"'),
    Rule("shape:company-suffix", ORG, STRONG, lambda c: c.n > 1 and company_suffix(c.last), '"Brotmann GmbH"'),
    Rule("name:place-prefix", LOC, WEAK, lambda c: c.n > 1 and c.first in lx.PLACE_PREFIXES and c.words[1] not in c.firsts,
         '"Bad Schussenried", "Lido di Spina"'),
    Rule("gazetteer:place-on-river", LOC, STRONG,
         lambda c: c.n == 3 and c.words[1] in ("am", "im") and c.first in c.places, '"Frankfurt am Main"'),
    Rule("shape:club-prefix", ORG, STRONG, lambda c: c.first in lx.ORG_PREFIXES and (c.n > 1 or len(c.first) >= 3),
         '"FC Kalmsdorf", "der TSV"'),
    Rule("gazetteer:place-pair", LOC, STRONG,
         lambda c: c.n == 1 and "/" in c.first and all(p in c.places for p in c.first.split("/") if p),
         '"Darmstadt/Berlin" (a dateline of two places)'),
    Rule("context:apposition-press", MEDIA, STRONG, _outlet_named, '"die Tageszeitung X", "laut \'X\'"'),
    Rule("context:sport-club", ORG, STRONG, _sport_club, '"gegen Lille" in a match report, "Tabellenführer Leicester"'),
    Rule("gazetteer:country", LOC, STRONG, Name.in_countries, '"Frankreich", "in den Niederlanden"'),
    Rule("gazetteer:place-compound", LOC, STRONG, lambda c: c.n == 1 and place_compound(c.first, c.places),
         '"Kalmsdorf-Nord"'),
    Rule("context:apposition-bracket", ORG, STRONG, _bracket_apposition, '"die Atomenergieagentur (Xyz)"'),
    Rule("context:apposition-outlet", MEDIA, STRONG, lambda c: _noun_before(c) and lx.media_head(c.ptext),
         '"das Portal X", "der TV-Sender X"'),
    Rule("gazetteer:seat", LOC, STRONG, lambda c: _noun_before(c) and _seat(c), '"das Amtsgericht Kalmsdorf"'),
    Rule("context:apposition-org", ORG, STRONG, lambda c: _noun_before(c) and lx.org_head(c.ptext),
         '"der Softwarekonzern X"'),
    Rule("context:subsidiary", ORG, WEAK,
         lambda c: _noun_before(c) and c.ptok.endswith(("tochter", "töchter")) and c.ptok not in ("tochter", "töchter"),
         '"die Lufthansa-Tochter X", "Billigtochter X"'),
    Rule("weak:role-noun", OTH, WEAK, _role_noun, '"ein Richter", "der Vorsitzende Richter": the common noun'),
    Rule("context:title", PER, STRONG, _title_before, '"Reporter X", "US-Präsident X"'),
    Rule("context:apposition-place", LOC, STRONG, lambda c: _noun_before(c) and lx.loc_head(c.ptext),
         '"die Stadt X"'),
    Rule("context:apposition-after", "*", STRONG, _right, '"X, einem führenden Onlineportal", "X, ein Sprecher"'),
    Rule("context:title-honorific", PER, STRONG, _honorific, '"Dr. X", "Mrs. X"'),
    Rule("name:federal", ORG, WEAK, lambda c: c.n == 1 and is_federal(c.first), '"Bundestag", "Umweltbundesamt"'),
    Rule("name:institution-for", ORG, WEAK,
         lambda c: "für" in c.words[1:3] and any(is_institution(w) for w in c.words[:2]), '"Bundesamt für Gesundheit"'),
    Rule("name:institution-seat", ORG, WEAK,
         lambda c: c.n > 1 and is_institution(c.first) and not lx.role_head(c.first) and c.words[1] not in c.firsts
         and all(w[:1].isupper() for w in c.words[1:]), '"Zollamt Kalmsdorf", "Verein Xyz"'),
    Rule("pattern:ministry", ORG, WEAK, lambda c: c.n == 1 and is_ministry(c.first), '"Innenministerium"'),
    Rule("pattern:compass-place", LOC, WEAK, lambda c: c.n == 1 and compass_place(c.first, c.places),
         '"Südsteiermark", "Oberbayern"'),
    Rule("pattern:place-on", LOC, WEAK,
         lambda c: c.n == 3 and c.words[1] in ("am", "im", "an") and lx.place_word(c.last) and c.first not in c.firsts,
         '"Neusiedl am See"'),
    Rule("name:outlet-word", MEDIA, WEAK, lambda c: _adjective_name(c) and (
        lx.media_head(c.last) or c.last.lower() in lx.MEDIA_NAME_WORDS or _head(c).lower() in lx.MEDIA_NAME_WORDS),
        '"Berliner Kurier", "Hessischer Rundfunk"'),
    Rule("name:org-word", ORG, WEAK, lambda c: _adjective_name(c) and (
        c.last in lx.ORG_NAME_WORDS or _head(c) in lx.ORG_NAME_WORDS), '"Deutsche Bank", "Europäische Union"'),
    Rule("name:place-word", LOC, WEAK, lambda c: _adjective_name(c) and (lx.place_word(c.last) or c.in_places()),
         '"Frankfurter Hauptbahnhof", "Vereinigte Staaten"'),
    Rule("name:adjective-institution", ORG, WEAK, lambda c: _adjective_name(c) and (
        is_federal(_head(c)) or is_institution(_head(c)) and lx.org_head(_head(c)) != _head(c).lower()),
        '"Kalmsdorfer Mieterverein", "Deutscher Bundestag"'),
    Rule("name:place-adjective", OTH, WEAK, lambda c: _adjective_name(c) and c.first.endswith("er") and (
        c.first[:-2] in c.places or c.first[:-1] in c.places), '"Schweizer Architekten": an adjective of a place'),
    Rule("name:adjective-org-noun", ORG, WEAK, lambda c: _adjective_name(c) and lx.org_head(c.last),
         '"Grüner Klub"'),
    Rule("name:adjective-noun", OTH, WEAK,
         lambda c: _adjective_name(c) and not any(t.tag_ == "NE" for t in c.toks[c.start:c.end]),
         '"Großer Preis": an adjective and a common noun'),
    Rule("name:org-word-inside", ORG, WEAK, lambda c: c.n > 1 and any(
        w in lx.ORG_NAME_WORDS or w in lx.BUSINESS_WORDS for w in c.words),
         '"Universität Hamburg", "Hirzel Verlag"'),
    Rule("gazetteer:index", OTH, STRONG, lambda c: c.n == 1 and c.first.upper() in gz.indices(), '"TecDax"'),
    Rule("gazetteer:company", ORG, STRONG, _company, '"Siemens": a member of a stock index'),
    Rule("weak:common-word", OTH, WEAK, _common_place_word, '"Basis", "Waren"'),
    Rule("gazetteer:place", LOC, STRONG, _place, '"Kalmsdorf", "Neu-Delhi"'),
    Rule("gazetteer:first-name", PER, STRONG, lambda c: c.n > 1 and c.first in c.firsts and not shapes.is_acronym(c.last)
         and c.last not in lx.BUSINESS_WORDS, '"Anna Xyz"; not "Hubert Xyz Media"'),
    Rule("shape:initial", PER, STRONG,
         lambda c: c.n == 2 and len(c.first) == 2 and c.first[0].isupper() and c.first[1] == ".", '"W. Fesenko"'),
    Rule("name:club-city", ORG, WEAK, _club_city, '"MSV Duisburg", "Landesgericht Innsbruck": a short or body name plus a city'),
    Rule("gazetteer:place-acronym", LOC, STRONG,
         lambda c: c.n == 1 and shapes.is_acronym(c.first) and c.first.capitalize() in c.places, '"BOCHUM" (dateline)'),
    Rule("gazetteer:index-acronym", OTH, STRONG,
         lambda c: c.n == 1 and shapes.is_acronym(c.first) and c.first in gz.indices(), '"DAX"'),
    Rule("shape:acronym", ORG, STRONG, lambda c: c.n == 1 and shapes.is_acronym(c.first), '"XYZ"'),
    Rule("context:genitive", PER, WEAK, lambda c: c.n == 1 and c.first.endswith("s") and c.nxt is not None
         and c.nxt.tag_ == "NN" and c.bare not in c.places, '"Brians Sohn": a bare genitive name before a noun'),
    Rule("weak:common-site", OTH, WEAK, lambda c: c.n == 1 and _common_site(c),
         '"einen Flugplatz", "den vorletzten Tabellenplatz": a kind of site'),
    Rule("name:place-suffix", LOC, WEAK, lambda c: c.n == 1 and (
        cues.loc_suffix(c.bare) and c.bare not in c.firsts or c.bare in c.places), '"Helmarshausen"'),
    Rule("context:org-part", ORG, WEAK, lambda c: c.nxt is not None and not c.nxt.text[:1].isupper()
         and c.nxt.lower_ in lx.ORG_COMPOUND_HEADS, '"a X employee"'),
    Rule("context:outlet-role", MEDIA, WEAK, lambda c: c.nxt is not None and c.nxt.lower_ in lx.MEDIA_ROLES
         and not c.nxt.text[:1].isupper(), '"the X reporter"'),
    Rule("weak:noun-after-preposition", OTH, WEAK,
         lambda c: c.n == 1 and c.ptok in lx.LOC_PREPS and cues.noun_compound(c.first), '"in Erdhöhlen"'),
    Rule("weak:analysed-noun", OTH, WEAK,
         lambda c: c.ptok in lx.STRONG_LOC_PREPS and c.n == 1 and cues.analysed_noun(c.first), '"aus Eifersucht"'),
    Rule("context:preposition", LOC, WEAK, lambda c: c.ptok in lx.STRONG_LOC_PREPS, '"in X", "nach X"'),
    Rule("context:share-price", ORG, WEAK, lambda c: cues.market_report(c.doc, c.end) or (
        c.ptok in lx.MARKET_VERBS and cues.market_report(c.doc, c.end, True)), '"X gaben 1,6 Prozent nach"'),
    Rule("context:speech-before", PER, WEAK,
         lambda c: c.n <= 3 and c.start > 1 and said_by(c.toks[c.start - 2:c.start + 1], 2), '"sagte X"'),
    Rule("context:speech-after", PER, WEAK,
         lambda c: c.nxt is not None and c.nxt.lemma_.lower() in lx.SPEECH_VERBS, '"X sagte"'),
    Rule("weak:article", OTH, WEAK, lambda c: c.ptok in ARTICLES and c.n == 1,
         '"die X": one unknown word after an article is most often a common noun'),
    Rule("context:article", ORG, WEAK, lambda c: c.ptok in ARTICLES, '"die Fold Zandura hat"'),
    Rule("context:spoken-to", MEDIA, WEAK, lambda c: c.ptok == "gegenüber" and c.n == 1 and after_speech(
        c.toks[max(0, c.start - 5):c.start], None), '"sagte er gegenüber X"'),
    Rule("context:org-part-of", ORG, WEAK, lambda c: c.ptok == "von" and c.start >= 2
         and c.toks[c.start - 2].text.lower() in lx.ORG_COMPOUND_HEADS, '"das Management von X"'),
    Rule("context:office-of", LOC, WEAK, _office_of, '"Erzbischof von X", "Bürgermeister von X"'),
    Rule("context:platform", ORG, WEAK, lambda c: c.ptok in ("auf", "bei") and c.n == 1 and (
        c.nxt is None or c.nxt.tag_ != "NN"), '"auf X" (a platform), "bei X" (an employer)'),
    Rule("shape:camelcase", ORG, STRONG, lambda c: c.n == 1 and shapes.is_camel(c.first), '"XyzSoft"'),
    Rule("shape:title", OTH, STRONG, lambda c: cues.quoted(c.doc, c.start, c.end) or any(
        w.lower() in EN_FUNCTION for w in c.words[1:]) or all(t.tag_ == "FM" for t in c.toks[c.start:c.end]),
        'quoted or English multi-word names: works, products, events'),
    Rule("weak:mixed-name", OTH, WEAK, _mixed, 'unknown words mixed with common ones: a title or product'),
    Rule("weak:noun-compound", OTH, WEAK, lambda c: c.n == 1 and cues.noun_compound(c.first)
         and not c.first.endswith(("mann", "manns")), '"Vollmantel", "Wildpferde"'),
    Rule("weak:known-noun-form", OTH, WEAK, lambda c: c.n == 1 and cues.known_noun_form(c.first),
         '"Minen", "Diamanten", "Einfluss": a known common noun, inflected or in the new spelling'),
    Rule("weak:abbreviation", OTH, WEAK, lambda c: c.n == 1 and c.first in ABBREVIATIONS and c.nxt is not None
         and c.nxt.text == ".", '"St . Martin", "v. Chr ." in tokenized text: an abbreviation, not a name'),
    Rule("weak:roman-numeral", OTH, WEAK, lambda c: c.n == 1 and len(c.first) > 1 and shapes.ROMAN.match(c.first),
         '"II", "XIV" alone: a numeral, not a name'),
    Rule("weak:heading", OTH, WEAK, lambda c: c.n == 1 and cues.alone_on_line(c.doc, c.start, c.end),
         'a one-word line ("Hintergrund") heads a section'),
)
ABBREVIATIONS = frozenset("St Chr Nr Str Jh Jhd Bd Hrsg Abs Abb Tel Kap Ziff Art Mio Mrd Jr Sr".split())

DEFAULT = Rule("default", PER, WEAK, lambda c: True, "an unknown name with no other evidence")


def type_name(doc: Doc, start: int, end: int, places, firsts, countries) -> tuple[str, str, str | None]:
    """(label, rule name, title) for the name doc[start:end]: the first row that fires."""
    c = Name(doc, start, end, places, firsts, countries)
    for rule in RULES:
        got = rule.when(c)
        if got:
            name = f"{rule.name}:{c.detail}" if c.detail else rule.name
            return (got if rule.label == "*" else rule.label), name, c.title
    return DEFAULT.label, DEFAULT.name, None
