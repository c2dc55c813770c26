"""Self-tests of the fake Discord: a tiny discord.py bot defined here runs against it."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import (
    DEFAULT_TOKEN,
    FakeDiscord,
    custom_ids,
    running_bot,
    wait_until,
    would_ping,
)
from tests.fakediscord.gateway import IDENTIFY, RESUME

TOPICS = ["after-tax rollover", "pro-rata rule", "form 8606", "mega backdoor roth"]


# ---------------------------------------------------------------------------- the tiny bot
class FeedbackView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Helpful", custom_id="faq:helpful", style=discord.ButtonStyle.success)
    async def helpful(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content="Thanks for the feedback!", view=None)

    @discord.ui.select(
        custom_id="faq:related",
        options=[
            discord.SelectOption(label="Pro-rata", value="pro-rata rule"),
            discord.SelectOption(label="Form 8606", value="form 8606"),
        ],
    )
    async def related(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.send_message(f"Entry: {select.values[0]}", ephemeral=True)


class EditModal(discord.ui.Modal, title="Edit entry"):
    summary: discord.ui.TextInput = discord.ui.TextInput(
        label="Summary", custom_id="summary", max_length=200
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"Saved: {self.summary.value}", ephemeral=True)


def _form(**text_input: object) -> discord.ui.Modal:
    """A one-input form, the input built from ``text_input``."""
    modal = discord.ui.Modal(title="Edit entry")
    modal.add_item(discord.ui.TextInput(**{"label": "Summary", "custom_id": "s", **text_input}))
    return modal


def _options(*options: tuple[str, str]) -> discord.ui.View:
    view = discord.ui.View()
    choices = [discord.SelectOption(label=label, value=value) for label, value in options]
    view.add_item(discord.ui.Select(custom_id="pick", options=choices))
    return view


def _buttons(*custom_ids: str) -> discord.ui.View:
    view = discord.ui.View()
    for n, custom_id in enumerate(custom_ids):
        view.add_item(discord.ui.Button(label=f"b{n}", custom_id=custom_id))
    return view


#: Forms Discord refuses, by what is wrong with them, and the field its error names.
BAD_FORMS: dict[str, tuple[dict[str, object], str]] = {
    "label over 45": ({"label": "L" * 46}, "label"),
    "placeholder over 100": ({"placeholder": "p" * 101}, "placeholder"),
    "value over 4000": ({"default": "v" * 4001}, "value"),
    "max_length over 4000": ({"max_length": 4001}, "max_length"),
    "min_length over max_length": ({"min_length": 10, "max_length": 5}, "min_length"),
    "value over its max_length": ({"default": "v" * 11, "max_length": 10}, "value"),
    "custom_id over 100": ({"custom_id": "c" * 101}, "custom_id"),
}
#: Messages Discord refuses: the view or files sent, and the path its error names.
BAD_MESSAGES: dict[str, tuple[Callable[[], dict[str, Any]], str]] = {
    "two buttons with one custom_id": (
        lambda: {"view": _buttons("same", "same")},
        "components.0.components.1.custom_id",
    ),
    "an empty option label": (
        lambda: {"view": _options(("", "a"))},
        "components.0.components.0.options.0.label",
    ),
    "two options with one value": (
        lambda: {"view": _options(("A", "a"), ("B", "a"))},
        "components.0.components.0.options.1.value",
    ),
    "eleven files": (
        lambda: {"files": [discord.File(io.BytesIO(b"x"), f"{n}.txt") for n in range(11)]},
        "attachments",
    ),
}


class TinyCog(commands.Cog):
    def __init__(self, bot: TinyBot) -> None:
        self.bot = bot

    @app_commands.command(name="faq", description="Show an FAQ entry")
    async def faq(self, interaction: discord.Interaction, topic: str) -> None:
        await interaction.response.send_message(
            f"Answer about {topic}",
            view=FeedbackView(),
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @faq.autocomplete("topic")
    async def faq_topic(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        hits = [t for t in TOPICS if current.lower() in t] or TOPICS
        return [app_commands.Choice(name=t, value=t) for t in hits][:25]

    @app_commands.command(name="calc", description="Basis share of a balance")
    async def calc(self, interaction: discord.Interaction, balance: float, basis: float) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.edit_original_response(content=f"Basis share {basis / balance:.0%}")
        await interaction.followup.send("Steps attached", ephemeral=True)

    @app_commands.command(name="edit", description="Edit an entry")
    async def edit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(EditModal())

    @app_commands.command(name="badform", description="Open a form Discord refuses")
    async def badform(self, interaction: discord.Interaction, what: str) -> None:
        await interaction.response.send_modal(_form(**BAD_FORMS[what][0]))

    @app_commands.command(name="badmessage", description="Send a message Discord refuses")
    async def badmessage(self, interaction: discord.Interaction, what: str) -> None:
        await interaction.response.send_message("Here", **BAD_MESSAGES[what][0]())

    @app_commands.command(name="chart", description="Send a file")
    async def chart(self, interaction: discord.Interaction) -> None:
        chart = discord.File(io.BytesIO(b"\x89PNG fake"), filename="chart.png")
        await interaction.response.send_message("Your schedule", file=chart)

    @app_commands.command(name="admin", description="Moderators only")
    @app_commands.default_permissions(manage_guild=True)
    async def admin(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok", ephemeral=True)

    @app_commands.command(name="many", description="Autocomplete with too many choices")
    async def many(self, interaction: discord.Interaction, pick: str) -> None:
        await interaction.response.send_message(pick)

    @many.autocomplete("pick")
    async def many_pick(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f"c{i}", value=f"c{i}") for i in range(30)]

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        self.bot.seen.append(message.content)
        if self.bot.user in message.mentions:
            await message.reply("You called?", mention_author=False)
            return
        channel = message.channel
        # A forum post's starter message has the thread's id. If it arrives before
        # THREAD_CREATE its channel is only a PartialMessageable: on_thread_create answers.
        if isinstance(channel, discord.Thread) and message.id == channel.id:
            await self.bot.answer(channel, message)

    @commands.Cog.listener()
    async def on_thread_create(self, thread: discord.Thread) -> None:
        starter = thread.starter_message  # cached when the starter message came first
        if starter is not None:
            await self.bot.answer(thread, starter)


class TinyBot(commands.Bot):
    def __init__(self, *, sync_guild: int | None = None, content_intent: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = content_intent  # privileged: reading forum posts needs it
        super().__init__(
            command_prefix="!", intents=intents, allowed_mentions=discord.AllowedMentions.none()
        )
        self.sync_guild = sync_guild
        self.seen: list[str] = []
        self.answered: set[int] = set()
        self.ready_count = 0

    async def setup_hook(self) -> None:
        await self.add_cog(TinyCog(self))
        if self.sync_guild is not None:
            guild = discord.Object(self.sync_guild)
            self.tree.copy_global_to(guild=guild)
            await self.tree.sync(guild=guild)

    async def on_ready(self) -> None:
        self.ready_count += 1

    async def answer(self, thread: discord.Thread, starter: discord.Message) -> None:
        if thread.id in self.answered or not isinstance(thread.parent, discord.ForumChannel):
            return
        self.answered.add(thread.id)  # before any await: the two events race
        await thread.send(f"About '{thread.name}': {starter.content[:50]}")
        tag = discord.utils.get(thread.parent.available_tags, name="bot-answered")
        if tag is not None:
            await thread.add_tags(tag)


# ---------------------------------------------------------------------------------- tests
async def test_login_ready_and_guild_cache(fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    async with running_bot(fake_discord, TinyBot()) as bot:
        assert fake_discord.calls_matching("GET", "/users/@me")
        assert fake_discord.calls_matching("GET", "/oauth2/applications/@me")
        assert bot.user is not None and bot.user.id == world.bot_user.id
        guild = bot.get_guild(world.guild.id)
        assert guild is not None and guild.name == world.guild.name
        forum = guild.get_channel(int(world.forum["id"]))
        assert isinstance(forum, discord.ForumChannel)
        assert [t.name for t in forum.available_tags] == ["rollover", "bot-answered", "needs-human"]
        assert isinstance(guild.get_channel(int(world.text_channel["id"])), discord.TextChannel)
        assert guild.get_role(world.moderator_role.id) is not None
        assert bot.ready_count == 1
        identify = fake_discord.gateway.received(IDENTIFY)[0]
        assert identify.d["intents"] & (1 << 15)  # message content requested
        connect = fake_discord.gateway.records.matching(lambda r: r.kind == "connect")[0]
        assert connect.path.startswith("/gateway?v=10&encoding=json")
    assert fake_discord.rest.unhandled == []
    # Shaped like a real token, so production token-shape checks accept it.
    assert re.fullmatch(r"[\w-]{17,}\.[\w-]{4,}\.[\w-]{20,}", DEFAULT_TOKEN)


async def test_guild_command_sync_registers_commands(fake_discord: FakeDiscord) -> None:
    guild_id = fake_discord.world.guild.id
    async with running_bot(fake_discord, TinyBot(sync_guild=guild_id)):
        [put] = fake_discord.calls_matching("PUT", rf"/applications/\d+/guilds/{guild_id}/commands")
        assert {c["name"] for c in put.json} == {
            *("faq", "calc", "edit", "chart", "admin", "many", "badform", "badmessage")
        }
        registered = fake_discord.world.commands[guild_id]
        handle = await fake_discord.send_slash_command("faq", {"topic": "form 8606"})
        # The registered command's id and guild scope are used for the interaction.
        assert handle.payload["data"]["id"] == registered["faq"]["id"]
        assert handle.payload["data"]["guild_id"] == str(guild_id)
        assert (await handle.response())["type"] == 4
        # default_member_permissions hides /admin from members without Manage Server.
        world = fake_discord.world
        assert fake_discord.command_visible_to("admin", world.owner)
        assert not fake_discord.command_visible_to("admin", world.moderator)
        assert fake_discord.command_visible_to("faq", world.newcomer)


async def test_registered_commands_get_client_side_checks(fake_discord: FakeDiscord) -> None:
    bot = TinyBot()
    async with running_bot(fake_discord, bot):
        fake_discord.register_commands(bot.tree)  # as if synced in an earlier session
        assert fake_discord.calls_matching("PUT") == []
        handle = await fake_discord.send_slash_command("calc", {"balance": "200", "basis": 50})
        assert handle.payload["data"]["options"] == [
            {"name": "balance", "type": 10, "value": 200.0},
            {"name": "basis", "type": 10, "value": 50.0},
        ]
        assert handle.payload["data"]["id"] == fake_discord.world.commands[None]["calc"]["id"]
        assert (await handle.edit())["content"] == "Basis share 25%"
        await handle.followup()
        with pytest.raises(ValueError, match="required"):
            await fake_discord.send_slash_command("calc", {"balance": 1.0})
        with pytest.raises(ValueError, match="not a valid"):
            await fake_discord.send_slash_command("calc", {"balance": "lots", "basis": 1})
        unchecked = await fake_discord.send_slash_command(
            "faq", {"topic": "x", "extra": 1}, check=False
        )
        assert (await unchecked.response())["type"] == 4


async def test_slash_command_button_and_select(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_slash_command("faq", {"topic": "pro-rata rule"})
        body = await handle.response()
        assert body["type"] == 4
        assert body["data"]["content"] == "Answer about pro-rata rule"
        assert not would_ping(body).any
        call = await handle.response_call()
        assert call.query["with_response"] == "1"
        assert handle.message is not None
        assert custom_ids(handle.message) == ["faq:helpful", "faq:related"]

        click = await fake_discord.click_button(handle, "faq:helpful")
        assert click.payload["message"]["id"] == handle.message["id"]
        edited = await click.response()
        assert edited["type"] == 7
        assert handle.message["content"] == "Thanks for the feedback!"
        assert handle.message["components"] == []

        again = await fake_discord.send_slash_command("faq", {"topic": "x"})
        await again.response()
        picked = await fake_discord.select(again, "faq:related", ["form 8606"])
        reply = await picked.response()
        assert reply["data"]["content"] == "Entry: form 8606"
        assert reply["data"]["flags"] & 64  # ephemeral


class SlowBot(TinyBot):
    """Answers "slow" late, with a second message from a task it spawns; "hang" waits for
    `release`; and runs a never-ending background task started in setup_hook."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.background: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        await super().setup_hook()
        self.background = asyncio.create_task(self._forever(), name="background-service")

    async def _forever(self) -> None:
        await asyncio.Event().wait()  # a service that never ends by itself

    async def _second(self, channel: discord.abc.Messageable) -> None:
        await asyncio.sleep(0.2)
        await channel.send("second")

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        if message.content == "slow":
            await asyncio.sleep(0.3)
            self.spawned = asyncio.create_task(self._second(message.channel))
            await message.channel.send("first")
        elif message.content == "hang":
            await self.release.wait()


