"""Document-level passes over typed names: one type per name in an article.

Strong evidence (shape, apposition, gazetteer) wins over weak context; weak
context votes for the plain mentions of the same name; hyphen compounds
("X-Reporter", "X-Mitarbeiter") type their prefix; coordinated names share a
type; agency credits on their own line are outlets.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from kg.nlp import lexicon as lx
from kg.nlp import names, shapes
from kg.nlp.candidates import currencies
from kg.nlp.hanta import lexical_class
from kg.nlp.sentences import sentence_starts
from kg.nlp.tokens import span_text, tokens
from kg.records import MEDIA, ORG, PER

AGENCY = re.compile(r"^[a-z]{2,4}(?:[-/][A-Za-z]{2,5})*$")  # "abc", "abc-XYZ", "abc/xy" agency credits
STRONG = ("shape:", "context:apposition", "context:title", "context:sport-club", "gazetteer:", "model:", "doc:", "lexicon:")


def _compound_evidence(doc: Doc) -> dict[str, tuple[str, str]]:
    """Types that hyphen compounds give their prefix: "X-Reporter" (outlet), "X-Mitarbeiter" (organisation)."""
    out: dict[str, tuple[str, str]] = {}
    for tok in tokens(doc):
        text = tok.text
        if "-" not in text or not text[:1].isupper() or "-" not in text.strip("-"):
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


def agree(doc: Doc, found: list) -> list:  # noqa: C901
    """One type per name inside a document: strong evidence wins over weak rules."""
    best: dict[str, tuple[str, str]] = {}
    compound = _compound_evidence(doc)
    surnames: dict[str, str] = {}
    weak: dict[str, Counter] = {}
    toks = tokens(doc)
    for start, end, label, rule, _title in found:
        key = shapes.strip_genitive(span_text(toks, start, end)).lower()
        if rule.startswith(STRONG) and (key not in best or best[key][1] == "default"):
            best[key] = (label, rule)
        elif rule.startswith("context:") and rule != "context:genitive":
            weak.setdefault(key, Counter())[label] += 1
        if label == PER and end - start > 1:
            surnames[shapes.strip_genitive(toks[end - 1].text).lower()] = PER
        if label == MEDIA:
            dom = shapes.domain_of(span_text(toks, start, end))
            if dom:
                best.setdefault(shapes.domain_base(dom), (MEDIA, "shape:domain"))
    out = []
    found = found + _recall_known(doc, found, best, surnames)
    found.sort(key=lambda f: (f[0], f[1]))
    for start, end, label, rule, title in found:
        key = shapes.strip_genitive(span_text(toks, start, end)).lower()
        if not rule.startswith(STRONG):
            if key in best:
                label, rule = best[key][0], "doc:agree"
            elif end - start == 1 and key in surnames:
                label, rule = PER, "doc:surname"
            elif key in compound:
                label, rule = compound[key]
            elif rule in ("default", "context:genitive") and key in weak:  # "auf X" types the other plain Xs
                label, rule = weak[key].most_common(1)[0][0], "doc:context"
        elif (rule == "gazetteer:place" and end - start == 1 and key in surnames
              and (start == 0 or toks[start - 1].lower_ not in lx.LOC_PREPS)):
            label, rule = PER, "doc:surname"  # "Reitz" after "Ulrich Reitz": a surname that is also a town
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
    for tok in tokens(doc):
        text = tok.text
        if not text[:1].isupper() or len(text) < 3 or tok.i in covered:
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
    toks = tokens(doc)
    for _ in range(2):  # forwards, then backwards
        for k in range(len(out) - 1):
            a, b = out[k], out[k + 1]
            if b[0] - a[1] != 1 or toks[a[1]].text not in COORD:
                continue
            if toks[a[1]].text == "," and a[0] > 0 and toks[a[0] - 1].lower_ in ("und", "oder", "and", "or"):
                continue  # "aus A und B, Anna Xyz": the list ended at "und B"; an apposition follows

            sa, sb = (r.startswith(STRONG) or r == "context:coordination" for r in (a[3], b[3]))
            if sa and not sb and a[2] != b[2]:
                out[k + 1] = (b[0], b[1], a[2], "context:coordination", b[4])
            elif sb and not sa and a[2] != b[2]:
                out[k] = (a[0], a[1], b[2], "context:coordination", a[4])
    return out


def own_line(doc: Doc, first: int, last: int) -> bool:
    """The tokens first..last stand alone on a line of the text."""
    toks = tokens(doc)
    before = first == 0 or "\n" in toks[first - 1].whitespace_ or "\n" in toks[first - 1].text
    after = last == len(toks) - 1 or "\n" in toks[last].whitespace_ or "\n" in toks[last + 1].text
    return before and after


def bylines(doc: Doc, lang: str, taken: set[int]) -> list:
    """Agency credits: a short all-caps word or a known agency alone on a line or in parentheses
    ("(XYZ)", "dpa/XYZ" at the end of an article) names a news agency; an unknown lower-case
    credit is an editor's initials (Austrian and German papers sign with them)."""
    out = []
    every = tokens(doc)
    bounds = sorted(sentence_starts(doc)) + [len(every)]
    for first, stop in zip(bounds, bounds[1:]):
        toks = [t for t in every[first:stop] if not t.is_space]
        words = [t for t in toks if t.text not in ("(", ")", "/")]
        if not words or len(words) > 3 or len(toks) > 5 and toks[0].text != "(":
            continue
        bracketed = toks[0].text == "(" or toks[0].i > 0 and every[toks[0].i - 1].text == "("
        whole_line = len(toks) <= 4 and own_line(doc, toks[0].i, toks[-1].i)
        for t in words:
            w = t.text
            if t.i in taken or not (2 <= len(w) <= 5 and w.isalpha()) or w in currencies():
                continue
            if w.islower() and names.lookup(w) is None:
                continue  # "(red)", "(mahr, 3.2.2016)": an unknown lower-case credit is an editor's initials
            if (w.islower() or w.isupper()) and lexical_class(w, lang) != "common" and (bracketed or whole_line):
                out.append((t.i, t.i + 1, MEDIA, "shape:byline", None))
    for tok in every:  # "Berlin (abc) - ..." inside a sentence
        if 0 < tok.i < len(every) - 1 and every[tok.i - 1].text == "(" and every[tok.i + 1].text == ")" \
                and tok.i not in taken and AGENCY.match(tok.text) \
                and lexical_class(tok.text.split("-")[0], lang) != "common":
            out.append((tok.i, tok.i + 1, MEDIA, "shape:byline", None))
    return sorted(set(out))
