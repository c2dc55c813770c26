"""Learned ranking: which entries answer a question, as a calibrated probability.

For a question, every candidate entry gets a row of signals that mean the same thing
whatever the FAQ's size: concept evidence (lexical.py, whose typo correction is rapidfuzz's),
TF-IDF cosines (words and character n-grams) with the entry's own text, similarity to the example
questions labelled with that entry, the entry's score from a kernel ridge regression over all
the examples (ridge.py), how it ranks and by how much it leads, and signals of the question
itself (does it name a core concept, how close is it to known off-topic questions and what
the ridge makes of that).
A logistic regression (scikit-learn) trained on the example questions turns a row into the
probability that the entry answers the question. Training happens when the FAQ loads, off
the event loop, deterministically; each example is scored with itself left out (of the
examples and of the ridge), so the model learns from the similarities it will really see.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from knowledge import ridge
from knowledge.examples import Example
from knowledge.lexical import LexicalIndex, Query

#: On a large FAQ, the entries scored in detail: the best few by each signal.
CANDIDATES_PER_SIGNAL = 8
NEIGHBOURS = 10
#: Training questions are scored in blocks, so memory stays flat on a large FAQ.
BLOCK = 256
#: At most this many example questions train the ranker (see training_questions).
MAX_TRAINING_QUESTIONS = 1000
#: Characters of a question's token text that go into character n-grams.
CHAR_TEXT_LIMIT = 400
ENTRY_CHAR_LIMIT = 1000

FEATURES = (
    "lexical",
    "coverage",
    "saturation",
    "lexical_rank",
    "lexical_lead",
    "word_cosine",
    "word_lead",
    "char_cosine",
    "title_cosine",
    "example_word",
    "example_char",
    "example_lead",
    "example_vote",
    "word_rank",
    "example_rank",
    "anchored",
    "off_topic_similarity",
    "off_topic_vote",
    "ridge",
    "ridge_off_topic",
    "length",
    "known_words",
)
_COLUMN = {name: i for i, name in enumerate(FEATURES)}


#: Character n-gram lengths (scikit-learn's "char_wb" analyzer: n-grams inside words).
CHAR_NGRAMS = (3, 5)
_WHITESPACE = re.compile(r"\s\s+")


@lru_cache(maxsize=50_000)
def _word_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        if n >= size:  # the word is no longer than n: counted once
            grams.append(padded)
            break
        grams.extend([padded[i : i + n] for i in range(size - n + 1)])
    return tuple(grams)


@lru_cache(maxsize=20_000)
def char_wb_ngrams(
    text: str, low: int = CHAR_NGRAMS[0], high: int = CHAR_NGRAMS[1]
) -> tuple[str, ...]:
    """The n-grams scikit-learn's ``TfidfVectorizer(analyzer="char_wb")`` makes of a text,
    written out so a trained matcher needs no scikit-learn to answer (a cached one loads
    without importing it). A test pins it to scikit-learn's own analyzer. Cached, and per
    word: a retrain sees mostly the same texts, and a large FAQ mostly the same words."""
    words = _WHITESPACE.sub(" ", text.lower()).split()
    return tuple(itertools.chain.from_iterable(_word_ngrams(w, low, high) for w in words))


def char_tfidf(texts: Sequence[str]) -> tuple[sparse.csr_matrix, dict[str, int], np.ndarray]:
    """What ``TfidfVectorizer(analyzer=char_wb_ngrams, sublinear_tf=True).fit_transform``
    gives (the matrix, its vocabulary, its idf), counted per word: "char_wb" n-grams never
    cross a space, so a text's n-gram counts are its word counts times each word's n-gram
    counts, one sparse product instead of a Python loop over every n-gram. A test pins it
    to the vectorizer."""
    from sklearn.feature_extraction.text import TfidfTransformer

    word_ids: dict[str, int] = {}
    rows, cols = [], []
    for r, text in enumerate(texts):
        for word in _WHITESPACE.sub(" ", text.lower()).split():
            rows.append(r)
            cols.append(word_ids.setdefault(word, len(word_ids)))
    ones = np.ones(len(rows))
    words = sparse.csr_matrix((ones, (rows, cols)), shape=(len(texts), len(word_ids)))
    grams = [_word_ngrams(word, *CHAR_NGRAMS) for word in word_ids]
    vocabulary = {g: i for i, g in enumerate(sorted(set(itertools.chain.from_iterable(grams))))}
    if not vocabulary:  # (the vectorizer refuses this; an empty space is what it means)
        return sparse.csr_matrix((len(texts), 0)), vocabulary, np.zeros(0)
    g_cols = np.fromiter(
        itertools.chain.from_iterable(map(vocabulary.__getitem__, g) for g in grams), np.intp
    )
    g_rows = np.repeat(np.arange(len(grams)), [len(g) for g in grams])
    shape = (len(grams), len(vocabulary))
    spelled = sparse.csr_matrix((np.ones(len(g_cols)), (g_rows, g_cols)), shape=shape)
    counts = sparse.csr_matrix(words @ spelled)
    transformer = TfidfTransformer(sublinear_tf=True)
    matrix = sparse.csr_matrix(transformer.fit_transform(counts))
    return matrix, vocabulary, transformer.idf_


def _unit_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(matrix)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


#: In a Gram product, features in more than this share of the rows go through a dense
#: (BLAS) product: sparse products cost the square of each feature's row count, and
#: character n-grams such as " th" are in most questions.
DENSE_FEATURE_SHARE = 0.05


def gram(matrix: sparse.spmatrix) -> np.ndarray:
    """``matrix @ matrix.T`` as a dense array: the common features by BLAS, the rest as a
    sparse product (about 3x faster than one sparse product on the examples' n-grams)."""
    columns = sparse.csc_matrix(matrix)
    counts = np.diff(columns.indptr)
    common = counts > max(DENSE_FEATURE_SHARE * columns.shape[0], 1)
    dense = columns[:, np.flatnonzero(common)].toarray()
    rare = sparse.csr_matrix(columns[:, np.flatnonzero(~common)])
    return dense @ dense.T + (rare @ rare.T).toarray()


def _gather(matrix: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``matrix.data`` of the given rows' entries, and each row's length."""
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    total = int(lengths.sum())
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return offsets, lengths


def _dot(transposed: sparse.csr_matrix, idx: np.ndarray, vals: np.ndarray) -> np.ndarray:
    """``matrix @ q`` for a sparse question vector q (indices, values), from the matrix's
    transpose: only the rows of the question's own features are touched, which on a large
    FAQ is a small fraction of the matrix."""
    offsets, lengths = _gather(transposed, idx)
    weights = transposed.data[offsets] * np.repeat(vals, lengths)
    return np.bincount(transposed.indices[offsets], weights=weights, minlength=transposed.shape[1])


def _rows_dot(matrix: sparse.csr_matrix, rows: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """``matrix[rows] @ dense`` without building the sub-matrix (scipy's row indexing costs
    more than the arithmetic for a few dozen rows)."""
    offsets, lengths = _gather(matrix, rows)
    products = matrix.data[offsets] * dense[matrix.indices[offsets]]
    row_of = np.repeat(np.arange(len(rows)), lengths)
    return np.bincount(row_of, weights=products, minlength=len(rows))


def _lead(values: np.ndarray) -> np.ndarray:
    """Each value minus the best of the others: positive only for the leader."""
    if len(values) < 2:
        return values.copy()
    top2 = np.argpartition(-values, 1)[:2]
    first, second = sorted(top2, key=lambda i: -values[i])
    out = values - values[first]
    out[first] = values[first] - values[second]
    return out


def _combine(weights: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``weights @ matrix`` without BLAS: a matrix of a few hundred rows is too small to
    gain from BLAS threads, and their waking up cost more than the product."""
    return np.einsum("i,ij->j", weights, matrix)


def _saturation(lex_total: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-lex_total / 4.0)


def _lexical_score(saturation: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """Concept evidence: how much of the question an entry covers, and how strongly."""
    return 0.6 * np.minimum(coverage, 1.0) + 0.4 * saturation


def _lead_block(values: np.ndarray) -> np.ndarray:
    """``_lead`` of each row: ties between the two best give 0 either way."""
    if values.shape[1] < 2:
        return values.copy()
    ordered = np.sort(values, axis=1)
    first, second = ordered[:, -1], ordered[:, -2]
    out = values - first[:, None]
    out[np.arange(len(values)), np.argmax(values, axis=1)] = first - second
    return out


def _inverse_rank_block(values: np.ndarray) -> np.ndarray:
    """``_inverse_rank`` of each row."""
    order = np.argsort(-values, axis=1, kind="stable")
    ranks = np.empty(values.shape)
    positions = np.broadcast_to(np.arange(1, values.shape[1] + 1), values.shape)
    np.put_along_axis(ranks, order, positions, axis=1)
    return 1.0 / ranks


def _inverse_rank(values: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(values))
    ranks[np.argsort(-values, kind="stable")] = np.arange(1, len(values) + 1)
    return 1.0 / ranks


#: The examples' cosines with each other (words, characters) and their leave-one-out ridge
#: scores: what training needs, and only training.
_Training = tuple[np.ndarray, np.ndarray, np.ndarray]


def _entry_columns(
    lexical: np.ndarray,
    saturation: np.ndarray,
    coverage: np.ndarray,
    word_cos: np.ndarray,
    char_cos: np.ndarray,
    title_cos: np.ndarray,
    best_word: np.ndarray,
    best_char: np.ndarray,
    vote: np.ndarray,
    ridge_scores: np.ndarray,
    *,
    rank: Callable[[np.ndarray], np.ndarray],
    lead: Callable[[np.ndarray], np.ndarray],
) -> dict[str, np.ndarray]:
    """The signals that differ by entry, named as in FEATURES: for one question (entries
    along the only axis) or a block (entries along the last), with the matching ``rank``
    and ``lead``."""
    return {
        "lexical": lexical,
        "coverage": np.minimum(coverage, 1.5),
        "saturation": saturation,
        "lexical_rank": rank(lexical),
        "lexical_lead": lead(lexical),
        "word_cosine": word_cos,
        "word_lead": lead(word_cos),
        "char_cosine": char_cos,
        "title_cosine": title_cos,
        "example_word": best_word,
        "example_char": best_char,
        "example_lead": lead(best_word),
        "example_vote": vote,
        "word_rank": rank(word_cos),
        "example_rank": rank(best_word),
        "ridge": ridge_scores,
    }


@dataclass(frozen=True)
class Signals:
    """Candidate entries (indexes) and their feature rows for one question."""

    candidates: np.ndarray
    rows: np.ndarray


class SignalSpace:
    """Everything needed to compute a question's signals against every entry."""

    def __init__(
        self, lexical: LexicalIndex, examples: Sequence[Example], ids: Sequence[str]
    ) -> None:
        self.lexical = lexical
        self.n = len(ids)
        index = {entry_id: i for i, entry_id in enumerate(ids)}
        # Word space: the lexical features, idf-weighted, for entries and questions alike.
        self.vocabulary = lexical.vocabulary
        self.idf = np.array([lexical.idf[t] for t in self.vocabulary])
        self.entry_words = _unit_rows(lexical.weights @ sparse.diags(self.idf))
        titles = [{t: 1.0 for p in phrases for t in p.split()} for phrases in lexical.phrases]
        self.title_words = _unit_rows(self._words(titles))
        # Character n-grams of the token text: robust to inflections and leftover typos.
        self.examples = list(examples)
        self.queries = lexical.prepare_many([e.text for e in self.examples])
        entry_text = [" ".join(phrases)[:ENTRY_CHAR_LIMIT] for phrases in lexical.phrases]
        example_text = [self.char_text(q) for q in self.queries]
        all_chars, self._char_vocabulary, self._char_idf = char_tfidf(entry_text + example_text)
        self.entry_chars = all_chars[: self.n]
        self.example_chars = all_chars[self.n :]
        self.example_raw = self._words([q.weights for q in self.queries])
        self.example_words = _unit_rows(self.example_raw)
        # Which entries each example answers (off-topic examples answer none).
        rows, cols = [], []
        for j, example in enumerate(self.examples):
            for entry_id in example.ids:
                if entry_id in index:
                    rows.append(j)
                    cols.append(index[entry_id])
        # The transpose (features x rows) of every matrix a question is compared with, row-
        # major: one question touches only its own features' rows (see _dot), and a block of
        # training questions is one sparse product with no format conversion on the way.
        against = {
            "lexical": sparse.csr_matrix(lexical.postings.T),
            "entry_words": self.entry_words,
            "title_words": self.title_words,
            "example_words": self.example_words,
            "entry_chars": self.entry_chars,
            "example_chars": self.example_chars,
        }
        self._against_t = {k: sparse.csr_matrix(m.T) for k, m in against.items()}
        self.labels = np.zeros((len(self.examples), self.n), dtype=bool)
        self.labels[rows, cols] = True
        self._label_example = np.asarray(rows, dtype=np.intp)
        self._label_entry = np.asarray(cols, dtype=np.intp)
        self.off_topic = np.array([e.off_topic for e in self.examples], dtype=bool)
        self._single_word = np.array(["_" not in term for term in self.vocabulary], dtype=bool)
        #: The examples labelled with each entry (that has any).
        self._examples_of = {
            int(e): self._label_example[self._label_entry == e]
            for e in np.unique(self._label_entry)
        }
        # The ridge's dual coefficients answer questions; what training needs is kept until
        # then (see training_signals).
        self.ridge_dual, self._training = self._fit_ridge()

    # -- encoding ------------------------------------------------------------------------
    def _words(self, bags: Sequence[dict[str, float]]) -> sparse.csr_matrix:
        """Bags of token features as idf-weighted rows over the word vocabulary."""
        vocabulary = self.vocabulary
        known = [[t for t in bag if t in vocabulary] for bag in bags]
        chain = itertools.chain.from_iterable
        cols = np.fromiter(chain(map(vocabulary.__getitem__, k) for k in known), np.intp)
        weights = np.fromiter(
            chain(map(bag.__getitem__, k) for bag, k in zip(bags, known, strict=True)),
            np.float64,
        )
        rows = np.repeat(np.arange(len(bags)), [len(k) for k in known])
        shape = (len(bags), len(vocabulary))
        return sparse.csr_matrix((weights * self.idf[cols], (rows, cols)), shape=shape)

    @staticmethod
    def char_text(query: Query) -> str:
        """The token text of what the question asks, its first part when very long (the
        n-grams of a whole story add little and cost time)."""
        segments = query.segments[:-1] if len(query.segments) > 1 else query.segments
        return " ".join(segments)[:CHAR_TEXT_LIMIT]

    # -- signals -------------------------------------------------------------------------
    def _word_vector(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """The question's known word features and their idf-weighted weights."""
        vocabulary = self.vocabulary
        terms = [t for t in query.weights if t in vocabulary]
        idx = np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.intp, count=len(terms))
        weights = np.fromiter(map(query.weights.__getitem__, terms), dtype=np.float64)
        return idx, weights * self.idf[idx]

    def _char_vector(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """The question's known character n-grams (sublinear tf times idf), unit length."""
        grams = char_wb_ngrams(self.char_text(query))
        found = np.fromiter(
            map(self._char_vocabulary.get, grams, itertools.repeat(-1)), np.intp, len(grams)
        )
        idx, tf = np.unique(found[found >= 0], return_counts=True)
        values = (1.0 + np.log(tf)) * self._char_idf[idx]
        return idx, values / (np.linalg.norm(values) or 1.0)

    def signals(self, query: Query) -> Signals:
        """One question, as two sparse vectors (words, characters) against every matrix.
        On a large FAQ the signals that pick no candidates (the title cosine, the ridge's
        scores) are computed for the candidates only."""
        w_idx, raw = self._word_vector(query)
        words = raw / (np.linalg.norm(raw) or 1.0)
        t = self._against_t
        single = self._single_word[w_idx]
        # The concept score of single words is the coverage's numerator; pairs add to it.
        covered = _dot(t["lexical"], w_idx[single], raw[single])
        lex_total = covered + _dot(t["lexical"], w_idx[~single], raw[~single])
        coverage = covered / max(query.mass, 1.5)
        lexical = _lexical_score(_saturation(lex_total), coverage)
        word_cos = _dot(t["entry_words"], w_idx, words)
        dense_words = np.zeros(len(self.vocabulary))
        dense_words[w_idx] = words
        ex_word = self.example_words @ dense_words
        best_word = self._best_by_entry(ex_word)
        candidates = self._candidates(lexical, word_cos, best_word)
        c_idx, chars = self._char_vector(query)
        dense_chars = np.zeros(len(self._char_idf))
        dense_chars[c_idx] = chars
        # The ridge needs the question's similarity to every example.
        ex_char = self.example_chars @ dense_chars
        kernel_row = ex_word + ex_char
        if len(candidates) == self.n:
            char_cos = self.entry_chars @ dense_chars
            title_cos = self.title_words @ dense_words
            ridge_scores = _combine(kernel_row, self.ridge_dual)
        else:
            char_cos = np.zeros(self.n)
            char_cos[candidates] = _rows_dot(self.entry_chars, candidates, dense_chars)
            title_cos = np.zeros(self.n)
            title_cos[candidates] = _rows_dot(self.title_words, candidates, dense_words)
            ridge_scores = np.zeros(self.n + 1)
            scored = np.append(candidates, self.n)
            ridge_scores[scored] = _combine(kernel_row, self.ridge_dual[:, scored])
        similarities = (word_cos, char_cos, title_cos, ex_word, ex_char)
        return self._rows(
            query, lex_total, coverage, *similarities, ridge_scores, candidates=candidates
        )

    def training_questions(self) -> np.ndarray:
        """Which examples the ranker is trained on: those not written in bulk for the
        project, up to a cap, else an even, fixed spread (its twenty-odd weights need a
        few hundred questions, not thousands; every example still counts as a neighbour and
        in the ridge). Written posts are left out because one hand wrote a topic's posts
        alike: scored against each other they look surer than real questions ever do, and
        the scores are calibrated on how people really ask (all of them if that is all)."""
        asked = np.flatnonzero([not e.written for e in self.examples])
        if not len(asked):
            asked = np.arange(len(self.examples))
        if len(asked) <= MAX_TRAINING_QUESTIONS:
            return asked
        spread = np.linspace(0, len(asked) - 1, MAX_TRAINING_QUESTIONS).astype(np.intp)
        return asked[np.unique(spread)]

    def _fit_ridge(self) -> tuple[np.ndarray, _Training]:
        """The ridge (knowledge/ridge.py): a row per example, a target per entry and one for
        off-topic questions. Its kernel is the examples' similarity to each other, which
        scoring them as training questions needs too."""
        words, chars = self.example_words, self.example_chars
        similar = gram(words), gram(chars)
        targets = sparse.csr_matrix(np.column_stack([self.labels, self.off_topic]), dtype=float)
        dual, left_out = ridge.fit(similar[0] + similar[1], targets)
        return dual, (*similar, left_out)

    def training_signals(self, chosen: np.ndarray) -> list[Signals]:
        """The chosen examples scored as questions, each with itself left out of the
        examples and of the ridge; in blocks, as sparse products. Training is once per
        space: what it needs is let go afterwards, so a cached matcher stays small."""
        training = self._training or self._fit_ridge()[1]
        self._training = None
        similar_words, similar_chars, left_out = training
        t = self._against_t
        out: list[Signals] = []
        for start in range(0, len(chosen), BLOCK):
            block = chosen[start : start + BLOCK]
            raw = self.example_raw[block]
            words = self.example_words[block]
            chars = self.example_chars[block]
            lex_total = (raw @ t["lexical"]).toarray()
            lex_words = (raw.multiply(self._single_word).tocsr() @ t["lexical"]).toarray()
            word_cos = (words @ t["entry_words"]).toarray()
            char_cos = (chars @ t["entry_chars"]).toarray()
            title_cos = (words @ t["title_words"]).toarray()
            ex_word = similar_words[block]
            ex_char = similar_chars[block]
            ex_word[np.arange(len(block)), block] = -1.0  # not itself
            ex_char[np.arange(len(block)), block] = -1.0
            own = left_out[block]  # the ridge without itself either
            queries = [self.queries[j] for j in block]
            mass = np.array([max(q.mass, 1.5) for q in queries])
            coverage = lex_words / mass[:, None]
            similarities = (word_cos, char_cos, title_cos, ex_word, ex_char, own)
            if self.n <= 5 * CANDIDATES_PER_SIGNAL:  # every entry a candidate: all at once
                out.extend(self._rows_block(queries, lex_total, coverage, *similarities))
                continue
            for k, query in enumerate(queries):
                row = (lex_total[k], coverage[k], *(m[k] for m in similarities))
                out.append(self._rows(query, *row))
        return out

    def _rows_block(
        self,
        queries: list[Query],
        lex_total: np.ndarray,
        coverage: np.ndarray,
        word_cos: np.ndarray,
        char_cos: np.ndarray,
        title_cos: np.ndarray,
        ex_word: np.ndarray,
        ex_char: np.ndarray,
        ridge_scores: np.ndarray,
    ) -> list[Signals]:
        """``_rows`` for a block of questions (one per row of each matrix) with every entry
        a candidate, as array operations: training scores hundreds of questions, and a
        Python pass per question was most of a retrain. A test pins it to ``_rows``."""
        size = len(queries)
        saturation = _saturation(lex_total)
        lexical = _lexical_score(saturation, coverage)
        best_word = self._best_by_entry_block(ex_word)
        best_char = self._best_by_entry_block(ex_char)
        vote = np.zeros((size, self.n))
        off_vote = off_sim = np.zeros(size)
        if ex_word.shape[1]:
            k = min(NEIGHBOURS, ex_word.shape[1])
            near = np.argpartition(-ex_word, k - 1, axis=1)[:, :k]
            close = np.take_along_axis(ex_word, near, axis=1)
            weights = np.where(close > 0, close, 0.0)
            total = weights.sum(axis=1, keepdims=True)
            weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
            vote = np.einsum("bk,bkn->bn", weights, self.labels[near])
            off_vote = (weights * self.off_topic[near]).sum(axis=1)
            if self.off_topic.any():
                off_sim = ex_word[:, self.off_topic].max(axis=1)
        columns = _entry_columns(
            lexical,
            saturation,
            coverage,
            word_cos,
            char_cos,
            title_cos,
            best_word,
            best_char,
            vote,
            ridge_scores[:, : self.n],
            rank=_inverse_rank_block,
            lead=_lead_block,
        )
        columns |= {
            "anchored": np.array([float(q.anchored) for q in queries])[:, None],
            "off_topic_similarity": off_sim[:, None],
            "off_topic_vote": off_vote[:, None],
            "ridge_off_topic": ridge_scores[:, self.n :],
            "length": np.log1p([q.n_tokens for q in queries])[:, None],
            "known_words": np.array([q.known for q in queries])[:, None],
        }
        rows = np.empty((size, self.n, len(FEATURES)))
        for name, values in columns.items():
            rows[:, :, _COLUMN[name]] = values
        everyone = np.arange(self.n)
        return [Signals(everyone, rows[b]) for b in range(size)]

    def _best_by_entry_block(self, ex_sim: np.ndarray) -> np.ndarray:
        """``_best_by_entry`` for each row of a block."""
        best = np.zeros((ex_sim.shape[0], self.n))
        for entry, examples in self._examples_of.items():
            best[:, entry] = np.maximum(ex_sim[:, examples].max(axis=1), 0.0)
        return best

    def _best_by_entry(self, ex_sim: np.ndarray) -> np.ndarray:
        """Per entry, the highest similarity among the examples labelled with it."""
        best = np.zeros(self.n)
        if len(ex_sim):
            np.maximum.at(best, self._label_entry, ex_sim[self._label_example])
        return best

    def _candidates(
        self, lexical: np.ndarray, word_cos: np.ndarray, best_word: np.ndarray
    ) -> np.ndarray:
        if self.n <= 5 * CANDIDATES_PER_SIGNAL:
            return np.arange(self.n)
        k = CANDIDATES_PER_SIGNAL
        picks = [np.argpartition(-s, k)[:k] for s in (lexical, word_cos, best_word)]
        return np.unique(np.concatenate(picks))

    def _rows(
        self,
        query: Query,
        lex_total: np.ndarray,
        coverage: np.ndarray,
        word_cos: np.ndarray,
        char_cos: np.ndarray,
        title_cos: np.ndarray,
        ex_word: np.ndarray,
        ex_char: np.ndarray,
        ridge_scores: np.ndarray,
        candidates: np.ndarray | None = None,
    ) -> Signals:
        saturation = _saturation(lex_total)
        lexical = _lexical_score(saturation, coverage)
        best_word = self._best_by_entry(ex_word)
        best_char = self._best_by_entry(ex_char)
        vote = np.zeros(self.n)
        off_vote = off_sim = 0.0
        if len(ex_word):
            k = min(NEIGHBOURS, len(ex_word))
            near = np.argpartition(-ex_word, k - 1)[:k]
            near = near[ex_word[near] > 0]
            if len(near):
                weights = ex_word[near] / ex_word[near].sum()
                vote = weights @ self.labels[near]
                off_vote = float(weights[self.off_topic[near]].sum())
            if self.off_topic.any():
                off_sim = float(ex_word[self.off_topic].max())
        if candidates is None:
            candidates = self._candidates(lexical, word_cos, best_word)

        rows = np.empty((len(candidates), len(FEATURES)))
        columns = _entry_columns(
            lexical,
            saturation,
            coverage,
            word_cos,
            char_cos,
            title_cos,
            best_word,
            best_char,
            vote,
            ridge_scores[: self.n],
            rank=_inverse_rank,
            lead=_lead,
        )
        for name, values in columns.items():
            rows[:, _COLUMN[name]] = values[candidates]
        rows[:, _COLUMN["anchored"]] = float(query.anchored)
        rows[:, _COLUMN["off_topic_similarity"]] = off_sim
        rows[:, _COLUMN["off_topic_vote"]] = off_vote
        rows[:, _COLUMN["ridge_off_topic"]] = ridge_scores[self.n]
        rows[:, _COLUMN["length"]] = math.log1p(query.n_tokens)
        rows[:, _COLUMN["known_words"]] = query.known
        return Signals(candidates, rows)


class Ranker:
    """The trained model: the probability that a candidate entry answers the question."""

    def __init__(self, space: SignalSpace, *, regularization: float = 1.0) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        self.space = space
        rows, labels = [], []
        chosen = space.training_questions()
        for j, signals in zip(chosen, space.training_signals(chosen), strict=True):
            answers = set(np.flatnonzero(space.labels[j]).tolist())
            rows.append(signals.rows)
            labels.extend(int(c) in answers for c in signals.candidates)
        self.trained_on = len(chosen)
        #: Each signal's weight (on standardised signals), for people reading the model.
        self.coefficients: dict[str, float] = {}
        self._weights: np.ndarray | None = None
        self._bias = 0.0
        if rows and len(set(labels)) == 2:
            # An exact second-order solver on a fixed feature order: the same files give
            # the same model, in a few milliseconds.
            model = make_pipeline(
                StandardScaler(),
                LogisticRegression(C=regularization, solver="newton-cholesky", max_iter=200),
            )
            model.fit(np.vstack(rows), np.asarray(labels))
            # Kept as plain weights and applied by hand per question: sklearn's input
            # validation costs more than the arithmetic for a 25-row matrix, and a trained
            # ranker then answers (and unpickles) without scikit-learn.
            scaler, regression = model[0], model[-1]
            self.coefficients = dict(zip(FEATURES, regression.coef_[0].tolist(), strict=True))
            self._weights = regression.coef_[0] / scaler.scale_
            self._bias = float(regression.intercept_[0] - self._weights @ scaler.mean_)

    def probabilities(self, signals: Signals) -> np.ndarray:
        if self._weights is None:  # nothing to learn from: the lexical score stands in
            return signals.rows[:, _COLUMN["lexical"]]
        z = signals.rows @ self._weights + self._bias
        return 1.0 / (1.0 + np.exp(-z))
