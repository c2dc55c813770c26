"""The local console: the bot's answers and calculators in a terminal, no network.

``respond`` is pure (one line in, text out) so it is tested directly; ``run`` is the loop.
"""

from __future__ import annotations

import contextlib
import logging
import shlex
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot import terminal
from bot.cli.ask import MAX_QUESTION_CHARS, answer_text, check_question
from bot.cli.faq import one_line
from bot.small_talk import THANKS_REPLY, asks_for_help, small_talk, without_command
from calculators import InputError, ScheduleInput, render_text
from calculators.catalog import (
    CALCULATORS,
    HELP_WORDS,
    all_values,
    as_command,
    calculator_typed,
    from_command_line,
)
from calculators.chart import render_schedule_chart
from calculators.typed import values_of
from knowledge.base import KnowledgeBase
from knowledge.editing import diff_entries
from knowledge.loader import FaqInvalid, folder_signature, problems_counted, with_unread

log = logging.getLogger(__name__)

BANNER = "Rollover Bot console: ask a question, or type 'help'. 'quit' leaves."
#: Problems listed when the files changed but cannot be read (validate lists them all).
RELOAD_PROBLEMS_SHOWN = 5
PROMPT = "you> "
#: The most of what was typed a reply repeats (escaped by one_line: an escape sequence
#: typed or pasted is shown, not obeyed, and a pasted page is not echoed whole).
ECHO = 60


def help_text(width: int = terminal.WIDTH) -> str:
    lines = [
        "Type a question in your own words, e.g.: is my after-tax rollover prorated?",
        "",
        "Commands (values in order, or name=value, or name:value as in Discord):",
        f"  {'/ask QUESTION':<28} the same as typing the question",
        f"  {'/faq ID':<28} show one FAQ entry (see /list)",
        f"  {'/list':<28} every FAQ entry",
        f"  {'/reload':<28} read the FAQ files again (done by itself when they change)",
    ]
    for calc in CALCULATORS.values():
        lines.append(f"  {calc.example:<28} {calc.summary}")
        lines.append(f"  {'':<28} values: {' '.join(calc.params)}")
    lines += [f"  {'help':<28} this help", f"  {'quit':<28} leave"]
    # (a command's line too long for the terminal goes on in its column, while that
    # leaves room)
    column = " " * 31 if width - 31 >= 30 else "    "
    return "\n".join(
        textwrap.fill(
            line,
            width,
            subsequent_indent=column if line.startswith("  ") else "",
            break_long_words=False,
        )
        for line in lines
    )


@dataclass(frozen=True)
class ConsoleReply:
    text: str
    quit: bool = False


