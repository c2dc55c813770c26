"""The fake world: users, guilds with roles, members, channels, threads, messages and commands.

Users, roles and members are dataclasses (tests pass them around as authors); channels,
threads and messages are kept as Discord-shaped dicts (string ids) because they are sent to
the client as they are and REST PATCHes merge into them.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord

DISCORD_EPOCH_MS = 1_420_070_400_000
ALL_PERMISSIONS = discord.Permissions.all().value
ADMINISTRATOR = discord.Permissions(administrator=True).value

# Channel types used here (Discord API values).
TEXT_CHANNEL = 0
DM_CHANNEL = 1
CATEGORY_CHANNEL = 4
PUBLIC_THREAD = 11
PRIVATE_THREAD = 12
FORUM_CHANNEL = 15
THREAD_TYPES = frozenset({10, PUBLIC_THREAD, PRIVATE_THREAD})


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class Snowflakes:
    """Monotonic timestamp-based ids, so `discord.utils.snowflake_time()` gives sensible dates."""

    def __init__(self) -> None:
        self._last = 0

    def next(self, *, shard: tuple[int, int] | None = None) -> int:
        """A new id; with `shard=(shard_id, num_shards)` one whose guild lands on that shard."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        if shard is None:
            value = max(ms << 22, self._last + 1)
        else:
            shard_id, num_shards = shard
            # discord.py and Discord route a guild to shard (guild_id >> 22) % num_shards.
            stamp = max(ms, (self._last >> 22) + 1)
            stamp += (shard_id - stamp) % num_shards
            value = stamp << 22
        self._last = value
        return value


@dataclass
class User:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass
class Role:
    id: int
    name: str
    permissions: int = 0
    position: int = 0
    managed: bool = False
    mentionable: bool = False
    color: int = 0
    hoist: bool = False
    bot_id: int | None = None  # set for the bot's managed integration role

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"


