"""Calculator slash commands: thin translations to ``calculators`` and back to embeds."""

from __future__ import annotations

import io
import logging
import re
from decimal import Decimal
from typing import Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RolloverBot
from bot.cogs.errors import UserInputProblem, slow_down
from bot.embeds import calc_reply, neutralize
from bot.limits import PerUserWindows
from bot.replies import NO_PINGS, apologise, offer, privately_here, send_private
from calculators import CalcInput, CalcResult, InputError, ScheduleInput, supported_years
from calculators.base import MAX_AGE
from calculators.catalog import CALCULATORS
from calculators.chart import chart_description, render_schedule_chart_async
from knowledge.model import CUSTOM_ID_LIMIT

log = logging.getLogger(__name__)
Amount = app_commands.Range[str, 1, 32]
Rate = app_commands.Range[str, 1, 16]

AMOUNT_HELP = "dollars, e.g. 1000 or $1,000.50"
PRIVATE_HELP = "Only you see the result (default: everyone in the channel)"


def _refusal(name: str, exc: InputError) -> UserInputProblem:
    """What was wrong, and the command as it should be typed: in code, as the bot writes
    commands everywhere, so the Errors cog makes it a command mention once synced."""
    return UserInputProblem(f"{neutralize(str(exc))}. Example: `{CALCULATORS[name].named_example}`")


def _build(name: str, **values: object) -> CalcInput:
    given = {k: str(v) for k, v in values.items() if v is not None}
    try:
        return CALCULATORS[name].build([], given)
    except InputError as exc:
        raise _refusal(name, exc) from None


def _run(name: str, inp: CalcInput) -> CalcResult:
    try:
        return CALCULATORS[name].run(inp)
    except InputError as exc:
        raise _refusal(name, exc) from None


#: Inputs that are rates: carried in a custom_id as percents, which parse back exactly.
_RATES = frozenset({"tax_rate", "annual_return"})
_WORK = "rb:work:"


def work_id(name: str, inp: CalcInput) -> str | None:
    """A "Show working" custom_id holding the calculator and its inputs, so the working can
    be rebuilt after a restart without keeping anything; None when it would not fit."""
    values = []
    for param in CALCULATORS[name].params:
        value = getattr(inp, param, None)
        if value is None:
            values.append("")
        elif param in _RATES:
            values.append(f"{(value * 100).normalize():f}%")
        elif isinstance(value, Decimal):
            values.append(f"{value:f}")
        else:
            values.append(str(value))
    custom_id = f"{_WORK}{name}:{'|'.join(values)}"
    return custom_id if len(custom_id) <= CUSTOM_ID_LIMIT else None


class ShowWorking(
    discord.ui.DynamicItem[discord.ui.Button], template=r"rb:work:(?P<name>[a-z0-9]+):(?P<args>.*)"
):
    """Shows the numbered steps of a result privately: the result itself comes first."""

    def __init__(self, custom_id: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="Show working", style=discord.ButtonStyle.secondary, custom_id=custom_id
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Button, match: re.Match[str], /
    ) -> ShowWorking:
        return cls(match.string)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self._show(interaction)
        except Exception as exc:  # (clicked too late, say: one warning, as other buttons)
            await apologise(interaction, exc, "showing a calculator's working")

    async def _show(self, interaction: discord.Interaction) -> None:
        cog = interaction.client.get_cog("Calculators")  # type: ignore[attr-defined]
        wait = cog.over_limit(interaction.user.id) if isinstance(cog, Calculators) else None
        if wait is not None:
            await send_private(interaction, slow_down(wait))
            return
        name, _, args = self.item.custom_id.removeprefix(_WORK).partition(":")  # type: ignore[union-attr]
        calc = CALCULATORS.get(name)
        try:
            if calc is None:
                raise InputError("unknown calculator")
            given = {p: v for p, v in zip(calc.params, args.split("|"), strict=False) if v}
            inp = calc.build([], given)
            result = calc.run(inp)
        except InputError:
            await send_private(interaction, "This result can't be rebuilt; run the command again.")
            return
        with cast(RolloverBot, interaction.client).replying():  # (a stop lets it go, as _reply)
            await interaction.response.send_message(
                **calc_reply(result), ephemeral=True, allowed_mentions=NO_PINGS
            )


