"""Rollover calculators: pure, deterministic functions with pydantic inputs and results.

Typical use from any front end (CLI, Discord slash command, console)::

    from calculators import InputError, SplitInput, parse_amount, split

    try:
        inp = SplitInput(
            basis=parse_amount(text_basis, "basis"),
            earnings=parse_amount(text_earnings, "earnings", allow_negative=True),
        )
        result = split(inp)
    except InputError as exc:
        ...  # show str(exc): one sentence saying what is wrong and what is accepted
    result.summary(); result.steps; result.warnings; result.to_json()

Every function here is free of I/O except ``limits.load_limits`` (reads the package's
limits.yaml once) and the chart (renders PNG bytes in memory).
"""

from calculators.base import NOT_TAX_ADVICE, CalcInput, CalcResult
from calculators.form8606 import Form8606Input, Form8606Result, form8606
from calculators.limits import YearLimits, limits_for, supported_years
from calculators.parse import InputError, parse_amount, parse_count, parse_int, parse_rate
from calculators.prorata import ProrataInput, ProrataResult, prorata
from calculators.report import render_text
from calculators.room import RoomInput, RoomResult, room
from calculators.schedule import DEFAULT_COUNTS, ScheduleInput, ScheduleResult, compare, schedule
from calculators.split import SplitInput, SplitResult, split

__all__ = [
    "DEFAULT_COUNTS",
    "NOT_TAX_ADVICE",
    "CalcInput",
    "CalcResult",
    "Form8606Input",
    "Form8606Result",
    "InputError",
    "ProrataInput",
    "ProrataResult",
    "RoomInput",
    "RoomResult",
    "ScheduleInput",
    "ScheduleResult",
    "SplitInput",
    "SplitResult",
    "YearLimits",
    "compare",
    "form8606",
    "limits_for",
    "parse_amount",
    "parse_count",
    "parse_int",
    "parse_rate",
    "prorata",
    "render_text",
    "room",
    "schedule",
    "split",
    "supported_years",
]
