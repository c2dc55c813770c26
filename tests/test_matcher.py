"""Question matching: accuracy targets, normalisation, abstention and hostile input."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from knowledge import normalize, typos
from knowledge.base import KnowledgeBase
from knowledge.evaluation import (
    decide,
    evaluate,
    is_copy,
    load_questions,
    shown,
    thread_key,
)
from knowledge.examples import EXAMPLES_DIR, Example
from knowledge.lexical import LexicalIndex
from knowledge.loader import DEFAULT_FAQ_DIR
from knowledge.matcher import Hit, Matcher, MatchResult
from tests.faq_factory import example_items

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# Floors sit at or just under the figures `benchmarks/eval_matcher.py` printed when the
# matcher was last tuned (training is deterministic, so they only move when the FAQ, the
# examples or the matcher change). The wrong-answer ceilings come first: a confident wrong
# answer is worse than silence, and the answer threshold is tuned for that on real posts.


def test_public_sample_meets_targets(kb: KnowledgeBase) -> None:
    report = evaluate(kb.matcher, load_questions(DATA / "public_questions.yaml"))
    assert report.answered_wrong <= 0.06, report.summary()  # measured 5.4% (2 of 37)
    # measured 78.4% (29 of 37) since the idf floor is 1.7 (0.3 before); 70.3% (26 of 37)
    # since context sentences weigh 0.7 (0.3 before): 'is
    # after-tax 401k basically a nondeductible IRA?' went from 81.4 to under 80, listed;
    # 73.0% since the eighth round of real questions ('pro rata on MBDR when the 401k is
    # mostly pretax?' from 83.1 to just under 80, listed), 75.7% since the seventh
    assert report.answered_correct >= 0.78, report.summary()
    assert report.in_best_or_suggestions == 1.0, report.summary()
    assert report.offtopic_abstained == 1.0, report.summary()


def test_written_holdout_does_not_regress(kb: KnowledgeBase) -> None:
    # Written blind to the FAQ and never trained on.
    report = evaluate(kb.matcher, load_questions(DATA / "holdout_questions.yaml"))
    assert report.answered_wrong <= 0.03, report.summary()  # measured 2.0% (2.7% before)
    # measured 72.3% since the idf floor is 1.7; 67.6% since context sentences weigh 0.7
    # (nine posts quiet before answered
    # right); 61.5% since the eighth round of real questions (three posts answered at
    # 80.3-82.0 fell just under 80), 63.5% before; FAQ rewording moves it (62.8% to 64.9%
    # over the 2026-12-05 fact-checks)
    assert report.answered_correct >= 0.72, report.summary()
    # measured 98.6% since the idf floor is 1.7 (99.3% since context sentences weigh 0.7)
    assert report.in_best_or_suggestions >= 0.985, report.summary()
    assert report.offtopic_abstained >= 0.97, report.summary()  # measured 97.7%


def test_short_questions_written_blind_are_answered_right_or_not_at_all(
    kb: KnowledgeBase,
) -> None:
    """What members type in Discord: a few words, abbreviations, lowercase. Written and
    labelled blind to the FAQ (tests/data/short_questions.yaml), never trained on."""
    report = evaluate(kb.matcher, load_questions(DATA / "short_questions.yaml"))
    assert report.answered_wrong <= 0.02, report.summary()  # measured 0% (0 of 100)
    assert report.answered_correct >= 0.76, report.summary()  # measured 77% (77 of 100)
    assert report.in_best_or_suggestions >= 0.99, report.summary()  # measured 100%
    assert report.offtopic_abstained == 1.0, report.summary()  # measured 15 of 15


def test_real_public_sample_rates(kb: KnowledgeBase) -> None:
    # Real forum posts (verbatim), never trained on.
    report = evaluate(kb.matcher, load_questions(DATA / "real_public.yaml"))
    # measured 10.9% (5 of 46) since the fifth round of real questions, 6.5% before: a
    # client's after-tax check deposited in the bank now gets the split entry (85.3; wanted
    # the 60-day rollover), and IRA basis rolled into a 401(k) by mistake the backdoor Roth
    # entry (89.7; wanted the roll-in entry, which it got at 88.1). One post quiet before
    # is answered right (split, 92.0), so right stays 39.1%.
    # Since context sentences weigh 0.7 (0.3 before), 8.7% (4 of 46): the IRA basis rolled
    # into a 401(k) by mistake gets the roll-in entry it wanted (87.5).
    assert report.answered_wrong <= 0.09, report.summary()
    # measured 43.5% (20 of 46) since context sentences weigh 0.7 (that post, and two quiet
    # before: 'Roth withdraw, less than 5 years' at 83.3, two employers' 401(k) limits at
    # 84.9); 37.0% since the seventh round of real questions, 39.1% before, since the split
    # entry says a plan may refuse two direct rollovers (41.3% before that)
    # measured 45.7% (21 of 46) since the idf floor is 1.7
    assert report.answered_correct >= 0.45, report.summary()
    # measured 95.7% since the idf floor is 1.7; 89.1% since context sentences weigh 0.7
    # (one post fewer listed), 91.3% since the seventh round (87.0% before)
    assert report.in_best_or_suggestions >= 0.95, report.summary()
    assert report.offtopic_abstained == 1.0, report.summary()  # measured 100% (6 of 6)


def test_real_holdout_floors(kb: KnowledgeBase) -> None:
    # Our own real questions' holdout split: measured on, never tuned on or trained on.
    report = evaluate(kb.matcher, load_questions(DATA / "real_questions.yaml", split="holdout"))
    # FAQ text is part of what the ranker reads, so fact-check rewordings move posts near a
    # threshold: one moved these from 39.1 / 2.5 / 94.4 (two posts lost a third
    # suggestion by 0.1-0.7 points); the fifth fact-check's fixes moved one post (80.2)
    # below the answer threshold and turned a near tie (81.5 against 81.1) wrong; the
    # sixth's (Roth 401(k) rollovers, Notice 2010-84) moved these from 39.0 / 2.5 / 93.7;
    # the eighth's (Form 8606 left unfiled, 403(b) custodial accounts) moved one post
    # answered right at 80.1 just below the threshold, still listed (40.3 to 39.6).
    # The fourth round of real questions (253 more posts, all holdout) moved the measure
    # from 39.6 / 1.9 / 92.5 / 96.6 on 159 + 88 posts to the figures below on 251 + 249;
    # the new posts alone: 37.0 / 3.3 / 89.1 / 91.9.
    # The second 2026-12-05 fact-checks (the Roth IRA clock's first year, Form 5329 for the
    # recapture) turned one post answered wrong (pro-rata-401k-after-tax for the roll-in
    # entry): 2.0% to 2.4%. The next ones (married filing separately's Roth range, code H,
    # a solo 401(k)'s compensation) moved three posts: one wrong to right, one right to
    # quiet, one right to a neighbouring entry (backdoor-roth-pro-rata-impact): 38.6% to
    # 38.2% right, 91.2% to 90.8% listed; two aliases in members' words for the 1099-R
    # entry, 90.8% to 91.6% listed.
    # The fifth round of real questions (198 more posts, all dev, so examples) moved 24
    # in-scope posts both ways without changing right or wrong (7 quiet to right, 6 right
    # to quiet, 2 wrong to quiet, 2 to wrong), listed 6 more (91.6% to 94.0%), and two
    # off-topic posts to answered (94.0% to 93.2% quiet).
    # The sixth round (90 posts, 71 in scope, mostly older irahelp threads; all holdout)
    # moved the measure from 38.2 / 2.4 / 94.0 / 93.2 on 251 + 249 posts to the figures
    # below on 322 + 268; the new posts alone: 28.2 / 11.3 / 90.1 / 89.5.
    # The seventh round (127 posts, 48 in scope; all dev) moved 18 holdout posts both ways:
    # 5 right to quiet, 4 quiet to right, 1 wrong to right, 2 quiet to wrong, one off-topic
    # post answered; listed 4 fewer and 1 more: from 36.0 / 4.3 / 93.2 / 92.9.
    # The eighth round (37 posts, 11 in scope; all dev) moved 9 holdout posts, all scored
    # 80-84: 4 quiet to right, 2 right to quiet, 1 right to wrong, one off-topic post quiet
    # again: from 36.0 / 4.7 / 92.2 / 92.5.
    # Context sentences weighing 0.7 instead of 0.3 (chosen on the dev posts) moved 24:
    # 11 quiet to right, 2 wrong to right, 3 wrong to quiet, 4 right to quiet, 3 quiet to
    # wrong, 1 right to wrong: from 36.6 / 5.0 / 92.5 / 92.9.
    # The idf floor at 1.7 instead of 0.3 (chosen on the dev posts) moved these from
    # 39.1 / 4.7 / 92.2 / 92.9.
    assert report.answered_wrong <= 0.05, report.summary()  # measured 4.3% (14 of 322)
    assert report.answered_correct >= 0.435, report.summary()  # measured 43.8%
    assert report.in_best_or_suggestions >= 0.94, report.summary()  # measured 94.1%
    assert report.offtopic_abstained >= 0.92, report.summary()  # measured 92.5%


@pytest.mark.parametrize(
    ("name", "split", "listed", "silent"),
    [
        # measured 76.5% / 79.5% (198 of 249) since the split entry's caveat (75.7% / 79.5%
        # after the third 2026-12-05 fact-checks, 79.9%
        # before); 75.7% / 79.9% since the 1099-R entry's fact-check fixes
        # (75.3% / 80.7% before); since the fourth round's 253 posts; on the first holdout
        # 78.0% / 83.0% (73 of 88), 79.9% before the sixth fact-check's FAQ fixes; before
        # the off-topic gate 78.6% / 75.0%
        # 76.1% / 78.7% since the sixth round's 90 posts (75.7% / 80.3% since the fifth);
        # 77.0% / 78.7% since the seventh's 127 (dev); 75.8% / 80.6% since the eighth's 37;
        # 78.0% / 81.3% since context sentences weigh 0.7; 82.3% / 79.1% since the idf
        # floor is 1.7
        ("real_questions.yaml", "holdout", 0.82, 0.79),
        # measured 82.6% / 100% (6 of 6) since context sentences weigh 0.7, 84.8% / 100%
        # since the seventh round, 80.4% / 83.3% before;
        # before the gate 69.6% / 50.0%
        # 91.3% / 100% since the idf floor is 1.7
        ("real_public.yaml", None, 0.91, 0.83),
    ],
)
def test_real_posts_as_discord_shows_them(
    kb: KnowledgeBase, name: str, split: str | None, listed: float, silent: float
) -> None:
    """What a forum post really gets: an acceptable entry in the answer or the suggestions
    shown, and for an off-topic post no reply at all (no answer, no suggestions)."""
    questions = load_questions(DATA / name, split=split)
    seen = shown(questions, [kb.ask(q.q) for q in questions], kb.matcher.tuning)
    assert seen.listed >= listed and seen.silent >= silent, seen


@pytest.mark.parametrize(
    ("name", "split", "most_wrong"),
    [
        # measured 2 of 6 at 94; at 85, the threshold before, 6 of 13; 1 of 1 since the
        # ridge's kernel holds the examples' meaning (1 of 5 before it)
        ("real_questions.yaml", "holdout", 2),
        # measured 1 of 1 since the ridge's kernel holds the examples' meaning (none of 0
        # before it; cross-validated on the dev posts, 37 of 145 at 94 against 31 of 133):
        # Question 1 of a post asking what triggers the pro-rata rule, answered with the
        # backdoor Roth's pro-rata entry where the blind label wants the mega backdoor's
        ("real_public.yaml", None, 1),
    ],
)
def test_extra_answers_to_a_posts_other_questions_are_seldom_wrong(
    kb: KnowledgeBase, name: str, split: str | None, most_wrong: int
) -> None:
    """An entry for a post's other question (``also``) is posted like the answer, under
    it: at a threshold chosen on the dev posts (cross-validated: 21 of 48 not acceptable at
    85, 7 of 26 at 94), not at one nearly half of whose extra answers were wrong."""
    questions = load_questions(DATA / name, split=split)
    seen = shown(questions, [kb.ask(q.q) for q in questions], kb.matcher.tuning)
    assert seen.also_wrong <= most_wrong, seen


def test_the_off_topic_score_is_learned_from_off_topic_examples(kb: KnowledgeBase) -> None:
    """A post's off-topic score rises with its distance from the FAQ's subject; an FAQ
    without off-topic examples has nothing to learn it from and never withholds anything."""
    hsa = "HSA contribution limit for a family in 2026?"
    near = "what is the mega backdoor roth"
    assert kb.ask(hsa).off_topic > 90 > 10 > kb.ask(near).off_topic
    examples = kb.matcher.space.examples
    on_topic = [e for e in examples if not e.off_topic]
    assert len(on_topic) < len(examples)
    alone = Matcher(list(kb.entries.values()), kb.matcher.tuning, on_topic)
    assert alone.match(hsa).off_topic is None  # not judged: nothing held back
    # An off-topic example asked word for word: a moderator's decision, so certain.
    example = next(e.text for e in examples if e.off_topic)
    result = kb.ask(example)
    assert result.off_topic == 100.0 and not result.answered


def test_the_off_topic_models_training_inputs_are_what_answering_computes(
    kb: KnowledgeBase,
) -> None:
    """Training computes every question's inputs in one go (stacked); answering, one
    question's. They must agree, down to a question with a single candidate."""
    from knowledge.off_topic import question_values, stacked_question_values

    matcher, ranker = kb.matcher, kb.matcher.ranker
    texts = [q.q for q in load_questions(DATA / "real_public.yaml")]
    found = matcher.space.signals(matcher.lexical.prepare_many(texts))
    signals = [s for s in found if len(s.candidates)]
    signals.append(
        replace(signals[0], candidates=signals[0].candidates[:1], rows=signals[0].rows[:1])
    )
    columns = ranker._question_columns
    one = [question_values(s.rows, columns, ranker.probabilities(s)) for s in signals]
    stacked = stacked_question_values(
        np.vstack([s.rows for s in signals]),
        np.array([len(s.candidates) for s in signals]),
        columns,
        np.concatenate([ranker.probabilities(s) for s in signals]),
    )
    assert np.array_equal(stacked, np.array(one))
    assert stacked[-1, -1] == 0.0  # one candidate: no second-best


