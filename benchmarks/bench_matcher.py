"""Matcher speed: time to a ready knowledge base, per-question latency and throughput.

    .venv/bin/python benchmarks/bench_matcher.py

Measures the shipped FAQ and a 1,000-entry FAQ made by copying real entries under new ids,
each copy with its own answer text and two of its source's example questions (files written
to a temporary folder and loaded like the real one). "Ready" is KnowledgeBase.load: read,
validate, index and train; the first load in a process also pays scikit-learn's import,
shown separately. Loads after the first in a process reuse what did not change (parsed
files, entries' features, text rewrites, typo corrections), as a running bot's reload does;
"after an alias edit" is such a reload after one entry gained an alias (new words, so the
matcher is trained again); "from the disk cache" is a restart with unchanged files
(knowledge/cache.py): read, validate, unpickle. The floor is ``rapidfuzz.process.extract``
of each question over the same title and alias strings.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge import base
from knowledge.base import KnowledgeBase
from knowledge.evaluation import load_questions
from knowledge.examples import EXAMPLES_DIR, OFF_TOPIC
from knowledge.loader import DEFAULT_FAQ_DIR

ROOT = Path(__file__).resolve().parent.parent
QUESTION_SETS = [
    ROOT / "tests" / "data" / "public_questions.yaml",
    ROOT / "tests" / "data" / "dev_questions.yaml",
    ROOT / "tests" / "data" / "real_questions.yaml",
]


#: Questions timed: every one of the sets, thinned evenly to this many (long real posts
#: included), so a run takes a minute or two.
SAMPLE = 300


def questions() -> list[str]:
    found = [q.q for path in QUESTION_SETS if path.exists() for q in load_questions(path)]
    step = max(1, len(found) // SAMPLE)
    return found[::step][:SAMPLE] or ["can I split earnings to a traditional IRA?"]


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
        # Every copy's answer is its own text too, as a real FAQ's are: shared answers would
        # be rewritten and tokenised once, not a thousand times (under the length limit).
        text = text.rstrip()[:-8] + f" copy{n}\n"
        (target / f"{new_id}.md").write_text(text, encoding="utf-8")
    source = DEFAULT_FAQ_DIR / EXAMPLES_DIR
    (target / EXAMPLES_DIR).mkdir()
    for n in range(count):
        old_id = ids[n % len(ids)]
        path = source / f"{old_id}.yaml"
        items = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
        round_ = n // len(ids)
        picked = [{"text": i["text"]} for i in items[2 * round_ : 2 * round_ + 2]]
        if picked:
            out = target / EXAMPLES_DIR / f"{old_id}-copy{n}.yaml"
            out.write_text(yaml.safe_dump(picked), encoding="utf-8")
    off = source / f"{OFF_TOPIC}.yaml"
    (target / EXAMPLES_DIR / off.name).write_text(off.read_text(encoding="utf-8"))


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


def timed_loads(folder: Path, cache_dir: str) -> list[float]:
    """Three loads, none reusing the in-memory matcher; ``cache_dir`` is the disk cache
    ("off": every load trains)."""
    os.environ["ROLLOVER_CACHE_DIR"] = cache_dir
    loads = []
    for _ in range(3):
        base._TRAINED.clear()
        t0 = time.perf_counter()
        KnowledgeBase.load(folder)
        loads.append(time.perf_counter() - t0)
    return loads


def timed_edits(folder: Path) -> list[float]:
    """Three reloads of a copy of ``folder``, each after adding an alias to one entry (what
    a moderator's edit does): the vocabulary changes, so the matcher is trained again."""
    os.environ["ROLLOVER_CACHE_DIR"] = "off"
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "faq"
        shutil.copytree(folder, copy)
        KnowledgeBase.load(copy)
        target = sorted(copy.glob("*.md"))[0]
        for n in range(3):
            text = target.read_text(encoding="utf-8")
            alias = f"aliases:\n  - benchmark alias number {n} zebra{n}\n"
            target.write_text(text.replace("aliases:\n", alias, 1), encoding="utf-8")
            t0 = time.perf_counter()
            KnowledgeBase.load(copy)
            loads.append(time.perf_counter() - t0)
    return loads


def bench(label: str, folder: Path, qs: list[str], rounds: int) -> None:
    loads = timed_loads(folder, "off")
    edits = timed_edits(folder)
    with tempfile.TemporaryDirectory() as cache_dir:
        KnowledgeBase.load(folder)  # stored in the memory cache only: store it on disk
        base._TRAINED.clear()
        os.environ["ROLLOVER_CACHE_DIR"] = cache_dir
        KnowledgeBase.load(folder)
        cached = timed_loads(folder, cache_dir)
    kb = KnowledgeBase.load(folder)
    strings = [p for e in kb.entries.values() for p in (e.title, *e.aliases)]
    kb.ask(qs[0])  # warm caches, as a running bot would be
    med, p99, qps = time_questions(kb.ask, qs, rounds)
    # WRatio over every title and alias is slow on long posts: a sample of questions, once.
    fmed, fp99, fqps = time_questions(
        lambda q: process.extract(q, strings, scorer=fuzz.WRatio, limit=4), qs[::6], 1
    )
    print(
        f"{label:>14}: {len(kb.entries):5d} entries, {kb.matcher.examples:5d} examples  "
        f"ready (read, validate, index, train) in {min(loads):.2f} s (best of 3; "
        f"{', '.join(f'{x:.2f}' for x in loads)}); after an alias edit "
        f"{max(edits):.2f} s (worst of 3); from the disk cache {min(cached):.2f} s\n"
        f"{'':>16}matcher median {med:6.3f} ms  p99 {p99:6.3f} ms  {qps:7.0f} q/s  |  "
        f"raw extract median {fmed:6.3f} ms  p99 {fp99:6.3f} ms  {fqps:7.0f} q/s",
        flush=True,
    )


def main() -> None:
    qs = questions()
    t0 = time.perf_counter()
    import sklearn.linear_model  # noqa: F401 - what the first load in a process pays

    print(f"scikit-learn import: {time.perf_counter() - t0:.2f} s (once per process)", flush=True)
    print(f"{len(qs)} questions (written samples and real posts), several rounds each")
    bench("shipped FAQ", DEFAULT_FAQ_DIR, qs, rounds=5)
    with tempfile.TemporaryDirectory() as tmp:
        make_copies(Path(tmp), 1000)
        bench("1,000 entries", Path(tmp), qs, rounds=2)


if __name__ == "__main__":
    main()
