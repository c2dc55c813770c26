"""SQL run on the SQLite file of a bot that runs in the test's own event loop."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path


async def execute_beside(path: Path, *statements: str) -> None:
    """Run ``statements`` on another connection, off the event loop: the bot may be inside
    a write whose COMMIT waits for this loop, so a blocking wait for its lock here would
    hold the lock's only way out (a deadlock, "database is locked" after the timeout)."""
    await asyncio.to_thread(_execute, path, statements)


def _execute(path: Path, statements: tuple[str, ...]) -> None:
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()