def test_the_evaluations_decisions_are_the_matchers(kb: KnowledgeBase) -> None:
    """The curves and the gate's trade-off decide from rankings made once: at the answer
    threshold, what they decide is what match() does (for questions no example, title or
    alias names word for word, which match() alone knows)."""
    questions = [q.q for q in load_questions(DATA / "real_public.yaml")]
    t = kb.matcher.tuning.answer_threshold

    def seen(r: MatchResult) -> tuple:
        return r.answered, r.best and r.best.id, r.off_topic, [h.id for h in r.suggestions]

    decided = [seen(decide(kb.matcher, kb.matcher.rank(q), t)) for q in questions]
    assert decided == [seen(kb.matcher.match(q)) for q in questions]
    assert {d[0] for d in decided} == {True, False}


def test_suggestions_offered_unasked_are_withheld_only_above_the_off_topic_threshold() -> None:
    hits = (Hit("a", "A", 40.0), Hit("b", "B", 10.0))
    unsure = MatchResult("q", False, None, hits, off_topic=60.0)
    assert unsure.unasked(15.0, 60.0) == hits[:1]  # at the threshold: still offered
    assert unsure.unasked(15.0, 59.9) == () and unsure.looks_off_topic(59.9)
    assert unsure.plausible(15.0) == hits[:1]  # someone who asked still gets them
    # Under a confident answer the "see also" entries stay, whatever the score says; and a
    # score that could not be judged holds nothing back.
    answered = MatchResult("q", True, Hit("c", "C", 95.0), hits, off_topic=99.0)
    assert answered.unasked(15.0, 0.0) == hits[:1] and not answered.looks_off_topic(0.0)
    unjudged = MatchResult("q", False, None, hits, off_topic=None)
    assert unjudged.unasked(15.0, 0.0) == hits[:1]


