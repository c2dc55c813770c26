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
The same scored questions then train off_topic.py's model: is a question about the FAQ's
subject at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from scipy import sparse

try:  # scipy's own C++ kernels, behind its Python wrappers (see dense_product)
    from scipy.sparse import _sparsetools
except ImportError:  # pragma: no cover - a scipy that moved them: the public product
    _sparsetools = None

from knowledge import embedding, normalize, ridge, text_budget
from knowledge.examples import MIN_TRAINING_QUESTIONS, Example, fitted_examples
from knowledge.lexical import LONGEST_KEPT_WORD, LexicalIndex, Query
from knowledge.off_topic import (
    QUESTION_SIGNALS,
    OffTopicModel,
    question_values,
    stacked_question_values,
)

#: On a large FAQ, the entries scored in detail: the best few by each signal.
CANDIDATES_PER_SIGNAL = 8
NEIGHBOURS = 10
#: How much more a nearer example's meaning vote weighs (a softmax's inverse temperature).
MEANING_SHARPNESS = 10.0
#: Training questions are scored in blocks, so memory stays flat on a large FAQ: at most
#: BLOCK questions, and at most about BLOCK_CELLS questions x entries.
BLOCK = 256
BLOCK_CELLS = 1 << 15
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
    "meaning_example",
    "meaning_vote",
    "meaning_title",
    "meaning_rank",
    "meaning_lead",
)
_COLUMN = {name: i for i, name in enumerate(FEATURES)}


#: Character n-gram lengths (scikit-learn's "char_wb" analyzer: n-grams inside words).
CHAR_NGRAMS = (3, 5)
#: Words whose character n-gram columns a space keeps at hand (see _gram_columns).
WORDS_KEPT = 20_000
_NO_COLUMNS = np.zeros(0, np.intp)


def _char_words(text: str) -> list[str]:
    """The words "char_wb" takes n-grams of. (scikit-learn squeezes runs of whitespace
    before splitting on it; ``str.split`` already treats every run as one break, and its
    whitespace is exactly the regex ``\\s``.)"""
    return text.lower().split()


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


text_budget.register(_word_ngrams.cache_clear)


def char_wb_ngrams(
    text: str, low: int = CHAR_NGRAMS[0], high: int = CHAR_NGRAMS[1]
) -> tuple[str, ...]:
    """The n-grams scikit-learn's ``TfidfVectorizer(analyzer="char_wb")`` makes of a text,
    written out so a trained matcher needs no scikit-learn to answer (a cached one loads
    without importing it). A test pins it to scikit-learn's own analyzer. Training and
    answering take the same n-grams word by word (``_word_ngrams``, cached): a large FAQ
    and its questions share most of their words."""
    words = _char_words(text)
    return tuple(itertools.chain.from_iterable(_word_ngrams(w, low, high) for w in words))


def char_tfidf(texts: Sequence[str]) -> tuple[sparse.csr_matrix, dict[str, int], np.ndarray]:
    """What ``TfidfVectorizer(analyzer=char_wb_ngrams, sublinear_tf=True).fit_transform``
    gives (the matrix, its vocabulary, its idf), counted per word: "char_wb" n-grams never
    cross a space, so a text's n-gram counts are its word counts times each word's n-gram
    counts, one sparse product instead of a Python loop over every n-gram. A test pins it
    to the vectorizer."""
    from sklearn.feature_extraction.text import TfidfTransformer

    split = [_char_words(text) for text in texts]
    every = list(itertools.chain.from_iterable(split))
    # Words numbered in order of first appearance; a text's words as arrays, not a Python
    # step per word (a large FAQ has hundreds of thousands).
    word_ids = dict(zip(dict.fromkeys(every), itertools.count()))
    cols = np.fromiter(map(word_ids.__getitem__, every), np.intp, len(every))
    rows = np.repeat(np.arange(len(texts)), [len(words) for words in split])
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


def _csr(rows: Rows | sparse.csr_matrix) -> sparse.csr_matrix:
    if isinstance(rows, Rows):
        return sparse.csr_matrix((rows.data, rows.indices, rows.indptr), shape=rows.shape)
    return rows


