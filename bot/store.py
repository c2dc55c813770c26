"""Kept for existing imports; the storage lives in ``bot.storage``."""

from bot.storage import (
    AskedQuestion,
    EntryStats,
    GapGroup,
    MemoryStore,
    SqliteStore,
    StorageError,
    Store,
    hash_user,
)

__all__ = [
    "AskedQuestion",
    "EntryStats",
    "GapGroup",
    "MemoryStore",
    "SqliteStore",
    "StorageError",
    "Store",
    "hash_user",
]
