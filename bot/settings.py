"""Settings: defaults in config/settings.toml, overridden by a .env file and the environment.

Settings are built once at start-up and passed to whatever needs them (no import-time
singleton), so tests can build their own. The Discord token is a ``SecretStr``: it never
appears in ``repr``, logs or error messages.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as SourceError

from knowledge.tuning import MatchTuning

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "settings.toml"


def _id_list(value: object) -> object:
    """Ids from the environment or .env: a JSON list ("[1, 2]") or, as people also write
    them, separated by commas or spaces ("1,2"). Lists from the TOML file pass through."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        try:
            return json.loads(text)
        except ValueError:
            raise ValueError(_ID_LIST_HELP) from None
    parts = [p for p in re.split(r"[\s,]+", text) if p]
    if not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(_ID_LIST_HELP)
    return [int(p) for p in parts]


_ID_LIST_HELP = "expected Discord ids, written [123, 456] or 123,456"


def _is_blank(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _blank_is_unset(value: object) -> object:
    """``faq_dir = ""`` in settings.toml (or given in code) means the shipped FAQ, not the
    current folder. Blank variables, and blanks in a JSON section, are left out earlier:
    _without_blanks and _without_blank_fields."""
    return None if _is_blank(value) else value


Unset = BeforeValidator(_blank_is_unset)


def from_home(path: Path) -> Path:
    """``~/...`` (or ``~user/...``) read as a shell reads it: no shell reads .env or
    settings.toml, and '~' was a folder of that name in the current one."""
    with contextlib.suppress(RuntimeError):  # (no such user, no home: left as written)
        return path.expanduser()
    return path


#: A path setting, which may start from a home folder.
HomePath = Annotated[Path, AfterValidator(from_home)]


def _shard_count(value: object) -> object:
    """A number, "auto", or unset (blank). Anything else is said as one problem: left to
    the union, pydantic names each of its branches ('shard_count.int', 'shard_count.
    literal['auto']'), which no settings file has."""
    value = _blank_is_unset(value)
    if value is None or value == "auto" or type(value) is int:
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError('expected a number of shards, or "auto" (unset: one connection)')


def _discord_id(value: int) -> int:
    """A Discord id is a snowflake: an unsigned 64-bit number, never 0. One that cannot
    exist would leave the bot deaf in that channel or role without a word."""
    if not 0 < value < 2**64:
        raise ValueError(
            "not a Discord id (with Developer Mode on, right-click the channel, role or "
            "server and choose Copy ID)"
        )
    return value


def _whole_number(value: object) -> object:
    """An id written as a number: true would be read as 1, and a float (1.2e18, or an id
    written with ".0") as the nearest float, whose last digits are not the id's."""
    if isinstance(value, bool | float):
        raise ValueError("not a Discord id: write the id as a whole number, digits only")
    return value


DiscordId = Annotated[int, BeforeValidator(_whole_number), AfterValidator(_discord_id)]
#: Discord ids (channels, roles, servers). NoDecode: the environment's text reaches
#: ``_id_list`` as written, instead of failing JSON decoding with no field named.
IdList = Annotated[list[DiscordId], NoDecode, BeforeValidator(_id_list)]
#: Shard numbers (from 0), written like ids.
ShardList = Annotated[list[int], NoDecode, BeforeValidator(_id_list)]


def _percent(value: float) -> float:
    """Scores are on a 0-100 scale: 0.8 written for 80% would answer nearly every question,
    confidently (or, as the off-topic threshold, silence nearly every post)."""
    if 0 < value < 1:
        raise ValueError(
            f"thresholds are on the 0-100 scale: {value:g} means {value:g}%; "
            f"for {value * 100:g}%, write {value * 100:g}"
        )
    return value


#: A threshold on the matcher's 0-100 score.
Percent = Annotated[float, Field(ge=0, le=100), AfterValidator(_percent)]


#: Every section of settings.toml: an unknown name is a likely typo, and a figure must be a
#: finite number (NaN, which TOML and the environment both take, passed as a threshold and
#: was refused as "less than or equal to 100", sending the operator to the wrong fix).
SECTION = ConfigDict(extra="forbid", allow_inf_nan=False)


class MatchingSettings(BaseModel):
    model_config = SECTION

    answer_threshold: Percent = MatchTuning().answer_threshold
    suggest_threshold: Percent = MatchTuning().suggest_threshold
    plausible_threshold: Percent = MatchTuning().plausible_threshold
    unasked_threshold: Percent = MatchTuning().unasked_threshold
    off_topic_threshold: Percent = MatchTuning().off_topic_threshold

    def tuning(self) -> MatchTuning:
        return MatchTuning(
            answer_threshold=self.answer_threshold,
            suggest_threshold=self.suggest_threshold,
            plausible_threshold=self.plausible_threshold,
            unasked_threshold=self.unasked_threshold,
            off_topic_threshold=self.off_topic_threshold,
        )


class DiscordSettings(BaseModel):
    model_config = SECTION

    #: Forum channels whose new posts the bot answers.
    forum_channel_ids: IdList = Field(default_factory=list)
    #: Text channels where a mention is answered; empty means every channel it can see.
    text_channel_ids: IdList = Field(default_factory=list)
    #: Forum tag applied to posts the bot answered (empty string: none).
    answered_tag: str = "bot-answered"
    #: What a forum post gets when the bot is not confident: a short list, or nothing.
    low_confidence: Literal["suggest", "silent"] = "suggest"
    #: Roles whose members may use the moderator commands.
    moderator_role_ids: IdList = Field(default_factory=list)
    #: Servers whose members with Manage Server are moderators too. Empty: the servers of
    #: the channels configured here, else the bot's only server (see bot.roles).
    home_guild_ids: IdList = Field(default_factory=list)
    #: Who may use "Answer with FAQ" on a message: empty means every member.
    helper_role_ids: IdList = Field(default_factory=list)
    #: Forum tag applied when the asker says an answer was not what they asked ("" for none).
    needs_human_tag: str = "needs-human"
    #: A channel for moderators: refused reloads, reloads that changed entries, new notices,
    #: edits made from Discord, and a daily review-queue digest (None: no log). Nothing in
    #: it pings.
    mod_log_channel_id: Annotated[DiscordId | None, Unset] = None
    #: The hour (UTC) from which the day's digest is posted: once a day, by one process,
    #: whenever the bot restarts.
    digest_hour_utc: int = Field(default=15, ge=0, le=23)
    #: None: one connection. "auto": as many shards as Discord recommends. A number: that
    #: many shards in total, of which this process runs ``shard_ids`` (all when empty).
    shard_count: Annotated[int | Literal["auto"] | None, BeforeValidator(_shard_count)] = Field(
        default=None
    )
    shard_ids: ShardList = Field(default_factory=list)
    #: At start, keep trying to reach Discord this many seconds (with backoff) before
    #: giving up with exit code 1, so a supervisor such as systemd can restart the bot; and
    #: as long, before that, to open a database out of reach (runner._open_when_reachable).
    startup_retry_seconds: float = Field(default=120.0, ge=0, le=86_400)

    @model_validator(mode="after")
    def _shards_fit(self) -> DiscordSettings:
        if isinstance(self.shard_count, int) and self.shard_count < 1:
            raise ValueError("shard_count must be at least 1, 'auto', or unset")
        if self.shard_ids and not isinstance(self.shard_count, int):
            raise ValueError("shard_ids needs a numeric shard_count")
        if isinstance(self.shard_count, int) and any(
            not 0 <= i < self.shard_count for i in self.shard_ids
        ):
            raise ValueError(f"shard_ids must be between 0 and {self.shard_count - 1}")
        if len(set(self.shard_ids)) < len(self.shard_ids):
            # Each would open its own session for the same shard.
            raise ValueError("shard_ids names a shard more than once")
        return self


class LimitSettings(BaseModel):
    """Abuse limits: per user for commands and mentions, per bot for forum answers."""

    model_config = SECTION

    ask_per_minute: int = Field(default=6, ge=1, le=600)
    calc_per_minute: int = Field(default=10, ge=1, le=600)
    mention_per_minute: int = Field(default=4, ge=1, le=600)
    #: Autocomplete requests ranked per user a minute (Discord sends one as a member types);
    #: past it, the list by title: ranking a text costs time and memory.
    autocomplete_per_minute: int = Field(default=60, ge=1, le=6000)
    #: "/faq user:" pings that member at most once in this many minutes; later ones name
    #: them without a ping (one member cannot have another notified at will).
    ping_member_every_minutes: float = Field(default=10.0, ge=0, le=1440)
    forum_answers_per_minute: int = Field(default=30, ge=1, le=6000)


class RetrySettings(BaseModel):
    """Replies the bot owes (failed, held back by the forum cap, or cut off by a crash) are
    kept in the database and retried until sent or too old."""

    model_config = SECTION

    #: How often the queue of owed replies is looked at.
    poll_seconds: float = Field(default=10.0, gt=0, le=3600)
    #: Wait before the first retry; each further one waits twice as long, up to the max.
    first_delay_seconds: float = Field(default=30.0, ge=0, le=86_400)
    max_delay_seconds: float = Field(default=900.0, ge=0, le=86_400)
    #: A reply still owed this long after the question was asked is given up (logged, and
    #: the question goes to the moderators' gaps).
    max_age_minutes: float = Field(default=720.0, gt=0, le=7 * 24 * 60)
    #: How long a reply being sent is left to the process sending it before another one
    #: takes it over (that process died, or lost its connection, mid-reply).
    lease_seconds: float = Field(default=300.0, gt=0, le=86_400)

    def delay(self, attempts: int) -> float:
        """Seconds before the next try, after ``attempts`` failed ones (exponential)."""
        return min(
            self.max_delay_seconds, self.first_delay_seconds * 2 ** max(0, min(attempts - 1, 30))
        )


#: How a PostgreSQL URL starts (database.url, and the reports' --db).
POSTGRES_URL = r"^postgres(ql)?://"


DEFAULT_DATABASE = Path("data/rollover-bot.db")


def _blank_is_default_database(value: object) -> object:
    return DEFAULT_DATABASE if _is_blank(value) else value


def _not_left_under_a_tilde_folder(value: object) -> object:
    """Releases before '~/' meant the home folder made and used the database under a folder
    named '~' in the current one: upgraded, the bot would start a new empty database in the
    home folder, the old one (votes, posts answered, replies owed) left unread."""
    if not isinstance(value, str | Path) or not str(value).startswith("~"):
        return value
    written = Path(value)
    meant = from_home(written)
    try:
        left_behind = meant != written and written.is_file() and not meant.exists()
    except OSError:  # (a folder this user may not look in: nothing to tell)
        left_behind = False
    if left_behind:
        raise ValueError(
            f"'{value}' is now read from the home folder, as a shell reads it ({meant}), "
            f"where there is no database; an earlier release read it as {written.absolute()}, "
            "which holds the bot's database: move that file (with its -wal, -shm and .key "
            f"files) to {meant.parent}, or set database.path to {written.absolute()}"
        )
    return value


class DatabaseSettings(BaseModel):
    model_config = SECTION

    #: SQLite file for questions, votes and answered posts; relative to the current folder.
    #: Blank is unset, as for faq_dir (not the current folder, which cannot be opened).
    path: Annotated[
        HomePath,
        BeforeValidator(_not_left_under_a_tilde_folder),
        BeforeValidator(_blank_is_default_database),
    ] = DEFAULT_DATABASE
    #: Stored question text older than this many days is deleted.
    retention_days: int = Field(default=90, ge=1)
    #: A PostgreSQL database instead of the SQLite file, for several bot processes:
    #: "postgresql://user:password@host/dbname" (libpq URI). Unset: SQLite at ``path``.
    url: Annotated[str | None, Unset] = Field(default=None, pattern=POSTGRES_URL)


#: Settings (section__name) where nothing is a value: no tag, no ids.
_BLANK_IS_A_VALUE = frozenset(
    {
        "discord__answered_tag",
        "discord__needs_human_tag",
        "discord__forum_channel_ids",
        "discord__text_channel_ids",
        "discord__moderator_role_ids",
        "discord__helper_role_ids",
        "discord__home_guild_ids",
        "discord__shard_ids",
    }
)


def _left_out_when_blank(settings_cls: type[BaseSettings]) -> frozenset[str]:
    """The variable names (lower case) that set a setting and, set to nothing, are left
    out, so .env, settings.toml or the default applies. Not those in _BLANK_IS_A_VALUE:
    tag names ("" turns the tag off) and id lists ("" lists none)."""
    prefix = settings_cls.model_config.get("env_prefix", "").lower()
    names: set[str] = set()
    for name, field in settings_cls.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice).lower() for choice in alias.choices)
            continue
        names.add(prefix + name)
        section = field.annotation
        if isinstance(section, type) and issubclass(section, BaseModel):
            names.update(
                f"{prefix}{name}__{inner}"
                for inner in section.model_fields
                if f"{name}__{inner}" not in _BLANK_IS_A_VALUE
            )
    return frozenset(names)


