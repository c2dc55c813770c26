"""A forum post's tags: answered by the bot (its own answer, or an entry a helper pointed
at the post), or handed to people when the asker says the answer missed."""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import TYPE_CHECKING, Any

import aiohttp
import discord

from bot import mod_log
from bot.storage import PendingReply, log_store_failure
from bot.storage.base import seconds_from_now

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)
#: What a REST call can fail with: Discord's answer, or the connection itself.
NETWORK_ERRORS = (discord.HTTPException, aiohttp.ClientError, TimeoutError)


def describe_error(exc: BaseException) -> str:
    """A short reason for the retry queue (status and Discord's message, or the exception)."""
    if isinstance(exc, discord.HTTPException):
        return f"HTTP {exc.status}: {exc.text}"[:200]
    return f"{type(exc).__name__}: {exc}"[:200]


#: How many of a thread's messages a removal or a deletion reads, oldest first, for an
#: answer to the post still standing (the bot's own comes first). In a longer thread, where
#: that cannot be told, a removal hands the post to people; a deletion keeps its tags.
STANDING_LOOK_BACK = 500
#: Tags a forum post may carry (Discord's limit).
MAX_TAGS = 5
#: Why a post whose answer went out is still owed (as a "post" reply, which its retry
#: tags): Discord failed its answered tag; or, for an entry pointed at it by someone who
#: speaks for people, its tags (answered on, needs-a-human off).
TAG_FAILED = "answered; Discord failed the answered tag"
TAGS_FAILED_FOR_PEOPLE = "answered for people; Discord failed its tags"

#: One tag change at a time per post: a pointer's tagging and a removal's check-then-retag
#: would otherwise interleave and leave needs-human beside a standing answer.
_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()


def _lock(thread_id: int) -> asyncio.Lock:
    lock = _locks.get(thread_id)
    if lock is None:
        lock = _locks[thread_id] = asyncio.Lock()
    return lock


def owes_tags_only(owed: PendingReply) -> bool:
    """A post whose answer went out, owed only its tags (its reason says so)."""
    return owed.last_error in (TAG_FAILED, TAGS_FAILED_FOR_PEOPLE)


def closed(thread: discord.Thread) -> bool:
    """Locked or closed by a moderator or its author since it was posted: the bot may post
    there anyway (Manage Threads), but that would reopen it, against their decision."""
    return thread.locked or thread.archived


def in_watched_forum(bot: RolloverBot, channel: object) -> bool:
    """A post (thread) of a forum the bot answers."""
    return (
        isinstance(channel, discord.Thread)
        and channel.parent_id in bot.settings.discord.forum_channel_ids
    )


def named_tag(tags: Any, name: str) -> discord.ForumTag | None:
    """The tag of that name (``name`` casefolded; case aside), None for no name or none."""
    return next((t for t in tags if t.name.casefold() == name), None) if name else None


def tagged_answered(bot: RolloverBot, thread: discord.Thread) -> bool:
    """Whether the post carries the answered tag (as ``thread`` holds its tags)."""
    answered = bot.settings.discord.answered_tag.strip().casefold()
    return named_tag(thread.applied_tags, answered) is not None


async def tag_answered(
    bot: RolloverBot,
    thread: discord.Thread,
    *,
    pointed: bool = False,
    settles_human: bool = False,
) -> bool:
    """The answered tag on (if the forum has it). ``pointed``: someone pointed the post at
    an entry, maybe after anyone asked for people, so the tags are read from Discord first
    (the cached ones may predate a retag a moment ago). ``settles_human``: that someone
    speaks for the people the post asked for (bot.roles.speaks_for_people), so the
    needs-a-human tag comes off too. The bot's own answer leaves needs-human alone: a
    member may have asked for people whatever the bot says. Never fails; False when
    Discord failed it (worth another try later), True otherwise."""
    settings = bot.settings.discord
    settles_human = pointed and settles_human
    if not settings.answered_tag.strip() and not (
        settles_human and settings.needs_human_tag.strip()
    ):
        return True
    async with _lock(thread.id):
        try:
            if pointed:
                thread = await bot.fetch_channel(thread.id)  # type: ignore[assignment]
            await _tag_answered(bot, thread, settles_human)
        except discord.Forbidden:
            log.info("no permission to tag thread %s; skipping the tag", thread.id)
        except NETWORK_ERRORS:
            log.warning("tagging thread %s failed", thread.id)
            return False
        except Exception:  # the answer is out; a tag is not worth failing it for
            log.exception("tagging thread %s failed", thread.id)
    return True


