"""Which entry a question reads like, learned from every example question at once: kernel
ridge regression with exact leave-one-out scores.

The nearest-example signals (ranker.py) look at one example at a time. This one weighs
them all together: a linear model of a question's similarities to the examples, fitted to
one target per entry (1 for the examples labelled with it) and one for off-topic
examples. It is solved in its dual form, over the examples' similarity matrix (the
kernel): the primal weights would be a dense features x targets matrix, some 390 MB at
1,000 entries, where the dual coefficients are examples x targets, 7 MB. scikit-learn's
``KernelRidge`` fits the same model (a test pins the two together) but gives no
leave-one-out scores, and the ranker must learn from those: an example's score from a model
fitted on itself is far better than any new question's.

With ``G = (K + alpha I)^-1`` and dual coefficients ``A = G Y``, the score row ``i`` gets
from the model fitted without row ``i`` is ``Y_i - A_i / G_ii`` (Rifkin and Lippert,
"Notes on regularized least squares", 2007): every leave-one-out score from one inverse.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.linalg import lapack

#: Ridge penalty, for the kernel below (in [0, 4]); chosen on the real dev questions'
#: cross-validation (benchmarks/eval_matcher.py).
ALPHA = 1.5
#: Weight of the kernel's squared term (see kernel).
SQUARED = 0.5
#: Weight of the sentence embeddings' cosine in the kernel, beside the word and character
#: cosines (1 each): chosen on the real dev questions' cross-validation, where 3 to 6 gave
#: alike (right 55.9 to 56.2% at 80, wrong 2.8 to 2.9%); with the cosine clamped at 0,
#: which gave the same at 4, 0.5 was too little (55.3%, 3.2%).
MEANING = 4.0
#: The fit's factorization runs in single precision: on the shipped examples it halves the
#: fit (some 120 to 70 ms of every training) and moves the scores it gives by about 1e-6 (of
#: 1), far below the 0.1 points a score shows. A kernel single precision cannot factor (not
#: positive definite after rounding) takes the general, double-precision way.
FACTOR_DTYPE = np.float32


def kernel(
    word_cosines: np.ndarray, char_cosines: np.ndarray, meaning_cosines: np.ndarray
) -> np.ndarray:
    """The similarity the ridge works on: ``k + SQUARED * k**2`` with ``k`` the sum of the
    word and character cosines and MEANING times the sentence embeddings' cosine. The
    square term makes the ridge a linear model over pairs of features as well as single
    ones, so it can learn entries that a combination of words tells apart better than any
    one word. It is still a valid kernel (sums and products of kernels are). On the
    cross-validated real dev questions the square put the right entry first more often
    (82.9 against 81.7%), most of all for the pro-rata, split-earnings and Roth 401(k)
    rollover entries; the meaning term, where the embeddings already informed the ranker
    only through each question's nearest examples, 87.3 against 85.8%."""
    k = word_cosines + char_cosines + MEANING * meaning_cosines
    return k + SQUARED * (k * k)


def fit(
    kernel: np.ndarray, targets: sparse.csr_matrix, alpha: float = ALPHA
) -> tuple[np.ndarray, np.ndarray]:
    """The dual coefficients (rows x targets), and each row's scores from the model fitted
    without that row."""
    rows, width = targets.shape
    dual = np.zeros((rows, width))
    left_out = np.zeros((rows, width))
    # A target no row is labelled with (an entry with no examples yet: most of a large
    # FAQ) has zero coefficients and scores: only the others cost a product.
    used = np.flatnonzero(np.diff(sparse.csc_matrix(targets).indptr))
    labels = sparse.csr_matrix(targets[:, used])
    inverse_factor = _inverse_factor(_regularized(kernel, alpha, FACTOR_DTYPE))
    if inverse_factor is None:  # not positive definite after all (rounding): the general way
        inverse = np.linalg.inv(_regularized(kernel, alpha))
        fitted = np.asarray((labels.T @ inverse).T)
        diagonal = np.diag(inverse)
    else:
        # G = R R^T with R = U^-1: G Y = R (R^T Y), and G_ii is the sum of row i of R squared
        # (summed in double: a row holds as many terms as there are examples).
        labels = labels.astype(inverse_factor.dtype)  # (else R is copied to double first)
        fitted = inverse_factor @ np.asarray((labels.T @ inverse_factor).T)
        diagonal = np.einsum("ij,ij->i", inverse_factor, inverse_factor, dtype=np.float64)
    dual[:, used] = fitted
    left_out[:, used] = labels.toarray() - fitted / diagonal[:, None]
    return dual, left_out


def _regularized(
    kernel: np.ndarray, alpha: float, dtype: type[np.floating] = np.float64
) -> np.ndarray:
    """``kernel + alpha I``, as a new array of ``dtype`` (without building the identity)."""
    matrix = np.array(kernel, dtype=dtype)
    matrix.flat[:: matrix.shape[0] + 1] += alpha
    return matrix


def _inverse_factor(matrix: np.ndarray) -> np.ndarray | None:
    """``U^-1`` for the Cholesky factor ``matrix = U^T U`` of a symmetric positive definite
    matrix (a kernel plus a ridge), by LAPACK; None when it is not positive definite. The
    full inverse is never formed: the dual coefficients and the inverse's diagonal need only
    this factor, which is about half the work of inverting, and every reload trains.
    ``matrix`` is worked on in place: being symmetric, it is its own column-major transpose,
    so LAPACK needs no copy of it (and the factor none either)."""
    if not matrix.size:  # no examples: LAPACK would print a complaint on stdout
        return matrix.copy()
    potrf, trtri = lapack.get_lapack_funcs(("potrf", "trtri"), (matrix,))  # (by its dtype)
    factor, info = potrf(matrix.T, lower=False, clean=True, overwrite_a=True)
    if info == 0:
        inverse_factor, info = trtri(factor, lower=False, overwrite_c=True)
    return inverse_factor if info == 0 else None
