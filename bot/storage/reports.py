"""The moderator reports, as pure functions both stores share.

Gaps: near-duplicate unanswered questions grouped greedily with rapidfuzz, so a moderator
sees "12x how do I roll over after-tax money" instead of twelve spellings of it. Pure and
CPU-bound: callers on an event loop run it in a thread.
Review queue: the same grouping over every kind of miss, worst kind first.
Stats: per entry, times served and votes, worst first.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz, process, utils

from bot.storage.base import (
    MISS_KEY,
    REVIEW_KINDS,
    AskedQuestion,
    EntryStats,
    GapGroup,
    ReviewItem,
    ReviewQueue,
    as_utc,
)

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

#: token_set_ratio at or above this joins a group; 80 groups rephrasings, not topics.
GROUP_THRESHOLD = 80.0
#: token_set_ratio scores 100 when one text's words are a subset of the other's, so
#: "roth" would swallow every question mentioning Roth. Below this word-count ratio the
#: stricter plain ratio decides instead.
MIN_LENGTH_RATIO = 0.5
#: Blocking: a question is compared only with groups whose first question shares one of
#: its BLOCK_TOKENS rarest words, and for each word with the PER_BLOCK newest such groups.
BLOCK_TOKENS = 4
PER_BLOCK = 20


def normalise(text: str) -> str:
    """Casefold, punctuation to spaces, whitespace collapsed."""
    return " ".join(utils.default_process(text).split())


def review_key(question: AskedQuestion) -> str:
    """What a review decision is recorded under: the question's words, and for a miss
    (the bot answered, the asker said it missed) the kind too."""
    key = normalise(question.text)
    return MISS_KEY + key if question.review_kind == "miss" else key


#: Per entry, its answers a moderator pointed at another entry in review ("re-pointed"),
#: each counting as a not-helpful vote in the rating. Not a "Not what I asked" so decided:
#: that miss counts against the entry already (its own column, and the member's
#: not-helpful vote), and counted again here it weighed twice in the rating. (A miss's
#: key starts with MISS_KEY; a normalised question has no colon.) Read from the decisions
#: kept only in a database an older bot still writes: this one counts them (COUNT_REPOINTED).
REPOINTED_SQL = (
    "SELECT answered_with, COUNT(*) FROM reviewed WHERE action = 'example'"
    " AND answered_with IS NOT NULL AND answered_with != entry_id"
    f" AND key NOT LIKE '{MISS_KEY}%' GROUP BY answered_with"
)


#: (review_key reads a question's words and kind, not when it was asked.)
_ANY_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def unused_decisions(
    decided: Iterable[str], questions: Iterable[tuple[str, str]], taught: Iterable[str]
) -> list[str]:
    """The decisions (keys) that no stored question ((text, kind) rows) nor taught message
    (texts) has: what the retention purge may delete. A decision deleted while a newer
    question with its words is kept puts that question back in the queue and the gaps,
    undecided. CPU work: callers on an event loop run it in a thread."""
    kept = {
        review_key(AskedQuestion(text, None, None, 0.0, False, _ANY_TIME, kind))
        for text, kind in questions
    }
    kept.update(normalise(text) for text in taught)
    return [key for key in decided if key not in kept]


def similar(a: str, b: str) -> float:
    """Similarity of two normalised texts, 0-100."""
    words_a, words_b = len(a.split()), len(b.split())
    if min(words_a, words_b) < MIN_LENGTH_RATIO * max(words_a, words_b):
        return fuzz.ratio(a, b)
    return fuzz.token_set_ratio(a, b)


@dataclass
class _Cluster:
    key: str
    members: list[AskedQuestion] = field(default_factory=list)

    def summary(self) -> GapGroup:
        latest = max(self.members, key=lambda q: as_utc(q.when))
        ids = Counter(q.best_id for q in self.members if q.best_id)
        if ids:
            # The entry most of the group came closest to, with its best score.
            best_id = max(
                ids,
                key=lambda i: (ids[i], max(q.best_score for q in self.members if q.best_id == i)),
            )
            best_score = max(q.best_score for q in self.members if q.best_id == best_id)
        else:
            best_id, best_score = None, max(q.best_score for q in self.members)
        return GapGroup(
            count=len(self.members),
            example=latest.text,
            best_id=best_id,
            best_score=best_score,
            last_seen=as_utc(latest.when),
        )


def _block_tokens(tokens: set[str], frequency: Counter[str]) -> list[str]:
    """A text's rarest few words: two rephrasings of one question share most of them."""
    if not tokens:
        return [""]
    return sorted(tokens, key=lambda t: (frequency[t], t))[:BLOCK_TOKENS]


