"""What every reply shares: no pings, and a private message that works whether or not the
interaction was already answered (or deferred)."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.forum_tags import NETWORK_ERRORS
from bot.small_talk import without_command
from bot.storage import DatabaseUnavailable, log_store_failure
from bot.unseen import shows_nothing

log = logging.getLogger(__name__)

#: Replies never notify anyone, however the question was worded.
NO_PINGS = discord.AllowedMentions.none()
APOLOGY = "Sorry, something went wrong on my side. It has been logged; please try again later."
#: What a command that needs the database says while it cannot be reached (a PostgreSQL
#: restart or failover): no bug, and waiting mends it.
DATABASE_AWAY = "The bot cannot reach its database just now; please try again in a few minutes."
#: Discord's "Unknown interaction": one not answered within its 3 s.
UNKNOWN_INTERACTION = 10062
#: Discord's "Unknown message": refusing a reply whose message is gone, as a form error
#: (50035, on the reply's message_reference) or on its own.
UNKNOWN_MESSAGE = 10008
INVALID_FORM = 50035

_MENTION = re.compile(r"<@!?\d+>|<@&\d+>|@everyone|@here")


def replied_to_gone(exc: BaseException) -> bool:
    """Whether Discord refused a reply because the message it replies to was deleted, in
    the moment between the bot's last look and its send (no event had come yet)."""
    if not isinstance(exc, discord.HTTPException) or exc.status != 400:
        return False
    if exc.code == UNKNOWN_MESSAGE:
        return True
    return exc.code == INVALID_FORM and "In message_reference: Unknown message" in exc.text


def database_away(exc: DatabaseUnavailable, outcome: str = "") -> str:
    """What a moderator is told of the database refusing what they asked: DATABASE_AWAY
    for one out of reach (waiting mends it), else what is wrong (its disk full, read-only),
    which waiting does not mend, for them to pass on. ``outcome``: ", so nothing was ..."."""
    if not exc.problem:
        return DATABASE_AWAY
    return (
        f"The bot cannot use its database: {exc.problem}{outcome}. Please tell whoever runs "
        "the bot, and try again once they have seen to it."
    )


def store_trouble(exc: BaseException) -> str:
    """Why something could not be written to the database, in a moderator's words, for
    "(...)" after what was not recorded: the database out of reach or refusing (what is
    wrong, to pass on), else a fault the log has."""
    if not isinstance(exc, DatabaseUnavailable):
        return "the error is logged"
    if not exc.problem:
        return "the bot cannot reach its database just now"
    return f"the bot cannot use its database: {exc.problem}; please tell whoever runs the bot"


#: Above a reply made private because its member may not post where they asked for it.
PRIVATE_HERE = "Only you see this: you can't post in this channel."
_THREADS = (
    discord.ChannelType.public_thread,
    discord.ChannelType.private_thread,
    discord.ChannelType.news_thread,
)


def privately_here(interaction: discord.Interaction, private: bool) -> tuple[bool, str | None]:
    """Whether a command's reply goes privately, and the note saying why when the member
    asked for it in public: where they may not post (an announcements channel, a thread
    they may not write in), a public reply was the bot posting for them, a "/faq user:"
    ping included; Answer with FAQ refuses that for the same reason. (A DM is theirs.)"""
    if private or interaction.guild_id is None:
        return private, None
    permissions = interaction.permissions
    in_thread = getattr(interaction.channel, "type", None) in _THREADS
    may_post = permissions.send_messages_in_threads if in_thread else permissions.send_messages
    return (False, None) if may_post else (True, PRIVATE_HERE)


