"""`rollover-bot run | console | sync`, and what bare `rollover-bot` does."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Coroutine, Iterator
from typing import TYPE_CHECKING, Any

from bot.cli.common import (
    add_faq_dir,
    json_text,
    serving_knowledge,
    settings,
    unreadable_stdin,
)
from bot.cli.errors import CliError, CliFailure
from calculators.parse import shown

if TYPE_CHECKING:
    from bot.settings import Settings

# discord.py, the bot and the console are imported by the handlers that need them: the
# command line starts in a fraction of the time for everything else (calc, faq, ask).

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="connect to Discord (token from DISCORD_TOKEN)")
    add_faq_dir(run)
    run.set_defaults(handler=handle_run)

    con = sub.add_parser("console", help="try the bot locally: questions and calculators")
    add_faq_dir(con)
    con.set_defaults(handler=handle_console)

    sync = sub.add_parser("sync", help="register the slash commands with Discord")
    sync.add_argument(
        "--guild", type=_guild_id, metavar="ID", help="one server (instant) instead of global"
    )
    sync.add_argument(
        "--print",
        action="store_true",
        dest="print_only",
        help="print the commands as JSON instead of registering them (no token, no network)",
    )
    sync.add_argument(
        "--remove",
        action="store_true",
        help="with --guild: take that server's own copy away (the global commands stay)",
    )
    add_faq_dir(sync)
    sync.set_defaults(handler=handle_sync)


class CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time, not the one at start-up (tests and
    embedding callers swap it), so a replaced stream never breaks logging."""

    @property  # type: ignore[override]
    def stream(self):  # StreamHandler's own attribute, read on every write
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


# One handler for the process: calling main() again must not add a second one.
_LOG_HANDLER = CurrentStderr()


def _setup_logging(level: str) -> None:
    import discord

    discord.utils.setup_logging(handler=_LOG_HANDLER, level=logging.getLevelName(level))


def _check_token(cfg: Settings) -> None:
    """A missing or malformed token is the operator's to fix: say so before the slow part
    (loading and training the FAQ)."""
    from bot.startup import StartupError, token_of

    try:
        token_of(cfg)
    except StartupError as exc:
        raise CliError(str(exc)) from None


def handle_run(args: argparse.Namespace) -> int:
    cfg = settings()
    _check_token(cfg)
    from bot import runner  # discord.py: loaded once the token at least looks right
    from bot.reachability import DiscordUnreachable

    try:
        # SIGTERM before the event loop takes it (loading the FAQ, seconds when its matcher
        # is trained) is a stop asked for too, as Ctrl-C is meanwhile, not a kill (143).
        with _terminated_raises():
            kb, fallback = serving_knowledge(args)
            _setup_logging(cfg.log_level)
            stopped_by = asyncio.run(_until_stopped(runner.run(cfg, kb, fallback=fallback)))
            if stopped_by is not None:  # (the log said the stop began: it says it ended)
                log.info("stopped: the gateway connection and the database are closed")
    except Terminated:
        return 0
    except runner.ServiceDown as exc:
        raise CliFailure(str(exc)) from None
    except runner.StartupError as exc:
        raise CliError(str(exc)) from None
    except DiscordUnreachable as exc:
        raise CliFailure(str(exc)) from None
    # A stop asked for is a success (exit 0, as systemd expects of SIGTERM); Ctrl-C is an
    # interruption (130), as everywhere.
    return 130 if stopped_by == signal.SIGINT else 0


