"""Matcher speed: time to a ready knowledge base, per-question latency and throughput.

    .venv/bin/python benchmarks/bench_matcher.py

Measures the shipped FAQ and a 1,000-entry FAQ: the shipped one plus 975 entries made from
its entries with their words scrambled (see make_copies; files written to a temporary folder
and loaded like the real one), so questions are answered as often as on the shipped FAQ and
the time of an answer includes matching a post's other questions. "Ready" is
KnowledgeBase.load: read, validate, index and train; the first load in a process also pays
scikit-learn's import, shown separately. Loads after the first in a process reuse what did
not change (parsed files, entries' features, text rewrites, typo corrections), as a running
bot's reload does;
"after an alias edit" is such a reload after one entry gained an alias (new words, so the
matcher is trained again); "from the disk cache" is a restart with unchanged files
(knowledge/cache.py): read, validate, unpickle. Answers are timed the first time a question
is met (its new words looked up, its sentences rewritten: what a bot meets; the process's
memory of texts and the embedding model's of their vectors cleared first; then again with
the vectors known, the matcher's own part) and asked again (what a bot remembers); the rate
is over every round but the one the model ran in. The floor is
``rapidfuzz.process.extract`` of each question over the same title and alias strings. The
last line is the machine's speed before and after the run (see machine_speed).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge import base, frontmatter, lexical, normalize
from knowledge.base import KnowledgeBase
from knowledge.evaluation import load_questions
from knowledge.examples import EXAMPLES_DIR
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


_WORD = re.compile(r"[A-Za-z]{4,}")


def _scrambler(texts: list[str]) -> Callable[[str, int], str]:
    """``scramble(text, shift)``: every word of four letters or more replaced by the word
    ``shift`` places further in the FAQ's sorted vocabulary. Each shift gives another text
    in the FAQ's own words (so as common or rare as in a real FAQ of this subject), about
    nothing in particular: a different entry, which a question about the real one does not
    match as well as the real one."""
    vocabulary = sorted({w.lower() for t in texts for w in _WORD.findall(t)})
    index = {w: i for i, w in enumerate(vocabulary)}

    def scramble(text: str, shift: int) -> str:
        def swap(m: re.Match[str]) -> str:
            i = index.get(m.group(0).lower())
            return m.group(0) if i is None else vocabulary[(i + shift) % len(vocabulary)]

        return _WORD.sub(swap, text)

    return scramble


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def make_copies(target: Path, count: int) -> None:
    """The shipped FAQ (its entries and examples as they are) and ``count`` - 25 more
    entries, each a shipped entry with its words scrambled (``_scrambler``), under its own
    id, without examples. A question still finds the entry it is about among a thousand
    that share its vocabulary, and is answered as often as on the real FAQ: copies that
    all read alike would split every score among themselves, and no question would ever be
    answered (nor its other questions matched, a slow part of an answer)."""
    sources = sorted(DEFAULT_FAQ_DIR.glob("*.md"))
    parsed = [frontmatter.parse(p.read_text(encoding="utf-8")) for p in sources]
    shutil.copytree(DEFAULT_FAQ_DIR / EXAMPLES_DIR, target / EXAMPLES_DIR)
    for path in sources:
        shutil.copy(path, target / path.name)
    fields = ("title", "short", "aliases", "keywords")
    scramble = _scrambler(
        [str(f.data.get(k, "")) for f in parsed for k in fields] + [f.body for f in parsed]
    )
    for n in range(count - len(sources)):
        page = parsed[n % len(parsed)]
        shift = n + 1
        data = dict(page.data)
        data["id"] = f"{data['id']}-copy{n}"
        data["title"] = _cut(scramble(data["title"], shift), 256)
        data["short"] = _cut(scramble(data["short"], shift), len(data["short"]))
        # aliases must stay unique across files, and related ids must exist
        data["aliases"] = [f"{scramble(a, shift)} v{n}" for a in data.get("aliases", [])]
        data["keywords"] = [scramble(k, shift) for k in data.get("keywords", [])]
        data["related"] = []
        body = _cut(scramble(page.body, shift), len(page.body))
        front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
        (target / f"{data['id']}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def time_questions(fn, qs: list[str], rounds: int) -> tuple[list[list[float]], float]:
    """Each round's latencies (seconds, in question order), and calls a second overall."""
    samples: list[list[float]] = []
    start = time.perf_counter()
    for _ in range(rounds):
        samples.append([])
        for q in qs:
            t0 = time.perf_counter()
            fn(q)
            samples[-1].append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    return samples, rounds * len(qs) / elapsed


