"""`/faq-admin`: moderators reload, validate and edit the FAQ, and see gaps and feedback.

Hidden from members without Manage Server by ``default_member_permissions``, and checked
again on every use (hiding is only a client-side convenience): Manage Server or one of the
configured moderator roles.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import discord
from discord import app_commands
from discord.ext import commands

from bot import mod_log, not_utf8
from bot.app import ReloadResult, RolloverBot
from bot.confirm import Confirm
from bot.confirm import answer_unheard as answer_unheard_confirm
from bot.confirm import unheard as unheard_confirm
from bot.embeds import clipped, code_block, listed_title, neutralize
from bot.limits import autocomplete_hits
from bot.paging import PageButton
from bot.replies import (
    NO_PINGS,
    apologise,
    database_away,
    expired,
    next_send,
    offer,
    send_private,
    store_trouble,
)
from bot.review import (
    GAPS_SHOWN,
    ReviewView,
    answer_stale,
    answer_unheard,
    open_gaps,
    open_items,
    stale,
    still_kept,
    unheard,
)
from bot.roles import is_moderator
from bot.storage import (
    DatabaseUnavailable,
    ReviewItem,
    hash_user,
    log_store_failure,
    unkeyed_hash,
)
from bot.storage.reports import gaps_window, still_open, with_unserved
from calculators.money import counted
from knowledge.base import FolderScan, KnowledgeBase, validate_folder
from knowledge.editing import (
    CHANGED_TRIES,
    AlreadyExample,
    EditConflict,
    EditRefused,
    add_example,
    diff_entries,
    edited_file,
    entry_meta,
    entry_path,
    examples_file,
    fingerprint,
    half_character,
    read_text,
    refuse_a_missing_folder,
    save_entry,
    today,
)
from knowledge.examples import name_clashes
from knowledge.figures import figure_notices
from knowledge.frontmatter import FrontMatterError
from knowledge.frontmatter import parse as parse_front_matter
from knowledge.loader import (
    Problem,
    gone_folder,
    gone_folder_words,
    parse_entry,
    problems_counted,
    with_unread,
)
from knowledge.model import FULL_LIMIT, ID_MAX_LENGTH, SHORT_LIMIT
from knowledge.normalize import phrase_key

log = logging.getLogger(__name__)
MESSAGE_LIMIT = 2000


def _figure_checks(folder: Path, entry_id: str, text: str) -> str:
    """What the saved text states for a year that is not that year's limit (figures.py),
    as lines to read before anything else; "" when nothing is."""
    entry, _ = parse_entry(entry_path(folder, entry_id), text)
    notices = figure_notices([entry]) if entry is not None else []
    if not notices:
        return ""
    # (The moderator edited a form, not the file: no line numbers.)
    lines = [f"- {n.message}" for n in notices[:5]]
    return "Saved as written, but check these figures:\n" + "\n".join(lines) + "\n"


def _clash_checks(knowledge: KnowledgeBase, entry_id: str) -> str:
    """An example question worded as this entry's title or alias: asked word for word, it
    gets the example's entry, so the alias just saved does nothing for it (faq validate's
    notice, said where the moderator saved)."""
    entry = knowledge.get(entry_id)
    if entry is None:
        return ""
    notices = name_clashes([entry], knowledge.examples)
    if not notices:
        return ""
    lines = [f"- {Path(n.path).name}:{n.line}: {n.message}" for n in notices[:5]]
    return "Saved as written, but:\n" + "\n".join(lines) + "\n"


#: Kept for the reload's summary after "Saved": its lead-in and a few problems.
RELOAD_ROOM = 600
#: /faq-admin validate's notices, at most, when there are problems too.
NOTICES_ROOM = 700


def fit_lines(lines: list[str], limit: int, more: Callable[[int], str]) -> str:
    """As many whole ``lines`` as fit in ``limit`` characters with ``more(n)``, the line
    that counts the ``n`` left out: a line is never cut (its Markdown would be split)."""
    if len(whole := "\n".join(lines)) <= limit:
        return whole
    kept: list[str] = []
    for n, line in enumerate(lines):
        if len("\n".join([*kept, line, more(len(lines) - n - 1)])) > limit:
            break
        kept.append(line)
    return "\n".join([*kept, more(len(lines) - len(kept))])


class NotModerator(app_commands.CheckFailure):
    def __init__(self) -> None:
        super().__init__("Only moderators can use /faq-admin.")


def problems_text(problems: list[Problem], intro: str, limit: int = MESSAGE_LIMIT) -> str:
    """Every problem as `path:line: message` in a code block, as many whole lines as fit
    in ``limit`` characters with the intro, then how many were left out. Measured as
    sent (code_block lengthens runs of backticks): the caller sends it uncut, so the
    block's closing fence is never cut off."""
    written = [str(p) for p in problems]
    lines = [not_utf8.shown(line) for line in written]  # (a file's name, say)
    note = f"\n{not_utf8.NOTE}" if lines != written else ""

    def text(shown: int) -> str:
        more = len(lines) - shown
        tail = f"\n…and {more} more (see the bot's log or `rollover-bot faq validate`)."
        block = f"\n{code_block(chr(10).join(lines[:shown]))}" if shown else ""
        return f"{intro}{block}{tail if more else ''}{note}"

    if len(whole := text(len(lines))) <= limit:
        return whole
    shown = 0
    while shown + 1 < len(lines) and len(text(shown + 1)) <= limit:
        shown += 1
    return text(shown)


#: /faq-admin reload with the files as last loaded; and why, when the folder is watched.
NOTHING_NEW = "FAQ reloaded: nothing new since the last load."
WATCHED = (
    " The folder is watched, so saved files load by themselves: an edit saved before this "
    "is in already."
)


