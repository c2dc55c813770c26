"""A worked example of the asker's own numbers under an FAQ answer.

When the answered entry demonstrates /split (its text quotes the command) and the question
states a basis and earnings, the split calculator runs on those numbers. The match itself
never sees this: the entry is chosen first, from the question as asked.
"""

from __future__ import annotations

from calculators import CalcResult
from calculators.catalog import CALCULATORS
from calculators.from_text import earnings_go_to_traditional, split_amounts, stated_tax_rate
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
    options = {"basis": f"{basis.normalize():f}", "earnings": f"{earnings.normalize():f}"}
    if earnings_go_to_traditional(question):  # where the asker said they go, not the default
        options["earnings_to"] = "traditional"
    if (rate := stated_tax_rate(question)) is not None:  # ("how much tax?" at their rate)
        options["tax_rate"] = rate
    calc = CALCULATORS["split"]
    try:
        result = calc.run(calc.build([], options))
    except InputError:
        return None  # numbers the calculator refuses (a loss wiping the account...): none
    return "/split " + " ".join(f"{k}:{v}" for k, v in options.items()), result
