""" "Answer with FAQ": a helper points someone's message at an FAQ entry.

Right-click a message > Apps > Answer with FAQ: the helper privately picks an entry (the
bot's best guesses for that message first, then the others by title) and the bot replies
to that message with the entry's short answer, saying who pointed it there. Open to every
member unless `discord.helper_role_ids` names the roles that may.
"""

from __future__ import annotations

import asyncio
import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot.answering import MAX_QUESTION_CHARS, in_time, ranked, remember_reply, worked_through
from bot.app import RolloverBot
from bot.embeds import answer_embed, neutralize, year_note_embed
from bot.entry_menus import entry_menus, more_placeholder
from bot.forum_tags import (
    NETWORK_ERRORS,
    answered_entry,
    closed,
    in_watched_forum,
    tag_answered_or_owe,
)
from bot.limits import Claims, PerUserWindows, per_user, user_key, wait_text
from bot.replies import (
    NO_PINGS,
    apologise,
    from_a_member,
    next_send,
    question_in,
    replied_to_gone,
    send_private,
    shows_a_picture,
)
from bot.roles import is_helper, speaks_for_people
from bot.storage import TaughtExample, hash_user, log_store_failure
from bot.storage.base import utc_now
from bot.views import answer_view
from bot.year_note import year_note
from knowledge.layout import EMBED_TOTAL_LIMIT
from knowledge.matcher import within

log = logging.getLogger(__name__)
GUESSES = 5
HELPERS_ONLY = "Only helpers can point a message at an FAQ entry."
PICK = "Pick the entry that answers it"
USED_PICKER = "This picker already posted an answer; use Answer with FAQ again for another."
MENUS = 5  # a message's rows: up to 125 entries listed
#: How many messages after the pointed one are read for the bot's answer already there.
LOOK_AFTER = 50


CLOSED_POST = "That post is closed or locked; nothing was posted (reopen it first)."
MESSAGE_DELETED = "That message was deleted; nothing was posted."
#: A pick of an entry a reload took out since the picker opened: "try again" sent helpers
#: back to the same picker, which still lists it.
GONE_SINCE = (
    "That entry is no longer in the FAQ (it changed since this list was made); nothing was "
    "posted. Use Answer with FAQ on the message again for the current entries."
)
DISCORD_NOTICE = (
    "That is a notice from Discord, which nobody can reply to: point the question itself."
)
NOT_YOURS_TO_POST = "You can't post in that channel, so I won't post there for you."
#: Discord failed to give the pointed message (a dropped connection, its 5xx): "Sorry,
#: something went wrong on my side", with a traceback, blamed the bot.
NOT_GIVEN = (
    "Discord did not give me that message just now; nothing was posted. Try again in a moment."
)
#: The reply sent, its confirmation lost with the connection: Discord may have posted it
#: (an apology and "try again" said nothing was). Pointed again, an answer there is linked.
UNCONFIRMED = (
    "Discord did not confirm the reply (the connection dropped), so it may be posted. Use "
    "Answer with FAQ on the message again to see: an answer already there is linked, not "
    "posted twice."
)


def refusal_there(interaction: discord.Interaction, channel: object) -> str | None:
    """Why the bot must not post where the helper points, if it must not: a post closed
    or locked (a post would reopen it), or a channel the helper may not post in (the bot
    would post for them where they cannot: an announcements channel)."""
    if isinstance(channel, discord.Thread):
        if closed(channel):
            return CLOSED_POST
        allowed = interaction.permissions.send_messages_in_threads
    else:
        allowed = interaction.permissions.send_messages
    return None if allowed else NOT_YOURS_TO_POST


async def entry_options(bot: RolloverBot, text: str) -> list[list[discord.SelectOption]]:
    """The best guesses for the text first, then every other entry by title, in menus."""
    kb = bot.knowledge  # (one FAQ throughout, whatever a reload swaps in)
    guesses = [h.id for h in (await ranked(kb, text))[:GUESSES] if h.score > 0] if text else []
    return entry_menus(kb, guesses, menus=MENUS, marked=guesses)


