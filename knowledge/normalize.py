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

from knowledge import text_budget, vocabulary

#: What questions are read with (knowledge/data/vocabulary.yaml), checked at import.
_VOCABULARY = vocabulary.load()
#: Rewrites in order (pattern, replacement).
_PHRASES: list[tuple[str, str]] = [(r.pattern, r.replacement) for r in _VOCABULARY.rewrites]


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
_SYNONYMS = _VOCABULARY.concept_of_stem()

# Concepts at the heart of this FAQ. A question naming none of them is probably about
# something else (other taxes, investing, chit-chat), so it needs a stronger match.
DOMAIN_ANCHORS = _VOCABULARY.anchors

_STOPWORDS = _VOCABULARY.stopwords

_STEMMER = snowballstemmer.stemmer("english")
_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_INVISIBLE = {"Cc", "Cf", "Co", "Cs", "Cn"}
# Control, format (zero-width, bidi marks), private-use and unassigned characters of the
# Basic Multilingual Plane become spaces; curly apostrophes become straight ones, and the
# hyphen U+2010 (and the non-breaking U+2011, which NFKC makes it) "-": PDFs, the IRS's
# among them, and word processors write "after‐tax" so, and a question pasted from one lost
# its after-tax and pro-rata words ("after" is a stopword: only "tax" was left).
_CLEAN_TABLE = {cp: " " for cp in range(0x10000) if unicodedata.category(chr(cp)) in _INVISIBLE} | {
    0x2019: "'",
    0x2018: "'",
    0x2010: "-",
    0x2011: "-",
}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

#: Cyrillic and Greek letters drawn like Latin ones. In a word that also has Latin letters
#: they are those Latin letters ("Rоth" with a Cyrillic o, from a phone keyboard left on
#: Russian or a copy from a spoofed page, read as "r" and "th"); a word wholly of another
#: alphabet is that language's and is left as written.
_LOOK_ALIKES = str.maketrans(
    dict(
        zip(
            "аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХУІЈЅοινΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
            "aeopcyxijsdhlqwABEKMHOPCTXYIJSoivABEZHIKMNOPTYX",
            strict=True,
        )
    )
)  # (Cyrillic small, then capital; Greek small, then capital)
_LOOK_ALIKE = re.compile("[" + "".join(chr(c) for c in _LOOK_ALIKES) + "]")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile("[A-Za-z]")


def latin_look_alikes(text: str) -> str:
    """``text`` with the look-alike letters of its mixed words as the Latin ones. (Word by
    word: one pattern for "a word with both" backtracked, a minute for 2,000 letters.)"""
    if not _LOOK_ALIKE.search(text):
        return text

    def latin(word: re.Match[str]) -> str:
        letters = word.group()
        mixed = _LOOK_ALIKE.search(letters) and _LATIN_LETTER.search(letters)
        return letters.translate(_LOOK_ALIKES) if mixed else letters

    return _LETTERS.sub(latin, text)


_SEPARATOR = "\x00"  # never left in cleaned text, and no rewrite matches across it


# "AT" in capitals before a money word is forum shorthand for after-tax ("AT money",
# "AT bucket"); lowercase "at" is a preposition, so this must run before casefolding.
_AT_SHORTHAND = re.compile(
    r"\bAT(?=\s+(?:" + "|".join(_VOCABULARY.after_tax_shorthand_before) + r")\b)"
)


def clean(text: str) -> str:
    """Unicode-normalise, drop control and invisible characters, read look-alike letters of
    other alphabets in Latin words as Latin, lowercase."""
    if text.isascii():  # most text: NFKC leaves ASCII as it is, and nothing is astral
        text = text.translate(_CLEAN_TABLE)
    else:
        text = latin_look_alikes(unicodedata.normalize("NFKC", text).translate(_CLEAN_TABLE))
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


def content_words(text: str) -> str:
    """The words of ``text`` as typed (cleaned, not rewritten or stemmed), stopwords dropped:
    what a fuzzy title match should compare, since every title holds "the" or "my"."""
    return " ".join(canonical_words(clean(text)))


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
    r"^(?:" + "|".join(map(re.escape, _VOCABULARY.question_starts)) + r")\b"
)
_QUESTION_CUES = tuple(_VOCABULARY.question_cues)


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
            or any(cue in sentence for cue in _QUESTION_CUES)
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
