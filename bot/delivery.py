"""What became of a reply the bot owes (a forum post's, a mention's): sent, nothing to
send, or owed again, and when. The Answers cog settles the retry queue by it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Delivery:
    """What became of a reply: ``done`` (sent, or nothing to send), or owed again, in
    ``retry_in`` seconds (None: the back-off for the attempts made) because of ``error``.
    ``sent``: a message went out (a retry's log says so: its failure was said)."""

    done: bool
    retry_in: float | None = None
    error: str = ""
    sent: bool = False


DONE = Delivery(True)
SENT = Delivery(True, sent=True)
