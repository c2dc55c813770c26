"""What every reply shares: no pings, and a private message that works whether or not the
interaction was already answered (or deferred)."""

from __future__ import annotations

import logging
import re

import discord

log = logging.getLogger(__name__)

#: Replies never notify anyone, however the question was worded.
NO_PINGS = discord.AllowedMentions.none()
APOLOGY = "Sorry, something went wrong on my side. It has been logged; please try again later."

_MENTION = re.compile(r"<@!?\d+>|<@&\d+>|@everyone|@here")


def strip_mentions(text: str) -> str:
    """A message's words without its mentions (the question a mention asks)."""
    return " ".join(_MENTION.sub(" ", text).split())


def post_question(thread: discord.Thread, starter: discord.Message) -> str:
    """What a forum post asks, as the bot matches it: its title, then its opening message."""
    return f"{thread.name}\n{starter.content}"


async def send_private(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral message to the user; never raises (it is often the last resort)."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException:
        log.warning("could not send a private reply to interaction %s", interaction.id)
