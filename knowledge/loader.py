"""Read and validate a folder of FAQ files, reporting every problem as ``path:line: message``.

Loading is all-or-nothing: callers get either a complete list of valid entries or the full
list of problems, never a half-loaded FAQ.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from rapidfuzz import fuzz, process

from knowledge import frontmatter
from knowledge.layout import layout_entry, limits_exceeded
from knowledge.model import (
    FULL_LIMIT,
    ID_PATTERN,
    SHORT_LIMIT,
    FaqEntry,
    FrontMatter,
    Source,
    odd_id_character,
)
from knowledge.normalize import phrase_key

DEFAULT_FAQ_DIR = Path(__file__).resolve().parent / "faq"
_ALLOWED = ", ".join(FrontMatter.model_fields)
_ENTRY_NAME = re.compile(ID_PATTERN)
# Fields renamed since earlier versions: a moderator's old file gets told what to write.
_RENAMED = {"summary": "short"}
# The bot adds the not-tax-advice line to every answer; a second one in the text is noise.
_DISCLAIMER = re.compile(
    r"(?:\bnot|n't|\bno)\s+(?:\w+\s+){0,3}?(?:tax|legal|financial|investment)\s+advice\b",
    re.IGNORECASE,
)


def find_disclaimer(text: str) -> re.Match[str] | None:
    """A not-tax-advice line in ``text``. Every match holds the word "advice": ASCII text
    without it is skipped, since scanning every file for the pattern took half of a large
    FAQ's parse. (Other text takes the full search: IGNORECASE also matches a few non-ASCII
    letters, such as the dotless i.)"""
    if text.isascii() and "advice" not in text.lower():
        return None
    return _DISCLAIMER.search(text)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


#: The loader's words for an FAQ folder that is not there (the CLI's, validate's).
FOLDER_GONE = "FAQ folder does not exist or is not a folder"


def gone_folder(problems: list[Problem]) -> str | None:
    """The FAQ folder's path when a refused load's problem is that it is not there (deleted,
    or moved away by a deploy), else None: as `path:0: FAQ folder does not ...` under "Fix
    these and save again" it read as a file to fix."""
    return next((p.path for p in problems if p.line == 0 and p.message == FOLDER_GONE), None)


def gone_folder_words(path: str) -> str:
    """What a moderator is told of it, as an edit refused for it says (editing.py)."""
    return f"the FAQ folder {path} is not there (deleted or moved). Put it back"


def problems_counted(count: int) -> str:
    """ "1 problem", "3 problems": the count every refusal states."""
    return f"{count} problem" if count == 1 else f"{count} problems"


class FaqInvalid(Exception):
    """The FAQ folder has problems; nothing from it should be used. ``unread``: the notices
    of files no load reads (see unread_files), which a refusal shows with its problems."""

    def __init__(self, problems: list[Problem], unread: list[Problem] | None = None) -> None:
        self.problems = sorted(problems)
        self.unread = sorted(unread or [])
        super().__init__(f"{problems_counted(len(self.problems))} in the FAQ files")


#: How every notice of a file that no load reads begins (a README's says "not an FAQ entry").
NOT_READ = "not read: "


def unread_files(notices: list[Problem]) -> list[Problem]:
    """The notices of files a moderator meant to publish but no load reads: an entry renamed
    'x.MD' is often why other files fail ("related id 'x' does not exist"), and a refused
    reload that listed only those never named the file or the fix."""
    return [n for n in notices if n.message.startswith(NOT_READ)]


def with_unread(problems: list[Problem], unread: list[Problem]) -> list[Problem]:
    """``problems`` to show, the files not read first as notices (as `faq validate` writes
    them), so that a list cut short keeps them."""
    return [Problem(n.path, n.line, f"notice: {n.message}") for n in unread] + problems


def read_utf8(path: Path) -> str:
    """The file's text, or UnicodeDecodeError for one that is not UTF-8. A UTF-16 file saved
    without its byte-order mark decodes as UTF-8 (every other byte a NUL) and was told
    "must start with a '---' line", about a file that does."""
    text = path.read_text(encoding="utf-8")
    if _mostly_nul(text[:200]):
        raise UnicodeDecodeError("utf-8", b"\x00", 0, 1, "NUL characters: UTF-16 text")
    return text


def _mostly_nul(start: str | bytes) -> bool:
    """Whether a file's start is UTF-16 read byte by byte: a NUL beside every Latin letter.
    (A stray NUL typed into a title is one character, told where it is: "the file is saved
    as UTF-16" sent a moderator to re-save a UTF-8 file.)"""
    nul = "\x00" if isinstance(start, str) else b"\x00"
    return start.count(nul) * 4 >= len(start) > 0


def not_utf8(path: Path, exc: UnicodeDecodeError) -> Problem:
    """A file saved in another encoding (Windows-1252 quotes, UTF-16): where, which
    character (the line alone did not show it, among a long line's accents and quotes),
    and what to do."""
    try:
        raw = path.read_bytes()
    except OSError:
        return Problem(str(path), 1, "the file is not UTF-8 text: save it as UTF-8")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or _mostly_nul(raw[:200]):
        return Problem(str(path), 1, "the file is saved as UTF-16: save it as UTF-8")
    start = raw.rfind(b"\n", 0, exc.start) + 1
    before = raw[start : exc.start].decode("utf-8", errors="replace").split()[-2:]
    after = f" after '{' '.join(before)}'" if before else " at the line's start"
    byte = raw[exc.start]
    guess = bytes([byte]).decode("cp1252", errors="ignore")
    meant = f", which is '{guess}' in Windows-1252 or Latin-1" if guess.isprintable() else ""
    return Problem(
        str(path),
        raw[: exc.start].count(b"\n") + 1,
        f"this line has a character that is not UTF-8 (byte 0x{byte:02X}{after}{meant}): "
        "save the file as UTF-8",
    )


