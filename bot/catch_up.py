"""Catching up after a (re)connect: forum posts and mentions of the bot made while it was
away, or during a session Discord could not resume (no event brings those again), answered
as the live events would have been.

A part of the Answers cog (bot/cogs/answers.py), mixed into it: it uses that cog's claims,
so nothing is answered twice, and hands each missed post and mention to the cog's own
answering (``answer_post``, ``answer_mention``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Iterable

import discord
from discord.ext import commands

from bot.app import RolloverBot
from bot.edited_posts import recheck_answers
from bot.forum_tags import NETWORK_ERRORS, answer_deleted, closed, under_the_post
from bot.limits import Claims
from bot.storage import log_store_failure

log = logging.getLogger(__name__)
#: How far back a reconnect looks for forum posts and mentions it may have missed.
CATCH_UP_WINDOW = dt.timedelta(hours=1)
#: Messages a catch-up reads in each channel where a mention is answered (the newest) and
#: in each post it reads (from the opening message on): one request each.
CATCH_UP_MESSAGES = 100
#: Looks at a guild's recent posts, when Discord fails to list them or to read one: no event
#: brings a missed post again. Tried again at the retry queue's back-off (30 s, 1 and 2 min).
CATCH_UP_TRIES = 4
#: The channels with a chat of their own, where a mention may be asked (a forum's are in
#: its posts, a category has none).
ChatChannel = discord.TextChannel | discord.VoiceChannel | discord.StageChannel


class CatchUp:
    """The Answers cog's catch-up (see the module's docstring): its listeners run as the
    cog's. The cog provides the attributes below and the answering the methods call."""

    bot: RolloverBot
    #: Forum posts claimed (by opening message id): a post is answered once.
    posts: Claims
    #: Servers still unavailable when a session became ready, or that went unavailable
    #: since: caught up when they become available.
    _late: set[int]

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """After (re)connecting, answer recent posts whose events never reached us: posts
        made while the bot was down, or during a session Discord could not resume."""
        if isinstance(self.bot, commands.AutoShardedBot):
            return  # a sharded bot gets on_shard_ready for every shard, and only that
            # when one shard alone starts a new session
        self._note_late(self.bot.guilds)
        await self._catch_up(self._watched_guilds())

    @commands.Cog.listener()
    async def on_shard_ready(self, shard_id: int) -> None:
        """The sharded form of on_ready: one shard has a new session; catch up on its guilds."""
        self._note_late([g for g in self.bot.guilds if g.shard_id == shard_id])
        await self._catch_up([g for g in self._watched_guilds() if g.shard_id == shard_id])

    def _note_late(self, guilds: list[discord.Guild]) -> None:
        """Servers a new session is ready without: their forums are not known yet."""
        self._late |= {g.id for g in guilds if g.unavailable}

    @commands.Cog.listener()
    async def on_guild_unavailable(self, guild: discord.Guild) -> None:
        """A server lost mid-session (a Discord outage): no events come for it until it is
        back, so it is caught up then, as one sent late."""
        self._late.add(guild.id)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        """A server that came after its session was ready, or back from an outage: the
        catch-up at ready could not see it, or its events were never sent, so it looks at
        its posts and mentions now."""
        if guild.id not in self._late:
            return
        self._late.discard(guild.id)
        await self._catch_up([g for g in self._watched_guilds() if g.id == guild.id])

    def _watched_guilds(self) -> list[discord.Guild]:
        """The guilds holding a watched forum or a listed text channel (read at catch-up,
        not every guild the bot is in)."""
        settings = self.bot.settings.discord
        ids = [*settings.forum_channel_ids, *settings.text_channel_ids]
        return list(self._guilds_of(ids).values())

    def _guilds_of(self, channel_ids: Iterable[int]) -> dict[int, discord.Guild]:
        """The cached guilds holding these channels, by id."""
        guilds: dict[int, discord.Guild] = {}
        for channel_id in channel_ids:
            guild = getattr(self.bot.get_channel(channel_id), "guild", None)
            if guild is not None:
                guilds[guild.id] = guild
        return guilds

    async def _catch_up(self, guilds: list[discord.Guild]) -> None:
        """Answer the guilds' recent posts and mentions not yet claimed; a guild Discord
        failed to list, or to read a post or channel of, is looked at again (the same hour:
        each post and mention is claimed, so none is answered twice)."""
        # Missed means sent before now: later messages come as live events, and the live
        # path decides them (a mention it leaves alone is not the catch-up's to answer).
        until = discord.utils.utcnow()
        cutoff = until - CATCH_UP_WINDOW
        read: set[int] = set()  # channels whose mentions were looked at already
        for attempt in range(1, CATCH_UP_TRIES + 1):
            if attempt > 1:
                await asyncio.sleep(self.bot.settings.retries.delay(attempt - 1))
                if self.bot.is_closed():
                    return
                # (the guilds as cached now: a new session since replaced them)
                guilds = [self.bot.get_guild(g.id) or g for g in guilds]
            try:
                guilds = [g for g in guilds if not await self._caught_up(g, cutoff, until, read)]
            except Exception:
                if not self.bot.stopping:
                    raise
                # The stop closed the connection to Discord under it ("Session is closed"):
                # what it had left to read is the next start's, as a post made in a stop is.
                log.info("stopping: the catch-up was cut off; the next start's looks again")
                return
            if not guilds:
                return
        log.warning("gave up catching up on guilds %s", ", ".join(str(g.id) for g in guilds))

    async def _caught_up(
        self, guild: discord.Guild, cutoff: dt.datetime, until: dt.datetime, read: set[int]
    ) -> bool:
        """One look at a guild's posts and mentions from ``cutoff`` to ``until``; False if
        Discord failed part of it."""
        posts = True
        if guild.id in self._guilds_of(self.bot.settings.discord.forum_channel_ids):
            posts = await self._posts_caught_up(guild, cutoff, until)
        return await self._mentions_caught_up(guild, cutoff, until, read) and posts

    async def _posts_caught_up(
        self, guild: discord.Guild, cutoff: dt.datetime, until: dt.datetime
    ) -> bool:
        try:
            threads = await guild.active_threads()
        except NETWORK_ERRORS:
            log.warning("could not list active threads in guild %s for catch-up", guild.id)
            return False
        await self._forget_deleted_posts(guild, threads, cutoff)
        done = True
        for thread in threads:
            if (
                not self._is_watched_forum(thread)
                or self.posts.seen(thread.id)
                or thread.created_at is None
                or thread.created_at < cutoff
                or closed(thread)
            ):
                continue
            try:
                # (One request, as reading the opening message alone was: the post's first
                # messages, so a mention in them is answered too.)
                messages = [
                    m
                    async for m in thread.history(
                        limit=CATCH_UP_MESSAGES,
                        after=discord.Object(thread.id - 1),
                        oldest_first=True,
                    )
                ]
            except discord.NotFound:
                continue  # deleted meanwhile: nothing to answer
            except NETWORK_ERRORS:
                log.warning("could not read thread %s for catch-up", thread.id)
                done = False
                continue
            read = next((m for m in messages if m.id == thread.id), None)
            starter = read or thread.starter_message
            if self._replied_to_post(thread, messages):
                # Answered by a process whose database did not record it (down then, or
                # replaced after corruption): the thread shows it, so not answered again.
                self.posts.claim(thread.id)
                if read is None:
                    # Its opening message deleted while the bot was away (read from the
                    # first, it would come first): gone as after a live deletion.
                    await self._question_gone(thread.id, guild.id)
                elif self._asked_by_a_member(read):
                    # Edited or renamed while the bot was away (no event brings that
                    # again): its answer says so, as after a live edit (no read more).
                    await recheck_answers(self.bot, thread, read, messages)
            elif await self._answer_deleted_meanwhile(thread, messages):
                pass  # (answered before: handed to people now, not answered again)
            elif starter is not None:  # (None: deleted, the post's mentions still asked)
                await self.answer_post(thread, starter)
            await self._answer_missed([m for m in messages if m.id != thread.id], cutoff, until)
        return done

    async def _forget_deleted_posts(
        self, guild: discord.Guild, threads: list[discord.Thread], cutoff: dt.datetime
    ) -> None:
        """Posts whose words were kept since ``cutoff`` (unanswered, unsure) and that are
        no longer among the active ones: one deleted whole while the bot was away (no event
        brings that again) takes what was kept of it along, as after a live deletion. One
        request each (such a post is rare: an archived one is still there)."""
        watched = set(self.bot.settings.discord.forum_channel_ids)
        forums = [forum.id for forum in guild.forums if forum.id in watched]
        try:
            kept = await self.bot.store.kept_from(forums, cutoff)
        except Exception as exc:
            said = "could not read the posts kept in guild %s for catch-up"
            log_store_failure(log, exc, said, guild.id)
            return
        for thread_id in sorted(kept - {thread.id for thread in threads}):
            try:
                await self.bot.fetch_channel(thread_id)
            except discord.NotFound:
                self.bot.deleted_lately.claim(thread_id)
                # (Let finish by a stop, as a live deletion: the store closed under it, and
                # the member's words stayed in the gaps and review queue.)
                with self._deletion([thread_id]):
                    await self._forget([thread_id], channel_id=thread_id)
            except NETWORK_ERRORS as exc:
                log.warning("could not look for post %s at catch-up (%r)", thread_id, exc)

    def _replied_to_post(self, thread: discord.Thread, messages: list[discord.Message]) -> bool:
        """Whether the bot's reply to the post is among its messages: its own answer or
        unsure line (replying to nothing), or an answer under the opening message; not a
        command's response, nor a reply to a later message."""
        me = self.bot.user
        return me is not None and any(
            m.author.id == me.id and m.interaction_metadata is None and under_the_post(m, thread)
            for m in messages
        )

    async def _answer_deleted_meanwhile(
        self, thread: discord.Thread, messages: list[discord.Message]
    ) -> bool:
        """A post tagged answered whose answer went while the bot was away (a moderator
        deleted a wrong one outright; no event brings that again): handed to people, as
        after a live deletion. Known by the replies the store recorded under the post, none
        of which is among its messages, all read (fewer than the read's limit)."""
        if not self._tagged_answered(thread) or len(messages) >= CATCH_UP_MESSAGES:
            return False
        try:
            recorded = await self.bot.store.replies_to(thread.id)
        except Exception as exc:
            log_store_failure(log, exc, "could not read the replies to post %s", thread.id)
            return False
        if not recorded:
            return False  # (tagged by hand, say: a helper answered it)
        await answer_deleted(self.bot, thread)
        return True

    def _chat_channels(self, guild: discord.Guild, cutoff: dt.datetime) -> list[ChatChannel]:
        """The guild's channels where a mention is answered (the listed ones; all when none
        are) that had a message since ``cutoff``, as Discord's last message id says (a
        quiet channel costs no request), and whose history the bot may read."""
        listed = set(self.bot.settings.discord.text_channel_ids)
        me = guild.me
        return [
            channel
            for channel in guild.channels
            if isinstance(channel, ChatChannel)
            and (not listed or channel.id in listed)
            and channel.last_message_id is not None
            and discord.utils.snowflake_time(channel.last_message_id) >= cutoff
            and me is not None
            and channel.permissions_for(me).read_message_history
        ]

    async def _mentions_caught_up(
        self, guild: discord.Guild, cutoff: dt.datetime, until: dt.datetime, read: set[int]
    ) -> bool:
        """Mentions of the bot since ``cutoff`` in the guild's chat channels, answered; one
        request per channel (its newest messages). False if Discord failed one."""
        done = True
        for channel in self._chat_channels(guild, cutoff):
            if channel.id in read:
                continue
            try:
                messages = [m async for m in channel.history(limit=CATCH_UP_MESSAGES)]
            except (discord.NotFound, discord.Forbidden):
                messages = []  # deleted, or hidden from the bot since: nothing to answer
            except NETWORK_ERRORS:
                log.warning("could not read channel %s for catch-up", channel.id)
                done = False
                continue
            read.add(channel.id)
            await self._answer_missed(messages[::-1], cutoff, until)
        return done

    async def _answer_missed(
        self, messages: Iterable[discord.Message], cutoff: dt.datetime, until: dt.datetime
    ) -> None:
        """Mentions of the bot among messages read at catch-up (oldest first), answered as a
        live one is: its claims (a mention answered already, or being answered from a live
        event, is left alone) and its retry queue; its rate limit counted by when each was
        sent (see _paced). One the bot visibly replied to among them is left alone too (the
        store may not have recorded it)."""
        me = self.bot.user
        if me is None:
            return
        messages = list(messages)
        replied = {m.reference.message_id for m in messages if m.author.id == me.id and m.reference}
        for message in messages:
            if (
                cutoff <= message.created_at < until
                and message.id not in replied
                and self._asked_by_a_member(message)
                and self._to_me(message, me)
                and self._watched_channel(message.channel)
            ):
                await self.answer_mention(message, caught_up=True)
