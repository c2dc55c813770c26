"""Change FAQ files safely: validate before writing, write atomically with a backup, and
refuse to overwrite an edit someone else saved in the meantime."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import shutil
import stat
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge import frontmatter
from knowledge.examples import (
    MAX_TEXT,
    OFF_TOPIC,
    Example,
    as_written,
    examples_dir,
    is_empty_list,
    read_examples,
    render_examples,
    same_question_key,
)
from knowledge.loader import (
    MAX_EXAMPLES_BYTES,
    Problem,
    check_entries,
    not_a_file,
    parse_entry,
    partial_entry,
    read_utf8,
    scan_folder,
    too_large,
)
from knowledge.model import ID_PATTERN, FaqEntry, FrontMatter, odd_id_character
from knowledge.revise import CannotRevise, revise
from knowledge.spares import drop_leftover_spares, held_spare

log = logging.getLogger(__name__)

BACKUP_DIR = ".backups"
#: Earlier versions of each entry an edit keeps in BACKUP_DIR (the `faq_backups` setting).
BACKUPS_KEPT = 20
_ID = re.compile(ID_PATTERN)
# The order fields are written in: the model's own, so a new field is never dropped.
FIELD_ORDER = tuple(FrontMatter.model_fields)
#: Held from an edit's check to its write: two moderators (or two clicks) deciding at once
#: would otherwise both pass the check, and one write would lose the other's or clash with it.
_EDITING = threading.Lock()
#: The same across processes sharing one FAQ folder (see _editing): how long to wait.
EDIT_LOCK_SECONDS = 30.0


@contextlib.contextmanager
def _editing(folder: Path) -> Iterator[None]:
    """One edit at a time: in this process (a lock), and among processes that share the
    folder (a lock file beside the backups, out of the file watcher's sight)."""
    from filelock import FileLock, Timeout

    refuse_a_missing_folder(folder)
    with _EDITING:
        try:
            (folder / BACKUP_DIR).mkdir(exist_ok=True)
            lock = FileLock(folder / BACKUP_DIR / ".edit.lock", timeout=EDIT_LOCK_SECONDS)
            try:
                lock.acquire()
            except Timeout:
                raise EditRefused(
                    "another edit of this FAQ folder is being saved; nothing was saved, try again"
                ) from None
            try:
                yield
            finally:
                lock.release()
        except OSError as exc:
            # A read-only or full disk: a refusal (the moderator gets their text back), not
            # a crash. Writes go to a temporary file first, so the entry is as it was.
            log.warning("an FAQ edit failed on the file system", exc_info=True)
            where = f" ({Path(exc.filename).name})" if exc.filename else ""
            raise EditRefused(
                f"saving failed: {exc.strerror or exc}{where}; nothing was saved"
            ) from None


def refuse_a_missing_folder(folder: Path) -> None:
    """EditRefused naming the FAQ folder when it is not there (deleted, or moved by a
    deploy): a review decision then read "There is no entry 'x'" or "saving failed: No such
    file or directory (.backups)", which did not say what was wrong."""
    if not folder.is_dir():
        raise EditRefused(
            f"the FAQ folder {folder} is not there (deleted or moved); nothing was saved. "
            "Put it back (the bot answers from the FAQ it loaded meanwhile), then try again."
        )


class EditRefused(ValueError):
    """The edit cannot be made; the message says why (shown to the moderator), and
    ``problems`` lists what validation found, if that was the reason."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class EditConflict(EditRefused):
    """The file changed since the moderator opened it."""


class AlreadyExample(EditRefused):
    """The question is already an example; ``path`` is the file that holds it, so a
    caller can tell a decision already written (the same file) from a clash."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class EntryDiff:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    #: How many example questions before and after, when they changed (None: unchanged).
    examples: tuple[int, int] | None = None

    @property
    def anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.examples)

    def summary(self, most: int | None = 10, limit: int | None = None) -> str:
        """How many entries were added, changed and removed, naming up to ``most`` of each
        (None: all), and fewer while the whole is over ``limit`` characters (ids run to 71
        characters: ten of each could pass Discord's 2,000, and a cut lost the count of
        the rest); those not named are counted. Then whether the example questions
        changed: a moderator who taught one sees that the reload took it."""
        named = most
        said = self._said(named)
        widest = max(len(self.added), len(self.changed), len(self.removed))
        while limit is not None and len(said) > limit and named != 0 and widest:
            named = (widest if named is None else min(named, widest)) - 1
            said = self._said(named)
        return said

    def _said(self, most: int | None) -> str:
        said = self._entries(most)
        if self.examples is None:
            return said
        before, after = self.examples
        return f"{said}; example questions changed ({before:,} before, {after:,} now)"

    def _entries(self, most: int | None) -> str:
        parts = []
        for label, ids in (
            ("added", self.added),
            ("changed", self.changed),
            ("removed", self.removed),
        ):
            named = ids if most is None else ids[:most]
            more = f" and {len(ids) - len(named)} more" if len(named) < len(ids) else ""
            # (None named: the count says it all, without an empty "( and 12 more)".)
            parts.append(f"{len(ids)} {label}" + (f" ({', '.join(named)}{more})" if named else ""))
        return ", ".join(parts)


