"""calc form8606: the worked examples of facts.yaml and hand-checked lines, incl. rounding."""

from __future__ import annotations

import itertools
from decimal import Decimal as D

import pytest

from calculators import Form8606Input, InputError, form8606
from calculators.form8606 import LINE_KEYS


def run(**kw: str) -> dict:
    return form8606(Form8606Input(**kw)).to_json()  # type: ignore[arg-type]


def test_clean_backdoor_roth() -> None:
    data = run(contribution="7000", prior_basis="0", year_end_balance="0", converted="7000")
    assert data["line9"] == "7000.00"
    assert data["line10"] == "1.000"
    assert data["line11"] == "7000.00"
    assert data["line14"] == "0.00"
    assert data["line18"] == "0.00"
    assert data["taxable"] == "0.00"
    assert data["warnings"] == []


@pytest.mark.parametrize("moved", ["converted", "distributions"])
def test_the_unrounded_line_10_figure_is_shown_for_distributions_as_for_conversions(
    moved: str,
) -> None:
    """7,000 / 7,412 = 0.94441... rounds to 0.944: $392.00 taxable by the form's 3 places,
    $389.10 with line 10 unrounded (7,000 x 412 / 7,412)."""
    data = run(contribution="7000", year_end_balance="412", **{moved: "7000"})
    line = "line18" if moved == "converted" else "line15c"
    assert (data["line10"], data[line], data["taxable"]) == ("0.944", "392.00", "392.00")
    [note] = [s for s in data["steps"] if "unrounded line 10" in s]
    assert "$389.10" in note


def test_bogleheads_growth_before_converting() -> None:
    data = run(contribution="6000", prior_basis="0", year_end_balance="0", converted="6060")
    assert (data["line10"], data["line11"], data["line14"], data["line18"]) == (
        "0.990",
        "5999.40",
        "0.60",
        "60.60",
    )
    # The steps explain that an exact ratio would give $60.00.
    assert any("$60.00" in s for s in data["steps"])


def test_every_line_key_is_present_in_form_order() -> None:
    data = run(contribution="6000", year_end_balance="0", converted="6060")
    assert [k for k in data if k.startswith("line")] == list(LINE_KEYS)
    assert LINE_KEYS[14:17] == ("line15a", "line15b", "line15c")


def test_early_exit_without_distribution_or_conversion() -> None:
    data = run(
        contribution="7000", prior_basis="500", late_contribution="1000", year_end_balance="7100"
    )
    assert data["line3"] == "7500.00"
    assert data["line14"] == "7500.00"
    skipped = [k for k in LINE_KEYS if k not in ("line1", "line2", "line3", "line14")]
    assert all(data[k] is None for k in skipped)
    assert data["taxable"] == "0.00"


def test_pro_rata_with_a_year_end_balance() -> None:
    # 7000 / 27000 = 0.259259 -> 0.259; 7000 x 0.259 = 1813.00.
    data = run(contribution="7000", year_end_balance="20000", converted="7000")
    assert data["line9"] == "27000.00"
    assert data["line10"] == "0.259"
    assert (data["line11"], data["line13"], data["line14"]) == ("1813.00", "1813.00", "5187.00")
    assert (data["line16"], data["line17"], data["line18"]) == ("7000.00", "1813.00", "5187.00")
    assert any("$20,000.00 on December 31" in w for w in data["warnings"])


def test_line_6_counts_only_ira_to_ira_rollovers_in_transit() -> None:
    """The Instructions for Form 8606 add to line 6 a rollover between traditional, SEP
    and SIMPLE IRAs still in transit on December 31, not one on its way from an IRA to an
    employer plan: a member clearing an IRA into a 401(k) for a backdoor Roth who added it
    would make the conversion look taxable."""
    data = run(contribution="7000", year_end_balance="0", converted="7000")
    [line6] = [s for s in data["steps"] if s.startswith("Line 6,")]
    assert "outstanding IRA-to-IRA rollovers" in line6
    assert "not a rollover on its way from an IRA to an employer plan" in line6


