"""Start the bot against Discord, or register its slash commands, with clear failures."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import discord

from bot.app import create_bot
from bot.reachability import (
    DiscordUnreachable,
    describe,
    host_of,
    retry_with_backoff,
    wait_until_reachable,
)
from bot.settings import Settings
from bot.startup import INTENT_HELP, LOGIN_HELP, ServiceDown, StartupError, token_of
from bot.storage import DatabaseUnavailable, StorageError, Store, open_store
from knowledge.base import Fallback, KnowledgeBase

log = logging.getLogger(__name__)


async def run(
    settings: Settings,
    knowledge: KnowledgeBase,
    *,
    fallback: Fallback | None = None,
    **bot_options: object,
) -> None:
    """Connect and serve until closed. Raises StartupError for what the operator must fix
    (ServiceDown: a database server down), DiscordUnreachable when Discord cannot be
    reached within the start-up retry time.
    ``fallback``: the FAQ folder was broken and ``knowledge`` is its last complete
    version; moderators are told once connected."""
    token = token_of(settings)
    store = open_store(settings)
    # The database first: a setting to fix there is said at once, not after minutes spent
    # waiting for an unreachable Discord (setup_hook then finds the store open).
    await _open_when_reachable(store, settings)
    log.info("%s", _starting(settings, knowledge, fallback))
    try:
        await wait_until_reachable(give_up_after=settings.discord.startup_retry_seconds)
    except BaseException:  # (Discord out of reach, or a stop while waiting for it)
        await store.close()
        raise
    bot = create_bot(settings, knowledge, store, fallback=fallback, **bot_options)
    try:
        async with bot:
            try:
                await bot.login(token)
                # From here on discord.py survives lost links, but for one question first:
                # sharded with shard_count "auto", it asks Discord how many shards to run.
                await bot.connect(reconnect=True)
            except discord.GatewayNotFound as exc:  # (that question failed: its cause says why)
                raise _failed_to_start(exc.__cause__ or exc) from None
            except (OSError, TimeoutError, aiohttp.ClientError, discord.HTTPException) as exc:
                raise _failed_to_start(exc) from None
    except discord.PrivilegedIntentsRequired:
        raise StartupError(INTENT_HELP) from None
    except discord.LoginFailure:
        raise StartupError(LOGIN_HELP) from None
    except discord.ConnectionClosed as exc:
        # discord.py retries every close code it can recover from; these ones it cannot.
        raise StartupError(gateway_refusal(exc.code, exc.reason)) from None
    except StorageError as exc:
        raise _unusable(exc, settings) from None


async def _open_when_reachable(store: Store, settings: Settings) -> None:
    """Open the database, waiting for it as for Discord (with backoff, for
    discord.startup_retry_seconds): a PostgreSQL server restarting, or starting after the
    bot at boot, refused the start within a second, and a supervisor restarting it that
    fast (systemd: 5 starts in 10 s) soon gave up on it for good. A setting to fix is
    said at once."""
    try:
        await retry_with_backoff(
            store.open,
            give_up_after=settings.discord.startup_retry_seconds,
            waitable=lambda exc: str(exc) if isinstance(exc, DatabaseUnavailable) else None,
            give_up=lambda exc, waited: ServiceDown(f"{exc}{waited}"),  # (exit 1: retried)
        )
    except StorageError as exc:
        raise _unusable(exc, settings) from None


def _starting(settings: Settings, knowledge: KnowledgeBase, fallback: Fallback | None) -> str:
    """One line at start of what this process serves, paths whole: relative ones are in
    the folder it runs in, which under a supervisor is easily not the one meant."""
    from importlib.metadata import PackageNotFoundError, version

    from bot.storage.postgres import url_shown

    try:
        release = version("rollover-bot")
    except PackageNotFoundError:  # (run from a checkout not installed)
        release = "(not installed)"
    discord_ = settings.discord
    database = settings.database
    kept = " (its last complete version)" if fallback is not None else ""
    parts = [
        f"rollover-bot {release}: {len(knowledge.entries)} FAQ entries from "
        f"{knowledge.source_dir.absolute()}{kept}",
        f"database {url_shown(database.url) if database.url else database.path.absolute()}",
        f"forums {', '.join(map(str, discord_.forum_channel_ids)) or 'none'}",
        "mentions in "
        + (", ".join(map(str, discord_.text_channel_ids)) or "every channel it can see"),
        f"moderator log {discord_.mod_log_channel_id or 'none'}",
    ]
    if discord_.shard_count is not None:
        shards = ", ".join(map(str, discord_.shard_ids)) or "all"
        parts.append(f"shards {shards} of {discord_.shard_count}")
    return "; ".join(parts)


def _unusable(exc: StorageError, settings: Settings) -> StartupError:
    """What the operator is told of a database the bot cannot use."""
    if isinstance(exc, DatabaseUnavailable):
        return ServiceDown(str(exc))  # (it names the database and why; exit 1: retried)
    # (whole: a relative path is in the folder the bot runs in; a unit without
    # WorkingDirectory runs it in /)
    where = "PostgreSQL" if settings.database.url else str(settings.database.path.absolute())
    return StartupError(f"the database {where} cannot be used: {exc}")


async def command_payload(settings: Settings, knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    """What `sync` would send Discord (its bulk-overwrite payload), with no token and no
    network: the extensions are loaded into a bot that never logs in."""
    bot = create_bot(settings, knowledge)
    async with bot:
        for name in bot.extension_names:
            await bot.load_extension(name)
        payload = [command.to_dict(bot.tree) for command in bot.tree.get_commands()]
        for name in list(bot.extensions):
            await bot.unload_extension(name)
    return sorted(payload, key=lambda c: (c.get("type", 1), c["name"]))


async def sync(
    settings: Settings,
    knowledge: KnowledgeBase,
    guild_id: int | None,
    *,
    remove: bool = False,
    **bot_options: object,
) -> list[str]:
    """Register the slash commands globally or in one guild; returns them as members find
    them (_shown). ``remove``: register none in that guild (its copy goes; the global
    commands stay)."""
    token = token_of(settings)
    await wait_until_reachable(give_up_after=0)  # one try: say why, not a traceback
    bot = create_bot(settings, knowledge, **bot_options)
    try:
        async with bot:
            await bot.login(token)  # runs setup_hook, which loads the cogs and their commands
            if guild_id is None:
                synced = await bot.tree.sync()
            else:
                guild = discord.Object(id=guild_id)
                if not remove:
                    bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
    except discord.LoginFailure:
        raise StartupError(LOGIN_HELP) from None
    except (OSError, TimeoutError, aiohttp.ClientError) as exc:
        # Reachable a moment ago: the network dropped since, as `run` says it.
        raise DiscordUnreachable(host_of(discord.http.Route.BASE), describe(exc)) from None
    except discord.Forbidden:
        raise StartupError(
            "Discord refused to register the commands: invite the bot to that server with "
            "the applications.commands scope (see the README's invite URL)"
        ) from None
    except discord.NotFound:
        raise StartupError(
            f"Discord knows no server with the id {guild_id}: copy it with Developer Mode "
            "on (right-click the server icon > Copy Server ID)"
            if guild_id is not None
            else "Discord does not know this bot's application: check the token"
        ) from None
    except discord.DiscordServerError as exc:
        raise _outage(exc) from None
    except discord.HTTPException as exc:
        if exc.status == 429:
            raise _blocked(exc) from None
        raise StartupError(f"Discord refused to register the commands: {exc}") from None
    return sorted(_shown(c) for c in synced)


def _shown(command: discord.app_commands.AppCommand) -> str:
    """A registered command as members find it: a slash command by its slash, a message
    menu by its name (it was listed as "/Answer with FAQ", a command nobody can type)."""
    if command.type is discord.AppCommandType.chat_input:
        return f"/{command.name}"
    return f"{command.name} (Apps menu)"


def _outage(exc: discord.DiscordServerError) -> DiscordUnreachable:
    """A 5xx after discord.py's own retries: Discord's trouble, not the operator's input
    (exit code 1, so a supervisor tries again)."""
    return DiscordUnreachable(
        host_of(discord.http.Route.BASE),
        f"it answered {exc.status} {exc.response.reason}; try again in a few minutes",
    )


def _blocked(exc: discord.HTTPException) -> DiscordUnreachable:
    """A 429 after discord.py's own waits, or one with no rate limit to wait for: Discord
    (Cloudflare in front of it) blocking this machine's address for a while after too many
    requests, often a shared host's neighbours'. It lifts by itself: exit code 1, so a
    supervisor tries again, not 2, which says the operator's input is wrong."""
    return DiscordUnreachable(
        host_of(discord.http.Route.BASE),
        f"it answered {exc.status} {exc.response.reason}: Discord is blocking this "
        "machine's address for a while (too many requests from it, or from others sharing "
        "it); try again later",
    )