def _without_blanks(
    env_vars: Mapping[str, str | None], settings_cls: type[BaseSettings]
) -> dict[str, str | None]:
    """The variables as read, those set to nothing left out (see _left_out_when_blank).
    Left out by name, before any is looked up: a blank DISCORD_TOKEN must not hide
    ROLLOVER_TOKEN, nor a blank ROLLOVER_DATABASE__URL the URL in .env or settings.toml.
    A misspelt name is kept, so .env's check still refuses it."""
    left_out = _left_out_when_blank(settings_cls)
    return {
        name: value
        for name, value in env_vars.items()
        if not (name in left_out and _is_blank(value))
    }


def _without_blank_fields(data: dict[str, Any], settings_cls: type[BaseSettings]) -> dict[str, Any]:
    """``data`` with blanks inside a JSON section (ROLLOVER_DATABASE='{"url": ""}') left out
    as a blank ROLLOVER_DATABASE__URL would be."""
    left_out = _left_out_when_blank(settings_cls)
    prefix = settings_cls.model_config.get("env_prefix", "").lower()
    for section, values in data.items():
        if isinstance(values, dict):
            data[section] = {
                name: value
                for name, value in values.items()
                if not (f"{prefix}{section}__{name}".lower() in left_out and _is_blank(value))
            }
    return data


