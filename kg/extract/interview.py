"""Interviews: every sentence of an answer is said by the interviewee, to the outlet that asks.

Why a module of its own: an interview is a shape of the whole article, not of a
sentence. DER STANDARD prints its interviews as turns, "STANDARD: <question>"
and "Stöger: <answer>", and an answer runs over several sentences until the
next turn. The first sentence of an answer is the row ``said.interview-answer/1``
(kg.extract.patterns.speech_table); this module gives that quote the outlet of
the question turns, adds the answer's further sentences as quotes of the same
speaker (``said.interview-continued/1``) and the interviewee's reportedBy to the
outlet (``reportedBy.interview/1``). Only an article with a question turn by an
outlet and two answer turns is an interview (one "Name: …" line in a report is
a quote, not a transcript); a bracketed credit line ("(Interview: …)") ends it.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context
from kg.extract.patterns.tokens import units
from kg.extract.quotes import end_of_quotation
from kg.records import MEDIA, PER, Quote

NAME = "interview/1"
CONTINUED = "said.interview-continued/1"
ANSWER = "said.interview-answer/1"
REPORTED = "reportedBy.interview/1"


def _turn(ctx: Context, s: int) -> tuple[str, int | None] | None:
    """("PER", speaker) / ("MEDIA", outlet) / ("OTHER", None) when sentence ``s`` opens with "Name:", else None."""
    us = units(ctx, s)
    if len(us) < 2 or us[1].text != ":":
        return None
    u = us[0]
    if u.ent in (PER, MEDIA) and u.mention is not None:
        return u.ent, ctx.mentions.canon(u.mention)
    return ("OTHER", None) if u.text[:1].isupper() else None


def extract_interview(ctx: Context) -> None:
    turns = {s.index: t for s in ctx.sentences if (t := _turn(ctx, s.index)) is not None}
    outlets = [who for kind, who in turns.values() if kind == MEDIA]
    if not outlets or sum(kind == PER for kind, _ in turns.values()) < 2:
        return
    outlet = outlets[0]
    speaker: int | None = None
    quoted = {q.evidence.sentence for q in ctx.results.quotes}  # the quotes added below are of the sentence at hand
    for sent in ctx.sentences:
        s = sent.index
        if s in turns:
            kind, who = turns[s]
            speaker = who if kind == PER else None
            if speaker is not None:
                _answer(ctx, s, speaker, outlet)
            continue
        if speaker is None:
            continue
        if sent.text.lstrip().startswith("("):
            speaker = None  # "(Interview: Jana Beispiel, 2.5.2016)": the transcript ends
            continue
        if s in quoted:
            continue  # the answer quotes someone else in its own words: that speech stands
        text = end_of_quotation(sent.text).rstrip(" .")
        if len(text.split()) >= 3:
            ctx.results.quotes.append(Quote(speaker, text, ctx.results.evidence(s, (sent.start, sent.end), CONTINUED, 0.65), outlet))
    ctx.memo.pop("quotes-by-sentence", None)  # kg.extract.quotes indexes quotes by sentence: built again


def _answer(ctx: Context, s: int, speaker: int, outlet: int) -> None:
    """The first sentence of an answer: its quote (the row's) is said to the interviewing outlet, and the
    interviewee's words are carried by that outlet (one reportedBy evidence per answer, not per sentence)."""
    for n, q in enumerate(ctx.results.quotes):
        if q.evidence.sentence == s and q.evidence.extractor == ANSWER and q.outlet is None:
            ctx.results.quotes[n] = replace(q, outlet=outlet)
    ctx.results.relate(speaker, "reportedBy", outlet, s, REPORTED, 0.7)
