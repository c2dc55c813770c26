"""How an entry is laid out as an answer, as plain data, plus Discord's embed size limits.

The Discord cog and the terminal console both render this layout; validation measures it,
so an entry that passes validation always fits in an embed.
"""

from __future__ import annotations

from dataclasses import dataclass

# (One wording for answers and calculators, kept with the calculators, which need nothing
# of the FAQ's.)
from calculators.base import NOT_TAX_ADVICE
from knowledge.model import FaqEntry

#: Said instead of "no entry looks close" when a question looks off-topic (HSA, 529...):
#: only "rephrase it" would waste the time of someone whose question the FAQ does not
#: cover. ("May": asked with /ask, 17 of the first real holdout's 159 on-topic posts would
#: get this line, against 66 of its 88 off-topic ones, so the scope is spelled out to judge
#: by.)
OUTSIDE_THE_FAQ = (
    "That may be outside what this FAQ covers: after-tax (non-Roth) 401(k) money and the "
    "mega backdoor Roth, converting it in the plan or rolling it to Roth and traditional "
    "IRAs, the pro-rata rules and the tax forms involved."
)

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000


@dataclass(frozen=True)
class Field:
    name: str
    value: str


@dataclass(frozen=True)
class AnswerLayout:
    title: str
    description: str
    fields: tuple[Field, ...]
    footer: str

    def total_length(self) -> int:
        parts = [self.title, self.description, self.footer]
        parts += [f.name + f.value for f in self.fields]
        return sum(len(p) for p in parts)


def sources_text(entry: FaqEntry) -> str:
    return "\n".join(f"[{s.title}]({s.url})" for s in entry.sources)


def related_text(entry: FaqEntry, titles: dict[str, str]) -> str:
    return "\n".join(f"• {titles.get(r, r)}" for r in entry.related)


def layout_entry(entry: FaqEntry, titles: dict[str, str]) -> AnswerLayout:
    """The answer as posted: short answer first, then the full answer, sources, related."""
    fields = [Field("Sources", sources_text(entry))]
    if entry.related:
        fields.append(Field("Related", related_text(entry, titles)))
    # The short answer is all bold here: its own "**" would end that bold early.
    short = entry.short.replace("**", "")
    return AnswerLayout(
        title=entry.title,
        description=f"**{short}**\n\n{entry.body}".strip(),
        fields=tuple(fields),
        footer=NOT_TAX_ADVICE,
    )


def short_layout(entry: FaqEntry) -> AnswerLayout:
    """The answer as first posted: the short answer and the sources in one line; the full
    answer is one click away ("Full answer"). Always far inside the embed limits."""
    sources = " · ".join(f"[{s.title}]({s.url})" for s in entry.sources)
    if len(sources) > FIELD_VALUE_LIMIT:
        # One per line is shorter, and it is what validation measured: it fits, where a
        # cut would end the field in the middle of a link.
        sources = sources_text(entry)
    return AnswerLayout(
        title=entry.title,
        description=entry.short,
        fields=(Field("Sources", sources),),
        footer=NOT_TAX_ADVICE,
    )


def limit_problems(layout: AnswerLayout) -> list[str]:
    """Every way the layout exceeds an embed limit, as messages for a moderator."""
    return [message for _, message in limits_exceeded(layout)]


def limits_exceeded(layout: AnswerLayout) -> list[tuple[str, str]]:
    """Every way the layout exceeds an embed limit: the part of the entry it comes from
    ("title", "body", "sources", "related", or "" for the whole) and a message."""
    problems = []
    if len(layout.title) > TITLE_LIMIT:
        problems.append(
            (
                "title",
                f"title is {len(layout.title)} characters; an embed title allows {TITLE_LIMIT}",
            )
        )
    if len(layout.description) > DESCRIPTION_LIMIT:
        problems.append(
            (
                "body",
                f"short + full answer is {len(layout.description)} characters; an embed "
                f"description allows {DESCRIPTION_LIMIT}: shorten the body",
            )
        )
    for field in layout.fields:
        if len(field.value) > FIELD_VALUE_LIMIT:
            problems.append(
                (
                    field.name.lower(),
                    f"the '{field.name}' field is {len(field.value)} characters; an embed field "
                    f"allows {FIELD_VALUE_LIMIT}",
                )
            )
    if layout.total_length() > EMBED_TOTAL_LIMIT:
        problems.append(
            (
                "",
                f"the whole answer is {layout.total_length()} characters; an embed allows "
                f"{EMBED_TOTAL_LIMIT} in total",
            )
        )
    return problems