def diff_entries(
    old: dict[str, FaqEntry],
    new: dict[str, FaqEntry],
    old_examples: Sequence[Example] = (),
    new_examples: Sequence[Example] = (),
) -> EntryDiff:
    def content(entry: FaqEntry) -> dict[str, Any]:
        return entry.model_dump(exclude={"path"})

    def said(examples: Sequence[Example]) -> Counter[tuple[str, tuple[str, ...], bool]]:
        # What the questions say, not where they stand: a moved or reordered one is no change.
        return Counter((e.text, e.ids, e.written) for e in examples)

    return EntryDiff(
        added=tuple(sorted(new.keys() - old.keys())),
        changed=tuple(
            sorted(i for i in new.keys() & old.keys() if content(new[i]) != content(old[i]))
        ),
        removed=tuple(sorted(old.keys() - new.keys())),
        examples=(
            None
            if said(old_examples) == said(new_examples)
            else (len(old_examples), len(new_examples))
        ),
    )


def entry_path(folder: Path, entry_id: str) -> Path:
    """The file of an entry id; refuses anything that is not a plain id (no paths)."""
    # (Looser than the model's ID_MAX_LENGTH on purpose: an id a little too long reaches
    # validation, whose message says why; this only keeps names sane.)
    if not _ID.fullmatch(entry_id or "") or len(entry_id) > 80:
        flat = " ".join(str(entry_id).split())
        shown = flat if len(flat) <= 40 else flat[:39] + "…"
        raise EditRefused(
            f"'{shown}' is not a valid entry id{odd_id_character(flat)}: use lowercase "
            "letters, digits and single dashes, like 'my-new-entry'"
        )
    path = folder / f"{entry_id}.md"
    if path.resolve().parent != folder.resolve():
        raise EditRefused("entry ids cannot point outside the FAQ folder")
    return path


#: Half of a character as UTF-16 writes one above U+FFFF (an emoji): a surrogate.
_HALF_CHARACTER = re.compile("[\ud800-\udfff]")


def half_character(text: str) -> str | None:
    """The last words before the first half of a character in ``text`` (whole words, up to
    40 characters; "" at its start), or None when it holds none. Discord can cut a paste at
    a box's limit inside an emoji, leaving one half of its UTF-16 pair: no file can hold
    that (UTF-8 has no bytes for it), and YAML writes it as an escape its own reader
    refuses."""
    found = _HALF_CHARACTER.search(text)
    if found is None:
        return None
    words = text[: found.start()].split()
    kept = words[-1:]
    for word in reversed(words[:-1]):
        if len(" ".join([word, *kept])) > 40:
            break
        kept.insert(0, word)
    return " ".join(kept)[-40:]