class _BlanksLeftOut(PydanticBaseSettingsSource):
    """A source of variables (the environment, .env) with blank ones left out: as read,
    and inside JSON sections."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return _without_blanks(super()._load_env_vars(), self.settings_cls)  # type: ignore[misc]

    def __call__(self) -> dict[str, Any]:
        return _without_blank_fields(super().__call__(), self.settings_cls)


#: ROLLOVER_* variables that are ours but no setting (read before the settings are), from
#: the environment or the .env file (see Settings.settings_customise_sources).
_NOT_SETTINGS = frozenset({"config", "cache_dir", "embeddings"})


class _Env(_BlanksLeftOut, EnvSettingsSource):
    """The environment, blank variables left out, and a ROLLOVER_* name that names no
    setting refused as a typo, as in .env (pydantic-settings reads only the names it
    knows, so ROLLOVER_FAQDIR would run the bot on the default folder without a word;
    a typo after the section, ROLLOVER_DATABASE__URLL, is refused by the section)."""

    def __call__(self) -> dict[str, Any]:
        prefix = self.settings_cls.model_config.get("env_prefix", "").lower()
        known = {*self.settings_cls.model_fields, *_NOT_SETTINGS, "token"}
        for name in self.env_vars:
            section = name.lower().removeprefix(prefix).partition("__")[0]
            if name.lower().startswith(prefix) and section not in known:
                raise SettingsError(
                    f"setting '{name.lower().removeprefix(prefix)}' in the environment "
                    f"({name.upper()}): no such setting (check the spelling)"
                )
        return super().__call__()


class _DotEnv(_BlanksLeftOut, DotEnvSettingsSource):
    """The .env file, blank variables left out, and ROLLOVER_* names that are not settings
    refused as typos (``dotenv_filtering``). ROLLOVER_TOKEN is both the token's alias and
    a ROLLOVER_* name: found as the token, it must not also come back as an unknown
    setting 'token'."""

    def __call__(self) -> dict[str, Any]:
        data = super().__call__()
        if "token" in data and len(data) > 1 and _TOKEN_NAMES & {k.lower() for k in data}:
            data.pop("token")
        for name in _NOT_SETTINGS:  # (taken before the settings are read)
            data.pop(name, None)
        return data

    def ours(self, name: str) -> str | None:
        """The value of ``name`` (ROLLOVER_CONFIG, say) in the .env file, None if unset."""
        return (self.env_vars.get(name.lower()) or "").strip() or None


_TOKEN_NAMES = {"discord_token", "rollover_token"}

#: The .env file read, in the current folder (the one a command runs in, not the checkout).
ENV_FILE = ".env"


def env_file() -> Path:
    """The .env file the settings read, as an absolute path (for an error to name)."""
    return Path(ENV_FILE).absolute()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ROLLOVER_",
        env_nested_delimiter="__",
        env_file=ENV_FILE,
        # A .env file is often shared with other programs: only ROLLOVER_* (and the token)
        # are ours, and an unknown ROLLOVER_* name is still refused as a likely typo.
        dotenv_filtering="match_prefix",
        extra="forbid",
        toml_file=DEFAULT_CONFIG,
        # token= in code, by the field's name; not as an alias, which would also read
        # another program's TOKEN variable from the environment or .env.
        populate_by_name=True,
    )

    token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "ROLLOVER_TOKEN")
    )
    faq_dir: Annotated[HomePath | None, Unset] = None
    #: Reload the FAQ by itself when a file in the folder changes.
    faq_watch: bool = True
    #: Earlier versions of each entry kept in the FAQ folder's .backups/ by edits from
    #: Discord; older ones are deleted (the newest always stays).
    faq_backups: int = Field(default=20, ge=1, le=10_000)
    matching: MatchingSettings = MatchingSettings()
    discord: DiscordSettings = DiscordSettings()
    limits: LimitSettings = LimitSettings()
    retries: RetrySettings = RetrySettings()
    database: DatabaseSettings = DatabaseSettings()
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        dotenv = _DotEnv(settings_cls)
        # Ours but no setting, read before the settings: the environment's, else .env's (a
        # variable set to nothing is unset, as for a setting).
        chosen, named = os.environ.get("ROLLOVER_CONFIG", "").strip(), "ROLLOVER_CONFIG"
        if not chosen and (chosen := dotenv.ours("ROLLOVER_CONFIG")):
            named = "ROLLOVER_CONFIG in the .env file"
        toml_path = from_home(Path(chosen)) if chosen else DEFAULT_CONFIG
        if chosen and not toml_path.is_file():
            # A typo here would otherwise run the bot on the defaults without a word.
            raise SettingsError(f"{named} names {chosen}, which is not a file")
        try:
            toml = TomlConfigSettingsSource(settings_cls, toml_file=toml_path)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            # tomllib says where (line and column) and never quotes the value.
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise SettingsError(f"cannot read the settings file {toml_path}: {reason}") from None
        if written := _token_keys(toml.toml_data):
            # (Taken, it ran the bot, and config/settings.toml is a file of the repository:
            # the next commit and push published the token.)
            raise SettingsError(
                f"the settings file {toml_path} holds the Discord token ('{written[0]}'), "
                "which is never read from there (a commit would publish it): take it out, "
                "and set DISCORD_TOKEN in the .env file or the environment"
            )
        return init_settings, _Env(settings_cls), dotenv, toml


def _token_keys(data: dict[str, Any]) -> list[str]:
    """The token's names written in the settings file, also under a table: [discord]'s, or
    the last table's when appended at the end ("no such setting" sent them hunting a typo)."""
    names = {"token", *_TOKEN_NAMES}
    found = [str(k) for k in data if str(k).lower() in names]
    for table, values in data.items():
        if isinstance(values, dict):
            found += [f"{table}.{k}" for k in values if str(k).lower() in names]
    return found


