"""The moderator log channel (``discord.mod_log_channel_id``): what moderators should know
without asking. Posting never pings and never fails what triggered it."""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot import not_utf8
from bot.embeds import code_block, listed_title, neutralize
from bot.storage.reports import REVIEW_WINDOW
from calculators.money import counted
from knowledge.frontmatter import FrontMatterError
from knowledge.frontmatter import parse as parse_front_matter
from knowledge.loader import Problem, gone_folder, gone_folder_words, with_unread

if TYPE_CHECKING:
    from bot.app import ReloadResult, RolloverBot
    from bot.storage import PendingReply
    from knowledge.base import Fallback

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 2000
#: Lines of an edit's diff shown in the log (the file in the repo has the rest).
DIFF_LINES = 20


async def post(bot: RolloverBot, text: str) -> bool:
    """Send ``text`` to the log channel, split at Discord's message limit, pinging no one.
    Without a log channel, or when Discord refuses, it is only logged. Whether it was sent
    (the digest is tried again when it was not)."""
    channel_id = bot.settings.discord.mod_log_channel_id
    if channel_id is None:
        return False
    channel = bot.get_channel(channel_id)
    if channel is None:
        log.warning("mod log channel %s is not a channel the bot can see", channel_id)
        return False
    if not isinstance(channel, discord.abc.Messageable):
        # (One it sees, a forum or a category: "cannot see" sent the operator to its
        # permissions, where nothing was wrong.)
        log.warning(
            "mod log channel %s is a %s channel, where the bot cannot post: set "
            "discord.mod_log_channel_id to a text channel's id",
            channel_id,
            getattr(channel, "type", "?"),
        )
        return False
    try:
        for chunk in _chunks(not_utf8.readable(text)):
            if bot.is_closed():
                # Stopped: the connection to Discord is closed, and a send on it fails with
                # "Session is closed", a traceback in whatever was posting (on_ready's).
                log.info("not posted to the mod log channel %s: the bot is stopping", channel_id)
                return False
            await channel.send(chunk, allowed_mentions=discord.AllowedMentions.none())
    except (discord.HTTPException, aiohttp.ClientError, TimeoutError) as exc:
        # (discord.py passes connection errors and timeouts through as they are: the mod
        # log is a courtesy, never a reason for the caller's work to stop.)
        log.warning("could not post to the mod log channel %s: %r", channel_id, exc)
        return False
    return True


def _chunks(text: str) -> list[str]:
    chunks, current = [], ""
    for line in text.splitlines():
        line = line[: MESSAGE_LIMIT - 1]
        if current and len(current) + 1 + len(line) > MESSAGE_LIMIT:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    return [*chunks, current] if current else chunks


def reload_text(result: ReloadResult, trigger: str, *, mended: bool = False) -> str | None:
    """What a reload did, for the log; None when it changed nothing worth saying.
    ``mended``: the log last said the files were broken (a refused reload, a start from
    the last complete FAQ), so this reload says they are whole again, changes or not."""
    if result.fault is not None:
        return (
            f"**FAQ reload failed** ({trigger}) on an unexpected error, not a file: "
            f"{result.fault}. The bot keeps answering from the previous FAQ; its log has the "
            "details."
        )
    if (gone := gone_folder(result.problems)) is not None:  # (no file to fix and save)
        return (
            f"**FAQ reload refused** ({trigger}): {neutralize(gone_folder_words(gone))}; "
            "the bot keeps answering from the previous FAQ meanwhile."
        )
    if not result.ok:
        return (
            f"**FAQ reload refused** ({trigger}); the bot keeps answering from the previous "
            f"FAQ. Fix these and save again:\n"
            + _problems_block(with_unread(result.problems, result.unread))
        )
    diff = result.diff
    if not (diff.added or diff.changed or diff.removed or mended):
        return None
    # (A broken edit reverted leaves nothing changed: without this the log's last word
    # was "Fix these and save again" after they were fixed.)
    mends = "the files load again and answers come from them; " if mended else ""
    head = f"**FAQ reloaded** ({trigger}): {mends}"
    # (Fitted, not cut: _chunks would cut the one line, and the count of ids left out.)
    return head + result.diff.summary(limit=MESSAGE_LIMIT - len(head))


