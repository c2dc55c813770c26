"""Text that shows nothing: what a reader sees as empty, though it is not "".

Members post it to get past Discord's refusal of an empty message (a blank Hangul filler),
and it comes pasted with other text (a zero-width space, a direction mark). Every way in
takes it as empty: Discord's (a mention, /ask, Answer with FAQ), the console and
`rollover-bot ask`.
"""

from __future__ import annotations

import unicodedata

#: Characters that show nothing besides spaces, controls and format characters (a
#: zero-width space, word joiner, soft hyphen, direction mark): the blank "letters" members
#: paste to post a message that looks empty (the Hangul fillers, the blank Braille pattern).
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_UNSEEN = ("Cc", "Cf")


def shows_nothing(text: str) -> bool:
    """Does ``text`` look empty: only spaces and characters that show nothing?"""
    return all(ch in _BLANKS or ch.isspace() or unicodedata.category(ch) in _UNSEEN for ch in text)
