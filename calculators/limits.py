"""The year table of dollar limits, loaded once from ``calculators/data/limits.yaml``."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from calculators.parse import InputError

#: The year table a moderator edits to add next year's figures (README, "Next year's
#: figures"); tests point it at a file of their own.
TABLE: Traversable = resources.files("calculators").joinpath("data/limits.yaml")


class LimitsTableError(Exception):
    """The year table cannot be read as it is written: one sentence naming the file, the
    year and the field, so the moderator who just edited it knows what to fix. Every
    command stops on it (a calculator with a figure missing would answer wrongly)."""


class YearLimits(BaseModel):
    """One plan year's figures (US dollars) and where they come from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int
    source: str
    confidence: Literal["primary", "secondary"]
    elective_deferral_402g: Decimal
    annual_additions_415c: Decimal
    catch_up_50_plus_414v: Decimal
    catch_up_age_60_to_63: Decimal | None = None  # SECURE 2.0 tier; absent before 2025
    roth_catch_up_wage_threshold: Decimal | None = None
    roth_catch_up_enforced: bool = True  # False in a transition year (Notice 2023-62)
    ira_contribution: Decimal
    ira_catch_up_50_plus: Decimal
    compensation_401a17: Decimal
    hce_threshold_414q: Decimal

    @property
    def cited_source(self) -> str:
        """The source as the steps cite it, flagging figures not checked against IRS text."""
        if self.confidence == "secondary":
            return f"{self.source}, confidence: secondary (several agreeing summaries)"
        return self.source


def _parse_table(text: str, where: str = "limits.yaml") -> dict[int, YearLimits]:
    """The table in ``text``; LimitsTableError saying what is wrong, and where."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise LimitsTableError(f"{where}{line}: {problem}") from None
    years = raw.get("years") if isinstance(raw, dict) else None
    if not isinstance(years, dict) or not years:
        raise LimitsTableError(f"{where}: no 'years:' table of figures by year")
    table: dict[int, YearLimits] = {}
    for key, row in years.items():
        year = _year(key, where)
        if not isinstance(row, dict):
            raise LimitsTableError(
                f"{where}: {year} has no figures under it (indent them below '{year}:', one "
                "'name: amount' a line)"
            )
        odd = next((k for k in row if not isinstance(k, str) or k == "year"), None)
        if odd is not None:  # (a figure with no name: YAML read '7500: 7500' as a number)
            raise LimitsTableError(f"{where}: {year}: '{odd}' is no figure the table knows")
        # Figures are written as whole dollars in YAML; str() keeps them exact Decimals.
        # (A yes/no flag is a bool, which Python also counts as an int.)
        fields = {
            k: (Decimal(str(v)) if isinstance(v, int | float) and not isinstance(v, bool) else v)
            for k, v in row.items()
        }
        try:
            table[year] = YearLimits(year=year, **fields)
        except ValidationError as exc:
            raise LimitsTableError(f"{where}: {year}: {_what_is_wrong(exc)}") from None
    return table


def _year(key: Any, where: str) -> int:
    """A year of the table as YAML read it (2027, or '2027' quoted)."""
    text = str(key).strip()
    if isinstance(key, bool) or not re.fullmatch(r"(19|20)\d\d", text):
        raise LimitsTableError(f"{where}: '{key}' is not a year: write it as 4 digits, e.g. 2027")
    return int(text)


def _what_is_wrong(exc: ValidationError) -> str:
    """pydantic's errors as one sentence: the missing figures first, then the others."""
    missing = [str(e["loc"][0]) for e in exc.errors() if e["type"] == "missing"]
    need = "it" if len(missing) == 1 else "them"
    said = [f"missing {', '.join(missing)} (every year needs {need})"] if missing else []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "the year"
        if error["type"] == "missing":
            continue
        if error["type"] == "extra_forbidden":
            said.append(f"'{name}' is no figure the table knows (a typo?)")
        elif error["type"].startswith("decimal"):
            said.append(f"{name}: '{error['input']}' is not an amount: write digits, e.g. 7500")
        else:
            said.append(f"{name}: '{error['input']}' is not valid ({error['msg'].lower()})")
    return "; ".join(said)


@cache
def load_limits() -> dict[int, YearLimits]:
    """All years in the table, read from the package data file once per process."""
    return _parse_table(TABLE.read_text("utf-8"), str(TABLE))


def roth_catch_up_start() -> int | None:
    """The first year in the table whose catch-ups the Roth-only rule applies to."""
    table = load_limits()
    years = [y for y, row in table.items() if row.roth_catch_up_wage_threshold is not None]
    return min((y for y in years if table[y].roth_catch_up_enforced), default=None)


def supported_years() -> list[int]:
    return sorted(load_limits())


def limits_for(year: int) -> YearLimits:
    """The figures for ``year``; InputError naming the supported years when there are none."""
    table = load_limits()
    if year not in table:
        years = supported_years()
        listed = ", ".join(str(y) for y in years)
        raise InputError(
            f"there are no contribution limits for {year} in the table; "
            f"supported years are {listed}",
            "year",
        )
    return table[year]
