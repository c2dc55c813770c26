"""Speed of grouping unanswered questions (`/faq-admin gaps`, `rollover-bot faq gaps`).

    .venv/bin/python benchmarks/bench_gaps.py [--sizes 1000 10000 100000]

Two kinds of stored questions, each at every size:
- "rephrased": real forum questions' first sentences, each repeated with words dropped,
  swapped or misspelt, as people re-ask the same thing (what gaps exists to group);
- "word soup": 5-15 random words from a 30-word domain vocabulary, the worst case for
  blocking by rare words (every word is common).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from bot.storage.base import AskedQuestion
from bot.storage.reports import group_gaps
from knowledge.evaluation import load_questions

ROOT = Path(__file__).resolve().parent.parent
VOCABULARY = (
    "roth ira 401k after tax basis earnings rollover convert conversion pro rata rule "
    "traditional backdoor mega plan withdrawal in service 1099 form 8606 taxable split "
    "pretax employer limit deadline"
).split()
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def seeds() -> list[str]:
    questions = load_questions(ROOT / "tests" / "data" / "real_questions.yaml")
    return [" ".join(q.q.split()[:25]) for q in questions]


def rephrase(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4 and len(words) > 3:
            del words[i]
        elif action < 0.7:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        elif len(words[i]) > 3:
            k = rng.randrange(len(words[i]) - 1)
            words[i] = words[i][:k] + words[i][k + 1] + words[i][k] + words[i][k + 2 :]
    return " ".join(words)


def make(kind: str, n: int, rng: random.Random) -> list[AskedQuestion]:
    base = seeds()
    texts = []
    for _ in range(n):
        if kind == "rephrased":
            texts.append(rephrase(rng.choice(base), rng))
        else:
            texts.append(" ".join(rng.choices(VOCABULARY, k=rng.randint(5, 15))))
    return [
        AskedQuestion(t, 1, None, 0.0, False, START + dt.timedelta(minutes=i))
        for i, t in enumerate(texts)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    for kind in ("rephrased", "word soup"):
        for n in args.sizes:
            questions = make(kind, n, random.Random(n))
            t0 = time.perf_counter()
            groups = group_gaps(questions, limit=10)
            elapsed = time.perf_counter() - t0
            print(
                f"{kind:>10} {n:>7,} questions: grouped in {elapsed:6.2f} s; "
                f"largest group {groups[0].count if groups else 0}",
                flush=True,
            )


if __name__ == "__main__":
    main()