class PointPick(
    discord.ui.DynamicItem[discord.ui.Select],
    template=r"rb:point:(?P<channel>\d{1,20}):(?P<message>\d{1,20})(?::(?P<part>[1-4]))?",
):
    """The helper's private choice of entry; the reply goes under the pointed-at message.
    A large FAQ's entries take several menus (``part`` 1-4 after the first), one picker."""

    def __init__(
        self,
        channel_id: int,
        message_id: int,
        options: list[discord.SelectOption],
        part: int = 0,
    ):
        super().__init__(
            discord.ui.Select(
                custom_id=f"rb:point:{channel_id}:{message_id}" + (f":{part}" if part else ""),
                placeholder=more_placeholder(options) if part else PICK,
                options=options,
            )
        )
        self.channel_id, self.message_id = channel_id, message_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Select, match: re.Match[str], /
    ) -> PointPick:
        part = int(match["part"] or 0)
        return cls(int(match["channel"]), int(match["message"]), list(item.options), part)

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        # A reply, let finish by a stop as the bot's own are: its records waiting on the
        # database (a lock held elsewhere) were dropped as the store closed, after Discord
        # had, so the taught example was lost and the helper never told it was posted.
        with interaction.client.replying():
            await self._point(interaction)

    async def _point(self, interaction: discord.Interaction[RolloverBot]) -> None:
        bot = interaction.client
        knowledge = bot.knowledge  # (the FAQ the pick is checked in: a reload may swap it)
        try:
            entry_id = self.item.values[0] if self.item.values else ""
            if knowledge.get(entry_id) is None:
                await send_private(interaction, GONE_SINCE)
                return
            channel = interaction.channel
            if (
                channel is None
                or channel.id != self.channel_id
                or not hasattr(channel, "fetch_message")
            ):
                await send_private(interaction, "That message is no longer reachable.")
                return
            if not is_helper(bot, interaction.user):  # (a helper role may be gone since)
                await send_private(interaction, HELPERS_ONLY)
                return
            if refusal := refusal_there(interaction, channel):  # (closed since it opened?)
                await send_private(interaction, refusal)
                return
            # One post per picker: picks sent together all arrive before the select goes
            # (below), so the picker is claimed here, with no await since the checks.
            cog = bot.get_cog("Point")
            picker = interaction.message.id if interaction.message else None
            if isinstance(cog, Point) and picker is not None and not cog.pickers.claim(picker):
                await send_private(interaction, USED_PICKER)
                return
            # Counted when it posts, not only when a picker opens: pickers opened slowly
            # and picked from all at once posted as many replies in a moment.
            if (
                isinstance(cog, Point)
                and not (window := cog.posts.get(interaction.user.id)).allow()
            ):
                if picker is not None:
                    cog.pickers.release(picker)  # (nothing posted: it may pick again later)
                await send_private(
                    interaction,
                    f"You're pointing quickly; pick again in {wait_text(window.retry_after())}.",
                )
                return
            # Acknowledge first: Discord allows 3 s, and fetching the message or posting
            # the reply can take longer (a rate limit makes discord.py wait and retry).
            # The select goes too, so a later pick cannot post the answer twice.
            try:
                await interaction.response.edit_message(
                    content=f"Posting **{neutralize(knowledge.titles[entry_id])}** under the "
                    "message…",
                    view=None,
                )
            except NETWORK_ERRORS:
                # Not acknowledged (refused, or the connection dropped): nothing was posted
                # and the select may still be there, so a second pick on it must not be
                # told this one "already posted".
                if isinstance(cog, Point) and picker is not None:
                    cog.pickers.release(picker)
                raise
            try:
                target = await channel.fetch_message(self.message_id)
            except discord.NotFound:
                await tell(interaction, MESSAGE_DELETED)
                return
            except discord.Forbidden:  # (a context menu works where the bot cannot read)
                await tell(interaction, "I can't read that channel; nothing was posted.")
                return
            except NETWORK_ERRORS as exc:  # (Discord's trouble: no fault of the bot's)
                log.warning("could not fetch message %s to point it: %r", self.message_id, exc)
                await tell(interaction, NOT_GIVEN)
                return
            title = neutralize(knowledge.titles[entry_id])
            if found := await answer_under(bot, channel, target, entry_id):
                # The same entry twice under one question is noise, not a second opinion:
                # the helper gets the link, and the post's tags as their pointer would.
                await tell(interaction, f"**{title}** already answers it: {found.jump_url}")
                await tag_if_post(bot, interaction, channel, target)
                return
            who = neutralize(interaction.user.display_name)
            # A message asking about a year the limits table lacks gets the same line under
            # the entry as an answer the bot chose would (bot/year_note.py), and amounts it
            # states are worked through: both from the words the bot's own answer reads (a
            # post's title with its opening message, where many posts ask).
            question = question_in(target)
            note = year_note([knowledge.entries[entry_id]], question)
            embeds = [answer_embed(knowledge.short(entry_id))]
            embeds += [year_note_embed(note)] if note is not None else []
            # the member whose message it is can undo a wrong pointer
            view = answer_view(entry_id, (), full=True, asker_id=target.author.id)
            if worked := worked_through(knowledge.entries[entry_id], question):
                example, working = worked
                if sum(map(len, embeds)) + len(example) <= EMBED_TOTAL_LIMIT:
                    embeds.append(example)
                    if working is not None:
                        view.add_item(working)
            try:
                sent = await target.reply(
                    f"Pointed here by {who}:",
                    embeds=embeds,
                    view=view,
                    mention_author=False,
                    allowed_mentions=NO_PINGS,
                )
            except discord.Forbidden:
                await tell(interaction, "I am not allowed to reply there; nothing was posted.")
                return
            except discord.HTTPException as exc:
                if replied_to_gone(exc):  # (deleted since it was fetched above)
                    await tell(interaction, MESSAGE_DELETED)
                    return
                log.exception("posting the pointed answer failed (interaction %s)", interaction.id)
                await tell(
                    interaction,
                    "Discord did not take the reply; nothing was posted. Try again later.",
                )
                return
            except NETWORK_ERRORS as exc:  # (the connection: Discord may have taken it)
                log.warning("posting the pointed answer went unconfirmed: %r", exc)
                await tell(interaction, UNCONFIRMED)
                return
            await remember_reply(bot, target.id, sent)
            try:
                await record_pointer(bot, interaction, entry_id, target)
            except asyncio.CancelledError:
                if not bot.taken_cut_off():
                    raise
                # (By the stop's grace, still waiting on the database: the helper is told
                # it was posted, below, as it was.)
                said = "stopping: recording the pointed answer %s cut off (its example is lost)"
                log.warning(said, interaction.id)
            except Exception as exc:  # the answer is posted: the helper need not hear of it
                said = "recording a pointed answer failed (interaction %s)"
                log_store_failure(log, exc, said, interaction.id)
            await tell(interaction, f"Posted **{title}** under the message.")
            await tag_if_post(bot, interaction, channel, target)
        except Exception as exc:  # (the shared last resort: a database refusing is named)
            await apologise(interaction, exc, "answering with an FAQ entry", say=tell)


