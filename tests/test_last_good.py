"""A start while an FAQ file is broken answers from the folder's last complete version.

A reload keeps the FAQ it has; a process starting (a restart mid-edit, a deploy) had none
and would not start. These tests break a real copy of the shipped FAQ after it loaded once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.app import RolloverBot
from bot.cli import main
from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_FAQ_DIR, FaqInvalid
from tests.fakediscord import FakeDiscord, wait_until

QUESTION = "Can I send the earnings to a traditional IRA and the basis to my Roth IRA?"
BROKEN = "notice-2014-54.md"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped FAQ, with a cache folder of its own (where the last complete
    version is kept)."""
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, copy)
    return copy


def break_one(folder: Path) -> None:
    (folder / BROKEN).write_text("no front matter, half an edit\n", encoding="utf-8")


def kept_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("last-good-*.json"))


def test_a_start_with_a_broken_file_answers_from_the_last_complete_faq(folder: Path) -> None:
    whole = KnowledgeBase.load(folder)
    break_one(folder)
    with pytest.raises(FaqInvalid):  # a reload still refuses the folder
        KnowledgeBase.load(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    assert fallback is not None
    assert [p.path for p in fallback.problems] == [str(folder / BROKEN)]
    assert kb.entries == whole.entries and kb.source_dir == folder
    assert kb.ask(QUESTION) == whole.ask(QUESTION)
    assert "notice-2014-54" in kb.entries  # the broken entry too, as it last was
    assert "1 problem(s)" in fallback.summary(folder)


def test_without_a_complete_load_before_a_broken_folder_still_stops_a_start(
    folder: Path,
) -> None:
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_with_the_cache_off_nothing_is_kept(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    KnowledgeBase.load(folder)
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_a_damaged_kept_copy_is_no_fallback_and_no_crash(folder: Path, tmp_path: Path) -> None:
    KnowledgeBase.load(folder)
    [kept] = kept_files(tmp_path)
    payload = json.loads(kept.read_text(encoding="utf-8"))
    payload["entries"][0]["sources"] = []  # no longer a valid entry
    kept.write_text(json.dumps(payload), encoding="utf-8")
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_the_newest_complete_version_is_the_one_kept(folder: Path, tmp_path: Path) -> None:
    KnowledgeBase.load(folder)
    first = kept_files(tmp_path)
    KnowledgeBase.load(folder)  # the same content: nothing written again
    assert kept_files(tmp_path) == first
    entry = folder / "mega-backdoor-overview.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    edited = KnowledgeBase.load(folder)
    assert len(kept_files(tmp_path)) == 1 and kept_files(tmp_path) != first
    break_one(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    assert fallback is not None
    assert kb.entries["mega-backdoor-overview"].title.startswith("Edited ")
    assert kb.entries == edited.entries


def test_ask_warns_on_stderr_and_answers(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", QUESTION, "--json", "--faq-dir", str(folder)]) == 0
    whole = json.loads(capsys.readouterr().out)
    break_one(folder)
    assert main(["ask", QUESTION, "--json", "--faq-dir", str(folder)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == whole
    assert captured.err.startswith("warning: the FAQ in") and captured.err.count("\n") == 1
    assert "1 problem(s)" in captured.err and "faq validate" in captured.err
    # the moderators' commands still say the folder is broken
    assert main(["faq", "list", "--faq-dir", str(folder)]) == 2
    assert capsys.readouterr().err.startswith("error: the FAQ in")


async def test_the_bot_tells_moderators_once_and_answers(
    folder: Path, fake_discord: FakeDiscord, make_settings, start_bot
) -> None:
    fake = fake_discord
    KnowledgeBase.load(folder)
    break_one(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    log_channel = int(fake.world.text_channel["id"])
    settings = make_settings(faq_watch=False, mod_log_channel_id=log_channel)
    async with start_bot(RolloverBot(settings, kb, fallback=fallback)) as bot:
        await wait_until(lambda: bool(fake.world.messages_in(log_channel)), timeout=5.0)
        [note] = fake.world.messages_in(log_channel)
        assert "Started from the last complete FAQ" in note["content"]
        assert f"{BROKEN}:1:" in note["content"]
        post = await fake.post_forum_thread("Split question", QUESTION)
        reply = await post.reply()
        assert "split-earnings-to-traditional-ira" in json.dumps(reply.json)
        assert bot.fallback is None
        # a second READY (a new session) says nothing more
        mark = fake.gateway.mark()
        await fake.gateway.invalidate_session(resumable=False)
        await fake.gateway.wait_for_dispatch("READY", since=mark, timeout=5.0)
        after = await fake.post_forum_thread("After the new session", QUESTION)
        await after.reply()
        await fake.idle(quiet=0.2)
        assert len(fake.world.messages_in(log_channel)) == 1


async def test_rollover_bot_run_starts_from_the_last_complete_faq(
    folder: Path, fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """`rollover-bot run` itself (a process of its own): it starts, says why on stderr, and
    tells the moderators."""
    from tests.test_processes_e2e import bot_process

    fake, world = fake_discord, fake_discord.world
    KnowledgeBase.load(folder)
    break_one(folder)
    log_channel = int(world.text_channel["id"])
    env = {
        "DISCORD_TOKEN": fake.token,
        "ROLLOVER_FAQ_DIR": str(folder),
        "ROLLOVER_FAQ_WATCH": "false",
        "ROLLOVER_DATABASE__PATH": str(tmp_path / "bot.db"),
        "ROLLOVER_DISCORD__FORUM_CHANNEL_IDS": f"[{world.forum['id']}]",
        "ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID": str(log_channel),
        "ROLLOVER_DISCORD__STARTUP_RETRY_SECONDS": "5",
    }
    log = tmp_path / "bot-process.log"
    async with bot_process(fake, env, log) as proc:

        def told() -> bool:
            assert proc.returncode is None, log.read_text()
            return bool(world.messages_in(log_channel))

        await wait_until(told, timeout=30)
        [note] = world.messages_in(log_channel)
        assert "Started from the last complete FAQ" in note["content"]
        post = await fake.post_forum_thread("Split question", QUESTION)
        assert "split-earnings-to-traditional-ira" in json.dumps((await post.reply()).json)
    assert "warning: the FAQ in" in log.read_text()
