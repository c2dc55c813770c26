"""bot/replies.py: telling Discord's refusal of a reply to a deleted message from others."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import discord
import pytest

from bot.replies import replied_to_gone


def refusal(status: int, body: Any) -> discord.HTTPException:
    """What discord.py raises for Discord's JSON ``body`` answered with ``status``."""
    return discord.HTTPException(SimpleNamespace(status=status, reason="Bad Request"), body)


def form_error(field: str, code: str, message: str) -> dict[str, Any]:
    errors = {field: {"_errors": [{"code": code, "message": message}]}}
    return {"code": 50035, "message": "Invalid Form Body", "errors": errors}


@pytest.mark.parametrize(
    ("exc", "gone"),
    [
        # Discord's answer to a reply whose message was deleted (as a form error, and as
        # some clients report it: Unknown Message on its own).
        (
            refusal(
                400, form_error("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
            ),
            True,
        ),
        (refusal(400, {"code": 10008, "message": "Unknown Message"}), True),
        # Other refusals are not a deletion: retried or reported as before.
        (
            refusal(
                400,
                form_error(
                    "message_reference",
                    "REPLIES_CANNOT_REPLY_TO_SYSTEM_MESSAGE",
                    "Cannot reply to a system message",
                ),
            ),
            False,
        ),
        (
            refusal(
                400,
                form_error(
                    "embeds.0.description",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 4096 or fewer in length.",
                ),
            ),
            False,
        ),
        (refusal(403, {"code": 50013, "message": "Missing Permissions"}), False),
        (refusal(404, {"code": 10003, "message": "Unknown Channel"}), False),
        (TimeoutError(), False),
    ],
)
def test_only_a_reply_to_a_deleted_message_is_read_as_its_deletion(
    exc: BaseException, gone: bool
) -> None:
    assert replied_to_gone(exc) is gone
