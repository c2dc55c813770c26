"""Concept evidence: how much of a question's meaning each FAQ entry's words cover.

Every entry is a weighted bag of normalised tokens and token pairs (title, aliases and
keywords weigh most, the full answer least). A question's tokens add up their
rarity-weighted overlap with each entry. Tokens from the post's question sentences (and its
first sentence, where a forum title ends up) count fully; tokens from the personal context
around them count less, so a long post matches on what it asks. rapidfuzz corrects typos
against the FAQ's own vocabulary.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from knowledge import normalize, text_budget, typos
from knowledge.model import FaqEntry

FIELD_WEIGHTS = {"title": 3.0, "aliases": 2.5, "keywords": 3.0, "short": 1.5, "body": 0.4}
#: Weight of tokens from sentences that are context, not the question. Less than the
#: question's, but not much: a real post's story names the accounts and the money the
#: question is about. Cross-validated on the real dev posts (919, ten draws), right / wrong
#: at the answer threshold 80 were 39.3 / 3.6 at 0.15, 40.6 / 3.3 at 0.3, 41.4 / 3.2 at
#: 0.5, 42.1 / 2.9 at 0.6, 42.5 / 3.0 at 0.7, 42.8 / 3.1 at 0.8 and 42.4 / 3.3 at 1.0.
CONTEXT_WEIGHT = 0.7
#: The least a term's idf (its rarity among the entries) may be. A FAQ of a few dozen
#: entries says little about which words matter: with the floor at 0.3, a word found in
#: one entry ("1099r") outweighed one in most entries ("roth") nearly ten times (2.85 to
#: 0.3 among 25 entries), in the entries' words and in every likeness of a question to the
#: example questions, which are what the ranker learns from. At 1.7, at most 1.7 times.
#: Cross-validated on the real dev posts (ten draws), right / wrong at 80:
#: 42.5 / 3.0 at 0.3, 44.9 / 2.8 at 0.8, 47.6 / 2.9 at 1.3, 48.2 / 2.7 at 1.5, 49.4 / 2.9
#: at 1.7, 49.6 / 3.2 at 1.9, 50.1 / 3.8 at 2.2 (5.0, every word alike: 50.8 / 4.2). Short
#: queries of one rare word and a common one ("1099r box") score lower than they did.
IDF_FLOOR = 1.7
UNKNOWN_IDF = 1.0
#: Per-index lookups keep words and sentences up to these lengths: a member's text can
#: hold a 4,000-letter "word" (see knowledge/text_budget.py).
LONGEST_KEPT_WORD = 64
LONGEST_KEPT_SENTENCE = 500
#: The newest index's corrections, carried into the next one (see knowledge/typos.py).
_LATEST_CORRECTIONS: list[typos.Corrections] = []
#: The newest index's prepared example questions by text, with what they depend on (its idf
#: and its vocabulary): see LexicalIndex.prepare_examples.
_LATEST_EXAMPLES: list[tuple[dict[str, int], list[float], list[str], dict[str, Query]]] = []


@lru_cache(maxsize=50_000)
def _sentence_words(canonical_sentence: str) -> tuple[str, ...]:
    """A canonical sentence's words: the same whatever the FAQ, so cached across reloads."""
    return tuple(normalize.canonical_words(canonical_sentence))


def features_of(toks: Sequence[str]) -> list[str]:
    """Unigrams plus adjacent pairs: pairs keep 'roth ira' apart from 'roth 401k'."""
    return [*toks, *map("_".join, itertools.pairwise(toks))]


def entry_fields(entry: FaqEntry) -> dict[str, list[str]]:
    return {
        "title": [entry.title, entry.id.replace("-", " ")],
        "aliases": list(entry.aliases),
        "keywords": list(entry.keywords),
        "short": [entry.short],
        "body": [entry.body],
    }


@dataclass
class Query:
    """A question prepared once and scored against every index."""

    text: str
    #: Token feature -> weight (1 for what is asked, less for context).
    weights: dict[str, float] = field(default_factory=dict)
    #: Token strings of the sentences that ask something, for phrase comparison.
    segments: list[str] = field(default_factory=list)
    #: Rarity-weighted mass of the question's single words, known to the FAQ or not.
    mass: float = 0.0
    #: Share of that mass made of words the FAQ knows.
    known: float = 0.0
    anchored: bool = False
    n_tokens: int = 0


