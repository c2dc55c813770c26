"""When an amount a question states is no plain sum of dollars to work through.

A worked example of the wrong numbers is worse than none: a percentage ("earned 1.8%"), a
range ("$400-500"), an amount per month or year, a bound ("under $23,000"), a change said
as a value ("worth $300 more"), a sign that is not read as one ("(–$500)"), another
currency, Roth 401(k) money or a partial rollover each make the question's figures unclear,
and then there is no example.
"""

from __future__ import annotations

import re

from calculators.amount_words import (
    CLAUSE_WORDS,
    DESTINATION_VERBS,
    EARNINGS_WORDS,
    LOSS_WORDS,
    MOVE_WORDS,
    OTHER_EARNER_WORDS,
    OTHER_SOURCE_WORDS,
    PLAN_KINDS,
    PLAN_WORDS,
    SENTENCES,
    WINDOW,
    words,
)

#: Dashes and minus signs of every width and form: only a "-" or "−" right against an amount
#: is read as its sign; any other dash before an amount makes it unclear. (The small and
#: full-width hyphen-minus an East Asian keyboard types, the heavy minus emoji and the raised,
#: lowered and modifier minus signs were not known as dashes: "earnings are －$500", a loss,
#: was worked through as $500 of taxable earnings.)
DASHES = (
    "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
    "\u2796\u207b\u208b\u02d7"
)

