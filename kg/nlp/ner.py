"""Rule-based typed name recognition as a spaCy component ("kg_ner").

Candidate names are runs of proper-noun tokens (HanTa NE/FM, or a model's
entities when an official model ran first), gazetteer places, acronyms,
CamelCase words, web domains and names of the lexicon (kg.nlp.names).  Each
candidate is typed by the first row of the rule table (kg.nlp.rules) that
fires, strongest first: lexicon, name shape, the noun in front of it ("das
Portal X", "Reporter X"), gazetteers, words inside the name, then weaker
context (prepositions, articles, speech verbs).  A last
pass makes types agree inside one document (an outlet named once as
"das Portal X" is an outlet everywhere in that article).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp import gazetteer as gz
from kg.nlp import names
from kg.nlp.agree import STRONG, agree, bylines
from kg.nlp.candidates import find_candidates
from kg.nlp.cues import LOC, MEDIA, ORG, OTH, PER
from kg.nlp.rules import type_name as _type
from kg.nlp.tokens import tokens

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
    is its abbreviation and takes its type; a place's name there ("Zbrojovka Brno (Brünn)") is no
    abbreviation."""
    out = list(found)
    toks = tokens(doc)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (b[0] - a[1] == 1 and toks[a[1]].text == "(" and b[1] < len(toks) and toks[b[1]].text == ")"
                and a[2] in (ORG, MEDIA) and b[2] != a[2] and b[1] - b[0] == 1 and a[1] - a[0] > 1
                and not b[3].startswith(("shape:domain", "context:title"))
                and not (b[3] in ("gazetteer:place", "gazetteer:country") and not toks[b[0]].text.isupper())):
            out[k] = (b[0], b[1], a[2], "doc:abbreviation", b[4])
    return out


def _repeats(doc: Doc, found: list, places, firsts, countries) -> list:
    """Later mentions of a one-word name the tagger did not mark as a name this time
    ("auf X" tagged as a noun), each typed by its own context."""
    toks = tokens(doc)
    names = {toks[f[0]].text for f in found if f[1] - f[0] == 1 and toks[f[0]].text[:1].isupper()
             and len(toks[f[0]].text) >= 3 and f[2] != OTH}
    if not names:
        return []
    covered = {i for f in found for i in range(f[0], f[1])}
    return [(t.i, t.i + 1, *_type(doc, t.i, t.i + 1, places, firsts, countries))
            for t in tokens(doc) if t.text in names and t.i not in covered]
