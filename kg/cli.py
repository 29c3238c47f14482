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


def _version(value: bool) -> None:
    if value:
        import kg

        typer.echo(f"kg {kg.__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show kg's version and exit."),
) -> None:
    """Knowledge graphs from news articles: entities, relations and events with evidence."""


def _click():
    """The click that typer runs on: its own copy since typer 0.22, the click package before."""
    try:
        from typer import _click as click
    except ImportError:  # pragma: no cover - older typer
        import click
    return click


def _plain_help() -> None:
    """Help in click's plain words: ``--out OUT``, ``--workers INTEGER``, ``INPUTS...``, ``[QUERY]``.

    typer 0.2x writes ``<bool>`` beside flags, ``<path>`` beside options and ``{inputs}...`` in the usage
    line; these two methods give the metavar, the click type name or nothing for a flag instead.
    """
    from typer import core

    click = _click()

    def display_type_rich(self, ctx: click.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if getattr(self, "is_flag", False) or getattr(self, "is_bool_flag", False):
            return None
        label = self.display_type(ctx).strip("<>")
        if self.type_descriptor.is_choice:
            return label
        if label.startswith("list["):  # a repeatable option: the type of one value
            label = label[5:-1]
        return {"str": "TEXT", "int": "INTEGER", "float": "NUMBER"}.get(label, label.upper())

    def usage_pieces(self, ctx: click.Context) -> list[str]:
        if getattr(self, "hidden", False):  # a deprecated spelling
            return []
        name = self.metavar or self.name.upper()
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return [name if self.required else f"[{name}]"]

    core.TyperOption.display_type_rich = display_type_rich
    core.TyperArgument.display_type_rich = lambda self, ctx: None  # the name column already says it
    core.TyperArgument.get_usage_pieces = usage_pieces


_plain_help()

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
    importlib.import_module(f"kg.commands.{_name}").register(app)


def main() -> None:
    """Run the app, turning KgError into one clean line; ends in SystemExit (safe to call in-process)."""
    raise SystemExit(_run())


def console() -> None:
    """The `kg` console script: like main(), then the process ends at once (see _exit_now)."""
    _exit_now(_run())


def _run() -> int | str | None:
    """Run the app; the exit code (typer always ends with SystemExit)."""
    from kg.errors import KgError

    click = _click()

    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        code = app(prog_name="kg", standalone_mode=False)
    except SystemExit as exc:
        return exc.code
    except click.exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help())
        return 0
    except click.ClickException as exc:  # a usage error: one line, as every other error
        where = f" (see {exc.ctx.command_path} --help)" if getattr(exc, "ctx", None) else ""
        typer.echo(f"kg: error: {exc.format_message().replace('Value error, ', '')}{where}", err=True)
        return exc.exit_code
    except typer.Abort:
        typer.echo("kg: interrupted", err=True)
        return 130
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
    return code if isinstance(code, int) else 0


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
