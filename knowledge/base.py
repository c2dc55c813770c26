"""A loaded, validated FAQ with its trained matcher: the object everything else asks."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge import cache, embedding, last_good
from knowledge.examples import (
    Example,
    merge_repeats,
    name_clashes,
    no_off_topic,
    read_examples,
    too_few_to_learn,
)
from knowledge.figures import figure_notices
from knowledge.layout import AnswerLayout, layout_entry, short_layout
from knowledge.loader import (
    DEFAULT_FAQ_DIR,
    FaqInvalid,
    FolderFiles,
    FolderScan,
    Problem,
    folder_refusal,
    folder_signature,
    problems_counted,
    scan_folder,
    unread_files,
)
from knowledge.matcher import Hit, Matcher, MatchResult, MatchTuning
from knowledge.model import FaqEntry
from knowledge.normalize import clean

#: Trained matchers by what they were trained on. A matcher is immutable, and training is
#: most of a load: a reload that changed nothing (the watcher after an edit already
#: reloaded, the test suite) reuses the one already trained; a new process with unchanged
#: files reuses the one on disk (knowledge/cache.py).
_TRAINED: OrderedDict[str, Matcher] = OrderedDict()
_TRAINED_MAX = 4
_TRAINED_LOCK = threading.Lock()


#: How often a load reads the folder, while its files change as they are read, before it
#: takes what it read (a watcher reloads again once they settle).
LOAD_TRIES = 3


#: Loads and trainings under way (in any thread): the collector is paused for the first and
#: restored after the last (to what it was: a host may have paused it itself).
_ASIDE = [0]
_ASIDE_LOCK = threading.Lock()
_ASIDE_WAS_ENABLED = [True]
#: Whether this process's first load has settled what the process holds (see below).
_SETTLED = [False]


@contextmanager
def _collector_aside() -> Iterator[None]:
    """Keep the cyclic garbage collector's passes off a load (reading, validating,
    training), and off the objects a process holds for good once its first load is done.

    Loading allocates millions of short-lived objects, and each full pass walks every live
    object: at 1,000 entries those passes were about a third of a first load. The collector
    is paused meanwhile (what a load leaves as cyclic garbage is a few dozen objects, freed
    by the next pass), and nested and concurrent loads share one pause.

    A process's first load brings in most of what it will ever hold: the numeric
    libraries' modules (about 120,000 objects with the shipped FAQ) and its first matcher.
    Every later full pass walked them all, whatever started it (in a bot, discord.py's
    objects too): 96-119 ms of the event loop each time (``benchmarks/bench_collector.py``).
    So that load ends with one full collection and then freezes what is left (gc.freeze):
    the collector skips it from then on, and a full pass took 4 ms. Frozen objects are
    still freed when nothing refers to them (the first matcher is, once replaced); only
    cyclic garbage among them would stay for good."""
    with _ASIDE_LOCK:
        _ASIDE[0] += 1
        if _ASIDE[0] == 1:
            _ASIDE_WAS_ENABLED[0] = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _ASIDE_LOCK:
            _ASIDE[0] -= 1
            if _ASIDE[0] == 0:
                if not _SETTLED[0]:
                    _SETTLED[0] = True
                    gc.collect()
                    gc.freeze()
                if _ASIDE_WAS_ENABLED[0]:
                    gc.enable()


def _content(entries: list[FaqEntry], examples: list[Example]) -> str:
    """A digest of what path-less entries and examples say. Where the files are is not
    what they say: a copy of the folder elsewhere (a deploy, a moderator's checkout) has
    the same, and reuses the matcher trained on it."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(entry.model_dump_json().encode())
    for example in examples:
        digest.update(repr((example.text, example.ids, example.written)).encode())
    return digest.hexdigest()


def _trained(
    entries: list[FaqEntry], tuning: MatchTuning | None, examples: list[Example], content: str
) -> Matcher:
    """The matcher for path-less ``entries`` and ``examples`` (``content`` their digest)."""
    digest = hashlib.sha256(content.encode())
    digest.update((tuning or MatchTuning()).model_dump_json().encode())
    digest.update(cache.code_fingerprint().encode())
    # A matcher trained with sentence embeddings needs them to answer: one trained where
    # the model could not run (or was turned off) is another matcher.
    digest.update(b"embeddings" if embedding.load() is not None else b"no embeddings")
    key = digest.hexdigest()
    with _TRAINED_LOCK:
        if key in _TRAINED:
            _TRAINED.move_to_end(key)
            return _TRAINED[key]
    with _collector_aside():
        matcher = cache.load(key)
        if not isinstance(matcher, Matcher):
            with cache.training(key):  # another process may be training the same
                matcher = cache.load(key)
                if not isinstance(matcher, Matcher):
                    matcher = _train(entries, tuning, examples)
                    cache.store(key, matcher)
    with _TRAINED_LOCK:
        _TRAINED[key] = matcher
        while len(_TRAINED) > _TRAINED_MAX:
            _TRAINED.popitem(last=False)
    return matcher


def _train(entries: list[FaqEntry], tuning: MatchTuning | None, examples: list[Example]) -> Matcher:
    """A new matcher, its linear algebra on one BLAS thread. Its matrices are a few hundred
    rows, too small to gain from threads, and a multi-threaded BLAS's threads spin for
    work: they took the cores from the bot's event loop, and from each other when several
    processes trained at once (a parallel test run was 77.6 s, 60.4 s on one thread)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return Matcher(entries, tuning, examples)


def validate_folder(folder: Path) -> tuple[FolderScan, list[Example]]:
    """Every entry file and examples file of ``folder`` checked; the scan's problems
    include the examples files' problems."""
    scan = scan_folder(folder)
    if folder_refusal(folder) is not None or not folder.is_dir():
        # one problem: the folder itself (its examples cannot be there, or be read)
        return scan, []
    # An entry whose own file is broken still exists for its examples: one problem, once.
    broken = {Path(p.path).stem for p in scan.problems}
    examples, problems = read_examples(folder, {e.id for e in scan.entries} | broken)
    examples, repeats = merge_repeats(examples)
    notices = scan.notices + repeats + name_clashes(scan.entries, examples)
    notices += figure_notices(scan.entries) + too_few_to_learn(folder, examples)
    notices += no_off_topic(folder, examples)
    merged = FolderScan(scan.entries, sorted(scan.problems + problems), sorted(notices))
    return merged, examples


@dataclass(frozen=True)
class Fallback:
    """Why a start answers from the last complete FAQ, and when that was saved."""

    problems: list[Problem]
    saved: dt.datetime

    def summary(self, folder: Path) -> str:
        return (
            f"the FAQ in {folder} has {problems_counted(len(self.problems))} (run 'rollover-bot "
            f"faq validate --faq-dir {folder}' to list them); answering from its last complete "
            f"version, from {self.saved:%Y-%m-%d %H:%M} UTC"
        )


def _topic_words(text: str) -> set[str]:
    """Words of a topic, "401(k)" and "415(c)" as one word each."""
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("(", "").replace(")", "")))


