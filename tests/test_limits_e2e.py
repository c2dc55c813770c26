"""Abuse limits and sharding, through the fake Discord."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import logging
import time
from dataclasses import replace
from typing import Any

import pytest

from bot.app import ShardedRolloverBot, create_bot
from bot.cogs.answers import HELD_BACK
from bot.storage import MemoryStore, SqliteStore
from bot.storage.base import utc_now
from tests.fakediscord import FakeDiscord, custom_ids, wait_until, would_ping
from tests.fakediscord.validation import DiscordError

QUESTION = "Can I send the earnings to a traditional IRA and the after-tax basis to my Roth IRA?"


def content(body: dict[str, Any]) -> str:
    return body["data"].get("content") or ""


async def test_ask_cooldown_gives_a_private_notice(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(make_bot(limits={"ask_per_minute": 2})):
        for _ in range(2):
            body = await (
                await fake_discord.send_slash_command("ask", {"question": QUESTION})
            ).response()
            assert body["data"]["embeds"]
        over = await (
            await fake_discord.send_slash_command("ask", {"question": QUESTION})
        ).response()
        assert over["data"]["flags"] & 64 and "Slow down" in content(over)
        # the limit is per user
        other = await (
            await fake_discord.send_slash_command("ask", {"question": QUESTION}, user=world.owner)
        ).response()
        assert other["data"]["embeds"]


async def test_one_calculator_allowance_covers_every_calculator_and_show_working(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(make_bot(limits={"calc_per_minute": 2})):
        options = {"basis": "1000", "earnings": "5"}
        handle = await fake_discord.send_slash_command("split", options)
        first = await handle.response()
        assert first["data"]["embeds"]
        second = await (
            await fake_discord.send_slash_command("prorata", {**options, "amount": "5"})
        ).response()
        assert second["data"]["embeds"]
        # A third calculation, whichever calculator, waits: the setting is per user.
        third = await fake_discord.send_slash_command("prorata", {**options, "amount": "7"})
        body = await third.response()
        assert body["data"]["flags"] & 64 and "Slow down" in content(body)
        assert not body["data"].get("embeds")
        # "Show working" runs the calculator again, so it counts too.
        [work] = [c for c in custom_ids(first["data"]) if c.startswith("rb:work:")]
        shown = await (await fake_discord.click_button(handle, work)).response()
        assert shown["data"]["flags"] & 64 and "Slow down" in content(shown)
        assert not shown["data"].get("embeds")
        # Another member has their own allowance.
        other = await (
            await fake_discord.send_slash_command("split", options, user=world.owner)
        ).response()
        assert other["data"]["embeds"]


async def test_a_refused_calculator_input_uses_up_none_of_the_allowance(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A mistyped amount is refused and runs nothing, but it counted against
    calc_per_minute: a member who mistyped twice under a limit of 2 was then told to slow
    down on the calculation they meant. Refusals are free; calculations still count."""
    async with start_bot(make_bot(limits={"calc_per_minute": 2})):
        for typo in ({"basis": "lots", "earnings": "5"}, {"basis": "1000", "earnings": "($5"}):
            refused = await (await fake_discord.send_slash_command("split", typo)).response()
            assert refused["data"]["flags"] & 64 and "Example" in content(refused)
        options = {"basis": "1000", "earnings": "5"}
        for _ in range(2):
            body = await (await fake_discord.send_slash_command("split", options)).response()
            assert body["data"]["embeds"], content(body)
        # (the limit still holds for calculations run)
        over = await (await fake_discord.send_slash_command("split", options)).response()
        assert "Slow down" in content(over) and not over["data"].get("embeds")


async def test_mention_limit_tells_once_then_stays_quiet(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(make_bot(limits={"mention_per_minute": 1})):
        mark = fake_discord.mark()
        sent = [
            await fake_discord.send_message(
                world.text_channel,
                f"<@{world.bot_user.id}> {QUESTION}",
                author=world.asker,
                mentions=[world.bot_user],
            )
            for _ in range(3)
        ]
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark, count=2)
        await fake_discord.idle(quiet=0.2)
        replies = fake_discord.calls_matching("POST", r"/channels/\d+/messages", since=mark)
        assert len(replies) == 2
        # (The notice may come first: the answer waits for its question to be matched.)
        under = {str(r.json["message_reference"]["message_id"]): r.json for r in replies}
        assert under.keys() == {str(sent[0]["id"]), str(sent[1]["id"])}
        assert under[str(sent[0]["id"])]["embeds"]
        assert "asking quickly" in under[str(sent[1]["id"])]["content"]
        assert not any(would_ping(r.json).any for r in replies)