def fingerprint(text: str | None) -> str:
    """What a moderator saw when they opened an entry ("" for a file that did not exist)."""
    return "" if text is None else hashlib.sha256(text.encode()).hexdigest()


def read_text(path: Path) -> str | None:
    """The file's text, None when there is no file, or EditRefused when it is not UTF-8
    (saved in another encoding) or cannot be read: no edit can start from it, and saying
    so beats a crash.
    EditRefused too for a name that is no regular file (a named pipe would hang the edit)."""
    if (odd := not_a_file(path)) is not None:
        raise EditRefused(f"{path.name} is {odd.message}; nothing was changed.")
    try:
        return read_utf8(path)
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise EditRefused(
            f"{path.name} is not UTF-8 text (saved in another encoding?): save it as UTF-8 "
            "first; nothing was changed."
        ) from None
    except OSError as exc:
        # (A file the bot's user may not read, saved by another user with mode 600: an
        # apology for an unexpected error said nothing of the file to fix.)
        raise EditRefused(
            f"{path.name} cannot be read ({exc.strerror or exc}); nothing was changed."
        ) from None


def render_file(meta: dict[str, Any], body: str) -> str:
    ordered = {k: meta[k] for k in FIELD_ORDER if k in meta}
    front = frontmatter.dump(ordered)
    return f"---\n{front}---\n{body.strip()}\n"


def edited_file(text: str | None, meta: dict[str, Any], changes: dict[str, Any], body: str) -> str:
    """An entry's file after an edit of some fields (``changes``) and its body: the file
    as written (``text``) with only those changed, keeping its comments and layout; where
    that cannot be done faithfully, or for a new file, written afresh from ``meta``."""
    changes = frontmatter.plain_line_ends(changes)  # (as dump writes them: see there)
    body = frontmatter.plain_line_ends(body)  # (a bare "\r" would stay raw in the file)
    if text is not None:
        try:
            return revise(text, changes, body)
        except CannotRevise as exc:
            log.info("writing the front matter afresh (%s)", exc)
    return render_file({**meta, **changes}, body)


def entry_meta(entry: FaqEntry) -> dict[str, Any]:
    data = entry.model_dump(mode="json", exclude={"body", "path"})
    data["updated"] = entry.updated
    return data


def check_new_text(folder: Path, entry_id: str, text: str) -> list[Problem]:
    """Problems the folder would have with ``text`` saved as this entry (nothing written)."""
    path = entry_path(folder, entry_id)
    scan = scan_folder(folder)
    others = [e for e in scan.entries if e.id != entry_id and Path(e.path).name != path.name]
    # Problems in other files are not this edit's fault, but they would block the reload:
    # report them too, so the moderator is not surprised. Only their own, though: the
    # checks across entries are made again below on the folder as it would be (the edit
    # that fixes a clash of titles must not be refused for that clash).
    problems = [p for p in scan.own if Path(p.path).name != path.name]
    broken = frozenset(Path(p.path).stem for p in problems)
    new_entry, own = parse_entry(path, text)
    if new_entry is None:
        # What it has right is still compared with the other entries, so a copied alias
        # is told now, not after the form's other mistake is fixed (see partial_entry).
        partial = partial_entry(path, text)
        broken |= {path.stem}
        cross = check_entries(others, broken, {str(path): text}, [partial] if partial else [])
        return sorted(problems + own + cross)
    # The whole folder as it would be, in the order a load reads it (by file name): a
    # clash is found on whichever entry comes later, which may be another entry's file.
    ordered = sorted([*others, new_entry], key=lambda e: Path(e.path).name)
    cross = check_entries(ordered, broken, {new_entry.path: text})
    # The examples files block the reload too (an 'also' naming an entry that is gone):
    # checked against the entries as they would be, as a reload checks them, so that the
    # new entry an example names is what fixes it instead of being refused for it.
    _, examples = read_examples(folder, {e.id for e in ordered} | broken)
    return sorted(problems + own + cross + examples)


_BOM = "\ufeff"


