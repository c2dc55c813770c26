"""How much of a phone screen the bot's replies take.

    .venv/bin/python benchmarks/reply_size.py

The measure the UX review used: markdown stripped, embed text wrapped at 42 characters
(the embed width on a 390-pt phone), 34 lines of embed text to a screen. Measured on every
FAQ entry's posted answer (short) and full answer, the posted answer with the asker's
numbers worked through under it (entries quoting /split), and typical calculator replies.
"""

from __future__ import annotations

import re
import statistics
import textwrap

import discord

from bot.cogs.calculators import result_first
from bot.embeds import answer_embed, calc_embed, example_embed
from bot.worked_example import worked_example
from calculators.catalog import CALCULATORS
from knowledge.base import KnowledgeBase

WIDTH, LINES_PER_SCREEN = 42, 34
CALCS = {
    "split": {"basis": "23000", "earnings": "412", "tax_rate": "24%"},
    "prorata": {"basis": "20000", "earnings": "80000", "amount": "50000"},
    "form8606": {"contribution": "7000", "year_end_balance": "45000", "converted": "7000"},
    "room": {"year": "2026", "deferrals": "24500", "employer": "10000"},
}


def lines(embed: discord.Embed) -> int:
    parts = [embed.title or "", embed.description or ""]
    parts += [f"{f.name}\n{f.value}" for f in embed.fields]
    parts.append(embed.footer.text or "")
    text = re.sub(r"[*_`>]|\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(parts))
    return sum(len(textwrap.wrap(line, WIDTH)) or 1 for line in text.splitlines())


def report(label: str, counts: list[int]) -> None:
    screens = [c / LINES_PER_SCREEN for c in counts]
    print(
        f"{label:>28}: median {statistics.median(screens):.2f} screens "
        f"({statistics.median(counts):.0f} lines), max {max(screens):.2f}"
    )


#: A question stating its amounts: under an entry that quotes /split, the asker's numbers
#: are worked through in the same message (bot/worked_example.py).
WITH_AMOUNTS = "I put in $23,000 after-tax and it earned $412, what do I owe?"


def main() -> None:
    kb = KnowledgeBase.load()
    report("answer as posted (short)", [lines(answer_embed(kb.short(i))) for i in kb.entries])
    with_example = [
        lines(answer_embed(kb.short(i))) + lines(example_embed(*example, working=True))
        for i in kb.entries
        if (example := worked_example(kb.entries[i], WITH_AMOUNTS)) is not None
    ]
    report("with the asker's numbers", with_example)
    report("full answer (on request)", [lines(answer_embed(kb.layout(i))) for i in kb.entries])
    first, working = [], []
    for name, values in CALCS.items():
        calc = CALCULATORS[name]
        inp = calc.build([], values)
        result = calc.run(inp)
        first.append(lines(result_first(name, inp, result)["embed"]))
        working.append(lines(calc_embed(result)))
    report("calculator reply", first)
    report("calculator working (click)", working)


if __name__ == "__main__":
    main()
