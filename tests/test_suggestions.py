"""Suggestions: the likeliest entries, without two that answer the same questions."""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.examples import Example
from knowledge.matcher import Hit
from knowledge.suggestions import Overlap, pick


def hit(entry_id: str, score: float) -> Hit:
    return Hit(entry_id, entry_id.title(), score)


def test_overlap_is_learned_from_questions_that_name_several_entries() -> None:
    overlap = Overlap.learn(
        [
            Example("q1", ("split", "notice")),
            Example("q2", ("split", "notice")),
            Example("q3", ("split",)),
            Example("q4", ("split",)),
            Example("q5", ("notice", "split"), written=True),  # written for one entry each
            Example("off", ()),
        ]
    )
    # Half of the split entry's questions are the notice's too; all of the notice's are the
    # split entry's.
    assert overlap.also_answers("notice", "split") == 0.5
    assert overlap.also_answers("split", "notice") == 1.0
    assert overlap.also_answers("split", "other") == 0.0


def test_an_entry_that_repeats_a_listed_one_gives_way_to_a_different_one() -> None:
    overlap = Overlap({("split", "notice"): 1.0, ("notice", "split"): 0.8})
    hits = [hit("notice", 40.0), hit("limits", 35.0), hit("setup", 20.0)]
    # After "split", the notice entry (its near twin) is worth 40 x 0.7 = 28 against 35.
    assert [h.id for h in pick(hits, ["split"], 3, overlap, 0.3)] == ["limits", "notice", "setup"]
    # Without a weight, or with nothing listed, the order is the score's.
    assert [h.id for h in pick(hits, ["split"], 3, overlap, 0.0)] == ["notice", "limits", "setup"]
    assert [h.id for h in pick(hits, [], 2, overlap, 0.3)] == ["notice", "limits"]


def test_pick_lists_each_entry_once_and_never_a_listed_one() -> None:
    overlap = Overlap({})
    hits = [hit("a", 50.0), hit("b", 50.0), hit("c", 10.0)]
    assert [h.id for h in pick(hits, ["a"], 5, overlap, 0.3)] == ["b", "c"]
    assert pick([], ["a"], 3, overlap, 0.3) == ()
    assert pick(hits, [], 0, overlap, 0.3) == ()


def test_the_matcher_lists_past_a_near_twin_of_its_answer(kb: KnowledgeBase) -> None:
    matcher = kb.matcher
    # The shipped examples' strongest overlap: the second entry answers most questions
    # the first one does.
    (twin, first), share = max(matcher.overlap.shares.items(), key=lambda kv: (kv[1], kv[0]))
    assert share >= 0.5
    other = next(i for i in matcher.ids if matcher.overlap.also_answers(i, first) == 0.0)
    hits = [hit(twin, 40.0), hit(other, 38.0)]
    assert [h.id for h in matcher.suggest(hits, [first])] == [other, twin]
    # With nothing listed before them, the order is the score's.
    assert [h.id for h in matcher.suggest(hits)] == [twin, other]
    # Under the suggestion threshold, nothing is listed.
    low = matcher.tuning.suggest_threshold / 2
    assert matcher.suggest([hit(twin, low)]) == ()
