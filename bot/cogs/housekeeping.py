"""Daily chores: delete stored question text older than the retention setting, and tell
the moderator log how long the review queue is and which entries members marked not
helpful."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter

from discord.ext import commands, tasks

from bot import mod_log
from bot.app import RolloverBot
from bot.storage import log_store_failure
from bot.storage.reports import still_open

log = logging.getLogger(__name__)


class Housekeeping(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        #: The day this process found the digest claimed (by itself or another): the queue
        #: is read to build one at most once a day after that.
        self._digest_settled: dt.date | None = None
        #: Set once the start's digest pass is over (posted, not due, or failed), for a
        #: caller to wait on: the tests, whose own moderator-log posts it raced.
        self.digest_started = asyncio.Event()

    async def cog_load(self) -> None:
        self.purge.start()
        if self.bot.settings.discord.mod_log_channel_id is not None:
            self.digest.start()

    async def cog_unload(self) -> None:
        self.purge.cancel()
        self.digest.cancel()

    @tasks.loop(hours=1)
    async def digest(self) -> None:
        try:
            await self.digest_if_due(dt.datetime.now(dt.UTC))
        finally:
            self.digest_started.set()

    @digest.before_loop
    async def _digest_when_connected(self) -> None:
        await self.bot.wait_until_ready()

    async def digest_if_due(self, now: dt.datetime) -> bool:
        """Post the day's digest if ``now`` is past the digest hour and no process has
        posted it today. (Once a day from a fixed hour, not a day after each start: a bot
        restarted daily never reached its first digest, and each process posted its own.)
        Only a process that can see the log channel claims the day: one that cannot (not
        connected yet, or its shards do not hold that server) would claim it and post
        nothing."""
        if now.hour < self.bot.settings.discord.digest_hour_utc:
            return False
        if self.bot.get_channel(self.bot.settings.discord.mod_log_channel_id or 0) is None:
            return False
        if self._digest_settled == now.date():
            return False
        # Built before the day is claimed: a claim followed by a failed read of the queue
        # (a database hiccup) lost the day's digest, as no process would try again.
        # (The database out of reach, a PostgreSQL restart: one warning line an hour.)
        try:
            note = await self.digest_note(now)
        except Exception as exc:
            said = "reading the review queue for the digest failed; will try in an hour"
            log_store_failure(log, exc, said)
            return False
        try:
            first = await self.bot.store.claim_chore("digest", now.date())
        except Exception as exc:
            log_store_failure(log, exc, "claiming today's digest failed; will try again in an hour")
            return False
        self._digest_settled = now.date()
        posted = True
        if first and note:
            posted = await mod_log.post(self.bot, note)
        if not posted:
            # Refused by Discord (an outage at the digest hour): given back, so that the next
            # hourly pass posts it, and the next day's counts from the digest before. (Kept,
            # the day was lost, and its votes with it.)
            self._digest_settled = None
            try:
                await self.bot.store.release_chore("digest", now.date())
            except Exception as exc:
                log_store_failure(log, exc, "giving back today's unposted digest failed")
            return False
        return first

    async def digest_note(self, now: dt.datetime) -> str | None:
        """The digest as it would be posted at ``now``; None when the queue is empty and no
        answer was marked not helpful since the last digest (the last day, for the first)."""
        queue = await self.bot.store.review_queue()
        # What /faq-admin review shows: a question the FAQ answers since is no item (it is
        # left out there, never marked reviewed, so counted here it never went away).
        items = await asyncio.to_thread(still_open, self.bot.knowledge, queue)
        # Since the digest before: "the last 24 hours" before a digest posted late (a bot
        # down at the digest hour posts when back) left out the hours after the one before,
        # and the next day's, posted on time, counted some hours twice.
        last = await self.bot.store.chore_claimed_before("digest", now)
        since = last or now - dt.timedelta(days=1)
        down = await self.bot.store.not_helpful_since(since)
        titles = self.bot.knowledge.titles
        named = sorted(
            ((titles.get(i, f"{i} (no longer in the FAQ)"), n) for i, n in down.items()),
            key=lambda pair: (-pair[1], pair[0]),
        )
        kinds = Counter(i.kind for i in items)
        return mod_log.digest_text(kinds, named, since=last, more=queue.more)

    @tasks.loop(hours=24)
    async def purge(self) -> None:
        days = self.bot.settings.database.retention_days
        try:
            # (The store says what it deleted, as it does for the purge it makes as it opens.)
            await self.bot.store.purge(days)
        except Exception as exc:
            # (The database out of reach, a PostgreSQL restart: one warning, not a traceback.)
            log_store_failure(log, exc, "purging old questions failed; will retry tomorrow")


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Housekeeping(bot))