@pytest.mark.parametrize("refusal", ["Discord's trouble", "the message deleted"])
async def test_a_slow_down_notice_not_given_is_said_plainly_and_given_at_the_next_mention(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog, refusal: str
) -> None:
    """Discord failed the "You're asking quickly" reply (a 503): the log showed an error
    with a traceback for Discord's passing trouble, where a reply not sent is a warning.
    Discord refusing it because the message it answers was deleted a moment before is no
    trouble at all: said at INFO. Either way the member was never told, yet their next
    mention in the window got silence, as if they had been: it is told now."""
    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot(limits={"mention_per_minute": 1})):
        mark = fake_discord.mark()
        ask = f"<@{world.bot_user.id}> {QUESTION}"
        await fake_discord.send_message(world.text_channel, ask, author=world.asker)
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark)
        if refusal == "Discord's trouble":
            fake_discord.fail_next("POST", r"/channels/\d+/messages", status=503)
        else:  # (Discord's own words for it: the fake's, of a reply to a message not there)
            gone = DiscordError.invalid_form([("message_reference", "Unknown message")])
            fake_discord.fail_next("POST", r"/channels/\d+/messages", status=400, body=gone.body())
        await fake_discord.send_message(world.text_channel, ask, author=world.asker)
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", injected=True)
        await fake_discord.idle(quiet=0.1)
        levels = [r.levelname for r in caplog.records if "slow down" in r.getMessage()]
        assert levels == (["WARNING"] if refusal == "Discord's trouble" else ["INFO"])
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        third = await fake_discord.send_message(world.text_channel, ask, author=world.asker)
        await fake_discord.idle(quiet=0.1)
    [told] = [
        c.json["content"]
        for c in fake_discord.calls_matching("POST", r"/channels/\d+/messages", since=mark)
        if str(c.json["message_reference"]["message_id"]) == str(third["id"])
    ]
    assert "asking quickly" in told


async def test_the_mention_limit_never_says_try_again_in_0_s(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """In a window's last half second, the wait rounded to the nearest second was "try
    again in 0 s", and a mention sent at once was still refused: waits round up. The wait
    is said in words ("45 s" read aloud by a screen reader as "45 ess")."""
    world = fake_discord.world
    async with start_bot(make_bot(limits={"mention_per_minute": 1})) as bot:
        mark = fake_discord.mark()
        ask = f"{world.bot_user.mention} {QUESTION}"
        await fake_discord.send_message(world.text_channel, ask, author=world.asker)
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark)
        window = bot.get_cog("Answers").mention_windows.get(world.asker.id)
        first = window._times[0]
        window.clock = lambda: first + 59.7  # the window's last moment
        await fake_discord.send_message(world.text_channel, ask, author=world.asker)
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark, count=2)
        said = fake_discord.calls_matching("POST", r"/channels/\d+/messages", since=mark)[1]
        assert "try again in 1 second," in said.json["content"], said.json["content"]


