"""The fake gateway: HELLO, heartbeats, IDENTIFY/READY, RESUME with replay, shards, faults.

Model (as Discord): a *session* belongs to one shard and survives its socket. Every dispatch
gets the session's next sequence number and is kept in a replay buffer; if no socket is
attached (client reconnecting) or the socket is 'silent', the event waits in the buffer and is
replayed when the client RESUMEs with an older `seq`. An invalidated session (op 9 false) is
gone: events dispatched before the next IDENTIFY are dropped (see `Gateway.dropped`).
"""

# Waits take a `timeout` argument on purpose: a failing test then says what it waited for.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from .payloads import client_user_payload, guild_create_payload, member_payload
from .recorder import Recorder
from .state import Guild, World

log = logging.getLogger(__name__)

# Gateway opcodes.
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE, RESUME = 0, 1, 2, 3, 4, 6
RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 7, 8, 9, 10, 11

# Intents (bit values) relevant to the events the fake sends.
GUILDS = 1 << 0
GUILD_MEMBERS = 1 << 1
GUILD_PRESENCES = 1 << 8
GUILD_MESSAGES = 1 << 9
GUILD_MESSAGE_REACTIONS = 1 << 10
GUILD_MESSAGE_TYPING = 1 << 11
DIRECT_MESSAGES = 1 << 12
DIRECT_MESSAGE_REACTIONS = 1 << 13
DIRECT_MESSAGE_TYPING = 1 << 14
MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = {
    "members": GUILD_MEMBERS,
    "presences": GUILD_PRESENCES,
    "message_content": MESSAGE_CONTENT,
}

_GUILDS_EVENTS = (
    "GUILD_CREATE GUILD_UPDATE GUILD_DELETE GUILD_ROLE_CREATE GUILD_ROLE_UPDATE GUILD_ROLE_DELETE"
    " CHANNEL_CREATE CHANNEL_UPDATE CHANNEL_DELETE THREAD_CREATE THREAD_UPDATE THREAD_DELETE"
    " THREAD_LIST_SYNC THREAD_MEMBER_UPDATE"
)
# (intent in a guild, intent in DMs) needed to receive an event; absent -> always sent.
EVENT_INTENTS: dict[str, tuple[int, int]] = {
    **{name: (GUILDS, GUILDS) for name in _GUILDS_EVENTS.split()},
    **{
        name: (GUILD_MEMBERS, GUILD_MEMBERS)
        for name in "GUILD_MEMBER_ADD GUILD_MEMBER_UPDATE GUILD_MEMBER_REMOVE "
        "THREAD_MEMBERS_UPDATE".split()
    },
    **{
        name: (GUILD_MESSAGES, DIRECT_MESSAGES)
        for name in "MESSAGE_CREATE MESSAGE_UPDATE MESSAGE_DELETE MESSAGE_DELETE_BULK".split()
    },
    **{
        name: (GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS)
        for name in "MESSAGE_REACTION_ADD MESSAGE_REACTION_REMOVE MESSAGE_REACTION_REMOVE_ALL "
        "MESSAGE_REACTION_REMOVE_EMOJI".split()
    },
    "TYPING_START": (GUILD_MESSAGE_TYPING, DIRECT_MESSAGE_TYPING),
    "PRESENCE_UPDATE": (GUILD_PRESENCES, GUILD_PRESENCES),
}
# Close codes after which Discord forgets the session (the client cannot RESUME).
SESSION_ENDING_CLOSE_CODES = frozenset({4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014})


@dataclass
class GatewayRecord:
    """One gateway happening. kind: connect, disconnect, sent (server->client frame),
    received (client->server frame)."""

    kind: str
    conn_id: int
    shard_id: int | None
    time: float
    op: int | None = None
    t: str | None = None
    s: int | None = None
    d: Any = None
    path: str = ""
    close_code: int | None = None
    replayed: bool = False

    def describe(self) -> str:
        what = self.t or (f"op {self.op}" if self.op is not None else self.path)
        extra = f" s={self.s}" if self.s is not None else ""
        code = f" code={self.close_code}" if self.close_code is not None else ""
        replay = " (replayed)" if self.replayed else ""
        return (
            f"{self.kind:<10} conn={self.conn_id} shard={self.shard_id} {what}{extra}{code}{replay}"
        )


