"""Hypothesis fuzzing with random and hostile strings: the matcher, every calculator's parsers
and input model, and every slash command through the fake Discord (one bot for the module).

Invariants: no exception but InputError escapes the calculators (one-line message); the
matcher returns well-formed results; through Discord every interaction is answered, nothing
the bot sends breaks Discord's limits or pings, and nothing is logged as an error.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import RolloverBot
from calculators.catalog import CALCULATORS
from calculators.parse import (
    MAX_AMOUNT,
    InputError,
    parse_amount,
    parse_count,
    parse_int,
    parse_rate,
)
from knowledge.base import KnowledgeBase
from tests.fakediscord import FakeDiscord
from tests.reply_checks import ErrorLog, limit_problems, module_bot, reply_problems

# -- strategies ----------------------------------------------------------------------------
#: Every code point, surrogates, private use and unassigned ones included.
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=200)
FRAGMENTS = [
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "**",
    "__",
    "~~",
    "||",
    "`",
    "```",
    "> ",
    "# ",
    "[x](https://evil.example)",
    "https://evil.example/a?b=c",
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte order mark
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x1b[31m",
    "1e400",
    "NaN",
    "-inf",
    "Infinity",
    "$",
    ",",
    ".",
    "%",
    "-",
    "\u2212",
    "１０００",
    "١٠٠٠",
    "𝟏𝟎𝟎𝟎",
    "9" * 60,
    "roth",
    "after-tax",
    "1099-R",
    "pro-rata",
    "mega backdoor",
    "'; DROP TABLE questions; --",
    "😀",
    "👍🏽",
    "\U0010ffff",
    "\ud800",  # a lone surrogate (JSON can carry one as an escape)
]
HOSTILE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), ANY_TEXT), max_size=12).map("".join)
LONG = st.builds(
    lambda piece, times: piece * times,
    st.text(ANY_CHAR, min_size=1, max_size=12),
    st.integers(50, 800),
)
TEXTS = st.one_of(ANY_TEXT, HOSTILE, LONG)
NUMBERISH = st.one_of(
    st.from_regex(r"\A[ +\-\u2212$]{0,3}[0-9,]{0,14}(\.[0-9]{0,4})?%?\Z"),
    st.from_regex(r"\A[0-9]{1,3}[eE][+-]?[0-9]{1,4}\Z"),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.integers(min_value=-(10**60), max_value=10**60).map(str),
    TEXTS,
)


def one_line(exc: InputError) -> None:
    message = str(exc)
    assert message.strip(), "empty InputError message"
    assert len(message.splitlines()) == 1, f"InputError message is not one line: {message!r}"


# -- the matcher ---------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(question=TEXTS)
def test_matcher_ask_never_fails_and_results_are_well_formed(
    kb: KnowledgeBase, question: str
) -> None:
    result = kb.ask(question)
    tuning = kb.matcher.tuning
    assert result.question == question
    hits = [*([result.best] if result.best else []), *result.suggestions]
    assert all(h.id in kb.entries and 0 <= h.score <= 100 for h in hits)
    assert len({h.id for h in hits}) == len(hits), "an entry appears twice"
    assert len(result.suggestions) <= tuning.max_suggestions
    if result.answered:
        assert result.best is not None and result.best.score >= tuning.answer_threshold
    else:
        assert result.best is None and result.reason
        assert all(h.score >= tuning.suggest_threshold for h in result.suggestions)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, limit=st.integers(-5, 40))
def test_matcher_autocomplete_never_fails_and_fits_discord(
    kb: KnowledgeBase, text: str, limit: int
) -> None:
    hits = kb.matcher.autocomplete(text, limit=limit)
    assert len(hits) <= max(0, min(limit, 25))
    assert len({h.id for h in hits}) == len(hits)
    for hit in hits:
        assert hit.id in kb.entries and hit.title == kb.entries[hit.id].title
        assert 0 <= hit.score <= 100
        assert len(hit.id) <= 100  # an autocomplete choice's value


# -- the calculators -----------------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(text=NUMBERISH, negative_ok=st.booleans())
def test_parse_amount_returns_cents_in_range_or_input_error(text: str, negative_ok: bool) -> None:
    try:
        value = parse_amount(text, "basis", allow_negative=negative_ok)
    except InputError as exc:
        one_line(exc)
        return
    assert value.is_finite() and value.as_tuple().exponent == -2
    assert abs(value) <= MAX_AMOUNT and (negative_ok or value >= 0)
    assert parse_amount(str(value), allow_negative=True) == value  # canonical form reads back


@settings(max_examples=300, deadline=None)
@given(text=NUMBERISH, negative_ok=st.booleans())
def test_parse_rate_returns_a_fraction_or_input_error(text: str, negative_ok: bool) -> None:
    try:
        value = parse_rate(text, "tax_rate", allow_negative=negative_ok)
    except InputError as exc:
        one_line(exc)
        return
    assert value.is_finite() and (-1 < value <= 1 if negative_ok else 0 <= value <= 1)


@settings(max_examples=200, deadline=None)
@given(text=NUMBERISH)
def test_parse_int_and_count_accept_plain_digits_only(text: str) -> None:
    try:
        value = parse_int(text, "age")
    except InputError as exc:
        one_line(exc)
    else:
        body = text.strip().lstrip("+")
        assert 0 <= value < 10**9 and body.lstrip("-\u2212").isascii()
        assert value == 0 or body[:1] not in ("-", "\u2212")  # (only -0 takes a minus)
    try:
        count = parse_count(text, "paychecks")
    except InputError as exc:
        one_line(exc)
    else:
        assert 1 <= count <= 365


def _keys(params: tuple[str, ...]) -> st.SearchStrategy[str]:
    dashed = [p.replace("_", "-") for p in params]
    # Unknown keys without line breaks: a key with one is the known bug tested below.
    unknown = st.text(ANY_CHAR, max_size=20).filter(lambda k: len(f"<{k}>".splitlines()) == 1)
    return st.one_of(st.sampled_from(params), st.sampled_from(dashed), unknown)


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(sorted(CALCULATORS)), data=st.data())
def test_every_calculator_raises_only_one_line_input_errors(name: str, data: st.DataObject) -> None:
    calc = CALCULATORS[name]
    positional = data.draw(st.lists(NUMBERISH, max_size=len(calc.params) + 2), label="positional")
    named = data.draw(st.dictionaries(_keys(calc.params), NUMBERISH, max_size=6), label="named")
    try:
        result = calc(positional, named)  # build (parsers + input model) then run
    except InputError as exc:
        one_line(exc)
        return
    assert result.steps and all(isinstance(s, str) for s in result.steps)
    for label, value in result.summary():
        assert isinstance(label, str) and isinstance(value, str)


@pytest.mark.parametrize("key", ["\n", "a\u2028b", "x\x0by"])
def test_unknown_calculator_key_gives_a_one_line_message(key: str) -> None:
    with pytest.raises(InputError) as info:
        CALCULATORS["split"].build(["1000", "5"], {key: "1"})
    one_line(info.value)


@settings(max_examples=100, deadline=None)
@given(name=st.sampled_from(sorted(CALCULATORS)), data=st.data())
def test_calculators_on_plausible_numbers(name: str, data: st.DataObject) -> None:
    """Mostly valid figures, so the arithmetic (not only the parsers) runs on odd values."""
    calc = CALCULATORS[name]
    money = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2).map(str)
    rate = st.sampled_from(["0", "1", "0.5", "24%", "100%", "-99.99%", "0.0001", "99.999%"])
    values = {
        "year": st.sampled_from(["2023", "2024", "2025", "2026", "1999", "2100"]),
        "age": st.integers(0, 140).map(str),
        "paychecks": st.integers(0, 400).map(str),
        "conversions": st.integers(0, 400).map(str),
        "annual_return": rate,
        "tax_rate": rate,
        "earnings_to": st.sampled_from(["roth", "traditional", "ROTH", ""]),
        "earnings": st.one_of(money, money.map(lambda m: f"-{m}")),
    }
    named = {p: data.draw(values.get(p, money), label=p) for p in calc.params}
    try:
        result = calc([], named)
    except InputError as exc:
        one_line(exc)
        return
    assert result.steps
    for _, value in result.summary():
        assert "NaN" not in value and "Infinity" not in value


# -- every slash command through the fake Discord ------------------------------------------
MODULE_LOOP = pytest.mark.asyncio(loop_scope="module")
DISCORD_EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def discord_env(
    kb: KnowledgeBase,
) -> AsyncIterator[tuple[FakeDiscord, RolloverBot, ErrorLog]]:
    with ErrorLog() as errors:
        async with module_bot(kb) as (fake, bot):
            yield fake, bot, errors


def _registered(fake: FakeDiscord, name: str) -> dict[str, Any]:
    top, *sub = name.split()
    commands = fake.world.commands
    spec = commands.get(fake.world.guild.id, {}).get(top) or commands[None][top]
    for part in sub:
        spec = next(o for o in spec["options"] if o["name"] == part)
    return spec


def _value(option: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Any value of the option's type, ignoring choices and minimum lengths (as a client
    bypassing Discord's client-side checks would send). What Discord's API enforces itself,
    type, max_length and min/max_value, is kept; values beyond those are sent on purpose,
    one by one, in test_hostile_inputs.py."""
    kind = option["type"]
    choices = [c["value"] for c in option.get("choices") or ()]
    if kind == 5:
        return st.booleans()
    if kind in (4, 10):
        low, high = option.get("min_value", -(2**53)), option.get("max_value", 2**53)
        wide = st.integers(low, high) if kind == 4 else st.floats(low, high)
        return st.one_of(st.sampled_from(choices), wide) if choices else wide
    longest = option.get("max_length", 6000)
    text = st.one_of(NUMBERISH, TEXTS, *([st.sampled_from(choices)] if choices else []))
    return text.map(lambda value: value[:longest])


