"""Quotes (said): the words a person said, with the outlet they were said to.

Why here and not in the rows: the rows (kg.extract.speech) find who spoke;
which words are theirs is a matter of quotation marks and commas:
- a quotation in marks belongs to the speech right after it ("„…“, sagte X")
  or right before it with a colon ("X sagte: „…“");
- a quotation that is a sentence of its own, with no speech verb, continues
  the speaker of the sentence before (``said.continued-quote/1``);
- without marks (10kGNAD strips them) the words are the clause before
  ", sagte X", or after "X sagte:" / "X sagte, dass" (plus a second part after
  a colon), else the sentence;
- a quote's text ends where the quotation ends: never the opening mark of the
  next quotation or the reporter's narration after it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.context import Context
from kg.extract.speech import CLAUSE_END, speeches

CONTINUED = "said.continued-quote/1"
_PAIRS = {"„": "“”\"", "»": "«", '"': '"', "“": "”"}
_OPEN = "„“»\""


def extract_marked_quotes(ctx: Context) -> None:
    """Quotations in marks, attributed to the speech right after or (with a colon) right before them."""
    text = ctx.text
    for a, b in quotations(text):
        body = end_of_quotation(text[a + 1:b - 1])
        if len(body) < 3:
            continue
        found = _after(ctx, b) or _before(ctx, a)
        if found is not None:
            s, sp = found
            _append(ctx, sp.speaker, body, s, (a, b), sp.match.row.name, sp.match.row.confidence, sp.outlet)
            continue
        if _standalone(text, a, b):
            prev = ctx.mentions.sentence_of(_before_mark(text, a))
            said = speeches(ctx, prev) if prev is not None else []
            if said:
                _append(ctx, said[-1].speaker, body, ctx.mentions.sentence_of(a + 1), (a, b), CONTINUED, 0.7, None)


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, pairing every opening mark with its own closing one
    ("„…“" first, so the closing “ of one quotation never opens the next)."""
    out, k = [], 0
    while k < len(text):
        c = text[k]
        if c in _PAIRS:
            end = next((j for j in range(k + 1, min(len(text), k + 801)) if text[j] in _PAIRS[c]), None)
            if end is not None and end - k > 3:
                out.append((k, end + 1))
                k = end + 1
                continue
        k += 1
    return out


def _after(ctx: Context, pos: int):
    """„…“, sagt X: a speech whose verb follows the closing mark after at most a comma."""
    s = ctx.mentions.sentence_of(max(0, pos - 1))
    if s is None:
        return None
    for sp in speeches(ctx, s):
        units = sp.match.units
        gap = [u for u in units if pos <= u.start < units[sp.match.start].start]
        said_before = any(u.text == "," for u in gap) or _text_before(ctx, pos).rstrip("“”\"«").endswith((",", ".", "!", "?"))
        if units[sp.match.start].start >= pos and all(u.text in (",", "“", "”", '"', "«") for u in gap) and len(gap) <= 2 \
                and said_before:
            return s, sp
    return None


def _text_before(ctx: Context, pos: int) -> str:
    return ctx.text[max(0, pos - 3):pos]


def _before(ctx: Context, pos: int):
    """X sagt: „…“: a speech before the opening mark, a colon between."""
    s = ctx.mentions.sentence_of(pos)
    if s is None:
        return None
    for sp in reversed(speeches(ctx, s)):
        units = sp.match.units
        between = [u for u in units if units[sp.verb].end <= u.start < pos]
        if units[sp.verb].end <= pos and between and between[-1].text in (":",) + tuple(_OPEN) \
                and any(u.text == ":" for u in between) and not any(u.text in CLAUSE_END - {":"} for u in between):
            return s, sp
    return None


def _standalone(text: str, a: int, b: int) -> bool:
    """The quotation is a sentence of its own: only a sentence end before it, only its full stop after it."""
    before = text[max(0, a - 300):a]
    return bool(re.search(r"(?:^|[.!?:“”\"]\s*|\n)\s*$", before)) and bool(re.match(r"\s*[.!?]?\s*(?:$|\n|[A-ZÄÖÜ„\"])",
                                                                                          text[b:]))


def _before_mark(text: str, a: int) -> int:
    k = a - 1
    while k > 0 and (text[k].isspace() or text[k] in _OPEN):
        k -= 1
    return max(0, k)


def add_quote(ctx: Context, who: int, m, verb: int | None, outlet: int | None) -> None:
    """The quote of a speech match (one per speaker and sentence; a later outlet completes an earlier quote)."""
    for n in _by_sentence(ctx).get(m.sentence, ()):
        q = ctx.results.quotes[n]
        if ctx.entities.same(q.speaker, who):
            if q.outlet is None and outlet is not None:
                ctx.results.quotes[n] = replace(q, outlet=outlet)
            return
    sent = ctx.sentences[m.sentence]
    text = _content_en(sent, m, verb) if ctx.document.lang == "en" and verb is not None else _content(sent, m, verb)
    _append(ctx, who, text, m.sentence, (sent.start, sent.end), m.row.name, m.row.confidence, outlet)