def result_first(name: str, inp: CalcInput, result: CalcResult, **embed: Any) -> dict[str, Any]:
    """The reply's embed and view: the figures first, the steps behind "Show working" (or
    inline when the inputs do not fit in a button); ``files``, what does not fit."""
    custom_id = work_id(name, inp)
    if custom_id is None:
        return calc_reply(result, **embed)
    view = discord.ui.View(timeout=None)
    view.add_item(ShowWorking(custom_id))
    return {**calc_reply(result, working=False, **embed), "view": view}


async def _reply(
    interaction: discord.Interaction, name: str, inp: CalcInput, result: CalcResult, private: bool
) -> None:
    private, note = privately_here(interaction, private)
    # A reply a stop lets finish, as /ask's: Discord a moment slow to take it (a 502 tried
    # again), a stop closed the connection under the retry: "did not respond".
    with cast(RolloverBot, interaction.client).replying():
        await interaction.response.send_message(
            note, **result_first(name, inp, result), ephemeral=private, allowed_mentions=NO_PINGS
        )


class Calculators(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot
        # One allowance per user for every calculator and "Show working" together, as
        # limits.calc_per_minute says (a bucket per command allowed five times as many).
        self.windows = PerUserWindows(lambda: bot.settings.limits.calc_per_minute)

    def over_limit(self, user_id: int) -> float | None:
        """None when the user may run a calculation now (and counts it), else the seconds
        to wait."""
        window = self.windows.get(user_id)
        return None if window.allow() else window.retry_after()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        wait = self.over_limit(interaction.user.id)
        if wait is not None:
            limit = self.bot.settings.limits.calc_per_minute
            raise app_commands.CommandOnCooldown(app_commands.Cooldown(limit, 60.0), wait)
        return True

    async def cog_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """A refused input ran no calculation: it gives back what interaction_check counted,
        so a member who mistyped an amount twice is not then told to slow down. (The
        refusal itself is said by the Errors cog.)"""
        original = getattr(error, "original", error)
        if isinstance(original, UserInputProblem) or isinstance(
            error, app_commands.TransformerError
        ):
            self.windows.get(interaction.user.id).give_back()

    @app_commands.command(
        name="split",
        description="Where an after-tax rollover goes: Roth IRA, traditional IRA, tax, 1099-R",
    )
    @app_commands.describe(
        basis=f"After-tax contributions in the account ({AMOUNT_HELP})",
        earnings=f"Earnings on them; negative for a loss ({AMOUNT_HELP})",
        earnings_to="Where the earnings go (default: Roth IRA, taxable now)",
        tax_rate="Your marginal rate for an estimate, e.g. 24%",
        private=PRIVATE_HELP,
    )
    @app_commands.choices(
        earnings_to=[
            app_commands.Choice(name="Roth IRA (taxable now)", value="roth"),
            app_commands.Choice(name="Traditional IRA (taxed later)", value="traditional"),
        ]
    )
    async def split_command(
        self,
        interaction: discord.Interaction,
        basis: Amount,
        earnings: Amount,
        earnings_to: str = "roth",
        tax_rate: Rate | None = None,
        private: bool = False,
    ) -> None:
        inp = _build(
            "split", basis=basis, earnings=earnings, earnings_to=earnings_to, tax_rate=tax_rate
        )
        await _reply(interaction, "split", inp, _run("split", inp), private)

    @app_commands.command(
        name="prorata",
        description="Taxable share of a partial distribution from the after-tax account",
    )
    @app_commands.describe(
        basis=f"After-tax contributions in the account ({AMOUNT_HELP})",
        earnings=f"Earnings in the account; negative for a loss ({AMOUNT_HELP})",
        amount=f"Amount distributed ({AMOUNT_HELP})",
        private=PRIVATE_HELP,
    )
    async def prorata_command(
        self,
        interaction: discord.Interaction,
        basis: Amount,
        earnings: Amount,
        amount: Amount,
        private: bool = False,
    ) -> None:
        inp = _build("prorata", basis=basis, earnings=earnings, amount=amount)
        await _reply(interaction, "prorata", inp, _run("prorata", inp), private)

    @app_commands.command(
        name="form8606",
        description="Form 8606 for a backdoor Roth: the IRA pro-rata rule, line by line",
    )
    @app_commands.describe(
        contribution=f"Nondeductible IRA contribution for the year, line 1 ({AMOUNT_HELP})",
        year_end_balance=(
            "Dec 31 value of traditional, SEP, SIMPLE IRAs plus IRA-to-IRA rollovers "
            "outstanding, line 6"
        ),
        converted=f"Amount converted to Roth this year, line 8 ({AMOUNT_HELP})",
        prior_basis=f"Basis from earlier years, line 2 ({AMOUNT_HELP})",
        distributions="IRA distributions this year, not rollovers or conversions, line 7",
        late_contribution="Part of line 1 contributed next year before the due date, line 4",
        deductible="Deducted IRA contributions this year, on top of contribution (Worksheet 1-1)",
        private=PRIVATE_HELP,
    )
    async def form8606_command(
        self,
        interaction: discord.Interaction,
        contribution: Amount,
        year_end_balance: Amount,
        converted: Amount | None = None,
        prior_basis: Amount | None = None,
        distributions: Amount | None = None,
        late_contribution: Amount | None = None,
        deductible: Amount | None = None,
        private: bool = False,
    ) -> None:
        inp = _build(
            "form8606",
            contribution=contribution,
            year_end_balance=year_end_balance,
            converted=converted,
            prior_basis=prior_basis,
            distributions=distributions,
            late_contribution=late_contribution,
            deductible=deductible,
        )
        await _reply(interaction, "form8606", inp, _run("form8606", inp), private)

    @app_commands.command(
        name="room", description="After-tax room left under the 415(c) annual additions limit"
    )
    @app_commands.describe(
        year="Plan year",
        deferrals=f"Your pretax + Roth deferrals to this employer's plans ({AMOUNT_HELP})",
        employer=f"Employer match and profit sharing ({AMOUNT_HELP})",
        age="Age you reach by December 31 (for catch-up contributions)",
        compensation=f"Your pay from this employer, if it might be below the limit ({AMOUNT_HELP})",
        private=PRIVATE_HELP,
    )
    @app_commands.choices(
        year=[app_commands.Choice(name=str(y), value=y) for y in supported_years()]
    )
    async def room_command(
        self,
        interaction: discord.Interaction,
        year: int,
        deferrals: Amount,
        employer: Amount,
        age: app_commands.Range[int, 0, MAX_AGE] | None = None,  # (the calculator's own)
        compensation: Amount | None = None,
        private: bool = False,
    ) -> None:
        inp = _build(
            "room",
            year=year,
            deferrals=deferrals,
            employer=employer,
            age=age,
            compensation=compensation,
        )
        await _reply(interaction, "room", inp, _run("room", inp), private)

    @app_commands.command(
        name="schedule",
        description="Taxable earnings by how often you convert (1 to 365 times a year), charted",
    )
    @app_commands.describe(
        annual=f"After-tax contributions for the year ({AMOUNT_HELP})",
        paychecks=(
            "Paychecks a year: pick one, or type another count, 1 to 365 (13 = every four weeks)"
        ),
        conversions="Conversions or in-service withdrawals a year (1 to 365; 365 = daily)",
        annual_return="Expected yearly return, e.g. 7%; negative for a loss, e.g. -10%",
        tax_rate="Your marginal rate for an estimate, e.g. 24%",
        lag_days="Days your plan takes to process a conversion (default 0; plans often take 2-5)",
        private=PRIVATE_HELP,
    )
    async def schedule_command(
        self,
        interaction: discord.Interaction,
        annual: Amount,
        paychecks: app_commands.Range[int, 1, 365],
        conversions: app_commands.Range[int, 1, 365],
        annual_return: Rate,
        tax_rate: Rate | None = None,
        lag_days: app_commands.Range[int, 0, 30] | None = None,
        private: bool = False,
    ) -> None:
        inp = _build(
            "schedule",
            annual=annual,
            paychecks=paychecks,
            conversions=conversions,
            annual_return=annual_return,
            tax_rate=tax_rate,
            lag_days=lag_days,
        )
        result = _run("schedule", inp)
        private, note = privately_here(interaction, private)
        # A reply a stop lets finish, as /ask's: a stop while the chart was drawn closed
        # the connection under it, and the member's "thinking..." never became a chart.
        with self.bot.replying():
            await self._send_schedule(interaction, inp, result, private, note)

    async def _send_schedule(
        self,
        interaction: discord.Interaction,
        inp: CalcInput,
        result: CalcResult,
        private: bool,
        note: str | None,
    ) -> None:
        # The chart takes a moment to draw (in a worker thread): acknowledge first.
        await interaction.response.defer(thinking=True, ephemeral=private)
        chart = cast(ScheduleInput, inp)
        png = await render_schedule_chart_async(chart)
        reply = result_first("schedule", inp, result, image="schedule.png")
        whole = reply.pop("files", [])  # (the whole result, when the reply leaves some out)
        await interaction.followup.send(
            note or discord.utils.MISSING,
            **reply,
            # (Its description is the alt text a screen reader reads for the chart.)
            files=[
                discord.File(
                    io.BytesIO(png), filename="schedule.png", description=chart_description(chart)
                ),
                *whole,
            ],
            ephemeral=private,
            allowed_mentions=NO_PINGS,
        )

    @schedule_command.autocomplete("paychecks")
    async def paychecks_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[int]]:
        return await offer(interaction, paycheck_choices(str(current)), "/schedule's autocomplete")