def test_no_evaluation_question_is_trained_on(kb: KnowledgeBase) -> None:
    """The sets measured above must stay out of the examples, or their figures mean nothing:
    no copy of a measured question (keyed alike, quoted whole in an example or quoting one,
    or a short one all but the same), and no example from a measured post's thread."""
    trained = [normalize.phrase_key(e.text) for e in kb.matcher.space.examples]
    measured = [
        *load_questions(DATA / "public_questions.yaml"),
        *load_questions(DATA / "holdout_questions.yaml"),
        *load_questions(DATA / "short_questions.yaml"),
        *load_questions(DATA / "real_public.yaml"),
        *load_questions(DATA / "real_questions.yaml", split="holdout"),
    ]
    asked = [normalize.phrase_key(q.q) for q in measured]
    leaked = [
        q.q for q, k in zip(measured, asked, strict=True) if any(is_copy(k, t) for t in trained)
    ]
    # (Short questions differ by a word or two: "why 20% withheld" and "why was 20% withheld".)
    short = [k for k in asked if len(k) < 200]
    alike = process.cdist(short, [t for t in trained if len(t) < 200], scorer=fuzz.ratio)
    leaked += [k for k, row in zip(short, alike, strict=True) if row.max() > 90]
    assert not leaked, leaked[:3]
    sources = {
        thread_key(item["source"])
        for path in sorted((DEFAULT_FAQ_DIR / EXAMPLES_DIR).glob("*.yaml"))
        for item in example_items(path)
        if isinstance(item, dict) and item.get("source")
    }
    shared = sorted({q.thread for q in measured if q.source} & sources)
    assert not shared, shared[:3]


def test_a_threads_posts_are_told_apart_from_other_threads() -> None:
    """Posts of one thread share a side of the split, whatever mirror or comment the URL
    names; posts of different threads do not."""
    one = [
        "https://reddit.mailt.ovh/r/govfire/comments/u75vv3/tsp_mega_backdoor_roth",
        "https://redlib.example.org/r/govfire/comments/u75vv3/tsp/ljh8ihy/?context=3",
    ]
    assert thread_key(one[0]) == thread_key(one[1])
    same = [
        "https://www.irahelp.com/forum-post/35831-60-day-rollover/",
        "https://irahelp.com/forum-post/35831-60-day-rollover#post-2",
    ]
    assert thread_key(same[0]) == thread_key(same[1])
    apart = [
        "https://benefitslink.com/boards/index.php?/topic/50638-allocations/",
        "https://benefitslink.com/boards/index.php?/topic/60271-converting/",
        "https://irahelp.com/?p=15899",
        "https://irahelp.com/?p=15900",
    ]
    assert len({thread_key(u) for u in apart}) == len(apart)


# The seed thread's own questions, verbatim, with the entries that answer them.
SEED_QUESTIONS = [
    (
        "Question – Are these transfers subject to pro-rata rule? Will I be required to convert "
        "proportionate amount from my traditional pre-tax 401K account balance? My "
        "understanding was that the pro-rata rule applies only to IRAs. But this article on "
        "IRS website has confused me.",
        {"pro-rata-401k-after-tax"},
    ),
    (
        "What is the difference between pretax, ROTH, and after-tax? Sholdn't it be just "
        "pretax(traditional) and ROTH?",
        {"three-buckets"},
    ),
    (
        "Not to hijack the thread but I have a similar plan with my employer but I have not "
        "transferred any of my contributions to date to the Roth that I have at another "
        "custodian. What is the downside to this? I was under the impression that it doesn't "
        "make a difference. Now that I think about it, it probably does as transferring to "
        "Roth would potentially enable me to avoid a large tax bill on the earnings. So it is "
        "best to transfer it right away, correct?",
        {"delay-conversion-downside"},
    ),
    (
        "Thanks everyone for the feedback. Then what does IRS mean by following: Can I roll "
        "over just the after-tax amounts in my retirement plan to a Roth IRA and leave the "
        "remainder in the plan? No, you can't take a distribution of only the after-tax "
        "amounts and leave the rest in the plan.",
        {"irs-partial-distribution-faq"},
    ),
    (
        "So to be clear: You put $1000 into your After-Tax Solo 401k account. You immediately "
        "put in a transfer to your Roth IRA. But before the transfer goes through you earn $5 "
        "in interest. It is acceptable to transfer the full $1005 from the After-Tax Solo 401k "
        "to the Roth IRA. On your 1099-R it will show $1000 as non-taxable and $5 as taxable. "
        "Correct?",
        # the thread's answer was "few Solo 401k plans allow this"; the tax entries fit too
        {"solo-401k-after-tax", "earnings-taxable-in-roth", "form-1099r-reporting"},
    ),
]


@pytest.mark.parametrize(("question", "acceptable"), SEED_QUESTIONS)
def test_seed_thread_questions(kb: KnowledgeBase, question: str, acceptable: set[str]) -> None:
    result = kb.ask(question)
    assert result.answered and result.best is not None
    assert result.best.id in acceptable


# Short questions members type, where a word or two say what is asked (a mistake, the tax
# return, a wait) and the rest only names the subject. Until the FAQ had short example
# questions of these kinds, the subject decided them: some were answered with the wrong
# entry (the overview at 83, the cost of waiting to convert at 96), the rest not at all.
# None is an example question or an alias word for word.
SHORT_QUESTIONS = [
    ("I made a mistake with my mega backdoor roth", "after-tax-rollover-mistakes"),
    ("did my mega backdoor wrong, help", "after-tax-rollover-mistakes"),
    ("how do I fix a mistake in my mega backdoor", "after-tax-rollover-mistakes"),
    ("wrong account for my mega backdoor rollover", "after-tax-rollover-mistakes"),
    ("how do I report a mega backdoor roth on my taxes", "form-1099r-reporting"),
    ("mega backdoor roth tax reporting", "form-1099r-reporting"),
    (
        "how long do I have to wait before withdrawing converted after-tax money",
        "roth-ira-withdrawal-rules",
    ),
    ("what are the three buckets in a 401k", "three-buckets"),
    # ...and the subject alone, or a worry about it, still goes where it did.
    ("what is a mega backdoor roth", "mega-backdoor-overview"),
    (
        "does having a traditional IRA mess up my mega backdoor roth",
        "mega-backdoor-not-affected-by-ira",
    ),
]


@pytest.mark.parametrize(("question", "wanted"), SHORT_QUESTIONS)
def test_a_short_question_is_answered_for_what_it_asks_not_its_subject(
    kb: KnowledgeBase, question: str, wanted: str
) -> None:
    result = kb.ask(question)
    assert result.answered and result.best is not None, result
    assert result.best.id == wanted, result


def test_a_bare_faq_is_not_the_irs_faq(kb: KnowledgeBase) -> None:
    # "the FAQ" is any FAQ (this server's, a wiki's): the word alone must not answer with
    # the entry about the IRS's rollover FAQ; the IRS's own FAQ named still does.
    asked = "I read the faq but I'm still confused about how pro-rata works for my after-tax 401k"
    result = kb.ask(asked)
    assert result.best is None or result.best.id != "irs-partial-distribution-faq"
    named = kb.ask("what does the IRS FAQ on partial distributions mean for my mega backdoor?")
    assert named.answered and named.best is not None
    assert named.best.id == "irs-partial-distribution-faq"


def test_long_post_matches_on_its_actual_question(kb: KnowledgeBase) -> None:
    context = (
        "I'm 41, married, we live in Ohio and I've been at this company for six years. "
        "My wife handles most of our budgeting and we use a fee-only planner once a year. "
        "The plan is with Empower and my match is 5%. "
    )
    question = "Which 1099-R box shows the after-tax basis when I roll it to my Roth IRA?"
    story = context + question + " Thanks in advance, this server has been great."
    # The story lowers the confidence (long posts are harder), not the ranking...
    assert kb.matcher.score_all(story)[0].id == "form-1099r-reporting"
    # ...and with a forum post's title, which is what people write, it is answered.
    result = kb.ask("1099-R boxes after my mega backdoor rollover?\n" + story)
    assert result.answered and result.best is not None
    assert result.best.id == "form-1099r-reporting"


