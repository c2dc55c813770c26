"""`/faq-admin review`: the review queue, one item per page, and what a moderator decides.

A decision about an item (near-duplicate questions grouped) is written where the matcher
learns from it: "This is entry X" appends the question to X's examples file, "Off-topic"
to the off-topic file, both through knowledge.editing.add_example; then the FAQ reloads
(training on the new example) and every grouped question leaves the queue. "Dismiss" only
marks them reviewed; "New entry" opens the new-entry form with the question as its title,
and once the entry is saved teaches it the question as "This is entry X" would.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import secrets
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

import discord

from bot.answering import ranked
from bot.embeds import clipped, neutralize
from bot.entry_menus import entry_menus, more_placeholder
from bot.replies import NO_PINGS, apologise, database_away, store_trouble
from bot.roles import is_moderator
from bot.storage import DatabaseUnavailable, GapGroup, ReviewItem, hash_user, log_store_failure
from bot.storage.reports import EVERY_GROUP, still_open
from knowledge.editing import AlreadyExample, EditRefused, add_example, examples_file
from knowledge.examples import too_few_to_learn

if TYPE_CHECKING:
    from bot.app import RolloverBot

log = logging.getLogger(__name__)

#: Items fetched per look at the queue (the queue itself is unbounded).
QUEUE_LIMIT = 200
#: How long "New entry" waits to learn whether the question was decided meanwhile before it
#: opens the form anyway: a form must be Discord's first response (no defer), within three
#: seconds, and saving it checks again.
DECIDED_CHECK_SECONDS = 1.5
#: Menus of entries to pick from: a message's rows less the buttons' (up to 100 entries).
MENUS = 4
PICK = "This is the entry that answers it…"
#: Every component of a review starts its custom_id with this: a click on one that no
#: view in this process listens to (the bot restarted since) is answered by
#: FaqAdmin.on_interaction (see answer_unheard).
REVIEW_PREFIX = "rb:review:"
#: The pager's labels, as under every paged list (bot/paging.py): words, for an arrow alone
#: ("◀") reads aloud as "black left-pointing triangle".
PREVIOUS, NEXT = "◀ Previous", "Next ▶"
#: The pager's ids stay the same from one item to the next: a quick second click, sent
#: before the first one's edit reached the moderator, pages again instead of failing.
#: (A decision's components get new ids with each item, so a stale click on one is never
#: taken for a decision on the next item.)
PAGER_IDS = {PREVIOUS: REVIEW_PREFIX + "previous", NEXT: REVIEW_PREFIX + "next"}
ONLY_MODERATORS = "Only moderators can review."
#: Set in a click's ``extras`` by the review view that answers it.
TAKEN = "rb:review:taken"
EXPIRED = (
    "This review stopped 14 minutes after its last page was shown. "
    "Run `/faq-admin review` to carry on."
)
#: Said in place of a review no view listens to, when something in it is clicked.
UNHEARD = (
    "The bot restarted since this review was opened (or the review stopped), so nothing "
    "was decided. Run `/faq-admin review` to carry on."
)


def describe(item: ReviewItem, titles: dict[str, str]) -> str:
    """What the bot did, in a moderator's words (titles, not ids). An entry removed or
    renamed since has no title: its id, said to be gone, read as a title the menus lacked."""
    title = ""
    if item.entry_id in titles:
        title = f"**{neutralize(titles[item.entry_id])}**"
    elif item.entry_id:
        title = f"**{neutralize(item.entry_id)}** (an entry no longer in the FAQ)"
    if item.kind == "miss":
        return f"Answered {title}; the asker said it was not what they asked."
    if item.kind == "shaky":
        return f"Answered {title}, unsure ({item.score:.0f}% confident)."
    if item.kind == "taught":
        return f"A member pointed it at {title} with Answer with FAQ."
    if item.entry_id:
        return f"Did not answer; closest was {title} ({item.score:.0f}%)."
    return "Did not answer; nothing in the FAQ was close."


def item_embed(
    item: ReviewItem, position: int, total: int, titles: dict[str, str], *, more: bool = False
) -> discord.Embed:
    """One item; ``more``: the queue holds more than the ``total`` fetched ("1 of 200+")."""
    # Cut at a word, then escaped: escaped first, a cut between a backslash and the "*"
    # it escapes left the backslash before the "…" (1,500 characters escaped fit: 4,096).
    asked = neutralize(clipped(item.example, 1500))
    of = f"{total}+" if more else f"{total}"
    embed = discord.Embed(title=f"Review queue: {position + 1} of {of}", description=asked)
    embed.add_field(name="What the bot did", value=describe(item, titles), inline=False)
    times = f"{item.count} times (near-duplicates grouped)" if item.count > 1 else "once"
    embed.add_field(
        name="Asked", value=f"{times}, last {discord.utils.format_dt(item.last_seen, 'R')}"
    )
    embed.set_footer(
        text="Decisions are written to the FAQ's example files and take effect at once."
    )
    return embed


#: The matcher's guesses listed first for an item (after the entry the bot chose).
GUESSES = 10


def entry_options(
    bot: RolloverBot, item: ReviewItem, guesses: list[str]
) -> list[list[discord.SelectOption]]:
    """The entries to pick from, in menus: the item's own first, then the matcher's
    ``guesses``, then the rest by title."""
    first = [item.entry_id] if item.entry_id else []
    return entry_menus(bot.knowledge, first + guesses, menus=MENUS)


class ReviewView(discord.ui.View):
    """One moderator's private look at the queue; buttons page and decide."""

    #: Seconds after the token that last showed the message was made (the command's, or a
    #: click's that paged or decided) before the view stops listening. Under the 15
    #: minutes a token lasts, so it can still mark the message expired: a click on a
    #: stopped view would only get Discord's "This interaction failed".
    TIMEOUT = 840.0

    def __init__(
        self,
        bot: RolloverBot,
        queue: OpenItems,
        index: int = 0,
        *,
        made: dt.datetime | None = None,
    ) -> None:
        """``made``: when Discord made the token of the command whose followup shows it."""
        #: When Discord made the token behind ``_edit``.
        self._edit_made = made or discord.utils.utcnow()
        super().__init__(timeout=self._time_left())
        self.bot, self.items, self.more = bot, queue.items, queue.more
        self.index = min(max(index, 0), max(len(self.items) - 1, 0))
        #: Edits the message through the newest token that showed it.
        self._edit: Callable[..., Awaitable[Any]] | None = None
        self._message_id: int | None = None

    @classmethod
    async def opened(
        cls, bot: RolloverBot, queue: OpenItems, *, made: dt.datetime | None = None
    ) -> ReviewView:
        """A view drawn at its first item, ready to send."""
        view = cls(bot, queue, made=made)
        view._render_components(await view._guess())
        view.timeout = view._time_left()  # (counted from the token, not from the guess)
        return view

    def shown_in(self, message: discord.WebhookMessage) -> None:
        """The message the view was first sent in (by the command's followup)."""
        self._edit = message.edit
        if self.is_dispatchable():  # (else never stored, and never timed out)
            self._message_id = message.id
            self.bot.open_reviews.add(message.id)

    def _time_left(self) -> float:
        """Until TIMEOUT after the token behind ``_edit`` was made (a little at least: a
        timeout of 0 is none at all)."""
        age = (discord.utils.utcnow() - self._edit_made).total_seconds()
        return max(self.TIMEOUT - age, 0.01)

    async def on_timeout(self) -> None:
        # First, before any await: a click discord.py gave this view before it stopped is
        # answered by it, and FaqAdmin.on_interaction (which runs next) must leave it be.
        self.bot.open_reviews.discard(self._message_id)
        if self._edit is None or not self.children:  # nothing left to click
            return
        try:
            await self._edit(content=EXPIRED, embed=self.embed(), view=None)
        except discord.HTTPException as exc:  # the message is gone, or the token expired
            log.info("could not mark a review view expired: %s", exc)

    # -- rendering ------------------------------------------------------------------------
    @property
    def item(self) -> ReviewItem | None:
        return self.items[self.index] if self.items else None

    def embed(self) -> discord.Embed:
        if self.item is None:
            return discord.Embed(title="Review queue", description="Nothing to review.")
        titles = self.bot.knowledge.titles
        return item_embed(self.item, self.index, len(self.items), titles, more=self.more)

    async def _guess(self) -> list[str]:
        """The matcher's guesses for the item shown, made on the answering thread: on the
        event loop a long stored question's held every other event for 60-85 ms. Made
        again when a click paged meanwhile: the page is then drawn from the item read
        here, with no await between."""
        while (item := self.item) is not None:
            hits = await ranked(self.bot.knowledge, item.example)
            if self.item is item:
                return [h.id for h in hits[:GUESSES]]
        return []

    def _render_components(self, guesses: list[str]) -> None:
        self.clear_items()
        shown = self.item
        if shown is None:
            return
        menus = entry_options(self.bot, shown, guesses)
        fresh = secrets.token_hex(8)  # (see PAGER_IDS)
        for row, options in enumerate(menus):
            pick: discord.ui.Select[ReviewView] = discord.ui.Select(
                custom_id=f"{REVIEW_PREFIX}entry-{row}:{fresh}",
                placeholder=more_placeholder(options) if row else PICK,
                options=options,
                row=row,
            )
            pick.callback = partial(self._on_pick, shown)  # type: ignore[method-assign]
            self.add_item(pick)
        for label, style, handler in (
            (PREVIOUS, discord.ButtonStyle.secondary, self._on_previous),
            (NEXT, discord.ButtonStyle.secondary, self._on_next),
            ("Off-topic", discord.ButtonStyle.danger, self._on_off_topic),
            ("Dismiss", discord.ButtonStyle.secondary, self._on_dismiss),
            ("New entry", discord.ButtonStyle.success, self._on_new_entry),
        ):
            decision = f"{REVIEW_PREFIX}{label.lower().replace(' ', '-')}:{fresh}"
            button: discord.ui.Button[ReviewView] = discord.ui.Button(
                label=label, style=style, row=len(menus), custom_id=PAGER_IDS.get(label) or decision
            )
            # A decision is bound to the item drawn with it: discord.py runs a click in a
            # task of its own, a moment after taking it for this button, and a page drawn
            # in that moment (Next clicked just after) made self.item the next item, which
            # the moderator never saw. The pager moves from the page as it is.
            bound = handler if label in PAGER_IDS else partial(handler, shown)
            button.callback = bound  # type: ignore[method-assign]
            if label == PREVIOUS:
                button.disabled = self.index == 0
            if label == NEXT:
                button.disabled = self.index >= len(self.items) - 1
            self.add_item(button)

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        # First, before any await: FaqAdmin.on_interaction, which runs after this, must
        # leave a click this view answers be (see answer_stale).
        interaction.extras[TAKEN] = True
        if is_moderator(self.bot, interaction.user):
            # discord.py restarts the wait from this click next: kept to the token that
            # showed the message, which edits it when the wait is over. The wait restarts
            # only when this click's own token shows it (_show), not for a click answered
            # with a form (New entry) or one that failed: theirs cannot edit it later.
            self.timeout = self._time_left()
            return True
        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True)
        return False

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await apologise(interaction, error, "review action")

    async def _show(self, interaction: discord.Interaction, note: str | None = None) -> None:
        self._render_components(await self._guess())
        shown: ReviewView | None = self
        if self.is_finished():  # the wait ran out while this click was handled
            note, shown = "\n".join(filter(None, (note, EXPIRED))), None
        await interaction.edit_original_response(
            content=note, embed=self.embed(), view=shown, allowed_mentions=NO_PINGS
        )
        self._edit, self._edit_made = interaction.edit_original_response, interaction.created_at
        self.timeout = self._time_left()

    # -- paging ---------------------------------------------------------------------------
    async def _on_previous(self, interaction: discord.Interaction) -> None:
        await self._page(interaction, self.index - 1)

    async def _on_next(self, interaction: discord.Interaction) -> None:
        await self._page(interaction, self.index + 1)

    async def _page(self, interaction: discord.Interaction, index: int) -> None:
        """The page at ``index`` (within the queue). A stop lets it be shown: its guesses
        wait their turn on the answering thread, behind the replies the stop waits for."""
        with self.bot.replying():
            await interaction.response.defer()
            self.index = min(max(index, 0), max(len(self.items) - 1, 0))
            await self._show(interaction)

    # -- decisions ------------------------------------------------------------------------
    async def _on_pick(self, item: ReviewItem, interaction: discord.Interaction) -> None:
        values = interaction.data.get("values", []) if interaction.data else []
        entry_id = str(values[0]) if values else ""
        await self._decide(interaction, item, "example", entry_id)

    async def _on_off_topic(self, item: ReviewItem, interaction: discord.Interaction) -> None:
        await self._decide(interaction, item, "off-topic", None)

    async def _on_dismiss(self, item: ReviewItem, interaction: discord.Interaction) -> None:
        await self._decide(interaction, item, "dismiss", None)

    async def _on_new_entry(self, item: ReviewItem, interaction: discord.Interaction) -> None:
        cog = self.bot.get_cog("FaqAdmin")
        if cog is None:
            await interaction.response.send_message("Nothing to write.", ephemeral=True)
            return
        from bot.cogs.faq_admin import EntryModal  # the cog's own form, pre-filled

        try:
            decided = await asyncio.wait_for(
                self.bot.store.decided(item.keys), DECIDED_CHECK_SECONDS
            )
        except TimeoutError:  # (a database held up by a write: the form's save checks again)
            decided = set()
        if decided:  # no form to fill in for nothing
            await interaction.response.defer()
            await self._refresh(interaction, DECIDED_ALREADY)
            return
        await interaction.response.send_modal(
            EntryModal.for_question(cog, item)  # type: ignore[arg-type]
        )

    async def _decide(
        self, interaction: discord.Interaction, item: ReviewItem, action: str, entry_id: str | None
    ) -> None:
        """``item``: the one whose buttons were clicked, whatever the view shows by now. A
        reply a stop lets finish, as /ask's: a stop while a pick reloaded the FAQ closed
        Discord under it, and the page never said what was decided."""
        with self.bot.replying():
            await interaction.response.defer()
            note = await decide(self.bot, interaction.user, item, action, entry_id)
            if isinstance(note, Undecided):  # (nothing changed; the queue may not be read)
                await self._show(interaction, note)
                return
            await self._refresh(interaction, note)

    async def _refresh(self, interaction: discord.Interaction, note: str) -> None:
        """The queue as it is now, with ``note`` saying what happened: at the item the view
        showed, if it is still open (a decision clicked just before Next decided the item
        before it: the same place in the shorter queue held the item after), else at its
        place, which the next item has taken."""
        showing = set(self.item.keys) if self.item else set()
        try:
            self.items, self.more = await open_items(self.bot)
        except DatabaseUnavailable as exc:
            # (After a decision taken: "cannot reach its database" below the page as it was
            # read as the decision failing, and a moderator took it again.)
            log_store_failure(log, exc, "could not read the review queue again")
            await self._stop_unread(interaction, f"{note}\n{queue_unread(exc)}")
            return
        still = (n for n, item in enumerate(self.items) if showing & set(item.keys))
        self.index = next(still, min(self.index, max(len(self.items) - 1, 0)))
        await self._show(interaction, note)

    async def _stop_unread(self, interaction: discord.Interaction, note: str) -> None:
        """``note`` above the item as it was, its components taken away: the queue cannot
        be read to show the next one, and a click on these would decide from a stale page."""
        self.stop()
        self.bot.open_reviews.discard(self._message_id)
        await interaction.edit_original_response(
            content=note, embed=self.embed(), view=None, allowed_mentions=NO_PINGS
        )


