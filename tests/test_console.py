"""The local console: questions and calculators in a terminal, and bare `rollover-bot`."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.console import PASTE_END, PASTE_OFF, PASTE_ON, PASTE_START, Console, read_entry, run
from knowledge.base import KnowledgeBase
from tests.processes import SCRIPT, bare_env


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Console:
    return Console(KnowledgeBase.load(), chart_dir=tmp_path_factory.mktemp("charts"))


def test_question_is_answered_with_sources_and_disclaimer(console: Console) -> None:
    text = console.respond("can I send the earnings to a traditional IRA and basis to Roth?").text
    assert "Notice 2014-54" in text and "https://" in text and "not tax advice" in text


def test_thanks_and_greetings_get_a_word_back_not_no_close_entry(console: Console) -> None:
    assert console.respond("thanks!").text.startswith("You're welcome!")
    assert "ask a question" in console.respond("Hello").text
    assert "not tax advice" in console.respond("hello darkness").text  # (read as a question)


@pytest.mark.parametrize(
    "typed", ["thanks, that helped!", "hi", "help", "what can you do?", "/split 1000 5"]
)
def test_ask_is_the_same_as_typing_the_question(console: Console, typed: str) -> None:
    """The help says so, and /ask in Discord answers thanks, "help" and a calculator's
    command as such: "/ask thanks" got "no FAQ entry looks close"."""
    assert console.respond(f"/ask {typed}").text == console.respond(typed).text
    assert "no FAQ entry looks close" not in console.respond(f"/ask {typed}").text
    asked = console.respond("/ask quit")  # (a question, never a way out)
    assert not asked.quit and "not tax advice" in asked.text


@pytest.mark.parametrize("line", ["/help split", "help split", "/split help", "split ?"])
def test_help_for_one_calculator_shows_its_values(console: Console, line: str) -> None:
    """'/help split' was an unknown command and '/split help' a refused amount."""
    assert console.respond(line).text == console.respond("/split").text
    assert "Values: basis earnings" in console.respond(line).text


def test_help_in_words_is_help(console: Console) -> None:
    assert console.respond("help me").text == console.respond("help").text


@pytest.mark.parametrize("line", ["/help faq", "/help reload", "/help /faq-admin", "help reload"])
def test_help_about_a_console_command_is_the_help(console: Console, line: str) -> None:
    """'/help faq' and '/help reload' were 'Unknown command /help', though '/help' alone is
    the help (and '/help split' a calculator's): help has one page, which names them."""
    assert console.respond(line).text == console.respond("help").text


def test_split_shows_the_seed_thread_numbers(console: Console) -> None:
    text = console.respond("/split 1000 5").text
    assert "$1,005.00" in text and "$5.00" in text and "code G" in text
    assert "How it is worked out" in text


@pytest.mark.parametrize(
    "typed", ["/split 1000 5 trad", "/split 1000 5 tIRA", "/split 1000 5 earnings_to:trad"]
)
def test_the_earnings_destination_is_taken_as_people_abbreviate_it(
    console: Console, typed: str
) -> None:
    """ "trad" (as in "trad IRA") was "earnings_to: 'trad' is not 'roth' or 'traditional'"."""
    spelt_out = console.respond("/split 1000 5 traditional").text
    assert re.search(r"Traditional IRA: +\$5\.00", spelt_out)  # (positive control)
    assert console.respond(typed).text == spelt_out


@pytest.mark.parametrize(
    ("typed", "spelt_out"),
    [
        ("/split 1000 5 traditional IRA", "/split 1000 5 traditional"),
        ("/split 1000 5 trad ira 24%", "/split 1000 5 traditional 24%"),
        ("/split 1000 5 earnings_to: trad IRA", "/split 1000 5 traditional"),
        ("/split 1000 5 earnings_to:Roth IRA tax_rate:24%", "/split 1000 5 roth 24%"),
    ],
)
def test_the_earnings_destination_named_with_its_ira_is_one_value(
    console: Console, typed: str, spelt_out: str
) -> None:
    """ "/split 1000 5 traditional IRA" read "IRA" as the tax rate ("tax_rate: 'IRA' is not
    a rate"), with a rate after it "takes at most 4 values", and "earnings_to: trad ira"
    said earnings_to was given twice."""
    expected = console.respond(spelt_out).text
    assert "Sorry" not in expected  # (positive control)
    assert console.respond(typed).text == expected


@pytest.mark.parametrize(
    "typed",
    [
        "\uff0fsplit 1000 5",  # a full-width slash (a Japanese or Chinese keyboard's)
        "/split\u30001000\u30005",  # ideographic spaces between the values
        "\uff0f\uff53\uff50\uff4c\uff49\uff54\u30001000 5",  # the name full-width too
        "/split\t1000 5",
    ],
)
def test_a_calculator_typed_on_a_full_width_keyboard_runs(console: Console, typed: str) -> None:
    """ "／split 1000 5" was answered as a question ("not sure enough"), "/split　1000　5"
    was "Unknown command /split 1000 5", and "/ｓｐｌｉｔ" an unknown command."""
    assert console.respond(typed).text == console.respond("/split 1000 5").text
    assert "$1,005.00" in console.respond(typed).text  # (positive control: it ran)


def test_named_values_and_room(console: Console) -> None:
    text = console.respond("/room 2026 24500 10000 age=40").text
    assert "$37,500.00" in text


def test_values_written_as_in_discord(console: Console) -> None:
    """The FAQ's answers quote commands as Discord shows them (name:value)."""
    typed = console.respond("/split basis:1000 earnings:5 tax_rate:24%").text
    assert typed == console.respond("/split 1000 5 tax_rate=24%").text
    assert "$1.20" in typed
    for spaced in (
        "/split basis: 1000 earnings: 5 tax_rate: 24%",
        "/split basis = 1000 earnings = 5 tax_rate = 24%",
    ):
        assert console.respond(spaced).text == typed, spaced
    room = console.respond("/room year:2026 deferrals:24500 employer:10000").text
    assert "$37,500.00" in room


@pytest.mark.parametrize(
    ("pasted", "slash"),
    [
        ("rollover-bot calc split --basis 1000 --earnings 5", "/split 1000 5"),
        (
            "calc split --basis=1000 --earnings=5 --tax-rate 24% --json",
            "/split 1000 5 tax_rate:24%",
        ),
        (
            "rollover-bot calc split --basis 1000 --earnings 5 --earnings-to traditional",
            "/split 1000 5 traditional",
        ),
        ("calc prorata --help", "/prorata"),
        ("calc split --basis 1000 --earnings abc", "/split 1000 abc"),  # (refused, saying why)
        # The program as the README runs it, and an option named unlike its input.
        (".venv/bin/rollover-bot calc split --basis 1000 --earnings 5", "/split 1000 5"),
        (
            "rollover-bot calc schedule --annual 30000 --paychecks 26 --conversions 4 --return 8%",
            "/schedule 30000 26 4 8%",
        ),
    ],
)
def test_a_command_line_pasted_runs_its_calculator(
    console: Console, pasted: str, slash: str
) -> None:
    """The command line's own calculator command, pasted into the console, was answered as
    a question: the split entry's "Yes. Under IRS Notice 2014-54...". It runs, as the
    slash command does."""
    ran = console.respond(pasted).text
    # (A schedule's chart is a file of its own each run: the results are compared.)
    assert (
        ran.partition("Chart written")[0]
        == console.respond(slash).text.partition("Chart written")[0]
    )
    assert "Sorry" not in ran or "abc" in pasted
    assert "Notice 2014-54, payouts" not in ran
    # Words that are no values ask a question, as they always did.
    asked = console.respond("calc split how does it work").text
    assert asked == console.respond("/ask calc split how does it work").text


def test_values_separated_by_commas_are_told_to_be_spaced(console: Console) -> None:
    """ "/split 1000, 5" (and "basis: 1000, earnings: 5", as Discord lists them) was told
    "misplaced commas; commas may only separate thousands", which did not say the comma
    between the values was the slip."""
    for typed in ("/split 1000, 5", "/split basis: 1000, earnings: 5"):
        said = console.respond(typed).text
        assert said.startswith(
            "Sorry: basis: '1000,' ends with a comma: separate values with spaces, not commas."
        ), said
    assert "$1,005.00" in console.respond("/split 1000 5").text  # (positive control)


def test_a_calculator_typed_without_its_slash_is_pointed_at_it(console: Console) -> None:
    """ "split 1000 5" is the calculator, not a question to match; "split the earnings..."
    is a question."""
    for line in (
        "split 1000 5",
        "Room year:2026 deferrals:24500 employer:0",
        "split $1k 5 Traditional 24%",
        # (a loss and a negative return are values too, with either minus sign)
        "split 1000 -50",
        "prorata 1000 \u2212$50 500",
        "schedule 7000 26 4 -10%",
        # (a value after its name and a space, as the console takes it with its slash)
        "split basis: 1000 earnings: 5",
        "room year = 2026 deferrals: 24500 employer: 0",
        # (and values the calculator refuses, saying why: asked as questions, they were not)
        "split 1e9 5",
        "split \u221e 5",
        "prorata NaN 5 5",
    ):
        assert console.respond(line).text == f"Calculators start with a slash: /{line}"
    asked = console.respond("split the earnings to a traditional IRA?").text
    assert "slash" not in asked and "Notice 2014-54" in asked
    for question in (  # (a calculator's name, then words that are not all its values)
        "split $1000 after-tax: can the $5 earnings go to a traditional IRA?",
        "Schedule 4 conversions a year or 26, which is better?",
        "Split basis: can it go to Roth IRA?",
    ):
        assert "slash" not in console.respond(question).text, question


def test_the_earnings_destination_is_taken_in_any_case(console: Console) -> None:
    text = console.respond("/split 1000 5 Traditional").text
    assert "Traditional IRA:" in text and "$5.00" in text.split("Traditional IRA:")[1][:40]


def test_a_value_in_the_wrong_place_is_told_where_it_fits(console: Console) -> None:
    """'/split 1000 5 24%' puts the rate where earnings_to goes: the reply names the
    field it fits, and following it works."""
    text = console.respond("/split 1000 5 24%").text
    assert "earnings_to: '24%' is not 'roth' or 'traditional'" in text
    hint = "name a later one: tax_rate:24%"
    assert hint in text
    assert "$1.20" in console.respond("/split 1000 5 " + hint.rsplit(" ", 1)[1]).text
    for line in (
        "/split 1000 roth",  # earnings cannot be skipped: it is required
        "/split 1000 5 abc",  # fits no later value
        "/split 1000 5 earnings_to:24%",  # named, not placed by position
        "/room 2026 24500 10000 200",  # an age out of range: a typo, not a compensation
        "/form8606 7000 0 7000 0 0 8000",  # refused across fields, not as a late contribution
    ):
        assert "name a later one" not in console.respond(line).text, line


def test_an_amount_with_a_space_for_its_thousands_is_told_so(console: Console) -> None:
    """'/split 1 000 5' read as basis $1, earnings $0 and '5' as where the earnings go (the
    reply then advised 'tax_rate:5'); it is one amount with a space in it."""
    for line in ("/split 1 000 5", "/split 1 000"):
        text = console.respond(line).text
        assert "'1 000' looks like one amount with a space in it: write 1000 or 1,000" in text
        assert "tax_rate" not in text and "Nontaxable" not in text
    # before the values are counted: three amounts typed with spaces are not six values
    assert "'10 000' looks like one amount" in console.respond("/prorata 10 000 2 000 5 000").text
    # two amounts, the second not starting with 0, are two values
    assert "Roth IRA:" in console.respond("/split 100 500").text


def test_schedule_writes_each_chart_to_a_file_of_its_own(console: Console) -> None:
    paths = []
    for line in ("/schedule 30000 26 4 8%", "/schedule 20000 12 1 5%"):
        text = console.respond(line).text
        paths.append(chart_path(text))
    assert paths[0] != paths[1]  # the first chart is not overwritten
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in paths)


