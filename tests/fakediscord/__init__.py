"""A fake Discord (REST API + gateway) on 127.0.0.1 for end-to-end tests of the real,
unmodified discord.py client.

    async def test_ask(fake_discord: FakeDiscord) -> None:
        async with running_bot(fake_discord, make_bot()):
            handle = await fake_discord.send_slash_command("ask", {"question": "..."})
            body = await handle.response()
            assert body["type"] == 4

See tests/test_fakediscord.py for every feature in use.
"""

from .fixtures import fake_discord, running_bot
from .gateway import Gateway, GatewayRecord
from .handles import ForumPost, InteractionHandle
from .harness import DEFAULT_TOKEN, FakeDiscord, custom_ids, wait_until
from .mentions import Pings, would_ping
from .rest import Call, FilePart, RestApi
from .state import Guild, Member, Role, User, World
from .validation import DiscordError

__all__ = [
    "DEFAULT_TOKEN",
    "Call",
    "DiscordError",
    "FakeDiscord",
    "FilePart",
    "ForumPost",
    "Gateway",
    "GatewayRecord",
    "Guild",
    "InteractionHandle",
    "Member",
    "Pings",
    "RestApi",
    "Role",
    "User",
    "World",
    "custom_ids",
    "fake_discord",
    "running_bot",
    "wait_until",
    "would_ping",
]
