"""Score a matcher on labelled questions (the shared eval format) for tests and tuning."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from knowledge.matcher import Matcher, MatchResult


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="ignore")

    q: str
    ids: list[str]
    style: str = ""
    offtopic: bool = False


def load_questions(path: Path) -> list[LabelledQuestion]:
    data: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [LabelledQuestion.model_validate(row) for row in data]


@dataclass
class Report:
    answered_correct: float
    in_best_or_suggestions: float
    offtopic_abstained: float
    misses: list[tuple[LabelledQuestion, MatchResult]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"answered with an acceptable id {self.answered_correct:.1%}, "
            f"acceptable id in best+suggestions {self.in_best_or_suggestions:.1%}, "
            f"off-topic abstained {self.offtopic_abstained:.1%}"
        )


def evaluate(matcher: Matcher, questions: list[LabelledQuestion]) -> Report:
    on = off = top1 = top3 = abstained = 0
    misses = []
    for item in questions:
        result = matcher.match(item.q)
        best = result.best.id if result.answered and result.best else None
        if item.offtopic:
            off += 1
            abstained += best is None
            if best is not None:
                misses.append((item, result))
            continue
        on += 1
        ok1 = best in item.ids
        listed = [best, *(h.id for h in result.suggestions)]
        top1 += ok1
        top3 += any(i in item.ids for i in listed)
        if not ok1:
            misses.append((item, result))
    return Report(top1 / max(on, 1), top3 / max(on, 1), abstained / max(off, 1), misses)