#: A list field's item as a message names it, counted from 1 as a moderator counts (and as
#: the other checks name them: "alias 2"); "aliases[1]" meant the second one.
_ITEM_NAMES = {
    "aliases": "alias",
    "keywords": "keyword",
    "sources": "source",
    "related": "related id",
    "also": "'also' id",
}


def field_place(loc: tuple[int | str, ...]) -> str:
    """Where a problem is, from pydantic's place: 'title', 'alias 3', "source 1's url"."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        item = f"{_ITEM_NAMES.get(str(loc[0]), loc[0])} {loc[1] + 1}"
        rest = ".".join(str(part) for part in loc[2:])
        return f"{item}'s {rest}" if rest else item
    return ".".join(str(part) for part in loc)


def _error_line(loc: tuple[int | str, ...], key_lines: dict[str, int]) -> int:
    if len(loc) >= 3 and (inner := f"{loc[0]}[{loc[1]}].{loc[2]}") in key_lines:
        return key_lines[inner]  # (a source's url, on its own line)
    if len(loc) >= 2 and isinstance(loc[1], int) and f"{loc[0]}[{loc[1]}]" in key_lines:
        return key_lines[f"{loc[0]}[{loc[1]}]"]
    return key_lines.get(str(loc[0]), 1) if loc else 1


#: Front matter fields that may be left out (an empty one may simply go).
_OPTIONAL = frozenset(n for n, f in FrontMatter.model_fields.items() if not f.is_required())


#: A key whose value is a YAML comment: "title: # Heading", "- text: #1 question".
_COMMENT_FOR_VALUE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+#")


#: A value that is one of YAML's words for nothing, as a line's whole value.
_NULL_WORD = re.compile(r"(?:^\s*-|:)\s+(null|Null|NULL|~)\s*(?:#.*)?$")


def plain_words(err: ErrorDetails, optional: frozenset[str] = _OPTIONAL, line: str = "") -> str:
    """A validation error of one field in words a moderator can act on (pydantic's own
    say what is wrong in its terms: "Input should be a valid string"); ``line``: the file's
    line the field is on, when known."""
    kind, ctx = err["type"], err.get("ctx") or {}
    # (Only where a text was due: "aliases: # none yet" is a comment meant as one.)
    if kind == "string_type" and err.get("input", "") is None and _COMMENT_FOR_VALUE.match(line):
        return (
            "is empty: a '#' after the colon starts a YAML comment, which leaves out what "
            "follows: put the whole value in quotes"
        )
    if err.get("input", "") is None and (word := _NULL_WORD.search(line)):
        # ("- null" is YAML's word for nothing: "is empty" about a line that is not)
        return f"YAML reads '{word[1]}' as no value: put it in quotes if you mean it as text"
    if err.get("input", "") is None:  # ("short:" or "- " with nothing after it)
        loc = err["loc"]
        may_go = bool(loc) and (isinstance(loc[-1], int) or loc[-1] in optional)
        return "is empty: write it, or remove the line" if may_go else "is empty: write it"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "write it as 'title: ...' and 'url: https://...' on lines of their own"
    if kind == "string_type" and isinstance(err.get("input"), dict):
        # ("- mbdr: pro rata?" is a key and its value to YAML, not a text.)
        first = str(next(iter(err["input"]), ""))
        if first[:1] in frontmatter.CURLY_QUOTES:
            return frontmatter.CURLY
        return "a colon followed by a space inside the text: put the whole text in quotes"
    if kind == "string_type":
        return "write it as text (a number, yes/no or a date in quotes: '403', 'yes')"
    if kind == "list_type" and (dash := re.match(r"-(?![-\s])(\S.*)", str(err.get("input")))):
        # ("-after-tax vs Roth" under "aliases:" made the lines below it one text)
        return frontmatter.dash_without_space(dash[1])
    if kind == "list_type" and tuple(err["loc"]) == ("sources",):
        # ("[first, second]" is no way to write sources: each has a title and a link.)
        return (
            "write each source below it as a '- title: ...' line and a 'url: https://...' "
            "line under it, indented to the title"
        )
    if kind == "list_type":
        return "write a list: one '- item' per line below it, or [first, second]"
    if kind in ("bool_type", "bool_parsing"):
        return "write true or false"
    if kind == "too_short" and ctx.get("min_length") == 1:
        return "add at least one item"
    if kind == "string_too_short":
        if not str(err.get("input", "")).strip():
            return "is empty: write it"
        return f"is too short: write at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return (
            f"is {len(str(err.get('input', ''))):,} characters; at most "
            f"{ctx.get('max_length', 0):,}: shorten it"
        )
    if kind == "url_parsing":
        return "write the whole address, starting with https://"
    if kind == "url_scheme":
        # (pydantic's own words, "should be 'http' or 'https'", sent a moderator to an
        # http:// link that an entry's sources then refused)
        return "start the address with https://"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        # (Which character, when it looks right: a capital, a word processor's dash.)
        typed = str(err.get("input", ""))
        if _ENTRY_NAME.fullmatch(stem := typed.strip().removesuffix(".md")) and stem != typed:
            # (an entry named by its file: "roth-401k-rollover.md")
            return f"{typed!r} is a file's name: write the id, without '.md': {stem}"
        if len(typed.split()) > 2:
            # (an entry named by its title: the id is what menus never show)
            return (
                f"{typed!r} is not an entry id: write the entry's id, its file's name without "
                "'.md' (like 'my-topic'), not its title"
            )
        return (
            f"{typed!r} is not a valid entry id{odd_id_character(typed)}: use lowercase letters, "
            "digits and single dashes, like 'my-topic'"
        )
    return str(err["msg"]).removeprefix("Value error, ")


def _outdented_source_fields(errors: Sequence[ErrorDetails]) -> dict[str, int]:
    """A source's field written at the first column below the list ("url:" under the last
    "- title:"): each such field, and the source missing it (the last one missing it). It
    was told twice, as an unknown field of the entry and as missing from the source."""
    missing: dict[str, int] = {}
    for err in errors:
        loc = err["loc"]
        if err["type"] == "missing" and len(loc) == 3 and loc[0] == "sources":
            missing[str(loc[2])] = max(int(loc[1]), missing.get(str(loc[2]), -1))
    return {
        str(err["loc"][0]): missing[str(err["loc"][0])]
        for err in errors
        if err["type"] == "extra_forbidden"
        and len(err["loc"]) == 1
        and str(err["loc"][0]) in missing
    }


def _pydantic_problems(
    path: str, exc: ValidationError, key_lines: dict[str, int], text: str
) -> list[Problem]:
    problems = []
    lines = text.split("\n")
    errors = exc.errors()
    outdented = _outdented_source_fields(errors)
    for err in errors:
        loc = tuple(err["loc"])
        where = field_place(loc)
        line = _error_line(loc, key_lines)
        if isinstance(err.get("input"), frontmatter.UnrealDate):
            continue  # (told by parse_entry, as wherever else it is written)
        if err["type"] == "missing" and len(loc) > 2 and outdented.get(str(loc[2])) == loc[1]:
            continue  # (told at the field, below)
        if err["type"] == "extra_forbidden" and where in outdented:
            message = (
                f"'{where}:' starts at the first column, which ends the sources list: indent "
                f"it like the 'title:' of source {outdented[where] + 1} above it, to keep it "
                "in that source"
            )
        elif err["type"] == "missing" and len(loc) > 2:  # (in a source)
            message = f"{field_place(loc[:2])} has no '{loc[2]}': add it"
        elif err["type"] == "missing":
            message = f"missing required field '{where}'"
        elif err["type"] == "extra_forbidden" and where in _RENAMED:
            message = f"the field '{where}' is now called '{_RENAMED[where]}': rename it"
        elif err["type"] == "extra_forbidden" and len(loc) > 2:  # (in a source)
            allowed = ", ".join(Source.model_fields)
            message = f"{field_place(loc[:2])}: unknown field '{loc[2]}' (a source has: {allowed})"
        elif err["type"] == "extra_forbidden":
            message = f"unknown field '{where}' (allowed: {_ALLOWED})"
        else:
            shown = lines[line - 1] if 0 < line <= len(lines) else ""
            message = f"{where}: {plain_words(err, line=shown)}"
        problems.append(Problem(path, line, message))
    return problems


#: A front-matter field written at the start of a line of the full answer: a field added
#: below the closing '---' was published as answer text, and the moderator thought it set.
_FIELD_IN_BODY = re.compile(rf"({'|'.join(FrontMatter.model_fields)})[ \t]*:(?=[ \t]|$)")


def parse_entry(path: Path, text: str) -> tuple[FaqEntry | None, list[Problem]]:
    """Parse and validate one file's text on its own (no cross-file checks)."""
    shown = str(path)
    try:
        parsed = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        return None, [Problem(shown, exc.line, exc.message)]
    unreal = [Problem(shown, *found) for found in frontmatter.unreal_dates(parsed.data, 2)]
    try:
        meta = FrontMatter.model_validate(parsed.data)
    except ValidationError as exc:
        problems = unreal + _pydantic_problems(shown, exc, parsed.key_lines, text)
        renamed = {k for k in _RENAMED if k in parsed.data}
        # "missing 'short'" next to "'summary' is now called 'short'" says the same twice.
        problems = [
            p for p in problems if not any(f"field '{_RENAMED[k]}'" in p.message for k in renamed)
        ]
        # The rest of the file is checked all the same: one problem hid the others until
        # it was fixed.
        if (partial := partial_front_matter(path, parsed.data, exc)) is not None:
            problems += _content_problems(shown, partial[0], parsed)
        return None, problems
    entry = FaqEntry(**meta.model_dump(), body=parsed.body, path=shown)
    return entry, unreal + _content_problems(shown, meta, parsed)