def test_line_6_takes_a_late_recharacterization_into_account_either_way() -> None:
    """The Instructions for Form 8606 have line 6 "taking into account" a recharacterization
    of the year's contributions completed after December 31, not added to it: a member who
    moved a traditional IRA contribution to a Roth IRA in January, told to add it, would
    make the conversion look taxable."""
    data = run(contribution="7000", year_end_balance="0", converted="7000")
    [line6] = [s for s in data["steps"] if s.startswith("Line 6,")]
    assert "taking into account any recharacterization of the year's contributions" in line6
    assert "one from a traditional IRA to a Roth IRA takes from it" in line6
    assert "rollovers and any recharacterization" not in line6


def test_distributions_and_conversion_together() -> None:
    # line5 = 10000, line9 = 30000 + 5000 + 5000 = 40000, line10 = 0.250.
    data = run(
        contribution="6000",
        prior_basis="4000",
        year_end_balance="30000",
        distributions="5000",
        converted="5000",
    )
    assert data["line10"] == "0.250"
    assert (data["line11"], data["line12"], data["line13"]) == ("1250.00", "1250.00", "2500.00")
    assert data["line14"] == "7500.00"
    assert (data["line15a"], data["line15b"], data["line15c"]) == ("3750.00", "0.00", "3750.00")
    assert data["line18"] == "3750.00"
    assert data["taxable"] == "7500.00"


def test_distribution_only_skips_part_ii() -> None:
    data = run(contribution="0", prior_basis="2000", year_end_balance="6000", distributions="2000")
    assert data["line10"] == "0.250"
    assert data["line15c"] == "1500.00"
    assert data["line16"] is None and data["line17"] is None and data["line18"] is None


def test_late_contribution_reduces_line_5() -> None:
    # A contribution made next year for this year stays basis: line 5 = 0, all converted is taxable.
    data = run(
        contribution="7000", late_contribution="7000", year_end_balance="0", converted="7000"
    )
    assert (data["line4"], data["line5"], data["line10"]) == ("7000.00", "0.00", "0.000")
    assert (data["line18"], data["line14"]) == ("7000.00", "7000.00")


@pytest.mark.parametrize(
    ("contribution", "converted", "line10"),
    [
        ("1", "2000", "0.001"),  # 0.0005 exactly -> rounds half-up to 0.001
        ("1999", "2000", "1.000"),  # 0.9995 -> 1.000
        ("1998.90", "2000", "0.999"),  # 0.99945 -> 0.999
        ("7000", "5000", "1.000"),  # converted after a loss: 1.4 is capped at 1.000
    ],
)
def test_line_10_rounding_and_cap(contribution: str, converted: str, line10: str) -> None:
    data = run(contribution=contribution, year_end_balance="0", converted=converted)
    assert data["line10"] == line10


def test_a_late_contribution_beside_a_conversion_says_where_that_conversion_goes() -> None:
    """Contributed for last year in January and converted at once, both put on last year's
    form: the whole conversion looks taxable. The result says the conversion of a late
    contribution goes on next year's form, where the basis carries as line 2."""
    data = run(
        contribution="7000", year_end_balance="0", converted="7000", late_contribution="7000"
    )
    assert (data["line18"], data["line14"]) == ("7000.00", "7000.00")  # as the form has it
    assert any("Form 8606 for the year you converted" in w for w in data["warnings"])
    on_time = run(contribution="7000", year_end_balance="0", converted="7000")
    assert not any("the year you converted" in w for w in on_time["warnings"])


def test_rounding_that_pushes_line_14_below_zero_is_flagged() -> None:
    data = run(contribution="1999", year_end_balance="0", converted="2000")
    assert data["line14"] == "-1.00"
    assert any("below zero" in w for w in data["warnings"])
    # The headline figure says so too: it is the one copied onto the form (a member trial).
    result = form8606(Form8606Input(contribution="1999", year_end_balance="0", converted="2000"))
    assert ("Line 14 (basis carried forward)", "-$1.00 (below zero: see the warning below)") in (
        result.summary()
    )
    whole = form8606(Form8606Input(contribution="2000", year_end_balance="0", converted="2000"))
    assert ("Line 14 (basis carried forward)", "$0.00") in whole.summary()


