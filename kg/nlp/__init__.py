"""kg's NLP stage: German (and English) spaCy pipeline, typed names, mentions.

Importing this package registers the custom spaCy components, so forked
workers and Dask workers can build the pipeline after a plain import.

    nlp = load_pipeline("de")
    doc = nlp(document.text)
    sentences, mentions = extract_mentions(doc, document)
"""
from __future__ import annotations

from kg.nlp.lang import detect_language
from kg.nlp.loader import load_pipeline, pipeline_info
from kg.nlp.mentions import extract_mentions

__all__ = ["detect_language", "extract_mentions", "load_pipeline", "pipeline_info"]
