"""A worked example of the asker's own numbers under an FAQ answer.

When the answered entry demonstrates /split (its text quotes the command) and the question
states a basis and earnings, the split calculator runs on those numbers. The match itself
never sees this: the entry is chosen first, from the question as asked.
"""

from __future__ import annotations

from calculators import CalcResult
from calculators.catalog import CALCULATORS
from calculators.from_text import split_amounts
from calculators.parse import InputError
from knowledge.model import FaqEntry

LABEL = "Your numbers, worked through"


def worked_example(entry: FaqEntry, question: str) -> tuple[str, CalcResult] | None:
    """(the command a member would type, its result), or None."""
    if "/split" not in f"{entry.short}\n{entry.body}":
        return None
    amounts = split_amounts(question)
    if amounts is None:
        return None
    basis, earnings = amounts
    calc = CALCULATORS["split"]
    try:
        result = calc.run(calc.build([], {"basis": str(basis), "earnings": str(earnings)}))
    except InputError:
        return None  # numbers the calculator refuses (a loss wiping the account...): none
    return f"/split basis:{basis.normalize():f} earnings:{earnings.normalize():f}", result
