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

#: How often (ms) to check that the FAQ path still leads to the folder being watched.
LINK_CHECK_MS = 2000


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
        try:
            while not self._stop.is_set():
                folder = self.bot.faq_dir.resolve()
                await self._watch_folder(folder)
                if self._stop.is_set():
                    return
                # The FAQ path is a link swapped to another folder (a deploy's "current"):
                # load what it points at now, then watch that.
                log.info("the FAQ folder now is %s", self.bot.faq_dir.resolve())
                await self._reload("the FAQ folder link changed")
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the FAQ watcher stopped; use /faq-admin reload after edits")

    async def _watch_folder(self, folder: Path) -> None:
        """Reload on each change in ``folder`` until told to stop or the FAQ path no longer
        leads there (checked every LINK_CHECK_MS: inotify follows the folder, not a link)."""
        examples = folder / EXAMPLES_DIR

        def relevant(change: Change, path: str) -> bool:
            # Entry files and example files only: not backups, temp files or other folders.
            file = Path(path)
            return (file.suffix == ".md" and file.parent == folder) or (
                file.suffix == ".yaml" and file.parent == examples
            )

        log.info("watching %s for FAQ changes", folder)
        async for changes in awatch(
            folder,
            watch_filter=relevant,
            stop_event=self._stop,
            recursive=True,
            rust_timeout=LINK_CHECK_MS,
            yield_on_timeout=True,
        ):
            if self.bot.faq_dir.resolve() != folder:
                return
            if changes:
                # every process watches the shared folder itself: no need to announce
                await self._reload("files changed on disk")

    async def _reload(self, why: str) -> None:
        try:
            result = await self.bot.reload_faq(why, announce=False)
        except Exception:
            # One reload's fault must not stop the watching: the next save may fix it.
            log.exception("reloading the changed FAQ files failed; still watching")
            return
        if not result.ok:
            log.warning("FAQ files changed but are invalid; still using the previous FAQ")


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(FaqWatcher(bot))
