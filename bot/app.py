"""The Discord bot: a ``commands.Bot`` whose features are cogs loaded as extensions."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord.ext import commands

from bot.settings import Settings
from bot.store import MemoryStore, Store
from bot.views import DYNAMIC_ITEMS
from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = (
    "bot.cogs.errors",
    "bot.cogs.answers",
    "bot.cogs.ask",
    "bot.cogs.calculators",
)


class RolloverBot(commands.Bot):
    """Holds what the cogs share; settings, knowledge and store are injected, not imported."""

    def __init__(
        self,
        settings: Settings,
        knowledge: KnowledgeBase,
        store: Store | None = None,
        *,
        extensions: Sequence[str] = EXTENSIONS,
        **options: object,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = True  # privileged: reading forum posts and mentions needs it
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),  # never ping, whatever was asked
            **options,  # type: ignore[arg-type]
        )
        self.settings = settings
        #: Replaced whole on reload; readers always see one complete knowledge base.
        self.knowledge = knowledge
        self.store: Store = store if store is not None else MemoryStore()
        self._extension_names = tuple(extensions)

    async def setup_hook(self) -> None:
        for name in self._extension_names:
            await self.load_extension(name)
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        log.info(
            "loaded %d extensions; commands: %s",
            len(self._extension_names),
            ", ".join(sorted(c.name for c in self.tree.get_commands())),
        )

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: mentions and forum posts are handled by the answers cog."""

    async def on_ready(self) -> None:
        log.info("connected as %s to %d guild(s)", self.user, len(self.guilds))
