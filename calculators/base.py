"""Shared pieces of every calculator: validated input models and the result shape.

Input models raise ``InputError`` (not pydantic's ValidationError) when built with bad
values, so every front end (CLI, slash command, console) catches one exception type and
shows its message as is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, ClassVar, NamedTuple

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from calculators.money import CENT, pct, usd, with_letter_x
from calculators.parse import (
    AMOUNT_HINT,
    MAX_AMOUNT,
    MAX_COUNT,
    RATE_HINT,
    InputError,
    check_count,
    parse_amount,
    parse_int,
    parse_rate,
    refuse_per_year_word,
    shown,
)

MAX_AGE = 130
#: The house rule's one wording, under every answer, calculator result and chart, in
#: Discord, the console and the command line (knowledge.layout takes it from here: the
#: calculators need nothing of the FAQ's). The calculators had their own ("...: check your
#: own figures and forms"), so `rollover-bot calc` and `ask` said it in two ways.
NOT_TAX_ADVICE = (
    "General information, not tax advice. Check your plan's documents and a tax "
    "professional before acting."
)


#: Rates this high are legal input but usually a typo ("1" meant as 1%, "50" as 5%).
HIGH_RETURN = Decimal("0.5")
HIGH_TAX_RATE = Decimal("0.6")


def unusual_rates(
    *, tax_rate: Decimal | None = None, annual_return: Decimal | None = None
) -> list[str]:
    """Warnings for rates that are probably not what the person meant."""
    warnings = []
    if annual_return is not None and annual_return >= HIGH_RETURN:
        # A fraction below 1 may have meant a percent ("0.6" for 0.6%); 100% never does.
        # How it was typed is not known here ("60%" or "0.6"), so the hint states the rule.
        fraction = f"{annual_return.normalize():f}"
        hint = (
            f" ({fraction} without a % sign reads as {pct(annual_return)};"
            f" for {fraction} percent, write {fraction}%)"
            if annual_return < 1
            else ""
        )
        warnings.append(f"An annual return of {pct(annual_return)} is very high; check it{hint}.")
    if tax_rate is not None and tax_rate >= HIGH_TAX_RATE:
        warnings.append(
            f"A tax rate of {pct(tax_rate)} is above any US federal bracket plus state "
            "tax for most people; check the rate (write it with a % sign, like 24%)."
        )
    return warnings


def _money(value: Decimal, *, allow_negative: bool) -> Decimal:
    if not value.is_finite():
        raise InputError(f"not a finite number; {AMOUNT_HINT}")
    if value != value.quantize(CENT):
        raise InputError("has more than 2 decimal places; amounts are dollars and cents")
    if abs(value) > MAX_AMOUNT:
        raise InputError(f"is too large; amounts up to {usd(MAX_AMOUNT)} are accepted")
    if value < 0 and not allow_negative:
        raise InputError(f"{usd(value)}: this amount can't be negative")
    return value.quantize(CENT)


def _unsigned_money(value: Decimal) -> Decimal:
    return _money(value, allow_negative=False)


def _signed_money(value: Decimal) -> Decimal:
    return _money(value, allow_negative=True)


def _rate(value: Decimal) -> Decimal:
    if not value.is_finite() or not 0 <= value <= 1:
        raise InputError(f"must be a fraction from 0 to 1 (0% to 100%); {RATE_HINT}")
    return value


def _return(value: Decimal) -> Decimal:
    if not value.is_finite() or not -1 < value <= 1:
        raise InputError("must be above -100% and at most 100% (as a fraction, -1 < r <= 1)")
    return value


# Text is run through the same parsers the front ends use, so ``SplitInput(basis="$1,000")``
# works and fails with the same messages; numbers are taken as they are (rates as fractions).
def _text_amount(value: Any) -> Any:
    return parse_amount(value) if isinstance(value, str) else value


def _text_signed_amount(value: Any) -> Any:
    return parse_amount(value, allow_negative=True) if isinstance(value, str) else value


def _text_rate(value: Any) -> Any:
    return parse_rate(value) if isinstance(value, str) else value


def _text_return(value: Any) -> Any:
    return parse_rate(value, allow_negative=True) if isinstance(value, str) else value


def _text_int(value: Any) -> Any:
    return parse_int(value) if isinstance(value, str) else value


def _text_age(value: Any) -> Any:
    # (An age's example is an age: "like 12" read as a child's, and the command line says 55.)
    return parse_int(value, like="55") if isinstance(value, str) else value


def _text_per_year(value: Any) -> Any:
    if isinstance(value, str):
        refuse_per_year_word(value)
        return parse_int(value)
    return value


def _per_year(value: int) -> int:
    return check_count(value, minimum=1, maximum=MAX_COUNT)


def _age(value: int) -> int:
    return check_count(value, minimum=0, maximum=MAX_AGE)


Money = Annotated[Decimal, BeforeValidator(_text_amount), AfterValidator(_unsigned_money)]
"""Dollars and cents, zero or more."""
SignedMoney = Annotated[
    Decimal, BeforeValidator(_text_signed_amount), AfterValidator(_signed_money)
]
"""Dollars and cents that may be negative (earnings after a market loss)."""
Rate = Annotated[Decimal, BeforeValidator(_text_rate), AfterValidator(_rate)]
"""A tax rate as a fraction, 0 to 1 (text such as "24%" is parsed)."""
ReturnRate = Annotated[Decimal, BeforeValidator(_text_return), AfterValidator(_return)]
"""An investment return as a fraction, above -1 and at most 1 (text such as "-5%" is parsed)."""
WholeNumber = Annotated[int, BeforeValidator(_text_int)]
"""A whole number; text is parsed strictly ("2.5" and "abc" are rejected)."""
PerYear = Annotated[int, BeforeValidator(_text_per_year), AfterValidator(_per_year)]
"""Events a year (paychecks, conversions): 1 to 365."""
Age = Annotated[int, BeforeValidator(_text_age), AfterValidator(_age)]
"""Age attained by December 31: 0 to 130."""


def _message(exc: ValidationError) -> tuple[str, str | None]:
    err = exc.errors()[0]
    field = ".".join(str(part) for part in err["loc"]) or None
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, InputError):
        text = str(cause)
        if cause.field:  # a cross-field check already names what it is about
            return text, cause.field
        return (f"{field}: {text}" if field else text), field
    if err["type"] == "missing":
        text = "no value given"
    elif err["type"] == "literal_error":  # a choice: name what was given and the choices
        text = f"{shown(err['input'])} is not {err['ctx']['expected']}"
    else:
        text = err["msg"]
    return (f"{field}: {text}" if field else text), field


class CalcInput(BaseModel):
    """Base of the input models: immutable, no unknown fields, InputError on bad values."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            text, field = _message(exc)
            raise InputError(text, field) from None


