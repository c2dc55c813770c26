"""Commands named in answer text become clickable mentions, and only known ones."""

from __future__ import annotations

from bot.command_mentions import mention_commands, with_mentions
from knowledge.base import KnowledgeBase
from knowledge.layout import DESCRIPTION_LIMIT, AnswerLayout, limit_problems

IDS = {"split": 111, "room": 222}


def test_known_commands_become_mentions_with_their_options_kept() -> None:
    text = "Try `/split basis:1000 earnings:5` or `/room`, not `/unknown x:1` or `split`."
    assert mention_commands(text, IDS) == (
        "Try </split:111> `basis:1000 earnings:5` or </room:222>, not `/unknown x:1` or `split`."
    )
    assert mention_commands(text, {}) == text


def test_every_shipped_full_answer_still_fits_with_mentions(kb: KnowledgeBase) -> None:
    many = {
        name: 10**18 + n
        for n, name in enumerate(("split", "prorata", "form8606", "room", "schedule"))
    }
    for entry_id in kb.entries:
        layout = with_mentions(kb.layout(entry_id), many)
        assert not limit_problems(layout), entry_id


def test_a_layout_that_would_overflow_is_left_plain() -> None:
    text = "x" * (DESCRIPTION_LIMIT - 20) + " `/split basis:1`"
    layout = AnswerLayout("t", text, (), "f")
    assert with_mentions(layout, {"split": 10**18}) == layout