class Console:
    def __init__(
        self, kb: KnowledgeBase, chart_dir: Path | None = None, *, broken: bool = False
    ) -> None:
        self.kb = kb
        self.chart_dir = chart_dir or Path(tempfile.gettempdir())
        self._files = folder_signature(kb.source_dir)
        #: The files had problems when last read (at start: answering from a kept copy).
        self._broken = broken
        #: The problems the last refused read told (to list new ones first).
        self._told: set[str] = set()
        #: The width replies are wrapped at (run sets it to the terminal's).
        self.width = terminal.WIDTH

    def respond(self, line: str) -> ConsoleReply:
        """The reply to one line; when the FAQ files changed since they were read, they
        are read again first (as the bot does), and the reply says what that did."""
        if asks_reload(line):
            return ConsoleReply(self.reload())
        note = self.reload() if folder_signature(self.kb.source_dir) != self._files else ""
        reply = self._respond(line)
        return ConsoleReply("\n\n".join(t for t in (note, reply.text) if t), reply.quit)

    def completions(self, typed: str) -> list[str]:
        """What Tab offers for a line typed so far: a command after a leading "/", an
        entry's id after "/faq "; nothing in a question."""
        command, space, rest = typed.partition(" ")
        if not space and command.startswith("/"):
            names = ["/ask", "/faq", "/list", "/reload", *(f"/{n}" for n in CALCULATORS)]
            return [n for n in names if n.startswith(command.lower())]
        if command.lower() == "/faq" and " " not in rest:
            return [i for i in self.kb.entries if i.startswith(rest.lower())]
        return []

    def reload(self) -> str:
        """Read the FAQ folder again; a broken one leaves the current FAQ answering."""
        folder = self.kb.source_dir
        self._files = folder_signature(folder)
        try:
            new = KnowledgeBase.load(folder, self.kb.matcher.tuning, keep_copy=True)
        except FaqInvalid as exc:
            self._broken = True
            listed = with_unread(exc.problems, exc.unread)
            # Those not told at the last read first: a slip made while fixing others was
            # problem 58 of 60, under "... and 55 more", and the count went down.
            told, self._told = self._told, {str(p) for p in listed}
            fresh = [p for p in listed if str(p) not in told]
            listed = fresh + [p for p in listed if str(p) in told]
            shown = [f"  {p}" for p in listed[:RELOAD_PROBLEMS_SHOWN]]
            more = len(listed) - len(shown)
            newly = f" ({len(fresh)} new since the last read, first)" if told and fresh else ""
            return "\n".join(
                [
                    f"The FAQ files in {folder} have {problems_counted(len(exc.problems))}"
                    f"{newly}; still answering from the FAQ read before:",
                    *shown,
                    *([f"  ... and {more} more (rollover-bot faq validate)"] if more else []),
                ]
            )
        except Exception as exc:  # (a fault of the load itself: the console goes on)
            log.exception("reading the FAQ files again failed")
            return f"Could not read the FAQ files again ({exc!r}); still answering from before."
        diff = diff_entries(self.kb.entries, new.entries, self.kb.examples, new.examples)
        self.kb = new
        fixed, self._broken, self._told = self._broken, False, set()
        said = diff.summary(most=None) if diff.anything else "nothing changed"  # (no limit)
        return (
            "The FAQ files are valid again. " if fixed else ""
        ) + f"FAQ files read again: {said}."

    def _respond(self, line: str) -> ConsoleReply:
        text = as_command(line.strip())  # ("／split　1000　5" from a full-width keyboard)
        if not text:
            return ConsoleReply("")
        if text.lower() in {"quit", "exit", "/quit", "/exit", "q"}:
            return ConsoleReply("Bye.", quit=True)
        command, _, rest = text.partition(" ")
        if command.lower() == "/ask":
            # The same as typing the question, as the help says and as /ask in Discord
            # answers (thanks, "help", a calculator's command): sent straight to the matcher,
            # "/ask thanks" got "no FAQ entry looks close". "/ask quit" asks; it never leaves.
            return ConsoleReply(self._said(rest.strip()) if rest.strip() else self._ask(""))
        return ConsoleReply(self._said(text))

    def _said(self, text: str) -> str:
        """The reply to ``text`` typed (not empty, not a way out)."""
        if text.lower() in HELP_WORDS or asks_for_help(text):
            return help_text(self.width)
        if (name := _calculator_help(text)) is not None:
            return self._calculate(name, "")  # (its values and an example)
        if _command_help(text):
            return help_text(self.width)
        if said := small_talk(text):
            return THANKS_REPLY if said == "thanks" else BANNER
        if (slash := from_command_line(text)) is not None and calculator_typed(slash):
            # ("rollover-bot calc split --basis 1000 --earnings 5" pasted: the calculator,
            # which the command line would have run, not a question answered "Yes.")
            return self._said(slash)
        if not text.startswith("/"):
            words = text.split()
            if words[0].lower() in CALCULATORS and len(words) > 1 and all_values(words[1:]):
                # ("split 1000 5" is the calculator without its slash, not a question)
                return f"Calculators start with a slash: /{one_line(text, ECHO)}"
            return self._ask(text)
        command, _, rest = text[1:].partition(" ")
        command = command.lower()
        if command == "ask":  # ("/ask /ask ...")
            return self._ask(rest)
        if command == "faq":  # ("/faq topic: pro-rata", copied from Discord, alike)
            return self._faq(without_command(text).strip())
        if command == "list":
            return "\n".join(f"{e.id:<46} {e.title}" for e in self.kb.entries.values())
        if command in CALCULATORS:
            return self._calculate(command, rest)
        if command == "faq-admin":
            return FAQ_ADMIN_HINT
        return f"Unknown command /{one_line(command, ECHO)}. Type 'help' for the list."

    def _ask(self, question: str) -> str:
        if not question.strip():  # ("/ask" alone; check_question's hint is for a shell)
            return "Type a question after /ask, e.g. /ask is my after-tax rollover prorated?"
        problem = check_question(question)
        if problem:
            return f"Sorry: {problem}."
        return answer_text(self.kb, self.kb.ask(question[:MAX_QUESTION_CHARS]), self.width)

    def _faq(self, typed: str) -> str:
        if not typed:
            return "Type an entry's id after /faq, e.g. /faq notice-2014-54; /list shows them all."
        entry_id = self.kb.shown_id(typed)
        if entry_id is None and (entry_id := self.kb.topic(typed)) is not None:
            # (a topic, as Discord's /faq takes it: "/faq pro-rata" said "No entry")
            return terminal.render_layout(self.kb.layout(entry_id), self.width)
        if entry_id is None:
            hits = self.kb.close_topics(typed)  # (those Discord's /faq names)
            close = ", ".join(h.id for h in hits) or "none"
            return (
                f"No entry '{one_line(typed, ECHO)}'. Close: {close}. Type /list for all of them."
            )
        if self.kb.other_file(typed, entry_id):
            return (
                f"{one_line(typed, 1000)} is not in the FAQ folder this console reads: to show "
                f"it, start the console with --faq-dir {shlex.quote(str(Path(typed).parent))}."
            )
        return terminal.render_layout(self.kb.layout(entry_id), self.width)

    def _calculate(self, name: str, rest: str) -> str:
        calc = CALCULATORS[name]
        try:
            parts = shlex.split(rest)
        except ValueError:
            return (
                f"Sorry: I couldn't read those values (an unclosed quote?). Example: {calc.example}"
            )
        try:
            positional, named = values_of(parts)
        except InputError as exc:
            return f"Sorry: {exc}. Example: {calc.example}"
        if not positional and not named:
            return (
                f"/{name}: {calc.summary}. Values: {' '.join(calc.params)}. Example: {calc.example}"
            )
        try:
            inp = calc.build(positional, named)
            result = calc.run(inp)
        except InputError as exc:
            said = str(exc)
            example = "" if calc.example in said else f" Example: {calc.example}"
            return f"Sorry: {said}.{example}"
        text = render_text(result, self.width)
        if isinstance(inp, ScheduleInput):
            text += f"\n\n{self._chart(inp)}"
        return text

    def _chart(self, inp: ScheduleInput) -> str:
        """Where the schedule's chart was written, or why it was not: a full disk or a
        temporary folder cleaned away under a long session ended the console with a
        traceback, the result above it lost."""
        png = render_schedule_chart(inp)
        name = None
        try:
            # A file of its own each time: never another run's chart overwritten.
            with tempfile.NamedTemporaryFile(
                dir=self.chart_dir, prefix="rollover-bot-schedule-", suffix=".png", delete=False
            ) as chart:
                name = chart.name
                chart.write(png)
        except OSError as exc:
            if name is not None:  # (a chart cut short by a full disk is no chart)
                with contextlib.suppress(OSError):
                    Path(name).unlink()
            return f"No chart: it could not be written in {self.chart_dir} ({exc.strerror or exc})."
        return f"Chart written to {name} (kept until the console closes)"


