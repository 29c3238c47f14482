"""One event per (kind, account) and article: the sentences of an article each tell part of it.

Why: "So lange war am 3. November der Account deaktiviert" gives the date,
"Er will ... die elfminütige Sendepause verpasst haben" the agent; the
article's claim about the event is their union. The evidence kept is the
sentence that tells most (agent first), the most precise date wins; the
other sentences follow as candidates of their own, so every sentence stays
evidence of the event (assembly keeps the first value of each field).
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.context import Context
from kg.records import EventCandidate


def merge_events(ctx: Context) -> None:
    groups: list[list[EventCandidate]] = []
    for ev in ctx.results.events:
        for g in groups:
            if g[0].kind == ev.kind and _same_account(ctx, g[0], ev):
                g.append(ev)
                break
        else:
            groups.append([ev])
    out: list[EventCandidate] = []
    for g in groups:  # the union first (its values win downstream), then each sentence for its own evidence
        merged = _merge(g)
        out.append(merged)
        out += [e for e in g if e.evidence != merged.evidence]
    ctx.results.events = out


def _same_account(ctx: Context, a: EventCandidate, b: EventCandidate) -> bool:
    if a.owner is not None and b.owner is not None:
        return ctx.entities.same(a.owner, b.owner)
    return a.account == b.account


def _info(ev: EventCandidate) -> tuple:
    return (ev.agent is not None, not ev.evidence.hedged, ev.date is not None, ev.duration is not None)


def _merge(group: list[EventCandidate]) -> EventCandidate:
    best = max(group, key=_info)
    if len(group) == 1:
        return best
    dated = [e for e in group if e.date]
    date = max(dated, key=lambda e: (not e.date.startswith("--"), len(e.date))) if dated else None
    lasting = next((e for e in group if e.duration), None)
    return replace(
        best,
        agent=best.agent if best.agent is not None else next((e.agent for e in group if e.agent is not None), None),
        platform=best.platform if best.platform is not None else next((e.platform for e in group if e.platform is not None), None),
        date=date.date if date else None, date_text=date.date_text if date else None,
        duration=lasting.duration if lasting else None, duration_text=lasting.duration_text if lasting else None,
    )


def attribute_to_speakers(ctx: Context) -> None:
    """A claim made inside a quote or reported speech is the speaker's: Evidence.source = the speaker."""
    speaker_of = {q.evidence.sentence: q.speaker for q in ctx.results.quotes}
    if not speaker_of:
        return
    out = []
    for r in ctx.results.relations:
        who = speaker_of.get(r.evidence.sentence)
        if who is not None and r.predicate not in ("reportedBy", "said") and r.evidence.source is None \
                and r.evidence.extractor != "account/1":
            r = replace(r, evidence=replace(r.evidence, source=who))
        out.append(r)
    ctx.results.relations = out
