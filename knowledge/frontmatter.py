"""Split a Markdown file into YAML front matter and body, keeping line numbers for errors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml


class UnrealDate(str):
    """A value written as a date or time that does not exist ("2026-02-30"), kept as its
    text with its line (``at``, 0-based in the YAML): the readers tell it (unreal_dates)
    beside the file's other problems. Refused while the file was read, it hid them all."""

    at: int

    @property
    def message(self) -> str:
        return f"{self} is not a real date: write an existing one as YYYY-MM-DD"


def unreal_dates(data: Any, offset: int) -> list[tuple[int, str]]:
    """Each UnrealDate in parsed YAML ``data``: its line in the file (``offset`` as in
    explain_yaml_error) and the message."""
    if isinstance(data, UnrealDate):
        return [(data.at + offset, data.message)]
    if isinstance(data, dict):
        return [found for value in data.values() for found in unreal_dates(value, offset)]
    if isinstance(data, list):
        return [found for value in data for found in unreal_dates(value, offset)]
    return []


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _timestamp(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    # PyYAML lets datetime's ValueError out for "2026-11-31": a crash, not a line to fix.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        unreal = UnrealDate(node.value)
        unreal.at = node.start_mark.line
        return unreal


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)

#: libyaml's loader when PyYAML was built with it (the wheels are), else the pure one; the
#: FAQ files, the examples files and the question sets all load with it.
YAML_LOADER = _Loader


#: Line separators YAML writes as they are and reads as line ends (read_yaml refuses them
#: in a file): a question pasted with one is written with a line feed in its place. So is a
#: carriage return (a paste from an old Mac text, or a Windows one's "\r\n"): YAML wrote it
#: as a "\r" escape, and a full answer kept it raw, a line end only some readers see.
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\r": "\n"})


