"""Settings: layered sources, named errors, and a token that never shows."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from discord.ext import commands

import bot.cogs
from bot.app import EXTENSIONS
from bot.settings import SettingsError, load_settings

SCRIPT = Path(sys.executable).parent / "rollover-bot"
SECRET = "MTAwMDAwMDAwMDAwMDAwMDAw.GsEcRt.super_secret_value_do_not_print_1234"


def test_every_cog_module_is_a_loadable_extension() -> None:
    modules = {f"bot.cogs.{m.name}" for m in pkgutil.iter_modules(bot.cogs.__path__)}
    assert modules == set(EXTENSIONS), "every cog module is loaded, and only those"
    for name in modules:
        module = importlib.import_module(name)
        assert callable(getattr(module, "setup", None)), name
        assert any(
            isinstance(v, type) and issubclass(v, commands.Cog) for v in vars(module).values()
        ), name


def test_environment_overrides_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLOVER_MATCHING__ANSWER_THRESHOLD", "61")
    monkeypatch.setenv("ROLLOVER_DISCORD__FORUM_CHANNEL_IDS", "[11, 12]")
    settings = load_settings()
    assert settings.matching.answer_threshold == 61
    assert settings.discord.forum_channel_ids == [11, 12]


def test_toml_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[discord]\nanswered_tag = "solved"\nlow_confidence = "silent"\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    settings = load_settings()
    assert settings.discord.answered_tag == "solved"
    assert settings.discord.low_confidence == "silent"


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"ROLLOVER_MATCHING__ANSWER_THRESHOLD": "250"}, "matching.answer_threshold"),
        ({"ROLLOVER_DISCORD__LOW_CONFIDENCE": "shout"}, "discord.low_confidence"),
        ({"ROLLOVER_DISCORD__FORUM_CHANNEL_IDS": '["abc"]'}, "discord.forum_channel_ids"),
    ],
)
def test_invalid_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], name: str
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=name.replace(".", r"\.")):
        load_settings()


def test_token_is_secret_in_repr_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", SECRET)
    settings = load_settings()
    assert settings.token is not None and settings.token.get_secret_value() == SECRET
    assert SECRET not in repr(settings) and SECRET not in str(settings.model_dump())
    monkeypatch.setenv("ROLLOVER_MATCHING__ANSWER_THRESHOLD", "oops")
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert SECRET not in str(info.value)


def test_bad_settings_file_stops_startup_with_a_named_setting(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[matching]\nanswer_threshold = 'high'\n")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "ROLLOVER_CONFIG": str(config),
        "DISCORD_TOKEN": SECRET,
    }
    proc = subprocess.run(
        [str(SCRIPT), "run"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert "matching.answer_threshold" in proc.stderr and proc.stderr.startswith("error: ")
    assert SECRET not in proc.stderr + proc.stdout


def test_unknown_setting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[discord]\nforum_channel = 5\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError, match=r"discord\.forum_channel"):
        load_settings()
