"""Storage against real SQLite files (no mocks), and MemoryStore held to the same behaviour.

Covers: migration from an empty file and from schema v1, a newer schema refused, retention,
one vote per user per answer, durable post claims, hostile text stored verbatim, concurrent
writers, corrupt files moved aside, a kill -9 mid-write, gap grouping, stats ordering and
the `rollover-bot faq gaps|stats` command line.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.settings import load_settings
from bot.storage import (
    AskedQuestion,
    DatabaseUnavailable,
    MemoryStore,
    PendingReply,
    SqliteStore,
    StorageError,
    Store,
    TaughtExample,
    open_store,
)
from bot.storage.base import seconds_from_now, utc_now
from bot.storage.postgres import CURRENT_VERSION as CURRENT_PG
from bot.storage.postgres import PostgresStore
from bot.storage.postgres import clean_text as pg_clean
from bot.storage.reports import group_gaps, normalise
from bot.storage.schema import CURRENT_VERSION
from tests.full_disk import fill_up, full_disk, remount
from tests.processes import SCRIPT, as_another_user, bare_env

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime.now(dt.UTC)

# The schema as version 1 shipped it, written out here on purpose: the migration test must
# not change when the current code's migrations do.
V1_SCHEMA = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE questions (
    id INTEGER PRIMARY KEY, text TEXT NOT NULL, channel_id INTEGER, best_id TEXT,
    best_score REAL NOT NULL, answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
    asked_at TEXT NOT NULL
);
CREATE TABLE served (entry_id TEXT PRIMARY KEY, count INTEGER NOT NULL CHECK (count >= 0));
CREATE TABLE votes (
    entry_id TEXT NOT NULL, message_id INTEGER NOT NULL, user_hash TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)), voted_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, message_id, user_hash)
);
INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00.000000+00:00');
"""

HOSTILE_TEXTS = [
    "'; DROP TABLE questions; --",
    "Robert'); DROP TABLE votes;--",
    '" OR 1=1 --',
    "1; DELETE FROM served WHERE 1=1",
    "?, ?, ?); INSERT INTO claimed_posts VALUES (1, 'x'",
    "100% of my _after-tax_ \\ money",
    "nul\x00inside",
    "zero\u200bwidth and \u202eright-to-left",
    "𝟏𝟎𝟎𝟎 unicode digits 🚀",
    "@everyone <@&123> **bold**",
]


def question(
    text: str,
    *,
    days_ago: float = 0,
    answered: bool = False,
    best_id: str | None = None,
    score: float = 20.0,
) -> AskedQuestion:
    return AskedQuestion(
        text=text,
        channel_id=42,
        best_id=best_id,
        best_score=score,
        answered=answered,
        when=NOW - dt.timedelta(days=days_ago),
    )


def leftovers(folder: Path, pattern: str = "*.corrupt-*") -> list[Path]:
    return sorted(folder.glob(pattern))


def raw(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Read the file directly with the standard library, bypassing the store."""
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


@pytest.fixture(params=["memory", "sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    """Every store test runs against each backend (as Red's tests run on each config
    backend): the in-memory one, SQLite, and a real PostgreSQL server."""
    made: Store
    if request.param == "memory":
        made = MemoryStore()
    elif request.param == "sqlite":
        made = SqliteStore(tmp_path / "bot.db")
    else:
        made = PostgresStore(request.getfixturevalue("postgres_url"))
    await made.open()
    yield made
    await made.close()


# -- schema and migrations ------------------------------------------------------------------
async def test_creates_schema_in_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "there.db"
    async with SqliteStore(path) as db:
        await db.record_served("x")
    versions = raw(path, "SELECT version FROM schema_version ORDER BY version")
    assert versions == [(v,) for v in range(1, CURRENT_VERSION + 1)]
    tables = {r[0] for r in raw(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"questions", "served", "votes", "claimed_posts", "taught", "schema_version"} <= tables
    assert raw(path, "PRAGMA journal_mode") == [("wal",)]


async def test_a_database_folder_linked_to_nowhere_is_named(tmp_path: Path) -> None:
    """The data folder a link to a disk not mounted: the bot said 'a file is in the way',
    and no file was to be found there."""
    (tmp_path / "data").symlink_to(tmp_path / "unmounted")
    for path, said in [
        (tmp_path / "data" / "bot.db", "it is a link"),
        (tmp_path / "data" / "bot" / "bot.db", f"{tmp_path / 'data'} is a link"),
    ]:
        with pytest.raises(StorageError) as refused:
            await SqliteStore(path).open()
        assert str(refused.value) == (
            f"cannot make the folder {path.parent}: {said} to a folder that is not there"
        )
    (tmp_path / "a-file").touch()
    with pytest.raises(StorageError, match="a-file: a file is in the way"):
        await SqliteStore(tmp_path / "a-file" / "bot.db").open()


async def test_empty_existing_file_is_migrated_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    path.touch()
    async with SqliteStore(path) as db:
        assert await db.claim_post(1)
    assert leftovers(tmp_path) == []
    assert raw(path, "SELECT MAX(version) FROM schema_version") == [(CURRENT_VERSION,)]


async def test_migrates_from_schema_v1_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
        db.execute(
            "INSERT INTO questions (text, channel_id, best_id, best_score, answered, asked_at)"
            " VALUES ('how do I roll over after-tax money', 7, 'split', 31.5, 0, ?)",
            ((NOW - dt.timedelta(days=1)).isoformat(timespec="microseconds"),),
        )
        db.execute("INSERT INTO served VALUES ('split', 4)")
        db.execute("INSERT INTO votes VALUES ('split', 99, 'u1', 0, '2026-01-01')")
    db.close()

    async with SqliteStore(path) as store:
        [gap] = await store.gaps(None)
        assert (gap.count, gap.example, gap.best_id, gap.best_score) == (
            1,
            "how do I roll over after-tax money",
            "split",
            31.5,
        )
        [row] = await store.stats()
        assert (row.entry_id, row.served, row.helpful, row.not_helpful) == ("split", 4, 0, 1)
        assert await store.claim_post(5)  # the v2 table exists now
        assert await store.taught() == []  # and the v3 one

    versions = raw(path, "SELECT version FROM schema_version ORDER BY version")
    assert versions == [(v,) for v in range(1, CURRENT_VERSION + 1)]
    indexes = {r[0] for r in raw(path, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert "questions_by_time" in indexes


async def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as db:
        db.executescript(V1_SCHEMA)
        db.execute("INSERT INTO schema_version VALUES (99, 'later')")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="schema version 99"):
        await SqliteStore(path).open()
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_open_store_follows_settings(tmp_path: Path) -> None:
    cfg = load_settings(database={"path": tmp_path / "x.db", "retention_days": 7})
    made = open_store(cfg)
    assert isinstance(made, SqliteStore)
    assert (made.path, made.retention_days) == (tmp_path / "x.db", 7)
    assert load_settings().database.path == Path("data/rollover-bot.db")
    with pytest.raises(ValueError, match=r"database\.retention_days"):
        load_settings(database={"retention_days": 0})
    pg = open_store(load_settings(database={"url": "postgresql://bot@db.example/rollover"}))
    assert isinstance(pg, PostgresStore) and pg.url.endswith("/rollover")
    with pytest.raises(ValueError, match=r"database\.url"):
        load_settings(database={"url": "mysql://nope"})


async def test_two_processes_on_one_postgres_claim_each_post_once(postgres_url: str) -> None:
    """Two stores (two pools, as two bot processes) race for the same posts."""
    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        wins = await asyncio.gather(
            *(s.claim_post(thread) for thread in range(50) for s in (one, two, one))
        )
    assert sum(wins) == 50


async def test_postgres_with_a_newer_schema_is_refused_every_time(postgres_url: str) -> None:
    """The refusal closed nothing: a second open() returned quietly and the bot wrote into
    a schema it does not know."""
    async with PostgresStore(postgres_url) as first:
        pool = await first._pool_ready()
        await pool.execute("INSERT INTO schema_version VALUES (99, now())")
    store = PostgresStore(postgres_url)
    for _ in range(2):
        with pytest.raises(StorageError, match="schema version 99"):
            await store.open()
    with pytest.raises(StorageError):
        await store.record_served("notice-2014-54")
    await store.close()


async def test_postgres_gives_up_on_a_query_stuck_behind_a_lock(postgres_url: str) -> None:
    """A lock held elsewhere (a stuck migration, a long report) made a claim wait as long
    as it lasted, and the forum post with it; SQLite gives up after 5 s, and the bot then
    answers anyway. PostgreSQL gives up after its query timeout too."""
    async with (
        PostgresStore(postgres_url) as holder,
        PostgresStore(postgres_url, query_timeout=0.5) as store,
    ):
        assert await store.claim_post(1)  # (the table is there, and answers at once)
        pool = await holder._pool_ready()
        async with pool.acquire() as db, db.transaction():
            await db.execute("LOCK TABLE claimed_posts IN ACCESS EXCLUSIVE MODE")
            claim = asyncio.ensure_future(store.claim_post(2))
            done, _ = await asyncio.wait({claim}, timeout=30)
            assert claim in done, "still waiting on the lock after 30 s"
            with pytest.raises((TimeoutError, StorageError)):
                claim.result()
        assert await store.claim_post(2)  # the lock gone, it works again


async def test_a_write_begun_during_a_stop_waits_a_second_for_a_lock_not_five(
    tmp_path: Path,
) -> None:
    """With the file locked by another program, a reply's write begun late in a stop's
    grace waited the whole busy timeout (5 s) after the grace had cut the reply off, and
    closing waited for it: the stop took 9.6 s, at the edge of `docker stop`'s 10 s. Once
    a stop began (hurry), a write, a single statement or a transaction, waits 1 s."""
    from bot.storage import DatabaseUnavailable
    from bot.storage.sqlite import BUSY_SECONDS

    path = tmp_path / "bot.db"
    # (A store each: a single write's setting must not stand in for the transaction's.)
    async with SqliteStore(path) as single, SqliteStore(path) as transaction:
        await single.record_served("split")  # (positive control: it writes)
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")  # (another program)
            for store, write in (
                (single, functools.partial(single.record_served, "split")),
                (transaction, functools.partial(transaction.take_due_replies, 1, 300)),
            ):
                store.hurry()  # the stop begins
                began = time.monotonic()
                with pytest.raises(DatabaseUnavailable, match=r"locked for more than 1 s$"):
                    await write()
                assert time.monotonic() - began < BUSY_SECONDS / 2
            await asyncio.to_thread(holder.execute, "ROLLBACK")
        finally:
            holder.close()
        await single.record_served("split")  # (the lock gone: it writes)
    async with SqliteStore(path, read_only=True) as store:
        [row] = await store.stats()
        assert row.served == 2


async def test_writes_behind_one_kept_waiting_by_a_lock_wait_no_longer_than_it(
    tmp_path: Path,
) -> None:
    """Another program holding the file locked (a VACUUM, a sqlite3 shell left in a
    transaction): each write waited its 5 s for the lock only once the write before it
    had given up, so calls queued behind each other (of four at once, the last failed
    after 20 s), and a busy forum's answers, each waiting on its claim, came later and
    later. A write waits 5 s in all: for the connection's turn, then for the lock."""
    from bot.storage import DatabaseUnavailable
    from bot.storage.sqlite import BUSY_SECONDS

    path = tmp_path / "bot.db"
    async with SqliteStore(path) as store:
        await store.record_served("split")  # (positive control: it writes)
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")  # (another program)
            first = asyncio.ensure_future(store.record_served("split"))
            # (The second begins with half the first's wait gone: an interval to let pass,
            # not an event to await.)
            await asyncio.sleep(BUSY_SECONDS / 2)
            began = time.monotonic()
            later = [asyncio.ensure_future(store.claim_post(n)) for n in (1, 2, 3)]
            done, _ = await asyncio.wait(later, timeout=BUSY_SECONDS * 1.25)
            await asyncio.wait([first, *later])
            await asyncio.to_thread(holder.execute, "ROLLBACK")
        finally:
            holder.close()
        assert len(done) == 3, f"still waiting after {time.monotonic() - began:.1f} s"
        for write in (first, *later):
            with pytest.raises(DatabaseUnavailable, match=r"locked for more than 5 s$"):
                write.result()
        assert await store.claim_post(1)  # (the lock gone: it writes)


async def test_a_write_begun_during_a_stop_behind_one_kept_waiting_waits_a_second(
    tmp_path: Path,
) -> None:
    """The file locked by another program, a write begun before a stop kept waiting its
    5 s: a write begun once the stop began (its own, making the replies it cut off due)
    waited behind it for its turn, so its 1 s was 5 s. Its 1 s is now the whole of it."""
    from bot.storage import DatabaseUnavailable
    from bot.storage.sqlite import BUSY_SECONDS
    from tests.fakediscord import wait_until

    path = tmp_path / "bot.db"
    async with SqliteStore(path) as store:
        await store.record_served("split")  # (positive control: it writes)
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")  # (another program)
            before = asyncio.ensure_future(store.record_served("split"))
            await wait_until(store._lock.locked)  # (its turn taken: it waits on the lock)
            store.hurry()  # the stop begins
            during = asyncio.ensure_future(store.claim_post(1))
            done, _ = await asyncio.wait({during}, timeout=BUSY_SECONDS / 2)
            await asyncio.wait({before, during})
            await asyncio.to_thread(holder.execute, "ROLLBACK")
        finally:
            holder.close()
        assert during in done, "the stop's write waited for the turn of one begun before"
        with pytest.raises(DatabaseUnavailable, match=r"locked for more than 1 s$"):
            during.result()
        with pytest.raises(DatabaseUnavailable, match=r"locked for more than 5 s$"):
            before.result()


async def test_a_database_locked_at_start_is_a_passing_failure(tmp_path: Path) -> None:
    """Another program holding the file's lock longer than SQLite waits (a backup, a long
    report) when the bot starts: that was "cannot be used", exit 2, which the README's
    systemd unit does not restart (fix your settings), so the bot stayed down after the
    lock was gone. It is DatabaseUnavailable now, as a PostgreSQL server down: exit 1."""
    import sqlite3

    from bot.storage import DatabaseUnavailable

    path = tmp_path / "bot.db"
    async with SqliteStore(path):
        pass
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseUnavailable, match=r"bot\.db is locked by another program"):
            await SqliteStore(path).open()
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    async with SqliteStore(path) as store:  # the lock gone: it opens
        assert await store.claim_post(1)


async def test_postgres_calls_waiting_for_a_connection_give_up_as_a_stuck_query(
    postgres_url: str,
) -> None:
    """Every pooled connection stuck behind a lock held elsewhere (a migration, a psql
    session): a call needing one waited for the pool with no bound, past its own timeout
    (at a stop, past the 1 s its statements get, for as long as the stuck ones waited: the
    10 s query timeout), and a busy forum's later records queued behind each other. It now
    gives up waiting for a connection as a stuck query does: DatabaseUnavailable naming
    the lock, so the caller goes on (the bot answers anyway)."""
    from bot.storage.postgres import STUCK_QUERY
    from tests.test_processes_e2e import wait_until_async

    async with (
        PostgresStore(postgres_url) as holder,
        PostgresStore(postgres_url) as store,
    ):
        await store.record_served("split")  # (positive control: it writes)
        pool = await holder._pool_ready()
        async with pool.acquire() as db:
            locked = db.transaction()
            await locked.start()
            await db.execute("LOCK TABLE served IN ACCESS EXCLUSIVE MODE")
            # (the pool's four connections, each waiting on the lock for its 10 s)
            stuck = [asyncio.ensure_future(store.record_served("split")) for _ in range(4)]

            async def all_four_waiting() -> bool:
                return await pool.fetchval("SELECT count(*) FROM pg_locks WHERE NOT granted") == 4

            await wait_until_async(all_four_waiting)
            store.hurry()  # a stop begins: its statements wait 1 s
            owed = asyncio.ensure_future(store.pending_replies())  # (a table nobody locks)
            done, _ = await asyncio.wait({owed}, timeout=5.0)
            await locked.rollback()
        assert owed in done, "still waiting for a connection after 5 s"
        with pytest.raises(DatabaseUnavailable) as raised:
            owed.result()
        assert str(raised.value) == STUCK_QUERY
        await asyncio.gather(*stuck)  # (the lock gone within their timeout: written)
        [row] = await store.stats()
        assert row.served == 5


async def test_postgres_a_call_given_a_connection_late_still_ends_within_its_timeout(
    postgres_url: str,
) -> None:
    """The pool's connections stuck behind a lock held elsewhere, and one freed just before
    a waiting call gave up on the pool: the call then gave its statement the whole timeout
    again, and took nearly twice it (a stop's 1 s write took 2 s; a record at a busy
    forum 20 s where 10 s was said). The timeout is the call's whole: waiting for the
    connection, then its statement."""
    from bot.storage.postgres import STUCK_QUERY
    from tests.test_processes_e2e import wait_until_async

    timeout = 3.0
    async with (
        PostgresStore(postgres_url, query_timeout=60.0) as holder,
        PostgresStore(postgres_url, query_timeout=timeout) as store,
    ):
        await store.record_served("split")  # (positive control: it writes)
        pool = await holder._pool_ready()
        async with pool.acquire() as db, db.transaction():
            await db.execute("LOCK TABLE served IN ACCESS EXCLUSIVE MODE")
            stuck = [asyncio.ensure_future(store.record_served("split")) for _ in range(4)]

            async def waiting(count: int) -> bool:
                return (
                    await pool.fetchval("SELECT count(*) FROM pg_locks WHERE NOT granted") == count
                )

            await wait_until_async(functools.partial(waiting, 4))
            began = time.monotonic()
            late = asyncio.ensure_future(store.record_served("split"))  # (waits for the pool)
            # (Most of its timeout spent waiting for the pool, one connection is freed: an
            # interval to let pass, not an event to await.)
            await asyncio.sleep(timeout * 0.8)
            assert not late.done()
            stuck[0].cancel()
            await wait_until_async(functools.partial(waiting, 4))  # (its statement now waits too)
            done, _ = await asyncio.wait({late}, timeout=timeout * 1.4 - (time.monotonic() - began))
            await asyncio.gather(*stuck, return_exceptions=True)
        assert late in done, "a call waited past its timeout (the pool's wait, then its own)"
        with pytest.raises(DatabaseUnavailable) as raised:
            late.result()
        assert str(raised.value) == STUCK_QUERY


@pytest.mark.parametrize("given", ["", "&connect_timeout=1"])
async def test_postgres_connections_wait_the_bot_s_connect_timeout_or_the_url_s(
    postgres_server: str, postgres_url: str, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    """A server that never answers the connection (a host powered off, a firewall dropping
    its packets) cost the driver's 60 s per start attempt (and per reconnect): libpq's
    connect_timeout in the URL did not shorten it, asyncpg sent it to the server, which
    refused every start ('unrecognized configuration parameter "connect_timeout"', exit 1,
    retried for ever). A connection now waits CONNECT_TIMEOUT, or the URL's connect_timeout,
    and the store works with one in its URL."""
    from bot.storage import postgres

    url = postgres_url + given
    async with PostgresStore(url) as store:  # (positive control: it opens and writes)
        await store.record_served("split")
        [row] = await store.stats()
        assert row.served == 1
    # (the default shortened, as the URL's is: a minute's wait is no better a test)
    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 1.0 if not given else 120.0)
    server = int((Path(postgres_server) / "data" / "postmaster.pid").read_text().split()[0])
    os.kill(server, signal.SIGSTOP)  # (its sockets stay, and nothing answers on them)
    opening = asyncio.ensure_future(PostgresStore(url).open())
    try:
        done, _ = await asyncio.wait({opening}, timeout=20.0)
    finally:
        os.kill(server, signal.SIGCONT)
        opening.cancel()
    assert opening in done, "still waiting for the server after 20 s"
    with pytest.raises(DatabaseUnavailable) as raised:
        opening.result()
    assert str(raised.value).endswith(postgres.NO_ANSWER)


