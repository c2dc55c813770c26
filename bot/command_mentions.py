"""Commands named in text become clickable command mentions (``</split:123>``).

Discord renders ``</name:id>`` as a link that fills in the command, but only with the
command's id, which exists once the commands were synced. The ids are fetched once per
process and place, on first use (a failed fetch leaves plain ``/name`` text, and is tried
again later; so is one that found no commands, after a while).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord

from bot.forum_tags import NETWORK_ERRORS
from knowledge.layout import DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT, AnswerLayout

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)

#: A command in an answer's text, as FAQ files write it: `/split basis:1000 earnings:5`.
_COMMAND_IN_TEXT = re.compile(r"`/([a-z0-9_-]{1,32})((?: [^`\n]*)?)`")


#: Seconds before a lookup that found no commands (not synced yet) is tried again.
EMPTY_RETRY_SECONDS = 300.0


async def command_ids(bot: RolloverBot, guild: discord.abc.Snowflake | None) -> dict[str, int]:
    """Registered command names and ids, global ones first, then the guild's. Kept per
    place asked from (a DM sees only the global commands; a server its own as well), and
    a lookup that found none (commands not synced yet) is tried again after a while."""
    scope_id = guild.id if guild is not None else None
    kept = bot.command_ids.get(scope_id)
    now = time.monotonic()
    if kept is not None and (kept[0] or now - kept[1] < EMPTY_RETRY_SECONDS):
        return kept[0]
    ids: dict[str, int] = {}
    complete = True
    for scope in (None, guild) if guild is not None else (None,):
        try:
            for command in await bot.tree.fetch_commands(guild=scope):
                ids.setdefault(command.name, command.id)
        except NETWORK_ERRORS as exc:  # (a dropped connection too, not only Discord's answer)
            log.info("could not fetch command ids (%r); commands stay plain text", exc)
            complete = False
    if complete:
        bot.command_ids[scope_id] = (ids, now)
    return ids


#: How long a reply that was not deferred waits for the ids (Discord allows 3 s in all).
QUICK_SECONDS = 1.0


async def command_ids_quickly(
    bot: RolloverBot, guild: discord.abc.Snowflake | None
) -> dict[str, int]:
    """``command_ids``, or none (commands as plain text) when looking them up takes longer
    than QUICK_SECONDS (a rate limit, Discord retrying a 502): a button's reply must come
    within 3 s. The lookup goes on, its ids serve the next reply, and replies meanwhile
    wait on that same lookup rather than start another (more requests in a rate limit)."""
    scope = guild.id if guild is not None else None
    running = bot.command_id_lookups
    lookup = running.get(scope)
    if lookup is None:
        lookup = running[scope] = asyncio.ensure_future(command_ids(bot, guild))
        lookup.add_done_callback(lambda done: _finished(running, scope, done))
    try:
        return await asyncio.wait_for(asyncio.shield(lookup), QUICK_SECONDS)
    except TimeoutError:
        return {}


def _finished(
    running: dict[int | None, asyncio.Task[dict[str, int]]],
    scope: int | None,
    lookup: asyncio.Task[dict[str, int]],
) -> None:
    if running.get(scope) is lookup:
        del running[scope]
    if not lookup.cancelled() and lookup.exception() is not None:
        log.info("looking up command ids failed: %r", lookup.exception())


def mention(ids: dict[str, int]) -> Callable[[str], str]:
    """``name`` -> a command mention where the id is known, else ``/name`` in code."""
    return lambda name: f"</{name}:{ids[name]}>" if name in ids else f"`/{name}`"


def mention_commands(text: str, ids: dict[str, int]) -> str:
    """Each known `/command options` in ``text`` as a mention followed by its options."""

    def replace(found: re.Match[str]) -> str:
        name, options = found[1], found[2].strip()
        if name not in ids:
            return found[0]
        return f"</{name}:{ids[name]}>" + (f" `{options}`" if options else "")

    return _COMMAND_IN_TEXT.sub(replace, text)


def with_mentions(layout: AnswerLayout, ids: dict[str, int]) -> AnswerLayout:
    """The layout with its commands clickable; unchanged if that would not fit an embed."""
    description = mention_commands(layout.description, ids)
    if len(description) > DESCRIPTION_LIMIT:
        return layout
    extra = len(description) - len(layout.description)
    if layout.total_length() + extra > EMBED_TOTAL_LIMIT:
        return layout
    return AnswerLayout(layout.title, description, layout.fields, layout.footer)
