"""Match a question in people's own words to the FAQ entries that answer it, or abstain.

Three parts, all built when the FAQ loads (never per question):

* lexical.py: concept evidence against each entry (rapidfuzz corrects typos against the
  FAQ's own words);
* ranker.py: those signals plus TF-IDF and example-question similarities, turned into the
  probability that an entry answers the question by a model trained on labelled examples
  (knowledge/faq/examples/), with off-topic questions as their own class;
* here, the decision: answer when the best entry's probability clears the answer threshold,
  offer up to three suggestions when they are plausibly relevant, otherwise stay silent.
  A post that asks several distinct things may also get the entries for its other
  questions (``also``) when each is confident on its own. Autocomplete puts id and title
  prefixes first, then weighs rapidfuzz likeness to the titles against meaning.

Scores are probabilities times 100, so a score means the same thing for every entry and
whatever the FAQ's size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from knowledge import normalize
from knowledge.examples import Example, few_examples, question_key, stand_ins
from knowledge.lexical import LexicalIndex
from knowledge.model import FaqEntry
from knowledge.ranker import Ranker, Signals, SignalSpace
from knowledge.tuning import MatchTuning

#: At most this many extra questions of one post are looked at for ``also``.
MAX_EXTRA_QUESTIONS = 2
#: In autocomplete, how much a title's spelling likeness counts against meaning.
TITLE_LIKENESS_WEIGHT = 0.8


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    question: str
    answered: bool
    best: Hit | None
    suggestions: tuple[Hit, ...] = ()
    #: Why the matcher abstained ("" when it answered), for people, not parsing.
    reason: str = ""
    #: Entries for the other questions of a post that asks several things.
    also: tuple[Hit, ...] = ()
    #: Answered, but below the sure threshold: worth a moderator's look.
    shaky: bool = False
    #: The probability (0-100) that the question is not about this FAQ's subject at all;
    #: None when it could not be judged (nothing matched, or no off-topic examples to
    #: learn from).
    off_topic: float | None = None

    def plausible(self, threshold: float) -> tuple[Hit, ...]:
        """The suggestions worth a menu: those scoring ``threshold`` or more."""
        return tuple(h for h in self.suggestions if h.score >= threshold)

    def unasked(self, threshold: float, off_topic_threshold: float) -> tuple[Hit, ...]:
        """The suggestions to offer under a post that did not ask the bot (a forum post it
        could not answer): those scoring ``threshold`` or more, and none at all when the
        post looks off-topic. (Someone who asked the bot gets ``plausible`` ones: they want
        the long shots, and a quarter of the posts the gate holds back are on-topic.)"""
        return () if self.looks_off_topic(off_topic_threshold) else self.plausible(threshold)

    def looks_off_topic(self, off_topic_threshold: float) -> bool:
        """Unanswered, and more likely than ``off_topic_threshold`` not about the FAQ."""
        return (
            not self.answered
            and self.off_topic is not None
            and self.off_topic > off_topic_threshold
        )


class Ranking(NamedTuple):
    """A question's candidate entries, best first, and its off-topic score (0-100, None
    when it could not be judged)."""

    hits: list[Hit]
    off_topic: float | None = None


#: (Case, spacing and end punctuation aside, as examples are compared when they are added.)
_taught_key = question_key


#: The examples' keys, kept: a reload meets the same example texts again, and keying them
#: all anew (casefold and split of some 700 kB of posts) was about 3% of a shipped FAQ's
#: retraining. (Questions are keyed uncached: up to 4,000 characters each, never again.)
_example_key = lru_cache(maxsize=1 << 14)(_taught_key)


_named_key = normalize.phrase_key


def within(text: str, limit: int) -> str:
    """A post cut to ``limit`` characters: its start (the title, the subject) and its end,
    where a long story usually comes to its question."""
    if len(text) <= limit:
        return text
    head = limit // 2
    return f"{text[:head]}\n{text[len(text) - (limit - head - 1) :]}"


class Matcher:
    """Lexical index, signal space and trained ranker for one set of entries."""

    def __init__(
        self,
        entries: Iterable[FaqEntry],
        tuning: MatchTuning | None = None,
        examples: Sequence[Example] = (),
    ) -> None:
        self.tuning = tuning or MatchTuning()
        self.entries = list(entries)
        self.ids = [e.id for e in self.entries]
        self.titles = [e.title for e in self.entries]
        self.lexical = LexicalIndex(self.entries)
        few = few_examples(self.entries, examples)
        added = stand_ins(few, examples)
        #: Entries with few examples yet (learned from their title and aliases too, unless
        #: there are too many such entries or no examples at all).
        self._new = frozenset(e.id for e in few)
        names = [[e.title, *e.aliases] for e in self.entries]
        self.space = SignalSpace(self.lexical, [*examples, *added], self.ids, names)
        self.ranker = Ranker(self.space)
        #: The entries each example question names, by its text (case and spacing aside):
        #: an answer a moderator already gave word for word is not one to review again.
        self._taught: dict[str, frozenset[str]] = {}
        for example in examples:
            key = _example_key(example.text)
            self._taught[key] = self._taught.get(key, frozenset()) | set(example.ids)
        #: The entry whose title or alias a question is, word for word (case, punctuation,
        #: quote marks and "401(k)" against "401k" aside): a moderator wrote that phrasing
        #: for it. A phrasing two entries share names neither.
        self._named: dict[str, str | None] = {}
        for entry in self.entries:
            for phrase in dict.fromkeys(_named_key(p) for p in (entry.title, *entry.aliases)):
                self._named[phrase] = None if phrase in self._named else entry.id
        #: Longer questions cannot be a title or alias (keying a long post costs time).
        self._named_chars = 2 * max((len(k) for k in self._named), default=0) + 20
        self._title_index = [
            normalize.clean(f"{e.title} {e.id.replace('-', ' ')}") for e in self.entries
        ]
        self._titles_by_id = dict(zip(self.ids, self.titles, strict=True))
        self._alphabetical = sorted(self._titles_by_id.items(), key=lambda p: p[1])

    @property
    def examples(self) -> int:
        return len(self.space.examples)

    # -- scoring -----------------------------------------------------------------------
    def _ranked(
        self,
        texts: Sequence[str],
        limits: Sequence[int | None] | None = None,
        *,
        judged: bool = True,
    ) -> list[Ranking]:
        """Each text's candidate entries with a 0-100 score, best first (empty when nothing
        matched), at most its limit (``limits``, else all); when ``judged``, the first text
        (the post) also with its off-topic score (its sentences' are not needed). Texts
        ranked together cost less than one at a time (a post's sentences)."""
        queries = self.lexical.prepare_many(texts)
        asked = [q for q in queries if q.weights] if self.entries else []
        found = iter(self.space.signals(asked) if asked else ())
        limits = limits or [None] * len(queries)
        return [
            self._ranking(next(found), limit, judged=judged and k == 0)
            if q.weights and asked
            else Ranking([])
            for k, (q, limit) in enumerate(zip(queries, limits, strict=True))
        ]

    def _ranking(self, signals: Signals, limit: int | None, *, judged: bool) -> Ranking:
        probabilities = self.ranker.probabilities(signals)
        off_topic = self.ranker.off_topic(signals, probabilities) if judged else None
        score = None if off_topic is None else round(100.0 * off_topic, 1)
        return Ranking(self._hits(signals, limit, probabilities), score)

    def _hits(
        self, signals: Signals, limit: int | None = None, probabilities: np.ndarray | None = None
    ) -> list[Hit]:
        if probabilities is None:
            probabilities = self.ranker.probabilities(signals)
        probabilities = probabilities * 100.0
        candidates = signals.candidates
        if limit is not None and limit < len(candidates):
            # Only the few hits needed are made: any of the best ``limit`` by rounded score
            # (ties by id) scores at least the limit-th best unrounded score less 0.1.
            floor = np.partition(probabilities, -limit)[-limit] - 0.1
            kept = probabilities >= floor
            candidates, probabilities = candidates[kept], probabilities[kept]
        hits = [
            Hit(self.ids[i], self.titles[i], round(p, 1))
            for i, p in zip(candidates.tolist(), probabilities.tolist(), strict=True)
        ]
        hits.sort(key=lambda h: (-h.score, h.id))
        return hits[:limit]

    def score_all(self, question: str) -> list[Hit]:
        """Candidate entries with a 0-100 score, best first (empty when nothing matched)."""
        return self.rank(question).hits

    def rank(self, question: str) -> Ranking:
        """``score_all``, with the question's off-topic score."""
        return self._ranked([within(question, self.tuning.max_question_chars)])[0]

    def match(self, question: str) -> MatchResult:
        """The decision for one question: answer with the best entry, or abstain."""
        text = question if isinstance(question, str) else ""
        if not text.strip():
            return MatchResult(question, False, None, (), "the question is empty")
        t = self.tuning
        text = within(text, t.max_question_chars)
        # The post's own questions are ranked only once the post is answered (``also``):
        # each is a run of the embedding model when first met, a few milliseconds apiece,
        # which most posts, those left unanswered, need not pay.
        ((hits, off_topic),) = self._ranked([text], [1 + t.max_suggestions])
        key = _taught_key(text)
        # An example's own text is decided by the example (its entry, or off-topic): a
        # moderator's decision on that very question, whatever the ranking makes of it.
        taught_ids = self._taught.get(key)
        named = None
        if taught_ids == frozenset():
            return MatchResult(
                question, False, None, (), "an off-topic example, word for word", off_topic=100.0
            )
        if not hits:
            # No word the matcher reads (another alphabet, "ELI5 pls"): nothing ranks, but
            # an example or an alias that is this very question still decides it.
            if not taught_ids and len(text) <= self._named_chars:
                named = self._named.get(_named_key(text))
            chosen = min(taught_ids) if taught_ids else named
            if chosen is None:
                return MatchResult(question, False, None, (), "no words I could match to the FAQ")
            return MatchResult(question, True, Hit(chosen, self._titles_by_id[chosen], 0.0))
        if taught_ids:
            if hits[0].id not in taught_ids:
                chosen = next((h.id for h in hits if h.id in taught_ids), min(taught_ids))
                hits = self._put_first(text, hits, chosen)
        elif len(text) <= self._named_chars:
            named = self._named.get(_named_key(text))
            if named is not None and named != hits[0].id and named in self._new:
                # (An entry with few examples is ranked on little evidence: its own title
                # or alias asked is its question. An established entry is answered with it
                # only where the ranking agrees, below.)
                hits = self._put_first(text, hits, named)
        best = hits[0]
        # A question an example, title or alias names word for word was answered by a
        # moderator already: the same entry answers it again, however many other examples
        # dilute its score, and it is not one to review.
        taught = bool(taught_ids) or best.id == named
        if best.score >= t.answer_threshold or taught:
            return MatchResult(
                question,
                True,
                best,
                self.suggest(hits[1:]),
                also=self._also(text, best),
                shaky=best.score < t.sure_threshold and not taught,
                off_topic=off_topic,
            )
        return MatchResult(
            question,
            False,
            None,
            self.suggest(hits),
            "not confident enough to answer",
            off_topic=off_topic,
        )

    def _put_first(self, text: str, hits: list[Hit], named: str) -> list[Hit]:
        """``hits`` with the entry ``named`` first (its own score kept)."""
        own = next((h for h in hits if h.id == named), None)
        if own is None:  # (ranked below the few kept: rare, so ranked again in full)
            own = next((h for h in self.score_all(text) if h.id == named), None)
        if own is None:
            own = Hit(named, self._titles_by_id[named], 0.0)
        return [own, *(h for h in hits if h.id != named)]

    def suggest(self, hits: Sequence[Hit]) -> tuple[Hit, ...]:
        """The suggestions to list from ranked hits (without the answer, if any)."""
        t = self.tuning
        return tuple(h for h in hits if h.score >= t.suggest_threshold)[: t.max_suggestions]

    @staticmethod
    def _questions(text: str) -> list[str]:
        """The questions of a post that asks several things (else none), up to the number
        looked at for ``also``."""
        asked = [s for s, is_question in normalize.split_sentences(text) if is_question]
        # Rewritten together (and cached for ranking them next): one by one costs more.
        rewritten = normalize.canonical_many(asked)
        questions = [
            sentence
            for sentence, canonical in zip(asked, rewritten, strict=True)
            if len(normalize.canonical_words(canonical)) >= 5
        ]
        return questions[: MAX_EXTRA_QUESTIONS + 1] if len(questions) >= 2 else []

    def _also(self, text: str, best: Hit) -> tuple[Hit, ...]:
        """Confident entries for the other questions of a post answered with ``best``, each
        matched on its own."""
        questions = self._questions(text)
        if not questions:
            return ()
        found: dict[str, Hit] = {}
        for hits, _ in self._ranked(questions, [1] * len(questions), judged=False):
            if hits and hits[0].score >= self.tuning.also_threshold and hits[0].id != best.id:
                found.setdefault(hits[0].id, hits[0])
        return tuple(sorted(found.values(), key=lambda h: (-h.score, h.id)))[:2]

    def by_title(self, text: str, limit: int = 25) -> list[Hit]:
        """Entries whose title or id holds every word typed, by title (all of them when
        none does, or nothing is typed): no ranking and nothing kept, for a member past
        the autocomplete allowance. Every entry by title, whatever was typed, put "Are
        after-tax contributions made before 1987..." first for "1099"."""
        typed = normalize.clean(text[:200]).split()
        holding = [
            (self.ids[i], self._titles_by_id[self.ids[i]])
            for i, title in enumerate(self._title_index)
            if all(word in title for word in typed)
        ]
        listed = sorted(holding, key=lambda p: p[1]) if holding else self._alphabetical
        return [Hit(i, t, 0.0) for i, t in listed[: max(0, min(limit, 25))]]

    def autocomplete(self, text: str, limit: int = 25) -> list[Hit]:
        """Entries for a partly typed topic: title/id prefix and fuzzy matches, then meaning."""
        limit = max(0, min(limit, 25))
        typed = normalize.clean(text).strip()
        if not typed:
            return [Hit(i, t, 0.0) for i, t in self._alphabetical[:limit]]
        # WRatio scores any title sharing a typed word highly, so only the words that carry
        # meaning are compared ("which box on the 1099r" is not like every title with
        # "the" in it), and likeness ranks below meaning.
        # (Only stopwords so far, "the": they are all there is to compare.)
        content = normalize.content_words(text) or typed
        fuzzy = process.extract(
            content, self._title_index, scorer=fuzz.WRatio, limit=limit, score_cutoff=50
        )
        scored = {self.ids[i]: TITLE_LIKENESS_WEIGHT * float(s) for _, s, i in fuzzy}
        meaning = {hit.id: hit.score for hit in self.score_all(text)[:limit]}
        for entry_id, score in meaning.items():
            scored[entry_id] = max(scored.get(entry_id, 0.0), score)
        for i, entry_id in enumerate(self.ids):
            if entry_id.startswith(typed) or self._title_index[i].startswith(typed):
                scored[entry_id] = 101.0
        # Equal likeness (titles sharing one typed word) is broken by meaning, then by id.
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], -meaning.get(kv[0], 0.0), kv[0]))
        ranked = ranked[:limit]
        return [Hit(i, self._titles_by_id[i], min(s, 100.0)) for i, s in ranked]
