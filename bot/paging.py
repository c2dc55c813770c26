"""Previous / next buttons under a paged list (/faq's entry list, /faq-admin stats).

The page is in the custom_id, so the buttons keep working after a restart without views
kept in memory. A list subclasses ``PageButton`` with its own prefix and template, and
says in ``callback`` how to show a page.
"""

from __future__ import annotations

import re
from typing import ClassVar, Self

import discord


class PageButton(discord.ui.DynamicItem[discord.ui.Button], template=r"(?!)"):
    """One page button; subclasses set ``prefix`` and a template with a ``page`` group
    (this base's template matches nothing, so it never handles a click itself)."""

    prefix: ClassVar[str]

    def __init__(self, page: int, label: str = "Page", *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=f"{self.prefix}:{page}",
                disabled=disabled,
            )
        )
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> Self:
        return cls(int(match["page"]))

    @classmethod
    def view(cls, page: int, pages: int) -> discord.ui.View:
        """The two buttons around ``page`` (0-based) of ``pages``, each disabled at its end."""
        view = discord.ui.View(timeout=None)
        view.add_item(cls(page - 1, "◀ Previous", disabled=page <= 0))
        view.add_item(cls(page + 1, "Next ▶", disabled=page >= pages - 1))
        return view
