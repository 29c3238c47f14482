"""STTS tags and lemmas by character offset, from the tagged Doc when there is one.

Why: the rules are regexes and units over text; a tag or lemma is a bonus they
ask for at an offset ("is the word at 1234 a common noun?"), never required.
A spaCy Doc answers from one array of token starts (no Token objects made
until asked); any sequence of token-like objects (tests) is read once.
"""
from __future__ import annotations

import bisect


class TokenTags:
    """(tag, lemma) of the token starting at an offset, memoised per offset."""

    def __init__(self, doc: object = None) -> None:
        self.doc = doc
        self._tags: dict[int, tuple[str | None, str | None]] | None = None
        self._token_starts: list[int] = []

    def tag_at(self, pos: int) -> str | None:
        """The STTS tag of the token starting at ``pos`` (None without a tagged Doc)."""
        return self._info(pos)[0]

    def lemma_at(self, pos: int) -> str | None:
        return self._info(pos)[1]

    def _info(self, pos: int) -> tuple[str | None, str | None]:
        if self._tags is None:
            self._tags = {}
            if hasattr(self.doc, "to_array"):  # a spaCy Doc: token starts in one array, no Token objects
                self._token_starts = self.doc.to_array("IDX").tolist()
            else:  # None, or any sequence of token-like objects
                self._tags = {t.idx: (t.tag_, t.lemma_) for t in self.doc or ()}
                return self._tags.get(pos, (None, None))
        info = self._tags.get(pos)
        if info is None:
            i = bisect.bisect_left(self._token_starts, pos)
            found = i < len(self._token_starts) and self._token_starts[i] == pos
            info = (self.doc[i].tag_, self.doc[i].lemma_) if found else (None, None)
            self._tags[pos] = info
        return info