def summary(samples: list[float], *, slowest: bool = False) -> str:
    median, p99 = statistics.median(samples) * 1e3, pct(samples, 0.99) * 1e3
    worst = f"  slowest {max(samples) * 1e3:7.3f} ms" if slowest else ""
    return f"median {median:6.3f} ms  p99 {p99:6.3f} ms{worst}"


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
        target = copy / sorted(DEFAULT_FAQ_DIR.glob("*.md"))[0].name  # (in both folders)
        for n in range(3):
            text = target.read_text(encoding="utf-8")
            alias = f"aliases:\n  - benchmark alias number {n} zebra{n}\n"
            target.write_text(text.replace("aliases:\n", alias, 1), encoding="utf-8")
            t0 = time.perf_counter()
            KnowledgeBase.load(copy)
            loads.append(time.perf_counter() - t0)
    return loads


def forget_texts() -> None:
    """What the process remembers of texts it has read (sentence rewrites and splits,
    question shapes), so each run's first round meets the questions for the first time: the
    shipped FAQ's examples include some of them, and the 1,000-entry run comes after the
    shipped one. Words stay known, as in a running bot."""
    normalize._CANONICAL.clear()
    normalize.split_sentences.cache_clear()
    lexical._sentence_words.cache_clear()
    lexical._shape.cache_clear()


def forget_vectors(kb: KnowledgeBase) -> None:
    """The embedding model's memory of texts (a post met again is not embedded again): the
    first time a post is met, the model's run is most of an answer."""
    embedder = kb.matcher.space.embedder
    if embedder is not None:
        embedder._kept.clear()


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
    kb.ask("can I move after-tax 401k money to a Roth IRA?")  # a running bot has answered
    forget_texts()
    forget_vectors(kb)
    # Each question met for the first time, as a bot does: the model embeds the post and
    # its sentences, its new words and sentences are looked up and rewritten, and all of it
    # is remembered for later rounds.
    new_post, _ = time_questions(kb.ask, qs, 1)
    # The same, with the model's vectors known: the matcher's own part of a first time.
    forget_texts()
    rounds_asked, qps = time_questions(kb.ask, qs, rounds)
    # One ranking of the whole post, without the answer's matching of its other questions.
    ranked, _ = time_questions(kb.matcher.score_all, qs, rounds)
    results = [kb.ask(q) for q in qs]
    answered = sum(r.answered for r in results)
    also = sum(bool(r.also) for r in results)
    # WRatio over every title and alias is slow on long posts: a sample of questions, once.
    extracted, fqps = time_questions(
        lambda q: process.extract(q, strings, scorer=fuzz.WRatio, limit=4), qs[::6], 1
    )
    print(
        f"{label:>14}: {len(kb.entries):5d} entries, {kb.matcher.examples:5d} examples  "
        f"ready (read, validate, index, train) in {min(loads):.2f} s (best of 3; "
        f"{', '.join(f'{x:.2f}' for x in loads)}); after an alias edit "
        f"{max(edits):.2f} s (worst of 3); from the disk cache {min(cached):.2f} s\n"
        f"{'':>16}answers {answered} of {len(qs)} questions ({also} with another question's "
        f"entry too)\n"
        # (the slowest shows a pause of the garbage collector's, if one landed on an answer)
        f"{'':>16}answer, a question's first time: {summary(new_post[0], slowest=True)}\n"
        f"{'':>16}  the same with its embeddings known: "
        f"{summary(rounds_asked[0], slowest=True)}\n"
        f"{'':>16}answer, asked again ({rounds - 1} rounds): "
        f"{summary([s for r in rounds_asked[1:] for s in r])}  {qps:5.0f} q/s\n"
        f"{'':>16}one ranking of the post alone, asked again: "
        f"{summary([s for r in ranked for s in r])}\n"
        f"{'':>16}floor, raw rapidfuzz extract: {summary(extracted[0])}  {fqps:5.0f} q/s",
        flush=True,
    )


def machine_speed() -> float:
    """Seconds a fixed pure-Python loop takes. This machine's speed drifts by a third or
    more within a session, so each run says how fast the machine was around it: figures
    from runs at different speeds are not comparable."""
    t0 = time.perf_counter()
    sum(range(30_000_000))
    return time.perf_counter() - t0


def main() -> None:
    # (--help says what this is; without options it runs the whole benchmark)
    argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0]).parse_args()
    before = machine_speed()
    qs = questions()
    t0 = time.perf_counter()
    import sklearn.linear_model  # noqa: F401 - what the first load in a process pays

    print(f"scikit-learn import: {time.perf_counter() - t0:.2f} s (once per process)", flush=True)
    print(f"{len(qs)} questions (written samples and real posts), several rounds each")
    bench("shipped FAQ", DEFAULT_FAQ_DIR, qs, rounds=5)
    with tempfile.TemporaryDirectory() as tmp:
        make_copies(Path(tmp), 1000)
        bench("1,000 entries", Path(tmp), qs, rounds=4)
    print(
        f"machine speed: sum(range(30,000,000)) took {before:.2f} s before this run and "
        f"{machine_speed():.2f} s after it (about 0.6 s in this machine's usual spells)"
    )


if __name__ == "__main__":
    main()
