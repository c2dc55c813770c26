"""Soak run: 10,000 mixed events through the fake Discord with faults injected at random.

    cd /work/main && .venv/bin/python benchmarks/soak.py [--events N] [--seed S]
        [--store sqlite|postgres|memory] [--forum-cap N] [--trace-from N]
        [--budget SECONDS] [--json PATH]

Events (from a fixed seed: the same choices each run, though what gets clicked depends on
which answers have arrived) come from 200 members, at most 16 awaiting their answer at a
time: forum posts, /ask, /faq and its autocomplete, the calculators (now and then
/schedule with its chart), clicks on the vote buttons and the suggestion select of earlier
answers, and mentions of the bot. Faults, at random between events: gateway op 7
RECONNECT, op 9 INVALID_SESSION (resumable or not), a TCP abort, a 4000 close; REST 429s
(per route and global) on replies and interaction callbacks, now and then a 500/502/504
on a reply (discord.py retries those after 1 s), and a 503 on a reply, which discord.py
gives up on at once (the bot's own retry queue sends it later), one REST fault at a time.
Now and then a flood of 40 posts at once meets the forum cap (`--forum-cap` a minute,
above the usual rate, over a window shortened to 6 s), which holds posts back into the
same queue. `--store postgres` runs a throwaway PostgreSQL server (fsync on).

Reported: events handled, replies sent, duplicate replies to a forum post or a mention
(must be 0), posts lost, mentions and interactions left unanswered (must be 0; posts the bot
abstains on by design, nothing close in the FAQ, are counted apart), errors logged, and
memory: RSS at every 1,000 events (growth per 1,000 over the second half), and
tracemalloc from event `--trace-from` (default 7,000: tracing slows Python ~2.3x, and
tracing all 10,000 events would take ~4 minutes): current and peak, growth per 1,000
events, and the allocation sites of what is still alive at the end. Exit status 1 if a
must-be-zero figure is not 0.

Everything runs in this process on 127.0.0.1 (the fake patches discord.py's URLs). Every
1,000 events the run drains (everything answered), counts replies, and has the fake forget
its records, messages and interactions; the posts' threads go quiet and Discord archives
them (THREAD_UPDATE archived=true, which drops them from discord.py's cache). What is left
of the fake is constant, so memory that grows is the bot's (and the process's).
It stops by itself: a bounded event count and a wall-clock budget for dispatching.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `bot`, `knowledge` and `tests` importable
    sys.path.insert(0, str(ROOT))

from bot.app import RolloverBot  # noqa: E402
from bot.storage import MemoryStore, PostgresStore, SqliteStore, Store  # noqa: E402
from calculators import supported_years  # noqa: E402
from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.fakediscord import (  # noqa: E402
    FakeDiscord,
    InteractionHandle,
    User,
    custom_ids,
    running_bot,
)
from tests.postgres_server import create_database, throwaway_server  # noqa: E402
from tests.reply_checks import GENEROUS_LIMITS, ErrorLog, world_settings  # noqa: E402

QUESTION_SETS = [
    ROOT / "tests" / "data" / "public_questions.yaml",
    ROOT / "tests" / "data" / "dev_questions.yaml",
]
OFF_TOPIC = [
    "How do I change my nickname on this server?",
    "Anyone watching the game tonight?",
    "What is the best pizza topping",
    "lol",
]
EVENTS = 10_000
SEED = 20_401
USERS = 200
IN_FLIGHT = 16
CHECKPOINT = 1_000
BUDGET = 170.0  # seconds for dispatching events; then the run stops and reports
#: Where tracemalloc starts, as a share of the events: tracing makes Python ~2.3x slower.
TRACE_FROM = 0.7
REPLAY_BUFFER = 2_000  # the fake's replay buffer per session (frames): plenty for one gap

# Event mix (weights); /schedule is rarer still (the chart takes ~0.1 s to draw).
MIX: list[tuple[str, int]] = [
    ("forum", 28),
    ("ask", 18),
    ("autocomplete", 12),
    ("faq", 5),
    ("calc", 15),
    ("vote", 9),
    ("pick", 5),
    ("mention", 8),
]
P_SCHEDULE = 25 / 10_000
# Fault probabilities per event.
P_GATEWAY = 1 / 150
P_429 = 1 / 60
P_5XX = 1 / 500
P_GIVE_UP = 1 / 300  # a 503 on a reply: discord.py does not retry it
FORUM_CAP = 600  # posts a minute: above the usual rate (several a second), below a flood
P_FLOOD = 1 / 500
FLOOD = 40
#: The cap's minute, shortened for the run (same rate: FORUM_CAP / 10 posts in 6 s), so
#: held posts wait seconds, not a minute, at every checkpoint's drain.
CAP_WINDOW_SECONDS = 6.0
#: The bot's retry queue, sped up so a run drains in seconds, not minutes.
RETRIES = {"poll_seconds": 0.2, "first_delay_seconds": 0.5, "max_delay_seconds": 2.0}
GATEWAY_FAULTS = ["op7", "op9-resume", "op9-new-session", "tcp-abort", "close-4000"]
CHANNEL_POST = r"/channels/\d+/messages"
CALLBACK = r"/interactions/\d+/[^/]+/callback"
SENDING = {  # routes on which the bot sends people something
    "POST /channels/{channel_id}/messages",
    "POST /interactions/{interaction_id}/{token}/callback",
    "POST /webhooks/{app_id}/{token}",
}
#: Awaits the bot's answer to an event already dispatched (None: nothing to await).
Outcome = Awaitable[None] | None


@dataclass
class Memory:
    events: int
    rss_mib: float  # less tracemalloc's own memory
    traced_mib: float | None = None  # allocations since tracing started, still alive
    traced_peak_mib: float | None = None


@dataclass
class Stats:
    dispatched: Counter[str] = field(default_factory=Counter)
    answered: Counter[str] = field(default_factory=Counter)  # interactions
    late_or_missing: Counter[str] = field(default_factory=Counter)
    latency: dict[str, list[float]] = field(default_factory=dict)  # seconds, per kind
    faults: Counter[str] = field(default_factory=Counter)
    replies_sent: int = 0
    thread_replies: Counter[int] = field(default_factory=Counter)
    mention_replies: Counter[int] = field(default_factory=Counter)
    posts_expecting_reply: set[int] = field(default_factory=set)
    posts_abstain: set[int] = field(default_factory=set)
    mentions: set[int] = field(default_factory=set)
    lost_no_session: int = 0
    owed_peak: int = 0  # replies owed at once, seen while draining
    memory: list[Memory] = field(default_factory=list)
    trace_from: int | None = None
    cleared: Memory | None = None  # at the end, after the fake's own state was cleared


def mib(value: float) -> float:
    return round(value / 2**20, 2)


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def sample_memory(events: int) -> Memory:
    gc.collect()
    # tracemalloc's own tables live in the process too: leave them out of RSS.
    sample = Memory(events, mib(rss_bytes() - tracemalloc.get_tracemalloc_memory()))
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        sample.traced_mib, sample.traced_peak_mib = mib(current), mib(peak)
    return sample


def load_texts() -> list[str]:
    found = [q.q for path in QUESTION_SETS if path.exists() for q in load_questions(path)]
    return found or ["Can I roll the after-tax basis to a Roth IRA and earnings to a TIRA?"]


def money(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    forms = [str(value), f"{value:,}", f"${value:,}", f"{value}.{rng.randint(0, 99):02d}"]
    return rng.choice(forms)


def calculator(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A calculator command with plausible input, and now and then a typo in it."""
    name = rng.choice(["split", "prorata", "form8606", "room"])
    options: dict[str, Any]
    if name == "split":
        options = {"basis": money(rng, 1_000, 80_000), "earnings": money(rng, 0, 5_000)}
    elif name == "prorata":
        basis, earnings = rng.randint(1_000, 50_000), rng.randint(0, 50_000)
        amount = rng.randint(1, basis + earnings)
        options = {"basis": str(basis), "earnings": str(earnings), "amount": str(amount)}
    elif name == "form8606":
        options = {"contribution": "7000", "year_end_balance": money(rng, 0, 90_000)}
        if rng.random() < 0.7:
            options["converted"] = "7000"
    else:
        options = {
            "year": rng.choice(supported_years()),
            "deferrals": money(rng, 0, 23_000),
            "employer": money(rng, 0, 20_000),
        }
    if rng.random() < 0.1:  # answered with a private error message
        key = next(k for k, v in options.items() if isinstance(v, str))
        options[key] = rng.choice(["lots", "1,00", "-5", "1e400", "١٠٠٠"])
    return name, options


