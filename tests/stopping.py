"""A stop (``bot.close``, as SIGTERM does) begun while work the bot must let finish is held
at a known point: the tests of what a stop lets finish."""

from __future__ import annotations

import asyncio
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
    said = "replies in progress finish (1)"
    await wait_until(lambda: stopping.done() or any(said in r.getMessage() for r in caplog.records))
    let_go()
    await asyncio.wait_for(stopping, 10)


def held_loads(monkeypatch: pytest.MonkeyPatch) -> tuple[asyncio.Event, threading.Event]:
    """From now on, a FAQ load (a reload, in its worker thread) waits until the second event
    is set; the first is set as one begins."""
    loop = asyncio.get_running_loop()
    loading, loaded = asyncio.Event(), threading.Event()
    load = KnowledgeBase.load

    def held(*args: Any, **kwargs: Any) -> KnowledgeBase:
        loop.call_soon_threadsafe(loading.set)
        loaded.wait(30)  # (the reload still reading the files as the stop begins)
        return load(*args, **kwargs)

    monkeypatch.setattr(KnowledgeBase, "load", held)
    return loading, loaded
