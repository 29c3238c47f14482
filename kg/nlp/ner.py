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

from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import gazetteer as gz
from kg.nlp import lexicon as lx
from kg.nlp import shapes
from kg.nlp.sentences import sentence_starts
from kg.nlp.hanta import common_noun, english_common, lexical_class

PER, ORG, MEDIA, LOC, OTH = "PER", "ORG", "MEDIA", "LOC", "OTH"
STRONG = ("shape:", "context:apposition", "context:title", "gazetteer:", "model:", "doc:")
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


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _common_compound(text: str, lang: str) -> bool:
    """"Twitter-Account", "Schwarz-Rot-Gold": a hyphen compound whose head is a common word."""
    if "-" not in text.strip("-"):
        return False
    head = text.rsplit("-", 1)[-1]
    if not head[:1].isupper() or head.lower() in lx.ORG_COMPOUND_HEADS:
        return True
    cls = lexical_class(head, lang)
    if cls == "ne":
        return False
    return cls == "common" or bool(lx.role_head(head) or lx.org_head(head) or lx.media_head(head)) or (
        common_noun(head, lang) and not shapes.is_acronym(head))


def _is_name_token(tok, places, firsts, lang="de") -> bool:
    text = tok.text
    if len(text) < 2 or not shapes.HAS_LETTER.search(text) or text in lx.MONTHS:
        return False
    if shapes.domain_of(text):
        return True
    if not shapes.is_capitalised(text) or text in _currencies() or _company_suffix(text):
        return False
    if _common_compound(text, lang) and text not in places and text.split("-")[0] not in firsts:
        return False
    tag = tok.tag_
    if shapes.is_acronym(text) and _near_digit(tok.doc, tok.i):
        return False  # "32 KB", "ISBN 3-7776-..."
    if tag in ("NE", "FM", "NP0") or tok.pos_ == "PROPN":
        return True
    if text[:-1] in places or text[:-2] in places and text.endswith("es"):
        return True  # "Griechenlandes"
    if shapes.is_acronym(text):
        return lexical_class(text, lang) != "common"
    if shapes.is_camel(text):
        return True
    if tag in ("NN", "ADJD", "XY", "NN1", "NN0", "UNC", "AJ0") and (text in places or text in firsts):
        return lexical_class(text, lang) != "common" and (tok.i not in sentence_starts(tok.doc) or text in places)
    return False


def _surname_like(tok, lang: str) -> bool:
    text = tok.text
    return (text[:1].isupper() and len(text) > 1 and text.isalpha() and tok.i not in sentence_starts(tok.doc)
            and lexical_class(text, lang) != "common" and not lx.role_head(text) and text not in lx.MONTHS)


def _name_plus_noun(word: str, names: set[str], lang: str) -> bool:
    for k in range(3, len(word) - 3):
        rest = word[k:]
        if word[:k] in names and rest.islower() and (lexical_class(rest, lang) == "common" or english_common(rest)):
            return True
    return False


def _after_speech(toks, k) -> bool:
    """A verb of saying in the three tokens before index k (or at the end of ``toks`` when k is None)."""
    window = toks[max(0, k - 3):k] if k is not None else toks[-4:-1]
    return any(t.lemma_.lower() in lx.SPEECH_VERBS for t in window)


def _cue_noun(word: str) -> bool:
    return word[:1].isupper() and bool(lx.org_head(word) or lx.media_head(word) or lx.role_head(word)
                                       or lx.loc_head(word))


def starts_after_quote(doc: Doc, i: int) -> frozenset[int]:
    """Index before ``i`` when it is an opening quote or colon (a capitalised word may start a phrase)."""
    return frozenset({i - 1}) if i > 0 and doc[i - 1].text in ('"', "„", "“", ":", "«", "»", "(") else frozenset()