def _another_file(path: Path, name: str) -> bool:
    """Whether the folder of ``path`` holds a file ``name`` that is not ``path`` itself (on
    a case-blind disk, 'Alpha.md' is 'alpha.md')."""
    other = path.with_name(name)
    try:
        return other.exists() and not (path.exists() and other.samefile(path))
    except OSError:
        return False


def _content_problems(
    shown: str, meta: FrontMatter, parsed: frontmatter.ParsedFile
) -> list[Problem]:
    """A valid front matter's problems: an id that is not the file's name, an answer empty
    or too long, a not-tax-advice line, a list holding one thing twice, an invisible
    character."""
    problems = []
    if Path(shown).stem != meta.id:
        # (Not "or name the file x.md" when x.md is another entry's: an entry copied with
        # its id unchanged, where renaming would overwrite the original.)
        rename = (
            ""
            if _another_file(Path(shown), f"{meta.id}.md")
            else f", or name the file {meta.id}.md"
        )
        problems.append(
            Problem(
                shown,
                parsed.key_lines.get("id", 1),
                f"id '{meta.id}' must match the file name '{Path(shown).name}': write id: "
                f"{Path(shown).stem}{rename}",
            )
        )
    body_line = parsed.body_line
    if not parsed.body.strip():
        # (At the closing '---', where the answer belongs, not at line 1.)
        problems.append(
            Problem(
                shown,
                parsed.closing_line,
                "the answer body after the front matter is empty: write the full answer "
                "below this '---' line",
            )
        )
    fenced = False  # (a ```code``` block may show front matter as an example)
    for n, text_line in enumerate(parsed.body.split("\n")):
        fenced ^= text_line.startswith("```")
        if not fenced and (found := _FIELD_IN_BODY.match(text_line)):
            problems.append(
                Problem(
                    shown,
                    body_line + n,
                    f"'{found.group(1)}:' is below the closing '---', in the full answer "
                    "members see: move it up into the front matter (between the two '---' "
                    "lines)",
                )
            )
    short_line = parsed.key_lines.get("short", 1)
    if len(meta.short) > SHORT_LIMIT:
        problems.append(
            Problem(
                shown,
                short_line,
                f"short is {len(meta.short):,} characters; at most {SHORT_LIMIT}: keep the "
                "direct answer here and move the detail to the full answer",
            )
        )
    if len(parsed.body.strip()) > FULL_LIMIT:
        problems.append(
            Problem(
                shown,
                body_line,
                f"the full answer (the text after the front matter) is "
                f"{len(parsed.body.strip()):,} characters; at most {FULL_LIMIT:,}",
            )
        )
    for where, text, line in (("short", meta.short, short_line), ("answer", parsed.body, 0)):
        found = find_disclaimer(text)
        if found:
            at = line or body_line + text[: found.start()].count("\n")
            problems.append(
                Problem(
                    shown,
                    at,
                    f"the {where} says '{found.group(0)}': remove it, the bot adds the "
                    "not-tax-advice line to every answer",
                )
            )
    problems += _list_problems(shown, meta, parsed.key_lines)
    problems += _unseen_problems(shown, meta, parsed)
    problems += _quoted_problems(shown, meta, parsed.key_lines)
    return problems


