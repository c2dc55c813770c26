"""calc room: 415(c) room with catch-up tiers, compensation cap, years, and the data table."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import pytest
import yaml

from calculators import InputError, RoomInput, room
from calculators.limits import load_limits, supported_years

FACTS = Path(__file__).resolve().parents[1] / "docs" / "facts.yaml"
#: The table's years as a moderator may have grown them: adding next year's figures is a
#: data edit, so no test may take the last year for one without figures.
YEARS = supported_years()
NEXT = max(YEARS) + 1


def run(**kw: object) -> dict:
    return room(RoomInput(**kw)).to_json()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "catch_up_limit", "catch_up", "after_tax_room"),
    [
        # Under 50: 70,000 - 23,500 - 10,000.
        ({"year": 2025, "deferrals": "23500", "employer": "10000"}, "0.00", "0.00", "36500.00"),
        # 55 in 2025: 7,500 above 402(g) is catch-up, outside 415(c).
        (
            {"year": 2025, "deferrals": "31000", "employer": "10000", "age": 55},
            "7500.00",
            "7500.00",
            "36500.00",
        ),
        # 61 in 2025: the 60-63 tier is 11,250 in total (replaces the 7,500).
        (
            {"year": 2025, "deferrals": "34750", "employer": "10000", "age": 61},
            "11250.00",
            "11250.00",
            "36500.00",
        ),
        # 2024 has no 60-63 tier: the regular 7,500 applies at 61.
        (
            {"year": 2024, "deferrals": "30500", "employer": "5000", "age": 61},
            "7500.00",
            "7500.00",
            "41000.00",
        ),
        # 2026: 72,000 - 24,500; age 64 is past the tier -> 8,000.
        (
            {"year": 2026, "deferrals": "32500", "employer": "0", "age": 64},
            "8000.00",
            "8000.00",
            "47500.00",
        ),
        (
            {"year": 2026, "deferrals": "0", "employer": "0", "age": 60},
            "11250.00",
            "0.00",
            "72000.00",
        ),
        (
            {"year": 2023, "deferrals": "22500", "employer": "0", "age": 50},
            "7500.00",
            "0.00",
            "43500.00",
        ),
        # Compensation below 415(c) caps the limit at 100% of pay.
        (
            {"year": 2025, "deferrals": "20000", "employer": "5000", "compensation": "40000"},
            "0.00",
            "0.00",
            "15000.00",
        ),
        # Cents survive.
        ({"year": 2025, "deferrals": "23499.99", "employer": "0.02"}, "0.00", "0.00", "46499.99"),
    ],
)
def test_room_table(kw: dict, catch_up_limit: str, catch_up: str, after_tax_room: str) -> None:
    data = run(**kw)
    assert (data["catch_up_limit"], data["catch_up"], data["after_tax_room"]) == (
        catch_up_limit,
        catch_up,
        after_tax_room,
    )


def test_keys_and_limits_for_2025() -> None:
    data = run(year=2025, deferrals="23500", employer="10000")
    assert data["limit_415c"] == "70000.00"
    assert data["deferral_limit"] == "23500.00"
    assert "Notice 2024-80" in data["source"]


def test_no_room_left_warns() -> None:
    data = run(year=2025, deferrals="23500", employer="50000")
    assert data["after_tax_room"] == "0.00"
    assert any("exceed the limit" in w and "$3,500.00" in w for w in data["warnings"])
    data = run(year=2025, deferrals="23500", employer="46500")
    assert data["after_tax_room"] == "0.00"
    assert any("no after-tax room" in w for w in data["warnings"])


def test_catch_up_and_tier_notes() -> None:
    data = run(year=2024, deferrals="23000", employer="0", age=61)
    assert any("no age 60-63 catch-up tier" in w for w in data["warnings"])
    steps = " ".join(run(year=2025, deferrals="30000", employer="0", age=62)["steps"])
    assert "replaces the $7,500.00" in steps
    assert "only where the plan offers them" in steps
    assert "per employer" in steps


def test_roth_catch_up_threshold_and_secondary_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    data = run(year=2026, deferrals="24500", employer="0", age=55)
    assert data["roth_catch_up_wage_threshold"] == "150000.00"
    assert any("$150,000.00" in s and "only as Roth" in s for s in data["steps"])
    assert run(year=2023, deferrals="0", employer="0")["roth_catch_up_wage_threshold"] is None
    # 2025 had a threshold but was a transition year (Notice 2023-62): not "only as Roth"
    steps_2025 = " ".join(run(year=2025, deferrals="23500", employer="0", age=55)["steps"])
    assert "2025 was a transition year: catch-ups could still be made pretax" in steps_2025
    # the first year it applies to comes from the table, like which years were transition
    from calculators.limits import roth_catch_up_start

    assert roth_catch_up_start() == 2026
    assert "the rule applies from 2026 catch-ups on" in steps_2025
    assert "only as Roth" not in steps_2025
    # 2026 is in the IRS's own table now; a year entered from summaries says so
    assert not any("check IRS.gov" in w for w in data["warnings"])
    year = load_limits()[2026].model_copy(update={"confidence": "secondary"})
    monkeypatch.setattr(importlib.import_module("calculators.room"), "limits_for", lambda _: year)
    data = run(year=2026, deferrals="24500", employer="0", age=55)
    assert any("Notice 2025-67" in w and "check IRS.gov" in w for w in data["warnings"])


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"year": min(YEARS) - 1, "deferrals": "0", "employer": "0"}, ", ".join(map(str, YEARS))),
        ({"year": NEXT, "deferrals": "0", "employer": "0"}, "supported years"),
        # (a year written short, as people date a tax year: "25" is told 2025)
        (
            {"year": max(YEARS) % 100, "deferrals": "0", "employer": "0"},
            f"write the year in full: {max(YEARS)}, not {max(YEARS) % 100}",
        ),
        ({"year": 2025, "deferrals": "23500.01", "employer": "0"}, "no catch-up applies"),
        ({"year": 2025, "deferrals": "31000.01", "employer": "0", "age": 59}, "at most $31,000.00"),
        ({"year": 2025, "deferrals": "34750.01", "employer": "0", "age": 63}, "at most $34,750.00"),
        ({"year": 2025, "deferrals": "0", "employer": "-5"}, "negative"),
        ({"year": 2025, "deferrals": "0", "employer": "0", "age": "sixty"}, "whole number"),
    ],
)
def test_bad_input(kw: dict, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        room(RoomInput(**kw))
    assert fragment in str(info.value)


def test_limits_table_matches_facts_yaml() -> None:
    """calculators/data/limits.yaml is a copy of the spec's table: catch a drift."""
    facts = yaml.safe_load(FACTS.read_text("utf-8"))["limits"]
    table = load_limits()
    assert supported_years() == sorted(facts["sources"])
    for row, by_year in facts.items():
        if row == "sources":
            continue
        for year in supported_years():
            ours = getattr(table[year], row)
            assert ours == (D(by_year[year]) if year in by_year else None), (row, year)
    for year, source in facts["sources"].items():
        assert table[year].source in source


