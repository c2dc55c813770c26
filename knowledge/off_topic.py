"""Is a post about this FAQ's subject at all? The probability that it is not.

The ranker scores entries: an off-topic post it cannot answer still has a best few, and a
reply listing them under an HSA question tells the asker their post is handled and sends
them to the wrong page. How likely an entry is to answer (the suggestion score) is a poor
test of that. This model asks the question of the post itself, from the signals the ranker
already computed for it: how close it is to the off-topic examples (nearest examples and
the ridge's off-topic target), how long it is, how many of its words the FAQ knows, whether
it names a core concept, and the ranker's two best probabilities. It is a logistic
regression trained with the ranker, on the same example questions (each scored with itself
left out; so, like the ranker's, not the ``written`` ones when there are others), with the
off-topic ones as positives.

Its verdict is a long shot's test, not a fact: on our real holdout about one post in four
it holds back is on-topic. So it only keeps the bot from volunteering suggestions under a
forum post; a member who asks the bot still gets them.
"""

from __future__ import annotations

import numpy as np

#: The question's own signals (the same on every candidate's row; see ranker.FEATURES).
QUESTION_SIGNALS = (
    "ridge_off_topic",
    "off_topic_vote",
    "off_topic_similarity",
    "length",
    "known_words",
    "anchored",
)


def question_values(rows: np.ndarray, columns: list[int], probabilities: np.ndarray) -> np.ndarray:
    """A question's inputs to the model: its own signals (``columns`` of its candidates'
    first row) and the ranker's best and second-best probability (0-1) for it."""
    best_two = np.sort(probabilities)[::-1][:2]
    padded = np.zeros(2)
    padded[: len(best_two)] = best_two
    return np.concatenate([rows[0, columns], padded])


def stacked_question_values(
    rows: np.ndarray, counts: np.ndarray, columns: list[int], probabilities: np.ndarray
) -> np.ndarray:
    """``question_values`` of many questions at once: their candidates' ``rows`` stacked,
    ``counts`` rows each (none empty), and ``probabilities`` a row each."""
    starts = np.cumsum(counts) - counts
    owner = np.repeat(np.arange(len(counts)), counts)
    ranked = probabilities[np.lexsort((-probabilities, owner))]  # best first, by question
    second = np.where(counts > 1, ranked[np.minimum(starts + 1, len(ranked) - 1)], 0.0)
    return np.column_stack([rows[starts][:, columns], ranked[starts], second])


class OffTopicModel:
    """The probability (0-1) that a question is off-topic; None when there was nothing to
    learn it from (no off-topic training questions, or no others)."""

    def __init__(self, values: np.ndarray, off_topic: np.ndarray) -> None:
        self._weights: np.ndarray | None = None
        self._bias = 0.0
        if len(values) and len(np.unique(off_topic)) == 2:
            from sklearn.linear_model import LogisticRegression
            from sklearn.preprocessing import StandardScaler

            scaler = StandardScaler().fit(values)
            regression = LogisticRegression(solver="newton-cholesky", max_iter=200)
            regression.fit(scaler.transform(values), off_topic)
            # Plain weights, applied by hand (as the ranker's: no scikit-learn to answer).
            self._weights = regression.coef_[0] / scaler.scale_
            self._bias = float(regression.intercept_[0] - self._weights @ scaler.mean_)

    def probability(self, values: np.ndarray) -> float | None:
        if self._weights is None:
            return None
        # 1 / (1 + e^-z) as e^-log(1 + e^-z): a score far out is 0 or 1, not an overflow
        # warning in the bot's log (scipy's expit would cost a fifth of a second to import)
        return float(np.exp(-np.logaddexp(0.0, -(values @ self._weights + self._bias))))
