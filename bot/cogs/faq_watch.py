"""Reload the FAQ when its files change on disk (a moderator's editor, a git pull): the
entry files and the example question files beside them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from discord.ext import commands
from watchfiles import Change, awatch

from bot.app import RolloverBot
from knowledge.examples import EXAMPLES_DIR

log = logging.getLogger(__name__)


class FaqWatcher(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        if self.bot.settings.faq_watch:
            self._task = asyncio.create_task(self._watch(), name="faq-watch")

    async def cog_unload(self) -> None:
        self._stop.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _watch(self) -> None:
        folder = self.bot.faq_dir.resolve()

        examples = folder / EXAMPLES_DIR

        def relevant(change: Change, path: str) -> bool:
            # Entry files and example files only: not backups, temp files or other folders.
            file = Path(path)
            return (file.suffix == ".md" and file.parent == folder) or (
                file.suffix == ".yaml" and file.parent == examples
            )

        log.info("watching %s for FAQ changes", folder)
        try:
            async for _changes in awatch(
                folder, watch_filter=relevant, stop_event=self._stop, recursive=True
            ):
                # every process watches the shared folder itself: no need to announce
                try:
                    result = await self.bot.reload_faq("files changed on disk", announce=False)
                except Exception:
                    # One reload's fault must not stop the watching: the next save may fix it.
                    log.exception("reloading the changed FAQ files failed; still watching")
                    continue
                if not result.ok:
                    log.warning("FAQ files changed but are invalid; still using the previous FAQ")
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the FAQ watcher stopped; use /faq-admin reload after edits")


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(FaqWatcher(bot))