#: Curly quotes around a whole value: YAML quotes with straight ones only, so a word
#: processor's “...” stayed part of the title members saw in menus and "Related".
#: (Double ones: a single ‘ at the start and ’ at the end may be an apostrophe. None inside:
#: “Mega backdoor” is a nickname for “after-tax to Roth” is quoted twice, not whole.)
_CURLY_QUOTED = re.compile(r"^([\u201c\u201e\u00ab])[^\u201c\u201d\u00bb]*([\u201d\u201c\u00bb])$")


def _quoted_problems(shown: str, meta: FrontMatter, key_lines: dict[str, int]) -> list[Problem]:
    """A title, short answer, alias or keyword wrapped in curly quotes, at its line."""
    named = [*_names(meta, key_lines), ("the short answer", meta.short, key_lines.get("short", 1))]
    return [
        Problem(
            shown,
            line,
            f"{where} is wrapped in typographic quotes ({found.group(1)}...{found.group(2)}), "
            "which members would see as part of it: remove them",
        )
        for where, text, line in named
        if (found := _CURLY_QUOTED.match(text.strip()))
    ]


def _list_problems(shown: str, meta: FrontMatter, key_lines: dict[str, int]) -> list[Problem]:
    """An alias with no words (it matches no question, and every such alias keys alike, so
    two looked like copies of each other), and an id or source listed twice."""
    problems = []

    def line(key: str, i: int) -> int:
        return key_lines.get(f"{key}[{i}]", key_lines.get(key, 1))

    if not phrase_key(meta.title):
        # (Emoji or punctuation alone: menus and "Related" show only that, no one can type
        # it into /faq's topic, and asked word for word it names nothing.)
        problems.append(
            Problem(
                shown,
                key_lines.get("title", 1),
                f"the title {meta.title!r} has no words: write the question it answers",
            )
        )
    for i, alias in enumerate(meta.aliases):
        if not phrase_key(alias):
            problems.append(
                Problem(
                    shown,
                    line("aliases", i),
                    f"alias {alias!r} has no words: write how people ask it",
                )
            )
    for key, values in (
        ("related", list(meta.related)),
        # (One link under two titles may cite two parts of a document: only both alike.)
        ("sources", [(s.title, str(s.url)) for s in meta.sources]),
    ):
        for i, value in enumerate(values):
            if value in values[:i]:
                what = "the same source" if key == "sources" else repr(value)
                problems.append(Problem(shown, line(key, i), f"{key} lists {what} twice: keep one"))
    return problems


_alias_key = phrase_key


#: Characters no FAQ text means that the file's YAML check (frontmatter.read_yaml) does not
#: see: one written as an escape in quotes ("\0", as the bot's own writer saved a NUL typed
#: in a form), or one raw in the full answer, which is no YAML. Control characters, and the
#: bidirectional controls that show the text after them reversed or moved: a pasted U+202E
#: made a title read "What is IRS ?45-4102 ecitoN" in every answer, unremarked.
_UNSEEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
#: In a name (a title, an alias, a keyword, a source's title: one line, no Markdown), also
#: the invisible characters that split or join words unseen: a zero-width space, word
#: joiner, soft hyphen or byte order mark pasted along made "mega<U+200B>backdoor" two words
#: to the matcher, and /faq's autocomplete and Discord's search missed the word. A zero-width
#: joiner or non-joiner is refused beside plain text only: between emoji or the letters of
#: another script it builds what is shown (a family emoji, a Persian word). (Not in the
#: short or full answer: Markdown, where a zero-width space keeps Discord from formatting.)
_UNSEEN_IN_NAMES = re.compile(
    _UNSEEN.pattern[:-1] + r"\u00ad\u200b\u2060\ufeff]"
    r"|(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])"
)


def _names(meta: FrontMatter, key_lines: dict[str, int]) -> list[tuple[str, str, int]]:
    """The title, aliases and keywords, each as (how a message names it, text, line)."""
    return [
        ("the title", meta.title, key_lines.get("title", 1)),
        *(
            (f"alias {i + 1}", a, key_lines.get(f"aliases[{i}]", 1))
            for i, a in enumerate(meta.aliases)
        ),
        *(
            (f"keyword {i + 1}", k, key_lines.get(f"keywords[{i}]", 1))
            for i, k in enumerate(meta.keywords)
        ),
    ]