def plain_line_ends(data: Any) -> Any:
    """``data`` with U+2028, U+2029, U+0085 and carriage returns ("\r\n" as one) in its
    texts as line feeds (see dump)."""
    if isinstance(data, str):
        return data.replace("\r\n", "\n").translate(_SEPARATORS)
    if isinstance(data, dict):
        return {key: plain_line_ends(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [plain_line_ends(value) for value in data]
    return data


def dump(data: Any) -> str:
    """YAML as the bot writes FAQ and examples files: block style, in the given order,
    wrapped at WRAP_WIDTH columns (where quiet_slips knows a line was wrapped)."""
    return yaml.safe_dump(
        plain_line_ends(data), sort_keys=False, allow_unicode=True, width=WRAP_WIDTH
    )


class FrontMatterError(ValueError):
    """The file has no readable front matter; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class ParsedFile:
    data: dict[str, Any]
    body: str
    #: 1-based line of each top-level key (and of list items as ``key[i]``, and of the
    #: keys of an item that is a mapping, a source's url, as ``key[i].name``).
    key_lines: dict[str, int] = field(default_factory=dict)
    #: 1-based line where the body (the full answer) starts.
    body_line: int = 1
    #: 1-based line of the '---' that closes the front matter.
    closing_line: int = 1


# PyYAML's (and libyaml's) wording of common slips, and what a moderator should do.
_QUOTE_IT = "put the whole value in quotes"
_INDENT = (
    "the indentation does not line up with the lines above: list items start with '- ' at "
    "the same indent, continued text is indented further"
)
_LIST_ITEM = "list items each start with '- ' at the same indent as the first"
_BACKSLASH = (
    'a backslash (\\) inside "..." starts an escape code, and this one is not valid: write '
    "\\\\ for a backslash (or put the value in '...'), and a symbol or emoji itself, not its code"
)
_ESCAPE_ERRORS = (
    "found unknown escape character",
    "did not find expected hexdecimal number",
    "found invalid Unicode character escape code",
    "expected escape sequence of",
)
_YAML_HELP = (
    (
        "mapping values are not allowed",
        f"a colon followed by a space inside a value: {_QUOTE_IT}, "
        'e.g. title: "Roth 401(k): what now?"',
    ),
    ("found unexpected end of stream", "a quote is opened here but never closed: close it"),
    (
        "could not find expected ':'",
        "this line is not 'key: value': if it goes on from the text above, indent it as that "
        "text is; if it starts a field, add the missing colon",
    ),
    ("expected <block end>, but found", _INDENT),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", _LIST_ITEM),
    (
        "did not find expected ',' or ']'",
        "a [list] is not closed: close it with ']', or write one item per line starting with '- '",
    ),
    ("found a tab character", "a tab character: indent with spaces only"),
    ("found undefined alias", f"a value starting with '*' is read as a reference: {_QUOTE_IT}"),
    # (libyaml's words, then PyYAML's: Markdown's "\$", a Windows path, an emoji as JSON
    # writes it, "\ud83d\ude80".)
    *((needle, _BACKSLASH) for needle in _ESCAPE_ERRORS),
    # (Only an examples file can meet this: front matter ends at its second '---'.)
    (
        "but found another document",
        "a '---' line here starts a second YAML document: remove it (an examples file is "
        "one list of '- text: ...' items)",
    ),
)
# Where YAML notices a problem is not always where the mistake is: for these, the line
# where the construct began (the opening quote or bracket) is the one to fix.
_STARTED_EARLIER = (
    "while scanning a quoted scalar",
    "while parsing a flow",
    # (A line with no colon is noticed on the next one, where the key would have ended.)
    "while scanning a simple key",
)
#: A value starting with '*' or '&' that is no alias or anchor name, and one starting with
#: '!' that is no tag YAML knows.
_MARKUP_CONTEXTS = ("while scanning an alias", "while scanning an anchor")
_UNKNOWN_TAG = "could not determine a constructor for the tag"
#: A '>' or '|' value with text after it on its line; a '- ' right after a key.
_BLOCK_TEXT_AFTER_MARK = (
    "while scanning a block scalar",
    "did not find expected comment or line break",
)
_DASH_AFTER_KEY = "block sequence entries are not allowed in this context"
#: PyYAML's pure-Python loader's words for these two (YAML_LOADER without libyaml), read as
#: libyaml's: "expected a comment or a line break, but found 'q'".
_PURE_WORDS = (
    ("expected a comment or a line break", _BLOCK_TEXT_AFTER_MARK[1]),
    ("sequence entries are not allowed here", _DASH_AFTER_KEY),
)
#: A non-breaking space where YAML needs a space: in the indent, after '-' or after 'key:'.
_NBSP_SLIP = re.compile(r"^[ \u00a0]*\u00a0|^ *-\u00a0|^ *(?:- +)?[\w-]+:\u00a0")
_NBSP = (
    "a non-breaking space (pasted from a web page or a word processor) is not a space to "
    "YAML: type an ordinary space instead"
)


#: A source's link written as Markdown, "url: [IRS](https://www.irs.gov/p575)".
_MARKDOWN_URL = re.compile(r"^\s*(?:-\s+)?url:\s*\[[^\]]*\]\(\s*(\S+?)\s*\)\s*$")
#: A list item typed without the space after its dash ("-after-tax vs Roth").
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?![-\s])(.+)$")


def dash_without_space(item: str, limit: int = 50) -> str:
    """What to write for a list item typed without the space after its dash: the item
    shown, its start when long (YAML may have joined the items below it into one text)."""
    item = item.split(" - ")[0].strip()
    shown = item if len(item) <= limit else item[: limit - 3].rstrip() + "..."
    return f"a list item starts with '- ', a dash and a space: write '- {shown}'"


def _cannot_start(char: str) -> str:
    """A value whose first character YAML reads as syntax (Markdown, a flair, a symbol)."""
    return f"invalid YAML: a value cannot start with '{char}': {_QUOTE_IT}"


def explain_yaml_error(exc: yaml.YAMLError, yaml_text: str, offset: int = 2) -> tuple[int, str]:
    """The line in the file and a plain-words message for a YAML error; ``offset`` turns
    YAML's 0-based line into the file's (2 in front matter: 1-based, plus the '---')."""
    problem = getattr(exc, "problem", None) or str(exc)
    problem = next((ours for pure, ours in _PURE_WORDS if problem.startswith(pure)), problem)
    context = getattr(exc, "context", None) or ""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    if context.startswith(_STARTED_EARLIER) and context_mark is not None:
        mark = context_mark
    line = mark.line + offset if mark is not None else offset
    if mark is not None:
        # (A non-breaking space after "- title:" makes that line one text: YAML notices on
        # the next line, where the item's "url:" follows.)
        for back in (0, 1):
            if _NBSP_SLIP.match(_line_at(yaml_text, mark.line - back)):
                return line - back, f"invalid YAML: {_NBSP}"
    if "cannot start any token" in problem and problem_mark is not None:
        # libyaml does not say which character: look it up.
        text_line = yaml_text.splitlines()[problem_mark.line : problem_mark.line + 1]
        char = text_line[0][problem_mark.column : problem_mark.column + 1] if text_line else ""
        if char == "\t":
            return line, "invalid YAML: a tab character: indent with spaces only"
        return line, _cannot_start(char)
    if context in _MARKUP_CONTEXTS or problem.startswith(_UNKNOWN_TAG):
        # "**Yes.**" and "&nbsp;" start an alias or anchor to YAML, "!important" a tag: a
        # value written as Markdown, HTML or emphasis, told in YAML's words otherwise.
        start = context_mark if context in _MARKUP_CONTEXTS else problem_mark
        at = _line_at(yaml_text, start.line)[start.column :] if start is not None else ""
        return line, _cannot_start(at[:1])
    if (context, problem) == _BLOCK_TEXT_AFTER_MARK and context_mark is not None:
        # "> quoted from a post" and "| a | table |" start a block text to YAML, whose
        # first line may hold only its marks: Markdown written as the value.
        at = _line_at(yaml_text, context_mark.line)[context_mark.column :]
        return line, _cannot_start(at[:1])
    if problem == _DASH_AFTER_KEY and problem_mark is not None:
        before = _line_at(yaml_text, problem_mark.line)[: problem_mark.column]
        if key := re.search(r"([\w-]+):\s*$", before):
            return line, (
                f"invalid YAML: a '- ' right after '{key[1]}:' on its line: write each list "
                f"item on a line of its own below it, or for a text, {_QUOTE_IT}"
            )
    if problem_mark is not None and (
        link := _MARKDOWN_URL.match(_line_at(yaml_text, problem_mark.line))
    ):
        # ("a value cannot start with '[': quote it", and quoted, the link was refused.)
        return line, (
            f"invalid YAML: write the address alone, not as a Markdown link: url: {link[1]} "
            "(the source's name goes in its title)"
        )
    if problem_mark is not None and (
        flow := _FLOW_THEN_TEXT.match(_line_at(yaml_text, problem_mark.line)[: problem_mark.column])
    ):
        # A forum title's flair first ("[Solved] ...", "{Update} ..."): a list or mapping
        # to YAML, then more text, which YAML words as bad indentation.
        return line, _cannot_start(flow["mark"])
    curly = mark is not None and _CURLY_START.match(_line_at(yaml_text, mark.line))
    if curly and "mapping values are not allowed" in problem:
        # (A word processor's quotes: the value looks quoted, and "quote it" would puzzle.)
        return line, f"invalid YAML: {CURLY}"
    if mark is not None:
        # "-after-tax vs Roth" under a list's "- " items: text to YAML, then "add the
        # missing colon", about a line that needed a space.
        for back in (0, 1):
            if dash := _DASH_NO_SPACE.match(_line_at(yaml_text, mark.line - back)):
                return line - back, f"invalid YAML: {dash_without_space(dash[2])}"
    indenting = "mapping values are not allowed" in problem or any(
        needle in problem or needle in context
        for needle, advice in _YAML_HELP
        if advice in (_INDENT, _LIST_ITEM)
    )
    if indenting and mark is not None and (outdented := _outdented_key(yaml_text, mark.line)):
        return outdented[0] + offset, f"invalid YAML: {outdented[1]}"
    if indenting and mark is not None and (misaligned := _misaligned_key(yaml_text, mark.line)):
        return line, f"invalid YAML: {misaligned}"
    for needle, advice in _YAML_HELP:
        if needle in problem or needle in context:
            if advice in (_INDENT, _LIST_ITEM) and mark is not None:
                # An apostrophe in a '...' text, or a quote never closed, reads as bad
                # indentation a line or two on: name the line with the quote instead.
                slip = _quote_slip(yaml_text.split("\n"), mark.line)
                if slip is not None:
                    return slip[0] + offset, f"invalid YAML: {slip[1]}"
            return line, f"invalid YAML: {advice}"
    return line, f"invalid YAML: {problem}"


#: Where a value or a list item starts: after a key, or a "- " (a quoted text's next line
#: has neither, and may start with a quote of its own).
_STARTS = r"^\s*(?:-\s+(?:[\w-]+:\s*)?|[\w-]+:\s*)"
#: A value or list item that is a closed [list] or {mapping} with text after it on its line.
_FLOW_THEN_TEXT = re.compile(_STARTS + r"(?P<mark>[\[{])[^\]}]*[\]}]\s*$")
#: A text in single quotes that ends before it does ("'I can't'"; "can''t" is the text's).
_CLOSED_EARLY = re.compile(_STARTS + r"'(?:[^']|'')*'(?!')\s*[^\s#:]")
#: The same in double quotes ('"laid off" with after-tax money').
_DOUBLE_CLOSED_EARLY = re.compile(_STARTS + r'"(?:[^"\\]|\\.)*"\s*[^\s#:]')
#: A value or list item that opens a quote, and the rest of its line.
_OPENS_QUOTE = re.compile(_STARTS + r"(?P<quote>['\"])(?P<rest>.*)$")
_ESCAPED = re.compile(r"\\.")
_QUOTED_START = (
    "a text that starts with \"...\" ends there for YAML: put the whole text in '...' instead"
)
_APOSTROPHE = (
    "a ' inside a text in '...' ends it early: write it twice (can''t), or put the "
    'text in "..." instead'
)
_NEVER_CLOSED = "a quote is opened here but never closed: close it"


#: A value or list item in a word processor's curly quotes, which YAML reads as letters.
CURLY_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab"
_CURLY_START = re.compile(_STARTS + f"[{CURLY_QUOTES}]")
CURLY = (
    "curly quotes (\u201c \u201d) are letters to YAML, not quotes: write straight ones "
    '(") around the value'
)


_KEY_LINE = re.compile(r"^( *)(?:- +)?([\w-]+):(?:\s|$)")


def _misaligned_key(yaml_text: str, index: int) -> str | None:
    """A nested 'key:' line indented unlike the key of the line above it ("url:" under
    "- title:" a space too far or too near): what to do. YAML words it as a colon inside
    a value, or as a list item, and the advice to quote it or add a '- ' did nothing."""
    lines = yaml_text.split("\n")
    this = _KEY_LINE.match(_line_at(yaml_text, index))
    above = next((line for line in reversed(lines[:index]) if line.strip()), "")
    that = _KEY_LINE.match(above)
    if this is None or that is None or this.group(1) == "" or "- " in this.group(0):
        return None
    if this.start(2) == that.start(2) or that.start(2) == 0:
        return None
    return (
        f"'{this[2]}:' does not line up with '{that[2]}:' on the line above: indent the two "
        "alike (or, if the colon belongs to the text above, put that text in quotes)"
    )


def _outdented_key(yaml_text: str, index: int) -> tuple[int, str] | None:
    """A list item's 'key:' line written at the first column ("url:" under "  - title:",
    "also:" under "- text:"): its 0-based line and what to do. YAML reads it as a field of
    its own, ending the list, and fails there or at the next item, where it told the
    moderator to quote a colon or to start the line with '- '."""
    lines = yaml_text.split("\n")
    if not 0 <= index < len(lines):
        return None
    here = _KEY_LINE.match(lines[index])
    at_key = here is not None and not here.group(1) and "- " not in here.group(0)
    above = [i for i in range(index if at_key else index - 1, -1, -1) if lines[i].strip()]
    if len(above) < 2:
        return None
    key, item = _KEY_LINE.match(lines[above[0]]), _KEY_LINE.match(lines[above[1]])
    if key is None or key.group(1) or "- " in key.group(0) or item is None or "- " not in item[0]:
        return None
    return above[0], (
        f"'{key[2]}:' starts at the first column, which ends the list above: indent it "
        f"{item.start(2)} spaces, like '{item[2]}:' above it, to keep it in that item"
    )


def _line_at(text: str, index: int) -> str:
    lines = text.split("\n")
    return lines[index] if 0 <= index < len(lines) else ""


_BLOCK_START = re.compile(r":\s*[>|][-+0-9]*\s*(?:#.*)?$")


def _in_block_text(lines: list[str], i: int) -> bool:
    """Is line ``i`` text of a ``key: >`` or ``key: |`` block (plain text, whatever its
    quotes or dashes)? The nearest line above it indented less says."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            # (A block's text may be indented further than its first line: climb on.)
            return bool(_BLOCK_START.search(line)) or _in_block_text(lines, j)
    return False


def _quote_slip(lines: list[str], at: int) -> tuple[int, str] | None:
    """The 0-based line, at or up to three lines above ``at``, whose quoting a YAML error
    there comes from, and what is wrong with it; None when no line looks like the cause."""
    for i in range(min(at, len(lines) - 1), max(at - 4, -1), -1):
        if _in_block_text(lines, i):
            continue
        if _CLOSED_EARLY.match(lines[i]):
            return i, _APOSTROPHE
        if _DOUBLE_CLOSED_EARLY.match(lines[i]):
            return i, _QUOTED_START
        opened = _OPENS_QUOTE.match(lines[i])
        if opened is None:
            continue
        quote, rest = opened["quote"], opened["rest"]
        # (In '...' a quote written twice is the text's; in "...", a backslash escapes.)
        rest = rest.replace("''", "") if quote == "'" else _ESCAPED.sub("", rest)
        # (A quoted text may go on over several lines: closed on one before the error's,
        # it was not the cause.)
        if quote not in rest and not any(quote in line for line in lines[i + 1 : at]):
            return i, _NEVER_CLOSED
    return None


_COMMENT_AFTER = re.compile(r"\s+(#\S+)")
_YAML_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_TEXT_TAG = "tag:yaml.org,2002:str"
#: Where the bot's writer wraps long texts (dump) and PyYAML's wrapped before.
WRAP_WIDTH = 100
_JOINED = (
    "this '- ' line is indented further than the item above, so YAML joins the two into one "
    "text: line its '- ' up with the one above"
)


def quiet_slips(node: yaml.Node | None, yaml_text: str) -> list[tuple[int, str]]:
    """Slips YAML reads without an error but not as meant, as (0-based line, message): a
    list item indented too far joins the text above ("a - b"), and "#2" or "#tag" after
    a space starts a comment that drops the rest of the line. (A comment written "# ..."
    is taken as meant.)"""
    # (YAML's own line breaks, as its marks count them.)
    lines = _YAML_BREAKS.split(yaml_text)
    found: list[tuple[int, str]] = []
    # (node, is it a list item): only there is a '- ' line taken for a slipped item; in a
    # text under a key, it may be a dash the writer meant.
    stack = [(node, False)] if node is not None else []
    while stack:
        current, listed = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack.extend((part, False) for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, True) for item in current.value)
        elif isinstance(current, yaml.ScalarNode) and not current.style:  # (plain: "" in libyaml)
            start, end = current.start_mark, current.end_mark
            for i in range(start.line + 1, min(end.line, len(lines) - 1) + 1):
                # (A line over WRAP_WIDTH before it was wrapped there by a YAML writer, the
                # bot's own (dump) included: not a slip.)
                wrapped = len(lines[i - 1]) > WRAP_WIDTH
                if listed and not wrapped and lines[i].lstrip().startswith("- "):
                    found.append((i, _JOINED))
            after = lines[end.line][end.column :] if end.line < len(lines) else ""
            # (Only in text: "updated: 2026-12-01 #TODO" is a comment after a date.)
            if current.tag == _TEXT_TAG and (comment := _COMMENT_AFTER.match(after)):
                # (A link's part of the page after a space: quoted, a link with a space in
                # it was refused next. The space goes.)
                fix = (
                    f"for a part of the page, write it without the space: "
                    f"{current.value}{comment[1][:30]}"
                    if re.match(r"https?://\S+$", current.value)
                    else _QUOTE_IT
                )
                found.append(
                    (
                        end.line,
                        f"'{comment[1][:30]}' and what follows is a YAML comment, left out of "
                        f"the text: {fix}",
                    )
                )
    # (YAML's lines are the file's: read_yaml refuses the separators an editor shows none
    # for, U+2028 and the like, before YAML reads the text.)
    return sorted(found)


