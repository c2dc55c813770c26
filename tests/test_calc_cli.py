"""`rollover-bot calc ...`: the cli.md contract, text output, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from calculators.limits import supported_years
from tests.full_disk import fill_up, full_disk

SCRIPT = Path(sys.executable).parent / "rollover-bot"
MONEY = re.compile(r"^-?\d+\.\d{2}$")

Capsys = pytest.CaptureFixture[str]


def run_json(capsys: Capsys, *args: str) -> dict:
    code = main(["calc", *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 1  # exactly one JSON object
    return json.loads(lines[0])


def test_real_subprocess_seed_thread() -> None:
    proc = subprocess.run(
        [str(SCRIPT), "calc", "split", "--basis", "1000", "--earnings", "5", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["roth_ira"] == "1005.00" and data["taxable"] == "5.00"
    assert data["forms_1099r"] == [
        {
            "destination": "roth_ira",
            "box1": "1005.00",
            "box2a": "5.00",
            "box5": "1000.00",
            "code": "G",
        }
    ]


def test_the_earnings_destination_is_taken_in_any_case(capsys: Capsys) -> None:
    """ "Traditional" as people capitalise it is the choice, not an error."""
    args = ["split", "--basis", "1000", "--earnings", "5", "--earnings-to"]
    data = run_json(capsys, *args, "Traditional")
    assert (data["roth_ira"], data["traditional_ira"]) == ("1000.00", "5.00")
    assert run_json(capsys, *args, "ROTH")["roth_ira"] == "1005.00"


@pytest.mark.parametrize(
    ("typed", "to"),
    [
        ("trad", "traditional"),  # (the forums' word: "trad IRA")
        ("traditional_ira", "traditional"),  # (the destination as the JSON names it)
        ("Traditional IRA", "traditional"),
        ("tIRA", "traditional"),
        ("Roth-IRA", "roth"),
        ("roth_ira", "roth"),
    ],
)
def test_the_earnings_destination_is_taken_as_people_abbreviate_it(
    capsys: Capsys, typed: str, to: str
) -> None:
    """ "trad", or the account's name as the JSON writes it, was "invalid choice"."""
    args = ["split", "--basis", "1000", "--earnings", "5", "--earnings-to", typed]
    data = run_json(capsys, *args)
    assert (data["roth_ira"], data["traditional_ira"]) == (
        ("1000.00", "5.00") if to == "traditional" else ("1005.00", "0.00")
    )
    assert data == run_json(capsys, *args[:-1], to)  # (the same JSON as the choice spelt out)
    code = main(["calc", *args[:-1], "tradesman"])  # positive control: others still refused
    assert code == 2 and "invalid choice: 'tradesman'" in capsys.readouterr().err