def queue_unread(exc: DatabaseUnavailable) -> str:
    """Said below what was decided when the queue cannot be read again to go on."""
    if not exc.problem:
        return (
            "The queue cannot be shown again: the bot cannot reach its database just now. "
            "Run `/faq-admin review` in a few minutes to carry on."
        )
    return (
        f"The queue cannot be shown again: the bot cannot use its database ({exc.problem}). "
        "Please tell whoever runs the bot, and run `/faq-admin review` once they have seen "
        "to it."
    )


def unheard(bot: RolloverBot, interaction: discord.Interaction) -> bool:
    """A click on a review's message that no view in this process listens to: the bot
    restarted since the review was sent (or its view stopped and could not take its
    buttons away). Nothing answers it, so Discord would show its generic failure."""
    data: Any = interaction.data or {}
    return (
        interaction.type is discord.InteractionType.component
        and str(data.get("custom_id", "")).startswith(REVIEW_PREFIX)
        and interaction.message is not None
        and interaction.message.id not in bot.open_reviews
    )


def stale(bot: RolloverBot, interaction: discord.Interaction) -> bool:
    """A click on a review that is listening, on a component it no longer shows: a double
    click on a decision, whose second click left the moderator's client before the first
    one's page (the next item, its components new) reached it. No view takes it."""
    data: Any = interaction.data or {}
    return (
        interaction.type is discord.InteractionType.component
        and str(data.get("custom_id", "")).startswith(REVIEW_PREFIX)
        and interaction.message is not None
        and interaction.message.id in bot.open_reviews
        and not interaction.extras.get(TAKEN)
    )


