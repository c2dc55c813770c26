"""A small "are you sure?" for a moderator's action that cannot be undone.

Private to the moderator who asked (the message is ephemeral, and a click by anyone else is
refused), answered once (a double click acts once; the buttons are disabled after a
choice), and it gives up on its own after a while, saying that nothing was done.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.replies import NO_PINGS, apologise, database_away
from bot.roles import is_moderator
from bot.storage import DatabaseUnavailable, log_store_failure

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)

#: Every confirmation's buttons start their custom_id with this: a click on one that no
#: view in this process listens to (the bot restarted since, or it gave up) is answered by
#: FaqAdmin.on_interaction (see answer_unheard).
CONFIRM_PREFIX = "rb:confirm:"
NOT_YOURS = "Only the moderator who ran this command can answer it."
NO_LONGER_MODERATOR = "Only moderators can do this, and you are not one now: nothing was done."
#: Said in place of a confirmation no view listens to, when one of its buttons is clicked.
UNHEARD = (
    "This question is no longer open (the bot restarted since, or it waited too long), so "
    "nothing was done. Run the command again."
)


class Confirm(discord.ui.View):
    """Asks ``author_id`` to confirm; ``act`` runs on the first "yes" and says what it did.
    ``cancelled`` and ``gave_up`` are said on "no" and on the timeout."""

    #: How long the question waits for an answer (under the 15 minutes Discord lets the bot
    #: edit the message, so it can still say it gave up).
    TIMEOUT = 120.0

    def __init__(
        self,
        bot: RolloverBot,
        author_id: int,
        act: Callable[[], Awaitable[str]],
        *,
        yes: str,
        cancelled: str,
        gave_up: str,
    ) -> None:
        super().__init__(timeout=self.TIMEOUT)
        self.bot, self.author_id, self._act = bot, author_id, act
        self.cancelled, self.gave_up = cancelled, gave_up
        #: The answer, once given: True (yes) or False (no); None while waiting.
        self.value: bool | None = None
        self.token = secrets.token_hex(8)
        #: Edits the question's message (the command's response), for the timeout.
        self._edit: Callable[..., Awaitable[Any]] | None = None
        for label, style, answer in (
            (yes, discord.ButtonStyle.danger, True),
            ("Cancel", discord.ButtonStyle.secondary, False),
        ):
            button: discord.ui.Button[Confirm] = discord.ui.Button(
                label=label,
                style=style,
                custom_id=f"{CONFIRM_PREFIX}{self.token}:{'yes' if answer else 'no'}",
            )
            button.callback = self._answer_with(answer)  # type: ignore[method-assign]
            self.add_item(button)

    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        """Send ``question`` with the buttons, privately, as ``interaction``'s response."""
        self.bot.open_confirms.add(self.token)  # (before a click on it can come)
        await interaction.response.send_message(
            question, view=self, ephemeral=True, allowed_mentions=NO_PINGS
        )
        self._edit = interaction.edit_original_response

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        if interaction.user.id != self.author_id:
            await interaction.response.send_message(NOT_YOURS, ephemeral=True)
            return False
        return True

    def _answer_with(self, answer: bool) -> Callable[[discord.Interaction], Awaitable[None]]:
        async def callback(interaction: discord.Interaction) -> None:
            if self.value is not None:
                # A double click (sent before the first one's edit took the buttons away):
                # the first answer stands, and is what the message shows.
                await interaction.response.defer()
                return
            self.value = answer  # (before any await: a second click must see it)
            self._disable()
            if not answer:
                await interaction.response.edit_message(
                    content=self.cancelled, view=self, allowed_mentions=NO_PINGS
                )
                return
            if not is_moderator(self.bot, interaction.user):
                # (Asked a while ago: a moderator removed meanwhile must not act through it.)
                await interaction.response.edit_message(
                    content=NO_LONGER_MODERATOR, view=self, allowed_mentions=NO_PINGS
                )
                return
            # A reply a stop lets finish, as /ask's: a Delete clicked just before a stop, the
            # database slow, had Discord and the database closed under it (the member's
            # words stayed, though confirmed, and the moderator was never told).
            with self.bot.replying():
                await interaction.response.defer()
                said = await self._said()
                await interaction.edit_original_response(
                    content=said, view=self, allowed_mentions=NO_PINGS
                )

        return callback

    async def _said(self) -> str:
        """What acting did, or the database's trouble: a /faq-admin forget confirmed while
        PostgreSQL restarted read "Sorry, something went wrong", logged as a fault with the
        driver's traceback, the question left as if still open. (Acting again is safe: what
        was deleted before the database went is not found twice.)"""
        try:
            return await self._act()
        except DatabaseUnavailable as exc:
            log_store_failure(log, exc, "a confirmed action could not use the database")
            return database_away(exc)

    def _disable(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await apologise(interaction, error, "a confirmed action")

    async def on_timeout(self) -> None:
        # First, before any await: a click after this is answered by answer_unheard.
        self.bot.open_confirms.discard(self.token)
        if self.value is not None or self._edit is None:
            return  # (answered: the message says what became of it)
        self._disable()
        try:
            await self._edit(content=self.gave_up, view=self, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:  # the message is gone, or the token expired
            log.info("could not mark a confirmation as given up: %s", exc)


def unheard(bot: RolloverBot, interaction: discord.Interaction) -> bool:
    """A click on a confirmation that no view in this process listens to."""
    data: Any = interaction.data or {}
    custom_id = str(data.get("custom_id", ""))
    return (
        interaction.type is discord.InteractionType.component
        and custom_id.startswith(CONFIRM_PREFIX)
        and custom_id.removeprefix(CONFIRM_PREFIX).split(":")[0] not in bot.open_confirms
    )


async def answer_unheard(interaction: discord.Interaction) -> None:
    """Say so in the clicked message (as private as the question) and take its dead buttons
    away: nothing was done."""
    await interaction.response.edit_message(content=UNHEARD, view=None, allowed_mentions=NO_PINGS)
