"""Split a Markdown file into YAML front matter and body, keeping line numbers for errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it (the wheels are), else the pure one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """The file has no readable front matter; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class ParsedFile:
    data: dict[str, Any]
    body: str
    #: 1-based line of each top-level key (and of list items as ``key[i]``).
    key_lines: dict[str, int] = field(default_factory=dict)
    first_line: int = 1


def parse(text: str) -> ParsedFile:
    """Parse ``---``-delimited front matter. Raises FrontMatterError with a line number."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "file must start with a '---' line opening the YAML front matter")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise FrontMatterError(1, "front matter is not closed by a second '---' line") from None
    yaml_text = "\n".join(lines[1:end])
    loader = _Loader(yaml_text)
    try:
        # Compose once: the node tree gives line numbers, constructing it gives the data.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2  # +1 for 1-based, +1 for the '---' line
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(line, f"invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a YAML mapping of 'key: value' lines")
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_lines[key] = key_node.start_mark.line + 2
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    key_lines[f"{key}[{i}]"] = item.start_mark.line + 2
    body = "\n".join(lines[end + 1 :]).strip("\n")
    return ParsedFile(data={str(k): v for k, v in data.items()}, body=body, key_lines=key_lines)
