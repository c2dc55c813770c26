"""calc schedule: the conversion model of cli.md, hand-checked, plus the comparison chart."""

from __future__ import annotations

import io
import struct
from decimal import Decimal as D

import numpy as np
import pytest
from matplotlib.image import imread

from calculators import DEFAULT_COUNTS, InputError, ScheduleInput, schedule
from calculators.catalog import CALCULATORS
from calculators.chart import (
    EARNINGS_HIGHLIGHT,
    render_schedule_chart,
    render_schedule_chart_async,
)
from calculators.schedule import paycheck_amounts
from tests.loop_turns import turns_while


def inp(
    annual: str = "7000",
    paychecks: int = 26,
    conversions: int = 4,
    ret: str = "8%",
    tax: str | None = None,
    lag: int = 0,
) -> ScheduleInput:
    # lag 0: the hand-checked figures below are for conversions that settle at once
    return ScheduleInput(
        annual=annual,
        paychecks=paychecks,
        conversions=conversions,
        annual_return=ret,
        tax_rate=tax,
        lag_days=lag,
    )


def float_reference(
    annual: float, paychecks: int, conversions: int, r: float, lag_days: int = 0
) -> float:
    """Independent float version of the cli.md model: each contribution goes with the first
    conversion dated at or after it and grows until that conversion settles (date + lag)."""
    total = 0.0
    lag = lag_days / 365
    for k in range(1, paychecks + 1):
        t = k / paychecks
        j = next(j for j in range(1, conversions + 1) if j * paychecks >= k * conversions)
        total += annual / paychecks * ((1 + r) ** (j / conversions + lag - t) - 1)
    return total


def test_one_paycheck_converted_the_same_moment_earns_nothing() -> None:
    assert schedule(inp("1200", 1, 1, "10%")).taxable_earnings == D("0.00")


def test_hand_checked_half_year_wait() -> None:
    # 600 at t=1/2 waits half a year at 21%: 600 x (1.21^0.5 - 1) = 600 x 0.1 = 60.00.
    result = schedule(inp("1200", 2, 1, "21%", "24%"))
    assert result.taxable_earnings == D("60.00")
    assert result.estimated_tax == D("14.40")
    assert [c.amount for c in result.conversions] == [D("1260.00")]


def test_rounding_allocation_adds_up_to_rounded_total() -> None:
    # Four 300 contributions, two conversions at 21%: each conversion earns
    # 300 x (1.1^0.5 - 1) = 14.6426...; total 29.285 -> 29.29, so one conversion gets the cent.
    result = schedule(inp("1200", 4, 2, "21%"))
    assert [c.earnings for c in result.conversions] == [D("14.65"), D("14.64")]
    assert result.taxable_earnings == D("29.29")
    assert sum(c.amount for c in result.conversions) == D("1229.29")


def test_seven_thousand_over_26_paychecks_matches_float_reference() -> None:
    result = schedule(inp(tax="24%"))
    assert result.taxable_earnings == D("62.55")
    assert result.estimated_tax == D("15.01")
    expected = float_reference(7000, 26, 4, 0.08)
    assert abs(float(result.taxable_earnings) - expected) <= 0.005 + 1e-9
    assert [c.to_json()["t"] for c in result.conversions] == [
        "0.2500",
        "0.5000",
        "0.7500",
        "1.0000",
    ]


@pytest.mark.parametrize(("paychecks", "conversions"), [(26, 1), (12, 5), (52, 12), (24, 26)])
def test_matches_float_reference(paychecks: int, conversions: int) -> None:
    result = schedule(inp("19500", paychecks, conversions, "10%"))
    expected = float_reference(19500, paychecks, conversions, 0.10)
    assert abs(float(result.taxable_earnings) - expected) <= 0.005 + 1e-9


def test_zero_return_gives_zero_earnings() -> None:
    result = schedule(inp(ret="0"))
    assert result.taxable_earnings == D("0.00")
    assert all(p.taxable_earnings == 0 for p in result.comparison)


