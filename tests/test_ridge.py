"""The ridge signal (knowledge/ridge.py): scikit-learn's kernel ridge, and exact
leave-one-out scores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.kernel_ridge import KernelRidge

from knowledge import ridge

ROOT = Path(__file__).resolve().parents[1]

#: The fit factors in single precision (ridge.FACTOR_DTYPE): it agrees with scikit-learn's
#: double-precision fit to about 1e-7; in double precision, to rounding.
PRECISIONS = pytest.mark.parametrize(
    ("dtype", "tolerance"), [(np.float32, 1e-6), (np.float64, 1e-9)], ids=["single", "double"]
)


@pytest.fixture
def factor_dtype(monkeypatch: pytest.MonkeyPatch, dtype: type) -> None:
    monkeypatch.setattr(ridge, "FACTOR_DTYPE", dtype)


def _problem(seed: int = 0) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(seed)
    features = sparse.random(40, 120, density=0.1, random_state=seed, format="csr")
    kernel = (features @ features.T).toarray()
    labels = np.zeros((40, 6))
    labels[np.arange(40), rng.integers(0, 6, 40)] = 1.0
    labels[::7, 0] = 1.0  # some rows have two targets
    new = (sparse.random(5, 120, density=0.1, random_state=seed + 1) @ features.T).toarray()
    return kernel, sparse.csr_matrix(labels), new


@PRECISIONS
def test_scores_are_scikit_learns_kernel_ridge(factor_dtype: None, tolerance: float) -> None:
    kernel, targets, new = _problem()
    dual, _ = ridge.fit(kernel, targets, alpha=0.7)
    reference = KernelRidge(alpha=0.7, kernel="precomputed").fit(kernel, targets.toarray())
    np.testing.assert_allclose(new @ dual, reference.predict(new), atol=tolerance)
    np.testing.assert_allclose(dual, reference.dual_coef_, atol=tolerance)


@PRECISIONS
def test_left_out_scores_equal_a_model_fitted_without_the_row(
    factor_dtype: None, tolerance: float
) -> None:
    kernel, targets, _ = _problem(seed=3)
    _, left_out = ridge.fit(kernel, targets, alpha=1.0)
    dense = targets.toarray()
    for row in (0, 7, 19, 39):
        kept = np.delete(np.arange(len(kernel)), row)
        model = KernelRidge(alpha=1.0, kernel="precomputed")
        model.fit(kernel[np.ix_(kept, kept)], dense[kept])
        np.testing.assert_allclose(
            left_out[row], model.predict(kernel[row, kept][None])[0], atol=tolerance
        )


def test_the_factor_gives_the_inverse_and_a_matrix_not_positive_definite_still_fits() -> None:
    kernel, _, _ = _problem(seed=5)
    matrix = kernel + np.eye(len(kernel))
    factor = ridge._inverse_factor(matrix.copy())  # (it works in place)
    assert factor is not None
    np.testing.assert_allclose(factor @ factor.T, np.linalg.inv(matrix), atol=1e-12)
    # Cholesky fails on an indefinite "kernel": the general inverse gives the same model
    indefinite = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    assert ridge._inverse_factor(indefinite + 0.5 * np.eye(3)) is None
    labels = sparse.csr_matrix(np.eye(3)[:, :2])
    dual, left_out = ridge.fit(indefinite, labels, alpha=0.5)
    inverse = np.linalg.inv(indefinite + 0.5 * np.eye(3))
    np.testing.assert_allclose(dual, inverse @ labels.toarray())
    np.testing.assert_allclose(left_out, labels.toarray() - dual / np.diag(inverse)[:, None])


def test_no_examples_fit_quietly() -> None:
    """With no example questions there is nothing to fit, and LAPACK, asked anyway, prints
    its complaint on the process's own stdout (past pytest's capture): a subprocess shows it."""
    code = (
        "import numpy as np; from scipy import sparse; from knowledge import ridge; "
        "dual, left_out = ridge.fit(np.zeros((0, 0)), sparse.csr_matrix((0, 4))); "
        "assert dual.shape == left_out.shape == (0, 4)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == run.stderr == ""


def test_the_kernel_split_into_common_and_rare_features_is_the_plain_product() -> None:
    from knowledge.ranker import gram

    rng = np.random.default_rng(3)
    rare = sparse.random(60, 300, density=0.02, random_state=3, format="csr")
    common = sparse.csr_matrix(rng.random((60, 8)) * (rng.random((60, 8)) < 0.7))
    for matrix in (sparse.hstack([common, rare]).tocsr(), rare, common, rare[:0]):
        expected = (matrix @ matrix.T).toarray()
        assert gram(matrix).shape == expected.shape
        assert np.allclose(gram(matrix), expected, atol=1e-12)


@PRECISIONS
def test_a_target_no_row_is_labelled_with_scores_zero_and_leaves_the_others_alone(
    factor_dtype: None, tolerance: float
) -> None:
    """An entry with no examples yet (most of a large FAQ): its target column is empty, its
    coefficients and scores are zero, and the other targets' are what they would be alone."""
    kernel, targets, _ = _problem(seed=7)
    dense = targets.toarray()
    widened = np.zeros((len(dense), 9))
    widened[:, [1, 2, 4, 5, 7, 8]] = dense  # columns 0, 3 and 6 empty
    dual, left_out = ridge.fit(kernel, sparse.csr_matrix(widened), alpha=0.7)
    alone_dual, alone_left_out = ridge.fit(kernel, targets, alpha=0.7)
    reference = KernelRidge(alpha=0.7, kernel="precomputed").fit(kernel, widened)
    np.testing.assert_allclose(dual, reference.dual_coef_, atol=tolerance)
    assert not dual[:, [0, 3, 6]].any() and not left_out[:, [0, 3, 6]].any()
    np.testing.assert_allclose(dual[:, [1, 2, 4, 5, 7, 8]], alone_dual, atol=1e-12)
    np.testing.assert_allclose(left_out[:, [1, 2, 4, 5, 7, 8]], alone_left_out, atol=1e-12)