class Soak:
    def __init__(self, fake: FakeDiscord, bot: RolloverBot, args: argparse.Namespace) -> None:
        self.fake, self.bot, self.args = fake, bot, args
        self.rng = random.Random(args.seed)
        self.stats = Stats()
        self.questions = load_texts()
        self.entry_ids = sorted(bot.knowledge.entries)
        self.users: list[User] = []
        self.clickable: deque[int] = deque(maxlen=300)  # messages with answer components
        self.in_flight = asyncio.Semaphore(IN_FLIGHT)
        self.tasks: set[asyncio.Task[None]] = set()
        self.recovery: asyncio.Task[None] | None = None
        self.expect_reply: dict[str, bool] = {}  # question -> will the bot reply to a post
        self.threads: list[int] = []  # forum posts since the last checkpoint

    # -- events (each dispatches at once and returns what to await) -----------------------
    def user(self) -> User:
        return self.rng.choice(self.users)

    def will_reply(self, question: str) -> bool:
        """What the bot decides, from the same knowledge: it abstains by design when
        nothing in the FAQ is close enough to suggest (low_confidence = "suggest", entries
        at or above matching.unasked_threshold, none for a post that looks off-topic)."""
        if question not in self.expect_reply:
            result = self.bot.knowledge.ask(question)
            matching = self.bot.settings.matching
            close = result.unasked(matching.unasked_threshold, matching.off_topic_threshold)
            self.expect_reply[question] = result.answered or bool(close)
        return self.expect_reply[question]

    async def forum(self) -> Outcome:
        if self.rng.random() < 0.05:
            title, content = "Off topic", self.rng.choice(OFF_TOPIC)
        else:
            question = self.rng.choice(self.questions)
            title, content = question[:90], question
        post = await self.fake.post_forum_thread(
            title, content, author=self.user(), starter_first=self.rng.random() < 0.5
        )
        if None in post.sequence:
            self.stats.lost_no_session += 1
        wanted = self.will_reply(f"{title}\n{content}")
        (self.stats.posts_expecting_reply if wanted else self.stats.posts_abstain).add(post.id)
        self.threads.append(post.id)
        return None

    async def mention(self) -> Outcome:
        world = self.fake.world
        question = self.rng.choice(self.questions)
        message = await self.fake.send_message(
            world.text_channel, f"{world.bot_user.mention} {question}", author=self.user()
        )
        self.stats.mentions.add(int(message["id"]))
        return None

    async def interaction(
        self, kind: str, send: Callable[[], Awaitable[InteractionHandle]]
    ) -> Outcome:
        try:
            handle = await send()
        except RuntimeError:  # no gateway session at that moment: Discord would not send it
            self.stats.lost_no_session += 1
            return None
        return self.outcome(kind, handle)

    async def outcome(self, kind: str, handle: InteractionHandle) -> None:
        try:
            call = await handle.response_call(timeout=6.0)
            if call.json.get("type") == 5:  # deferred: the followup is the answer
                await handle.followup(0, timeout=15.0)
        except TimeoutError:
            self.stats.late_or_missing[kind] += 1
            return
        if not call.ok:
            self.stats.late_or_missing[kind] += 1
            return
        self.stats.answered[kind] += 1
        self.stats.latency.setdefault(kind, []).append(call.time - handle.sent_at)
        data = call.json.get("data") or {}
        original = handle.record.original_message_id
        if call.json.get("type") == 4 and data.get("components") and original:
            self.clickable.append(original)

    def click_target(self, prefix: str) -> tuple[dict[str, Any], str] | None:
        for _ in range(5):
            if not self.clickable:
                return None
            message = self.fake.world.messages.get(self.rng.choice(self.clickable))
            ids = [c for c in custom_ids(message or {}) if c.startswith(prefix)]
            if message is not None and ids:
                return message, self.rng.choice(ids)
        return None

    def next_event(self) -> tuple[str, Callable[[], Awaitable[Outcome]]]:
        kinds, weights = zip(*MIX, strict=True)
        kind = self.rng.choices(kinds, weights)[0]
        if self.rng.random() < P_SCHEDULE:
            kind = "schedule"
        fake, user, rng = self.fake, self.user(), self.rng

        def command(name: str, options: dict[str, Any], label: str | None = None):
            return label or name, lambda: self.interaction(
                label or name, lambda: fake.send_slash_command(name, options, user=user)
            )

        if kind == "forum":
            return kind, self.forum
        if kind == "mention":
            return kind, self.mention
        if kind == "ask":
            options: dict[str, Any] = {"question": rng.choice(self.questions)[:1000]}
            if rng.random() < 0.15:
                options["private"] = True
            return command("ask", options)
        if kind == "autocomplete":
            words = rng.choice(self.questions).split()
            typed = " ".join(words[: rng.randint(0, min(5, len(words)))])
            return kind, lambda: self.interaction(
                kind, lambda: fake.send_autocomplete("faq", {"topic": typed}, "topic", user=user)
            )
        if kind == "faq":
            return command("faq", {"topic": rng.choice(self.entry_ids)})
        if kind == "calc":
            return command(*calculator(rng))
        if kind == "schedule":
            options = {
                "annual": money(rng, 5_000, 40_000),
                "paychecks": 26,
                "conversions": rng.choice([1, 4, 12, 26]),
                "annual_return": "7%",
            }
            return command("schedule", options)
        target = self.click_target("rb:vote:" if kind == "vote" else "rb:pick")
        if target is None:  # nothing to click yet: ask instead
            return command("ask", {"question": self.questions[0]})
        message, custom_id = target
        if kind == "vote":
            return kind, lambda: self.interaction(
                kind, lambda: fake.click_button(message, custom_id, user=user)
            )
        [select] = [
            c
            for row in message["components"]
            for c in row["components"]
            if c.get("custom_id") == custom_id
        ]
        value = rng.choice(select["options"])["value"]
        return kind, lambda: self.interaction(
            kind, lambda: fake.select(message, custom_id, [value], user=user)
        )

    # -- faults ----------------------------------------------------------------------------
    async def maybe_fault(self) -> None:
        rng, fake, gateway = self.rng, self.fake, self.fake.gateway
        # Every draw is made whether or not it is used, so timing does not shift the rest
        # of the seeded sequence.
        roll_rest, roll_gateway = rng.random(), rng.random()
        on_reply, is_global = rng.random() < 0.5, rng.random() < 0.2
        retry_after, status = rng.choice([0.05, 0.1, 0.25]), rng.choice([500, 502, 504])
        fault = rng.choice(GATEWAY_FAULTS)
        if rng.random() < P_FLOOD:  # a flood of posts (a raid, or a busy hour all at once)
            self.stats.faults[f"flood of {FLOOD} posts"] += 1
            for _ in range(FLOOD):
                self.stats.dispatched["forum (flood)"] += 1
                await self.forum()
        # One REST fault at a time: stacked faults could hit one request five times in a row,
        # and discord.py rightly gives up then; Discord does not answer a client that waits
        # as told with 429 after 429.
        fake.rest.faults[:] = [f for f in fake.rest.faults if f.remaining > 0]
        if fake.rest.faults:
            pass
        elif roll_rest < P_429:
            path = CHANNEL_POST if on_reply else CALLBACK
            fake.fail_next("POST", path, status=429, retry_after=retry_after, is_global=is_global)
            scope = "global" if is_global else "route"
            self.stats.faults[f"429 {scope} on {'reply' if on_reply else 'callback'}"] += 1
        elif roll_rest < P_429 + P_5XX:
            fake.fail_next("POST", CHANNEL_POST, status=status)  # retried after 1 s
            self.stats.faults[f"{status} on reply"] += 1
        elif roll_rest < P_429 + P_5XX + P_GIVE_UP:
            fake.fail_next("POST", CHANNEL_POST, status=503)  # the bot's queue retries it
            self.stats.faults["503 on reply (discord.py gives up)"] += 1
        if roll_gateway >= P_GATEWAY or (self.recovery is not None and not self.recovery.done()):
            return
        mark = gateway.mark()
        if fault == "op7":
            hit = await gateway.reconnect()
        elif fault == "op9-resume":
            hit = await gateway.invalidate_session(resumable=True)
        elif fault == "op9-new-session":
            hit = await gateway.invalidate_session(resumable=False)
        elif fault == "tcp-abort":
            hit = await gateway.drop_connection()
        else:
            hit = await gateway.close_connection(4000)
        if not hit:
            return
        self.stats.faults[fault] += 1
        self.recovery = asyncio.create_task(
            self.recovered("READY" if fault == "op9-new-session" else "RESUMED", mark)
        )
        if fault == "op9-new-session":
            # Discord drops what happens before the new IDENTIFY: those users' events would
            # never reach any bot, so the run waits instead of counting them as lost.
            await self.recovery

    async def recovered(self, event: str, mark: int) -> None:
        await self.fake.gateway.wait_for_dispatch(event, since=mark, timeout=15.0)
        guild = self.fake.world.guild.id
        while (g := self.bot.get_guild(guild)) is None or g.unavailable:  # noqa: ASYNC110
            await asyncio.sleep(0.01)  # discord.py has no event for "guild back in cache"

    # -- bookkeeping -----------------------------------------------------------------------
    async def drain(self, quiet: float) -> None:
        if self.tasks:
            await asyncio.gather(*self.tasks)
        if self.recovery is not None:
            await self.recovery
        await self.fake.idle(quiet=quiet, timeout=60.0)
        # Replies still owed (held by the cap or failed) are sent by the retry queue: wait
        # for it, up to the cap's minute and then some.
        deadline = time.monotonic() + 90.0
        while (owed := await self.bot.store.pending_replies()) and time.monotonic() < deadline:
            self.stats.owed_peak = max(self.stats.owed_peak, len(owed))
            await asyncio.sleep(0.2)
        await self.fake.idle(quiet=quiet, timeout=60.0)

    def harvest(self) -> None:
        """Count what the bot sent since the last harvest, then forget the fake's records."""
        text_channel = int(self.fake.world.text_channel["id"])
        for call in self.fake.calls:
            if call.injected or not call.ok or call.route not in SENDING:
                continue
            self.stats.replies_sent += 1
            if call.route != "POST /channels/{channel_id}/messages":
                continue
            channel = int(call.params["channel_id"])
            if channel == text_channel:
                ref = (call.json or {}).get("message_reference") or {}
                self.stats.mention_replies[int(ref.get("message_id", 0))] += 1
            else:
                self.stats.thread_replies[channel] += 1
        self.fake.forget_history()

    async def forget_fake_state(self) -> None:
        """Once every event so far is answered: the posts' threads go quiet and Discord
        archives them (THREAD_UPDATE, which also drops them from discord.py's cache), and
        the fake forgets its messages (but those still to be clicked), interactions and
        attachments. What remains of the fake is constant (users, channels, a replay
        buffer of REPLAY_BUFFER frames), so memory that grows is the bot's."""
        world = self.fake.world
        for thread_id in self.threads:
            thread = world.guild.threads.pop(thread_id, None)
            if thread is not None:
                thread["thread_metadata"]["archived"] = True
                await self.fake.dispatch("THREAD_UPDATE", thread)
        self.threads.clear()
        keep = set(self.clickable)
        for mid in [m for m in world.messages if m not in keep]:
            del world.messages[mid]
        world.interactions.clear()
        world.interaction_tokens.clear()
        world.attachments.clear()
        await self.fake.idle(quiet=0.05, timeout=30.0)
        self.harvest()

    async def checkpoint(self, events: int) -> None:
        # Quiet for longer than discord.py's 1 s back-off after a 5xx: nothing is pending.
        await self.drain(quiet=1.2)
        self.harvest()
        await self.forget_fake_state()
        if events == self.args.trace_from and not tracemalloc.is_tracing():
            gc.collect()
            tracemalloc.start()
            self.stats.trace_from = events
        self.stats.memory.append(sample_memory(events))

    # -- the run ---------------------------------------------------------------------------
    async def run(self) -> int:
        world = self.fake.world
        self.users = [world.asker, world.moderator]
        for n in range(USERS - len(self.users)):
            user = world.add_user(f"member{n}")
            world.add_member(world.guild, user, roles=[world.member_role])
            self.users.append(user)
        await self.checkpoint(0)
        started = time.monotonic()
        handled = 0
        while handled < self.args.events:
            if time.monotonic() - started > self.args.budget:
                print(f"wall-clock budget reached after {handled} events: stopping", flush=True)
                break
            await self.maybe_fault()
            kind, send = self.next_event()
            self.stats.dispatched[kind] += 1
            await self.in_flight.acquire()
            outcome = await send()
            if outcome is None:
                self.in_flight.release()
            else:
                task = asyncio.ensure_future(outcome)
                self.tasks.add(task)
                task.add_done_callback(self._done)
            handled += 1
            # Twice as often while tracing: more points for the growth figure.
            every = CHECKPOINT // 2 if tracemalloc.is_tracing() else CHECKPOINT
            if handled % every == 0:
                await self.checkpoint(handled)
                last = self.stats.memory[-1]
                traced = "" if last.traced_mib is None else f", traced {last.traced_mib} MiB"
                print(
                    f"  {handled:>6} events  {time.monotonic() - started:6.1f} s  "
                    f"RSS {last.rss_mib} MiB{traced}",
                    flush=True,
                )
        # Let retries after a 5xx (1 s back-off) and replays finish, then count the rest.
        await self.drain(quiet=1.5)
        self.harvest()
        if self.stats.memory[-1].events != handled:
            self.stats.memory.append(sample_memory(handled))
        return handled

    def _done(self, task: asyncio.Future[None]) -> None:
        self.tasks.discard(task)  # type: ignore[arg-type]
        self.in_flight.release()
        if not task.cancelled() and task.exception() is not None:
            logging.getLogger("soak").error("event failed", exc_info=task.exception())


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p * len(ordered)) - 1))]


