"""Write FAQ entry files for tests: real files on disk, valid unless told otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from knowledge.frontmatter import YAML_LOADER


def entry_text(
    entry_id: str, body: str = "The full answer, in a sentence or two.", **fields: Any
) -> str:
    meta: dict[str, Any] = {
        "id": entry_id,
        "title": f"Question about {entry_id.replace('-', ' ')}?",
        "short": f"A short answer about {entry_id.replace('-', ' ')}.",
        "aliases": [f"how does {entry_id.replace('-', ' ')} work"],
        "keywords": [entry_id.replace("-", " ")],
        "sources": [{"title": "IRS page", "url": "https://www.irs.gov/example"}],
        "related": [],
        "updated": "2026-11-27",
    }
    for key, value in fields.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body + "\n"


def write_entry(folder: Path, entry_id: str, *, name: str | None = None, **fields: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{entry_id}.md")
    path.write_text(entry_text(entry_id, **fields), encoding="utf-8")
    return path


def example_items(path: Path) -> list[dict[str, Any]]:
    """An examples file's items as written (with the product's loader: PyYAML's pure Python
    one took seconds over the shipped files, in every test that read them)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


def deny_reading(monkeypatch: Any, folder: Path) -> None:
    """``folder`` as the bot's user sees another user's folder of mode 700: there, but
    neither listed nor anything in it looked at (Permission denied). Injected where the
    system is called (os.stat, os.scandir, os.listdir), as the tests run as root, who
    reads every folder."""
    import os

    def refuses(path: Any, *, inside_only: bool) -> bool:
        if isinstance(path, int):  # (a file descriptor)
            return False
        there = Path(os.fsdecode(path)).absolute()
        return folder in there.parents or (not inside_only and there == folder)

    def denied(path: Any) -> PermissionError:
        return PermissionError(13, "Permission denied", os.fsdecode(path))

    def guard(call: Any, *, inside_only: bool) -> Any:
        def guarded(path: Any = ".", *args: Any, **kwargs: Any) -> Any:
            if refuses(path, inside_only=inside_only):
                raise denied(path)
            return call(path, *args, **kwargs)

        return guarded

    monkeypatch.setattr(os, "stat", guard(os.stat, inside_only=True))
    monkeypatch.setattr(os, "lstat", guard(os.lstat, inside_only=True))
    monkeypatch.setattr(os, "scandir", guard(os.scandir, inside_only=False))
    monkeypatch.setattr(os, "listdir", guard(os.listdir, inside_only=False))