#: Right after an amount: a percentage, a multiple, a range, a rate per period or another
#: currency ("1.8%", "$23,000 x 2", "$400-500", "$400 to 500", "$412 a month", "$23,000 CAD").
_QUALIFIED_AFTER = re.compile(
    r"\s*(?:[%\u066a\ufe6a\uff05]|[x\u00d7*]\s*\d"
    rf"|[{DASHES}~/]\s*\$?\d|(?:to|or)\s+\$?\d"
    r"|/\s*(?:mo|month|yr|year|wk|week|paycheck|check|day|qtr|quarter)\b"
    r"|(?:(?:one|two|three|four|five|six|\d+)\s+)?times\b"
    r"|(?:percent|pct|twice|thrice|grand|monthly|annually|yearly|weekly|quarterly"
    r"|each|cad|cdn|aud|eur|euros?|gbp|pounds?|max|tops|thousand|million|mil)\b"
    r"|or\s+(?:more|less|so)\b|\+(?!\s*\$?\d)"
    r"|(?:a|per|every)\s+(?:month|year|week|quarter|day|paycheck|pay\s*period)\b)",
    re.IGNORECASE,
)
#: Right before an amount: a bound, a multiple, a sign in words or another currency
#: ("at least $23,000", "2x $23,000", "2 times $23,000", "negative: $412", "£23,000").
_QUALIFIED_BEFORE = re.compile(
    r"(?:\d\s*(?:[x\u00d7*]|times\b)|\b(?:than|least|most|up\s+to|each|every|per|negative|minus"
    r"|north\s+of|upwards\s+of|excess\s+of)[\s:]*"
    r"|[\u00a3\u20ac\u00a5\u20b9])\s*\$?\s*$",
    re.IGNORECASE,
)
#: Bounds in words; "over" after a verb that moves money is not one ("rolled over $10,000").
_BOUNDS = frozenset("under over above below".split())
#: A dash before an amount that was not read as its sign ("(–$500)", "- $500", "400 - $500")...
_DASH_BEFORE = re.compile(rf"[{DASHES}]\s*\$?\s*$")
#: ... unless it is a list's bullet at the start of a line ("- $1000 after-tax").
_BULLET = re.compile(rf"(?:^|\n)[ \t]*[{DASHES}*\u2022][ \t]+\$?$")
#: ... or, before a basis, a dash set apart by spaces, as a title's ("Mega backdoor - $18,000
#: after-tax, $212 earnings"): a basis below zero is no reading at all.
_SPACED_DASH = re.compile(rf"\s[{DASHES}][ \t]+\$?$")
#: Right after a total ("worth $300 more"), a comparison: the amount is a change from
#: something, not the account's value ("more or less" only rounds it). On the same line:
#: "worth $20,300" ending one, "More details: ..." starting the next, is no comparison.
_COMPARED_AFTER = re.compile(
    r"[^\S\n]*(?:more(?!\s+or\s+less)|less|above|below|higher|lower|extra)\b", re.IGNORECASE
)
#: Words just after earnings that turn them around ("$412 in the red", "$200 less than").
_TURNED_AFTER = frozenset("red below less deficit negative".split())
#: Words after an amount a period may sit in ("$2,000 after-tax to my 401(k) plan every
#: month"): wider than WINDOW, since plan names take words.
PERIOD_REACH = 8
#: An amount said to repeat: not the account's total ("$23,000 after-tax each year").
_PER_PERIOD = re.compile(
    r"\b(?:each|every|per)\s+(?:pay\s*(?:check|cheque|day|period)|paycheque|check|pay)\b"
    r"|\ba\s+(?:pay\s*check|paycheque)\b"  # ("a check for $20,000" is a rollover's check)
    r"|\b(?:each|every|per)\s+(?:other\s+|two\s+|few\s+)?(?:year|month|week|quarter)s?\b"
    r"|(?<!\bin )\ba\s+(?:year|month|week|quarter)\b(?!\s+ago)|\bfor\s+(?:\d+\s+)?years\b"
    r"|\b(?:monthly|annually|yearly|weekly|quarterly|biweekly|bi-weekly|semimonthly"
    r"|semi-monthly|fortnightly|semiannually|semi-annually)\b"
    # ("$1,000 per payroll", "$1,000/pp", "every 14 days", "every Friday")
    r"|\b(?:each|every|per)\s+(?:other\s+)?(?:payroll|days?|(?:mon|tues|wednes|thurs|fri)day)\b",
    re.IGNORECASE,
)
#: Pay periods named anywhere: an after-tax amount beside them is as likely one paycheck's
#: ("My paystub shows $1,000 after-tax", "I have 26 pay periods. I contribute $1,000").
_PAY_PERIODS = re.compile(
    r"\bpay\s*(?:checks?|cheques?|stubs?|periods?|rolls?)\b|\bpp\b", re.IGNORECASE
)
#: Designated Roth money (Roth 401(k) deferrals) rolled to a Roth IRA is not after-tax basis
#: with taxable earnings, though people call it after-tax money too.
_ROTH_SOURCE = re.compile(
    r"\broth[\s-]*(?:401|403|457|tsp|deferrals?|elective|portion|side|contributions?)"
    r"|\bdesignated\s+roth",
    re.IGNORECASE,
)
#: Words before an account that make it where money goes ("to my Roth IRA").
_TOWARDS = frozenset("to into".split())
_AFTER_TAX_WORDS = re.compile(r"\bafter[-\s]?tax(?!es)|\baftertax(?!es)", re.IGNORECASE)
#: "Basis" as after-tax money: not a cost basis, nor "on a quarterly basis".
_AFTER_TAX = re.compile(
    rf"{_AFTER_TAX_WORDS.pattern}"
    r"|(?<!\bcost )(?<!ly )(?<!\bregular )(?<!\bcase-by-case )\bbasis\b",
    re.IGNORECASE,
)
#: After-tax money by any of its names, the mega backdoor's included.
_AFTER_TAX_MONEY = re.compile(
    rf"{_AFTER_TAX.pattern}|\bmega[\s-]?backdoor|\bmbdr\b|\bnon-?roth\b", re.IGNORECASE
)


def names_after_tax(text: str) -> bool:
    """Does ``text`` name after-tax money ("after-tax", "basis", "mega backdoor")?"""
    return bool(_AFTER_TAX_MONEY.search(text))


