"""pytest fixtures, and `running_bot`: run a real discord.py client against the fake."""

# Waits take a `timeout` argument on purpose: a failing test then says what it waited for.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import discord
import pytest

from .harness import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord with the default world (see `World`)."""
    async with FakeDiscord() as fake:
        yield fake
    if fake.rest.errors:
        call, error = fake.rest.errors[0]
        pytest.fail(f"the fake Discord itself failed on {call.describe()}: {error!r}")


class _QuickRetries:
    """What discord.py's HTTP and webhook clients see as `asyncio`, with their 1-7 s back-off
    after a 5xx cut to 10 ms: retries still happen, in order, only the waits are shorter."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: Any = None) -> Any:
        await asyncio.sleep(min(delay, 0.01))
        return result


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """discord.py's retry back-off after a server error cut to 10 ms (see _QuickRetries)."""
    monkeypatch.setattr(discord.http, "asyncio", _QuickRetries())
    monkeypatch.setattr(discord.webhook.async_, "asyncio", _QuickRetries())


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """Replaces Client.before_identify_hook, which sleeps 5 s before every non-first IDENTIFY
    (re-identify after op 9, second shard)."""


def _expected_guilds(fake: FakeDiscord, bot: discord.Client) -> set[int]:
    count = bot.shard_count or 1
    shard_ids = getattr(bot, "shard_ids", None)
    if not shard_ids:
        shard_ids = [bot.shard_id] if bot.shard_id is not None else range(count)
    return {g for g in fake.world.guilds if (g >> 22) % count in shard_ids}


async def _first(task: asyncio.Task[Any], waiter: asyncio.Future[Any], timeout: float) -> None:
    """Wait for `waiter`, but raise at once if the bot task ends first (e.g. LoginFailure)."""
    done, _ = await asyncio.wait({task, waiter}, timeout=timeout, return_when="FIRST_COMPLETED")
    if waiter in done:
        waiter.result()
        return
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    if task in done:
        error = task.exception()
        raise error or RuntimeError("bot.start() returned before the bot was ready")
    raise TimeoutError(f"the bot was not ready after {timeout}s")


async def _wait_until_ready(
    fake: FakeDiscord, bot: discord.Client, task: asyncio.Task[Any], mark: int, timeout: float
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    # Client._ready only exists once login() ran; the first gateway connection comes after it.
    connected = asyncio.ensure_future(
        fake.gateway.wait_for(lambda r: r.kind == "connect", since=mark, timeout=timeout)
    )
    await _first(task, connected, timeout)
    ready = asyncio.ensure_future(bot.wait_until_ready())
    await _first(task, ready, max(0.0, deadline - loop.time()))
    expected = _expected_guilds(fake, bot)
    while any((g := bot.get_guild(gid)) is None or g.unavailable for gid in expected):
        if loop.time() > deadline or task.done():
            raise TimeoutError(f"guilds {sorted(expected)} not all available to the bot")
        await asyncio.sleep(0.01)


async def _finish(task: asyncio.Task[Any], timeout: float = 5.0) -> BaseException | None:
    done, _ = await asyncio.wait({task}, timeout=timeout)
    if not done:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return TimeoutError(f"bot.start() did not return within {timeout}s of close()")
    if task.cancelled():
        return None
    return task.exception()


@asynccontextmanager
async def running_bot(
    fake: FakeDiscord,
    bot: ClientT,
    *,
    token: str | None = None,
    timeout: float = 10.0,
    guild_ready_timeout: float = 0.05,
    heartbeat_timeout: float | None = None,
    settle: float | None = 0.02,
) -> AsyncIterator[ClientT]:
    """Start `bot` (any Client/Bot/AutoShardedBot) against `fake` and yield it once ready with
    its guilds available; on exit close it and re-raise what `bot.start()` raised.

    Test speed-ups applied to the instance: no 5 s sleep before re-IDENTIFY, a short
    guild_ready_timeout, and optionally a short heartbeat_timeout (the fake's heartbeat
    interval is lowered to match, so an idle but healthy client never times out).

    On a normal exit it first waits until the bot's REST traffic has been quiet for `settle`
    seconds (None: do not wait), so requests still in flight do not fail on close.
    """
    bot.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]
    # Private but stable ConnectionState attributes, read at each use: the bot under test may
    # be built by production code that does not expose these options.
    bot._connection.guild_ready_timeout = guild_ready_timeout
    if heartbeat_timeout is not None:
        bot._connection.heartbeat_timeout = heartbeat_timeout
        interval = min(fake.gateway.heartbeat_interval, heartbeat_timeout / 4)
        fake.gateway.heartbeat_interval = interval
    mark = fake.gateway.mark()
    task = fake.activity.start_bot(bot, bot.start(token or fake.token))
    test_task = asyncio.current_task()
    state = {"closing": False, "killed": False}

    def bot_ended(ended: asyncio.Task[Any]) -> None:
        # If the bot dies mid-test (e.g. a payload discord.py cannot parse), fail the test now
        # with the bot's exception rather than at the next wait's timeout.
        if state["closing"] or ended.cancelled() or ended.exception() is None:
            return
        if test_task is not None and not test_task.done():
            state["killed"] = True
            test_task.cancel("bot.start() failed")

    body_error: BaseException | None = None
    try:
        await _wait_until_ready(fake, bot, task, mark, timeout)
        task.add_done_callback(bot_ended)
        yield bot
        if settle is not None and not task.done():
            await fake.idle(quiet=settle, timeout=timeout)
    except asyncio.CancelledError as exc:
        body_error = exc
        if not state["killed"]:
            raise
    except BaseException as exc:
        body_error = exc
        raise
    finally:
        state["closing"] = True
        task.remove_done_callback(bot_ended)
        if state["killed"] and test_task is not None:
            test_task.uncancel()  # the cancel was ours; the bot's error replaces it below
            body_error = None
        await bot.close()
        task_error = await _finish(task)
        if task_error is not None and task_error is not body_error:
            if body_error is None:
                raise task_error
            body_error.add_note(f"bot.start() also failed: {task_error!r}")
