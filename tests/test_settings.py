"""Settings: layered sources, named errors, and a token that never shows."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
from pathlib import Path
from typing import get_origin

import pytest
from discord.ext import commands

import bot.cogs
from bot.app import EXTENSIONS
from bot.settings import LimitSettings, SettingsError, load_settings
from tests.processes import SCRIPT, bare_env

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
    monkeypatch.setenv("ROLLOVER_MATCHING__OFF_TOPIC_THRESHOLD", "100")
    monkeypatch.setenv("ROLLOVER_MATCHING__UNASKED_THRESHOLD", "30")
    settings = load_settings()
    assert settings.matching.answer_threshold == 61
    tuning = settings.matching.tuning()
    assert (tuning.off_topic_threshold, tuning.unasked_threshold) == (100, 30)
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
        ({"ROLLOVER_MATCHING__OFF_TOPIC_THRESHOLD": "-1"}, "matching.off_topic_threshold"),
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


@pytest.mark.parametrize("name", ["answer_threshold", "off_topic_threshold"])
def test_a_threshold_written_as_a_fraction_is_refused_with_the_percentage_meant(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # 0.8 for 80%: the answer threshold would answer nearly every question, confidently
    monkeypatch.setenv(f"ROLLOVER_MATCHING__{name.upper()}", "0.8")
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert f"matching.{name}" in said and "0-100" in said and "80" in said
    monkeypatch.setenv(f"ROLLOVER_MATCHING__{name.upper()}", "0")  # 0 and 1 stay allowed
    assert getattr(load_settings().matching, name) == 0


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ROLLOVER_MATCHING__ANSWER_THRESHOLD", "NaN"),
        ("ROLLOVER_MATCHING__OFF_TOPIC_THRESHOLD", "inf"),
        ("ROLLOVER_RETRIES__POLL_SECONDS", "nan"),
    ],
)
def test_a_figure_that_is_no_finite_number_is_refused_as_such(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """NaN (which the environment and TOML both read as a float) was refused as "less than
    or equal to 100", for a threshold of at most 100: the operator looked for a figure too
    high. The error says it is no finite number."""
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    name = variable.removeprefix("ROLLOVER_").lower().replace("__", ".")
    assert name in said and "finite number" in said and "less than" not in said


def test_embeddings_turned_off_from_the_environment_or_the_env_file(tmp_path: Path) -> None:
    """README's ROLLOVER_EMBEDDINGS=off (answering without the sentence embeddings, on a
    machine too small for the model) was refused by every command as "no such setting".
    It is taken from the environment, and from .env where the environment has none: the
    matcher is then trained without the embeddings, and scores otherwise."""
    question = "1099-R box 5 for my mega backdoor"

    def best(env_file: str = "", **env: str) -> dict:
        (tmp_path / ".env").write_text(env_file)
        proc = subprocess.run(
            [str(SCRIPT), "ask", "--json", question],
            capture_output=True,
            text=True,
            timeout=120,
            env=bare_env(HOME=str(tmp_path), ROLLOVER_CACHE_DIR="off", **env),
            cwd=tmp_path,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)["best"]

    with_them = best()
    from_env = best(ROLLOVER_EMBEDDINGS="off")
    assert from_env["id"] == with_them["id"] and from_env["score"] != with_them["score"]
    assert best("ROLLOVER_EMBEDDINGS=off\n") == from_env
    assert best("ROLLOVER_EMBEDDINGS=off\n", ROLLOVER_EMBEDDINGS="on") == with_them


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
    env = bare_env(HOME=str(tmp_path), ROLLOVER_CONFIG=str(config), DISCORD_TOKEN=SECRET)
    proc = subprocess.run(
        [str(SCRIPT), "run"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
    )
    assert proc.returncode == 2
    assert "matching.answer_threshold" in proc.stderr and proc.stderr.startswith("error: ")
    assert SECRET not in proc.stderr + proc.stdout


@pytest.mark.parametrize("key", ["token", "Token", "DISCORD_TOKEN", "rollover_token"])
def test_a_token_written_in_the_settings_file_is_refused_not_taken(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README, cli.md and the file itself: the token goes in DISCORD_TOKEN (.env or the
    environment), never in config/settings.toml, a file of the repository, which a commit
    publishes. Written there, it was taken without a word: the bot ran on it, and the next
    push put it on the web. Start-up stops instead, saying where the token goes."""
    from bot.cli import main

    monkeypatch.chdir(tmp_path)  # (no .env)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("ROLLOVER_TOKEN", raising=False)
    config = tmp_path / "settings.toml"
    config.write_text(f'{key} = "{SECRET}"\nlog_level = "INFO"\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert f"{config} holds the Discord token" in said and "DISCORD_TOKEN" in said, said
    assert SECRET not in said
    assert main(["run"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and captured.err.count("\n") == 1, captured.err
    assert SECRET not in captured.out + captured.err
    # where it belongs, it is read as before
    config.write_text('log_level = "INFO"\n')
    monkeypatch.setenv("DISCORD_TOKEN", SECRET)
    assert load_settings().token.get_secret_value() == SECRET  # type: ignore[union-attr]


@pytest.mark.parametrize("table", ["discord", "database"])
def test_a_token_written_under_a_table_of_the_settings_file_is_told_where_it_goes(
    table: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The token written under [discord] (where an operator looks for Discord's settings),
    or appended at the end of the file (so under its last table, [database]), was told
    "no such setting (check the spelling)": the operator hunted a typo, where README
    promises start-up says where the token goes."""
    monkeypatch.chdir(tmp_path)  # (no .env)
    config = tmp_path / "settings.toml"
    config.write_text(f'log_level = "INFO"\n[{table}]\ntoken = "{SECRET}"\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert f"{config} holds the Discord token ('{table}.token')" in said, said
    assert "DISCORD_TOKEN" in said and SECRET not in said


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("[discord]\nforum_channel_ids = [-5]\n", "discord.forum_channel_ids"),
        ("[discord]\nmoderator_role_ids = [0]\n", "discord.moderator_role_ids"),
        ("[discord]\nhome_guild_ids = [18446744073709551616]\n", "discord.home_guild_ids"),
        ("[discord]\nmod_log_channel_id = 0\n", "discord.mod_log_channel_id"),
        # true was read as channel 1, and a float as the nearest float's id (the last
        # digits of a real 19-digit id lost): both left the bot deaf there without a word.
        ("[discord]\nforum_channel_ids = [true]\n", "discord.forum_channel_ids"),
        ("[discord]\nhelper_role_ids = [1234567890123456789.0]\n", "discord.helper_role_ids"),
        ("[discord]\nmod_log_channel_id = 123456789012345678.0\n", "discord.mod_log_channel_id"),
    ],
)
def test_a_number_that_cannot_be_a_discord_id_is_refused_by_name(
    written: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A channel or role id that cannot exist would leave the bot deaf there without a word.
    config = tmp_path / "settings.toml"
    config.write_text(written)
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError, match=name.replace(".", r"\.")):
        load_settings()


def test_a_shard_listed_twice_is_refused_and_shard_zero_is_a_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same shard run twice by one process would open two sessions for it.
    config = tmp_path / "settings.toml"
    config.write_text("[discord]\nshard_count = 2\nshard_ids = [0, 0]\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError, match=r"shard_ids.*more than once"):
        load_settings()
    config.write_text("[discord]\nshard_count = 2\nshard_ids = [0, 1]\n")
    assert load_settings().discord.shard_ids == [0, 1]


@pytest.mark.parametrize("written", ['"Auto"', '"four"', "2.5", '"-"'])
def test_a_shard_count_that_is_no_number_is_one_problem_by_name(
    written: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """shard_count takes a number or "auto": anything else was two problems named after
    pydantic's own branches ('discord.shard_count.int': ...; 'discord.shard_count.
    literal['auto']': ...), no setting the operator can find in the file."""
    config = tmp_path / "settings.toml"
    config.write_text(f"[discord]\nshard_count = {written}\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert said.startswith("setting 'discord.shard_count': ") and ";" not in said, said
    assert '"auto"' in said and "literal" not in said


def test_unknown_setting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[discord]\nforum_channel = 5\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError, match=r"discord\.forum_channel"):
        load_settings()


@pytest.mark.parametrize(
    ("section", "line", "name"),
    [
        ("[discord]", "guild_ids = [123456789012345678]", "discord.guild_ids"),
        ("[matching]", "suggestion_overlap_weight = 0.3", "matching.suggestion_overlap_weight"),
    ],
)
def test_a_setting_an_older_release_had_is_said_removed_not_misspelt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, section: str, line: str, name: str
) -> None:
    """An operator's settings.toml from an older release keeps lines since removed, spelt as
    they were then: 'check the spelling' sent them looking for a typo that is not there."""
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "settings.toml"
    config.write_text(f"{section}\n{line}\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert said.startswith(f"setting '{name}': removed in an earlier release")
    assert said.endswith("delete it") and "spelling" not in said
    # A typo beside it is still a typo.
    config.write_text(f"{section}\n{line.replace('_', '', 1)}\n")
    with pytest.raises(SettingsError, match=r"check the spelling"):
        load_settings()
    # The same line from .env, as ROLLOVER_<SECTION>__<NAME>.
    config.write_text("")
    variable = "ROLLOVER_" + name.replace(".", "__").upper()
    (tmp_path / ".env").write_text(f"{variable}={line.partition(' = ')[2]}\n")
    with pytest.raises(SettingsError, match=rf"^setting '{name}': removed in an earlier"):
        load_settings()


@pytest.mark.parametrize(
    ("written", "ids"),
    [("123,456", [123, 456]), ("[123, 456]", [123, 456]), ("123 456", [123, 456]), ("7", [7])],
)
def test_id_lists_from_the_environment_take_commas_or_json(
    written: str, ids: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLLOVER_DISCORD__FORUM_CHANNEL_IDS", written)
    assert load_settings().discord.forum_channel_ids == ids


@pytest.mark.parametrize("written", ["abc", "99;88", "[99,"])
def test_a_bad_id_list_names_the_setting_and_the_form(
    written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLLOVER_DISCORD__MODERATOR_ROLE_IDS", written)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert "discord.moderator_role_ids" in str(info.value)
    assert "123,456" in str(info.value)  # says how to write it
    assert written not in str(info.value)


def test_a_shared_env_file_keeps_other_programs_variables_but_not_our_typos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = tmp_path / ".env"
    env.write_text("POSTGRES_PASSWORD=x\nCOMPOSE_PROJECT_NAME=y\nROLLOVER_LOG_LEVEL=DEBUG\n")
    assert load_settings().log_level == "DEBUG"
    env.write_text("ROLLOVER_LOG_LEVLE=DEBUG\n")
    with pytest.raises(SettingsError, match="'log_levle': no such setting"):
        load_settings()
    # set to nothing, a typo is still refused
    env.write_text("ROLLOVER_DATABSE__URL=\n")
    with pytest.raises(SettingsError, match="'databse__url': no such setting"):
        load_settings()


def test_a_misspelt_variable_in_the_environment_is_refused_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ROLLOVER_FAQ_DIR", str(tmp_path))
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")  # ours, read before the settings
    monkeypatch.setenv("ROLLOVERX", "1")  # another program's name: not ours
    assert load_settings().faq_dir == tmp_path
    monkeypatch.setenv("ROLLOVER_FAQDIR", str(tmp_path))
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value) == (
        "setting 'faqdir' in the environment (ROLLOVER_FAQDIR): no such setting "
        "(check the spelling)"
    )


def test_a_blank_variable_in_env_file_hides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set to nothing in .env, a setting falls through to settings.toml, and a blank
    DISCORD_TOKEN leaves ROLLOVER_TOKEN to be read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("ROLLOVER_TOKEN", raising=False)
    config = tmp_path / "settings.toml"
    config.write_text('log_level = "WARNING"\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    (tmp_path / ".env").write_text(
        f"ROLLOVER_LOG_LEVEL=\nDISCORD_TOKEN=\nROLLOVER_TOKEN={SECRET}\n"
    )
    settings = load_settings()
    assert settings.log_level == "WARNING"
    assert settings.token is not None and settings.token.get_secret_value() == SECRET


def test_an_env_file_that_is_not_utf8_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_bytes(b"ROLLOVER_LOG_LEVEL=\xff\xfe\n")
    with pytest.raises(SettingsError, match=r"\.env file: it is not UTF-8"):
        load_settings()


def test_empty_variables_mean_unset_except_where_empty_means_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROLLOVER_FAQ_DIR", "")
    monkeypatch.setenv("ROLLOVER_DATABASE__URL", "")
    monkeypatch.setenv("ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID", " ")
    monkeypatch.setenv("ROLLOVER_DISCORD__ANSWERED_TAG", "")
    monkeypatch.setenv("ROLLOVER_DISCORD__NEEDS_HUMAN_TAG", "")
    settings = load_settings()
    assert settings.faq_dir is None  # the shipped FAQ, not the current folder
    assert settings.database.url is None  # SQLite
    assert settings.discord.mod_log_channel_id is None
    # settings.toml: an empty tag name turns tagging off
    assert settings.discord.answered_tag == settings.discord.needs_human_tag == ""


def test_a_blank_variable_hides_nothing_from_env_file_or_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set to nothing in the environment (a compose file's "VAR=" line, say), a setting
    falls through to .env and settings.toml instead of becoming empty."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://rollover@db.example/rollover"
    (tmp_path / ".env").write_text(
        f"DISCORD_TOKEN={SECRET}\nROLLOVER_DATABASE__URL={url}\n"
        "ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID=42\n"
    )
    config = tmp_path / "settings.toml"
    config.write_text('log_level = "WARNING"\n[limits]\nmention_per_minute = 2\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    for name in (
        "DISCORD_TOKEN",
        "ROLLOVER_DATABASE__URL",
        "ROLLOVER_DISCORD__MOD_LOG_CHANNEL_ID",
        "ROLLOVER_LOG_LEVEL",
        "ROLLOVER_LIMITS__MENTION_PER_MINUTE",
    ):
        monkeypatch.setenv(name, "")
    settings = load_settings()
    assert settings.token is not None and settings.token.get_secret_value() == SECRET
    assert settings.database.url == url
    assert settings.discord.mod_log_channel_id == 42
    assert settings.log_level == "WARNING" and settings.limits.mention_per_minute == 2


def test_a_blank_token_name_does_not_hide_the_other_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DISCORD_TOKEN set to nothing and ROLLOVER_TOKEN set: the environment's token is
    used, not an older one left in .env."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("DISCORD_TOKEN=stale.token.from-env-file\n")
    monkeypatch.setenv("DISCORD_TOKEN", "")
    monkeypatch.setenv("ROLLOVER_TOKEN", SECRET)
    token = load_settings().token
    assert token is not None and token.get_secret_value() == SECRET


def test_a_blank_inside_a_json_section_hides_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A section written as JSON is read as its variables would be: a blank value in it
    is left out, so .env, settings.toml or the default applies; a blank tag name still
    turns the tag off."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://rollover@db.example/rollover"
    (tmp_path / ".env").write_text(f"ROLLOVER_DATABASE__URL={url}\n")
    config = tmp_path / "settings.toml"
    config.write_text("[discord]\nmod_log_channel_id = 42\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    monkeypatch.setenv("ROLLOVER_DATABASE", '{"url": "", "retention_days": 5}')
    monkeypatch.setenv("ROLLOVER_DISCORD", '{"mod_log_channel_id": " ", "answered_tag": ""}')
    monkeypatch.setenv("ROLLOVER_LIMITS", '{"mention_per_minute": ""}')
    settings = load_settings()
    assert settings.database.url == url and settings.database.retention_days == 5
    assert settings.discord.mod_log_channel_id == 42 and settings.discord.answered_tag == ""
    assert settings.limits.mention_per_minute == LimitSettings().mention_per_minute
    # the same in .env
    for name in ("ROLLOVER_DATABASE", "ROLLOVER_DISCORD", "ROLLOVER_LIMITS"):
        monkeypatch.delenv(name)
    config.write_text(f'[database]\nurl = "{url}"\n')
    (tmp_path / ".env").write_text('ROLLOVER_DATABASE={"url": " ", "retention_days": 6}\n')
    settings = load_settings()
    assert settings.database.url == url and settings.database.retention_days == 6


def test_another_programs_token_variable_is_not_the_discord_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only DISCORD_TOKEN and ROLLOVER_TOKEN are read: a TOKEN variable (a CI token, say)
    in the environment or .env is someone else's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROLLOVER_TOKEN", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", "")
    monkeypatch.setenv("TOKEN", "github-pat-not-ours")
    (tmp_path / ".env").write_text("token=also-not-ours\n")
    assert load_settings().token is None
    assert load_settings(token=SECRET).token.get_secret_value() == SECRET  # in code, by name


def test_every_tag_name_and_id_list_is_one_where_blank_is_a_value() -> None:
    """The settings where "" means something are listed by hand: the list names real
    settings, and every tag name or id list (a str or a list of ids) is on it."""
    from pydantic import BaseModel

    from bot.settings import _BLANK_IS_A_VALUE, Settings

    kinds = {}
    for section, field in Settings.model_fields.items():
        model = field.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            kinds.update(
                {
                    f"{section}__{name}": inner.annotation
                    for name, inner in model.model_fields.items()
                }
            )
    assert kinds.keys() >= _BLANK_IS_A_VALUE
    listed = {name for name, kind in kinds.items() if kind is str or get_origin(kind) is list}
    assert listed == _BLANK_IS_A_VALUE


def test_a_blank_id_list_lists_no_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """For a list of ids, nothing is a value: "ROLLOVER_..._IDS=" empties the list that
    settings.toml gives (as "=1,2" sets it)."""
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "settings.toml"
    config.write_text("[discord]\nmoderator_role_ids = [5]\nforum_channel_ids = [7]\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    monkeypatch.setenv("ROLLOVER_DISCORD__MODERATOR_ROLE_IDS", "")
    (tmp_path / ".env").write_text("ROLLOVER_DISCORD__FORUM_CHANNEL_IDS= \n")
    settings = load_settings()
    assert settings.discord.moderator_role_ids == [] and settings.discord.forum_channel_ids == []
    monkeypatch.setenv("ROLLOVER_DISCORD__MODERATOR_ROLE_IDS", "1,2")
    assert load_settings().discord.moderator_role_ids == [1, 2]


def test_bad_json_in_env_file_names_the_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("ROLLOVER_DISCORD={bad\n")
    with pytest.raises(SettingsError, match=r"'discord' in the \.env file: not valid JSON"):
        load_settings()


@pytest.mark.parametrize("name", ["ROLLOVER_TOKEN", "DISCORD_TOKEN", "rollover_token"])
def test_the_token_under_any_of_its_names_in_env_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    (tmp_path / ".env").write_text(f"{name}={SECRET}\n")
    token = load_settings().token
    assert token is not None and token.get_secret_value() == SECRET


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_rollover_config_naming_no_file_is_an_error_not_the_defaults(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.toml"
    if kind == "folder":
        target.mkdir()
    monkeypatch.setenv("ROLLOVER_CONFIG", str(target))
    with pytest.raises(SettingsError, match="ROLLOVER_CONFIG") as info:
        load_settings()
    assert str(target) in str(info.value)


def test_rollover_config_in_env_file_chooses_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: '.env and environment variables override' the defaults, and 'ROLLOVER_CONFIG
    points at another settings file'. Written in .env, it was refused as a typo ('config':
    no such setting), and read from the environment only. The environment's still wins."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROLLOVER_CONFIG", raising=False)
    (tmp_path / "solved.toml").write_text('[discord]\nanswered_tag = "solved"\n')
    (tmp_path / "done.toml").write_text('[discord]\nanswered_tag = "done"\n')
    (tmp_path / ".env").write_text("ROLLOVER_CONFIG=solved.toml\n")
    assert load_settings().discord.answered_tag == "solved"
    monkeypatch.setenv("ROLLOVER_CONFIG", "done.toml")
    assert load_settings().discord.answered_tag == "done"
    monkeypatch.setenv("ROLLOVER_CONFIG", "")  # set to nothing: unset, .env's applies
    assert load_settings().discord.answered_tag == "solved"
    monkeypatch.setenv("ROLLOVER_CONFIG", "  ")  # (as blank as the cache folder's)
    assert load_settings().discord.answered_tag == "solved"
    (tmp_path / ".env").write_text("ROLLOVER_CONFIG=sovled.toml\n")
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value) == (
        "ROLLOVER_CONFIG in the .env file names sovled.toml, which is not a file"
    )


def test_rollover_cache_dir_in_env_file_is_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: 'set ROLLOVER_CACHE_DIR to use another folder'. Written in .env, it was
    refused as a typo ('cache_dir': no such setting); the environment's still wins.
    Loading the settings copied .env's into the environment: from then on the environment
    'won', so an edit of .env later in the process was ignored (and the folder outlived
    the test). The command line hands .env's folder to the cache instead, each time."""
    from bot.cli.common import settings
    from knowledge import cache

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROLLOVER_CACHE_DIR", raising=False)
    monkeypatch.setattr(cache, "_env_file_folder", None)
    (tmp_path / ".env").write_text(f"ROLLOVER_CACHE_DIR={tmp_path / 'cache'}\n")
    load_settings()
    assert "ROLLOVER_CACHE_DIR" not in os.environ  # (loading settings sets nothing)
    settings()
    assert cache.folder() == tmp_path / "cache"
    (tmp_path / ".env").write_text(f"ROLLOVER_CACHE_DIR={tmp_path / 'edited'}\n")
    settings()
    assert cache.folder() == tmp_path / "edited"
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    settings()
    assert cache.folder() is None
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", " ")  # set to nothing: unset, .env's applies
    assert cache.folder() == tmp_path / "edited"


def test_a_toml_syntax_error_names_the_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("log_level = 'INFO'\n\n[matching\n")
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(config) in str(info.value) and "line 3" in str(info.value)


def test_nested_json_that_does_not_parse_names_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROLLOVER_MATCHING", "{answer_threshold: 60")
    with pytest.raises(SettingsError, match="'matching' in the environment: not valid JSON"):
        load_settings()


def test_a_blank_database_path_is_the_default_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``path = ""`` reads as unset, like a blank faq_dir: it was the current folder, and
    the bot stopped at start with "cannot open .: Is a directory"."""
    config = tmp_path / "settings.toml"
    config.write_text('[database]\npath = ""\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    assert load_settings().database.path == Path("data/rollover-bot.db")


def _home_with_a_served_entry(tmp_path: Path) -> tuple[Path, Path]:
    """A home folder holding the shipped FAQ (~/faq) and a database (~/data/bot.db) that
    served one entry once, and an empty working folder beside it."""
    import asyncio
    import shutil

    from bot.storage import SqliteStore
    from knowledge.loader import DEFAULT_FAQ_DIR

    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    shutil.copytree(DEFAULT_FAQ_DIR, home / "faq")
    entry = sorted((home / "faq").glob("*.md"))[0].stem

    async def served_once() -> None:
        async with SqliteStore(home / "data" / "bot.db") as store:
            await store.record_served(entry)

    asyncio.run(served_once())
    return home, work


def test_paths_written_from_the_home_folder_are_in_the_home_folder(tmp_path: Path) -> None:
    """`~/...` is how an operator writes a path in their home, in .env or settings.toml,
    where no shell expands it: the bot took it as a folder named '~' in the current one.
    The FAQ folder "did not exist", ROLLOVER_CONFIG named "no file", and the database and
    the matcher cache were made afresh under ./~/ (a new empty database wherever the bot
    was started from, the real one unread)."""
    home, work = _home_with_a_served_entry(tmp_path)
    (home / "rollover.toml").write_text('faq_dir = "~/faq"\n[database]\npath = "~/data/bot.db"\n')
    (work / ".env").write_text("ROLLOVER_CONFIG=~/rollover.toml\nROLLOVER_CACHE_DIR=~/cache\n")

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        env = bare_env(HOME=str(home))
        return subprocess.run(
            [str(SCRIPT), *args], capture_output=True, text=True, timeout=120, env=env, cwd=work
        )

    asked = command("ask", "is after-tax money prorated?")
    assert asked.returncode == 0, asked.stderr
    stats = command("faq", "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    said = json.loads(stats.stdout)
    assert said["found"] and said["database"] == str(home / "data" / "bot.db"), said
    assert any(row["served"] == 1 for row in said["entries"]), said
    assert list((home / "cache").glob("matcher-*.pickle"))
    assert sorted(p.name for p in work.iterdir()) == [".env"]  # (no folder named '~')


def test_a_database_an_older_release_kept_under_a_folder_named_tilde_is_not_left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release before '~/' meant the home folder ran on database.path = "~/data/bot.db"
    as ./~/data/bot.db, for as long as it ran: the votes, the posts answered, the replies
    owed, the review decisions. Upgraded, the bot silently started a new empty database in
    the home folder, the old one unread (posts of the catch-up hour answered again)."""
    import asyncio
    import shutil

    from bot.cli import main
    from bot.storage import SqliteStore

    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    monkeypatch.chdir(work)
    config = work / "settings.toml"
    config.write_text('[database]\npath = "~/data/bot.db"\n')
    monkeypatch.setenv("ROLLOVER_CONFIG", str(config))
    meant = home / "data" / "bot.db"
    assert load_settings().database.path == meant  # (no older database: the home folder)

    async def served_once(path: Path) -> None:
        async with SqliteStore(path) as store:
            await store.record_served("split")
            await store.shared_key()

    old = work / "~" / "data" / "bot.db"  # where the older release kept it
    asyncio.run(served_once(old))
    with pytest.raises(SettingsError) as info:
        load_settings()
    said = str(info.value)
    assert said.startswith("setting 'database.path': ") and "earlier release" in said
    assert str(old) in said and str(meant) in said
    # (Not what making the old database logged: an earlier test's `run` in this process
    # may have set up logging to stderr.)
    capsys.readouterr()
    assert main(["faq", "stats", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: setting 'database.path'") and err.count("\n") == 1
    assert not meant.parent.exists()  # (nothing made in the home folder)
    # Moved as the message says, it is read there, nothing lost.
    shutil.move(old.parent, meant.parent)
    assert load_settings().database.path == meant
    assert main(["faq", "stats", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["found"] and [e["served"] for e in said["entries"] if e["served"]] == [1]


def test_path_options_written_from_the_home_folder_are_in_the_home_folder(
    tmp_path: Path,
) -> None:
    """`--faq-dir=~/faq` and `--db=~/data/bot.db`: no shell expands a '~' after '=' (nor
    in quotes, nor in a systemd unit's ExecStart), and the options took it as a folder
    named '~' in the current one: "FAQ folder does not exist" and "no data yet", beside
    the faq_dir and database.path settings, which read the same text as the home folder.
    The options now read it as the settings do."""
    home, work = _home_with_a_served_entry(tmp_path)

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        env = bare_env(HOME=str(home), ROLLOVER_CACHE_DIR="off")
        return subprocess.run(
            [str(SCRIPT), *args], capture_output=True, text=True, timeout=120, env=env, cwd=work
        )

    validated = command("faq", "validate", "--faq-dir=~/faq")
    assert validated.returncode == 0, validated.stdout
    assert f"in {home / 'faq'} are valid" in validated.stdout
    stats = command("faq", "stats", "--json", "--db=~/data/bot.db", "--faq-dir", "~/faq")
    assert stats.returncode == 0, stats.stderr
    said = json.loads(stats.stdout)
    assert said["found"] and said["database"] == str(home / "data" / "bot.db"), said
    assert any(row["served"] == 1 and row["title"] for row in said["entries"]), said
    assert sorted(p.name for p in work.iterdir()) == []  # (no folder named '~')


def test_the_shipped_settings_file_documents_every_setting_with_its_default() -> None:
    """README: 'Every setting is described in config/settings.toml'. Each setting of
    bot/settings.py is there, set to the code's own default or shown commented out, and a
    setting with a fixed set of values names them all in the comment above it: 'log_level'
    named none, and 'debug', the spelling people try first, stops the bot."""
    import re
    import tomllib
    import typing

    from bot.settings import DEFAULT_CONFIG, Settings

    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    shipped = tomllib.loads(text)
    sections = {None: Settings.model_fields} | {
        name: field.annotation.model_fields  # type: ignore[union-attr]
        for name, field in Settings.model_fields.items()
        if isinstance(field.annotation, type) and hasattr(field.annotation, "model_fields")
    }
    for section, fields in sections.items():
        values = shipped if section is None else shipped[section]
        for name, field in fields.items():
            if name == "token" or name in sections:  # (never in the file; sections)
                continue
            where = f"{section}.{name}" if section else name
            if name in values:
                default = field.get_default(call_default_factory=True)
                written = Path(values[name]) if isinstance(default, Path) else values[name]
                assert written == default, (where, values[name], default)
            else:  # unset by default: shown commented out, for the operator to fill in
                assert re.search(rf"^# {name} = ", text, re.M), where
            if get_origin(field.annotation) is typing.Literal:
                comment = text[: text.index(f"\n{name} = ")].rsplit("\n\n", 1)[-1]
                for allowed in typing.get_args(field.annotation):
                    assert f'"{allowed}"' in comment, (where, allowed)
