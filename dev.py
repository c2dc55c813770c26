#!/usr/bin/env python3
"""Two-command entry point for a fresh machine: `python3 dev.py run` and `python3 dev.py test`.

Both create `.venv` (stdlib venv) and install the hash-pinned `requirements.lock` plus this
project in editable mode, skipping the install when the lock and pyproject are unchanged.
Only the standard library is used here, so nothing needs to be installed first.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-lock-hash"
USAGE = """usage: python3 dev.py run [ROLLOVER-BOT ARGS...]   run the bot (console when no token)
       python3 dev.py test [PYTEST ARGS...]         lint, format check and the full test suite
       python3 dev.py mutants [NAME...]             check that the tests kill behaviour mutants"""


def _lock_hash() -> str:
    """What the installed environment was made from: the lock, the project and the Python."""
    digest = hashlib.sha256(sys.version.encode())
    for name in ("requirements.lock", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _venv_python_version() -> str | None:
    """The `version` line of .venv/pyvenv.cfg (the Python the venv was made with)."""
    try:
        lines = (VENV / "pyvenv.cfg").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() in {"version", "version_info"}:
            return value.strip()
    return None


def same_release(made_with: str, current: str) -> bool:
    """Is ``made_with`` (pyvenv.cfg's "3.11.13", or "3.11.13.final.0") the Python release
    ``current`` ("3.11.1")? Compared part by part: as text, 3.11.13 starts with 3.11.1, and a
    venv of copied binaries kept running the other release."""
    return made_with.split(".")[:3] == current.split(".")


def ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on an older python3
        sys.exit(f"error: Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    current = ".".join(map(str, sys.version_info[:3]))
    made_with = _venv_python_version()
    why = None
    if not PY.exists() or made_with is None or not same_release(made_with, current):
        why = f" for Python {current} (it was made with {made_with})" if made_with else ""
    elif not STAMP.exists():
        # Nothing was ever installed in it: it may be half-made (Ctrl-C while it was made,
        # or Debian's python without python3-venv) and have no pip, which every run then
        # failed to find.
        why = " again (the last one was not finished)"
    if why is not None:
        print(f"Creating .venv{why} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = _lock_hash()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing pinned dependencies from requirements.lock ...", file=sys.stderr)
    pip = [str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "-r", str(ROOT / "requirements.lock")], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted)


def _bytecode_cached() -> dict[str, str]:
    """The environment with bytecode caching on, even where PYTHONDONTWRITEBYTECODE is set
    (as on this CI image): without it every test process and subprocess recompiles the code
    and pytest re-rewrites every test module's asserts, seconds each time. Bytecode goes
    to the usual __pycache__ folders (git ignores them). Not to a PYTHONPYCACHEPREFIX tree:
    Python then ignores the bytecode pip compiled when it installed the dependencies, and a
    fresh clone's first run recompiled some 1,600 library modules in every worker (56 s
    against 47 s for the same suite warm)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _test_env() -> dict[str, str]:
    """As _bytecode_cached, and trained matchers cached in .venv/matcher-cache across test
    runs, like the bytecode (each is named by a hash of the FAQ, its examples and the
    matcher's source, so a change retrains): a run then trains only what it changed, not
    the shipped FAQ once in every worker. The tests that test the cache use their own."""
    env = _bytecode_cached()
    env.setdefault("ROLLOVER_CACHE_DIR", str(VENV / "matcher-cache"))
    return env


#: pytest-xdist: one worker more than there are cores (the end-to-end tests spend a
#: quarter of their time waiting on sockets; measured on 2 cores: 2 workers 66.7 s, 3
#: workers 58.1 s and 57.9 s, 4 workers 60.0 s), idle workers taking tests from busy ones.
PARALLEL = ["-n", str((os.cpu_count() or 1) + 1), "--dist", "worksteal"]


def _call(argv: list[str], **options: Any) -> int:
    """subprocess.call, but a Ctrl-C, which the terminal sends the child too, leaves the
    child to stop by itself (pytest writes its summary) and dev.py to follow it quietly:
    subprocess.call raised KeyboardInterrupt (a traceback) and killed the child 0.25 s
    later. Interrupted, it does not exit 0 (the next step is not started)."""
    interrupted = False
    with subprocess.Popen(argv, **options) as child:
        while True:
            try:
                code = child.wait()
                break
            except KeyboardInterrupt:
                interrupted = True
    if code < 0:  # (ended by a signal: the status a shell gives it)
        return 128 - code
    return 130 if interrupted and code == 0 else code


def _become_bot(args: list[str]) -> int:
    """`rollover-bot ARGS` in dev.py's place (exec), on POSIX: signals then reach the bot
    itself and its pid is dev.py's. Run as a child, a Ctrl-C killed it 0.25 s later (no
    clean stop), and a supervisor's SIGTERM to dev.py's pid left it running, orphaned (a
    restart then ran two bots on one token). Elsewhere (Windows, where exec starts another
    process and returns at once), a child."""
    script = str(BIN / "rollover-bot")
    if os.name != "posix":
        return _call([script, *args])
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(script, [script, *args])


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        # Asked for: the usage on stdout, exit 0 (it was exit 2, as for a mistyped command).
        print(USAGE)
        return 0
    if not argv or argv[0] not in {"run", "test", "mutants"}:
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        ensure_env()
    except subprocess.CalledProcessError as exc:
        print(f"error: installing dependencies failed ({exc})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # (Ctrl-C while installing: pip stops too; the next run resumes)
        return 130
    if command == "run":
        return _become_bot(rest)
    if command == "mutants":
        return _call([str(PY), str(ROOT / "tests" / "mutants.py"), *rest], cwd=ROOT)
    # Parallel by default (pytest-xdist); `-n 0` runs in one process.
    parallel = [] if any(a == "-n" or a.startswith("-n") for a in rest) else PARALLEL
    steps = [
        [str(PY), "-m", "ruff", "check", "."],
        [str(PY), "-m", "ruff", "format", "--check", "."],
        [str(PY), "-m", "pytest", *parallel, *rest],
    ]
    for step in steps:
        code = _call(step, cwd=ROOT, env=_test_env())
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
