"""Bytes that are not UTF-8, most often in a file's name, as Discord is sent them.

Python keeps such a byte as a lone surrogate ("\\udce9"), which no Unicode text holds:
Discord showed an escape at best, and discord.py's orjson refuses to send it. They are
shown as U+FFFD, and a note says why (as an `error:` line on the command line does)."""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NOTE = "(\ufffd stands for bytes that are not UTF-8, most often in a file's name)"


def shown(text: str) -> str:
    """``text`` with each byte that is not UTF-8 as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def readable(text: str) -> str:
    """``shown(text)``, and NOTE on a line of its own when it changed anything."""
    out = shown(text)
    return out if out == text else f"{out}\n{NOTE}"


def readable_lines(lines: list[str]) -> list[str]:
    """``lines`` each ``shown``, and NOTE once after them when that changed any (a
    validation's report, whose lines name files: such a name was shown with '?')."""
    out = [shown(line) for line in lines]
    return lines if out == lines else [*out, NOTE]