@lru_cache(maxsize=20_000)
def _shape(
    sentences: tuple[tuple[tuple[str, ...], bool], ...],
) -> tuple[dict[str, float], list[str], bool, int]:
    """What a question's tokens say whatever the index: its weighted features, the
    segments that ask something, whether it names a core concept, its length. Cached (a
    retrain prepares the same example questions again); callers never modify the result."""
    weights: dict[str, float] = {}
    segments: list[str] = []
    kept = [(toks, q) for toks, q in sentences if toks]
    any_question = any(q for _, q in kept)
    n_tokens = 0
    for n, (toks, is_question) in enumerate(kept):
        # A short question ("What is it?") leans on the sentence before it; the first
        # sentence holds a forum post's title.
        leads = n + 1 < len(kept) and kept[n + 1][1] and len(kept[n + 1][0]) < 3
        full = is_question or leads or n == 0 or not any_question
        weight = 1.0 if full else CONTEXT_WEIGHT
        for feature in features_of(toks):
            weights[feature] = max(weights.get(feature, 0.0), weight)
        if full:
            segments.append(" ".join(toks))
        n_tokens += len(toks)
    if len(segments) > 1:
        segments.append(" ".join(segments))
    anchored = any(t in normalize.DOMAIN_ANCHORS for t in weights)
    return weights, segments, anchored, n_tokens


text_budget.register(_sentence_words.cache_clear)
text_budget.register(_shape.cache_clear)