#: A topic typed and sent without picking a suggestion (/faq) is taken as the suggestions'
#: clear first: one scoring this much, this far ahead of the next.
CLEAR_TOPIC_SCORE = 50.0
CLEAR_TOPIC_MARGIN = 20.0
#: An entry is named close to a topic that names none from this suggestion score: a
#: text's meaning alone gives every entry a fraction of a point ("xyzzy" 0.2, "pizza"
#: 0.5), which said "close" of entries it shares nothing with.
CLOSE_FLOOR = 1.0


@dataclass(frozen=True)
class KnowledgeBase:
    """Immutable: a reload builds a new one (parsed, validated, indexed, trained) and
    swaps it in whole, so a broken file never leaves a half-built one answering."""

    entries: dict[str, FaqEntry]
    matcher: Matcher
    source_dir: Path
    titles: dict[str, str] = field(default_factory=dict)
    #: A digest of what the entries and examples say (names the kept copy, last_good.py).
    content: str = ""
    #: The folder's files as they were when this was loaded (loader.folder_signature): a
    #: watcher that starts later can tell whether they changed meanwhile.
    files: FolderFiles = ()
    #: The example questions it was trained on (a reload says whether they changed).
    examples: tuple[Example, ...] = ()
    #: What `faq validate` notices in the folder as loaded (a reload says the new ones).
    notices: tuple[Problem, ...] = ()

    @classmethod
    def from_entries(
        cls,
        entries: list[FaqEntry],
        source_dir: Path,
        tuning: MatchTuning | None = None,
        examples: list[Example] | None = None,
    ) -> KnowledgeBase:
        by_id = {e.id: e for e in entries}
        pathless = [e.model_copy(update={"path": ""}) for e in entries]
        content = _content(pathless, examples or [])
        return cls(
            entries=by_id,
            matcher=_trained(pathless, tuning, examples or [], content),
            source_dir=source_dir,
            titles={e.id: e.title for e in entries},
            content=content,
            examples=tuple(examples or ()),
        )

    @classmethod
    def load(
        cls,
        faq_dir: Path | None = None,
        tuning: MatchTuning | None = None,
        *,
        keep_copy: bool = False,
    ) -> KnowledgeBase:
        """Load a folder (entries and example questions) completely, or raise
        ``FaqInvalid`` listing every problem. ``keep_copy``: a load to answer from (a start,
        a bot's reload) keeps what it loaded for load_or_last_good; a look at some folder
        (a moderator's preview, a test) leaves the kept copies alone."""
        folder = Path(faq_dir) if faq_dir is not None else DEFAULT_FAQ_DIR
        with _collector_aside():
            for tries_left in reversed(range(LOAD_TRIES)):
                files = folder_signature(folder)  # (before reading: an edit meanwhile shows)
                scan, examples = validate_folder(folder)
                # Files changed while they were read (a git pull, an editor writing in
                # place): the entries read before it and the examples after are a FAQ no one
                # wrote, served or refused for a clash that is not there. Read them again.
                if not tries_left or folder_signature(folder) == files:
                    break
            if scan.problems:
                raise FaqInvalid(scan.problems, unread_files(scan.notices))
            loaded = replace(
                cls.from_entries(scan.entries, folder, tuning, examples),
                files=files,
                notices=tuple(scan.notices),
            )
        if keep_copy:
            last_good.remember(folder, scan.entries, examples, loaded.content)
        return loaded

    @classmethod
    def load_or_last_good(
        cls, faq_dir: Path | None = None, tuning: MatchTuning | None = None
    ) -> tuple[KnowledgeBase, Fallback | None]:
        """For a process starting to answer: the folder as ``load`` reads it or, when a
        file is broken, the folder's last complete version (knowledge/last_good.py) and
        why; ``FaqInvalid`` only when there is none. A reload still keeps what it has."""
        folder = Path(faq_dir) if faq_dir is not None else DEFAULT_FAQ_DIR
        files = folder_signature(folder)  # (the broken files: a fix made later is a change)
        try:
            return cls.load(folder, tuning, keep_copy=True), None
        except FaqInvalid as exc:
            # A folder gone, mistyped or closed to the bot's user is no edit half done: say
            # so, serve nothing stale (it could never be reloaded).
            usable = folder_refusal(folder) is None and folder.is_dir()
            saved = last_good.recall(folder) if usable else None
            if saved is None:
                raise
            with _collector_aside():
                kept = cls.from_entries(saved.entries, folder, tuning, saved.examples)
            return replace(kept, files=files), Fallback(exc.problems, saved.saved)

    def get(self, entry_id: str) -> FaqEntry | None:
        return self.entries.get(entry_id)

    def typed_id(self, typed: str) -> str | None:
        """The id a person typed, in any case, with stray spaces, and with spaces, underscores
        or other dashes for its dashes ("three buckets", "notice‐2014‐54" from a word
        processor, "notice — 2014"), full-width letters or invisible characters pasted along
        (as questions are read); ids are lowercase with dashes."""
        if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in typed):
            return None  # (a NUL or an escape is typed by no one: a refusal, as ever)
        plain = "".join(" " if unicodedata.category(c) == "Pd" else c for c in clean(typed))
        entry_id = "-".join(plain.replace("_", " ").split())
        return entry_id if entry_id in self.entries else None

    def shown_id(self, typed: str) -> str | None:
        """typed_id, or the entry of a file typed ("faq show knowledge/faq/x.md", as a
        shell's Tab completes it): for the commands that only show an entry, on the
        moderator's own machine ('faq show', the console's /faq). Discord's /faq-admin
        topics take ids alone: a path there is refused, as nothing looser may pick the
        entry an edit is saved to."""
        name = re.split(r"[/\\]", typed.strip())[-1]
        if name.lower().endswith(".md"):
            return self.typed_id(name[: -len(".md")])
        return self.typed_id(typed)

    def other_file(self, typed: str, entry_id: str) -> bool:
        """True when ``typed`` (shown_id's file) is a file here other than the entry's own:
        the same name in another FAQ folder (a working copy, another release). Shown by its
        name, the entry of the folder read stood in for the file typed, its text not the
        file's."""
        own = self.entries[entry_id].path
        typed_path = Path(typed.strip()).expanduser()
        if not own or not typed_path.is_file():
            return False
        try:
            return not typed_path.samefile(own)
        except OSError:  # (the entry's own file gone since the load: nothing to compare)
            return False

    def topic(self, typed: str) -> str | None:
        """The entry a topic typed and sent without picking a suggestion names: its id
        however typed, else the entry the FAQ answers it with, else the clear first of the
        suggestions shown while typing ("415(c)", some words of a title); None if unclear."""
        if entry_id := self.typed_id(typed):
            return entry_id
        result = self.ask(typed)
        if result.answered and result.best is not None:
            return result.best.id
        hits = self.matcher.autocomplete(typed, limit=2)
        if not hits or hits[0].score < CLEAR_TOPIC_SCORE:
            return None
        if len(hits) > 1 and hits[0].score - hits[1].score < CLEAR_TOPIC_MARGIN:
            return None
        # The suggestions rank a title starting with two letters, or sharing one word,
        # first: shown, it must be named whole ("state tax" is no solo 401(k) entry).
        entry = self.entries[hits[0].id]
        said = _topic_words(" ".join([entry.id, entry.title, *entry.aliases, *entry.keywords]))
        words = _topic_words(typed)
        return hits[0].id if len(typed.strip()) >= 4 and words <= said else None

    def close_topics(self, typed: str, limit: int = 3) -> list[Hit]:
        """The entries a topic that names none is told are close, in Discord's /faq and the
        console alike: those the suggestions score at least CLOSE_FLOOR (a small FAQ scores
        every entry 0 for a word none of them holds, and listing them all said "close").
        None for punctuation alone: "?" was like every title, all of them questions."""
        if not any(c.isalnum() for c in typed):
            return []
        hits = self.matcher.autocomplete(typed, limit=limit)
        return [hit for hit in hits if hit.score >= CLOSE_FLOOR]

    def layout(self, entry_id: str) -> AnswerLayout:
        """The full answer (shown by /faq and on "Full answer")."""
        return layout_entry(self.entries[entry_id], self.titles)

    def short(self, entry_id: str) -> AnswerLayout:
        """The short answer posted first."""
        return short_layout(self.entries[entry_id])

    def ask(self, question: str) -> MatchResult:
        return self.matcher.match(question)
