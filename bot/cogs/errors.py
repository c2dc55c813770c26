"""One place for slash command errors: friendly, ephemeral, and logged when unexpected."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RolloverBot
from bot.embeds import neutralize
from bot.limits import wait_text
from bot.replies import APOLOGY, expired, log_expired, send_private

log = logging.getLogger(__name__)


class UserInputProblem(Exception):
    """Raised by commands for bad input; the message is shown to the user as is."""


def slow_down(retry_after: float) -> str:
    return f"Slow down a little: try again in {wait_text(retry_after)}."


def describe(error: app_commands.AppCommandError) -> str | None:
    """The friendly text for an expected error, or None when it is a bug."""
    original = getattr(error, "original", error)
    if isinstance(original, UserInputProblem):
        return str(original)
    if isinstance(error, app_commands.CommandOnCooldown):
        return slow_down(error.retry_after)
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole):
        return "You don't have permission to use this command."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You can't use this command here."
    if isinstance(error, app_commands.TransformerError):
        shown = neutralize(str(error.value))[:100]
        return f"I couldn't read {shown} for that option; please check it and try again."
    return None


class Errors(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error
        bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        text = describe(error)
        if text is None:
            command = interaction.command.qualified_name if interaction.command else "?"
            if expired(error):  # (answered too late: no bug, and nothing more can be sent)
                log_expired(interaction, f"/{command}")
                return
            log.error(
                "command /%s failed for user %s in guild %s channel %s",
                command,
                interaction.user.id,
                interaction.guild_id,
                interaction.channel_id,
                exc_info=getattr(error, "original", error),
            )
            text = APOLOGY
        await send_private(interaction, text)


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Errors(bot))
