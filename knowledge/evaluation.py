"""Score a matcher on labelled questions, for tests and benchmarks.

Two formats: written questions (``q``, ``ids``: acceptable ids, [] = should not answer) and
real forum questions (``text``, ``scope: in|out``, ``acceptable``). Rates:

* right: in-scope questions answered with an acceptable entry;
* wrong: in-scope questions answered with an entry that is not acceptable;
* listed: an acceptable entry among the best and the suggestions;
* quiet: out-of-scope questions left unanswered (suggestions allowed).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from knowledge.frontmatter import YAML_LOADER
from knowledge.matcher import Matcher, MatchResult, Ranking
from knowledge.tuning import MatchTuning


@dataclass(frozen=True)
class LabelledQuestion:
    q: str
    #: Acceptable entry ids, best first; empty: the bot should stay quiet.
    ids: tuple[str, ...]
    split: str = ""
    #: Where a real question was asked: posts of one thread share it.
    source: str = ""

    @property
    def offtopic(self) -> bool:
        return not self.ids

    @property
    def thread(self) -> str:
        """What posts of one thread share (the question itself when its source is unknown)."""
        return thread_key(self.source) if self.source else self.q


#: Query parameters that change how a page shows, not which thread it is.
_VIEW_PARAMETERS = frozenset(
    {"context", "relatedcontent", "sort", "prev_next", "mode", "after", "change_section", "f"}
)


def thread_key(url: str) -> str:
    """The thread a post's URL belongs to, whatever the mirror or the comment linked: a
    reddit thread by its id (mirrors such as redlib have their own hosts), a forum topic by
    ``t=``, else the page without scheme, ``www.``, fragment and view parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.removeprefix("www.")
    if found := re.search(r"/comments/([a-z0-9]+)", parts.path):
        return f"reddit:{found[1]}"
    query = parse_qs(parts.query)
    if topic := query.get("t"):
        return f"{host}?t={topic[0]}"
    kept = "&".join(f"{k}={v[0]}" for k, v in sorted(query.items()) if k not in _VIEW_PARAMETERS)
    if "=" not in parts.query:  # ("index.php?/topic/50638-...": the query is the page)
        kept = parts.query.rstrip("/")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{kept}" if kept else "")


#: A shorter text inside a longer one is a copy of it from this many characters (keyed).
COPY_MIN_CHARS = 30


def is_copy(a: str, b: str) -> bool:
    """Are two keyed texts (normalize.phrase_key) the same question: equal, or the shorter, at least
    COPY_MIN_CHARS long, inside the other (a post quoting another)?"""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= COPY_MIN_CHARS and short in long)


def _question(row: dict[str, Any]) -> LabelledQuestion:
    if "text" in row:  # real forum questions
        ids = tuple(row.get("acceptable") or ()) if row.get("scope") == "in" else ()
        return LabelledQuestion(
            str(row["text"]), ids, str(row.get("split", "")), str(row.get("source", ""))
        )
    return LabelledQuestion(str(row["q"]), tuple(row.get("ids") or ()))


def load_questions(path: Path, split: str | None = None) -> list[LabelledQuestion]:
    # (libyaml's loader: the real question sets take seconds in pure Python)
    rows: list[dict[str, Any]] = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    questions = [_question(row) for row in rows]
    return [q for q in questions if split is None or q.split == split]


@dataclass
class Report:
    answered_correct: float
    answered_wrong: float
    in_best_or_suggestions: float
    offtopic_abstained: float
    in_scope: int
    off_topic: int
    misses: list[tuple[LabelledQuestion, MatchResult]] = field(default_factory=list)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def summary(self) -> str:
        return (
            f"right {self.answered_correct:.1%}, wrong {self.answered_wrong:.1%}, "
            f"in best+suggestions {self.in_best_or_suggestions:.1%} "
            f"({self.in_scope} in scope); off-topic quiet {self.offtopic_abstained:.1%} "
            f"({self.off_topic})"
        )


