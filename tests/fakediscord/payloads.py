"""Builders for the JSON payloads discord.py parses, with every key it indexes directly."""

from __future__ import annotations

from typing import Any

from .state import (
    FORUM_CHANNEL,
    Guild,
    Member,
    Role,
    User,
    World,
    now_iso,
)

ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
EPHEMERAL = 1 << 6
LOADING = 1 << 7


def user_payload(user: User) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(user.id),
        "username": user.username,
        "discriminator": "0",
        "global_name": user.global_name,
        "avatar": None,
        "public_flags": 0,
    }
    if user.bot:
        data["bot"] = True
    return data


def client_user_payload(user: User) -> dict[str, Any]:
    """GET /users/@me and READY.user: the ClientUser needs verified/mfa_enabled/flags."""
    return {
        **user_payload(user),
        "verified": True,
        "mfa_enabled": False,
        "flags": 0,
        "locale": "en-US",
    }


def role_payload(role: Role) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(role.id),
        "name": role.name,
        "permissions": str(role.permissions),
        "position": role.position,
        "color": role.color,
        "hoist": role.hoist,
        "managed": role.managed,
        "mentionable": role.mentionable,
        "icon": None,
        "unicode_emoji": None,
        "flags": 0,
    }
    if role.bot_id is not None:
        data["tags"] = {"bot_id": str(role.bot_id)}
    return data


def member_payload(
    member: Member, *, with_user: bool = True, permissions: int | None = None
) -> dict[str, Any]:
    # discord.py's Member indexes `roles` and `flags`; `joined_at` may be null but is present.
    data: dict[str, Any] = {
        "roles": [str(r) for r in member.roles],
        "nick": member.nick,
        "avatar": None,
        "joined_at": member.joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if with_user:
        data["user"] = user_payload(member.user)
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild_create_payload(guild: Guild, *, include_all_members: bool) -> dict[str, Any]:
    """GUILD_CREATE. Without the members intent Discord sends only the bot's own member, so
    the caller decides. member_count == len(members) when all are sent, so discord.py
    considers the guild chunked and never sends op 8 REQUEST_GUILD_MEMBERS."""
    bot_ids = {m.user.id for m in guild.members.values() if m.user.bot}
    members = [
        member_payload(m)
        for m in guild.members.values()
        if include_all_members or m.user.id in bot_ids
    ]
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(guild.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "vanity_url_code": None,
        "max_members": 500000,
        "unavailable": False,
        "large": False,
        "lazy": True,
        "joined_at": guild.joined_at,
        "member_count": len(guild.members),
        "features": [],
        "emojis": [],
        "stickers": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "roles": [role_payload(r) for r in guild.roles.values()],
        "members": members,
        "channels": list(guild.channels.values()),
        "threads": [t for t in guild.threads.values() if not t["thread_metadata"]["archived"]],
    }


def guild_payload(guild: Guild) -> dict[str, Any]:
    """GET /guilds/{id}: a guild without the gateway-only lists."""
    data = guild_create_payload(guild, include_all_members=False)
    for key in (
        "members",
        "channels",
        "threads",
        "voice_states",
        "presences",
        "joined_at",
        "large",
    ):
        data.pop(key, None)
    return data


def application_payload(world: World) -> dict[str, Any]:
    return {
        "id": str(world.application_id),
        "name": world.bot_user.username,
        "description": "Fake application for tests",
        "icon": None,
        "bot_public": False,
        "bot_require_code_grant": False,
        "owner": user_payload(world.owner),
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "summary": "",
        "interactions_endpoint_url": None,  # non-null would make discord.py warn
        "bot": user_payload(world.bot_user),
    }


#: Message types a message may reply to; the others are Discord's system messages (a pin
#: notice 6, a member's join 7, a boost 8-11, "started a thread" 18...), as discord.py's
#: ``Message.is_system`` has them: Discord refuses a reply to one.
REPLYABLE_TYPES = frozenset({0, 19, 20, 21, 23, 46})


def message_payload(
    world: World,
    channel: dict[str, Any],
    author: User,
    content: str = "",
    *,
    message_id: int | None = None,
    embeds: list[dict[str, Any]] | None = None,
    components: list[dict[str, Any]] | None = None,
    attachments: list[dict[str, Any]] | None = None,
    mentions: list[User] | None = None,
    mention_roles: list[int] | None = None,
    mention_everyone: bool = False,
    flags: int = 0,
    message_type: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    guild = world.guild_of(channel)
    data: dict[str, Any] = {
        "id": str(message_id or world.new_id()),
        "channel_id": channel["id"],
        "type": message_type,
        "content": content,
        "author": user_payload(author),
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": mention_everyone,
        "mentions": [],
        "mention_roles": [str(r) for r in mention_roles or ()],
        "attachments": list(attachments or ()),
        "embeds": list(embeds or ()),
        "components": list(components or ()),
        "reactions": [],
        "pinned": False,
        "flags": flags,
        **extra,
    }
    if guild is not None:
        data["guild_id"] = str(guild.id)
        member = guild.members.get(author.id)
        if member is not None and "webhook_id" not in extra:
            data["member"] = member_payload(member, with_user=False)
        for user in mentions or ():
            entry = user_payload(user)
            mentioned = guild.members.get(user.id)
            if mentioned is not None:
                entry["member"] = member_payload(mentioned, with_user=False)
            data["mentions"].append(entry)
    else:
        data["mentions"] = [user_payload(u) for u in mentions or ()]
    return data


def interaction_payload(
    world: World,
    *,
    interaction_id: int,
    token: str,
    interaction_type: int,
    data: dict[str, Any] | None,
    user: User,
    channel: dict[str, Any],
    message: dict[str, Any] | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    """INTERACTION_CREATE. `attachment_size_limit`, `version` and `application_id` are keys
    discord.py indexes directly; `member.permissions` drives its permission checks."""
    guild = world.guild_of(channel)
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(world.application_id),
        "type": interaction_type,
        "token": token,
        "version": 1,
        "channel_id": channel["id"],
        "channel": channel,
        "locale": locale,
        "entitlements": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if data is not None:
        payload["data"] = data
    if message is not None:
        payload["message"] = message
    if guild is not None:
        member = guild.members.get(user.id) or Member(user)
        payload.update(
            {
                "guild_id": str(guild.id),
                "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "member": member_payload(
                    member, permissions=guild.permissions_in(user.id, channel)
                ),
                "app_permissions": str(guild.permissions_in(world.bot_user.id, channel)),
                "authorizing_integration_owners": {"0": str(guild.id)},
                "context": 0,  # GUILD
            }
        )
    else:
        payload.update(
            {
                "user": user_payload(user),
                "app_permissions": "0",
                "authorizing_integration_owners": {"0": "0"},
                "context": 1,  # BOT_DM
            }
        )
    return payload


def command_payload(world: World, body: dict[str, Any], *, command_id: int, guild_id: int | None):
    """The stored form of an application command as Discord returns it."""
    return {
        "type": 1,
        "description": "",
        "options": [],
        "default_member_permissions": None,
        "nsfw": False,
        "contexts": None,
        "integration_types": [0],
        **body,
        "id": str(command_id),
        "application_id": str(world.application_id),
        "guild_id": str(guild_id) if guild_id else None,
        "version": str(world.new_id()),
    }


def is_forum(channel: dict[str, Any] | None) -> bool:
    return channel is not None and channel.get("type") == FORUM_CHANNEL
