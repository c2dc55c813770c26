"""What members say to the bot that is not a question for the FAQ: asking how to use it,
thanks and greetings. Each gets its own reply, not a card saying no FAQ entry looks close
(nor a gap for the moderators to review)."""

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

#: A mention that asks only this (case, spacing and end punctuation aside) asks how to use
#: the bot: it gets the /help card, not "no FAQ entry looks close".
HELP_REQUESTS = frozenset(
    {
        "help",
        "help me",
        "commands",
        "what can you do",
        "what do you do",
        "how do i use you",
        "how do i use this",
        "how does this work",
    }
)


def asks_for_help(text: str) -> bool:
    return " ".join(text.casefold().split()).strip(" ?!.") in HELP_REQUESTS


def small_talk(text: str) -> Literal["thanks", "greeting"] | None:
    """Which of the two ``text`` is, when that is all it says (emoji and punctuation aside);
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
