"""Accounts: derived ACCOUNT mentions become one Account per (owner, platform).

Key "account/<platform-slug>/<owner-slug>" from the resolved owner and
platform; an account whose article names no platform joins the owner's one
platform account when there is exactly one.
"""
from __future__ import annotations

import re
from collections import defaultdict

from kg.records import Alias, ArticleAnalysis, Entity
from kg.resolve.groups import ArticleGroups
from kg.resolve.names import clean, fold

ACCOUNT_LABEL = "{platform}-Account von {owner}"
ACCOUNT_LABEL_NO_PLATFORM = "Account von {owner}"


def _tail(key: str) -> str:
    return key.split("/", 1)[-1]


def build_accounts(  # noqa: C901
    analyses: list[ArticleAnalysis],
    article_groups: dict[str, ArticleGroups],
    mention_entity: dict[tuple[str, int], str],
    labels: dict[str, str],
    alias_texts: dict[str, tuple[str, ...]] | None = None,
) -> list[Entity]:
    """Account entities; adds their mentions (and coreferent ones) to ``mention_entity``."""
    found: dict[tuple[str | None, str], list[tuple[str, int]]] = defaultdict(list)
    for a in analyses:
        doc_id = a.document.id
        ag = article_groups[doc_id]
        for i in ag.accounts:
            m = a.mentions[i]
            owner = _resolve(doc_id, m.owner, ag, mention_entity)
            platform = _resolve(doc_id, m.platform, ag, mention_entity)
            if owner is None:
                continue
            found[(platform, owner)].append((doc_id, i))
    with_platform: dict[str, set[str]] = defaultdict(set)
    for platform, owner in found:
        if platform:
            with_platform[owner].add(platform)
    merged: dict[tuple[str | None, str], list[tuple[str, int]]] = defaultdict(list)
    for (platform, owner), refs in found.items():
        if platform is None and len(with_platform[owner]) == 1:
            platform = next(iter(with_platform[owner]))
        merged[(platform, owner)].extend(refs)
    by_id = {a.document.id: a for a in analyses}
    alias_texts = alias_texts or {}
    entities = []
    for (platform, owner), refs in sorted(merged.items(), key=lambda kv: (kv[0][1], kv[0][0] or "")):
        key = f"account/{_tail(platform) if platform else 'unknown'}/{_tail(owner)}"
        if platform:
            label = ACCOUNT_LABEL.format(platform=labels.get(platform, _tail(platform)), owner=labels.get(owner, _tail(owner)))
        else:
            label = ACCOUNT_LABEL_NO_PLATFORM.format(owner=labels.get(owner, _tail(owner)))
        texts: dict[str, set[str]] = defaultdict(set)
        conf: dict[str, float] = {}
        for doc_id, i in refs:
            m = by_id[doc_id].mentions[i]
            t = clean(m.text)
            texts[t].add(doc_id)
            conf[t] = max(conf.get(t, 0.0), m.confidence)
            roots = article_groups[doc_id].roots
            for j, r in roots.items():
                if r == i:
                    mention_entity[(doc_id, j)] = key
        attrs = (("owner", owner),) + ((("platform", platform),) if platform else ())
        known = _words(labels.get(owner, "")) | _words(labels.get(platform or "", ""))
        known |= {w for e in (owner, platform) if e for a in alias_texts.get(e, ()) for w in _words(a)}
        # "Trumps Twitter-Account" names the account; a bare "Konto" only describes it: no alias
        aliases = tuple(Alias(t, "account", conf[t], tuple(sorted(d))) for t, d in sorted(texts.items())
                        if t != label and _words(t) & known)
        docs = tuple(sorted({d for d, _ in refs}))
        entities.append(Entity(key=key, type="Account", label=label, aliases=aliases, doc_ids=docs, attributes=attrs))
    return entities


def _words(text: str) -> set[str]:
    """Folded words of a name, genitive -s removed too ("Trumps" -> {"trumps", "trump"})."""
    out = set()
    for w in re.split(r"[^\w]+", fold(text)):
        if len(w) >= 2:
            out.add(w)
            if w.endswith("s") and len(w) > 3:
                out.add(w[:-1])
    return out


def _resolve(doc_id: str, idx: int | None, ag: ArticleGroups, mention_entity: dict[tuple[str, int], str]) -> str | None:
    if idx is None or idx not in ag.roots:
        return None
    return mention_entity.get((doc_id, idx)) or mention_entity.get((doc_id, ag.roots[idx]))
