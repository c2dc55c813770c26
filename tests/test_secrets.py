"""The Discord token never appears in logs, exceptions, reprs or error text."""

from __future__ import annotations

import asyncio
import logging
import traceback

import pytest
from pydantic import SecretStr

from bot import runner
from tests.fakediscord import FakeDiscord

WRONG = "MTAwMDAwMDAwMDAwMDAwMDAx.GwRoNg.this_token_must_never_be_printed_0000"


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append("".join(traceback.format_exception(*record.exc_info)))
    return "\n".join(parts)


async def test_failed_login_logs_no_token(
    fake_discord: FakeDiscord, make_settings, kb, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings().model_copy(update={"token": SecretStr(WRONG)})
    with caplog.at_level(logging.DEBUG), pytest.raises(runner.StartupError) as info:
        await asyncio.wait_for(runner.run(settings, kb), timeout=20)
    assert caplog.records, "discord.py should have logged the attempt"
    assert WRONG not in everything_logged(caplog)
    assert WRONG not in str(info.value) and WRONG not in repr(info.value)
    assert WRONG not in repr(settings) and WRONG not in str(settings)


async def test_successful_session_logs_no_token(
    fake_discord: FakeDiscord, make_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        async with start_bot(make_bot()):
            await (await fake_discord.send_slash_command("ask", {"question": "mbdr?"})).response()
    assert fake_discord.token not in everything_logged(caplog)


@pytest.mark.parametrize("quote", ['"', "'"])
async def test_a_token_in_quotes_from_the_environment_is_the_token_inside(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, quote: str
) -> None:
    """`docker run --env-file` (and some secret stores) pass DISCORD_TOKEN="..." with its
    quotes. The token inside is good, but the error said it did not have 'three
    dot-separated parts' and to copy it again: the operator reset a good token. A token
    never holds a quote, so one matching pair around it is taken off."""
    from bot.cli import main

    monkeypatch.setenv("DISCORD_TOKEN", f"{quote}{fake_discord.token}{quote}")
    code = await asyncio.to_thread(main, ["sync", "--guild", str(fake_discord.world.guild.id)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert fake_discord.token not in out + err


@pytest.mark.parametrize("written", ["Bot {token}", "bot  {token}", '"Bot {token}"'])
async def test_a_token_pasted_with_its_bot_prefix_is_the_token(
    fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch, capsys, written: str
) -> None:
    """Discord's own documents write the token as the Authorization header takes it, "Bot
    " and the token; pasted so, the error said the token did not look like a bot token
    and to copy it again (not the client secret), so the operator reset a good token.
    No token holds a space: the prefix is taken off, as quotes are."""
    from bot.cli import main

    monkeypatch.setenv("DISCORD_TOKEN", written.format(token=fake_discord.token))
    code = await asyncio.to_thread(main, ["sync", "--guild", str(fake_discord.world.guild.id)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert fake_discord.token not in out + err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ('""', "no Discord token configured"),
        (f'"{WRONG}', "has a quote in it"),
        (f"\"{WRONG}'", "has a quote in it"),
    ],
)
def test_quotes_that_hold_no_token_or_do_not_match_are_refused(
    make_settings, written: str, said: str
) -> None:
    from bot.startup import StartupError, token_of

    settings = make_settings().model_copy(update={"token": SecretStr(written)})
    with pytest.raises(StartupError) as info:
        token_of(settings)
    assert said in str(info.value) and WRONG not in str(info.value)


def test_the_start_line_shows_a_database_url_without_its_password(make_settings, kb) -> None:
    """The line logged at start names the database the bot serves from: a PostgreSQL URL
    there has its password as ***, as the reports show it (logs are read by more people,
    and kept longer, than the settings)."""
    url = "postgresql://rollover:s3cret-pw@db.example/rollover"
    line = runner._starting(make_settings(database={"url": url}), kb, None)
    assert "database postgresql://rollover:***@db.example/rollover;" in line, line
    assert "s3cret-pw" not in line