#: What a refusal said, told apart from another (see refusal_said).
Refusal = frozenset[tuple[str, str]]


def refusal_said(
    problems: Sequence[Problem], unread: Sequence[Problem] = (), fault: str | None = None
) -> Refusal:
    """What makes one refused load's notice the same as another's: its problems by file and
    words (not line: an edit above a problem moves it, and it is the same problem), or its
    fault. A file saved again still broken, or another file edited beside it, refused the
    reload again and posted the whole list again each time."""
    said = {(p.path, p.message) for p in with_unread(list(problems), list(unread))}
    return frozenset(said | ({("", fault)} if fault is not None else set()))


def notices_text(notices: Sequence[object], trigger: str) -> str:
    """Notices a reload brought (the files load, but may not do what was meant): said once,
    for moderators who edit the files and never run validate."""
    return (
        f"**New notices** ({trigger}): the FAQ loaded, nothing was refused, but these may not "
        "do what was meant:\n" + _problems_block(notices)
    )


def fallback_text(fallback: Fallback) -> str:
    """The FAQ folder was broken at start: the bot answers from its last complete version."""
    return (
        f"**Started from the last complete FAQ** (from {fallback.saved:%Y-%m-%d %H:%M} UTC): "
        "these files are broken. Fix them, then run `/faq-admin reload` (a watched folder "
        "reloads by itself when they are saved):\n" + _problems_block(fallback.problems)
    )


def _problems_block(problems: Sequence[object]) -> str:
    """Whole lines in one code block that fits one message with its lead-in (a block cut
    across two messages loses its fences); the count of any left out."""
    lines: list[str] = []
    for n, problem in enumerate(problems):
        line = str(problem)
        line = line if len(line) <= 300 else line[:299] + "…"
        if sum(len(x) + 1 for x in lines) + len(line) > MESSAGE_LIMIT - 500:
            lines.append(f"... and {len(problems) - n} more: run 'rollover-bot faq validate'")
            break
        lines.append(line)
    return code_block("\n".join(lines))


def _fields(text: str | None) -> tuple[dict[str, object], list[str]]:
    if text is None:
        return {}, []
    try:
        parsed = parse_front_matter(text)
    except FrontMatterError:
        return {}, text.splitlines()
    return dict(parsed.data), parsed.body.splitlines()


def edit_text(who: str, entry_id: str, before: str | None, after: str) -> str:
    """An edit made from Discord: who, which entry, and what changed, field by field (a
    file rewritten by an edit may move lines around; this shows only what differs)."""
    old, old_body = _fields(before)
    new, new_body = _fields(after)
    lines: list[str] = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        if a == b or key == "updated":
            continue
        if isinstance(a, list | type(None)) and isinstance(b, list | type(None)):
            lines += [f"+ {key}: {item}" for item in b or [] if item not in (a or [])]
            lines += [f"- {key}: {item}" for item in a or [] if item not in (b or [])]
        else:
            lines += [f"- {key}: {a}", f"+ {key}: {b}"] if a is not None else [f"+ {key}: {b}"]
    body = list(difflib.unified_diff(old_body, new_body, lineterm="", n=0))[2:]
    lines += [f"  body {line}" if line.startswith("@@") else line for line in body]
    # The whole block must fit one message: _chunks would cut it across two, and the
    # second would show the diff (links, headings) as formatted text.
    # (400 for the lead-in, a name and an id of 80 characters at most, and the "more" line.)
    kept: list[str] = []
    for line in (line[:150] for line in lines[:DIFF_LINES]):
        if len(code_block("\n".join([*kept, line]))) > MESSAGE_LIMIT - 400:
            break
        kept.append(line)
    shown = "\n".join(kept) or "(no change in content)"
    more = f"\n… {len(lines) - len(kept)} more lines" if len(kept) < len(lines) else ""
    action = "created" if before is None else "edited"
    return f"**{who}** {action} `{entry_id}`:\n" + code_block(shown + more)


def tries(n: int) -> str:
    """ "1 try", "3 tries": a reply given up at its first try (the bot was away longer than
    retries.max_age_minutes) read "after 1 tries"."""
    return counted(n, "try", "tries")


