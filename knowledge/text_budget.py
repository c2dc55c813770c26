"""A memory bound for the caches keyed by what members type.

The matcher keeps what it works out from a text (its sentences, their words, their
features) so that example questions retrained on a reload, and questions asked again,
cost little. Those caches are bounded by how many texts they hold, not by how long the
texts are, so distinct long posts (4,000 characters each, about 270 KB kept) could fill
gigabytes before any bound applied. Every cache registered here is emptied after each
BUDGET characters of questions prepared: a few hundred MB at most, and only a recompute
lost (the examples of a retrain are about 0.5 million characters).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

BUDGET = 2_000_000

_clears: list[Callable[[], object]] = []
_spent = 0
_lock = threading.Lock()


def register(clear: Callable[[], object]) -> None:
    """Empty the cache ``clear`` empties whenever the budget is spent."""
    _clears.append(clear)


def spend(characters: int) -> bool:
    """Count ``characters`` of text prepared; True when that emptied the caches."""
    global _spent
    with _lock:
        _spent += characters
        if _spent < BUDGET:
            return False
        _spent = 0
    for clear in _clears:
        clear()  # (each is safe to empty while another thread reads it)
    return True
