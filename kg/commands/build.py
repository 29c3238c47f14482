"""`kg build`: articles in, graph.trig + graph.html + report.json out."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("build")(build)


def build(
    inputs: list[Path] = typer.Argument(..., help="Files or folders of .txt, .md, .html, .jsonl articles.",
                                        metavar="INPUTS...", show_default=False),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder.", metavar="OUT"),
    add: bool = typer.Option(False, "--add", help="Add these articles to the existing build in OUT (no re-processing of old ones)."),
    curation: Path | None = typer.Option(None, "--curation", help="YAML file of merge/split/rename/retype/drop decisions."),
    links: Path | None = typer.Option(None, "--links", help="CSV of known entities (label,type,wikidata,gnd) for owl:sameAs links."),
    workers: int = typer.Option(1, "--workers", "-w", help="Worker processes for NLP (a local Dask cluster when > 1 and --dask is given as 'local')."),  # noqa: E501
    dask: str | None = typer.Option(None, "--dask", help="Run per-article stages on a Dask scheduler: tcp://HOST:PORT, or 'local'."),
    store: str | None = typer.Option(None, "--store", help="Also load the graph into an Oxigraph server at http://HOST:PORT."),
    cache: bool = typer.Option(True, "--cache/--no-cache", help="Reuse analyses of unchanged articles."),
    html: bool = typer.Option(True, "--html/--no-html", help="Write graph.html."),
    validate: bool | None = typer.Option(None, "--validate/--no-validate", help="SHACL-validate the graph (default: on up to 200 articles)."),  # noqa: E501
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Read symlinks that lead out of an input folder (skipped by default)."),
) -> None:
    """Build a knowledge graph from news articles."""
    from kg.builder import run_build
    from kg.commands._progress import progress_bar
    from kg.executors import make_runner

    runner = make_runner(workers=workers, dask=dask)
    with progress_bar(enabled=not quiet, inputs=inputs) as progress:
        result = run_build(
            inputs, out, add=add, curation=curation, links=links, use_cache=cache, html=html,
            validate=validate, run_batch=runner, progress=progress, store_url=store, follow_links=follow_links,
        )
    _summarise(result, out)
    if result.failed:
        raise typer.Exit(1)


def _summarise(result, out: Path) -> None:
    for status in result.statuses:
        if status.status in ("skipped", "failed"):
            typer.echo(f"kg: {status.status} {status.source}: {status.reason}", err=True)
    from kg.builder import relation_counts

    graph = result.graph
    relations, said = relation_counts(graph)
    typer.echo(
        f"{len(result.analyses)} articles ({_counts(result)}) -> "
        f"{len(graph.entities)} entities, {relations} relations ({said} of them said), {len(graph.events)} events"
    )
    typer.echo(f"wrote {out / 'graph.trig'}, {out / 'graph.html'}, {out / 'report.json'}")


def _counts(result) -> str:
    """``998 from cache`` or ``3 new, 995 from cache, 1 skipped``: what the build did with each input;
    with --add, ``kept`` counts the articles of the earlier build."""
    counts = result.counts()
    built = counts.pop("built", 0)
    cached = sum(1 for s in result.statuses if s.status == "built" and s.reason.startswith("unchanged"))
    parts = {"new": built - cached, "from cache": cached, "kept": len(result.analyses) - built,
             **dict(sorted(counts.items()))}
    return ", ".join(f"{n} {k}" for k, n in parts.items() if n > 0) or "none"