class Source(NamedTuple):
    """A primary source a calculator follows, as a reply links it."""

    title: str
    url: str


#: Sources more than one calculator follows (titles as the FAQ's entries cite them).
IRS_AFTER_TAX_ROLLOVERS = Source(
    "IRS, Rollovers of after-tax contributions",
    "https://www.irs.gov/retirement-plans/rollovers-of-after-tax-contributions-in-retirement-plans",
)
NOTICE_2014_54 = Source("IRS Notice 2014-54", "https://www.irs.gov/pub/irs-drop/n-14-54.pdf")


class CalcResult(BaseModel):
    """Base of the result models: figures plus the worked example and warnings."""

    model_config = ConfigDict(frozen=True)

    name: ClassVar[str]
    title: ClassVar[str]
    sources: ClassVar[tuple[Source, ...]]
    """The primary sources the steps rest on, the main one first: a reply names them beside
    its figures, as an FAQ answer does (the steps cite each one where it applies)."""

    steps: list[str]
    """The worked example in plain sentences, with numbers, rules and sources."""
    warnings: list[str]
    """Things the user should act on or double-check."""

    def figures(self) -> dict[str, Any]:
        """The calculator's keys as in docs/cli.md (money as strings)."""
        raise NotImplementedError

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) pairs for the headline figures, for a table or an embed."""
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The JSON object the CLI prints with --json: figures, steps and warnings (with
        the letter x for multiplication, as ever: scripts match on it)."""
        return {
            "calculator": self.name,
            **self.figures(),
            "steps": [with_letter_x(step) for step in self.steps],
            "warnings": [with_letter_x(warning) for warning in self.warnings],
        }