@dataclass(eq=False)
class Connection:
    id: int
    ws: web.WebSocketResponse
    request: web.Request
    path: str
    session: Session | None = None
    silent: bool = False  # no heartbeat ACKs and no events: the client should time out
    closed: bool = False
    server_closed: bool = False
    close_code: int | None = None  # the code the fake closed with, if it closed first

    @property
    def shard_id(self) -> int | None:
        return self.session.shard_id if self.session else None


@dataclass(eq=False)
class Session:
    id: str
    shard_id: int
    num_shards: int
    intents: int
    buffer: deque[tuple[int, str]]  # (seq, serialized frame): what replay sends
    seq: int = 0
    conn: Connection | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Gateway:
    def __init__(
        self,
        world: World,
        *,
        token: str,
        heartbeat_interval: float = 1.0,
        shard_count: int = 1,
        replay_buffer: int = 10_000,  # events kept per session for RESUME
    ) -> None:
        self.world = world
        self.token = token
        # Seconds, sent in HELLO. Keep it below the client's heartbeat_timeout: ACKs are what
        # keeps an idle client's receive() from timing out.
        self.heartbeat_interval = heartbeat_interval
        self.shard_count = shard_count  # what GET /gateway/bot recommends
        # Privileged intents "enabled in the developer portal"; asking for others -> close 4014.
        self.privileged_intents: set[str] = set(PRIVILEGED_INTENTS)
        # None: all members only with the members intent (as Discord); True/False: force.
        self.full_member_list: bool | None = None
        self.url = ""
        self.resume_url = ""
        self.records: Recorder[GatewayRecord] = Recorder(GatewayRecord.describe)
        self.sessions: dict[int, Session] = {}  # shard id -> current session
        self.connections: list[Connection] = []
        self.dropped: list[tuple[str, Any]] = []  # dispatched while the shard had no session
        self._by_id: dict[str, Session] = {}
        self._replay_buffer = replay_buffer
        self._identify_failures: list[tuple[int, str]] = []
        #: Guilds whose GUILD_CREATE an IDENTIFY leaves out: unavailable in READY, as in a
        #: Discord outage, past the client's guild_ready_timeout, until send_late_guilds().
        #: No events are sent for them meanwhile (dropped, see guild_outage()).
        self.late_guilds: set[int] = set()
        self._num_shards = 1
        self._conn_ids = itertools.count(1)

    # -- recording -----------------------------------------------------------------------
    def _record(self, kind: str, conn: Connection, **kw: Any) -> None:
        self.records.append(
            GatewayRecord(kind, conn.id, conn.shard_id, time.monotonic(), **kw)  # type: ignore[arg-type]
        )

    async def _send(
        self,
        conn: Connection,
        frame: dict[str, Any],
        *,
        text: str | None = None,
        replayed: bool = False,
    ) -> bool:
        if conn.closed or conn.ws.closed:
            return False
        try:
            # Plain text frames: discord.py only inflates binary (zlib-stream) frames.
            await conn.ws.send_str(text if text is not None else json.dumps(frame))
        except Exception:  # a vanished peer raises several types; the frame stays buffered
            return False
        self._record(
            "sent", conn, op=frame["op"], t=frame.get("t"), s=frame.get("s"), d=frame.get("d"),
            replayed=replayed,
        )  # fmt: skip
        return True

    # -- websocket handler ---------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        # timeout: how long close() waits for the peer's close frame; a dead client must not stall.
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0, timeout=1.0)
        await ws.prepare(request)
        conn = Connection(next(self._conn_ids), ws, request, request.path_qs)
        self.connections.append(conn)
        self._record("connect", conn, path=request.path_qs)
        hello = {"heartbeat_interval": int(self.heartbeat_interval * 1000), "_trace": ["fake"]}
        await self._send(conn, {"op": HELLO, "d": hello, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type is aiohttp.WSMsgType.TEXT:
                    await self._on_frame(conn, json.loads(msg.data))
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            await self._on_disconnect(conn)
        return ws

    async def _on_disconnect(self, conn: Connection) -> None:
        conn.closed = True
        if conn in self.connections:
            self.connections.remove(conn)
        session = conn.session
        code = conn.close_code if conn.server_closed else conn.ws.close_code
        if session is not None and session.conn is conn:
            session.conn = None
            # A client closing with 1000/1001 ends its session (Discord's rule).
            if not conn.server_closed and code in (1000, 1001):
                self._forget(session)
        closed_by = "server" if conn.server_closed else "client"
        self._record("disconnect", conn, close_code=code, d={"closed_by": closed_by})

    async def _on_frame(self, conn: Connection, frame: dict[str, Any]) -> None:
        op, d = frame.get("op"), frame.get("d")
        self._record("received", conn, op=op, d=d)
        if op == HEARTBEAT:
            if not conn.silent:
                await self._send(conn, {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, d or {})
        elif op == RESUME:
            await self._resume(conn, d or {})
        elif op == REQUEST_MEMBERS:
            await self._request_members(conn, d or {})

    async def _close(self, conn: Connection, code: int, reason: str) -> None:
        conn.server_closed = True
        conn.close_code = code
        if code in SESSION_ENDING_CLOSE_CODES and conn.session is not None:
            self._forget(conn.session)
        await conn.ws.close(code=code, message=reason.encode())

    def _forget(self, session: Session) -> None:
        self._by_id.pop(session.id, None)
        if self.sessions.get(session.shard_id) is session:
            del self.sessions[session.shard_id]

    # -- identify / resume ---------------------------------------------------------------
    async def _identify(self, conn: Connection, d: dict[str, Any]) -> None:
        if conn.session is not None:
            return await self._close(conn, 4005, "Already authenticated.")
        if d.get("token") != self.token:
            return await self._close(conn, 4004, "Authentication failed.")
        if self._identify_failures:
            code, reason = self._identify_failures.pop(0)
            return await self._close(conn, code, reason)
        shard_id, num_shards = d.get("shard") or (0, 1)
        if num_shards < 1 or not 0 <= shard_id < num_shards:
            return await self._close(conn, 4010, "Invalid shard.")
        intents = int(d.get("intents", 0))
        for name, bit in PRIVILEGED_INTENTS.items():
            if intents & bit and name not in self.privileged_intents:
                return await self._close(conn, 4014, "Disallowed intent(s).")

        session = Session(
            uuid.uuid4().hex, shard_id, num_shards, intents, deque(maxlen=self._replay_buffer)
        )
        old = self.sessions.get(shard_id)
        if old is not None:
            self._forget(old)  # a new IDENTIFY for a shard replaces its old session
        self.sessions[shard_id] = session
        self._by_id[session.id] = session
        self._num_shards = num_shards
        session.conn = conn
        conn.session = session

        guilds = [g for g in self.world.guilds.values() if (g.id >> 22) % num_shards == shard_id]
        ready = {
            "v": 10,
            "user": client_user_payload(self.world.bot_user),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_url,
            "shard": [shard_id, num_shards],
            "application": {"id": str(self.world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
        }
        await self._deliver(session, "READY", ready)
        for guild in guilds:
            if guild.id not in self.late_guilds:
                await self._send_guild(session, guild)

    async def _send_guild(self, session: Session, guild: Guild) -> None:
        full = self.full_member_list
        if full is None:
            full = bool(session.intents & GUILD_MEMBERS)
        payload = guild_create_payload(guild, include_all_members=full)
        await self._deliver(session, "GUILD_CREATE", payload)

    async def guild_outage(self, guild_id: int) -> int | None:
        """A guild lost mid-session in a Discord outage: GUILD_DELETE with unavailable true
        (discord.py's on_guild_unavailable), then no events for it (dropped) until
        send_late_guilds() sends its GUILD_CREATE again."""
        seq = await self.dispatch(
            "GUILD_DELETE", {"id": str(guild_id), "unavailable": True}, guild_id=guild_id
        )
        self.late_guilds.add(guild_id)
        return seq

    async def send_late_guilds(self) -> int:
        """The GUILD_CREATEs that IDENTIFY left out or an outage took (``late_guilds``),
        now: those guilds become available. Returns how many were sent."""
        sent = 0
        for guild_id in sorted(self.late_guilds):
            session = self.sessions.get(self.shard_for(guild_id))
            if session is not None:
                await self._send_guild(session, self.world.guilds[guild_id])
                sent += 1
        self.late_guilds.clear()
        return sent

    async def _resume(self, conn: Connection, d: dict[str, Any]) -> None:
        session = self._by_id.get(str(d.get("session_id")))
        client_seq = d.get("seq") or 0
        stale = bool(session and session.buffer and session.buffer[0][0] > client_seq + 1)
        if session is None or d.get("token") != self.token or conn.session is not None or stale:
            if session is not None:
                self._forget(session)
            # Discord answers an unknown/expired session with op 9 false; the client re-IDENTIFYs.
            await self._send(conn, {"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        old = session.conn
        if old is not None and old is not conn and not old.closed:
            old.session = None  # detach first so its disconnect does not touch the session
            await self._close(old, 4000, "Session resumed elsewhere.")
        async with session.lock:
            session.conn = conn
            conn.session = session
            for seq, text in list(session.buffer):
                if seq <= client_seq:
                    continue
                if not await self._send(conn, json.loads(text), text=text, replayed=True):
                    break
            await self._emit_locked(session, "RESUMED", {"_trace": ["fake"]})

    async def _request_members(self, conn: Connection, d: dict[str, Any]) -> None:
        session = conn.session
        guild = self.world.guilds.get(int(d.get("guild_id", 0)))
        if session is None or guild is None:
            return
        wanted = {int(u) for u in d.get("user_ids") or ()}
        query = (d.get("query") or "").lower()
        members = [
            member_payload(m)
            for m in guild.members.values()
            if (not wanted or m.user.id in wanted) and m.user.username.lower().startswith(query)
        ]
        limit = d.get("limit") or 0
        chunk = {
            "guild_id": str(guild.id),
            "members": members[:limit] if limit else members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
            "nonce": d.get("nonce"),
        }
        await self._deliver(session, "GUILD_MEMBERS_CHUNK", chunk)

    # -- dispatch ------------------------------------------------------------------------
    def shard_for(self, guild_id: int | None) -> int:
        return 0 if guild_id is None else (guild_id >> 22) % self._num_shards

    async def dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        guild_id: int | None = None,
        shard_id: int | None = None,
    ) -> int | None:
        """Send an event to the session of the shard that owns `guild_id` (default: the
        payload's guild_id). Returns its sequence number, or None when it was filtered out by
        intents or dropped because the shard has no session."""
        if guild_id is None and data.get("guild_id"):
            guild_id = int(data["guild_id"])
        shard = shard_id if shard_id is not None else self.shard_for(guild_id)
        session = self.sessions.get(shard)
        if guild_id in self.late_guilds:
            # (unavailable: Discord sends nothing for it until its GUILD_CREATE)
            log.warning("fake gateway: guild %s is unavailable, dropping %s", guild_id, event)
            self.dropped.append((event, data))
            return None
        if session is None:
            log.warning("fake gateway: no session on shard %s, dropping %s", shard, event)
            self.dropped.append((event, data))
            return None
        return await self._deliver(session, event, data)

    async def deliver(self, session: Session, event: str, data: dict[str, Any]) -> int | None:
        """Send an event to one session, even one a newer IDENTIFY of its shard replaced
        (whose connection is still open): two processes running the same shard."""
        return await self._deliver(session, event, data)

    async def _deliver(self, session: Session, event: str, data: dict[str, Any]) -> int | None:
        needed = EVENT_INTENTS.get(event)
        if needed is not None:
            bit = (
                needed[0]
                if data.get("guild_id") or event.startswith(("GUILD", "THREAD"))
                else needed[1]
            )
            if not session.intents & bit:
                return None
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
            data = self._apply_message_content_intent(session, data)
        async with session.lock:
            return await self._emit_locked(session, event, data)

    async def _emit_locked(self, session: Session, event: str, data: dict[str, Any]) -> int:
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        # Serialized now, so later changes to world dicts do not alter a replay.
        text = json.dumps(frame)
        session.buffer.append((session.seq, text))
        conn = session.conn
        if conn is not None and not conn.silent:
            await self._send(conn, frame, text=text)
        return session.seq

    def _apply_message_content_intent(
        self, session: Session, data: dict[str, Any]
    ) -> dict[str, Any]:
        """Without MESSAGE_CONTENT Discord blanks content, embeds, attachments and components
        of guild messages, except the bot's own and those mentioning it."""
        if session.intents & MESSAGE_CONTENT or not data.get("guild_id"):
            return data
        bot_id = str(self.world.bot_user.id)
        author = (data.get("author") or {}).get("id")
        if author == bot_id or any(u.get("id") == bot_id for u in data.get("mentions") or ()):
            return data
        blank = {"content": "", "embeds": [], "attachments": [], "components": []}
        return {**data, **{k: v for k, v in blank.items() if k in data}}

    # -- fault injection -----------------------------------------------------------------
    def _targets(self, shard_id: int | None) -> list[Connection]:
        return [
            c
            for c in self.connections
            if c.session is not None and (shard_id is None or c.shard_id == shard_id)
        ]

    async def reconnect(self, shard_id: int | None = None) -> int:
        """op 7 RECONNECT: the client should reconnect to resume_gateway_url and RESUME."""
        targets = self._targets(shard_id)
        for conn in targets:
            await self._send(conn, {"op": RECONNECT, "d": None, "s": None, "t": None})
        return len(targets)

    async def invalidate_session(self, *, resumable: bool, shard_id: int | None = None) -> int:
        """op 9 INVALID_SESSION. Not resumable: the session is forgotten at once, so events
        dispatched before the client's new IDENTIFY are dropped (as on Discord)."""
        targets = self._targets(shard_id)
        for conn in targets:
            if not resumable and conn.session is not None:
                self._forget(conn.session)
            await self._send(conn, {"op": INVALID_SESSION, "d": resumable, "s": None, "t": None})
        return len(targets)

    def go_silent(self, shard_id: int | None = None) -> int:
        """Stop ACKing heartbeats and sending events on the current sockets (events are kept
        for replay). The client times out after its heartbeat_timeout and RESUMEs; new
        sockets are not silent."""
        targets = self._targets(shard_id)
        for conn in targets:
            conn.silent = True
        return len(targets)

    async def drop_connection(self, shard_id: int | None = None) -> int:
        """Abort the TCP connection with no close frame (a network failure)."""
        targets = self._targets(shard_id)
        for conn in targets:
            conn.server_closed = True
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
        return len(targets)

    async def close_connection(
        self, code: int = 4000, reason: str = "", *, shard_id: int | None = None
    ) -> int:
        """Close with a gateway close code; codes in SESSION_ENDING_CLOSE_CODES end the session."""
        targets = self._targets(shard_id)
        for conn in targets:
            await self._close(conn, code, reason)
        return len(targets)

    def fail_next_identify(self, code: int = 4014, reason: str = "", *, times: int = 1) -> None:
        """Close the next `times` IDENTIFYs with `code` (4014: privileged intents not enabled)."""
        self._identify_failures += [(code, reason or f"fake close {code}")] * times

    async def close_all(self) -> None:
        for conn in list(self.connections):
            await self._close(conn, 1001, "Fake Discord stopping.")

    # -- waiting -------------------------------------------------------------------------
    def mark(self) -> int:
        """Index to pass as `since` so a wait only considers later records."""
        return len(self.records)

    async def wait_for(
        self,
        predicate: Callable[[GatewayRecord], bool],
        *,
        since: int = 0,
        count: int = 1,
        timeout: float = 5.0,
        what: str = "gateway record",
    ) -> GatewayRecord:
        return await self.records.wait_for(
            predicate, since=since, count=count, timeout=timeout, what=what
        )

    async def wait_for_dispatch(
        self,
        event: str,
        *,
        shard_id: int | None = None,
        since: int = 0,
        count: int = 1,
        timeout: float = 5.0,
    ) -> GatewayRecord:
        """Wait until the fake has *sent* `event` (e.g. READY, RESUMED) on the wire."""
        return await self.wait_for(
            lambda r: r.kind == "sent" and r.t == event and shard_id in (None, r.shard_id),
            since=since,
            count=count,
            timeout=timeout,
            what=f"{event} sent" + (f" on shard {shard_id}" if shard_id is not None else ""),
        )

    async def wait_for_op(
        self, op: int, *, since: int = 0, count: int = 1, timeout: float = 5.0
    ) -> GatewayRecord:
        """Wait until the client has *sent* a frame with opcode `op` (e.g. IDENTIFY, RESUME)."""
        return await self.wait_for(
            lambda r: r.kind == "received" and r.op == op,
            since=since,
            count=count,
            timeout=timeout,
            what=f"client op {op}",
        )

    def received(self, op: int, *, since: int = 0) -> list[GatewayRecord]:
        return self.records.matching(lambda r: r.kind == "received" and r.op == op, since=since)

    def sent(self, event: str, *, since: int = 0) -> list[GatewayRecord]:
        return self.records.matching(lambda r: r.kind == "sent" and r.t == event, since=since)