def slope_per_1000(points: list[Memory], attr: str) -> float | None:
    """Least-squares growth of `attr` per 1,000 events."""
    pairs = [(p.events, getattr(p, attr)) for p in points if getattr(p, attr) is not None]
    if len(pairs) < 2:
        return None
    mx = sum(x for x, _ in pairs) / len(pairs)
    my = sum(y for _, y in pairs) / len(pairs)
    var = sum((x - mx) ** 2 for x, _ in pairs)
    return round(1000 * sum((x - mx) * (y - my) for x, y in pairs) / var, 3) if var else None


def bot_structures(bot: RolloverBot) -> dict[str, int]:
    """Sizes of what the bot keeps in memory, to see what could grow."""
    sizes: dict[str, int] = {}
    posts = getattr(bot.get_cog("Answers"), "posts", None)
    if posts is not None and hasattr(posts, "_done"):
        sizes["answers cog: answered posts (capped at 10,000)"] = len(posts._done)
    for name in ("questions", "votes", "claimed"):
        value = getattr(bot.store, name, None)
        if isinstance(value, list | dict | set):
            sizes[f"store.{name} (in memory)"] = len(value)
    state = bot._connection
    sizes["discord.py message cache (max 1,000)"] = len(state._messages or ())
    if bot.guilds:
        sizes["discord.py cached threads"] = len(bot.guilds[0]._threads)
    sizes["discord.py stored views"] = len(state._view_store._views)
    # One per route and channel, dropped 300 s after their last use (discord/http.py).
    sizes["discord.py rate-limit buckets"] = len(bot.http._buckets)
    return sizes


