"""Gateway and REST faults through the fake Discord, with the real bot.

After each fault the bot keeps answering, and every forum post that arrived around it
(just before, while the connection was down and replayed on RESUME, or after) gets exactly
one reply: we count the bot's accepted POSTs into each thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.app import create_bot
from bot.edited_posts import EDITED_NOTE
from bot.storage import MemoryStore, SqliteStore, Store
from bot.storage import sqlite as sqlite_store
from knowledge.base import KnowledgeBase
from tests.fakediscord import FakeDiscord, ForumPost, Gateway, custom_ids, wait_until
from tests.full_disk import fill_up, full_disk
from tests.held_asking import HeldAsking
from tests.reply_checks import bot_posts, limit_settings, reply_problems, unsure_post
from tests.stopping import stop_while_held

IDENTIFY = 2
QUESTIONS = [
    "Can I send the earnings to a traditional IRA and the after-tax basis to my Roth IRA?",
    "How is a partial distribution from the after-tax account taxed, is it pro-rata?",
    "What does IRS Notice 2014-54 allow for after-tax 401(k) money?",
    "Which 1099-R codes will I see after rolling after-tax money to a Roth IRA?",
    "How much after-tax room do I have under the 415(c) annual additions limit?",
    "Should I convert after-tax contributions to Roth often to limit taxable earnings?",
]


async def new_post(fake: FakeDiscord, n: int) -> ForumPost:
    return await fake.post_forum_thread(f"Question {n}", QUESTIONS[n % len(QUESTIONS)])


def split_post(fake: FakeDiscord, n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A post whose THREAD_CREATE and starter MESSAGE_CREATE we dispatch separately, so a
    fault can fall between them (the starter then arrives replayed)."""
    world = fake.world
    thread = world.add_thread(
        world.forum,
        f"Split question {n}",
        owner=world.asker,
        applied_tags=[world.tag_id("rollover")],
    )
    starter = fake._user_message(
        thread, world.asker, QUESTIONS[n % len(QUESTIONS)], message_id=int(thread["id"])
    )
    return thread, starter


async def go_silent(gateway: Gateway) -> int:
    return gateway.go_silent()


# fault -> (inject it, the dispatch that shows the bot is back, whether events in the gap
# survive: after op 9 false Discord drops them, so none are sent then)
FAULTS: dict[str, tuple[Callable[[Gateway], Awaitable[int]], str, bool]] = {
    "op7-reconnect": (lambda g: g.reconnect(), "RESUMED", True),
    "op9-resumable": (lambda g: g.invalidate_session(resumable=True), "RESUMED", True),
    "op9-not-resumable": (lambda g: g.invalidate_session(resumable=False), "READY", False),
    "silent-no-heartbeat-ack": (go_silent, "RESUMED", True),
    "tcp-abort": (lambda g: g.drop_connection(), "RESUMED", True),
    "close-4000": (lambda g: g.close_connection(4000), "RESUMED", True),
}


async def ask_works(fake: FakeDiscord) -> None:
    body = await (await fake.send_slash_command("ask", {"question": QUESTIONS[0]})).response(
        timeout=3.0
    )
    assert body["type"] == 4 and body["data"]["embeds"], body


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_gateway_fault_keeps_answering_and_answers_each_post_once(
    fake_discord: FakeDiscord, make_bot, start_bot, fault: str
) -> None:
    fake, gateway = fake_discord, fake_discord.gateway
    inject, recovered, gap_survives = FAULTS[fault]
    # A silent socket is only noticed by the client's heartbeat timeout: make it short.
    options = {"heartbeat_timeout": 0.4} if fault.startswith("silent") else {}
    async with start_bot(make_bot(**limit_settings()), **options):
        posts: dict[str, int] = {}
        before = await new_post(fake, 0)
        await before.reply()
        posts["answered before"] = before.id
        thread, starter = split_post(fake, 1)
        await fake.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        posts["thread before, starter in the gap"] = int(thread["id"])
        just_before = await new_post(fake, 2)  # its reply may still be in flight
        posts["just before"] = just_before.id

        mark, start = gateway.mark(), fake.mark()
        assert await inject(gateway) >= 1
        ask_in_gap = None
        if gap_survives:
            posts["in the gap"] = (await new_post(fake, 3)).id
            await fake.dispatch("MESSAGE_CREATE", starter)
            ask_in_gap = await fake.send_slash_command("ask", {"question": QUESTIONS[4]})
        await gateway.wait_for_dispatch(recovered, since=mark, timeout=5.0)
        if gap_survives:
            assert gateway.received(IDENTIFY, since=mark) == [], "resumed, not re-identified"
            replayed = {r.t for r in gateway.records.matching(lambda r: r.replayed, since=mark)}
            assert "THREAD_CREATE" in replayed, "the gap's events should come by replay"
        else:
            await fake.dispatch("MESSAGE_CREATE", starter)  # a late starter, after READY

        posts["after"] = (await new_post(fake, 5)).id
        await ask_works(fake)
        if ask_in_gap is not None:  # an interaction replayed on RESUME, still in time
            assert (await ask_in_gap.response(timeout=3.0))["type"] == 4
        for thread_id in posts.values():
            await fake.wait_for_call("POST", rf"/channels/{thread_id}/messages", timeout=5.0)
        await fake.idle(quiet=0.2)
        counts = {what: len(bot_posts(fake, tid)) for what, tid in posts.items()}
        assert counts == dict.fromkeys(posts, 1), counts
        assert not reply_problems(fake, start)


@pytest.mark.parametrize("shards", [1, 2])
async def test_post_created_while_the_session_was_invalid_is_answered_after_ready(
    fake_discord: FakeDiscord, make_bot, make_settings, kb, start_bot, shards: int
) -> None:
    gateway = fake_discord.gateway
    world = fake_discord.world
    forum_shard = (world.guild.id >> 22) % shards
    if shards == 1:
        bot = make_bot()
    else:
        # a second guild on the other shard, with no watched forum: never scanned
        gateway.shard_count = shards
        second = world.add_guild("Second server", shard=(1 - forum_shard, shards))
        bot = create_bot(make_settings(shard_count=shards, faq_watch=False), kb, MemoryStore())
    async with start_bot(bot):
        # the catch-up of the first session has finished: only a new one can find the post
        await fake_discord.settle()
        mark = gateway.mark()
        rest_mark = fake_discord.mark()
        await gateway.invalidate_session(
            resumable=False, shard_id=forum_shard if shards > 1 else None
        )
        lost = await new_post(fake_discord, 0)
        assert gateway.dropped, "the fake should have dropped the post's events"
        await gateway.wait_for_dispatch("READY", since=mark)
        await lost.reply(timeout=3.0)
        await fake_discord.settle()
        assert len(lost.replies) == 1
        if shards > 1:
            scanned = fake_discord.calls_matching("GET", r"/guilds/\d+/threads/active")
            assert scanned and all(str(second.id) not in c.path for c in scanned)
            again = fake_discord.calls_matching(
                "GET", r"/guilds/\d+/threads/active", since=rest_mark
            )
            assert len(again) == 1, "only the re-identified shard catches up"


@pytest.mark.parametrize("shards", [1, 2])
async def test_a_post_in_a_server_discord_sends_late_after_ready_is_answered(
    fake_discord: FakeDiscord, make_bot, make_settings, kb, start_bot, shards: int
) -> None:
    """In an outage Discord may list a server as unavailable in READY and send it only
    later, after discord.py stopped waiting for it (on_ready came without it): the catch-up
    at ready could not see its forum, so a post made while the session was lost was never
    answered. It is caught up when the server becomes available."""
    gateway, world = fake_discord.gateway, fake_discord.world
    if shards == 1:
        bot = make_bot()
    else:
        gateway.shard_count = shards
        bot = create_bot(make_settings(shard_count=shards, faq_watch=False), kb, MemoryStore())
    async with start_bot(bot):
        await fake_discord.settle()
        mark = gateway.mark()
        gateway.late_guilds.add(world.guild.id)
        await gateway.invalidate_session(resumable=False)
        lost = await new_post(fake_discord, 0)
        assert gateway.dropped, "the fake should have dropped the post's events"
        await gateway.wait_for_dispatch("READY", since=mark)
        await fake_discord.idle(quiet=0.2)  # ready came and went without the server
        assert lost.replies == [] and bot.get_channel(int(world.forum["id"])) is None
        assert await gateway.send_late_guilds() == 1
        await lost.reply(timeout=3.0)
        await fake_discord.idle(quiet=0.1)
        assert len(lost.replies) == 1


@pytest.mark.parametrize(
    "route",
    [r"/guilds/\d+/threads/active", r"/channels/\d+/messages"],
    ids=["listing-the-posts", "reading-the-post"],
)
async def test_a_catch_up_that_discord_fails_once_is_tried_again(
    fake_discord: FakeDiscord, make_bot, start_bot, route: str
) -> None:
    """A post made while the session was lost is found by the catch-up after READY; when
    Discord fails that catch-up (a 503 on listing the posts, or on reading the post's
    messages), the post was never answered: no event comes for it again. It is tried again."""
    gateway = fake_discord.gateway
    async with start_bot(make_bot(retries=FAST_RETRIES)):
        await fake_discord.settle()
        mark = gateway.mark()
        await gateway.invalidate_session(resumable=False)
        lost = await new_post(fake_discord, 0)
        fake_discord.fail_next("GET", route, status=503)
        await gateway.wait_for_dispatch("READY", since=mark)
        await fake_discord.wait_for_call("GET", route, injected=True)
        await lost.reply(timeout=5.0)
        await fake_discord.idle(quiet=0.1)
        assert len(lost.replies) == 1


async def test_a_stop_during_the_catch_up_after_ready_ends_it_without_a_traceback(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A stop (a deploy) while the catch-up after READY read the posts made meanwhile: the
    read in flight failed as the connection closed, and the next post's read met the
    closed connection: "unhandled error in on_ready ... RuntimeError: Session is closed",
    a traceback for a stop like any other. The catch-up ends there, one line saying the
    next start's looks again (as it does: a post is not answered in a stop)."""
    gateway = fake_discord.gateway
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot()) as bot:
        await fake_discord.settle()
        mark = gateway.mark()
        await gateway.invalidate_session(resumable=False)
        first, second = await new_post(fake_discord, 0), await new_post(fake_discord, 1)
        # (the first post's read held, so that the stop comes while it is in flight)
        route = rf"/channels/{first.thread['id']}/messages"
        fake_discord.fail_next("GET", route, status=503, delay=10)
        await gateway.wait_for_dispatch("READY", since=mark)
        await wait_until(lambda: fake_discord.rest.in_flight > 0)
        await bot.close()
        ended = ("unhandled error in on_ready", "stopping: the catch-up was cut off")
        await wait_until(
            lambda: any(r.getMessage().startswith(ended) for r in caplog.records), timeout=10
        )
    said = [r.getMessage() for r in caplog.records]
    assert not [line for line in said if line.startswith("unhandled error")], said
    assert "stopping: the catch-up was cut off; the next start's looks again" in said
    assert first.replies == [] and second.replies == []


