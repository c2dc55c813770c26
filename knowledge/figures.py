"""Dollar figures an entry states for a year, checked against that year's limits in the
calculators' table (calculators/data/limits.yaml). A typo in "$72,000 for 2026" reads as
confidently as the right figure, and nothing else in validation knows the figures.

Only figures that read as limits are checked: on a line that names a limit ("limit",
"cap", "maximum", "catch-up", "threshold") or holds a figure the table has (a table row,
"$72,000 for 2026" in a sentence about 415(c)). "You rolled $5,000 in 2026" or "the
phase-out starts at $153,000 for 2026" is not checked. Notices, not problems: a moderator
may still mean a figure the table does not hold, and an edit must not be refused for it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from knowledge.loader import Problem, file_lines, key_line
from knowledge.model import FaqEntry

_MONEY = r"\$(\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\.\d)"
_YEAR = r"(20\d\d)(?!\d)"
#: "$72,000 for 2026", "$160,000 in 2025"; "2026 limit $7,500"; a line or list item that
#: starts with its year ("- **2026:** $24,500 · $72,000"), every figure on that line.
_FOR_YEAR = re.compile(_MONEY + r"\)?,? (?:for|in) " + _YEAR)
_YEAR_LIMIT = re.compile(r"(?<![\d$,])" + _YEAR + r" limits?:? " + _MONEY)
_YEAR_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\**" + _YEAR + r"\**:\**[ \t]+(.*)$", re.M)
_ANY_MONEY = re.compile(_MONEY)


#: Words that make a figure on their line a limit to check.
_LIMIT_WORDS = re.compile(r"\b(?:limits?|caps?|capped|maximum|max|catch-ups?|threshold)\b", re.I)


def yearly_figures() -> dict[int, frozenset[Decimal]]:
    """Each year's dollar figures in the calculators' limits table, with the totals the IRS
    also states (deferrals plus catch-up, an IRA's limit plus its catch-up, 415(c) plus
    catch-up) and the Roth catch-up wage threshold under its wage year as well (the table
    keys it by the year of the catch-ups: "wages over $150,000 in 2025" is right)."""
    from calculators.limits import load_limits

    table = load_limits()
    figures: dict[int, frozenset[Decimal]] = {}
    for year, row in table.items():
        own = {v for v in row.model_dump().values() if isinstance(v, Decimal)}
        for catch_up in filter(None, (row.catch_up_50_plus_414v, row.catch_up_age_60_to_63)):
            own |= {row.elective_deferral_402g + catch_up, row.annual_additions_415c + catch_up}
        own.add(row.ira_contribution + row.ira_catch_up_50_plus)
        following = table.get(year + 1)
        if following is not None and following.roth_catch_up_wage_threshold is not None:
            own.add(following.roth_catch_up_wage_threshold)
        figures[year] = frozenset(own)
    return figures


def _amount(figure: str) -> Decimal:
    return Decimal(figure.replace(",", ""))


def stated(text: str) -> list[tuple[str, Decimal, int, str]]:
    """Each dollar figure ``text`` gives for a year: (as written, amount, year, its line)."""

    def line_at(position: int) -> str:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        return text[start : end if end >= 0 else len(text)]

    found = [
        (m.group(0), _amount(m.group(1)), int(m.group(2)), line_at(m.start()))
        for m in _FOR_YEAR.finditer(text)
    ]
    found += [
        (m.group(0), _amount(m.group(2)), int(m.group(1)), line_at(m.start()))
        for m in _YEAR_LIMIT.finditer(text)
    ]
    for line in _YEAR_LINE.finditer(text):
        year = int(line.group(1))
        found += [
            (f"${m.group(1)}", _amount(m.group(1)), year, line.group(0))
            for m in _ANY_MONEY.finditer(line.group(2))
        ]
    return found


def _reads_as_a_limit(line: str, known: frozenset[Decimal]) -> bool:
    """A line that names a limit or holds a figure of the table (any year's)."""
    return bool(_LIMIT_WORDS.search(line)) or any(
        _amount(m.group(1)) in known for m in _ANY_MONEY.finditer(line)
    )


def figure_notices(
    entries: Iterable[FaqEntry], figures: Mapping[int, frozenset[Decimal]] | None = None
) -> list[Problem]:
    """A notice for each figure an entry gives for a year the table knows that is none of
    that year's figures (years the table does not cover are not checked)."""
    figures = yearly_figures() if figures is None else figures
    known = frozenset().union(*figures.values())
    notices = []
    for entry in entries:
        seen: set[tuple[Decimal, int]] = set()
        for field, where, text in (
            ("short", "short answer", entry.short),
            ("body", "full answer", entry.body),
        ):
            for written, amount, year, line in stated(text):
                if year not in figures or amount in figures[year] or (amount, year) in seen:
                    continue
                if not _reads_as_a_limit(line, known):
                    continue
                seen.add((amount, year))
                notices.append(
                    Problem(
                        entry.path,
                        _line(entry, field, written),
                        f"the {where} gives '{written}', but ${amount:,} is not one of "
                        f"{year}'s limits in calculators/data/limits.yaml: if it is meant as "
                        "a limit, check it against the IRS figure",
                    )
                )
    return notices


def limit_years(
    entry: FaqEntry, figures: Mapping[int, frozenset[Decimal]] | None = None
) -> frozenset[int]:
    """The years of the table that ``entry`` states limits for, read as figure_notices
    reads them ("$72,000 for 2026", "- **2025:** $23,500 · $70,000")."""
    figures = yearly_figures() if figures is None else figures
    known = frozenset().union(*figures.values())
    return frozenset(
        year
        for text in (entry.short, entry.body)
        for _, _, year, line in stated(text)
        if year in figures and _reads_as_a_limit(line, known)
    )


def _line(entry: FaqEntry, field: str, written: str) -> int:
    """The line of ``written`` in the entry's file, within the field (``short`` or
    ``body``); of its figure alone when the phrase is wrapped over two lines (a folded
    short answer); else the field's first line."""
    lines = file_lines(entry)
    body = key_line(lines, "body")
    start, end = (key_line(lines, "short"), body) if field == "short" else (body, len(lines) + 1)
    figure = _ANY_MONEY.search(written)
    for needle in (written, figure.group(0) if figure else written):
        found = next((n for n in range(start, end) if needle in lines[n - 1]), None)
        if found is not None:
            return found
    return start
