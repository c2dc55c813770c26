"""The calculators by name, with their inputs in a fixed order, for front ends that take
short positional input (the console's ``/split 1000 5``, Discord's slash commands)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_origin

from pydantic import TypeAdapter, ValidationError

from calculators.base import CalcInput, CalcResult
from calculators.form8606 import Form8606Input, form8606
from calculators.parse import InputError, per_year_count, shown
from calculators.prorata import ProrataInput, prorata
from calculators.room import RoomInput, room
from calculators.schedule import ScheduleInput, schedule
from calculators.split import SplitInput, split


@dataclass(frozen=True)
class Calculator:
    name: str
    summary: str
    model: type[CalcInput]
    run: Callable[[Any], CalcResult]
    #: Input fields in the order positional values fill them.
    params: tuple[str, ...]
    example: str

    @property
    def named_example(self) -> str:
        """The example with each value named, as Discord's slash commands take it
        ("/split basis:1000 earnings:5"; the console takes both)."""
        command, *values = self.example.split()
        return " ".join([command, *(f"{p}:{v}" for p, v in zip(self.params, values, strict=False))])

    @property
    def cli_example(self) -> str:
        """The example as a command line ("rollover-bot calc split --basis 1000 --earnings 5")."""
        _, *values = self.example.split()
        options = map(self.option, self.params)
        pairs = (f"{option} {value}" for option, value in zip(options, values, strict=False))
        return " ".join(["rollover-bot calc", self.name, *pairs])

    @staticmethod
    def option(param: str) -> str:
        """The command line's option for an input ("--earnings-to"; "--return")."""
        return _OPTIONS.get(param, "--" + param.replace("_", "-"))

    def build(self, positional: Sequence[str], named: Mapping[str, str]) -> CalcInput:
        """The validated input, or ``InputError`` saying what is wrong and what is accepted."""
        # (First: "/prorata 10 000 2 000 5 000" is three amounts, not six values.)
        _no_spaced_thousands(positional)
        if len(positional) > len(self.params):
            raise InputError(
                f"/{self.name} takes at most {len(self.params)} values "
                f"({' '.join(self.params)}); for example: {self.example}"
            )
        values: dict[str, str] = dict(zip(self.params, positional, strict=False))
        for key, value in named.items():
            field = key.replace("-", "_")
            if field not in self.params:
                raise InputError(
                    f"/{self.name} has no {shown(key)}; it takes {', '.join(self.params)}"
                )
            if field in values:  # "/split 1000 5 basis=2000": which basis was meant?
                raise InputError(f"{field} is given twice, in order and by name; give it once")
            values[field] = value
        try:
            return self.model(**{k: v.strip() for k, v in values.items()})
        except InputError as exc:
            field = exc.field
            if positional and field in self.params and field not in values:
                # "/room 24500 10000": a value left out moved the others up one, and the
                # last one needed is "not given": say the order they fill.
                raise InputError(
                    f"{exc}; values fill {', '.join(self.params)} in that order", field
                ) from None
            # Only an optional choice can be skipped to reach a later value: a number out of
            # its range ("age 200") is more likely a typo than a value meant for another field.
            if field not in self.params[: len(positional)] or not self._optional_choice(field):
                raise
            later = self._fits_later(values[field].strip(), field, values)
            if later is None:
                raise
            # "/split 1000 5 24%": the rate landed in earnings_to; say how to skip ahead.
            raise InputError(
                f"{exc}; values fill {', '.join(self.params)} in that order, so name a later "
                f"one: {later}:{values[field].strip()}",
                field,
            ) from None

    def _optional_choice(self, field: str) -> bool:
        info = self.model.model_fields[field]
        return not info.is_required() and get_origin(info.annotation) is Literal

    def _fits_later(self, value: str, field: str, values: Mapping[str, str]) -> str | None:
        """The first field after ``field``, not given, that ``value`` is valid for alone."""
        for later in self.params[self.params.index(field) + 1 :]:
            if later in values:
                continue
            info = self.model.model_fields[later]
            kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
            try:
                TypeAdapter(kind).validate_python(value)
            except ValidationError:  # (an InputError in a validator arrives as one)
                continue
            return later
        return None

    def __call__(self, positional: Sequence[str], named: Mapping[str, str]) -> CalcResult:
        return self.run(self.build(positional, named))


