"""`/ask` and `/faq`: questions and topic lookup by slash command."""

from __future__ import annotations

import logging
from collections.abc import Callable

import discord
from discord import app_commands
from discord.ext import commands

from bot.answering import build_reply, calculator_hint, in_time, remember
from bot.app import RolloverBot
from bot.command_mentions import command_ids, command_ids_quickly, mention
from bot.embeds import answer_embed, clipped, help_embed, listed_title, neutralize
from bot.limits import PerUserWindows, autocomplete_hits, per_user, user_key
from bot.paging import PageButton
from bot.replies import (
    NO_PINGS,
    apologise,
    next_send,
    offer,
    privately_here,
    send_private,
    strip_mentions,
    without_command,
)
from bot.small_talk import THANKS_REPLY, asks_for_help, small_talk
from bot.views import answer_view, count_served
from calculators.money import counted
from calculators.typed import typed_command

log = logging.getLogger(__name__)

#: The reply to an /ask whose question is only mentions.
ASK_IN_WORDS = "Type your question in words, for example: *is my after-tax rollover prorated?*"


class Ask(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        #: Members pinged by "/faq user:", each for limits.ping_member_every_minutes.
        self.pinged = PerUserWindows(
            lambda: 1, period=lambda: 60.0 * bot.settings.limits.ping_member_every_minutes
        )

    @app_commands.checks.dynamic_cooldown(per_user("ask_per_minute"), key=user_key)
    @app_commands.command(
        name="ask", description="Ask a mega backdoor Roth / after-tax 401(k) question"
    )
    @app_commands.describe(
        question="Your question, in your own words",
        private="Only you see the answer (moderators may still read questions it cannot answer)",
    )
    async def ask(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 2, 1000],
        private: bool = False,
    ) -> None:
        # A reply a stop lets finish, as a mention's: asked as the bot was stopped (a
        # deploy), its answer was cut off as Discord closed under it, so the member read
        # "The application did not respond", the question went unrecorded, and the log had
        # an ERROR with a traceback.
        with self.bot.replying():
            await self._ask(interaction, question, private)

    async def _ask(self, interaction: discord.Interaction, question: str, private: bool) -> None:
        # Without its mentions, as a mention's question is: Discord's client sends a typed
        # "@someone" as "<@id>", whose digits moved the match (and showed in moderators' gaps).
        # ("/faq pro-rata" typed as the question asks what follows the command, as there)
        question = without_command(strip_mentions(question))  # (line by line, as a mention's)
        if not question:
            await send_private(interaction, ASK_IN_WORDS)
            return
        if typed := typed_command(question):
            # (ids at most a second away: the reply is due within Discord's 3 seconds)
            ids = await command_ids_quickly(self.bot, interaction.guild)
            await send_private(interaction, calculator_hint(typed, ids))
            return
        if asks_for_help(question):
            # "/ask help" asks how to use the bot, as a mention saying only that does: the
            # /help card, not "outside this FAQ" (nor a gap kept for moderators).
            await self._send_help(interaction)
            return
        if said := small_talk(question):
            await send_private(interaction, THANKS_REPLY if said == "thanks" else ASK_IN_WORDS)
            return
        private, note = privately_here(interaction, private)
        reply = await in_time(interaction, build_reply(self.bot, question), ephemeral=private)
        # (Acknowledged while it was matched: the answer follows.)
        await next_send(interaction)(
            note or discord.utils.MISSING,
            embeds=reply.embeds,
            view=reply.view,
            ephemeral=private,
            allowed_mentions=NO_PINGS,
        )
        # (After: off the reply's path.)
        await remember(self.bot, reply, interaction.channel_id, asker_id=interaction.user.id)

    @app_commands.checks.dynamic_cooldown(per_user("ask_per_minute"), key=user_key)
    @app_commands.command(name="faq", description="Show an FAQ entry by topic")
    @app_commands.describe(
        topic="Start typing: a topic or a few words of your question (empty: list them all)",
        user="Post it for this member (the one mention allowed)",
        private="Only you see the answer (default: everyone in the channel)",
    )
    async def faq(
        self,
        interaction: discord.Interaction,
        topic: app_commands.Range[str, 1, 200] | None = None,
        # (A User, which Discord gives as a Member where it can: in a DM, or for someone no
        # longer in the server, a Member option failed to convert and blamed the member.)
        user: discord.User | None = None,
        private: bool = False,
    ) -> None:
        with self.bot.replying():  # (a stop lets it finish, as /ask)
            await self._faq(interaction, topic, user, private)

    async def _faq(
        self,
        interaction: discord.Interaction,
        topic: str | None,
        user: discord.User | None,
        private: bool,
    ) -> None:
        kb = self.bot.knowledge
        private, note = privately_here(interaction, private)
        if topic is None:
            # (A member named without a topic: nothing is posted for them, and the list
            # alone, privately, left the asker to guess why.)
            await interaction.response.send_message(
                None if user is None else for_member_needs_a_topic(user),
                embed=browse_embed(self.bot, 0),
                view=browse_view(self.bot, 0),
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
            return
        entry_id = kb.topic(topic)
        if entry_id is None:
            hits = kb.close_topics(topic)
            names = ", ".join(f"**{neutralize(h.title)}**" for h in hits) or "none close"
            await interaction.response.send_message(
                f"No FAQ entry matches that topic (closest: {names}). "
                "Pick one of the suggestions while typing, or use `/ask`.",
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
            return
        if user is not None and not isinstance(user, discord.Member):
            # Nobody here to address: the entry, to the one who asked for it. (In a DM the
            # only users to pick are the member and the bot: "not a member here", said of
            # either, was untrue.)
            said = f"{neutralize(user.display_name)} is not a member here, so the entry is "
            await interaction.response.send_message(
                None if interaction.guild_id is None else said + "shown to you only:",
                embed=answer_embed(kb.short(entry_id)),
                view=answer_view(entry_id, (), full=True),
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
        elif user is not None and not private:
            # Addressed to a member: that mention, and only that one, may ping, once in a
            # while per member whoever asks (else it names them without a ping).
            ping = self.pinged.get(user.id).allow()
            await interaction.response.send_message(
                f"{user.mention}, this should answer it:",
                embed=answer_embed(kb.short(entry_id)),
                view=answer_view(entry_id, (), full=True),
                allowed_mentions=discord.AllowedMentions(
                    everyone=False, roles=False, users=[user] if ping else False, replied_user=False
                ),
            )
        else:
            await interaction.response.send_message(
                note,
                embed=answer_embed(kb.short(entry_id)),
                view=answer_view(entry_id, (), full=True),
                ephemeral=private,
                allowed_mentions=NO_PINGS,
            )
        await count_served(self.bot, entry_id)  # (after: off the reply's path)

    @app_commands.command(name="help", description="What this bot does and how to ask it")
    async def help(self, interaction: discord.Interaction) -> None:
        await self._send_help(interaction)

    async def _send_help(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True)  # command ids may need a lookup
        embed = help_embed(await self._mentions(interaction))
        await interaction.followup.send(embed=embed, ephemeral=True)

    async def _mentions(self, interaction: discord.Interaction) -> Callable[[str], str]:
        """Clickable command mentions (</name:id>) where Discord knows the ids, else /name."""
        return mention(await command_ids(self.bot, interaction.guild))

    @faq.autocomplete("topic")
    async def faq_topic_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        hits = autocomplete_hits(self.bot, interaction.user.id, current)
        choices = [app_commands.Choice(name=clipped(h.title, 100), value=h.id) for h in hits]
        return await offer(interaction, choices, "/faq's autocomplete")


def for_member_needs_a_topic(user: discord.User | discord.Member) -> str:
    """Above the entry list shown to a /faq naming a member but no topic."""
    name = neutralize(user.display_name)
    return (
        f"Nothing was posted for {name}: give `/faq` a topic too (type a few words and pick "
        "one). Every entry, to you only:"
    )


PAGE = 10
#: Characters of a title in the list, cut before it is escaped: escaping at most doubles
#: it, so a page (10 x (2 x 180 + 3) + the closing line) stays within an embed's 4,096
#: characters, and Discord takes every page whatever the titles (each up to 256).
LISTED_TITLE = 180


def _pages(bot: RolloverBot) -> int:
    return max(1, -(-len(bot.knowledge.titles) // PAGE))


def shown_page(bot: RolloverBot, page: int) -> int:
    """``page`` within the list as the FAQ is now: a page button of a list shown before a
    reload that took entries out can name a page past the end."""
    return min(max(page, 0), _pages(bot) - 1)


def browse_embed(bot: RolloverBot, page: int) -> discord.Embed:
    """One page of every entry by title, so more than 25 stay reachable (autocomplete and
    selects stop at 25)."""
    titles = sorted(bot.knowledge.titles.values())
    pages = _pages(bot)
    page = shown_page(bot, page)
    shown = titles[page * PAGE : (page + 1) * PAGE]
    embed = discord.Embed(
        title="FAQ entries",
        description="\n".join(f"• {listed_title(t, LISTED_TITLE)}" for t in shown)
        + "\n\nShow one with `/faq` and its topic, or ask in your own words with `/ask`.",
    )
    # ("1 entries" read as a slip to a moderator trying a small FAQ of their own.)
    listed = counted(len(titles), "entry", "entries")
    embed.set_footer(text=f"Page {page + 1} of {pages} · {listed}")
    return embed


def browse_view(bot: RolloverBot, page: int) -> discord.ui.View:
    return BrowsePage.view(page, _pages(bot))


class BrowsePage(PageButton, template=r"rb:browse:(?P<page>-?\d{1,4})"):
    """Previous / next page of the entry list."""

    prefix = "rb:browse"

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        bot = interaction.client
        # (The buttons around the page shown: around the one clicked, past the end after a
        # reload, "◀ Previous" led to the page already shown.)
        page = shown_page(bot, self.page)
        try:
            await interaction.response.edit_message(
                embed=browse_embed(bot, page), view=browse_view(bot, page)
            )
        except Exception as exc:  # (clicked too late, say: one warning, as other buttons)
            await apologise(interaction, exc, "paging the FAQ list")


async def setup(bot: RolloverBot) -> None:
    bot.add_dynamic_items(BrowsePage)
    await bot.add_cog(Ask(bot))
