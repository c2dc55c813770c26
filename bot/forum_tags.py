"""The forum tag that says a post was answered by the bot."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.replies import NETWORK_ERRORS

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)


def in_watched_forum(bot: RolloverBot, channel: object) -> bool:
    """A post (thread) of a forum the bot answers."""
    return (
        isinstance(channel, discord.Thread)
        and channel.parent_id in bot.settings.discord.forum_channel_ids
    )


async def apply_answered_tag(bot: RolloverBot, thread: discord.Thread) -> None:
    """Tag the post with ``discord.answered_tag`` if its forum has that tag (never fails)."""
    wanted = bot.settings.discord.answered_tag.strip().casefold()
    if not wanted:
        return
    try:
        # (a post taken over from another shard: its guild is not cached here)
        parent = thread.parent or await bot.fetch_channel(thread.parent_id)
        if not isinstance(parent, discord.ForumChannel):
            return
        tag = next((t for t in parent.available_tags if t.name.casefold() == wanted), None)
        # Without a cached parent the thread's tags are not known by name, so this check
        # passes; add_tags still keeps the ones it has.
        applied = thread.applied_tags
        if tag is None or tag in applied or len(applied) >= 5:
            return
        await thread.add_tags(tag, reason="answered by Rollover Bot")
    except discord.Forbidden:
        log.info("no permission to tag thread %s; skipping the tag", thread.id)
    except NETWORK_ERRORS:
        log.warning("tagging thread %s failed", thread.id)