def env_file_values(*names: str) -> list[str | None]:
    """ROLLOVER_* names that are no setting (ROLLOVER_CACHE_DIR, ROLLOVER_EMBEDDINGS) as the
    .env file sets them (None: it does not), the file read once. The command line hands
    them to knowledge/ (cache.py, embedding.py), where the environment's win; loading the
    settings leaves the environment as it is."""
    dotenv = _DotEnv(Settings)
    return [dotenv.ours(name) for name in names]


class SettingsError(ValueError):
    """Invalid settings, described by setting name without echoing any value."""


def load_settings(**overrides: object) -> Settings:
    """Build settings or raise SettingsError naming each bad setting (values never shown)."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "settings"
            problems.append(f"setting '{name}': {_problem(name, err['type'], err['msg'])}")
        raise SettingsError("; ".join(problems)) from None
    except SettingsError:
        raise
    except SourceError as exc:  # names the setting and where it came from, not the value
        raise SettingsError(_source_problem(str(exc))) from None
    except UnicodeDecodeError:
        raise SettingsError("cannot read the .env file: it is not UTF-8 text") from None
    except OSError as exc:
        raise SettingsError(f"cannot read the .env file: {exc.strerror or exc}") from None


#: Settings that earlier releases had: an operator's settings.toml or .env from then still
#: holds them, spelt as they were, so "check the spelling" would send them hunting a typo.
_REMOVED = {
    "discord.guild_ids": "it was never used: `rollover-bot sync --guild ID` takes the server",
    "matching.suggestion_overlap_weight": "suggestions are listed by their score alone",
}


def _problem(name: str, kind: str, message: str) -> str:
    if kind == "extra_forbidden" and name in _REMOVED:
        return f"removed in an earlier release ({_REMOVED[name]}): delete it"
    if kind == "extra_forbidden":
        return "no such setting (check the spelling)"
    return message.removeprefix("Value error, ")


_SOURCES = {"_Env": "the environment", "_DotEnv": "the .env file"}


def _source_problem(message: str) -> str:
    """pydantic-settings' 'error parsing value for field "x" from source "EnvSettingsSource"'
    in the words the rest of the settings errors use."""
    found = re.search(r'field "([^"]+)" from source "(\w+)"', message)
    if found is None:
        return f"cannot read the settings: {message}"
    field, source = found.groups()
    where = _SOURCES.get(source, source)
    return f"setting '{field}' in {where}: not valid JSON (nested settings are written as JSON)"