def _style(path: Path) -> tuple[str, str]:
    """How the file at ``path`` ends its lines and whether it opens with a byte order mark
    (a Windows editor's habit), as (line end, mark); a new file gets line feeds, no mark."""
    try:
        raw = path.read_bytes()
    except OSError:
        return "\n", ""
    mark = _BOM if raw.startswith(_BOM.encode()) else ""
    return ("\r\n" if b"\r\n" in raw else "\n"), mark


def current_umask() -> int:
    """The process's umask. Read from Linux's /proc where it is told: setting it to read
    it (the only portable way) leaves it 0 for a moment, process-wide, and a file another
    thread creates meanwhile (the matcher cache during a reload) would be anyone's."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o077)  # (for that moment a new file is private, not anyone's)
    os.umask(umask)
    return umask


def _keep_owner(fd: int, found: os.stat_result) -> None:
    """Give the new file the owner and group of the one it replaces, as far as this process
    may: a moderator's file, shared with the bot through a group, became the bot's, in the
    bot's group, and the moderator's editor could no longer save it. Only a superuser may
    give a file away; any user may keep its group, one they are in."""
    if not hasattr(os, "fchown"):  # (Windows: no owners to keep)
        return
    for uid in (found.st_uid, -1):
        try:
            os.fchown(fd, uid, found.st_gid)
            return
        except OSError:  # (EPERM; or EINVAL: NFSv4 with an owner its id mapping lacks)
            continue


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so readers see the old or the new file whole.
    A file that exists keeps its line ends and byte order mark: an edit from Discord
    changes the lines it changes, not every line of a file saved on Windows. A link is
    written through: the file it leads to (kept elsewhere, a shared checkout) gets the
    text, and the link stays (replacing it left the file elsewhere without the edit)."""
    path = Path(os.path.realpath(path))
    newline, mark = _style(path)
    text = mark + text.removeprefix(_BOM).replace("\r\n", "\n")
    try:
        tmp, fd = held_spare(path, 0o600)
    except OSError as exc:
        # Named by the folder (one the bot may not write in, say): the temporary file's
        # name, which a refusal shows, is no file a moderator knows of.
        raise OSError(exc.errno, exc.strerror, str(path.parent)) from None
    try:
        # The spare is made private (0600): keep the mode the file had, else what the
        # umask gives a new file, so other readers (a second process) can still read it.
        try:
            found = path.stat()
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        else:
            mode = stat.S_IMODE(found.st_mode)
            _keep_owner(fd, found)  # (first: a change of owner clears a set-id bit)
        os.chmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(tmp, path)  # (still held: no other write takes it for a leftover)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    drop_leftover_spares(path)


def save_entry(
    folder: Path, entry_id: str, text: str, expected: str, *, kept: int = BACKUPS_KEPT
) -> Path | None:
    """Validate and save ``text`` as the entry's file, keeping the previous version under
    ``.backups/`` with the entry's ``kept`` newest before it (older ones are deleted).
    ``expected`` is the fingerprint the moderator started from; a different current file
    means someone else saved first. Returns the backup path, if any."""
    with _editing(folder):
        backup = _save_entry(folder, entry_id, text, expected)
        if backup is not None:
            prune_backups(folder, entry_id, kept)
        return backup


def prune_backups(folder: Path, entry_id: str, kept: int) -> None:
    """Delete all but the ``kept`` newest backups of one entry (at least the newest stays):
    one was written for every edit and none ever went, so a busy FAQ's folder grew for
    ever. A backup that cannot be deleted is left, said in the log: the edit is saved."""
    stamped = re.compile(rf"{re.escape(entry_id)}\.\d{{8}}T\d{{12}}\.md\.bak")
    found = sorted(  # (the stamps are of one width: by name is oldest first)
        p.name
        for p in (folder / BACKUP_DIR).glob(f"{entry_id}.*.md.bak")
        if stamped.fullmatch(p.name)
    )
    for name in found[: -max(kept, 1)]:
        try:
            (folder / BACKUP_DIR / name).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not delete the old FAQ backup %s: %s", name, exc.strerror or exc)