#: A calculator's value as typed: a word with a digit in it, whatever the calculator makes
#: of it: an amount, a rate or a year ("1000", "$1.2k", "24%", "2026"), with a sign where a
#: loss goes ("-50", "-$50", "\u221210%"), or one it will refuse, saying why ("1e9", "1_000",
#: "5" and a zero-width space); a percent sign set apart ("24 %"), a number as a program
#: spells one ("NaN", "inf", "∞"), a destination, or a name given a value ("basis:1000").
#: ("/split 1e9 5" was matched as a question, "not sure enough", and kept for moderators as
#: one the FAQ missed, while "/split 1000 -50" was pointed at the calculator.)
_VALUE = re.compile(
    r"\S*\d\S*|%|[-\u2212+]?(?:nan|inf|infinity|\u221e)|(?:roth|trad(?:itional)?)(?:[_-]?ira)?|"
    r"[rt]ira|[a-z_][a-z_-]*[=:]\S+",
    re.IGNORECASE,
)


def all_values(words: Sequence[str]) -> bool:
    """Every word a calculator value: "split 1000 5" (or "/split basis:1000 earnings:5")
    is the calculator typed as a question; "split $1000 after-tax: can the $5 go to a
    traditional IRA?" is a question."""
    return all(
        _VALUE.fullmatch(word) or _per_year_word(word)
        for word in with_ira_joined(_names_joined(words))
    )


def _per_year_word(word: str) -> bool:
    """A frequency word ("biweekly"), which /schedule answers with its count: "/schedule
    30000 biweekly 4 8%" was matched as a question, "not sure enough"."""
    return per_year_count(word.rpartition(":")[2]) is not None


#: A word that ends with where the earnings go: "roth", "trad", "earnings_to:traditional".
_DESTINATION_END = re.compile(r"(?:^|[=:])(?:roth|trad|traditional)$", re.IGNORECASE)


def with_ira_joined(words: Sequence[str]) -> list[str]:
    """The words with where the earnings go and the "IRA" after it made one value, as
    people write it ("/split 1000 5 traditional IRA" read "IRA" as the tax rate, and
    "earnings_to: trad ira" gave earnings_to twice): "traditional_IRA", which /split takes."""
    joined: list[str] = []
    for word in words:
        if joined and word.lower() == "ira" and _DESTINATION_END.search(joined[-1]):
            joined[-1] += "_" + word
        else:
            joined.append(word)
    return joined


def as_command(text: str) -> str:
    """``text`` with a command typed on a full-width keyboard (Japanese, Chinese) made
    plain: "／ｓｐｌｉｔ　1000　5" is "/split 1000 5". Only the slash and the name are read
    so, and the spaces between words; the values stay as typed, so "１０００" is still told
    it has digits other than 0-9. Anything else comes back as it was."""
    first, *rest = text.split(maxsplit=1) or [""]
    name = unicodedata.normalize("NFKC", first)
    if not name.startswith("/") or (name == first and text.startswith(first + " ")):
        return text
    # (Other spaces as ASCII ones, which the console's shlex splits at; line breaks kept.)
    spaced = "".join(" " if c.isspace() and not c.isascii() else c for c in "".join(rest))
    return f"{name} {spaced}" if rest else name


#: Words that ask how to use a calculator, said after its name ("/split help") or before
#: it ("help split"), as the console takes them.
HELP_WORDS = frozenset({"help", "?", "/help", "--help", "-h"})


#: The command line's words for a calculator, "rollover-bot calc split", and its options.
_COMMAND_LINE = ("rollover-bot", "calc")
_OPTION = re.compile(r"--?[a-z][a-z-]*(?:=\S+)?", re.IGNORECASE)


def from_command_line(text: str) -> str | None:
    """A command line pasted where a question goes ("rollover-bot calc split --basis 1000
    --earnings 5", or from "calc" on) as the slash command's words ("/split basis:1000
    earnings:5"); None for other text. It was matched as a question, and answered with the
    split entry's "Yes."."""
    words = as_command(text).split()
    # (The program as the README runs it, ".venv/bin/rollover-bot", is the same command.)
    start = 1 if words[:1] and _program(words[0]) == _COMMAND_LINE[0] else 0
    if words[start : start + 1] != [_COMMAND_LINE[1]] or len(words) < start + 2:
        return None
    name, rest, out = words[start + 1], words[start + 2 :], []
    while rest:
        word = rest.pop(0)
        if not _OPTION.fullmatch(word) or word.lower() in HELP_WORDS:
            out.append(word)  # (a value, or a word of a question: not a command then)
        elif "=" in word:
            option, _, value = word.partition("=")
            out.append(f"{_input_named(option)}:{value}")
        elif rest and not _OPTION.fullmatch(rest[0]):
            out.append(f"{_input_named(word)}:{rest.pop(0)}")
        # (else a switch such as --json: nothing to read)
    return " ".join(["/" + name.removeprefix("/"), *out])


