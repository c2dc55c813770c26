"""The `rollover-bot` command line (contract: docs/cli.md).

Each subcommand lives in its own module exposing ``register(subparsers)``; the handler it
sets returns the exit code. Usage errors print one ``error:`` line and exit 2.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import io
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from typing import IO, NoReturn

from bot.cli import ask, calc, faq, service
from bot.cli.common import access_mode
from bot.cli.errors import NO_ROOM as _NO_ROOM
from bot.cli.errors import CliError, readable, warning_line
from calculators.limits import LimitsTableError
from calculators.money import TIMES

log = logging.getLogger("rollover_bot.cli")


class Parser(argparse.ArgumentParser):
    """argparse, but errors are a single friendly line instead of usage text plus message."""

    #: What this parser was given, for error's hint.
    _given: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        self.exit(
            2, f"error: {readable(message + self._dash_hint(message))} (try '{self.prog} --help')\n"
        )

    def _dash_hint(self, message: str) -> str:
        """A value missing while something that begins with "-" was given that is no
        option: a question such as "-inf" or "-x", which argparse took for an option
        ("required: question" said nothing of why)."""
        required = "the following arguments are required: "
        missing = message.removeprefix(required).split(", ")
        if not message.startswith(required) or all(m.startswith("-") for m in missing):
            return ""  # (only options missing: their values may begin with "-")
        given = list(self._given)
        given = given[: given.index("--")] if "--" in given else given
        strays = [
            a for a in given
            if a.startswith("-") and a != "-" and a.split("=")[0] not in self._option_string_actions
        ]  # fmt: skip
        if not strays:
            return ""
        # (The command as it can be pasted into a shell: quoted only where it needs it.)
        pasted = f"{self.prog} -- {shlex.quote(strays[0])}"
        return f"; to give '{strays[0]}' as a value, put it after '--' ({pasted})"

    def print_help(self, file: IO[str] | None = None) -> None:
        """The help written here: argparse drops a failed write without a word (a closed
        standard output, or a full disk with PYTHONUNBUFFERED), and --help exited 0 with
        nothing shown. Raised, it ends as any command's output that cannot be written."""
        (file or sys.stdout).write(self.format_help())

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """A subcommand refuses what it does not know itself, so the hint names its own
        help ('rollover-bot calc split --help'), not the top-level one."""
        self._given = list(sys.argv[1:] if args is None else args)
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and " " in self.prog:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def build_parser() -> Parser:
    parser = Parser(
        prog="rollover-bot",
        description="Answers after-tax 401(k) rollover questions and runs the calculators.",
    )
    parser.set_defaults(faq_dir=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in (ask, faq, calc, service):
        module.register(sub)
    _given_once(parser)
    return parser


class _Once(argparse._StoreAction):
    """An option's value, given once: argparse silently keeps the last of two, and a
    calculator run on the number the user did not mean is a confident wrong answer, as
    are commands registered in the second --guild only, or a report of the second --db."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # type: ignore[override]
        seen = namespace.__dict__.setdefault("_given", {})
        if self.dest in seen:
            # (a --db URL is shown without its password, as everywhere)
            shown = faq.label if self.dest == "db" else str
            first, then = shown(seen[self.dest]), shown(values)
            raise argparse.ArgumentError(self, f"given twice ({first}, then {then}); give it once")
        seen[self.dest] = values
        super().__call__(parser, namespace, values, option_string)


def _given_once(parser: argparse.ArgumentParser) -> None:
    """Every option taking a value, in every subcommand, refuses a second one."""
    for action in parser._actions:
        if type(action) is argparse._StoreAction:
            action.__class__ = _Once
        elif isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _given_once(child)


class _Warning(logging.Formatter):
    """A log record as a one-line ``warning:`` (a one-shot command, not the running bot):
    the exit code and any ``error:`` line say whether the command failed; this is said on
    the way (the last complete FAQ could not be kept, say). A fault's record comes with
    its traceback instead."""

    def format(self, record: logging.LogRecord) -> str:
        message = " ".join(record.getMessage().split())
        if record.exc_info:
            # A fault (log.exception): its traceback is what a bug report needs, shown
            # above the `error:` line that follows, and it is no mere warning.
            return f"{message}:\n{self.formatException(record.exc_info).rstrip()}"
        return warning_line(message)


#: Used by logging only while no handler is set up, as before ``run`` or ``console`` set
#: up the bot's logging: Python's own last resort printed the bare message.
_LAST_RESORT = service.CurrentStderr()
_LAST_RESORT.setLevel(logging.WARNING)
_LAST_RESORT.setFormatter(_Warning())

#: (errors.NO_ROOM: a closed standard output is _OutputClosed, and a bad file descriptor
#: elsewhere is a fault to trace.)


class _OutputClosed(OSError):
    """Writing to a standard output the command started without."""


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command started with it closed (`>&-`: Python makes it
    None, which print() writes to without a word and flush() faults on) or open for
    reading only (`1</dev/null`). Writing now fails, so the command says its output is
    lost."""

    def __init__(self, why: str) -> None:
        super().__init__()
        self.why = why

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise _OutputClosed(errno.EBADF, self.why)


def _unwritable(stream: IO[str] | None, name: str) -> str | None:
    """Why a standard stream (``name``) cannot be written, when that is known before
    writing."""
    if stream is None:
        return f"{name} is closed"
    mode = access_mode(stream)  # (None, not a file, as under a test's capture: written)
    return f"{name} is open for reading only" if mode == os.O_RDONLY else None


def _unwritable_stdout() -> str | None:
    """Why standard output cannot be written, when that is known before writing."""
    return _unwritable(sys.stdout, "standard output")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    logging.lastResort = _LAST_RESORT
    if (why := _unwritable_stdout()) is not None:
        sys.stdout = _ClosedOutput(why)
    if _unwritable(sys.stderr, "standard error") is not None:
        # (`2>&-`: Python makes it None, and print(file=None) wrote the `error:` and
        # `warning:` lines to standard output, into --json's one object; opened for reading,
        # writing them failed and a warning became an internal fault. Unsaid, the exit code
        # still tells.)
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit
    _lenient_stdout()
    try:
        parser = build_parser()  # (reads the year table: calc room's --help lists its years)
        args = parser.parse_args(args_list)
        handler = getattr(args, "handler", service.handle_default)
        code = int(handler(args))
        sys.stdout.flush()  # a write that fails (a full disk) fails here, not at exit
        return code
    except CliError as exc:
        print(f"error: {readable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except LimitsTableError as exc:
        # The data file a moderator edits for next year's figures: not the command's input,
        # and no fault to trace either.
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. piped into `head`): stop quietly, like other tools.
        _silence_stdout()
        return 0
    except SystemExit as exc:  # argparse --help / usage errors
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # (`--help | head -1`: quiet, as below)
            _silence_stdout()
            return 0
        except OSError as error:
            return _no_room(error)
        return exc.code if isinstance(exc.code, int) else 0
    except OSError as exc:
        return _no_room(exc)
    except Exception as exc:
        if (stop := _interruption(exc)) is not None:
            return 0 if isinstance(stop, service.Terminated) else 130
        return _internal_fault()


def _interruption(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C (or the console's SIGTERM) behind an error, if one is. Python 3.11 wraps
    one that comes while a class is made (``__set_name__``: a library imported as the FAQ
    loads) in a RuntimeError, and Ctrl-C then read as an unexpected internal fault."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _lenient_stdout() -> None:
    """A character the terminal's encoding lacks (an ASCII locale, PYTHONIOENCODING) is
    shown as '?', not a fault that loses the whole answer; a multiplication sign as the
    letter x ("$5.00 ? 24%" would lose the sum)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        codecs.register_error(_LENIENT, _stand_in)
        reconfigure(errors=_LENIENT)


_LENIENT = "rollover-bot-replace"


def _stand_in(exc: UnicodeError) -> tuple[str, int]:
    """The error handler of ``_lenient_stdout``: what the encoding cannot write, as '?'
    or, for a multiplication sign, x."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    lacking = exc.object[exc.start : exc.end]
    return "".join("x" if c == TIMES else "?" for c in lacking), exc.end


def _no_room(exc: OSError) -> int:
    """A full disk (or `> /dev/full`): the machine's problem, not a fault to trace."""
    if exc.errno not in _NO_ROOM and not isinstance(exc, _OutputClosed):
        return _internal_fault()
    _silence_stdout()
    print(f"error: cannot write the output: {exc.strerror}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """Stdout can no longer be written: point it at nothing, so exit raises no second error."""
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - kept open until exit


def _internal_fault() -> int:
    log.exception("unexpected internal fault")
    print("error: unexpected internal fault; the details were logged above", file=sys.stderr)
    return 1
