"""Errors the command line turns into exit codes."""

import errno

#: Write failures that say the disk or device is full or failing, not that the code is
#: wrong, nor that the path given is (exit 1, not 2).
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO})


class CliError(Exception):
    """Invalid input or usage: reported as one ``error:`` line with exit code 2."""

    exit_code = 2


class CliFailure(CliError):
    """The command could not do its job for an outside reason (e.g. Discord unreachable):
    one ``error:`` line and exit code 1, so a supervisor restarts it."""

    exit_code = 1
