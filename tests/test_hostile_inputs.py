"""Hostile inputs, kept as a table: each row is sent to the surfaces it names, through the
fake Discord to one bot (SQLite store, its own copy of the FAQ) for the whole module.

Surfaces: ask (/ask), forum (a new forum post), mention (a message mentioning the bot),
faq (/faq), autocomplete (/faq typing), amount (/split basis), rate (/split tax_rate),
faq-id (/faq-admin edit and alias topic, as a moderator), new-id (the id field of
/faq-admin new), alias-phrase (/faq-admin alias phrase).

Every reply must stay within Discord's limits, never ping, never echo the text so that it
renders (markdown, mentions, masked links), and nothing may be logged as an error. Path-like
entry ids must be refused without touching any file. Values are sent with `check=False`:
as given, past the option lengths Discord's client would enforce.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.app import RolloverBot
from bot.cogs.answers import UNSURE_LINE
from bot.replies import strip_mentions
from bot.small_talk import small_talk
from bot.storage import SqliteStore
from knowledge.base import KnowledgeBase
from knowledge.examples import EXAMPLES_DIR, render_examples
from knowledge.loader import DEFAULT_FAQ_DIR
from tests.fakediscord import FakeDiscord, InteractionHandle
from tests.faq_factory import example_items
from tests.reply_checks import (
    ErrorLog,
    echoed_raw,
    message_data,
    module_bot,
    reply_problems,
    sent_calls,
    text_of,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@dataclass(frozen=True)
class Hostile:
    name: str
    text: str
    surfaces: tuple[str, ...]
    #: /split basis: "reject", or the figure the result must show (e.g. "$1,000.50").
    amount: str | None = None
    #: /split tax_rate: "reject" or "accept".
    rate: str | None = None
    #: surface -> a known bug that makes it fail today (the case is marked xfail, strict);
    #: empty once fixed.
    bugs: dict[str, str] = field(default_factory=dict)


TEXT = ("ask", "forum", "mention", "faq", "autocomplete")
ADMIN = ("faq-id", "new-id")
SNOWFLAKE = "123456789012345678"

TABLE: list[Hostile] = [
    # -- huge numbers
    Hostile("1e400", "1e400", TEXT, amount="reject", rate="reject"),
    Hostile("10**400-digits", "1" + "0" * 400, TEXT, amount="reject", rate="reject"),
    Hostile("9x5000", "9" * 5000, TEXT, amount="reject"),
    Hostile("32-nines", "9" * 32, ("ask",), amount="reject", rate="reject"),
    Hostile("max-plus-a-cent", "1000000000.01", ("ask",), amount="reject"),
    Hostile("max-amount", "1000000000", ("ask",), amount="$1,000,000,000.00"),
    Hostile("minus-1e400", "-1e400", ("ask",), amount="reject", rate="reject"),
    # -- unicode digits
    Hostile("arabic-indic", "١٠٠٠", TEXT, amount="reject", rate="reject"),
    Hostile("fullwidth", "１０００", TEXT, amount="reject", rate="reject"),
    Hostile("math-bold", "𝟏𝟎𝟎𝟎", TEXT, amount="reject", rate="reject"),
    Hostile("devanagari", "१०००", ("ask", "faq"), amount="reject"),
    Hostile("superscripts", "²⁴%", ("ask",), amount="reject", rate="reject"),
    Hostile("roman-numeral", "Ⅻ", ("ask",), amount="reject"),
    Hostile("keycap-ten", "🔟", ("ask", "faq"), amount="reject"),
    # -- zero-width and invisible characters
    Hostile("zero-width-space-in-number", "1\u200b000", ("ask",), amount="reject", rate="reject"),
    Hostile("only-zero-width", "\u200b\u200c\u200d\u2060", TEXT, amount="reject"),
    Hostile("bom-prefix", "\ufeff1000", ("ask",), amount="reject", rate="reject"),
    Hostile(
        "zero-width-in-question",
        "roth\u200d ira\u2060 after-tax\u200b rollover pro-rata?",
        (*TEXT, "alias-phrase"),
    ),
    Hostile("soft-hyphen", "after\u00adtax 401(k) roll\u00adover", TEXT),
    # -- right-to-left marks
    Hostile("rtl-override-number", "\u202e0001", ("ask",), amount="reject", rate="reject"),
    Hostile("rtl-mark-number", "\u200f1000", ("ask",), amount="reject"),
    Hostile("arabic-letter-mark", "1000\u061c", ("ask",), amount="reject"),
    Hostile(
        "rtl-override-text",
        "\u202eesrever ni noisrevnoc htor\u202c after-tax",
        (*TEXT, "alias-phrase"),
    ),
    # -- a long run of blank lines before many amounts: the worked example's patterns
    # backtracked for seconds per amount with the bot's loop blocked (a security hunt)
    Hostile(
        "blank-lines-before-amounts",
        "Do I owe tax on the earnings if everything goes to the Roth IRA? I contributed "
        "$20,000 after-tax and it earned $500. more than" + "\n" * 700 + "#" + " $1 gain" * 20,
        ("ask", "mention"),
    ),
    # -- NaN and infinity spellings, and other numbers Python would accept
    Hostile("nan", "NaN", ("ask", "faq"), amount="reject", rate="reject"),
    Hostile("snan", "sNaN", ("ask",), amount="reject", rate="reject"),
    Hostile("inf", "inf", ("ask",), amount="reject", rate="reject"),
    Hostile("minus-infinity", "-Infinity", ("ask",), amount="reject", rate="reject"),
    Hostile("infinity-symbol", "∞", ("ask",), amount="reject", rate="reject"),
    Hostile("exponent", "1e3", ("ask",), amount="reject", rate="reject"),
    Hostile("hex", "0x1F", ("ask",), amount="reject", rate="reject"),
    Hostile("underscores", "1_000", ("ask",), amount="reject", rate="reject"),
    Hostile("unicode-minus", "\u22121000", ("ask",), amount="reject", rate="reject"),
    Hostile("double-sign", "--5", ("ask",), amount="reject", rate="reject"),
    Hostile("misplaced-commas", "1,00", ("ask",), amount="reject"),
    Hostile("three-decimals", "1000.999", ("ask",), amount="reject"),
    Hostile("dollars-and-cents", "$1,000.50", ("ask",), amount="$1,000.50", rate="reject"),
    Hostile("padded-plus", "  +1000  ", ("ask",), amount="$1,000.00"),
    Hostile("rate-space-percent", "24 %", ("ask",), rate="accept"),
    Hostile("rate-over-100", "100.0001%", ("ask",), rate="reject"),
    # -- markdown and mention injection
    Hostile(
        "everyone",
        "@everyone",
        (*TEXT, *ADMIN, "alias-phrase"),
        amount="reject",
    ),
    Hostile("here", "@here help with my roth", (*TEXT, "alias-phrase"), amount="reject"),
    Hostile(
        "role-mention",
        f"<@&{SNOWFLAKE}>",
        (*TEXT, *ADMIN),
        amount="reject",
    ),
    Hostile("user-mention", f"<@{SNOWFLAKE}> after-tax", TEXT, amount="reject"),
    Hostile("nick-mention", f"<@!{SNOWFLAKE}>", TEXT, amount="reject"),
    Hostile(
        "bold",
        "**bold**",
        (*TEXT, *ADMIN, "alias-phrase"),
        amount="reject",
        rate="reject",
    ),
    Hostile("underline-strike", "__u__ ~~s~~", TEXT, amount="reject"),
    Hostile(
        "backticks",
        "`1000`",
        (*TEXT, *ADMIN),
        amount="reject",
    ),
    Hostile("code-block", "```\n1000\n```", TEXT, amount="reject"),
    Hostile("masked-link", "[x](https://evil.example)", (*TEXT, "alias-phrase"), amount="reject"),
    Hostile("bare-link", "https://evil.example/login?next=/", TEXT, amount="reject"),
    Hostile("spoiler", "||1000||", TEXT, amount="reject", rate="reject"),
    Hostile("quote-and-heading", "> quote\n# heading\n-# small", TEXT, amount="reject"),
    Hostile(
        "channel-mention",
        f"<#{SNOWFLAKE}>",
        TEXT,
        amount="reject",
    ),
    Hostile("timestamp", "<t:0:R>", TEXT, amount="reject"),
    # -- SQL-looking text (stored as question text, with parameters)
    Hostile(
        "sql-drop",
        "'; DROP TABLE questions; --",
        (*TEXT, *ADMIN, "alias-phrase"),
        amount="reject",
    ),
    Hostile("sql-or", '" OR 1=1 -- after-tax rollover', TEXT, amount="reject"),
    Hostile("bobby-tables", "Robert'); DROP TABLE students;--", (*TEXT, "alias-phrase")),
    Hostile("sql-delete", "1; DELETE FROM votes", ("ask",), amount="reject"),
    # -- control characters
    Hostile("nul", "\x00", TEXT, amount="reject", rate="reject"),
    Hostile("nul-after-number", "1000\x00", ("ask",), amount="reject"),
    Hostile("ansi-escape", "\x1b[31mred\x1b[0m roth", (*TEXT, "alias-phrase"), amount="reject"),
    Hostile("line-breaks", "line1\r\nline2\x0bline3\x0c\u2028end", TEXT, amount="reject"),
    Hostile("backspace-delete", "\x7f\x08\x08roth", TEXT),
    Hostile("lone-surrogate", "\ud800 roth ira", TEXT, amount="reject"),
    # -- emoji
    Hostile("emoji-question", "💰💰 after-tax to roth ira 💸?", (*TEXT, "alias-phrase")),
    Hostile("zwj-family", "👨\u200d👩\u200d👧\u200d👦", TEXT, amount="reject"),
    Hostile("emoji-number", "1000💵", ("ask",), amount="reject", rate="reject"),
    # -- very long text
    Hostile("roth-x2000", "roth " * 2000, TEXT),
    # many nonsense words of one length, none near a known word's (typo lookups in bulk)
    Hostile("nonsense-words", " ".join(f"zq{chr(97 + i)}" * 13 + "x" for i in range(20)), TEXT),
    # -- path-like FAQ ids (moderator edits): all refused, no file touched
    Hostile("dotdot-passwd", "../../etc/passwd", (*ADMIN, "faq")),
    Hostile("absolute-passwd", "/etc/passwd", ADMIN),
    Hostile("dotdot", "..", ADMIN),
    Hostile("dot", ".", ADMIN),
    Hostile("a-slash-b", "a/b", ADMIN),
    Hostile("id-then-escape", "notice-2014-54/../x", ADMIN),
    Hostile("windows-device", "NUL", ADMIN),
    Hostile("windows-device-lower", "nul", ("faq-id",)),  # valid, but no such entry
    Hostile("windows-backslashes", "..\\..\\windows\\win.ini", ADMIN),
    Hostile("with-extension", "notice-2014-54.md", ADMIN),
    Hostile("home-dir", "~/.ssh/id_rsa", ADMIN),
    Hostile("url-encoded", "%2e%2e%2fetc%2fpasswd", ADMIN),
    Hostile("nul-in-id", "notice-2014-54\x00", ADMIN),
    Hostile("cyrillic-id", "нотис-2014", ADMIN),
    Hostile("very-long-id", "a" * 300, ("faq-id",)),
    Hostile("long-valid-pattern", "-".join(["ab"] * 40), ("faq-id",)),  # 119 > 80
]


def _surfaces(row: Hostile) -> list[str]:
    extra = [s for s, v in (("amount", row.amount), ("rate", row.rate)) if v is not None]
    return [*row.surfaces, *extra]


CASES = [
    pytest.param(
        row,
        surface,
        id=f"{row.name}/{surface}",
        marks=[pytest.mark.xfail(strict=True, reason=row.bugs[surface])]
        if surface in row.bugs
        else [],
    )
    for row in TABLE
    for surface in _surfaces(row)
]


# -- the bot for the module ------------------------------------------------------------------
@dataclass
class Env:
    fake: FakeDiscord
    bot: RolloverBot
    errors: ErrorLog
    root: Path  # everything moderators' edits could reach by "../"
    faq: Path
    db: Path


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    root = tmp_path_factory.mktemp("hostile")
    faq = root / "deep" / "er" / "faq"  # so "../../x" still lands inside `root`
    shutil.copytree(DEFAULT_FAQ_DIR, faq, ignore=shutil.ignore_patterns(".backups"))
    # A few examples per file: nothing here depends on how well questions match, and every
    # saved alias retrains the matcher (a tenth of the time on a tenth of the examples).
    for path in (faq / EXAMPLES_DIR).glob("*.yaml"):
        items = example_items(path)
        path.write_text(render_examples(items[:4]), encoding="utf-8")
    db = tmp_path_factory.mktemp("hostile-db") / "bot.db"
    store = SqliteStore(db)
    await store.open()
    try:
        with ErrorLog() as errors:
            async with module_bot(KnowledgeBase.load(faq), store) as (fake, bot):
                yield Env(fake, bot, errors, root, faq, db)
    finally:
        await store.close()


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` with a hash of its content."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def content(body: dict[str, Any]) -> str:
    return message_data(body).get("content") or ""


def ephemeral(body: dict[str, Any]) -> bool:
    return bool(message_data(body).get("flags", 0) & 64)


async def answer(handle: InteractionHandle) -> dict[str, Any]:
    """The reply people see: the callback, or the followup after a deferral."""
    body = await handle.response(timeout=3.0)
    return await handle.followup(0) if body["type"] == 5 else body


# -- one function per surface ----------------------------------------------------------------
async def ask(env: Env, row: Hostile) -> None:
    body = await answer(
        await env.fake.send_slash_command("ask", {"question": row.text}, check=False)
    )
    # Nothing but mentions: asked for words; emoji or marks alone: a word back (thanks, or
    # asked for words); both privately.
    if not strip_mentions(row.text) or small_talk(strip_mentions(row.text)):
        assert ephemeral(body) and content(body) and not body["data"].get("embeds"), body
        return
    assert body["type"] == 4 and len(body["data"]["embeds"]) == 1, body
    assert not content(body), "the answer is the embed; no apology or notice"


async def forum(env: Env, row: Hostile) -> None:
    post = await env.fake.post_forum_thread(row.text[:100] or "?", row.text[:4000])
    await env.fake.idle(quiet=0.005)
    assert len(post.replies) <= 1  # answered, suggestions, or left to people
    for reply in post.replies:
        # an answer card, or the fixed unsure line: never the post's own text echoed
        assert (reply["embeds"] and not reply["content"]) or reply["content"] == UNSURE_LINE


async def mention(env: Env, row: Hostile) -> None:
    world = env.fake.world
    mark = env.fake.mark()
    await env.fake.send_message(
        world.text_channel, f"{world.bot_user.mention} {row.text[:1900]}", author=world.asker
    )
    call = await env.fake.wait_for_call(
        "POST", rf"/channels/{world.text_channel['id']}/messages", since=mark
    )
    assert call.json.get("embeds") or call.json.get("content")


async def faq(env: Env, row: Hostile) -> None:
    body = await answer(await env.fake.send_slash_command("faq", {"topic": row.text}, check=False))
    assert body["type"] == 4
    if not body["data"].get("embeds"):  # not found by id or by meaning: a private notice
        assert ephemeral(body) and "No FAQ entry" in content(body)


async def autocomplete(env: Env, row: Hostile) -> None:
    handle = await env.fake.send_autocomplete("faq", {"topic": row.text}, focused="topic")
    body = await handle.response(timeout=3.0)
    assert body["type"] == 8 and len(body["data"]["choices"]) <= 25


async def calculator(env: Env, options: dict[str, str], expected: str, field: str) -> None:
    body = await answer(await env.fake.send_slash_command("split", options, check=False))
    if expected == "reject":
        # as Discord renders it: the bot escapes markdown in the whole message
        assert ephemeral(body) and field in content(body).replace("\\", ""), body
        assert "Traceback" not in content(body) and not content(body).startswith("Sorry")
    else:
        [embed] = body["data"]["embeds"]
        assert expected == "accept" or expected in text_of(body), embed


async def amount(env: Env, row: Hostile) -> None:
    assert row.amount is not None
    await calculator(env, {"basis": row.text, "earnings": "5"}, row.amount, "basis")


async def rate(env: Env, row: Hostile) -> None:
    assert row.rate is not None
    options = {"basis": "1000", "earnings": "5", "tax_rate": row.text}
    await calculator(env, options, row.rate, "tax_rate")


REFUSED = re.compile(r"not a valid entry id|There is no entry|outside the FAQ folder")


async def faq_id(env: Env, row: Hostile) -> None:
    fake, moderator = env.fake, env.fake.world.moderator
    for sub, options in (
        ("edit", {"topic": row.text}),
        ("alias", {"topic": row.text, "phrase": "how do I ask this"}),
    ):
        handle = await fake.send_slash_command(
            f"faq-admin {sub}", options, user=moderator, check=False
        )
        body = await answer(handle)
        assert body["type"] != 9, f"/faq-admin {sub} opened an editor for {row.text!r}"
        assert ephemeral(body) and REFUSED.search(content(body)), (sub, content(body))


async def new_id(env: Env, row: Hostile) -> None:
    fake = env.fake
    handle = await fake.send_slash_command("faq-admin new", {}, user=fake.world.moderator)
    submit = await fake.submit_modal(
        handle,
        {
            "id": row.text[:80],
            "title": "What is a hostile test entry?",
            "short": "An entry that must never be written, whatever its id says to do.",
            "sources": "IRS | https://www.irs.gov/retirement-plans",
            "body": "Nothing to see here.",
        },
    )
    body = await answer(submit)
    assert not content(body).startswith("Saved"), content(body)
    assert REFUSED.search(content(body)) or "not valid, nothing was saved" in content(body)


async def alias_phrase(env: Env, row: Hostile) -> None:
    topic = "notice-2014-54"
    handle = await env.fake.send_slash_command(
        "faq-admin alias",
        {"topic": topic, "phrase": row.text[:200]},
        user=env.fake.world.moderator,
        check=False,
    )
    text = content(await answer(handle))
    if text.startswith("Saved"):
        assert " ".join(row.text[:200].split()) in env.bot.knowledge.get(topic).aliases
    else:
        assert "nothing was saved" in text or "duplicate alias" in text, text
    KnowledgeBase.load(env.faq)  # the folder still loads: the phrase cannot corrupt a file


SURFACES = {
    "ask": ask,
    "forum": forum,
    "mention": mention,
    "faq": faq,
    "autocomplete": autocomplete,
    "amount": amount,
    "rate": rate,
    "faq-id": faq_id,
    "new-id": new_id,
    "alias-phrase": alias_phrase,
}


ADMIN_SURFACES = {"faq-id", "new-id", "alias-phrase"}


@pytest.mark.parametrize(("row", "surface"), CASES)
async def test_hostile_input(env: Env, row: Hostile, surface: str) -> None:
    fake = env.fake
    mark = fake.mark()  # the previous case ended with the fake idle
    before = tree(env.root) if surface in ADMIN_SURFACES else {}
    env.errors.clear()
    await SURFACES[surface](env, row)
    await fake.idle(quiet=0.005)  # settle() inside: the bot has finished; REST quiet too

    assert not reply_problems(fake, mark), reply_problems(fake, mark)
    for call in sent_calls(fake, mark):
        shown = echoed_raw(text_of(call.json), row.text)
        assert shown is None, f"{shown!r} echoed unescaped in {content(call.json)[:300]!r}"
    assert not env.errors.records, env.errors.describe()
    if surface not in ADMIN_SURFACES:
        return
    after = tree(env.root)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    if surface == "alias-phrase":  # only the entry's own file and its backups may change
        assert all(p.endswith("/notice-2014-54.md") or "/.backups/" in p for p in changed)
    else:
        assert not changed, f"a refused edit changed {sorted(changed)}"


# -- beyond the table ------------------------------------------------------------------------
async def test_the_table_covers_enough_hostile_inputs() -> None:
    assert len(TABLE) >= 50 and len({row.text for row in TABLE}) == len(TABLE)
    assert len({row.name for row in TABLE}) == len(TABLE)


async def test_sql_looking_questions_are_stored_verbatim(env: Env) -> None:
    hostile = "'; DROP TABLE questions; --"
    body = await answer(
        await env.fake.send_slash_command("ask", {"question": hostile}, check=False)
    )
    assert body["type"] == 4
    await env.fake.settle()  # the reply goes out first; the question is stored after it
    assert hostile in {text for (text,) in _query(env.db, "SELECT text FROM questions")}
    assert any(g.example == hostile for g in await env.bot.store.gaps(None, limit=100))


def _query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    # A separate read-only connection, as the command line reads the bot's database.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute(sql).fetchall()


@pytest.mark.parametrize(
    ("command", "options", "field"),
    [
        ("split", {"basis": "\uff11\uff10\uff10\uff10", "earnings": "5"}, "basis"),
        ("split", {"basis": "1000", "earnings": "5", "tax_rate": "\u0662\u0664%"}, "tax_rate"),
        ("prorata", {"basis": "1000", "earnings": "5", "amount": "\u0968\u0966"}, "amount"),
    ],
)
async def test_digits_other_than_0_to_9_are_named_in_the_refusal(
    env: Env, command: str, options: dict[str, str], field: str
) -> None:
    """A value typed with full-width digits (a Chinese or Japanese keyboard's "１０００") or
    another script's was refused as "'１０００' is not an amount; use a dollar amount like
    1000": beside what looks like 1000, that said nothing of what was wrong."""
    mark = env.fake.mark()
    body = await answer(await env.fake.send_slash_command(command, options, check=False))
    text = content(body).replace("\\", "")
    assert ephemeral(body) and f"{field}:" in text, text
    assert "it has digits other than 0-9 (full-width ones, or another script's)" in text
    assert not reply_problems(env.fake, mark)


@pytest.mark.parametrize(
    ("command", "options", "said"),
    [
        (
            "split",
            {"basis": "1000", "earnings": "5", "tax_rate": "24\uff05"},
            "tax_rate: '24\uff05' is not a rate: its \uff05 is a full-width one (a Chinese or "
            "Japanese keyboard's), not %",
        ),
        (
            "split",
            {"basis": "\uff041000", "earnings": "5"},
            "basis: '\uff041000' is not an amount: its \uff04 is a full-width one",
        ),
        (
            "prorata",
            {"basis": "1\uff0c000", "earnings": "5", "amount": "1000\uff0e50"},
            "basis: '1\uff0c000' is not an amount: its \uff0c is a full-width one",
        ),
        (
            "split",
            {"basis": "1000\u200b", "earnings": "5"},
            "is not an amount: it has an invisible character in it (U+200B, pasted along)",
        ),
        # a dash where the minus sign goes ("–500", a word processor's autocorrect)
        (
            "split",
            {"basis": "1000", "earnings": "\u2013500"},
            "earnings: '\u2013500' is not an amount: it starts with a dash (\u2013, U+2013), "
            "not the minus sign -",
        ),
        (
            "schedule",
            {"annual": "7000", "paychecks": 26, "conversions": 4, "annual_return": "\u201210%"},
            "it starts with a dash (\u2012, U+2012), not the minus sign -",
        ),
    ],
)
async def test_full_width_signs_and_invisible_characters_are_named_in_the_refusal(
    env: Env, command: str, options: dict[str, str], said: str
) -> None:
    """ "24％" (a full-width percent sign) was refused as "not a rate; use a rate like 0.24,
    24% or 24": beside what looks like 24%, that said nothing of what was wrong; so were
    a full-width $, comma or point, a zero-width space pasted along, and a dash where the
    minus sign goes ("–500")."""
    mark = env.fake.mark()
    body = await answer(await env.fake.send_slash_command(command, options, check=False))
    text = content(body).replace("\\", "")  # (Markdown's escapes: tax\\_rate)
    assert ephemeral(body) and said.replace("\\", "") in text, text
    assert not reply_problems(env.fake, mark)


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("room", {"year": 10**18, "deferrals": "1000", "employer": "0"}),
        ("room", {"year": -2026, "deferrals": "1000", "employer": "0"}),
        ("room", {"year": 2026, "deferrals": "1000", "employer": "0", "age": 10**18}),
        ("room", {"year": 2026, "deferrals": "1000", "employer": "0", "age": -1}),
        (
            "schedule",
            {"annual": "1000", "paychecks": 10**18, "conversions": 4, "annual_return": "5%"},
        ),
        ("schedule", {"annual": "1000", "paychecks": 26, "conversions": 0, "annual_return": "5%"}),
        (
            "schedule",
            {"annual": "1000", "paychecks": 26, "conversions": 10**18, "annual_return": "5%"},
        ),
        ("schedule", {"annual": "1000", "paychecks": 26, "conversions": -4, "annual_return": "5%"}),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(map(str, value.values())),
)
async def test_out_of_range_integer_options_are_refused_politely(
    env: Env, command: str, options: dict[str, Any]
) -> None:
    """Values past the command's choices and min/max, which only Discord would stop."""
    mark = env.fake.mark()
    env.errors.clear()
    body = await answer(await env.fake.send_slash_command(command, options, check=False))
    assert ephemeral(body) and not content(body).startswith("Sorry"), content(body)
    assert not reply_problems(env.fake, mark) and not env.errors.records


@pytest.mark.parametrize(
    "days",
    [
        0,
        -1,
        10**18,
    ],
)
async def test_gaps_days_out_of_range(env: Env, days: int) -> None:
    mark = env.fake.mark()
    env.errors.clear()
    body = await answer(
        await env.fake.send_slash_command(
            "faq-admin gaps", {"days": days}, user=env.fake.world.moderator, check=False
        )
    )
    assert not content(body).startswith("Sorry"), content(body)
    assert not reply_problems(env.fake, mark) and not env.errors.records, env.errors.describe()
