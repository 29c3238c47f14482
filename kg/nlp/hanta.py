"""HanTa as a spaCy component: STTS tags, universal POS and lemmas.

HanTa analyses every word morphologically, which is slow (~3-7k tokens/s).
Word analyses do not depend on context, so they are memoised per word type
(process-wide), and only the cheap sentence-level Viterbi runs per sentence.
Long "sentences" (text without full stops) are tagged in bounded windows so
cost stays linear.
"""
from __future__ import annotations

import gc
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import viterbi
from kg.nlp.guess import install

WINDOW = 120  # tokens per Viterbi call; bounds cost on text without full stops
MAX_WORD = 60
LEMMA_CACHE = 300_000  # (word, tag) -> lemma entries kept per tagger (cleared when full)
# closed-class and name tags: the lemma is the (lower-cased) word itself, no analysis needed
NO_LEMMA = frozenset({"NE", "FM", "CARD", "XY", "$.", "$,", "$(", "ITJ", "NP0", "CRD", "PUN", "PUQ", "PUL", "PUR",
                      "APPR", "APPO", "APZR", "KON", "KOUS", "KOUI", "KOKOM", "PTKNEG", "PTKZU", "PTKA", "PTKANT",
                      "PWAV", "PROAV", "ADV", "TRUNC", "PTKVZ"})
ARTICLE_LEMMA = {"der": "der", "die": "der", "das": "der", "dem": "der", "den": "der", "des": "der",
                 "ein": "ein", "eine": "ein", "einem": "ein", "einen": "ein", "eines": "ein", "einer": "ein"}  # longer "words" (URLs, hashes) are not analysed morphologically  # noqa: E501

# STTS -> Universal POS (spaCy's German mapping, abridged)
UPOS = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPO": "ADP", "APPR": "ADP", "APPRART": "ADP",
    "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X", "ITJ": "INTJ", "KOKOM": "CCONJ",
    "KON": "CCONJ", "KOUI": "SCONJ", "KOUS": "SCONJ", "NE": "PROPN", "NN": "NOUN", "PAV": "ADV",
    "PROAV": "ADV", "PDAT": "DET", "PDS": "PRON", "PIAT": "DET", "PIS": "PRON", "PPER": "PRON",
    "PPOSAT": "DET", "PPOSS": "PRON", "PRELAT": "DET", "PRELS": "PRON", "PRF": "PRON",
    "PTKA": "PART", "PTKANT": "PART", "PTKNEG": "PART", "PTKVZ": "ADP", "PTKZU": "PART",
    "PWAT": "DET", "PWAV": "ADV", "PWS": "PRON", "TRUNC": "X", "VAFIN": "AUX", "VAIMP": "AUX",
    "VAINF": "AUX", "VAPP": "AUX", "VMFIN": "VERB", "VMINF": "VERB", "VMPP": "VERB",
    "VVFIN": "VERB", "VVIMP": "VERB", "VVINF": "VERB", "VVIZU": "VERB", "VVPP": "VERB",
    "XY": "X", "$,": "PUNCT", "$.": "PUNCT", "$(": "PUNCT", "_SP": "SPACE",
}


def stts(tag: str) -> str:
    """HanTa tag ("VV(FIN)", "ADJ(A)", "NNA") -> STTS ("VVFIN", "ADJA", "NN")."""
    tag = tag.replace("(", "").replace(")", "")
    if tag in UPOS:
        return tag
    if tag.startswith("NN"):
        return "NN"
    if tag.startswith("NE") or tag == "ACR_NE":
        return "NE"
    if tag.startswith("ADJ"):
        return "ADJD"
    return "XY"


@lru_cache(maxsize=4)
def _tagger(lang: str):
    from HanTa import HanoverTagger as ht

    model = "morphmodel_ger.pgz" if lang == "de" else "morphmodel_en.pgz"
    tagger = ht.HanoverTagger(model)
    # per-word analyses are pure functions of the word: memoise them, and guess long unknown
    # words from their known suffix instead of analysing them (see kg.nlp.guess)
    install(tagger)
    # HanTa's Viterbi searches, re-written to skip the work that cannot score (same results)
    viterbi.install(tagger)
    # the model's tables are millions of long-lived objects: keep them out of the garbage
    # collector's full passes, which otherwise rescan them again and again (about 10 % of the
    # NLP stage's CPU)
    gc.freeze()
    return tagger


@lru_cache(maxsize=200_000)
def lexicon_tags(word: str, lang: str = "de") -> tuple[str, ...]:
    """The tags HanTa's lexicon lists for the lower-cased ``word``, likeliest first (empty: unknown);
    the one reading of the lexicon behind the lexical_* tests below."""
    tagger = _tagger(lang)
    return tuple(tagger.int2tag[t] for t, _p in tagger.cache.get(word.lower()) or ())


@lru_cache(maxsize=200_000)
def lexical_class(word: str, lang: str = "de") -> str | None:
    """"ne" when HanTa's lexicon knows ``word`` mainly as a proper noun, "common" when it
    knows it mainly as something else ("Sommer", "Ende"), None for unknown words."""
    tags = lexicon_tags(word, lang)
    if not tags:
        return None
    return "ne" if tags[0].startswith(("NE", "NP")) else "common"


@lru_cache(maxsize=100_000)
def common_noun(word: str, lang: str = "de") -> bool:
    """True when HanTa's best guess for ``word`` on its own is a common noun ("Account")."""
    tags = _tagger(lang).tag_word(word)
    return bool(tags) and tags[0][0].startswith("NN") and tags[0][0] not in ("NNP",)


@lru_cache(maxsize=100_000)
def english_common(word: str) -> bool:
    """An unknown word in German text that English knows as a common word ("Fame", "Tweets")."""
    tags = lexicon_tags(word, "en")
    return bool(tags) and not tags[0].startswith("NP")


