"""Errors the command line turns into exit codes."""


class CliError(Exception):
    """Invalid input or usage: reported as one ``error:`` line with exit code 2."""
