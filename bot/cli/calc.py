"""`rollover-bot calc NAME ...`: the calculators (contract: docs/cli.md).

Each option is parsed with the same functions the Discord commands use
(``calculators.parse``), so every bad value is one ``error:`` line and exit code 2.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import stat
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from bot.cli.common import fitted, json_text
from bot.cli.errors import NO_ROOM, CliError, CliFailure
from calculators import (
    CalcInput,
    CalcResult,
    InputError,
    ScheduleInput,
    parse_amount,
    parse_count,
    parse_int,
    parse_rate,
    render_text,
    schedule,
    supported_years,
)
from calculators.base import MAX_AGE
from calculators.catalog import CALCULATORS
from calculators.chart import render_schedule_chart
from calculators.parse import check_count, parse_per_year, shown
from calculators.room import parse_year
from calculators.schedule import DEFAULT_COUNTS, DEFAULT_LAG_DAYS, MAX_LAG_DAYS
from calculators.split import destination
from knowledge.spares import drop_leftover_spares, held_spare

AMOUNTS = "Amounts: 1000, 1000.5, 1,000.50, $1,000.50, 10k or $1.2k."
RATES = (
    "Rates: 0.24, 24% or 24 all mean 24% (without %, a number below 1 is a fraction; 1 is "
    "ambiguous)."
)
# argparse normally treats "-5,000", "-$5", "-5%", a slip like "-+5" or "-inf" as unknown
# options ("expected one argument"); matching them as values lets our parser say exactly
# what is wrong with them. (No option of these calculators starts with -i or -n.)
_NEGATIVE_VALUE = re.compile(r"^-(?:[0-9.$,+]|(?i:inf|nan))")


def _arg(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Wrap a parser so argparse reports InputError as 'argument --x: <message>'."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__
    return convert


amount = _arg(parse_amount)
signed_amount = _arg(lambda text: parse_amount(text, allow_negative=True))
rate = _arg(parse_rate)
signed_rate = _arg(lambda text: parse_rate(text, allow_negative=True))
count = _arg(parse_per_year)
# (The range is checked here too, so "--age 131" is an "argument --age:" error like "--age
# -3", with the help pointer, rather than the calculator's plainer one.)
age = _arg(lambda text: check_count(parse_int(text, like="55"), minimum=0, maximum=MAX_AGE))
lag_days = _arg(lambda text: parse_count(text, minimum=0, maximum=MAX_LAG_DAYS))


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "calc",
        help="run a calculator (split, prorata, form8606, room, schedule)",
        description="Exact, explained answers about after-tax 401(k) money. "
        "Every calculator prints its worked example, or one JSON object with --json.",
    )
    names = parser.add_subparsers(dest="calculator", metavar="NAME", parser_class=type(parser))
    parser.set_defaults(handler=_no_calculator)
    for add in (_add_split, _add_prorata, _add_form8606, _add_room, _add_schedule):
        child = add(names)
        child._negative_number_matcher = _NEGATIVE_VALUE  # type: ignore[attr-defined]
        child.add_argument("--json", action="store_true", help="print one JSON object")


def _no_calculator(_args: argparse.Namespace) -> int:
    raise CliError("choose a calculator: split, prorata, form8606, room or schedule")


def _sub(names: argparse._SubParsersAction, name: str, help_: str, epilog: str) -> Any:
    return names.add_parser(
        name,
        help=help_,
        description=help_,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_split(names: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = _sub(
        names,
        "split",
        "where a rollover of the whole after-tax account goes, what is taxable, the 1099-R",
        f"{AMOUNTS}\n{RATES}\n"
        "A market loss is a negative --earnings (e.g. --earnings -50): nothing is taxable\n"
        "and the nontaxable share is capped at 100% of what is distributed.\n"
        "Example: rollover-bot calc split --basis 1000 --earnings 5",
    )
    p.add_argument(
        "--basis", metavar="AMOUNT", type=amount, required=True, help="after-tax contributions"
    )
    p.add_argument(
        "--earnings",
        metavar="AMOUNT",
        type=signed_amount,
        required=True,
        help="their earnings (negative: a loss)",
    )
    p.add_argument(
        "--earnings-to",
        type=destination,  # ("trad", "traditional_ira": the choice; others refused by name)
        choices=("roth", "traditional"),
        default="roth",
        help="where the earnings go (default: roth, taxable now)",
    )
    p.add_argument(
        "--tax-rate", metavar="RATE", type=rate, help="tax rate for an estimate, e.g. 24%%"
    )
    p.set_defaults(handler=_run)
    return p


def _add_prorata(names: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = _sub(
        names,
        "prorata",
        "the taxable and nontaxable parts of a partial distribution of the account",
        f"{AMOUNTS}\n"
        "nontaxable = amount x basis / (basis + earnings), to the cent; taxable = the rest.\n"
        "A negative --earnings (a loss) makes the whole amount nontaxable (ratio capped at 1).\n"
        "Example (IRS): rollover-bot calc prorata --basis 20000 --earnings 80000 --amount 50000",
    )
    p.add_argument(
        "--basis", metavar="AMOUNT", type=amount, required=True, help="the account's after-tax part"
    )
    p.add_argument(
        "--earnings",
        metavar="AMOUNT",
        type=signed_amount,
        required=True,
        help="the account's earnings / pretax part (negative: a loss)",
    )
    p.add_argument(
        "--amount", metavar="AMOUNT", type=amount, required=True, help="amount distributed"
    )
    p.set_defaults(handler=_run)
    return p


def _add_form8606(names: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = _sub(
        names,
        "form8606",
        "Form 8606 Parts I-II line by line for a backdoor Roth (the IRA pro-rata rule)",
        f"{AMOUNTS}\n"
        "Line 10 is rounded to 3 places and capped at 1.000; with no distribution and no\n"
        "conversion, line 14 = line 3 and the rest of Parts I-II is skipped (null in JSON).\n"
        "Example: rollover-bot calc form8606 --contribution 7000 --year-end-balance 0 "
        "--converted 7000",
    )
    p.add_argument(
        "--contribution",
        metavar="AMOUNT",
        type=amount,
        required=True,
        help="line 1: nondeductible contributions",
    )
    p.add_argument(
        "--prior-basis",
        metavar="AMOUNT",
        type=amount,
        default=Decimal(0),
        help="line 2: basis from earlier years",
    )
    p.add_argument(
        "--late-contribution",
        metavar="AMOUNT",
        type=amount,
        default=Decimal(0),
        help="line 4: part of line 1 made from Jan 1 of next year to the due date",
    )
    p.add_argument(
        "--deductible",
        metavar="AMOUNT",
        type=amount,
        default=None,
        help="this year's deducted traditional IRA contributions, on top of --contribution "
        "(not part of it: $2,000 contributed, $1,500 deducted is --contribution 500 "
        "--deductible 1500); above 0 with a distribution or conversion, Pub 590-B Worksheet "
        "1-1 is figured, and used unless its nontaxable part is more than Form 8606 line 5",
    )
    p.add_argument(
        "--year-end-balance",
        metavar="AMOUNT",
        type=amount,
        required=True,
        # (The form's "taking into account" a late recharacterization: one out of a
        # traditional IRA comes off. "plus" told an operator to add it.)
        help="line 6: Dec 31 value of all traditional, SEP and SIMPLE IRAs plus outstanding "
        "IRA-to-IRA rollovers (not Roth or inherited IRAs), taking into account a "
        "recharacterization of the year's contributions completed after Dec 31 (one into a "
        "traditional IRA adds to it, one out of it takes off)",
    )
    p.add_argument(
        "--distributions",
        metavar="AMOUNT",
        type=amount,
        default=Decimal(0),
        help="line 7: distributions, not counting rollovers, QCDs, one-time HSA funding, "
        "conversions, recharacterizations or returned contributions",
    )
    p.add_argument(
        "--converted",
        metavar="AMOUNT",
        type=amount,
        default=Decimal(0),
        help="line 8: amount converted to Roth",
    )
    p.set_defaults(handler=_run)
    return p


def _add_room(names: argparse._SubParsersAction) -> argparse.ArgumentParser:
    years = ", ".join(str(y) for y in supported_years())
    year = _arg(parse_year)
    p = _sub(
        names,
        "room",
        "after-tax contribution space left under the 415(c) annual additions limit",
        f"{AMOUNTS}\nSupported years: {years}.\n"
        "Deferrals above the 402(g) limit count as catch-up (age 50+, or the 60-63 tier,\n"
        "which replaces it where the year has it) and are left out of the 415(c) total.\n"
        "Example: rollover-bot calc room --year 2025 --deferrals 23500 --employer 10000",
    )
    p.add_argument("--year", metavar="YEAR", type=year, required=True, help=f"plan year ({years})")
    p.add_argument(
        "--deferrals",
        metavar="AMOUNT",
        type=amount,
        required=True,
        help="your elective deferrals (pretax + Roth) to this employer's plans, including "
        "catch-up (415(c) is per employer)",
    )
    p.add_argument(
        "--employer",
        metavar="AMOUNT",
        type=amount,
        required=True,
        help="employer contributions (match etc.)",
    )
    p.add_argument(
        "--age",
        metavar="AGE",
        type=age,
        help="age attained by December 31 of the year (default: under 50)",
    )
    p.add_argument(
        "--compensation",
        metavar="AMOUNT",
        type=amount,
        help="415 compensation; caps the limit at 100%% of pay",
    )
    p.set_defaults(handler=_run)
    return p


def _add_schedule(names: argparse._SubParsersAction) -> argparse.ArgumentParser:
    shown = ", ".join(str(n) for n in DEFAULT_COUNTS)
    p = _sub(
        names,
        "schedule",
        "taxable earnings for a number of after-tax-to-Roth conversions a year",
        f"{AMOUNTS}\n{RATES}\n"
        "Model: equal contributions at t = k/paychecks; a conversion dated t = j/conversions\n"
        "converts the balance as of that date, which keeps growing until it settles --lag-days\n"
        "later (contributions made meanwhile wait for the next one); growth (1 + return)^dt\n"
        "between events. A negative --return\n"
        "(e.g. -10%) is a loss: conversions then carry no taxable earnings.\n"
        f"The result compares {shown} conversions a year, your --conversions and one per\n"
        "paycheck. No chart is drawn unless --chart is given.\n"
        "Example: rollover-bot calc schedule --annual 7000 --paychecks 26 --conversions 4 "
        "--return 8% --tax-rate 24% --chart schedule.png",
    )
    p.add_argument(
        "--annual",
        metavar="AMOUNT",
        type=amount,
        required=True,
        help="after-tax contributions a year",
    )
    p.add_argument(
        "--paychecks", metavar="N", type=count, required=True, help="paychecks a year (1-365)"
    )
    p.add_argument(
        "--conversions", metavar="N", type=count, required=True, help="conversions a year (1-365)"
    )
    p.add_argument(
        "--return",
        metavar="RATE",
        dest="annual_return",
        type=signed_rate,
        required=True,
        help="yearly return, e.g. 8%% (a loss: -10%%)",
    )
    p.add_argument(
        "--tax-rate", metavar="RATE", type=rate, help="tax rate for an estimate, e.g. 24%%"
    )
    p.add_argument(
        "--lag-days",
        metavar="N",
        type=lag_days,
        default=DEFAULT_LAG_DAYS,
        help=f"days a conversion takes to settle after its date, 0-{MAX_LAG_DAYS} (default "
        f"{DEFAULT_LAG_DAYS}: on its date; plans often take a few business days)",
    )
    p.add_argument(
        "--chart",
        type=chart_path,
        metavar="PATH",
        help=f"write a PNG chart comparing {shown} conversions a year (and yours, and one per "
        "paycheck) to PATH; "
        "by default no chart is written; an existing file is replaced only if it is a PNG",
    )
    p.set_defaults(handler=_run_schedule)
    return p


def _build(model: type[Any], **values: Any) -> Any:
    """The input model, with cross-field problems turned into one-line CLI errors."""
    try:
        return model(**values)
    except InputError as exc:
        raise CliError(str(exc)) from None


def _calculate(fn: Callable[[Any], CalcResult], inp: Any) -> CalcResult:
    try:
        return fn(inp)
    except InputError as exc:  # e.g. an unsupported year, deferrals above limit + catch-up
        raise CliError(str(exc)) from None


def _emit(args: argparse.Namespace, result: CalcResult, **extra: Any) -> int:
    if args.json:
        print(json_text({**result.to_json(), **extra}))
    else:
        print(fitted(lambda width: render_text(result, width)))
    return 0


def _input(args: argparse.Namespace) -> CalcInput:
    """The calculator's input from the options, which are named like its fields."""
    calc = CALCULATORS[args.calculator]
    return _build(calc.model, **{name: getattr(args, name) for name in calc.params})


