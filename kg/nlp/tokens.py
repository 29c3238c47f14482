"""Plain Python copies of a Doc's tokens, made once per Doc and shared by the rule passes.

Why: every ``doc[i]`` or ``for t in doc`` makes a new spaCy Token, and each ``.text`` or
``.tag_`` on it is a string-store look-up (about 0.5 µs). The NER and mention passes
read the same few attributes of every token again and again (a 1 MB article has
160,000 tokens), so reading them once into slotted objects makes each later read about
twenty times cheaper. The values are exactly spaCy's; only attributes that do not change
after tagging are copied (not the entity annotation, which kg_ner sets later).
"""
from __future__ import annotations

import gc

import numpy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

KEY = "kg_tokens"


class Tok:
    """One token's text, tags and offsets as plain attributes, named as on spaCy's Token."""

    __slots__ = ("i", "text", "tag_", "lower_", "lemma_", "pos_", "whitespace_", "idx", "is_space")

    def __init__(self, i, text, tag, lower, lemma, pos, whitespace, idx, is_space):
        self.i, self.text, self.tag_, self.lower_, self.lemma_, self.pos_ = i, text, tag, lower, lemma, pos
        self.whitespace_, self.idx, self.is_space = whitespace, idx, is_space

    def __repr__(self) -> str:
        return self.text


def _strings(store, hashes) -> list[str]:
    """The strings of a column of string hashes, each distinct hash looked up once."""
    distinct, inverse = numpy.unique(hashes, return_inverse=True)
    return numpy.array([store[h] for h in distinct.tolist()], dtype=object)[inverse].tolist()


def tokens(doc: Doc) -> list[Tok]:
    """The Doc's tokens as ``Tok`` objects, made at the first call and kept on the Doc (so call
    it only once the tokens are tagged). The Toks hold no reference back to the Doc."""
    toks = doc.user_data.get(KEY)
    if toks is not None and len(toks) == len(doc):
        return toks
    n = len(doc)
    toks = []
    if n:
        store = doc.vocab.strings
        array = doc.to_array([ORTH, TAG, LOWER, LEMMA, POS, SPACY, IDX, IS_SPACE])
        texts, tags, lowers, lemmas = (_strings(store, array[:, k]) for k in range(4))
        pos = [store[p] if p else "" for p in array[:, 4].tolist()]
        spaces = [" " if s else "" for s in array[:, 5].tolist()]
        enabled = gc.isenabled()
        gc.disable()  # 160,000 new objects would start several full collections, for nothing: no cycles
        try:
            toks = list(map(Tok, range(n), texts, tags, lowers, lemmas, pos, spaces, array[:, 6].tolist(),
                            [bool(s) for s in array[:, 7].tolist()]))
        finally:
            if enabled:
                gc.enable()
    doc.user_data[KEY] = toks
    return toks


def span_text(toks: list[Tok], start: int, end: int) -> str:
    """``doc[start:end].text`` from the copies: the tokens with the spaces between them."""
    if end - start == 1:
        return toks[start].text
    if end <= start:
        return ""
    return "".join([t.text + t.whitespace_ for t in toks[start:end - 1]]) + toks[end - 1].text
