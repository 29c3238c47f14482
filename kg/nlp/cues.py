"""Context tests the typing rules use: the words around a name, quotes, headings,
market reports, appositions after a comma, and HanTa's reading of a word as a noun."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp import lexicon as lx
from kg.nlp.agree import own_line
from kg.nlp.hanta import lexical_class, lexicon_tags
from kg.nlp.sentences import sentence_of
from kg.nlp.tokens import tokens

PER, ORG, MEDIA, LOC, OTH = "PER", "ORG", "MEDIA", "LOC", "OTH"
ARTICLES = frozenset("der die das dem den des ein eine einem einen eines einer the".split())


def loc_suffix(word: str) -> bool:
    low = word.lower()
    return len(low) > 5 and low.endswith(lx.PLACE_SUFFIXES + lx.SITE_SUFFIXES)


def prev_token(doc: Doc, i: int):
    return tokens(doc)[i - 1] if i > 0 else None



def alone_on_line(doc: Doc, start: int, end: int) -> bool:
    """The span, perhaps with a full stop or colon after it, is one whole line of a text of
    several lines (a heading or a list item)."""
    i, toks = end, tokens(doc)
    while i < len(toks) and toks[i].text in (".", ":", "!"):
        i += 1
    return own_line(doc, start, i - 1) and not (start == 0 and i == len(toks))  # one line only: a sentence


def market_report(doc: Doc, end: int, verb_before: bool = False) -> bool:
    """"X gaben 1,6 Prozent nach", "X um 2,9 % fester", "verloren X 3 %": a name whose share
    price moved is a company."""
    toks = tokens(doc)
    window = [t.lower_ for t in toks[end:end + 6]]
    if verb_before:
        window.insert(0, "um")
    if not window or window[0] not in lx.MARKET_VERBS and window[0] != "um":
        return False
    for k, word in enumerate(window[1:], 1):
        if word in lx.PERCENT:
            return any(toks[end + j].text[:1].isdigit() for j in range(max(0, k - 2 - verb_before), k - verb_before))
        if word in (".", ";", "und", "sowie") or toks[end + k - verb_before].text[:1].isupper():
            return False
    return False


@lru_cache(maxsize=100_000)  # a pure function of the word (HanTa's analysis is costly)
def known_noun_form(word: str) -> bool:
    """HanTa reads ``word`` with confidence only as a common noun: an inflected known noun
    ("Minen", "Diamanten"), or a known noun in the old spelling ("Einfluss" = "Einfluß")."""
    from kg.nlp.hanta import _tagger

    if "ss" in word:
        old_spelling = lexicon_tags(word.lower().replace("ss", "ß"))
        if old_spelling and old_spelling[0].startswith("NN"):
            return True
    try:
        tags = _tagger("de").tag_word(word)
    except Exception:  # noqa: BLE001
        return False
    return bool(tags) and all(t.startswith("NN") for t, _p in tags) and tags[0][1] > -20


@lru_cache(maxsize=100_000)  # a pure function of the word (HanTa's analysis is costly)
def analysed_noun(word: str) -> bool:
    """HanTa's morphology reads ``word`` as a compound of known nouns ("Eifer+sucht") or an
    inflected known noun ("Gräser"); place endings (-dorf, -burg) are left to the place rules."""
    from kg.nlp.hanta import _tagger

    if loc_suffix(word) or "-" in word or word.lower().endswith(("stein", "eck", "au")):
        return False  # "Kalmstein": common place-name endings that are also nouns
    try:
        _lemma, morphs, tag = _tagger("de").analyze(word, taglevel=3)
    except Exception:  # noqa: BLE001 - an odd word is simply not a known noun
        return False
    tags = [m[1] for m in morphs]
    return tag == "NN" and (sum(t.startswith("NN") for t in tags) >= 2 or any(t.startswith("NN_VAR") for t in tags))


@lru_cache(maxsize=100_000)  # a pure function of the word (HanTa's analysis is costly)
def noun_compound(word: str) -> bool:
    """An unknown word that ends in a known common noun and not in a place ending ("Erdhöhlen")."""
    from kg.nlp.hanta import _tagger

    guess = getattr(_tagger("de"), "kg_guesser", None)
    low = word.lower()
    return (guess is not None and lexical_class(word) is None and not loc_suffix(word)
            and guess.suffix(low, True) is not None)


def right_apposition(doc: Doc, end: int):
    """"X, einem führenden Onlineportal", "X, ein Sprecher": the noun after the comma types X."""
    k, toks = end, tokens(doc)
    while k < len(toks) and toks[k].text in QUOTES:
        k += 1
    if k >= len(toks) or toks[k].text != ",":
        return None
    k += 1
    for _ in range(4):
        if k >= len(toks):
            return None
        tok = toks[k]
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


def quoted(doc: Doc, start: int, end: int) -> bool:
    toks = tokens(doc)
    return start > 0 and end < len(toks) and toks[start - 1].text in QUOTES and toks[end].text in QUOTES



SCORE = re.compile(r"^\(?\d{1,2}:(?:\d|[1-9]\d)\)?(?:-[A-ZÄÖÜ]\w*)?[.,;)]?$")  # "2:1", "(0:0)", "0:2-Niederlage"
SPORT_COMPOUND_HEADS = ("liga", "duell", "finale", "meisterschaft", "hinspiel", "rückspiel", "spieltag", "derby")


def _sport_word(word: str) -> bool:
    low = word.lower().rstrip(".,")
    part = low.rsplit("-", 1)[-1]
    return low in lx.SPORT_WORDS or part in lx.SPORT_WORDS or len(low) > 6 and low.endswith(SPORT_COMPOUND_HEADS)


def _sentence(doc: Doc, i: int) -> list:
    if doc.has_annotation("SENT_START"):
        first, stop = sentence_of(doc, i)
        return tokens(doc)[first:stop]
    return tokens(doc)[max(0, i - 25):i + 25]


def score_sentence(doc: Doc, i: int) -> bool:
    """The sentence of token i holds a match score ("2:1", "(0:0)"; not "16:30 Uhr")."""
    toks = _sentence(doc, i)
    return any(SCORE.match(tok.text) and not (k + 1 < len(toks) and toks[k + 1].lower_ in ("uhr", "h"))
               and not (k > 0 and toks[k - 1].lower_ in ("um", "ab", "bis"))
               for k, tok in enumerate(toks))


def sport_sentence(doc: Doc, i: int) -> bool:
    """The sentence of token i reports a match: a score or a sports word ("Tor", "Liga", "Trainer")."""
    return score_sentence(doc, i) or any(tok.text[:1].isupper() and _sport_word(tok.text) for tok in _sentence(doc, i))
