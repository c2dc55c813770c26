"""Records the bot keeps and the ``Store`` protocol the cogs talk to.

The protocol is deliberately small so a server database could replace SQLite later
without touching the cogs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import hmac
import logging
import os
import secrets
import string
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


def counted(n: int, word: str) -> str:
    """A count as the operator's log says it, "1 stored question", "90 days", not "1 stored
    question(s)" or "1 days". (calculators.money.counted's twin: the storage layer stays
    without the calculators, which the CLI's database commands need not load.)"""
    return f"{n} {word}{'' if n == 1 else 's'}"


def hash_user(user_id: int, key: bytes) -> str:
    """Votes are kept per user without keeping who the user is: an HMAC under this install's
    secret key, so the database alone cannot be matched against the (public) member ids."""
    return hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]


def unkeyed_hash(user_id: int) -> str:
    """How the first releases (before vote keys, 2026-12-01) hashed a voter: a database
    upgraded from one still holds votes under it, which only this finds (for forget)."""
    return hashlib.sha256(f"rollover-bot:{user_id}".encode()).hexdigest()[:32]


def vote_key(path: Path) -> bytes:
    """This install's secret for vote hashes: read from ``path``, or made at first use
    (readable by the owner only). Keep it with the database's backups, not inside them.
    StorageError when the file cannot be read or made, or does not hold a key: a damaged
    key is never replaced silently, since the votes already cast were hashed with it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        nowhere = path.parent.is_symlink() and not path.parent.exists()
        reason = "it is a link to a folder that is not there" if nowhere else os_reason(exc)
        raise StorageError(f"cannot make the folder of the vote key file {path}: {reason}") from exc
    for _ in range(_MAKE_ATTEMPTS):
        try:
            return _read_key(path)
        except FileNotFoundError:
            pass
        try:
            return _make_key(path)
        except FileExistsError:
            if path.is_symlink() and not path.exists():
                raise StorageError(
                    f"the vote key file {path} is a link to a file that is not there"
                ) from None
            continue  # another process made it first: read theirs
        except OSError as exc:
            raise StorageError(f"cannot make the vote key file {path}: {os_reason(exc)}") from exc
    # made and taken away again each time: another process keeps failing to write it
    raise StorageError(f"cannot make the vote key file {path}: another process keeps failing")


#: Rounds of "read it, else make it": a process that fails to write the key in place
#: takes the file away again, and the next round makes it here.
_MAKE_ATTEMPTS = 3


def _make_key(path: Path) -> bytes:
    """A new key in a new file at ``path``; FileExistsError if there is one already."""
    key = secrets.token_bytes(32)
    # Written whole to a file of its own, then linked into place: another process starting
    # at the same moment finds either no key or all of it, never a file still empty.
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(draft, path)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in _NO_HARD_LINKS:
                raise
            _write_in_place(path, key)  # FAT, some network mounts: the old way
    finally:
        with contextlib.suppress(OSError):
            os.unlink(draft)
    return key


#: os.link's errors on a file system without hard links.
_NO_HARD_LINKS = {
    errno.EPERM,
    errno.ENOTSUP,
    errno.EOPNOTSUPP,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
}


def _write_in_place(path: Path, key: bytes) -> None:
    """Create ``path`` (FileExistsError if it exists) and write the key. Only where hard
    links are not to be had: another process can glimpse the file empty or part-written
    meanwhile (and waits, see _read_key). A write that fails takes the file away again,
    so the next start (or that waiting process) makes a key instead of finding a
    "damaged" one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        try:
            handle.write(key.hex() + "\n")
            handle.flush()
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise
        # Written whole: from here another process may be using the key, so a failed
        # fsync stops this start but keeps the file.
        os.fsync(handle.fileno())


#: How long a key file short of its 64 hex digits is waited for: another process may be
#: writing it in place (or have failed to, and take it away again).
_SHORT_KEY_WAIT = (0.05, 0.1, 0.2, 0.4, 0.8)


def _read_key(path: Path) -> bytes:
    text = _read_key_text(path)
    for pause in _SHORT_KEY_WAIT:
        if len(text) >= 64 or not all(c in string.hexdigits for c in text):
            break
        time.sleep(pause)
        text = _read_key_text(path)
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise StorageError(
            f"the vote key file {path} is damaged (it should hold 64 hex digits): restore "
            "it from your backup, or delete it to start a new key (members can then vote "
            "again on answers they had already voted on)"
        )
    return key


