"""`rollover-bot ask`: answer a question from the FAQ (one, or a batch from stdin)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.cli.common import (
    add_faq_dir,
    fitted,
    json_text,
    serving_knowledge,
    unreadable_stdin,
)
from bot.cli.errors import CliError
from bot.cli.faq import one_line
from bot.small_talk import without_command
from bot.unseen import shows_nothing

if TYPE_CHECKING:  # the matcher's libraries load when a question is asked, not at start
    from calculators import CalcResult
    from knowledge.base import Fallback, KnowledgeBase
    from knowledge.matcher import Hit, MatchResult

MAX_QUESTION_CHARS = 4000
#: The most of a batch line repeated above its answer.
ECHO_WIDTH = 200


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ask",
        help="answer a question from the FAQ",
        description="Answer a question; with '-' read one question per line from stdin.",
    )
    parser.add_argument("question", help="the question in quotes, or '-' for one per stdin line")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    add_faq_dir(parser)
    parser.set_defaults(handler=handle)


def check_question(text: str, *, typed: bool = False) -> str | None:
    """Why a question cannot be asked, or None when it can. ``typed``: it came as the
    command's argument, where the shell's quoting is the usual slip (not a batch line)."""
    if not text.strip():
        return "the question is empty" + ("; type your question in quotes" if typed else "")
    if shows_nothing(text):  # (Discord takes it as empty too: see bot.unseen)
        return "the question is empty: it holds only characters that show nothing"
    if len(text) > MAX_QUESTION_CHARS:
        return (
            f"the question is {len(text):,} characters long; "
            f"please ask in {MAX_QUESTION_CHARS:,} characters or fewer"
        )
    return None


def calculator_text(question: str) -> str | None:
    """What the text answer says to a calculator's command typed as the question ("/split
    1000 5"), as the bot does in Discord: the FAQ has no answer to it, the calculator has
    (the JSON answer is the match, as the contract says). None for a question."""
    from calculators.catalog import CALCULATORS
    from calculators.typed import typed_command

    typed = typed_command(question)
    if typed is None:
        return None
    name = typed.name
    if typed.command_line:  # (the asker's own values, not the example's)
        return (
            f"That is the /{name} calculator, not a question: run {typed.command_line} "
            f"(--help lists its options), or /{name} in Discord."
        )
    refused = f" ({typed.refused})" if typed.refused else ""
    return (
        f"That is the /{name} calculator, not a question{refused}: run rollover-bot calc "
        f"{name} with its values, e.g. {CALCULATORS[name].cli_example} (--help lists them), "
        f"or /{name} in Discord."
    )


def _hit(hit: Hit) -> dict[str, Any]:
    return {"id": hit.id, "title": hit.title, "score": hit.score}


def example_for(kb: KnowledgeBase, result: MatchResult) -> tuple[str, CalcResult] | None:
    """The worked example of the asker's numbers under an answer, if the question has them."""
    from bot.worked_example import worked_example

    if not result.answered or result.best is None:
        return None
    return worked_example(kb.entries[result.best.id], result.question)


def note_for(kb: KnowledgeBase, result: MatchResult) -> str | None:
    """The line on the years of the answer's figures, if the question asks about a year
    the limits table has none for (bot/year_note.py)."""
    from bot.year_note import year_note

    if not result.answered or result.best is None:
        return None
    return year_note([kb.entries[h.id] for h in (result.best, *result.also)], result.question)


def result_json(
    result: MatchResult,
    error: str | None = None,
    kb: KnowledgeBase | None = None,
    fallback: Fallback | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "question": result.question,
        "answered": result.answered,
        "best": _hit(result.best) if result.best else None,
        "suggestions": [_hit(h) for h in result.suggestions],
        "also": [_hit(h) for h in result.also],
        "off_topic": result.off_topic,
        # Answered from the last complete FAQ while a file is broken (a script reads no
        # stderr warning): how many problems, and when that version was saved.
        "fallback": None
        if fallback is None
        else {
            "problems": len(fallback.problems),
            "saved": fallback.saved.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        },
    }
    note = note_for(kb, result) if kb is not None else None
    if note is not None:
        data["year_note"] = note
    example = example_for(kb, result) if kb is not None else None
    if example is not None:
        command, calc = example
        data["worked_example"] = {"command": command, "calculator": calc.name} | calc.to_json()
    if result.reason:
        data["reason"] = result.reason
    if error:
        data["error"] = error
    return data


