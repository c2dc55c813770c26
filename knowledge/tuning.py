"""The matcher's decision thresholds: a light module of its own, so settings (and the command
line's start-up) do not import the numeric libraries the matcher needs."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MatchTuning(BaseModel):
    """Decision thresholds on the 0-100 score (a probability); overridable in settings."""

    model_config = ConfigDict(frozen=True)

    #: Answer with the best entry at or above this (tuned for at most 5% wrong answers on
    #: real forum posts; see benchmarks/eval_matcher.py for the whole curve).
    answer_threshold: float = Field(default=80.0, ge=0, le=100)
    #: List an entry as a suggestion at or above this (the command line and /ask list them).
    suggest_threshold: float = Field(default=2.0, ge=0, le=100)
    #: Suggestions worth a menu: under an answer, and for a question asked of the bot
    #: (/ask, a mention) that it could not answer.
    plausible_threshold: float = Field(default=25.0, ge=0, le=100)
    #: Suggestions offered unasked, under a forum post the bot could not answer...
    unasked_threshold: float = Field(default=10.0, ge=0, le=100)
    #: ... and none at all there when the post's off-topic score is above this (100: never).
    off_topic_threshold: float = Field(default=55.0, ge=0, le=100)
    #: An answer below this is kept for moderators to review (a shaky answer).
    sure_threshold: float = Field(default=90.0, ge=0, le=100)
    #: An extra question of a multi-question post is answered at or above this. (At 85,
    #: 21 of 48 extra answers on the real dev posts, cross-validated, were not acceptable;
    #: at 94, 7 of 26: benchmarks/eval_matcher.py --also.)
    also_threshold: float = Field(default=94.0, ge=0, le=100)
    max_suggestions: int = Field(default=3, ge=0, le=10)
    max_question_chars: int = Field(default=4000, ge=100)
