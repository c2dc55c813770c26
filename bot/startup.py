"""What must be right before the bot starts, checked without loading discord.py: the
command line says what is wrong with a token in a fraction of a second."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

# A bot token is three dot-separated base64url parts; checking the shape catches pasting
# the client secret or the application id by mistake, without echoing the value.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")

INTENT_HELP = (
    "Discord refused the connection: the Message Content intent is not enabled for this "
    "bot (gateway close code 4014). Open the Discord Developer Portal, choose your "
    "application, go to Bot > Privileged Gateway Intents, turn on MESSAGE CONTENT INTENT, "
    "save, and start the bot again."
)
LOGIN_HELP = (
    "Discord rejected the token (401 Unauthorized). Copy a fresh token from the Developer "
    "Portal (Bot > Reset Token) into DISCORD_TOKEN or your .env file."
)


class StartupError(Exception):
    """The bot cannot start; the message tells the operator what to do."""


class ServiceDown(StartupError):
    """The bot cannot start for a cause outside its settings (the database server down
    or out of reach): exit code 1, as for Discord unreachable, so a supervisor tries
    again, not 2, which says the operator's input is wrong."""


def has_token(settings: Settings) -> bool:
    """Whether a token is configured at all (its shape aside): quotes around nothing, as
    `docker run --env-file` passes DISCORD_TOKEN="", are none, as for :func:`token_of`."""
    return bool(_configured(settings))


def token_of(settings: Settings) -> str:
    token = _configured(settings)
    if not token:
        from bot.settings import env_file

        # The .env of the folder the command runs in: name it, whole, which tells a command
        # run from elsewhere than the checkout (dev.py runs from anywhere).
        read = env_file()
        state = "it has no token" if read.is_file() else "there is no such file"
        raise StartupError(
            f"no Discord token configured: set DISCORD_TOKEN in the environment or in {read} "
            f"(read from the current folder: {state}), or run 'rollover-bot console' to try "
            "the bot locally"
        )
    if not _TOKEN_SHAPE.match(token):
        if "'" in token or '"' in token:
            raise StartupError(
                f"{_TOKEN_NAMES} has a quote in it, which no bot token has: write the "
                "token without quotes"
            )
        raise StartupError(
            f"{_TOKEN_NAMES} does not look like a bot token (three dot-separated "
            "parts); copy it from the Developer Portal under Bot > Token, not the client secret"
        )
    return token


#: Where a token is read from (settings.Settings.token): either may hold the faulty one.
_TOKEN_NAMES = "the token (DISCORD_TOKEN or ROLLOVER_TOKEN)"


def _configured(settings: Settings) -> str:
    """The token as set, unquoted ("" when none is)."""
    return _unquoted(settings.token.get_secret_value()) if settings.token is not None else ""


#: "Bot " before the token: the Authorization header's form, which Discord's documents and
#: many guides show; discord.py adds it itself.
_BOT_PREFIX = re.compile(r"^bot\s+", re.IGNORECASE)


def _unquoted(token: str) -> str:
    """``token`` without the spaces around it, one matching pair of quotes around that, and
    a "Bot " prefix: `docker run --env-file` and some secret stores pass DISCORD_TOKEN="..."
    with its quotes (a .env file's are taken off when it is read), and a token copied from
    an Authorization header has the prefix. A token never holds a quote or a space."""
    token = token.strip()
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "\"'":
        token = token[1:-1].strip()
    return _BOT_PREFIX.sub("", token)
