"""`rollover-bot calc ...`: the calculators (issue 3)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calc", help="run a calculator")
    parser.set_defaults(handler=lambda args: parser.print_help() or 0)
