"""Building the spaCy pipeline: an official model when installed, else blank + HanTa + rules."""
from __future__ import annotations

from functools import lru_cache

import spacy

from kg.nlp import hanta, ner, sentences  # noqa: F401 - registers the custom components
from kg.nlp.names import data_hash

VERSION = "1"
MODELS = {
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}
MAX_CHARS = 20_000_000


def _official(lang: str) -> str | None:
    for name in MODELS.get(lang, ()):
        if spacy.util.is_package(name):
            return name
    return None


@lru_cache(maxsize=4)
def load_pipeline(lang: str = "de") -> spacy.Language:
    """The NLP pipeline for ``lang`` ("de" or "en"), built once per process."""
    lang = lang if lang in MODELS else "de"
    model = _official(lang)
    if model:
        nlp = spacy.load(model, exclude=["lemmatizer"] if lang == "en" else [])
        nlp.add_pipe("kg_ner", config={"lang": lang}, last=True)
    else:
        nlp = spacy.blank(lang)
        nlp.add_pipe("kg_sentences")
        nlp.add_pipe("kg_hanta", config={"lang": lang})
        nlp.add_pipe("kg_ner", config={"lang": lang})
    nlp.max_length = MAX_CHARS
    return nlp


@lru_cache(maxsize=4)
def pipeline_info(lang: str = "de") -> dict:
    """Name, version and components of the pipeline ``load_pipeline(lang)`` returns."""
    lang = lang if lang in MODELS else "de"
    model = _official(lang)
    if model:
        from importlib.metadata import version

        try:
            mv = version(model)
        except Exception:  # noqa: BLE001
            mv = "?"
        return {"name": f"{model}+kg-rules/{VERSION}", "version": f"{VERSION}+{model}-{mv}+lexicon-{data_hash()}",
                "official_model": True, "lang": lang,
                "components": [model, "kg_ner"]}
    return {"name": f"kg-{lang}-hanta/{VERSION}", "version": f"{VERSION}+lexicon-{data_hash()}",
            "official_model": False, "lang": lang,
            "components": ["tokenizer", "kg_sentences", "kg_hanta", "kg_ner"]}