def chart_path(text: str) -> Path:
    found = re.search(r"Chart written to (\S+) \(kept until the console closes\)", text)
    assert found, text
    return Path(found[1])


def test_a_sessions_charts_are_removed_when_it_ends() -> None:
    """Each /schedule chart was a file left in the system's temporary folder for good (a
    member trial found eleven): a session's charts go with it."""
    out = io.StringIO()
    assert run(KnowledgeBase.load(), io.StringIO("/schedule 30000 26 4 8%\nquit\n"), out) == 0
    chart = chart_path(out.getvalue())
    assert chart.name.startswith("rollover-bot-schedule-")
    assert not chart.exists() and not chart.parent.exists()


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("/split -5 1", "negative"),
        ("/split abc 1", "basis"),
        ("/split 1 2 roth 24% 9", "at most 4 values"),
        ("/room 1999 1 1", "2023"),
        ("/split 'unclosed", "unclosed quote"),
        ("/split 1000 5 colour=red", "no 'colour'"),
        ("/split 1000", "earnings: no value given"),
        # the year left out: the amounts moved up one, and the order is said
        ("/room 24500 10000", "values fill year, deferrals, employer, age, compensation in"),
        ("/split 1000 5 24%", "earnings_to: '24%' is not 'roth' or 'traditional'"),
        ("/split 1000 5 " + "x" * 3000, "earnings_to: 'xxxxxxxx"),  # and short: see below
        ("/nope", "Unknown command"),
        ("/ask", "Type a question after /ask"),
        ("/faq", "Type an entry's id after /faq"),
        # a misspelt name is refused, not taken as a value that a later name overwrites
        ("/split basis:1000 earnings:5 tax:24%", "no 'tax'"),
        ("/schedule annual:1000 paychecks:12 conversions:4 return:-150%", "no 'return'"),
        ("/split 1000 5 basis:2000", "basis is given twice"),
        ("/split basis:1000 basis:2000 earnings:5", "basis is given twice ('1000', then '2000')"),
        ("/split 1000 5 tax-rate:24% tax_rate:30%", "tax_rate is given twice ('24%', then '30%')"),
        ("/split basis: earnings:5", "basis: the value is empty"),  # not "earnings:5"
        ("x" * 5000, "characters"),
        # a line that shows nothing is empty, as in Discord (it was "no FAQ entry looks close")
        ("\u3164\u3164", "the question is empty"),
        ("\u200b\u2060", "the question is empty"),
        ("/ask \u2800", "the question is empty"),
        # a year's example is a year (it said "use a number like 12")
        ("/room 99999999999999999999 24500 10000", "large; use a number like 20"),
        # and an age's an age, as the command line's --age says (it was "like 12")
        ("/room 2025 1 1 abc", "age: 'abc' is not a whole number; use digits like 55"),
        ("/room 2025 1 1 -3", "age: '-3' is negative; use a whole number like 55"),
    ],
)
def test_bad_input_is_a_friendly_line(console: Console, line: str, fragment: str) -> None:
    text = console.respond(line).text
    assert fragment in text
    assert "Traceback" not in text
    assert "Field required" not in text and "Input should be" not in text  # pydantic's words
    assert text.lower().count("example: /") <= 1  # said once
    assert len(text) < 2000  # a chat reply (a long value is shown cut)


