"""Components under an answer: other close matches, and helpful / not helpful votes.

Both are ``DynamicItem``s: their state lives in the custom_id, so clicks keep working
after the bot restarts, without keeping views in memory.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import discord

from bot.command_mentions import command_ids_quickly, with_mentions
from bot.embeds import answer_embed, clipped
from bot.forum_tags import NETWORK_ERRORS, after_removal
from bot.replies import NO_PINGS, apologise, own_and_quoted, question_in, send_private
from bot.roles import is_moderator
from bot.storage import AskedQuestion, hash_user, log_store_failure, unkeyed_hash
from bot.storage.base import utc_now
from knowledge.matcher import Hit, within
from knowledge.model import CUSTOM_ID_LIMIT

if TYPE_CHECKING:
    from bot.app import RolloverBot
    from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)
CLOSED_POST_KEEPS_ANSWER = (
    "This post is locked, so the answer cannot be removed here; a moderator can reopen it."
)
CLOSED_POST_NOT_REOPENED = (
    "This post is closed, so the answer cannot be removed here; reopen the post (send a "
    "message in it) and try again."
)
ANSWER_KEPT = (
    "Discord did not let me remove the answer here (I may no longer have access to this "
    "channel), so it stays; a moderator can delete it. Your report is recorded, and a "
    "person will take a look."
)
#: Said in place of "Removed. A person will take a look" when the miss could not be
#: stored for the moderators' review.
REMOVED_UNRECORDED = (
    "Removed. The bot could not pass this on to the moderators just now; you can rephrase "
    "with `/ask`."
)
#: Said in place of a vote's thanks when the vote could not be stored.
VOTE_NOT_RECORDED = (
    "Sorry, your vote could not be recorded just now. Please vote again in a few minutes."
)
#: The message a vote is recorded under: none in particular. A member's vote is one per
#: entry, changeable: per answer, asking again (or replying "@bot" under someone's question,
#: or opening the menu's private copies) and voting on each new answer stacked votes.
ANY_ANSWER = 0
#: An entry id in a custom_id. Valid ids are at most ``knowledge.model.ID_MAX_LENGTH``, which
#: makes every layout below fit Discord's 100 characters (tests/test_custom_ids.py proves
#: it); matching longer ones still routes a click on an old button to a friendly answer.
_ENTRY = r"(?P<entry>[a-z0-9-]{1,100})"


async def show_full_entry(
    interaction: discord.Interaction[RolloverBot],
    entry_id: str,
    *,
    view: discord.ui.View | None = None,
) -> bool:
    """An entry's full answer, privately, to whoever asked for it (its commands clickable);
    a friendly note if a reload removed the entry since the button was posted. True when
    shown."""
    bot = interaction.client
    knowledge = bot.knowledge  # (the FAQ the click is checked in: a reload may swap it)
    if knowledge.get(entry_id) is None:
        await interaction.response.send_message(
            "That entry no longer exists; try `/faq` to browse the current ones.",
            ephemeral=True,
        )
        return False
    ids = await command_ids_quickly(bot, interaction.guild)
    await interaction.response.send_message(
        embed=answer_embed(with_mentions(knowledge.layout(entry_id), ids)),
        view=view if view is not None else discord.utils.MISSING,
        ephemeral=True,
        allowed_mentions=NO_PINGS,
    )
    return True


async def count_served(bot: RolloverBot, entry_id: str) -> None:
    """An entry shown, counted; never fails the reply already sent: an apology after it
    (the database busy or full) had the member ask again, and a public /faq post twice."""
    try:
        await bot.store.record_served(entry_id)
    except Exception as exc:
        log_store_failure(log, exc, "could not count entry %s as served", entry_id)


class PickEntry(discord.ui.DynamicItem[discord.ui.Select], template=r"rb:pick"):
    """A select of other close matches; choosing one shows that entry (to the chooser)."""

    #: What the menu says before it is opened, under an answer and under none: "Not quite
    #: it?" under "Not sure I can answer this one" asked about an "it" never given.
    UNDER_AN_ANSWER = "Not quite it? Other close matches…"
    UNDER_NONE = "FAQ entries that may help…"

    def __init__(
        self, options: list[discord.SelectOption], placeholder: str = UNDER_AN_ANSWER
    ) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id="rb:pick",
                placeholder=placeholder,
                options=options,
                min_values=1,
                max_values=1,
            )
        )

    @classmethod
    def for_hits(cls, hits: tuple[Hit, ...] | list[Hit], *, answered: bool = True) -> PickEntry:
        options = [discord.SelectOption(label=clipped(h.title, 100), value=h.id) for h in hits[:25]]
        return cls(options, cls.UNDER_AN_ANSWER if answered else cls.UNDER_NONE)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Select, match: re.Match[str], /
    ) -> PickEntry:
        return cls(list(item.options))

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        with interaction.client.replying():  # (a stop lets it finish, as /ask)
            await self._pick(interaction)

    async def _pick(self, interaction: discord.Interaction[RolloverBot]) -> None:
        try:
            window = interaction.client.pick_windows.get(interaction.user.id)
            if not window.allow():
                from bot.cogs.errors import slow_down  # (the cogs import this module)

                await send_private(interaction, slow_down(window.retry_after()))
                return
            entry_id = self.item.values[0] if self.item.values else ""
            if await show_full_entry(interaction, entry_id, view=answer_view(entry_id, ())):
                await count_served(interaction.client, entry_id)
        except Exception as exc:
            await apologise(interaction, exc, "choosing a suggestion")


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"rb:vote:{_ENTRY}:(?P<vote>up|down)",
):
    """One vote per user per answer; voting again changes the vote."""

    def __init__(self, entry_id: str, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:vote:{entry_id}:{'up' if helpful else 'down'}",
            )
        )
        self.entry_id = entry_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> VoteButton:
        return cls(match["entry"], match["vote"] == "up")

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        # Let finish by a stop, as a reply is: a write waiting on the database (a lock held
        # elsewhere) was dropped as the store closed, after Discord had, so the member's
        # thanks stood for a vote lost, and the log had two tracebacks ("Session is closed").
        with interaction.client.replying():
            await self._vote(interaction)

    async def _vote(self, interaction: discord.Interaction[RolloverBot]) -> None:
        try:
            text = (
                "Thanks! Glad it helped."
                if self.helpful
                else "Thanks for telling us. Moderators review answers marked not helpful."
            )
            # Reply first: Discord allows 3 s, and a busy database must not eat into them.
            try:
                await interaction.response.send_message(text, ephemeral=True)
            finally:
                # Recorded even when the thanks failed (too late, say): the member did click,
                # and a second click replaces this vote rather than adding one.
                recorded = await self._record(interaction)
            if not recorded:
                # The thanks replaced, not followed by "something went wrong": one message
                # saying what happened, and what to do.
                await _correct(interaction, VOTE_NOT_RECORDED)
        except Exception as exc:
            await apologise(interaction, exc, "recording a vote")

    async def _record(self, interaction: discord.Interaction[RolloverBot]) -> bool:
        """The vote stored; False when it could not be, logged as log_store_failure says
        (the database out of reach, a PostgreSQL restart, is one warning line: it was an
        ERROR with the driver's traceback, and the member's thanks was followed by an
        apology)."""
        bot = interaction.client
        try:
            await record_vote(bot, self.entry_id, interaction.user.id, self.helpful)
        except asyncio.CancelledError:
            if not bot.taken_cut_off():
                raise
            # (By the stop's grace, its write still waiting: _vote then tells the member.)
            log.warning("stopping: a vote on %s cut off before it was recorded", self.entry_id)
            return False
        except Exception as exc:
            log_store_failure(log, exc, "could not record a vote on %s", self.entry_id)
            return False
        return True


async def record_vote(bot: RolloverBot, entry_id: str, user_id: int, helpful: bool) -> None:
    """The member's vote on the entry, replacing theirs from before vote keys too: kept
    under its old hash, it stood beside the new one (the member counted twice)."""
    await bot.store.record_vote(
        entry_id, ANY_ANSWER, hash_user(user_id, bot.vote_key), helpful, unkeyed_hash(user_id)
    )


class FullAnswer(discord.ui.DynamicItem[discord.ui.Button], template=rf"rb:full:{_ENTRY}"):
    """Shows the entry's full answer to whoever clicks, privately: the post stays short."""

    def __init__(self, entry_id: str, title: str | None = None) -> None:
        # (``title``: the entry named, for an answer below the first: "Full answer" alone
        # twice under one reply did not say which answer each button was for.)
        label = "Full answer" if title is None else f"Full answer: {clipped(title, 80 - 13)}"
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.primary,
                custom_id=f"rb:full:{entry_id}",
                row=None if title is None else 1,
            )
        )
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> FullAnswer:
        return cls(match["entry"])

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        try:
            with interaction.client.replying():  # (a stop lets it finish, as /ask)
                await show_full_entry(interaction, self.entry_id)
        except Exception as exc:
            await apologise(interaction, exc, "showing a full answer")


