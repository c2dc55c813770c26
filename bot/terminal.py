"""Render answers as plain text for a terminal (the CLI and the local console)."""

from __future__ import annotations

import io
import os
import re
import textwrap
from typing import TextIO

from calculators.report import underlined
from knowledge.layout import NOT_TAX_ADVICE, OUTSIDE_THE_FAQ, AnswerLayout
from knowledge.matcher import Hit, MatchResult

#: Text is wrapped at most this wide (longer lines read badly), and this wide where the
#: width of the output is not known (a file, a pipe).
WIDTH = 88
#: Nor narrower than this: in a smaller terminal, the terminal breaks the lines.
NARROWEST = 40


def columns(stream: TextIO) -> int | None:
    """How wide to wrap text written to ``stream``: its terminal's width (COLUMNS when set,
    as Python's shutil has it), at most WIDTH; None when it is no terminal (a file, a
    pipe: written as it always was). Wrapped at 88 in an 80-column terminal, most lines
    were broken again by the terminal, mid-word."""
    if not stream.isatty():
        return None
    try:
        wide = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        wide = 0
    if wide <= 0:
        try:
            wide = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            return None
    if wide <= 0:  # (a terminal that has no size: a bare pseudo-terminal)
        return None
    return max(NARROWEST, min(WIDTH, wide))


#: A Markdown link. Its address may hold parentheses in pairs, as Discord reads them and
#: legal citations have them (".../26/1.401(a)(31)-1"): cut at the first ")", the address
#: shown was ".../1.401(a", another page, with "(31)-1)" left after it.
_LINK = re.compile(r"\[([^\]]+)\]\((https?://(?:[^()\s]|\([^()\s]*\))+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def plain(markdown: str) -> str:
    """Discord markdown to readable plain text: links show their URL, emphasis is dropped."""
    text = _LINK.sub(r"\1 <\2>", markdown)
    text = _BOLD.sub(r"\1", text)
    return text.replace("`", "")


def _wrap(text: str, width: int, **options: bool) -> str:
    out = []
    for line in text.splitlines():
        indent = re.match(r"\s*(?:[-•*]\s+|\d+\.\s+)?", line).group(0)  # type: ignore[union-attr]
        out.append(
            textwrap.fill(line, width, subsequent_indent=" " * len(indent), **options)
            if line.strip()
            else ""
        )
    return "\n".join(out)


def wrap(text: str, width: int) -> str:
    """Each line of ``text`` longer than ``width`` wrapped (a list item's or a numbered
    step's continuation under its text); a web address is never broken: copied, or opened
    from the terminal, it must be whole."""
    return _wrap(text, width, break_long_words=False, break_on_hyphens=False)


def render_layout(layout: AnswerLayout, width: int = WIDTH, *, footer: bool = True) -> str:
    """The answer as text; ``footer``: with its not-tax-advice line (a reply that goes on
    below it, with more answers or the asker's numbers, says it once, at its end)."""
    parts = [
        "\n".join(underlined(layout.title, width)),
        _wrap(plain(layout.description), width),
    ]
    for field in layout.fields:
        parts.append(f"{field.name}:\n{plain(field.value)}")
    if footer:
        parts.append(layout.footer)
    return "\n\n".join(parts)


def render_suggestions(result: MatchResult, *, outside: bool = False) -> str:
    """The suggestions, or (none) what to do instead; ``outside``: the question looks
    off-topic, so rephrasing would not help."""
    if not result.suggestions:
        if outside:
            return (
                f"{OUTSIDE_THE_FAQ}\nIf it is about these, try rephrasing with their key terms."
                f"\n\n{NOT_TAX_ADVICE}"
            )
        return (
            "I don't have a confident answer to that, and no FAQ entry looks close.\n"
            "Try rephrasing with the key terms (after-tax 401k, Roth IRA, 1099-R, pro-rata...).\n\n"
            + NOT_TAX_ADVICE
        )
    lines = ["I'm not sure enough to answer that. These entries may help:"]
    lines += [f"  - {h.title} ({h.id}, score {h.score:.0f})" for h in result.suggestions]
    return "\n".join(lines) + "\n\n" + NOT_TAX_ADVICE


def render_others(hits: tuple[Hit, ...]) -> str:
    return "See also: " + "; ".join(f"{h.title} ({h.id})" for h in hits) if hits else ""
