"""Saving an edited FAQ entry: a failed write never leaves a damaged file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from knowledge.editing import atomic_write, fingerprint, save_entry
from knowledge.loader import load_entries
from tests.faq_factory import entry_text, write_entry


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


def test_save_entry_that_fails_on_disk_keeps_the_faq_loadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_entry(tmp_path, "alpha")
    before = (tmp_path / "alpha.md").read_text()
    edited = entry_text("alpha", body="A longer, better answer.")
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(OSError):
        save_entry(tmp_path, "alpha", edited, fingerprint(before))
    assert (tmp_path / "alpha.md").read_text() == before
    assert [e.id for e in load_entries(tmp_path)] == ["alpha"]
    monkeypatch.undo()
    save_entry(tmp_path, "alpha", edited, fingerprint(before))
    assert "better answer" in (tmp_path / "alpha.md").read_text()
