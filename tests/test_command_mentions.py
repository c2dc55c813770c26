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


async def test_slow_lookups_are_shared_not_started_once_per_reply(monkeypatch) -> None:
    """In a rate limit, each "Full answer" click starting its own lookup made it worse."""
    import asyncio
    import types

    import bot.command_mentions as mentions

    monkeypatch.setattr(mentions, "QUICK_SECONDS", 0.05)
    started: list[object] = []
    release = asyncio.Event()

    class Tree:
        async def fetch_commands(self, guild: object = None) -> list[object]:
            started.append(guild)
            await release.wait()
            return [types.SimpleNamespace(name="split", id=42)]

    bot = types.SimpleNamespace(tree=Tree(), command_ids={}, command_id_lookups={})
    # clicks at the same moment (none has given up waiting yet), then one after another
    together = [mentions.command_ids_quickly(bot, None) for _ in range(3)]
    assert await asyncio.gather(*together) == [{}, {}, {}]  # plain text meanwhile
    for _ in range(2):
        assert await mentions.command_ids_quickly(bot, None) == {}
    assert started == [None]
    release.set()
    await asyncio.sleep(0.01)
    assert bot.command_id_lookups == {}
    assert await mentions.command_ids_quickly(bot, None) == {"split": 42}  # kept
    assert started == [None]