def test_a_few_dollars_of_growth_get_the_figures_with_more_places_to_use() -> None:
    """$7,000 of basis converted as $7,003.50: 0.9995 is 1.000 at the 3 places the form is
    filled in with here, so the $3.50 of earnings came out tax-free and line 14 at -$3.50
    with only "check the figure". The form asks for at least 3 places: the warning gives
    the figures at 4, which keep within the basis, to put on the form instead."""
    data = run(contribution="7000", year_end_balance="0", converted="7003.50")
    assert (data["line10"], data["line14"], data["line18"]) == ("1.000", "-3.50", "0.00")
    [said] = [w for w in data["warnings"] if "below zero" in w]
    assert (
        "with 4 places line 10 is 0.9995, lines 11 and 17 are $7,000.00, line 18 (taxable) "
        "$3.50, line 14 is $0.00: we suggest entering those instead." in said
    )
    # a cent over from the cents alone: said as such, with the better figures
    cents = run(
        contribution="3377.43", year_end_balance="0", distributions="5206.12", converted="4967.85"
    )
    [said] = [w for w in cents["warnings"] if "below zero" in w]
    assert cents["line14"] == "-0.33" and "line 14 is -$0.01" in said
    assert "still $0.01 over, a cent of rounding on lines 11 and 12" in said


def test_capped_ratio_keeps_unused_basis() -> None:
    data = run(contribution="7000", year_end_balance="0", converted="5000")
    assert (data["line11"], data["line14"], data["line18"]) == ("5000.00", "2000.00", "0.00")


def test_steps_name_scope_limits() -> None:
    result = run(contribution="7000", year_end_balance="700", converted="7000")
    steps = " ".join(result["steps"])
    assert "one person's Form 8606" in steps
    assert "Form 1040 line 4b" in steps
    # whether part of the contribution is deductible is asked, not assumed silently
    assert any("Worksheet 1-1" in w for w in result["warnings"])


def test_late_contribution_above_contribution_is_rejected() -> None:
    with pytest.raises(InputError, match=r"late contribution .* more than"):
        Form8606Input(contribution="7000", late_contribution="7000.01", year_end_balance="0")


def test_deducted_money_converted_with_no_basis_is_all_taxable() -> None:
    # Worksheet 1-1 counted the deducted $7,000 as basis: line 14 was -$7,000, taxable $0.
    data = run(contribution="0", deductible="7000", converted="7000", year_end_balance="0")
    assert (data["line3"], data["line13"], data["line14"]) == ("0.00", "0.00", "0.00")
    assert (data["line17"], data["line18"], data["taxable"]) == ("0.00", "7000.00", "7000.00")
    assert any("no basis" in s and "Worksheet 1-1 is not used" in s for s in data["steps"])
    assert any("no basis" in w for w in data["warnings"])


def test_a_worksheet_figure_above_line_5_gives_way_to_the_forms_own_lines() -> None:
    """Pub 590-B: when Form 8606 line 5 is less than Worksheet 1-1 line 8, lines 6-15c of
    the form are filled in as usual. The worksheet counts the deducted $1,500 in its ratio
    ($2,000 / $6,000 of $2,000 = $666 nontaxable), more than the $500 of basis."""
    data = run(contribution="500", deductible="1500", year_end_balance="4000", converted="2000")
    assert (data["line5"], data["line9"], data["line10"]) == ("500.00", "6000.00", "0.083")
    assert (data["line11"], data["line13"], data["line14"]) == ("166.00", "166.00", "334.00")
    assert (data["line17"], data["line18"], data["taxable"]) == ("166.00", "1834.00", "1834.00")
    assert any(
        "line 5 (line 3 - line 4 = $500.00 - $0.00 = $500.00) is less than worksheet line 8 "
        "($666.00)" in s
        for s in data["steps"]
    )
    assert not any("no basis" in w for w in data["warnings"])  # (there is $500 of it)


