"""Sentence boundaries ("kg_sentences"): punctuation, line breaks, and a length cap.

spaCy's tokenizer already keeps ordinals and abbreviations ("3.", "Dr.")
in one token, so a sentence ends after a token that is only end
punctuation (plus closing quotes or brackets), and at every line break
(headlines and paragraphs lack full stops).  Very long sentences are cut so
that every later step stays linear.
"""
from __future__ import annotations

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
    starts = [False] * n
    starts[0] = True
    last = 0
    i = 0
    while i < n:
        tok = doc[i]
        text = tok.text
        brk = False
        if tok.is_space:
            brk = "\n" in text
            j = i + 1
        elif text and all(c in END for c in text):
            j = i + 1
            while j < n and doc[j].text in CLOSERS:
                j += 1
            brk = True
        elif "\n" in tok.whitespace_:
            j, brk = i + 1, True
        else:
            j = i + 1
        if not brk and j - last >= MAX_TOKENS:
            brk = True
        if brk and j < n:
            starts[j] = True
            last = j
        i = j
    for k, tok in enumerate(doc):
        tok.is_sent_start = starts[k]
    return doc
