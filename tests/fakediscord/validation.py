"""Discord's documented limits, so a bot that breaks them fails in tests as it would in production.

Each validator returns a list of (path, message) problems; `DiscordError.invalid_form` turns
them into Discord's 50035 "Invalid Form Body" JSON.
"""

from __future__ import annotations

import re
from typing import Any

Problems = list[tuple[str, str]]

COMMAND_NAME = re.compile(r"^[-_'\w]{1,32}$")
IS_COMPONENTS_V2 = 1 << 15


class DiscordError(Exception):
    """Raised by REST handlers; rendered as Discord's error JSON."""

    def __init__(
        self, status: int, code: int, message: str, errors: dict[str, Any] | None = None
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data

    @classmethod
    def invalid_form(cls, problems: Problems) -> DiscordError:
        errors: dict[str, Any] = {}
        for path, message in problems:
            node = errors
            for part in path.split("."):
                node = node.setdefault(part, {})
            node.setdefault("_errors", []).append({"code": "BASE_TYPE_INVALID", "message": message})
        return cls(400, 50035, "Invalid Form Body", errors)


def _max_len(problems: Problems, path: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        problems.append((path, f"Must be {limit} or fewer in length."))


def validate_embeds(embeds: list[dict[str, Any]], path: str = "embeds") -> Problems:
    problems: Problems = []
    if len(embeds) > 10:
        problems.append((path, "Must be 10 or fewer in length."))
    total = 0
    for i, embed in enumerate(embeds):
        p = f"{path}.{i}"
        for key, limit in (("title", 256), ("description", 4096)):
            _max_len(problems, f"{p}.{key}", embed.get(key), limit)
            total += len(embed.get(key) or "")
        footer = (embed.get("footer") or {}).get("text")
        author = (embed.get("author") or {}).get("name")
        _max_len(problems, f"{p}.footer.text", footer, 2048)
        _max_len(problems, f"{p}.author.name", author, 256)
        total += len(footer or "") + len(author or "")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.append((f"{p}.fields", "Must be 25 or fewer in length."))
        for j, fld in enumerate(fields):
            for key, limit in (("name", 256), ("value", 1024)):
                value = fld.get(key)
                if not value:
                    problems.append((f"{p}.fields.{j}.{key}", "This field is required"))
                _max_len(problems, f"{p}.fields.{j}.{key}", value, limit)
                total += len(value or "")
    if total > 6000:
        problems.append((path, "Embed size exceeds maximum size of 6000"))
    return problems


def validate_components(components: list[dict[str, Any]], *, flags: int = 0) -> Problems:
    problems: Problems = []
    if flags & IS_COMPONENTS_V2:
        return problems  # layout components have other rules; not modelled here
    if len(components) > 5:
        problems.append(("components", "Must be 5 or fewer in length."))
    # Discord refuses a message whose components share a custom_id (a click could not
    # say which one it was).
    seen: set[str] = set()
    for i, row in enumerate(components):
        p = f"components.{i}"
        if row.get("type") != 1:
            problems.append((p, "Top-level components must be action rows"))
            continue
        children = row.get("components") or []
        if not 1 <= len(children) <= 5:
            problems.append((f"{p}.components", "Must be between 1 and 5 in length."))
        if any(c.get("type") != 2 for c in children) and len(children) > 1:
            problems.append((f"{p}.components", "A select menu must be alone in its row"))
        for j, child in enumerate(children):
            cp = f"{p}.components.{j}"
            if child.get("type") == 2 and child.get("style") != 5 and not child.get("custom_id"):
                problems.append((f"{cp}.custom_id", "This field is required"))
            if child.get("type") == 2 and child.get("style") == 5 and not child.get("url"):
                problems.append((f"{cp}.url", "This field is required"))
            _max_len(problems, f"{cp}.custom_id", child.get("custom_id"), 100)
            custom_id = child.get("custom_id")
            if custom_id:
                if custom_id in seen:
                    problems.append((f"{cp}.custom_id", "Component custom id must be unique"))
                seen.add(custom_id)
            _max_len(problems, f"{cp}.label", child.get("label"), 80)
            _max_len(problems, f"{cp}.placeholder", child.get("placeholder"), 150)
            options = child.get("options")
            if options is not None:
                if not 1 <= len(options) <= 25:
                    problems.append((f"{cp}.options", "Must be between 1 and 25 in length."))
                values: set[Any] = set()
                for k, option in enumerate(options):
                    op = f"{cp}.options.{k}"
                    label = option.get("label")
                    if not isinstance(label, str) or not 1 <= len(label) <= 100:
                        problems.append((f"{op}.label", "Must be between 1 and 100 in length."))
                    for key, limit in (("value", 100), ("description", 100)):
                        _max_len(problems, f"{op}.{key}", option.get(key), limit)
                    if option.get("value") in values:
                        problems.append((f"{op}.value", "Select option values must be unique"))
                    values.add(option.get("value"))
    return problems


def validate_message(body: dict[str, Any], *, files: int = 0, edit: bool = False) -> Problems:
    """A message create/edit body (REST json, webhook json or interaction callback data)."""
    problems: Problems = []
    content = body.get("content")
    _max_len(problems, "content", content, 2000)
    # (discord.py lists each file sent under "attachments" too; an edit lists those kept.)
    if max(files, len(body.get("attachments") or [])) > 10:
        problems.append(("attachments", "Must be 10 or fewer in length."))
    problems += validate_embeds(body.get("embeds") or [])
    problems += validate_components(body.get("components") or [], flags=body.get("flags") or 0)
    allowed = body.get("allowed_mentions") or {}
    parse = set(allowed.get("parse", []))
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            problems.append(
                (f"allowed_mentions.{kind}", f"parse:[{kind}] and {kind}: [ids] are exclusive")
            )
    has_payload = (
        content
        or body.get("embeds")
        or body.get("components")
        or files
        or body.get("sticker_ids")
        or body.get("poll")
        or body.get("attachments")
    )
    if not edit and not has_payload:
        problems.append(("content", "Cannot send an empty message"))
    return problems


def validate_choices(choices: list[dict[str, Any]]) -> Problems:
    problems: Problems = []
    if len(choices) > 25:
        problems.append(("data.choices", "Must be 25 or fewer in length."))
    for i, choice in enumerate(choices):
        name = choice.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            problems.append((f"data.choices.{i}.name", "Must be between 1 and 100 in length."))
        value = choice.get("value")
        if isinstance(value, str) and len(value) > 100:
            problems.append((f"data.choices.{i}.value", "Must be 100 or fewer in length."))
    return problems


def validate_modal(data: dict[str, Any]) -> Problems:
    problems: Problems = []
    title = data.get("title")
    if not isinstance(title, str) or not 1 <= len(title) <= 45:
        problems.append(("data.title", "Must be between 1 and 45 in length."))
    if not data.get("custom_id"):
        problems.append(("data.custom_id", "This field is required"))
    components = data.get("components") or []
    if not 1 <= len(components) <= 5:
        problems.append(("data.components", "Must be between 1 and 5 in length."))
    seen: set[str] = set()
    for i, top in enumerate(components):
        p = f"data.components.{i}"
        if top.get("type") == 18:  # a label around one component
            _text_label(problems, f"{p}.label", top.get("label"))
            _max_len(problems, f"{p}.description", top.get("description"), 100)
            inputs = [(f"{p}.component", top.get("component") or {})]
        else:
            row = top.get("components") or []
            if not 1 <= len(row) <= 5:
                problems.append((f"{p}.components", "Must be between 1 and 5 in length."))
            inputs = [(f"{p}.components.{j}", c) for j, c in enumerate(row)]
        for cp, item in inputs:
            custom_id = item.get("custom_id")
            if not custom_id:
                problems.append((f"{cp}.custom_id", "This field is required"))
            _max_len(problems, f"{cp}.custom_id", custom_id, 100)
            if custom_id in seen:
                problems.append((f"{cp}.custom_id", "Component custom id must be unique"))
            seen.add(custom_id)
            if item.get("type") == 4:
                _validate_text_input(problems, cp, item, labelled=top.get("type") == 18)
    return problems


def _text_label(problems: Problems, path: str, label: Any) -> None:
    if not isinstance(label, str) or not 1 <= len(label) <= 45:
        problems.append((path, "Must be between 1 and 45 in length."))


def _validate_text_input(
    problems: Problems, path: str, item: dict[str, Any], *, labelled: bool
) -> None:
    """A text input's documented limits (its label is its own in an action row, or a
    Label's around it)."""
    if not labelled or "label" in item:
        _text_label(problems, f"{path}.label", item.get("label"))
    _max_len(problems, f"{path}.placeholder", item.get("placeholder"), 100)
    value = item.get("value")
    _max_len(problems, f"{path}.value", value, 4000)
    low, high = item.get("min_length"), item.get("max_length")
    if low is not None and not 0 <= low <= 4000:
        problems.append((f"{path}.min_length", "int value should be between 0 and 4000."))
    if high is not None and not 1 <= high <= 4000:
        problems.append((f"{path}.max_length", "int value should be between 1 and 4000."))
    if low is not None and high is not None and low > high:
        problems.append((f"{path}.min_length", "Must be less than or equal to max_length."))
    if isinstance(value, str) and high is not None and len(value) > high:
        problems.append((f"{path}.value", f"Must be {high} or fewer in length."))


def _validate_options(options: list[dict[str, Any]], path: str, problems: Problems) -> None:
    if len(options) > 25:
        problems.append((path, "Must be 25 or fewer in length."))
    seen_optional = False
    for i, option in enumerate(options):
        p = f"{path}.{i}"
        name = option.get("name", "")
        if not COMMAND_NAME.match(name) or name != name.lower():
            problems.append((f"{p}.name", "Invalid option name"))
        desc = option.get("description", "")
        if not 1 <= len(desc) <= 100:
            problems.append((f"{p}.description", "Must be between 1 and 100 in length."))
        if option.get("type") in (1, 2):
            _validate_options(option.get("options") or [], f"{p}.options", problems)
            continue
        if option.get("required"):
            if seen_optional:
                problems.append((p, "Required options must be placed before non-required options"))
        else:
            seen_optional = True
        if len(option.get("choices") or []) > 25:
            problems.append((f"{p}.choices", "Must be 25 or fewer in length."))
        if option.get("choices") and option.get("autocomplete"):
            problems.append((f"{p}.autocomplete", "Autocomplete cannot be used with choices"))


def validate_command(cmd: dict[str, Any], path: str = "") -> Problems:
    problems: Problems = []
    prefix = f"{path}." if path else ""
    name = cmd.get("name", "")
    ctype = cmd.get("type", 1)
    if ctype == 1 and (not COMMAND_NAME.match(name) or name != name.lower()):
        problems.append((f"{prefix}name", "Invalid command name"))
    if ctype == 1 and not 1 <= len(cmd.get("description", "")) <= 100:
        problems.append((f"{prefix}description", "Must be between 1 and 100 in length."))
    _validate_options(cmd.get("options") or [], f"{prefix}options", problems)
    return problems
