"""Accounts: derived ACCOUNT mentions become one Account per (kind, platform, owner).

Key "account/<platform-slug>/<owner-slug>" from the resolved owner and platform,
with the kind in the platform part ("facebook-page", "facebook-group", "web" for
an own website; a plain account keeps "twitter"): see kg.resolve.account_kind.
An account whose article names no platform joins the owner's one platform
account of its kind. An account without an owner is keyed by its own name
(group name, domain, handle).
"""
from __future__ import annotations

import re
from collections import defaultdict

from kg.records import Alias, ArticleAnalysis, Entity
from kg.resolve.account_kind import SITE, account_kind, account_label, name_slug, platform_slug
from kg.resolve.groups import ArticleGroups
from kg.resolve.names import clean, fold

_Ident = tuple[str, str | None, str, str]  # kind, platform key, owner key or "" , name ("" when owned)


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
    found: dict[_Ident, list[tuple[str, int]]] = defaultdict(list)
    names: dict[tuple[str, str, str], str] = {}  # (kind, owner, name key) -> the name as written first
    for a in analyses:
        doc_id = a.document.id
        ag = article_groups[doc_id]
        for i in ag.accounts:
            m = a.mentions[i]
            owner = _resolve(doc_id, m.owner, ag, mention_entity)
            platform = _resolve(doc_id, m.platform, ag, mention_entity)
            name = clean(m.norm) if m.norm else (m.text if m.text.startswith("@") else "")
            kind = account_kind(m.text, name)
            if kind == SITE:
                platform = None
            if owner is None and not name:
                continue
            ident = (kind, platform, owner or "", "" if owner else name_slug(name, doc_id))
            names.setdefault((kind, ident[2], ident[3]), name)
            found[ident].append((doc_id, i))
    with_platform: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, platform, owner, _ in found:
        if platform and owner:
            with_platform[(kind, owner)].add(platform)
    merged: dict[_Ident, list[tuple[str, int]]] = defaultdict(list)
    for (kind, platform, owner, nkey), refs in found.items():
        if platform is None and owner and kind != SITE and len(with_platform[(kind, owner)]) == 1:
            platform = next(iter(with_platform[(kind, owner)]))
        merged[(kind, platform, owner, nkey)].extend(refs)
    by_id = {a.document.id: a for a in analyses}
    alias_texts = alias_texts or {}
    entities = []
    for (kind, platform, owner, nkey), refs in sorted(merged.items(), key=lambda kv: (kv[0][2], kv[0][3], kv[0][1] or "",
                                                                                        kv[0][0])):
        key = f"account/{platform_slug(kind, _tail(platform) if platform else None)}/{_tail(owner) if owner else nkey}"
        name = names.get((kind, owner, nkey), "")
        plabel = labels.get(platform, _tail(platform)) if platform else None
        olabel = labels.get(owner, _tail(owner)) if owner else None
        label = account_label(kind, plabel, olabel, "" if owner else name)
        texts: dict[str, set[str]] = defaultdict(set)
        conf: dict[str, float] = {}
        for doc_id, i in refs:
            m = by_id[doc_id].mentions[i]
            for t in {clean(m.text)} | ({clean(m.norm)} if m.norm else set()):
                texts[t].add(doc_id)
                conf[t] = max(conf.get(t, 0.0), m.confidence)
            roots = article_groups[doc_id].roots
            for j, r in roots.items():
                if r == i:
                    mention_entity[(doc_id, j)] = key
        attrs = ((("owner", owner),) if owner else ()) + ((("platform", platform),) if platform else ())
        known = _words(labels.get(owner or "", "")) | _words(labels.get(platform or "", "")) | _words(name)
        known |= {w for e in (owner, platform) if e for a in alias_texts.get(e, ()) for w in _words(a)}
        # "Trumps Twitter-Account" names the account; a bare "Konto" only describes it: no alias
        aliases = tuple(Alias(t, "account", conf[t], tuple(sorted(d))) for t, d in sorted(texts.items())
                        if t != label and (_words(t) & known or t.startswith("@")))
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