def test_the_summary_shows_the_limit_pay_sets() -> None:
    """When pay is below the dollar limit, the room comes from pay: the summary says so, or
    its figures ($72,000 - $24,500 - $5,000) would not give the room ($20,500)."""
    capped = room(RoomInput(year=2026, deferrals="24500", employer="5000", compensation="50000"))
    rows = dict(capped.summary())
    assert rows["Limit applied (100% of pay)"] == "$50,000.00"
    assert rows["After-tax room"] == "$20,500.00"
    uncapped = room(RoomInput(year=2026, deferrals="24500", employer="5000"))
    assert not any(label.startswith("Limit applied") for label, _ in uncapped.summary())


@pytest.mark.parametrize(
    ("age", "shown"),
    [(None, "none before age 50"), (40, "none before age 50"), (52, "$0.00 of $8,000.00")],
)
def test_the_summary_says_there_is_no_catch_up_before_50(age: int | None, shown: str) -> None:
    """ "$0.00 of $0.00" read like a glitch; the JSON keeps its figures."""
    result = room(RoomInput(year=2026, deferrals="24500", employer="5000", age=age))
    assert dict(result.summary())["Catch-up (outside 415(c))"] == shown
    assert result.to_json()["catch_up"] == "0.00"


def test_no_pay_is_named_as_why_there_is_no_room() -> None:
    result = room(RoomInput(year=2026, deferrals="0", employer="0", compensation="0"))
    assert result.after_tax_room == 0
    [why] = [w for w in result.warnings if "no after-tax room" in w]
    assert "compensation given is $0.00" in why and "deferrals" not in why


