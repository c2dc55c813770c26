"""schedule: taxable earnings (and tax) for a number of after-tax-to-Roth conversions a year.

Model (docs/cli.md): equal contributions at t = k/paychecks (k = 1..paychecks);
conversions dated t = j/conversions (j = 1..conversions) convert the balance as of that date,
including a contribution made at that same moment, and settle lag days later; the converted
money keeps growing until then, and contributions made while it settles wait for the next
conversion. Money grows by (1 + return)^dt between events.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator

from calculators.base import (
    IRS_AFTER_TAX_ROLLOVERS,
    CalcInput,
    CalcResult,
    Money,
    PerYear,
    Rate,
    ReturnRate,
    Source,
    WholeNumber,
    unusual_rates,
)
from calculators.limits import load_limits
from calculators.money import (
    CENT,
    ONE,
    ZERO,
    cents,
    counted,
    exact,
    floor_cents,
    money_str,
    pct,
    places,
    usd,
)
from calculators.parse import InputError, check_count

DEFAULT_LAG_DAYS = 0
MAX_LAG_DAYS = 30
DAYS_A_YEAR = 365
DEFAULT_COUNTS = (1, 2, 4, 12, 26)
"""Conversions a year the comparison (and the chart) always shows."""
MAX_LISTED = 26  # conversions listed one by one in the steps; more are summarised
SRC_RECAPTURE_PLAN = "IRS Notice 2010-84; Instructions for Form 1099-R, box 10"
SRC_RECAPTURE_IRA = "IRS Publication 590-B"
SRC_TAXABLE = (
    "IRC 402A(c)(4) for an in-plan conversion (an in-plan Roth rollover), 408A(d)(3)(A) for a "
    "rollover to a Roth IRA"
)


def _lag_days(value: int) -> int:
    return check_count(value, minimum=0, maximum=MAX_LAG_DAYS)


LagDays = Annotated[WholeNumber, AfterValidator(_lag_days)]
"""Settlement lag in days, 0 to MAX_LAG_DAYS; text is parsed strictly like the other counts."""


class ScheduleInput(CalcInput):
    annual: Money
    """After-tax contributions for the year."""
    paychecks: PerYear
    conversions: PerYear
    annual_return: ReturnRate
    """Yearly return as a fraction (0.08 = 8%); negative for a loss, above -1."""
    tax_rate: Rate | None = None
    lag_days: LagDays = DEFAULT_LAG_DAYS
    """Days between a conversion's date and when it settles (the plan processing it): the
    balance grows meanwhile, so even a conversion right after every paycheck has earnings."""

    @model_validator(mode="after")
    def _something_to_convert(self) -> ScheduleInput:
        if self.annual <= 0:
            raise InputError(
                "the annual after-tax contribution is $0.00; enter an amount more than $0.00, "
                "like 7000 or $7,000",
                "annual",
            )
        return self


def _over_any_years_cap(annual: Decimal) -> str | None:
    """A warning when the after-tax contributions are more than 415(c) allows in any year
    the limits table knows (a slip such as a missing decimal point, or a balance typed for
    a year's contributions): the schedule is worked out all the same."""
    year, limits = max(load_limits().items())  # (the latest year's limit is the highest)
    if annual <= limits.annual_additions_415c:
        return None
    return (
        f"{usd(annual)} of after-tax contributions in a year is more than the law allows "
        "in one employer's plans: the 415(c) limit on what goes into your account in a year "
        f"is {usd(limits.annual_additions_415c)} for {year} (or all of your pay, if that is "
        "less), catch-up contributions aside, and it counts your deferrals, your after-tax "
        "money and your employer's money together. Check the amount; the room calculator "
        "works out the after-tax space left."
    )


class Conversion(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    t: Fraction
    """Date of the conversion as a fraction of the year (j/conversions)."""
    settle_t: Fraction
    """When it settles: t + lag_days/365 (may be past 1 for the last conversions)."""
    contributions: Decimal
    """Contributions swept by this conversion."""
    earnings: Decimal
    amount: Decimal

    def to_json(self) -> dict[str, Any]:
        return {
            "t": _year_fraction(self.t),
            "settle_t": _year_fraction(self.settle_t),
            "amount": money_str(self.amount),
            "earnings": money_str(self.earnings),
            "contributions": money_str(self.contributions),
        }


def _year_fraction(t: Fraction) -> str:
    return f"{places(Decimal(t.numerator) / t.denominator, 4):.4f}"


class ComparisonPoint(BaseModel):
    model_config = ConfigDict(frozen=True)

    conversions: int
    taxable_earnings: Decimal
    estimated_tax: Decimal | None

    def to_json(self) -> dict[str, Any]:
        tax = self.estimated_tax
        return {
            "conversions": self.conversions,
            "taxable_earnings": money_str(self.taxable_earnings),
            "estimated_tax": None if tax is None else money_str(tax),
        }


class ScheduleResult(CalcResult):
    name = "schedule"
    title = "Taxable earnings by conversion schedule"
    sources = (
        Source(
            "IRS, In-plan rollovers to designated Roth accounts",
            "https://www.irs.gov/retirement-plans/designated-roth-accounts-in-plan-rollovers-to-"
            "designated-roth-accounts",
        ),
        IRS_AFTER_TAX_ROLLOVERS,
    )

    inputs: ScheduleInput
    taxable_earnings: Decimal
    net_earnings: Decimal
    """Sum of the conversions' earnings; below zero after a loss (then nothing is taxable)."""
    estimated_tax: Decimal | None
    conversions: list[Conversion]
    comparison: list[ComparisonPoint]
    """Taxable earnings for DEFAULT_COUNTS plus the user's own count, ascending."""

    def figures(self) -> dict[str, Any]:
        tax = self.estimated_tax
        return {
            "taxable_earnings": money_str(self.taxable_earnings),
            "net_earnings": money_str(self.net_earnings),
            "estimated_tax": None if tax is None else money_str(tax),
            "conversions": [c.to_json() for c in self.conversions],
            "comparison": [p.to_json() for p in self.comparison],
        }

    def summary(self) -> list[tuple[str, str]]:
        rows = [
            ("Conversions a year", str(self.inputs.conversions)),
            ("Taxable earnings", usd(self.taxable_earnings)),
        ]
        if self.estimated_tax is not None:
            rows.append(("Estimated tax", usd(self.estimated_tax)))
        return rows


def paycheck_amounts(annual: Decimal, paychecks: int) -> list[Decimal]:
    """Equal contributions in whole cents adding up to ``annual`` exactly.

    Leftover cents go one each to the earliest paychecks ($1,000 / 3 -> 333.34, 333.33, 333.33).
    """
    total_cents = int(annual / CENT)
    base, extra = divmod(total_cents, paychecks)
    return [(base + (1 if k < extra else 0)) * CENT for k in range(paychecks)]


class _Growth:
    """(1 + r)^dt, cached per dt (the same gaps recur across paychecks)."""

    def __init__(self, rate: Decimal) -> None:
        self.base = ONE + rate
        self.cache: dict[Fraction, Decimal] = {}

    def __call__(self, dt: Fraction) -> Decimal:
        if dt == 0:
            return ONE
        if dt not in self.cache:
            exponent = Decimal(dt.numerator) / Decimal(dt.denominator)
            self.cache[dt] = self.base**exponent
        return self.cache[dt]


def _simulate(
    amounts: list[Decimal], conversions: int, growth: _Growth, lag: Fraction = Fraction(0)
) -> list[Conversion]:
    paychecks = len(amounts)
    swept: list[tuple[Fraction, Decimal, Decimal]] = []  # (date, contributions, exact earnings)
    k = 0
    for j in range(1, conversions + 1):
        dated = Fraction(j, conversions)
        settles = dated + lag
        contributions = ZERO
        exact_earnings = Decimal(0)
        # The balance as of the conversion's date: contributions made at or before it and after
        # the previous one's date. They grow until it settles; a paycheck paid during the lag
        # waits for the next conversion (sweeping it with zero growth made earnings vanish
        # whenever the lag was a whole number of paycheck intervals).
        while k < paychecks and Fraction(k + 1, paychecks) <= dated:
            paid = amounts[k]
            contributions += paid
            exact_earnings += paid * (growth(settles - Fraction(k + 1, paychecks)) - ONE)
            k += 1
        swept.append((dated, contributions, exact_earnings))
    # Round each conversion's earnings so that they add up to the rounded exact total
    # (largest remainder): totals then stay monotone and conserve money to the cent.
    total = cents(sum((e for _, _, e in swept), Decimal(0)))
    floors = [floor_cents(e) for _, _, e in swept]
    spare = int((total - sum(floors, ZERO)) / CENT)
    order = sorted(range(len(swept)), key=lambda i: (-(swept[i][2] - floors[i]), i))
    bumped = set(order[:spare])
    result = []
    for i, (t, contributions, _) in enumerate(swept):
        earnings = floors[i] + (CENT if i in bumped else ZERO)
        result.append(
            Conversion(
                number=i + 1,
                t=t,
                settle_t=t + lag,
                contributions=contributions,
                earnings=earnings,
                amount=contributions + earnings,
            )
        )
    return result


def _taxable(conversions: Iterable[Conversion]) -> Decimal:
    # A conversion that moves less than was contributed has no taxable earnings.
    return sum((max(c.earnings, ZERO) for c in conversions), ZERO)


def compare(inp: ScheduleInput, counts: Iterable[int] = DEFAULT_COUNTS) -> list[ComparisonPoint]:
    """Taxable earnings and tax for each number of conversions in ``counts`` (ascending)."""
    with exact():
        amounts = paycheck_amounts(inp.annual, inp.paychecks)
        growth = _Growth(inp.annual_return)
        return [_point(inp, amounts, n, growth) for n in sorted(set(counts))]


def _lag(inp: ScheduleInput) -> Fraction:
    return Fraction(inp.lag_days, DAYS_A_YEAR)


def _point(inp: ScheduleInput, amounts: list[Decimal], n: int, growth: _Growth) -> ComparisonPoint:
    taxable = _taxable(_simulate(amounts, n, growth, _lag(inp)))
    tax = None if inp.tax_rate is None else cents(taxable * inp.tax_rate)
    return ComparisonPoint(conversions=n, taxable_earnings=taxable, estimated_tax=tax)


def schedule(inp: ScheduleInput) -> ScheduleResult:
    """Simulate the year's contributions and conversions; compare with 1/2/4/12/26 a year."""
    with exact():
        return _schedule(inp)


def _schedule(inp: ScheduleInput) -> ScheduleResult:
    amounts = paycheck_amounts(inp.annual, inp.paychecks)
    growth = _Growth(inp.annual_return)
    convs = _simulate(amounts, inp.conversions, growth, _lag(inp))
    taxable = _taxable(convs)
    net = sum((c.earnings for c in convs), ZERO)
    tax = None if inp.tax_rate is None else cents(taxable * inp.tax_rate)
    counts = sorted({*DEFAULT_COUNTS, inp.conversions, inp.paychecks})
    comparison = [_point(inp, amounts, n, growth) for n in counts]
    r, n, p = inp.annual_return, inp.conversions, inp.paychecks

    grows = f"Money grows by (1 {'-' if r < 0 else '+'} {pct(abs(r))})^dt between events."
    if inp.lag_days:
        settle = "settles" if n == 1 else "settle"
        model = (
            f"{counted(n, 'conversion')} requested at t = j/{n} {settle} "
            f"{counted(inp.lag_days, 'day')} later "
            f"(t + {inp.lag_days}/{DAYS_A_YEAR}); each moves the balance as of its date to "
            "Roth, including a contribution made that day, and that money keeps growing until "
            "it settles; contributions made meanwhile wait for the next conversion. "
            f"{grows} Plans take a few business days to process a conversion, so even one "
            "right after each paycheck picks up some earnings."
        )
    else:  # (--lag-days 0: "settle 0 days later ... picks up some earnings" said otherwise)
        model = (
            f"{counted(n, 'conversion')} at t = j/{n}, each settled the same day (no "
            "processing time assumed: real plans take a few business days, which the "
            "settlement lag in days models); each moves the balance as of its date to Roth, "
            f"including a contribution made that day. {grows}"
        )
    steps = [
        f"Model: {usd(inp.annual)} of after-tax contributions in "
        f"{counted(p, 'equal paycheck')} at "
        f"t = k/{p} of the year; {model}",
        _paycheck_step(amounts),
    ]
    # Conversions with no paycheck since the previous one move nothing; leave them out.
    active = [c for c in convs if c.contributions or c.earnings]
    idle = len(convs) - len(active)
    if idle:
        come, moves, they = (
            ("comes", "moves", "it is") if idle == 1 else ("come", "move", "they are")
        )
        steps.append(
            f"{idle} of the {n} conversions {come} before the next paycheck and {moves} $0.00; "
            f"{they} not listed."
        )
    listed = active if len(active) <= MAX_LISTED else [*active[:3], *active[-2:]]
    for c in listed:
        if len(active) > MAX_LISTED and c is active[-2]:
            steps.append(f"... {len(active) - 5} more conversions in the same pattern ...")
        steps.append(
            f"Conversion {c.number} dated t = {c.t}: contributions {usd(c.contributions)} + "
            f"earnings {usd(c.earnings)} = {usd(c.amount)}."
        )
    steps.append(
        "Each conversion's earnings are rounded to the cent so that they add up to the rounded "
        "exact total."
    )
    if late := sum(1 for c in active if c.settle_t > 1):
        which, verb, their = (
            ("The last conversion", "settles", "its")
            if late == 1
            else (f"The last {late} conversions", "settle", "their")
        )
        steps.append(
            f"{which}, dated near the year's end, {verb} {counted(inp.lag_days, 'day')} "
            f"later, in the next year; {their} earnings to then are counted here, and a plan "
            "that pays out in January reports that on the next year's 1099-R."
        )
    steps.append(
        f"Taxable earnings: {usd(taxable)}. Earnings are the pretax part of each conversion and "
        f"are taxable when moved to Roth; the contributions are not ({SRC_TAXABLE})."
    )
    if taxable > 0:
        steps.append(
            "The 10% additional tax does not apply to the move itself. Before age 59 1/2, "
            "unless an exception applies, it can apply later to each conversion's taxable part "
            "(its earnings) if that part is taken out within the 5-year period that begins on "
            "January 1 of the conversion's year: from the plan's Roth account after an in-plan "
            f"conversion ({SRC_RECAPTURE_PLAN}), from the Roth IRA after a rollover "
            f"({SRC_RECAPTURE_IRA}). Each conversion has its own 5-year period."
        )
    if tax is not None and inp.tax_rate is not None:
        steps.append(
            f"Estimated tax: {usd(taxable)} × {pct(inp.tax_rate)} = {usd(tax)} (a flat-rate "
            "estimate; the real figure depends on your whole return)."
        )
    compared = ", ".join(f"{pt.conversions}: {usd(pt.taxable_earnings)}" for pt in comparison)
    steps.append(f"Taxable earnings by conversions a year (same contributions): {compared}.")
    right_after = (
        f"leaves only the {inp.lag_days}-day settlement for earnings"
        if inp.lag_days
        else "leaves no earnings when each settles the same day"
    )
    steps.append(
        f"Converting right after each paycheck ({p} a year) {right_after}; check how many "
        "conversions or in-service withdrawals a year your plan allows, and how long it takes "
        "to process one."
    )

    warnings = unusual_rates(tax_rate=inp.tax_rate, annual_return=r)
    if net < 0:  # (conversions settled on each payday lose nothing, whatever the return)
        warnings.append(
            f"With a negative return ({pct(r)}) the conversions move less than was contributed "
            f"(net {usd(net)}): nothing is taxable. This calculator does not cover any tax "
            "treatment of the shortfall. Ask a tax professional."
        )
    if (cap := _over_any_years_cap(inp.annual)) is not None:
        warnings.append(cap)
    better = [pt for pt in comparison if pt.conversions < n and pt.taxable_earnings < taxable]
    if better:
        best = min(better, key=lambda pt: (pt.taxable_earnings, pt.conversions))
        warnings.append(
            f"Fewer conversions can do better here: {best.conversions} a year gives "
            f"{usd(best.taxable_earnings)} of taxable earnings against {usd(taxable)} for {n}, "
            f"because of how the conversion dates line up with the {counted(p, 'paycheck')}."
        )
    return ScheduleResult(
        inputs=inp,
        taxable_earnings=taxable,
        net_earnings=net,
        estimated_tax=tax,
        conversions=convs,
        comparison=comparison,
        steps=steps,
        warnings=warnings,
    )


def _paycheck_step(amounts: list[Decimal]) -> str:
    first, last = amounts[0], amounts[-1]
    if first == last:
        return f"Each paycheck contributes {usd(first)}."
    extra = sum(1 for a in amounts if a == first)
    first_few = "the first carries" if extra == 1 else f"the first {extra} carry"
    return (
        f"Each paycheck contributes {usd(last)}; {first_few} one extra cent "
        f"({usd(first)}) so that they add up exactly."
    )
