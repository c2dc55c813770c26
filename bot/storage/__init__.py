"""What the bot remembers: questions it could not answer, votes, entries served, posts
answered. The cogs see only the ``Store`` protocol; ``open_store`` opens the configured one
(SQLite by default, PostgreSQL for several processes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.storage.base import (
    AskedQuestion,
    DatabaseUnavailable,
    EntryStats,
    GapGroup,
    PendingReply,
    ReviewItem,
    StorageError,
    Store,
    TaughtExample,
    hash_user,
    log_store_failure,
    unkeyed_hash,
    vote_key,
)
from bot.storage.memory import MemoryStore
from bot.storage.postgres import PostgresStore
from bot.storage.sqlite import CorruptDatabase, SqliteStore

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "AskedQuestion",
    "CorruptDatabase",
    "DatabaseUnavailable",
    "EntryStats",
    "GapGroup",
    "MemoryStore",
    "PendingReply",
    "PostgresStore",
    "ReviewItem",
    "SqliteStore",
    "StorageError",
    "Store",
    "TaughtExample",
    "hash_user",
    "log_store_failure",
    "open_store",
    "unkeyed_hash",
    "vote_key",
]


def open_store(settings: Settings) -> SqliteStore | PostgresStore:
    """The store the settings describe (PostgreSQL at ``database.url`` when set, else
    SQLite at ``database.path``), purging question text older than
    ``database.retention_days`` each time it opens. Not yet open: call
    ``await store.open()`` (e.g. in ``setup_hook``) and ``await store.close()`` on shutdown;
    a store used before ``open()`` opens itself."""
    database = settings.database
    if database.url:
        return PostgresStore(database.url, retention_days=database.retention_days)
    # Whole, so that what it says names the file: a relative path is in the folder the bot
    # runs in (a unit without WorkingDirectory: /).
    return SqliteStore(database.path.absolute(), retention_days=database.retention_days)