def cluster(
    questions: Iterable[AskedQuestion], threshold: float = GROUP_THRESHOLD
) -> list[_Cluster]:
    """Near-duplicate questions grouped, in order of each group's first question.

    Greedy: questions are taken oldest first; each joins the most similar existing group
    whose first question scores at least ``threshold``, else starts a group. Only groups
    sharing one of the question's rarest words are compared (the newest few of each), so
    the work grows with the number of questions, not with its square.
    """
    ordered = sorted(questions, key=lambda q: as_utc(q.when))
    keys = [normalise(q.text) for q in ordered]
    token_sets = [set(key.split()) for key in keys]
    frequency: Counter[str] = Counter(t for tokens in token_sets for t in tokens)
    clusters: list[_Cluster] = []
    blocks: dict[str, list[int]] = defaultdict(list)  # word -> groups whose key has it
    wordless: _Cluster | None = None
    for question, key, tokens in zip(ordered, keys, token_sets, strict=True):
        if not key:
            # No word at all ("???", "...", an emoji): alike, however written, though
            # rapidfuzz scores two empty texts 0, which made each a group of its own.
            if wordless is None:
                wordless = _Cluster(key)
                clusters.append(wordless)
            wordless.members.append(question)
            continue
        rare = _block_tokens(tokens, frequency)
        candidates = sorted({i for t in rare for i in blocks[t][-PER_BLOCK:]})
        # rapidfuzz scores the candidates in C; the word-count guard then checks the few left
        passed = process.extract(
            key,
            [clusters[i].key for i in candidates],
            scorer=fuzz.token_set_ratio,
            score_cutoff=threshold,
            limit=None,
        )
        best: tuple[float, int] | None = None
        for _, _, j in passed:
            score, i = similar(key, clusters[candidates[j]].key), candidates[j]
            if score >= threshold and (best is None or (score, i) > best):
                best = (score, i)
        if best is not None:
            clusters[best[1]].members.append(question)
            continue
        clusters.append(_Cluster(key, [question]))
        for t in tokens or {""}:
            blocks[t].append(len(clusters) - 1)
    return clusters


def gaps_of_rows(
    rows: Iterable[Sequence[Any]],
    reviewed: Collection[str],
    when: Callable[[Any], dt.datetime],
    limit: int,
) -> list[GapGroup]:
    """``group_gaps`` over stored rows (text, channel id, best id, best score, asked at)
    not yet reviewed: building and normalising a large store's rows is CPU work too, so a
    store runs this whole in a thread."""
    questions = [
        AskedQuestion(text, channel_id, best_id, best_score, False, when(asked_at))
        for text, channel_id, best_id, best_score, asked_at in rows
        if normalise(text) not in reviewed
    ]
    return group_gaps(questions, limit)


def group_gaps(
    questions: Iterable[AskedQuestion], limit: int = 10, threshold: float = GROUP_THRESHOLD
) -> list[GapGroup]:
    """Group unanswered questions (answered ones and review-only kinds are skipped), most
    frequent first (see ``cluster``); wordless ones are left out."""
    # (A question with no word in it, "???" or "...", is no gap an entry could fill.)
    unanswered = (q for q in questions if q.review_kind == "unanswered" and normalise(q.text))
    groups = [c.summary() for c in cluster(unanswered, threshold)]
    groups.sort(key=lambda g: (-g.count, -g.last_seen.timestamp(), g.example))
    return groups[: max(limit, 0)]


def last_days(days: int) -> str:
    """The window of a report limited to ``days``, as moderators read it ("last 1 days"
    read as a slip)."""
    return "last day" if days == 1 else f"last {days} days"