_REPEATED = (
    "a YAML alias ('*name') repeats text anchored elsewhere ('&name'): write the text out "
    "where it is needed instead"
)


def _walk(node: yaml.Node) -> Iterator[yaml.Node]:
    """Every node under ``node`` (itself included), as reached: an alias's node again each
    time (stop at a repeat where there may be aliases)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _twice_in_an_item(root: yaml.MappingNode) -> tuple[int, str, int] | None:
    """The first key written twice in a mapping inside the front matter (a source item,
    say), as (file line, key, file line of the first): YAML keeps only the last, so a
    forgotten '- ' before a second source would silently lose the first."""
    found = []
    for mapping in _walk(root):
        if mapping is root or not isinstance(mapping, yaml.MappingNode):
            continue
        seen: dict[str, int] = {}
        for key_node, _ in mapping.value:
            key, line = str(key_node.value), key_node.start_mark.line + 2
            if key in seen:
                found.append((line, key, seen[key]))
            seen.setdefault(key, line)
    return min(found, default=None)


def _repeated_node(node: yaml.Node) -> yaml.Node | None:
    """The first node reached twice, else None. Only an alias repeats a node, and a walk
    that follows aliases can loop forever ("&a [*a]") or grow exponentially (aliases of
    aliases): FAQ files need neither, so none is read at all."""
    seen: set[int] = set()
    for current in _walk(node):
        if id(current) in seen:
            return current
        seen.add(id(current))
    return None


def _first_alias_line(text: str) -> int:
    """The 0-based line of the first alias ('*name'): a repeated node holds only where its
    anchor is, and the alias is what to write out."""
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line
    return 0  # (not reached: a node is repeated only through an alias)


#: Characters YAML refuses (control characters), and those it reads as line ends where an
#: editor shows none (U+0085, U+2028, U+2029): each shifted every line number after it,
#: and a control character was reported at the document's first line, over two lines. And
#: a byte order mark after the file's start (two files joined, the second saved by Windows
#: Notepad): YAML takes it for text, so its line's '- ' was no item, and was told as
#: 'list items each start with '- ' at the same indent' on a line that looks just so.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|(?!\A)\ufeff"
)


#: A list item's dash followed by a non-breaking space: valid YAML, but a text ("-\u00a0x"),
#: not an item, so the list read as one text and the advice was to "write a list".
_NBSP_ITEM = re.compile(r"^ *-\u00a0", re.MULTILINE)


def _unseen_slip(text: str, offset: int) -> FrontMatterError | None:
    """What YAML would misread or refuse where the writer sees nothing wrong: a dash and a
    non-breaking space, an invisible character."""
    if item := _NBSP_ITEM.search(text):
        return FrontMatterError(
            text.count("\n", 0, item.start()) + offset, f"invalid YAML: {_NBSP}"
        )
    found = _INVISIBLE.search(text)
    if found is None:
        return None
    char = found.group()
    name = "byte order mark" if char == "\ufeff" else unicodedata.name(char, "").lower()
    name = name or "a control character"
    column = found.start() - text.rfind("\n", 0, found.start())
    return FrontMatterError(
        text.count("\n", 0, found.start()) + offset,
        f"an invisible character (U+{ord(char):04X}, {name}) at column {column}, often "
        "pasted from a web page, a PDF or a word processor: delete it",
    )


def read_yaml(text: str, offset: int) -> tuple[yaml.Node | None, Any]:
    """One YAML document's node tree (for line numbers) and data. Raises FrontMatterError
    with the file's line (``offset`` as in explain_yaml_error) for anything YAML cannot
    read, aliases and values it cannot build ("!!int abc") included."""
    if problem := _unseen_slip(text, offset):
        raise problem
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is not None and _repeated_node(node) is not None:
            raise FrontMatterError(_first_alias_line(text) + offset, _REPEATED)
        return node, loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        line, message = explain_yaml_error(exc, text, offset=offset)
        raise FrontMatterError(line, message) from None
    except FrontMatterError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        # PyYAML lets Python's own errors out of some values ("!!bool maybe", a 5,000-digit
        # number): a line to fix, not a crash.
        raise _unbuildable(text, offset) from None
    finally:
        loader.dispose()


def _unbuildable(text: str, offset: int) -> FrontMatterError:
    """The problem for a document whose data PyYAML could not build: the first value it
    cannot build on its own, by line."""
    loader = YAML_LOADER(text)
    try:
        # (No alias repeats a node here: read_yaml refused those first.)
        scalars = [n for n in _walk(loader.get_single_node()) if isinstance(n, yaml.ScalarNode)]
        for scalar in sorted(scalars, key=lambda s: (s.start_mark.line, s.start_mark.column)):
            try:
                loader.construct_object(scalar)
            except Exception:  # (whatever it raises: this is the value to name)
                kind = scalar.tag.rpartition(":")[2]
                value = scalar.value if len(scalar.value) <= 30 else scalar.value[:27] + "..."
                tagged = f" (without the '!!{kind}' before it)" if f"!!{kind}" in text else ""
                return FrontMatterError(
                    scalar.start_mark.line + offset,
                    f"'{value}' is not a valid {kind} value: write it as text in quotes{tagged}",
                )
    finally:
        loader.dispose()
    return FrontMatterError(offset, "a value cannot be read: write values as plain text")


#: A merge conflict git left in a file (``<<<<<<< HEAD`` ... ``=======`` ... ``>>>>>>>
#: branch``, and ``|||||||`` before the base's text in diff3 style). The middle line alone
#: was missed once the others were deleted: members were shown both versions around it.
#: (Exactly seven '=' alone: Discord draws no heading underlined with '=' either.)
_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\|{7})(?: |$)|={7}$)", re.MULTILINE)
CONFLICT_MESSAGE = (
    "a merge conflict is left in the file (a '<<<<<<<', '=======' or '>>>>>>>' line): keep "
    "the right text and remove the marker lines"
)


def conflict_line(text: str) -> int | None:
    """The 1-based line of the first merge-conflict marker in ``text``, if any."""
    found = _CONFLICT.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


#: A '---' run together with the text of the line before or after it ("---The answer",
#: "updated: 2026-12-01---"): what a deleted line break leaves.
_GLUED = re.compile(r"^---\s*\S|\S---\s*$")
GLUED_MESSAGE = (
    "the '---' must be alone on its line: put what is joined to it on a line of its own "
    "(the front matter opens and closes with a line of just '---')"
)


def normalize_newlines(text: str) -> str:
    """``text`` with line feeds as its only line ends and no byte order mark."""
    # Lines end at line feeds only, as in YAML and editors: str.splitlines would also break
    # at form feeds and other separators pasted from PDFs, shifting every line number.
    # A byte order mark (some Windows editors add one) is not part of the text.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[list[str], int]:
    """The lines of ``text`` (normalized) and the index of the line closing its front
    matter: the YAML is ``lines[1:end]``, the body follows. Raises FrontMatterError."""
    text = normalize_newlines(text)
    if (line := conflict_line(text)) is not None:
        # (Before YAML reads it: YAML would call it a missing colon, the body no problem.)
        raise FrontMatterError(line, CONFLICT_MESSAGE)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not "".join(lines).strip():
        raise FrontMatterError(1, "the file is empty: an entry starts with a '---' line")
    if not lines or lines[0].rstrip() != "---":
        if _GLUED.match(lines[0]):
            raise FrontMatterError(1, GLUED_MESSAGE)
        raise FrontMatterError(1, "file must start with a '---' line opening the YAML front matter")
    try:
        # Only a '---' at the start of a line closes it: an indented one is YAML text.
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    except StopIteration:
        # (A line break deleted beside the closing '---': told where it is, not at line 1,
        # which is fine.)
        glued = next((i for i in range(1, len(lines)) if _GLUED.search(lines[i])), None)
        if glued is not None:
            raise FrontMatterError(glued + 1, GLUED_MESSAGE) from None
        raise FrontMatterError(1, "front matter is not closed by a second '---' line") from None
    return lines, end


def parse(text: str) -> ParsedFile:
    """Parse ``---``-delimited front matter. Raises FrontMatterError with a line number."""
    lines, end = split(text)
    yaml_text = "\n".join(lines[1:end])
    # Compose once: the node tree gives line numbers, constructing it gives the data.
    node, data = read_yaml(yaml_text, offset=2)
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a YAML mapping of 'key: value' lines")
    if slips := quiet_slips(node, yaml_text):
        raise FrontMatterError(slips[0][0] + 2, f"invalid YAML: {slips[0][1]}")
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in key_lines:  # YAML would silently keep only the last one
                raise FrontMatterError(
                    key_node.start_mark.line + 2,
                    f"'{key}' appears twice (also on line {key_lines[key]}): keep one",
                )
            key_lines[key] = key_node.start_mark.line + 2
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    key_lines[f"{key}[{i}]"] = item.start_mark.line + 2
                    # (A source's url is on the line below its title: its problem is told
                    # there, not at the item's first line.)
                    if isinstance(item, yaml.MappingNode):
                        for inner, _ in item.value:
                            name = f"{key}[{i}].{inner.value}"
                            key_lines.setdefault(name, inner.start_mark.line + 2)
        if twice := _twice_in_an_item(node):
            line, key, first = twice
            raise FrontMatterError(
                line,
                f"'{key}' appears twice in one item (also on line {first}): keep one, or "
                "start the next item with '- '",
            )
    rest = lines[end + 1 :]
    # The body starts at its first line with text (body_line points there).
    blank = next((i for i, line in enumerate(rest) if line.strip()), len(rest))
    body = "\n".join(rest[blank:]).rstrip("\n")
    return ParsedFile(
        data={str(k): v for k, v in data.items()},
        body=body,
        key_lines=key_lines,
        body_line=end + 2 + blank,
        closing_line=end + 1,
    )
