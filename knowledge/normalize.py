"""Turn how people really write into comparable tokens.

"401(k)", "401k" and "401 k" become one token, "MBDR" and "mega backdoor Roth" another,
gains/growth/interest all mean earnings, and words are stemmed, so that the matcher
compares meanings rather than spellings. Everything here is pure and deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from knowledge import text_budget

# Ordered rewrites: longer phrases before the shorter ones they contain.
_PHRASES: list[tuple[str, str]] = [
    (r"\$\s*\d[\d,]*(?:\.\d+)?\s*[km]?\b", " dollaramount "),
    (r"\b401\s*\(\s*k\s*\)s?|\b401\s*-?\s*ks?\b", " 401k "),
    (r"\b403\s*\(\s*b\s*\)|\b403\s*-?\s*b\b", " 403b "),
    (r"\b457\s*\(\s*b\s*\)|\b457\s*-?\s*b\b", " 457b "),
    (
        r"\bsolo\s+401k\b|\bindividual\s+401k\b|\bself[\s-]*employed\s+401k\b"
        r"|\bone[\s-]*participant\s+401k\b|\bi401k\b|\buni-?k\b",
        " solo401k ",
    ),
    (r"\bnon[\s-]*roth\s+after", " after"),
    (r"\bafter[\s-]*tax(?:ed)?\b|\bats\b|\bpost[\s-]*tax\b", " aftertax "),
    (r"\bpre[\s-]*tax\b|\bbefore[\s-]*tax\b", " pretax "),
    (
        # ("door" misspelt too: "mega backdor" is the mega backdoor, not two ideas)
        r"\bmbdrs?\b|\bmega[\s-]*back[\s-]*do{1,3}r{0,2}s?(?:\s+roth)?\b|\bmega[\s-]*roths?\b",
        " megabackdoor ",
    ),
    # "the mega thing", "doing the mega": on this server a bare "mega" is the mega backdoor
    (r"\bmega\b", " megabackdoor "),
    (r"\bbdrs?\b|\bback[\s-]*doors?(?:\s+roth)?\b", " backdoor "),
    (r"\btrad(?:itional)?\.?\s*iras?\b|\btiras?\b|\brollover\s+iras?\b", " tira "),
    (r"\bcapital\s+gains?\b", " capitalgain "),
    (r"\bannual\s+additions?\b", " 415c "),
    (r"\broth\s*iras?\b|\briras?\b", " rothira "),
    (r"\broth\s*401k\b|\bdesignated\s+roth(?:\s+accounts?)?\b", " roth401k "),
    (r"\bin[\s-]*plan\s+roth\s+(?:rollovers?|conversions?)\b|\birrs?\b", " inplan convert "),
    (r"\bin[\s-]*plan\b", " inplan "),
    (r"\bin[\s-]*service\b", " inservice "),
    (r"\bhces?\b|\bhighly[\s-]*compensated(?:\s+employees?)?\b", " hce "),
    (r"\bacp\b|\bnon[\s-]*discrimination\b", " nondiscrimination "),
    (r"\bform\s*1099\s*-?\s*rs?\b|\b1099\s*-?\s*rs?\b", " form1099r "),
    (r"\bform\s*8606s?\b|\b8606s?\b", " form8606 "),
    (r"\bform\s*1040\b|\b1040\b", " form1040 "),
    (
        r"\birs\s+notice\s*(?:20)?14\s*-\s*54\b|\birs\s+(?:20)?14\s*-\s*54\b"
        r"|\bnotice\s*(?:20)?14\s*-\s*54\b|\b2014\s*-\s*54\b|\b14\s*-\s*54\b",
        " notice201454 ",
    ),
    (r"\bpro[\s-]*rat(?:a|ed|ion|ing)\b|\bprorat(?:a|ed|ion|ing|e)\b", " prorata "),
    (r"\b415\s*\(?\s*c\s*\)?", " 415c "),
    (r"\b402\s*\(?\s*g\s*\)?", " 402g "),
    (r"\b72\s*\(\s*[de]\s*\)\s*\(\s*[28]\s*\)", " separatecontract "),
    (r"\b5[\s-]*(?:year|yr)s?\b|\bfive[\s-]*(?:year|yr)s?\b", " fiveyear "),
    (r"\b60[\s-]*days?\b|\bsixty[\s-]*days?\b|\btwo[\s-]*months?\b", " sixtyday "),
    (r"\b59\s*(?:\.5|½|1/2|and a half)|\bfifty[\s-]*nine and a half\b", " age59 "),
    (
        r"\bdec(?:ember)?\.?\s*31(?:st)?\b|\b12/31\b|\byear[\s-]*end\b|\bend\s+of\s+(?:the\s+)?year\b",
        " yearend ",
    ),
    (r"\bcatch[\s-]*ups?\b", " catchup "),
    (r"\bcode\s*g\b", " codeg "),
    (r"\bcode\s*h\b", " codeh "),
    (r"\bbox\s*(2a|1|5)\b", r" box\1 "),
    (r"\bspd\b|\bsummary\s+plan\s+description\b|\bplan\s+doc(?:ument)?s?\b", " plandocument "),
    (r"\btrustee[\s-]*to[\s-]*trustee\b", " direct "),
    (r"\bw-?4\b", " w4 "),
    (r"\beli5\b|\bexplain\s+like\s+i'?m\s+(?:five|5)\b", " explain "),
    (r"\btax[\s-]*free\b", " taxfree "),
    (r"\btax[\s-]*deferred\b", " taxdeferred "),
    (r"\b10\s*%", " tenpercent "),
    (r"\b20\s*%", " twentypercent "),
]


def _literal_first(pattern: str) -> str:
    r"""Rewrite top-level branches ``\bword...`` as ``word(?<!\wword)...``: the same
    matches, but a pattern that starts with a literal lets ``re`` skip ahead to candidate
    positions instead of trying every character (about 30x faster on a large FAQ), and
    checking the word boundary after the literal rejects most candidates sooner."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    fast = []
    for branch in branches:
        end = 2
        while branch.startswith("\\b") and end < len(branch) and branch[end].isalnum():
            end += 1
        if end < len(branch) and branch[end] in "?*+{":
            end -= 1  # a quantified last character is not part of the literal
        literal = branch[2:end]
        if literal:
            branch = f"{literal}(?<!\\w{literal}){branch[end:]}"
        fast.append(branch)
    return "|".join(fast)


