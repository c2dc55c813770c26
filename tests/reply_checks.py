"""Shared checks for the reliability tests and the soak benchmark: Discord's limits on what
the bot sends, pings, echoed user text, error logs, and a bot on its own fake Discord for a
whole test module (starting one per case would cost ~0.25 s each)."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.app import RolloverBot
from bot.settings import Settings, load_settings
from bot.storage import MemoryStore, Store
from knowledge.base import KnowledgeBase
from tests.fakediscord import Call, FakeDiscord, running_bot, would_ping

#: Per-user and per-bot limits raised as far as settings allow: the tests send many commands
#: as one user and must not be slowed down by the abuse limits (tested on their own).
GENEROUS_LIMITS = {
    "ask_per_minute": 600,
    "calc_per_minute": 600,
    "mention_per_minute": 600,
    "forum_answers_per_minute": 6000,
}

# Discord's documented limits.
CONTENT_LIMIT = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL = 6000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER_TEXT = 2048
CHOICES = 25
CHOICE_TEXT = 100
SELECT_OPTIONS = 25
SELECT_TEXT = 100

#: Routes on which the bot sends something people read (as the fake names them).
MESSAGE_ROUTES = (
    "POST /channels/{channel_id}/messages",
    "PATCH /channels/{channel_id}/messages/{message_id}",
    "POST /interactions/{interaction_id}/{token}/callback",
    "POST /webhooks/{app_id}/{token}",
    "PATCH /webhooks/{app_id}/{token}/messages/{message_id}",
)


def limit_settings() -> dict[str, Any]:
    """`limits=...` for make_bot/load_settings, if this version of the settings has them."""
    return {"limits": dict(GENEROUS_LIMITS)} if "limits" in Settings.model_fields else {}


def message_data(body: Any) -> dict[str, Any]:
    """The message part of a REST body or an interaction callback body."""
    if not isinstance(body, dict):
        return {}
    if "type" in body and isinstance(body.get("data"), dict):
        return body["data"]
    return body


def _embed_length(embed: dict[str, Any]) -> int:
    """What Discord counts towards the 6,000 characters of a message's embeds."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for field in embed.get("fields") or ():
        total += len(field.get("name") or "") + len(field.get("value") or "")
    return total


def limit_problems(body: Any) -> list[str]:
    """Every way `body` (REST json or callback json) breaks Discord's limits; [] if none."""
    problems: list[str] = []
    if isinstance(body, dict) and body.get("type") == 8:  # autocomplete result
        choices = (body.get("data") or {}).get("choices") or []
        if len(choices) > CHOICES:
            problems.append(f"{len(choices)} autocomplete choices")
        for choice in choices:
            name, value = str(choice.get("name", "")), str(choice.get("value", ""))
            if not 1 <= len(name) <= CHOICE_TEXT or len(value) > CHOICE_TEXT:
                problems.append(f"choice {name[:40]!r}: name/value length")
        return problems
    data = message_data(body)
    content = data.get("content") or ""
    if len(content) > CONTENT_LIMIT:
        problems.append(f"content is {len(content)} characters")
    embeds = data.get("embeds") or []
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds")
    if sum(_embed_length(e) for e in embeds) > EMBED_TOTAL:
        problems.append("embeds total over 6000 characters")
    for n, embed in enumerate(embeds):
        checks = [
            ("title", len(embed.get("title") or ""), EMBED_TITLE),
            ("description", len(embed.get("description") or ""), EMBED_DESCRIPTION),
            ("fields", len(embed.get("fields") or []), EMBED_FIELDS),
            ("footer", len((embed.get("footer") or {}).get("text") or ""), FOOTER_TEXT),
        ]
        problems += [
            f"embed {n} {what}: {size} > {limit}" for what, size, limit in checks if size > limit
        ]
        for field in embed.get("fields") or ():
            if not field.get("name") or len(field["name"]) > FIELD_NAME:
                problems.append(f"embed {n} field name length {len(field.get('name') or '')}")
            if not field.get("value") or len(field["value"]) > FIELD_VALUE:
                problems.append(f"embed {n} field value length {len(field.get('value') or '')}")
    for row in data.get("components") or ():
        for component in row.get("components") or ():
            options = component.get("options") or []
            if len(options) > SELECT_OPTIONS:
                problems.append(f"select with {len(options)} options")
            for option in options:
                for key in ("label", "value", "description"):
                    if len(option.get(key) or "") > SELECT_TEXT:
                        problems.append(f"select option {key} too long")
    return problems + unreadable(data)


