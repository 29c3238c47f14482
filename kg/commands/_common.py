"""What the commands share, so they speak one dialect: the build folder is ``--out/-o OUT``
(default ``out``) everywhere, output formats are ``--format text|json|csv`` choices, and a
folder that is not a build is one error line (exit 2) before any slow work.

A build folder given the old way, as a positional argument, still works with a note on stderr;
so does ``--json`` (now ``--format json``).
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kg.errors import InputError, OutputError


class Format(str, Enum):
    """Output of the listing commands (query, entities)."""

    text = "text"
    json = "json"
    csv = "csv"


class ReportFormat(str, Enum):
    """Output of the report commands (evaluate, conflicts, validate): no table to put in CSV."""

    text = "text"
    json = "json"


class EntityType(str, Enum):
    """Ontology classes an entity of a build has (kg.records.CLASS_OF_LABEL and the unknown Agent)."""

    Person = "Person"
    Organization = "Organization"
    MediaOrganization = "MediaOrganization"
    Location = "Location"
    Account = "Account"
    Agent = "Agent"


def entity_type(value: str | None) -> str | None:
    """``--type``: an EntityType in any case, as the graph spells it; anything else names the choices."""
    if value is None:
        return None
    for choice in EntityType:
        if choice.value.casefold() == value.casefold():
            return choice.value
    raise typer.BadParameter(f"{value!r} is not one of {', '.join(t.value for t in EntityType)}")


def out_option(help: str = "Build folder (written by `kg build`).") -> Path:
    return typer.Option(Path("out"), "--out", "-o", help=help, metavar="OUT")


def legacy_out_argument() -> Path | None:
    return typer.Argument(None, hidden=True, metavar="OUT", show_default=False)


def json_alias_option() -> bool:
    return typer.Option(False, "--json", hidden=True, help="Deprecated: --format json.")


def build_folder(out: Path, legacy: Path | str | None = None, *, graph_file_ok: bool = False) -> Path:
    """The build folder to read: ``--out``, or the deprecated positional; it must hold graph.trig."""
    if legacy is not None:
        if out != Path("out") and Path(legacy) != out:
            raise InputError(f"two build folders given ({legacy} and --out {out}); give it once, as --out")
        typer.echo(f"kg: note: a positional build folder is deprecated; use --out {legacy}", err=True)
        out = Path(legacy)
    if graph_file_ok and out.is_file():
        return out
    if not (out / "graph.trig").is_file():
        what = "no such folder" if not out.exists() else "not a kg build (no graph.trig)"
        raise OutputError(f"{out}: {what}; build one with `kg build INPUTS --out {out}`")
    return out


def report_format(fmt: ReportFormat | Format, as_json: bool) -> str:
    """The chosen format's name; the deprecated ``--json`` wins, with a note."""
    if as_json:
        typer.echo("kg: note: --json is deprecated; use --format json", err=True)
        return "json"
    return fmt.value
