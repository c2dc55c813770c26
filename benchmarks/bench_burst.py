"""A busy server's burst through the fake Discord: event-loop lag, order, 429s, memory, a stop.

    .venv/bin/python benchmarks/bench_burst.py [--posts 200] [--latency 0.2] [--debug] [--real]

The real bot (SQLite store, as `rollover-bot run`) against the fake Discord in one process:

1. Burst: ``--posts`` forum posts dispatched within a couple of seconds from as many
   members, with mentions and /ask interleaved, Discord slow (``--latency`` s added to every
   REST reply) and answering 429s (route and global) to some of the replies. Printed: posts
   answered (none twice), how far the answers' order strays from the posts' (inversions,
   and the largest jump), reply latency, and the REST requests per answered post (a bot
   retrying 429s on its own would make more than discord.py's own retries).
2. Event-loop lag meanwhile: a probe sleeping 5 ms records how late it wakes (median, p99,
   max); with ``--debug``, asyncio's debug mode also names every callback over 20 ms. The
   posts are the written questions the bot answers, short and met before (the matcher
   keeps what it worked out); with ``--real``, real forum posts it answers (long), each
   numbered, so that every post and mention is a question the matcher has not met.
3. The forum cap at its default (30 a minute), its minute shortened tenfold (6 s, the retry
   queue's waits with it): the order held posts are answered in, and the REST requests a
   held post costs.
4. Memory over repeated bursts: the bot's own per-post state (claims, windows, in-flight
   sets, tasks) and the growth traced by tracemalloc.
5. A stop during a burst (the bot's ``close``, as SIGTERM does), then a restart on the same
   database: posts answered once, none lost.

Figures include the fake's own work (one process, one event loop): upper bounds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `bot`, `knowledge` and `tests` importable
    sys.path.insert(0, str(ROOT))

from bot.app import RolloverBot  # noqa: E402
from bot.limits import SlidingWindow  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from bot.storage import open_store  # noqa: E402
from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.fakediscord import FakeDiscord, User, running_bot  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "public_questions.yaml"
REAL = ROOT / "tests" / "data" / "real_questions.yaml"
SEED = 7
REPLY = r"/channels/\d+/messages"
#: The forum cap's minute, shortened for phase 3 (the retry queue's waits alike).
SHORT_MINUTE = 6.0


class LagProbe:
    """How late a task sleeping ``interval`` wakes: the loop was busy that long."""

    def __init__(self, interval: float = 0.005) -> None:
        self.interval = interval
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(self.interval)
            self.lags.append(loop.time() - start - self.interval)

    def __enter__(self) -> LagProbe:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()

    def summary(self) -> str:
        if not self.lags:
            return "no samples"
        lags = sorted(self.lags)
        p99 = lags[min(len(lags) - 1, int(0.99 * len(lags)))]
        return (
            f"median {statistics.median(lags) * 1e3:.1f} ms, p99 {p99 * 1e3:.1f} ms, "
            f"max {lags[-1] * 1e3:.1f} ms over {len(lags)} wakes; "
            f"{sum(x > 0.05 for x in lags)} over 50 ms, {sum(x > 0.1 for x in lags)} over 100 ms"
        )


class SlowCallbacks(logging.Handler):
    """asyncio's debug-mode "Executing <Handle ...> took N seconds" lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("Executing"):
            self.seen.append(record.getMessage())


class Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


ERRORS = Errors()
SLOW = SlowCallbacks()


def answerable(
    kb: KnowledgeBase, count: int, rng: random.Random, source: Path = QUESTIONS
) -> list[tuple[str, str]]:
    """(title, content) of posts the bot answers (so each must get exactly one reply)."""
    posts = []
    for q in load_questions(source):
        title = " ".join(q.q.split()[:10])[:100]
        if kb.ask(f"{title}\n{q.q}").answered:
            posts.append((title, q.q))
    rng.shuffle(posts)
    return [posts[i % len(posts)] for i in range(count)]