#: Something a screen reader reads as words: a letter or a digit ("◀" alone is read aloud
#: as "black left-pointing triangle", an emoji alone as its name).
WORDS = re.compile(r"[^\W_]")
IMAGE = re.compile(r"\.(?:png|jpe?g|gif|webp)$", re.IGNORECASE)


def unreadable(data: dict[str, Any]) -> list[str]:
    """What a member with a screen reader cannot read in a message: a button or a menu
    option without words in its label, an image sent without a description (its alt
    text)."""
    problems = []
    for row in data.get("components") or ():
        for component in row.get("components") or ():
            if component.get("type") == 2 and not WORDS.search(component.get("label") or ""):
                problems.append(f"button {component.get('custom_id')!r} has no words")
            for option in component.get("options") or ():
                if not WORDS.search(option.get("label") or ""):
                    problems.append(f"menu option {option.get('value')!r} has no words")
    for attachment in data.get("attachments") or ():
        filename = str(attachment.get("filename") or "")
        if IMAGE.search(filename) and not (attachment.get("description") or "").strip():
            problems.append(f"image {filename} has no description (alt text)")
    return problems


def sent_calls(fake: FakeDiscord, since: int = 0) -> list[Call]:
    """Requests in which the bot sent people something (messages, callbacks, followups)."""
    return [c for c in fake.calls[since:] if c.route in MESSAGE_ROUTES and not c.injected]


def reply_problems(fake: FakeDiscord, since: int = 0) -> list[str]:
    """Limits, pings and refused requests for everything the bot sent since `since`."""
    problems = []
    for call in sent_calls(fake, since):
        body = call.json
        where = call.describe()
        if not call.ok:
            problems.append(f"{where}: refused by Discord: {str(call.response)[:300]}")
        problems += [f"{where}: {p}" for p in limit_problems(body)]
        if isinstance(body, dict) and body.get("type") != 8 and would_ping(body).any:
            problems.append(f"{where}: would ping {would_ping(body)}")
        if isinstance(body, dict) and body.get("type") != 8 and not _pings_refused(body):
            # escaping keeps mentions out of the text; this is the second lock on the door
            problems.append(f"{where}: allowed_mentions would let a mention ping")
    return problems


def _pings_refused(body: dict[str, Any]) -> bool:
    """The message's allowed_mentions permit no ping, whatever its text contains."""
    data = body["data"] if isinstance(body.get("data"), dict) and "type" in body else body
    if not (data.get("content") or data.get("embeds")):
        return True  # nothing sent that could mention anyone (e.g. a bare defer)
    allowed = data.get("allowed_mentions")
    return (
        allowed is not None
        and not allowed.get("parse")
        and not allowed.get("users")
        and not allowed.get("roles")
        and not allowed.get("replied_user", False)
    )


def text_of(body: Any) -> str:
    """Everything readable in a message: content, embed texts and fields."""
    data = message_data(body)
    parts = [data.get("content") or ""]
    for embed in data.get("embeds") or ():
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [(embed.get("footer") or {}).get("text") or ""]
        for field in embed.get("fields") or ():
            parts += [field.get("name") or "", field.get("value") or ""]
    return "\n".join(parts)