def _failed_to_start(exc: BaseException) -> Exception:
    """The login (or the shard count's lookup) failing, in one line: the network dropped
    since Discord was reachable a moment ago, an outage, a block, a refusal."""
    if isinstance(exc, discord.DiscordServerError):
        return _outage(exc)
    if isinstance(exc, discord.HTTPException):
        return _refused_at_login(exc)
    return DiscordUnreachable(host_of(discord.http.Route.BASE), describe(exc))


def _refused_at_login(exc: discord.HTTPException) -> Exception:
    """A refusal of the login other than the token's (401, LoginFailure), in one line."""
    if exc.status == 429:
        return _blocked(exc)
    return StartupError(f"Discord refused the login: {exc}")


#: What to do about a gateway close code discord.py does not recover from by itself.
_GATEWAY_HELP = {
    4004: LOGIN_HELP,
    4010: "Discord refused the shard settings (close code 4010): discord.shard_ids must be "
    "below discord.shard_count.",
    4011: "Discord requires sharding for a bot in this many servers (close code 4011): set "
    'discord.shard_count = "auto" (or ROLLOVER_DISCORD__SHARD_COUNT=auto) and start again.',
    4012: "Discord refused the gateway version (close code 4012): update discord.py by "
    "reinstalling the bot.",
}


def gateway_refusal(code: int, reason: str) -> str:
    """The operator's fix for a close code that ends the session."""
    known = _GATEWAY_HELP.get(code)
    if known is not None:
        return known
    said = f": {reason}" if reason else ""
    return f"Discord closed the connection and will not take it back (code {code}{said})."
