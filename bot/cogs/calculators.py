"""Calculator slash commands: thin translations to ``calculators`` and back to embeds."""

from __future__ import annotations

import io
import logging
from typing import cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import RolloverBot
from bot.cogs.errors import UserInputProblem
from bot.embeds import calc_embed, neutralize
from bot.limits import per_user, user_key
from bot.replies import NO_PINGS
from calculators import CalcInput, CalcResult, InputError, ScheduleInput, supported_years
from calculators.catalog import CALCULATORS
from calculators.chart import render_schedule_chart_async

log = logging.getLogger(__name__)
Amount = app_commands.Range[str, 1, 32]
Rate = app_commands.Range[str, 1, 16]

AMOUNT_HELP = "dollars, e.g. 1000 or $1,000.50"
PRIVATE_HELP = "Only you see the result (default: everyone in the channel)"


def _build(name: str, **values: object) -> CalcInput:
    given = {k: str(v) for k, v in values.items() if v is not None}
    try:
        return CALCULATORS[name].build([], given)
    except InputError as exc:
        raise UserInputProblem(
            f"{neutralize(str(exc))}. Example: {CALCULATORS[name].example}"
        ) from None


def _run(name: str, inp: CalcInput) -> CalcResult:
    try:
        return CALCULATORS[name].run(inp)
    except InputError as exc:
        raise UserInputProblem(
            f"{neutralize(str(exc))}. Example: {CALCULATORS[name].example}"
        ) from None


async def _reply(interaction: discord.Interaction, result: CalcResult, private: bool) -> None:
    await interaction.response.send_message(
        embed=calc_embed(result), ephemeral=private, allowed_mentions=NO_PINGS
    )


class Calculators(commands.Cog):
    def __init__(self, bot: RolloverBot) -> None:
        self.bot = bot

    @app_commands.checks.dynamic_cooldown(per_user("calc_per_minute"), key=user_key)
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
        await _reply(interaction, _run("split", inp), private)

    @app_commands.checks.dynamic_cooldown(per_user("calc_per_minute"), key=user_key)
    @app_commands.command(
        name="prorata",
        description="Taxable share of a partial distribution from the after-tax account",
    )
    @app_commands.describe(
        basis=f"After-tax contributions in the account ({AMOUNT_HELP})",
        earnings=f"Earnings in the account ({AMOUNT_HELP})",
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
        await _reply(interaction, _run("prorata", inp), private)

    @app_commands.checks.dynamic_cooldown(per_user("calc_per_minute"), key=user_key)
    @app_commands.command(
        name="form8606",
        description="Form 8606 for a backdoor Roth: the IRA pro-rata rule, line by line",
    )
    @app_commands.describe(
        contribution=f"Nondeductible IRA contribution for the year, line 1 ({AMOUNT_HELP})",
        year_end_balance="Dec 31 value of all traditional, SEP and SIMPLE IRAs, line 6",
        converted=f"Amount converted to Roth this year, line 8 ({AMOUNT_HELP})",
        prior_basis=f"Basis from earlier years, line 2 ({AMOUNT_HELP})",
        distributions="IRA distributions this year, not rollovers or conversions, line 7",
        late_contribution="Part of line 1 contributed next year before the due date, line 4",
        deductible="Part of this year's IRA contribution you deduct (uses Worksheet 1-1)",
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
        await _reply(interaction, _run("form8606", inp), private)

    @app_commands.checks.dynamic_cooldown(per_user("calc_per_minute"), key=user_key)
    @app_commands.command(
        name="room", description="After-tax room left under the 415(c) annual additions limit"
    )
    @app_commands.describe(
        year="Plan year",
        deferrals=f"Your pretax + Roth deferrals for the year ({AMOUNT_HELP})",
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
        age: app_commands.Range[int, 14, 120] | None = None,
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
        await _reply(interaction, _run("room", inp), private)

    @app_commands.checks.dynamic_cooldown(per_user("calc_per_minute"), key=user_key)
    @app_commands.command(
        name="schedule", description="Taxable earnings for 1 to 26 conversions a year, with a chart"
    )
    @app_commands.describe(
        annual=f"After-tax contributions for the year ({AMOUNT_HELP})",
        paychecks="Paychecks a year",
        conversions="Conversions or in-service withdrawals a year",
        annual_return="Expected yearly return, e.g. 7%",
        tax_rate="Your marginal rate for an estimate, e.g. 24%",
        lag_days="Days your plan takes to process a conversion (default 3)",
        private=PRIVATE_HELP,
    )
    @app_commands.choices(
        paychecks=[
            app_commands.Choice(name=f"{n} ({label})", value=n)
            for n, label in (
                (12, "monthly"),
                (24, "twice a month"),
                (26, "every two weeks"),
                (52, "weekly"),
            )
        ]
    )
    async def schedule_command(
        self,
        interaction: discord.Interaction,
        annual: Amount,
        paychecks: int,
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
        # The chart takes a moment to draw (in a worker thread): acknowledge first.
        await interaction.response.defer(thinking=True, ephemeral=private)
        png = await render_schedule_chart_async(cast(ScheduleInput, inp))
        await interaction.followup.send(
            embed=calc_embed(result, image="schedule.png"),
            file=discord.File(io.BytesIO(png), filename="schedule.png"),
            ephemeral=private,
            allowed_mentions=NO_PINGS,
        )


async def setup(bot: RolloverBot) -> None:
    await bot.add_cog(Calculators(bot))