def asks_reload(line: str) -> bool:
    """Whether a line asks to read the FAQ files again: "/reload", also with words after
    it ("/reload now": it takes none, and they were an unknown command) or typed on a
    full-width keyboard, "reload" alone, or Discord's "/faq-admin reload", which a
    moderator types from habit."""
    words = as_command(line.strip()).lower().split()
    return words[:1] == ["/reload"] or words == ["reload"] or words[:2] == ["/faq-admin", "reload"]


#: /faq-admin's other commands are Discord's: what the console and command line have.
FAQ_ADMIN_HINT = (
    "/faq-admin is Discord's. Here, /reload reads the FAQ files again (and lists what is "
    "wrong with them); 'rollover-bot faq validate', 'faq gaps', 'faq review' and 'faq stats' "
    "do the rest on the command line."
)


def _calculator_help(text: str) -> str | None:
    """The calculator a line asks how to use ("help split", "/help split", "/split help",
    "split ?"), if it does."""
    words = text.lower().split()
    if len(words) != 2:
        return None
    first, second = words
    if first in HELP_WORDS and second.lstrip("/") in CALCULATORS:
        return second.lstrip("/")
    if second in HELP_WORDS and first.lstrip("/") in CALCULATORS:
        return first.lstrip("/")
    return None


#: The console's own commands, as help about one of them names it ("/help reload").
COMMANDS = frozenset({"ask", "faq", "list", "reload", "help", "quit", "exit"})


def _command_help(text: str) -> bool:
    """Whether a line asks for help with a command that is not a calculator: "/help" with
    anything after it ("/help faq", "/help reload": help has one page, and they were an
    unknown command /help), or "help" and a console command."""
    first, *rest = text.lower().split()
    if first == "/help":
        return True
    return first in HELP_WORDS and len(rest) == 1 and rest[0].lstrip("/") in COMMANDS


#: Asked of the terminal, most terminals mark pasted text with PASTE_START and PASTE_END
#: ("bracketed paste"): a post pasted with its line breaks is then one question, not one
#: per line. Terminals without it ignore the request and paste plain lines, as before.
PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


def read_entry(stdin: TextIO) -> str:
    """The next line typed, or a whole paste as one text (its line breaks kept, its marks
    removed); "" at the end of input."""
    text = stdin.readline()
    # (Two pastes before Enter: read on until every paste has ended.)
    while text.count(PASTE_START) > text.count(PASTE_END):
        more = stdin.readline()
        if not more:  # (input ended inside a paste: what came is the entry)
            break
        text += more
    return text.replace(PASTE_START, "").replace(PASTE_END, "")


