"""Speed of the review queue (`/faq-admin review`, `rollover-bot faq review`) on a large
database.

    .venv/bin/python benchmarks/bench_review.py [--sizes 10000 100000]

Fills a fresh SQLite database (in a temporary folder) with that many stored questions,
rephrasings of real forum questions as in bench_gaps.py, in the proportions a busy server
might see (70% unanswered, 15% shaky answers, 10% "not what I asked", 5% taught by members),
a tenth of them already reviewed, then times what the bot does on the command: read the
store and group the queue (off the event loop), best of three; and what a decision checks
first, that the question it would write is still stored (once the queue itself, read and
grouped again: the same time as the command's).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_gaps import make

from bot.storage import SqliteStore
from bot.storage.reports import normalise

KINDS = [("", False)] * 70 + [("", True)] * 15 + [("miss", False)] * 10 + [("taught", False)] * 5


async def fill(store: SqliteStore, n: int) -> None:
    rng = random.Random(n)
    questions = make("rephrased", n, rng)
    db = await store._connection()  # bulk insert: one transaction, as a benchmark may
    rows, taught = [], []
    for n, q in enumerate(questions):
        kind, answered = rng.choice(KINDS)
        if kind == "taught":  # (a table of its own, as the bot keeps them)
            taught.append((n, "split", q.text, "bench", q.when.isoformat()))
            continue
        q = replace(q, kind=kind, answered=answered, best_id="split" if answered else None)
        rows.append((q.text, 1, q.best_id, 50.0, int(q.answered), q.when.isoformat(), q.kind))
    await db.executemany(
        "INSERT INTO questions (text, channel_id, best_id, best_score, answered, asked_at, kind)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    await db.executemany(
        "INSERT INTO taught (message_id, entry_id, text, by_hash, taught_at)"
        " VALUES (?, ?, ?, ?, ?)",
        taught,
    )
    await db.commit()
    reviewed = list({normalise(q.text) for q in questions[::10]})
    await store.record_review(reviewed, "dismiss", None, "bench")


async def bench(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with SqliteStore(Path(tmp) / "bot.db") as store:
            t0 = time.perf_counter()
            await fill(store, n)
            filled = time.perf_counter() - t0
            times, checks = [], []
            for _ in range(3):
                t0 = time.perf_counter()
                items = await store.review_queue(200)
                times.append(time.perf_counter() - t0)
            last = items[-1]  # (the lookup scans the table: any item costs the same)
            for _ in range(3):
                t0 = time.perf_counter()
                assert await store.still_stored(last.example, miss=last.kind == "miss")
                checks.append(time.perf_counter() - t0)
        print(
            f"{n:>7,} stored questions (filled in {filled:.1f} s): queue of {len(items)} items "
            f"in {min(times):.2f} s (best of 3: {', '.join(f'{t:.2f}' for t in times)}); "
            f"first: {items[0].kind} x{items[0].count}; a decision's still-stored check in "
            f"{min(checks) * 1000:.1f} ms",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    for n in parser.parse_args().sizes:
        asyncio.run(bench(n))


if __name__ == "__main__":
    main()
