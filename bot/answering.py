"""Turn a question into what the bot posts: embed and components, or suggestions."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

import discord

from bot.embeds import (
    answer_embed,
    example_embed,
    neutralize,
    removed_embed,
    suggestions_embed,
    year_note_embed,
)
from bot.storage import AskedQuestion, hash_user, log_store_failure
from bot.views import answer_view
from bot.worked_example import worked_example
from bot.year_note import year_note
from calculators.catalog import CALCULATORS
from calculators.typed import Typed
from knowledge.layout import EMBED_TOTAL_LIMIT
from knowledge.matcher import Hit, MatchResult, within
from knowledge.model import FaqEntry

if TYPE_CHECKING:
    from bot.app import RolloverBot
    from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 4000
#: The thread questions are matched on (see ask), one for the process: its thread starts
#: with the first question and idles between them (one bot to a process; tests start many).
ASKING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rollover-asking")
#: How long a command waits for what it shows before it acknowledges the interaction (see
#: in_time): well inside Discord's 3 s, which count from when the member asked.
ANSWER_WAIT_SECONDS = 1.5
T = TypeVar("T")


@dataclass(frozen=True)
class Reply:
    result: MatchResult
    embeds: list[discord.Embed]
    view: discord.ui.View
    #: The entry that would have answered, left out: removed as not what was asked from
    #: under this question before (the miss is with the moderators already).
    removed: str | None = None


def calculator_hint(typed: Typed, ids: Mapping[str, int] | None = None) -> str:
    """Where to run the calculator a question typed as a command, its options filled as
    the member typed them (else the example's, and why theirs are refused); with the
    command's id (``ids``, once the commands are synced), a command mention to tap, which
    opens it in the message box: on a phone, typing it and finding it in the list is the
    chore."""
    name = typed.name
    example = f"(like `{typed.named or CALCULATORS[name].named_example}`)"
    if typed.refused:
        # (it quotes what the member typed: shown as text, a "[...](https://...)" in
        # it made a link in the bot's public reply)
        example += f"; yours: {neutralize(typed.refused)}"
    if ids and name in ids:
        return (
            f"That is the `/{name}` calculator: tap </{name}:{ids[name]}> to open it (or type "
            f"`/{name}` in the message box and pick it from the list), then fill in its "
            f"options {example}."
        )
    return (
        f"That is the `/{name}` calculator: type `/{name}` in the message box, pick it from "
        f"the list Discord shows and fill in its options {example}."
    )


def working_button(command: str) -> discord.ui.DynamicItem[discord.ui.Button] | None:
    """ "Show working" for the worked example under an answer (``command``: "/split
    basis:23000 earnings:412"), the calculator reply's own button: its steps and 1099-R
    boxes, privately. Without it they were a command away, to be typed out on a phone."""
    from bot.cogs.calculators import ShowWorking, work_id  # (it imports the bot's modules)

    name, *values = command.removeprefix("/").split()
    calc = CALCULATORS[name]
    custom_id = work_id(name, calc.build([], dict(v.split(":", 1) for v in values)))
    return ShowWorking(custom_id) if custom_id is not None else None


def worked_through(
    entry: FaqEntry, question: str
) -> tuple[discord.Embed, discord.ui.DynamicItem[discord.ui.Button] | None] | None:
    """The asker's own numbers worked through, under an answer giving ``entry`` (when it
    demonstrates a calculator and ``question`` states them: bot/worked_example.py), and
    the "Show working" button for their steps; None when there is nothing to work through.
    The bot's own answers and a helper's pointed ones alike."""
    example = worked_example(entry, question)
    if example is None:
        return None
    working = working_button(example[0])
    return example_embed(*example, working=working is not None), working


def plausible(bot: RolloverBot, result: MatchResult) -> tuple[Hit, ...]:
    """Suggestions worth a menu in Discord (the command line lists more)."""
    return result.plausible(bot.settings.matching.plausible_threshold)


def unasked(bot: RolloverBot, result: MatchResult) -> tuple[Hit, ...]:
    """Suggestions to offer under a forum post the bot could not answer (none when it
    looks off-topic)."""
    matching = bot.settings.matching
    return result.unasked(matching.unasked_threshold, matching.off_topic_threshold)


async def ask(knowledge: KnowledgeBase, question: str) -> MatchResult:
    """``knowledge.ask`` of the question cut to MAX_QUESTION_CHARS (``within``: a long
    post's start and end), on the answering thread, off the event loop: a question not
    met before has its meaning embedded (knowledge/embedding.py), 20 to 100 ms of CPU
    during which every other event waited. One thread: questions are matched one at a
    time, in the order they came, and the event loop keeps the other core."""
    asked = within(question, MAX_QUESTION_CHARS)
    return await asyncio.get_running_loop().run_in_executor(ASKING, knowledge.ask, asked)


async def ranked(knowledge: KnowledgeBase, text: str) -> list[Hit]:
    """``knowledge.matcher.score_all`` of the text (every entry with a score, best first),
    on the answering thread, as ``ask``: a long message's meaning embedded on the event
    loop held every other event for 30 to 100 ms."""
    score_all = knowledge.matcher.score_all
    return await asyncio.get_running_loop().run_in_executor(ASKING, score_all, text)


async def in_time(interaction: discord.Interaction, making: Awaitable[T], *, ephemeral: bool) -> T:
    """What ``making`` gives, the interaction acknowledged first ("thinking...") when it is
    not ready within ANSWER_WAIT_SECONDS. Discord allows 3 s, and questions are matched one
    at a time (ASKING): behind a burst of long new posts, a command's turn came after the
    3 s, and the member read "The application did not respond". The caller then replies
    with a followup (``interaction.response.is_done()``)."""
    task = asyncio.ensure_future(making)
    try:
        done, _ = await asyncio.wait({task}, timeout=ANSWER_WAIT_SECONDS)
        if not done:
            await interaction.response.defer(thinking=True, ephemeral=ephemeral)
        return await task
    finally:
        task.cancel()  # (a stop cutting the command off: not left running)


async def build_reply(
    bot: RolloverBot,
    question: str,
    asker_id: int | None = None,
    *,
    asked: bool = True,
    rejected: Collection[str] = (),
) -> Reply:
    """The reply to a question: ``asked`` of the bot (/ask, a mention, a pointer), or a
    forum post it was not asked (then suggestions are only offered as ``unasked`` says).
    ``rejected``: entries whose answer to this question was removed as not what was
    asked; never given or offered again (the answer says so, and offers the others)."""
    knowledge = bot.knowledge  # (one FAQ throughout, whatever a reload swaps in)
    result = await ask(knowledge, question)
    if rejected:
        kept = tuple(h for h in result.suggestions if h.id not in rejected)
        also = tuple(h for h in result.also if h.id not in rejected)
        result = replace(result, suggestions=kept, also=also)
        if result.best is not None and result.best.id in rejected:
            removed = result.best.id
            result = replace(result, answered=False, best=None, also=(), shaky=False)
            close = plausible(bot, result)
            embed = removed_embed(knowledge.titles[removed], close)
            return Reply(result, [embed], answer_view(None, close), removed=removed)
    close = plausible(bot, result) if asked or result.answered else unasked(bot, result)
    if result.answered and result.best is not None:
        embeds = [answer_embed(knowledge.short(result.best.id))]
        answered = [knowledge.entries[hit.id] for hit in (result.best, *result.also)]
        note = year_note(answered, result.question)
        extras = [year_note_embed(note)] if note is not None else []
        example_shown, working = worked_through(
            knowledge.entries[result.best.id], result.question
        ) or (None, None)
        extras += [example_shown] if example_shown is not None else []
        # A post that asks other things too: each confident answer to them (``also``).
        also = [(answer_embed(knowledge.short(hit.id)), hit) for hit in result.also]
        sent: list[Hit] = []
        for extra, hit in [*((e, None) for e in extras), *also]:
            # Discord counts every embed of a message toward one 6,000-character cap.
            if sum(map(len, embeds)) + len(extra) <= EMBED_TOTAL_LIMIT and len(embeds) < 10:
                embeds.append(extra)
                sent += [hit] if hit is not None else []
        # An answer left out for room was not served, and stays among the close matches.
        result = replace(result, also=tuple(sent))
        # (An entry shown above as the answer to another question is not a close match.)
        shown = {hit.id for hit in result.also}
        close = tuple(hit for hit in close if hit.id not in shown)
        view = answer_view(result.best.id, close, full=True, asker_id=asker_id, more=result.also)
        if working is not None and example_shown in embeds:
            view.add_item(working)  # (in the buttons' row: a menu takes a row of its own)
        return Reply(result, embeds, view)
    outside = result.looks_off_topic(bot.settings.matching.off_topic_threshold)
    return Reply(result, [suggestions_embed(close, outside=outside)], answer_view(None, close))


async def remember_reply(bot: RolloverBot, question_id: int, reply: discord.Message) -> bool:
    """The bot's reply to a message, kept so that it goes when that message is deleted (it
    may show the member's own words and numbers). Never fails the reply. False when the
    message was deleted while the reply was on its way (PluralKit deletes the message it
    proxies within a second): that deletion found nothing to take, so the reply goes now."""
    try:
        await bot.store.record_reply(question_id, reply.channel.id, reply.id)
    except Exception as exc:
        log_store_failure(
            log, exc, "could not record reply %s to message %s", reply.id, question_id
        )
    if not bot.deleted_lately.seen(question_id):
        return True
    guild_id = reply.guild.id if reply.guild is not None else None
    bot.dispatch("late_answer", question_id, reply.channel.id, guild_id)  # (Answers cog)
    return False


def asker_hash(bot: RolloverBot, user_id: int | None) -> str | None:
    """A member as kept with their words: hashed as their votes are (None: not known)."""
    return None if user_id is None else hash_user(user_id, bot.vote_key)


async def remember(
    bot: RolloverBot,
    reply: Reply,
    channel_id: int | None,
    *,
    sent: bool = True,
    message_id: int | None = None,
    asker_id: int | None = None,
) -> None:
    """Count what was served; keep unanswered, shaky or unsent questions for moderators.
    Called after replying, and never fails the reply: statistics are not worth an error.
    ``message_id``: the message whose words the question is (None for /ask); ``asker_id``:
    whose words they are (kept hashed, so that a member can be forgotten)."""
    if reply.removed is not None:
        return  # (nothing served; the question is in the moderators' queue as a miss)
    await remember_result(
        bot, reply.result, channel_id, sent=sent, message_id=message_id, asker_id=asker_id
    )


async def remember_result(
    bot: RolloverBot,
    result: MatchResult,
    channel_id: int | None,
    *,
    sent: bool,
    message_id: int | None = None,
    asker_id: int | None = None,
    hashed_asker: str | None = None,
) -> None:
    """``remember`` for a match without a reply (one given up on, say). ``hashed_asker``:
    whose words, as kept already (asker_hash), when their id is not at hand."""
    answered = result.answered and sent
    try:
        if answered and result.best is not None:
            for hit in (result.best, *result.also):  # each answer the reply carried
                await bot.store.record_served(hit.id)
        top = result.best or (result.suggestions[0] if result.suggestions else None)
        best_score = top.score if top else 0.0
        # (A message deleted while it was answered: its deletion found nothing to forget.)
        gone = message_id is not None and bot.deleted_lately.seen(message_id)
        if (not answered or result.shaky) and not gone:
            await bot.store.record_question(
                AskedQuestion(
                    text=result.question,
                    channel_id=channel_id,
                    best_id=top.id if top else None,
                    best_score=best_score,
                    answered=answered,
                    when=dt.datetime.now(dt.UTC),
                    message_id=message_id,
                    asker_hash=asker_hash(bot, asker_id) or hashed_asker,
                )
            )
    except Exception as exc:
        log_store_failure(log, exc, "could not record question statistics")
