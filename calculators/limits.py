"""The year table of dollar limits, loaded once from ``calculators/data/limits.yaml``."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from calculators.parse import InputError


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


def _parse_table(text: str) -> dict[int, YearLimits]:
    raw = yaml.safe_load(text)
    table: dict[int, YearLimits] = {}
    for year, row in raw["years"].items():
        # Figures are written as whole dollars in YAML; str() keeps them exact Decimals.
        # (A yes/no flag is a bool, which Python also counts as an int.)
        fields = {
            k: (Decimal(str(v)) if isinstance(v, int | float) and not isinstance(v, bool) else v)
            for k, v in row.items()
        }
        table[int(year)] = YearLimits(year=int(year), **fields)
    return table


@cache
def load_limits() -> dict[int, YearLimits]:
    """All years in the table, read from the package data file once per process."""
    text = resources.files("calculators").joinpath("data/limits.yaml").read_text("utf-8")
    return _parse_table(text)


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
