"""Who may do what: moderators (FAQ admin, undoing answers) and helpers (pointing a
question at an entry). Server permissions first, then the roles named in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

if TYPE_CHECKING:
    from bot.app import RolloverBot


def home_guild_ids(bot: RolloverBot) -> set[int]:
    """The servers whose Manage Server permission makes a moderator.

    The FAQ folder, the review queue and the stats are shared by every server the bot is
    in, so managing some other server (anyone can add a public bot to their own) must not
    make one an FAQ admin here. The servers named in ``home_guild_ids``; else those of the
    configured channels; else, unsharded, the bot's only server. A bot in several servers
    (or sharded) with none of these takes moderators from ``moderator_role_ids`` alone.
    """
    settings = bot.settings.discord
    if settings.home_guild_ids:
        return set(settings.home_guild_ids)
    channel_ids = [*settings.forum_channel_ids, *settings.text_channel_ids]
    if settings.mod_log_channel_id is not None:
        channel_ids.append(settings.mod_log_channel_id)
    homes = {
        guild.id
        for channel_id in channel_ids
        if (guild := getattr(bot.get_channel(channel_id), "guild", None)) is not None
    }
    # (Not when sharded: a process holding one stranger's server, and not the home one,
    # would take that server for home.)
    if not homes and settings.shard_count is None and len(bot.guilds) == 1:
        homes = {bot.guilds[0].id}
    return homes


def is_moderator(bot: RolloverBot, user: discord.abc.User) -> bool:
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild and user.guild.id in home_guild_ids(bot):
        return True
    # (Role ids are unique across Discord: a configured role exists in one server only.)
    allowed = set(bot.settings.discord.moderator_role_ids)
    # Never @everyone, which every member holds: its id is the server's, and a server id
    # pasted as a moderator role made every member an FAQ admin (server_setup says so).
    return any(role.id in allowed and not role.is_default() for role in user.roles)


def is_helper(bot: RolloverBot, user: discord.abc.User) -> bool:
    """Anyone when no helper role is configured; else that role, or a moderator."""
    roles = set(bot.settings.discord.helper_role_ids)
    if not roles or is_moderator(bot, user):
        return True
    return isinstance(user, discord.Member) and any(r.id in roles for r in user.roles)


def speaks_for_people(bot: RolloverBot, user: discord.abc.User, author_id: int) -> bool:
    """Whether pointing a post at an entry takes its needs-a-human tag off: for the post's
    author, a moderator, or a member of a configured helper role. With no helper role
    set anyone may point, but a passer-by must not hide a post that asked for people."""
    if user.id == author_id or is_moderator(bot, user):
        return True
    # (Not is_helper, which says yes to anyone when no helper role is named; nor
    # @everyone named as one, which lets anyone point but makes no one a helper here.)
    roles = set(bot.settings.discord.helper_role_ids)
    return isinstance(user, discord.Member) and any(
        r.id in roles and not r.is_default() for r in user.roles
    )
