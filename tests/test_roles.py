"""Which servers' Manage Server permission makes an FAQ moderator (bot.roles)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.roles import home_guild_ids
from bot.settings import DiscordSettings

HOME, OTHER = SimpleNamespace(id=1), SimpleNamespace(id=2)
CHANNELS = {10: SimpleNamespace(guild=HOME), 20: SimpleNamespace(guild=OTHER)}


def bot(guilds: list[SimpleNamespace], **discord: object) -> SimpleNamespace:
    return SimpleNamespace(
        settings=SimpleNamespace(discord=DiscordSettings(**discord)),
        get_channel=CHANNELS.get,
        guilds=guilds,
    )


@pytest.mark.parametrize(
    ("guilds", "discord", "homes"),
    [
        pytest.param([HOME], {}, {1}, id="the-only-server"),
        pytest.param([HOME, OTHER], {}, set(), id="several-servers-none-named"),
        pytest.param([HOME, OTHER], {"forum_channel_ids": [10]}, {1}, id="the-forums-server"),
        pytest.param([HOME, OTHER], {"text_channel_ids": [20]}, {2}, id="the-text-channels"),
        pytest.param([HOME, OTHER], {"mod_log_channel_id": 10}, {1}, id="the-mod-logs-server"),
        pytest.param(
            [HOME, OTHER],
            {"forum_channel_ids": [10], "home_guild_ids": [2]},
            {2},
            id="named-servers-win",
        ),
        pytest.param([HOME, OTHER], {"forum_channel_ids": [99]}, set(), id="a-channel-not-seen"),
    ],
)
def test_home_servers(guilds: list, discord: dict, homes: set[int]) -> None:
    assert home_guild_ids(bot(guilds, **discord)) == homes  # type: ignore[arg-type]
