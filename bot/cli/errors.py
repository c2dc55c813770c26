"""Errors the command line turns into exit codes."""

import errno
import re

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


#: A byte of an argument that is not UTF-8 ("£1000" typed in a Latin-1 terminal): Python
#: keeps it as a lone surrogate, U+DC80 to U+DCFF, which an `error:` line showed as
#: '\udca31000', quoted (repr) or written as stderr escapes it. A quoted one is that escape
#: after an even number of backslashes (a typed backslash is quoted doubled).
_ESCAPED_BYTE = re.compile(r"(?<!\\)((?:\\\\)*)\\udc[89a-f][0-9a-f]")
_BYTE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "\ufffd"  # (what `ask` makes of such a byte in a question)


def readable(message: str) -> str:
    """An `error:` line's message with each byte that was not UTF-8 shown as U+FFFD, and
    why, once: an escape such as '\\udca3' means nothing to whoever typed "£"."""
    text = _BYTE.sub(NOT_UTF8, _ESCAPED_BYTE.sub(lambda m: m.group(1) + NOT_UTF8, message))
    if text == message:
        return message
    return (
        f"{text} ({NOT_UTF8} stands for bytes that are not UTF-8: the terminal's encoding "
        "is not UTF-8)"
    )


def warning_line(message: str) -> str:
    """A `warning:` line, its bytes that are not UTF-8 shown as an `error:` line shows
    them: a folder's name with one ('faq\\xff') was shown as the escape '\\udcff'."""
    return f"warning: {readable(message)}"