#: In an amount's clause, words that make it no part of the after-tax account: money held
#: elsewhere, its basis or its gain ("I deposited $23,000 in a CD", "my savings account
#: earned $250", "my house increased $40,000 in value")...
_OTHER_HOLDINGS = frozenset(
    "bank savings checking hysa cd cds bond bonds utma ugma treasury treasuries market house "
    "home property car brokerage stock stocks portfolio annuity annuities hsa".split()
)
#: ... and, for a gain, pay ("my wife earns $9,000 part-time", "a $5,000 salary increase"),
#: a debt's interest ("$412 interest on my 401k loan"), the plan as a whole ("my old 401k",
#: "overall") or a share's price. Each was worked through as the asker's earnings.
_NOT_THE_ACCOUNTS = _OTHER_HOLDINGS | frozenset(
    "salary salaries bonus bonuses overtime raise wage wages pay paid paying income job jobs "
    "commission loan loans mortgage debt old whole overall entire share shares part-time "
    # (the plan's other money, "the rest earned $9,000")
    "other rest else everything pre-tax pretax match employer company".split()
)
#: Before a gain, words that make it not yet real ("it would have earned $212", "I'm
#: planning a $5,000 increase"); after it they are the question ("..., what would I owe?").
_NOT_YET = frozenset(
    "would could might planning planned goal expect expecting expected hope hoping".split()
)
#: In the clause of an amount called after-tax, words that make it no basis: a limit or the
#: room left under one, or pay after tax ("my after-tax salary is $90,000").
_NOT_A_BASIS = frozenset(
    "limit limits room space max maximum cap salary bonus income pay take-home severance "
    "fund planning goal intend intending".split()
)
#: Words of an amount's clause looked at for those, either side (wider than WINDOW: "my
#: overall 401k gain this year was $4,120").
CLAUSE_REACH = 8
#: A basis that is an IRA's contribution ("$7,000 after-tax into my traditional IRA", the
#: ordinary backdoor, Form 8606's) or a taxable account's: the pro-rata rule's, not /split's.
_IRA_CONTRIBUTION = re.compile(
    r"\b(?:traditional|trad)\s+iras?\b|\btira\b|\biras?\s+contributions?\b"
    # ("I contributed $7,000 after-tax to my Roth IRA": an IRA's own contribution)
    r"|\b(?:contribute|contributed|contributing|deposit|deposited)\b(?:\s+\S+){0,3}?\s+"
    r"(?:to|into|in)\s+(?:(?:my|a|an|the)\s+)?(?:roth\s+)?iras?\b"
    r"|(?<!mega )(?<!mega-)\bbackdoor\b|\btaxable\s+(?:account|brokerage)\b",
    re.IGNORECASE,
)
_FORM_8606 = re.compile(r"\b8606\b")
_PLAN_TO = re.compile(r"\bplan(?:s|ning)?\s+to\b", re.IGNORECASE)
#: A gain over part of the time only.
_PART_OF_A_YEAR = re.compile(r"\blast\s+(?:quarter|month|week)\b")
_OWED = frozenset("owe owed owing".split())
#: The plan itself named in the same clause: then "traditional" is the plan's kind.
_PLAN_NAMED = re.compile(r"\b(?:401|403|457)|\bplan\b|\btsp\b", re.IGNORECASE)
#: A basis or gains that are another account's, named so in the amount's clause: an IRA's
#: ("$6,500 basis in my traditional IRA", "my Roth IRA basis", "$300 earnings in my Roth
#: IRA"), a brokerage account's ("cost basis", "capital gains"). "Basis" alone counts as
#: after-tax money (above), so these were worked through as a plan's after-tax account.
_OTHER_BASIS = re.compile(
    r"\b(?:ira|iras|tira|rira|brokerage|hsa|cost|nondeductible|non-deductible)\s+basis\b"
    r"|\bbasis\s+(?:is\s+)?(?:in|of|from)\s+(?:(?:my|our|his|her|the|a|an)\s+)?"
    r"(?:(?:traditional|trad|roth|rollover)\s+)?(?:ira|iras|tira|rira|brokerage|hsa)\b"
    r"|\b(?:earnings|gains|earned)\s+(?:in|inside|within)\s+(?:(?:my|our|his|her|the)\s+)?"
    r"(?:(?:traditional|trad|roth|rollover)\s+)?(?:ira|iras|tira|rira|brokerage|hsa)\b"
    r"|\bcapital\s+gains?\b",
    re.IGNORECASE,
)
#: Only part of the account moved ("I only want to roll over $10,000", "a partial rollover",
#: "half of it"): the example works through the whole account, another question.
_MOVED = (
    r"(?:roll(?:s|ed|ing)?|rollover|convert(?:s|ed|ing)?|withdr[ae]w(?:s|ing)?"
    r"|mov(?:e|es|ed|ing)|transfer(?:s|red|ring)?)"
)
_PARTIAL = re.compile(
    rf"\bonly\s+(?:[a-z']+\s+){{0,3}}?{_MOVED}\b[^.?!;\n]{{0,20}}?(?:\$?\d|half|part|some)"
    rf"|\b{_MOVED}\s+(?:over\s+)?(?:half\b|\d+\s*%)"
    r"|\bpartial(?:ly)?\s+roll"
    rf"|\b{_MOVED}\s+(?:over\s+)?(?:only\s+)?(?:half|part|some|a\s+(?:portion|part))\s+of\s+"
    r"(?:it|that|this|the\s+(?:account|money|balance|after-tax))\b",
    re.IGNORECASE,
)
#: Another currency named anywhere: the dollars may not be US dollars.
_OTHER_CURRENCY = re.compile(
    r"[\u00a3\u20ac\u00a5\u20b9]|\b(?:C|CA|A|AU|NZ)\$|\b(?:CAD|AUD|GBP|EUR|INR)\b"
)