@pytest.mark.parametrize(("rate", "growth"), [("8%", "(1 + 8%)^dt"), ("-10%", "(1 - 10%)^dt")])
def test_the_growth_step_writes_a_loss_as_a_minus(rate: str, growth: str) -> None:
    inp = ScheduleInput(annual="1000", paychecks=12, conversions=4, annual_return=rate)
    model = schedule(inp).steps[0]
    assert growth in model and "+ -" not in model


def test_comparison_covers_default_counts_and_the_users_choice() -> None:
    result = schedule(inp(conversions=6))
    assert [p.conversions for p in result.comparison] == sorted({*DEFAULT_COUNTS, 6})
    earnings = {p.conversions: p.taxable_earnings for p in result.comparison}
    assert earnings[1] > earnings[2] > earnings[4] > earnings[12] > earnings[26] == 0
    assert earnings[6] == result.taxable_earnings


def test_misaligned_schedule_warns_that_fewer_conversions_do_better() -> None:
    # Monthly pay, 26 conversions: contributions wait; 12 conversions line up and earn $0.
    result = schedule(inp("23000", 12, 26, "7%"))
    assert result.taxable_earnings > 0
    assert any("12 a year gives $0.00" in w for w in result.warnings)


def test_negative_return_has_no_taxable_earnings() -> None:
    result = schedule(inp("7000", 26, 4, "-10%", "24%"))
    assert result.taxable_earnings == D("0.00") and result.estimated_tax == D("0.00")
    assert result.net_earnings < 0
    assert sum(c.amount for c in result.conversions) == D("7000") + result.net_earnings
    assert any("negative return" in w for w in result.warnings)


def test_a_negative_return_warns_of_a_shortfall_only_when_there_is_one() -> None:
    # A conversion the same day as each paycheck moves exactly what was contributed: no loss.
    aligned = schedule(inp("26000", 26, 26, "-10%"))
    assert aligned.net_earnings == 0
    assert not any("less than was contributed" in w for w in aligned.warnings)
    # Quarterly pay, 6 conversions: those on a payday move what was paid, the others less.
    mixed = schedule(inp("4000", 4, 6, "-10%"))
    assert [c.earnings for c in mixed.conversions if c.contributions] == [
        D("-8.74"), D("0.00"), D("-8.74"), D("0.00")
    ]  # fmt: skip
    [said] = [w for w in mixed.warnings if "less than was contributed" in w]
    assert "the conversions move less than was contributed (net -$17.48)" in said