async def answer_stale(bot: RolloverBot, interaction: discord.Interaction) -> None:
    """Acknowledge it and change nothing: the first click's page says what was decided.
    Unanswered, it showed "This interaction failed", which read as the decision failing,
    and the moderator clicked again, on the next item."""
    if not is_moderator(bot, interaction.user):
        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True)
        return
    await interaction.response.defer()


async def answer_unheard(bot: RolloverBot, interaction: discord.Interaction) -> None:
    """Say so in the clicked message (as private as the review) and take its buttons away:
    nothing answers them any more."""
    if not is_moderator(bot, interaction.user):
        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True)
        return
    await interaction.response.edit_message(content=UNHEARD, view=None, allowed_mentions=NO_PINGS)


#: /faq-admin gaps lists this many groups.
GAPS_SHOWN = 10


async def open_gaps(bot: RolloverBot, days: int | None, most: int = GAPS_SHOWN) -> list[GapGroup]:
    """The ``most`` most frequent unanswered groups the current FAQ still does not answer.
    Filtered before they are cut to ``most``: once moderators had fixed (with an alias,
    which decides nothing) as many groups as one fetch took, a report of those said
    nothing was left while questions still waited."""
    groups = await bot.store.gaps(days, limit=EVERY_GROUP)
    return await asyncio.to_thread(still_open, bot.knowledge, groups, most)