#: What Discord renders specially in message text: markdown, mentions, masked links,
#: links (up to an escape, whose "\x00" below stops the match: what comes before it is
#: still a link), channel links, timestamps and custom emoji.
RENDERED = re.compile(
    r"\*[^*\s][^*]*\*|__.+?__|_[^_\s][^_]*_|~~.+?~~|\|\|.+?\|\||`[^`]+`|```"
    r"|\[[^\]]*\]\([^)]*\)|(?:https?|steam)://[^\s<\x00]*[^<.,:;\"')\]\s\x00]"
    r"|<@[!&]?\d+>|@everyone|@here|<#\d+>|<t:-?\d+(?::[tTdDfFR])?>"
    r"|<a?:\w+:\d+>|^(?:>{1,3} |#{1,3} |-# )",
    re.MULTILINE | re.DOTALL,
)
#: A backslash escape: the next character is shown as is.
ESCAPED = re.compile(r"\\[^\w\s]")
#: A fenced code block shows its content as typed: no markdown, no mentions. User text
#: that closes the fence early shifts these pairs, and what it exposes is then caught.
CODE_BLOCK = re.compile(r"```.*?```", re.S)


def echoed_raw(reply_text: str, user_text: str, *, min_len: int = 4) -> str | None:
    """Markup that Discord would render in the reply (markdown, a mention, a masked
    link...) and that came from `user_text`, or None. Escaped characters (a backslash
    before them) and mentions broken by a zero-width space do not render: that is how the
    bot neutralises what it echoes; so does a code block (given back to be pasted again).
    Line-start markup counts only at the start of a line."""
    shown = CODE_BLOCK.sub("\x00", ESCAPED.sub("\x00", reply_text))
    for match in RENDERED.finditer(shown):
        if len(match.group()) >= min_len and match.group() in user_text:
            return match.group()
    return None


class ErrorLog(logging.Handler):
    """Collects log records at ERROR and above (unhandled exceptions in discord.py's event
    loop, app commands and views are logged at ERROR), plus WARNINGs of the bot's own
    loggers that mean a reply was lost.

    Each is kept as one line of text, not as the record: a record's exc_info holds the
    traceback, whose frames keep interactions, payloads and responses alive (in a long
    soak run that looked like a leak in the bot)."""

    LOST = ("could not report", "could not send", "failed", "gave up")

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        own_loss = record.name.startswith("bot.") and any(
            w in record.getMessage() for w in self.LOST
        )
        if record.levelno < logging.ERROR and not own_loss:
            return
        line = f"{record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            line += f" ({type(error).__name__}: {str(error)[:300]})"
        self.records.append(line)

    def describe(self) -> list[str]:
        return list(self.records)

    def clear(self) -> None:
        self.records.clear()

    def __enter__(self) -> ErrorLog:
        logging.getLogger().addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self)


def bot_posts(fake: FakeDiscord, channel_id: int | str) -> list[Call]:
    """The bot's accepted POSTs of a message into one channel (e.g. a forum thread)."""
    return fake.calls_matching("POST", rf"/channels/{channel_id}/messages")


def world_settings(fake: FakeDiscord, **overrides: Any) -> Settings:
    """Settings watching the fake world's forum (as tests/conftest.py's make_settings)."""
    world = fake.world
    discord = {
        "forum_channel_ids": [int(world.forum["id"])],
        "moderator_role_ids": [int(world.moderator_role.id)],
        **overrides.pop("discord", {}),
    }
    options: dict[str, Any] = {"faq_watch": False, **limit_settings(), **overrides}
    return load_settings(discord=discord, **options)


@asynccontextmanager
async def module_bot(
    knowledge: KnowledgeBase, store: Store | None = None, **settings: Any
) -> AsyncIterator[tuple[FakeDiscord, RolloverBot]]:
    """A fake Discord and a running bot (commands registered) for a whole test module."""
    async with FakeDiscord() as fake:
        bot = RolloverBot(world_settings(fake, **settings), knowledge, store or MemoryStore())
        async with running_bot(fake, bot) as running:
            fake.register_commands(running.tree)
            yield fake, running
    if fake.rest.errors:
        call, error = fake.rest.errors[0]
        raise AssertionError(f"the fake Discord itself failed on {call.describe()}: {error!r}")


async def unsure_post(fake: FakeDiscord) -> Any:
    """A forum post the bot is not sure about: its one unsure line (and a menu) under it.
    The post's handle."""
    from bot.cogs.answers import UNSURE_LINE

    post = await fake.post_forum_thread(
        "After-tax question", "what should I do with the after-tax part?"
    )
    unsure = (await post.reply()).response
    assert unsure["content"] == UNSURE_LINE
    return post
