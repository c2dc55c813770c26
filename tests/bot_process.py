"""The real bot as a process of its own, against a fake Discord: for tests that kill it.

    python -c "import sys, tests.bot_process as b; sys.exit(b.serve(sys.argv[1]))" URL

(Not ``python -m``: there, a Ctrl-C caught while a string was being exec'd, as dataclasses
does when a library's classes are made mid-load, now and then still ended the process by
SIGINT (-2) after main() had returned 130 and atexit had run, most likely from a flag that
CPython's -m start path checks and exec sets. Run with ``-c``, as the installed
``rollover-bot`` script is run as a file, that was not seen in 100 runs.)

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


def serve(base_url: str) -> int:
    """`rollover-bot run` against the fake at ``base_url``; its exit code."""
    point_at(base_url)
    runner.run = functools.partial(runner.run, guild_ready_timeout=0.1)  # type: ignore[assignment]
    return main(["run"])


#: The command line that runs the bot against the fake at a URL (given after it).
COMMAND = (
    sys.executable,
    "-c",
    "import sys, tests.bot_process as b; sys.exit(b.serve(sys.argv[1]))",
)
