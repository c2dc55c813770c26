"""The calculator audit's findings as tests: primary-source examples, half-cent ties,
Pub 590-B Worksheet 1-1, and the input and wording fixes."""

from __future__ import annotations

import json
import time
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.cli import main
from calculators.form8606 import Form8606Input, form8606
from calculators.from_text import stated_tax_rate
from calculators.parse import InputError, parse_amount, parse_rate
from calculators.prorata import ProrataInput, prorata


def calc(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["calc", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# (source, command, expected JSON figures)
PRIMARY_SOURCES = [
    (
        "IRS rollover FAQ: $100,000 with $20,000 after-tax, $50,000 distributed",
        "prorata --basis 20000 --earnings 80000 --amount 50000",
        {"nontaxable": "10000.00", "taxable": "40000.00", "remaining_basis": "10000.00"},
    ),
    (
        "IRS FAQ / Notice 2014-54: pretax to a traditional IRA, after-tax to a Roth IRA",
        "split --basis 20000 --earnings 80000 --earnings-to traditional",
        {"roth_ira": "20000.00", "traditional_ira": "80000.00", "taxable": "0.00"},
    ),
    (
        "IRC 408A(d)(3)(A): all of it to a Roth IRA, the pretax part taxable",
        "split --basis 20000 --earnings 80000",
        {"roth_ira": "100000.00", "taxable": "80000.00"},
    ),
    (
        "IRS FAQ, seed thread figures: after-tax to Roth IRA, earnings to traditional IRA",
        "split --basis 1000 --earnings 5 --earnings-to traditional",
        {"roth_ira": "1000.00", "traditional_ira": "5.00", "taxable": "0.00"},
    ),
    (
        "Notice 2014-54 example as cited: the whole account of $100,000, 20% after-tax",
        "prorata --basis 20000 --earnings 80000 --amount 100000",
        {"nontaxable": "20000.00", "taxable": "80000.00", "remaining_basis": "0.00"},
    ),
    (
        "Form 8606: a clean backdoor Roth",
        "form8606 --contribution 7000 --year-end-balance 0 --converted 7000",
        {"line10": "1.000", "line11": "7000.00", "line14": "0.00", "line18": "0.00"},
    ),
    (
        "Form 8606 with growth before the conversion ($6,000 grew to $6,060)",
        "form8606 --contribution 6000 --year-end-balance 0 --converted 6060",
        {"line10": "0.990", "line11": "5999.40", "line14": "0.60", "line18": "60.60"},
    ),
    (
        "Form 8606 with a loss before the conversion (line 10 capped at 1.000)",
        "form8606 --contribution 6000 --year-end-balance 0 --converted 5940",
        {"line10": "1.000", "line11": "5940.00", "line14": "60.00", "line18": "0.00"},
    ),
    (
        "Pub 590-B, Rose Green (Worksheet 1-1): $2,000 contributed, $1,500 deducted",
        "form8606 --contribution 500 --deductible 1500 --prior-basis 300 "
        "--year-end-balance 20000 --converted 5000",
        {"line13": "460.00", "line14": "340.00", "line17": "460.00", "line18": "4540.00"},
    ),
    (
        "Form 8606 instructions: a distribution only",
        "form8606 --contribution 0 --prior-basis 3000 --year-end-balance 40000 "
        "--distributions 10000",
        {"line10": "0.060", "line12": "600.00", "line14": "2400.00", "line15c": "9400.00"},
    ),
    (
        "Form 8606 line 4 example: no distribution, so line 14 = line 3",
        "form8606 --contribution 1000 --year-end-balance 30000",
        {"line1": "1000.00", "line14": "1000.00", "line10": None},
    ),
    (
        "Form 8606: the pro-rata rule with a pretax IRA balance",
        "form8606 --contribution 7000 --year-end-balance 93000 --converted 7000",
        {"line10": "0.070", "line11": "490.00", "line18": "6510.00"},
    ),
    (
        "Form 8606 lines 4-5: all of line 1 made after December 31",
        "form8606 --contribution 7000 --late-contribution 7000 --year-end-balance 0 "
        "--converted 7000",
        {"line5": "0.00", "line10": "0.000", "line14": "7000.00", "line18": "7000.00"},
    ),
]


@pytest.mark.parametrize(("source", "command", "expected"), PRIMARY_SOURCES)
def test_primary_source_examples(
    capsys: pytest.CaptureFixture[str], source: str, command: str, expected: dict[str, Any]
) -> None:
    got = calc(capsys, *command.split())
    assert {k: got[k] for k in expected} == expected, source


@pytest.mark.parametrize(
    ("args", "nontaxable"),
    [
        (("100", "2100", "1357.95"), "61.73"),  # exactly 61.725: half-up gives 61.73
        (("1", "25", "0.13"), "0.01"),  # exactly 0.005
    ],
)
def test_prorata_half_cent_ties_round_up(
    capsys: pytest.CaptureFixture[str], args: tuple[str, str, str], nontaxable: str
) -> None:
    basis, earnings, amount = args
    got = calc(capsys, "prorata", "--basis", basis, "--earnings", earnings, "--amount", amount)
    assert got["nontaxable"] == nontaxable


@given(
    basis_cents=st.integers(1, 10**7),
    x=st.integers(1, 10**3),
    j=st.integers(0, 10**6),
)
def test_prorata_constructed_ties_round_half_up(basis_cents: int, x: int, j: int) -> None:
    # balance = 2 x basis: amount = (2j+1) x cents gives exactly (2j+1)/2 cents nontaxable
    odd = 2 * (j % basis_cents) + 1
    balance_cents = 2 * basis_cents * x
    amount_cents = odd * x
    inp = ProrataInput(
        basis=Decimal(basis_cents) / 100,
        earnings=Decimal(balance_cents - basis_cents) / 100,
        amount=Decimal(amount_cents) / 100,
    )
    exact = Fraction(amount_cents * basis_cents, balance_cents)  # in cents: an odd half
    assert exact.denominator == 2
    result = prorata(inp)
    assert result.nontaxable == Decimal(exact.numerator + 1) / 200
    assert result.nontaxable + result.taxable == inp.amount


@given(
    basis=st.integers(0, 10**9),
    earnings=st.integers(0, 10**9),
    amount=st.integers(0, 10**9),
)
def test_prorata_matches_exact_fractions(basis: int, earnings: int, amount: int) -> None:
    if basis + earnings == 0:
        return
    amount = max(1, min(amount, basis + earnings))
    inp = ProrataInput(
        basis=Decimal(basis) / 100, earnings=Decimal(earnings) / 100, amount=Decimal(amount) / 100
    )
    exact = Fraction(amount * basis, basis + earnings)  # cents
    expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    ) / 100
    assert prorata(inp).nontaxable == expected


def test_worksheet_1_1_is_used_only_with_a_deductible_part() -> None:
    rose = {
        "contribution": Decimal(500),
        "prior_basis": Decimal(300),
        "year_end_balance": Decimal(20000),
        "converted": Decimal(5000),
    }
    with_worksheet = form8606(Form8606Input(**rose, deductible=Decimal(1500)))
    assert with_worksheet.taxable == Decimal("4540.00")
    assert any("Worksheet 1-1" in s for s in with_worksheet.steps)
    # Not said: the form's own lines, and a warning that asks about a deductible part
    unsaid = form8606(Form8606Input(**rose))
    assert unsaid.taxable == Decimal("4840.00")
    assert any("deductible" in w and "Worksheet 1-1" in w for w in unsaid.warnings)
    # Said to be none: no warning
    none = form8606(Form8606Input(**rose, deductible=Decimal(0)))
    assert none.taxable == unsaid.taxable and not any("Worksheet" in w for w in none.warnings)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("10k", "10000.00"), ("$1.2k", "1200.00"), ("23,000", "23000.00"), ("23000.00", "23000.00")],
)
def test_amounts_as_people_type_them(typed: str, value: str) -> None:
    assert parse_amount(typed) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("1e3", "scientific"),
        ("1,2k", "not an amount"),
        ("1,00", "misplaced commas"),
        ("1,0000.5", "misplaced commas"),
        # a comma between values, as in a list ("/split 1000, 5"): it was "misplaced commas;
        # commas may only separate thousands", which did not say what was wrong
        ("1000,", "'1000,' ends with a comma: separate values with spaces, not commas"),
        ("1,000,", "ends with a comma: separate values with spaces"),
        ("$10k,", "ends with a comma: separate values with spaces"),
        ("1,00,", "misplaced commas"),
        (",", "misplaced commas"),
        # the dot is wrong here, not the commas (it was said to have misplaced commas)
        ("1,000.", "'1,000.' is not an amount"),
        # digits other than 0-9 are named: "is not an amount; use ... 1000" beside what looks
        # like 1000 said nothing (a bad-input hunt)
        ("\uff11\uff10\uff10\uff10", "not an amount: it has digits other than 0-9"),
        ("\u0661\u0660\u0660\u0660", "not an amount: it has digits other than 0-9"),
        ("$1,\uff10\uff10\uff10", "not an amount: it has digits other than 0-9"),
    ],
)
def test_unclear_amounts_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_amount(typed)


