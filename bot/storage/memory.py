"""``MemoryStore``: the whole protocol in memory, for tests (nothing survives a restart)."""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Self

from bot.storage.base import (
    CLAIM_MIN_DAYS,
    AskedQuestion,
    EntryStats,
    GapGroup,
    PendingReply,
    ReviewQueue,
    TaughtExample,
    as_question,
    as_utc,
    counts_as_repointed,
    days_ago,
    replaces,
    seconds_from_now,
    utc_now,
)
from bot.storage.reports import (
    build_queue,
    build_stats,
    group_gaps,
    normalise,
    unused_decisions,
)


@dataclass
class MemoryStore:
    questions: list[AskedQuestion] = field(default_factory=list)
    served: Counter[str] = field(default_factory=Counter)
    #: (entry id, message id, user hash) -> helpful
    votes: dict[tuple[str, int, str], bool] = field(default_factory=dict)
    #: (entry id, message id, user hash) -> when last voted
    voted_at: dict[tuple[str, int, str], dt.datetime] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    #: (question message id, entry id) -> when the answer was removed as not what was asked
    rejections: dict[tuple[int, str], dt.datetime] = field(default_factory=dict)
    #: the bot's reply (channel id, message id) -> (the message it answers, when sent)
    replies: dict[tuple[int, int], tuple[int, dt.datetime]] = field(default_factory=dict)
    #: (chore, day) done
    chores: set[tuple[str, dt.date]] = field(default_factory=set)
    #: (chore, day) -> when it was claimed
    chores_claimed: dict[tuple[str, dt.date], dt.datetime] = field(default_factory=dict)
    #: (kind, message id) -> the reply owed
    owed: dict[tuple[str, int], PendingReply] = field(default_factory=dict)
    #: (message id, entry id) -> what was taught
    taught_examples: dict[tuple[int, str], TaughtExample] = field(default_factory=dict)
    #: normalised question -> (action, entry id, when, entry it had been answered with)
    reviewed: dict[str, tuple[str, str | None, dt.datetime, str | None]] = field(
        default_factory=dict
    )
    #: entry id -> answers removed as not what was asked, and re-pointed in review (kept as
    #: votes are: see base.COUNT_MISS)
    misses: Counter[str] = field(default_factory=Counter)
    repointed: Counter[str] = field(default_factory=Counter)

    #: Votes live only as long as the object, and so does the key they are hashed with.
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    async def open(self) -> None:
        """Nothing to open; here so the bot treats every store alike."""

    async def shared_key(self) -> bytes:
        return self.key

    async def close(self) -> None:
        """Nothing to close; the data lives as long as the object."""

    def hurry(self) -> None:
        """Nothing waits here."""

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def listen_reloads(self, callback: Callable[[], None]) -> None:
        """One process: nobody else reloads."""

    async def announce_reload(self) -> None:
        """One process: nobody to tell."""

    async def record_question(self, question: AskedQuestion) -> None:
        self.questions.append(question)
        if question.kind == "miss" and question.best_id is not None:
            self.misses[question.best_id] += 1

    async def record_served(self, entry_id: str) -> None:
        self.served[entry_id] += 1

    async def record_vote(
        self,
        entry_id: str,
        message_id: int,
        user_hash: str,
        helpful: bool,
        unkeyed: str | None = None,
    ) -> None:
        key = (entry_id, message_id, user_hash)
        old = (entry_id, message_id, unkeyed)
        if unkeyed is not None and old in self.votes:  # (TAKE_OVER_UNKEYED_VOTE)
            cast, when = self.votes.pop(old), self.voted_at.pop(old, utc_now())
            if key not in self.votes:
                self.votes[key], self.voted_at[key] = cast, when
        if self.votes.get(key) != helpful:  # (the same vote again keeps its time: KEEP_...)
            self.voted_at[key] = utc_now()
        self.votes[key] = helpful

    async def claim_chore(self, name: str, day: dt.date) -> bool:
        if (name, day) in self.chores:
            return False
        self.chores.add((name, day))
        self.chores_claimed[(name, day)] = utc_now()
        return True

    async def chore_claimed_before(self, name: str, before: dt.datetime) -> dt.datetime | None:
        done = [at for (chore, _), at in self.chores_claimed.items() if chore == name]
        return max((at for at in done if at < as_utc(before)), default=None)

    async def release_chore(self, name: str, day: dt.date) -> None:
        self.chores.discard((name, day))
        self.chores_claimed.pop((name, day), None)

    async def claim_post(self, thread_id: int, owed: PendingReply | None = None) -> bool:
        # No await between check and mark: two racing handlers cannot both win.
        if thread_id in self.claimed:
            return False
        self.claimed.add(thread_id)
        if owed is not None:
            self.owed[(owed.kind, owed.message_id)] = owed
        return True

    async def queue_reply(self, reply: PendingReply) -> None:
        key = (reply.kind, reply.message_id)
        old = self.owed.get(key)
        if old is not None:
            reply = replace(
                old, due=reply.due, attempts=reply.attempts, last_error=reply.last_error
            )
        self.owed[key] = reply

    async def settle_reply(self, kind: str, message_id: int) -> None:
        self.owed.pop((kind, message_id), None)

    async def take_due_replies(self, limit: int, lease_seconds: float) -> list[PendingReply]:
        now = utc_now()
        due = sorted((r for r in self.owed.values() if r.due <= now), key=lambda r: r.created)
        taken = []
        for reply in due[:limit]:
            reply = replace(reply, due=seconds_from_now(lease_seconds), attempts=reply.attempts + 1)
            self.owed[(reply.kind, reply.message_id)] = reply
            taken.append(reply)
        return taken

    async def expire_replies(self, max_age_seconds: float) -> list[PendingReply]:
        cutoff, now = seconds_from_now(-max_age_seconds), utc_now()
        old = [r for r in self.owed.values() if r.created < cutoff and r.due <= now]
        for reply in old:
            del self.owed[(reply.kind, reply.message_id)]
        return old

    async def pending_replies(self) -> list[PendingReply]:
        return sorted(self.owed.values(), key=lambda r: r.due)

    async def record_rejected(self, question_id: int, entry_id: str) -> bool:
        if (question_id, entry_id) in self.rejections:
            return False
        self.rejections[(question_id, entry_id)] = utc_now()
        return True

    async def rejected(self, question_id: int) -> set[str]:
        return {entry for question, entry in self.rejections if question == question_id}

    async def record_reply(self, question_id: int, channel_id: int, reply_id: int) -> bool:
        if (channel_id, reply_id) in self.replies:
            return False
        self.replies[(channel_id, reply_id)] = (question_id, utc_now())
        return True

    async def replies_to(self, question_id: int) -> list[tuple[int, int]]:
        return sorted(key for key, (question, _) in self.replies.items() if question == question_id)

    async def take_replies(self, question_id: int) -> list[tuple[int, int]]:
        taken = sorted(
            key for key, (question, _) in self.replies.items() if question == question_id
        )
        for key in taken:
            del self.replies[key]
        return taken

    async def record_taught(self, taught: TaughtExample) -> None:
        self.taught_examples.setdefault((taught.message_id, taught.entry_id), taught)

    async def forget_asked(self, message_ids: Sequence[int], channel_id: int | None = None) -> int:
        ids = set(message_ids)
        # (a deleted thread's taught messages: those answered there, ANSWERED_IN_THREAD)
        in_thread = {q for (where, _), (q, _) in self.replies.items() if where == channel_id}

        def kept(message_id: int | None, channel: int | None) -> bool:
            return message_id not in ids and (channel_id is None or channel != channel_id)

        before = len(self.questions) + len(self.taught_examples) + len(self.owed)
        self.questions[:] = [q for q in self.questions if kept(q.message_id, q.channel_id)]
        self.taught_examples = {
            k: t
            for k, t in self.taught_examples.items()
            if t.message_id not in ids and t.message_id not in in_thread
        }
        self.owed = {k: p for k, p in self.owed.items() if kept(p.message_id, p.channel_id)}
        return before - len(self.questions) - len(self.taught_examples) - len(self.owed)

    async def kept_from(self, channel_ids: Sequence[int], since: dt.datetime) -> set[int]:
        return {
            q.message_id
            for q in self.questions
            if q.message_id is not None and q.channel_id in channel_ids and q.when >= since
        }

    async def forget_member(self, user_hash: str) -> tuple[int, int]:
        before = len(self.questions) + len(self.taught_examples) + len(self.owed)
        self.questions[:] = [q for q in self.questions if q.asker_hash != user_hash]
        self.taught_examples = {
            k: t if t.by_hash != user_hash else replace(t, by_hash="")
            for k, t in self.taught_examples.items()
            if t.author_hash != user_hash
        }
        self.owed = {k: p for k, p in self.owed.items() if p.asker_hash != user_hash}
        texts = before - len(self.questions) - len(self.taught_examples) - len(self.owed)
        votes = [key for key in self.votes if key[2] == user_hash]
        for key in votes:
            del self.votes[key]
        return texts, len(votes)

    async def taught(self, limit: int = 100) -> list[TaughtExample]:
        ordered = sorted(
            self.taught_examples.values(),
            key=lambda t: (as_utc(t.when), t.message_id, t.entry_id),
            reverse=True,
        )
        return ordered[:limit]

    async def review_queue(self, limit: int | None = None) -> ReviewQueue:
        questions = [*self.questions, *(as_question(t) for t in self.taught_examples.values())]
        return await asyncio.to_thread(build_queue, questions, set(self.reviewed), limit)

    async def record_review(
        self,
        keys: Sequence[str],
        action: str,
        entry_id: str | None,
        by_hash: str,
        answered_with: str | None = None,
    ) -> int:
        now = utc_now()
        recorded = 0
        for key in dict.fromkeys(keys):
            had = self.reviewed.get(key)
            if had is not None and not replaces(had[0], action):
                continue  # (decided before: that decision stands, and its count)
            self.reviewed[key] = (action, entry_id, now, answered_with)
            recorded += 1
            if answered_with and counts_as_repointed(key, action, entry_id, answered_with):
                self.repointed[answered_with] += 1
        return recorded

    async def decided(self, keys: Sequence[str]) -> set[str]:
        return {key for key in keys if key in self.reviewed}

    async def still_stored(self, text: str, miss: bool) -> bool:
        if any(q.text == text and (q.review_kind == "miss") == miss for q in self.questions):
            return True
        return not miss and any(t.text == text for t in self.taught_examples.values())

    async def gaps(self, days: int | None, limit: int = 10) -> list[GapGroup]:
        questions = [q for q in self.questions if normalise(q.text) not in self.reviewed]
        cutoff = days_ago(days) if days is not None else None
        if cutoff is not None:
            questions = [q for q in questions if as_utc(q.when) >= cutoff]
        # Grouping is CPU work: off the event loop, so heartbeats and replies go on.
        return await asyncio.to_thread(group_gaps, questions, limit)

    async def stats(self) -> list[EntryStats]:
        tallies: dict[str, tuple[int, int]] = {}
        for (entry_id, _, _), helpful in self.votes.items():
            up, down = tallies.get(entry_id, (0, 0))
            tallies[entry_id] = (up + helpful, down + (not helpful))
        return build_stats(self.served, tallies, +self.misses, +self.repointed)

    async def not_helpful_since(self, since: dt.datetime) -> dict[str, int]:
        down = Counter(
            key[0]
            for key, helpful in self.votes.items()
            if not helpful and self.voted_at[key] >= since
        )
        return dict(down)

    async def purge(self, older_than_days: int) -> int:
        cutoff = days_ago(older_than_days)
        if cutoff is None:
            return 0
        self.taught_examples = {
            k: t for k, t in self.taught_examples.items() if as_utc(t.when) >= cutoff
        }
        kept = [q for q in self.questions if as_utc(q.when) >= cutoff]
        deleted = len(self.questions) - len(kept)
        self.questions[:] = kept
        old = [k for k, v in self.reviewed.items() if as_utc(v[2]) < cutoff]
        asked = [(q.text, q.kind) for q in kept]
        taught = [t.text for t in self.taught_examples.values()]
        for key in unused_decisions(old, asked, taught):
            del self.reviewed[key]
        kept_from = days_ago(max(older_than_days, CLAIM_MIN_DAYS)) or cutoff
        self.rejections = {k: at for k, at in self.rejections.items() if at >= kept_from}
        self.replies = {k: v for k, v in self.replies.items() if v[1] >= kept_from}
        return deleted
