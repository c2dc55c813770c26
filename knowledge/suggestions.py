"""Which entries to list besides the best: the likeliest, but not two that say the same thing.

Some entries answer many of the same questions (a post about splitting a rollover is often
answered by both the split entry and the Notice 2014-54 one). A reader who finds the first
of two such entries does not fit is likely to find the second does not either, so listing
both spends one of three places on little. The overlap is learned from the example
questions that name more than one entry; the written ones are left out, because they were
written for one entry each and would make every overlap look smaller than it is.

Each place goes to the entry most likely to answer where the ones already listed did not:
its probability, discounted for each listed entry by how often that one answers the
questions this one answers. With no overlap (or weight 0) that is simply the best first.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from knowledge.examples import Example


class Scored(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def score(self) -> float: ...


@dataclass(frozen=True)
class Overlap:
    """For a pair (a, b): the share of the example questions b answers that a answers too."""

    shares: Mapping[tuple[str, str], float]

    @classmethod
    def learn(cls, examples: Iterable[Example]) -> Overlap:
        answered: Counter[str] = Counter()
        together: Counter[tuple[str, str]] = Counter()
        for example in examples:
            if example.written or not example.ids:
                continue
            ids = sorted(set(example.ids))
            answered.update(ids)
            together.update(itertools.permutations(ids, 2))
        return cls({(a, b): n / answered[b] for (a, b), n in together.items()})

    def also_answers(self, a: str, b: str) -> float:
        """How often entry a answers a question that entry b answers (0 to 1)."""
        return self.shares.get((a, b), 0.0)


H = TypeVar("H", bound=Scored)


def pick(
    hits: Sequence[H], listed: Sequence[str], limit: int, overlap: Overlap, weight: float
) -> tuple[H, ...]:
    """Up to ``limit`` of ``hits`` (best first) to list after the entries ``listed``."""
    chosen = list(listed)
    left = [h for h in hits if h.id not in chosen]
    out: list[H] = []
    while left and len(out) < limit:

        def value(hit: H) -> float:
            return hit.score * math.prod(
                1.0 - weight * overlap.also_answers(other, hit.id) for other in chosen
            )

        best = max(left, key=value)  # ties go to the earlier, higher-ranked hit
        out.append(best)
        chosen.append(best.id)
        left.remove(best)
    return tuple(out)