#: User, channel, role and mentionable options: Discord sends only real, resolved ids for
#: them, so they are not fuzzed with text (their own tests pick real members).
_ENTITY_OPTIONS = {6, 7, 8, 9}


def _options(data: st.DataObject, spec: dict[str, Any]) -> dict[str, Any]:
    chosen = {}
    for option in spec.get("options") or ():
        if option["type"] in _ENTITY_OPTIONS:
            continue
        if option.get("required") or data.draw(st.booleans(), label=f"send {option['name']}"):
            chosen[option["name"]] = data.draw(_value(option), label=option["name"])
    return chosen


async def _check_reply(
    fake: FakeDiscord, errors: ErrorLog, mark: int, body: dict[str, Any], sent: Any
) -> None:
    await fake.idle(quiet=0.01)
    assert body["type"] in (4, 5, 8, 9), body
    problems = reply_problems(fake, mark)
    assert not problems, f"{sent!r}: {problems}"
    assert not errors.records, f"{sent!r}: {errors.describe()}"
    assert not fake.rest.errors and not fake.rest.unhandled


COMMANDS = ["ask", "faq", "split", "prorata", "form8606", "room", "schedule", "faq-admin gaps"]


@MODULE_LOOP
@pytest.mark.parametrize("name", COMMANDS)
@DISCORD_EXAMPLES
@given(data=st.data())
async def test_slash_commands_survive_any_option_values(
    discord_env: tuple[FakeDiscord, RolloverBot, ErrorLog], name: str, data: st.DataObject
) -> None:
    fake, _, errors = discord_env
    options = _options(data, _registered(fake, name))
    mark = fake.mark()
    errors.clear()
    user = fake.world.moderator if name.startswith("faq-admin") else fake.world.asker
    handle = await fake.send_slash_command(name, options, check=False, user=user)
    body = await handle.response(timeout=3.0)
    if body["type"] == 5:  # deferred (the schedule chart): the followup must come
        await handle.followup(0, timeout=10.0)
    await _check_reply(fake, errors, mark, body, options)


