"""The installed `rollover-bot` command, run as a process of its own in a bare environment."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "rollover-bot"


def bare_env(**values: str) -> dict[str, str]:
    """Only ``values`` and a plain PATH: no setting leaks in from the developer's shell.
    PYTHONPATH is kept when set: tests/mutants.py points it at its scratch copy, which the
    command must run (without it the command runs the checkout, and no mutant dies)."""
    kept = {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}
    return {"PATH": "/usr/bin:/bin", **kept, **values}


def as_another_user(argv: list[str]) -> list[str]:
    """Root reads and writes every folder: run as nobody, so a folder's permissions count.
    Skipped where nobody cannot run this Python (one installed under root's home, pyenv's)."""
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv to run as another user")
    nobody = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    if not _runs_as(tuple(nobody)):
        pytest.skip("another user cannot run this Python (installed where only root reads)")
    return [*nobody, *argv]


@functools.cache
def _runs_as(prefix: tuple[str, ...]) -> bool:
    probe = [*prefix, sys.executable, "-c", "import bot"]
    return subprocess.run(probe, capture_output=True, timeout=60, cwd="/").returncode == 0
