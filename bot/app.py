"""The Discord bot: a ``commands.Bot`` whose features are cogs loaded as extensions."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import discord
from discord.ext import commands

from bot import mod_log, not_utf8, server_setup
from bot.limits import Claims, PerUserWindows
from bot.settings import Settings
from bot.storage import MemoryStore, Store, log_store_failure
from bot.storage.base import seconds_from_now
from bot.views import DYNAMIC_ITEMS
from calculators.money import counted
from knowledge.base import Fallback, KnowledgeBase
from knowledge.editing import EntryDiff, diff_entries
from knowledge.loader import FaqInvalid, Problem

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = (
    "bot.cogs.errors",
    "bot.cogs.answers",
    "bot.cogs.retries",
    "bot.cogs.ask",
    "bot.cogs.point",
    "bot.cogs.calculators",
    "bot.cogs.faq_admin",
    "bot.cogs.faq_watch",
    "bot.cogs.housekeeping",
)
#: How long a stop lets replies in progress finish (sent, tagged, recorded) before it
#: closes the connection and the database under them: well within the 10 s `docker stop`
#: gives before SIGKILL.
STOP_GRACE_SECONDS = 5.0
#: Deleted message ids kept to catch a reply recorded after its question went (seconds
#: late at most; a deleted id never comes back, so only the memory needs a bound).
DELETIONS_KEPT = 5000


@dataclass(frozen=True)
class ReloadResult:
    ok: bool
    diff: EntryDiff = field(default_factory=EntryDiff)
    problems: list[Problem] = field(default_factory=list)
    #: A refusal no file explains (a fault in the bot or the machine), in words.
    fault: str | None = None
    #: Notices the loaded folder has that the FAQ answering before did not (said once).
    notices: list[Problem] = field(default_factory=list)
    #: Refused: the notices of files no load reads (loader.unread_files), shown first.
    unread: list[Problem] = field(default_factory=list)


class RolloverBot(commands.Bot):
    """Holds what the cogs share; settings, knowledge and store are injected, not imported."""

    def __init__(
        self,
        settings: Settings,
        knowledge: KnowledgeBase,
        store: Store | None = None,
        *,
        extensions: Sequence[str] = EXTENSIONS,
        fallback: Fallback | None = None,
        **options: object,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # privileged: reading forum posts and mentions needs it
        # The bot has no voice: discord.py's "PyNaCl / davey is not installed" warnings
        # would only stand before the one line an operator needs to read.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),  # never ping, whatever was asked
            **options,  # type: ignore[arg-type]
        )
        self.settings = settings
        #: Replaced whole on reload; readers always see one complete knowledge base.
        self.knowledge = knowledge
        #: Set when the FAQ folder was broken at start and ``knowledge`` is its last
        #: complete version (knowledge/last_good.py): moderators hear of it once connected.
        self.fallback = fallback
        #: Whether the moderator log last heard the FAQ files are broken (a refused reload,
        #: or a start from the last complete FAQ, once on_ready said it): the next reload
        #: that takes them says so. (Not before: files fixed while connecting were said to
        #: "load again" in a log that never heard they were broken.)
        self.said_broken = False
        #: The problems the moderator log was last told the files have (None: none since
        #: they last loaded): a refusal with the same ones is not posted again.
        self.refusal_said: mod_log.Refusal | None = None
        self.store: Store = store if store is not None else MemoryStore()
        #: The secret that keys vote hashes; read or made in setup_hook.
        self.vote_key = b""
        #: Picks in the "other close matches" menu: each shows an answer privately, as
        #: /ask does, so they share its allowance (per user, a minute).
        self.pick_windows = PerUserWindows(lambda: settings.limits.ask_per_minute)
        self.autocomplete_windows = PerUserWindows(lambda: settings.limits.autocomplete_per_minute)
        self.extension_names = tuple(extensions)
        #: Registered command ids by name, for clickable mentions (bot/command_mentions.py).
        #: By server id (None: a DM), with when they were fetched.
        self.command_ids: dict[int | None, tuple[dict[str, int], float]] = {}
        #: Lookups of them still running after a quick reply stopped waiting (one a place).
        self.command_id_lookups: dict[int | None, asyncio.Task[dict[str, int]]] = {}
        self._reload_lock = asyncio.Lock()
        #: One review decision at a time: a decision checks that nobody decided first, then
        #: writes the example and reloads (seconds) before recording; another click in
        #: between must wait for the record, not slip ahead of it. (Within this process only:
        #: several processes on one database are not serialised by it; a pick and a Dismiss
        #: made at once in two of them are settled by the record, REPLACE_DISMISSAL.)
        self.review_lock = asyncio.Lock()
        #: Messages of the review views listening in this process: a click on another
        #: review is answered by FaqAdmin.on_interaction (bot/review.py, answer_unheard).
        self.open_reviews: set[int] = set()
        #: Tokens of the confirmations listening in this process (bot/confirm.py): a click
        #: on another one is answered by FaqAdmin.on_interaction.
        self.open_confirms: set[str] = set()
        self._background: set[asyncio.Task[ReloadResult]] = set()
        #: Replies in progress (see replying), by task; ``_idle`` is set when there are none.
        self._replying: dict[asyncio.Task[Any] | None, int] = {}
        #: The owed replies among them, by (kind, message id): made due at once if a stop
        #: cuts them off (see _owe_at_once).
        self._owed_in_progress: dict[tuple[str, int], asyncio.Task[Any] | None] = {}
        self._idle = asyncio.Event()
        #: Set as a stop begins: no new reply is begun (see close).
        self.stopping = False
        self._idle.set()
        #: Messages deleted lately (ids): a reply to one recorded only after its deletion
        #: was handled goes at once (see remember_reply).
        self.deleted_lately = Claims(capacity=DELETIONS_KEPT)
        #: Messages the bot deleted itself (ids): where it deletes one (a removal, a deleted
        #: question's answers) it retags the post, so its delete event is not a moderator's.
        self.deleted_by_me = Claims(capacity=DELETIONS_KEPT)
        #: Whether the servers were looked at for what the settings ask of them (once).
        self._setup_looked_at = False

    @property
    def faq_dir(self) -> Path:
        return self.knowledge.source_dir

    async def reload_faq(self, trigger: str = "reload", *, announce: bool = True) -> ReloadResult:
        """Build a complete new knowledge base from the files, then swap it in; if any file
        is invalid, keep answering from the current one and report every problem (also to
        the moderator log, with ``trigger`` saying what started the reload). A successful
        reload is announced to the other bot processes on the same store (PostgreSQL
        NOTIFY), which reload from the shared FAQ folder too."""
        result = await self._reload()
        note = mod_log.reload_text(result, trigger, mended=result.ok and self.said_broken)
        self.said_broken = not result.ok
        refusal = None
        if not result.ok:
            refusal = mod_log.refusal_said(result.problems, result.unread, result.fault)
        # (Said once: every save of a file still broken, and every edit beside it, refused
        # the reload again and posted the same list again.)
        repeated = refusal is not None and refusal == self.refusal_said
        self.refusal_said = refusal
        if note and not repeated:
            await mod_log.post(self, note)
        if result.notices:
            await mod_log.post(self, mod_log.notices_text(result.notices, trigger))
        if result.ok and announce:
            try:
                await self.store.announce_reload()
            except Exception as exc:
                # (A database out of reach is one warning: the others reload anyway once
                # their listening connection is back. Anything else keeps its traceback.)
                log_store_failure(log, exc, "could not tell the other processes about the reload")
        return result

    def _reload_announced(self) -> None:
        """Another process reloaded the FAQ: follow it (without announcing again)."""
        task = asyncio.create_task(
            self.reload_faq("another bot process reloaded", announce=False),
            name="faq-reload-elsewhere",
        )
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _reload(self) -> ReloadResult:
        async with self._reload_lock:
            folder = self.faq_dir
            try:
                # Parsing and indexing take a moment: keep the event loop answering meanwhile.
                new = await asyncio.to_thread(
                    functools.partial(
                        KnowledgeBase.load, folder, self.settings.matching.tuning(), keep_copy=True
                    )
                )
            except FaqInvalid as exc:
                for problem in exc.problems:
                    # (A path's non-UTF-8 byte as U+FFFD, as Discord is shown it, not "\udce9".)
                    log.warning("FAQ reload refused: %s", not_utf8.shown(str(problem)))
                return ReloadResult(False, problems=exc.problems, unread=exc.unread)
            except Exception as exc:
                # A fault no check foresaw (a file the loader chokes on) still refuses the
                # reload like a broken file, in words, and the FAQ loaded keeps answering.
                log.exception("FAQ reload failed")
                said = str(exc)[:200]
                return ReloadResult(False, fault=type(exc).__name__ + (f": {said}" if said else ""))
            old = self.knowledge
            diff = diff_entries(old.entries, new.entries, old.examples, new.examples)
            self.knowledge = new
            self.fallback = None  # (a reload before connecting: the folder is whole again)
            log.info("FAQ reloaded from %s: %s", folder, diff.summary(most=None))
            # (By file and words, not line: an edit above a notice moves it, and it is the
            # same notice.)
            had = {(p.path, p.message) for p in old.notices}
            fresh = [p for p in new.notices if (p.path, p.message) not in had]
            return ReloadResult(True, diff=diff, notices=fresh)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """An exception escaped an event listener: log it with what it was handling (the
        default prints a bare traceback to stderr), and keep running."""
        context = ", ".join(_describe(a) for a in args[:3]) or "no arguments"
        log.exception("unhandled error in %s (%s)", event_method, context)

    async def setup_hook(self) -> None:
        # The database first, before anything records; StorageError if it cannot be used
        # (runner.run tells the operator; it is not a network failure).
        await self.store.open()
        self.vote_key = await self.store.shared_key()
        await self.store.listen_reloads(self._reload_announced)
        for name in self.extension_names:
            await self.load_extension(name)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        log.info(
            "loaded %d extensions; commands: %s",
            len(self.extension_names),
            ", ".join(sorted(c.name for c in self.tree.get_commands())),
        )

    @contextlib.contextmanager
    def replying(self, owed: tuple[str, int] | None = None) -> Iterator[None]:
        """A reply in progress (owed meanwhile, under a lease), which a stop lets finish:
        sent, tagged and recorded; a vote being recorded too (views.VoteButton). ``owed``:
        the (kind, message id) it is owed under."""
        task = asyncio.current_task()
        self._replying[task] = self._replying.get(task, 0) + 1
        self._idle.clear()
        if owed is not None:
            self._owed_in_progress[owed] = task
        try:
            yield
        finally:
            if owed is not None:
                self._owed_in_progress.pop(owed, None)
            left = self._replying.pop(task) - 1
            if left:
                self._replying[task] = left
            elif not self._replying:
                self._idle.set()

    def taken_cut_off(self) -> bool:
        """Called with a CancelledError caught in work a stop lets finish (replying()):
        True when the stop's grace cut it off, the cancellation then taken, so that the
        work ends saying so while Discord is still there (the stop waits a moment for
        that); False for any other, to be raised again."""
        task = asyncio.current_task()
        if not self.stopping or task is None:
            return False
        task.uncancel()
        return True

    async def close(self) -> None:
        # Posts and mentions coming during the stop are left unclaimed, for the next
        # start's catch-up: begun now, on a busy server they kept the stop from ever
        # being idle, and were cut off after the grace, to wait out their lease.
        self.stopping = True
        self.store.hurry()  # (a write begun in the grace must not outlast it by seconds)
        await self._let_replies_finish()
        await super().close()  # (discord.py's: the gateway and the HTTP session)
        await self.store.close()

    async def _let_replies_finish(self) -> None:
        """Replies in progress finish before the connection and the database close under
        them (they failed with tracebacks, and stayed owed until their lease ran out). Any
        still going after STOP_GRACE_SECONDS are cut off: owed still, and due at once."""
        if self._idle.is_set():
            return
        log.info("stopping: letting the replies in progress finish (%d)", len(self._replying))
        try:
            await asyncio.wait_for(self._idle.wait(), STOP_GRACE_SECONDS)
        except TimeoutError:
            late = [task for task in self._replying if task is not None]
            cut = dict(self._owed_in_progress)  # (before their tasks end and take them out)
            # Only the replies owed are sent again. The rest is lost: the records of a vote,
            # a removal ("Not what I asked"), a deletion or a pointed answer (each said in a
            # warning of its own) and a command's reply (/ask, a calculator, /faq-admin).
            owed = len(set(cut.values()) & set(late))
            log.warning(
                "stopping: work still in progress after %g s cut off (%d): replies owed %d, "
                "each sent at the next start; other work %d, not finished (commands' replies, "
                "and the records of votes, removals, deletions and pointed answers, each of "
                "those said below)",
                STOP_GRACE_SECONDS,
                len(late),
                owed,
                len(late) - owed,
            )
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late, timeout=1.0)
            # Only those whose try has ended: one still going (past the second) may yet
            # send, and due now another process would send it too.
            ended = {key for key, task in cut.items() if task is None or task.done()}
            await self._owe_at_once(ended)

    async def _owe_at_once(self, cut: set[tuple[str, int]]) -> None:
        """The owed replies a stop cut off, due now: their lease (retries.lease_seconds, 5
        minutes) still held them, so after a restart (a deploy) the member waited minutes
        for an answer the bot owed. (One the stop cut off once sent is found answered by
        its retry, as after a crash.)"""
        if not cut:
            return
        try:
            for owed in await self.store.pending_replies():
                if (owed.kind, owed.message_id) in cut:
                    await self.store.queue_reply(replace(owed, due=seconds_from_now(0)))
        except Exception as exc:  # (the database out of reach: the lease's end, as before)
            said = "stopping: the replies cut off are sent once their lease runs out"
            log_store_failure(log, exc, said)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: mentions and forum posts are handled by the answers cog."""

    async def on_ready(self) -> None:
        log.info("connected as %s to %s", self.user, counted(len(self.guilds), "guild"))
        fallback, self.fallback = self.fallback, None  # (said once, not on every resume)
        if fallback is not None:  # (the operator saw the warning when `run` started)
            self.said_broken = True
            self.refusal_said = mod_log.refusal_said(fallback.problems)
            await mod_log.post(self, mod_log.fallback_text(fallback))
        if not self._setup_looked_at:  # (once a process, not on every new session)
            self._setup_looked_at = True
            await server_setup.report(self)

    async def on_guild_channel_update(
        self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel, /
    ) -> None:
        """A watched forum's tags edited while the bot runs: one it tags posts with, gone."""
        await server_setup.report_tags_lost(self, before, after)


class ShardedRolloverBot(RolloverBot, commands.AutoShardedBot):
    """The same bot over several gateway connections (``commands.Bot`` adds nothing of its
    own, so ``AutoShardedClient`` supplies the connection logic in this MRO)."""


def create_bot(
    settings: Settings,
    knowledge: KnowledgeBase,
    store: Store | None = None,
    *,
    fallback: Fallback | None = None,
    **options: object,
) -> RolloverBot:
    """A plain bot, or a sharded one when ``discord.shard_count`` is set."""
    options["fallback"] = fallback
    shards = settings.discord.shard_count
    if shards is None:
        return RolloverBot(settings, knowledge, store, **options)
    if shards != "auto":
        options.setdefault("shard_count", shards)
        if settings.discord.shard_ids:
            options.setdefault("shard_ids", list(settings.discord.shard_ids))
    return ShardedRolloverBot(settings, knowledge, store, **options)


def _describe(value: object) -> str:
    """An event argument in a log line: its type and ids, never message text."""
    parts = [type(value).__name__]
    for attr in ("id", "guild_id", "channel_id"):
        found = getattr(value, attr, None)
        if isinstance(found, int):
            parts.append(f"{attr}={found}")
    return " ".join(parts)