@MODULE_LOOP
@DISCORD_EXAMPLES
@given(typed=TEXTS)
async def test_faq_autocomplete_survives_any_text(
    discord_env: tuple[FakeDiscord, RolloverBot, ErrorLog], typed: str
) -> None:
    fake, _, errors = discord_env
    mark = fake.mark()
    errors.clear()
    handle = await fake.send_autocomplete("faq", {"topic": typed}, focused="topic")
    body = await handle.response(timeout=3.0)
    assert body["type"] == 8 and not limit_problems(body)
    await _check_reply(fake, errors, mark, body, typed)


@MODULE_LOOP
@DISCORD_EXAMPLES
@given(title=TEXTS, content=TEXTS)
async def test_forum_posts_and_mentions_survive_any_text(
    discord_env: tuple[FakeDiscord, RolloverBot, ErrorLog], title: str, content: str
) -> None:
    fake, _, errors = discord_env
    world = fake.world
    mark = fake.mark()
    errors.clear()
    post = await fake.post_forum_thread(title[:100] or "?", content[:4000])
    await fake.send_message(
        world.text_channel, f"{world.bot_user.mention} {content[:1900]}", author=world.asker
    )
    await fake.settle()
    # the mention always gets exactly one reply (an answer, suggestions or "ask me after
    # the mention"), so every example checks that the bot really handled both events
    channel = world.text_channel["id"]
    mention_replies = fake.calls_matching("POST", rf"/channels/{channel}/messages", since=mark)
    assert len(mention_replies) == 1, (title, content)
    assert len(post.replies) <= 1
    await _check_reply(fake, errors, mark, {"type": 4}, (title, content))