@lru_cache(maxsize=4096)
def _entry_features(
    fields: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[dict[str, float], tuple[str, ...], frozenset[str]]:
    """One entry's weighted features, its title and alias phrases (as tokens) and its words,
    from its canonical field texts. Cached: a reload after an edit redoes only the entries
    that changed. Callers never modify the result."""
    weights: dict[str, float] = defaultdict(float)
    phrases: list[str] = []
    vocabulary: set[str] = set()
    for name, texts in fields:
        counts: Counter[str] = Counter()
        for text in texts:
            found = normalize.canonical_words(text)
            toks = normalize.stems(found)
            counts.update(features_of(toks))
            vocabulary.update(found)
            if name in ("title", "aliases"):
                phrases.append(" ".join(toks))
        for feature, count in counts.items():
            weights[feature] += FIELD_WEIGHTS[name] * math.log1p(count)
    return dict(weights), tuple(phrases), frozenset(vocabulary)


class LexicalIndex:
    """Token postings of every entry; preparing and scoring a question is cheap."""

    def __init__(self, entries: Sequence[FaqEntry]) -> None:
        self.entries = list(entries)
        n = len(self.entries)
        # Normalise every text of every entry in one batch (see normalize.canonical_many).
        fields = [entry_fields(e) for e in self.entries]
        flat = iter(normalize.canonical_many([t for f in fields for ts in f.values() for t in ts]))
        raw: list[dict[str, float]] = []
        vocabulary: set[str] = set()
        self.phrases: list[list[str]] = []  # title and aliases as token strings
        for named in fields:
            texts = tuple((name, tuple(next(flat) for _ in ts)) for name, ts in named.items())
            weights, phrases, words = _entry_features(texts)
            raw.append(weights)
            self.phrases.append(list(phrases))
            vocabulary.update(words)

        # Every (entry, feature) pair as arrays: a large FAQ has a million of them, too many
        # for a dictionary update per pair.
        keys = list(itertools.chain.from_iterable(raw))
        terms = sorted(set(keys))
        self.vocabulary = dict(zip(terms, range(len(terms)), strict=True))
        rows = np.fromiter(map(self.vocabulary.__getitem__, keys), np.intp, len(keys))
        cols = np.repeat(np.arange(n), [len(w) for w in raw])
        held = np.fromiter(itertools.chain.from_iterable(w.values() for w in raw), np.float64)
        # BM25's idf, floored: a term in every entry ("mega backdoor") still says something.
        # It depends only on a term's document frequency: worked out once per frequency.
        by_frequency = np.array(
            [max(IDF_FLOOR, math.log((n - d + 0.5) / (d + 0.5) + 1.0)) for d in range(n + 1)]
        )
        #: Each feature's idf, by its column in the vocabulary.
        self.idf_by_column = by_frequency[np.bincount(rows, minlength=len(terms))]
        self._idf = self.idf_by_column.tolist()  # (a question's words read it one by one)
        # How strongly each entry holds each feature (saturating in its weight): the
        # postings, as a features x entries matrix, so a batch of questions is one product.
        #: Each entry's weight of each feature (entries x features), for the vector space.
        self.weights = sparse.csr_matrix((held, (cols, rows)), shape=(n, len(terms)))
        self.postings = sparse.csr_matrix(
            (1.0 - np.exp(-held / 2.5), (rows, cols)), shape=(len(terms), n)
        )
        # Corrections depend only on the vocabulary: a reload with the same words (most
        # reloads) or a few words more or less reuses the previous index's lookups.
        previous = _LATEST_CORRECTIONS[0] if _LATEST_CORRECTIONS else None
        self._corrections = typos.Corrections((w for w in vocabulary if len(w) >= 4), previous)
        _LATEST_CORRECTIONS[:] = [self._corrections]
        # A word's token depends on this index (known stems, corrections): worked out once
        # per word and index, which is cheap now that stems and corrections are cached.
        self._word_tokens: dict[str, str] = {}
        self._sentence_tokens: dict[str, tuple[str, ...]] = {}

    # -- question preparation ----------------------------------------------------------
    def _correct(self, word: str) -> str | None:
        """Map a misspelt word to a known one's stem ('recieve' -> 'receive')."""
        known = self._corrections.best(word)
        return normalize.stem(known) if known is not None else None

    def _token(self, word: str) -> str:
        token = self._word_tokens.get(word)
        if token is None:
            token = normalize.stem_word(word)
            if token not in self.vocabulary:
                token = self._correct(word) or token
            if len(self._word_tokens) < 100_000 and len(word) <= LONGEST_KEPT_WORD:
                self._word_tokens[word] = token
        return token

    def _correct_ahead(self, canonical_sentences: list[str]) -> None:
        """Look up at once every word of these sentences that will need a correction."""
        known, tokens = self.vocabulary, self._word_tokens
        unknown = (
            word
            for sentence in canonical_sentences
            if sentence not in self._sentence_tokens
            for word in _sentence_words(sentence)
            if word not in tokens and normalize.stem_word(word) not in known
        )
        self._corrections.prefetch(unknown)

    def _tokens(self, canonical_sentence: str) -> tuple[str, ...]:
        found = self._sentence_tokens.get(canonical_sentence)
        if found is None:
            words = _sentence_words(canonical_sentence)
            try:  # every word seen before in this index (most, in a retrain): a dict look-up
                found = tuple(map(self._word_tokens.__getitem__, words))
            except KeyError:
                found = tuple(map(self._token, words))
            if (
                len(self._sentence_tokens) < 50_000
                and len(canonical_sentence) <= LONGEST_KEPT_SENTENCE
            ):
                self._sentence_tokens[canonical_sentence] = found
        return found

    def prepare(self, question: str) -> Query:
        return self.prepare_many([question])[0]

    def prepare_examples(self, texts: Sequence[str]) -> list[Query]:
        """``prepare_many`` for the example questions a matcher trains on. A question's
        preparation depends only on its text, the idf and the vocabulary, so a retrain that
        keeps the entries (a moderator taught an example, say) takes the examples the last
        index prepared instead of preparing every one again."""
        reusable: dict[str, Query] = {}
        if _LATEST_EXAMPLES:
            vocabulary, idf, words, prepared = _LATEST_EXAMPLES[0]
            same_idf = vocabulary == self.vocabulary and idf == self._idf
            if words == self._corrections.words and same_idf:
                reusable = prepared
        missing = [t for t in dict.fromkeys(texts) if t not in reusable]
        fresh = dict(zip(missing, self.prepare_many(missing), strict=True))
        found = [reusable[t] if t in reusable else fresh[t] for t in texts]
        kept = dict(zip(texts, found, strict=True))
        _LATEST_EXAMPLES[:] = [(self.vocabulary, self._idf, self._corrections.words, kept)]
        return found

    def prepare_many(self, questions: Sequence[str]) -> list[Query]:
        """Prepare many questions, rewriting all their sentences in one batch (see
        normalize.canonical_many): what makes training on many examples fast."""
        text_budget.spend(sum(map(len, questions)))
        split = [normalize.split_sentences(q) for q in questions]
        sentences = normalize.canonical_many([s for sents in split for s, _ in sents])
        self._correct_ahead(sentences)
        canonical = iter(sentences)
        return [
            self._query(text, [(self._tokens(next(canonical)), q) for _, q in sents])
            for text, sents in zip(questions, split, strict=True)
        ]

    def _query(self, text: str, sentences: list[tuple[tuple[str, ...], bool]]) -> Query:
        weights, segments, anchored, n_tokens = _shape(tuple(sentences))
        query = Query(text, weights, segments, anchored=anchored, n_tokens=n_tokens)
        total = known = 0.0
        vocabulary, idf = self.vocabulary, self._idf
        for t, w in query.weights.items():
            if "_" in t:
                continue
            column = vocabulary.get(t)
            mass = w * (UNKNOWN_IDF if column is None else idf[column])
            total += mass
            if column is not None:
                known += mass
        query.mass = total
        query.known = known / total if total else 0.0
        return query

    # -- scoring -----------------------------------------------------------------------
