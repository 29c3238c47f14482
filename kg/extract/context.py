"""One article's extraction state: its text and sentences, and the parts the extractors share.

Why parts: an extractor asks one of a few questions, and each part answers
one kind - ``mentions`` (the mention index: by sentence, by offset,
coreference, derived mentions), ``tokens`` (tags and lemmas by offset),
``masks`` (sentences with placeholders for the regex rules), ``entities``
(who is who: same entity, the persons, the platforms), ``resolve`` (which
person "er" or "der Deutsche" means) and ``results`` (the sink that records
relations, events, quotes and facts once, between canonical mentions).
``memo`` holds what the pattern engine and the family modules keep per article.
"""
from __future__ import annotations

from collections.abc import Sequence

from kg.extract.entities import ArticleEntities
from kg.extract.masked import MaskedSentences
from kg.extract.mention_index import MentionIndex
from kg.extract.references import References
from kg.extract.results import Results
from kg.extract.timex import reference_date
from kg.extract.token_tags import TokenTags
from kg.records import Document, Mention, Sentence


class Context:
    """The parts of one article's extraction (see the module doc)."""

    def __init__(self, document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention],
                 doc: object = None) -> None:
        self.document = document
        self.sentences = tuple(sentences)
        self.ref = reference_date(document.date, document.text)
        self.mentions = MentionIndex(document, self.sentences, mentions)
        self.tokens = TokenTags(doc)  # the spaCy Doc's tags and lemmas, when there is one: a bonus, never required
        self.entities = ArticleEntities(self.mentions, self.tokens, document.text)
        self.masks = MaskedSentences(document.text, self.sentences, self.mentions, self.entities.is_platform)
        self.results = Results(document, self.sentences, self.mentions, self.entities)
        self.resolve = References(self.mentions, self.entities, self.results)
        self.memo: dict = {}

    @classmethod
    def build(cls, document: Document, sentences: Sequence[Sentence], mentions: Sequence[Mention],
              doc: object = None) -> Context:
        return cls(document, sentences, mentions, doc)

    @property
    def text(self) -> str:
        return self.document.text
