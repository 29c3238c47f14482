"""Sentences with their mentions replaced by placeholders (``⟨P12⟩``), for the regex rules.

Why: a regex rule can then say "a person, then 'für', then an organisation"
without knowing names; ``Masked.orig`` maps a match back to document offsets.
Common nouns NER took for names ("der Deutsche", "German") and the prefix of a
compound ("X-Mitarbeiter") stay words; an account phrase swallows the
mentions inside it; a person who hosts accounts reads as an organisation.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.lexicon import EN_DEMONYMS, country_of_demonym
from kg.extract.mention_index import MentionIndex
from kg.records import ACCOUNT, LOC, MEDIA, ORG, PER, Sentence

LETTER = {PER: "P", ORG: "O", MEDIA: "M", LOC: "L", ACCOUNT: "A"}
PLACEHOLDER = re.compile(r"⟨([POMLAX])(\d+)⟩")
_NO_BRACKETS = str.maketrans("⟨⟩", "<>")  # article text can never fake a placeholder


def demonym_word(text: str) -> bool:
    """A nationality word NER took for a name ("German", "Deutscher") stays a word."""
    return text in EN_DEMONYMS or (text[:1].isupper() and " " not in text and country_of_demonym(text) is not None)


@dataclass
class Masked:
    """A sentence with mentions replaced by placeholders, and the way back to offsets."""

    text: str
    pieces: list[tuple[int, int, int]]  # (masked start, masked end, original absolute start) of plain runs
    sentence: Sentence

    def orig(self, pos: int) -> int:
        """Absolute document offset of a masked position (placeholders map to the mention start)."""
        for mstart, mend, ostart in self.pieces:
            if mstart <= pos <= mend:
                return ostart + (pos - mstart)
        m = [p for p in self.pieces if p[0] <= pos]
        return m[-1][2] + (m[-1][1] - m[-1][0]) if m else self.sentence.start


class MaskedSentences:
    """``masks[s]``: the masked view of sentence ``s``, made again when the sentence gains a mention."""

    def __init__(self, text: str, sentences: tuple[Sentence, ...], mentions: MentionIndex,
                 is_platform: Callable[[int], bool]) -> None:
        self._text, self._sentences, self._mentions, self._is_platform = text, sentences, mentions, is_platform
        self._made: dict[int, tuple[int, Masked]] = {}

    def __getitem__(self, s: int) -> Masked:
        n = self._mentions.count_in(s)
        got = self._made.get(s)
        if got is None or got[0] != n:
            got = self._made[s] = (n, self._mask(s))
        return got[1]

    def forget(self) -> None:
        """Make every view again (the platforms are known now: the masks read them as organisations)."""
        self._made.clear()

    def _mask(self, s: int) -> Masked:
        sent, ms, text = self._sentences[s], self._mentions, self._text
        cand = [i for i in ms.in_sentence(s) if ms[i].label in LETTER or ms[i].label == "OTH"]
        # accounts swallow inner mentions; otherwise longer spans win
        cand.sort(key=lambda i: (ms[i].label != ACCOUNT, ms[i].start, -(ms[i].end - ms[i].start)))
        chosen: list[int] = []
        for i in cand:
            m = ms[i]
            if m.start < sent.start or m.end > sent.end:
                continue
            if m.label != ACCOUNT and re.match(r"-[A-Za-zÄÖÜäöü]", text[m.end:m.end + 2]):
                continue  # a compound prefix ("X-Mitarbeiter") stays text: it modifies the noun
            if m.kind == "description" or m.rule == "derived:demonym" or demonym_word(m.text):
                continue  # "der Deutsche", "Auftragnehmer": common nouns the patterns read as words
            if all(m.end <= ms[j].start or m.start >= ms[j].end for j in chosen):
                chosen.append(i)
        chosen.sort(key=lambda i: ms[i].start)
        out, pieces, pos, mpos = [], [], sent.start, 0
        for i in chosen:
            m = ms[i]
            run = text[pos:m.start].translate(_NO_BRACKETS)
            pieces.append((mpos, mpos + len(run), pos))
            out.append(run)
            mpos += len(run)
            letter = "O" if m.label == PER and m.kind == "name" and self._is_platform(i) else LETTER.get(m.label, "X")
            ph = f"⟨{letter}{i}⟩"
            out.append(ph)
            mpos += len(ph)
            pos = m.end
        run = text[pos:sent.end].translate(_NO_BRACKETS)
        pieces.append((mpos, mpos + len(run), pos))
        out.append(run)
        return Masked("".join(out), pieces, sent)