def _run(args: argparse.Namespace) -> int:
    return _emit(args, _calculate(CALCULATORS[args.calculator].run, _input(args)))


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chart_path(text: str) -> Path:
    """A file to write the chart to: not "-" (an image cannot go to standard output with
    the text; it became a file named "-") and not empty (the current folder)."""
    if text.strip() in {"", "-"}:
        what = "'-' (standard output)" if text.strip() else "an empty name"
        raise argparse.ArgumentTypeError(
            f"{what} is not a file the chart can be written to; give a file name, e.g. "
            "--chart schedule.png"
        )
    if Path(text).suffix.casefold() not in {"", ".png"}:
        # (The chart is a PNG whatever the name: "--chart x.jpg" wrote one that a viewer
        # going by the name then could not open.)
        raise argparse.ArgumentTypeError(
            f"{shown(text)} does not end in .png, and the chart is a PNG image; give a name "
            "ending in .png, e.g. --chart schedule.png"
        )
    from bot.settings import from_home

    # '~/chart.png' in the home folder, as --faq-dir and --db read it: no shell expands
    # '--chart=~/chart.png', and it was "cannot write the chart ...: No such file".
    return from_home(Path(text))


def _not_a_chart(path: Path) -> str | None:
    """Why the chart must not go to ``path``: it would replace a file that is not an image
    (``--chart notes.md`` must not cost the notes). An earlier chart may be replaced:
    running the same command again updates it."""
    try:
        # (Only a regular file with content is read: an empty one has nothing to lose, and
        # reading a named pipe or device, such as /dev/stdout, could wait for ever.)
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as existing:
            head = existing.read(len(_PNG_SIGNATURE))
    except OSError:  # unreadable: writing says what is wrong
        return None
    if head == _PNG_SIGNATURE:
        return None
    return (
        f"{path} already exists and is not a PNG image, so the chart would replace it; "
        "give a new file name, e.g. --chart schedule.png"
    )


