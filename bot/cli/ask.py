"""`rollover-bot ask`: answer a question from the FAQ."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("ask", help="answer a question from the FAQ")
    parser.set_defaults(handler=lambda args: 0)
