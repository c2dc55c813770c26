"""Daily chores: delete stored question text older than the retention setting."""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.app import RolloverBot

log = logging.getLogger(__name__)


class Housekeeping(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.purge.start()

    async def cog_unload(self) -> None:
        self.purge.cancel()

    @tasks.loop(hours=24)
    async def purge(self) -> None:
        days = self.bot.settings.database.retention_days
        try:
            deleted = await self.bot.store.purge(days)
        except Exception:
            log.exception("purging old questions failed; will retry tomorrow")
            return
        if deleted:
            log.info("deleted %d stored questions older than %d days", deleted, days)


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Housekeeping(bot))