def gaps_window(days: int | None, kept_days: int) -> str:
    """Which questions the gaps' counts cover: ``days`` asked for (None: all), of those kept
    ``kept_days`` (database.retention_days). Untitled, "12×" read as for all time, and
    "last 365 days" counted 90 of them: older ones are deleted."""
    if days is None or days >= kept_days:
        return f"{last_days(kept_days)}, all that are kept"
    return last_days(days)


#: The review queue groups this many questions not yet reviewed: grouping is the costly
#: part. They are taken worst kind first (REVIEW_KINDS), newest first within a kind, as the
#: queue shows them: a flood of unanswered questions (a few days' worth on a busy server)
#: never hides an older "Not what I asked". Older ones come up as the first ones are
#: decided (or go when the retention purges them).
REVIEW_WINDOW = 3000

#: Reads ``limit`` stored questions of one kind from ``offset``, newest first.
FetchPage = Callable[[int, int], Awaitable[list[AskedQuestion]]]


async def worst_first_window(
    pages: Sequence[FetchPage], reviewed: Collection[str]
) -> list[AskedQuestion]:
    """Stored questions read a kind at a time (``pages``: a reader per kind, worst first),
    newest first, in pages, until more than REVIEW_WINDOW of them are not yet reviewed: a
    large database is never read whole, and a kind is read only while the window has room.
    (One more than the window, when there is one, tells build_queue that more wait.)"""
    questions: list[AskedQuestion] = []
    fresh = 0
    for fetch_page in pages:
        offset, page = 0, 2 * REVIEW_WINDOW
        while fresh <= REVIEW_WINDOW:
            rows = await fetch_page(page, offset)
            questions += rows
            fresh += sum(review_key(q) not in reviewed for q in rows)
            offset += page
            if not rows:  # (not a short page: a store leaves out rows it cannot read)
                break
    return questions


def build_queue(
    questions: Iterable[AskedQuestion],
    reviewed: Collection[str] = frozenset(),
    limit: int | None = None,
    window: int = REVIEW_WINDOW,
) -> ReviewQueue:
    """The review queue: the first ``window`` questions not yet reviewed (worst kind
    first, newest first within a kind), grouped by kind and near-duplicates, worst kind
    first, then most asked, then most recent; ``more`` when other questions not yet
    reviewed were left out of the window (its counts said all there was: "150 items"
    where thousands of questions more waited). Pure and CPU-bound."""
    rank = {kind: n for n, kind in enumerate(REVIEW_KINDS)}
    newest = sorted(questions, key=lambda q: as_utc(q.when), reverse=True)
    newest.sort(key=lambda q: rank.get(q.review_kind, len(rank)))  # (stable: newest first)
    by_kind: dict[str, list[AskedQuestion]] = defaultdict(list)
    taken, more = 0, False
    for q in newest:
        if review_key(q) in reviewed:
            continue
        if taken >= window:
            more = True
            break
        by_kind[q.review_kind].append(q)
        taken += 1
    items = []
    for kind, members in by_kind.items():
        for group in cluster(members):
            summary = group.summary()
            keys = tuple(dict.fromkeys(review_key(q) for q in group.members))
            items.append(
                ReviewItem(
                    kind=kind,
                    example=summary.example,
                    count=summary.count,
                    entry_id=summary.best_id,
                    score=summary.best_score,
                    last_seen=summary.last_seen,
                    keys=keys,
                )
            )
    items.sort(
        key=lambda i: (rank.get(i.kind, len(rank)), -i.count, -i.last_seen.timestamp(), i.example)
    )
    return ReviewQueue(items if limit is None else items[: max(limit, 0)], more=more)


#: Every group the store has: it groups them all whatever the limit, so asking for all
#: costs no more grouping (the reports cut to their limit after still_open).
EVERY_GROUP = sys.maxsize

Asked = TypeVar("Asked", ReviewItem, GapGroup)


def still_open(
    knowledge: KnowledgeBase, items: Iterable[Asked], most: int | None = None
) -> list[Asked]:
    """The first ``most`` items (None: all) worth a moderator's time: an unanswered
    question that ``knowledge`` now answers (someone added an alias or an entry since) is
    left out, and so is one decided in the examples files since (filed there by hand, as
    `faq review` says to; see decided_in_files). The FAQ is asked down the list only until
    ``most`` are found. CPU work: on an event loop, run it in a thread. Discord's reports
    and the command line's share it, so both leave out the same questions."""
    filed = filed_questions(knowledge)
    kept = (
        item
        for item in items
        if not decided_in_files(item, filed)
        and (
            (isinstance(item, ReviewItem) and item.kind != "unanswered")
            or not knowledge.ask(item.example).answered
        )
    )
    return list(islice(kept, most))


