"""Answer new forum posts and mentions of the bot in watched channels. Parts of this cog,
mixed into it: answering a mention (bot/mentions.py), the posts and mentions made while the
bot was away (bot/catch_up.py), and deleted questions taking their answers along
(bot/deletions.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from functools import partial

import discord
from discord.ext import commands

from bot import mod_log, server_setup
from bot.answering import (
    Reply,
    ask,
    asker_hash,
    build_reply,
    remember,
    remember_reply,
    unasked,
)
from bot.app import RolloverBot
from bot.catch_up import CatchUp
from bot.command_mentions import command_ids, mention_commands
from bot.deletions import Deletions
from bot.delivery import DONE, SENT, Delivery
from bot.edited_posts import recheck_answers, still_answers
from bot.forum_tags import (
    NETWORK_ERRORS,
    TAG_FAILED,
    TAGS_FAILED_FOR_PEOPLE,
    answer_stands,
    closed,
    describe_error,
    in_watched_forum,
    is_answer,
    is_reply_card,
    owes_tags_only,
    tag_answered,
)
from bot.limits import Claims, PerUserWindows, SlidingWindow
from bot.mentions import (
    PROMPTS,
    PROMPTS_KEPT,
    Mentions,
    edited_in,
    edited_in_time,
    mentions_me,
)
from bot.replies import (
    NO_PINGS,
    from_a_member,
    post_question,
    replied_to_gone,
)
from bot.storage import PendingReply, log_store_failure
from bot.storage.base import seconds_from_now, utc_now

log = logging.getLogger(__name__)
#: The whole reply to a forum post the bot is unsure about (the entries are in its menu).
UNSURE_LINE = "Not sure I can answer this one; a person may know. Related FAQ entries:"
#: The reply to a question sent in a direct message, once an hour per member.
DM_HINT = (
    "I answer messages in the server (a post in the forum, or a mention). Here, ask with "
    "`/ask`, or look a topic up with `/faq`."
)
DM_HINT_SECONDS = 3600.0
#: Why a post is owed while the forum cap's minute is full.
HELD_BACK = "held back by the forum cap"


class Answers(CatchUp, Deletions, Mentions, commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        self.posts = Claims()
        # Mentions are claimed in this process only: a guild's mentions reach one shard,
        # and a new session is not sent old events; a resumed one may be sent one again.
        self.mentions = Claims()
        limits = bot.settings.limits
        self.forum_window = SlidingWindow(limits.forum_answers_per_minute)
        #: When the cap last held a post back (the forum window's clock): a flood is said once.
        self._cap_held_at: float | None = None
        self.mention_windows = PerUserWindows(lambda: bot.settings.limits.mention_per_minute)
        #: A direct message gets one pointer to /ask an hour, per member.
        self.dm_hints = PerUserWindows(lambda: 1, period=lambda: DM_HINT_SECONDS)
        self._slowed: set[int] = set()  # users already told to slow down in this window
        #: Owed replies this process is sending right now, by (kind, message id). A send
        #: can outlast its lease (discord.py waits out a 429); the retry queue must not
        #: send the same reply meanwhile.
        self._sending: set[tuple[str, int]] = set()
        #: Posts edited or renamed while their reply was being sent (ids): that reply, made
        #: for the post as it read before, is looked at once it is sent (see _sent_post).
        self._changed_meanwhile: set[int] = set()
        #: Posts claimed in this process, from the store's claim awaited until their reply
        #: is settled (by opening message id): a change to one is noted as to one in
        #: flight, and a mention edited into one is not answered beside it (answer_post).
        self._claiming: set[int] = set()
        #: Bare mentions the bot asked to be given a question ("Ask me after the mention"):
        #: the question edited in is answered (recent ones; the edit window is short).
        self._prompted = Claims(capacity=PROMPTS_KEPT)
        #: Servers still unavailable when a session became ready (in an outage Discord
        #: sends a server late, after discord.py stopped waiting), or that went unavailable
        #: since: their posts and mentions are caught up when they become available.
        self._late: set[int] = set()
        #: When each member's mentions answered at catch-up were sent: they are paced by
        #: that, not by the member's live window (see _paced).
        self._caught_up_sent: dict[int, list[dt.datetime]] = {}
        #: Channels where Discord refused a reply for permissions, already said in the
        #: moderator log (once, until a reply there goes out again).
        self._refused_in: set[int] = set()

    @contextlib.contextmanager
    def _in_flight(self, kind: str, message_id: int) -> Iterator[None]:
        """An owed reply being sent, and finished (tagged, recorded) before a stop."""
        self._sending.add((kind, message_id))
        try:
            with self.bot.replying((kind, message_id)):
                yield
        finally:
            self._sending.discard((kind, message_id))

    # -- forum posts ---------------------------------------------------------------------
    def _is_watched_forum(self, thread: discord.Thread) -> bool:
        return in_watched_forum(self.bot, thread)

    @commands.Cog.listener()
    async def on_thread_create(self, thread: discord.Thread) -> None:
        if not self._is_watched_forum(thread) or self.posts.seen(thread.id):
            return
        starter = thread.starter_message
        if starter is None:
            try:
                starter = await thread.fetch_message(thread.id)
            except discord.NotFound:
                return  # the starter MESSAGE_CREATE has not arrived yet; on_message handles it
            except NETWORK_ERRORS:
                log.warning("could not fetch the starter message of thread %s", thread.id)
                return
        await self.answer_post(thread, starter)

    async def _thread_of_starter(self, message: discord.Message) -> discord.Thread | None:
        """The forum thread a starter message opened (the thread may not be cached yet)."""
        if message.id != message.channel.id:
            return None
        if isinstance(message.channel, discord.Thread):
            return message.channel
        try:
            channel = await self.bot.fetch_channel(message.channel.id)
        except NETWORK_ERRORS:
            return None
        return channel if isinstance(channel, discord.Thread) else None

    async def answer_post(self, thread: discord.Thread, starter: discord.Message) -> None:
        if starter.author.bot:
            return
        # The in-memory claim settles races inside this process at once (no await between
        # check and mark); the store's claim survives restarts and RESUME replays, and owes
        # the reply until it is sent: if this process dies mid-reply, another one (or this
        # one, restarted) sends it once the lease runs out.
        owed = PendingReply(
            "post",
            thread.id,
            starter.id,
            due=seconds_from_now(self.bot.settings.retries.lease_seconds),
            attempts=1,
            question=post_question(thread, starter),
            asker_hash=asker_hash(self.bot, starter.author.id),
        )
        if self.bot.stopping or not self.posts.claim(thread.id):
            return  # (stopping: the next start's catch-up answers it)
        # A reply in progress from its claim on: a stop waits for it too (a claim the
        # database held up was cut off by the closing connection to Discord, its answer an
        # ERROR). Being sent only once claimed: a retry of it (restarted, the catch-up
        # finding it again) is not put off by a claim refused.
        with self.bot.replying():
            # A change seen while the store's claim is awaited is noted as one seen while
            # the reply is sent: the reply reads the opening message as it came, which an
            # edit does not change when it was fetched rather than cached.
            self._claiming.add(starter.id)
            try:
                claimed = await self._claimed(thread.id, owed, "forum post", thread.id)
                if claimed:
                    with self._in_flight("post", starter.id):
                        await self._settle(owed, await self._post_answer(thread, starter))
            finally:
                self._claiming.discard(starter.id)
            await self._sent_post(starter.id)

    async def _claimed(self, key: int, owed: PendingReply, what: str, shown: int) -> bool:
        """The store's claim of a reply under ``key`` (True: this process sends it); a
        store that fails is said in the log, of ``what`` and ``shown``, and answered."""
        try:
            return await self.bot.store.claim_post(key, owed)
        except Exception as exc:
            # Better a rare duplicate after a restart than a silently dropped question.
            said = f"could not record {what} %s as answered; answering anyway"
            log_store_failure(log, exc, said, shown)
            return True

    async def _post_answer(self, thread: discord.Thread, starter: discord.Message) -> Delivery:
        if closed(thread):
            # Locked or closed before its answer went (its opening message came late, say):
            # a reply would reopen it, against whoever closed it, as a retry's would.
            log.info("forum post %s was locked or closed: not answering it", thread.id)
            return DONE
        question = post_question(thread, starter)
        # A post that names the bot asked it, as a mention does: never left unanswered.
        asked = self.bot.user is not None and mentions_me(starter, self.bot.user)
        reply = await build_reply(self.bot, question, asker_id=starter.author.id, asked=asked)
        if closed(thread):
            # Closed while its question was matched (behind others on the answering thread).
            log.info("forum post %s was closed while it was answered: not answering it", thread.id)
            return DONE
        if (
            not asked
            and not reply.result.answered
            and (
                self.bot.settings.discord.low_confidence == "silent"
                or not unasked(self.bot, reply.result)
            )
        ):
            # nothing useful to say: leave the post to people (and the question to moderators)
            log.debug("forum post %s: nothing close enough in the FAQ; not replying", thread.id)
            await remember(
                self.bot,
                reply,
                thread.parent_id,
                sent=False,
                message_id=starter.id,
                asker_id=starter.author.id,
            )
            return DONE
        if not self.forum_window.allow():
            # A flood of posts (or a raid): hold the rest back; they wait in the store's queue.
            self._say_cap_reached(thread.id)
            return self._held_back()
        try:
            if reply.result.answered or asked:
                sent = await thread.send(
                    embeds=reply.embeds, view=reply.view, allowed_mentions=NO_PINGS
                )
            else:
                # Unsure: one compact line and the menu of entries, not a public "not sure"
                # card that makes helpers think the post is handled.
                sent = await thread.send(UNSURE_LINE, view=reply.view, allowed_mentions=NO_PINGS)
        except NETWORK_ERRORS as exc:
            # Not lost: owed in the store and retried (a warning, not an error with a traceback).
            error = describe_error(exc)
            log.warning(
                "reply to forum post %s not sent (%s); queued for a retry", thread.id, error
            )
            return Delivery(False, None, error)
        kept = await remember_reply(self.bot, starter.id, sent)
        tagged = True
        if reply.result.answered and kept:
            # Tagged before the bookkeeping (a busy database can take seconds): a "Not what
            # I asked" clicked meanwhile then retags after the tag, not before it.
            tagged = await tag_answered(self.bot, thread)
        await remember(
            self.bot, reply, thread.parent_id, message_id=starter.id, asker_id=starter.author.id
        )
        if not tagged:
            # Sent, but Discord failed the tag: owed still, so the retry finds the answer
            # and tags the post (else helpers see it as unanswered for good).
            return Delivery(False, None, TAG_FAILED, sent=True)
        return SENT

    def _say_cap_reached(self, thread_id: int) -> None:
        """A post held back by the forum cap: a warning for the first of a flood (a raid
        logged hundreds, one a post), the rest at DEBUG; a minute with none held ends it."""
        now = self.forum_window.clock()
        new_flood = self._cap_held_at is None or now - self._cap_held_at >= self.forum_window.period
        self._cap_held_at = now
        if not new_flood:
            log.debug("forum answer cap: thread %s waits in the retry queue", thread_id)
            return
        log.warning(
            "forum answer cap reached (limits.forum_answers_per_minute = %d): thread %s and "
            "the posts over it until the flood ends wait in the retry queue, answered in the "
            "order they came as the minute frees places",
            self.forum_window.limit,
            thread_id,
        )

    def _held_back(self) -> Delivery:
        """A post over the forum cap: owed until the cap's minute frees a place."""
        return Delivery(False, self.forum_window.retry_after(), HELD_BACK)

    async def _settle(self, owed: PendingReply, delivery: Delivery) -> None:
        """Record what became of an owed reply: sent (or nothing to send), or owed again
        (after the cap's wait, or the back-off for this many attempts)."""
        await self._say_refusal(owed, delivery)
        try:
            if delivery.done:
                await self.bot.store.settle_reply(owed.kind, owed.message_id)
                return
            wait = delivery.retry_in
            if wait is None:
                wait = self.bot.settings.retries.delay(owed.attempts)
            await self.bot.store.queue_reply(
                replace(owed, due=seconds_from_now(wait), last_error=delivery.error)
            )
        except Exception as exc:
            said = "could not update the retry queue for %s %s"
            log_store_failure(log, exc, said, owed.kind, owed.message_id)

    async def _say_refusal(self, owed: PendingReply, delivery: Delivery) -> None:
        """A reply Discord refused for the bot's permissions (403) is retried for hours,
        but only a moderator can mend it: the first refusal in a channel (a forum post's
        forum) goes to the moderator log at once, and again only after a reply there went
        out."""
        channel = self.bot.get_channel(owed.channel_id)
        where = getattr(channel, "parent_id", None) or owed.channel_id
        if delivery.done or not delivery.error.startswith("HTTP 403"):
            if delivery.done:
                self._refused_in.discard(where)
            return
        if where in self._refused_in:
            return
        self._refused_in.add(where)
        hours = self.bot.settings.retries.max_age_minutes / 60
        needs = server_setup.needed_for(owed.kind)
        await mod_log.post(self.bot, mod_log.refused_text(where, needs, delivery.error, hours))

    # -- owed replies, retried (the retries cog decides when) -----------------------------
    async def retry(self, owed: PendingReply) -> None:
        """Try an owed reply again, unless it has been sent after all (a process that died
        right after sending) or its message is gone."""
        if (owed.kind, owed.message_id) in self._sending:
            # Still being sent here: that send settles it (or queues it again if it fails).
            log.info("the reply to %s %s is still being sent", owed.kind, owed.message_id)
            return
        with self._in_flight(owed.kind, owed.message_id):
            await self._retry(owed)
        if owed.kind == "post":
            await self._sent_post(owed.message_id)

    async def _retry(self, owed: PendingReply) -> None:
        try:
            if owed.kind == "post":
                delivery = await self._retry_post(owed)
            else:
                # The channel itself, not a partial one: a post's opening message asks with
                # the post's title too, which only a thread knows.
                channel = self.bot.get_channel(owed.channel_id) or await self.bot.fetch_channel(
                    owed.channel_id
                )
                if isinstance(channel, discord.Thread) and closed(channel):
                    log.info("post %s was closed: the reply to its mention is not owed", channel.id)
                    delivery = DONE  # (a reply would reopen it, against that decision)
                elif not self._watched_channel(channel):
                    # (taken out of the settings since: the operator's word, as for a post)
                    log.info("mentions are no longer answered in %s: reply not owed", channel.id)
                    delivery = DONE
                elif isinstance(channel, discord.abc.Messageable):
                    message = await channel.fetch_message(owed.message_id)
                    delivery = await self._mention_reply(message, retry=True)
                else:
                    delivery = DONE  # (no longer a place to reply in)
        except discord.NotFound:
            log.info("%s %s was deleted: its reply is no longer owed", owed.kind, owed.message_id)
            delivery = DONE
        except NETWORK_ERRORS as exc:
            error = describe_error(exc)
            log.warning(
                "retried reply to %s %s not sent (%s); queued again",
                owed.kind,
                owed.message_id,
                error,
            )
            # A post owed only its tags stays so: its reason is what the next try reads
            # (else it looks for the post's own answer, and may settle it untagged).
            delivery = Delivery(False, None, owed.last_error if owes_tags_only(owed) else error)
        if delivery.sent:
            _say_sent_late(owed)
        await self._settle(owed, delivery)

    async def _retry_post(self, owed: PendingReply) -> Delivery:
        if not owes_tags_only(owed) and self.forum_window.full():
            # The cap would hold it back again, after three reads of Discord (the thread,
            # its opening message, its replies): in a flood, every pass spent them on each
            # post due, against the rate limit every reply shares. It waits for a place.
            return self._held_back()
        thread = await self.bot.fetch_channel(owed.channel_id)
        if not isinstance(thread, discord.Thread):
            return DONE  # not a forum post any more: nothing to answer
        if not self._is_watched_forum(thread):
            # Its forum was taken out of the settings since (often instead of allowing the
            # bot there): the operator does not want the bot to post there any more.
            log.info("forum post %s is no longer in a watched forum: reply not owed", thread.id)
            return DONE
        if closed(thread):
            log.info("forum post %s was locked or closed: its reply is no longer owed", thread.id)
            return DONE
        starter = await thread.fetch_message(owed.message_id)
        if owes_tags_only(owed):
            # Owed its tags only: an answer went out (the bot's, a mention's, or an entry
            # a helper pointed at it, maybe below the bot's unsure line). One deleted since
            # is gone for good, and not posted again.
            if await answer_stands(self.bot, thread) is False:
                return DONE
            return await self._tag(thread, owed.last_error)
        if found := await self._already_answered(thread, starter, under=starter):
            named = self.bot.user is not None and mentions_me(starter, self.bot.user)
            reply = partial(build_reply, self.bot, post_question(thread, starter), asked=named)
            await self._heard_late(found, starter, thread.parent_id, reply)
            if is_answer(found):  # (sent, its response lost before the tag could follow)
                return await self._tag(thread, TAG_FAILED)
            return DONE
        self.posts.claim(thread.id)
        return await self._post_answer(thread, starter)

    async def _heard_late(
        self,
        found: discord.Message,
        question: discord.Message,
        channel_id: int | None,
        reply: Callable[..., Awaitable[Reply]],
    ) -> None:
        """A reply Discord made whose response never reached the bot (lost on the way, or
        the process stopped right after sending), found by the retry: recorded once as its
        send would have been, so that it goes with its question when that is deleted and
        counts as served (a shaky or unsure one's question kept for the gaps). ``reply``
        builds it again (given ``asker_id`` and ``rejected``). A reply recorded already (by
        its own send, or an entry pointed at the message) is left as it is, and a notice
        (a link to an answer, a prompt) served nothing."""
        # (Its failure was a warning: the log says the reply is there after all.)
        log.info(
            "reply to message %s found sent already (%s): not sent again", question.id, found.id
        )
        if not is_reply_card(found):
            return
        try:
            if not await self.bot.store.record_reply(question.id, found.channel.id, found.id):
                return
        except Exception as exc:
            said = "could not record reply %s to message %s"
            log_store_failure(log, exc, said, found.id, question.id)
            return
        rejected = await self._rejected(question.id)
        made = await reply(asker_id=question.author.id, rejected=rejected)
        await remember(
            self.bot, made, channel_id, message_id=question.id, asker_id=question.author.id
        )

    async def _tag(self, thread: discord.Thread, error: str) -> Delivery:
        """A retry tags an answered post; owed again while Discord fails the tag."""
        settles = error == TAGS_FAILED_FOR_PEOPLE  # (as the pointer that answered it would)
        if await tag_answered(self.bot, thread, pointed=settles, settles_human=settles):
            return DONE
        return Delivery(False, None, error)

    async def _already_answered(
        self,
        channel: discord.abc.Messageable,
        after: discord.Message,
        *,
        under: discord.Message,
        asking: bool = False,
        also: discord.Message | None = None,
    ) -> discord.Message | None:
        """The bot's answer to ``under`` since ``after``, if any: a reply to it or, when
        ``under`` starts a forum post, the post's own answer (which is no reply).
        Looked for from ``after`` on: a mention answering an older question is answered
        under that question, but only after the mention, however much chat came in
        between. A reply to another message, or a command's response, answers something
        else. ``asking``: ``under`` holds a question now, and the request for one the bot
        made when it was a bare mention (or one that only greeted) does not answer it (the
        member edited it in), nor does the unsure line of a post whose member asked by an
        edit.
        ``also``: a reply to that message counts too."""
        me = self.bot.user
        if me is None:
            return None
        # (a thread's starter message has the thread's id)
        answers = {under.id, None} if under.id == getattr(channel, "id", None) else {under.id}
        if also is not None:
            answers.add(also.id)
        async for later in channel.history(after=after, limit=50, oldest_first=True):
            if later.author.id != me.id or later.interaction_metadata is not None:
                continue
            # (the unsure line: a post's, its member asking by an edit; a prompt, greeted
            # or not)
            if asking and later.content in (*PROMPTS, UNSURE_LINE):
                continue
            if (later.reference.message_id if later.reference else None) in answers:
                return later
        return None

    # -- messages: forum starters and mentions -------------------------------------------
    def _asked_by_a_member(self, message: discord.Message) -> bool:
        """A person's message, a proxied one (PluralKit) included: the proxy deletes the
        member's original at once, so its copy is the only one to answer. Never the bot's
        own (its followups come through a webhook too)."""
        me = self.bot.user
        return from_a_member(message) and (me is None or message.author.id != me.id)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if not self._asked_by_a_member(message):
            return
        if message.guild is None:
            await self._point_to_ask(message)
            return
        thread = await self._thread_of_starter(message)
        if thread is not None and self._is_watched_forum(thread):
            await self.answer_post(thread, message)
            return
        me = self.bot.user
        if me is not None and self._to_me(message, me) and self._watched_channel(message.channel):
            await self.answer_mention(message)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A question whose "@Rollover Bot" is added by an edit a moment later is answered
        (once: the mention's claims hold whichever event comes first or again)."""
        message, me = payload.message, self.bot.user
        before = payload.cached_message
        if me is not None and await self._question_edited_in(message, me, before):
            return
        if me is not None and await self._reply_edited_to_ask(message, me, before):
            return
        if (
            me is None
            or not self._asked_by_a_member(message)
            or message.guild is None
            or not mentions_me(message, me)
            or (before is not None and mentions_me(before, me))  # (not added by this edit)
            or not edited_in_time(message)
            or not self._watched_channel(message.channel)
        ):
            return
        # A watched post was answered as a post, or left to people when the bot had nothing
        # to say (silence, or its unsure line, which answers nothing): the member asks now,
        # so a post the bot gave no answer is answered as a mention. (Another forum's post
        # is answered as a mention from the start.)
        thread = await self._thread_of_starter(message)
        watched_post = thread is not None and self._is_watched_forum(thread)
        if watched_post and (
            self._being_answered(message.id)
            or await self._post_still_owed(message.id)
            or await self._answered_post(thread, message)  # type: ignore[arg-type]
        ):
            return
        await self.answer_mention(message, claim=edited_in(message.id) if watched_post else None)

    @commands.Cog.listener("on_raw_message_edit")
    async def on_post_edited(self, payload: discord.RawMessageUpdateEvent) -> None:
        """A watched post's opening message edited: its answer may now answer a question
        the post no longer asks, and says so (bot/edited_posts.py)."""
        message, before = payload.message, payload.cached_message
        if message.guild is None or message.id != message.channel.id:
            return
        if before is not None and before.content == message.content:
            return  # (a link's preview came, say: the question is as it was)
        if self._being_answered(message.id):
            self._changed_meanwhile.add(message.id)  # (its reply, once sent, is looked at)
            return
        thread = await self._thread_of_starter(message)
        if (
            thread is not None
            and self._is_watched_forum(thread)
            and self._asked_by_a_member(message)
        ):
            await recheck_answers(self.bot, thread, message)

    @commands.Cog.listener()
    async def on_thread_update(self, before: discord.Thread, after: discord.Thread) -> None:
        """A watched post renamed: its title is part of its question, as its message is."""
        if before.name == after.name or not self._is_watched_forum(after):
            return
        if self._being_answered(after.id):
            self._changed_meanwhile.add(after.id)  # (its reply, once sent, is looked at)
            return
        starter = after.starter_message
        if starter is None:
            try:
                starter = await after.fetch_message(after.id)
            except NETWORK_ERRORS:
                return  # (its opening message deleted, or unreadable: nothing to judge by)
        if self._asked_by_a_member(starter):
            await recheck_answers(self.bot, after, starter, just_changed=True)

    def _being_answered(self, post_id: int) -> bool:
        """The post's reply is claimed or being sent by this process."""
        return post_id in self._claiming or ("post", post_id) in self._sending

    async def _sent_post(self, post_id: int) -> None:
        """A post's reply sent (or settled otherwise): if the post was edited or renamed
        meanwhile, the reply was made for it as it read before, and went up after the
        change, so the change's own look found nothing to mark (or a reply newer than the
        edit); it is looked at now, with the post as it reads now."""
        if post_id not in self._changed_meanwhile:
            return
        self._changed_meanwhile.discard(post_id)
        if self.bot.stopping:  # (as for any edit then: Discord's connection is closing)
            log.info("stopping: the answer of edited post %s is not looked at now", post_id)
            return
        try:
            # (discord.py keeps a cached post and its opening message as the events change them)
            thread = self.bot.get_channel(post_id) or await self.bot.fetch_channel(post_id)
            if not isinstance(thread, discord.Thread):
                return
            starter = thread.starter_message or await thread.fetch_message(post_id)
        except NETWORK_ERRORS as exc:
            log.warning("could not read post %s, changed while answered: %r", post_id, exc)
            return
        await recheck_answers(self.bot, thread, starter, just_changed=True)

    async def _answered_post(self, thread: discord.Thread, starter: discord.Message) -> bool:
        """Whether the bot replied to the post with more than its unsure line (a post it
        was not sure about is answered when its member asks by an edit, as "@bot" sent
        under it is), and its answer answers the post as it reads now (one that answered
        it as first written does not answer the question edited in with the mention)."""
        try:
            found = await self._already_answered(thread, starter, under=starter)
        except NETWORK_ERRORS as exc:
            # The edit comes once: a question dropped for a failed read would never be
            # answered, so it is taken as unanswered (as an unreadable mention's is).
            log.warning(
                "could not read post %s for its answer (%s); answering the mention edited in",
                thread.id,
                describe_error(exc),
            )
            return False
        if found is None or found.content == UNSURE_LINE or self.bot.user is None:
            return False
        now = await ask(self.bot.knowledge, post_question(thread, starter))
        return still_answers(found, self.bot.user, thread, now)

    async def _point_to_ask(self, message: discord.Message) -> None:
        """A question sent in a direct message got silence: the bot answers messages in the
        server; here /ask does. Said once an hour per member, never more. Discord's own
        notices (a pin in the DM, credited to the member) ask nothing and take no reply."""
        if message.is_system() or not self.dm_hints.get(message.author.id).allow():
            return
        try:
            # (/ask and /faq as command mentions, which open them with a tap: typed out, on
            # a phone, they were a chore, as the calculators' hint says too)
            hint = mention_commands(DM_HINT, await command_ids(self.bot, None))
            await message.reply(hint, mention_author=False, allowed_mentions=NO_PINGS)
        except NETWORK_ERRORS as exc:
            # Not seen: the hour's hint is not spent (the message they sent next, the one
            # they meant to keep, got silence).
            self.dm_hints.get(message.author.id).give_back()
            if replied_to_gone(exc):
                log.info("direct message %s was deleted before it was pointed to /ask", message.id)
                return
            log.warning(
                "could not point the sender of direct message %s to /ask (%s)",
                message.id,
                describe_error(exc),
            )

    async def _post_still_owed(self, starter_id: int) -> bool:
        """The post's answer waits in the retry queue (held back by the cap, or a failed
        send): it will come, so an edit's mention must not answer it a second time. (One
        owed only its tags has had its answer: whether it answers the edit is read from
        the thread, as for any post.)"""
        try:
            owed = await self.bot.store.pending_replies()
        except Exception as exc:
            said = "could not read the retry queue; taking post %s as owed"
            log_store_failure(log, exc, said, starter_id)
            return True
        return any(
            o.kind == "post" and o.message_id == starter_id and not owes_tags_only(o) for o in owed
        )

    def _watched_channel(self, channel: discord.abc.Messageable) -> bool:
        """Where a mention is answered: the text channels listed (and their threads), any
        when none are, and the posts of a watched forum, whose posts the bot answers."""
        ids = set(self.bot.settings.discord.text_channel_ids)
        if not ids or in_watched_forum(self.bot, channel):
            return True
        parent_id = getattr(channel, "parent_id", None)
        return getattr(channel, "id", None) in ids or parent_id in ids


def _say_sent_late(owed: PendingReply) -> None:
    """An owed reply that went out: its failure was a warning ("not sent ...; queued for a
    retry"), and without this line the log never said that the reply was sent after all.
    Posts the forum cap held back are at DEBUG, as the flood's posts were (one warning)."""
    what = (
        f"forum post {owed.message_id}"
        if owed.kind == "post"
        else f"the mention in message {owed.message_id}"
    )
    owed_for = (utc_now() - owed.created).total_seconds()
    log.log(
        logging.DEBUG if owed.last_error == HELD_BACK else logging.INFO,
        "reply to %s sent from the retry queue (try %d, owed for %.0f s)",
        what,
        owed.attempts,
        owed_for,
    )


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Answers(bot))