async def test_a_post_locked_while_the_session_was_invalid_is_not_answered_after_ready(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The catch-up after READY lists open posts; one a moderator locked meanwhile is left
    alone, a mention in it before the lock included (a second, unlocked post missed alike
    is answered: the catch-up ran)."""
    gateway = fake_discord.gateway
    async with start_bot(make_bot()):
        await fake_discord.settle()
        mark = gateway.mark()
        await gateway.invalidate_session(resumable=False)
        locked, lost = await new_post(fake_discord, 0), await new_post(fake_discord, 1)
        await mention_bot(fake_discord, locked.thread, 2, author=fake_discord.world.newcomer)
        locked.thread["thread_metadata"]["locked"] = True
        await gateway.wait_for_dispatch("READY", since=mark)
        await lost.reply(timeout=3.0)
        await fake_discord.idle(quiet=0.1)
        assert len(lost.replies) == 1 and locked.replies == []


def bot_replies_to(fake: FakeDiscord, message: dict[str, Any]) -> list[dict[str, Any]]:
    """The bot's messages replying to ``message``, as Discord holds them."""
    bot_id = str(fake.world.bot_user.id)
    return [
        m
        for m in fake.world.messages_in(int(message["channel_id"]))
        if m["author"]["id"] == bot_id
        and (m.get("message_reference") or {}).get("message_id") == message["id"]
    ]


async def mention_bot(
    fake: FakeDiscord, channel: Any, n: int, author: Any = None
) -> dict[str, Any]:
    """A member's "@Rollover Bot <question n>" in ``channel``."""
    text = f"{fake.world.bot_user.mention} {QUESTIONS[n % len(QUESTIONS)]}"
    return await fake.send_message(channel, text, author=author or fake.world.asker)


@pytest.mark.parametrize(
    "where", ["any-channel", "listed-channel", "listed-in-a-server-with-no-forum", "new-post"]
)
async def test_a_mention_sent_while_the_session_was_lost_is_answered_after_ready(
    fake_discord: FakeDiscord, make_bot, start_bot, where: str
) -> None:
    """A member who mentioned the bot while its session was lost (in chat, or in a watched
    forum's post made meanwhile) got silence: the catch-up after READY read only posts'
    opening messages, and no event brings the mention again. It is answered, once; a
    mention answered before the loss, in the same history, is not answered again."""
    fake, gateway, world = fake_discord, fake_discord.gateway, fake_discord.world
    settings = limit_settings()
    channel: Any = world.text_channel
    if where.startswith("listed"):
        guild = world.guild if where == "listed-channel" else world.add_guild("Second server")
        channel = world.add_text_channel(guild, "tax-questions")
        settings["text_channel_ids"] = [int(channel["id"])]
    author = world.owner  # (a member of both servers)
    async with start_bot(make_bot(**settings)):
        before = await mention_bot(fake, channel, 0, author)
        await wait_until(lambda: bot_replies_to(fake, before) != [])
        await fake.settle()
        mark = gateway.mark()
        await gateway.invalidate_session(resumable=False)
        post = None
        if where == "new-post":
            post = await new_post(fake, 2)
            channel = post.thread
        missed = await mention_bot(fake, channel, 1, author)
        assert gateway.dropped, "the fake should have dropped the mention"
        await gateway.wait_for_dispatch("READY", since=mark)
        await wait_until(lambda: bot_replies_to(fake, missed) != [], timeout=5.0)
        await fake.idle(quiet=0.2)
        assert len(bot_replies_to(fake, missed)) == 1
        assert len(bot_replies_to(fake, before)) == 1, "answered again by the catch-up"
        if post is not None:
            assert len(post.replies) == 2  # its own answer, and the mention's


async def test_a_catch_up_reads_only_channels_with_recent_messages(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The catch-up reads one page of history per chat channel where something was said in
    the last hour, as Discord's last message id tells: a channel quiet since costs no
    request, and a channel Discord fails to read is read again, alone (the mentions answered
    once)."""
    fake, gateway, world = fake_discord, fake_discord.gateway, fake_discord.world
    quiet, busy = (
        world.add_text_channel(world.guild, "quiet"),
        world.add_text_channel(world.guild, "busy"),
    )
    two_hours_ago = discord.utils.utcnow() - dt.timedelta(hours=2)
    old = fake._user_message(
        quiet,
        world.asker,
        f"{world.bot_user.mention} {QUESTIONS[2]}",
        message_id=discord.utils.time_snowflake(two_hours_ago),
    )
    async with start_bot(make_bot(retries=FAST_RETRIES, **limit_settings())):
        await fake.settle()
        mark, rest_mark = gateway.mark(), fake.mark()
        await gateway.invalidate_session(resumable=False)
        missed = [
            await mention_bot(fake, world.text_channel, 0),
            await mention_bot(fake, busy, 1),
        ]
        general = f"/channels/{world.text_channel['id']}/messages"
        fake.fail_next("GET", general, status=503)
        await gateway.wait_for_dispatch("READY", since=mark)
        await wait_until(lambda: all(bot_replies_to(fake, m) for m in missed), timeout=5.0)
        await fake.idle(quiet=0.2)
        assert [len(bot_replies_to(fake, m)) for m in missed] == [1, 1]
        reads = fake.calls_matching("GET", r"/channels/\d+/messages", since=rest_mark)
        busy_read = f"/channels/{busy['id']}/messages"
        assert sorted(c.path for c in reads) == sorted([general, busy_read]), "each read once"
        assert fake.calls_matching("GET", general, since=rest_mark, injected=True)
        assert not fake.calls_matching("GET", rf"/channels/{quiet['id']}/messages")
        assert bot_replies_to(fake, old) == []


async def test_a_server_lost_mid_session_is_caught_up_when_it_comes_back(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """In a Discord outage a server can go unavailable mid-session (GUILD_DELETE with
    unavailable true) and come back later: no events were sent for it meanwhile, and only
    servers missing at ready were caught up, so a post and a mention made in the outage got
    silence. They are answered when it comes back."""
    fake, gateway, world = fake_discord, fake_discord.gateway, fake_discord.world
    async with start_bot(make_bot(**limit_settings())) as bot:
        await fake.settle()
        assert await gateway.guild_outage(world.guild.id) is not None
        await wait_until(lambda: bot.get_guild(world.guild.id).unavailable)
        lost = await new_post(fake, 0)
        missed = await mention_bot(fake, world.text_channel, 1)
        await fake.idle(quiet=0.2)
        assert lost.replies == [] and bot_replies_to(fake, missed) == []
        assert await gateway.send_late_guilds() == 1
        await lost.reply(timeout=3.0)
        await wait_until(lambda: bot_replies_to(fake, missed) != [], timeout=5.0)
        await fake.idle(quiet=0.2)
        assert len(lost.replies) == 1 and len(bot_replies_to(fake, missed)) == 1


# -- REST faults -----------------------------------------------------------------------------
@pytest.mark.parametrize("is_global", [False, True], ids=["route-429", "global-429"])
async def test_rate_limited_reply_is_retried_after_retry_after_and_sent_once(
    fake_discord: FakeDiscord, make_bot, start_bot, is_global: bool
) -> None:
    fake = fake_discord
    async with start_bot(make_bot()):
        fake.fail_next(
            "POST", r"/channels/\d+/messages", status=429, retry_after=0.3, is_global=is_global
        )
        limited_post = await new_post(fake, 0)
        reply = await limited_post.reply(timeout=5.0)
        [limited] = fake.calls_matching(
            "POST", rf"/channels/{limited_post.id}/messages", injected=True
        )
        assert limited.status == 429 and reply.time - limited.time >= 0.25  # honoured the wait
        next_post = await new_post(fake, 1)
        await next_post.reply()
        await ask_works(fake)
        await fake.idle(quiet=0.1)
        assert len(bot_posts(fake, limited_post.id)) == 1 == len(bot_posts(fake, next_post.id))


async def test_rate_limited_interaction_callback_is_retried_in_time(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    fake = fake_discord
    async with start_bot(make_bot()):
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=429, retry_after=0.2)
        handle = await fake.send_slash_command("ask", {"question": QUESTIONS[1]})
        body = await handle.response(timeout=3.0)
        assert body["type"] == 4 and await handle.latency() < 3.0
        assert len([c for c in handle.calls if c.route and "callback" in c.route]) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_server_error_on_reply_is_retried_and_sent_once(
    fake_discord: FakeDiscord, make_bot, start_bot, quick_retries: None, status: int
) -> None:
    fake = fake_discord
    async with start_bot(make_bot()):
        fake.fail_next("POST", r"/channels/\d+/messages", status=status)
        post = await new_post(fake, 0)
        reply = await post.reply(timeout=5.0)
        assert reply.status == 200
        await fake.idle(quiet=0.1)
        assert len(bot_posts(fake, post.id)) == 1 and len(post.replies) == 1


#: Retry-queue settings for tests: look often, retry soon.
FAST_RETRIES = {"poll_seconds": 0.05, "first_delay_seconds": 0.2, "max_delay_seconds": 0.5}


async def test_a_reply_refused_for_permissions_is_told_to_the_mod_log_once_and_sent_once_allowed(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The bot's role loses Send Messages in Threads in a watched forum (an edit of the
    forum's permissions after the start's check): every answer there failed with 403 and
    waited in the retry queue for 12 hours before the moderators heard of it, as "gave
    up". The first refusal in a channel is said in the moderator log at once, naming the
    channel and what to allow; the replies are still tried, and go out once allowed."""
    fake = fake_discord
    world = fake.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    no_threads = discord.Permissions(send_messages_in_threads=True).value
    # (given up after an hour, which the log line said as "1 hours")
    retries = {**FAST_RETRIES, "max_age_minutes": 60}
    async with start_bot(make_bot(retries=retries, mod_log_channel_id=log_id)):
        world.forum["permission_overwrites"] = [
            {"id": str(world.bot_user.id), "type": 1, "allow": "0", "deny": str(no_threads)}
        ]
        await fake.dispatch("CHANNEL_UPDATE", world.forum)
        posts = [await new_post(fake, n) for n in range(2)]
        await wait_until(lambda: bool(world.messages_in(log_id)), timeout=5.0)

        def refused() -> int:
            sent = fake.calls_matching("POST", rf"/channels/{posts[0].id}/messages")
            return sum(c.status == 403 for c in sent)

        await wait_until(lambda: refused() >= 3, timeout=5.0)  # (retried: still refused)
        await fake.settle()
        [said] = [m["content"] for m in world.messages_in(log_id)]
        assert said.startswith(f"**Cannot reply** in <#{world.forum['id']}>"), said
        assert "HTTP 403" in said and "Send Messages in Threads" in said
        assert "tried again for up to 1 hour:" in said, said
        assert all(not p.replies for p in posts)
        world.forum["permission_overwrites"] = []
        await fake.dispatch("CHANNEL_UPDATE", world.forum)
        await wait_until(lambda: all(p.replies for p in posts), timeout=5.0)
        await fake.idle(quiet=0.3)
        assert [len(p.replies) for p in posts] == [1, 1]
        assert len(world.messages_in(log_id)) == 1


async def test_a_disk_full_under_a_running_bot_is_one_warning_and_owed_replies_wait_for_room(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The database's disk full under a running bot (logs grown, a backup left behind): the
    retry queue's every pass, each `retries.poll_seconds` (10 s), logged an ERROR with a
    traceback ("database or disk is full") for as long as the disk stayed full, as an
    internal fault. It is one warning now, saying the disk is full, and one line when there
    is room again; the reply owed meanwhile is sent then."""
    fake = fake_discord
    caplog.set_level(logging.INFO)
    with full_disk(tmp_path / "disk") as disk:
        store = SqliteStore(disk / "bot.db")
        bot = make_bot(store=store, retries={**FAST_RETRIES, "first_delay_seconds": 0.5})
        async with start_bot(bot):
            control = await new_post(fake, 0)
            await control.reply()  # positive control: it answers
            fake.fail_next("POST", r"/channels/\d+/messages", status=503)
            owed = await new_post(fake, 1)

            for _ in range(200):  # (until its failure is in the queue)
                failed = [r for r in await store.pending_replies() if r.last_error]
                if failed:
                    break
                await asyncio.sleep(0.05)
            else:
                pytest.fail("the failed reply never reached the retry queue")
            passes = 0  # the queue's looks since the reply was due again
            looked = store.expire_replies  # (each pass begins with it)

            async def counted(*args: Any, **kwargs: Any) -> Any:
                nonlocal passes
                passes += dt.datetime.now(dt.UTC) > failed[0].due
                return await looked(*args, **kwargs)

            store.expire_replies = counted  # type: ignore[method-assign]
            # The write-ahead log emptied (as after a deletion), so the next write needs room.
            with contextlib.closing(sqlite3.connect(disk / "bot.db")) as other:
                other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            fill_up(disk)
            await wait_until(lambda: passes >= 5, timeout=10.0)  # (full on each of them)
            assert not owed.replies
            (disk / "filler").unlink()
            await owed.reply(timeout=10.0)  # sent once there is room
            await fake.idle(quiet=0.2)
            assert len(owed.replies) == 1
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.cogs.retries"]
    assert [level for level, _ in said] == ["WARNING", "INFO"], said
    assert "the disk holding it is full; free some space" in said[0][1], said
    assert said[1][1] == "the retry queue reaches the database again"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_a_database_moved_under_a_running_bot_is_said_once_and_written_when_back(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The SQLite file moved away under a running bot (an operator's mv, a cleanup
    script): the bot wrote on into it without a word, and the stop left its write-ahead log
    unapplied, so its records were lost at the next start. Its writes are refused now: the
    move said once, the retry queue's one warning naming it, no traceback; a post meanwhile
    is answered; moved back, the database is written again."""
    fake = fake_discord
    caplog.set_level(logging.INFO)
    path, moved = tmp_path / "bot.db", tmp_path / "moved.db"
    store = SqliteStore(path)
    async with start_bot(make_bot(store=store, retries=FAST_RETRIES)):
        control = await new_post(fake, 0)
        await control.reply()  # positive control: it answers
        await fake.idle(quiet=0.2)  # (its records written)
        path.rename(moved)

        def retries_said() -> list[logging.LogRecord]:
            return [r for r in caplog.records if r.name == "bot.cogs.retries"]

        post = await new_post(fake, 1)
        await post.reply()  # answered anyway
        await wait_until(lambda: bool(retries_said()), timeout=5.0)
        moved.rename(path)
        await wait_until(lambda: len(retries_said()) == 2, timeout=5.0)
    said = [(r.levelname, r.getMessage()) for r in retries_said()]
    assert [level for level, _ in said] == ["WARNING", "INFO"], said
    assert "the file the bot opened there was moved or deleted while it ran" in said[0][1]
    told = [r for r in caplog.records if "was moved or deleted while the bot ran" in r.getMessage()]
    assert len(told) == 1 and "its records so far are in that file" in told[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert len(post.replies) == 1
    async with SqliteStore(path) as reopened:  # the first post's claim kept, as written
        assert not await reopened.claim_post(control.id)


async def test_a_database_another_program_holds_locked_is_one_warning_not_a_traceback_a_pass(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another program holding the SQLite file's write lock past busy_timeout under a
    running bot (a VACUUM, a transaction left open in a sqlite3 shell): every pass of the
    retry queue logged an ERROR with a traceback ('database is locked'), one every
    `retries.poll_seconds` for as long as it lasted, and each post another for its claim,
    as internal faults. It is one warning now, as a full disk is, and one line when the
    file is free again; the post meanwhile is answered, its records each a warning."""
    monkeypatch.setattr(sqlite_store, "BUSY_SECONDS", 0.2)  # (5 s: the passes come slower)
    fake = fake_discord
    caplog.set_level(logging.INFO)
    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(make_bot(store=store, retries=FAST_RETRIES)):
        control = await new_post(fake, 0)
        await control.reply()  # positive control: it answers
        await fake.idle(quiet=0.2)
        other = sqlite3.connect(
            tmp_path / "bot.db", isolation_level=None, timeout=30, check_same_thread=False
        )
        # (Off the event loop: the bot may be inside a write that needs the loop to end.)
        await asyncio.to_thread(other.execute, "BEGIN IMMEDIATE")  # (another program's)
        try:
            post = await new_post(fake, 1)
            await post.reply()  # answered anyway

            def retries_said() -> list[logging.LogRecord]:
                return [r for r in caplog.records if r.name == "bot.cogs.retries"]

            await wait_until(lambda: bool(retries_said()), timeout=5.0)
            looked = store.expire_replies  # (each pass begins with it)
            passes = 0

            async def counted(*args: Any, **kwargs: Any) -> Any:
                nonlocal passes
                passes += 1
                return await looked(*args, **kwargs)

            store.expire_replies = counted  # type: ignore[method-assign]
            await wait_until(lambda: passes >= 3, timeout=10.0)  # (locked on each of them)
        finally:
            await asyncio.to_thread(other.execute, "ROLLBACK")
            other.close()
        await wait_until(lambda: len(retries_said()) == 2, timeout=5.0)
    said = [(r.levelname, r.getMessage()) for r in retries_said()]
    assert [level for level, _ in said] == ["WARNING", "INFO"], said
    assert "another program (a VACUUM" in said[0][1] and "locked for more than" in said[0][1]
    assert said[1][1] == "the retry queue reaches the database again"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert len(post.replies) == 1


@pytest.mark.parametrize("kind", ["post", "mention"])
async def test_a_stop_waits_for_a_post_whose_claim_the_database_holds_up_and_answers_it(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    """A post came just before a stop (`docker stop` in a deploy) while the database held
    its claim up (SQLite locked by another program's transaction, a busy PostgreSQL): the
    stop let only replies being sent finish, not a post being claimed, so it closed the
    connection to Discord under it. The claim then went through and the answer failed,
    an ERROR with a traceback ('Session is closed') for a stop asked for, the post owed
    until its lease ran out (5 minutes). A mention alike. A post or mention being claimed
    is a reply in progress: the stop lets it finish, answered."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    store = SqliteStore(tmp_path / "bot.db")
    bot = make_bot(store=store, retries={"poll_seconds": 600})
    async with start_bot(bot):
        control = await new_post(fake, 0)
        await control.reply()  # positive control: it answers
        await fake.idle(quiet=0.2)  # (its tag and records written)
        await wait_until(lambda: not store._lock.locked())
        other = sqlite3.connect(
            tmp_path / "bot.db", isolation_level=None, timeout=30, check_same_thread=False
        )
        # (Off the event loop: the bot may be inside a write that needs the loop to end.)
        await asyncio.to_thread(other.execute, "BEGIN IMMEDIATE")  # (another program's)
        try:
            if kind == "post":
                post = await new_post(fake, 1)
                replies = lambda: post.replies  # noqa: E731
            else:
                asked = await mention_bot(fake, fake.world.text_channel, 1)
                replies = partial(bot_replies_to, fake, asked)
            await wait_until(store._lock.locked)  # (its claim waits for the file)
            closing = asyncio.create_task(bot.close())  # the stop
            await wait_until(
                lambda: any(
                    "letting the replies in progress finish (1)" in r.getMessage()
                    for r in caplog.records
                )
            )
        finally:
            await asyncio.to_thread(other.execute, "ROLLBACK")
            other.close()
        await closing
    assert len(replies()) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    async with SqliteStore(tmp_path / "bot.db") as reopened:
        assert await reopened.pending_replies() == []  # (answered: owed no more)


async def test_a_reply_finishing_in_a_stop_waits_a_second_for_a_locked_database_not_five(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A stop (`docker stop` in a deploy) while a reply was on its way, with the SQLite
    file locked by another program meanwhile: the reply's first write after the send
    waited SQLite's whole 5 s for the lock, past the grace, and the closing waited for it
    in turn, so the stop took 9.6 s, at the edge of the 10 s before `docker stop` kills.
    A write begun during a stop waits 1 s: the reply goes, its records are said lost in
    the log (a warning each, no traceback), and the grace is not outlasted by seconds."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    store = SqliteStore(tmp_path / "bot.db")
    bot = make_bot(store=store, retries={"poll_seconds": 600})
    async with start_bot(bot):
        control = await new_post(fake, 0)
        await control.reply()  # positive control: it answers
        await fake.idle(quiet=0.2)
        fake.fail_next("POST", r"/channels/\d+/messages", status=502, delay=1.5)  # (then 1 s)
        held = fake.rest.faults[-1]
        post = await new_post(fake, 1)
        await wait_until(lambda: held.remaining == 0)  # (Discord holds its reply)
        closing = asyncio.create_task(bot.close())  # the stop
        await wait_until(
            lambda: any("replies in progress finish (1)" in r.getMessage() for r in caplog.records)
        )
        other = sqlite3.connect(
            tmp_path / "bot.db", isolation_level=None, timeout=30, check_same_thread=False
        )
        try:
            await asyncio.to_thread(other.execute, "BEGIN IMMEDIATE")  # (another program's)
            await closing
        finally:
            await asyncio.to_thread(other.execute, "ROLLBACK")
            other.close()
    assert len(post.replies) == 1
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("holds it locked for more than 1 s" in line for line in said), said
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.parametrize(
    ("status", "times"), [(503, 1), (500, 5)], ids=["503-at-once", "500-five-times"]
)
async def test_reply_that_finally_fails_is_retried_from_the_queue_and_sent_once(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    quick_retries: None,
    caplog: pytest.LogCaptureFixture,
    status: int,
    times: int,
) -> None:
    fake = fake_discord
    # the first retry waits a second: time to look at the queue before it
    async with start_bot(
        make_bot(retries={**FAST_RETRIES, "first_delay_seconds": 1.0, "max_delay_seconds": 1.0})
    ) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=status, times=times)
        with caplog.at_level(logging.WARNING):
            failed = await new_post(fake, 0)
            await fake.wait_for_call(
                "POST", rf"/channels/{failed.id}/messages", injected=True, count=times
            )
            await wait_until(
                lambda: any(
                    f"reply to forum post {failed.id} not sent" in r.getMessage()
                    for r in caplog.records
                )
            )
        # discord.py gave up; the store still owes the reply, with why
        await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
        [owed] = await bot.store.pending_replies()
        assert (owed.kind, owed.message_id, owed.attempts) == ("post", failed.id, 1)
        assert owed.last_error.startswith(f"HTTP {status}")
        # the cog is still working: the next post and /ask are answered meanwhile
        following = await new_post(fake, 1)
        await following.reply()
        await ask_works(fake)
        # and the failed one is answered from the queue, once
        await failed.reply(timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.1)
        assert len(bot_posts(fake, failed.id)) == 1 and len(failed.replies) == 1
        assert len(bot_posts(fake, following.id)) == 1
        assert sum(bot.store.served.values()) == 3  # both posts and the /ask, each once
        assert bot.store.questions == []  # answered in the end: nothing for the gaps


async def test_a_post_edited_while_its_retried_answer_is_matched_has_the_answer_rechecked(
    fake_discord: FakeDiscord, make_bot, start_bot, quick_retries: None, kb: KnowledgeBase
) -> None:
    """A post whose answer Discord failed, rewritten by its member to ask something else
    while the retry matched it: the retried answer, to the post as it read before, went
    up after the edit and stood unmarked as the answer to the question now asked. It now
    says it answered the post as first written."""
    fake = fake_discord
    first, rewritten = QUESTIONS[0], "When is the deadline to do a 60-day rollover of a check?"
    answering = kb.ask(first).best
    assert answering is not None and kb.ask(rewritten).best.id != answering.id
    asking = HeldAsking(kb)
    retries = {**FAST_RETRIES, "first_delay_seconds": 1.0, "max_delay_seconds": 1.0}
    async with start_bot(make_bot(knowledge=asking.knowledge, retries=retries)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        post = await new_post(fake, 0)
        await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
        assert post.replies == []
        async with asking.holding(asyncio.sleep(0)):  # (the retry's matching)
            await fake.edit_message(post.starter, rewritten)
        await wait_until(lambda: post.replies != [] and not bot.store.owed)
        await fake.idle(quiet=0.3)
        [answer] = post.replies
        assert answer["embeds"][0]["title"] == answering.title
        assert answer["content"] == EDITED_NOTE


@pytest.mark.parametrize("kind", ["post", "mention"])
async def test_a_reply_sent_from_the_retry_queue_is_said_in_the_log(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    caplog: pytest.LogCaptureFixture,
    kind: str,
) -> None:
    """A reply Discord refused is a warning ("not sent (HTTP 503 ...); queued for a
    retry"), but when the retry queue sent it later the log said nothing: an operator
    reading the log after an outage could not tell the owed reply ever went out. The
    queue's send is one line, naming the post or mention, the try and how long it was
    owed."""
    fake, world = fake_discord, fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    channel = world.text_channel
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        if kind == "post":
            post = await new_post(fake, 0)
            what, replies = f"forum post {post.id}", lambda: post.replies
        else:
            asked = await mention_bot(fake, channel, 0)
            what = f"the mention in message {asked['id']}"
            replies = partial(bot_replies_to, fake, asked)
        await wait_until(lambda: bool(replies()), timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
    # (A mention's reply is sent by the cog's part in bot/mentions.py.)
    answering = ("bot.cogs.answers", "bot.mentions")
    said = [r.getMessage() for r in caplog.records if r.name in answering]
    assert any(f"reply to {what} not sent (HTTP 503" in line for line in said), said
    sent = [line for line in said if line.startswith(f"reply to {what} sent from the retry")]
    assert len(sent) == 1 and "(try 2, owed for " in sent[0], said
    assert len(replies()) == 1


#: The first retry a second after the failure: time to do something meanwhile.
SLOW_FIRST_RETRY = {**FAST_RETRIES, "first_delay_seconds": 1.0, "max_delay_seconds": 1.0}


async def post_owed_after_a_503(fake: FakeDiscord, bot: Any) -> ForumPost:
    """A new forum post whose answer Discord refused (503): owed, its retry to come."""
    fake.fail_next("POST", r"/channels/\d+/messages", status=503)
    failed = await new_post(fake, 0)
    await fake.wait_for_call("POST", rf"/channels/{failed.id}/messages", injected=True)
    await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
    return failed


@pytest.mark.parametrize("status", [503, 0], ids=["503", "connection-dropped"])
async def test_an_answered_post_whose_tag_discord_failed_is_tagged_by_the_retry(
    fake_discord: FakeDiscord, make_bot, start_bot, status: int
) -> None:
    """The answer went out but Discord failed the tag (a 503, or the connection dropped:
    discord.py retries neither): the post stayed without its answered tag for good, shown
    to helpers as unanswered. It stays owed, and the retry finds the answer and tags it."""
    fake = fake_discord
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("PATCH", r"/channels/\d+", status=status)
        post = await new_post(fake, 0)
        await post.reply()
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True)
        assert "bot-answered" not in post.tags
        await wait_until(lambda: "bot-answered" in post.tags, timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.1)
        assert len(bot_posts(fake, post.id)) == 1 and len(post.replies) == 1


async def test_a_tag_discord_fails_again_on_its_retry_stays_owed(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """Discord failed the answered tag, and failed it again on the retry (an outage
    outlasts the first back-off): the retry settled the post untagged for good. It stays
    owed until the tag is on."""
    fake = fake_discord
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("PATCH", r"/channels/\d+", status=503, times=2)
        post = await new_post(fake, 0)
        await post.reply()
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True, count=2)
        await wait_until(lambda: "bot-answered" in post.tags, timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.1)
        assert len(bot_posts(fake, post.id)) == 1 and len(post.replies) == 1


@pytest.mark.parametrize("stored", ["memory", "sqlite"])
async def test_an_answer_deleted_while_its_tag_was_owed_is_not_posted_again(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path, stored: str
) -> None:
    """The retry owed for the tag alone finds no answer when a moderator deleted it
    meanwhile: that answer is not posted again (why it was owed is kept in the store)."""
    fake = fake_discord
    store = SqliteStore(tmp_path / "owed.db") if stored == "sqlite" else MemoryStore()
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY, store=store)) as bot:
        fake.fail_next("PATCH", r"/channels/\d+", status=503)
        post = await new_post(fake, 0)
        answer = await post.reply()
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True)
        await fake.settle()
        assert [o.message_id for o in await bot.store.pending_replies()] == [post.id]
        await fake.delete_message(answer.response)
        # the retry reads the thread for the answer, finds none, and settles the post
        await fake.wait_for_call("GET", rf"/channels/{post.id}/messages", timeout=5.0)
        for _ in range(100):
            if not await bot.store.pending_replies():
                break
            await asyncio.sleep(0.05)
        await fake.idle(quiet=0.1)
        assert await bot.store.pending_replies() == []
        assert len(bot_posts(fake, post.id)) == 1 and post.replies == []
        assert "bot-answered" not in post.tags  # (no answer stands: not tagged answered)
    await store.close()


@pytest.mark.parametrize(
    ("locked", "archived"),
    [(True, True), (True, False), (False, True)],
    ids=["both", "locked", "closed"],
)
async def test_a_post_locked_or_closed_while_its_answer_was_owed_is_left_alone(
    fake_discord: FakeDiscord, make_bot, start_bot, locked: bool, archived: bool
) -> None:
    """The bot may post in a locked or closed thread (Manage Threads), which reopens it: a
    retry must not overrule the moderator or author who closed it."""
    fake = fake_discord
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        failed = await post_owed_after_a_503(fake, bot)
        failed.thread["thread_metadata"].update(locked=locked, archived=archived)
        await fake.dispatch("THREAD_UPDATE", failed.thread)
        await wait_until(lambda: not bot.store.owed, timeout=5.0)  # settled: no longer owed
        await fake.idle(quiet=0.1)
        assert failed.replies == []
        assert failed.thread["thread_metadata"]["archived"] == archived  # not reopened


async def test_a_post_closed_while_owed_only_its_tag_is_not_edited(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The answer went out, Discord failed its tag, and the author closed the post before
    the retry: the retry settles it without asking Discord to edit a closed thread (which
    Discord refuses, 50083) and without reopening it."""
    fake = fake_discord
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        fake.fail_next("PATCH", r"/channels/\d+", status=503)
        post = await new_post(fake, 0)
        await post.reply()
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True)
        mark = fake.mark()
        post.thread["thread_metadata"].update(archived=True)
        await fake.dispatch("THREAD_UPDATE", post.thread)
        await wait_until(lambda: not bot.store.owed, timeout=5.0)  # settled: no longer owed
        await fake.idle(quiet=0.1)
        assert not fake.calls_matching("PATCH", rf"/channels/{post.id}$", since=mark)
        assert post.thread["thread_metadata"]["archived"] and len(post.replies) == 1


@pytest.mark.parametrize("watched", [True, False], ids=["still-watched", "no-longer-watched"])
async def test_replies_owed_where_the_bot_no_longer_answers_are_not_sent_after_a_restart(
    fake_discord: FakeDiscord, make_bot, start_bot, watched: bool
) -> None:
    """Discord refused a forum post's answer and a mention's reply (a 503; a permission the
    bot lacked there is the same), and the operator, rather than fixing it, took the forum
    and the text channel out of the settings and restarted the bot: the restarted bot
    still sent the owed replies there (or, while refused, retried them for 12 hours and
    then told the moderator log it gave up). Replies owed in a channel no longer answered
    are settled without a word; where the bot still answers, they are sent."""
    fake, world = fake_discord, fake_discord.world
    store = MemoryStore()
    channel = world.text_channel
    async with start_bot(
        make_bot(store=store, retries=SLOW_FIRST_RETRY, text_channel_ids=[int(channel["id"])])
    ) as bot:
        failed = await post_owed_after_a_503(fake, bot)
        fake.fail_next("POST", rf"/channels/{channel['id']}/messages", status=503)
        await fake.send_message(
            channel, f"<@{world.bot_user.id}> {QUESTIONS[1]}", author=world.newcomer
        )
        await fake.wait_for_call("POST", rf"/channels/{channel['id']}/messages", injected=True)
        await wait_until(lambda: sum(bool(r.last_error) for r in store.owed.values()) == 2)
    other = world.add_text_channel(world.guild, "elsewhere")
    where = {
        "forum_channel_ids": [int(world.forum["id"])] if watched else [],
        "text_channel_ids": [int(channel["id"] if watched else other["id"])],
    }
    mark = fake.mark()
    async with start_bot(make_bot(store=store, retries=FAST_RETRIES, **where)) as bot:
        await wait_until(lambda: not store.owed, timeout=5.0)
        await fake.idle(quiet=0.1)
        sent = fake.calls_matching("POST", r"/channels/\d+/messages", since=mark)
        if watched:  # (the control: the same owed replies, sent by the restarted bot)
            assert sorted(c.path for c in sent) == sorted(
                f"/channels/{c}/messages" for c in (channel["id"], failed.id)
            )
        else:
            assert sent == [] and failed.replies == []


async def post_with_a_late_starter(fake: FakeDiscord, n: int, change: str = "") -> ForumPost:
    """A post whose opening message reaches the bot after its thread, too late for the
    bot's fetch at THREAD_CREATE; ``change`` ("locked", "archived") happens in between."""
    world = fake.world
    thread, starter = split_post(fake, n)
    post = ForumPost(fake, thread, starter, since=fake.mark())
    del world.messages[int(starter["id"])]  # (not there yet: the bot's fetch finds none)
    await fake.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
    await fake.idle(quiet=0.05)
    if change:
        thread["thread_metadata"][change] = True
        await fake.dispatch("THREAD_UPDATE", thread)
    world.messages[int(starter["id"])] = starter
    await fake.dispatch("MESSAGE_CREATE", starter)
    return post


@pytest.mark.parametrize("change", ["locked", "archived"])
async def test_a_post_locked_or_closed_before_its_opening_message_came_is_left_alone(
    fake_discord: FakeDiscord, make_bot, start_bot, change: str
) -> None:
    """A post's opening message came after its thread, and a moderator locked the post (or
    its author closed it) in between: the bot answered anyway (it may, with Manage
    Threads), which reopened a closed post against their decision. It is left alone, as
    the catch-up and the retries leave such a post; an open post whose opening message
    comes late is answered."""
    fake = fake_discord
    async with start_bot(make_bot()):
        late = await post_with_a_late_starter(fake, 0)
        await late.reply()
        closed = await post_with_a_late_starter(fake, 1, change)
        await fake.idle(quiet=0.2)
        assert len(late.replies) == 1 and closed.replies == []
        assert closed.thread["thread_metadata"]["archived"] == (change == "archived")


@pytest.mark.parametrize("other", ["mention", "/ask"])
async def test_an_answer_to_someone_else_in_the_thread_does_not_settle_the_owed_post(
    fake_discord: FakeDiscord, make_bot, start_bot, other: str
) -> None:
    """The post's own answer failed; while it waits for its retry, someone in the thread
    mentions the bot or runs /ask, and is answered. That answer is not the post's: the
    retry still answers the post."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        failed = await post_owed_after_a_503(fake, bot)
        if other == "mention":
            mention = await fake.send_message(
                failed.thread, f"<@{world.bot_user.id}> {QUESTIONS[1]}", author=world.newcomer
            )
            answered = await failed.reply(timeout=5.0)
            assert str(answered.json["message_reference"]["message_id"]) == mention["id"]
        else:
            ask = await fake.send_slash_command(
                "ask", {"question": QUESTIONS[1]}, user=world.newcomer, channel=failed.thread
            )
            body = await ask.response(timeout=3.0)
            assert body["type"] == 4 and body["data"]["embeds"], body
        assert len(failed.replies) == 1  # the answer to the other member, in the thread
        # the retry, a second later: the post's own answer, not under anyone
        await wait_until(lambda: not bot.store.owed, timeout=5.0)
        await fake.idle(quiet=0.1)
        assert len(failed.replies) == 2
        [post_answer] = [
            m for m in failed.replies if m["type"] == 0 and not m.get("interaction_metadata")
        ]
        assert post_answer["embeds"] and "message_reference" not in post_answer


async def test_an_answer_under_the_starter_settles_the_owed_post(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The post's own answer failed; meanwhile a helper answers the post itself, by
    mentioning the bot in a reply to its starter. The retry then finds the post answered
    and leaves it: one answer, not two."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        failed = await post_owed_after_a_503(fake, bot)
        await fake.send_message(
            failed.thread, world.bot_user.mention, author=world.newcomer, reply_to=failed.starter
        )
        answered = await failed.reply(timeout=5.0)
        assert str(answered.json["message_reference"]["message_id"]) == failed.starter["id"]
        # the retry comes a second later, and finds the post answered
        await wait_until(lambda: not bot.store.owed, timeout=5.0)
        await fake.idle(quiet=0.1)
        assert len(failed.replies) == 1


async def test_a_mention_under_the_starter_owed_after_the_posts_answer_is_not_sent_again(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The mirror case: the post's own answer and a helper's "@bot" under its starter both
    fail. The post's retry answers first; the mention's retry then finds the post answered
    (its answer is no reply, but it answers the starter) and sends nothing more."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        failed = await post_owed_after_a_503(fake, bot)
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        await fake.send_message(
            failed.thread, world.bot_user.mention, author=world.newcomer, reply_to=failed.starter
        )
        await wait_until(lambda: sum(1 for r in bot.store.owed.values() if r.last_error) == 2)
        [post, mention] = sorted(bot.store.owed.values(), key=lambda r: r.due)
        assert (post.kind, mention.kind) == ("post", "mention")  # the post's retry comes first
        await wait_until(lambda: not bot.store.owed, timeout=8.0)
        await fake.idle(quiet=0.2)
        [answer] = failed.replies
        assert answer["embeds"] and "message_reference" not in answer


async def test_a_lost_response_is_not_answered_twice(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord made the reply but its response never reached the bot: the retry finds the
    reply in the thread, sends nothing more, and tags the post answered (the tag had been
    left for after the reply). The log, which warned the reply was not sent, says it was
    found there (it said nothing more: the operator could not tell it ever went out)."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, after_route=True)
        post = await new_post(fake, 0)
        await fake.wait_for_call("POST", rf"/channels/{post.id}/messages", injected=True)
        assert len(post.replies) == 1  # it is there, though the bot was told 503
        assert "bot-answered" not in post.tags
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        # the retry looks at the thread's messages and settles without posting
        await fake.wait_for_call("GET", rf"/channels/{post.id}/messages")
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.2)
        assert len(post.replies) == 1
        assert (
            len(fake.calls_matching("POST", rf"/channels/{post.id}/messages", injected=None)) == 1
        )
        assert "bot-answered" in post.tags
    said = [r.getMessage() for r in caplog.records if r.name == "bot.cogs.answers"]
    assert any(f"reply to forum post {post.id} not sent (HTTP 503" in s for s in said), said
    found = f"reply to message {post.id} found sent already ({post.replies[0]['id']})"
    assert sum(found in line for line in said) == 1, said


async def test_a_reply_whose_response_was_lost_is_served_and_goes_with_its_question(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """Discord made the reply (a post's answer, a mention's) but the response never reached
    the bot, and the retry found it there: /faq-admin stats never counted it served, and a
    member deleting their question left it standing (its link to the question was never
    kept), their words and numbers with it. The retry now records it as its send would
    have: served once, and gone with its question."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, after_route=True)
        post = await new_post(fake, 0)
        await fake.wait_for_call("POST", rf"/channels/{post.id}/messages", injected=True)
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.2)
        [answer] = post.replies
        assert sum(bot.store.served.values()) == 1  # (the retry found it: counted once)

        channel = world.text_channel
        fake.fail_next("POST", rf"/channels/{channel['id']}/messages", status=503, after_route=True)
        asked = await fake.send_message(
            channel, f"{world.bot_user.mention} {QUESTIONS[2]}", author=world.newcomer
        )
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.2)
        [card] = [
            m
            for m in world.messages_in(int(channel["id"]))
            if (m.get("message_reference") or {}).get("message_id") == asked["id"]
        ]
        assert sum(bot.store.served.values()) == 2

        # a notice found so ("You're welcome") served nothing and asked nothing, as sent
        fake.fail_next("POST", rf"/channels/{channel['id']}/messages", status=503, after_route=True)
        await fake.send_message(channel, f"{world.bot_user.mention} thanks!", author=world.asker)
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.2)
        assert sum(bot.store.served.values()) == 2 and bot.store.questions == []

        await fake.delete_message(post.starter)
        await fake.delete_message(asked)
        await fake.idle(quiet=0.2)
        assert int(answer["id"]) not in world.messages, "the post's answer outlived it"
        assert int(card["id"]) not in world.messages, "the mention's answer outlived it"


async def test_a_reply_recorded_but_still_owed_is_not_served_twice_by_its_retry(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A post answered and recorded (served, its link kept) whose owed reply could not be
    settled (the database away for a moment; a process stopped right then): the retry
    finds the answer after the lease and settles it, counting nothing a second time."""
    from bot.storage import DatabaseUnavailable

    class SettleFailsOnce(MemoryStore):
        failed = False

        async def settle_reply(self, kind: str, message_id: int) -> None:
            if not self.failed:
                self.failed = True
                raise DatabaseUnavailable("the database is away for a moment")
            await super().settle_reply(kind, message_id)

    store = SettleFailsOnce()
    fake = fake_discord
    async with start_bot(make_bot(store=store, retries={**FAST_RETRIES, "lease_seconds": 0.5})):
        post = await new_post(fake, 0)
        await post.reply()
        await wait_until(lambda: store.failed and not store.owed, timeout=5.0)
        await fake.idle(quiet=0.2)
        assert len(post.replies) == 1 and sum(store.served.values()) == 1


async def test_an_answer_the_asker_removed_is_not_posted_again_by_its_retry(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """An answer Discord took whose response was lost is owed again; the asker removes it
    ("Not what I asked") before the retry: the post stays with people, not re-answered."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, after_route=True)
        post = await new_post(fake, 0)
        await fake.wait_for_call("POST", rf"/channels/{post.id}/messages", injected=True)
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        [answer] = post.replies
        [miss] = [c for c in custom_ids(answer) if c.startswith("rb:miss:")]
        await (await fake.click_button(answer, miss, user=world.asker)).response()
        await fake.settle()

        def answers() -> list[dict]:  # (not the private "Removed." the click got)
            return [m for m in post.replies if "interaction_metadata" not in m]

        assert answers() == [] and "needs-human" in post.tags
        await wait_until(lambda: not bot.store.owed, timeout=5.0)
        await asyncio.sleep(SLOW_FIRST_RETRY["first_delay_seconds"] + 0.2)  # (when it was due)
        await fake.idle(quiet=0.2)
        assert answers() == [] and "bot-answered" not in post.tags, post.tags


async def test_a_removed_answer_to_someone_elses_question_is_not_posted_again_either(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """ "@bot" in reply to another member's question: the reply is owed under the mention,
    the answer replies to the question. The asker removes it before the retry: it stays
    removed (the owed mention was left, and its retry posted the answer again)."""
    fake, world = fake_discord, fake_discord.world
    channel = world.text_channel

    def answers() -> list[dict]:  # (not the private "Removed." the click got)
        return [
            m
            for m in world.messages_in(int(channel["id"]))
            if int(m["author"]["id"]) == world.bot_user.id and "interaction_metadata" not in m
        ]

    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        question = await fake.send_message(channel, QUESTIONS[0], author=world.asker)
        await fake.idle(quiet=0.1)
        assert answers() == []  # (no mention yet: nothing said)
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, after_route=True)
        mention = await fake.send_message(
            channel, f"<@{world.bot_user.id}>", author=world.newcomer, reply_to=question
        )
        await fake.wait_for_call("POST", r"/channels/\d+/messages", injected=True)
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        [answer] = answers()  # Discord took it: under the question, owed under the mention
        assert answer["message_reference"]["message_id"] == question["id"]
        assert ("mention", int(mention["id"])) in bot.store.owed
        [miss] = [c for c in custom_ids(answer) if c.startswith("rb:miss:")]
        await (await fake.click_button(answer, miss, user=world.asker)).response()
        await fake.settle()
        assert answers() == []
        await wait_until(lambda: not bot.store.owed, timeout=5.0)
        await asyncio.sleep(SLOW_FIRST_RETRY["first_delay_seconds"] + 0.2)  # (when it was due)
        await fake.idle(quiet=0.2)
        assert answers() == []


async def give_up(
    fake: FakeDiscord, bot: Any, caplog: pytest.LogCaptureFixture, log_channel: int
) -> None:
    """Time passes: the reply owed is too old, and the bot gives it up (the log line comes
    first; the gaps entry and the mod-log line follow it, the question matched on the
    answering thread between them: the mod-log line is waited for, not any message there)."""
    with caplog.at_level(logging.WARNING):
        bot.settings.retries.max_age_minutes = 0.001
        await wait_until(
            lambda: any("gave up on the reply" in r.getMessage() for r in caplog.records),
            timeout=5.0,
        )
    logged = fake.world.messages_in
    await wait_until(
        lambda: any("Gave up" in m["content"] for m in logged(log_channel)), timeout=5.0
    )
    await fake.idle(quiet=0.1)


async def test_a_reply_owed_past_the_max_age_is_given_up_and_left_to_moderators(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    quick_retries: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = fake_discord
    log_channel = int(fake.world.text_channel["id"])
    async with start_bot(make_bot(retries=FAST_RETRIES, mod_log_channel_id=log_channel)) as bot:
        fake.fail_next("POST", rf"/channels/(?!{log_channel})\d+/messages", status=503, times=1000)
        post = await new_post(fake, 2)
        # tried, and retried from the queue, in vain
        await fake.wait_for_call(
            "POST", rf"/channels/{post.id}/messages", injected=True, count=3, timeout=10
        )
        assert bot.store.owed  # still owed
        await give_up(fake, bot, caplog, log_channel)
        tries = fake.calls_matching("POST", rf"/channels/{post.id}/messages", injected=True)
        assert len(tries) >= 3 and post.replies == []  # retried, then given up
        assert bot.store.owed == {} and not bot.store.served  # never answered
        [question] = bot.store.questions  # the moderators' gaps have it
        assert not question.answered and "2014-54" in question.text
        # filed under the forum, as an answered post's question is (not the thread)
        assert question.channel_id == int(fake.world.forum["id"])
        [note] = fake.world.messages_in(log_channel)
        assert "Gave up replying to a forum post" in note["content"]
        assert f"message {post.id}" in note["content"] and "HTTP 503" in note["content"]


async def forget(fake: FakeDiscord, member: Any) -> str:
    """A moderator runs /faq-admin forget on ``member`` and confirms: what the bot says."""
    handle = await fake.send_slash_command(
        "faq-admin forget", {"member": member}, user=fake.world.moderator
    )
    await handle.response()
    assert "replies still owed to them" in handle.message["content"]  # (said before)
    [delete] = [c for c in custom_ids(handle.message) if c.endswith(":yes")]  # (Delete)
    click = await fake.click_button(handle, delete, user=fake.world.moderator)
    await click.response()
    return str((await click.edit(0))["content"])


async def test_a_member_forgotten_takes_the_replies_owed_to_them_and_those_given_up(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    quick_retries: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Replies the bot still owes (Discord failing meanwhile) keep the member's question
    word for word, and kept no sign of whose it was: /faq-admin forget left them, and a
    reply given up put their words in the gaps with no asker, for the retention's 90 days.
    Now each owed reply knows its asker (hashed), and forgetting the member takes it, and
    their given-up question; another member's stays."""
    fake, world = fake_discord, fake_discord.world
    log_channel = int(world.text_channel["id"])
    async with start_bot(make_bot(retries=FAST_RETRIES, mod_log_channel_id=log_channel)) as bot:
        fake.fail_next("POST", rf"/channels/(?!{log_channel})\d+/messages", status=503, times=1000)
        mine = await fake.post_forum_thread("Split?", QUESTIONS[0], author=world.asker)
        channel = fake.world.add_text_channel(world.guild, "questions")
        await fake.send_message(
            channel, f"{world.bot_user.mention} {QUESTIONS[1]}", author=world.asker
        )
        theirs = await fake.post_forum_thread("2014-54?", QUESTIONS[2], author=world.newcomer)
        await wait_until(lambda: sum(1 for r in bot.store.owed.values() if r.last_error) == 3)
        said = await forget(fake, world.asker)
        assert ": 2 questions and messages" in said, said  # (their post's and their mention's)
        assert [r.message_id for r in bot.store.owed.values()] == [theirs.id]
        assert mine.replies == []

        await give_up(fake, bot, caplog, log_channel)
        [kept] = bot.store.questions  # the other member's, in the gaps
        assert "2014-54" in kept.text and kept.asker_hash is not None
        said = await forget(fake, world.newcomer)
        assert ": 1 question or message pointed" in said, said
        assert bot.store.questions == [] and bot.store.owed == {}


async def test_a_post_owed_only_its_tag_past_the_max_age_is_not_filed_as_unanswered(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The post's answer went out, but Discord failed its answered tag on every try until
    the reply was too old: giving up filed the answered question in the moderators' gaps
    as unanswered, and told the moderator log it gave up replying to a post it had
    answered. The log asks for the tag by hand instead, and the gaps stay clear."""
    fake = fake_discord
    log_channel = int(fake.world.text_channel["id"])
    async with start_bot(make_bot(retries=FAST_RETRIES, mod_log_channel_id=log_channel)) as bot:
        fake.fail_next("PATCH", r"/channels/\d+", status=503, times=1000)
        post = await new_post(fake, 2)
        await post.reply()
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True, count=3)
        assert bot.store.owed  # owed its tag
        await give_up(fake, bot, caplog, log_channel)
        assert len(bot_posts(fake, post.id)) == 1 and "bot-answered" not in post.tags
        assert bot.store.owed == {} and sum(bot.store.served.values()) == 1
        assert [q for q in bot.store.questions if not q.answered] == []
        [note] = fake.world.messages_in(log_channel)
        assert "Gave up replying" not in note["content"]
        assert f"<#{post.id}>" in note["content"] and "tag" in note["content"]


async def test_a_reply_still_being_sent_when_its_lease_ends_is_sent_once(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """discord.py waits out a 429 (here 1.5 s, three times the lease): the retry queue sees
    the post's lease end meanwhile, and must not send the same answer again."""
    fake = fake_discord
    retries = {**FAST_RETRIES, "lease_seconds": 0.5}
    async with start_bot(make_bot(retries=retries)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=429, retry_after=1.5, times=1)
        post = await new_post(fake, 0)
        await post.reply(timeout=10.0)
        await fake.idle(quiet=0.6, timeout=10)  # more than a lease and a poll after the reply
        [limited] = fake.calls_matching("POST", rf"/channels/{post.id}/messages", injected=True)
        assert limited.status == 429  # the slow send happened
        assert len(bot_posts(fake, post.id)) == 1
        assert bot.store.owed == {}


async def test_every_expired_reply_is_reported_when_the_mod_log_is_unreachable(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The expired rows are deleted before they are reported: a connection error on the
    first mod-log line (discord.py passes it through) must not lose the others."""
    import datetime as dt

    import aiohttp

    from bot.cogs.retries import Retries
    from bot.storage import PendingReply
    from bot.storage.base import seconds_from_now, utc_now

    async def unreachable(*_: Any, **__: Any) -> None:
        raise aiohttp.ClientConnectionError("Connect call failed")

    log_channel = int(fake_discord.world.text_channel["id"])
    async with start_bot(make_bot(mod_log_channel_id=log_channel)) as bot:
        channel = bot.get_channel(log_channel)
        monkeypatch.setattr(type(channel), "send", unreachable)
        old = utc_now() - dt.timedelta(hours=13)
        questions = [
            "how is after-tax 401k money taxed on rollover?",
            "what is the 415c limit for after tax",
            "can I split pretax and after-tax to two IRAs",
        ]
        for n, question in enumerate(questions):
            await bot.store.queue_reply(
                PendingReply(
                    "post", 100 + n, 100 + n, seconds_from_now(0), 5, created=old, question=question
                )
            )
        with caplog.at_level(logging.WARNING):
            await Retries(bot).run_once()
        gave_up = [r for r in caplog.records if "gave up on the reply" in r.getMessage()]
        assert len(gave_up) == 3 and bot.store.owed == {}
        assert sorted(q.text for q in bot.store.questions) == sorted(questions)
        assert sum("could not post to the mod log" in r.getMessage() for r in caplog.records) == 3


async def test_a_stop_lets_the_given_up_replies_be_reported(
    fake_discord: FakeDiscord, make_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Expired replies are deleted, then reported one by one (the gaps, the moderator log).
    A stop during the reports cancelled the retry loop there, and the rest were gone
    unreported: no gaps entry, no moderator-log line. A stop lets them finish, as it lets
    replies in progress finish."""
    from bot.storage import PendingReply
    from bot.storage.base import seconds_from_now, utc_now

    log_channel = int(fake_discord.world.text_channel["id"])
    questions = ["is my 1099-R box 5 right?", "415c room left?", "split to two IRAs?"]
    async with start_bot(make_bot(retries=FAST_RETRIES, mod_log_channel_id=log_channel)) as bot:
        channel = bot.get_channel(log_channel)
        send, reporting = type(channel).send, asyncio.Event()

        async def slow_send(self: Any, *args: Any, **kwargs: Any) -> Any:
            reporting.set()
            await asyncio.sleep(0.3)  # (a slow Discord: the stop begins meanwhile)
            return await send(self, *args, **kwargs)

        monkeypatch.setattr(type(channel), "send", slow_send)
        old = utc_now() - dt.timedelta(hours=13)  # (past the 12 hours' max age)
        for n, question in enumerate(questions):
            await bot.store.queue_reply(
                PendingReply(
                    "post", 100 + n, 100 + n, seconds_from_now(0), 3, created=old, question=question
                )
            )
        await asyncio.wait_for(reporting.wait(), timeout=10)
        await bot.close()
        assert bot.store.owed == {}
        assert sorted(q.text for q in bot.store.questions) == sorted(questions)
    notes = [m["content"] for m in fake_discord.world.messages_in(log_channel)]
    assert sum("Gave up" in note for note in notes) == 3, notes


async def test_a_stop_while_expired_replies_are_read_still_reports_them(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The same stop a moment earlier, while the database takes the expired replies out of
    the queue (a busy database): the stop cancelled the read after their rows went, and
    none was reported. A stop lets the read and the reports finish."""
    from bot.storage import PendingReply
    from bot.storage.base import seconds_from_now, utc_now

    expiring, release = asyncio.Event(), asyncio.Event()

    class BusyExpiry(MemoryStore):
        async def expire_replies(self, max_age_seconds: float) -> list[PendingReply]:
            gone = await super().expire_replies(max_age_seconds)
            if gone:  # (their rows gone, the answer on its way back)
                expiring.set()
                await release.wait()
            return gone

    log_channel = int(fake_discord.world.text_channel["id"])
    questions = ["is my 1099-R box 5 right?", "415c room left?"]
    store = BusyExpiry()
    bot = make_bot(store=store, retries=FAST_RETRIES, mod_log_channel_id=log_channel)
    async with start_bot(bot):
        old = utc_now() - dt.timedelta(hours=13)  # (past the 12 hours' max age)
        for n, question in enumerate(questions):
            await store.queue_reply(
                PendingReply(
                    "post", 100 + n, 100 + n, seconds_from_now(0), 3, created=old, question=question
                )
            )
        await asyncio.wait_for(expiring.wait(), timeout=10)
        stopping = asyncio.create_task(bot.close())
        await asyncio.sleep(0.3)
        release.set()
        await asyncio.wait_for(stopping, timeout=10)
        assert store.owed == {}
        assert sorted(q.text for q in store.questions) == sorted(questions)
    notes = [m["content"] for m in fake_discord.world.messages_in(log_channel)]
    assert sum("Gave up" in note for note in notes) == 2, notes


async def test_a_stopping_bot_leaves_expired_replies_to_the_next_start(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A pass of the retry queue that begins once a stop has does not expire anything: its
    reports could not finish (the stop cuts work off after its grace), and the next start
    gives them up and reports them. Not stopping, the same pass gives the reply up."""
    from bot.cogs.retries import Retries
    from bot.storage import PendingReply
    from bot.storage.base import seconds_from_now, utc_now

    async with start_bot(make_bot()) as bot:
        old = utc_now() - dt.timedelta(hours=13)
        owed = PendingReply("post", 100, 100, seconds_from_now(0), 1, created=old, question="x")
        await bot.store.queue_reply(owed)
        bot.stopping = True
        try:
            assert await Retries(bot).run_once() == 0
        finally:
            bot.stopping = False
        assert list(bot.store.owed) == [("post", 100)]
        await Retries(bot).run_once()
        assert bot.store.owed == {}


async def test_a_reply_given_up_at_its_first_try_is_counted_in_words(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A reply owed since before the bot was away longer than retries.max_age_minutes is
    given up at its first try: the moderator log and the operator's log read "after 1
    tries"; they read "after 1 try"."""
    from bot.cogs.retries import Retries
    from bot.storage import PendingReply
    from bot.storage.base import seconds_from_now, utc_now

    log_channel = int(fake_discord.world.text_channel["id"])
    async with start_bot(make_bot(mod_log_channel_id=log_channel)) as bot:
        old = utc_now() - dt.timedelta(hours=13)
        owed = PendingReply("post", 100, 100, seconds_from_now(0), 1, created=old, question="x")
        await bot.store.queue_reply(owed)
        with caplog.at_level(logging.WARNING):
            await Retries(bot).run_once()
        await fake_discord.settle()
    [note] = fake_discord.world.messages_in(log_channel)
    assert "(message 100) after 1 try; last error: none." in note["content"], note["content"]
    [said] = [r.getMessage() for r in caplog.records if "gave up on the reply" in r.getMessage()]
    assert said.endswith("after 1 try (last error: none)"), said


async def test_a_failed_mention_reply_is_retried_under_the_question(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        message = await fake.send_message(
            world.text_channel, f"<@{world.bot_user.id}> {QUESTIONS[0]}", author=world.asker
        )
        await fake.wait_for_call("POST", r"/channels/\d+/messages", injected=True)
        answer = await fake.wait_for_call("POST", r"/channels/\d+/messages", timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.1)
        assert str(answer.json["message_reference"]["message_id"]) == message["id"]
        assert answer.json["embeds"]
        assert len(fake.calls_matching("POST", r"/channels/\d+/messages")) == 1


@pytest.mark.parametrize("times", [1, 5], ids=["503-once", "503-five-times"])
async def test_server_error_on_interaction_callback_is_retried_or_apologised(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    quick_retries: None,
    caplog: pytest.LogCaptureFixture,
    times: int,
) -> None:
    # Interaction callbacks go through discord.py's webhook adapter, which retries any 5xx.
    fake = fake_discord
    async with start_bot(make_bot()):
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=503, times=times)
        with caplog.at_level(logging.ERROR):
            handle = await fake.send_slash_command("ask", {"question": QUESTIONS[2]})
            body = await handle.response(timeout=3.0)
        if times == 1:
            assert body["type"] == 4 and body["data"]["embeds"]
        else:  # it finally failed: logged, and the user gets the short apology instead
            assert body["data"]["flags"] & 64 and body["data"]["content"].startswith("Sorry")
            assert any("/ask failed" in r.getMessage() for r in caplog.records)
        await ask_works(fake)


async def test_an_interaction_answered_too_late_is_one_warning_and_nothing_more(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """An interaction the bot answers after its 3 s (it came late, replayed after a
    reconnect, or the bot was busy) gets Discord's 404 Unknown interaction (10062): that
    was logged as an error with a traceback, a bug of the bot's, and the apology was sent
    to the same dead interaction. Now each is one warning line, and nothing more is sent;
    the next ones are answered as ever."""
    fake = fake_discord
    callback = r"/interactions/\d+/[^/]+/callback"
    async with start_bot(make_bot()):
        ask = await fake.send_slash_command("ask", {"question": QUESTIONS[0]})
        await ask.response()
        vote = next(c for c in custom_ids(ask.message) if c.startswith("rb:vote:"))
        await fake.idle(quiet=0.1)
        fake.rest.interaction_timeout = 0.0  # every answer comes too late
        mark = fake.mark()
        with caplog.at_level(logging.WARNING):
            await fake.send_slash_command("ask", {"question": QUESTIONS[1]})
            await fake.click_button(ask, vote)
            await fake.idle(quiet=0.2)
        late = fake.calls_matching("POST", callback, since=mark)
        assert len(late) == 2 and {c.status for c in late} == {404}  # one try each
        assert [r.levelname for r in caplog.records] == ["WARNING", "WARNING"]
        assert all(r.exc_info is None and "expired" in r.getMessage() for r in caplog.records)
        fake.rest.interaction_timeout = 3.0
        await ask_works(fake)


async def test_an_autocomplete_answered_too_late_is_one_warning_and_nothing_more(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Autocompletes come one a keystroke, and those typed while the bot was away are
    replayed when its session resumes, each past its 3 s: Discord's 404 Unknown
    interaction for each was an ERROR with a traceback in discord.py's log (a burst of
    them after every reconnect on a busy server). Each is one warning line now, as for a
    command, and the next ones are answered as ever."""
    fake = fake_discord
    callback = r"/interactions/\d+/[^/]+/callback"
    typed = (("faq", {"topic": "1099"}, "topic"), ("schedule", {"paychecks": "2"}, "paychecks"))
    async with start_bot(make_bot()):
        await fake.idle(quiet=0.1)
        fake.rest.interaction_timeout = 0.0  # every answer comes too late
        mark = fake.mark()
        with caplog.at_level(logging.WARNING):
            for name, options, focused in typed:
                await fake.send_autocomplete(name, options, focused)
            await fake.idle(quiet=0.2)
        late = fake.calls_matching("POST", callback, since=mark)
        assert len(late) == 2 and {c.status for c in late} == {404}  # one try each
        assert [r.levelname for r in caplog.records] == ["WARNING", "WARNING"]
        assert all(r.exc_info is None and "expired" in r.getMessage() for r in caplog.records)
        fake.rest.interaction_timeout = 3.0
        for name, options, focused in typed:
            answered = await (await fake.send_autocomplete(name, options, focused)).response()
            assert answered["type"] == 8 and answered["data"]["choices"]


async def test_page_and_show_working_buttons_clicked_too_late_are_one_warning_each(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """The entry list's and the stats' page buttons and a calculator's "Show working",
    clicked while the bot was away (replayed as its session resumes) or busy, got Discord's
    404 Unknown interaction: an ERROR with a traceback in discord.py's log each, where
    the other buttons' late clicks are one warning line. Now they are too, and the next
    clicks are answered as ever."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot()):
        faq = await fake.send_slash_command("faq", {})
        await faq.response()
        calc = await fake.send_slash_command("split", {"basis": "1000", "earnings": "5"})
        work = next(c for c in custom_ids((await calc.response())["data"]) if "work" in c)
        stats = await fake.send_slash_command("faq-admin stats", {}, user=world.moderator)
        await stats.response()
        await stats.followup(0)
        [shown] = stats.followup_messages
        assert "rb:stats:1" in custom_ids(shown)  # positive control: a page to go to
        await fake.idle(quiet=0.1)
        fake.rest.interaction_timeout = 0.0  # every answer comes too late
        mark = fake.mark()
        with caplog.at_level(logging.WARNING):
            await fake.click_button(faq, "rb:browse:1")
            await fake.click_button(calc, work)
            await fake.click_button(shown, "rb:stats:1", user=world.moderator)
            await fake.idle(quiet=0.2)
        late = fake.calls_matching("POST", r"/interactions/\d+/[^/]+/callback", since=mark)
        assert len(late) == 3 and {c.status for c in late} == {404}  # one try each
        assert [r.levelname for r in caplog.records] == ["WARNING"] * 3
        assert all(r.exc_info is None and "expired" in r.getMessage() for r in caplog.records)
        fake.rest.interaction_timeout = 3.0
        assert (await (await fake.click_button(faq, "rb:browse:1")).response())["type"] == 7
        assert (await (await fake.click_button(calc, work)).response())["data"]["embeds"]


async def test_a_vote_clicked_too_late_for_its_thanks_still_counts_once(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path
) -> None:
    """A member clicks "Helpful" and the bot's thanks comes after Discord's 3 s (404
    Unknown interaction): the thanks was all that failed, but the vote was dropped with it,
    so the stats moderators read never saw the click. It counts now; clicking again (the
    member saw "This interaction failed") replaces it rather than adding one."""
    fake = fake_discord
    store = SqliteStore(tmp_path / "bot.db")
    try:
        async with start_bot(make_bot(store=store)) as bot:
            ask = await fake.send_slash_command("ask", {"question": QUESTIONS[0]})
            await ask.response()
            up = next(c for c in custom_ids(ask.message) if c.startswith("rb:vote:"))
            entry = up.split(":")[2]
            fake.rest.interaction_timeout = 0.0  # the thanks comes too late
            late = await fake.click_button(ask, up)
            await fake.idle(quiet=0.1)
            assert (await late.response_call()).status == 404
            fake.rest.interaction_timeout = 3.0
            [stats] = [s for s in await bot.store.stats() if s.entry_id == entry]
            assert (stats.helpful, stats.not_helpful) == (1, 0)
            again = await fake.click_button(ask, up)
            assert (await again.response())["data"]["content"].startswith("Thanks")
            await fake.idle(quiet=0.1)
            [stats] = [s for s in await bot.store.stats() if s.entry_id == entry]
            assert (stats.helpful, stats.not_helpful) == (1, 0)
    finally:
        await store.close()


# -- restarts --------------------------------------------------------------------------------
def _stores(kind: str, folder: Path) -> tuple[Store, Callable[[], Store]]:
    """The first bot's store, and how the restarted bot gets its store."""
    if kind == "same-store-object":
        store: Store = MemoryStore()
        return store, lambda: store
    path = folder / "bot.db"
    return SqliteStore(path), lambda: SqliteStore(path)  # a new process opens the file


@pytest.mark.parametrize("kind", ["same-store-object", "sqlite-file-reopened"])
async def test_restarted_bot_does_not_answer_a_post_again(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path, kind: str
) -> None:
    fake = fake_discord
    first_store, reopen = _stores(kind, tmp_path)
    async with start_bot(make_bot(store=first_store)):
        post = await new_post(fake, 0)
        await post.reply()
        await fake.idle()
    await first_store.close()

    second_store = reopen()
    try:
        async with start_bot(make_bot(store=second_store)):
            # e.g. the events were delivered again, or the bot died before Discord saw its ack
            await fake.dispatch("THREAD_CREATE", {**post.thread, "newly_created": True})
            await fake.dispatch("MESSAGE_CREATE", post.starter)
            fresh = await new_post(fake, 1)  # the new instance does answer new posts
            await fresh.reply()
            await fake.idle(quiet=0.2)
            assert len(bot_posts(fake, fresh.id)) == 1
            assert len(bot_posts(fake, post.id)) == 1, "answered again after the restart"
    finally:
        await second_store.close()


@pytest.mark.parametrize("store_up", [True, False])
async def test_a_mention_sent_while_the_bot_was_down_is_answered_at_start(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path, store_up: bool
) -> None:
    """A mention sent while no bot process ran is answered by the next one at start, once;
    one the stopped process answered is not answered again: its claim is in the database,
    or, when the database was down then and recorded nothing, its reply is in the channel."""
    fake, world = fake_discord, fake_discord.world
    path = tmp_path / "bot.db"
    first_store = SqliteStore(path)
    async with start_bot(make_bot(store=first_store)) as bot:
        if not store_up:

            async def down(*_: object) -> bool:
                raise OSError("database is locked")

            bot.store.claim_post = down  # type: ignore[method-assign]
        before = await mention_bot(fake, world.text_channel, 0)
        await wait_until(lambda: bot_replies_to(fake, before) != [])
        await fake.idle()
    await first_store.close()
    missed = await mention_bot(fake, world.text_channel, 1)  # (no session: dropped)
    second_store = SqliteStore(path)
    try:
        async with start_bot(make_bot(store=second_store)):
            await wait_until(lambda: bot_replies_to(fake, missed) != [], timeout=5.0)
            await fake.idle(quiet=0.2)
            assert len(bot_replies_to(fake, missed)) == 1
            assert len(bot_replies_to(fake, before)) == 1, "answered again after the restart"
    finally:
        await second_store.close()


@pytest.mark.parametrize("lost", ["database-down", "database-corrupt"])
async def test_a_post_answered_without_a_record_is_not_answered_again_after_a_restart(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path, lost: str
) -> None:
    """A post answered while the database could not record its claim (down then, "answering
    anyway"), or whose database was moved aside as corrupt at the restart, was answered a
    second time by the catch-up at start: its thread showed the answer, but only the store
    was asked. The catch-up reads the post's messages, and leaves one the bot replied to;
    a post made while the bot was down is still answered."""
    fake = fake_discord
    path = tmp_path / "bot.db"
    first_store = SqliteStore(path)
    async with start_bot(make_bot(store=first_store)) as bot:
        if lost == "database-down":

            async def down(*_: object) -> bool:
                raise OSError("database is locked")

            bot.store.claim_post = down  # type: ignore[method-assign]
        answered = await new_post(fake, 0)
        await answered.reply()
        await fake.idle()
    await first_store.close()
    if lost == "database-corrupt":
        path.write_bytes(b"this is not a database\n" * 200)
    missed = await new_post(fake, 1)  # (no session: dropped, found by the catch-up)
    second_store = SqliteStore(path)
    try:
        async with start_bot(make_bot(store=second_store)):
            await missed.reply(timeout=5.0)
            await fake.idle(quiet=0.2)
            assert len(bot_posts(fake, missed.id)) == 1
            assert len(bot_posts(fake, answered.id)) == 1, "answered again after the restart"
    finally:
        await second_store.close()


async def test_mentions_missed_while_the_bot_was_down_are_not_told_to_slow_down(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A member pinged the bot three times in a minute while it was down (no answer came).
    The catch-up at start answered them as live mentions, through the member's live
    per-minute window: the third got "You're asking quickly" for a message sent long
    before, and the member's next question, asked live a moment later, got silence (told
    to slow down already). Missed mentions are paced by when they were sent, past the
    limit left without a notice, and use up nothing of the member's live window."""
    fake, world = fake_discord, fake_discord.world
    missed = [await mention_bot(fake, world.text_channel, n) for n in range(3)]
    async with start_bot(make_bot(limits={"mention_per_minute": 2})):
        answered = lambda: [m for m in missed if bot_replies_to(fake, m)]  # noqa: E731
        await wait_until(lambda: len(answered()) >= 2, timeout=5.0)
        await fake.idle(quiet=0.2)
        live = await mention_bot(fake, world.text_channel, 3)
        await fake.idle(quiet=0.3)
        replies = [r for m in [*missed, live] for r in bot_replies_to(fake, m)]
        assert not [r["content"] for r in replies if "asking quickly" in r["content"]]
        assert answered() == missed[:2]
        [answer] = bot_replies_to(fake, live)
        assert answer["embeds"], "the live question got no answer"


async def test_a_follow_up_replying_to_the_bot_while_it_was_down_is_answered_at_start(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A follow-up sent as a reply to the bot's answer (no mention) while the bot was down
    is asked of it, as a live one is: the catch-up answers it, as it does a mention; a
    "thanks!" replied so meanwhile still gets no word back."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot()):
        asked = await mention_bot(fake, world.text_channel, 0)
        await wait_until(lambda: bot_replies_to(fake, asked), timeout=5.0)
        [answer] = bot_replies_to(fake, asked)
    thanks = await fake.send_message(
        world.text_channel, "thanks!", author=world.asker, reply_to=answer
    )
    follow_up = await fake.send_message(
        world.text_channel, QUESTIONS[1], author=world.newcomer, reply_to=answer
    )
    async with start_bot(make_bot()):
        await wait_until(lambda: bot_replies_to(fake, follow_up), timeout=5.0)
        await fake.idle(quiet=0.3)
        [reply] = bot_replies_to(fake, follow_up)
        assert reply["embeds"] and not bot_replies_to(fake, thanks)


async def test_a_mention_answering_an_older_question_is_not_answered_again_by_the_queue(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The reply went out but recording it failed once (a store hiccup, or a process dying
    right then), so the queue tries the mention again after the lease. It must find the
    reply, which sits under a question asked 60 chat messages before the mention."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries={**FAST_RETRIES, "lease_seconds": 1.0})) as bot:
        settle = bot.store.settle_reply
        calls: list[int] = []

        async def hiccup(kind: str, message_id: int) -> None:
            calls.append(message_id)
            if len(calls) == 1:
                raise OSError("database is locked")
            await settle(kind, message_id)

        bot.store.settle_reply = hiccup  # type: ignore[method-assign]
        question = await fake.send_message(world.text_channel, QUESTIONS[0], author=world.owner)
        for n in range(60):
            await fake.send_message(world.text_channel, f"chatter {n}", author=world.owner)
        mark = fake.mark()
        await fake.send_message(
            world.text_channel,
            world.bot_user.mention,
            author=world.asker,
            mentions=[world.bot_user],
            reply_to=question,
        )
        await fake.wait_for_call("POST", r"/channels/\d+/messages", since=mark)
        await wait_until(lambda: len(calls) >= 2 and not bot.store.owed, timeout=10.0)
        await fake.idle(quiet=0.3)
        replies = fake.calls_matching("POST", r"/channels/\d+/messages", since=mark)
        assert len(replies) == 1, f"{len(replies)} replies to one mention"
        assert str(replies[0].json["message_reference"]["message_id"]) == str(question["id"])


async def test_a_retried_mention_in_a_posts_opening_message_reads_the_posts_title(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A post in a forum the bot does not watch, asking in its title, with "@Rollover Bot"
    in its body: the first reply failed, and the retry read the message without its post
    (a channel known by id alone), so it asked to be given a question."""
    fake, world = fake_discord, fake_discord.world
    other = world.add_forum_channel(world.guild, "other-forum", tags=("rollover",))
    title = "Can I send the earnings to a traditional IRA and the basis to my Roth IRA?"
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        post = await fake.post_forum_thread(
            title, world.bot_user.mention, author=world.asker, forum=other
        )
        await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
        await wait_until(lambda: not bot.store.owed, timeout=8.0)
        await fake.idle(quiet=0.1)
        [answer] = bot_posts(fake, post.id)
        assert answer.json.get("embeds") and "Ask me after the mention" not in str(answer.json)


@pytest.mark.parametrize("how", ["archived", "locked"])
async def test_a_mention_owed_in_a_post_closed_meanwhile_is_left_alone(
    fake_discord: FakeDiscord, make_bot, start_bot, how: str
) -> None:
    """A reply sent into a closed post reopens it: the post's own owed answer was already
    given up when the post closed, and now an owed mention reply in it is too. So is one
    in a post a moderator locked (and left open): their decision too."""
    fake, world = fake_discord, fake_discord.world
    other = world.add_forum_channel(world.guild, "other-forum", tags=("rollover",))
    async with start_bot(make_bot(retries=SLOW_FIRST_RETRY)) as bot:
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)
        post = await fake.post_forum_thread(
            "Split?", f"{world.bot_user.mention} can I split basis and earnings?", forum=other
        )
        await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
        post.thread["thread_metadata"].update({how: True})
        await fake.dispatch("THREAD_UPDATE", post.thread)
        await wait_until(lambda: not bot.store.owed, timeout=8.0)
        await fake.idle(quiet=0.1)
        assert not [c for c in bot_posts(fake, post.id) if not c.injected]
        assert post.thread["thread_metadata"][how]


async def retried_after_an_edit(
    fake: FakeDiscord, bot: Any, message: dict, question: str
) -> list[Any]:
    """``message`` edited into a mention of the bot asking ``question`` while Discord
    refuses the answer once (a 503): the messages posted since, once the retry queue has
    settled the reply it owed."""
    mark = fake.mark()
    fake.fail_next("POST", r"/channels/\d+/messages", status=503)
    await fake.edit_message(message, f"{fake.world.bot_user.mention} {question}")
    await fake.wait_for_call("POST", r"/channels/\d+/messages", injected=True, since=mark)
    await wait_until(lambda: any(r.last_error for r in bot.store.owed.values()))
    await wait_until(lambda: not bot.store.owed, timeout=8.0)
    await fake.idle(quiet=0.1)
    return fake.calls_matching("POST", r"/channels/\d+/messages", since=mark)


@pytest.mark.parametrize("greeting", ["", " hi"], ids=["bare", "greeting"])
async def test_a_question_edited_into_a_bare_mention_is_answered_by_its_retry(
    fake_discord: FakeDiscord, make_bot, start_bot, greeting: str
) -> None:
    """A bare "@Rollover Bot" got "Ask me after the mention" ("@Rollover Bot hi", "Hi! Ask
    me after the mention"); the member edited the question in, and Discord refused that
    answer (503). Its retry must answer the question: the prompt under the message, greeted
    or not, is no answer to it (the greeted one was taken for the answer: silence)."""
    fake, world = fake_discord, fake_discord.world
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        bare = await fake.send_message(
            world.text_channel, world.bot_user.mention + greeting, author=world.asker
        )
        await fake.idle(quiet=0.1)
        [prompt] = bot_posts(fake, world.text_channel["id"])
        assert "Ask me after the mention" in prompt.json["content"]
        answers = await retried_after_an_edit(fake, bot, bare, QUESTIONS[0])
        assert len(answers) == 1, f"{len(answers)} answers to the question edited in"
        assert str(answers[0].json["message_reference"]["message_id"]) == bare["id"]
        assert answers[0].json.get("embeds")


async def test_a_pointer_to_an_earlier_answer_whose_response_was_lost_is_not_sent_twice(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """A second "@bot" under a question already answered gets a link to that answer;
    Discord posted the link but its response never reached the bot. The retry must find
    the link under the mention (not under the question, where the answer is) and send
    nothing more."""
    fake, world = fake_discord, fake_discord.world
    channel = world.text_channel["id"]
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        asked = await fake.send_message(world.text_channel, QUESTIONS[0], author=world.newcomer)
        await fake.send_message(
            world.text_channel, world.bot_user.mention, author=world.asker, reply_to=asked
        )
        await fake.idle(quiet=0.1)
        mark = fake.mark()
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, after_route=True)
        await fake.send_message(
            world.text_channel, world.bot_user.mention, author=world.moderator, reply_to=asked
        )
        await fake.wait_for_call("POST", rf"/channels/{channel}/messages", injected=True)
        await wait_until(lambda: bot.store.owed != {}, timeout=2.0)
        await wait_until(lambda: not bot.store.owed, timeout=5.0)
        await fake.idle(quiet=0.2)
        pointers = [
            c
            for c in fake.calls_matching("POST", rf"/channels/{channel}/messages", since=mark)
            if "answered that question already" in (c.json.get("content") or "")
        ]
        assert len(pointers) == 0, f"{len(pointers)} more links after the lost one"


async def test_a_mention_edited_into_an_unsure_post_is_answered_by_its_retry(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    """The bot was not sure about a post (its one line and a menu); the asker added
    "@Rollover Bot" and a question by an edit, and Discord refused that answer (503). Its
    retry must answer the question: the unsure line under the post is no answer to it."""

    fake = fake_discord
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        post = await unsure_post(fake)
        await fake.idle(quiet=0.1)
        answers = await retried_after_an_edit(fake, bot, post.starter, QUESTIONS[0])
        assert len(answers) == 1, f"{len(answers)} answers to the question edited in"
        assert str(answers[0].json["message_reference"]["message_id"]) == post.starter["id"]
        assert answers[0].json.get("embeds")


@pytest.mark.parametrize("status", [503, 0], ids=["503", "connection-dropped"])
async def test_a_mention_answering_a_post_whose_tag_discord_failed_is_tagged_by_the_retry(
    fake_discord: FakeDiscord, make_bot, start_bot, status: int
) -> None:
    """The asker of a post the bot was unsure about edits "@Rollover Bot" and a question
    into it: the answer went out but Discord failed the post's answered tag, which was
    only logged, so helpers saw an answered post as unanswered for good. The mention stays
    owed, as a post's own answer does, and its retry tags the post without answering again."""
    fake = fake_discord
    async with start_bot(make_bot(retries=FAST_RETRIES)) as bot:
        post = await unsure_post(fake)
        await fake.idle(quiet=0.1)
        fake.fail_next("PATCH", rf"/channels/{post.id}", status=status)
        await fake.edit_message(post.starter, f"{fake.world.bot_user.mention} {QUESTIONS[0]}")
        await fake.wait_for_call("PATCH", rf"/channels/{post.id}", injected=True)
        assert "bot-answered" not in post.tags
        await wait_until(lambda: "bot-answered" in post.tags, timeout=5.0)
        await wait_until(lambda: not bot.store.owed)
        await fake.idle(quiet=0.1)
        [_unsure, answer] = post.replies
        assert answer["embeds"] and answer["message_reference"]["message_id"] == str(post.id)


async def test_a_stop_while_schedule_draws_its_chart_lets_the_chart_go(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """/schedule acknowledges at once ("thinking..."), then draws its chart in a thread
    for a moment. A stop then (a deploy's restart) let only /ask's replies finish: it
    closed the connection under the chart, whose reply failed ('Session is closed'), and
    the member was left with "thinking..." until Discord said the application did not
    respond. The stop lets it finish, as /ask: the chart is sent."""
    from calculators import chart  # (the cog takes it from there as it loads)

    drawing, drawn = asyncio.Event(), asyncio.Event()
    render = chart.render_schedule_chart_async

    async def held(*args: Any, **kwargs: Any) -> bytes:
        drawing.set()
        await drawn.wait()  # (the chart still being drawn as the stop begins)
        return await render(*args, **kwargs)

    monkeypatch.setattr(chart, "render_schedule_chart_async", held)
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot()) as bot:
        handle = await fake_discord.send_slash_command(
            "schedule",
            {"annual": "30000", "paychecks": 26, "conversions": 4, "annual_return": "8%"},
        )
        assert (await handle.response())["type"] == 5  # ("thinking...")
        await asyncio.wait_for(drawing.wait(), 5)
        await stop_while_held(bot, caplog, drawn.set)  # the stop
        sent = [c for c in handle.calls if c.method == "POST" and c.files]
        assert len(sent) == 1, "the chart was never sent"
        assert "schedule.png" in [part.filename for part in sent[0].files]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_a_stop_lets_the_catch_up_forget_a_post_deleted_while_the_bot_was_down(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A member deleted their unsure post while no bot ran; at the next start the catch-up
    finds it gone and forgets the words the bot kept of it. A stop (a deploy's next
    restart) while that forgetting waited on the database did not wait for it, as it does
    for a live deletion: the store closed under it, and the member's words stayed in the
    moderators' gaps and review queue. The stop lets it finish: they are gone."""
    fake = fake_discord
    path = tmp_path / "bot.db"
    async with start_bot(make_bot(store=SqliteStore(path))) as bot:
        deleted = await unsure_post(fake)
        await fake.idle(quiet=0.2)
        assert len(await bot.store.gaps(None)) == 1  # (its words kept)
    await fake.delete_thread(deleted.thread)  # (no bot running: no one hears it)

    forgetting, forgotten = asyncio.Event(), asyncio.Event()

    class Held(SqliteStore):
        async def forget_asked(self, *args: Any, **kwargs: Any) -> int:
            forgetting.set()
            await forgotten.wait()  # (the database busy as the stop begins)
            return await super().forget_asked(*args, **kwargs)

    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot(store=Held(path)), settle=None) as bot:
        await asyncio.wait_for(forgetting.wait(), 5)  # (the catch-up found it deleted)
        await stop_while_held(bot, caplog, forgotten.set)  # the stop
    async with SqliteStore(path) as store:
        assert await store.gaps(None) == [], "the deleted post's words stayed"


async def test_a_stop_while_discord_is_slow_to_take_a_calculators_result_lets_it_go(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """/split's result, Discord a moment slow to take it (a 502, which discord.py tries
    again a second later), just before a stop (a deploy): the stop did not wait for it, as
    it does for /ask's answer, and closed the connection under the retry, so the member
    read "The application did not respond". The stop lets it go."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot()) as bot:
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=502, delay=0.5)
        held = fake.rest.faults[-1]
        handle = await fake.send_slash_command("split", {"basis": "$1,000", "earnings": "5"})
        await wait_until(lambda: held.remaining == 0)  # (Discord holds its result)
        await stop_while_held(bot, caplog, lambda: None)  # the stop (Discord lets go itself)
        taken = [c for c in handle.calls if c.method == "POST" and c.status == 200]
        assert taken, "the result never reached Discord"
        assert "$1,005.00" in str((await handle.response())["data"])


async def test_a_stop_while_discord_is_slow_to_take_a_results_working_lets_it_go(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """*Show working* under a calculator's result, Discord a moment slow to take the steps
    (a 502, tried again a second later), just before a stop: as for the result itself, the
    stop closed the connection under the retry ("The application did not respond"). The
    stop lets the steps go."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(make_bot()) as bot:
        handle = await fake.send_slash_command("split", {"basis": "$1,000", "earnings": "5"})
        [work] = [c for c in custom_ids((await handle.response())["data"]) if "work" in c]
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=502, delay=0.5)
        held = fake.rest.faults[-1]
        click = await fake.click_button(handle, work)
        await wait_until(lambda: held.remaining == 0)  # (Discord holds the steps)
        await stop_while_held(bot, caplog, lambda: None)  # the stop (Discord lets go itself)
        taken = [c for c in click.calls if c.method == "POST" and c.status == 200]
        assert taken, "the steps never reached Discord"
        assert "How it is worked out" in str((await click.response())["data"])