def dense_product(a: Rows | sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """``(a @ b).toarray()`` for CSR matrices, by the same kernels without scipy's checks
    and conversions around them: for the few rows of a post and its questions those cost
    more than a fifth of each product. The values are the product's, bit for bit (a test
    pins it to scipy's operator). The result is dense anyway, so its sparse form is given
    room for every cell instead of a first pass counting them."""
    rows, width = a.shape[0], b.shape[1]
    index = np.promote_types(a.indices.dtype, b.indices.dtype)
    size = rows * width
    if _sparsetools is None or size > np.iinfo(index).max:
        return (_csr(a) @ b).toarray()
    a_ptr, a_idx = a.indptr.astype(index, copy=False), a.indices.astype(index, copy=False)
    b_ptr, b_idx = b.indptr.astype(index, copy=False), b.indices.astype(index, copy=False)
    ptr, idx = np.empty(rows + 1, index), np.empty(size, index)
    values = np.empty(size, np.result_type(a.data, b.data))
    _sparsetools.csr_matmat(
        rows, width, a_ptr, a_idx, a.data, b_ptr, b_idx, b.data, ptr, idx, values
    )
    out = np.zeros((rows, width), values.dtype)
    _sparsetools.csr_todense(rows, width, ptr, idx, values, out)
    return out


#: Questions scored together up to this many go through dense columns (see _char_cosines).
DENSE_QUESTION_ROWS = 8


def _rows_times_columns(
    matrix: sparse.csr_matrix, rows: np.ndarray, vectors: Rows | sparse.csr_matrix
) -> np.ndarray:
    """``matrix[rows] @ vectors.T`` as a dense (rows x vectors) array, for a few sparse
    vectors: the rows gathered and multiplied by scipy's kernels (row index, then a sparse
    times dense product), without the transposed copy a sparse product of the two needs.
    Each value sums the row's terms in its stored order: with sorted indices, the order a
    product of the vectors with the rows takes (a test pins the two together)."""
    index = matrix.indices.dtype
    ptr = np.zeros(len(rows) + 1, matrix.indptr.dtype)
    np.cumsum(np.diff(matrix.indptr)[rows], out=ptr[1:])
    idx, values = np.empty(ptr[-1], index), np.empty(ptr[-1], matrix.dtype)
    _sparsetools.csr_row_index(
        len(rows), rows.astype(index), matrix.indptr, matrix.indices, matrix.data, idx, values
    )
    count = vectors.shape[0]
    columns = np.zeros((matrix.shape[1], count))
    columns[vectors.indices, np.repeat(np.arange(count), np.diff(vectors.indptr))] = vectors.data
    out = np.zeros((len(rows), count))
    _sparsetools.csr_matvecs(
        len(rows), matrix.shape[1], count, ptr, idx, values, columns.ravel(), out.ravel()
    )
    return out


def _row_norms(matrix: Rows | sparse.csr_matrix) -> np.ndarray:
    """Each row's Euclidean length (numpy on the arrays: scipy's own way costs more than
    the arithmetic for the few rows of a post and its questions)."""
    rows = matrix.shape[0]
    row_of = np.repeat(np.arange(rows), np.diff(matrix.indptr))
    return np.sqrt(np.bincount(row_of, matrix.data**2, minlength=rows))


def _spans(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indexes of runs laid end to end: ``counts[i]`` from ``starts[i]`` on, for each i."""
    ends = np.cumsum(counts)
    return np.repeat(starts - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)


def _unit_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(matrix)
    norms = _row_norms(matrix)
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
    product = dense @ dense.T
    product += (rare @ rare.T).toarray()
    return product


#: For (question, entry) pairs: the character cosines and the ridge's scores; and for each
#: question, the ridge's off-topic score.
_DetailValues = tuple[np.ndarray, np.ndarray, np.ndarray]
_Detail = Callable[[np.ndarray, np.ndarray], _DetailValues]


class Rows(NamedTuple):
    """Sparse rows in CSR form (a post and its questions): what the products and norms
    here read of a matrix, without building a scipy one, whose checks cost more than the
    arithmetic of a few rows."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple[int, int]


def _as_rows(vectors: Sequence[tuple[np.ndarray, np.ndarray]], width: int) -> Rows:
    """Sparse vectors (feature indexes, values), one per question, as rows, in the index
    type scipy would choose."""
    sizes = [len(idx) for idx, _ in vectors]
    index = np.int32 if max(width, sum(sizes)) < 2**31 else np.int64
    indptr = np.zeros(len(vectors) + 1, index)
    indptr[1:] = list(itertools.accumulate(sizes))
    idx = np.concatenate([np.zeros(0, index), *(idx for idx, _ in vectors)]).astype(index)
    values = np.concatenate([np.zeros(0), *(values for _, values in vectors)])
    return Rows(indptr, idx, values, (len(vectors), width))


def _combine(rows: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``rows @ kernel.T`` without BLAS: the matrices are too small to gain from BLAS
    threads, and their waking up cost more than the product."""
    return np.einsum("ij,kj->ik", rows, kernel)


def _saturation(lex_total: np.ndarray) -> np.ndarray:
    return 1.0 - np.exp(-lex_total / 4.0)


def _lexical_score(saturation: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """Concept evidence: how much of the question an entry covers, and how strongly."""
    return 0.6 * np.minimum(coverage, 1.0) + 0.4 * saturation


def _ranks_and_leads(values: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each signal (first axis) and (question, entry) pair (second axis: by question,
    ``owner``, then entry): 1 / the entry's rank among its question's pairs (1 for the
    highest; ties in entry order), and the entry's value minus the best of the others
    (positive only for the leader; ties between the two best give 0 either way).

    The pairs are a question's candidates: on a large FAQ, ranks among them, not among all
    entries. The best few by each ranked signal are candidates, so those ranks are the
    FAQ's own, and the rest are ranks within what is scored in detail: sorting every entry
    of a 1,000-entry FAQ for them was a sixth of a multi-question post's answer."""
    signals, pairs = values.shape
    size = int(owner[-1]) + 1 if pairs else 0
    slot = np.arange(pairs) - np.searchsorted(owner, np.arange(size))[owner]
    width = int(slot.max()) + 1 if pairs else 0
    # A question's pairs side by side, padded with -inf (after every value, ties included).
    grid = np.full((signals, size, width), -np.inf)
    grid[:, owner, slot] = values
    order = np.argsort(_descending_keys(grid), axis=2, kind="stable")
    ranks = np.empty(grid.shape)
    ranks[np.arange(signals)[:, None, None], np.arange(size)[:, None], order] = np.arange(
        1, width + 1
    )
    rank = ranks[:, owner, slot]
    if width < 2:
        return 1.0 / rank, values.copy()
    best_two = np.take_along_axis(grid, order[:, :, :2], axis=2)
    first, second = best_two[:, owner, 0], best_two[:, owner, 1]
    return 1.0 / rank, np.where(rank == 1, first - second, values - first)


def _descending_keys(values: np.ndarray) -> np.ndarray:
    """Integers that sort like ``-values`` (``-0.0`` as ``0.0``): a stable sort of 64-bit
    integers takes about 0.7 of the time of one of floats. The usual mapping: a float's
    bits, negative ones with all but the sign flipped, then inverted for descending order."""
    bits = (values + 0.0).view(np.int64)
    return ~(bits ^ ((bits >> 63) & np.int64(0x7FFF_FFFF_FFFF_FFFF)))


#: The examples' cosines with each other (words, characters, meaning) and their leave-one-out
#: ridge scores: what training needs, and only training.
_Training = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


#: A block of questions' embedding cosines with the examples, and their vectors (_meaning).
_Meaning = tuple[np.ndarray, np.ndarray]

#: Signals known for every entry, gathered for the candidates in one go, in this order.
_PER_ENTRY = (
    "lexical",
    "coverage",
    "saturation",
    "word_cosine",
    "title_cosine",
    "example_word",
    "example_char",
    "example_vote",
    "meaning_example",
    "meaning_vote",
)
#: Signals that rank entries, and what each one's rank and lead are called.
_RANKED = (
    ("lexical", "lexical_rank", "lexical_lead"),
    ("word_cosine", "word_rank", "word_lead"),
    ("example_word", "example_rank", "example_lead"),
    ("meaning_example", "meaning_rank", "meaning_lead"),
)
_RANKED_GATHERED = [_PER_ENTRY.index(name) for name, _, _ in _RANKED]


@dataclass(frozen=True)
class Signals:
    """Candidate entries (indexes) and their feature rows for one question."""

    candidates: np.ndarray
    rows: np.ndarray


class SignalSpace:
    """Everything needed to compute a question's signals against every entry."""

    def __init__(
        self,
        lexical: LexicalIndex,
        examples: Sequence[Example],
        ids: Sequence[str],
        names: Sequence[Sequence[str]],
    ) -> None:
        self.lexical = lexical
        self._columns_by_word: dict[str, np.ndarray] = {}
        self.n = len(ids)
        index = {entry_id: i for i, entry_id in enumerate(ids)}
        # Word space: the lexical features, idf-weighted, for entries and questions alike.
        self.vocabulary = lexical.vocabulary
        self.idf = lexical.idf_by_column
        self.entry_words = _unit_rows(lexical.weights @ sparse.diags(self.idf))
        titles = [{t: 1.0 for p in phrases for t in p.split()} for phrases in lexical.phrases]
        self.title_words = _unit_rows(self._words(titles))
        # Character n-grams of the token text: robust to inflections and leftover typos.
        self.examples = list(examples)
        # Sentence embeddings (embedding.py): the examples', and each entry's names (title
        # and aliases) with the entry each belongs to. None where the model cannot run:
        # the meaning signals are then 0 throughout, and the ranker learns without them.
        self.embedder = embedding.load()
        named = [(k, name) for k, entry_names in enumerate(names) for name in entry_names]
        # Kept in double precision (see _meaning), converted once here, not per question.
        self.example_meaning = self._embed([e.text for e in self.examples], store=True)
        self.example_meaning = self.example_meaning.astype(np.float64)
        self.name_meaning = self._embed([name for _, name in named], store=True)
        self.name_meaning = self.name_meaning.astype(np.float64)
        # The names come entry by entry: entry k's are rows _names_of[k] to _names_of[k + 1].
        self._names_of = np.searchsorted(
            np.array([k for k, _ in named], dtype=np.intp), np.arange(self.n + 1)
        )
        self.queries = lexical.prepare_examples([e.text for e in self.examples])
        entry_text = [" ".join(phrases)[:ENTRY_CHAR_LIMIT] for phrases in lexical.phrases]
        example_text = [self.char_text(q) for q in self.queries]
        all_chars, self._char_vocabulary, self._char_idf = char_tfidf(entry_text + example_text)
        self.entry_chars = all_chars[: self.n]
        self.entry_chars.sort_indices()  # (see _rows_times_columns)
        self.example_chars = all_chars[self.n :]
        self.example_raw = self._words([q.weights for q in self.queries])
        self.example_words = _unit_rows(self.example_raw)
        # Which entries each example answers (off-topic examples answer none).
        rows, cols = [], []
        for j, example in enumerate(self.examples):
            for entry_id in dict.fromkeys(example.ids):  # (a label once, however often named)
                if entry_id in index:
                    rows.append(j)
                    cols.append(index[entry_id])
        # Every matrix a question's words are compared with, transposed (features x rows)
        # and side by side: a sparse product touches only the questions' own features' rows,
        # and all of them are one product. Products are of the raw (idf-weighted) words; the
        # cosines are divided by the question's norm afterwards.
        self._single_word = np.array(["_" not in term for term in self.vocabulary], dtype=bool)
        postings = sparse.csr_matrix(lexical.postings)
        single = sparse.csr_matrix(postings.multiply(self._single_word[:, None]))
        parts = (postings, single, self.entry_words.T, self.title_words.T, self.example_words.T)
        self._word_targets = sparse.csr_matrix(sparse.hstack(parts))
        self._word_bounds = np.cumsum([0, *(p.shape[1] for p in parts)])
        # Characters: the examples' cosines in one sparse product, and on a small FAQ (every
        # entry a candidate) the entries' with them; on a large FAQ only the candidates' (see
        # signals).
        self._all_candidates = self.n <= 5 * CANDIDATES_PER_SIGNAL
        self._char_split = self.n if self._all_candidates else 0
        chars = [self.entry_chars] if self._all_candidates else []
        self._char_targets = sparse.csr_matrix(sparse.vstack([*chars, self.example_chars]).T)
        self.labels = np.zeros((len(self.examples), self.n), dtype=bool)
        self.labels[rows, cols] = True
        self._label_example = np.asarray(rows, dtype=np.intp)
        #: Where each example's labels start among them (they are in example order).
        self._labels_of = np.searchsorted(self._label_example, np.arange(len(examples) + 1))
        self._label_entry = np.asarray(cols, dtype=np.intp)
        self.off_topic = np.array([e.off_topic for e in self.examples], dtype=bool)
        # The examples labelled with each entry, grouped by entry (for a max per group).
        order = np.argsort(self._label_entry, kind="stable")
        self._labelled, self._by_entry_starts = np.unique(
            self._label_entry[order], return_index=True
        )
        self._by_entry_examples = self._label_example[order]
        # The ridge's dual coefficients answer questions; what training needs is kept until
        # then (see training_signals).
        dual, self._training = self._fit_ridge()
        #: The ridge's dual coefficients, a row per target (entries, then off-topic): a
        #: question's scores for a few entries are then a few contiguous rows.
        self.ridge_weights = np.ascontiguousarray(dual.T)

    def __getstate__(self) -> dict:
        # The words answering has met are not part of a stored matcher, nor is the
        # embedding model (a native session: it is loaded again, once per process).
        return {**self.__dict__, "_columns_by_word": {}, "embedder": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.embedder = embedding.load()

    # -- encoding ------------------------------------------------------------------------
    def _words(self, bags: Sequence[dict[str, float]]) -> sparse.csr_matrix:
        """Bags of token features as idf-weighted rows over the word vocabulary."""
        vocabulary = self.vocabulary
        chain = itertools.chain.from_iterable
        sizes = [len(bag) for bag in bags]
        unknown = itertools.repeat(-1)
        cols = np.fromiter(chain(map(vocabulary.get, bag, unknown) for bag in bags), np.intp)
        weights = np.fromiter(chain(bag.values() for bag in bags), np.float64, sum(sizes))
        rows = np.repeat(np.arange(len(bags)), sizes)
        known = cols >= 0  # features the FAQ does not have are left out
        cols, weights, rows = cols[known], weights[known], rows[known]
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

    def _gram_columns(self, word: str) -> np.ndarray:
        """A word's known character n-grams (``char_wb``), as columns of the character
        space. Kept per word for a bounded number of words: questions share most of theirs,
        and looking up each n-gram of a long post was a tenth of its answer."""
        found = self._columns_by_word.get(word)
        if found is None:
            if len(self._columns_by_word) >= WORDS_KEPT:
                self._columns_by_word.clear()
            # Not through _word_ngrams' cache: a member's long words (a ligature is three
            # letters) would fill it with thousands of n-grams each; the columns are kept.
            grams = _word_ngrams.__wrapped__(word, *CHAR_NGRAMS)
            found = np.fromiter(
                map(self._char_vocabulary.get, grams, itertools.repeat(-1)), np.intp, len(grams)
            )
            found = found[found >= 0]
            if len(word) <= LONGEST_KEPT_WORD:
                self._columns_by_word[word] = found
        return found

    def _char_vector(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """The question's known character n-grams (sublinear tf times idf), unit length:
        those of ``char_wb_ngrams``, word by word."""
        words = _char_words(self.char_text(query))
        found = np.concatenate([_NO_COLUMNS, *map(self._gram_columns, words)])
        idx, tf = np.unique(found, return_counts=True)
        values = (1.0 + np.log(tf)) * self._char_idf[idx]
        return idx, values / (np.linalg.norm(values) or 1.0)

    def signals(self, queries: Sequence[Query]) -> list[Signals]:
        """Each question's signals, as sparse vectors (words, characters) against every
        matrix. A post and its sentences are scored together: a call costs less than its
        questions one by one. On a large FAQ the signals that pick no candidates (the
        character cosines, the ridge's scores) are computed for the candidates only."""
        # Sparse products: they touch only the questions' own features, and a post's
        # sentences together cost not much more than one of them.
        words = _as_rows([self._word_vector(q) for q in queries], len(self.vocabulary))
        lex_total, covered, word_cos, title_cos, ex_word = self._split_words(
            dense_product(words, self._word_targets), _row_norms(words)
        )
        chars = _as_rows([self._char_vector(q) for q in queries], len(self._char_idf))
        products = dense_product(chars, self._char_targets)
        entry_chars, ex_char = products[:, : self._char_split], products[:, self._char_split :]
        # The ridge needs each question's similarity to every example.
        meaning = self._meaning(self._embed([q.text for q in queries]))
        kernel = ridge.kernel(ex_word, ex_char, meaning[0])

        def detail(owner: np.ndarray, entries: np.ndarray) -> _DetailValues:
            if self._all_candidates:
                ridge_scores = _combine(self.ridge_weights, kernel)
                return entry_chars[owner, entries], ridge_scores[entries, owner], ridge_scores[-1]
            # The candidates (and the off-topic target, last): each scored once for all the
            # questions, whichever question's candidate it is.
            scored, position = np.unique(np.append(entries, self.n), return_inverse=True)
            ridge_scores = _combine(self.ridge_weights[scored], kernel)
            pair = position[:-1]
            cosines = self._char_cosines(chars, owner, scored[:-1], pair, in_order=True)
            return cosines, ridge_scores[pair, owner], ridge_scores[-1]

        mass = np.array([max(q.mass, 1.5) for q in queries])
        coverage = covered / mass[:, None]
        return self._rows(
            queries, lex_total, coverage, word_cos, title_cos, ex_word, ex_char, detail, meaning
        )

    def _embed(self, texts: Sequence[str], *, store: bool = False) -> np.ndarray:
        if self.embedder is None or not texts:
            return np.zeros((len(texts), embedding.DIMENSIONS), np.float32)
        # Look-alike letters of other alphabets in Latin words read as the Latin ones, as
        # the words' signals read them: "Rоth" with a Cyrillic o meant something else to
        # the model, and the question typed so scored lower than typed in Latin letters.
        return self.embedder.embed([normalize.latin_look_alikes(t) for t in texts], store=store)

    def _meaning(self, vectors: np.ndarray) -> _Meaning:
        """Questions' embedding cosines with the examples, and the questions' vectors, for
        their cosines with the candidates' names (_name_cosines)."""
        # In double precision: the vectors hold half-precision values of unit length, so
        # every product and partial sum is exact there, whatever order a matrix product
        # adds them in. (In single precision the last digits depended on how many questions
        # were scored together: a post's sentences got other signals than each alone.)
        questions = vectors.astype(np.float64)
        return questions @ self.example_meaning.T, questions

    def _name_cosines(
        self, questions: np.ndarray, owner: np.ndarray, entries: np.ndarray
    ) -> np.ndarray:
        """Each (question, entry) pair's embedding cosine with the entry's closest name
        (-1 for an entry without names): the pair's question is its ``owner`` row of
        ``questions`` (_meaning's). Only the pairs' entries' names are compared, not every
        entry's: all 21,880 names of a 1,000-entry FAQ were half of answering a long post.
        (The products are exact, so the values are those a product with every name gives.)"""
        scored, position = np.unique(entries, return_inverse=True)
        best = np.full((len(questions), len(scored)), -1.0)
        starts = self._names_of[scored]
        counts = self._names_of[scored + 1] - starts
        named = counts > 0
        if named.any():
            counts = counts[named]
            to_names = questions @ self.name_meaning[_spans(starts[named], counts)].T
            best[:, named] = np.maximum.reduceat(to_names, np.cumsum(counts) - counts, axis=1)
        return best[owner, position]

    def _char_cosines(
        self,
        chars: Rows | sparse.csr_matrix,
        owner: np.ndarray,
        scored: np.ndarray,
        position: np.ndarray,
        *,
        in_order: bool = False,
    ) -> np.ndarray:
        """Each (question, entry) pair's character cosine: the pair's question is its
        ``owner`` row of ``chars``, its entry the ``position``-th of ``scored`` (the pairs'
        entries once each, in order; on a large FAQ, a few of its entries). A sparse
        product with those entries; a post and its questions (a few rows, each with its
        n-grams ``in_order``, as ``_char_vector`` gives them) take one pass over the
        entries' n-grams against the rows as dense columns instead: the same values, bit for
        bit, at half the cost."""
        few = chars.shape[0] <= DENSE_QUESTION_ROWS
        if in_order and few and _sparsetools is not None:
            return _rows_times_columns(self.entry_chars, scored, chars)[position, owner]
        candidates = sparse.csr_matrix(self.entry_chars[scored].T)
        return dense_product(chars, candidates)[owner, position]

    def _split_words(self, products: np.ndarray, norms: np.ndarray) -> list[np.ndarray]:
        """Products of raw word vectors with the word targets, split by target: the concept
        totals, their single words' part, then cosines with the entries, their titles and
        the examples (as many as the products cover)."""
        b = self._word_bounds
        scale = 1.0 / np.where(norms > 0, norms, 1.0)[:, None]
        parts = [products[:, b[i] : b[i + 1]] for i in range(len(b) - 1)]
        return parts[:2] + [p * scale for p in parts[2:]]

    def training_questions(self) -> np.ndarray:
        """Which examples the ranker is trained on: examples.fitted_examples (the real
        questions when there are enough, else the written ones too), none when fewer than
        MIN_TRAINING_QUESTIONS, up to a cap, else an even, fixed spread (its twenty-odd
        weights need a few hundred questions, not thousands; every example still counts
        as a neighbour and in the ridge)."""
        asked = np.array(fitted_examples(self.examples), dtype=np.intp)
        if len(asked) < MIN_TRAINING_QUESTIONS:
            return asked[:0]  # too few to fit on: the lexical score stands in
        if len(asked) <= MAX_TRAINING_QUESTIONS:
            return asked
        spread = np.linspace(0, len(asked) - 1, MAX_TRAINING_QUESTIONS).astype(np.intp)
        return asked[np.unique(spread)]

    def _fit_ridge(self) -> tuple[np.ndarray, _Training]:
        """The ridge (knowledge/ridge.py): a row per example, a target per entry and one for
        off-topic questions. Its kernel is the examples' similarity to each other, which
        scoring them as training questions needs too."""
        words, chars = self.example_words, self.example_chars
        # (The meaning's products are exact in double precision, see _meaning: the same
        # values as the examples scored as questions would get.)
        similar = gram(words), gram(chars), self.example_meaning @ self.example_meaning.T
        targets = sparse.csr_matrix(np.column_stack([self.labels, self.off_topic]), dtype=float)
        dual, left_out = ridge.fit(ridge.kernel(*similar), targets)
        return dual, (*similar, left_out)

    def training_signals(self, chosen: np.ndarray) -> list[Signals]:
        """The chosen examples scored as questions, each with itself left out of the
        examples and of the ridge; in blocks, as sparse products. Training is once per
        space: what it needs is let go afterwards, so a cached matcher stays small."""
        training = self._training or self._fit_ridge()[1]
        self._training = None
        similar_words, similar_chars, similar_meaning, left_out = training
        # Not the examples: their cosines with each other are the Gram matrices'.
        entry_targets = self._word_targets[:, : self._word_bounds[-2]]
        out: list[Signals] = []
        # Blocks hold a few dense questions x entries arrays: fewer questions when many entries.
        step = min(BLOCK, max(1, BLOCK_CELLS // max(self.n, 1)))
        for start in range(0, len(chosen), step):
            block = chosen[start : start + step]
            raw = self.example_raw[block]
            lex_total, covered, word_cos, title_cos, _ = self._split_words(
                dense_product(raw, entry_targets), _row_norms(raw)
            )
            chars = self.example_chars[block]
            ex_word = similar_words[block]
            ex_char = similar_chars[block]
            ex_meaning = similar_meaning[block]
            for cosines in (ex_word, ex_char, ex_meaning):
                cosines[np.arange(len(block)), block] = -1.0  # not itself
            own = left_out[block]  # the ridge without itself either
            queries = [self.queries[j] for j in block]
            mass = np.array([max(q.mass, 1.5) for q in queries])

            def detail(
                owner: np.ndarray, entries: np.ndarray, chars=chars, own=own
            ) -> _DetailValues:
                scored, position = np.unique(entries, return_inverse=True)
                cosines = self._char_cosines(chars, owner, scored, position)
                return cosines, own[owner, entries], own[:, self.n]

            coverage = covered / mass[:, None]
            meaning = ex_meaning, self.example_meaning[block]
            out.extend(
                self._rows(
                    queries,
                    lex_total,
                    coverage,
                    word_cos,
                    title_cos,
                    ex_word,
                    ex_char,
                    detail,
                    meaning,
                )
            )
        return out

    def _rows(
        self,
        queries: Sequence[Query],
        lex_total: np.ndarray,
        coverage: np.ndarray,
        word_cos: np.ndarray,
        title_cos: np.ndarray,
        ex_word: np.ndarray,
        ex_char: np.ndarray,
        detail: _Detail,
        meaning: _Meaning,
    ) -> list[Signals]:
        """The candidates and feature rows of a block of questions (one per row of each
        matrix, entries or examples along the columns), as array operations: a Python pass
        per question was most of a retrain, and of answering a post with several questions.
        ``detail`` gives the signals computed for the candidates only."""
        size = len(queries)
        saturation = _saturation(lex_total)
        lexical = _lexical_score(saturation, coverage)
        best_word = self._best_by_entry(ex_word)
        with_examples, questions = meaning
        best_meaning = self._best_by_entry(with_examples)
        owner, entries = self._candidates(lexical, word_cos, best_word, best_meaning)
        vote = np.zeros((size, self.n))
        off_vote = off_sim = np.zeros(size)
        if ex_word.shape[1]:
            k = min(NEIGHBOURS, ex_word.shape[1])
            near = np.argpartition(-ex_word, k - 1, axis=1)[:, :k]
            close = np.take_along_axis(ex_word, near, axis=1)
            weights = np.where(close > 0, close, 0.0)
            total = weights.sum(axis=1, keepdims=True)
            weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
            vote = self._votes(near, weights)
            off_vote = (weights * self.off_topic[near]).sum(axis=1)
            if self.off_topic.any():
                off_sim = ex_word[:, self.off_topic].max(axis=1)
        per_entry = {
            "meaning_example": best_meaning,
            "meaning_vote": self._meaning_vote(with_examples),
            "lexical": lexical,
            "coverage": np.minimum(coverage, 1.5),
            "saturation": saturation,
            "word_cosine": word_cos,
            "title_cosine": title_cos,
            "example_word": best_word,
            "example_char": self._best_by_entry(ex_char),
            "example_vote": vote,
        }
        rows = np.empty((len(entries), len(FEATURES)))
        # Each signal's candidate values: gathered one by one (a stack of whole signals
        # first would copy every entry's).
        gathered = np.column_stack([per_entry[name][owner, entries] for name in _PER_ENTRY])
        rows[:, [_COLUMN[name] for name in _PER_ENTRY]] = gathered
        ranks, leads = _ranks_and_leads(gathered[:, _RANKED_GATHERED].T, owner)
        for k, (_, rank, lead) in enumerate(_RANKED):
            rows[:, _COLUMN[rank]] = ranks[k]
            rows[:, _COLUMN[lead]] = leads[k]
        char_cos, ridge_scores, ridge_off_topic = detail(owner, entries)
        rows[:, _COLUMN["char_cosine"]] = char_cos
        rows[:, _COLUMN["ridge"]] = ridge_scores
        rows[:, _COLUMN["meaning_title"]] = self._name_cosines(questions, owner, entries)
        per_question = {
            "anchored": [float(q.anchored) for q in queries],
            "off_topic_similarity": off_sim,
            "off_topic_vote": off_vote,
            "ridge_off_topic": ridge_off_topic,
            "length": np.log1p([q.n_tokens for q in queries]),
            "known_words": [q.known for q in queries],
        }
        rows[:, [_COLUMN[name] for name in per_question]] = np.column_stack(
            list(per_question.values())
        )[owner]
        bounds = np.searchsorted(owner, np.arange(size + 1))
        return [Signals(entries[a:b], rows[a:b]) for a, b in itertools.pairwise(bounds)]

    def _meaning_vote(self, with_examples: np.ndarray) -> np.ndarray:
        """Per question and entry, the share of the question's nearest examples by meaning
        labelled with the entry, the nearer weighing more (a softmax of their cosines)."""
        if not with_examples.shape[1]:
            return np.zeros((with_examples.shape[0], self.n))
        k = min(NEIGHBOURS, with_examples.shape[1])
        near = np.argpartition(-with_examples, k - 1, axis=1)[:, :k]
        close = np.take_along_axis(with_examples, near, axis=1).astype(np.float64)
        weights = np.where(close > -1.0, np.exp(MEANING_SHARPNESS * (close - 1.0)), 0.0)
        total = weights.sum(axis=1, keepdims=True)
        weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
        return self._votes(near, weights)

    def _votes(self, near: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Per question and entry, the summed weights of its near examples labelled with
        the entry: each near example's few labels added in, not a questions x neighbours x
        entries array of mostly zeros."""
        size, n = near.shape[0], self.n
        starts, ends = self._labels_of[near.ravel()], self._labels_of[near.ravel() + 1]
        counts = ends - starts
        cells = np.repeat(np.arange(near.size) // near.shape[1], counts) * n
        cells += self._label_entry[_spans(starts, counts)]
        added = np.repeat(weights.ravel(), counts)
        return np.bincount(cells, added, minlength=size * n).reshape(size, n)

    def _best_by_entry(self, ex_sim: np.ndarray) -> np.ndarray:
        """Per question and entry, the highest similarity among the examples labelled with
        the entry (0 if none is similar at all)."""
        best = np.zeros((ex_sim.shape[0], self.n))
        if len(self._label_example):
            sims = ex_sim[:, self._by_entry_examples]
            best[:, self._labelled] = np.maximum(
                np.maximum.reduceat(sims, self._by_entry_starts, axis=1), 0.0
            )
        return best

    def _candidates(self, *ranking: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (question, entry) pairs scored in detail, by question then entry: every entry
        on a small FAQ, else the best few by each of the signals that rank entries (_RANKED,
        in its order): an entry one of them ranks first is always weighed."""
        lexical = ranking[0]
        if self._all_candidates:
            chosen = np.ones(lexical.shape, dtype=bool)
        else:
            k = CANDIDATES_PER_SIGNAL
            chosen = np.zeros(lexical.shape, dtype=bool)
            # The signals' rows in one partition: one call instead of one per signal.
            signals = -np.stack(ranking, axis=1).reshape(-1, self.n)
            best = np.argpartition(signals, k, axis=1)[:, :k]
            chosen[np.arange(len(lexical)).repeat(len(ranking))[:, None], best] = True
        owner, entries = np.nonzero(chosen)
        return owner, entries


class Ranker:
    """The trained model: the probability that a candidate entry answers the question."""

    def __init__(self, space: SignalSpace, *, regularization: float = 1.0) -> None:
        self.space = space
        chosen = space.training_questions()
        scored = space.training_signals(chosen)
        rows = [signals.rows for signals in scored]
        counts = np.array([len(signals.candidates) for signals in scored], dtype=np.intp)
        stacked = np.vstack(rows) if rows else np.zeros((0, len(FEATURES)))
        # A (question, candidate) pair is a positive when the example names the candidate.
        owner = np.repeat(chosen, counts)
        candidates = np.concatenate([np.zeros(0, np.intp), *(s.candidates for s in scored)])
        labels = space.labels[owner, candidates]
        self.trained_on = len(chosen)
        #: Each signal's weight (on standardised signals), for people reading the model.
        self.coefficients: dict[str, float] = {}
        self._weights: np.ndarray | None = None
        self._bias = 0.0
        if rows and len(np.unique(labels)) == 2:
            # (Imported here: a FAQ with too few examples to fit on never needs it.)
            from sklearn.linear_model import LogisticRegression
            from sklearn.pipeline import make_pipeline
            from sklearn.preprocessing import StandardScaler

            # An exact second-order solver on a fixed feature order: the same files give
            # the same model (some 35-40 ms for the shipped FAQ's 25,000 rows).
            model = make_pipeline(
                StandardScaler(),
                LogisticRegression(C=regularization, solver="newton-cholesky", max_iter=200),
            )
            model.fit(stacked, labels)
            # Kept as plain weights and applied by hand per question: sklearn's input
            # validation costs more than the arithmetic for a 25-row matrix, and a trained
            # ranker then answers (and unpickles) without scikit-learn.
            scaler, regression = model[0], model[-1]
            self.coefficients = dict(zip(FEATURES, regression.coef_[0].tolist(), strict=True))
            self._weights = regression.coef_[0] / scaler.scale_
            self._bias = float(regression.intercept_[0] - self._weights @ scaler.mean_)
        # Whether a question is off-topic at all: learned from the same scored questions,
        # once the ranker's probabilities for them are known (off_topic.py).
        # (All questions at once: one product, not one per question.)
        self._question_columns = [_COLUMN[name] for name in QUESTION_SIGNALS]
        values, off_topic = np.zeros((0, 0)), np.zeros(0, bool)
        if self._weights is not None and len(stacked):
            probabilities = 1.0 / (1.0 + np.exp(-(stacked @ self._weights + self._bias)))
            asked = counts > 0
            columns = self._question_columns
            values = stacked_question_values(stacked, counts[asked], columns, probabilities)
            off_topic = space.off_topic[chosen[asked]]
        self.off_topic_model = OffTopicModel(values, off_topic)

    def off_topic(self, signals: Signals, probabilities: np.ndarray) -> float | None:
        """The probability (0-1) that the question is off-topic, from its signals and this
        ranker's ``probabilities`` for them; None when there was nothing to learn it from."""
        if not len(signals.candidates):
            return None
        values = question_values(signals.rows, self._question_columns, probabilities)
        return self.off_topic_model.probability(values)

    def probabilities(self, signals: Signals) -> np.ndarray:
        if self._weights is None:  # nothing to learn from: the lexical score stands in
            return signals.rows[:, _COLUMN["lexical"]]
        z = signals.rows @ self._weights + self._bias
        return 1.0 / (1.0 + np.exp(-z))
