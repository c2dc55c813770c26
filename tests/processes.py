"""The installed `rollover-bot` command, run as a process of its own in a bare environment."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "rollover-bot"


def bare_env(**values: str) -> dict[str, str]:
    """Only ``values`` and a plain PATH: no setting leaks in from the developer's shell.
    PYTHONPATH is kept when set: tests/mutants.py points it at its scratch copy, which the
    command must run (without it the command runs the checkout, and no mutant dies)."""
    kept = {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}
    return {"PATH": "/usr/bin:/bin", **kept, **values}