def answer_text(kb: KnowledgeBase, result: MatchResult, width: int = 88) -> str:
    """The answer as a terminal shows it, its paragraphs wrapped at ``width``."""
    from bot import terminal
    from bot.worked_example import LABEL
    from calculators.base import NOT_TAX_ADVICE
    from calculators.report import render_text

    if not result.answered or result.best is None:
        tuning = kb.matcher.tuning
        outside = result.looks_off_topic(tuning.off_topic_threshold)
        # Those Discord offers a member who asked: "(contribution-limits, score 9)" under
        # an HSA question invited a click on noise (the JSON keeps them all).
        close = result.plausible(tuning.plausible_threshold)
        return terminal.render_suggestions(replace(result, suggestions=close), outside=outside)
    # The not-tax-advice line once, under the answers and the asker's numbers: each part
    # ended with its own, so a question stating amounts printed it twice.
    text = terminal.render_layout(kb.layout(result.best.id), width, footer=False)
    note = note_for(kb, result)
    if note is not None:
        text += f"\n\n{terminal.wrap(note, width)}"
    example = example_for(kb, result)
    if example is not None:
        command, calc = example
        text += f"\n\n{LABEL} ({command}):\n{render_text(calc, width, disclaimer=False)}"
    # A post that asks other things too: their answers, short as Discord posts them.
    for hit in result.also:
        text += f"\n\n{terminal.render_layout(kb.short(hit.id), width, footer=False)}"
    text += f"\n\n{NOT_TAX_ADVICE}"
    # Only plausible ones (Discord's menu shows the same), and none the Related list just
    # above already names (Discord keeps those in its menu: there they are one click away),
    # nor one answered above.
    related = set(kb.entries[result.best.id].related) | {h.id for h in result.also}
    close = result.plausible(kb.matcher.tuning.plausible_threshold)
    others = terminal.render_others(tuple(h for h in close if h.id not in related))
    return f"{text}\n\n{others}" if others else text


def _one(kb: KnowledgeBase, question: str) -> tuple[MatchResult, str | None]:
    from knowledge.matcher import MatchResult

    # ("/faq pro-rata", as Discord's text path reads it: the words after the command; with
    # it, the word "faq" matched the entry on the IRS's rollover FAQ.)
    asked = without_command(question)
    problem = check_question(asked)
    if problem:
        return MatchResult(question, False, None, (), problem), problem
    return replace(kb.ask(asked), question=question), None


def _readable(text: str) -> str:
    """``text`` with bytes that were not UTF-8 as U+FFFD: Python keeps them in an argument
    as lone surrogates, which no UTF-8 output (JSON included) can carry."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _stdin_lines() -> Iterator[str]:
    """Standard input line by line, read as UTF-8 whatever the locale, a byte that is not
    UTF-8 read as U+FFFD (one bad line must not stop the batch), without line ends and
    without the byte order mark an editor may put before the first line."""
    raw = getattr(sys.stdin, "buffer", None)
    lines = (b.decode("utf-8", "replace") for b in raw) if raw is not None else sys.stdin
    for number, line in enumerate(lines):
        yield (line.removeprefix("\ufeff") if number == 0 else line).rstrip("\r\n")


def handle(args: argparse.Namespace) -> int:
    question = _readable(args.question)
    if question != "-":
        problem = check_question(question, typed=True)
        if problem:  # said at once, before the FAQ loads
            raise CliError(problem)
    if question == "-" and (why := unreadable_stdin()) is not None:
        raise CliError(f"{why}; give the questions on it, one per line")
    if not args.json and (hint := calculator_text(question)) is not None:
        print(hint)  # (said at once, as the bot does: no FAQ to load for it)
        return 0
    kb, fallback = serving_knowledge(args)
    if question == "-":
        for question in _stdin_lines():
            result, problem = _one(kb, question)
            if args.json:
                data = result_json(result, problem, kb, fallback)
                print(json_text(data), flush=True)
            else:
                shown = (
                    f"error: {problem}"
                    if problem
                    else calculator_text(question) or fitted(partial(answer_text, kb, result))
                )
                # (escaped: a line's escape sequence is shown, not obeyed by the terminal)
                print(f"> {one_line(question, ECHO_WIDTH)}\n{shown}\n")
        return 0
    result, problem = _one(kb, question)
    if problem:
        raise CliError(problem)
    if args.json:
        print(json_text(result_json(result, kb=kb, fallback=fallback)))
    else:
        print(fitted(partial(answer_text, kb, result)))
    return 0