def _unseen_problems(
    shown: str, meta: FrontMatter, parsed: frontmatter.ParsedFile
) -> list[Problem]:
    """An invisible character in a text members are shown, at its field's line (the full
    answer's own line), with the words before it: where to delete it."""
    lines = parsed.key_lines
    names = [
        *_names(meta, lines),
        *(
            (f"source {i + 1}'s title", s.title, lines.get(f"sources[{i}]", 1))
            for i, s in enumerate(meta.sources)
        ),
    ]
    texts = [
        *((where, text, line, _UNSEEN_IN_NAMES) for where, text, line in names),
        ("the short answer", meta.short, lines.get("short", 1), _UNSEEN),
        ("the full answer", parsed.body, 0, _UNSEEN),
    ]
    problems = []
    for where, text, line, unseen in texts:
        found = unseen.search(text)
        if found is None:
            continue
        before = text[: found.start()]
        at = line or parsed.body_line + before.count("\n")
        words = " ".join(before.rpartition("\n")[2].split()[-4:])
        char = found.group()
        name = unicodedata.name(char, "").lower() or "a control character"
        after = f"after '{words}'" if words else "at its start"
        problems.append(
            Problem(
                shown,
                at,
                f"{where} holds an invisible character (U+{ord(char):04X}, {name}) "
                f"{after}, often pasted from a web page, a PDF or a word processor: delete it",
            )
        )
    return problems


def _same_words(one: str, other: str) -> bool:
    """The narrower sameness for an entry's own phrases: words as written, case aside."""
    return re.findall(r"[a-z0-9]+", one.casefold()) == re.findall(r"[a-z0-9]+", other.casefold())


