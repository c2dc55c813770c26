"""Forum posts a second and interaction latency with the bot as real processes: one process
on SQLite, one on PostgreSQL, and two processes (a shard each) sharing PostgreSQL.

    cd /work/main && .venv/bin/python benchmarks/bench_processes.py [--posts N] [--asks N]
        [--configs sqlite-1,postgres-1,postgres-2]

Each bot runs as `rollover-bot run` in a process of its own (tests/bot_process.py), against
the fake Discord in this process; the world has two guilds, one per shard, each with a
watched forum, so two processes split the work. PostgreSQL is a throwaway server with fsync
on, as a real one. Abuse limits are raised out of the way: these are capacity figures.

1. Interactions: `/ask` with real questions, alternating guilds, first one at a time, then 8
   in flight: time from INTERACTION_CREATE dispatched to the callback arriving. p50 / p99.
2. Forum posts: N posts alternating forums, posted back to back; posts answered a second
   (first post dispatched to last reply arrived) and per-post latency p50 / p99.

The fake's own work (JSON, aiohttp) is in every figure and runs on this process's one core:
with two bot processes on a 2-core machine the three processes share two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.settings import load_settings  # noqa: E402
from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.bot_process import COMMAND as BOT_COMMAND  # noqa: E402
from tests.fakediscord import FakeDiscord, ForumPost, User, wait_until  # noqa: E402
from tests.postgres_server import create_database, throwaway_server  # noqa: E402

CONFIGS = {"sqlite-1": ("sqlite", 1), "postgres-1": ("postgres", 1), "postgres-2": ("postgres", 2)}
MEMBERS = 50
IN_FLIGHT = 8


def questions() -> list[str]:
    """Written questions the bot replies to as forum posts (it stays silent on the rest,
    and a benchmark waiting for those replies would wait forever)."""
    kb = KnowledgeBase.load()
    tuning = load_settings().matching
    found = [
        q.q
        for name in ("public_questions.yaml", "dev_questions.yaml")
        for q in load_questions(ROOT / "tests" / "data" / name)
    ]
    replied = []
    for text in found:
        result = kb.ask(f"{text[:90]}\n{text}")
        close = result.unasked(tuning.unasked_threshold, tuning.off_topic_threshold)
        if len(text) < 1000 and (result.answered or close):
            replied.append(text)
    return replied


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p * len(ordered)) - 1))]


class World:
    """Two guilds, one per shard, each with a watched forum, a text channel and members."""

    def __init__(self, fake: FakeDiscord) -> None:
        world = fake.world
        fake.gateway.shard_count = 2
        ours = (world.guild.id >> 22) % 2
        second = world.add_guild("Second server", shard=(1 - ours, 2))
        forum2 = world.add_forum_channel(second, "rollover-questions", tags=("rollover",))
        self.forums = [world.forum, forum2]
        self.channels = [world.text_channel, world.add_text_channel(second, "general")]
        self.members: list[User] = []
        for n in range(MEMBERS):
            user = world.add_user(f"member{n}")
            world.add_member(world.guild, user, roles=[world.member_role])
            world.add_member(second, user)
            self.members.append(user)


@contextlib.asynccontextmanager
async def bot_processes(fake: FakeDiscord, env: dict[str, str], shards: list[str], logs: Path):
    procs = []
    try:
        for n, shard_ids in enumerate(shards):
            out = (logs / f"bot-{n}.log").open("wb")
            procs.append(
                await asyncio.create_subprocess_exec(
                    *BOT_COMMAND,
                    fake.base_url,
                    cwd=ROOT,
                    env={**os.environ, **env, "ROLLOVER_DISCORD__SHARD_IDS": shard_ids},
                    stdout=out,
                    stderr=out,
                )
            )
        yield procs
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()


async def run_config(name: str, args: argparse.Namespace, texts: list[str]) -> dict[str, Any]:
    kind, processes = CONFIGS[name]
    with (
        tempfile.TemporaryDirectory(prefix="bench-processes-") as tmp,
        contextlib.ExitStack() as stack,
    ):
        async with FakeDiscord() as fake:
            world = World(fake)
            env = {
                "DISCORD_TOKEN": fake.token,
                "ROLLOVER_DISCORD__SHARD_COUNT": "2",
                "ROLLOVER_DISCORD__FORUM_CHANNEL_IDS": str([int(f["id"]) for f in world.forums]),
                "ROLLOVER_FAQ_WATCH": "false",
                "ROLLOVER_LOG_LEVEL": "WARNING",
                "ROLLOVER_LIMITS__ASK_PER_MINUTE": "600",
                "ROLLOVER_LIMITS__FORUM_ANSWERS_PER_MINUTE": "6000",
            }
            if kind == "postgres":
                socket_folder = stack.enter_context(throwaway_server(durable=True))
                env["ROLLOVER_DATABASE__URL"] = create_database(socket_folder, "bench")
            else:
                env["ROLLOVER_DATABASE__PATH"] = str(Path(tmp) / "bot.db")
            shards = ["[]"] if processes == 1 else ["[0]", "[1]"]
            async with bot_processes(fake, env, shards, Path(tmp)) as procs:

                def connected() -> bool:
                    for proc in procs:
                        if proc.returncode is not None:
                            logs = "\n".join(p.read_text() for p in Path(tmp).glob("bot-*.log"))
                            raise RuntimeError(f"a bot process exited:\n{logs}")
                    sessions = fake.gateway.sessions
                    return all(s in sessions and sessions[s].conn for s in (0, 1))

                await wait_until(connected, timeout=60)
                # warm-up: each forum answered once (caches, connections, the first queries)
                warm = [
                    await fake.post_forum_thread("Warm-up", texts[0], forum=forum)
                    for forum in world.forums
                ]
                for post in warm:
                    await post.reply(timeout=30)
                sequential = await asks(fake, world, texts, args.asks, in_flight=1)
                parallel = await asks(fake, world, texts, args.asks, in_flight=IN_FLIGHT)
                posts = await forum_burst(fake, world, texts, args.posts)
    return {"config": name, "ask 1 in flight": sequential, "ask 8 in flight": parallel, **posts}


async def asks(
    fake: FakeDiscord, world: World, texts: list[str], count: int, *, in_flight: int
) -> str:
    latencies: list[float] = []
    gate = asyncio.Semaphore(in_flight)

    async def one(n: int) -> None:
        async with gate:
            handle = await fake.send_slash_command(
                "ask",
                {"question": texts[n % len(texts)]},
                user=world.members[n % MEMBERS],
                channel=world.channels[n % 2],
                check=False,
            )
            latencies.append(await handle.latency())

    await asyncio.gather(*(one(n) for n in range(count)))
    return f"p50 {1000 * pct(latencies, 0.5):.1f} ms, p99 {1000 * pct(latencies, 0.99):.1f} ms"


async def forum_burst(
    fake: FakeDiscord, world: World, texts: list[str], count: int
) -> dict[str, str]:
    posts: list[tuple[float, ForumPost]] = []
    started = time.monotonic()
    for n in range(count):
        text = texts[(n * 7) % len(texts)]
        posted = time.monotonic()
        post = await fake.post_forum_thread(
            text[:90], text, author=world.members[n % MEMBERS], forum=world.forums[n % 2]
        )
        posts.append((posted, post))
    latencies = []
    for posted, post in posts:
        reply = await post.reply(timeout=120)
        latencies.append(reply.time - posted)
    last = max(posted + latency for (posted, _), latency in zip(posts, latencies, strict=True))
    return {
        "forum posts a second": f"{count / (last - started):.1f}",
        "post latency": f"p50 {1000 * pct(latencies, 0.5):.0f} ms, "
        f"p99 {1000 * pct(latencies, 0.99):.0f} ms",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--posts", type=int, default=400)
    parser.add_argument("--asks", type=int, default=200)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    args = parser.parse_args()
    texts = questions()
    print(f"{args.posts} forum posts, {args.asks} /ask per pass; {os.cpu_count()} cores")
    for name in args.configs.split(","):
        result = asyncio.run(run_config(name, args, texts))
        print(" | ".join(f"{k}: {v}" for k, v in result.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
