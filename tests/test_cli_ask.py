"""`rollover-bot ask`: the JSON contract of cli.md, batch mode, text output, bad input."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from calculators.catalog import CALCULATORS
from knowledge.base import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "rollover-bot"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["ask", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_reason_is_there_exactly_when_not_answered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cli.md: `reason` says in words why a question was not answered, and only then (it
    was in every unanswered object but named nowhere in the contract)."""
    answered = run_json(capsys, "which box of the 1099-R shows my after-tax basis?")
    assert answered["answered"] and "reason" not in answered
    unsure = run_json(capsys, "what is the capital of france")
    assert not unsure["answered"] and unsure["reason"] == "not confident enough to answer"
    wordless = run_json(capsys, "ELI5 pls")
    assert not wordless["answered"] and wordless["reason"]


@pytest.mark.parametrize("typed", ["/faq pro-rata", "/faq topic: pro-rata", "／ｆａｑ pro-rata"])
def test_an_asking_command_typed_as_the_question_asks_the_words_after_it(
    capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    """'rollover-bot ask "/faq pro-rata"' matched the word "faq" too, and answered with the
    entry on the IRS's rollover FAQ, where Discord's /ask and a mention read the words
    after the command; the JSON still names the question as typed."""
    pro_rata = "Is a mega backdoor rollover subject to the pro-rata rule?"
    data = run_json(capsys, typed)
    assert data["question"] == typed and data["best"]["id"] == "pro-rata-401k-after-tax"
    assert main(["ask", typed]) == 0
    assert capsys.readouterr().out.startswith(pro_rata)
    assert main(["ask", "/faq"]) == 2  # (nothing after it: nothing asked)
    assert capsys.readouterr().err.startswith("error: the question is empty")


def test_the_readmes_question_with_amounts_gets_them_worked_through(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The README promised its example question the asker's numbers under the answer; it
    was not answered (score 73: no answer, so no example), and said nothing of that. Its
    question, as the README quotes it now, is answered with /split's example."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    [question] = re.findall(r'A question that states its own amounts \("([^"]+)"\)', readme)
    data = run_json(capsys, question)
    assert data["answered"], data
    assert data["worked_example"]["command"] == "/split basis:23000 earnings:412"


def test_json_answer_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "which box of the 1099-R shows my after-tax basis?")
    assert set(data) >= {"question", "answered", "best", "suggestions"}
    assert data["answered"] is True
    assert data["best"]["id"] == "form-1099r-reporting"
    assert isinstance(data["best"]["score"], int | float) and 0 <= data["best"]["score"] <= 100
    assert len(data["suggestions"]) <= 3
    assert all(set(s) == {"id", "title", "score"} for s in data["suggestions"])


def test_json_abstention_has_null_best(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "how do I change my nickname on this server")
    assert data["answered"] is False and data["best"] is None
    assert isinstance(data["suggestions"], list) and len(data["suggestions"]) <= 3


def test_the_json_says_how_off_topic_a_question_looks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The score, for scripts (Discord volunteers nothing under a forum post above the
    threshold); the command line still lists the suggestions."""
    off = "Is it better to contribute to a Roth 401k or a traditional 401k in my tax bracket?"
    near = "after-tax 401k in-service withdrawal or in-plan conversion, which one?"
    far, close = run_json(capsys, off), run_json(capsys, near)
    assert far["off_topic"] > 55 > close["off_topic"] >= 0
    assert run_json(capsys, "😀😀😀")["off_topic"] is None  # nothing matched: not judged
    assert main(["ask", off]) == 0
    assert far["suggestions"][0]["id"] in capsys.readouterr().out


def test_a_question_outside_the_faq_is_told_so_not_asked_to_rephrase(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With no entry to suggest, an off-topic question hears what the FAQ covers; one that
    could not be judged (nothing matched) is still asked to rephrase."""
    outside = "Should I use an HSA or a 529 for my kid's college?"
    assert run_json(capsys, outside)["suggestions"] == []  # (nothing listed either way)
    assert main(["ask", outside]) == 0
    out = capsys.readouterr().out
    assert "may be outside what this FAQ covers" in out and "not tax advice" in out
    assert "no FAQ entry looks close" not in out
    assert main(["ask", "😀😀😀"]) == 0
    out = capsys.readouterr().out
    assert "no FAQ entry looks close" in out and "outside" not in out


def test_text_answer_reads_like_the_bot(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "can I send the gains to a traditional IRA and basis to Roth IRA?"]) == 0
    out = capsys.readouterr().out
    assert "Notice 2014-54" in out
    assert "Sources:" in out and "https://" in out
    assert "not tax advice" in out


