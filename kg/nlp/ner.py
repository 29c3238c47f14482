"""Rule-based typed name recognition as a spaCy component ("kg_ner").

Candidate names are runs of proper-noun tokens (HanTa NE/FM, or a model's
entities when an official model ran first), gazetteer places, acronyms,
CamelCase words and web domains.  Each candidate is typed by the first rule
that fires, strongest first: name shape (domain, company suffix), the noun
in front of it ("das Portal X", "Reporter X"), gazetteers, words inside the
name, then weaker context (prepositions, articles, speech verbs).  A last
pass makes types agree inside one document (an outlet named once as
"das Portal X" is an outlet everywhere in that article).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import gazetteer as gz
from kg.nlp import lexicon as lx
from kg.nlp import names, shapes
from kg.nlp.agree import STRONG, agree, bylines, own_line
from kg.nlp.candidates import _said_by as said_by
from kg.nlp.candidates import (after_speech, company_suffix, compass_place, find_candidates, is_federal,
                                is_institution, is_ministry, place_compound)
from kg.nlp.hanta import english_common, lexical_class

PER, ORG, MEDIA, LOC, OTH = "PER", "ORG", "MEDIA", "LOC", "OTH"
ARTICLES = frozenset("der die das dem den des ein eine einem einen eines einer the".split())
MODEL_LABELS = {"PER": PER, "PERSON": PER, "ORG": ORG, "LOC": LOC, "GPE": LOC, "MISC": OTH, "NORP": OTH,
                "FAC": LOC, "PRODUCT": OTH, "EVENT": OTH, "WORK_OF_ART": OTH, "LAW": OTH}

for _name in ("kg_rule", "kg_title"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory("kg_ner", default_config={"lang": "de"})
def make_ner(nlp: Language, name: str, lang: str):
    return RuleNER(lang)


class RuleNER:
    def __init__(self, lang: str = "de"):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = recognise(doc, self.lang)
        except Exception:  # noqa: BLE001 - odd text must never sink the article
            found = []
        spans = []
        for start, end, label, rule, title in found:
            span = Span(doc, start, end, label=label)
            span._.kg_rule = rule
            span._.kg_title = title
            spans.append(span)
        doc.ents = spans
        return doc


def _loc_suffix(word: str) -> bool:
    low = word.lower()
    return len(low) > 5 and low.endswith(lx.PLACE_SUFFIXES + lx.SITE_SUFFIXES)


def _prev(doc: Doc, i: int):
    return doc[i - 1] if i > 0 else None


def _type(doc: Doc, start: int, end: int, places, firsts, countries):
    """(label, rule, title) for the name doc[start:end]."""
    words = [t.text for t in doc[start:end]]
    text = " ".join(words)
    last, first = words[-1], words[0]
    prev = _prev(doc, start)
    ptext = prev.text if prev is not None else ""
    bare = shapes.strip_genitive(text)
    for form in (text[:-1], text[:-2]):  # genitives of places: "Kanadas", "Griechenlandes"
        if text.endswith("s") and form in places:
            bare = form
            break
    if text.endswith("en") and text[:-1] in countries:
        bare = text[:-1]  # plural dative: "in den Niederlanden"
    entry = names.head_entry(doc, start, end) or names.lookup(bare)
    if entry is not None and (entry.sure or not (ptext.lower() in lx.STRONG_LOC_PREPS and bare in places)):
        return entry.label, "lexicon:" + entry.source, None  # "Kronen Zeitung", "SPD", "Presserat"
    if len(words) == 1 and shapes.domain_of(first):
        return MEDIA, "shape:domain", None
    if company_suffix(last) and len(words) > 1:
        return ORG, "shape:company-suffix", None
    if first in lx.PLACE_PREFIXES and len(words) > 1 and words[1] not in firsts:
        return LOC, "name:place-prefix", None  # "Bad Schussenried", "Lido di Spina"
    if len(words) == 3 and words[1] in ("am", "im") and first in places:
        return LOC, "gazetteer:place", None  # "Frankfurt am Main"
    if first in lx.ORG_PREFIXES and len(words) > 1:
        return ORG, "shape:club-prefix", None
    if len(words) == 1 and "/" in first and all(p in places for p in first.split("/") if p):
        return LOC, "gazetteer:place", None  # "Darmstadt/Berlin" (a dateline of two places)
    if text in countries or bare in countries:
        return LOC, "gazetteer:country", None
    if len(words) == 1 and place_compound(first, places):
        return LOC, "gazetteer:place", None  # "Kalmsdorf-Nord"
    if ptext == "(" and start >= 2 and end < len(doc) and doc[end].text == ")" and len(words) == 1:
        before = doc[start - 2].text  # "die Atomenergieagentur (Xyz)": the noun before the bracket
        if before[:1].isupper() and (lx.org_head(before) and not lx.media_head(before)):
            return ORG, "context:apposition", None
    if prev is not None and (ptext[:1].isupper() or prev.tag_ in ("NN1", "NN0", "NN2")):  # English nouns: lower case
        if lx.media_head(ptext):
            return MEDIA, "context:apposition", None
        if lx.org_head(ptext):
            if len(words) == 1 and (text in places or bare in places) and lx.org_head(ptext) != ptext.lower():
                return LOC, "gazetteer:place", None  # "das Amtsgericht Kalmsdorf": the body's seat
            return ORG, "context:apposition", None
        if ptext.lower().endswith(("tochter", "töchter")) and ptext.lower() not in ("tochter", "töchter"):
            return ORG, "context:subsidiary", None  # "die Lufthansa-Tochter X", "Billigtochter X"
        if lx.role_head(ptext):
            return PER, "context:title", ptext
        if lx.loc_head(ptext):
            return LOC, "context:apposition", None
    right = _right_apposition(doc, end)
    if right is not None and not (right[0] != PER and len(words) > 1 and first in firsts):
        return right  # "X, einem Onlineportal"; not "Anna Berg, dem Sender Y" (said to an outlet)
    if prev is not None and ptext.lower() in ("dr.", "prof.", "mr.", "mrs.", "ms."):
        return PER, "context:title", ptext
    if len(words) == 1 and is_federal(first):
        return ORG, "name:institution", None
    if "für" in words[1:3] and any(is_institution(w) for w in words[:2]):
        return ORG, "name:institution", None  # "Bundesamt für Gesundheit"
    if len(words) == 1 and is_ministry(first):
        return ORG, "pattern:ministry", None  # "Innenministerium", "Finanzministeriums"
    if len(words) == 1 and compass_place(first, places):
        return LOC, "pattern:compass-place", None  # "Südsteiermark", "Oberbayern"
    if len(words) == 3 and words[1] in ("am", "im", "an") and lx.place_word(last) and first not in firsts:
        return LOC, "pattern:place-on", None  # "Neusiedl am See", "Kalmsdorf am Walde"
    if len(words) > 1 and doc[start].tag_ == "ADJA" and not (first in firsts and lexical_class(words[1]) != "common"):
        head = shapes.strip_genitive(last)
        if lx.media_head(last) or last.lower() in lx.MEDIA_NAME_WORDS or head.lower() in lx.MEDIA_NAME_WORDS:
            return MEDIA, "name:outlet-word", None
        if last in lx.ORG_NAME_WORDS or head in lx.ORG_NAME_WORDS:
            return ORG, "name:org-word", None
        if lx.place_word(last) or text in places or bare in places:
            return LOC, "name:place-word", None
        head = shapes.strip_genitive(last)
        if is_federal(head) or is_institution(head) and lx.org_head(head) != head.lower():
            return ORG, "name:org-word", None  # "Kalmsdorfer Mieterverein", "Deutscher Bundestag"
        if first.endswith("er") and (first[:-2] in places or first[:-1] in places):
            return OTH, "name:place-adjective", None  # "Schweizer Architekten": an adjective of a place
        if lx.org_head(last):
            return ORG, "name:org-word", None
        if not any(t.tag_ == "NE" for t in doc[start:end]):
            return OTH, "name:adjective-noun", None
    if len(words) > 1 and any(w in lx.ORG_NAME_WORDS for w in words):
        return ORG, "name:org-word", None
    if len(words) == 1 and first.upper() in gz.indices():
        return OTH, "gazetteer:index", None  # "TecDax"
    if (text in gz.companies() or bare in gz.companies()) and (len(words) > 1 or lexical_class(first) != "common"
                                                                and not (len(first) <= 4 and english_common(first))):
        return ORG, "gazetteer:company", None
    if (len(words) == 1 and (text in places or bare in places) and lexical_class(first) == "common"
            and text not in countries and bare not in countries
            and ptext.lower() not in lx.LOC_PREPS):
        return OTH, "weak:common-word", None  # "Basis", "Waren": a common word that is also a place name
    if (text in places or bare in places) and not (
            len(words) == 1 and first in firsts and first in gz.minor_foreign_places() and text not in countries):
        if not (len(words) > 1 and first in firsts and first not in places):
            return LOC, "gazetteer:place", None
    if first in firsts and len(words) > 1 and not shapes.is_acronym(last):
        return PER, "gazetteer:first-name", None
    if len(words) == 2 and len(first) == 2 and first[0].isupper() and first[1] == ".":
        return PER, "shape:initial", None  # "W. Fesenko"
    if len(words) > 1 and last in places and first not in places and all(w[:1].isupper() for w in words):
        return ORG, "name:club-city", None  # "Inter Mailand": a name plus a city is a club or firm
    if len(words) == 1 and shapes.is_acronym(first):
        if first.capitalize() in places:
            return LOC, "gazetteer:place", None  # "BOCHUM" in a dateline
        if first in gz.indices():
            return OTH, "gazetteer:index", None
        return ORG, "shape:acronym", None
    ptok = ptext.lower()
    nxt = doc[end] if end < len(doc) else None
    if len(words) == 1 and first.endswith("s") and nxt is not None and nxt.tag_ == "NN" and bare not in places:
        return PER, "context:genitive", None  # "Brians Sohn": a bare genitive name before a noun
    if len(words) == 1 and (_loc_suffix(bare) and bare not in firsts or bare in places):
        return LOC, "name:place-suffix", None
    if nxt is not None and not nxt.text[:1].isupper() and nxt.lower_ in lx.ORG_COMPOUND_HEADS:
        return ORG, "context:org-part", None  # "a X employee"
    if nxt is not None and nxt.lower_ in lx.MEDIA_ROLES and not nxt.text[:1].isupper():
        return MEDIA, "context:outlet-role", None  # "the X reporter"
    if len(words) == 1 and ptok in lx.LOC_PREPS and _noun_compound(first):
        return OTH, "weak:noun-compound", None  # "in Erdhöhlen", "aus Wellpappe": a common noun
    if ptok in lx.STRONG_LOC_PREPS:
        if len(words) == 1 and _analysed_noun(first):
            return OTH, "weak:noun-compound", None  # "aus Eifersucht", "in Höhenlagen"
        return LOC, "context:preposition", None
    if _market_report(doc, end) or ptok in lx.MARKET_VERBS and _market_report(doc, end, True):
        return ORG, "context:share-price", None
    if len(words) <= 3 and start > 1 and said_by(list(doc[start - 2:start + 1]), 2):
        return PER, "context:speech", None
    if nxt is not None and nxt.lemma_.lower() in lx.SPEECH_VERBS:
        return PER, "context:speech", None
    if ptok in ARTICLES:  # "an der Havel" (place) / "die Telekom hat", "die Fold Zandura" (organisation)
        if len(words) == 1:  # one unknown word after an article is most often a common noun or a title
            return OTH, "weak:article", None
        return ORG, "context:article", None
    if ptok == "gegenüber" and len(words) == 1 and after_speech(list(doc[max(0, start - 5):start]), None):
        return MEDIA, "context:spoken-to", None
    if ptok == "von" and start >= 2 and doc[start - 2].text.lower() in lx.ORG_COMPOUND_HEADS:
        return ORG, "context:org-part", None  # "das Management von X", "Nutzer von X"
    if ptok == "von" and start >= 2 and doc[start - 2].text[:1].isupper() and lx.role_head(doc[start - 2].text) \
            and not (first in firsts and len(words) > 1):
        return LOC, "context:office-of", None  # "Erzbischof von X", "Bürgermeister von X"
    if ptok in ("auf", "bei") and len(words) == 1 and (nxt is None or nxt.tag_ != "NN"):
        return ORG, "context:platform", None  # "auf X" (a platform), "bei X" (an employer)
    if len(words) == 1 and shapes.is_camel(first):
        return ORG, "shape:camelcase", None
    if _quoted(doc, start, end) or any(w.lower() in EN_FUNCTION for w in words[1:]) or all(
            t.tag_ == "FM" for t in doc[start:end]):
        return OTH, "shape:title", None  # quoted or English multi-word names: works, products, events
    if len(words) > 1 and not all(t.tag_ == "NE" and lexical_class(t.text) != "common" and not english_common(t.text)
                                  for t in doc[start:end]):
        return OTH, "weak:mixed-name", None  # unknown words mixed with common ones: a title or product name
    if len(words) == 1 and _noun_compound(first) and not first.endswith(("mann", "manns")):
        return OTH, "weak:noun-compound", None  # "Vollmantel", "Wildpferde": a noun the tagger took for a name
    if len(words) == 1 and _alone_on_line(doc, start, end):
        return OTH, "weak:heading", None  # a one-word line ("Hintergrund", "Hoppla") heads a section
    return PER, "default", None


def _alone_on_line(doc: Doc, start: int, end: int) -> bool:
    """The span, perhaps with a full stop or colon after it, is one whole line of a text of
    several lines (a heading or a list item)."""
    i = end
    while i < len(doc) and doc[i].text in (".", ":", "!"):
        i += 1
    return own_line(doc, start, i - 1) and not (start == 0 and i == len(doc))  # one line only: a sentence


def _market_report(doc: Doc, end: int, verb_before: bool = False) -> bool:
    """"X gaben 1,6 Prozent nach", "X um 2,9 % fester", "verloren X 3 %": a name whose share
    price moved is a company."""
    window = [t.lower_ for t in doc[end:end + 6]]
    if verb_before:
        window.insert(0, "um")
    if not window or window[0] not in lx.MARKET_VERBS and window[0] != "um":
        return False
    for k, word in enumerate(window[1:], 1):
        if word in lx.PERCENT:
            return any(doc[end + j].text[:1].isdigit() for j in range(max(0, k - 2 - verb_before), k - verb_before))
        if word in (".", ";", "und", "sowie") or doc[end + k - verb_before].text[:1].isupper():
            return False
    return False


def _analysed_noun(word: str) -> bool:
    """HanTa's morphology reads ``word`` as a compound of known nouns ("Eifer+sucht") or an
    inflected known noun ("Gräser"); place endings (-dorf, -burg) are left to the place rules."""
    from kg.nlp.hanta import _tagger

    if _loc_suffix(word) or "-" in word or word.lower().endswith(("stein", "eck", "au")):
        return False  # "Kalmstein": common place-name endings that are also nouns
    try:
        _lemma, morphs, tag = _tagger("de").analyze(word, taglevel=3)
    except Exception:  # noqa: BLE001 - an odd word is simply not a known noun
        return False
    tags = [m[1] for m in morphs]
    return tag == "NN" and (sum(t.startswith("NN") for t in tags) >= 2 or any(t.startswith("NN_VAR") for t in tags))


def _noun_compound(word: str) -> bool:
    """An unknown word that ends in a known common noun and not in a place ending ("Erdhöhlen")."""
    from kg.nlp.hanta import _tagger

    guess = getattr(_tagger("de"), "kg_guesser", None)
    low = word.lower()
    return (guess is not None and lexical_class(word) is None and not _loc_suffix(word)
            and guess.suffix(low, True) is not None)


def _right_apposition(doc: Doc, end: int):
    """"X, einem führenden Onlineportal", "X, ein Sprecher": the noun after the comma types X."""
    k = end
    while k < len(doc) and doc[k].text in QUOTES:
        k += 1
    if k >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    for _ in range(4):
        if k >= len(doc):
            return None
        tok = doc[k]
        if tok.tag_ in ("ART", "ADJA", "PPOSAT", "ADV", "PIAT") or tok.text.lower() in ARTICLES:
            k += 1
            continue
        if tok.tag_ != "NN" or not tok.text[:1].isupper():
            return None
        word = tok.text
        if lx.media_head(word):
            return MEDIA, "context:apposition", None
        if lx.org_head(word):
            return ORG, "context:apposition", None
        if lx.role_head(word):
            return PER, "context:title", word
        return None
    return None


EN_FUNCTION = frozenset("the of and it 's at in on for to my is a".split())
QUOTES = frozenset("\"'„“”«»‚‘’")


def _quoted(doc: Doc, start: int, end: int) -> bool:
    return start > 0 and end < len(doc) and doc[start - 1].text in QUOTES and doc[end].text in QUOTES


def recognise(doc: Doc, lang: str = "de") -> list[tuple[int, int, str, str, str | None]]:
    places, firsts, countries = gz.places(), gz.first_names(), gz.countries()
    model = [(e.start, e.end, MODEL_LABELS.get(e.label_, OTH)) for e in doc.ents]
    spans = names.merge(doc, find_candidates(doc, places, firsts, lang), names.find(doc))
    taken = set()
    found = []
    for start, end, label in model:
        taken.update(range(start, end))
    for start, end in spans:
        if not taken.intersection(range(start, end)):
            found.append((start, end, *_type(doc, start, end, places, firsts, countries)))
    for start, end, label in model:  # official model spans: our strong rules may refine the type
        rl, rule, title = _type(doc, start, end, places, firsts, countries)
        if rule.startswith(STRONG) and not rule.startswith("gazetteer:") or label == OTH and rl == MEDIA:
            found.append((start, end, rl, rule, title))
        else:
            found.append((start, end, label, "model:" + label.lower(), title))
    found.extend(bylines(doc, lang, taken | {i for f in found for i in range(f[0], f[1])}))
    found.extend(_repeats(doc, found, places, firsts, countries))
    found.sort(key=lambda f: (f[0], f[1]))
    return _bracketed(doc, agree(doc, found))


def _bracketed(doc: Doc, found: list) -> list:
    """"Bundesamt für Gesundheit (BAG)": a short name in brackets right after an organisation
    is its abbreviation and takes its type."""
    out = list(found)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (b[0] - a[1] == 1 and doc[a[1]].text == "(" and b[1] < len(doc) and doc[b[1]].text == ")"
                and a[2] in (ORG, MEDIA) and b[2] != a[2] and b[1] - b[0] == 1 and a[1] - a[0] > 1
                and not b[3].startswith(("shape:domain", "context:title"))):
            out[k] = (b[0], b[1], a[2], "doc:abbreviation", b[4])
    return out


def _repeats(doc: Doc, found: list, places, firsts, countries) -> list:
    """Later mentions of a one-word name the tagger did not mark as a name this time
    ("auf X" tagged as a noun), each typed by its own context."""
    names = {doc[f[0]].text for f in found if f[1] - f[0] == 1 and doc[f[0]].text[:1].isupper()
             and len(doc[f[0]].text) >= 3 and f[2] != OTH}
    if not names:
        return []
    covered = {i for f in found for i in range(f[0], f[1])}
    return [(t.i, t.i + 1, *_type(doc, t.i, t.i + 1, places, firsts, countries))
            for t in doc if t.text in names and t.i not in covered]