@pytest.mark.parametrize(
    "question",
    [
        "How do I open a Roth IRA at Vanguard?",
        "what's a good three fund portfolio for a taxable brokerage account",
        "how do I change my nickname on this server",
        "Is my HSA contribution deductible if I pay it through payroll?",
    ],
)
def test_off_topic_abstains(kb: KnowledgeBase, question: str) -> None:
    result = kb.ask(question)
    assert not result.answered and result.best is None


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \n\t ",
        "x" * 100_000,
        "\x00\x01\x02\x1b[31m",
        "🙂🚀💸🔥",
        "\u200b\u200e\u202e",
        "?!?!",
    ],
)
def test_hostile_input_abstains_without_error(kb: KnowledgeBase, question: str) -> None:
    result = kb.ask(question)
    assert not result.answered and result.best is None
    assert result.reason


def test_result_shape_invariants(kb: KnowledgeBase) -> None:
    for question in ("mbdr pro rata?", "how do I open a roth ira", "box 2a for after tax rollover"):
        result = kb.ask(question)
        assert (result.best is None) == (not result.answered)
        assert len(result.suggestions) <= 3
        hits = [*([result.best] if result.best else []), *result.suggestions]
        assert all(0 <= h.score <= 100 for h in hits)
        assert len({h.id for h in hits}) == len(hits)


@pytest.mark.parametrize(
    ("variants"),
    [
        ["401k", "401(k)", "401 (k)", "401-k", "401K"],
        ["after tax", "after-tax", "aftertax", "ATS", "After Tax"],
        # (a misspelt "backdoor" after "mega" is the mega backdoor, not a regular one too)
        ["MBDR", "mega backdoor roth", "Mega Back-door Roth", "mega backdoor", "mega backdor"],
        ["TIRA", "traditional IRA", "trad IRA", "tIRA"],
        ["RIRA", "Roth IRA", "roth ira", "RothIRA"],
        ["1099-R", "1099R", "1099 r", "form 1099-R"],
        ["pro-rata", "pro rata", "prorata", "prorated", "pro-rated"],
        # hyphens as PDFs and word processors write them (U+2010, non-breaking U+2011)
        ["after-tax 401-k pro-rata", "after\u2010tax 401\u2010k pro\u2010rata"],
        ["after-tax 1099-R pro-rated", "after\u2011tax 1099\u2011R pro\u2011rated"],
    ],
)
def test_spellings_normalise_to_one_token(variants: list[str]) -> None:
    assert len({tuple(normalize.tokens(v)) for v in variants}) == 1, [
        normalize.tokens(v) for v in variants
    ]


def test_a_misspelt_door_is_the_only_word_the_mega_rewrite_takes() -> None:
    assert "defer" in normalize.tokens("mega back deferrals")  # (stemmed)


def test_synonyms_and_typos_match_like_the_real_word(kb: KnowledgeBase) -> None:
    clean = kb.ask("can I send the earnings to a traditional IRA and the basis to my Roth IRA")
    sloppy = kb.ask("can i send the gains to a tradtional ira and the basiss to my roth")
    assert clean.best and sloppy.best and clean.best.id == sloppy.best.id


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_a_question_pasted_with_another_hyphen_is_answered_as_typed(
    kb: KnowledgeBase, hyphen: str
) -> None:
    """A question pasted from a PDF or a word processor, whose hyphens are U+2010 (or the
    non-breaking U+2011), went unanswered or got another entry: "after‐tax" read as "tax"."""
    typed = "does the pro-rata rule apply to my after-tax 401k rollover to a Roth IRA?"
    pasted = kb.ask(typed.replace("-", hyphen))
    assert kb.ask(typed).answered and pasted.answered
    assert pasted.best == kb.ask(typed).best


#: The question typed, and with look-alike letters from other alphabets in its words (as
#: a phone keyboard set to Russian or Greek, or a copy from a spoofed page, gives them):
#: Cyrillic "о" in Roth, "а" in after-tax and "р" in pro-rata, Greek capital iota in IRA.
LOOK_ALIKES = {"Roth": "R\u043eth", "after-tax": "after-t\u0430x", "pro-rata": "\u0440ro-rata"}


def test_a_question_with_look_alike_letters_of_other_alphabets_is_answered_as_typed(
    kb: KnowledgeBase,
) -> None:
    """ "Rоth" with a Cyrillic o read as the words "r" and "th": the question went
    unanswered, or got another entry than the same question typed in Latin letters."""
    typed = "does the pro-rata rule apply to my after-tax 401k rollover to a Roth IRA?"
    mixed = typed.replace("IRA", "\u0399RA")
    for latin, other in LOOK_ALIKES.items():
        mixed = mixed.replace(latin, other)
    assert normalize.tokens(mixed) == normalize.tokens(typed)
    assert kb.ask(typed).answered and kb.ask(mixed).best == kb.ask(typed).best
    # Words wholly of another alphabet are that language's, not look-alikes: kept as written.
    assert normalize.clean("как перевести Roth") == "как перевести roth"
    assert normalize.clean("Σοφία Roth") == "σοφία roth"
    # A long word beside a look-alike is read in linear time (a pattern for mixed words
    # took 45 s over 2,000 letters): a post of 100,000 letters in well under a second.
    started = time.perf_counter()
    assert normalize.clean("\u043e " + "a" * 100_000).endswith("a")
    assert time.perf_counter() - started < 1.0


def test_autocomplete_is_capped_and_finds_by_title_and_meaning(kb: KnowledgeBase) -> None:
    assert len(kb.matcher.autocomplete("", limit=25)) == min(25, len(kb.entries))
    by_prefix = kb.matcher.autocomplete("notice")
    assert by_prefix[0].id == "notice-2014-54"
    by_meaning = kb.matcher.autocomplete("what does box 5 on my 1099-R mean")
    assert "form-1099r-reporting" in [h.id for h in by_meaning[:3]]
    assert len(kb.matcher.autocomplete("roth", limit=100)) <= 25
    # Little words are in every title: the one entry the words that matter point to comes
    # first, not four titles that merely share "on" or "the" with the question.
    assert kb.matcher.autocomplete("which box on the 1099r")[0].id == "form-1099r-reporting"
    assert kb.matcher.autocomplete("where do I report it, box 5?")[0].id == "form-1099r-reporting"
    # Titles sharing a typed word are equally alike: what the words mean orders them.
    assert kb.matcher.autocomplete("earnings roth")[0].id == "earnings-taxable-in-roth"
    # Nothing but little words typed so far: titles still offered, not an empty list.
    assert kb.matcher.autocomplete("the")


def test_uppercase_at_is_after_tax_only_before_a_money_word() -> None:
    assert normalize.tokens("AT money") == normalize.tokens("after-tax money")
    assert "aftertax" not in normalize.tokens("I keep it AT Vanguard")
    assert "aftertax" not in normalize.tokens("at money")


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.characters(max_codepoint=127)),
        st.lists(st.sampled_from(["AT", " money", "\t", "\x00", "é", "ﬁ", "\u200b", "💰"])).map(
            "".join
        ),
    )
)
@example("AΕ")  # (Latin A, Greek capital epsilon: a look-alike read as Latin)
def test_clean_fast_paths_equal_the_full_normalisation(text: str) -> None:
    """ASCII text skips NFKC and the astral scan, text without "AT" skips that rewrite:
    both must give what the full normalisation gives (look-alike letters of other
    alphabets in Latin words included: "AΕ" with a Greek capital epsilon is "ae")."""
    full = unicodedata.normalize("NFKC", text).translate(normalize._CLEAN_TABLE)
    full = normalize.latin_look_alikes(full)
    if normalize._ASTRAL.search(full):
        full = "".join(
            " " if unicodedata.category(ch) in normalize._INVISIBLE else ch for ch in full
        )
    assert normalize.clean(text) == normalize._AT_SHORTHAND.sub("after-tax", full).casefold()


