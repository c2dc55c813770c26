"""Decimal helpers: one arithmetic context, cent rounding and display formats.

Every calculator does its arithmetic inside ``exact()`` so results never depend on
whatever Decimal context the caller (the Discord bot, a test) happens to have set.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal, localcontext

CENT = Decimal("0.01")
#: Multiplication in the steps as people read it. The JSON writes the letter x, as it
#: always has (docs/cli.md's values are a contract), and so does a terminal without it.
TIMES = "\u00d7"
ZERO = Decimal("0.00")
ONE = Decimal(1)

# 50 significant digits: amounts are capped at 1e9 dollars, so cent rounding of any
# quotient or power we form is exact in practice (ties at .005 are exact decimals).
_CONTEXT = Context(prec=50)


@contextmanager
def exact() -> Iterator[None]:
    """Run a block with the calculators' own high-precision Decimal context."""
    with localcontext(_CONTEXT):
        yield


def cents(value: Decimal) -> Decimal:
    """Round to cents half-up, the way a person rounds money (2.345 -> 2.35)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def share(amount: Decimal, part: Decimal, whole: Decimal) -> Decimal:
    """``amount x part / whole`` to cents, capped at ``amount``. Multiplies first and
    divides last, so an exact half cent (61.725) is seen as one and rounds up; dividing
    first (a ratio at 50 digits) can land a hair under the tie and round down."""
    if part >= whole:
        return cents(amount)
    return cents(amount * part / whole)


def floor_cents(value: Decimal) -> Decimal:
    """Round down (toward minus infinity) to cents."""
    return value.quantize(CENT, rounding=ROUND_FLOOR)


def places(value: Decimal, n: int) -> Decimal:
    """Round half-up to ``n`` decimal places (Form 8606 line 10 uses 3)."""
    return value.quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)


def with_letter_x(text: str) -> str:
    """``text`` with each multiplication sign written as the letter x ("$5.00 x 24%")."""
    return text.replace(TIMES, "x")


def money_str(value: Decimal) -> str:
    """JSON form of money: plain string with two decimals, e.g. ``"1005.00"``."""
    return f"{cents(value):.2f}"


def usd(value: Decimal) -> str:
    """Display form of money for steps: ``$1,005.00``, ``-$50.00``."""
    amount = cents(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,.2f}"


def counted(n: int, word: str, plural: str = "") -> str:
    """ "1 day", "3 days" (or, given ``plural``, "1 try", "3 tries"): a screen reader read
    "3 day(s)" out with its brackets, and a member read "1 days" as a slip."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def pct(rate: Decimal) -> str:
    """A fraction as a percent without noise: 0.24 -> ``24%``, 0.075 -> ``7.5%``."""
    value = (rate * 100).normalize()
    text = f"{value:f}"
    return f"{text}%"


def ratio_str(value: Decimal, n: int = 6) -> str:
    """A ratio as a number string, at most ``n`` places, trailing zeros dropped (0.2,
    0.990099): what JSON carries."""
    return f"{places(value, n).normalize():f}"


def ratio_words(value: Decimal, n: int = 6) -> str:
    """A ratio for a step a person reads: one too small for ``n`` places is "less than
    0.000001", not a 0 beside a nonzero result."""
    if value > 0 and places(value, n) == 0:
        return f"less than {Decimal(1).scaleb(-n):f}"
    return ratio_str(value, n)


def account_step(basis: Decimal, earnings: Decimal) -> str:
    """The worked example's first line: what the after-tax account holds."""
    if earnings < 0:
        return (
            f"Account: {usd(basis)} of after-tax contributions (basis) less a {usd(-earnings)} "
            f"market loss = {usd(basis + earnings)}."
        )
    return (
        f"Account: {usd(basis)} of after-tax contributions (basis) + {usd(earnings)} of earnings "
        f"(pretax) = {usd(basis + earnings)}."
    )