_PHRASE_RES = [(re.compile(_literal_first(p)), r) for p, r in _PHRASES]

# Stemmed word -> concept: different words people use for one idea.
_SYNONYMS = {
    "gain": "earn",
    "growth": "earn",
    "grow": "earn",
    "interest": "earn",
    "profit": "earn",
    "appreci": "earn",
    "return": "earn",
    "earn": "earn",
    "convers": "convert",
    "convert": "convert",
    "distribut": "withdraw",
    "withdraw": "withdraw",
    "withdrawl": "withdraw",
    "rollov": "roll",
    "roll": "roll",
    "transfer": "roll",
    "deferr": "defer",
    "defer": "defer",
    "elect": "defer",
    "maximum": "limit",
    "max": "limit",
    "cap": "limit",
    "limit": "limit",
    "trad": "tira",
    "tradit": "tira",
    "nondeduct": "nondeduct",
    "brokerag": "custodian",
    "custodian": "custodian",
    "penalti": "penalti",
    "penal": "penalti",
}

# Concepts at the heart of this FAQ. A question naming none of them is probably about
# something else (other taxes, investing, chit-chat), so it needs a stronger match.
DOMAIN_ANCHORS = frozenset(
    {
        "aftertax",
        "megabackdoor",
        "backdoor",
        "inservice",
        "inplan",
        "notice201454",
        "415c",
        "prorata",
        "separatecontract",
        "basi",
        "form1099r",
        "hce",
        "nondiscrimination",
        "solo401k",
        "roth401k",
        "yearend",
        "earn",
        "codeg",
        "box2a",
        "box5",
        "catchup",
        "sixtyday",
        "direct",
        "indirect",
    }
)

_STOPWORDS = frozenset(
    """a about above after again against all am an and any anyone anything are aren't as at be
    because been before being below between both but by can could did didn't do does doesn't
    doing don't down during each else even ever every few for from further get gets getting got
    had has have having he her here hers herself him himself his how i i'd i'll i'm i've if in
    into is isn't it it's its itself just let me might more most much must my myself no nor not
    now of off on once only or other our ours ourselves out over own pls please same she should
    so some someone something such than that that's the their theirs them themselves then there
    these they this those through thus to too under until up us very was wasn't we were what
    when where which while who whom why will with would yes yet you your yours yourself
    really actually basically also thanks thank hi hello hey guys folks y'all im ive id dont
    question questions wondering wonder confused understand know sure right ok okay like just
    lol tbh imo correct way thing things stuff someone anybody somebody etc
    explain explained explaining explanation""".split()
)

_STEMMER = snowballstemmer.stemmer("english")
_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
# Control, format (zero-width, bidi marks), private-use and unassigned characters of the
# Basic Multilingual Plane become spaces; curly apostrophes become straight ones.
_CLEAN_TABLE = {cp: " " for cp in range(0x10000) if unicodedata.category(chr(cp)) in _INVISIBLE} | {
    0x2019: "'",
    0x2018: "'",
}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SEPARATOR = "\x00"  # never left in cleaned text, and no rewrite matches across it


# "AT" in capitals before a money word is forum shorthand for after-tax ("AT money",
# "AT bucket"); lowercase "at" is a preposition, so this must run before casefolding.
_AT_SHORTHAND = re.compile(
    r"\bAT(?=\s+(?:money|contributions?|bucket|source|sub-?account|account|dollars|funds|portion)\b)"
)