@dataclass
class Member:
    user: User
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=now_iso)


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, dict[str, Any]] = field(default_factory=dict)
    threads: dict[int, dict[str, Any]] = field(default_factory=dict)
    joined_at: str = field(default_factory=now_iso)

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def channel(self, channel_id: int) -> dict[str, Any] | None:
        """A channel or thread of this guild."""
        return self.channels.get(channel_id) or self.threads.get(channel_id)

    def role_named(self, name: str) -> Role:
        for role in self.roles.values():
            if role.name == name:
                return role
        raise KeyError(f"no role named {name!r} in guild {self.name!r}")

    def base_permissions(self, user_id: int) -> int:
        """Guild-level permissions of a member (owner and administrator get everything)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        perms = self.everyone.permissions
        for role_id in member.roles if member else ():
            perms |= self.roles[role_id].permissions
        return ALL_PERMISSIONS if perms & ADMINISTRATOR else perms

    def permissions_in(self, user_id: int, channel: dict[str, Any] | None) -> int:
        """Discord's overwrite algorithm; threads use their parent's overwrites."""
        perms = self.base_permissions(user_id)
        if perms == ALL_PERMISSIONS or channel is None:
            return perms
        if channel.get("type") in THREAD_TYPES:
            channel = self.channels.get(int(channel["parent_id"]), channel)
        overwrites = {int(o["id"]): o for o in channel.get("permission_overwrites", [])}
        everyone = overwrites.get(self.id)
        if everyone:
            perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
        member = self.members.get(user_id)
        allow = deny = 0
        for role_id in member.roles if member else ():
            ow = overwrites.get(role_id)
            if ow and ow.get("type", 0) == 0:
                allow |= int(ow["allow"])
                deny |= int(ow["deny"])
        perms = (perms & ~deny) | allow
        own = overwrites.get(user_id)
        if own and own.get("type", 0) == 1:
            perms = (perms & ~int(own["deny"])) | int(own["allow"])
        return perms


@dataclass
class InteractionRecord:
    """Server-side state of one interaction: who may respond, and which message is 'original'."""

    id: int
    token: str
    type: int
    channel_id: int
    guild_id: int | None
    user_id: int
    payload: dict[str, Any]
    created: float  # time.monotonic()
    response_type: int | None = None
    original_message_id: int | None = None  # the clicked message for component interactions
    followup_ids: list[int] = field(default_factory=list)


# Sensible defaults for a small community server.
EVERYONE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    read_message_history=True,
    add_reactions=True,
    embed_links=True,
    attach_files=True,
    use_application_commands=True,
    use_external_emojis=True,
).value
MODERATOR_PERMISSIONS = discord.Permissions(
    manage_messages=True, manage_threads=True, moderate_members=True, mention_everyone=True
).value
BOT_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    attach_files=True,
    read_message_history=True,
    add_reactions=True,
    manage_threads=True,  # needed to apply a moderated forum tag such as "bot-answered"
    use_application_commands=True,
).value


class World:
    """Everything the fake Discord knows. Mutate it before the bot connects (GUILD_CREATE is
    built at IDENTIFY time); REST calls from the bot mutate it afterwards."""

    def __init__(
        self,
        *,
        guild_name: str = "401k Rollover Help",
        forum_tags: tuple[str, ...] = ("rollover", "bot-answered", "needs-human"),
        moderated_tags: tuple[str, ...] = ("bot-answered",),
        bot_name: str = "rollover-bot",
    ) -> None:
        self.snowflakes = Snowflakes()
        self.users: dict[int, User] = {}
        self.guilds: dict[int, Guild] = {}
        self.dm_channels: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.attachments: dict[int, bytes] = {}
        # Registered application commands: None -> global, guild id -> guild commands; by name.
        self.commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.interaction_tokens: dict[str, InteractionRecord] = {}  # webhook routes use tokens

        self.bot_user = self.add_user(bot_name, bot=True)
        self.application_id = self.bot_user.id  # as for any modern bot: app id == bot user id
        self.owner = self.add_user("owner", global_name="Server Owner")
        self.asker = self.add_user("asker", global_name="Asker")
        self.moderator = self.add_user("moderator", global_name="Mod")
        self.newcomer = self.add_user("newcomer")

        self.guild = self.add_guild(guild_name, owner=self.owner)
        self.member_role = self.add_role(self.guild, "Member", position=1)
        self.moderator_role = self.add_role(
            self.guild, "Moderator", permissions=MODERATOR_PERMISSIONS, position=2
        )
        self.add_member(self.guild, self.asker, roles=[self.member_role])
        self.add_member(self.guild, self.moderator, roles=[self.member_role, self.moderator_role])
        self.add_member(self.guild, self.newcomer)
        self.text_channel = self.add_text_channel(self.guild, "general")
        self.forum = self.add_forum_channel(
            self.guild, "rollover-questions", tags=forum_tags, moderated=moderated_tags
        )

    # -- construction -------------------------------------------------------------------
    def new_id(self) -> int:
        return self.snowflakes.next()

    def add_user(self, username: str, *, bot: bool = False, global_name: str | None = None) -> User:
        user = User(self.new_id(), username, global_name, bot)
        self.users[user.id] = user
        return user

    def add_guild(
        self, name: str, *, owner: User | None = None, shard: tuple[int, int] | None = None
    ) -> Guild:
        """A guild with @everyone, the bot (with its managed role) and the owner as members.
        `shard=(shard_id, num_shards)` picks an id that lands on that shard."""
        owner = owner or self.owner
        guild = Guild(self.snowflakes.next(shard=shard), name, owner.id)
        guild.roles[guild.id] = Role(guild.id, "@everyone", EVERYONE_PERMISSIONS, position=0)
        self.guilds[guild.id] = guild
        bot_role = self.add_role(
            guild, self.bot_user.username, permissions=BOT_PERMISSIONS, position=10, managed=True
        )
        bot_role.bot_id = self.bot_user.id
        self.add_member(guild, self.bot_user, roles=[bot_role])
        self.add_member(guild, owner)
        return guild

    def add_role(
        self,
        guild: Guild,
        name: str,
        *,
        permissions: int = 0,
        position: int | None = None,
        managed: bool = False,
        mentionable: bool = False,
    ) -> Role:
        pos = position if position is not None else len(guild.roles)
        role = Role(self.new_id(), name, permissions, pos, managed, mentionable)
        guild.roles[role.id] = role
        return role

    def add_member(self, guild: Guild, user: User, *, roles: list[Role] | None = None) -> Member:
        member = Member(user, [r.id for r in roles or ()])
        guild.members[user.id] = member
        return member

    def _base_channel(self, guild: Guild, name: str, ctype: int) -> dict[str, Any]:
        return {
            "id": str(self.new_id()),
            "type": ctype,
            "guild_id": str(guild.id),
            "name": name,
            "position": len(guild.channels),
            "permission_overwrites": [],
            "parent_id": None,
            "nsfw": False,
            "flags": 0,
            "rate_limit_per_user": 0,
            "topic": None,
            "last_message_id": None,
        }

    def add_text_channel(self, guild: Guild, name: str) -> dict[str, Any]:
        channel = self._base_channel(guild, name, TEXT_CHANNEL)
        guild.channels[int(channel["id"])] = channel
        return channel

    def add_forum_channel(
        self,
        guild: Guild,
        name: str,
        *,
        tags: tuple[str, ...] = (),
        moderated: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        channel = self._base_channel(guild, name, FORUM_CHANNEL)
        channel.update(
            {
                # emoji_name is a required key for discord.py's ForumTag.from_data.
                "available_tags": [
                    {
                        "id": str(self.new_id()),
                        "name": tag,
                        "moderated": tag in moderated,
                        "emoji_id": None,
                        "emoji_name": None,
                    }
                    for tag in tags
                ],
                "default_reaction_emoji": None,
                "default_thread_rate_limit_per_user": 0,
                "default_sort_order": None,
                "default_forum_layout": 0,
                "default_auto_archive_duration": 1440,
            }
        )
        guild.channels[int(channel["id"])] = channel
        return channel

    def add_thread(
        self,
        parent: dict[str, Any],
        name: str,
        *,
        owner: User,
        applied_tags: list[int] | None = None,
        thread_id: int | None = None,
        thread_type: int = PUBLIC_THREAD,
    ) -> dict[str, Any]:
        guild = self.guilds[int(parent["guild_id"])]
        stamp = now_iso()
        thread = {
            "id": str(thread_id or self.new_id()),
            "type": thread_type,
            "guild_id": str(guild.id),
            "parent_id": parent["id"],
            "owner_id": str(owner.id),
            "name": name,
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "total_message_sent": 0,
            "rate_limit_per_user": 0,
            "flags": 0,
            "applied_tags": [str(t) for t in applied_tags or ()],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": parent.get("default_auto_archive_duration", 1440),
                "archive_timestamp": stamp,
                "locked": False,
                "create_timestamp": stamp,
            },
        }
        guild.threads[int(thread["id"])] = thread
        return thread

    # -- lookups --------------------------------------------------------------------------
    def user(self, user_id: int | str) -> User:
        return self.users[int(user_id)]

    def channel(self, channel_id: int | str) -> dict[str, Any] | None:
        cid = int(channel_id)
        for guild in self.guilds.values():
            found = guild.channel(cid)
            if found is not None:
                return found
        return self.dm_channels.get(cid)

    def guild_of(self, channel: dict[str, Any]) -> Guild | None:
        gid = channel.get("guild_id")
        return self.guilds.get(int(gid)) if gid else None

    def tag_id(self, name: str, forum: dict[str, Any] | None = None) -> int:
        forum = forum or self.forum
        for tag in forum.get("available_tags", []):
            if tag["name"] == name:
                return int(tag["id"])
        raise KeyError(f"forum {forum['name']!r} has no tag {name!r}")

    def tag_name(self, tag_id: int | str, forum: dict[str, Any] | None = None) -> str:
        forum = forum or self.forum
        for tag in forum.get("available_tags", []):
            if int(tag["id"]) == int(tag_id):
                return str(tag["name"])
        raise KeyError(f"forum {forum['name']!r} has no tag id {tag_id}")

    def messages_in(self, channel_id: int | str) -> list[dict[str, Any]]:
        """Messages of a channel or thread, oldest first (ids are monotonic)."""
        cid = str(channel_id)
        return sorted(
            (m for m in self.messages.values() if m["channel_id"] == cid),
            key=lambda m: int(m["id"]),
        )

    def dm_channel(self, user: User) -> dict[str, Any]:
        for channel in self.dm_channels.values():
            if channel["recipients"][0]["id"] == str(user.id):
                return channel
        channel = {
            "id": str(self.new_id()),
            "type": DM_CHANNEL,
            "last_message_id": None,
            # A full user object: discord.py indexes avatar, global_name, etc.
            "recipients": [
                {
                    "id": str(user.id),
                    "username": user.username,
                    "discriminator": "0",
                    "global_name": user.global_name,
                    "avatar": None,
                    "public_flags": 0,
                }
            ],
        }
        self.dm_channels[int(channel["id"])] = channel
        return channel

    def new_token(self) -> str:
        return "itok-" + secrets.token_urlsafe(24)

    def add_interaction(self, record: InteractionRecord) -> None:
        self.interactions[record.id] = record
        self.interaction_tokens[record.token] = record
