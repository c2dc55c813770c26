"""Know when a bot under test has finished reacting: the barrier behind `FakeDiscord.settle()`.

The bot runs in this process, on this event loop, so "finished" can be observed instead of
guessed from a quiet socket:

- every gateway frame the fake sent on an open connection has been processed by the bot's
  `DiscordWebSocket.received_message` (which dispatches the event's handlers as tasks), and
- every task the bot started since connecting (event handlers, app command and component
  callbacks, and everything they spawned) has ended.

Tasks are attributed to a bot through a context variable set on the bot's `start()` task:
asyncio copies the context into every task created from it, so descendants are found without
touching the bot's code. Tasks created while `setup_hook` runs (file watchers, daily loops)
are background services, not reactions; so are a few of discord.py's long sleepers, below.
"""

from __future__ import annotations

import asyncio
import contextvars
import weakref
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

import discord.gateway

# Set in the context of a bot's start() task: which tracker its tasks report to.
_OWNER: contextvars.ContextVar[BotActivity | None] = contextvars.ContextVar(
    "fake_discord_owner", default=None
)
# True while the bot's setup_hook runs: tasks created then are background services.
_SETUP: contextvars.ContextVar[bool] = contextvars.ContextVar("fake_discord_setup", default=False)

# Coroutines that live as long as the bot (or sleep for minutes) and are not a reaction to
# one event: a shard's gateway loop, a view's timeout timer, discord.ext.tasks loops, and the
# delete_after sleeps. Matched on the coroutine's qualified name.
_LONG_LIVED = (
    "Shard.worker",
    ".__timeout_task_impl",
    "Loop._loop",
    ".<locals>.inner_call",
    "delete.<locals>.delete",
)


def _long_lived(coro: Coroutine[Any, Any, Any] | Awaitable[Any]) -> bool:
    name = getattr(coro, "__qualname__", "") or ""
    return any(name == n or name.endswith(n) for n in _LONG_LIVED)


class BotActivity:
    """Tracks one event loop's bots: their pending tasks and the frames they have processed."""

    def __init__(self) -> None:
        self._work: weakref.WeakSet[asyncio.Task[Any]] = weakref.WeakSet()
        #: Highest sequence number each gateway session (by id) has processed.
        self.processed: dict[str, int] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_factory: Any = None

    # -- tasks ---------------------------------------------------------------------------
    def install(self) -> None:
        """Route the running loop's task creation through this tracker (idempotent)."""
        loop = asyncio.get_running_loop()
        if self._loop is loop:
            return
        self._loop = loop
        self._previous_factory = loop.get_task_factory()
        loop.set_task_factory(self._factory)

    def uninstall(self) -> None:
        if self._loop is not None and self._loop.get_task_factory() == self._factory:
            self._loop.set_task_factory(self._previous_factory)
        self._loop = None

    def _factory(
        self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any
    ) -> asyncio.Task[Any]:
        context: contextvars.Context = kwargs.get("context") or contextvars.copy_context()
        kwargs["context"] = context
        if self._previous_factory is not None:
            task = self._previous_factory(loop, coro, **kwargs)
        else:
            task = asyncio.Task(coro, loop=loop, **kwargs)
        if context.get(_OWNER) is self and not context.get(_SETUP) and not _long_lived(coro):
            self._work.add(task)
        return task

    def start_bot(self, bot: discord.Client, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `coro` (the bot's start()) as a task whose descendants are tracked."""
        self.install()
        original_setup = bot.setup_hook

        async def setup_hook() -> None:
            token = _SETUP.set(True)
            try:
                await original_setup()
            finally:
                _SETUP.reset(token)

        bot.setup_hook = setup_hook  # type: ignore[method-assign]
        context = contextvars.copy_context()
        context.run(_OWNER.set, self)
        task = asyncio.get_running_loop().create_task(
            coro, name="fake-discord-bot", context=context
        )
        # The root task itself runs the gateway loop forever: never part of the work.
        self._work.discard(task)
        return task

    def pending(self) -> list[asyncio.Task[Any]]:
        return [t for t in self._work if not t.done()]

    # -- gateway frames ------------------------------------------------------------------
    def frame_processed(self, ws: discord.gateway.DiscordWebSocket) -> None:
        if ws.session_id is not None and ws.sequence is not None:
            known = self.processed.get(ws.session_id, 0)
            self.processed[ws.session_id] = max(known, ws.sequence)


def patch_received_message(
    activity: Callable[[], BotActivity | None],
) -> Callable[[], None]:
    """Make every DiscordWebSocket report processed frames; returns the undo function."""
    cls = discord.gateway.DiscordWebSocket
    original = cls.received_message

    async def received_message(self: discord.gateway.DiscordWebSocket, msg: Any, /) -> None:
        try:
            await original(self, msg)
        finally:
            tracker = activity()
            if tracker is not None:
                tracker.frame_processed(self)

    cls.received_message = received_message  # type: ignore[method-assign]

    def undo() -> None:
        cls.received_message = original  # type: ignore[method-assign]

    return undo
