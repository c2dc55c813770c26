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
#: An amount named as what the account holds ("after-tax total: $25,000", "account value
#: $25,000"): its total, earnings included, not the contributions.
TOTAL_WORDS = frozenset("total totals totaling totalling balance balances value valued".split())
#: Verbs that, with "to", give the account's new total, not its earnings ("it grew to
#: $21,500": the earnings are $21,500 less the basis).
CHANGE_UP_WORDS = frozenset("grew grown increased rose risen climbed".split())
CHANGE_DOWN_WORDS = frozenset("dropped fell fallen decreased declined".split())
CHANGE_TO_WORDS = CHANGE_UP_WORDS | CHANGE_DOWN_WORDS | {"went", "gone"}
#: Verbs that move money out of the plan ("rolled over $10,000" is not a bound), taking it
#: out included ("take out $5,000", "cash out $5,000").
MOVE_WORDS = frozenset(
    "roll rolled rolling rolls rollover convert converted converting move moved moving "
    "withdraw withdrew withdrawing transfer transferred transferring carried "
    "take takes took taking pull pulls pulled pulling cash cashed cashing "
    "conversion conversions".split()
)
#: Nouns after an amount that make it money moved out ("a $5,000 in-service withdrawal").
MOVE_NOUNS = frozenset("distribution distributions withdrawal withdrawals".split())
WINDOW = 5  # words either side that decide what an amount is
#: Words that make a stated tax rate not the one the asker pays now on the earnings:
#: another time (past, later, retirement), a doubt or a supposition, another tax (a
#: state's, capital gains', a penalty's) or another kind of rate (effective, withheld).
NOT_NOW_WORDS = frozenset(
    "was were used last ago previously until anymore before not never "
    "will ll going once starting after next later future retire retired retiring retirement "
    "expect expected would could might may if whether suppose supposing assume assuming "
    "say hypothetically think thought sure maybe probably guess "
    "state ltcg capital dividend dividends niit surtax penalty flat "
    "effective average withholding withheld".split()
)
#: Words that start a new clause: what is said before one is about something else.
CLAUSE_WORDS = frozenset("and but if so then because while although which".split())
#: Money that is not the after-tax account's: pretax deferrals, the employer's, an IRA's
#: (a conversion there is Form 8606's, not a plan's split), an HSA, 529 or brokerage
#: account. An amount said to be one of them is no after-tax basis, unless its clause
#: also calls it after-tax.
OTHER_SOURCE_WORDS = frozenset(
    "pretax pre-tax before-tax tax-deferred deferred deferral deferrals deferring employer "
    "employers match matching matched deductible nondeductible non-deductible traditional "
    "trad tira ira iras hsa brokerage".split()
)
#: Words that make earnings another account's ("my Roth IRA has earned $120 since"): the
#: after-tax account's earnings are what is worked through.
OTHER_EARNER_WORDS = OTHER_SOURCE_WORDS | frozenset("roth rira".split())
#: After an account's word, a verb that makes it where money goes, not where it is ("the
#: traditional IRA gets the $300 earnings").
DESTINATION_VERBS = frozenset("gets get goes go receives receive takes take".split())
#: "Traditional" before the plan's own name ("traditional 401(k)": letters only, "k") names
#: the plan the after-tax money is in.
PLAN_KINDS = frozenset("traditional trad".split())
PLAN_WORDS = frozenset("k b plan plans".split())


#: Pretax and after-tax money in two words: read as the one hyphenated word the lists hold
#: ("pre tax" is "pre-tax": "$23,000 pre tax" was taken as after-tax basis; "$5k after tax"
#: was named nothing, so the "$50 earnings" after it went unworked).
_TWO_WORD_TAX = re.compile(r"\b(pre|before|after)\s+(tax)\b|\b(tax)\s+(deferred)\b")


def words(text: str) -> list[str]:
    lowered = _TWO_WORD_TAX.sub(lambda m: "-".join(filter(None, m.groups())), text.lower())
    return _WORD.findall(lowered)


#: A hyphen other than "-" inside a word: U+2010 and the non-breaking U+2011, as PDFs (the
#: IRS's among them) and word processors write "after‐tax", and the small and full-width
#: hyphen-minus. Between a letter or digit and another; before an amount a dash is no
#: hyphen, and which dashes read as a minus is amount_doubts' rule.
_OTHER_HYPHEN = re.compile(r"(?<=[^\W_])[\u2010\u2011\ufe63\uff0d](?=[^\W_])")


def plain_hyphens(text: str) -> str:
    """``text`` with each hyphen inside a word made "-", so that "pre‐tax" pasted from a PDF
    is the "pre-tax" of the word lists and patterns. One character for one: a position in
    the result is the same position in ``text``."""
    return _OTHER_HYPHEN.sub("-", text)
