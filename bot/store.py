"""What the bot remembers: questions it could not answer, votes, entries served.

The cogs talk to the small ``Store`` protocol; ``MemoryStore`` keeps everything in memory
(tests, console). A database-backed store implements the same methods.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol


def hash_user(user_id: int, salt: str = "rollover-bot") -> str:
    """Votes are kept per user without keeping who the user is."""
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class AskedQuestion:
    text: str
    channel_id: int | None
    best_id: str | None
    best_score: float
    answered: bool
    when: dt.datetime


class Store(Protocol):
    async def record_question(self, question: AskedQuestion) -> None: ...

    async def record_served(self, entry_id: str) -> None: ...

    async def record_vote(
        self, entry_id: str, message_id: int, user_hash: str, helpful: bool
    ) -> None: ...


@dataclass
class MemoryStore:
    questions: list[AskedQuestion] = field(default_factory=list)
    served: Counter[str] = field(default_factory=Counter)
    votes: dict[tuple[str, int, str], bool] = field(default_factory=dict)

    async def record_question(self, question: AskedQuestion) -> None:
        self.questions.append(question)

    async def record_served(self, entry_id: str) -> None:
        self.served[entry_id] += 1

    async def record_vote(
        self, entry_id: str, message_id: int, user_hash: str, helpful: bool
    ) -> None:
        self.votes[(entry_id, message_id, user_hash)] = helpful