def test_a_bare_one_as_a_rate_is_refused_with_both_spellings() -> None:
    with pytest.raises(InputError) as raised:
        parse_rate("1")
    assert "100%" in str(raised.value) and "1%" in str(raised.value)
    assert parse_rate("1%") == Decimal("0.01") and parse_rate("100%") == 1


def test_unusual_rates_are_questioned(capsys: pytest.CaptureFixture[str]) -> None:
    got = calc(capsys, "split", "--basis", "1000", "--earnings", "5", "--tax-rate", "65")
    assert any("tax rate of 65%" in w for w in got["warnings"])
    got = calc(
        capsys,
        "schedule",
        "--annual", "30000", "--paychecks", "26", "--conversions", "4", "--return", "0.6",
    )  # fmt: skip
    assert any("60%" in w and "write 0.6%" in w for w in got["warnings"])
    percent = calc(
        capsys,
        "schedule",
        "--annual", "30000", "--paychecks", "26", "--conversions", "4", "--return", "60%",
    )  # fmt: skip
    # typed as a percent, the hint must not read as if "0.6" had been typed
    assert (
        "An annual return of 60% is very high; check it (0.6 without a % sign reads as 60%;"
        " for 0.6 percent, write 0.6%)." in percent["warnings"]
    )
    typed = calc(
        capsys,
        "schedule",
        "--annual", "30000", "--paychecks", "26", "--conversions", "4", "--return", "100%",
    )  # fmt: skip
    # 100% is no fraction meant as a percent: no advice on how to write one
    assert "An annual return of 100% is very high; check it." in typed["warnings"]


def test_room_says_it_is_a_ceiling_and_questions_deferrals_above_pay(
    capsys: pytest.CaptureFixture[str],
) -> None:
    got = calc(
        capsys,
        "room",
        "--year", "2025", "--deferrals", "31000", "--employer", "0", "--age", "55",
        "--compensation", "30000",
    )  # fmt: skip
    assert any("legal ceiling" in s and "ACP" in s for s in got["steps"])
    assert any("more than the compensation" in w for w in got["warnings"])


def test_prorata_names_the_pretax_part_for_what_it_is() -> None:
    result = prorata(
        ProrataInput(basis=Decimal(20000), earnings=Decimal(80000), amount=Decimal(50000))
    )
    labels = [label for label, _ in result.summary()]
    assert "Pretax part (taxable unless rolled over)" in labels


