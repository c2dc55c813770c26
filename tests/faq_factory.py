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