def test_a_post_asking_two_things_reads_both_answers_in_text(
    capsys: pytest.CaptureFixture[str], kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Discord posts the answer to a post's other question too (``also`` in the JSON); the
    text answer (and the console, which prints it) showed the main answer alone, so a
    moderator trying a post saw less than members would get. The other answer comes as
    Discord gives it, its short answer, and is not offered again under "See also"."""
    two = (
        "How often should I convert my after-tax contributions to Roth? Also, how does the "
        "regular IRA backdoor Roth work and how is it reported?"
    )
    # Close entries listed from 10, not 25: the other answer's entry (about 24 as the
    # post's runner-up) is then one "See also" would list if it were not left out.
    monkeypatch.setenv("ROLLOVER_MATCHING__PLAUSIBLE_THRESHOLD", "10")
    data = run_json(capsys, two)
    assert data["answered"] and data["also"]  # (the matcher's side: two answers)
    other = data["also"][0]["id"]
    assert other in [s["id"] for s in data["suggestions"] if s["score"] >= 10]
    assert other not in kb.entries[data["best"]["id"]].related  # (not left out as related)
    assert main(["ask", two]) == 0
    out = capsys.readouterr().out
    for hit in (data["best"], *data["also"]):
        title = kb.entries[hit["id"]].title
        assert f"{title}\n{'=' * len(title)}\n" in out, hit["id"]
    assert " ".join(kb.entries[other].short.split()[:8]) in " ".join(out.split())
    see_also = [line for line in out.splitlines() if line.startswith("See also")]
    assert not any(f"({other})" in line for line in see_also)


def test_a_calculator_typed_with_a_full_width_slash_is_pointed_at_the_calculator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "／split 1000 5" (a Japanese or Chinese keyboard's slash) was matched as a question
    and kept for moderators as one the FAQ missed."""
    for typed in (
        "/split 1000 5",
        "\uff0fsplit 1000 5",
        "\uff0f\uff53\uff50\uff4c\uff49\uff54 1000 5",
    ):
        assert main(["ask", typed]) == 0
        out = capsys.readouterr().out
        assert "rollover-bot calc split" in out and "not sure" not in out, typed


def test_a_command_line_pasted_as_the_question_is_pointed_at_the_calculator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'rollover-bot ask "rollover-bot calc split --basis 1000 --earnings 5"' was answered
    "Yes. Under IRS Notice 2014-54..." with a score of 80.5 (a helper's trial); without
    "rollover-bot" it was "not sure". Both name the calculator now; words after the
    calculator's name that are no values still ask a question."""
    for typed in (
        "rollover-bot calc split --basis 1000 --earnings 5",
        "calc split --basis 1000 --earnings 5",
        "calc split --basis=1000 --earnings=5 --json",
    ):
        assert main(["ask", typed]) == 0
        out = capsys.readouterr().out
        assert out.startswith("That is the /split calculator"), typed
    assert main(["ask", "rollover-bot calc split how does it work"]) == 0
    assert not capsys.readouterr().out.startswith("That is the /")


def test_a_split_with_an_abbreviated_destination_asked_is_pointed_at_the_calculator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "/split 1000 5 trad" was matched as a question ("not sure enough"), and kept for
    moderators as one the FAQ missed, while "/split 1000 5 traditional" was pointed at
    the calculator."""
    for typed in (
        "/split 1000 5 traditional",
        "/split 1000 5 trad",
        "/split 1000 5 roth_ira",
        "/split 1000 5 traditional IRA",  # (two words, as people write it)
    ):
        assert main(["ask", typed]) == 0
        out = capsys.readouterr().out
        assert "rollover-bot calc split" in out and "not sure" not in out, typed


def test_a_calculator_command_asked_is_pointed_at_the_calculator(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The bot tells "/split 1000 5" typed into /ask how to run the calculator; the text
    answer here said "not sure enough to answer that" and offered an entry, naming no
    calculator. It names the command that runs it, with the asker's own values (a batch
    line too): the example's 1000 and 5 had them type theirs again. The JSON is the match,
    as the contract has it."""
    assert main(["ask", "/split 2000 50"]) == 0
    out = capsys.readouterr().out
    assert "run rollover-bot calc split --basis 2000 --earnings 50 (" in out
    assert "not sure" not in out
    # A choice as the command line takes it, and a value the shell would read is quoted.
    assert main(["ask", "/split $2,000 50 trad IRA 24%"]) == 0
    line = (
        "rollover-bot calc split --basis '$2,000' --earnings 50 --earnings-to traditional "
        "--tax-rate 24%"
    )
    assert f"run {line} (" in capsys.readouterr().out
    # The line runs as it is written, and gives what the values typed give.
    assert main([*shlex.split(line)[1:], "--json"]) == 0
    ran = json.loads(capsys.readouterr().out)
    assert (ran["taxable"], ran["traditional_ira"], ran["estimated_tax"]) == (
        "0.00",
        "50.00",
        "0.00",
    )
    for refused in ("/split 1e9 5", "/split \u221e 5", "/prorata NaN 5 5"):
        assert main(["ask", refused]) == 0  # (a value the calculator refuses is a value)
        out = capsys.readouterr().out
        # (the example's values, and why the asker's are refused)
        example = CALCULATORS[refused.split()[0][1:]].cli_example
        assert f"e.g. {example} (" in out, out
        assert "not a question (" in out, out
    assert main(["ask", "/split 1e9 5"]) == 0
    assert "(basis: '1e9' is scientific notation;" in capsys.readouterr().out
    # (a frequency word is a value /schedule answers with its count: it was a question)
    assert main(["ask", "/schedule 30000 bi-weekly 4 8%"]) == 0
    assert "not a question (paychecks: 'bi-weekly' is 26 a year;" in capsys.readouterr().out
    data = run_json(capsys, "/split basis: 2000 earnings: 50")
    # ("reason" exactly when not answered: the match's words decide, as for any question)
    assert set(data) == {
        "question", "answered", "best", "suggestions", "also", "off_topic", "fallback"
    } | ({"reason"} if not data["answered"] else set())  # fmt: skip
    proc = subprocess.run(
        [str(SCRIPT), "ask", "-"],
        input="/schedule 30000 26 4 8%\nis ATS prorated\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "rollover-bot calc schedule --annual 30000 --paychecks 26" in proc.stdout
    assert proc.stdout.count("That is the /") == 1  # (the question is answered)


def test_batch_mode_keeps_order_and_reports_bad_lines() -> None:
    questions = ["ELI5 the MBDR pls", "", "how do I change my nickname", "x" * 5000]
    proc = subprocess.run(
        [str(SCRIPT), "ask", "--json", "-"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["question"] for r in rows] == questions
    assert rows[0]["best"]["id"] == "mega-backdoor-overview"
    assert rows[1]["answered"] is False and "empty" in rows[1]["error"]
    assert "quotes" not in rows[1]["error"]  # (a shell's hint; a batch line has no quotes)
    assert rows[2]["best"] is None
    assert rows[3]["answered"] is False and "4,000" in rows[3]["error"]


def test_batch_mode_text_repeats_each_line_escaped() -> None:
    """Each line is repeated above its answer: an escape sequence in it (a window title, a
    cleared screen) is shown as text, not obeyed by the terminal."""
    proc = subprocess.run(
        [str(SCRIPT), "ask", "-"],
        input="mega backdoor \x1b]0;pwned\x07\x1b[2J roth\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("> mega backdoor \\x1b]0;pwned\\x07\\x1b[2J roth\n")
    assert not any(ch in proc.stdout for ch in "\x1b\x07")


def test_batch_mode_reads_utf8_whatever_the_bytes_and_the_locale() -> None:
    """A line that is not UTF-8 (or Windows line ends) neither stops the batch nor breaks
    the JSON, with a strict locale too: the bad bytes read as U+FFFD."""
    # (a byte order mark, as some editors save, opens the file: it is no part of the question)
    data = (
        b"\xef\xbb\xbfare after-tax contributions pro-rated?\r\n"
        + b"\xff\xfe bad bytes\n"
        + "caf\u00e9 ok?\n".encode()
    )
    proc = subprocess.run(
        [str(SCRIPT), "ask", "--json", "-"],
        input=data,
        capture_output=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUTF8": "0", "LC_ALL": "C"},
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["question"] for r in rows] == [
        "are after-tax contributions pro-rated?",
        "\ufffd\ufffd bad bytes",
        "caf\u00e9 ok?",
    ]
    assert rows[0]["answered"] is True


def test_what_goes_wrong_on_the_way_is_said_as_a_warning_line(tmp_path: Path) -> None:
    """A cache folder that cannot be made: the answer comes all the same, and stderr says
    why nothing was kept in 'warning:' lines (Python's last resort printed bare messages)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = subprocess.run(
        [str(SCRIPT), "ask", "is ATS money prorated?"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "ROLLOVER_CACHE_DIR": str(blocker)},
    )
    assert proc.returncode == 0 and "Sources:" in proc.stdout
    lines = proc.stderr.splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines), proc.stderr
    assert any("could not keep the last complete FAQ" in line for line in lines)


def test_an_internal_fault_shows_its_traceback_above_the_error_line() -> None:
    """A bug (here one planted in a real process) is reported with its traceback, which a
    bug report needs, not only 'the details were logged above' with no details."""
    planted = (
        "import sys, bot.cli, bot.cli.ask\n"
        "def broken(*args, **kwargs): raise RuntimeError('planted bug')\n"
        "bot.cli.ask.check_question = broken\n"
        "sys.exit(bot.cli.main(['ask', 'is ATS money prorated?']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", planted], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert "Traceback (most recent call last):" in lines, proc.stderr
    assert "RuntimeError: planted bug" in lines
    assert lines.index("RuntimeError: planted bug") < len(lines) - 1
    assert lines[-1] == "error: unexpected internal fault; the details were logged above"
    assert not any(line.startswith("warning:") for line in lines), proc.stderr


def test_ctrl_c_while_a_class_is_made_is_an_interruption_not_a_fault() -> None:
    """Ctrl-C while the FAQ loads can come as a library's classes are made (threadpoolctl
    is imported as the matcher trains). Python 3.11 wraps a KeyboardInterrupt raised in a
    class's ``__set_name__`` in a RuntimeError, and the command said 'unexpected internal
    fault' with a traceback (exit 1), where Ctrl-C is an interruption (130)."""
    planted = (
        "import sys, bot.cli, bot.cli.ask\n"
        "class Stop:\n"
        "    def __set_name__(self, owner, name): raise KeyboardInterrupt\n"
        "def interrupted(*args, **kwargs):\n"
        "    class Made:\n"
        "        field = Stop()\n"
        "bot.cli.ask.check_question = interrupted\n"
        "sys.exit(bot.cli.main(['ask', 'is ATS money prorated?']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", planted], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == 130, proc.stderr
    assert "internal fault" not in proc.stderr and "Traceback" not in proc.stderr


def test_a_terminal_that_is_not_utf8_still_gets_the_answer() -> None:
    """An ASCII terminal (an old locale, PYTHONIOENCODING=ascii): the characters it cannot
    show are replaced; the answer was lost to an internal fault."""
    proc = subprocess.run(
        [str(SCRIPT), "ask", "is ATS money prorated?"],
        capture_output=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (proc.returncode, proc.stderr) == (0, b""), proc.stderr.decode("ascii", "replace")
    assert b"Sources:" in proc.stdout and b"not tax advice" in proc.stdout


def test_a_bad_file_descriptor_inside_is_a_fault_not_lost_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only a closed standard output is "cannot write the output": the same errno from
    anywhere else (a bug) is a fault, logged with its traceback (shown by the test above
    in a real process)."""
    import errno

    def broken(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr("bot.cli.ask.result_json", broken)
    assert main(["ask", "--json", "is ATS money prorated?"]) == 1
    err = capsys.readouterr().err
    assert "cannot write the output" not in err
    # (what logging printed above depends on the handlers earlier tests left)
    assert err.endswith("error: unexpected internal fault; the details were logged above\n")


def test_json_on_a_terminal_that_is_not_utf8_keeps_every_character() -> None:
    """JSON is read by programs: a character the terminal lacks is escaped (the same
    value), not shown as '?', which changed the question silently."""
    asked = "is my après-tax money prorated? 💸"
    proc = subprocess.run(
        [str(SCRIPT), "ask", "--json", asked],
        capture_output=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert (proc.returncode, proc.stderr) == (0, b""), proc.stderr.decode("ascii", "replace")
    assert json.loads(proc.stdout)["question"] == asked


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["ask", "--json", "-"], "give the questions on it"), (["console"], "reads what you type")],
)
def test_a_closed_standard_input_is_one_error_line(args: list[str], fragment: str) -> None:
    """`... <&-` (a cron line, a service unit without input): said, exit 2, not an
    internal fault."""
    proc = subprocess.run(
        ["sh", "-c", '"$@" <&-', "sh", str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: standard input is closed; ") and fragment in proc.stderr
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["ask", "--json", "-"], "give the questions on it"), (["console"], "reads what you type")],
)
@pytest.mark.parametrize("redirect", ['0>"$0.in"', "0>&1"])
def test_a_standard_input_open_for_writing_only_is_one_error_line(
    tmp_path: Path, args: list[str], fragment: str, redirect: str
) -> None:
    """`... 0>file` (a slip for `0<`), or `0>&1` onto a pipe's writing end: reading it
    failed with 'Bad file descriptor', an internal fault with a traceback (exit 1); it is
    said as what it is, as a closed one is (exit 2)."""
    proc = subprocess.run(
        ["sh", "-c", f'"$@" {redirect}', str(tmp_path / "q"), str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("error: standard input is open for writing only; ")
    assert fragment in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_an_argument_that_is_not_utf8_is_asked_with_its_bad_bytes_replaced() -> None:
    proc = subprocess.run(
        [str(SCRIPT).encode(), b"ask", b"--json", b"is my \xff after-tax rollover prorated?"],
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    row = json.loads(proc.stdout.decode("utf-8"))
    assert row["question"] == "is my \ufffd after-tax rollover prorated?"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["ask", ""], "empty"),
        (["ask", "   "], "empty; type your question in quotes"),
        # what shows nothing is empty too, as in Discord (it was answered "no entry looks close")
        (["ask", "\u3164"], "empty: it holds only characters that show nothing"),
        (["ask", "\u200b\u2060", "--json"], "empty: it holds only characters that show nothing"),
        (["ask", "y" * 100_000], "characters"),
        (["ask"], "question"),
        (
            ["ask", "hi", "--faq-dir", "/no/such/folder"],
            "/no/such/folder (--faq-dir) does not exist",
        ),
        # (said as a missing folder, not as an FAQ with '1 problem' to look up)
        (
            ["faq", "list", "--faq-dir", "/no/such/folder"],
            "/no/such/folder (--faq-dir) does not exist",
        ),
        (["faq", "show", " "], "give the id of an entry"),
        # (the hint names the subcommand's own help, not the top-level one)
        (
            ["ask", "hi", "--bogus"],
            "unrecognized arguments: --bogus (try 'rollover-bot ask --help')",
        ),
        (
            ["calc", "split", "--basis", "1", "--earnings", "1", "extra"],
            "unrecognized arguments: extra (try 'rollover-bot calc split --help')",
        ),
        # An option given twice is refused, as a calculator's is: the last one was used
        # without a word (the commands registered in the second server only, the report
        # read from the second database).
        (
            ["sync", "--print", "--guild", "123", "--guild", "456"],
            "argument --guild: given twice (123, then 456); give it once",
        ),
        (["faq", "gaps", "--limit", "5", "--limit", "50"], "--limit: given twice (5, then 50)"),
        (["faq", "gaps", "--days", "7", "--days", "30"], "--days: given twice (7, then 30)"),
        (["ask", "hi", "--faq-dir", "a", "--faq-dir", "b"], "--faq-dir: given twice (a, then b)"),
        (
            ["faq", "stats", "--db", "postgresql://u:hunter2@h/db", "--db", "bot.db"],
            "--db: given twice (postgresql://u:***@h/db, then bot.db)",
        ),
    ],
)
def test_bad_input_is_one_error_line_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ")
    assert captured.err.count("\n") == 1
    assert fragment in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_control_characters_and_emoji_do_not_crash(capsys: pytest.CaptureFixture[str]) -> None:
    for question in ("\x00\x07\x1b[2J", "🙂🙂🙂", "\u202eabc\u200b"):
        data = run_json(capsys, question)
        assert data["answered"] is False


def test_real_process_exit_codes() -> None:
    ok = subprocess.run([str(SCRIPT), "faq", "list"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "mega-backdoor-overview" in ok.stdout
    bad = subprocess.run([str(SCRIPT), "ask", ""], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ")


@pytest.mark.parametrize("command", [["ask", "is ATS prorated?"], ["faq", "list"]])
def test_a_missing_faq_folder_says_where_it_was_set(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """A mistyped ROLLOVER_FAQ_DIR left in a shell profile: the error names the setting,
    so the operator does not look for a --faq-dir they never typed."""
    monkeypatch.chdir(tmp_path)  # (no .env or settings.toml of the checkout's)
    monkeypatch.setenv("ROLLOVER_FAQ_DIR", str(tmp_path / "nope"))
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: the FAQ folder {tmp_path / 'nope'} (the faq_dir setting:")
    assert "ROLLOVER_FAQ_DIR" in err and "does not exist or is not a folder" in err
    assert main([*command, "--faq-dir", str(tmp_path / "typo")]) == 2
    assert "(--faq-dir) does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["ask", "is ATS prorated?"], ["faq", "list"], ["console"]])
def test_a_missing_relative_faq_folder_is_named_whole(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    """A relative faq_dir is read from the folder a command runs in: a systemd unit
    without WorkingDirectory runs in /, a shell in another folder than the bot's. The
    error said "the FAQ folder faq ... does not exist", and left the operator to guess
    where it had looked; it names the folder whole."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ROLLOVER_FAQ_DIR", "faq")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: the FAQ folder {tmp_path / 'faq'} (the faq_dir setting:"), err
    assert "does not exist or is not a folder" in err and err.count("\n") == 1


def test_faq_list_reads_the_files_without_training_and_refuses_a_broken_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    assert main(["faq", "list", "--json", "--faq-dir", str(folder)]) == 0
    ids = [e["id"] for e in json.loads(capsys.readouterr().out)["entries"]]
    # (every entry file, however many a moderator has added)
    assert sorted(ids) == sorted(f.stem for f in folder.glob("*.md")) and "notice-2014-54" in ids
    (folder / "broken-entry.md").write_text("no front matter here\n", encoding="utf-8")
    assert main(["faq", "list", "--faq-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: the FAQ in") and "faq validate" in err


@pytest.mark.parametrize("command", [["ask", "is ATS prorated?"], ["faq", "list"]])
def test_the_validate_command_suggested_for_a_broken_faq_runs_as_pasted(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken FAQ is refused with the command that lists its problems; in a folder whose
    name has a space ("My FAQ"), pasted as shown it validated two folders that are not."""
    import shlex
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "My FAQ"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    (folder / "broken-entry.md").write_text("no front matter here\n", encoding="utf-8")
    assert main([*command, "--faq-dir", str(folder)]) == 2
    said = re.search(r"run '(.+)' to (?:list them|check it again)", capsys.readouterr().err)
    assert said is not None
    program, *args = shlex.split(said.group(1))
    assert program == "rollover-bot"
    assert main(args) == 1  # (problems found, as validate says them)
    assert "broken-entry.md:" in capsys.readouterr().out


@pytest.mark.parametrize("redirect", ["2>&-", "2</dev/null"], ids=["closed", "read-only"])
def test_json_from_the_last_complete_faq_without_a_standard_error_is_one_object(
    redirect: str, tmp_path: Path
) -> None:
    """Answering from the last complete FAQ while a file is broken, with stderr thrown away
    (`2>&-`): the `warning:` line went to standard output above the JSON (print() to the
    None Python makes a closed stderr writes there), and a script's json.loads failed on an
    answer that exit 0 called good; with stderr open for reading, the answer was lost to an
    internal fault (exit 1). cli.md: --json prints exactly one object; the warning's news
    is in its "fallback"."""
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    env = {**os.environ, "ROLLOVER_CACHE_DIR": str(tmp_path / "cache")}
    args = [str(SCRIPT), "ask", "--json", "is ATS money prorated?", "--faq-dir", str(folder)]
    kept = subprocess.run(args, capture_output=True, text=True, timeout=60, env=env)
    assert kept.returncode == 0, kept.stderr  # (its complete load keeps this version)
    (folder / "broken-entry.md").write_text("no front matter here\n", encoding="utf-8")
    proc = subprocess.run(
        ["sh", "-c", f'"$@" {redirect}', "sh", *args],
        stdout=subprocess.PIPE,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert len(lines) == 1, proc.stdout
    data = json.loads(lines[0])
    assert data["answered"] is True and data["fallback"]["problems"] == 1


def test_see_also_lists_only_plausible_entries_not_already_related(
    capsys: pytest.CaptureFixture[str], kb: KnowledgeBase
) -> None:
    """Under an answer, as in Discord: a 2% "See also" or an entry the answer already lists
    under Related is noise on a phone screen. (The JSON keeps every suggestion.)"""
    floor = kb.matcher.tuning.plausible_threshold
    shown_any = hidden_any = False
    for question in (
        "what is the mega backdoor roth",
        "backdoor roth with existing traditional ira balance pro rata",
        "isn't ATS money already growing tax free? why rush?",
        "ISW or in plan conversion for ATS?",
        "does my TIRA balance mess up the mega backdoor",
        # (one with a plausible entry to show: with the sentence embeddings, none of the
        # above has one outside its answer's Related any more)
        "do I owe tax on earnings when I convert after tax to roth, and what is the 415c limit",
    ):
        data = run_json(capsys, question)
        assert data["answered"], question
        # (nor one answered as the post's other question: see the test above)
        related = set(kb.entries[data["best"]["id"]].related) | {h["id"] for h in data["also"]}
        wanted = [
            s["id"] for s in data["suggestions"] if s["score"] >= floor and s["id"] not in related
        ]
        assert main(["ask", question]) == 0
        see_also = [
            line for line in capsys.readouterr().out.splitlines() if line.startswith("See also")
        ]
        shown = re.findall(r"\(([a-z0-9-]+)\)", see_also[0]) if see_also else []
        assert shown == wanted, question
        shown_any |= bool(shown)
        hidden_any |= len(wanted) < len(data["suggestions"])
    assert shown_any and hidden_any  # both cases were met


def test_an_answer_asked_about_a_year_without_figures_carries_the_year_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`ask` (and the console, which prints the same text) says what Discord says under the
    answer: which years its figures are for, and where the IRS publishes the year asked."""
    from calculators.limits import supported_years

    year = max(supported_years()) + 4
    question = f"what will the after-tax 401k limits be in {year}"
    data = run_json(capsys, question)
    assert data["best"]["id"] == "contribution-limits"
    assert (
        f"I have none for {year} yet. The IRS publishes each year's limits at https://"
        in (data["year_note"])
    )
    assert main(["ask", question]) == 0
    assert f"I have none for {year} yet." in capsys.readouterr().out
    # a year it has: no such key
    assert "year_note" not in run_json(capsys, question.replace(str(year), str(year - 4)))


def test_faq_show_names_as_close_only_entries_that_hold_something_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A moderator's small FAQ scores every entry 0 for a word none of them holds:
    'faq show roth' said "(close: alpha-entry, beta-entry, gamma-entry)", every entry,
    where Discord's /faq and the console say none is close."""
    from tests.faq_factory import write_entry

    write_entry(tmp_path, "alpha-entry", title="What is the alpha rule for plans?")
    write_entry(tmp_path, "beta-entry", title="How does the beta limit work?")
    write_entry(tmp_path, "gamma-entry", title="When is gamma reported?")
    assert main(["faq", "show", "roth", "--faq-dir", str(tmp_path)]) == 2
    assert "error: no FAQ entry 'roth'; see 'faq list'" in capsys.readouterr().err
    assert main(["faq", "show", "reported limit", "--faq-dir", str(tmp_path)]) == 2
    said = capsys.readouterr().err
    assert "(close: beta-entry, gamma-entry); see 'faq list'" in said, said


@pytest.mark.parametrize("typed", ["xyzzy", "pizza", "?", ","])
def test_faq_show_names_nothing_close_for_gibberish_or_punctuation(
    typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the shipped FAQ, 'faq show xyzzy' named three entries close (a text's meaning
    gives every entry a fraction of a point), and 'faq show ?' three more (every title is
    a question). Neither holds anything an entry holds; a misspelt topic still names its
    entry."""
    assert main(["faq", "show", typed]) == 2
    assert f"error: no FAQ entry '{typed}'; see 'faq list'" in capsys.readouterr().err
    assert main(["faq", "show", "spilover"]) == 2
    assert "(close: mega-backdoor-setup" in capsys.readouterr().err


def test_a_question_that_begins_with_a_dash_is_told_how_to_give_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'ask -inf' (or 'faq show -x') was told only "required: question": argparse takes a
    word that begins with "-" for an option. The error now says to put it after '--',
    which works; a missing option (whose value may begin with "-") gets no such hint."""
    assert main(["ask", "-inf"]) == 2
    said = capsys.readouterr().err
    assert "required: question; to give '-inf' as a value, put it after '--'" in said, said
    assert "(rollover-bot ask -- -inf)" in said
    assert main(["ask", "--", "-inf"]) == 0
    assert "not tax advice" in capsys.readouterr().out
    assert main(["faq", "show", "-x"]) == 2
    assert "(rollover-bot faq show -- -x)" in capsys.readouterr().err
    assert main(["ask", "-it's"]) == 2  # (quoted so that a shell takes it as it is)
    assert """(rollover-bot ask -- '-it'"'"'s')""" in capsys.readouterr().err
    assert main(["calc", "split", "--basis", "5", "-q"]) == 2
    assert "after '--'" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [["ask", "is it prorated?"], ["faq", "list"]])
def test_a_faq_refused_for_one_problem_says_the_problem(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty FAQ folder was refused with "has 1 problem; run validate to list them":
    one problem is said in the `error:` line itself; several are counted, as before."""
    assert main([*command, "--faq-dir", str(tmp_path)]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"error: the FAQ in {tmp_path} has 1 problem: "), said
    assert "no FAQ files (<id>.md) found in this folder" in said
    for name in ("one.md", "two.md"):
        (tmp_path / name).write_text("no front matter here\n", encoding="utf-8")
    assert main([*command, "--faq-dir", str(tmp_path)]) == 2
    said = capsys.readouterr().err
    assert "has 2 problems; run 'rollover-bot faq validate" in said and "to list them" in said


def test_a_source_address_with_parentheses_is_printed_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A legal citation's address holds parentheses (26 CFR 1.401(a)(31)-1). The text
    output cut it at the first ")": '<https://.../1.401(a>(31)-1)', an address that opens
    another page, in 'faq show', its '--short' and 'ask' alike (the console prints the same)."""
    from tests.faq_factory import write_entry

    url = "https://www.law.cornell.edu/cfr/text/26/1.401(a)(31)-1"
    write_entry(
        tmp_path,
        "alpha",
        title="Must my plan split one payout between two direct rollovers?",
        sources=[{"title": "26 CFR 1.401(a)(31)-1 (Q&A-10)", "url": url}],
    )
    for command in (
        ["faq", "show", "alpha"],
        ["faq", "show", "alpha", "--short"],
        ["ask", "Must my plan split one payout between two direct rollovers?"],
    ):
        assert main([*command, "--faq-dir", str(tmp_path)]) == 0
        out = capsys.readouterr().out
        assert f"26 CFR 1.401(a)(31)-1 (Q&A-10) <{url}>" in out, command


@pytest.mark.parametrize(
    "question",
    [
        "I put in $23,000 after-tax and it earned $412, what do I owe rolling it to a Roth IRA?",
        "How often should I convert my after-tax contributions to Roth? Also, how does the "
        "regular IRA backdoor Roth work and how is it reported?",
    ],
    ids=["amounts", "two-questions"],
)
def test_the_not_tax_advice_line_is_printed_once_under_the_whole_answer(
    capsys: pytest.CaptureFixture[str], question: str
) -> None:
    """A question stating its amounts printed the not-tax-advice line twice, under the
    answer and again under its worked example (and a post asking two things, under each
    answer): once, at the end of the answers and the asker's numbers, is how the console
    and `ask` say it now."""
    from bot.worked_example import LABEL
    from calculators.base import NOT_TAX_ADVICE

    data = run_json(capsys, question)
    assert data["answered"] and (data.get("worked_example") or data["also"])
    assert main(["ask", question]) == 0
    out = capsys.readouterr().out
    assert out.count(NOT_TAX_ADVICE) == 1
    last = out.index(NOT_TAX_ADVICE)
    if data.get("worked_example"):
        assert out.index(LABEL) < last and "How it is worked out:" in out[:last]
    for hit in data["also"]:
        assert out.index(hit["title"]) < last


def test_a_warning_shows_bytes_that_are_not_utf8_as_an_error_line_does(tmp_path: Path) -> None:
    """A `warning:` line naming a folder whose name is not UTF-8 (the FAQ answered from its
    last complete version; a cache folder others may write to) showed the byte as the
    escape '\\udcff', where an `error:` line shows U+FFFD and says why."""
    import shutil

    from knowledge.loader import DEFAULT_FAQ_DIR

    folder = tmp_path / os.fsdecode(b"faq\xff")
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    open_cache = tmp_path / os.fsdecode(b"cache\xff")
    open_cache.mkdir(mode=0o777)
    open_cache.chmod(0o777)  # (others may write to it: not used, and said so)

    asked = [os.fsencode(SCRIPT), b"ask", b"is ATS money prorated?", b"--faq-dir"]

    def warned(cache: Path) -> str:
        proc = subprocess.run(
            [*asked, os.fsencode(folder)],
            capture_output=True,
            timeout=60,
            env={**os.environ, "PYTHONUTF8": "1", "ROLLOVER_CACHE_DIR": os.fsdecode(cache)},
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stderr.decode("utf-8")

    why = "(\ufffd stands for bytes that are not UTF-8: the terminal's encoding is not UTF-8)"
    logged = warned(open_cache)
    assert logged.startswith("warning: not using the cache folder ") and logged.count("\n") == 1
    assert "cache\ufffd:" in logged and why in logged and "\\udc" not in logged, logged
    warned(tmp_path / "cache")  # (a complete load: its copy is kept)
    (folder / "broken-entry.md").write_text("no front matter here\n", encoding="utf-8")
    fallback = warned(tmp_path / "cache")
    assert fallback.startswith("warning: ") and fallback.count("\n") == 1, fallback
    assert "faq\ufffd" in fallback and why in fallback and "\\udc" not in fallback, fallback


def test_the_text_answer_offers_the_suggestions_discord_offers_a_member_who_asked(
    capsys: pytest.CaptureFixture[str], kb: KnowledgeBase
) -> None:
    """The text listed every suggestion the JSON has, down to a score of 2: "(roth-401k-
    rollover, score 3)" under a question about a pension's 1099-R invited a click on noise
    (a member trial). It lists those Discord offers a member who asked (plausible_threshold);
    the JSON keeps them all."""
    question = "Got a 1099-R with code 7 from my mom's pension, what does that mean?"
    data = run_json(capsys, question)
    floor = kb.matcher.tuning.plausible_threshold
    low = [h["id"] for h in data["suggestions"] if h["score"] < floor]
    assert low and not data["answered"]  # (else this checks nothing)
    assert main(["ask", question]) == 0
    out = capsys.readouterr().out
    assert not any(f"({i}, score" in out for i in low), out
    kept = [h["id"] for h in data["suggestions"] if h["score"] >= floor]
    assert all(f"({i}, score" in out for i in kept), out