async def answer_under(
    bot: RolloverBot, channel: discord.abc.Messageable, target: discord.Message, entry_id: str
) -> discord.Message | None:
    """The bot's answer giving ``entry_id`` under ``target`` already, if one can be seen: a
    reply to it (the bot's own, or pointed) or, when it opens a forum post, the post's own
    answer (which replies to nothing). None when the channel cannot be read: posted then."""
    me = bot.user
    if me is None:
        return None
    under = {target.id, None} if target.id == getattr(channel, "id", None) else {target.id}
    try:
        async for later in channel.history(after=target, limit=LOOK_AFTER, oldest_first=True):
            ref = later.reference.message_id if later.reference else None
            if (
                later.author.id == me.id
                and later.interaction_metadata is None
                and ref in under
                and answered_entry(later) == entry_id
            ):
                return later
    except NETWORK_ERRORS as exc:
        log.info("could not look for an answer under message %s: %r", target.id, exc)
    return None


async def tag_if_post(
    bot: RolloverBot, interaction: discord.Interaction, channel: object, target: discord.Message
) -> None:
    """A watched forum's post (its starter has the thread's id) pointed at an entry is
    answered, as by the bot's own answer: tagged after the helper is told, as tagging can
    wait on Discord."""
    if target.id == getattr(channel, "id", None) and in_watched_forum(bot, channel):
        settles = speaks_for_people(bot, interaction.user, target.author.id)
        await tag_answered_or_owe(bot, channel, pointed=True, settles_human=settles)  # type: ignore[arg-type]


