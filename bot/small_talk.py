"""Thanks and greetings said to the bot: not questions, so they get a word back, not a card
saying no FAQ entry looks close (nor a gap for the moderators to review)."""

from __future__ import annotations

import re
from typing import Literal

_THANKS = frozenset("thanks thank thx ty tysm tyvm cheers appreciated appreciate kudos".split())
_GREETINGS = frozenset("hi hello hey hiya howdy yo greetings morning afternoon evening".split())
#: Words that come with thanks or a greeting without asking anything ("thank you so much,
#: that helped", "good morning all").
_WITH_THEM = frozenset(
    "you so much very a lot again it that this helped helps helpful help great perfect "
    "awesome nice cool ok okay got good there all everyone folks bot for the answer info "
    "i really man mate buddy".split()
)
#: Longer than this, a text says more than thanks: it is read as a question.
MOST_WORDS = 8

THANKS_REPLY = "You're welcome! Ask again any time."


def small_talk(text: str) -> Literal["thanks", "greeting"] | None:
    """ "thanks" or "greeting" when that is all ``text`` says (emoji and punctuation aside);
    None for anything that may ask something (a number, any other word)."""
    if re.search(r"\d", text):  # ("thanks! 1000 5": amounts to work through)
        return None
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if not words or len(words) > MOST_WORDS:
        return None
    if any(w not in _THANKS and w not in _GREETINGS and w not in _WITH_THEM for w in words):
        return None
    if any(w in _THANKS for w in words):
        return "thanks"
    return "greeting" if any(w in _GREETINGS for w in words) else None
