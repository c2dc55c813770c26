"""``PostgresStore``: the ``Store`` protocol on PostgreSQL, for several bot processes.

Chosen by ``database.url = "postgresql://..."``. asyncpg, because the bot is asyncio
throughout: a native asyncio driver with its own connection pool, binary wheels for every
supported Python, and LISTEN/NOTIFY built in for when processes must tell each other things.

Same semantics as SQLite: an ordered, versioned schema (applied under an advisory lock, so
two processes starting together migrate once), exactly-once claims (``ON CONFLICT DO
NOTHING``), one vote per user per answer, retention. Times are ``timestamptz``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import re
import secrets
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from functools import partial
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from bot.storage.base import (
    ANSWERED_IN_THREAD,
    CLAIM_MIN_DAYS,
    COUNT_MISS,
    COUNT_REPOINTED,
    FORGET_ASKED,
    FORGET_OWED,
    FORGET_TAUGHT,
    FORGET_VOTES,
    KEEP_SAME_VOTE_TIME,
    PENDING_COLUMNS,
    PURGE_LEFT_FOR_LATER,
    REPLACE_DISMISSAL,
    TAKE_OVER_UNKEYED_VOTE,
    UNKEYED_VOTE_GONE,
    UNNAME,
    AskedQuestion,
    DatabaseUnavailable,
    EntryStats,
    GapGroup,
    PendingReply,
    ReviewQueue,
    StorageError,
    TaughtExample,
    as_question,
    as_utc,
    closed_store,
    counted,
    counts_as_repointed,
    days_ago,
    pending_from_row,
    pending_values,
    upsert_pending_sql,
    utc_now,
)
from bot.storage.reports import (
    REPOINTED_SQL,
    build_queue,
    build_stats,
    gaps_of_rows,
    unused_decisions,
    worst_first_window,
)

log = logging.getLogger(__name__)


class _DriverRetryLine(logging.Filter):
    """asyncpg restores its pool's connection while the server is down (a restart, a
    failover), trying at 1, 2, 4 ... 60 s, and logs each failed try with its traceback:
    a foreseen outage, which the bot's own warnings say in a line. Each try's record is one
    line naming why instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and "connection floor" in str(record.msg):
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {exc})"
            record.args = None
            record.exc_info = record.exc_text = None
        return True


logging.getLogger("asyncpg.pool").addFilter(_DriverRetryLine())

