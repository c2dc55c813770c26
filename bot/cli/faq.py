"""`rollover-bot faq`: validate and list the FAQ files."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("faq", help="validate or list the FAQ entries")
    parser.set_defaults(handler=lambda args: 0)
