"""Trained matchers kept on disk, so a restart with unchanged files skips training.

Training is most of a load (and needs scikit-learn, whose import alone takes a second or
two); a process that starts with the same FAQ, examples, tuning and code as an earlier one
loads that one's matcher instead. A file is named by the SHA-256 of everything the matcher
was built from, including this package's source and the numeric libraries' versions, so a
changed file, setting or upgrade simply misses. Anything wrong with the cache (unwritable,
corrupt, from another version) is a miss, never an error: the matcher is trained as usual.

Processes that start together with the same files (shards, test workers) train once: the
first takes the key's lock file and trains; the others wait for it, then load what it
stored.

Where: ``$ROLLOVER_CACHE_DIR`` (or a .env file's, which the command line hands over), else
``$XDG_CACHE_HOME/rollover-bot`` (an absolute one), else ``~/.cache/rollover-bot``;
``ROLLOVER_CACHE_DIR=off`` (or ``0``, ``no``) turns it off. Files are pickles, so the folder
must be as private as the code itself (it is created readable by its owner only).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

#: Matchers kept; the oldest beyond this are removed when a new one is written.
KEEP = 8
#: Longest wait for another process training the same matcher before training anyway (a
#: cold 1,000-entry FAQ trains in a few seconds; a lock held longer is a stuck process).
LOCK_WAIT_SECONDS = 120.0
#: How the temporary files this package writes in the folder start (a write killed midway
#: leaves one behind): pruning takes those only, as ROLLOVER_CACHE_DIR may name a folder
#: holding other programs' files (a home or project folder), their '*.tmp' files too.
TEMP_PREFIXES = ("matcher-", "last-good-", "meaning-")
_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = (
    "numpy",
    "scipy",
    "scikit-learn",
    "rapidfuzz",
    "pydantic",
    "snowballstemmer",
    "onnxruntime",
    "tokenizers",
)


def folder() -> Path | None:
    """The cache folder, or None when the cache is off: turned off, or the folder is one
    others may write to (a pickle planted there would run as this process's code)."""
    where = _configured()
    if where is None or _private(where):
        return where
    _warn_shared(str(where))
    return None


#: ROLLOVER_CACHE_DIR as a .env file sets it, handed over by the command line with the
#: settings it loads: used where the environment sets none.
_env_file_folder: str | None = None


def use_env_file_folder(configured: str | None) -> None:
    """Take ``configured`` (a .env file's ROLLOVER_CACHE_DIR; None: it has none) as the
    folder where the environment names none."""
    global _env_file_folder
    _env_file_folder = configured


def _configured() -> Path | None:
    # (Set to nothing, it is unset, as a blank setting is: the default folder, not off.)
    configured = os.environ.get("ROLLOVER_CACHE_DIR", "").strip() or _env_file_folder
    if configured:
        return None if configured.lower() in ("off", "0", "no") else _from_home(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    # (A relative one is to be ignored, as the XDG base directory spec says: it would put
    # a cache in whatever folder the bot was started from, one more each time.)
    if not base or not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            # No HOME, and a user with no home folder (a container's bare uid): every
            # command that loads the FAQ ended in an internal fault. No cache, said once.
            _warn_homeless()
            return None
    return Path(base) / "rollover-bot"


def _from_home(configured: str) -> Path:
    """``~/...`` as a shell reads it (a .env file is read by none): not a folder named '~'
    in the current one."""
    with contextlib.suppress(RuntimeError):  # (no such user, no home: left as written)
        return Path(configured).expanduser()
    return Path(configured)


def _private(where: Path) -> bool:
    """Owned by this user and writable by no one else; a folder not made yet is made so."""
    if not hasattr(os, "geteuid"):  # (no owners to check on this system)
        return True
    try:
        info = where.stat()
    except OSError:
        return True  # not there yet (made private when first written), or unreadable: a miss
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022


@cache
def _warn_shared(where: str) -> None:
    log.warning(
        "not using the cache folder %s: it is not owned by this user or others may write "
        "to it, and its files are run as code when read; make it private (chmod 700) or set "
        "ROLLOVER_CACHE_DIR to a private folder",
        where,
    )


@cache
def _warn_homeless() -> None:
    log.warning(
        "no cache folder: HOME is not set and this user has no home folder; the matcher is "
        "trained at every start and no last complete FAQ is kept: set ROLLOVER_CACHE_DIR "
        "to a private folder"
    )


@cache
def code_fingerprint() -> str:
    """What a pickled matcher depends on besides its inputs: this package's code and
    vocabulary, the Python and the libraries that built it."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    # (The vocabulary file is code in all but name: it changes how every text is read.)
    for path in sorted([*_PACKAGE.glob("*.py"), *_PACKAGE.glob("data/*.yaml")]):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _path(key: str) -> Path | None:
    where = folder()
    return None if where is None else where / f"matcher-{key[:40]}.pickle"


@contextlib.contextmanager
def training(key: str) -> Iterator[None]:
    """Held while ``key``'s matcher is trained and stored, across processes; a no-op when
    the cache is off or the lock cannot be had (then each process trains, as before)."""
    path = _path(key)
    if path is None:
        yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(path.with_suffix(".lock"), timeout=LOCK_WAIT_SECONDS, mode=0o600)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock.acquire()
    except (OSError, Timeout) as exc:
        log.info("training without the cache's lock for %s: %s", path.name, exc)
        yield
        return
    try:
        yield
    finally:
        lock.release()


def load(key: str) -> Any | None:
    """The matcher stored under ``key``, or None (not there, unreadable, or stale)."""
    path = _path(key)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            stored_key, matcher = pickle.load(handle)
    except Exception as exc:  # corrupt, truncated or from incompatible code: retrain
        log.info("ignoring cached matcher %s: %s", path.name, exc)
        return None
    if stored_key != key:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return matcher


def store(key: str, matcher: Any) -> None:
    """Write atomically (a reader never sees half a file); give up quietly on any error."""
    path = _path(key)
    if path is None:
        return

    def write(handle: IO[bytes]) -> None:
        pickle.dump((key, matcher), handle, protocol=pickle.HIGHEST_PROTOCOL)

    if write_atomically(path, TEMP_PREFIXES[0], write, "cache the trained matcher"):
        try:
            _prune(path.parent)
        except OSError as exc:
            log.info("could not prune the cache folder %s: %s", path.parent, exc)


def write_atomically(
    path: Path, prefix: str, write: Callable[[IO[bytes]], None], what: str
) -> bool:
    """A file of this folder written whole, then renamed into place (a reader never sees
    half a file), its temporary named ``prefix``...``.tmp`` (what pruning takes when a
    kill leaves one); False, said in the log as "could not ``what``", on any error: a
    read-only home, a full disk, something unpicklable only mean the work is done again."""
    written: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=prefix, suffix=".tmp", delete=False
        ) as handle:
            written = handle.name
            write(handle)
        os.replace(written, path)
    except Exception as exc:
        log.info("could not %s in %s: %s", what, path.parent, exc)
        if written is not None:
            with contextlib.suppress(OSError):
                os.unlink(written)
        return False
    return True


def _prune(where: Path) -> None:
    files = sorted(where.glob("matcher-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in files[:-KEEP]:
        old.unlink(missing_ok=True)
    # A writer killed mid-write, and lock files, an hour old or more (a training takes
    # seconds; an older lock file is no longer held, or held by a stuck process).
    leftovers = [p for prefix in TEMP_PREFIXES for p in where.glob(f"{prefix}*.tmp")]
    for leftover in [*leftovers, *where.glob("matcher-*.lock")]:
        # (one may go meanwhile: another writer's, or the last-good copy's, finished)
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > 3600:
                leftover.unlink(missing_ok=True)