def test_split_shows_both_ways_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    got = calc(capsys, "split", "--basis", "23000", "--earnings", "412", "--tax-rate", "24%")
    roth, traditional = got["options"]
    assert (roth["earnings_to"], roth["taxable"], roth["estimated_tax"]) == (
        "roth",
        "412.00",
        "98.88",
    )
    assert (traditional["traditional_ira"], traditional["taxable"]) == ("412.00", "0.00")
    assert "backdoor Roth" in traditional["note"]
    # the chosen way is still the result; with no earnings there is nothing to compare
    assert got["taxable"] == "412.00"
    flat = calc(capsys, "split", "--basis", "1000", "--earnings", "0")
    assert [o["earnings_to"] for o in flat["options"]] == ["roth"]


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("I put in $23,000 after-tax and it earned $412, what do I owe?", ("23000", "412")),
        ("$1000 basis + $5 earnings into Roth IRA and traditional IRA?", ("1000", "5")),
        (
            "my 401k has 50k after-tax contributions and 2.5k of gains, can I split it?",
            ("50000", "2500"),
        ),
        ("You put $1000 into your After-Tax Solo 401k account ... you earn $5", ("1000", "5")),
        ("I have $7000 in a traditional IRA, can I do a backdoor Roth?", None),
        ("what is the 2026 415(c) limit of $72,000 for my 401k?", None),
        # "basis" is after-tax money, but not another account's basis or gains: an IRA's, a
        # Roth IRA's, a brokerage account's or shares' (each was worked through as a plan's
        # after-tax account; from a helper's hunt for wrong pairs)
        ("I have $6,500 basis in my traditional IRA and $12 in earnings, convert it?", None),
        ("did my backdoor late, trad IRA shows $7,000 basis and $23 earnings", None),
        ("My Roth IRA basis is $30,000 and earnings are $12,000, how much can I withdraw?", None),
        ("should I sell? cost basis $15,000 and gains are $4,000", None),
        ("I sold stock with capital gains of $5,000 and my after-tax 401k basis is $20,000", None),
        ("I have $20,000 basis in my after-tax 401k and $300 earnings in my Roth IRA", None),
        ("ESPP shares: basis $8,000, gains $1,200", None),
        # ... while the basis a Roth IRA receives is still the plan's
        (
            "I have $23 of earnings. If I let them go to my Roth IRA with the $4,500 basis, "
            "what tax do I owe?",
            ("4500", "23"),
        ),
        (
            "$16,000 basis to my Roth IRA and $900 of earnings to a traditional IRA",
            ("16000", "900"),
        ),
        (
            "I sold my RSUs last year; my after-tax 401k has $20,000 and earned $300",
            ("20000", "300"),
        ),
        # a multiple in words ("2 times $10,000", "$10,000 two times": $10,000 was the basis)
        ("I contributed 2 times $10,000 and earned $300", None),
        ("I contributed $10,000 two times and earned $300", None),
        ("I put in $5,000 3 times and it earned $90", None),
        ("contributed 10k in January and another 5k in June", None),
        # the new total, not the earnings: "grew to $21,500" is $1,500 of earnings
        ("I contributed $20,000 after-tax and it grew to $21,500", ("20000", "1500")),
        # a verb after "and" is the next amount's ("earned" tells what $300 is)
        ("My after-tax contributions were $20,000 and earned $300", ("20000", "300")),
        ("after-tax basis of $20,000 which earned $300 since", ("20000", "300")),
        ("$20k after-tax, now worth $21.5k", ("20000", "1500")),
        ("$5,000 of after-tax contributions that dropped to $4,900", ("5000", "-100")),
        ("I put in $10,000 after-tax and it lost $200", ("10000", "-200")),
        # a minus sign right against the earnings is a loss, not a gain
        ("I contributed $1000 after-tax and earnings are -$500", ("1000", "-500")),
        ("contributed $1,000 after-tax, earned $-5", ("1000", "-5")),
        ("after-tax $1,000 with a gain of \u2212$50", ("1000", "-50")),
        # each name before its amount, as a list or a label gives them: a name after an
        # amount's comma or line is the next amount's, not this one's
        ("basis $20,000, earnings $300", ("20000", "300")),
        ("Basis: $20,000\nEarnings: $300\nWhat do I owe?", ("20000", "300")),
        ("after-tax contributions: $20,000; earnings: $300", ("20000", "300")),
        ("I have $20,000, all after-tax, and $300 of earnings", ("20000", "300")),
        ("$1000 basis, $5 earnings", ("1000", "5")),
        # a negative basis, a double negative ("lost -$200") or a range: no example
        ("I put in -$1000 after-tax and it earned $5", None),
        ("I put in $10,000 after-tax and it lost -$200", None),
        ("I put in $10,000 after-tax and it earned $5-6k", None),
        ("I put in $10,000 after-tax and it earned $5-$6k", None),
        ("I put in $10,000 after-tax and it earned 5-6k", None),
        # a list dash apart from the amount is not a sign
        ("- $1000 after-tax\n- $5 earnings", ("1000", "5")),
        # a percentage or a bare decimal is no sum of dollars (from a robustness review)
        ("I put in $23,000 after-tax and it earned 1.8%, what do I owe?", None),
        ("I put in $23,000 after-tax and it earned 1.8K%", None),
        ("I put in $23,000 after-tax and it grew to 1.05", None),
        # a total against the verb's direction: one of the figures is wrong
        ("I put in $23,000 after-tax and it grew to $22,500", None),
        ("I put in $23,000 after-tax and it fell to $23,500", None),
        ("I put in $23,000 after-tax and it fell to $22,500", ("23000", "-500")),
        # words that turn earnings around, or a loss and a gain for one figure
        ("I put in $23,000 after-tax and it earned a negative $412", None),
        ("I put in $23,000 after-tax and it earned $412 in the red", None),
        ("I put in $23,000 after-tax and it earned $200 less than nothing", None),
        ("I put in $23,000 after-tax and it lost $412 then earned it back", None),
        # a range, a multiple, a rate per period, a bound, another currency
        ("I put in $23,000 after-tax and it earned $400-500", None),
        ("I put in $23,000 after-tax and it earned $400/500", None),
        ("I put in $23,000 x 2 after-tax and it earned $412", None),
        ("I put in 2x $23,000 after-tax and it earned $412", None),
        ("I put in $23,000 after-tax and it earned $412 a month", None),
        ("I put in $23,000 after-tax each year for 3 years and it earned $412", None),
        # a period far from the amounts, about something else, leaves them plain
        (
            "I contributed $24,000 after-tax and it earned $90, and I did the in-service "
            "rollovers to my Roth IRA each quarter",
            ("24000", "90"),
        ),
        ("I put in under $23,000 after-tax and it earned $412", None),
        ("I put in $23,000 CAD after-tax and it earned $412", None),
        ("I put in C$23,000 after-tax and it earned $412", None),
        # "every year" in another sentence says nothing about these figures
        (
            "I max out my 401k every year. This year I put $20,000 after-tax in; it earned $300.",
            ("20000", "300"),
        ),
        # Roth 401(k) money is not after-tax basis with taxable earnings
        ("I put in $23,000 Roth 401(k) and it earned $412, do I owe tax rolling it over?", None),
        ("I put in $23,000 Roth and it earned $412", None),
        ("I contributed $23,000 to my Roth 401(k) and it earned $412; tax to roll it?", None),
        ("I put in $23,000 after-tax and it earned 412.50", ("23000", "412.50")),
        # a dash that is not read as the sign, or a sign in words (from a code review)
        ("I put in $10,000 after-tax and my earnings are (-$500). What do I owe?", None),
        ("I put in $10,000 after-tax and my earnings are \u2013$500.", None),
        ("I put in $10,000 after-tax and my earnings are \u2014$500.", None),
        # ... in the small or full-width form (an East Asian keyboard's), the heavy minus
        # emoji, raised, lowered or modifier: each was read as $500 of earnings (bad-input hunt)
        ("I put in $10,000 after-tax and my earnings are \uff0d$500.", None),
        ("I put in $10,000 after-tax and my earnings are \ufe63$500.", None),
        ("I put in $10,000 after-tax and my earnings are \u2796$500.", None),
        ("I put in $10,000 after-tax and my earnings are \u207b$500.", None),
        ("I put in $10,000 after-tax and my earnings are \u208b$500.", None),
        ("I put in $10,000 after-tax and my earnings are \u02d7$500.", None),
        ("I put in $10,000 after-tax and my earnings are \ufe58$500.", None),
        ("I put in $10,000 after-tax and it earned $400\uff0d500", None),
        ("I put in $10,000 after-tax and my earnings are - $500.", None),
        ("I put in $10,000 after-tax and my earnings are negative: $500.", None),
        ("I put in $10,000 after-tax and earnings are 400 - $500", None),
        # ranges with other dashes or words
        ("I put in $10,000 after-tax and it earned $400\u2014500", None),
        ("I put in $10,000 after-tax and it earned $400~500", None),
        ("I put in $10,000 after-tax and it earned $400 to 500", None),
        ("I put in $10,000 after-tax and it earned $400 or 500", None),
        # Roth 401(k) money called after-tax, or its basis named in the same sentence
        ("I contributed $23,000 to my Roth 401(k) (after-tax money) and it earned $400", None),
        ("My Roth 401k basis is $23,000 and it earned $400", None),
        ("It is all Roth 401(k) money. I put in $23,000 and it earned $412.", None),
        # plain wording that is no bound, rate or range
        ("I rolled over $10,000 of after-tax contributions that earned $500", ("10000", "500")),
        ("I put in $10,000 after-tax a year ago and it earned $500", ("10000", "500")),
        ("I put in $10,000 after-tax and it earned $500 over 2 years", ("10000", "500")),
        ("I put in $10,000 after-tax and it earned $412 per the statement", ("10000", "412")),
        ("I put in $10,000 after-tax and it earned $500 / what do I owe?", ("10000", "500")),
        # an amount only named as moved: part of the account, or another sum
        ("I put in $23,000 after-tax and it earned $412; what if I roll over $10,000?", None),
        ("I rolled over $34k after-tax, of which $24k was contributions", ("24000", "10000")),
        # ... or taken out: a partial distribution, not the whole account rolled over
        *(
            (f"I put in $23,000 after-tax and it earned $412 over the past two years. {more}", None)
            for more in (
                "Now I'm taking out $5,000.",
                "Can I pull $5,000?",
                "Can I cash out $5,000?",
                "I want a $5,000 withdrawal.",
                "I'd like a $5,000 in-service distribution.",
                "Can I take out just $5,000?",
                "Can I take out my $5,000 for a house?",
                "I want to take out another $5,000.",
                "Can I roll over the $5,000 and leave the rest?",
                "Can I cash out only the $5,000?",
            )
        ),
        # ... but an IRA named for a past rollover moves nothing, nor does all of it
        *(
            (
                f"I put in $23,000 after-tax and it earned $412 over the past two years. {more}",
                ("23000", "412"),
            )
            for more in (
                "I also have a rollover IRA with $45k in it.",
                "My old rollover IRA has $45k.",
                "Can I roll over all $23,412?",  # (the whole account: no part taken out)
            )
        ),
        # an amount named as nothing that is not taken out is left aside
        (
            "I put in $23,000 after-tax and it earned $412 over the past two years. My salary "
            "is $150,000.",
            ("23000", "412"),
        ),
        # from a review of the later commits: an aside or accounting negative in brackets,
        # a period a few words further on, "a year", more ways to say Roth 401(k), a plan
        # total in its own sentence, open bounds and scale words, half rolled over
        ("I'm rolling $21,000 ($20,000 after-tax, $1,000 earnings) to a Roth IRA.", None),
        ("I put in $1000 after-tax; earnings were ($20)", None),
        ("I contribute $2,000 after-tax to my 401(k) plan every month; earnings are $90.", None),
        ("I contribute $20,000 after-tax a year and it has earned $1,000.", None),
        ("I contributed $10,000 after-tax for 3 years and it earned $1,000", None),
        ("I put in $10,000 after-tax and it earned $500 in a year", ("10000", "500")),
        ("My Roth-401k has $20,000 of contributions and $1,000 of earnings.", None),
        ("I made Roth contributions of $20,000 to my 401k, earnings $1,000", None),
        ("I put $20,000 after-tax in my 401k. Total account value is worth $35,000.", None),
        ("I put $20,000 after-tax in my 401k. The account is worth $35,000 in total.", None),
        ("I put in $20,000 after-tax and it earned $400 or more.", None),
        ("I put in $20,000 after-tax and it earned north of $400.", None),
        ("I put in $20,000 after-tax and it earned $500+.", None),
        ("I put $20 thousand after-tax in and it earned $1 thousand.", None),
        ("I have $50,000 after-tax with $5,000 earnings. I'll roll half now.", None),
        (
            "My plan only lets me roll over after-tax money once I leave. I have $20,000 "
            "after-tax and $1,000 earnings.",
            ("20000", "1000"),
        ),
        # only part of the account moved: the example would answer another question
        ("I put in $23,000 after-tax, it earned $412; I only want to rollover $10,000 of it", None),
        ("I put in $23,000 after-tax and it earned $412. I'm only rolling over $10,000", None),
        ("I put in $23,000 after-tax and it earned $412 and want a partial rollover", None),
        (
            "I put in $23,000 after-tax and it earned $412, but I only want to roll over $10,000",
            None,
        ),
        ("I put in $23,000 after-tax and it earned $412 and I rolled over half of it", None),
        ("my $7,000 contribution is now worth $7,100 and the gains were $100", None),
        # a change said against what was put in, not the account's value: no example
        ("I contributed $20,000 after-tax and it's worth $300 more now", None),
        ("I put in $20,000 after-tax and it is now worth about $300 less than that", None),
        ("I put in $20,000 after-tax; it's worth $300 above what I put in", None),
        ("I put in $20,000 after-tax and it grew to $20,300 more or less", ("20000", "300")),
        # ... but a line that starts with such a word is about something else
        (
            "I contributed $20,000 after-tax and it is now worth $20,300\nMore details: it is "
            "at Fidelity.",
            ("20000", "300"),
        ),
        (
            "I contributed $20,000 after-tax and it is now worth $20,300\nBelow is my statement.",
            ("20000", "300"),
        ),
        # ... and so is a sentence or line after the earnings that starts with one
        *(
            (f"I contributed $20,000 after-tax and it earned $412{then}", ("20000", "412"))
            for then in (
                ". Below is my statement.",
                "\nBelow is my statement.",
                ". Less than I hoped, but what do I owe?",
            )
        ),
        (
            "My after-tax basis is $23,000. Roth conversion: what do I owe if it earned $412?",
            ("23000", "412"),
        ),
        ("I put in $20,000 after-tax; it's worth $19,700, less than I put in", ("20000", "-300")),
        # what changed is named: the earnings, or a loss, not a new total
        ("My after-tax contributions were $20,000 and the earnings grew to $500", ("20000", "500")),
        ("I put in $23,000 after-tax and my gains rose to $412", ("23000", "412")),
        ("$10,000 after-tax and my loss went to $300", ("10000", "-300")),
        # a total of the whole plan, or earnings as large as the basis: no example
        ("My 401k is worth $300,000; I put in $20,000 after-tax", None),
        ("My 401k grew to $150,000 and I put in $20,000 after-tax", None),
        ("My 401k is worth $21,000 and I put in $20,000 after-tax", None),  # pretax too?
        ("I contributed $20,000 after-tax and it is up to $21,500 with growth", None),
        ("I put in $1,000 after-tax and it earned $1,500", None),
        # a total and the part of it that is earnings: the basis is the difference
        ("My after-tax account has $10,500, of which $500 is earnings.", ("10000", "500")),
        ("I have $10,500 after-tax including $500 earnings", ("10000", "500")),
        ("my after-tax account holds $10,500 and $500 of that is earnings", ("10000", "500")),
        ("My 401k has $10,500, of which $500 is earnings", None),  # the whole plan
        ("$20,000 after-tax, of which $500 came in June, and $300 of earnings", None),
        # the part's name is not the total's ("including $500 of gains" names the $500)
        ("It is $10,500 including $500 of gains, all after-tax money", ("10000", "500")),
        # a total in a text that never says whose: the after-tax account's, or the plan's?
        ("I have $10,500 of which $500 is earnings", None),
        # an amount named as the account's total, value or balance is not its basis: read as
        # basis, "$25,000 total, $1,000 earnings" made box 1 $26,000 (a calculator hunt)
        ("after-tax account value $25,000, earnings $1,000", ("24000", "1000")),
        ("My after-tax account is valued at $25,000 with $1,000 of gains", ("24000", "1000")),
        ("My after-tax account totals $25,000 with $1,000 of earnings", ("24000", "1000")),
        # ("total" or "balance" may be the whole plan's, as below: no example)
        ("After-tax sub-account: $25,000 total, $1,000 earnings", None),
        ("After-tax total: $25,000\nEarnings: $1,000", None),
        ("after-tax balance $25,000, earnings $1,000", None),
        ("I have $25,000 total after-tax and $1,000 is earnings", None),
        # ... while a total of contributions is still the basis, and a balance further off
        # names no amount
        (
            "I've been lazy and let my after-tax balance build for 18 months: $27k in, ~$3k "
            "in gains.",
            ("27000", "3000"),
        ),
        ("I contributed a total of $20,000 after-tax and it earned $300", ("20000", "300")),
        ("My total after-tax contributions were $20,000 and they earned $300", ("20000", "300")),
        # a part that is neither basis nor earnings, or a loss: no example
        ("I contributed $10,000 after-tax, converted $500 of it, and it earned $50", None),
        ("I put $20,000 after-tax in, of which $1,000 was lost.", None),
        # "includes" further on, or in another sentence, is about something else (though a
        # sentence between basis and earnings leaves whose "it" is unclear)
        ("I contributed $10,000 after-tax. My plan includes conversions. It earned $500.", None),
        (
            "I contributed $10,000 after-tax. It earned $500. My plan includes conversions.",
            ("10000", "500"),
        ),
        (
            "I put in $10,000 after-tax and my plan includes a Roth option; it earned $500",
            ("10000", "500"),
        ),
        # another account's money is no after-tax basis, nor its earnings this account's
        # (from a calculator hunt): pretax, the employer's, an IRA's, an HSA's or a 529's
        ("I contributed $23,000 pre-tax to my 401k and it earned $50", None),
        ("I deferred $23,000 pre-tax and my after-tax earned $50", None),
        # ... or said in a label before the amount or in brackets right after it
        ("Pre-tax contributions: $23,000\nEarnings: $50", None),
        ("I contributed $23,000 (pre-tax) and it earned $50", None),
        ("I contributed $23,000 (employer match) and it earned $50", None),
        ("I contributed $23,000, all pre-tax, and it earned $50", None),
        ("I contributed $23,000 \u2014 pre-tax \u2014 and it earned $50", None),
        ("I contributed $23,000, all after-tax, and it earned $50", ("23000", "50")),
        # contributions never called after-tax may be pretax deferrals, taxed whole
        ("I contributed $23,000, and it earned $50 in my pre-tax account", None),
        ("After-tax contributions: $23,000\nEarnings: $50", ("23000", "50")),
        ("I contributed $23,000 (after-tax) and it earned $50", ("23000", "50")),
        # ... however "pre-tax" is spelled
        ("I contributed $23,000 pre tax to my 401k and it earned $50", None),
        ("I contributed $23,000 in pre tax money and it earned $50", None),
        ("I contributed $23,000 before-tax and it earned $50", None),
        ("I contributed $23,000 before tax and it earned $50", None),
        ("I contributed $23,000 tax-deferred and it earned $50", None),
        # ... or hyphenated as a PDF or a word processor writes it (U+2010, U+2011), or in
        # the small or full-width form: each was read as after-tax basis (a bad-input hunt)
        ("I contributed $23,000 pre\u2010tax to my 401k and it earned $50", None),
        ("I contributed $23,000 pre\u2011tax to my 401k and it earned $50", None),
        ("I contributed $23,000 pre\ufe63tax to my 401k and it earned $50", None),
        ("I contributed $23,000 pre\uff0dtax to my 401k and it earned $50", None),
        ("I contributed $23,000 to my Roth\u2010401k and it earned $50", None),
        ("I contributed $23,000 after\u2010tax and it earned $50", ("23000", "50")),
        ("My employer contributed $5,000 and my after-tax account earned $50", None),
        ("I have $23,000 of deductible contributions and $50 of earnings", None),
        ("I contributed $7,000 to my traditional IRA and it earned $50", None),
        ("I put $5,000 in my HSA and it earned $50", None),
        ("I put $5,000 in a 529 and it earned $50", None),
        ("My HSA went over the limit. I contributed $300 excess and it earned $5.", None),
        ("I put $5,000 after-tax in my 401k and the Roth IRA has earned $120 since", None),
        ("I put $5,000 after-tax in my 401k and my pretax account earned $120", None),
        ("I put $5,000 after-tax in my 401k and my employer match earned $120", None),
        # ... while destinations and after-tax words in the same clause keep them plain
        (
            "I have $1000 basis and $5 earnings; basis to Roth IRA, earnings to traditional IRA",
            ("1000", "5"),
        ),
        (
            "I put $10,000 after-tax in my 401(k) and it earned $200; earnings to a traditional",
            ("10000", "200"),
        ),
        ("I put in $10,000 after-tax beyond my pre-tax and it earned $200", ("10000", "200")),
        # ... and so do a rollover's check, plan names after an amount, $529, where the
        # parts go, a spouse's own account (from a review of these rules)
        ("The plan cut me a check for $20,000 after-tax and $300 in earnings.", ("20000", "300")),
        ("I made $20,000 401(k) after-tax contributions and they earned $300", ("20000", "300")),
        ("I have $15,000 403(b) after-tax basis and $300 earnings", ("15000", "300")),
        ("I put $20,000 in and it earned $529, can I roll it all to a Roth IRA?", None),
        ("I put $20,000 after-tax in and it earned $529, roll it to a Roth IRA?", ("20000", "529")),
        (
            "Roth IRA gets the $20,000 basis and traditional IRA gets the $300 earnings. Right?",
            ("20000", "300"),
        ),
        (
            "after-tax 401k: $15,000 basis; the traditional IRA gets the $600 earnings",
            ("15000", "600"),
        ),
        ("My husband's after-tax contributions earned $300 on a $20,000 basis", ("20000", "300")),
        (
            "I contributed $20,000 to my traditional 401(k)'s after-tax account, which has "
            "earned $300",
            ("20000", "300"),
        ),
        # an amount per paycheck, however said, and thousands set apart by a space
        ("I contribute $2,000 after-tax biweekly and it earned $120", None),
        ("I contribute $2,000 after-tax every two weeks and it earned $120", None),
        ("I contribute $2,000 after-tax every 2 weeks and it earned $120", None),
        ("I contribute $2,000 after-tax every other week and it earned $120", None),
        ("I contribute $2,000 after-tax semimonthly and it earned $120", None),
        ("I contribute $2,000 after-tax to the plan quarterly and it earned $120", None),
        ("I contribute $2,000 after-tax every pay check and it earned $120", None),
        ("I contribute $2,000 after-tax per pay and it earned $120", None),
        ("I contribute $2,000 after-tax out of each check and it earned $120", None),
        ("I contribute $2,000 after-tax on every payday and it earned $120", None),
        ("I put in $23 500 after-tax and it earned $12", None),
        # ... also by a narrower space, an apostrophe or the Arabic separator, or with cents,
        # or seen from the group's side (each read as $1 or $200.50: a bug-hunt on bad input)
        ("I put in $23,000 after-tax and it earned $1\u2009200", None),
        ("I put in $23,000 after-tax and it earned $1\u202f200", None),
        ("I put in $23,000 after-tax and it earned $1'200", None),
        ("I put in $23,000 after-tax and it earned $1\u2019200", None),
        ("I put in $23,000 after-tax and it earned $1\u066c200", None),
        ("I put in $23,000 after-tax and it earned $1 200.50", None),
        ("I put in $23,000 after-tax and it earned 1 200.50", None),
        ("I put in $23,000 after-tax and it earned 1\u2009200.50", None),
        # a figure shown whole that holds an invisible character or a mark on a digit
        # ($4 was read for each of these $412s)
        ("I put in $23,000 after-tax and it earned $4\u200b12", None),
        ("I put in $23,000 after-tax and it earned $4\u00ad12", None),
        ("I put in $23,000 after-tax and it earned $4\u206012", None),
        ("I put in $23,000 after-tax and it earned $4\u200e12", None),
        ("I put in $23,000 after-tax and it earned $4\ufeff12", None),
        ("I put in $23,000 after-tax and it earned $4\u030112", None),
        ("I put in $23,000 after-tax and it earned $4\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e3", None),
        ("I put in $23,000 after-tax and it earned $4,\u200b120", None),
        ("I put in $23,000 after-tax and it earned $412\u200b.50", None),
        ("I put in $23,000 after-tax and it earned 4\u200b12.50", None),
        # ... or a comma or point typed full-width (a Chinese or Japanese keyboard's), or of
        # another script: $1 and $412 were read
        ("I put in $23,000 after-tax and it earned $1\uff0c200", None),
        ("I put in $23,000 after-tax and it earned $412\uff0e50", None),
        ("I put in $23,000 after-tax and it earned $1\u3001200", None),
        ("I put in $23,000 after-tax and it earned $412\u300250", None),
        ("I put in $23,000 after-tax and it earned $1\u060c200", None),
        ("I put in $23,000 after-tax and it earned $412\u066b50", None),
        # ... while such a character beside a whole figure changes nothing
        ("I put in $23,000 after-tax\uff0cand it earned $412\u3002 Tax?", ("23000", "412")),
        ("I put in $23,000\u200e after-tax and it earned $412\u200b!", ("23000", "412")),
        ("I put in $23,000 after-tax and it earned $412\u0301", ("23000", "412")),
        ("I put in $23,000 after-tax and it earned $412 in '24", ("23000", "412")),
        ("I have $100 401k after-tax money that earned $5", ("100", "5")),
        # a text with more figures than any plain question has is not read for a pair
        ("I put in $1000 after-tax and it earned $5. " + " ".join(["1999"] * 39), None),
        ("I put in $1000 after-tax and it earned $5. " + " ".join(["1999"] * 38), ("1000", "5")),
        # contributions never called after-tax (nor basis, nor the mega backdoor) may be pretax
        # deferrals, Roth or an IRA's: their rollover to a Roth IRA is taxed whole
        (
            "I contributed $23,000 to my 401k this year and it earned $412. Taxable if rolled"
            " to Roth?",
            None,
        ),
        (
            "I contributed $23,000 to my 403b and it earned $412. What's taxable if I roll to"
            " a Roth IRA?",
            None,
        ),
        (
            "I contributed $23,000 to my TSP and it earned $412. What's taxable if I roll it "
            "to a Roth IRA?",
            None,
        ),
        (
            "I contributed $23,000 to the 401k (pretax) and it earned $412. Can I roll it to "
            "a Roth IRA?",
            None,
        ),
        (
            "I put in $23,000 to my traditional 401(k) and it earned $412. Roll to Roth IRA tax?",
            None,
        ),
        ("I contributed $23,000 to Roth in my 401k and it earned $412. Roll to Roth IRA?", None),
        ("The company put in $9,000 and it earned $300. Can I roll it to a Roth IRA?", None),
        (
            "I contributed $20,000 and earned $250. I want to do a mega backdoor roth conversion.",
            ("20000", "250"),
        ),
        # an IRA's after-tax contribution is the ordinary backdoor's (pro-rata), not /split's
        (
            "I contributed $7,000 after-tax into my traditional IRA and it earned $12 before "
            "I converted. Tax?",
            None,
        ),
        ("I made a $7,000 after-tax IRA contribution that earned $12 before conversion.", None),
        (
            "Form 8606 line 14 shows $7,000 of basis, and I had $12 of earnings when I converted.",
            None,
        ),
        # what names an amount is in its own sentence: not the plan's whole balance
        (
            "I have $300,000 in my 401k. After-tax earnings are $412. What do I owe if I roll"
            " the after-tax to Roth?",
            None,
        ),
        ("My 401k has $300,000. The after-tax part earned $412.", None),
        # a paycheck's amount is no account's basis
        ("I put $800 after-tax per payroll and so far it has earned $30. Tax if I convert?", None),
        ("I contribute $1,000/pp after-tax, and it has earned $12. Convert now?", None),
        ("I contribute $1,000 after-tax every 14 days; it has earned $12.", None),
        ("I contribute $1,000 after-tax every Friday; it has earned $12.", None),
        ("My paystub shows $1,000 after-tax 401k. The account shows $12 earnings.", None),
        ("I have 26 pay periods. I contribute $1,000 after-tax. It earned $12.", None),
        # pay, a debt's interest, other accounts and things, the plan as a whole: no growth of
        # the after-tax account
        (
            "My wife earns $9,000 part-time. I put $23,000 after-tax in my 401k and it earned"
            " $300.",
            None,
        ),
        (
            "I earned a $5,000 bonus and put $23,000 after-tax into the plan. Tax when I convert?",
            None,
        ),
        ("I contributed $23,000 after-tax. My salary increase was $5,000.", None),
        ("I contributed $23,000 after-tax. My house increased $40,000 in value.", None),
        ("I contributed $23,000 after-tax and paid $412 interest on my 401k loan.", None),
        ("I have $23,000 after-tax. I owe $412 in interest.", None),
        ("My after-tax basis is $23,000. My bank account earned $412.", None),
        ("My after-tax contributions are $20,000 and my HYSA earned $250 interest.", None),
        ("I have $23,000 after-tax. My 529 earned $412.", None),
        ("I have $23,000 after-tax. Also $6,500 in a Roth IRA which earned $412.", None),
        ("I put in $23,000 after-tax; my old 401k earned $412.", None),
        ("I put in $23,000 after-tax and my 401k earned $4,120 overall this year.", None),
        ("I put in $23,000 after-tax; my total 401k earnings were $4,120.", None),
        ("I put in $23,000 after-tax; the fund earned $4.12 per share.", None),
        ("$23,000 after-tax. Earnings were $412 last quarter.", None),
        ("I put in $23,000 after-tax; my stock gained $412.", None),
        # money that never went into a plan
        (
            "I deposited $23,000 in a CD and it earned $412 interest. Should I have done the "
            "mega backdoor?",
            None,
        ),
        (
            "I put $23,000 in my taxable account and it earned $412. Should I have used "
            "after-tax 401k?",
            None,
        ),
        ("My Vanguard brokerage: contributed $23,000, earned $412. Mega backdoor better?", None),
        (
            "I put $23,000 into a nonqualified annuity and it earned $412. Same as after-tax 401k?",
            None,
        ),
        # figures corrected, or only part of the account moved
        (
            "Statement: after-tax $23,000, earnings $412. After the correction it's $22,500 "
            "and $400.",
            None,
        ),
        (
            "I put in $23,000 after-tax and it earned $412; the plan did an in-plan "
            "conversion of $15,000 of it.",
            None,
        ),
        # /split works through a rollover to IRAs: not cash paid out, a conversion inside
        # the plan, or a refund of a plan that failed its testing (no rollover at all)
        (
            "I'm taking a cash in-service withdrawal, not a rollover: $23,000 after-tax, $412 "
            "earnings. Do I owe tax on the earnings?",
            None,
        ),
        (
            "My plan did an in-plan Roth conversion of my after-tax: $23,000 basis, $412 earnings.",
            None,
        ),
        ("The plan refunded $3,100 of my after-tax contributions plus $85 in earnings.", None),
        (
            "Rolled $27,000 of after-tax contributions plus $1,450 of growth directly into my "
            "Roth IRA. I usually get a tiny refund.",
            ("27000", "1450"),
        ),
        # money in words people use: "after tax" as two words, "dollars" after a number
        ("$5k after tax, $50 earnings, where does each go?", ("5000", "50")),
        ("I have $46,000 after tax and $1,200 earnings.", ("46000", "1200")),
        ("I put in $23,000 after-tax and it earned 412 dollars.", ("23000", "412")),
        # the sentence after a pair may hold other figures, and the pair is still read
        (
            "After-tax source: $17,000 contributions, $1,250 earnings. Pretax source: $260k.",
            ("17000", "1250"),
        ),
        # round 2 of the helper's questions: "after taxes" and "a quarterly basis" name no
        # after-tax money; a figure named as other money first is not the next label's
        (
            "My take-home after taxes is about $6,000. I contributed $23,000 to my 401k and "
            "it earned $1,200.",
            None,
        ),
        (
            "I rebalance on a quarterly basis. I contributed $23,000 to my 401k and it earned"
            " $1,200.",
            None,
        ),
        (
            "Source balances:\nPre-Tax $148,220.17, After-Tax Earnings $412.33\nRolling the "
            "after-tax next week.",
            None,
        ),
        ("Employer match $11,500, after-tax earnings $412.", None),
        ("Pretax $23,000, after-tax $20,000, earnings $300.", ("20000", "300")),
        # a limit, pay or a plan named after-tax is no basis
        (
            "The after-tax limit for me is $46,000 and I'm about halfway there. It earned "
            "$300 so far.",
            None,
        ),
        ("My after-tax salary is $90,000. My after-tax 401k earned $300.", None),
        ("I plan to contribute $40,000 after-tax this year. So far it's earned $60.", None),
        (
            "Last year I contributed $15,000 after-tax. This year I'm planning a $5,000 increase.",
            None,
        ),
        ("I have $20,000 after-tax and it would have earned $300 by now.", None),
        # ... though after the figure, the same words are the question
        (
            "I have $20,000 after-tax and it earned $300, how much tax would that be?",
            ("20000", "300"),
        ),
        (
            "I have $20,000 after-tax and $300 of earnings, could I roll them to a Roth IRA?",
            ("20000", "300"),
        ),
        # earnings in another sentence are the account's only next to it, and said of it
        (
            "I have $20,000 after-tax in my 401k. Also have a Vanguard taxable account. It "
            "earned $3,000.",
            None,
        ),
        ("I put $20,000 after-tax into my 401k. My rental earned $6,000 last year.", None),
        ("I put $20,000 after-tax into my 401k. I earned $8,000 freelancing on the side.", None),
        (
            "I put $20,000 after-tax into my 401k. Then there's the employer match. That "
            "earned $1,100.",
            None,
        ),
        ("Two 401ks. One has $12,000 after-tax. The other earned $800.", None),
        ("I put $20,000 after-tax into my 401k. It earned $300. Roll to Roth?", ("20000", "300")),
        ("I put $20,000 after-tax into my 401k. The earnings are $300.", ("20000", "300")),
        (
            "I have $23 of earnings. If I let them go to my Roth IRA with the $4,500 basis, "
            "what tax?",
            ("4500", "23"),
        ),
        # ... and in the same sentence
        ("I have $23,000 after-tax and $6,500 in a Roth IRA which earned $412.", None),
        ("I have $23,000 after-tax, plus a Roth IRA which earned $412.", None),
        ("I have $23,000 after-tax, and I owe $412 in interest.", None),
        ("I have $23,000 after-tax and my 529 earned $412.", None),
        (
            "I put in $23,000 after-tax and it earned $412, and I did a conversion of $15,000 "
            "of it.",
            None,
        ),
        # a sentence repeating the other's figure ties them, whatever stands between
        (
            "$23 of earnings here. My plan lets me split them. If I let the $23 go to my Roth "
            "IRA with the $4,500 basis, what tax?",
            ("4500", "23"),
        ),
        # rules that the one above (no word for after-tax money: no basis) would hide
        ("My 401k has $10,500, of which $500 is earnings. I have no after-tax yet.", None),
        ("I put in $23,000 Roth and it earned $412, not after-tax money.", None),
        (
            "My plan is a Roth 401(k). For my mega backdoor I put $23,000 in and it earned $412.",
            None,
        ),
        ("I also have an HSA. For my mega backdoor I put $23,000 in and it earned $412.", None),
        ("I contributed $23,000 pre tax and it earned $50. Is after-tax better?", None),
        ("Pre-tax contributions: $23,000 and it earned $50; after-tax is next.", None),
        ("I contributed $23,000 (pre-tax) and it earned $50; after-tax is next.", None),
        ("I contributed $23,000, all pre-tax, and it earned $50; after-tax is next.", None),
        ("My Roth IRA basis is $6,500 and it earned $50; the plan's after-tax is separate.", None),
        ("I have $6,500 of basis in my Roth IRA, and it earned $50.", None),
        ("I have $20,000 after-tax and $300 of capital gains.", None),
        ("I have $20,000 after-tax and capital gains of $300.", None),
        ("I have $6,500 of Roth IRA basis, and it earned $50.", None),
        ("My IRA shows $7,000 basis and $50 of earnings.", None),
        (
            "After-tax: I put $20,000 in and it earned $529, roll it to a Roth IRA?",
            ("20000", "529"),
        ),
        ("I contributed 2 times $10,000 after-tax and earned $300", None),
        ("I contributed $10,000 two times after-tax and earned $300", None),
        # a title's dash before the basis separates (a basis below zero is no reading); one
        # before earnings may be a minus sign
        ("Mega backdoor - $18,000 after-tax, $212 earnings", ("18000", "212")),
        ("After-tax - $18,000, earnings - $212", None),
        # "account" alone does not say whose ("My Fidelity cash management account earned")
        ("I contributed $20,000 after-tax. My Fidelity cash management account earned $400.", None),
        ("Rollover $50,000, after-tax earnings $412", None),
        # someone else's figures, quoted or given as an example
        (
            "> I had $20,000 after-tax and $300 earnings and only paid tax on $300\n\nIs this "
            "right?",
            None,
        ),
        (
            'Quoting the top comment: "put in $20,000 after-tax, earnings were $300". How do '
            "I start?",
            None,
        ),
        (
            "For example, say someone has $20,000 after-tax and $300 of earnings. What do "
            "they owe?",
            None,
        ),
        # an IRA's own contribution, figures brought up to date, a refund or a hardship payout
        ("I contributed $7,000 after-tax to my Roth IRA and it earned $300.", None),
        ("I have $20,000 after-tax and $300 earnings. EDIT: checked again, it's $25,000.", None),
        ("My after-tax earned $300 in Q1 on $20,000 of contributions.", None),
        ("My plan failed the ACP test and is sending back $20,000 of after-tax plus $300.", None),
        ("I took a hardship withdrawal of my $20,000 after-tax and $300 of earnings.", None),
    ],
)
def test_amounts_stated_in_a_question(question: str, amounts: tuple[str, str] | None) -> None:
    from calculators.from_text import split_amounts

    found = split_amounts(question)
    assert found == (None if amounts is None else tuple(Decimal(a) for a in amounts))


