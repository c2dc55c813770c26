"""Render answers as plain text for a terminal (the CLI and the local console)."""

from __future__ import annotations

import re
import textwrap

from knowledge.layout import NOT_TAX_ADVICE, OUTSIDE_THE_FAQ, AnswerLayout
from knowledge.matcher import Hit, MatchResult

_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def plain(markdown: str) -> str:
    """Discord markdown to readable plain text: links show their URL, emphasis is dropped."""
    text = _LINK.sub(r"\1 <\2>", markdown)
    text = _BOLD.sub(r"\1", text)
    return text.replace("`", "")


def _wrap(text: str, width: int) -> str:
    out = []
    for line in text.splitlines():
        indent = re.match(r"\s*(?:[-•*]\s+|\d+\.\s+)?", line).group(0)  # type: ignore[union-attr]
        out.append(
            textwrap.fill(line, width, subsequent_indent=" " * len(indent)) if line.strip() else ""
        )
    return "\n".join(out)


def render_layout(layout: AnswerLayout, width: int = 88) -> str:
    parts = [
        f"{layout.title}\n{'=' * min(len(layout.title), width)}",
        _wrap(plain(layout.description), width),
    ]
    for field in layout.fields:
        parts.append(f"{field.name}:\n{plain(field.value)}")
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
