"""room: after-tax contribution space left under the 415(c) annual additions limit."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator

from calculators.base import Age, CalcInput, CalcResult, Money, Source, WholeNumber
from calculators.limits import (
    IRS_LIMITS_PAGE,
    YearLimits,
    limits_for,
    roth_catch_up_start,
    supported_years,
)
from calculators.money import ZERO, exact, money_str, usd
from calculators.parse import InputError, parse_int

SRC_OUTSIDE = "IRC 414(v)(3)(A)"
SRC_415C = "IRC 415(c)(1)(A)"
SRC_PAY_CAP = "IRC 415(c)(1)(B)"
SRC_PER_EMPLOYER = "IRC 415(f)"
SRC_CATCH_UP_OVER_ANY = "26 CFR 1.414(v)-1(a)(1), (b)"
SRC_402G = "IRC 402(g)"
SRC_ROTH_CATCH_UP = "SECURE 2.0 sec. 603, IRC 414(v)(7); T.D. 10033"
SRC_ROTH_TRANSITION = "IRS Notice 2023-62"


def parse_year(text: str) -> int:
    """A plan year written with digits; its messages' example is a year, not the "12" of
    other whole numbers."""
    return parse_int(text, like=str(max(supported_years())))


def _text_year(value: Any) -> Any:
    return parse_year(value) if isinstance(value, str) else value


#: A plan year; text is parsed strictly, like any whole number.
Year = Annotated[int, BeforeValidator(_text_year)]


class RoomInput(CalcInput):
    year: Year
    deferrals: Money
    """Employee elective deferrals (pretax + Roth) for the year, including any catch-up."""
    employer: Money
    """Employer contributions (match, profit sharing) for the year."""
    age: Age | None = None
    """Age attained by December 31 of the year; None means under 50."""
    compensation: Money | None = None
    """415 compensation (including deferrals); caps the 415(c) limit."""


class RoomResult(CalcResult):
    name = "room"
    title = "After-tax room under the annual additions limit"
    sources = (
        Source("IRS, COLA increases for dollar limitations", IRS_LIMITS_PAGE),
        Source("26 U.S.C. 415", "https://www.law.cornell.edu/uscode/text/26/415"),
    )

    year: WholeNumber
    limit_415c: Decimal
    deferral_limit: Decimal
    catch_up_limit: Decimal
    catch_up: Decimal
    counted_deferrals: Decimal
    limit_applied: Decimal
    """min(415(c) limit, compensation)."""
    after_tax_room: Decimal
    roth_catch_up_wage_threshold: Decimal | None
    source: str

    def figures(self) -> dict[str, Any]:
        threshold = self.roth_catch_up_wage_threshold
        return {
            "year": self.year,
            "limit_415c": money_str(self.limit_415c),
            "deferral_limit": money_str(self.deferral_limit),
            "catch_up_limit": money_str(self.catch_up_limit),
            "catch_up": money_str(self.catch_up),
            "after_tax_room": money_str(self.after_tax_room),
            "counted_deferrals": money_str(self.counted_deferrals),
            "limit_applied": money_str(self.limit_applied),
            "roth_catch_up_wage_threshold": None if threshold is None else money_str(threshold),
            "source": self.source,
        }

    def _catch_up_shown(self) -> str:
        if not self.catch_up_limit:  # (under 50: "$0.00 of $0.00" read like a glitch)
            return "none before age 50"
        return f"{usd(self.catch_up)} of {usd(self.catch_up_limit)}"

    def summary(self) -> list[tuple[str, str]]:
        # When pay is below the dollar limit, pay is the limit the room comes from: shown
        # beside it, or the summary's figures would not add up to the room.
        capped = self.limit_applied != self.limit_415c
        return [
            (f"415(c) limit {self.year}", usd(self.limit_415c)),
            *([("Limit applied (100% of pay)", usd(self.limit_applied))] if capped else []),
            ("402(g) deferral limit", usd(self.deferral_limit)),
            ("Catch-up (outside 415(c))", self._catch_up_shown()),
            ("After-tax room", usd(self.after_tax_room)),
        ]


def _catch_up_limit(limits: YearLimits, age: int | None) -> tuple[Decimal, str]:
    """The catch-up available at ``age`` and a sentence saying why."""
    src = f"{SRC_OUTSIDE}; {limits.cited_source}"
    if age is None or age < 50:
        shown = "no age given, so under 50 is assumed" if age is None else f"age {age}"
        return ZERO, f"Catch-up: none ({shown}; catch-ups start at age 50 by December 31)."
    tier = limits.catch_up_age_60_to_63
    if 60 <= age <= 63 and tier is not None:
        return tier, (
            f"Catch-up: age {age} is in the 60-63 tier for {limits.year}, so the limit is "
            f"{usd(tier)} in total; it replaces the {usd(limits.catch_up_50_plus_414v)} "
            f"age-50 catch-up rather than adding to it (SECURE 2.0; IRC 414(v)(2)(E); "
            f"{limits.cited_source})."
        )
    return limits.catch_up_50_plus_414v, (
        f"Catch-up: age {age} is 50 or over by December 31, so up to "
        f"{usd(limits.catch_up_50_plus_414v)} of deferrals above the 402(g) limit is catch-up "
        f"({src})."
    )


def room(inp: RoomInput) -> RoomResult:
    """room = max(0, min(415(c), compensation) - deferrals within 402(g) - employer)."""
    with exact():
        return _room(inp)


def _room(inp: RoomInput) -> RoomResult:
    limits = limits_for(inp.year)
    year, age = inp.year, inp.age
    deferral_limit = limits.elective_deferral_402g
    limit_415c = limits.annual_additions_415c
    catch_up_limit, catch_up_step = _catch_up_limit(limits, age)
    warnings: list[str] = []
    if limits.confidence == "secondary":
        warnings.append(
            f"The {year} figures match {limits.source} as several independent summaries of it "
            "report them; check IRS.gov before relying on them."
        )
    if age is not None and 60 <= age <= 63 and limits.catch_up_age_60_to_63 is None:
        warnings.append(
            f"{year} has no age 60-63 catch-up tier in the table (it starts in 2025), so the "
            "regular age-50 catch-up is used."
        )

    excess = max(inp.deferrals - deferral_limit, ZERO)
    if excess > catch_up_limit:
        total = deferral_limit + catch_up_limit
        if catch_up_limit == 0:
            under = "under age 50" if age is None else f"at age {age}"
            hint = ", or give your age if you are 50 or over by December 31" if age is None else ""
            raise InputError(
                f"deferrals of {usd(inp.deferrals)} are above the {year} 402(g) limit of "
                f"{usd(deferral_limit)}, and no catch-up applies {under}; enter at most "
                f"{usd(deferral_limit)}{hint}",
                "deferrals",
            )
        raise InputError(
            f"deferrals of {usd(inp.deferrals)} are above the {year} 402(g) limit of "
            f"{usd(deferral_limit)} plus the {usd(catch_up_limit)} catch-up at age {age}; "
            f"enter at most {usd(total)}",
            "deferrals",
        )
    catch_up = excess
    counted = inp.deferrals - catch_up
    limit_applied = limit_415c
    if inp.compensation is not None and inp.compensation < limit_415c:
        limit_applied = inp.compensation
    room_left = max(limit_applied - counted - inp.employer, ZERO)

    steps = [
        f"Figures for {year} ({limits.cited_source}).",
        f"402(g) elective deferral limit: {usd(deferral_limit)}. It applies per person across "
        f"all employers ({SRC_402G}).",
        catch_up_step,
        "Catch-up contributions, including the 60-63 tier, exist only where the plan offers them.",
    ]
    if catch_up > 0:
        steps.append(
            f"Deferrals {usd(inp.deferrals)}: {usd(counted)} within the 402(g) limit and "
            f"{usd(catch_up)} above it, counted as catch-up. Catch-ups do not count toward the "
            f"415(c) limit ({SRC_OUTSIDE}), so {usd(counted)} is counted."
        )
    else:
        steps.append(
            f"Deferrals {usd(inp.deferrals)} are within the 402(g) limit; all of it counts "
            "toward 415(c)."
        )
    if limit_applied != limit_415c:
        steps.append(
            f"415(c) annual additions limit: {usd(limit_415c)}, but it is also capped at 100% of "
            f"compensation (415 compensation, including deferrals), so the limit used is "
            f"{usd(limit_applied)} ({SRC_415C}, {SRC_PAY_CAP})."
        )
    else:
        comp = (
            f" (compensation {usd(inp.compensation)} is not lower)"
            if inp.compensation is not None
            else " (no compensation given; it caps the limit at 100% of pay)"
        )
        steps.append(f"415(c) annual additions limit: {usd(limit_415c)}{comp} ({SRC_415C}).")
    steps.append(
        f"After-tax room = max(0, {usd(limit_applied)} - {usd(counted)} deferrals - "
        f"{usd(inp.employer)} employer) = {usd(room_left)}."
    )
    steps.append(
        "415(c) is counted per employer (all of that employer's defined-contribution plans "
        "together), so contributions at an unrelated employer's plan do not use up this room "
        f"({SRC_PER_EMPLOYER})."
    )
    # Deferrals over any limit, 415(c) included, can be catch-up (not only those over 402(g)):
    # in a plan that treats them so, unused catch-up makes room for as much more after-tax.
    unused = catch_up_limit - catch_up
    absorbable = min(unused, counted)
    widened = max(limit_applied - (counted - absorbable) - inp.employer, ZERO)
    # After-tax contributions come out of pay: no more than what the deferrals leave.
    pay_left = None if inp.compensation is None else inp.compensation - inp.deferrals
    pay_caps = pay_left is not None and widened > max(pay_left, ZERO)
    if pay_left is not None:
        widened = min(widened, max(pay_left, ZERO))
    if widened > room_left:
        # What the member can add is widened - room_left: the unused catch-up itself is
        # more when pay, or an excess over the limit, takes part of what it frees.
        why = " (all the pay the deferrals leave)" if pay_caps else ""
        steps.append(
            f"Catch-up is not only what passes 402(g): deferrals over any limit, 415(c) "
            f"included, can count as catch-up if the plan treats them so "
            f"({SRC_CATCH_UP_OVER_ANY}). With {usd(unused)} of catch-up unused, such a plan "
            f"can count up to {usd(absorbable)} of the deferrals as catch-up, outside 415(c), "
            f"so you could put in {usd(widened - room_left)} more after-tax: after-tax room "
            f"up to {usd(widened)}{why}. Ask the plan whether it does."
        )
    threshold = limits.roth_catch_up_wage_threshold
    start = roth_catch_up_start() or "a later year"  # (a table with no year it applies to)
    if threshold is not None and limits.roth_catch_up_enforced:
        steps.append(
            f"An employee whose prior-year FICA wages (W-2 box 3) from the plan sponsor "
            f"exceeded {usd(threshold)} (the threshold for {year} catch-ups) may make catch-ups "
            f"only as Roth, or none if the plan has no Roth ({SRC_ROTH_CATCH_UP}; confidence: "
            "secondary). This does not change the room, but for such an employee catch-up, "
            "deferrals counted as catch-up included, must be Roth."
        )
    elif threshold is not None:
        steps.append(
            f"The Roth-only catch-up rule for higher earners ({SRC_ROTH_CATCH_UP}) has a "
            f"{usd(threshold)} wage threshold for {year}, but {year} was a transition year: "
            f"catch-ups could still be made pretax, and the rule applies from {start} catch-ups "
            f"on ({SRC_ROTH_TRANSITION}; confidence: secondary). It does not change the room."
        )
    else:
        steps.append(
            f"The Roth-only catch-up rule for higher earners ({SRC_ROTH_CATCH_UP}) applies from "
            f"{start}; the table has no wage threshold for {year}. It does not change the room."
        )

    # (With step 9's wider room, "the legal ceiling" alone contradicted it.)
    ceiling = (
        f"{usd(room_left)}, or up to {usd(widened)} in a plan that counts deferrals over "
        "415(c) as catch-up,"
        if widened > room_left
        else usd(room_left)
    )
    steps.append(
        f"{ceiling} is the legal ceiling for after-tax contributions, not a promise: "
        "the plan must offer after-tax contributions, may cap them lower (often a percent of "
        "each paycheck), and may refund them to highly compensated employees after its "
        "nondiscrimination (ACP) test."
    )
    if inp.compensation is not None and inp.deferrals > inp.compensation:
        warnings.append(
            f"The deferrals ({usd(inp.deferrals)}) are more than the compensation "
            f"({usd(inp.compensation)}): a plan cannot defer more than you are paid, so one of "
            "the two figures is probably wrong."
        )
    elif pay_left is not None and room_left > pay_left:
        # Catch-up sits outside 415(c) but still comes out of pay.
        warnings.append(
            f"Only {usd(pay_left)} of the compensation is left after "
            f"the deferrals, and after-tax contributions come out of pay: that is the most "
            f"you can put in, below the {usd(room_left)} of 415(c) room."
        )
    if catch_up > 0:
        warnings.append(
            f"{usd(catch_up)} of the deferrals is above the {year} 402(g) limit of "
            f"{usd(deferral_limit)}; it is treated as catch-up, which works only if the plan "
            "offers catch-up contributions."
        )
    over = counted + inp.employer - limit_applied
    if over > 0:
        warnings.append(
            f"Deferrals and employer contributions already exceed the limit of "
            f"{usd(limit_applied)} by {usd(over)}: "
            + (
                f"at age {age}, deferrals over the limit can count as catch-up ({usd(unused)} "
                "unused) if the plan treats them so, and then it is no excess (see the steps); "
                "otherwise there is no after-tax room left."
                if absorbable >= over
                else "there is no after-tax room left."
            )
        )
    elif limit_applied == 0:
        warnings.append(
            "There is no after-tax room: 415(c) also caps additions at 100% of compensation, "
            "and the compensation given is $0.00."
        )
    elif room_left == 0:
        warnings.append(
            "There is no after-tax room left this year: deferrals and employer contributions "
            "fill the limit."
        )
    return RoomResult(
        year=year,
        limit_415c=limit_415c,
        deferral_limit=deferral_limit,
        catch_up_limit=catch_up_limit,
        catch_up=catch_up,
        counted_deferrals=counted,
        limit_applied=limit_applied,
        after_tax_room=room_left,
        roth_catch_up_wage_threshold=threshold,
        source=limits.cited_source,
        steps=steps,
        warnings=warnings,
    )
