"""FAQ entries as select menus: chosen ones first, then every other entry by title.

A select holds 25 options (Discord's limit), so a FAQ larger than that is listed over
several menus of the same message; a message has five rows, so some menus at most.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import discord

from bot.embeds import clipped
from knowledge.base import KnowledgeBase

#: Discord's limit for a select's options.
OPTIONS = 25


def entry_menus(
    kb: KnowledgeBase,
    first: Iterable[str],
    *,
    menus: int,
    marked: Collection[str] = (),
) -> list[list[discord.SelectOption]]:
    """The options of up to ``menus`` selects: the entries ``first`` (those still in the FAQ,
    once each; ``marked`` ones described as best guesses), then the others by title."""
    by_title = sorted(kb.entries, key=lambda i: kb.titles[i])
    known = [i for i in first if kb.get(i) is not None]
    ids = list(dict.fromkeys([*known, *by_title]))[: OPTIONS * menus]
    options = [
        discord.SelectOption(
            label=clipped(kb.titles[i], 100),
            value=i,
            description="best guess" if i in marked else None,
        )
        for i in ids
    ]
    return [options[k : k + OPTIONS] for k in range(0, len(options), OPTIONS)]


def more_placeholder(options: list[discord.SelectOption]) -> str:
    """What a menu after the first shows before it is opened: the titles it runs between."""
    return f"More entries: {clipped(options[0].label, 60)} … {clipped(options[-1].label, 60)}"
