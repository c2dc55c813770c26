"""Start-up failures the operator must fix get one clear line, never a traceback and never
the wrong cause: the real runner against the fake Discord, real files on disk."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot import runner
from bot.cli import main
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from tests.fakediscord import FakeDiscord


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
    monkeypatch.chdir(tmp_path)
    code = await asyncio.to_thread(main, ["run"])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 1, err
    assert err.startswith("error: ") and "PostgreSQL" in err and "s3cret" not in err


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
