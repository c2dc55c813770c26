"""A start while an FAQ file is broken answers from the folder's last complete version.

A reload keeps the FAQ it has; a process starting (a restart mid-edit, a deploy) had none
and would not start. These tests break a real copy of the shipped FAQ after it loaded once.
"""

from __future__ import annotations

import asyncio
import io
import json
import shutil
from pathlib import Path

import pytest

from bot.app import RolloverBot
from bot.cli import main
from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_FAQ_DIR, FaqInvalid
from tests.fakediscord import FakeDiscord, wait_until
from tests.faq_factory import deny_reading

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
    whole = KnowledgeBase.load(folder, keep_copy=True)
    break_one(folder)
    with pytest.raises(FaqInvalid):  # a reload still refuses the folder
        KnowledgeBase.load(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    assert fallback is not None
    assert [p.path for p in fallback.problems] == [str(folder / BROKEN)]
    assert kb.entries == whole.entries and kb.source_dir == folder
    assert kb.ask(QUESTION) == whole.ask(QUESTION)
    assert "notice-2014-54" in kb.entries  # the broken entry too, as it last was
    assert "1 problem (" in fallback.summary(folder)


def test_without_a_complete_load_before_a_broken_folder_still_stops_a_start(
    folder: Path,
) -> None:
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_with_the_cache_off_nothing_is_kept(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    KnowledgeBase.load(folder, keep_copy=True)
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_a_damaged_kept_copy_is_no_fallback_and_no_crash(folder: Path, tmp_path: Path) -> None:
    KnowledgeBase.load(folder, keep_copy=True)
    [kept] = kept_files(tmp_path)
    payload = json.loads(kept.read_text(encoding="utf-8"))
    payload["entries"][0]["sources"] = []  # no longer a valid entry
    kept.write_text(json.dumps(payload), encoding="utf-8")
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_the_newest_complete_version_is_the_one_kept(folder: Path, tmp_path: Path) -> None:
    KnowledgeBase.load(folder, keep_copy=True)
    first = kept_files(tmp_path)
    KnowledgeBase.load(folder, keep_copy=True)  # the same content: nothing written again
    assert kept_files(tmp_path) == first
    entry = folder / "mega-backdoor-overview.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    edited = KnowledgeBase.load(folder, keep_copy=True)
    assert len(kept_files(tmp_path)) == 1 and kept_files(tmp_path) != first
    break_one(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    assert fallback is not None
    assert kb.entries["mega-backdoor-overview"].title.startswith("Edited ")
    assert kb.entries == edited.entries


def test_ask_warns_on_stderr_and_answers(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["ask", QUESTION, "--json", "--faq-dir", str(folder)]) == 0
    whole = json.loads(capsys.readouterr().out)
    break_one(folder)
    assert main(["ask", QUESTION, "--json", "--faq-dir", str(folder)]) == 0
    captured = capsys.readouterr()
    fallen = json.loads(captured.out)
    # the same answer, and the JSON says where from (a script reads no stderr)
    assert whole["fallback"] is None and fallen["fallback"]["problems"] == 1
    assert fallen["fallback"]["saved"].endswith("Z")
    assert {k: v for k, v in fallen.items() if k != "fallback"} == {
        k: v for k, v in whole.items() if k != "fallback"
    }
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{QUESTION}\n"))  # batch mode says it too
    assert main(["ask", "--json", "-", "--faq-dir", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out) == fallen
    assert captured.err.startswith("warning: the FAQ in") and captured.err.count("\n") == 1
    assert "1 problem (" in captured.err and "faq validate" in captured.err
    # the moderators' commands still say the folder is broken
    assert main(["faq", "list", "--faq-dir", str(folder)]) == 2
    assert capsys.readouterr().err.startswith("error: the FAQ in")


def started_broken(
    folder: Path, fake: FakeDiscord, make_settings, *, watch: bool, load_from: Path | None = None
) -> tuple[RolloverBot, int]:
    """A bot started from the last complete FAQ (``folder`` loaded whole, then one file
    broken), with a mod log: the bot, and the log channel's id. ``load_from``: the path the
    bot is given (a relative one, say)."""
    where = load_from or folder
    KnowledgeBase.load(where, keep_copy=True)
    break_one(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(where)
    log_channel = int(fake.world.text_channel["id"])
    settings = make_settings(faq_watch=watch, mod_log_channel_id=log_channel)
    return RolloverBot(settings, kb, fallback=fallback), log_channel


async def test_the_bot_tells_moderators_once_and_answers(
    folder: Path, fake_discord: FakeDiscord, make_settings, start_bot
) -> None:
    fake = fake_discord
    made, log_channel = started_broken(folder, fake, make_settings, watch=False)
    async with start_bot(made) as bot:
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
        # nor does a reload refused for the same problems (a save, another file's edit)
        assert not (await bot.reload_faq("files changed on disk")).ok
        await fake.idle(quiet=0.2)
        assert len(fake.world.messages_in(log_channel)) == 1


async def test_a_stop_while_the_start_tells_moderators_ends_without_a_traceback(
    folder: Path,
    fake_discord: FakeDiscord,
    make_settings,
    start_bot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Stopped (a deploy) while on_ready told the moderator log of the last complete FAQ:
    that post failed as the connection closed, and the server setup's post after it (a
    role id that is no role) met the closed connection: "unhandled error in on_ready ...
    RuntimeError: Session is closed". Nothing is posted once the bot is stopping; the
    setup's problems are still in the log, and one line says the post was not made."""
    import logging

    fake = fake_discord
    caplog.set_level(logging.INFO, logger="bot")

    def with_a_setup_problem(**settings: object) -> object:
        return make_settings(moderator_role_ids=[4242], **settings)

    made, log_channel = started_broken(folder, fake, with_a_setup_problem, watch=False)
    # (the first post to the log held, so that the stop comes while it is in flight)
    fake.fail_next("POST", rf"/channels/{log_channel}/messages", status=503, delay=10)
    async with start_bot(made) as bot:
        await wait_until(lambda: fake.rest.in_flight > 0)
        await bot.close()
        ended = ("unhandled error in on_ready", "not posted to the mod log channel")
        await wait_until(
            lambda: any(r.getMessage().startswith(ended) for r in caplog.records), timeout=10
        )
    said = [r.getMessage() for r in caplog.records]
    assert not [line for line in said if line.startswith("unhandled error")], said
    assert any(line.startswith("server setup: discord.moderator_role_ids: 4242") for line in said)
    stopping = f"not posted to the mod log channel {log_channel}: the bot is stopping"
    assert stopping in said, said
    assert fake.world.messages_in(log_channel) == []


async def test_a_watched_folder_given_as_a_relative_path_is_not_said_changed_at_start(
    folder: Path,
    fake_discord: FakeDiscord,
    make_settings,
    start_bot,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A relative faq_dir (or one through a `current` link): the watcher compared the
    files as loaded, named by that path, with the same files named by the folder it
    leads to, took them for changed, and the log said "reload refused (files changed on
    disk)" after "Started from the last complete FAQ", though no one had saved a thing
    (the moderator log now says the same problems once; the process log still said)."""
    from bot.cogs.faq_watch import LINK_CHECK_MS

    fake = fake_discord
    monkeypatch.chdir(folder.parent)
    relative = Path(folder.name)
    made, log_channel = started_broken(folder, fake, make_settings, watch=True, load_from=relative)
    async with start_bot(made):
        await wait_until(lambda: bool(fake.world.messages_in(log_channel)), timeout=5.0)
        await asyncio.sleep(LINK_CHECK_MS / 1000 + 1.0)  # (the watcher's first look)
        await fake.idle(quiet=0.2)
        [note] = fake.world.messages_in(log_channel)
        assert "Started from the last complete FAQ" in note["content"]
        assert "FAQ files changed" not in caplog.text
        # a save that does change the files is still said (broken otherwise: the same
        # problems again are not said twice)
        (folder / BROKEN).write_text("---\nid: [\n---\n", encoding="utf-8")
        await wait_until(lambda: len(fake.world.messages_in(log_channel)) == 2, timeout=10.0)
        assert "FAQ reload refused" in fake.world.messages_in(log_channel)[1]["content"]


async def test_the_files_fixed_as_they_last_loaded_are_said_loaded_again(
    folder: Path, fake_discord: FakeDiscord, make_settings, start_bot
) -> None:
    """Started from the last complete FAQ, the log asks for the broken files to be fixed;
    put back as they were, the reload changed nothing against that copy and said nothing,
    so the log's last word was still that they are broken."""
    fake = fake_discord
    good = (folder / BROKEN).read_text(encoding="utf-8")
    made, log_channel = started_broken(folder, fake, make_settings, watch=True)
    async with start_bot(made):
        await wait_until(lambda: bool(fake.world.messages_in(log_channel)), timeout=5.0)
        await asyncio.sleep(0.3)  # let the watcher start
        (folder / BROKEN).write_text(good, encoding="utf-8")
        await wait_until(lambda: len(fake.world.messages_in(log_channel)) == 2, timeout=10.0)
        said = fake.world.messages_in(log_channel)[1]["content"]
        assert said.startswith("**FAQ reloaded** (files changed on disk): the files load again")


async def test_files_fixed_before_the_bot_said_they_were_broken_are_not_said_to_load_again(
    folder: Path, fake_discord: FakeDiscord, make_settings, start_bot
) -> None:
    """Started from the last complete FAQ, the files fixed and reloaded while the bot was
    still connecting (its server known, the log channel too, its ready not yet come): the
    log's first word was "the files load again", of files it never said were broken, and
    "Started from the last complete FAQ" never came. It says nothing of it now: the FAQ
    it answers from is whole, and nothing was said that needs taking back."""
    fake = fake_discord
    good = (folder / BROKEN).read_text(encoding="utf-8")
    made, log_channel = started_broken(folder, fake, make_settings, watch=False)
    reloads = []

    async def fixed_while_connecting(guild: object) -> None:
        (folder / BROKEN).write_text(good, encoding="utf-8")
        reloads.append(await made.reload_faq("files changed on disk"))

    made.add_listener(fixed_while_connecting, "on_guild_available")
    # Ready comes this long after the server: room for the reload to finish before it on a
    # busy machine (at the fixture's 0.05 s, ready could come first, and the log then rightly
    # says both "Started from the last complete FAQ" and "the files load again").
    async with start_bot(made, guild_ready_timeout=3.0) as bot:
        await wait_until(lambda: bool(reloads), timeout=5.0)
        await fake.idle(quiet=0.3)
        assert reloads[0].ok and bot.fallback is None
        assert fake.world.messages_in(log_channel) == []
        # the control: a refused reload, then its fix, are both said
        break_one(folder)
        assert not (await bot.reload_faq("files changed on disk")).ok
        (folder / BROKEN).write_text(good, encoding="utf-8")
        assert (await bot.reload_faq("files changed on disk")).ok
        await fake.idle(quiet=0.2)
        said = [m["content"] for m in fake.world.messages_in(log_channel)]
        assert said[0].startswith("**FAQ reload refused**")
        assert said[1].startswith("**FAQ reloaded** (files changed on disk): the files load again")


async def test_rollover_bot_run_starts_from_the_last_complete_faq(
    folder: Path, fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    """`rollover-bot run` itself (a process of its own): it starts, says why on stderr, and
    tells the moderators."""
    from tests.test_processes_e2e import bot_process, sqlite_env

    fake, world = fake_discord, fake_discord.world
    KnowledgeBase.load(folder, keep_copy=True)
    break_one(folder)
    log_channel = int(world.text_channel["id"])
    env = sqlite_env(
        fake,
        tmp_path,
        ROLLOVER_FAQ_DIR=str(folder),
        ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID=str(log_channel),
    )
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


def test_a_folder_gone_is_no_edit_half_done(folder: Path, tmp_path: Path) -> None:
    """A moved or mistyped folder is refused, not served from an old copy."""
    KnowledgeBase.load(folder, keep_copy=True)
    folder.rename(tmp_path / "moved")
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


def test_a_folder_the_bot_may_not_read_is_no_edit_half_done(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nor one its user may not read (a deploy by another user, mode 700): a permission to
    fix, not a file, so a start says so rather than serving an old copy it could never
    reload (and a look at its files on the way is no crash)."""
    KnowledgeBase.load(folder, keep_copy=True)
    deny_reading(monkeypatch, folder)
    with pytest.raises(FaqInvalid) as raised:
        KnowledgeBase.load_or_last_good(folder)
    assert (str(folder), "cannot read the folder: Permission denied") in {
        (p.path, p.message) for p in raised.value.problems
    }


def test_a_swapped_link_keeps_its_copy(folder: Path, tmp_path: Path) -> None:
    """A deploy that points a `current` link at a new release (with a broken file)."""
    releases = tmp_path / "releases"
    releases.mkdir()
    folder.rename(releases / "1")
    shutil.copytree(releases / "1", releases / "2")
    current = tmp_path / "current"
    current.symlink_to(releases / "1")
    whole = KnowledgeBase.load(current, keep_copy=True)
    break_one(releases / "2")
    current.unlink()
    current.symlink_to(releases / "2")
    kb, fallback = KnowledgeBase.load_or_last_good(current)
    assert fallback is not None and kb.entries == whole.entries


def test_two_processes_saving_at_once_leave_one_copy(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two versions saved at the same moment (two processes reloading a shared folder):
    each writer removes the other copies of the folder, so without taking turns both
    copies went."""
    import threading
    import time

    from knowledge import last_good
    from knowledge.base import validate_folder

    scan, examples = validate_folder(folder)
    written = last_good._write

    def slow_write(*args: object) -> None:
        written(*args)  # type: ignore[arg-type]
        time.sleep(0.3)  # both copies written before either prunes

    monkeypatch.setattr(last_good, "_write", slow_write)
    savers = [
        threading.Thread(target=last_good.remember, args=(folder, scan.entries, examples, digest))
        for digest in ("a" * 64, "b" * 64)
    ]
    for saver in savers:
        saver.start()
    for saver in savers:
        saver.join()
    assert len(kept_files(tmp_path)) == 1
    assert last_good.recall(folder) is not None


def test_only_the_most_recently_loaded_folders_keep_a_copy(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies of other folders (checkouts previewed) are pruned, least recently loaded
    first; the copies of folders that are gone go before any other."""
    import os

    from knowledge import last_good
    from knowledge.base import validate_folder

    monkeypatch.setattr(last_good, "KEEP", 2)
    scan, examples = validate_folder(folder)
    folders = [tmp_path / f"checkout-{n}" for n in range(3)]
    for n, other in enumerate(folders):
        other.mkdir()
        last_good.remember(other, scan.entries, examples, "c" * 64)
        for kept in kept_files(tmp_path):  # each save a second apart
            os.utime(kept, (kept.stat().st_atime, kept.stat().st_mtime - 10 + n))
    assert len(kept_files(tmp_path)) == 2
    assert last_good.recall(folders[0]) is None  # the least recently loaded went
    assert last_good.recall(folders[2]) is not None
    last_good.remember(folders[1], scan.entries, examples, "c" * 64)  # loaded again
    last_good.remember(folder, scan.entries, examples, "c" * 64)
    assert last_good.recall(folders[1]) is not None and last_good.recall(folders[2]) is None


def test_a_copy_that_cannot_be_updated_is_dropped_not_served_stale(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from knowledge import last_good

    KnowledgeBase.load(folder, keep_copy=True)
    assert kept_files(tmp_path)

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(last_good, "_write", full_disk)
    entry = folder / "mega-backdoor-overview.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    with caplog.at_level("WARNING", logger="knowledge.last_good"):
        KnowledgeBase.load(folder, keep_copy=True)  # complete, but its copy cannot be written
    assert "No space left" in caplog.text
    assert kept_files(tmp_path) == []  # the copy before the edit is gone
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


async def test_a_reload_before_connecting_cancels_the_note(
    folder: Path, fake_discord: FakeDiscord, make_settings, start_bot
) -> None:
    """The folder fixed and reloaded before READY: nothing stale to tell moderators."""
    fake = fake_discord
    original = (folder / BROKEN).read_text(encoding="utf-8")
    KnowledgeBase.load(folder, keep_copy=True)
    break_one(folder)
    kb, fallback = KnowledgeBase.load_or_last_good(folder)
    log_channel = int(fake.world.text_channel["id"])
    settings = make_settings(faq_watch=False, mod_log_channel_id=log_channel)
    bot = RolloverBot(settings, kb, fallback=fallback)
    (folder / BROKEN).write_text(original, encoding="utf-8")
    assert (await bot.reload_faq("fixed")).ok
    async with start_bot(bot):
        post = await fake.post_forum_thread("Split question", QUESTION)
        await post.reply()  # the bot is up, past READY
        await fake.idle(quiet=0.2)
        assert fake.world.messages_in(log_channel) == []


def test_a_look_at_a_folder_keeps_no_copy(folder: Path, tmp_path: Path) -> None:
    """Only loads made to answer from keep a copy: a preview of a checkout (faq show, a
    test) must not push out the copy of the folder the bot serves."""
    KnowledgeBase.load(folder)
    assert kept_files(tmp_path) == []
    KnowledgeBase.load_or_last_good(folder)
    assert len(kept_files(tmp_path)) == 1


def test_the_copy_of_a_folder_gone_is_pruned_first(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge import last_good
    from knowledge.base import validate_folder

    monkeypatch.setattr(last_good, "KEEP", 2)
    scan, examples = validate_folder(folder)
    import os

    last_good.remember(folder, scan.entries, examples, "d" * 64)
    [served] = kept_files(tmp_path)
    os.utime(served, (served.stat().st_atime, served.stat().st_mtime - 60))  # the oldest
    scratch = tmp_path / "scratch-checkout"
    scratch.mkdir()
    last_good.remember(scratch, scan.entries, examples, "d" * 64)
    scratch.rmdir()
    other = tmp_path / "other"
    other.mkdir()
    last_good.remember(other, scan.entries, examples, "d" * 64)  # three copies: one goes
    assert last_good.recall(folder) is not None and last_good.recall(other) is not None
    assert len(kept_files(tmp_path)) == 2


def test_a_busy_lock_keeps_the_copy_of_what_was_loaded(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving the same content again while another process holds the lock too long: the
    copy on disk is still what was loaded, so it stays."""
    import threading

    from filelock import FileLock

    from knowledge import last_good

    KnowledgeBase.load(folder, keep_copy=True)
    monkeypatch.setattr(last_good, "LOCK_WAIT_SECONDS", 0.2)
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with FileLock(tmp_path / "cache" / "last-good.lock"):
            held.set()
            done.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        KnowledgeBase.load(folder, keep_copy=True)  # times out on the lock
    finally:
        done.set()
        holder.join()
    assert len(kept_files(tmp_path)) == 1
    break_one(folder)
    assert KnowledgeBase.load_or_last_good(folder)[1] is not None


def test_a_stale_copy_that_cannot_be_removed_is_emptied(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only cache folder: neither the new copy can be written nor the old one
    removed. The old one is emptied (that needs only the file's own permission) so it is
    never served as the last complete version."""
    from knowledge import last_good

    KnowledgeBase.load(folder, keep_copy=True)
    [old] = kept_files(tmp_path)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    entry = folder / "mega-backdoor-overview.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    with monkeypatch.context() as patched:  # (the cache folder setting stays)
        patched.setattr(last_good, "_write", refused)
        patched.setattr(Path, "unlink", refused)
        KnowledgeBase.load(folder, keep_copy=True)
    assert old.exists() and old.stat().st_size == 0
    break_one(folder)
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load_or_last_good(folder)


async def test_a_bots_reload_keeps_what_it_reloaded(
    folder: Path, fake_discord: FakeDiscord, make_settings
) -> None:
    """The bot runs for weeks; a restart then should come up with the FAQ it last served,
    not the one it started with."""
    kb, _ = KnowledgeBase.load_or_last_good(folder)
    bot = RolloverBot(make_settings(faq_watch=False), kb)
    entry = folder / "mega-backdoor-overview.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1),
        encoding="utf-8",
    )
    assert (await bot.reload_faq("edited")).ok
    break_one(folder)
    restarted, fallback = KnowledgeBase.load_or_last_good(folder)
    assert fallback is not None
    assert restarted.entries["mega-backdoor-overview"].title.startswith("Edited ")


def test_a_folder_given_as_a_relative_path_is_not_taken_for_gone(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--faq-dir faq` from the deploy folder; pruning later runs from another directory."""
    from knowledge import last_good
    from knowledge.base import validate_folder

    monkeypatch.setattr(last_good, "KEEP", 2)
    scan, examples = validate_folder(folder)
    old = tmp_path / "old-checkout"
    old.mkdir()
    last_good.remember(old, scan.entries, examples, "e" * 64)
    [older] = kept_files(tmp_path)
    import os

    os.utime(older, (older.stat().st_atime, older.stat().st_mtime - 60))
    monkeypatch.chdir(tmp_path)
    last_good.remember(Path("faq"), scan.entries, examples, "e" * 64)  # the served one
    monkeypatch.chdir(tmp_path / "cache")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    last_good.remember(elsewhere, scan.entries, examples, "e" * 64)  # three: one goes
    assert last_good.recall(folder) is not None  # not the served copy
    assert last_good.recall(old) is None


def test_an_emptied_copy_is_written_again_when_its_content_is_loaded(
    folder: Path, tmp_path: Path
) -> None:
    """A copy emptied while the cache folder was read-only (see above), then the same
    content loaded again once it is writable: the copy is whole again."""
    KnowledgeBase.load(folder, keep_copy=True)
    [kept] = kept_files(tmp_path)
    kept.write_bytes(b"")
    KnowledgeBase.load(folder, keep_copy=True)
    assert kept.stat().st_size > 0
    break_one(folder)
    assert KnowledgeBase.load_or_last_good(folder)[1] is not None


def test_a_folder_name_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linux allows any bytes in a name; Python hands them over as surrogates."""
    import os

    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(tmp_path / "cache"))
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    shutil.copytree(DEFAULT_FAQ_DIR, odd)
    KnowledgeBase.load_or_last_good(odd)
    break_one(odd)
    assert KnowledgeBase.load_or_last_good(odd)[1] is not None
