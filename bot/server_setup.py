"""What the settings ask of the servers, looked at once connected: a configured channel the
bot cannot see or that is of the wrong kind, a watched forum without the tag to apply, a
permission the bot was invited without, a role or home server the bot is not in. Each
leaves the bot silent there (or its tags or moderators unset) without a word, and no
setting can be checked before Discord sends the servers: said once a process, in the log
and the moderator log (and a watched forum's tag renamed or deleted while the bot runs,
when it happens). The bot keeps working where it can."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot import mod_log
from bot.forum_tags import named_tag

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)

#: Permissions by attribute, in the words Discord's settings show.
_NAMES = {
    "view_channel": "View Channels",
    "send_messages": "Send Messages",
    "send_messages_in_threads": "Send Messages in Threads",
    "embed_links": "Embed Links",
    "read_message_history": "Read Message History",
    "manage_threads": "Manage Threads",
}
#: What answering needs where: a forum post's thread, a mention in a text channel (a reply
#: to a message needs Read Message History), the moderator log.
FORUM_NEEDS = ("view_channel", "send_messages_in_threads", "embed_links", "read_message_history")
TEXT_NEEDS = ("view_channel", "send_messages", "embed_links", "read_message_history")
LOG_NEEDS = ("view_channel", "send_messages")


def problems(bot: RolloverBot) -> list[str]:
    """One line per thing to fix in the servers (or the settings), naming the setting."""
    settings = bot.settings.discord
    # A process running some shards sees only their servers, and a server in an outage is
    # not seen at all: a channel not found there may well exist.
    partial = bool(settings.shard_ids) or any(g.unavailable for g in bot.guilds)
    found: list[str] = []
    for channel_id in settings.forum_channel_ids:
        found += _forum(bot, channel_id, partial)
    for channel_id in settings.text_channel_ids:
        found += _channel(bot, "text_channel_ids", channel_id, TEXT_NEEDS, partial)
    if (log_id := settings.mod_log_channel_id) is not None:
        found += _channel(bot, "mod_log_channel_id", log_id, LOG_NEEDS, partial)
    for name in ("moderator_role_ids", "helper_role_ids"):
        for role_id in getattr(settings, name):
            if not partial and not any(g.get_role(role_id) for g in bot.guilds):
                found.append(
                    f"discord.{name}: {role_id} is no role in the bot's servers (a role's id: "
                    "Server Settings > Roles, right-click the role > Copy Role ID)"
                )
    for guild in bot.guilds:
        if guild.id in settings.moderator_role_ids:  # (@everyone's id is its server's)
            found.append(
                f"discord.moderator_role_ids: {guild.id} is the @everyone role of "
                f"{guild.name} (every member): it makes no one a moderator; name the "
                "moderators' own role"
            )
    for guild_id in settings.home_guild_ids:
        # (Its members with Manage Server would not be moderators, without a word.)
        if not partial and bot.get_guild(guild_id) is None:
            found.append(
                f"discord.home_guild_ids: {guild_id} is no server the bot is in (a server's "
                "id: right-click the server's icon > Copy Server ID)"
            )
    return found


async def report(bot: RolloverBot) -> None:
    """Log the problems found, each on its line, and post them to the moderator log."""
    await _tell(
        bot,
        problems(bot),
        "the bot keeps working where it can; fix these in Discord or in the settings",
    )


async def _tell(bot: RolloverBot, found: list[str], heading: str) -> None:
    """Setup problems, each on its line in the log, and together in the moderator log."""
    for line in found:
        log.warning("server setup: %s", line)
    if found:
        lines = "\n".join(f"- {line}" for line in found)
        await mod_log.post(bot, f"**Server setup:** {heading}:\n{lines}")


def _forum(bot: RolloverBot, channel_id: int, partial: bool) -> list[str]:
    channel = bot.get_channel(channel_id)
    if channel is None:
        return [] if partial else [_unseen("forum_channel_ids", channel_id)]
    if not isinstance(channel, discord.ForumChannel):
        return [
            f"discord.forum_channel_ids: {_named_channel(channel)} is a {channel.type} "
            "channel, not a forum: the bot answers new posts in forums only (mentions in "
            "text channels: discord.text_channel_ids)"
        ]
    tags = _tags(bot)
    needs = FORUM_NEEDS + (("manage_threads",) if tags else ())
    found = _missing(channel, "forum_channel_ids", needs)
    for setting, name in tags.items():
        if named_tag(channel.available_tags, name.casefold()) is None:
            found.append(_no_tag(setting, channel, name))
    return found


def tags_lost(bot: RolloverBot, before: object, after: object) -> list[str]:
    """The configured tags a watched forum had and has no more: renamed or deleted in
    Discord while the bot runs (the start's check found them), so posts go untagged, or
    carry a tag the bot no longer knows, until someone notices."""
    if (
        not isinstance(before, discord.ForumChannel)
        or not isinstance(after, discord.ForumChannel)
        or after.id not in bot.settings.discord.forum_channel_ids
    ):
        return []
    return [
        _no_tag(setting, after, name)
        for setting, name in _tags(bot).items()
        if named_tag(before.available_tags, name.casefold()) is not None
        and named_tag(after.available_tags, name.casefold()) is None
    ]


async def report_tags_lost(bot: RolloverBot, before: object, after: object) -> None:
    """A watched forum's change that took a configured tag away: said at once, as the
    start's check would say it (log and moderator log)."""
    await _tell(
        bot,
        tags_lost(bot, before, after),
        "a watched forum's tags changed; fix this in Discord or in the settings",
    )


def _tags(bot: RolloverBot) -> dict[str, str]:
    """The forum tags the settings name, by setting (a blank name turns that tag off)."""
    settings = bot.settings.discord
    return {
        setting: name
        for setting in ("answered_tag", "needs_human_tag")
        if (name := getattr(settings, setting).strip())
    }


def _no_tag(setting: str, channel: discord.ForumChannel, name: str) -> str:
    return (
        f"discord.{setting}: the forum {_named_channel(channel)} has no tag named "
        f"'{name}': create it in the forum's settings (Tags), or set discord.{setting}"
        ' to one it has ("" for none)'
    )


def _channel(
    bot: RolloverBot, setting: str, channel_id: int, needs: tuple[str, ...], partial: bool
) -> list[str]:
    channel = bot.get_channel(channel_id)
    if channel is None:
        return [] if partial else [_unseen(setting, channel_id)]
    if isinstance(channel, discord.ForumChannel) and setting == "text_channel_ids":
        # (Mentions in its posts are answered: it is their threads the bot replies in.)
        return _missing(channel, setting, _in_threads(needs))
    if not isinstance(channel, discord.abc.GuildChannel | discord.Thread) or not isinstance(
        channel, discord.abc.Messageable
    ):
        return [
            f"discord.{setting}: {_named_channel(channel)} is a "
            f"{getattr(channel, 'type', '?')} channel, where the bot cannot post: give a "
            "text channel's id"
        ]
    if isinstance(channel, discord.Thread):
        needs = _in_threads(needs)
    return _missing(channel, setting, needs)


def needed_for(kind: str) -> str:
    """What replying needs, in Discord's words: to a forum post (``kind`` "post"), else to a
    mention (in a text channel, or in a thread, where Send Messages in Threads is the one)."""
    if kind == "post":
        names = [_NAMES[p] for p in FORUM_NEEDS]
    else:
        names = [_NAMES[p] for p in TEXT_NEEDS]
        names[names.index(_NAMES["send_messages"])] += " (in Threads too)"
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def _in_threads(needs: tuple[str, ...]) -> tuple[str, ...]:
    """What posting needs where the bot posts in threads (a forum's posts, a thread)."""
    return tuple("send_messages_in_threads" if p == "send_messages" else p for p in needs)


def _missing(
    channel: discord.abc.GuildChannel | discord.Thread, setting: str, needs: tuple[str, ...]
) -> list[str]:
    permissions = _permissions(channel, channel.guild.me)
    missing = [_NAMES[p] for p in needs if not getattr(permissions, p)]
    if not missing:
        return []
    return [
        f"discord.{setting}: in {_named_channel(channel)} the bot lacks "
        f"{', '.join(missing)}: allow {'it' if len(missing) == 1 else 'them'} to the bot's "
        "role (the channel's Permissions, or the README's invite link)"
    ]


def _permissions(
    channel: discord.abc.GuildChannel | discord.Thread, me: discord.Member
) -> discord.Permissions:
    """The bot's permissions where it posts. A forum's are read as its posts' start from,
    the overwrites alone: read as the forum's own, a bot denied Send Messages there (the
    forum's Create Posts, never needed) lacked Embed Links too, which allowing Embed Links
    never cleared, while its answers in the posts carry their cards."""
    if isinstance(channel, discord.ForumChannel):
        return discord.abc.GuildChannel.permissions_for(channel, me)
    return channel.permissions_for(me)


def _unseen(setting: str, channel_id: int) -> str:
    return (
        f"discord.{setting}: no channel {channel_id} in the bot's servers (the bot not "
        "invited there, or not a channel's id: with Developer Mode on, right-click the "
        "channel > Copy Channel ID)"
    )


def _named_channel(channel: object) -> str:
    return f"#{getattr(channel, 'name', '?')} ({getattr(channel, 'id', '?')})"