def _save_entry(folder: Path, entry_id: str, text: str, expected: str) -> Path | None:
    path = entry_path(folder, entry_id)
    current = _as_opened(path, entry_id, expected)
    problems = check_new_text(folder, entry_id, text)
    if problems:
        # (the problems listed, so the moderator's reply fences and counts them)
        if all(Path(p.path).name != path.name for p in problems):
            # Not the edit's fault, but they would refuse the reload that takes it.
            raise EditRefused(
                "other FAQ files have problems that would block the reload, nothing was "
                "saved (fix them, then save again):",
                problems,
            )
        raise EditRefused("the entry is not valid, nothing was saved:", problems)
    # Checking the folder takes a moment: the lock binds the bot's own writes only, and a
    # hand edit saved meanwhile (an editor, a git pull) was written over without a word.
    current = _as_opened(path, entry_id, expected)
    backup = None
    if current is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        backup = folder / BACKUP_DIR / f"{entry_id}.{stamp}.md.bak"
        backup.parent.mkdir(exist_ok=True)
    try:
        if backup is not None:
            # (The file's own bytes: its line ends and byte order mark as they were.)
            shutil.copyfile(path, backup)
        atomic_write(path, text)
    except BaseException:
        if backup is not None:
            # Nothing saved, nothing backed up: on a full disk the copy was left cut short
            # (empty), the newest backup, and one of those kept in place of a whole one.
            backup.unlink(missing_ok=True)
        raise
    return backup


def _as_opened(path: Path, entry_id: str, expected: str) -> str | None:
    """The entry's file as the moderator opened it (``expected``, its fingerprint), else
    EditConflict: someone else saved it, or removed it, since."""
    current = read_text(path)
    if current is None and expected:
        raise EditConflict(
            f"'{entry_id}' was removed or renamed after you opened it; nothing was saved. "
            "Create it again with /faq-admin new if it should stay."
        )
    if fingerprint(current) != expected:
        raise EditConflict(
            f"'{entry_id}' was changed by someone else after you opened it; nothing was "
            "saved. Open it again to see their version, then re-apply your change."
        )
    return current


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


#: ExampleItem's own lower bound on a question's length.
MIN_EXAMPLE = 3


def examples_file(folder: Path, entry_id: str | None) -> Path:
    """The file that holds ``entry_id``'s example questions (None: the off-topic ones)."""
    return examples_dir(folder) / f"{entry_id or OFF_TOPIC}.yaml"


def add_example(folder: Path, entry_id: str | None, text: str, note: str | None = None) -> Path:
    """A moderator's review decision, written where the matcher learns from it: the
    question appended to ``entry_id``'s examples file, or to the off-topic file when
    ``entry_id`` is None. The file is written atomically and keeps its comments. Raises
    EditRefused for an unknown entry, an empty or huge question, a file the addition would
    leave invalid, or (AlreadyExample) a question already an example in any file: the same
    question on and off topic would teach nothing."""
    question = as_written(text).strip()
    if not MIN_EXAMPLE <= len(question) <= MAX_TEXT:
        raise EditRefused(
            f"An example question must be {MIN_EXAMPLE} to {MAX_TEXT} characters long."
        )
    refuse_a_missing_folder(folder)  # (before "There is no entry", which it is not)
    if entry_id is not None and read_text(entry_path(folder, entry_id)) is None:
        raise EditRefused(f"There is no entry '{entry_id}'.")
    with _editing(folder):
        return _add_example(folder, entry_id, question, note)


#: How often a decision starts again from an examples file saved by hand while it was
#: being written, before it is refused.
CHANGED_TRIES = 3


class _ChangedMeanwhile(Exception):
    """The examples file changed between its reading and the write that would replace it."""