async def tag_answered_or_owe(
    bot: RolloverBot,
    thread: discord.Thread,
    *,
    pointed: bool = False,
    settles_human: bool = False,
) -> None:
    """tag_answered for an answer that is not the post's own reply (a mention's, or an
    entry a helper pointed at it): when Discord fails it, the post is owed its tags in the
    retry queue, as a post whose own answer's tag failed is (else helpers filtering on the
    tag see an answered post as unanswered for good). Never fails."""
    if await tag_answered(bot, thread, pointed=pointed, settles_human=settles_human):
        return
    reason = TAGS_FAILED_FOR_PEOPLE if pointed and settles_human else TAG_FAILED
    try:
        if reason == TAG_FAILED and await _owed_for_people(bot, thread.id):
            # An earlier pointer's tags are owed still (needs-human off with them): this
            # answer's tag must not take their place, or the retry leaves needs-human on.
            reason = TAGS_FAILED_FOR_PEOPLE
        owed = PendingReply(
            "post",
            thread.id,
            thread.id,
            due=seconds_from_now(bot.settings.retries.delay(1)),
            attempts=1,
            last_error=reason,
        )
        await bot.store.queue_reply(owed)
    except Exception as exc:
        said = "could not queue the answered tag of thread %s for a retry"
        log_store_failure(log, exc, said, thread.id)


async def _owed_for_people(bot: RolloverBot, thread_id: int) -> bool:
    """Whether the post is owed a pointer's tags for people (needs-human off) already."""
    return any(
        o.kind == "post" and o.message_id == thread_id and o.last_error == TAGS_FAILED_FOR_PEOPLE
        for o in await bot.store.pending_replies()
    )


async def _tag_answered(bot: RolloverBot, thread: discord.Thread, settles_human: bool) -> None:
    settings = bot.settings.discord
    # (a post taken over from another shard: its guild is not cached here)
    parent = thread.parent or await bot.fetch_channel(thread.parent_id)
    if not isinstance(parent, discord.ForumChannel):
        return
    # Each tag on its own: a forum may have either, both or neither.
    tag = named_tag(parent.available_tags, settings.answered_tag.strip().casefold())
    human = settings.needs_human_tag.strip().casefold() if settles_human else ""
    # Without a cached parent the thread's tags are not known by name: none is seen to
    # go, and add_tags keeps the ones it has.
    applied = thread.applied_tags
    gone = named_tag(applied, human)
    kept = [t for t in applied if t != gone]
    if len(kept) < len(applied):
        tags = kept if tag is None or tag in kept else [*kept, tag]
        await thread.edit(applied_tags=tags[:MAX_TAGS], reason="answered by Rollover Bot")
    elif tag is not None and tag not in applied and len(applied) < MAX_TAGS:
        await thread.add_tags(tag, reason="answered by Rollover Bot")


async def retag_for_people(bot: RolloverBot, thread: discord.Thread) -> None:
    """Answered tag off, needs-a-human tag on (each only if the forum has it)."""
    parent = thread.parent
    if not isinstance(parent, discord.ForumChannel):
        return
    settings = bot.settings.discord
    answered = settings.answered_tag.strip().casefold()
    wanted = settings.needs_human_tag.strip().casefold()
    tags = [t for t in thread.applied_tags if t.name.casefold() != answered]
    extra = named_tag(parent.available_tags, wanted)
    if extra is None and wanted:
        # The forum lost the tag (renamed or deleted in Discord since the start's check):
        # as for a post with no room for it, the moderators hear of the post instead.
        await mod_log.post(
            bot,
            f"{thread.mention} is handed to people (its answer is gone), but the forum "
            f"has no tag named `{settings.needs_human_tag.strip()}`, so it could not be "
            "tagged: please take a look (and create the tag, or set "
            "`discord.needs_human_tag` to one the forum has).",
        )
    if extra is not None and extra not in tags:
        if len(tags) >= MAX_TAGS:
            # The author's own five tags leave no room, and they are not the bot's to drop:
            # the moderators hear of it instead, so the post is not left with nobody.
            await mod_log.post(
                bot,
                f"{thread.mention} asked for a person (its answer was not what they asked), "
                f"but it has {MAX_TAGS} tags already, so it could not be tagged "
                f"`{extra.name}`: please take a look.",
            )
        tags.append(extra)
    if tags[:MAX_TAGS] != list(thread.applied_tags):
        try:
            await thread.edit(
                applied_tags=tags[:MAX_TAGS], reason="the asker said it was not answered"
            )
        except NETWORK_ERRORS as exc:
            # Not retried: the post would keep its answered tag with no answer, hidden from
            # helpers, while its asker was told a person would look. The moderators hear.
            log.warning("could not retag thread %s: %r", thread.id, exc)
            status = getattr(exc, "status", None)
            if status == 403:
                why = "Discord refused it: the bot needs Manage Threads in the forum"
            else:
                why = f"Discord failed it: {f'HTTP {status}' if status else type(exc).__name__}"
            await mod_log.post(
                bot,
                f"{thread.mention} is handed to people (its answer is gone), but it could not "
                f"be retagged ({why}): please take a look, and retag it by hand.",
            )


