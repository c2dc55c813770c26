"""Mention parsing and 'who would this message ping' as Discord computes it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

USER_MENTION = re.compile(r"<@!?(\d{15,21})>")
ROLE_MENTION = re.compile(r"<@&(\d{15,21})>")
EVERYONE = re.compile(r"@(everyone|here)")


@dataclass(frozen=True)
class Pings:
    """Who a sent message would notify: Discord pings only what `allowed_mentions` permits."""

    everyone: bool = False
    users: frozenset[int] = field(default_factory=frozenset)
    roles: frozenset[int] = field(default_factory=frozenset)
    replied_user: bool = False

    @property
    def any(self) -> bool:
        return self.everyone or bool(self.users) or bool(self.roles) or self.replied_user


def mentioned_ids(content: str) -> tuple[set[int], set[int], bool]:
    """(user ids, role ids, @everyone/@here present) found in message content."""
    users = {int(m) for m in USER_MENTION.findall(content)}
    roles = {int(m) for m in ROLE_MENTION.findall(content)}
    return users, roles, bool(EVERYONE.search(content))


def would_ping(body: dict[str, Any] | None) -> Pings:
    """Pings for a message body the bot sent (REST json or interaction `data`).

    Without `allowed_mentions` Discord parses everything in the content. Embeds never ping.
    """
    body = body or {}
    if "data" in body and "type" in body and isinstance(body["data"], dict):
        body = body["data"]  # an interaction callback body
    content = body.get("content") or ""
    users, roles, everyone = mentioned_ids(content)
    allowed = body.get("allowed_mentions")
    if allowed is None:
        return Pings(everyone, frozenset(users), frozenset(roles), "message_reference" in body)
    parse = set(allowed.get("parse", []))
    ok_users = users if "users" in parse else users & {int(u) for u in allowed.get("users", [])}
    ok_roles = roles if "roles" in parse else roles & {int(r) for r in allowed.get("roles", [])}
    replied = "message_reference" in body and bool(allowed.get("replied_user", False))
    return Pings(
        "everyone" in parse and everyone, frozenset(ok_users), frozenset(ok_roles), replied
    )
