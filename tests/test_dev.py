"""`python3 dev.py`: the environment it makes and keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

import dev


@pytest.mark.parametrize(
    ("made_with", "current", "same"),
    [
        ("3.11.13", "3.11.1", False),  # (3.11.13 starts with 3.11.1 as text)
        ("3.11.1", "3.11.13", False),
        ("3.11.13.final.0", "3.11.1", False),
        ("3.11.7", "3.11.7", True),
        ("3.11.7.final.0", "3.11.7", True),
        ("3.12.7", "3.11.7", False),
    ],
)
def test_a_venv_is_made_again_for_another_python_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, made_with: str, current: str, same: bool
) -> None:
    """A .venv made with Python 3.11.13 (its binaries copied) was kept for 3.11.1, and
    every command went on running 3.11.13."""
    monkeypatch.setattr(dev, "VENV", tmp_path)
    (tmp_path / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {made_with}\n")
    recorded = dev._venv_python_version()
    assert recorded == made_with
    assert dev.same_release(recorded, current) is same
