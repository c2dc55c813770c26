"""Discord embeds for answers, suggestions and notices (layout comes from knowledge/)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import discord
from discord.utils import escape_markdown

from calculators import CalcResult
from calculators.report import render_text
from knowledge.layout import NOT_TAX_ADVICE, OUTSIDE_THE_FAQ, AnswerLayout
from knowledge.matcher import Hit

ANSWER_COLOUR = discord.Colour.from_rgb(46, 125, 50)
UNSURE_COLOUR = discord.Colour.from_rgb(249, 168, 37)


def neutralize(text: str) -> str:
    """User-controlled text made safe to echo: no mentions, no markdown, no links and no
    ``<...>`` syntax (channel links, timestamps, custom emoji) rendering."""
    # Every "[" escaped here, the rest by discord.py: its rule for a masked link took the
    # whole span from a "[" to the line's last ")" as one link and escaped only that "[",
    # so a second link, bold and spoilers in the span rendered; and it took time cubic in
    # the line. (A letter before each later piece, taken off after: a piece that follows
    # a "[" does not start a line, so no line-start rule may escape its start.)
    first, *rest = text.split("[")
    pieces = [_escaped(first), *(_escaped(f"a{piece}")[1:] for piece in rest)]
    escaped = discord.utils.escape_mentions("\\[".join(pieces))
    # A link's "://" escaped shows it as text: a display name such as
    # "https://free-nitro.example" made "Pointed here by ..." a link under the bot's name.
    return escaped.replace("<", "\\<").replace("://", "\\://")


def _escaped(text: str) -> str:
    """Markdown escaped inside links too: they are shown as text (neutralize), where a
    "*" or "_" left alone in one would render."""
    return escape_markdown(text, ignore_links=False)


def listed_title(title: str, limit: int = 120) -> str:
    """An entry's title for a list line (/faq-admin stats, /faq's list): cut at a word
    (``clipped``: cut at a character, "... when the p…" read as a word that is not there),
    before it is escaped, so that the cut can never split an escape (a lone backslash
    before a closing ``**`` breaks the bold)."""
    return neutralize(clipped(title, limit))


def clipped(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters: whole, or cut after the last whole word that
    fits, with "…" to say so. A title cut mid-word in a menu ("... into a traditional IRA
    when the p") read as a word that is not there, with nothing to say it goes on."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    # (A word longer than half the room, a URL say, is cut inside rather than left out.)
    head = text[:cut] if cut > limit // 2 else text[: limit - 1]
    return head.rstrip(" ,;:") + "…"


def code_block(text: str) -> str:
    """Text inside a code block that cannot close it early."""
    # Every run of backticks broken up: "````" with only its first three replaced left a
    # fence ("`\u200b```") that closed the block, and the rest rendered as Markdown.
    return "```\n" + text.replace("``", "`\u200b`").replace("``", "`\u200b`") + "\n```"


def answer_embed(layout: AnswerLayout) -> discord.Embed:
    """Exactly the layout, so the validator's size check is the size sent (no match score:
    it means nothing to members, and it made valid entries overflow the embed limit)."""
    embed = discord.Embed(title=layout.title, description=layout.description, colour=ANSWER_COLOUR)
    for field in layout.fields:
        embed.add_field(name=field.name, value=field.value, inline=False)
    embed.set_footer(text=layout.footer)
    return embed


def suggestions_embed(hits: tuple[Hit, ...] | list[Hit], *, outside: bool = False) -> discord.Embed:
    """Entries that may help (listed in the menu below), or, with none, what to do instead;
    ``outside``: the question looks off-topic, and says so."""
    if hits:
        # The entries themselves are in the menu below: listed once, not twice.
        text = "I'm not sure enough to answer that directly. Pick an entry below that may help."
    elif outside:
        text = (
            f"{OUTSIDE_THE_FAQ} If it is about these, try naming them, or browse the topics "
            "with `/faq`; otherwise a person in the server may know."
        )
    else:
        text = (
            "I don't have a confident answer to that, and no FAQ entry looks close. "
            "A person in the server may know; you can also try `/faq` to browse topics."
        )
    if hits:
        title = "Not sure: these may help"
    else:  # (nothing listed below: "these" would point at nothing)
        title = "Maybe outside this FAQ" if outside else "No close match in this FAQ"
    embed = discord.Embed(title=title, description=text, colour=UNSURE_COLOUR)
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed


def removed_embed(title: str, hits: tuple[Hit, ...] | list[Hit]) -> discord.Embed:
    """In place of an answer (the entry ``title``) removed from under this very question as
    not what was asked: it is not given again; the other close entries are in the menu."""
    text = (
        f"My answer to this question, **{neutralize(title)}**, was removed as not what was "
        "asked, so I won't post it again; a person will take a look."
    )
    if hits:
        text += " Other entries that may help are in the menu below."
    else:
        text += " Rephrasing it with `/ask` may find another entry."
    embed = discord.Embed(title="My earlier answer missed", description=text, colour=UNSURE_COLOUR)
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed


CALC_COLOUR = discord.Colour.from_rgb(21, 101, 192)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Discord's limits on an embed.
TOTAL = 6000
FIELDS = 25
FIELD_VALUE = 1024
DESCRIPTION = 4096
#: Room for the headline figures, so the warnings and the working still have theirs.
FIGURES = 2000
CONTINUED = "How it is worked out (continued)"


def calc_embed(
    result: CalcResult,
    *,
    image: str | None = None,
    working: bool = True,
) -> discord.Embed:
    """A calculator result, result first: the headline figures and the sources they rest
    on, warnings, then (unless the working sits behind a "Show working" button) the
    numbered steps; the disclaimer. Steps
    that do not fit the description go on in fields, whole, so none is cut off; steps,
    figures or warnings past Discord's limits are left out whole and counted, with where to
    see them all: the text file calc_reply attaches then."""
    where = _attached(result)
    title = _clip(result.title, 256)
    # The sources on one line under the figures, as under an FAQ answer: behind "Show
    # working" alone, in the steps, few members saw them.
    figures = f"{_figures(result.summary(), where)}\n{sources_line(result)}"
    # Discord refuses a message whose embed passes 6,000 characters: the warnings get what
    # the title, figures and disclaimer leave (less room for saying steps are left out),
    # and the working what the warnings leave.
    room = TOTAL - len(title) - len(NOT_TAX_ADVICE)
    warnings = _warning_fields(
        result.warnings, where, room=room - len(figures) - (len(where) + 300 if working else 0)
    )
    room -= sum(len(name) + len(value) for name, value in warnings)
    description, continued = figures, []
    if working:
        description, continued = _working(
            figures, result.steps, where, room=room, fields=FIELDS - len(warnings)
        )
    embed = discord.Embed(title=title, description=description, colour=CALC_COLOUR)
    for value in continued:
        embed.add_field(name=CONTINUED, value=value, inline=False)
    for name, value in warnings:
        embed.add_field(name=name, value=value, inline=False)
    if image:
        embed.set_image(url=f"attachment://{image}")
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed


def working_file(result: CalcResult) -> str:
    """The name of the text file holding a whole result ("schedule-working.txt")."""
    return f"{result.name}-working.txt"


def _attached(result: CalcResult) -> str:
    return f"the attached file {working_file(result)}"


def calc_reply(
    result: CalcResult, *, image: str | None = None, working: bool = True
) -> dict[str, Any]:
    """``calc_embed``'s embed, and, when Discord's limits on a message leave some of it out
    (the steps of a /schedule of many conversions), the whole result as a text file
    attached to the same message, where the embed says the rest is: the member reading it
    in Discord has no command line to run (``rollover-bot calc`` is the operator's)."""
    embed = calc_embed(result, image=image, working=working)
    texts = [embed.description or "", *(str(field.value) for field in embed.fields)]
    if not any(_attached(result) in text for text in texts):
        return {"embed": embed}
    # Each step on one line, whole: a phone wraps a text file to its own width, and lines
    # already broken at 88 columns would break again in between.
    text = render_text(result, width=100_000)
    data = io.BytesIO(text.encode("utf-8"))
    name = working_file(result)
    file = discord.File(data, filename=name, description=f"Every step of {result.title}")
    return {"embed": embed, "files": [file]}


def sources_line(result: CalcResult) -> str:
    """The calculator's primary sources as links on one line (a few short titles: it stays
    one line on a phone)."""
    return "**Sources:** " + " · ".join(f"[{s.title}]({s.url})" for s in result.sources)


def _working(
    figures: str, steps: list[str], where: str, *, room: int, fields: int
) -> tuple[str, list[str]]:
    """The description (figures, then steps) and the continued fields: as many whole steps
    as fit in ``room`` characters and ``fields`` fields, and, if some do not, a last line
    saying which steps are left out and where to see them all."""
    head = f"{figures}\n\n**How it is worked out**"
    lines = [f"**{n}.** {step}" for n, step in enumerate(steps, 1)]

    def laid_out(k: int) -> tuple[str, list[str]] | None:
        note = (
            [
                f"*{_steps(k + 1, len(lines))} left out here, to fit Discord's limits "
                f"on a message: {where} shows every step.*"
            ]
            if k < len(lines)
            else []
        )
        return _layout(head, [*lines[:k], *note], room=room, fields=fields)

    shown = laid_out(_most(len(lines), lambda k: laid_out(k) is not None))
    # (Only if not even the note fits, which the figures and warnings never come near.)
    return shown or (figures, [])


def _steps(first: int, last: int) -> str:
    """Which steps, in words: "Step 5 is", "Steps 5 to 9 are"."""
    return f"Step {first} is" if first == last else f"Steps {first} to {last} are"


def _layout(head: str, lines: list[str], *, room: int, fields: int) -> tuple[str, list[str]] | None:
    """``head`` and every line, whole, in the description and then at most ``fields``
    continued fields, within ``room`` characters; None if they do not all fit."""
    description, rest = _fill(head, lines, DESCRIPTION)
    if len(description) > DESCRIPTION:
        return None
    values: list[str] = []
    while rest:
        value, rest = _fill("", rest, FIELD_VALUE)
        if len(value) > FIELD_VALUE or len(values) == fields:
            return None
        values.append(value)
    used = len(description) + sum(len(CONTINUED) + len(v) for v in values)
    return (description, values) if used <= room else None


def _most(count: int, fits: Callable[[int], bool]) -> int:
    """The largest ``k <= count`` for which ``fits(k)``, else 0, by bisection (fewer items
    take no more room, give or take a digit in a "left out" note, so ``k`` is checked)."""
    if fits(count):
        return count
    low, high = 0, count
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


def _figures(summary: list[tuple[str, str]], where: str) -> str:
    """Every headline figure that fits, and, if some do not, how many are left out."""
    lines = [f"**{label}:** {value}" for label, value in summary]

    def text(k: int) -> str:
        left = len(lines) - k
        more = f"{left} more figure{'s' if left > 1 else ''}"
        note = [f"*{more} left out here: {where} shows them all.*"] if left else []
        return "\n".join([*lines[:k], *note])

    return text(_most(len(lines), lambda k: len(text(k)) <= FIGURES))


def _warning_fields(warnings: list[str], where: str, *, room: int) -> list[tuple[str, str]]:
    """A field for each warning, whole (one too long for a field goes on in the next): a
    warning the reply leaves out is one the asker acts without. Only ones past Discord's
    25 fields or ``room`` characters would be left out, and then the last field says how
    many and where they are."""

    def fields(k: int) -> list[tuple[str, str]]:
        values = [piece for warning in warnings[:k] for piece in _pieces(warning, FIELD_VALUE)]
        if k < len(warnings):
            left = len(warnings) - k
            values.append(f"{left} more warning{'s' if left > 1 else ''}: {where} shows them all.")
        return [("⚠️ Warning" if n == 0 else "⚠️", value) for n, value in enumerate(values)]

    def fits(k: int) -> bool:
        shown = fields(k)
        return len(shown) < FIELDS and sum(len(n) + len(v) for n, v in shown) <= room

    return fields(_most(len(warnings), fits))


def _pieces(text: str, limit: int) -> list[str]:
    """``text`` in parts of at most ``limit`` characters, split at spaces where it can be."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit + 1)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip(" ")
    return [*pieces, text]


def _fill(head: str, lines: list[str], limit: int) -> tuple[str, list[str]]:
    """``head`` and as many of ``lines`` (one per line) as fit in ``limit`` characters, and
    the lines left over; with no head, at least one line goes in (a caller checks its size)."""
    text = head
    for i, line in enumerate(lines):
        joined = f"{text}\n{line}" if text else line
        if len(joined) > limit and (i > 0 or text):
            return text, lines[i:]
        text = joined
    return text, []


def example_embed(command: str, result: CalcResult, *, working: bool = False) -> discord.Embed:
    """A short worked example of the asker's own numbers, under an answer: the headline
    figures and the calculator's warnings (the steps are one click away, ``working``: a
    "Show working" button under the reply, else one command away), so the message stays
    small. A warning is never left out: the asker acts on these figures ("nothing is
    taxable" after a loss says nothing of the contributions that did not come back)."""
    steps = (
        f"*Show working* below shows every step and the 1099-R boxes; `{command}` runs it "
        "with other numbers."
        if working
        else f"`{command}` shows every step and the 1099-R boxes."
    )
    embed = discord.Embed(
        title=_clip(f"Your numbers, worked through: {result.title}", 256),
        description=f"From the amounts in your question. {steps}",
        colour=CALC_COLOUR,
    )
    for label, value in result.summary()[:8]:
        embed.add_field(name=_clip(label, 256), value=_clip(value, 1024), inline=False)
    for name, value in _warning_fields(result.warnings, f"`{command}`", room=TOTAL):
        embed.add_field(name=name, value=value, inline=False)
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed


def year_note_embed(note: str) -> discord.Embed:
    """Under an answer whose figures are by year, asked about a year without figures
    (bot/year_note.py): said right under it, before any worked example."""
    return discord.Embed(title="Figures by year", description=note, colour=UNSURE_COLOUR)


def help_embed(mention: Callable[[str], str]) -> discord.Embed:
    """What the bot does and how to ask it (/help, and a mention asking for help);
    ``mention`` turns a command name into a clickable mention where Discord knows it."""
    lines = [
        "I answer questions about after-tax 401(k) money and the mega backdoor Roth from "
        "a curated FAQ, with sources, and run exact calculators that show every step.",
        "",
        "**Ask**",
        f"• {mention('ask')} your question, in your own words",
        "• or mention me in a message; mention me in a reply to answer that message",
        "• or post in the watched forum: I answer when I'm confident, and stay out of "
        "the way when I'm not",
        f"• {mention('faq')} shows one entry (start typing a topic); without a topic it "
        "lists them all",
        "• Apps > Answer with FAQ on someone's message points it at an entry",
        "",
        "**Calculate**",
        f"• {mention('split')} where an after-tax rollover goes, taxable amount, 1099-R",
        f"• {mention('prorata')} the taxable share of a partial distribution",
        f"• {mention('form8606')} Form 8606 for a backdoor Roth",
        f"• {mention('room')} after-tax room under the annual additions limit",
        f"• {mention('schedule')} taxable earnings by conversions a year",
        "",
        "Under an answer: *Full answer*, *Helpful* / *Not helpful*, and *Not what I asked* "
        "(the asker) to remove it and call a person.",
        "",
        "Questions I can't answer well (private ones too) are kept a while for moderators to "
        "improve the FAQ: leave out names, employers and account numbers.",
    ]
    embed = discord.Embed(title="Rollover Bot", description="\n".join(lines))
    embed.set_footer(text=NOT_TAX_ADVICE)
    return embed