def test_faq_lookup_and_unknown_id(console: Console) -> None:
    assert "What is IRS Notice 2014-54?" in console.respond("/faq notice-2014-54").text
    # (a topic, as Discord's /faq takes one; an unclear one is told the close ids)
    assert "What is IRS Notice 2014-54?" in console.respond("/faq notice").text
    assert console.respond("/faq roth").text.startswith("No entry 'roth'. Close: ")
    assert "What is IRS Notice 2014-54?" in console.respond("/faq NOTICE-2014-54").text


def test_faq_names_as_close_only_what_discords_faq_does(tmp_path: Path) -> None:
    """A moderator's small FAQ scores every entry 0 for a word none of them holds: the
    console's "/faq roth" listed them all as "Close", where Discord's /faq says none is
    close. It now names those Discord names, and still those that hold a word typed."""
    from tests.faq_factory import write_entry

    write_entry(tmp_path, "alpha-entry", title="What is the alpha rule for plans?")
    write_entry(tmp_path, "beta-entry", title="How does the beta limit work?")
    write_entry(tmp_path, "gamma-entry", title="When is gamma reported?")
    small = Console(KnowledgeBase.load(tmp_path))
    assert small.respond("/faq roth").text.startswith("No entry 'roth'. Close: none. ")
    said = small.respond("/faq reported limit").text
    assert said.startswith("No entry 'reported limit'. Close: beta-entry, gamma-entry. ")


