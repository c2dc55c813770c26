"""Mentions of the bot in watched channels, and replies to its messages: what they ask
(their own words, what they quote, or the member's message they reply to) and the answer,
under the question; a question edited in shortly after is answered as if sent so.

A part of the Answers cog (bot/cogs/answers.py), mixed into it, as the catch-up and the
deletions are: the catch-up hands it the mentions sent while the bot was away
(``answer_mention``), and the cog's listeners hand it the live ones.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import partial

import discord

from bot.answering import (
    MAX_QUESTION_CHARS,
    ask,
    asker_hash,
    build_reply,
    calculator_hint,
    remember,
    remember_reply,
)
from bot.app import RolloverBot
from bot.catch_up import CATCH_UP_WINDOW
from bot.command_mentions import command_ids, mention
from bot.delivery import DONE, SENT, Delivery
from bot.embeds import help_embed
from bot.forum_tags import (
    NETWORK_ERRORS,
    describe_error,
    in_watched_forum,
    is_answer,
    tag_answered_or_owe,
)
from bot.limits import Claims, PerUserWindows, wait_text
from bot.replies import (
    NO_PINGS,
    from_a_member,
    own_and_quoted,
    question_in,
    replied_to_gone,
    shows_a_picture,
)
from bot.small_talk import THANKS_REPLY, asks_for_help, small_talk
from bot.storage import PendingReply, log_store_failure
from bot.storage.base import seconds_from_now
from calculators.typed import typed_command
from knowledge.matcher import MatchResult, within

log = logging.getLogger(__name__)

#: A mention edited into a message this young is answered as if it had been sent so.
EDITED_MENTION_WINDOW = dt.timedelta(minutes=15)
#: The reply to a bare mention: it asks for the question, and answers none edited in later.
ASK_AFTER_MENTION = "Ask me after the mention, for example: *is my after-tax rollover prorated?*"
#: The bare mention's reply when it shows a picture or file (a photo of a 1099-R, its own or
#: the message it replies to): the member sent something, which the bot cannot read.
PICTURE_PROMPT = f"I can't read pictures or files. {ASK_AFTER_MENTION}"
#: The replies that ask for a question: to a bare mention (with a picture), and to one that
#: only greets.
PROMPTS = (ASK_AFTER_MENTION, f"Hi! {ASK_AFTER_MENTION}", PICTURE_PROMPT)


def edited_in_time(message: discord.Message) -> bool:
    """Whether an edit to ``message`` is still answered as if it had been sent so."""
    return discord.utils.utcnow() - message.created_at <= EDITED_MENTION_WINDOW


#: Bare mentions remembered as asked for a question (a member edits one in within minutes).
PROMPTS_KEPT = 1000


def edited_in(message_id: int) -> int:
    """The store's claim of a mention edited into a watched post's opening message, or of
    a question edited into a bare mention the bot asked to be given one: the message's own
    id is the post's or the mention's claim, taken when it came. Snowflakes are never
    negative, so no post or message claims this one."""
    return -message_id


def closed_since(channel: object) -> bool:
    """A mention's post or thread closed by the time its reply would go: a reply would
    reopen it, against the decision of whoever closed it (logged, not sent)."""
    if isinstance(channel, discord.Thread) and channel.archived:
        log.info("thread %s was closed: the reply to its mention is not sent", channel.id)
        return True
    return False


def strength(result: MatchResult) -> float:
    """How well the FAQ matches a text, answered or not: its closest entry's score."""
    hits = ([result.best] if result.best else []) + list(result.suggestions)
    return max((h.score for h in hits), default=0.0)


def mentions_me(message: discord.Message, me: discord.abc.Snowflake) -> bool:
    """The bot named in the text: ``@Rollover Bot``, as its user or as its own role (Discord's
    picker offers both under that name). A reply to the bot also lists it in
    ``message.mentions`` (the reply's ping, which the member may turn off): replies_to_me."""
    users, roles = named_outside_code(message)
    if me.id in users:
        return True
    role = message.guild.self_role if message.guild is not None else None
    return role is not None and role.id in roles


#: Code as Discord renders it, a fenced block or an inline span (`...`, ``...``): a mention
#: inside shows as its raw text and pings nobody ("type `@Rollover Bot your question`").
_CODE = re.compile(r"```.*?```|(`+).*?[^`]\1(?!`)", re.DOTALL)


_USER = re.compile(r"<@!?([0-9]{15,20})>")


_ROLE = re.compile(r"<@&([0-9]{15,20})>")