def _program(word: str) -> str:
    """A command's program name without its folder (".venv/bin/rollover-bot")."""
    return word.replace("\\", "/").rpartition("/")[2]


def _input_named(option: str) -> str:
    """The input a command-line option sets: "--return" is /schedule's annual_return."""
    name = option.lstrip("-")
    return _INPUTS.get(name.lower(), name)


def calculator_typed(text: str) -> str | None:
    """The calculator a question is a command for, if it is one: "/split 1000 5", or an
    answer's example copied ("/split basis:1000 earnings:5"), every word after the name a
    value (a full-width "／split" too), or how to use it asked ("/split help", "help
    split"). The FAQ has no answer to that; the calculator has."""
    name, *values = (from_command_line(text) or as_command(text)).split() or [""]
    if name.lower() in HELP_WORDS and len(values) == 1:  # ("help split": that one's help)
        name, values = "/" + values[0].removeprefix("/"), [name]
    if not name.startswith("/") or name[1:].lower() not in CALCULATORS:
        return None
    if len(values) == 1 and values[0].lower() in HELP_WORDS:
        return name[1:].lower()  # (its hint says how to run it, with an example)
    if not all_values(values):
        return None  # ("/split or not? ..." asks a question)
    return name[1:].lower()


_NAME = re.compile(r"[a-z_][a-z_-]*", re.IGNORECASE)


def _names_joined(words: Sequence[str]) -> list[str]:
    """The words with a name and its value made one, as the console reads them: "basis:
    1000" and "basis = 1000" are "basis:1000" (a space after the colon is a common slip,
    and it sent "/split basis: 1000 earnings: 5" to the matcher as a question)."""
    joined: list[str] = []
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if len(rest) > 1 and rest[0] in ("=", ":") and _NAME.fullmatch(word):
            word += rest.pop(0)
        if rest and word[-1:] in ("=", ":") and _NAME.fullmatch(word[:-1]):
            word += rest.pop(0)
        joined.append(word)
    return joined


#: The CLI options not named like their input.
_OPTIONS = {"annual_return": "--return"}
_INPUTS = {option.lstrip("-"): name for name, option in _OPTIONS.items()}


#: "1 000": a number of at most three digits, then three digits that start with 0 (an amount
#: is never written "000" or "050" on its own, so the two are one amount split by a space).
_SPACED = re.compile(r"\$?\d{1,3}")
_THOUSANDS = re.compile(r"0\d\d(?:[.,]\d+)?")


def _no_spaced_thousands(positional: Sequence[str]) -> None:
    """InputError for values that are one amount with a space for its thousands separator
    ("/split 1 000 5" would read basis $1, earnings $0 and '5' as where the earnings go)."""
    for before, value in itertools.pairwise(v.strip() for v in positional):
        if _SPACED.fullmatch(before) and _THOUSANDS.fullmatch(value):
            raise InputError(
                f"'{before} {value}' looks like one amount with a space in it: write "
                f"{before}{value} or {before},{value} (a space separates values)"
            )


CALCULATORS: dict[str, Calculator] = {
    c.name: c
    for c in (
        Calculator(
            "split",
            "where a rollover of after-tax money goes, and the 1099-R",
            SplitInput,
            split,
            ("basis", "earnings", "earnings_to", "tax_rate"),
            "/split 1000 5",
        ),
        Calculator(
            "prorata",
            "the taxable share of a partial after-tax distribution",
            ProrataInput,
            prorata,
            ("basis", "earnings", "amount"),
            "/prorata 20000 80000 50000",
        ),
        Calculator(
            "form8606",
            "Form 8606 for a backdoor Roth (pro-rata rule)",
            Form8606Input,
            form8606,
            (
                "contribution",
                "year_end_balance",
                "converted",
                "prior_basis",
                "distributions",
                "late_contribution",
                "deductible",
            ),
            "/form8606 7000 0 7000",
        ),
        Calculator(
            "room",
            "after-tax room left under the annual additions limit",
            RoomInput,
            room,
            ("year", "deferrals", "employer", "age", "compensation"),
            "/room 2026 24500 10000",
        ),
        Calculator(
            "schedule",
            "taxable earnings for a number of conversions a year",
            ScheduleInput,
            schedule,
            ("annual", "paychecks", "conversions", "annual_return", "tax_rate", "lag_days"),
            "/schedule 30000 26 4 8%",
        ),
    )
}