#: The usual pay frequencies, suggested for /schedule's paychecks. (They were its only
#: choices, where the calculator takes any count: 13 paid every four weeks, 27 in a year
#: with an extra biweekly payday.)
PAY_FREQUENCIES = ((12, "monthly"), (24, "twice a month"), (26, "every two weeks"), (52, "weekly"))
#: What payroll calls them besides: a member typing "biweekly" (Discord lets words be typed
#: where a count goes, for its suggestions) was suggested nothing.
PAY_WORDS = {24: "semimonthly semi-monthly", 26: "biweekly bi-weekly fortnightly"}


def _named(n: int, label: str, typed: str) -> bool:
    """Whether ``typed`` starts the words naming pay frequency ``n`` at one of them ("bi",
    "week", "two weeks")."""
    said = " ".join(typed.casefold().split())
    words = f"{label} {PAY_WORDS.get(n, '')}".split()
    return bool(said) and any(" ".join(words[i:]).startswith(said) for i in range(len(words)))


def paycheck_choices(typed: str) -> list[app_commands.Choice[int]]:
    """The usual counts that start with what is typed, or named by it ("biweekly"), after
    the typed count itself when it is another one the calculator takes."""
    typed = typed.strip()
    usual = [
        app_commands.Choice(name=f"{n} ({label})", value=n)
        for n, label in PAY_FREQUENCIES
        if str(n).startswith(typed) or _named(n, label, typed)
    ]
    count = int(typed) if typed.isdecimal() and len(typed) <= 3 else 0
    if 1 <= count <= 365 and count not in (c.value for c in usual):
        return [app_commands.Choice(name=f"{count} a year", value=count), *usual]
    return usual


async def setup(bot: RolloverBot) -> None:
    bot.add_dynamic_items(ShowWorking)
    await bot.add_cog(Calculators(bot))
