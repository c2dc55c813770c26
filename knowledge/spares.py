"""Spare files: a file is replaced whole by writing a spare beside it and renaming that into
its place. A process killed midway (`kill -9`, the machine's memory running out) leaves its
spare behind, a hidden copy no later write removed: one more per kill, in a moderator's FAQ
folder (a git checkout, where `git add -A` takes it in) or beside a chart. A spare is locked
(flock) while it is written, so the spares no process holds are leftovers to remove."""

from __future__ import annotations

import glob
import os
import secrets
import stat
from pathlib import Path

try:
    import fcntl  # (POSIX)
except ImportError:  # pragma: no cover - not POSIX: written as before, leftovers stay
    fcntl = None  # type: ignore[assignment]


def held_spare(target: Path, mode: int = 0o666) -> tuple[Path, int]:
    """A new file beside ``target`` (``.NAME.1a2b3c4d.tmp``), open for writing and locked
    while this process holds it open: close it only once it has replaced ``target``."""
    while True:
        spare = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        if fcntl is None:
            return spare, fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # (a file system without locks, some network mounts: as before)
            return spare, fd
        if os.fstat(fd).st_nlink:
            return spare, fd
        os.close(fd)  # (taken for a leftover before it was locked: another one)


def drop_leftover_spares(target: Path) -> None:
    """Remove the spares beside ``target`` that no process holds: each was left by a write
    killed midway. One being written now is held, and kept."""
    if fcntl is None:
        return
    pattern = f".{glob.escape(target.name)}.{'[0-9a-f]' * 8}.tmp"
    for leftover in target.parent.glob(pattern):
        try:
            # (Without waiting: a named pipe by that name, in a folder others write to,
            # would hold the write up for ever.)
            fd = os.open(leftover, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue  # (gone meanwhile, or not ours to read)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue  # (no spare of ours)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            leftover.unlink(missing_ok=True)  # (locked: no writer can take it meanwhile)
        except OSError:
            pass  # (held: a write in progress)
        finally:
            os.close(fd)
