"""One place for slash command errors: friendly, ephemeral, and logged when unexpected."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RolloverBot
from bot.command_mentions import command_ids_quickly, mention_commands
from bot.embeds import neutralize
from bot.limits import wait_text
from bot.replies import APOLOGY, database_away, expired, log_expired, send_private
from bot.storage import DatabaseUnavailable, log_store_failure

log = logging.getLogger(__name__)


class UserInputProblem(Exception):
    """Raised by commands for bad input; the message is shown to the user as is."""


#: What a member hears when Discord sent a command in another form than this version of
#: the bot has: renamed or removed, or given an option since it was registered (commands
#: are registered by `rollover-bot sync`, never at start, and a global one takes up to an
#: hour to reach every client). No bug of the bot's, and nothing the member can fix.
OUT_OF_SYNC = (
    "This command was changed and Discord still has its old form; it works again once the "
    "bot's operator registers the new one (`rollover-bot sync`). Please try again later."
)
OUT_OF_SYNC_ERRORS = (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)


def slow_down(retry_after: float) -> str:
    return f"Slow down a little: try again in {wait_text(retry_after)}."


def describe(error: app_commands.AppCommandError) -> str | None:
    """The friendly text for an expected error, or None when it is a bug."""
    original = getattr(error, "original", error)
    if isinstance(original, UserInputProblem):
        return str(original)
    if isinstance(error, app_commands.CommandOnCooldown):
        return slow_down(error.retry_after)
    if isinstance(error, OUT_OF_SYNC_ERRORS):
        return OUT_OF_SYNC
    if isinstance(error, app_commands.MissingPermissions | app_commands.MissingAnyRole):
        return "You don't have permission to use this command."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You can't use this command here."
    if isinstance(error, app_commands.TransformerError):
        shown = neutralize(str(error.value))[:100]
        return f"I couldn't read {shown} for that option; please check it and try again."
    return None


def _stale_name(error: app_commands.AppCommandError) -> str:
    """The name Discord sent of a command it has in another form (interaction.command is
    None for one the bot no longer has)."""
    if isinstance(error, app_commands.CommandNotFound):
        return repr(" ".join([*error.parents, error.name]))
    command = getattr(error, "command", None)
    return repr(getattr(command, "qualified_name", "?"))


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
        original = getattr(error, "original", error)
        if isinstance(original, DatabaseUnavailable):
            # (/faq-admin stats, gaps, review, forget in an outage: "something went wrong"
            # and an ERROR with the driver's traceback said neither what nor that it passes.)
            command = interaction.command.qualified_name if interaction.command else "?"
            log_store_failure(log, original, "command /%s could not use the database", command)
            text = database_away(original)
        if isinstance(error, OUT_OF_SYNC_ERRORS):  # (the operator's to fix, by its name)
            log.warning(
                "command %s is registered with Discord in another form than this version's "
                "(renamed, removed or changed since): run 'rollover-bot sync'",
                _stale_name(error),
            )
        if isinstance(original, UserInputProblem):
            # (Its example, `/split basis:1000 earnings:5`, a tap away as everywhere else
            # the bot names a command; within the 3 s a reply is due.)
            text = mention_commands(
                str(original), await command_ids_quickly(self.bot, interaction.guild)
            )
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
