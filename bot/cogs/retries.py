"""Send the replies the bot still owes: failed after discord.py's own retries, held back by
the forum cap, or cut off when a process died mid-reply. They wait in the store, so a
restart or another process picks them up; each try is made by one process only (the store
leases what it hands out)."""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot import mod_log
from bot.answering import ask, remember_result
from bot.app import RolloverBot
from bot.forum_tags import owes_tags_only
from bot.storage import DatabaseUnavailable, PendingReply

log = logging.getLogger(__name__)
#: Owed replies tried per pass; the forum cap still applies to each.
BATCH = 10


class Retries(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        #: Whether the last pass found the database out of reach (said once, see retry_loop).
        self._unreachable = False

    async def cog_load(self) -> None:
        self.retry_loop.change_interval(seconds=self.bot.settings.retries.poll_seconds)
        self.retry_loop.start()

    async def cog_unload(self) -> None:
        self.retry_loop.cancel()

    @tasks.loop(seconds=10)
    async def retry_loop(self) -> None:
        try:
            await self.run_once()
        except DatabaseUnavailable as exc:
            # Down for a moment (restarted, failing over) or refusing (its disk full,
            # read-only): said once, not with a traceback every pass, in words that send the
            # operator to what is wrong ("cannot reach" sent them to the network for a full
            # disk); what is owed waits in the database and is tried when it can be.
            if not self._unreachable:
                log.warning(
                    "the retry queue cannot use the database (%s); owed replies are tried "
                    "once it can again",
                    exc,
                )
            self._unreachable = True
            return
        except Exception:  # a fault of its own: said each time, with where it happened
            log.exception("a pass over the retry queue failed")
            return
        if self._unreachable:
            self._unreachable = False
            log.info("the retry queue reaches the database again")

    @retry_loop.before_loop
    async def _connected(self) -> None:
        await self.bot.wait_until_ready()

    async def run_once(self) -> int:
        """Give up on replies past the age limit, then try those due; returns how many
        were tried."""
        settings = self.bot.settings.retries
        store = self.bot.store
        max_age_seconds = settings.max_age_minutes * 60
        # Not begun once a stop has: the next start gives them up.
        if not self.bot.stopping:
            # The rows go as they are read: a stop lets the reading and the reports finish,
            # as it lets replies (cancelled midway, the rest went unreported; cancelled in
            # the read, all of them).
            with self.bot.replying():
                if expired := await store.expire_replies(max_age_seconds):
                    await self._give_up_all(expired)
        # Looked up by name, not class: an extension reloaded on its own gets a new class.
        retry = getattr(self.bot.get_cog("Answers"), "retry", None)
        if retry is None:
            return 0  # not loaded (a bot built without it): nothing can send them
        tried = 0
        # One at a time, each leased just before its try: a batch leased at once ran out
        # of lease on its last items while the first ones were sent, and another process
        # then took and sent them too.
        while (
            tried < BATCH
            and not self.bot.stopping  # (taken now, a reply is cut off and waits its lease)
            and (due := await store.take_due_replies(1, settings.lease_seconds))
        ):
            await retry(due[0])
            tried += 1
        return tried

    async def _give_up_all(self, expired: list[PendingReply]) -> None:
        for owed in expired:
            # Each must be reported, whatever happens to another one's report.
            try:
                await self._give_up(owed)
            except Exception:
                log.exception("reporting the given-up reply to %s failed", owed.message_id)

    async def _give_up(self, owed: PendingReply) -> None:
        log.warning(
            "gave up on the reply to %s %s after %s (last error: %s)",
            owed.kind,
            owed.message_id,
            mod_log.tries(owed.attempts),
            owed.last_error or "none",
        )
        tags_only = owes_tags_only(owed)  # (answered: only its tags never went on)
        if owed.question and not tags_only:  # unanswered after all: the gaps should show it
            result = await ask(self.bot.knowledge, owed.question)
            channel_id = owed.channel_id
            if owed.kind == "post":  # a forum post's thread: file it under its forum, as
                # a post answered at once is
                thread = self.bot.get_channel(owed.channel_id)
                channel_id = getattr(thread, "parent_id", None) or channel_id
            await remember_result(
                self.bot,
                result,
                channel_id,
                sent=False,
                message_id=owed.message_id,
                hashed_asker=owed.asker_hash,  # (so that forgetting them reaches it there too)
            )
        await mod_log.post(self.bot, mod_log.gave_up_text(owed, tags_only=tags_only))


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Retries(bot))
