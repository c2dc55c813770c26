"""Several bot processes on one PostgreSQL database and one fake Discord.

Every forum post is answered exactly once: when two processes receive the same events
(the same shard in both during a hand-over), when a process is killed (SIGKILL, a real
process) in the middle of sending a reply, and when it restarts and sees the post again.
What the processes record (served counts, votes, the retry queue) is one set of figures.
A process stopped as a supervisor or a terminal stops it (SIGTERM, Ctrl-C) closes cleanly.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import signal
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.app import create_bot
from bot.storage import PostgresStore, SqliteStore
from knowledge.base import KnowledgeBase
from tests.bot_process import COMMAND as BOT_COMMAND
from tests.fakediscord import FakeDiscord, wait_until
from tests.fakediscord import payloads as P
from tests.postgres_server import server_stopped, warnings_only
from tests.reply_checks import bot_posts

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Can I send the earnings to a traditional IRA and the after-tax basis to my Roth IRA?",
    # (Asked under titles that name the test, not the question: "Killed mid-reply" took
    # "What does IRS Notice 2014-54 allow ...?" under the answer threshold, 69.)
    "What is IRS Notice 2014-54, and what does it allow for after-tax 401(k) money?",
    "Which 1099-R codes will I see after rolling after-tax money to a Roth IRA?",
    "How is a partial distribution from the after-tax account taxed, is it pro-rata?",
    "How much after-tax room do I have under the 415(c) annual additions limit?",
]
#: Retry-queue settings for tests: a reply in flight is trusted for one second only.
FAST = {"poll_seconds": 0.1, "lease_seconds": 1.0, "first_delay_seconds": 0.2}


def two_shards(fake: FakeDiscord) -> int:
    """Two shards, one guild on each; returns the shard of the guild with the forum."""
    world = fake.world
    fake.gateway.shard_count = 2
    ours = (world.guild.id >> 22) % 2
    world.add_guild("Second server", shard=(1 - ours, 2))
    return ours


def answers_posted(fake: FakeDiscord, thread_ids: list[Any]) -> int:
    """Replies that answered with an entry (not the unsure line with suggestions)."""
    return sum(1 for t in thread_ids for call in bot_posts(fake, t) if call.json.get("embeds"))


async def served_reaches(url: str, count: int) -> None:
    deadline = time.monotonic() + 10.0
    while await served_total(url) < count:
        assert time.monotonic() < deadline, f"served never reached {count}"
        await asyncio.sleep(0.05)


async def served_total(url: str) -> int:
    async with PostgresStore(url) as store:
        return sum(row.served for row in await store.stats())


async def test_two_processes_given_the_same_events_answer_each_post_once(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, start_bot, postgres_url: str
) -> None:
    """During a hand-over both processes run the same shard and receive the same events
    (here: delivered to both sessions at once, as a replay would)."""
    fake, gateway = fake_discord, fake_discord.gateway

    def process() -> Any:
        settings = make_settings(database={"url": postgres_url}, retries=FAST)
        return create_bot(settings, kb, PostgresStore(postgres_url))

    async with start_bot(process()) as old:
        first_session = gateway.sessions[0]
        only_old = await fake.post_forum_thread("Before the hand-over", QUESTIONS[0])
        await only_old.reply()  # positive control: the old process answers
        async with start_bot(process()) as new:
            second_session = gateway.sessions[0]
            assert second_session is not first_session
            only_new = await fake.post_forum_thread("After the hand-over", QUESTIONS[1])
            await only_new.reply()  # and the new one does
            posts = []
            for n in range(4):
                thread = fake.world.add_thread(
                    fake.world.forum, f"Seen twice {n}", owner=fake.world.asker
                )
                starter = fake._user_message(
                    thread, fake.world.asker, QUESTIONS[n], message_id=int(thread["id"])
                )
                posts.append(thread)
                for session in (first_session, second_session):
                    await gateway.deliver(
                        session, "THREAD_CREATE", {**thread, "newly_created": True}
                    )
                for session in (second_session, first_session):
                    await gateway.deliver(session, "MESSAGE_CREATE", starter)
            await fake.idle(quiet=0.2)
            for thread in posts:
                assert len(bot_posts(fake, thread["id"])) == 1, thread["name"]
            assert await old.store.pending_replies() == []
            assert await new.store.pending_replies() == []
            threads = [only_old.id, only_new.id, *(t["id"] for t in posts)]
            answered = answers_posted(fake, threads)
    # one figure, whichever process answered
    assert answered >= 4 and await served_total(postgres_url) == answered


async def test_two_processes_given_the_same_mention_answer_it_once(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, start_bot, postgres_url: str
) -> None:
    """A mention during a hand-over reaches both processes: one reply, not two."""
    fake, gateway, world = fake_discord, fake_discord.gateway, fake_discord.world

    def process() -> Any:
        settings = make_settings(database={"url": postgres_url}, retries=FAST)
        return create_bot(settings, kb, PostgresStore(postgres_url))

    def mention(question: str) -> dict[str, Any]:
        return fake._user_message(
            world.text_channel,
            world.asker,
            f"{world.bot_user.mention} {question}",
            mentions=[world.bot_user],
        )

    async with start_bot(process()) as old:
        first_session = gateway.sessions[0]
        async with start_bot(process()) as new:
            second_session = gateway.sessions[0]
            mark = fake.mark()
            # positive control: one session only, and that process answers it
            await gateway.deliver(first_session, "MESSAGE_CREATE", mention(QUESTIONS[2]))
            await fake.wait_for_call("POST", r"/channels/\d+/messages", since=mark)
            messages = [mention(q) for q in QUESTIONS[:3]]
            for message in messages:
                for session in (first_session, second_session):
                    await gateway.deliver(session, "MESSAGE_CREATE", message)
            await fake.idle(quiet=0.2)
            replies = fake.calls_matching("POST", r"/channels/\d+/messages", since=mark)
            answered = [str(c.json["message_reference"]["message_id"]) for c in replies]
            assert set(answered) >= {str(m["id"]) for m in messages}, answered
            assert len(set(answered)) == len(answered) == 4, answered  # each mention once
            assert await old.store.pending_replies() == []
            assert await new.store.pending_replies() == []


async def test_two_processes_given_a_mention_edited_into_a_quiet_post_answer_it_once(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, start_bot, postgres_url: str
) -> None:
    """The bot said nothing under a post; its asker edits "@Rollover Bot" in, and the edit
    reaches both processes of a hand-over: one reply, not two (the post's own claim was
    taken when it came, so the mention had only each process's memory to claim it)."""
    fake, gateway, world = fake_discord, fake_discord.gateway, fake_discord.world
    title, body = "Roth 401k or traditional?", "Which one suits my tax bracket better?"

    def process() -> Any:
        settings = make_settings(database={"url": postgres_url}, retries=FAST)
        return create_bot(settings, kb, PostgresStore(postgres_url))

    def quiet_post() -> dict[str, Any]:
        thread = world.add_thread(world.forum, title, owner=world.asker)
        return fake._user_message(thread, world.asker, body, message_id=int(thread["id"]))

    async def edit_in_mention(starter: dict[str, Any], sessions: list[Any]) -> None:
        starter["content"] = f"{world.bot_user.mention} {body}"
        starter["mentions"] = [P.user_payload(world.bot_user)]
        starter["edited_timestamp"] = P.now_iso()
        for session in sessions:
            await gateway.deliver(session, "MESSAGE_UPDATE", starter)

    async with start_bot(process()) as old:
        first = gateway.sessions[0]
        async with start_bot(process()) as new:
            second = gateway.sessions[0]
            starters = [quiet_post(), quiet_post()]
            for starter in starters:
                thread = fake._channel(starter["channel_id"])
                for session in (first, second):  # the post reaches both
                    await gateway.deliver(
                        session, "THREAD_CREATE", {**thread, "newly_created": True}
                    )
                    await gateway.deliver(session, "MESSAGE_CREATE", starter)
            await fake.idle(quiet=0.3)
            assert all(bot_posts(fake, s["channel_id"]) == [] for s in starters)
            # positive control: the edit reaches one session only, and is answered
            await edit_in_mention(starters[0], [first])
            await edit_in_mention(starters[1], [first, second])
            await fake.idle(quiet=0.3)
            assert [len(bot_posts(fake, s["channel_id"])) for s in starters] == [1, 1]
            assert await old.store.pending_replies() == []
            assert await new.store.pending_replies() == []


async def test_a_database_restarted_under_the_bot_is_one_warning_and_loses_no_owed_reply(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL restarted (an upgrade, a failover) under a running bot: the retry queue's
    every pass, each `retries.poll_seconds` (10 s), logged an ERROR with a 40-line traceback
    for as long as the server was down (a few minutes' maintenance: dozens, from each
    process). It is one warning now, and one line when the server is back; the reply owed
    meanwhile is sent then."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot.cogs.retries")
    retries = {**FAST, "first_delay_seconds": 2.0}
    settings = make_settings(database={"url": postgres_url}, retries=retries)
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        owed = await owe_a_reply(fake, bot)
        with server_stopped(postgres_server):
            await asyncio.sleep(1.5)  # (the retry queue looked at it 15 times meanwhile)
        await owed.reply(timeout=15)  # sent once the database is back
        await rest_quiet(fake, 0.3)
        assert len(owed.replies) == 1
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.cogs.retries"]
    assert [level for level, _ in said] == ["WARNING", "INFO"], said
    assert said[0][1].startswith(
        "the retry queue cannot use the database (the PostgreSQL database cannot be reached: "
    ), said
    assert "owed replies are tried once it can again" in said[0][1]
    assert said[1][1] == "the retry queue reaches the database again"


async def test_a_database_turned_read_only_is_one_warning_and_loses_no_owed_reply(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL refusing writes under a running bot (default_transaction_read_only, as
    some hosts set it on a nearly full disk; the URL's host a standby after a failover):
    the retry queue's every pass, each `retries.poll_seconds` (10 s), logged an ERROR with
    the driver's traceback for as long as it lasted. It is one warning saying the server
    accepts no writes, and one line when it does again; the reply owed is sent then."""
    from tests.postgres_server import run_sql

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot.cogs.retries")
    name = postgres_url.partition("@/")[2].partition("?")[0]
    settings = make_settings(database={"url": postgres_url}, retries={**FAST})
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        owed = await owe_a_reply(fake, bot)
        passes = 0  # the retry queue's looks while the server refuses writes
        expire = bot.store.expire_replies

        async def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal passes
            passes += 1
            return await expire(*args, **kwargs)

        run_sql(postgres_server, f"ALTER DATABASE {name} SET default_transaction_read_only = on")
        await bot.store._pool.expire_connections()  # (each replaced at its next use)
        bot.store.expire_replies = counted
        await wait_until(lambda: passes >= 5, timeout=10.0)  # (refused on each of them)
        assert not owed.replies
        run_sql(postgres_server, f"ALTER DATABASE {name} RESET default_transaction_read_only")
        await bot.store._pool.expire_connections()
        await owed.reply(timeout=15)  # sent once it accepts writes again
        await rest_quiet(fake, 0.3)
        assert len(owed.replies) == 1
    logged = warnings_only(caplog)
    said = [(r.levelname, r.getMessage()) for r in logged if r.name == "bot.cogs.retries"]
    assert [level for level, _ in said] == ["WARNING", "INFO"], said
    assert said[0][1].startswith(  # (not "cannot reach": it answers, and refuses writes)
        "the retry queue cannot use the database (the PostgreSQL server accepts no writes "
        "(cannot execute "
    ), said
    assert said[1][1] == "the retry queue reaches the database again"


async def test_a_database_down_under_a_post_is_a_line_per_record_lost_not_a_traceback(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL down under a running bot (a restart, a failover): a post is answered
    anyway, as promised, but each record it could not write (its claim, its reply, its
    statistics, the retry queue) logged an ERROR with the driver's 40-line traceback, four
    a post for as long as the server was down, as if the bot were broken. Each is one
    warning line now, saying what was not recorded and that the database is out of reach."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))):
        control = await fake.post_forum_thread("Control", QUESTIONS[0])
        await control.reply()  # positive control: it answers
        await fake.settle()  # (its records written)
        with server_stopped(postgres_server):
            post = await fake.post_forum_thread("Asked while the database is down", QUESTIONS[1])
            await post.reply(timeout=15)  # answered anyway
            await rest_quiet(fake, 0.3)
    said = warnings_only(caplog)
    lost = [r.getMessage() for r in said if "cannot be reached" in r.getMessage()]
    assert any(f"forum post {post.id}" in line for line in lost), lost
    assert any("question statistics" in line for line in lost), lost


async def test_a_post_while_the_database_servers_disk_is_full_is_a_line_per_record_lost(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The PostgreSQL server's disk full under a running bot: a post was answered, but
    each record it could not write (its claim, the question, its statistics, its reply)
    logged an ERROR with the driver's traceback (DiskFullError), as if the bot were broken,
    where a database out of reach is a warning line. Each is one warning saying the
    server's disk is full; once there is room, a post's records are kept again."""
    from tests.full_disk import fill_up
    from tests.postgres_server import database_on_small_disk

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    with database_on_small_disk(postgres_server) as (url, disk):
        settings = make_settings(database={"url": url}, retries=FAST)
        async with start_bot(create_bot(settings, kb, PostgresStore(url))):
            fill_up(disk)
            post = await fake.post_forum_thread("Asked on a full disk", QUESTIONS[1])
            await post.reply(timeout=15)  # answered anyway
            await rest_quiet(fake, 0.3)
            said = [r.getMessage() for r in warnings_only(caplog)]
            full = [line for line in said if "the PostgreSQL server's disk is full" in line]
            assert any(f"forum post {post.id}" in line for line in full), said
            assert any("question statistics" in line for line in full), said
            assert await served_total(url) == 0
            (disk / "filler").unlink()
            later = await fake.post_forum_thread("Asked once there is room", QUESTIONS[0])
            await later.reply(timeout=15)
            await served_reaches(url, 1)  # (recorded again)


async def test_a_reload_not_announced_while_the_database_is_down_is_one_warning(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A FAQ reload (a /faq-admin edit, a file saved) while PostgreSQL is down or refuses
    writes: it could not be announced to the other processes, and the log had an ERROR
    with the driver's traceback, where the other records an outage stops are one warning
    (the other processes reload when their listening connection is back). The reload is
    made and the announcement lost is one warning saying why."""
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        assert (await bot.reload_faq("test")).ok  # positive control: announced, no word
        assert not [r for r in caplog.records if "about the reload" in r.getMessage()]
        with server_stopped(postgres_server):
            assert (await bot.reload_faq("test")).ok
    lost = [r for r in warnings_only(caplog) if "about the reload" in r.getMessage()]
    assert [r.levelname for r in lost] == ["WARNING"], lost
    assert "the PostgreSQL database cannot be reached" in lost[0].getMessage()


async def test_a_vote_while_the_database_is_down_is_one_reply_and_one_warning(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A vote pressed while PostgreSQL was down (a restart, a failover): the member read
    "Thanks!", then "Something went wrong" under it, and the log had an ERROR with the
    driver's traceback, as if the bot were broken. The thanks now becomes one message
    saying the vote was not recorded and to vote again, and the log has one warning."""
    from bot.views import VOTE_NOT_RECORDED

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        asked = await fake.send_slash_command("ask", {"question": QUESTIONS[1]})
        [embed] = (await asked.response())["data"]["embeds"]
        entry = next(i for i, e in bot.knowledge.entries.items() if e.title == embed["title"])
        vote = f"rb:vote:{entry}:up"
        control = await fake.click_button(asked, vote)  # positive control: recorded
        assert "Thanks" in (await control.response())["data"]["content"]
        await wait_until_async(lambda: voted(bot, entry, 1))
        await fake.settle()  # (the control's work done: clicks in the outage do not settle)
        with server_stopped(postgres_server):
            # (At once, as the other clicks in an outage: the driver's reconnecting is a
            # task that runs until the server is back, so "the bot is idle" never comes.)
            down = await fake.click_button(
                asked, f"rb:vote:{entry}:down", user=fake.world.owner, settle=False
            )
            assert "Thanks" in (await down.response())["data"]["content"]
            said = await down.edit(timeout=15)
            await rest_quiet(fake, 0.3)
        assert said["content"] == VOTE_NOT_RECORDED
        assert down.message is not None and down.message["content"] == VOTE_NOT_RECORDED
        assert not [c for c in down.calls if c.method == "POST" and "/webhooks/" in c.path]
        assert await voted(bot, entry, 1)  # (the first vote only)
    logged = warnings_only(caplog)
    lost = [r for r in logged if "could not record a vote" in r.getMessage()]
    assert [r.levelname for r in lost] == ["WARNING"], lost
    assert "cannot be reached" in lost[0].getMessage()


async def test_a_database_held_up_by_a_lock_tells_moderators_why_in_a_line_each(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Another session holding a lock past the query timeout (a psql session left in a
    transaction, a migration): a moderator's /faq-admin stats read "Sorry, something went
    wrong", and the log had an ERROR with the driver's traceback for it, for a member's
    vote, and for each pass of the retry queue (every retries.poll_seconds) while it
    lasted. The moderator reads that the database keeps the bot's queries waiting, to pass
    on; the member that their vote was not recorded; the log a warning line for each,
    naming the lock, and one for the retry queue."""
    from bot.replies import database_away
    from bot.storage import DatabaseUnavailable
    from bot.storage.postgres import HELD_UP
    from bot.views import VOTE_NOT_RECORDED

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    store = PostgresStore(postgres_url, query_timeout=0.5)
    async with (
        start_bot(create_bot(settings, kb, store)) as bot,
        PostgresStore(postgres_url) as other,
    ):
        asked = await fake.send_slash_command("ask", {"question": QUESTIONS[1]})
        [embed] = (await asked.response())["data"]["embeds"]
        entry = next(i for i, e in bot.knowledge.entries.items() if e.title == embed["title"])
        assert (await stats_said(fake))["embeds"]  # positive control: the stats are shown
        pool = await other._pool_ready()
        async with pool.acquire() as db, db.transaction():
            await db.execute("LOCK TABLE served, votes, pending_replies IN ACCESS EXCLUSIVE MODE")
            held_up = await stats_said(fake)
            assert held_up["content"] == database_away(DatabaseUnavailable("", problem=HELD_UP))
            vote = await fake.click_button(asked, f"rb:vote:{entry}:up", settle=False)
            assert "Thanks" in (await vote.response())["data"]["content"]
            assert (await vote.edit(timeout=15))["content"] == VOTE_NOT_RECORDED
            await wait_until(lambda: said_by_retries(caplog), timeout=15)
        assert (await stats_said(fake))["embeds"]  # the lock gone, shown again
    logged = [r.getMessage() for r in warnings_only(caplog)]
    lock = "a query waited past its timeout on the PostgreSQL server: a lock another session"
    assert any(m.startswith("command /faq-admin stats could not use") for m in logged), logged
    assert any(m.startswith("could not record a vote") and lock in m for m in logged), logged
    assert len(said_by_retries(caplog)) == 1 and lock in said_by_retries(caplog)[0]


@pytest.mark.parametrize("lock", ["released during the stop", "held through it"])
async def test_a_vote_waiting_on_a_lock_at_a_stop_is_recorded_or_the_member_told(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    lock: str,
) -> None:
    """A vote whose write waited on a lock another session held (a migration, a psql
    session) as the bot was stopped (a deploy): the stop closed Discord, then dropped the
    write with the database's connections, so the member's "Thanks!" stood for a vote lost,
    and the log had two ERRORs with tracebacks ("Session is closed") from telling them.
    The stop lets the vote finish as it lets a reply: recorded if the lock goes within its
    grace; else cut off, and the member's thanks becomes "your vote could not be recorded",
    with one warning line."""
    from bot.views import VOTE_NOT_RECORDED

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with (
        start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot,
        PostgresStore(postgres_url) as other,
    ):
        asked = await fake.send_slash_command("ask", {"question": QUESTIONS[1]})
        [embed] = (await asked.response())["data"]["embeds"]
        entry = next(i for i, e in bot.knowledge.entries.items() if e.title == embed["title"])
        await fake.settle()  # (the start's own work done: only the vote is in progress)

        async def click() -> Any:
            vote = await fake.click_button(asked, f"rb:vote:{entry}:up", settle=False)
            assert "Thanks" in (await vote.response())["data"]["content"]
            return vote

        released = lock == "released during the stop"
        vote = await stopped_while_locked(bot, other, caplog, "votes", released, click)
        recorded = await voted(other, entry, 1)
    edits = [c.json["content"] for c in vote.calls if c.method == "PATCH"]
    if released:
        assert recorded and edits == []  # the thanks stands for a vote kept
    else:
        assert not recorded and edits == [VOTE_NOT_RECORDED]
        assert said(caplog, f"stopping: a vote on {entry} cut off before it was recorded")
        # (not "sent at the next start": no vote is)
        assert said(caplog, "cut off (1): replies owed 0, each sent at the next start; other")
    warnings_only(caplog)


@pytest.mark.parametrize("lock", ["released during the stop", "held through it"])
async def test_a_pointed_answer_waiting_on_a_lock_at_a_stop_is_recorded_or_cut_off(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    lock: str,
) -> None:
    """A helper's "Answer with FAQ" posted, its records (the served count, the taught
    example moderators review) waiting on a lock another session held, as the bot was
    stopped: the stop closed Discord, then dropped the writes with the database's
    connections, so the example was lost, the log said the database "cannot be reached",
    and the helper was never told the answer was posted. The stop lets it finish as the
    bot's own replies: recorded if the lock goes within its grace; else cut off, one
    warning, and the helper told it was posted."""
    from tests.test_bot_e2e import picker_on

    fake, world = fake_discord, fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with (
        start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot,
        PostgresStore(postgres_url) as other,
    ):
        message = await fake.send_message(world.text_channel, QUESTIONS[4], author=world.newcomer)
        await fake.settle()  # (its own answer given: only the pointed one is in progress)
        handle, _, select = await picker_on(fake, message, world.asker)

        async def pick() -> Any:
            picked = await fake.select(
                handle, select["custom_id"], ["contribution-limits"], settle=False
            )
            await picked.response()
            return picked

        released = lock == "released during the stop"
        picked = await stopped_while_locked(bot, other, caplog, "served, taught", released, pick)
        taught = await other.taught()
    told = [c.json["content"] for c in picked.calls if c.method == "PATCH"]
    assert told == [
        "Posted **How much can I put in as after-tax contributions?** under the message."
    ]
    if released:
        assert [t.entry_id for t in taught] == ["contribution-limits"]
    else:
        assert taught == []
        assert said(caplog, "stopping: recording the pointed answer")
        assert said(caplog, "cut off (1): replies owed 0, each sent at the next start; other")
    warnings_only(caplog)


@pytest.mark.parametrize("lock", ["released during the stop", "held through it"])
async def test_not_what_i_asked_waiting_on_a_lock_at_a_stop_is_recorded_or_the_member_told(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    lock: str,
) -> None:
    """ "Not what I asked" pressed as the bot was stopped (a deploy), its records (the
    rejection, the vote, the miss moderators review) waiting on a lock another session
    held: the answer was deleted and the member read "A person will take a look", but the
    stop did not wait for the records, closed Discord and dropped them with the database's
    connections, so no moderator heard of it and the member was never told. The stop lets
    it finish as a vote: recorded if the lock goes within its grace; else cut off, one
    warning, and the member told it could not be passed on."""
    from bot.views import REMOVED_UNRECORDED
    from tests.fakediscord import custom_ids
    from tests.test_bot_e2e import mention_in_text_channel

    fake, world = fake_discord, fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with (
        start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot,
        PostgresStore(postgres_url) as other,
    ):
        answer = await mention_in_text_channel(fake, QUESTIONS[1])
        await fake.settle()  # (its own answer given: only the removal is in progress)
        miss = next(c for c in custom_ids(answer.json) if c.startswith("rb:miss:"))

        async def click() -> Any:
            removed = await fake.click_button(answer.response, miss, user=world.asker, settle=False)
            assert (await removed.response())["data"]["content"].startswith("Removed. A person")
            return removed

        released = lock == "released during the stop"
        tables = "pending_replies, rejected_answers, votes, questions"
        # (Its first write: the answer's reply no longer owed.)
        settled = "DELETE FROM pending_replies WHERE kind"
        removed = await stopped_while_locked(
            bot, other, caplog, tables, released, click, write=settled
        )
        reviewed = len(await other.review_queue())
    edits = [c.json["content"] for c in removed.calls if c.method == "PATCH"]
    assert int(answer.response["id"]) not in world.messages  # (removed either way)
    if released:
        assert reviewed == 1 and edits == []  # "A person will take a look" holds
    else:
        assert reviewed == 0 and edits == [REMOVED_UNRECORDED]
        assert said(caplog, "stopping: removing an answer (interaction")
    warnings_only(caplog)


@pytest.mark.parametrize("lock", ["released during the stop", "held through it"])
async def test_a_deletion_waiting_on_a_lock_at_a_stop_takes_its_answer_along_or_says_so(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    lock: str,
) -> None:
    """A member deleted the question the bot had answered just as the bot was stopped (a
    deploy), forgetting its words waiting on a lock another session held: the stop did not
    wait for it, closed Discord, and the bot's answer (the member's words and numbers in
    it) stayed up with its record taken, so nothing would ever take it down, and the log
    had an ERROR with a traceback ("Session is closed"). The stop lets the deletion finish
    as a reply: the answer goes if the lock goes within the grace; else it is cut off with
    one warning, and the stop ends within its bound."""
    from tests.test_bot_e2e import mention_in_text_channel

    fake, world = fake_discord, fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with (
        start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot,
        PostgresStore(postgres_url) as other,
    ):
        answer = await mention_in_text_channel(fake, QUESTIONS[0])
        await fake.settle()  # (its answer given: only the deletion is in progress)
        question = int(answer.json["message_reference"]["message_id"])
        assert int(answer.response["id"]) in world.messages  # (the answer stands till then)

        async def delete() -> None:
            await fake.delete_message(question)

        released = lock == "released during the stop"
        began = time.monotonic()
        await stopped_while_locked(bot, other, caplog, "questions", released, delete)
        took = time.monotonic() - began
    if released:
        assert int(answer.response["id"]) not in world.messages  # the answer went with it
    else:
        assert said(caplog, f"stopping: handling deleted message {question} cut off")
        assert said(caplog, "cut off (1): replies owed 0, each sent at the next start; other")
        assert took < 8.0, took  # (5 s of grace; it took 7.0 s, the close waiting on it)
    warnings_only(caplog)


@pytest.mark.parametrize("command", ["ask", "faq"])
async def test_an_ask_in_flight_when_the_bot_is_stopped_is_answered_and_recorded(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    tmp_path: Path,
    command: str,
) -> None:
    """/ask asked as the bot was stopped (a deploy), Discord a moment slow to take its
    answer: the stop did not wait for it and closed the connection under it, so the member
    read "The application did not respond", the question went unrecorded, and the log had
    an ERROR with a traceback ("Ignoring exception in command 'ask'"). The stop lets it
    finish, as a mention's reply: answered, and counted for its entry."""
    fake = fake_discord
    store = SqliteStore(tmp_path / "bot.db")
    settings = make_settings(retries=FAST)
    async with start_bot(create_bot(settings, kb, store), settle=None) as bot:
        await fake.settle()
        # (Held a second, then a 429 discord.py waits out and sends again: a slow Discord.)
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=429, delay=1.0)
        held = fake.rest.faults[-1]
        given = (
            {"question": QUESTIONS[1]} if command == "ask" else {"topic": next(iter(kb.entries))}
        )
        asked = await fake.send_slash_command(command, given)
        await wait_until(lambda: held.remaining == 0, timeout=10)  # (its answer held)
        await bot.close()  # (as SIGTERM does)
    [embed] = (await asked.response())["data"]["embeds"]
    async with SqliteStore(tmp_path / "bot.db") as again:
        served = {s.entry_id: s.served for s in await again.stats()}
    entry = next(i for i, e in bot.knowledge.entries.items() if e.title == embed["title"])
    assert served == {entry: 1}


@pytest.mark.parametrize("shown", ["rb:pick", "rb:full:"])
async def test_an_entry_chosen_under_an_answer_as_the_bot_is_stopped_is_shown(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    tmp_path: Path,
    shown: str,
) -> None:
    """An entry picked from the other close matches, or a full answer asked for, as the
    bot was stopped, Discord a moment slow to take it: the stop closed the connection under
    it, so the member read "This interaction failed". The stop lets it finish, as /ask."""
    from tests.fakediscord import custom_ids

    fake = fake_discord
    settings = make_settings(retries=FAST)
    async with start_bot(create_bot(settings, kb, SqliteStore(tmp_path / "bot.db"))) as bot:
        asked = await fake.send_slash_command("ask", {"question": QUESTIONS[0]})
        answered = await asked.response()
        [chosen] = [c for c in custom_ids(answered["data"]) if c.startswith(shown)]
        await fake.settle()
        fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", status=429, delay=1.0)
        held = fake.rest.faults[-1]
        if shown == "rb:pick":
            [menu] = [
                c
                for row in answered["data"]["components"]
                for c in row["components"]
                if c.get("custom_id") == chosen
            ]
            entry = menu["options"][0]["value"]
            handle = await fake.select(asked, chosen, [entry], settle=False)
        else:
            entry = chosen.removeprefix(shown)
            handle = await fake.click_button(asked, chosen, settle=False)
        await wait_until(lambda: held.remaining == 0, timeout=10)  # (its answer held)
        await bot.close()  # (as SIGTERM does)
    [embed] = (await handle.response())["data"]["embeds"]
    assert embed["title"] == kb.entries[entry].title


async def test_a_stop_with_the_retry_queue_locked_ends_within_a_docker_stop(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A reply Discord held past the stop's 5 s grace is cut off and made due at once in
    the retry queue, but another session held a lock on its table then (a new version's
    migration in a rolling deploy, a psql session): those statements waited the query
    timeout, 10 s more, and the stop took 15 s, past the 10 s `docker stop` allows before
    it kills the process (exit 137, no "stopped" line). A statement begun once the stop
    began waits 1 s, as SQLite's do: the stop ends within docker's 10 s (6.0 s measured),
    and the log says the reply is sent once its lease runs out."""
    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    bot = create_bot(settings, kb, PostgresStore(postgres_url))
    async with PostgresStore(postgres_url) as other, start_bot(bot, settle=None):
        await fake.settle()
        fake.fail_next("POST", r"/channels/\d+/messages", status=502, delay=25.0)
        held = fake.rest.faults[-1]
        await fake.post_forum_thread("Held by Discord", QUESTIONS[0])
        await wait_until(lambda: held.remaining == 0, timeout=10)  # (the reply held)
        pool = await other._pool_ready()
        async with pool.acquire() as db, db.transaction():
            await db.execute("LOCK TABLE pending_replies IN ACCESS EXCLUSIVE MODE")
            stop = asyncio.create_task(bot.close())  # (as SIGTERM does)
            done, _ = await asyncio.wait({stop}, timeout=10.0)  # (docker stop's grace)
        await stop
    assert done, "the stop still waits past the 10 s docker stop allows"
    assert said(caplog, "stopping: the replies cut off are sent once their lease runs out (a")


async def stopped_while_locked(
    bot: Any,
    other: PostgresStore,
    caplog: pytest.LogCaptureFixture,
    tables: str,
    released: bool,
    act: Callable[[], Any],
    *,
    write: str | None = None,
) -> Any:
    """``act()`` (a click, a pick) while ``other`` holds ``tables`` locked, then the bot
    stopped as SIGTERM stops it; the lock released once the stop waits for the work in
    progress (``released``), else held through the stop: begun once its write waits for
    the lock (one begun during the stop waits a second only). ``write``: some words of
    the act's first statement, where other work waits on those tables too (the retry
    queue's polls wait on pending_replies at once: the stop began before the act's write
    did). Returns what ``act`` returned."""
    pool = await other._pool_ready()
    async with pool.acquire() as db:
        locked = db.transaction()
        await locked.start()
        await db.execute(f"LOCK TABLE {tables} IN ACCESS EXCLUSIVE MODE")
        held = True
        try:
            done = await act()
            await wait_until_async(partial(waits_on_a_lock, pool, write))  # (its write begun)
            stop = asyncio.create_task(bot.close())
            await wait_until(lambda: said(caplog, "letting the replies in progress finish"))
            if released:
                held = False
                await locked.rollback()
            await stop
        finally:
            if held:
                await locked.rollback()
    return done


async def waits_on_a_lock(pool: Any, statement: str | None = None) -> bool:
    """Whether a statement (one holding the words ``statement``) waits for a lock another
    session holds."""
    if statement is None:
        return bool(await pool.fetchval("SELECT count(*) FROM pg_locks WHERE NOT granted"))
    waiting = (
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE wait_event_type = 'Lock' AND strpos(query, $1) > 0"
    )
    return bool(await pool.fetchval(waiting, statement))


def said(caplog: pytest.LogCaptureFixture, words: str) -> bool:
    return any(words in r.getMessage() for r in caplog.records)


async def stats_said(fake: FakeDiscord) -> dict[str, Any]:
    """What /faq-admin stats shows a moderator (a deferred, private followup)."""
    handle = await fake.send_slash_command("faq-admin stats", {}, user=fake.world.moderator)
    await handle.response()
    return await handle.followup(0, timeout=15)


def said_by_retries(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The retry queue's warnings that it cannot use the database."""
    said = [r.getMessage() for r in caplog.records if r.name == "bot.cogs.retries"]
    return [m for m in said if m.startswith("the retry queue cannot use the database")]


async def test_a_deletion_and_the_digest_while_the_database_is_down_are_warnings(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL down under a running bot: a member deleting a question the bot answered
    logged two ERRORs with the driver's traceback (forgetting its words, reading its
    replies), and the hourly digest pass one an hour, as if the bot were broken. Each is
    one warning line now, saying what was not done and that the database is out of reach."""
    from tests.test_bot_e2e import mention_in_text_channel

    fake, world = fake_discord, fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(
        database={"url": postgres_url}, retries=FAST, mod_log_channel_id=log_id
    )
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        answer = await mention_in_text_channel(fake, QUESTIONS[0])
        await fake.settle()
        question = answer.json["message_reference"]["message_id"]
        expected = (
            "could not forget the questions of deleted messages",
            f"could not read the replies to deleted message {question}",
            "reading the review queue for the digest failed",
        )

        async def all_said() -> bool:
            lost = [r.getMessage() for r in caplog.records if "cannot be reached" in r.getMessage()]
            return all(any(line.startswith(said) for line in lost) for said in expected)

        with server_stopped(postgres_server):
            await fake.delete_message(int(question))
            chores = bot.get_cog("Housekeeping")
            tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
            assert not await chores.digest_if_due(tomorrow.replace(hour=23))
            # (REST going quiet said nothing of the deletion's handler, which may still be
            # trying the database on a loaded machine: wait for what it logs.)
            await wait_until_async(all_said, within=30)
    warnings_only(caplog)


async def test_not_what_i_asked_while_the_database_is_down_promises_no_review(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An answer removed with "Not what I asked" while PostgreSQL was down: the answer
    went, and the member read "A person will take a look", but the miss could not be
    kept, so no moderator's review queue had a word of it. The member is told it could
    not be passed on; each record lost is one warning line."""
    from bot.views import REMOVED_UNRECORDED
    from tests.fakediscord import custom_ids
    from tests.test_bot_e2e import mention_in_text_channel

    fake, world = fake_discord, fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    settings = make_settings(database={"url": postgres_url}, retries=FAST)
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))) as bot:
        answers = [await mention_in_text_channel(fake, QUESTIONS[n]) for n in (0, 1)]
        await fake.settle()
        misses = [next(c for c in custom_ids(a.json) if c.startswith("rb:miss:")) for a in answers]
        # positive control: with the database there, the miss is kept for review
        kept = await fake.click_button(answers[0].response, misses[0], user=world.asker)
        assert (await kept.response())["data"]["content"].startswith("Removed. A person will")
        await wait_until_async(lambda: queued(bot, 1))
        with server_stopped(postgres_server):
            lost = await fake.click_button(
                answers[1].response, misses[1], user=world.asker, settle=False
            )
            assert (await lost.response())["data"]["content"].startswith("Removed.")
            said = await lost.edit(0, timeout=15)
            await rest_quiet(fake, 0.3)
        assert said["content"] == REMOVED_UNRECORDED
        assert int(answers[1].response["id"]) not in world.messages  # (removed all the same)
        assert await queued(bot, 1)
    warnings_only(caplog)


