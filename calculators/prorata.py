"""prorata: the taxable and nontaxable parts of a partial distribution of the account."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import model_validator

from calculators.base import (
    IRS_AFTER_TAX_ROLLOVERS,
    NOTICE_2014_54,
    CalcInput,
    CalcResult,
    Money,
    SignedMoney,
)
from calculators.money import (
    ONE,
    ZERO,
    account_step,
    exact,
    money_str,
    ratio_str,
    ratio_words,
    share,
    usd,
)
from calculators.parse import InputError

SRC_FAQ = "IRS, 'Rollovers of after-tax contributions in retirement plans'"
SRC_SEPARATE = "IRC 72(d)(2), 72(e)(8)"
SRC_NOTICE = "IRS Notice 2014-54"
SRC_413 = "IRS Topic 413, Rollovers from retirement plans; Instructions for Form 5329"


class ProrataInput(CalcInput):
    basis: Money
    """After-tax contributions in the account."""
    earnings: SignedMoney
    """The account's pretax part (its earnings); negative after a market loss."""
    amount: Money
    """Amount distributed."""

    @model_validator(mode="after")
    def _fits_account(self) -> ProrataInput:
        balance = self.basis + self.earnings
        if balance <= 0:
            raise InputError(
                f"basis {usd(self.basis)} plus earnings {usd(self.earnings)} leaves "
                f"{usd(balance)} in the account; it must hold more than $0.00 "
                "(a loss can be at most the basis less one cent)",
                "earnings",
            )
        if self.amount <= 0:
            raise InputError(
                "the amount distributed is $0.00; enter an amount more than $0.00 and at most "
                f"the account balance of {usd(balance)}",
                "amount",
            )
        if self.amount > balance:
            raise InputError(
                f"the amount distributed, {usd(self.amount)}, is more than the account holds "
                f"(basis {usd(self.basis)} + earnings {usd(self.earnings)} = {usd(balance)}); "
                f"enter an amount up to {usd(balance)}",
                "amount",
            )
        return self


class ProrataResult(CalcResult):
    name = "prorata"
    title = "Partial distribution from the after-tax account"
    sources = (IRS_AFTER_TAX_ROLLOVERS, NOTICE_2014_54)

    nontaxable: Decimal
    taxable: Decimal
    remaining_basis: Decimal
    remaining_earnings: Decimal
    ratio: Decimal
    """Nontaxable share of each dollar distributed (basis / balance, at most 1), unrounded."""

    def figures(self) -> dict[str, Any]:
        return {
            "nontaxable": money_str(self.nontaxable),
            "taxable": money_str(self.taxable),
            "remaining_basis": money_str(self.remaining_basis),
            "remaining_earnings": money_str(self.remaining_earnings),
            "nontaxable_ratio": ratio_str(self.ratio),
        }

    def summary(self) -> list[tuple[str, str]]:
        head = [
            ("Nontaxable", usd(self.nontaxable)),
            ("Pretax part (taxable unless rolled over)", usd(self.taxable)),
        ]
        if emptied_at_loss(self.remaining_basis, self.remaining_earnings):
            # "Basis left" beside negative earnings read as money still in the account;
            # what is left is basis never recovered.
            return [
                *head,
                ("Left in the account", usd(ZERO)),
                ("Basis not recovered (the loss)", usd(self.remaining_basis)),
            ]
        return [
            *head,
            ("Basis left", usd(self.remaining_basis)),
            ("Earnings left", usd(self.remaining_earnings)),
        ]


def emptied_at_loss(remaining_basis: Decimal, remaining_earnings: Decimal) -> bool:
    """The whole account came out and some basis was never recovered (a market loss)."""
    return remaining_basis + remaining_earnings == 0 and remaining_basis > 0


def prorata(inp: ProrataInput) -> ProrataResult:
    """nontaxable = amount x basis / (basis + earnings), to cents; taxable = the rest."""
    with exact():
        return _prorata(inp)


