"""Example questions the matcher learns from: plain YAML files moderators read and edit.

``knowledge/faq/examples/<entry-id>.yaml`` lists real questions that entry answers;
``knowledge/faq/examples/_off-topic.yaml`` lists questions the bot should leave alone. Each
file is a YAML list of items:

    - text: "Does the pro-rata rule apply to my after-tax 401k rollover?"
      also: [irs-partial-distribution-faq]   # other entries that answer it too (optional)
      source: https://...                     # where it was asked (optional)

A file with problems is reported as ``path:line: message`` like an FAQ file, and loading is
all-or-nothing, so a broken examples file never leaves a half-trained matcher.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, ValidationError

from knowledge import normalize
from knowledge.frontmatter import (
    CONFLICT_MESSAGE,
    FrontMatterError,
    conflict_line,
    dump,
    quiet_slips,
    read_yaml,
    unreal_dates,
)
from knowledge.loader import (
    MAX_EXAMPLES_BYTES,
    Problem,
    field_place,
    not_a_file,
    not_utf8,
    plain_words,
    read_utf8,
    too_large,
)
from knowledge.model import EntryId, FaqEntry

EXAMPLES_DIR = "examples"
OFF_TOPIC = "_off-topic"
MAX_TEXT = 4000
#: Example questions the folder may hold in all. Training compares every pair, so its
#: memory grows with the square of the count: a process peaked at 0.28 GB with the shipped
#: 1,364, 0.58 GB with 3,000 and 1.23 GB with 5,000 (and 28 GB would be needed for 61,000).
MAX_EXAMPLES = 4000


class ExampleItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=3, max_length=MAX_TEXT)
    ]
    also: list[EntryId] = Field(default_factory=list)
    source: HttpUrl | None = None
    note: str | None = None
    #: Written for the project in bulk (forum-style posts), not asked by anyone: evidence
    #: for the matcher, but the ranker's scores are fitted on the other examples.
    written: bool = False


_ALLOWED = ", ".join(ExampleItem.model_fields)
_OPTIONAL = frozenset(n for n, f in ExampleItem.model_fields.items() if not f.is_required())


@dataclass(frozen=True)
class Example:
    """One labelled question: the entries that answer it (empty: off-topic)."""

    text: str
    ids: tuple[str, ...]
    path: str = ""
    line: int = 0
    #: See ExampleItem.written.
    written: bool = False
    #: An entry's own title or alias standing in for the questions it lacks (stand_ins):
    #: evidence for the matcher, never a question its scores are fitted on.
    stand_in: bool = False

    @property
    def off_topic(self) -> bool:
        return not self.ids


def examples_dir(faq_dir: Path) -> Path:
    return faq_dir / EXAMPLES_DIR


#: Where each field of an item is, by name ("also", and "also[1]" for its second id).
FieldLines = tuple[tuple[str, int], ...]


def _field_lines(item: yaml.Node) -> FieldLines:
    """The 1-based line of each field of a '- text: ...' item and of each id under 'also':
    a problem in a long item is told where it is, not at the item's first line."""
    if not isinstance(item, yaml.MappingNode):
        return ()
    lines: list[tuple[str, int]] = []
    for key, value in item.value:
        lines.append((str(key.value), key.start_mark.line + 1))
        if isinstance(value, yaml.SequenceNode):
            lines += [
                (f"{key.value}[{i}]", one.start_mark.line + 1) for i, one in enumerate(value.value)
            ]
    return tuple(lines)


def _items(text: str) -> tuple[list[tuple[int, FieldLines, Any]], list[tuple[int, str]]]:
    """The file's list items with their lines (the item's and its fields'), or the problem
    (line, message) that stops reading it."""
    if (line := conflict_line(text)) is not None:
        return [], [(line, CONFLICT_MESSAGE)]
    try:
        node, data = read_yaml(text, offset=1)
    except FrontMatterError as exc:
        return [], [(exc.line, exc.message)]
    if data is None:
        # (Emptied by a bad save or a cut too many, a file's questions were gone without a
        # word: the matcher retrained on the rest, and "ok" said nothing of it.)
        return [], [(1, _NO_ITEMS)]
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        return [], [(1, "an examples file is a YAML list of '- text: ...' items")]
    lines = [item.start_mark.line + 1 for item in node.value]
    # YAML keeps the last of two equal keys without a word: say so, as front matter does,
    # with the likelier slip too ("keep one" alone cost a moderator the example whose "- "
    # was missing).
    twice = [
        (
            key.start_mark.line + 1,
            f"'{key.value}' appears twice in one item (also on line "
            f"{first.start_mark.line + 1}): keep one, or start the next item with '- '",
        )
        for item in node.value
        if isinstance(item, yaml.MappingNode)
        for n, (key, _) in enumerate(item.value)
        for first in [next((e for e, _ in item.value[:n] if e.value == key.value), None)]
        if first is not None
    ]
    if twice:
        return [], twice
    if slips := quiet_slips(node, text):
        return [], [(line + 1, f"invalid YAML: {message}") for line, message in slips]
    fields = [_field_lines(item) for item in node.value]
    return list(zip(lines, fields, data, strict=True)), []