async def queued(bot: Any, items: int) -> bool:
    return len(await bot.store.review_queue()) == items


async def voted(bot: Any, entry: str, votes: int) -> bool:
    """Whether the bot's store (or ``bot`` itself a store) holds ``votes`` on ``entry``."""
    rows = [r for r in await getattr(bot, "store", bot).stats() if r.entry_id == entry]
    return sum(r.helpful + r.not_helpful for r in rows) == votes


async def owe_a_reply(fake: FakeDiscord, bot: Any) -> Any:
    """A forum post whose reply Discord refused (503), once a control post was answered
    (so a reply would be seen): owed in the retry queue, its failure recorded."""
    control = await fake.post_forum_thread("Control", QUESTIONS[0])
    await control.reply()  # positive control: it answers
    fake.fail_next("POST", r"/channels/\d+/messages", status=503)
    owed = await fake.post_forum_thread("Owed a reply", QUESTIONS[1])

    async def failed_once() -> bool:
        return any(r.last_error for r in await bot.store.pending_replies())

    await wait_until_async(failed_once)
    return owed


async def wait_until_async(check: Callable[[], Any], within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, f"{check.__name__} never came true"
        await asyncio.sleep(0.05)


async def rest_quiet(fake: FakeDiscord, quiet: float) -> None:
    def calm() -> bool:
        return fake.rest.in_flight == 0 and time.monotonic() - fake.rest.last_activity > quiet

    await wait_until(calm, timeout=10)


@asynccontextmanager
async def bot_process(
    fake: FakeDiscord,
    env: dict[str, str],
    log: Path,
    wrap: Callable[[list[str]], list[str]] = list,
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`rollover-bot run` in a process of its own, talking to the fake; ``wrap`` gives
    the command line that runs it (as another user: tests.processes.as_another_user)."""
    with log.open("ab") as out:
        proc = await asyncio.create_subprocess_exec(
            *wrap([*BOT_COMMAND, fake.base_url]),
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=out,
        )
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGKILL)
        await proc.wait()


async def test_a_process_killed_mid_reply_loses_no_post_and_answers_none_twice(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    start_bot,
    postgres_url: str,
    tmp_path: Path,
) -> None:
    fake, world, gateway = fake_discord, fake_discord.world, fake_discord.gateway
    ours = two_shards(fake)
    env = {
        "DISCORD_TOKEN": fake.token,
        "ROLLOVER_DATABASE__URL": postgres_url,
        "ROLLOVER_DISCORD__SHARD_COUNT": "2",
        "ROLLOVER_DISCORD__SHARD_IDS": f"[{ours}]",
        "ROLLOVER_DISCORD__FORUM_CHANNEL_IDS": f"[{world.forum['id']}]",
        "ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS": "5",
        "ROLLOVER_FAQ_WATCH": "false",
        **{f"ROLLOVER_RETRIES__{k.upper()}": str(v) for k, v in FAST.items()},
    }
    log = tmp_path / "bot-process.log"

    async def connected(alive: Callable[[], bool]) -> None:
        def ready() -> bool:
            assert alive(), log.read_text()
            return ours in gateway.sessions and gateway.sessions[ours].conn is not None

        await wait_until(ready, timeout=30)

    settings = make_settings(
        shard_count=2, shard_ids=[1 - ours], database={"url": postgres_url}, retries=FAST
    )
    async with start_bot(create_bot(settings, kb, PostgresStore(postgres_url))):
        async with bot_process(fake, env, log) as first:
            await connected(lambda: first.returncode is None)
            control = await fake.post_forum_thread("Control", QUESTIONS[0])
            await control.reply(timeout=15)  # the process answers its shard's posts
            # ...and records it (after the reply): let that land before the kill, since a
            # statistic still in flight is all a kill may lose
            await served_reaches(postgres_url, 1)
            # its next reply is held in flight, and the process killed meanwhile
            fake.fail_next("POST", r"/channels/\d+/messages", status=503, delay=3.0)
            held = fake.rest.faults[-1]
            post = await fake.post_forum_thread("Killed mid-reply", QUESTIONS[1])
            await wait_until(lambda: held.remaining == 0, timeout=10)
            first.send_signal(signal.SIGKILL)
            await first.wait()
        # the other process takes the owed reply over once the lease has run out
        await post.reply(timeout=15)
        missed = await fake.post_forum_thread("While it was down", QUESTIONS[2])
        async with bot_process(fake, env, log) as second:
            await connected(lambda: second.returncode is None)
            await missed.reply(timeout=15)  # caught up after the new session
            # Discord delivers the killed post's events again: already answered
            await fake.dispatch("THREAD_CREATE", {**post.thread, "newly_created": True})
            await fake.dispatch("MESSAGE_CREATE", post.starter)
            fresh = await fake.post_forum_thread("After the restart", QUESTIONS[3])
            # positive control: the restarted process answers, and it handles events in
            # order, so it has handled the replay by now
            await fresh.reply(timeout=15)
            await rest_quiet(fake, 0.3)  # (settle() cannot see into another process)
            for answered in (control, post, missed, fresh):
                assert len(answered.replies) == 1, (answered.thread["name"], log.read_text())
            # Tagged when the reply is an answer (not the unsure line), by whichever process
            # sent it: the takeover's process does not cache the guild. The tag follows
            # the reply, so the answered ones are waited for (and are the positive control).
            assert post.replies[0]["embeds"]  # the taken-over post was answered
            for answered in (control, post, missed, fresh):
                if answered.replies[0]["embeds"]:
                    await wait_until(lambda a=answered: "bot-answered" in a.tags, timeout=10)
                else:
                    assert "bot-answered" not in answered.tags, answered.thread["name"]
            answered = answers_posted(fake, [p.id for p in (control, post, missed, fresh)])
    async with PostgresStore(postgres_url) as store:
        assert await store.pending_replies() == []
    assert answered >= 3 and await served_total(postgres_url) == answered


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (signal.SIGINT, signal.SIGTERM),
        (signal.SIGTERM, signal.SIGINT),
        (signal.SIGINT, signal.SIGINT),
        (signal.SIGTERM, signal.SIGTERM),
    ],
)
async def test_a_second_signal_during_the_stop_ends_it_at_once_as_the_first_would_have(
    fake_discord: FakeDiscord, tmp_path: Path, first: int, second: int
) -> None:
    """An operator who will not wait for the stop (replies finishing, for up to 5 s) sends
    a second signal, of either kind: the process ends at once, killed by the first signal
    (a shell shows 130 after Ctrl-C, 143 after SIGTERM; cut short, it is no clean stop).
    A SIGTERM after Ctrl-C, or a Ctrl-C after SIGTERM, cancelled the close part-way (the
    database not closed) and exited 0; a second Ctrl-C left the process hanging on the
    database's thread, never closed."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    async with bot_process(fake, sqlite_env(fake, tmp_path), log) as proc:
        await serving(fake, proc, log)
        await reply_held_by_discord(fake)
        proc.send_signal(first)
        stopping = "letting the replies in progress finish"
        await wait_until(lambda: stopping in log.read_text(), timeout=10)
        proc.send_signal(second)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == -first, log.read_text()
    said = log.read_text()
    assert "cut off" not in said, said[-2500:]  # (ended at once, not after the 5 s)


async def reply_held_by_discord(fake: FakeDiscord) -> None:
    """A forum post whose reply Discord holds for 25 s (then a 502), far past a stop's
    grace; returns once the bot is waiting on it."""
    fake.fail_next("POST", r"/channels/\d+/messages", status=502, delay=25.0)
    held = fake.rest.faults[-1]
    await fake.post_forum_thread("Held by Discord", QUESTIONS[0])
    await wait_until(lambda: held.remaining == 0, timeout=10)


def sqlite_env(fake: FakeDiscord, tmp_path: Path, **extra: str) -> dict[str, str]:
    """`rollover-bot run` on a SQLite database in ``tmp_path``, answering the fake's forum."""
    return {
        "DISCORD_TOKEN": fake.token,
        "ROLLOVER_DATABASE__PATH": str(tmp_path / "bot.db"),
        "ROLLOVER_DISCORD__FORUM_CHANNEL_IDS": f"[{fake.world.forum['id']}]",
        "ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS": "5",
        "ROLLOVER_FAQ_WATCH": "false",
        **extra,
    }


async def serving(fake: FakeDiscord, proc: asyncio.subprocess.Process, log: Path) -> None:
    """Until the process is connected to the gateway (failing at once if it died)."""

    def ready() -> bool:
        assert proc.returncode is None, log.read_text()
        sessions = fake.gateway.sessions.values()
        return bool(sessions) and all(s.conn is not None for s in sessions)

    await wait_until(ready, timeout=60)


@pytest.mark.parametrize(("stop", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
async def test_a_reply_in_flight_when_the_bot_is_stopped_is_sent_at_once_after_a_restart(
    fake_discord: FakeDiscord, tmp_path: Path, stop: int, status: int
) -> None:
    """A deploy stops `rollover-bot run` while a reply is on its way: `systemctl stop`,
    `docker stop` or `kill` send SIGTERM, a terminal's Ctrl-C SIGINT. Both stop it the
    same clean way (SIGTERM exited -15 at once: no gateway close, no database close, and
    the reply kept its 5-minute lease, so the restarted bot sent it 5 minutes late).
    SIGTERM's stop is a clean one (exit 0, as systemd expects); Ctrl-C exits 130."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    env = sqlite_env(
        fake,
        tmp_path,
        ROLLOVER_RETRIES__POLL_SECONDS="0.2",
        ROLLOVER_RETRIES__FIRST_DELAY_SECONDS="0.2",
    )
    async with bot_process(fake, env, log) as first:
        await serving(fake, first, log)
        control = await fake.post_forum_thread("Control", QUESTIONS[0])
        await control.reply(timeout=15)  # positive control: it answers
        await rest_quiet(fake, 0.3)
        fake.fail_next("POST", r"/channels/\d+/messages", status=503, delay=2.0)
        held = fake.rest.faults[-1]
        post = await fake.post_forum_thread("Stopped mid-reply", QUESTIONS[1])
        await wait_until(lambda: held.remaining == 0, timeout=10)
        first.send_signal(stop)
        assert await asyncio.wait_for(first.wait(), timeout=30) == status, log.read_text()
    fake.gateway.sessions.clear()
    async with bot_process(fake, env, log) as second:
        await serving(fake, second, log)
        await post.reply(timeout=20)  # well within the lease (300 s)
        await rest_quiet(fake, 0.3)
        assert len(post.replies) == 1, log.read_text()


@pytest.mark.parametrize(("stop", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
async def test_a_stop_while_the_faq_is_being_loaded_is_a_stop_like_any_other(
    fake_discord: FakeDiscord, tmp_path: Path, stop: int, status: int
) -> None:
    """Before it connects, `rollover-bot run` loads the FAQ, training its matcher when the
    cache has none (seconds; as long as another process's training when it waits for it).
    Ctrl-C then stopped it (130), but SIGTERM, `systemctl stop` or `docker stop` during a
    deploy's restart, killed it (143, 'Terminated'), where a stop asked for exits 0."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    cache = tmp_path / "cache"
    env = sqlite_env(fake, tmp_path, ROLLOVER_CACHE_DIR=str(cache))
    async with bot_process(fake, env, log) as proc:
        # (The training's lock, taken as it begins: the process is loading the FAQ.)
        await wait_until(lambda: any(cache.glob("matcher-*.lock")), timeout=60)
        proc.send_signal(stop)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == status, log.read_text()
    assert not fake.gateway.sessions  # (stopped before connecting)
    assert "Traceback" not in log.read_text(), log.read_text()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
async def test_a_stop_lets_a_reply_being_finished_finish(
    fake_discord: FakeDiscord, tmp_path: Path, stop: int
) -> None:
    """Stopped a moment after the bot replied to a post, while its answered tag is on the
    way (Discord slow to answer): the stop closed the HTTP session and the database under
    the reply, the log showed ERROR tracebacks ('no active connection', 'Session is
    closed') for a plain, intended stop, and the reply stayed owed until its lease ran
    out. A stop now lets it finish: tagged, recorded, owed no more."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    async with bot_process(fake, sqlite_env(fake, tmp_path), log) as proc:
        await serving(fake, proc, log)
        control = await fake.post_forum_thread("Control", QUESTIONS[0])
        await control.reply(timeout=15)
        await wait_until(lambda: "bot-answered" in control.tags, timeout=10)
        fake.fail_next("PATCH", r"/channels/\d+", status=502, delay=1.5)  # (retried in 1 s)
        held = fake.rest.faults[-1]
        post = await fake.post_forum_thread("Stopped while tagging", QUESTIONS[0])
        await post.reply(timeout=15)
        await wait_until(lambda: held.remaining == 0, timeout=10)
        proc.send_signal(stop)
        assert await asyncio.wait_for(proc.wait(), timeout=30) in (0, 130), log.read_text()
    said = log.read_text()
    assert "Traceback" not in said and "ERROR" not in said, said[-2500:]
    # (Any count: the control's own records, or a pass of the retry queue, may still be
    # going too on a loaded machine; the post's tag and records below are this reply's.)
    assert "letting the replies in progress finish (" in said
    assert "bot-answered" in post.tags
    async with SqliteStore(tmp_path / "bot.db") as store:
        assert await store.pending_replies() == []


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
async def test_a_stop_lets_a_retried_reply_being_finished_finish(
    fake_discord: FakeDiscord, tmp_path: Path, stop: int
) -> None:
    """The same for a reply the retry queue is sending again (its first try refused):
    stopped while its answered tag is on the way, it is finished too (tagged, recorded,
    owed no more). A first reply was let finish by its own path; the retry's is the retry
    queue's, which had no test."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    env = sqlite_env(
        fake,
        tmp_path,
        ROLLOVER_RETRIES__POLL_SECONDS="0.2",
        ROLLOVER_RETRIES__FIRST_DELAY_SECONDS="0.2",
    )
    async with bot_process(fake, env, log) as proc:
        await serving(fake, proc, log)
        control = await fake.post_forum_thread("Control", QUESTIONS[0])
        await control.reply(timeout=15)
        await wait_until(lambda: "bot-answered" in control.tags, timeout=10)
        fake.fail_next("POST", r"/channels/\d+/messages", status=503)  # the first try
        refused = fake.rest.faults[-1]
        fake.fail_next("PATCH", r"/channels/\d+", status=502, delay=1.5)  # (retried in 1 s)
        held = fake.rest.faults[-1]
        # (A question the bot is sure of under this title, so its retry tags the post.)
        post = await fake.post_forum_thread("Stopped while its retry tags", QUESTIONS[4])
        await wait_until(lambda: refused.remaining == 0, timeout=10)
        await post.reply(timeout=15)  # (the retry's)
        await wait_until(lambda: held.remaining == 0, timeout=10)
        proc.send_signal(stop)
        assert await asyncio.wait_for(proc.wait(), timeout=30) in (0, 130), log.read_text()
    said = log.read_text()
    assert "Traceback" not in said and "ERROR" not in said, said[-2500:]
    assert "bot-answered" in post.tags
    async with SqliteStore(tmp_path / "bot.db") as store:
        assert await store.pending_replies() == []


async def test_a_stop_waits_for_a_reply_a_few_seconds_not_for_ever(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """A reply Discord holds far longer than a stop's grace (STOP_GRACE_SECONDS, 5 s; `docker
    stop` kills at 10 s) does not hold the stop up: it is cut off, said so in the log, and
    left owed, to be sent once its lease runs out."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    async with bot_process(fake, sqlite_env(fake, tmp_path), log) as proc:
        await serving(fake, proc, log)
        await reply_held_by_discord(fake)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == 0, log.read_text()
        assert fake.rest.in_flight == 1  # (stopped with the reply still held)
    said = log.read_text()
    assert "in progress after 5 s cut off (1): replies owed 1, each sent at the next" in said
    assert "Traceback" not in said, said[-2500:]
    async with SqliteStore(tmp_path / "bot.db") as store:
        assert len(await store.pending_replies()) == 1


async def test_a_reply_a_stop_cut_off_is_sent_at_once_after_the_restart(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """A reply cut off by a stop's grace (Discord holding it past the 5 s, in a deploy)
    kept the lease its try had taken, so the restarted bot left the member waiting out
    the rest of it (retries.lease_seconds, 5 minutes) for an answer it owed. The stop
    makes it due at once: the next start sends it, once."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    env = sqlite_env(fake, tmp_path, ROLLOVER_RETRIES__POLL_SECONDS="0.2")
    async with bot_process(fake, env, log) as first:
        await serving(fake, first, log)
        fake.fail_next("POST", r"/channels/\d+/messages", status=502, delay=25.0)
        held = fake.rest.faults[-1]
        post = await fake.post_forum_thread("Held by Discord", QUESTIONS[0])
        await wait_until(lambda: held.remaining == 0, timeout=10)
        first.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(first.wait(), timeout=30) == 0, log.read_text()
    assert "cut off (1)" in log.read_text()
    assert not post.replies
    fake.gateway.sessions.clear()
    async with bot_process(fake, env, log) as second:
        await serving(fake, second, log)
        await post.reply(timeout=20)  # (was: once the 300 s lease ran out)
        await wait_until(lambda: "bot-answered" in post.tags, timeout=10)  # (all done)
        assert len(post.replies) == 1, log.read_text()


async def test_the_start_is_logged_in_one_line_naming_the_faq_database_and_channels(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """An operator reading `journalctl -u rollover-bot` after a start could not tell which
    FAQ folder, database or channels the bot had taken: with its database made already,
    nothing was said of them at INFO before "connected as ... to 1 guild(s)" (relative
    paths are the folder the bot runs in, which under a supervisor is easily another).
    One line now says the version, the FAQ's entries and folder, the database and the
    channels, whole, before Discord is tried."""
    from importlib.metadata import version

    from knowledge.loader import scan_folder

    fake, world = fake_discord, fake_discord.world
    log = tmp_path / "bot-process.log"
    env = sqlite_env(
        fake,
        tmp_path,
        ROLLOVER_FAQ_DIR="knowledge/faq",  # (relative: the process runs in ROOT)
        ROLLOVER_DISCORD__TEXT_CHANNEL_IDS=f"[{world.text_channel['id']}]",
    )
    async with bot_process(fake, env, log) as proc:
        await serving(fake, proc, log)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == 0, log.read_text()
    said = log.read_text()
    starts = [
        line for line in said.splitlines() if f"rollover-bot {version('rollover-bot')}" in line
    ]
    assert len(starts) == 1, said
    entries = len(scan_folder(ROOT / "knowledge" / "faq").entries)
    assert f"{entries} FAQ entries from {ROOT / 'knowledge' / 'faq'};" in starts[0], starts[0]
    assert f"database {tmp_path / 'bot.db'};" in starts[0], starts[0]
    assert f"forums {world.forum['id']};" in starts[0], starts[0]
    assert f"mentions in {world.text_channel['id']}" in starts[0], starts[0]
    assert said.index(starts[0]) < said.index("logging in"), said  # (before Discord is tried)
    assert fake.token not in said


@pytest.mark.parametrize(("stop", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
async def test_a_stop_is_logged_when_asked_and_when_done(
    fake_discord: FakeDiscord, tmp_path: Path, stop: int, status: int
) -> None:
    """`docker stop` or `systemctl stop` on an idle bot: its log ended at "connected as
    ...", with nothing said of the stop, so a clean stop could not be told from a process
    killed or hung. The signal is now said as the stop begins, and the stop's end."""
    fake = fake_discord
    log = tmp_path / "bot-process.log"
    async with bot_process(fake, sqlite_env(fake, tmp_path), log) as proc:
        await serving(fake, proc, log)
        await wait_until(lambda: "connected as" in log.read_text(), timeout=10)
        assert "stopping" not in log.read_text()  # (the control: not said before the stop)
        proc.send_signal(stop)
        assert await asyncio.wait_for(proc.wait(), timeout=30) == status, log.read_text()
    said = log.read_text()
    name = signal.Signals(stop).name
    asked = f"{name}: stopping"
    assert said.count(asked) == 1, said[-2000:]
    done = "stopped: the gateway connection and the database are closed"
    assert said.count(done) == 1 and said.index(asked) < said.index(done), said[-2000:]
    assert "Traceback" not in said
