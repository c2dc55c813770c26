"""The line under an answer whose figures are by year, asked about a year the limits table
has none for (bot/year_note.py): which years, around New Year in members' time zones."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.year_note import year_note, years_asked
from calculators.limits import supported_years
from knowledge.base import KnowledgeBase

LAST = max(supported_years())


def at(year: int, month: int, day: int, hour: int = 12) -> dt.datetime:
    """The bot's clock (UTC)."""
    return dt.datetime(year, month, day, hour, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("question", "now", "years"),
    [
        # in December a member plans next year; in the new year "this year" is it
        ("what's the mega backdoor limit next year?", at(LAST, 12, 5), {LAST + 1}),
        ("what's the mega backdoor limit this year?", at(LAST, 12, 5), {LAST}),
        ("what's the 415c limit for this tax year?", at(LAST + 1, 1, 20), {LAST + 1}),
        ("did I max out last year?", at(LAST + 1, 1, 20), {LAST}),
        # 03:00 UTC on January 1 is still December 31 in the Americas: either year
        ("after-tax limit this year?", at(LAST + 1, 1, 1, 3), {LAST, LAST + 1}),
        ("after-tax limit this year?", at(LAST, 12, 31, 20), {LAST, LAST + 1}),
        # years as words, not amounts
        (f"limits for {LAST + 1}? and {LAST - 7}'s", at(LAST, 12, 5), {LAST + 1, LAST - 7}),
        (f"I put ${LAST:,} in, or {LAST}.50, or 2000 dollars", at(LAST, 12, 5), set()),
    ],
)
def test_the_years_a_question_asks_about(question: str, now: dt.datetime, years: set) -> None:
    assert years_asked(question, now) == years


def test_the_line_is_only_for_an_answer_with_figures_by_year_and_a_year_it_lacks(
    kb: KnowledgeBase,
) -> None:
    limits, split = (
        kb.entries["contribution-limits"],
        kb.entries["split-earnings-to-traditional-ira"],
    )
    december = at(LAST, 12, 5)
    note = year_note([limits], "what's the after-tax limit next year?", december)
    assert note is not None and f"I have none for {LAST + 1} yet." in note
    assert year_note([limits], "what's the after-tax limit this year?", december) is None
    # an entry that states no limits by year has no figures to mistake
    assert year_note([split], f"I split my rollover in {LAST + 1}", december) is None
    # a year before the table's: none, and no "yet"
    past = year_note([limits], f"what was the limit in {min(supported_years()) - 1}?", december)
    assert past is not None and past.startswith("This answer's figures are for ")
    assert f"I have none for {min(supported_years()) - 1}. The IRS" in past
