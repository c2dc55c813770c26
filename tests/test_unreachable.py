"""`rollover-bot run` when Discord cannot be reached: retries, then one clear line and exit 1."""

from __future__ import annotations

import asyncio
import logging
import socket
import time

import discord
import pytest
from aiohttp import web

from bot.cli import main
from bot.reachability import DiscordUnreachable, wait_until_reachable
from tests.fakediscord import DEFAULT_TOKEN


def closed_port() -> int:
    """A loopback port nothing listens on (bound once to pick it, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def discord_at(monkeypatch: pytest.MonkeyPatch):
    """Point discord.py (and the reachability probe) at another API base, with a token."""

    def point(base: str, retry_seconds: float) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", base)
        monkeypatch.setenv("DISCORD_TOKEN", DEFAULT_TOKEN)
        monkeypatch.setenv("ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS", str(retry_seconds))

    return point


def test_closed_port_is_retried_then_one_error_line_and_exit_1(
    discord_at, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    port = closed_port()
    discord_at(f"http://127.0.0.1:{port}/api/v10", retry_seconds=1.5)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="bot.reachability"):
        code = main(["run"])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert code == 1
    assert errors == [
        f"error: cannot reach Discord at 127.0.0.1:{port}: the connection was refused;"
        " gave up after 1.5s"
    ]
    assert "Traceback" not in err
    retries = [r for r in caplog.records if "retrying in" in r.getMessage()]
    assert len(retries) >= 1 and all(r.exc_info is None for r in retries)
    assert elapsed >= 1.5


def test_unresolvable_host_names_the_host_and_dns(
    discord_at, capsys: pytest.CaptureFixture[str]
) -> None:
    discord_at("https://rollover-bot-test.invalid/api/v10", retry_seconds=0)
    code = main(["run"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines()[-1] == (
        "error: cannot reach Discord at rollover-bot-test.invalid:443:"
        " its name could not be resolved (DNS lookup failed)"
    )
    assert "Traceback" not in err


def test_sync_without_a_route_is_one_line_too(
    discord_at, capsys: pytest.CaptureFixture[str]
) -> None:
    port = closed_port()
    discord_at(f"http://127.0.0.1:{port}/api/v10", retry_seconds=60)
    assert main(["sync"]) == 1  # sync never waits: one try
    err = capsys.readouterr().err
    assert err.strip() == (
        f"error: cannot reach Discord at 127.0.0.1:{port}: the connection was refused"
    )


async def test_start_waits_for_discord_to_come_back() -> None:
    """Backoff, not a crash: a server that appears during the retry window is used."""
    port = closed_port()
    app = web.Application()

    async def gateway(request: web.Request) -> web.Response:
        return web.json_response({"url": "ws://127.0.0.1/gateway"})

    app.router.add_get("/api/v10/gateway", gateway)
    runner = web.AppRunner(app)
    await runner.setup()

    async def come_up_later() -> None:
        await asyncio.sleep(0.5)
        await web.TCPSite(runner, "127.0.0.1", port).start()

    later = asyncio.create_task(come_up_later())
    try:
        attempts = await wait_until_reachable(f"http://127.0.0.1:{port}/api/v10", give_up_after=10)
        assert attempts >= 2
    finally:
        await later
        await runner.cleanup()


async def test_give_up_time_is_respected() -> None:
    port = closed_port()
    started = time.monotonic()
    with pytest.raises(DiscordUnreachable, match=r"gave up after 0\.3s"):
        await wait_until_reachable(f"http://127.0.0.1:{port}/api/v10", give_up_after=0.3)
    assert 0.3 <= time.monotonic() - started < 2.0


def test_a_database_to_fix_is_named_at_once_not_after_waiting_for_discord(
    discord_at,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The database was opened only once Discord answered: with Discord out of reach too
    (a first start on a new server, say), the operator watched two minutes of "cannot
    reach Discord" before hearing of a database path they could have fixed at once."""
    port = closed_port()
    discord_at(f"http://127.0.0.1:{port}/api/v10", retry_seconds=30)
    (tmp_path / "data").write_text("a file where the database folder should be\n")
    monkeypatch.setenv("ROLLOVER_DATABASE__PATH", str(tmp_path / "data" / "rollover-bot.db"))
    with caplog.at_level(logging.WARNING, logger="bot.reachability"):
        code = main(["run"])
    err = capsys.readouterr().err
    assert code == 2 and "error: the database" in err and "Discord" not in err
    assert not [r for r in caplog.records if "retrying in" in r.getMessage()]  # (no wait)
    # with the database fixed, the same start waits for Discord, as it should
    monkeypatch.setenv("ROLLOVER_DATABASE__PATH", str(tmp_path / "rollover-bot.db"))
    discord_at(f"http://127.0.0.1:{port}/api/v10", retry_seconds=1)
    assert main(["run"]) == 1
    assert "cannot reach Discord" in capsys.readouterr().err