@pytest.mark.parametrize("typed", ["/faq pro-rata", "/faq topic: pro-rata", "/ask /faq pro-rata"])
def test_faq_takes_a_topic_as_discord_does(console: Console, typed: str) -> None:
    """The console's "/faq pro-rata" said "No entry 'pro-rata'" (ids only), where Discord's
    /faq shows the entry a topic clearly names, and "/faq pro-rata" typed after a mention
    answers the words after the command; "topic:" copied from Discord alike."""
    text = console.respond(typed).text
    assert text.startswith("Is a mega backdoor rollover subject to the pro-rata rule?"), text


def test_what_was_typed_is_repeated_escaped_and_short(console: Console) -> None:
    """A reply that repeats what was typed shows an escape sequence (typed or pasted) as
    text, not obeyed by the terminal, and a pasted page not whole."""
    for line in ("/faq \x1b[31mnotice", "/\x1b]0;pwned\x07 now", "split basis:1000\x1b[2J 5"):
        text = console.respond(line).text
        assert "\x1b" not in text and "\x07" not in text, line
        assert "\\x1b" in text, line  # (shown as the four characters \x1b)
    text = console.respond("/faq " + "x" * 100_000).text
    assert text.startswith("No entry 'xxx") and len(text) < 300


def test_run_loop_reads_until_quit() -> None:
    out = io.StringIO()
    code = run(KnowledgeBase.load(), io.StringIO("help\n/split 1000 5\nquit\n/split 1 1\n"), out)
    assert code == 0
    text = out.getvalue()
    assert text.count("Rollover of the after-tax account") == 1  # nothing after quit
    assert "Bye." in text


