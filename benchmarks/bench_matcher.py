"""Matcher speed: load time, per-question latency and throughput, next to raw rapidfuzz.

    .venv/bin/python benchmarks/bench_matcher.py

Measures the shipped FAQ and a 1,000-entry FAQ made by copying real entries under new
ids (files written to a temporary folder and loaded like the real one). The floor is
``rapidfuzz.process.extract`` of each question over the same title and alias strings.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from knowledge.base import KnowledgeBase
from knowledge.evaluation import load_questions
from knowledge.loader import DEFAULT_FAQ_DIR, load_entries

ROOT = Path(__file__).resolve().parent.parent
QUESTION_SETS = [
    ROOT / "tests" / "data" / "public_questions.yaml",
    ROOT / "tests" / "data" / "dev_questions.yaml",
]


def questions() -> list[str]:
    found = [q.q for path in QUESTION_SETS if path.exists() for q in load_questions(path)]
    return found or ["can I split earnings to a traditional IRA?"]


def make_copies(target: Path, count: int) -> None:
    sources = sorted(DEFAULT_FAQ_DIR.glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    ids = [p.stem for p in sources]
    for n in range(count):
        text, old_id = texts[n % len(texts)], ids[n % len(ids)]
        new_id = f"{old_id}-copy{n}"
        text = text.replace(f"id: {old_id}\n", f"id: {new_id}\n", 1)
        # aliases must stay unique across files, and related ids must exist: keep copies
        # self-contained by pointing related at nothing.
        text = re.sub(r"^(  - )(?!title:|url:)(.+)$", rf"\1\2 v{n}", text, flags=re.M)
        text = re.sub(r"^related:\n(?:  - .+\n)+", "related: []\n", text, flags=re.M)
        (target / f"{new_id}.md").write_text(text, encoding="utf-8")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def time_questions(fn, qs: list[str], rounds: int) -> tuple[float, float, float]:
    samples = []
    start = time.perf_counter()
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            fn(q)
            samples.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    return statistics.median(samples) * 1e3, pct(samples, 0.99) * 1e3, len(samples) / elapsed


def bench(label: str, folder: Path, qs: list[str], rounds: int) -> None:
    t0 = time.perf_counter()
    entries = load_entries(folder)
    t1 = time.perf_counter()
    kb = KnowledgeBase.from_entries(entries, folder)
    load_s, index_s = t1 - t0, time.perf_counter() - t1
    strings = [p for e in kb.entries.values() for p in (e.title, *e.aliases)]
    kb.ask(qs[0])  # warm caches, as a running bot would be
    med, p99, qps = time_questions(kb.ask, qs, rounds)
    fmed, fp99, fqps = time_questions(
        lambda q: process.extract(q, strings, scorer=fuzz.WRatio, limit=4), qs, rounds
    )
    print(
        f"{label:>14}: {len(kb.entries):5d} entries  files+validation {load_s * 1e3:6.0f} ms  "
        f"index {index_s * 1e3:6.0f} ms  |  "
        f"matcher median {med:6.3f} ms  p99 {p99:6.3f} ms  {qps:8.0f} q/s  |  "
        f"raw extract median {fmed:6.3f} ms  p99 {fp99:6.3f} ms  {fqps:8.0f} q/s"
    )


def main() -> None:
    qs = questions()
    print(f"{len(qs)} questions (public sample + dev set), several rounds each")
    bench("shipped FAQ", DEFAULT_FAQ_DIR, qs, rounds=5)
    with tempfile.TemporaryDirectory() as tmp:
        make_copies(Path(tmp), 1000)
        bench("1,000 entries", Path(tmp), qs, rounds=2)


if __name__ == "__main__":
    main()
