"""The schedule trade-off chart: taxable earnings and tax for 1, 2, 4, 12, 26 conversions.

Uses matplotlib's object-oriented Figure API with the Agg canvas, never pyplot: pyplot keeps
global state and is not thread-safe, and the async wrapper renders in a worker thread.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable

from calculators.base import NOT_TAX_ADVICE
from calculators.money import ZERO, counted, pct, usd
from calculators.schedule import DEFAULT_COUNTS, ComparisonPoint, ScheduleInput, compare

EARNINGS_COLOR = "#9ab8d8"
EARNINGS_HIGHLIGHT = "#1f5fa8"
TAX_COLOR = "#f2c28f"
TAX_HIGHLIGHT = "#d9720b"


def _dollars(value: float, _pos: object = None) -> str:
    return f"${value:,.0f}" if abs(value) >= 100 else f"${value:,.2f}".replace(".00", "")


def render_schedule_chart(
    inp: ScheduleInput, counts: Iterable[int] = DEFAULT_COUNTS, *, dpi: int = 110
) -> bytes:
    """PNG bytes of the comparison chart; ``inp.conversions`` is highlighted."""
    return _render(inp, chart_points(inp, counts), dpi)


def chart_points(
    inp: ScheduleInput, counts: Iterable[int] = DEFAULT_COUNTS
) -> list[ComparisonPoint]:
    """The bars: ``counts`` plus the user's own conversions and one per paycheck, as the
    text comparison has them (the best choice is often one per paycheck)."""
    return compare(inp, {*counts, inp.conversions, inp.paychecks})


#: Discord's limit on an attachment's description (its alt text).
ALT_TEXT_LIMIT = 1024


def chart_description(inp: ScheduleInput, counts: Iterable[int] = DEFAULT_COUNTS) -> str:
    """The chart in words, for its alt text: a member with a screen reader heard only
    "schedule.png", where the bars compare every schedule and the reply's figures give
    one. Each bar's amount as the chart labels it, the member's own schedule named."""
    points = chart_points(inp, counts)
    tax = f" and estimated tax at {pct(inp.tax_rate)}" if inp.tax_rate is not None else ""
    lines = [
        f"Bar chart of taxable earnings{tax} by number of Roth conversions a year, for "
        f"{usd(inp.annual)} after-tax over {counted(inp.paychecks, 'paycheck')} at a "
        f"{pct(inp.annual_return)} yearly return."
    ]
    for p in points:
        mine = " (your plan)" if p.conversions == inp.conversions else ""
        each = f"{usd(p.taxable_earnings)} taxable"
        if p.estimated_tax is not None:
            each += f", {usd(p.estimated_tax)} tax"
        lines.append(f"{p.conversions} a year{mine}: {each}.")
    if inp.lag_days:
        lines.append(f"Each conversion settles {counted(inp.lag_days, 'day')} after its date.")
    text = " ".join(lines)
    if len(text) <= ALT_TEXT_LIMIT:
        return text
    # (Seven bars at most come to about 500 characters: never met in practice; should it
    # be, whole sentences are kept, no amount cut in two.)
    return text[: text.rfind(". ", 0, ALT_TEXT_LIMIT - 2) + 1] + " …"


async def render_schedule_chart_async(
    inp: ScheduleInput, counts: Iterable[int] = DEFAULT_COUNTS, *, dpi: int = 110
) -> bytes:
    """The same chart rendered in a worker thread, so an event loop is never blocked."""
    return await asyncio.to_thread(render_schedule_chart, inp, tuple(counts), dpi=dpi)


def _render(inp: ScheduleInput, points: list[ComparisonPoint], dpi: int) -> bytes:
    # Imported here: matplotlib takes half a second to import, and only a chart needs it
    # (every command-line call and console start would pay it otherwise).
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(8.8, 5.2), dpi=dpi)
    FigureCanvasAgg(fig)  # the Agg raster canvas, attached explicitly (no pyplot, no GUI)
    # Constrained layout, leaving a strip at the bottom for the footer's two lines.
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0, 0.07, 1, 0.93)))
    ax = fig.add_subplot()
    with_tax = inp.tax_rate is not None
    xs = list(range(len(points)))
    chosen = [p.conversions == inp.conversions for p in points]
    earnings = [float(p.taxable_earnings) for p in points]
    taxes = [float(p.estimated_tax or 0) for p in points]
    width = 0.38 if with_tax else 0.6
    offset = width / 2 if with_tax else 0.0

    bars = ax.bar(
        [x - offset for x in xs],
        earnings,
        width,
        color=[EARNINGS_HIGHLIGHT if c else EARNINGS_COLOR for c in chosen],
        edgecolor="#333333",
        linewidth=[1.6 if c else 0.4 for c in chosen],
    )
    labels = [(bar, p.taxable_earnings) for bar, p in zip(bars, points, strict=True)]
    if with_tax:
        tax_bars = ax.bar(
            [x + offset for x in xs],
            taxes,
            width,
            color=[TAX_HIGHLIGHT if c else TAX_COLOR for c in chosen],
            edgecolor="#333333",
            linewidth=[1.6 if c else 0.4 for c in chosen],
        )
        labels += [(bar, p.estimated_tax or ZERO) for bar, p in zip(tax_bars, points, strict=True)]

    top = max([*earnings, *taxes, 0.0])
    ax.set_ylim(0, top * 1.22 if top > 0 else 1.0)
    for bar, value in labels:
        ax.annotate(
            usd(value),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
    ax.set_xticks(
        xs,
        [
            f"{p.conversions}\nyour plan" if c else str(p.conversions)
            for p, c in zip(points, chosen, strict=True)
        ],
    )
    for tick, c in zip(ax.get_xticklabels(), chosen, strict=True):
        if c:
            tick.set_fontweight("bold")
            tick.set_color(EARNINGS_HIGHLIGHT)
    ax.set_xlabel("Conversions a year (evenly spaced)")
    ax.set_ylabel("US dollars")
    ax.yaxis.set_major_formatter(FuncFormatter(_dollars))
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    handles = [Patch(facecolor=EARNINGS_COLOR, edgecolor="#333333", label="Taxable earnings")]
    if with_tax and inp.tax_rate is not None:
        handles.append(
            Patch(
                facecolor=TAX_COLOR,
                edgecolor="#333333",
                label=f"Estimated tax at {pct(inp.tax_rate)}",
            )
        )
    handles.append(
        Patch(
            facecolor=EARNINGS_HIGHLIGHT,
            edgecolor="#333333",
            linewidth=1.6,
            label=f"Your plan: {inp.conversions} a year (dark bars)",
        )
    )
    ax.legend(handles=handles, loc="upper right", frameon=False)
    if top == 0:
        ax.set_yticks([0])  # dollar ticks on an empty scale would suggest amounts that aren't there
        reason = "a negative return" if inp.annual_return < 0 else "this schedule"
        ax.text(
            0.5, 0.5, f"No taxable earnings with {reason}", transform=ax.transAxes,
            ha="center", va="center", fontsize=11, color="#555555",
        )  # fmt: skip

    ax.set_title(
        f"{usd(inp.annual)} after-tax over {counted(inp.paychecks, 'paycheck')}, "
        f"{pct(inp.annual_return)} yearly return"
        + (f", {pct(inp.tax_rate)} tax rate" if inp.tax_rate is not None else ""),
        fontsize=10,
        color="#444444",
    )
    fig.suptitle("Taxable earnings by number of Roth conversions a year", fontsize=13)
    fig.text(
        # (Two lines: the disclaimer and the model on one ran past the image's edge.)
        0.01, 0.005, f"{NOT_TAX_ADVICE}\nModel: equal paychecks, conversions at j/n of the year"
        + (f", each settling {counted(inp.lag_days, 'day')} later." if inp.lag_days else "."),
        fontsize=7.5, color="#666666", ha="left", va="bottom",
    )  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
