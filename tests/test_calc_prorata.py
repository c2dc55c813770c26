"""calc prorata: the IRS FAQ example, rounding to the cent, losses and bad amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from calculators import InputError, ProrataInput, prorata


def run(basis: str, earnings: str, amount: str) -> dict:
    return prorata(ProrataInput(basis=basis, earnings=earnings, amount=amount)).to_json()


def keys(data: dict) -> tuple[str, str, str, str]:
    return (
        data["nontaxable"],
        data["taxable"],
        data["remaining_basis"],
        data["remaining_earnings"],
    )


@pytest.mark.parametrize(
    ("basis", "earnings", "amount", "expected"),
    [
        # IRS FAQ: $100,000 with $20,000 after-tax; $50,000 out is $10,000 after-tax.
        ("20000", "80000", "50000", ("10000.00", "40000.00", "10000.00", "40000.00")),
        # Hand-checked: 1000 x 3000/4000 = 750.
        ("3000", "1000", "1000", ("750.00", "250.00", "2250.00", "750.00")),
        # 1 x 1/3 = 0.333.. -> 0.33; taxable gets the rest.
        ("1", "2", "1", ("0.33", "0.67", "0.67", "1.33")),
        # 0.01 x 1/2 = 0.005 exactly -> 0.01 (half-up, not half-even).
        ("1", "1", "0.01", ("0.01", "0.00", "0.99", "1.00")),
        # 2/3 of 1.00 = 0.6666.. -> 0.67.
        ("2", "1", "1", ("0.67", "0.33", "1.33", "0.67")),
        # Whole account: exactly the basis is nontaxable.
        ("1000", "5", "1005", ("1000.00", "5.00", "0.00", "0.00")),
    ],
)
def test_prorata_table(basis: str, earnings: str, amount: str, expected: tuple) -> None:
    assert keys(run(basis, earnings, amount)) == expected


def test_steps_show_the_formula_and_source() -> None:
    steps = " ".join(run("20000", "80000", "50000")["steps"])
    assert "$50,000.00 x $20,000.00 / $100,000.00 = $10,000.00" in steps
    assert "Rollovers of after-tax contributions in retirement plans" in steps


def test_loss_caps_the_nontaxable_share_at_the_amount() -> None:
    data = run("1000", "-100", "450")
    # basis / balance = 1000/900 > 1: the calculator uses 1, never a negative taxable part.
    assert keys(data) == ("450.00", "0.00", "550.00", "-100.00")
    assert data["nontaxable_ratio"] == "1"
    assert any("loss of $100.00" in w for w in data["warnings"])


def test_an_account_emptied_at_a_loss_shows_the_basis_not_recovered() -> None:
    result = prorata(ProrataInput(basis="1000", earnings="-50", amount="950"))
    # The JSON keeps its documented figures; the summary and steps say the account is empty
    # instead of "basis left $50" beside "earnings left -$50".
    assert keys(result.to_json()) == ("950.00", "0.00", "50.00", "-50.00")
    assert result.summary()[2:] == [
        ("Left in the account", "$0.00"),
        ("Basis not recovered (the loss)", "$50.00"),
    ]
    assert "$1,000.00 - $950.00 = $50.00 was never recovered" in result.steps[-2]
    # Part of the account out at a loss: what is left is still basis and (negative) earnings.
    partial = prorata(ProrataInput(basis="1000", earnings="-50", amount="500")).summary()
    assert [label for label, _ in partial[2:]] == ["Basis left", "Earnings left"]


@pytest.mark.parametrize(
    ("basis", "earnings", "amount", "fragment"),
    [
        ("1000", "5", "1005.01", "more than the account holds"),
        ("1000", "5", "0", "more than $0.00"),
        ("1000", "-1000", "1", "must hold more than $0.00"),
        ("1000", "5", "-1", "negative"),
    ],
)
def test_bad_amounts(basis: str, earnings: str, amount: str, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        ProrataInput(basis=basis, earnings=earnings, amount=amount)
    assert fragment in str(info.value)


def test_a_taxable_share_paid_out_names_the_60_days_and_the_withholding() -> None:
    steps = " ".join(prorata(ProrataInput(basis="20000", earnings="80000", amount="50000")).steps)
    assert "within 60 days" in steps and "withholds 20%" in steps and "10% additional tax" in steps
    # (rolling over only what was paid leaves the withheld 20% taxable: a fact-check)
    assert "adding that 20% from other money" in steps
    assert "Topic 413" in steps
    untaxed = " ".join(prorata(ProrataInput(basis="1000", earnings="0", amount="500")).steps)
    assert "60 days" not in untaxed  # nothing taxable: nothing to roll over in time


def test_a_share_too_small_to_show_is_not_written_as_zero() -> None:
    """$1 of basis in a $1 billion account: the share rounds to 0 at 6 places, but the
    result is $1.00 nontaxable, so the step must not call the share 0."""
    result = prorata(ProrataInput(basis="1", earnings="999999999", amount="999999999"))
    step = next(s for s in result.steps if s.startswith("Nontaxable = "))
    assert str(result.nontaxable) == "1.00"
    assert "the after-tax share is less than 0.000001" in step
    # JSON keeps a number string: scripts read the ratio as a number (docs/cli.md)
    assert Decimal(result.figures()["nontaxable_ratio"]) == 0