def test_unused_catch_up_can_take_deferrals_over_415c_and_the_steps_say_so() -> None:
    """Catch-up is any deferral over an applicable limit, 415(c) included (26 CFR
    1.414(v)-1(a)(1)), in a plan that treats it so: at 55 with no deferral over 402(g), the
    room can be larger by the unused catch-up, and a 415(c) "excess" may be none."""
    r = room(RoomInput(year=2025, deferrals="23500", employer="10000", age=55))
    assert r.after_tax_room == D("36500.00")  # the formula's figure stands
    [step] = [s for s in r.steps if "Catch-up is not only" in s]
    assert "$7,500.00 of catch-up unused" in step and "after-tax room up to $44,000.00" in step
    # the closing step names both figures (it called the formula's figure the ceiling)
    assert r.steps[-1].startswith(
        "$36,500.00, or up to $44,000.00 in a plan that counts deferrals over 415(c) as "
        "catch-up, is the legal ceiling"
    )
    over = room(RoomInput(year=2025, deferrals="23500", employer="50000", age=55))
    [warning] = [w for w in over.warnings if "exceed the limit" in w]
    assert "can count as catch-up ($7,500.00 unused)" in warning
    # only deferrals can be catch-up; and after-tax money comes out of what pay is left
    none = room(RoomInput(year=2025, deferrals="0", employer="75000", age=55))
    assert not any("no excess" in w for w in none.warnings)
    paid = room(RoomInput(year=2025, deferrals="20000", employer="0", age=55, compensation="20000"))
    assert not any("Catch-up is not only" in s for s in paid.steps)
    capped = room(
        RoomInput(year=2025, deferrals="23500", employer="10000", age=61, compensation="40000")
    )
    assert any("after-tax room up to $16,500.00" in s for s in capped.steps)  # 40,000 - 23,500
    young = room(RoomInput(year=2025, deferrals="23500", employer="50000", age=45))
    assert not any("Catch-up is not only" in s for s in young.steps)
    assert young.steps[-1].startswith("$0.00 is the legal ceiling")
    [warning] = [w for w in young.warnings if "exceed the limit" in w]
    assert warning.endswith("there is no after-tax room left.")


@pytest.mark.parametrize(
    ("deferrals", "employer", "compensation", "more", "up_to"),
    [
        # pay is the limit: the $8,000 unused catch-up frees more than pay leaves
        ("20000", "6500", "30000", "$6,500.00", "$10,000.00 (all the pay the deferrals leave)"),
        # an excess over 415(c) takes part of what it frees
        ("24500", "52000", None, "$3,500.00", "$3,500.00"),
        # nothing else in the way: the whole unused catch-up
        ("24500", "10000", "38000", "$8,000.00", "$11,500.00"),
    ],
)
def test_the_unused_catch_up_step_says_what_the_member_can_add(
    deferrals: str, employer: str, compensation: str | None, more: str, up_to: str
) -> None:
    """The step said "can take up to $8,000.00 more" beside a wider room only $3,500.00 (or
    $6,500.00) above the room: it says what the member can put in now, the wider room less
    the room."""
    r = room(
        RoomInput(
            year=2026, deferrals=deferrals, employer=employer, age=55, compensation=compensation
        )
    )
    [step] = [s for s in r.steps if "Catch-up is not only" in s]
    assert "$8,000.00 of catch-up unused" in step
    assert f"put in {more} more after-tax: after-tax room up to {up_to}." in step
    assert "can take up to" not in step