def under_the_post(message: discord.Message, thread: discord.Thread) -> bool:
    """A reply that answers the forum post itself: the bot's answer in its thread (replying
    to nothing) or an entry pointed at its starter message (which has the thread's id);
    not a reply to a later message in the thread."""
    ref = message.reference
    return ref is None or ref.message_id == thread.id


def is_answer(message: discord.Message) -> bool:
    """A reply that gives an entry: it carries the asker's "Not what I asked" button."""
    return any(
        str(getattr(child, "custom_id", "") or "").startswith("rb:miss:")
        for row in message.components
        for child in getattr(row, "children", ())
    )


def is_reply_card(message: discord.Message) -> bool:
    """A reply made for a question (answering.build_reply): an answer, with its "Not what I
    asked", or an unsure one, with its menu of close entries; not a notice (a link to an
    earlier answer, a prompt for the question), which carries neither."""
    return is_answer(message) or any(
        str(getattr(child, "custom_id", "") or "") == "rb:pick"
        for row in message.components
        for child in getattr(row, "children", ())
    )


def answered_entry(answer: discord.Message) -> str | None:
    """The entry an answer card gives, from its "Not what I asked" button
    (``rb:miss:<entry>:<asker>``)."""
    for row in answer.components:
        for child in getattr(row, "children", ()):
            parts = str(getattr(child, "custom_id", "") or "").split(":")
            if len(parts) == 4 and parts[:2] == ["rb", "miss"]:
                return parts[2]
    return None


async def answer_stands(bot: RolloverBot, thread: discord.Thread) -> bool | None:
    """Whether an answer of the bot's to the post is still in its thread; None when that
    cannot be told (the thread unreadable, or longer than the look-back)."""
    me = bot.user
    if me is None:
        return None
    read = 0
    try:
        async for message in thread.history(limit=STANDING_LOOK_BACK, oldest_first=True):
            read += 1
            mine = message.author.id == me.id
            if mine and under_the_post(message, thread) and is_answer(message):
                return True
    except NETWORK_ERRORS:
        log.warning("could not read thread %s to see whether it is still answered", thread.id)
        return None
    return False if read < STANDING_LOOK_BACK else None


async def after_removal(bot: RolloverBot, thread: discord.Thread, removed: discord.Message) -> None:
    """A reply of the bot's was removed as "not what I asked": a watched forum's post left
    with no answer is handed to people. A reply to a later message in the thread leaves
    the post as it is."""
    if not in_watched_forum(bot, thread) or not under_the_post(removed, thread):
        return
    await answer_gone(bot, thread)


async def answer_gone(bot: RolloverBot, thread: discord.Thread) -> None:
    """A reply of the bot's under a watched forum's post went (removed, or gone with the
    post's opening message): the post, left with no answer, is handed to people."""
    async with _lock(thread.id):
        # When that cannot be told, people are asked: a needless needs-human costs a helper
        # a look, a wrong "answered" hides the post from them.
        if await answer_stands(bot, thread) is not True:
            try:
                thread = await bot.fetch_channel(thread.id)  # type: ignore[assignment]
            except NETWORK_ERRORS:
                log.warning("could not read thread %s's tags; retagging from the cache", thread.id)
            await retag_for_people(bot, thread)


async def answer_deleted(bot: RolloverBot, thread: discord.Thread) -> None:
    """A message went from a watched post tagged answered: when no answer of the bot's is
    left under it (a moderator deleted the answer outright, not with "Not what I asked"),
    the tag hides a post nobody answered, so it is handed to people. A thread that cannot
    be read, or is longer than the look-back, keeps its tags: any message deleted there
    would otherwise retag it."""
    async with _lock(thread.id):
        if await answer_stands(bot, thread) is not False:
            return
        try:
            thread = await bot.fetch_channel(thread.id)  # type: ignore[assignment]
        except NETWORK_ERRORS:
            log.warning("could not read thread %s's tags after its answer went", thread.id)
            return
        if tagged_answered(bot, thread):
            await retag_for_people(bot, thread)
