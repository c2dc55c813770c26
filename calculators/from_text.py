"""Amounts a question states, for a worked example of the asker's own numbers.

"I put in $23,000 after-tax and it earned $412, what do I owe?" states a basis and
earnings: enough for /split. Only clear cases count: exactly one amount next to words for
contributions and one next to words for earnings; anything else gives None, and the
answer simply has no worked example. Form numbers, plan types and years are not amounts;
what makes a stated amount too unclear to use is in amount_doubts.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from calculators.amount_doubts import doubtful, names_after_tax, sentence_around, unclear_text
from calculators.amount_words import (
    BASIS_WORDS,
    CHANGE_DOWN_WORDS,
    CHANGE_TO_WORDS,
    CHANGE_UP_WORDS,
    CLAUSE_WORDS,
    EARNINGS_WORDS,
    LOSS_WORDS,
    MOVE_NOUNS,
    MOVE_WORDS,
    NOT_NOW_WORDS,
    OTHER_SOURCE_WORDS,
    PLAN_WORDS,
    SENTENCES,
    TOTAL_WORDS,
    WINDOW,
    plain_hyphens,
    words,
)
from calculators.parse import InputError, parse_amount

# A number, with an optional minus sign right against it ("-$500", "$-500"), dollar sign,
# cents and "k"; split_amounts decides if it is money.
_MONEY = re.compile(
    r"(?<![\w.,$])([-\u2212])?(\$\s?)?([-\u2212])?"
    r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?(\s?[kK])?(?![\w(]|[.,]\d)"
)
PLAN_NUMBERS = frozenset({"401", "403", "457"})
#: A number with no dollar sign that is money all the same ("it earned 412 dollars").
_DOLLARS_AFTER = re.compile(r"\s?(?:dollars|bucks|usd)\b", re.IGNORECASE)
_KINDS = (("earnings", EARNINGS_WORDS), ("basis", BASIS_WORDS), ("loss", LOSS_WORDS))
#: Words at most an amount's total is named from ("$25,000 total", "valued at $25,000"):
#: further off, "balance" or "total" is about something else ("let my after-tax balance
#: build for 18 months: $27k in, $3k in gains").
TOTAL_REACH = 2


#: Where the words after an amount stop being its own: a comma or the end of a sentence.
_OWN_WORDS_END = re.compile(r"[,.?!;\n]")


def _own_words(rest: str) -> int:
    """How many words after an amount are its own: up to a comma, a sentence's end or a
    word that starts a new clause ("contributions were $20,000 and earned $300": "earned"
    is the $300's, not the $20,000's)."""
    found = words(_OWN_WORDS_END.split(rest, 1)[0])
    return next((i for i, word in enumerate(found) if word in CLAUSE_WORDS), len(found))


def _nearest(before: list[str], after: list[str], own: int) -> str | None:
    """What the closest telling word calls the amount: a word after it ("$5 earnings")
    beats one as close before it ("basis + $5"), but not past a comma or a sentence's end
    (``own``: the words after it up to there): in "basis $20,000, earnings $300" the word
    after $20,000 names the next amount. One named as the account's total, value or
    balance right next to it is its "total", earnings included ("after-tax total: $25,000"
    read as basis made box 1 the total plus the earnings again)."""
    found: list[tuple[float, str]] = []
    for distance, word in enumerate(after, 1):
        far = WINDOW if distance > own else 0
        found += [(distance + far, k) for k, words in _KINDS if word in words]
        if word in TOTAL_WORDS and distance <= min(own, TOTAL_REACH):
            found.append((distance, "total"))
    for distance, word in enumerate(reversed(before), 1):
        found += [(distance + 0.5, k) for k, words in _KINDS if word in words]
        if word in TOTAL_WORDS and distance <= TOTAL_REACH:
            found.append((distance + 0.5, "total"))
        if word in OTHER_SOURCE_WORDS or word in ("roth", "rollover"):
            # Named as other money first ("Pre-Tax $148,220.17, After-Tax Earnings $412.33"):
            # the next figure's label is not this one's.
            found.append((distance + 0.5, "other"))
    kind = min(found)[1] if found else None
    return None if kind == "other" else kind


#: A traditional IRA by the names people give it.
TRADITIONAL_WORDS = frozenset("traditional trad tira".split())
#: Another destination: the earnings go there, not to a traditional IRA.
ROTH_WORDS = frozenset("roth rira".split())
#: Words that send money somewhere ("the earnings *to* a traditional IRA").
TOWARDS_WORDS = frozenset("to into in go goes went".split())
#: Before the earnings in their clause, or between them and where they go, one of these
#: may say where they should not go ("don't" is read as "don" and "t")...
NEGATIONS = frozenset(
    "not t never avoid without cannot "
    # ... and the contractions typed without their apostrophe ("dont", "shouldnt")
    "dont doesnt didnt cant couldnt shouldnt wouldnt wont isnt arent wasnt werent".split()
)
#: ... or one of these pairs ("rather than", "instead of"; "I would rather" alone is not one).
NEGATING_PAIRS = frozenset({("rather", "than"), ("instead", "of")})
#: Someone other than the asker, whose earnings went where they went.
_SOMEONE_ELSE = frozenset(
    "friend friends coworker coworkers co-worker colleague colleagues wife husband spouse "
    "brother sister dad mom father mother someone somebody he she op".split()
)
#: Words between the earnings and where they go, at most.
DESTINATION_GAP = 4


#: The asker saying the rate they pay now, in the first person: "I'm in the 24% bracket",
#: "we are in the 22% federal tax bracket", "my marginal rate is 32%", "my tax bracket is
#: 24%". Nothing looser: read near any "bracket", a percentage was a spouse's, a state's, a
#: past year's, a capital gains rate, a question ("am I in the 24% bracket?") or a quoted
#: reply's (a helper found some 70 such phrasings).
_OWN_RATE = re.compile(
    r"\b(?:(?:i|we)\s*(?:'|\u2019)?\s*(?:m|re|am|are)\s+(?:currently\s+|now\s+)?in\s+the\s+"
    r"(?P<bracket>[1-9][0-9]?(?:\.[0-9]{1,2})?)\s?%\s+(?:federal\s+)?(?:tax\s+)?bracket"
    r"|my\s+(?:federal\s+)?(?:marginal\s+)?(?:tax\s+)?(?:rate|bracket)\s+is\s+"
    r"(?P<rate>[1-9][0-9]?(?:\.[0-9]{1,2})?)\s?%)(?![\w%-])",
    re.IGNORECASE,
)
#: Where a sentence ends, for a rate's: not at a decimal point.
_BOUNDARY = re.compile(r"[?!;\n]|\.(?![0-9])")
#: Another percentage in the sentence: a range, a second rate, "10% or my marginal rate".
_ANY_PERCENT = re.compile(r"[0-9]\s?%")
#: Quoted text (another poster's words, a "> " line): not what the asker says of themself.
_QUOTED = re.compile(r"^\s*>.*$|\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d", re.MULTILINE)


def stated_tax_rate(text: str) -> str | None:
    """The tax rate the asker says they pay now, as /split's tax_rate takes it, when they
    say it plainly in the first person ("I'm in the 24% bracket", "my marginal rate is
    32%"). Only one rate, not asked ("...bracket?"), in a sentence with no other percentage
    and no word of another time, another tax or a doubt (amount_words.NOT_NOW_WORDS): else
    None, as an estimate at the wrong rate is worse than none."""
    plain = _QUOTED.sub(" ", plain_hyphens(text))
    found: set[str] = set()
    for match in _OWN_RATE.finditer(plain):
        # (Its sentence, not cut at a decimal point: "24% federally and 9.3% in CA.")
        begin, stop = sentence_around(plain, match.start(), match.end(), _BOUNDARY)
        sentence = plain[begin:stop]
        if plain[match.end() :].lstrip().startswith("?"):
            return None  # ("I'm in the 24% bracket?": asked, not said)
        if len(_ANY_PERCENT.findall(sentence)) > 1:
            return None
        if NOT_NOW_WORDS.intersection(words(sentence)):
            return None
        found.add(f"{Decimal(match['bracket'] or match['rate']).normalize():f}%")
    return found.pop() if len(found) == 1 else None


def earnings_go_to_traditional(text: str) -> bool:
    """Does the text send the earnings to a traditional IRA ("what do I owe if I send the
    earnings to a traditional IRA?")? Only a clear case: in one sentence with no "or" (a
    choice) and no negation, an earnings word, then within a few words "to"/"into" and a
    traditional IRA, with no other destination or amount word first ("earnings to Roth,
    basis to trad" sends them to the Roth IRA). Otherwise the default, the Roth IRA,
    stands; both ways are shown side by side anyway."""
    for sentence in SENTENCES.split(plain_hyphens(text)):
        said = words(sentence)
        if "or" in said or _SOMEONE_ELSE.intersection(said):
            continue  # (a choice; or where another sent theirs: "My friend sent the earnings")
        for i, negated in enumerate(_negated_so_far(said)):
            if said[i] not in EARNINGS_WORDS or negated:
                continue
            if _sent_to_traditional(said[i + 1 : i + 3 + DESTINATION_GAP]):
                return True
    return False


def _negated_so_far(words: list[str]) -> list[bool]:
    """Per word, whether its clause negates before it (a negation, or a negating pair,
    since the last clause word). One pass: looking back from each earnings word took
    time in the square of a long sentence's words, on the bot's event loop."""
    flags: list[bool] = []
    negated, previous = False, ""
    for word in words:
        flags.append(negated)
        if word in CLAUSE_WORDS:
            negated, previous = False, ""
            continue
        negated = negated or word in NEGATIONS or (previous, word) in NEGATING_PAIRS
        previous = word
    return flags


def _sent_to_traditional(after: list[str]) -> bool:
    """``after``: the words after the earnings, DESTINATION_GAP + 1 to look at and one
    more, the word after a traditional IRA's name."""
    towards = False
    for j, word in enumerate(after[: DESTINATION_GAP + 1]):
        if word in TRADITIONAL_WORDS:
            # ("stay in my traditional 401(k)": the plan they are in, not a traditional IRA)
            return towards and not PLAN_WORDS.intersection(after[j + 1 : j + 2])
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
    if SENTENCES.search(gap) or len(words(gap)) > PART_GAP:
        return False
    return bool(PART_BEFORE.search(gap) or PART_AFTER.match(text, amount.end()))


#: A total of the whole plan or account ("my 401k is worth $300,000") is not the after-tax
#: account's: its earnings cannot be told from it.
_WHOLE_PLAN = re.compile(
    r"\b(?:401|403|457)|\bplans?\b|\bbalances?\b|\bpre-?tax\b|\btotal\b", re.IGNORECASE
)


#: Numbers a question may hold and still be read for a worked example: the most in a real
#: question that had one was 11.
MAX_NUMBERS = 40


def split_amounts(text: str) -> tuple[Decimal, Decimal] | None:
    """(basis, earnings) when the text states exactly one of each, else None. Earnings may
    be stated as a loss ("it lost $200", "earnings of -$200") or through the new total ("it
    grew to $21,500", "now worth $21,500": the total less the basis), and the basis through
    a total and the earnings part of it ("$10,500, of which $500 is earnings": the total
    less the earnings)."""
    text = plain_hyphens(text)  # ("$23,000 pre‐tax" pasted from a PDF is pretax money)
    # Another poster's words ("> I had $20,000 after-tax...", a comment in quotes) are not
    # the asker's figures: blanked, so positions stay those of the text.
    text = _QUOTED.sub(lambda quoted: " " * len(quoted[0]), text)
    if unclear_text(text):
        return None
    basis: list[Decimal] = []
    earnings: list[Decimal] = []
    totals: list[Decimal] = []
    rising: bool | None = None  # "grew to" (True) or "fell to" (False) the one total
    # Where basis and earnings were named: their sentence (begin, stop) and figure (its span).
    named: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    stated: list[tuple[Decimal, tuple[int, int]]] = []  # every amount, by its sentence
    moved = 0  # amounts named only as moved ("roll over $10,000"), unless shown to be a total
    # The amount before: (kind, value, match, its sentence up to it).
    previous: tuple[str | None, Decimal, re.Match[str], str] | None = None
    numbers = list(itertools.islice(_MONEY.finditer(text), MAX_NUMBERS + 1))
    if len(numbers) > MAX_NUMBERS:
        return None  # (no plain pair among that many figures; and each costs a look around)
    for match in numbers:
        sign, dollar, sign_after, digits, decimals, thousands = match.groups()
        plain = not (dollar or thousands or "," in digits or decimals)
        if plain and not _DOLLARS_AFTER.match(text, match.end()):
            continue  # a bare number: a year, a form or a count, not clearly money
        if not dollar and digits in PLAN_NUMBERS:
            continue  # "401k" is a plan, not $401,000
        try:
            value = parse_amount(digits + (decimals or "") + (thousands or "").strip())
        except InputError:
            continue
        negative = bool(sign or sign_after)
        # What names an amount is in its sentence: "I have $300,000 in my 401k. After-tax
        # earnings are $412." took the plan's whole balance for the after-tax basis.
        begin, stop = sentence_around(text, *match.span())
        stated.append((value, (begin, stop)))
        before = words(text[begin : match.start()])[-WINDOW:]
        # Words past "of which"/"including" name the part, not this amount.
        rest = PART_BEFORE.split(text[match.end() : stop], 1)[0]
        after = words(rest)[:WINDOW]
        own = _own_words(rest)
        kind = _change_kind(before) or _nearest(before, after, own)
        if kind is not None and doubtful(text, match.start(), match.end(), kind, negative):
            return None  # (a figure named as nothing is not used, doubtful or not)
        if kind == "basis" and not names_after_tax(text):
            # "I contributed $23,000 to my 401k/403b/TSP and it earned $412": pretax
            # deferrals as likely (or Roth, an IRA's, the employer's), whose rollover to a
            # Roth IRA is taxed whole. Contributions are after-tax where the text says so.
            return None
        sentence = text[begin : match.start()]  # its sentence up to it
        if previous and _is_part(previous[2], match, text):
            # "$10,500, of which $500 is earnings": the amount before was the total.
            if kind not in ("basis", "earnings") or previous[0] not in (None, "basis"):
                return None  # a part that is not named, a loss, or a part of earnings: unclear
            if previous[0] == "basis":
                basis.pop()
                named["basis"].pop()
            elif _moved(previous[2], text):
                moved -= 1  # "I rolled over $34k, of which $24k was contributions"
            totals.append(previous[1])
            if _WHOLE_PLAN.search(previous[3]):
                return None
        if negative:
            if kind != "earnings" or (sign and sign_after):
                return None  # only earnings can be below zero ("earnings of -$500")
            value = -value
        previous = (kind, value, match, sentence)
        # (the whole sentence: "worth $35,000 including pre-tax" is the plan's total)
        whole = text[begin:stop]
        if kind == "total" and _WHOLE_PLAN.search(whole):
            return None
        if kind in ("earnings", "loss", "basis"):
            where = ((begin, stop), match.span())
            named.setdefault(kind if kind == "basis" else "earnings", []).append(where)
        if kind == "earnings":
            earnings.append(value)
        elif kind == "loss":
            earnings.append(-value)
        elif kind == "basis":
            basis.append(value)
        elif kind == "total":
            totals.append(value)
            rising = _rising(before)
        elif _moved(match, text):
            moved += 1
    if moved:
        return None  # "what if I roll over $10,000?": part of the account, or another sum
    if totals and not names_after_tax(text):
        return None  # ("I have $10,500, of which $500 is earnings": which account's?)
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
    if len(basis) != 1 or len(earnings) != 1 or basis[0] <= 0 or earnings[0] >= basis[0]:
        return None
    if len(named.get("basis", [])) == len(named.get("earnings", [])) == 1:
        (where, _), (gain_where, figure) = named["basis"][0], named["earnings"][0]
        # (one sentence repeating the other's figure ties them: "$23 of earnings ... let the
        # $23 go to my Roth IRA with the $4,500 basis")
        repeated = (earnings[0], where) in stated or (basis[0], gain_where) in stated
        if not repeated and not _same_accounts(text, where, gain_where, figure):
            return None
    return basis[0], earnings[0]


#: Words a sentence may speak of the after-tax account by, when its basis or earnings were
#: named in the sentence before ("It earned $412", "The earnings are $412", "If I let them
#: go to my Roth IRA with the $4,500 basis")...
_OF_IT = frozenset(
    "it its they them those these earnings earning gain gains growth basis after-tax aftertax "
    "subaccount sub-account source bucket".split()
)
#: ... or a person's gain said alone ("... you earn $5", "I earned $300 so far"): then only
#: these words may follow it ("I earned $8,000 freelancing" is another gain).
_PEOPLE = frozenset("i you we".split())
_PLAIN_AFTER = frozenset("so far this year now in of on it that them total".split())
#: A sentence with a word of three letters or more (not the "50" after a decimal point).
_WORDY = re.compile(r"[A-Za-z]{3,}")


def _same_accounts(
    text: str, basis: tuple[int, int], gain: tuple[int, int], figure: tuple[int, int]
) -> bool:
    """Are basis and earnings, each in the sentence given (begin, stop), plainly the same
    account's (``figure``: where the earnings figure is)? In one sentence, yes. Else
    their sentences must be next to each other and the later speak of the earlier (or say
    after-tax itself): "I put $20,000 after-tax into my 401k. My rental earned $6,000" and
    "... Also have a taxable account. It earned $3,000" were worked through as one account."""
    if basis == gain:
        return True
    first, later = sorted((basis, gain))
    between = text[first[1] : later[0]]
    if any(_WORDY.search(part) for part in SENTENCES.split(between)):
        return False  # another sentence between them
    said = text[later[0] : later[1]]
    if names_after_tax(said) or _OF_IT.intersection(words(said)):
        return True
    if later != gain:
        return False
    before, after = words(text[gain[0] : figure[0]]), words(text[figure[1] : gain[1]])
    return set(before) <= _PEOPLE | EARNINGS_WORDS and set(after) <= _PLAIN_AFTER


#: Words that may stand between a verb that moves money and its amount: a hedge ("take out
#: just $5,000") or whose money it is ("take out my $5,000", "roll over the $5,000").
_BETWEEN = frozenset(
    "just only about around roughly approximately almost nearly "
    "the my our a an another this that these those".split()
)


def _moved(match: re.Match[str], text: str) -> bool:
    """Is the amount right after a verb that moves money ("roll over $10,000", "take out
    $5,000") or named as such ("a $5,000 withdrawal")?"""
    said = words(text[: match.start()])
    while said and said[-1] in _BETWEEN:
        said.pop()
    # (Two words, not three: "a rollover IRA with $45k" is money that stays put.)
    said = said[-2:]
    named = words(text[match.end() :])[:2]
    return bool(MOVE_WORDS.intersection(said) or MOVE_NOUNS.intersection(named))


def _rising(before: list[str]) -> bool | None:
    """Does "<verb> to" before a total say it went up (True), down (False), or neither?"""
    if len(before) < 2 or before[-1] != "to":
        return None
    if before[-2] in CHANGE_UP_WORDS:
        return True
    return False if before[-2] in CHANGE_DOWN_WORDS else None
