"""`kg remove`: drop an article and everything only it supported."""
from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    app.command("remove")(remove)


def remove(
    article_ids: list[str] = typer.Argument(..., help="Article ids as shown in report.json / manifest.json.",
                                            metavar="ARTICLE_IDS...", show_default=False),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="The build folder.", metavar="OUT"),
    html: bool = typer.Option(True, "--html/--no-html", help="Rewrite graph.html."),
) -> None:
    """Remove articles from a build without re-processing the others."""
    from kg.builder import run_build

    result = run_build([], out, remove=article_ids, html=html)
    graph = result.graph
    typer.echo(f"removed {', '.join(article_ids)}: {len(result.analyses)} articles, "
               f"{len(graph.entities)} entities, {len(graph.edges)} relations remain")
