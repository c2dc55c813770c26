"""`rollover-bot faq`: validate, list and show the FAQ files; gaps and stats from the
database."""

from __future__ import annotations

import argparse
import asyncio
import re
import shlex
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.cli.common import (
    add_faq_dir,
    faq_dir,
    faq_dir_named,
    faq_problems,
    fitted,
    json_text,
    knowledge_base,
    require_folder,
    serving_knowledge,
    settings,
    validate_command,
)
from bot.cli.errors import CliError, CliFailure, warning_line
from calculators.parse import shown

if TYPE_CHECKING:  # loaded by the handlers that use them: a fast start for the rest
    from bot.storage import EntryStats, GapGroup, Store
    from bot.storage.reports import Asked
    from knowledge.base import KnowledgeBase

T = TypeVar("T")
EXAMPLE_WIDTH = 72


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "faq", help="the FAQ files (validate, list, show) and usage reports (gaps, review, stats)"
    )
    faq_sub = parser.add_subparsers(dest="faq_command", metavar="ACTION", required=True)

    validate = faq_sub.add_parser("validate", help="check every FAQ file; exit 1 on problems")
    add_faq_dir(validate)
    validate.set_defaults(handler=handle_validate)

    listing = faq_sub.add_parser("list", help="id and title of every entry")
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    add_faq_dir(listing)
    listing.set_defaults(handler=handle_list)

    show = faq_sub.add_parser("show", help="one entry as members see it")
    show.add_argument("entry_id", metavar="ID", help="the entry's id (see 'faq list')")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.add_argument(
        "--short",
        action="store_true",
        help="the short answer a Discord reply shows first (its 'Full answer' button shows "
        "the rest), to check how it reads on a phone",
    )
    add_faq_dir(show)
    show.set_defaults(handler=handle_show)

    gaps = faq_sub.add_parser(
        "gaps", help="most frequent questions the bot could not answer, near-duplicates grouped"
    )
    gaps.add_argument("--days", type=positive_int, metavar="N", help="only the last N days")
    gaps.add_argument(
        "--limit", type=positive_int, default=10, metavar="N", help="at most N groups (10)"
    )
    gaps.add_argument("--json", action="store_true", help="print a JSON object")
    add_db(gaps)
    add_faq_dir(gaps)  # (what it answers now is left out, as in Discord)
    gaps.set_defaults(handler=handle_gaps)

    review = faq_sub.add_parser(
        "review",
        help="what needs a moderator: misses, unsure answers, unanswered and taught questions",
    )
    review.add_argument(
        "--limit", type=positive_int, default=50, metavar="N", help="at most N items (50)"
    )
    review.add_argument("--json", action="store_true", help="print a JSON object")
    add_db(review)
    add_faq_dir(review)  # (what it answers now is left out, as in Discord)
    review.set_defaults(handler=handle_review)

    stats = faq_sub.add_parser("stats", help="per entry: times served and votes, worst first")
    stats.add_argument("--json", action="store_true", help="print a JSON object")
    add_db(stats)
    add_faq_dir(stats)  # for the titles
    stats.set_defaults(handler=handle_stats)


#: More digits than any count needs (20 already mean "all"), and fewer than int() reads.
MAX_DIGITS = 4000


def positive_int(text: str) -> int:
    """``--days``, ``--limit``: digits 0-9, as --guild and the calculators take them (int()
    also took other scripts' digits and Python's '1_000'); a sign and spaces around are
    read as the calculators read them."""
    body = text.strip()
    negative = body[:1] in ("-", "\u2212")  # (said as below 1, not as no number)
    digits = body[1:] if negative or body[:1] == "+" else body
    if not (digits.isascii() and digits.isdigit()):
        raise argparse.ArgumentTypeError(
            f"expected a whole number in digits 0-9, got {shown(text)}"
        )
    if len(digits) > MAX_DIGITS:  # (a whole number all the same: said as one)
        raise argparse.ArgumentTypeError(
            f"expected at most {MAX_DIGITS:,} digits (20 already mean all), got {shown(text)}"
        )
    value = -int(digits) if negative else int(digits)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=database_option,
        metavar="PATH|URL",
        help="a SQLite database file, or a postgresql:// URL "
        "(default: database.url if set, else database.path)",
    )


