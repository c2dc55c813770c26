"""Print the matcher's rates on every labelled question set, the precision/coverage curve,
the most common confusions and (with --misses) every miss.

    .venv/bin/python benchmarks/eval_matcher.py [--misses] [--folds 5] [--draws 10]
    .venv/bin/python benchmarks/eval_matcher.py --learning-curve
    .venv/bin/python benchmarks/eval_matcher.py --also [--draws 2]

Sets (tests/data/): the written public sample and holdout; the real public sample; the
real questions' holdout split (never trained on); and, cross-validated, the real dev split
(its questions are example questions the matcher trains on, so each fold is scored by a
matcher trained without it).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.evaluation import (
    LabelledQuestion,
    Report,
    Shown,
    curve,
    decide,
    is_copy,
    load_questions,
    score,
    shown,
)
from knowledge.matcher import Matcher, Ranking
from knowledge.normalize import phrase_key
from knowledge.tuning import MatchTuning

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
UNASKED = (2, 10, 15, 20, 25, 30, 35, 40, 50, 60)
#: Off-topic scores above which a post gets no suggestions (100: the gate off).
OFF_TOPIC = (100, 80, 70, 65, 60, 55, 50, 40)
#: The gate is tuned against Discord before it: unasked suggestions from 25, no gate.
BEFORE_GATE = (25, 100)
#: 0 answers every question with its best entry: the ranking alone, how often the entry
#: ranked first is acceptable, which no threshold can raise (only hold back).
THRESHOLDS = [0, 20, 30, 40, 50, 55, 60, 65, 70, 72, 75, 78, 79, 80, 85, 90]
#: Scores an extra answer to a post's other question may need (see also_curve).
ALSO = (80, 85, 88, 90, 92, 94, 96, 98)


def sets() -> dict[str, list[LabelledQuestion]]:
    real = DATA / "real_questions.yaml"
    return {
        "written public sample": load_questions(DATA / "public_questions.yaml"),
        "written holdout": load_questions(DATA / "holdout_questions.yaml"),
        "short questions, written blind": load_questions(DATA / "short_questions.yaml"),
        "real public sample": load_questions(DATA / "real_public.yaml"),
        "real holdout (ours)": load_questions(real, split="holdout"),
    }


def print_report(name: str, report: Report, misses: bool) -> None:
    print(f"== {name}: {report.summary()}")
    common = ", ".join(f"{got}->{want} x{n}" for (got, want), n in report.confusions.most_common(6))
    if common:
        print(f"   most common confusions (answered -> wanted): {common}")
    if misses:
        for item, result in report.misses:
            got = result.best.id if result.answered and result.best else "(quiet)"
            shown = " ".join(item.q.split())[:140]
            print(f"   want {list(item.ids) or 'quiet'} got {got}: {shown!r}")


def print_shown(seen: Shown, tuning: MatchTuning) -> None:
    print(
        f"   as Discord shows it (under a post not answered, suggestions at "
        f"{tuning.unasked_threshold:g} or more, none above {tuning.off_topic_threshold:g} "
        f"off-topic): "
        f"listed {seen.listed:.1%}, off-topic posts without any reply {seen.silent:.1%}; "
        f"{seen.wrong_answers:.1%} of {seen.answers} answers not acceptable (off-topic "
        f"answered included), extra answers to other questions {seen.also} "
        f"({seen.also_wrong} not acceptable)"
    )


def print_curve(name: str, points: list[tuple[float, Report]], worst: Sequence[float] = ()) -> None:
    """One line per threshold; ``worst`` (the dev CV's): each line's worst draw's wrong rate."""
    extra = " / wrong in the worst draw" if worst else ""
    print(f"   curve for {name} (answer threshold: right / wrong / listed / quiet{extra})")
    for k, (threshold, report) in enumerate(points):
        print(
            f"     {threshold:>3}: {report.answered_correct:6.1%} {report.answered_wrong:6.1%}"
            f" {report.in_best_or_suggestions:6.1%} {report.offtopic_abstained:6.1%}"
            + (f" {worst[k]:6.1%}" if worst else "")
        )


def fold_matchers(
    kb: KnowledgeBase,
    dev: list[LabelledQuestion],
    folds: int,
    draws: int,
    tuning: MatchTuning,
) -> Iterator[tuple[Matcher, list[LabelledQuestion]]]:
    """Each fold of each draw's dev questions, with a matcher trained without them. Posts
    of one thread share a fold; a fold's questions leave the training examples with any
    copy of them (the same post keyed alike, or quoted whole in another)."""
    examples = kb.matcher.space.examples
    entries = list(kb.entries.values())
    keyed = [phrase_key(e.text) for e in examples]
    asked = {q: phrase_key(q.q) for q in dev}
    copies = {q: {i for i, k in enumerate(keyed) if is_copy(asked[q], k)} for q in dev}
    for draw in range(draws):
        threads = list(dict.fromkeys(q.thread for q in dev))
        random.Random(draw).shuffle(threads)
        fold_of = {t: k % folds for k, t in enumerate(threads)}
        for fold in range(folds):
            held = [q for q in dev if fold_of[q.thread] == fold]
            out = set().union(*(copies[q] for q in held))
            kept = [e for i, e in enumerate(examples) if i not in out]
            yield Matcher(entries, tuning, kept), held


def also_curve(kb: KnowledgeBase, folds: int, draws: int) -> None:
    """Extra answers to a post's other questions (``also``), and how many are not
    acceptable, by the score they need: on the real dev split cross-validated (what the
    threshold is chosen on) and on the real sets never trained on."""
    every = kb.matcher.tuning.model_copy(update={"also_threshold": 0.0})
    dev = load_questions(DATA / "real_questions.yaml", split="dev")
    found: dict[str, list[tuple[LabelledQuestion, float, bool]]] = {}
    rows = found.setdefault(f"real dev, {folds}-fold cross-validated, {draws} draws", [])
    for matcher, held in fold_matchers(kb, dev, folds, draws, every):
        for q in held:
            rows += [(q, h.score, h.id in q.ids) for h in matcher.match(q.q).also]
    whole = Matcher(list(kb.entries.values()), every, kb.matcher.space.examples)
    for name, questions in sets().items():
        rows = found.setdefault(name, [])
        for q in questions:
            rows += [(q, h.score, h.id in q.ids) for h in whole.match(q.q).also]
    now = kb.matcher.tuning.also_threshold
    print(f"== extra answers (also) by the score they need (now {now:g}): given / not acceptable")
    for name, rows in found.items():
        cells = []
        for t in ALSO:
            given = [ok for _, s, ok in rows if s >= t]
            cells.append(f"{t}: {len(given)} / {given.count(False)}")
        print(f"   {name}: " + ", ".join(cells))


def cross_validated(kb: KnowledgeBase, folds: int, draws: int) -> None:
    """The real dev split scored fold by fold, each by a matcher trained without it (its
    questions are among the example questions), with the curve the thresholds were tuned on.
    Posts of one thread share a fold, as they share a side of the dev/holdout split. One
    draw of folds moves the wrong rate by a point or more, so the rates pool several draws
    (the threads shuffled with fixed seeds): each rate is the mean over the draws. The
    answer threshold is the lowest at which no draw answers more than 5% wrong."""
    dev = load_questions(DATA / "real_questions.yaml", split="dev")
    tuning = kb.matcher.tuning
    ranked: list[tuple[Matcher, Ranking]] = []
    ordered: list[LabelledQuestion] = []
    for matcher, held in fold_matchers(kb, dev, folds, draws, tuning):
        ranked += [(matcher, matcher.rank(q.q)) for q in held]
        ordered += held
    name = f"real dev, {folds}-fold cross-validated by thread, {draws} draws pooled"
    at = tuning.answer_threshold
    pooled = score(ordered, [decide(m, r, at) for m, r in ranked])
    # Rates are means over the draws; the counts shown are one draw's.
    per_draw = replace(
        pooled, in_scope=pooled.in_scope // draws, off_topic=pooled.off_topic // draws
    )
    print_report(name, per_draw, False)
    # Each draw holds out every dev post once, draw after draw: draw k is the k-th slice.
    draw_slices = [slice(k * len(dev), (k + 1) * len(dev)) for k in range(draws)]
    points, worst = [], []
    for t in THRESHOLDS:
        results = [decide(m, r, t) for m, r in ranked]
        points.append((t, score(ordered, results)))
        worst.append(max(score(ordered[d], results[d]).answered_wrong for d in draw_slices))
    print_curve(name, points, worst)
    # What a forum post that is not answered shows: suggestions from this score on, none
    # above that off-topic score. The pair kept is the one that leaves the most off-topic
    # posts without a reply while showing an acceptable entry as often as before the gate.
    results = [decide(m, r, at) for m, r in ranked]
    print(f"   {name}, as Discord shows it (answer at {at:g}): listed / off-topic posts")
    print("   without any reply, by the score suggestions need (rows) and the off-topic score")
    print("   above which none are shown (columns; 100: never)")
    print("     score " + " ".join(f"{gate:>13g}" for gate in OFF_TOPIC))
    seen = {
        (score_, gate): shown(
            ordered, results, tuning, unasked_threshold=score_, off_topic_threshold=gate
        )
        for score_ in UNASKED
        for gate in OFF_TOPIC
    }
    for score_ in UNASKED:
        cells = (seen[score_, gate] for gate in OFF_TOPIC)
        print(f"     {score_:>5g} " + " ".join(f"{s.listed:6.1%} {s.silent:6.1%}" for s in cells))
    floor = seen[BEFORE_GATE].listed
    kept = max(
        (pair for pair, s in seen.items() if s.listed >= floor),
        key=lambda pair: (seen[pair].silent, seen[pair].listed, pair),
    )
    print(
        f"   most off-topic posts left alone while listing as often as before the gate "
        f"(suggestions from {BEFORE_GATE[0]}, no gate: {floor:.1%}): suggestions from "
        f"{kept[0]:g}, none above {kept[1]:g} off-topic ({seen[kept].listed:.1%} / "
        f"{seen[kept].silent:.1%})"
    )


def learning_curve(kb: KnowledgeBase) -> None:
    """What more real questions would buy: matchers trained on a share of the real example
    questions (drawn with fixed seeds; the written ones all kept), scored on the real sets
    they never saw. A curve still rising asks for more real questions; a flat one says the
    signals, not the amount of data, hold the matcher back."""
    examples = kb.matcher.space.examples
    entries, tuning = list(kb.entries.values()), kb.matcher.tuning
    held = {name: qs for name, qs in sets().items() if name.startswith("real")}
    print("== learning curve: share of the real example questions kept (top-1, then")
    print(f"   right / wrong / listed / quiet at {tuning.answer_threshold:g})")
    for share in (0.25, 0.5, 0.75, 1.0):
        for draw in range(3 if share < 1 else 1):
            rng = random.Random(draw)
            kept = [e for e in examples if e.written or rng.random() < share]
            matcher = Matcher(entries, tuning, kept)
            cells = []
            for name, questions in held.items():
                ranked = [matcher.rank(q.q) for q in questions]
                asked = [(q, r.hits) for q, r in zip(questions, ranked, strict=True) if q.ids]
                top1 = sum(bool(hits) and hits[0].id in q.ids for q, hits in asked) / len(asked)
                at = [decide(matcher, ranking, tuning.answer_threshold) for ranking in ranked]
                r = score(questions, at)
                cells.append(
                    f"{name.removeprefix('real ')} {top1:.1%}, {r.answered_correct:.1%} / "
                    f"{r.answered_wrong:.1%} / {r.in_best_or_suggestions:.1%} / "
                    f"{r.offtopic_abstained:.1%}"
                )
            print(f"   {share:>4.0%} draw {draw} ({len(kept)} examples): " + "; ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--folds", type=int, default=5, help="folds for the dev split (5)")
    parser.add_argument("--draws", type=int, default=10, help="draws of those folds (10)")
    parser.add_argument(
        "--learning-curve",
        action="store_true",
        help="only the rates with a share of the real examples trained on",
    )
    parser.add_argument(
        "--also",
        action="store_true",
        help="only the extra answers to posts' other questions, by the score they need",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    kb = KnowledgeBase.load()
    tuning = kb.matcher.tuning
    print(
        f"FAQ: {len(kb.entries)} entries, {kb.matcher.examples} example questions; "
        f"answer at {tuning.answer_threshold:g}, suggest at {tuning.suggest_threshold:g} "
        f"(loaded and trained in {time.perf_counter() - started:.2f}s, imports included)"
    )
    if args.learning_curve:
        learning_curve(kb)
        return
    if args.also:
        also_curve(kb, args.folds, args.draws)
        return
    for name, questions in sets().items():
        results = [kb.matcher.match(item.q) for item in questions]
        print_report(name, score(questions, results), args.misses)
        print_shown(shown(questions, results, tuning), tuning)
        if name.startswith("real"):
            print_curve(name, curve(kb.matcher, questions, THRESHOLDS))
    cross_validated(kb, args.folds, args.draws)


if __name__ == "__main__":
    main()