def test_the_console_says_which_faq_folder_it_answers_from_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A moderator trying their edits in the console, started from another folder than the
    bot's (no .env there: the shipped FAQ), or with a relative faq_dir, was not told which
    folder it read: questions were answered, from other files than the ones edited. Its
    first lines now name the folder whole and how many entries it holds."""
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "knowledge" / "faq", tmp_path / "faq")
    monkeypatch.chdir(tmp_path)
    kb = KnowledgeBase.load(Path("faq"))  # (relative, as a faq_dir setting may be)
    out = io.StringIO()
    assert run(kb, io.StringIO("quit\n"), out) == 0
    assert f"{len(kb.entries)} FAQ entries in {tmp_path / 'faq'}" in out.getvalue()


def test_leaving_with_ctrl_d_or_ctrl_c_gives_the_shell_a_line_of_its_own(
    kb: KnowledgeBase,
) -> None:
    """At the end of input (Ctrl-D) or on Ctrl-C in a terminal, the shell's prompt came
    after "you> " on the same line: the console ends that line first."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    class Interrupted(Terminal):
        def readline(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    out = io.StringIO()  # (not a terminal: nothing asked of it but the prompt)
    assert run(kb, Terminal("help\n"), out) == 0
    assert out.getvalue().endswith("you> \n")
    out = io.StringIO()
    with pytest.raises(KeyboardInterrupt):  # (still an interruption: exit 130)
        run(kb, Interrupted(), out)
    assert out.getvalue().endswith("you> \n")
    piped = io.StringIO()  # (input from a file or a pipe: no prompt, no line to end)
    assert run(kb, io.StringIO("help\n"), piped) == 0
    assert piped.getvalue().endswith("quit                         leave\n\n")


def test_a_pasted_post_is_one_question_not_one_per_line(kb: KnowledgeBase) -> None:
    """A terminal asked for bracketed paste marks what is pasted: a post pasted with its
    line breaks gets one reply, and the terminal is asked back to plain pastes on leaving."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    pasted = (
        "Hi all,\nI put in $1000 after-tax and it earned $5.\nCan the $5 go to a traditional IRA?"
    )
    out = Terminal()
    assert run(kb, Terminal(f"{PASTE_START}{pasted}{PASTE_END}\nquit\n"), out) == 0
    shown = out.getvalue()
    assert shown.count("not tax advice") == 1  # one reply, for the whole post
    assert "Try rephrasing" not in shown  # ("Hi all," on its own got that)
    assert shown.index(PASTE_ON) < shown.index("not tax advice") < shown.rindex(PASTE_OFF)
    plain = io.StringIO()  # (output to a file: nothing asked of the terminal)
    assert run(kb, Terminal(f"{pasted}\nquit\n"), plain) == 0
    # line by line: "Hi all," is a greeting (the banner again), the others two questions
    assert plain.getvalue().count("not tax advice") == 2 and PASTE_ON not in plain.getvalue()
    assert plain.getvalue().count("ask a question") == 2


@pytest.mark.skipif(os.name != "posix", reason="a POSIX pseudo-terminal")
def test_a_paste_in_a_terminal_shows_no_marks_and_the_terminal_is_given_back(
    kb: KnowledgeBase,
) -> None:
    """In a real (pseudo-)terminal, the echo of a paste showed its marks as "^[[200~": the
    console turns that echo off while it runs and puts the terminal back as it was."""
    import pty
    import termios
    import threading

    master, slave = pty.openpty()
    before = termios.tcgetattr(slave)
    assert before[3] & termios.ECHOCTL  # (a new terminal echoes control characters so)
    with os.fdopen(slave, "r") as stdin, os.fdopen(os.dup(slave), "w") as stdout:
        console = threading.Thread(target=run, args=(kb, stdin, stdout))
        console.start()
        shown = b""
        while PASTE_ON.encode() not in shown:  # (ready: what it asks of the terminal is done)
            shown += os.read(master, 65536)
        pasted = f"{PASTE_START}Hi all,\nis ATS money prorated?{PASTE_END}\nquit\n"
        os.write(master, pasted.encode())
        while b"Bye." not in shown:
            shown += os.read(master, 65536)
        console.join(10)
        assert termios.tcgetattr(stdin.fileno()) == before
    os.close(master)
    assert b"Hi all," in shown and shown.count(b"not tax advice") == 1  # echoed; one reply
    assert b"^[" not in shown


@pytest.mark.skipif(os.name != "posix", reason="a POSIX pseudo-terminal and SIGTERM")
def test_sigterm_stops_the_console_as_ctrl_c_does_and_gives_the_terminal_back(
    tmp_path: Path,
) -> None:
    """`kill` (SIGTERM) to a console in a terminal killed it outright: the terminal was left
    asking for bracketed pastes and not echoing control characters. It now stops as at
    Ctrl-C (the terminal given back, the line ended), and as a stop asked for: exit 0."""
    import signal
    import termios

    with console_in_a_terminal(tmp_path) as (master, slave, proc, before):
        shown = read_until(master, PASTE_ON.encode())  # (ready: it asked for pastes)
        if b"you> " not in shown[shown.index(PASTE_ON.encode()) :]:
            shown += read_until(master, b"you> ")  # (and waits for a line: one to end)
        # (Readline prints the prompt a moment before it waits: a signal in between is
        # seen at the next key only. Nobody stops a console within that moment.)
        time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        after = termios.tcgetattr(slave)
        shown += read_until(master, PASTE_OFF.encode(), timeout=1)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err
    assert after == before
    assert shown.rindex(PASTE_OFF.encode()) > shown.rindex(b"you> ")


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM")
def test_sigterm_while_the_console_loads_the_faq_is_a_stop_too(tmp_path: Path) -> None:
    """Before its prompt, the console loads the FAQ, training its matcher when the cache
    has none (seconds): Ctrl-C then stopped it (130), but SIGTERM killed it (143), where a
    stop asked for exits 0, as it does once the console waits for a line."""
    import signal

    cache = tmp_path / "cache"
    env = bare_env(HOME=str(tmp_path), ROLLOVER_CACHE_DIR=str(cache))
    proc = subprocess.Popen(
        [str(SCRIPT), "console"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        # (The training's lock, taken as it begins: the console is loading the FAQ.)
        while not any(cache.glob("matcher-*.lock")):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert b"Traceback" not in err


@contextlib.contextmanager
def console_in_a_terminal(
    tmp_path: Path, columns: int | None = None
) -> Iterator[tuple[int, int, subprocess.Popen[bytes], list[Any]]]:
    """`rollover-bot console` run in a new pseudo-terminal (``columns`` wide, when given),
    from a bare environment: its two ends, the process and the terminal's settings before
    it started. The process is killed and the ends closed afterwards."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    if columns is not None:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    before = termios.tcgetattr(slave)
    env = bare_env(
        HOME=str(tmp_path),
        ROLLOVER_CACHE_DIR=os.environ.get("ROLLOVER_CACHE_DIR", "off"),
        TERM="xterm-256color",  # (as a terminal emulator sets it: readline knows its keys)
        TMPDIR=str(tmp_path),  # (its /schedule charts: not left in the machine's /tmp)
    )
    proc = subprocess.Popen(
        [str(SCRIPT), "console"], stdin=slave, stdout=slave, stderr=subprocess.PIPE,
        env=env, cwd=tmp_path,
    )  # fmt: skip
    try:
        yield master, slave, proc, before
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
        os.close(slave)


def read_until(fd: int, wanted: bytes, timeout: float = 60) -> bytes:
    """What a terminal shows up to ``wanted``, or all it showed within ``timeout``."""
    import select
    import time

    shown = b""
    deadline = time.monotonic() + timeout
    while wanted not in shown and (left := deadline - time.monotonic()) > 0:
        if select.select([fd], [], [], left)[0]:
            shown += os.read(fd, 65536)
    return shown


@pytest.mark.skipif(os.name != "posix", reason="a POSIX pseudo-terminal")
def test_arrow_keys_edit_the_line_and_bring_back_earlier_ones(tmp_path: Path) -> None:
    """An arrow key typed in the console went into the question as an escape code (not
    even shown: the terminal's echo of control characters is off). Lines are now read
    with readline: arrows move along the line, up brings back the one before, Tab
    completes a command, and a pasted post is still one question."""
    with console_in_a_terminal(tmp_path) as (master, slave, proc, before):
        read_until(master, b"you> ")
        os.write(master, b"/split 100 5\x1b[D\x1b[D0\r")  # (back over " 5", then a 0)
        assert b"$1,005.00" in read_until(master, b"you> ")
        os.write(master, b"\x1b[A\r")  # (up: that line again)
        assert b"$1,005.00" in read_until(master, b"you> ")
        os.write(master, b"/spl\t1000 5\r")  # (Tab: the command's name, and its space)
        assert b"$1,005.00" in read_until(master, b"you> ")
        pasted = f"{PASTE_START}Hi all,\nis ATS money prorated?{PASTE_END}\r"
        os.write(master, pasted.encode())
        shown = read_until(master, b"you> ")
        assert shown.count(b"not tax advice") == 1 and b"^[" not in shown
        os.write(master, b"quit\r")
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0 and termios_of(slave) == before, err


def termios_of(fd: int) -> list[Any]:
    import termios

    return termios.tcgetattr(fd)


def test_tab_offers_commands_and_entry_ids_not_words_of_a_question(console: Console) -> None:
    assert console.completions("/spl") == ["/split"]
    assert {"/faq", "/form8606"} <= set(console.completions("/f"))
    assert console.completions("/faq notice") == ["notice-2014-54"]
    assert console.completions("/split 10") == console.completions("can I spl") == []


def test_two_pastes_before_enter_are_one_entry_without_their_marks() -> None:
    both = f"{PASTE_START}Title line{PASTE_END} {PASTE_START}body 1\nbody 2{PASTE_END}\nnext\n"
    lines = io.StringIO(both)
    assert read_entry(lines) == "Title line body 1\nbody 2\n"
    assert read_entry(lines) == "next\n"


@pytest.mark.parametrize("token", [None, '""'])
def test_bare_command_without_token_opens_the_console(tmp_path: Path, token: str | None) -> None:
    """No token, or quotes around nothing (`docker run --env-file` passes DISCORD_TOKEN=""
    with its quotes): the console, not `run`'s "no Discord token" (exit 2). A bare
    environment, but the run's matcher cache (see conftest): training is not tested here."""
    quoted = {} if token is None else {"DISCORD_TOKEN": token}
    env = bare_env(
        HOME=str(tmp_path), ROLLOVER_CACHE_DIR=os.environ.get("ROLLOVER_CACHE_DIR", "off"), **quoted
    )
    proc = subprocess.run(
        [str(SCRIPT)],
        input="/split 1000 5\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert "No Discord token" in first and "console" in first
    assert "$1,005.00" in proc.stdout


@pytest.mark.parametrize("token", [None, '""'])
def test_bare_command_without_token_as_a_service_gets_runs_error_not_a_console(
    tmp_path: Path, token: str | None
) -> None:
    """`rollover-bot` (or `python3 dev.py run`, as the README's step 6 says) under systemd
    or `docker run` without -i, its token missing (an EnvironmentFile or --env-file that
    was not read): standard input is /dev/null, where no one can type. It opened the
    console, which read nothing and exited 0, and a `Restart=on-failure` service stayed
    down as if stopped on purpose. It is now `run`'s error, naming the .env (exit 2)."""
    quoted = {} if token is None else {"DISCORD_TOKEN": token}
    env = bare_env(
        HOME=str(tmp_path), ROLLOVER_CACHE_DIR=os.environ.get("ROLLOVER_CACHE_DIR", "off"), **quoted
    )
    proc = subprocess.run(
        [str(SCRIPT)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("error: no Discord token configured"), proc.stderr
    assert str(tmp_path / ".env") in proc.stderr and proc.stderr.count("\n") == 1
    assert "console:" not in proc.stdout  # (no console's banner)


def test_a_line_that_is_not_in_the_terminals_encoding_does_not_end_the_console(
    tmp_path: Path,
) -> None:
    """Questions piped from a file saved as Windows-1252 (its curly quotes are not UTF-8),
    where the standard input's decoding is strict (PYTHONIOENCODING, or a UTF-8 locale
    such as en_US.UTF-8): the console ended with a traceback at the first such line. As
    `ask -` does, the bad bytes read as U+FFFD and the session goes on."""
    env = bare_env(
        HOME=str(tmp_path),
        ROLLOVER_CACHE_DIR=os.environ.get("ROLLOVER_CACHE_DIR", "off"),
        PYTHONIOENCODING="utf-8",
    )
    proc = subprocess.run(
        [str(SCRIPT), "console"],
        input=b"is my \x93after-tax\x94 401k money prorated?\n/faq \x93zzz\n/split 1000 5\n",
        capture_output=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in proc.stderr
    assert "Is a mega backdoor rollover subject to the pro-rata rule?" in out
    assert "No entry '\ufffdzzz'" in out  # (repeated as read, not as \\udc93)
    assert "$1,005.00" in out


def test_run_without_token_is_a_clear_error(tmp_path: Path) -> None:
    env = bare_env(HOME=str(tmp_path))
    proc = subprocess.run(
        [str(SCRIPT), "run"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: no Discord token") and proc.stderr.count("\n") == 1


@pytest.mark.parametrize("variable", ["DISCORD_TOKEN", "ROLLOVER_TOKEN"])
def test_malformed_token_is_refused_without_echoing_it(tmp_path: Path, variable: str) -> None:
    env = bare_env(HOME=str(tmp_path), **{variable: "not-a-token-secret"})
    proc = subprocess.run(
        [str(SCRIPT), "run"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert "does not look like a bot token" in proc.stderr
    # The variable the operator set is among those named (either may hold the token).
    assert variable in proc.stderr
    assert "not-a-token-secret" not in proc.stderr + proc.stdout


def test_the_console_reads_edited_faq_files_again_as_the_bot_does(tmp_path: Path) -> None:
    """A moderator trying an edit in the console saw the FAQ as it was when it started."""
    import re
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path)
    path = folder / "notice-2014-54.md"
    text = path.read_text(encoding="utf-8")
    assert "Notice 2014-54 explained" not in console.respond("/faq notice-2014-54").text
    assert "read again" not in console.respond("/list").text  # nothing changed: no note
    path.write_text(text.replace("What is IRS Notice 2014-54?", "Notice 2014-54 explained"))
    said = console.respond("/faq notice-2014-54").text
    assert said.startswith("FAQ files read again: 0 added, 1 changed (notice-2014-54)")
    assert "Notice 2014-54 explained" in said
    # a broken file: said once, with its line, and the FAQ read before keeps answering
    path.write_text(re.sub(r"(?m)^updated: .*$", "updated: 2026-02-30", text))
    said = console.respond("/faq notice-2014-54").text
    assert said.startswith(f"The FAQ files in {folder} have 1 problem; still answering")
    assert f"{path}:" in said and "Notice 2014-54 explained" in said
    assert "problem" not in console.respond("/faq notice-2014-54").text
    assert "1 problem" in console.respond("/reload").text  # asked for: read again anyway
    path.write_text(text)
    assert console.respond("/list").text.startswith(
        "The FAQ files are valid again. FAQ files read again: 0 added, 1 changed"
    )
    with (folder / "examples" / "three-buckets.yaml").open("a") as f:
        f.write("- text: how do the three buckets of my 401k differ\n")
    # an examples-only edit retrains: the console says the questions changed
    assert console.respond("/list").text.startswith(
        "FAQ files read again: 0 added, 0 changed, 0 removed; example questions changed ("
    )
    assert console.respond("/reload").text == "FAQ files read again: nothing changed."


@pytest.mark.parametrize(
    "typed", ["/reload now", "/Reload the files", "／reload", "/faq-admin reload"]
)
def test_reload_with_words_after_it_or_named_as_in_discord_reads_the_files_again(
    tmp_path: Path, typed: str
) -> None:
    """'/reload now' (or '／reload' from a full-width keyboard, or Discord's '/faq-admin
    reload', typed from habit) said 'Unknown command /reload' (or /faq-admin) and read
    nothing. They read the files again, as '/reload' does; /faq-admin's other commands
    say where their like is."""
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path)
    assert console.respond(typed).text == "FAQ files read again: nothing changed."
    said = console.respond("/faq-admin validate").text
    assert "/reload reads the FAQ files again" in said and "faq validate" in said, said


def test_a_console_started_from_the_last_complete_faq_says_when_the_files_are_valid_again(
    tmp_path: Path,
) -> None:
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path, broken=True)
    path = folder / "three-buckets.md"
    path.write_text(path.read_text() + "\nOne more line.\n")
    assert console.respond("/list").text.startswith("The FAQ files are valid again.")


def test_a_console_started_from_the_last_complete_faq_says_so_at_the_top(tmp_path: Path) -> None:
    """It said "Answering from the 25 FAQ entries in <folder>", as if from the files as they
    are: the answers came from their last complete version (the warning above it, on
    standard error, is easily missed or not shown)."""
    from knowledge.loader import DEFAULT_FAQ_DIR

    out = io.StringIO()
    kb = KnowledgeBase.load(DEFAULT_FAQ_DIR)
    assert run(kb, io.StringIO("quit\n"), out, broken=True) == 0
    top = out.getvalue().splitlines()[1]
    assert top == (
        f"Answering from the last good copy of {DEFAULT_FAQ_DIR.absolute()} "
        f"({len(kb.entries)} FAQ entries) until its problems are fixed."
    )
    out = io.StringIO()
    assert run(kb, io.StringIO("quit\n"), out) == 0
    assert out.getvalue().splitlines()[1].startswith(f"Answering from the {len(kb.entries)} FAQ")


def test_a_refused_reload_names_an_entry_renamed_to_a_name_no_load_reads(tmp_path: Path) -> None:
    """An entry renamed 'three-buckets.MD' is not read, and the reload is refused for what
    other files say of it ("related id 'three-buckets' does not exist", eighteen times):
    the file renamed and how to fix it were only a notice, which the refusal left out."""
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path)
    (folder / "three-buckets.md").rename(folder / "three-buckets.MD")
    said = console.respond("/reload").text
    lines = said.splitlines()
    assert "still answering from the FAQ read before" in lines[0]
    assert lines[1] == (
        f"  {folder / 'three-buckets.MD'}:1: notice: not read: entry files end in '.md' "
        "(this one: '.MD')"
    )
    assert "related id 'three-buckets' does not exist" in said
    assert console.kb.get("three-buckets") is not None  # still answering


def test_a_refused_reload_lists_the_problems_new_since_the_last_read_first(
    tmp_path: Path,
) -> None:
    """A moderator fixing many problems made a new slip: the next /reload listed five old
    lines, the new one 58th of 60 under "... and 55 more", and the count went down."""
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path)
    (folder / "three-buckets.md").unlink()  # (every entry naming it: a problem each)
    first = console.respond("/reload").text
    assert "new since the last read" not in first  # (nothing was told before)
    with (folder / "examples" / "notice-2014-54.yaml").open("a") as examples:
        examples.write("- text: [unclosed\n")
    said = console.respond("/reload").text.splitlines()
    assert "(1 new since the last read, first); still answering" in said[0], said[0]
    assert said[1].startswith(f"  {folder / 'examples' / 'notice-2014-54.yaml'}:"), said[1]
    # Told once, it is no longer new.
    again = console.respond("/reload").text.splitlines()
    assert "new since" not in again[0] and "notice-2014-54.yaml" not in again[1], again[:2]


def test_a_reload_in_the_console_names_every_changed_entry(tmp_path: Path) -> None:
    """A terminal has no message limit: unlike Discord, the console names them all."""
    from tests.faq_factory import write_entry

    folder = tmp_path / "faq"
    ids = [f"topic-{n:02d}" for n in range(12)]
    for entry_id in ids:
        write_entry(folder, entry_id)
    console = Console(KnowledgeBase.load(folder), chart_dir=tmp_path)
    for entry_id in ids:
        write_entry(folder, entry_id, updated="2026-11-28")
    said = console.respond("/reload").text
    assert said.startswith("FAQ files read again: 0 added, 12 changed (topic-00, ")
    assert all(entry_id in said for entry_id in ids) and "more" not in said


@pytest.mark.skipif(os.name != "posix", reason="a POSIX pseudo-terminal")
@pytest.mark.parametrize("columns", [60, 80])
def test_replies_fit_the_terminal(tmp_path: Path, columns: int) -> None:
    """Text was wrapped at 88 columns whatever the terminal: in an 80-column one (most
    terminals' size when opened) a third of an answer's lines, and of /split's working,
    were broken again mid-word by the terminal. Replies are wrapped to its width (at
    most 88): only a web address longer than a line is longer."""
    typed = [
        "is my after-tax rollover prorated?",
        "I put in $23,000 after-tax and it earned $412, what do I owe?",
        "/faq notice-2014-54",
        "/split basis:1000 earnings:5",
        "/schedule 30000 26 4 8%",
        "what is the weather like",
        "help",
    ]
    with console_in_a_terminal(tmp_path, columns) as (master, _, proc, _):
        shown = read_until(master, b"you> ")
        for line in typed:
            os.write(master, line.encode() + b"\n")
            shown += read_until(master, b"you> ")
        os.write(master, b"quit\n")
        proc.communicate(timeout=30)
    text = shown.decode().replace(PASTE_ON, "").replace(PASTE_OFF, "")
    assert text.count("you> ") == len(typed) + 1 and "Form 1099-R" in text
    wide = [
        line
        for line in text.splitlines()
        if len(line.rstrip("\r")) > columns
        and " " in line.strip()
        and not line.startswith("you> ")  # (what was typed, as the terminal shows it)
    ]
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("trouble", ["folder gone", "disk full"])
def test_a_chart_that_cannot_be_written_leaves_the_result_and_the_session(
    tmp_path: Path, trouble: str
) -> None:
    """The console writes each /schedule chart to the temporary folder. With that folder
    cleaned away under a long session, or its disk full, the console ended with "unexpected
    internal fault" and a traceback (exit 1): the result it had worked out was lost, and the
    session with it. The result is shown, with a line saying why there is no chart (no
    half-written file left behind), and the next line typed is answered."""
    from tests.full_disk import fill_up, full_disk

    charts = tmp_path / "charts"
    with contextlib.ExitStack() as stack:
        if trouble == "disk full":
            fill_up(stack.enter_context(full_disk(charts)))
        console = Console(KnowledgeBase.load(), chart_dir=charts)
        text = console.respond("/schedule 30000 26 4 8%").text
        assert "Taxable earnings:" in text and "not tax advice" in text
        assert f"No chart: it could not be written in {charts} (" in text
        assert "Chart written" not in text
        if charts.exists():
            assert not list(charts.glob("rollover-bot-schedule-*"))
        assert "Roth IRA:" in console.respond("/split 1000 5").text


def test_a_percent_sign_set_apart_is_the_number_before_it(console: Console) -> None:
    """ "8 %", spaced as French typography spaces it (and as `rollover-bot calc --return
    "8 %"` takes it), was two values in the console: "/schedule 7000 26 4 8 %" was told
    "tax_rate: '%' is not a rate" and "/split 1000 5 roth 24 %" that /split takes at most 4
    values. The sign goes with the number before it, named or in order."""

    def result(line: str) -> str:  # (each chart has a file of its own)
        return console.respond(line).text.rsplit("Chart written to ", 1)[0]

    spaced = result("/schedule 7000 26 4 8 % 24 %")
    assert spaced == result("/schedule 7000 26 4 8% 24%")
    assert "Estimated tax:       $15.01" in spaced and "Sorry" not in spaced
    split = console.respond("/split 1000 5 roth 24 %").text
    assert "Estimated tax:" in split and "$1.20" in split and "Sorry" not in split
    named = console.respond("/split 1000 5 tax_rate: 24 %").text
    assert "Estimated tax:" in named and "$1.20" in named
    # (a sign alone, with no number before it, is still refused by name)
    assert "tax_rate: '%' is not a rate" in console.respond("/split 1000 5 tax_rate: %").text


@pytest.mark.parametrize("width", [40, 88])
def test_a_title_wider_than_the_text_is_wrapped_and_underlined_whole(width: int) -> None:
    """A title over the width ran on past its underline, cut at the width (a member trial:
    the ACP entry's 94 characters under 88 '='), in answers and calculator results alike."""
    from bot.terminal import render_layout
    from calculators import render_text
    from calculators.catalog import CALCULATORS

    kb = KnowledgeBase.load()
    longest = max(kb.entries.values(), key=lambda e: len(e.title))
    assert len(longest.title) > 88  # (else this checks nothing at 88)
    result = CALCULATORS["split"]([], {"basis": "1000", "earnings": "5"})
    for text, title, wrapped in (
        (render_layout(kb.layout(longest.id), width), longest.title, width),
        (render_text(result, width // 2), result.title, width // 2),  # (its title is short)
    ):
        lines = text.split("\n")
        under = next(i for i, line in enumerate(lines) if line and set(line) == {"="})
        assert " ".join(lines[:under]) == title
        assert len(lines[under]) == max(map(len, lines[:under])) <= wrapped