def lexical_has_ne(word: str, lang: str = "de") -> bool:
    """HanTa's lexicon lists a proper-noun reading for ``word`` ("Sommer": noun and surname)."""
    return any(t.startswith(("NE", "NP")) for t in lexicon_tags(word, lang))


def lexical_has_common(word: str, lang: str = "de") -> bool:
    """HanTa's lexicon lists a common-noun or verb reading for ``word`` ("Essen": a city, the
    noun and the verb)."""
    return any(t.startswith(("NN", "VV")) for t in lexicon_tags(word, lang))


def lexical_function_word(word: str, lang: str = "de") -> bool:
    """HanTa's lexicon knows the lower-cased ``word`` mainly as a closed-class word ("seine",
    "oder", "heute"): capitalised at a sentence start it is that word, not a name."""
    tags = lexicon_tags(word, lang)
    return bool(tags) and not tags[0].startswith(("NN", "NE", "ADJ", "VV", "VA", "VM"))


def _tag_window(tagger, words: list[str]) -> list[tuple[str, str]]:
    """(lemma, raw tag) for each word of one window."""
    safe = [w if len(w) <= MAX_WORD else "X" for w in words]
    try:
        tags = tagger.tag_sent_viterbi(safe)
    except Exception:  # noqa: BLE001 - odd input must never crash the pipeline
        tags = [tagger.tag2int.get("XY", 0)] * len(safe)
    memo = tagger.__dict__.setdefault("kg_lemmas", {})
    out = []
    for word, t in zip(words, tags):
        hit = memo.get((word, t))
        if hit is None:
            hit = _lemma(tagger, word, t)
            if len(memo) > LEMMA_CACHE:
                memo.clear()
            memo[(word, t)] = hit
        out.append(hit)
    return out


def _lemma(tagger, word: str, t: int) -> tuple[str, str]:
    """(lemma, raw tag) of ``word`` tagged ``t``: a pure function of the two, so memoised."""
    name = tagger.int2tag[t]
    if len(word) > MAX_WORD:
        return word, "XY"
    if name in NO_LEMMA:
        return word if name in ("NE", "FM", "XY", "NP0") else word.lower(), name
    if name == "ART" and word.lower() in ARTICLE_LEMMA:
        return ARTICLE_LEMMA[word.lower()], name
    try:
        lemma = tagger._analyze(word.lower() if not word[:1].isupper() else word, t, 1)[0]
    except Exception:  # noqa: BLE001
        lemma = word
    if "-" in word and word[:1].isupper() and lemma.count("-") == word.count("-"):
        head = lemma.rsplit("-", 1)[-1]  # keep the writer's casing: "US-Präsidenten" -> "US-Präsident"
        lemma = word.rsplit("-", 1)[0] + "-" + (head[:1].upper() + head[1:] if name.startswith("N") else head)
    return lemma, name


@Language.factory("kg_hanta", default_config={"lang": "de"})
def make_hanta(nlp: Language, name: str, lang: str):
    return HantaTagger(lang)


class HantaTagger:
    """Sets token.tag_ (STTS, or CLAWS5 for English), token.pos_ and token.lemma_ from HanTa."""

    def __init__(self, lang: str = "de"):
        self.lang = lang
        self.tags: dict[str, tuple[str, str]] = {}  # raw HanTa tag -> (tag_, pos_)

    def _tag(self, raw: str) -> tuple[str, str]:
        hit = self.tags.get(raw)
        if hit is None:
            tag = stts(raw) if self.lang == "de" else raw.replace("(", "").replace(")", "")
            hit = self.tags[raw] = (tag, UPOS.get(tag, "X") if self.lang == "de" else _claws_upos(tag))
        return hit

    def __call__(self, doc: Doc) -> Doc:
        tagger = _tagger(self.lang)
        # the word memos below grow by many small containers; the collector's passes over them
        # (a fifth of this stage's CPU on a 1 MB article) find no garbage: pause it while tagging
        paused = gc.isenabled()
        gc.disable()
        try:
            self._tag_doc(tagger, doc)
        finally:
            if paused:
                gc.enable()
        return doc

    def _tag_doc(self, tagger, doc: Doc) -> None:
        for sent in doc.sents:
            toks = []
            for t in sent:
                if t.is_space:
                    t.tag_, t.pos_, t.lemma_ = "_SP", "SPACE", t.text
                else:
                    toks.append(t)
            for i in range(0, len(toks), WINDOW):
                window = toks[i:i + WINDOW]
                for tok, (lemma, raw) in zip(window, _tag_window(tagger, [t.text for t in window])):
                    tok.tag_, tok.pos_ = self._tag(raw)
                    tok.lemma_ = lemma or tok.text


def _claws_upos(tag: str) -> str:
    """HanTa's English model tags with CLAWS5 (NP0, NN1, VVD, ...)."""
    for prefix, upos in (("NP", "PROPN"), ("NN", "NOUN"), ("VB", "AUX"), ("VH", "AUX"), ("VD", "AUX"),
                         ("VM", "AUX"), ("VV", "VERB"), ("AJ", "ADJ"), ("AV", "ADV"), ("PN", "PRON"),
                         ("DPS", "DET"), ("AT", "DET"), ("DT", "DET"), ("PR", "ADP"), ("CJC", "CCONJ"),
                         ("CJ", "SCONJ"), ("CRD", "NUM"), ("ORD", "ADJ"), ("PU", "PUNCT"), ("TO", "PART"),
                         ("POS", "PART"), ("ITJ", "INTJ")):
        if tag.startswith(prefix):
            return upos
    return "X"