def test_paychecks_add_up_exactly() -> None:
    assert paycheck_amounts(D("1000.00"), 3) == [D("333.34"), D("333.33"), D("333.33")]
    assert sum(paycheck_amounts(D("7000.00"), 26)) == D("7000.00")


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"annual": "0"}, "more than $0.00"),
        ({"paychecks": 0}, "from 1 to 365"),
        ({"conversions": "0"}, "from 1 to 365"),
        ({"conversions": "2.5"}, "whole number"),
        ({"annual_return": "-100%"}, "smaller than 100%"),
        ({"annual_return": "150%"}, "above 100%"),
        ({"tax_rate": "-1%"}, "negative"),
        ({"lag_days": "1_0"}, "not a whole number"),
        ({"lag_days": "2.0"}, "not a whole number"),
        ({"lag_days": "\uff13"}, "not a whole number"),  # fullwidth 3
        ({"lag_days": "31"}, "from 0 to 30"),
        ({"lag_days": -1}, "from 0 to 30"),
    ],
)
def test_bad_input(kw: dict, fragment: str) -> None:
    values = {"annual": "7000", "paychecks": 26, "conversions": 4, "annual_return": "8%"} | kw
    with pytest.raises(InputError) as info:
        ScheduleInput(**values)
    assert fragment in str(info.value)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_chart_is_a_png_with_the_users_choice_highlighted() -> None:
    data = render_schedule_chart(inp(tax="24%"))
    width, height = png_size(data)
    assert 600 <= width <= 2000 and 400 <= height <= 1400
    assert 10_000 < len(data) < 1_000_000
    pixels = imread(io.BytesIO(data))[..., :3]
    highlight = np.array([int(EARNINGS_HIGHLIGHT[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    # The dark bar for the user's 4 conversions a year is drawn (not only the legend swatch).
    assert np.sum(np.all(np.abs(pixels - highlight) < 0.02, axis=-1)) > 2000


async def test_async_chart_does_not_block_the_event_loop() -> None:
    ticks, data = await turns_while(render_schedule_chart_async(inp(tax="24%")), every=0.005)
    assert png_size(data) == png_size(render_schedule_chart(inp(tax="24%")))
    assert ticks >= 3  # the loop kept running while the chart rendered in a worker thread


def test_a_settlement_lag_gives_conversions_after_every_paycheck_some_earnings() -> None:
    aligned = schedule(inp("26000", 26, 26, "8%", lag=3))
    assert aligned.taxable_earnings > 0
    expected = float_reference(26000, 26, 26, 0.08, lag_days=3)
    assert abs(float(aligned.taxable_earnings) - expected) <= 0.005 + 1e-9
    # the comparison always includes the paycheck count
    lagged = schedule(
        ScheduleInput(annual="26000", paychecks=24, conversions=4, annual_return="8%", lag_days=3)
    )
    assert {pt.conversions for pt in lagged.comparison} >= {24, 4, *DEFAULT_COUNTS}
    assert all(pt.taxable_earnings > 0 for pt in lagged.comparison)


def test_by_default_a_conversion_settles_on_its_date_as_the_cli_contract_models_it() -> None:
    """The command line's contract (docs/cli.md, a public interface scripts and checks rely
    on) models a conversion sweeping the balance at its date, a contribution made that same
    moment included; a settlement lag is asked for, not assumed (a default of 3 days gave
    other figures than the contract's for every schedule)."""
    # $500 at t = 1/2 grows half a year at 10%; the $500 at t = 1 is swept as it lands.
    one = schedule(ScheduleInput(annual="1000", paychecks=2, conversions=1, annual_return="10%"))
    assert one.taxable_earnings == D("24.40")  # 500 x (1.1^0.5 - 1) = 24.404
    [conversion] = one.conversions
    assert (conversion.t, conversion.settle_t, conversion.amount) == (1, 1, D("1024.40"))
    aligned = schedule(
        ScheduleInput(annual="26000", paychecks=26, conversions=26, annual_return="8%")
    )
    assert aligned.taxable_earnings == 0
    assert any("no processing time assumed" in s for s in aligned.steps)  # (and says so)


@pytest.mark.parametrize(
    ("paychecks", "conversions", "lag"), [(26, 4, 3), (12, 12, 5), (52, 26, 10)]
)
def test_lag_matches_float_reference(paychecks: int, conversions: int, lag: int) -> None:
    result = schedule(inp("19500", paychecks, conversions, "10%", lag=lag))
    expected = float_reference(19500, paychecks, conversions, 0.10, lag_days=lag)
    assert abs(float(result.taxable_earnings) - expected) <= 0.005 + 1e-9


def test_daily_conversions_of_daily_paychecks_earn_the_lag() -> None:
    # Each paycheck is converted the day it is paid and grows for the 3-day settlement:
    # 7000 x (1.08^(3/365) - 1) = 4.4293 -> 4.43, the same as 26 paychecks and 26 conversions.
    daily = schedule(inp("7000", 365, 365, "8%", lag=3))
    assert daily.taxable_earnings == D("4.43")
    assert abs(float(daily.taxable_earnings) - 7000 * (1.08 ** (3 / 365) - 1)) <= 0.005
    biweekly = schedule(inp("7000", 26, 26, "8%", lag=3))
    assert abs(daily.taxable_earnings - biweekly.taxable_earnings) <= D("0.03")
    assert sum(1 for c in daily.conversions if c.earnings > 0) > 300  # not just the first one


@pytest.mark.parametrize(
    ("paychecks", "lag"), [(52, 7), (73, 5), (73, 10), (365, 1), (365, 30), (12, 30)]
)
def test_earnings_do_not_collapse_when_the_lag_spans_whole_paycheck_intervals(
    paychecks: int, lag: int
) -> None:
    # A conversion after every paycheck: each paycheck earns the lag, (1.1^(lag/365) - 1),
    # even when the next paycheck lands exactly at (or before) the settlement.
    result = schedule(inp("19500", paychecks, paychecks, "10%", lag=lag))
    expected = 19500 * (1.1 ** (lag / 365) - 1)
    assert abs(float(result.taxable_earnings) - expected) <= 0.02
    reference = float_reference(19500, paychecks, paychecks, 0.10, lag_days=lag)
    assert abs(float(result.taxable_earnings) - reference) <= 0.005 + 1e-9


def test_json_t_is_the_conversion_date_and_settle_t_the_settlement() -> None:
    result = schedule(inp("7000", 26, 4, "8%", lag=3))
    rows = [c.to_json() for c in result.conversions]
    assert [r["t"] for r in rows] == ["0.2500", "0.5000", "0.7500", "1.0000"]
    assert [r["settle_t"] for r in rows] == ["0.2582", "0.5082", "0.7582", "1.0082"]
    assert any("Conversion 4 dated t = 1:" in s for s in result.steps)


def test_console_lag_days_parse_like_the_other_counts() -> None:
    calc = CALCULATORS["schedule"]
    assert calc.build(["7000", "26", "4", "8%"], {"lag-days": "10"}).lag_days == 10
    for typed in ("1_0", "2.0"):
        with pytest.raises(InputError, match=r"^lag_days: .* is not a whole number; use digits"):
            calc.build(["7000", "26", "4", "8%"], {"lag-days": typed})
    with pytest.raises(InputError, match=r"^lag_days: .* number: it has digits other than 0-9"):
        calc.build(["7000", "26", "4", "8%"], {"lag-days": "\uff13"})  # (fullwidth 3)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["7000", "biweekly", "4", "8%"], "paychecks: 'biweekly' is 26 a year; give the count, 26"),
        (
            ["7000", "26", "Quarterly", "8%"],
            "conversions: 'Quarterly' is 4 a year; give the count, 4",
        ),
        (["7000", "weekly", "4", "8%"], "paychecks: 'weekly' is 52 a year; give the count, 52"),
    ],
)
def test_console_pay_frequency_words_are_answered_with_their_counts(
    args: list[str], said: str
) -> None:
    """ "/schedule 7000 biweekly 4 8%" was "'biweekly' is not a whole number; use digits like
    12", which left the member to work out what biweekly is a year."""
    with pytest.raises(InputError) as caught:
        CALCULATORS["schedule"].build(args, {})
    assert str(caught.value) == said


def test_a_conversion_that_settles_in_the_next_year_is_said_to() -> None:
    """With a settlement lag the year's last conversion settles in January: its figure
    includes growth into the next year, and its 1099-R may be the next year's."""
    late = schedule(
        ScheduleInput(annual="30000", paychecks=26, conversions=1, annual_return="8%", lag_days=3)
    )
    assert any("The last conversion, dated near the year's end" in s for s in late.steps)
    many = schedule(
        ScheduleInput(annual="30000", paychecks=26, conversions=26, annual_return="8%", lag_days=30)
    )
    assert any("The last 3 conversions" in s for s in many.steps)
    at_once = schedule(
        ScheduleInput(annual="30000", paychecks=26, conversions=1, annual_return="8%", lag_days=0)
    )
    assert not any("into the next year" in s for s in at_once.steps)


def test_the_chart_has_the_bars_the_text_compares() -> None:
    """One conversion per paycheck (24 here) is in the text's comparison and often the best
    choice; the chart must not leave it out."""
    from calculators.chart import chart_points

    asked = ScheduleInput(
        annual="46000", paychecks=24, conversions=12, annual_return="10%", tax_rate=None
    )
    shown = [p.conversions for p in chart_points(asked)]
    assert 24 in shown
    assert shown == [p.conversions for p in schedule(asked).comparison]


def test_the_taxable_earnings_cite_the_rule_for_each_way_to_roth() -> None:
    """An in-plan conversion is taxed under IRC 402A(c)(4); 408A(d)(3)(A) is the rule for a
    rollover to a Roth IRA: the step names both, not only the IRA one."""
    result = schedule(inp("30000", 26, 4, "8%"))
    step = next(s for s in result.steps if s.startswith("Taxable earnings"))
    assert "IRC 402A(c)(4) for an in-plan conversion (an in-plan Roth rollover)" in step
    assert "408A(d)(3)(A) for a rollover to a Roth IRA" in step


def test_the_later_10_percent_tax_is_named_when_there_are_taxable_earnings() -> None:
    """Converting is not hit by the 10% additional tax, but taking the money out within 5
    years before 59 1/2 can be: said when something was taxable, not otherwise."""
    steps = " ".join(schedule(inp("30000", 26, 4, "8%")).steps)
    assert "does not apply to the move itself" in steps
    assert "5-year period that begins on January 1 of the conversion's year" in steps
    assert "taxable part (its earnings)" in steps and "59 1/2" in steps
    flat = " ".join(schedule(inp("30000", 26, 4, "0%")).steps)
    assert "does not apply to the move itself" not in flat


def test_more_than_a_plan_takes_in_a_year_is_warned_about_and_worked_out() -> None:
    """Contributions above any year's 415(c) limit cannot all go into one plan (a slip, or
    a balance typed as a year's contributions): said, and the schedule is still worked."""
    from calculators.limits import load_limits

    year, limits = max(load_limits().items())
    cap = limits.annual_additions_415c

    def cap_warnings(annual: D) -> list[str]:
        result = schedule(inp(str(annual), 26, 4, "8%"))
        assert result.taxable_earnings > 0
        return [w for w in result.warnings if "415(c)" in w]

    [warning] = cap_warnings(cap + D("0.01"))
    assert f"for {year}" in warning and f"{cap:,}" in warning
    assert cap_warnings(cap) == []  # (the limit itself fits)


@pytest.mark.parametrize(
    ("annual", "paychecks", "conversions", "lag", "said", "not_said"),
    [
        (
            "1000",
            1,
            1,
            1,
            ["1 equal paycheck at", "1 conversion requested", "settles 1 day later"],
            ["paychecks at", "1 conversions", "1 days"],
        ),
        ("1000", 1, 2, 0, ["1 of the 2 conversions comes", "moves $0.00; it is"], ["come before"]),
        ("1000.01", 2, 1, 0, ["the first carries one extra cent"], ["first 1 carry"]),
        ("26000", 26, 4, 3, ["26 equal paychecks", "4 conversions", "3 days later"], []),
    ],
)
def test_the_steps_count_in_words(
    annual: str,
    paychecks: int,
    conversions: int,
    lag: int,
    said: list[str],
    not_said: list[str],
) -> None:
    """/schedule's working read "1 conversion(s) ... settle 1 day(s) later" (a screen
    reader reads the brackets out) and "in 1 equal paychecks", "the first 1 carry": a
    member reads "1 day", "3 days", as the chart's alt text already says them."""
    steps = " ".join(schedule(inp(annual, paychecks, conversions, "8%", lag=lag)).steps)
    assert "(s)" not in steps
    for words in said:
        assert words in steps
    for words in not_said:
        assert words not in steps


def test_the_steps_say_what_a_same_day_settlement_means() -> None:
    """At --lag-days 0 the steps said conversions "settle 0 day(s) later" and that "even
    one right after each paycheck picks up some earnings", beside $0.00 at 26 a year."""
    same_day = schedule(
        ScheduleInput(annual="7000", paychecks=26, conversions=4, annual_return="0.08", lag_days=0)
    )
    said = " ".join(same_day.steps)
    assert "settled the same day" in said and "leaves no earnings" in said
    assert "0 day(s)" not in said and "picks up some earnings" not in said
    lagged = " ".join(
        schedule(
            ScheduleInput(
                annual="7000", paychecks=26, conversions=4, annual_return="0.08", lag_days=3
            )
        ).steps
    )
    assert "settle 3 days later" in lagged and "picks up some earnings" in lagged