def _refuse_dead_link(where: Path, target: Path) -> None:
    """The examples folder or file is a link whose target is gone (a volume not mounted,
    say): writing would fail on a bare "File exists", or replace the moderator's link with
    a file holding one question, so the decision waits until the link is mended."""
    if not where.is_dir() and (where.is_symlink() or where.exists()):
        gone = "is a link to a folder that is gone" if where.is_symlink() else "is not a folder"
        raise EditRefused(f"'{where.name}' {gone}: fix or remove it; nothing was saved.")
    if target.is_symlink() and not target.exists():
        raise EditRefused(
            f"{target.name} is a link to a file that is gone: fix or remove it; nothing was saved."
        )


def _add_example(folder: Path, entry_id: str | None, question: str, note: str | None) -> Path:
    # The lock binds the bot's own writes only: a file saved by hand meanwhile (an editor,
    # a git pull) is read again and the question added to it, a few times.
    for _ in range(CHANGED_TRIES):
        try:
            return _add_once(folder, entry_id, question, note)
        except _ChangedMeanwhile:
            continue
    name = examples_file(folder, entry_id).name
    raise EditRefused(f"{name} kept changing while the example was saved; nothing was saved.")


def _add_once(folder: Path, entry_id: str | None, question: str, note: str | None) -> Path:
    where = examples_dir(folder)
    ids = {p.stem for p in folder.glob("*.md")}
    examples, old_problems = read_examples(folder, ids)
    wanted = same_question_key(question)
    target = examples_file(folder, entry_id)
    for example in examples:
        if same_question_key(example.text) == wanted:
            held = Path(example.path)
            raise AlreadyExample(f"That question is already an example in {held.name}.", held)
    _refuse_dead_link(where, target)
    if (large := too_large(target, MAX_EXAMPLES_BYTES)) is not None:
        raise EditRefused(f"{target.name}: {large.message}; nothing was saved.")
    try:
        read = read_text(target)  # (EditRefused when it is not UTF-8)
    except OSError as exc:
        raise EditRefused(
            f"{target.name} cannot be read ({exc.strerror or exc}); nothing was saved."
        ) from None
    before = read or ""
    item: dict[str, Any] = {"text": question}
    if note:
        item["note"] = note
    added = render_examples([item])
    if is_empty_list(before):
        # No items yet, written as "[]" (a flow list): appended items would not parse.
        # Comments are kept; only the empty list goes (anything else is a moderator's
        # text, kept whole even when it does not parse).
        # (A byte order mark before the first comment is not text: it is written back.)
        lines = before.removeprefix(_BOM).splitlines(True)
        before = "".join(line for line in lines if line.lstrip()[:1] == "#")
    if before and not before.endswith("\n"):
        before += "\n"
    # Items written indented ("  - text: ...") are a valid list too: the new one goes at
    # the same indent, or the file would no longer parse.
    # (The first item's indent: a later "- " may be a line inside a multi-line text.)
    first = re.search(r"^([ \t]*)- ", before.removeprefix(_BOM), re.M)
    if first and first.group(1):
        indent = first.group(1)
        added = "".join(indent + line if line.strip() else line for line in added.splitlines(True))
    after = before + added
    if len(after.encode("utf-8")) > MAX_EXAMPLES_BYTES:
        raise EditRefused(
            f"{target.name} would be over {MAX_EXAMPLES_BYTES:,} bytes with it; nothing was saved."
        )
    # The folder as it would be: refuse what the addition breaks, not what was broken.
    _, new_problems = read_examples(folder, ids, replaced=(target, after))
    broken = Counter((p.path, p.message) for p in new_problems)
    broken.subtract((p.path, p.message) for p in old_problems)
    fresh = [p for p in new_problems if broken[(p.path, p.message)] > 0]
    if fresh:
        raise EditRefused(
            "the example would leave the examples invalid, nothing was saved:\n"
            + "\n".join(map(str, fresh)),
            fresh,
        )
    where.mkdir(parents=True, exist_ok=True)
    # Checking the folder takes a moment (parsing a large file): a hand edit saved in it was
    # replaced by the text read before it, and lost without a word.
    if read_text(target) != read:
        raise _ChangedMeanwhile
    atomic_write(target, after)
    return target