def test_a_whole_number_typed_as_minus_zero_is_zero(capsys: Capsys) -> None:
    """'-0' is 0, as an amount's '-0' is: an age of -0 was told "'-0' is negative"."""
    assert main([*ROOM, "--age", "0", "--json"]) == 0
    zero = json.loads(capsys.readouterr().out)
    assert main([*ROOM, "--age", "-0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == zero
    assert main([*SCHED, "--paychecks", "-0", "--conversions", "4"]) == 2
    said = capsys.readouterr().err
    assert "negative" not in said and "--paychecks" in said, said


def test_split_json_shape(capsys: Capsys) -> None:
    data = run_json(
        capsys,
        "split",
        "--basis",
        "$1,000.00",
        "--earnings",
        "5",
        "--earnings-to",
        "traditional",
        "--tax-rate",
        "24",
    )
    assert set(data) >= {
        "roth_ira",
        "traditional_ira",
        "taxable",
        "nontaxable",
        "estimated_tax",
        "forms_1099r",
        "steps",
        "warnings",
    }
    for key in ("roth_ira", "traditional_ira", "taxable", "nontaxable", "estimated_tax"):
        assert MONEY.match(data[key]), key
    assert [f["destination"] for f in data["forms_1099r"]] == ["roth_ira", "traditional_ira"]
    for form in data["forms_1099r"]:
        assert set(form) == {"destination", "box1", "box2a", "box5", "code"}
    # cli.md: what a single combined code-G form should show, for payers who issue one.
    assert data["combined_1099r"] == {
        "box1": "1005.00",
        "box2a": "0.00",
        "box5": "1000.00",
        "code": "G",
    }
    assert [o["earnings_to"] for o in data["options"]] == ["roth", "traditional"]
    assert all(isinstance(s, str) and s for s in data["steps"])
    assert data["warnings"]


def test_prorata_json(capsys: Capsys) -> None:
    data = run_json(
        capsys, "prorata", "--basis", "20,000", "--earnings", "80000", "--amount", "50000"
    )
    assert {
        k: data[k] for k in ("nontaxable", "taxable", "remaining_basis", "remaining_earnings")
    } == {
        "nontaxable": "10000.00",
        "taxable": "40000.00",
        "remaining_basis": "10000.00",
        "remaining_earnings": "40000.00",
    }


def test_form8606_json_lines(capsys: Capsys) -> None:
    data = run_json(
        capsys,
        "form8606",
        "--contribution",
        "6000",
        "--year-end-balance",
        "0",
        "--converted",
        "6060",
    )
    expected = [f"line{n}" for n in range(1, 15)] + ["line15a", "line15b", "line15c"]
    expected += ["line16", "line17", "line18"]
    assert all(k in data for k in expected)
    assert data["line10"] == "0.990" and data["line18"] == "60.60"
    assert all(data[k] is None or MONEY.match(data[k]) for k in expected if k != "line10")


def test_form8606_early_exit_nulls(capsys: Capsys) -> None:
    data = run_json(capsys, "form8606", "--contribution", "7000", "--year-end-balance", "0")
    assert data["line14"] == "7000.00" and data["line4"] is None and data["line15c"] is None


def test_room_json(capsys: Capsys) -> None:
    data = run_json(
        capsys,
        "room",
        "--year",
        "2025",
        "--deferrals",
        "31000",
        "--employer",
        "10000",
        "--age",
        "52",
    )
    assert {
        k: data[k]
        for k in ("limit_415c", "deferral_limit", "catch_up_limit", "catch_up", "after_tax_room")
    } == {
        "limit_415c": "70000.00",
        "deferral_limit": "23500.00",
        "catch_up_limit": "7500.00",
        "catch_up": "7500.00",
        "after_tax_room": "36500.00",
    }


def test_schedule_json_and_chart_file(capsys: Capsys, tmp_path: Path) -> None:
    chart = tmp_path / "schedule.png"
    data = run_json(
        capsys,
        "schedule",
        "--annual",
        "7000",
        "--paychecks",
        "26",
        "--conversions",
        "4",
        "--return",
        "8%",
        "--tax-rate",
        "0.24",
        "--lag-days",
        "0",
        "--chart",
        str(chart),
    )
    assert data["taxable_earnings"] == "62.55" and data["estimated_tax"] == "15.01"
    assert len(data["conversions"]) == 4
    assert all(set(c) >= {"t", "amount", "earnings"} for c in data["conversions"])
    assert data["conversions"][0]["t"] == "0.2500"
    assert data["chart"] == str(chart)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_schedule_daily_conversions_json(capsys: Capsys) -> None:
    # 365 paychecks each converted the same day, a 3-day lag: 7000 x (1.08^(3/365) - 1).
    data = run_json(
        capsys, "schedule", "--annual", "7000", "--paychecks", "365", "--conversions", "365",
        "--return", "8%", "--lag-days", "3",
    )  # fmt: skip
    assert data["taxable_earnings"] == "4.43"
    last = data["conversions"][-1]
    assert (last["t"], last["settle_t"]) == ("1.0000", "1.0082")


def test_schedule_json_follows_the_contracts_model_by_default(capsys: Capsys) -> None:
    """docs/cli.md's model: a conversion at t = j/conversions sweeps the balance then,
    a contribution made that moment included; $500 at t = 1/2 grows half a year at 10%."""
    data = run_json(
        capsys, "schedule", "--annual", "1000", "--paychecks", "2", "--conversions", "1",
        "--return", "10%",
    )  # fmt: skip
    assert data["taxable_earnings"] == "24.40"  # 500 x (1.1^0.5 - 1) = 24.404
    [conversion] = data["conversions"]
    assert conversion == {
        "t": "1.0000",
        "settle_t": "1.0000",
        "amount": "1024.40",
        "earnings": "24.40",
        "contributions": "1000.00",
    }


def test_schedule_without_tax_rate_has_null_tax_and_no_chart(capsys: Capsys) -> None:
    data = run_json(
        capsys,
        "schedule",
        "--annual",
        "7000",
        "--paychecks",
        "12",
        "--conversions",
        "12",
        "--return",
        "-5%",
    )
    assert data["estimated_tax"] is None and data["chart"] is None
    assert data["taxable_earnings"] == "0.00"


def test_text_output_is_the_worked_example(capsys: Capsys) -> None:
    assert main(["calc", "split", "--basis", "1000", "--earnings", "5"]) == 0
    out = capsys.readouterr().out
    assert "Roth IRA:" in out and "$1,005.00" in out
    assert "How it is worked out:" in out and " 1. " in out
    assert "not tax advice" in out
    assert not out.lstrip().startswith("{")


def test_text_output_shows_warnings(capsys: Capsys) -> None:
    assert (
        main(
            ["calc", "split", "--basis", "1000", "--earnings", "5", "--earnings-to", "traditional"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Warnings:" in out and "December 31" in out


def test_schedule_text_mentions_chart(capsys: Capsys, tmp_path: Path) -> None:
    args = [
        "calc",
        "schedule",
        "--annual",
        "7000",
        "--paychecks",
        "26",
        "--conversions",
        "4",
        "--return",
        "8",
    ]
    assert main(args) == 0
    assert "--chart" in capsys.readouterr().out
    chart = tmp_path / "c.png"
    assert main([*args, "--chart", str(chart)]) == 0
    assert f"Chart written to {chart}" in capsys.readouterr().out
    assert chart.stat().st_size > 10_000


SPLIT = ["calc", "split", "--earnings", "5", "--basis"]
SCHED = ["calc", "schedule", "--annual", "7000", "--return", "8%"]
ROOM = ["calc", "room", "--year", "2025", "--deferrals", "0", "--employer", "0"]
NEGATIVE_AGE = [*ROOM, "--age", "-3"]

BAD = [
    pytest.param([*SPLIT, "-5"], "negative", id="negative"),
    pytest.param([*SPLIT, "-$5"], "negative", id="negative-dollar"),
    pytest.param([*SPLIT, "-5,000"], "negative", id="negative-commas"),
    pytest.param([*SPLIT, "abc"], "not an amount", id="text"),
    pytest.param([*SPLIT, "nan"], "not an amount", id="nan"),
    pytest.param([*SPLIT, "inf"], "not an amount", id="infinity"),
    pytest.param([*SPLIT, "-inf"], "not an amount", id="minus-infinity"),
    pytest.param([*SPLIT, "-NaN"], "not an amount", id="minus-nan"),
    pytest.param([*SCHED[:-1], "-Infinity%"], "not a rate", id="rate-minus-infinity"),
    pytest.param([*SPLIT, "1e400"], "scientific notation", id="1e400"),
    pytest.param([*SPLIT, "1000", "--tax-rate", "1"], "100% or 1%", id="rate-bare-one"),
    pytest.param(
        ["calc", "schedule", "--annual", "7000", "--return", "-1"],
        "write -1%",
        id="rate-bare-minus-one",
    ),
    # where no loss is possible, a tax rate, a negative is refused as such
    pytest.param([*SPLIT, "1000", "--tax-rate", "-1"], "is negative", id="tax-rate-minus-one"),
    pytest.param([*SPLIT, ""], "empty", id="empty"),
    pytest.param([*SPLIT, "1,00"], "commas", id="bad-commas"),
    pytest.param([*SPLIT, "1000.555"], "2 decimal places", id="fractions-of-cents"),
    pytest.param([*SPLIT, "99999999999"], "too large", id="huge"),
    pytest.param([*SPLIT, "1000", "--tax-rate", "101%"], "above 100%", id="rate-above-100"),
    pytest.param([*SPLIT, "1000", "--tax-rate", "250"], "above 100%", id="rate-250"),
    pytest.param([*SPLIT, "1000", "--tax-rate", "-5%"], "negative", id="rate-negative"),
    pytest.param([*SPLIT, "1000", "--tax-rate", ""], "empty", id="rate-empty"),
    pytest.param(
        ["calc", "split", "--basis", "1000", "--earnings", "-1000"],
        "more than $0.00",
        id="loss-wipes-account",
    ),
    pytest.param(
        [*SCHED, "--paychecks", "0", "--conversions", "4"], "1 to 365", id="zero-paychecks"
    ),
    pytest.param(
        [*SCHED, "--paychecks", "26", "--conversions", "0"], "1 to 365", id="zero-conversions"
    ),
    pytest.param(
        [*SCHED, "--paychecks", "26", "--conversions", "2.5"],
        "whole number",
        id="fractional-conversions",
    ),
    pytest.param(
        [
            "calc",
            "schedule",
            "--annual",
            "7000",
            "--paychecks",
            "26",
            "--conversions",
            "4",
            "--return",
            "-100%",
        ],
        "smaller than 100%",
        id="return-minus-100",
    ),
    pytest.param(
        [
            "calc",
            "schedule",
            "--annual",
            "0",
            "--paychecks",
            "26",
            "--conversions",
            "4",
            "--return",
            "8",
        ],
        "more than $0.00",
        id="zero-annual",
    ),
    pytest.param(
        ["calc", "prorata", "--basis", "1000", "--earnings", "5", "--amount", "1006"],
        "more than the account holds",
        id="distribution-above-account",
    ),
    pytest.param(
        [
            "calc",
            "room",
            "--year",
            "2025",
            "--deferrals",
            "31000.01",
            "--employer",
            "0",
            "--age",
            "55",
        ],
        "at most $31,000.00",
        id="deferrals-above-catch-up",
    ),
    pytest.param(
        ["calc", "room", "--year", "2025", "--deferrals", "24000", "--employer", "0"],
        "no catch-up applies",
        id="deferrals-above-limit-under-50",
    ),
    pytest.param(
        [
            "calc",
            "room",
            "--year",
            str(max(supported_years()) + 1),
            "--deferrals",
            "0",
            "--employer",
            "0",
        ],
        f"supported years are {', '.join(map(str, supported_years()))}",
        id="unsupported-year",
    ),
    pytest.param(
        ["calc", "room", "--year", "twenty", "--deferrals", "0", "--employer", "0"],
        "whole number",
        id="year-text",
    ),
    pytest.param(
        ["calc", "room", "--year", "2026.0", "--deferrals", "0", "--employer", "0"],
        f"'2026.0' is not a whole number; use digits like {max(supported_years())}",
        id="a-year-with-decimals-is-shown-a-year",
    ),
    pytest.param(
        ["calc", "room", "--year", "9999999999", "--deferrals", "0", "--employer", "0"],
        f"'9999999999' is far too large; use a number like {max(supported_years())}",
        id="a-year-of-ten-digits-is-too-large-not-a-fraction",
    ),
    pytest.param(
        NEGATIVE_AGE,
        "whole number",
        id="negative-age",
    ),
    # refused with the option named and the help pointer, as "-3" is ("age: 131 is out of
    # range", without either, came from the calculator)
    pytest.param(
        [*ROOM, "--age", "131"],
        "argument --age: 131 is out of range; use a whole number from 0 to 130 (try",
        id="age-above-130",
    ),
    # a pay or conversion frequency by name gets the count it means ("not a whole number")
    pytest.param(
        [*SCHED, "--paychecks", "biweekly", "--conversions", "4"],
        "argument --paychecks: 'biweekly' is 26 a year; give the count, 26 (try",
        id="paychecks-biweekly",
    ),
    pytest.param(
        [*SCHED, "--paychecks", "Semi-Monthly", "--conversions", "4"],
        "'Semi-Monthly' is 24 a year; give the count, 24",
        id="paychecks-semi-monthly",
    ),
    pytest.param(
        [*SCHED, "--paychecks", "26", "--conversions", "twice a year"],
        "argument --conversions: 'twice a year' is 2 a year; give the count, 2",
        id="conversions-twice-a-year",
    ),
    pytest.param(
        [*SCHED, "--paychecks", "often", "--conversions", "4"],
        "'often' is not a whole number; use digits like 12",
        id="paychecks-another-word",
    ),
    pytest.param(
        [
            "calc",
            "form8606",
            "--contribution",
            "7000",
            "--late-contribution",
            "7001",
            "--year-end-balance",
            "0",
        ],
        "late contribution",
        id="late-above-contribution",
    ),
    pytest.param(["calc", "form8606", "--contribution", "7000"], "required", id="missing-option"),
    # "k" amounts and rates beyond the default 28-digit Decimal context (a traceback before)
    pytest.param(
        ["calc", "split", "--basis", "100000000000000000000000k", "--earnings", "5"],
        "too large",
        id="k-amount-with-24-digits",
    ),
    pytest.param(
        ["calc", "split", "--basis", "1.0000000000000000000000000001k", "--earnings", "5"],
        "not a whole number of cents",
        id="k-amount-finer-than-cents",
    ),
    pytest.param(
        ["calc", "split", "--basis", "1000", "--earnings", "5", "--tax-rate", "0." + "9" * 36],
        "too many decimal places",
        id="rate-rounding-to-100-percent",
    ),
    pytest.param(
        ["calc", "split", "--basis", "1000", "--earnings", "-+5"],
        "'-+5' is not an amount",
        id="sign-slip-is-a-value-not-an-option",
    ),
    pytest.param(
        [*SPLIT, "1000", "--earnings", "6"],
        "--earnings: given twice (5.00, then 6.00)",
        id="amount-given-twice",
    ),
    pytest.param(
        [*SPLIT, "1000", "--earnings-to", "roth", "--earnings-to", "traditional"],
        "given twice (roth, then traditional)",
        id="choice-given-twice",
    ),
    # a dash for the minus sign, after a "$" too ("$ —500" from a copied statement)
    pytest.param(
        ["calc", "split", "--basis", "1000", "--earnings", "$ \u2014500"],
        "'$ \u2014500' is not an amount: it starts with a dash (\u2014, U+2014), not the minus",
        id="dash-for-a-minus-sign",
    ),
    pytest.param(["calc"], "choose a calculator", id="no-calculator"),
    pytest.param(["calc", "mortgage"], "invalid choice", id="unknown-calculator"),
]


@pytest.mark.parametrize(("argv", "fragment"), BAD)
def test_bad_input_is_one_error_line_and_exit_2(
    capsys: Capsys, argv: list[str], fragment: str
) -> None:
    assert main([*argv, "--json"] if len(argv) > 2 else argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert fragment in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "says", "not_said"),
    [
        pytest.param(
            NEGATIVE_AGE,
            "negative",
            "not a whole number",
            id="a-negative-age-is-a-whole-number",
        ),
        pytest.param(
            [*SCHED[:4], "--paychecks", "26", "--conversions", "4", "--return", "-150%"],
            "smaller than 100%",
            "above 100%",
            id="a-150-percent-loss-is-not-above-100",
        ),
        pytest.param(
            [*SPLIT[:2], "--basis", "0", "--earnings", "0"],
            "more than $0.00",
            "loss",
            id="no-loss-entered",
        ),
        pytest.param(
            ["calc", "prorata", "--basis", "1000", "--earnings", "5", "--amount", "-5"],
            "can't be negative",
            "zero or more",  # $0.00 is refused too: "more than $0.00" is its own message
            id="negative-amount",
        ),
    ],
)
def test_the_error_fits_what_was_typed(
    capsys: Capsys, argv: list[str], says: str, not_said: str
) -> None:
    """Found in a member trial: messages that described some other input."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and not_said not in err, err


def test_bad_input_in_a_real_subprocess_has_no_traceback() -> None:
    proc = subprocess.run(
        [str(SCRIPT), "calc", "prorata", "--basis", "1000", "--earnings", "5", "--amount", "2000"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ")


@pytest.mark.parametrize(
    ("argv", "quoted"),
    [
        pytest.param(
            [b"calc", b"split", b"--basis", b"\xa31000", b"--earnings", b"5"],
            "'\ufffd1000'",
            id="amount",
        ),
        pytest.param(
            [b"calc", b"split", b"1", b"5", b"--earnings-to", b"\xa3"],
            "invalid choice: '\ufffd'",
            id="choice",
        ),
        pytest.param([b"faq", b"show", b"pro\xa3"], "no FAQ entry 'pro\ufffd'", id="entry"),
        pytest.param(
            [b"faq", b"list", b"--faq-dir", b"/nowhere\xa3"],
            "FAQ folder /nowhere\ufffd ",
            id="path",
        ),
    ],
)
def test_a_value_that_is_not_utf8_is_quoted_readably(argv: list[bytes], quoted: str) -> None:
    """A "£1000" typed in a Latin-1 terminal reaches Python with a byte that is not UTF-8,
    which the `error:` line quoted as '\\udca31000', meaningless to whoever typed it: the
    byte is U+FFFD now (as `ask` shows it in a question), and the line says why once."""
    proc = subprocess.run(
        [os.fsencode(SCRIPT), *argv],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONUTF8": "1"},
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and err.count("\n") == 1 and err.startswith("error: "), err
    assert quoted in err and "\\udc" not in err, err
    assert (
        "(\ufffd stands for bytes that are not UTF-8: the terminal's encoding is not UTF-8)" in err
    )


def test_a_typed_backslash_escape_is_quoted_as_typed(capsys: Capsys) -> None:
    """Only a byte that was not UTF-8 is replaced: the text '\\udca3' typed as such is
    quoted as it was typed (its backslash doubled, as every quoted backslash is)."""
    assert main(["calc", "split", "--basis", "\\udca3", "--earnings", "5"]) == 2
    err = capsys.readouterr().err
    assert "'\\\\udca3' is not an amount" in err and "\ufffd" not in err, err


def test_huge_k_amount_in_a_real_subprocess_is_one_error_line() -> None:
    proc = subprocess.run(
        [str(SCRIPT), "calc", "split", "--basis", "1" + "0" * 23 + "k", "--earnings", "5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ")
    assert "too large" in proc.stderr and "Traceback" not in proc.stderr


def test_a_chart_path_from_the_home_folder_is_written_there(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--chart=~/schedule.png` (no shell expands '~' there) was refused, "cannot write the
    chart to ~/schedule.png: No such file or directory", where `--faq-dir=~/faq` and
    `--db=~/bot.db` are read from the home folder. So is the chart now."""
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart=~/schedule.png"]
    assert main(args) == 0, capsys.readouterr().err
    chart = home / "schedule.png"
    assert f"Chart written to {chart}." in capsys.readouterr().out
    assert chart.read_bytes().startswith(b"\x89PNG") and list(elsewhere.iterdir()) == []


def test_unwritable_chart_path_is_a_usage_error(capsys: Capsys, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "chart.png"
    code = main([*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", str(target)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write the chart") and err.count("\n") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_chart_to_a_full_disk_is_the_machines_failure(capsys: Capsys) -> None:
    """A full disk is no invalid input (exit 2, "give a file path in a folder you can
    write to"): as for the output itself, exit 1 saying the disk is full."""
    code = main([*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", "/dev/full"])
    err = capsys.readouterr().err
    assert (code, err) == (
        1,
        "error: cannot write the chart to /dev/full: No space left on device\n",
    )


def test_a_chart_that_cannot_be_written_keeps_the_earlier_one(
    capsys: Capsys, tmp_path: Path
) -> None:
    """On a full disk `--chart` cut the file short: the earlier chart at that path was lost
    and a broken PNG left in its place. The chart is written beside it and put in its place
    only once whole, so a failed write leaves the earlier chart, and nothing else, there."""
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart"]
    with full_disk(tmp_path / "disk") as disk:
        chart = disk / "chart.png"
        assert main([*args, str(chart)]) == 0
        capsys.readouterr()
        chart.chmod(0o640)  # (a chart replaced keeps its permissions)
        earlier = chart.read_bytes()
        fill_up(disk)
        assert main([*args, str(chart), "--tax-rate", "24%"]) == 1
        err = capsys.readouterr().err
        assert err == f"error: cannot write the chart to {chart}: No space left on device\n"
        assert chart.read_bytes() == earlier  # whole, not cut short
        assert sorted(p.name for p in disk.iterdir()) == ["chart.png", "filler"]
        (disk / "filler").unlink()
        assert main([*args, str(chart), "--tax-rate", "24%"]) == 0
        assert chart.read_bytes() != earlier and chart.read_bytes().startswith(b"\x89PNG")
        assert chart.stat().st_mode & 0o777 == 0o640
        assert sorted(p.name for p in disk.iterdir()) == ["chart.png"]


#: The command line, killed (SIGKILL, as `kill -9` or the machine's memory running out) as
#: the chart's bytes are made durable: midway through writing it.
KILLED_WRITING = """
import os, signal, sys
from bot.cli import main
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
main(sys.argv[1:])
"""


def test_a_chart_write_killed_midway_leaves_no_spare_after_the_next(
    capsys: Capsys, tmp_path: Path
) -> None:
    """A `--chart` write killed midway left its spare beside the chart (a hidden
    '.chart.png.1a2b3c4d.tmp', 50 KB), and each later write left it there: one more per
    kill. The next write removes the spares no process holds; one being written is kept."""
    import fcntl

    chart = tmp_path / "chart.png"
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", str(chart)]
    for _ in range(2):
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_WRITING, *args], capture_output=True, timeout=60
        )
        assert killed.returncode == -9, killed.stderr
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 2 and all(re.fullmatch(r"\.chart\.png\.[0-9a-f]{8}\.tmp", n) for n in left)
    writing = tmp_path / ".chart.png.0123abcd.tmp"  # (another process writing it now)
    with writing.open("wb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert main(args) == 0
        assert "Chart written to" in capsys.readouterr().out
        assert sorted(p.name for p in tmp_path.iterdir()) == [writing.name, "chart.png"]
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_a_named_pipe_named_as_a_spare_does_not_hold_the_chart_up(tmp_path: Path) -> None:
    """Looking for spares left beside the chart opened each to see whether a process held
    it: a named pipe by such a name (made by anyone, in a folder others write to, /tmp)
    held the command up for ever, waiting for a writer. It is passed over, and kept."""
    pipe = tmp_path / ".chart.png.0123abcd.tmp"
    os.mkfifo(pipe)
    chart = tmp_path / "chart.png"
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", str(chart)]
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert chart.read_bytes().startswith(b"\x89PNG") and pipe.is_fifo()


def test_a_chart_is_written_where_files_cannot_be_locked(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its spare is locked while written, so that a later write knows a leftover; on a
    file system without locks (some network mounts: ENOLCK) the chart is written as
    before, its spare unlocked, and no spare taken for a leftover."""
    import errno
    import fcntl

    def no_locks(fd: int, how: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    spare = tmp_path / ".chart.png.0123abcd.tmp"  # (another write's, on such a mount)
    spare.write_bytes(b"")
    chart = tmp_path / "chart.png"
    assert main([*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", str(chart)]) == 0
    assert "Chart written to" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == [spare.name, "chart.png"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_chart_to_dev_null_is_written_there_not_replaced(capsys: Capsys) -> None:
    """A device cannot be replaced by a file written beside it: /dev/null takes the chart
    directly, as before, and stays the device."""
    code = main([*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", "/dev/null"])
    assert code == 0 and "Chart written to /dev/null." in capsys.readouterr().out
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize(("name", "said"), [("-", "'-' (standard output)"), ("", "an empty name")])
def test_a_chart_needs_a_file_name(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, said: str
) -> None:
    """'--chart -' wrote a PNG file named '-'; '--chart ""' said '.: Is a directory'."""
    monkeypatch.chdir(tmp_path)
    code = main([*SCHED, "--paychecks", "26", "--conversions", "4", "--chart", name])
    assert code == 2 and list(tmp_path.iterdir()) == []
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith(
        f"error: argument --chart: {said} is not a file the chart can be written to; give a "
        "file name, e.g. --chart schedule.png"
    )


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
@pytest.mark.parametrize("chart", ["/dev/stdout", "same"])
def test_a_chart_to_standard_output_by_another_name_is_refused(tmp_path: Path, chart: str) -> None:
    """'--chart /dev/stdout' (or the file standard output is redirected to) wrote the PNG's
    bytes into the output, then the text or --json's object after them: neither a JSON
    object nor an image, exit 0. It is refused as '--chart -' is."""
    out = tmp_path / "chart.png"
    target = str(out) if chart == "same" else chart
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--json", "--chart", target]
    proc = subprocess.run(
        ["sh", "-c", '"$@" > "$0"', str(out), str(SCRIPT), *args],
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert out.read_bytes() == b"" and proc.stderr.count(b"\n") == 1
    assert proc.stderr.startswith(f"error: {target} is standard output".encode())


@pytest.mark.parametrize("name", ["schedule.jpg", "notes.md", "chart.png.txt"])
def test_a_chart_named_for_another_kind_of_file_is_refused(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """``--chart schedule.jpg`` wrote a PNG under a .jpg name, which a viewer going by the
    name could not open; a name ending in .png, in any case, or in nothing, is written."""
    monkeypatch.chdir(tmp_path)
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart"]
    assert main([*args, name]) == 2 and list(tmp_path.iterdir()) == []
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == (
        f"error: argument --chart: '{name}' does not end in .png, and the chart is a PNG "
        "image; give a name ending in .png, e.g. --chart schedule.png (try 'rollover-bot "
        "calc schedule --help')\n"
    )
    for fine in ("Schedule.PNG", "schedule"):
        assert main([*args, fine]) == 0, capsys.readouterr().err
        assert (tmp_path / fine).read_bytes().startswith(b"\x89PNG")


def test_the_chart_never_replaces_a_file_that_is_not_a_chart(
    capsys: Capsys, tmp_path: Path
) -> None:
    """A slip like ``--chart notes`` is refused, the notes kept; an earlier chart is
    replaced, so the same command run again updates it."""
    args = [*SCHED, "--paychecks", "26", "--conversions", "4", "--chart"]
    notes = tmp_path / "notes"
    notes.write_text("my notes\n")
    assert main([*args, str(notes)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not a PNG image" in err and err.count("\n") == 1
    assert notes.read_text() == "my notes\n"
    chart = tmp_path / "chart.png"
    chart.touch()  # (an empty file, as made by touch or mktemp, has nothing to lose)
    for _ in range(2):
        assert main([*args, str(chart)]) == 0
        assert f"Chart written to {chart}" in capsys.readouterr().out
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_schedule_help_names_every_count_the_comparison_has(capsys: Capsys) -> None:
    """The help said the result compares 1, 2, 4, 12 and 26 conversions a year, but the
    JSON's comparison (cli.md) also has the user's own count and one per paycheck: 24
    paychecks and 6 conversions compare 6 and 24 too."""
    args = ["--annual", "7000", "--paychecks", "24", "--conversions", "6", "--return", "8%"]
    data = run_json(capsys, "schedule", *args)
    assert [row["conversions"] for row in data["comparison"]] == [1, 2, 4, 6, 12, 24, 26]
    assert main(["calc", "schedule", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "conversions a year, your --conversions and one per paycheck." in shown
    assert "(and yours, and one per paycheck)" in shown


@pytest.mark.parametrize("name", ["split", "prorata", "form8606", "room", "schedule"])
def test_help_lists_accepted_formats(capsys: Capsys, name: str) -> None:
    assert main(["calc", name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "1,000.50" in out and "10k" in out and "--json" in out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "args", [["calc", "split", "--basis", "1000", "--earnings", "5"], ["faq", "list"], ["--help"]]
)
def test_a_full_disk_is_one_error_line_not_a_traceback(args: list[str], unbuffered: bool) -> None:
    """`> /dev/full` is the machine's problem: exit 1 with one line saying so, no 'internal
    fault' or traceback. Output buffered as usual, the failing write is the flush at the
    end; unbuffered (PYTHONUNBUFFERED=1, as container images often set), the write itself,
    which argparse dropped without a word for --help, and the command exited 0."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [str(SCRIPT), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    assert (proc.returncode, proc.stderr) == (
        1,
        "error: cannot write the output: No space left on device\n",
    )


@pytest.mark.parametrize(
    ("redirect", "why"),
    [
        (">&-", "standard output is closed"),
        ("1</dev/null", "standard output is open for reading only"),
    ],
    ids=["closed", "read-only"],
)
@pytest.mark.parametrize(
    "args",
    [["calc", "split", "--basis", "1", "--earnings", "1"], ["ask", "is ATS prorated?"], ["--help"]],
)
def test_a_closed_standard_output_is_one_error_line(
    args: list[str], redirect: str, why: str
) -> None:
    """`... >&-` (or a standard output opened for reading): the answer cannot be shown, so
    exit 1 saying so; not an internal fault, and not a silent success with nothing shown."""
    proc = subprocess.run(
        ["sh", "-c", f'"$@" {redirect}', "sh", str(SCRIPT), *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (1, f"error: cannot write the output: {why}\n")


@pytest.mark.parametrize("redirect", ["2>&-", "2</dev/null"], ids=["closed", "read-only"])
def test_without_a_standard_error_a_refusal_is_still_exit_2_and_nothing_on_stdout(
    redirect: str,
) -> None:
    """`... 2>&-` (errors thrown away, a cron line, a unit without stderr): a script reading
    the --json output got the `error:` line there instead (Python makes a closed stderr
    None, and print() to None writes to standard output); with stderr open for reading,
    the error became an internal fault, exit 1. The exit code says it, stdout stays empty."""
    args = ["calc", "prorata", "--basis", "1", "--earnings", "1", "--amount", "5", "--json"]
    proc = subprocess.run(
        ["sh", "-c", f'"$@" {redirect}', "sh", str(SCRIPT), *args],
        stdout=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stdout) == (2, "")


def test_calculator_text_names_no_command_line_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Steps and warnings are shown in Discord and the console too, where "calc form8606"
    is not a command: they name the calculator, not how one surface runs it."""
    assert main(["calc", "split", "--basis", "1000", "--earnings", "50", "--earnings-to",
                 "traditional", "--json"]) == 0  # fmt: skip
    split = json.loads(capsys.readouterr().out)
    assert any("The form8606 calculator shows the effect" in w for w in split["warnings"])
    assert main(["calc", "prorata", "--basis", "100", "--earnings", "50", "--amount", "150",
                 "--json"]) == 0  # fmt: skip
    prorata = json.loads(capsys.readouterr().out)
    assert any("the split calculator shows the rollover forms" in s for s in prorata["steps"])
    for text in (*split["warnings"], *split["steps"], *prorata["steps"], *prorata["warnings"]):
        assert "calc " not in text, text


def test_steps_multiply_with_the_times_sign_where_the_output_can_show_it(capsys: Capsys) -> None:
    """The steps wrote the letter x for multiplication ("$5.00 x 24% = $1.20"). The text
    output shows the sign, ×; the JSON keeps "x" (docs/cli.md: scripts read it), and so does
    a terminal that cannot show the sign (an ASCII locale), where it would be a "?"."""
    args = ["calc", "split", "--basis", "1000", "--earnings", "5", "--tax-rate", "24%"]
    assert main(args) == 0
    assert "Estimated tax: $5.00 × 24% = $1.20" in capsys.readouterr().out
    steps = run_json(capsys, *args[1:])["steps"]
    assert any(step.startswith("Estimated tax: $5.00 x 24% = $1.20") for step in steps)
    assert not any("×" in step for step in steps)
    proc = subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, b""), proc.stderr
    assert b"Estimated tax: $5.00 x 24% = $1.20" in proc.stdout


def test_a_calculator_and_an_answer_say_not_tax_advice_in_the_same_words(
    capsys: Capsys,
) -> None:
    """The calculators ended with "General information, not tax advice: check your own
    figures and forms.", and every answer (in Discord, `ask` and the console) with "...
    not tax advice. Check your plan's documents and a tax professional before acting.":
    one house rule in two wordings, kept in two places. There is one now."""
    assert main(["calc", "split", "--basis", "1000", "--earnings", "5"]) == 0
    calculated = capsys.readouterr().out.rstrip("\n").splitlines()[-1]
    assert main(["ask", "is ATS money prorated?"]) == 0
    answered = capsys.readouterr().out.rstrip("\n").splitlines()[-1]
    assert calculated == answered and "not tax advice" in answered


def test_the_text_output_lists_the_calculators_sources_with_their_addresses(
    capsys: Capsys,
) -> None:
    """An answer printed by `ask` (and the console) ends with its sources and their
    addresses; a calculator's named its sources only inside the steps, without an address
    to look them up. The text output lists them, as the Discord reply does, before the
    not-tax-advice line."""
    assert (
        main(["calc", "prorata", "--basis", "20000", "--earnings", "80000", "--amount", "5"]) == 0
    )
    out = capsys.readouterr().out
    sources = out[out.index("\nSources:\n") :].splitlines()[2:4]
    assert sources == [
        "IRS, Rollovers of after-tax contributions "
        "<https://www.irs.gov/retirement-plans/rollovers-of-after-tax-contributions-in-retirement-plans>",
        "IRS Notice 2014-54 <https://www.irs.gov/pub/irs-drop/n-14-54.pdf>",
    ]
    assert out.rstrip("\n").splitlines()[-1].startswith("General information, not tax advice")


def test_form8606_help_reads_lines_6_and_7_as_the_forms_instructions_do(capsys: Capsys) -> None:
    """`calc form8606 --help` had line 6 "plus ... recharacterizations completed after Dec
    31", which the steps stopped saying: the Instructions for Form 8606 take a late
    recharacterization of the year's contributions into account, so one out of a traditional
    IRA comes off, and an operator who added it made a backdoor conversion look taxable.
    Line 7 left out the one-time HSA funding distribution the steps (and the form) leave out."""
    assert main(["calc", "form8606", "--help"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "rollovers and recharacterizations" not in shown
    assert "taking into account a recharacterization of the year's contributions" in shown
    assert "one out of it takes off" in shown
    assert "QCDs, one-time HSA funding, conversions" in shown


def _shown_in_a_terminal(args: list[str], columns: int, cwd: Path) -> str:
    """What `rollover-bot ARGS` shows in a pseudo-terminal ``columns`` wide (its standard
    output is the terminal; COLUMNS unset, so the terminal's size is asked)."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    from tests.processes import bare_env

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = bare_env(HOME=str(cwd), ROLLOVER_CACHE_DIR=os.environ.get("ROLLOVER_CACHE_DIR", "off"))
    proc = subprocess.Popen(
        [str(SCRIPT), *args], stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    os.close(slave)
    shown = b""
    try:
        while select.select([master], [], [], 60)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # (EIO: the command ended and closed its end)
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        code = proc.wait(timeout=60)
        os.close(master)
    assert code == 0, proc.stderr.read() if proc.stderr else ""
    return shown.decode()


@pytest.mark.skipif(os.name != "posix", reason="a POSIX pseudo-terminal")
@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["calc", "split", "--basis", "1000", "--earnings", "5", "--tax-rate", "24%"], "1099-R"),
        (  # (the README's question, answered: its worked example shows the 1099-R boxes)
            [
                "ask",
                "I put in $23,000 after-tax and it earned $412, what do I owe when I roll it to "
                "a Roth IRA?",
            ],
            "1099-R",
        ),
        (["faq", "show", "notice-2014-54"], "Notice 2014-54"),
    ],
    ids=["calc", "ask", "faq-show"],
)
def test_one_shot_commands_fit_the_terminal(
    tmp_path: Path, columns: int, args: list[str], said: str
) -> None:
    """`calc`, `ask` and `faq show` wrapped their text at 88 columns whatever the terminal,
    where the console wraps to its width: in an 80-column terminal (most terminals' size when
    opened) 26 of /split's 49 lines, 45 of an answer's 104 and 25 of an entry's 57 were
    broken again by the terminal mid-word, and /split's side-by-side rows ran to 150
    columns. In a terminal they fit its width (at most 88); only a web address longer than a
    line is longer."""
    text = _shown_in_a_terminal(args, columns, tmp_path)
    assert said in text and "not tax advice" in text
    wide = [line for line in text.splitlines() if len(line.rstrip("\r")) > columns and " " in line]
    assert not wide, "\n".join(wide)
