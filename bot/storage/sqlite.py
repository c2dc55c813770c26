"""``SqliteStore``: the bot's memory in one SQLite file, through aiosqlite.

Safety choices, each for a reason:
- WAL journal with ``synchronous=NORMAL``: a kill -9 mid-write loses at most the
  transaction in flight (committed ones are in the OS's hands); a power cut may lose the
  last few commits but never corrupts the file. FULL would fsync on every write, which
  put ~1 ms per question on the bot's reply path for statistics that do not need it.
  Readers (the CLI) never block the bot.
- Every write is one explicit ``BEGIN IMMEDIATE`` transaction, serialised by a lock:
  the one aiosqlite connection is shared by all tasks, and interleaved BEGINs would fail.
- Only parameterised SQL: question text is user input and may look like SQL.
- A file that is not SQLite, or fails ``PRAGMA integrity_check``, is moved aside and a
  fresh database created, so a corrupt file cannot crash the bot in a restart loop.
- The file moved or deleted under the bot is written no more (see _still_in_place), and
  made whole where it went: SQLite wrote on into it and never applied its log.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import errno
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from functools import partial
from pathlib import Path
from typing import Any, Self

import aiosqlite

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
    os_reason,
    pending_from_row,
    pending_values,
    seconds_from_now,
    upsert_pending_sql,
    utc_now,
    vote_key,
)
from bot.storage.reports import (
    REPOINTED_SQL,
    build_queue,
    build_stats,
    gaps_of_rows,
    unused_decisions,
    worst_first_window,
)
from bot.storage.schema import CURRENT_VERSION, MIGRATIONS, VERSION_TABLE

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Error codes meaning "this file is damaged", as opposed to locked, busy or unreadable.
_CORRUPTION_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


#: How long a statement waits for a lock another connection holds.
BUSY_SECONDS = 5.0
#: What a moderator is told of these (DatabaseUnavailable.problem), for whoever runs the bot.
DISK_FULL = "the disk holding its database is full"
LOCKED = "another program holds its database file locked"
READ_ONLY = "its database is read-only (its disk remounted read-only, or the file not writable)"
MOVED = "its database file was moved or deleted while it ran"
#: How long one begun during a stop waits (see hurry).
STOP_BUSY_SECONDS = 1.0
#: A wait for the connection's turn shorter than this leaves the statement its whole
#: busy timeout (telling the connection a new one is a round trip to its thread).
TURN_SLACK_SECONDS = 0.05


#: PostgreSQL's numbered placeholders, as the SQL shared with it writes them.
_NUMBERED = re.compile(r"\$([0-9]+)")


def _plain_placeholders(sql: str, values: Sequence[object]) -> tuple[str, tuple[object, ...]]:
    """Shared SQL's ``$n`` as SQLite's plain ``?``, each with its value, in order (``$1``
    used twice is given twice). SQLite's own ``?n`` with a sequence of values, as written
    before, is deprecated since Python 3.12, and an error from 3.14: voting again failed."""
    order = [int(n) - 1 for n in _NUMBERED.findall(sql)]
    return _NUMBERED.sub("?", sql), tuple(values[i] for i in order)


def _is_locked(exc: BaseException) -> bool:
    """SQLite gave up waiting for a lock (SQLITE_BUSY or SQLITE_LOCKED, extended or not)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


#: Free space under which a failed write is put down to a full disk: SQLite says "disk I/O
#: error" when it cannot grow the -shm file of a database in use before (32 KiB at a time).
NO_ROOM_BYTES = 1 << 20


