"""`python3 dev.py`: the environment it makes and keeps."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dev

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and sessions")


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


def dev_run_console(tmp_path: Path) -> subprocess.Popen[str]:
    """`python3 dev.py run console` as a newcomer starts it in a terminal (its own process
    group, as a shell's job is), once the console has said hello."""
    env = {**os.environ, "HOME": str(tmp_path)}  # (the run's matcher cache: see conftest)
    env.pop("DISCORD_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "dev.py"), "run", "console"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env, cwd=tmp_path, start_new_session=True,
    )  # fmt: skip
    assert proc.stdout is not None
    first = proc.stdout.readline()  # (the FAQ is loaded and trained first)
    assert "console" in first, first
    return proc


def kill_group(proc: subprocess.Popen[str]) -> None:
    """Whatever is left of the process group the test started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.wait()


@posix_only
def test_ctrl_c_on_dev_py_run_stops_the_bot_quietly(tmp_path: Path) -> None:
    """Ctrl-C in the terminal (SIGINT to the foreground group): `rollover-bot console`
    alone exits 130 without a word; through `python3 dev.py run` it printed a
    KeyboardInterrupt traceback from dev.py, which also SIGKILLed the bot 0.25 s later
    (`rollover-bot run` then never closed cleanly)."""
    proc = dev_run_console(tmp_path)
    try:
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        kill_group(proc)
    assert "Traceback" not in err, err
    assert proc.returncode == 130, (proc.returncode, err)


@posix_only
def test_sigterm_to_dev_py_run_stops_the_bot_too(tmp_path: Path) -> None:
    """A supervisor that stops `python3 dev.py run run` by its pid (docker stop, a pid file,
    supervisord without killasgroup) sends SIGTERM to dev.py only: the bot ran on,
    orphaned (a restart then ran two bots on one token). dev.py now becomes the bot, so
    the pid is the bot's, and SIGTERM stops it cleanly (exit 0)."""
    proc = dev_run_console(tmp_path)
    try:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        deadline = time.monotonic() + 10  # (an orphan would have no reason to go)
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)  # (anyone left in the group dev.py started?)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the bot still runs after dev.py was stopped")
    finally:
        kill_group(proc)
    assert proc.returncode == 0, (proc.returncode, err)


#: A test run's step (pytest, say): Ctrl-C makes it write its summary and stop, a moment
#: later (as pytest does).
STEP = """import sys, time
try:
    print("ready", flush=True)
    time.sleep(60)
except KeyboardInterrupt:
    time.sleep(1)
    print("summary", flush=True)
    sys.exit(2)
"""


@posix_only
def test_ctrl_c_on_dev_py_test_lets_the_step_stop_by_itself() -> None:
    """`python3 dev.py test` runs its steps as children: Ctrl-C printed a KeyboardInterrupt
    traceback from dev.py and killed the step 0.25 s later (pytest's summary of what had
    run was lost). dev.py now waits for the step, which stops by itself, and exits as it
    did."""
    call = f"import dev, sys; sys.exit(dev._call([sys.executable, '-c', {STEP!r}]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", call],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        start_new_session=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n"
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        kill_group(proc)
    assert "Traceback" not in err, err
    assert out == "summary\n"
    assert proc.returncode == 2


#: dev.py with its environment in another folder (argv[1]): `python3 dev.py run` there.
DEV_ELSEWHERE = """import sys
from pathlib import Path
import dev
dev.VENV = Path(sys.argv[1])
dev.BIN = dev.VENV / "bin"
dev.PY = dev.BIN / "python"
dev.STAMP = dev.VENV / ".installed-lock-hash"
sys.exit(dev.main(["run"]))
"""


def dev_run_elsewhere(venv: Path) -> subprocess.Popen[str]:
    """`python3 dev.py run` with its .venv at ``venv``, in its own process group (a shell's
    job)."""
    return subprocess.Popen(
        [sys.executable, "-c", DEV_ELSEWHERE, str(venv)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=ROOT, start_new_session=True,
    )  # fmt: skip


@posix_only
def test_a_venv_left_unfinished_is_made_again(tmp_path: Path) -> None:
    """A .venv whose making was cut short (Ctrl-C in the first run's minute), or made on
    Debian or Ubuntu before python3-venv was installed (Python's own message there says to
    install it and make the environment again), has python but no pip: every later run
    kept it and failed with 'No module named pip' until .venv was deleted by hand. One
    that nothing was ever installed in is made again."""
    import venv

    made = tmp_path / ".venv"
    venv.EnvBuilder(with_pip=False).create(made)  # (what either leaves: python, no pip)
    proc = dev_run_elsewhere(made)
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()
    finally:
        kill_group(proc)
    assert first.startswith("Creating .venv"), first  # (not "Installing": no pip to do it)


@posix_only
def test_ctrl_c_during_the_first_install_stops_it_quietly(tmp_path: Path) -> None:
    """Ctrl-C while the first run makes .venv and installs into it (a minute: a newcomer
    may well stop it) printed a KeyboardInterrupt traceback from dev.py. It stops as
    Ctrl-C does elsewhere: quietly, exit 130 (the next run starts it again)."""
    venv = tmp_path / ".venv"
    proc = dev_run_elsewhere(venv)
    try:
        assert proc.stderr is not None
        assert proc.stderr.readline().startswith("Creating .venv")
        deadline = time.monotonic() + 30  # (its python is in: pip is being put in)
        while not (venv / "bin" / "python").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        kill_group(proc)
    assert "Traceback" not in err, err
    assert proc.returncode == 130, (proc.returncode, err)


def test_dev_py_mutants_refuses_a_name_no_mutant_has() -> None:
    """`python3 dev.py mutants NAME` runs the mutants whose name contains NAME. One
    mistyped ("an eddit") ran none, printed "0 of 0 mutants killed" and exited 0, as if
    every mutant had been killed. It is now refused, naming what matched nothing."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "mutants.py"), "no mutant is named so"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "error: no mutant's name contains 'no mutant is named so'\n"


@pytest.mark.parametrize("asked", ["--help", "-h", "help"])
def test_dev_py_help_is_the_usage_on_stdout_exit_0(asked: str) -> None:
    """`python3 dev.py --help`, what a newcomer types first, printed the usage to stderr and
    exited 2, as for a mistyped command (a script checking it, or `&&`, took it as failed).
    Asked for, the usage now goes to stdout, exit 0; a mistyped command is as before."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), asked],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == dev.USAGE + "\n"
    assert "python3 dev.py mutants [NAME...]" in done.stdout
    typo = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "tset"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert (typo.returncode, typo.stdout, typo.stderr) == (2, "", dev.USAGE + "\n")