_NO_ITEMS = (
    "the file holds no questions (emptied by mistake?): restore them, write [] for an entry "
    "with none yet, or delete the file"
)
_ITEM_SHAPE = (
    "write each example as '- text: the question' (or the question alone after '- ', in "
    "quotes if it is a number or a date)"
)


@lru_cache(maxsize=512)
def _parse_text(
    text: str,
) -> tuple[tuple[tuple[int, FieldLines, ExampleItem], ...], tuple[tuple[int, str], ...]]:
    """A file's items, parsed and checked on their own (not yet against the entries), and
    its problems by line. Cached by content alone: a reload after one edit re-reads every
    file, and a copy of the folder elsewhere (a deploy, a moderator's checkout, the tests'
    copies) holds the same texts; parsing them again was most of the reading time."""
    raw_items, problems = _items(text)
    items = []
    for line, fields, raw in raw_items:
        if not isinstance(raw, str | dict):  # ("- - text: ..." or "- 2026")
            problems.append((line, _ITEM_SHAPE))
            continue
        if unreal := unreal_dates(raw, 1):
            problems += unreal
            continue
        try:
            item = ExampleItem.model_validate({"text": raw} if isinstance(raw, str) else raw)
            items.append((line, fields, item))
        except ValidationError as exc:
            for err in exc.errors():
                where = field_place(tuple(err["loc"])) or "item"
                at = _error_line(err["loc"], fields, line)
                if err["type"] == "extra_forbidden":
                    message = f"unknown field '{where}' (allowed: {_ALLOWED})"
                elif err["type"] == "missing":
                    message = f"missing required field '{where}'"
                else:
                    shown = text.split("\n")[at - 1] if at > 0 else ""
                    message = f"{where}: {plain_words(err, _OPTIONAL, shown)}"
                problems.append((at, message))
    return tuple(items), tuple(problems)


def _error_line(loc: tuple[Any, ...], fields: FieldLines, item_line: int) -> int:
    """The line of the field (or the id under 'also') a validation error is about."""
    at = dict(fields)
    if len(loc) > 1 and f"{loc[0]}[{loc[1]}]" in at:
        return at[f"{loc[0]}[{loc[1]}]"]
    return at.get(str(loc[0]), item_line) if loc else item_line


#: Read as no examples, a broken 'examples' would retrain the matcher on nothing and
#: replace the last-good copy with that.
_NOT_A_FOLDER = (
    "'examples' is not a folder, or a link to one that is gone: fix or remove it (the FAQ "
    "keeps answering as before meanwhile)"
)