def _is_disk_full(exc: BaseException, folder: Path) -> bool:
    """The database's disk had no room for the write: a passing failure (logs rotated, a
    backup removed), not a setting to fix."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return False
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return True
    if code & 0xFF != sqlite3.SQLITE_IOERR:
        return False
    try:
        return shutil.disk_usage(folder).free < NO_ROOM_BYTES
    except OSError:
        return False


def _is_read_only(exc: BaseException, folder: Path) -> bool:
    """The database may not be written: SQLite says so (the file, or its folder, not
    writable by the bot's user), or a write failed ("disk I/O error") on a file system that
    is mounted read-only now (ext4's errors=remount-ro after a disk error). Both were said as
    they came, a traceback or "unable to open database file", which named nothing to fix."""
    if isinstance(exc, OSError):
        return exc.errno == errno.EROFS
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return False
    if code == sqlite3.SQLITE_READONLY_DBMOVED:  # (the file moved or deleted under the bot)
        return False
    if code & 0xFF == sqlite3.SQLITE_READONLY:
        return True
    if code & 0xFF not in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        return False
    return _refuses_writes(folder)


def _refuses_writes(folder: Path) -> bool:
    """The file system holding ``folder`` is read-only: mounted so (statvfs says), or
    refusing every write since a disk error (ext4's "emergency_ro" since Linux 6.x, which
    statvfs does not show): a file cannot be made there. Asked only after a failure."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".rollover-bot-probe-")
    except OSError as exc:
        return exc.errno == errno.EROFS
    os.close(fd)
    with suppress(OSError):
        os.unlink(probe)
    return False


def _identity(path: Path) -> tuple[int, int] | None:
    """The file ``path`` names now (device and inode), None when it names none."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def _held_open(identity: tuple[int, int]) -> str | None:
    """Where this process still holds the file ``identity`` open once it has no name left
    (deleted): /proc/<pid>/fd/<n>, from which it can be copied back. None elsewhere."""
    with suppress(OSError):
        for fd in os.listdir("/proc/self/fd"):
            with suppress(OSError):
                held = os.stat(f"/proc/self/fd/{fd}")
                if (held.st_dev, held.st_ino) == identity and held.st_nlink == 0:
                    return f"/proc/{os.getpid()}/fd/{fd}"
    return None


class CorruptDatabase(StorageError):
    """The file is not a usable SQLite database."""


def stamp(when: dt.datetime) -> str:
    """Fixed-width ISO-8601 UTC, so text comparison in SQL is time comparison."""
    return as_utc(when).isoformat(timespec="microseconds")


#: What each column of a stored question's row holds, as this code writes it (a report's
#: columns: text, channel id, best id, best score, and, in the review queue's, answered,
#: then asked at and kind), and of a taught example's. None: a time (ISO-8601 text).
_NONE = type(None)
GAP_ROW = (str, (int, _NONE), (str, _NONE), (int, float), None)
REVIEW_ROW = (str, (int, _NONE), (str, _NONE), (int, float), int, None, str)
TAUGHT_ROW = (str, str, int, str, None)
#: An owed reply's (PENDING_COLUMNS): kind, message and channel ids, question, attempts,
#: last error, created and due at, the asker's hash if known.
PENDING_ROW = (str, int, int, str, int, str, None, None, (str, _NONE))


def readable(rows: Sequence[Sequence[Any]], kinds: Sequence[Any], what: str) -> list[Any]:
    """The rows whose values are of ``kinds``. SQLite keeps any value in any column: a
    file edited by hand (a date that is no date, a score in words) stopped /faq-admin
    gaps, review and their commands with a traceback. Those rows are left out of the
    report, counted in a warning (one for the rows read together); the others are read
    as ever."""
    kept = [row for row in rows if _of_kinds(row, kinds)]
    if len(kept) < len(rows):
        log.warning(
            "%s in the database left out: not as the bot writes them (edited by hand?)",
            counted(len(rows) - len(kept), what),
        )
    return kept


def _of_kinds(row: Sequence[Any], kinds: Sequence[Any]) -> bool:
    for value, kind in zip(row, kinds, strict=True):
        if kind is None:
            try:
                dt.datetime.fromisoformat(value)
            except (TypeError, ValueError):
                return False
        elif isinstance(value, bool) or not isinstance(value, kind):
            return False
    return True


def clean_text(text: str) -> str:
    """Lone surrogates (possible from JSON) cannot be stored as UTF-8: replace them."""
    return text.encode("utf-8", "replace").decode("utf-8")


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL/SHM/journal) to ``<name>.corrupt-<time>``."""
    base = f"{path.name}.corrupt-{utc_now().strftime('%Y%m%dT%H%M%SZ')}"
    target, n = path.with_name(base), 1
    while target.exists():
        target, n = path.with_name(f"{base}-{n}"), n + 1
    os.replace(path, target)
    # A stale WAL next to a fresh database would be replayed into it: move it too.
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


#: A new database's permissions (less the umask): it holds members' questions word for word,
#: so other users of the machine may not read it; a moderator's user in the bot's group may
#: (the reports). SQLite gives its -wal and -shm files the database's own.
DATABASE_MODE = 0o640


def make_private(path: Path) -> None:
    """Create the database file, empty, with DATABASE_MODE, unless it is there already (its
    permissions, an operator's to choose, are left as they are). SQLite made it as any file
    (0644 under the usual umask): readable by every user of the machine."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, DATABASE_MODE))


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _CORRUPTION_CODES


def _in_the_way(folder: Path, exc: OSError) -> str:
    """Why ``folder`` could not be made: a file is in the way, or a link to a folder that
    is not there (a disk not mounted, say), which has no file to be found."""
    blocker = Path(exc.filename or folder)
    if blocker.is_symlink() and not blocker.exists():
        which = "it" if blocker == folder else str(blocker)
        return f"{which} is a link to a folder that is not there"
    return "a file is in the way"


def _cannot_make_wal_index(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_READONLY_DIRECTORY, sqlite3.SQLITE_READONLY_CANTINIT)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    if head and head != SQLITE_HEADER:
        raise CorruptDatabase("the file is not a SQLite database")


_UPSERT_PENDING = upsert_pending_sql(["?"] * 9)
_COUNT_MISS = COUNT_MISS.replace("$1", "?")
_REPLIES_TO = (
    "SELECT channel_id, reply_id FROM bot_replies WHERE question_id = ?"
    " ORDER BY channel_id, reply_id"
)
_COUNT_REPOINTED = COUNT_REPOINTED.replace("$1", "?").replace("$2", "?")
#: The schema version that keeps the misses and re-pointed answers counted (COUNT_MISS).
FEEDBACK_VERSION = 12

#: The stored questions of each review kind but "taught" (a table of its own), worst first
#: as in REVIEW_KINDS: conditions on the kind column (``''`` in a database from before it
#: had one).
_QUESTION_KINDS = (
    "{kind} = 'miss'",
    "{kind} = '' AND answered = 1",  # shaky
    "{kind} = '' AND answered = 0",  # unanswered
)


def _pending_row(reply: PendingReply) -> tuple[object, ...]:
    return pending_values(reply, clean_text, stamp)


def _owed(rows: Sequence[Any]) -> list[PendingReply]:
    """The readable rows of the retry queue as replies (see readable): one edited by hand
    stopped every reader, from the retry loop (each pass a traceback, and the expired
    replies deleted unreported) to a stop's owed replies. A time without a zone is UTC's."""
    return [
        pending_from_row(row, lambda value: as_utc(dt.datetime.fromisoformat(value)))
        for row in readable(rows, PENDING_ROW, "owed answer")
    ]


async def _roll_back(db: aiosqlite.Connection) -> None:
    """End a failed or cancelled write. A task cancelled while awaiting its BEGIN leaves
    the BEGIN queued on the database thread, not yet run: ``in_transaction`` can't be
    trusted, so the ROLLBACK is always queued after it, and "no transaction" (SQLite may
    already have rolled back, e.g. disk full) is not an error to mask the first one with."""
    with suppress(sqlite3.OperationalError):
        await db.execute("ROLLBACK")


class SqliteStore:
    """The ``Store`` protocol on a SQLite file.

    ``read_only`` (for the command line) never creates, migrates or moves the file, so
    reports can be read while the bot runs. ``retention_days``, when set, purges old
    question text each time the store is opened.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        retention_days: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.retention_days = retention_days
        self._db: aiosqlite.Connection | None = None
        self._version = 0
        self._lock = asyncio.Lock()
        self._open_lock = asyncio.Lock()
        #: How long a write waits for a lock (BUSY_SECONDS; STOP_BUSY_SECONDS once a stop
        #: began), and what the connection was last told (see _busy_as_set).
        self._busy_seconds = BUSY_SECONDS
        self._busy_told = BUSY_SECONDS
        #: The whole wait of the call holding the connection's turn (see _turn).
        self._turn_seconds = BUSY_SECONDS
        #: The file opened (see _still_in_place), and whether its move was said.
        self._opened: tuple[int, int] | None = None
        self._moved_said = False
        #: Whether close() was called since the last open(): no call reopens it then.
        self._closed = False

    # -- opening and closing -----------------------------------------------------------
    async def open(self) -> None:
        """StorageError when the file cannot be used (a folder in the way, no permission,
        a newer bot's schema); a damaged file is moved aside and started afresh."""
        async with self._open_lock:
            self._closed = False
            if self._db is not None:
                return
            try:
                self._db = await (self._open_read_only() if self.read_only else self._open())
            except StorageError:
                raise
            except (OSError, sqlite3.Error) as exc:
                if _is_locked(exc):
                    # A backup or a long report holding the file longer than busy_timeout:
                    # it passes, so exit 1 for a supervisor to try again, not "fix it" (2).
                    raise DatabaseUnavailable(
                        f"{self.path} is locked by another program (a backup, a report, a "
                        f"stuck process) for more than {BUSY_SECONDS:g} s; the bot starts once "
                        "it is free",
                        problem=LOCKED,
                    ) from exc
                if _is_disk_full(exc, self.path.parent):
                    # Exit 1 too: once there is room the bot starts, under a supervisor.
                    raise DatabaseUnavailable(
                        f"cannot open {self.path}: the disk holding it is full; free some space",
                        problem=DISK_FULL,
                    ) from exc
                if _is_read_only(exc, self.path.parent):
                    # Exit 1: once the disk is writable again (remounted), the bot starts.
                    raise DatabaseUnavailable(
                        f"cannot open {self.path}: it is read-only (its disk mounted "
                        "read-only, or the file not writable by the bot's user)",
                        problem=READ_ONLY,
                    ) from exc
                reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
                raise StorageError(f"cannot open {self.path}: {reason}") from exc
        if self.retention_days is not None and not self.read_only:
            try:
                await self.purge(self.retention_days)
            except (OSError, sqlite3.Error) as exc:  # (a full disk, a lock held too long)
                log.warning(PURGE_LEFT_FOR_LATER, exc)

    async def _open_read_only(self) -> aiosqlite.Connection:
        db = await self._connect()
        try:
            self._version = await self._read_version(db)
            self._check_version(self._version)
            if self._version == 0 and not await self._has_questions(db):
                # (A mistyped --db, or an empty file: "Nothing to review", "found": true,
                # read as all clear. As PostgreSQL's reports say it.)
                raise StorageError(
                    "it has no Rollover Bot tables (the bot makes them when it first starts "
                    "with this file): check the path"
                )
        except BaseException:
            await db.close()
            raise
        return db

    async def _open(self) -> aiosqlite.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:
            reason = _in_the_way(self.path.parent, exc)
            raise StorageError(f"cannot make the folder {self.path.parent}: {reason}") from exc
        try:
            db = await self._connect()
        except CorruptDatabase as exc:
            aside = move_aside(self.path)
            log.warning(
                "database %s is corrupt (%s): moved it to %s and started a fresh, empty "
                "database; stored questions and votes start over",
                self.path,
                exc,
                aside,
            )
            db = await self._connect()
        try:
            # Version first: a newer bot's database is refused without being touched.
            self._check_version(await self._read_version(db))
            await db.execute("PRAGMA journal_mode = WAL")
            await db.execute("PRAGMA synchronous = NORMAL")
            self._version = await self._migrate(db)
            self._opened = _identity(self.path)
        except BaseException:
            await db.close()
            raise
        return db

    async def close(self) -> None:
        self._closed = True
        async with self._lock:
            if self._db is not None:
                db, self._db = self._db, None
                if self._moved() and not self._moved_said:  # (moved, then a stop at once)
                    await self._keep_whole(db, stopping=True)
                await db.close()

    def hurry(self) -> None:
        """A stop began: a write begun from now on waits STOP_BUSY_SECONDS, not
        BUSY_SECONDS, for a lock another program holds. With the file locked, a reply's
        write begun late in the stop's grace was still waiting when the grace ended, and
        closing waited for it: the stop took 9.6 s, at the edge of `docker stop`'s 10 s.
        (What such a write kept is lost as it would be if the grace cut it off.)"""
        self._busy_seconds = min(self._busy_seconds, STOP_BUSY_SECONDS)

    async def _busy_as_set(self, db: aiosqlite.Connection, left: float) -> None:
        """The connection told how long to wait for a lock, if that changed (hurry, or
        ``left``: what its wait for its turn left of the call's). Under the lock, right
        before a write: in the database thread's queue behind the write ahead of it, which
        no setting can shorten any more."""
        wanted = self._busy_seconds
        if left < wanted - TURN_SLACK_SECONDS:
            wanted = max(left, 0.001)
        if self._busy_told != wanted:
            await db.execute(f"PRAGMA busy_timeout = {max(round(wanted * 1000), 1)}")
            self._busy_told = wanted

    async def shared_key(self) -> bytes:
        """The vote-hash key, in a file beside the database (``<name>.key``): every process
        using this file shares it. Made anew when missing, said loudly when votes were cast
        with the old one (a database restored without its key: members may vote again)."""
        path = self.path.with_name(self.path.name + ".key")
        missing = not path.exists()
        key = await asyncio.to_thread(vote_key, path)
        if missing:
            async with self._read() as db:
                cursor = await db.execute("SELECT COUNT(*) FROM votes")
                (cast,) = await cursor.fetchone() or (0,)
            if cast:
                log.warning(
                    "the vote key file %s was missing, so a new key was made, but the database "
                    "holds %s hashed with the old one: members can now vote again on "
                    "answers they voted on. If you have the old file (kept beside the "
                    "database's backups, not in them), stop the bot and put it back.",
                    path,
                    counted(cast, "vote"),
                )
        return key

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _connect(self) -> aiosqlite.Connection:
        """Connect and check the file; CorruptDatabase if it is damaged."""
        if self.read_only:
            if not self.path.exists():
                raise StorageError(f"no database at {self.path}")
            target, uri = self.path.resolve().as_uri() + "?mode=ro", True
        else:
            make_private(self.path)
            target, uri = str(self.path), False
        _check_header(self.path)
        try:
            return await self._connect_to(target, uri)
        except sqlite3.OperationalError as exc:
            # A WAL database in a folder this user may not write (the bot's, read by another
            # user; a read-only mount), no bot on it: SQLite cannot make the index file a
            # reader needs. With no WAL file every commit is in the database file itself,
            # read as it is (a bot starting meanwhile writes its changes to a new WAL).
            wal = self.path.with_name(self.path.name + "-wal")
            if not (self.read_only and _cannot_make_wal_index(exc)) or wal.exists():
                raise
        return await self._connect_to(target + "&immutable=1", uri)

    async def _connect_to(self, target: str, uri: bool) -> aiosqlite.Connection:
        # isolation_level=None: no implicit transactions; we issue BEGIN/COMMIT ourselves.
        db = await aiosqlite.connect(target, uri=uri, isolation_level=None)
        try:
            await db.execute(f"PRAGMA busy_timeout = {round(BUSY_SECONDS * 1000)}")
            self._busy_told = BUSY_SECONDS  # (a stop's hurry, if any, is told at the next write)
            rows = await db.execute_fetchall("PRAGMA integrity_check")
            problems = [str(r[0]) for r in rows]
            if problems != ["ok"]:
                raise CorruptDatabase("integrity check failed: " + "; ".join(problems[:3]))
            await db.execute("PRAGMA foreign_keys = ON")
            # Deleted rows overwritten, not only unlinked: off is SQLite's own default (some
            # builds, Debian's, turn it on), which left deleted words in the free space.
            await db.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as exc:
            await db.close()
            if _is_corruption(exc):
                raise CorruptDatabase(str(exc)) from exc
            raise
        except BaseException:
            await db.close()
            raise
        return db

    # -- schema ------------------------------------------------------------------------
    @staticmethod
    async def _read_version(db: aiosqlite.Connection) -> int:
        exists = await db.execute_fetchall(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        )
        if not list(exists):
            return 0
        rows = list(await db.execute_fetchall("SELECT MAX(version) FROM schema_version"))
        return int(rows[0][0] or 0)

    @staticmethod
    async def _has_questions(db: aiosqlite.Connection) -> bool:
        """A database from before the schema's version was kept has the questions table."""
        found = await db.execute_fetchall(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questions'"
        )
        return bool(list(found))

    def _check_version(self, version: int) -> None:
        if version > CURRENT_VERSION:
            raise StorageError(
                f"database {self.path} has schema version {version}, newer than this bot "
                f"knows ({CURRENT_VERSION}); upgrade the bot or set database.path elsewhere"
            )

    async def _migrate(self, db: aiosqlite.Connection) -> int:
        """Apply every pending step, each in its own transaction; returns the version."""
        for migration in MIGRATIONS:
            try:
                await db.execute("BEGIN IMMEDIATE")
                await db.execute(VERSION_TABLE)
                # Read again under the write lock: another process may have migrated.
                if await self._read_version(db) >= migration.version:
                    await db.execute("COMMIT")
                    continue
                for statement in migration.statements:
                    await db.execute(statement)
                await db.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (migration.version, stamp(utc_now())),
                )
                await db.execute("COMMIT")
            except BaseException:
                await _roll_back(db)
                raise
            log.info(
                "database %s: schema version %d (%s)",
                self.path,
                migration.version,
                migration.description,
            )
        return CURRENT_VERSION

    # -- plumbing ----------------------------------------------------------------------
    async def _connection(self) -> aiosqlite.Connection:
        if self._db is None:
            if self._closed:
                raise closed_store(self.path)
            await self.open()  # forgiving: a store used before open() opens itself
        assert self._db is not None
        return self._db

    @asynccontextmanager
    async def _turn(self, doing: str = "write to") -> AsyncIterator[float]:
        """The connection's turn (one statement or transaction at a time), waited for no
        longer than a write may wait for a lock: a write kept waiting by another program's
        lock held the turn for its whole busy timeout, so the calls behind it queued (of
        four at once the last failed after 20 s where 5 s is said; a busy forum's answers,
        each waiting on its claim, came later and later). Yields the seconds of the call's
        wait left for its statements (see _busy_as_set). ``doing``: what the call gives up
        on, in its message ("read" for a read: "cannot write" sent operators looking for a
        write that failed)."""
        whole = self._busy_seconds
        loop = asyncio.get_running_loop()
        began = loop.time()
        try:
            async with asyncio.timeout(whole):
                await self._lock.acquire()
        except TimeoutError as exc:
            raise self._held_locked(whole, doing) from exc
        try:
            if self._closed and self._db is None:  # (closed while this call waited its turn)
                raise closed_store(self.path)
            self._turn_seconds = whole
            yield whole - (loop.time() - began)
        finally:
            self._lock.release()

    def _held_locked(self, seconds: float, doing: str = "write to") -> DatabaseUnavailable:
        return DatabaseUnavailable(
            f"cannot {doing} {self.path}: another program (a VACUUM, a transaction left "
            f"open in a sqlite3 shell, a stuck process) holds it locked for more than "
            f"{seconds:g} s",
            problem=LOCKED,
        )

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        if self.read_only:
            raise StorageError(f"database {self.path} is open read-only")
        db = await self._connection()
        async with self._turn() as left:
            await self._still_in_place(db)
            await self._busy_as_set(db, left)
            try:
                await db.execute("BEGIN IMMEDIATE")
                yield db
                await db.execute("COMMIT")  # (a failed COMMIT, a full disk, leaves it open)
            except BaseException as exc:
                await _roll_back(db)
                self._raise_if_passing(exc)
                raise

    async def _write_one(self, sql: str, params: tuple[object, ...]) -> int:
        """One statement, one round trip to the database thread: in autocommit mode SQLite
        makes a single statement its own transaction, so the BEGIN/COMMIT trips (and their
        queueing under load) are saved. Returns the rows changed."""
        if self.read_only:
            raise StorageError(f"database {self.path} is open read-only")
        db = await self._connection()
        async with self._turn() as left:
            await self._still_in_place(db)
            await self._busy_as_set(db, left)
            try:
                cursor = await db.execute(sql, params)
            except sqlite3.Error as exc:
                self._raise_if_passing(exc)
                raise
            return cursor.rowcount

    async def _still_in_place(self, db: aiosqlite.Connection) -> None:
        """Refuse a write, as DatabaseUnavailable, while the path no longer names the file
        opened there: moved or deleted under the bot (an operator's mv or rm, a cleanup
        script). In WAL mode SQLite wrote on into that file without a word, and at the stop
        left its write-ahead log unapplied (it checkpoints no moved file): at the next start
        everything since the last checkpoint, the move's and after, was gone. Refused, not
        reopened at the path: a new file there would split the records in two, its ids
        starting over under answers whose buttons name the old ones. So the log is applied
        to the file once, now, keeping it whole wherever it went; moved back, it is written
        again; a restart starts on whatever file the path then names. One stat a write."""
        if not self._moved():
            if self._moved_said:
                self._moved_said = False
                log.info("database %s is back where it was: it is written again", self.path)
            return
        if not self._moved_said:
            self._moved_said = True
            await self._keep_whole(db)
        raise DatabaseUnavailable(
            f"cannot write to {self.path}: the file the bot opened there was moved or deleted "
            "while it ran; move it back for the bot to write to it again, or restart the bot "
            "to start on the file the path names then",
            problem=MOVED,
        )

    def _moved(self) -> bool:
        """Whether the path names another file than the one opened, or none. (A read-only
        store opened none to write; an unreadable folder: the write says what is wrong.)"""
        if self._opened is None:
            return False
        try:
            return _identity(self.path) != self._opened
        except OSError:
            return False

    async def _keep_whole(self, db: aiosqlite.Connection, *, stopping: bool = False) -> None:
        """The moved or deleted file made whole (its write-ahead log applied to it), and the
        operator told once where its records are (``stopping``: the bot lets it go now)."""
        try:
            await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            log.warning("could not apply the write-ahead log to the moved database: %r", exc)
        assert self._opened is not None
        held = _held_open(self._opened)
        if not held:
            where = "its records so far are in that file, wherever it went"
        elif stopping:
            where = "it was deleted, and its records go with it as the bot stops"
        else:
            where = f"it was deleted: until the bot stops, its records can be copied from {held}"
        log.warning(
            "database %s was moved or deleted while the bot ran (%s): nothing more is "
            "written until it is moved back, or the bot restarted to start on the file "
            "the path names then",
            self.path,
            where,
        )

    def _raise_if_passing(self, exc: BaseException) -> None:
        """A write the disk had no room for, another program kept from the file past
        busy_timeout, or a read-only disk refused, as DatabaseUnavailable: it passes (space
        freed, the other program done, the disk remounted), so the bot's loops say it in one
        warning line. As a plain sqlite3 error it was an internal fault: the retry queue
        logged a traceback every 10 s while it lasted, and each forum post one more."""
        if _is_disk_full(exc, self.path.parent):
            raise DatabaseUnavailable(
                f"cannot write to {self.path}: the disk holding it is full; free some space",
                problem=DISK_FULL,
            ) from exc
        if _is_locked(exc):
            raise self._held_locked(self._turn_seconds) from exc
        if _is_read_only(exc, self.path.parent):
            raise DatabaseUnavailable(
                f"cannot write to {self.path}: it is read-only (its disk remounted read-only, "
                "as after a disk error, or the file not writable by the bot's user)",
                problem=READ_ONLY,
            ) from exc

    async def _scrub(self) -> None:
        """Members' words just deleted, gone from the files too: the write-ahead log kept
        every row written since its last checkpoint (their words among them), and the
        running bot never empties it. Copied into the database file (where the deletion
        zeroed them) and the log emptied (not while another process reads the file: the
        next deletion, or the close, empties it). The deletion stands whatever this does."""
        async with self._lock:
            if self._db is None:  # (closed meanwhile, which empties the log)
                return
            try:
                # Not waiting for a reader to finish (a backup, a report): busy_timeout held
                # every other query of the bot that long, for each message deleted.
                await self._db.execute("PRAGMA busy_timeout = 0")
                try:
                    await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    wait = round(self._busy_seconds * 1000)
                    await self._db.execute(f"PRAGMA busy_timeout = {wait}")
                    self._busy_told = self._busy_seconds
            except sqlite3.Error as exc:  # (a full disk, say)
                log.warning("could not empty the database's write-ahead log: %r", exc)

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        db = await self._connection()
        async with self._turn("read"):  # never read in the middle of another task's transaction
            yield db

    # -- the protocol ------------------------------------------------------------------
    async def listen_reloads(self, callback: Callable[[], None]) -> None:
        """One process: nobody else reloads."""

    async def announce_reload(self) -> None:
        """One process: nobody to tell."""

    async def record_question(self, question: AskedQuestion) -> None:
        sql = (
            "INSERT INTO questions (text, channel_id, best_id, best_score, answered, asked_at,"
            " kind, message_id, asker_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        params = (
            clean_text(question.text),
            question.channel_id,
            question.best_id,
            float(question.best_score),
            int(question.answered),
            stamp(question.when),
            question.kind,
            question.message_id,
            question.asker_hash,
        )
        if question.kind != "miss" or question.best_id is None:
            await self._write_one(sql, params)
            return
        async with self._write() as db:  # (the miss kept, and counted for good: COUNT_MISS)
            await db.execute(sql, params)
            await db.execute(_COUNT_MISS, (question.best_id,))

    async def record_served(self, entry_id: str) -> None:
        await self._write_one(
            "INSERT INTO served (entry_id, count) VALUES (?, 1)"
            " ON CONFLICT (entry_id) DO UPDATE SET count = count + 1",
            (entry_id,),
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
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (entry_id, message_id, user_hash)"
            " DO UPDATE SET helpful = excluded.helpful, voted_at = " + KEEP_SAME_VOTE_TIME
        )
        params = (entry_id, message_id, user_hash, int(helpful), stamp(utc_now()))
        if unkeyed is None:
            await self._write_one(sql, params)
            return
        old = (user_hash, unkeyed, entry_id, message_id)
        async with self._write() as db:
            await db.execute(*_plain_placeholders(TAKE_OVER_UNKEYED_VOTE, old))
            await db.execute(*_plain_placeholders(UNKEYED_VOTE_GONE, old[1:]))
            await db.execute(sql, params)

    async def claim_chore(self, name: str, day: dt.date) -> bool:
        changed = await self._write_one(
            "INSERT OR IGNORE INTO chores (name, day, done_at) VALUES (?, ?, ?)",
            (name, day.isoformat(), stamp(utc_now())),
        )
        return changed == 1

    async def chore_claimed_before(self, name: str, before: dt.datetime) -> dt.datetime | None:
        async with self._read() as db:
            if self._version < 6:
                return None
            rows = await db.execute_fetchall(
                "SELECT MAX(done_at) FROM chores WHERE name = ? AND done_at < ?",
                (name, stamp(before)),
            )
        (last,) = next(iter(rows), (None,))
        return None if last is None else dt.datetime.fromisoformat(last)

    async def release_chore(self, name: str, day: dt.date) -> None:
        await self._write_one(
            "DELETE FROM chores WHERE name = ? AND day = ?", (name, day.isoformat())
        )

    async def claim_post(self, thread_id: int, owed: PendingReply | None = None) -> bool:
        if owed is None:
            changed = await self._write_one(
                "INSERT OR IGNORE INTO claimed_posts (thread_id, claimed_at) VALUES (?, ?)",
                (thread_id, stamp(utc_now())),
            )
            return changed == 1
        async with self._write() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO claimed_posts (thread_id, claimed_at) VALUES (?, ?)",
                (thread_id, stamp(utc_now())),
            )
            if cursor.rowcount != 1:
                return False
            await db.execute(_UPSERT_PENDING, _pending_row(owed))
        return True

    async def queue_reply(self, reply: PendingReply) -> None:
        await self._write_one(_UPSERT_PENDING, _pending_row(reply))

    async def settle_reply(self, kind: str, message_id: int) -> None:
        await self._write_one(
            "DELETE FROM pending_replies WHERE kind = ? AND message_id = ?", (kind, message_id)
        )

    async def take_due_replies(self, limit: int, lease_seconds: float) -> list[PendingReply]:
        # One IMMEDIATE transaction: another process on the same file waits for it, so a
        # reply is taken by one of them only.
        async with self._write() as db:
            rows = list(
                await db.execute_fetchall(
                    f"SELECT {PENDING_COLUMNS} FROM pending_replies WHERE due_at <= ?"
                    " ORDER BY created_at LIMIT ?",
                    (stamp(utc_now()), limit),
                )
            )
            until = seconds_from_now(lease_seconds)
            await db.executemany(
                "UPDATE pending_replies SET due_at = ?, attempts = attempts + 1"
                " WHERE kind = ? AND message_id = ?",
                [(stamp(until), r[0], r[1]) for r in rows],
            )
        # (An unreadable one is leased all the same: left due, it came first every pass,
        # ahead of the readable ones.)
        return [dataclasses.replace(r, due=until, attempts=r.attempts + 1) for r in _owed(rows)]

    async def expire_replies(self, max_age_seconds: float) -> list[PendingReply]:
        cutoff, now = stamp(seconds_from_now(-max_age_seconds)), stamp(utc_now())
        expired = "created_at < ? AND due_at <= ?"  # (not while a try holds its lease)
        async with self._write() as db:
            rows = list(
                await db.execute_fetchall(
                    f"SELECT {PENDING_COLUMNS} FROM pending_replies WHERE {expired}",
                    (cutoff, now),
                )
            )
            await db.execute(f"DELETE FROM pending_replies WHERE {expired}", (cutoff, now))
        return _owed(rows)

    async def pending_replies(self) -> list[PendingReply]:
        async with self._read() as db:
            rows = await db.execute_fetchall(
                f"SELECT {PENDING_COLUMNS} FROM pending_replies ORDER BY due_at"
            )
        return _owed(rows)

    async def record_rejected(self, question_id: int, entry_id: str) -> bool:
        changed = await self._write_one(
            "INSERT OR IGNORE INTO rejected_answers (question_id, entry_id, rejected_at)"
            " VALUES (?, ?, ?)",
            (question_id, entry_id, stamp(utc_now())),
        )
        return changed == 1

    async def rejected(self, question_id: int) -> set[str]:
        async with self._read() as db:
            rows = await db.execute_fetchall(
                "SELECT entry_id FROM rejected_answers WHERE question_id = ?", (question_id,)
            )
        return {entry_id for (entry_id,) in rows}

    async def record_reply(self, question_id: int, channel_id: int, reply_id: int) -> bool:
        changed = await self._write_one(
            "INSERT OR IGNORE INTO bot_replies (reply_id, question_id, channel_id, sent_at)"
            " VALUES (?, ?, ?, ?)",
            (reply_id, question_id, channel_id, stamp(utc_now())),
        )
        return changed == 1

    async def replies_to(self, question_id: int) -> list[tuple[int, int]]:
        async with self._read() as db:
            rows = await db.execute_fetchall(_REPLIES_TO, (question_id,))
        return [(channel_id, reply_id) for channel_id, reply_id in rows]

    async def take_replies(self, question_id: int) -> list[tuple[int, int]]:
        sql = _REPLIES_TO
        async with self._read() as db:
            if not await db.execute_fetchall(sql, (question_id,)):
                return []  # (most messages deleted: no write for them)
        async with self._write() as db:
            rows = await db.execute_fetchall(sql, (question_id,))
            await db.execute("DELETE FROM bot_replies WHERE question_id = ?", (question_id,))
        return [(channel_id, reply_id) for channel_id, reply_id in rows]

    async def record_taught(self, taught: TaughtExample) -> None:
        await self._write_one(
            "INSERT INTO taught (message_id, entry_id, text, by_hash, taught_at, author_hash)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id, entry_id) DO NOTHING",
            (
                taught.message_id,
                taught.entry_id,
                clean_text(taught.text),
                taught.by_hash,
                stamp(taught.when),
                taught.author_hash,
            ),
        )

    async def forget_asked(self, message_ids: Sequence[int], channel_id: int | None = None) -> int:
        kept = [
            (f"{table} WHERE message_id = ?", (message_id,))
            for table in ("questions", "taught", "pending_replies")
            for message_id in message_ids
        ]
        if channel_id is not None:
            kept += [
                (f"{table} WHERE channel_id = ?", (channel_id,))
                for table in ("questions", "pending_replies")
            ]
            in_thread = ANSWERED_IN_THREAD.replace("$1", "?")
            kept.append((f"taught WHERE message_id IN ({in_thread})", (channel_id,)))
        async with self._read() as db:  # (most messages deleted kept nothing: no write)
            kept = [
                (where, params)
                for where, params in kept
                if await db.execute_fetchall(f"SELECT 1 FROM {where} LIMIT 1", params)
            ]
        if not kept:
            return 0
        gone = 0
        async with self._write() as db:
            for where, params in kept:
                gone += (await db.execute(f"DELETE FROM {where}", params)).rowcount
        await self._scrub()
        return gone

    async def kept_from(self, channel_ids: Sequence[int], since: dt.datetime) -> set[int]:
        marks = ", ".join("?" * len(channel_ids))
        sql = (
            "SELECT DISTINCT message_id FROM questions WHERE asked_at >= ?"
            f" AND channel_id IN ({marks}) AND message_id IS NOT NULL"
        )
        async with self._read() as db:
            rows = await db.execute_fetchall(sql, (stamp(since), *channel_ids))
        return {message_id for (message_id,) in rows}

    async def forget_member(self, user_hash: str) -> tuple[int, int]:
        forget = (FORGET_ASKED, FORGET_TAUGHT, FORGET_VOTES, FORGET_OWED)
        marked = [sql.replace("$1", "?") for sql in forget]
        async with self._write() as db:
            texts = (await db.execute(marked[0], (user_hash,))).rowcount
            texts += (await db.execute(marked[1], (user_hash,))).rowcount
            texts += (await db.execute(marked[3], (user_hash,))).rowcount
            votes = (await db.execute(marked[2], (user_hash,))).rowcount
            for sql in UNNAME:
                await db.execute(sql.replace("$1", "?"), (user_hash,))
        await self._scrub()
        return texts, votes

    async def taught(self, limit: int = 100) -> list[TaughtExample]:
        async with self._read() as db:
            return await self._taught(db, limit)

    async def _taught(
        self, db: aiosqlite.Connection, limit: int, offset: int = 0
    ) -> list[TaughtExample]:
        """The taught examples, newest first (none before the table came, in version 3)."""
        if self._version < 3:
            return []
        rows = await db.execute_fetchall(
            "SELECT text, entry_id, message_id, by_hash, taught_at FROM taught"
            " ORDER BY taught_at DESC, message_id DESC, entry_id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            TaughtExample(text, entry_id, message_id, by_hash, dt.datetime.fromisoformat(at))
            for text, entry_id, message_id, by_hash, at in readable(
                rows, TAUGHT_ROW, "taught example"
            )
        ]

    async def _reviewed_keys(self, db: aiosqlite.Connection) -> set[str]:
        if self._version < 4:
            return set()
        return {key for (key,) in await db.execute_fetchall("SELECT key FROM reviewed")}

    async def review_queue(self, limit: int | None = None) -> ReviewQueue:
        async with self._read() as db:
            if self._version == 0:
                return []
            reviewed = await self._reviewed_keys(db)
            kind = "kind" if self._version >= 4 else "''"
            columns = f"text, channel_id, best_id, best_score, answered, asked_at, {kind}"

            async def page(where: str, limit: int, offset: int) -> list[AskedQuestion]:
                rows = await db.execute_fetchall(
                    f"SELECT {columns} FROM questions WHERE {where.format(kind=kind)}"
                    # (rowid breaks ties, as id does on PostgreSQL: pages of one order)
                    " ORDER BY asked_at DESC, rowid DESC LIMIT ? OFFSET ?",
                    (limit, offset),
                )
                rows = readable(rows, REVIEW_ROW, "stored question")
                return [
                    AskedQuestion(
                        text=text,
                        channel_id=channel_id,
                        best_id=best_id,
                        best_score=best_score,
                        answered=bool(answered),
                        when=dt.datetime.fromisoformat(asked_at),
                        kind=k,
                    )
                    for text, channel_id, best_id, best_score, answered, asked_at, k in rows
                ]

            async def taught_page(limit: int, offset: int) -> list[AskedQuestion]:
                return [as_question(t) for t in await self._taught(db, limit, offset)]

            # Worst kind first, as the queue shows them: a flood of one never hides a worse one.
            pages = [*(partial(page, where) for where in _QUESTION_KINDS), taught_page]
            questions = await worst_first_window(pages, reviewed)
        return await asyncio.to_thread(build_queue, questions, reviewed, limit)

    async def record_review(
        self,
        keys: Sequence[str],
        action: str,
        entry_id: str | None,
        by_hash: str,
        answered_with: str | None = None,
    ) -> int:
        now = stamp(utc_now())
        repointed = recorded = 0
        async with self._write() as db:
            for key in dict.fromkeys(keys):
                cursor = await db.execute(
                    "INSERT INTO reviewed (key, action, entry_id, answered_with, by_hash,"
                    " reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO "
                    + REPLACE_DISMISSAL,
                    (key, action, entry_id, answered_with, by_hash, now),
                )
                # (A question decided before keeps that decision, and its count, but for
                # a Dismiss giving way to a pick: see REPLACE_DISMISSAL.)
                if cursor.rowcount == 1:
                    recorded += 1
                    repointed += counts_as_repointed(key, action, entry_id, answered_with)
            if repointed:
                await db.execute(_COUNT_REPOINTED, (answered_with, repointed))
        return recorded

    async def decided(self, keys: Sequence[str]) -> set[str]:
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        async with self._read() as db:
            if self._version < 4:
                return found
            # (In slices: SQLite caps the parameters of one statement.)
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                marks = ", ".join("?" * len(part))
                sql = f"SELECT key FROM reviewed WHERE key IN ({marks})"
                found.update(key for (key,) in await db.execute_fetchall(sql, part))
        return found

    async def still_stored(self, text: str, miss: bool) -> bool:
        async with self._read() as db:
            if self._version == 0:
                return False
            kind = "kind" if self._version >= 4 else "''"
            which = f"{kind} = 'miss'" if miss else f"{kind} != 'miss'"
            sql = f"SELECT 1 FROM questions WHERE text = ? AND {which} LIMIT 1"
            if await db.execute_fetchall(sql, (clean_text(text),)):
                return True
            if miss or self._version < 3:
                return False
            sql = "SELECT 1 FROM taught WHERE text = ? LIMIT 1"
            return bool(await db.execute_fetchall(sql, (clean_text(text),)))

    async def gaps(self, days: int | None, limit: int = 10) -> list[GapGroup]:
        sql = (
            "SELECT text, channel_id, best_id, best_score, asked_at FROM questions"
            " WHERE answered = 0"
        )
        params: tuple[str, ...] = ()
        cutoff = days_ago(days) if days is not None else None
        if cutoff is not None:
            sql += " AND asked_at >= ?"
            params = (stamp(cutoff),)
        async with self._read() as db:
            if self._version == 0:
                return []
            if self._version >= 4:  # a read-only look at an older database has no kinds
                sql += " AND kind = ''"
            rows = await db.execute_fetchall(sql, params)
            reviewed = await self._reviewed_keys(db)
        # Reading rows into questions and grouping them is CPU work: off the event loop, so
        # heartbeats and replies go on (100,000 stored questions blocked it for seconds;
        # checking them alone takes some 70 ms).
        when = dt.datetime.fromisoformat

        def grouped() -> list[GapGroup]:
            return gaps_of_rows(readable(rows, GAP_ROW, "stored question"), reviewed, when, limit)

        return await asyncio.to_thread(grouped)

    async def stats(self) -> list[EntryStats]:
        async with self._read() as db:
            if self._version == 0:
                return []
            served = await db.execute_fetchall("SELECT entry_id, count FROM served")
            votes = await db.execute_fetchall(
                "SELECT entry_id, SUM(helpful), SUM(1 - helpful) FROM votes GROUP BY entry_id"
            )
            misses: list[Any] = []
            repointed: list[Any] = []
            if self._version >= FEEDBACK_VERSION:
                counted = await db.execute_fetchall(
                    "SELECT entry_id, misses, repointed FROM feedback"
                )
                misses = [(entry_id, n) for entry_id, n, _ in counted if n]
                repointed = [(entry_id, n) for entry_id, _, n in counted if n]
            elif self._version >= 4:  # (an older bot's database, read by the command line)
                misses = await db.execute_fetchall(
                    "SELECT best_id, COUNT(*) FROM questions WHERE kind = 'miss'"
                    " AND best_id IS NOT NULL GROUP BY best_id"
                )
                repointed = await db.execute_fetchall(REPOINTED_SQL)
        return build_stats(
            {entry_id: count for entry_id, count in served},
            {entry_id: (int(up), int(down)) for entry_id, up, down in votes},
            {entry_id: int(n) for entry_id, n in misses},
            {entry_id: int(n) for entry_id, n in repointed},
        )

    async def not_helpful_since(self, since: dt.datetime) -> dict[str, int]:
        async with self._read() as db:
            if self._version == 0:
                return {}
            rows = await db.execute_fetchall(
                "SELECT entry_id, COUNT(*) FROM votes WHERE helpful = 0 AND voted_at >= ?"
                " GROUP BY entry_id",
                (stamp(since),),
            )
        return {entry_id: int(n) for entry_id, n in rows}

    async def purge(self, older_than_days: int) -> int:
        question_cutoff = days_ago(older_than_days)
        if question_cutoff is None:  # a retention longer than the calendar: nothing is old
            return 0
        cutoff = stamp(question_cutoff)
        claims_cutoff = stamp(days_ago(max(older_than_days, CLAIM_MIN_DAYS)) or question_cutoff)
        async with self._write() as db:
            cursor = await db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
            deleted = cursor.rowcount
            await db.execute("DELETE FROM claimed_posts WHERE claimed_at < ?", (claims_cutoff,))
            await db.execute("DELETE FROM rejected_answers WHERE rejected_at < ?", (claims_cutoff,))
            await db.execute("DELETE FROM bot_replies WHERE sent_at < ?", (claims_cutoff,))
            await db.execute("DELETE FROM taught WHERE taught_at < ?", (cutoff,))
            old = await db.execute_fetchall(
                "SELECT key FROM reviewed WHERE reviewed_at < ?", (cutoff,)
            )
            if old:  # (kept while a question asked since has its words: see unused_decisions)
                asked = await db.execute_fetchall("SELECT text, kind FROM questions")
                taught = await db.execute_fetchall("SELECT text FROM taught")
                unused = await asyncio.to_thread(
                    unused_decisions, [k for (k,) in old], asked, [t for (t,) in taught]
                )
                await db.executemany("DELETE FROM reviewed WHERE key = ?", [(k,) for k in unused])
        await self._scrub()
        if deleted:
            log.info(
                "purged %s older than %s",
                counted(deleted, "stored question"),
                counted(older_than_days, "day"),
            )
        return deleted
