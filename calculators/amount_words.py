"""The words that tell what an amount in a question is: shared by the reader of a question's
amounts (from_text) and the rules that find an amount too unclear to work through
(amount_doubts)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
SENTENCES = re.compile(r"[.?!;\n]+")
EARNINGS_WORDS = frozenset(
    "earn earned earns earning earnings gain gains grew growth interest increase".split()
)
BASIS_WORDS = frozenset(
    "after-tax aftertax basis contributed contribution contributions put deposited".split()
)
#: A loss stated as such ("it lost $200"): negative earnings.
LOSS_WORDS = frozenset("lost loss losses".split())
#: Verbs that, with "to", give the account's new total, not its earnings ("it grew to
#: $21,500": the earnings are $21,500 less the basis).
CHANGE_UP_WORDS = frozenset("grew grown increased rose risen climbed".split())
CHANGE_DOWN_WORDS = frozenset("dropped fell fallen decreased declined".split())
CHANGE_TO_WORDS = CHANGE_UP_WORDS | CHANGE_DOWN_WORDS | {"went", "gone"}
#: Verbs that move money out of the plan ("rolled over $10,000" is not a bound).
MOVE_WORDS = frozenset(
    "roll rolled rolling rolls rollover convert converted converting move moved moving "
    "withdraw withdrew withdrawing transfer transferred transferring carried".split()
)
WINDOW = 5  # words either side that decide what an amount is


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())