class OpenItems(NamedTuple):
    items: list[ReviewItem]
    #: More items are still open than one look shows, or more questions wait than the
    #: store grouped into items (reports.REVIEW_WINDOW): a count of them would be short.
    more: bool


async def open_items(bot: RolloverBot) -> OpenItems:
    """The queue as a moderator should see it now (its first QUEUE_LIMIT items). Every
    item is fetched and the FAQ asked down the list (the store groups them all whatever
    the limit): when only a look's worth was fetched, the items the FAQ answers since took
    that look's places, and it said "Nothing to review." while items waited."""
    items = await bot.store.review_queue()
    shown = await asyncio.to_thread(still_open, bot.knowledge, items, QUEUE_LIMIT + 1)
    return OpenItems(shown[:QUEUE_LIMIT], more=len(shown) > QUEUE_LIMIT or items.more)


async def decide(
    bot: RolloverBot,
    user: discord.abc.User,
    item: ReviewItem,
    action: str,
    entry_id: str | None,
) -> str:
    """Carry out one decision; returns what happened, for the moderator."""
    async with bot.review_lock:
        return await _decide(bot, user, item, action, entry_id)


class Undecided(str):
    """A note saying the database kept a decision from being taken: nothing changed, and
    the queue may not be read either, so the view shows the item as it was."""


