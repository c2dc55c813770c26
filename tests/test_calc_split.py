"""calc split: the seed thread's $1000 + $5, earnings to a traditional IRA, losses, rounding."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from calculators import InputError, SplitInput, split


def run(**kw: object) -> dict:
    return split(SplitInput(**kw)).to_json()  # type: ignore[arg-type]


def test_seed_thread_all_to_roth() -> None:
    # facts.yaml worked example "seed thread".
    data = run(basis="1000", earnings="5")
    assert data["roth_ira"] == "1005.00"
    assert data["traditional_ira"] == "0.00"
    assert data["taxable"] == "5.00"
    assert data["nontaxable"] == "1000.00"
    assert data["estimated_tax"] is None
    assert data["forms_1099r"] == [
        {
            "destination": "roth_ira",
            "box1": "1005.00",
            "box2a": "5.00",
            "box5": "1000.00",
            "code": "G",
        }
    ]


def test_seed_thread_earnings_to_traditional() -> None:
    data = run(basis="1000", earnings="5", earnings_to="traditional")
    assert (data["roth_ira"], data["traditional_ira"]) == ("1000.00", "5.00")
    # the split is the participant's to ask for, before the rollovers (Notice 2014-54)
    assert any("tell the plan, before the rollovers are made" in s for s in data["steps"])
    assert (data["taxable"], data["nontaxable"], data["tax_deferred"]) == (
        "0.00",
        "1000.00",
        "5.00",
    )
    forms = {f["destination"]: f for f in data["forms_1099r"]}
    assert forms["roth_ira"] | {} == {
        "destination": "roth_ira",
        "box1": "1000.00",
        "box2a": "0.00",
        "box5": "1000.00",
        "code": "G",
    }
    assert forms["traditional_ira"]["box1"] == "5.00"
    assert forms["traditional_ira"]["box2a"] == "0.00"
    # A single combined code-G form: total in box 1, nothing taxable left, basis in box 5.
    assert data["combined_1099r"] == {
        "box1": "1005.00",
        "box2a": "0.00",
        "box5": "1000.00",
        "code": "G",
    }
    # The Dec 31 traditional-IRA balance hurts a backdoor Roth: the user must be told.
    assert any("December 31" in w and "8606" in w for w in data["warnings"])


def test_steps_state_assumption_and_combined_form() -> None:
    steps = " ".join(run(basis="1000", earnings="5")["steps"])
    assert "whole after-tax account is distributed" in steps
    assert "accounts for it separately" in steps
    assert "box 2a $5.00" in steps and "wrongly show box 2a $0.00" in steps
    assert "$1,005.00" in steps and "IRC 408A(d)(3)(A)" in steps
    # One destination: its form is the combined one, and "one per destination, or one
    # combined" offered a choice that is no choice. Two destinations: said.
    assert "single combined" not in steps
    split_steps = " ".join(run(basis="1000", earnings="5", earnings_to="traditional")["steps"])
    assert "single combined" in split_steps and "box 1 $1,005.00 (the total)" in split_steps


@pytest.mark.parametrize(
    ("taxable_earnings", "rate", "tax"),
    [
        ("5", "0.24", "1.20"),
        ("1", "0.125", "0.13"),  # exact half cent rounds up (banker's rounding would give 0.12)
        ("0.10", "0.245", "0.02"),  # 0.0245 -> 0.02
        ("5.03", "24.5%", "1.23"),  # 1.23235 -> 1.23
        ("333.33", "100%", "333.33"),  # 100% (a bare "1" is refused as ambiguous)
    ],
)
def test_estimated_tax_rounds_half_up(taxable_earnings: str, rate: str, tax: str) -> None:
    assert run(basis="1000", earnings=taxable_earnings, tax_rate=rate)["estimated_tax"] == tax


def test_market_loss_is_all_nontaxable() -> None:
    data = run(basis="1000", earnings="-50", tax_rate="24%")
    assert data["roth_ira"] == "950.00"
    assert (data["taxable"], data["nontaxable"], data["estimated_tax"]) == (
        "0.00",
        "950.00",
        "0.00",
    )
    assert data["forms_1099r"][0]["box5"] == "950.00"
    assert any("lost $50.00" in w for w in data["warnings"])
    # the side-by-side option is the same $950, not the $1,000 contributed
    assert [(o["roth_ira"], o["taxable"]) for o in data["options"]] == [("950.00", "0.00")]
    assert "Tax now on the earnings" not in data["options"][0]["note"]
    # no earnings reached the Roth IRA, so no warning about a payer's box 2a of $0.00
    assert not any("wrongly show box 2a" in step for step in data["steps"])
    assert any("wrongly show box 2a" in step for step in run(basis="1000", earnings="5")["steps"])


def test_loss_with_earnings_to_traditional_sends_everything_to_roth() -> None:
    data = run(basis="1000", earnings="-50", earnings_to="traditional")
    assert (data["roth_ira"], data["traditional_ira"]) == ("950.00", "0.00")
    assert len(data["forms_1099r"]) == 1
    assert any("no earnings to send" in w for w in data["warnings"])
    assert not any("December 31" in w for w in data["warnings"])


def test_zero_basis_is_allowed_but_flagged() -> None:
    data = run(basis="0", earnings="5")
    assert data["taxable"] == "5.00"
    assert any("basis is $0.00" in w for w in data["warnings"])


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"basis": "1000", "earnings": "-1000"}, "more than $0.00"),
        ({"basis": "-1", "earnings": "5"}, "negative"),
        ({"basis": "1000", "earnings": "5", "tax_rate": "101%"}, "above 100%"),
        ({"basis": D("NaN"), "earnings": "5"}, "finite"),
        ({"basis": D("1000.001"), "earnings": "5"}, "2 decimal places"),
        ({"basis": "1000", "earnings": "5", "earnings_to": "brokerage"}, "earnings_to"),
    ],
)
def test_bad_input_raises_input_error(kw: dict, fragment: str) -> None:
    with pytest.raises(InputError, match=None) as info:
        SplitInput(**kw)
    assert fragment in str(info.value)


def test_decimal_inputs_are_used_exactly() -> None:
    result = split(SplitInput(basis=D("1000.10"), earnings=D("0.01")))
    assert result.roth_ira == D("1000.11") and result.taxable == D("0.01")


def test_no_earnings_means_nothing_taxable() -> None:
    data = run(basis="1000", earnings="0", earnings_to="traditional")
    assert (data["roth_ira"], data["taxable"], data["traditional_ira"]) == (
        "1000.00",
        "0.00",
        "0.00",
    )
    assert any("no earnings" in s for s in data["steps"])
    assert data["warnings"] == []


def test_no_1099r_for_a_destination_that_gets_nothing() -> None:
    # No basis and the earnings to a traditional IRA: the Roth IRA gets $0.00, so no form.
    data = run(basis="0", earnings="500", earnings_to="traditional")
    assert (data["roth_ira"], data["traditional_ira"]) == ("0.00", "500.00")
    assert data["forms_1099r"] == [
        {
            "destination": "traditional_ira",
            "box1": "500.00",
            "box2a": "0.00",
            "box5": "0.00",
            "code": "G",
        }
    ]
    assert not any("to the Roth IRA: box 1" in s for s in data["steps"])


def test_no_basis_sent_to_traditional_says_nothing_goes_to_the_roth_ira() -> None:
    from calculators import SplitInput, split

    result = split(SplitInput(basis="0", earnings="500", earnings_to="traditional"))
    assert not any("$0.00 basis goes to the Roth IRA" in s for s in result.steps)
    assert any("no basis for the Roth IRA" in s for s in result.steps)


def test_what_the_rollover_leads_to_later_is_said() -> None:
    """The taxable earnings rolled to a Roth IRA can meet the 10% tax if taken out within 5
    years before 59 1/2 (Pub 590-B), and the amount rolled is Roth IRA basis on Form 8606
    line 24: a member rolling $1,005 should not learn either the hard way."""
    steps = " ".join(split(SplitInput(basis="1000", earnings="5")).steps)
    assert "It can apply later to the $5.00 taxable part" in steps
    assert "within 5 years" in steps and "before age 59 1/2" in steps
    assert "Form 8606 line 24" in steps
    # earnings to a traditional IRA: nothing taxable went to the Roth IRA, nothing to recapture
    apart = " ".join(split(SplitInput(basis="1000", earnings="5", earnings_to="traditional")).steps)
    assert "within 5 years" not in apart


@pytest.mark.parametrize(("basis", "to_roth"), [("0", False), ("1000", True)])
def test_roth_ira_basis_is_only_spoken_of_when_money_went_to_a_roth_ira(
    basis: str, to_roth: bool
) -> None:
    """With no basis and the earnings to a traditional IRA nothing reaches a Roth IRA, so
    the Form 1040 step keeps to Form 1040 (and its source) instead of telling the member to
    keep the 1099-R for a Roth IRA's basis they do not have."""
    data = run(basis=basis, earnings="50", earnings_to="traditional")
    [form_1040] = [s for s in data["steps"] if s.startswith("On Form 1040")]
    assert ("Form 8606 line 24" in form_1040) is to_roth
    assert "IRS Form 1040 (2025) and instructions" in form_1040
