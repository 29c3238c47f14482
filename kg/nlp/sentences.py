"""Sentence boundaries ("kg_sentences"): punctuation, line breaks, and a length cap.

spaCy's tokenizer already keeps ordinals and abbreviations ("3.", "Dr.")
in one token, so a sentence ends after a token that is only end
punctuation (plus closing quotes or brackets), and at every line break
(headlines and paragraphs lack full stops).  Very long sentences are cut so
that every later step stays linear.
"""
from __future__ import annotations

import bisect

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

END = frozenset(".!?…")
CLOSERS = frozenset("\"'“”„«»‚‘’)]")
MAX_TOKENS = 150


@Language.component("kg_sentences")
def split_sentences(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    starts = [0]
    last = 0
    i = 0
    while i < n:
        text = texts[i]
        brk = False
        j = i + 1
        if not text.strip():
            brk = "\n" in text
        elif all(c in END for c in text):
            while j < n and texts[j] in CLOSERS:
                j += 1
            brk = True
        elif "\n" in spaces[i]:
            brk = True
        if not brk and j - last >= MAX_TOKENS:
            brk = True
        if brk and j < n:
            starts.append(j)
            last = j
        i = j
    # one array write: Token.is_sent_start's setter scans the whole Doc on every call (quadratic)
    values = numpy.zeros((n, 1), dtype="int64")  # tokens left unset (0) are sentence-internal
    values[starts, 0] = 1
    if n > 1 and (len(starts) == 1 or starts[1] != 1):
        values[1, 0] = -1  # spaCy reads token 0 as no annotation
    doc.from_array([SENT_START], values.view("uint64"))  # spaCy's arrays hold -1 as 2**64 - 1
    return doc


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """(first, stop) token indexes of the sentence of token i, as ``doc[i].sent`` has them (found
    by bisecting the sorted sentence starts, kept on the Doc, instead of walking the tokens)."""
    bounds = doc.user_data.get("kg_sent_bounds")
    if bounds is None:
        bounds = doc.user_data["kg_sent_bounds"] = sorted(sentence_starts(doc) | {0}) + [len(doc)]
    k = bisect.bisect_right(bounds, i, 0, len(bounds) - 1) - 1
    return bounds[k], bounds[k + 1]


def sentence_starts(doc: Doc) -> frozenset[int]:
    """Token indexes that open a sentence, computed once per Doc (Token.is_sent_start is slow)."""
    starts = doc.user_data.get("kg_sent_starts")
    if starts is None:
        starts = frozenset(s.start for s in doc.sents) if len(doc) else frozenset()
        doc.user_data["kg_sent_starts"] = starts
    return starts