def read_examples(
    faq_dir: Path, entry_ids: set[str], replaced: tuple[Path, str] | None = None
) -> tuple[list[Example], list[Problem]]:
    """Every example in the folder's ``examples/`` (none when it does not exist). With
    ``replaced`` (a file and a text), the folder as it would be with that text written
    there: what an edit is checked against before it is written."""
    folder = examples_dir(faq_dir)
    try:
        # (Listed, not globbed: glob skips a folder it cannot read without a word.) Hidden
        # files are an editor's or a system's, not a moderator's: Emacs's lock while a file
        # is edited (.#three-buckets.yaml), macOS's ._three-buckets.yaml on a shared drive.
        listed = {
            p for p in folder.iterdir() if p.name.endswith(".yaml") and not p.name.startswith(".")
        }
    except FileNotFoundError:
        if os.path.lexists(folder):  # a link to a folder that is gone (or a link loop)
            return [], [Problem(str(folder), 0, _NOT_A_FOLDER)]
        listed = set()  # no examples folder: no examples
    except NotADirectoryError:
        return [], [Problem(str(folder), 0, _NOT_A_FOLDER)]
    except OSError as exc:
        return [], [Problem(str(folder), 0, f"cannot read the folder: {exc.strerror or exc}")]
    examples: list[Example] = []
    problems: list[Problem] = []
    paths = listed | ({replaced[0]} if replaced else set())
    for path in sorted(paths):
        shown = str(path)
        stem = path.stem
        if stem != OFF_TOPIC and stem not in entry_ids:
            problems.append(Problem(shown, 1, _unknown_name(stem, entry_ids, paths)))
            continue
        given = replaced[1] if replaced and path == replaced[0] else None  # (not on disk yet)
        if given is None and (odd := not_a_file(path) or too_large(path, MAX_EXAMPLES_BYTES)):
            problems.append(odd)
            continue
        try:
            text = given if given is not None else read_utf8(path)
        except UnicodeDecodeError as exc:
            problems.append(not_utf8(path, exc))
            continue
        except OSError as exc:
            problems.append(Problem(shown, 1, f"cannot read the file ({exc.strerror})"))
            continue
        items, file_problems = _parse_text(text)
        problems += [Problem(shown, line, message) for line, message in file_problems]
        for line, fields, item in items:
            at = dict(fields)
            unknown = [(n, i) for n, i in enumerate(item.also) if i not in entry_ids]
            problems += [
                Problem(shown, at.get(f"also[{n}]", line), f"also: no FAQ entry {i!r}")
                for n, i in unknown
            ]
            if unknown:
                continue
            if stem == OFF_TOPIC and item.also:
                problems.append(
                    Problem(shown, line, "an off-topic example cannot also name entries")
                )
                continue
            ids = () if stem == OFF_TOPIC else (stem, *[i for i in item.also if i != stem])
            examples.append(Example(item.text, ids, shown, line, item.written))
    problems += _conflicts(examples)
    if len(examples) > MAX_EXAMPLES:
        biggest, held = Counter(e.path for e in examples).most_common(1)[0]
        problems.append(
            Problem(
                biggest,
                1,
                f"the examples files hold {len(examples):,} questions in all, more than the "
                f"{MAX_EXAMPLES:,} the matcher can learn from (training compares every pair of "
                f"them); this file holds {held:,}: keep the ones that teach a new phrasing",
            )
        )
    return examples, sorted(problems)


def _unknown_name(stem: str, entry_ids: set[str], paths: set[Path]) -> str:
    """What to do with an examples file named after no entry. Its questions go into the
    off-topic file, not the file onto it: "or '_off-topic.yaml'" was followed by renaming a
    retired entry's file, which replaced the 670 off-topic questions with its 17."""
    meant = _meant_name(stem, entry_ids)
    into = f"move its questions into '{OFF_TOPIC}.yaml' (added to those there)"
    if meant == OFF_TOPIC and any(p.stem == OFF_TOPIC for p in paths):
        return f"no FAQ entry '{stem}': {into}; renaming it would replace that file"
    if meant:
        return (
            f"no FAQ entry '{stem}': rename it to '{meant}.yaml' (names are lowercase with "
            "dashes, as ids are)"
        )
    return (
        f"no FAQ entry '{stem}': name the file after an entry id, or, for questions the bot "
        f"should leave alone, {into}"
    )


def _meant_name(stem: str, entry_ids: set[str]) -> str | None:
    """The entry (or the off-topic file) a misnamed examples file is for, when its name
    differs only by case, '_' or spaces for dashes: 'Three-Buckets.yaml' (a Windows
    editor's capitals), 'three_buckets.yaml', 'off-topic.yaml'."""
    words = [w for w in re.split(r"[-_\s]+", stem.lower()) if w]
    guess = "-".join(words)
    if guess in entry_ids:
        return guess
    return OFF_TOPIC if guess == OFF_TOPIC.lstrip("_") or words == ["offtopic"] else None


def is_empty_list(text: str) -> bool:
    """Does the text read as an empty YAML list ("[]", "[ ]  # none yet", "---\n[]"), which
    items appended below would not extend?"""
    try:
        _, data = read_yaml(text, offset=1)
    except FrontMatterError:
        return False
    return data == []