async def test_posts_over_the_forum_cap_wait_in_the_queue_until_it_opens(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.cogs.answers")
    bot = make_bot(limits={"forum_answers_per_minute": 2}, retries={"poll_seconds": 0.05})
    async with start_bot(bot):
        posts = [await fake_discord.post_forum_thread(f"Post {i}", QUESTION) for i in range(3)]
        await fake_discord.settle()
        assert sorted(len(p.replies) for p in posts) == [0, 1, 1]
        assert bot.store.served == {"split-earnings-to-traditional-ira": 2}
        # the third waits in the store's queue until the cap's minute is over
        waiting = next(p for p in posts if not p.replies)
        [held] = await bot.store.pending_replies()
        assert (held.kind, held.message_id) == ("post", waiting.id)
        assert held.last_error == "held back by the forum cap"
        assert held.due > utc_now() + dt.timedelta(seconds=50)
        # a minute passes (for the cap's clock, and for the queue)
        window = bot.get_cog("Answers").forum_window
        window.clock = lambda: time.monotonic() + 61
        await bot.store.queue_reply(replace(held, due=utc_now()))
        await waiting.reply(timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake_discord.idle()
        assert [len(p.replies) for p in posts] == [1, 1, 1]
        assert bot.store.served == {"split-earnings-to-traditional-ira": 3}
        assert bot.store.questions == []  # everyone was answered: nothing for the gaps
    # Sent from the queue: said at DEBUG, as the flood's held posts were (one warning for
    # the flood, not a line a post at INFO, hundreds in a raid).
    sent = [r for r in caplog.records if "sent from the retry queue" in r.getMessage()]
    assert [(r.levelno, str(waiting.id) in r.getMessage()) for r in sent] == [(logging.DEBUG, True)]


async def test_a_flood_over_the_forum_cap_is_one_warning_naming_the_setting(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A raid of posts over `limits.forum_answers_per_minute` (30) logged a warning for
    every post held back, hundreds in the operator's log for one flood, none naming the
    setting. The flood is now one warning naming it, and the next flood (after a minute
    with nothing held) one more."""
    caplog.set_level(logging.INFO, logger="bot")
    bot = make_bot(limits={"forum_answers_per_minute": 1}, retries={"poll_seconds": 60})
    async with start_bot(bot):
        window = bot.get_cog("Answers").forum_window
        start = time.monotonic()
        window.clock = lambda: start
        posts = [await fake_discord.post_forum_thread(f"Post {i}", QUESTION) for i in range(4)]
        await fake_discord.settle()
        assert [len(p.replies) for p in posts] == [1, 0, 0, 0]  # (three held back)

        def warned() -> list[str]:
            return [
                r.getMessage()
                for r in caplog.records
                if r.levelno == logging.WARNING and "forum answer cap" in r.getMessage()
            ]

        assert len(warned()) == 1, warned()
        assert "limits.forum_answers_per_minute = 1" in warned()[0]
        window.clock = lambda: start + 300  # (a quiet while: the next flood is another)
        more = [await fake_discord.post_forum_thread(f"Later {i}", QUESTION) for i in range(3)]
        await fake_discord.settle()
        assert [len(p.replies) for p in more] == [1, 0, 0]
        assert len(warned()) == 2, warned()


async def test_two_shards_both_ready_and_answering(
    fake_discord: FakeDiscord, make_settings, kb, start_bot
) -> None:
    world = fake_discord.world
    fake_discord.gateway.shard_count = 2
    other = 1 - (world.guild.id >> 22) % 2
    second = world.add_guild("Second server", shard=(other, 2))
    settings = make_settings(shard_count=2, faq_watch=False)
    bot = create_bot(settings, kb, MemoryStore())
    assert isinstance(bot, ShardedRolloverBot)
    async with start_bot(bot):
        assert set(bot.shards) == {0, 1}
        assert {g.id for g in bot.guilds} == {world.guild.id, second.id}
        body = await (
            await fake_discord.send_slash_command("ask", {"question": QUESTION})
        ).response()
        assert body["data"]["embeds"][0]["title"].startswith("Can I send")
        post = await fake_discord.post_forum_thread("Split?", QUESTION)
        assert (await post.reply()).json["embeds"]


async def test_auto_sharding_asks_discord(
    fake_discord: FakeDiscord, make_settings, kb, start_bot
) -> None:
    fake_discord.gateway.shard_count = 2
    bot = create_bot(make_settings(shard_count="auto", faq_watch=False), kb, MemoryStore())
    async with start_bot(bot):
        assert fake_discord.calls_matching("GET", "/gateway/bot")
        assert bot.shard_count == 2


@pytest.mark.parametrize(("seconds", "said"), [(0.2, "1 second"), (44.2, "45 seconds")])
def test_a_wait_is_said_in_words_a_screen_reader_reads_as_such(seconds: float, said: str) -> None:
    """ "Try again in 45 s" was read aloud "45 ess": the unit is a word."""
    from bot.limits import wait_text

    assert wait_text(seconds) == said


async def test_posts_held_by_the_forum_cap_are_answered_in_the_order_they_were_posted(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path
) -> None:
    """A flood over the cap: the members who posted first are answered first when its
    minute frees places. Every post held in one minute is due at the moment the minute
    ends, give or take the clocks' noise, which decided their order."""
    bot = make_bot(
        store=SqliteStore(tmp_path / "bot.db"),
        limits={"forum_answers_per_minute": 3},
        retries={"poll_seconds": 0.05},
    )
    async with start_bot(bot):
        window = bot.get_cog("Answers").forum_window
        # The cap's clock and the queue's never tick together: here the cap's runs ahead by
        # a little at each look, so each post held later falls due a little sooner.
        looks = itertools.count()
        window.clock = lambda: time.monotonic() + next(looks) * 0.01
        posts = []
        for i in range(7):
            posts.append(await fake_discord.post_forum_thread(f"Post {i}", QUESTION))
            await fake_discord.settle()
        assert [len(p.replies) for p in posts] == [1, 1, 1, 0, 0, 0, 0]
        # a minute passes, for the cap and for the queue alike
        window.clock = lambda: time.monotonic() + 61 + next(looks) * 0.01
        # (Oldest first: the queue's poller may look between two of these writes, and must
        # then find only posts that were owed longer than every post it does not find.)
        owed = sorted(await bot.store.pending_replies(), key=lambda r: r.created)
        mark = fake_discord.mark()
        for held in owed:
            await bot.store.queue_reply(replace(held, due=held.due - dt.timedelta(seconds=61)))
        await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark, count=3)
        await fake_discord.idle()
        answered = [
            int(call.path.split("/")[2])
            for call in fake_discord.calls_matching("POST", r"/channels/\d+/messages", since=mark)
        ]
        assert answered == [p.id for p in posts[3:6]]  # the earliest three of those held
        # (A reply is settled in the database after its POST: on a loaded machine, Discord
        # going idle came before the three rows left the queue.)
        for _ in range(200):
            if len(owed := await bot.store.pending_replies()) <= 1:
                break
            await asyncio.sleep(0.05)
        [waiting] = owed
        assert waiting.message_id == posts[6].id and waiting.last_error == HELD_BACK


async def test_posts_held_by_the_forum_cap_cost_discord_nothing_while_it_is_full(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A held post's retry, its minute not over, would be held back again: it reads nothing
    of Discord first (the thread, its opening message, its replies), which in a flood
    spent three requests of the rate limit every reply shares on each post at every pass."""
    bot = make_bot(limits={"forum_answers_per_minute": 1}, retries={"poll_seconds": 0.05})
    async with start_bot(bot):
        posts = [await fake_discord.post_forum_thread(f"Post {i}", QUESTION) for i in range(3)]
        await fake_discord.settle()
        assert [len(p.replies) for p in posts] == [1, 0, 0]
        mark = fake_discord.mark()
        for held in await bot.store.pending_replies():  # due again, the cap still full
            await bot.store.queue_reply(replace(held, due=utc_now()))
        await wait_until(lambda: all(r.attempts == 2 for r in bot.store.owed.values()))
        await fake_discord.idle()
        assert fake_discord.calls[mark:] == []  # nothing asked of Discord
        for held in await bot.store.pending_replies():
            assert held.last_error == HELD_BACK
            assert held.due > utc_now() + dt.timedelta(seconds=50)  # the cap's wait
        # the minute over, they are answered
        window = bot.get_cog("Answers").forum_window
        window.limit = 3
        for held in await bot.store.pending_replies():
            await bot.store.queue_reply(replace(held, due=utc_now()))
        await wait_until(lambda: not bot.store.owed)
        await fake_discord.idle()
        assert [len(p.replies) for p in posts] == [1, 1, 1]


async def test_a_stop_during_a_flood_begins_no_new_reply_and_the_restart_answers_those(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path
) -> None:
    """SIGTERM on a busy server: the replies in progress finish, and posts still coming
    are left to the next start's catch-up. Begun during the stop, they kept it from ever
    being idle: it took the whole grace (5 s), and the replies cut off then waited out
    their lease (5 minutes) after the restart."""
    path = tmp_path / "bot.db"
    async with start_bot(make_bot(store=SqliteStore(path))) as bot:
        fake_discord.rest.latency = 0.3  # Discord slow: every reply takes a while
        first = await fake_discord.post_forum_thread("First", QUESTION)
        # its reply under way (not only any work a stop lets finish: a retry pass's read)
        await wait_until(lambda: ("post", int(first.id)) in bot._owed_in_progress)
        stopping = asyncio.create_task(bot.close())
        started = time.monotonic()
        later = []
        while not stopping.done() and time.monotonic() - started < 4:
            later.append(await fake_discord.post_forum_thread(f"Later {len(later)}", QUESTION))
            await asyncio.sleep(0.1)
        await stopping
        assert time.monotonic() - started < 2.0, "the stop waited on posts that came during it"
        assert len(first.replies) == 1  # the reply in progress was let finish
        assert all(not p.replies for p in later)
    fake_discord.rest.latency = 0.0
    async with SqliteStore(path) as store:
        assert await store.pending_replies() == []  # none begun, none cut off under a lease
    async with start_bot(make_bot(store=SqliteStore(path))):
        for post in later:  # the catch-up of the new session
            await post.reply(timeout=5.0)
        await fake_discord.idle()
        assert [len(p.replies) for p in [first, *later]] == [1] * (1 + len(later))
