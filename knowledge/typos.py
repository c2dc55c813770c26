"""Typo correction against the FAQ's own vocabulary (rapidfuzz), carried across reloads.

A correction depends only on the vocabulary. Most reloads keep it; an edit adds or drops a
few words (a new alias, a new entry). Redoing every fuzzy lookup then cost a third of a
reload, so the corrections carry over: a word keeps its best match unless that word was
dropped or an added word matches better. That is the answer a fresh lookup gives: rapidfuzz
returns the first of equally good matches, and the vocabulary is sorted, so ties go to the
alphabetically first word either way.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

#: rapidfuzz ratio a known word needs to stand in for an unknown one.
CUTOFF = 84.0
#: Shorter words are left alone: too many short words are one letter apart.
MIN_LENGTH = 5
#: With more changed words than this, start afresh: rechecking costs as much.
MAX_CARRIED_CHANGE = 500
MAX_CACHED = 50_000
#: Words looked up together by ``prefetch`` (bounds the score matrix's memory).
BATCH = 512
#: A lookup of fewer word pairs than this runs on one thread: starting rapidfuzz's worker
#: threads costs more than a question's few unknown words (about twice the time).
PARALLEL_PAIRS = 100_000

Match = tuple[str, float] | None


def _eligible(word: str) -> bool:
    return len(word) >= MIN_LENGTH and not word.isdigit()


class Corrections:
    """Known words for unknown ones, cached per word."""

    def __init__(self, vocabulary: Iterable[str], previous: Corrections | None = None) -> None:
        self.words = sorted(set(vocabulary))
        self._lengths = np.array([len(w) for w in self.words])
        self._near: dict[int, list[str]] = {}
        self._best: dict[str, Match] = {}
        if previous is not None:
            self._carry_over(previous)

    def _carry_over(self, previous: Corrections) -> None:
        if previous.words == self.words:
            self._best = dict(previous._best)
            return
        old, new = set(previous.words), set(self.words)
        added = sorted(new - old)
        removed = old - new
        if len(added) + len(removed) > MAX_CARRIED_CHANGE:
            return
        for word, best in list(previous._best.items()):
            if best is not None and best[0] in removed:
                continue  # looked up again when next asked
            if added and _eligible(word):
                found = process.extractOne(word, added, scorer=fuzz.ratio, score_cutoff=CUTOFF)
                if found is not None and (
                    best is None or (-found[1], found[0]) < (-best[1], best[0])
                ):
                    best = (found[0], found[1])
            self._best[word] = best

    def best(self, word: str) -> str | None:
        """The known word closest to ``word``; None when none is close enough."""
        if word in self._best:
            hit = self._best[word]
            return hit[0] if hit else None
        hit = None
        if _eligible(word):
            found = process.extractOne(word, self.words, scorer=fuzz.ratio, score_cutoff=CUTOFF)
            if found is not None:
                hit = (found[0], found[1])
        if len(self._best) < MAX_CACHED:
            self._best[word] = hit
        return hit[0] if hit else None

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up many words at once: a rapidfuzz ``cdist`` per word length instead of a
        lookup each (a first load of a large FAQ has thousands), against only the known words
        of a length that can match, and on every core when that is many pairs. The same
        answers as ``best``: the highest score, ties to the alphabetically first word."""
        todo = [w for w in dict.fromkeys(words) if w not in self._best and _eligible(w)]
        todo = todo[: max(0, MAX_CACHED - len(self._best))]
        if not todo or not self.words:
            return
        by_length: dict[int, list[str]] = {}
        for word in todo:
            by_length.setdefault(len(word), []).append(word)
        for length, group in by_length.items():
            candidates = self._of_near_length(length)
            if not candidates:
                self._best.update(dict.fromkeys(group))
                continue
            for start in range(0, len(group), BATCH):
                chunk = group[start : start + BATCH]
                parallel = len(chunk) * len(candidates) >= PARALLEL_PAIRS
                scores = process.cdist(
                    chunk,
                    candidates,
                    scorer=fuzz.ratio,
                    score_cutoff=CUTOFF,
                    dtype=np.float64,
                    workers=-1 if parallel else 1,
                )
                best = scores.argmax(axis=1)  # the first of equal scores, as extractOne
                for word, column, row in zip(chunk, best, scores, strict=True):
                    score = float(row[column])
                    self._best[word] = (candidates[column], score) if score >= CUTOFF else None

    def _of_near_length(self, length: int) -> list[str]:
        """The known words that can reach the cutoff against a word of this length, in
        order. ``fuzz.ratio`` of words of lengths a and b is at most 100 (1 - |a - b| / (a +
        b)), since at least |a - b| characters must be inserted or deleted."""
        near = self._near.get(length)
        if near is None:
            gap = np.abs(self._lengths - length) * 100
            within = np.flatnonzero(gap <= (100 - CUTOFF) * (self._lengths + length))
            near = self._near[length] = [self.words[i] for i in within]
        return near
