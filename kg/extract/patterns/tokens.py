"""The token view a pattern table matches: one unit per word or per whole mention.

Why units and not raw tokens: a name of three words is one ``ENT == "PER"``
unit, so a row says "a role noun, then a person" without counting words; a
hyphen compound whose prefix names an entity ("SPD-Chef", "Lufthansa-Manager")
stays one word unit that also carries the prefix's mention (``PREFIX_ENT``)
and its head ("Chef"). Lemmas and STTS tags come from the tagged Doc when the
article has one (HanTa, see kg.nlp.hanta), else the word itself.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from kg.extract.masked import demonym_word
from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER

WORD = re.compile(r"\w(?:[\w&'’.-]*\w)?|\S")
ENT_LABELS = (PER, ORG, MEDIA, LOC, ACCOUNT)


class Unit(NamedTuple):
    """One matchable unit of a sentence (a word, a punctuation mark or a whole mention).

    A named tuple, not a dataclass: a long article has a hundred thousand units, and tuples are
    made several times faster and drop out of the garbage collector's scans."""

    start: int  # absolute offsets in Document.text
    end: int
    text: str
    lemma: str
    tag: str
    ent: str = ""  # mention label when the unit is a mention
    mention: int | None = None  # canonical mention index (slots hand on canonical mentions: no canon() after)
    prefix_ent: str = ""  # compound word: label of the entity its prefix names ("SPD" in "SPD-Chef")
    prefix_mention: int | None = None  # canonical too
    head: str = ""  # compound word: the part after the last hyphen ("Chef"); else the word
    lower: str = ""  # the text in lower case (given by _build)


def units(ctx, s: int) -> list[Unit]:
    """The units of sentence ``s`` (memoised per article and number of mentions)."""
    n = ctx.mentions.count_in(s)  # rebuilt only when this sentence gained a (derived) mention
    got = ctx.memo.get(("pattern-units", s))
    if got is None or got[0] != n:
        got = ctx.memo[("pattern-units", s)] = (n, _build(ctx, s))
    return got[1]


def _chosen(ctx, s: int) -> dict[int, int]:
    """mention start -> mention index of the mentions the units show (longest first, no overlaps)."""
    sent = ctx.sentences[s]
    cand = [i for i in ctx.mentions.in_sentence(s) if ctx.mentions[i].label in ENT_LABELS]
    # names first (an account phrase "Websites des Autoherstellers X" must not hide X), longer spans first
    cand.sort(key=lambda i: (ctx.mentions[i].label == ACCOUNT, ctx.mentions[i].start,
                             -(ctx.mentions[i].end - ctx.mentions[i].start)))
    chosen: list[int] = []
    for i in cand:
        m = ctx.mentions[i]
        if m.start < sent.start or m.end > sent.end or m.kind == "description" or m.rule == "derived:demonym" \
                or demonym_word(m.text):
            continue
        if all(m.end <= ctx.mentions[j].start or m.start >= ctx.mentions[j].end for j in chosen):
            chosen.append(i)
    return {ctx.mentions[i].start: i for i in chosen}


def _build(ctx, s: int) -> list[Unit]:
    sent = ctx.sentences[s]
    starts = _chosen(ctx, s)
    inner = sorted(starts)  # mention starts, for mentions that start inside a word ("Ex-SPD-Chef")
    words = [(sent.start + m.start(), sent.start + m.end()) for m in WORD.finditer(sent.text)]
    text = ctx.text
    out: list[Unit] = []
    k = 0
    while k < len(words):
        a, b = words[k]
        i = starts.get(a)
        if i is None and "-" in text[a:b]:  # a mention may start inside the word: "Ex-SPD-Chef"
            j = bisect.bisect_right(inner, a)
            if j < len(inner) and inner[j] < b and text[inner[j] - 1] == "-":
                i = starts[inner[j]]
        m = ctx.mentions[i] if i is not None else None
        if m is not None and m.start == a and m.end >= b - 1 and not text[m.end:m.end + 1] == "-":
            end = m.end
            while k + 1 < len(words) and words[k + 1][0] < end:
                k += 1
            end = max(end, words[k][1])
            c = ctx.mentions.canon(i)
            label = "O" if m.label == PER and m.kind == "name" and ctx.entities.is_platform(i) else m.label
            whole = text[a:end]
            out.append(Unit(a, end, whole, whole, "NE", ORG if label == "O" else label, c, head=whole, lower=whole.lower()))
            k += 1
            continue
        word = text[a:b]
        lemma = ctx.tokens.lemma_at(a) or word
        if lemma == word:  # untagged (or the tagger kept the form): a finite form of a verb of saying has a known lemma
            lemma = _speech_form_lemma().get(word, word)
        tag = ctx.tokens.tag_at(a) or ""
        head = lemma.rsplit("-", 1)[-1] if "-" in word.strip("-") else lemma
        pe, pm = "", None
        if m is not None and m.end < b and text[m.end] == "-":
            pe, pm = m.label, ctx.mentions.canon(i)
        elif "-" in word.strip("-"):
            pm = known_prefix(ctx, word)
            pe = ctx.mentions[pm].label if pm is not None else ""
        out.append(Unit(a, b, word, lemma, tag, prefix_ent=pe, prefix_mention=pm, head=head, lower=word.lower()))
        k += 1
    return out


def known_prefix(ctx, word: str) -> int | None:
    """A compound's prefix that names an entity the article names elsewhere ("Lufthansa" in "Lufthansa-Manager")."""
    names = known_names(ctx)
    whole = word.rsplit("-", 1)[0]
    for cand in (whole, whole.split("-", 1)[0], whole.split("-")[-1]):
        key = cand.replace("-", " ").lower()
        if key in names:
            return names[key]
    return None


def known_names(ctx) -> dict[str, int]:
    key = ("pattern-names",) + tuple(ctx.mentions.count(label, "name", "partial") for label in (ORG, MEDIA, LOC))
    if key not in ctx.memo:
        names: dict[str, int] = {}
        for i, m in enumerate(ctx.mentions):
            if m.label in (ORG, MEDIA, LOC) and m.kind in ("name", "partial") and len(m.text) >= 2:
                for form in {m.text, m.norm or m.text}:
                    names.setdefault(form.replace("-", " ").lower(), ctx.mentions.canon(i))
        ctx.memo[key] = names
    return ctx.memo[key]


@functools.cache
def _speech_form_lemma() -> dict[str, str]:
    """Finite form -> lemma of the verbs of saying (kg/data/speech_verbs.txt), for text without lemmas."""
    from kg.nlp.lexicon import speech_verbs

    return {form: lemma for lemma, forms, _flags in speech_verbs() for form in forms}