def reload_text(result: ReloadResult, limit: int = MESSAGE_LIMIT, *, watched: bool = False) -> str:
    """What a reload did, in at most ``limit`` characters (nothing cut mid-Markdown).
    ``watched``: the folder watcher is on (said when the reload found nothing new)."""
    if result.ok and not result.diff.anything:
        # ("0 added, 0 changed, 0 removed" read as "your edit was not taken" to a moderator
        # who saved a file and reloaded, when the watcher had loaded it a moment before.)
        return NOTHING_NEW + (WATCHED if watched else "")
    if result.ok:
        return f"FAQ reloaded: {result.diff.summary(limit=limit - len('FAQ reloaded: .'))}."
    if result.fault is not None:
        return (
            f"FAQ **not** reloaded: an unexpected error, not a file ({result.fault}). Answers "
            "still come from the previous FAQ; the bot's log has the details."
        )
    if (gone := gone_folder(result.problems)) is not None:  # (no file to fix)
        return (
            f"FAQ **not** reloaded: {neutralize(gone_folder_words(gone))}; answers still come "
            "from the previous FAQ meanwhile."
        )
    return problems_text(
        with_unread(result.problems, result.unread),
        f"FAQ **not** reloaded: {problems_counted(len(result.problems))}. Answers still come from "
        "the previous FAQ.",
        limit,
    )


def validate_text(scan: FolderScan) -> str:
    """What /faq-admin validate says of the folder's scan, in one message: its problems
    (which block reloads) or that all files are valid, then its notices."""
    valid = f"All {len(scan.entries)} FAQ files are valid."
    notices = ""
    if scan.notices:
        # Files no load reads, and example questions written twice: worth a look,
        # nothing refused. Fitted first, in whole lines (a cut split a `name`), with
        # room kept for the problems, which block reloads; the rest are counted.
        head = "\nNotices (nothing was refused):\n"
        room = NOTICES_ROOM if scan.problems else MESSAGE_LIMIT - len(valid)
        written = [f"`{Path(n.path).name}`:{n.line}: {n.message}" for n in scan.notices]
        lines = [not_utf8.shown(line) for line in written]  # (a file's name, say)
        if lines != written:
            head = f"{head}{not_utf8.NOTE}\n"
        notices = head + fit_lines(
            lines,
            room - len(head),
            lambda n: f"…and {n} more (`rollover-bot faq validate` lists them all).",
        )
    text = (
        problems_text(
            scan.problems,
            f"{problems_counted(len(scan.problems))}:",
            MESSAGE_LIMIT - len(notices),
        )
        if scan.problems
        else valid
    )
    if (gone := gone_folder(scan.problems)) is not None:  # (no file to fix, as reload)
        text = f"{neutralize(gone_folder_words(gone))}; the bot answers from the FAQ it loaded."
        text = text[:1].upper() + text[1:]
    return text + notices


def refusal_text(exc: EditRefused) -> str:
    """Why an edit was refused; echoed user text cannot ping or format."""
    if exc.problems:
        return problems_text(exc.problems, neutralize(str(exc)))
    return neutralize(str(exc))[:MESSAGE_LIMIT]


def exists_text(entry_id: str) -> str:
    """Why a new entry was not created: its id is taken (a valid id: safe to show)."""
    return (
        f"An entry with id `{entry_id}` already exists; nothing was saved. Pick another id, "
        f"or add the question to `{entry_id}` (`/faq-admin alias` or `/faq-admin edit`)."
    )