def _is_stdout(path: Path) -> bool:
    """Whether ``path`` is standard output by another name (/dev/stdout, or the file it is
    redirected to): the PNG's bytes went into the output, the text or JSON after them."""
    try:
        out = os.fstat(sys.stdout.fileno())
        return os.path.samestat(out, path.stat()) and not os.path.samefile(path, os.devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False  # (no such file yet, or no file behind standard output)


def _write_chart(path: Path, png: bytes) -> None:
    """``png`` at ``path``, whole or not at all: written to a new file beside it and put in
    its place once whole (os.replace), so a full disk leaves an earlier chart as it was, not
    cut short into a broken PNG. What cannot be replaced so is written directly: a device
    or pipe (/dev/null, /dev/full), and a file in a folder where no file can be made."""
    target = Path(os.path.realpath(path))  # (a symbolic link stays one: its file is replaced)
    try:
        mode: int | None = target.stat().st_mode
    except OSError:
        mode = None  # (no file yet: made as any new file is, under the umask)
    if mode is not None and not stat.S_ISREG(mode):
        path.write_bytes(png)
        return
    try:
        spare, fd = held_spare(target)
    except PermissionError:
        if mode is None:
            raise
        path.write_bytes(png)  # (a writable chart in a folder that is not: as before)
        return
    try:
        with os.fdopen(fd, "wb") as out:
            if mode is not None:
                os.fchmod(out.fileno(), stat.S_IMODE(mode))  # (the chart's permissions kept)
            out.write(png)
            out.flush()
            os.fsync(out.fileno())  # (a disk may say it is full only here)
            os.replace(spare, target)  # (still held: no other write takes it for a leftover)
    except BaseException:
        spare.unlink(missing_ok=True)
        raise
    drop_leftover_spares(target)


def _run_schedule(args: argparse.Namespace) -> int:
    inp = _input(args)
    result = _calculate(schedule, inp)
    chart: str | None = None
    if args.chart is not None:
        if _is_stdout(args.chart):
            raise CliError(
                f"{args.chart} is standard output, where the result goes, so the chart would "
                "garble it; give a file name, e.g. --chart schedule.png"
            )
        if problem := _not_a_chart(args.chart):
            raise CliError(problem)
        png = render_schedule_chart(cast(ScheduleInput, inp))
        try:
            _write_chart(args.chart, png)
        except OSError as exc:
            if exc.errno in NO_ROOM:  # (the machine's failure, not the path's: exit 1)
                raise CliFailure(
                    f"cannot write the chart to {args.chart}: {exc.strerror}"
                ) from None
            raise CliError(
                f"cannot write the chart to {args.chart}: {exc.strerror or exc}; "
                "give a file path in a folder you can write to, e.g. --chart schedule.png"
            ) from None
        chart = str(args.chart)
    if args.json:
        return _emit(args, result, chart=chart)
    _emit(args, result)
    if chart:
        print(f"\nChart written to {chart}.")
    else:
        print("\nAdd --chart schedule.png to save a chart of this comparison.")
    return 0
