"""Entry ids travel in the custom_ids of the components under an answer, which Discord
limits to 100 characters: the longest valid id must fit every layout (else Discord refuses
the whole reply), and a longer id must be refused, kindly, before it is ever used."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.cogs.point import PointPick
from bot.views import DYNAMIC_ITEMS, answer_view
from knowledge.base import KnowledgeBase
from knowledge.editing import check_new_text
from knowledge.loader import DEFAULT_FAQ_DIR, read_entries
from knowledge.matcher import Hit
from knowledge.model import CUSTOM_ID_LIMIT, ID_MAX_LENGTH
from tests.fakediscord import FakeDiscord, custom_ids
from tests.fakediscord.state import User
from tests.faq_factory import entry_text, write_entry

#: A real-looking id exactly as long as allowed.
LONGEST = "what-irs-notice-2014-54-changed-about-splitting-after-tax-and-pretax-cash"[
    :ID_MAX_LENGTH
]
#: The largest snowflake (2**64 - 1) has 20 digits, the most a user id can have.
BIGGEST_SNOWFLAKE = 2**64 - 1
OLD_ID = "notice-2014-54"


def test_the_longest_id_is_valid_and_exactly_at_the_limit() -> None:
    assert len(LONGEST) == ID_MAX_LENGTH == 71
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", LONGEST)
    assert len(str(BIGGEST_SNOWFLAKE)) == 20


def test_every_custom_id_fits_with_the_longest_id_and_routes_back() -> None:
    hits = [Hit(LONGEST, "A title", 50.0), Hit(LONGEST[:-1], "Another", 40.0)]
    view = answer_view(LONGEST, hits, full=True, asker_id=BIGGEST_SNOWFLAKE)
    ids = [item.custom_id for item in view.children]  # type: ignore[attr-defined]
    # nothing was left out: full answer, two votes, not what I asked, other matches
    assert len(ids) == 5
    assert f"rb:miss:{LONGEST}:{BIGGEST_SNOWFLAKE}" in ids
    assert max(len(i) for i in ids) == CUSTOM_ID_LIMIT  # the miss button, exactly at it
    # each one is still recognised by its item after a restart (the template matches)
    templates = [t.__discord_ui_compiled_template__ for t in DYNAMIC_ITEMS]  # type: ignore[attr-defined]
    for custom_id in ids:
        assert any(t.fullmatch(custom_id) for t in templates), custom_id
    # select option values carry ids too (Discord allows 100 characters there)
    select = view.children[-1].item  # type: ignore[attr-defined]
    assert all(len(o.value) <= 100 for o in select.options)
    pick = PointPick(BIGGEST_SNOWFLAKE, BIGGEST_SNOWFLAKE, [])
    assert len(pick.item.custom_id) <= CUSTOM_ID_LIMIT  # type: ignore[attr-defined]


def test_a_component_that_cannot_fit_is_left_out_rather_than_breaking_the_reply() -> None:
    too_long = "a" * 80  # the old limit: only possible now if validation were bypassed
    view = answer_view(too_long, (), full=True, asker_id=BIGGEST_SNOWFLAKE)
    ids = [item.custom_id for item in view.children]  # type: ignore[attr-defined]
    assert ids == [f"rb:full:{too_long}", f"rb:vote:{too_long}:up", f"rb:vote:{too_long}:down"]


def test_an_id_over_the_limit_is_refused_with_a_clear_reason(tmp_path: Path) -> None:
    ok, over = LONGEST, LONGEST + "x"
    write_entry(tmp_path, ok)
    write_entry(tmp_path, over)
    entries, problems = read_entries(tmp_path)
    assert [e.id for e in entries] == [ok]
    [problem] = [str(p) for p in problems]
    assert f"{over}.md:" in problem
    assert f"id: 72 characters is too long for an entry id: at most {ID_MAX_LENGTH}" in problem
    assert "Discord button ids" in problem
    # the check a save from /faq-admin runs says the same before anything is written
    (tmp_path / f"{over}.md").unlink()
    [refused] = check_new_text(tmp_path, over, entry_text(over))
    assert "too long for an entry id" in refused.message
    assert not check_new_text(tmp_path, ok, entry_text(ok))  # the longest is fine
    # ids named as related entries are held to the same limit
    write_entry(tmp_path / "more", "alpha", related=[over])
    [related] = [str(p) for p in read_entries(tmp_path / "more")[1]]
    assert "too long for an entry id" in related


@pytest.fixture
def faq_longest(tmp_path: Path) -> Path:
    """The shipped FAQ with one entry's id made as long as allowed."""
    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder, ignore=shutil.ignore_patterns(".backups"))
    for path in [*folder.glob("*.md"), *(folder / "examples").glob("*.yaml")]:
        path.write_text(path.read_text(encoding="utf-8").replace(OLD_ID, LONGEST))
    (folder / f"{OLD_ID}.md").rename(folder / f"{LONGEST}.md")
    examples = folder / "examples" / f"{OLD_ID}.yaml"
    if examples.exists():
        examples.rename(folder / "examples" / f"{LONGEST}.yaml")
    return folder


def far_future_asker(fake: FakeDiscord) -> User:
    """A member whose id has 20 digits, the most a Discord id can have."""
    world = fake.world
    user = User(BIGGEST_SNOWFLAKE, "far-future", "Far Future")
    world.users[user.id] = user
    world.add_member(world.guild, user, roles=[world.member_role])
    return user


async def test_a_forum_post_answered_with_the_longest_id_gets_its_reply(
    fake_discord: FakeDiscord, make_bot, start_bot, faq_longest: Path
) -> None:
    asker = far_future_asker(fake_discord)
    kb = KnowledgeBase.load(faq_longest)
    assert kb.get(LONGEST) is not None
    async with start_bot(make_bot(knowledge=kb)):
        post = await fake_discord.post_forum_thread(
            "What is IRS Notice 2014-54?",
            "What is IRS Notice 2014-54 and what did it change?",
            author=asker,
        )
        reply = await post.reply()
        await fake_discord.settle()
        # the fake Discord refuses custom_ids over 100 characters (400), as Discord does
        assert reply.status == 200, reply.response
        ids = custom_ids(reply.json)
        miss = f"rb:miss:{LONGEST}:{asker.id}"
        assert miss in ids and len(miss) == CUSTOM_ID_LIMIT
        assert all(len(i) <= CUSTOM_ID_LIMIT for i in ids)
        assert "bot-answered" in post.tags
        # and the button works: the asker can remove the answer
        removed = await fake_discord.click_button(reply.response, miss, user=asker)
        body: dict[str, Any] = await removed.response()
        assert body["data"]["content"].startswith("Removed.")


async def test_the_new_entry_form_allows_only_ids_that_fit(
    fake_discord: FakeDiscord, make_bot, start_bot
) -> None:
    world = fake_discord.world
    async with start_bot(make_bot()):
        handle = await fake_discord.send_slash_command("faq-admin new", {}, user=world.moderator)
        modal = await handle.response()
        assert modal["type"] == 9
        fields = {
            c["custom_id"]: c for row in modal["data"]["components"] for c in row["components"]
        }
        assert fields["id"]["max_length"] == ID_MAX_LENGTH
        assert str(ID_MAX_LENGTH) in fields["id"]["label"]
        # Discord's client will not send a longer one (the fake refuses the same way)
        with pytest.raises(ValueError, match="longer than max_length"):
            await fake_discord.submit_modal(handle, {"id": LONGEST + "x"}, user=world.moderator)
