"""Errors the command line turns into exit codes."""


class CliError(Exception):
    """Invalid input or usage: reported as one ``error:`` line with exit code 2."""

    exit_code = 2


class CliFailure(CliError):
    """The command could not do its job for an outside reason (e.g. Discord unreachable):
    one ``error:`` line and exit code 1, so a supervisor restarts it."""

    exit_code = 1
