"""The shipped FAQ with its matching held on the answering thread (bot/answering.py): the
tests of what happens while a question waits there (behind other members' long ones)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import threading
from collections.abc import AsyncIterator, Awaitable
from typing import Any

from knowledge.base import KnowledgeBase


class HeldAsking:
    """The shipped FAQ whose matching, on the answering thread, waits for ``gate`` once it
    is cleared (the thread busy with other members' long questions)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        gate, held = threading.Event(), threading.Event()
        gate.set()

        class Held(KnowledgeBase):
            def ask(self, question: str) -> Any:
                held.set()
                gate.wait(10)  # (never for ever: a failed test sets it too)
                return super().ask(question)

        fields = {f.name: getattr(kb, f.name) for f in dataclasses.fields(kb) if f.init}
        self.knowledge, self.gate, self.held = Held(**fields), gate, held

    @contextlib.asynccontextmanager
    async def holding(self, asked: Awaitable[Any]) -> AsyncIterator[Any]:
        """Matching held from here: ``asked`` (what asks the bot a question) awaited, and
        its question waiting on the answering thread; let go on leaving. Gives what
        ``asked`` gave."""
        self.gate.clear()
        self.held.clear()
        try:
            given = await asked
            await asyncio.wait_for(asyncio.to_thread(self.held.wait, 5), 6)
            yield given
        finally:
            self.gate.set()
