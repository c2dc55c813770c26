"""A stop (``bot.close``, as SIGTERM does) begun while work the bot must let finish is held
at a known point: the tests of what a stop lets finish."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Callable
from typing import Any

import pytest

from knowledge.base import KnowledgeBase
from tests.fakediscord import wait_until


async def stop_while_held(
    bot: Any, caplog: pytest.LogCaptureFixture, let_go: Callable[[], object]
) -> None:
    """Stop ``bot`` while its work is held; once the stop says it waits for that work (or
    has already ended, not waiting: the test's assertions then fail), ``let_go`` it, and
    see the stop end."""
    stopping = asyncio.create_task(bot.close())
    # (Any count: other work a stop lets finish, a pass of the retry queue say, may be met.)
    said = "replies in progress finish ("
    await wait_until(lambda: stopping.done() or any(said in r.getMessage() for r in caplog.records))
    let_go()
    await asyncio.wait_for(stopping, 10)


def held_calls(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str
) -> tuple[asyncio.Event, threading.Event]:
    """From now on, ``owner.name`` (a function run in a worker thread, or a coroutine
    function) waits until the second event is set; the first is set as a call begins."""
    loop = asyncio.get_running_loop()
    began, let_go = asyncio.Event(), threading.Event()
    call = getattr(owner, name)

    def held(*args: Any, **kwargs: Any) -> Any:
        loop.call_soon_threadsafe(began.set)
        let_go.wait(30)  # (still at work as the stop begins)
        return call(*args, **kwargs)

    async def held_async(*args: Any, **kwargs: Any) -> Any:
        began.set()
        await asyncio.to_thread(let_go.wait, 30)
        return await call(*args, **kwargs)

    monkeypatch.setattr(owner, name, held_async if inspect.iscoroutinefunction(call) else held)
    return began, let_go


def held_loads(monkeypatch: pytest.MonkeyPatch) -> tuple[asyncio.Event, threading.Event]:
    """From now on, a FAQ load (a reload, in its worker thread) is held (held_calls)."""
    return held_calls(monkeypatch, KnowledgeBase, "load")