def database_option(text: str) -> Path | str:
    """``--db``: a SQLite file, or a PostgreSQL URL read as ``database.url`` is (read-only,
    shown without its password); read as a file path, a URL was 'no database at' itself,
    password and all."""
    from bot.settings import POSTGRES_URL

    if not text.strip():  # (a variable left unset: read as a path, it was "." or "  ")
        raise argparse.ArgumentTypeError(
            "an empty name is not a database; give the SQLite file, e.g. --db "
            "data/rollover-bot.db, or a postgresql:// URL"
        )
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text) and not re.match(POSTGRES_URL, text):
        # Another URL ('postgresql+asyncpg://', SQLAlchemy's spelling; 'sqlite:///...'),
        # read as a file path, was "no data yet" (exit 0), its password printed.
        from bot.storage.postgres import url_shown

        raise argparse.ArgumentTypeError(
            f"{shown(url_shown(text), 60)} is neither a SQLite file nor a PostgreSQL URL; "
            "give the file (e.g. --db data/rollover-bot.db) or a URL starting postgresql://"
        )
    from bot.settings import from_home

    # A file '~/...' is in the home folder, as database.path reads it (see _folder).
    return text if re.match(POSTGRES_URL, text) else from_home(Path(text))


def handle_validate(args: argparse.Namespace) -> int:
    from bot.not_utf8 import readable_lines
    from knowledge.base import validate_folder

    folder = faq_dir(args, settings())
    scan, examples = validate_folder(folder)
    lines = [f"{n.path}:{n.line}: notice: {n.message}" for n in scan.notices]
    lines += [str(problem) for problem in scan.problems]
    if not scan.problems:
        entries = "FAQ entry" if len(scan.entries) == 1 else "FAQ entries"
        questions = "example question" if len(examples) == 1 else "example questions"
        counted = f"{len(scan.entries)} {entries} and {len(examples)} {questions}"
        lines.append(f"ok: {counted} in {folder} are valid")
    for line in readable_lines(lines):
        print(line)
    return 1 if scan.problems else 0


def handle_show(args: argparse.Namespace) -> int:
    if not args.entry_id.strip():  # (said before the FAQ loads; no "close" ids for nothing)
        raise CliError("give the id of an entry, e.g. 'faq show notice-2014-54'; see 'faq list'")
    kb = knowledge_base(args)
    entry_id = kb.shown_id(args.entry_id)
    entry = kb.get(entry_id) if entry_id else None
    if entry is None:
        close = ", ".join(h.id for h in kb.close_topics(args.entry_id))  # (as Discord's)
        hint = f" (close: {close})" if close else ""
        raise CliError(f"no FAQ entry '{one_line(args.entry_id, 60)}'{hint}; see 'faq list'")
    if kb.other_file(args.entry_id, entry.id):
        typed = Path(args.entry_id.strip()).expanduser()
        raise CliError(
            # (a file that exists: its path whole, to compare with the folder's)
            f"{one_line(args.entry_id, 1000)} is not in the FAQ folder read, "
            f"{faq_dir(args, settings())}: to show that file's entry, add "
            f"--faq-dir {shlex.quote(str(typed.parent))}"
        )
    if args.json:
        data = {
            "id": entry.id,
            "title": entry.title,
            "short": entry.short,
            "full": entry.full,
            "sources": [{"title": s.title, "url": str(s.url)} for s in entry.sources],
            "related": list(entry.related),
            "updated": entry.updated.isoformat(),
        }
        print(json_text(data))
    else:
        from bot.terminal import render_layout

        layout = kb.short(entry.id) if args.short else kb.layout(entry.id)
        print(fitted(lambda width: render_layout(layout, width)))
    return 0


def handle_list(args: argparse.Namespace) -> int:
    from knowledge.loader import scan_folder

    # Ids and titles need the files read and checked, not the matcher trained.
    cfg = settings()
    folder = faq_dir(args, cfg)
    require_folder(folder, faq_dir_named(args, cfg))
    scan = scan_folder(folder)
    if scan.problems:
        raise CliError(faq_problems(folder, scan.problems))
    rows = [{"id": e.id, "title": e.title} for e in scan.entries]
    if args.json:
        print(json_text({"entries": rows}))
    else:
        width = max((len(r["id"]) for r in rows), default=0)
        for row in rows:
            print(f"{row['id']:<{width}}  {row['title']}")
    return 0


# -- reports from the database ------------------------------------------------------------
def database_target(args: argparse.Namespace) -> Path | str:
    """The SQLite file (``--db``, or ``database.path``), or the PostgreSQL URL the bot is
    configured with (``database.url``): the reports read what the bot writes."""
    # With --db, broken settings do not stop a moderator from reading the reports.
    if args.db is not None:
        return args.db
    database = settings().database
    return database.url or database.path