#: Where a question is filed: the entries its example names (None: an off-topic example).
Filed = Mapping[str, frozenset[str | None]]


def filed_questions(knowledge: KnowledgeBase) -> Filed:
    """Every example question of ``knowledge`` by the key the matcher reads one asked word
    for word with (case, spacing, quote marks and end punctuation aside)."""
    from knowledge.examples import same_question_key

    filed: dict[str, frozenset[str | None]] = {}
    for example in knowledge.examples:
        key = same_question_key(example.text)
        filed[key] = filed.get(key, frozenset()) | frozenset(example.ids or (None,))
    return filed


def decided_in_files(item: ReviewItem | GapGroup, filed: Filed) -> bool:
    """Has a moderator decided this item in the examples files, by filing its question
    there word for word? Such an item stayed queued (and in the gaps, and the digest's
    count) until decided again in Discord. Not when the example may be what the item is
    about: a member rejected ("Not what I asked") the entry an example names, or pointed
    a question at another entry than its example's; an example written before either."""
    from knowledge.examples import question_key

    named = filed.get(question_key(item.example))
    if not named:
        return False
    kind = item.kind if isinstance(item, ReviewItem) else "unanswered"
    if kind == "miss":
        return item.entry_id not in named
    if kind == "taught":
        return item.entry_id in named
    return True  # (unanswered, or unsure: a question filed anywhere is answered as filed)


#: The rating's prior: as if every entry had this many extra votes, half of them helpful.
PRIOR_VOTES = 4.0


def rating(helpful: int, not_helpful: int, repointed: int = 0) -> float:
    """How helpful an entry looks, 0-1: the helpful share of its votes (a re-pointed answer
    counts as a not-helpful vote) shrunk towards one half by PRIOR_VOTES, so an entry with
    one bad vote (0.4) ranks above one with 40 of 50 bad (0.22)."""
    down = not_helpful + repointed
    return (helpful + PRIOR_VOTES / 2) / (helpful + down + PRIOR_VOTES)


def build_stats(
    served: Mapping[str, int],
    votes: Mapping[str, tuple[int, int]],
    misses: Mapping[str, int] | None = None,
    repointed: Mapping[str, int] | None = None,
) -> list[EntryStats]:
    """``votes`` maps entry id to (helpful, not helpful). Worst first by ``rating`` (ties:
    most served), so what most needs a moderator's look is on the first page."""
    misses, repointed = misses or {}, repointed or {}
    rows = []
    for entry_id in set(served) | set(votes) | set(misses) | set(repointed):
        helpful, not_helpful = votes.get(entry_id, (0, 0))
        total = helpful + not_helpful
        moved = repointed.get(entry_id, 0)
        rows.append(
            EntryStats(
                entry_id=entry_id,
                served=served.get(entry_id, 0),
                helpful=helpful,
                not_helpful=not_helpful,
                helpful_ratio=helpful / total if total else None,
                misses=misses.get(entry_id, 0),
                repointed=moved,
                rating=rating(helpful, not_helpful, moved),
            )
        )
    rows.sort(key=_worst_first)
    return rows


def _worst_first(row: EntryStats) -> tuple[float, int, int, str]:
    return (row.rating, -row.served, -row.not_helpful, row.entry_id)


def with_unserved(rows: list[EntryStats], entry_ids: Iterable[str]) -> list[EntryStats]:
    """``rows`` plus a row of zeros for each entry never served or voted on, worst first:
    every entry shows, so one nobody is ever given can be found too."""
    seen = {r.entry_id for r in rows}
    unserved = [
        EntryStats(
            entry_id=i, served=0, helpful=0, not_helpful=0, helpful_ratio=None, rating=rating(0, 0)
        )
        for i in entry_ids
        if i not in seen
    ]
    return sorted([*rows, *unserved], key=_worst_first)