def clean(text: str) -> str:
    """Unicode-normalise, drop control and invisible characters, lowercase."""
    if text.isascii():  # most text: NFKC leaves ASCII as it is, and nothing is astral
        text = text.translate(_CLEAN_TABLE)
    else:
        text = unicodedata.normalize("NFKC", text).translate(_CLEAN_TABLE)
        if _ASTRAL.search(text):  # invisibles beyond the table (rare): the slow, exact way
            text = "".join(" " if unicodedata.category(ch) in _INVISIBLE else ch for ch in text)
    if "AT" in text:  # (a regex pass over every text costs more than this look)
        text = _AT_SHORTHAND.sub("after-tax", text)
    return text.casefold()


def _rewrite(text: str) -> str:
    for pattern, replacement in _PHRASE_RES:
        text = pattern.sub(replacement, text)
    return text


def canonical(text: str) -> str:
    """Lowercased text with known phrasings rewritten to one canonical token each."""
    return _rewrite(clean(text))


#: canonical_many's results by text: a reload after an edit rewrites only what changed
#: (the example questions and most entry texts are the same as last time).
_CANONICAL: dict[str, str] = {}
_CANONICAL_MAX = 200_000


def canonical_many(texts: list[str]) -> list[str]:
    """``canonical`` of many texts at once: one pass of each rewrite over all of them,
    which is what makes indexing a large FAQ fast."""
    # Results gathered locally: a reload thread may clear the shared cache meanwhile.
    done: dict[str, str] = {}
    for text in texts:
        hit = _CANONICAL.get(text)
        if hit is not None:
            done[text] = hit
    missing = list(dict.fromkeys(t for t in texts if t not in done))
    if missing:
        joined = _SEPARATOR.join(clean(t) for t in missing)
        rewritten = dict(zip(missing, _rewrite(joined).split(_SEPARATOR), strict=True))
        done.update(rewritten)
        if len(_CANONICAL) + len(missing) > _CANONICAL_MAX:
            _CANONICAL.clear()
        _CANONICAL.update(rewritten)
    return [done[t] for t in texts]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    root = _STEMMER.stemWord(word)
    return _SYNONYMS.get(root, root)


def canonical_words(canonical_text: str) -> list[str]:
    """Words of already-canonical text, stopwords removed."""
    found = _WORD_RE.findall(canonical_text)
    return [
        w
        for w in found
        if w not in _STOPWORDS and ("'" not in w or w.replace("'", "") not in _STOPWORDS)
    ]


def words(text: str) -> list[str]:
    """Canonical words before stemming, stopwords removed (used for typo correction)."""
    return canonical_words(canonical(text))


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """The concept token of one word from ``words`` (apostrophes dropped, then stemmed)."""
    return stem(word.replace("'", ""))


def stems(found: list[str]) -> list[str]:
    """Stemmed concept tokens of words from ``words``."""
    return list(map(stem_word, found))


def tokens(text: str) -> list[str]:
    """Stemmed concept tokens of ``text`` in order (duplicates kept)."""
    return stems(words(text))


_SENTENCE_RE = re.compile(r"(?<=[.?!])\s+|\n+")
_QUESTION_START = re.compile(
    r"^(?:how|what|why|when|where|which|who|can|could|should|shall|is|are|am|do|does|did|will|"
    r"would|was|were|has|have|any|anyone|if|so|or|and|but|also)\b"
)


@lru_cache(maxsize=8192)
def split_sentences(text: str) -> tuple[tuple[str, bool], ...]:
    """Sentences of a post, each flagged True when it reads as a question. Cached: a
    retrain splits the same example questions again."""
    result = []
    for raw in _SENTENCE_RE.split(clean(text)):
        sentence = raw.strip()
        if not sentence:
            continue
        is_question = (
            "?" in sentence
            or bool(_QUESTION_START.match(sentence))
            or any(
                cue in sentence
                for cue in ("wondering", "i'd like to understand", "not sure", "confused")
            )
        )
        result.append((sentence, is_question))
    return tuple(result)


for _clear in (stem.cache_clear, stem_word.cache_clear, split_sentences.cache_clear):
    text_budget.register(_clear)
text_budget.register(lambda: _CANONICAL.clear())  # (looked up when called: tests swap it)


_K_OR_B = re.compile(r"\(([kb])\)")
_PHRASE_WORD = re.compile(r"[^\W_]+")


def phrase_key(text: str) -> str:
    """A title's or alias's words: case, punctuation (a curly or straight apostrophe, "after
    tax" or "after-tax", a closing "?") and "401(k)" against "401k" set aside. Validation
    (no two entries share one) and the matcher (one asked word for word) use it alike."""
    return " ".join(_PHRASE_WORD.findall(_K_OR_B.sub(r"\1", clean(text))))
