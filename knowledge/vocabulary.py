"""The vocabulary questions are read with: knowledge/data/vocabulary.yaml, checked.

Phrasings, synonyms, core concepts, stopwords and question cues are data, so they live in
a data file a reviewer can read and edit without touching code (knowledge/normalize.py
applies them). The file ships with the package and nothing at run time changes it; one
that cannot be used (not YAML, a missing or unknown key, a regular expression that does
not compile, a stem under two concepts) stops the import with a message naming the file
and each problem, rather than reading questions with half a vocabulary.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from knowledge.frontmatter import YAML_LOADER

PATH = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"

#: A token as normalize.py makes them: lowercase letters and digits.
Token = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+$")]


class VocabularyError(ValueError):
    """The vocabulary file cannot be used; the message says where and why."""


def _compiled(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression Python can use: {exc}") from None
    return pattern


class Rewrite(BaseModel):
    """Text any of ``match`` finds becomes `` to `` (spaces around it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    to: str = Field(min_length=1)
    match: str | list[str] = Field(min_length=1)

    @field_validator("match")
    @classmethod
    def _one_pattern(cls, value: str | list[str]) -> str:
        return _compiled(value if isinstance(value, str) else "|".join(value))

    @model_validator(mode="after")
    def _usable_replacement(self) -> Rewrite:
        # A group reference the pattern lacks fails only when a question first matches:
        # found here instead, on an empty text.
        try:
            re.compile(self.pattern).sub(self.replacement, "")
        except (re.error, IndexError) as exc:
            raise ValueError(f"`to` cannot replace this pattern's matches: {exc}") from None
        return self

    @property
    def pattern(self) -> str:
        assert isinstance(self.match, str)  # (one pattern once validated)
        return self.match

    @property
    def replacement(self) -> str:
        return f" {self.to} "


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rewrites: list[Rewrite] = Field(min_length=1)
    #: Concept -> the word stems that mean it.
    synonyms: dict[Token, list[Token]]
    anchors: frozenset[Token] = Field(min_length=1)
    stopwords: frozenset[str]
    question_starts: list[Token] = Field(min_length=1)
    question_cues: list[str]
    after_tax_shorthand_before: list[str] = Field(min_length=1)

    @field_validator("stopwords", mode="before")
    @classmethod
    def _words(cls, value: object) -> object:
        return value.split() if isinstance(value, str) else value

    @field_validator("after_tax_shorthand_before")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        return [_compiled(pattern) for pattern in value]

    @model_validator(mode="after")
    def _one_concept_per_stem(self) -> Vocabulary:
        seen: dict[str, str] = {}
        for concept, stems in self.synonyms.items():
            for stem in stems:
                if seen.setdefault(stem, concept) != concept:
                    raise ValueError(f"synonyms: {stem!r} is under both {seen[stem]} and {concept}")
        return self

    def concept_of_stem(self) -> dict[str, str]:
        return {stem: concept for concept, stems in self.synonyms.items() for stem in stems}


def _where(loc: tuple[int | str, ...]) -> str:
    """A problem's place as a reader counts: "rewrites #34 match" (lists from 1)."""
    parts = [f"#{part + 1}" if isinstance(part, int) else part for part in loc]
    return " ".join(parts) or "(the file)"


def load(path: Path = PATH) -> Vocabulary:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{path}: cannot be read: {exc}") from None
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # (libyaml's: a fifth of the time)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}") from None
    try:
        return Vocabulary.model_validate(data)
    except ValidationError as exc:
        problems = "\n".join(f"  {_where(err['loc'])}: {err['msg']}" for err in exc.errors())
        raise VocabularyError(f"{path} cannot be used:\n{problems}") from None