class NotWhatIAsked(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"rb:miss:{_ENTRY}:(?P<asker>\d{{1,20}})",
):
    """The asker (or a moderator) says the answer missed: the reply goes, the miss is
    recorded, and a forum post left with no answer of the bot's loses its answered tag and
    gets the needs-a-human tag."""

    def __init__(self, entry_id: str, asker_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Not what I asked",
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:miss:{entry_id}:{asker_id}",
            )
        )
        self.entry_id, self.asker_id = entry_id, asker_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> NotWhatIAsked:
        return cls(match["entry"], int(match["asker"]))

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        # Let finish by a stop, as a vote is: its records waiting on the database (a lock
        # held elsewhere) were dropped as the store closed, after Discord had, so the
        # member's "A person will take a look" stood for a miss no moderator would see.
        with interaction.client.replying():
            await self._removal(interaction)

    async def _removal(self, interaction: discord.Interaction[RolloverBot]) -> None:
        bot = interaction.client
        try:
            # (Manage Messages where it was posted: that member could delete it anyway,
            # in any server, home or not.)
            may_remove = (
                interaction.user.id == self.asker_id
                or interaction.permissions.manage_messages
                or is_moderator(bot, interaction.user)
            )
            if not may_remove:
                await send_private(
                    interaction,
                    "Only the person who asked, a moderator, or someone who manages messages here "
                    "can remove this.",
                )
                return
            channel = interaction.channel
            if refusal := _stays_closed(channel):
                await send_private(interaction, refusal)
                return
            # Acknowledged first (Discord allows 3 s); the post, if closed, is reopened after.
            await interaction.response.send_message(
                "Removed. A person will take a look; you can also rephrase with `/ask`.",
                ephemeral=True,
            )
            if isinstance(channel, discord.Thread) and channel.archived:
                async with _held_open(channel):
                    await self._remove(bot, interaction, channel)
            else:
                await self._remove(bot, interaction, channel)
        except Exception as exc:
            await apologise(interaction, exc, "removing an answer")

    async def _remove(
        self, bot: RolloverBot, interaction: discord.Interaction, channel: Any
    ) -> None:
        """The answer deleted, its records made, and a post left without one retagged."""
        stays = False
        if interaction.message is not None:
            try:
                bot.deleted_by_me.claim(interaction.message.id)
                await interaction.message.delete()
            except discord.NotFound:
                return  # (a double click: the first one removed it and records the vote)
            except NETWORK_ERRORS as exc:
                # Access to the channel lost (Discord still delivers the click), or an
                # outage: the answer stays, and the member, told "Removed." already, was
                # then told "something went wrong" and their miss went unrecorded. The
                # miss and the vote still count (and the post its tags: its answer stands).
                bot.deleted_by_me.release(interaction.message.id)
                log.warning("could not remove answer %s: %r", interaction.message.id, exc)
                await _correct(interaction, ANSWER_KEPT)
                stays = True
        try:
            recorded = await self._records(bot, interaction, channel)
        except asyncio.CancelledError:
            if not bot.taken_cut_off():
                raise
            # (By the stop's grace, still waiting on the database: the member is told.)
            said = "stopping: removing an answer (interaction %s) cut off (its miss is lost)"
            log.warning(said, interaction.id)
            recorded = False
        if not recorded and not stays:
            # (The database out of reach: "A person will take a look" promised what no
            # moderator would see, the review queue having no word of it.)
            await _correct(interaction, REMOVED_UNRECORDED)
        # Last: the vote and the miss matter more than the tags, which read the thread.
        if isinstance(channel, discord.Thread) and interaction.message is not None:
            await after_removal(bot, channel, interaction.message)

    async def _records(
        self, bot: RolloverBot, interaction: discord.Interaction, channel: Any
    ) -> bool:
        """The removal's records, each on its own: with the database down, the post still
        loses its answered tag (it has no answer now) and gets the needs-human one. False
        when the miss could not be kept for the moderators' review."""
        first = True
        if interaction.message is not None:
            await _logged(settle_removed(bot, interaction.message, channel), interaction)
            # (Early: the next "@bot" under the question must not post this entry again.)
            first = await self._record_rejected(bot, interaction, channel)
        await _logged(
            record_vote(bot, self.entry_id, interaction.user.id, False),
            interaction,
        )
        if not first:  # (an answer Discord would not delete, removed again: one miss)
            return True
        return await _logged(self._record_miss(bot, interaction, channel), interaction)

    async def _record_rejected(
        self, bot: RolloverBot, interaction: discord.Interaction, channel: Any
    ) -> bool:
        """This entry is not the answer to that question: not to be posted under it again.
        False when it was removed so before: an answer Discord would not delete stays, and
        each click on it again counted another miss, and queued the question again."""
        assert interaction.message is not None
        question = answered_message(interaction.message, channel)
        if question is None:
            return True
        try:
            return await bot.store.record_rejected(question, self.entry_id)
        except Exception as exc:  # (as _logged: the removal's rest goes on)
            said = "recording a removed answer failed (interaction %s)"
            log_store_failure(log, exc, said, interaction.id)
            return True

    async def _record_miss(
        self, bot: RolloverBot, interaction: discord.Interaction, channel: Any
    ) -> None:
        """The question the answer missed, for the moderators' review queue."""
        asked = await asked_text(interaction.message, channel, bot.knowledge, self.entry_id)
        if asked:
            await bot.store.record_question(
                AskedQuestion(
                    # As the bot matched it: a post's title and 4,000 characters of message
                    # were longer than an example may be, and no decision in review but
                    # Dismiss could be written.
                    text=as_matched(asked),
                    channel_id=interaction.channel_id,
                    best_id=self.entry_id,
                    best_score=0.0,
                    answered=False,
                    when=utc_now(),
                    kind="miss",
                    message_id=answered_message(interaction.message, channel),
                    asker_hash=hash_user(self.asker_id, bot.vote_key),
                )
            )


