"""A line under an answer whose figures are by year, when the question asks about a year
the limits table has no figures for: 2027 asked in December (or "next year"), 2019.

The answer still gives what it has ("$72,000 for 2026"), and a member planning 2027 took
that for 2027's. The bot never guesses a figure, so the line says which years the answer's
figures are for, that it has none for the year asked, and where the IRS publishes them.
The match never sees this: the entry is chosen first, from the question as asked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from calculators.limits import IRS_LIMITS_PAGE, supported_years
from knowledge.figures import limit_years
from knowledge.model import FaqEntry

#: A year as a word ("in 2027", "2027's"), not part of an amount ("$2,027", "2027.50").
_YEAR = re.compile(r"(?<![\w$,.])(20\d\d)(?![\w,]|\.\d)")
_RELATIVE = re.compile(
    r"\b(this|current|next|coming|last|previous)\s+(?:tax\s+|plan\s+|calendar\s+)?year\b", re.I
)
_OFFSET = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}
#: Members' clocks run from 12 hours behind the bot's (UTC) to 14 ahead: around New Year
#: "this year" is either year, and both are taken.
_ZONES = (dt.timedelta(hours=-12), dt.timedelta(hours=14))
#: Years further than this from the table's are read as amounts ("I put in 2000"), not years.
_REACH = 15


def years_asked(question: str, now: dt.datetime) -> set[int]:
    """The years ``question`` names, or means by "this year" / "next year" at ``now``."""
    covered = supported_years()
    low, high = min(covered) - _REACH, max(covered) + _REACH
    years = {int(y) for y in _YEAR.findall(question) if low <= int(y) <= high}
    for said in _RELATIVE.finditer(question):
        offset = _OFFSET[said.group(1).lower()]
        years |= {(now + zone).year + offset for zone in _ZONES}
    return years


def _listed(years: list[int]) -> str:
    """2023 to 2026; 2025 and 2026; 2019, 2027 and 2030."""
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]} to {years[-1]}"
    *rest, last = map(str, years)
    return f"{', '.join(rest)} and {last}" if rest else last


def year_note(
    entries: Iterable[FaqEntry], question: str, now: dt.datetime | None = None
) -> str | None:
    """The line for an answer made of ``entries`` to ``question``, or None: the entries
    state no limits by year, or the question asks about no year the table lacks."""
    shown = sorted(set().union(*(limit_years(entry) for entry in entries)))
    if not shown:
        return None
    covered = supported_years()
    asked = years_asked(question, now or dt.datetime.now(dt.UTC))
    missing = sorted(year for year in asked if year not in covered)
    if not missing:
        return None
    yet = " yet" if min(missing) > max(covered) else ""
    return (
        f"This answer's figures are for {_listed(shown)}: I have none for {_listed(missing)}"
        f"{yet}. The IRS publishes each year's limits at {IRS_LIMITS_PAGE}"
    )