def test_the_steps_cite_the_415c_paragraph_each_rule_comes_from() -> None:
    r = room(RoomInput(year=2026, deferrals="24500", employer="5000", compensation="50000"))
    text = " ".join(r.steps)
    assert "(IRC 415(c)(1)(A), IRC 415(c)(1)(B))" in text  # the dollar limit, capped by pay
    assert "do not use up this room (IRC 415(f))" in text


def test_pay_left_after_deferrals_caps_what_can_go_in() -> None:
    """Catch-up is outside 415(c), so the room can be more than the pay the deferrals leave;
    after-tax contributions come out of that pay, and the result says so."""
    short = room(
        RoomInput(year=2025, deferrals="31000", employer="0", age=55, compensation="35000")
    )
    assert short.after_tax_room == D("11500.00")  # 415(c): $35,000 of pay - $23,500
    assert any(
        "Only $4,000.00 of the compensation is left after the deferrals" in w
        for w in short.warnings
    )
    # With pay to spare, no such warning.
    ample = room(
        RoomInput(year=2025, deferrals="31000", employer="0", age=55, compensation="100000")
    )
    assert not any("of the compensation is left" in w for w in ample.warnings)


SHIPPED_TABLE = Path(__file__).resolve().parents[1] / "calculators" / "data" / "limits.yaml"

#: A moderator's next year started from the IRS's release, two figures in, one mistyped.
HALF_A_YEAR = f"""\
  {NEXT}:
    source: "IRS Notice 2026-XX"
    confidence: primary
    elective_deferral_402g: 25000
    annual_additions_415c: 74,000
"""


def run_with_table(table: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``rollover-bot ARGS`` in its own process, its year table read from ``table`` (the
    way a moderator's edit of calculators/data/limits.yaml is read: before any command)."""
    code = (
        "import pathlib, sys; import calculators.limits as limits; "
        "limits.TABLE = pathlib.Path(sys.argv[1]); "
        "from bot.cli import main; sys.exit(main(sys.argv[2:]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, str(table), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("calc", "room", "--year", "2026", "--deferrals", "1", "--employer", "1"),
        ("faq", "validate"),
    ],
)
def test_a_year_added_with_figures_missing_stops_every_command_with_one_line(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A moderator adding next year before every figure is in got a 40-line pydantic
    traceback from every command, `faq validate` included: now one `error:` line naming the
    file, the year and what to fix, and exit 1 (the data, not the command's input)."""
    table = tmp_path / "limits.yaml"
    table.write_text(SHIPPED_TABLE.read_text("utf-8") + HALF_A_YEAR, "utf-8")
    proc = run_with_table(table, *args)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"error: {table}: {NEXT}: missing catch_up_50_plus_414v, ")
    assert "hce_threshold_414q (every year needs them)" in line
    assert "annual_additions_415c: '74,000' is not an amount" in line
    # the shipped table, read the same way, runs the command
    assert (
        run_with_table(
            SHIPPED_TABLE, "calc", "room", "--year", "2026", "--deferrals", "1", "--employer", "1"
        ).returncode
        == 0
    )


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (f"  {NEXT}:\n    source: [\n", "expected the node content"),
        ("  2O27:\n    source: x\n", "'2O27' is not a year: write it as 4 digits"),
        ("  27:\n    source: x\n", "'27' is not a year"),
        (f"  {NEXT}: 74000\n", f"{NEXT} has no figures under it"),
        (
            HALF_A_YEAR.replace("74,000", "74000") + "    ira_contributon: 7500\n",
            "'ira_contributon' is no figure the table knows (a typo?)",
        ),
        (f"  {NEXT}:\n    confidence: high\n", "confidence: 'high' is not valid"),
    ],
)
def test_a_mistake_in_the_year_table_is_named_with_its_year(extra: str, said: str) -> None:
    from calculators.limits import LimitsTableError, _parse_table

    with pytest.raises(LimitsTableError) as info:
        _parse_table(SHIPPED_TABLE.read_text("utf-8") + extra, "limits.yaml")
    assert str(info.value).startswith("limits.yaml")
    assert said in str(info.value)


