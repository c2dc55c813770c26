"""Is Discord reachable? Checked before logging in, retried with backoff, explained in words.

discord.py retries a lost gateway connection by itself once it is running, but a failure to
reach Discord at start (no DNS, connection refused, a TLS error) surfaces as a raw aiohttp
traceback. Here the start waits for Discord with backoff for a configurable time, then gives
up with one line naming the host and the cause, so a supervisor can restart the process.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Awaitable, Callable

import aiohttp
import discord
import yarl

log = logging.getLogger(__name__)

#: Seconds between attempts: doubling, at most this long.
MAX_DELAY = 30.0


class DiscordUnreachable(Exception):
    """Discord could not be reached; the message names the host and the cause."""

    def __init__(self, host: str, cause: str) -> None:
        super().__init__(f"cannot reach Discord at {host}: {cause}")
        self.host = host
        self.cause = cause


def api_base() -> str:
    """The REST base discord.py talks to (https://discord.com/api/v10 in production)."""
    return discord.http.Route.BASE


def host_of(url: str) -> str:
    parsed = yarl.URL(url)
    return f"{parsed.host}:{parsed.port}"


def describe(exc: BaseException) -> str:
    """The cause of a failed connection in plain words (never a traceback)."""
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "its name could not be resolved (DNS lookup failed)"
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return "its TLS certificate could not be verified"
    if isinstance(exc, aiohttp.ClientSSLError | ssl.SSLError):
        return "the TLS handshake failed"
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        return "the proxy refused the connection"
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, ConnectionRefusedError):
            return "the connection was refused"
        reason = exc.os_error.strerror or type(exc.os_error).__name__
        return f"the connection failed ({reason})"
    if isinstance(exc, TimeoutError):
        return "it did not answer in time"
    if isinstance(exc, discord.DiscordServerError):
        return f"Discord answered with HTTP {exc.status} (a server problem on its side)"
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"it answered with HTTP {exc.status}"
    if isinstance(exc, aiohttp.ClientError | OSError):
        return f"the connection failed ({type(exc).__name__})"
    return type(exc).__name__


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, aiohttp.ClientError | OSError | TimeoutError)


PROBE_TIMEOUT = 10.0  # seconds for one attempt


async def probe(base: str) -> None:
    """One unauthenticated request to the API (GET /gateway); raises what aiohttp raises."""
    limits = aiohttp.ClientTimeout(total=PROBE_TIMEOUT)
    async with (
        aiohttp.ClientSession(timeout=limits) as session,
        session.get(f"{base}/gateway") as response,
    ):
        if response.status >= 500:
            raise aiohttp.ClientResponseError(
                response.request_info, (), status=response.status, message=response.reason or ""
            )


async def retry_with_backoff(
    attempt: Callable[[], Awaitable[object]],
    *,
    give_up_after: float,
    waitable: Callable[[Exception], str | None],
    give_up: Callable[[Exception, str], Exception],
) -> int:
    """Await `attempt()` until it succeeds, waiting 1, 2, 4... s (at most MAX_DELAY) between
    tries for `give_up_after` seconds; returns the number of attempts.

    `waitable(exc)` says in words why a failure is worth waiting out (logged as a warning
    with the next pause), or None for one that waiting cannot fix: that one is raised as
    it is. When time runs out, `give_up(exc, waited)` is raised, `waited` saying how long
    was waited (empty for one try). Shared by the start's wait for Discord and for the
    database, so both back off and give up alike.
    """
    deadline = time.monotonic() + give_up_after
    delay, attempts = 1.0, 0
    while True:
        attempts += 1
        try:
            await attempt()
            return attempts
        except Exception as exc:
            why = waitable(exc)
            if why is None:
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                waited = f"; gave up after {give_up_after:g}s" if give_up_after else ""
                raise give_up(exc, waited) from None
            pause = min(delay, left, MAX_DELAY)
            log.warning("%s; retrying in %.1fs (giving up in %.0fs)", why, pause, left)
            await asyncio.sleep(pause)
            delay = min(delay * 2, MAX_DELAY)


async def wait_until_reachable(
    base: str | None = None,
    *,
    give_up_after: float,
    check: Callable[[str], Awaitable[None]] = probe,
) -> int:
    """Probe `base` until it answers, retrying with backoff for `give_up_after` seconds.

    Returns the number of attempts made; raises DiscordUnreachable when time runs out or
    the failure is not one that waiting can fix.
    """
    url = base or api_base()
    host = host_of(url)

    def waitable(exc: Exception) -> str | None:
        return f"cannot reach Discord at {host}: {describe(exc)}" if _retryable(exc) else None

    return await retry_with_backoff(
        lambda: check(url),
        give_up_after=give_up_after,
        waitable=waitable,
        give_up=lambda exc, waited: DiscordUnreachable(host, describe(exc) + waited),
    )