async def record_pointer(
    bot: RolloverBot, interaction: discord.Interaction, entry_id: str, target: discord.Message
) -> None:
    """The pointed answer counts as served, and the pair is kept for moderators to review."""
    await bot.store.record_served(entry_id)
    # (Without mentions: "@Rollover Bot can I..." is taught as the question it asks; as
    # long as the bot matches one, which an example question may be.)
    if text := within(question_in(target), MAX_QUESTION_CHARS):
        await bot.store.record_taught(
            TaughtExample(
                text=text,
                entry_id=entry_id,
                message_id=target.id,
                by_hash=hash_user(interaction.user.id, bot.vote_key),
                when=utc_now(),
                author_hash=hash_user(target.author.id, bot.vote_key),
            )
        )


async def tell(interaction: discord.Interaction, text: str) -> None:
    """The outcome, to the helper only: in place of the picker once it was acknowledged
    (a new private message if that fails), else as the answer to the pick. Never raises."""
    if not interaction.response.is_done():
        await send_private(interaction, text)
        return
    try:
        await interaction.edit_original_response(content=text, view=None)
    except discord.HTTPException:
        await send_private(interaction, text)
    except Exception:  # e.g. shutting down: the session is closed
        log.warning("could not tell the helper the outcome (interaction %s)", interaction.id)


class NotHelper(app_commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__(HELPERS_ONLY)


def helpers_only(interaction: discord.Interaction[RolloverBot]) -> bool:
    if not is_helper(interaction.client, interaction.user):
        raise NotHelper
    return True


class Point(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Answer with FAQ", callback=self.answer_with)
        self.menu.guild_only = True
        #: Pickers (their private messages' ids) that have posted, or are posting.
        self.pickers = Claims()
        #: Replies each member had posted by pointing, in the last minute.
        self.posts = PerUserWindows(lambda: bot.settings.limits.mention_per_minute)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)
        self.bot.add_dynamic_items(PointPick)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)
        self.bot.remove_dynamic_items(PointPick)

    # Each use posts in public at most once (its select goes once picked): as many a minute
    # as mentions, so that one member cannot make the bot post the same reply at will.
    # (Checks run bottom up: a member who may not use it is told so, and uses up nothing.)
    @app_commands.checks.dynamic_cooldown(per_user("mention_per_minute"), key=user_key)
    @app_commands.check(helpers_only)
    async def answer_with(self, interaction: discord.Interaction, message: discord.Message) -> None:
        if message.is_system():
            # Discord refuses a reply to its own messages; "started a thread" holds the
            # thread's name, a question often, and its pick could only fail.
            await send_private(interaction, DISCORD_NOTICE)
            return
        # (A post's opening message asks with the post's title, as the post was matched.)
        question = question_in(message)
        if not question and not shows_a_picture(message):
            await send_private(interaction, "That message has no text to answer.")
            return
        # (A screenshot alone, of a 1099-R say, is pointed at an entry picked by title: no
        # guesses, and no question to keep as a taught example.)
        if not from_a_member(message):
            # (The bot would reply to itself, and its own line would become a taught example.)
            await send_private(
                interaction, "That message is from a bot: point the question it answers instead."
            )
            return
        if refusal := refusal_there(interaction, interaction.channel):
            await send_private(interaction, refusal)
            return
        # (Guessed on the answering thread, as questions are, and a reply a stop lets finish.)
        with self.bot.replying():
            menus = await in_time(interaction, entry_options(self.bot, question), ephemeral=True)
            view = discord.ui.View(timeout=None)
            for part, options in enumerate(menus):
                view.add_item(PointPick(message.channel.id, message.id, options, part))
            # (Acknowledged while the guesses were made: the menu follows.)
            await next_send(interaction)(
                "Which entry answers it? The bot replies under the message, naming you.",
                view=view,
                ephemeral=True,
            )


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Point(bot))
