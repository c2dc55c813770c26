"""Start-up failures the operator must fix get one clear line, never a traceback and never
the wrong cause: the real runner against the fake Discord, real files on disk."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot import runner
from bot.cli import main
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_FAQ_DIR
from tests.fakediscord import FakeDiscord, wait_until
from tests.full_disk import fill_up, full_disk, remount
from tests.processes import SCRIPT, as_another_user, bare_env


def with_token(settings: Settings, fake_discord: FakeDiscord) -> Settings:
    return settings.model_copy(update={"token": SecretStr(fake_discord.token)})


async def start(settings: Settings, kb: KnowledgeBase) -> str:
    """Run the bot; it must stop with a StartupError, whose message is returned."""
    with pytest.raises(runner.StartupError) as info:
        await asyncio.wait_for(runner.run(settings, kb), timeout=20)
    return str(info.value)


async def test_the_database_folder_being_a_file_is_named_not_blamed_on_discord(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, tmp_path: Path
) -> None:
    (tmp_path / "data").write_text("a file where the database folder should be\n")
    database = tmp_path / "data" / "rollover-bot.db"
    settings = with_token(make_settings(database={"path": database}), fake_discord)
    message = await start(settings, kb)
    assert "database" in message and str(database) in message
    assert "Discord" not in message


async def test_a_relative_database_path_that_cannot_be_used_is_named_whole(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """database.path's default, data/rollover-bot.db, is in the folder the bot runs in: a
    systemd unit without WorkingDirectory runs it in /. The error said "the database
    data/rollover-bot.db cannot be used", and left the operator to guess which folder
    that was; it names the file whole."""
    (tmp_path / "data").write_text("a file where the database folder should be\n")
    monkeypatch.chdir(tmp_path)
    settings = with_token(make_settings(database={"path": "data/rollover-bot.db"}), fake_discord)
    message = await start(settings, kb)
    assert message.startswith(f"the database {tmp_path / 'data' / 'rollover-bot.db'} "), message
    assert f"cannot make the folder {tmp_path / 'data'}: a file is in the way" in message


async def test_a_damaged_vote_key_file_is_named(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, tmp_path: Path
) -> None:
    database = tmp_path / "rollover-bot.db"
    key = tmp_path / "rollover-bot.db.key"
    key.write_text("not a hex key\n")
    settings = with_token(make_settings(database={"path": database}), fake_discord)
    message = await start(settings, kb)
    assert str(key) in message and "vote key" in message
    assert key.read_text() == "not a hex key\n"  # never replaced: votes already hashed with it


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://rollover@[::1/rollover",
        "postgresql://rollover:s3cret@127.0.0.1:99999/x",
        "postgresql://rollover:s3cret/Tr0ub4dor@db.example.com/rollover",  # '/' not %2F
    ],
)
async def test_a_malformed_database_url_is_refused_without_echoing_it(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, url: str
) -> None:
    settings = with_token(make_settings(database={"url": url}), fake_discord)
    message = await start(settings, kb)
    assert "PostgreSQL" in message and "malformed" in message
    assert "s3cret" not in message and "Tr0ub4dor" not in message


async def test_a_database_server_out_of_reach_exits_1_not_2(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path
) -> None:
    """docs/cli.md: 1 for a failure outside the input, as a supervisor should retry it; 2
    said the operator had typed something wrong."""
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", "postgresql://rollover:s3cret@127.0.0.1:1/x")
    monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", "1.5")
    monkeypatch.chdir(tmp_path)
    code = await asyncio.to_thread(main, ["run"])
    said = capsys.readouterr().err.strip().splitlines()
    err = said[-1]
    assert code == 1, err
    assert err.startswith("error: ") and "PostgreSQL" in err and "s3cret" not in err
    assert err.endswith("gave up after 1.5s")  # (waited for it first, as for Discord)
    assert any("retrying in" in line for line in said[:-1]), said


async def test_a_database_back_while_the_bot_waits_for_it_lets_it_start(
    fake_discord: FakeDiscord,
    make_settings,
    kb: KnowledgeBase,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A database out of reach at start (a PostgreSQL server restarting, or a backup
    holding the SQLite file) is waited for with backoff, as Discord is: the bot exited 1
    within a second, and a supervisor restarting it that fast (systemd: 5 starts in 10 s)
    gave up on it for good while the database came back."""
    import sqlite3

    path = tmp_path / "rollover-bot.db"
    settings = with_token(
        make_settings(database={"path": path}, startup_retry_seconds=60), fake_discord
    )
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # (a backup holding the file)
    serving = asyncio.create_task(runner.run(settings, kb, guild_ready_timeout=0.1))
    try:

        def waiting() -> bool:
            assert not serving.done(), serving.result()
            return any("retrying in" in r.getMessage() for r in caplog.records)

        await wait_until(waiting, timeout=20)
        assert "locked by another program" in caplog.text
        assert not fake_discord.gateway.sessions  # (Discord not tried meanwhile)
        holder.execute("ROLLBACK")  # the backup done
        await wait_until(lambda: bool(fake_discord.gateway.sessions), timeout=20)
        assert not serving.done()
    finally:
        holder.close()
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (4011, "shard_count"),
        (4004, "rejected the token"),
        (4010, "shard_ids"),
        (4013, "code 4013"),
    ],
)
async def test_gateway_refusals_explain_what_to_change(
    fake_discord: FakeDiscord, make_settings, kb: KnowledgeBase, code: int, expected: str
) -> None:
    fake_discord.gateway.fail_next_identify(code, times=10)
    message = await start(with_token(make_settings(), fake_discord), kb)
    assert expected in message


