"""Relation, event, quote and fact extraction from one analysed article.

``extract_article`` runs the registered extractors in order over a shared
Context (later ones use what earlier ones found: events resolve "der
Deutsche" through nationality, "ein X-Mitarbeiter" through employment).
Each extractor has a versioned name carried on every Evidence it makes;
``extractor_versions`` lists them for the build cache fingerprint.
"""
from __future__ import annotations

from collections.abc import Callable

from kg.records import ArticleAnalysis, Document, Mention, Sentence

Extractor = Callable[["Context"], None]  # noqa: F821 - imported lazily below

_REGISTRY: list[tuple[str, Extractor, tuple[str, ...]]] = []


def register(name: str, func: Extractor, langs: tuple[str, ...] = ("de",)) -> None:
    """Plug an extractor in under a versioned name ("employment/1") for some languages; registration order is run order."""
    if any(n == name for n, _, _ in _REGISTRY):
        raise ValueError(f"extractor {name} registered twice")
    _REGISTRY.append((name, func, langs))


def _defaults() -> None:
    if _REGISTRY:
        return
    from kg.extract import (
        accounts,
        employment,
        english,
        events,
        facts,
        interview,
        nationality,
        places,
        reporting,
        said,
    )

    register(accounts.NAME, accounts.extract_accounts)
    register(nationality.NAME, nationality.extract_nationality)
    register(employment.NAME, employment.extract_employment)
    register(reporting.NAME, reporting.extract_reporting)
    register(reporting.QUOTE_NAME, reporting.extract_quotes)
    register(said.NAME, said.extract_speech, ("de", "en"))
    register(interview.NAME, interview.extract_interview, ("de", "en"))
    register(events.NAME, events.extract_events)
    register(events.FLAG_NAME, events.extract_flags)
    register(facts.NAME, facts.extract_facts)
    register(places.NAME, places.extract_places)
    register(english.NAME, english.extract_english, ("en",))


def extractor_versions() -> list[str]:
    _defaults()
    return [name for name, _, _ in _REGISTRY]


def extract_article(doc: object, document: Document, sentences: tuple[Sentence, ...] | list[Sentence],
                    mentions: tuple[Mention, ...] | list[Mention]) -> ArticleAnalysis:
    """Relations, events, quotes and facts of one article (``doc`` is the spaCy Doc; unused by the rules)."""
    from kg.extract.context import Context
    from kg.extract.merge import attribute_to_speakers, merge_events

    _defaults()
    ctx = Context.build(document, sentences, mentions, doc)
    ctx.mentions.propagate_names()
    lang = document.lang if any(document.lang in langs for _, _, langs in _REGISTRY) else "de"
    for _, func, langs in _REGISTRY:
        if lang in langs:
            func(ctx)
    merge_events(ctx)
    attribute_to_speakers(ctx)
    return ArticleAnalysis(
        document=document,
        sentences=tuple(sentences),
        mentions=tuple(ctx.mentions),
        relations=tuple(ctx.results.relations),
        events=tuple(ctx.results.events),
        quotes=tuple(ctx.results.quotes),
        facts=tuple(ctx.results.facts),
    )
