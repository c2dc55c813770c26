"""Who may do what: moderators (FAQ admin, undoing answers) and helpers (pointing a
question at an entry). Server permissions first, then the roles named in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

if TYPE_CHECKING:
    from bot.app import RolloverBot


def is_moderator(bot: RolloverBot, user: discord.abc.User) -> bool:
    if not isinstance(user, discord.Member):
        return False
    if user.guild_permissions.manage_guild:
        return True
    allowed = set(bot.settings.discord.moderator_role_ids)
    return any(role.id in allowed for role in user.roles)


def is_helper(bot: RolloverBot, user: discord.abc.User) -> bool:
    """Anyone when no helper role is configured; else that role, or a moderator."""
    roles = set(bot.settings.discord.helper_role_ids)
    if not roles or is_moderator(bot, user):
        return True
    return isinstance(user, discord.Member) and any(r.id in roles for r in user.roles)
