"""Deleted messages and posts: what the bot kept of them, and its answers to them, go too.

A member who deletes a question takes back their own words and numbers: the words the bot
kept of it (for the review queue and the gaps) are forgotten, and its answers to it (an
answer card, entries pointed at it, a post's answer) are deleted. A watched post tagged
answered that lost its answer is handed to people.

A part of the Answers cog (bot/cogs/answers.py), mixed into it, as the catch-up is: the
catch-up hands it the posts it finds deleted (``_question_gone``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Iterator

import discord
from discord.ext import commands

from bot.app import RolloverBot
from bot.forum_tags import (
    NETWORK_ERRORS,
    answer_deleted,
    answer_gone,
    describe_error,
    tagged_answered,
)
from bot.storage import log_store_failure

log = logging.getLogger(__name__)


class Deletions:
    """The Answers cog's handling of deletions (see the module's docstring): its listeners
    run as the cog's. The cog provides the attributes below and ``_is_watched_forum``."""

    bot: RolloverBot

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        self.bot.deleted_lately.claim(payload.message_id)  # (before any await)
        with self._deletion([payload.message_id]):
            await self._forget([payload.message_id])
            await self._answers_go_with(payload.message_id, payload.channel_id, payload.guild_id)
            # (A post's opening message: above; a message the bot deleted: where it deleted
            # it.)
            mine = self.bot.deleted_by_me.seen(payload.message_id)
            if payload.message_id != payload.channel_id and not mine:
                await self._answer_may_have_gone(payload.channel_id, [payload.cached_message])

    async def _question_gone(self, message_id: int, guild_id: int) -> None:
        """A post's opening message found deleted at a catch-up (no event came): what a
        live deletion does, its kept words and the bot's answers going."""
        self.bot.deleted_lately.claim(message_id)
        with self._deletion([message_id]):
            await self._forget([message_id])
            await self._answers_go_with(message_id, message_id, guild_id)

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        for message_id in payload.message_ids:
            self.bot.deleted_lately.claim(message_id)
        with self._deletion(payload.message_ids):
            await self._forget(payload.message_ids)
            for message_id in payload.message_ids:
                await self._answers_go_with(message_id, payload.channel_id, payload.guild_id)
            cached = payload.cached_messages
            gone = cached if len(cached) == len(payload.message_ids) else [None]
            await self._answer_may_have_gone(payload.channel_id, gone)

    @contextlib.contextmanager
    def _deletion(self, message_ids: Iterable[int]) -> Iterator[None]:
        """A deletion handled (the words kept of it forgotten, the bot's answers to it
        taken along) as work a stop lets finish, as a reply: begun just before a stop, its
        forgetting waiting on the database, the stop did not wait for it and closed Discord
        and the database under it, so the bot's answer to the deleted message stayed up
        with its record gone (nothing would take it down later), the store was opened again
        after its close, and the log had a traceback. Past the stop's grace it is cut off,
        with one warning saying what may stay."""
        try:
            with self.bot.replying():
                yield
        except asyncio.CancelledError:
            if not self.bot.taken_cut_off():
                raise
            log.warning(
                "stopping: handling deleted message %s cut off (the words the bot kept of it "
                "and its answers to it may stay)",
                ", ".join(str(m) for m in message_ids),
            )

    async def _answer_may_have_gone(
        self, channel_id: int, gone: Iterable[discord.Message | None]
    ) -> None:
        """Messages went from a channel (``gone``, each None when not cached): in a watched
        post tagged answered, one may have been the answer (a moderator deletes a wrong
        one outright), and a post left with none is handed to people. Only such posts, as
        cached, are read. Messages known to be others' took no answer along: a post a
        helper answered and a moderator tagged by hand keeps its tag when a member deletes
        their "thanks!" (no answer of the bot's ever stood there)."""
        me = self.bot.user
        if me is not None and all(m is not None and m.author.id != me.id for m in gone):
            return
        thread = self.bot.get_channel(channel_id)
        if isinstance(thread, discord.Thread) and self._tagged_answered(thread):
            await answer_deleted(self.bot, thread)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        """A thread deleted (a forum post, by a moderator or its member) takes its messages
        along, with no event for each: what was kept of them goes (its opening message's
        id is the thread's)."""
        self.bot.deleted_lately.claim(payload.thread_id)
        with self._deletion([payload.thread_id]):
            await self._forget([payload.thread_id], channel_id=payload.thread_id)

    async def _forget(self, message_ids: Iterable[int], channel_id: int | None = None) -> None:
        """Deleted messages take the words the bot kept of them (for the review queue and
        the gaps) along: the member took them back. Never fails the rest of the deletion."""
        try:
            await self.bot.store.forget_asked(list(message_ids), channel_id)
        except Exception as exc:  # (the database out of reach: one warning line)
            log_store_failure(log, exc, "could not forget the questions of deleted messages")

    def _tagged_answered(self, thread: discord.Thread) -> bool:
        """A watched post that carries the answered tag (as cached)."""
        return self._is_watched_forum(thread) and tagged_answered(self.bot, thread)

    @commands.Cog.listener()
    async def on_late_answer(self, message_id: int, channel_id: int, guild_id: int | None) -> None:
        """A reply recorded after its question's deletion was handled (remember_reply):
        taken back as the deletion's own would have been, also at a stop."""
        with self._deletion([message_id]):
            await self._answers_go_with(message_id, channel_id, guild_id)

    async def _answers_go_with(
        self, message_id: int, channel_id: int, guild_id: int | None
    ) -> None:
        """A deleted message takes the bot's answers to it along (its answer card, entries
        pointed at it, a post's answer): they may show the member's own words and numbers,
        theirs to take back. A post left with no answer is handed to people. Called within
        ``_deletion``: a stop lets it finish (the replies taken from the store are deleted,
        not forgotten)."""
        try:
            replies = await self.bot.store.take_replies(message_id)
        except Exception as exc:
            said = "could not read the replies to deleted message %s"
            log_store_failure(log, exc, said, message_id)
            return
        deleted = False
        for where, reply_id in replies:
            channel = self.bot.get_partial_messageable(where, guild_id=guild_id)
            try:
                self.bot.deleted_by_me.claim(reply_id)
                await channel.get_partial_message(reply_id).delete()
                deleted = True
            except discord.NotFound:
                continue  # (gone already: removed as not what was asked, or by a moderator)
            except NETWORK_ERRORS as exc:
                log.warning(
                    "could not delete reply %s to deleted message %s (%s)",
                    reply_id,
                    message_id,
                    describe_error(exc),
                )
        if deleted and message_id == channel_id:  # (a post's opening message: the thread's id)
            await self._post_lost_its_answer(channel_id)

    async def _post_lost_its_answer(self, thread_id: int) -> None:
        """A post tagged answered whose answer went with its opening message: retagged as
        after a removal (an unsure line that went changes no tag)."""
        try:
            thread = self.bot.get_channel(thread_id) or await self.bot.fetch_channel(thread_id)
        except NETWORK_ERRORS:
            log.warning("could not read post %s to retag it after its answer went", thread_id)
            return
        if isinstance(thread, discord.Thread) and self._tagged_answered(thread):
            await answer_gone(self.bot, thread)
