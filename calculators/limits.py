"""The year table of dollar limits, loaded once from ``calculators/data/limits.yaml``."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
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


class _Loader(yaml.SafeLoader):
    """YAML that refuses a key written twice: it kept the last in silence, so a block
    copied for next year with its year left unchanged replaced that year's figures."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    problem=f"'{key}' is written twice (also on line {seen[key]}): keep one",
                    problem_mark=key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep)


def _parse_table(text: str, where: str = "limits.yaml") -> dict[int, YearLimits]:
    """The table in ``text``; LimitsTableError saying what is wrong, and where."""
    try:
        raw = yaml.load(text, Loader=_Loader)  # (a SafeLoader)
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
    _no_year_drops_a_rule(table, where)
    return table


#: Figures that exist from some year on: the IRS states them every year after that.
_FROM_SOME_YEAR = ("catch_up_age_60_to_63", "roth_catch_up_wage_threshold")


def _no_year_drops_a_rule(table: dict[int, YearLimits], where: str) -> None:
    """A later year without a figure an earlier one has, or back in a transition year, is
    a slip (a block copied from an older year), not the law: /room would hold a 61-year-old
    to the age-50 catch-up (refusing deferrals the law allows), or call the year a
    transition year."""
    for earlier, later in pairwise(sorted(table)):
        before, row = table[earlier], table[later]
        for name in _FROM_SOME_YEAR:
            if getattr(before, name) is not None and getattr(row, name) is None:
                raise LimitsTableError(
                    f"{where}: {later}: missing {name}, which {earlier} has (a figure the "
                    "table has from one year on is needed every year after: copy it from the "
                    "IRS notice)"
                )
        enforced = before.roth_catch_up_wage_threshold is not None and before.roth_catch_up_enforced
        if enforced and not row.roth_catch_up_enforced:
            raise LimitsTableError(
                f"{where}: {later}: roth_catch_up_enforced is false, but {earlier}'s catch-ups "
                "already follow the Roth-only rule: the transition years (Notice 2023-62) "
                "cannot come back (remove the line)"
            )


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


#: Where the IRS publishes each year's plan and IRA limits (a table of recent years, and
#: links to earlier ones): named wherever the bot has no figures for a year, as it never
#: guesses one.
IRS_LIMITS_PAGE = (
    "https://www.irs.gov/retirement-plans/cola-increases-for-dollar-limitations-on-benefits-"
    "and-contributions"
)


def where_the_irs_publishes() -> str:
    return f"the IRS publishes each year's limits at {IRS_LIMITS_PAGE}"


def limits_for(year: int) -> YearLimits:
    """The figures for ``year``; InputError naming the supported years, and where the IRS
    publishes the year's figures, when there are none."""
    table = load_limits()
    if year not in table:
        years = supported_years()
        if 0 <= year < 100 and 2000 + year in table:  # ("25": the year written short)
            raise InputError(f"write the year in full: {2000 + year}, not {year}", "year")
        listed = ", ".join(str(y) for y in years)
        yet = " yet" if year > max(years) else ""
        raise InputError(
            f"there are no contribution limits for {year} in the table{yet} (supported years "
            f"are {listed}); {where_the_irs_publishes()}",
            "year",
        )
    return table[year]
