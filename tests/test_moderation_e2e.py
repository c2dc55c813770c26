"""Moderators through the fake Discord: reload, validate, edit, new, alias, permissions,
and the FAQ watcher. Each test works on its own copy of the FAQ folder."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime as dt
import json
import logging
import os
import random
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest

from bot import answering
from bot.storage import ReviewItem
from knowledge.base import KnowledgeBase, validate_folder
from knowledge.examples import EXAMPLES_DIR, render_examples
from knowledge.loader import DEFAULT_FAQ_DIR, parse_entry
from tests.fakediscord import FakeDiscord, custom_ids, wait_until, would_ping
from tests.faq_factory import deny_reading, example_items, write_entry
from tests.live_sqlite import execute_beside
from tests.stopping import held_calls, held_loads, stop_while_held

QUESTION = "Can I send the earnings to a traditional IRA and the after-tax basis to my Roth IRA?"


@pytest.fixture
def faq_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder, ignore=shutil.ignore_patterns(".backups"))
    # A few examples per file: these tests are about editing and reviewing, and every
    # saved edit retrains the matcher (quicker on fewer examples).
    for path in (folder / EXAMPLES_DIR).glob("*.yaml"):
        path.write_text(render_examples(example_items(path)[:8]), encoding="utf-8")
    return folder


@pytest.fixture
def mod_bot(make_bot, faq_copy: Path):
    def build(**settings: Any):
        return make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=False, **settings)

    return build


def chores_of(bot: Any) -> Any:
    """The bot's Housekeeping cog, its own hourly digest pass stopped first, for a test that
    makes its own passes: that pass (today's digest) runs once the bot is connected, and
    on a loaded machine late enough to hold what the test recorded (a question, a vote).
    Past the digest hour it then posted to the moderator log beside the test's digest, or
    took the one refusal the test injected: one message more than the test counted."""
    chores = bot.get_cog("Housekeeping")
    chores.digest.cancel()
    return chores


def form_value(form: dict[str, Any], custom_id: str) -> str:
    """The text a form's input opens with (its default)."""
    stack = list(form["components"])
    while stack:
        item = stack.pop()
        if item.get("custom_id") == custom_id:
            return item["value"]
        stack += item.get("components") or ([item["component"]] if "component" in item else [])
    raise KeyError(custom_id)


def content(body: dict[str, Any]) -> str:
    return body.get("data", body).get("content") or ""


def ephemeral(body: dict[str, Any]) -> bool:
    return bool(body.get("data", body).get("flags", 0) & 64)


async def admin(fake: FakeDiscord, sub: str, options: dict | None = None, user=None) -> dict:
    handle = await fake.send_slash_command(
        f"faq-admin {sub}", options or {}, user=user or fake.world.moderator
    )
    body = await handle.response()
    if body["type"] == 5:  # deferred: the real answer is the followup
        return await handle.followup(0)
    return body


async def edit_entry(fake: FakeDiscord, topic: str, values: dict[str, str]) -> str:
    """A moderator opens ``topic``'s edit form and submits ``values``: the bot's reply."""
    handle = await fake.send_slash_command(
        "faq-admin edit", {"topic": topic}, user=fake.world.moderator
    )
    submit = await fake.submit_modal(handle, values)
    await submit.response()
    return content(await submit.followup(0))


async def ask_title(fake: FakeDiscord, question: str) -> str | None:
    body = await (await fake.send_slash_command("ask", {"question": question})).response()
    [embed] = body["data"]["embeds"]
    unanswered = embed["title"].startswith(("Not sure", "Maybe outside", "No close match"))
    return None if unanswered else embed["title"]


async def queue_two_questions(fake: FakeDiscord) -> None:
    """Two questions the FAQ does not answer, asked with /ask: the review queue's two items."""
    for asked in ("is moving the spillover bucket into roth allowed", "what is a zebra fund"):
        assert await ask_title(fake, asked) is None  # not answered: queued
    await fake.settle()


async def test_commands_hidden_and_refused_for_non_moderators(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(mod_bot()):
        assert not fake_discord.command_visible_to("faq-admin", world.newcomer)
        for sub in ("reload", "validate", "gaps", "stats", "new"):
            body = await (
                await fake_discord.send_slash_command(f"faq-admin {sub}", {}, user=world.newcomer)
            ).response()
            assert ephemeral(body) and "Only moderators" in content(body), sub
        # a moderator role is enough, server-side, even though the client hides the command
        ok = await admin(fake_discord, "validate")
        assert "valid" in content(ok)


async def test_managing_another_server_is_not_managing_this_faq(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The FAQ and the review queue serve every server the bot is in: the owner of some
    other server (anyone can add a public bot to theirs) edits nothing and reads nothing
    private, while Manage Server in the home server still makes a moderator."""
    world = fake_discord.world
    stranger = world.add_user("stranger")
    their_server = world.add_guild("their server", owner=stranger)
    their_channel = world.add_text_channel(their_server, "general")
    path = faq_copy / "notice-2014-54.md"
    before = path.read_text()

    async def as_owner(user, channel, sub: str, options: dict) -> dict:
        handle = await fake_discord.send_slash_command(
            f"faq-admin {sub}", options, user=user, channel=channel
        )
        body = await handle.response()
        return await handle.followup(0) if body["type"] == 5 else body

    private = "my employer pays me 412k, a private question about my IRA"
    alias = {"topic": "notice-2014-54", "phrase": "the split notice"}
    async with start_bot(mod_bot()):
        await (
            await fake_discord.send_slash_command("ask", {"question": private, "private": True})
        ).response()
        for sub, options in (("alias", alias), ("review", {}), ("gaps", {}), ("reload", {})):
            body = await as_owner(stranger, their_channel, sub, options)
            assert ephemeral(body) and "Only moderators" in content(body), sub
            assert "412k" not in json.dumps(body)
        assert path.read_text() == before
        # the home server's owner has Manage Server and no moderator role: a moderator
        body = await as_owner(world.owner, world.text_channel, "alias", alias)
        assert "Saved" in content(body)
    # named home servers replace the guess from the configured channels
    async with start_bot(mod_bot(home_guild_ids=[their_server.id])):
        body = await as_owner(world.owner, world.text_channel, "validate", {})
        assert "Only moderators" in content(body)
        body = await as_owner(stranger, their_channel, "validate", {})
        assert "valid" in content(body) and "Only moderators" not in content(body)


async def test_the_everyone_role_among_the_moderator_roles_makes_no_member_a_moderator(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """@everyone's id is the server's id: pasted into moderator_role_ids (the server's id
    taken for a role's, or @everyone's Copy Role ID), every member held a moderator role
    and could edit the FAQ and read the review queue. It makes no one a moderator, and the
    start says so; the real moderator role beside it still does."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    path = faq_copy / "notice-2014-54.md"
    before = path.read_text()
    alias = {"topic": "notice-2014-54", "phrase": "the split notice"}
    roles = [int(world.guild.id), int(world.moderator_role.id)]
    async with start_bot(mod_bot(moderator_role_ids=roles, mod_log_channel_id=log_id)):
        for sub, options in (("alias", alias), ("review", {}), ("validate", {})):
            body = await admin(fake_discord, sub, options, user=world.newcomer)
            assert ephemeral(body) and "Only moderators" in content(body), sub
        assert path.read_text() == before
        assert "Saved" in content(await admin(fake_discord, "alias", alias))  # the moderator
        await fake_discord.idle(quiet=0.1)
    said = "\n".join(m["content"] for m in world.messages_in(log_id))
    assert f"discord.moderator_role_ids: {world.guild.id} is the @everyone role" in said, said


async def test_a_shard_process_holding_only_a_strangers_server_makes_no_admin_of_it(
    fake_discord: FakeDiscord, make_settings, start_bot, faq_copy: Path
) -> None:
    """Several processes, some shards each, one FAQ folder: a process whose only server is
    a stranger's (the home server is on another process's shard, so its channels are not
    seen here) must not take that server for home."""
    from bot.app import create_bot
    from bot.storage import MemoryStore

    gateway, world = fake_discord.gateway, fake_discord.world
    gateway.shard_count = 2
    ours = (world.guild.id >> 22) % 2
    stranger = world.add_user("stranger")
    theirs = world.add_guild("their server", owner=stranger, shard=(1 - ours, 2))
    their_channel = world.add_text_channel(theirs, "general")
    path = faq_copy / "notice-2014-54.md"
    before = path.read_text()
    alias = {"topic": "notice-2014-54", "phrase": "the split notice"}

    async def alias_by_stranger(**settings: Any) -> str:
        chosen = make_settings(shard_count=2, shard_ids=[1 - ours], faq_dir=faq_copy, **settings)
        bot = create_bot(chosen, KnowledgeBase.load(faq_copy), MemoryStore())
        async with start_bot(bot) as running:
            assert [g.id for g in running.guilds] == [theirs.id]
            handle = await fake_discord.send_slash_command(
                "faq-admin alias", alias, user=stranger, channel=their_channel
            )
            body = await handle.response()
            return content(await handle.followup(0) if body["type"] == 5 else body)

    assert "Only moderators" in await alias_by_stranger()
    assert path.read_text() == before
    # positive control: the same process, told that server is home, lets its owner edit
    assert (await alias_by_stranger(home_guild_ids=[theirs.id])).startswith("Saved")


async def test_an_open_form_saves_nothing_once_its_moderator_lost_the_role(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A form stays open for hours: a moderator removed meanwhile (or a compromised account
    cut off) saves nothing through it, and gets back what they typed."""
    world = fake_discord.world
    path = faq_copy / "notice-2014-54.md"
    before = path.read_text()
    typed = "Typed by someone who is no longer a moderator when the form is sent."
    async with start_bot(mod_bot()):
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=world.moderator
        )
        assert (await handle.response())["type"] == 9  # the form opened
        world.guild.members[world.moderator.id].roles = [world.member_role.id]
        submit = await fake_discord.submit_modal(handle, {"short": typed}, user=world.moderator)
        body = await submit.response()
        assert ephemeral(body) and "nothing was saved" in content(body)
        assert typed in json.dumps(body)
        assert path.read_text() == before
        # positive control: a moderator's form, sent the same way, saves
        world.guild.members[world.moderator.id].roles = [
            world.member_role.id,
            world.moderator_role.id,
        ]
        assert (await edit_entry(fake_discord, "notice-2014-54", {"short": typed})).startswith(
            "Saved"
        )
        assert typed in path.read_text()


async def test_broken_file_keeps_answers_flowing(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    async with start_bot(mod_bot()) as bot:
        before = bot.knowledge
        broken = faq_copy / "notice-2014-54.md"
        broken.write_text(broken.read_text().replace("title:", "title: [unclosed", 1))
        body = await admin(fake_discord, "reload")
        text = content(body)
        assert "not** reloaded" in text and f"{broken}:" in text
        assert bot.knowledge is before
        assert (
            await ask_title(fake_discord, QUESTION)
            == before.get("split-earnings-to-traditional-ira").title
        )
        validate = await admin(fake_discord, "validate")
        assert "1 problem:" in content(validate) and "notice-2014-54.md:" in content(validate)


async def test_broken_examples_file_keeps_the_trained_matcher(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    async with start_bot(mod_bot()) as bot:
        before = bot.knowledge
        examples = faq_copy / "examples" / "conversion-frequency.yaml"
        examples.write_text(examples.read_text() + "- text: [unclosed\n")
        text = content(await admin(fake_discord, "reload"))
        assert "not** reloaded" in text and f"{examples}:" in text
        assert bot.knowledge is before and bot.knowledge.matcher is before.matcher
        assert (
            await ask_title(fake_discord, QUESTION)
            == before.get("split-earnings-to-traditional-ira").title
        )
        # fixed, the next reload trains on the file again
        examples.write_text(examples.read_text().replace("- text: [unclosed\n", ""))
        assert "FAQ reloaded" in content(await admin(fake_discord, "reload"))
        assert bot.knowledge is not before


async def test_a_reload_that_fails_unforeseen_is_refused_in_words(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever escapes loading (a PermissionError, a library's own error) is a refused
    reload with its reason, not the generic apology; the FAQ loaded keeps answering."""
    import bot.app as app

    def fails(*_: object, **__: object) -> KnowledgeBase:
        raise RuntimeError("a fault nobody foresaw")

    async with start_bot(mod_bot()) as bot:
        before = bot.knowledge
        monkeypatch.setattr(app.KnowledgeBase, "load", staticmethod(fails))
        text = content(await admin(fake_discord, "reload"))
        assert text == (
            "FAQ **not** reloaded: an unexpected error, not a file (RuntimeError: a fault "
            "nobody foresaw). Answers still come from the previous FAQ; the bot's log has "
            "the details."
        )
        assert bot.knowledge is before
        assert (
            await ask_title(fake_discord, QUESTION)
            == before.get("split-earnings-to-traditional-ira").title
        )


async def test_a_folder_the_bot_may_no_longer_read_is_a_refused_reload(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deploy by another user leaves the folder mode 700: the reload says the folder
    cannot be read, as validate does (it was an unexpected PermissionError from the
    loader's look at the files), and the FAQ loaded keeps answering."""
    async with start_bot(mod_bot()) as bot:
        before = bot.knowledge
        deny_reading(monkeypatch, faq_copy)
        text = content(await admin(fake_discord, "reload"))
        assert "not** reloaded" in text and "unexpected" not in text, text
        assert f"{faq_copy}:0: cannot read the folder: Permission denied" in text, text
        assert bot.knowledge is before
        assert (
            await ask_title(fake_discord, QUESTION)
            == before.get("split-earnings-to-traditional-ira").title
        )


async def test_an_entry_file_the_bot_may_not_read_is_said_so_when_edited(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry file saved by another user with mode 600: /faq-admin edit and alias
    answered "Sorry, something went wrong on my side" (an unexpected PermissionError),
    which said nothing of the file to fix."""
    import io

    path = faq_copy / "notice-2014-54.md"
    real = io.open

    def closed(file: Any, *args: Any, **kwargs: Any) -> Any:
        # (as the kernel refuses the bot's user: the tests run as root, who reads anything)
        if isinstance(file, (str, os.PathLike)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    async with start_bot(mod_bot()):
        monkeypatch.setattr(io, "open", closed)
        said = "notice-2014-54.md cannot be read (Permission denied); nothing was changed."
        for sub, options in (
            ("edit", {"topic": "notice-2014-54"}),
            ("alias", {"topic": "notice-2014-54", "phrase": "the split notice"}),
        ):
            body = await admin(fake_discord, sub, options)
            assert said in content(body), (sub, body)
            assert ephemeral(body)


async def test_an_alias_lands_in_the_entry_as_saved_by_hand_while_it_was_added(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/faq-admin alias adds to the file as it is. An editor (or a git pull) saving the
    entry while the alias was checked was refused as "changed by someone else after you
    opened it" (nothing was opened): the alias is added to the file as saved instead."""
    from knowledge import editing

    path = faq_copy / "notice-2014-54.md"
    by_hand = path.read_text().replace("What is IRS Notice 2014-54?", "Notice 2014-54, by hand")
    check = editing.check_new_text
    saves = iter([by_hand])

    def saved_by_hand_meanwhile(*args: Any, **kwargs: Any) -> Any:
        if (text := next(saves, None)) is not None:
            path.write_text(text)  # (the editor saves while the folder is checked)
        return check(*args, **kwargs)

    async with start_bot(mod_bot()) as bot:
        monkeypatch.setattr(editing, "check_new_text", saved_by_hand_meanwhile)
        reply = content(
            await admin(
                fake_discord, "alias", {"topic": "notice-2014-54", "phrase": "the split notice"}
            )
        )
        assert reply.startswith("Saved `notice-2014-54`"), reply
        entry = bot.knowledge.get("notice-2014-54")
        assert entry.title == "Notice 2014-54, by hand"
        assert "the split notice" in entry.aliases


async def test_edit_through_modal_is_answered_immediately(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    async with start_bot(mod_bot()) as bot:
        reply = await edit_entry(
            fake_discord, "notice-2014-54", {"title": "What does IRS Notice 2014-54 allow?"}
        )
        assert reply.startswith("Saved `notice-2014-54`") and "1 changed" in reply
        assert bot.knowledge.get("notice-2014-54").title == "What does IRS Notice 2014-54 allow?"
        shown = await (
            await fake_discord.send_slash_command("faq", {"topic": "notice-2014-54"})
        ).response()
        assert shown["data"]["embeds"][0]["title"] == "What does IRS Notice 2014-54 allow?"
        backups = list((faq_copy / ".backups").glob("notice-2014-54.*.md.bak"))
        assert len(backups) == 1 and "What is IRS Notice 2014-54?" in backups[0].read_text()


async def test_a_stop_while_an_edit_reloads_lets_the_moderator_be_told(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A moderator saved an entry through its form just before a stop (a deploy), the
    reload after it taking its seconds: the stop did not wait for it, as it does for /ask,
    and closed Discord under it, so the form's "thinking..." never said the entry was
    saved (nor, for a new entry made from the review queue, cleared its question). The
    stop lets it finish: the moderator is told."""
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot()) as bot:
        loading, loaded = held_loads(monkeypatch)
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        submit = await fake_discord.submit_modal(
            handle, {"title": "What does IRS Notice 2014-54 allow?"}
        )
        await submit.response()  # ("thinking...")
        await asyncio.wait_for(loading.wait(), 5)
        await stop_while_held(bot, caplog, loaded.set)  # the stop
        said = content(await submit.followup(0))
    assert said.startswith("Saved `notice-2014-54`"), said


@pytest.mark.parametrize(
    ("sub", "options", "told"),
    [
        ("reload", {}, "FAQ reloaded"),
        ("alias", {"topic": "notice-2014-54", "phrase": "what notice split"}, "Saved"),
    ],
)
async def test_a_stop_while_faq_admin_reloads_lets_the_moderator_be_told(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    sub: str,
    options: dict[str, str],
    told: str,
) -> None:
    """/faq-admin reload, or an alias added (saved, then reloaded), just before a stop
    (a deploy), the reload taking its seconds: the stop did not wait for it, as it does
    for /ask, and closed Discord under it, so the moderator's "thinking..." never said
    what was done, and the log had an ERROR. The stop lets it finish: they are told."""
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot()) as bot:
        loading, loaded = held_loads(monkeypatch)
        handle = await fake_discord.send_slash_command(
            f"faq-admin {sub}", options, user=fake_discord.world.moderator
        )
        assert (await handle.response())["type"] == 5  # ("thinking...")
        await asyncio.wait_for(loading.wait(), 5)
        await stop_while_held(bot, caplog, loaded.set)  # the stop
        said = content(await handle.followup(0))
    assert said.startswith(told), said
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("sub", "held", "told"),
    [
        ("validate", "validate_folder", "All "),
        ("gaps", "open_gaps", "No unanswered questions"),
        ("review", "open_items", "Review queue"),
        ("stats", "stats_page", "FAQ usage and feedback"),
    ],
)
async def test_a_stop_while_faq_admin_reads_lets_the_moderator_be_told(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    sub: str,
    held: str,
    told: str,
) -> None:
    """/faq-admin validate (reading every FAQ file), gaps, review or stats (reading months
    of questions) just before a stop (a deploy): the stop did not wait for it, as it does
    for a reload, so the moderator's "thinking..." was never answered. The stop lets it
    finish."""
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot()) as bot:
        cog = sys.modules["bot.cogs.faq_admin"]  # (the module the extension loaded)
        loading, loaded = held_calls(monkeypatch, cog, held)
        handle = await fake_discord.send_slash_command(
            f"faq-admin {sub}", {}, user=fake_discord.world.moderator
        )
        assert (await handle.response())["type"] == 5  # ("thinking...")
        await asyncio.wait_for(loading.wait(), 5)
        await stop_while_held(bot, caplog, loaded.set)  # the stop
        followup = await handle.followup(0)
    said = content(followup) or followup["embeds"][0]["title"]
    assert said.startswith(told), said
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_edits_keep_a_bounded_number_of_backups_of_each_entry_the_newest_first(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """Every edit from Discord copied the entry's previous version into `.backups/` and
    none ever went: a FAQ edited daily for years filled its folder (and every backup of
    a disk image) with thousands of copies. Each edit now keeps `faq_backups` of the
    entry's versions, the newest ones, and deletes the older; other entries' backups, and
    files in `.backups/` that are no backup, are left alone."""
    backups = faq_copy / ".backups"
    backups.mkdir()
    old = [backups / f"notice-2014-54.2025010{day}T120000000000.md.bak" for day in (1, 2, 3)]
    others = [
        backups / "three-buckets.20250101T120000000000.md.bak",
        backups / "notice-2014-54.before-rewrite.md.bak",  # (copied by hand, no stamp)
    ]
    for path in (*old, *others):
        path.write_text("an earlier version")

    def kept() -> list[Path]:
        return sorted(backups.glob("notice-2014-54.2*.md.bak"))

    async with start_bot(mod_bot(faq_backups=2)):
        for phrase in ("the split notice", "the allocation notice"):
            options = {"topic": "notice-2014-54", "phrase": phrase}
            reply = content(await admin(fake_discord, "alias", options))
            assert reply.startswith("Saved `notice-2014-54`"), reply
    assert len(kept()) == 2, kept()
    assert not set(old) & set(kept())  # (the oldest went first)
    # The newest is the version before the last edit: the first alias in, not the second.
    newest = kept()[-1].read_text()
    assert "the split notice" in newest and "the allocation notice" not in newest
    assert all(path.read_text() == "an earlier version" for path in others)


async def test_an_edit_that_gives_a_wrong_figure_for_a_year_is_saved_with_a_warning(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """ "$73,000 for 2026" for the 415(c) limit is saved as written (it may be a worked
    example), but the moderator's reply says to check it, before the reload's summary."""
    async with start_bot(mod_bot()) as bot:
        short = bot.knowledge.get("contribution-limits").short
        assert "$72,000 for 2026" in short
        reply = await edit_entry(fake_discord, "contribution-limits", {"short": short + " "})
        assert reply.startswith("Saved `contribution-limits`") and "check" not in reply
        typo = short.replace("$72,000 for 2026", "$73,000 for 2026")
        reply = await edit_entry(fake_discord, "contribution-limits", {"short": typo})
        assert reply.startswith(
            "Saved `contribution-limits`. Saved as written, but check these figures:\n"
            "- the short answer gives '$73,000 for 2026', but $73,000 is not one of 2026's "
            "limits in calculators/data/limits.yaml: if it is meant as a limit, check it "
            "against the IRS figure\nFAQ reloaded"
        )
        assert "1 changed" in reply
        assert bot.knowledge.get("contribution-limits").short == typo


async def test_edits_from_discord_keep_the_moderators_notes_in_the_file(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """Comments a moderator wrote in an entry's front matter, and the fields an edit left
    alone, are still in the file as written after an edit form and an added alias."""
    path = faq_copy / "notice-2014-54.md"
    notes = ("# Owner: Ana, checked against the notice in November", "# sources checked 2026-11")
    written = path.read_text().replace("---\n", f"---\n{notes[0]}\n", 1)
    written = written.replace("\nsources:\n", f"\n{notes[1]}\nsources:\n", 1)
    path.write_text(written)
    sources = written[written.index("sources:") : written.index("related:")]
    async with start_bot(mod_bot()) as bot:
        reply = await edit_entry(
            fake_discord, "notice-2014-54", {"title": "What does IRS Notice 2014-54 allow?"}
        )
        assert reply.startswith("Saved `notice-2014-54`")
        edited = path.read_text()
        assert all(note in edited.splitlines() for note in notes), edited
        assert sources in edited and "title: What does IRS Notice 2014-54 allow?" in edited
        alias = await admin(
            fake_discord, "alias", {"topic": "notice-2014-54", "phrase": "the notice on splits"}
        )
        assert "Saved" in content(alias) and "word for word" not in content(alias)
        lines = path.read_text().splitlines()
        assert all(note in lines for note in notes)
        assert lines.index("  - the notice on splits") < lines.index(notes[1])
        assert "the notice on splits" in bot.knowledge.get("notice-2014-54").aliases


async def test_an_alias_another_entry_still_answers_is_saved_with_a_word_on_it(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """An alias is evidence, not a rule: asked word for word, a phrasing the learned ranker
    gives to another entry still gets that one. The moderator was told "Saved" and found
    out from members; the reply says what the phrasing gets now, and what teaches more."""
    async with start_bot(mod_bot()) as bot:
        phrase = "what is the 415c limit for after-tax"
        said = content(
            await admin(fake_discord, "alias", {"topic": "notice-2014-54", "phrase": phrase})
        )
        assert said.startswith("Saved `notice-2014-54`"), said
        assert phrase in bot.knowledge.get("notice-2014-54").aliases
        title = bot.knowledge.get("contribution-limits").title
        assert f"Asked word for word, '{phrase}' still gets **{title}**" in said, said
        assert "/faq-admin review" in said
        assert bot.knowledge.ask(phrase).best.id == "contribution-limits"  # (as said)
        phrase = "the notice on splits"  # (an entry this reduced FAQ is unsure of)
        said = content(
            await admin(fake_discord, "alias", {"topic": "three-buckets", "phrase": phrase})
        )
        assert f"Asked word for word, '{phrase}' is not answered yet" in said, said
        assert not bot.knowledge.ask(phrase).answered


async def new_entry_from_review(fake_discord: FakeDiscord, asked: str) -> Any:
    """Ask a question the FAQ does not answer (queued for review), then open the new-entry
    form from its review item; the form's handle."""
    assert await ask_title(fake_discord, asked) is None  # unanswered: queued
    await fake_discord.settle()
    review = await review_message(fake_discord)
    new = _component(review, 2, "New entry")
    moderator = fake_discord.world.moderator
    opened = await fake_discord.click_button(review, new["custom_id"], user=moderator)
    assert (await opened.response())["type"] == 9
    return opened


async def submit_new_entry(
    fake_discord: FakeDiscord,
    opened: Any,
    title: str,
    moderator: Any,
    entry_id: str = "spillover-bucket",
) -> Any:
    """Fill the new-entry form with a valid test entry and submit it; its handle."""
    submit = await fake_discord.submit_modal(
        opened,
        {
            "id": entry_id,
            "title": title,
            "short": "A test entry written from the review queue.",
            "sources": "IRS retirement plans | https://www.irs.gov/retirement-plans",
            "body": "The full answer of a test entry.",
        },
        user=moderator,
    )
    await submit.response()
    return submit


async def save_new_entry(fake_discord: FakeDiscord, opened: Any, title: str, moderator: Any) -> str:
    """Fill the new-entry form with a valid test entry and see it saved."""
    submit = await submit_new_entry(fake_discord, opened, title, moderator)
    said = content(await submit.followup(0))
    assert said.startswith("Saved `spillover-bucket`")
    return said


async def test_a_form_submitted_after_a_restart_gives_back_what_was_typed(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The bot restarted (a deploy) while a moderator was writing: no open form takes the
    submit, so nothing is saved, and the moderator gets their text back instead of
    Discord's generic failure."""
    moderator = fake_discord.world.moderator
    original = (faq_copy / "notice-2014-54.md").read_text()
    form = await form_of_a_bot_since_restarted(fake_discord, mod_bot, start_bot)
    rewrite = "A careful rewrite of the short answer, ```quoted``` in places."
    async with start_bot(mod_bot()):
        submit = await fake_discord.submit_modal(form, {"short": rewrite}, user=moderator)
        body = await submit.response()
        said = body["data"]["content"]
        assert body["data"]["flags"] & 64, "private"
        assert "nothing was saved" in said and "bot restarted" in said
        # a code fence would close its code block early (or come back altered): the
        # input comes whole, as a file, as does the long full answer
        assert "```quoted```" not in said and "**short**: attached as `short.txt`" in said
        assert len(said) <= 2000
        files = submit.files
        assert files["short.txt"].decode() == rewrite
        assert files["body.txt"].decode() == form_value(form, "body")
        assert "body.txt" in said and "```" in said  # the short inputs, in code blocks
    assert (faq_copy / "notice-2014-54.md").read_text() == original


async def test_text_given_back_with_double_backticks_pastes_back_exactly_as_typed(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """Given back, what was typed is "exactly as typed" (README): Discord's double-backtick
    inline code (``code``) came back in a code block with a zero-width space put between
    the backticks, and pasted back and saved, the FAQ file held them."""
    moderator = fake_discord.world.moderator
    short = "Type ``/split basis:1000`` and pick ``earnings_to``; see the **steps**."
    form = await form_of_a_bot_since_restarted(fake_discord, mod_bot, start_bot)
    async with start_bot(mod_bot()):
        submit = await fake_discord.submit_modal(form, {"short": short}, user=moderator)
        said = (await submit.response())["data"]["content"]
        assert "**short**: attached as `short.txt`" in said and "\u200b" not in said
        assert submit.files["short.txt"].decode() == short


async def test_every_message_of_text_given_back_fits_discord(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """An input under TYPED_BLOCK_LIMIT went back in a code block measured before
    code_block lengthened it (a character per run of backticks): the message passed
    Discord's 2,000 characters, Discord refused it, and the text was lost after all."""
    from bot.cogs.faq_admin import TYPED_BLOCK_LIMIT

    moderator = fake_discord.world.moderator
    body = ("``x`` " * 300)[:TYPED_BLOCK_LIMIT]
    form = await form_of_a_bot_since_restarted(fake_discord, mod_bot, start_bot)
    async with start_bot(mod_bot()):
        submit = await fake_discord.submit_modal(form, {"body": body}, user=moderator)
        await submit.response()
        await fake_discord.idle(quiet=0.1)
        given_back = [submit.message, *submit.followup_messages]
        assert all(m is not None and len(m["content"]) <= 2000 for m in given_back)
        assert submit.files["body.txt"].decode() == body


async def test_invalid_modal_edit_is_refused_and_nothing_written(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    original = (faq_copy / "notice-2014-54.md").read_text()
    async with start_bot(mod_bot()) as bot:
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        submit = await fake_discord.submit_modal(handle, {"short": "too short"})
        await submit.response()
        reply = content(await submit.followup(0))
        assert "not valid, nothing was saved" in reply and "short" in reply
        assert (faq_copy / "notice-2014-54.md").read_text() == original
        assert bot.knowledge.get("notice-2014-54").short != "too short"


async def test_two_moderators_editing_at_once_get_a_conflict(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        first = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "three-buckets"}, user=world.moderator
        )
        second = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "three-buckets"}, user=world.owner
        )
        one, two = await asyncio.gather(
            fake_discord.submit_modal(first, {"title": "Three sources in a 401(k): edit one"}),
            fake_discord.submit_modal(second, {"title": "Three sources in a 401(k): edit two"}),
        )
        replies = sorted([content(await one.followup(0)), content(await two.followup(0))])
        saved = [r for r in replies if r.startswith("Saved")]
        conflicts = [r for r in replies if "changed by someone else" in r]
        assert len(saved) == 1 and len(conflicts) == 1
        on_disk = (faq_copy / "three-buckets.md").read_text()
        assert on_disk.count("Three sources in a 401(k): edit") == 1
        assert bot.knowledge.get("three-buckets").title in on_disk


async def test_an_edit_form_shows_the_file_as_it_is_now_not_as_loaded(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    # A pull (or another process's save) not reloaded yet: a form filled from the loaded
    # entry would put the older text back on save, and say "Saved".
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(mod_bot()) as bot:
        loaded = bot.knowledge.get("notice-2014-54").title
        path.write_text(path.read_text().replace(loaded, "Pulled title?", 1))
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        assert form_value((await handle.response())["data"], "title") == "Pulled title?"
        submit = await fake_discord.submit_modal(
            handle, {"short": "IRS Notice 2014-54 lets one distribution go to several places."}
        )
        await submit.response()
        assert content(await submit.followup(0)).startswith("Saved")
    on_disk = path.read_text()
    assert "Pulled title?" in on_disk and "lets one distribution go to several" in on_disk


@pytest.mark.parametrize("broken", ["unreadable", "too long"])
async def test_an_edit_form_is_refused_while_the_file_is_broken(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, broken: str
) -> None:
    """A file a pull broke is fixed in the file: a short answer over its limit would not
    fit the form's input, and Discord refuses the whole form."""
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(mod_bot()):
        text = path.read_text()
        if broken == "unreadable":
            text = text.replace("title:", "title: [unclosed", 1)
        else:
            text = text.replace("short: >-\n", "short: >-\n  " + "Too long. " * 45 + "\n", 1)
        path.write_text(text)
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        body = await handle.response()
        assert ephemeral(body) and "cannot be edited here until its file is fixed" in content(body)
        assert f"{path}:" in content(body)


async def test_new_entry_and_alias(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    async with start_bot(mod_bot()) as bot:
        handle = await fake_discord.send_slash_command(
            "faq-admin new", {}, user=fake_discord.world.moderator
        )
        submit = await fake_discord.submit_modal(
            handle,
            {
                "id": "true-up-contributions",
                "title": "What is a 401(k) true-up contribution?",
                "short": "A true-up is an employer deposit that makes up match missed when you "
                "hit the limit early in the year.",
                "sources": "IRS 401(k) resource guide | https://www.irs.gov/retirement-plans/401k-plans",
                "body": "Some plans match per paycheck; a true-up adds the missing match later.",
            },
        )
        await submit.response()
        assert "1 added (true-up-contributions)" in content(await submit.followup(0))
        assert (faq_copy / "true-up-contributions.md").exists()

        alias = await admin(
            fake_discord,
            "alias",
            {"topic": "true-up-contributions", "phrase": "employer match catch up payment"},
        )
        assert "Saved" in content(alias)
        assert (
            "employer match catch up payment" in bot.knowledge.get("true-up-contributions").aliases
        )

        duplicate = await admin(
            fake_discord,
            "alias",
            {"topic": "notice-2014-54", "phrase": "employer match catch up payment"},
        )
        assert "duplicate alias" in content(duplicate)


@pytest.mark.parametrize("topic", ["../../etc/passwd", "Notice 2099-99", "a/b"])
async def test_path_like_ids_are_refused(
    fake_discord: FakeDiscord, mod_bot, start_bot, topic: str
) -> None:
    async with start_bot(mod_bot()):
        for sub, options in (
            ("edit", {"topic": topic}),
            ("alias", {"topic": topic, "phrase": "x y z"}),
        ):
            body = await admin(fake_discord, sub, options)
            assert "not a valid entry id" in content(body)


async def test_a_topic_typed_without_picking_a_suggestion_names_its_entry(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """/faq-admin edit and alias took the topic as an id, exactly: a moderator who typed the
    id as it reads ("Notice 2014 54") or the entry's title and pressed Enter before picking
    a suggestion was told it was 'not a valid entry id', while /faq takes both."""
    async with start_bot(mod_bot()) as bot:
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "Notice 2014 54"}, user=fake_discord.world.moderator
        )
        body = await handle.response()
        assert body["type"] == 9, body  # the form
        assert body["data"]["title"] == "Edit notice-2014-54"
        reply = content(
            await admin(
                fake_discord,
                "alias",
                {"topic": "what is IRS notice 2014-54", "phrase": "the split notice"},
            )
        )
        assert reply.startswith("Saved `notice-2014-54`"), reply
        assert "the split notice" in bot.knowledge.get("notice-2014-54").aliases
        # a topic that names no entry is still refused, as before
        reply = content(await admin(fake_discord, "alias", {"topic": "zebra", "phrase": "x y z"}))
        assert "There is no entry 'zebra'" in reply


async def test_watcher_reloads_after_a_file_edit(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    faq_copy: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        path = faq_copy / "notice-2014-54.md"
        path.write_text(
            path.read_text().replace("What is IRS Notice 2014-54?", "Notice 2014-54 explained")
        )
        await wait_until(
            lambda: bot.knowledge.get("notice-2014-54").title == "Notice 2014-54 explained",
            timeout=10,
        )
        # an example question added to its file is learned too
        taught = "what is a spillover bucket and can it go into my roth?"
        assert not bot.knowledge.ask(taught).answered
        with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
            f.write(f'- text: "{taught}"\n- text: "can my spillover bucket go to roth"\n')
        await wait_until(lambda: bot.knowledge.ask(taught).answered, timeout=10)
        assert bot.knowledge.ask(taught).best.id == "mega-backdoor-overview"
        # and a broken edit on disk leaves the working FAQ in place
        with caplog.at_level(logging.WARNING):
            path.write_text("---\nid: [\n---\n")
            await wait_until(
                lambda: any("still using the previous FAQ" in r.message for r in caplog.records),
                timeout=10,
            )
        assert bot.knowledge.get("notice-2014-54").title == "Notice 2014-54 explained"


async def test_an_edit_from_discord_says_what_it_changed_when_the_watcher_reloaded_first(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """With the folder watched (the default) the watcher sees the saved file too, and
    while the edit was being posted to the mod log it had reloaded it already: the save's
    own reload found nothing new, and the moderator read "0 changed" after their edit."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    bot = make_bot(
        knowledge=KnowledgeBase.load(faq_copy), faq_watch=True, mod_log_channel_id=log_id
    )
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        fake_discord.rest.latency = 0.3  # (Discord's pace: the mod log post takes a moment)
        reply = await edit_entry(
            fake_discord, "notice-2014-54", {"title": "What does IRS Notice 2014-54 allow?"}
        )
        assert reply.startswith("Saved `notice-2014-54`"), reply
        assert "1 changed (notice-2014-54)" in reply, reply
        assert bot.knowledge.get("notice-2014-54").title == "What does IRS Notice 2014-54 allow?"


async def test_a_reload_after_the_watcher_took_an_edit_says_nothing_is_new_and_why(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A moderator saves a file and runs /faq-admin reload, as the habit is: the watcher
    had loaded the file a moment before, and the reply read "FAQ reloaded: 0 added, 0
    changed, 0 removed.", as if the edit had not been taken."""
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 10)
        assert content(await admin(fake_discord, "reload")) == (
            "FAQ reloaded: nothing new since the last load. The folder is watched, so saved "
            "files load by themselves: an edit saved before this is in already."
        )
    # (unwatched, nothing new is all there is to say)
    async with start_bot(make_bot(knowledge=KnowledgeBase.load(faq_copy))):
        reply = content(await admin(fake_discord, "reload"))
        assert reply == "FAQ reloaded: nothing new since the last load."


async def test_an_edit_saved_while_the_bot_was_starting_is_loaded(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """The FAQ is loaded before the bot connects (it may wait minutes for Discord): an edit
    saved in between, before the watcher began, is loaded once it does, not only after
    the next change."""
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    path = faq_copy / "notice-2014-54.md"  # (a `git pull` while the bot waits, say)
    path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited at start"))
    async with start_bot(bot):
        await wait_until(
            lambda: bot.knowledge.get("notice-2014-54").title == "Edited at start", timeout=10
        )


async def test_watcher_follows_a_current_link_swapped_to_another_release(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A deploy points "current" at a new release folder: the watcher watched the folder
    the link led to at start, so edits after the swap were never seen."""
    releases = faq_copy.parent / "releases"
    releases.mkdir()
    for name in ("v1", "v2"):
        shutil.copytree(faq_copy, releases / name)
    current = faq_copy.parent / "current"
    current.symlink_to(releases / "v1")
    bot = make_bot(knowledge=KnowledgeBase.load(current), faq_watch=True)

    def title() -> str:
        return bot.knowledge.get("notice-2014-54").title

    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        swapped = faq_copy.parent / "current.new"
        swapped.symlink_to(releases / "v2")
        swapped.replace(current)  # atomically, as a deploy does
        path = current / "notice-2014-54.md"
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "v2 edit"))
        await wait_until(lambda: title() == "v2 edit", timeout=15)
        path.write_text(path.read_text().replace("v2 edit", "v2 second edit"))
        await wait_until(lambda: title() == "v2 second edit", timeout=15)


async def test_watcher_waits_for_a_release_the_link_points_at_before_it_exists(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A link swapped to a folder not there yet made watching raise and stop for good."""
    releases = faq_copy.parent / "releases"
    shutil.copytree(faq_copy, releases / "v1")
    current = faq_copy.parent / "current"
    current.symlink_to(releases / "v1")
    bot = make_bot(knowledge=KnowledgeBase.load(current), faq_watch=True)
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        swapped = faq_copy.parent / "current.new"
        swapped.symlink_to(releases / "v2")
        swapped.replace(current)
        await asyncio.sleep(2.5)  # a check finds the path leading nowhere
        staged = faq_copy.parent / "v2.staged"
        shutil.copytree(faq_copy, staged)
        path = staged / "notice-2014-54.md"
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "v2 release"))
        os.rename(staged, releases / "v2")
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "v2 release", 15)
        path = current / "notice-2014-54.md"
        path.write_text(path.read_text().replace("v2 release", "v2 edit"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "v2 edit", 15)


@pytest.mark.parametrize("polling", [False, True], ids=["inotify", "polling"])
async def test_watcher_follows_a_folder_swapped_by_renaming(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    faq_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    polling: bool,
) -> None:
    """'mv faq faq.old; mv faq.new faq' leaves the path as it was: the watcher compares
    the folder the path leads to, not the path. (inotify also says the watched folder
    went; polling, as on a network drive with WATCHFILES_FORCE_POLLING, does not.)"""
    if polling:
        monkeypatch.setenv("WATCHFILES_FORCE_POLLING", "1")
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    fresh = faq_copy.parent / "faq.new"
    shutil.copytree(faq_copy, fresh)
    path = fresh / "notice-2014-54.md"
    path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "renamed in"))
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        os.rename(faq_copy, faq_copy.parent / "faq.old")
        os.rename(fresh, faq_copy)
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "renamed in", 15)
        path = faq_copy / "notice-2014-54.md"
        path.write_text(path.read_text().replace("renamed in", "edited after"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "edited after", 15)


async def test_watcher_follows_a_folder_deleted_and_made_again(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    faq_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'rm -rf faq; cp -r faq.bak faq' (or a checkout that recreates it): on ext4 the new
    folder often gets the inode number the old one freed, so the path seemed to lead to
    the folder being watched, and the watcher kept watching the one deleted: no edit was
    loaded again until a restart or /faq-admin reload. (Made certain here: the inode
    number the path leads to is reported as it was, as ext4 does when it reuses it.)"""
    from bot.cogs import faq_watch

    first = faq_watch._identity(faq_copy)
    real_identity = faq_watch._identity
    monkeypatch.setattr(
        faq_watch, "_identity", lambda folder: first if folder.exists() else real_identity(folder)
    )
    backup = faq_copy.parent / "faq.bak"
    shutil.copytree(faq_copy, backup)
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        shutil.rmtree(faq_copy)
        shutil.copytree(backup, faq_copy)
        await asyncio.sleep(3)  # (the deletion seen, the new folder watched)
        path = faq_copy / "notice-2014-54.md"
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "made again"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "made again", 15)


async def test_watcher_loads_a_release_it_could_not_read_at_first_once_it_can(
    fake_discord: FakeDiscord, faq_copy: Path
) -> None:
    """A deploy swaps the 'current' link to a release copied with mode 700 and opens it up
    a moment later: watching a folder its user may not read raised PermissionError, and
    the watcher stopped for good (one line in the log): the release, and every edit after,
    went unloaded until a restart. `rollover-bot run` itself, as a user other than root
    (root reads every folder), against the fake Discord."""
    import tempfile

    from tests.processes import as_another_user
    from tests.test_processes_e2e import bot_process, sqlite_env

    fake, world = fake_discord, fake_discord.world
    # (Not under pytest's tmp_path: its folder is closed to other users.)
    deploy = Path(tempfile.mkdtemp(prefix="rollover-deploy-"))
    try:
        os.chmod(deploy, 0o755)
        for name in ("v1", "v2"):
            shutil.copytree(faq_copy, deploy / name)
        path = deploy / "v2" / "notice-2014-54.md"
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "v2 title"))
        current = deploy / "current"
        current.symlink_to(deploy / "v1")
        data = deploy / "data"
        data.mkdir(mode=0o777)
        os.chmod(data, 0o777)
        log_channel = int(world.text_channel["id"])
        env = sqlite_env(
            fake,
            data,
            HOME=str(data),
            ROLLOVER_CACHE_DIR="off",
            ROLLOVER_FAQ_DIR=str(current),
            ROLLOVER_FAQ_WATCH="true",
            ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID=str(log_channel),
        )
        log = data / "bot-process.log"

        def said() -> str:
            return "\n".join(m["content"] for m in world.messages_in(log_channel))

        async with bot_process(fake, env, log, wrap=as_another_user) as proc:

            def watching() -> bool:
                assert proc.returncode is None, log.read_text()
                return "watching " in log.read_text()

            await wait_until(watching, timeout=60)
            os.chmod(deploy / "v2", 0o700)  # (root's: closed to the bot's user)
            swapped = deploy / "current.new"
            swapped.symlink_to(deploy / "v2")
            swapped.replace(current)
            await asyncio.sleep(3)  # (the path checked every 2 s: the swap is seen)
            os.chmod(deploy / "v2", 0o755)
            await wait_until(lambda: "1 changed (notice-2014-54)" in said(), timeout=20)
            assert "Permission denied" in said()  # (the refused reload, said first)
            # and it goes on watching: an edit after is loaded too
            path.write_text(path.read_text().replace("v2 title", "v2 edit"))
            await wait_until(lambda: said().count("1 changed (notice-2014-54)") == 2, 20)
    finally:
        shutil.rmtree(deploy, ignore_errors=True)


async def test_a_reload_while_a_git_pull_writes_the_files_loads_them_as_pulled(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reload read the entries, then the examples: a `git pull` (or an editor writing in
    place) landing in between gave a FAQ no commit holds, old entries with new examples.
    Valid, it was served; here (a new entry and its examples pulled) it was refused, the
    moderators told of an examples file naming an entry that does not exist."""
    from knowledge import base

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    read = base.read_examples
    pulls = iter([faq_copy])

    def pulled_meanwhile(*args: Any, **kwargs: Any) -> Any:
        if (folder := next(pulls, None)) is not None:  # (the entries are read: the pull lands)
            write_entry(folder, "spillover-bucket")
            (folder / EXAMPLES_DIR / "spillover-bucket.yaml").write_text(
                "- text: where does my spillover bucket money go\n"
            )
        return read(*args, **kwargs)

    async with start_bot(mod_bot(mod_log_channel_id=log_id)) as bot:
        monkeypatch.setattr(base, "read_examples", pulled_meanwhile)
        reply = content(await admin(fake_discord, "reload"))
        assert "1 added (spillover-bucket)" in reply, reply
        assert bot.knowledge.get("spillover-bucket") is not None
        await fake_discord.idle(quiet=0.3)
    logged = "\n".join(m["content"] for m in world.messages_in(log_id))
    assert "refused" not in logged, logged


async def test_watcher_reloads_when_the_examples_folder_is_swapped_by_renaming(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A new examples folder renamed into place (a deploy, a moderator's `mv`) changes no
    file the watcher was told of, only the folder's name: the bot kept the examples it
    had, and learned nothing of the new ones, until some other file changed."""
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    taught = "what is a spillover bucket and can it go into my roth?"
    new = faq_copy / "examples.new"
    shutil.copytree(faq_copy / EXAMPLES_DIR, new)
    with (new / "mega-backdoor-overview.yaml").open("a") as f:
        f.write(f'- text: "{taught}"\n- text: "can my spillover bucket go to roth"\n')
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # (an edit it takes first: it is watching, past its first look at the folder)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        assert not bot.knowledge.ask(taught).answered
        (faq_copy / EXAMPLES_DIR).rename(faq_copy / "examples.old")
        new.rename(faq_copy / EXAMPLES_DIR)
        await wait_until(lambda: bot.knowledge.ask(taught).answered, timeout=15)
        assert bot.knowledge.ask(taught).best.id == "mega-backdoor-overview"


async def test_watcher_reloads_an_examples_file_kept_elsewhere_and_edited_there(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path, tmp_path: Path
) -> None:
    """An examples file may be a link to one kept elsewhere (a shared off-topic list): an
    edit made there, through the link or to the file itself, changes nothing in the folder
    inotify watches, and the bot never learned it. Linked files are compared by size and
    time as well."""
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    kept = tmp_path / "kept-elsewhere" / "mega-backdoor-overview.yaml"
    kept.parent.mkdir()
    linked = faq_copy / EXAMPLES_DIR / "mega-backdoor-overview.yaml"
    shutil.move(linked, kept)
    linked.symlink_to(kept)
    taught = "what is a spillover bucket and can it go into my roth?"
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # (an edit it takes first: it is watching, past its first look at the folder)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        assert not bot.knowledge.ask(taught).answered
        with kept.open("a") as f:
            f.write(f'- text: "{taught}"\n- text: "can my spillover bucket go to roth"\n')
        await wait_until(lambda: bot.knowledge.ask(taught).answered, timeout=15)
        assert bot.knowledge.ask(taught).best.id == "mega-backdoor-overview"
        assert linked.is_symlink()


async def test_watcher_follows_an_examples_link_swapped_to_another_folder(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """'examples' a link to a folder kept elsewhere, swapped to another (a deploy): the
    watcher went on watching the folder the link led to at start, so edits to the
    examples after the swap were never loaded (and edits to the old ones were)."""
    kept = faq_copy.parent / "examples-v1"
    shutil.move(faq_copy / EXAMPLES_DIR, kept)
    shutil.copytree(kept, faq_copy.parent / "examples-v2")
    (faq_copy / EXAMPLES_DIR).symlink_to(kept)
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    first = "what is a spillover bucket and can it go into my roth?"
    second = "what is the overflow sweep and does it reach my roth?"
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # (an edit it takes first: it is watching, past its first look at the folder)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        swapped = faq_copy / "examples.new"
        swapped.symlink_to(faq_copy.parent / "examples-v2")
        swapped.replace(faq_copy / EXAMPLES_DIR)  # atomically, as a deploy does
        with (faq_copy / EXAMPLES_DIR / "mega-backdoor-overview.yaml").open("a") as f:
            f.write(f'- text: "{first}"\n- text: "can my spillover bucket go to roth"\n')
        await wait_until(lambda: bot.knowledge.ask(first).answered, timeout=15)
        assert not bot.knowledge.ask(second).answered
        with (faq_copy / EXAMPLES_DIR / "mega-backdoor-overview.yaml").open("a") as f:
            f.write(f'- text: "{second}"\n- text: "does the overflow sweep reach roth"\n')
        await wait_until(lambda: bot.knowledge.ask(second).answered, timeout=15)


async def test_watcher_keeps_watching_after_a_date_that_does_not_exist_and_a_failed_reload(
    fake_discord: FakeDiscord,
    make_bot,
    start_bot,
    faq_copy: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bot = make_bot(knowledge=KnowledgeBase.load(faq_copy), faq_watch=True)
    path = faq_copy / "notice-2014-54.md"
    text = path.read_text()
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # a typo'd date (PyYAML lets datetime's error out) is a problem like any other
        with caplog.at_level(logging.WARNING):
            path.write_text(re.sub(r"(?m)^updated: .*$", "updated: 2026-02-30", text))
            await wait_until(
                lambda: any("2026-02-30 is not a real date" in r.message for r in caplog.records),
                timeout=10,
            )
        # a reload that fails outright (any fault) does not stop the watching either
        real = bot.reload_faq
        failures: list[str] = []

        async def fails_once(*args: Any, **kwargs: Any) -> Any:
            if not failures:
                failures.append("once")
                raise RuntimeError("a fault in one reload")
            return await real(*args, **kwargs)

        monkeypatch.setattr(bot, "reload_faq", fails_once)
        path.write_text(text.replace("What is IRS Notice 2014-54?", "Notice 2014-54 once"))
        await wait_until(lambda: failures == ["once"], timeout=10)
        path.write_text(text.replace("What is IRS Notice 2014-54?", "Notice 2014-54 explained"))
        await wait_until(
            lambda: bot.knowledge.get("notice-2014-54").title == "Notice 2014-54 explained",
            timeout=10,
        )


def watching_with_a_log(
    fake_discord: FakeDiscord, make_bot: Callable[..., Any], faq_copy: Path
) -> tuple[Any, Callable[[], str]]:
    """A bot watching ``faq_copy`` with a moderator log channel, and that log's text so far."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> str:
        return "\n".join(m["content"] for m in world.messages_in(log_id))

    bot = make_bot(
        knowledge=KnowledgeBase.load(faq_copy), faq_watch=True, mod_log_channel_id=log_id
    )
    return bot, logged


async def test_watcher_tells_of_an_entry_saved_under_a_name_no_load_reads(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A new entry saved as 'new-entry.MD' (or '.markdown', 'x.md.txt', an examples file
    as '.yml') is not read, and `faq validate` says so in a notice that the moderator
    log repeats when a reload brings it; but the watcher reloaded only on '.md' and
    examples '.yaml' files, so that save brought no reload and the moderator heard
    nothing: the entry just never appeared."""
    bot, logged = watching_with_a_log(fake_discord, make_bot, faq_copy)
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        write_entry(faq_copy, "new-entry", name="new-entry.MD")
        await wait_until(lambda: "new-entry.MD" in logged(), timeout=10)
        assert "**New notices**" in logged()
        assert "not read: entry files end in '.md' (this one: '.MD')" in logged()
        examples = faq_copy / EXAMPLES_DIR
        (examples / "notice-2014-54.yaml").rename(examples / "notice-2014-54.yml")
        await wait_until(lambda: "notice-2014-54.yml" in logged(), timeout=10)
        assert "examples files end in '.yaml' (this one: '.yml')" in logged()
        # renamed as it should be: loaded
        (faq_copy / "new-entry.MD").rename(faq_copy / "new-entry.md")
        await wait_until(lambda: bot.knowledge.get("new-entry") is not None, timeout=10)


async def test_watcher_tells_of_an_examples_file_saved_in_a_folder_inside_examples(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """An examples file saved in a folder inside 'examples' ('examples/drafts/x.yaml') is
    not read, and `faq validate` says so; but the watcher took no change there for one,
    so the moderator log never said it, and the questions were just never learned."""
    bot, logged = watching_with_a_log(fake_discord, make_bot, faq_copy)
    path = faq_copy / "notice-2014-54.md"
    drafts = faq_copy / EXAMPLES_DIR / "drafts"
    drafts.mkdir()
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # (an edit it takes first: it is watching, past its first look at the folder)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        (drafts / "notice-2014-54.yaml").write_text("- text: what did the 2014 notice change\n")
        await wait_until(lambda: "drafts/notice-2014-54.yaml" in logged(), timeout=15)
        assert "not read: examples files go directly in 'examples'" in logged()


@pytest.mark.parametrize("how", ["moved-in", "copied-in"])
async def test_watcher_tells_of_a_folder_of_examples_put_inside_examples(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path, how: str
) -> None:
    """A folder of examples files moved into 'examples' while the bot runs ('mv drafts
    faq/examples/', as a moderator tidies drafts in): its files bring no change of their
    own, and the watcher took none for the folder, so the moderator log never said they
    are not read (as it says of one saved in such a folder, or copied in, file by file)
    until some other file changed. The folder's arrival brings the reload."""
    bot, logged = watching_with_a_log(fake_discord, make_bot, faq_copy)
    path = faq_copy / "notice-2014-54.md"
    drafts = faq_copy.parent / "drafts"
    drafts.mkdir()
    (drafts / "notice-2014-54.yaml").write_text("- text: what did the 2014 notice change\n")
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        # (an edit it takes first: it is watching, past its first look at the folder)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        if how == "moved-in":
            drafts.rename(faq_copy / EXAMPLES_DIR / "drafts")
        else:  # (the control: made there, its file written after, as cp -r does)
            shutil.copytree(drafts, faq_copy / EXAMPLES_DIR / "drafts")
        await wait_until(lambda: "drafts/notice-2014-54.yaml" in logged(), timeout=15)
        assert "not read: examples files go directly in 'examples'" in logged()


async def test_a_refused_reload_names_an_entry_renamed_to_a_name_no_load_reads(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """An entry renamed 'three-buckets.MD' is not read, so the entries and examples that
    name it fail ("related id 'three-buckets' does not exist", in one file after another):
    the refusal, in the reply and the moderator log, listed only those, and never the
    file renamed nor what to do, which `faq validate` gives as a notice. It comes first."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    unread = "three-buckets.MD:1: notice: not read: entry files end in '.md' (this one: '.MD')"
    async with start_bot(mod_bot(mod_log_channel_id=log_id)) as bot:
        (faq_copy / "three-buckets.md").rename(faq_copy / "three-buckets.MD")
        reply = content(await admin(fake_discord, "reload"))
        # (the count is of the problems: the notice is none)
        assert re.match(r"FAQ \*\*not\*\* reloaded: \d+ problems\.", reply), reply
        block = reply.split("```")[1].strip().splitlines()
        assert block[0] == f"{faq_copy}/{unread}", reply
        assert "related id 'three-buckets' does not exist" in reply
        await fake_discord.idle(quiet=0.2)
        [logged] = [m["content"] for m in world.messages_in(log_id)]
        assert (
            logged.startswith("**FAQ reload refused**") and f"```\n{faq_copy}/{unread}\n" in logged
        )
        assert bot.knowledge.get("three-buckets") is not None  # still answering


async def test_a_file_name_that_is_not_utf8_reads_as_a_replacement_in_the_mod_log(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A file in the FAQ folder whose name is not UTF-8 (copied from a Latin-1 system:
    "café.md" as bytes) is a notice in the moderator log. Its byte went to Discord as a
    lone surrogate ("\\udce9"), which is no Unicode text: shown as an escape at best, and
    a send discord.py's faster JSON library (orjson) refuses outright. It reads as U+FFFD,
    as on the command line, and the post says why."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    async with start_bot(mod_bot(mod_log_channel_id=log_id)):
        (faq_copy / os.fsdecode(b"caf\xe9.md")).write_text("x", encoding="utf-8")
        assert content(await admin(fake_discord, "reload")).startswith("FAQ reloaded")
        await fake_discord.idle(quiet=0.2)
        [logged] = [m["content"] for m in world.messages_in(log_id)]  # (the notice)
    assert f"{faq_copy}/caf\ufffd.md:1: not an FAQ entry" in logged, logged
    assert not re.search("[\ud800-\udfff]", logged)
    assert "\ufffd stands for bytes that are not UTF-8" in logged


async def test_a_file_name_that_is_not_utf8_reads_as_a_replacement_in_moderators_replies(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path, caplog
) -> None:
    """A file whose name is not UTF-8 (copied from a Latin-1 system), or a FAQ folder so
    named: /faq-admin validate's notices, and a refused reload's problems, named it with
    its byte as a lone surrogate, which is no Unicode text (an escape at best in Discord,
    and a send orjson refuses). It reads as U+FFFD, with why, as in the moderator log; the
    bot's own log line says it as U+FFFD too (not "\\udce9")."""
    folder = faq_copy.with_name(os.fsdecode(b"faq-\xe9"))
    os.replace(faq_copy, folder)
    (folder / os.fsdecode(b"caf\xe9.md")).write_text("x", encoding="utf-8")
    async with start_bot(make_bot(knowledge=KnowledgeBase.load(folder), faq_watch=False)):
        said = content(await admin(fake_discord, "validate"))
        assert "`caf\ufffd.md`:1: not an FAQ entry" in said, said
        (folder / "three-buckets.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
        refused = content(await admin(fake_discord, "reload"))
        assert refused.startswith("FAQ **not** reloaded"), refused
        assert "faq-\ufffd/three-buckets.md" in refused, refused
        for text in (said, refused):
            assert not re.search("[\ud800-\udfff]", text)
            assert "\ufffd stands for bytes that are not UTF-8" in text
    [logged] = [r.getMessage() for r in caplog.records if "reload refused" in r.getMessage()]
    assert "faq-\ufffd/three-buckets.md" in logged, logged


async def test_gaps_and_stats_reflect_what_came_through_the_gateway(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path
) -> None:
    from bot.storage import SqliteStore

    world = fake_discord.world
    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store)) as bot:
        for question in (
            "is my hsa deductible",
            "is my HSA deductible?",
            "tax question about my ira",
            "see <#1234> at <t:0:R> about my car loan",  # echoed: must not render as links
        ):
            await (await fake_discord.send_slash_command("ask", {"question": question})).response()
        answered = await fake_discord.send_slash_command("ask", {"question": QUESTION})
        await answered.response()
        entry = "split-earnings-to-traditional-ira"
        for user, vote in ((world.asker, "down"), (world.owner, "down"), (world.newcomer, "up")):
            click = await fake_discord.click_button(answered, f"rb:vote:{entry}:{vote}", user=user)
            await click.response()

        # votes are recorded just after their reply: wait until all three are stored
        for _ in range(100):
            if sum(r.helpful + r.not_helpful for r in await store.stats()) == 3:
                break
            await asyncio.sleep(0.02)
        gaps = await admin(fake_discord, "gaps", {"days": 7})
        text = gaps.get("data", gaps)["embeds"][0]["description"]
        assert "**2×**" in text and "hsa" in text.lower()
        assert "\\<#1234> at \\<t:0:R>" in text
        stats = await admin(fake_discord, "stats")
        lines = stats["embeds"][0]["description"].splitlines()
        title = bot.knowledge.titles[entry]
        [at] = [n for n, line in enumerate(lines) if title[:60] in line]  # titles, not ids
        assert "served 1" in lines[at + 1] and "👍 1 👎 2" in lines[at + 1]
        assert "rating 43%" in lines[at + 1]  # (1 + 2) / (3 + 4)
        assert not any(f"`{entry}`" in line for line in lines)
    # the same reports from the command line, straight from the database file
    from bot.cli import main

    args = ["faq", "gaps", "--db", str(tmp_path / "bot.db"), "--json"]
    assert await asyncio.to_thread(main, args) == 0


async def test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, faq_copy: Path, capsys
) -> None:
    """README's workflow: read the gaps, fix one with /faq-admin alias. Discord's gaps and
    review then leave the question out (the FAQ answers it), but `rollover-bot faq gaps`
    (which Discord's own "…and N more" points to) and `faq review` still listed it, top of
    the list. --limit counts what is left, as Discord's does: cut first, then filtered, a
    report of fixed questions said nothing was left while one still waited."""
    import json

    from bot.cli import main
    from bot.storage import SqliteStore

    asked, waiting = "explain it like I am five", "what is a zebra fund"
    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store)):
        for question in (asked, asked, waiting):
            assert await ask_title(fake_discord, question) is None
        await fake_discord.settle()
        said = await admin(
            fake_discord, "alias", {"topic": "mega-backdoor-overview", "phrase": asked}
        )
        assert content(said).startswith("Saved")
        assert await ask_title(fake_discord, asked) is not None
        gaps = await admin(fake_discord, "gaps")
        text = gaps["embeds"][0]["description"]
        assert waiting in text and asked not in text
    capsys.readouterr()
    db = ["--db", str(tmp_path / "bot.db"), "--faq-dir", str(faq_copy), "--json"]
    assert await asyncio.to_thread(main, ["faq", "gaps", *db, "--limit", "1"]) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert [g["example"] for g in groups] == [waiting]
    assert await asyncio.to_thread(main, ["faq", "review", *db, "--limit", "1"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert [i["example"] for i in items] == [waiting]
    # The text says where to add the question: the folder read, not the shipped one.
    assert await asyncio.to_thread(main, ["faq", "review", *db[:-1]]) == 0
    assert f"add the question to {faq_copy / 'examples'}/<entry>.yaml" in capsys.readouterr().out
    # positive control: the FAQ as shipped has no such alias, and lists the question
    shipped = ["faq", "gaps", "--db", str(tmp_path / "bot.db"), "--json"]
    assert await asyncio.to_thread(main, shipped) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert [g["example"] for g in groups] == [asked, waiting]


async def queued_on_postgres(fake: FakeDiscord, bot: Any, asked: str) -> None:
    """``asked`` goes unanswered and into the review queue. On PostgreSQL it is recorded just
    after the reply, and settle() cannot wait for that: it waits on the database's listener,
    which never ends."""
    assert await ask_title(fake, asked) is None  # queued
    for _ in range(100):
        if await bot.store.review_queue():
            return
        await asyncio.sleep(0.02)


def server_stops_at(
    monkeypatch: pytest.MonkeyPatch, store: Any, method: str, server: Any
) -> contextlib.ExitStack:
    """A stack that, once ``store.<method>`` is called, stops the PostgreSQL ``server``
    before the call goes on (the server starts again when the stack closes)."""
    from tests.postgres_server import server_stopped

    down = contextlib.ExitStack()
    original = getattr(store, method)

    async def stopped_first(*args: Any, **kwargs: Any) -> Any:
        down.enter_context(server_stopped(server))
        return await original(*args, **kwargs)

    monkeypatch.setattr(store, method, stopped_first)
    return down


async def review_message(fake: FakeDiscord) -> dict[str, Any]:
    """The review queue's message, as the moderator sees it (a deferred followup)."""
    handle = await fake.send_slash_command("faq-admin review", {}, user=fake.world.moderator)
    await handle.response()
    await handle.followup(0)
    return handle.followup_messages[0]


async def reviewed_on_postgres(fake: FakeDiscord, bot: Any, asked: str) -> dict[str, Any]:
    """``asked`` queued (queued_on_postgres), and the review showing it, its view stored so
    that clicks on it are routed."""
    await queued_on_postgres(fake, bot, asked)
    shown = await review_message(fake)
    await fake.settle()
    return shown


async def picked_as_the_server_stops(
    fake: FakeDiscord, shown: dict[str, Any], down: contextlib.ExitStack
) -> dict[str, Any]:
    """The review's item ``shown`` filed as an example of mega-backdoor-overview, the
    PostgreSQL server stopping as ``down`` (server_stops_at) says: the page as the pick
    left it."""
    with down:
        pick = _component(shown, 3)["custom_id"]
        chosen = await fake.select(
            shown, pick, ["mega-backdoor-overview"], user=fake.world.moderator, settle=False
        )
        await chosen.response()
        return await chosen.edit(0)


def _component(message: dict[str, Any], kind: int, label: str | None = None) -> dict[str, Any]:
    for row in message["components"]:
        for c in row["components"]:
            if c["type"] == kind and (label is None or c.get("label") == label):
                return c
    raise AssertionError(f"no component {kind} {label!r} in {message['components']}")


async def test_a_miss_flows_through_review_into_the_examples_and_answers_next_time(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        # positive control: the bot does answer a question it knows
        assert await ask_title(fake_discord, QUESTION) is not None
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        review = await review_message(fake_discord)
        embed = review["embeds"][0]
        assert "1 of 1" in embed["title"] and embed["description"] == asked
        assert "Did not answer" in embed["fields"][0]["value"]
        assert "`" not in embed["fields"][0]["value"]  # titles, not ids
        # a member cannot act on it
        pick = _component(review, 3)
        refused = await fake_discord.select(
            review, pick["custom_id"], ["mega-backdoor-overview"], user=world.newcomer
        )
        assert "Only moderators" in content(await refused.response())
        # the moderator says which entry answers it
        chosen = await fake_discord.select(
            review, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await chosen.response()
        await fake_discord.settle()
        written = (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
        assert f"- text: {asked}" in written
        assert await bot.store.review_queue() == []
        # the reload learned it: the same question is now answered with that entry
        title = await ask_title(fake_discord, asked)
        assert title == bot.knowledge.titles["mega-backdoor-overview"]


async def test_a_stop_while_a_review_decision_reloads_lets_the_moderator_be_told(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A moderator picked the entry answering a queued question just before a stop (a
    deploy), the reload after writing the example taking its seconds: the stop did not
    wait for it, as it does for /ask, and closed Discord under it, so the review page
    never said the example was added, and the log had an ERROR. The stop lets it finish:
    the page says so."""

    asked = "is moving the spillover bucket into roth allowed"
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        review = await review_message(fake_discord)
        loading, loaded = held_loads(monkeypatch)
        chosen = await fake_discord.select(
            review,
            _component(review, 3)["custom_id"],
            ["mega-backdoor-overview"],
            user=fake_discord.world.moderator,
        )
        await chosen.response()
        await asyncio.wait_for(loading.wait(), 5)
        await stop_while_held(bot, caplog, loaded.set)  # the stop
        said = content(await chosen.edit(0))
    assert said.startswith("Added"), said
    written = (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
    assert f"- text: {asked}" in written
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_decision_written_but_not_recorded_says_what_was_written(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, tmp_path: Path
) -> None:
    """The question was written to the entry's examples and the FAQ reloaded, then the
    database refused to record the decision (locked by another program past its timeout,
    a full disk): the moderator was told only "something went wrong ... try again later",
    with the example in effect (the question answered since). The review now says what was
    written, and to decide it the same way again if it is still listed (which records it,
    the example found written)."""

    from bot.storage import SqliteStore

    asked = "is moving the spillover bucket into roth allowed"
    path = tmp_path / "rollover-bot.db"
    async with start_bot(mod_bot(store=SqliteStore(path))) as bot:
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        review = await review_message(fake_discord)
        await execute_beside(  # (real SQLite refusing writes)
            path,
            "CREATE TRIGGER refuse BEFORE INSERT ON reviewed"
            " BEGIN SELECT RAISE(ABORT, 'database is locked'); END",
        )
        pick = _component(review, 3)["custom_id"]
        chosen = await fake_discord.select(
            review, pick, ["mega-backdoor-overview"], user=fake_discord.world.moderator
        )
        await chosen.response()
        said = await chosen.edit(0)
        await fake_discord.settle()
        title = bot.knowledge.titles["mega-backdoor-overview"]
        assert content(said).startswith(f"Added as an example of **{title}**, but"), content(said)
        assert "could not record" in content(said) and "same way again" in content(said)
        examples = faq_copy / "examples" / "mega-backdoor-overview.yaml"
        assert f"- text: {asked}" in examples.read_text()
        # the example is in effect: the question is answered, and the review lists it no more
        assert await ask_title(fake_discord, asked) == title
        await execute_beside(path, "DROP TRIGGER refuse")
        assert (await review_message(fake_discord))["embeds"][0]["description"] == (
            "Nothing to review."
        )


async def test_a_new_entrys_question_taught_but_not_recorded_is_not_sent_to_a_queue_hiding_it(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, tmp_path: Path
) -> None:
    """A new entry saved from a review item, its question written as the entry's example,
    then the database refusing to record that: the moderator read "in the queue, pick
    `spillover-bucket` for it", but the queue no longer lists a question filed as an
    example ("Nothing to review."), so there was nothing to pick. They read that the
    question is its example and has left the queue, nothing more to do."""
    from bot.storage import SqliteStore

    asked = "is moving the spillover bucket into roth allowed"
    path = tmp_path / "rollover-bot.db"
    moderator = fake_discord.world.moderator
    async with start_bot(mod_bot(store=SqliteStore(path))):
        opened = await new_entry_from_review(fake_discord, asked)
        await execute_beside(  # (real SQLite refusing writes)
            path,
            "CREATE TRIGGER refuse BEFORE INSERT ON reviewed"
            " BEGIN SELECT RAISE(ABORT, 'database is locked'); END",
        )
        submit = await submit_new_entry(fake_discord, opened, "Spillover buckets", moderator)
        said = content(await submit.followup(0))
        await fake_discord.settle()
        assert said.startswith("Saved `spillover-bucket`"), said
        examples = faq_copy / "examples" / "spillover-bucket.yaml"
        assert f"- text: {asked}" in examples.read_text()  # (taught: the example is written)
        assert said.endswith(
            "\nThe question it came from was added as its example, but the review queue "
            "could not record that (the error is logged); it lists the question no more "
            "(filed as an example), so nothing is left to do there."
        ), said
        await execute_beside(path, "DROP TRIGGER refuse")
        shown = (await review_message(fake_discord))["embeds"][0]["description"]
        assert shown == "Nothing to review.", shown


async def test_a_new_entrys_question_filed_elsewhere_meanwhile_is_not_sent_to_the_queue(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A new entry saved from a review item whose question was filed in the examples by
    hand while the form was open (another entry's example: a pull, an edit): the moderator
    read that it was not added as the new entry's example, "so it stays in the review
    queue: decide it there", but the queue leaves out a question filed as an example
    ("Nothing to review."). They read that the queue lists it no more."""
    from knowledge.editing import add_example

    asked = "is moving the spillover bucket into roth allowed"
    moderator = fake_discord.world.moderator
    async with start_bot(mod_bot()):
        opened = await new_entry_from_review(fake_discord, asked)
        await asyncio.to_thread(add_example, faq_copy, "mega-backdoor-overview", asked)
        submit = await submit_new_entry(fake_discord, opened, "Spillover buckets", moderator)
        said = content(await submit.followup(0))
        await fake_discord.settle()
        assert said.startswith("Saved `spillover-bucket`"), said
        assert "\nThe question it came from was not added as its example (" in said, said
        assert said.endswith(
            "; the review queue lists it no more (filed as an example, or answered by the "
            "FAQ now), so nothing is left to do there."
        ), said
        shown = (await review_message(fake_discord))["embeds"][0]["description"]
        assert shown == "Nothing to review.", shown


async def test_edits_and_decisions_while_the_faq_folder_is_gone_say_so(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, tmp_path: Path
) -> None:
    """The FAQ folder deleted, or moved away by a deploy, under a running bot: a pick in
    review read "Not written: There is no entry 'mega-backdoor-overview'" (an entry the
    moderator was looking at), Off-topic and an edit form sent "saving failed: No such file
    or directory (.backups)", and /faq-admin edit "There is no entry 'three-buckets'; use
    /faq-admin new to create one". Each says the FAQ folder is not there and to put it
    back; nothing is made in its place, and the item stays queued; put back, the same pick
    is written."""
    asked = "is moving the spillover bucket into roth allowed"
    moderator = fake_discord.world.moderator
    async with start_bot(mod_bot()):
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        review = await review_message(fake_discord)
        form = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "three-buckets"}, user=moderator
        )
        await form.response()  # (the form, opened while the folder was there)
        kept = shutil.move(faq_copy, tmp_path / "kept")
        submit = await fake_discord.submit_modal(form, {"short": "Three buckets, edited."})
        await submit.response()
        sent = content(await submit.followup(0))
        off = _component(review, 2, "Off-topic")["custom_id"]
        click = await fake_discord.click_button(review, off, user=moderator)
        await click.response()
        said = await click.edit(0)
        pick = _component(said, 3)["custom_id"]
        chosen = await fake_discord.select(review, pick, ["mega-backdoor-overview"], user=moderator)
        await chosen.response()
        picked = await chosen.edit(0)
        opened = content(await admin(fake_discord, "edit", {"topic": "three-buckets"}))
        for note in (content(said), content(picked)):
            assert note.startswith(f"Not written: the FAQ folder {faq_copy} is not there"), note
        for note in (content(said), content(picked), sent, opened):  # (a path's _ escaped)
            assert "faq is not there (deleted or moved); nothing was saved" in note, note
            assert "Put it back" in note, note
        assert sorted(os.listdir(tmp_path)) == ["kept"]  # (nothing made in its place)
        assert "spillover bucket" in picked["embeds"][0]["description"]  # still queued
        # positive control: put back, the same pick is written
        shutil.move(kept, faq_copy)
        pick = _component(picked, 3)["custom_id"]
        again = await fake_discord.select(review, pick, ["mega-backdoor-overview"], user=moderator)
        await again.response()
        assert content(await again.edit(0)).startswith("Added as an example of ")
        examples = faq_copy / "examples" / "mega-backdoor-overview.yaml"
        assert f"- text: {asked}" in examples.read_text()


async def test_a_reload_with_the_faq_folder_gone_says_to_put_it_back(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, tmp_path: Path
) -> None:
    """The FAQ folder moved away (a deploy) under a running bot, then /faq-admin reload:
    the moderator log said "Fix these and save again" above "<path>:0: FAQ folder does not
    exist or is not a folder", a file to fix where there is none, and the reply (and
    /faq-admin validate's) listed the same line. Each says the folder is not there and to
    put it back, as an edit refused for it does; put back, the reload takes it and the
    log says the files load again."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> list[str]:
        return [m["content"] for m in world.messages_in(log_id)]

    async with start_bot(mod_bot(mod_log_channel_id=log_id)):
        kept = shutil.move(faq_copy, tmp_path / "kept")
        said = content(await admin(fake_discord, "reload"))  # (the log is posted first)
        [posted] = logged()
        for note in (said, posted):  # (a path's _ escaped)
            assert "faq is not there (deleted or moved). Put it back" in note, note
            assert "previous FAQ" in note, note
            assert "Fix these" not in note and ":0:" not in note, note
        assert said.startswith("FAQ **not** reloaded: the FAQ folder "), said
        checked = content(await admin(fake_discord, "validate"))  # (validate alike)
        assert checked.startswith("The FAQ folder ") and ":0:" not in checked, checked
        assert "faq is not there (deleted or moved). Put it back" in checked, checked
        # positive control: put back, it loads, and the log says so
        shutil.move(kept, faq_copy)
        assert content(await admin(fake_discord, "reload")).startswith("FAQ reloaded")
        assert "the files load again" in logged()[-1], logged()


async def test_the_watcher_tells_the_moderators_the_faq_folder_is_gone(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path, tmp_path: Path, caplog
) -> None:
    """The FAQ folder deleted or moved away (a deploy gone wrong) under a bot watching it:
    it went on answering from the FAQ it had, and told nobody until someone edited or
    reloaded. The moderator log now says, once, that the folder is not there and to put it
    back; put back, it is loaded and the log says the files load again."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> list[str]:
        return [m["content"] for m in world.messages_in(log_id)]

    caplog.set_level(logging.INFO, logger="bot")
    knowledge = KnowledgeBase.load(faq_copy)
    bot = make_bot(mod_log_channel_id=log_id, knowledge=knowledge, faq_watch=True)
    async with start_bot(bot):
        await wait_until(lambda: "watching" in caplog.text, 10)
        kept = shutil.move(faq_copy, tmp_path / "kept")
        await wait_until(lambda: bool(logged()), 15)
        [gone] = logged()
        assert "faq is not there (deleted or moved). Put it back" in gone, gone
        assert bot.knowledge is knowledge  # (still answering from it)
        await asyncio.sleep(5)  # (two more checks of the path: said once)
        assert len(logged()) == 1, logged()
        shutil.move(kept, faq_copy)
        await wait_until(lambda: len(logged()) == 2, 15)
        assert "the files load again" in logged()[-1], logged()
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("is not there (deleted or moved)" in m for m in warned), warned


async def decide_off_topic(fake: FakeDiscord) -> str:
    """The moderator files the review queue's first item as off-topic: what the review says."""
    review = await review_message(fake)
    off = _component(review, 2, "Off-topic")
    click = await fake.click_button(review, off["custom_id"], user=fake.world.moderator)
    await click.response()
    said = content(await click.edit(0))
    await fake.settle()
    return said


async def test_an_off_topic_decision_promises_questions_like_it_only_once_the_matcher_learns(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """With fewer example questions than the ranker is fitted on, no off-topic verdict is
    learned: only the question itself, asked again word for word, is left alone, and a
    close phrasing still gets suggestions under a forum post. The decision said "the bot
    will leave questions like it alone" all the same; it says so only from the minimum."""
    from knowledge.examples import MIN_TRAINING_QUESTIONS

    examples = faq_copy / EXAMPLES_DIR
    kept = faq_copy.parent / "kept"
    shutil.move(examples, kept)
    examples.mkdir()
    (examples / "mega-backdoor-overview.yaml").write_text(
        '- text: "How does the mega backdoor Roth work with my 401k?"\n'
    )
    asked = "Should I put money in an HSA or in my kid's 529 plan first?"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        said = await decide_off_topic(fake_discord)
        assert asked in (examples / "_off-topic.yaml").read_text()
        assert "questions like it alone" not in said
        assert "word for word" in said
        assert f"2 example questions to learn from, fewer than the {MIN_TRAINING_QUESTIONS}" in said
        # as said: the question itself is left alone, one like it is not judged at all
        assert bot.knowledge.ask(asked).reason == "an off-topic example, word for word"
        assert bot.knowledge.ask("HSA or 529 plan for my kid, which first?").off_topic is None
        # enough examples: learned, and the decision says so
        for path in kept.glob("*.yaml"):
            if path.name != "_off-topic.yaml":
                shutil.copy(path, examples / path.name)
        assert "FAQ reloaded" in content(await admin(fake_discord, "reload"))
        # (one these few examples leave far from every entry: best 26 of 100)
        other = "Should I refinance my mortgage or invest the extra cash?"
        assert await ask_title(fake_discord, other) is None
        await fake_discord.settle()
        said = await decide_off_topic(fake_discord)
        assert "the bot will leave questions like it alone" in said
        assert "to learn from" not in said


async def test_the_edit_form_fits_a_valid_full_answer_that_ends_in_spaces(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The loader measures a full answer without its surrounding whitespace: the edit form
    must fill its box with the same text, or a valid entry near the limit whose last line
    ends in a hard break (two spaces) overfills the box and Discord refuses the form."""
    entry = "form-1099r-reporting"
    path = faq_copy / f"{entry}.md"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    body_chars = len(text.split("\n---\n", 1)[1].strip())
    path.write_text(text + " " * (2001 - body_chars) + "\n", encoding="utf-8")
    async with start_bot(mod_bot()):
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": entry}, user=fake_discord.world.moderator
        )
        form = (await handle.response())["data"]
        assert form_value(form, "body") == text.split("\n---\n", 1)[1].strip()
        said = await edit_entry(fake_discord, entry, {"title": "How is it reported on forms?"})
        assert said.startswith("Saved")


async def test_a_reload_that_changes_many_entries_says_so_in_one_message(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path
) -> None:
    """A fact-check that touches every entry of a larger FAQ: the reload's message names a
    few of them and counts the rest, instead of outgrowing Discord's 2,000 characters (the
    moderator then got the apology for a reload that went through)."""
    folder = tmp_path / "faq"
    ids = [f"after-tax-rollover-question-number-{n:02d}" for n in range(40)]
    for entry_id in ids:
        write_entry(folder, entry_id)
    async with start_bot(make_bot(knowledge=KnowledgeBase.load(folder))) as bot:
        for entry_id in ids:
            write_entry(folder, entry_id, updated="2026-11-28")
        said = content(await admin(fake_discord, "reload"))
        assert bot.knowledge.get(ids[-1]).updated.isoformat() == "2026-11-28"
        assert said.startswith("FAQ reloaded: 0 added, 40 changed (") and len(said) <= 2000
        assert ids[0] in said and "and 30 more)" in said


async def test_every_entry_of_a_faq_larger_than_one_menu_can_be_picked_in_review(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A select holds 25 options: the review lists a larger FAQ over more menus, above its
    buttons, and a pick in a later menu teaches that entry."""
    for n in range(40):
        write_entry(faq_copy, f"zz-topic-{n:02d}")
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        review = await review_message(fake_discord)
        rows = review["components"]
        menus = [c for row in rows for c in row["components"] if c["type"] == 3]
        assert len(menus) == 3 and all(len(m["options"]) <= 25 for m in menus)
        listed = [o["value"] for m in menus for o in m["options"]]
        assert sorted(listed) == sorted(bot.knowledge.entries)  # each entry once
        assert all(c["type"] == 2 for c in rows[-1]["components"])  # the buttons last
        chosen = menus[-1]["options"][-1]["value"]
        picked = await fake_discord.select(
            review, menus[-1]["custom_id"], [chosen], user=fake_discord.world.moderator
        )
        await picked.response()
        await fake_discord.settle()
        written = (faq_copy / "examples" / f"{chosen}.yaml").read_text()
        assert f"- text: {asked}" in written
        assert await bot.store.review_queue() == []


async def test_every_review_button_has_words_a_screen_reader_can_read(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """The review queue's pager buttons were labelled "◀" and "▶" alone, read aloud as
    "black left-pointing triangle" (and the other lists' pagers say "◀ Previous" and
    "Next ▶"). Every button under a review now has words, the pager as elsewhere."""
    async with start_bot(mod_bot()):
        await queue_two_questions(fake_discord)
        shown = await review_message(fake_discord)
    labels = [
        c.get("label") or ""
        for row in shown["components"]
        for c in row["components"]
        if c["type"] == 2
    ]
    assert labels[:2] == ["◀ Previous", "Next ▶"], labels
    assert all(re.search(r"[A-Za-z]{2}", label) for label in labels), labels


async def test_a_quick_second_click_on_the_review_pager_pages_again(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A double click on Next: the second click leaves the moderator's client before the first
    one's edit arrives, so it carries the buttons as first shown. It pages again, instead
    of going unanswered (Discord's "This interaction failed")."""
    world = fake_discord.world
    async with start_bot(mod_bot()):
        for asked in ("explain it like I am five", "what is the weather on mars today"):
            assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        shown = copy.deepcopy(await review_message(fake_discord))  # as the client shows it
        assert "1 of 2" in shown["embeds"][0]["title"]
        following = _component(shown, 2, "Next ▶")["custom_id"]
        for _ in range(2):
            click = await fake_discord._interact(  # (what the client sends: the old message)
                3,
                {"custom_id": following, "component_type": 2},
                user=world.moderator,
                channel=fake_discord._channel(shown["channel_id"]),
                message=shown,
            )
            assert (await asyncio.wait_for(click.response(), 4))["type"] == 6
            await fake_discord.settle()
        assert "2 of 2" in json.dumps(await click.edit(0))


async def test_a_double_click_on_a_decision_decides_once_and_does_not_fail(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A double click on Dismiss: the second click leaves the moderator's client with the
    first item's buttons, after the first one decided it and the review moved on to the
    next item (its buttons new). Nothing answered it, so Discord said "This interaction
    failed", which read as the Dismiss failing: a moderator clicking again dismissed the
    next item. It is acknowledged now, and decides nothing."""
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        await queue_two_questions(fake_discord)
        shown = copy.deepcopy(await review_message(fake_discord))  # as the client shows it
        dismiss = _component(shown, 2, "Dismiss")["custom_id"]
        clicks = []
        for _ in range(2):
            clicks.append(
                await fake_discord._interact(  # (what the client sends: the old message)
                    3,
                    {"custom_id": dismiss, "component_type": 2},
                    user=world.moderator,
                    channel=fake_discord._channel(shown["channel_id"]),
                    message=shown,
                )
            )
            assert (await asyncio.wait_for(clicks[-1].response(), 4))["type"] == 6
            await fake_discord.settle()
        page = await clicks[0].edit(0)
        assert page["content"] == "Dismissed." and "1 of 1" in page["embeds"][0]["title"]
        assert not [c for c in clicks[1].calls if c.method == "PATCH"]  # the page stays
        assert len(await bot.store.review_queue()) == 1  # the next item is not decided


def listed_first(bot: Any, item: ReviewItem) -> list[str]:
    """The entries a review page of ``item`` lists first, as the FAQ guesses them now: the
    entry the bot chose, then its ten best guesses."""
    guesses = [hit.id for hit in bot.knowledge.matcher.score_all(item.example)[:10]]
    return list(dict.fromkeys([item.entry_id, *guesses] if item.entry_id else guesses))


async def pages_as_guessed(bot: Any) -> dict[str, list[str]]:
    """``listed_first`` of every item in the review queue, by the question a page shows."""
    return {item.example: listed_first(bot, item) for item in await bot.store.review_queue()}


def guesses_shown(page: dict[str, Any], count: int) -> list[str]:
    return [option["value"] for option in _component(page, 3)["options"][:count]]


async def test_the_review_guesses_its_entries_on_the_answering_thread(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """The review's menus list the matcher's guesses for the item first. They were made on
    the event loop, where a long stored question held every other event for 60-85 ms; now
    on the answering thread, as questions are. Behind a burst of posts there, the page
    waits its turn (the command and the click are acknowledged at once) and then shows,
    its guesses first."""
    world = fake_discord.world
    held = threading.Event()
    async with start_bot(mod_bot()) as bot:
        await queue_two_questions(fake_discord)
        expected = await pages_as_guessed(bot)
        answering.ASKING.submit(held.wait, 10)  # (the answering thread busy, as in a burst)
        try:
            handle = await fake_discord.send_slash_command(
                "faq-admin review", {}, user=world.moderator
            )
            assert (await handle.response())["type"] == 5  # ("thinking...")
            with pytest.raises(TimeoutError):  # its turn not yet come
                await handle.followup(0, timeout=0.5)
        finally:
            held.set()
        await handle.followup(0)
        shown = handle.followup_messages[0]  # (as the client shows it: with its id)
        assert "1 of 2" in shown["embeds"][0]["title"]
        first = expected[shown["embeds"][0]["description"]]
        assert guesses_shown(shown, len(first)) == first
        await fake_discord.settle()
        held = threading.Event()
        answering.ASKING.submit(held.wait, 10)
        try:
            click = await fake_discord.click_button(
                shown, _component(shown, 2, "Next ▶")["custom_id"], user=world.moderator,
                settle=False,
            )  # fmt: skip
            assert (await asyncio.wait_for(click.response(), 4))["type"] == 6
            with pytest.raises(TimeoutError):
                await click.edit(0, timeout=0.5)
        finally:
            held.set()
        page = await click.edit(0)
        assert "2 of 2" in page["embeds"][0]["title"]
        second = expected[page["embeds"][0]["description"]]
        assert guesses_shown(page, len(second)) == second != first


async def test_a_stop_while_a_review_page_is_guessed_lets_the_page_be_shown(
    fake_discord: FakeDiscord, mod_bot, start_bot, caplog
) -> None:
    """Next clicked while the answering thread is busy, and a stop (a deploy) begins: the
    page's guesses wait behind the replies the stop lets finish, and the stop lets the
    page be shown too, where Discord's connection closed under it."""
    caplog.set_level(logging.INFO, logger="bot")
    world = fake_discord.world
    held = threading.Event()
    try:
        async with start_bot(mod_bot()) as bot:
            await queue_two_questions(fake_discord)
            shown = copy.deepcopy(await review_message(fake_discord))  # as the client shows it
            await fake_discord.settle()
            answering.ASKING.submit(held.wait, 10)  # (the answering thread busy)
            click = await fake_discord.click_button(
                shown, _component(shown, 2, "Next ▶")["custom_id"], user=world.moderator,
                settle=False,
            )  # fmt: skip
            assert (await asyncio.wait_for(click.response(), 4))["type"] == 6
            await stop_while_held(bot, caplog, held.set)  # the stop
            page = await click.edit(0)
    finally:
        held.set()
    assert "2 of 2" in page["embeds"][0]["title"]


async def test_a_page_drawn_while_another_click_paged_lists_its_own_items_guesses(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """Next clicked twice while the answering thread is busy: the first click's guesses,
    made for the second item, come back when the view already shows the third. Its page
    shows the third item with the third item's guesses, not the second's."""
    world = fake_discord.world
    held = threading.Event()
    async with start_bot(mod_bot()) as bot:
        await queue_two_questions(fake_discord)
        assert await ask_title(fake_discord, "best pizza in town") is None  # a third
        await fake_discord.settle()
        expected = await pages_as_guessed(bot)
        assert len({tuple(listed) for listed in expected.values()}) == 3  # (told apart)
        shown = copy.deepcopy(await review_message(fake_discord))  # as the client shows it
        following = _component(shown, 2, "Next ▶")["custom_id"]
        answering.ASKING.submit(held.wait, 10)  # (the answering thread busy)
        try:
            clicks = []
            for _ in range(2):  # (the second sent before the first one's page arrived)
                clicks.append(
                    await fake_discord._interact(
                        3,
                        {"custom_id": following, "component_type": 2},
                        user=world.moderator,
                        channel=fake_discord._channel(shown["channel_id"]),
                        message=shown,
                    )
                )
                assert (await asyncio.wait_for(clicks[-1].response(), 4))["type"] == 6
            # Both clicks' guesses wait behind the held one (each click paged before its own).
            await wait_until(lambda: answering.ASKING._work_queue.qsize() >= 2)
        finally:
            held.set()
        for click in clicks:
            page = await click.edit(0)
            assert "3 of 3" in page["embeds"][0]["title"]
            listed = expected[page["embeds"][0]["description"]]
            assert guesses_shown(page, len(listed)) == listed


async def test_a_decision_clicked_as_the_review_moves_on_decides_the_item_it_was_shown_with(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dismiss, then at once Next: discord.py takes the Dismiss for the view's button as it
    is, and runs it a moment later (a task). Next's page drawn in that moment, the Dismiss
    read the item the view showed by then and dismissed the next item, which the moderator
    never saw. A click decides the item its buttons were shown with, and the page then
    shows the item Next moved to (it showed the one after that: in the queue one item
    shorter, the place Next moved to held the next item's next)."""
    from bot.review import ReviewView

    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        await queue_two_questions(fake_discord)
        assert await ask_title(fake_discord, "best pizza in town") is None  # a third
        await fake_discord.settle()
        shown = copy.deepcopy(await review_message(fake_discord))  # as the client shows it
        first = shown["embeds"][0]["description"]
        following_item = (await bot.store.review_queue())[1].example
        dismiss = _component(shown, 2, "Dismiss")["custom_id"]
        drawn, draw, check = (
            asyncio.Event(),
            ReviewView._render_components,
            ReviewView.interaction_check,
        )

        def drawn_then_told(view: ReviewView, guesses: list[str]) -> None:
            draw(view, guesses)
            drawn.set()

        async def run_once_drawn(view: ReviewView, interaction: discord.Interaction) -> bool:
            allowed = await check(view, interaction)
            if (interaction.data or {}).get("custom_id") == dismiss:
                await asyncio.wait_for(drawn.wait(), 5)  # (the click's task, run late)
            return allowed

        monkeypatch.setattr(ReviewView, "_render_components", drawn_then_told)
        monkeypatch.setattr(ReviewView, "interaction_check", run_once_drawn)
        click = await fake_discord.click_button(shown, dismiss, user=world.moderator, settle=False)
        following = _component(shown, 2, "Next ▶")["custom_id"]
        await fake_discord.click_button(shown, following, user=world.moderator, settle=False)
        assert (await asyncio.wait_for(click.response(), 4))["type"] == 6
        await fake_discord.settle()
        page = await click.edit(0)
        assert page["content"] == "Dismissed."
        left = {item.example for item in await bot.store.review_queue()}
        assert first not in left and following_item in left  # the item shown was dismissed
        assert page["embeds"][0]["description"] == following_item  # where Next moved to
        assert "1 of 2" in page["embeds"][0]["title"]


async def test_the_review_count_says_when_more_wait_than_one_look_shows(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch
) -> None:
    """One look fetches a few hundred items: "1 of 200" read as the whole queue when more
    waited. With more than a look holds, the count says so; once they fit, it does not."""
    import bot.review

    monkeypatch.setattr(bot.review, "QUEUE_LIMIT", 2)
    world = fake_discord.world
    async with start_bot(mod_bot()):
        asked = ("explain it like I am five", "what is the weather on mars", "best pizza in town")
        for question in asked:
            assert await ask_title(fake_discord, question) is None  # not answered: queued
        await fake_discord.settle()
        shown = await review_message(fake_discord)
        assert shown["embeds"][0]["title"] == "Review queue: 1 of 2+"
        dismiss = _component(shown, 2, "Dismiss")
        click = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await click.response()
        await fake_discord.settle()
        assert (await click.edit(0))["embeds"][0]["title"] == "Review queue: 1 of 2"


async def test_a_decision_while_the_database_is_down_says_so_in_one_line(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL restarting while a moderator decides a review item: they read "Something
    went wrong", nothing said whether anything was decided or that waiting mends it, and
    the log had an ERROR with the driver's traceback (the daily purge too). Now the review
    says nothing was decided and to try again, and each is one warning line."""
    from bot.review import UNREACHABLE
    from bot.storage import PostgresStore
    from tests.postgres_server import server_stopped, warnings_only

    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        shown = await reviewed_on_postgres(fake_discord, bot, "what is a zebra fund")
        dismiss = _component(shown, 2, "Dismiss")
        with server_stopped(postgres_server):
            click = await fake_discord.click_button(
                shown, dismiss["custom_id"], user=world.moderator, settle=False
            )
            await click.response()
            said = await click.edit(0, timeout=15)
            await bot.get_cog("Housekeeping").purge()  # the daily chore meanwhile
        assert said["content"] == UNREACHABLE
        [item] = await bot.store.review_queue()  # nothing decided
        assert "zebra fund" in said["embeds"][0]["description"]  # the item, still to decide
        # positive control: back, the same decision is taken
        dismiss = _component(said, 2, "Dismiss")
        again = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await again.response()
        assert (await again.edit(0))["content"] == "Dismissed."
        assert await bot.store.decided(item.keys) == set(item.keys)
    logged = warnings_only(caplog)
    lost = [r.getMessage() for r in logged if "cannot be reached" in r.getMessage()]
    assert any(m.startswith("could not read the review decisions") for m in lost), lost
    assert any(m.startswith("purging old questions failed") for m in lost), lost


async def test_new_entry_clicked_while_the_database_is_down_says_so_in_one_line(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A review's New entry clicked while PostgreSQL restarts (it first reads whether the
    question was decided meanwhile): the moderator read "Sorry, something went wrong" and
    the log had an ERROR with the driver's traceback. They read that the database cannot be
    reached and to try again in a few minutes, privately; the log has one warning. Back,
    the same click opens the form."""
    from bot.replies import DATABASE_AWAY
    from bot.storage import PostgresStore
    from tests.postgres_server import server_stopped, warnings_only

    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        shown = await reviewed_on_postgres(fake_discord, bot, "what is a zebra fund")
        new = _component(shown, 2, "New entry")["custom_id"]
        with server_stopped(postgres_server):
            click = await fake_discord.click_button(shown, new, user=world.moderator, settle=False)
            said = await click.response()
        assert said["type"] == 4 and said["data"]["flags"] & 64, said  # (private)
        assert said["data"]["content"] == DATABASE_AWAY, said
        # positive control: back, the same click opens the form
        again = await fake_discord.click_button(shown, new, user=world.moderator)
        assert (await again.response())["type"] == 9
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(
        m.startswith("review action could not use the database (the PostgreSQL database ")
        for m in logged
    ), logged


async def test_a_pick_with_the_database_gone_between_its_two_reads_says_nothing_was_decided(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A decision reads whether its question was decided meanwhile, then whether it is
    still kept: PostgreSQL going down between the two (a restart) told the moderator "Sorry,
    something went wrong" beside the item, and the log had an ERROR with the driver's
    traceback. The review says nothing was decided and to try again, as when the first
    read fails, with the item still shown; one warning. Back, the same pick is written."""

    from bot.review import UNREACHABLE
    from bot.storage import PostgresStore
    from tests.postgres_server import warnings_only

    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        asked = "what is a zebra fund"
        shown = await reviewed_on_postgres(fake_discord, bot, asked)
        # (the server stops as the second read begins)
        down = server_stops_at(monkeypatch, bot.store, "still_stored", postgres_server)
        said = await picked_as_the_server_stops(fake_discord, shown, down)
        monkeypatch.undo()
        assert content(said) == UNREACHABLE, content(said)
        assert "zebra fund" in said["embeds"][0]["description"]  # the item, still to decide
        examples = bot.faq_dir / "examples" / "mega-backdoor-overview.yaml"
        assert asked not in examples.read_text()  # nothing written
        # positive control: back, the same pick is written
        pick = _component(said, 3)["custom_id"]
        again = await fake_discord.select(
            shown, pick, ["mega-backdoor-overview"], user=world.moderator
        )
        await again.response()
        assert content(await again.edit(0)).startswith("Added as an example of ")
        assert asked in examples.read_text()
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(m.startswith("could not read the review decisions (") for m in logged), logged


async def test_a_pick_taken_as_the_database_goes_says_it_was_and_that_the_queue_cannot_show(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pick written and recorded, then PostgreSQL down (a restart) as the review reads
    the queue again to show the next item: the moderator read "Sorry, something went
    wrong" below the page as it was, which says the pick failed, and the log had an ERROR
    with a traceback. The page says what was decided, and that the queue cannot be shown
    and to run /faq-admin review again; its components go (a click on them would decide
    from a stale page); one warning. Back, the review shows the queue without it."""

    from bot.storage import PostgresStore
    from tests.postgres_server import warnings_only

    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        asked = "what is a zebra fund"
        shown = await reviewed_on_postgres(fake_discord, bot, asked)
        # (the server stops as the queue is read again)
        down = server_stops_at(monkeypatch, bot.store, "review_queue", postgres_server)
        said = await picked_as_the_server_stops(fake_discord, shown, down)
        monkeypatch.undo()
        assert content(said).startswith("Added as an example of "), content(said)
        assert "The queue cannot be shown again: the bot cannot reach its database" in (
            content(said)
        )
        assert not said.get("components"), said  # nothing left to click
        examples = bot.faq_dir / "examples" / "mega-backdoor-overview.yaml"
        assert asked in examples.read_text()
        # positive control: back, the review shows the queue, the pick gone from it
        assert (await review_message(fake_discord))["embeds"][0]["description"] == (
            "Nothing to review."
        )
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(m.startswith("could not read the review queue again (") for m in logged), logged


async def test_a_new_entry_saved_while_the_database_is_down_says_why_its_question_stays(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new-entry form opened from a review item, saved while PostgreSQL restarts: the
    entry is saved (files), but its question cannot leave the queue; the moderator read
    "(the error is logged)" and the log had an ERROR with the driver's traceback. They read
    that the database cannot be reached, and to decide the question in the queue; one
    warning. Back, the question is still there to decide."""

    from bot.storage import PostgresStore
    from tests.postgres_server import warnings_only

    caplog.set_level(logging.INFO, logger="bot")
    moderator = fake_discord.world.moderator
    asked = "what is a zebra fund"
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        await queued_on_postgres(fake_discord, bot, asked)
        opened = await new_entry_from_review(fake_discord, asked)
        # (the server stops as the form's first read begins)
        down = server_stops_at(monkeypatch, bot.store, "decided", postgres_server)
        with down:
            submit = await submit_new_entry(fake_discord, opened, "Spillover buckets", moderator)
            said = content(await submit.followup(0))
        monkeypatch.undo()
        assert said.startswith("Saved `spillover-bucket`"), said
        assert said.endswith(
            "\nThe question it came from could not be cleared from the review queue (the bot "
            "cannot reach its database just now): decide it there."
        ), said
        # positive control: back, the question waits in the queue
        assert asked in (await review_message(fake_discord))["embeds"][0]["description"]
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(
        m.startswith("clearing the review item of new entry spillover-bucket failed (")
        for m in logged
    ), logged


async def test_a_new_entry_answering_its_question_in_an_outage_sends_nobody_to_the_queue(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The new-entry form opened from a review item keeps the question as its title, and
    is saved while PostgreSQL restarts: the moderator read "could not be cleared from the
    review queue ...: decide it there", but the queue leaves out a question the FAQ answers
    now ("Nothing to review."), so there was nothing to decide. They read that the FAQ
    answers it now and the queue lists it no more."""
    from bot.storage import PostgresStore

    moderator = fake_discord.world.moderator
    asked = "what is a zebra fund"
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        await queued_on_postgres(fake_discord, bot, asked)
        opened = await new_entry_from_review(fake_discord, asked)
        # (the server stops as the form's first read begins)
        down = server_stops_at(monkeypatch, bot.store, "decided", postgres_server)
        with down:
            title = "What is a zebra fund?"  # (the question, as the form opens with it)
            submit = await submit_new_entry(fake_discord, opened, title, moderator)
            said = content(await submit.followup(0))
        monkeypatch.undo()
        assert said.startswith("Saved `spillover-bucket`"), said
        assert said.endswith(
            "\nThe question it came from could not be added as its example (the bot cannot "
            "reach its database just now), but the FAQ answers it now, so the review queue "
            "lists it no more."
        ), said
        assert await ask_title(fake_discord, asked) == "What is a zebra fund?"
        shown = (await review_message(fake_discord))["embeds"][0]["description"]
        assert shown == "Nothing to review.", shown


async def test_a_pick_written_but_not_recorded_in_an_outage_says_why_not_the_error_is_logged(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pick whose example is written, then PostgreSQL down (a restart) as the decision is
    recorded: the moderator read "the review queue could not record the decision (the
    error is logged)", which sent them to the log for what the bot knew: the database
    cannot be reached. They read that (and to decide it the same way again if still
    listed); the log has warnings only."""

    from bot.storage import PostgresStore
    from tests.postgres_server import warnings_only

    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        asked = "what is a zebra fund"
        shown = await reviewed_on_postgres(fake_discord, bot, asked)
        # (the server stops as the decision is recorded, after the example)
        down = server_stops_at(monkeypatch, bot.store, "record_review", postgres_server)
        said = content(await picked_as_the_server_stops(fake_discord, shown, down))
        monkeypatch.undo()
        assert said.startswith(
            "Added as an example of **What is the mega backdoor Roth?**, but the review queue "
            "could not record the decision (the bot cannot reach its database just now): if "
            "the question is still listed, decide it the same way again."
        ), said
        examples = bot.faq_dir / "examples" / "mega-backdoor-overview.yaml"
        assert asked in examples.read_text()  # (positive control: the pick was taken)
    warnings_only(caplog)


async def test_a_dismiss_on_a_read_only_database_says_what_is_wrong_not_cannot_reach(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL set read-only (as some hosts do on a nearly full disk, or the URL's host a
    standby after a failover) while a moderator dismisses a review item: they read "The bot
    cannot reach its database just now ... try again in a few minutes", though it answers
    and waiting mends nothing. They read what is wrong, to pass on, and that nothing was
    decided; the log says it in the operator's words."""
    from bot.review import UNREACHABLE
    from bot.storage import PostgresStore
    from tests.postgres_server import run_sql, warnings_only

    world = fake_discord.world
    name = postgres_url.partition("@/")[2].partition("?")[0]
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))) as bot:
        shown = await reviewed_on_postgres(fake_discord, bot, "what is a zebra fund")
        run_sql(postgres_server, f"ALTER DATABASE {name} SET default_transaction_read_only = on")
        await bot.store._pool.expire_connections()  # (each replaced at its next use)
        dismiss = _component(shown, 2, "Dismiss")
        click = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await click.response()
        said = await click.edit(0)
        assert said["content"] != UNREACHABLE
        assert said["content"].startswith(
            "The bot cannot use its database: its database server accepts no changes (it is "
            "read-only), so nothing was decided. Please tell whoever runs the bot"
        ), said["content"]
        assert len(await bot.store.review_queue()) == 1  # nothing decided
        assert "zebra fund" in said["embeds"][0]["description"]  # the item, still to decide
        # positive control: writable again, the same decision is taken
        run_sql(postgres_server, f"ALTER DATABASE {name} RESET default_transaction_read_only")
        await bot.store._pool.expire_connections()
        dismiss = _component(said, 2, "Dismiss")
        again = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await again.response()
        assert (await again.edit(0))["content"] == "Dismissed."
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(
        m.startswith("could not record a review decision (the PostgreSQL server accepts no writes")
        for m in logged
    ), logged


async def test_a_dismiss_on_a_sqlite_file_another_program_locks_says_so(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another program holding the SQLite file's write lock past busy_timeout (a VACUUM, a
    transaction left open in a sqlite3 shell) as a moderator dismisses a review item: they
    read "cannot reach its database ... try again in a few minutes", which sends them to
    wait for a server that is not down. They read that another program holds it locked,
    and that nothing was decided; once it is free the same decision is taken."""
    import sqlite3

    import bot.storage.sqlite as sqlite_store
    from bot.storage import SqliteStore

    monkeypatch.setattr(sqlite_store, "BUSY_SECONDS", 0.2)  # (5 s: the same, slower)
    path = tmp_path / "rollover-bot.db"
    world = fake_discord.world
    async with start_bot(mod_bot(store=SqliteStore(path))) as bot:
        assert await ask_title(fake_discord, "what is a zebra fund") is None  # queued
        await fake_discord.settle()
        shown = await review_message(fake_discord)
        dismiss = _component(shown, 2, "Dismiss")
        other = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        # (Off the event loop: the bot may be inside a write that needs the loop to end.)
        await asyncio.to_thread(other.execute, "BEGIN IMMEDIATE")  # (another program's)
        try:
            click = await fake_discord.click_button(
                shown, dismiss["custom_id"], user=world.moderator
            )
            await click.response()
            said = await click.edit(0)
        finally:
            await asyncio.to_thread(other.execute, "ROLLBACK")
            other.close()
        assert content(said).startswith(
            "The bot cannot use its database: another program holds its database file "
            "locked, so nothing was decided. Please tell whoever runs the bot"
        ), content(said)
        assert len(await bot.store.review_queue()) == 1  # nothing decided
        # positive control: the file free, the same decision is taken
        dismiss = _component(said, 2, "Dismiss")
        again = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await again.response()
        assert content(await again.edit(0)) == "Dismissed."


async def test_a_dismiss_on_a_sqlite_disk_remounted_read_only_says_it_is_read_only(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The SQLite database's disk remounted read-only under the running bot (ext4's
    errors=remount-ro after a disk error) as a moderator dismisses a review item: they read
    "Sorry, something went wrong on my side", and the log had an ERROR with a traceback
    ("disk I/O error"), naming nothing. They read that the database is read-only and that
    nothing was decided, and the log says so in one warning line."""
    from bot.storage import SqliteStore
    from tests.full_disk import ext4_disk, turn_read_only

    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    with ext4_disk(tmp_path / "disk", tmp_path / "disk.img") as disk:
        async with start_bot(mod_bot(store=SqliteStore(disk / "rollover-bot.db"))) as bot:
            for asked in ("what is a zebra fund", "can my parrot own a brokerage account"):
                assert await ask_title(fake_discord, asked) is None  # queued
            await fake_discord.settle()
            shown = await review_message(fake_discord)
            # positive control: on the writable disk, a Dismiss is taken
            dismiss = _component(shown, 2, "Dismiss")
            click = await fake_discord.click_button(
                shown, dismiss["custom_id"], user=world.moderator
            )
            await click.response()
            after = await click.edit(0)
            assert content(after) == "Dismissed.", content(after)
            turn_read_only(disk)
            dismiss = _component(after, 2, "Dismiss")  # (the other question's)
            click = await fake_discord.click_button(
                shown, dismiss["custom_id"], user=world.moderator
            )
            await click.response()
            said = await click.edit(0)
            assert content(said).startswith(
                "The bot cannot use its database: its database is read-only (its disk "
                "remounted read-only, or the file not writable), so nothing was decided. "
                "Please tell whoever runs the bot"
            ), content(said)
            assert len(await bot.store.review_queue()) == 1  # nothing decided
    logged = [(r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("bot")]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], logged
    assert any(
        m.startswith("could not record a review decision (cannot write to ")
        and "it is read-only (its disk remounted read-only" in m
        for _, m in logged
    ), logged


async def test_moderators_reports_while_the_database_is_down_say_so_in_one_line(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """/faq-admin stats, gaps and review while PostgreSQL restarted: "Sorry, something went
    wrong on my side", and an ERROR with the driver's traceback for each, though waiting
    mends it. Each says the database cannot be reached and to try again, with one warning."""
    from bot.replies import DATABASE_AWAY
    from bot.storage import PostgresStore
    from tests.postgres_server import server_stopped, warnings_only

    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))):
        stats = await admin(fake_discord, "stats")  # positive control: it reads
        assert stats["embeds"][0]["title"].startswith("FAQ usage and feedback")
        with server_stopped(postgres_server):
            for sub in ("stats", "gaps", "review"):
                said = await admin(fake_discord, sub)
                assert content(said) == DATABASE_AWAY, (sub, said)
    logged = warnings_only(caplog)
    lost = [r.getMessage() for r in logged if "cannot be reached" in r.getMessage()]
    for sub in ("stats", "gaps", "review"):
        assert any(m.startswith(f"command /faq-admin {sub} could not") for m in lost), lost


async def confirm_forget(fake: FakeDiscord, **click: Any) -> Any:
    """A moderator runs /faq-admin forget on the asker and clicks Delete: the click."""
    handle = await fake.send_slash_command(
        "faq-admin forget", {"member": fake.world.asker}, user=fake.world.moderator
    )
    await handle.response()
    [delete] = [c for c in custom_ids(handle.message) if c.endswith(":yes")]  # (Delete)
    clicked = await fake.click_button(handle, delete, user=fake.world.moderator, **click)
    await clicked.response()
    return clicked


async def test_a_forget_confirmed_while_the_database_is_down_says_so_in_one_line(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """/faq-admin forget's Delete clicked while PostgreSQL restarted: the moderator read
    "Sorry, something went wrong on my side", the question above it left as if still to
    answer, and the log had an ERROR with the driver's traceback, though waiting mends it.
    The question says the database cannot be reached and to try again, its buttons gone,
    and the log has one warning; back, the same forget deletes."""
    from bot.replies import DATABASE_AWAY
    from bot.storage import PostgresStore
    from tests.postgres_server import server_stopped, warnings_only

    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))):
        with server_stopped(postgres_server):
            click = await confirm_forget(fake_discord, settle=False)
            said = await click.edit(0, timeout=15)
        assert said["content"] == DATABASE_AWAY
        assert all(c["disabled"] for row in said["components"] for c in row["components"])
        # positive control: back, the same forget deletes
        again = await confirm_forget(fake_discord)
        assert (await again.edit(0))["content"].startswith("Deleted what the bot kept of ")
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(
        m.startswith("a confirmed action could not use the database (the PostgreSQL database ")
        for m in logged
    ), logged


async def test_a_report_on_a_server_out_of_connections_says_so_not_cannot_reach(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """/faq-admin stats while the PostgreSQL server refuses the bot more connections (its
    max_connections, or the role's limit, reached by other clients): the moderator read
    "cannot reach its database ... try again in a few minutes", though it answers and
    refuses until someone acts. They read what is wrong, to pass on; the log has one
    warning saying what to change."""
    from bot.replies import DATABASE_AWAY
    from bot.storage import PostgresStore
    from tests.postgres_server import create_database, run_sql, warnings_only

    role = name = f"mods_limited_{os.getpid()}"  # (a superuser is let in past the limits)
    run_sql(postgres_server, f"CREATE ROLE {role} LOGIN")
    url = create_database(postgres_server, name).replace("postgres@", f"{role}@")
    run_sql(postgres_server, f"ALTER DATABASE {name} OWNER TO {role}")
    caplog.set_level(logging.INFO, logger="bot")
    try:
        async with start_bot(mod_bot(store=PostgresStore(url))) as bot:
            stats = await admin(fake_discord, "stats")  # positive control: it reads
            assert stats["embeds"][0]["title"].startswith("FAQ usage and feedback")
            run_sql(postgres_server, f"ALTER ROLE {role} CONNECTION LIMIT 0")
            await bot.store._pool.expire_connections()  # (each replaced at its next use)
            said = content(await admin(fake_discord, "stats"))
            assert said != DATABASE_AWAY
            assert said.startswith(
                "The bot cannot use its database: its database server refuses more "
                "connections. Please tell whoever runs the bot"
            ), said
            # Someone acts: else the driver's pool, restoring its connections in the
            # background, retries for as long as the limit stands, and the bot never idles.
            run_sql(postgres_server, f"ALTER ROLE {role} CONNECTION LIMIT -1")
    finally:
        run_sql(postgres_server, f"DROP DATABASE {name} WITH (FORCE)")
        run_sql(postgres_server, f"DROP ROLE {role}")
    logged = [r.getMessage() for r in warnings_only(caplog)]
    assert any(
        m.startswith("command /faq-admin stats could not use the database (the PostgreSQL ")
        and "raise max_connections" in m
        for m in logged
    ), logged


async def test_a_stats_page_while_the_database_is_down_keeps_the_page_and_says_so(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    postgres_server: str,
    postgres_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The stats' next page, clicked while PostgreSQL restarted: the click was left
    unanswered ("This interaction failed") and the log had an ERROR with the driver's
    traceback. The page shown stays, the moderator is told the database cannot be
    reached, and the log has one warning."""
    from bot.replies import DATABASE_AWAY
    from bot.storage import PostgresStore
    from tests.postgres_server import server_stopped, warnings_only

    world = fake_discord.world
    caplog.set_level(logging.INFO, logger="bot")
    async with start_bot(mod_bot(store=PostgresStore(postgres_url))):
        handle = await fake_discord.send_slash_command("faq-admin stats", {}, user=world.moderator)
        await handle.response()
        await handle.followup(0)
        [shown] = handle.followup_messages
        assert shown["embeds"][0]["title"].endswith("(1 of 3)")  # positive control
        await fake_discord.settle()
        with server_stopped(postgres_server):
            click = await fake_discord.click_button(
                shown, "rb:stats:1", user=world.moderator, settle=False
            )
            await click.response()
            said = await click.followup(0, timeout=15)
        assert said["content"] == DATABASE_AWAY
        assert world.messages[int(shown["id"])]["embeds"][0]["title"].endswith("(1 of 3)")
    logged = warnings_only(caplog, ("bot.", "discord."))
    assert any(r.getMessage().startswith("a stats page could not be read") for r in logged)


async def test_a_stale_review_view_does_not_undo_another_moderators_decision(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """Two looks at the queue, opened before either decides: a later "Dismiss" in the
    other must not replace the pick (nor say "Dismissed" as if it had counted)."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        first, stale = await review_message(fake_discord), await review_message(fake_discord)
        [item] = await bot.store.review_queue()
        pick = _component(first, 3)
        chosen = await fake_discord.select(
            first, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await chosen.response()
        await fake_discord.settle()
        dismiss = _component(stale, 2, "Dismiss")
        late = await fake_discord.click_button(stale, dismiss["custom_id"], user=world.moderator)
        await late.response()
        said = json.dumps(await late.edit(0))
        await fake_discord.settle()
        assert "Someone decided on this question" in said and "Dismissed" not in said
        assert await bot.store.decided(item.keys) == set(item.keys)
        title = await ask_title(fake_discord, asked)
        assert title == bot.knowledge.titles["mega-backdoor-overview"]  # the pick stands


async def test_a_stale_pick_after_a_dismiss_writes_nothing(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The other way round: a pick in a review opened before a colleague's Dismiss writes
    no example (the Dismiss stands) and says someone decided."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        first, stale = await review_message(fake_discord), await review_message(fake_discord)
        [item] = await bot.store.review_queue()
        dismiss = _component(first, 2, "Dismiss")
        done = await fake_discord.click_button(first, dismiss["custom_id"], user=world.moderator)
        await done.response()
        await fake_discord.settle()
        pick = _component(stale, 3)
        late = await fake_discord.select(
            stale, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await late.response()
        assert "Someone decided on this question" in content(await late.edit(0))
        await fake_discord.settle()
        assert asked not in (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
        assert {bot.store.reviewed[k][0] for k in item.keys} == {"dismiss"}
        assert await ask_title(fake_discord, asked) is None  # still not answered


async def test_a_decision_made_while_another_reloads_waits_for_it(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pick writes its example (a large examples file is checked whole first) before
    recording itself: a Dismiss decided meanwhile must not record first and so be told
    "Dismissed." while the pick's example goes in. (Decided directly: the fake delivers
    one view's clicks after the other's, so two clicks cannot meet there. The name is
    from when the reload came before the record: a Dismiss during it now finds the pick
    recorded, lock or no lock.)"""
    import threading
    from types import SimpleNamespace

    import bot.review
    from bot.review import DECIDED_ALREADY, decide

    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as running:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        [item] = await running.store.review_queue()
        add_example, writing = bot.review.add_example, threading.Event()

        def slow_write(*args: Any, **kwargs: Any) -> Any:
            writing.set()
            time.sleep(0.3)
            return add_example(*args, **kwargs)

        monkeypatch.setattr(bot.review, "add_example", slow_write)
        one, other = (SimpleNamespace(id=n, display_name=f"Mod {n}") for n in (1, 2))
        pick = asyncio.create_task(decide(running, one, item, "example", "mega-backdoor-overview"))
        await asyncio.wait_for(asyncio.to_thread(writing.wait, 10), 11)
        assert await decide(running, other, item, "dismiss", None) == DECIDED_ALREADY
        assert (await pick).startswith("Added as an example")
        assert {running.store.reviewed[k][0] for k in item.keys} == {"example"}


class AnotherProcess:
    """``bot`` as a second process on its database and FAQ folder would act: its own
    connection to the database (``store``) and its own review lock, which holds off only
    that process's clicks; the folder and its reload as the bot's."""

    def __init__(self, bot: Any, store: Any) -> None:
        self._bot, self.store, self.review_lock = bot, store, asyncio.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)


async def test_a_pick_and_a_dismiss_made_at_once_in_two_processes_agree_on_the_pick(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two processes on one database and FAQ folder (home servers on two shards): one
    moderator's Dismiss and another's pick (or Off-topic) on the same question, at the same
    moment. Each process's review lock holds off its own clicks only, so both passed the
    check that nobody had decided: the pick wrote its example, and the FAQ answers the
    question with it from then on, while the record kept whichever came first: a Dismiss
    (stats, the review's history saying it was filed as nothing), or the pick, with the
    Dismiss told "Dismissed." all the same. The pick wins, since its example is in the
    files: it is recorded before its reload (seconds on a large FAQ), a Dismiss that finds
    it recorded says someone decided, and one recorded in the moment between the pick's
    write and its record is replaced by it."""
    import sqlite3
    from types import SimpleNamespace

    from bot.review import DECIDED_ALREADY, decide
    from bot.storage import SqliteStore

    path = tmp_path / "bot.db"
    one, other = (SimpleNamespace(id=n, display_name=f"Mod {n}") for n in (1, 2))

    def recorded(keys: tuple[str, ...]) -> set[str]:
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT key, action FROM reviewed").fetchall()
        return {action for key, action in rows if key in keys}

    async with start_bot(mod_bot(store=SqliteStore(path))) as bot, SqliteStore(path) as theirs:
        elsewhere = AnotherProcess(bot, theirs)
        await queue_two_questions(fake_discord)
        spillover, zebra = sorted(await bot.store.review_queue(), key=lambda i: i.example)

        # The Dismiss checks first (that nobody decided; then that the question is kept)
        # and the Off-topic is recorded before the Dismiss is: held after either check.
        pizza = "best pizza in town"
        assert await ask_title(fake_discord, pizza) is None  # not answered: queued
        await fake_discord.settle()
        [other_item] = [i for i in await bot.store.review_queue() if i.example == pizza]
        for held, item in (("decided", zebra), ("still_stored", other_item)):
            checked, go_on = asyncio.Event(), asyncio.Event()
            check = getattr(theirs, held)

            async def checked_then_held(
                *args: Any, check: Any = check, now: Any = (checked, go_on), **kwargs: Any
            ) -> Any:
                found = await check(*args, **kwargs)
                now[0].set()
                await now[1].wait()
                return found

            monkeypatch.setattr(theirs, held, checked_then_held)
            dismiss = asyncio.create_task(decide(elsewhere, other, item, "dismiss", None))
            await asyncio.wait_for(checked.wait(), 10)
            said = await decide(bot, one, item, "off-topic", None)
            assert said.startswith("Added as an off-topic example")
            go_on.set()
            assert await asyncio.wait_for(dismiss, 10) == DECIDED_ALREADY, held
            assert recorded(item.keys) == {"off-topic"}
            monkeypatch.setattr(theirs, held, check)

        # The pick writes its example; the Dismiss checks and is recorded before the pick is.
        written, go_on = asyncio.Event(), asyncio.Event()
        record = bot.store.record_review

        async def written_then_held(*args: Any, **kwargs: Any) -> int:
            written.set()
            await go_on.wait()
            return await record(*args, **kwargs)

        monkeypatch.setattr(bot.store, "record_review", written_then_held)
        pick = asyncio.create_task(decide(bot, one, spillover, "example", "mega-backdoor-overview"))
        await asyncio.wait_for(written.wait(), 10)
        assert await decide(elsewhere, other, spillover, "dismiss", None) == "Dismissed."
        go_on.set()
        assert (await asyncio.wait_for(pick, 30)).startswith("Added as an example")
        assert recorded(spillover.keys) == {"example"}
        title = await ask_title(fake_discord, spillover.example)
        assert title == bot.knowledge.titles["mega-backdoor-overview"]  # as the files say
        monkeypatch.setattr(bot.store, "record_review", record)

        # The most likely moment: a Dismiss while the pick's reload retrains (seconds).
        asked = "what is the weather on mars today"
        assert await ask_title(fake_discord, asked) is None  # not answered: queued
        await fake_discord.settle()
        [mars] = await bot.store.review_queue()
        reload_faq, reloading = bot.reload_faq, asyncio.Event()

        async def slow_reload(*args: Any, **kwargs: Any) -> Any:
            reloading.set()
            await asyncio.sleep(0.3)
            return await reload_faq(*args, **kwargs)

        monkeypatch.setattr(bot, "reload_faq", slow_reload)
        pick = asyncio.create_task(decide(bot, one, mars, "off-topic", None))
        await asyncio.wait_for(reloading.wait(), 10)
        assert await decide(elsewhere, other, mars, "dismiss", None) == DECIDED_ALREADY
        assert (await asyncio.wait_for(pick, 30)).startswith("Added as an off-topic example")
        assert recorded(mars.keys) == {"off-topic"}
        assert await bot.store.review_queue() == []


async def test_a_new_entry_and_a_dismiss_made_at_once_in_two_processes_agree_on_the_entry(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As for a pick: a new entry saved from a review item teaches the entry its question,
    and then reloaded the FAQ (seconds on a large one) before recording that; a Dismiss of
    the item in another process meanwhile was told "Dismissed." while the question was
    filed under the new entry. Recorded before the reload, the Dismiss finds it decided."""
    import sqlite3
    from types import SimpleNamespace

    from bot.review import DECIDED_ALREADY, decide
    from bot.storage import SqliteStore

    path = tmp_path / "bot.db"
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot(store=SqliteStore(path))) as bot, SqliteStore(path) as theirs:
        elsewhere = AnotherProcess(bot, theirs)
        opened = await new_entry_from_review(fake_discord, asked)
        [item] = await bot.store.review_queue()
        reload_faq, teaching = bot.reload_faq, asyncio.Event()

        async def slow_reload(why: str, *args: Any, **kwargs: Any) -> Any:
            if "taught its question" in why:  # (the entry's own save reloads first)
                teaching.set()
                await asyncio.sleep(0.3)
            return await reload_faq(why, *args, **kwargs)

        monkeypatch.setattr(bot, "reload_faq", slow_reload)
        submit = await submit_new_entry(fake_discord, opened, asked, fake_discord.world.moderator)
        await asyncio.wait_for(teaching.wait(), 20)
        other = SimpleNamespace(id=2, display_name="Mod 2")
        assert await decide(elsewhere, other, item, "dismiss", None) == DECIDED_ALREADY
        said = content(await submit.followup(0, timeout=20))
        assert said.startswith("Saved `spillover-bucket`") and "decided" not in said, said
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT DISTINCT action FROM reviewed").fetchall() == [("new-entry",)]


async def test_a_question_deleted_while_a_review_shows_it_is_not_written_into_the_faq(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A member deletes their question (or a moderator forgets them) while a review shows
    it: the database lets it go, but a pick or a new entry's form opened from that review
    still copied it word for word into the FAQ's examples files, where no deletion reaches
    it. Nothing of it is written now and the moderator is told why; the new entry itself,
    the moderator's work, is saved."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        message = await fake_discord.send_message(
            world.text_channel, f"{world.bot_user.mention} {asked}", author=world.newcomer
        )
        await fake_discord.idle(quiet=0.2)
        [item] = await bot.store.review_queue()
        assert item.example == asked
        review, other = await review_message(fake_discord), await review_message(fake_discord)
        new = _component(other, 2, "New entry")
        opened = await fake_discord.click_button(other, new["custom_id"], user=world.moderator)
        assert (await opened.response())["type"] == 9  # the form, open while it goes
        await fake_discord.delete_message(message)
        await fake_discord.settle()
        assert await bot.store.review_queue() == []

        pick = _component(review, 3)
        chosen = await fake_discord.select(
            review, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await chosen.response()
        said = content(await chosen.edit(0))
        assert said.startswith("This question was deleted while you looked"), said
        said = await save_new_entry(fake_discord, opened, "Spillover bucket?", world.moderator)
        assert "deleted while the form was open" in said, said
        assert "not added as the entry's example" in said
        assert (faq_copy / "spillover-bucket.md").is_file()
        for path in (faq_copy / "examples").glob("*.yaml"):
            assert "spillover bucket into roth" not in path.read_text(), path.name
        assert await bot.store.decided(item.keys) == set()


def flood_of_misses(count: int) -> str:
    """SQL storing ``count`` "Not what I asked" questions, asked now (near-duplicates,
    so few items): the worst kind, read into the queue's window first."""
    from bot.storage.sqlite import stamp

    now = stamp(dt.datetime.now(dt.UTC))
    return (
        f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})"
        " INSERT INTO questions (text, channel_id, best_id, best_score, answered, asked_at,"
        f" kind) SELECT 'is the pro rata rule applied to rollover number ' || i, 1,"
        f" 'pro-rata-rule', 70.0, 1, '{now}', 'miss' FROM n"
    )


async def test_an_item_left_out_of_the_grouped_questions_since_it_was_shown_can_be_decided(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path
) -> None:
    """The queue groups the first 3,000 questions not yet reviewed, worst kind first. An
    item shown, then pushed out of those by a flood of worse ones, could not be decided:
    the check that its question was still kept read that grouped queue, did not find it,
    and told the moderator it had been deleted, writing nothing. It is decided as shown."""
    from bot.storage import SqliteStore
    from bot.storage.reports import REVIEW_WINDOW

    world = fake_discord.world
    asked = "what is a zebra fund"
    path = tmp_path / "bot.db"
    async with start_bot(mod_bot(store=SqliteStore(path))) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        shown = await review_message(fake_discord)
        assert shown["embeds"][0]["description"] == asked
        await execute_beside(path, flood_of_misses(REVIEW_WINDOW))
        assert asked not in {i.example for i in await bot.store.review_queue()}
        dismiss = _component(shown, 2, "Dismiss")
        click = await fake_discord.click_button(shown, dismiss["custom_id"], user=world.moderator)
        await click.response()
        assert content(await click.edit(0, timeout=20)) == "Dismissed."
        assert await bot.store.decided([asked]) == {asked}


async def test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, faq_copy: Path, capsys
) -> None:
    """The queue groups its first 3,000 questions not yet reviewed: with more waiting, the
    review counted "1 of 3" and the digest "3 items (3 not what I asked)", the items of those
    3,000 only, while more questions waited (here an unanswered one, of a kind not counted
    at all), and `faq review` listed them as all there was. All three say more wait; once
    they all fit, none does."""
    from bot.cli import main
    from bot.cli.faq import window_line
    from bot.storage import SqliteStore
    from bot.storage.reports import REVIEW_WINDOW

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    path = tmp_path / "bot.db"
    async with start_bot(mod_bot(store=SqliteStore(path), mod_log_channel_id=log_id)) as bot:
        chores = chores_of(bot)
        assert await ask_title(fake_discord, "what is a zebra fund") is None  # queued
        await fake_discord.settle()
        await execute_beside(path, flood_of_misses(REVIEW_WINDOW))
        grouped = len(await bot.store.review_queue())
        shown = await review_message(fake_discord)
        assert shown["embeds"][0]["title"] == f"Review queue: 1 of {grouped}+"
        posted = len(world.messages_in(log_id))
        # (a past day: the bot's own hourly pass claims today's)
        assert await chores.digest_if_due(dt.datetime(2001, 3, 5, 16, tzinfo=dt.UTC))
        await fake_discord.settle()
        [digest] = [m["content"] for m in world.messages_in(log_id)[posted:]]
        assert digest.startswith(
            f"**Review queue:** {grouped}+ items ({grouped} not what I asked, of the first "
            f"{REVIEW_WINDOW:,} questions; more wait)."
        ), digest
        capsys.readouterr()
        cli = ["faq", "review", "--db", str(path), "--faq-dir", str(faq_copy)]
        assert await asyncio.to_thread(main, cli) == 0
        assert window_line() in capsys.readouterr().out
        # positive control: the misses gone (purged), every question left is counted
        await execute_beside(path, "DELETE FROM questions WHERE kind = 'miss'")
        assert (await review_message(fake_discord))["embeds"][0]["title"] == "Review queue: 1 of 1"
        assert await chores.digest_if_due(dt.datetime(2001, 3, 6, 16, tzinfo=dt.UTC))
        await fake_discord.settle()
        [digest] = [m["content"] for m in world.messages_in(log_id)[posted + 1 :]]
        assert digest.startswith("**Review queue:** 1 item (1 unanswered).")
        assert await asyncio.to_thread(main, cli) == 0
        table = capsys.readouterr().out
        assert "what is a zebra fund" in table and window_line() not in table


async def test_new_entry_on_a_stale_view_says_so_and_opens_no_form(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()):
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        first, stale = await review_message(fake_discord), await review_message(fake_discord)
        dismiss = _component(first, 2, "Dismiss")
        done = await fake_discord.click_button(first, dismiss["custom_id"], user=world.moderator)
        await done.response()
        await fake_discord.settle()
        new = _component(stale, 2, "New entry")
        late = await fake_discord.click_button(stale, new["custom_id"], user=world.moderator)
        body = await late.response()
        assert body["type"] != 9  # no form to fill in for a question already decided
        assert "Someone decided on this question" in json.dumps(await late.edit(0))


async def test_an_entry_saved_after_someone_decided_its_question_says_so(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The form was open while a colleague decided the question: the entry is saved (it
    is the moderator's work), the first decision stands, and the moderator is told."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        mine, theirs = await review_message(fake_discord), await review_message(fake_discord)
        new = _component(mine, 2, "New entry")
        opened = await fake_discord.click_button(mine, new["custom_id"], user=world.moderator)
        assert (await opened.response())["type"] == 9  # the form
        dismiss = _component(theirs, 2, "Dismiss")
        done = await fake_discord.click_button(theirs, dismiss["custom_id"], user=world.moderator)
        await done.response()
        await fake_discord.settle()
        said = await save_new_entry(fake_discord, opened, asked, world.moderator)
        assert "Someone decided on the question it came from" in said
        assert (faq_copy / "spillover-bucket.md").is_file()
        [key] = {k for k in bot.store.reviewed}
        assert bot.store.reviewed[key][0] == "dismiss"


async def test_a_decision_written_while_the_reload_is_refused_leaves_the_queue(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The example is in the file: left queued, the item could only be dismissed (a second
    pick is refused as "already an example")."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        (faq_copy / "examples" / "three-buckets.yaml").write_text("- text: [unclosed\n")
        review = await review_message(fake_discord)
        pick = _component(review, 3)
        chosen = await fake_discord.select(
            review, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await chosen.response()
        said = json.dumps(await chosen.edit(0))
        await fake_discord.settle()
        assert "the FAQ folder has problems" in said
        assert asked in (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
        assert [i.example for i in await bot.store.review_queue()] == []


async def test_a_pick_already_written_is_recorded_and_a_clashing_one_refused(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A pick's example written but never recorded (the bot stopped in between): picking
    the same entry again takes the item off the queue; another entry is still refused, as
    the question would then teach two entries."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None  # unanswered: queued
        await fake_discord.settle()
        with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
            f.write(f"- text: {asked}\n")

        async def pick(entry_id: str) -> str:
            review = await review_message(fake_discord)
            menu = _component(review, 3)
            chosen = await fake_discord.select(
                review, menu["custom_id"], [entry_id], user=world.moderator
            )
            await chosen.response()
            said = json.dumps(await chosen.edit(0))
            await fake_discord.settle()
            return said

        said = await pick("three-buckets")
        assert "already an example in mega-backdoor-overview.yaml" in said
        assert [i.example for i in await bot.store.review_queue()] == [asked]
        said = await pick("mega-backdoor-overview")
        assert "already an example of" in said and "Not written" not in said
        assert [i.example for i in await bot.store.review_queue()] == []
        [decision] = bot.store.reviewed.values()
        assert decision[:2] == ("example", "mega-backdoor-overview")
        written = (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
        assert written.count(asked) == 1


async def test_a_pick_of_a_question_the_matcher_reads_no_word_of_answers_it(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A question none of whose words the matcher reads (another alphabet) ranks no entry,
    and the matcher gave up on it before looking at the examples: picked in review, it
    left the queue and the gaps with "Added as an example" while asked again it went
    unanswered. Its example now decides it, as any example decides its own question."""
    world = fake_discord.world
    unread = "Что такое мегабэкдор Рот?"
    readable = "is moving the spillover bucket into roth allowed"
    entry = "mega-backdoor-overview"
    async with start_bot(mod_bot()) as bot:
        title = bot.knowledge.titles[entry]
        said = {}
        for asked in (unread, readable):
            assert await ask_title(fake_discord, asked) is None  # not answered: queued
            await fake_discord.settle()
            review = await review_message(fake_discord)
            assert review["embeds"][0]["description"] == asked
            pick = _component(review, 3)["custom_id"]
            chosen = await fake_discord.select(review, pick, [entry], user=world.moderator)
            await chosen.response()
            said[asked] = content(await chosen.edit(0))
            await fake_discord.settle()
        written = (faq_copy / "examples" / f"{entry}.yaml").read_text()
        assert unread in written and readable in written
        assert said[readable] == f"Added as an example of **{title}**."  # (taught: said no more)
        assert await ask_title(fake_discord, readable) == title
        assert said[unread] == f"Added as an example of **{title}**."
        assert await ask_title(fake_discord, unread) == title


async def test_a_review_item_whose_entry_was_removed_says_the_entry_is_gone(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """An answer removed with "Not what I asked", whose entry a moderator retired (or
    renamed) since: the review showed its old id in bold as if it were a title, one the
    entry menus did not list. It now says that entry is no longer in the FAQ."""
    from bot.storage import AskedQuestion

    gone = "roth-five-year-clock"
    async with start_bot(mod_bot()) as bot:
        assert gone not in bot.knowledge.entries
        now = dt.datetime.now(dt.UTC)
        await bot.store.record_question(
            AskedQuestion(QUESTION, None, gone, 0.0, False, now, kind="miss")
        )
        review = await review_message(fake_discord)
        did = review["embeds"][0]["fields"][0]["value"]
        assert did == (
            f"Answered **{gone}** (an entry no longer in the FAQ); the asker said it was not "
            "what they asked."
        )
        options = [o["value"] for row in review["components"] for c in row["components"]
                   for o in c.get("options", [])]  # fmt: skip
        assert gone not in options and "three-buckets" in options


async def test_a_missed_mention_answer_is_reviewed_and_taught_without_the_bots_mention(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A mention's answer removed with "Not what I asked" is reviewed, and taught, as the
    question it asks: not "<@bot id> question" (the bot's id in the examples file)."""
    from tests.test_bot_e2e import mention_in_text_channel

    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        answer = await mention_in_text_channel(fake_discord, QUESTION)
        miss = next(c for c in custom_ids(answer.json) if c.startswith("rb:miss:"))
        click = await fake_discord.click_button(answer.response, miss, user=world.asker)
        await click.response()
        await fake_discord.settle()
        [item] = await bot.store.review_queue()
        assert item.kind == "miss"  # positive control
        review = await review_message(fake_discord)
        pick = _component(review, 3)
        chosen = await fake_discord.select(
            review, pick["custom_id"], ["mega-backdoor-overview"], user=world.moderator
        )
        await chosen.response()
        await fake_discord.settle()
        written = (faq_copy / "examples" / "mega-backdoor-overview.yaml").read_text()
        assert "after-tax basis to" in written  # the decision was written
        assert ("<@" in item.example, str(world.bot_user.id) in written) == (False, False)


async def test_a_missed_mention_that_quotes_is_reviewed_as_the_question_it_answered(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A mention quoting someone's question ("> ...") above the member's own is answered for
    one of the two. Its answer removed with "Not what I asked", the review queue showed the
    quote and the own words run together, and "This is the entry that answers it" taught
    the entry both questions as one: kept is the one the removed answer was for."""
    world = fake_discord.world
    own = "Is the pro-rata rule a problem for my backdoor Roth?"
    async with start_bot(mod_bot()) as bot:
        for words, asked in ((own, own), ("this one?", QUESTION)):
            mark = fake_discord.mark()
            await fake_discord.send_message(
                world.text_channel,
                f"> {QUESTION}\n{world.bot_user.mention} {words}",
                author=world.asker,
                mentions=[world.bot_user],
            )
            answer = await fake_discord.wait_for_call("POST", r"/channels/\d+/messages", since=mark)
            miss = next(c for c in custom_ids(answer.json) if c.startswith("rb:miss:"))
            click = await fake_discord.click_button(answer.response, miss, user=world.asker)
            await click.response()
            await fake_discord.settle()
            newest = max(await bot.store.review_queue(), key=lambda i: i.last_seen)
            assert (newest.kind, newest.example) == ("miss", asked)


async def test_not_what_i_asked_puts_the_question_in_the_review_queue(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        post = await fake_discord.post_forum_thread("Split?", QUESTION, author=world.asker)
        reply = await post.reply()
        entry = "split-earnings-to-traditional-ira"
        miss = f"rb:miss:{entry}:{world.asker.id}"
        await (await fake_discord.click_button(reply.response, miss, user=world.asker)).response()
        await fake_discord.settle()
        [item] = await bot.store.review_queue()
        # the post as it was matched: its title too, which often carries the question (on a
        # line of its own, as an unanswered post is kept)
        assert (item.kind, item.example, item.entry_id) == ("miss", f"Split?\n{QUESTION}", entry)
        review = await review_message(fake_discord)
        assert "not what they asked" in review["embeds"][0]["fields"][0]["value"]
        dismiss = _component(review, 2, "Dismiss")
        clicked = await fake_discord.click_button(
            review, dismiss["custom_id"], user=world.moderator
        )
        await clicked.response()
        await fake_discord.settle()
        assert await bot.store.review_queue() == []


async def test_a_miss_a_moderator_re_points_counts_once_against_the_entry(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, capsys
) -> None:
    """An answer its asker removed with "Not what I asked" counts against the entry as
    that miss (and the member's not-helpful vote). A moderator who then picked the right
    entry for it in review re-pointed it, which counted it again: the entry's rating fell
    from 40% (one bad vote) to 33% (two), and its row said "re-pointed 1" besides."""
    import json

    from bot.cli import main
    from bot.storage import SqliteStore

    world = fake_discord.world
    entry = "split-earnings-to-traditional-ira"
    async with start_bot(mod_bot(store=SqliteStore(tmp_path / "bot.db"))) as bot:
        post = await fake_discord.post_forum_thread("Split?", QUESTION, author=world.asker)
        reply = await post.reply()
        miss = f"rb:miss:{entry}:{world.asker.id}"
        await (await fake_discord.click_button(reply.response, miss, user=world.asker)).response()
        await fake_discord.settle()
        review = await review_message(fake_discord)
        chosen = await fake_discord.select(
            review, _component(review, 3)["custom_id"], ["notice-2014-54"], user=world.moderator
        )
        await chosen.response()
        assert content(await chosen.edit(0)).startswith("Added as an example of")
        await fake_discord.settle()
        stats = await admin(fake_discord, "stats")
        lines = stats["embeds"][0]["description"].splitlines()
        [at] = [n for n, line in enumerate(lines) if bot.knowledge.titles[entry][:60] in line]
        assert lines[at + 1] == "served 1 · 👍 0 👎 1 · not what I asked 1 · rating 40%"
    capsys.readouterr()
    assert (
        await asyncio.to_thread(main, ["faq", "stats", "--json", "--db", str(tmp_path / "bot.db")])
        == 0
    )
    [row] = [r for r in json.loads(capsys.readouterr().out)["entries"] if r["entry_id"] == entry]
    assert (row["not_what_i_asked"], row["repointed"], row["rating"]) == (1, 0, "0.400")


async def test_a_long_posts_miss_and_pointer_can_be_decided_in_review(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A forum post's question is its title and its opening message, which Discord lets
    run to 4,000 characters: removed with "Not what I asked", or pointed at an entry with
    "Answer with FAQ", it reached the review queue longer than an example question may be,
    and every decision but Dismiss said "Not written: An example question must be 3 to
    4000 characters long". It is kept as the bot matched it, its start and its end."""
    world = fake_discord.world
    story = " ".join(["I have saved after-tax money in my plan for years, every paycheck."] * 70)
    body = f"{QUESTION}\n{story}"[:3990]
    unwatched = world.add_forum_channel(world.guild, "other-forum", tags=("rollover",))
    async with start_bot(mod_bot()) as bot:
        post = await fake_discord.post_forum_thread(
            "Can I split my after-tax 401k rollover?", body, author=world.asker
        )
        reply = await post.reply()
        entry = "split-earnings-to-traditional-ira"
        assert reply.json["embeds"][0]["title"] == bot.knowledge.titles[entry]  # answered
        miss = f"rb:miss:{entry}:{world.asker.id}"
        await (await fake_discord.click_button(reply.response, miss, user=world.asker)).response()
        pointed = await fake_discord.post_forum_thread(
            "After-tax 401k money and my Roth IRA", body, forum=unwatched, author=world.asker
        )
        handle = await fake_discord.send_message_command(
            "Answer with FAQ", pointed.starter, user=world.moderator
        )
        await handle.response()
        [picker] = [c for c in custom_ids(handle.message) if c.startswith("rb:point:")]
        await (await fake_discord.select(handle, picker, [entry], user=world.moderator)).response()
        await fake_discord.settle()
        assert sorted(i.kind for i in await bot.store.review_queue()) == ["miss", "taught"]
        for kind in ("miss", "taught"):
            review = await review_message(fake_discord)
            pick = _component(review, 3)
            chosen = await fake_discord.select(
                review, pick["custom_id"], ["notice-2014-54"], user=world.moderator
            )
            await chosen.response()
            said = content(await chosen.edit(0))
            assert said.startswith("Added as an example of"), (kind, said)
            await fake_discord.settle()
        assert await bot.store.review_queue() == []
        taught = [e.text for e in bot.knowledge.examples if e.ids == ("notice-2014-54",)]
        for title in (
            "Can I split my after-tax 401k rollover?",
            "After-tax 401k money and my Roth IRA",
        ):
            assert any(t.startswith(f"{title}\n{QUESTION}") for t in taught), title


async def test_a_review_left_alone_says_it_expired_instead_of_failing_clicks(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review view stops listening after a while without clicks. Its message then says
    so, and its buttons go, whether a click had shown the message last or the command."""
    from bot.review import ReviewView

    # long enough for the test to read and click the message before it expires
    monkeypatch.setattr(ReviewView, "TIMEOUT", 2.0)
    world = fake_discord.world
    async with start_bot(mod_bot()):
        await queue_two_questions(fake_discord)
        handle = await fake_discord.send_slash_command("faq-admin review", {}, user=world.moderator)
        await handle.response()
        posted = await handle.followup(0)  # as sent (the message may expire meanwhile)
        assert posted["components"] and "1 of 2" in posted["embeds"][0]["title"]
        shown = copy.deepcopy(handle.followup_messages[0])
        # left alone: the command's own followup is edited
        [message_id] = handle.record.followup_ids
        expired = await fake_discord.wait_for_call(
            "PATCH", rf"/webhooks/\d+/{handle.token}/messages/{message_id}", timeout=6
        )
        assert "/faq-admin review" in expired.json["content"]
        assert expired.json["components"] == []
        assert "1 of 2" in expired.json["embeds"][0]["title"]  # what was on screen stays
        # a click sent before that edit reached the moderator: said, not failed
        late = await fake_discord._interact(  # (what the client sends: the old message)
            3,
            {"custom_id": _component(shown, 2, "Next ▶")["custom_id"], "component_type": 2},
            user=world.moderator,
            channel=fake_discord._channel(shown["channel_id"]),
            message=shown,
        )
        body = await late.response(timeout=4)
        assert body["type"] == 7 and "/faq-admin review" in content(body)

        # a second look, paged once: the click's token marks it expired
        handle = await fake_discord.send_slash_command("faq-admin review", {}, user=world.moderator)
        await handle.response()
        await handle.followup(0)
        review = handle.followup_messages[0]
        click = await fake_discord.click_button(
            review, _component(review, 2, "Next ▶")["custom_id"], user=world.moderator
        )
        await click.response()
        assert "2 of 2" in (await click.edit(0))["embeds"][0]["title"]
        expired = await click.edit(1, timeout=6)
        assert "/faq-admin review" in expired["content"] and expired["components"] == []
        assert "2 of 2" in expired["embeds"][0]["title"]


async def test_a_review_is_marked_expired_while_its_token_lasts_whatever_was_clicked(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review stops 14 minutes after its message was last shown and then edits it (buttons
    gone, "run /faq-admin review") through the token that showed it, which Discord takes
    for 15 minutes only. A click on "New entry" (answered with a form) or one whose decision
    failed shows nothing through its own token, yet restarted the 14 minutes: the expiry
    edit came after the old token's 15, Discord refused it, and the dead buttons stayed. Now
    each stops in the token's time, while a click that shows a page still restarts it.
    Time scaled down: TIMEOUT 2 s stands for 840 s. A token then lasts 2 * 900 / 840 s,
    too little slack to time on a loaded machine, so the check is "well before a wait
    restarted by the click (at 1 s) would end": 2.5 s, not the 3 s the bug took."""
    import time

    from bot.review import ReviewView

    monkeypatch.setattr(ReviewView, "TIMEOUT", 2.0)
    in_time = 2.5  # (the wait is 2 s from the token; a click's restart would end it at 3 s)

    async def failing(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("bot.review.decide", failing)
    world = fake_discord.world
    async with start_bot(mod_bot()):
        await queue_two_questions(fake_discord)
        reviews = []
        for _ in range(3):
            handle = await fake_discord.send_slash_command(
                "faq-admin review", {}, user=world.moderator
            )
            made = time.monotonic()  # the command's token: the one the view edits through
            await handle.response()
            await handle.followup(0)
            reviews.append((handle, made, handle.followup_messages[0]))
        await asyncio.sleep(1.0)  # the moderator reads the question (scaled: 7 minutes)
        clicks = [
            await fake_discord.click_button(
                review, _component(review, 2, label)["custom_id"], user=world.moderator
            )
            for (_, _, review), label in zip(
                reviews, ("New entry", "Dismiss", "Next ▶"), strict=True
            )
        ]
        assert [(await c.response())["type"] for c in clicks] == [9, 6, 6]
        assert "2 of 2" in (await clicks[2].edit(0))["embeds"][0]["title"]
        for handle, made, review in reviews[:2]:  # the form, the failed decision
            expired = await fake_discord.wait_for_call(
                "PATCH", rf"/webhooks/\d+/{handle.token}/messages/{review['id']}", timeout=6
            )
            assert expired.status == 200 and expired.json["components"] == []
            assert expired.time - made <= in_time, (
                f"edited {expired.time - made:.2f}s after its token was made (2 s wanted)"
            )
        # the page shown by a click restarted the wait: its own token marks it expired
        paged = clicks[2]
        expired = await fake_discord.wait_for_call(
            "PATCH", rf"/webhooks/\d+/{paged.token}/messages/@original", count=2, timeout=6
        )
        assert expired.json["components"] == [] and "/faq-admin review" in expired.json["content"]
        assert 1.8 <= expired.time - paged.sent_at <= in_time


async def test_a_decision_that_outlasts_the_review_says_so_and_leaves_no_dead_buttons(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A click does not restart the review's wait until its own token shows the message:
    a decision clicked just before the wait runs out, and slow to write (a reload), ends
    after the view stopped. Its result is shown without the buttons nothing answers now,
    and with the word that the review stopped."""
    import bot.review
    from bot.review import ReviewView

    monkeypatch.setattr(ReviewView, "TIMEOUT", 3.0)
    decide = bot.review.decide

    async def slow(*args: Any, **kwargs: Any) -> str:
        await asyncio.sleep(1.2)
        return await decide(*args, **kwargs)

    monkeypatch.setattr(bot.review, "decide", slow)
    world = fake_discord.world
    async with start_bot(mod_bot()):
        await queue_two_questions(fake_discord)
        handle = await fake_discord.send_slash_command("faq-admin review", {}, user=world.moderator)
        await handle.response()
        await handle.followup(0)
        review = handle.followup_messages[0]
        await asyncio.sleep(2.4)  # (the click lands 0.6 s before the wait ends)
        dismiss = _component(review, 2, "Dismiss")["custom_id"]
        click = await fake_discord.click_button(review, dismiss, user=world.moderator)
        assert (await click.response())["type"] == 6
        shown = await click.edit(0, timeout=4)
        assert shown["content"].startswith("Dismissed.") and "/faq-admin review" in shown["content"]
        assert shown["components"] == []


async def test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A moderator opens /faq-admin review and the bot restarts (a deploy): no view listens
    to the old message any more, so each of its buttons and menus got Discord's "This
    interaction failed". A click on one now says why in the message (private, like the
    review) and takes the dead buttons away, deciding nothing; a member is refused as
    before; and a review opened after the restart is answered by its view alone."""
    from bot.storage import MemoryStore

    store = MemoryStore()
    moderator = fake_discord.world.moderator
    async with start_bot(mod_bot(store=store)):
        await queue_two_questions(fake_discord)
        # (as first shown: the messages in the fake's world change when edited)
        old = [copy.deepcopy(await review_message(fake_discord)) for _ in range(5)]
    shown = fake_discord.world.messages
    async with start_bot(mod_bot(store=store)):
        pager = _component(old[0], 2, "Next ▶")["custom_id"]
        refused = await fake_discord.click_button(old[0], pager, user=fake_discord.world.newcomer)
        body = await refused.response(timeout=4)
        assert ephemeral(body) and "Only moderators" in content(body)
        assert shown[int(old[0]["id"])]["components"]  # a member's click changes nothing
        clicks = [
            await fake_discord.click_button(
                message, _component(message, 2, label)["custom_id"], user=moderator
            )
            for message, label in zip(
                old[:4], ("Next ▶", "Off-topic", "Dismiss", "New entry"), strict=True
            )
        ]
        pick = _component(old[4], 3)["custom_id"]
        clicks.append(
            await fake_discord.select(old[4], pick, ["mega-backdoor-overview"], user=moderator)
        )
        for click, message in zip(clicks, old, strict=True):
            body = await click.response(timeout=4)
            assert body["type"] == 7, body  # the clicked message, as private as the review
            said = content(body)
            assert "bot restarted" in said and "/faq-admin review" in said, said
            assert "nothing was decided" in said
            now = shown[int(message["id"])]
            assert now["components"] == [] and now["embeds"] == message["embeds"]
            assert "1 of 2" in now["embeds"][0]["title"]  # what was on screen stays
        assert len(await store.review_queue()) == 2  # no click decided anything
        # a review opened since: its own view answers, once, and the fallback stays out
        live = await review_message(fake_discord)
        paged = await fake_discord.click_button(
            live, _component(live, 2, "Next ▶")["custom_id"], user=moderator
        )
        assert (await paged.response())["type"] == 6
        assert "2 of 2" in (await paged.edit(0))["embeds"][0]["title"]
        await fake_discord.settle()
        assert len([c for c in paged.calls if c.path.endswith("/callback")]) == 1


async def test_stats_page_through_every_entry_by_title(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        for entry_id in bot.knowledge.entries:  # every entry served once: 25 rows, 3 pages
            await bot.store.record_served(entry_id)
        handle = await fake_discord.send_slash_command("faq-admin stats", {}, user=world.moderator)
        await handle.response()
        await handle.followup(0)
        first = handle.followup_messages[0]
        assert "(1 of 3)" in first["embeds"][0]["title"]
        seen = first["embeds"][0]["description"]
        nxt = _component(first, 2, "Next ▶")
        refused = await fake_discord.click_button(first, nxt["custom_id"], user=world.newcomer)
        assert "Only moderators" in content(await refused.response())
        for page in (2, 3):
            click = await fake_discord.click_button(first, nxt["custom_id"], user=world.moderator)
            assert (await click.response())["type"] == 6  # (acknowledged before reading)
            body = await click.edit()
            assert f"({page} of 3)" in body["embeds"][0]["title"]
            seen += body["embeds"][0]["description"]
            first = fake_discord.world.messages[int(first["id"])]
            nxt = _component(first, 2, "Next ▶")
        assert all(bot.knowledge.titles[i][:60] in seen for i in bot.knowledge.entries)
        assert nxt["disabled"]


async def test_the_mod_log_hears_of_refused_reloads_edits_and_the_queue(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    log_channel = world.add_text_channel(world.guild, "mod-log")
    log_id = int(log_channel["id"])

    def logged() -> list[str]:
        return [
            c.json["content"]
            for c in fake_discord.calls_matching("POST", rf"/channels/{log_id}/messages")
        ]

    async with start_bot(mod_bot(mod_log_channel_id=log_id)) as bot:
        chores = chores_of(bot)
        # a broken edit on disk: every problem reaches the log, as path:line: message
        path = faq_copy / "notice-2014-54.md"
        good = path.read_text()
        path.write_text("---\nid: [\n---\n")
        await admin(fake_discord, "reload")
        await fake_discord.settle()
        [refused] = logged()
        assert "reload refused" in refused and f"{path.name}:" in refused
        # an alias added from Discord: who, which entry, the diff; then the reload's summary
        path.write_text(good)
        await admin(
            fake_discord, "alias", {"topic": "notice-2014-54", "phrase": "the 2014-54 notice"}
        )
        await fake_discord.settle()
        edit, reloaded = logged()[1:]
        assert "**Mod** edited `notice-2014-54`" in edit
        assert "+ aliases: the 2014-54 notice" in edit and "short:" not in edit
        assert "reloaded" in reloaded and "notice-2014-54" in reloaded
        # the daily digest counts the queue: once a day, from the digest hour (15 UTC)
        await ask_title(fake_discord, "is moving the spillover bucket into roth allowed")
        await fake_discord.settle()
        # (a past day: the bot's own hourly pass claims today's)
        day = dt.datetime(2001, 3, 5, 14, 59, tzinfo=dt.UTC)
        posted = len(logged())
        assert not await chores.digest_if_due(day)
        # a failed read of the queue claims nothing: the next hour's pass posts it
        queue = bot.store.review_queue

        async def down(*args: Any, **kwargs: Any) -> Any:
            raise OSError("the database is down")

        bot.store.review_queue = down
        assert not await chores.digest_if_due(day.replace(hour=15))
        bot.store.review_queue = queue
        assert await chores.digest_if_due(day.replace(hour=16))
        await fake_discord.settle()
        assert len(logged()) == posted + 1
        assert "Review queue:** 1 item (1 unanswered)" in logged()[-1]
        chores._digest_settled = None  # (as another process, which has not looked today)
        assert not await chores.digest_if_due(day.replace(hour=23))
        assert await chores.digest_if_due(day + dt.timedelta(days=1, minutes=1))
        await fake_discord.settle()
        assert len(logged()) == posted + 2
        # the FAQ answers the question since: /faq-admin review leaves it out, so does the
        # digest (counted, it would come back every day with nothing to clear)
        await admin(
            fake_discord,
            "alias",
            {
                "topic": "three-buckets",
                "phrase": "is moving the spillover bucket into roth allowed",
            },
        )
        await fake_discord.settle()
        posted = len(logged())
        assert await chores.digest_if_due(day + dt.timedelta(days=2, minutes=1))
        await fake_discord.settle()
        assert len(logged()) == posted
        # nothing in the log pings
        for call in fake_discord.calls_matching("POST", rf"/channels/{log_id}/messages"):
            assert not would_ping(call.json).any


async def test_the_mod_log_hears_when_a_broken_edit_it_was_told_of_is_reverted(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """A broken edit, then the file put back as it was (git checkout, an editor's undo):
    the log said "Fix these and save again", and the reload that took the fixed files
    changed nothing against the FAQ in use, so it said nothing and that stood as the
    log's last word."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> list[str]:
        return [m["content"] for m in world.messages_in(log_id)]

    bot = make_bot(
        knowledge=KnowledgeBase.load(faq_copy), faq_watch=True, mod_log_channel_id=log_id
    )
    path = faq_copy / "notice-2014-54.md"
    good = path.read_text()
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        path.write_text("---\nid: [\n---\n")
        await wait_until(lambda: len(logged()) == 1, timeout=10)
        assert "reload refused" in logged()[0]
        path.write_text(good)
        await wait_until(lambda: len(logged()) == 2, timeout=10)
        assert "**FAQ reloaded** (files changed on disk): the files load again" in logged()[1]
        # and only once: a reload after that, with nothing changed, says nothing
        assert content(await admin(fake_discord, "reload")).startswith("FAQ reloaded: nothing new")
        await fake_discord.idle(quiet=0.3)
        assert len(logged()) == 2
        for call in fake_discord.calls_matching("POST", rf"/channels/{log_id}/messages"):
            assert not would_ping(call.json).any


async def test_the_mod_log_says_a_broken_file_once_not_at_every_reload(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A broken file saved again still broken (an editor's autosave, a second try), or
    another entry edited beside it, refused the reload each time, and each refusal posted
    the whole list of problems to the moderator log again: a moderator fixing one file
    filled the channel with copies. The log says a list once; a new problem, a fix, and
    the same file broken again after its fix are each said."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> list[str]:
        return [m["content"] for m in world.messages_in(log_id)]

    async with start_bot(mod_bot(mod_log_channel_id=log_id)) as bot:
        broken, other = faq_copy / "notice-2014-54.md", faq_copy / "three-buckets.md"
        good, other_good = broken.read_text(), other.read_text()
        broken.write_text("---\nid: [\n---\n")
        assert not (await bot.reload_faq("files changed on disk")).ok
        # saved again with a line above the problem, another entry edited beside it, a
        # moderator's reload: the same problem each time
        broken.write_text("---\n\nid: [\n---\n")
        assert not (await bot.reload_faq("files changed on disk")).ok
        other.write_text(other_good + "\nOne more line.\n")
        assert not (await bot.reload_faq("files changed on disk")).ok
        said = content(await admin(fake_discord, "reload"))
        assert "notice-2014-54.md" in said  # (the moderator who asked is told, as before)
        await fake_discord.settle()
        [refused] = logged()
        assert refused.startswith("**FAQ reload refused**") and "notice-2014-54.md:" in refused
        # a second broken file is news: the list is said again, with both
        other.write_text("no front matter, half an edit\n")
        assert not (await bot.reload_faq("files changed on disk")).ok
        await fake_discord.settle()
        assert len(logged()) == 2 and "three-buckets.md:" in logged()[1]
        # both fixed: said once; the same file broken again afterwards: said again
        broken.write_text(good)
        other.write_text(other_good)
        assert (await bot.reload_faq("files changed on disk")).ok
        broken.write_text("---\nid: [\n---\n")
        assert not (await bot.reload_faq("files changed on disk")).ok
        await fake_discord.settle()
        assert "the files load again" in logged()[2]
        assert logged()[3].startswith("**FAQ reload refused**") and len(logged()) == 4


async def test_the_mod_log_hears_of_notices_a_reload_brings_once(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A file edit on disk that loads but may not do what was meant (here the off-topic
    examples gone, so nothing teaches the bot which posts to leave alone): `faq validate`
    says so in a notice, but the moderator log said only "FAQ reloaded", and moderators
    who edit the files never ran validate. The log says the notices a reload brings, once:
    a later reload that still has them does not say them again."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])

    def logged() -> list[str]:
        return [m["content"] for m in world.messages_in(log_id)]

    async with start_bot(mod_bot(mod_log_channel_id=log_id)) as bot:
        (faq_copy / "examples" / "_off-topic.yaml").unlink()
        assert (await bot.reload_faq("files changed on disk")).ok
        await fake_discord.idle(quiet=0.2)
        # (A change to examples alone is no "FAQ reloaded": review decisions make them.)
        [notices] = logged()
        assert notices.startswith("**New notices** (files changed on disk)"), notices
        assert "_off-topic.yaml:0: no off-topic example questions" in notices
        # still there after another edit: said once
        path = faq_copy / "notice-2014-54.md"
        path.write_text(path.read_text().replace("\naliases:\n", "\naliases:\n  - the notice\n", 1))
        assert (await bot.reload_faq("files changed on disk")).ok
        await fake_discord.idle(quiet=0.2)
        assert len(logged()) == 2 and logged()[1].startswith("**FAQ reloaded**")
        assert "_off-topic" not in logged()[1]


async def test_an_editors_hidden_files_beside_the_entries_are_no_notices(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_copy: Path
) -> None:
    """Emacs keeps a lock, '.#<file>' (a link to nowhere), beside a file while it is being
    edited; macOS leaves '._<file>' on shared drives. Beside the entries, each was 'not an
    FAQ entry' in `faq validate` and, brought by the watcher's reload, in the moderator
    log ("New notices"), every time a moderator began an edit in Emacs."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    bot = make_bot(
        knowledge=KnowledgeBase.load(faq_copy), faq_watch=True, mod_log_channel_id=log_id
    )
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(bot):
        await asyncio.sleep(0.3)  # let the watcher start
        (faq_copy / ".#notice-2014-54.md").symlink_to("moderator@host.4242:1733300000")
        (faq_copy / "._notice-2014-54.md").write_bytes(b"\x00\x05\x16\x07 Mac OS X")
        await asyncio.sleep(2.5)  # (a reload they brought would have posted meanwhile)
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "Edited"))
        await wait_until(lambda: bot.knowledge.get("notice-2014-54").title == "Edited", 15)
        await fake_discord.idle(quiet=0.3)
    logged = "\n".join(m["content"] for m in world.messages_in(log_id))
    assert "**FAQ reloaded**" in logged, logged
    assert "New notices" not in logged and "not an FAQ entry" not in logged, logged
    scan, _ = validate_folder(faq_copy)
    assert scan.notices == [] and scan.problems == []


async def test_a_bot_started_after_the_digest_hour_posts_the_digest_once_connected(
    fake_discord: FakeDiscord, mod_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """The hourly pass waits until the bot is connected: a pass made before it could see the
    log channel claimed the day and posted nothing, so a bot restarted daily after the
    digest hour never posted one. A process that cannot see the channel claims nothing
    (nor tries to post, a warning every hour)."""
    from bot.storage import AskedQuestion, MemoryStore

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    store = MemoryStore()
    asked = AskedQuestion(
        "is moving the spillover bucket into roth allowed",
        None,
        None,
        3.0,
        False,
        dt.datetime.now(dt.UTC),
    )
    await store.record_question(asked)
    async with start_bot(mod_bot(store=store, mod_log_channel_id=log_id, digest_hour_utc=0)):
        call = await fake_discord.wait_for_call("POST", rf"/channels/{log_id}/messages")
        assert "Review queue:** 1 item (1 unanswered)" in call.json["content"]
        assert ("digest", dt.datetime.now(dt.UTC).date()) in store.chores

    unseen = MemoryStore()
    await unseen.record_question(asked)
    async with start_bot(mod_bot(store=unseen, mod_log_channel_id=4242, digest_hour_utc=0)) as bot:
        await fake_discord.settle()
        caplog.clear()
        assert not await bot.get_cog("Housekeeping").digest_if_due(dt.datetime.now(dt.UTC))
        assert unseen.chores == set()
        assert not [r for r in caplog.records if "not a channel the bot can see" in r.getMessage()]


async def test_the_digest_tells_moderators_of_answers_marked_not_helpful(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path
) -> None:
    """A member who clicks *Not helpful* is told "Moderators review answers marked not
    helpful", but nothing told the moderators: the daily digest counted the review queue
    only (a vote is no item of it), and with the queue empty it said nothing at all. The
    digest now names the entries marked not helpful in the last day, with their votes."""
    from bot.storage import SqliteStore

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store, mod_log_channel_id=log_id)) as bot:
        chores = chores_of(bot)
        entry = "split-earnings-to-traditional-ira"
        answered = await fake_discord.send_slash_command("ask", {"question": QUESTION})
        await answered.response()
        for user, vote in ((world.asker, "down"), (world.owner, "down"), (world.newcomer, "up")):
            click = await fake_discord.click_button(answered, f"rb:vote:{entry}:{vote}", user=user)
            said = content(await click.response())
            assert vote == "up" or "Moderators review answers marked not helpful" in said
        await fake_discord.settle()
        assert await store.review_queue() == []  # (the queue has nothing to say)
        posted = len(world.messages_in(log_id))
        # (a past day: the bot's own hourly pass claims today's)
        assert await chores.digest_if_due(dt.datetime(2001, 3, 5, 16, tzinfo=dt.UTC))
        await fake_discord.settle()
        [digest] = [m["content"] for m in world.messages_in(log_id)[posted:]]
        title = bot.knowledge.titles[entry]
        assert digest.startswith("**Marked not helpful** in the last 24 hours: 2 votes, on ")
        assert f"{title} (2)" in digest and "/faq-admin stats" in digest


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_digest_posted_late_counts_the_votes_since_the_one_before(
    backend: str,
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    tmp_path: Path,
    monkeypatch,
    request: pytest.FixtureRequest,
) -> None:
    """The digest counted "not helpful" votes of the 24 hours before it was posted. A bot
    down at the digest hour posts when it is back, later: the hours between the digest
    before and 24 hours ago were never told (and the next day's, on time, told some twice).
    It counts the votes since the digest before now, and says so."""
    import sys

    from bot.storage import PostgresStore, SqliteStore

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    if backend == "sqlite":
        store: Any = SqliteStore(tmp_path / "bot.db")
    else:
        store = PostgresStore(request.getfixturevalue("postgres_url"))
    clock = sys.modules[type(store).__module__]

    def at(day: int, hour: int) -> dt.datetime:
        return dt.datetime(2001, 3, day, hour, tzinfo=dt.UTC)

    entry, told = "split-earnings-to-traditional-ira", "notice-2014-54"
    await store.open()  # (the days before, recorded before the bot's own clock runs)
    for when, record in (
        (at(4, 12), store.record_vote(told, 0, "a", False)),  # told by the digest below
        (at(4, 15), store.claim_chore("digest", at(4, 15).date())),  # posted on time
        (at(4, 18), store.record_vote(entry, 0, "b", False)),  # after it
    ):
        monkeypatch.setattr(clock, "utc_now", lambda when=when: when)
        await record
    monkeypatch.undo()
    # (today's claimed already, as by another process: the bot's own hourly pass posts none)
    assert await store.claim_chore("digest", dt.datetime.now(dt.UTC).date())
    async with start_bot(mod_bot(store=store, mod_log_channel_id=log_id)) as bot:
        posted = len(world.messages_in(log_id))
        chores = bot.get_cog("Housekeeping")
        assert await chores.digest_if_due(at(5, 21))  # down at 15:00, back at 21:00
        await wait_until(lambda: len(world.messages_in(log_id)) > posted)
        [digest] = [m["content"] for m in world.messages_in(log_id)[posted:]]
    since = discord.utils.format_dt(at(4, 15), "f")
    assert digest.startswith(f"**Marked not helpful** since the last digest ({since}): 1 vote")
    assert f"{bot.knowledge.titles[entry]} (1)" in digest
    assert bot.knowledge.titles[told] not in digest


async def test_a_digest_discord_would_not_take_is_posted_at_the_next_pass(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, caplog
) -> None:
    """The day's digest was claimed before it was posted, so one Discord refused (a 503,
    an outage at the digest hour) was lost: no pass tried it again that day, and the next
    day's counted the votes since the lost one, which nobody read. It is given back now:
    the next hourly pass posts it, counting from the digest before."""
    from bot.storage import SqliteStore

    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store, mod_log_channel_id=log_id)) as bot:
        chores = chores_of(bot)
        answered = await fake_discord.send_slash_command("ask", {"question": QUESTION})
        await answered.response()
        entry = "split-earnings-to-traditional-ira"
        click = await fake_discord.click_button(answered, f"rb:vote:{entry}:down")
        await click.response()
        await fake_discord.settle()
        posted = len(world.messages_in(log_id))
        fake_discord.fail_next("POST", rf"/channels/{log_id}/messages", status=503)
        with caplog.at_level(logging.WARNING):
            # (a past day: the bot's own hourly pass claims today's)
            assert not await chores.digest_if_due(dt.datetime(2001, 3, 5, 16, tzinfo=dt.UTC))
        await fake_discord.settle()
        assert fake_discord.calls_matching("POST", rf"/channels/{log_id}/messages", injected=True)
        assert len(world.messages_in(log_id)) == posted  # refused: nothing posted
        assert any("could not post to the mod log" in r.getMessage() for r in caplog.records)
        assert await chores.digest_if_due(dt.datetime(2001, 3, 5, 17, tzinfo=dt.UTC))
        await fake_discord.settle()
        [digest] = [m["content"] for m in world.messages_in(log_id)[posted:]]
        assert digest.startswith("**Marked not helpful** in the last 24 hours: 1 vote")


async def test_new_entry_from_the_review_queue_is_prefilled_and_clears_the_item(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None
        await fake_discord.settle()
        review = await review_message(fake_discord)
        new = _component(review, 2, "New entry")
        opened = await fake_discord.click_button(review, new["custom_id"], user=world.moderator)
        modal = await opened.response()
        assert modal["type"] == 9
        fields = {
            c["custom_id"]: c for row in modal["data"]["components"] for c in row["components"]
        }
        assert fields["title"]["value"] == asked  # pre-filled with the question
        # the queue keeps it until the entry really exists
        assert len(await bot.store.review_queue()) == 1
        await save_new_entry(fake_discord, opened, asked, world.moderator)
        await fake_discord.settle()
        assert (faq_copy / "spillover-bucket.md").is_file()
        assert await bot.store.review_queue() == []


LONG_QUESTION = (
    "my plan has a weird overflow thing where excess deferrals land and I have read the "
    "summary plan description three times without finding out what they call it, who I "
    "should ask at HR about it, or whether it is the same as the after-tax bucket people "
    "here keep talking about, so can that overflow money go roth somehow"
)


@pytest.mark.parametrize(
    "asked",
    [
        "my plan has a weird overflow thing where excess deferrals land, can that go roth",
        LONG_QUESTION,
    ],
    ids=["short", "longer-than-a-title"],
)
async def test_new_entry_from_review_teaches_its_question_so_it_is_answered_next_time(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, asked: str
) -> None:
    """A moderator turns an unanswered question into a new entry from the review queue,
    with a proper title (a member's wording is rarely a good one). The item leaves the
    queue: the question it came from was never taught, so asked again it still went
    unanswered, and was in neither the queue nor the gaps any more. It is now the new
    entry's example (whole, though a title holds 256 characters) and gets that entry."""
    world = fake_discord.world
    assert len(LONG_QUESTION) > 256
    async with start_bot(mod_bot()) as bot:
        opened = await new_entry_from_review(fake_discord, asked)
        said = await save_new_entry(
            fake_discord, opened, "What is the spillover bucket?", world.moderator
        )
        assert "could not" not in said and "not added" not in said
        await fake_discord.settle()
        assert await bot.store.review_queue() == []  # the item is gone
        examples = (faq_copy / "examples" / "spillover-bucket.yaml").read_text()
        assert asked in " ".join(examples.split())  # (the YAML may fold a long line)
        # the same question asked again, word for word: the new entry answers it
        assert await ask_title(fake_discord, asked) == "What is the spillover bucket?"


async def test_a_new_entry_whose_question_another_entry_holds_leaves_it_queued(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The question is already another entry's example (written into its file meanwhile):
    it cannot teach the new entry too, so it is not decided unseen; the entry is saved, the
    moderator told, and the item waits in the queue."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        opened = await new_entry_from_review(fake_discord, asked)
        with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
            f.write(f"- text: {asked}\n")  # (while the form is open)
        said = await save_new_entry(fake_discord, opened, asked, world.moderator)
        assert "not added as its example" in said and "mega-backdoor-overview.yaml" in said
        assert (faq_copy / "spillover-bucket.md").is_file()
        assert not (faq_copy / "examples" / "spillover-bucket.yaml").exists()
        assert [i.example for i in await bot.store.review_queue()] == [asked]


async def test_new_entry_opens_its_form_in_time_while_the_database_is_slow(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A form must be Discord's first response, within three seconds: "New entry" asks
    the database whether the question was decided meanwhile, and a database held up (a
    write's lock) left the moderator with "This interaction failed" and no form."""
    from bot.storage import MemoryStore

    class HeldUp(MemoryStore):
        async def decided(self, keys):  # type: ignore[no-untyped-def]
            await asyncio.sleep(10)
            return await super().decided(keys)

    world = fake_discord.world
    async with start_bot(mod_bot(store=HeldUp())):
        assert (
            await ask_title(fake_discord, "is moving the spillover bucket into roth allowed")
            is None
        )
        await fake_discord.settle()
        review = await review_message(fake_discord)
        new = _component(review, 2, "New entry")
        opened = await fake_discord.click_button(review, new["custom_id"], user=world.moderator)
        assert (await opened.response(timeout=2.5))["type"] == 9  # the form, in time


async def test_a_gap_fixed_in_the_files_leaves_gaps_and_the_queue(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    asked = "explain it like I am five"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None
        await fake_discord.settle()
        gaps = await admin(fake_discord, "gaps")
        assert asked in gaps["embeds"][0]["description"]
        assert "1 of 1" in (await review_message(fake_discord))["embeds"][0]["title"]
        # fixed another way than a review decision: a moderator edits the examples files,
        # teaching it to two entries that answer it (what the mega backdoor is, whether it
        # is worth it). (Taught to one entry alone, its sentence embedding scores it 98.6,
        # above the sure threshold: not the answer under it this test is about.)
        for entry in ("mega-backdoor-overview", "mega-backdoor-worth-it"):
            with (faq_copy / "examples" / f"{entry}.yaml").open("a") as f:
                f.write(f"- text: {asked}\n")
        await admin(fake_discord, "reload")
        assert await ask_title(fake_discord, asked) is not None
        # Answered because it was taught, and scored under the sure threshold: were it not
        # taught, that answer would be shaky (or not given) and wait in the review queue
        # (checked below).
        result = bot.knowledge.matcher.match(asked)
        assert result.answered and result.best.score < bot.knowledge.matcher.tuning.sure_threshold
        assert not result.shaky  # (a moderator's answer: not one to hedge or review again)
        gaps = await admin(fake_discord, "gaps")
        assert "No unanswered questions" in content(gaps)
        assert (await review_message(fake_discord))["embeds"][0]["description"] == (
            "Nothing to review."
        )


async def test_gaps_still_lists_unanswered_questions_after_the_top_ones_were_fixed(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """The README's workflow: read /faq-admin gaps, fix the top questions with
    /faq-admin alias (which marks nothing reviewed). Once the 30 most frequent stored
    groups were answered by the FAQ, gaps said "No unanswered questions recorded." though
    a question nobody fixed was still stored unanswered."""
    from bot.storage import AskedQuestion
    from bot.storage.reports import normalise, similar

    async with start_bot(mod_bot()) as bot:
        kb = bot.knowledge
        # questions the FAQ answers now (as if an alias was added since they were asked),
        # each its own group
        fixed: list[str] = []
        for entry in kb.entries.values():
            for text in [entry.title, *entry.aliases]:
                apart = all(similar(normalise(text), normalise(f)) < 70 for f in fixed)
                if len(fixed) < 32 and apart and kb.ask(text).answered:
                    fixed.append(text)
        assert len(fixed) == 32
        now = dt.datetime.now(dt.UTC)
        for n, text in enumerate(fixed):
            for k in range(2):  # asked twice each: the most frequent gaps
                await bot.store.record_question(
                    AskedQuestion(text, None, None, 5.0, False, now - dt.timedelta(minutes=n + k))
                )
        still = "what is the weather on mars today"
        assert not kb.ask(still).answered
        await bot.store.record_question(AskedQuestion(still, None, None, 3.0, False, now))
        gaps = await admin(fake_discord, "gaps")
        assert gaps.get("embeds"), content(gaps)
        assert gaps["embeds"][0]["description"] == f"**1×** {still}"


async def test_gaps_of_one_day_and_one_group_are_said_in_the_singular(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, capsys
) -> None:
    """`/faq-admin gaps days:1` was titled "Unanswered questions (last 1 days)", and
    `rollover-bot faq gaps --days 1 --limit 1` said "in the last 1 days" and "More groups
    wait than these 1"."""
    from bot.cli import main
    from bot.storage import SqliteStore

    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store)):
        for question in ("what is a zebra fund", "how do I paint a fence"):
            assert await ask_title(fake_discord, question) is None
        await fake_discord.settle()
        gaps = await admin(fake_discord, "gaps", {"days": 1})
        assert gaps["embeds"][0]["title"] == "Unanswered questions (last day)"
        week = await admin(fake_discord, "gaps", {"days": 7})
        assert week["embeds"][0]["title"] == "Unanswered questions (last 7 days)"
    capsys.readouterr()
    db = ["--db", str(tmp_path / "bot.db")]
    assert await asyncio.to_thread(main, ["faq", "gaps", *db, "--days", "1", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Most frequent unanswered questions in the last day (")
    assert "More groups wait than this one: '--limit N' lists N." in out
    assert await asyncio.to_thread(main, ["faq", "review", *db, "--limit", "1"]) == 0
    assert "More items wait than this one: '--limit N' lists N." in capsys.readouterr().out
    assert await asyncio.to_thread(main, ["faq", "gaps", *db, "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Most frequent unanswered questions in the last 2 days (")
    assert "More groups" not in out


async def test_gaps_say_which_days_their_counts_cover(
    fake_discord: FakeDiscord, mod_bot, start_bot, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Questions are kept `database.retention_days`: /faq-admin gaps without days was
    titled "Unanswered questions", its "2×" read as for all time, and days:365 was titled
    "last 365 days" over 30 days' questions; `faq gaps` said no window at all. Both say
    the window their counts cover now."""
    from bot.cli import main
    from bot.storage import SqliteStore

    store = SqliteStore(tmp_path / "bot.db")
    async with start_bot(mod_bot(store=store, database={"retention_days": 30})):
        assert await ask_title(fake_discord, "what is a zebra fund") is None
        await fake_discord.settle()
        for options in ({}, {"days": 365}, {"days": 30}):
            gaps = await admin(fake_discord, "gaps", options)
            title = gaps["embeds"][0]["title"]
            assert title == "Unanswered questions (last 30 days, all that are kept)", options
        gaps = await admin(fake_discord, "gaps", {"days": 29})
        assert gaps["embeds"][0]["title"] == "Unanswered questions (last 29 days)"
    capsys.readouterr()
    # A question past the retention that the daily purge has not removed yet (the bot
    # stopped first) was listed under "last 30 days": it is counted only within them.
    from bot.storage import AskedQuestion

    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    async with SqliteStore(tmp_path / "bot.db") as kept:  # (no retention: nothing purged)
        await kept.record_question(
            AskedQuestion("what is an elephant fund", None, None, 0.0, False, old)
        )
    monkeypatch.setenv("ROLLOVER_DATABASE__RETENTION_DAYS", "30")  # (as the bot's settings)
    assert await asyncio.to_thread(main, ["faq", "gaps", "--db", str(tmp_path / "bot.db")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Most frequent unanswered questions in the last 30 days, all that are kept ("
    )
    assert "zebra fund" in out and "elephant fund" not in out, out
    for days in ("45", "365"):  # (asked for more days than are kept: the same window)
        args = ["faq", "gaps", "--days", days, "--db", str(tmp_path / "bot.db")]
        assert await asyncio.to_thread(main, args) == 0
        assert "elephant fund" not in capsys.readouterr().out, days
    monkeypatch.setenv("ROLLOVER_DATABASE__RETENTION_DAYS", "60")
    assert await asyncio.to_thread(main, ["faq", "gaps", "--db", str(tmp_path / "bot.db")]) == 0
    assert "elephant fund" in capsys.readouterr().out


async def test_gaps_say_when_more_groups_wait_than_the_list_shows(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """/faq-admin gaps lists the 10 most frequent groups, and said nothing of the rest: a
    moderator who fixed those ten read "all done" in a list as full as before. It now
    says when more wait, and not when the ten are all (nor for a group the FAQ answers
    now, which is no gap)."""
    from bot.storage import AskedQuestion

    # each its own group, none of them answered: made-up words, no two alike
    made_up = random.Random(4)
    asked = [
        " ".join(
            "".join(made_up.choice("bdfgklmnprstvz") + made_up.choice("aeiou") for _ in range(3))
            for _ in range(5)
        )
        + "?"
        for _ in range(11)
    ]

    async with start_bot(mod_bot()) as bot:
        now = dt.datetime.now(dt.UTC)
        fixed = bot.knowledge.entries["three-buckets"].title  # answered now: no gap
        assert bot.knowledge.ask(fixed).answered
        for n, text in enumerate([fixed, *asked[:10]]):
            assert n == 0 or not bot.knowledge.ask(text).answered, text
            await bot.store.record_question(
                AskedQuestion(text, None, None, 3.0, False, now - dt.timedelta(minutes=n))
            )
        gaps = await admin(fake_discord, "gaps")
        [embed] = gaps["embeds"]
        assert len(embed["description"].split("\n")) == 10  # positive control: all ten
        assert embed["footer"]["text"].startswith("Add an alias"), embed["footer"]
        await bot.store.record_question(AskedQuestion(asked[10], None, None, 3.0, False, now))
        [embed] = (await admin(fake_discord, "gaps"))["embeds"]
        assert len(embed["description"].split("\n")) == 10
        assert embed["footer"]["text"].startswith(
            "These are the 10 most frequent; more wait ('rollover-bot faq gaps --limit N'"
        ), embed["footer"]


async def test_the_review_queue_is_not_emptied_by_items_the_faq_answers_now(
    fake_discord: FakeDiscord, mod_bot, start_bot, monkeypatch
) -> None:
    """One look at the queue fetched QUEUE_LIMIT items and only then left out those the
    FAQ answers now: with that many answered since at the top, it said "Nothing to
    review." while a question waited. (QUEUE_LIMIT lowered to 2, as above; in production
    the same happened with 200 of them.)"""
    import bot.review
    from bot.storage import AskedQuestion

    monkeypatch.setattr(bot.review, "QUEUE_LIMIT", 2)
    async with start_bot(mod_bot()) as rb:
        kb = rb.knowledge
        fixed = [kb.titles["notice-2014-54"], kb.titles["three-buckets"]]
        assert all(kb.ask(t).answered for t in fixed)
        now = dt.datetime.now(dt.UTC)
        for text in fixed:
            for k in range(2):  # asked twice: first in the queue
                await rb.store.record_question(
                    AskedQuestion(text, None, None, 5.0, False, now - dt.timedelta(minutes=k))
                )
        still = ["what is the weather on mars today", "best pizza in town", "explain it to me"]
        for text in still:
            assert not kb.ask(text).answered
            await rb.store.record_question(AskedQuestion(text, None, None, 3.0, False, now))
        shown = await review_message(fake_discord)
        assert shown["embeds"][0]["description"] in still
        assert shown["embeds"][0]["title"] == "Review queue: 1 of 2+"  # a third waits


async def test_a_reload_in_one_process_reaches_the_other_through_postgres(
    fake_discord: FakeDiscord, make_settings, start_bot, faq_copy: Path, postgres_url: str
) -> None:
    """Two bot processes (a shard each) on one PostgreSQL database and one FAQ folder,
    watchers off: /faq-admin reload in the one that gets the command reaches the other."""
    from bot.app import create_bot
    from bot.storage import PostgresStore

    gateway, world = fake_discord.gateway, fake_discord.world
    gateway.shard_count = 2
    ours = (world.guild.id >> 22) % 2
    world.add_guild("Second server", shard=(1 - ours, 2))
    kb = KnowledgeBase.load(faq_copy)

    def process(shard: int):
        settings = make_settings(
            shard_count=2, shard_ids=[shard], faq_watch=False, faq_dir=faq_copy
        )
        return create_bot(settings, kb, PostgresStore(postgres_url))

    async with start_bot(process(ours)) as here, start_bot(process(1 - ours)) as there:
        path = faq_copy / "notice-2014-54.md"
        path.write_text(path.read_text().replace("What is IRS Notice 2014-54?", "2014-54, briefly"))
        assert there.knowledge.get("notice-2014-54").title != "2014-54, briefly"
        assert "FAQ reloaded" in content(await admin(fake_discord, "reload"))
        assert here.knowledge.get("notice-2014-54").title == "2014-54, briefly"
        await wait_until(
            lambda: there.knowledge.get("notice-2014-54").title == "2014-54, briefly",
            timeout=10,
        )
        assert here.vote_key == there.vote_key  # one user, one vote, whichever process


def file_names(folder: Path) -> list[str]:
    """Every file under the folder (backups included), relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


async def test_new_entry_with_a_taken_id_is_refused_and_the_item_stays_queued(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    taken = "mega-backdoor-overview"
    async with start_bot(mod_bot()) as bot:
        assert await ask_title(fake_discord, asked) is None
        await fake_discord.settle()
        [queued] = await bot.store.review_queue()
        before = (faq_copy / f"{taken}.md").read_text()
        files = file_names(faq_copy)
        review = await review_message(fake_discord)
        new = _component(review, 2, "New entry")
        opened = await fake_discord.click_button(review, new["custom_id"], user=world.moderator)
        submit = await submit_new_entry(
            fake_discord, opened, asked, world.moderator, entry_id=taken
        )
        said = await submit.followup(0)
        assert ephemeral(said)
        assert content(said).startswith(f"An entry with id `{taken}` already exists")
        assert "Pick another id" in content(said) and "changed by someone else" not in content(said)
        await fake_discord.settle()
        # nothing written, nothing backed up, and the question still waits for a decision
        assert (faq_copy / f"{taken}.md").read_text() == before
        assert file_names(faq_copy) == files
        assert await bot.store.review_queue() == [queued]
        # positive control: the same form with a free id saves and clears the item
        opened = await fake_discord.click_button(review, new["custom_id"], user=world.moderator)
        await save_new_entry(fake_discord, opened, asked, world.moderator)
        await fake_discord.settle()
        assert await bot.store.review_queue() == []


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("state\u2010tax-rules", "its '\u2010' (U+2010, hyphen) is not a plain dash"),
        ("state-tax-rules\u200b", "its U+200B (zero width space) is not a plain"),
        ("State-tax-rules", "its 'S' is a capital"),
    ],
)
async def test_a_new_entrys_id_with_a_character_that_looks_right_says_which(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, typed: str, said: str
) -> None:
    """An id typed with a word processor's hyphen (U+2010) or a zero-width space was refused
    as "'state‐tax-rules' is not a valid entry id: use lowercase letters, digits and single
    dashes", beside what looks like just that."""
    world = fake_discord.world
    async with start_bot(mod_bot()):
        opened = await fake_discord.send_slash_command("faq-admin new", {}, user=world.moderator)
        submit = await fake_discord.submit_modal(
            opened,
            {
                "id": typed,
                "title": "How are state taxes figured on a rollover?",
                "short": "A new answer that is long enough.",
                "sources": "IRS retirement plans | https://www.irs.gov/retirement-plans",
                "body": "The full answer.",
            },
            user=world.moderator,
        )
        await submit.response()
        reply = content(await submit.followup(0))
        assert "not a valid entry id" in reply and said in reply, reply
    assert not [n for n in os.listdir(faq_copy) if n.startswith("state")]  # (nothing written)


_CFR = "https://www.law.cornell.edu/cfr/text/26/1.401(a)(31)-1"


@pytest.mark.parametrize(
    ("sources", "saved"),
    [
        pytest.param(
            "IRS retirement plans \uff5c https://www.irs.gov/retirement-plans\n"
            "https://www.irs.gov/publications/p575",
            [
                ("IRS retirement plans", "https://www.irs.gov/retirement-plans"),
                ("https://www.irs.gov/publications/p575", "https://www.irs.gov/publications/p575"),
            ],
            id="full-width-bar",
        ),
        pytest.param(
            "[IRS retirement plans](https://www.irs.gov/retirement-plans)\n"
            f"[26 CFR 1.401(a)(31)-1](<{_CFR}>)\n"
            "IRS Publication 575 | <https://www.irs.gov/publications/p575>",
            [
                ("IRS retirement plans", "https://www.irs.gov/retirement-plans"),
                ("26 CFR 1.401(a)(31)-1", _CFR),
                ("IRS Publication 575", "https://www.irs.gov/publications/p575"),
            ],
            id="discord-links",
        ),
    ],
)
async def test_a_source_typed_as_members_type_links_is_saved_as_its_title_and_link(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    sources: str,
    saved: list[tuple[str, str]],
) -> None:
    """Sources typed as moderators type them were refused beside links that work:
    'Title ｜ https://...' with the full-width bar (U+FF5C) of a Chinese or Japanese
    keyboard was taken whole for the link ('holds a space'); Discord's '[Title](https://...)'
    and '<...>' (which keeps a preview away) were 'write the whole address' and 'the URL
    holds '<''. Each is read as its title and link (a line of the link alone is titled with
    the link; parentheses in a link are kept, as a law's section has them)."""
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        opened = await fake_discord.send_slash_command("faq-admin new", {}, user=world.moderator)
        submit = await fake_discord.submit_modal(
            opened,
            {
                "id": "state-tax-rules",
                "title": "How are state taxes figured on a rollover?",
                "short": "A new answer that is long enough.",
                "sources": sources,
                "body": "The full answer.",
            },
            user=world.moderator,
        )
        await submit.response()
        said = content(await submit.followup(0))
        assert said.startswith("Saved `state-tax-rules`"), said
        got = bot.knowledge.get("state-tax-rules").sources
    assert [(s.title, str(s.url)) for s in got] == saved


async def test_faq_admin_new_with_a_taken_id_says_so(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    world = fake_discord.world
    before = (faq_copy / "three-buckets.md").read_text()
    body = "The full answer, worked through with care.\n\n" * 40  # 1,800 characters
    async with start_bot(mod_bot()):
        opened = await fake_discord.send_slash_command("faq-admin new", {}, user=world.moderator)
        submit = await fake_discord.submit_modal(
            opened,
            {
                "id": "three-buckets",
                "title": "Some new question?",
                "short": "A new answer that is long enough.",
                "sources": "IRS retirement plans | https://www.irs.gov/retirement-plans",
                "body": body,
            },
            user=world.moderator,
        )
        await submit.response()
        said = content(await submit.followup(0))
        assert "An entry with id `three-buckets` already exists" in said
        assert (faq_copy / "three-buckets.md").read_text() == before
        # What was typed comes back, privately, to fix and paste in again: the long full
        # answer whole, as a file, not cut across code blocks.
        typed = await submit.followup(1)
        assert typed["flags"] & 64
        assert "what you typed" in content(typed)
        assert "Some new question?" in content(typed) and "`body.txt`" in content(typed)
        assert submit.files == {"body.txt": body.encode()}


async def test_each_input_given_back_as_a_file_comes_with_the_message_naming_it(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A refused form whose inputs fill more than one message: a file comes with the
    message that says it is attached, not with another one, and holds exactly what was
    typed (any script, emoji included)."""
    world = fake_discord.world
    values = {
        "id": "three-buckets",  # taken: the save is refused
        "title": "Is ```this``` fenced? é中😀",
        "short": "s" * 400,
        "sources": "IRS | https://www.irs.gov/" + "x" * 960,
        "body": "Ünïcödé 😀 " * 140,  # a code block, in a message of its own
    }
    async with start_bot(mod_bot()):
        opened = await fake_discord.send_slash_command("faq-admin new", {}, user=world.moderator)
        submit = await fake_discord.submit_modal(opened, values, user=world.moderator)
        await submit.response()
        await submit.followup(2)  # the refusal, then what was typed: two messages
        await fake_discord.idle(quiet=0.1)
    given_back = submit.followup_messages[1:]
    assert len(given_back) == 2
    for message in given_back:
        named = set(re.findall(r"attached as `([^`]+)`", message["content"]))
        assert named == {a["filename"] for a in message.get("attachments") or ()}
        assert len(message["content"]) <= 2000 and message["flags"] & 64
    files = submit.files
    assert files == {"title.txt": values["title"].encode()}
    assert "`title.txt`" in given_back[0]["content"] and values["body"] in given_back[1]["content"]


def test_a_long_input_cut_inside_an_emoji_is_still_given_back() -> None:
    """Discord cuts an input at its length limit, which can leave half of an emoji's
    surrogate pair: the file is still made (that half replaced), not an error."""
    from bot.cogs.faq_admin import REFUSED_FORM, typed_back

    body = "a" * 1999 + "\ud83d"
    [page] = typed_back(REFUSED_FORM, [("body", body)])
    [file] = page.discord_files()
    assert file.filename == "body.txt" and file.fp.read() == b"a" * 1999 + b"?"


async def test_an_entry_with_more_aliases_than_one_input_holds_can_still_be_edited() -> None:
    """Discord refuses a whole form whose default text is over an input's 4,000
    characters: the aliases box is left out, and the entry's aliases are kept."""
    from types import SimpleNamespace

    from bot.cogs.faq_admin import INPUT_LIMIT, EntryModal

    cog: Any = SimpleNamespace(open_forms=set())
    aliases = [f"a long way to ask question number {n} about it" for n in range(120)]
    assert len("\n".join(aliases)) > INPUT_LIMIT
    meta = {"id": "alpha", "title": "Alpha?", "short": "Short.", "aliases": aliases}
    form = EntryModal(cog, "alpha", meta, "The body.", "seen")
    assert "aliases" not in [item.custom_id for item in form.children]  # type: ignore[attr-defined]
    assert all(len(item.default or "") <= INPUT_LIMIT for item in form.children)  # type: ignore[attr-defined]
    _, text = form._build()
    assert all(alias in text for alias in aliases)
    short = EntryModal(cog, "alpha", {**meta, "aliases": aliases[:3]}, "The body.", "seen")
    assert "aliases" in [item.custom_id for item in short.children]  # type: ignore[attr-defined]


async def test_an_edit_that_leaves_the_aliases_alone_keeps_them(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The form shows the aliases one per line: an alias written over two lines in the
    file (a YAML block, valid) was split in two by a save that changed only the short
    answer. Left alone, the box keeps the file's aliases; edited, it is one per line."""
    path = faq_copy / "notice-2014-54.md"
    path.write_text(
        path.read_text().replace(
            "  - notice 2014-54 summary\n", "  - |-\n    notice 2014-54\n    summary please\n", 1
        )
    )
    before, problems = parse_entry(path, path.read_text())
    assert before is not None and not problems
    assert "notice 2014-54\nsummary please" in before.aliases
    short = "IRS Notice 2014-54 lets one distribution go to several places at once."
    async with start_bot(mod_bot()):
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        submit = await fake_discord.submit_modal(handle, {"short": short})
        await submit.response()
        assert content(await submit.followup(0)).startswith("Saved")
        after, _ = parse_entry(path, path.read_text())
        assert after is not None and after.short == short and after.aliases == before.aliases
        # positive control: a box edited is read one alias per line
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": "notice-2014-54"}, user=fake_discord.world.moderator
        )
        shown = form_value((await handle.response())["data"], "aliases")
        submit = await fake_discord.submit_modal(handle, {"aliases": shown + "\nthe split notice"})
        await submit.response()
        assert content(await submit.followup(0)).startswith("Saved")
    edited, _ = parse_entry(path, path.read_text())
    assert edited is not None
    assert edited.aliases[-1] == "the split notice"
    assert "notice 2014-54" in edited.aliases and "summary please" in edited.aliases


async def test_validate_shows_a_repeated_example_as_a_notice_not_an_ignored_file(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    question = "Should I convert every paycheck or once a year?"
    for name in ("conversion-frequency", "delay-conversion-downside"):
        with (faq_copy / "examples" / f"{name}.yaml").open("a") as f:
            f.write(f'- text: "{question}"\n')
    async with start_bot(mod_bot()):
        text = content(await admin(fake_discord, "validate"))
    entries = len(KnowledgeBase.load(faq_copy).entries)  # (however many there are)
    assert text.startswith(f"All {entries} FAQ files are valid.")
    assert "`delay-conversion-downside.yaml`:" in text
    assert "already an example" in text and "ignored" not in text


TEMPORARY = """---
id: zz-temporary-entry
title: A temporary entry about spillover timing
short: A temporary entry used to show a reload racing a Full answer click.
sources:
  - title: IRS retirement plans
    url: https://www.irs.gov/retirement-plans
updated: 2026-12-01
---
The full answer of a temporary entry.
"""


async def test_a_full_answer_click_racing_a_reload_that_removes_the_entry_is_answered(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch
) -> None:
    """The click is checked against the FAQ it was made under, then the bot awaits
    Discord (command ids); a reload removing the entry meanwhile raised KeyError and the
    clicker got an apology. The answer now comes from the FAQ the click was checked in."""
    import bot.views as views

    async with start_bot(mod_bot()):
        (faq_copy / "zz-temporary-entry.md").write_text(TEMPORARY)
        assert "reloaded" in content(await admin(fake_discord, "reload")).lower()
        shown = await fake_discord.send_slash_command("faq", {"topic": "zz-temporary-entry"})
        await shown.response()
        real = views.command_ids_quickly
        looking_up = asyncio.Event()
        gate = asyncio.Event()

        async def slow(*args: Any, **kwargs: Any) -> Any:
            looking_up.set()
            await gate.wait()  # a rate-limited command id lookup, say
            return await real(*args, **kwargs)

        monkeypatch.setattr(views, "command_ids_quickly", slow)
        click = await fake_discord.click_button(shown, "rb:full:zz-temporary-entry")
        await asyncio.wait_for(looking_up.wait(), 5)
        (faq_copy / "zz-temporary-entry.md").unlink()
        assert "reloaded" in content(await admin(fake_discord, "reload")).lower()
        gate.set()
        call = await click.response_call(timeout=10)
        assert call.ok, call.describe()
        [embed] = call.json["data"]["embeds"]
        assert "full answer of a temporary entry" in json.dumps(embed)


@pytest.mark.parametrize("title", ["a" * 119 + "*bold*", "_" * 200, "short *title*"])
def test_a_listed_title_is_cut_before_it_is_escaped(title: str) -> None:
    """/faq-admin stats shows each title in bold: a cut after escaping could leave a lone
    backslash that escapes the closing ``**``."""
    from bot.embeds import listed_title, neutralize

    shown = listed_title(title)
    assert not re.search(r"(?<!\\)(?:\\\\)*\\$", shown)  # no escape left open at the end
    assert shown == neutralize(title) or shown.endswith("…")


async def form_of_a_bot_since_restarted(fake: FakeDiscord, mod_bot: Any, start_bot: Any) -> Any:
    """The edit form of notice-2014-54 as a moderator opened it from a bot that has stopped
    since (a deploy): no process has it open."""
    async with start_bot(mod_bot()):
        return (await (await open_edit_form(fake, "notice-2014-54")).response())["data"]


async def open_edit_form(fake: FakeDiscord, topic: str) -> Any:
    """/faq-admin edit by the moderator, the form opened."""
    handle = await fake.send_slash_command(
        "faq-admin edit", {"topic": topic}, user=fake.world.moderator
    )
    assert (await handle.response())["type"] == 9
    return handle


async def submitted(fake: FakeDiscord, handle: Any, values: dict[str, str]) -> list[str]:
    """The form submitted with ``values``: what the moderator was sent back, as JSON."""
    submit = await fake.submit_modal(handle, values)
    await submit.response()
    await fake.settle()
    return [json.dumps(m) for m in submit.followup_messages]


#: The first half of 🚀 (U+1F680) as UTF-16 writes it: what is left of an emoji that a
#: paste cut at a box's limit.
HALF_EMOJI = "\ud83d"


@pytest.mark.parametrize("box", ["short", "body"])
async def test_a_form_holding_half_an_emoji_is_refused_in_words_and_gives_the_text_back(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    box: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Discord can cut a long paste at a box's limit inside an emoji, leaving half of it,
    which no file can hold: a full answer's save failed with "Sorry, something went wrong"
    and an error in the log, and a short answer's was refused for a backslash inside
    "..." the moderator never typed. Either is refused saying what is wrong and where, and
    the text comes back; the whole emoji is saved."""
    path = faq_copy / "contribution-limits.md"
    before = path.read_text()
    typed = "The limits below are per person, not per plan, whichever plan you use. \U0001f680"
    async with start_bot(mod_bot()):
        handle = await open_edit_form(fake_discord, "contribution-limits")
        with caplog.at_level(logging.ERROR):
            said = await submitted(fake_discord, handle, {box: typed[:-1] + HALF_EMOJI})
        assert "half of a character" in said[0] and "nothing was saved" in said[0], said[0]
        assert "whichever plan you use" in said[0]  # (where: the words before it)
        assert any("Here is what you typed" in s for s in said[1:]), said
        assert path.read_text() == before
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
        handle = await open_edit_form(fake_discord, "contribution-limits")
        said = await submitted(fake_discord, handle, {box: typed})
        assert json.loads(said[0])["content"].startswith("Saved"), said[0]
    assert "\U0001f680" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("box", "typed", "said"),
    [
        ("title", "What is IRS \u202eNotice 2014-54?", "U+202E, right-to-left override"),
        ("short", "IRS guidance\x00 on splitting one distribution.", "U+0000"),
        ("body", "The notice lets one distribution go to\x1b[2J several places.", "U+001B"),
        ("title", "What is IRS Notice\u200b 2014-54?", "U+200B, zero width space"),
        ("aliases", "notice 2014-54 summary\nnotice\u2060 14-54", "U+2060, word joiner"),
    ],
)
async def test_a_form_holding_a_control_character_is_refused_saying_where(
    fake_discord: FakeDiscord,
    mod_bot,
    start_bot,
    faq_copy: Path,
    box: str,
    typed: str,
    said: str,
) -> None:
    """A NUL, an escape or a right-to-left override pasted into a form was saved (a NUL as
    a YAML escape, which the validator let through), and every answer then showed it: a
    title read "What is IRS ?45-4102 ecitoN". So was a zero-width space or word joiner in a
    title or an alias, which split a word only the matcher saw. The save is refused saying
    which box and after which words, and the text comes back; a box without it saves."""
    path = faq_copy / "notice-2014-54.md"
    before = path.read_text()
    async with start_bot(mod_bot()) as bot:
        handle = await open_edit_form(fake_discord, "notice-2014-54")
        replies = await submitted(fake_discord, handle, {box: typed})
        reply = json.loads(replies[0])["content"]
        assert "nothing was saved" in reply and "invisible character" in reply, reply
        assert said in reply and "delete it" in reply, reply
        assert any("Here is what you typed" in s for s in replies[1:]), replies
        assert path.read_text() == before
        assert bot.knowledge.get("notice-2014-54").title == "What is IRS Notice 2014-54?"
        handle = await open_edit_form(fake_discord, "notice-2014-54")  # positive control
        clean = re.sub("[\u202e\x00\u200b\u2060]|\x1b\\[2J", "", typed)
        replies = await submitted(fake_discord, handle, {box: clean})
        assert json.loads(replies[0])["content"].startswith("Saved"), replies[0]


@pytest.mark.parametrize("box", ["short", "body"])
async def test_a_bare_carriage_return_in_a_form_is_saved_as_a_line_break(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, box: str
) -> None:
    """Text pasted with old Mac line ends (a bare carriage return): the full answer's file
    kept the raw "\r" (one line to Python and to git diff, which shows ^M; two to an
    editor) and the short answer a "\r" escape in quotes. Both are a line feed now."""
    typed = "IRS guidance on one distribution.\rIt goes to several places at once."
    async with start_bot(mod_bot()) as bot:
        handle = await open_edit_form(fake_discord, "notice-2014-54")
        replies = await submitted(fake_discord, handle, {box: typed})
        assert json.loads(replies[0])["content"].startswith("Saved"), replies[0]
        raw = (faq_copy / "notice-2014-54.md").read_bytes()
        assert b"\r" not in raw and b"\\r" not in raw
        entry = bot.knowledge.get("notice-2014-54")
        shown = entry.short if box == "short" else entry.body
        assert "one distribution.\nIt goes" in shown


@pytest.mark.parametrize(
    "typed",
    [
        "notice\u20102014\u201054",  # hyphens as a word processor or a PDF writes them
        "notice-2014-54\u200b",  # a zero-width space copied along with the id
        "\uff4e\uff4f\uff54\uff49\uff43\uff45-2014-54",  # a full-width keyboard's letters
        "Notice \u2014 2014 \u2014 54",
    ],
)
async def test_an_entrys_id_typed_with_odd_characters_opens_its_edit_form(
    fake_discord: FakeDiscord, mod_bot, start_bot, typed: str
) -> None:
    """/faq took an id typed so, but /faq-admin edit (and alias) refused it: "'notice‐2014‐54'
    is not a valid entry id", the characters the moderator could not see named nowhere."""
    async with start_bot(mod_bot()):
        shown = await (await fake_discord.send_slash_command("faq", {"topic": typed})).response()
        assert shown["data"]["embeds"][0]["title"] == "What is IRS Notice 2014-54?"
        handle = await fake_discord.send_slash_command(
            "faq-admin edit", {"topic": typed}, user=fake_discord.world.moderator
        )
        form = await handle.response()
        assert form["type"] == 9, form  # (the form, not a refusal)
        assert form["data"]["title"] == "Edit notice-2014-54"


def _latin1(path: Path) -> None:
    """The file as a Windows editor (or a bad merge) may leave it: not UTF-8."""
    text = path.read_text(encoding="utf-8").replace("title:", "title: Caf\u00e9", 1)
    path.write_bytes(text.encode("latin-1", "replace"))


async def test_an_entry_file_that_is_not_utf8_is_said_and_a_forms_text_comes_back(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """Every moderator path on such a file gave "something went wrong", and a form
    submitted then lost the moderator's text."""
    typed = "A careful rewrite of the short answer that took the moderator twenty minutes."
    path = faq_copy / "notice-2014-54.md"
    async with start_bot(mod_bot()):
        handle = await open_edit_form(fake_discord, "notice-2014-54")  # (while the file is fine)
        _latin1(path)
        for sub, options in (
            ("edit", {"topic": "notice-2014-54"}),
            ("alias", {"topic": "notice-2014-54", "phrase": "the split notice"}),
        ):
            body = await admin(fake_discord, sub, options)
            assert ephemeral(body) and "notice-2014-54.md is not UTF-8 text" in content(body)
        said = await submitted(fake_discord, handle, {"short": typed})
        assert any("is not UTF-8 text" in s for s in said) and any(typed in s for s in said)


async def test_alias_on_an_entry_whose_aliases_are_no_list_writes_nothing(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """'aliases: splint' (a text): list() of it wrote one alias per letter, said "Saved",
    and lost the phrase."""
    path = faq_copy / "notice-2014-54.md"
    text = re.sub(r"aliases:\n(  - .*\n)+", "aliases: splint\n", path.read_text(), count=1)
    async with start_bot(mod_bot()):
        path.write_text(text)
        body = await admin(
            fake_discord, "alias", {"topic": "notice-2014-54", "phrase": "notice on splits"}
        )
        assert ephemeral(body) and "aliases is not a list there" in content(body)
    assert path.read_text() == text


async def test_a_new_entry_saved_while_the_database_fails_is_said_saved(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The entry was written, then clearing its review item failed: the moderator was told
    only "something went wrong", and a retry was refused as "already exists". The question
    is the entry's example by then: told to dismiss it, the moderator filed it as not
    worth an entry; told to pick the new entry in the queue, they found it no more there
    (a question filed as an example is left out). It is said left, nothing to do."""
    from bot.storage import MemoryStore

    class Flaky(MemoryStore):
        broken = False

        async def record_review(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            if self.broken:
                raise ConnectionError("database is locked")
            return await super().record_review(*args, **kwargs)

    world, store = fake_discord.world, Flaky()
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot(store=store)):
        opened = await new_entry_from_review(fake_discord, asked)
        store.broken = True
        said = await save_new_entry(fake_discord, opened, asked, world.moderator)
        assert said.startswith("Saved `spillover-bucket`")
        assert said.endswith(
            "was added as its example, but the review queue could not record that (the error "
            "is logged); it lists the question no more (filed as an example), so nothing is "
            "left to do there."
        ), said
        assert "dismiss" not in said.casefold()
        assert (await review_message(fake_discord))["embeds"][0]["description"] == (
            "Nothing to review."
        )
    assert (faq_copy / "spillover-bucket.md").is_file()
    assert asked in (faq_copy / "examples" / "spillover-bucket.yaml").read_text()


async def test_an_edit_form_for_an_entry_removed_meanwhile_says_so(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """It said "changed by someone else... open it again", and opening it again said there
    was no such entry."""
    path = faq_copy / "pre-1987-after-tax.md"
    async with start_bot(mod_bot()):
        handle = await open_edit_form(fake_discord, "pre-1987-after-tax")
        path.rename(faq_copy / "pre-1987-basis.md")
        said = await submitted(fake_discord, handle, {"short": "A new short answer here."})
        assert json.loads(said[0])["content"].startswith(
            "'pre-1987-after-tax' was removed or renamed after you opened it"
        )
    assert not path.exists()


async def test_two_moderators_adding_aliases_at_once_both_land(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """Each alias is added to the file as it is when its save starts: one of two added at
    once was refused as "changed by someone else... open it again", for a form it has not."""
    world = fake_discord.world
    async with start_bot(mod_bot()) as bot:
        one, two = await asyncio.gather(
            admin(fake_discord, "alias", {"topic": "notice-2014-54", "phrase": "the split notice"}),
            admin(
                fake_discord,
                "alias",
                {"topic": "notice-2014-54", "phrase": "the allocation notice"},
                user=world.owner,
            ),
        )
        assert content(one).startswith("Saved") and content(two).startswith("Saved")
        aliases = bot.knowledge.get("notice-2014-54").aliases
        assert "the split notice" in aliases and "the allocation notice" in aliases


async def test_a_form_whose_save_fails_unexpectedly_gives_the_text_back(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """A fault nobody foresaw (here the reload after the save) gets the apology, and the
    moderator's typed text with it: it was lost with the apology alone."""
    typed = "A careful rewrite of the short answer that took the moderator twenty minutes."
    async with start_bot(mod_bot()) as bot:
        handle = await open_edit_form(fake_discord, "notice-2014-54")

        async def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a fault nobody foresaw")

        bot.reload_faq = broken  # type: ignore[method-assign]
        said = await submitted(fake_discord, handle, {"short": typed})
        assert any("something went wrong" in s for s in said) and any(typed in s for s in said)


async def test_a_form_whose_apology_is_lost_on_the_wire_still_gives_the_text_back(
    fake_discord: FakeDiscord, mod_bot, start_bot, caplog: pytest.LogCaptureFixture
) -> None:
    """The connection dropped as the form's submit was acknowledged, and again under the
    apology: send_private, which promises never to raise, let aiohttp's error through, so
    the moderator's typed text (given back after the apology) was lost, and the log had a
    traceback of a failure of its own. The text comes back on the next try."""
    typed = "A careful rewrite of the short answer that took the moderator twenty minutes."
    async with start_bot(mod_bot()):
        handle = await open_edit_form(fake_discord, "notice-2014-54")
        callback = r"/interactions/\d+/[^/]+/callback"
        fake_discord.fail_next("POST", callback, status=0, times=2)
        with caplog.at_level(logging.WARNING):
            submit = await fake_discord.submit_modal(handle, {"short": typed})
            body = await submit.response()
            await fake_discord.settle()
        assert len(fake_discord.calls_matching("POST", callback, injected=True)) == 2
        said = [json.dumps(body), *(json.dumps(m) for m in submit.followup_messages)]
        assert any(typed in s for s in said), said
        assert not [r for r in caplog.records if "giving back" in r.getMessage()]
        assert "could not send a private reply" in caplog.text


async def test_an_alias_an_example_question_overrides_is_said_when_saved(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """An example question decides what its words get: an alias worded as another entry's
    example does nothing for them. Saved, but said (faq validate's notice), where it was
    said only by validate."""
    asked = "monthly vs quarterly ATS rollovers worth it?"
    async with start_bot(mod_bot()) as bot:
        said = content(
            await admin(fake_discord, "alias", {"topic": "notice-2014-54", "phrase": asked})
        )
        assert said.startswith("Saved `notice-2014-54`. Saved as written, but:")
        assert "asked word for word they get 'conversion-frequency'" in said
        assert bot.knowledge.ask(asked).best.id == "conversion-frequency"
        # (an entry no example overrides: nothing but the save and the reload)
        plain = content(
            await admin(
                fake_discord,
                "alias",
                {"topic": "pre-1987-after-tax", "phrase": "old after-tax money from the 1980s"},
            )
        )
        assert plain.startswith("Saved `pre-1987-after-tax`. FAQ reloaded")


def _pull_lands_after_the_save(monkeypatch: pytest.MonkeyPatch, bot: Any, folder: Path) -> None:
    """Another moderator's change to the folder (a pull) lands just after the bot writes
    an entry: the off-topic examples name 60 entries that are gone, so the save succeeds
    and the reload after it is refused with 60 problems."""
    # (The cog's module as the bot loaded it: discord.py imports extensions afresh.)
    faq_admin = sys.modules[type(bot.get_cog("FaqAdmin")).__module__]
    saving = faq_admin.save_entry

    def save_then_pull(*args: Any, **kwargs: Any) -> Any:
        backup = saving(*args, **kwargs)
        off_topic = folder / EXAMPLES_DIR / "_off-topic.yaml"
        gone = "".join(
            f"- text: 'an old question number {n} about plan loans'\n  also: [old-entry-{n}]\n"
            for n in range(60)
        )
        off_topic.write_text(off_topic.read_text(encoding="utf-8") + gone, encoding="utf-8")
        return backup

    monkeypatch.setattr(faq_admin, "save_entry", save_then_pull)


def _fenced_and_counted(said: str) -> None:
    """A reload's problems as the moderator must see them: inside a closed code block
    (an open one renders the rest as Markdown), and the ones left out counted."""
    assert len(said) <= 2000, len(said)
    assert said.count("```") == 2, said[-300:]
    assert re.search(r"\n…and \d+ more \(see the bot's log", said), said[-300:]


def test_a_save_refused_for_many_problems_lists_them_fenced_and_counted(tmp_path: Path) -> None:
    """An examples file that would refuse the reload refuses the save: its problems were
    put in the refusal's words, which a reply cut at 2,000 characters mid-line, with no
    code block and no count of the rest."""
    from bot.cogs.faq_admin import refusal_text
    from knowledge.editing import EditRefused, fingerprint, save_entry
    from tests.faq_factory import entry_text

    path = write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "".join(f"- text: old question {n} about loans\n  also: [gone-{n}]\n" for n in range(60))
    )
    with pytest.raises(EditRefused) as refused:
        save_entry(tmp_path, "alpha", entry_text("alpha"), fingerprint(path.read_text()))
    said = refusal_text(refused.value)
    assert said.startswith("other FAQ files have problems that would block the reload")
    _fenced_and_counted(said)


async def test_an_edit_saved_while_the_reload_is_refused_shows_its_problems_in_a_closed_block(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "Saved" lead-in (here with a figure to check) went in front of problems that
    already filled a message, and the whole was cut at 2,000: the block lost its closing
    fence, and the problems after the cut rendered as Markdown."""
    async with start_bot(mod_bot()) as bot:
        short = bot.knowledge.get("contribution-limits").short
        typo = short.replace("$72,000 for 2026", "$73,000 for 2026")
        _pull_lands_after_the_save(monkeypatch, bot, faq_copy)
        said = await edit_entry(fake_discord, "contribution-limits", {"short": typo})
        assert said.startswith(
            "Saved `contribution-limits`. Saved as written, but check these figures:\n- the "
            "short answer gives '$73,000 for 2026'"
        )
        assert "\nFAQ **not** reloaded: 60 problems." in said
        _fenced_and_counted(said)
    saved = (faq_copy / "contribution-limits.md").read_text()
    assert "$73,000 for 2026" in " ".join(saved.split())  # (the short answer is folded)


async def test_a_new_entry_from_review_saved_while_the_reload_is_refused_is_said_saved(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What became of the reviewed question went after "Saved" cut to make room for it:
    the cut took the closing fence of the reload's problems. Said whole now, in one
    message (no apology, nothing given back: the entry was saved)."""
    world = fake_discord.world
    asked = "is moving the spillover bucket into roth allowed"
    async with start_bot(mod_bot()) as bot:
        opened = await new_entry_from_review(fake_discord, asked)
        _pull_lands_after_the_save(monkeypatch, bot, faq_copy)
        submit = await submit_new_entry(fake_discord, opened, asked, world.moderator)
        await fake_discord.settle()
        [said] = [content(m) for m in submit.followup_messages]  # (no apology, no text back)
        assert said.startswith("Saved `spillover-bucket`. FAQ **not** reloaded: 60 problems.")
        assert said.endswith(
            "Its question was added as an example, but the FAQ folder has problems, so the "
            "bot does not use it yet: run `/faq-admin validate`."
        )
        _fenced_and_counted(said.rpartition("\nIts question")[0])
        assert await bot.store.review_queue() == []
    assert (faq_copy / "spillover-bucket.md").is_file()


def _longest_id(n: int) -> str:
    """An entry id as long as ids go (ID_MAX_LENGTH, 71)."""
    from knowledge.model import ID_MAX_LENGTH

    base = "after-tax-rollover-question-about-the-pro-rata-rule-and-form-eight-six-oh-six"
    entry_id = f"q{n:02d}-{base}"[:ID_MAX_LENGTH].rstrip("-")
    assert len(entry_id) >= ID_MAX_LENGTH - 1
    return entry_id


async def test_a_reload_naming_the_longest_ids_counts_those_it_leaves_out(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path
) -> None:
    """Ten ids of each kind, at 71 characters, pass 2,000: the reply was cut in the
    middle of the removed ones, and the mod log's line too, so the moderator never read
    how many more there were."""
    world = fake_discord.world
    log_id = int(world.add_text_channel(world.guild, "mod-log")["id"])
    folder = tmp_path / "faq"
    for n in range(24):
        write_entry(folder, _longest_id(n))
    bot = make_bot(knowledge=KnowledgeBase.load(folder), mod_log_channel_id=log_id)
    async with start_bot(bot):
        for n in range(12):
            (folder / f"{_longest_id(n)}.md").unlink()  # removed
            write_entry(folder, _longest_id(n + 12), updated="2026-11-28")  # changed
            write_entry(folder, _longest_id(n + 24))  # added
        said = content(await admin(fake_discord, "reload"))
        await fake_discord.settle()
        logged = [
            c.json["content"]
            for c in fake_discord.calls_matching("POST", rf"/channels/{log_id}/messages")
        ]
    counted = (
        r"12 added \([^()]+ and \d+ more\), 12 changed \([^()]+ and \d+ more\), "
        r"12 removed \([^()]+ and \d+ more\)"
    )
    assert len(said) <= 2000 and re.fullmatch(rf"FAQ reloaded: {counted}\.", said), said[-200:]
    [note] = logged
    assert len(note) <= 2000 and re.fullmatch(rf"\*\*FAQ reloaded\*\* \([^()]+\): {counted}", note)


async def test_validate_with_many_problems_still_shows_its_notices_whole(
    fake_discord: FakeDiscord, mod_bot, start_bot, faq_copy: Path
) -> None:
    """The problems filled the message and the notices went after them, cut at 2,000:
    lost, or cut inside a `name`."""
    question = "Should I convert every paycheck or once a year?"
    for name in ("conversion-frequency", "delay-conversion-downside"):
        with (faq_copy / "examples" / f"{name}.yaml").open("a") as f:
            f.write(f'- text: "{question}"\n')
    async with start_bot(mod_bot()):
        with (faq_copy / "examples" / "three-buckets.yaml").open("a") as f:
            f.writelines(
                f"- text: 'old question {n} about loans'\n  also: [gone-{n}]\n" for n in range(60)
            )
        text = content(await admin(fake_discord, "validate"))
    assert len(text) <= 2000 and text.startswith("60 problems:\n```\n")
    assert text.count("```") == 2
    assert re.search(r"\n…and \d+ more \(see the bot's log", text)
    [notice] = text.partition("\nNotices (nothing was refused):\n")[2].split("\n")
    assert re.fullmatch(
        r"`delay-conversion-downside\.yaml`:\d+: the same question is already an example at "
        r"\S+conversion-frequency\.yaml:\d+: it counts once, for both; keep one and name the "
        r"other entry under 'also'",
        notice,
    ), notice


async def test_a_members_masked_link_is_shown_inert_in_the_review_queue_and_the_gaps(
    fake_discord: FakeDiscord, mod_bot, start_bot
) -> None:
    """A member's question is shown to moderators in the review queue and the gaps: its
    markdown must not render there. A bracket before it, "[a](b) ... (c)", made the
    escaping take everything from that bracket to the line's last ")" for one masked link
    and leave it all as it was: a second masked link showing irs.gov but leading elsewhere
    was live under the bot's name, and bold and spoilers rendered."""
    from tests.reply_checks import echoed_raw

    question = (
        "[a](b) zq see [https://www.irs.gov/forms](https://evil.example/login) **now** ||xq|| (c)"
    )
    async with start_bot(mod_bot()):
        await (await fake_discord.send_slash_command("ask", {"question": question})).response()
        await fake_discord.settle()
        review = (await review_message(fake_discord))["embeds"][0]["description"]
        gaps = (await admin(fake_discord, "gaps"))["embeds"][0]["description"]
    for shown in (review, gaps):
        assert "irs.gov" in shown and "evil.example" in shown  # (the question, inert)
        assert echoed_raw(shown, question) is None, shown


def _unanswered(asked: str) -> ReviewItem:
    """A review item for one unanswered question, asked once just now."""
    return ReviewItem(
        kind="unanswered",
        example=asked,
        count=1,
        entry_id=None,
        score=0.0,
        last_seen=dt.datetime.now(dt.UTC),
        keys=("k",),
    )


def test_a_long_line_of_brackets_is_escaped_for_the_review_in_moments() -> None:
    """The review queue shows a member's question whole (up to 4,000 characters): a line
    of "[" then "](" took the escaping 2 s of the bot's event loop at each look."""
    from bot.review import item_embed

    asked = "[" * 1333 + "](" * 1333
    item = _unanswered(asked)
    started = time.perf_counter()
    embed = item_embed(item, 0, 1, {})
    assert time.perf_counter() - started < 0.5
    assert embed.description is not None and "\\[" in embed.description


@pytest.mark.parametrize("cut_at", ["*", "_", "~"])
def test_a_long_question_in_the_review_is_cut_between_words_never_inside_an_escape(
    cut_at: str,
) -> None:
    """A question longer than the review shows (1,500 characters) was escaped, then cut:
    where the cut fell between a backslash and the character it escapes, the item ended in
    a stray backslash before the "…". It is cut at a word, then escaped."""
    from bot.review import item_embed

    asked = "word " * 299 + f"abcd{cut_at}emphasis{cut_at} and more words after the cut"
    item = _unanswered(asked)
    shown = item_embed(item, 0, 1, {}).description
    assert shown is not None and shown.endswith("word…"), shown[-20:]
    short = item_embed(replace(item, example=f"a {cut_at}b{cut_at}"), 0, 1, {}).description
    assert short == f"a \\{cut_at}b\\{cut_at}"  # (the control: shown whole, escaped)


async def test_gaps_with_long_questions_show_whole_lines_and_count_the_rest(
    fake_discord: FakeDiscord, make_bot, start_bot, tmp_path: Path
) -> None:
    """Ten questions full of characters Markdown escapes, each closest to an entry with
    the longest id, pass an embed's 4,000: the cut split the last line's escapes, bold
    or `id`, and said nothing of what was left out."""
    from bot.storage import GapGroup, MemoryStore

    folder = tmp_path / "faq"
    for n in range(3):
        write_entry(folder, _longest_id(n))
    now = dt.datetime.now(dt.UTC)
    asked = [GapGroup(12 - n, f"{n} " + "*_" * 79, _longest_id(0), 41.0, now) for n in range(10)]

    class Gaps(MemoryStore):
        async def gaps(self, days: int | None, limit: int = 10) -> list[GapGroup]:
            return asked[:limit]

    async with start_bot(make_bot(knowledge=KnowledgeBase.load(folder), store=Gaps())):
        body = await admin(fake_discord, "gaps")
    *lines, more = body.get("data", body)["embeds"][0]["description"].split("\n")
    whole = rf"\*\*\d+×\*\* \d (\\\*\\_){{79}} · closest `{_longest_id(0)}` \(41\)"
    assert lines and all(re.fullmatch(whole, line) for line in lines), lines[-1]
    assert more == f"…and {10 - len(lines)} more (`rollover-bot faq gaps` lists them)."