def last_year_block() -> str:
    text = SHIPPED_TABLE.read_text("utf-8")
    return text[text.index(f"  {max(supported_years())}:\n") :]


def next_year_copied(**changes: str | None) -> str:
    """The shipped table with its last year's block copied below it as the next year, as a
    moderator starts next year's figures; ``changes`` sets a figure of the copy, or drops
    it (None)."""
    last = max(supported_years())
    lines = last_year_block().replace(f"  {last}:\n", f"  {last + 1}:\n").splitlines(True)
    for name, value in changes.items():
        lines = [line for line in lines if not line.strip().startswith(f"{name}:")]
        if value is not None:
            lines.append(f"    {name}: {value}\n")
    return SHIPPED_TABLE.read_text("utf-8") + "".join(lines)


def test_next_year_copied_whole_is_a_year_of_the_table() -> None:
    """(The positive control for the slips below: a block copied whole is taken.)"""
    from calculators.limits import _parse_table

    table = _parse_table(next_year_copied(), "limits.yaml")
    assert max(table) == max(supported_years()) + 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # the copy's year left unchanged: YAML kept the copy, over that year's own figures
        (lambda: SHIPPED_TABLE.read_text("utf-8") + last_year_block(), "' is written twice"),
        (lambda: next_year_copied(catch_up_age_60_to_63=None), "missing catch_up_age_60_to_63"),
        (
            lambda: next_year_copied(roth_catch_up_wage_threshold=None),
            "missing roth_catch_up_wage_threshold",
        ),
        (
            lambda: next_year_copied(roth_catch_up_enforced="false"),
            "roth_catch_up_enforced is false, but",
        ),
        (lambda: next_year_copied() + "    ira_contribution: 7600\n", "written twice"),
    ],
)
def test_a_year_copied_with_a_slip_is_refused_not_read_wrong(
    text: Callable[[], str], said: str
) -> None:
    """Slips a moderator makes copying last year's block were read without a word: a year
    left unchanged replaced that year's figures (YAML keeps the last of two), and a year
    without the 60-63 tier made /room refuse a 61-year-old's catch-up over the age-50 one."""
    from calculators.limits import LimitsTableError, _parse_table

    with pytest.raises(LimitsTableError) as info:
        _parse_table(text(), "limits.yaml")
    assert said in str(info.value)


@pytest.mark.parametrize("offset", [1, -4])
def test_a_year_without_figures_says_so_and_where_the_irs_publishes_them(
    capsys: pytest.CaptureFixture[str], offset: int
) -> None:
    """In December members ask about next year (and some about 2019): the bot has no
    figure to give and never guesses one, so it says where the IRS publishes them."""
    from bot.cli import main

    years = supported_years()
    year = max(years) + 1 if offset > 0 else min(years) + offset
    code = main(["calc", "room", "--year", str(year), "--deferrals", "0", "--employer", "0"])
    [line] = capsys.readouterr().err.splitlines()
    assert code == 2
    yet = " yet" if offset > 0 else ""
    assert line.startswith(
        f"error: there are no contribution limits for {year} in the table{yet} ("
    )
    assert line.endswith(
        "the IRS publishes each year's limits at https://www.irs.gov/retirement-plans/"
        "cola-increases-for-dollar-limitations-on-benefits-and-contributions"
    )
