"""Differential test: the calculators against an independent oracle written from the sources.

    .venv/bin/python benchmarks/oracle_calculators.py [--cases 10000] [--seed 2026]

The oracle below is written from the rules in docs/cli.md and docs/facts.yaml (the IRS
rollover FAQ, Notice 2014-54, the Form 8606 line rules, Pub 590-B Worksheet 1-1, IRC 402(g),
414(v) and 415(c)), not from the calculators' code: exact fractions, half-up cents, limits
read from docs/facts.yaml rather than the calculators' own table; schedule's growth as
exp(dt ln(1 + r)) at 40 digits.
Each calculator gets --cases random inputs (amounts of every size, constructed half-cent
ties, zeros, market losses) run in-process through the catalog, as the CLI and Discord do.
Prints the count of cases and disagreements per calculator, the first few, and exits 1 if
any.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from calculators.catalog import CALCULATORS
from calculators.parse import InputError

ROOT = Path(__file__).resolve().parent.parent
FACTS = yaml.safe_load((ROOT / "docs" / "facts.yaml").read_text(encoding="utf-8"))["limits"]
Case = dict[str, str]


def cents(value: Fraction) -> str:
    """Half-up to the cent, as the JSON shows money."""
    whole = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{whole.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"


def places3(value: Fraction) -> Fraction:
    scaled = Decimal(value.numerator) / Decimal(value.denominator)
    return Fraction(scaled.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def money(rng: random.Random) -> Fraction:
    """Cents, from tiny to large, often round."""
    kind = rng.random()
    if kind < 0.1:
        return Fraction(0)
    if kind < 0.4:
        return Fraction(rng.randint(1, 100) * rng.choice([1, 100, 1000, 10000]))
    return Fraction(rng.randint(1, 10 ** rng.randint(2, 10)), 100)


def text(value: Fraction) -> str:
    return cents(value)


# -- oracles -------------------------------------------------------------------------------
def prorata_case(rng: random.Random) -> tuple[Case, dict[str, Any]]:
    basis, earnings = money(rng), money(rng)
    if rng.random() < 0.2:  # a constructed half-cent tie: amount x basis / balance = n + 1/2
        basis = Fraction(rng.randint(1, 10**6), 100)
        x = rng.randint(1, 500)
        earnings = basis * (2 * x - 1)
        amount = Fraction(2 * rng.randint(0, 10**4) + 1, 100) * x / 1
        amount = min(amount, basis + earnings)
    else:
        if rng.random() < 0.1 and basis > Fraction(1, 100):  # a market loss
            earnings = -Fraction(rng.randint(1, int(basis * 100) - 1), 100)
        if basis + earnings == 0:
            basis = Fraction(1)
        amount = Fraction(rng.randint(1, max(1, int((basis + earnings) * 100))), 100)
    balance = basis + earnings
    # IRS FAQ and IRC 72(e)(8): the after-tax share of a partial distribution is basis/balance
    nontaxable = amount if basis >= balance else amount * basis / balance
    nontaxable_c = Fraction(Decimal(cents(nontaxable)))
    taxable = amount - nontaxable_c
    want = {
        "nontaxable": cents(nontaxable_c),
        "taxable": cents(taxable),
        "remaining_basis": cents(basis - nontaxable_c),
        "remaining_earnings": cents(earnings - taxable),
    }
    return {"basis": text(basis), "earnings": text(earnings), "amount": text(amount)}, want


def split_case(rng: random.Random) -> tuple[Case, dict[str, Any]]:
    basis, earnings = money(rng), money(rng)
    if basis + earnings == 0:
        basis = Fraction(1)
    to = rng.choice(["roth", "traditional"])
    rate = rng.choice(
        [None, Fraction(rng.randint(0, 99), 100), Fraction(rng.randint(1, 999), 1000)]
    )
    # Notice 2014-54 and the IRS FAQ: basis to the Roth IRA tax-free; earnings either to
    # the Roth IRA (taxable now, IRC 408A(d)(3)(A)) or to a traditional IRA (not taxed yet).
    # After a market loss only what is left comes out, all of it after-tax money.
    if rng.random() < 0.15 and basis > Fraction(1, 100):
        earnings = -Fraction(rng.randint(1, int(basis * 100) - 1), 100)
    gain, gross = max(earnings, Fraction(0)), basis + earnings
    recovered = min(basis, gross)
    to_traditional = to == "traditional" and gain > 0
    roth = basis if to_traditional else gross
    traditional = gain if to_traditional else Fraction(0)
    taxable = Fraction(0) if to_traditional else gain
    # Instructions for Forms 1099-R: a direct rollover is code G; box 2a is the taxable
    # amount for a Roth IRA and 0 for a traditional IRA; box 5 the employee contributions.
    # One form per destination that receives money.
    forms = []
    if roth > 0:
        forms.append(("roth_ira", roth, taxable, recovered))
    if traditional > 0:
        forms.append(("traditional_ira", traditional, Fraction(0), Fraction(0)))
    want = {
        "roth_ira": cents(roth),
        "traditional_ira": cents(traditional),
        "taxable": cents(taxable),
        "nontaxable": cents(recovered),
        "estimated_tax": None if rate is None else cents(taxable * rate),
        "forms_1099r": [
            {"destination": d, "box1": cents(b1), "box2a": cents(b2a), "box5": cents(b5)}
            | {"code": "G"}
            for d, b1, b2a, b5 in forms
        ],
    }
    case = {"basis": text(basis), "earnings": text(earnings), "earnings_to": to}
    if rate is not None:
        case["tax_rate"] = f"{Decimal(rate.numerator) / Decimal(rate.denominator) * 100:f}%"
    return case, want


def form8606_case(rng: random.Random) -> tuple[Case, dict[str, Any]]:
    l1, l2, l6 = money(rng), money(rng), money(rng)
    l4 = Fraction(rng.randint(0, int(l1 * 100)), 100) if rng.random() < 0.3 else Fraction(0)
    l7 = money(rng) if rng.random() < 0.5 else Fraction(0)
    l8 = money(rng) if rng.random() < 0.8 else Fraction(0)
    deductible = money(rng) if rng.random() < 0.3 else None
    case = {
        "contribution": text(l1),
        "prior_basis": text(l2),
        "late_contribution": text(l4),
        "year_end_balance": text(l6),
        "distributions": text(l7),
        "converted": text(l8),
    }
    if deductible is not None:
        case["deductible"] = text(deductible)
    lines: dict[str, Any] = {f"line{n}": None for n in range(1, 19) if n != 15}
    lines |= {"line15a": None, "line15b": None, "line15c": None}
    l3 = l1 + l2
    lines |= {"line1": cents(l1), "line2": cents(l2), "line3": cents(l3)}
    if l7 == 0 and l8 == 0:  # Form 8606: no distribution or conversion -> line 14 = line 3
        lines["line14"] = cents(l3)
        return case, lines | {"taxable": "0.00"}

    def c(v: Fraction) -> Fraction:
        return Fraction(Decimal(cents(v)))

    ratio = min(places3((l2 + l1 + (deductible or 0)) / (l6 + l7 + l8)), Fraction(1))
    # Pub 590-B Worksheet 1-1 line 8: the year's distributions and conversions x its ratio,
    # one product to the cent; the conversion's part of it (Form 8606 line 17) is line 8 x
    # the amount converted / worksheet line 5, and the distributions have the rest.
    w8 = c((l7 + l8) * ratio)
    nt_conv = c(w8 * l8 / (l7 + l8))
    nt_dist = w8 - nt_conv
    # Worksheet 1-1 with a deducted part and some basis, unless its line 8 is more than
    # Form 8606 line 5: then (and with no basis) the form's own lines 6-15c.
    if deductible and l3 > 0 and l3 - l4 >= w8:
        l13 = w8
        l15c = l7 - nt_dist
        # lines 4 and 5 as on every Form 8606 (the IRS's filled-in Rose Green example)
        lines |= {"line4": cents(l4), "line5": cents(l3 - l4)}
        lines |= {"line13": cents(l13), "line14": cents(l3 - l13)}
        lines |= {"line15a": cents(l15c), "line15b": "0.00", "line15c": cents(l15c)}
        l18 = Fraction(0)
        if l8 > 0:
            l18 = l8 - nt_conv
            lines |= {"line16": cents(l8), "line17": cents(nt_conv), "line18": cents(l18)}
        return case, lines | {"taxable": cents(l15c + l18)}
    l5 = l3 - l4
    l9 = l6 + l7 + l8
    l10 = min(places3(l5 / l9), Fraction(1))
    l11, l12 = c(l8 * l10), c(l7 * l10)
    l13 = l11 + l12
    l15a = l7 - l12
    ratio_text = f"{Decimal(l10.numerator) / l10.denominator:.3f}"
    lines |= {
        "line4": cents(l4), "line5": cents(l5), "line6": cents(l6), "line7": cents(l7),
        "line8": cents(l8), "line9": cents(l9), "line10": ratio_text, "line11": cents(l11),
        "line12": cents(l12), "line13": cents(l13), "line14": cents(l3 - l13),
        "line15a": cents(l15a), "line15b": "0.00", "line15c": cents(l15a),
    }  # fmt: skip
    l18 = Fraction(0)
    if l8 > 0:
        l18 = l8 - l11
        lines |= {"line16": cents(l8), "line17": cents(l11), "line18": cents(l18)}
    return case, lines | {"taxable": cents(l15a + l18)}


def room_case(rng: random.Random) -> tuple[Case, dict[str, Any] | None]:
    year = rng.choice(sorted(FACTS["annual_additions_415c"]))
    age = rng.choice([None, rng.randint(18, 49), rng.randint(50, 59), rng.randint(60, 63), 70])
    g402 = Fraction(FACTS["elective_deferral_402g"][year])
    c415 = Fraction(FACTS["annual_additions_415c"][year])
    tier_60_63 = FACTS["catch_up_age_60_to_63"].get(year)
    if age is None or age < 50:
        catch_limit = Fraction(0)
    elif 60 <= age <= 63 and tier_60_63:  # SECURE 2.0: replaces the 50+ catch-up
        catch_limit = Fraction(tier_60_63)
    else:
        catch_limit = Fraction(FACTS["catch_up_50_plus_414v"][year])
    deferrals = Fraction(rng.randint(0, int((g402 + catch_limit) * 100)), 100)
    employer = Fraction(rng.randint(0, int(c415 * 100)), 100) if rng.random() < 0.8 else 0
    compensation = money(rng) * 10 if rng.random() < 0.5 else None
    case = {"year": str(year), "deferrals": text(deferrals), "employer": text(employer)}
    if age is not None:
        case["age"] = str(age)
    if compensation is not None:
        case["compensation"] = text(compensation)
    catch_up = max(Fraction(0), deferrals - g402)  # IRC 414(v): outside 415(c)
    counted = deferrals - catch_up
    limit = c415 if compensation is None else min(c415, compensation)  # IRC 415(c)(1)(B)
    want = {
        "limit_415c": cents(c415),
        "deferral_limit": cents(g402),
        "catch_up_limit": cents(catch_limit),
        "catch_up": cents(catch_up),
        "after_tax_room": cents(max(Fraction(0), limit - counted - employer)),
    }
    return case, want


def schedule_case(rng: random.Random) -> tuple[Case, dict[str, Any] | None]:
    annual = Fraction(rng.randint(100, 10**7), 100)
    paychecks = rng.choice([1, 4, 12, 24, 26, 52, rng.randint(1, 60)])
    conversions = rng.choice([1, 2, 4, 12, 26, paychecks, rng.randint(1, 60)])
    rate = Fraction(rng.randint(-30, 40), 100)
    lag = rng.choice([0, 3, rng.randint(0, 30)])
    case = {
        "annual": text(annual),
        "paychecks": str(paychecks),
        "conversions": str(conversions),
        "annual_return": f"{rate * 100}%",
        "lag_days": str(lag),
    }
    # docs/cli.md: equal contributions at k/P; a conversion dated j/C converts what the
    # account holds on that date (a paycheck paid during the lag waits for the next one),
    # settling lag/365 later; growth (1 + r)^dt. Computed as exp(dt ln(1 + r)) at 40 digits.
    # whole-cent paychecks, leftover cents one each to the earliest (docs/cli.md)
    base, extra = divmod(int(annual * 100), paychecks)
    paid = [Decimal(base + (k < extra)) / 100 for k in range(paychecks)]
    with localcontext() as ctx:
        ctx.prec = 40
        log_growth = (Decimal(1) + Decimal(rate.numerator) / rate.denominator).ln()
        total = Decimal(0)
        for k in range(1, paychecks + 1):
            paid_at = Fraction(k, paychecks)
            j = next(j for j in range(1, conversions + 1) if Fraction(j, conversions) >= paid_at)
            dt = Fraction(j, conversions) + Fraction(lag, 365) - paid_at
            growth = (Decimal(dt.numerator) / dt.denominator * log_growth).exp() - 1
            total += paid[k - 1] * growth
    taxable = max(total, Decimal(0)) if rate >= 0 else Decimal(0)
    return case, {"taxable_earnings": f"{taxable.quantize(Decimal('0.01'), ROUND_HALF_UP):.2f}"}


ORACLES: dict[str, Callable[[random.Random], tuple[Case, dict[str, Any] | None]]] = {
    "prorata": prorata_case,
    "split": split_case,
    "form8606": form8606_case,
    "room": room_case,
    "schedule": schedule_case,
}
#: Exact agreement is required everywhere; a calculator could be given a tolerance here.
TOLERANCE: dict[str, Decimal] = {}


def _same(got: Any, want: Any, tolerance: Decimal | None) -> bool:
    if tolerance is None or got is None or want is None:
        return got == want
    return abs(Decimal(got) - Decimal(want)) <= tolerance


def run(name: str, case: Case) -> dict[str, Any] | str:
    calc = CALCULATORS[name]
    try:
        return calc.run(calc.build([], case)).figures()
    except InputError as exc:
        return f"refused: {exc}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    failed = 0
    for name, oracle in ORACLES.items():
        rng = random.Random(f"{args.seed}-{name}")
        disagreements = []
        for _ in range(args.cases):
            case, want = oracle(rng)
            got = run(name, case)
            if isinstance(got, str) or any(
                not _same(got.get(k), v, TOLERANCE.get(name)) for k, v in (want or {}).items()
            ):
                shown = got if isinstance(got, str) else {k: got.get(k) for k in want or {}}
                disagreements.append((case, want, shown))
        failed += len(disagreements)
        print(f"{name:>9}: {args.cases} cases, {len(disagreements)} disagreements", flush=True)
        for case, want, got in disagreements[:3]:
            print(f"    input {case}\n    oracle {want}\n    calc   {got}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
