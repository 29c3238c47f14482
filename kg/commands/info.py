"""`kg info`: which NLP pipeline, extractors and store kg uses on this machine."""
from __future__ import annotations

from enum import Enum

import typer


class Lang(str, Enum):
    de = "de"
    en = "en"


def register(app: typer.Typer) -> None:
    app.command("info")(info)


def info(lang: Lang = typer.Option(Lang.de, "--lang", help="Language of the pipeline to describe.")) -> None:
    """Show the active NLP pipeline and versions."""
    import pyoxigraph
    import spacy

    import kg
    from kg.extract import extractor_versions
    from kg.nlp import pipeline_info

    lang = lang.value
    details = pipeline_info(lang)
    typer.echo(f"kg {kg.__version__}  spaCy {spacy.__version__}  Oxigraph {pyoxigraph.__version__} (embedded store)")
    typer.echo(f"pipeline ({lang}): {details.get('name')}  official model: {'yes' if details.get('official_model') else 'no'}")
    components = details.get("components") or []
    if components:
        typer.echo("components: " + ", ".join(map(str, components)))
    typer.echo("extractors: " + ", ".join(sorted(extractor_versions())))