def file_lines(entry: FaqEntry) -> list[str]:
    try:
        return Path(entry.path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def line_of(entry: FaqEntry, needle: str, key: str = "", lines: list[str] | None = None) -> int:
    """Best-effort line of a front matter value, for cross-file problems: a line holding
    just that value (a list item, quoted or not) first, else the first line containing it
    (an alias "Roth" is also part of the title's line); from ``key``'s line on, if given
    (a related id is also the id on the id line). ``lines`` are the file's lines when they
    are not (yet) on disk."""
    lines = file_lines(entry) if lines is None else lines
    start = key_line(lines, key) - 1 if key else 0

    def value(line: str) -> str:
        text = line.strip().removeprefix("- ").strip()
        if len(text) > 1 and text[0] == text[-1] == "'":
            return text[1:-1].replace("''", "'")  # (YAML's way to write ' in '...')
        return text[1:-1] if len(text) > 1 and text[0] == text[-1] == '"' else text

    numbered = list(enumerate(lines[start:], start + 1))
    exact = next((i for i, line in numbered if value(line) == needle), None)
    return exact or next((i for i, line in numbered if needle in line), start + 1)


def key_line(lines: list[str], key: str) -> int:
    """The 1-based line of a front matter key (1 when not found); "body" is the line after
    the front matter's closing '---'."""
    if key == "body":
        closing = [i for i, line in enumerate(lines) if line.rstrip() == "---"][1:2]
        return closing[0] + 2 if closing else 1
    return next((i for i, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)


#: Valid values for the fields a file got wrong or left out, so that the rest of it can be
#: checked (see partial_front_matter). Each says nothing a check would object to.
_PLACEHOLDERS: dict[str, object] = {
    "title": "A placeholder title",
    "short": "A placeholder short answer.",
    "aliases": [],
    "keywords": [],
    "sources": [{"title": "A placeholder", "url": "https://example.com/"}],
    "related": [],
    "updated": dt.date(2000, 1, 1),
}


def partial_front_matter(
    path: Path, data: dict[str, Any], exc: ValidationError
) -> tuple[FrontMatter, frozenset[str]] | None:
    """The front matter of a file that is not a valid entry, its wrong or missing fields
    replaced by placeholders, and the names of those fields; None when the rest is not
    valid either. Without it, a file's one wrong field (a date ahead) hid every other
    problem of the file, and the checks across files, until it was fixed."""
    errors = [e["loc"] for e in exc.errors() if e["loc"]]
    # In a list, only the items at fault are left out ("alias 2: write it as text"): the
    # others are still compared with other entries'.
    items: dict[str, set[int]] = defaultdict(set)
    whole: set[str] = set()
    for loc in errors:
        if len(loc) > 1 and isinstance(loc[1], int):
            items[str(loc[0])].add(loc[1])
        else:
            whole.add(str(loc[0]))
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FrontMatter.model_fields or key in whole:
            continue
        if key in items and isinstance(value, list):
            value = [v for i, v in enumerate(value) if i not in items[key]]
            if not value:
                whole.add(key)
                continue
        kept[key] = value
    try:
        meta = FrontMatter.model_validate({**_PLACEHOLDERS, "id": path.stem, **kept})
    except ValidationError:
        return None
    return meta, frozenset(whole)


def partial_entry(path: Path, text: str) -> FaqEntry | None:
    """For a file whose front matter is YAML but not a valid entry (a source's link
    mistyped): what it has right, for the checks across files (copied ids, titles and
    aliases, related ids that do not exist). Never loaded: its file has a problem."""
    try:
        parsed = frontmatter.parse(text)
        FrontMatter.model_validate(parsed.data)
    except frontmatter.FrontMatterError:  # (YAML that is not 'key: value' fields among them)
        return None
    except ValidationError as exc:
        partial = partial_front_matter(path, parsed.data, exc)
        if partial is None:
            return None
        meta, errored = partial
        # (A placeholder takes no part: no title is "", no words, a copy of nothing.)
        blank = {k: "" if k == "title" else [] for k in ("title", "aliases", "related")}
        values = {**meta.model_dump(), **{k: v for k, v in blank.items() if k in errored}}
        return FaqEntry.model_construct(**values, body=parsed.body, path=str(path))
    return None


def _did_you_mean(typed: str, ids: Mapping[str, str]) -> str:
    """The id most like one that does not exist ("notice-2014-45"), as a question."""
    found = process.extractOne(typed, list(ids), scorer=fuzz.ratio, score_cutoff=85)
    return f": did you mean '{found[0]}'?" if found else ""


#: Names two entries share from which they count as one copied: the title and an alias
#: or two alike is a slip to tell name by name; most of them, a file copied as a template.
COPIED_NAMES = 3


def _copied_pairs(entries: Sequence[FaqEntry]) -> dict[frozenset[str], int]:
    """Pairs of entries (by path, their ids unlike) sharing at least half of the smaller's
    titles and aliases, and COPIED_NAMES or more, with how many: an entry copied to start
    another got 48 lines for its 24 names, the same twice over, one file's in other words."""
    owners: dict[str, set[str]] = defaultdict(set)
    names: dict[str, int] = {}
    ids = {e.path: e.id for e in entries}
    for entry in entries:
        keys = {_alias_key(p) for p in (entry.title, *entry.aliases)} - {""}
        names[entry.path] = len(keys)
        for key in keys:
            owners[key].add(entry.path)
    shared: dict[frozenset[str], int] = defaultdict(int)
    for paths in owners.values():
        ordered = sorted(paths)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                if ids[first] != ids[second]:  # (a copy with its id unchanged: told so)
                    shared[frozenset((first, second))] += 1
    return {
        pair: n
        for pair, n in shared.items()
        if n >= COPIED_NAMES and 2 * n >= min(names[path] for path in pair)
    }


def check_entries(
    entries: list[FaqEntry],
    broken_ids: frozenset[str] = frozenset(),
    unsaved: Mapping[str, str] | None = None,
    partials: Sequence[FaqEntry] = (),
) -> list[Problem]:
    """Checks that need every entry: duplicates, dangling related ids, embed limits.
    ``broken_ids`` are entries whose files have problems of their own: other files may still
    name them in ``related`` without a second, misleading problem. ``unsaved`` holds the
    text of files by path that are not on disk as they are checked (an edit being
    previewed), so their problems are told at their lines in that text. ``partials`` (see
    partial_entry) take part in the checks for copied ids, titles and aliases and for
    related ids, not the others."""
    problems: list[Problem] = []

    def lines(entry: FaqEntry) -> list[str]:
        if unsaved is not None and entry.path in unsaved:
            return unsaved[entry.path].split("\n")
        return file_lines(entry)

    # By file name, but a file whose name is not its id after the others: a copy whose id
    # was left unchanged is told of the duplicate, not the original it was copied from.
    named = sorted([*entries, *partials], key=lambda e: (Path(e.path).stem != e.id, e.path))
    by_id: dict[str, list[FaqEntry]] = defaultdict(list)
    for entry in named:
        by_id[entry.id].append(entry)
    for entry_id, group in by_id.items():
        for dup in group[1:]:
            problems.append(
                Problem(
                    dup.path,
                    key_line(lines(dup), "id"),
                    f"duplicate id '{entry_id}' (also in {group[0].path}): give this entry its "
                    "own id, and the file the same name",
                )
            )

    copied = _copied_pairs(named)
    for entry in named:
        for pair, shared in copied.items():
            if entry.path in pair:
                [other] = pair - {entry.path}
                problems.append(
                    Problem(
                        entry.path,
                        key_line(lines(entry), "title"),
                        f"{shared} of this entry's title and aliases are also in {other}, as "
                        "if one was copied from the other: give each entry its own, or keep "
                        "only one of the two",
                    )
                )
    seen: dict[str, FaqEntry] = {}
    for entry in named:
        for n, phrase in enumerate((entry.title, *entry.aliases)):
            key = _alias_key(phrase)
            if not key:  # (no words: its own file says so; it is no copy of another)
                continue
            owner = seen.get(key)
            if owner is not None and frozenset((owner.path, entry.path)) in copied:
                continue  # (told once above, not once a name in each file)
            if owner is entry and not any(
                _same_words(phrase, q) for q in (entry.title, *entry.aliases)[:n]
            ):
                owner = None  # ("401(k)" beside "401k" in one entry: harmless)
            if owner is not None and n > 0:
                where = "this file" if owner is entry else owner.path
                if owner is entry and _alias_key(entry.title) == key:
                    said = f"the alias '{phrase}' is this entry's title, matched already: remove it"
                else:
                    said = f"duplicate alias '{phrase}' (also in {where})"
                problems.append(
                    Problem(entry.path, line_of(entry, phrase, lines=lines(entry)), said)
                )
            elif owner is not None:
                # Menus, autocomplete and "Related" show titles: two alike cannot be told apart.
                problems.append(
                    Problem(
                        entry.path,
                        line_of(entry, phrase, lines=lines(entry)),
                        f"the title '{phrase}' is already a title or alias in {owner.path}: "
                        "give this entry its own",
                    )
                )
            if owner is not None and owner is not entry and owner.id != entry.id:
                # Said in both files: which of the two was just edited is not known here,
                # and the later file by name is often the one nobody touched. (Not for a
                # file copied whole, its id unchanged: the copy is told of its duplicate id
                # and of each copied alias, and the original, untouched, of nothing.)
                theirs = next(p for p in (owner.title, *owner.aliases) if _alias_key(p) == key)
                problems.append(
                    Problem(
                        owner.path,
                        line_of(owner, theirs, lines=lines(owner)),
                        f"'{theirs}' is also {'an alias' if n else 'the title'} in "
                        f"{entry.path}: change one of the two",
                    )
                )
            seen.setdefault(key, entry)

    titles = {e.id: e.title for e in entries}
    for entry in named:
        for rel in entry.related:
            # (Itself first: a problem of its own file, "related lists x twice", made the
            # entry one of the broken ones, whose ids are not questioned.)
            if rel == entry.id:
                message = "an entry cannot be related to itself"
            elif rel in broken_ids:
                continue
            elif rel not in titles:
                message = f"related id '{rel}' does not exist{_did_you_mean(rel, titles)}"
            else:
                continue
            problems.append(
                Problem(entry.path, line_of(entry, rel, "related", lines(entry)), message)
            )
    for entry in entries:
        # An over-long short or full answer is told in its own file, with where to move
        # the text: the embed's limits it passes too said it again, as "shorten the body"
        # for a body that was fine.
        too_long = len(entry.short) > SHORT_LIMIT or len(entry.body.strip()) > FULL_LIMIT
        for part, message in limits_exceeded(layout_entry(entry, titles)):
            if too_long and part in ("body", ""):
                continue
            line = key_line(lines(entry), part) if part else 1
            problems.append(Problem(entry.path, line, message))
    return list(dict.fromkeys(problems))  # (a clash met twice is said once)


@dataclass(frozen=True)
class FolderScan:
    """What a folder holds: valid entries, problems that block loading, and notices about
    files that are not entries (a README, notes), which are ignored."""

    entries: list[FaqEntry]
    problems: list[Problem]
    notices: list[Problem]
    #: The problems of files on their own (not the checks across entries), among problems.
    own: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=4096)
def _parsed(shown: str, text: str) -> tuple[FaqEntry | None, tuple[Problem, ...]]:
    """parse_entry by file name and content: a reload re-parses only the files that changed
    (entries and problems are immutable, so sharing them between loads is safe)."""
    entry, problems = parse_entry(Path(shown), text)
    return entry, tuple(problems)


def visible(path: Path) -> bool:
    """Not a hidden file: those are an editor's or a system's, not a moderator's (Emacs's
    lock while a file is edited, '.#alpha.md', a link to nowhere; macOS's '._alpha.md' on a
    shared drive), and are not read at all, nor told as files that are not entries."""
    return not path.name.startswith(".")


def is_entry_file(path: Path) -> bool:
    """Entries are ``<id>.md``; other Markdown files (README.md, Notes.md, _draft.md) are not."""
    return path.suffix == ".md" and bool(_ENTRY_NAME.fullmatch(path.stem))


_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([A-Za-z0-9_-]{1,100})['\"]?[ \t]*$", re.MULTILINE)


def _not_an_entry(path: Path) -> Problem:
    """The notice for a Markdown file that is not read: a README, notes, a draft, or an
    entry saved under a name the loader does not take (which then says how to rename it)."""
    try:
        unread = not_a_file(path) is not None  # (a pipe would wait for a writer)
        head = "" if unread else path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        head = ""
    found = _ID_LINE.search(head) if head.startswith("---") else None
    stem = "-".join(re.split(r"[-_\s]+", found.group(1).lower())).strip("-") if found else ""
    # (By the names listed: on a disk that ignores case, "Alpha.md" itself "exists" as
    # "alpha.md".)
    if found and f"{stem}.md" in {p.name for p in path.parent.iterdir()} - {path.name}:
        return Problem(
            str(path),
            1,
            f"not read: a copy of the entry '{stem}' (a backup, or left by a merge?): "
            "remove it when you are done with it",
        )
    if found and _ENTRY_NAME.fullmatch(stem):
        return Problem(
            str(path),
            1,
            f"not read: this looks like an entry, but entry files are named '<id>.md' in "
            f"lowercase with dashes: rename it to '{stem}.md' to publish it (a draft can stay)",
        )
    return Problem(
        str(path),
        1,
        "not an FAQ entry (entry files are named like 'my-topic.md', lowercase with dashes): "
        "ignored",
    )


def _ends(path: Path) -> str:
    return path.name[path.name.lower().index(".md") :]


#: What follows "x.md." in an editor's or a merge's own files, which are no misnamed entry.
_NOT_MISNAMED = (".md", ".swp", ".bak", ".orig", ".tmp")


def _md_dot(path: Path) -> bool:
    """A name like 'x.md.txt', what some editors save when told to save 'x.md' as text; not
    an editor's or a merge's own file (_NOT_MISNAMED, and Emacs's numbered backups,
    'x.md.~1~')."""
    return ".md." in path.name and path.suffix not in _NOT_MISNAMED and not path.name.endswith("~")


def told_of(path: Path, faq_dir: Path) -> bool:
    """Whether a load of ``faq_dir`` reads ``path`` or tells of it in a notice as a file it
    does not read (``new-entry.MD``, ``x.md.txt``, ``examples/x.yml``; see _misnamed): a
    change to it changes what a reload says, which a watcher must not miss."""
    from knowledge.examples import EXAMPLES_DIR  # (examples.py imports this module)

    if not visible(path):
        return False
    suffix = path.suffix.lower()
    # (One in a folder inside 'examples' too: told as not read, see _misnamed.)
    if faq_dir / EXAMPLES_DIR in path.parents:
        return suffix in (".yaml", ".yml")
    if path.parent != faq_dir:
        return False
    return suffix in (".md", ".markdown", ".yaml", ".yml") or _md_dot(path)


def _misnamed(faq_dir: Path) -> list[Problem]:
    """Files a moderator meant as entries or examples but that no load reads: the loader
    takes exactly ``*.md`` and ``examples/*.yaml``, and a silent skip looks like a lost edit."""
    found = [
        Problem(str(p), 1, f"not read: entry files end in '.md' (this one: '{p.suffix}')")
        for p in sorted(faq_dir.iterdir())
        if visible(p)
        and p.suffix.lower() in (".md", ".markdown")
        and p.suffix != ".md"
        and p.is_file()
    ]
    # "x.md.txt": what some editors save when told to save "x.md" as text.
    found += [
        Problem(str(p), 1, f"not read: entry files end in '.md' (this one: '{_ends(p)}')")
        for p in sorted(faq_dir.glob("*.md.*"))
        if p.is_file() and _md_dot(p)
    ]
    from knowledge.examples import EXAMPLES_DIR  # (examples.py imports this module)

    examples = faq_dir / EXAMPLES_DIR
    if examples.is_dir():  # (one that is not a folder is a problem: see read_examples)
        found += [
            Problem(str(p), 1, f"not read: examples files end in '.yaml' (this one: '{p.suffix}')")
            for p in sorted(examples.iterdir())
            if visible(p)
            and p.suffix.lower() in (".yml", ".yaml")
            and p.suffix != ".yaml"
            and p.is_file()
        ]
        found += [
            Problem(str(p), 1, f"not read: examples files go directly in '{EXAMPLES_DIR}'")
            for p in sorted(examples.glob("*/**/*.y*ml"))
            if p.suffix.lower() in (".yml", ".yaml")
        ]
    found += [
        Problem(str(p), 1, f"not read: examples files go in the '{EXAMPLES_DIR}' folder")
        for p in sorted(faq_dir.iterdir())
        if visible(p) and p.suffix.lower() in (".yml", ".yaml") and p.is_file()
    ]
    return found


#: A folder's files as folder_signature sees them: (path, size, change time) each.
FolderFiles = tuple[tuple[str, int, int], ...]


def folder_signature(faq_dir: Path) -> FolderFiles:
    """What a load of ``faq_dir`` reads, as names, sizes and change times: a cheap way to
    notice an edit (a console has no file watcher)."""
    from knowledge.examples import EXAMPLES_DIR  # (examples.py imports this module)

    found = []
    for folder, pattern in ((faq_dir, "*.md"), (faq_dir / EXAMPLES_DIR, "*.yaml")):
        try:
            paths = list(folder.glob(pattern))
        except OSError:  # (a folder it may not read: the load says so, in words)
            continue
        for path in paths:
            try:
                stat = path.stat()
            except OSError:  # (removed meanwhile)
                continue
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def folder_refusal(folder: Path) -> str | None:
    """Why this process may not list ``folder`` ('Permission denied': the folder, or one
    above it, is closed to the bot's user), None when it may or the folder is not there."""
    try:
        with os.scandir(folder):
            return None
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return exc.strerror or str(exc)


#: The largest file read, in bytes: far above any real one (an entry is a few KB, the
#: off-topic examples a few hundred), far below one that would hold hundreds of MB in
#: memory (parsed texts are cached by content).
MAX_ENTRY_BYTES = 256 * 1024
MAX_EXAMPLES_BYTES = 8 * 1024 * 1024


def too_large(path: Path, limit: int) -> Problem | None:
    """The problem for a file over ``limit`` bytes (checked before it is read), else None."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # (reading it reports why it cannot be read)
    if size <= limit:
        return None
    return Problem(
        str(path), 0, f"the file is {size:,} bytes; at most {limit:,}: split or shorten it"
    )


def not_a_file(path: Path) -> Problem | None:
    """The problem for a name that is no regular file (a folder, a named pipe, a device),
    else None: reading a named pipe waits for a writer that may never come, which hung
    validate, ask and the bot's start. Checked before the file is read."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # (reading it reports why it cannot be read)
    if stat.S_ISREG(mode):
        return None
    return Problem(
        str(path), 0, "not a regular file (a folder, a named pipe or a device): remove or rename it"
    )


def scan_folder(faq_dir: Path) -> FolderScan:
    """Read every entry file in ``faq_dir`` and validate each and all together."""
    if (refused := folder_refusal(faq_dir)) is not None:  # (is_dir raises for some)
        problem = Problem(str(faq_dir), 0, f"cannot read the folder: {refused}")
        return FolderScan([], [problem], [])
    if not faq_dir.is_dir():
        problem = Problem(str(faq_dir), 0, FOLDER_GONE)
        return FolderScan([], [problem], [])
    try:
        # (Listed, not globbed: glob takes a folder it cannot read for an empty one.)
        markdown = sorted(p for p in faq_dir.iterdir() if p.name.endswith(".md") and visible(p))
    except OSError as exc:
        problem = Problem(str(faq_dir), 0, f"cannot read the folder: {exc.strerror or exc}")
        return FolderScan([], [problem], [])
    paths = [p for p in markdown if is_entry_file(p)]
    notices = [_not_an_entry(p) for p in markdown if not is_entry_file(p)]
    # (A folder it cannot list: reading the examples reports that as a problem.)
    with contextlib.suppress(OSError):
        notices += _misnamed(faq_dir)
    if not paths:
        message = "no FAQ files (<id>.md) found in this folder"
        parent = faq_dir.absolute().parent
        from knowledge.examples import EXAMPLES_DIR  # (examples.py imports this module)

        if faq_dir.name == EXAMPLES_DIR and any(map(is_entry_file, parent.glob("*.md"))):
            # (Each of its files was told "examples files go in the 'examples' folder",
            # where they are: the folder given is the wrong one, not they.)
            message += f": it is the examples folder of the FAQ in {parent}; give that folder"
            notices = []
        return FolderScan([], [Problem(str(faq_dir), 0, message)], notices)
    entries: list[FaqEntry] = []
    partials: list[FaqEntry] = []
    problems: list[Problem] = []
    for path in paths:
        if (odd := not_a_file(path)) is not None:
            problems.append(odd)
            continue
        if (large := too_large(path, MAX_ENTRY_BYTES)) is not None:
            problems.append(large)
            continue
        try:
            text = read_utf8(path)
        except UnicodeDecodeError as exc:
            problems.append(not_utf8(path, exc))
            continue
        except OSError as exc:
            problems.append(Problem(str(path), 0, f"cannot read file: {exc.strerror}"))
            continue
        entry, file_problems = _parsed(str(path), text)
        problems += file_problems
        if entry is not None:
            entries.append(entry)
        elif (partial := partial_entry(path, text)) is not None:
            partials.append(partial)
    own = sorted(problems)
    broken = frozenset(Path(p.path).stem for p in own)
    problems += check_entries(entries, broken, partials=partials)
    return FolderScan(entries, sorted(problems), sorted(notices), own)


def read_entries(faq_dir: Path) -> tuple[list[FaqEntry], list[Problem]]:
    """The valid entries of ``faq_dir`` and every problem (notices left out)."""
    scan = scan_folder(faq_dir)
    return scan.entries, scan.problems


def load_entries(faq_dir: Path = DEFAULT_FAQ_DIR) -> list[FaqEntry]:
    """All entries of a valid folder; raises FaqInvalid listing every problem otherwise."""
    entries, problems = read_entries(faq_dir)
    if problems:
        raise FaqInvalid(problems)
    return entries