def score(questions: Sequence[LabelledQuestion], results: Sequence[MatchResult]) -> Report:
    on = off = right = wrong = listed_ok = quiet = 0
    misses = []
    confusions: Counter[tuple[str, str]] = Counter()
    for item, result in zip(questions, results, strict=True):
        best = result.best.id if result.answered and result.best else None
        if item.offtopic:
            off += 1
            quiet += best is None
            if best is not None:
                misses.append((item, result))
            continue
        on += 1
        listed = [best, *(h.id for h in result.suggestions)]
        right += best in item.ids
        wrong += best is not None and best not in item.ids
        listed_ok += any(i in item.ids for i in listed)
        if best not in item.ids:
            misses.append((item, result))
            if best is not None:
                confusions[(best, item.ids[0])] += 1
    return Report(
        right / max(on, 1),
        wrong / max(on, 1),
        listed_ok / max(on, 1),
        quiet / max(off, 1),
        on,
        off,
        misses,
        confusions,
    )


@dataclass(frozen=True)
class Shown:
    """What members see of the decisions under forum posts in Discord: an answer and its
    menu (from ``plausible_threshold``), or for a post not answered the suggestions from
    ``unasked_threshold``, none when its off-topic score is above ``off_topic_threshold``
    (a member who asks the bot gets more, and the command line more again)."""

    #: In-scope posts with an acceptable entry in the answer or the suggestions shown.
    listed: float
    #: Off-topic posts the bot does not reply to at all (no answer, no suggestions).
    silent: float
    #: Answers (best entries) that are not acceptable, of all answers: in-scope posts
    #: answered wrongly and off-topic posts answered.
    wrong_answers: float
    answers: int
    #: Extra answers to a post's other questions (``also``) and how many are not acceptable.
    also: int
    also_wrong: int


def shown(
    questions: Sequence[LabelledQuestion],
    results: Sequence[MatchResult],
    tuning: MatchTuning,
    **changed: float,
) -> Shown:
    """``tuning``'s thresholds, or ``changed`` ones (``unasked_threshold=15``, say)."""
    t = tuning.model_copy(update=changed)
    listed = silent = answers = wrong = also = also_wrong = on = off = 0
    for item, result in zip(questions, results, strict=True):
        best = result.best.id if result.answered and result.best else None
        if result.answered:  # the menu under an answer
            close = [h.id for h in result.plausible(t.plausible_threshold)]
        else:
            close = [h.id for h in result.unasked(t.unasked_threshold, t.off_topic_threshold)]
        answers += best is not None
        wrong += best is not None and best not in item.ids
        also += len(result.also)
        also_wrong += sum(h.id not in item.ids for h in result.also)
        if item.offtopic:
            off += 1
            silent += best is None and not close
        else:
            on += 1
            listed += any(i in item.ids for i in [best, *close])
    rates = (listed / max(on, 1), silent / max(off, 1), wrong / max(answers, 1))
    return Shown(*rates, answers, also, also_wrong)


def evaluate(matcher: Matcher, questions: Sequence[LabelledQuestion]) -> Report:
    return score(questions, [matcher.match(item.q) for item in questions])


def decide(matcher: Matcher, ranking: Ranking, answer: float) -> MatchResult:
    """The matcher's decision at another answer threshold, from a ranking it already made
    (for the precision/coverage curve without ranking every question again)."""
    hits, off_topic = ranking
    if hits and hits[0].score >= answer:
        return MatchResult("", True, hits[0], matcher.suggest(hits[1:]), off_topic=off_topic)
    return MatchResult("", False, None, matcher.suggest(hits), off_topic=off_topic)


def curve(
    matcher: Matcher, questions: Sequence[LabelledQuestion], thresholds: Sequence[float]
) -> list[tuple[float, Report]]:
    """Rates at each answer threshold (0-100), the suggestion threshold held fixed."""
    ranked = [matcher.rank(item.q) for item in questions]
    out = []
    for threshold in thresholds:
        results = [decide(matcher, ranking, threshold) for ranking in ranked]
        out.append((threshold, score(questions, results)))
    return out
