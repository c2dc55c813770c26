"""A real full disk for tests: a small tmpfs mounted at a folder (root only), then filled."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A real file system of 1 MiB (tmpfs) at ``folder``, to fill with fill_up. Skipped
    where mounting is not allowed (not root)."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(
            "cannot mount a small file system here (needs root): " + mounted.stderr.decode()
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount(folder: Path, how: str) -> None:
    """The file system at ``folder`` mounted again "ro" (read-only) or "rw" (no file on it
    may be open for writing: the kernel refuses a busy one)."""
    subprocess.run(["mount", "-o", f"remount,{how}", str(folder)], check=True)


def fill_up(folder: Path) -> None:
    """Write a file until the disk refuses more."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


@contextlib.contextmanager
def ext4_disk(folder: Path, image: Path) -> Iterator[Path]:
    """A real ext4 file system of 8 MiB, in the file ``image``, mounted at ``folder`` with
    errors=remount-ro (as most distributions mount their disks), to turn read-only with
    turn_read_only. Skipped where mounting is not allowed (not root, no loop devices)."""
    folder.mkdir()
    made = subprocess.run(["mkfs.ext4", "-q", "-F", str(image), "8M"], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot make an ext4 file system here: " + made.stderr.decode())
    mounted = subprocess.run(
        ["mount", "-o", "loop,errors=remount-ro", str(image), str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a loop device here (needs root): " + mounted.stderr.decode())
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def turn_read_only(folder: Path) -> None:
    """The kernel remounts the ext4 disk at ``folder`` read-only, as after a disk error: the
    only way with files open for writing on it (the bot's database), which
    `mount -o remount,ro` refuses as busy."""
    source = subprocess.run(
        ["findmnt", "-n", "-o", "SOURCE", "--target", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(f"/sys/fs/ext4/{Path(source).name}/trigger_fs_error").write_text("a test\n")
    # (Since Linux 6.x "emergency_ro": writes refused with EROFS, the mount flag unset.)
    with pytest.raises(OSError) as refused:
        (folder / "after-the-error").touch()
    assert refused.value.errno == errno.EROFS, refused.value
