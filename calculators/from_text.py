"""Amounts a question states, for a worked example of the asker's own numbers.

"I put in $23,000 after-tax and it earned $412, what do I owe?" states a basis and
earnings: enough for /split. Only clear cases count: exactly one amount next to words for
contributions and one next to words for earnings; anything else gives None, and the
answer simply has no worked example. Form numbers, plan types and years are not amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.parse import InputError, parse_amount

# A number, with an optional minus sign right against it ("-$500", "$-500"), dollar sign,
# cents and "k"; split_amounts decides if it is money.
_MONEY = re.compile(
    r"(?<![\w(.,$])([-\u2212])?(\$\s?)?([-\u2212])?"
    r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(\s?[kK])?(?![\w(]|[.,]\d)"
)
#: A dash right after a word or number: a range ("$5-6k") or a hyphenated word, not a sign.
_JOINED_DASH = re.compile(r"\w[-\u2212]\$?$")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
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
PLAN_NUMBERS = frozenset({"401", "403", "457"})
WINDOW = 5  # words either side that decide what an amount is
_KINDS = (("earnings", EARNINGS_WORDS), ("basis", BASIS_WORDS), ("loss", LOSS_WORDS))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _nearest(before: list[str], after: list[str]) -> str | None:
    """What the closest telling word calls the amount: a word after it ("$5 earnings")
    beats one as close before it ("basis + $5")."""
    found: list[tuple[float, str]] = []
    for distance, word in enumerate(after, 1):
        found += [(distance, k) for k, words in _KINDS if word in words]
    for distance, word in enumerate(reversed(before), 1):
        found += [(distance + 0.5, k) for k, words in _KINDS if word in words]
    return min(found)[1] if found else None


#: A traditional IRA by the names people give it.
TRADITIONAL_WORDS = frozenset("traditional trad tira".split())
#: Another destination: the earnings go there, not to a traditional IRA.
ROTH_WORDS = frozenset("roth rira".split())
#: Words that send money somewhere ("the earnings *to* a traditional IRA").
TOWARDS_WORDS = frozenset("to into in go goes went".split())
#: Before the earnings in their clause, or between them and where they go, one of these
#: may say where they should not go ("don't" is read as "don" and "t").
NEGATIONS = frozenset("not t never avoid without rather instead".split())
#: Words that start a new clause: a negation before one is about something else.
CLAUSE_WORDS = frozenset("and but if so then because while although".split())
#: Words between the earnings and where they go, at most.
DESTINATION_GAP = 4
_SENTENCES = re.compile(r"[.?!;\n]+")


def earnings_go_to_traditional(text: str) -> bool:
    """Does the text send the earnings to a traditional IRA ("what do I owe if I send the
    earnings to a traditional IRA?")? Only a clear case: in one sentence with no "or" (a
    choice) and no negation, an earnings word, then within a few words "to"/"into" and a
    traditional IRA, with no other destination or amount word first ("earnings to Roth,
    basis to trad" sends them to the Roth IRA). Otherwise the default, the Roth IRA,
    stands; both ways are shown side by side anyway."""
    for sentence in _SENTENCES.split(text):
        words = _words(sentence)
        if "or" in words:
            continue
        for i, word in enumerate(words):
            if word not in EARNINGS_WORDS or NEGATIONS.intersection(_clause_before(words, i)):
                continue
            if _sent_to_traditional(words[i + 1 : i + 2 + DESTINATION_GAP]):
                return True
    return False


def _clause_before(words: list[str], i: int) -> list[str]:
    """The words of word ``i``'s clause before it."""
    start = i
    while start > 0 and words[start - 1] not in CLAUSE_WORDS:
        start -= 1
    return words[start:i]


def _sent_to_traditional(after: list[str]) -> bool:
    towards = False
    for word in after:
        if word in TRADITIONAL_WORDS:
            return towards
        if word in ROTH_WORDS or word in BASIS_WORDS or word in EARNINGS_WORDS:
            return False
        if word in NEGATIONS:  # "the earnings not to a traditional IRA"
            return False
        towards = towards or word in TOWARDS_WORDS
    return False


def _change_kind(before: list[str]) -> str | None:
    """What an amount after "worth" or "<grew, dropped...> to" is: "total" (the account's
    new total: "it grew to $21,500"), or the earnings or loss named as what changed ("the
    earnings grew to $500"); None when it is neither pattern."""
    if "worth" in before[-2:]:
        return "total"
    if len(before) < 2 or before[-1] != "to" or before[-2] not in CHANGE_TO_WORDS:
        return None
    subject = before[:-2]
    if LOSS_WORDS.intersection(subject):
        return "loss"
    return "earnings" if EARNINGS_WORDS.intersection(subject) else "total"


#: Words that make the amount before them a total and the one after a part of it ("$10,500,
#: of which $500 is earnings", "$10,500 after-tax including $500 of gains")...
PART_BEFORE = re.compile(r"\b(?:of\s+which|including|includes|incl)\b", re.IGNORECASE)
#: ... or, right after an amount, make it a part of the amount before ("$500 of that").
PART_AFTER = re.compile(r"\s*(?:of\s+(?:that|it|this|which)|thereof)\b", re.IGNORECASE)


#: Words between a total and its part at most ("$10,500 after-tax, including $500").
PART_GAP = 4


def _is_part(before: re.Match[str], amount: re.Match[str], text: str) -> bool:
    """Is ``amount`` stated as a part of the ``before`` amount (in the same sentence, close
    by: "my plan includes conversions" further on is about something else)?"""
    gap = text[before.end() : amount.start()]
    if _SENTENCES.search(gap) or len(_words(gap)) > PART_GAP:
        return False
    return bool(PART_BEFORE.search(gap) or PART_AFTER.match(text, amount.end()))


#: A total of the whole plan or account ("my 401k is worth $300,000") is not the after-tax
#: account's: its earnings cannot be told from it.
_WHOLE_PLAN = re.compile(r"\b(?:401|403|457)|\bplans?\b|\bbalances?\b", re.IGNORECASE)


#: Right after an amount: a percentage, a rate per period, a multiple, a range or another
#: currency; the amount is not a sum of dollars to work through ("1.8%", "$412 a month",
#: "$23,000 x 2", "$400-500", "$23,000 CAD").
_QUALIFIED_AFTER = re.compile(
    r"\s*(?:[%\u066a\ufe6a\uff05]|[x\u00d7*]\s*\d|[-\u2013/]\s*\$?\d|/\s*[a-z]"
    r"|(?:percent|pct|twice|thrice|times|grand|monthly|annually|yearly|weekly|quarterly"
    r"|each|every|per|cad|cdn|aud|eur|euros?|gbp|pounds?)\b"
    r"|a\s+(?:month|year|week|quarter|day|paycheck)\b)",
    re.IGNORECASE,
)
#: Right before an amount: a bound or a multiple ("under $23,000", "2x $23,000", "up to").
_QUALIFIED_BEFORE = re.compile(
    r"(?:\d\s*[x\u00d7*]|\b(?:under|over|above|below|than|least|most|up\s+to|each|every|per"
    r"|negative|minus)|[\u00a3\u20ac\u00a5\u20b9])\s*$",
    re.IGNORECASE,
)
#: Words just after earnings that turn them around ("$412 in the red", "$200 less than").
_TURNED_AFTER = frozenset("red below less deficit negative".split())
#: A year's amount said to repeat: not the account's total ("$23,000 each year for 3 years").
_PER_PERIOD = re.compile(
    r"\b(?:each|every|per|a)\s+(?:year|month|week|quarter|paycheck|pay\s*period)\b"
    r"|\b(?:for|over)\s+\d+\s+years\b|\b(?:monthly|annually|yearly|weekly)\b",
    re.IGNORECASE,
)
#: Designated Roth money (Roth 401(k) deferrals) rolled to a Roth IRA is not after-tax basis
#: with taxable earnings: without an after-tax word the example would mislead.
_ROTH_SOURCE = re.compile(
    r"\broth\s*(?:401|403|457|tsp|deferrals?|elective)|\bdesignated\s+roth", re.IGNORECASE
)
_AFTER_TAX = re.compile(r"\bafter[-\s]?tax|\baftertax|\bbasis\b", re.IGNORECASE)
#: Only part of the account moved ("I only want to roll over $10,000", "half of it"): the
#: example works through the whole account, so it would answer another question.
_MOVE = r"(?:roll|convert|move|withdraw|transfer)"
_MOVED = (
    r"(?:roll(?:ed|ing)?|convert(?:ed|ing)?|withdr[ae]w(?:ing)?|mov(?:e|ed|ing)"
    r"|transfer(?:red|ring)?)"
)
_PARTIAL = re.compile(
    rf"\bonly\s+(?:want|plan|planning|intend|going|need)\s+to\s+{_MOVE}\b[^.?!;\n]{{0,20}}\$?\d"
    rf"|\b{_MOVED}\s+(?:over\s+)?(?:only\s+)?(?:half|part|some|a\s+(?:portion|part))\s+of\s+"
    r"(?:it|that|this|the\s+(?:account|money|balance|after-tax))\b",
    re.IGNORECASE,
)
#: Another currency named anywhere: the dollars may not be US dollars.
_OTHER_CURRENCY = re.compile(
    r"[\u00a3\u20ac\u00a5\u20b9]|\b(?:C|CA|A|AU|NZ)\$|\b(?:CAD|AUD|GBP|EUR|INR)\b"
)


def _sentence_around(text: str, match: re.Match[str]) -> str:
    start = max((m.end() for m in _SENTENCES.finditer(text, 0, match.start())), default=0)
    end = _SENTENCES.search(text, match.end())
    return text[start : end.start() if end else len(text)]


def _doubtful(text: str, match: re.Match[str], kind: str | None) -> bool:
    """Is this amount stated in a way that makes it no plain sum of dollars to work
    through: qualified by what is next to it, per period, or turned around?"""
    if _QUALIFIED_AFTER.match(text, match.end()) or _QUALIFIED_BEFORE.search(
        text, 0, match.start()
    ):
        return True
    if _PER_PERIOD.search(_sentence_around(text, match)):
        return True
    after = _words(text[match.end() :])[:3]
    if kind in ("earnings", "loss") and _TURNED_AFTER.intersection(after):
        return True
    window = _words(text[: match.start()])[-WINDOW:] + _words(text[match.end() :])[:WINDOW]
    # "lost $412 then earned it back": a loss and a gain for one figure
    if LOSS_WORDS.intersection(window) and EARNINGS_WORDS.intersection(window):
        return True
    return kind == "basis" and after[:1] == ["roth"]  # "$23,000 Roth": not after-tax money


def split_amounts(text: str) -> tuple[Decimal, Decimal] | None:
    """(basis, earnings) when the text states exactly one of each, else None. Earnings may
    be stated as a loss ("it lost $200", "earnings of -$200") or through the new total ("it
    grew to $21,500", "now worth $21,500": the total less the basis), and the basis through
    a total and the earnings part of it ("$10,500, of which $500 is earnings": the total
    less the earnings)."""
    if _OTHER_CURRENCY.search(text) or _PARTIAL.search(text):
        return None
    if _ROTH_SOURCE.search(text) and not _AFTER_TAX.search(text):
        return None
    basis: list[Decimal] = []
    earnings: list[Decimal] = []
    totals: list[Decimal] = []
    rising: bool | None = None  # "grew to" (True) or "fell to" (False) the one total
    # The amount before: (kind, value, match, its sentence up to it).
    previous: tuple[str | None, Decimal, re.Match[str], str] | None = None
    for match in _MONEY.finditer(text):
        sign, dollar, sign_after, digits, decimals, thousands = match.groups()
        if not (dollar or thousands or "," in digits or decimals):
            continue  # a bare number: a year, a form or a count, not clearly money
        if not dollar and digits in PLAN_NUMBERS:
            continue  # "401k" is a plan, not $401,000
        if _JOINED_DASH.search(text[: match.start(4)]) and not (sign or sign_after):
            return None  # "$5-6k": a range, which amount is meant is unclear
        try:
            value = parse_amount(digits + (decimals or "") + (thousands or "").strip())
        except InputError:
            continue
        negative = bool(sign or sign_after)
        before = _words(text[: match.start()])[-WINDOW:]
        # Words past "of which"/"including" name the part, not this amount.
        after = _words(PART_BEFORE.split(text[match.end() :], 1)[0])[:WINDOW]
        kind = _change_kind(before) or _nearest(before, after)
        if kind is not None and _doubtful(text, match, kind):
            return None  # (a figure named as nothing is not used, doubtful or not)
        sentence = _SENTENCES.split(text[: match.start()])[-1]
        if previous and _is_part(previous[2], match, text):
            # "$10,500, of which $500 is earnings": the amount before was the total.
            if kind not in ("basis", "earnings") or previous[0] not in (None, "basis"):
                return None  # a part that is not named, a loss, or a part of earnings: unclear
            if previous[0] == "basis":
                basis.pop()
            totals.append(previous[1])
            if _WHOLE_PLAN.search(previous[3]):
                return None
        if negative:
            if kind != "earnings" or (sign and sign_after):
                return None  # only earnings can be below zero ("earnings of -$500")
            value = -value
        previous = (kind, value, match, sentence)
        if kind == "total" and _WHOLE_PLAN.search(sentence):
            return None
        if kind == "earnings":
            earnings.append(value)
        elif kind == "loss":
            earnings.append(-value)
        elif kind == "basis":
            basis.append(value)
        elif kind == "total":
            totals.append(value)
            rising = _rising(before)
    if len(basis) == 1 and len(totals) == 1 and not earnings:
        if rising is not None and rising != (totals[0] > basis[0]):
            return None  # "it grew to $22,500" from $23,000: one of the figures is wrong
        earnings.append(totals[0] - basis[0])
    elif len(earnings) == 1 and len(totals) == 1 and not basis:
        basis.append(totals[0] - earnings[0])
    elif totals:
        return None  # a total beside stated earnings: which figure is meant is unclear
    # Earnings as large as the basis are rare in an after-tax account and usually a total
    # misread ("it is up to $21,500 with growth"): no example rather than a wrong one.
    if len(basis) == 1 and len(earnings) == 1 and basis[0] > 0 and earnings[0] < basis[0]:
        return basis[0], earnings[0]
    return None


def _rising(before: list[str]) -> bool | None:
    """Does "<verb> to" before a total say it went up (True), down (False), or neither?"""
    if len(before) < 2 or before[-1] != "to":
        return None
    if before[-2] in CHANGE_UP_WORDS:
        return True
    return False if before[-2] in CHANGE_DOWN_WORDS else None