def allocation_sites(limit: int = 8) -> list[str]:
    """Where the memory allocated since tracing started, and still alive, was allocated."""
    if not tracemalloc.is_tracing():
        return []
    stats = tracemalloc.take_snapshot().statistics("lineno")
    return [f"{s.size / 1024:8.1f} KiB {s.count:6d} blocks  {s.traceback}" for s in stats[:limit]]


async def soak(args: argparse.Namespace) -> dict[str, Any]:
    # Errors are collected by ErrorLog and summarised in the report (no console spam);
    # discord.py's warnings about reconnects and 429s are what this run provokes.
    logging.getLogger().setLevel(logging.WARNING)
    for noisy in ("discord", "tests.fakediscord"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    knowledge = KnowledgeBase.load()
    with (
        tempfile.TemporaryDirectory(prefix="soak-") as tmp,
        ErrorLog() as errors,
        contextlib.ExitStack() as servers,
    ):
        store: Store
        if args.store == "postgres":
            socket_folder = servers.enter_context(throwaway_server(durable=True))
            store = PostgresStore(create_database(socket_folder, "soak"))
        elif args.store == "sqlite":
            store = SqliteStore(Path(tmp) / "bot.db")
        else:
            store = MemoryStore()
        await store.open()
        async with FakeDiscord() as fake:
            fake.gateway._replay_buffer = REPLAY_BUFFER  # the fake's memory, not the bot's
            limits = {**GENEROUS_LIMITS, "forum_answers_per_minute": args.forum_cap}
            settings = world_settings(fake, limits=limits, retries=RETRIES)
            bot = RolloverBot(settings, knowledge, store)
            async with running_bot(fake, bot, timeout=30.0, settle=0.5) as running:
                fake.register_commands(running.tree)
                window = running.get_cog("Answers").forum_window  # type: ignore[union-attr]
                window.period = CAP_WINDOW_SECONDS
                window.limit = max(1, round(args.forum_cap * CAP_WINDOW_SECONDS / 60))
                run = Soak(fake, running, args)
                started = time.monotonic()
                handled = await run.run()
                wall = time.monotonic() - started
                structures = bot_structures(running)
                run.clickable.clear()
                await run.forget_fake_state()
                for session in fake.gateway.sessions.values():
                    session.buffer.clear()  # the end: no RESUME will need it
                cleared = sample_memory(handled)
                sites = allocation_sites()
        await store.close()
        tracemalloc.stop()
    run.stats.cleared = cleared
    return report(run.stats, handled, wall, structures, sites, errors.describe(), args)


def report(
    stats: Stats,
    handled: int,
    wall: float,
    structures: dict[str, int],
    sites: list[str],
    errors: list[str],
    args: argparse.Namespace,
) -> dict[str, Any]:
    expecting = stats.posts_expecting_reply
    duplicates = sorted(t for t, n in stats.thread_replies.items() if n > 1)
    unanswered_posts = sorted(t for t in expecting if stats.thread_replies[t] == 0)
    unexpected = sorted(t for t in stats.posts_abstain if stats.thread_replies[t])
    unanswered_mentions = sorted(m for m in stats.mentions if stats.mention_replies[m] == 0)
    duplicate_mentions = sorted(m for m, n in stats.mention_replies.items() if n > 1)
    memory = stats.memory
    half = [m for m in memory if m.events >= handled // 2]
    # Tracing starts at 0 bytes and first fills caches that turn over (message cache,
    # replay buffers): the slope is taken from the checkpoint after the first traced one.
    traced = [m for m in memory if m.traced_mib is not None][1:]
    start, end = memory[0], memory[-1]
    result: dict[str, Any] = {
        "events handled": handled,
        "wall seconds": round(wall, 1),
        "events per second": round(handled / wall, 1) if wall else 0,
        "events by kind": dict(sorted(stats.dispatched.items())),
        "interactions answered": sum(stats.answered.values()),
        "interactions late or unanswered": dict(stats.late_or_missing),
        "interaction latency ms p50 / p99 / max": {
            kind: [round(1000 * pct(values, p), 1) for p in (0.5, 0.99, 1.0)]
            for kind, values in sorted(stats.latency.items())
        },
        "replies sent (messages, callbacks, followups)": stats.replies_sent,
        "forum posts": len(expecting) + len(stats.posts_abstain),
        "forum posts answered (answer or suggestions)": len(expecting) - len(unanswered_posts),
        "forum posts abstained by design (nothing close)": len(stats.posts_abstain),
        "duplicate replies to a forum post": len(duplicates),
        "forum posts lost (unanswered)": len(unanswered_posts),
        "replies owed at once (peak seen while draining)": stats.owed_peak,
        "abstain-expected posts that got a reply": len(unexpected),
        "mentions": len(stats.mentions),
        "mentions unanswered": len(unanswered_mentions),
        "duplicate replies to a mention": len(duplicate_mentions),
        "events lost for want of a gateway session": stats.lost_no_session,
        "faults injected": dict(sorted(stats.faults.items())),
        "errors logged": len(errors),
        "first errors": errors[:5],
        "RSS MiB start / half / end": [
            start.rss_mib,
            min(memory, key=lambda m: abs(m.events - handled // 2)).rss_mib,
            end.rss_mib,
        ],
        "RSS peak MiB": mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024),
        "RSS growth per 1,000 events, second half (MiB)": slope_per_1000(half, "rss_mib"),
        "RSS growth per 1,000 events, second half before tracing (MiB)": slope_per_1000(
            [m for m in half if m.traced_mib is None or m.events == stats.trace_from], "rss_mib"
        ),
        "tracemalloc from event": stats.trace_from,
        "tracemalloc current MiB at trace start / end": [
            next((m.traced_mib for m in memory if m.traced_mib is not None), None),
            end.traced_mib,
        ],
        "tracemalloc peak MiB": end.traced_peak_mib,
        "tracemalloc current MiB at the end, the fake's state cleared": (
            stats.cleared.traced_mib if stats.cleared else None
        ),
        "RSS MiB at the end, the fake's state cleared": (
            stats.cleared.rss_mib if stats.cleared else None
        ),
        "tracemalloc growth per 1,000 events (MiB)": slope_per_1000(traced, "traced_mib"),
        "bot structures at the end": structures,
        "largest live allocation sites since tracing": sites,
        "memory samples": [asdict(m) for m in memory],
        "seed": args.seed,
        "store": args.store,
    }
    result["ok"] = not (
        duplicates
        or unanswered_posts
        or unanswered_mentions
        or duplicate_mentions
        or stats.late_or_missing
        or stats.lost_no_session
        or errors
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--store", choices=["sqlite", "postgres", "memory"], default="sqlite")
    parser.add_argument(
        "--forum-cap", type=int, default=FORUM_CAP, help="forum answers a minute (the cap)"
    )
    parser.add_argument(
        "--trace-from", type=int, help="start tracemalloc at this event (default: half-way)"
    )
    parser.add_argument("--budget", type=float, default=BUDGET, help="seconds to dispatch")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if args.trace_from is None:  # late enough to fit the budget, early enough for a slope
        args.trace_from = int(args.events * TRACE_FROM) // CHECKPOINT * CHECKPOINT
    result = asyncio.run(soak(args))
    for key, value in result.items():
        if key == "memory samples":
            continue
        if isinstance(value, list) and value and isinstance(value[0], str):
            print(f"{key}:")
            for line in value:
                print(f"    {line}")
        else:
            print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