def settings_for(fake: FakeDiscord, db: Path, **overrides: Any) -> Settings:
    world = fake.world
    return load_settings(
        faq_watch=False,
        log_level="WARNING",
        database={"path": db},
        discord={
            "forum_channel_ids": [int(world.forum["id"])],
            "moderator_role_ids": [int(world.moderator_role.id)],
            "text_channel_ids": [int(world.text_channel["id"])],
        },
        **overrides,
    )


def members(fake: FakeDiscord, count: int) -> list[User]:
    """``count`` members of the server (member0, member1, ...), to post and ask."""
    world = fake.world
    users = [world.add_user(f"member{i}") for i in range(count)]
    for user in users:
        world.add_member(world.guild, user, roles=[world.member_role])
    return users


def inversions(order: list[int]) -> tuple[int, int]:
    """Pairs answered out of posting order, and the largest distance one moved."""
    count = sum(
        1 for i in range(len(order)) for j in range(i + 1, len(order)) if order[i] > order[j]
    )
    jump = max((abs(pos - want) for pos, want in enumerate(order)), default=0)
    return count, jump


def answered_threads(fake: FakeDiscord, since: int, threads: set[int]) -> list[int]:
    """The threads answered, in the order their first reply arrived (each once)."""
    seen: list[int] = []
    for call in fake.calls_matching("POST", REPLY, since=since):
        thread = int(call.path.split("/")[2])
        if thread in threads and thread not in seen:
            seen.append(thread)
    return seen


def replies_per_thread(fake: FakeDiscord, threads: set[int]) -> Counter[int]:
    """The bot's messages in each thread, as Discord holds them (duplicates show here)."""
    bot_id = str(fake.world.bot_user.id)
    found: Counter[int] = Counter()
    for message in fake.world.messages.values():
        thread = int(message["channel_id"])
        if thread in threads and message["author"]["id"] == bot_id:
            found[thread] += 1
    return found


async def wait_answered(
    fake: FakeDiscord,
    threads: set[int],
    timeout: float,  # noqa: ASYNC109
) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if len(replies_per_thread(fake, threads)) >= len(threads):
            break
        await asyncio.sleep(0.05)
    with contextlib.suppress(TimeoutError):
        await fake.idle(quiet=0.2, timeout=timeout)
    return time.monotonic() - start


async def post_burst(
    fake: FakeDiscord, users: list[User], posts: list[tuple[str, str]], spread: float
) -> list[int]:
    """Dispatch the posts evenly over ``spread`` seconds; their thread ids in order."""
    ids = []
    step = spread / max(1, len(posts))
    for i, (title, content) in enumerate(posts):
        post = await fake.post_forum_thread(title, content, author=users[i % len(users)])
        ids.append(post.id)
        await asyncio.sleep(step)
    return ids


def rest_per_post(fake: FakeDiscord, since: int, answered: int) -> str:
    calls = fake.calls[since:]
    by_kind = Counter(f"{c.method} {c.route or c.path}" for c in calls)
    top = ", ".join(f"{n} {k}" for k, n in by_kind.most_common(5))
    return f"{len(calls) / max(1, answered):.2f} REST requests per answered post ({top})"