async def _correct(interaction: discord.Interaction, text: str) -> None:
    """The private acknowledgement already sent, replaced by ``text`` (a new private
    message if that fails). Never raises."""
    try:
        await interaction.edit_original_response(content=text)
    except NETWORK_ERRORS:
        await send_private(interaction, text)


def _stays_closed(channel: object) -> str | None:
    """Why an answer in a closed post cannot be removed, if it cannot: Discord changes
    nothing in a closed post, and the bot reopens one only when it may close it again
    (Manage Threads), never a locked one (a moderator's decision)."""
    if not isinstance(channel, discord.Thread) or not channel.archived:
        return None
    if channel.locked:
        return CLOSED_POST_KEEPS_ANSWER
    me = channel.guild.me
    if me is None or not channel.permissions_for(me).manage_threads:
        return CLOSED_POST_NOT_REOPENED
    return None


#: Removals under way in each closed post the bot reopened for them: the last one done
#: closes it again (a double click, or the asker and a moderator at once).
_holding: Counter[int] = Counter()


@asynccontextmanager
async def _held_open(thread: discord.Thread) -> AsyncIterator[None]:
    """A closed post reopened while the block runs, and closed again by the last removal
    done in it; a failure to reopen or close is logged (the removal is tried anyway)."""
    _holding[thread.id] += 1
    try:
        try:
            await thread.edit(archived=False)
        except NETWORK_ERRORS:
            log.warning("could not reopen post %s to remove an answer", thread.id)
        yield
    finally:
        _holding[thread.id] -= 1
        if _holding[thread.id] <= 0:
            del _holding[thread.id]
            try:
                await thread.edit(archived=True)
            except NETWORK_ERRORS:
                log.warning("could not close post %s again after removing an answer", thread.id)


