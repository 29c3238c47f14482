"""Errors that reach the user as one clear line (see kg.cli.main)."""


class KgError(Exception):
    """A user-facing error: the message names the file and the problem."""

    exit_code = 2


class InputError(KgError):
    """An input file or argument is unusable."""


class OutputError(KgError):
    """An output folder is missing, locked or not a kg build."""