async def test_postgres_a_server_silent_at_a_reconnect_is_said_not_to_answer(
    postgres_server: str, postgres_url: str
) -> None:
    """The server gone silent (a host powered off, a firewall dropping its packets) after
    a connection of the pool was lost: the call's reconnect waited, timed out as a query
    stuck behind a lock does, and the operator read of "a lock another session holds"
    (a moderator, that the server "keeps its queries waiting"), sent to look for a lock
    that was not there. It says now that the server did not answer the connection."""
    from bot.storage import postgres

    async with PostgresStore(postgres_url, query_timeout=1.0) as store:
        await store.record_served("split")  # (positive control: it writes)
        # (Its connections to be replaced at their next use, as one lost or idle for long
        # is: the reconnect then meets the silent server.)
        await store._pool.expire_connections()
        server = int((Path(postgres_server) / "data" / "postmaster.pid").read_text().split()[0])
        os.kill(server, signal.SIGSTOP)  # (its sockets stay, and nothing answers on them)
        try:
            with pytest.raises(DatabaseUnavailable) as raised:
                await store.record_served("split")
        finally:
            os.kill(server, signal.SIGCONT)
    assert str(raised.value) == f"the PostgreSQL database cannot be reached: {postgres.NO_ANSWER}"
    assert raised.value.problem == ""  # (no lock for a moderator to pass on)


@pytest.mark.parametrize("value", ["0", "-3", "soon", "inf"])
async def test_postgres_url_connect_timeout_that_is_no_time_is_a_setting_to_fix(
    postgres_url: str, value: str
) -> None:
    """libpq waits for ever on connect_timeout=0: a start that hangs says nothing, so that
    and what is no number of seconds are refused as a setting to fix (exit 2), by name."""
    with pytest.raises(StorageError, match="connect_timeout in the PostgreSQL database URL") as e:
        await PostgresStore(f"{postgres_url}&connect_timeout={value}").open()
    assert not isinstance(e.value, DatabaseUnavailable)


async def test_postgres_unreachable_is_a_storage_error(tmp_path: Path) -> None:
    store = PostgresStore(f"postgresql://postgres@/nothing?host={tmp_path}")
    with pytest.raises(StorageError, match="cannot use the PostgreSQL database"):
        await store.open()