def test_fast_rewrite_patterns_rewrite_exactly_like_the_written_ones() -> None:
    """The rewrites run in a form ``re`` can search quickly (a literal first, the word
    boundary checked after it); over the FAQ, a spread of the examples and questions and
    edge cases around word boundaries, that form must rewrite exactly as written."""
    faq = [p.read_text(encoding="utf-8") for p in DEFAULT_FAQ_DIR.glob("*.md")]
    examples = [
        item["text"]
        for path in (DEFAULT_FAQ_DIR / EXAMPLES_DIR).glob("*.yaml")
        for item in example_items(path)
    ]
    asked = [q.q for path in DATA.glob("*questions*.yaml") for q in load_questions(path)]
    assert len(faq) >= 25 and len(examples) >= 800 and len(asked) >= 500
    # every sixth example and question: the patterns as written are the slow ones
    texts = faq + examples[::6] + asked[::6]
    texts += ["xsolo 401k", "self-employed 401k", "tiras", "atira", "the 12/31 date", "ats_x"]
    joined = normalize._SEPARATOR.join(normalize.clean(t) for t in texts)
    written, fast = joined, joined
    for (pattern, replacement), (compiled, _) in zip(
        normalize._PHRASES, normalize._PHRASE_RES, strict=True
    ):
        written = re.sub(pattern, replacement, written)
        fast = compiled.sub(replacement, fast)
        assert fast == written, pattern


def test_corrections_carried_across_an_edit_match_a_fresh_lookup(kb: KnowledgeBase) -> None:
    """An edit that adds and drops words must correct every word exactly as a fresh lookup
    over the new vocabulary does: a better added word wins, a dropped match is looked up
    again, and equally good matches go to the same (alphabetically first) word."""
    vocabulary = set(kb.matcher.lexical._corrections.words)
    typos_asked = [
        "convertion",
        "distrubution",
        "contributoin",
        "reportting",
        "rollovr",
        "earningss",
        "withdrawl",
        "spilover",
        "spillovar",
        "bucketz",
        "agregation",
        "megga",
        "backdor",
        "recharacterise",
        "allowence",
        "employeer",
        "trustea",
        "roths",
        "quirk",
        "zzzzzzz",
    ]
    before = typos.Corrections(vocabulary)
    for word in typos_asked:
        before.best(word)
    # What an edit does: words in (one as close to "bucketz" as "bucket" is, and earlier
    # in the alphabet; one close to "quirk", which matched nothing) and matched words out.
    dropped = {before.best("withdrawl"), before.best("employeer")} - {None}
    edited = (vocabulary - dropped) | {"spillover", "spillovers", "bcketz", "quirky"}
    carried = typos.Corrections(edited, before)
    fresh = typos.Corrections(edited)
    assert dropped and all(word not in carried.words for word in dropped)
    changed = [w for w in typos_asked if before.best(w) != fresh.best(w)]
    assert changed, "the edit should change some corrections, or this proves nothing"
    assert [carried.best(w) for w in typos_asked] == [fresh.best(w) for w in typos_asked]


@pytest.fixture(scope="module")
def doubled(kb: KnowledgeBase) -> Matcher:
    """The shipped FAQ with a copy of every entry: large enough that only candidates are
    scored in detail. Trained once for the tests that read it."""
    entries = list(kb.entries.values())
    copies = [e.model_copy(update={"id": f"{e.id}-copy"}) for e in entries]
    return Matcher(entries + copies, kb.matcher.tuning, kb.matcher.space.examples)