async def phase_burst(
    kb: KnowledgeBase, work: Path, count: int, latency: float, debug: bool, real: bool
) -> None:
    rng = random.Random(SEED)
    posts = answerable(kb, count, rng, REAL if real else QUESTIONS)
    if real:  # (a number in front: new to the matcher, the same question)
        posts = [(f"#{i} {title}"[:100], f"#{i} {text}") for i, (title, text) in enumerate(posts)]
    async with FakeDiscord() as fake:
        world = fake.world
        users = members(fake, count)
        limits = {"forum_answers_per_minute": 6000, "mention_per_minute": 600}
        settings = settings_for(fake, work / "burst.db", limits=limits)
        bot = RolloverBot(settings, kb, open_store(settings))
        async with running_bot(fake, bot, timeout=30) as running:
            fake.register_commands(running.tree)
            await fake.idle()
            loop = asyncio.get_running_loop()
            if debug:
                loop.set_debug(True)
                loop.slow_callback_duration = 0.02
            fake.rest.latency = latency
            # 429s: some on the reply route, a few global (discord.py waits, then retries).
            fake.fail_next("POST", REPLY, times=15, status=429, retry_after=0.5)
            fake.fail_next("POST", REPLY, times=3, status=429, retry_after=0.3, is_global=True)
            fake.fail_next("PATCH", r"/channels/\d+", times=10, status=429, retry_after=0.4)
            mark = fake.mark()
            start = time.monotonic()
            with LagProbe() as probe:
                side = []
                for i in range(count // 4):  # mentions and /ask among the posts
                    q = posts[i][1][:1000]
                    side.append(
                        fake.send_message(
                            world.text_channel,
                            f"<@{world.bot_user.id}> {q}",
                            author=users[i],
                            mentions=[world.bot_user],
                        )
                    )
                    side.append(fake.send_slash_command("ask", {"question": q}, user=users[-i - 1]))
                burst = asyncio.ensure_future(post_burst(fake, users, posts, 2.0))
                await asyncio.gather(*side)
                ids = await burst
                posted = time.monotonic() - start
                took = await wait_answered(fake, set(ids), 120)
            loop.set_debug(False)
            fake.rest.latency = 0.0
            order = answered_threads(fake, mark, set(ids))
            per = replies_per_thread(fake, set(ids))
            position = {t: i for i, t in enumerate(ids)}
            inv, jump = inversions([position[t] for t in order])
            injected = len([c for c in fake.calls[mark:] if c.status == 429])
            print(f"1. Burst: {count} posts in {posted:.1f} s, {count // 4} mentions and "
                  f"{count // 4} /ask among them; REST latency {latency * 1e3:.0f} ms")  # fmt: skip
            twice = sum(n > 1 for n in per.values())
            print(f"   answered {len(per)}/{count}, twice or more: {twice}; "
                  f"all done {took:.1f} s after the last post")  # fmt: skip
            pairs = count * (count - 1) // 2
            print(f"   order: {inv} of {pairs} pairs answered out of posting order, "
                  f"largest jump {jump} places")  # fmt: skip
            print(f"   {rest_per_post(fake, mark, len(per))}; {injected} 429s injected")
            print(f"2. Event-loop lag during the burst: {probe.summary()}")
            if debug:
                print(f"   asyncio debug: {len(SLOW.seen)} callbacks over 20 ms")
                for line in Counter(s.split(" took ")[0][:160] for s in SLOW.seen).most_common(8):
                    print(f"     {line[1]:>4} x {line[0]}")


async def phase_cap(kb: KnowledgeBase, work: Path, count: int) -> None:
    rng = random.Random(SEED + 1)
    posts = answerable(kb, count, rng)
    async with FakeDiscord() as fake:
        users = members(fake, count)
        retries = {"poll_seconds": 0.2, "first_delay_seconds": 3.0, "max_delay_seconds": 90.0}
        settings = settings_for(fake, work / "cap.db", retries=retries)
        bot = RolloverBot(settings, kb, open_store(settings))
        async with running_bot(fake, bot, timeout=30) as running:
            fake.register_commands(running.tree)
            cog = running.get_cog("Answers")
            limit = settings.limits.forum_answers_per_minute
            cog.forum_window = SlidingWindow(limit, SHORT_MINUTE)
            await fake.idle()
            mark = fake.mark()
            start = time.monotonic()
            ids = await post_burst(fake, users, posts, 2.0)
            minutes = count / limit
            took = await wait_answered(fake, set(ids), SHORT_MINUTE * (minutes + 4))
            order = answered_threads(fake, mark, set(ids))
            per = replies_per_thread(fake, set(ids))
            position = {t: i for i, t in enumerate(ids)}
            inv, jump = inversions([position[t] for t in order])
            fetches = len(fake.calls_matching("GET", r"/channels/\d+(/messages/\d+)?", since=mark))
            print(f"3. Forum cap {limit} a minute (minute = {SHORT_MINUTE:.0f} s): {count} posts")
            print(f"   answered {len(per)}/{count} in {time.monotonic() - start:.1f} s "
                  f"(at best {max(0.0, minutes - 1) * SHORT_MINUTE:.0f} s), twice or more: "
                  f"{sum(n > 1 for n in per.values())}; waited {took:.1f} s")  # fmt: skip
            later = [position[t] for t in order[limit : limit + 10]]
            print(f"   order: {inv} pairs out of posting order, largest jump {jump}; "
                  f"first ten answered: {[position[t] for t in order[:10]]}, "
                  f"after the first minute: {later}")  # fmt: skip
            print(f"   {rest_per_post(fake, mark, len(per))}; {fetches} GETs of a channel "
                  f"or message for {count - limit} held posts")  # fmt: skip


#: Allocations made by the fake Discord (its records of every call, message and event, and
#: its aiohttp server), left out of the memory figure: a real Discord keeps those.
FAKE_SIDE = [
    tracemalloc.Filter(False, "*/tests/fakediscord/*", all_frames=True),
    tracemalloc.Filter(False, "*/aiohttp/web_*", all_frames=True),
    tracemalloc.Filter(False, tracemalloc.__file__),
]


def bot_side(snapshot: tracemalloc.Snapshot) -> int:
    """Bytes traced and still held, the fake's own left out."""
    return sum(s.size for s in snapshot.filter_traces(FAKE_SIDE).statistics("filename"))


def bot_state(bot: RolloverBot) -> dict[str, int]:
    cog: Any = bot.get_cog("Answers")
    return {
        "posts claimed": len(cog.posts._done),
        "mentions claimed": len(cog.mentions._done),
        "mention windows": len(cog.mention_windows._windows),
        "slowed": len(cog._slowed),
        "sending": len(cog._sending),
        "replying": len(bot._replying),
        "tasks": len(asyncio.all_tasks()),
        "cached messages": len(bot.cached_messages),
        "views stored": len(bot._connection._view_store._synced_message_views),
        "threads cached": sum(len(g.threads) for g in bot.guilds),
    }


async def phase_memory(kb: KnowledgeBase, work: Path, rounds: int, per_round: int) -> None:
    rng = random.Random(SEED + 2)
    posts = answerable(kb, per_round, rng)
    async with FakeDiscord() as fake:
        world = fake.world
        users = members(fake, per_round)
        limits = {"forum_answers_per_minute": 6000, "mention_per_minute": 2}
        settings = settings_for(fake, work / "memory.db", limits=limits)
        bot = RolloverBot(settings, kb, open_store(settings))
        async with running_bot(fake, bot, timeout=30) as running:
            fake.register_commands(running.tree)
            await fake.idle()
            sizes = []
            tracemalloc.start(30)  # deep enough to tell the fake's allocations from the bot's
            base = 0
            for r in range(rounds):
                ids = await post_burst(fake, users, posts, 0.5)
                for i in range(per_round // 4):  # each member mentions past their limit once
                    user = users[(r * per_round // 4 + i) % len(users)]
                    for _ in range(3):
                        await fake.send_message(
                            world.text_channel,
                            f"<@{world.bot_user.id}> {posts[i][1][:300]}",
                            author=user,
                            mentions=[world.bot_user],
                        )
                await wait_answered(fake, set(ids), 60)
                gc.collect()
                current = bot_side(tracemalloc.take_snapshot())
                if r == 0:
                    base = current
                sizes.append(current)
            tracemalloc.stop()
            state = bot_state(running)
        grown = (sizes[-1] - base) / 2**20
        print(f"4. Memory: {rounds} bursts of {per_round} posts and {per_round // 4 * 3} "
              f"mentions: traced memory (the fake's left out) after the first "
              f"{base / 2**20:.1f} MiB, grew {grown:.1f} MiB over the next {rounds - 1} "
              f"({grown / max(1, rounds - 1):.2f} a burst)")  # fmt: skip
        print(
            "   the bot's own state after them: " + ", ".join(f"{k} {v}" for k, v in state.items())
        )


async def phase_stop(kb: KnowledgeBase, work: Path, count: int, latency: float) -> None:
    rng = random.Random(SEED + 3)
    posts = answerable(kb, count, rng)
    db = work / "stop.db"
    async with FakeDiscord() as fake:
        users = members(fake, count)
        limits = {"forum_answers_per_minute": 6000}
        retries = {"lease_seconds": 2.0, "poll_seconds": 0.2}
        settings = settings_for(fake, db, limits=limits, retries=retries)
        bot = RolloverBot(settings, kb, open_store(settings))
        ids: list[int] = []
        mark = fake.mark()
        async with running_bot(fake, bot, timeout=30) as running:
            fake.register_commands(running.tree)
            await fake.idle()
            fake.rest.latency = latency
            burst = asyncio.ensure_future(post_burst(fake, users, posts, 2.0))
            await asyncio.sleep(1.0)  # half the burst posted: stop, as SIGTERM does
            stopped = time.monotonic()
            await running.close()
            stop_took = time.monotonic() - stopped
            ids = await burst
        before = replies_per_thread(fake, set(ids))
        fake.rest.latency = 0.0
        again = RolloverBot(settings, kb, open_store(settings))
        async with running_bot(fake, again, timeout=30):
            await asyncio.sleep(settings.retries.lease_seconds)
            took = await wait_answered(fake, set(ids), 60)
        per = replies_per_thread(fake, set(ids))
        print(f"5. Stop during a burst of {count} (REST latency {latency * 1e3:.0f} ms): the stop "
              f"took {stop_took:.1f} s; {len(before)} answered before it")  # fmt: skip
        print(f"   after a restart on the same database: {len(per)}/{count} answered "
              f"({took:.1f} s), twice or more {sum(n > 1 for n in per.values())}; "
              f"{rest_per_post(fake, mark, len(per))}")  # fmt: skip


async def bench(args: argparse.Namespace, work: Path) -> None:
    kb = KnowledgeBase.load()
    if "burst" in args.phases:
        await phase_burst(kb, work, args.posts, args.latency, args.debug, args.real)
    if "cap" in args.phases:
        await phase_cap(kb, work, min(args.posts, 90))
    if "memory" in args.phases:
        await phase_memory(kb, work, args.rounds, 50)
    if "stop" in args.phases:
        await phase_stop(kb, work, min(args.posts, 100), args.latency)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds added to REST")
    parser.add_argument("--rounds", type=int, default=4, help="bursts for the memory phase")
    parser.add_argument("--debug", action="store_true", help="asyncio debug: slow callbacks")
    parser.add_argument("--real", action="store_true", help="real forum posts, new to the bot")
    parser.add_argument(
        "--phases", nargs="*", default=["burst", "cap", "memory", "stop"], help="which to run"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in ("discord", "aiohttp", "bot", "knowledge", "tests"):
        logging.getLogger(name).setLevel(logging.ERROR)
    logging.getLogger("asyncio").addHandler(SLOW)
    logging.getLogger("asyncio").propagate = False
    logging.getLogger().addHandler(ERRORS)
    os.environ.setdefault("ROLLOVER_CACHE_DIR", "off")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-burst-") as work:
        asyncio.run(bench(args, Path(work)))
    if ERRORS.records:
        first = ERRORS.records[0]
        print(f"WARNING: {len(ERRORS.records)} errors logged; first: {first.name}: "
              f"{first.getMessage()[:300]}")  # fmt: skip
    print(f"(benchmark took {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