#: Accounts with no after-tax basis to split: a question about one, with no word for
#: after-tax money, is about other figures ("$300 excess to this HSA ... NIA is $0").
_NO_BASIS_ACCOUNT = re.compile(r"\bHSAs?\b|(?<![$\d,.])\b529s?\b(?![.,]?\d)", re.IGNORECASE)


#: Money not rolled to IRAs, which is all /split works through: paid out in cash ("I'm
#: taking a cash in-service withdrawal, not a rollover" got a Roth IRA of $23,412 and code
#: G), converted inside the plan (a Roth 401(k), no Roth IRA), or refunded by a plan that
#: failed its testing (a corrective payout, which cannot be rolled over at all).
_NOT_A_ROLLOVER = re.compile(
    r"\bcash(?:ed|ing)?\s+(?:it\s+)?(?:out|withdrawals?|distributions?)\b|\bnot\s+a\s+rollover\b"
    r"|\bin[-\s]plan\b|\b(?:inside|within)\s+(?:the|my)\s+plan\b|\bhardship\b"
    r"|\brefunded\b|\bcorrective\b|\bexcess\s+aggregate\b|\b(?:adp|acp|nondiscrimination)\b"
    r"|\bsending\s+it\s+back\b",
    re.IGNORECASE,
)
#: Figures corrected or brought up to date in the text ("Actually after the correction it's
#: $22,500", "EDIT: it's $25,000", "make that $350"), or only part of the time's ("in Q1",
#: "since my last conversion"): which pair is the asker's, now, is unclear.
_CORRECTED = re.compile(
    r"\bcorrect(?:ion|ed)\b|\bi\s+meant\b|\btypo\b|\b(?:edit|update)(?:ed)?\s*:|\bmake\s+that\b"
    r"|\bq[1-4]\b|\blast\s+\d+\s+days\b|\b(?:since|before)\s+(?:my|the)\s+last\b",
    re.IGNORECASE,
)
#: In an amount's sentence, someone else's figures ("On the Bogleheads wiki they show",
#: "For example, say someone has", "my coworker put $20,000"): not the asker's.
_OTHERS_FIGURES = re.compile(
    r"\bexamples?\b|\bsomeone\b|\bsomebody\b|\bwiki\b|\bco-?workers?\b|\bcolleagues?\b",
    re.IGNORECASE,
)


#: Shares from an employer's stock plan, whose basis and gains are no plan account's.
_SHARES = re.compile(r"\b(?:ESPP|RSUs?)\b", re.IGNORECASE)


def unclear_text(text: str) -> bool:
    """Does the whole text make any example doubtful: another currency, a partial rollover,
    or Roth 401(k), HSA or 529 money or stock-plan shares with no word for after-tax money
    at all?"""
    if _OTHER_CURRENCY.search(text) or _PARTIAL.search(text) or _CORRECTED.search(text):
        return True
    if _NOT_A_ROLLOVER.search(text):
        return True
    if _PAY_PERIODS.search(text):
        return True  # (a figure may be a paycheck's, whichever sentence names it)
    other = _ROTH_SOURCE.search(text) or _NO_BASIS_ACCOUNT.search(text)
    if _SHARES.search(text) and not _AFTER_TAX_WORDS.search(text):
        return True  # (their "basis" is the shares' cost: "ESPP shares: basis $8,000")
    return bool(other) and not _AFTER_TAX.search(text)


def sentence_around(
    text: str, start: int, end: int, ends: re.Pattern[str] = SENTENCES
) -> tuple[int, int]:
    """Where the sentence of ``text`` that holds ``text[start:end]`` begins and stops
    (``ends``: what ends a sentence)."""
    begin = max((m.end() for m in ends.finditer(text, 0, start)), default=0)
    stop = ends.search(text, end)
    return begin, stop.start() if stop else len(text)


