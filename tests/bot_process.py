"""The real bot as a process of its own, against a fake Discord: for tests that kill it.

    python -m tests.bot_process http://127.0.0.1:PORT

This is `rollover-bot run` (settings from ROLLOVER_* variables, token from DISCORD_TOKEN)
with discord.py's REST and gateway addresses pointed at the fake (which patches them only
inside its own process), and one speed-up: READY waits 0.1 s for guilds instead of 2 s.
"""

from __future__ import annotations

import functools
import sys

import discord
import yarl

from bot import runner
from bot.cli import main
from tests.fakediscord.rest import API_PREFIX


def point_at(base_url: str) -> None:
    discord.http.Route.BASE = base_url + API_PREFIX
    gateway = base_url.replace("http://", "ws://", 1) + "/gateway"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


if __name__ == "__main__":
    point_at(sys.argv[1])
    runner.run = functools.partial(runner.run, guild_ready_timeout=0.1)  # type: ignore[assignment]
    sys.exit(main(["run"]))