def test_candidate_only_signals_equal_the_full_computation(
    doubled: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a FAQ too large to score every entry in detail, the character cosines, the
    ridge's scores and the names' meaning are computed for the candidates only; each
    candidate's signals must be what a space that scores every entry (whole matrix products)
    gives it. Ranks are among the candidates: the FAQ's own for the best few, in the same
    order after them."""
    from knowledge import ranker

    ranked = [(ranker._COLUMN[v], ranker._COLUMN[r]) for v, r, _ in ranker._RANKED]
    other = [c for c in range(len(ranker.FEATURES)) if c not in {r for _, r in ranked}]
    top = ranker.CANDIDATES_PER_SIGNAL

    matcher = doubled
    questions = [
        "can I roll the after-tax part of my 401k to a Roth IRA and the earnings elsewhere?",
        "what box on the 1099-R shows the basis of my rollover",
        "is my HSA deductible",
    ]
    queries = [matcher.lexical.prepare(q) for q in questions]
    candidates_only = matcher.space.signals(queries)
    monkeypatch.setattr(ranker, "CANDIDATES_PER_SIGNAL", len(matcher.ids))
    names = [[e.title, *e.aliases] for e in matcher.entries]  # as the matcher's own space
    space = ranker.SignalSpace(matcher.lexical, matcher.space.examples, matcher.ids, names)
    for some, every in zip(candidates_only, space.signals(queries), strict=True):
        assert 0 < len(some.candidates) < space.n  # the candidate-only path ran
        assert len(every.candidates) == space.n
        full = every.rows[some.candidates]
        np.testing.assert_allclose(full[:, other], some.rows[:, other], rtol=0, atol=1e-12)
        for value, rank in ranked:
            order = np.argsort(-full[:, value], kind="stable")
            np.testing.assert_array_equal(
                1.0 / some.rows[order, rank], np.arange(1, len(order) + 1)
            )
            # The entries above the FAQ's (top + 1)-th value are among the best few
            # whatever the ties below: each must be a candidate, with its FAQ-wide rank.
            # (Entries tied at the cut, often at 0, may be chosen either way.)
            cut = np.sort(every.rows[:, value])[-top - 1]
            faq_top = full[:, value] > cut
            assert faq_top.sum() == (every.rows[:, value] > cut).sum() > 0
            np.testing.assert_array_equal(some.rows[faq_top, rank], full[faq_top, rank])


@pytest.mark.parametrize("copies", [0, 1], ids=["every entry a candidate", "candidates"])
def test_a_questions_signals_do_not_depend_on_the_others_scored_with_it(
    kb: KnowledgeBase, doubled: Matcher, copies: int
) -> None:
    """A post and its sentences are scored in one call; each must get the signals (and so
    the scores) it gets alone, on a small FAQ and on one that picks candidates."""
    matcher = doubled if copies else kb.matcher
    questions = [q.q for q in load_questions(DATA / "real_public.yaml")[:12]]
    queries = [matcher.lexical.prepare(q) for q in [*questions, "is my HSA deductible"]]
    together = matcher.space.signals(queries)
    assert len(together) == len(queries)
    for query, signals in zip(queries, together, strict=True):
        (alone,) = matcher.space.signals([query])
        assert (alone.candidates == signals.candidates).all()
        np.testing.assert_allclose(alone.rows, signals.rows, rtol=0, atol=1e-12)


def test_a_ranking_cut_to_a_few_hits_is_the_head_of_the_whole_ranking(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer makes only the hits it shows (the best and its suggestions; the best of a
    post's other questions). Scores are rounded and ties go by id, so the few made must be
    the head of the whole ranking even when an entry with a lower unrounded score comes
    first."""
    from knowledge.ranker import FEATURES, Signals

    matcher = kb.matcher
    n = len(matcher.ids)
    # Near-ties that round alike (85.0) and close ones that do not, in shuffled orders.
    base = np.array([0.8504, 0.8501, 0.84996, 0.8496, 0.8494, 0.849, 0.3, 0.02, 0.0199])
    rng = np.random.default_rng(0)
    for _ in range(20):
        values = np.resize(base, n)
        probabilities = rng.permutation(values)
        monkeypatch.setattr(matcher.ranker, "probabilities", lambda s, p=probabilities: p)
        signals = Signals(np.arange(n), np.zeros((n, len(FEATURES))))
        whole = matcher._hits(signals)
        for limit in range(1, n + 1):
            assert matcher._hits(signals, limit) == whole[:limit]
    monkeypatch.undo()
    for item in load_questions(DATA / "real_public.yaml"):
        result, ranked = matcher.match(item.q), matcher.score_all(item.q)
        if result.answered:
            assert result.best == ranked[0]
            assert result.suggestions == matcher.suggest(ranked[1:])
        else:
            assert result.suggestions == matcher.suggest(ranked)


def test_the_direct_sparse_product_is_scipys_bit_for_bit() -> None:
    """Questions are multiplied with the FAQ's matrices by scipy's kernels called directly;
    the result must be scipy's operator's, whatever the index types, order and shape."""
    from scipy import sparse

    from knowledge.ranker import Rows, _as_rows, dense_product

    def wide(m: sparse.csr_matrix) -> sparse.csr_matrix:
        out = m.copy()
        out.indices, out.indptr = out.indices.astype(np.int64), out.indptr.astype(np.int64)
        return out

    a = sparse.random(4, 500, density=0.05, random_state=1, format="csr")
    b = sparse.random(500, 300, density=0.03, random_state=2, format="csr")
    shuffled = b.copy()  # each row's entries in reverse column order
    for start, end in zip(b.indptr[:-1], b.indptr[1:], strict=True):
        shuffled.indices[start:end] = b.indices[start:end][::-1]
        shuffled.data[start:end] = b.data[start:end][::-1]
    shuffled.has_sorted_indices = False
    # A post's rows are plain arrays (Rows), not a scipy matrix.
    rows = _as_rows([(a.indices[a.indptr[i] : a.indptr[i + 1]], a[i].data) for i in range(4)], 500)
    assert isinstance(rows, Rows) and rows.shape == a.shape
    np.testing.assert_array_equal(dense_product(rows, b), (a @ b).toarray())
    for left, right in [(a, b), (wide(a), b), (a, wide(b)), (a, shuffled), (a[:0], b)]:
        np.testing.assert_array_equal(dense_product(left, right), (left @ right).toarray())
    empty = sparse.csr_matrix((3, 500))
    np.testing.assert_array_equal(dense_product(empty, b), np.zeros((3, 300)))


def test_a_few_questions_cosines_by_dense_columns_are_the_products_bit_for_bit() -> None:
    """A post's character cosines with its candidates go through dense columns; with the
    entries' n-grams in order (as the space keeps them) and the questions' too, each value
    must be the sparse product's exactly, so answers and training agree."""
    from scipy import sparse

    from knowledge.ranker import _rows_times_columns, dense_product

    matrix = sparse.random(40, 700, density=0.08, random_state=7, format="csr")
    matrix.sort_indices()
    vectors = sparse.random(4, 700, density=0.3, random_state=8, format="csr")
    vectors = sparse.vstack([vectors, sparse.csr_matrix((1, 700))]).tocsr()  # an empty one
    vectors.sort_indices()
    for rows in (np.array([3, 7, 8, 39]), np.arange(40), np.array([5]), np.zeros(0, int)):
        expected = dense_product(vectors, sparse.csr_matrix(matrix[rows].T)).T
        np.testing.assert_array_equal(_rows_times_columns(matrix, rows, vectors), expected)


def test_a_questions_character_ngrams_word_by_word_are_its_texts(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answering finds a question's character n-grams word by word, remembering a bounded
    number of words; they must be the n-grams of its whole text, however few words are
    kept, and a stored matcher keeps none of them."""
    import pickle

    from knowledge import ranker

    space = kb.matcher.space
    vocabulary = space._char_vocabulary

    def expected(query):
        grams = ranker.char_wb_ngrams(space.char_text(query))
        idx, tf = np.unique([vocabulary[g] for g in grams if g in vocabulary], return_counts=True)
        values = (1.0 + np.log(tf)) * space._char_idf[idx]
        return idx, values / np.linalg.norm(values)

    texts = [q.q for q in load_questions(DATA / "real_public.yaml")[:8]]
    texts += ["Zzyzx qwertyuiop!", "ROTH   roth\tRoth\n401(k)"]
    for kept in (ranker.WORDS_KEPT, 3):
        monkeypatch.setattr(ranker, "WORDS_KEPT", kept)
        space._columns_by_word.clear()
        for query in kb.matcher.lexical.prepare_many(texts):
            idx, values = space._char_vector(query)
            want_idx, want_values = expected(query)
            np.testing.assert_array_equal(idx, want_idx)
            np.testing.assert_array_equal(values, want_values)
            assert len(space._columns_by_word) <= kept
    assert space._columns_by_word  # words were kept...
    assert pickle.loads(pickle.dumps(space))._columns_by_word == {}  # ...but not stored


def test_near_examples_vote_for_the_entries_they_are_labelled_with(kb: KnowledgeBase) -> None:
    """A question's vote for an entry is the summed weight of its near examples labelled
    with it (an example with several labels votes for each, an off-topic one for none)."""
    space = kb.matcher.space
    rng = np.random.default_rng(11)
    near = rng.integers(0, len(space.examples), size=(5, 10))
    near[0] = np.flatnonzero(space.off_topic)[:10]  # off-topic examples: no votes
    several = np.flatnonzero(space.labels.sum(axis=1) > 1)
    near[1, :3] = several[:3]  # examples labelled with more than one entry
    weights = rng.random((5, 10))
    expected = np.einsum("bk,bkn->bn", weights, space.labels[near])
    votes = space._votes(near, weights)
    np.testing.assert_allclose(votes, expected, rtol=0, atol=1e-12)
    assert not votes[0].any() and (votes[1] > 0).sum() >= 4


def test_ranks_and_leads_sort_like_the_values_themselves() -> None:
    """Ranks sort integer keys made from the values; they must be the ranks of a stable
    sort of each question's own values (ties in entry order), negatives, signed zeros and
    ties included, whether a question has every entry or a few of its own (a large FAQ's
    candidates), and the lead positive only for the first of the best."""
    from knowledge.ranker import _ranks_and_leads

    rng = np.random.default_rng(5)
    choices = np.array([-2.5, -1e-300, -0.0, 0.0, 5e-324, 0.25, 0.25 + 2**-54, 1.0, 3e300])
    for shape, share in [((3, 4, 30), 1.0), ((2, 1, 2), 1.0), ((1, 3, 1), 1.0), ((3, 5, 40), 0.3)]:
        values = rng.choice(choices, size=shape)
        values[0, 0] = rng.random(shape[2])  # a row of distinct values too
        chosen = rng.random(shape[1:]) < share
        chosen[:, :2] = True  # every question at least two pairs
        owner, entries = np.nonzero(chosen)
        pairs = values[:, owner, entries]
        inverse_ranks, leads = _ranks_and_leads(pairs, owner)
        for q in range(shape[1]):
            mine = owner == q
            order = np.argsort(-pairs[:, mine], axis=1, kind="stable")
            expected = np.empty(order.shape)
            np.put_along_axis(expected, order, np.arange(1, mine.sum() + 1.0), axis=1)
            np.testing.assert_array_equal(inverse_ranks[:, mine], 1.0 / expected)
            if mine.sum() > 1:
                first = expected == 1
                assert (leads[:, mine][first] >= 0).all() and (leads[:, mine][~first] <= 0).all()
                best = pairs[:, mine].max(axis=1)
                runner_up = np.sort(pairs[:, mine], axis=1)[:, -2]
                np.testing.assert_array_equal(leads[:, mine][first], best - runner_up)


def test_corrections_looked_up_together_match_one_at_a_time(kb: KnowledgeBase) -> None:
    """A load looks up every unknown word of the examples at once (``prefetch``); a question
    asked later looks up its own. Both must give the same word and score, ties included."""
    vocabulary = kb.matcher.lexical._corrections.words
    asked = [w for q in load_questions(DATA / "real_public.yaml") for w in normalize.words(q.q)]
    asked += ["bucketz", "spilover", "convertion", "zzzzzzz", "rolovers", "quirk", "ira", "2024"]
    asked += [f"zq{chr(97 + i)}" * 13 for i in range(20)]  # many of a length no word is near
    together, singly = typos.Corrections(vocabulary), typos.Corrections(vocabulary)
    together.prefetch(asked)
    found = [singly.best(w) for w in asked]
    assert sum(f is not None and f != w for f, w in zip(found, asked, strict=True)) >= 5
    assert [together.best(w) for w in asked] == found
    assert {w: together._best[w] for w in asked if w in together._best} == {
        w: singly._best[w] for w in asked if w in together._best
    }


def test_corrections_score_only_words_that_can_match_yet_find_the_same(
    kb: KnowledgeBase,
) -> None:
    """A lookup skips known words too different in length or letter pairs to reach the
    cutoff; it must find what rapidfuzz finds over every known word (word, score, ties),
    on a vocabulary as large as a 1,000-entry FAQ's."""
    known = kb.matcher.lexical._corrections.words
    # Words spelt backwards: as many again, of the same lengths and letters, other pairs.
    vocabulary = sorted({*known, *(w[::-1] for w in known)} | {"bcketz", "quirky", "café"})
    asked = [w for q in load_questions(DATA / "real_public.yaml") for w in normalize.words(q.q)]
    asked += [w[::-1] for w in asked[:300]] + ["bucketz", "quirk", "cafés", "zzzzzzz"]
    asked += [w[:i] + w[i + 1 :] for w in known[::7] for i in (0, len(w) // 2)]  # one out
    asked += [w + w[-1] for w in known[::5]] + [w[1:] + w[0] for w in known[::9]]
    corrections = typos.Corrections(vocabulary)
    expected = [
        process.extractOne(w, vocabulary, scorer=fuzz.ratio, score_cutoff=typos.CUTOFF)
        if len(w) >= typos.MIN_LENGTH and not w.isdigit()
        else None
        for w in asked
    ]
    found = [corrections.best(w) for w in asked]
    assert sum(e is not None and e[0] != w for e, w in zip(expected, asked, strict=True)) > 100
    assert found == [e[0] if e else None for e in expected]
    assert [corrections._best[w] for w in asked if w in corrections._best] == [
        (e[0], e[1]) if e else None
        for e, w in zip(expected, asked, strict=True)
        if w in corrections._best
    ]


def test_training_signals_do_not_depend_on_the_block_size(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Training scores its questions in blocks, each left out of the examples and of the
    ridge; a question's signals must not depend on which others share its block."""
    from knowledge import ranker

    space = kb.matcher.space
    chosen = space.training_questions()
    assert len(chosen) > 7
    in_blocks = space.training_signals(chosen)
    monkeypatch.setattr(ranker, "BLOCK", 7)  # several blocks, the last one short
    singly = space.training_signals(chosen)
    assert len(in_blocks) == len(singly) == len(chosen)
    for block, single in zip(in_blocks, singly, strict=True):
        assert (block.candidates == single.candidates).all()
        np.testing.assert_allclose(block.rows, single.rows, rtol=0, atol=1e-12)


def test_training_scores_each_candidates_own_character_cosine(
    doubled: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a FAQ that picks candidates, training works out character cosines for each
    block's candidates only: each must be the cosine of that example with that entry."""
    from knowledge import ranker

    space = doubled.space
    chosen = space.training_questions()[:40]
    # Blocks of one question, so a block's candidates are a few of the entries (set after
    # the matcher's own training: that many blocks would make it slow).
    monkeypatch.setattr(ranker, "BLOCK", 1)
    column = ranker.FEATURES.index("char_cosine")
    for j, signals in zip(chosen, space.training_signals(chosen), strict=True):
        assert 0 < len(signals.candidates) < space.n  # the candidate-only path ran
        own = space.example_chars[j] @ space.entry_chars[signals.candidates].T
        np.testing.assert_allclose(signals.rows[:, column], own.toarray()[0], rtol=0, atol=1e-12)


def test_the_questions_matched_for_also_are_a_posts_longer_question_sentences() -> None:
    """``also`` matches a post's question sentences of five words or more (after the
    rewrites), at most three, and only when there are at least two."""
    first = "How do I roll the after-tax part of my 401k to a Roth IRA this year?"
    second = "Can the earnings from my plan go to a traditional IRA instead of the Roth?"
    third = "Is the pro-rata rule for my old IRA a problem for the mega backdoor?"
    fourth = "Which form reports the rollover of my plan to the IRS?"
    post = f"I have a 401k at work. {first} What about taxes? {second} {third} {fourth}"
    assert Matcher._questions(post) == [q.casefold() for q in (first, second, third)]
    assert Matcher._questions(f"{first} What about taxes? I have a 401k at work.") == []


def _idf(index: LexicalIndex) -> dict[str, float]:
    return dict(zip(index.vocabulary, index.idf_by_column.tolist(), strict=True))


def test_a_retrain_that_keeps_the_entries_reuses_the_prepared_examples(
    kb: KnowledgeBase,
) -> None:
    """Teaching an example retrains with the same entries: the other examples are taken as
    the last index prepared them, and are what preparing them afresh gives. An index with
    other entries prepares its own."""
    from knowledge import lexical

    entries = list(kb.entries.values())
    examples = kb.matcher.space.examples
    before = Matcher(entries, kb.matcher.tuning, examples)
    taught = Example(text="can my plan's after-tax money go to a Roth IRA?", ids=(entries[0].id,))
    after = Matcher(entries, kb.matcher.tuning, [*examples, taught])
    reused = sum(a is b for a, b in zip(before.space.queries, after.space.queries, strict=False))
    assert reused == len(examples)
    lexical._LATEST_EXAMPLES.clear()
    fresh = after.lexical.prepare_many([e.text for e in after.space.examples])
    assert after.space.queries == fresh
    # What the matcher asks of its index, without training each time: each of these follows
    # an index whose examples are the latest prepared, and has the same words and other idf
    # (a twin entry), the same idf and other words (a plural of a word the entry has), or
    # other words and idf.
    texts = [e.text for e in examples]
    twin = entries[0].model_copy(update={"id": f"{entries[0].id}-{entries[1].id}"})
    keywords = [*entries[0].keywords, "private letters rulings"]
    plural = [entries[0].model_copy(update={"keywords": keywords}), *entries[1:]]
    for changed in ([*entries, twin], plural, entries[1:]):
        latest = LexicalIndex(entries)
        prepared = latest.prepare_examples([*texts, taught.text])
        other = LexicalIndex(changed)
        pairs = zip(prepared, other.prepare_examples(texts), strict=False)
        assert not any(a is b for a, b in pairs)
    assert _idf(other) != _idf(latest)
    assert _idf(LexicalIndex(plural)) == _idf(latest)


# -- what moderators write: titles and aliases ---------------------------------------------


@pytest.fixture(scope="module")
def with_new_entry(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The shipped FAQ and one new entry without example questions yet, as a moderator
    adds it; an alias added to a shipped entry too."""
    import shutil

    from tests.faq_factory import write_entry

    folder = tmp_path_factory.mktemp("faq")
    shutil.copytree(DEFAULT_FAQ_DIR, folder, dirs_exist_ok=True)
    write_entry(
        folder,
        "after-tax-403b",
        title="Can I do a mega backdoor Roth from a 403(b)?",
        aliases=["mega backdoor roth 403b", "does my 403(b) allow after-tax contributions"],
        keywords=["403(b)", "nonprofit"],
    )
    path = folder / "split-earnings-to-traditional-ira.md"
    text = path.read_text(encoding="utf-8")
    alias = "  - does the plan administrator need a letter of instruction for the split\n"
    path.write_text(text.replace("aliases:\n", "aliases:\n" + alias, 1), encoding="utf-8")
    return KnowledgeBase.load(folder)


@pytest.mark.parametrize(
    "question",
    [
        "Can I do a mega backdoor Roth from a 403(b)?",  # its title
        "can i do a mega backdoor roth from a 403(b)",
        "Mega backdoor Roth 403b?",  # an alias
        "Can I do a mega backdoor Roth from my 403(b)?",  # near its title
    ],
)
def test_a_new_entry_is_answered_before_it_has_example_questions(
    with_new_entry: KnowledgeBase, question: str
) -> None:
    result = with_new_entry.ask(question)
    assert result.answered and result.best.id == "after-tax-403b", result


def test_an_alias_asked_word_for_word_is_answered_with_its_entry(
    with_new_entry: KnowledgeBase, kb: KnowledgeBase
) -> None:
    question = "Does the plan administrator need a letter of instruction for the split?"
    assert not kb.ask(question).answered  # (without the alias)
    result = with_new_entry.ask(question)
    assert result.answered and result.best.id == "split-earnings-to-traditional-ira"
    assert not result.shaky  # a moderator named it: nothing to review


def test_an_example_decides_its_own_text_over_a_title_or_alias(tmp_path: Path) -> None:
    """A review decision written as an example (another entry, or off-topic) on a text
    that is also an alias is not overruled by the alias."""
    import shutil

    from knowledge.editing import add_example

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    alias = "which form 8606 lines do I fill in for a backdoor roth"  # backdoor-roth-ira's
    title = "What is a backdoor Roth IRA?"
    add_example(folder, "form-1099r-reporting", alias)
    add_example(folder, None, title.removesuffix("?"))  # (asked below with its "?")
    kb = KnowledgeBase.load(folder)
    assert kb.ask(alias).best.id == "form-1099r-reporting"
    off = kb.ask(title)
    assert not off.answered or off.shaky, off


def test_an_example_decides_its_own_text_even_where_the_ranking_disagrees(
    tmp_path: Path,
) -> None:
    """One example among 1,300 may not move the ranking: a moderator who taught a text to
    an entry still gets that entry for that text (here an alias of another entry, which
    the ranking keeps first at over 90)."""
    import shutil

    from knowledge.editing import add_example

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    text = "what is a backdoor roth ira"  # an alias of backdoor-roth-ira
    add_example(folder, "solo-401k-after-tax", text)
    kb = KnowledgeBase.load(folder)
    taught = kb.ask("What is a backdoor Roth IRA?")
    assert taught.answered and taught.best is not None and not taught.shaky
    assert taught.best.id == "solo-401k-after-tax"
    assert "backdoor-roth-ira" in [h.id for h in taught.suggestions]  # (still offered)


def test_a_question_of_no_word_the_matcher_reads_is_decided_by_its_example_or_alias(
    tmp_path: Path,
) -> None:
    """A question in another alphabet, or of words the matcher leaves out ("ELI5 pls"),
    ranks no entry; the matcher gave up before looking for it among the examples and
    aliases, so a moderator who taught it in review, or wrote it as an alias, saw it go
    on unanswered. Asked word for word, it is now that entry's; one taught nothing stays
    unanswered, and an off-topic example stays left alone."""
    import shutil

    from knowledge.editing import add_example

    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder)
    taught = "Что такое мегабэкдор Рот?"
    off = "Что такое HSA?"
    add_example(folder, "mega-backdoor-overview", taught)
    add_example(folder, None, off)
    entry = folder / "split-earnings-to-traditional-ira.md"
    text = entry.read_text()
    entry.write_text(text.replace("aliases:\n", "aliases:\n  - ELI5 pls\n", 1))
    kb = KnowledgeBase.load(folder)
    answered = kb.ask(taught.upper())  # (case and spacing aside, as for any example)
    assert answered.answered and answered.best is not None and not answered.shaky
    assert answered.best.id == "mega-backdoor-overview"
    named = kb.ask("eli5 pls")
    assert named.answered and named.best.id == "split-earnings-to-traditional-ira", named
    for unread in ("Что такое ипотека?", "pls"):
        nothing = kb.ask(unread)
        assert not nothing.answered and nothing.reason == "no words I could match to the FAQ"
    assert not kb.ask(off).answered and kb.ask(off).off_topic == 100.0


def test_titles_stand_in_only_beside_real_examples_and_are_never_fitted_on(
    tmp_path: Path,
) -> None:
    """A FAQ without example questions is not trained on its own titles (scored against
    themselves they look surer than questions ever do: off-topic posts were answered)."""
    import shutil

    from knowledge.examples import stand_ins

    entries = list(KnowledgeBase.load().entries.values())
    assert stand_ins(entries, []) == []
    folder = tmp_path / "faq"
    folder.mkdir()
    for path in DEFAULT_FAQ_DIR.glob("*.md"):
        shutil.copy(path, folder)
    kb = KnowledgeBase.load(folder)
    off_topic = [q for q in load_questions(DATA / "dev_questions.yaml") if q.offtopic]
    answered = [q.q for q in off_topic if kb.ask(q.q).answered]
    assert len(answered) <= 1, answered  # (none measured)
    # every title and alias still answers with its entry, word for word
    missed = [
        (phrase, e.id)
        for e in kb.entries.values()
        for phrase in (e.title, *e.aliases)
        if (kb.ask(phrase).best or Hit("", "", 0)).id != e.id
    ]
    assert missed == []
    space = with_new_entry_space(tmp_path)
    fitted = space.training_questions()
    assert len(fitted) and not any(space.examples[i].stand_in for i in fitted)


def with_new_entry_space(tmp_path: Path):
    """A matcher's space over written examples only (as many as fitting needs) and one
    entry without any."""
    from knowledge.examples import MIN_TRAINING_QUESTIONS, Example
    from knowledge.loader import parse_entry
    from tests.faq_factory import entry_text

    entries = [parse_entry(Path(f"{i}.md"), entry_text(i))[0] for i in ("alpha", "beta", "gamma")]
    examples = [
        Example(f"a written question about {i} number {n}", (i,), written=True)
        for i in ("alpha", "beta")
        for n in range(MIN_TRAINING_QUESTIONS // 2)
    ]
    return Matcher(entries, examples=examples).space


def test_a_new_entry_answers_its_title_before_and_after_its_first_examples(
    with_new_entry: KnowledgeBase, tmp_path: Path
) -> None:
    """Adding a few example questions, as the README advises, must not lose what the title
    and aliases reached."""
    import shutil

    folder = tmp_path / "faq"
    shutil.copytree(with_new_entry.source_dir, folder)
    (folder / "examples" / "after-tax-403b.yaml").write_text(
        "- text: can I use my hospital 403b for after-tax contributions and convert them\n"
        "- text: does a nonprofit 403(b) plan allow a mega backdoor roth\n"
    )
    kb = KnowledgeBase.load(folder)
    for question in ("I work at a university, can I do the mega backdoor through my 403b?",):
        before, after = with_new_entry.ask(question), kb.ask(question)
        assert before.best and before.best.id == "after-tax-403b", before
        assert after.answered and after.best.id == "after-tax-403b", after


def test_a_title_two_entries_share_names_neither() -> None:
    from knowledge.loader import parse_entry
    from knowledge.model import FaqEntry
    from tests.faq_factory import entry_text

    entries = [
        parse_entry(Path(f"{i}.md"), entry_text(i, title="What is the shared question?"))[0]
        for i in ("alpha", "beta")
    ]
    assert all(isinstance(e, FaqEntry) for e in entries)
    matcher = Matcher(entries)
    assert matcher._named.get("what is the shared question") is None
    assert matcher._named.get("how does alpha work") == "alpha"


def test_an_established_entrys_alias_does_not_overrule_a_confident_ranking(
    kb: KnowledgeBase,
) -> None:
    """An entry with many examples is ranked on them: its alias, asked word for word, is
    answered with it where the ranking agrees, not forced over a surer entry (an alias
    near another entry's topic)."""
    question = "missed the 60 day window on my after-tax rollover"
    owner = next(e.id for e in kb.entries.values() if question in e.aliases)
    result = kb.ask(question)
    assert owner == "direct-vs-indirect-rollover"
    assert result.best.id == "after-tax-rollover-mistakes" and result.best.score >= 79


def test_a_long_story_with_its_question_at_the_end_is_still_answered(kb: KnowledgeBase) -> None:
    """Posts are cut to a few thousand characters: a long story that comes to its question
    last must keep the question (and the subject line at the start)."""
    question = "Do I owe tax on the earnings when my after-tax 401k goes to a Roth IRA?"
    story = "Some background on my job, my family and my plans for retirement. " * 80
    assert len(story) > kb.matcher.tuning.max_question_chars
    first = kb.ask(f"{question}\n{story}")
    assert first.answered and first.best is not None  # (the story does not drown it)
    last = kb.ask(f"{story}\n{question}")
    assert last.answered and last.best is not None and last.best.id == first.best.id


def test_a_post_far_past_either_side_of_the_off_topic_line_scores_without_a_warning() -> None:
    """A logistic score far out (a post unlike anything, a crafted one) is 0 or 1, not a
    'RuntimeWarning: overflow encountered in exp' in the bot's log."""
    import warnings

    from knowledge.off_topic import OffTopicModel

    values = np.array([[0.0], [0.2], [0.8], [1.0]])
    model = OffTopicModel(values, np.array([False, False, True, True]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert model.probability(np.array([-1e6])) == 0.0
        assert model.probability(np.array([1e6])) == 1.0