#: Where a clause ends within a sentence: a comma, a colon, a bracket or a long dash.
_CLAUSE_MARKS = re.compile(r"[,:\u2013\u2014]|(?<!\d)\(|(?<!\d\([a-zA-Z])\)")  # (not 401(k)'s)
#: A label just before an amount ("Pre-tax contributions: $23,000") holds its own words.
_LABEL_COLON = re.compile(r":\s*$")
#: "529" is a plan by its number; words() keeps letters only.
_SAVINGS_PLAN = re.compile(r"(?<![$\d,.])\b529s?\b(?![.,]?\d)")


def _clause(
    text: str, start: int, end: int, begin: int, stop: int, reach: int = WINDOW
) -> tuple[list[str], list[str], str]:
    """The words of the amount ``text[start:end]``'s clause before and after it (up to
    WINDOW each), and that clause's text: "I deferred $23,000 pre-tax and my after-tax
    earned $50" gives the $23,000 "i deferred" and "pre-tax", not the after-tax account's
    words."""
    heads = _CLAUSE_MARKS.split(text[begin:start])
    labelled = len(heads) > 1 and _LABEL_COLON.search(text, begin, start)
    head = heads[-2] if labelled else heads[-1]
    tails = _CLAUSE_MARKS.split(text[end:stop])
    # A mark right after the amount opens an aside about it: "$23,000 (pre-tax)", "$23,000,
    # all pre-tax, and".
    tail = tails[1] if len(tails) > 1 and not tails[0].strip() else tails[0]
    before, after = words(head)[-reach:], words(tail)[:reach]
    cut = max((i + 1 for i, w in enumerate(before) if w in CLAUSE_WORDS), default=0)
    stop_at = next((i for i, w in enumerate(after) if w in CLAUSE_WORDS), len(after))
    return before[cut:], after[:stop_at], f"{head} {tail}"


def _another_accounts(
    text: str, start: int, end: int, sentence: tuple[int, int], kind: str
) -> bool:
    """Is the amount said to be another account's money: pretax, the employer's, an IRA's
    ("I contributed $7,000 to my traditional IRA"), and not after-tax in the same breath;
    or earnings of another account ("my Roth IRA has earned $120 since")?"""
    before, after, clause = _clause(text, start, end, *sentence)
    if _OTHER_BASIS.search(clause):
        return True
    said = before + after if kind == "basis" else before
    vocabulary = OTHER_SOURCE_WORDS if kind == "basis" else OTHER_EARNER_WORDS

    def named_source(words: list[str]) -> bool:
        return any(_names_a_source(words, i) for i, word in enumerate(words) if word in vocabulary)

    # ("Basis" is after-tax money unless an account named before the amount owns it, "trad
    # IRA shows $7,000 basis", rather than receives it, "to my Roth IRA with the $4,500 basis".)
    owner = _destinations_masked(before, words(text[sentence[0] : start]))
    shown = " ".join(said)
    if _AFTER_TAX_WORDS.search(shown) or (_AFTER_TAX.search(shown) and not named_source(owner)):
        return False
    if kind == "basis" and _SAVINGS_PLAN.search(clause):
        return True
    return named_source(said)


#: Where the words of an amount's own clause begin, before it: a clause mark or word.
_CLAUSE_START = re.compile(
    rf"{_CLAUSE_MARKS.pattern}|[;]|\b(?:{'|'.join(sorted(CLAUSE_WORDS))})\b", re.IGNORECASE
)


def _head(text: str, begin: int, start: int) -> str:
    """The text of an amount's clause before it ("my total 401k earnings were" in "I put in
    $23,000 after-tax, and my total 401k earnings were $4,120")."""
    cut = max((m.end() for m in _CLAUSE_START.finditer(text, begin, start)), default=begin)
    return text[cut:start]


def _subject_elsewhere(lead: list[str]) -> bool:
    """Does a gain's clause open with "which"/"that" after another account or thing ("a
    Roth IRA which earned", "stocks that gained"): whose gain it is comes before it."""
    cut = max((i for i, w in enumerate(lead) if w in _RELATIVE), default=None)
    if cut is None:
        return False
    subject = lead[max(0, cut - 3) : cut]
    return bool((OTHER_EARNER_WORDS | _NOT_THE_ACCOUNTS).intersection(subject))