def typed_values(components: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(input, text) of a submitted form's inputs, in order (rows or labels around them)."""
    found: list[tuple[str, str]] = []
    for component in components:
        inner = component.get("components") or (
            [component["component"]] if "component" in component else []
        )
        if inner:
            found += typed_values(inner)
        elif "custom_id" in component and isinstance(component.get("value"), str):
            found.append((str(component["custom_id"]), component["value"]))
    return found


EXPIRED_FORM = (
    "This form was open too long, or the bot restarted since you opened it, so nothing "
    "was saved. Here is what you typed: open the form again and paste it in."
)
REFUSED_FORM = "Here is what you typed, to fix and paste into the form again:"
NO_LONGER_MODERATOR = (
    "Only moderators can save FAQ edits, and you are not one now (your role changed since "
    "you opened this form), so nothing was saved. Here is what you typed:"
)


class TypedPage(NamedTuple):
    """One message of what a form's submitter gets back (under Discord's 2,000 characters),
    with (file name, text) for each input it names as attached: a code block cannot show
    those exactly as typed."""

    text: str
    files: list[tuple[str, str]]

    def discord_files(self) -> list[discord.File]:
        # (errors="replace": a paste cut mid-emoji can leave half a surrogate pair)
        return [
            discord.File(io.BytesIO(text.encode(errors="replace")), filename=name)
            for name, text in self.files
        ]


#: Longest input given back in a code block, as sent (its name and fences included); a
#: longer one comes as a file, whole. Under MESSAGE_LIMIT: such a block fits a message.
TYPED_BLOCK_LIMIT = 1500


def typed_back(intro: str, values: list[tuple[str, str]]) -> list[TypedPage]:
    """``intro``, then what was typed in a form: each input in a code block, or as a text
    file when the block would be long or would not hold it unaltered (code_block breaks
    up every run of backticks, a ``code`` included, with a zero-width space). Either way
    it pastes back exactly as typed, and every message fits Discord's limit."""
    pages = [TypedPage(intro, [])]
    for name, text in values:
        if not text.strip():
            continue
        label = f"**{neutralize(name)[:40]}**"
        files = []
        block = f"{label}\n{code_block(text)}"
        if block != f"{label}\n```\n{text}\n```" or len(block) > TYPED_BLOCK_LIMIT:
            filename = f"{re.sub(r'[^a-z0-9-]+', '-', name.lower()).strip('-') or 'input'}.txt"
            files.append((filename, text))
            block = f"{label}: attached as `{filename}`"
        last = pages[-1]
        if len(last.text) + 1 + len(block) <= MESSAGE_LIMIT:
            pages[-1] = TypedPage(f"{last.text}\n{block}", [*last.files, *files])
        else:
            pages.append(TypedPage(block, files))
    return pages


async def give_back(interaction: discord.Interaction, pages: list[TypedPage]) -> None:
    """Send ``pages`` privately, each with its files: as the response if none was sent
    yet, then as followups."""
    for page in pages:
        extra: dict[str, Any] = {"files": page.discord_files()} if page.files else {}
        await next_send(interaction)(page.text, ephemeral=True, allowed_mentions=NO_PINGS, **extra)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


#: What parts a source's title from its link in the sources box: "|", or the full-width
#: "｜" a Chinese or Japanese keyboard types (it was taken for part of the link, which was
#: then refused as "holds a space" or "write the whole address"). A link holds neither.
_SOURCE_BARS = ("|", "\uff5c")


#: A source written as Discord writes a link: "[Title](https://...)", the link perhaps in
#: "<...>" (which keeps Discord from showing a preview), and parentheses in pairs inside it.
_MARKDOWN_LINK = re.compile(r"\[(?P<title>[^\]]*)\]\(<?(?P<url>\S+?)>?\)")


def source_line(line: str) -> tuple[str, str]:
    """(title, link) of one line of the sources box, 'Title | https://...' or as Discord
    writes a link, '[Title](https://...)' or '<https://...>' (refused as 'the URL holds a
    '<'' or 'write the whole address', beside a link that works in Discord); the title is
    "" when the line has none."""
    if found := _MARKDOWN_LINK.fullmatch(line.strip()):
        return found["title"].strip(), found["url"]
    cut = max(line.rfind(bar) for bar in _SOURCE_BARS)
    url = line[cut + 1 :].strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    return line[: max(cut, 0)].strip(), url


#: The forms' custom_ids start with this: a submit no open form takes (it expired, or the
#: bot restarted meanwhile) is answered by FaqAdmin.on_interaction with what was typed.
FORM_PREFIX = "rb:form:"
#: How long an open form is kept: a careful rewrite of an answer can take a while.
FORM_TIMEOUT = 6 * 3600
#: Discord's limit for the text of one input.
INPUT_LIMIT = 4000
#: The forms' boxes (their custom_ids) as a moderator reads their labels.
BOX_NAMES = {"short": "short answer", "body": "full answer"}


class EntryModal(discord.ui.Modal):
    """Edit an entry's title, short answer, aliases and full answer, or create an entry."""

    def __init__(
        self,
        cog: FaqAdmin,
        entry_id: str | None,
        meta: dict[str, Any],
        body: str,
        seen: str,
        *,
        text: str | None = None,
    ) -> None:
        super().__init__(
            title=f"Edit {entry_id}"[:45] if entry_id else "New FAQ entry",
            timeout=FORM_TIMEOUT,
            custom_id=FORM_PREFIX + secrets.token_hex(8),
        )
        cog.open_forms.add(self.custom_id)
        self.cog, self.entry_id, self.meta, self.seen = cog, entry_id, meta, seen
        #: The file as the form was opened on: saved with only the fields the form edits
        #: changed, so the moderator's comments and layout in it are kept.
        self.text = text
        #: Review-queue questions this new entry answers: marked reviewed once it is saved.
        self.review_keys: tuple[str, ...] = ()
        #: Their question as asked (whole: a title holds 256 characters), taught to the
        #: new entry once it is saved.
        self.review_question = ""
        #: The review item itself (its question may be deleted while the form is open).
        self.review_item: ReviewItem | None = None
        self.new_id: discord.ui.TextInput[Any] | None = None
        self.sources: discord.ui.TextInput[Any] | None = None
        self.aliases: discord.ui.TextInput[Any] | None = None
        if entry_id is None:
            self.new_id = discord.ui.TextInput(
                label=f"Id (lowercase-with-dashes, {ID_MAX_LENGTH} max)",
                max_length=ID_MAX_LENGTH,
                custom_id="id",
            )
            self.add_item(self.new_id)
        self.title_input: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label="Title (the question)",
            default=meta.get("title"),
            max_length=256,
            custom_id="title",
        )
        self.short: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=f"Short answer (shown first, {SHORT_LIMIT} max)",
            style=discord.TextStyle.paragraph,
            default=meta.get("short"),
            max_length=SHORT_LIMIT,
            custom_id="short",
        )
        self.add_item(self.title_input)
        self.add_item(self.short)
        if entry_id is None:
            self.sources = discord.ui.TextInput(
                label="Sources: 'Title | https://...' per line",
                style=discord.TextStyle.paragraph,
                max_length=1000,
                custom_id="sources",
            )
            self.add_item(self.sources)
        elif len(joined := "\n".join(meta.get("aliases", []))) <= INPUT_LIMIT:
            self.aliases = discord.ui.TextInput(
                label="Aliases (one per line)",
                style=discord.TextStyle.paragraph,
                default=joined,
                required=False,
                custom_id="aliases",
                max_length=INPUT_LIMIT,
            )
            self.add_item(self.aliases)
        # (More aliases than one input holds: Discord would refuse the whole form, so the
        # box is left out and the aliases are kept as they are; /faq-admin alias adds one.)
        self.body: discord.ui.TextInput[Any] = discord.ui.TextInput(
            label=f"Full answer (Discord markdown, {FULL_LIMIT:,} max)",
            style=discord.TextStyle.paragraph,
            # (Stripped, as the loader measures it: a trailing hard break in a valid file
            # must not overfill the box, which makes Discord refuse the form.)
            default=body.strip() or None,
            max_length=FULL_LIMIT,
            custom_id="body",
        )
        self.add_item(self.body)

    @classmethod
    def for_question(cls, cog: FaqAdmin, item: ReviewItem) -> EntryModal:
        """The new-entry form with a reviewed item's question as its title."""
        title = " ".join(item.example.split())
        modal = cls(cog, None, {"title": title[:256]}, "", fingerprint(None))
        modal.review_keys, modal.review_question = item.keys, item.example
        modal.review_item = item
        return modal

    def _build(self) -> tuple[str, str]:
        entry_id = self.entry_id or (self.new_id.value.strip() if self.new_id else "")
        changes: dict[str, Any] = {
            "id": entry_id,
            "title": self.title_input.value.strip(),
            "short": self.short.value.strip(),
            "updated": today(),
        }
        # A box left as the form showed it keeps the file's aliases as they are: one
        # written over two lines (a YAML block) was split in two by any save.
        if self.aliases is not None and self.aliases.value != self.aliases.default:
            changes["aliases"] = _lines(self.aliases.value)
        if self.sources is not None:
            sources = []
            for line in _lines(self.sources.value):
                title, url = source_line(line)
                sources.append({"title": title or url, "url": url})
            changes.update(sources=sources, aliases=[], keywords=[], related=[])
        return entry_id, edited_file(self.text, self.meta, changes, self.body.value)

    async def on_timeout(self) -> None:
        self.cog.open_forms.discard(self.custom_id)

    def _half_character(self) -> str | None:
        """Why the form cannot be saved when a box holds half of a character (an emoji a
        paste was cut inside), saying which box and after which words; else None."""
        for name, value in self._typed():
            before = half_character(value)
            if before is None:
                continue
            where = f"after '{neutralize(before)}'" if before else "at its start"
            return (
                f"The {BOX_NAMES.get(name, name)} box holds half of a character {where} (an "
                "emoji cut in two: Discord can cut a paste at a box's limit), which no file "
                "can hold, so nothing was saved. Delete or retype that character, then save."
            )
        return None

    def _typed(self) -> list[tuple[str, str]]:
        return [
            (str(item.custom_id), item.value)
            for item in self.children
            if isinstance(item, discord.ui.TextInput)
        ]

    async def on_submit(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        try:
            # Checked again here: a form stays open for hours, and a moderator removed
            # meanwhile (or a compromised account cut off) must not save through it.
            if not is_moderator(self.cog.bot, interaction.user):
                await give_back(interaction, typed_back(NO_LONGER_MODERATOR, self._typed()))
                return
            # A reply a stop lets finish, as /ask's: a stop while the save reloaded closed
            # Discord under it, and the moderator was never told it was saved (nor was a
            # new entry's reviewed question cleared).
            with self.cog.bot.replying():
                await self._submit(interaction)
        finally:
            # Only now: FaqAdmin.on_interaction sees the same submit while this one is
            # still running, and must leave it to this form.
            self.cog.open_forms.discard(self.custom_id)

    async def _submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        if (broken := self._half_character()) is not None:
            # (No file can hold it: the full answer's save failed with an apology, a short
            # answer's was refused for an escape code the moderator never typed.)
            await interaction.followup.send(broken, ephemeral=True, allowed_mentions=NO_PINGS)
            await give_back(interaction, typed_back(REFUSED_FORM, self._typed()))
            return
        entry_id, text = self._build()
        # (Room kept for what became of the reviewed question, said after "Saved": a cut
        # made to fit it would take the reload's closing fence, and more would not send.)
        room = MESSAGE_LIMIT - (REVIEW_NOTE_ROOM if self.review_keys else 0)
        saved = await self.cog.save(
            entry_id,
            text,
            self.seen,
            who_of(interaction.user),
            new=self.entry_id is None,
            room=room,
        )
        said = saved.message
        # Reviewed only when this save wrote the entry: a refused one leaves the item queued.
        if self.review_keys and saved.ok:
            said += await self._clear_review(entry_id, interaction.user)
        await interaction.followup.send(said, ephemeral=True, allowed_mentions=NO_PINGS)
        if not saved.ok:
            # A long full answer is work: a refusal must not cost the moderator their text.
            await give_back(interaction, typed_back(REFUSED_FORM, self._typed()))

    async def _clear_review(self, entry_id: str, user: discord.abc.User) -> str:
        """The review item the new entry answers: its question taught to the entry (as
        "This is the entry" teaches it: marked decided but not taught, it went unanswered
        when asked again, and was in neither the queue nor the gaps), then marked decided;
        what to add to "Saved". The entry is saved whatever happens here: a database error
        must not say otherwise."""
        bot = self.cog.bot
        taught = False
        try:
            async with bot.review_lock:  # (see bot.review.decide)
                decided_meanwhile = (
                    "\nSomeone decided on the question it came from while the form was "
                    "open: the entry is saved, and the question had already left the queue."
                )
                if await bot.store.decided(self.review_keys):
                    return decided_meanwhile
                if self.review_item and not await still_kept(bot, self.review_item):
                    # (The queue leaves decided questions out too: one decided just now,
                    # in another process, is no deleted one.)
                    if self.review_keys and await bot.store.decided(self.review_keys):
                        return decided_meanwhile
                    return (
                        "\nThe question it came from was deleted while the form was open (its "
                        "message deleted, or its member forgotten), so it was not added as the "
                        "entry's example; the entry is saved as you wrote it."
                    )
                try:
                    await asyncio.to_thread(
                        add_example, bot.faq_dir, entry_id, self.review_question
                    )
                except EditRefused as exc:
                    # (Already this entry's example: written before a failed record.)
                    mine = examples_file(bot.faq_dir, entry_id)
                    if not isinstance(exc, AlreadyExample) or exc.path != mine:
                        # Left queued: decided without being taught, it would be lost.
                        why = neutralize(str(exc))[:300]
                        if not await self._still_listed():  # (filed elsewhere meanwhile)
                            return (
                                f"\nThe question it came from was not added as its example "
                                f"({why}); the review queue lists it no more (filed as an "
                                "example, or answered by the FAQ now), so nothing is left to "
                                "do there."
                            )
                        return (
                            "\nThe question it came from was not added as its example "
                            f"({why}), so it stays in the review queue: decide it there."
                        )
                taught = True
                try:
                    # Recorded before the reload (seconds on a large FAQ), as a pick is: a
                    # Dismiss in another process meanwhile finds it (bot.review._decide).
                    await bot.store.record_review(
                        self.review_keys, "new-entry", entry_id, hash_user(user.id, bot.vote_key)
                    )
                finally:
                    reloaded = await bot.reload_faq(
                        f"new entry {entry_id} taught its question by {who_of(user)}"
                    )
        except Exception as exc:
            # (The database out of reach or refusing is one warning, and said as such: "the
            # error is logged" above an ERROR with a traceback named neither.)
            log_store_failure(log, exc, "clearing the review item of new entry %s failed", entry_id)
            why = store_trouble(exc)
            # Sent to the queue only if it lists the question: it leaves out one filed as
            # an example (this one, if taught) or that the FAQ answers now (the form's
            # title is the question), and "decide it there" found nothing there to decide.
            listed = await self._still_listed()
            if taught:  # (dismissed, it would be filed as not worth an entry)
                if not listed:
                    return (
                        "\nThe question it came from was added as its example, but the review "
                        f"queue could not record that ({why}); it lists the question no more "
                        "(filed as an example), so nothing is left to do there."
                    )
                return (
                    "\nThe question it came from was added as its example, but the review "
                    f"queue could not record that ({why}): in the queue, pick `{entry_id}` "
                    "for it."
                )
            if not listed:
                return (
                    "\nThe question it came from could not be added as its example "
                    f"({why}), but the FAQ answers it now, so the review queue lists it no more."
                )
            return (
                f"\nThe question it came from could not be cleared from the review queue ({why}): "
                "decide it there."
            )
        if not reloaded.ok:
            return (
                "\nIts question was added as an example, but the FAQ folder has problems, so "
                "the bot does not use it yet: run `/faq-admin validate`."
            )
        return ""

    async def _still_listed(self) -> bool:
        """Whether the review queue lists the question this form came from, as the FAQ
        is now (the database aside: it may be what failed)."""
        if self.review_item is None:
            return True
        shown = await asyncio.to_thread(still_open, self.cog.bot.knowledge, [self.review_item])
        return bool(shown)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        await apologise(interaction, error, f"saving the FAQ edit of {self.entry_id}")
        if expired(error):
            return  # (Discord takes nothing more on it: the text cannot be given back)
        # (Whatever failed, a long full answer is work: never lost with it.)
        try:
            await give_back(interaction, typed_back(REFUSED_FORM, self._typed()))
        except Exception:
            log.exception("giving back a failed form's text failed (%s)", interaction.id)


STATS_PAGE = 10
#: The most _clear_review says after "Saved" (its longest note, with 300 of an error's
#: characters, is under 480).
REVIEW_NOTE_ROOM = 500


class Saved(NamedTuple):
    """What a save from Discord did: ``ok`` when the file was written, and what to say."""

    ok: bool
    message: str


def who_of(user: discord.abc.User) -> str:
    """A moderator as the log names them (escaped: names are user-controlled)."""
    return neutralize(user.display_name)[:80]


async def stats_page(bot: RolloverBot, page: int) -> tuple[discord.Embed, discord.ui.View]:
    """One page of every entry's usage, worst first, by title."""
    titles = bot.knowledge.titles
    rows = with_unserved(await bot.store.stats(), titles)
    pages = max(1, -(-len(rows) // STATS_PAGE))
    page = min(max(page, 0), pages - 1)
    lines = []
    for r in rows[page * STATS_PAGE : (page + 1) * STATS_PAGE]:
        title = listed_title(titles.get(r.entry_id, f"{r.entry_id} (no longer in the FAQ)"))
        extra = ""
        if r.misses:
            extra += f" · not what I asked {r.misses}"
        if r.repointed:
            extra += f" · re-pointed {r.repointed}"
        lines.append(
            f"**{title}**\nserved {r.served} · 👍 {r.helpful} 👎 {r.not_helpful}{extra}"
            f" · rating {r.rating:.0%}"
        )
    embed = discord.Embed(
        title=f"FAQ usage and feedback, worst first ({page + 1} of {pages})",
        description="\n".join(lines)[:4000] or "No answers served yet.",
    )
    embed.set_footer(
        text="Rating: the helpful share of votes, pulled towards 50% while there are few; "
        "re-pointed answers count as not helpful."
    )
    return embed, StatsPage.view(page, pages)


class StatsPage(PageButton, template=r"rb:stats:(?P<page>-?\d{1,5})"):
    """Previous / next page of /faq-admin stats."""

    prefix = "rb:stats"

    async def callback(self, interaction: discord.Interaction[RolloverBot]) -> None:  # type: ignore[override]
        try:
            await self._show(interaction)
        except Exception as exc:  # (clicked too late, say: one warning, as other buttons)
            await apologise(interaction, exc, "paging the stats")

    async def _show(self, interaction: discord.Interaction[RolloverBot]) -> None:
        bot = interaction.client
        if not is_moderator(bot, interaction.user):
            await send_private(interaction, "Only moderators can see the stats.")
            return
        # Acknowledged first: the page reads the database, which can take longer than the
        # three seconds Discord waits (as /faq-admin stats itself defers).
        await interaction.response.defer()
        try:
            embed, view = await stats_page(bot, self.page)
        except DatabaseUnavailable as exc:
            # (As the command says it: the page shown stays, and the log has one warning.)
            log_store_failure(log, exc, "a stats page could not be read")
            await send_private(interaction, database_away(exc))
            return
        await interaction.edit_original_response(embed=embed, view=view)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class FaqAdmin(
    commands.GroupCog, group_name="faq-admin", group_description="Moderators: keep the FAQ"
):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        # Saves are serialised so that of two edits from the same starting point, the
        # second always sees the first one's file and is told about the conflict.
        self._save_lock = asyncio.Lock()
        #: custom_ids of the forms open in this process (see FORM_PREFIX).
        self.open_forms: set[str] = set()

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """A form submitted after it expired or after a restart: no form takes it, so
        Discord would show its generic failure and the text would be lost. Say what
        happened and give the moderator back what they typed, privately. A click on a
        review or a confirmation from before a restart: say so, and take its dead buttons
        away."""
        if unheard(self.bot, interaction):
            try:
                await answer_unheard(self.bot, interaction)
            except Exception:
                log.exception("answering a stale review failed (interaction %s)", interaction.id)
            return
        if stale(self.bot, interaction):
            try:
                await answer_stale(self.bot, interaction)
            except Exception:
                log.exception("answering a stale review click failed (%s)", interaction.id)
            return
        if unheard_confirm(self.bot, interaction):
            try:
                await answer_unheard_confirm(interaction)
            except Exception:
                log.exception("answering a stale confirmation failed (%s)", interaction.id)
            return
        data: Any = interaction.data or {}
        custom_id = str(data.get("custom_id", ""))
        if (
            interaction.type is not discord.InteractionType.modal_submit
            or not custom_id.startswith(FORM_PREFIX)
            or custom_id in self.open_forms
        ):
            return
        try:
            await give_back(
                interaction, typed_back(EXPIRED_FORM, typed_values(data.get("components", [])))
            )
        except Exception:
            log.exception("answering an expired form failed (interaction %s)", interaction.id)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        if not is_moderator(self.bot, interaction.user):
            raise NotModerator()
        return True

    async def save(
        self,
        entry_id: str,
        text: str,
        seen: str,
        who: str,
        *,
        new: bool = False,
        rebuild: Callable[[str], str] | None = None,
        room: int = MESSAGE_LIMIT,
    ) -> Saved:
        """Write an entry edited from Discord (``new``: created, never over an existing
        one), log it (who, the diff), and reload. ``rebuild``: a small change made to the
        file as it is when the save starts (an alias added), not to what was read earlier,
        so two moderators' aliases both land instead of one being refused. The message
        fits ``room`` characters (what the caller adds needs the rest)."""
        folder = self.bot.faq_dir
        try:
            async with self._save_lock:
                for tries_left in reversed(range(CHANGED_TRIES)):
                    before = await asyncio.to_thread(read_text, entry_path(folder, entry_id))
                    if new and before is not None:
                        return Saved(False, exists_text(entry_id))
                    if rebuild is not None and before is not None:
                        text, seen = rebuild(before), fingerprint(before)
                    loaded = self.bot.knowledge
                    try:
                        kept = self.bot.settings.faq_backups
                        await asyncio.to_thread(save_entry, folder, entry_id, text, seen, kept=kept)
                        break
                    except EditConflict:
                        # Saved by hand while it was checked (an editor, a git pull): a
                        # rebuilt change is made again to the file as saved. (Nothing was
                        # opened: "changed after you opened it" made no sense.)
                        if rebuild is None or not tries_left:
                            raise
        except EditRefused as exc:
            return Saved(False, refusal_text(exc))
        await mod_log.post(self.bot, mod_log.edit_text(who, entry_id, before, text))
        result = await self.bot.reload_faq(f"after {who}'s edit of {entry_id}")
        if result.ok:
            # Said from the FAQ before the save: the folder watcher sees the file too, and
            # may have loaded it first (this reload then found nothing new: "0 changed").
            now = self.bot.knowledge
            diff = diff_entries(loaded.entries, now.entries, loaded.examples, now.examples)
            result = dataclasses.replace(result, diff=diff)
        # (Before the reload's summary, which can be long: these are about this edit.)
        checks = await asyncio.to_thread(_figure_checks, folder, entry_id, text)
        checks += await asyncio.to_thread(_clash_checks, self.bot.knowledge, entry_id)
        # The lead-in first, and the reload's summary in what is left: a cut of the whole
        # took its code block's closing fence, and the problems rendered as Markdown.
        checks = fit_lines(
            checks.splitlines(),
            room - RELOAD_ROOM - 1,
            lambda n: f"…and {n} more lines: run `/faq-admin validate`.",
        )
        lead = f"Saved `{entry_id}`. " + (f"{checks}\n" if checks else "")
        return Saved(True, lead + reload_text(result, room - len(lead)))

    def _entry_file(self, topic: str) -> tuple[str, Path, str]:
        """An existing entry's id, file and current text, or EditRefused saying why not."""
        entry_id = typed_entry(self.bot.knowledge, topic)
        refuse_a_missing_folder(self.bot.faq_dir)  # (no "There is no entry": there is)
        path = entry_path(self.bot.faq_dir, entry_id)
        text = read_text(path)
        if text is None:
            raise EditRefused(f"There is no entry '{entry_id}'; use /faq-admin new to create one.")
        return entry_id, path, text

    async def _entry_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        hits = autocomplete_hits(self.bot, interaction.user.id, current)
        choices = [app_commands.Choice(name=clipped(h.title, 100), value=h.id) for h in hits]
        return await offer(interaction, choices, "/faq-admin's autocomplete")

    @app_commands.command(name="reload", description="Reload the FAQ files now")
    async def reload(self, interaction: discord.Interaction) -> None:
        # (A reply a stop lets finish, as /ask's: the moderator was never told the result.)
        with self.bot.replying():
            await interaction.response.defer(ephemeral=True, thinking=True)
            who = who_of(interaction.user)
            result = await self.bot.reload_faq(f"/faq-admin reload by {who}")
            watched = self.bot.settings.faq_watch
            await interaction.followup.send(reload_text(result, watched=watched), ephemeral=True)

    @app_commands.command(name="validate", description="Check the FAQ files without reloading")
    async def validate(self, interaction: discord.Interaction) -> None:
        with self.bot.replying():  # (a stop lets it finish, as a reload)
            await interaction.response.defer(ephemeral=True, thinking=True)
            scan, _ = await asyncio.to_thread(validate_folder, self.bot.faq_dir)
            await interaction.followup.send(validate_text(scan), ephemeral=True)

    @app_commands.command(
        name="gaps", description="Most frequent questions the bot could not answer"
    )
    @app_commands.describe(days="Only the last N days (default: all kept questions)")
    async def gaps(
        self, interaction: discord.Interaction, days: app_commands.Range[int, 1, 3650] | None = None
    ) -> None:
        with self.bot.replying():  # (a stop lets the moderator have them)
            # Reading and grouping months of questions can take longer than Discord's 3 s.
            await interaction.response.defer(ephemeral=True, thinking=True)
            # (Groups the FAQ now answers, an alias or entry added since, are left out. One
            # more than are shown: a full list said nothing of the groups waiting after it.)
            groups = await open_gaps(self.bot, days, GAPS_SHOWN + 1)
            kept = self.bot.settings.database.retention_days
            if not groups:
                await interaction.followup.send(
                    f"No unanswered questions recorded in the {gaps_window(days, kept)}.",
                    ephemeral=True,
                )
                return
            lines = []
            for g in groups[:GAPS_SHOWN]:
                example = neutralize(g.example[:160])  # (cut first: never half an escape)
                near = f" · closest `{g.best_id}` ({g.best_score:.0f})" if g.best_id else ""
                lines.append(f"**{g.count}×** {example}{near}")
            embed = discord.Embed(
                title=f"Unanswered questions ({gaps_window(days, kept)})",
                # (Whole lines: a cut split a question's escapes, the bold or the `id`.)
                description=fit_lines(
                    lines, 4000, lambda n: f"…and {n} more (`rollover-bot faq gaps` lists them)."
                ),
            )
            more = (
                f"These are the {GAPS_SHOWN} most frequent; more wait ('rollover-bot faq gaps "
                "--limit N' lists N). "
                if len(groups) > GAPS_SHOWN
                else ""
            )
            footer = f"{more}Add an alias with /faq-admin alias, or write a new entry."
            embed.set_footer(text=footer)
            await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_PINGS)

    @app_commands.command(
        name="review", description="What needs a moderator: misses, unsure answers, taught examples"
    )
    async def review(self, interaction: discord.Interaction) -> None:
        with self.bot.replying():  # (a stop lets the queue be shown)
            # Reading and grouping every stored question can take longer than Discord's 3 s.
            await interaction.response.defer(ephemeral=True, thinking=True)
            queue = await open_items(self.bot)
            view = await ReviewView.opened(self.bot, queue, made=interaction.created_at)
            message = await interaction.followup.send(
                embed=view.embed(), view=view, ephemeral=True, allowed_mentions=NO_PINGS, wait=True
            )
            view.shown_in(message)

    @app_commands.command(
        name="stats", description="Every entry: served, votes, misses, re-pointed; worst first"
    )
    async def stats(self, interaction: discord.Interaction) -> None:
        with self.bot.replying():  # (a stop lets the page be shown)
            await interaction.response.defer(ephemeral=True, thinking=True)
            embed, view = await stats_page(self.bot, 0)
            await interaction.followup.send(
                embed=embed, view=view, ephemeral=True, allowed_mentions=NO_PINGS
            )

    @app_commands.command(
        name="edit", description="Edit an entry's title, short answer, aliases and full answer"
    )
    @app_commands.describe(topic="The entry to edit")
    @app_commands.autocomplete(topic=_entry_autocomplete)
    async def edit(self, interaction: discord.Interaction, topic: str) -> None:
        try:
            entry_id, path, text = self._entry_file(topic)
        except EditRefused as exc:
            await send_private(interaction, refusal_text(exc))
            return
        # The form shows the file as it is now, the text its fingerprint is taken from: the
        # loaded entry can be older (a pull or another process's save not reloaded yet), and
        # saving a form filled from it would put the older version back.
        entry, problems = parse_entry(path, text)
        # (With problems, a value may not fit its input, and Discord refuses the whole form.)
        if entry is None or problems:
            await send_private(
                interaction,
                problems_text(
                    problems, f"`{entry_id}` cannot be edited here until its file is fixed:"
                ),
            )
            return
        await interaction.response.send_modal(
            EntryModal(self, entry_id, entry_meta(entry), entry.body, fingerprint(text), text=text)
        )

    @app_commands.command(name="new", description="Create a new FAQ entry")
    async def new(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(EntryModal(self, None, {}, "", fingerprint(None)))

    @app_commands.command(
        name="alias", description="Add a phrasing to an entry (e.g. from /faq-admin gaps)"
    )
    @app_commands.describe(topic="The entry", phrase="How people ask it")
    @app_commands.autocomplete(topic=_entry_autocomplete)
    async def alias(
        self, interaction: discord.Interaction, topic: str, phrase: app_commands.Range[str, 3, 200]
    ) -> None:
        try:
            entry_id, path, text = self._entry_file(topic)
        except EditRefused as exc:
            await send_private(interaction, refusal_text(exc))
            return
        try:
            edited = with_alias(text, phrase, path)
        except EditRefused as exc:
            await send_private(interaction, refusal_text(exc))
            return
        # (A reply a stop lets finish, as /ask's: the moderator was never told it was saved.)
        with self.bot.replying():
            await self._add_alias(interaction, entry_id, path, (text, edited), phrase)

    async def _add_alias(
        self,
        interaction: discord.Interaction,
        entry_id: str,
        path: Path,
        texts: tuple[str, str],
        phrase: str,
    ) -> None:
        """``texts``: the entry's file as read, and with the alias added."""
        text, edited = texts
        await interaction.response.defer(ephemeral=True, thinking=True)
        saved = await self.save(
            entry_id,
            edited,
            fingerprint(text),
            who_of(interaction.user),
            rebuild=lambda current: with_alias(current, phrase, path),
            room=MESSAGE_LIMIT - ALIAS_NOTE_ROOM,
        )
        note = ""
        if saved.ok:
            note = await asyncio.to_thread(_alias_answer, self.bot.knowledge, entry_id, phrase)
        await interaction.followup.send(
            saved.message + note, ephemeral=True, allowed_mentions=NO_PINGS
        )

    @app_commands.command(
        name="forget", description="Delete what the bot kept of a member (their request)"
    )
    @app_commands.describe(member="The member (or their user id) whose questions and votes go")
    async def forget(self, interaction: discord.Interaction, member: discord.User) -> None:
        # Asked first: nothing brings the deleted back, and a member is easily mistyped or
        # misclicked in the picker (a name like another's, an id pasted from the wrong line).
        name = neutralize(member.name)

        async def delete() -> str:
            user_hash = hash_user(member.id, self.bot.vote_key)
            texts, votes = await self.bot.store.forget_member(user_hash)
            # Votes a release before vote keys kept are under a hash anyone can work out.
            _, unkeyed = await self.bot.store.forget_member(unkeyed_hash(member.id))
            return forgotten_text(name, texts, votes + unkeyed)

        confirm = Confirm(
            self.bot,
            interaction.user.id,
            delete,
            yes="Delete",
            cancelled=f"Cancelled: nothing of **{name}** was deleted.",
            gave_up=(
                f"No answer came in time, so nothing of **{name}** was deleted. Run "
                "`/faq-admin forget` again to delete it."
            ),
        )
        await confirm.ask(interaction, forget_question(member))


def forget_question(member: discord.User) -> str:
    """What /faq-admin forget asks before deleting: the member as their name, display name
    and id tell them apart (two members can look alike), and that it cannot be undone."""
    shown = neutralize(member.display_name)
    also = f" (shown as {shown})" if member.display_name != member.name else ""
    return (
        f"Delete everything the bot kept of **{neutralize(member.name)}**{also}, user id "
        f"`{member.id}`? Their questions (review queue, gaps, and replies still owed to "
        "them after an outage, which are then not sent), messages pointed at entries and "
        "votes go for good: this cannot be undone."
    )


def kept_texts(n: int) -> str:
    """ "1 question or message", "3 questions and messages": a moderator read "1
    question(s) and message(s)" as a form left unfinished."""
    return counted(n, "question or message", "questions and messages")


def forgotten_text(name: str, texts: int, votes: int) -> str:
    """What /faq-admin forget did, and what it cannot reach."""
    return (
        f"Deleted what the bot kept of **{name}**: {kept_texts(texts)} pointed at entries, "
        f"and {counted(votes, 'vote')}; where they pointed a message at an entry "
        "or decided a review item, that no longer names them. Not reached: questions kept "
        "before the bot recorded who asked (they go after `database.retention_days`, or "
        "with their messages when deleted), and questions approved as FAQ examples, which "
        "are in `knowledge/faq/examples/` now: remove those lines by hand."
    )


def typed_entry(knowledge: KnowledgeBase, topic: str) -> str:
    """The entry id a topic names. Picked from the suggestions, it is the id; typed and sent
    without picking, it may be the id as it reads ("Notice 2014 54") or the entry's title
    word for word, as /faq takes them. Nothing looser: an edit or an alias saved to an
    entry the moderator did not name would be worse than a refusal. Else the topic as
    typed (an entry's file not loaded yet, or one refused as no entry)."""
    if entry_id := knowledge.typed_id(topic):
        return entry_id
    key = phrase_key(topic)
    titled = [e.id for e in knowledge.entries.values() if key and phrase_key(e.title) == key]
    return titled[0] if len(titled) == 1 else topic.strip()


#: Kept after an added alias's "Saved" for what the phrasing gets (_alias_answer).
ALIAS_NOTE_ROOM = 500


def _alias_answer(knowledge: KnowledgeBase, entry_id: str, phrase: str) -> str:
    """What the phrasing just added as an alias gets, asked word for word, when it is not
    the entry: an alias is evidence for the learned ranker, not a rule, and the examples
    it was fitted on can outweigh it."""
    result = knowledge.ask(phrase)
    if result.answered and result.best is not None and result.best.id == entry_id:
        return ""
    asked = neutralize(" ".join(phrase.split()))
    if result.answered and result.best is not None:
        now = f"still gets **{neutralize(result.best.title)}**"
    else:
        now = "is not answered yet (suggestions at most)"
    return (
        f"\nAsked word for word, '{asked}' {now}: an alias is evidence, not a rule. "
        "Questions people ask filed under the entry from `/faq-admin review` teach the "
        "matcher more."
    )


def with_alias(text: str, phrase: str, path: Path) -> str:
    """An entry file's text with one more alias (and today's date), or EditRefused."""
    try:
        parsed = parse_front_matter(text)
    except FrontMatterError as exc:
        raise EditRefused(f"{path}:{exc.line}: {exc.message}") from None
    had = parsed.data.get("aliases") or []
    if not isinstance(had, list):
        # (list() of a text made one alias per letter, and the phrase was lost.)
        raise EditRefused(
            f"{path.name}: aliases is not a list there, so nothing was added: make it one "
            "('- phrase' lines under aliases:), then add the alias."
        )
    changes = {"aliases": [*had, " ".join(phrase.split())], "updated": today()}
    return edited_file(text, dict(parsed.data), changes, parsed.body)


async def setup(bot: RolloverBot) -> None:
    bot.add_dynamic_items(StatsPage)
    await bot.add_cog(FaqAdmin(bot))
