"""What the moderator log says: edits field by field, long texts split, the digest."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.mod_log import MESSAGE_LIMIT, _chunks, digest_text, duration, edit_text, gave_up_text
from tests.faq_factory import entry_text


def test_an_edit_shows_only_what_changed() -> None:
    before = entry_text("roth-split", body="First line.\nSecond line.")
    after = entry_text(
        "roth-split",
        body="First line.\nA better second line.",
        title="Splitting basis and earnings?",
        aliases=["how does roth split work", "basis to roth, earnings to ira"],
    )
    text = edit_text("Mod", "roth-split", before, after)
    assert text.startswith("**Mod** edited `roth-split`:")
    assert "- title: Question about roth split?" in text
    assert "+ title: Splitting basis and earnings?" in text
    assert "+ aliases: basis to roth, earnings to ira" in text
    assert "-Second line." in text and "+A better second line." in text
    assert "keywords" not in text and "sources" not in text  # unchanged fields stay out


def test_a_new_entry_and_an_unchanged_save() -> None:
    text = entry_text("roth-split")
    assert "created `roth-split`" in edit_text("Mod", "roth-split", None, text)
    assert "(no change in content)" in edit_text("Mod", "roth-split", text, text)


def test_a_long_edit_is_one_message_with_its_diff_in_one_block() -> None:
    """Split across messages, a code block loses its fences, and the rest of the diff
    (masked links, headings, fences typed in the text) would show as formatted text."""
    line = "[click me](https://example.invalid) # heading ``` " * 3
    before = entry_text("roth-split", body="\n".join(f"old {n} {line}" for n in range(25)))
    after = entry_text("roth-split", body="\n".join(f"new {n} {line}" for n in range(25)))
    text = edit_text("M" * 80, "roth-split", before, after)
    assert len(_chunks(text)) == 1
    assert text.count("```") == 2 and text.endswith("more lines\n```")
    assert "old 0 [click me]" in text


def test_long_logs_are_split_at_discords_limit() -> None:
    lines = [f"path.md:{n}: something is wrong here" for n in range(300)]
    chunks = _chunks("\n".join(lines))
    assert len(chunks) > 1 and all(len(c) <= MESSAGE_LIMIT for c in chunks)
    assert "\n".join(chunks).splitlines() == lines


def test_digest_counts_by_kind_and_stays_quiet_when_empty() -> None:
    assert digest_text({}) is None
    text = digest_text({"miss": 2, "unanswered": 5})
    assert text is not None and "7 items (2 not what I asked, 5 unanswered)" in text
    # one of a kind is said as one: it read "1 items (1 unsure answers)"
    one = digest_text({"shaky": 1})
    assert one is not None and one.startswith("**Review queue:** 1 item (1 unsure answer).")
    two = digest_text({"shaky": 2, "taught": 1})
    assert two is not None and "3 items (2 unsure answers, 1 taught by a member)" in two


def test_digest_names_the_entries_marked_not_helpful_most_first_and_counts_the_rest() -> None:
    one = digest_text({}, [("What is a *mega* backdoor?", 1)])
    assert one == (
        "**Marked not helpful** in the last 24 hours: 1 vote, on What is a \\*mega\\* "
        "backdoor? (1). `/faq-admin stats` shows every entry's votes."
    )
    many = [(f"Entry {n}", 7 - n) for n in range(7)]
    text = digest_text({"miss": 1}, many)
    assert text is not None
    queue, votes = text.splitlines()
    assert queue.startswith("**Review queue:** 1 item (1 not what I asked)")
    assert "28 votes, on Entry 0 (7), Entry 1 (6), Entry 2 (5), Entry 3 (4), Entry 4 (3)" in votes
    assert "Entry 5" not in votes and votes.endswith(
        "and 2 more entries. `/faq-admin stats` shows every entry's votes."
    )


def test_many_problems_stay_in_one_message_with_whole_lines_and_a_count() -> None:
    """A reload refused for many files: one message whose code block keeps its fences
    (a block cut across two messages loses them), whole lines, and how many were left out."""
    import datetime as dt

    from bot.app import ReloadResult
    from bot.mod_log import fallback_text, reload_text
    from knowledge.base import Fallback
    from knowledge.loader import Problem

    problems = [Problem(f"faq/entry-{n}.md", 3, "x" * 60) for n in range(200)]
    saved = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
    for text in (
        reload_text(ReloadResult(False, problems=problems), "test"),
        fallback_text(Fallback(problems, saved)),
    ):
        assert text is not None and len(_chunks(text)) == 1
        assert text.count("```") == 2
        block = text.split("```")[1].strip("\n").splitlines()
        assert block[:-1] == [str(p) for p in problems[: len(block) - 1]]  # whole lines
        assert block[-1] == f"... and {200 - len(block) + 1} more: run 'rollover-bot faq validate'"


def test_a_long_problem_line_is_cut_visibly() -> None:
    from bot.app import ReloadResult
    from bot.mod_log import reload_text
    from knowledge.loader import Problem

    text = reload_text(ReloadResult(False, problems=[Problem("faq/a.md", 1, "y" * 400)]), "t")
    assert text is not None
    [line] = text.split("```")[1].strip("\n").splitlines()
    assert len(line) == 300 and line.endswith("…")


def test_a_reload_that_failed_on_a_fault_says_so_and_asks_no_file_fix() -> None:
    from bot.app import ReloadResult
    from bot.mod_log import reload_text

    text = reload_text(ReloadResult(False, fault="MemoryError"), "files changed on disk")
    assert text == (
        "**FAQ reload failed** (files changed on disk) on an unexpected error, not a file: "
        "MemoryError. The bot keeps answering from the previous FAQ; its log has the details."
    )


@pytest.mark.parametrize("text", ["````", "a````b [x](https://example.com) # Heading", "``", "`"])
def test_a_code_block_cannot_be_closed_from_inside(text: str) -> None:
    """An edit's diff in the log is a code block: a run of four backticks in an answer
    closed it early, and the rest rendered as Markdown (links, headings)."""
    from bot.embeds import code_block

    block = code_block(text)
    inside = block.removeprefix("```\n").removesuffix("\n```")
    assert "``" not in inside and inside.replace("\u200b", "") == text


def test_counts_in_the_log_read_as_written() -> None:
    """A reply given up at its first try (the bot away longer than retries.max_age_minutes)
    read "after 1 tries"; max_age_minutes = 60 or 90 read "1 hours" or "1.5 hours"."""
    from bot.storage import PendingReply

    owed = PendingReply("mention", 5, 6, due=dt.datetime.now(dt.UTC), attempts=1)
    assert "(message 6) after 1 try; last error: none." in gave_up_text(owed)
    assert "after 1 try: it was answered" in gave_up_text(owed, tags_only=True)
    assert "after 3 tries;" in gave_up_text(dataclasses.replace(owed, attempts=3))
    said = [duration(minutes / 60) for minutes in (720, 60, 90, 1, 0.5)]
    assert said == ["12 hours", "1 hour", "90 minutes", "1 minute", "1 minute"]
