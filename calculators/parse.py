"""Parse what a person types (CLI option, slash-command field, console) into Decimals.

Accepted amounts: ``1000``, ``1000.5``, ``1,000.50``, ``$1,000.50``, and thousands as
people write them, ``10k`` or ``$1.2k`` (negative only where the caller allows it, e.g.
earnings after a market loss); ``1e3`` is refused. Accepted rates: ``0.24``, ``24%``,
``24``: with a ``%`` sign the number is a percent; without one, a number below 1 is a
fraction (0.24 = 24%) and a number above 1 is a percent (24 = 24%). A bare ``1`` could be
either (100% or 1%) and is refused with both spellings.
Everything else raises ``InputError`` whose message says what is wrong and what is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from calculators.money import exact, usd

MAX_AMOUNT = Decimal("1000000000.00")  # one billion dollars: far above any real account
MAX_COUNT = 365  # paychecks or conversions a year: daily at most
MAX_RATE_PLACES = 10  # decimal places of a rate as a fraction: 24.12345678% at most

#: How often, as payroll and plans name it, and the count a year that means. A count is
#: asked for (27 paychecks is a real year), so a word is answered with its count rather
#: than read as one: "--paychecks biweekly" was only "not a whole number".
PER_YEAR_WORDS = {
    "weekly": 52,
    "biweekly": 26,
    "fortnightly": 26,
    "everytwoweeks": 26,
    "semimonthly": 24,
    "twiceamonth": 24,
    "twicemonthly": 24,
    "monthly": 12,
    "quarterly": 4,
    "semiannually": 2,
    "semiannual": 2,
    "twiceayear": 2,
    "annually": 1,
    "annual": 1,
    "yearly": 1,
    "onceayear": 1,
}

AMOUNT_HINT = "use a dollar amount like 1000, 1000.50, 1,000.50, $1,000.50 or 10k"
RATE_HINT = "use a rate like 0.24, 24% or 24 (all mean 24%)"

_MINUS = ("-", "\u2212")  # ASCII hyphen-minus and the Unicode minus sign people paste
_SIGNS = (*_MINUS, "+")
#: Dashes that look like a minus sign in front of a number ("–500", from a word processor's
#: autocorrect or a copied statement): no value takes them as one, and "is not an amount"
#: beside what looks like -500 said nothing of why.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u02d7\u2796\ufe58\ufe63"
_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]+))?", re.ASCII)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)
_INTEGER = re.compile(r"[0-9]+", re.ASCII)
_THOUSANDS = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*[kK]", re.ASCII)
_EXPONENT = re.compile(r"[0-9.]+[eE][+-]?[0-9]+", re.ASCII)
#: A negative amount as statements and spreadsheets show one: "($200)".
_BRACKETED = re.compile(r"\(\s*([^()]*?)\s*\)")


class InputError(ValueError):
    """Invalid user input; ``str(exc)`` is one sentence fit to show the user as is."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def shown(text: str, limit: int = 40) -> str:
    """A user's value quoted for an error message: one line, and short, however long or
    multi-line the input was (messages must stay one line and fit a chat reply)."""
    flat = " ".join(str(text).split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _label(field: str | None) -> str:
    return f"{field}: " if field else ""


def _other_digits(raw: str) -> str:
    """Why a value that looks like a number to whoever typed it is none here: it has digits
    other than 0-9 (a Chinese or Japanese keyboard's full-width "１０００", "١٠٠٠"), which
    "is not an amount; use ... 1000" did not say, shown beside what looks like 1000; or a
    full-width sign ("24％", "＄1000", "1，000"), beside "use ... 24%" as much a puzzle; a
    dash for a minus sign ("–500"); or an invisible character pasted along (a zero-width
    space)."""
    if any(ch.isdigit() and not ch.isascii() for ch in raw):
        return ": it has digits other than 0-9 (full-width ones, or another script's)"
    if wide := next((ch for ch in raw if "\uff01" <= ch <= "\uff5e"), None):
        plain = chr(ord(wide) - 0xFEE0)  # (the block is ASCII's 0x21-0x7E, moved)
        return f": its {wide} is a full-width one (a Chinese or Japanese keyboard's), not {plain}"
    lead = raw.lstrip("$ \t")[:1]
    if lead and lead in _DASHES:
        return f": it starts with a dash ({lead}, U+{ord(lead):04X}), not the minus sign -"
    if unseen := next((ch for ch in raw if unicodedata.category(ch) in ("Cc", "Cf")), None):
        return f": it has an invisible character in it (U+{ord(unseen):04X}, pasted along)"
    return ""


def _split_sign(text: str) -> tuple[bool, str] | None:
    """Strip one sign, before or after a '$' ('-5', '-$5', '$-5'); None if signs repeat."""
    body = text
    signs: list[str] = []
    for allow_dollar in (True, False):
        if body[:1] in _SIGNS:
            signs.append(body[0])
            body = body[1:].lstrip()
        if allow_dollar and body.startswith("$"):
            body = body[1:].lstrip()
    if len(signs) > 1:
        return None
    return bool(signs) and signs[0] in _MINUS, body


def parse_amount(
    text: str | None, field: str | None = None, *, allow_negative: bool = False
) -> Decimal:
    """A dollar amount in cents as a Decimal with two places, e.g. ``Decimal('1000.50')``."""
    label = _label(field)
    raw = "" if text is None else str(text).strip()
    if not raw:
        raise InputError(f"{label}the value is empty; {AMOUNT_HINT}", field)
    if allow_negative and (bracketed := _bracketed_amount(raw)) is not None:
        # (Not taken as the loss: "(200)" may as well be a note; the minus sign is sure.)
        raise InputError(
            f"{label}{shown(raw)} is not an amount; for a loss, write -{bracketed}", field
        )
    signed = _split_sign(raw)
    negative, body = signed if signed is not None else (False, "")
    thousands = _THOUSANDS.fullmatch(body)
    if signed is not None and thousands is not None:
        digits = thousands.group(1)
        # Decide size and cents from the exact input before any arithmetic: in the default
        # 28-digit context a 24+ digit amount made quantize raise, and a long fraction
        # (1.0000000000000000000000000001k) was rounded silently to whole cents.
        if Decimal(digits) > MAX_AMOUNT.scaleb(-3):  # comparisons are exact
            raise InputError(
                f"{label}{shown(raw)} is too large; amounts up to {usd(MAX_AMOUNT)} are accepted",
                field,
            )
        if len(digits.partition(".")[2].rstrip("0")) > 5:  # x 1000 leaves over 2 places
            raise InputError(
                f"{label}{shown(raw)} is not a whole number of cents; write it out, like 1234.56",
                field,
            )
        with exact():  # at most 12 digits now, so exact in any context; ours to be sure
            scaled = Decimal(digits).scaleb(3)
        body = f"{scaled:.2f}"
    elif _EXPONENT.fullmatch(body):
        raise InputError(
            f"{label}{shown(raw)} is scientific notation; write the amount out, like 1000 or 10k",
            field,
        )
    match = _AMOUNT.fullmatch(body)
    if signed is None or not body or match is None or body == ".":
        listed = body[:-1]
        if (
            body.endswith(",")
            and listed.strip(".")
            and (_AMOUNT.fullmatch(listed) or _THOUSANDS.fullmatch(listed))
        ):
            # ("/split 1000, 5": a list's comma, not a thousands one)
            raise InputError(
                f"{label}{shown(raw)} ends with a comma: separate values with spaces, not commas",
                field,
            )
        whole = body.partition(".")[0]
        if (
            re.fullmatch(r"[0-9,]+(?:\.[0-9]*)?", body, re.ASCII)
            and "," in whole
            and not re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", whole, re.ASCII)
        ):  # (commas as written: '1,000.' is refused for its dot, not its commas)
            raise InputError(
                f"{label}{shown(raw)} has misplaced commas; commas may only separate thousands "
                f"(1,000 or 1,000,000); {AMOUNT_HINT}",
                field,
            )
        raise InputError(
            f"{label}{shown(raw)} is not an amount{_other_digits(raw)}; {AMOUNT_HINT}", field
        )
    decimals = match.group(1)
    if decimals is not None and len(decimals) > 2:
        raise InputError(
            f"{label}{shown(raw)} has more than 2 decimal places; amounts are dollars and cents, "
            "like 1000.55",
            field,
        )
    value = Decimal(body.replace(",", "") or "0")
    if value > MAX_AMOUNT:
        raise InputError(
            f"{label}{shown(raw)} is too large; amounts up to {usd(MAX_AMOUNT)} are accepted", field
        )
    if negative and value != 0:
        if not allow_negative:
            raise InputError(
                f"{label}{shown(raw)}: this amount can't be negative; write it like 1000 or "
                "$1,000.50",
                field,
            )
        value = -value
    return value.quantize(Decimal("0.01"))


def _bracketed_amount(raw: str) -> str | None:
    """The amount inside brackets, "($200)", as typed ("$200"); None for anything else.
    A statement's way of showing a loss, which "is not an amount" alone did not explain."""
    inside = _BRACKETED.fullmatch(raw)
    if inside is None:
        return None
    try:
        parse_amount(inside[1])
    except InputError:
        return None
    return inside[1]


def parse_rate(
    text: str | None,
    field: str | None = None,
    *,
    allow_negative: bool = False,
) -> Decimal:
    """A rate as a fraction (``'24%'`` -> ``Decimal('0.24')``), from -100% (excluded) to 100%."""
    label = _label(field)
    raw = "" if text is None else str(text).strip()
    if not raw:
        raise InputError(f"{label}the value is empty; {RATE_HINT}", field)
    body = raw
    percent = body.endswith("%")
    if percent:
        body = body[:-1].rstrip()
    negative = False
    if body[:1] in _SIGNS:
        negative = body[0] in _MINUS
        body = body[1:].lstrip()
    if not _NUMBER.fullmatch(body):
        raise InputError(
            f"{label}{shown(raw)} is not a rate{_other_digits(raw)}; {RATE_HINT}", field
        )
    try:
        number = Decimal(body)
    except InvalidOperation:  # pragma: no cover - the regex admits only plain decimals
        raise InputError(f"{label}{shown(raw)} is not a rate; {RATE_HINT}", field) from None
    if negative and number != 0 and not allow_negative:
        raise InputError(f"{label}{shown(raw)} is negative; a rate must be 0% to 100%", field)
    if not percent and number == 1:
        if negative:  # (-100% is refused anyway: a loss stays below it)
            raise InputError(f"{label}{shown(raw)} is unclear; for a 1% loss write -1%", field)
        raise InputError(
            f"{label}{shown(raw)} could mean 100% or 1%; write 100% or 1% (or 0.01)", field
        )
    # Without '%', numbers above 1 are percents ("24" is 24%); below 1 they are fractions.
    scaled = percent or number > 1
    # Bound the precision before dividing: in a 28-digit context a long fraction such as
    # 0.999999999999999999999999999999999999 rounded (via normalize) to 1, i.e. 100%.
    places = len(body.partition(".")[2].rstrip("0")) + (2 if scaled else 0)
    if places > MAX_RATE_PLACES:
        raise InputError(
            f"{label}{shown(raw)} has too many decimal places for a rate; use at most "
            f"{MAX_RATE_PLACES - 2} after the point as a percent (24.125%) or "
            f"{MAX_RATE_PLACES} as a fraction (0.24125)",
            field,
        )
    with exact():  # the calculators' own context, so nothing below rounds
        fraction = number / 100 if scaled else number
    if negative and fraction != 0:  # (before the check below: -150% is not "above 100%")
        if fraction >= 1:
            raise InputError(
                f"{label}{shown(raw)} would wipe out the account; a loss must be smaller than 100%",
                field,
            )
        fraction = -fraction
    elif fraction > 1:
        raise InputError(f"{label}{shown(raw)} is above 100%; {RATE_HINT}", field)
    with exact():
        return fraction.normalize() if fraction != 0 else Decimal(0)


def parse_int(text: str | None, field: str | None = None, *, like: str = "12") -> int:
    """A whole number written with digits (``"26"``); no signs, decimals or exponents.
    ``like`` is the example the messages give (a year's is a year)."""
    label = _label(field)
    raw = "" if text is None else str(text).strip()
    if not raw:
        raise InputError(f"{label}the value is empty; use a whole number like {like}", field)
    body = raw[1:] if raw[0] == "+" else raw
    if body[:1] in _MINUS and _INTEGER.fullmatch(body[1:]):
        if body.strip("0") in _MINUS:  # (-0 is 0, as an amount's is: no negative to refuse)
            body = body[1:]
        else:
            raise InputError(
                f"{label}{shown(raw)} is negative; use a whole number like {like}", field
            )
    if not _INTEGER.fullmatch(body):
        raise InputError(
            f"{label}{shown(raw)} is not a whole number{_other_digits(raw)}; use digits like "
            f"{like}",
            field,
        )
    if len(body) > 9:  # (no count or year here has more than a few digits)
        raise InputError(f"{label}{shown(raw)} is far too large; use a number like {like}", field)
    return int(body)


def check_count(
    value: int, field: str | None = None, *, minimum: int = 1, maximum: int = MAX_COUNT
) -> int:
    """``value`` if it is within [minimum, maximum], else InputError saying the range."""
    if not minimum <= value <= maximum:
        raise InputError(
            f"{_label(field)}{value} is out of range; "
            f"use a whole number from {minimum} to {maximum}",
            field,
        )
    return value


def per_year_count(word: str) -> int | None:
    """The count a year a frequency word names ("bi-weekly": 26), else None."""
    return PER_YEAR_WORDS.get(re.sub(r"[\s_-]+", "", word).casefold())


def refuse_per_year_word(text: str, field: str | None = None) -> None:
    """InputError giving the count a year ``text`` names, if it is a frequency word
    ("biweekly", "semi-monthly", "twice a month")."""
    if (n := per_year_count(str(text))) is not None:
        raise InputError(f"{_label(field)}{shown(text)} is {n} a year; give the count, {n}", field)


def parse_per_year(text: str | None, field: str | None = None) -> int:
    """Paychecks or conversions a year: a whole number from 1 to MAX_COUNT."""
    if text is not None:
        refuse_per_year_word(text, field)
    return parse_count(text, field)


def parse_count(
    text: str | None,
    field: str | None = None,
    *,
    minimum: int = 1,
    maximum: int = MAX_COUNT,
) -> int:
    """A whole number in [minimum, maximum] (paychecks, conversions a year)."""
    return check_count(parse_int(text, field), field, minimum=minimum, maximum=maximum)