async def _logged(step: Awaitable[None], interaction: discord.Interaction) -> bool:
    """A removal's record, whose failure is logged and does not stop the removal's rest;
    False when it failed."""
    try:
        await step
    except Exception as exc:
        said = "recording a removed answer failed (interaction %s)"
        log_store_failure(log, exc, said, interaction.id)
        return False
    return True


async def settle_removed(bot: RolloverBot, answer: discord.Message, channel: Any) -> None:
    """An answer the asker removed is not owed any more: a retry of it (Discord took it but
    its response was lost, so it was queued) would post the rejected answer again."""
    ref = answer.reference.message_id if answer.reference else None
    if isinstance(channel, discord.Thread) and ref in (None, channel.id):
        await bot.store.settle_reply("post", channel.id)  # (a post's starter has its id)
    if ref is None:
        return
    await bot.store.settle_reply("mention", ref)
    # "@bot" in reply to someone else's question is owed under the mention's id, and its
    # answer replies to the question: find such a mention among the few replies still owed.
    where = getattr(channel, "id", None)
    for owed in await bot.store.pending_replies() if where is not None else []:
        if owed.kind != "mention" or owed.channel_id != where or owed.message_id == ref:
            continue
        try:
            mention = await channel.fetch_message(owed.message_id)
        except discord.HTTPException:
            continue  # (deleted: its retry finds nothing to answer)
        if mention.reference is not None and mention.reference.message_id == ref:
            await bot.store.settle_reply("mention", owed.message_id)


