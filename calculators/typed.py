"""A calculator's command as a member types it ("/split 23000 412", "basis: 1000", a
command line pasted): its values read as the console reads them, and the command written
back with those values, for Discord's options or the command line."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from calculators.catalog import (
    CALCULATORS,
    HELP_WORDS,
    as_command,
    calculator_typed,
    from_command_line,
    with_ira_joined,
)
from calculators.parse import InputError, shown


def values_of(parts: list[str]) -> tuple[list[str], dict[str, str]]:
    """Values in order, and named ones: ``name=value``, or ``name:value`` as Discord shows
    them (and the FAQ's examples quote them: ``/split basis:1000 earnings:5``), also with
    spaces around the sign. Any ``word:`` is a name, so a misspelt one is refused by name,
    not taken as a value."""
    positional: list[str] = []
    named: dict[str, str] = {}
    rest = with_ira_joined(_percent_joined(parts))  # ("traditional IRA" is one value)
    while rest:
        part = rest.pop(0)
        if rest and rest[0] in ("=", ":") and _NAME.fullmatch(part):  # "basis = 1000"
            part += rest.pop(0)
        found = _NAMED.match(part)
        if not found:
            positional.append(part)
            continue
        value = found["value"]
        if not value and rest and not _starts_a_name(rest):  # "basis: 1000"
            value = rest.pop(0)
        key = found["name"].lower().replace("-", "_")  # (tax-rate and tax_rate are one name)
        if key in named:  # "basis:1000 basis:2000": which one was meant?
            raise InputError(
                f"{key} is given twice ({shown(named[key])}, then {shown(value)}); give it once"
            )
        named[key] = value
    return positional, named


def _percent_joined(parts: list[str]) -> list[str]:
    """The words with a percent sign set apart made one with the number before it: "8 %"
    (as French typography spaces it, and as `rollover-bot calc --return "8 %"` takes it)
    was two values, and "/schedule 7000 26 4 8 %" was told "tax_rate: '%' is not a rate"."""
    joined: list[str] = []
    for part in parts:
        if part == "%" and joined and not joined[-1].endswith(("%", ":", "=")):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def _starts_a_name(rest: list[str]) -> bool:
    """Is the next token another name ("earnings:5", or "earnings" then "=")?"""
    return bool(_NAMED.match(rest[0])) or (
        len(rest) > 1 and rest[1] in ("=", ":") and bool(_NAME.fullmatch(rest[0]))
    )


_NAME = re.compile(r"[A-Za-z_][A-Za-z_-]*")


_NAMED = re.compile(r"(?P<name>[A-Za-z_][A-Za-z_-]*)[=:](?P<value>.*)", re.DOTALL)


#: The longest value written back as typed (a reply's length stays a reply's).
VALUE_CHARS = 40


@dataclass(frozen=True)
class Typed:
    """A calculator's command typed where a question goes."""

    name: str
    #: The command with the member's own values: as Discord's options name them ("/split
    #: basis:23000 earnings:412") and as a command line; None when no values were typed or
    #: they are refused.
    named: str | None = None
    command_line: str | None = None
    #: Why the values typed are refused, if they are.
    refused: str | None = None


def typed_command(text: str) -> Typed | None:
    """The calculator ``text`` is a command for (calculator_typed), with its values written
    back; None for a question. "/split 23000 412" was pointed at the calculator with its
    example's 1000 and 5, for the member to type their own numbers again."""
    name = calculator_typed(text)
    if name is None:
        return None
    calc = CALCULATORS[name]
    command, _, rest = (from_command_line(text) or as_command(text)).partition(" ")
    if not command.startswith("/") or not rest.strip() or rest.strip().lower() in HELP_WORDS:
        return Typed(name)  # ("help split", "/split help": no values)
    try:
        positional, named = values_of(shlex.split(rest))
        inp = calc.build(positional, named)
    except InputError as exc:  # (a ValueError: first)
        return Typed(name, refused=str(exc))
    except ValueError:  # (an unclosed quote: the console says so when it is run)
        return Typed(name)
    given = dict(zip(calc.params, positional, strict=False))
    given.update((key.replace("-", "_"), value) for key, value in named.items())
    # A choice as the model has it ("traditional" for "trad IRA"): the command line's
    # options take only those.
    values = {
        p: value if isinstance(value := getattr(inp, p), str) else given[p].strip()
        for p in calc.params
        if p in given
    }
    if any(len(v) > VALUE_CHARS for v in values.values()):
        return Typed(name)  # (3,000 zeros before "1000" is an amount: not one to echo)
    options = (f"{calc.option(p)} {shlex.quote(v)}" for p, v in values.items())
    return Typed(
        name,
        " ".join([f"/{name}", *(f"{p}:{v}" for p, v in values.items())]),
        " ".join(["rollover-bot calc", name, *options]),
    )
