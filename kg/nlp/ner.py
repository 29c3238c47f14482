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
from kg.nlp import shapes

PER, ORG, MEDIA, LOC, OTH = "PER", "ORG", "MEDIA", "LOC", "OTH"
STRONG = ("shape:", "context:apposition", "context:title", "gazetteer:", "model:")
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
            found = recognise(doc)
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


def _is_name_token(tok, places, firsts) -> bool:
    text = tok.text
    if len(text) < 2 or not shapes.HAS_LETTER.search(text) or text in lx.MONTHS:
        return False
    if shapes.domain_of(text):
        return True
    if not shapes.is_capitalised(text):
        return False
    tag = tok.tag_
    if tag in ("NE", "FM", "NP0") or tok.pos_ == "PROPN":
        return True
    if shapes.is_acronym(text) or shapes.is_camel(text):
        return True
    if tag in ("NN", "ADJD", "XY", "NN1", "NN0", "UNC", "AJ0") and (text in places or text in firsts):
        return not tok.is_sent_start or text in places
    return False


def _candidates(doc: Doc, places, firsts) -> list[tuple[int, int]]:
    """Maximal runs of name tokens, glued over name particles, '&' and legal-form suffixes."""
    toks = list(doc)
    n = len(toks)
    name = [_is_name_token(t, places, firsts) for t in toks]
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
        if start is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            w = toks[j]
            if w.is_sent_start:
                break
            if name[j] or w.text in lx.COMPANY_SUFFIXES and j > start:
                j += 1
            elif w.text in lx.ORG_NAME_WORDS and toks[j - 1].tag_ in ("ADJA", "ADJD") and j - 1 == start:
                j += 1
            elif (w.text in lx.NAME_PARTICLES or w.text == "&") and j + 1 < n and name[j + 1] \
                    and not toks[j + 1].is_sent_start and w.text not in ("der", "de") or (
                    w.text in ("der", "de", "den") and j + 1 < n and name[j + 1] and toks[j - 1].text in lx.NAME_PARTICLES):
                j += 1
            else:
                break
        out.append((start, j))
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
    if len(words) == 1 and shapes.domain_of(first):
        return MEDIA, "shape:domain", None
    if last in lx.COMPANY_SUFFIXES and len(words) > 1:
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
    if prev is not None and ptext.lower() in ("dr.", "prof.", "mr.", "mrs.", "ms."):
        return PER, "context:title", ptext
    if len(words) > 1 and any(w in lx.ORG_NAME_WORDS for w in words):
        return ORG, "name:org-word", None
    if text in places or bare in places:
        if not (len(words) > 1 and first in firsts and first not in places):
            return LOC, "gazetteer:place", None
    if first in firsts and len(words) > 1 and not shapes.is_acronym(last):
        return PER, "gazetteer:first-name", None
    if len(words) == 1 and shapes.is_acronym(first):
        return ORG, "shape:acronym", None
    ptok = ptext.lower()
    if ptok in lx.STRONG_LOC_PREPS:
        return LOC, "context:preposition", None
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lemma_.lower() in lx.SPEECH_VERBS:
        return PER, "context:speech", None
    if ptok in ARTICLES:
        return ORG, "context:article", None
    if len(words) == 1 and shapes.is_camel(first):
        return ORG, "shape:camelcase", None
    return PER, "default", None


def _agree(doc: Doc, found: list) -> list:
    """One type per name inside a document: strong evidence wins over weak rules."""
    best: dict[str, tuple[str, str]] = {}
    surnames: dict[str, str] = {}
    for start, end, label, rule, _title in found:
        key = shapes.strip_genitive(doc[start:end].text).lower()
        if rule.startswith(STRONG) and (key not in best or best[key][1] == "default"):
            best[key] = (label, rule)
        if label == PER and end - start > 1:
            surnames[shapes.strip_genitive(doc[end - 1].text).lower()] = PER
        if label == MEDIA:
            dom = shapes.domain_of(doc[start:end].text)
            if dom:
                best.setdefault(shapes.domain_base(dom), (MEDIA, "shape:domain"))
    out = []
    for start, end, label, rule, title in found:
        key = shapes.strip_genitive(doc[start:end].text).lower()
        if not rule.startswith(STRONG):
            if key in best:
                label, rule = best[key][0], "doc:agree"
            elif end - start == 1 and key in surnames:
                label, rule = PER, "doc:surname"
        elif label == ORG and best.get(key, ("", ""))[0] == MEDIA:
            label, rule = MEDIA, "doc:agree"
        out.append((start, end, label, rule, title))
    return out


def recognise(doc: Doc) -> list[tuple[int, int, str, str, str | None]]:
    places, firsts, countries = gz.places(), gz.first_names(), gz.countries()
    model = [(e.start, e.end, MODEL_LABELS.get(e.label_, OTH)) for e in doc.ents]
    spans = _candidates(doc, places, firsts)
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
    found.sort()
    return _agree(doc, found)