def _append(ctx: Context, who: int, body: str, s: int, span: tuple[int, int], rule: str, conf: float,
            outlet: int | None) -> None:
    index = _by_sentence(ctx)
    if any(ctx.entities.same(ctx.results.quotes[n].speaker, who) for n in index.get(s, ())):
        return
    index.setdefault(s, []).append(len(ctx.results.quotes))
    ctx.results.quote(who, body, ctx.results.evidence(s, span, rule, conf), outlet)


def _by_sentence(ctx: Context) -> dict[int, list[int]]:
    """sentence -> positions of its quotes in ctx.results.quotes (kept as quotes are added: no scan per quote)."""
    cached = ctx.memo.get("quotes-by-sentence")
    if cached is None or cached[0] is not ctx.results.quotes:
        index: dict[int, list[int]] = {}
        for n, q in enumerate(ctx.results.quotes):
            index.setdefault(q.evidence.sentence, []).append(n)
        cached = ctx.memo["quotes-by-sentence"] = (ctx.results.quotes, index)
    return cached[1]


def _content_en(sent, m, verb: int) -> str:
    """English: "… , X said" (before), "X said (that) …" up to the next comma (after)."""
    us, t0 = m.units, sent.start
    if us[verb].text == ":":  # an interview answer "X: …"
        return end_of_quotation(sent.text[us[verb].end - t0:]).rstrip(" .")
    if m.start > 0 and us[m.start - 1].text == "," and verb >= m.start:
        return end_of_quotation(sent.text[:us[m.start - 1].start - t0]).rstrip(" .")
    k = next((j + 1 for j in range(verb + 1, len(us)) if us[j].lower == "that"), verb + 1)
    end = next((us[j].start - t0 for j in range(k, len(us)) if us[j].text == ","), len(sent.text))
    return end_of_quotation(sent.text[us[k].start - t0:end] if k < len(us) else sent.text).rstrip(" .")


def _content(sent, m, verb: int | None) -> str:
    """The words said: before ", sagte X" (and after its colon), after "X sagte:" / "X sagte, dass", else the sentence."""
    us, t0 = m.units, sent.start
    first = m.start
    colon = next((k for k in range(m.end, len(us)) if us[k].text == ":"), None)
    tail = end_of_quotation(sent.text[us[colon].end - t0:]) if colon is not None else ""
    if verb is not None and us[verb].text == ":" and verb == first + 1:  # an interview answer "X: …"
        return end_of_quotation(sent.text[us[verb].end - t0:]).rstrip(" .")
    if us[first].text == ",":  # ", so X"
        text = sent.text[:us[first].start - t0]
    elif (verb is None or verb == first) and first > 0 and us[first - 1].text == ",":
        text = sent.text[:us[first - 1].start - t0]
    else:  # after a colon, or after a comma that opens the reported clause ("…, dass", "…, er sei")
        after = [k for k in range(m.end, len(us)) if us[k].text == ":" or (us[k].text == "," and _reported(us, k))]
        if not after:
            return end_of_quotation(sent.text).rstrip(" .")
        k = after[0]
        stop = next((j for j in range(k + 1, len(us)) if (us[j].text == "," and j + 1 < len(us)
                                                          and us[j + 1].lower in _NARRATION) or
                     (us[j].text == ":" and us[k].text != ":")), None)
        end = us[stop].start - t0 if stop is not None else len(sent.text)
        return end_of_quotation(sent.text[us[k].end - t0:end]).rstrip(" .")
    text = end_of_quotation(text).rstrip(" .")
    return f"{text} … {tail.rstrip(' .')}" if tail else text


_SUBJUNCTIVE = {"sei", "seien", "habe", "hätte", "hätten", "werde", "würde", "würden", "könne", "könnte", "müsse", "solle",
                "wolle", "gebe", "wäre", "wären", "dürfe"}
_NARRATION = {"jedoch", "aber", "doch", "während", "sondern"}


def _reported(us, k: int) -> bool:
    """A comma that opens reported speech: "…, dass …", "…, ob …", "…, er sei …"."""
    nxt = us[k + 1:k + 5]
    return bool(nxt) and (nxt[0].lower in ("dass", "ob") or any(u.lower in _SUBJUNCTIVE for u in nxt))


def end_of_quotation(text: str) -> str:
    """The quoted words end where the quotation ends: no opening mark of the next quotation, no dangling marks."""
    text = re.sub(rf"^[\s{_OPEN}]*(?:dass\s+)?", "", text)
    text = re.sub(rf"[\s{_OPEN}]+$", "", text.strip())
    opens = [i for i, c in enumerate(text) if c == "„"]
    closes = [i for i, c in enumerate(text) if c in "“”"]
    if len(opens) > len(closes) and opens:
        text = text[:opens[-1]].rstrip()
    if text.count('"') % 2:
        text = text[:text.rindex('"')].rstrip()
    return text.strip(" ,\"„“”»«")
