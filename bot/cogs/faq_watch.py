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
from knowledge.examples import examples_dir
from knowledge.loader import FolderFiles, folder_signature, told_of, visible

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
            moved = False
            refused: Path | None = None  # (the folder last refused to be watched, said once)
            nowhere = 0  # (checks in a row that found the FAQ path leading nowhere)
            while not self._stop.is_set():
                try:
                    folder = self.bot.faq_dir.resolve(strict=True)
                except OSError:  # leads nowhere (yet): a deploy between two folders
                    nowhere += 1
                    if nowhere == 2:  # (still, a check's pause later: no deploy's swap)
                        await self._folder_gone()
                    await self._pause()
                    continue
                nowhere = 0
                if moved and folder != refused:
                    log.info("the FAQ folder now is %s", folder)
                # (First: the files as the running FAQ was loaded from them, before the
                # bot connected; an edit saved since then is loaded at the first tick.)
                since = None if moved else self.bot.knowledge.files
                try:
                    await self._watch_folder(
                        folder, reload_first=moved, since=since, said=folder == refused
                    )
                    refused = None
                except PermissionError as exc:
                    # The bot's user may not read it, or its examples, yet (a release
                    # deployed with mode 700, opened up after the link was swapped): tried
                    # again every LINK_CHECK_MS, and loaded once it can be read. The reload
                    # refused says why to the moderators, once.
                    if folder != refused:
                        refused = folder
                        log.warning("cannot watch the FAQ folder %s: %s", folder, exc)
                        await self._reload("the FAQ folder cannot be read")
                    await self._pause()
                moved = True
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("the FAQ watcher stopped; use /faq-admin reload after edits")

    async def _pause(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), LINK_CHECK_MS / 1000)

    async def _watch_folder(
        self,
        folder: Path,
        *,
        reload_first: bool,
        since: FolderFiles | None = None,
        said: bool = False,
    ) -> None:
        """Reload on each change in ``folder`` until told to stop or the FAQ path no longer
        leads to it (checked every LINK_CHECK_MS: inotify follows the folder, not the path,
        which a deploy may swap, as a link or by renaming folders). ``reload_first``: load
        what the path now holds at the first tick, once the folder is watched (an edit saved
        meanwhile is in that load or in the next batch); ``since``: the same, only if its
        files are not those any more (changed before the watching began); ``said``: the
        log named the folder already (a retry, every LINK_CHECK_MS, of one refused)."""
        watched = _identity(folder)
        examples = _linked(examples_dir(folder))
        seen: FolderFiles | None = None  # (the linked files at the last tick)

        def relevant(change: Change, path: str) -> bool:
            # Entry files and example files, and those a load tells of as not read (an
            # entry saved as 'x.MD': the moderator hears of it by the reload's notice);
            # not backups, temp files or other folders; and the folder itself, deleted;
            # and the examples folder, swapped (renamed or linked into place: its files
            # bring no change of their own).
            file = Path(path)
            if told_of(file, folder) or file == folder or file == examples_dir(folder):
                return True
            # A folder moved into 'examples' with its files: they bring no change of their
            # own, and a load tells of them as not read (as of one saved in such a folder).
            return _folder_in(examples_dir(folder), file)

        if not said:
            log.info("watching %s for FAQ changes", folder)
        try:
            async for changes in awatch(
                folder,
                watch_filter=relevant,
                stop_event=self._stop,
                recursive=True,
                rust_timeout=LINK_CHECK_MS,
                yield_on_timeout=True,
            ):
                if _identity(self.bot.faq_dir) != watched:
                    return
                # The same for 'examples' as a link a deploy swaps: inotify follows the
                # folder it led to when the watching began. (A folder put in its place is
                # watched as it comes, renamed in or made.)
                if _linked(examples_dir(self.bot.faq_dir)) != examples:
                    return
                # (By the path the FAQ was loaded through, as ``since`` names its files: the
                # folder it leads to names them otherwise when that path is relative or a
                # link, and unchanged files looked changed.)
                now = _linked_in(self.bot.faq_dir)  # (first: a change between is seen)
                before = since is not None and folder_signature(self.bot.faq_dir) != since
                since = None
                # And at every tick, the files linked in from elsewhere (an examples file
                # kept with another deployment's): inotify watches this folder only, and
                # tells nothing of an edit made there.
                before = before or (seen is not None and now != seen)
                seen = now
                if changes or reload_first or before:
                    # every process watches the shared folder itself: no need to announce
                    why = (
                        "files changed on disk"
                        if changes or before
                        else "the FAQ folder was swapped"
                    )
                    reload_first = False
                    await self._reload(why)
                if (Change.deleted, str(folder)) in changes:
                    # Deleted: inotify watched it, not the path. A folder made again there
                    # is watched afresh, even with the inode number the old one freed (ext4
                    # reuses them), which the check above takes for the same folder.
                    return
        except FileNotFoundError:  # removed as watching began: look where the path leads
            await self._pause()

    async def _folder_gone(self) -> None:
        """The FAQ folder was deleted or moved away: the bot answers from the FAQ it has,
        and the moderators read (once, from the reload it refuses) that the folder is not
        there and to put it back; it is loaded again when it is. Before, nobody was told
        until someone edited or reloaded."""
        log.warning(
            "the FAQ folder %s is not there (deleted or moved); still answering from the FAQ "
            "loaded before, and loading it again once it is back",
            self.bot.faq_dir,
        )
        try:
            await self.bot.reload_faq("the FAQ folder is gone", announce=False)
        except Exception:
            log.exception("telling the moderators that the FAQ folder is gone failed")

    async def _reload(self, why: str) -> None:
        try:
            result = await self.bot.reload_faq(why, announce=False)
        except Exception:
            # One reload's fault must not stop the watching: the next save may fix it.
            log.exception("reloading the changed FAQ files failed; still watching")
            return
        if not result.ok:
            log.warning("FAQ files changed but are invalid; still using the previous FAQ")


def _folder_in(examples: Path, path: Path) -> bool:
    """A folder inside the examples folder, not hidden (as told_of takes its files)."""
    return examples in path.parents and visible(path) and path.is_dir()


def _linked_in(folder: Path) -> FolderFiles:
    """The files of the FAQ that are links, as folder_signature sees them (by their
    targets' sizes and times)."""
    return tuple(found for found in folder_signature(folder) if Path(found[0]).is_symlink())


def _linked(path: Path) -> tuple[int, int] | None:
    """Which folder a link at ``path`` leads to now, None when it is no link."""
    return _identity(path) if path.is_symlink() else None


def _identity(folder: Path) -> tuple[int, int] | None:
    """Which folder the path leads to now (device and inode), None if none."""
    try:
        found = folder.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(FaqWatcher(bot))
