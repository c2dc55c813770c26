"""split: where a rollover of the whole after-tax account goes, what is taxable, the 1099-R."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from calculators.base import (
    IRS_AFTER_TAX_ROLLOVERS,
    NOTICE_2014_54,
    CalcInput,
    CalcResult,
    Money,
    Rate,
    SignedMoney,
    Source,
    unusual_rates,
)
from calculators.money import ZERO, account_step, cents, exact, money_str, pct, usd
from calculators.parse import InputError

Destination = Literal["roth_ira", "traditional_ira"]

SRC_SEPARATE = "IRC 72(d)(2), 72(e)(8)"
SRC_FAQ = "IRS, 'Rollovers of after-tax contributions in retirement plans'"
SRC_NOTICE = "IRS Notice 2014-54"
SRC_ROTH_ROLLOVER = "IRC 408A(d)(3)(A)"
SRC_1099R = "IRS Instructions for Forms 1099-R and 5498"
SRC_1040 = "IRS Form 1040 (2025) and instructions"
SRC_590B = "IRS Publication 590-B"
SRC_8606 = "IRS Instructions for Form 8606"


#: How people write where the earnings go, with case, spaces, "_", "-" and "." taken out:
#: the forums' "trad" and "tIRA", and the accounts as the JSON names them ("roth_ira").
DESTINATIONS = {
    "roth": "roth",
    "rothira": "roth",
    "rira": "roth",
    "traditional": "traditional",
    "traditionalira": "traditional",
    "trad": "traditional",
    "tradira": "traditional",
    "tira": "traditional",
}


def destination(text: str) -> str:
    """ "roth" or "traditional" for a way of writing it, else ``text`` as typed, lowered
    (which the choice then refuses, naming the two)."""
    typed = text.strip().lower()
    return DESTINATIONS.get(re.sub(r"[\s_.-]+", "", typed), typed)


class SplitInput(CalcInput):
    basis: Money
    """After-tax contributions in the account."""
    earnings: SignedMoney
    """Earnings on them; negative after a market loss."""
    earnings_to: Literal["roth", "traditional"] = "roth"
    tax_rate: Rate | None = None

    @field_validator("earnings_to", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        """ "Traditional", " ROTH " or "trad" as typed: the choice, not its spelling."""
        return destination(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _account_has_money(self) -> SplitInput:
        if self.basis + self.earnings <= 0:
            loss = " (a loss can be at most the basis less one cent)" if self.earnings < 0 else ""
            raise InputError(
                f"basis {usd(self.basis)} plus earnings {usd(self.earnings)} leaves "
                f"{usd(self.basis + self.earnings)} in the account; there must be more than "
                f"$0.00 to roll over{loss}",
                "earnings",
            )
        return self


class Form1099R(BaseModel):
    model_config = ConfigDict(frozen=True)

    destination: Destination
    box1: Decimal
    box2a: Decimal
    box5: Decimal
    code: str = "G"

    def to_json(self) -> dict[str, Any]:
        return {
            "destination": self.destination,
            "box1": money_str(self.box1),
            "box2a": money_str(self.box2a),
            "box5": money_str(self.box5),
            "code": self.code,
        }


class SplitOption(BaseModel):
    """One way to send the earnings, for the side-by-side comparison."""

    model_config = ConfigDict(frozen=True)

    earnings_to: Literal["roth", "traditional"]
    roth_ira: Decimal
    traditional_ira: Decimal
    taxable: Decimal
    estimated_tax: Decimal | None
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "earnings_to": self.earnings_to,
            "roth_ira": money_str(self.roth_ira),
            "traditional_ira": money_str(self.traditional_ira),
            "taxable": money_str(self.taxable),
            "estimated_tax": None if self.estimated_tax is None else money_str(self.estimated_tax),
            "note": self.note,
        }


class SplitResult(CalcResult):
    name = "split"
    title = "Rollover of the after-tax account"
    sources = (
        IRS_AFTER_TAX_ROLLOVERS,
        NOTICE_2014_54,
        Source("Instructions for Form 1099-R", "https://www.irs.gov/instructions/i1099r"),
    )

    roth_ira: Decimal
    traditional_ira: Decimal
    taxable: Decimal
    """Taxable now (earnings rolled to the Roth IRA)."""
    nontaxable: Decimal
    """After-tax contributions recovered tax-free (1099-R box 5)."""
    tax_deferred: Decimal
    """Earnings rolled to a traditional IRA: not taxed until distributed from it."""
    estimated_tax: Decimal | None
    forms_1099r: list[Form1099R]
    combined_1099r: Form1099R
    """What a single combined code-G form would show (its destination is the Roth IRA)."""
    options: list[SplitOption]
    """Both ways side by side (one when there are no earnings to send elsewhere)."""

    def figures(self) -> dict[str, Any]:
        return {
            "roth_ira": money_str(self.roth_ira),
            "traditional_ira": money_str(self.traditional_ira),
            "taxable": money_str(self.taxable),
            "nontaxable": money_str(self.nontaxable),
            "tax_deferred": money_str(self.tax_deferred),
            "estimated_tax": None if self.estimated_tax is None else money_str(self.estimated_tax),
            "forms_1099r": [form.to_json() for form in self.forms_1099r],
            "combined_1099r": {
                k: v for k, v in self.combined_1099r.to_json().items() if k != "destination"
            },
            "options": [option.to_json() for option in self.options],
        }

    def summary(self) -> list[tuple[str, str]]:
        rows = [
            ("Roth IRA", usd(self.roth_ira)),
            ("Traditional IRA", usd(self.traditional_ira)),
            ("Taxable now", usd(self.taxable)),
            ("Nontaxable (basis)", usd(self.nontaxable)),
        ]
        if self.estimated_tax is not None:
            rows.append(("Estimated tax", usd(self.estimated_tax)))
        for option in self.options if len(self.options) > 1 else ():
            label = (
                "Option: all to the Roth IRA"
                if option.earnings_to == "roth"
                else "Option: earnings to a traditional IRA"
            )
            tax = "" if option.estimated_tax is None else f" (tax {usd(option.estimated_tax)})"
            rows.append((label, f"{usd(option.taxable)} taxable now{tax}. {option.note}"))
        return rows


def split(inp: SplitInput) -> SplitResult:
    """Roll the whole after-tax account over: earnings to the Roth IRA or a traditional IRA."""
    with exact():
        return _split(inp)


def _split(inp: SplitInput) -> SplitResult:
    basis, earnings = inp.basis, inp.earnings
    gross = basis + earnings
    loss = earnings < 0
    gain = max(earnings, ZERO)
    to_traditional = inp.earnings_to == "traditional" and gain > 0
    steps = [
        "Assumption: the whole after-tax account is distributed at once, and the plan accounts "
        "for it separately, so its taxable share is figured on this account alone "
        f"(separate contract, {SRC_SEPARATE}).",
        account_step(basis, earnings),
    ]
    warnings = unusual_rates(tax_rate=inp.tax_rate)

    if loss:
        # A loss: only what is left comes out, all of it after-tax money. We cap the
        # nontaxable share at 100% of the amount; we state no rule about the lost part.
        steps.append(
            f"The account is worth {usd(gross)}, {usd(-earnings)} less than was contributed "
            f"(a market loss). Only the {usd(gross)} distributed comes out, and all of it is "
            "after-tax money, so none of it is taxable: the calculator caps the nontaxable "
            "share at 100% of what is distributed."
        )
        warnings.append(
            f"The account lost {usd(-earnings)}: nothing is taxable, and this calculator does not "
            f"cover what, if anything, can be done about the {usd(-earnings)} of contributions "
            "that did not come back. Ask a tax professional."
        )
        if inp.earnings_to == "traditional":
            warnings.append(
                "There are no earnings to send to a traditional IRA, so everything goes to the "
                "Roth IRA."
            )
    if basis == 0:
        warnings.append(
            "The basis is $0.00: there are no after-tax contributions, so the whole amount is "
            "pretax money."
        )

    if to_traditional:
        roth, traditional = basis, gain
        taxable, nontaxable, deferred = ZERO, basis, gain
        where = (
            f"The {usd(basis)} basis goes to the Roth IRA and the {usd(gain)} of earnings to a "
            "traditional IRA."
            if basis > 0
            else f"There is no basis for the Roth IRA; the {usd(gain)} of earnings go to a "
            "traditional IRA."
        )
        steps.append(
            f"{where} Disbursements made at the same time are one distribution. When it "
            "goes out as more than one direct rollover, you choose which destination gets its "
            "pretax part: "
            "tell the plan, before the rollovers are made, to send the pretax earnings to the "
            f"traditional IRA and the after-tax basis to the Roth IRA ({SRC_NOTICE}; {SRC_FAQ})."
        )
        steps.append(
            f"Earnings are pretax money; rolled to a traditional IRA they are not taxed until "
            f"distributed from it ({SRC_FAQ}). Taxable now: $0.00; nontaxable: {usd(basis)}."
        )
        warnings.append(
            f"The {usd(gain)} of earnings in a traditional IRA is a traditional-IRA balance: if "
            "any of it is still there on December 31, it counts on Form 8606 line 6 and makes "
            "part of a backdoor Roth conversion that year taxable (the IRA pro-rata rule, IRS "
            "Form 8606 and instructions). The form8606 calculator shows the effect."
        )
    else:
        roth, traditional = gross, ZERO
        taxable, nontaxable, deferred = gain, gross - gain, ZERO
        if earnings == 0:
            steps.append(
                f"All {usd(gross)} goes to the Roth IRA. There are no earnings, so nothing is "
                "taxable."
            )
        elif not loss:
            steps.append(
                f"All {usd(gross)} goes to the Roth IRA. The {usd(gain)} of earnings are pretax "
                f"money, so they are taxable; the {usd(basis)} basis is not. The 10% additional "
                f"tax of IRC 72(t) does not apply to the rollover itself ({SRC_ROTH_ROLLOVER}). "
                f"It can apply later to the {usd(gain)} taxable part: if that is taken out of "
                "the Roth IRA within 5 years (counted from the start of the rollover's tax "
                f"year) and before age 59 1/2, unless an exception applies ({SRC_590B})."
            )
        else:
            steps.append(f"All {usd(gross)} goes to the Roth IRA; taxable: $0.00.")

    estimated_tax = None
    if inp.tax_rate is not None:
        estimated_tax = cents(taxable * inp.tax_rate)
        steps.append(
            f"Estimated tax: {usd(taxable)} × {pct(inp.tax_rate)} = {usd(estimated_tax)} "
            "(a flat-rate estimate; the real figure depends on your whole return)."
        )

    options = _options(basis, gain, gross, inp.tax_rate)
    if len(options) > 1:
        roth_way = options[0]
        steps.append(
            f"Side by side: all to the Roth IRA, {usd(roth_way.taxable)} is taxable now and all "
            f"{usd(gross)} is then Roth money (qualified withdrawals are tax-free); earnings to "
            f"a traditional IRA, nothing is taxable now, but the {usd(gain)} stays pretax, "
            "taxable when it comes out, and while it is in a traditional IRA on December 31 "
            "it makes a backdoor Roth conversion partly taxable (Form 8606 pro-rata rule)."
            + (
                f" At {pct(inp.tax_rate)} the difference now is {usd(roth_way.estimated_tax)}."
                if inp.tax_rate is not None and roth_way.estimated_tax is not None
                else ""
            )
        )

    # One form per destination that receives money: with no basis and the earnings sent to
    # a traditional IRA, the Roth IRA gets nothing and no $0.00 form is issued for it.
    forms: list[Form1099R] = []
    if roth > 0:
        forms.append(Form1099R(destination="roth_ira", box1=roth, box2a=taxable, box5=nontaxable))
    if traditional > 0:
        forms.append(
            Form1099R(destination="traditional_ira", box1=traditional, box2a=ZERO, box5=ZERO)
        )
    combined = Form1099R(destination="roth_ira", box1=gross, box2a=taxable, box5=nontaxable)
    for form in forms:
        where = "Roth IRA" if form.destination == "roth_ira" else "traditional IRA"
        steps.append(
            f"Form 1099-R for the direct rollover to the {where}: box 1 {usd(form.box1)} (gross), "
            f"box 2a {usd(form.box2a)} (taxable), box 5 {usd(form.box5)} (after-tax "
            f"contributions recovered), code G (direct rollover) ({SRC_1099R})."
        )
    # (What payers do in practice, not the instructions' words: no source is cited for it.)
    # Only where it could happen: taxable earnings went to the Roth IRA.
    wrong_zero = (
        "Payers sometimes wrongly show box 2a $0.00 on a Roth IRA rollover that included "
        "earnings: check yours."
        if taxable > 0
        else ""
    )
    if len(forms) > 1:  # (one destination: its form is the combined one)
        steps.append(
            "In practice some payers issue one 1099-R per destination as above; others issue "
            f"a single combined code-G form instead, which should show box 1 {usd(gross)} (the "
            f"total), box 2a {usd(taxable)} (the taxable part left after any pretax part went "
            f"to a traditional IRA) and box 5 {usd(nontaxable)} (the basis)."
            + (f" {wrong_zero}" if wrong_zero else "")
        )
    elif wrong_zero:
        steps.append(wrong_zero)
    form_1040 = (
        f"On Form 1040 a plan distribution goes on line 5a (gross, {usd(gross)}) and line 5b "
        f"(taxable, {usd(taxable)}); from the 2025 form a rollover is marked with the Rollover "
        "checkbox on line 5c (on 2024 and earlier forms, 'Rollover' was written next to line "
        "5b)"
    )
    if roth > 0:  # (nothing rolled to a Roth IRA: no Roth IRA basis to keep track of)
        form_1040 += (
            f". Form 8606 is not used to report a plan-to-Roth-IRA rollover ({SRC_1040}). Keep "
            "the 1099-R all the same: the amount rolled to the Roth IRA counts in your basis in "
            "conversions and rollovers (Form 8606 line 24) if you later take money out of the "
            f"Roth IRA before a qualified distribution ({SRC_8606})."
        )
    else:
        form_1040 += f" ({SRC_1040})."
    steps.append(form_1040)
    return SplitResult(
        roth_ira=roth,
        traditional_ira=traditional,
        taxable=taxable,
        nontaxable=nontaxable,
        tax_deferred=deferred,
        estimated_tax=estimated_tax,
        forms_1099r=forms,
        combined_1099r=combined,
        options=options,
        steps=steps,
        warnings=warnings,
    )


def _options(
    basis: Decimal, gain: Decimal, gross: Decimal, rate: Decimal | None
) -> list[SplitOption]:
    """Everything to the Roth IRA, and (with earnings) earnings to a traditional IRA.
    ``gross`` is what the account holds: after a loss, less than the basis."""
    all_roth = SplitOption(
        earnings_to="roth",
        roth_ira=gross,
        traditional_ira=ZERO,
        taxable=gain,
        estimated_tax=None if rate is None else cents(gain * rate),
        note=(
            "Tax now on the earnings; then all of it is Roth money (qualified withdrawals "
            "are tax-free)."
            if gain > 0
            else "No earnings, so nothing is taxable; all of it is Roth money."
        ),
    )
    if gain <= 0:
        return [all_roth]
    to_traditional = SplitOption(
        earnings_to="traditional",
        roth_ira=basis,
        traditional_ira=gain,
        taxable=ZERO,
        estimated_tax=None if rate is None else ZERO,
        note=(
            "No tax now; the earnings stay pretax and, in a traditional IRA on Dec 31, make "
            "a backdoor Roth partly taxable."
        ),
    )
    return [all_roth, to_traditional]
