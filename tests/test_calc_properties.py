"""Invariants of the calculators, checked with hypothesis over many inputs."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from calculators import (
    Form8606Input,
    InputError,
    ProrataInput,
    RoomInput,
    ScheduleInput,
    SplitInput,
    form8606,
    parse_amount,
    parse_rate,
    prorata,
    room,
    schedule,
    split,
    supported_years,
)


def money(low: int = 0, high: int = 10_000_000_00) -> st.SearchStrategy[D]:
    """Dollars and cents, drawn as a whole number of cents."""
    return st.integers(low, high).map(lambda c: D(c) / 100)


small_money = money(0, 100_000_00)
rates = st.integers(0, 10_000).map(lambda bp: D(bp) / 10_000)


@given(
    basis=money(),
    earnings=money(-10_000_000_00),
    to=st.sampled_from(["roth", "traditional"]),
    rate=rates,
)
def test_split_conserves_money(basis: D, earnings: D, to: str, rate: D) -> None:
    assume(basis + earnings > 0)
    r = split(SplitInput(basis=basis, earnings=earnings, earnings_to=to, tax_rate=rate))
    gross = basis + earnings
    assert r.roth_ira + r.traditional_ira == gross
    assert r.taxable + r.nontaxable + r.tax_deferred == gross
    assert 0 <= r.taxable <= gross
    assert r.nontaxable <= basis
    assert r.estimated_tax is not None and r.estimated_tax <= r.taxable
    assert sum(f.box1 for f in r.forms_1099r) == gross
    for form in r.forms_1099r:
        assert 0 <= form.box2a <= form.box1 and 0 <= form.box5 <= form.box1


@given(basis=money(), earnings=money(-10_000_000_00), share=st.integers(1, 10_000))
def test_prorata_conserves_money(basis: D, earnings: D, share: int) -> None:
    balance = basis + earnings
    assume(balance > 0)
    amount = max(D("0.01"), (balance * share / 10_000).quantize(D("0.01")))
    assume(amount <= balance)
    r = prorata(ProrataInput(basis=basis, earnings=earnings, amount=amount))
    assert r.nontaxable + r.taxable == amount
    assert r.remaining_basis + r.remaining_earnings == balance - amount
    assert 0 <= r.taxable <= amount and 0 <= r.nontaxable <= amount
    # Rounded to the nearest cent of the exact proportional share (capped at 100%).
    exact = amount * min(basis / balance, D(1))
    assert abs(r.nontaxable - exact) <= D("0.005")


@given(
    contribution=small_money,
    prior=small_money,
    late_share=st.integers(0, 100),
    year_end=money(0, 2_000_000_00),
    distributions=small_money,
    converted=small_money,
)
def test_form8606_lines_stay_in_bounds(
    contribution: D, prior: D, late_share: int, year_end: D, distributions: D, converted: D
) -> None:
    late = (contribution * late_share / 100).quantize(D("0.01"), rounding="ROUND_DOWN")
    r = form8606(
        Form8606Input(
            contribution=contribution,
            prior_basis=prior,
            late_contribution=late,
            year_end_balance=year_end,
            distributions=distributions,
            converted=converted,
        )
    )
    lines = r.lines
    assert lines["line3"] == contribution + prior
    if distributions == 0 and converted == 0:
        assert lines["line14"] == lines["line3"] and lines["line10"] is None
        return
    assert lines["line10"] is not None and D(0) <= lines["line10"] <= D(1)
    assert lines["line10"] == lines["line10"].quantize(D("0.001"))
    assert lines["line11"] + lines["line12"] == lines["line13"]  # type: ignore[operator]
    assert D(0) <= lines["line15c"] <= distributions  # type: ignore[operator]
    if converted:
        assert D(0) <= lines["line18"] <= converted  # type: ignore[operator]
        assert lines["line17"] + lines["line18"] == converted  # type: ignore[operator]
    else:
        assert lines["line18"] is None
    assert r.taxable <= distributions + converted


@given(
    contribution=small_money,
    prior=small_money,
    deductible=money(1, 100_000_00),
    year_end=money(0, 2_000_000_00),
    distributions=small_money,
    converted=small_money,
)
# (converted x line 7 = $407.99, a cent off line 8's share of it: $408.12 x $2,999.90 / $3,000.90)
@example(D(1000), D(0), D(7000), D(56000), D(1), D("2999.90"))
def test_worksheet_1_1_line_8_is_line_5_times_line_7_rounded_once(
    contribution: D, prior: D, deductible: D, year_end: D, distributions: D, converted: D
) -> None:
    # Pub 590-B Worksheet 1-1: line 8 = line 5 x line 7, one product rounded to the cent. Its
    # figures are used when Form 8606 line 5 is at least line 8, and then line 13 is line 8,
    # split between the conversion (line 17) and the distributions with nothing left over.
    assume(contribution + prior > 0 and distributions + converted > 0)
    r = form8606(
        Form8606Input(
            contribution=contribution,
            prior_basis=prior,
            deductible=deductible,
            year_end_balance=year_end,
            distributions=distributions,
            converted=converted,
        )
    )
    w5 = distributions + converted
    w7 = min((prior + contribution + deductible) / (year_end + w5), D(1)).quantize(
        D("0.001"), rounding="ROUND_HALF_UP"
    )
    w8 = (w5 * w7).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    lines = r.lines
    assert (lines["line6"] is None) == (lines["line5"] >= w8)  # type: ignore[operator]
    if lines["line6"] is None:
        assert lines["line13"] == w8
        assert r.taxable == w5 - w8
        # Pub 590-B's note: the conversion's part is line 8 x the amount converted / line 5
        conversion = (w8 * converted / w5).quantize(D("0.01"), rounding="ROUND_HALF_UP")
        assert lines["line17"] == (conversion if converted else None)
        nontaxable_distributions = distributions - lines["line15c"]  # type: ignore[operator]
        assert (lines["line17"] or D(0)) + nontaxable_distributions == w8


@given(
    year=st.sampled_from(supported_years()),
    deferrals=money(0, 40_000_00),
    employer=money(0, 80_000_00),
    age=st.none() | st.integers(18, 80),
    compensation=st.none() | money(0, 400_000_00),
)
def test_room_is_never_negative_nor_above_the_limit(
    year: int, deferrals: D, employer: D, age: int | None, compensation: D | None
) -> None:
    try:
        r = room(
            RoomInput(
                year=year,
                deferrals=deferrals,
                employer=employer,
                age=age,
                compensation=compensation,
            )
        )
    except InputError:
        return  # deferrals above limit + catch-up: covered by the table tests
    assert D(0) <= r.after_tax_room <= r.limit_415c
    assert r.catch_up <= r.catch_up_limit
    assert r.counted_deferrals + r.catch_up == deferrals
    assert r.after_tax_room == max(D(0), r.limit_applied - r.counted_deferrals - employer)


schedule_inputs = st.fixed_dictionaries(
    {
        "annual": money(1, 80_000_00),
        "paychecks": st.sampled_from([1, 2, 4, 12, 24, 26, 52]),
        "annual_return": st.integers(0, 10_000).map(lambda bp: D(bp) / 10_000),
    }
)


@settings(max_examples=60, deadline=None)
@given(values=schedule_inputs, conversions=st.integers(1, 30))
def test_schedule_conserves_money(values: dict, conversions: int) -> None:
    r = schedule(ScheduleInput(conversions=conversions, **values))
    total = sum(c.amount for c in r.conversions)
    assert total == values["annual"] + r.net_earnings
    assert sum(c.contributions for c in r.conversions) == values["annual"]
    assert 0 <= r.taxable_earnings <= total


@settings(max_examples=60, deadline=None)
@given(
    values=schedule_inputs, fewer=st.sampled_from([1, 2, 3, 4, 6, 12, 13]), factor=st.integers(2, 4)
)
def test_more_conversions_never_raise_taxable_earnings(
    values: dict, fewer: int, factor: int
) -> None:
    # With conversions at j/n, n*factor conversions include every date of n conversions, so no
    # contribution waits longer. (Counts that do not divide each other can go either way: see
    # test_misaligned_schedule_warns_that_fewer_conversions_do_better.)
    a = schedule(ScheduleInput(conversions=fewer, **values))
    b = schedule(ScheduleInput(conversions=fewer * factor, **values))
    assert b.taxable_earnings <= a.taxable_earnings
    chain = [p.taxable_earnings for p in a.comparison if p.conversions in (1, 2, 4, 12)]
    assert chain == sorted(chain, reverse=True)


@settings(max_examples=30, deadline=None)
@given(values=schedule_inputs, conversions=st.integers(1, 30))
def test_zero_return_gives_zero_earnings(values: dict, conversions: int) -> None:
    r = schedule(ScheduleInput(conversions=conversions, **(values | {"annual_return": D(0)})))
    assert r.taxable_earnings == 0 and r.net_earnings == 0
    assert all(c.earnings == 0 for c in r.conversions)


@settings(max_examples=30, deadline=None)
@given(values=schedule_inputs, loss=st.integers(1, 9_999), conversions=st.integers(1, 30))
def test_negative_return_is_never_taxable(values: dict, loss: int, conversions: int) -> None:
    values = values | {"annual_return": -D(loss) / 10_000}
    r = schedule(ScheduleInput(conversions=conversions, **values))
    assert r.taxable_earnings == 0 and r.net_earnings <= 0


@given(cents=st.integers(0, 1_000_000_000_00))
def test_amount_formats_round_trip(cents: int) -> None:
    value = D(cents) / 100
    for text in (f"{value}", f"{value:.2f}", f"{value:,.2f}", f"${value:,.2f}"):
        assert parse_amount(text) == value


@given(bp=st.integers(0, 10_000))
def test_rate_formats_agree(bp: int) -> None:
    fraction = D(bp) / 10_000
    assert parse_rate(f"{fraction * 100}%") == fraction
    if fraction * 100 > 1:  # without '%', numbers above 1 are percents
        assert parse_rate(f"{fraction * 100}") == fraction


@given(text=st.text(max_size=30))
def test_parsers_only_ever_raise_input_error(text: str) -> None:
    for parse in (parse_amount, parse_rate):
        try:
            value = parse(text)
        except InputError as exc:
            assert str(exc)
        else:
            assert value.is_finite() and value >= 0


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity", "1e400", "1E5", "0x10"])
def test_special_numbers_are_rejected(text: str) -> None:
    with pytest.raises(InputError):
        parse_amount(text)
    with pytest.raises(InputError):
        parse_rate(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1" + "0" * 23 + "k", "too large"),  # 24 digits: overflowed the 28-digit context
        ("9" * 60 + "k", "too large"),
        ("1000000.00001k", "too large"),
        ("1.0000000000000000000000000001k", "not a whole number of cents"),
        ("1." + "0" * 60 + "1k", "not a whole number of cents"),
        ("1.234567k", "not a whole number of cents"),
    ],
)
def test_k_amounts_beyond_decimal_precision_are_input_errors(text: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("999999.99999k", "999999999.99"), ("1.2300000000000000000000000000000k", "1230.00")],
)
def test_k_amounts_at_the_edges_are_exact(text: str, value: str) -> None:
    assert parse_amount(text) == D(value)


@pytest.mark.parametrize(
    "text", ["0." + "9" * 36, "99." + "9" * 30 + "%", "24.123456789%", "0.12345678901"]
)
def test_rates_finer_than_a_rate_needs_are_refused_not_rounded(text: str) -> None:
    with pytest.raises(InputError, match="too many decimal places"):
        parse_rate(text)
    assert parse_rate("24.12345678%") == D("0.2412345678")


@given(whole=st.text("0123456789", min_size=1, max_size=80), frac=st.text("0123456789"))
def test_k_amounts_only_ever_raise_input_error(whole: str, frac: str) -> None:
    text = f"{whole}.{frac}k" if frac else f"{whole}k"
    try:
        value = parse_amount(text)
    except InputError:
        return
    assert value == (D(text[:-1]) * 1000) and value <= D("1000000000")
