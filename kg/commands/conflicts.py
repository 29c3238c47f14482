"""`kg conflicts [--out OUT]`: facts on which the sources disagree, each side with its articles."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.commands._common import ReportFormat, build_folder, json_alias_option, legacy_out_argument, out_option, report_format


def register(app: typer.Typer) -> None:
    app.command("conflicts")(conflicts)


def conflicts(
    out: Path = out_option(),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
    as_json: bool = json_alias_option(),
    legacy_out: Path | None = legacy_out_argument(),
) -> None:
    """List event dates, durations, facts (follower counts) and name spellings that sources disagree on."""
    import json

    from kg.conflicts import find_conflicts, render
    from kg.store import open_store

    out = build_folder(out, legacy_out)
    found = find_conflicts(open_store(out, ontology=False))
    if report_format(fmt, as_json) == "json":
        typer.echo(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=2))
    else:
        typer.echo(render(found))