_RELATIVE = frozenset({"which", "that"})


def _destinations_masked(before: list[str], lead: list[str]) -> list[str]:
    """``before`` (the last words of ``lead``) with each word that closely follows "to" or
    "into" blanked: "to my Roth IRA" is where money goes, not whose it is."""
    base = len(lead) - len(before)
    if base < 0 or lead[base:] != before:
        return before  # (a labelled clause's words: not the words just before the amount)
    return [
        "" if _TOWARDS.intersection(lead[max(0, base + j - 3) : base + j]) else word
        for j, word in enumerate(before)
    ]


def _names_a_source(said: list[str], i: int) -> bool:
    """Does ``said[i]``, an account's word, name where the money is, not where it goes ("the
    traditional IRA gets the $300 earnings") nor the plan it is in ("traditional 401(k)")?"""
    following = said[i + 1 : i + 3]
    if said[i] in PLAN_KINDS and following[:1] and following[0] in PLAN_WORDS:
        return False
    return not DESTINATION_VERBS.intersection(w for w in following if w != "ira")


def _bound(said_before: list[str]) -> bool:
    """Is the word before an amount a bound ("under $23,000")? Not "over" after a verb that
    moves money ("rolled over $10,000")."""
    if not said_before or said_before[-1] not in _BOUNDS:
        return False
    return not (said_before[-1] == "over" and said_before[-2:-1] and said_before[-2] in MOVE_WORDS)


#: Spaces that set thousands apart: a word's, a no-break one, and the narrower ones typeset
#: text uses (figure, punctuation, thin, hair and narrow no-break spaces).
_NUMBER_SPACES = " \u00a0\u2007-\u200a\u202f"
#: An amount of one to three digits, and a group of three digits a space after it (with or
#: without cents: "$1 200.50")...
_SHORT_AMOUNT = re.compile(r"[-\u2212]?\$?\s?[-\u2212]?\d{1,3}")
_SPACED_THOUSANDS = re.compile(rf"[{_NUMBER_SPACES}]\d{{3}}(?![\w(]|,\d)")
#: ... or, seen from the group's side, one to three digits a space before an amount that
#: starts with a group of three ("earned 1 200.50": $200.50 was read, the cents made it one).
_SPACED_HEAD = re.compile(rf"(?<![\w.,])\d{{1,3}}[{_NUMBER_SPACES}]$")
_GROUP_FIRST = re.compile(r"\d{3}(?!\d)")
#: What shows two runs of digits as one number though an amount stops at it: a character
#: that shows nothing (a zero-width space, soft hyphen, word joiner, direction mark or byte
#: order mark, pasted with the figure), a mark drawn on a digit (an accent, an emoji
#: digit's keycap), an apostrophe ("1'200", as the Swiss write thousands), the Arabic
#: separators, or a comma or point of another form: the full-width ones a Chinese or
#: Japanese keyboard types ("$1，200"), the ideographic ones, a middle dot, a low quote.
#: "$4<zero-width space>12" shows as $412 and was read as $4, "$1，200" as $1.
_JOINERS = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\u0300-\u036f\u20d0-\u20ff\ufe00-\ufe0f'\u2019\u066c"
    "\uff0c\uff0e\ufe50\ufe52\u3001\u3002\uff61\uff64\u060c\u066b\u00b7\u201a"
)
_JOINED_AFTER = re.compile(rf"[.,]?[{_JOINERS}]+[.,]?\d")
_JOINED_BEFORE = re.compile(rf"\d[.,]?[{_JOINERS}]+[.,]?$")
#: Characters before an amount that the patterns before it look at.
NEAR_CHARS = 60
_SPACES = re.compile(r"\s+")


