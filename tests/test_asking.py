"""Questions are matched off the event loop (bot/answering.py, ask): a question not met
before has its meaning embedded, tens of milliseconds of CPU during which no other event
was handled."""

from __future__ import annotations

import uuid

from bot import answering
from knowledge import embedding
from knowledge.base import KnowledgeBase
from tests.loop_turns import turns_while


async def test_the_event_loop_goes_on_while_a_new_question_is_matched(kb: KnowledgeBase) -> None:
    assert embedding.load() is not None  # (the slow part this is about)
    # Never asked before (so embedded now), and long: the model reads 256 word pieces.
    question = f"Case {uuid.uuid4().hex}: " + " ".join(
        f"after-tax dollars rolled over in year {year}, then converted to Roth?"
        for year in range(2000, 2030)
    )
    turns, result = await turns_while(answering.ask(kb, question))
    assert turns > 10, "the event loop stood still while the question was matched"
    assert result == kb.ask(question)  # (the same answer as asked directly)
