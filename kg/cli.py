"""The `kg` command line: each command lives in its own module under kg/commands.

Modules import heavy libraries (spaCy, rdflib) inside their command functions,
so `kg --help` stays fast.
"""
from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="kg",
    help="Knowledge graphs from news articles: entities, relations and events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines register(app) and adds its own command(s).
COMMAND_MODULES = (
    "build",
    "query",
    "view",
    "evaluate",
    "info",
    "entities",
    "conflicts",
    "validate",
    "serve",
    "export",
    "remove",
)

for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"kg.commands.{_name}")
    except ModuleNotFoundError as exc:  # a command not written yet
        if exc.name != f"kg.commands.{_name}":
            raise
        continue
    _module.register(app)


def main() -> None:
    """Console entry point: run the app, turning KgError into one clean line."""
    from kg.errors import KgError

    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except KgError as exc:
        if debug:
            raise
        typer.echo(f"kg: error: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        raise SystemExit(130) from None
    except Exception as exc:  # last resort: never a traceback without --debug
        if debug:
            raise
        typer.echo(f"kg: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        raise SystemExit(70) from None


if __name__ == "__main__":
    main()