#: Typographic quotes as the straight ones a keyboard types: phones type "what’s".
_STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201b\u2032\u201c\u201d\u201f\u2033", "''''\"\"\"\"")


#: What YAML writes only as an escape ("\a", "\e[31m", "\uFEFF"): control characters other
#: than line ends (frontmatter.plain_line_ends makes those line feeds), and the byte order
#: mark. A space each, as the matcher reads them.
_ESCAPED_IN_YAML = {
    c: " " for c in (*range(0x20), *range(0x7F, 0xA0), 0xFEFF) if c not in (0x0A, 0x0D, 0x85)
}


def as_written(question: str) -> str:
    """A question as an examples file holds it: a member's question holding a control
    character (a terminal's colour code pasted along, a bell) was written as a YAML escape,
    codes nobody typed in a file moderators review, and that the validator refuses raw."""
    return question.translate(_ESCAPED_IN_YAML)


def question_key(text: str) -> str:
    """Case, spacing, curly or straight quotes and end punctuation ("What’s a 403b?" is
    "what's a 403b") set aside: when two texts are the same question. (A control
    character is a space: the question asked again with it is the one written without.)"""
    return " ".join(as_written(text).translate(_STRAIGHT_QUOTES).casefold().split()).strip(" ?!.")


#: question_key, cached: every load checks every example, and the texts are mostly the same
#: from one load to the next. (Questions asked are keyed uncached: up to 4,000 characters
#: each, rarely met again.)
same_question_key = lru_cache(maxsize=20_000)(question_key)


def _conflicts(examples: list[Example]) -> list[Problem]:
    """The same question both on-topic and off-topic teaches the matcher nothing."""
    seen: dict[str, Example] = {}
    problems = []
    for example in examples:
        key = same_question_key(example.text)
        other = seen.setdefault(key, example)
        if other is not example and other.off_topic != example.off_topic:
            # Told in both files: which was just edited is not known, and the off-topic
            # file comes first by name, so it was never the one told.
            problems += [
                Problem(
                    one.path,
                    one.line,
                    f"the same question is {'off-topic here' if one.off_topic else 'filed here'}"
                    f" and {'off-topic' if two.off_topic else 'filed under an entry'} in "
                    f"{two.path}:{two.line}: keep one",
                )
                for one, two in ((example, other), (other, example))
            ]
    return problems


#: An entry with fewer example questions than this also learns from its own title and first
#: STAND_IN_ALIASES aliases (a new entry, or one with its first few examples): for at most
#: STAND_IN_ENTRIES entries, since hundreds (a FAQ imported in bulk) would multiply the
#: training's cost.
STAND_IN_BELOW = 10
STAND_IN_ENTRIES = 50
STAND_IN_ALIASES = 8


#: The ranker's weights are fitted on at least this many example questions; with fewer it
#: is not fitted and the lexical score stands in. A few questions fit its twenty-odd weights
#: to themselves and it reads 99 for anything near them: trained on 10-30 of the shipped
#: examples drawn at random (six draws each), it answered 7-10% of our real held-out posts
#: wrongly on average and 18-23% in the worst draw; on 63-78, 3.0% and at most 4.7%.
MIN_TRAINING_QUESTIONS = 60


def fitted_examples(examples: Sequence[Example]) -> list[int]:
    """Which examples the ranker's scores are fitted on: those not written in bulk for the
    project (written posts, one hand's phrasings of a topic, look surer against each other
    than real questions ever do) when there are enough of them; else the written ones too,
    so that a FAQ written in bulk goes on learning when its first real questions come.
    Never an entry's own title or alias standing in for questions (see stand_ins)."""
    asked = [j for j, e in enumerate(examples) if not e.written]
    if len(asked) >= MIN_TRAINING_QUESTIONS:
        return asked
    return [j for j, e in enumerate(examples) if not e.stand_in]


#: What a FAQ the ranker is not fitted for does instead, and what to do.
_UNLEARNED = (
    "questions are matched by their wording alone, which answers few of them (suggestions "
    "instead); add real questions people asked to"
)


def too_few_to_learn(folder: Path, examples: Sequence[Example]) -> list[Problem]:
    """The notice for a FAQ with some example questions but fewer than the ranker needs,
    or with only off-topic ones: a moderator who added them expects them to teach, and
    they do not yet."""
    chosen = fitted_examples(examples)
    fitted = len(chosen)
    if fitted >= MIN_TRAINING_QUESTIONS and not any(examples[j].ids for j in chosen):
        # (The shipped off-topic file copied to a new FAQ: hundreds of questions, but no
        # right answer among them, so the ranker is not fitted on them either.)
        return [
            Problem(
                str(examples_dir(folder)),
                0,
                f"the {fitted} example questions to learn from are all off-topic: the matcher "
                "learns from the questions filed under entries, so until entries have some, "
                f"{_UNLEARNED} the entries' examples files",
            )
        ]
    if not 0 < fitted < MIN_TRAINING_QUESTIONS:
        return []
    return [
        Problem(
            str(examples_dir(folder)),
            0,
            f"{fitted} example question{'' if fitted == 1 else 's'} to learn from, fewer "
            f"than the {MIN_TRAINING_QUESTIONS} the matcher needs: until then "
            f"{_UNLEARNED} the examples files",
        )
    ]


def no_off_topic(folder: Path, examples: Sequence[Example]) -> list[Problem]:
    """The notice for a FAQ whose examples name entries but hold no off-topic question: no
    verdict on which posts to leave alone is learned, so the bot replies under nearly every
    post off its subject (98% of our real held-out ones, the shipped FAQ without the file)."""
    asked = [e for e in examples if not e.stand_in]
    if not asked or any(e.off_topic for e in asked):
        return []
    path = examples_dir(folder) / f"{OFF_TOPIC}.yaml"
    return [
        Problem(
            str(path),
            0,
            "no off-topic example questions: the matcher cannot learn which posts to leave "
            "alone, so it replies (with suggestions) under nearly every post off the FAQ's "
            f"subject; add questions people asked here that the FAQ should not answer to "
            f"{path.name}",
        )
    ]


def few_examples(entries: Iterable[FaqEntry], examples: Sequence[Example]) -> list[FaqEntry]:
    """The entries with fewer than STAND_IN_BELOW example questions (a new entry)."""
    count = Counter(entry_id for example in examples for entry_id in example.ids)
    return [entry for entry in entries if count[entry.id] < STAND_IN_BELOW]


def stand_ins(few: Sequence[FaqEntry], examples: Sequence[Example]) -> list[Example]:
    """Example questions for the entries with few or none yet (``few``, from few_examples):
    their own title and first aliases, so that a new entry can be ranked at all before
    moderators add real questions (the ranker learns entries from their examples), and is
    not ranked lower once its first few are added. None when there are no examples at all:
    the ranker would then be fitted on nothing but titles, which look surer than questions
    ever do."""
    if not any(example.ids for example in examples) or len(few) > STAND_IN_ENTRIES:
        return []
    return [
        Example(phrase, (entry.id,), written=True, stand_in=True)
        for entry in few
        for phrase in dict.fromkeys((entry.title, *entry.aliases[:STAND_IN_ALIASES]))
    ]


def merge_repeats(examples: list[Example]) -> tuple[list[Example], list[Problem]]:
    """A question written again (under another entry, or twice under one) counts once,
    answered by every entry it was written under, as 'also' would say. Each repeat is a
    notice, not a problem: add_example refuses to write one, but a folder that has one
    by hand still loads."""
    first: dict[str, int] = {}
    merged: list[Example] = []
    notices: list[Problem] = []
    for example in examples:
        key = same_question_key(example.text)
        at = first.setdefault(key, len(merged))
        if at == len(merged):
            merged.append(example)
            continue
        kept = merged[at]
        if kept.off_topic != example.off_topic:
            merged.append(example)  # a problem already (see _conflicts): not merged
            continue
        added = [i for i in example.ids if i not in kept.ids]
        merged[at] = replace(kept, ids=(*kept.ids, *added))
        advice = (
            "it counts once, for both; keep one and name the other entry under 'also'"
            if added
            else "keep one"
        )
        notices.append(
            Problem(
                example.path,
                example.line,
                f"the same question is already an example at {kept.path}:{kept.line}: {advice}",
            )
        )
    return merged, notices


def name_clashes(entries: Iterable[FaqEntry], examples: Sequence[Example]) -> list[Problem]:
    """Examples worded as another entry's title or alias (as the matcher compares them:
    case, punctuation and "401(k)" against "401k" aside). The example decides what that
    question gets, so the title or alias no longer leads to its own entry. Notices, not
    problems: a moderator may mean to send that phrasing elsewhere."""
    named: dict[str, tuple[str, str]] = {}
    for entry in entries:
        named.setdefault(normalize.phrase_key(entry.title), (entry.id, "title"))
        for alias in entry.aliases:
            named.setdefault(normalize.phrase_key(alias), (entry.id, "alias"))
    # (Longer texts cannot be a title or alias; keying every long post would cost time.)
    longest = 2 * max((len(k) for k in named), default=0) + 20
    notices = []
    for example in examples:
        if example.stand_in or len(example.text) > longest:
            continue
        owner = named.get(normalize.phrase_key(example.text))
        if owner is None or owner[0] in example.ids:
            continue
        entry_id, what = owner
        gets = f"{example.ids[0]!r}" if example.ids else "no answer (off-topic)"
        notices.append(
            Problem(
                example.path,
                example.line,
                f"these words are {'the title' if what == 'title' else 'an alias'} of "
                f"{entry_id!r}, but asked word for word they get {gets} from this example: "
                f"remove the example or reword the {what}",
            )
        )
    return notices


def render_examples(items: list[dict[str, Any]]) -> str:
    """The text of an examples file (used when moderators add examples from Discord)."""
    return dump(items)
