"""How often the event loop turned while something was awaited: work moved off the loop
(a worker thread) lets it turn; the same work run on the loop holds it still."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def turns_while(work: Awaitable[T], *, every: float = 0.0) -> tuple[int, T]:
    """``work``'s result, and how many times a task sleeping ``every`` seconds woke while it
    was awaited."""
    turns = 0

    async def other_events() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(every)
            turns += 1

    others = asyncio.create_task(other_events())
    try:
        result = await work  # (first: the count is read after it)
        return turns, result
    finally:
        others.cancel()
