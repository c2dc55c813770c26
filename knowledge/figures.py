"""Dollar figures an entry states for a year, checked against that year's limits in the
calculators' table (calculators/data/limits.yaml). A typo in "$72,000 for 2026" reads as
confidently as the right figure, and nothing else in validation knows the figures.

Notices, not problems: a figure for a year may be an amount in a worked example rather
than a limit ("you rolled $5,000 in 2026"), and an edit must not be refused for it."""

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


def yearly_figures() -> dict[int, frozenset[Decimal]]:
    """Each year's dollar figures in the calculators' limits table."""
    from calculators.limits import load_limits

    return {
        year: frozenset(v for v in row.model_dump().values() if isinstance(v, Decimal))
        for year, row in load_limits().items()
    }


def _amount(figure: str) -> Decimal:
    return Decimal(figure.replace(",", ""))


def stated(text: str) -> list[tuple[str, Decimal, int]]:
    """Each dollar figure ``text`` gives for a year: (as written, amount, year)."""
    found = [(m.group(0), _amount(m.group(1)), int(m.group(2))) for m in _FOR_YEAR.finditer(text)]
    found += [
        (m.group(0), _amount(m.group(2)), int(m.group(1))) for m in _YEAR_LIMIT.finditer(text)
    ]
    for line in _YEAR_LINE.finditer(text):
        year = int(line.group(1))
        found += [
            (f"${m.group(1)}", _amount(m.group(1)), year)
            for m in _ANY_MONEY.finditer(line.group(2))
        ]
    return found


def figure_notices(
    entries: Iterable[FaqEntry], figures: Mapping[int, frozenset[Decimal]] | None = None
) -> list[Problem]:
    """A notice for each figure an entry gives for a year the table knows that is none of
    that year's figures (years the table does not cover are not checked)."""
    figures = yearly_figures() if figures is None else figures
    notices = []
    for entry in entries:
        seen: set[tuple[Decimal, int]] = set()
        for field, where, text in (
            ("short", "short answer", entry.short),
            ("body", "full answer", entry.body),
        ):
            for written, amount, year in stated(text):
                if year not in figures or amount in figures[year] or (amount, year) in seen:
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