#: Seconds a query may take or wait for a lock before it fails, as SQLite gives up on a
#: locked file after 5: a stuck query (a lock held elsewhere, a dead connection) stalled
#: every forum answer, which the bot gives anyway when the store fails.
QUERY_TIMEOUT = 10.0
#: Seconds a statement begun once a stop began (hurry) may take, as SQLite's
#: STOP_BUSY_SECONDS: the replies a stop cut off, made due at once after its 5 s grace,
#: waited the query timeout for a lock held elsewhere (the stop took 15 s, past the 10 s
#: `docker stop` allows before it kills the process).
STOP_QUERY_TIMEOUT = 1.0
#: Seconds a new connection waits for the server to answer (the URL's connect_timeout, as
#: libpq takes it, when given): asyncpg waits 60 s, so a host that never answers (powered
#: off, a firewall dropping its packets) cost a minute per start attempt and per reconnect.
CONNECT_TIMEOUT = 10.0
#: The chores that may run long on a big database: upgrading the schema, purging.
SLOW_QUERY_TIMEOUT = 300.0
#: Seconds closing waits for the server to take the connections' goodbye before dropping
#: them. Closing comes at a stop, with nothing left to write: a server out of reach without
#: a word (a partition) was given the query timeout for each of two connections in turn,
#: 20 s, past the 10 s `docker stop` allows before it kills the process.
CLOSE_TIMEOUT = 2.0
#: How far this host's clock may be off the database server's before the log says so at
#: start: owed replies and their leases go by the server's clock, but other times are this
#: host's (the digest's hour, the catch-up's last hour, when questions were asked).
CLOCK_OFF_SECONDS = 60.0
#: How often the connection that hears reload announcements is checked with a query: it
#: only ever waits, so one a NAT or firewall forgot (idle for minutes) looked open for
#: ever, and the process never heard another reload. The query's traffic also keeps such
#: a middlebox from taking it for idle.
LISTEN_CHECK_SECONDS = 60.0
#: An arbitrary constant naming this schema's advisory lock.
_MIGRATION_LOCK = 0x726F6C6C
#: And the retention purge's: one process purges at a time (see purge).
_PURGE_LOCK = _MIGRATION_LOCK + 1

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "the whole schema of SQLite's version 4, in PostgreSQL's types",
        (
            """CREATE TABLE questions (
                id BIGSERIAL PRIMARY KEY,
                text TEXT NOT NULL,
                channel_id BIGINT,
                best_id TEXT,
                best_score DOUBLE PRECISION NOT NULL,
                answered BOOLEAN NOT NULL,
                asked_at TIMESTAMPTZ NOT NULL,
                kind TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX questions_by_time ON questions (answered, asked_at)",
            "CREATE INDEX questions_newest ON questions (asked_at)",
            """CREATE TABLE served (
                entry_id TEXT PRIMARY KEY,
                count BIGINT NOT NULL CHECK (count >= 0)
            )""",
            """CREATE TABLE votes (
                entry_id TEXT NOT NULL,
                message_id BIGINT NOT NULL,
                user_hash TEXT NOT NULL,
                helpful BOOLEAN NOT NULL,
                voted_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (entry_id, message_id, user_hash)
            )""",
            """CREATE TABLE claimed_posts (
                thread_id BIGINT PRIMARY KEY,
                claimed_at TIMESTAMPTZ NOT NULL
            )""",
            "CREATE INDEX claimed_posts_by_time ON claimed_posts (claimed_at)",
            """CREATE TABLE taught (
                message_id BIGINT NOT NULL,
                entry_id TEXT NOT NULL,
                text TEXT NOT NULL,
                by_hash TEXT NOT NULL,
                taught_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (message_id, entry_id)
            )""",
            "CREATE INDEX taught_by_time ON taught (taught_at)",
            """CREATE TABLE reviewed (
                key TEXT PRIMARY KEY,
                action TEXT NOT NULL,
                entry_id TEXT,
                answered_with TEXT,
                by_hash TEXT NOT NULL,
                reviewed_at TIMESTAMPTZ NOT NULL
            )""",
        ),
    ),
    (
        2,
        "secrets shared by every process (the vote-hash key)",
        ("CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL)",),
    ),
    (
        3,
        "replies owed: claimed posts not yet answered, failed and held-back replies",
        (
            """CREATE TABLE pending_replies (
                kind TEXT NOT NULL CHECK (kind IN ('post', 'mention')),
                message_id BIGINT NOT NULL,
                channel_id BIGINT NOT NULL,
                question TEXT NOT NULL,
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                last_error TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                due_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (kind, message_id)
            )""",
            "CREATE INDEX pending_replies_due ON pending_replies (due_at)",
        ),
    ),
    (
        4,
        "daily chores done by one process a day (the moderator log's digest)",
        (
            """CREATE TABLE chores (
                name TEXT NOT NULL,
                day DATE NOT NULL,
                done_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (name, day)
            )""",
        ),
    ),
    (
        5,
        "review decisions keyed by a hash of the question (a long one passed the index limit)",
        (
            # A B-tree entry holds 2,704 bytes at most: a 1,000-character question in
            # Chinese could never be decided. The hash keeps one decision per question.
            "ALTER TABLE reviewed DROP CONSTRAINT reviewed_pkey",
            "CREATE UNIQUE INDEX reviewed_by_key_hash ON reviewed (md5(key))",
        ),
    ),
    (
        6,
        "votes one per member and entry (the latest of each member's votes on an entry)",
        (
            # As SQLite's version 7.
            """INSERT INTO votes (entry_id, message_id, user_hash, helpful, voted_at)
            SELECT DISTINCT ON (entry_id, user_hash) entry_id, 0, user_hash, helpful, voted_at
            FROM votes ORDER BY entry_id, user_hash, voted_at DESC
            ON CONFLICT (entry_id, message_id, user_hash)
            DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at""",
            "DELETE FROM votes WHERE message_id <> 0",
        ),
    ),
    (
        7,
        "answers removed as not what was asked, per question message (not posted again)",
        (
            # As SQLite's version 8.
            """CREATE TABLE rejected_answers (
                question_id BIGINT NOT NULL,
                entry_id TEXT NOT NULL,
                rejected_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (question_id, entry_id)
            )""",
            "CREATE INDEX rejected_answers_by_time ON rejected_answers (rejected_at)",
        ),
    ),
    (
        8,
        "the bot's replies to each message (they go when the message is deleted)",
        (
            # As SQLite's version 9.
            """CREATE TABLE bot_replies (
                reply_id BIGINT PRIMARY KEY,
                question_id BIGINT NOT NULL,
                channel_id BIGINT NOT NULL,
                sent_at TIMESTAMPTZ NOT NULL
            )""",
            "CREATE INDEX bot_replies_by_question ON bot_replies (question_id)",
            "CREATE INDEX bot_replies_by_time ON bot_replies (sent_at)",
        ),
    ),
    (
        9,
        "the message each kept question came from (its text goes when that message does)",
        (
            # As SQLite's version 10.
            "ALTER TABLE questions ADD COLUMN message_id BIGINT",
            "CREATE INDEX questions_by_message ON questions (message_id)",
        ),
    ),
    (
        10,
        "who asked each kept question, and whose message each taught one is (as vote hashes)",
        (
            # As SQLite's version 11.
            "ALTER TABLE questions ADD COLUMN asker_hash TEXT",
            "CREATE INDEX questions_by_asker ON questions (asker_hash)",
            "ALTER TABLE taught ADD COLUMN author_hash TEXT",
        ),
    ),
    (
        11,
        "per-entry counts of misses and re-pointed answers, kept as votes are",
        (
            # As SQLite's version 12.
            """CREATE TABLE feedback (
                entry_id TEXT PRIMARY KEY,
                misses INTEGER NOT NULL DEFAULT 0 CHECK (misses >= 0),
                repointed INTEGER NOT NULL DEFAULT 0 CHECK (repointed >= 0)
            )""",
            """INSERT INTO feedback (entry_id, misses)
            SELECT best_id, COUNT(*) FROM questions
            WHERE kind = 'miss' AND best_id IS NOT NULL GROUP BY best_id""",
            """INSERT INTO feedback (entry_id, repointed)
            SELECT answered_with, COUNT(*) FROM reviewed
            WHERE action = 'example' AND answered_with IS NOT NULL
            AND answered_with != entry_id AND key NOT LIKE 'miss: %' GROUP BY answered_with
            ON CONFLICT (entry_id) DO UPDATE SET repointed = excluded.repointed""",
        ),
    ),
    (
        12,
        "who asked each reply still owed (as a vote hash), so that forgetting them takes it",
        (
            # As SQLite's version 13.
            "ALTER TABLE pending_replies ADD COLUMN asker_hash TEXT",
            "CREATE INDEX pending_replies_by_asker ON pending_replies (asker_hash)",
        ),
    ),
)
#: Due times and leases go by the database server's clock, one for every process: by each
#: host's own, a host a few minutes fast took replies other processes were still sending
#: (and answered posts twice), and one slow wrote leases already run out for the others.
#: A time is sent as its distance from the sender's now, which its clock's error leaves
#: alone, and stored from the server's now.
_UPSERT_PENDING = upsert_pending_sql(
    [*(f"${n}" for n in range(1, 7)), "now() + $7::interval", "now() + $8::interval", "$9"]
)

#: The stored questions of each review kind but "taught" (a table of its own), worst first
#: as in REVIEW_KINDS.
_QUESTION_KINDS = (
    "kind = 'miss'",
    "kind = '' AND answered",  # shaky
    "kind = '' AND NOT answered",  # unanswered
)


def _pending_args(reply: PendingReply) -> tuple[object, ...]:
    now = utc_now()
    return pending_values(reply, clean_text, lambda when: as_utc(when) - now)


def _pending(row: Any) -> PendingReply:
    return pending_from_row(row, lambda when: when)


CURRENT_VERSION = MIGRATIONS[-1][0]
#: The schema version that keeps the misses and re-pointed answers counted (COUNT_MISS).
FEEDBACK_VERSION = 11
#: The NOTIFY channel on which a process tells the others it reloaded the FAQ.
RELOAD_CHANNEL = "rollover_faq_reload"


def clean_text(text: str) -> str:
    """PostgreSQL text holds neither NUL nor lone surrogates: both become U+FFFD (the
    only way this store differs from SQLite, which keeps NUL)."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


async def _close_listener(listener: Any) -> None:
    with contextlib.suppress(Exception):  # closing: the server may be gone already
        await listener.close(timeout=CLOSE_TIMEOUT)  # (dropped when it runs out)


async def _close_pool(pool: Any) -> None:
    try:
        await asyncio.wait_for(pool.close(), CLOSE_TIMEOUT)
    except TimeoutError:  # (its connections' closing failed so, out of the stop)
        pool.terminate()


class PostgresStore:
    """The ``Store`` protocol on a PostgreSQL database (``url``: a libpq connection URI)."""

    def __init__(
        self,
        url: str,
        *,
        retention_days: int | None = None,
        query_timeout: float = QUERY_TIMEOUT,
        read_only: bool = False,
        listen_check_seconds: float = LISTEN_CHECK_SECONDS,
    ) -> None:
        self.url = url
        #: What the driver is given: the URL without libpq's connect_timeout (asyncpg sends
        #: parameters it does not know to the server, which refuses that one), and how long
        #: a connection may take (see connect_options).
        self._dsn, self._connect_timeout = url, CONNECT_TIMEOUT
        self.retention_days = retention_days
        self.query_timeout = query_timeout
        #: What a statement run on its own may take: the query timeout, or less once a stop
        #: began (see hurry).
        self._timeout = query_timeout
        #: For the command line's reports: never creates or upgrades the schema (bot
        #: processes of the older version may still be running on it), so a role that
        #: may only read can run them.
        self.read_only = read_only
        self._pool: Any = None
        self._open_lock = asyncio.Lock()
        #: Whether close() was called since the last open(): no call reopens it then.
        self._closed = False
        self._listener: Any = None
        #: What listen_reloads was asked to call, and the task re-listening after a drop.
        self._on_reload: Callable[[], None] | None = None
        self._relisten: asyncio.Task[None] | None = None
        #: The task checking that connection (see LISTEN_CHECK_SECONDS), and how often.
        self._checking: asyncio.Task[None] | None = None
        self.listen_check_seconds = listen_check_seconds
        #: Names this process in its notifications, so it ignores its own.
        self.origin = secrets.token_hex(8)
        #: Whether the pool's last try to connect had no answer (see _connect_pooled).
        self._unanswered_connect = False

    def _refusal(self, exc: Exception) -> StorageError:
        """A connection's or the server's error (OSError, asyncpg.PostgresError) in the
        operator's words: settings to fix (StorageError, exit 2), else a server down, out of
        reach or out of connections (DatabaseUnavailable, exit 1: it may pass)."""
        import asyncpg

        settings_wrong = (
            asyncpg.InvalidAuthorizationSpecificationError,  # (a wrong password, a role)
            asyncpg.InvalidCatalogNameError,
            asyncpg.InsufficientPrivilegeError,
        )
        said = server_refusal(exc) or str(exc) or self._unanswered(exc)
        reason = f"cannot use the PostgreSQL database: {without_password(said, self.url)}"
        if isinstance(exc, settings_wrong):
            # The server answered: no such database or role, a wrong password, no rights to
            # the tables. The settings are to fix, not to retry (exit 2).
            return StorageError(reason)
        return DatabaseUnavailable(reason, problem=server_problem(exc))

    def _unanswered(self, exc: Exception) -> str:
        """Why the driver gave up on the server, for an error with no words of its own (a
        TimeoutError: the operator read "cannot use the PostgreSQL database: " and no
        more, at each try of a start): connected, a query kept waiting; else the connection
        never answered."""
        if not isinstance(exc, TimeoutError):
            return type(exc).__name__
        return STUCK_QUERY if self._pool is not None else NO_ANSWER

    async def open(self) -> None:
        import asyncpg

        async with self._open_lock:
            self._closed = False
            if self._pool is not None:
                return
            try:
                if _raw_at(self.url):
                    # (A parser takes the host from the first "@": "ss@db.example" then fails
                    # to resolve, a server down to the bot, retried for ever.)
                    raise ValueError("an '@' in the user name or password")
                self._dsn, self._connect_timeout = connect_options(self.url)
                self._pool = await asyncpg.create_pool(
                    self._dsn,
                    min_size=1,
                    max_size=4,
                    command_timeout=self.query_timeout,
                    timeout=self._connect_timeout,
                    connect=self._connect_pooled,
                )
                await (self._check_schema() if self.read_only else self._migrate())
            except StorageError:  # (a newer schema: no pool left open to write into it)
                await self._let_go()
                raise
            except (OSError, asyncpg.PostgresError) as exc:
                refusal = self._refusal(exc)  # (before closing: it asks whether it connected)
                await self._let_go()
                raise refusal from exc
            except (ValueError, OverflowError, asyncpg.InterfaceError) as exc:
                # asyncpg parses the URL when it connects. Its message may quote any part of
                # it, a piece of the password included (a '/' in it ends the host part).
                await self._let_go()
                raise StorageError(
                    "the PostgreSQL database URL is malformed: check the host and port, and "
                    "percent-encode special characters in the user name and password "
                    "('/' as %2F, '@' as %40, '#' as %23, '?' as %3F)"
                ) from exc
        if not self.read_only:
            await self._say_clock_off()
        if self.retention_days is not None and not self.read_only:
            try:
                await self.purge(self.retention_days)
            except (
                OSError,
                TimeoutError,
                DatabaseUnavailable,
                asyncpg.PostgresError,
                asyncpg.InterfaceError,
            ) as exc:
                log.warning(PURGE_LEFT_FOR_LATER, without_password(str(exc), self.url))

    async def _connect_pooled(self, *args: Any, **kwargs: Any) -> Any:
        """A connection of the pool (at start and at each reconnect), remembering whether
        the server answered it: a reconnect to a host gone silent (powered off, a firewall
        dropping its packets) ran out of time as a query kept waiting by a lock does, and
        the operator was sent to look for a lock (see _reaching)."""
        import asyncpg

        try:
            connection = await asyncpg.connect(*args, **kwargs)
        except (TimeoutError, asyncio.CancelledError):  # (cancelled: by acquire's timeout)
            self._unanswered_connect = True
            raise
        self._unanswered_connect = False
        return connection

    async def _say_clock_off(self) -> None:
        """A warning when this host's clock is more than CLOCK_OFF_SECONDS off the server's
        (a host whose NTP is broken: nothing else would tell)."""
        import asyncpg

        try:
            server = await self._pool.fetchval("SELECT now()")
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return  # (a database gone already: the next query says so)
        off = (utc_now() - server).total_seconds()
        if abs(off) > CLOCK_OFF_SECONDS:
            log.warning(
                "this host's clock is %.0f s %s the database server's: replies owed go by "
                "the server's clock, but the moderator log's digest hour, the catch-up of "
                "the last hour after a new session and the times questions are kept with go "
                "by this host's; synchronise its clock (NTP)",
                abs(off),
                "ahead of" if off > 0 else "behind",
            )

    def hurry(self) -> None:
        """A stop began: a statement run on its own from now on (the stop's own writes,
        after its grace) takes STOP_QUERY_TIMEOUT at most; closing drops, after
        CLOSE_TIMEOUT, connections whose query still waits (for a lock, or a server out of
        reach)."""
        self._timeout = min(self._timeout, STOP_QUERY_TIMEOUT)

    async def close(self) -> None:
        self._closed = True
        self._on_reload = None  # (a listener closed from here is not re-opened)
        if self._checking is not None:
            self._checking.cancel()
            self._checking = None
        if self._relisten is not None:
            self._relisten.cancel()
            self._relisten = None
        # Both at once, each bounded: a server out of reach without a word, a network
        # partition, never closes its side, and the bot's stop hung.
        closing = []
        if self._listener is not None:
            listener, self._listener = self._listener, None
            closing.append(_close_listener(listener))
        if self._pool is not None:
            pool, self._pool = self._pool, None
            closing.append(_close_pool(pool))
        await asyncio.gather(*closing)

    async def _let_go(self) -> None:
        """What a failed open() left open, closed: not a stop, so a later call tries again."""
        await self.close()
        self._closed = False

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _check_schema(self) -> None:
        """The schema as it is, refused only when there is none or a newer bot's: every
        version has the tables the reports read."""
        if await self._pool.fetchval("SELECT to_regclass('schema_version')") is None:
            raise StorageError(
                "it has no Rollover Bot tables (the bot makes them when it first starts "
                "with this URL): check the URL"
            )
        version = await self._pool.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        if version > CURRENT_VERSION:
            raise StorageError(
                f"the database has schema version {version}, newer than this bot's "
                f"{CURRENT_VERSION}: upgrade the bot"
            )

    async def _migrate(self) -> None:
        async with self._pool.acquire() as db, db.transaction():
            await db.execute(
                "SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK, timeout=SLOW_QUERY_TIMEOUT
            )
            await db.execute(
                "CREATE TABLE IF NOT EXISTS schema_version"
                " (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
            )
            version = await db.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version")
            if version > CURRENT_VERSION:
                raise StorageError(
                    f"the database has schema version {version}, newer than this bot's "
                    f"{CURRENT_VERSION}: upgrade the bot"
                )
            for number, description, statements in MIGRATIONS:
                if number <= version:
                    continue
                for statement in statements:
                    await db.execute(statement, timeout=SLOW_QUERY_TIMEOUT)
                await db.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                    number,
                    utc_now(),
                )
                log.info("database schema %d: %s", number, description)

    async def _pool_ready(self) -> Any:
        if self._pool is None:
            if self._closed:
                raise closed_store("the PostgreSQL database")
            await self.open()
        return self._pool

    @contextlib.asynccontextmanager
    async def _connection(self, pool: Any) -> AsyncIterator[Any]:
        """A connection from the pool for one call, which takes as long as a statement may
        at most, in all: with every connection stuck behind a lock held elsewhere, the
        calls after them queued unbounded (the pool's own acquire waits for ever), so a busy
        forum's answers came later and later; bounded apart, a call got a connection freed
        just in time and its statement waited as long again (twice its timeout: 2 s for a
        stop's 1 s). A call out of time gives up as a stuck query does (TimeoutError, said
        as STUCK_QUERY by _reaching); a transaction's statements are bounded so too."""
        async with asyncio.timeout(self._timeout), pool.acquire(timeout=self._timeout) as db:
            yield db

    async def _execute(self, sql: str, *args: object) -> str:
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db:
                return str(await db.execute(sql, *args, timeout=self._timeout))

    async def _fetch(self, sql: str, *args: object) -> list[Any]:
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db:
                return list(await db.fetch(sql, *args, timeout=self._timeout))

    @contextlib.contextmanager
    def _reaching(self) -> Iterator[None]:
        """The server out of reach (down, restarting, failing over, the network out), or
        refusing for a while what it does (its disk full, read-only: see server_refusal), or
        a query kept waiting past its timeout (STUCK_QUERY), is DatabaseUnavailable, as at
        start, with the reason in words: callers that poll (the retry queue) say it once,
        not with a driver's traceback every pass."""
        try:
            yield
        except TimeoutError as exc:
            if self._unanswered_connect:  # (a reconnect the server never answered)
                reason = f"the PostgreSQL database cannot be reached: {NO_ANSWER}"
                raise DatabaseUnavailable(reason) from exc
            # A query stuck past its timeout, mostly behind a lock another session holds:
            # a bare TimeoutError says nothing, so a moderator read "something went wrong"
            # and the log had a traceback for each record, every retry pass included.
            raise DatabaseUnavailable(STUCK_QUERY, problem=HELD_UP) from exc
        except Exception as exc:
            if (passing := server_refusal(exc)) is not None:
                said = without_password(passing, self.url)
                raise DatabaseUnavailable(said, problem=server_problem(exc)) from exc
            if (cause := out_of_reach(exc)) is None:
                raise
            reason = without_password(str(cause) or type(cause).__name__, self.url)
            raise DatabaseUnavailable(
                f"the PostgreSQL database cannot be reached: {reason}"
            ) from exc

    # -- between processes -------------------------------------------------------------
    async def shared_key(self) -> bytes:
        """The vote-hash key, made once and shared by every process on this database (a
        file per host would let one user vote once per process)."""
        import asyncpg

        pool = await self._pool_ready()
        try:
            await pool.execute(
                "INSERT INTO secrets (name, value) VALUES ('vote_key', $1) ON CONFLICT DO NOTHING",
                secrets.token_bytes(32),
            )
            return bytes(await pool.fetchval("SELECT value FROM secrets WHERE name = 'vote_key'"))
        except (OSError, asyncpg.PostgresError) as exc:  # (at start: said, not a traceback)
            raise self._refusal(exc) from exc

    async def listen_reloads(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when another process announces a FAQ reload (LISTEN, on a
        connection of its own: a pooled one would drop the subscription). If that
        connection drops (a server restart, a failover, an idle timeout), it is opened
        again, retrying with back-off, and ``callback`` runs once then: an announcement
        may have been missed meanwhile."""
        import asyncpg

        self._on_reload = callback
        try:
            await self._listen()
        except (OSError, asyncpg.PostgresError) as exc:
            # At start, on a connection of its own: a server out of connections ("too many
            # clients") let the pool in and refused this one, with a traceback.
            raise self._refusal(exc) from exc
        self._checking = asyncio.get_running_loop().create_task(self._check_listening())

    async def _check_listening(self) -> None:
        """Every listen_check_seconds, a query on the listening connection: one that fails
        or does not answer within the query timeout is replaced, as one that dropped is."""
        while self._on_reload is not None:
            await asyncio.sleep(self.listen_check_seconds)
            listener = self._listener
            if listener is None or self._relisten is not None or listener.is_closed():
                continue  # (dropped: being opened again already)
            try:
                await listener.fetchval("SELECT 1", timeout=self.query_timeout)
            except Exception as exc:
                if self._on_reload is None or self._relisten is not None:
                    continue  # (closing, or it dropped meanwhile)
                log.warning(
                    "the PostgreSQL connection for reload announcements does not answer (%s); "
                    "opening another",
                    str(exc) or type(exc).__name__,
                )
                # (Before the termination: its listener, lost, then leaves it to this one.)
                self._relisten = asyncio.get_running_loop().create_task(self._listen_again())
                listener.terminate()

    async def _listen(self) -> None:
        import asyncpg

        def heard(_conn: object, _pid: int, _channel: str, payload: str) -> None:
            if payload != self.origin and self._on_reload is not None:
                self._on_reload()

        def lost(_conn: object) -> None:
            if self._on_reload is not None and self._relisten is None:
                log.warning("the PostgreSQL connection for reload announcements dropped")
                self._relisten = asyncio.get_running_loop().create_task(self._listen_again())

        listener = await asyncpg.connect(self._dsn, timeout=self._connect_timeout)
        try:
            await listener.add_listener(RELOAD_CHANNEL, heard)
        except BaseException:
            # (LISTEN refused, as by a standby still in recovery: each retry left its
            # connection open on the server, until max_connections refused everyone.)
            listener.terminate()
            raise
        listener.add_termination_listener(lost)
        self._listener = listener

    async def _listen_again(self, first_delay: float = 0.5, max_delay: float = 60.0) -> None:
        import asyncpg

        delay = first_delay
        try:
            while self._on_reload is not None:
                try:
                    await self._listen()
                except (OSError, asyncpg.PostgresError) as exc:
                    # Said once an outage (a try at 0.5, 1, 2 ... 60 s was a warning each);
                    # the return is said at INFO below.
                    level = logging.WARNING if delay == first_delay else logging.DEBUG
                    said = _connect_failure(exc)
                    log.log(level, "reload announcements not heard (%s); trying again", said)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, max_delay)
                    continue
                log.info("reload announcements are heard again")
                self._on_reload()
                return
        finally:
            self._relisten = None

    async def announce_reload(self) -> None:
        """Tell the other processes this one reloaded the FAQ (NOTIFY)."""
        await self._execute("SELECT pg_notify($1, $2)", RELOAD_CHANNEL, self.origin)

    # -- recording ----------------------------------------------------------------------
    async def record_question(self, question: AskedQuestion) -> None:
        sql = (
            "INSERT INTO questions (text, channel_id, best_id, best_score, answered, asked_at,"
            " kind, message_id, asker_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        )
        args = (
            clean_text(question.text),
            question.channel_id,
            question.best_id,
            float(question.best_score),
            question.answered,
            as_utc(question.when),  # (asyncpg takes a naive time as local: the store's is UTC)
            question.kind,
            question.message_id,
            question.asker_hash,
        )
        if question.kind != "miss" or question.best_id is None:
            await self._execute(sql, *args)
            return
        with self._reaching():  # (the miss kept, and counted for good: COUNT_MISS)
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                await db.execute(sql, *args)
                await db.execute(COUNT_MISS, clean_text(question.best_id))

    async def record_served(self, entry_id: str) -> None:
        await self._execute(
            "INSERT INTO served (entry_id, count) VALUES ($1, 1)"
            " ON CONFLICT (entry_id) DO UPDATE SET count = served.count + 1",
            clean_text(entry_id),
        )

    async def record_vote(
        self,
        entry_id: str,
        message_id: int,
        user_hash: str,
        helpful: bool,
        unkeyed: str | None = None,
    ) -> None:
        sql = (
            "INSERT INTO votes (entry_id, message_id, user_hash, helpful, voted_at)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entry_id, message_id, user_hash)"
            " DO UPDATE SET helpful = excluded.helpful, voted_at = " + KEEP_SAME_VOTE_TIME
        )
        args = (clean_text(entry_id), message_id, clean_text(user_hash), helpful, utc_now())
        if unkeyed is None:
            await self._execute(sql, *args)
            return
        old = (clean_text(user_hash), clean_text(unkeyed), clean_text(entry_id), message_id)
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                await db.execute(TAKE_OVER_UNKEYED_VOTE, *old)
                await db.execute(UNKEYED_VOTE_GONE, *old[1:])
                await db.execute(sql, *args)

    async def claim_post(self, thread_id: int, owed: PendingReply | None = None) -> bool:
        # (Out of reach said as such, as for one statement: the post is answered anyway.)
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                status = await db.execute(
                    "INSERT INTO claimed_posts (thread_id, claimed_at) VALUES ($1, $2)"
                    " ON CONFLICT (thread_id) DO NOTHING",
                    thread_id,
                    utc_now(),
                )
                if status != "INSERT 0 1":
                    return False
                if owed is not None:
                    await db.execute(_UPSERT_PENDING, *_pending_args(owed))
        return True

    async def claim_chore(self, name: str, day: dt.date) -> bool:
        status = await self._execute(
            "INSERT INTO chores (name, day, done_at) VALUES ($1, $2, $3)"
            " ON CONFLICT (name, day) DO NOTHING",
            name,
            day,
            utc_now(),
        )
        return status == "INSERT 0 1"

    async def chore_claimed_before(self, name: str, before: dt.datetime) -> dt.datetime | None:
        rows = await self._fetch(
            "SELECT MAX(done_at) FROM chores WHERE name = $1 AND done_at < $2",
            name,
            as_utc(before),
        )
        return rows[0][0] if rows else None

    async def release_chore(self, name: str, day: dt.date) -> None:
        await self._execute("DELETE FROM chores WHERE name = $1 AND day = $2", name, day)

    async def queue_reply(self, reply: PendingReply) -> None:
        await self._execute(_UPSERT_PENDING, *_pending_args(reply))

    async def settle_reply(self, kind: str, message_id: int) -> None:
        await self._execute(
            "DELETE FROM pending_replies WHERE kind = $1 AND message_id = $2", kind, message_id
        )

    async def take_due_replies(self, limit: int, lease_seconds: float) -> list[PendingReply]:
        # SKIP LOCKED: processes polling at the same moment take different replies.
        # (By the server's clock: see _UPSERT_PENDING.)
        rows = await self._fetch(
            "UPDATE pending_replies p SET due_at = now() + $1::interval,"
            " attempts = p.attempts + 1"
            " FROM (SELECT kind, message_id FROM pending_replies"
            "       WHERE due_at <= now() ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) d"
            " WHERE p.kind = d.kind AND p.message_id = d.message_id"
            f" RETURNING {', '.join('p.' + c for c in PENDING_COLUMNS.split(', '))}",
            dt.timedelta(seconds=lease_seconds),
            limit,
        )
        return sorted(map(_pending, rows), key=lambda r: r.created)

    async def expire_replies(self, max_age_seconds: float) -> list[PendingReply]:
        rows = await self._fetch(
            "DELETE FROM pending_replies WHERE created_at < now() - $1::interval"
            " AND due_at <= now()"  # (not leased; by the server's clock)
            f" RETURNING {PENDING_COLUMNS}",
            dt.timedelta(seconds=max_age_seconds),
        )
        return [_pending(r) for r in rows]

    async def pending_replies(self) -> list[PendingReply]:
        rows = await self._fetch(f"SELECT {PENDING_COLUMNS} FROM pending_replies ORDER BY due_at")
        return [_pending(r) for r in rows]

    async def record_rejected(self, question_id: int, entry_id: str) -> bool:
        status = await self._execute(
            "INSERT INTO rejected_answers (question_id, entry_id, rejected_at)"
            " VALUES ($1, $2, $3) ON CONFLICT (question_id, entry_id) DO NOTHING",
            question_id,
            clean_text(entry_id),
            utc_now(),
        )
        return status == "INSERT 0 1"

    async def rejected(self, question_id: int) -> set[str]:
        sql = "SELECT entry_id FROM rejected_answers WHERE question_id = $1"
        return {r[0] for r in await self._fetch(sql, question_id)}

    async def record_reply(self, question_id: int, channel_id: int, reply_id: int) -> bool:
        status = await self._execute(
            "INSERT INTO bot_replies (reply_id, question_id, channel_id, sent_at)"
            " VALUES ($1, $2, $3, $4) ON CONFLICT (reply_id) DO NOTHING",
            reply_id,
            question_id,
            channel_id,
            utc_now(),
        )
        return status == "INSERT 0 1"

    async def replies_to(self, question_id: int) -> list[tuple[int, int]]:
        rows = await self._fetch(
            "SELECT channel_id, reply_id FROM bot_replies WHERE question_id = $1",
            question_id,
        )
        return sorted((r[0], r[1]) for r in rows)

    async def take_replies(self, question_id: int) -> list[tuple[int, int]]:
        rows = await self._fetch(
            "DELETE FROM bot_replies WHERE question_id = $1 RETURNING channel_id, reply_id",
            question_id,
        )
        return sorted((r[0], r[1]) for r in rows)

    async def record_taught(self, taught: TaughtExample) -> None:
        await self._execute(
            "INSERT INTO taught (message_id, entry_id, text, by_hash, taught_at, author_hash)"
            " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id, entry_id) DO NOTHING",
            taught.message_id,
            taught.entry_id,
            clean_text(taught.text),
            taught.by_hash,
            as_utc(taught.when),
            taught.author_hash,
        )

    async def forget_asked(self, message_ids: Sequence[int], channel_id: int | None = None) -> int:
        ids = list(message_ids)
        gone = 0
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                for table in ("questions", "taught", "pending_replies"):
                    sql = f"DELETE FROM {table} WHERE message_id = ANY($1::bigint[])"
                    gone += _count(await db.execute(sql, ids))
                if channel_id is not None:
                    for table in ("questions", "pending_replies"):
                        sql = f"DELETE FROM {table} WHERE channel_id = $1"
                        gone += _count(await db.execute(sql, channel_id))
                    sql = f"DELETE FROM taught WHERE message_id IN ({ANSWERED_IN_THREAD})"
                    gone += _count(await db.execute(sql, channel_id))
        return gone

    async def kept_from(self, channel_ids: Sequence[int], since: dt.datetime) -> set[int]:
        rows = await self._fetch(
            "SELECT DISTINCT message_id FROM questions WHERE asked_at >= $1"
            " AND channel_id = ANY($2::bigint[]) AND message_id IS NOT NULL",
            as_utc(since),
            list(channel_ids),
        )
        return {r[0] for r in rows}

    async def forget_member(self, user_hash: str) -> tuple[int, int]:
        with self._reaching():
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                texts = _count(await db.execute(FORGET_ASKED, user_hash))
                texts += _count(await db.execute(FORGET_TAUGHT, user_hash))
                texts += _count(await db.execute(FORGET_OWED, user_hash))
                votes = _count(await db.execute(FORGET_VOTES, user_hash))
                for sql in UNNAME:
                    await db.execute(sql, user_hash)
        return texts, votes

    async def record_review(
        self,
        keys: Sequence[str],
        action: str,
        entry_id: str | None,
        by_hash: str,
        answered_with: str | None = None,
    ) -> int:
        now = utc_now()
        # (Each key once: an upsert may not touch one row twice.)
        cleaned = list(dict.fromkeys(clean_text(k) for k in keys))
        with self._reaching():  # (a server gone mid-decision: said as the others are)
            pool = await self._pool_ready()
            async with self._connection(pool) as db, db.transaction():
                # (A question decided before keeps that decision, and its count, but for a
                # Dismiss giving way to a pick: see REPLACE_DISMISSAL.)
                new = await db.fetch(
                    "INSERT INTO reviewed (key, action, entry_id, answered_with, by_hash,"
                    " reviewed_at) SELECT k, $2, $3, $4, $5, $6 FROM unnest($1::text[]) AS k"
                    " ON CONFLICT ((md5(key))) DO " + REPLACE_DISMISSAL + " RETURNING key",
                    cleaned,
                    action,
                    entry_id,
                    answered_with,
                    by_hash,
                    now,
                )
                repointed = sum(
                    counts_as_repointed(r[0], action, entry_id, answered_with) for r in new
                )
                if repointed and answered_with is not None:
                    await db.execute(COUNT_REPOINTED, clean_text(answered_with), repointed)
        return len(new)

    async def decided(self, keys: Sequence[str]) -> set[str]:
        cleaned = {clean_text(k): k for k in keys}
        rows = await self._fetch(
            "SELECT key FROM reviewed WHERE md5(key) IN (SELECT md5(k) FROM unnest($1::text[]) k)"
            " AND key = ANY($1::text[])",
            list(cleaned),
        )
        return {cleaned[r[0]] for r in rows}

    async def still_stored(self, text: str, miss: bool) -> bool:
        which = "kind = 'miss'" if miss else "kind != 'miss'"
        taught = "" if miss else " OR EXISTS (SELECT 1 FROM taught WHERE text = $1)"
        rows = await self._fetch(
            f"SELECT EXISTS (SELECT 1 FROM questions WHERE text = $1 AND {which}){taught}",
            clean_text(text),
        )
        return bool(rows[0][0])

    # -- reading ------------------------------------------------------------------------
    async def taught(self, limit: int = 100) -> list[TaughtExample]:
        rows = await self._fetch(
            "SELECT text, entry_id, message_id, by_hash, taught_at FROM taught"
            " ORDER BY taught_at DESC, message_id DESC, entry_id DESC LIMIT $1",
            limit,
        )
        return [TaughtExample(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def _reviewed(self) -> set[str]:
        return {r[0] for r in await self._fetch("SELECT key FROM reviewed")}

    async def review_queue(self, limit: int | None = None) -> ReviewQueue:
        reviewed = await self._reviewed()

        async def page(where: str, limit: int, offset: int) -> list[AskedQuestion]:
            rows = await self._fetch(
                "SELECT text, channel_id, best_id, best_score, answered, asked_at, kind"
                f" FROM questions WHERE {where} ORDER BY asked_at DESC, id DESC"
                " LIMIT $1 OFFSET $2",
                limit,
                offset,
            )
            return [AskedQuestion(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]

        async def taught_page(limit: int, offset: int) -> list[AskedQuestion]:
            rows = await self._fetch(
                "SELECT text, entry_id, message_id, by_hash, taught_at FROM taught"
                " ORDER BY taught_at DESC, message_id DESC, entry_id DESC LIMIT $1 OFFSET $2",
                limit,
                offset,
            )
            return [as_question(TaughtExample(r[0], r[1], r[2], r[3], r[4])) for r in rows]

        # Worst kind first, as the queue shows them: a flood of one never hides a worse one.
        pages = [*(partial(page, where) for where in _QUESTION_KINDS), taught_page]
        questions = await worst_first_window(pages, reviewed)
        return await asyncio.to_thread(build_queue, questions, reviewed, limit)

    async def gaps(self, days: int | None, limit: int = 10) -> list[GapGroup]:
        cutoff = days_ago(days) if days is not None else None
        rows = await self._fetch(
            "SELECT text, channel_id, best_id, best_score, asked_at FROM questions"
            " WHERE NOT answered AND kind = '' AND ($1::timestamptz IS NULL OR asked_at >= $1)",
            cutoff,
        )
        reviewed = await self._reviewed()
        rows = [tuple(r) for r in rows]
        return await asyncio.to_thread(gaps_of_rows, rows, reviewed, lambda at: at, limit)

    async def stats(self) -> list[EntryStats]:
        served = await self._fetch("SELECT entry_id, count FROM served")
        votes = await self._fetch(
            "SELECT entry_id, COUNT(*) FILTER (WHERE helpful),"
            " COUNT(*) FILTER (WHERE NOT helpful) FROM votes GROUP BY entry_id"
        )
        if await self._version() >= FEEDBACK_VERSION:
            counted = await self._fetch("SELECT entry_id, misses, repointed FROM feedback")
            misses = [(r[0], r[1]) for r in counted if r[1]]
            repointed = [(r[0], r[2]) for r in counted if r[2]]
        else:  # (an older bot's database, read by the command line)
            misses = await self._fetch(
                "SELECT best_id, COUNT(*) FROM questions WHERE kind = 'miss'"
                " AND best_id IS NOT NULL GROUP BY best_id"
            )
            repointed = await self._fetch(REPOINTED_SQL)
        return build_stats(
            {r[0]: int(r[1]) for r in served},
            {r[0]: (int(r[1]), int(r[2])) for r in votes},
            {r[0]: int(r[1]) for r in misses},
            {r[0]: int(r[1]) for r in repointed},
        )

    async def _version(self) -> int:
        """The schema's version: this bot's once it has migrated, an older one's when the
        command line reads a database an older bot still writes."""
        if not self.read_only:
            return CURRENT_VERSION
        rows = await self._fetch("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        return int(rows[0][0])

    async def not_helpful_since(self, since: dt.datetime) -> dict[str, int]:
        rows = await self._fetch(
            "SELECT entry_id, COUNT(*) FROM votes WHERE NOT helpful AND voted_at >= $1"
            " GROUP BY entry_id",
            as_utc(since),
        )
        return {r[0]: int(r[1]) for r in rows}

    async def purge(self, older_than_days: int) -> int:
        cutoff = days_ago(older_than_days)
        if cutoff is None:
            return 0
        claims = days_ago(max(older_than_days, CLAIM_MIN_DAYS)) or cutoff
        with self._reaching():  # (the daily chore in an outage: one warning, see Housekeeping)
            status = await self._purge(cutoff, claims)
        deleted = _count(status)
        if deleted:
            log.info(
                "purged %s older than %s",
                counted(deleted, "stored question"),
                counted(older_than_days, "day"),
            )
        return deleted

    async def _purge(self, cutoff: dt.datetime, claims: dt.datetime) -> str:
        """purge's deletes, in one transaction; returns the questions' DELETE status."""
        pool = await self._pool_ready()
        async with pool.acquire() as db, db.transaction():
            slow = SLOW_QUERY_TIMEOUT
            # Processes purging at once (every process purges as it starts) deadlocked:
            # each held the tables its deletes write, then waited for the other's to lock
            # them in share mode below. The second purge now waits for the first to end.
            await db.execute("SELECT pg_advisory_xact_lock($1)", _PURGE_LOCK, timeout=slow)
            sql = "DELETE FROM questions WHERE asked_at < $1"
            status = await db.execute(sql, cutoff, timeout=slow)
            await db.execute(
                "DELETE FROM claimed_posts WHERE claimed_at < $1", claims, timeout=slow
            )
            await db.execute(
                "DELETE FROM rejected_answers WHERE rejected_at < $1", claims, timeout=slow
            )
            await db.execute("DELETE FROM bot_replies WHERE sent_at < $1", claims, timeout=slow)
            await db.execute("DELETE FROM taught WHERE taught_at < $1", cutoff, timeout=slow)
            sql = "SELECT key FROM reviewed WHERE reviewed_at < $1"
            old = [r[0] for r in await db.fetch(sql, cutoff, timeout=slow)]
            if old:  # (kept while a question asked since has its words: see unused_decisions)
                # Questions recorded between reading them and deleting would go unseen
                # (READ COMMITTED): writers wait the moment this takes, once a day.
                await db.execute("LOCK TABLE questions, taught IN SHARE MODE", timeout=slow)
                asked = await db.fetch("SELECT text, kind FROM questions", timeout=slow)
                taught = await db.fetch("SELECT text FROM taught", timeout=slow)
                unused = await asyncio.to_thread(
                    unused_decisions, old, [(r[0], r[1]) for r in asked], [r[0] for r in taught]
                )
                await db.execute(
                    "DELETE FROM reviewed WHERE reviewed_at < $1 AND key = ANY($2::text[])",
                    cutoff,
                    unused,
                    timeout=slow,
                )
        return str(status)


def _count(status: object) -> int:
    """The rows a statement changed, from its status ("DELETE 3")."""
    return int(str(status).split()[-1])


@functools.cache
def _unreachable() -> tuple[type[BaseException], ...]:
    """What says the server is out of reach, rather than that a query failed (see
    _reaching). (asyncpg is imported when first needed, as everywhere here.)"""
    import asyncpg

    return (
        OSError,  # (refused, reset, no socket file)
        asyncpg.PostgresConnectionError,  # (closed in the middle of a query)
        asyncpg.CannotConnectNowError,  # (starting up or shutting down)
        asyncpg.AdminShutdownError,
        asyncpg.CrashShutdownError,
        # A pooled connection the server closed as it went down, handed out before the
        # driver read the closing ("cannot switch to state ...; another operation is in
        # progress"): the first query of an outage often fails so.
        asyncpg.InternalClientError,
    )


def out_of_reach(exc: BaseException) -> BaseException | None:
    """The error saying the server is out of reach, ``exc`` or the one it was raised in
    handling of; None when it is none. A connection lost inside a transaction fails twice:
    its query (_unreachable) and then the transaction's end, "cannot call
    Transaction.__aexit__(): the underlying connection is closed", an InterfaceError, which
    alone is no outage (it is also what misuse of a connection raises)."""
    import asyncpg

    if isinstance(exc, _unreachable()):
        return exc
    context = exc.__context__
    if isinstance(exc, asyncpg.InterfaceError) and context is not None:
        return out_of_reach(context)
    return None


def server_refusal(exc: BaseException) -> str | None:
    """What an operator reads for a server that answers but refuses, for a while, what the
    bot asks (a state of the server's that passes once someone acts, not a fault of the
    bot's); None for any other error. Each was raised as it was, so the retry queue logged
    an ERROR with the driver's traceback every pass (10 s) for as long as it lasted, and
    each forum post its records' ERRORs."""
    import asyncpg

    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, asyncpg.DiskFullError):  # 53100, "could not extend file ..."
        return f"the PostgreSQL server's disk is full ({message}); free some space on it"
    if isinstance(exc, asyncpg.OutOfMemoryError):  # 53200: its HINT names the setting
        hint = f"; {exc.hint}" if getattr(exc, "hint", None) else ""
        return f"the PostgreSQL server is out of memory ({message}{hint})"
    if isinstance(exc, asyncpg.TooManyConnectionsError):  # 53300, at a pool's reconnect
        return (
            f"the PostgreSQL server refuses more connections ({message}): close some of its "
            "other clients, or raise max_connections or the role's or database's limit"
        )
    if isinstance(exc, asyncpg.ReadOnlySQLTransactionError):  # 25006
        # A standby ("... during recovery"): the URL names a host that a failover left a
        # standby, till it points at the primary again. Or default_transaction_read_only,
        # which some hosts set on a database whose disk is nearly full.
        return (
            f"the PostgreSQL server accepts no writes ({message}): it is a standby (point "
            "database.url at the primary) or set read-only (default_transaction_read_only, "
            "as some hosts set it when its disk is nearly full)"
        )
    return None


#: server_refusal's states as a moderator is told them (DatabaseUnavailable.problem), by
#: SQLSTATE: what is wrong, for whoever runs the bot to act on.
_PROBLEMS = {
    "53100": "its database server is out of disk space",
    "53200": "its database server is out of memory",
    "53300": "its database server refuses more connections",
    "25006": "its database server accepts no changes (it is read-only)",
}


#: What the log says of a query that waited past its timeout: the server answered before,
#: so not "cannot be reached"; a lock held elsewhere is what mostly keeps it waiting.
STUCK_QUERY = (
    "a query waited past its timeout on the PostgreSQL server: a lock another session "
    "holds (a long transaction, a psql session left open, a migration, a VACUUM FULL), or "
    "the server too busy or no longer answering"
)
#: And what the log says of a server that never answered the connection (a host down, or
#: a firewall dropping its packets: the connect timeout, CONNECT_TIMEOUT).
NO_ANSWER = (
    "the PostgreSQL server did not answer the connection in time: a host down or out of "
    "reach without a word (a firewall dropping its packets), or a server too busy"
)
#: And what a moderator is told of a query kept waiting (DatabaseUnavailable.problem).
HELD_UP = "its database server keeps its queries waiting (a lock held elsewhere, or overload)"


def _connect_failure(exc: BaseException) -> str:
    """Why a connection of its own (the reload listener's) could not be made, in words:
    a server that never answered raised a TimeoutError with none, and the log read
    "reload announcements not heard (); trying again"."""
    if str(exc):
        return str(exc)
    return NO_ANSWER if isinstance(exc, TimeoutError) else type(exc).__name__


def server_problem(exc: BaseException) -> str:
    """What a moderator reads of a server refusing as server_refusal says; "" for others."""
    return _PROBLEMS.get(str(getattr(exc, "sqlstate", "")), "")


#: From the user name's colon to the last "@": a password with a raw "/", "#" or "?" (not
#: percent-encoded) ends a URL parser's host part early, and its parts would be shown.
_PASSWORD = re.compile(r"^([a-z][a-z0-9+.-]*://[^:@/]*:)(.+)@", re.IGNORECASE)


def connect_options(url: str) -> tuple[str, float]:
    """The URL for the driver and the seconds a connection may take: libpq's
    ``connect_timeout`` taken out of the URL when given (asyncpg does not know it and sent
    it to the server, which refused every start: 'unrecognized configuration parameter
    "connect_timeout"'), else CONNECT_TIMEOUT. One that is no number of seconds above 0
    (libpq's 0, wait for ever, included: a start would hang) is a setting to fix."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    given = [value for name, value in query if name == "connect_timeout"]
    if not given:
        return url, CONNECT_TIMEOUT
    try:
        seconds = float(given[-1])
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise StorageError(
            f"connect_timeout in the PostgreSQL database URL must be a number of seconds "
            f"above 0 (without it: {CONNECT_TIMEOUT:g}), not {given[-1]!r}"
        )
    rest = urlencode([(name, value) for name, value in query if name != "connect_timeout"])
    return urlunsplit(parts._replace(query=rest)), seconds


def _raw_at(url: str) -> bool:
    """Whether the URL's host part holds more than one "@": one in the user name or
    password, not percent-encoded."""
    with contextlib.suppress(ValueError):
        return urlsplit(url).netloc.count("@") > 1
    return False


def _password(url: str) -> str | None:
    """The URL's password as written: the parser's when the host part holds it whole (an
    "@" later, in the query, is not the end of it); else everything from the user name's
    colon to the last "@" (a raw "/", "#" or "?" in it ended the host part early)."""
    with contextlib.suppress(ValueError):
        userinfo, at, _ = urlsplit(url).netloc.rpartition("@")
        if at:
            return userinfo.partition(":")[2] or None
    match = _PASSWORD.match(url)
    return match.group(2) if match else None


#: libpq's URL also takes the password as a parameter ("...?password=..."), as asyncpg does.
_QUERY_PASSWORD = re.compile(r"([?&](?:ssl)?password=)([^&#]+)")


def without_password(text: str, url: str) -> str:
    """``text`` with the URL's password (if any) masked: error messages may quote the URL."""
    given = [m.group(2) for m in _QUERY_PASSWORD.finditer(url)]
    for password in filter(None, [_password(url), *given, *map(unquote, given)]):
        text = text.replace(password, "***")
    return text


def url_shown(url: str) -> str:
    """The URL as output may show it: its password (if any) as ***."""
    password = _password(url)
    shown = url.replace(f":{password}@", ":***@", 1) if password else url
    return _QUERY_PASSWORD.sub(r"\1***", shown)
