"""Pydantic models for one FAQ entry as moderators write it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
)

from knowledge.frontmatter import UnrealDate

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: Characters: the short answer a member reads first, and the full answer shown on request.
SHORT_LIMIT = 400
FULL_LIMIT = 2000
#: Discord's limit for a component's custom_id.
CUSTOM_ID_LIMIT = 100
#: The longest entry id. Ids go into the custom_ids of the buttons under an answer; the
#: longest of those is "Not what I asked", ``rb:miss:<entry id>:<asker's user id>``, and a
#: user id (a 64-bit snowflake) has up to 20 digits. bot/views.py checks every layout
#: against this limit; the /faq-admin forms use it too.
ID_MAX_LENGTH = CUSTOM_ID_LIMIT - len("rb:miss:") - len(":") - 20


def _id_fits(entry_id: str) -> str:
    if len(entry_id) > ID_MAX_LENGTH:
        raise ValueError(
            f"{len(entry_id)} characters is too long for an entry id: at most "
            f"{ID_MAX_LENGTH}, since ids go into Discord button ids ({CUSTOM_ID_LIMIT} "
            "characters at most); shorten it"
        )
    return entry_id


def odd_id_character(entry_id: str) -> str:
    """What in an id is none of its letters, when it looks like one: a capital, a dash a
    word processor writes (U+2010, which looks like "-"), an invisible character. Beside
    "use lowercase letters, digits and single dashes", an id that looks like just that
    said nothing of what was wrong."""
    odd = next((c for c in entry_id if not (c.isascii() and (c.isalnum() or c == "-"))), None)
    if odd is None:
        capital = next((c for c in entry_id if c.isupper()), None)
        return f" (its '{capital}' is a capital)" if capital else ""
    name = unicodedata.name(odd, "a control character").lower()
    if not odd.isprintable() or unicodedata.category(odd) == "Cf":
        return f" (its U+{ord(odd):04X} ({name}) is not a plain letter, digit or dash)"
    if unicodedata.category(odd) == "Pd":
        return f" (its '{odd}' (U+{ord(odd):04X}, {name}) is not a plain dash)"
    if not odd.isascii():
        return f" (its '{odd}' (U+{ord(odd):04X}, {name}) is not a plain letter or digit)"
    return ""


EntryId = Annotated[
    str, StringConstraints(pattern=ID_PATTERN, min_length=2), AfterValidator(_id_fits)
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=256)]


def _https_only(url: HttpUrl) -> HttpUrl:
    if url.scheme != "https":
        raise ValueError(f"source URL must use https, got {url.scheme}://")
    return url


#: Characters a link cannot hold as typed: a URL parser percent-encodes them, so
#: "https://example.org/402 (section g)" became a link to a page that does not exist.
_NOT_IN_A_URL = re.compile(r"[\s<>\"{}|\\^`]")


#: A part of a site's name between dots: letters (in any script) and digits, dashes inside.
_SITE_LABEL = re.compile(r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?")


#: A Markdown link, "[IRS](https://www.irs.gov/p575)": how links are written in the answer.
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(\s*(\S+?)\s*\)")


def _one_link(value: object) -> object:
    """The URL as written is one link and nothing else (a note after it, a stray quote),
    with a site's name: the URL parser reads "https:///foo" as https://foo/."""
    if not isinstance(value, str):
        return value
    if found := _MARKDOWN_LINK.fullmatch(value.strip()):
        # ("write the whole address, starting with https://" said nothing of the brackets)
        raise ValueError(
            f"write the address alone, not as a Markdown link: {found[1]} (the source's "
            "name goes in its title)"
        )
    if found := _NOT_IN_A_URL.search(value.strip()):
        what = "a space" if found.group().isspace() else repr(found.group())
        raise ValueError(
            f"the URL holds {what}, which no link has: put only the link here and any note "
            "in the title"
        )
    scheme, _, rest = value.strip().partition("://")
    host, _, port = re.split(r"[/?#]", rest, maxsplit=1)[0].rpartition("@")[2].partition(":")
    labels = host.rstrip(".").split(".")
    if scheme.lower() not in {"http", "https"}:
        return value
    if len(labels) >= 2 and all(labels[:1] + labels[-1:]) and not all(labels):
        raise ValueError(f"the site's name {host!r} has two dots in a row: remove one")
    if len(labels) < 2 or not all(labels):
        raise ValueError(
            "the URL names no site after '://' (a link looks like https://www.irs.gov/...)"
        )
    # (A comma typed for a dot, "www,irs.gov", or a stray dash was taken as a site's name.)
    if odd := next((label for label in labels if not _SITE_LABEL.fullmatch(label)), None):
        raise ValueError(
            f"the site's name {host!r} is not one: {odd!r} should be letters, digits and "
            "dashes only, between dots (like www.irs.gov)"
        )
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ValueError(f"the URL's port ':{port}' is no port: remove it, or correct it")
    if value.strip().endswith((".", ",", ";")) and "/" in rest:
        # (A link copied out of a sentence takes its full stop along: a page that does
        # not exist, which members would follow.)
        raise ValueError(
            f"the URL ends with {value.strip()[-1]!r}, likely the end of the sentence it was "
            "copied from: remove it"
        )
    return value


class Source(BaseModel):
    """A citation: what the answer rests on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text
    url: Annotated[HttpUrl, BeforeValidator(_one_link), AfterValidator(_https_only)]


def _a_written_date(value: object) -> object:
    """A date as written in YAML (2026-12-01, read as a date) or as that text: pydantic
    would also take a number of seconds since 1970 ('updated: 0' became 1970-01-01)."""
    if isinstance(value, dt.datetime):  # (YAML reads "2026-12-01T10:00:00" as one)
        raise ValueError("write the day alone, without a time: YYYY-MM-DD, e.g. 2026-12-01")
    if isinstance(value, UnrealDate):
        return value  # (refused as it is, and told by the reader: see UnrealDate)
    if isinstance(value, dt.date) or (
        isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value)
    ):
        return value.strip() if isinstance(value, str) else value
    raise ValueError("write the date as YYYY-MM-DD, e.g. 2026-12-01")


def _not_ahead(value: dt.date) -> dt.date:
    """The day the entry was last checked cannot be to come (a day's grace: time zones)."""
    if value > dt.date.today() + dt.timedelta(days=1):
        raise ValueError(
            f"{value.isoformat()} is in the future: write the day the entry was last checked"
        )
    return value


class FrontMatter(BaseModel):
    """The YAML front matter of an FAQ file; unknown keys are an error so typos surface."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: EntryId
    title: Title
    #: The direct answer to the title's question, shown first (limit checked by the loader,
    #: which reports the count).
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=10)]
    aliases: list[Text] = Field(default_factory=list)
    keywords: list[Text] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    related: list[EntryId] = Field(default_factory=list)
    updated: Annotated[dt.date, BeforeValidator(_a_written_date), AfterValidator(_not_ahead)]


class FaqEntry(FrontMatter):
    """A validated entry: front matter plus the Markdown body (the full answer, shown on
    request) and where it came from."""

    body: str
    path: str = ""

    @property
    def full(self) -> str:
        return self.body
