"""What members say to the bot that is not a question for the FAQ: asking how to use it,
thanks and greetings. Each gets its own reply, not a card saying no FAQ entry looks close
(nor a gap for the moderators to review). The words are data: bot/data/small_talk.yaml."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from bot.unseen import shows_nothing

WORDS_FILE = Path(__file__).with_name("data") / "small_talk.yaml"
#: Longer than this, a text says more than thanks: it is read as a question.
MOST_WORDS = 8

THANKS_REPLY = "You're welcome! Ask again any time."


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    help_requests: frozenset[str]
    thanks: frozenset[str]
    thanks_symbols: frozenset[str]
    greetings: frozenset[str]
    with_them: frozenset[str]

    @functools.cached_property
    def allowed(self) -> frozenset[str]:
        """Every word small talk may be made of."""
        return self.thanks | self.greetings | self.with_them


@functools.cache
def words() -> Words:
    return Words.model_validate(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")))


def asks_for_help(text: str) -> bool:
    """Whether ``text`` only asks how to use the bot ("help", "What can you do?"), also as
    the command typed ("/help": it was matched as a question, "outside this FAQ")."""
    said = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).strip(" ?!.")
    return said in words().help_requests or said == "/help"


def small_talk(text: str) -> Literal["thanks", "greeting"] | None:
    """Which of the two ``text`` is, when that is all it says (emoji and punctuation aside);
    None for anything that may ask something (a number, any other word). Emoji or marks
    alone ("@Rollover Bot 👍", "???") ask nothing either: thanks when a thanks emoji is
    among them, else a greeting's prompt (they got "no FAQ entry looks close" in public,
    and were kept for moderators as questions the FAQ missed)."""
    if re.search(r"\d", text):  # ("thanks! 1000 5": amounts to work through)
        return None
    said = re.findall(r"[^\W\d_]+", text.casefold())
    known = words()
    if not said and not shows_nothing(text):
        return "thanks" if set(text) & known.thanks_symbols else "greeting"
    if not said or len(said) > MOST_WORDS:
        return None
    if not known.allowed.issuperset(said):
        return None
    if any(w in known.thanks for w in said):
        return "thanks"
    return "greeting" if any(w in known.greetings for w in said) else None


#: The bot's own commands that ask, typed as words where Discord ran no command (after a
#: mention, or into /ask), and the option name an example copied with them carries.
_ASKING_COMMAND = re.compile(r"/(?:ask|faq)", re.IGNORECASE)
_ASKING_OPTION = re.compile(r"(?:question|topic)\s*[:=]\s*", re.IGNORECASE)


def without_command(text: str) -> str:
    """What "/faq pro-rata" or "/ask is it prorated?" typed as a question asks: the words
    after the command (and its option's name). Matched with it, the word "faq" named the
    entry on the IRS's rollover FAQ, so "/faq pro-rata" got that entry, in public, as a
    confident answer. A full-width "／ｆａｑ" is the same command."""
    head, *rest = text.split(maxsplit=1) or [""]
    if not _ASKING_COMMAND.fullmatch(unicodedata.normalize("NFKC", head)):
        return text
    words = rest[0] if rest else ""
    return words[m.end() :] if (m := _ASKING_OPTION.match(words)) else words