def label(target: Path | str) -> str:
    """How a database is named in output: a path, or a URL without its password."""
    if isinstance(target, Path):
        return str(target)
    from bot.storage.postgres import url_shown

    return url_shown(target)


def named(target: Path | str) -> str:
    """A database as the text output names it: a file whole, since a relative one (the
    default, data/rollover-bot.db) is in the folder the command runs in, which may not be
    the bot's; the JSON's "database" stays as label() gives it."""
    return str(target.absolute()) if isinstance(target, Path) else label(target)


def missing(target: Path | str) -> bool:
    return isinstance(target, Path) and not target.exists()


def read_report(target: Path | str, report: Callable[[Store], Awaitable[T]]) -> T:
    """Run one report. The database is opened read-only: a SQLite file is never created,
    migrated or moved aside from here, so it is safe while the bot runs, and a PostgreSQL
    schema is never created or upgraded (a role that may only read can run reports)."""
    from bot.storage import (
        CorruptDatabase,
        DatabaseUnavailable,
        PostgresStore,
        SqliteStore,
        StorageError,
    )

    async def run() -> T:
        store: SqliteStore | PostgresStore = (
            SqliteStore(target, read_only=True)
            if isinstance(target, Path)
            else PostgresStore(target, read_only=True)
        )
        async with store:
            return await report(store)

    try:
        return asyncio.run(run())
    except CorruptDatabase as exc:
        raise CliError(
            f"the database {label(target)} is damaged ({exc}); the bot moves it aside and starts a "
            "fresh one when it next starts"
        ) from None
    except DatabaseUnavailable as exc:  # (the server down or out of reach: not the input)
        raise CliFailure(f"cannot read the database {label(target)}: {exc}") from None
    except StorageError as exc:  # (a malformed URL, a file that is no database: the input)
        raise CliError(f"cannot read the database {label(target)}: {exc}") from None
    except (sqlite3.Error, OSError) as exc:  # (opened, then failed while read: locked, I/O)
        raise CliFailure(f"cannot read the database {label(target)}: {exc}") from None
    except Exception as exc:
        # PostgreSQL, opened, then failing a report's query: a role that may read some of
        # the tables only (a grant to fix, as one that may read none is), or the server
        # gone meanwhile. (asyncpg is imported only here, when it has failed.)
        import asyncpg

        if not isinstance(exc, asyncpg.PostgresError | asyncpg.InterfaceError):
            raise
        from bot.storage.postgres import without_password

        said = (
            f"cannot read the database {label(target)}: {without_password(str(exc), str(target))}"
        )
        if isinstance(exc, asyncpg.InsufficientPrivilegeError):
            raise CliError(said) from None
        raise CliFailure(said) from None


def no_data(args: argparse.Namespace, path: Path | str, key: str, **extra: object) -> int:
    if args.json:
        print(json_text({"database": label(path), "found": False, **extra, key: []}))
    else:
        # (a relative database.path, the default: this folder may not be the bot's)
        elsewhere = (
            "; database.path is read from the folder a command runs in: run this from the "
            "bot's folder, or give --db"
            if args.db is None and isinstance(path, Path) and not path.is_absolute()
            else ""
        )
        print(
            f"no data yet: there is no database at {named(path)} (the bot creates it when it "
            f"starts{elsewhere})"
        )
    return 0


