"""Change some front-matter fields of an FAQ file as written, keeping the rest as it is.

An edit from Discord changes a few fields (the title, the short answer, the aliases, the
date). Writing the whole front matter again from the parsed values would drop the
moderator's comments and reflow every field; ruamel.yaml's round trip keeps the comments,
the order and the style of what the edit did not touch.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from knowledge import frontmatter

#: Untouched scalars are written back as they were only if the writer never wraps them
#: (a long URL would be moved to a line of its own); new text is wrapped by fold_points.
_NO_WRAP = 1 << 12


class CannotRevise(ValueError):
    """The file cannot be changed in place (unreadable for the round trip, or the result
    would not read back as the intended values)."""


def _yaml() -> YAML:
    rt = YAML()  # round trip: comments, key order and scalar styles are kept
    rt.preserve_quotes = True
    rt.width = _NO_WRAP
    # The FAQ files' layout: lists indented under their key ("  - item").
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def fold_points(text: str, indent: int, width: int = frontmatter.WRAP_WIDTH) -> list[int]:
    """Where a folded block (``>-``) of ``text`` may break so its lines fit ``width``
    columns: single spaces between words only (YAML keeps a break beside another space)."""
    room = max(width - indent, 20)
    points: list[int] = []
    start = 0
    last = -1
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and not (text[i - 1] + text[i + 1]).isspace():
            if i - start > room and last > start:
                points.append(last)
                start = last + 1
            last = i
    if len(text) - start > room and last > start:
        points.append(last)
    return points


def _text_value(old: Any, new: str, indent: int) -> Any:
    """A new string in the style the old one had: a block stays a block (folded, or
    literal where the new text has line breaks of its own)."""
    if not isinstance(old, FoldedScalarString | LiteralScalarString):
        return new
    if "\n" in new or isinstance(old, LiteralScalarString):
        return LiteralScalarString(new)
    folded = FoldedScalarString(new)
    folded.fold_pos = fold_points(new, indent)  # type: ignore[attr-defined]
    return folded


def _parts(seq: CommentedSeq, index: int) -> tuple[str | None, str, int]:
    """An item's comment split in two: the one at the end of its line, and the lines that
    follow it (which belong before the next item, or after the list); and its column."""
    entry = seq.ca.items.get(index)
    token = entry[0] if entry else None
    if token is None:
        return None, "", 0
    value = str(token.value)
    column = token.start_mark.column
    if value.startswith("#"):
        line_end = value.find("\n") + 1 or len(value)
        return value[:line_end], value[line_end:], column
    return None, value[1:] if value.startswith("\n") else value, column


def _list_value(old: Any, new: list[Any]) -> Any:
    """A new list that keeps the old one's comments where their items are kept: a kept
    item's own comment, the lines above a kept item, and the lines after the list."""
    seq = CommentedSeq(new)
    if not isinstance(old, CommentedSeq) or not old or not new:
        return seq
    parts = [_parts(old, i) for i in range(len(old))]
    unused = list(range(len(old)))
    source: list[int | None] = []
    for value in new:
        match = next((i for i in unused if old[i] == value), None)
        if match is not None:
            unused.remove(match)
        source.append(match)
    for j, i in enumerate(source):
        eol, column = (parts[i][0], parts[i][2]) if i is not None else (None, 0)
        if j == len(new) - 1:
            follow = parts[-1][1]
        else:
            after = source[j + 1]
            follow = parts[after - 1][1] if after else ""
        value = (eol or "\n") + follow
        if value != "\n":
            seq.ca.items[j] = [CommentToken(value, CommentMark(column), None), None, None, None]
    return seq


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def revise(text: str, changes: Mapping[str, Any], body: str) -> str:
    """``text`` (an FAQ file) with the front-matter fields in ``changes`` set and the body
    replaced; comments, order and the other fields stay as written. Raises CannotRevise
    when that cannot be done faithfully (the caller writes the file afresh instead)."""
    try:
        before = frontmatter.parse(text)  # what the bot reads now: the base of the check
        lines, end = frontmatter.split(text)
    except frontmatter.FrontMatterError as exc:
        raise CannotRevise(exc.message) from None
    rt = _yaml()
    try:
        doc = rt.load("\n".join(lines[1:end]) + "\n")
    except (YAMLError, ValueError) as exc:  # (ValueError: a date that does not exist)
        raise CannotRevise(str(exc)) from None
    if not isinstance(doc, CommentedMap):
        raise CannotRevise("front matter is not a mapping")
    for key, new in changes.items():
        old = doc.get(key)
        if key in doc and _plain(old) == _plain(new):
            continue  # unchanged: left exactly as written
        if isinstance(new, str):
            doc[key] = _text_value(old, new, indent=2)
        elif isinstance(new, list):
            doc[key] = _list_value(old, new)
        else:
            doc[key] = new
    out = io.StringIO()
    try:
        rt.dump(doc, out)
    except Exception as exc:
        # Not only YAMLError: an IndexError on a control character in a block, say. The
        # fresh writer (PyYAML) escapes such text, so it takes over.
        raise CannotRevise(f"{type(exc).__name__}: {exc}") from None
    revised = f"---\n{out.getvalue()}---\n{body.strip()}\n"
    # The bot reads its files with PyYAML: what it reads back must be exactly the intent.
    try:
        parsed = frontmatter.parse(revised)
    except frontmatter.FrontMatterError as exc:
        raise CannotRevise(exc.message) from None
    wanted = {**before.data, **changes}
    if _plain(parsed.data) != _plain(wanted) or list(parsed.data) != list(wanted):
        raise CannotRevise("the revised front matter would not read back as intended")
    return revised