def named_outside_code(message: discord.Message) -> tuple[set[int], set[int]]:
    """The users and roles the text mentions, as discord.py's raw_mentions and
    raw_role_mentions read them, but not inside code: those read every ``<@id>``, so a
    member showing how to ask the bot was answered by it."""
    text = _CODE.sub(" ", message.content)
    return {int(i) for i in _USER.findall(text)}, {int(i) for i in _ROLE.findall(text)}


def replies_to_me(message: discord.Message, me: discord.abc.Snowflake) -> bool:
    """A Discord reply to one of the bot's own messages (its answer, say), ping on or off.
    A follow-up asked so ("does that apply to a 403(b) too?") got silence."""
    if message.type != discord.MessageType.reply or message.reference is None:
        return False
    replied = message.reference.resolved
    return isinstance(replied, discord.Message) and replied.author.id == me.id


class Mentions:
    """The Answers cog's answering of mentions (see the module's docstring). The cog
    provides the attributes below, its claims and retry queue (``_claimed``,
    ``_in_flight``, ``_settle``), the look for the bot's replies (``_already_answered``,
    ``_heard_late``) and where it answers (``_watched_channel``, ``_asked_by_a_member``)."""

    bot: RolloverBot
    mentions: Claims
    mention_windows: PerUserWindows
    _slowed: set[int]
    _prompted: Claims
    _caught_up_sent: dict[int, list[dt.datetime]]

    def _to_me(self, message: discord.Message, me: discord.abc.Snowflake) -> bool:
        """Asked of the bot: it is named, or the message replies to one of its own (answered
        as a mention is, except that a reply asking nothing, "thanks!", gets no word back).
        Not a reply in the moderator log: moderators answering a log line talk to each
        other there; nor one naming someone else ("@Alex does this fit your plan?"): it
        asks them."""
        if mentions_me(message, me):
            return True
        to_others = any(named_outside_code(message))
        return replies_to_me(message, me) and not self._in_mod_log(message) and not to_others

    async def _question_edited_in(
        self, message: discord.Message, me: discord.ClientUser, before: discord.Message | None
    ) -> bool:
        """A bare mention the bot asked to be given a question, edited to hold one: answered
        now (said so, the member did as asked; the mention was not new, so it was ignored).
        The prompts this process sent are remembered; one it did not send (it started since,
        or another process sent it in a hand-over) is read under the message, when this
        process did not see the message hold a question before the edit."""
        if (
            message.guild is None
            or not self._asked_by_a_member(message)
            or not mentions_me(message, me)
            or not question_in(message)
            or not edited_in_time(message)
        ):
            return False  # (a direct message or a bot's is never prompted: nothing to read)
        if not self._prompted.seen(message.id) and (
            (before is not None and question_in(before)) or not await self._prompted_in(message)
        ):
            return False
        self._prompted.release(message.id)
        await self.answer_mention(message, here=True)
        return True

    async def _reply_edited_to_ask(
        self, message: discord.Message, me: discord.ClientUser, before: discord.Message | None
    ) -> bool:
        """A reply to the bot that asked nothing ("thanks!", which got no word back), edited
        within the window to ask a question (a mention added or not): answered now, as if
        sent so. Its own claim was taken, and spent on silence, when it came, so the edit
        answers under the claim an edit has (edited_in), once. Read from the message as this
        process saw it before the edit; else (a restart since, the catch-up, a busy
        channel's cache) from Discord and the store: nothing said under it, nor owed."""
        if (
            message.guild is None
            or not self._asked_by_a_member(message)
            or not edited_in_time(message)
            or not self._watched_channel(message.channel)
        ):
            return False
        if before is not None:
            # (a mention's edits follow the mention's rules)
            if mentions_me(before, me) or not await self._left_as_sent(before, me):
                return False
        elif not (replies_to_me(message, me) and self._to_me(message, me)):
            return False
        if self._asks_another(message, me) or await self._asks_nothing(message):
            return False
        if before is None and not await self._got_no_word(message):
            return False
        await self.answer_mention(message, here=True)
        return True

    async def _got_no_word(self, message: discord.Message) -> bool:
        """Whether the bot said nothing under a message and owes it nothing, nor took an
        answer to it back ("Not what I asked"): what it asked as sent is not known here,
        and one answered must not be answered again for an edit. Its replies the store
        recorded count too: one deleted by hand, or more than the 50 messages read further
        down, is not under it on Discord, and the edit was answered a second time."""
        read, found = await self._reply_under_for_edit(message)
        if not read or found is not None:
            return False
        try:
            owed = await self.bot.store.pending_replies()
            replied = await self.bot.store.replies_to(message.id)
        except Exception as exc:
            said = "could not read the retry queue or replies; taking mention %s as answered"
            log_store_failure(log, exc, said, message.id)
            return False
        if replied or any(o.kind == "mention" and o.message_id == message.id for o in owed):
            return False
        return not await self._rejected(message.id)

    async def _left_as_sent(self, message: discord.Message, me: discord.abc.Snowflake) -> bool:
        """A reply to the bot it left unanswered as sent: one asking it nothing ("thanks!"),
        or one naming someone else ("@Alex which box ...?"), which asked them; the name
        dropped by an edit, the same words sent fresh would be asked of the bot."""
        if self._asks_another(message, me):
            return replies_to_me(message, me) and not self._in_mod_log(message)
        return self._to_me(message, me) and await self._asks_nothing(message)

    def _in_mod_log(self, message: discord.Message) -> bool:
        """In the moderator log, where moderators replying to a line talk to each other."""
        return message.channel.id == self.bot.settings.discord.mod_log_channel_id

    def _asks_another(self, message: discord.Message, me: discord.abc.Snowflake) -> bool:
        """A reply to the bot edited to name someone else, not the bot: it asks them. (The
        message it replies to is read from the cache, as an edit's event may not carry it.)"""
        return any(named_outside_code(message)) and not mentions_me(message, me)

    async def _asks_nothing(self, message: discord.Message) -> bool:
        """Whether a reply to the bot asks it nothing, read as _mention_reply reads it
        (its own words and what it quotes; "thanks!" or a GIF ask nothing)."""
        question, _ = await self._what_is_asked(message, None)
        return not question or bool(small_talk(question))

    async def _prompted_in(self, message: discord.Message) -> bool:
        """Whether the bot's first reply under the message asked for the question (read
        from Discord: the memory of prompts does not outlive a restart)."""
        read, found = await self._reply_under_for_edit(message)
        return read and found is not None and found.content in PROMPTS

    async def _reply_under_for_edit(
        self, message: discord.Message
    ) -> tuple[bool, discord.Message | None]:
        """Whether Discord could be read, and the bot's reply under the message: what an
        edit's answer is decided by. Unread is said in the log, and the edit not answered
        (the message may hold a question answered already)."""
        try:
            return True, await self._already_answered(message.channel, message, under=message)
        except NETWORK_ERRORS as exc:
            log.warning(
                "could not read the replies under message %s (%s); an edit is not answered",
                message.id,
                describe_error(exc),
            )
            return False, None

    async def _referenced(self, message: discord.Message) -> discord.Message | None:
        """The message a reply points at (someone else's question), if it can be read."""
        ref = message.reference
        if ref is None or ref.message_id is None:
            return None
        if isinstance(ref.resolved, discord.Message):
            return ref.resolved
        try:
            return await message.channel.fetch_message(ref.message_id)
        except NETWORK_ERRORS:
            return None  # deleted or unreadable: answer the mention's own text

    async def answer_mention(
        self,
        message: discord.Message,
        *,
        here: bool = False,
        claim: int | None = None,
        caught_up: bool = False,
    ) -> None:
        """``claim``: the store's claim to take, when not the message's id (taken already by
        the post it opened). ``here``: a bare mention the bot asked to be given a question,
        now edited in (claimed already here; in the store under edited_in). ``caught_up``: read
        at a catch-up, sent while the bot was away (paced by when it was sent)."""
        if not here and not self.mentions.claim(message.id):
            return
        if caught_up:
            if not self._paced(message):
                return
        elif not await self._within_window(message):
            return
        await self._claim_and_answer(message, here=here, claim=claim)

    def _paced(self, message: discord.Message) -> bool:
        """Whether a mention read at catch-up is within the member's per-minute limit,
        counted by when they sent it. One past it is left without a "you're asking
        quickly" (it was sent minutes ago, to a bot that was away), and those answered
        use up nothing of the member's live window: their next question, asked now, is
        answered."""
        horizon = discord.utils.utcnow() - 2 * CATCH_UP_WINDOW  # (no catch-up reads older)
        sent_by = self._caught_up_sent
        for author in [a for a, times in sent_by.items() if max(times) < horizon]:
            del sent_by[author]
        sent = message.created_at
        times = sent_by.setdefault(message.author.id, [])
        # Within a minute either way: the catch-up reads channels and posts in no order of
        # time, and this still answers at most the limit in any minute.
        near = [t for t in times if abs(sent - t) < dt.timedelta(minutes=1)]
        if len(near) >= self.bot.settings.limits.mention_per_minute:
            return False
        times.append(sent)
        return True

    async def _within_window(self, message: discord.Message) -> bool:
        """A live mention within the member's per-minute window; past it, told to slow down
        once (then silence until the window frees up)."""
        window = self.mention_windows.get(message.author.id)
        try:
            if not window.allow():
                if message.author.id not in self._slowed:
                    self._slowed.add(message.author.id)
                    await message.reply(
                        f"You're asking quickly; try again in {wait_text(window.retry_after())}, "
                        "or use `/ask`.",
                        mention_author=False,
                        allowed_mentions=NO_PINGS,
                    )
                return False
        except NETWORK_ERRORS as exc:
            # Not told: their next mention in the window tells them (it got silence, the
            # member never learning why the bot ignored them).
            self._slowed.discard(message.author.id)
            if replied_to_gone(exc):
                log.info("message %s was deleted before it was told to slow down", message.id)
                return False
            # (Discord's trouble, not the bot's: a warning, as for any reply not sent.)
            log.warning(
                "could not tell the author of message %s to slow down (%s)",
                message.id,
                describe_error(exc),
            )
            return False
        self._slowed.discard(message.author.id)
        return True

    async def _claim_and_answer(
        self, message: discord.Message, *, here: bool, claim: int | None
    ) -> None:
        # Claimed in the store too, as a forum post is (a message id is as unique as a
        # thread's): during a hand-over both processes get the mention, and one answers.
        # The claim owes the reply until it is sent, so a process dying mid-reply leaves it
        # to another once the lease runs out.
        owed = PendingReply(
            "mention",
            message.channel.id,
            message.id,
            due=seconds_from_now(self.bot.settings.retries.lease_seconds),
            attempts=1,
            question=within(question_in(message), MAX_QUESTION_CHARS),
            asker_hash=asker_hash(self.bot, message.author.id),
        )
        if self.bot.stopping:
            return  # (the next start's catch-up answers it)
        with self.bot.replying():  # (from its claim on, as a post's: a stop waits for it)
            # (A question edited into a prompted mention: the mention's own claim was taken
            # when it came, so the edit has one of its own, as a process restarted since, or
            # the other of two in a hand-over, may see the same edit.)
            key = edited_in(message.id) if here else message.id if claim is None else claim
            if not await self._claimed(key, owed, "mention", message.id):
                return
            with self._in_flight("mention", message.id):
                await self._settle(owed, await self._mention_reply(message))

    async def _what_is_asked(
        self, message: discord.Message, referenced: discord.Message | None
    ) -> tuple[str, discord.Message]:
        """The question a mention asks and the message to answer under. Its own words when
        the FAQ answers them; else whichever the FAQ matches best of its own words, the
        words it quotes ("> ...") and the member's message it replies to ("@bot" or "@bot
        this one?" under someone's question answers that question, under it; "@bot what
        about the earnings?" under a remark asks its own). Own words win ties."""
        own, quoted = own_and_quoted(message)
        pointed = referenced is not None and from_a_member(referenced)
        if (quoted or pointed) and asks_for_help(own):
            # "@bot faq" under someone's question asks the bot to answer it from the FAQ, as
            # a bare "@bot" there does: the /help card it got answered nobody.
            own = ""
        choices = [(own, message)] if not quoted else [(own, message), (quoted, message)]
        if referenced is not None and pointed:
            choices.append((question_in(referenced), referenced))
        choices = [(within(text, MAX_QUESTION_CHARS), where) for text, where in choices if text]
        if not choices:
            return "", message
        if len(choices) == 1:
            return choices[0]
        knowledge = self.bot.knowledge
        first = await ask(knowledge, choices[0][0])  # (the own words, if any)
        if own and first.answered:
            return choices[0]
        scores = [strength(first)]
        for text, _ in choices[1:]:
            scores.append(strength(await ask(knowledge, text)))
        return choices[scores.index(max(scores))]

    async def _answer_under(self, question: discord.Message) -> discord.Message | None:
        """The bot's answer already under someone's question, if one can be seen: an answer
        card, not a notice; when the history cannot be read, none (answer it again)."""
        try:
            found = await self._already_answered(question.channel, question, under=question)
        except NETWORK_ERRORS as exc:
            log.info("could not look for an answer under %s: %s", question.id, exc)
            return None
        return found if found is not None and is_answer(found) else None

    async def _rejected(self, question_id: int) -> set[str]:
        """The entries whose answer to that message was removed as not what was asked
        (none when the store cannot say: answering beats staying silent)."""
        try:
            return await self.bot.store.rejected(question_id)
        except Exception as exc:
            said = "could not read the answers rejected under message %s"
            log_store_failure(log, exc, said, question_id)
            return set()

    async def _mention_reply(self, message: discord.Message, *, retry: bool = False) -> Delivery:
        """Answer a mention: its own question, or the one it quotes, or the message it
        replies to (someone else's question, answered under that question)."""
        if closed_since(message.channel):
            # Closed since it was asked ("thanks @bot!", and the member closed their post
            # while the reply waited on the database).
            return DONE
        referenced = await self._referenced(message)
        question, target = await self._what_is_asked(message, referenced)
        try:
            # (Answered under someone's question, or given the link to the answer there:
            # that link replies to the mention itself.)
            if retry and (
                found := await self._already_answered(
                    message.channel, message, under=target, asking=bool(question), also=message
                )
            ):
                made = partial(build_reply, self.bot, question)
                await self._heard_late(found, target, message.channel.id, made)
                return DONE
            if target is not message and (found := await self._answer_under(target)):
                # Several "@bot" replies under one question: one answer, then a pointer to it.
                await message.reply(
                    f"I answered that question already: {found.jump_url}",
                    mention_author=False,
                    allowed_mentions=NO_PINGS,
                )
                return SENT
            me = self.bot.user
            if (not question or small_talk(question)) and not (me and mentions_me(message, me)):
                # A reply to the bot that asks nothing ("thanks!", a GIF) ends the exchange:
                # a word back to each would be noise in the channel.
                return DONE
            if not question:
                shown = [message]
                if referenced is not None and from_a_member(referenced):
                    shown.append(referenced)  # (the bot's own card shows an embed)
                await message.reply(
                    PICTURE_PROMPT if any(map(shows_a_picture, shown)) else ASK_AFTER_MENTION,
                    mention_author=False,
                    allowed_mentions=NO_PINGS,
                )
                self._prompted.claim(message.id)
                return SENT
            if target is message and (typed := typed_command(question)):
                ids = await command_ids(self.bot, message.guild)
                await message.reply(
                    calculator_hint(typed, ids), mention_author=False, allowed_mentions=NO_PINGS
                )
                return SENT
            if target is message and asks_for_help(question):
                ids = await command_ids(self.bot, message.guild)
                await message.reply(
                    embed=help_embed(mention(ids)), mention_author=False, allowed_mentions=NO_PINGS
                )
                return SENT
            if target is message and (said := small_talk(question)):
                # ("@bot thanks!" is no question: a word back, not "no entry looks close")
                text = THANKS_REPLY if said == "thanks" else PROMPTS[1]
                await message.reply(text, mention_author=False, allowed_mentions=NO_PINGS)
                if said == "greeting":  # (as a bare mention: an edit adding a question counts)
                    self._prompted.claim(message.id)
                return SENT
            rejected = await self._rejected(target.id)
            reply = await build_reply(
                self.bot, question, asker_id=target.author.id, rejected=rejected
            )
            if closed_since(message.channel):
                # Closed while that read waited on the database (seconds when it is busy),
                # or while the question was matched (behind others on the answering thread).
                return DONE
            if self.bot.deleted_lately.seen(target.id):
                # Deleted meanwhile (PluralKit deletes the message it proxies within a
                # second): Discord refuses a reply to it, which was a warning and a retry.
                log.info("message %s was deleted: its answer is not sent", target.id)
                return DONE
            sent = await target.reply(
                embeds=reply.embeds,
                view=reply.view,
                mention_author=False,
                allowed_mentions=NO_PINGS,
            )
        except NETWORK_ERRORS as exc:
            if replied_to_gone(exc):
                # Deleted after the look above, its event not come yet: as if seen there.
                log.info(
                    "reply to the mention in message %s not sent: the message it answers was "
                    "deleted",
                    message.id,
                )
                return DONE
            error = describe_error(exc)
            log.warning(
                "reply to the mention in message %s not sent (%s); queued for a retry",
                message.id,
                error,
            )
            return Delivery(False, None, error)
        kept = await remember_reply(self.bot, target.id, sent)
        channel = message.channel
        if (
            kept
            and reply.result.answered
            and target.id == channel.id
            and in_watched_forum(self.bot, channel)
        ):
            # An answer to a watched post's opening message (its id is the thread's) answers
            # the post, as the bot's own answer to it does; one to a later message does not.
            await tag_answered_or_owe(self.bot, channel)  # type: ignore[arg-type]
        await remember(
            self.bot, reply, message.channel.id, message_id=target.id, asker_id=target.author.id
        )
        return SENT