def unknown_noun(word: str, lang: str) -> bool:
    """Not in the lexicon and no known noun inside it (so likely a name, not a compound)."""
    from kg.nlp.hanta import _tagger

    tagger = _tagger(lang)
    guess = getattr(tagger, "kg_guesser", None)
    low = word.lower()
    return low not in tagger.cache and (guess is None or guess.suffix(low, True) is None) and not low.endswith(
        ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus"))


def _company_suffix(word: str) -> bool:
    """"GmbH", and "GmbH." where the tokenizer glued a full stop to it."""
    return word in lx.COMPANY_SUFFIXES or word.endswith(".") and word[:-1] in lx.COMPANY_SUFFIXES


def _near_digit(doc: Doc, i: int) -> bool:
    """"32 KB", "ISBN 3-7776": all-caps units and identifiers stand next to numbers."""
    return any(0 <= k < len(doc) and doc[k].text[:1].isdigit() for k in (i - 1, i + 1))


def _loc_suffix(word: str) -> bool:
    low = word.lower()
    return len(low) > 5 and low.endswith(lx.PLACE_SUFFIXES)


def _trim(doc: Doc, start: int, end: int, lang: str, firsts=frozenset()) -> tuple[int, int]:
    """Drop leading role/kind nouns ("Hostess", "Drohne") and lone common words from a candidate."""
    while end - start > 1 and doc[start].tag_ != "ADJA":
        w = doc[start].text
        if lx.exact_cue(w) or (
                lexical_class(w, lang) == "common" and doc[start].tag_ != "NE") or (
                doc[start + 1].text in firsts and w not in firsts and lexical_class(w, lang) is None
                and not shapes.is_acronym(w)):
            start += 1  # "Hostess Silvia Sommer": an unknown word before a first name is a role
        else:
            break
    return start, end


def _candidates(doc: Doc, places, firsts, lang: str = "de") -> list[tuple[int, int]]:
    """Maximal runs of name tokens, glued over name particles, '&' and legal-form suffixes."""
    toks = list(doc)
    n = len(toks)
    starts = sentence_starts(doc)
    name = [_is_name_token(t, places, firsts, lang) for t in toks]
    name_words = {t.text for t, ok in zip(toks, name) if ok and t.text.isalpha()}
    out = []
    i = 0
    while i < n:
        t = toks[i]
        start = None
        if name[i]:
            start = i
        elif t.text in lx.ORG_PREFIXES and i + 1 < n and name[i + 1]:
            start = i
        elif (t.text[:1].isupper() and t.tag_ in ("ADJA", "ADJD") and i + 1 < n
              and (toks[i + 1].text in lx.ORG_NAME_WORDS or name[i + 1] and toks[i + 1].tag_ != "NE")):
            start = i  # "Deutsche Bank", "Europäische Union"
        elif t.text in lx.ORG_NAME_WORDS and i + 1 < n and name[i + 1] and toks[i + 1].text in places:
            start = i  # "Universität Hamburg"
        elif i + 1 < n and _company_suffix(toks[i + 1].text) and (_surname_like(t, lang) or t.text[:1].isupper()
                                                                    and i not in starts):
            start = i  # "Brotmann GmbH"
        elif (t.tag_ == "ADJA" and t.text[:1].isupper() and i not in starts and i + 1 < n
              and toks[i + 1].tag_ == "NN" and toks[i + 1].text[:1].isupper() and i - 1 not in starts_after_quote(doc, i)):
            start = i  # "Berliner Zeitung", "Vereinigten Staaten": adjectives are capitalised only in names
            name[i + 1] = True
        elif (i > 0 and toks[i - 1].lower_ in lx.STRONG_LOC_PREPS and t.tag_ == "NN" and _surname_like(t, lang)
              and not shapes.is_camel(t.text) and unknown_noun(t.text, lang)):
            start = i  # "in Riniken": an unknown capitalised word after a place preposition
        elif i > 1 and toks[i - 1].lower_ == "gegenüber" and _surname_like(t, lang) and _after_speech(toks, i - 1):
            start = i  # "sagte er gegenüber X": spoken to an outlet
        elif i > 0 and _surname_like(t, lang) and _cue_noun(toks[i - 1].text) and t.tag_ == "NN":
            start = i  # "das Unternehmen Kramwerk": a kind or role noun announces a name
            name[i] = True
            k = i + 1
            while k < n and k - i < 4 and _surname_like(toks[k], lang) and not name[k] and k not in starts:
                name[k] = True
                k += 1
        if start is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            w = toks[j]
            if j in starts:
                break
            if name[j] or _company_suffix(w.text) and j > start:
                j += 1
            elif toks[j - 1].text in firsts and (_surname_like(w, lang) or (
                    w.text[:1].isupper() and w.text.isalpha() and not lx.exact_cue(w.text)
                    and w.text not in lx.MONTHS and all(t.text in firsts for t in toks[start:j]))):
                j += 1  # "Gottlob" after "Heinrich", "Stein" after "Peter": a surname after first names
            elif w.text in lx.ORG_NAME_WORDS and name[j - 1] and toks[j - 1].tag_ in ("NE", "FM"):
                j += 1  # "Hirzel Verlag"
            elif w.text in lx.ORG_NAME_WORDS and toks[j - 1].tag_ in ("ADJA", "ADJD") and j - 1 == start:
                j += 1
            elif (w.text in lx.NAME_PARTICLES or w.text == "&") and j + 1 < n and name[j + 1] \
                    and j + 1 not in starts and w.text not in ("der", "de") or (
                    w.text in ("der", "de", "den") and j + 1 < n and name[j + 1] and toks[j - 1].text in lx.NAME_PARTICLES):
                j += 1
            else:
                break
        a, b = _trim(doc, start, j, lang, firsts)
        if b - a > 1 and _name_plus_noun(toks[b - 1].text, name_words, lang):
            b -= 1  # "Trumps Twitteraccount": a name glued to a common noun is a common noun
        single = doc[a].text
        cls = lexical_class(single, lang)
        if b - a > 1 or (cls != "common" or doc[a].tag_ == "NE" and a not in starts) and not (
                lang == "de" and cls is None and not shapes.is_acronym(single) and english_common(single)):
            out.append((a, b))
        i = j
    return out


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
    if len(words) == 1 and shapes.domain_of(first):
        return MEDIA, "shape:domain", None
    if _company_suffix(last) and len(words) > 1:
        return ORG, "shape:company-suffix", None
    if first in lx.ORG_PREFIXES and len(words) > 1:
        return ORG, "shape:club-prefix", None
    if text in countries or bare in countries:
        return LOC, "gazetteer:country", None
    if prev is not None and ptext[:1].isupper():
        if lx.media_head(ptext):
            return MEDIA, "context:apposition", None
        if lx.org_head(ptext):
            return ORG, "context:apposition", None
        if lx.role_head(ptext):
            return PER, "context:title", ptext
        if lx.loc_head(ptext):
            return LOC, "context:apposition", None
    right = _right_apposition(doc, end)
    if right is not None:
        return right
    if prev is not None and ptext.lower() in ("dr.", "prof.", "mr.", "mrs.", "ms."):
        return PER, "context:title", ptext
    if len(words) > 1 and doc[start].tag_ == "ADJA":  # "Berliner Zeitung", "Nahen Ostens"
        head = shapes.strip_genitive(last)
        if lx.media_head(last) or last.lower() in lx.MEDIA_NAME_WORDS or head.lower() in lx.MEDIA_NAME_WORDS:
            return MEDIA, "name:outlet-word", None
        if last in lx.ORG_NAME_WORDS or head in lx.ORG_NAME_WORDS or lx.org_head(last):
            return ORG, "name:org-word", None
        if lx.place_word(last) or text in places or bare in places:
            return LOC, "name:place-word", None
        if not any(t.tag_ == "NE" for t in doc[start:end]):
            return OTH, "name:adjective-noun", None
    if len(words) > 1 and any(w in lx.ORG_NAME_WORDS for w in words):
        return ORG, "name:org-word", None
    if len(words) == 1 and first.upper() in gz.indices():
        return OTH, "gazetteer:index", None  # "TecDax"
    if (text in gz.companies() or bare in gz.companies()) and (len(words) > 1 or lexical_class(first) != "common"
                                                                and not english_common(first)):
        return ORG, "gazetteer:company", None
    if text in places or bare in places:
        if not (len(words) > 1 and first in firsts and first not in places):
            return LOC, "gazetteer:place", None
    if first in firsts and len(words) > 1 and not shapes.is_acronym(last):
        return PER, "gazetteer:first-name", None
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
    if ptok in lx.STRONG_LOC_PREPS:
        return LOC, "context:preposition", None
    if nxt is not None and nxt.lemma_.lower() in lx.SPEECH_VERBS:
        return PER, "context:speech", None
    if ptok in ARTICLES:  # "die Havel", "das Elsass" / "die Fold Zandura"
        return (LOC if len(words) == 1 else ORG), "context:article", None
    if ptok == "gegenüber" and len(words) == 1 and _after_speech(list(doc[max(0, start - 5):start]), None):
        return MEDIA, "context:spoken-to", None
    if ptok == "von" and start >= 2 and doc[start - 2].text.lower() in lx.ORG_COMPOUND_HEADS:
        return ORG, "context:org-part", None  # "das Management von X", "Nutzer von X"
    if ptok in ("auf", "bei") and len(words) == 1 and (nxt is None or nxt.tag_ != "NN"):
        return ORG, "context:platform", None  # "auf X" (a platform), "bei X" (an employer)
    if len(words) == 1 and shapes.is_camel(first):
        return ORG, "shape:camelcase", None
    if _quoted(doc, start, end) or any(w.lower() in EN_FUNCTION for w in words[1:]) or all(
            t.tag_ == "FM" for t in doc[start:end]):
        return OTH, "shape:title", None  # quoted or English multi-word names: works, products, events
    return PER, "default", None


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


def _compound_evidence(doc: Doc) -> dict[str, tuple[str, str]]:
    """Types that hyphen compounds give their prefix: "X-Reporter" (outlet), "X-Mitarbeiter" (organisation)."""
    out: dict[str, tuple[str, str]] = {}
    for tok in doc:
        text = tok.text
        if "-" not in text.strip("-") or not text[:1].isupper():
            continue
        prefix, head = text.rsplit("-", 1)
        if lx.role_head(head) in lx.MEDIA_ROLES and not shapes.is_acronym(prefix):
            label = MEDIA
        elif head.lower() in lx.ORG_COMPOUND_HEADS:
            label = ORG
        else:
            continue
        for key in {prefix.lower(), prefix.lower().replace("-", " "), prefix.split("-")[0].lower()}:
            if out.get(key, ("", ""))[0] != MEDIA:
                out[key] = (label, "doc:compound-" + ("outlet" if label == MEDIA else "org"))
    return out


def _agree(doc: Doc, found: list) -> list:
    """One type per name inside a document: strong evidence wins over weak rules."""
    best: dict[str, tuple[str, str]] = {}
    compound = _compound_evidence(doc)
    surnames: dict[str, str] = {}
    weak: dict[str, Counter] = {}
    for start, end, label, rule, _title in found:
        key = shapes.strip_genitive(doc[start:end].text).lower()
        if rule.startswith(STRONG) and (key not in best or best[key][1] == "default"):
            best[key] = (label, rule)
        elif rule.startswith("context:") and rule != "context:genitive":
            weak.setdefault(key, Counter())[label] += 1
        if label == PER and end - start > 1:
            surnames[shapes.strip_genitive(doc[end - 1].text).lower()] = PER
        if label == MEDIA:
            dom = shapes.domain_of(doc[start:end].text)
            if dom:
                best.setdefault(shapes.domain_base(dom), (MEDIA, "shape:domain"))
    out = []
    found = found + _recall_known(doc, found, best, surnames)
    found.sort(key=lambda f: (f[0], f[1]))
    for start, end, label, rule, title in found:
        key = shapes.strip_genitive(doc[start:end].text).lower()
        if not rule.startswith(STRONG):
            if key in best:
                label, rule = best[key][0], "doc:agree"
            elif end - start == 1 and key in surnames:
                label, rule = PER, "doc:surname"
            elif key in compound:
                label, rule = compound[key]
            elif rule in ("default", "context:genitive") and key in weak:  # "auf X" types the other plain Xs
                label, rule = weak[key].most_common(1)[0][0], "doc:context"
        elif label == ORG and best.get(key, ("", ""))[0] == MEDIA:
            label, rule = MEDIA, "doc:agree"
        elif label == ORG and compound.get(key, ("", ""))[0] == MEDIA:
            label, rule = compound[key]
        out.append((start, end, label, rule, title))
    return _coordinate(doc, out)


def _recall_known(doc: Doc, found: list, best: dict, surnames: dict) -> list:
    """Single tokens the candidate finder missed (e.g. at a sentence start) that repeat a name
    already typed with strong evidence in this document, or the surname of a named person."""
    covered = {i for f in found for i in range(f[0], f[1])}
    out = []
    for tok in doc:
        text = tok.text
        if tok.i in covered or not text[:1].isupper() or len(text) < 3:
            continue
        key = shapes.strip_genitive(text).lower()
        if key in surnames or text.lower() in surnames:
            out.append((tok.i, tok.i + 1, PER, "doc:surname", None))
        elif key in best and not lx.exact_cue(text):
            out.append((tok.i, tok.i + 1, best[key][0], "doc:agree", None))
    return out


COORD = frozenset({"und", "oder", ",", "sowie", "bzw.", "/", "and", "or"})


def _coordinate(doc: Doc, found: list) -> list:
    """Names joined by "und", "oder" or a comma share a type: "zwischen Gudme und Lundborg"."""
    out = list(found)
    for _ in range(2):  # forwards, then backwards
        for k in range(len(out) - 1):
            a, b = out[k], out[k + 1]
            if b[0] - a[1] != 1 or doc[a[1]].text not in COORD:
                continue
            sa, sb = (r.startswith(STRONG) or r == "context:coordination" for r in (a[3], b[3]))
            if sa and not sb and a[2] != b[2]:
                out[k + 1] = (b[0], b[1], a[2], "context:coordination", b[4])
            elif sb and not sa and a[2] != b[2]:
                out[k] = (a[0], a[1], b[2], "context:coordination", a[4])
    return out


def recognise(doc: Doc, lang: str = "de") -> list[tuple[int, int, str, str, str | None]]:
    places, firsts, countries = gz.places(), gz.first_names(), gz.countries()
    model = [(e.start, e.end, MODEL_LABELS.get(e.label_, OTH)) for e in doc.ents]
    spans = _candidates(doc, places, firsts, lang)
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
    found.extend(_bylines(doc, lang, taken | {i for f in found for i in range(f[0], f[1])}))
    found.extend(_repeats(doc, found, places, firsts, countries))
    found.sort(key=lambda f: (f[0], f[1]))
    return _agree(doc, found)


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


def _own_line(doc: Doc, first: int, last: int) -> bool:
    """The tokens first..last stand alone on a line of the text."""
    before = first == 0 or "\n" in doc[first - 1].whitespace_ or "\n" in doc[first - 1].text
    after = last == len(doc) - 1 or "\n" in doc[last].whitespace_ or "\n" in doc[last + 1].text
    return before and after


def _bylines(doc: Doc, lang: str, taken: set[int]) -> list:
    """Agency credits: a short unknown lower-case or all-caps word alone on a line or in
    parentheses ("(abc)", "abc/xyz" at the end of an article) names a news agency."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        words = [t for t in toks if t.text not in ("(", ")", "/")]
        if not words or len(words) > 3 or len(toks) > 5 and toks[0].text != "(":
            continue
        bracketed = toks[0].text == "(" or toks[0].i > 0 and doc[toks[0].i - 1].text == "("
        whole_line = len(toks) <= 4 and _own_line(doc, toks[0].i, toks[-1].i)
        for t in words:
            w = t.text
            if t.i in taken or not (2 <= len(w) <= 5 and w.isalpha()) or w in _currencies():
                continue
            if (w.islower() or w.isupper()) and lexical_class(w, lang) != "common" and (bracketed or whole_line):
                out.append((t.i, t.i + 1, MEDIA, "shape:byline", None))
    for tok in doc:  # "Berlin (abc) - ..." inside a sentence
        if 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")" \
                and tok.i not in taken and tok.text.islower() and 2 <= len(tok.text) <= 4 and tok.text.isalpha() \
                and lexical_class(tok.text, lang) != "common":
            out.append((tok.i, tok.i + 1, MEDIA, "shape:byline", None))
    return sorted(set(out))