def answered_message(answer: discord.Message | None, channel: Any) -> int | None:
    """The id of the message an answer of the bot's answered: the one it replies to, or,
    replying to nothing in a thread, the post's opening message (it has the thread's id)."""
    if answer is not None and answer.reference and answer.reference.message_id is not None:
        return answer.reference.message_id
    return channel.id if isinstance(channel, discord.Thread) else None


def as_matched(question: str) -> str:
    """A question cut as the bot matches it (its start and its end)."""
    from bot.answering import MAX_QUESTION_CHARS  # (it imports this module)

    return within(question, MAX_QUESTION_CHARS)


async def asked_text(
    answer: discord.Message | None,
    channel: Any,
    knowledge: KnowledgeBase | None = None,
    entry_id: str | None = None,
) -> str | None:
    """The question an answer replied to (answered_message), without its mentions: a forum
    post's with the post's title as it was matched; of a mention quoting a question above
    its own, the one that ``knowledge`` answers with ``entry_id``. None when it is gone."""
    asked_id = answered_message(answer, channel)
    resolved = answer.reference.resolved if answer is not None and answer.reference else None
    try:
        if isinstance(resolved, discord.Message) and resolved.id == asked_id:
            asked = resolved
        elif asked_id is not None and hasattr(channel, "fetch_message"):
            asked = await channel.fetch_message(asked_id)
        else:
            return None
    except discord.HTTPException:
        return None
    own, quoted = own_and_quoted(asked)
    if quoted and knowledge is not None:
        # The bot answered one of the two (Answers._what_is_asked), not both: kept whole,
        # the review queue showed them run together, and a pick taught the entry both.
        for part in filter(None, (own, quoted)):
            result = await asyncio.to_thread(knowledge.ask, as_matched(part))
            if result.answered and result.best is not None and result.best.id == entry_id:
                return part
    return question_in(asked)


def answer_view(
    entry_id: str | None,
    others: tuple[Hit, ...] | list[Hit],
    *,
    full: bool = False,
    asker_id: int | None = None,
    more: tuple[Hit, ...] = (),
) -> discord.ui.View:
    """The components under an answer: "Full answer" when the post shows the short one,
    votes when an entry was answered, "Not what I asked" for the asker, a "Full answer"
    naming each ``more`` answer the reply also shows (the other questions of a post: their
    details were reachable no other way, as the menu leaves out what is shown), and a menu
    of other close matches."""
    view = discord.ui.View(timeout=None)
    items: list[discord.ui.DynamicItem[Any]] = []
    if entry_id:
        if full:
            items.append(FullAnswer(entry_id))
        items += [VoteButton(entry_id, True), VoteButton(entry_id, False)]
        if asker_id is not None:
            items.append(NotWhatIAsked(entry_id, asker_id))
        if full:
            # (A row of their own, below the first answer's buttons and above the menu.)
            items += [FullAnswer(hit.id, hit.title) for hit in more]
    if others:
        items.append(PickEntry.for_hits(others, answered=bool(entry_id)))
    for item in items:
        custom_id = getattr(item.item, "custom_id", "")
        if len(custom_id) > CUSTOM_ID_LIMIT:
            # Validation keeps ids short enough; should one slip through, Discord would
            # refuse the whole reply over one button, so the answer goes without it.
            log.warning("left out a component: its custom_id %r is too long", custom_id)
            continue
        view.add_item(item)
    return view


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    PickEntry,
    VoteButton,
    FullAnswer,
    NotWhatIAsked,
)