def doubtful(text: str, start: int, end: int, kind: str, signed: bool) -> bool:
    """Is the amount ``text[start:end]``, read as ``kind``, stated in a way that makes it no
    plain sum of dollars: qualified by what is next to it, a dash that is not its sign
    (``signed``: one was read), per period, turned around, or Roth 401(k) money?"""
    before = text[:start]
    # Only the words just before count, with runs of spaces as one: the patterns' stacked
    # "\s*" took minutes over a long run of blank lines before many amounts.
    near = _SPACES.sub(" ", before[-NEAR_CHARS:])
    last_line = before[before.rfind("\n") + 1 :]
    if _QUALIFIED_AFTER.match(text, end) or _QUALIFIED_BEFORE.search(near):
        return True
    if _SHORT_AMOUNT.fullmatch(text, start, end) and _SPACED_THOUSANDS.match(text, end):
        return True  # ("$23 500": thousands set apart by a space, not $23)
    close = before[-NEAR_CHARS:]  # (as typed: the spaces and marks are the point here)
    if _SPACED_HEAD.search(close) and _GROUP_FIRST.match(text, start):
        return True
    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(close):
        return True  # part of a number shown whole: "$4\u200b12", "$1'200"
    dashed = not signed and _DASH_BEFORE.search(near) and not _BULLET.search(last_line)
    if dashed and not (kind == "basis" and _SPACED_DASH.search(near)):
        return True
    # "($20)" is a loss to accountants; "($20,000 after-tax, $1,000 earnings)" an aside
    if before.endswith("("):
        return True
    said_before = words(before)[-WINDOW:]
    if _bound(said_before):
        return True
    begin, stop = sentence_around(text, start, end)
    sentence = text[begin:stop]
    # "$23,000 after-tax each year", not "... and rolled it over each quarter" further on
    near = words(text[begin:start])[-WINDOW:] + words(text[end:stop])[:PERIOD_REACH]
    if _PER_PERIOD.search(" ".join(near)):
        return True
    # "worth $300 more" taken as the total made a $300 gain a $19,700 loss
    if kind == "total" and _COMPARED_AFTER.match(text, end):
        return True
    # The words after it in its own sentence: "earned $412. Below is my statement" is no
    # turn, nor "basis is $23,000. Roth conversion: ..." Roth money.
    said_after = words(text[end:stop])[:WINDOW]
    if kind in ("earnings", "loss") and _TURNED_AFTER.intersection(said_after[:3]):
        return True
    # "lost $412 then earned it back": a loss and a gain for one figure (in two sentences too)
    window = said_before + words(text[end:])[:WINDOW]
    if LOSS_WORDS.intersection(window) and EARNINGS_WORDS.intersection(window):
        return True
    if _another_accounts(text, start, end, (begin, stop), kind):
        return True
    if _elsewhere(text, start, end, (begin, stop), kind) or _OTHERS_FIGURES.search(sentence):
        return True
    # "$23,000 Roth", "my Roth 401(k) basis is $23,000": designated Roth money
    return kind == "basis" and (said_after[:1] == ["roth"] or bool(_ROTH_SOURCE.search(sentence)))


def _elsewhere(text: str, start: int, end: int, sentence: tuple[int, int], kind: str) -> bool:
    """Is the amount money of something other than the after-tax account, by the words of
    its clause (CLAUSE_REACH either side) and its sentence?"""
    begin, stop = sentence
    before, after, clause = _clause(text, start, end, begin, stop, CLAUSE_REACH)
    lead = words(text[begin:start])[-CLAUSE_REACH:]  # (past a label: "My brokerage: put $X")
    if kind == "basis":
        if _OTHER_HOLDINGS.intersection(lead + after) or _NOT_A_BASIS.intersection(before + after):
            return True  # ("I deposited $23,000 in a CD", "the after-tax limit is $46,000")
        if _PLAN_TO.search(clause):
            return True  # ("I plan to contribute $40,000 after-tax": not in the account yet)
        if _IRA_CONTRIBUTION.search(" ".join(before + after)) or _FORM_8606.search(clause):
            return not _PLAN_NAMED.search(clause)  # ("$7,000 after-tax into my trad IRA")
        return False
    if _NOT_THE_ACCOUNTS.intersection(before + after) or _subject_elsewhere(lead):
        return True
    if _OWED.intersection(before[-2:]) or _NOT_YET.intersection(before):
        return True  # ("I owe $412 in interest": not "what do I owe?" after the figure)
    if _PART_OF_A_YEAR.search(" ".join(words(text[end:stop])[:CLAUSE_REACH])):
        return True  # ("earnings were $412 last quarter": not the account's to date)
    if _SAVINGS_PLAN.search(clause):
        return True  # ("My 529 earned $412")
    # ("my total 401k earnings were $4,120": the whole plan's)
    return bool(_PLAN_NAMED.search(_head(text, begin, start))) and not names_after_tax(clause)
