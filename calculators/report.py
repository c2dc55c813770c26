"""Plain-text rendering of a calculator result (CLI and local console)."""

from __future__ import annotations

import textwrap

from calculators.base import NOT_TAX_ADVICE, CalcResult


def underlined(title: str, width: int) -> list[str]:
    """A heading's lines, wrapped at ``width``, and its '=' line as long as the longest (a
    title over the width ran on past an underline cut at the width)."""
    lines = textwrap.wrap(title, width) or [title]
    return [*lines, "=" * max(map(len, lines))]


def render_text(result: CalcResult, width: int = 88, *, disclaimer: bool = True) -> str:
    """The headline figures, the numbered worked example, warnings, the sources and (unless
    it is said once under a whole reply it is part of) the disclaimer."""
    rows = result.summary()
    label_width = max((len(label) for label, _ in rows), default=0)
    parts = underlined(result.title, width)
    parts += [f"{label + ':':<{label_width + 1}}  {value}" for label, value in rows]
    parts += ["", "How it is worked out:"]
    for number, step in enumerate(result.steps, 1):
        prefix = f"{number:>2}. "
        parts.append(
            textwrap.fill(step, width, initial_indent=prefix, subsequent_indent=" " * len(prefix))
        )
    if result.warnings:
        parts += ["", "Warnings:"]
        for warning in result.warnings:
            parts.append(
                textwrap.fill(warning, width, initial_indent=" ! ", subsequent_indent="   ")
            )
    # With their addresses, as under an answer: the steps name them, with nowhere to look.
    parts += ["", "Sources:", *(f"{s.title} <{s.url}>" for s in result.sources)]
    if disclaimer:
        parts += ["", NOT_TAX_ADVICE]
    return "\n".join(parts)
