"""Typo correction against the FAQ's own vocabulary (rapidfuzz), carried across reloads.

A correction depends only on the vocabulary. Most reloads keep it; an edit adds or drops a
few words (a new alias, a new entry). Redoing every fuzzy lookup then cost a third of a
reload, so the corrections carry over: a word keeps its best match unless that word was
dropped or an added word matches better. That is the answer a fresh lookup gives: rapidfuzz
returns the first of equally good matches, and the vocabulary is sorted, so ties go to the
alphabetically first word either way.

A lookup scores only the known words that can reach the cutoff (see ``_candidates``): on a
1,000-entry FAQ a post's new words each cost a rapidfuzz pass over thousands of words
otherwise, the largest part of its first answer.
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
#: ``prefetch`` scores this many words of one length or more in one batch (see there), at
#: most BATCH at a time (bounds the score matrix's memory).
BATCH_FROM = 16
BATCH = 512
#: A batch of fewer word pairs than this runs on one thread: starting rapidfuzz's worker
#: threads costs more than it saves.
PARALLEL_PAIRS = 100_000

Match = tuple[str, float] | None


def _eligible(word: str) -> bool:
    return len(word) >= MIN_LENGTH and not word.isdigit()


def _bigram_keys(text: str) -> np.ndarray:
    """A text's adjacent character pairs, each as one integer (two code points; any
    code point, lone surrogates included, so no text can fail here)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.int64)
    return codes[:-1] << 21 | codes[1:]


class _Bigrams:
    """Which words contain each character pair: sorted pair keys, and per key a run of word
    positions (each word once per pair it contains)."""

    def __init__(self, words: list[str]) -> None:
        lengths = np.fromiter(map(len, words), np.int64, len(words))
        keys = _bigram_keys("".join(words))
        # Pairs across the end of one word and the start of the next are not the words'.
        inside = np.ones(len(keys), bool)
        inside[np.cumsum(lengths)[:-1] - 1] = False
        owner = np.repeat(np.arange(len(words)), lengths)[:-1]
        pairs = np.unique(keys[inside] * max(len(words), 1) + owner[inside])
        keys, self.words = np.divmod(pairs, max(len(words), 1))
        self.keys, starts = np.unique(keys, return_index=True)
        self.bounds = np.append(starts, len(keys))
        self.size = len(words)

    def shared(self, word: str) -> np.ndarray:
        """Per known word, how many of ``word``'s pairs (repeats counted again) it contains:
        never fewer than the pairs the two have in common."""
        keys = _bigram_keys(word)
        at = np.searchsorted(self.keys, keys)
        runs = [
            self.words[self.bounds[i] : self.bounds[i + 1]]
            for i, key in zip(at.tolist(), keys.tolist(), strict=True)
            if i < len(self.keys) and self.keys[i] == key
        ]
        if not runs:
            return np.zeros(self.size, np.int64)
        return np.bincount(np.concatenate(runs), minlength=self.size)