def gave_up_text(owed: PendingReply, *, tags_only: bool = False) -> str:
    """A reply the bot stopped trying to send (see the retries cog). ``tags_only``: a post
    answered, whose tags Discord kept failing: a moderator can put them on."""
    if tags_only:
        return (
            f"Gave up tagging the forum post <#{owed.channel_id}> after {tries(owed.attempts)}:"
            f" it was answered, but Discord failed its tags ({owed.last_error}); please tag"
            " it by hand."
        )
    what = "a forum post" if owed.kind == "post" else "a mention"
    return (
        f"Gave up replying to {what} in <#{owed.channel_id}> (message {owed.message_id})"
        f" after {tries(owed.attempts)}; last error: {owed.last_error or 'none'}."
    )


def refused_text(channel_id: int, needs: str, error: str, hours: float) -> str:
    """Discord refused a reply in a channel for the bot's permissions (see Answers);
    ``needs``: what replying there needs (server_setup.needed_for)."""
    return (
        f"**Cannot reply** in <#{channel_id}>: Discord refused the bot ({error}). Its replies "
        f"there are tried again for up to {duration(hours)}: allow the bot's role {needs} there."
    )


def duration(hours: float) -> str:
    """``retries.max_age_minutes`` as a moderator reads it: "12 hours", "1 hour", "90
    minutes" (set to 60 or 90 minutes it read "1 hours", "1.5 hours")."""
    minutes = math.ceil(round(hours * 60, 6))
    return counted(minutes // 60, "hour") if minutes % 60 == 0 else counted(minutes, "minute")


#: Entries the digest names among those marked not helpful (the rest are counted).
DIGEST_ENTRIES = 5


def digest_text(
    kinds: dict[str, int],
    not_helpful: Sequence[tuple[str, int]] = (),
    *,
    since: dt.datetime | None = None,
    more: bool = False,
) -> str | None:
    """The daily lines: the review queue's size, and ``not_helpful``, the entries members
    marked not helpful since the last digest (``since``; None: there was none, and they are
    the last day's) ((title, votes), most first). Members who click *Not helpful* are told
    that moderators review such answers, and nothing else told the moderators of them.
    ``more``: more questions wait than ``kinds`` counts (the queue groups REVIEW_WINDOW).
    None when there is neither."""
    lines = [queue] if (queue := _queue_line(kinds, more)) else []
    if not_helpful:
        votes = sum(n for _, n in not_helpful)
        named = ", ".join(f"{listed_title(t)} ({n})" for t, n in not_helpful[:DIGEST_ENTRIES])
        rest = len(not_helpful) - DIGEST_ENTRIES
        more = f" and {rest} more {'entry' if rest == 1 else 'entries'}" if rest > 0 else ""
        when = "in the last 24 hours"
        if since is not None:
            when = f"since the last digest ({discord.utils.format_dt(since, 'f')})"
        lines.append(
            f"**Marked not helpful** {when}: {votes} "
            f"{'vote' if votes == 1 else 'votes'}, on {named}{more}. `/faq-admin stats` "
            "shows every entry's votes."
        )
    return "\n".join(lines) or None


def _queue_line(kinds: dict[str, int], more: bool = False) -> str | None:
    total = sum(kinds.values())
    if not total:
        return None
    # (One of a kind is said as one: "1 items" and "1 unsure answers" read as slips.)
    names = (
        ("miss", "not what I asked", "not what I asked"),
        ("shaky", "unsure answer", "unsure answers"),
        ("unanswered", "unanswered", "unanswered"),
        ("taught", "taught by a member", "taught by members"),
    )
    parts = ", ".join(
        f"{kinds[k]} {one if kinds[k] == 1 else many}" for k, one, many in names if kinds.get(k)
    )
    if more:
        # The items of the first REVIEW_WINDOW questions only: "150 items" read as the
        # whole queue while thousands more waited, of kinds perhaps not counted at all.
        parts += f", of the first {REVIEW_WINDOW:,} questions; more wait"
    items = "item" if total == 1 and not more else "items"
    size = f"{total}+" if more else f"{total}"
    return f"**Review queue:** {size} {items} ({parts}). `/faq-admin review` to go through them."
