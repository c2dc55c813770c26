"""Shared pytest fixtures, in one place: the fake Discord, the shipped FAQ, bot factories."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.app import RolloverBot
from bot.settings import DiscordSettings, Settings, load_settings
from bot.storage import MemoryStore, Store
from knowledge.base import KnowledgeBase

pytest_plugins = ["tests.fakediscord.fixtures", "tests.postgres_server"]


_OWN_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Trained matchers cached for this run only (shared by its xdist workers and
    subprocesses, which inherit the variable), never in the home folder of whoever runs
    the tests."""
    if "ROLLOVER_CACHE_DIR" not in os.environ:
        os.environ["ROLLOVER_CACHE_DIR"] = tempfile.mkdtemp(prefix="rollover-test-cache-")
        _OWN_CACHE.append(os.environ["ROLLOVER_CACHE_DIR"])


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _OWN_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped FAQ, loaded once (it is immutable)."""
    return KnowledgeBase.load()


@pytest.fixture
def make_settings(fake_discord: Any, tmp_path: Path) -> Callable[..., Settings]:
    """Settings watching the fake world's forum, with the database in tmp_path,
    overridable per test."""

    def build(**overrides: Any) -> Settings:
        """Keyword arguments naming a top-level setting set it; the rest go to [discord]."""
        world = fake_discord.world
        top = {
            k: v
            for k, v in overrides.items()
            if k in Settings.model_fields and k not in DiscordSettings.model_fields
        }
        discord = {
            "forum_channel_ids": [int(world.forum["id"])],
            "moderator_role_ids": [int(world.moderator_role.id)],
        } | {k: v for k, v in overrides.items() if k not in top}
        top.setdefault("database", {"path": tmp_path / "rollover-bot.db"})
        return load_settings(discord=discord, **top)

    return build


@pytest.fixture
def make_bot(
    kb: KnowledgeBase, make_settings: Callable[..., Settings], fake_discord: Any
) -> Callable[..., RolloverBot]:
    """A RolloverBot over the shipped FAQ with a fresh MemoryStore (or the given `store`, e.g.
    to share one between two bot instances as across a restart); commands registered in the
    fake as if `rollover-bot sync` had run earlier."""

    def build(
        *, knowledge: KnowledgeBase | None = None, store: Store | None = None, **settings: Any
    ) -> RolloverBot:
        settings.setdefault("faq_watch", False)  # the watcher has its own test
        chosen = store if store is not None else MemoryStore()
        return RolloverBot(make_settings(**settings), knowledge or kb, chosen)

    return build


@pytest.fixture
def start_bot(fake_discord: Any) -> Callable[..., Any]:
    """``async with start_bot(bot) as bot:`` runs it against the fake Discord, with its slash
    commands registered as if synced earlier (sync itself is tested on its own)."""
    from contextlib import asynccontextmanager

    from tests.fakediscord import running_bot

    @asynccontextmanager
    async def run(bot: RolloverBot, **options: Any) -> Any:
        async with running_bot(fake_discord, bot, **options) as running:
            fake_discord.register_commands(running.tree)
            housekeeping = running.get_cog("Housekeeping")
            if housekeeping is not None and housekeeping.digest.is_running():
                # Past the digest hour the start's pass may post a digest: over before the
                # test acts, not mid-test (a report made first was counted in it).
                await asyncio.wait_for(housekeeping.digest_started.wait(), 10)
            yield running

    return run
