"""What the garbage collector costs the answers of a new process.

    .venv/bin/python benchmarks/bench_collector.py [--unsettled]

A bot starts, loads the FAQ once and answers new posts. This does the same in this fresh
process (the shipped FAQ, trained: no disk cache): it times the 300 benchmark questions in
ROUNDS rounds, each met as new (the memory of texts cleared before each round), watching
the collector's passes (``gc.callbacks``), then times one full pass: whatever starts one
(in a bot, discord.py's objects too), it walks every live object, some 120,000 with the
numeric libraries loaded, unless they are frozen.
With ``--unsettled`` the first load does not settle the process (one full collection,
then gc.freeze of what is left: see knowledge/base.py), to compare.
"""

from __future__ import annotations

import gc
import os
import sys
import time

from bench_matcher import forget_texts, machine_speed, questions

from knowledge import base
from knowledge.base import KnowledgeBase

#: Rounds of the benchmark questions, each met as new: 900 answers.
ROUNDS = 3


def main(argv: list[str]) -> None:
    os.environ["ROLLOVER_CACHE_DIR"] = "off"
    if "--unsettled" in argv:
        base._SETTLED[0] = True
    speed = machine_speed()
    t0 = time.perf_counter()
    kb = KnowledgeBase.load()
    ready = time.perf_counter() - t0
    full: list[float] = []
    started: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            started[:] = [time.perf_counter()]
        else:
            full.append(time.perf_counter() - started[0])

    asked = questions()
    gc.callbacks.append(watch)
    times = []
    for _ in range(ROUNDS):
        forget_texts()
        for q in asked:
            t0 = time.perf_counter()
            kb.ask(q)
            times.append(time.perf_counter() - t0)
    gc.callbacks.remove(watch)
    # What any full pass costs now, whatever starts it (in a bot: discord.py's own objects).
    t0 = time.perf_counter()
    gc.collect()
    full_pass = time.perf_counter() - t0
    times.sort()
    passes = ", ".join(f"{p * 1e3:.1f} ms" for p in full) or "none"
    print(
        f"first load (with imports) {ready:.2f} s; {len(gc.get_objects()):,} objects tracked\n"
        f"{len(times)} answers to posts met as new: median {times[len(times) // 2] * 1e3:.2f} ms, "
        f"slowest {times[-1] * 1e3:.2f} ms; full collector passes while answering: {passes}\n"
        f"a full pass after them: {full_pass * 1e3:.1f} ms\n"
        f"machine speed: sum(range(30,000,000)) took {speed:.2f} s before this run "
        f"and {machine_speed():.2f} s after it"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
