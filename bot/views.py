"""Components under an answer: other close matches, and helpful / not helpful votes.

Both are ``DynamicItem``s: their state lives in the custom_id, so clicks keep working
after the bot restarts, without keeping views in memory.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.embeds import answer_embed
from bot.replies import APOLOGY, NO_PINGS, send_private
from bot.storage import hash_user
from knowledge.matcher import Hit

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)


class PickEntry(discord.ui.DynamicItem[discord.ui.Select], template=r"rb:pick"):
    """A select of other close matches; choosing one shows that entry (to the chooser)."""

    def __init__(self, options: list[discord.SelectOption]) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id="rb:pick",
                placeholder="Not quite it? Other close matches…",
                options=options,
                min_values=1,
                max_values=1,
            )
        )

    @classmethod
    def for_hits(cls, hits: tuple[Hit, ...] | list[Hit]) -> PickEntry:
        options = [discord.SelectOption(label=h.title[:100], value=h.id) for h in hits[:25]]
        return cls(options)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Select, match: re.Match[str], /
    ) -> PickEntry:
        return cls(list(item.options))

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        try:
            bot = interaction.client
            entry_id = self.item.values[0] if self.item.values else ""
            if bot.knowledge.get(entry_id) is None:
                await interaction.response.send_message(
                    "That entry no longer exists; try `/faq` to browse the current ones.",
                    ephemeral=True,
                )
                return
            await interaction.response.send_message(
                embed=answer_embed(bot.knowledge.layout(entry_id)),
                view=answer_view(entry_id, ()),
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
            await bot.store.record_served(entry_id)
        except Exception:
            log.exception("choosing a suggestion failed (interaction %s)", interaction.id)
            await send_private(interaction, APOLOGY)


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=r"rb:vote:(?P<entry>[a-z0-9-]{1,80}):(?P<vote>up|down)",
):
    """One vote per user per answer; voting again changes the vote."""

    def __init__(self, entry_id: str, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:vote:{entry_id}:{'up' if helpful else 'down'}",
            )
        )
        self.entry_id = entry_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> VoteButton:
        return cls(match["entry"], match["vote"] == "up")

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        try:
            message_id = interaction.message.id if interaction.message else 0
            text = (
                "Thanks! Glad it helped."
                if self.helpful
                else "Thanks for telling us. Moderators review answers marked not helpful."
            )
            # Reply first: Discord allows 3 s, and a busy database must not eat into them.
            await interaction.response.send_message(text, ephemeral=True)
            await interaction.client.store.record_vote(
                self.entry_id,
                message_id,
                hash_user(interaction.user.id, interaction.client.vote_key),
                self.helpful,
            )
        except Exception:
            log.exception("recording a vote failed (interaction %s)", interaction.id)
            await send_private(interaction, APOLOGY)


def answer_view(entry_id: str | None, others: tuple[Hit, ...] | list[Hit]) -> discord.ui.View:
    """The components under an answer (votes only when an entry was answered)."""
    view = discord.ui.View(timeout=None)
    if others:
        view.add_item(PickEntry.for_hits(others))
    if entry_id:
        view.add_item(VoteButton(entry_id, True))
        view.add_item(VoteButton(entry_id, False))
    return view


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (PickEntry, VoteButton)