def one_line(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, with control and format
    characters escaped: stored questions come from Discord, and an escape sequence or a
    right-to-left override in one must not reach a moderator's terminal as itself."""
    shown = [_visible(ch) for ch in " ".join(text.split())]
    if sum(map(len, shown)) <= width:
        return "".join(shown)
    kept, used = [], 0
    for part in shown:  # whole characters only: never half an escape
        if used + len(part) > width - 1:
            break
        kept.append(part)
        used += len(part)
    return "".join(kept) + "…"


def _visible(ch: str) -> str:
    """``ch``, or its escape when it is a control or format character (and a backslash
    doubled, so a typed "\\x1b" cannot pass for an escaped one)."""
    if ch == "\\":
        return "\\\\"
    return ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")


def gap_json(group: GapGroup) -> dict[str, object]:
    return {
        "count": group.count,
        "example": group.example,
        "best_id": group.best_id,
        "best_score": round(group.best_score, 1),
        "last_seen": group.last_seen.isoformat(),
    }


def report_knowledge(args: argparse.Namespace) -> KnowledgeBase | None:
    """The FAQ as the bot answers from it (while a file is broken, its last complete
    version: a `warning:` line says so), to ask what it answers now; None, said in a
    `warning:` line, when there is none to load: the report then lists every question."""
    try:
        knowledge, _ = serving_knowledge(args)
    except (CliError, OSError) as exc:
        print(
            warning_line(f"{exc}; listing every stored question, also any the FAQ answers now"),
            file=sys.stderr,
        )
        return None
    return knowledge


def left_open(args: argparse.Namespace, items: list[Asked]) -> tuple[list[Asked], bool]:
    """The first --limit of ``items`` the FAQ does not answer now, as Discord's gaps and
    review show them (a question fixed with an alias since is no gap): left out first,
    then cut, so the fixed ones never take the places of those still waiting. And whether
    more than those are still open: the table shows a page's worth, and said nothing of
    the rest (Discord's review counts "1 of 70" where the table listed 50 and stopped)."""
    from bot.storage.reports import still_open

    knowledge = report_knowledge(args) if items else None
    # (A larger --limit, "all", is more than islice takes; one more tells of the rest.)
    most = min(args.limit, sys.maxsize - 1)
    kept = items[: most + 1] if knowledge is None else still_open(knowledge, items, most + 1)
    return kept[:most], len(kept) > most


def more_line(shown: int, what: str) -> str:
    """Said under a table that --limit cut: more are open than it shows."""
    these = "this one" if shown == 1 else f"these {shown}"  # (--limit 1: not "these 1")
    return f"More {what} wait than {these}: '--limit N' lists N."


def handle_gaps(args: argparse.Namespace) -> int:
    from bot.storage.reports import EVERY_GROUP, gaps_window

    path = database_target(args)
    if args.faq_dir is not None:  # (a typo, said with no database too)
        require_folder(args.faq_dir)
    if missing(path):
        return no_data(args, path, "groups", days=args.days)
    kept = settings().database.retention_days
    # Counted over the window the title names: questions past the retention that the daily
    # purge has not removed yet (the bot stopped) were listed under "last 90 days".
    days = kept if args.days is None else min(args.days, kept)
    groups, more = left_open(args, read_report(path, lambda store: store.gaps(days, EVERY_GROUP)))
    if args.json:
        rows = [gap_json(g) for g in groups]
        print(
            json_text({"database": label(path), "found": True, "days": args.days, "groups": rows})
        )
        return 0
    window = f" in the {gaps_window(args.days, kept)}"
    if not groups:
        print(f"No unanswered questions recorded{window} ({named(path)}).")
        return 0
    closest = [f"{g.best_id} ({g.best_score:.0f})" if g.best_id else "-" for g in groups]
    width = max(len("CLOSEST ENTRY"), *(len(c) for c in closest))
    print(f"Most frequent unanswered questions{window} ({named(path)}):")
    print(f"{'COUNT':>5}  {'LAST SEEN (UTC)':<16}  {'CLOSEST ENTRY':<{width}}  EXAMPLE")
    for group, near in zip(groups, closest, strict=True):
        seen = group.last_seen.strftime("%Y-%m-%d %H:%M")
        example = one_line(group.example, EXAMPLE_WIDTH)
        print(f"{group.count:>5}  {seen:<16}  {near:<{width}}  {example}")
    if more:
        print(more_line(len(groups), "groups"))
    print("Add a phrasing with '/faq-admin alias', or write a new entry.")
    return 0


#: What each kind of review item means, for the table.
KIND_TEXT = {
    "miss": "asker: not what I asked",
    "shaky": "answered, unsure",
    "unanswered": "not answered",
    "taught": "pointed by a member",
}


def window_line() -> str:
    """Under the review table when more questions wait than the queue groups at a time:
    its items and counts are those of the first REVIEW_WINDOW only."""
    from bot.storage.reports import REVIEW_WINDOW

    return (
        f"More questions wait than these items group: the first {REVIEW_WINDOW:,} not yet "
        "reviewed are grouped at a time, and the rest come up as these are decided."
    )


def handle_review(args: argparse.Namespace) -> int:
    path = database_target(args)
    if args.faq_dir is not None:  # (a typo, said with no database too)
        require_folder(args.faq_dir)
    if missing(path):
        return no_data(args, path, "items")
    queue = read_report(path, lambda store: store.review_queue())
    items, more = left_open(args, queue)
    if args.json:
        rows = [
            {
                "kind": i.kind,
                "example": i.example,
                "count": i.count,
                "entry_id": i.entry_id,
                "score": round(i.score, 1),
                "last_seen": i.last_seen.isoformat(),
            }
            for i in items
        ]
        print(json_text({"database": label(path), "found": True, "items": rows}))
        return 0
    if not items:
        print(f"Nothing to review ({named(path)}).")
        return 0
    entries = [i.entry_id or "-" for i in items]
    width = max(len("ENTRY"), *(len(e) for e in entries))
    print(f"Review queue, worst first ({named(path)}):")
    print(f"{'WHAT':<24}  {'COUNT':>5}  {'ENTRY':<{width}}  QUESTION")
    for item, entry in zip(items, entries, strict=True):
        what = KIND_TEXT.get(item.kind, item.kind)
        question = one_line(item.example, EXAMPLE_WIDTH)
        print(f"{what:<24}  {item.count:>5}  {entry:<{width}}  {question}")
    if more:
        print(more_line(len(items), "items"))
    if queue.more:
        print(window_line())
    from knowledge.examples import OFF_TOPIC, examples_dir

    # (The folder read, not the shipped one's name: a moderator's --faq-dir was told to
    # edit knowledge/faq/examples.)
    examples = examples_dir(faq_dir(args, settings()))
    print(
        "Decide in Discord with '/faq-admin review', or add the question to "
        f"{examples}/<entry>.yaml (or {OFF_TOPIC}.yaml)."
    )
    return 0


def ratio_text(row: EntryStats) -> str | None:
    # cli.md: ratios are strings in JSON.
    return None if row.helpful_ratio is None else f"{row.helpful_ratio:.3f}"


def entry_titles(args: argparse.Namespace) -> dict[str, str]:
    """Entry titles from the FAQ files (parsed, not trained); {} if the folder cannot be
    read, so a broken FAQ never hides the report. A --faq-dir that is no folder at all is a
    typo to report, not a FAQ whose every entry was deleted."""
    from knowledge.loader import problems_counted, scan_folder

    if args.faq_dir is not None:
        require_folder(Path(args.faq_dir))
    try:
        folder = faq_dir(args, settings())
        scan = scan_folder(folder)
    except (CliError, OSError):
        return {}
    if scan.problems:  # (else a broken entry's row reads as an entry taken out of the FAQ)
        said = (
            f"the FAQ in {folder} has {problems_counted(len(scan.problems))}; an entry whose "
            f"file is broken is listed by its id, without a title (run "
            f"'{validate_command(folder)}')"
        )
        print(warning_line(said), file=sys.stderr)
    return {e.id: e.title for e in scan.entries}


def handle_stats(args: argparse.Namespace) -> int:
    path = database_target(args)
    titles = entry_titles(args)  # (first: a mistyped --faq-dir is an error with no database too)
    if missing(path):
        return no_data(args, path, "entries")
    from bot.storage.reports import with_unserved

    rows = with_unserved(read_report(path, lambda store: store.stats()), titles)
    if args.json:
        entries = [
            {
                "entry_id": r.entry_id,
                "title": titles.get(r.entry_id),
                "served": r.served,
                "helpful": r.helpful,
                "not_helpful": r.not_helpful,
                "helpful_ratio": ratio_text(r),
                "not_what_i_asked": r.misses,
                "repointed": r.repointed,
                "rating": f"{r.rating:.3f}",
            }
            for r in rows
        ]
        print(json_text({"database": label(path), "found": True, "entries": entries}))
        return 0
    if not rows:
        print(f"No answers served or voted on yet ({named(path)}).")
        return 0
    names = [one_line(titles.get(r.entry_id, r.entry_id), EXAMPLE_WIDTH) for r in rows]
    width = max(len("ENTRY"), *(len(n) for n in names))
    print(f"FAQ usage and feedback, worst first ({named(path)}):")
    print(
        f"{'ENTRY':<{width}}  {'SERVED':>6}  {'HELPFUL':>7}  {'NOT HELPFUL':>11}  "
        f"{'NOT WHAT ASKED':>14}  {'REPOINTED':>9}  RATING"
    )
    for r, name in zip(rows, names, strict=True):
        print(
            f"{name:<{width}}  {r.served:>6}  {r.helpful:>7}  {r.not_helpful:>11}  "
            f"{r.misses:>14}  {r.repointed:>9}  {r.rating:.0%}"
        )
    # ("NOT ASKED" read as "never asked": the askers' "Not what I asked" clicks)
    print(
        "NOT WHAT ASKED: askers' 'Not what I asked' clicks. RATING: helpful votes as a share, "
        "pulled towards 50% while there are few (re-pointed answers count as not helpful)."
    )
    return 0