@pytest.mark.parametrize(
    ("question", "traditional"),
    [
        ("what do I owe if I send the earnings to a traditional IRA?", True),
        ("$5k basis, $80 of gains go into my TIRA, taxable?", True),
        ("basis to Roth and the earnings portion into a trad IRA", True),
        ("should the earnings go to a traditional IRA or a Roth IRA?", False),  # a choice
        ("it earned $200 and I also have a traditional IRA", False),  # not where they go
        ("I rolled everything to my Roth IRA; the traditional IRA is empty", False),
        ("earnings to Roth", False),
        # where someone else sent theirs ("My friend sent the earnings to a traditional IRA")
        ("My friend sent the earnings to a traditional IRA but I want it all in Roth.", False),
        ("earnings into Roth, not traditional", False),
        ("earnings to roth, basis to trad", False),
        ("I do not want the earnings to go to a traditional IRA", False),
        ("I don't want my gains going into a TIRA", False),
        # a negation elsewhere in the sentence says nothing about where they go
        ("can the earnings go to a traditional IRA without paying tax now?", True),
        ("send the earnings to a traditional IRA so I don't owe tax?", True),
        ("if I never convert and the earnings go into a tIRA, what then?", True),
        ("earnings to a traditional IRA and not the Roth", True),
        ("I don't really want the earnings to go to a traditional IRA", False),
        ("I don't want any of the earnings going to a traditional IRA", False),
        ("rather than sending the earnings to a traditional IRA, all to Roth?", False),
        ("instead of the earnings to a traditional IRA, all to Roth", False),
        # "rather" or "instead" alone is no negation
        ("I would rather send the earnings to a traditional IRA; what do I owe?", True),
        ("Instead, I want the earnings to go to a traditional IRA.", True),
        # negations spelt as one word, or typed without the apostrophe (a calculator hunt)
        ("Is it true the earnings cannot go into a traditional IRA?", False),
        ("I dont want the earnings to go to a traditional IRA", False),
        ("the earnings shouldnt go into a trad IRA, right?", False),
        ("My plan wont let the earnings go to a traditional IRA", False),
        # "traditional" naming the plan the money is in is no traditional IRA
        ("the earnings stay in my traditional 401k, the basis goes to Roth", False),
        ("can the earnings go into the trad 401(k) pretax bucket?", False),
        ("the earnings go into a traditional 403b plan", False),
        ("earnings into my traditional IRA, not the 401k", True),
        ("I don\u2010t want the earnings in a trad\u2010IRA", False),
    ],
)
def test_where_a_question_sends_the_earnings(question: str, traditional: bool) -> None:
    from calculators.from_text import earnings_go_to_traditional

    assert earnings_go_to_traditional(question) is traditional


