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
    """Run the app, turning KgError into one clean line; ends in SystemExit (safe to call in-process)."""
    raise SystemExit(_run())


def console() -> None:
    """The `kg` console script: like main(), then the process ends at once (see _exit_now)."""
    _exit_now(_run())


def _run() -> int | str | None:
    """Run the app; the exit code (typer always ends with SystemExit)."""
    from kg.errors import KgError

    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except SystemExit as exc:
        return exc.code
    except KgError as exc:
        if debug:
            raise
        typer.echo(f"kg: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("kg: interrupted", err=True)
        return 130
    except Exception as exc:  # last resort: never a traceback without --debug
        if debug:
            raise
        typer.echo(f"kg: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        return 70
    return 0


def _exit_now(code: int | str | None) -> None:
    """Exit without tearing the interpreter down: after a large build, freeing its heap
    (pipeline, gazetteers, caches) object by object takes longer than writing the page.
    atexit handlers still run and the standard streams are flushed first."""
    import atexit
    import os

    atexit._run_exitfuncs()
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed or broken pipe: nothing more to say
            pass
    os._exit(code or 0)


if __name__ == "__main__":
    console()