#: Said when the database cannot be reached as a decision is taken (nothing written).
UNREACHABLE = Undecided(
    "The bot cannot reach its database just now, so nothing was decided. "
    "Try again in a few minutes."
)


def undecided(exc: DatabaseUnavailable) -> Undecided:
    """UNREACHABLE for a database out of reach; for one refusing (its disk full, read-only:
    a Dismiss read "cannot reach its database"), what is wrong, as database_away says it."""
    if not exc.problem:
        return UNREACHABLE
    return Undecided(database_away(exc, ", so nothing was decided"))


#: Said when a view was drawn before someone else's decision on its question.
DECIDED_ALREADY = (
    "Someone decided on this question while you looked, so nothing was written. "
    "Here is the queue as it is now."
)


#: Said when a view shows a question deleted since it was drawn.
DELETED_MEANWHILE = (
    "This question was deleted while you looked (its message deleted, or its member "
    "forgotten with `/faq-admin forget`), so nothing was written. Here is the queue as it "
    "is now."
)


async def still_kept(bot: RolloverBot, item: ReviewItem) -> bool:
    """Whether the question a decision would write (the item's example, copied word for
    word into the FAQ's files, where no deletion reaches it) is still kept: a view drawn
    before its member deleted it, or a moderator forgot them, still shows it. Looked up
    on its own: read from the queue, which groups only its first 3,000 questions, an item
    pushed out of those since it was shown was said deleted (and the whole queue was
    read and grouped again for each decision)."""
    return await bot.store.still_stored(item.example, miss=item.kind == "miss")


