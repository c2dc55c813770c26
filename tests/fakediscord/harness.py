"""`FakeDiscord`: the server, the discord.py patching, and helpers that act like users."""

# Waits take a `timeout` argument on purpose: a failing test then says what it waited for.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Collection, Iterable
from typing import Any, ClassVar

import discord
import discord.gateway
import discord.http
import yarl
from aiohttp import web
from discord import app_commands

from . import payloads as P
from .activity import BotActivity, patch_received_message
from .gateway import Gateway
from .handles import ForumPost, InteractionHandle
from .mentions import mentioned_ids
from .rest import API_PREFIX, Call, RestApi, serve_attachment
from .state import THREAD_TYPES, Guild, InteractionRecord, Role, User, World

# Shaped like a real bot token (base64 id . timestamp . hmac) so token-shape checks pass.
DEFAULT_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GfAkE1.fake_token_for_tests_only_00000000"
MessageRef = dict[str, Any] | int | str | InteractionHandle
ChannelRef = dict[str, Any] | int | str


def _option_type(value: Any) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, User):
        return 6
    if isinstance(value, Role):
        return 8
    if isinstance(value, dict) and "type" in value and "id" in value:
        return 7  # a channel dict
    return 3


MAX_SAFE_INTEGER = 2**53  # Discord's bound for integer and number options
NUMBER_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)


def _to_number(otype: int, value: Any) -> int | float:
    if isinstance(value, bool):
        raise ValueError
    if not isinstance(value, int | float) and not NUMBER_TEXT.fullmatch(str(value).strip()):
        raise ValueError  # float() would also take "inf", "1_000" and non-ASCII digits
    number = value if isinstance(value, int | float) else float(str(value).strip())
    if otype == 4:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        number = int(number)
    else:
        number = float(number)
    if not -MAX_SAFE_INTEGER <= number <= MAX_SAFE_INTEGER:  # also rejects inf and nan
        raise ValueError
    return number


def _client_checked(spec: dict[str, Any], value: Any) -> Any:
    """Convert and check a value as Discord's client does before it sends a command."""
    name, otype = spec["name"], spec["type"]
    try:
        if otype == 3:
            value = str(value)
        elif otype in (4, 10):
            value = _to_number(otype, value)
        elif otype == 5 and not isinstance(value, bool):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"option {name!r}: {value!r} is not a valid type {otype} value") from None
    choices = [c["value"] for c in spec.get("choices") or ()]
    if choices and value not in choices:
        raise ValueError(f"option {name!r}: {value!r} is not one of the choices {choices}")
    low, high = spec.get("min_value"), spec.get("max_value")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"option {name!r}: {value!r} is outside [{low}, {high}]")
    lengths = (spec.get("min_length", 0), spec.get("max_length", 6000))
    if otype == 3 and not lengths[0] <= len(value) <= lengths[1]:
        raise ValueError(f"option {name!r}: length {len(value)} is outside {list(lengths)}")
    return value


