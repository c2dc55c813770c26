"""Discord embeds for answers, suggestions and notices (layout comes from knowledge/)."""

from __future__ import annotations

import discord

from knowledge.layout import NOT_TAX_ADVICE, AnswerLayout
from knowledge.matcher import Hit

ANSWER_COLOUR = discord.Colour.from_rgb(46, 125, 50)
UNSURE_COLOUR = discord.Colour.from_rgb(249, 168, 37)
ERROR_COLOUR = discord.Colour.from_rgb(198, 40, 40)


def answer_embed(layout: AnswerLayout, *, score: float | None = None) -> discord.Embed:
    embed = discord.Embed(title=layout.title, description=layout.description, colour=ANSWER_COLOUR)
    for field in layout.fields:
        embed.add_field(name=field.name, value=field.value, inline=False)
    footer = layout.footer if score is None else f"{layout.footer} · match {score:.0f}/100"
    embed.set_footer(text=footer)
    return embed


def suggestions_embed(hits: tuple[Hit, ...] | list[Hit]) -> discord.Embed:
    if hits:
        lines = "\n".join(f"• **{h.title}** (`{h.id}`)" for h in hits)
        text = f"I'm not sure enough to answer that directly. These entries may help:\n{lines}"
    else:
        text = (
            "I don't have a confident answer to that, and no FAQ entry looks close. "
            "A person in the server may know; you can also try `/faq` to browse topics."
        )
    embed = discord.Embed(title="Not sure: these may help", description=text, colour=UNSURE_COLOUR)
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed


def notice_embed(text: str, *, title: str = "Sorry") -> discord.Embed:
    return discord.Embed(title=title, description=text[:4000], colour=ERROR_COLOUR)
