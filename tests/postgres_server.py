"""A throwaway PostgreSQL server for the tests, from the PostgreSQL binaries on the machine.

``initdb`` + ``pg_ctl`` on a Unix socket in a temporary folder, once per test process (each
xdist worker has its own), stopped at the end; every test gets a fresh database. As root
(CI), the server runs as the ``postgres`` user, since PostgreSQL refuses to run as root.
Without the binaries the PostgreSQL tests are skipped with one line, except under
``CI=true``, where that is an error.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

_CANDIDATES = tuple(f"/usr/lib/postgresql/{v}/bin" for v in (17, 16, 15))
_names = itertools.count()


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _CANDIDATES:
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    return None


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class NoPostgres(RuntimeError):
    """The PostgreSQL binaries are not on this machine."""


@contextmanager
def throwaway_server(*, durable: bool = False, password: str | None = None) -> Iterator[str]:
    """Run a new PostgreSQL cluster until the block ends; yields its socket folder (user
    ``postgres``, trust authentication). ``durable``: keep fsync on, as a real server
    (benchmarks); tests turn it off, since a crashed test cluster is thrown away anyway.
    ``password``: the superuser's, and every login asked for its password (scram-sha-256),
    as a real server asks."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise NoPostgres("PostgreSQL binaries (initdb, pg_ctl) not found")
    # Short path: a Unix socket path must stay under ~100 characters.
    root = Path(tempfile.mkdtemp(prefix="rbpg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data = root / "data"
    auth = ["-A", "trust"]
    if password is not None:
        (root / "pwfile").write_text(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(root / "pwfile", "postgres")
        auth = ["-A", "scram-sha-256", "--pwfile", str(root / "pwfile")]
    subprocess.run(
        _as_server_user(
            [initdb, "-D", str(data), *auth, "-U", "postgres", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    _start(pg_ctl, root, durable=durable)
    try:
        yield str(root)
    finally:
        subprocess.run(
            _as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def _start(pg_ctl: str, root: Path, *, durable: bool = False) -> None:
    options = f"-k {root} -c listen_addresses='' -c max_connections=50" + ("" if durable else " -F")
    data, log = root / "data", root / "server.log"
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]),
        check=True,
        capture_output=True,
    )


@contextmanager
def server_stopped(socket_folder: str) -> Iterator[None]:
    """The test server (see throwaway_server) down until the block ends, as an operator's
    restart or a failover takes it down under running bots: connections are closed, and
    new ones refused, until it is started again."""
    pg_ctl = _binary("pg_ctl")
    assert pg_ctl is not None
    root = Path(socket_folder)
    subprocess.run(
        _as_server_user([pg_ctl, "-D", str(root / "data"), "-m", "fast", "-w", "stop"]),
        check=True,
        capture_output=True,
    )
    try:
        yield
    finally:
        _start(pg_ctl, root)


def create_database(socket_folder: str, name: str) -> str:
    """A new, empty database on the server; returns its URL."""
    run_sql(socket_folder, f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@/{name}?host={socket_folder}"


def run_sql(socket_folder: str, sql: str) -> None:
    """One statement as the server's superuser, from another client (psql)."""
    psql = _binary("psql") or "psql"
    subprocess.run(
        [psql, "-h", socket_folder, "-U", "postgres", "-d", "postgres", "-qc", sql],
        check=True,
        capture_output=True,
    )


@contextmanager
def database_on_small_disk(socket_folder: str) -> Iterator[tuple[str, Path]]:
    """A new, empty database whose tables are made on a small file system of their own (a
    tablespace on tests.full_disk's tmpfs, to fill as a server's disk fills); yields its
    URL and the file system's folder. The database and the tablespace are dropped before
    the file system goes, so the server never meets a folder gone."""
    from tests.full_disk import full_disk

    name = f"on_disk_{os.getpid()}_{next(_names)}"
    # (In the server's own folder: the server's user may not enter a test's tmp_path.)
    with full_disk(Path(socket_folder) / name) as disk:
        if os.geteuid() == 0:
            shutil.chown(disk, "postgres")
        run_sql(socket_folder, f"CREATE TABLESPACE {name} LOCATION '{disk}'")
        url = create_database(socket_folder, name)
        run_sql(socket_folder, f"ALTER DATABASE {name} SET default_tablespace = {name}")
        try:
            yield url, disk
        finally:
            run_sql(socket_folder, f"DROP DATABASE {name} WITH (FORCE)")
            run_sql(socket_folder, f"DROP TABLESPACE {name}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The socket folder of a running test server (see throwaway_server)."""
    try:
        with throwaway_server() as socket_folder:
            yield socket_folder
    except NoPostgres as exc:
        message = f"{exc}: PostgreSQL store tests skipped"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message.replace("skipped", "required under CI=true"))
        pytest.skip(message)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the test server (made with psql: a plain fixture, so
    async fixtures can ask for it inside their event loop)."""
    return create_database(postgres_server, f"test_{os.getpid()}_{next(_names)}")


def warnings_only(
    caplog: pytest.LogCaptureFixture, loggers: tuple[str, ...] = ("bot.",)
) -> list[logging.LogRecord]:
    """The records of ``loggers`` in the log, none an ERROR or with a traceback: a server
    away for a while (a restart, a failover) is expected, and a warning says it."""
    logged = [r for r in caplog.records if r.name.startswith(loggers)]
    assert not [r.getMessage() for r in logged if r.levelno >= logging.ERROR or r.exc_info]
    return logged
