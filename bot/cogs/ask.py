"""`/ask` and `/faq`: questions and topic lookup by slash command."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.answering import build_reply, remember
from bot.app import RolloverBot
from bot.embeds import answer_embed
from bot.limits import per_user, user_key
from bot.replies import NO_PINGS
from bot.views import answer_view

log = logging.getLogger(__name__)


class Ask(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot

    @app_commands.checks.dynamic_cooldown(per_user("ask_per_minute"), key=user_key)
    @app_commands.command(
        name="ask", description="Ask a mega backdoor Roth / after-tax 401(k) question"
    )
    @app_commands.describe(
        question="Your question, in your own words",
        private="Only you see the answer (default: everyone in the channel)",
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 2, 1000],
        private: bool = False,
    ) -> None:
        reply = build_reply(self.bot, question)
        await interaction.response.send_message(
            embeds=reply.embeds, view=reply.view, ephemeral=private, allowed_mentions=NO_PINGS
        )
        await remember(self.bot, reply, interaction.channel_id)  # after: off the reply's path

    @app_commands.checks.dynamic_cooldown(per_user("ask_per_minute"), key=user_key)
    @app_commands.command(name="faq", description="Show an FAQ entry by topic")
    @app_commands.describe(
        topic="Start typing: a topic, an entry id, or a few words of your question",
        private="Only you see the answer (default: everyone in the channel)",
    )
    async def faq(
        self,
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, 200],
        private: bool = False,
    ) -> None:
        kb = self.bot.knowledge
        entry_id = topic.strip()
        if kb.get(entry_id) is None:
            # Typed text rather than a picked choice: look it up by meaning.
            result = kb.ask(topic)
            if not result.answered or result.best is None:
                names = ", ".join(f"`{h.id}`" for h in result.suggestions) or "none close"
                await interaction.response.send_message(
                    f"No FAQ entry matches that topic (closest: {names}). "
                    "Pick one of the suggestions while typing, or use `/ask`.",
                    ephemeral=True,
                    allowed_mentions=NO_PINGS,
                )
                return
            entry_id = result.best.id
        await interaction.response.send_message(
            embed=answer_embed(kb.layout(entry_id)),
            view=answer_view(entry_id, ()),
            ephemeral=private,
            allowed_mentions=NO_PINGS,
        )
        await self.bot.store.record_served(entry_id)

    @faq.autocomplete("topic")
    async def faq_topic_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        hits = self.bot.knowledge.matcher.autocomplete(current[:200], limit=25)
        return [app_commands.Choice(name=h.title[:100], value=h.id) for h in hits]


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Ask(bot))
