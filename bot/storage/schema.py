"""The SQLite schema, as ordered migrations.

Each step runs in one transaction together with its ``schema_version`` row, so a database
is always at exactly one known version. Never edit a released step: append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "questions, served counts and votes",
        (
            """CREATE TABLE questions (
                id INTEGER PRIMARY KEY,
                text TEXT NOT NULL,
                channel_id INTEGER,
                best_id TEXT,
                best_score REAL NOT NULL,
                answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
                asked_at TEXT NOT NULL  -- ISO-8601 UTC, fixed width: sorts as text
            )""",
            """CREATE TABLE served (
                entry_id TEXT PRIMARY KEY,
                count INTEGER NOT NULL CHECK (count >= 0)
            )""",
            """CREATE TABLE votes (
                entry_id TEXT NOT NULL,
                message_id INTEGER NOT NULL,
                user_hash TEXT NOT NULL,
                helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
                voted_at TEXT NOT NULL,
                PRIMARY KEY (entry_id, message_id, user_hash)
            )""",
        ),
    ),
    Migration(
        2,
        "durable claims on forum posts; index for the time-window queries",
        (
            """CREATE TABLE claimed_posts (
                thread_id INTEGER PRIMARY KEY,
                claimed_at TEXT NOT NULL
            )""",
            "CREATE INDEX questions_by_time ON questions (answered, asked_at)",
            "CREATE INDEX claimed_posts_by_time ON claimed_posts (claimed_at)",
        ),
    ),
    Migration(
        3,
        "messages members pointed at an entry (taught examples, for review)",
        (
            """CREATE TABLE taught (
                message_id INTEGER NOT NULL,
                entry_id TEXT NOT NULL,
                text TEXT NOT NULL,
                by_hash TEXT NOT NULL,
                taught_at TEXT NOT NULL,
                PRIMARY KEY (message_id, entry_id)
            )""",
            "CREATE INDEX taught_by_time ON taught (taught_at)",
        ),
    ),
    Migration(
        4,
        "the review queue: what kind of miss a question was, and what moderators decided",
        (
            # '' for rows from before: unanswered or shaky, read from `answered`
            "ALTER TABLE questions ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
            # the queue reads the newest questions first
            "CREATE INDEX questions_newest ON questions (asked_at)",
            """CREATE TABLE reviewed (
                key TEXT PRIMARY KEY,  -- the question, normalised (reports.normalise)
                action TEXT NOT NULL,
                entry_id TEXT,
                answered_with TEXT,  -- the entry the bot had answered with, if it had
                by_hash TEXT NOT NULL,
                reviewed_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        5,
        "replies owed: claimed posts not yet answered, failed and held-back replies",
        (
            """CREATE TABLE pending_replies (
                kind TEXT NOT NULL CHECK (kind IN ('post', 'mention')),
                message_id INTEGER NOT NULL,
                channel_id INTEGER NOT NULL,
                question TEXT NOT NULL,
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                last_error TEXT NOT NULL,
                created_at TEXT NOT NULL,
                due_at TEXT NOT NULL,
                PRIMARY KEY (kind, message_id)
            )""",
            "CREATE INDEX pending_replies_due ON pending_replies (due_at)",
        ),
    ),
    Migration(
        6,
        "daily chores done by one process a day (the moderator log's digest)",
        (
            """CREATE TABLE chores (
                name TEXT NOT NULL,
                day TEXT NOT NULL,  -- ISO date, UTC
                done_at TEXT NOT NULL,
                PRIMARY KEY (name, day)
            )""",
        ),
    ),
    Migration(
        7,
        "votes one per member and entry (the latest of each member's votes on an entry)",
        (
            # Votes were one per answer message; now message 0 stands for any answer. The
            # latest vote of each member on each entry is kept there, the others go.
            """INSERT OR REPLACE INTO votes (entry_id, message_id, user_hash, helpful, voted_at)
            SELECT entry_id, 0, user_hash, helpful, voted_at FROM votes AS v
            WHERE message_id != 0 AND voted_at = (
                SELECT MAX(voted_at) FROM votes AS w
                WHERE w.entry_id = v.entry_id AND w.user_hash = v.user_hash
            )""",
            "DELETE FROM votes WHERE message_id != 0",
        ),
    ),
    Migration(
        8,
        "answers removed as not what was asked, per question message (not posted again)",
        (
            """CREATE TABLE rejected_answers (
                question_id INTEGER NOT NULL,  -- the message answered (a post's: its thread)
                entry_id TEXT NOT NULL,
                rejected_at TEXT NOT NULL,
                PRIMARY KEY (question_id, entry_id)
            )""",
            "CREATE INDEX rejected_answers_by_time ON rejected_answers (rejected_at)",
        ),
    ),
    Migration(
        9,
        "the bot's replies to each message (they go when the message is deleted)",
        (
            """CREATE TABLE bot_replies (
                reply_id INTEGER PRIMARY KEY,  -- the bot's message
                question_id INTEGER NOT NULL,  -- the message it answers (a post's: its thread)
                channel_id INTEGER NOT NULL,
                sent_at TEXT NOT NULL
            )""",
            "CREATE INDEX bot_replies_by_question ON bot_replies (question_id)",
            "CREATE INDEX bot_replies_by_time ON bot_replies (sent_at)",
        ),
    ),
    Migration(
        10,
        "the message each kept question came from (its text goes when that message does)",
        (
            # NULL for /ask (no message) and for questions kept before this version.
            "ALTER TABLE questions ADD COLUMN message_id INTEGER",
            "CREATE INDEX questions_by_message ON questions (message_id)",
        ),
    ),
    Migration(
        11,
        "who asked each kept question, and whose message each taught one is (as vote hashes)",
        (
            # NULL where not known: kept before this version, or a reply given up on.
            "ALTER TABLE questions ADD COLUMN asker_hash TEXT",
            "CREATE INDEX questions_by_asker ON questions (asker_hash)",
            "ALTER TABLE taught ADD COLUMN author_hash TEXT",
        ),
    ),
    Migration(
        12,
        "per-entry counts of misses and re-pointed answers, kept as votes are",
        (
            """CREATE TABLE feedback (
                entry_id TEXT PRIMARY KEY,
                misses INTEGER NOT NULL DEFAULT 0 CHECK (misses >= 0),
                repointed INTEGER NOT NULL DEFAULT 0 CHECK (repointed >= 0)
            )""",
            # Counted from what is kept now: the purged ones are gone already.
            """INSERT INTO feedback (entry_id, misses)
            SELECT best_id, COUNT(*) FROM questions
            WHERE kind = 'miss' AND best_id IS NOT NULL GROUP BY best_id""",
            """INSERT INTO feedback (entry_id, repointed)
            SELECT answered_with, COUNT(*) FROM reviewed
            WHERE action = 'example' AND answered_with IS NOT NULL
            AND answered_with != entry_id AND key NOT LIKE 'miss: %' GROUP BY answered_with
            ON CONFLICT (entry_id) DO UPDATE SET repointed = excluded.repointed""",
        ),
    ),
    Migration(
        13,
        "who asked each reply still owed (as a vote hash), so that forgetting them takes it",
        (
            # NULL for replies owed before this version: each is sent or given up within
            # retries.max_age_minutes, and one given up is kept as a question with no asker.
            "ALTER TABLE pending_replies ADD COLUMN asker_hash TEXT",
            "CREATE INDEX pending_replies_by_asker ON pending_replies (asker_hash)",
        ),
    ),
)

CURRENT_VERSION = MIGRATIONS[-1].version

VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""