# -- behaviour shared by both stores ----------------------------------------------------
async def test_a_time_without_a_zone_is_utc_on_every_backend(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """asyncpg took a naive time as the machine's local time, SQLite as UTC: the same
    question fell in a report's window on one backend and not the other."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")  # (UTC+9: a naive time read as local is 9 h older)
    time.tzset()
    try:
        naive = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for text, hours in (("inside the window", 47), ("outside the window", 49)):
            asked = replace(question(text), when=naive - dt.timedelta(hours=hours))
            await store.record_question(asked)
        assert [g.example for g in await store.gaps(2)] == ["inside the window"]
    finally:
        monkeypatch.undo()
        time.tzset()


async def test_retention_purge(store: Store) -> None:
    for text, age in [("old one", 100), ("older one", 400), ("recent", 10), ("today", 0)]:
        await store.record_question(question(text, days_ago=age))
    assert await store.purge(90) == 2
    assert await store.purge(90) == 0
    assert sorted(g.example for g in await store.gaps(None)) == ["recent", "today"]


async def test_a_decision_is_kept_while_a_question_it_decided_is_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question dismissed 92 days ago and asked again 30 days ago (it stayed out of the
    queue, as decided): the retention purge (90 days) deleted the decision by its age but
    kept the newer question, which came back to the queue and the gaps as if nobody had
    decided it. A decision now goes only with the last question (or taught message) that
    has its words; one nothing has any more still goes."""
    import sys

    backend = sys.modules[type(store).__module__]
    old = [
        question("what is the weather on mars today", days_ago=95),
        replace(question("is it taxable", days_ago=95, answered=True), kind="miss"),
        question("nobody asks this any more", days_ago=95),
    ]
    for asked in old:
        await store.record_question(asked)
    await store.record_taught(
        TaughtExample("is the basis prorated", "pro-rata", 1, "h", NOW - dt.timedelta(days=95))
    )
    items = await store.review_queue()
    assert len(items) == 4
    monkeypatch.setattr(backend, "utc_now", lambda: NOW - dt.timedelta(days=92))
    for item in items:
        await store.record_review(item.keys, "dismiss", None, "mod")
    monkeypatch.undo()
    # asked (and pointed) again since, each with the words of a decided question
    await store.record_question(question("What is the weather on Mars today?", days_ago=30))
    await store.record_question(
        replace(question("Is it taxable?", days_ago=30, answered=True), kind="miss")
    )
    await store.record_taught(
        TaughtExample("Is the basis prorated?", "split", 2, "h", NOW - dt.timedelta(days=30))
    )
    assert await store.review_queue() == []
    await store.purge(90)
    assert await store.review_queue() == [], "a dismissed question is back in review"
    assert await store.gaps(None) == [], "a dismissed question is back in the gaps"
    [gone] = [i for i in items if i.example == "nobody asks this any more"]
    assert await store.decided(gone.keys) == set()  # (its questions went: so did it)


async def test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What "Not what I asked" removed from under a message is kept for that message (so
    the answer is not posted under it again), once, and goes with the claims: after the
    retention, never within 30 days."""
    import sys

    backend = sys.modules[type(store).__module__]
    monkeypatch.setattr(backend, "utc_now", lambda: NOW - dt.timedelta(days=31))
    await store.record_rejected(11, "old-entry")
    monkeypatch.setattr(backend, "utc_now", lambda: NOW - dt.timedelta(days=5))
    await store.record_rejected(14, "split")
    monkeypatch.undo()
    assert await store.record_rejected(12, "split")
    assert not await store.record_rejected(12, "split")  # (a double click: kept once)
    assert await store.record_rejected(12, "pro-rata")
    assert await store.rejected(12) == {"split", "pro-rata"}
    assert await store.rejected(11) == {"old-entry"}
    assert await store.rejected(13) == set()
    await store.purge(1)  # (a day's retention: claims and rejections are kept 30 days)
    assert await store.rejected(11) == set()
    assert await store.rejected(14) == {"split"}
    assert await store.rejected(12) == {"split", "pro-rata"}


async def test_a_rejected_answer_is_remembered_after_a_restart(tmp_path: Path) -> None:
    async with SqliteStore(tmp_path / "bot.db") as first:
        await first.record_rejected(777, "split")
    async with SqliteStore(tmp_path / "bot.db") as again:  # a new process
        assert await again.rejected(777) == {"split"}


async def test_the_replies_to_a_message_are_taken_once_and_purged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot's replies to a message, for when it is deleted: each one once (a replay of
    the sending is no second reply), taken once (of two processes hearing of the deletion,
    one deletes them), and kept with the claims: after the retention, never within 30
    days. Recording says whether the reply is new (a retry finding a reply whose response
    was lost counts it as served only then). Looked at (a catch-up's, for answers deleted
    while the bot was away), they are kept."""
    import sys

    backend = sys.modules[type(store).__module__]
    monkeypatch.setattr(backend, "utc_now", lambda: NOW - dt.timedelta(days=31))
    await store.record_reply(1, 900, 101)
    monkeypatch.setattr(backend, "utc_now", lambda: NOW - dt.timedelta(days=5))
    await store.record_reply(2, 900, 201)
    monkeypatch.undo()
    assert await store.record_reply(3, 900, 301)
    assert not await store.record_reply(3, 900, 301)
    await store.record_reply(3, 901, 302)  # (a pointed entry in a post: another channel)
    await store.record_reply(4, 900, 401)
    await store.purge(1)
    assert await store.take_replies(1) == []
    assert await store.replies_to(3) == [(900, 301), (901, 302)]
    assert await store.replies_to(3) == [(900, 301), (901, 302)]
    assert await store.replies_to(5) == []
    taken = await asyncio.gather(store.take_replies(3), store.take_replies(3))
    assert sorted(taken) == [[], [(900, 301), (901, 302)]]
    assert await store.take_replies(3) == []
    assert await store.take_replies(2) == [(900, 201)]
    assert await store.take_replies(4) == [(900, 401)]


async def test_the_replies_to_a_message_are_remembered_after_a_restart(tmp_path: Path) -> None:
    async with SqliteStore(tmp_path / "bot.db") as first:
        await first.record_reply(777, 900, 778)
    async with SqliteStore(tmp_path / "bot.db") as again:  # a new process
        assert await again.take_replies(777) == [(900, 778)]


async def test_taught_examples_kept_once_newest_first_and_purged(store: Store) -> None:
    now = dt.datetime.now(dt.UTC)

    def taught(text: str, entry_id: str, message_id: int, age: int) -> TaughtExample:
        return TaughtExample(text, entry_id, message_id, "h", now - dt.timedelta(days=age))

    await store.record_taught(taught("old pointer", "three-buckets", 1, 100))
    await store.record_taught(taught("is ATS prorated?", "pro-rata", 2, 1))
    await store.record_taught(taught("is ATS prorated? (again)", "pro-rata", 2, 0))  # same pair
    await store.record_taught(taught("is ATS prorated?", "three-buckets", 2, 0))
    kept = await store.taught()
    assert [(t.message_id, t.entry_id, t.text) for t in kept] == [
        (2, "three-buckets", "is ATS prorated?"),
        (2, "pro-rata", "is ATS prorated?"),
        (1, "three-buckets", "old pointer"),
    ]
    await store.purge(90)
    assert [t.text for t in await store.taught()] == ["is ATS prorated?"] * 2


async def test_the_messages_whose_words_were_kept_lately_are_told_by_channel(store: Store) -> None:
    """For a catch-up (posts deleted while the bot was away): the messages whose words
    were kept since a time, in the channels asked about (a forum's posts); not older ones,
    other channels', nor /ask's (no message)."""

    def asked(message_id: int | None, channel_id: int, days: float = 0) -> AskedQuestion:
        kept = replace(question(f"question {message_id}", days_ago=days), channel_id=channel_id)
        return replace(kept, message_id=message_id)

    await store.record_question(asked(10, 42))
    await store.record_question(replace(asked(10, 42), kind="miss", best_id="split"))
    await store.record_question(asked(11, 43))
    await store.record_question(asked(12, 44))
    await store.record_question(asked(None, 42))
    await store.record_question(asked(13, 42, days=1))
    since = NOW - dt.timedelta(hours=1)
    assert await store.kept_from([42, 43], since) == {10, 11}
    assert await store.kept_from([45], since) == set()
    assert await store.kept_from([42], NOW - dt.timedelta(days=2)) == {10, 13}


async def test_the_words_of_deleted_messages_are_forgotten(store: Store) -> None:
    """What was kept of a deleted message goes, on every backend: its question (review and
    gaps), the entries members pointed it at, and a reply still owed to it; a deleted
    thread takes what was kept of every message in it. /ask's questions (no message) and
    other messages' stay."""

    def asked(text: str, message_id: int | None, channel_id: int = 42) -> AskedQuestion:
        return replace(question(text), message_id=message_id, channel_id=channel_id)

    await store.record_question(asked("my nickname question", 10))
    await store.record_question(replace(asked("my miss", 11), kind="miss", best_id="split"))
    await store.record_question(asked("asked with /ask", None))
    await store.record_question(asked("someone else's question", 12))
    await store.record_question(asked("a mention in a post", 30, channel_id=77))
    await store.record_taught(TaughtExample("pointed words", "pro-rata", 10, "h", NOW))
    await store.record_taught(TaughtExample("other pointed words", "pro-rata", 13, "h", NOW))
    # A helper pointed a later message of thread 77 at an entry: its pointed answer is there.
    await store.record_taught(TaughtExample("pointed in a post", "pro-rata", 31, "h", NOW))
    await store.record_reply(31, 77, 501)
    await store.record_reply(13, 42, 502)
    await store.queue_reply(owed(11, "mention", question="my miss"))
    await store.queue_reply(replace(owed(14, "mention", question="owed in a post"), channel_id=77))
    await store.queue_reply(owed(15, "mention", question="owed elsewhere"))

    assert await store.forget_asked([10, 11]) == 4
    assert await store.forget_asked([77], channel_id=77) == 3
    assert await store.forget_asked([10, 77]) == 0  # (twice is no trouble)
    examples = {item.example for item in await store.review_queue()}
    assert examples == {"asked with /ask", "someone else's question", "other pointed words"}
    gaps = {group.example for group in await store.gaps(None)}
    assert gaps == {"asked with /ask", "someone else's question"}
    assert [t.text for t in await store.taught()] == ["other pointed words"]
    assert [r.question for r in await store.pending_replies()] == ["owed elsewhere"]


async def test_a_review_decision_finds_its_question_still_stored_until_it_is_deleted(
    store: Store,
) -> None:
    """What a decision checks before it copies a question into the FAQ's files: one row
    looked up, of the right kind (a "Not what I asked" is another item than the same words
    unanswered), on every backend; once the member deleted it, it is not found."""

    def asked(text: str, message_id: int, kind: str = "") -> AskedQuestion:
        return replace(question(text), message_id=message_id, kind=kind, best_id="split")

    await store.record_question(asked("my question", 10))
    await store.record_question(asked("my miss", 11, "miss"))
    await store.record_taught(TaughtExample("pointed words", "pro-rata", 12, "h", NOW))
    assert await store.still_stored("my question", miss=False)
    assert await store.still_stored("my miss", miss=True)
    assert await store.still_stored("pointed words", miss=False)
    assert not await store.still_stored("my question", miss=True)  # (another kind)
    assert not await store.still_stored("my miss", miss=False)
    assert not await store.still_stored("My Question", miss=False)  # (other words)
    await store.forget_asked([10, 11, 12])
    for text, miss in (("my question", False), ("my miss", True), ("pointed words", False)):
        assert not await store.still_stored(text, miss=miss), text


async def test_a_member_who_asks_to_be_forgotten_is_on_every_backend(store: Store) -> None:
    """Their questions, their messages pointed at entries, the replies still owed to them
    (each holding their question) and their votes go; where they pointed another's message
    at an entry, that stays without their name. Another member's, and questions and owed
    replies kept without an asker, stay."""

    def asked(text: str, asker: str | None) -> AskedQuestion:
        return replace(question(text), asker_hash=asker)

    await store.record_question(asked("my nickname question", "me"))
    await store.record_question(replace(asked("my miss", "me"), kind="miss", best_id="split"))
    await store.record_question(asked("someone else's question", "you"))
    await store.record_question(asked("kept before askers were", None))
    await store.record_taught(TaughtExample("my words", "pro-rata", 10, "you", NOW, "me"))
    await store.record_taught(TaughtExample("your words", "pro-rata", 11, "me", NOW, "you"))
    await store.record_vote("split", 0, "me", True)
    await store.record_vote("pro-rata", 0, "me", False)
    await store.record_vote("split", 0, "you", False)
    await store.claim_post(20, owed(20, question="my post, owed", asker_hash="me"))
    await store.queue_reply(owed(21, "mention", question="my mention, owed", asker_hash="me"))
    await store.queue_reply(owed(22, "mention", question="your mention", asker_hash="you"))
    await store.queue_reply(owed(23, "mention", question="owed before askers were"))

    assert await store.forget_member("me") == (5, 2)
    assert await store.forget_member("me") == (0, 0)
    owed_now = {(r.question, r.asker_hash) for r in await store.pending_replies()}
    assert owed_now == {("your mention", "you"), ("owed before askers were", None)}
    examples = {item.example for item in await store.review_queue()}
    assert examples == {"someone else's question", "kept before askers were", "your words"}
    assert [(t.text, t.by_hash) for t in await store.taught()] == [("your words", "")]
    votes = {e.entry_id: (e.helpful, e.not_helpful) for e in await store.stats()}
    assert votes["split"] == (0, 1) and votes.get("pro-rata", (0, 0)) == (0, 0)


@pytest.mark.parametrize("how", ["message deleted", "forget member", "retention"])
async def test_words_deleted_from_sqlite_are_in_none_of_its_files(tmp_path: Path, how: str) -> None:
    """A member's words deleted (their message deleted, /faq-admin forget, the retention)
    must be gone from the files, as README promises, not only from the tables: SQLite kept
    the rows that held them in its write-ahead log (bot.db-wal), which the running bot
    never empties, readable with `strings` by anyone with the files (a backup, say)."""
    words = b"Acme Widgets 401k, balance 123,457"
    path = tmp_path / "bot.db"
    store = SqliteStore(path)
    await store.open()
    try:
        for n in range(30):  # (others' questions stay, on the same pages)
            await store.record_question(
                replace(question(f"someone else's question {n}"), message_id=n)
            )
        mine = replace(question(words.decode()), message_id=99, asker_hash="me")
        await store.record_question(replace(mine, when=NOW - dt.timedelta(days=100)))
        await store.record_taught(TaughtExample(words.decode(), "pro-rata", 99, "h", NOW, "me"))
        await store.queue_reply(owed(99, "mention", question=words.decode(), asker_hash="me"))

        def holding() -> list[str]:
            return [f.name for f in sorted(tmp_path.iterdir()) if words in f.read_bytes()]

        assert holding(), "the words should be in the files before they are deleted"
        if how == "message deleted":
            assert await store.forget_asked([99]) == 3
        elif how == "forget member":
            assert await store.forget_member("me") == (3, 0)
        else:
            await store.forget_asked([99])  # (the taught and owed rows; then the question)
            await store.record_question(
                replace(mine, message_id=None, when=NOW - dt.timedelta(days=100))
            )
            assert await store.purge(90) == 1
        assert holding() == []
        assert raw(path, "SELECT COUNT(*) FROM questions") == [(30,)]  # (the others' stay)
    finally:
        await store.close()


async def test_a_deletion_while_another_program_reads_the_file_does_not_hold_up_the_bot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Emptying the write-ahead log after a deletion waited, as every query does, up to
    busy_timeout (5 s) for another program reading the file to finish (a backup copying
    it, a long report), holding every other query of the bot meanwhile: each message
    deleted during a backup held up the answers for 5 s. Such a reader now leaves the log
    to the next deletion or the close, as the store says, and nothing waits. (The wait
    made 40 s here, longer than the test waits for the deletion.)"""
    import bot.storage.sqlite as sqlite_module

    monkeypatch.setattr(sqlite_module, "BUSY_SECONDS", 40.0)
    words = b"Acme Widgets 401k, balance 123,457"
    path = tmp_path / "bot.db"
    store = SqliteStore(path)
    await store.open()
    reader = sqlite3.connect(path)
    try:
        for n in (97, 98, 99):
            await store.record_question(replace(question(words.decode()), message_id=n))
        reader.execute("BEGIN")
        assert reader.execute("SELECT COUNT(*) FROM questions").fetchall() == [(3,)]
        try:
            assert await asyncio.wait_for(store.forget_asked([99]), 20) == 1
            await asyncio.wait_for(store.record_question(question("the next one")), 20)
        finally:
            reader.rollback()  # (the backup ends)
        assert await store.forget_asked([97, 98]) == 2  # (the next deletion empties it)

        def holding() -> list[str]:
            return [f.name for f in sorted(tmp_path.iterdir()) if words in f.read_bytes()]

        assert holding() == []
    finally:
        reader.close()
        await store.close()


async def test_taught_examples_at_the_same_moment_come_in_one_order_on_every_backend(
    store: Store,
) -> None:
    """Ties (one clock tick) are broken by the message, newest first, then the entry: the
    moderators' list and its paging must not depend on the backend."""
    when = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    for message_id, entry_id in [(5, "b"), (9, "a"), (5, "c"), (7, "a"), (9, "b")]:
        await store.record_taught(TaughtExample("q", entry_id, message_id, "h", when))
    kept = [(t.message_id, t.entry_id) for t in await store.taught()]
    assert kept == [(9, "b"), (9, "a"), (7, "a"), (5, "c"), (5, "b")]


async def test_review_queue_groups_orders_worst_first_and_forgets_reviewed(store: Store) -> None:
    from dataclasses import replace

    await store.record_question(question("how do I roll over after-tax money", days_ago=2))
    await store.record_question(question("How do I roll over my after-tax money?", days_ago=1))
    await store.record_question(
        question("is ATS money prorated", answered=True, best_id="pro-rata", score=80)
    )
    miss = question("what is a spillover bucket", best_id="three-buckets", score=0)
    await store.record_question(replace(miss, kind="miss"))
    await store.record_taught(
        TaughtExample("can I split basis and earnings?", "split", 7, "h", NOW)
    )
    queue = await store.review_queue()
    assert [(i.kind, i.count, i.entry_id) for i in queue] == [
        ("miss", 1, "three-buckets"),
        ("shaky", 1, "pro-rata"),
        ("unanswered", 2, None),
        ("taught", 1, "split"),
    ]
    unanswered = queue[2]
    assert len(unanswered.keys) == 2 and unanswered.example.startswith("How do I")
    # a miss is for the queue, not the gaps list
    assert [g.example for g in await store.gaps(None)] == [unanswered.example]
    # one decision clears the whole group, from the queue and from the gaps
    await store.record_review(unanswered.keys, "dismiss", None, "mod")
    assert [i.kind for i in await store.review_queue()] == ["miss", "shaky", "taught"]
    assert await store.gaps(None) == []
    assert len(await store.review_queue(limit=1)) == 1


async def test_the_first_decision_on_a_question_stands(store: Store) -> None:
    """A review view opened before another moderator's decision is stale: what it records
    afterwards must not replace that decision (nor its count against the answered entry)."""
    await store.record_question(question("is ATS money prorated", best_id="pro-rata", score=50))
    [item] = await store.review_queue()
    assert await store.decided([*item.keys, "never asked"]) == set()
    await store.record_review(item.keys, "example", "split", "mod-a", answered_with="pro-rata")
    await store.record_review(item.keys, "dismiss", None, "mod-b")
    # (the same pick again, from another process that read the queue at the same moment)
    await store.record_review(item.keys, "example", "split", "mod-c", answered_with="pro-rata")
    assert await store.decided([*item.keys, "never asked"]) == set(item.keys)
    [pro_rata] = [e for e in await store.stats() if e.entry_id == "pro-rata"]
    assert pro_rata.repointed == 1  # still the first decision: a pick of another entry, once


async def test_a_re_pointed_miss_counts_once_in_the_rating(store: Store) -> None:
    """A "Not what I asked" counts against its entry (and its member's not-helpful vote):
    re-pointed in review as well, it counted twice in the rating. An unsure answer
    re-pointed counts (positive control)."""
    from bot.storage.reports import rating

    miss = question("what is a spillover bucket", best_id="three-buckets", score=0)
    await store.record_question(replace(miss, kind="miss"))
    await store.record_vote("three-buckets", 0, "asker", False)
    await store.record_question(
        question("is ATS money prorated", answered=True, best_id="three-buckets", score=50)
    )
    for item in await store.review_queue():
        await store.record_review(item.keys, "example", "split", "mod", answered_with=item.entry_id)
    [row] = [e for e in await store.stats() if e.entry_id == "three-buckets"]
    assert (row.not_helpful, row.misses, row.repointed) == (1, 1, 1)
    assert row.rating == rating(0, 1, 1)  # the miss once, the unsure answer once


async def test_misses_and_re_pointed_answers_stay_counted_when_their_questions_go(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stats counted "not what I asked" and re-pointed answers from the questions and
    decisions kept, so past `database.retention_days` (or once a member deleted the
    message) they fell to 0 while the votes beside them stayed: the entry's rating rose
    from 33% to 40% with no new vote, and the miss's not-helpful vote was left with no
    miss to explain it. They are counted for good now, as votes and served counts are."""
    import sys

    miss = question("what is a spillover bucket", best_id="three-buckets", score=0, days_ago=100)
    await store.record_question(replace(miss, kind="miss"))
    await store.record_vote("three-buckets", 0, "asker", False)
    shaky = question("is ATS money prorated", answered=True, best_id="three-buckets", days_ago=100)
    await store.record_question(shaky)
    # decided 100 days ago too (the store's clock, for the decision's time)
    store_module = sys.modules[type(store).__module__]
    monkeypatch.setattr(store_module, "utc_now", lambda: NOW - dt.timedelta(days=100))
    for item in await store.review_queue():
        await store.record_review(item.keys, "example", "split", "mod", answered_with=item.entry_id)
    monkeypatch.undo()
    deleted = replace(question("is my spillover taxable", best_id="three-buckets"), kind="miss")
    await store.record_question(replace(deleted, message_id=77))

    def counted(rows: list[Any]) -> tuple[int, int, int, float]:
        [row] = [e for e in rows if e.entry_id == "three-buckets"]
        return (row.not_helpful, row.misses, row.repointed, row.rating)

    before = counted(await store.stats())
    assert before[:3] == (1, 2, 1)  # positive control: counted while the questions are kept
    assert await store.purge(90) == 2  # the two questions asked 100 days ago
    assert await store.forget_asked([77]) == 1  # the member deleted the third
    assert await store.review_queue() == []
    assert counted(await store.stats()) == before


#: The last schema version (SQLite's 13, PostgreSQL's 12) undone: owed replies' askers.
UNDO_OWED_ASKERS = (
    "DROP INDEX pending_replies_by_asker",
    "ALTER TABLE pending_replies DROP COLUMN asker_hash",
)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_the_counts_of_misses_and_re_points_start_from_what_an_older_bot_kept(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Upgrading counts the misses and re-pointed answers still kept (those purged before
    are gone); and the command line reading a database an older bot still writes (no
    counts yet) counts them from its questions and decisions, as that bot did."""
    from bot.storage.postgres import FEEDBACK_VERSION as PG_FEEDBACK
    from bot.storage.sqlite import FEEDBACK_VERSION

    target: Any = tmp_path / "bot.db" if backend == "sqlite" else None
    if target is None:
        target = request.getfixturevalue("postgres_url")

    def open_store(**options: Any) -> Store:
        kind = SqliteStore if backend == "sqlite" else PostgresStore
        return kind(target, **options)

    async with open_store() as store:
        miss = question("what is a spillover bucket", best_id="three-buckets", score=0)
        await store.record_question(replace(miss, kind="miss"))
        await store.record_question(
            question("is ATS money prorated", answered=True, best_id="three-buckets")
        )
        for item in await store.review_queue():
            await store.record_review(
                item.keys, "example", "split", "mod", answered_with=item.entry_id
            )
        counted = [(e.entry_id, e.misses, e.repointed) for e in await store.stats()]
        assert counted == [("three-buckets", 1, 1)]
    # as the older bot left it: no counts
    undo = [
        "DROP TABLE feedback",
        *UNDO_OWED_ASKERS,  # (the version after it)
        "DELETE FROM schema_version WHERE version >= {}",
    ]
    if backend == "sqlite":
        with sqlite3.connect(target) as db:
            for sql in undo:
                db.execute(sql.format(FEEDBACK_VERSION))
    else:
        async with PostgresStore(target) as store:
            pool = await store._pool_ready()
            for sql in undo:
                await pool.execute(sql.format(PG_FEEDBACK))
    async with open_store(read_only=True) as older:  # the command line, beside the older bot
        assert [(e.entry_id, e.misses, e.repointed) for e in await older.stats()] == counted
    async with open_store() as upgraded:
        assert [(e.entry_id, e.misses, e.repointed) for e in await upgraded.stats()] == counted
        await upgraded.record_question(replace(miss, kind="miss"))  # (counted from there on)
        assert [e.misses for e in await upgraded.stats()] == [2]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_replies_owed_before_askers_were_kept_stay_owed_through_the_upgrade(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The upgrade that keeps who asked each owed reply keeps the replies owed before it (an
    outage, then a restart onto the new version): each is still sent, with no asker, so no
    forget reaches it (it is sent or given up within retries.max_age_minutes); those owed
    after it know their asker."""
    from bot.storage.postgres import CURRENT_VERSION as PG_OWED
    from bot.storage.schema import CURRENT_VERSION as OWED

    target: Any = tmp_path / "bot.db" if backend == "sqlite" else None
    if target is None:
        target = request.getfixturevalue("postgres_url")
    kind = SqliteStore if backend == "sqlite" else PostgresStore
    undo = [*UNDO_OWED_ASKERS, "DELETE FROM schema_version WHERE version >= {}"]
    async with kind(target) as store:  # (made, then taken back to the version before)
        pass
    if backend == "sqlite":
        with sqlite3.connect(target) as db:
            for sql in undo:
                db.execute(sql.format(OWED))
            db.execute(
                "INSERT INTO pending_replies VALUES ('post', 5, 900, 'owed before the upgrade',"
                " 2, 'HTTP 503', '2026-12-05T00:00:00.000000+00:00',"
                " '2026-12-05T00:00:00.000000+00:00')"
            )
    else:
        async with PostgresStore(target) as store:
            pool = await store._pool_ready()
            for sql in undo:
                await pool.execute(sql.format(PG_OWED))
            await pool.execute(
                "INSERT INTO pending_replies VALUES ('post', 5, 900, 'owed before the upgrade',"
                " 2, 'HTTP 503', now(), now())"
            )
    async with kind(target) as upgraded:
        [before] = await upgraded.pending_replies()
        assert (before.message_id, before.question, before.attempts) == (
            5,
            "owed before the upgrade",
            2,
        )
        assert before.asker_hash is None
        await upgraded.queue_reply(owed(6, "mention", question="owed after", asker_hash="me"))
        assert await upgraded.forget_member("me") == (1, 0)
        [taken] = await upgraded.take_due_replies(10, 60)
        assert (taken.message_id, taken.last_error, taken.asker_hash) == (5, "HTTP 503", None)


async def test_a_postgres_server_gone_under_a_decision_or_a_purge_is_said_as_unreachable(
    postgres_server: str, postgres_url: str
) -> None:
    """Every other call on PostgreSQL says a server out of reach as DatabaseUnavailable
    (one warning line for callers); recording a review decision and the retention purge
    let the driver's own errors through, which moderators and the log met as faults."""
    from bot.storage import DatabaseUnavailable
    from tests.postgres_server import server_stopped

    async with PostgresStore(postgres_url) as store:
        await store.record_question(question("is ATS money prorated", score=5))
        [item] = await store.review_queue()  # (the pool's connection made)
        with server_stopped(postgres_server):
            with pytest.raises(DatabaseUnavailable, match="cannot be reached"):
                await store.record_review(item.keys, "dismiss", None, "mod")
            with pytest.raises(DatabaseUnavailable, match="cannot be reached"):
                await store.purge(30)
        # positive control: back, both work
        await store.record_review(item.keys, "dismiss", None, "mod")
        assert await store.purge(30) == 0 and await store.review_queue() == []


async def test_a_postgres_server_gone_is_said_by_the_driver_in_lines_not_tracebacks(
    postgres_server: str, postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """While the server is down (a restart, a failover, maintenance), asyncpg keeps trying
    to restore its pool's one connection, at 1, 2, 4 ... 60 s, and logged every failed
    try as a warning with a 25-line traceback, where the bot says the outage in one line
    (README: no traceback for what was foreseen). Each try is one line naming why."""
    from bot.storage import DatabaseUnavailable
    from tests.postgres_server import server_stopped

    def floor() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "pool connection floor" in r.getMessage()]

    caplog.set_level(logging.WARNING, logger="asyncpg")
    async with PostgresStore(postgres_url) as store:
        await store.review_queue()  # (the pool's connection made)
        with server_stopped(postgres_server):
            with pytest.raises(DatabaseUnavailable):
                await store.review_queue()  # (the pool finds its connection gone)
            for _ in range(400):  # (its first try is at once: up to 20 s on a busy machine)
                if floor():
                    break
                await asyncio.sleep(0.05)
        assert floor(), "asyncpg never tried to restore its pool's floor"  # (the control)
        for record in floor():
            assert record.exc_info is None and record.exc_text is None
            assert record.getMessage().count("\n") == 0
            assert "Error" in record.getMessage(), record.getMessage()  # (why, named)


async def test_a_pick_replaces_a_dismiss_recorded_just_before_it(store: Store) -> None:
    """Two processes deciding at once (their review locks do not meet): a Dismiss can be
    recorded between a pick's write of its example and the pick's record. The record then
    kept the Dismiss against the files (and the stats lost the pick's count against the
    answered entry). A decision written to the files replaces a Dismiss; nothing else is
    replaced, and each call says how many questions now carry its decision."""
    await store.record_question(question("is ATS money prorated", best_id="pro-rata", score=50))
    [item] = await store.review_queue()
    every = len(set(item.keys))
    assert await store.record_review(item.keys, "dismiss", None, "mod-b") == every
    picked = await store.record_review(
        item.keys, "example", "split", "mod-a", answered_with="pro-rata"
    )
    assert picked == every
    assert await store.record_review(item.keys, "dismiss", None, "mod-c") == 0
    assert await store.record_review(item.keys, "off-topic", None, "mod-d") == 0
    [pro_rata] = [e for e in await store.stats() if e.entry_id == "pro-rata"]
    assert pro_rata.repointed == 1  # the pick's count against the entry it had answered


async def test_a_miss_is_not_hidden_by_a_decision_on_the_same_words_unanswered(
    store: Store,
) -> None:
    """Decisions were keyed by the words alone: once "is it taxable?" asked unanswered was
    dismissed, a later "Not what I asked" on an answer to those words (the worst feedback
    there is) never reached the queue. A miss is decided on its own."""
    await store.record_question(question("Is it taxable?"))
    [unanswered] = await store.review_queue()
    await store.record_review(unanswered.keys, "dismiss", None, "mod")
    assert await store.review_queue() == []
    miss = replace(question("Is it taxable?", answered=True, best_id="split"), kind="miss")
    await store.record_question(miss)
    [item] = await store.review_queue()
    assert (item.kind, item.example) == ("miss", "Is it taxable?")
    await store.record_review(item.keys, "dismiss", None, "mod")
    assert await store.review_queue() == []  # (decided too: gone, and the first stays gone)


#: Made by the schema versions after the one folding votes (SQLite's 7, PostgreSQL's 6).
TABLES_AFTER_THE_VOTES_MIGRATION = ("rejected_answers", "bot_replies", "feedback")
#: And the other changes of the versions after it, undone.
UNDO_AFTER_THE_VOTES_MIGRATION = (
    "DROP INDEX questions_by_message",
    "ALTER TABLE questions DROP COLUMN message_id",
    "DROP INDEX questions_by_asker",
    "ALTER TABLE questions DROP COLUMN asker_hash",
    "ALTER TABLE taught DROP COLUMN author_hash",
    *UNDO_OWED_ASKERS,
)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_votes_cast_per_answer_become_one_per_member_and_entry(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Votes were kept per answer message; now a member's vote is one per entry. Votes
    from before the upgrade are folded into one per member and entry, the latest kept, or a
    member's old vote and new one would both count."""
    older = "'2026-11-01T00:00:00.000000+00:00'"
    newer = "'2026-11-02T00:00:00.000000+00:00'"
    rows = [  # (entry, message, member, helpful, when): as the version before left them
        ("split", 11, "alice", "1", older),
        ("split", 12, "alice", "0", newer),  # alice's latest on split: not helpful
        ("split", 13, "bob", "1", older),
        ("pro-rata", 11, "alice", "1", older),
    ]
    if backend == "sqlite":
        path = tmp_path / "bot.db"
        async with SqliteStore(path) as store:
            await store.record_served("split")
        with sqlite3.connect(path) as db:
            for entry, message, who, helpful, when in rows:
                db.execute(
                    f"INSERT INTO votes VALUES ('{entry}', {message}, '{who}', {helpful}, {when})"
                )
            # (as it was before version 7: the versions after it undone too)
            db.execute("DELETE FROM schema_version WHERE version >= 7")
            for table in TABLES_AFTER_THE_VOTES_MIGRATION:
                db.execute(f"DROP TABLE {table}")
            for statement in UNDO_AFTER_THE_VOTES_MIGRATION:
                db.execute(statement)
        reopened: Store = SqliteStore(path)
    else:
        url = request.getfixturevalue("postgres_url")
        async with PostgresStore(url) as store:
            pool = await store._pool_ready()
            for entry, message, who, helpful, when in rows:
                truth = "true" if helpful == "1" else "false"
                await pool.execute(
                    f"INSERT INTO votes VALUES ('{entry}', {message}, '{who}', {truth}, {when})"
                )
            await pool.execute("DELETE FROM schema_version WHERE version >= 6")
            for table in TABLES_AFTER_THE_VOTES_MIGRATION:
                await pool.execute(f"DROP TABLE {table}")
            for statement in UNDO_AFTER_THE_VOTES_MIGRATION:
                await pool.execute(statement)
        reopened = PostgresStore(url)
    async with reopened:
        stats = {e.entry_id: (e.helpful, e.not_helpful) for e in await reopened.stats()}
        assert stats["split"] == (1, 1) and stats["pro-rata"] == (1, 0)
        await reopened.record_vote("split", 0, "alice", True)  # (a vote after: changed)
        stats = {e.entry_id: (e.helpful, e.not_helpful) for e in await reopened.stats()}
        assert stats["split"] == (2, 0)


async def test_a_long_question_in_any_script_can_be_decided(store: Store) -> None:
    """PostgreSQL refused index entries over 2,704 bytes: a 1,000-character question in
    Chinese (3,000 bytes) could never be decided, and stayed in the queue for good."""
    import random

    # (varied characters: a repeated phrase is compressed under the limit)
    draw = random.Random(7).randrange
    long = "".join(chr(draw(0x4E00, 0x9FA5)) for _ in range(1000))
    await store.record_question(question(long))
    [item] = await store.review_queue()
    await store.record_review(item.keys, "dismiss", None, "mod")
    await store.record_review(item.keys, "dismiss", None, "mod-b")  # (the first stands)
    assert await store.decided(item.keys) == set(item.keys)
    assert await store.review_queue() == []


def made_up_questions(n: int) -> list[str]:
    """``n`` questions of made-up words: none groups with another."""
    import random
    import string

    draw = random.Random(3).choice
    return [
        " ".join("".join(draw(string.ascii_lowercase) for _ in range(7)) for _ in range(5))
        for _ in range(n)
    ]


async def test_a_flood_of_unanswered_questions_hides_no_older_miss(store: Store) -> None:
    """The queue grouped the newest 3,000 questions not yet reviewed, whatever their kind:
    on a busy server (a few days of unanswered questions) a four-day-old "Not what I
    asked", the worst kind, was in neither /faq-admin review nor the digest's count. The
    window is taken worst kind first now, as the queue shows it."""
    from bot.storage.reports import REVIEW_WINDOW

    miss = question("what is a spillover bucket", days_ago=4, best_id="three-buckets", score=0)
    await store.record_question(replace(miss, kind="miss"))
    await store.record_question(question("is ATS prorated", days_ago=4, answered=True))
    for n, text in enumerate(made_up_questions(REVIEW_WINDOW + 1)):
        await store.record_question(question(text, days_ago=3 - n / 100_000))
    queue = await store.review_queue()
    assert [(i.kind, i.example) for i in queue[:2]] == [
        ("miss", "what is a spillover bucket"),
        ("shaky", "is ATS prorated"),
    ]


async def test_messages_pointed_at_entries_and_decided_hide_no_older_one(store: Store) -> None:
    """Messages members pointed at an entry were read newest first, 3,000 of them, decided
    or not: once moderators had decided the newest 3,000 (working down the queue, newest
    first), an older one nobody had decided never reached the queue again."""
    from bot.storage.reports import REVIEW_WINDOW

    older = NOW - dt.timedelta(days=4)
    await store.record_taught(
        TaughtExample("can I split basis and earnings?", "split", 7, "h", older)
    )
    newer = made_up_questions(REVIEW_WINDOW + 1)
    for n, text in enumerate(newer):
        await store.record_taught(TaughtExample(text, "split", 100 + n, "h", NOW))
    await store.record_review([normalise(t) for t in newer], "dismiss", None, "mod")
    queue = await store.review_queue()
    assert [(i.kind, i.example) for i in queue] == [("taught", "can I split basis and earnings?")]


def test_review_queue_groups_only_the_newest_window_not_yet_reviewed() -> None:
    from bot.storage.reports import build_queue, normalise

    old, newer, newest = (
        question(t, days_ago=d)
        for t, d in (("the oldest one", 3), ("a newer one", 2), ("the newest one", 1))
    )
    queue = build_queue([old, newer, newest], reviewed={normalise("the newest one")}, window=2)
    assert sorted(i.example for i in queue) == ["a newer one", "the oldest one"]
    queue = build_queue([old, newer, newest], window=2)
    assert sorted(i.example for i in queue) == ["a newer one", "the newest one"]


async def test_retention_applied_when_opening(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    async with SqliteStore(path) as db:
        await db.record_question(question("ancient question", days_ago=200))
        await db.record_question(question("fresh question"))
    async with SqliteStore(path, retention_days=90):
        pass
    assert raw(path, "SELECT text FROM questions") == [("fresh question",)]


def _refuse_deletes(backend: str, where: Path | str) -> None:
    """Make the real database refuse to delete stored questions (a full disk, say)."""
    if backend == "sqlite":
        with contextlib.closing(sqlite3.connect(where, isolation_level=None)) as db:
            db.execute(
                "CREATE TRIGGER refuse BEFORE DELETE ON questions"
                " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
            )
        return

    async def refuse() -> None:
        import asyncpg

        db = await asyncpg.connect(str(where))
        try:
            await db.execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;"
                " CREATE TRIGGER refuse BEFORE DELETE ON questions"
                " FOR EACH ROW EXECUTE FUNCTION refuse()"
            )
        finally:
            await db.close()

    asyncio.run(refuse())


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_purge_that_fails_at_start_does_not_stop_the_bot_starting(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    """Every process purges old question text as it opens the store; a purge the database
    refused (a full disk, a lock held past the timeout) ended the start in a traceback,
    though the purge is housekeeping the daily chore does again. The store opens, the old
    question waits for that chore, and the log says why."""
    where: Path | str = (
        tmp_path / "bot.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    )

    def store(**options: Any) -> Store:
        if isinstance(where, Path):
            return SqliteStore(where, **options)
        return PostgresStore(where, **options)

    async with store() as db:
        await db.record_question(question("ancient question", days_ago=200))
    await asyncio.to_thread(_refuse_deletes, backend, where)
    opened = store(retention_days=90)
    try:
        with caplog.at_level(logging.WARNING):
            async with opened as db:
                await db.record_served("split")  # (open, and working)
                assert [row.entry_id for row in await db.stats()] == ["split"]
                [group] = await db.gaps(days=None)
                assert "ancient question" in group.example
    finally:
        await opened.close()  # (a failed open left its connection: the test would hang)
    assert any("purge" in r.getMessage() for r in caplog.records), caplog.text


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_the_daily_purge_is_one_line_in_the_log(
    backend: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
    make_bot: Any,
) -> None:
    """The daily purge said itself twice, in two wordings ("purged 2 stored question(s)
    older than 90 days" from the store, "deleted 2 stored questions older than 90 days"
    from the chore): an operator reading or counting the log saw two purges a day."""
    from bot.cogs.housekeeping import Housekeeping

    store: Store = (
        SqliteStore(tmp_path / "bot.db")
        if backend == "sqlite"
        else PostgresStore(request.getfixturevalue("postgres_url"))
    )
    async with store:
        for text in ("an old question", "another old question"):
            await store.record_question(question(text, days_ago=100))
        chores = Housekeeping(make_bot(store=store))
        with caplog.at_level(logging.INFO, logger="bot"):
            await chores.purge()
        said = [r.getMessage() for r in caplog.records if "older than 90 days" in r.getMessage()]
        assert said == ["purged 2 stored questions older than 90 days"]  # (no "(s)")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_purge_of_one_question_a_day_old_is_counted_in_words(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    """database.retention_days = 1 (an operator keeping as little as they can): the purge
    read "purged 1 stored question(s) older than 1 days"."""
    store: Store = (
        SqliteStore(tmp_path / "bot.db")
        if backend == "sqlite"
        else PostgresStore(request.getfixturevalue("postgres_url"))
    )
    async with store:
        await store.record_question(question("an old question", days_ago=2))
        with caplog.at_level(logging.INFO, logger="bot"):
            assert await store.purge(1) == 1
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("purged")]
    assert said == ["purged 1 stored question older than 1 day"]


async def test_not_helpful_votes_since_a_time_per_entry(store: Store) -> None:
    """What the daily digest tells moderators of: members whose vote on an entry is "not
    helpful", cast or changed to it since a time (a vote changed back is not counted)."""
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    await store.record_vote("split", 0, "alice", False)
    await store.record_vote("split", 0, "bob", False)
    await store.record_vote("split", 0, "carol", True)
    await store.record_vote("prorata", 0, "alice", False)
    await store.record_vote("prorata", 0, "alice", True)  # changed her mind
    await store.record_vote("room", 0, "dave", False)
    assert await store.not_helpful_since(before) == {"split": 2, "room": 1}
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    assert await store.not_helpful_since(later) == {}


async def test_the_same_vote_pressed_again_is_not_news_for_the_next_digest(store: Store) -> None:
    """A member pressing "Not helpful" again on the same answer (to see it took) moved the
    vote's time, so the next daily digest told moderators of it a second time. The same
    vote again keeps its time; a vote changed (to helpful and back) is news again."""
    await store.record_vote("split", 7, "alice", False)
    digest = dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=5)  # (the digest posts)
    await asyncio.sleep(0.02)
    await store.record_vote("split", 7, "alice", False)
    assert await store.not_helpful_since(digest) == {}
    await store.record_vote("split", 7, "alice", True)
    await store.record_vote("split", 7, "alice", False)
    assert await store.not_helpful_since(digest) == {"split": 1}


# (Errors: on Python 3.12 and 3.13 SQLite's numbered placeholders given a sequence warn,
# and from 3.14 they fail.)
@pytest.mark.filterwarnings("error::DeprecationWarning")
async def test_a_vote_again_replaces_the_one_kept_before_vote_keys(store: Store) -> None:
    """A member's vote kept by a release before vote keys (under the unkeyed hash) stood
    beside the vote they cast again, counted twice. Voting again replaces it: changed, it
    is the new vote; the same vote keeps its time (no news for the digest); where both
    were kept already, one is left; another member's old vote stays."""
    await store.record_vote("split", 0, "old-alice", False)
    await store.record_vote("split", 0, "old-carol", False)
    await store.record_vote("split", 0, "old-dave", True)
    await store.record_vote("split", 0, "old-bob", False)
    await store.record_vote("split", 0, "bob", False)  # (both kept, by the release before)
    digest = dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=5)
    await asyncio.sleep(0.02)
    await store.record_vote("split", 0, "alice", True, unkeyed="old-alice")
    await store.record_vote("split", 0, "carol", False, unkeyed="old-carol")
    await store.record_vote("split", 0, "bob", True, unkeyed="old-bob")
    [row] = await store.stats()
    assert (row.helpful, row.not_helpful) == (3, 1)  # alice, bob, dave; carol
    assert await store.not_helpful_since(digest) == {}  # (carol's pressed again: not news)
    assert await store.forget_member("old-alice") == (0, 0)


async def test_one_vote_per_user_per_answer(store: Store) -> None:
    await store.record_served("split")
    await store.record_vote("split", 1000, "alice", True)
    await store.record_vote("split", 1000, "alice", False)  # changed her mind
    await store.record_vote("split", 1000, "alice", False)  # and clicked again
    [row] = await store.stats()
    assert (row.helpful, row.not_helpful, row.helpful_ratio) == (0, 1, 0.0)

    await store.record_vote("split", 1000, "bob", True)  # another user
    await store.record_vote("split", 2000, "alice", True)  # another answer message
    [row] = await store.stats()
    assert (row.helpful, row.not_helpful) == (2, 1)
    if isinstance(store, SqliteStore):
        assert raw(store.path, "SELECT COUNT(*) FROM votes") == [(3,)]


async def test_claim_post_true_exactly_once_even_when_raced(store: Store) -> None:
    assert await store.claim_post(123)
    assert not await store.claim_post(123)
    results = await asyncio.gather(*(store.claim_post(456) for _ in range(50)))
    assert results.count(True) == 1


async def test_a_daily_chore_is_claimed_once_a_day_even_when_raced(store: Store) -> None:
    day = dt.date(2026, 12, 4)
    results = await asyncio.gather(*(store.claim_chore("digest", day) for _ in range(20)))
    assert results.count(True) == 1
    assert not await store.claim_chore("digest", day)
    assert await store.claim_chore("digest", day + dt.timedelta(days=1))
    assert await store.claim_chore("another chore", day)


async def test_when_a_chore_was_last_done_before_a_time(store: Store) -> None:
    """The digest counts the votes since the one before it (see Housekeeping.digest_note)."""
    start = utc_now()
    assert await store.chore_claimed_before("digest", start) is None
    assert await store.claim_chore("digest", dt.date(2026, 3, 4))
    assert await store.claim_chore("purge", dt.date(2026, 3, 5))  # (another chore)
    later = utc_now() + dt.timedelta(seconds=1)
    done = await store.chore_claimed_before("digest", later)
    assert done is not None and start <= done < later
    assert await store.chore_claimed_before("digest", start) is None  # (none before it)


async def test_a_chore_given_back_is_claimed_again_and_no_longer_counts_as_done(
    store: Store,
) -> None:
    """A digest Discord would not take (its post failed) is given back: the next pass, in
    any process, claims the day again, and the digest after it counts from the one before."""
    before = utc_now()
    day = dt.date(2026, 12, 4)
    assert await store.claim_chore("digest", day)
    await store.release_chore("digest", day)
    assert await store.chore_claimed_before("digest", utc_now() + dt.timedelta(seconds=1)) is None
    assert await store.claim_chore("digest", day)  # claimed again, once
    assert not await store.claim_chore("digest", day)
    done = await store.chore_claimed_before("digest", utc_now() + dt.timedelta(seconds=1))
    assert done is not None and done >= before


async def test_two_processes_on_one_postgres_do_a_chore_once_a_day(postgres_url: str) -> None:
    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(10)]
        wins = await asyncio.gather(*(s.claim_chore("digest", d) for d in days for s in (one, two)))
    assert sum(wins) == 10


async def test_two_processes_on_one_postgres_purge_at_once_without_failing(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every process purges as it starts: two started together, with a decision older
    than the retention kept for a question asked since, deadlocked, and one of them
    failed to start (a traceback) or logged a failed purge. One now waits for the other."""
    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        await one.record_question(question("what is the weather on mars", days_ago=100))
        await one.record_question(question("What is the weather on Mars?", days_ago=10))
        [item] = await one.review_queue()
        monkeypatch.setattr("bot.storage.postgres.utc_now", lambda: NOW - dt.timedelta(days=95))
        await one.record_review(item.keys, "dismiss", None, "mod")
        monkeypatch.undo()
        for _ in range(3):
            purged = await asyncio.gather(one.purge(90), two.purge(90), return_exceptions=True)
            assert all(isinstance(n, int) for n in purged), purged
        assert await one.gaps(None) == []  # (the decision was kept, as its question was)


async def test_a_chore_done_today_stays_done_after_a_restart(tmp_path: Path) -> None:
    async with SqliteStore(tmp_path / "bot.db") as first:
        assert await first.claim_chore("digest", dt.date(2026, 12, 4))
    async with SqliteStore(tmp_path / "bot.db") as again:
        assert not await again.claim_chore("digest", dt.date(2026, 12, 4))


def owed(message_id: int, kind: str = "post", due_in: float = 0.0, **kw: object) -> PendingReply:
    return PendingReply(kind, 900, message_id, seconds_from_now(due_in), **kw)  # type: ignore[arg-type]


async def test_a_claimed_post_owes_its_reply_until_settled(store: Store) -> None:
    assert await store.claim_post(1, owed(1, due_in=60, question="pro-rata?"))
    assert not await store.claim_post(1, owed(1, due_in=0))  # a replay owes nothing new
    [row] = await store.pending_replies()
    assert (row.kind, row.channel_id, row.message_id, row.question) == ("post", 900, 1, "pro-rata?")
    assert row.due > utc_now() + dt.timedelta(seconds=50)
    assert await store.take_due_replies(10, lease_seconds=60) == []  # in progress: not due
    await store.settle_reply("post", 1)
    assert await store.pending_replies() == []


async def test_due_replies_are_taken_once_with_a_lease_and_retried_later(store: Store) -> None:
    await store.queue_reply(owed(1, attempts=1, last_error="503"))
    await store.queue_reply(owed(2, kind="mention", due_in=-5, question="\x00 odd \ud800"))
    await store.queue_reply(owed(3, due_in=3600))  # not yet
    taken = await store.take_due_replies(10, lease_seconds=60)
    # the longest owed first, whichever fell due first (2 was due sooner, but owed later)
    assert [(r.message_id, r.attempts) for r in taken] == [(1, 2), (2, 1)]
    assert all(r.due > utc_now() + dt.timedelta(seconds=50) for r in taken)
    # leased: a second poller (another process) finds nothing due
    assert await store.take_due_replies(10, lease_seconds=60) == []
    # it failed again: owed again, due now, with the new count; question and age kept
    [first] = [r for r in await store.pending_replies() if r.message_id == 1]
    await store.queue_reply(owed(1, attempts=2, last_error="timeout", question="other"))
    again = await store.take_due_replies(1, lease_seconds=60)
    assert [(r.message_id, r.attempts, r.last_error) for r in again] == [(1, 3, "timeout")]
    assert again[0].created == first.created and again[0].question == ""


async def test_raced_pollers_take_each_reply_once(store: Store) -> None:
    for n in range(30):
        await store.queue_reply(owed(n))
    batches = await asyncio.gather(*(store.take_due_replies(4, 60) for _ in range(12)))
    taken = [r.message_id for batch in batches for r in batch]
    assert sorted(taken) == list(range(30))


async def test_replies_older_than_the_max_age_expire(store: Store) -> None:
    old = owed(1, question="still unanswered", created=utc_now() - dt.timedelta(hours=3))
    await store.queue_reply(old)
    await store.queue_reply(owed(2))
    [gone] = await store.expire_replies(max_age_seconds=2 * 3600)
    assert (gone.message_id, gone.question) == (1, "still unanswered")
    assert [r.message_id for r in await store.pending_replies()] == [2]


async def test_a_reply_being_tried_is_not_expired_under_its_try(store: Store) -> None:
    """Another process may be trying an old reply right now (it holds the lease): giving up
    on it then would report a post as unanswered that the try may still answer, and the
    try's own result would queue it again, to be given up twice."""
    created = utc_now() - dt.timedelta(hours=3)
    await store.queue_reply(owed(1, question="being tried", created=created))
    await store.queue_reply(owed(2, question="waiting", created=created))
    [taken] = await store.take_due_replies(1, lease_seconds=60)
    [gone] = await store.expire_replies(max_age_seconds=2 * 3600)
    assert gone.message_id != taken.message_id
    assert [r.message_id for r in await store.pending_replies()] == [taken.message_id]
    await store.queue_reply(replace(taken, due=seconds_from_now(0)))  # the try failed
    [later] = await store.expire_replies(max_age_seconds=2 * 3600)
    assert later.message_id == taken.message_id and await store.pending_replies() == []


async def test_two_processes_on_one_postgres_take_each_reply_once(postgres_url: str) -> None:
    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        for n in range(40):
            await one.queue_reply(owed(n))
        batches = await asyncio.gather(
            *(s.take_due_replies(3, 60) for _ in range(10) for s in (one, two))
        )
    assert sorted(r.message_id for b in batches for r in b) == list(range(40))


@contextlib.contextmanager
def clock_off(monkeypatch: pytest.MonkeyPatch, by: dt.timedelta) -> Iterator[None]:
    """This process's clock ``by`` off the true time (the database server's): NTP broken,
    a VM resumed from a pause. Every time the stores and the bot take is this clock's."""
    from bot.storage import base, postgres

    true_now = base.utc_now
    with monkeypatch.context() as shifted:
        for module in (base, postgres):
            shifted.setattr(module, "utc_now", lambda: true_now() + by)
        yield


@pytest.mark.parametrize(
    "off_by",
    [dt.timedelta(minutes=10), dt.timedelta(minutes=-10), dt.timedelta(hours=13)],
    ids=["10 minutes fast", "10 minutes slow", "13 hours fast"],
)
async def test_a_process_whose_clock_is_off_keeps_to_the_leases_of_the_others(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, off_by: dt.timedelta
) -> None:
    """Leases and due times were written and read by each host's clock. A process 10
    minutes fast took the reply to every post another process was still sending (leased
    for 5 minutes), and could answer it twice; one 10 minutes slow wrote leases already
    run out for the others, who took its posts as it answered them; one 13 hours fast
    gave up on replies owed a moment ago (older than 12 hours by its clock) and told the
    moderators so. They go by the database server's clock now."""
    async with PostgresStore(postgres_url) as right, PostgresStore(postgres_url) as off:
        assert await right.claim_post(1, owed(1, due_in=300))  # being answered
        with clock_off(monkeypatch, off_by):
            assert await off.take_due_replies(10, lease_seconds=300) == []
            assert await off.expire_replies(max_age_seconds=12 * 3600) == []
            assert await off.claim_post(2, owed(2, due_in=300))  # its own, being answered
            await off.queue_reply(owed(3, question="due now"))
            # positive control: what is due now, by any clock, is taken at once
            [due] = await off.take_due_replies(10, lease_seconds=300)
            assert due.message_id == 3
        assert await right.take_due_replies(10, lease_seconds=300) == []
        assert await right.expire_replies(max_age_seconds=12 * 3600) == []
        assert sorted(r.message_id for r in await right.pending_replies()) == [1, 2, 3]


async def test_a_process_whose_clock_is_off_says_so_in_its_log_at_start(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Owed replies go by the server's clock, other times by the host's (the digest's
    hour, the catch-up's last hour): a host whose clock is off was told nowhere."""
    caplog.set_level(logging.WARNING, logger="bot.storage.postgres")
    async with PostgresStore(postgres_url):
        pass
    assert "clock" not in caplog.text  # positive control: a clock that is right
    for off_by, said in (
        (dt.timedelta(minutes=10), "ahead of"),
        (-dt.timedelta(hours=2), "behind"),
    ):
        with clock_off(monkeypatch, off_by):
            async with PostgresStore(postgres_url):
                pass
        seconds = round(abs(off_by.total_seconds()))
        assert f"this host's clock is {seconds} s {said} the database server's" in caplog.text
        assert "synchronise its clock (NTP)" in caplog.text


async def test_claim_post_survives_restart(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    async with SqliteStore(path) as first:
        assert await first.claim_post(777)
    async with SqliteStore(path) as second:  # a new process, as after a restart
        assert not await second.claim_post(777)
        assert await second.claim_post(778)


async def test_a_write_to_a_full_disk_is_the_database_unavailable_and_works_once_freed(
    tmp_path: Path,
) -> None:
    """Every kind of write on a full disk (one statement, or a transaction) says the disk
    is full as DatabaseUnavailable, a passing failure the bot logs in one line, not a
    sqlite3 error it logs as a fault with a traceback; once there is room it writes."""
    with full_disk(tmp_path / "disk") as disk:
        async with SqliteStore(disk / "bot.db") as store:
            await store.claim_post(1)  # positive control: it writes
            # The write-ahead log emptied (as after a deletion): the next write needs room.
            with contextlib.closing(sqlite3.connect(disk / "bot.db")) as other:
                other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            fill_up(disk)
            owed = PendingReply("post", 2, 2, utc_now())
            writes = {
                "one statement": lambda: store.claim_post(2),
                "a transaction": lambda: store.claim_post(3, owed),
            }
            for name, write in writes.items():
                with pytest.raises(DatabaseUnavailable) as refused:
                    await write()
                assert str(refused.value).endswith("is full; free some space"), name
            (disk / "filler").unlink()
            assert await store.claim_post(2) and await store.claim_post(3, owed)


async def test_a_database_a_stopped_bot_left_on_a_read_only_disk_refuses_writes_by_name(
    tmp_path: Path,
) -> None:
    """A bot killed on a disk that then went read-only left its write-ahead files beside
    the database: the next start opens it read-only (SQLite does, reads working), and each
    write raised "attempt to write a readonly database" as a sqlite3 error, a fault with a
    traceback. Each kind is DatabaseUnavailable saying it is read-only, and once the disk
    is writable again it writes."""
    with full_disk(tmp_path / "disk") as disk:
        path = disk / "bot.db"
        kept = tmp_path / "kept"
        kept.mkdir()
        async with SqliteStore(path) as store:
            await store.record_reply(1, 10, 11)
            for name in ("bot.db", "bot.db-wal", "bot.db-shm"):  # (as a kill leaves them)
                shutil.copy(disk / name, kept / name)
        for name in ("bot.db", "bot.db-wal", "bot.db-shm"):
            shutil.copy(kept / name, disk / name)
        await asyncio.to_thread(remount, disk, "ro")
        async with SqliteStore(path) as store:
            assert await store.replies_to(1) == [(10, 11)]  # positive control: it reads
            owed = PendingReply("post", 2, 2, utc_now())
            writes = {
                "one statement": lambda: store.record_served("x"),
                "a transaction": lambda: store.claim_post(3, owed),
            }
            for name, write in writes.items():
                with pytest.raises(DatabaseUnavailable) as refused:
                    await write()
                assert ": it is read-only (" in str(refused.value), (name, refused.value)
                assert "read-only" in refused.value.problem, name
        await asyncio.to_thread(remount, disk, "rw")
        async with SqliteStore(path) as store:
            assert await store.claim_post(3, owed)


@pytest.mark.parametrize("how", ["moved away", "moved back", "deleted"])
async def test_a_database_moved_or_deleted_under_the_store_refuses_writes_and_stays_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    """The database file moved or deleted under a running bot (an operator's mv or rm, a
    cleanup script): SQLite went on writing into it without a word and at the stop left
    its write-ahead log unapplied, so the moved file had none of the records (not even its
    tables) and the next start began an empty one at the path. Each write is refused now,
    DatabaseUnavailable naming why, said once in the log; the file is made whole first, so
    a moved file keeps every record and a deleted one can be copied back while the bot
    runs; moved back, it is written again."""
    path = tmp_path / "bot.db"
    moved = tmp_path / "moved.db"
    owed = PendingReply("post", 2, 2, utc_now())
    async with SqliteStore(path) as store:
        assert await store.claim_post(1)  # positive control: it writes
        if how == "deleted":
            path.unlink()
        else:
            path.rename(moved)
        with caplog.at_level(logging.WARNING, logger="bot.storage.sqlite"):
            for write in (lambda: store.record_served("x"), lambda: store.claim_post(3, owed)):
                with pytest.raises(DatabaseUnavailable) as refused:
                    await write()
                assert (
                    refused.value.problem == "its database file was moved or deleted while it ran"
                )
                assert str(refused.value).startswith(f"cannot write to {path}: the file the bot")
        said = [r.getMessage() for r in caplog.records if "was moved or deleted" in r.getMessage()]
        assert len(said) == 1, said  # once, not at each write
        assert await store.pending_replies() == []  # reads go on
        if how == "moved back":
            moved.rename(path)
            assert await store.claim_post(3, owed)  # written again
        elif how == "deleted":
            [held] = re.findall(r"copied from (/proc/\d+/fd/\d+)", said[0])
            shutil.copy(held, moved)  # (as the operator told would)
    kept = path if how == "moved back" else moved
    claimed = {row[0] for row in raw(kept, "SELECT thread_id FROM claimed_posts")}
    assert claimed == ({1, 3} if how == "moved back" else {1})
    async with SqliteStore(path) as store:  # a restart: the file the path names then
        assert await store.claim_post(1) == (how != "moved back")


async def test_a_database_moved_then_the_bot_stopped_before_a_write_is_whole_where_it_went(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An operator moving the database to another disk, then restarting the bot at once,
    before it wrote again: SQLite's close applies no write-ahead log to a moved file, so
    the moved file had none of the records (not even its tables). The close applies it
    now, and the log says where the records are."""
    path, moved = tmp_path / "bot.db", tmp_path / "moved.db"
    caplog.set_level(logging.WARNING, logger="bot.storage.sqlite")
    async with SqliteStore(path) as store:
        assert await store.claim_post(1)
        path.rename(moved)
    said = [r.getMessage() for r in caplog.records if "was moved or deleted" in r.getMessage()]
    assert len(said) == 1 and "its records so far are in that file" in said[0], said
    assert raw(moved, "SELECT thread_id FROM claimed_posts") == [(1,)]
    moved.rename(path)  # (moved back before the start: as it was)
    async with SqliteStore(path) as store:
        assert not await store.claim_post(1)


async def test_a_postgres_server_whose_disk_fills_is_the_database_unavailable_till_freed(
    postgres_server: str,
) -> None:
    """The PostgreSQL server's disk full (its data folder or the tablespace of the bot's
    tables): a write that needs room was DiskFullError raised as it was, so every forum
    post logged its records' ERRORs with the driver's traceback. Each kind of write (one
    statement, a transaction) is DatabaseUnavailable saying the server's disk is full, as
    SQLite's full disk is; once there is room it writes."""
    from tests.postgres_server import database_on_small_disk

    with database_on_small_disk(postgres_server) as (url, disk):
        async with PostgresStore(url) as store:
            assert await store.claim_post(1)  # positive control: it writes
            fill_up(disk)
            # (Each into a table with no page yet: PostgreSQL fills a page it has first.)
            writes = {
                "one statement": lambda: store.record_vote("split", 1, "member", True),
                "a transaction": lambda: store.claim_post(2, owed(2)),
            }
            for name, write in writes.items():
                with pytest.raises(DatabaseUnavailable) as refused:
                    await write()
                said = str(refused.value)
                assert said.startswith("the PostgreSQL server's disk is full ("), name
                assert said.endswith("); free some space on it"), name
            (disk / "filler").unlink()
            await store.record_vote("split", 1, "member", True)
            assert await store.claim_post(2, owed(2))
            assert [r.message_id for r in await store.pending_replies()] == [2]


async def test_a_postgres_server_whose_disk_is_full_at_start_says_so_to_be_retried(
    postgres_server: str,
) -> None:
    """A bot started on a server whose disk is full cannot make its tables: it is
    DatabaseUnavailable (exit 1, retried) in the words a full disk under a running bot is
    said in, not the driver's bare message; once there is room it starts."""
    from tests.postgres_server import database_on_small_disk

    with database_on_small_disk(postgres_server) as (url, disk):
        fill_up(disk)
        with pytest.raises(DatabaseUnavailable) as refused:
            await PostgresStore(url).open()
        said = str(refused.value)
        assert said.startswith(
            "cannot use the PostgreSQL database: the PostgreSQL server's disk is full ("
        ), said
        assert said.endswith("); free some space on it"), said
        (disk / "filler").unlink()
        async with PostgresStore(url) as store:
            assert await store.claim_post(1)


async def test_a_postgres_server_out_of_connections_under_a_running_bot_is_unavailable(
    postgres_server: str,
) -> None:
    """The server refusing the pool a new connection under a running bot (too many
    clients: the pool replaces a connection after a restart, or as it grows) was
    TooManyConnectionsError raised as it was, a traceback each retry pass, though the same
    refusal at start is said in a line and retried. It is DatabaseUnavailable saying what
    to do, and the store works once a connection is allowed."""
    from tests.postgres_server import create_database, run_sql

    role = name = f"limited_{os.getpid()}"  # (a superuser is let in past the limits)
    run_sql(postgres_server, f"CREATE ROLE {role} LOGIN")
    url = create_database(postgres_server, name).replace("postgres@", f"{role}@")
    run_sql(postgres_server, f"ALTER DATABASE {name} OWNER TO {role}")
    try:
        async with PostgresStore(url) as store:
            assert await store.claim_post(1)  # positive control: it writes
            run_sql(postgres_server, f"ALTER ROLE {role} CONNECTION LIMIT 0")
            await store._pool.expire_connections()  # (each replaced at its next use)
            with pytest.raises(DatabaseUnavailable) as refused:
                await store.claim_post(2)
            why = f'too many connections for role "{role}"'
            assert str(refused.value).startswith(
                f"the PostgreSQL server refuses more connections ({why}): "
            )
            assert "raise max_connections" in str(refused.value)
            run_sql(postgres_server, f"ALTER ROLE {role} CONNECTION LIMIT -1")
            assert await store.claim_post(2)
    finally:
        run_sql(postgres_server, f"DROP DATABASE {name} WITH (FORCE)")
        run_sql(postgres_server, f"DROP ROLE {role}")


async def test_a_postgres_server_that_accepts_no_writes_is_unavailable_till_it_does(
    postgres_server: str, postgres_url: str
) -> None:
    """A server that turned read-only under a running bot (default_transaction_read_only,
    as some hosts set it on a nearly full disk; a failover that left the URL's host a
    standby refuses the same way, SQLSTATE 25006): every write was the driver's error
    raised as it was, a traceback each retry pass. Each kind of write is
    DatabaseUnavailable saying the server accepts no writes and what to look at; reads go
    on, and writes work once it accepts them again."""
    from tests.postgres_server import run_sql

    name = postgres_url.partition("@/")[2].partition("?")[0]
    async with PostgresStore(postgres_url) as store:
        assert await store.claim_post(1)  # positive control: it writes
        run_sql(postgres_server, f"ALTER DATABASE {name} SET default_transaction_read_only = on")
        await store._pool.expire_connections()  # (each replaced at its next use)
        writes = {
            "one statement": lambda: store.record_vote("split", 1, "member", True),
            "a transaction": lambda: store.claim_post(2, owed(2)),
            "the retry queue's look": lambda: store.take_due_replies(1, 60),
        }
        for what, write in writes.items():
            with pytest.raises(DatabaseUnavailable) as refused:
                await write()
            said = str(refused.value)
            assert said.startswith("the PostgreSQL server accepts no writes (cannot execute "), what
            assert "point database.url at the primary" in said, what
        assert await store.pending_replies() == []  # (reads go on)
        run_sql(postgres_server, f"ALTER DATABASE {name} RESET default_transaction_read_only")
        await store._pool.expire_connections()
        assert await store.claim_post(2, owed(2))


async def test_a_postgres_password_kept_out_of_the_url_is_read_from_pgpassword_or_pgpass(
    postgres_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: the password need not sit in database.url (in the settings file, in plain
    text): on a server that asks for one, the store connects with it from PGPASSWORD in
    the environment or from the bot user's ~/.pgpass, as libpq does; with neither, the
    refusal says the password failed (a setting to fix, exit 2)."""
    from tests.postgres_server import run_sql, throwaway_server

    monkeypatch.delenv("PGPASSFILE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # (no ~/.pgpass yet)
    monkeypatch.setenv("PGPASSWORD", "superuser-pw")  # (psql's, for the setup)
    with throwaway_server(password="superuser-pw") as socket_folder:
        run_sql(socket_folder, "CREATE ROLE rollover LOGIN PASSWORD 'kept/out@here'")
        run_sql(socket_folder, "CREATE DATABASE rollover OWNER rollover")
        url = f"postgresql://rollover@/rollover?host={socket_folder}"
        monkeypatch.delenv("PGPASSWORD")
        with pytest.raises(StorageError, match="password authentication failed") as refused:
            await PostgresStore(url).open()
        assert not isinstance(refused.value, DatabaseUnavailable)
        monkeypatch.setenv("PGPASSWORD", "kept/out@here")
        async with PostgresStore(url) as store:
            assert await store.claim_post(1)
        monkeypatch.delenv("PGPASSWORD")
        pgpass = tmp_path / ".pgpass"
        pgpass.write_text("*:*:rollover:rollover:kept/out@here\n")
        pgpass.chmod(0o600)
        async with PostgresStore(url) as store:
            assert await store.claim_post(2)


def test_a_postgres_server_out_of_memory_is_unavailable_with_its_hint() -> None:
    """The server out of memory ("out of shared memory", its lock table full of another
    client's locks) passes, as a full disk does: DatabaseUnavailable naming the setting its
    hint names, not the driver's error as a fault. (Not made on a real server: filling its
    lock table takes thousands of tables.) Other errors are still raised as they are."""
    import asyncpg

    store = PostgresStore("postgresql://bot:hunter2@db.example/rollover")
    hint = "You might need to increase max_locks_per_transaction."
    fields = {"S": "ERROR", "C": "53200", "M": "out of shared memory", "H": hint}
    with pytest.raises(DatabaseUnavailable) as refused, store._reaching():
        raise asyncpg.OutOfMemoryError.new(fields)
    assert str(refused.value) == (
        f"the PostgreSQL server is out of memory (out of shared memory; {hint})"
    )
    with pytest.raises(asyncpg.ConfigurationLimitExceededError), store._reaching():
        raise asyncpg.ConfigurationLimitExceededError("temporary file size exceeds limit")


async def test_a_write_cancelled_at_its_begin_leaves_later_writes_working_and_kept(
    tmp_path: Path,
) -> None:
    """bot.close() cancels the retry loop, which may be inside a write: the next writes
    still start their own transaction, and what they record is committed, not rolled
    back at close with a transaction the cancelled task left open."""
    path = tmp_path / "bot.db"
    store = SqliteStore(path)
    await store.open()
    try:
        writing = asyncio.create_task(store.take_due_replies(1, 300))
        await asyncio.sleep(0)  # cancelled while its BEGIN is on the database thread
        writing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await writing
        assert await store.claim_post(1, owed(1, due_in=300))
        await store.record_served("three-buckets")
    finally:
        await store.close()
    async with SqliteStore(path) as again:
        assert not await again.claim_post(1)
        assert {s.entry_id: s.served for s in await again.stats()} == {"three-buckets": 1}


async def test_store_used_before_open_opens_itself(tmp_path: Path) -> None:
    lazy = SqliteStore(tmp_path / "lazy.db")
    try:
        assert await lazy.claim_post(1)
    finally:
        await lazy.close()


async def test_hostile_text_stored_and_read_back_verbatim(store: Store) -> None:
    for i, text in enumerate(HOSTILE_TEXTS):
        await store.record_question(question(text, days_ago=i / 1000))
        await store.record_served(text)  # ids and hashes are parameters too
        await store.record_vote(text, i, text, True)
    # PostgreSQL text cannot hold NUL: that store keeps U+FFFD in its place
    stored = (
        {pg_clean(t) for t in HOSTILE_TEXTS}
        if isinstance(store, PostgresStore)
        else set(HOSTILE_TEXTS)
    )
    examples = {g.example for g in await store.gaps(None, limit=100)}
    assert examples <= stored
    assert {r.entry_id for r in await store.stats()} == stored
    if isinstance(store, SqliteStore):
        assert [r[0] for r in raw(store.path, "SELECT text FROM questions ORDER BY id")] == (
            HOSTILE_TEXTS
        )


async def test_lone_surrogate_is_stored_not_fatal(tmp_path: Path) -> None:
    async with SqliteStore(tmp_path / "bot.db") as db:
        await db.record_question(question("bad \ud800 text"))
        [gap] = await db.gaps(None)
    assert gap.example == "bad ? text"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_round_trips(text: str) -> None:
    async def scenario(path: Path) -> list[tuple[object, ...]]:
        async with SqliteStore(path) as db:
            await db.record_question(question(text))
        return raw(path, "SELECT text FROM questions")

    with tempfile.TemporaryDirectory() as folder:
        assert asyncio.run(scenario(Path(folder) / "bot.db")) == [(text,)]


async def test_concurrent_writes_from_many_tasks(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    # Two stores on one file (two connections, like two processes) plus many tasks each.
    async with SqliteStore(path) as a, SqliteStore(path) as b:

        async def work(i: int) -> bool:
            target = a if i % 2 else b
            await target.record_question(question(f"question number {i}", best_id="x"))
            await target.record_served(f"entry-{i % 5}")
            await target.record_vote(f"entry-{i % 5}", i, f"user-{i}", i % 3 != 0)
            return await target.claim_post(i % 50)

        claims = await asyncio.gather(*(work(i) for i in range(200)))
        stats = await a.stats()
    assert claims.count(True) == 50
    assert raw(path, "SELECT COUNT(*) FROM questions") == [(200,)]
    assert sorted((r.entry_id, r.served) for r in stats) == [(f"entry-{k}", 40) for k in range(5)]
    assert sum(r.helpful + r.not_helpful for r in stats) == 200
    assert raw(path, "PRAGMA integrity_check") == [("ok",)]


# -- corrupt files ----------------------------------------------------------------------
def _real_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)")
        db.execute("CREATE INDEX ti ON t (x)")
        db.executemany("INSERT INTO t (x) VALUES (?)", [(f"row {i} " * 5,) for i in range(2000)])
    db.close()


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 200)


def _malformed(path: Path) -> None:
    _real_database(path)
    _overwrite(path, 4096 * 3, b"\xff" * 4096)  # SQLite refuses it: "disk image malformed"


def _fails_integrity_check(path: Path) -> None:
    _real_database(path)
    _overwrite(path, 4096 * 20 + 200, b"\x00" * 50)  # readable, but integrity_check fails


@pytest.mark.parametrize("damage", [_not_sqlite, _malformed, _fails_integrity_check])
async def test_corrupt_file_is_moved_aside_and_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "bot.db"
    damage(path)
    (tmp_path / "bot.db-wal").write_bytes(b"stale wal of the damaged file")
    damaged = path.read_bytes()

    with caplog.at_level(logging.WARNING, logger="bot.storage.sqlite"):
        async with SqliteStore(path) as db:
            assert await db.claim_post(1)
            await db.record_question(question("works again"))
            assert [g.example for g in await db.gaps(None)] == ["works again"]

    [aside] = [p for p in leftovers(tmp_path, "bot.db.corrupt-*") if not p.name.endswith("-wal")]
    if damage is _not_sqlite:  # SQLite never opened it: the bytes are exactly as they were
        assert aside.read_bytes() == damaged
    # The stale WAL went with the damaged file (SQLite may have consumed it while checking):
    # never replayed into the fresh database.
    wal_aside = aside.with_name(aside.name + "-wal")
    assert not wal_aside.exists() or wal_aside.read_bytes() == b"stale wal of the damaged file"
    assert any("corrupt" in r.getMessage() and aside.name in r.getMessage() for r in caplog.records)
    assert raw(path, "PRAGMA integrity_check") == [("ok",)]


async def test_second_corruption_gets_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    for _ in range(2):
        _not_sqlite(path)
        store = SqliteStore(path)
        await store.open()
        await store.close()
    assert len(leftovers(tmp_path, "bot.db.corrupt-*")) == 2


# -- killed mid-write -------------------------------------------------------------------
WRITER = """
import asyncio, datetime as dt, sys
from bot.storage import AskedQuestion, SqliteStore

async def main() -> None:
    store = SqliteStore(sys.argv[1])
    await store.open()
    i = 0
    while True:
        when = dt.datetime.now(dt.UTC)
        await store.record_question(AskedQuestion(f"question {i} " * 20, 1, None, 0.0, False, when))
        await store.claim_post(i)
        print(i, flush=True)  # both writes above are committed
        i += 1

asyncio.run(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_mid_write_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    last = -1
    deadline = time.monotonic() + 60
    try:
        assert proc.stdout is not None
        while last < 150:
            line = proc.stdout.readline()
            assert line, f"writer died early: {proc.stderr.read() if proc.stderr else ''}"
            last = int(line)
            assert time.monotonic() < deadline, "writer too slow"
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # mid-way through its next transaction
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    assert raw(path, "PRAGMA integrity_check") == [("ok",)]
    texts = {r[0] for r in raw(path, "SELECT text FROM questions")}
    assert all(f"question {i} " * 20 in texts for i in range(last + 1))
    claimed = {r[0] for r in raw(path, "SELECT thread_id FROM claimed_posts")}
    assert set(range(last + 1)) <= claimed

    async def reopen() -> bool:
        async with SqliteStore(path) as db:
            return await db.claim_post(last)

    assert asyncio.run(reopen()) is False
    assert leftovers(tmp_path) == []


# -- reports ----------------------------------------------------------------------------
GAP_QUESTIONS = [
    question("How do I roll over after-tax money to a Roth IRA?", days_ago=3, best_id="split"),
    question("how do i rollover after tax money to roth ira", days_ago=2, best_id="split"),
    question("How do I roll over my after-tax money to a Roth IRA??", days_ago=1, best_id="x"),
    question("what is the pro rata rule for a backdoor roth", days_ago=5, best_id="prorata"),
    question("What's the pro-rata rule for backdoor Roth?", days_ago=4, best_id="prorata"),
    question("roth", days_ago=0.5),
    question("How do I roll over after-tax money to a Roth IRA?", answered=True),
    question("can my cat file form 8606", days_ago=40, best_id="form8606", score=12),
]


async def test_gaps_group_near_duplicates(store: Store) -> None:
    for q in GAP_QUESTIONS:
        await store.record_question(q)
    groups = await store.gaps(None)
    assert [g.count for g in groups] == [3, 2, 1, 1]
    rollover, prorata = groups[0], groups[1]
    assert rollover.example == "How do I roll over my after-tax money to a Roth IRA??"
    assert rollover.best_id == "split"  # most of the group came closest to it
    assert rollover.last_seen == GAP_QUESTIONS[2].when
    assert prorata.best_id == "prorata"
    # "roth" is a subset of the others' words but far shorter: its own group.
    assert groups[2].example == "roth"

    recent = await store.gaps(30)
    assert [g.count for g in recent] == [3, 2, 1]
    assert all(g.example != "can my cat file form 8606" for g in recent)
    assert len(await store.gaps(None, limit=2)) == 2


def test_gap_grouping_is_deterministic_and_pure() -> None:
    assert group_gaps(GAP_QUESTIONS) == group_gaps(list(reversed(GAP_QUESTIONS)))
    assert group_gaps([]) == []


#: Questions with no word in them: punctuation, an ellipsis, an emoji.
WORDLESS = ["???", "!!!", "\u2026", "...", "\U0001f914"]


async def test_wordless_questions_are_no_gaps_and_one_item_in_the_review_queue(
    store: Store,
) -> None:
    """ "???" or "..." is no question a FAQ entry could answer: each made a group of its
    own at the top of the gaps (five posts of "???" pushed five real gaps off the list),
    and an item of its own in the review queue, to be dismissed one by one."""
    for n, text in enumerate(WORDLESS):
        await store.record_question(question(text, days_ago=n / 10))
    for q in GAP_QUESTIONS:
        await store.record_question(q)
    groups = await store.gaps(None)
    assert [g.count for g in groups] == [3, 2, 1, 1]  # as without them
    assert not set(WORDLESS) & {g.example for g in groups}
    queue = await store.review_queue()
    wordless = [i for i in queue if i.example in WORDLESS]
    assert [(i.count, i.example) for i in wordless] == [(len(WORDLESS), "???")]  # the newest
    # positive control: the real unanswered questions' groups are there, as in the gaps
    assert sum(i.kind == "unanswered" for i in queue) == 1 + 4


async def test_stats_worst_first(store: Store) -> None:
    plan = {  # entry: (served, helpful votes, not helpful votes)
        "a": (10, 1, 3),
        "b": (5, 1, 1),
        "c": (20, 1, 3),
        "d": (50, 0, 0),
        "e": (1, 0, 0),
        "f": (0, 0, 2),  # voted on, never counted as served
        "g": (3, 0, 1),  # one bad vote...
        "h": (60, 10, 40),  # ...is less telling than forty of fifty
    }
    for entry, (served, up, down) in plan.items():
        for _ in range(served):
            await store.record_served(entry)
        for k in range(up + down):
            await store.record_vote(entry, 1, f"user-{k}", k < up)
    rows = await store.stats()
    # rated by helpful votes shrunk towards one half; ties by times served
    assert [r.entry_id for r in rows] == ["h", "f", "c", "a", "g", "d", "b", "e"]
    c = rows[2]
    assert (c.served, c.helpful, c.not_helpful, c.helpful_ratio) == (20, 1, 3, 0.25)
    assert rows[-1].helpful_ratio is None


async def test_memory_and_sqlite_agree(tmp_path: Path) -> None:
    memory = MemoryStore()
    async with SqliteStore(tmp_path / "bot.db") as sqlite_store:
        for target in (memory, sqlite_store):
            for q in GAP_QUESTIONS:
                await target.record_question(q)
            for i, entry in enumerate(["split", "split", "prorata", "x"]):
                await target.record_served(entry)
                await target.record_vote(entry, i, "u", i % 2 == 0)
            await target.purge(30)
        assert await memory.gaps(None) == await sqlite_store.gaps(None)
        assert await memory.gaps(2) == await sqlite_store.gaps(2)
        assert await memory.stats() == await sqlite_store.stats()


# -- command line -----------------------------------------------------------------------
def populate(path: Path) -> None:
    async def fill() -> None:
        async with SqliteStore(path) as db:
            for q in GAP_QUESTIONS:
                await db.record_question(q)
            for entry in ["split", "split", "prorata"]:
                await db.record_served(entry)
            await db.record_vote("split", 1, "u1", True)
            await db.record_vote("split", 1, "u2", False)
            await db.record_vote("split", 2, "u1", False)

    asyncio.run(fill())


def small_faq(folder: Path, **aliases: list[str]) -> Path:
    """A FAQ of a zebra-funds entry (which answers none of GAP_QUESTIONS) and an entry per
    keyword, of those aliases."""
    from tests.faq_factory import write_entry

    write_entry(folder, "zebra-funds")
    for entry_id, phrasings in aliases.items():
        write_entry(folder, entry_id, aliases=phrasings)
    return folder


def one_question_stored(path: Path, text: str) -> None:
    """A database holding one unanswered question, asked a day ago."""

    async def fill() -> None:
        async with SqliteStore(path) as db:
            await db.record_question(question(text, days_ago=1))

    asyncio.run(fill())


def test_cli_gaps_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bot.db"
    populate(path)
    faq = ["--faq-dir", str(small_faq(tmp_path / "faq"))]
    assert main(["faq", "gaps", "--db", str(path), *faq]) == 0
    out = capsys.readouterr().out
    assert "COUNT" in out and "EXAMPLE" in out
    assert "    3  " in out and "split (20)" in out
    assert "How do I roll over my after-tax money to a Roth IRA??" in out

    assert (
        main(["faq", "gaps", "--db", str(path), *faq, "--days", "30", "--limit", "2", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["found"] is True and data["days"] == 30
    assert [g["count"] for g in data["groups"]] == [3, 2]
    assert set(data["groups"][0]) == {"count", "example", "best_id", "best_score", "last_seen"}
    assert dt.datetime.fromisoformat(data["groups"][0]["last_seen"]).tzinfo is not None


def test_cli_gaps_and_review_leave_out_rows_edited_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite keeps any value in any column: a file edited by hand, with a date that is no
    date, a score in words or a question stored as bytes, stopped `faq gaps` and `faq
    review` (and /faq-admin's) with a traceback. Those rows are left out, said once, and
    the rest is reported."""
    path = tmp_path / "bot.db"
    populate(path)
    faq = ["--faq-dir", str(small_faq(tmp_path / "faq"))]
    assert main(["faq", "gaps", "--db", str(path), *faq, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)["groups"]
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        ids = [row[0] for row in db.execute("SELECT id FROM questions ORDER BY id")]
        assert len(ids) > 3
        db.execute("UPDATE questions SET asked_at = 'not a date' WHERE id = ?", (ids[0],))
        db.execute("UPDATE questions SET best_score = 'high' WHERE id = ?", (ids[1],))
        db.execute("UPDATE questions SET text = x'00ff' WHERE id = ?", (ids[2],))
    for command in (["gaps"], ["gaps", "--json"], ["review"], ["review", "--json"]):
        caplog.clear()
        assert main(["faq", *command, "--db", str(path), *faq]) == 0, command
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        # (said as a `warning:` line where pytest does not capture the log)
        said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert "3 stored questions in the database left out" in " ".join(said), said
        if command == ["gaps", "--json"]:
            after = json.loads(out)["groups"]
            assert 0 < sum(g["count"] for g in after) == sum(g["count"] for g in before) - 3


async def test_owed_replies_edited_by_hand_are_left_out_not_a_stop(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An owed reply's row edited by hand (a question stored as bytes, a message id that
    is no number) stopped every reader of the retry queue: each pass of the retry loop ended in a
    traceback, and expired replies were deleted without being reported. Such rows are left
    out with a warning; the readable ones are taken, expired and reported as ever, and a
    time written without a zone is read as UTC."""
    path = tmp_path / "bot.db"
    async with SqliteStore(path) as store:
        for n in (1, 2, 3, 4):  # the lower, the longer owed: taken first
            created = utc_now() - dt.timedelta(hours=5 - n)
            await store.queue_reply(owed(n, question=f"q{n}", created=created))
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE pending_replies SET question = x'00ff' WHERE message_id = 1")
        db.execute("UPDATE pending_replies SET message_id = 'x7' WHERE message_id = 3")
        db.execute("UPDATE pending_replies SET due_at = '2020-01-01 00:00' WHERE message_id = 4")
    async with SqliteStore(path) as store:
        caplog.clear()
        owed_now = await store.pending_replies()
        assert sorted(r.message_id for r in owed_now) == [2, 4]
        assert next(r for r in owed_now if r.message_id == 4).due == dt.datetime(
            2020, 1, 1, tzinfo=dt.UTC
        )
        said = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
        assert "2 owed answers in the database left out" in said
        # the unreadable oldest is leased too (else it came first every time): 2 follows
        assert await store.take_due_replies(1, 60) == []
        [taken] = await store.take_due_replies(1, 60)
        assert taken.message_id == 2
        # 3 and 4 expire (1 and 2 are leased): 4 is reported, both are gone
        [gone] = await store.expire_replies(max_age_seconds=1800)
        assert (gone.message_id, gone.question) == (4, "q4")
        assert [r.message_id for r in await store.pending_replies()] == [2]


async def test_taught_examples_edited_by_hand_are_left_out_not_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A taught example's row edited by hand (a time that is no time) is left out of the
    review queue and of the taught examples read back, with a warning; the others are
    read as ever (the taught examples read back failed with a traceback)."""
    path = tmp_path / "bot.db"
    now = utc_now()
    async with SqliteStore(path) as store:
        for n, text in enumerate(["is ATS prorated?", "which IRA gets the earnings?"], 1):
            await store.record_taught(TaughtExample(text, "pro-rata", n, "h", now))
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE taught SET taught_at = 'not a date' WHERE message_id = 1")
    async with SqliteStore(path) as store:
        caplog.clear()
        assert [t.text for t in await store.taught()] == ["which IRA gets the earnings?"]
        examples = {item.example for item in await store.review_queue()}
        assert examples == {"which IRA gets the earnings?"}
        said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        left_out = (
            "1 taught example in the database left out: not as the bot writes them (edited by "
            "hand?)"
        )
        assert said == [left_out, left_out], said  # (once for each reading)


async def test_rows_left_out_do_not_end_the_review_queues_reading_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review queue reads stored questions a page at a time, and a short page meant
    the last one. A page short of the rows left out as unreadable ended the reading there,
    and the older questions never reached the queue."""
    import bot.storage.reports

    monkeypatch.setattr(bot.storage.reports, "REVIEW_WINDOW", 4)  # (pages of 8)
    words = "zebra yacht walrus violin umbrella tulip saddle quartz pepper oyster".split()
    path = tmp_path / "bot.db"
    async with SqliteStore(path) as db:
        for n, word in enumerate(words):
            await db.record_question(question(f"what about the {word}?", days_ago=n))
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        newest = [r[0] for r in raw.execute("SELECT id FROM questions ORDER BY asked_at DESC")]
        for row in newest[:5]:  # (of the first page of 8: three readable)
            raw.execute("UPDATE questions SET best_score = 'high' WHERE id = ?", (row,))
    async with SqliteStore(path) as db:
        queue = await db.review_queue()
    assert sum(item.count for item in queue) == len(words) - 5  # (all readable ones)


def test_cli_gaps_and_review_leave_out_what_the_faq_answers_now(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As Discord's /faq-admin gaps and review do: a question the FAQ answers now (an alias
    added since) is no gap. --limit counts what is left. With no FAQ to ask, every stored
    question is listed, and a warning says so; a mistyped --faq-dir is an error."""
    path = tmp_path / "bot.db"
    populate(path)
    rollover = "How do I roll over my after-tax money to a Roth IRA??"
    faq = small_faq(tmp_path / "faq", split=["how do I roll over my after-tax money to a Roth IRA"])
    args = ["faq", "gaps", "--db", str(path), "--faq-dir", str(faq), "--json"]
    assert main([*args, "--limit", "1"]) == 0
    [first] = json.loads(capsys.readouterr().out)["groups"]
    assert first["example"] == "What's the pro-rata rule for backdoor Roth?"
    assert main(args) == 0
    listed = [g["example"] for g in json.loads(capsys.readouterr().out)["groups"]]
    assert rollover not in listed and len(listed) == 3
    # the review queue leaves out the same question, and keeps what the FAQ answered unsure
    assert main(["faq", "review", "--db", str(path), "--faq-dir", str(faq), "--json"]) == 0
    items = [(i["kind"], i["example"]) for i in json.loads(capsys.readouterr().out)["items"]]
    assert ("unanswered", rollover) not in items and len(items) == 4
    assert items[0] == ("shaky", "How do I roll over after-tax money to a Roth IRA?")
    # a broken FAQ never loaded whole: nothing to ask, so every question, with a warning
    broken = small_faq(tmp_path / "broken")
    (broken / "zebra-funds.md").write_text("---\nid: [\n---\n")
    args = ["faq", "gaps", "--db", str(path), "--faq-dir", str(broken), "--json"]
    assert main([*args, "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert [g["count"] for g in json.loads(captured.out)["groups"]] == [3, 2]
    assert captured.err == (
        f"warning: the FAQ in {broken} has 1 problem: {broken / 'zebra-funds.md'}:3: invalid "
        "YAML: did not find expected node content; run 'rollover-bot faq validate "
        f"--faq-dir {broken}' to check it again; listing every stored question, also any "
        "the FAQ answers now\n"
    )
    # broken after a complete load: its last complete version is asked, as the bot does
    (faq / "zebra-funds.md").write_text("---\nid: [\n---\n")
    assert main(["faq", "gaps", "--db", str(path), "--faq-dir", str(faq), "--json"]) == 0
    captured = capsys.readouterr()
    assert rollover not in captured.out
    assert captured.err.startswith(f"warning: the FAQ in {faq} has 1 problem")
    assert "answering from its last complete version" in captured.err
    # a mistyped --faq-dir is an error, with or without a database yet
    for command in ("gaps", "review"):
        for db in (path, tmp_path / "none-yet.db"):
            nope = ["--faq-dir", str(tmp_path / "nope")]
            assert main(["faq", command, "--db", str(db), *nope]) == 2, command
            assert "does not exist or is not a folder" in capsys.readouterr().err


def test_cli_gaps_and_review_leave_out_a_question_filed_off_topic_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`faq review` ends with "or add the question to ... _off-topic.yaml": done, the
    question stayed in the review queue and topped the gaps as before (unanswered, as an
    off-topic question should be), where one added to an entry's file leaves both. Filed
    off-topic word for word (case and end punctuation aside), it now leaves both too."""
    path = tmp_path / "bot.db"
    populate(path)
    faq = small_faq(tmp_path / "faq")
    (faq / "examples").mkdir()
    off_topic = faq / "examples" / "_off-topic.yaml"
    off_topic.write_text("- text: What is the best zebra to ride to work?\n")
    filed = "can my cat file form 8606"
    for command, key in (("gaps", "groups"), ("review", "items")):
        args = ["faq", command, "--db", str(path), "--faq-dir", str(faq), "--json"]
        assert main(args) == 0
        listed = [i["example"] for i in json.loads(capsys.readouterr().out)[key]]
        assert filed in listed, command  # positive control: waiting
        off_topic.write_text(f"{off_topic.read_text()}- text: Can my cat file Form 8606?\n")
        assert main(args) == 0
        left = [i["example"] for i in json.loads(capsys.readouterr().out)[key]]
        assert left == [i for i in listed if i != filed], command
        off_topic.write_text("- text: What is the best zebra to ride to work?\n")


def test_cli_review_leaves_out_items_decided_in_the_examples_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Filed by hand as `faq review` says, an unsure answer, a member's pointer and a missed
    answer stayed in the queue (and the digest's count) for good: only an unanswered
    question left it, by being answered now. Each leaves once its question is an example
    word for word, unless that example may be what the item is about: a miss of the entry
    the example names (a member rejected what the example teaches), a pointer to another
    entry than the example's (a helper disagreed with it)."""
    path = tmp_path / "bot.db"
    faq = small_faq(tmp_path / "faq", split=["split basis"], prorata=["pro rata"])
    unsure = "is ATS prorated?"
    pointed = "what is a spillover bucket?"
    rejected = "does the pro rata rule apply to me"
    repointed = "can I split my basis and earnings"
    pointed_elsewhere = "is my basis prorated"

    async def fill() -> None:
        async with SqliteStore(path) as db:
            await db.record_question(question(unsure, answered=True, best_id="prorata"))
            for text in (rejected, repointed):
                miss = replace(question(text, best_id="prorata"), kind="miss")
                await db.record_question(miss)
            for n, text in enumerate((pointed, pointed_elsewhere)):
                await db.record_taught(TaughtExample(text, "split", n, "h", NOW))

    asyncio.run(fill())
    args = ["faq", "review", "--db", str(path), "--faq-dir", str(faq), "--json"]
    assert main(args) == 0
    everything = {i["example"] for i in json.loads(capsys.readouterr().out)["items"]}
    assert everything == {unsure, pointed, rejected, repointed, pointed_elsewhere}
    (faq / "examples").mkdir()
    (faq / "examples" / "prorata.yaml").write_text(
        f"- text: Is ATS prorated\n- text: {rejected}\n- text: {pointed_elsewhere}\n"
    )
    (faq / "examples" / "split.yaml").write_text(f"- text: {pointed}\n- text: {repointed}?\n")
    assert main(args) == 0
    left = {i["example"] for i in json.loads(capsys.readouterr().out)["items"]}
    assert left == {rejected, pointed_elsewhere}


def test_cli_gaps_and_review_say_when_more_wait_than_the_limit_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tables stop at --limit (50 items, 10 groups by default) and said nothing of the
    rest: a moderator read a full table as the whole queue, while Discord's review counted
    more. A line now says more wait; a question the FAQ answers now is none of them."""
    path = tmp_path / "bot.db"
    populate(path)
    faq = small_faq(tmp_path / "faq", split=["how do I roll over my after-tax money to a Roth IRA"])
    base = ["--db", str(path), "--faq-dir", str(faq)]
    for command, open_now, what in (("gaps", 3, "groups"), ("review", 4, "items")):
        assert main(["faq", command, *base, "--limit", str(open_now - 1)]) == 0
        *table, more, _ = capsys.readouterr().out.splitlines()
        assert len(table) == 2 + open_now - 1, table  # (a heading and the columns' names)
        assert more == f"More {what} wait than these {open_now - 1}: '--limit N' lists N."
        # all open ones shown: the one the FAQ answers now is not counted as waiting
        assert main(["faq", command, *base, "--limit", str(open_now)]) == 0
        out = capsys.readouterr().out
        assert len(out.splitlines()) == 2 + open_now + 1 and "wait than" not in out, command


def test_cli_reports_take_a_limit_of_any_size_as_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script asking for everything with a huge --limit (20 digits) got a traceback
    (exit 1) once the FAQ was asked which questions it answers now; it lists them all."""
    path = tmp_path / "bot.db"
    populate(path)
    faq = ["--faq-dir", str(small_faq(tmp_path / "faq"))]
    for command, key in (("gaps", "groups"), ("review", "items")):
        base = ["faq", command, "--db", str(path), *faq, "--json"]
        assert main([*base, "--limit", "1000"]) == 0
        every = json.loads(capsys.readouterr().out)[key]
        assert main([*base, "--limit", "1" + "0" * 20]) == 0, command
        captured = capsys.readouterr()
        assert json.loads(captured.out)[key] == every and "Traceback" not in captured.err


def test_cli_reports_escape_control_characters_from_discord(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A post's text reaches the moderator's terminal: an escape sequence or a right-to-left
    override in it is shown escaped, not obeyed."""
    path = tmp_path / "bot.db"
    hostile = "clear \x1b[2J\x1b[31mred\x1b[0m nul\x00 flip\u202eevil"
    one_question_stored(path, hostile)
    for command in ("gaps", "review"):
        assert main(["faq", command, "--db", str(path)]) == 0
        out = capsys.readouterr().out
        assert "\\x1b[2J" in out and "\\u202e" in out, command
        assert not any(ch in out for ch in "\x1b\x00\u202e"), command
    from bot.cli.faq import one_line

    # cut between characters, never inside an escape; a typed backslash shows as two
    assert one_line("a" * 69 + "\u202e" + "bbb", 72) == "a" * 69 + "…"
    assert one_line("typed \\x1b, real \x1b", 80) == "typed \\\\x1b, real \\x1b"


def test_cli_reports_json_shows_members_words_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reports' --json reads like ask's and faq's: on a UTF-8 output a member's accented or
    non-Latin words are themselves, not \\u escapes (the same JSON either way)."""
    path = tmp_path / "bot.db"
    words = "Caf\u00e9 owner: r\u00e9partition of after-tax money \u2014 \u5408\u6cd5?"
    one_question_stored(path, words)
    for command in ("gaps", "review"):
        assert main(["faq", command, "--db", str(path), "--json"]) == 0
        out = capsys.readouterr().out
        assert words in out and "\\u00e9" not in out, command
        assert words in json.dumps(json.loads(out), ensure_ascii=False), command


def test_cli_stats_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bot.db"
    populate(path)

    async def serve_a_real_entry() -> None:
        async with SqliteStore(path) as db:
            await db.record_served("three-buckets")

    asyncio.run(serve_a_real_entry())
    assert main(["faq", "stats", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == [
        "ENTRY", "SERVED", "HELPFUL", "NOT", "HELPFUL", "NOT", "WHAT", "ASKED", "REPOINTED",
        "RATING",
    ]  # fmt: skip
    # (the column named as the askers' button: "NOT ASKED" read as "never asked")
    assert "NOT WHAT ASKED: askers' 'Not what I asked' clicks." in lines[-1]
    assert lines[2].split() == ["split", "2", "1", "2", "0", "0", "43%"]
    assert lines[3].split() == ["prorata", "1", "0", "0", "0", "0", "50%"]
    # titles, not ids, where the FAQ has the entry
    assert lines[4].startswith("Pretax vs Roth vs after-tax contributions")

    assert main(["faq", "stats", "--db", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entries"][0] == {
        "entry_id": "split",
        "title": None,
        "served": 2,
        "helpful": 1,
        "not_helpful": 2,
        "helpful_ratio": "0.333",
        "not_what_i_asked": 0,
        "repointed": 0,
        "rating": "0.429",
    }
    assert data["entries"][1]["helpful_ratio"] is None
    # every entry of the FAQ, also those nobody was given yet (zeros, an even rating)
    from knowledge.loader import DEFAULT_FAQ_DIR, scan_folder

    shipped = {e.id for e in scan_folder(DEFAULT_FAQ_DIR).entries}
    unserved = [e for e in data["entries"] if e["entry_id"] in shipped and e["served"] == 0]
    assert {e["entry_id"] for e in data["entries"]} >= shipped
    assert len(unserved) == len(shipped) - 1  # three-buckets was served
    assert all(e["rating"] == "0.500" and e["title"] for e in unserved)
    # a broken entry file: its row loses its title, and stderr says why (it read as an
    # entry taken out of the FAQ)
    import shutil

    broken = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, broken)
    (broken / "three-buckets.md").write_text("---\nid: [\n---\n")
    assert main(["faq", "stats", "--db", str(path), "--faq-dir", str(broken)]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        f"warning: the FAQ in {broken} has 1 problem; an entry whose file is broken is listed "
        f"by its id, without a title (run 'rollover-bot faq validate --faq-dir {broken}')\n"
    )
    assert any(line.split()[0] == "three-buckets" for line in captured.out.splitlines()[2:])
    # a mistyped --faq-dir is an error, not a report whose every title is gone (with or
    # without a database yet)
    for db in (path, tmp_path / "none-yet.db"):
        assert main(["faq", "stats", "--db", str(db), "--faq-dir", str(tmp_path / "nope")]) == 2
        assert "does not exist or is not a folder" in capsys.readouterr().err


def test_cli_reads_database_path_from_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-settings.db"
    populate(path)
    monkeypatch.setenv("ROLLOVER_DATABASE__PATH", str(path))
    assert main(["faq", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == str(path)


def test_cli_reports_read_postgres_when_the_bot_uses_it(
    postgres_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Several processes write one PostgreSQL database: the reports read it whole."""

    async def two_processes_record() -> None:
        async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
            await one.record_served("split")
            await two.record_served("split")
            await two.record_vote("split", 1, "alice", True)
            await one.record_question(AskedQuestion("a gap?", None, None, 0.0, False, NOW))

    asyncio.run(two_processes_record())
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", postgres_url)
    assert main(["faq", "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["database"] == postgres_url and data["found"]
    served = [(e["entry_id"], e["served"], e["helpful"]) for e in data["entries"] if e["served"]]
    assert served == [("split", 2, 1)]
    assert main(["faq", "gaps", "--json"]) == 0
    assert [g["example"] for g in json.loads(capsys.readouterr().out)["groups"]] == ["a gap?"]


def test_cli_reports_read_a_postgres_url_given_as_db(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--db postgresql://...` reads that database, as database.url would; it was taken
    for a file path and said to be missing, its password printed."""

    async def record() -> None:
        async with PostgresStore(postgres_url) as store:
            await store.record_served("split")
            await store.record_question(AskedQuestion("a gap?", None, None, 0.0, False, NOW))

    asyncio.run(record())
    assert main(["faq", "stats", "--json", "--db", postgres_url]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["database"] == postgres_url and data["found"]
    assert [e["served"] for e in data["entries"] if e["entry_id"] == "split"] == [1]
    for command in ("gaps", "review"):
        assert main(["faq", command, "--db", postgres_url]) == 0
        assert "a gap?" in capsys.readouterr().out, command
    # a password is never shown, whatever becomes of the URL
    secret = "postgresql://moderator:s3cret@127.0.0.1:1/rollover"
    for command in ("gaps", "stats", "review"):
        assert main(["faq", command, "--db", secret]) != 0
        captured = capsys.readouterr()
        assert "s3cret" not in captured.out + captured.err, command
        assert captured.err.startswith(
            "error: cannot read the database postgresql://moderator:***@"
        )


def test_cli_reports_on_an_unreachable_database_exit_1_not_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that is down is a failure outside the input (exit 1, cli.md), not a
    mistyped option (2): a script retries the one and fixes the other."""
    down = f"postgresql://postgres@/rollover?host={tmp_path}"  # (no server on that socket)
    assert main(["faq", "gaps", "--db", down]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot read the database") and err.count("\n") == 1
    assert "cannot use the PostgreSQL database" in err
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", down)
    for command in ("gaps", "stats", "review"):
        assert main(["faq", command]) == 1, command
        assert capsys.readouterr().err.startswith("error: cannot read the database")
    # what the command was given is still the input's fault
    assert main(["faq", "gaps", "--db", "postgresql://u:p@db.example:port/x"]) == 2
    assert "malformed" in capsys.readouterr().err
    # an '@' in the password not percent-encoded: the host read as "ss@db.example" failed
    # to resolve, "Name or service not known", exit 1, retried for ever by a supervisor
    assert main(["faq", "gaps", "--db", "postgresql://u:p@ss@db.example/x"]) == 2
    err = capsys.readouterr().err
    assert "malformed" in err and "'@' as %40" in err and "p@ss" not in err
    # a '?' in the password (README: percent-encode it as %3F) went untold: the message
    # named the other three only
    assert main(["faq", "gaps", "--db", "postgresql://u:p?ss@db.example/x"]) == 2
    err = capsys.readouterr().err
    assert "malformed" in err and "'?' as %3F" in err and "p?ss" not in err
    assert main(["faq", "gaps", "--db", str(tmp_path)]) == 2  # (a folder)
    assert "cannot read the database" in capsys.readouterr().err


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+asyncpg://bot:s3cret@db.example/rollover",  # (SQLAlchemy's spelling)
        "POSTGRESQL://bot:s3cret@db.example/rollover",
        "sqlite:///data/rollover-bot.db",
        "mysql://bot:s3cret@db.example/rollover",
    ],
)
def test_cli_reports_refuse_a_db_url_they_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    """A URL that is not postgresql:// was taken for a file path ('postgresql+asyncpg:/bot:
    s3cret@...'): 'no data yet', exit 0, a script told there was nothing to review, and the
    password printed. It is refused, without the password, as database.url refuses it."""
    for command in ("gaps", "review", "stats"):
        assert main(["faq", command, "--json", "--db", url]) == 2, command
        captured = capsys.readouterr()
        assert captured.out == "" and "s3cret" not in captured.err, command
        assert captured.err.startswith("error: argument --db: ") and "postgresql://" in (
            captured.err
        )
        assert captured.err.count("\n") == 1, captured.err


@pytest.mark.parametrize("made", ["another program's", "empty"])
def test_cli_reports_refuse_a_sqlite_file_without_the_bots_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], made: str
) -> None:
    """A mistyped --db naming another program's SQLite file, or an empty file, was read as
    the bot's with nothing in it: "Nothing to review", exit 0 ("found": true in JSON), all
    clear to a moderator. It is refused as PostgreSQL's reports refuse such a database."""
    path = tmp_path / "other.db"
    if made == "empty":
        path.write_bytes(b"")
    else:
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (text TEXT)")
    before = path.read_bytes()
    for report in ("review", "gaps", "stats"):
        assert main(["faq", report, "--db", str(path)]) == 2, report
        said = capsys.readouterr().err
        assert said.startswith("error:") and "no Rollover Bot tables" in said, said
    assert path.read_bytes() == before  # (read, never made into the bot's)


def test_cli_reports_never_create_or_upgrade_a_postgres_schema(
    postgres_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reports upgraded an older schema under the bot processes still running on it,
    and made every table in an empty database (a mistyped URL) to say "no questions"."""
    import asyncpg

    async def tables() -> list[str]:
        db = await asyncpg.connect(postgres_url)
        try:
            rows = await db.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            return sorted(r[0] for r in rows)
        finally:
            await db.close()

    monkeypatch.setenv("ROLLOVER_DATABASE__URL", postgres_url)
    assert main(["faq", "gaps"]) != 0
    said = capsys.readouterr().err
    assert said.startswith("error:") and "no Rollover Bot tables" in said
    assert asyncio.run(tables()) == []

    async def an_older_bot_ran() -> None:
        async with PostgresStore(postgres_url) as store:
            await store.record_question(AskedQuestion("a gap?", None, None, 0.0, False, NOW))
            pool = await store._pool_ready()
            await pool.execute("DELETE FROM schema_version WHERE version = $1", CURRENT_PG)

    asyncio.run(an_older_bot_ran())
    assert main(["faq", "gaps", "--json"]) == 0
    assert [g["example"] for g in json.loads(capsys.readouterr().out)["groups"]] == ["a gap?"]

    async def version() -> int:
        db = await asyncpg.connect(postgres_url)
        try:
            return await db.fetchval("SELECT MAX(version) FROM schema_version")
        finally:
            await db.close()

    assert asyncio.run(version()) == CURRENT_PG - 1  # read as it was: not upgraded


def test_a_database_url_is_shown_without_its_password() -> None:
    from bot.cli.faq import label

    assert label("postgresql://bot:s3cret@db.example:5432/rollover") == (
        "postgresql://bot:***@db.example:5432/rollover"
    )
    assert (
        label("postgresql://bot@/rollover?host=/run/pg")
        == "postgresql://bot@/rollover?host=/run/pg"
    )
    # A password not percent-encoded: a URL parser's host part ends at its "/", "#" or "?".
    for password in ("se/cret", "pa#ss", "pa?ss", "p@ss"):
        shown = label(f"postgresql://bot:{password}@db.example/rollover")
        assert shown == "postgresql://bot:***@db.example/rollover", shown
    # an "@" in the query is not the password's end: the host and database stay shown
    assert (
        label("postgresql://bot:pw@db.example/rollover?application_name=a@b")
        == "postgresql://bot:***@db.example/rollover?application_name=a@b"
    )


def test_a_password_given_in_the_urls_query_is_never_shown(
    postgres_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq's URL also takes the password as a parameter ('...?password=...', the form a
    password full of '@', '/' and '#' is often given in): the reports printed it in full,
    in their heading and --json's "database", on every run, and in their errors."""
    url = f"{postgres_url}&password=s3cret"  # (the test server trusts its socket)

    async def made() -> None:
        async with PostgresStore(url) as store:  # (a report with nothing names no database)
            await store.record_served("split")
            await store.record_question(AskedQuestion("a gap?", None, None, 0.0, False, NOW))

    asyncio.run(made())
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", url)
    for command in ("gaps", "stats", "review"):
        for json_flag in ([], ["--json"]):
            assert main(["faq", command, *json_flag]) == 0, command
            out = capsys.readouterr().out
            assert "s3cret" not in out and "password=***" in out, (command, out)
    assert main(["faq", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == f"{postgres_url}&password=***"
    for down in (
        "postgresql://moderator@127.0.0.1:1/rollover?password=s3cret",
        "postgresql://127.0.0.1:1/rollover?user=moderator&password=s3cret&sslmode=bogus",
    ):
        assert main(["faq", "gaps", "--db", down]) != 0
        captured = capsys.readouterr()
        assert "s3cret" not in captured.out + captured.err, down
        assert captured.err.startswith("error: cannot read the database"), captured.err


def test_a_wrong_database_or_role_is_input_to_fix_not_a_server_down(
    postgres_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The server answered, so exit 2 (fix the settings) and not 1 (try again later),
    which a supervisor would retry forever."""
    for url, said in [
        (f"postgresql://postgres@/nosuchdb?host={postgres_server}", '"nosuchdb" does not exist'),
        (f"postgresql://nosuchrole@/postgres?host={postgres_server}", '"nosuchrole" does not'),
    ]:
        assert main(["faq", "gaps", "--db", url]) == 2, url
        err = capsys.readouterr().err
        assert err.startswith("error: cannot read the database") and said in err, err


def test_a_role_that_may_read_some_tables_only_is_one_error_line(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reports role granted some of the tables: one it may not read crashed the report
    with asyncpg's traceback ('unexpected internal fault', exit 1). It is a grant to fix,
    as a role that may read none of them is: one line, exit 2."""
    import asyncpg

    role = "reports_" + postgres_url.split("/")[3].split("?")[0]  # (roles are server-wide)

    async def a_reader_of_some_tables() -> str:
        async with PostgresStore(postgres_url) as store:
            await store.record_question(question("a gap?"))
        db = await asyncpg.connect(postgres_url)
        try:
            await db.execute(f"CREATE ROLE {role} LOGIN")
            await db.execute(f"GRANT SELECT ON schema_version, served, votes TO {role}")
        finally:
            await db.close()
        return postgres_url.replace("postgres@", f"{role}@", 1)

    url = asyncio.run(a_reader_of_some_tables())
    # (The set-up's own log lines are no part of what the command says: an earlier test in
    # this process that ran the bot leaves discord.py's stderr handler on, at INFO.)
    capsys.readouterr()
    for command, table in [("gaps", "questions"), ("review", "reviewed"), ("stats", "feedback")]:
        assert main(["faq", command, "--db", url]) == 2, command
        err = capsys.readouterr().err
        assert (
            err == f"error: cannot read the database {url}: permission denied for table {table}\n"
        )


def test_cli_review_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bot.db"
    populate(path)

    async def more() -> None:
        async with SqliteStore(path) as db:
            taught = TaughtExample("what is a spillover bucket?", "split", 9, "h", NOW)
            await db.record_taught(taught)
            await db.record_question(
                question("is ATS prorated?", answered=True, best_id="prorata", score=80)
            )

    asyncio.run(more())
    assert main(["faq", "review", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "WHAT" in lines[1] and "QUESTION" in lines[1]
    assert lines[2].startswith("answered, unsure")  # worst first
    assert any("prorata" in line and "is ATS prorated?" in line for line in lines)
    assert "pointed by a member" in lines[-2] and "spillover" in lines[-2]
    assert main(["faq", "review", "--db", str(path), "--json"]) == 0
    kinds = [i["kind"] for i in json.loads(capsys.readouterr().out)["items"]]
    assert kinds[0] == "shaky" and kinds[-1] == "taught" and "unanswered" in kinds
    assert main(["faq", "review", "--db", str(path), "--json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) == 2
    assert set(data["items"][0]) == {
        "kind", "example", "count", "entry_id", "score", "last_seen"
    }  # fmt: skip


@pytest.mark.parametrize("command", ["gaps", "stats", "review"])
def test_cli_missing_database_says_no_data_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "nothing-here.db"
    assert main(["faq", command, "--db", str(path)]) == 0
    captured = capsys.readouterr()
    assert "no data yet" in captured.out and "Traceback" not in captured.err
    assert main(["faq", command, "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["found"] is False
    assert not path.exists()  # reading reports never creates the database


@pytest.mark.parametrize("command", ["gaps", "stats", "review"])
def test_cli_reports_name_the_database_whole_run_from_another_folder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """database.path's default, data/rollover-bot.db, is read from the folder a command
    runs in. An operator running a report from another folder than the bot's was told
    "no data yet: there is no database at data/rollover-bot.db", which reads as the bot's
    own database being missing, and, given an empty one there, "Nothing to review." with
    no name at all. Each now names the file whole, and a missing one says why it may
    not be the bot's."""
    bot_dir, elsewhere = tmp_path / "bot", tmp_path / "home"
    elsewhere.mkdir()
    database = bot_dir / "data" / "rollover-bot.db"

    async def made() -> None:
        async with SqliteStore(database):
            pass

    asyncio.run(made())
    monkeypatch.chdir(elsewhere)
    assert main(["faq", command]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        f"no data yet: there is no database at {elsewhere / database.relative_to(bot_dir)} "
    ), out
    assert "from the folder a command runs in" in out and "--db" in out, out
    assert not (elsewhere / "data").exists()
    monkeypatch.chdir(bot_dir)  # (the bot's folder: its database, empty, named whole)
    assert main(["faq", command]) == 0
    out = capsys.readouterr().out
    assert f"({database})" in out and "no data yet" not in out, out


@pytest.mark.parametrize("blank", ["", "  "])
@pytest.mark.parametrize("command", ["gaps", "stats", "review"])
def test_cli_a_blank_database_option_is_refused_saying_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    blank: str,
) -> None:
    """``--db ''`` (a variable that was not set) said "cannot read the database .: cannot
    open .: Is a directory", and ``--db ' '`` "no data yet: there is no database at  ",
    exit 0: neither says that the option was given no file."""
    monkeypatch.chdir(tmp_path)
    assert main(["faq", command, "--db", blank]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith(
        "error: argument --db: an empty name is not a database; give the SQLite file"
    )


def test_cli_corrupt_database_is_an_error_line_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bot.db"
    _not_sqlite(path)
    assert main(["faq", "gaps", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "damaged" in err and "Traceback" not in err
    assert leftovers(tmp_path) == []  # only the bot moves files aside


def _faq_as_another_user(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`rollover-bot faq ARGS` run as another user of the machine, from ``folder``."""
    return subprocess.run(
        as_another_user([str(SCRIPT), "faq", *args]),
        capture_output=True,
        text=True,
        timeout=120,
        env=bare_env(HOME=str(folder), ROLLOVER_CACHE_DIR="off"),
        cwd=folder,
    )


def test_cli_reports_read_a_stopped_bots_database_in_a_folder_they_may_not_write() -> None:
    """The bot's folder, read by a moderator's own user (or a backup on a read-only
    mount): while the bot ran, the reports worked; once it stopped, they said 'attempt to
    write a readonly database' (exit 2), as SQLite could not make the WAL index beside it."""
    folder = Path(tempfile.mkdtemp(prefix="rollover-ro-"))  # (tmp_path: only root gets in)
    try:
        folder.chmod(0o755)
        path = folder / "bot.db"
        populate(path)
        assert not path.with_name("bot.db-wal").exists()  # (the bot stopped cleanly)
        path.chmod(0o644)  # (its operator lets that user read it)
        folder.chmod(0o555)
        proc = _faq_as_another_user(folder, "stats", "--json", "--db", str(path))
        assert proc.returncode == 0, proc.stderr
        entries = json.loads(proc.stdout)["entries"]
        served = {e["entry_id"]: e["served"] for e in entries if e["served"]}
        assert served == {"split": 2, "prorata": 1}
        assert [p.name for p in folder.iterdir()] == ["bot.db"]  # (nothing written)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_a_new_database_is_not_for_other_users_of_the_machine_to_read() -> None:
    """The database holds members' questions word for word, but SQLite made it as any file
    (0644 under the usual umask): every user of the machine could read them, with
    'rollover-bot faq review' or any SQLite tool, while the vote key beside it was the
    owner's only. A new database, its WAL files with it, is the owner's and its group's
    now; one that is there already keeps the permissions its operator gave it."""
    folder = Path(tempfile.mkdtemp(prefix="rollover-db-"))  # (tmp_path: only root gets in)
    try:
        folder.chmod(0o755)
        path = folder / "bot.db"

        def modes() -> dict[str, int]:
            return {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()}

        async def in_use() -> dict[str, int]:
            async with SqliteStore(path) as db:
                await db.record_question(question("my employer's plan and my salary?"))
                return modes()  # (its WAL files are there while it is open)

        assert asyncio.run(in_use()) == {
            "bot.db": 0o640,
            "bot.db-wal": 0o640,
            "bot.db-shm": 0o640,
        }
        proc = _faq_as_another_user(folder, "review", "--json", "--db", str(path))
        assert proc.returncode == 2 and "my employer" not in proc.stdout, proc.stdout
        assert proc.stderr.startswith("error: ") and "ermission denied" in proc.stderr
        path.chmod(0o644)  # an operator's choice stands
        asyncio.run(in_use())
        assert path.stat().st_mode & 0o777 == 0o644
    finally:
        shutil.rmtree(folder)


def test_cli_rejects_bad_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "gaps", "--db", str(tmp_path / "x.db"), "--days", "0"]) == 2
    assert "--days" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "said"),
    [
        # Digits as --guild and the calculators take them (ASCII): int() took other
        # scripts' digits and Python's '1_000', as no other number here.
        ("\u0663", "expected a whole number in digits 0-9, got '\u0663'"),
        ("1_000", "expected a whole number in digits 0-9, got '1_000'"),
        ("-3", "expected 1 or more, got -3"),
        # (a whole number, too long for Python to read: it was 'expected a whole number')
        ("9" * 5000, "expected at most 4,000 digits (20 already mean all), got '999"),
    ],
)
def test_cli_report_numbers_are_ascii_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, said: str
) -> None:
    db = ["faq", "gaps", "--db", str(tmp_path / "x.db")]
    for option in ("--limit", "--days"):
        assert main([*db, option, value]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: argument {option}: {said}"), err
        assert err.count("\n") == 1 and len(err) < 200, err
        assert main([*db, option, " 5 "]) == 0  # (spaces around, as the calculators take)
        assert capsys.readouterr().out.startswith("no data yet")


async def test_cli_reads_while_the_bot_writes(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    async with SqliteStore(path) as bot_store:
        await bot_store.record_served("split")
        async with SqliteStore(path, read_only=True) as reader:
            await bot_store.record_served("split")  # the bot keeps writing meanwhile
            [row] = await reader.stats()
            assert row.served == 2
            with pytest.raises(StorageError, match="read-only"):
                await reader.record_served("split")


def test_vote_hashes_are_keyed_by_a_secret_made_once_per_install(tmp_path: Path) -> None:
    from bot.storage import hash_user, vote_key

    path = tmp_path / "data" / "rollover-bot.db.key"
    key = vote_key(path)
    assert len(key) == 32 and vote_key(path) == key  # made once, then read back
    assert path.stat().st_mode & 0o077 == 0, "readable by the owner only"
    other = vote_key(tmp_path / "other.key")
    user = 123456789012345678
    assert hash_user(user, key) == hash_user(user, key) != hash_user(user, other)
    assert str(user) not in hash_user(user, key)


def _vote_key_when_released(path: str, barrier: Any) -> str:
    from bot.storage import vote_key

    barrier.wait()
    try:
        return vote_key(Path(path)).hex()
    except Exception as exc:  # reported to the test, not lost in the pool
        return f"error: {exc}"


async def test_a_vote_key_lost_after_votes_were_cast_is_said_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A database restored without its key file: a new key was made silently, and every
    member could vote again on what they had voted on. It is still made (the bot runs),
    and the log says what happened and what to do; a first start says nothing."""
    from bot.storage import hash_user

    path = tmp_path / "bot.db"
    async with SqliteStore(path) as db:
        first = await db.shared_key()
        await db.record_vote("split", 1, hash_user(7, first), True)
    assert "vote key" not in caplog.text
    path.with_name("bot.db.key").unlink()
    async with SqliteStore(path) as db:
        assert await db.shared_key() != first
    assert "was missing" in caplog.text and "holds 1 vote hashed" in caplog.text
    assert "bot.db.key" in caplog.text


def test_processes_starting_together_all_get_the_one_vote_key(tmp_path: Path) -> None:
    """Several bot processes on one SQLite file, started at once: each reads the key
    another is making, never a half-written file (which looked "damaged")."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # no fork of a threaded test process
    workers = 4
    with context.Manager() as manager, context.Pool(workers) as pool:
        for trial in range(15):
            path = str(tmp_path / f"{trial}.db.key")
            barrier = manager.Barrier(workers)
            keys = pool.starmap(_vote_key_when_released, [(path, barrier)] * workers)
            assert len(set(keys)) == 1 and not keys[0].startswith("error"), keys
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "drafts left"


def test_a_vote_key_is_made_where_hard_links_are_not_to_be_had(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and some network mounts refuse os.link: the key is then written in place."""
    import errno

    from bot.storage import vote_key

    def refuse(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)
    path = tmp_path / "rollover-bot.db.key"
    key = vote_key(path)
    assert len(key) == 32 and vote_key(path) == key
    assert os.listdir(tmp_path) == ["rollover-bot.db.key"]  # no draft left behind


def test_a_failed_in_place_key_write_leaves_no_empty_key_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without hard links, the key is written in place. If that write fails (a full disk)
    the file goes again, so the next start makes a key instead of refusing a "damaged"
    one; if only the fsync fails, the whole key was there for others to use, and stays."""
    import errno

    from bot.storage import StorageError, vote_key

    def refuse(*_: object) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    real_fdopen, opened = os.fdopen, []

    class FullDisk:
        """The key file's handle: the write is buffered; flushing it, part of the key goes
        down, then the disk is full (as a real full disk shows itself)."""

        def __init__(self, handle: Any) -> None:
            self.handle, self.buffered = handle, ""

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *_: object) -> None:
            with contextlib.suppress(OSError):
                self.flush()
            self.handle.close()

        def write(self, text: str) -> None:
            self.buffered += text

        def flush(self) -> None:
            if self.buffered:
                self.handle.write(self.buffered[:10])
                self.handle.flush()
                self.buffered = ""
                raise OSError(errno.ENOSPC, "No space left on device")

        def fileno(self) -> int:
            return self.handle.fileno()

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        opened.append(fd)
        handle = real_fdopen(fd, *args, **kwargs)
        return FullDisk(handle) if len(opened) == 2 else handle  # the draft's goes through

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "fdopen", fdopen)
    path = tmp_path / "rollover-bot.db.key"
    with pytest.raises(StorageError, match="cannot make the vote key file"):
        vote_key(path)
    assert os.listdir(tmp_path) == []
    monkeypatch.setattr(os, "fdopen", real_fdopen)

    real_fsync, synced = os.fsync, []

    def fsync_fails_second(fd: int) -> None:
        synced.append(fd)
        if len(synced) == 2:  # the draft's went through; the key file's does not
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_fails_second)
    with pytest.raises(StorageError, match="cannot make the vote key file"):
        vote_key(path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    written = bytes.fromhex(path.read_text())
    assert len(written) == 32 and vote_key(path) == written


@pytest.mark.parametrize("glimpsed", ["empty", "part-written"])
def test_a_key_file_glimpsed_unfinished_is_read_once_written(tmp_path: Path, glimpsed: str) -> None:
    """Written in place by another process, the key file is empty or holds part of the
    key for a moment: it is read again then, not refused as damaged."""
    import threading

    from bot.storage import vote_key

    path = tmp_path / "rollover-bot.db.key"
    key = bytes(range(32))
    path.write_text("" if glimpsed == "empty" else key.hex()[:10])
    writer = threading.Timer(0.2, lambda: path.write_text(key.hex() + "\n"))
    writer.start()
    try:
        assert vote_key(path) == key
    finally:
        writer.join()


def test_a_vote_key_link_to_nowhere_is_named(tmp_path: Path) -> None:
    from bot.storage import StorageError, vote_key

    path = tmp_path / "rollover-bot.db.key"
    path.symlink_to(tmp_path / "moved-away.key")
    with pytest.raises(StorageError, match="is a link to a file that is not there"):
        vote_key(path)
    folder = tmp_path / "data"
    folder.symlink_to(tmp_path / "unmounted")
    with pytest.raises(StorageError, match=r"folder .* a link to a folder that is not there"):
        vote_key(folder / "rollover-bot.db.key")


def test_a_key_file_whose_writer_gave_up_is_made_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process wrote the key in place and failed: the file this start found empty
    (and waited on) goes away. This start then makes the key itself."""
    import threading

    from bot.storage import vote_key

    path = tmp_path / "rollover-bot.db.key"
    real_link, timers = os.link, []

    def beaten_by_a_writer_who_fails(source: Any, target: Any) -> None:
        if not timers:  # the other process got there first, then gives up
            Path(target).touch(mode=0o600)
            timers.append(threading.Timer(0.2, Path(target).unlink))
            timers[0].start()
            raise FileExistsError(17, "File exists")
        real_link(source, target)

    monkeypatch.setattr(os, "link", beaten_by_a_writer_who_fails)
    try:
        key = vote_key(path)
    finally:
        timers[0].join()
    assert len(key) == 32 and bytes.fromhex(path.read_text()) == key


async def test_postgres_processes_share_the_vote_key_and_hear_each_others_reloads(
    postgres_url: str,
) -> None:
    heard = {"one": 0, "two": 0}
    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        assert await one.shared_key() == await two.shared_key()
        assert len(await one.shared_key()) == 32
        await one.listen_reloads(lambda: heard.__setitem__("one", heard["one"] + 1))
        await two.listen_reloads(lambda: heard.__setitem__("two", heard["two"] + 1))
        await one.announce_reload()
        for _ in range(250):
            if heard["two"]:
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.1)  # time enough for a wrong echo to arrive too
    assert heard == {"one": 0, "two": 1}  # the other process heard it; not itself


async def heard_at_least(heard: list[str], count: int) -> None:
    """Wait (up to 10 s) until ``heard`` holds ``count`` reloads."""
    for _ in range(500):
        if len(heard) >= count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"heard {len(heard)}, wanted {count}")


async def test_postgres_reload_announcements_are_heard_again_after_the_connection_drops(
    postgres_url: str,
) -> None:
    """A server restart, failover or idle timeout closes the LISTEN connection: it is opened
    again, the process reloads once (it may have missed an announcement meanwhile), and
    later announcements are heard."""
    heard: list[str] = []

    until = functools.partial(heard_at_least, heard)

    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        await one.listen_reloads(lambda: heard.append("reload"))
        await two.announce_reload()
        await until(1)
        pid = one._listener.get_server_pid()
        await two._execute("SELECT pg_terminate_backend($1)", pid)
        await until(2)  # re-listening: one reload, for what it may have missed
        assert one._listener.get_server_pid() != pid
        await two.announce_reload()
        await until(3)
    await asyncio.sleep(0.1)
    assert heard == ["reload"] * 3


async def test_postgres_listen_refused_while_re_listening_leaves_no_connection_open(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failover onto a standby still in recovery: the LISTEN connection opens again, but
    the server refuses LISTEN ("cannot execute LISTEN during recovery"). Each try left its
    connection open on the server, one more every minute of the back-off, until the
    server's max_connections refused the bot's own pool and every other client."""
    import asyncpg

    heard: list[str] = []
    refusals = 2
    listen = asyncpg.Connection.add_listener

    async def in_recovery(conn: Any, channel: str, callback: Any) -> None:
        nonlocal refusals
        if refusals:
            refusals -= 1
            raise asyncpg.FeatureNotSupportedError("cannot execute LISTEN during recovery")
        await listen(conn, channel, callback)

    async with PostgresStore(postgres_url) as one, PostgresStore(postgres_url) as two:
        count = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        await one.listen_reloads(lambda: heard.append("reload"))
        before = await two._pool.fetchval(count)
        monkeypatch.setattr(asyncpg.Connection, "add_listener", in_recovery)
        await two._execute("SELECT pg_terminate_backend($1)", one._listener.get_server_pid())
        for _ in range(500):
            if heard:
                break
            await asyncio.sleep(0.02)
        assert heard == ["reload"] and not refusals  # listening again, after two refusals
        assert await two._pool.fetchval(count) == before


async def test_postgres_a_listening_connection_gone_silent_is_replaced(
    postgres_url: str,
) -> None:
    """A NAT or firewall that forgets an idle connection drops it without a word: the LISTEN
    connection, which only ever waits, looked open for ever, so the process never heard
    another reload. It is checked now and then with a query; one that does not answer is
    replaced, the process reloads once (it may have missed one meanwhile), and later
    announcements are heard. (The backend stopped with SIGSTOP: a peer that is silent.)"""
    heard: list[str] = []

    until = functools.partial(heard_at_least, heard)

    one = PostgresStore(postgres_url, query_timeout=2.0, listen_check_seconds=0.1)
    async with one, PostgresStore(postgres_url) as two:
        await one.listen_reloads(lambda: heard.append("reload"))
        silent = one._listener.get_server_pid()
        os.kill(silent, signal.SIGSTOP)
        try:
            await until(1)  # a new connection, and one reload for what it may have missed
            assert one._listener.get_server_pid() != silent
            await two.announce_reload()
            await until(2)
        finally:
            os.kill(silent, signal.SIGCONT)
    assert heard == ["reload"] * 2


async def test_postgres_closing_on_connections_gone_silent_does_not_wait_for_ever(
    postgres_url: str,
) -> None:
    """A stop while the database server is out of reach without a word (a network
    partition, a host powered off, a NAT that forgot the connections): closing waited for
    the server to close each connection, which it never does, so the bot's stop hung (until
    the supervisor killed it: a failure, restarted, where a stop was asked for), and the
    pool's closing failed with a TimeoutError out of the stop. Closing gives up waiting
    after a moment and drops the connections."""
    store = PostgresStore(postgres_url, query_timeout=2.0)
    done = await closed_with_connections_silent(store, within=20.0)
    assert done, "closing still waits for connections that never answer"


async def closed_with_connections_silent(store: PostgresStore, within: float) -> bool:
    """Whether ``store``, opened and listening, closes within ``within`` seconds while
    both its connections' server processes are stopped (a partition: nothing answers)."""
    await store.open()
    await store.listen_reloads(lambda: None)
    silent = {
        store._listener.get_server_pid(),
        await store._pool.fetchval("SELECT pg_backend_pid()"),
    }
    assert len(silent) == 2  # (the listener's and the pool's)
    for pid in silent:
        os.kill(pid, signal.SIGSTOP)
    try:
        closing = asyncio.create_task(store.close())
        for _ in range(round(within / 0.02)):
            if closing.done():
                break
            await asyncio.sleep(0.02)
        done = closing.done()
        if done:
            await closing
        else:
            closing.cancel()
        return done
    finally:
        for pid in silent:
            os.kill(pid, signal.SIGCONT)


async def test_postgres_closing_on_connections_gone_silent_ends_within_a_docker_stop(
    postgres_url: str,
) -> None:
    """The same partition at a stop: closing gave each of its two connections the query
    timeout (10 s) in turn, so `docker stop`, which kills the process after 10 s, killed
    every stop of a bot whose database was out of reach (measured: 20.1 s; 25.1 s with a
    reply cut off first), with no 'stopped' line and exit 137. Nothing is written at a
    stop: closing waits a moment for the server (both connections at once), not the
    queries' patience, here a minute."""
    store = PostgresStore(postgres_url, query_timeout=60.0)
    # (10 s: docker's grace for a stop; the store waits 2 s)
    done = await closed_with_connections_silent(store, within=10.0)
    assert done, "closing waits past the 10 s a docker stop allows"


async def test_reload_announcements_not_heard_during_an_outage_are_one_warning(
    postgres_server: str, postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The listening connection, lost with the server, is tried again at 0.5, 1, 2 ... 60
    s: each failed try was a warning, a dozen or more in a few minutes' maintenance (six
    in a 40 s outage), beside the one line the retry queue says. The first failed try is
    a warning; the rest are DEBUG, and the return is one line."""
    from tests.postgres_server import server_stopped

    def tries() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "reload announcements not heard" in r.getMessage()]

    async def until(check: Callable[[], bool]) -> None:
        for _ in range(1000):  # (up to 50 s on a busy machine)
            if check():
                return
            await asyncio.sleep(0.05)
        raise AssertionError("never came true")

    caplog.set_level(logging.DEBUG, logger="bot.storage.postgres")
    heard: list[str] = []
    async with PostgresStore(postgres_url) as store:
        await store.listen_reloads(lambda: heard.append("reload"))
        with server_stopped(postgres_server):
            await until(lambda: len(tries()) >= 3)  # (tried again, and again: the control)
        await until(lambda: heard == ["reload"])  # (heard again once the server is back)
    assert [r.levelno for r in tries()][:3] == [logging.WARNING, logging.DEBUG, logging.DEBUG]
    assert sum(r.levelno == logging.WARNING for r in tries()) == 1


async def test_reload_announcements_not_heard_from_a_silent_server_say_why(
    postgres_server: str, postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The listening connection lost and the server gone silent (a host powered off, a
    firewall dropping its packets): its reconnect timed out, and the operator read
    "reload announcements not heard (); trying again", no reason at all. It says the
    server did not answer the connection."""
    from bot.storage.postgres import NO_ANSWER
    from tests.fakediscord import wait_until

    def tries() -> list[str]:
        said = [r.getMessage() for r in caplog.records]
        return [m for m in said if m.startswith("reload announcements not heard")]

    caplog.set_level(logging.INFO, logger="bot.storage.postgres")
    server = int((Path(postgres_server) / "data" / "postmaster.pid").read_text().split()[0])
    async with (
        PostgresStore(f"{postgres_url}&connect_timeout=0.5") as store,
        PostgresStore(postgres_url) as other,
    ):
        await store.listen_reloads(lambda: None)
        listening = store._listener.get_server_pid()
        await other.announce_reload()  # (positive control: the other's connection works)
        os.kill(server, signal.SIGSTOP)  # (no new connection answered; those open work on)
        try:
            await other._fetch("SELECT pg_terminate_backend($1)", listening)
            await wait_until(tries, timeout=15)
        finally:
            os.kill(server, signal.SIGCONT)
    assert tries()[0] == f"reload announcements not heard ({NO_ANSWER}); trying again"


def test_a_connection_lost_inside_a_transaction_is_an_outage_not_a_crash() -> None:
    """PostgreSQL going down under a transaction fails it twice: its query ("cannot
    switch to state 11; another operation is in progress", an outage the store says as
    DatabaseUnavailable) and then the transaction's end ("the underlying connection is
    closed", an InterfaceError). The second was raised as it is: an ERROR with the
    driver's traceback (a member deleting a message during a CI run's outage test), where
    a warning saying the database cannot be reached was due. An InterfaceError alone, as
    misuse of a connection raises, is still raised as it is."""
    import asyncpg

    from bot.storage import DatabaseUnavailable
    from bot.storage.postgres import PostgresStore

    store = PostgresStore("postgresql://bot:hunter2@db.example/rollover")

    def lost_in_a_transaction() -> None:
        try:
            raise asyncpg.InternalClientError("cannot switch to state 11; another operation")
        except asyncpg.InternalClientError:
            raise asyncpg.InterfaceError("the underlying connection is closed")  # noqa: B904

    with pytest.raises(DatabaseUnavailable, match="cannot switch to state 11"), store._reaching():
        lost_in_a_transaction()
    for misuse in (asyncpg.InterfaceError("misuse"), asyncpg.DataError("invalid input")):
        with pytest.raises(type(misuse)), store._reaching():
            raise misuse


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
async def test_a_store_used_after_its_close_refuses_and_opens_nothing(
    request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    """A late task's call after the stop closed the store (a command still running as the
    bot stopped) opened it again: a connection nobody closed. SQLite's connection thread
    then kept the process from ever exiting (a stop that hung until killed); PostgreSQL's
    pool was left to be dropped at exit. The call is refused now, as a database out of
    reach (one warning line where it is caught), and nothing is opened. An open() asked
    for opens it again."""
    import threading

    from bot.storage import DatabaseUnavailable

    made: Store
    if kind == "sqlite":
        made = SqliteStore(tmp_path / "bot.db")
    else:
        made = PostgresStore(request.getfixturevalue("postgres_url"))
    await made.open()
    await made.record_served("split")  # (positive control: it writes)
    await made.close()
    threads = threading.active_count()
    with pytest.raises(DatabaseUnavailable, match="was closed as the bot stopped"):
        await made.record_served("split")
    with pytest.raises(DatabaseUnavailable, match="was closed as the bot stopped"):
        await made.pending_replies()
    assert threading.active_count() == threads  # (no connection thread left running)
    assert getattr(made, "_db", None) is None and getattr(made, "_pool", None) is None
    await made.open()  # (asked for: it opens again)
    try:
        [row] = await made.stats()
        assert row.served == 1
    finally:
        await made.close()


async def test_a_read_kept_waiting_behind_a_locked_write_says_it_cannot_read(
    tmp_path: Path,
) -> None:
    """A read (the retry queue's look at the replies owed, /faq-admin stats) waiting its
    turn behind a write that another program's lock held up gave up saying "cannot write
    to bot.db": an operator looking for a write that failed found none. It says "cannot
    read" now."""
    from bot.storage import DatabaseUnavailable
    from tests.fakediscord import wait_until

    path = tmp_path / "bot.db"
    async with SqliteStore(path) as store:
        assert await store.pending_replies() == []  # (positive control: it reads)
        holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            await asyncio.to_thread(holder.execute, "BEGIN IMMEDIATE")  # (another program)
            writing = asyncio.ensure_future(store.record_served("split"))
            await wait_until(store._lock.locked)  # (its turn taken: it waits on the lock)
            store.hurry()  # (the read waits a second for its turn, the write its five)
            with pytest.raises(DatabaseUnavailable) as refused:
                await store.pending_replies()
            await asyncio.to_thread(holder.execute, "ROLLBACK")
            await writing  # (the lock gone: the write behind which it waited goes)
        finally:
            holder.close()
        said = str(refused.value)
        assert said.startswith(f"cannot read {path}: another program (a VACUUM"), said
        assert said.endswith("holds it locked for more than 1 s"), said
        [row] = await store.stats()
        assert row.served == 1