def _walk_components(components: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for component in components:
        yield component
        yield from _walk_components(component.get("components") or ())
        for key in ("accessory", "component"):
            if isinstance(component.get(key), dict):
                yield from _walk_components([component[key]])


async def wait_until(predicate: Callable[[], object], timeout: float = 3.0) -> None:
    """Poll `predicate` (state inside the bot, e.g. its cache or database) until it is truthy.
    The fake's own records have event-driven waits; this is for what only the bot knows."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition still false after {timeout}s")
        await asyncio.sleep(0.01)


def custom_ids(message: dict[str, Any]) -> list[str]:
    """Custom ids of all components of a message (buttons, selects, nested layouts)."""
    return [
        c["custom_id"]
        for c in _walk_components(message.get("components") or ())
        if "custom_id" in c
    ]


class FakeDiscord:
    """A fake Discord (REST + gateway) on 127.0.0.1 for the real discord.py client.

    While running, `discord.http.Route.BASE` and `DiscordWebSocket.DEFAULT_GATEWAY` point at
    it (they are global, so one instance runs at a time); `stop()` restores them.
    """

    _active: ClassVar[FakeDiscord | None] = None

    def __init__(
        self,
        world: World | None = None,
        *,
        token: str = DEFAULT_TOKEN,
        shard_count: int = 1,
        heartbeat_interval: float = 1.0,
    ) -> None:
        self.world = world or World()
        self.token = token
        self.gateway = Gateway(
            self.world, token=token, heartbeat_interval=heartbeat_interval, shard_count=shard_count
        )
        self.rest = RestApi(self.world, self.gateway, token=token)
        #: What the bots started by `running_bot` are still doing (see `settle`).
        self.activity = BotActivity()
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._saved: tuple[str, yarl.URL] | None = None
        self._unpatch: Callable[[], None] | None = None

    # -- lifecycle -----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeDiscord:
        if FakeDiscord._active is not None:
            raise RuntimeError("another FakeDiscord is running (discord.py's URLs are global)")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.rest.handle)
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/gateway-resume", self.gateway.handle)  # resume_gateway_url
        app.router.add_get(
            "/attachments/{channel_id}/{attachment_id}/{filename}", self._serve_attachment
        )
        # Short shutdown: lingering websocket handlers must not hold up a test's teardown.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.gateway.url = f"ws://127.0.0.1:{self.port}/gateway"
        self.gateway.resume_url = f"ws://127.0.0.1:{self.port}/gateway-resume"
        self.rest.cdn_base = self.base_url

        ws_cls = discord.gateway.DiscordWebSocket
        self._saved = (discord.http.Route.BASE, ws_cls.DEFAULT_GATEWAY)
        discord.http.Route.BASE = self.base_url + API_PREFIX  # REST and interaction webhooks
        ws_cls.DEFAULT_GATEWAY = yarl.URL(self.gateway.url)  # a plain Client never asks REST
        self._unpatch = patch_received_message(lambda: self.activity)
        FakeDiscord._active = self
        return self

    async def _serve_attachment(self, request: web.Request) -> web.StreamResponse:
        return await serve_attachment(self.world, request)

    async def stop(self) -> None:
        try:
            await self.gateway.close_all()
            if self._runner is not None:
                await self._runner.cleanup()
        finally:
            self.activity.uninstall()
            if self._unpatch is not None:
                self._unpatch()
                self._unpatch = None
            if self._saved is not None:
                discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = (
                    self._saved
                )
                self._saved = None
            if FakeDiscord._active is self:
                FakeDiscord._active = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- REST records --------------------------------------------------------------------
    @property
    def calls(self) -> list[Call]:
        return self.rest.calls.items

    def mark(self) -> int:
        """Index to pass as `since` so queries only see later REST calls."""
        return len(self.rest.calls)

    @staticmethod
    def _call_filter(
        method: str | None,
        path: str | None,
        route: str | None,
        injected: bool | None,
        predicate: Callable[[Call], bool] | None,
    ) -> Callable[[Call], bool]:
        pattern = re.compile(path) if path is not None else None

        def matches(call: Call) -> bool:
            return (
                (method is None or call.method == method)
                and (pattern is None or bool(pattern.fullmatch(call.path)))
                and (route is None or call.route == route)
                and (injected is None or call.injected == injected)
                and (predicate is None or predicate(call))
            )

        return matches

    def calls_matching(
        self,
        method: str | None = None,
        path: str | None = None,
        *,
        route: str | None = None,
        since: int = 0,
        injected: bool | None = False,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Recorded calls; `path` is a regex matched against the whole path (no query), and
        `route` a template like "POST /channels/{channel_id}/messages". Replies from injected
        faults are left out unless `injected=None` (all) or `True` (only those)."""
        matches = self._call_filter(method, path, route, injected, predicate)
        return self.rest.calls.matching(matches, since=since)

    async def wait_for_call(
        self,
        method: str | None = None,
        path: str | None = None,
        *,
        route: str | None = None,
        since: int = 0,
        count: int = 1,
        timeout: float = 5.0,
        injected: bool | None = False,
        predicate: Callable[[Call], bool] | None = None,
    ) -> Call:
        """The `count`-th call matching (see `calls_matching`), waiting up to `timeout`."""
        matches = self._call_filter(method, path, route, injected, predicate)
        return await self.rest.calls.wait_for(
            matches, since=since, count=count, timeout=timeout, what=f"{method} {path or route}"
        )

    def fail_next(self, method: str | None, path: str, **kw: Any) -> None:
        """See `RestApi.fail_next`: e.g. `fail_next("POST", r"/channels/\\d+/messages")`."""
        self.rest.fail_next(method, path, **kw)

    async def idle(self, quiet: float = 0.01, timeout: float = 5.0) -> None:
        """`settle()` (the bots have processed every event and finished every task they
        started), then no REST request in flight and none for `quiet` seconds. REST quiet
        alone proves nothing: right after a dispatch the bot has not called REST yet."""
        await self.settle(timeout)
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if self.rest.in_flight == 0 and now - self.rest.last_activity >= quiet:
                return
            if now > deadline:
                raise TimeoutError(f"REST still busy after {timeout}s ({self.rest.in_flight} open)")
            await asyncio.sleep(quiet / 2)

    def busy(self, ignoring: Collection[str] = ()) -> str | None:
        """Why the bots are not finished reacting yet, or None when they are: a gateway frame
        sent on an open connection not yet processed, a task they started still running
        (but those named in ``ignoring``), or a REST request in flight."""
        for session in self.gateway.sessions.values():
            conn = session.conn
            if conn is None or conn.closed or conn.silent:
                continue  # nothing reaches the bot until it reconnects
            done = self.activity.processed.get(session.id, 0)
            if done < session.seq:
                return f"shard {session.shard_id} has processed event {done} of {session.seq}"
        pending = [t for t in self.activity.pending() if t.get_name() not in ignoring]
        if pending:
            names = ", ".join(sorted({t.get_name() for t in pending})[:5])
            return f"{len(pending)} task(s) still running ({names})"
        if self.rest.in_flight:
            return f"{self.rest.in_flight} REST request(s) in flight"
        return None

    async def settle(self, timeout: float = 5.0, *, ignoring: Collection[str] = ()) -> None:
        """Wait until the bots have finished reacting to everything sent so far: every event
        dispatched has been processed and every task that started has ended (see
        `activity.py`), but the tasks named in ``ignoring`` (a test holds them). After it,
        "the bot did not reply" is a fact, not a race."""
        deadline = time.monotonic() + timeout
        quiet_checks = 0
        while quiet_checks < 3:  # a few loop turns in a row, so callbacks already due run too
            reason = self.busy(ignoring)
            quiet_checks = quiet_checks + 1 if reason is None else 0
            if reason is not None and time.monotonic() > deadline:
                raise TimeoutError(f"the bot was still busy after {timeout}s: {reason}")
            await asyncio.sleep(0 if reason is None else 0.002)

    def forget_history(self) -> None:
        """Drop recorded REST calls and gateway records (the world stays). For long soak runs
        in one process; indices from earlier `mark()` calls become meaningless."""
        self.rest.calls.clear()
        self.gateway.records.clear()

    # -- gateway -------------------------------------------------------------------------
    async def dispatch(self, event: str, data: dict[str, Any], **kw: Any) -> int | None:
        return await self.gateway.dispatch(event, data, **kw)

    # -- commands ------------------------------------------------------------------------
    def register_commands(
        self, tree: app_commands.CommandTree[Any], *, guild: Guild | int | None = None
    ) -> list[dict[str, Any]]:
        """Register the tree's commands as if `tree.sync(guild=...)` had run in an earlier
        session (no REST call, nothing recorded). Then slash commands sent by the helpers get
        the right ids and option types, and their options are checked like Discord's client."""
        scope = guild.id if isinstance(guild, Guild) else guild
        commands = tree.get_commands(guild=discord.Object(scope) if scope else None)
        return self.rest.register_commands(scope, [c.to_dict(tree) for c in commands])

    def command_visible_to(self, name: str, user: User, channel: ChannelRef | None = None) -> bool:
        """Whether Discord would show the registered command `name` to `user`: its
        `default_member_permissions` must be a subset of the user's permissions (admins and
        the owner see everything). Discord still delivers interactions the bot must check."""
        target = self._channel(channel)
        guild = self.world.guild_of(target)
        scopes = ([guild.id] if guild else []) + [None]
        command = next(
            (
                self.world.commands[s][name]
                for s in scopes
                if name in self.world.commands.get(s, {})
            ),
            None,
        )
        if command is None:
            raise LookupError(f"no registered command {name!r}: sync the commands first")
        needed = command.get("default_member_permissions")
        if needed is None or guild is None:
            return True
        return int(needed) & ~guild.permissions_in(user.id, target) == 0

    # -- resolving references ------------------------------------------------------------
    def _channel(self, ref: ChannelRef | None) -> dict[str, Any]:
        if ref is None:
            return self.world.text_channel
        channel = self.world.channel(ref["id"] if isinstance(ref, dict) else ref)
        if channel is None:
            raise KeyError(f"unknown channel {ref!r}")
        return channel

    def _message(self, ref: MessageRef) -> dict[str, Any]:
        if isinstance(ref, InteractionHandle):
            message = ref.message
            if message is None:
                raise LookupError("the bot has not answered this interaction with a message")
            return message
        mid = int(ref["id"]) if isinstance(ref, dict) else int(ref)
        message = self.world.messages.get(mid)
        if message is None:
            raise KeyError(f"unknown message {mid}")
        return message

    # -- users acting --------------------------------------------------------------------
    def _user_message(
        self,
        channel: dict[str, Any],
        author: User,
        content: str,
        *,
        message_id: int | None = None,
        mentions: Iterable[User] = (),
        reply_to: MessageRef | None = None,
        embeds: list[dict[str, Any]] | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A message as Discord builds it: mentions parsed from the content (plus extras)."""
        users, roles, everyone = mentioned_ids(content)
        mentioned = [self.world.users[u] for u in users if u in self.world.users]
        mentioned += [u for u in mentions if u not in mentioned]
        extra: dict[str, Any] = {}
        if reply_to is not None:
            referenced = self._message(reply_to)
            replied_author = self.world.user(referenced["author"]["id"])
            if replied_author not in mentioned:
                mentioned.append(replied_author)  # a reply pings its author by default
            extra = {
                "message_type": 19,
                "message_reference": {
                    "type": 0,
                    "message_id": referenced["id"],
                    "channel_id": referenced["channel_id"],
                    "guild_id": channel.get("guild_id"),
                },
                "referenced_message": referenced,
            }
        guild = self.world.guild_of(channel)
        can_everyone = guild is not None and bool(
            guild.permissions_in(author.id, channel)
            & discord.Permissions(mention_everyone=True).value
        )
        message = P.message_payload(
            self.world,
            channel,
            author,
            content,
            message_id=message_id,
            mentions=mentioned,
            mention_roles=[r for r in roles if guild is not None and r in guild.roles],
            mention_everyone=everyone and can_everyone,
            embeds=embeds,
            attachments=attachments,
            **extra,
        )
        self.world.messages[int(message["id"])] = message
        channel["last_message_id"] = message["id"]
        if channel.get("type") in THREAD_TYPES and message["id"] != channel["id"]:
            channel["message_count"] = channel.get("message_count", 0) + 1
            channel["total_message_sent"] = channel.get("total_message_sent", 0) + 1
        return message

    async def send_message(
        self,
        channel: ChannelRef | None,
        content: str,
        *,
        author: User | None = None,
        mentions: Iterable[User] = (),
        reply_to: MessageRef | None = None,
        embeds: list[dict[str, Any]] | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A user posts `content` (MESSAGE_CREATE). Write `<@id>` (e.g. `world.bot_user.mention`)
        in the content to mention someone; `reply_to` makes it a reply; `attachments` are
        Discord's attachment objects (a screenshot)."""
        message = self._user_message(
            self._channel(channel),
            author or self.world.asker,
            content,
            mentions=mentions,
            reply_to=reply_to,
            embeds=embeds,
            attachments=attachments,
        )
        await self.gateway.dispatch("MESSAGE_CREATE", message)
        return message

    async def send_system_message(
        self,
        channel: ChannelRef | None,
        message_type: int,
        content: str = "",
        *,
        author: User | None = None,
    ) -> dict[str, Any]:
        """One of Discord's own messages (MESSAGE_CREATE) credited to ``author``: a pin notice
        (6), a member's join (7), a boost (8), "started a thread" (18, ``content`` the
        thread's name). Nobody may reply to it."""
        message = self._user_message(self._channel(channel), author or self.world.asker, content)
        message["type"] = message_type
        await self.gateway.dispatch("MESSAGE_CREATE", message)
        return message

    async def edit_message(self, message: MessageRef, content: str) -> dict[str, Any]:
        """A user edits their message (MESSAGE_UPDATE)."""
        stored = self._message(message)
        stored["content"] = content
        stored["edited_timestamp"] = P.now_iso()
        await self.gateway.dispatch("MESSAGE_UPDATE", stored)
        return stored

    async def delete_message(self, message: MessageRef) -> None:
        """A user deletes their message (MESSAGE_DELETE: ids only, as Discord sends it)."""
        stored = self._message(message)
        del self.world.messages[int(stored["id"])]
        event = {"id": stored["id"], "channel_id": stored["channel_id"]}
        if stored.get("guild_id"):
            event["guild_id"] = stored["guild_id"]
        await self.gateway.dispatch("MESSAGE_DELETE", event)

    async def delete_thread(self, thread: ChannelRef) -> None:
        """A moderator (or its owner) deletes a thread, a forum post with it: THREAD_DELETE
        only, as Discord sends it (no MESSAGE_DELETE for the messages that go with it)."""
        stored = self._channel(thread)
        guild = self.world.guilds[int(stored["guild_id"])]
        del guild.threads[int(stored["id"])]
        for message in self.world.messages_in(stored["id"]):
            del self.world.messages[int(message["id"])]
        event = {key: stored[key] for key in ("id", "guild_id", "parent_id", "type")}
        await self.gateway.dispatch("THREAD_DELETE", event)

    async def post_forum_thread(
        self,
        title: str,
        content: str,
        *,
        author: User | None = None,
        tags: Iterable[str | int] = ("rollover",),
        forum: ChannelRef | None = None,
        starter_first: bool = False,
        mentions: Iterable[User] = (),
        starter_sent: bool = True,
    ) -> ForumPost:
        """A new forum post: THREAD_CREATE (`newly_created: true`) and the starter
        MESSAGE_CREATE (id == thread id == channel_id), in either order; without
        ``starter_sent``, the thread's event only (the test dispatches the message's later:
        the bot meanwhile reads the message over REST)."""
        forum_channel = self._channel(forum) if forum is not None else self.world.forum
        author = author or self.world.asker
        tag_ids = [t if isinstance(t, int) else self.world.tag_id(t, forum_channel) for t in tags]
        thread = self.world.add_thread(forum_channel, title, owner=author, applied_tags=tag_ids)
        starter = self._user_message(
            thread, author, content, message_id=int(thread["id"]), mentions=mentions
        )
        post = ForumPost(self, thread, starter, since=self.mark())
        events = [("THREAD_CREATE", {**thread, "newly_created": True}), ("MESSAGE_CREATE", starter)]
        events = events if starter_sent else events[:1]
        for event, data in reversed(events) if starter_first else events:
            post.sequence.append(await self.gateway.dispatch(event, data))
        return post

    # -- interactions --------------------------------------------------------------------
    async def _interact(
        self,
        itype: int,
        data: dict[str, Any] | None,
        *,
        user: User,
        channel: dict[str, Any],
        message: dict[str, Any] | None = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        iid, token = self.world.new_id(), self.world.new_token()
        payload = P.interaction_payload(
            self.world,
            interaction_id=iid,
            token=token,
            interaction_type=itype,
            data=data,
            user=user,
            channel=channel,
            message=message,
            locale=locale,
        )
        record = InteractionRecord(
            iid,
            token,
            itype,
            int(channel["id"]),
            int(channel["guild_id"]) if channel.get("guild_id") else None,
            user.id,
            payload,
            time.monotonic(),
            original_message_id=int(message["id"]) if message else None,
        )
        self.world.add_interaction(record)
        handle = InteractionHandle(self, record, since=self.mark())
        if await self.gateway.dispatch("INTERACTION_CREATE", payload) is None:
            raise RuntimeError("INTERACTION_CREATE not delivered: the bot has no gateway session")
        return handle

    def _command_data(
        self,
        name: str,
        options: dict[str, Any] | list[dict[str, Any]] | None,
        *,
        guild_id: int | None,
        focused: str | None = None,
        check: bool = True,
    ) -> dict[str, Any]:
        """Command data for "name" or "group sub": ids, guild_id and option types come from the
        commands the bot registered with the fake, else are inferred from Python types."""
        top, *path = name.split()
        registered = None
        scope: int | None = None
        if guild_id is not None and top in self.world.commands.get(guild_id, {}):
            registered, scope = self.world.commands[guild_id][top], guild_id
        elif top in self.world.commands.get(None, {}):
            registered = self.world.commands[None][top]
        resolved: dict[str, dict[str, Any]] = {}
        if isinstance(options, list):  # raw option dicts, used as given
            built = options
        else:
            spec = registered.get("options", []) if registered else None
            built = self._options(spec, path, options or {}, focused, resolved, guild_id, check)
        data: dict[str, Any] = {
            "id": registered["id"] if registered else str(self.world.new_id()),
            "name": top,
            "type": 1,
            "options": built,
        }
        if scope is not None:
            data["guild_id"] = str(scope)  # discord.py looks guild commands up by this
        if resolved:
            data["resolved"] = resolved
        return data

    def _options(
        self,
        spec: list[dict[str, Any]] | None,
        path: list[str],
        values: dict[str, Any],
        focused: str | None,
        resolved: dict[str, dict[str, Any]],
        guild_id: int | None,
        check: bool,
    ) -> list[dict[str, Any]]:
        specs = {o["name"]: o for o in spec or ()}
        if path:
            sub = specs.get(path[0])
            if check and spec is not None and sub is None:
                raise ValueError(f"no subcommand {path[0]!r}; registered: {sorted(specs)}")
            sub_type = sub["type"] if sub else (2 if len(path) > 1 else 1)
            inner = self._options(
                (sub or {}).get("options"), path[1:], values, focused, resolved, guild_id, check
            )
            return [{"type": sub_type, "name": path[0], "options": inner}]
        if check and spec is not None and focused is None:
            missing = [n for n, o in specs.items() if o.get("required") and n not in values]
            if missing:
                raise ValueError(f"required options missing: {missing}")
        built = []
        for name, value in values.items():
            if check and spec is not None and name not in specs:
                raise ValueError(f"no option {name!r}; registered: {sorted(specs)}")
            otype = specs[name]["type"] if name in specs else _option_type(value)
            if name == focused:  # Discord sends what the user has typed so far, as a string
                built.append({"name": name, "type": otype, "value": str(value), "focused": True})
                continue
            if check and name in specs:
                value = _client_checked(specs[name], value)
            wire = self._resolve(value, resolved, guild_id)
            built.append({"name": name, "type": otype, "value": wire})
        if focused is not None and focused not in values:
            otype = specs[focused]["type"] if focused in specs else 3
            built.append({"name": focused, "type": otype, "value": "", "focused": True})
        return built

    def _resolve(
        self, value: Any, resolved: dict[str, dict[str, Any]], guild_id: int | None
    ) -> Any:
        """Option value on the wire; users, roles and channels also go into `resolved`."""
        if isinstance(value, User):
            resolved.setdefault("users", {})[str(value.id)] = P.user_payload(value)
            guild = self.world.guilds.get(guild_id or 0)
            member = guild.members.get(value.id) if guild else None
            if member is not None:
                perms = guild.base_permissions(value.id) if guild else 0
                resolved.setdefault("members", {})[str(value.id)] = P.member_payload(
                    member, with_user=False, permissions=perms
                )
            return str(value.id)
        if isinstance(value, Role):
            resolved.setdefault("roles", {})[str(value.id)] = P.role_payload(value)
            return str(value.id)
        if isinstance(value, dict) and "type" in value and "id" in value:
            resolved.setdefault("channels", {})[value["id"]] = {
                **{k: value.get(k) for k in ("id", "type", "name", "parent_id", "thread_metadata")},
                "permissions": str(discord.Permissions.all().value),
            }
            return value["id"]
        return value

    async def send_slash_command(
        self,
        name: str,
        options: dict[str, Any] | list[dict[str, Any]] | None = None,
        *,
        user: User | None = None,
        channel: ChannelRef | None = None,
        guild: bool = True,
        locale: str = "en-US",
        check: bool = True,
    ) -> InteractionHandle:
        """A user runs `/name` ("group sub" for subcommands) with `options` {name: value}.
        `guild=False` sends it from a DM. If the command is registered (synced, or via
        `register_commands`), values are checked and converted as Discord's client does
        (required, type, choices, min/max); `check=False` sends them as given (fuzzing)."""
        user = user or self.world.asker
        target = self._channel(channel) if guild else self.world.dm_channel(user)
        guild_id = int(target["guild_id"]) if target.get("guild_id") else None
        data = self._command_data(name, options, guild_id=guild_id, check=check)
        return await self._interact(2, data, user=user, channel=target, locale=locale)

    async def send_message_command(
        self, name: str, message: MessageRef, *, user: User | None = None
    ) -> InteractionHandle:
        """A user runs the message context menu `name` ("Apps" > name) on `message`."""
        msg = self._message(message)
        target = self._channel(msg["channel_id"])
        guild_id = int(target["guild_id"]) if target.get("guild_id") else None
        registered = self.world.commands.get(guild_id, {}).get(name) if guild_id else None
        scope = guild_id if registered else None
        registered = registered or self.world.commands.get(None, {}).get(name)
        data: dict[str, Any] = {
            "id": registered["id"] if registered else str(self.world.new_id()),
            "name": name,
            "type": 3,
            "target_id": msg["id"],
            "resolved": {"messages": {msg["id"]: msg}},
        }
        if scope is not None:
            data["guild_id"] = str(scope)
        return await self._interact(2, data, user=user or self.world.asker, channel=target)

    async def send_autocomplete(
        self,
        name: str,
        options: dict[str, Any] | None,
        focused: str,
        *,
        user: User | None = None,
        channel: ChannelRef | None = None,
    ) -> InteractionHandle:
        """The user is typing option `focused` of `/name`; `await response()` has type 8 and
        `data.choices`."""
        target = self._channel(channel)
        guild_id = int(target["guild_id"]) if target.get("guild_id") else None
        data = self._command_data(name, options, guild_id=guild_id, focused=focused)
        return await self._interact(4, data, user=user or self.world.asker, channel=target)

    def _component(self, message: dict[str, Any], custom_id: str) -> dict[str, Any]:
        for component in _walk_components(message.get("components") or ()):
            if component.get("custom_id") == custom_id:
                if component.get("disabled"):
                    raise ValueError(f"component {custom_id!r} is disabled: a user cannot use it")
                return component
        found = [
            c.get("custom_id")
            for c in _walk_components(message.get("components") or ())
            if c.get("custom_id")
        ]
        raise LookupError(f"message {message['id']} has no component {custom_id!r}; it has {found}")

    async def click_button(
        self,
        message: MessageRef,
        custom_id: str,
        *,
        user: User | None = None,
        settle: bool = True,
    ) -> InteractionHandle:
        """Click a button on a message (a message dict, id, or a handle whose reply has it).
        Like a member, it waits until the bot has finished posting what it shows (`settle`):
        discord.py only routes a click once its view is stored, after the HTTP reply.
        `settle=False` clicks at once (as `select`'s: a database driver reconnecting in an
        outage is a task that runs until the server is back)."""
        if settle:
            await self.settle()
        msg = self._message(message)
        component = self._component(msg, custom_id)
        if component.get("type") != 2:
            raise ValueError(f"{custom_id!r} is not a button (type {component.get('type')})")
        data = {"custom_id": custom_id, "component_type": 2}
        return await self._interact(
            3,
            data,
            user=user or self.world.asker,
            channel=self._channel(msg["channel_id"]),
            message=msg,
        )

    async def select(
        self,
        message: MessageRef,
        custom_id: str,
        values: list[Any],
        *,
        user: User | None = None,
        settle: bool = True,
    ) -> InteractionHandle:
        """Choose `values` in a select menu (string selects: option values; user/role selects:
        `User`/`Role` objects). Waits for the bot to settle first, as `click_button`;
        `settle=False` chooses at once, while the bot is still busy (to race its work)."""
        if settle:
            await self.settle()
        msg = self._message(message)
        component = self._component(msg, custom_id)
        ctype = component.get("type")
        if ctype not in (3, 5, 6, 7, 8):
            raise ValueError(f"{custom_id!r} is not a select menu (type {ctype})")
        if ctype == 3:
            allowed = {o["value"] for o in component.get("options", [])}
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise ValueError(f"{unknown} are not options of {custom_id!r}: {sorted(allowed)}")
        low, high = component.get("min_values", 1), component.get("max_values", 1)
        if not low <= len(values) <= high:
            raise ValueError(f"{custom_id!r} takes {low}..{high} values, got {len(values)}")
        channel = self._channel(msg["channel_id"])
        resolved: dict[str, dict[str, Any]] = {}
        guild_id = int(channel["guild_id"]) if channel.get("guild_id") else None
        wire = [str(self._resolve(v, resolved, guild_id)) for v in values]
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": ctype, "values": wire}
        if resolved:
            data["resolved"] = resolved
        return await self._interact(
            3, data, user=user or self.world.asker, channel=channel, message=msg
        )

    async def submit_modal(
        self,
        modal: InteractionHandle | dict[str, Any],
        values: dict[str, str | list[str]],
        *,
        user: User | None = None,
        channel: ChannelRef | None = None,
    ) -> InteractionHandle:
        """Submit a modal the bot opened (a handle whose response was type 9, or the modal's
        data dict) with {custom_id: text (or list of values for selects)}. Waits for the bot
        to settle first, as `click_button`."""
        origin: InteractionRecord | None = None
        if isinstance(modal, InteractionHandle):
            body = await modal.response()
            if body.get("type") != 9:
                raise ValueError(f"the bot answered with type {body.get('type')}, not a modal (9)")
            origin, data = modal.record, body["data"]
        else:
            data = modal
        known = {
            c["custom_id"] for c in _walk_components(data.get("components", [])) if "custom_id" in c
        }
        if set(values) - known:
            unknown = sorted(set(values) - known)
            raise LookupError(f"modal {data.get('custom_id')!r} has no inputs {unknown}: {known}")

        def fill(component: dict[str, Any]) -> dict[str, Any]:
            ctype = component.get("type")
            if ctype == 1:
                return {"type": 1, "components": [fill(c) for c in component["components"]]}
            if ctype == 18:  # Label wrapping one input
                return {"type": 18, "component": fill(component["component"])}
            custom_id = component.get("custom_id")
            if custom_id is None:
                return {"type": ctype}
            if ctype == 4:
                value = values.get(custom_id, component.get("value") or "")
                if not isinstance(value, str):
                    raise TypeError(f"text input {custom_id!r} takes a str")
                if component.get("required", True) and not value:
                    raise ValueError(f"text input {custom_id!r} is required")
                if len(value) > component.get("max_length", 4000):
                    raise ValueError(f"text input {custom_id!r} is longer than max_length")
                return {"type": 4, "custom_id": custom_id, "value": value}
            chosen = values.get(custom_id, [])
            return {"type": ctype, "custom_id": custom_id, "values": list(chosen)}

        components = [fill(c) for c in data.get("components", [])]
        submit = {"custom_id": data["custom_id"], "components": components}
        await self.settle()
        message = None
        if origin is not None and origin.type == 3 and origin.original_message_id:
            message = self.world.messages.get(origin.original_message_id)
        if channel is not None:
            target = self._channel(channel)
        elif origin is not None:
            target = self._channel(origin.channel_id)
        else:
            target = self.world.text_channel
        who = user or (self.world.users.get(origin.user_id) if origin else None) or self.world.asker
        return await self._interact(5, submit, user=who, channel=target, message=message)