def _read_key_text(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "it is not text"
        raise StorageError(f"cannot read the vote key file {path}: {reason}") from exc


def os_reason(exc: OSError) -> str:
    """An OSError in words, without Python's "[Errno N]" prefix."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{reason} ({exc.filename})" if exc.filename else reason


def as_utc(when: dt.datetime) -> dt.datetime:
    """Stored times are UTC; a naive time is taken to be UTC already."""
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def days_ago(days: int) -> dt.datetime | None:
    """The moment ``days`` before now, or None when that is before any date Python knows
    (a huge number means "everything")."""
    try:
        return utc_now() - dt.timedelta(days=days)
    except OverflowError:
        return None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


#: Logged when the purge a store makes as it opens fails (a full disk, a lock held past the
#: timeout): housekeeping the daily chore does again, it must not stop the bot starting.
PURGE_LEFT_FOR_LATER = (
    "could not purge old stored questions at start (the daily purge tries again): %s"
)


@dataclass(frozen=True)
class AskedQuestion:
    """A question the bot abstained on or answered with low confidence."""

    text: str
    channel_id: int | None
    best_id: str | None
    best_score: float
    answered: bool
    when: dt.datetime
    #: "miss" when the asker said the answer was not what they asked, "taught" for a
    #: message a member pointed at ``best_id``; "" otherwise (unanswered, or shaky when
    #: ``answered``).
    kind: str = ""
    #: The message whose words these are (a post's: its thread's id), so that they go when
    #: it does; None for /ask, which has no message.
    message_id: int | None = None
    #: Whose words they are, hashed as votes are (hash_user), so that a member who asks to
    #: be forgotten can be; None where not known.
    asker_hash: str | None = None

    @property
    def review_kind(self) -> str:
        return self.kind or ("shaky" if self.answered else "unanswered")


@dataclass(frozen=True)
class GapGroup:
    """Near-duplicate unanswered questions: how often, one example, the closest entry."""

    count: int
    example: str
    best_id: str | None
    best_score: float
    last_seen: dt.datetime


@dataclass(frozen=True)
class EntryStats:
    """How often an entry was served and what people thought of it."""

    entry_id: str
    served: int
    helpful: int
    not_helpful: int
    #: helpful / (helpful + not_helpful); None when nobody voted.
    helpful_ratio: float | None
    #: Answers the asker removed with "Not what I asked" (also counted as not helpful).
    misses: int = 0
    #: Questions it answered that a moderator pointed at another entry in review.
    repointed: int = 0
    #: The helpful rate shrunk towards an even prior (see reports.rating): what the rows are
    #: sorted by, so one vote does not outrank fifty.
    rating: float = 0.5


#: Review queue kinds, worst first: a wrong answer the asker rejected, an answer the bot
#: was unsure of, a question left unanswered, a message a member already pointed at an entry.
REVIEW_KINDS = ("miss", "shaky", "unanswered", "taught")
#: What a moderator can decide about a review item.
REVIEW_ACTIONS = ("example", "off-topic", "dismiss", "new-entry")


@dataclass(frozen=True)
class ReviewItem:
    """Near-duplicate questions needing a moderator, as one item: one action clears all."""

    kind: str
    example: str
    count: int
    #: The entry answered, taught, or closest (None when nothing was close).
    entry_id: str | None
    score: float
    last_seen: dt.datetime
    #: Every grouped question's normalised text: what an action marks as reviewed.
    keys: tuple[str, ...]


class ReviewQueue(list[ReviewItem]):
    """The review queue's items, worst first, and whether ``more`` questions not yet
    reviewed wait than were grouped into them (reports.REVIEW_WINDOW): then any count made
    of the items is only a least ("150+"). A list, so its items read as one."""

    def __init__(self, items: Iterable[ReviewItem] = (), *, more: bool = False) -> None:
        super().__init__(items)
        self.more = more


@dataclass(frozen=True)
class TaughtExample:
    """A message a member pointed at an entry with "Answer with FAQ": a candidate example
    question for matching, kept for moderators to review (text purged like questions)."""

    text: str
    entry_id: str
    message_id: int
    #: Who pointed it, keyed like vote hashes (see hash_user).
    by_hash: str
    when: dt.datetime
    #: Whose message it is, keyed alike; None where not known.
    author_hash: str | None = None


def as_question(taught: TaughtExample) -> AskedQuestion:
    """A taught example as a review-queue question about its entry."""
    return AskedQuestion(
        text=taught.text,
        channel_id=None,
        best_id=taught.entry_id,
        best_score=100.0,
        answered=False,
        when=taught.when,
        kind="taught",
    )


#: What forgetting a member (their vote hash: ``$1``) deletes: the questions they asked, their
#: messages pointed at entries, their votes...
FORGET_ASKED = "DELETE FROM questions WHERE asker_hash = $1"
FORGET_TAUGHT = "DELETE FROM taught WHERE author_hash = $1"
FORGET_VOTES = "DELETE FROM votes WHERE user_hash = $1"
#: ...the replies still owed to them, each holding their question word for word...
FORGET_OWED = "DELETE FROM pending_replies WHERE asker_hash = $1"
#: The messages of a thread that the bot answered (their replies are kept with the thread's
#: id): a deleted thread's taught messages, which are kept by message id alone, are among
#: them, as each got its pointed answer there. ``$1``: the thread.
ANSWERED_IN_THREAD = "SELECT question_id FROM bot_replies WHERE channel_id = $1"
#: ...and the link to them where they pointed someone else's message at an entry or decided
#: a review item (that message and that decision stay: another's words, and the FAQ's).
UNNAME = (
    "UPDATE taught SET by_hash = '' WHERE by_hash = $1",
    "UPDATE reviewed SET by_hash = '' WHERE by_hash = $1",
)

#: A vote's time when it is cast again (SQL after ``voted_at = ``): the same vote pressed
#: again keeps the time it was first cast, so the next daily digest (not_helpful_since)
#: does not tell moderators of it twice; a vote changed takes the time of the change.
KEEP_SAME_VOTE_TIME = (
    "CASE WHEN votes.helpful = excluded.helpful THEN votes.voted_at ELSE excluded.voted_at END"
)

#: A member's vote kept by a release before vote keys (under unkeyed_hash: ``$2``), taken
#: over by their keyed hash (``$1``) as they vote on that entry (``$3``, message ``$4``)
#: again: left under the old hash, it stood beside the new vote, and the member counted
#: twice. (Where both are there already, the old one is deleted: UNKEYED_VOTE_GONE, with
#: the same values less the first.)
TAKE_OVER_UNKEYED_VOTE = (
    "UPDATE votes SET user_hash = $1 WHERE user_hash = $2 AND entry_id = $3"
    " AND message_id = $4 AND NOT EXISTS (SELECT 1 FROM votes AS keyed"
    " WHERE keyed.user_hash = $1 AND keyed.entry_id = $3 AND keyed.message_id = $4)"
)
UNKEYED_VOTE_GONE = "DELETE FROM votes WHERE user_hash = $1 AND entry_id = $2 AND message_id = $3"

#: Before a miss's key: "not what I asked" on an answer is decided apart from the same
#: words asked and left unanswered, so a dismissal of one does not hide the other.
MISS_KEY = "miss: "

#: Per entry, the answers its askers removed with "Not what I asked" and those a moderator
#: re-pointed in review: counts with no text, kept for the stats as votes and served counts
#: are. Read from the kept questions and decisions, they fell as the retention purged those
#: (and as members deleted their messages), while the votes beside them stayed, and an
#: entry's rating rose with nobody's say. ``$1``: the entry.
COUNT_MISS = (
    "INSERT INTO feedback (entry_id, misses) VALUES ($1, 1)"
    " ON CONFLICT (entry_id) DO UPDATE SET misses = feedback.misses + 1"
)
#: ``$2``: how many of its answers were re-pointed.
COUNT_REPOINTED = (
    "INSERT INTO feedback (entry_id, repointed) VALUES ($1, $2)"
    " ON CONFLICT (entry_id) DO UPDATE SET repointed = feedback.repointed + excluded.repointed"
)


def counts_as_repointed(
    key: str, action: str, entry_id: str | None, answered_with: str | None
) -> bool:
    """Does this decision (recorded under ``key``) re-point an answer of ``answered_with``?
    A pick of another entry for an unsure answer does; for a "Not what I asked" (its key
    starts with MISS_KEY, see reports.review_key) it does not: that miss counts already."""
    return (
        action == "example"
        and answered_with is not None
        and answered_with != entry_id
        and not key.startswith(MISS_KEY)
    )


#: A review decision on a question already decided: the first stands, except a Dismiss
#: under one written to the FAQ's files (a pick, Off-topic, a new entry). Made at once in
#: two processes (whose review locks do not meet), the pick's example is in the files
#: whoever recorded first, and a Dismiss kept over it would leave the record saying
#: otherwise (stats, the review's history). (SQL after ``ON CONFLICT (...) DO``.)
REPLACE_DISMISSAL = (
    "UPDATE SET action = excluded.action, entry_id = excluded.entry_id,"
    " answered_with = excluded.answered_with, by_hash = excluded.by_hash,"
    " reviewed_at = excluded.reviewed_at"
    " WHERE reviewed.action = 'dismiss' AND excluded.action <> 'dismiss'"
)


def replaces(recorded: str, action: str) -> bool:
    """Whether a decision ``action`` replaces the one ``recorded`` (REPLACE_DISMISSAL)."""
    return recorded == "dismiss" and action != "dismiss"


#: Forum-post claims are kept at least this long, whatever the question retention: a
#: claim must outlive any replay of the thread's creation event (every backend alike).
CLAIM_MIN_DAYS = 30

#: What the bot can owe: a reply to a forum post, or to a mention.
REPLY_KINDS = ("post", "mention")


@dataclass(frozen=True)
class PendingReply:
    """A reply the bot owes and has not yet sent: queued when a forum post is claimed (so a
    process that dies mid-reply leaves it for another), when a reply fails after
    discord.py's own retries, or when the per-minute cap holds a post back."""

    kind: str
    #: The forum thread, or the channel of the mention.
    channel_id: int
    #: The starter message (== the thread id), or the message that mentioned the bot.
    message_id: int
    #: When it is next worth trying (a reply in progress: when to stop waiting for it).
    due: dt.datetime
    #: Tries made so far.
    attempts: int = 0
    created: dt.datetime = field(default_factory=utc_now)
    #: The question as asked: an expired reply still reaches the moderators' gaps.
    question: str = ""
    last_error: str = ""
    #: Whose question it is, hashed as votes are (hash_user), so that forgetting a member
    #: takes their words from the queue too (and from the gaps, once given up); None where
    #: not known: owed before the asker was kept, or a post owed only its tags (no words).
    asker_hash: str | None = None


#: The ``pending_replies`` columns, in the order pending_values and pending_from_row use.
PENDING_COLUMNS = (
    "kind, message_id, channel_id, question, attempts, last_error, created_at, due_at, asker_hash"
)


def upsert_pending_sql(placeholders: Sequence[str]) -> str:
    """Owe a reply; owing it again moves its due time and keeps when (and what, and whose)
    was asked. ``placeholders``: the nine parameter markers of the database's driver."""
    return (
        f"INSERT INTO pending_replies ({PENDING_COLUMNS}) VALUES ({', '.join(placeholders)})"
        " ON CONFLICT (kind, message_id) DO UPDATE SET due_at = excluded.due_at,"
        " attempts = excluded.attempts, last_error = excluded.last_error"
    )


def pending_values(
    reply: PendingReply, text: Callable[[str], str], when: Callable[[dt.datetime], Any]
) -> tuple[Any, ...]:
    """A reply as column values: ``text`` cleans text, ``when`` stores a time."""
    return (
        reply.kind,
        reply.message_id,
        reply.channel_id,
        text(reply.question),
        reply.attempts,
        text(reply.last_error),
        when(reply.created),
        when(reply.due),
        reply.asker_hash,
    )


def pending_from_row(row: Sequence[Any], when: Callable[[Any], dt.datetime]) -> PendingReply:
    """A row of PENDING_COLUMNS as a reply: ``when`` reads a stored time."""
    return PendingReply(
        kind=row[0],
        message_id=row[1],
        channel_id=row[2],
        question=row[3],
        attempts=row[4],
        last_error=row[5],
        created=when(row[6]),
        due=when(row[7]),
        asker_hash=row[8],
    )


def seconds_from_now(seconds: float) -> dt.datetime:
    return utc_now() + dt.timedelta(seconds=seconds)


class StorageError(Exception):
    """The store cannot be used (e.g. a schema newer than this code); the message says why."""


class DatabaseUnavailable(StorageError):
    """The database server could not be reached or refused the connection: a failure
    outside the bot's own settings and data, that may pass (the server down, the network
    out)."""

    def __init__(self, message: str, *, problem: str = "") -> None:
        super().__init__(message)
        #: What is wrong, in words a moderator can pass on ("its database server is out of
        #: disk space"), for a database that answers but refuses; "" for one out of reach.
        #: A full disk read as "cannot reach the database" sent them to look at the wrong
        #: thing, and waiting a few minutes, as that says, mends none of these.
        self.problem = problem


def closed_store(where: object) -> DatabaseUnavailable:
    """What a store says to a call made after its close() (the stop): a late task's write
    reopened it, a connection nobody closed, whose thread (SQLite's) kept the process from
    ever exiting. Refused, as a database out of reach: the caller says so in one line."""
    return DatabaseUnavailable(f"{where} was closed as the bot stopped: nothing more is written")


def log_store_failure(logger: logging.Logger, exc: BaseException, what: str, *args: object) -> None:
    """A record the bot could not write (or read) while it goes on answering: ``what``
    (a log message, with ``args``). The database out of reach (DatabaseUnavailable: a
    PostgreSQL restart or failover) is expected and passes, so it is one warning line
    saying why; it was an ERROR with the driver's traceback, several a message for as long
    as the server was down. Any other failure is a fault: logged with its traceback."""
    if isinstance(exc, DatabaseUnavailable):
        logger.warning(what + " (%s)", *args, exc)
    else:
        logger.error(what, *args, exc_info=exc)


class Store(Protocol):
    async def open(self) -> None:
        """Create or migrate the storage; safe to call twice."""
        ...

    async def close(self) -> None: ...

    def hurry(self) -> None:
        """A stop began: writes begun from now on wait less for the database (the stop's
        grace is short); stores whose waits are short already do nothing."""
        ...

    async def shared_key(self) -> bytes:
        """The secret that vote hashes are made with, the same for every process on this
        store; StorageError when it cannot be read or made."""
        ...

    async def listen_reloads(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever another process announces a FAQ reload (stores that
        serve one process never call it)."""
        ...

    async def announce_reload(self) -> None:
        """Tell the other processes on this store that the FAQ was reloaded."""
        ...

    async def record_question(self, question: AskedQuestion) -> None: ...

    async def record_served(self, entry_id: str) -> None: ...

    async def record_vote(
        self,
        entry_id: str,
        message_id: int,
        user_hash: str,
        helpful: bool,
        unkeyed: str | None = None,
    ) -> None:
        """One vote per user per answer message; voting again replaces the earlier vote,
        also one kept under ``unkeyed``, the member's hash before vote keys (unkeyed_hash):
        see TAKE_OVER_UNKEYED_VOTE."""
        ...

    async def claim_post(self, thread_id: int, owed: PendingReply | None = None) -> bool:
        """True exactly once per forum thread (or mention: any message id, since Discord
        never gives two the same), across RESUME replays, restarts and processes. With
        ``owed``, a successful claim queues that reply in the same transaction: if the
        process dies before sending it (and calling ``settle_reply``), it is retried once
        ``owed.due`` passes."""
        ...

    async def claim_chore(self, name: str, day: dt.date) -> bool:
        """True exactly once per chore (``name``) and day, across restarts and processes:
        the one process that gets it does the chore that day."""
        ...

    async def chore_claimed_before(self, name: str, before: dt.datetime) -> dt.datetime | None:
        """When a process last claimed the chore ``name`` (claim_chore), before ``before``;
        None when none did."""
        ...

    async def release_chore(self, name: str, day: dt.date) -> None:
        """Give back a claimed chore that could not be done (a digest Discord refused): the
        next claim_chore of that day wins again, and it no longer counts as done."""
        ...

    async def queue_reply(self, reply: PendingReply) -> None:
        """Owe ``reply`` (insert, or update the due time, attempts and error of the one
        already owed for that message; its creation time and question stay)."""
        ...

    async def settle_reply(self, kind: str, message_id: int) -> None:
        """The reply was sent, or is no longer owed (the message is gone)."""
        ...

    async def take_due_replies(self, limit: int, lease_seconds: float) -> list[PendingReply]:
        """Up to ``limit`` owed replies that are due, the longest owed first (not the
        earliest due: posts held back by the forum cap are all due when its minute ends, to
        the microsecond's noise, and were then answered in no order), each with one more
        attempt counted and its due time pushed ``lease_seconds`` ahead in the same
        transaction, so no other process takes it while this one tries."""
        ...

    async def expire_replies(self, max_age_seconds: float) -> list[PendingReply]:
        """Stop owing replies created more than ``max_age_seconds`` ago; returns them. A
        reply not due yet is left for later: it may be being tried right now (its due time
        is then its lease's end), and that try settles it, sent or owed again."""
        ...

    async def pending_replies(self) -> list[PendingReply]:
        """Every owed reply, soonest due first."""
        ...

    async def record_rejected(self, question_id: int, entry_id: str) -> bool:
        """The asker (or a moderator) removed the answer ``entry_id`` to the message
        ``question_id`` as not what was asked (kept once per pair); False when that pair
        was kept already."""
        ...

    async def rejected(self, question_id: int) -> set[str]:
        """The entries removed as not what was asked in answer to that message."""
        ...

    async def record_reply(self, question_id: int, channel_id: int, reply_id: int) -> bool:
        """The bot's message ``reply_id`` (in ``channel_id``) answers the message
        ``question_id`` (a forum post's answer: the post's opening message). False when
        that reply was recorded already."""
        ...

    async def replies_to(self, question_id: int) -> list[tuple[int, int]]:
        """The (channel id, message id) of each recorded reply to that message, kept."""
        ...

    async def take_replies(self, question_id: int) -> list[tuple[int, int]]:
        """The (channel id, message id) of each recorded reply to that message, forgotten
        as they are returned: of processes taking them at once, one gets them."""
        ...

    async def record_taught(self, taught: TaughtExample) -> None:
        """Kept once per (message, entry): pointing the same message again changes nothing."""
        ...

    async def forget_asked(self, message_ids: Sequence[int], channel_id: int | None = None) -> int:
        """These messages were deleted: the words kept from them (questions for review and
        gaps, messages pointed at entries, replies owed to them) go too; with
        ``channel_id``, a deleted thread's, so does everything kept from messages in it.
        Returns how many kept texts went."""
        ...

    async def kept_from(self, channel_ids: Sequence[int], since: dt.datetime) -> set[int]:
        """The messages whose words were kept since ``since`` in these channels (a forum's
        posts: their threads' ids), so that a catch-up can tell which were deleted."""
        ...

    async def forget_member(self, user_hash: str) -> tuple[int, int]:
        """A member asked to be forgotten (``user_hash``: hash_user of their id): the
        questions they asked, their messages pointed at entries and the replies still owed
        to them go, so do their votes, and where they pointed or decided something their
        hash is blanked. Returns (texts, votes) deleted."""
        ...

    async def taught(self, limit: int = 100) -> list[TaughtExample]:
        """Taught examples, newest first."""
        ...

    async def review_queue(self, limit: int | None = None) -> ReviewQueue:
        """What needs a moderator, grouped, worst first; reviewed questions left out."""
        ...

    async def record_review(
        self,
        keys: Sequence[str],
        action: str,
        entry_id: str | None,
        by_hash: str,
        answered_with: str | None = None,
    ) -> int:
        """Mark questions (normalised texts) as reviewed: they leave the queue and gaps.
        ``answered_with``: the entry the bot had answered them with (a pick of another
        entry counts against it in stats). The first decision on a question stands: one
        recorded already is kept as it is (a review view opened before it is stale),
        except a Dismiss, which a decision written to the FAQ's files replaces (the two
        made at once in two processes: the files hold the question, and say so). Returns
        how many of the questions now carry this decision."""
        ...

    async def decided(self, keys: Sequence[str]) -> set[str]:
        """Which of these questions (normalised texts) have a decision recorded."""
        ...

    async def still_stored(self, text: str, miss: bool) -> bool:
        """Whether a question with exactly these words is still kept: a "Not what I asked"
        one (``miss``), else one of the other kinds (or a message taught to an entry). A
        review decision copies a question word for word into the FAQ's files; one its
        member deleted since (or forgot) must not be. A lookup of one row, not the queue."""
        ...

    async def gaps(self, days: int | None, limit: int = 10) -> list[GapGroup]:
        """Unanswered questions of the last ``days`` (None: all kept), grouped; reviewed
        ones left out."""
        ...

    async def stats(self) -> list[EntryStats]:
        """Per entry served or voted on, worst first."""
        ...

    async def not_helpful_since(self, since: dt.datetime) -> dict[str, int]:
        """Per entry, the members whose vote on it is "not helpful", cast (or changed to
        it) at ``since`` or later: what the daily digest tells moderators of."""
        ...

    async def purge(self, older_than_days: int) -> int:
        """Delete question and taught text older than the retention, and decisions older
        than it that no kept question or taught text has the words of; claims, rejected
        answers and replies go after the retention too, but never within 30 days; returns
        the questions deleted."""
        ...
