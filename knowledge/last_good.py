"""The last complete version of each FAQ folder, kept beside the matcher cache.

A reload keeps the FAQ it has when a file is broken, but a process that starts while a file
is broken (a moderator's edit half done, a bad merge, a restart after a deploy) had nothing
to keep and would not start. Each complete load made to answer from (a start, a bot's
reload; not a preview or a test) writes what it loaded (the entries and the example
questions, as JSON: newer code reads it, which a pickle would not promise), and a start
that finds the folder broken answers from it instead, saying so.

One file per folder (``last-good-<folder>-<content>.json``, the folder by its absolute path,
not following links: a deploy that swaps a ``current`` link keeps its copy): a load whose
content is already saved only marks it as recent. Writers take turns (a lock file). Beyond
``KEEP`` copies, those of folders that are gone go first, then the least recently loaded.
A copy that could not be brought up to date is removed (or emptied), never served as the
last complete version. Without a cache
folder (``ROLLOVER_CACHE_DIR=off``) nothing is kept, and a broken folder stops a start as
before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from knowledge import cache
from knowledge.examples import Example
from knowledge.model import FaqEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    entries: list[FaqEntry]
    examples: list[Example]
    #: When this version was first loaded whole.
    saved: dt.datetime


#: Folders whose last complete copy is kept (the most recently loaded ones).
KEEP = 16
#: Longest wait for another process writing a copy (a write takes milliseconds).
LOCK_WAIT_SECONDS = 10.0


def _prefix(folder: Path) -> str:
    where = hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:16]
    return f"last-good-{where}-"


def remember(folder: Path, entries: list[FaqEntry], examples: list[Example], digest: str) -> None:
    """Keep ``folder``'s complete content (``digest`` names it); never fails the load."""
    where = cache.folder()
    if where is None:
        return
    prefix = _prefix(folder)
    path = where / f"{prefix}{digest[:16]}.json"
    from filelock import FileLock, Timeout

    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        with FileLock(where / "last-good.lock", timeout=LOCK_WAIT_SECONDS, mode=0o600):
            if path.is_file() and path.stat().st_size > 0:  # (an emptied one is no copy)
                os.utime(path)  # loaded again: recent, so pruned last
            else:
                _write(path, folder, entries, examples)
            for older in where.glob(f"{prefix}*.json"):
                if older != path:
                    older.unlink(missing_ok=True)
            _prune(where)
    except (OSError, TypeError, ValueError, Timeout) as exc:
        # Another copy of this folder would now stand for a version that is no longer the
        # last: say so where an operator looks, and drop it. (``path``, if there, holds
        # what was just loaded: written whole or not at all.)
        log.warning("could not keep the last complete FAQ of %s in %s: %s", folder, where, exc)
        for stale in where.glob(f"{prefix}*.json"):
            if stale != path:
                _drop(stale)


def _drop(stale: Path) -> None:
    """Remove a stale copy; in a folder that refuses that (read-only), empty it, which
    needs only the file's own permission: an empty copy is never served."""
    try:
        stale.unlink(missing_ok=True)
    except OSError:
        try:
            os.truncate(stale, 0)
        except OSError as exc:
            log.error("a stale copy of the FAQ could not be removed: %s (%s)", stale, exc)


def _write(path: Path, folder: Path, entries: list[FaqEntry], examples: list[Example]) -> None:
    """Atomically: a reader never sees half a copy."""
    payload = {
        "folder": os.path.abspath(folder),  # (pruning checks it from any directory)
        "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "entries": [e.model_dump(mode="json") for e in entries],
        "examples": [asdict(e) for e in examples],
    }
    written: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            dir=path.parent,
            prefix=cache.TEMP_PREFIXES[1],
            suffix=".tmp",
            delete=False,
        ) as tmp:
            written = tmp.name
            json.dump(payload, tmp)  # (ASCII: a folder name need not be valid UTF-8)
        os.replace(written, path)
        written = None
    finally:
        if written is not None:
            with contextlib.suppress(OSError):
                os.unlink(written)


def _prune(where: Path) -> None:
    """Beyond ``KEEP`` copies: first those of folders that are gone (a scratch checkout),
    then the least recently loaded."""
    kept = _by_age(where.glob("last-good-*.json"))
    if len(kept) <= KEEP:
        return
    gone = [p for p in kept if (folder := _folder_of(p)) is not None and not folder.is_dir()]
    for old in (gone + [p for p in kept if p not in gone])[: len(kept) - KEEP]:
        old.unlink(missing_ok=True)


def _folder_of(copy: Path) -> Path | None:
    """The folder a copy was made of, from the head of the file (written first), without
    reading the whole copy; None if it cannot be told."""
    try:
        with copy.open("rb") as handle:
            head = handle.read(8192).decode("utf-8", "replace")
        found = _FOLDER.match(head)
        folder = Path(json.loads(found[1])) if found else None
        return folder if folder is not None and folder.is_absolute() else None
    except (OSError, ValueError):
        return None


_FOLDER = re.compile(r'\{"folder": ("(?:[^"\\]|\\.)*")')


def _by_age(paths: Iterable[Path]) -> list[Path]:
    """Oldest first, leaving out files removed meanwhile."""
    dated = []
    for path in paths:
        with contextlib.suppress(OSError):
            dated.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(dated)]


def recall(folder: Path) -> Saved | None:
    """``folder``'s last complete content, or None (never loaded whole, or unreadable)."""
    where = cache.folder()
    if where is None:
        return None
    kept_ones = _by_age(where.glob(f"{_prefix(folder)}*.json"))
    if not kept_ones:
        return None
    kept = kept_ones[-1]
    try:
        payload = json.loads(kept.read_text(encoding="utf-8"))
        return Saved(
            entries=[FaqEntry.model_validate(e) for e in payload["entries"]],
            examples=[
                Example(
                    text=e["text"],
                    ids=tuple(e["ids"]),
                    path=e.get("path", ""),
                    line=e.get("line", 0),
                    written=e.get("written", False),
                )
                for e in payload["examples"]
            ],
            saved=dt.datetime.fromisoformat(payload["saved"]),
        )
    except Exception as exc:  # damaged, or from code that stored other fields
        log.warning("could not read the last complete FAQ %s: %s", kept, exc)
        return None
