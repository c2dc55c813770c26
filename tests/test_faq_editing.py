"""Saving an edited FAQ entry: a failed write never leaves a damaged file."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import frontmatter
from knowledge.base import KnowledgeBase
from knowledge.editing import (
    AlreadyExample,
    EditConflict,
    EditRefused,
    add_example,
    atomic_write,
    edited_file,
    fingerprint,
    render_file,
    save_entry,
)
from knowledge.examples import read_examples
from knowledge.loader import MAX_EXAMPLES_BYTES, load_entries, parse_entry
from tests.faq_factory import entry_text, write_entry


@contextlib.contextmanager
def refused_for(pattern: str) -> Iterator[None]:
    """The save is refused, and one of the problems it lists (which the moderator's reply
    fences and counts) matches ``pattern``."""
    with pytest.raises(EditRefused) as refused:
        yield
    listed = "\n".join(map(str, refused.value.problems))
    assert re.search(pattern, listed), listed


def _disk_full(*_: object) -> None:
    raise OSError(28, "No space left on device")


def test_a_write_that_fails_midway_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "entry.md"
    path.write_text("the old text\n")
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(OSError):
        atomic_write(path, "the new text, never fully on disk\n")
    assert path.read_text() == "the old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.md"], "no temporary file left"


def test_a_save_refused_for_a_full_disk_leaves_the_backups_as_they_were(tmp_path: Path) -> None:
    """A save from Discord refused on a full disk said "nothing was saved", but left its
    backup of the file in .backups/: cut short, empty, where the disk filled during the
    copy; whole where it filled during the write. Either was the newest backup, the one a
    moderator restoring the previous version takes, and one of those kept (each pushing a
    good one out). A refused save leaves the backups as they were."""
    from tests.full_disk import fill_up, full_disk

    with full_disk(tmp_path / "disk") as folder:
        path = write_entry(folder, "alpha", body="An answer long enough to fill a page. " * 40)
        first = entry_text("alpha", body="The first edit.")
        save_entry(folder, "alpha", first, fingerprint(path.read_text()))
        [kept] = (folder / ".backups").glob("*.bak")
        fill_up(folder)
        filler = folder / "filler"
        for room in ("none", "a page: the copy fits, the new file does not"):
            with pytest.raises(EditRefused, match="No space left on device"):
                save_entry(folder, "alpha", entry_text("alpha"), fingerprint(first))
            assert list((folder / ".backups").glob("*.bak")) == [kept], room
            assert path.read_text() == first
            os.truncate(filler, filler.stat().st_size - 4096)
        filler.unlink()  # positive control: with room, the save is made and backed up
        save_entry(folder, "alpha", entry_text("alpha"), fingerprint(first))
        backups = sorted((folder / ".backups").glob("*.bak"))
        assert len(backups) == 2 and backups[-1].read_text() == first


def test_a_folder_the_bot_may_not_write_in_is_named_when_a_save_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FAQ folder the bot's user may read but not write in (a checkout owned by the
    deploying user): the refusal named the temporary file the write goes through,
    "Permission denied (.alpha.md.eubh7sqm.tmp)", a file no moderator knows of."""
    path = write_entry(tmp_path, "alpha")
    (tmp_path / ".backups").mkdir()  # (made by an earlier edit, before the folder was closed)
    (tmp_path / "examples").mkdir()
    before = path.read_text()
    real = os.open

    def closed(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        # (as the kernel refuses the bot's user: the tests run as root, who may write anywhere)
        if flags & os.O_CREAT and Path(os.fsdecode(file)).parent in (
            tmp_path,
            tmp_path / "examples",
        ):
            raise PermissionError(13, "Permission denied", os.fsdecode(file))
        return real(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", closed)
    with pytest.raises(EditRefused) as refused:
        save_entry(tmp_path, "alpha", entry_text("alpha", body="Edited."), fingerprint(before))
    assert str(refused.value) == (
        f"saving failed: Permission denied ({tmp_path.name}); nothing was saved"
    )
    with pytest.raises(EditRefused) as refused:
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert str(refused.value) == "saving failed: Permission denied (examples); nothing was saved"
    assert path.read_text() == before


def test_save_entry_that_fails_on_disk_keeps_the_faq_loadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_entry(tmp_path, "alpha")
    before = (tmp_path / "alpha.md").read_text()
    edited = entry_text("alpha", body="A longer, better answer.")
    monkeypatch.setattr(os, "fsync", _disk_full)
    # A refusal (the moderator's text comes back to them), not an error out of the edit.
    full = "saving failed: No space left on device; nothing was saved"
    with pytest.raises(EditRefused, match=full):
        save_entry(tmp_path, "alpha", edited, fingerprint(before))
    with pytest.raises(EditRefused, match=full):
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert (tmp_path / "alpha.md").read_text() == before
    assert [e.id for e in load_entries(tmp_path)] == ["alpha"]
    assert read_examples(tmp_path, {"alpha"}) == ([], [])
    monkeypatch.undo()
    save_entry(tmp_path, "alpha", edited, fingerprint(before))
    assert "better answer" in (tmp_path / "alpha.md").read_text()


# -- what a save or a review decision checks: the folder as it would be -----------------


def test_a_save_that_clashes_with_an_entry_later_in_the_folder_is_refused(
    tmp_path: Path,
) -> None:
    """The clash is found on whichever entry comes later: a new title equal to another
    entry's alias must be refused even when that entry's file sorts after the edited one."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "zulu", aliases=["what is a backdoor roth"])
    before = (tmp_path / "alpha.md").read_text()
    clashing = entry_text("alpha", title="What is a backdoor Roth")
    with refused_for(r"zulu\.md"):
        save_entry(tmp_path, "alpha", clashing, fingerprint(before))
    assert (tmp_path / "alpha.md").read_text() == before
    assert [e.id for e in load_entries(tmp_path)] == ["alpha", "zulu"]
    # and in the words validate would use once it is saved
    import shutil

    from knowledge.editing import check_new_text
    from knowledge.loader import read_entries

    saved = tmp_path.parent / "saved"
    shutil.copytree(tmp_path, saved)
    (saved / "alpha.md").write_text(clashing)
    # and at the same lines, though the edited text is not on disk yet
    validate = [
        (Path(p.path).name, p.line, p.message.replace(str(saved), str(tmp_path)))
        for p in read_entries(saved)[1]
    ]
    refused = check_new_text(tmp_path, "alpha", clashing)
    assert [(Path(p.path).name, p.line, p.message) for p in refused] == validate
    assert any(p.line > 1 and Path(p.path).name == "alpha.md" for p in refused), refused


def test_an_alias_added_twice_is_told_at_its_line_in_the_edited_text(tmp_path: Path) -> None:
    """The edit is checked before it is written: its problems are at their lines in the
    text as edited, not line 1 of the file still on disk."""
    from knowledge.editing import check_new_text

    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "zulu", aliases=["what is a backdoor roth"])
    text = entry_text("alpha", aliases=["alpha one", "what is a backdoor roth", "alpha one"])
    lines = text.split("\n")
    said = [p for p in check_new_text(tmp_path, "alpha", text) if p.path.endswith("alpha.md")]
    assert {p.message.split(" (")[0].split(" is also")[0]: lines[p.line - 1] for p in said} == {
        "'what is a backdoor roth'": "- what is a backdoor roth",  # (an alias in zulu.md)
        "duplicate alias 'alpha one'": "- alpha one",
    }, said


def test_an_edit_with_a_mistake_of_its_own_is_checked_against_the_others_too(
    tmp_path: Path,
) -> None:
    """An edit whose link was mistyped was refused for the link alone; its alias copied
    from another entry was told only when the fixed edit was sent. Both are told at once,
    at their lines in the edited text, as validate tells them once it is saved."""
    import shutil

    from knowledge.editing import check_new_text
    from knowledge.loader import read_entries

    write_entry(tmp_path, "alpha")
    # (zulu names alpha as related: no "does not exist" while alpha's edit has a problem)
    write_entry(tmp_path, "zulu", aliases=["what is a backdoor roth"], related=["alpha"])
    text = entry_text(
        "alpha",
        aliases=["alpha one", "what is a backdoor roth"],
        sources=[{"title": "IRS", "url": "htps://www.irs.gov/x"}],
    )
    refused = check_new_text(tmp_path, "alpha", text)
    said = [(Path(p.path).name, p.line, p.message) for p in refused]
    lines = text.split("\n")
    copied = {lines[n - 1] for name, n, m in said if name == "alpha.md" and "backdoor" in m}
    assert copied == {"- what is a backdoor roth"}, said
    assert [m for name, _, m in said if name == "alpha.md" and "url" in m], said
    assert [m for name, _, m in said if name == "zulu.md" and "alpha.md" in m], said
    saved = tmp_path.parent / f"{tmp_path.name}-saved"  # (beside it, apart from others)
    shutil.copytree(tmp_path, saved)
    (saved / "alpha.md").write_text(text)
    validate = [
        (Path(p.path).name, p.line, p.message.replace(str(saved), str(tmp_path)))
        for p in read_entries(saved)[1]
    ]
    assert said == validate


def test_saved_files_keep_their_permissions(tmp_path: Path) -> None:
    path = write_entry(tmp_path, "alpha")
    path.chmod(0o644)
    save_entry(
        tmp_path, "alpha", entry_text("alpha", body="Edited."), fingerprint(path.read_text())
    )
    assert path.stat().st_mode & 0o777 == 0o644
    new = tmp_path / "examples" / "alpha.yaml"
    add_example(tmp_path, "alpha", "A question nobody asked before?")
    assert new.stat().st_mode & 0o777 == 0o666 & ~_umask()


#: A process saving an entry's file, killed (SIGKILL: `kill -9`, the machine's memory
#: running out) as its text is made durable: midway through the write.
KILLED_SAVING = """
import os, signal, sys
from pathlib import Path
from knowledge.editing import atomic_write
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
atomic_write(Path(sys.argv[1]), "cut short")
"""


def test_a_save_killed_midway_leaves_no_spare_in_the_faq_folder_after_the_next(
    tmp_path: Path,
) -> None:
    """A bot killed while it saved an edit left its spare in the FAQ folder (a hidden
    '.alpha.md.1a2b3c4d.tmp', in a git checkout `git add -A` takes in), and every later
    edit left it there. The next save removes the spares no process holds; one being
    written now is kept."""
    import fcntl
    import subprocess
    import sys

    path = write_entry(tmp_path, "alpha")
    for _ in range(2):
        killed = subprocess.run(
            [sys.executable, "-c", KILLED_SAVING, str(path)], capture_output=True, timeout=60
        )
        assert killed.returncode == -9, killed.stderr
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert len(left) == 2 and all(n.startswith(".alpha.md.") for n in left), left
    writing = tmp_path / ".alpha.md.0123abcd.tmp"  # (another process saving it now)
    with writing.open("wb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        edited = entry_text("alpha", body="Edited.")
        save_entry(tmp_path, "alpha", edited, fingerprint(path.read_text()))
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".a")) == [
            writing.name
        ]
    assert path.read_text() == edited


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="gives files to other users"
)
def test_a_saved_file_stays_its_owners_and_its_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file kept by another user (a moderator's, shared with the bot through a group that
    may write it) was replaced by the bot's own, in the bot's group: after one edit from
    Discord, the moderator's editor could no longer save it."""
    path = write_entry(tmp_path, "alpha")
    path.chmod(0o664)
    os.chown(path, 4242, 4343)
    save_entry(
        tmp_path, "alpha", entry_text("alpha", body="Edited."), fingerprint(path.read_text())
    )
    assert (path.stat().st_uid, path.stat().st_gid) == (4242, 4343)
    assert path.stat().st_mode & 0o777 == 0o664
    # A bot that is no superuser may not give a file away, only keep its group (one the
    # bot's user is in): it does that much.
    real = os.fchown

    def as_a_user(fd: int, uid: int, gid: int) -> None:
        if uid != -1:
            raise PermissionError(1, "Operation not permitted")
        real(fd, uid, gid)

    monkeypatch.setattr(os, "fchown", as_a_user)
    save_entry(
        tmp_path, "alpha", entry_text("alpha", body="Edited again."), fingerprint(path.read_text())
    )
    assert path.stat().st_gid == 4343
    assert "Edited again." in path.read_text()


def test_an_edit_is_saved_where_the_files_owner_cannot_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keeping the owner is a courtesy: a file system that refuses it with another error
    than EPERM (NFSv4 answers EINVAL for an owner its id mapping cannot name) failed the
    whole edit from Discord, which saved before the owner was kept."""
    path = write_entry(tmp_path, "alpha")

    def unmapped(fd: int, uid: int, gid: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fchown", unmapped)
    save_entry(
        tmp_path, "alpha", entry_text("alpha", body="Edited."), fingerprint(path.read_text())
    )
    assert "Edited." in path.read_text()
    assert [p.name for p in tmp_path.glob(".alpha.md.*.tmp")] == []


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="Linux's /proc")
def test_a_new_file_is_written_without_touching_the_process_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the umask by setting it left it 0 for a moment, for every thread: a file
    another thread made then (the matcher cache during a reload) was anyone's to write."""
    expected = 0o666 & ~_umask()
    write_entry(tmp_path, "alpha")

    def changed(mask: int) -> int:
        raise AssertionError(f"umask set to {mask:o} while writing")

    monkeypatch.setattr(os, "umask", changed)
    add_example(tmp_path, "alpha", "A question nobody asked before?")
    assert (tmp_path / "examples" / "alpha.yaml").stat().st_mode & 0o777 == expected


def test_a_question_pasted_with_a_line_separator_is_written_readable(tmp_path: Path) -> None:
    """YAML writes U+2028 (and U+2029, U+0085) as they are, and validation refuses them in
    a file: a question pasted with one could never be filed from the review queue."""
    folder = _examples_folder(tmp_path)
    asked = "weather with a line separator\u2028here and NEL\x85there, on topic?"
    add_example(tmp_path, "alpha", asked)
    examples, problems = read_examples(tmp_path, {"alpha", "beta"})
    assert problems == []
    [example] = examples
    assert example.text == asked.replace("\u2028", "\n").replace("\x85", "\n")
    assert "\u2028" not in (folder / "alpha.yaml").read_text()


def test_a_question_pasted_with_a_control_character_is_written_without_an_escape(
    tmp_path: Path,
) -> None:
    """A member's question holding a control character (a terminal's colour code pasted
    along, a bell, a byte order mark) approved from the review queue was written as YAML's
    escapes, '"does alpha\\e[31m work\\a ..."': codes nobody typed, in a file moderators
    review, and that the validator refuses raw. Each is a space, as the matcher reads it;
    asked again word for word, the question is still that example's."""
    folder = _examples_folder(tmp_path)
    (folder / "_off-topic.yaml").write_text("- text: should I buy a new car or lease one\n")
    asked = "does alpha\x1b[31m work\x07 for me\ufeff\tnow?"
    add_example(tmp_path, "alpha", asked)
    written = (folder / "alpha.yaml").read_text()
    assert "\\" not in written and "\ufeff" not in written, written
    examples, problems = read_examples(tmp_path, {"alpha", "beta"})
    assert problems == []
    assert [e.text for e in examples if e.ids] == ["does alpha [31m work  for me  now?"]
    with pytest.raises(AlreadyExample, match=r"already an example in alpha\.yaml"):
        add_example(tmp_path, "beta", asked)
    kb = KnowledgeBase.load(tmp_path)
    assert kb.ask(asked).answered and kb.ask(asked).best.id == "alpha"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _examples_folder(tmp_path: Path) -> Path:
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta")
    (tmp_path / "examples").mkdir()
    return tmp_path / "examples"


def test_a_question_listed_as_a_plain_string_counts_as_an_example(tmp_path: Path) -> None:
    where = _examples_folder(tmp_path)
    (where / "_off-topic.yaml").write_text('- "Should I buy a new car or lease one?"\n')
    with pytest.raises(EditRefused, match=r"already an example in _off-topic\.yaml"):
        add_example(tmp_path, "alpha", "should I buy a new car  or lease one?")
    assert not (where / "alpha.yaml").exists()
    assert read_examples(tmp_path, {"alpha", "beta"})[1] == []


@pytest.mark.parametrize("empty", ["[]\n", "[ ]\n", "[]  # none yet\n", "---\n[]\n"])
def test_an_example_added_to_an_empty_flow_list_leaves_a_valid_file(
    tmp_path: Path, empty: str
) -> None:
    where = _examples_folder(tmp_path)
    (where / "alpha.yaml").write_text("# questions alpha answers\n" + empty)
    add_example(tmp_path, "alpha", "How does alpha work for me?")
    examples, problems = read_examples(tmp_path, {"alpha", "beta"})
    assert problems == []
    assert [e.text for e in examples] == ["How does alpha work for me?"]
    assert (where / "alpha.yaml").read_text().startswith("# questions alpha answers\n")


def test_an_example_that_would_take_a_file_over_the_size_limit_is_refused(
    tmp_path: Path,
) -> None:
    """The limit a load enforces holds for an addition too: written, it would have made
    every later reload refuse the file."""
    path = _examples_folder(tmp_path) / "alpha.yaml"
    near = "- text: what is alpha anyway\n" + "#" * (MAX_EXAMPLES_BYTES - 40) + "\n"
    path.write_text(near)
    with pytest.raises(EditRefused, match="would be over 8,388,608 bytes"):
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert path.read_text() == near
    path.write_text(near + "#" * 100 + "\n")  # over already: refused unread
    with pytest.raises(EditRefused, match="at most 8,388,608"):
        add_example(tmp_path, "alpha", "How does alpha work for me?")


@pytest.mark.parametrize(
    "written",
    [
        '[{text: "Can alpha be rolled to a Roth IRA?", sorce: "reddit"}]\n',  # a field typo
        'text: "Can alpha be rolled to a Roth IRA?"\n',  # a mapping, not a list
        '["Can alpha be rolled to a Roth IRA?", "and the earnings]\n',  # an unclosed quote
    ],
)
def test_an_example_added_to_a_file_that_does_not_parse_keeps_its_text(
    tmp_path: Path, written: str
) -> None:
    """Only an empty "[]" may go when an example is added; a moderator's questions in a
    file that does not parse (yet) are never replaced by the added one."""
    path = _examples_folder(tmp_path) / "alpha.yaml"
    path.write_text("# alpha's questions\n" + written)
    try:
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    except EditRefused:
        assert path.read_text() == "# alpha's questions\n" + written  # nothing written
    else:
        assert path.read_text().startswith("# alpha's questions\n" + written)


@pytest.mark.parametrize(
    "saved",
    [
        b"- text: caf\xe9 question?\n",
        # UTF-16 without its byte-order mark reads as UTF-8: the moderator's example was
        # written after it in UTF-8, and the file became neither.
        "- text: how does alpha work\n".encode("utf-16-le"),
    ],
)
def test_an_unreadable_examples_file_gives_a_clear_refusal(tmp_path: Path, saved: bytes) -> None:
    where = _examples_folder(tmp_path)
    (where / "alpha.yaml").write_bytes(saved)
    with pytest.raises(EditRefused, match="is not UTF-8 text"):
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert (where / "alpha.yaml").read_bytes() == saved
    # Another file's decision is not blocked by it.
    add_example(tmp_path, "beta", "How does beta work for me?")
    assert "beta work" in (where / "beta.yaml").read_text()


def test_a_decision_into_a_link_that_leads_nowhere_is_refused_and_the_link_kept(
    tmp_path: Path,
) -> None:
    """An examples file (or the examples folder) kept elsewhere through a link whose target
    is gone, say on a volume not mounted: the decision is refused in words that say so, and
    the link is left for the moderator to mend, not replaced by a file holding one question
    (the folder's case used to be refused as a bare "saving failed: File exists")."""
    where = _examples_folder(tmp_path)
    (where / "alpha.yaml").symlink_to(tmp_path / "elsewhere" / "alpha.yaml")
    with pytest.raises(EditRefused, match=r"alpha\.yaml is a link to a file that is gone"):
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert (where / "alpha.yaml").is_symlink()
    add_example(tmp_path, "beta", "How does beta work for me?")  # other files: not blocked
    where.rename(tmp_path / "kept")
    where.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(EditRefused, match=r"'examples' is a link to a folder that is gone"):
        add_example(tmp_path, "beta", "How does beta work for me now?")
    assert where.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_a_decision_into_an_examples_file_kept_elsewhere_through_a_link_goes_there(
    tmp_path: Path,
) -> None:
    """An examples file kept elsewhere through a link (a shared checkout, a mounted volume):
    a review decision replaced the link with a plain file holding the questions, so the
    file kept elsewhere never got the question and the link was gone."""
    where = _examples_folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "alpha.yaml").write_text("# kept elsewhere\n- text: how does alpha work\n")
    (where / "alpha.yaml").symlink_to(elsewhere / "alpha.yaml")
    add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert (where / "alpha.yaml").is_symlink()
    assert (elsewhere / "alpha.yaml").read_text() == (
        "# kept elsewhere\n- text: how does alpha work\n- text: How does alpha work for me?\n"
    )
    assert not list(elsewhere.glob(".*.tmp")) and not list(where.glob(".*.tmp"))


def test_decisions_made_at_once_are_all_written_and_never_clash(tmp_path: Path) -> None:
    """Eight review decisions at the same moment (discord.py runs button callbacks
    concurrently, each in a thread): every question lands, and the same question decided
    both ways is written once, the other decision refused."""
    _examples_folder(tmp_path)
    start = threading.Barrier(10)
    refused: list[str] = []

    def decide(entry_id: str | None, question: str) -> None:
        start.wait()
        try:
            add_example(tmp_path, entry_id, question)
        except EditRefused as exc:
            refused.append(str(exc))

    work = [("alpha", f"Race question number {i} about alpha?") for i in range(8)]
    work += [("beta", "The contested question?"), (None, "The contested question?")]
    threads = [threading.Thread(target=decide, args=w) for w in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    examples, problems = read_examples(tmp_path, {"alpha", "beta"})
    assert problems == []
    texts = sorted(e.text for e in examples)
    assert texts.count("The contested question?") == 1
    assert [t for t in texts if t.startswith("Race")] == sorted(q for _, q in work[:8])
    assert len(refused) == 1 and "already an example" in refused[0]


def test_an_examples_file_saved_by_hand_while_a_decision_is_written_keeps_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edit lock binds the bot's writes only: a moderator's editor (or a git pull)
    saving the file while a decision checked the folder lost its change without a word,
    the decision writing the file as it had read it, plus its question. It now starts
    again from the file as saved, and refuses after a few tries if it keeps changing."""
    from knowledge import editing

    where = _examples_folder(tmp_path)
    path = where / "alpha.yaml"
    path.write_text("- text: How does alpha work?\n")
    by_hand = "- text: How does alpha work?\n- text: Is alpha taxed when it comes out?\n"
    check = editing.read_examples
    saves = iter([by_hand])

    def saved_by_hand_meanwhile(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("replaced") and (text := next(saves, None)) is not None:
            path.write_text(text)  # (the editor saves while the folder is checked)
        return check(*args, **kwargs)

    monkeypatch.setattr(editing, "read_examples", saved_by_hand_meanwhile)
    add_example(tmp_path, "alpha", "Can alpha go to a Roth?")
    assert path.read_text() == by_hand + "- text: Can alpha go to a Roth?\n"
    # a file that changes under every try is refused, and left as saved by hand
    saves = iter(f"- text: Hand edit number {n} of alpha?\n" for n in range(10))
    with pytest.raises(EditRefused, match=r"alpha\.yaml kept changing"):
        add_example(tmp_path, "alpha", "Is alpha worth it?")
    assert path.read_text() == f"- text: Hand edit number {editing.CHANGED_TRIES - 1} of alpha?\n"


def test_an_entry_saved_by_hand_while_an_edit_from_discord_is_checked_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's fingerprint was compared before the whole folder was checked, and the file
    written after: a moderator's editor (or a git pull) saving the entry in that moment lost
    its change without a word, the edit from Discord written over it."""
    from knowledge import editing

    path = write_entry(tmp_path, "alpha")
    opened = path.read_text()
    by_hand = entry_text("alpha", body="Fixed on disk by another moderator.")
    check = editing.check_new_text

    def saved_by_hand_meanwhile(*args: Any, **kwargs: Any) -> Any:
        path.write_text(by_hand)  # (the editor saves while the folder is checked)
        return check(*args, **kwargs)

    monkeypatch.setattr(editing, "check_new_text", saved_by_hand_meanwhile)
    with pytest.raises(EditConflict, match="changed by someone else"):
        save_entry(
            tmp_path, "alpha", entry_text("alpha", body="From Discord."), fingerprint(opened)
        )
    assert path.read_text() == by_hand


def test_an_edit_waits_for_another_process_editing_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Processes sharing one FAQ folder (several bots on one host or mount) take turns:
    while another holds the folder's edit lock, an edit waits, then is refused plainly."""
    from filelock import FileLock

    from knowledge import editing

    _examples_folder(tmp_path)
    monkeypatch.setattr(editing, "EDIT_LOCK_SECONDS", 0.2)
    other = FileLock(tmp_path / ".backups" / ".edit.lock")
    (tmp_path / ".backups").mkdir()
    with other, pytest.raises(EditRefused, match="another edit"):
        add_example(tmp_path, "alpha", "How does alpha work for me?")
    assert not (tmp_path / "examples" / "alpha.yaml").exists()
    add_example(tmp_path, "alpha", "How does alpha work for me?")  # released: it goes in
    assert "alpha work" in (tmp_path / "examples" / "alpha.yaml").read_text()


def test_an_example_that_would_break_its_file_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    """A file written as a one-line (flow) list cannot take an appended item: the decision
    is refused with the problem, and the file is left as it was."""
    where = _examples_folder(tmp_path)
    flow = '[{text: "How does alpha work for me?"}]\n'
    (where / "alpha.yaml").write_text(flow)
    with pytest.raises(EditRefused, match="would leave the examples invalid") as refused:
        add_example(tmp_path, "alpha", "And how does alpha work for my spouse?")
    assert "alpha.yaml" in str(refused.value)
    assert (where / "alpha.yaml").read_text() == flow


def test_the_edit_that_fixes_a_clash_of_titles_is_not_refused_for_it(tmp_path: Path) -> None:
    from knowledge.editing import read_text

    write_entry(tmp_path, "alpha", title="What is the shared question?")
    write_entry(tmp_path, "beta", title="What is the shared question?")
    fixed = entry_text("alpha", title="What is alpha's own question?")
    save_entry(tmp_path, "alpha", fixed, fingerprint(read_text(tmp_path / "alpha.md")))
    assert [e.title for e in load_entries(tmp_path)] == [
        "What is alpha's own question?",
        "What is the shared question?",
    ]
    # an edit that leaves another file's own problem in place still hears of it
    (tmp_path / "gamma.md").write_text("---\nid: gamma\n")
    with refused_for(r"gamma\.md"):
        save_entry(tmp_path, "alpha", entry_text("alpha"), fingerprint(fixed))


def test_an_edit_refused_for_other_files_problems_only_says_so(tmp_path: Path) -> None:
    """A moderator's valid edit, refused because another file is broken (it would block
    the reload), was told "the entry is not valid": they looked for a fault in their own
    text. The refusal now says whose problems they are; one in the entry's own file is
    still the entry's."""
    from knowledge.editing import read_text

    write_entry(tmp_path, "alpha")
    (tmp_path / "gamma.md").write_text("---\nid: gamma\n")
    seen = fingerprint(read_text(tmp_path / "alpha.md"))
    with pytest.raises(EditRefused) as refused:
        save_entry(tmp_path, "alpha", entry_text("alpha"), seen)
    said = str(refused.value)
    assert "not valid" not in said and "other FAQ files" in said, said
    assert "nothing was saved" in said
    with pytest.raises(EditRefused) as own:
        save_entry(tmp_path, "alpha", "---\nid: alpha\n", seen)
    assert str(own.value).startswith("the entry is not valid, nothing was saved:")


def test_an_edit_is_told_other_files_problems_once_and_as_validate_says_them(
    tmp_path: Path,
) -> None:
    """A related id naming a broken file is that file's problem only (as validate says),
    and no problem is listed twice."""
    from knowledge.editing import check_new_text

    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta", related=["gamma", "beta"])
    (tmp_path / "gamma.md").write_text("---\nid: gamma\n")
    said = [str(p) for p in check_new_text(tmp_path, "alpha", entry_text("alpha"))]
    assert len(said) == len(set(said)), said
    assert not any("related id 'gamma' does not exist" in p for p in said), said
    assert any("gamma.md" in p for p in said) and any("related to itself" in p for p in said)


@pytest.mark.parametrize("cut", range(85, 100))
def test_a_long_alias_with_a_dash_is_written_so_it_reads_back_whole(
    tmp_path: Path, cut: int
) -> None:
    """The edit form writes the file through YAML, which wraps long texts at 100 columns,
    sometimes just before " - ": such a line must not be taken for a slipped list item."""
    alias = ("roth " * 30)[:cut].strip() + " - after-tax money and its earnings - in one go"
    meta = frontmatter.parse(entry_text("alpha")).data | {"aliases": [alias]}
    text = render_file(meta, "The full answer, in a sentence or two.")
    entry, problems = parse_entry(tmp_path / "alpha.md", text)
    assert problems == [] and entry is not None and entry.aliases == [alias]


COMMENTED = """\
---
# Owner: Ana. Checked against Pub 590-B in November.
id: alpha
title: What is alpha?  # keep it a question
short: >-
  Alpha is the first entry of the test folder, with a short answer long enough to be
  folded over two lines.
aliases:
  # the common phrasings first
  - alpha question
  - what alpha means  # from the review queue
  - old wording of alpha
# checked 2026-11: both sources still say this
sources:
  - title: IRS, Rollovers of after-tax contributions in retirement plans
    url: https://www.irs.gov/retirement-plans/rollovers-of-after-tax-contributions-in-retirement-plans
updated: 2026-11-01
---
The full answer.
"""


def test_an_edit_from_discord_keeps_the_files_comments_and_the_fields_it_left(
    tmp_path: Path,
) -> None:
    """A moderator's notes in the front matter survive an edit of other fields, and the
    fields the edit left are written as they were (no reflowed lines in the diff)."""
    meta = frontmatter.parse(COMMENTED).data
    changes = {
        "title": "What does alpha mean?",
        "short": meta["short"],  # the form sends every field, changed or not
        "aliases": ["alpha question", "what alpha means", "a new wording"],
        "updated": dt.date(2026, 12, 4),
    }
    text = edited_file(COMMENTED, meta, changes, "The full answer, edited.")
    lines = text.splitlines()
    for kept in (
        "# Owner: Ana. Checked against Pub 590-B in November.",
        "  # the common phrasings first",
        "  - what alpha means  # from the review queue",
        "# checked 2026-11: both sources still say this",
        "  Alpha is the first entry of the test folder, with a short answer long enough to be",
        "    url: https://www.irs.gov/retirement-plans/rollovers-of-after-tax-contributions-in-"
        "retirement-plans",
    ):
        assert kept in lines, (kept, text)
    assert "old wording of alpha" not in text
    # the note above sources stays above sources, after the list it followed
    assert (
        lines.index("  - a new wording")
        < lines.index("# checked 2026-11: both sources still say this")
        == lines.index("sources:") - 1
    )
    assert frontmatter.parse(text).data == meta | changes
    entry, problems = parse_entry(tmp_path / "alpha.md", text)
    assert problems == [] and entry is not None and entry.body == "The full answer, edited."


def test_an_alias_added_goes_under_the_others_and_above_the_next_fields_note() -> None:
    meta = frontmatter.parse(COMMENTED).data
    aliases = [*meta["aliases"], "alpha, added from Discord"]
    text = edited_file(COMMENTED, meta, {"aliases": aliases}, "The full answer.")
    assert text == COMMENTED.replace(
        "  - old wording of alpha\n", "  - old wording of alpha\n  - alpha, added from Discord\n"
    )


@pytest.mark.parametrize("words", [3, 30, 60])
def test_a_new_short_answer_keeps_the_folded_style_and_fits_the_width(words: int) -> None:
    meta = frontmatter.parse(COMMENTED).data
    short = " ".join(f"word{i}" for i in range(words)) + "."
    text = edited_file(COMMENTED, meta, {"short": short}, "The full answer.")
    lines = text.splitlines()
    block = lines[lines.index("short: >-") + 1 : lines.index("aliases:")]
    assert block and max(map(len, block)) <= 100
    assert frontmatter.parse(text).data["short"] == short


def test_a_short_answer_typed_with_line_breaks_is_written_as_a_block() -> None:
    meta = frontmatter.parse(COMMENTED).data
    short = "First line of the answer.\nSecond line, after a break."
    text = edited_file(COMMENTED, meta, {"short": short}, "The full answer.")
    assert "short: |-\n  First line of the answer.\n  Second line, after a break.\n" in text
    assert "# Owner: Ana." in text and frontmatter.parse(text).data["short"] == short


def test_a_file_the_round_trip_cannot_read_is_written_afresh() -> None:
    """A date that does not exist stops ruamel with a ValueError: the edit still saves,
    written afresh as before, never a crash."""
    broken = COMMENTED.replace("updated: 2026-11-01", "updated: 2026-02-30")
    meta = frontmatter.parse(COMMENTED).data
    changes = {"title": "What does alpha mean?", "updated": dt.date(2026, 12, 4)}
    text = edited_file(broken, meta, changes, "The full answer.")
    assert frontmatter.parse(text).data == meta | changes and "# Owner" not in text


@pytest.mark.parametrize(
    "short", ["0\x070", "A bell \x07 in the answer.", "A tab\tand\u2028 a separator."]
)
def test_control_characters_in_a_new_short_answer_are_saved_not_a_crash(short: str) -> None:
    meta = frontmatter.parse(COMMENTED).data
    text = edited_file(COMMENTED, meta, {"short": short}, "The full answer.")
    # (a line separator, which a file may not hold raw, is written as a line feed)
    assert frontmatter.parse(text).data["short"] == short.replace("\u2028", "\n")


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(min_size=1, max_size=80).map(str.strip).filter(bool),
    short=st.text(min_size=1, max_size=300).map(str.strip).filter(bool),
    alias=st.text(min_size=1, max_size=60).map(str.strip).filter(bool),
)
def test_whatever_is_typed_reads_back_exactly_as_typed(title: str, short: str, alias: str) -> None:
    """Odd text (quotes, colons, a '#', line breaks, tabs, other scripts) is either kept
    in place or, where that cannot be done faithfully, the file is written afresh: either
    way the file reads back as typed, or as the fresh writer alone would have it (YAML
    reads a few separators, such as U+0085, as line breaks)."""
    meta = frontmatter.parse(COMMENTED).data
    changes = {"title": title, "short": short, "aliases": [*meta["aliases"], alias]}
    try:
        fresh = frontmatter.parse(render_file(meta | changes, "The full answer.")).data
    except (frontmatter.FrontMatterError, UnicodeEncodeError):
        return  # what the fresh writer cannot write either (e.g. lone surrogates)
    text = edited_file(COMMENTED, meta, changes, "The full answer.")
    assert frontmatter.parse(text).data in (meta | changes, fresh)


def test_edits_keep_a_windows_files_line_ends_and_byte_order_mark(tmp_path: Path) -> None:
    """A file saved on Windows (CRLF line ends, a byte order mark) keeps them through an
    edit from Discord and a taught example: only the lines edited change in a diff."""
    from knowledge.editing import read_text

    entry = tmp_path / "alpha.md"
    original = ("\ufeff" + entry_text("alpha")).replace("\n", "\r\n").encode()
    entry.write_bytes(original)
    text = read_text(entry)
    assert text is not None
    parsed = frontmatter.parse(text)
    changes = {"aliases": [*parsed.data["aliases"], "a new phrasing"]}
    new = edited_file(text, dict(parsed.data), changes, parsed.body)
    backup = save_entry(tmp_path, "alpha", new, fingerprint(text))
    assert backup is not None and backup.read_bytes() == original  # (the file as it was)
    raw = entry.read_bytes()
    assert b"a new phrasing" in raw and raw.startswith("\ufeff---\r\n".encode())
    assert raw.count(b"\n") == raw.count(b"\r\n")  # every line still ends in CRLF
    examples = tmp_path / "examples"
    examples.mkdir()
    crlf = examples / "alpha.yaml"
    crlf.write_bytes(b"# asked in the server\r\n- text: how does alpha work for me\r\n")
    add_example(tmp_path, "alpha", "what is alpha exactly")
    raw = crlf.read_bytes()
    assert raw.endswith(b"- text: what is alpha exactly\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    write_entry(tmp_path, "beta")
    marked = examples / "beta.yaml"  # (Notepad's byte order mark, comments, no items yet)
    marked.write_text("\ufeff# Questions that beta answers\n[]\n", encoding="utf-8")
    add_example(tmp_path, "beta", "what is beta exactly")
    assert marked.read_text(encoding="utf-8") == (
        "\ufeff# Questions that beta answers\n- text: what is beta exactly\n"
    )


def test_an_approved_question_joins_a_list_written_indented(tmp_path: Path) -> None:
    """A list of "  - text:" items is valid YAML (validate says ok): the question the review
    buttons add goes in at the same indent, where it was refused as invalid YAML."""
    write_entry(tmp_path, "alpha")
    path = tmp_path / "examples" / "alpha.yaml"
    path.parent.mkdir()
    path.write_text(
        "# questions about alpha\n"
        "  - text: How does alpha work?\n"
        "    note: |\n"
        "      asked twice:\n"
        "      - once in a forum\n"
        "  - text: Is alpha worth it?\n"
    )
    add_example(tmp_path, "alpha", "Can alpha go to a Roth?")
    assert path.read_text().endswith(
        "  - text: Is alpha worth it?\n  - text: Can alpha go to a Roth?\n"
    )
    examples, problems = read_examples(tmp_path, {"alpha"})
    assert problems == []
    assert [e.text for e in examples][-1] == "Can alpha go to a Roth?"
    # the same from a file saved with a byte order mark before its first item
    path.write_bytes("\ufeff  - text: How does alpha work?\n".encode())
    add_example(tmp_path, "alpha", "Is alpha taxed?")
    assert path.read_bytes().decode().endswith("  - text: Is alpha taxed?\n")
    assert read_examples(tmp_path, {"alpha"})[1] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_edit_refuses_a_named_pipe_where_a_file_should_be(tmp_path: Path) -> None:
    """A named pipe called 'alpha.yaml' hung a moderator's 'add example' (read, waiting for
    a writer); it is refused, unread. (In a real process with a time limit: a hang fails
    the test instead of stopping the run.)"""
    import subprocess
    import sys

    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    os.mkfifo(tmp_path / "examples" / "alpha.yaml")
    adding = (
        "import sys\n"
        "from pathlib import Path\n"
        "from knowledge.editing import EditRefused, add_example\n"
        "try:\n"
        "    add_example(Path(sys.argv[1]), 'alpha', 'How does alpha work for me?')\n"
        "except EditRefused as exc:\n"
        "    print(exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", adding, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.stdout == (
        "alpha.yaml is not a regular file (a folder, a named pipe or a device): remove or "
        "rename it; nothing was changed.\n"
    ), proc.stderr


def test_an_edit_is_refused_for_the_examples_problems_that_would_refuse_its_reload(
    tmp_path: Path,
) -> None:
    """An example naming an entry that is gone: the save went through and its reload was
    refused, so the moderator read "Saved" over 60 problems. Refused now, as another
    entry file's problem is; the new entry the example names is what fixes it."""
    from knowledge.base import validate_folder
    from knowledge.editing import read_text

    write_entry(tmp_path, "alpha")
    where = tmp_path / "examples"
    where.mkdir()
    (where / "alpha.yaml").write_text("- text: how does alpha work for me\n  also: [beta]\n")
    before = read_text(tmp_path / "alpha.md")
    with refused_for(r"alpha\.yaml:2: also: no FAQ entry 'beta'"):
        save_entry(
            tmp_path, "alpha", entry_text("alpha", title="Alpha, again?"), fingerprint(before)
        )
    assert read_text(tmp_path / "alpha.md") == before
    save_entry(tmp_path, "beta", entry_text("beta"), fingerprint(None))
    assert validate_folder(tmp_path)[0].problems == []


def test_a_reload_summary_too_long_for_its_limit_with_no_entries_to_drop_still_returns() -> None:
    """Naming fewer ids is how a summary fits its limit; with none to name it looped for
    ever (a hang on the event loop, had a caller given a tight limit)."""
    from knowledge.editing import EntryDiff

    done: list[str] = []
    worker = threading.Thread(
        target=lambda: done.append(EntryDiff(examples=(1000, 2000)).summary(limit=20)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=5)
    assert done and "2000" in done[0].replace(",", ""), done