def test_a_late_contribution_does_not_shelter_this_years_conversion_through_the_worksheet() -> None:
    """All $7,000 contributed after December 31 (line 4): line 5 is $0, so nothing converted
    this year is nontaxable, deducted part or not (the worksheet alone made it all tax-free)."""
    plain = run(
        contribution="7000", late_contribution="7000", year_end_balance="0", converted="5000"
    )
    with_deduction = run(
        contribution="7000",
        late_contribution="7000",
        deductible="1000",
        year_end_balance="0",
        converted="5000",
    )
    for data in (plain, with_deduction):
        assert (data["line5"], data["line13"], data["line14"]) == ("0.00", "0.00", "7000.00")
        assert (data["line18"], data["taxable"]) == ("5000.00", "5000.00")


AMOUNTS = ("0", "1", "500", "999.99", "1000", "6000", "7000", "20000")


@pytest.mark.parametrize("deductible", ["0.01", "1500", "6000", "7000"])
def test_worksheet_or_form_as_pub_590b_says_and_every_dollar_accounted_for(
    deductible: str,
) -> None:
    # Grid over years with a deducted part and some basis: the worksheet's figures are used
    # exactly when Form 8606 line 5 is at least its line 8 (never more than the basis);
    # otherwise the form's lines 6-12. Either way taxable + nontaxable == distributions +
    # conversions, and line 14 is below zero only with the form's rounding warning.
    for contribution, prior, year_end, distributions, converted in itertools.product(
        AMOUNTS[:5], ("0", "300"), ("0", "20000"), AMOUNTS, AMOUNTS
    ):
        if D(contribution) + D(prior) == 0 or D(distributions) + D(converted) == 0:
            continue
        result = form8606(
            Form8606Input(
                contribution=D(contribution),
                prior_basis=D(prior),
                deductible=D(deductible),
                year_end_balance=D(year_end),
                distributions=D(distributions),
                converted=D(converted),
            )
        )
        lines = result.lines
        case = (contribution, prior, deductible, year_end, distributions, converted)
        assert lines["line5"] == lines["line3"] - lines["line4"], case  # type: ignore[operator]
        if lines["line6"] is None:  # the worksheet's figures
            assert lines["line13"] <= lines["line5"], case  # type: ignore[operator]
        else:
            assert any("is less than worksheet line 8" in s for s in result.steps), case
        assert result.taxable + lines["line13"] == D(distributions) + D(converted), case
        assert D(0) <= lines["line15c"] <= D(distributions), case  # type: ignore[operator]
        if lines["line14"] < 0:  # type: ignore[operator]
            assert any("comes out below zero" in w for w in result.warnings), case


