"""Helpers shared by CLI subcommands: settings and the knowledge base."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.errors import CliError, warning_line

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.base import Fallback, KnowledgeBase
    from knowledge.loader import Problem


def access_mode(stream: object) -> int | None:
    """How a standard stream's file is open (os.O_RDONLY, O_WRONLY or O_RDWR), or None
    when that cannot be known (not a file, as under a test's capture; not POSIX)."""
    try:
        import fcntl  # (POSIX only)

        fd = stream.fileno()  # type: ignore[attr-defined]
        return fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE
    except (ImportError, AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return None


def unreadable_stdin() -> str | None:
    """Why standard input cannot be read, when that is known before reading: closed
    (`<&-`: Python makes it None), or open for writing only (`0>file`, a slip for `0<`,
    or `0>&1` onto a pipe), where the first read failed as a bad file descriptor, an
    internal fault to the user."""
    if sys.stdin is None:
        return "standard input is closed"
    if access_mode(sys.stdin) == os.O_WRONLY:
        return "standard input is open for writing only"
    return None


def _folder(text: str) -> Path:
    if not text.strip():  # ("$FAQ_DIR" unset in a script): not the current folder
        raise argparse.ArgumentTypeError(
            "no folder given (an empty name); give one, or leave --faq-dir out"
        )
    from bot.settings import from_home

    # '~/faq' as the faq_dir setting reads it: no shell expands '--faq-dir=~/faq', nor a
    # systemd unit's ExecStart, and it was "does not exist" beside the setting that works.
    return from_home(Path(text))


def add_faq_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--faq-dir",
        type=_folder,
        metavar="DIR",
        help="folder of FAQ Markdown files (default: the faq_dir setting, else the shipped FAQ)",
    )


def settings() -> Settings:
    from bot.settings import SettingsError, env_file_values, load_settings
    from knowledge import cache, embedding

    try:
        cfg = load_settings()
    except SettingsError as exc:
        raise CliError(str(exc)) from None
    # (read again: .env may have changed)
    folder, switch = env_file_values("ROLLOVER_CACHE_DIR", "ROLLOVER_EMBEDDINGS")
    cache.use_env_file_folder(folder)
    embedding.use_env_file_switch(switch)
    return cfg


def faq_dir(args: argparse.Namespace, cfg: Settings) -> Path:
    from knowledge.loader import DEFAULT_FAQ_DIR

    return args.faq_dir or cfg.faq_dir or DEFAULT_FAQ_DIR


def faq_dir_named(args: argparse.Namespace, cfg: Settings) -> str:
    """Where faq_dir's folder was set, for an error about it: a mistyped ROLLOVER_FAQ_DIR
    left in a shell profile is found faster when the message names it."""
    if args.faq_dir:
        return "--faq-dir"
    if cfg.faq_dir:
        return "the faq_dir setting: ROLLOVER_FAQ_DIR, .env or settings.toml"
    return "the FAQ shipped with the bot: reinstall it"


def knowledge_base(args: argparse.Namespace) -> KnowledgeBase:
    """The FAQ as its files are now (for moderators' commands): a broken file is an error."""
    from knowledge.base import KnowledgeBase

    cfg = settings()
    folder = faq_dir(args, cfg)
    with _refused(folder, faq_dir_named(args, cfg)):
        return KnowledgeBase.load(folder, cfg.matching.tuning())


def serving_knowledge(args: argparse.Namespace) -> tuple[KnowledgeBase, Fallback | None]:
    """The FAQ to answer from: the files, or while one is broken their last complete
    version (a warning on stderr says so and why); an error only when there is none."""
    from knowledge.base import KnowledgeBase

    cfg = settings()
    folder = faq_dir(args, cfg)
    with _refused(folder, faq_dir_named(args, cfg)):
        kb, fallback = KnowledgeBase.load_or_last_good(folder, cfg.matching.tuning())
    if fallback is not None:
        print(warning_line(fallback.summary(folder)), file=sys.stderr)
    return kb, fallback


def require_folder(folder: Path, named: str = "--faq-dir") -> None:
    """A mistyped --faq-dir (or ROLLOVER_FAQ_DIR), or a folder the bot's user may not
    read, is said as such, with where it was ``named``, not as an FAQ with a problem to
    look up."""
    from knowledge.loader import folder_refusal

    if (refused := folder_refusal(folder)) is not None:
        raise CliError(f"cannot read the FAQ folder {folder} ({named}): {refused}")
    if not folder.is_dir():
        # Whole: a relative one is in the folder the command runs in (a systemd unit
        # without WorkingDirectory: /), which the operator had to guess.
        raise CliError(
            f"the FAQ folder {folder.absolute()} ({named}) does not exist or is not a folder"
        )


@contextlib.contextmanager
def _refused(folder: Path, named: str) -> Iterator[None]:
    from knowledge.loader import FaqInvalid

    try:
        yield
    except FaqInvalid as exc:
        require_folder(folder, named)  # (a mistyped or closed --faq-dir: nothing to validate)
        raise CliError(faq_problems(folder, exc.problems)) from None


def faq_problems(folder: Path, problems: Sequence[Problem]) -> str:
    """A broken FAQ refused: how many problems, and the command that lists them. One is
    said whole: "has 1 problem" alone sent the operator to validate to read "no FAQ
    files (<id>.md) found in this folder"."""
    from knowledge.loader import problems_counted

    if len(problems) == 1:
        return (
            f"the FAQ in {folder} has 1 problem: {problems[0]}; "
            f"run '{validate_command(folder)}' to check it again"
        )
    return (
        f"the FAQ in {folder} has {problems_counted(len(problems))}; "
        f"run '{validate_command(folder)}' to list them"
    )


def validate_command(folder: Path) -> str:
    """The command that lists a folder's problems, as it can be pasted into a shell (a
    folder named "My FAQ" would otherwise be two arguments)."""
    return f"rollover-bot faq validate --faq-dir {shlex.quote(str(folder))}"


def json_text(data: object, **options: Any) -> str:
    """``data`` as JSON for standard output: characters as themselves where it is UTF-8,
    else as \\u escapes (the same JSON). Standard output shows what its encoding lacks
    as '?' (bot.cli's _lenient_stdout), which would change the values silently."""
    try:
        utf8 = codecs.lookup(getattr(sys.stdout, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        utf8 = False
    return json.dumps(data, ensure_ascii=not utf8, **options)


#: How wide text written to a file or a pipe is wrapped (bot.terminal.WIDTH: importing
#: that module loads the matcher, which a calculator does not need).
FILE_WIDTH = 88


def fitted(text_at: Callable[[int], str]) -> str:
    """Text for standard output, made by ``text_at(width)``: in a terminal wrapped to its
    width, as the console's replies are (at 88 columns in an 80-column terminal, a third of
    the lines of `calc` and `ask` broke again mid-word, and a calculator's side-by-side rows
    ran to 150); to a file or a pipe at 88, as always."""
    stream = sys.stdout
    try:
        terminal_out = stream.isatty()
    except (AttributeError, ValueError, OSError):
        terminal_out = False
    if not terminal_out:
        return text_at(FILE_WIDTH)
    from bot import terminal

    width = terminal.columns(stream)
    if width is None:
        return text_at(FILE_WIDTH)
    return terminal.wrap(text_at(width), width)
