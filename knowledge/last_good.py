"""The last complete version of each FAQ folder, kept beside the matcher cache.

A reload keeps the FAQ it has when a file is broken, but a process that starts while a file
is broken (a moderator's edit half done, a bad merge, a restart after a deploy) had nothing
to keep and would not start. Each complete load writes what it loaded (the entries and the
example questions, as JSON: newer code reads it, which a pickle would not promise), and a
start that finds the folder broken answers from it instead, saying so.

One file per folder (``last-good-<folder>-<content>.json``): a load whose content is
already saved writes nothing. Without a cache folder (``ROLLOVER_CACHE_DIR=off``) nothing
is kept, and a broken folder stops a start as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
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


def _prefix(folder: Path) -> str:
    where = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return f"last-good-{where}-"


def remember(folder: Path, entries: list[FaqEntry], examples: list[Example], digest: str) -> None:
    """Keep ``folder``'s complete content (``digest`` names it); never fails the load."""
    where = cache.folder()
    if where is None:
        return
    prefix = _prefix(folder)
    path = where / f"{prefix}{digest[:16]}.json"
    if path.is_file():
        return
    written: str | None = None
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = {
            "folder": str(folder),
            "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "entries": [e.model_dump(mode="json") for e in entries],
            "examples": [asdict(e) for e in examples],
        }
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=where, suffix=".tmp", delete=False
        ) as tmp:
            written = tmp.name
            json.dump(payload, tmp, ensure_ascii=False)
        os.replace(written, path)
        written = None
        for older in where.glob(f"{prefix}*.json"):
            if older != path:
                older.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError) as exc:
        log.info("could not keep the last complete FAQ in %s: %s", where, exc)
    finally:
        if written is not None:
            with contextlib.suppress(OSError):
                os.unlink(written)


def recall(folder: Path) -> Saved | None:
    """``folder``'s last complete content, or None (never loaded whole, or unreadable)."""
    where = cache.folder()
    if where is None:
        return None
    try:
        kept = max(where.glob(f"{_prefix(folder)}*.json"), key=lambda p: p.stat().st_mtime)
    except (OSError, ValueError):  # no folder, or nothing kept
        return None
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