async def test_sync_to_an_unknown_server_is_one_error_line(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    monkeypatch.chdir(tmp_path)
    code = await asyncio.to_thread(main, ["sync", "--guild", "123456789012345678"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "123456789012345678" in err and "Traceback" not in err
    # Registering commands needs no database, so it leaves no files behind.
    assert os.listdir(tmp_path) == []


async def test_sync_refused_by_discord_for_another_reason_is_one_error_line(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    fake_discord.fail_next("PUT", r".*/commands", status=400, body={"code": 50035})
    code = await asyncio.to_thread(main, ["sync", "--guild", str(fake_discord.world.guild.id)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("error: Discord refused") and err.count("\n") == 1


async def test_sync_during_a_discord_outage_exits_1_for_a_retry(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    fake_discord.fail_next("PUT", r".*/commands", status=503)
    code = await asyncio.to_thread(main, ["sync", "--guild", str(fake_discord.world.guild.id)])
    err = capsys.readouterr().err
    assert code == 1, err  # Discord's trouble, not bad input (2)
    assert err.startswith("error: cannot reach Discord") and "503" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(("method", "path"), [("GET", r".*/users/@me"), ("PUT", r".*/commands")])
async def test_sync_losing_its_connection_is_one_error_line_and_exit_1(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, method: str, path: str
) -> None:
    """The connection dropped under `sync` (a flaky network), at its login or while it
    registered the commands: it crashed with a traceback as an 'unexpected internal
    fault', where `run` says in one line that Discord cannot be reached, exit 1."""
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    fake_discord.fail_next(method, path, status=0, times=10)
    code = await asyncio.to_thread(main, ["sync", "--guild", str(fake_discord.world.guild.id)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("error: cannot reach Discord at ") and err.count("\n") == 1, err


def one_error_line(err: str) -> str:
    """The one `error:` line of a command that also logged (`run`), with no traceback."""
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in err, err
    return errors[0]


@pytest.mark.parametrize("command", [["run"], ["sync"]])
async def test_discord_blocking_this_machine_at_login_is_one_error_line_and_exit_1(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path, command
) -> None:
    """Discord (Cloudflare in front of it) answers 429 with no rate-limit JSON to a machine
    whose address made too many requests (often a shared host's neighbours), until the
    block lifts by itself. discord.py raises it at the login as an HTTPException: `run`
    crashed with a traceback as an 'unexpected internal fault', and `sync` said Discord
    'refused to register the commands', exit 2 (fix your input), though nothing was
    registered and there was nothing to fix. Both now say Discord cannot be reached and
    why, exit 1, for a supervisor (or the operator, later) to try again."""
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    monkeypatch.chdir(tmp_path)
    fake_discord.fail_next("GET", r".*/users/@me", status=429, body="error code: 1015")
    code = await asyncio.to_thread(main, command)
    err = capsys.readouterr().err
    assert code == 1, err
    said = one_error_line(err)
    assert said.startswith("error: cannot reach Discord at ") and "429 Too Many Requests" in said


@pytest.mark.parametrize("status", [503, 0])
async def test_auto_sharding_when_discord_fails_the_shard_count_is_one_error_line(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path, status
) -> None:
    """With discord.shard_count = "auto" the bot asks Discord how many shards to run
    (GET /gateway/bot) after logging in, outside discord.py's reconnecting: an outage
    there (503) or a dropped connection (0) ended `run` with a traceback and 'unexpected
    internal fault', where the same failure at the login is one line naming Discord."""
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    monkeypatch.setenv("ROLLOVER_DISCORD__SHARD_COUNT", "auto")
    monkeypatch.setenv("ROLLOVER_FAQ_WATCH", "false")
    monkeypatch.chdir(tmp_path)
    fake_discord.fail_next("GET", r".*/gateway/bot", status=status, times=10)
    code = await asyncio.to_thread(main, ["run"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert one_error_line(err).startswith("error: cannot reach Discord at "), err


@pytest.mark.parametrize("env_file", ["none", "without a token"])
def test_no_token_names_the_env_file_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, env_file: str
) -> None:
    """.env is read from the folder the command runs in, not the checkout: run from
    elsewhere (`python3 ~/rollover-bot/dev.py run run`), the error said only 'or in a .env
    file' while the checkout's .env held the token. It names the file it read, whole."""
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("ROLLOVER_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    if env_file != "none":
        (tmp_path / ".env").write_text("ROLLOVER_LOG_LEVEL=INFO\n")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no Discord token configured") and err.count("\n") == 1, err
    state = "there is no such file" if env_file == "none" else "it has no token"
    assert f"{tmp_path / '.env'} (read from the current folder: {state})" in err, err


#: Shaped as a bot token (never sent: these stop before connecting).
A_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GsEcRt.a_token_shaped_value_for_tests_1234"


def closed_faq(tmp_path: Path, closed: str) -> tuple[Path, dict[str, str]]:
    """A copy of the FAQ the bot's user may not read (``closed``: the folder itself, or a
    folder above it, deployed by root with mode 700), and the environment to run with."""
    os.chmod(tmp_path, 0o755)
    above = tmp_path / "deploy"
    faq = above / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, faq)
    (faq if closed == "the folder" else above).chmod(0o700)
    if os.geteuid() != 0 and os.access(faq, os.R_OK | os.X_OK):
        pytest.skip("this user reads the folder whatever its mode")
    env = bare_env(
        HOME=str(tmp_path),
        ROLLOVER_CACHE_DIR="off",
        DISCORD_TOKEN=A_TOKEN,
        ROLLOVER_FAQ_DIR=str(faq),
    )
    return faq, env


def run_as_another_user(args: list[str], env: dict[str, str], cwd: Path):
    return subprocess.run(
        as_another_user([str(SCRIPT), *args]),
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


CLOSED = ["the folder", "a folder above it"]


@pytest.mark.parametrize("closed", CLOSED)
@pytest.mark.parametrize(
    "command", [["ask", "is ATS money prorated?"], ["sync", "--print"], ["run"]]
)
def test_an_faq_folder_the_bot_may_not_read_is_one_error_line(
    tmp_path: Path, command: list[str], closed: str
) -> None:
    """The bot's user cannot read the FAQ folder (deployed by another user, mode 700):
    `faq validate` says 'cannot read the folder: Permission denied'; run, sync and ask
    say so in one line, exit 2, as for a folder that is not there (they crashed with
    a PermissionError traceback, exit 1)."""
    faq, env = closed_faq(tmp_path, closed)
    proc = run_as_another_user(command, env, tmp_path)
    assert proc.returncode == 2, proc.stderr
    named = "the faq_dir setting: ROLLOVER_FAQ_DIR, .env or settings.toml"
    assert proc.stderr == f"error: cannot read the FAQ folder {faq} ({named}): Permission denied\n"


@pytest.mark.parametrize("closed", CLOSED)
def test_an_faq_folder_refused_in_this_process_is_one_error_line(
    tmp_path: Path,
    closed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The same refusals as above, in this process (the tests above run the installed
    command as another user): ask says it in one line, exit 2; validate lists it."""
    from tests.faq_factory import deny_reading

    faq = tmp_path / "deploy" / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, faq)
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    deny_reading(monkeypatch, faq if closed == "the folder" else faq.parent)
    assert main(["ask", "is ATS money prorated?", "--faq-dir", str(faq)]) == 2
    said = capsys.readouterr().err.splitlines()
    assert f"error: cannot read the FAQ folder {faq} (--faq-dir): Permission denied" in said
    assert main(["faq", "validate", "--faq-dir", str(faq)]) == 1
    assert capsys.readouterr().out == f"{faq}:0: cannot read the folder: Permission denied\n"


@pytest.mark.parametrize("closed", CLOSED)
def test_validate_lists_an_faq_folder_it_may_not_read_as_its_problem(
    tmp_path: Path, closed: str
) -> None:
    """(A folder above it closed crashed validate too.)"""
    faq, env = closed_faq(tmp_path, closed)
    proc = run_as_another_user(["faq", "validate"], env, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == f"{faq}:0: cannot read the folder: Permission denied\n"


@pytest.mark.parametrize("database", ["new", "in use before"])
async def test_a_full_disk_at_start_is_said_and_exits_1_to_be_retried(
    fake_discord: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    database: str,
) -> None:
    """The database's disk full when the bot starts: that was "cannot be used: database or
    disk is full", or for a database in use before "disk I/O error" (SQLite cannot grow its
    -shm file), exit 2, which the README's systemd unit never restarts: the bot stayed down
    once the space was freed. A full disk is a passing failure now, exit 1, said as such."""
    from bot.storage import SqliteStore

    with full_disk(tmp_path / "disk") as disk:
        path = disk / "rollover-bot.db"
        if database == "in use before":
            async with SqliteStore(path) as store:
                await store.claim_post(1)
        fill_up(disk)
        monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
        monkeypatch.setenv("ROLLOVER_DATABASE__PATH", str(path))
        monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", "0")  # (no wait for it)
        monkeypatch.chdir(tmp_path)
        code = await asyncio.to_thread(main, ["run"])
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert code == 1, err
        assert err.startswith("error: ") and str(path) in err and "disk" in err and "full" in err
        assert "I/O error" not in err
        if database == "in use before":  # the moderators' reports say so too (exit 1)
            assert await asyncio.to_thread(main, ["faq", "stats", "--db", str(path)]) == 1
            assert capsys.readouterr().err.splitlines()[-1].endswith("is full; free some space")
        (disk / "filler").unlink()  # room again: it starts
        async with SqliteStore(path) as store:
            assert await store.claim_post(2)


async def test_a_database_on_a_read_only_disk_at_start_is_said_and_exits_1_to_be_retried(
    fake_discord: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    """The database's disk mounted read-only when the bot starts (remounted so after a disk
    error, a volume mounted ro): that was "cannot be used: ... unable to open database
    file", exit 2, which named nothing to fix and which the README's systemd unit never
    restarts. It is said read-only now, exit 1, and the bot starts once it is writable."""
    from bot.storage import SqliteStore

    with full_disk(tmp_path / "disk") as disk:
        path = disk / "rollover-bot.db"
        async with SqliteStore(path) as store:
            await store.claim_post(1)
        await asyncio.to_thread(remount, disk, "ro")
        monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
        monkeypatch.setenv("ROLLOVER_DATABASE__PATH", str(path))
        monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", "0")  # (no wait for it)
        monkeypatch.chdir(tmp_path)
        code = await asyncio.to_thread(main, ["run"])
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert code == 1, err
        assert err.startswith(f"error: cannot open {path}: it is read-only (its disk mounted "), err
        await asyncio.to_thread(remount, disk, "rw")
        async with SqliteStore(path) as store:  # writable again: it starts
            assert await store.claim_post(2)


async def test_a_postgres_server_out_of_connections_at_start_is_one_error_line_exit_1(
    fake_discord: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    postgres_url: str,
) -> None:
    """A server with no connection left for the bot's reload announcements (PostgreSQL's
    max_connections reached, its pool let in with the last one): the start ended in a
    traceback ("sorry, too many clients already"), as an internal fault. It is one error
    line now, saying what to do, exit 1 as for a server out of reach, for a supervisor to
    try again."""
    import asyncpg

    held = []
    try:
        while True:
            held.append(await asyncpg.connect(postgres_url))
    except asyncpg.TooManyConnectionsError:
        pass
    await held.pop().close()  # room for the bot's pool, not its listening connection
    try:
        monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
        monkeypatch.setenv("ROLLOVER_DATABASE__URL", postgres_url)
        monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", "0")  # (no wait for it)
        monkeypatch.chdir(tmp_path)
        code = await asyncio.to_thread(main, ["run"])
        err = capsys.readouterr().err
        assert code == 1, err
        assert "Traceback" not in err
        assert err.strip().splitlines()[-1] == (
            "error: cannot use the PostgreSQL database: the PostgreSQL server refuses more "
            "connections (sorry, too many clients already): close some of its other clients, "
            "or raise max_connections or the role's or database's limit"
        )
    finally:
        for conn in held:
            await conn.close()


async def test_a_postgres_server_that_never_answers_at_start_says_so_exit_1(
    fake_discord: FakeDiscord,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    postgres_server: str,
    postgres_url: str,
) -> None:
    """A database host that never answers the connection (powered off, or behind a firewall
    dropping its packets; here the server's main process stopped): the driver gives up after
    its connect timeout with a TimeoutError, which has no words, and the operator read
    "error: cannot use the PostgreSQL database: " and nothing after it, a minute later, as
    each try's warning said while the bot waited for it. It says the server did not answer
    the connection, exit 1, after the bot's connect timeout (not the driver's minute)."""
    import signal

    from bot.storage import postgres
    from bot.storage.postgres import NO_ANSWER

    server = int((Path(postgres_server) / "data" / "postmaster.pid").read_text().split()[0])
    # (the bot's connect timeout, 10 s, shortened: the wait is no better a test)
    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT", 1.0)
    monkeypatch.setenv("DISCORD_TOKEN", fake_discord.token)
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", postgres_url)
    monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", "0")  # (no wait for it)
    monkeypatch.chdir(tmp_path)
    os.kill(server, signal.SIGSTOP)
    try:
        code = await asyncio.to_thread(main, ["run"])
    finally:
        os.kill(server, signal.SIGCONT)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"error: cannot use the PostgreSQL database: {NO_ANSWER}"


@pytest.mark.parametrize("table", ["schema_version", "served"])
async def test_a_report_kept_waiting_by_a_lock_says_so_exit_1(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    postgres_url: str,
    table: str,
) -> None:
    """`rollover-bot faq stats` on a PostgreSQL database another session holds a lock on
    (a transaction left open in psql, a migration) past the query timeout: the operator
    read "error: cannot read the database URL: " and nothing more (as the schema is checked,
    or as the report reads). It says a query waited past its timeout and why, exit 1."""
    import asyncpg

    from bot.storage import PostgresStore
    from bot.storage.postgres import STUCK_QUERY

    async with PostgresStore(postgres_url) as store:
        await store.record_served("split-earnings-to-traditional-ira")
    assert await asyncio.to_thread(main, ["faq", "stats", "--db", postgres_url]) == 0  # (control)
    capsys.readouterr()
    # (the query timeout shortened: a lock held for 10 s is no quicker to test)
    monkeypatch.setitem(PostgresStore.__init__.__kwdefaults__, "query_timeout", 0.5)
    other = await asyncpg.connect(postgres_url)
    try:
        async with other.transaction():
            await other.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            code = await asyncio.to_thread(main, ["faq", "stats", "--db", postgres_url])
    finally:
        await other.close()
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.strip().splitlines()[-1].endswith(f": {STUCK_QUERY}"), err