async def _decide(
    bot: RolloverBot,
    user: discord.abc.User,
    item: ReviewItem,
    action: str,
    entry_id: str | None,
) -> str:
    titles = bot.knowledge.titles
    try:
        decided = await bot.store.decided(item.keys)
        # (Read here too: the database gone between the two reads, a restart, fell through
        # to "something went wrong" and said nothing of the decision.)
        kept = bool(decided) or await still_kept(bot, item)
    except DatabaseUnavailable as exc:
        # (An outage, a PostgreSQL restart: "something went wrong" and a traceback said
        # neither what happened nor that waiting mends it.)
        log_store_failure(log, exc, "could not read the review decisions")
        return undecided(exc)
    if decided:
        # Another moderator (or another view) decided since this view was drawn: writing
        # this one too would file the question twice, perhaps under two entries.
        return DECIDED_ALREADY
    if not kept:
        # (A Dismiss too: it would keep the question's words, as its record's key. A
        # question decided in another process since the check above is still stored:
        # record_review settles that race below.)
        return DELETED_MEANWHILE
    already = False
    written = action in ("example", "off-topic")
    if written:
        target = entry_id if action == "example" else None
        try:
            await asyncio.to_thread(add_example, bot.faq_dir, target, item.example)
        except AlreadyExample as exc:
            # Already where this decision puts it (written, say, just before a shutdown
            # that kept it from being recorded): record it rather than strand the item.
            if exc.path != examples_file(bot.faq_dir, target):
                return f"Not written: {exc}"
            already = True
        except EditRefused as exc:
            return f"Not written: {exc}"
    by = hash_user(user.id, bot.vote_key)
    answered_with = item.entry_id if item.kind in ("miss", "shaky") else None
    # Recorded as soon as the example is written, whether or not the reload takes it: the
    # moderator has decided, and the file already says so. Before the reload (seconds on a
    # large FAQ): a Dismiss in another process, which review_lock does not hold off, then
    # finds the question decided instead of being told "Dismissed." while this pick wins.
    unrecorded = ""
    try:
        recorded = await bot.store.record_review(item.keys, action, entry_id, by, answered_with)
    except Exception as exc:
        if not written:
            if isinstance(exc, DatabaseUnavailable):
                log_store_failure(log, exc, "could not record a review decision")
                return undecided(exc)
            raise  # (nothing written: the apology says it all)
        # The file says so already (in effect once reloaded): "something went wrong, try
        # later" hid that. The same decision again is recorded (AlreadyExample, above).
        said = "recording a review decision failed (its example is written)"
        log_store_failure(log, exc, said)
        unrecorded = store_trouble(exc)  # (why, said below: a restart, not a fault)
    if not written:
        # None recorded: another process decided it after the check above (a pick there,
        # whose example is in the files, replaces a Dismiss recorded first: see
        # REPLACE_DISMISSAL), so this Dismiss counted for nothing.
        return "Dismissed." if recorded else DECIDED_ALREADY
    reloaded = await bot.reload_faq(f"review decision by {neutralize(user.display_name)}")
    if unrecorded:
        said = (
            f"an example of **{neutralize(titles.get(entry_id or '', entry_id or ''))}**"
            if action == "example"
            else "an off-topic example"
        )
        return (
            f"Added as {said}, but the review queue could not record the decision "
            f"({unrecorded}): if the question is still listed, decide it the same way again."
        )
    if not reloaded.ok:
        return (
            "Written, but the FAQ folder has problems, so the bot still uses the previous "
            "FAQ: run `/faq-admin validate`."
        )
    if action == "example" and entry_id:
        title = neutralize(titles.get(entry_id, entry_id))
        if already:
            return f"It was already an example of **{title}**; it has left the queue."
        return f"Added as an example of **{title}**."
    if action == "off-topic":
        if already:
            return "It was already an off-topic example; it has left the queue."
        # Below the examples the ranker is fitted on, no off-topic verdict is learned at all:
        # the question itself is left alone (an example asked word for word), no other.
        if unlearned := too_few_to_learn(bot.faq_dir, bot.knowledge.examples):
            return (
                "Added as an off-topic example: asked again word for word, it is left alone, "
                f"but questions like it are not yet. {unlearned[0].message[:1].upper()}"
                f"{unlearned[0].message[1:]}."
            )
        return "Added as an off-topic example: the bot will leave questions like it alone."
    return "Dismissed."