def test_where_the_earnings_go_is_read_in_one_pass_over_a_long_sentence() -> None:
    """A hostile post: one sentence of many earnings words after many one-letter words
    ("İ" lowercases to two characters, an "i" and a dot: a word per character). Looking
    back from each earnings word to its clause's start took time in the square of the
    words, on the bot's event loop: 0.1 s for a 4,000-character post, 10 s for ten times
    that. One pass takes a few milliseconds either way."""
    from calculators.from_text import earnings_go_to_traditional

    head = "I contributed $20,000 after-tax and it earned $500, do I owe tax on the earnings "
    size = 40_000
    question = head + "\u0130" * (size - len(head) - 5 * (size // 9)) + "gain " * (size // 9)
    started = time.perf_counter()
    assert earnings_go_to_traditional(question[:size]) is False
    assert time.perf_counter() - started < 1.0


def worked_example(capsys: pytest.CaptureFixture[str], question: str) -> dict[str, Any]:
    """The JSON answer's worked example of ``question``'s own numbers."""
    assert main(["ask", question, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["worked_example"]


def test_a_long_run_of_blank_lines_before_amounts_is_read_at_once() -> None:
    """A post with a long run of blank lines before its figures: the patterns before each
    amount look at the 60 characters before it, squeezed; read whole, they backtracked over
    the whitespace for seconds per amount (172 s for one post), with the bot's answering
    held up. A guard against that, not a measure of speed: at once is well under 5 s."""
    from calculators.from_text import split_amounts

    text = (
        "Do I owe tax on the earnings if everything goes to the Roth IRA? I contributed "
        "$20,000 after-tax and it earned $500. more than" + "\n" * 1200 + "#" + " $1 gain" * 20
    )
    began = time.monotonic()
    assert split_amounts(text) is None
    assert time.monotonic() - began < 5.0


@pytest.mark.parametrize(
    "figure",
    [
        "$4\u200b12",
        "$4\u00ad12",
        "$4\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e3",
        "$1'200",
        "1 200.50",
        "$1\uff0c200",
    ],
)
def test_a_figure_shown_whole_is_not_worked_through_in_part(
    capsys: pytest.CaptureFixture[str], figure: str
) -> None:
    """A figure the asker sees whole, "$412" with a zero-width space pasted into it or
    "1 200.50" with its thousands set apart, was worked through under the answer as $4, $1
    or $200.50 of earnings. It now gets no example, and the same answer as the plain one."""
    # (Asked so that every spelling is answered, well over the threshold: a worked example
    # shows only under an answer, so an unanswered one would pass for the wrong reason.)
    asked = (
        "I put in $23,000 after-tax and it earned {}, do I owe tax on the earnings if it all"
        " goes to the Roth IRA?"
    )
    assert main(["ask", asked.format("$412"), "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["worked_example"]["command"] == "/split basis:23000 earnings:412"
    assert main(["ask", asked.format(figure), "--json"]) == 0
    odd = json.loads(capsys.readouterr().out)
    assert "worked_example" not in odd
    assert (odd["answered"], odd["best"]["id"]) == (True, plain["best"]["id"])


def test_pretax_money_hyphenated_as_a_pdf_writes_it_gets_no_worked_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "pre‐tax" pasted from an IRS PDF or a word processor (U+2010, not "-") was not known
    as pretax money: the $23,000 was worked through as after-tax basis, nontaxable, under
    the answer. It gets none, as "pre-tax" typed does."""
    asked = "I contributed $23,000 pre{}tax to my 401k and it earned $50. Do I owe tax on it?"
    for hyphen in ("-", "\u2010", "\u2011"):
        assert main(["ask", asked.format(hyphen), "--json"]) == 0
        assert "worked_example" not in json.loads(capsys.readouterr().out), repr(hyphen)


def test_a_loss_with_a_full_width_minus_is_not_worked_through_as_earnings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "my earnings are －$500", with the full-width minus an East Asian keyboard types, is a
    loss; it was worked through under the answer as $500 of taxable earnings. With "-" it is
    the loss, and with a minus the reader does not take as one, no example at all."""
    asked = (
        "I put in $10,000 after-tax and my earnings are {}$500."
        " What tax do I owe when I roll it to a Roth IRA?"
    )
    typed = worked_example(capsys, asked.format("-"))
    assert typed["command"] == "/split basis:10000 earnings:-500"
    assert main(["ask", asked.format("\uff0d"), "--json"]) == 0
    assert "worked_example" not in json.loads(capsys.readouterr().out)


def test_a_worked_example_takes_the_basis_out_of_a_stated_total(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An account of $10,500 with $500 of earnings moves $10,500, $10,000 of it basis.
    question = (
        "My after-tax account has $10,500, of which $500 is earnings. What do I owe on the "
        "rollover to Roth IRA?"
    )
    example = worked_example(capsys, question)
    assert example["command"] == "/split basis:10000 earnings:500"
    assert example["roth_ira"] == "10500.00"
    assert (example["combined_1099r"]["box1"], example["combined_1099r"]["box5"]) == (
        "10500.00",
        "10000.00",
    )
    # ... and so does an account named by its value: read as basis, box 1 was $26,000
    question = (
        "My after-tax account is valued at $25,000 with $1,000 of gains. What do I owe on "
        "the rollover to Roth IRA?"
    )
    example = worked_example(capsys, question)
    assert example["command"] == "/split basis:24000 earnings:1000"
    assert example["combined_1099r"]["box1"] == "25000.00"


def test_the_worked_example_sends_the_earnings_where_the_question_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    question = (
        "I put in $10,000 after-tax and it earned $200, what do I owe if I send the "
        "earnings to a traditional IRA?"
    )
    example = worked_example(capsys, question)
    assert example["command"] == "/split basis:10000 earnings:200 earnings_to:traditional"
    assert (example["roth_ira"], example["traditional_ira"]) == ("10000.00", "200.00")
    assert example["taxable"] == "0.00"


def test_the_worked_example_estimates_the_tax_at_the_askers_stated_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ "...at 24% tax rate, how much tax?" was worked through with no estimate: the rate
    said was left out (a helper's trial). The asker's bracket now goes in as tax_rate."""
    question = (
        "I'm in the 24% bracket. I put in $23,000 after-tax and it earned $412, what do I "
        "owe when I roll it to a Roth IRA?"
    )
    example = worked_example(capsys, question)
    assert example["command"] == "/split basis:23000 earnings:412 tax_rate:24%"
    assert example["estimated_tax"] == "98.88"  # ($412.00 x 24%)
    # A bracket to stay under is no rate paid: no estimate, the rest worked through.
    under = question.replace("I'm in the 24% bracket.", "I want to stay under the 24% bracket.")
    example = worked_example(capsys, under)
    assert example["command"] == "/split basis:23000 earnings:412"


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("I'm in the 24% bracket", "24%"),
        ("I'm in the 24% bracket, what do I owe?", "24%"),
        ("my marginal rate is 32%", "32%"),
        ("My federal marginal tax rate is 24.5% now.", "24.5%"),  # (not "5%": a decimal)
        ("We're in the 22% tax bracket and my mega backdoor had $300 of growth.", "22%"),
        ("I'm in the 24% bracket. Yes, the 24% bracket.", "24%"),  # (one rate, said twice)
        # Read near any "bracket" (the first version), each of these gave a rate that is
        # not the asker's now: a helper's 175 phrasings found some 70. Now none:
        ("I pay a 10% tax penalty", None),
        ("the plan matches 50% up to 6%", None),
        ("at a 32% marginal rate", None),  # (whose? first person only)
        ("I'm in the 24% federal bracket plus 5% state", None),  # (two)
        ("I'm in the 24% bracket federally and 9.3% in CA.", None),
        ("I'm in the 35% bracket now but I'll be in the 12% bracket in retirement", None),
        ("I will be in the 22% bracket", None),
        ("how much can I convert to stay in the 12% bracket", None),
        ("my effective tax rate is 20%", None),
        ("withholding was 22% but I'm in the 35% bracket", None),
        ("My parents are in the 12% bracket, but I'm asking about my own rollover.", None),
        ("The 22% bracket ends at $94,300 for single filers.", None),
        ("My state tax rate is 5%", None),
        ("Last year I was in the 22% bracket.", None),
        ("I'm not in the 24% bracket anymore.", None),
        ("Suppose someone is in the 24% bracket, what do they owe on $412?", None),
        ("If I'm in the 24% bracket do I pay 24% on the earnings?", None),
        ("Am I in the 24% bracket?", None),
        ("I'm in the 24% bracket?", None),
        ("Which bracket am I in, 12% or 22%?", None),
        ("I'm in the 22-24% bracket.", None),
        ("Are the earnings taxed at 10% or my marginal rate?", None),
        ("I'm in the 15% capital gains bracket.", None),
        ("The earnings were marginal, about 2%, on $23,000.", None),
        ("> You're in the 22% bracket so you'd owe $90.\nActually I don't know.", None),
        ('She wrote "I\'m in the 35% bracket and it hurts" on her blog.', None),
        ("I'm in the 100% bracket", None),
        ("I'm in the 24% bracket. My marginal rate is 32%.", None),  # (two, said apart)
        # said in the first person, but of another time, with a doubt, or a supposition
        ("I'm in the 24% bracket until I retire in March.", None),
        ("I think I'm in the 24% bracket.", None),
        ("If I'm in the 24% bracket, what do I owe on $412?", None),
        ("My marginal rate is 24% after the raise next year.", None),
    ],
)
def test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now(
    text: str, rate: str | None
) -> None:
    assert stated_tax_rate(text) == rate


def test_ask_works_the_askers_own_numbers_under_the_answer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    question = (
        "I put in $23,000 after-tax and it earned $412, what do I owe when I roll it to a Roth IRA?"
    )
    assert main(["ask", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    example = data["worked_example"]
    assert example["command"] == "/split basis:23000 earnings:412"
    assert (example["taxable"], example["nontaxable"]) == ("412.00", "23000.00")
    assert main(["ask", question]) == 0
    text = capsys.readouterr().out
    assert "Your numbers, worked through (/split basis:23000 earnings:412)" in text
    # the same question without numbers is answered by the same entry, with no example
    assert (
        main(["ask", "I put in after-tax money and it earned a bit, what do I owe?", "--json"]) == 0
    )
    plain = json.loads(capsys.readouterr().out)
    assert "worked_example" not in plain
    # pretax money is no basis: "$23,000 nontaxable" under the answer would be $23,000 of
    # income left off a return
    pretax = (
        "I contributed $23,000 pre-tax to my 401k and it earned $50. "
        "Do I owe tax on a Roth IRA rollover?"
    )
    assert main(["ask", pretax, "--json"]) == 0
    assert "worked_example" not in json.loads(capsys.readouterr().out)