def _plain_echo(stdin: TextIO) -> Callable[[], None] | None:
    """The terminal's echo of control characters turned off (it showed a paste's marks as
    "^[[200~"); returns what puts it back, or None where there is no such setting (not a
    POSIX terminal)."""
    try:
        import termios

        fd = stdin.fileno()
        before = termios.tcgetattr(fd)
        after = [*before]
        after[3] &= ~termios.ECHOCTL
        termios.tcsetattr(fd, termios.TCSANOW, after)
    except Exception:  # (no termios, no file descriptor, or termios.error): echo as it is
        return None
    return lambda: termios.tcsetattr(fd, termios.TCSANOW, before)


def _line_editor(console: Console, stdin: TextIO, stdout: TextIO) -> bool:
    """Whether lines are read with GNU readline (arrow keys, history, Tab completing the
    console's commands; a bracketed paste is one entry): for the process's own terminal,
    where Python has it (not on Windows, nor macOS's libedit, which takes no paste marks)."""
    if not (stdin is sys.stdin and stdout is sys.stdout and stdin.isatty() and stdout.isatty()):
        return False
    try:
        import readline  # (imported, it edits what input() reads)
    except ImportError:
        return False
    if "libedit" in (readline.__doc__ or ""):
        return False
    offered: list[str] = []

    def complete(text: str, state: int) -> str | None:
        if state == 0:  # (asked again with 1, 2, ... for the next one)
            offered[:] = console.completions(readline.get_line_buffer()[: readline.get_endidx()])
        return offered[state] + " " if state < len(offered) else None

    readline.set_completer_delims(" ")  # (an id's "-" and a command's "/" are its own)
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")  # (else Tab completes the folder's file names)
    return True


def edited_entry() -> str:
    """The next line, read by input() through readline: a paste is one entry, as with
    read_entry; "" at the end of input (an empty line is "\n")."""
    try:
        return input(PROMPT) + "\n"
    except EOFError:
        return ""


def run(kb: KnowledgeBase, stdin: TextIO, stdout: TextIO, *, broken: bool = False) -> int:
    """``broken``: the folder had problems and ``kb`` is its last complete version. The
    session's /schedule charts go in a temporary folder of its own, removed when it ends:
    each was a file left in the system's temporary folder for good."""
    with tempfile.TemporaryDirectory(
        prefix="rollover-bot-charts-", ignore_cleanup_errors=True
    ) as charts:
        return _session(Console(kb, Path(charts), broken=broken), stdin, stdout, broken=broken)


def _session(console: Console, stdin: TextIO, stdout: TextIO, *, broken: bool) -> int:
    kb = console.kb
    interactive = stdin.isatty()
    width = terminal.columns(stdout)
    # The folder whole: one started elsewhere (no .env there: the shipped FAQ) or with a
    # relative faq_dir reads other files than a moderator may have edited.
    entries = "FAQ entry" if len(kb.entries) == 1 else "FAQ entries"
    source = f"Answering from the {len(kb.entries)} {entries} in {kb.source_dir.absolute()}."
    if broken:  # (the folder as it is now has problems: said, not the files' own count)
        source = (
            f"Answering from the last good copy of {kb.source_dir.absolute()} "
            f"({len(kb.entries)} {entries}) until its problems are fixed."
        )
    for line in (BANNER, source):
        print(line if width is None else terminal.wrap(line, width), file=stdout)
    edited = interactive and _line_editor(console, stdin, stdout)
    # (Asked of a terminal only: escape codes would garble output sent to a file. Python
    # turns readline's own asking off; readline still takes the marks as one paste.)
    pastes = interactive and stdout.isatty()
    echo = None
    try:  # (from the terminal's first change on: a stop at any moment puts it back)
        if pastes:
            echo = _plain_echo(stdin)
            print(PASTE_ON, end="", file=stdout, flush=True)
        while True:
            if edited:
                line = edited_entry()
            else:
                if interactive:
                    print(PROMPT, end="", file=stdout, flush=True)
                line = read_entry(stdin)
            if not line:  # end of input (Ctrl-D)
                if interactive:  # (else the shell's prompt follows "you> " on its line)
                    print(file=stdout, flush=True)
                return 0
            width = terminal.columns(stdout)  # (asked each time: a terminal can be resized)
            console.width = width or terminal.WIDTH
            reply = console.respond(line)
            if reply.text:
                # (in a terminal, what no renderer wrapped is wrapped too: a long "Sorry")
                text = reply.text if width is None else terminal.wrap(reply.text, width)
                print(text + "\n", file=stdout, flush=True)
            if reply.quit:
                return 0
    except KeyboardInterrupt:  # (Ctrl-C: left as Ctrl-D is, and still an interruption)
        if interactive:
            print(file=stdout, flush=True)
        raise
    finally:
        if pastes:  # (the terminal pastes plainly again for whatever runs next)
            print(PASTE_OFF, end="", file=stdout, flush=True)
        if echo is not None:
            echo()