def strip_mentions(text: str) -> str:
    """A message's words without its mentions (the question a mention asks), line by line:
    the worked example reads "Basis: $20,000" / "Earnings: $300" lines as lines. A line that
    shows nothing is no line: "@Rollover Bot" and a zero-width space asks nothing, as the
    bare mention does (it was answered "no FAQ entry looks close", and kept for moderators)."""
    lines = (" ".join(_MENTION.sub(" ", line).split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if not shows_nothing(line))


def post_question(thread: discord.Thread, starter: discord.Message) -> str:
    """What a forum post asks, as the bot matches it: its title, then its opening message,
    without its mentions (a "<@id>" matched with the words moved the scores by the bot's
    id), line by line."""
    return f"{thread.name}\n{strip_mentions(starter.content)}"


def words_of(message: discord.Message) -> str:
    """A message's words: a forwarded one (Discord's Forward) has none of its own, only the
    copy of the message it forwards, which is what members see and mean; a poll has none
    either: its question is what it asks."""
    if message.content:
        return message.content
    if message.poll is not None:
        return message.poll.question
    return "\n".join(s.content for s in message.message_snapshots if s.content)


def shows_a_picture(message: discord.Message) -> bool:
    """Does the message show an attachment or embed (a screenshot, say), its own or in the
    copy a forward shows?"""
    shown = [message, *message.message_snapshots]
    return any(m.attachments or m.embeds for m in shown)


def question_in(message: discord.Message) -> str:
    """What a message asks, without its mentions; a forum post's opening message after the
    post's title, as the post itself is matched (many posts ask in the title alone)."""
    channel = message.channel
    if isinstance(channel, discord.Thread) and message.id == channel.id:
        return strip_mentions(post_question(channel, message))
    return strip_mentions(words_of(message))


def own_and_quoted(message: discord.Message) -> tuple[str, str]:
    """A message's own words and the words it quotes (Discord's "> " lines, and all after
    ">>> "), each without mentions: "> someone's question" above "@bot my question" asks
    the second. A post's opening message is matched whole, as the post is (nothing quoted)."""
    channel = message.channel
    if isinstance(channel, discord.Thread) and message.id == channel.id:
        return question_in(message), ""
    own: list[str] = []
    quoted: list[str] = []
    block = False
    for line in message.content.split("\n"):
        text = line.lstrip()
        if block:
            quoted.append(line)
        elif text.startswith(">>> "):
            block = True  # (the rest of the message is quoted)
            quoted.append(text.removeprefix(">>> "))
        elif text.startswith("> ") or text == ">":
            quoted.append(text[1:])
        else:
            own.append(line)
    return without_command(strip_mentions("\n".join(own))), strip_mentions("\n".join(quoted))


def from_a_member(message: discord.Message) -> bool:
    """Written by a person: not a bot's message, except one a member posts through a proxy
    such as PluralKit (a webhook's message carries the bot flag too). A bot's reply to a
    slash command also comes through a webhook: that one is the bot's."""
    if not message.author.bot:
        return True
    return message.webhook_id is not None and message.interaction_metadata is None


def expired(error: BaseException) -> bool:
    """The interaction was answered after its 3 s (the bot busy, or the event late: replayed
    after a reconnect). No bug of the bot's, and nothing can be sent on it any more, an
    apology included. (An app command's error holds Discord's as ``original``.)"""
    error = getattr(error, "original", error)
    return isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION


def log_expired(interaction: discord.Interaction, what: str) -> None:
    log.warning(
        "%s: interaction %s expired before the bot answered it (Discord allows 3 s)",
        what,
        interaction.id,
    )


async def offer(
    interaction: discord.Interaction, choices: list[discord.app_commands.Choice[Any]], what: str
) -> list[discord.app_commands.Choice[Any]]:
    """Send an autocomplete's ``choices`` (for ``what``, as the log names it); returns none,
    for discord.py, which sends only what is not sent yet. Autocompletes come one a keystroke,
    and any that reach the bot past their 3 s (a loaded machine, a slow network) are
    refused by Discord: each expired one is one warning line, as for a command, where
    discord.py logged an ERROR with a traceback."""
    try:
        await interaction.response.autocomplete(choices)
    except discord.NotFound as exc:
        if not expired(exc):
            raise
        log_expired(interaction, what)
        # Over: so discord.py sends no choices of its own on it (a second 404, its ERROR).
        interaction.response._response_type = discord.InteractionResponseType.autocomplete_result
    return []


async def apologise(
    interaction: discord.Interaction,
    error: BaseException,
    what: str,
    say: Callable[[discord.Interaction, str], Awaitable[None]] | None = None,
) -> None:
    """The last resort of a failed interaction: ``what`` failed, logged with its traceback,
    and the user told so; an expired interaction is one warning line, and nothing is sent.
    The database out of reach or refusing is no bug: one warning, and the user told what
    is wrong, as a command is (errors.py); "something went wrong" and a traceback said
    neither (a review's New entry clicked during a PostgreSQL restart, say). ``say``: how
    the user is told (send_private; Answer with FAQ's in place of its picker)."""
    say = say or send_private
    if expired(error):
        log_expired(interaction, what)
        return
    if isinstance(error, DatabaseUnavailable):
        log_store_failure(log, error, "%s could not use the database", what)
        await say(interaction, database_away(error))
        return
    log.error("%s failed (interaction %s)", what, interaction.id, exc_info=error)
    await say(interaction, APOLOGY)


def next_send(interaction: discord.Interaction) -> Callable[..., Awaitable[object]]:
    """How the interaction's next message goes: as its response while none was given,
    else (acknowledged, "thinking...", or answered already) as a followup."""
    if interaction.response.is_done():
        return interaction.followup.send
    return interaction.response.send_message


async def send_private(interaction: discord.Interaction, text: str) -> None:
    """An ephemeral message to the user; never raises (it is often the last resort)."""
    try:
        await next_send(interaction)(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except NETWORK_ERRORS:  # (the connection too: aiohttp's errors are no HTTPException)
        log.warning("could not send a private reply to interaction %s", interaction.id)
