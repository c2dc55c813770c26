"""An append-only log that tests can await on without polling."""

# Waits take a `timeout` argument on purpose: a failing test then says what it waited for.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Recorder(Generic[T]):
    """A list of records plus waiters; `wait_for` first scans what is already recorded, so a
    record that arrived before the test started waiting is never missed."""

    def __init__(self, describe: Callable[[T], str] = repr) -> None:
        self.items: list[T] = []
        self._describe = describe
        self._waiters: list[tuple[Callable[[T], bool], int, list[int], asyncio.Future[T]]] = []

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def append(self, item: T) -> None:
        self.items.append(item)
        for waiter in list(self._waiters):
            predicate, wanted, seen, future = waiter
            if future.done() or not predicate(item):
                continue
            seen[0] += 1
            if seen[0] >= wanted:
                future.set_result(item)
                self._waiters.remove(waiter)

    def clear(self) -> None:
        self.items.clear()

    def matching(self, predicate: Callable[[T], bool], *, since: int = 0) -> list[T]:
        return [item for item in self.items[since:] if predicate(item)]

    async def wait_for(
        self,
        predicate: Callable[[T], bool],
        *,
        since: int = 0,
        count: int = 1,
        timeout: float = 5.0,
        what: str = "record",
    ) -> T:
        """The `count`-th record (from index `since`) matching `predicate`."""
        found = self.matching(predicate, since=since)
        if len(found) >= count:
            return found[count - 1]
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        waiter = (predicate, count, [len(found)], future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            recent = "\n  ".join(
                self._describe(i) for i in self.items[max(since, len(self) - 15) :]
            )
            raise TimeoutError(
                f"timed out after {timeout}s waiting for {what} (#{count});"
                f" last records:\n  {recent or '(none)'}"
            ) from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
