"""Abuse limits: per-user cooldowns for slash commands and mentions, a cap for forum posts.

The numbers come from the settings the bot started with (a restart applies new ones).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import TYPE_CHECKING

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.app import RolloverBot
    from bot.settings import LimitSettings
    from knowledge.matcher import Hit


def per_user(setting: str) -> Callable[[discord.Interaction], app_commands.Cooldown | None]:
    """A cooldown factory for ``app_commands.checks.dynamic_cooldown``: N uses a minute."""

    def factory(interaction: discord.Interaction) -> app_commands.Cooldown | None:
        limits: LimitSettings = interaction.client.settings.limits  # type: ignore[attr-defined]
        return app_commands.Cooldown(getattr(limits, setting), 60.0)

    return factory


def user_key(interaction: discord.Interaction) -> int:
    return interaction.user.id


def wait_text(seconds: float) -> str:
    """A wait to tell a member, rounded up ("0 seconds" would invite a try still refused),
    in words: a screen reader read "45 s" as "45 ess"."""
    whole = max(1, math.ceil(seconds))
    return f"{whole} second{'s' if whole != 1 else ''}"


class SlidingWindow:
    """At most ``limit`` events in any ``period`` seconds."""

    def __init__(
        self, limit: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.period, self.clock = limit, period, clock
        self._times: deque[float] = deque()

    def allow(self) -> bool:
        if self.full():
            return False
        self._times.append(self.clock())
        return True

    def give_back(self) -> None:
        """Undo the latest ``allow``: what it let through turned out to use nothing."""
        if self._times:
            self._times.pop()

    def full(self) -> bool:
        """Whether ``allow`` would refuse now (using up nothing)."""
        now = self.clock()
        while self._times and now - self._times[0] >= self.period:
            self._times.popleft()
        return len(self._times) >= self.limit

    def retry_after(self) -> float:
        return max(0.0, self.period - (self.clock() - self._times[0])) if self._times else 0.0


class PerUserWindows:
    """One sliding window per user, for the most recent users only (bounded memory)."""

    def __init__(
        self,
        limit: Callable[[], int],
        capacity: int = 5000,
        period: Callable[[], float] = lambda: 60.0,
    ) -> None:
        self._limit, self._period = limit, period
        self._windows: OrderedDict[int, SlidingWindow] = OrderedDict()
        self._capacity = capacity

    def get(self, user_id: int) -> SlidingWindow:
        window = self._windows.pop(user_id, None) or SlidingWindow(self._limit(), self._period())
        self._windows[user_id] = window
        while len(self._windows) > self._capacity:
            self._windows.popitem(last=False)
        return window


class Claims:
    """Ids already handled (forum threads, mentions, pickers), bounded. Check-and-mark has
    no await in between, so two handlers racing for one post (thread event and starter
    message) or one event delivered twice cannot both win."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._done: OrderedDict[int, None] = OrderedDict()
        self._capacity = capacity

    def seen(self, item_id: int) -> bool:
        return item_id in self._done

    def claim(self, item_id: int) -> bool:
        """True exactly once per id."""
        if item_id in self._done:
            return False
        self._done[item_id] = None
        while len(self._done) > self._capacity:
            self._done.popitem(last=False)
        return True

    def release(self, item_id: int) -> None:
        """Give up a claim whose handling came to nothing, so the id can be claimed again."""
        self._done.pop(item_id, None)


def autocomplete_hits(bot: RolloverBot, user_id: int, current: str) -> list[Hit]:
    """An autocomplete's entries: the first 200 characters typed, ranked; once the member is
    past ``autocomplete_per_minute``, the titles holding the words typed, unranked (cheap)."""
    matcher = bot.knowledge.matcher
    if bot.autocomplete_windows.get(user_id).allow():
        return matcher.autocomplete(current[:200], limit=25)
    return matcher.by_title(current, limit=25)
