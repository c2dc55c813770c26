"""Handles returned by the harness helpers: await what the bot did in reply."""

# Waits take a `timeout` argument on purpose: a failing test then says what it waited for.
# ruff: noqa: ASYNC109

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .rest import Call
from .state import InteractionRecord

if TYPE_CHECKING:
    from .harness import FakeDiscord


class InteractionHandle:
    """One INTERACTION_CREATE sent to the bot.

    `await response()` is the bot's callback body (`{"type": 4, "data": {...}}`; type 8 for
    autocomplete choices, 9 for a modal, 5/6 for defers, 7 for a message update). Injected
    fault replies are skipped, so after a 429 it returns the retried, accepted callback.
    """

    def __init__(self, fake: FakeDiscord, record: InteractionRecord, *, since: int) -> None:
        self.fake = fake
        self.record = record
        self.since = since  # index into fake.calls when the interaction was sent
        self.sent_at = time.monotonic()

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def token(self) -> str:
        return self.record.token

    @property
    def payload(self) -> dict[str, Any]:
        """The INTERACTION_CREATE payload the bot received."""
        return self.record.payload

    def _callback(self, call: Call) -> bool:
        return (
            call.route == "POST /interactions/{interaction_id}/{token}/callback"
            and call.params.get("interaction_id") == str(self.id)
            and not call.injected
        )

    def _webhook(self, method: str, suffix: str = "") -> Any:
        path = re.compile(rf"/webhooks/\d+/{re.escape(self.token)}{suffix}")
        return lambda c: c.method == method and not c.injected and bool(path.fullmatch(c.path))

    async def response_call(self, timeout: float = 5.0) -> Call:
        return await self.fake.rest.calls.wait_for(
            self._callback, since=self.since, timeout=timeout, what=f"callback of {self.id}"
        )

    async def response(self, timeout: float = 5.0) -> dict[str, Any]:
        return (await self.response_call(timeout)).json

    async def latency(self, timeout: float = 5.0) -> float:
        """Seconds from dispatching INTERACTION_CREATE to the callback's arrival."""
        return (await self.response_call(timeout)).time - self.sent_at

    async def followup(self, index: int = 0, timeout: float = 5.0) -> dict[str, Any]:
        """Body of the bot's (index+1)-th followup message (`POST /webhooks/{app}/{token}`)."""
        call = await self.fake.rest.calls.wait_for(
            self._webhook("POST"), since=self.since, count=index + 1, timeout=timeout,
            what=f"followup #{index} of {self.id}",
        )  # fmt: skip
        return call.json

    async def edit(self, index: int = 0, timeout: float = 5.0) -> dict[str, Any]:
        """Body of the bot's (index+1)-th `PATCH .../messages/@original` (e.g. after a defer)."""
        call = await self.fake.rest.calls.wait_for(
            self._webhook("PATCH", "/messages/@original"), since=self.since, count=index + 1,
            timeout=timeout, what=f"edit of @original #{index} of {self.id}",
        )  # fmt: skip
        return call.json

    @property
    def calls(self) -> list[Call]:
        """Every recorded request about this interaction (callback and webhook routes)."""
        return [
            c
            for c in self.fake.rest.calls.items[self.since :]
            if self._callback(c) or f"/{self.token}" in c.path
        ]

    @property
    def message(self) -> dict[str, Any] | None:
        """Current state of the @original message (after edits), as users would see it."""
        mid = self.record.original_message_id
        return self.fake.world.messages.get(mid) if mid else None

    @property
    def followup_messages(self) -> list[dict[str, Any]]:
        return [
            self.fake.world.messages[m]
            for m in self.record.followup_ids
            if m in self.fake.world.messages
        ]

    @property
    def files(self) -> dict[str, bytes]:
        """file name -> bytes of the files the bot attached to its response and followups."""
        messages = [m for m in [self.message, *self.followup_messages] if m is not None]
        return {
            a["filename"]: self.fake.world.attachments[int(a["id"])]
            for m in messages
            for a in m.get("attachments") or ()
        }


@dataclass
class ForumPost:
    """A forum post the harness created (THREAD_CREATE + starter MESSAGE_CREATE)."""

    fake: FakeDiscord
    thread: dict[str, Any]
    starter: dict[str, Any]
    since: int
    sequence: list[int | None] = field(default_factory=list)  # gateway seqs of the two events

    @property
    def id(self) -> int:
        return int(self.thread["id"])

    async def reply(self, index: int = 0, timeout: float = 5.0) -> Call:
        """The bot's (index+1)-th accepted `POST /channels/{thread}/messages`."""
        return await self.fake.wait_for_call(
            "POST", rf"/channels/{self.id}/messages", since=self.since, count=index + 1,
            timeout=timeout,
        )  # fmt: skip

    @property
    def replies(self) -> list[dict[str, Any]]:
        """Messages the bot has posted in the thread so far."""
        bot = str(self.fake.world.bot_user.id)
        return [m for m in self.fake.world.messages_in(self.id) if m["author"]["id"] == bot]

    @property
    def tags(self) -> list[str]:
        """Names of the tags currently applied to the post."""
        forum = self.fake.world.channel(self.thread["parent_id"])
        return [self.fake.world.tag_name(t, forum) for t in self.thread["applied_tags"]]
