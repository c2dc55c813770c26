"""A forum post edited (or renamed) after the bot answered it: when the post as it reads
now is closest to another entry, or to none, the answer says it answered the post as
first written, so that neither its asker nor a helper takes it for the answer to the
question now asked. Put back, the post's answer loses the line again."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

import discord

from bot.answering import ask
from bot.forum_tags import NETWORK_ERRORS, answered_entry, closed, is_answer
from bot.replies import NO_PINGS, post_question
from knowledge.matcher import MatchResult

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)
#: The line the bot's answer carries while the post reads as another question.
EDITED_NOTE = (
    "*The post was edited after this answer, which answered it as first written. If it no "
    "longer does, Not what I asked removes it and asks a person.*"
)
#: How many of the post's first messages are read for the bot's answer (it comes first).
LOOK_BACK = 50


def content_for(entry_id: str, result: MatchResult) -> str:
    """What the answer giving ``entry_id`` says above its card, the post now matching as
    ``result``: nothing while that entry is still the post's closest, else the note."""
    top = result.best or (result.suggestions[0] if result.suggestions else None)
    return "" if top is not None and top.id == entry_id else EDITED_NOTE


def own_choice(message: discord.Message, me: discord.abc.Snowflake, thread: discord.Thread) -> bool:
    """An answer card of the bot's own choosing under the post: its answer to the post, or
    to a mention in its opening message; not an entry a helper pointed at it (its first
    line names them: their pick, not the matcher's, to judge)."""
    ref = message.reference.message_id if message.reference else None
    return (
        message.author.id == me.id
        and message.interaction_metadata is None
        and ref in (None, thread.id)
        and message.content in ("", EDITED_NOTE)
        and is_answer(message)
    )


def still_answers(
    message: discord.Message, me: discord.abc.Snowflake, thread: discord.Thread, result: MatchResult
) -> bool:
    """Whether a reply under the post answers it as it reads now (matching as ``result``):
    not an answer of the bot's own choosing whose entry is no longer the post's closest
    (the one that says it answered the post as first written). A helper's pick stands."""
    entry = answered_entry(message) if own_choice(message, me, thread) else None
    return entry is None or content_for(entry, result) == ""


def changed_after(
    starter: discord.Message, answer: discord.Message, messages: Iterable[discord.Message]
) -> bool:
    """Whether the post was edited or renamed after ``answer``: its opening message's edit
    time, or Discord's "changed the post title" line among ``messages``. A post neither,
    now closest to another entry, changed only in the bot's eyes (a deploy's FAQ, an
    example a review decision filed): the catch-up marked it "edited", which was false."""
    if starter.edited_at is not None and starter.edited_at > answer.created_at:
        return True
    renames = (m for m in messages if m.type is discord.MessageType.channel_name_change)
    return any(m.id > answer.id for m in renames)


async def recheck_answers(
    bot: RolloverBot,
    thread: discord.Thread,
    starter: discord.Message,
    messages: Iterable[discord.Message] | None = None,
    *,
    just_changed: bool = False,
) -> None:
    """The post's opening message or title may have changed: each answer of the bot's own
    choosing under it that the post changed after (``just_changed``: all of them, the post
    renamed just now, or changed while its answer was made) gets the note, or loses it, as
    the post reads now. ``messages``: the post's first messages, read already (the
    catch-up's), else read here. A closed post is left as it is (Discord changes nothing
    in it). Never fails."""
    me = bot.user
    if me is None or closed(thread):
        return
    result = await ask(bot.knowledge, post_question(thread, starter))
    if bot.stopping:
        # Stopped while the post was matched: Discord's connection is closing or closed (a
        # read now failed with a traceback). The next start's catch-up looks at a recent
        # post's answer again, as at any edit made while the bot was away.
        log.info("stopping: the answer of edited post %s is not looked at now", thread.id)
        return
    try:
        if messages is None:
            messages = [
                m
                async for m in thread.history(
                    limit=LOOK_BACK, after=discord.Object(thread.id), oldest_first=True
                )
            ]
        messages = list(messages)
        for message in messages:
            entry = answered_entry(message) if own_choice(message, me, thread) else None
            if entry is None or not (just_changed or changed_after(starter, message, messages)):
                continue
            content = content_for(entry, result)
            if message.content != content:
                await message.edit(content=content, allowed_mentions=NO_PINGS)
    except NETWORK_ERRORS as exc:
        log.warning("could not mark the answer of edited post %s: %r", thread.id, exc)