class Corrections:
    """Known words for unknown ones, cached per word."""

    def __init__(self, vocabulary: Iterable[str], previous: Corrections | None = None) -> None:
        self.words = sorted(set(vocabulary))
        self._lengths = np.fromiter(map(len, self.words), np.int64, len(self.words))
        self._near: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._best: dict[str, Match] = {}
        #: Longer words can match no known word (see ``_worth_a_look``).
        self._longest_matchable = 2 * int(self._lengths.max()) if len(self.words) else 0
        same = previous is not None and previous.words == self.words
        self._bigrams = previous._bigrams if same else _Bigrams(self.words)
        if previous is not None:
            self._carry_over(previous)

    def __getstate__(self) -> dict[str, object]:
        """Pickled (the matcher cache on disk) without the words looked up: carried over
        from the index before, they include the words members typed (an employer's name,
        their own), which a matcher trained after a reload took to disk for good, beyond
        the retention and any deletion. Each is looked up again when next asked, with the
        same answer (a correction depends only on the vocabulary)."""
        return {**self.__dict__, "_best": {}}

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

    def _worth_a_look(self, word: str) -> bool:
        """Long enough to correct, and short enough for a known word to match: ratio 84
        needs lengths within 1.38 times of each other. Others are neither looked up nor
        kept (a member's 4,000-letter 'word' would stay in memory for nothing)."""
        return _eligible(word) and len(word) <= self._longest_matchable

    def best(self, word: str) -> str | None:
        """The known word closest to ``word``; None when none is close enough."""
        if word not in self._best:
            if not self._worth_a_look(word):
                return None
            hit = self._lookup(word)
            if len(self._best) >= MAX_CACHED:
                return hit[0] if hit else None
            self._best[word] = hit
        hit = self._best[word]
        return hit[0] if hit else None

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up these words now: the same answers as ``best``, kept for when they are
        asked. Many words of one length (a first load looks up every unknown word of its
        examples, thousands) go through one rapidfuzz ``cdist`` against every known word of
        a length that can match, on every core when that is many pairs: cheaper then than
        narrowing the candidates word by word."""
        todo = [w for w in dict.fromkeys(words) if w not in self._best and self._worth_a_look(w)]
        todo = todo[: max(0, MAX_CACHED - len(self._best))]
        by_length: dict[int, list[str]] = {}
        for word in todo:
            by_length.setdefault(len(word), []).append(word)
        for length, group in by_length.items():
            if len(group) < BATCH_FROM:
                self._best.update((word, self._lookup(word)) for word in group)
                continue
            candidates = [self.words[i] for i in self._of_length(length)[0].tolist()]
            if not candidates:  # no known word is near this length (nonsense, say)
                self._best.update(dict.fromkeys(group))
                continue
            for start in range(0, len(group), BATCH):
                chunk = group[start : start + BATCH]
                scores = process.cdist(
                    chunk,
                    candidates,
                    scorer=fuzz.ratio,
                    score_cutoff=CUTOFF,
                    dtype=np.float64,
                    workers=-1 if len(chunk) * len(candidates) >= PARALLEL_PAIRS else 1,
                )
                best = scores.argmax(axis=1)  # the first of equal scores, as extractOne
                for word, column, row in zip(chunk, best, scores, strict=True):
                    score = float(row[column])
                    self._best[word] = (candidates[column], score) if score >= CUTOFF else None

    def _lookup(self, word: str) -> Match:
        """rapidfuzz's best match among the known words (the first of equal scores, as over
        all of them), or None under the cutoff."""
        candidates = self._candidates(word)
        if not len(candidates):
            return None
        words = self.words
        found = process.extractOne(
            word, [words[i] for i in candidates.tolist()], scorer=fuzz.ratio, score_cutoff=CUTOFF
        )
        return (found[0], found[1]) if found is not None else None

    def _candidates(self, word: str) -> np.ndarray:
        """Positions (in order) of the known words that can reach the cutoff against
        ``word``. ``fuzz.ratio`` of words of lengths a and b is 100 (1 - d / (a + b)), d the
        fewest characters inserted or deleted to turn one into the other, so it reaches the
        cutoff only if d <= (100 - CUTOFF) (a + b) / 100. That needs |a - b| <= d, and, as
        each insertion or deletion breaks at most two of a word's adjacent character pairs,
        at least max(a, b) - 1 - 2d pairs in common."""
        within, needed = self._of_length(len(word))
        return within[self._bigrams.shared(word)[within] >= needed]

    def _of_length(self, length: int) -> tuple[np.ndarray, np.ndarray]:
        """For words of this length: the known words whose length can reach the cutoff, and
        how many pairs each needs in common (see ``_candidates``)."""
        near = self._near.get(length)
        if near is None:
            most = np.floor((100 - CUTOFF) * (self._lengths + length) / 100)
            within = np.flatnonzero(np.abs(self._lengths - length) <= most)
            needed = np.maximum(self._lengths, length)[within] - 1 - 2 * most[within]
            near = self._near[length] = (within, needed)
        return near