async def _until_stopped(serve: Coroutine[Any, Any, None]) -> int | None:
    """Serve until done, or until SIGTERM (`systemctl stop`, `docker stop`, `kill`) or
    Ctrl-C (SIGINT), either of which stops the bot cleanly: the gateway connection and the
    database are closed. Returns the signal that stopped it (None: not stopped by one).
    A second signal of either kind during the stop ends the process at once, killed by the
    first (a shell shows 130 after Ctrl-C, 143 after SIGTERM): a stop cut short is no clean
    one, and the database's thread, not closed, would keep the process alive."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    began: int | None = None

    def stop(signum: int) -> None:
        nonlocal began
        began = signum
        # (An idle bot's log ended at "connected as ...": a clean stop looked like a kill.)
        log.info("%s: stopping (a second signal ends it at once)", signal.Signals(signum).name)
        for each in _STOPS:
            loop.remove_signal_handler(each)
            signal.signal(each, lambda *_: _die_of(signum))  # (left in place: exiting)
        task.cancel()

    # (Windows' loops have no signal handlers, nor has a thread other than the main one:
    # Ctrl-C is asyncio.run's there, a KeyboardInterrupt)
    with contextlib.suppress(NotImplementedError, RuntimeError):
        for each in _STOPS:
            loop.add_signal_handler(each, stop, each)
    try:
        await serve
    except asyncio.CancelledError:
        if began is None:
            raise
    return began


_STOPS = (signal.SIGTERM, signal.SIGINT)


def _die_of(signum: int) -> None:
    """End the process at once as ``signum`` does by default."""
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)


def _guild_id(text: str) -> int:
    """A server id as Discord shows it (a snowflake: a positive 64-bit number, at most 20
    digits: a longer paste is refused before int(), which refuses past 4,300 digits).
    Spaces around it, as a copy from a chat or a document brings, are not part of it."""
    refused = argparse.ArgumentTypeError(
        f"{shown(text)} is not a server id; copy it in Discord (Developer Mode, then "
        "right-click the server, Copy Server ID)"
    )
    digits = text.strip(" \t")
    if len(digits) > 20:
        raise refused
    if not (digits.isascii() and digits.isdigit()) or not 0 < int(digits) < 2**64:
        raise refused
    return int(digits)


def handle_sync(args: argparse.Namespace) -> int:
    if args.remove and args.guild is None:
        # Removing the global commands would take them from every server at once.
        raise CliError("--remove needs --guild ID: it takes one server's own copy away")
    if args.remove and args.print_only:
        raise CliError("--remove and --print together: --print shows what sync registers")
    cfg = settings()
    if not args.print_only:
        _check_token(cfg)
    from bot import runner
    from bot.reachability import DiscordUnreachable

    kb, _ = serving_knowledge(args)
    if args.print_only:
        payload = asyncio.run(runner.command_payload(cfg, kb))
        print(json_text(payload, indent=2))
        return 0
    _setup_logging("WARNING")
    try:
        names = asyncio.run(runner.sync(cfg, kb, args.guild, remove=args.remove))
    except runner.StartupError as exc:
        raise CliError(str(exc)) from None
    except DiscordUnreachable as exc:
        raise CliFailure(str(exc)) from None
    if args.remove:
        print(f"removed server {args.guild}'s own copy of the commands; the global ones stay")
        return 0
    where = (
        f"in server {args.guild}" if args.guild else "globally (may take up to an hour to appear)"
    )
    print(f"synced {len(names)} commands {where}: {', '.join(names)}")
    if args.guild is None:
        # Discord shows a server's own copy beside the global commands: each twice.
        print(
            "A server you synced with --guild (to try the bot) keeps its own copy: members "
            "there see each command twice until you run 'rollover-bot sync --guild ID --remove'."
        )
    return 0


def handle_console(args: argparse.Namespace) -> int:
    from bot import console

    if (why := unreadable_stdin()) is not None:
        raise CliError(f"{why}; the console reads what you type from it")
    # A byte the input's encoding lacks (a Windows-1252 file piped in, where decoding is
    # strict) reads as U+FFFD, as in `ask -`: one bad line must not end the session.
    if (reconfigure := getattr(sys.stdin, "reconfigure", None)) is not None:
        reconfigure(errors="replace")
    try:
        # (SIGTERM while the FAQ loads, seconds when its matcher is trained, is a stop asked
        # for too, as Ctrl-C is meanwhile: it killed the console, 143)
        with _terminated_raises():
            kb, fallback = serving_knowledge(args)
            return console.run(kb, sys.stdin, sys.stdout, broken=fallback is not None)
    except Terminated:  # (a stop asked for: the console's session ends as at Ctrl-C)
        return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM in the console: it stops as at Ctrl-C (the line ended, the terminal given
    back as it was), as a stop asked for (exit 0)."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _terminated_raises() -> Iterator[None]:
    """SIGTERM raises Terminated meanwhile (the console; `run` until its event loop takes
    SIGTERM over), unless not the main thread: an embedding caller's, whose signals are
    its own."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:
        previous = None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def handle_default(args: argparse.Namespace) -> int:
    """Bare `rollover-bot`: run when a token is configured, otherwise the console."""
    from bot.startup import has_token

    if has_token(settings()) or _input_is_devnull():
        # (/dev/null: a service, systemd's or `docker run` without -i, its token not read.
        # The console read nothing there and exited 0: a service "stopped", not failed.)
        return handle_run(args)
    print("No Discord token configured (DISCORD_TOKEN); starting the local console instead.")
    return handle_console(args)


def _input_is_devnull() -> bool:
    """Whether standard input is /dev/null, where no one can type."""
    import os

    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(os.devnull))
    except (AttributeError, OSError, ValueError):  # (closed, swapped, or no such device)
        return False
