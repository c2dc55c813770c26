"""form8606: Form 8606 Parts I-II line by line (nondeductible IRA basis, conversions)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import model_validator

from calculators.base import CalcInput, CalcResult, Money, Source
from calculators.limits import load_limits
from calculators.money import ONE, ZERO, cents, exact, money_str, places, ratio_words, share, usd
from calculators.parse import InputError

SRC = "IRS Form 8606 and instructions"
LINE_KEYS = (
    "line1", "line2", "line3", "line4", "line5", "line6", "line7", "line8", "line9",
    "line10", "line11", "line12", "line13", "line14", "line15a", "line15b", "line15c",
    "line16", "line17", "line18",
)  # fmt: skip


class Form8606Input(CalcInput):
    contribution: Money
    """Line 1: nondeductible contributions for the year."""
    prior_basis: Money = ZERO
    """Line 2: basis from earlier years (last year's line 14)."""
    late_contribution: Money = ZERO
    """Line 4: part of line 1 contributed from Jan 1 of next year to the due date."""
    year_end_balance: Money
    """Line 6: Dec 31 value of all traditional, SEP and SIMPLE IRAs + outstanding IRA-to-IRA
    rollovers."""
    distributions: Money = ZERO
    """Line 7: distributions (not rollovers, QCDs, conversions, recharacterizations...)."""
    converted: Money = ZERO
    """Line 8: amount converted to Roth IRAs."""
    deductible: Money | None = None
    """The year's deducted traditional IRA contributions (not on the form), on top of
    ``contribution`` (the nondeductible part only). Above zero, with a distribution or
    conversion, Pub 590-B Worksheet 1-1 figures the nontaxable part instead of lines 6-12.
    None: not said (a warning asks)."""

    @model_validator(mode="after")
    def _late_within_contribution(self) -> Form8606Input:
        if self.late_contribution > self.contribution:
            raise InputError(
                f"the late contribution (line 4), {usd(self.late_contribution)}, is more than "
                f"the year's contribution (line 1), {usd(self.contribution)}; it is the part of "
                f"line 1 made after December 31, so enter at most {usd(self.contribution)}",
                "late_contribution",
            )
        return self


class Form8606Result(CalcResult):
    name = "form8606"
    title = "Form 8606, Parts I and II"
    sources = (
        Source("Instructions for Form 8606", "https://www.irs.gov/instructions/i8606"),
        Source("IRS Publication 590-B", "https://www.irs.gov/publications/p590b"),
    )

    lines: dict[str, Decimal | None]
    """line1..line18 (line15a/b/c); None where the form says to skip the line."""
    taxable: Decimal
    """Lines 15c + 18: the amount that goes to Form 1040 line 4b."""

    def line(self, key: str) -> Decimal | None:
        return self.lines[key]

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in LINE_KEYS:
            value = self.lines[key]
            if value is None:
                out[key] = None
            elif key == "line10":
                out[key] = f"{value:.3f}"
            else:
                out[key] = money_str(value)
        out["taxable"] = money_str(self.taxable)
        return out

    def summary(self) -> list[tuple[str, str]]:
        shown = (
            ("line3", "Line 3 (total basis)"),
            ("line10", "Line 10 (nontaxable share)"),
            ("line15c", "Line 15c (taxable distributions)"),
            ("line18", "Line 18 (taxable conversion)"),
            ("line14", "Line 14 (basis carried forward)"),
        )
        rows = []
        for key, label in shown:
            value = self.lines[key]
            if value is not None:
                text = f"{value:.3f}" if key == "line10" else usd(value)
                if key == "line14" and value < 0:
                    # (the headline is what gets copied onto the form: the warning below
                    # says which figures to enter instead)
                    text += " (below zero: see the warning below)"
                rows.append((label, text))
        return rows


def form8606(inp: Form8606Input) -> Form8606Result:
    """Fill Parts I-II following the form's instructions (line 10 to 3 places, <= 1.000)."""
    with exact():
        return _form8606(inp)


def _most_an_ira_takes() -> Decimal:
    """The most one person may contribute to IRAs in any year of the table (catch-up
    included). Looked up when needed, not on import: a table with a mistake must stop a
    command with its one-line message, not a traceback while modules load."""
    return max(year.ira_contribution + year.ira_catch_up_50_plus for year in load_limits().values())


def _form8606(inp: Form8606Input) -> Form8606Result:
    lines: dict[str, Decimal | None] = dict.fromkeys(LINE_KEYS)
    steps = ["This is one person's Form 8606: a spouse's IRAs do not count."]
    warnings: list[str] = []
    l1, l2 = inp.contribution, inp.prior_basis
    l3 = l1 + l2
    lines.update(line1=l1, line2=l2, line3=l3)
    steps.append(f"Line 1, nondeductible contributions for the year: {usd(l1)}.")
    most = _most_an_ira_takes()
    if l1 > most:
        # Most often a 401(k)'s after-tax money, which Form 8606 does not report.
        warnings.append(
            f"Line 1 is {usd(l1)}, more than any year's IRA contribution limit "
            f"({usd(most)} at most, catch-up included): it holds only this "
            "year's nondeductible traditional IRA contributions. After-tax 401(k) money "
            "rolled to a Roth IRA is not reported on Form 8606."
        )
    elif inp.deductible and l1 + inp.deductible > most:
        # (Read as "of which deductible", the deducted part would be counted twice.)
        warnings.append(
            f"The nondeductible {usd(l1)} and the deducted {usd(inp.deductible)} add up to "
            f"{usd(l1 + inp.deductible)}, more than any year's IRA limit: give only the "
            "nondeductible part as the contribution, the deducted part on top of it."
        )
    steps.append(f"Line 2, basis from earlier years: {usd(l2)}.")
    steps.append(f"Line 3 = line 1 + line 2 = {usd(l1)} + {usd(l2)} = {usd(l3)}.")

    if inp.distributions == 0 and inp.converted == 0:
        # The form's early exit: no distribution or conversion -> line 14 = line 3.
        lines["line14"] = l3
        steps.append(
            "No distribution (line 7) and no conversion (line 8) this year, so line 14 = "
            f"line 3 = {usd(l3)}, the basis carried to next year; the rest of Part I "
            f"(lines 4-13 and 15a-15c) is skipped, and Part II is for conversions only ({SRC})."
        )
        if inp.late_contribution or inp.year_end_balance:
            steps.append(
                "The late contribution and the December 31 balance are not used on the form "
                "in this case."
            )
        return Form8606Result(lines=lines, taxable=ZERO, steps=steps, warnings=warnings)

    if inp.deductible and l3 > 0:
        figured = _worksheet_1_1(inp, lines, steps, warnings)
        if figured is not None:
            return figured
    elif inp.deductible:
        # Only basis (nondeductible money) comes out tax-free; with none, Worksheet 1-1 (which
        # counts deducted contributions in its ratio) would wrongly make deducted money
        # nontaxable, so the form's own lines apply: line 10 is 0 and all of it is taxable.
        steps.append(
            f"There is no basis (line 3 is {usd(l3)}): the {usd(inp.deductible)} deducted "
            "contribution was never taxed, so nothing that comes out is nontaxable. Pub 590-B "
            "Worksheet 1-1 is not used; the form's lines below make it all taxable."
        )
        warnings.append(
            f"With no basis, all of it is taxable: Worksheet 1-1's ratio would count the "
            f"{usd(inp.deductible)} deducted contribution as if it were basis, so it is not "
            "used here."
        )
    if inp.deductible is None and l1 > 0 and inp.year_end_balance > 0:
        warnings.append(
            "If any of this year's traditional IRA contribution may be deductible, give the "
            "deductible part (deductible): with a distribution or conversion in the same year "
            "the nontaxable part then comes from Pub 590-B Worksheet 1-1, not lines 6-12, "
            "and the taxable amount differs. This result assumes none of it is deductible."
        )
    l4 = inp.late_contribution
    l5 = l3 - l4
    l6, l7, l8 = inp.year_end_balance, inp.distributions, inp.converted
    l9 = l6 + l7 + l8
    exact_ratio = l5 / l9  # l9 > 0: line 7 or line 8 is above zero here
    l10 = min(places(exact_ratio, 3), ONE.quantize(Decimal("0.001")))
    l11 = cents(l8 * l10)
    l12 = cents(l7 * l10)
    l13 = l11 + l12
    l14 = l3 - l13
    l15a = l7 - l12
    l15b = ZERO  # the calculator takes no input for line 15b
    l15c = l15a - l15b
    lines.update(
        line4=l4, line5=l5, line6=l6, line7=l7, line8=l8, line9=l9, line10=l10, line11=l11,
        line12=l12, line13=l13, line14=l14, line15a=l15a, line15b=l15b, line15c=l15c,
    )  # fmt: skip
    steps += [
        f"Line 4, part of line 1 contributed from January 1 of next year through the return "
        f"due date: {usd(l4)}.",
        f"Line 5 = line 3 - line 4 = {usd(l3)} - {usd(l4)} = {usd(l5)}.",
        # The instructions say "taking into account" a recharacterization of the year's
        # contributions made after December 31: one into a traditional IRA adds, one out of
        # it takes off ("plus" told a member who moved a contribution to a Roth IRA to add it).
        f"Line 6, the December 31 value of all traditional, SEP and SIMPLE IRAs plus "
        f"outstanding IRA-to-IRA rollovers (not Roth or inherited IRAs, not employer plans, "
        f"not a rollover on its way from an IRA to an employer plan), taking into account "
        f"any recharacterization of the year's contributions completed after December 31 (one "
        f"from a Roth IRA to a traditional IRA adds to it, one from a traditional IRA to a "
        f"Roth IRA takes from it): {usd(l6)}.",
        f"Line 7, distributions (not counting rollovers, QCDs, one-time HSA funding, "
        f"conversions, recharacterizations or returned contributions): {usd(l7)}.",
        f"Line 8, amount converted to a Roth IRA: {usd(l8)}.",
        f"Line 9 = line 6 + line 7 + line 8 = {usd(l6)} + {usd(l7)} + {usd(l8)} = {usd(l9)}.",
        f"Line 10 = line 5 / line 9 = {usd(l5)} / {usd(l9)} = {ratio_words(exact_ratio)}, rounded "
        f"half-up to 3 places and 1.000 at most: {l10:.3f} ({SRC}).",
        f"Line 11 = line 8 × line 10 = {usd(l8)} × {l10:.3f} = {usd(l11)} (the nontaxable part "
        "of the conversion).",
        f"Line 12 = line 7 × line 10 = {usd(l7)} × {l10:.3f} = {usd(l12)} (the nontaxable part "
        "of the distributions).",
        f"Line 13 = line 11 + line 12 = {usd(l13)}.",
        f"Line 14 = line 3 - line 13 = {usd(l3)} - {usd(l13)} = {usd(l14)}, the basis carried "
        "to next year.",
        f"Line 15a = line 7 - line 12 = {usd(l15a)}; line 15b is taken as $0.00 (the "
        f"calculator has no input for it); line 15c = 15a - 15b = {usd(l15c)}, the taxable "
        "distributions.",
    ]
    if l7 > 0:
        steps += _unrounded(l7 - share(l7, l5, l9), l15a, "taxable distributions")
    l16 = l17 = l18 = None
    if l8 > 0:
        l16, l17 = l8, l11
        l18 = l16 - l17
        lines.update(line16=l16, line17=l17, line18=l18)
        steps.append(
            f"Part II: line 16 = line 8 = {usd(l16)}; line 17 = line 11 = {usd(l17)}; line 18 = "
            f"line 16 - line 17 = {usd(l18)}, the taxable part of the conversion."
        )
        steps += _unrounded(l8 - share(l8, l5, l9), l18, "taxable conversion")
    else:
        steps.append("No conversion this year, so Part II (lines 16-18) is skipped.")
    taxable = l15c + (l18 or ZERO)
    steps.append(f"Lines 15c and 18 go to Form 1040 line 4b: {usd(taxable)} in total ({SRC}).")

    # With no basis there is no share to shrink; at 1.000 it did not shrink.
    if l6 > 0 and l5 > 0 and (l8 > 0 or l7 > 0) and l10 < 1:
        warnings.append(
            f"Your traditional, SEP and SIMPLE IRAs held {usd(l6)} on December 31. That balance "
            f"shrinks the nontaxable share (line 10 = {l10:.3f}), so part of the conversion or "
            "distribution is taxable even though the contribution was nondeductible."
        )
    if l4 > 0 and l8 > 0:
        # The usual mix-up: this year's contribution made in January and converted at once
        # put on one form with it, which makes the whole conversion look taxable.
        warnings.append(
            f"The {usd(l4)} on line 4 went in after December 31, so it does not count toward "
            "this year's conversion. If you converted that money in the new year, take that "
            "conversion off this year's line 8 and report it on the Form 8606 for the year you "
            "converted, where this year's line 14, which includes it, goes on line 2."
        )
    if l14 < 0:
        warnings.append(_below_zero(l14, exact_ratio, l3, l5, l7, l8))
    return Form8606Result(lines=lines, taxable=taxable, steps=steps, warnings=warnings)


#: Places line 10 may be given at most in the figures offered when 3 fall short.
MORE_PLACES = range(4, 7)


def _below_zero(
    l14: Decimal, ratio: Decimal, l3: Decimal, l5: Decimal, l7: Decimal, l8: Decimal
) -> str:
    """Line 14 below zero: line 10 at 3 places (as the form is filled in here, and as a
    person writes it) made the nontaxable part more than the basis ($7,000 converted as
    $7,003.50: 1.000, the $3.50 of earnings tax-free). The form asks for "at least 3", so
    the figures with the fewest places that keep within the basis are given to use."""
    said = f"Line 14 comes out below zero ({usd(l14)}): line 13 is more than your basis."
    cent = (
        "Lines 11 and 12 are each rounded to the cent, which can put them a cent over "
        "together: a cent of rounding, not an error in your figures."
    )
    figures = []
    for n in MORE_PLACES:
        share_ = places(ratio, n)
        l11, l12 = cents(l8 * share_), cents(l7 * share_)
        figures.append((max(l11 + l12 - l5, ZERO), n, share_, l11, l12))
    over, n, share_, l11, l12 = min(figures)
    l13 = l11 + l12
    if l3 - l13 <= l14:  # (more places do no better: only the cents are over)
        return f"{said} {cent}"
    lines = [f"line 10 is {share_:f}"]
    if l8 > 0:
        lines.append(f"lines 11 and 17 are {usd(l11)}, line 18 (taxable) {usd(l8 - l11)}")
    if l7 > 0:
        lines.append(f"line 12 is {usd(l12)}, line 15c (taxable) {usd(l7 - l12)}")
    lines.append(f"line 14 is {usd(l3 - l13)}")
    advice = (
        "we suggest entering those instead."
        if over == 0
        else f"still {usd(over)} over, a cent of rounding on lines 11 and 12 (each rounded to "
        "the cent), not an error in your figures."
    )
    return (
        f"{said} Rounding line 10 to 3 decimal places did that; the form allows more (it asks "
        f"for at least 3), and with {n} places {', '.join(lines)}: {advice}"
    )


def _unrounded(exact: Decimal, rounded: Decimal, what: str) -> list[str]:
    """A step giving ``what`` with line 10 unrounded, when that differs from the form's."""
    if exact == rounded:
        return []
    return [
        f"With an unrounded line 10 the {what} would be {usd(exact)}; the form allows line 10 "
        "to be figured to more than 3 places ('at least 3'), and this calculator uses 3."
    ]


def _split(w8: Decimal, w5: Decimal, l7: Decimal, l8: Decimal, conversion: Decimal) -> str:
    """How worksheet line 8 divides between the conversion (Form 8606 line 17) and the
    distributions (line 15c), as Pub 590-B's note to the worksheet has it."""
    if l7 == 0:
        return "All of it is the conversion's (Form 8606 line 17)."
    if l8 == 0:
        return "All of it is the distributions'."
    return (
        f"The conversion's share of it (Form 8606 line 17) = line 8 × amount converted / line 5 "
        f"= {usd(w8)} × {usd(l8)} / {usd(w5)} = {usd(conversion)}; the distributions' share is "
        f"the rest, {usd(w8)} - {usd(conversion)} = {usd(w8 - conversion)}."
    )


def _worksheet_1_1(
    inp: Form8606Input,
    lines: dict[str, Decimal | None],
    steps: list[str],
    warnings: list[str],
) -> Form8606Result | None:
    """Pub 590-B Worksheet 1-1: a year with deductible contributions and a distribution or
    conversion. Every contribution for the year, deducted or not, counts as basis for the
    ratio; the results go to Form 8606 lines 13-18. Lines 4 and 5 are filled in as usual and
    lines 6-12 stay blank, as on the IRS's filled-in example (Rose Green). None (its steps
    said) when Form 8606 line 5 is less than the worksheet's nontaxable part: Pub 590-B then
    has the form's own lines 6-15c filled in instead."""
    deductible = inp.deductible or ZERO
    l1, l2, l3 = inp.contribution, inp.prior_basis, inp.contribution + inp.prior_basis
    l7, l8 = inp.distributions, inp.converted
    w1, w2 = l2, l1 + deductible
    w3 = w1 + w2
    w4, w5 = inp.year_end_balance, l7 + l8
    w6 = w4 + w5
    exact_ratio = w3 / w6  # w5 > 0 here
    w7 = min(places(exact_ratio, 3), ONE.quantize(Decimal("0.001")))
    w8 = cents(w5 * w7)
    # Pub 590-B's note to the worksheet: the conversion's part of line 8 is line 8 x the
    # amount converted / line 5; the distributions have the rest, so the two add up to line 8.
    nontaxable_conversion = share(w8, l8, w5)
    nontaxable_distributions = w8 - nontaxable_conversion
    w9 = w5 - w8
    steps += [
        f"Part of this year's contributions is deducted ({usd(deductible)}) and there is a "
        "distribution or conversion, so Pub 590-B Worksheet 1-1 figures the nontaxable part "
        "(Publication 590-B, Worksheet 1-1).",
        f"Worksheet line 1, basis from earlier years: {usd(w1)}.",
        f"Worksheet line 2, all contributions for the year, deducted or not (including those "
        f"made by the due date next year): {usd(l1)} nondeductible + {usd(deductible)} "
        f"deducted = {usd(w2)}.",
        f"Worksheet line 3 = line 1 + line 2 = {usd(w3)}.",
        f"Worksheet line 4, the December 31 value of all traditional, SEP and SIMPLE IRAs "
        f"plus outstanding rollovers: {usd(w4)}.",
        f"Worksheet line 5, distributions and conversions this year: {usd(l7)} + {usd(l8)} = "
        f"{usd(w5)}.",
        f"Worksheet line 6 = line 4 + line 5 = {usd(w6)}.",
        f"Worksheet line 7 = line 3 / line 6 = {usd(w3)} / {usd(w6)} = "
        f"{ratio_words(exact_ratio)}, to 3 places and 1.000 at most: {w7:.3f}.",
        f"Worksheet line 8, the nontaxable part = line 5 × line 7 = {usd(w5)} × {w7:.3f} = "
        f"{usd(w8)}. {_split(w8, w5, l7, l8, nontaxable_conversion)}",
        f"Worksheet line 9, the taxable part = line 5 - line 8 = {usd(w9)}.",
    ]
    l4 = inp.late_contribution
    l5 = l3 - l4
    if l5 < w8:
        # (Deducted contributions count in the worksheet's ratio, and a late contribution is
        # not taken off there, so its figure can pass what basis the form may take tax-free.)
        steps.append(
            f"Form 8606 line 5 (line 3 - line 4 = {usd(l3)} - {usd(l4)} = {usd(l5)}) is less "
            f"than worksheet line 8 ({usd(w8)}), so Pub 590-B has lines 6-15c of the form "
            "filled in as usual instead; the worksheet's figures are not used."
        )
        return None
    if inp.late_contribution:
        steps.append(
            f"Form 8606 line 4 (the {usd(inp.late_contribution)} contributed after December 31) "
            "is filled in, but the worksheet does not take it off: its line 2 counts every "
            "contribution for the year made by the due date, that one included."
        )
    steps.append(
        f"Form 8606 line 5 ({usd(l5)}) is at least worksheet line 8 ({usd(w8)}), so Pub 590-B "
        "has the worksheet's figures go to lines 13 and 17, and lines 6-12 left blank."
    )
    l13 = w8
    l14 = l3 - l13
    l15a = l15c = l7 - nontaxable_distributions
    lines.update(
        line4=l4, line5=l5, line13=l13, line14=l14, line15a=l15a, line15b=ZERO, line15c=l15c
    )
    steps += [
        f"Form 8606 line 1, the nondeductible part: {usd(l1)}; line 2: {usd(l2)}; line 3 = "
        f"{usd(l3)}; line 4 = {usd(l4)}; line 5 = line 3 - line 4 = {usd(l5)}. Lines 6-12 are "
        f"left blank; line 13, the nontaxable part from the worksheet = {usd(l13)}.",
        f"Line 14 = line 3 - line 13 = {usd(l3)} - {usd(l13)} = {usd(l14)}, the basis carried "
        "to next year.",
        f"Line 15c, the taxable distributions: {usd(l7)} - {usd(nontaxable_distributions)} = "
        f"{usd(l15c)}.",
    ]
    l18 = None
    if l8 > 0:
        l17 = nontaxable_conversion
        l18 = l8 - l17
        lines.update(line16=l8, line17=l17, line18=l18)
        steps.append(
            f"Part II: line 16 = {usd(l8)}; line 17, its nontaxable part from the worksheet = "
            f"{usd(l17)}; line 18 = {usd(l8)} - {usd(l17)} = {usd(l18)}, the taxable conversion."
        )
    taxable = l15c + (l18 or ZERO)
    steps.append(f"Lines 15c and 18 go to Form 1040 line 4b: {usd(taxable)} in total ({SRC}).")
    return Form8606Result(lines=lines, taxable=taxable, steps=steps, warnings=warnings)