def test_a_deducted_part_given_as_part_of_the_contribution_is_caught_or_explained(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--deductible is on top of --contribution (line 1 is the nondeductible part only).
    Read as "of which deductible", the deducted money counts twice: the help says so with an
    example, the steps name both parts, and a total no IRA can take is warned about."""
    from bot.cli import main

    assert main(["calc", "form8606", "--help"]) == 0
    helped = " ".join(capsys.readouterr().out.split())
    assert "on top of --contribution" in helped and "--contribution 500 --deductible 1500" in helped
    rose = form8606(
        Form8606Input(
            contribution="500",
            deductible="1500",
            prior_basis="300",
            year_end_balance="20000",
            converted="5000",
        )
    )
    assert rose.taxable == D("4540.00") and not rose.warnings  # Pub 590-B's Rose Green
    # every line as on the IRS's filled-in form: lines 1-5, 13-14, 15c and 16-18; 6-12 blank
    filled = {k: v for k, v in rose.lines.items() if v is not None}
    assert filled == {
        **{f"line{n}": D(v) for n, v in ((1, 500), (2, 300), (3, 800), (4, 0), (5, 800))},
        **{f"line{n}": D(v) for n, v in ((13, 460), (14, 340), (16, 5000), (17, 460))},
        **{"line15a": D(0), "line15b": D(0), "line15c": D(0), "line18": D(4540)},
    }
    assert any("$500.00 nondeductible + $1,500.00 deducted" in s for s in rose.steps)
    twice = form8606(
        Form8606Input(
            contribution="7000", deductible="7000", year_end_balance="20000", converted="5000"
        )
    )
    assert any("add up to $14,000.00, more than any year's IRA limit" in w for w in twice.warnings)


def test_a_late_contribution_entered_with_worksheet_1_1_is_accounted_for() -> None:
    """Worksheet 1-1 counts contributions made by the due date itself: line 4 is filled in
    but the worksheet does not take it off, and the steps say so rather than dropping what
    the user typed."""
    result = form8606(
        Form8606Input(
            contribution="7000",
            late_contribution="2000",
            deductible="1000",
            year_end_balance="0",
            converted="5000",
        )
    )
    assert (result.lines["line4"], result.lines["line5"]) == (D(2000), D(5000))
    assert (result.lines["line13"], result.lines["line14"]) == (D(5000), D(2000))
    assert result.lines["line6"] is None  # (worksheet line 8, $5,000, is not above line 5)
    assert any(
        "line 4 (the $2,000.00 contributed after December 31) is filled in" in s
        for s in result.steps
    )


def test_a_line_1_no_ira_could_take_is_flagged() -> None:
    """A mega backdoor's $50,000 of after-tax 401(k) money typed as line 1 would be $50,000
    of made-up basis and $0 taxable: the result says line 1 cannot be that much."""
    typo = form8606(Form8606Input(contribution="50000", year_end_balance="0", converted="50000"))
    assert typo.taxable == D("0.00")  # the form's arithmetic is still shown
    assert any(
        "Line 1 is $50,000.00, more than any year's IRA contribution limit" in w
        and "not reported on Form 8606" in w
        for w in typo.warnings
    )
    most = form8606(Form8606Input(contribution="8600", year_end_balance="0", converted="8600"))
    assert not most.warnings  # 2026's $7,500 + $1,100 catch-up is possible


def test_the_balance_warning_only_when_the_balance_makes_part_taxable() -> None:
    """'That balance shrinks the nontaxable share ... so part is taxable' beside a result of
    $0.00 taxable contradicts itself: a balance too small to move line 10 off 1.000 is no
    reason to warn."""
    tiny = run(contribution="7000", year_end_balance="3", converted="7000")
    assert (tiny["line10"], tiny["taxable"]) == ("1.000", "0.00")
    assert not any("shrinks the nontaxable share" in w for w in tiny["warnings"])
    real = run(contribution="7000", year_end_balance="20000", converted="7000")
    assert real["taxable"] != "0.00"
    assert any("shrinks the nontaxable share" in w for w in real["warnings"])


def test_worksheet_line_8_is_one_product_and_its_split_adds_up_to_it() -> None:
    """Pub 590-B Worksheet 1-1 line 8 = line 5 x line 7, one product: $8,000 x 0.125 =
    $1,000.00, equal to Form 8606 line 5, so the worksheet applies and $7,000 is taxable.
    Rounding the conversion's share ($999.875) and the distribution's ($0.125) apart gave
    $1,000.01, "more than" line 5: the form's lines 6-15c, $7,872.00 taxable."""
    result = form8606(
        Form8606Input(
            contribution="1000",
            deductible="7000",
            year_end_balance="56000",
            distributions="1",
            converted="7999",
        )
    )
    lines = result.lines
    assert result.taxable == D("7000.00")
    assert lines["line6"] is None and (lines["line13"], lines["line14"]) == (D(1000), D(0))
    # the conversion's share (Form 8606 line 17) rounded, the distribution's the rest of line 8
    assert (lines["line17"], lines["line18"]) == (D("999.88"), D("6999.12"))
    assert lines["line15c"] == D("0.88")
    [step] = [s for s in result.steps if s.startswith("Worksheet line 8")]
    assert "line 5 × line 7 = $8,000.00 × 0.125 = $1,000.00" in step
    assert "$1,000.00 × $7,999.00 / $8,000.00 = $999.88" in step
    assert "$1,000.00 - $999.88 = $0.12" in step
    said = "line 5 ($1,000.00) is at least worksheet line 8 ($1,000.00)"
    assert any(said in s for s in result.steps)
