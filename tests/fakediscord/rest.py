"""The fake REST API (`/api/v10/...`): routes the bot uses, request recording, REST faults.

Every request is recorded as a `Call` once it has been answered (so a test that waits for a
call sees its effect on the world). Every JSON reply carries exactly
`Content-Type: application/json`: discord.py treats anything else (aiohttp's default adds
`; charset=utf-8`) as text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import aiohttp
from aiohttp import web

from . import payloads as P
from .mentions import mentioned_ids, would_ping
from .recorder import Recorder
from .state import (
    FORUM_CHANNEL,
    PUBLIC_THREAD,
    THREAD_TYPES,
    Guild,
    InteractionRecord,
    User,
    World,
    now_iso,
)
from .validation import (
    DiscordError,
    validate_choices,
    validate_command,
    validate_message,
    validate_modal,
)

if TYPE_CHECKING:
    from .gateway import Gateway

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
PERM = {  # permission bits used by the checks below
    "view_channel": 1 << 10,
    "send_messages": 1 << 11,
    "manage_messages": 1 << 13,
    "mention_everyone": 1 << 17,
    "manage_channels": 1 << 4,
    "manage_threads": 1 << 34,
    "send_messages_in_threads": 1 << 38,
    "add_reactions": 1 << 6,
    "read_message_history": 1 << 16,
}
# Interaction callback types allowed per interaction type.
CALLBACKS_FOR = {
    2: {4, 5, 9},  # application command
    3: {4, 5, 6, 7, 9},  # component
    4: {8},  # autocomplete
    5: {4, 5, 6, 7},  # modal submit (6/7 only when opened from a component)
}
INTERACTION_TIMEOUT = 3.0  # Discord invalidates an unanswered interaction token after 3 s


@dataclass
class FilePart:
    name: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass
class Call:
    """One REST request, recorded after it was answered."""

    index: int
    method: str
    path: str  # without the /api/v10 prefix and the query string
    query: dict[str, str]
    json: Any
    files: list[FilePart]
    headers: dict[str, str]
    time: float  # time.monotonic() at arrival
    route: str | None = None  # e.g. "POST /channels/{channel_id}/messages"; None: unknown
    params: dict[str, str] = field(default_factory=dict)
    status: int = 0
    response: Any = None
    injected: bool = False  # answered by an injected fault, not by the route

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def describe(self) -> str:
        flag = " [injected]" if self.injected else ""
        return f"{self.method} {self.path} -> {self.status}{flag}"


#: A fault's status for a connection dropped with no answer.
DROPPED = 0


@dataclass
class Fault:
    method: str | None
    path: re.Pattern[str]
    remaining: int
    status: int
    retry_after: float
    is_global: bool
    body: Any
    #: Run the route first (Discord did the work) and answer with the fault anyway: a
    #: response lost on the way back.
    after_route: bool = False
    #: Seconds to hold the request before answering (a reply in flight).
    delay: float = 0.0


@dataclass
class RestRequest:
    call: Call
    request: web.Request

    @property
    def params(self) -> dict[str, str]:
        return self.call.params

    @property
    def json(self) -> Any:
        return self.call.json

    def body(self) -> dict[str, Any]:
        return self.call.json if isinstance(self.call.json, dict) else {}


Handler = Callable[["RestApi", RestRequest], Awaitable[Any]]
_ROUTES: list[tuple[str, str, re.Pattern[str], Handler]] = []


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    pattern = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")

    def register(handler: Handler) -> Handler:
        _ROUTES.append((method, template, pattern, handler))
        return handler

    return register


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None):
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def not_found(what: str, code: int) -> DiscordError:
    return DiscordError(404, code, f"Unknown {what}")


MISSING_PERMISSIONS = (403, 50013, "Missing Permissions")


class RestApi:
    def __init__(self, world: World, gateway: Gateway, *, token: str) -> None:
        self.world = world
        self.gateway = gateway
        self.token = token
        self.calls: Recorder[Call] = Recorder(Call.describe)
        self.faults: list[Fault] = []
        self.latency = 0.0  # seconds added to every reply (a slow API)
        self.echo_events = True  # send the gateway events Discord sends for the bot's actions
        self.interaction_timeout: float | None = INTERACTION_TIMEOUT
        self.cdn_base = ""  # set by the harness: where attachment URLs point
        self.in_flight = 0
        self.last_activity = time.monotonic()
        # Bugs in the fake itself (not the bot): the fake_discord fixture fails the test.
        self.errors: list[tuple[Call, BaseException]] = []

    # -- faults --------------------------------------------------------------------------
    def fail_next(
        self,
        method: str | None,
        path: str,
        *,
        times: int = 1,
        status: int = 429,
        retry_after: float = 0.05,
        is_global: bool = False,
        body: Any = None,
        after_route: bool = False,
        delay: float = 0.0,
    ) -> None:
        """Answer the next `times` requests whose path fully matches the regex `path` with
        `status`: 429 (with `Via` and JSON `retry_after`, which discord.py honours and
        retries), 500/502/504 (discord.py retries after 1 + 2*try seconds), 0 (no answer:
        the connection drops, which the bot's aiohttp raises as ServerDisconnectedError) or
        any other. `after_route`: do what was asked, then answer with the fault (the
        response was lost); `delay`: hold the request that long first (a reply in flight)."""
        self.faults.append(
            Fault(
                method,
                re.compile(path),
                times,
                status,
                retry_after,
                is_global,
                body,
                after_route,
                delay,
            )
        )

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if (
                fault.remaining > 0
                and fault.method in (None, method)
                and fault.path.fullmatch(path)
            ):
                fault.remaining -= 1
                return fault
        return None

    @staticmethod
    def _fault_response(fault: Fault) -> tuple[int, Any, dict[str, str]]:
        if fault.status == 429:
            body = fault.body or {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
                "code": 0,
            }
            headers = {
                "Via": "1.1 google",  # without it discord.py assumes a Cloudflare ban
                "Retry-After": str(math.ceil(fault.retry_after)),
                "X-RateLimit-Scope": "global" if fault.is_global else "user",
            }
            if fault.is_global:
                headers["X-RateLimit-Global"] = "true"
            return 429, body, headers
        body = fault.body or {"message": f"{fault.status}: Fake Failure", "code": 0}
        return fault.status, body, {}

    # -- dispatching ---------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.last_activity = time.monotonic()
        try:
            return await self._handle(request)
        finally:
            self.in_flight -= 1
            self.last_activity = time.monotonic()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        arrived = time.monotonic()
        path = request.path[len(API_PREFIX) :] or "/"
        body, files = await self._read_body(request)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        call = Call(
            len(self.calls),
            request.method,
            path,
            dict(request.query),
            body,
            files,
            headers,
            arrived,
        )
        reply_headers: dict[str, str] = {}
        if self.latency:
            await asyncio.sleep(self.latency)
        fault = self._take_fault(request.method, path)
        if fault is not None:
            call.injected = True
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.after_route:
                await self._route(call, request)
            status, data, reply_headers = self._fault_response(fault)
            if status == DROPPED:
                call.status, call.response = status, None
                self.calls.append(call)
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=204)  # (never sent: the connection is gone)
        else:
            status, data = await self._route(call, request)
        call.status, call.response = status, data
        self.calls.append(call)
        if status == 204 or data is None:
            return web.Response(status=204)
        return json_response(data, status, reply_headers)

    async def _route(self, call: Call, request: web.Request) -> tuple[int, Any]:
        handler = None
        for method, template, pattern, candidate in _ROUTES:
            match = pattern.match(call.path)
            if method == call.method and match:
                call.route = f"{method} {template}"
                call.params = match.groupdict()
                handler = candidate
                break
        if handler is None:
            log.warning("fake Discord: unhandled %s %s", call.method, call.path)
            return 404, {"message": "404: Not Found", "code": 0}
        needs_auth = not call.path.startswith(("/interactions/", "/webhooks/"))
        if needs_auth and request.headers.get("Authorization") != f"Bot {self.token}":
            return 401, {"message": "401: Unauthorized", "code": 0}
        try:
            result = await handler(self, RestRequest(call, request))
        except DiscordError as exc:
            return exc.status, exc.body()
        except Exception as exc:
            # 503: discord.py raises at once instead of retrying a 500 for ~25 s.
            log.exception("fake Discord: internal error in %s", call.route)
            self.errors.append((call, exc))
            return 503, {"message": f"fake Discord internal error: {exc!r}", "code": 0}
        if isinstance(result, tuple):
            return result
        return (204, None) if result is None else (200, result)

    @staticmethod
    async def _read_body(request: web.Request) -> tuple[Any, list[FilePart]]:
        if not request.can_read_body:
            return None, []
        if request.content_type.startswith("multipart/"):
            body: Any = None
            files: list[FilePart] = []
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, aiohttp.BodyPartReader):
                    continue
                data = await part.read()
                if part.name == "payload_json":
                    body = json.loads(data)
                else:
                    ctype = part.headers.get("Content-Type", "application/octet-stream")
                    files.append(FilePart(part.name or "", part.filename, ctype, bytes(data)))
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        if request.content_type == "application/json":
            return json.loads(raw), []
        return raw.decode(errors="replace"), []

    # -- queries -------------------------------------------------------------------------
    @property
    def unhandled(self) -> list[Call]:
        """Requests to routes the fake does not implement (answered 404)."""
        return [c for c in self.calls if c.route is None]

    # -- helpers for handlers ------------------------------------------------------------
    def _channel(self, channel_id: str) -> dict[str, Any]:
        channel = self.world.channel(channel_id) if channel_id.isdigit() else None
        if channel is None:
            raise not_found("Channel", 10003)
        return channel

    def _guild(self, guild_id: str) -> Guild:
        guild = self.world.guilds.get(int(guild_id)) if guild_id.isdigit() else None
        if guild is None:
            raise not_found("Guild", 10004)
        return guild

    def _bot_perms(self, channel: dict[str, Any]) -> int:
        guild = self.world.guild_of(channel)
        if guild is None:
            return PERM["view_channel"] | PERM["send_messages"]  # DMs
        return guild.permissions_in(self.world.bot_user.id, channel)

    def _require(self, channel: dict[str, Any], *names: str) -> None:
        perms = self._bot_perms(channel)
        if any(not perms & PERM[n] for n in names):
            raise DiscordError(*MISSING_PERMISSIONS)

    async def _echo(self, event: str, data: dict[str, Any]) -> None:
        if self.echo_events:
            await self.gateway.dispatch(event, data)

    def _message(self, channel_id: str, message_id: str) -> dict[str, Any]:
        message = self.world.messages.get(int(message_id)) if message_id.isdigit() else None
        if message is None or message["channel_id"] != channel_id:
            raise not_found("Message", 10008)
        return message

    def _attachments(
        self, channel: dict[str, Any], body: dict[str, Any], files: list[FilePart]
    ) -> list[dict[str, Any]]:
        """Attachment objects for uploaded files; bytes are served at cdn_base."""
        meta = {str(a.get("id")): a for a in body.get("attachments") or ()}
        result = []
        for index, part in enumerate(files):
            match = re.fullmatch(r"files\[(\d+)\]", part.name)
            key = match.group(1) if match else str(index)
            filename = meta.get(key, {}).get("filename") or part.filename or f"file{index}"
            attachment_id = self.world.new_id()
            self.world.attachments[attachment_id] = part.data
            url = f"{self.cdn_base}/attachments/{channel['id']}/{attachment_id}/{quote(filename)}"
            result.append(
                {
                    "id": str(attachment_id),
                    "filename": filename,
                    "size": len(part.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": part.content_type,
                    "description": meta.get(key, {}).get("description"),
                    "ephemeral": False,
                }
            )
        return result

    def _create_bot_message(
        self,
        channel: dict[str, Any],
        body: dict[str, Any],
        files: list[FilePart],
        **extra: Any,
    ) -> dict[str, Any]:
        content = body.get("content") or ""
        guild = self.world.guild_of(channel)
        users, roles, _ = mentioned_ids(content)
        pings = would_ping(body)
        everyone = pings.everyone and bool(self._bot_perms(channel) & PERM["mention_everyone"])
        flags = int(body.get("flags") or 0) & ~P.LOADING
        message = P.message_payload(
            self.world,
            channel,
            self.world.bot_user,
            content,
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=self._attachments(channel, body, files),
            mentions=[self.world.users[u] for u in users if u in self.world.users],
            mention_roles=[r for r in roles if guild is not None and r in guild.roles],
            mention_everyone=everyone,
            flags=flags,
            **extra,
        )
        reference = body.get("message_reference")
        if reference and reference.get("message_id"):
            referenced = self.world.messages.get(int(reference["message_id"]))
            if referenced is None and reference.get("fail_if_not_exists", True):
                raise DiscordError.invalid_form([("message_reference", "Unknown message")])
            if referenced is not None and referenced.get("type", 0) not in P.REPLYABLE_TYPES:
                # (a pin notice, "started a thread", a member's join or boost: Discord's own)
                raise DiscordError.invalid_form(
                    [("message_reference", "Cannot reply to a system message")]
                )
            message["type"] = 19  # REPLY
            message["message_reference"] = {
                "type": 0,
                "message_id": str(reference["message_id"]),
                "channel_id": str(reference.get("channel_id") or channel["id"]),
                "guild_id": channel.get("guild_id"),
            }
            message["referenced_message"] = referenced
        self._store(channel, message)
        return message

    def _store(self, channel: dict[str, Any], message: dict[str, Any]) -> None:
        self.world.messages[int(message["id"])] = message
        channel["last_message_id"] = message["id"]
        if channel.get("type") in THREAD_TYPES and message["id"] != channel["id"]:
            channel["message_count"] = channel.get("message_count", 0) + 1
            channel["total_message_sent"] = channel.get("total_message_sent", 0) + 1

    @staticmethod
    def _apply_edit(
        message: dict[str, Any], body: dict[str, Any], attachments: list[dict[str, Any]]
    ) -> None:
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "attachments" in body or attachments:
            keep = {str(a.get("id")) for a in body.get("attachments") or ()}
            message["attachments"] = [a for a in message["attachments"] if a["id"] in keep]
            message["attachments"] += attachments
        if "flags" in body and body["flags"] is not None:
            # Only SUPPRESS_EMBEDS can change on edit; EPHEMERAL stays as it was.
            message["flags"] = (message["flags"] & ~4) | (int(body["flags"]) & 4)
        message["flags"] &= ~P.LOADING
        message["edited_timestamp"] = now_iso()

    async def _echo_message(self, event: str, message: dict[str, Any]) -> None:
        if not message["flags"] & P.EPHEMERAL:
            await self._echo(event, message)

    # ==================================================================== routes: identity
    @route("GET", "/users/@me")
    async def get_me(self, req: RestRequest) -> Any:
        return P.client_user_payload(self.world.bot_user)

    @route("GET", "/users/{user_id}")
    async def get_user(self, req: RestRequest) -> Any:
        uid = req.params["user_id"]
        if not uid.isdigit() or int(uid) not in self.world.users:
            raise not_found("User", 10013)
        return P.user_payload(self.world.user(uid))

    @route("POST", "/users/@me/channels")
    async def create_dm(self, req: RestRequest) -> Any:
        recipient = str(req.body().get("recipient_id", ""))
        if not recipient.isdigit() or int(recipient) not in self.world.users:
            raise not_found("User", 10013)
        return self.world.dm_channel(self.world.user(recipient))

    @route("GET", "/oauth2/applications/@me")
    async def get_application(self, req: RestRequest) -> Any:
        return P.application_payload(self.world)

    @route("GET", "/applications/@me")
    async def get_application_me(self, req: RestRequest) -> Any:
        return P.application_payload(self.world)

    @route("GET", "/gateway")
    async def get_gateway(self, req: RestRequest) -> Any:
        return {"url": self.gateway.url}

    @route("GET", "/gateway/bot")
    async def get_gateway_bot(self, req: RestRequest) -> Any:
        # Only AutoShardedClient asks; a plain Client uses DiscordWebSocket.DEFAULT_GATEWAY.
        return {
            "url": self.gateway.url,
            "shards": self.gateway.shard_count,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    # ================================================================ routes: app commands
    def _command_scope(self, req: RestRequest) -> int | None:
        if req.params["app_id"] != str(self.world.application_id):
            raise not_found("Application", 10002)
        gid = req.params.get("guild_id")
        if gid is None:
            return None
        return self._guild(gid).id

    def _upsert_command(self, scope: int | None, body: dict[str, Any]) -> dict[str, Any]:
        existing = self.world.commands.get(scope, {}).get(body.get("name", ""))
        same_type = existing is not None and existing.get("type", 1) == body.get("type", 1)
        command_id = int(existing["id"]) if existing and same_type else self.world.new_id()
        return P.command_payload(self.world, body, command_id=command_id, guild_id=scope)

    @route("PUT", "/applications/{app_id}/commands")
    @route("PUT", "/applications/{app_id}/guilds/{guild_id}/commands")
    async def bulk_overwrite_commands(self, req: RestRequest) -> Any:
        body = req.json if isinstance(req.json, list) else []
        return self.register_commands(self._command_scope(req), body)

    def register_commands(self, scope: int | None, body: list[dict[str, Any]]) -> list[Any]:
        """Bulk-overwrite the commands of a scope (None: global) as Discord does."""
        problems = [p for i, cmd in enumerate(body) for p in validate_command(cmd, str(i))]
        names = [(c.get("type", 1), c.get("name")) for c in body]
        if len(names) != len(set(names)):
            problems.append(("_errors", "Application command names must be unique"))
        if len(body) > 100:
            problems.append(("_errors", "Must be 100 or fewer in length."))
        if problems:
            raise DiscordError.invalid_form(problems)
        commands = [self._upsert_command(scope, cmd) for cmd in body]
        self.world.commands[scope] = {c["name"]: c for c in commands}
        return commands

    @route("GET", "/applications/{app_id}/commands")
    @route("GET", "/applications/{app_id}/guilds/{guild_id}/commands")
    async def list_commands(self, req: RestRequest) -> Any:
        return list(self.world.commands.get(self._command_scope(req), {}).values())

    @route("POST", "/applications/{app_id}/commands")
    @route("POST", "/applications/{app_id}/guilds/{guild_id}/commands")
    async def upsert_command(self, req: RestRequest) -> Any:
        scope = self._command_scope(req)
        problems = validate_command(req.body())
        if problems:
            raise DiscordError.invalid_form(problems)
        command = self._upsert_command(scope, req.body())
        created = command["name"] not in self.world.commands.get(scope, {})
        self.world.commands.setdefault(scope, {})[command["name"]] = command
        return (201 if created else 200), command

    def _find_command(self, req: RestRequest) -> tuple[int | None, dict[str, Any]]:
        scope = self._command_scope(req)
        for command in self.world.commands.get(scope, {}).values():
            if command["id"] == req.params["command_id"]:
                return scope, command
        raise not_found("application command", 10063)

    @route("GET", "/applications/{app_id}/commands/{command_id}")
    @route("GET", "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}")
    async def get_command(self, req: RestRequest) -> Any:
        return self._find_command(req)[1]

    @route("PATCH", "/applications/{app_id}/commands/{command_id}")
    @route("PATCH", "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}")
    async def edit_command(self, req: RestRequest) -> Any:
        scope, command = self._find_command(req)
        updated = {**command, **req.body()}
        problems = validate_command(updated)
        if problems:
            raise DiscordError.invalid_form(problems)
        del self.world.commands[scope][command["name"]]
        self.world.commands[scope][updated["name"]] = updated
        return updated

    @route("DELETE", "/applications/{app_id}/commands/{command_id}")
    @route("DELETE", "/applications/{app_id}/guilds/{guild_id}/commands/{command_id}")
    async def delete_command(self, req: RestRequest) -> Any:
        scope, command = self._find_command(req)
        del self.world.commands[scope][command["name"]]
        return None

    # ====================================================================== routes: guilds
    @route("GET", "/guilds/{guild_id}")
    async def get_guild(self, req: RestRequest) -> Any:
        return P.guild_payload(self._guild(req.params["guild_id"]))

    @route("GET", "/guilds/{guild_id}/channels")
    async def get_guild_channels(self, req: RestRequest) -> Any:
        return list(self._guild(req.params["guild_id"]).channels.values())

    @route("GET", "/guilds/{guild_id}/roles")
    async def get_roles(self, req: RestRequest) -> Any:
        return [P.role_payload(r) for r in self._guild(req.params["guild_id"]).roles.values()]

    @route("GET", "/guilds/{guild_id}/members/{user_id}")
    async def get_member(self, req: RestRequest) -> Any:
        guild = self._guild(req.params["guild_id"])
        uid = req.params["user_id"]
        member = guild.members.get(int(uid)) if uid.isdigit() else None
        if member is None:
            raise not_found("Member", 10007)
        return P.member_payload(member)

    @route("GET", "/guilds/{guild_id}/threads/active")
    async def get_active_threads(self, req: RestRequest) -> Any:
        guild = self._guild(req.params["guild_id"])
        active = [t for t in guild.threads.values() if not t["thread_metadata"]["archived"]]
        return {"threads": active, "members": []}

    # ==================================================================== routes: channels
    @route("GET", "/channels/{channel_id}")
    async def get_channel(self, req: RestRequest) -> Any:
        return self._channel(req.params["channel_id"])

    @route("PATCH", "/channels/{channel_id}")
    async def edit_channel(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        body = req.body()
        if channel.get("type") not in THREAD_TYPES:
            self._require(channel, "manage_channels")
            channel.update({k: v for k, v in body.items() if k != "id"})
            await self._echo("CHANNEL_UPDATE", channel)
            return channel
        is_owner = channel.get("owner_id") == str(self.world.bot_user.id)
        can_manage = bool(self._bot_perms(channel) & PERM["manage_threads"])
        if not (is_owner or can_manage):
            raise DiscordError(*MISSING_PERMISSIONS)
        if "applied_tags" in body:
            self._check_tags(channel, [str(t) for t in body["applied_tags"] or ()], can_manage)
        metadata = channel["thread_metadata"]
        if metadata.get("archived") and body.get("archived") is not False:
            # Discord changes nothing else in an archived thread: unarchive it first (or in
            # the same request).
            raise DiscordError(400, 50083, "Thread is archived")
        for key, value in body.items():
            if key in ("archived", "locked", "auto_archive_duration", "invitable"):
                metadata[key] = value
                if key == "archived":
                    metadata["archive_timestamp"] = now_iso()
            elif key == "applied_tags":
                channel["applied_tags"] = [str(t) for t in value or ()]
            elif key in ("name", "rate_limit_per_user", "flags"):
                channel[key] = value
        await self._echo("THREAD_UPDATE", channel)
        return channel

    def _check_tags(self, thread: dict[str, Any], tags: list[str], can_manage: bool) -> None:
        parent = self.world.channel(thread["parent_id"]) or {}
        available = {t["id"]: t for t in parent.get("available_tags", [])}
        problems = []
        if len(tags) > 5:
            problems.append(("applied_tags", "Must be 5 or fewer in length."))
        if len(set(tags)) != len(tags):
            problems.append(("applied_tags", "Tags must be unique"))
        unknown = [t for t in tags if t not in available]
        if unknown:
            problems.append(("applied_tags", f"Unknown tag(s) {unknown}"))
        if problems:
            raise DiscordError.invalid_form(problems)
        before = set(thread.get("applied_tags", []))
        changed_moderated = [
            t for t in before.symmetric_difference(tags) if available.get(t, {}).get("moderated")
        ]
        if changed_moderated and not can_manage:
            raise DiscordError(*MISSING_PERMISSIONS)  # moderated tags need MANAGE_THREADS

    @route("POST", "/channels/{channel_id}/typing")
    async def typing(self, req: RestRequest) -> Any:
        self._channel(req.params["channel_id"])
        return None

    @route("GET", "/channels/{channel_id}/messages")
    async def list_messages(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        if not self._bot_perms(channel) & PERM["read_message_history"]:
            return []  # (as Discord: "no messages will be returned")
        query = req.call.query
        messages = self.world.messages_in(channel["id"])
        if "before" in query:
            messages = [m for m in messages if int(m["id"]) < int(query["before"])]
        if "after" in query:
            messages = [m for m in messages if int(m["id"]) > int(query["after"])]
        limit = int(query.get("limit", 50))
        if "after" in query:
            return list(reversed(messages[:limit]))
        return list(reversed(messages[-limit:]))

    @route("GET", "/channels/{channel_id}/messages/{message_id}")
    async def get_message(self, req: RestRequest) -> Any:
        return self._message(req.params["channel_id"], req.params["message_id"])

    @route("POST", "/channels/{channel_id}/messages")
    async def create_message(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        if channel.get("type") == FORUM_CHANNEL:
            raise DiscordError(400, 50008, "Cannot send messages in a non-text channel")
        is_thread = channel.get("type") in THREAD_TYPES
        self._require(channel, "view_channel")
        self._require(channel, "send_messages_in_threads" if is_thread else "send_messages")
        body = req.body()
        problems = validate_message(body, files=len(req.call.files))
        if problems:
            raise DiscordError.invalid_form(problems)
        if is_thread:
            await self._unarchive_for_send(channel)
        message = self._create_bot_message(channel, body, req.call.files)
        await self._echo("MESSAGE_CREATE", message)
        return message

    async def _unarchive_for_send(self, thread: dict[str, Any]) -> None:
        metadata = thread["thread_metadata"]
        if metadata.get("locked") and not self._bot_perms(thread) & PERM["manage_threads"]:
            raise DiscordError(403, 50083, "Thread is locked")
        if metadata.get("archived"):
            metadata["archived"] = False  # sending in an archived thread unarchives it
            await self._echo("THREAD_UPDATE", thread)

    @route("PATCH", "/channels/{channel_id}/messages/{message_id}")
    async def edit_message(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        message = self._message(channel["id"], req.params["message_id"])
        if message["author"]["id"] != str(self.world.bot_user.id):
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        body = req.body()
        problems = validate_message(body, edit=True)
        if problems:
            raise DiscordError.invalid_form(problems)
        self._apply_edit(message, body, self._attachments(channel, body, req.call.files))
        await self._echo("MESSAGE_UPDATE", message)
        return message

    @route("DELETE", "/channels/{channel_id}/messages/{message_id}")
    async def delete_message(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        message = self._message(channel["id"], req.params["message_id"])
        if message["author"]["id"] != str(self.world.bot_user.id):
            self._require(channel, "manage_messages")
        if channel.get("type") in THREAD_TYPES and channel["thread_metadata"].get("archived"):
            raise DiscordError(400, 50083, "Thread is archived")  # (as Discord refuses)
        del self.world.messages[int(message["id"])]
        event = {"id": message["id"], "channel_id": channel["id"]}
        if channel.get("guild_id"):
            event["guild_id"] = channel["guild_id"]
        await self._echo("MESSAGE_DELETE", event)
        return None

    @route("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
    async def add_reaction(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        message = self._message(channel["id"], req.params["message_id"])
        self._require(channel, "add_reactions")
        emoji = self._emoji(req.params["emoji"])
        for reaction in message["reactions"]:
            if reaction["emoji"] == emoji:
                if not reaction["me"]:
                    reaction["me"] = True
                    reaction["count"] += 1
                break
        else:
            message["reactions"].append(
                {"emoji": emoji, "count": 1, "me": True, "burst_count": 0, "me_burst": False,
                 "count_details": {"burst": 0, "normal": 1}, "burst_colors": []}
            )  # fmt: skip
        await self._echo("MESSAGE_REACTION_ADD", self._reaction_event(channel, message, emoji))
        return None

    @route("DELETE", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me")
    async def remove_reaction(self, req: RestRequest) -> Any:
        channel = self._channel(req.params["channel_id"])
        message = self._message(channel["id"], req.params["message_id"])
        emoji = self._emoji(req.params["emoji"])
        for reaction in list(message["reactions"]):
            if reaction["emoji"] == emoji and reaction["me"]:
                reaction["me"] = False
                reaction["count"] -= 1
                if reaction["count"] <= 0:
                    message["reactions"].remove(reaction)
                await self._echo(
                    "MESSAGE_REACTION_REMOVE", self._reaction_event(channel, message, emoji)
                )
        return None

    @staticmethod
    def _emoji(raw: str) -> dict[str, Any]:
        name, _, emoji_id = raw.partition(":")
        return {"id": emoji_id or None, "name": name}

    def _reaction_event(
        self, channel: dict[str, Any], message: dict[str, Any], emoji: dict[str, Any]
    ) -> dict[str, Any]:
        event = {
            "user_id": str(self.world.bot_user.id),
            "channel_id": channel["id"],
            "message_id": message["id"],
            "emoji": emoji,
            "burst": False,
            "type": 0,
        }
        if channel.get("guild_id"):
            event["guild_id"] = channel["guild_id"]
        return event

    @route("POST", "/channels/{channel_id}/threads")
    async def create_thread(self, req: RestRequest) -> Any:
        parent = self._channel(req.params["channel_id"])
        body = req.body()
        if parent.get("type") == FORUM_CHANNEL:
            self._require(parent, "send_messages")
            first = body.get("message") or {}
            problems = validate_message(first, files=len(req.call.files))
            if problems:
                raise DiscordError.invalid_form(problems)
            tags = [int(t) for t in body.get("applied_tags") or ()]
            thread = self.world.add_thread(
                parent, body.get("name", "thread"), owner=self.world.bot_user, applied_tags=tags
            )
            starter = self._create_bot_message(
                thread, first, req.call.files, message_id=int(thread["id"])
            )
            await self._echo("THREAD_CREATE", {**thread, "newly_created": True})
            await self._echo("MESSAGE_CREATE", starter)
            return {**thread, "message": starter}
        self._require(parent, "send_messages")
        thread = self.world.add_thread(
            parent,
            body.get("name", "thread"),
            owner=self.world.bot_user,
            thread_type=int(body.get("type") or PUBLIC_THREAD),
        )
        await self._echo("THREAD_CREATE", {**thread, "newly_created": True})
        return thread

    @route("POST", "/channels/{channel_id}/messages/{message_id}/threads")
    async def create_thread_from_message(self, req: RestRequest) -> Any:
        parent = self._channel(req.params["channel_id"])
        message = self._message(parent["id"], req.params["message_id"])
        thread = self.world.add_thread(
            parent,
            req.body().get("name", "thread"),
            owner=self.world.bot_user,
            thread_id=int(message["id"]),
        )
        await self._echo("THREAD_CREATE", {**thread, "newly_created": True})
        return thread

    @route("PUT", "/channels/{channel_id}/thread-members/@me")
    @route("DELETE", "/channels/{channel_id}/thread-members/@me")
    async def join_or_leave_thread(self, req: RestRequest) -> Any:
        self._channel(req.params["channel_id"])
        return None

    # ================================================================ routes: interactions
    def _interaction(self, interaction_id: str, token: str) -> InteractionRecord:
        record = (
            self.world.interactions.get(int(interaction_id)) if interaction_id.isdigit() else None
        )
        if record is None or record.token != token:
            raise not_found("interaction", 10062)
        return record

    def _by_token(self, app_id: str, token: str) -> InteractionRecord:
        record = self.world.interaction_tokens.get(token)
        if app_id != str(self.world.application_id) or record is None:
            raise not_found("Webhook", 10015)
        if record.response_type is None:
            raise not_found("Webhook", 10015)  # no followups before the interaction is answered
        return record

    def _interaction_channel(self, record: InteractionRecord) -> dict[str, Any]:
        return self.world.channel(record.channel_id) or record.payload["channel"]

    def _response_message(
        self, record: InteractionRecord, data: dict[str, Any], files: list[FilePart], *, flags: int
    ) -> dict[str, Any]:
        user = self.world.users.get(record.user_id) or User(record.user_id, "unknown")
        metadata: dict[str, Any] = {
            "id": str(record.id),
            "type": record.type,
            "user": P.user_payload(user),
            "authorizing_integration_owners": record.payload.get(
                "authorizing_integration_owners", {}
            ),
        }
        is_command = record.type == 2
        if is_command:
            metadata["name"] = (record.payload.get("data") or {}).get("name")
        return self._create_bot_message(
            self._interaction_channel(record),
            {**data, "flags": flags},
            files,
            webhook_id=str(self.world.application_id),
            application_id=str(self.world.application_id),
            interaction_metadata=metadata,
            message_type=20 if is_command else 0,
        )

    @route("POST", "/interactions/{interaction_id}/{token}/callback")
    async def interaction_callback(self, req: RestRequest) -> Any:
        record = self._interaction(req.params["interaction_id"], req.params["token"])
        if record.response_type is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        late = self.interaction_timeout is not None and (
            req.call.time - record.created > self.interaction_timeout
        )
        if late:
            raise not_found("interaction", 10062)
        body = req.body()
        rtype = body.get("type")
        data = body.get("data") or {}
        if rtype not in CALLBACKS_FOR.get(record.type, set()) or (
            rtype in (6, 7) and record.original_message_id is None
        ):
            raise DiscordError.invalid_form([("type", f"Invalid callback type {rtype}")])
        if rtype in (4, 7):
            problems = validate_message(data, files=len(req.call.files), edit=rtype == 7)
        elif rtype == 8:
            problems = validate_choices(data.get("choices") or [])
        elif rtype == 9:
            problems = validate_modal(data)
        else:
            problems = []
        if problems:
            raise DiscordError.invalid_form(problems)
        record.response_type = rtype

        flags = int(data.get("flags") or 0)
        message: dict[str, Any] | None = None
        if rtype == 4:
            message = self._response_message(record, data, req.call.files, flags=flags)
            record.original_message_id = int(message["id"])
            await self._echo_message("MESSAGE_CREATE", message)
        elif rtype == 5:
            loading = flags & P.EPHEMERAL | P.LOADING
            message = self._response_message(record, {}, [], flags=0)
            message["flags"] = loading  # a "Bot is thinking..." message
            record.original_message_id = int(message["id"])
            await self._echo_message("MESSAGE_CREATE", message)
        elif rtype == 7:
            message = self.world.messages[record.original_message_id or 0]
            channel = self._interaction_channel(record)
            self._apply_edit(message, data, self._attachments(channel, data, req.call.files))
            await self._echo_message("MESSAGE_UPDATE", message)
        elif rtype == 6:
            message = self.world.messages.get(record.original_message_id or 0)

        reply: dict[str, Any] = {
            "interaction": {
                "id": str(record.id),
                "type": record.type,
                "response_message_id": message["id"] if message else None,
                "response_message_loading": rtype == 5,
                "response_message_ephemeral": bool(message and message["flags"] & P.EPHEMERAL),
            }
        }
        if message is not None and rtype in (4, 5, 7):
            reply["resource"] = {"type": rtype, "message": message}
        return reply if req.call.query.get("with_response") in ("1", "true", "True") else None

    @route("POST", "/webhooks/{app_id}/{token}")
    async def create_followup(self, req: RestRequest) -> Any:
        record = self._by_token(req.params["app_id"], req.params["token"])
        body = req.body()
        problems = validate_message(body, files=len(req.call.files))
        if problems:
            raise DiscordError.invalid_form(problems)
        message = self._response_message(
            record, body, req.call.files, flags=int(body.get("flags") or 0)
        )
        record.followup_ids.append(int(message["id"]))
        await self._echo_message("MESSAGE_CREATE", message)
        return message if req.call.query.get("wait") in ("1", "true", "True") else None

    def _webhook_message(self, req: RestRequest) -> tuple[InteractionRecord, dict[str, Any]]:
        record = self._by_token(req.params["app_id"], req.params["token"])
        raw = req.params["message_id"]
        if raw == "@original":
            message_id = record.original_message_id
        elif raw.isdigit() and int(raw) in [*record.followup_ids, record.original_message_id]:
            message_id = int(raw)
        else:
            message_id = None
        message = self.world.messages.get(message_id or 0)
        if message is None:
            raise not_found("Message", 10008)
        return record, message

    @route("GET", "/webhooks/{app_id}/{token}/messages/{message_id}")
    async def get_webhook_message(self, req: RestRequest) -> Any:
        return self._webhook_message(req)[1]

    @route("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}")
    async def edit_webhook_message(self, req: RestRequest) -> Any:
        record, message = self._webhook_message(req)
        body = req.body()
        problems = validate_message(body, edit=True)
        if problems:
            raise DiscordError.invalid_form(problems)
        channel = self._interaction_channel(record)
        self._apply_edit(message, body, self._attachments(channel, body, req.call.files))
        await self._echo_message("MESSAGE_UPDATE", message)
        return message

    @route("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}")
    async def delete_webhook_message(self, req: RestRequest) -> Any:
        _, message = self._webhook_message(req)
        del self.world.messages[int(message["id"])]
        if not message["flags"] & P.EPHEMERAL:
            event = {"id": message["id"], "channel_id": message["channel_id"]}
            if message.get("guild_id"):
                event["guild_id"] = message["guild_id"]
            await self._echo("MESSAGE_DELETE", event)
        return None


async def serve_attachment(world: World, request: web.Request) -> web.StreamResponse:
    """The fake CDN: bytes of files the bot uploaded (for `Attachment.read()`)."""
    attachment_id = request.match_info["attachment_id"]
    data = world.attachments.get(int(attachment_id)) if attachment_id.isdigit() else None
    if data is None:
        return web.Response(status=404)
    return web.Response(body=data, content_type="application/octet-stream")
