"""Change FAQ files safely: validate before writing, write atomically with a backup, and
refuse to overwrite an edit someone else saved in the meantime."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.examples import MAX_TEXT, OFF_TOPIC, examples_dir, render_examples
from knowledge.loader import Problem, check_entries, parse_entry, read_entries
from knowledge.model import ID_PATTERN, FaqEntry, FrontMatter

BACKUP_DIR = ".backups"
_ID = re.compile(ID_PATTERN)
# The order fields are written in: the model's own, so a new field is never dropped.
FIELD_ORDER = tuple(FrontMatter.model_fields)


class EditRefused(ValueError):
    """The edit cannot be made; the message says why (shown to the moderator), and
    ``problems`` lists what validation found, if that was the reason."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class EditConflict(EditRefused):
    """The file changed since the moderator opened it."""


@dataclass(frozen=True)
class EntryDiff:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    def summary(self) -> str:
        parts = []
        for label, ids in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            parts.append(f"{len(ids)} {label}" + (f" ({', '.join(ids)})" if ids else ""))
        return ", ".join(parts)


def diff_entries(old: dict[str, FaqEntry], new: dict[str, FaqEntry]) -> EntryDiff:
    def content(entry: FaqEntry) -> dict[str, Any]:
        return entry.model_dump(exclude={"path"})

    return EntryDiff(
        added=tuple(sorted(new.keys() - old.keys())),
        changed=tuple(
            sorted(i for i in new.keys() & old.keys() if content(new[i]) != content(old[i]))
        ),
        removed=tuple(sorted(old.keys() - new.keys())),
    )


def entry_path(folder: Path, entry_id: str) -> Path:
    """The file of an entry id; refuses anything that is not a plain id (no paths)."""
    if not _ID.fullmatch(entry_id or "") or len(entry_id) > 80:
        flat = " ".join(str(entry_id).split())
        shown = flat if len(flat) <= 40 else flat[:39] + "…"
        raise EditRefused(
            f"'{shown}' is not a valid entry id: use lowercase letters, digits and "
            "single dashes, like 'my-new-entry'"
        )
    path = folder / f"{entry_id}.md"
    if path.resolve().parent != folder.resolve():
        raise EditRefused("entry ids cannot point outside the FAQ folder")
    return path


def fingerprint(text: str | None) -> str:
    """What a moderator saw when they opened an entry ("" for a file that did not exist)."""
    return "" if text is None else hashlib.sha256(text.encode()).hexdigest()


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def render_file(meta: dict[str, Any], body: str) -> str:
    ordered = {k: meta[k] for k in FIELD_ORDER if k in meta}
    front = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n{body.strip()}\n"


def entry_meta(entry: FaqEntry) -> dict[str, Any]:
    data = entry.model_dump(mode="json", exclude={"body", "path"})
    data["updated"] = entry.updated
    return data


def check_new_text(folder: Path, entry_id: str, text: str) -> list[Problem]:
    """Problems the folder would have with ``text`` saved as this entry (nothing written)."""
    path = entry_path(folder, entry_id)
    entries, problems = read_entries(folder)
    others = [e for e in entries if e.id != entry_id and Path(e.path).name != path.name]
    # Problems in other files are not this edit's fault, but they would block the reload:
    # report them too, so the moderator is not surprised.
    problems = [p for p in problems if Path(p.path).name != path.name]
    new_entry, own = parse_entry(path, text)
    if new_entry is None:
        return sorted(problems + own)
    cross = [p for p in check_entries([*others, new_entry]) if p.path == str(path)]
    return sorted(problems + own + cross)


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so readers see the old or the new file whole."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_entry(folder: Path, entry_id: str, text: str, expected: str) -> Path | None:
    """Validate and save ``text`` as the entry's file, keeping the previous version under
    ``.backups/``. ``expected`` is the fingerprint the moderator started from; a different
    current file means someone else saved first. Returns the backup path, if any."""
    path = entry_path(folder, entry_id)
    current = read_text(path)
    if fingerprint(current) != expected:
        raise EditConflict(
            f"'{entry_id}' was changed by someone else after you opened it; nothing was "
            "saved. Open it again to see their version, then re-apply your change."
        )
    problems = check_new_text(folder, entry_id, text)
    if problems:
        raise EditRefused(
            "the entry is not valid, nothing was saved:\n" + "\n".join(map(str, problems))
        )
    backup = None
    if current is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        backup = folder / BACKUP_DIR / f"{entry_id}.{stamp}.md.bak"
        backup.parent.mkdir(exist_ok=True)
        atomic_write(backup, current)
    atomic_write(path, text)
    return backup


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


#: ExampleItem's own lower bound on a question's length.
MIN_EXAMPLE = 3


def _same_question(text: str) -> str:
    return " ".join(text.casefold().split())


def add_example(folder: Path, entry_id: str | None, text: str, note: str | None = None) -> Path:
    """A moderator's review decision, written where the matcher learns from it: the
    question appended to ``entry_id``'s examples file, or to the off-topic file when
    ``entry_id`` is None. The file is written atomically and keeps its comments. Raises
    EditRefused for an unknown entry, an empty or huge question, or one already an example
    (in any file: the same question on and off topic would teach nothing)."""
    question = text.strip()
    if not MIN_EXAMPLE <= len(question) <= MAX_TEXT:
        raise EditRefused(
            f"An example question must be {MIN_EXAMPLE} to {MAX_TEXT} characters long."
        )
    if entry_id is not None and read_text(entry_path(folder, entry_id)) is None:
        raise EditRefused(f"There is no entry '{entry_id}'.")
    where = examples_dir(folder)
    wanted = _same_question(question)
    for path in sorted(where.glob("*.yaml")):
        try:
            items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError):
            continue  # validation reports a broken file; it cannot hold this question
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _same_question(str(item.get("text", ""))) == wanted:
                raise EditRefused(f"That question is already an example in {path.name}.")
    target = where / f"{entry_id or OFF_TOPIC}.yaml"
    before = read_text(target) or ""
    if before and not before.endswith("\n"):
        before += "\n"
    item: dict[str, Any] = {"text": question}
    if note:
        item["note"] = note
    where.mkdir(parents=True, exist_ok=True)
    atomic_write(target, before + render_examples([item]))
    return target