def _prorata(inp: ProrataInput) -> ProrataResult:
    basis, earnings, amount = inp.basis, inp.earnings, inp.amount
    balance = basis + earnings
    exact_ratio = basis / balance
    ratio = min(exact_ratio, ONE)  # a loss makes basis/balance > 1; never over 100%
    nontaxable = share(amount, basis, balance)
    taxable = amount - nontaxable
    steps = [
        "A partial distribution carries a proportional share of the after-tax and pretax money "
        f"in the account ({SRC_FAQ}). If the plan accounts for after-tax contributions "
        "separately, enter only that account's contributions and earnings "
        f"({SRC_SEPARATE}); otherwise enter the whole account, as in the IRS example "
        "($100,000 with $20,000 after-tax: a $50,000 distribution is $10,000 after-tax).",
        "Not modelled: after-tax contributions made before 1987 to a plan that on May 5, 1986 "
        "allowed withdrawals of employee contributions can come out ahead of the pro-rata "
        "share (IRC 72(e)(8)(D)); if your plan has such money, its statement shows it.",
        account_step(basis, earnings),
    ]
    warnings: list[str] = []
    if earnings < 0:
        steps.append(
            f"The account is worth less than its basis (a loss of {usd(-earnings)}), so "
            f"basis / balance = {ratio_words(exact_ratio)} is above 1. A distribution cannot be "
            "more than 100% nontaxable, so the calculator uses 1: all of it is after-tax money."
        )
        warnings.append(
            f"The account shows a loss of {usd(-earnings)}: nothing distributed now is taxable. "
            "This calculator does not cover any tax treatment of contributions lost in the "
            "market. Ask a tax professional."
        )
        steps.append(
            f"Nontaxable = {usd(amount)} × 1 = {usd(nontaxable)} (rounded half-up to the cent)."
        )
    else:
        steps.append(
            f"Nontaxable = amount × basis / balance = {usd(amount)} × {usd(basis)} / "
            f"{usd(balance)} = {usd(nontaxable)} (rounded half-up to the cent; the after-tax "
            f"share is {ratio_words(ratio)})."
        )
    steps.append(f"Taxable = {usd(amount)} - {usd(nontaxable)} = {usd(taxable)}.")
    remaining_basis = basis - nontaxable
    remaining_earnings = earnings - taxable
    if emptied_at_loss(remaining_basis, remaining_earnings):
        steps.append(
            f"Left in the account: nothing. Of the basis, {usd(basis)} - {usd(nontaxable)} = "
            f"{usd(remaining_basis)} was never recovered: it is the market loss."
        )
    else:
        steps.append(
            f"Left in the account: basis {usd(basis)} - {usd(nontaxable)} = "
            f"{usd(remaining_basis)}; earnings {usd(earnings)} - {usd(taxable)} = "
            f"{usd(remaining_earnings)}; together {usd(remaining_basis + remaining_earnings)}."
        )
    if taxable > 0:
        steps.append(
            "The pretax part can be rolled over to a traditional IRA or another plan and the "
            f"after-tax part to a Roth IRA; pretax money is assigned first to direct rollovers "
            f"({SRC_NOTICE}). Pretax money not rolled over is taxable. Money paid to you can "
            "still be rolled over within 60 days; the plan withholds 20% of the taxable part "
            "paid to you, so rolling all of it over means adding that 20% from other money "
            "(a direct rollover has no withholding), and under age 59 1/2 the taxable part not "
            f"rolled over may also owe the 10% additional tax ({SRC_413})."
        )
    if amount == balance:
        steps.append(
            "This distributes the whole account; the split calculator shows the rollover forms."
        )
    return ProrataResult(
        nontaxable=nontaxable,
        taxable=taxable,
        remaining_basis=remaining_basis,
        remaining_earnings=remaining_earnings,
        ratio=ratio,
        steps=steps,
        warnings=warnings,
    )
