"""Thanks and greetings told apart from questions that start politely."""

from __future__ import annotations

import pytest

from bot.small_talk import small_talk


@pytest.mark.parametrize(
    "text",
    [
        "thanks!",
        "Thank you so much, that helped 🙏",
        "thx",
        "ty!!",
        "Great, thanks again",
        "ok cheers",
        # emoji alone (a skin tone, a heart's variation selector), marks around them
        "👍",
        "🙏🏽🙏🏽",
        "❤️!",
    ],
)
def test_thanks(text: str) -> None:
    assert small_talk(text) == "thanks"


@pytest.mark.parametrize(
    "text", ["hi", "Hello!", "hey there", "good morning all 👋", "???", "👋", "🤔 ..."]
)
def test_greetings(text: str) -> None:
    assert small_talk(text) == "greeting"


@pytest.mark.parametrize(
    "text",
    [
        "thanks, but what about the earnings?",
        "thanks! 1000 5",  # (amounts to work through)
        "thanks! is my after-tax rollover prorated",  # (words of a question)
        "hi, I have 1000 after-tax",  # (a number)
        "thanks a lot for nothing, you got the 1099-R wrong",
        "help",  # (asks how to use the bot: the help card's)
        "",
        "  ",
        "\u200b\u2800",  # (nothing shows: asked for words as an empty question is)
        "👍 2",  # (a number)
        "thank you " * 9,  # (longer than thanks)
    ],
)
def test_anything_that_may_ask_something_is_not_small_talk(text: str) -> None:
    assert small_talk(text) is None