async def test_settle_waits_for_handlers_and_the_tasks_they_spawn(
    fake_discord: FakeDiscord,
) -> None:
    async with running_bot(fake_discord, SlowBot()) as bot:
        channel = fake_discord.world.text_channel
        await fake_discord.send_message(channel, "slow")
        await fake_discord.settle()
        said = [m["content"] for m in fake_discord.world.messages_in(int(channel["id"]))]
        assert said[-2:] == ["first", "second"]
        assert bot.background is not None and not bot.background.done()  # not waited for


async def test_settle_says_what_the_bot_is_still_doing(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, SlowBot()) as bot:
        await fake_discord.send_message(None, "hang")
        busy = r"1 task\(s\) still running \(discord.py: on_message"
        with pytest.raises(TimeoutError, match=busy):
            await fake_discord.settle(timeout=0.3)
        bot.release.set()
        await fake_discord.settle()


async def test_autocomplete_returns_choices(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_autocomplete("faq", {"topic": "roll"}, focused="topic")
        [option] = handle.payload["data"]["options"]
        assert option == {"name": "topic", "type": 3, "value": "roll", "focused": True}
        body = await handle.response()
        assert body["type"] == 8
        assert body["data"]["choices"] == [
            {"name": "after-tax rollover", "value": "after-tax rollover"}
        ]


async def test_autocomplete_over_discord_limit_is_rejected(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_autocomplete("many", {}, focused="pick")
        call = await handle.response_call()
        assert call.status == 400 and call.response["code"] == 50035


async def test_defer_edit_and_ephemeral_followup(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_slash_command("calc", {"balance": 100.0, "basis": 25.0})
        assert (await handle.response())["type"] == 5
        assert (await handle.edit())["content"] == "Basis share 25%"
        followup = await handle.followup()
        assert followup["content"] == "Steps attached" and followup["flags"] & 64
        routes = [c.route for c in handle.calls]
        assert routes == [
            "POST /interactions/{interaction_id}/{token}/callback",
            "PATCH /webhooks/{app_id}/{token}/messages/{message_id}",
            "POST /webhooks/{app_id}/{token}",
        ]
        assert handle.message is not None and handle.message["content"] == "Basis share 25%"
        assert not handle.message["flags"] & 128  # no longer "thinking"


async def test_file_upload_is_recorded_and_served(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_slash_command("chart")
        call = await handle.response_call()
        assert call.json["data"]["content"] == "Your schedule"
        [part] = call.files
        assert (part.filename, part.data) == ("chart.png", b"\x89PNG fake")
        assert handle.message is not None
        [attachment] = handle.message["attachments"]
        async with (
            aiohttp.ClientSession() as session,
            session.get(attachment["url"]) as resp,
        ):
            assert await resp.read() == b"\x89PNG fake"


async def test_mention_gets_a_reply_without_pings(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        world = fake_discord.world
        asked = await fake_discord.send_message(None, f"{world.bot_user.mention} @everyone hi")
        assert asked["mentions"][0]["id"] == str(world.bot_user.id)
        assert asked["mention_everyone"] is False  # the asker may not mention everyone
        reply = await fake_discord.wait_for_call(
            "POST", rf"/channels/{asked['channel_id']}/messages"
        )
        assert str(reply.json["message_reference"]["message_id"]) == asked["id"]
        assert not would_ping(reply.json).any


async def test_modal_submit(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot()):
        opened = await fake_discord.send_slash_command("edit")
        assert (await opened.response())["type"] == 9
        submitted = await fake_discord.submit_modal(opened, {"summary": "Roll basis to Roth"})
        reply = await submitted.response()
        assert reply["data"]["content"] == "Saved: Roll basis to Roth"
        with pytest.raises(LookupError):
            await fake_discord.submit_modal(opened, {"nope": "x"})


@pytest.mark.parametrize("what", list(BAD_FORMS))
async def test_a_form_over_a_text_inputs_limits_is_refused(
    fake_discord: FakeDiscord, what: str
) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_slash_command("badform", {"what": what})
        call = await handle.response_call()
        assert call.status == 400 and call.response["code"] == 50035
        row = call.response["errors"]["data"]["components"]["0"]["components"]["0"]
        assert row[BAD_FORMS[what][1]]["_errors"], call.response


@pytest.mark.parametrize("what", list(BAD_MESSAGES))
async def test_a_message_over_discords_limits_is_refused(
    fake_discord: FakeDiscord, what: str
) -> None:
    async with running_bot(fake_discord, TinyBot()):
        handle = await fake_discord.send_slash_command("badmessage", {"what": what})
        call = await handle.response_call()
        assert call.status == 400 and call.response["code"] == 50035
        node = call.response["errors"]
        for part in BAD_MESSAGES[what][1].split("."):
            node = node[part]
        assert node["_errors"], call.response


@pytest.mark.parametrize("starter_first", [False, True])
async def test_forum_post_answered_once_and_tagged(
    fake_discord: FakeDiscord, starter_first: bool
) -> None:
    async with running_bot(fake_discord, TinyBot()) as bot:
        post = await fake_discord.post_forum_thread(
            "Roll after-tax to Roth?", "My plan allows it", starter_first=starter_first
        )
        reply = await post.reply()
        assert reply.json["content"].startswith("About 'Roll after-tax to Roth?'")
        assert not would_ping(reply.json).any
        patch = await fake_discord.wait_for_call("PATCH", rf"/channels/{post.id}")
        world = fake_discord.world
        assert patch.json["applied_tags"] == [
            str(world.tag_id("rollover")),
            str(world.tag_id("bot-answered")),
        ]
        await fake_discord.idle()
        assert len(post.replies) == 1
        assert post.tags == ["rollover", "bot-answered"]
        thread = bot.get_channel(post.id)  # THREAD_UPDATE echoed to the bot's cache
        assert isinstance(thread, discord.Thread) and len(thread.applied_tags) == 2


async def test_rest_429_is_retried(fake_discord: FakeDiscord) -> None:
    fake_discord.fail_next("POST", r"/channels/\d+/messages", status=429, retry_after=0.05)
    async with running_bot(fake_discord, TinyBot()):
        post = await fake_discord.post_forum_thread("Pro-rata?", "How does it work?")
        await post.reply()
        await fake_discord.idle()
        path = rf"/channels/{post.id}/messages"
        [limited] = fake_discord.calls_matching("POST", path, injected=True)
        [accepted] = fake_discord.calls_matching("POST", path)
        assert limited.status == 429 and accepted.status == 200
        assert accepted.time - limited.time >= 0.05
        assert len(post.replies) == 1


async def test_rest_500_is_retried(fake_discord: FakeDiscord, quick_retries: None) -> None:
    fake_discord.fail_next("POST", r"/channels/\d+/messages", status=500)
    async with running_bot(fake_discord, TinyBot()):
        post = await fake_discord.post_forum_thread("Pro-rata?", "How does it work?")
        reply = await post.reply(timeout=5.0)
        assert reply.status == 200
        [failed] = fake_discord.calls_matching(
            "POST", rf"/channels/{post.id}/messages", injected=True
        )
        assert failed.status == 500
        await fake_discord.idle()


async def test_op7_reconnect_resumes_and_replays_missed_event(fake_discord: FakeDiscord) -> None:
    gateway = fake_discord.gateway
    async with running_bot(fake_discord, TinyBot()) as bot:
        session = gateway.sessions[0].id
        mark = gateway.mark()
        assert await gateway.reconnect() == 1
        # Sent after op 7: the client has stopped reading, so it only gets this by replay.
        message = await fake_discord.send_message(None, "sent during the gap")
        resume = await gateway.wait_for_op(RESUME, since=mark)
        assert resume.d["session_id"] == session and resume.d["seq"] < gateway.sessions[0].seq
        connect = gateway.records.matching(lambda r: r.kind == "connect", since=mark)[0]
        assert connect.path.startswith("/gateway-resume?")
        await gateway.wait_for_dispatch("RESUMED", since=mark)
        replayed = gateway.records.matching(lambda r: r.replayed, since=mark)
        assert [r.d["id"] for r in replayed] == [message["id"]]
        await wait_until(lambda: "sent during the gap" in bot.seen)
        assert bot.seen.count("sent during the gap") == 1
        assert gateway.received(IDENTIFY, since=mark) == []


@pytest.mark.parametrize("resumable", [False, True])
async def test_invalid_session(fake_discord: FakeDiscord, resumable: bool) -> None:
    gateway = fake_discord.gateway
    async with running_bot(fake_discord, TinyBot()) as bot:
        old_session = gateway.sessions[0].id
        mark = gateway.mark()
        await gateway.invalidate_session(resumable=resumable)
        if resumable:
            await gateway.wait_for_dispatch("RESUMED", since=mark)
            assert gateway.sessions[0].id == old_session
        else:
            await gateway.wait_for_op(IDENTIFY, since=mark)
            await gateway.wait_for_dispatch("READY", since=mark)
            assert gateway.sessions[0].id != old_session
            await wait_until(lambda: bot.ready_count == 2)
        handle = await fake_discord.send_slash_command("faq", {"topic": "still working"})
        assert (await handle.response())["data"]["content"] == "Answer about still working"


async def test_resume_with_unknown_session_gets_op9_false(fake_discord: FakeDiscord) -> None:
    gateway = fake_discord.gateway
    async with running_bot(fake_discord, TinyBot()):
        gateway._forget(gateway.sessions[0])  # the session expired on "Discord"'s side
        mark = gateway.mark()
        await gateway.close_connection(4000)  # resumable close: the client tries RESUME
        await gateway.wait_for_op(RESUME, since=mark)
        await gateway.wait_for(
            lambda r: r.kind == "sent" and r.op == 9 and r.d is False, since=mark
        )
        await gateway.wait_for_dispatch("READY", since=mark)


async def test_silent_gateway_times_out_and_resumes(fake_discord: FakeDiscord) -> None:
    gateway = fake_discord.gateway
    async with running_bot(fake_discord, TinyBot(), heartbeat_timeout=0.4) as bot:
        mark = gateway.mark()
        assert gateway.go_silent() == 1
        await fake_discord.send_message(None, "sent while silent")
        await gateway.wait_for_dispatch("RESUMED", since=mark, timeout=3.0)
        await wait_until(lambda: "sent while silent" in bot.seen)
        assert gateway.received(IDENTIFY, since=mark) == []


async def test_abrupt_disconnect_resumes(fake_discord: FakeDiscord) -> None:
    gateway = fake_discord.gateway
    async with running_bot(fake_discord, TinyBot()):
        mark = gateway.mark()
        assert await gateway.drop_connection() == 1
        await gateway.wait_for_dispatch("RESUMED", since=mark)
        handle = await fake_discord.send_slash_command("faq", {"topic": "after"})
        assert (await handle.response())["type"] == 4


async def test_direct_messages(fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    async with running_bot(fake_discord, TinyBot()) as bot:
        handle = await fake_discord.send_slash_command("faq", {"topic": "dm"}, guild=False)
        assert "user" in handle.payload and "member" not in handle.payload
        assert (await handle.response())["type"] == 4
        await fake_discord.send_message(world.dm_channel(world.asker), "hello in a DM")
        await wait_until(lambda: "hello in a DM" in bot.seen)


async def test_bot_crash_fails_the_test_at_once(fake_discord: FakeDiscord) -> None:
    started = asyncio.get_running_loop().time()
    with pytest.raises(KeyError):
        async with running_bot(fake_discord, TinyBot()):
            # discord.py cannot parse this and its gateway loop dies with KeyError.
            await fake_discord.dispatch("MESSAGE_CREATE", {"id": "1"})
            await asyncio.Event().wait()  # would hang forever without the early failure
    assert asyncio.get_running_loop().time() - started < 3


async def test_close_4014_raises_privileged_intents_required(fake_discord: FakeDiscord) -> None:
    fake_discord.gateway.privileged_intents.discard("message_content")  # "developer portal"
    with pytest.raises(discord.PrivilegedIntentsRequired):
        async with running_bot(fake_discord, TinyBot()):
            pass  # pragma: no cover - start() fails before the bot is ready
    closes = fake_discord.gateway.records.matching(lambda r: r.kind == "disconnect")
    assert closes[-1].close_code == 4014


async def test_without_content_intent_guild_text_is_blank(fake_discord: FakeDiscord) -> None:
    async with running_bot(fake_discord, TinyBot(content_intent=False)) as bot:
        await fake_discord.send_message(None, "secret words")
        mention = fake_discord.world.bot_user.mention
        await fake_discord.send_message(None, f"{mention} hello")
        await wait_until(lambda: len(bot.seen) == 2)
        assert bot.seen == ["", f"{mention} hello"]  # mentions of the bot keep their content


async def test_autosharded_bot_with_two_shards(fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    fake_discord.gateway.shard_count = 2
    other_shard = 1 - (world.guild.id >> 22) % 2
    second = world.add_guild("Second server", shard=(other_shard, 2))
    bot = commands.AutoShardedBot(command_prefix="!", intents=discord.Intents.default())
    async with running_bot(fake_discord, bot):
        assert fake_discord.calls_matching("GET", "/gateway/bot")
        shards = sorted(tuple(r.d["shard"]) for r in fake_discord.gateway.received(IDENTIFY))
        assert shards == [(0, 2), (1, 2)]
        assert len(fake_discord.gateway.sent("READY")) == 2
        assert set(bot.shards) == {0, 1}
        assert {g.id for g in bot.guilds} == {world.guild.id, second.id}
        for guild in bot.guilds:
            assert guild.shard_id == (guild.id >> 22) % 2


async def test_unknown_route_is_recorded_as_json_404(fake_discord: FakeDiscord) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{fake_discord.base_url}/api/v10/nothing/here") as resp,
    ):
        assert resp.status == 404
        assert resp.headers["Content-Type"] == "application/json"
        assert (await resp.json())["message"] == "404: Not Found"
    [call] = fake_discord.rest.unhandled
    assert call.path == "/nothing/here" and call.route is None


async def test_fake_restores_discord_urls() -> None:
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    async with FakeDiscord() as fake:
        assert f"{fake.base_url}/api/v10" == discord.http.Route.BASE
        with pytest.raises(RuntimeError):
            await FakeDiscord().start()
    assert base == discord.http.Route.BASE
    assert gateway == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
