"""`rollover-bot faq`: validate and list the FAQ files."""

from __future__ import annotations

import argparse
import json

from bot.cli.common import add_faq_dir, faq_dir, knowledge_base, settings
from knowledge.loader import read_entries


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("faq", help="validate or list the FAQ entries")
    faq_sub = parser.add_subparsers(dest="faq_command", metavar="ACTION", required=True)

    validate = faq_sub.add_parser("validate", help="check every FAQ file; exit 1 on problems")
    add_faq_dir(validate)
    validate.set_defaults(handler=handle_validate)

    listing = faq_sub.add_parser("list", help="id and title of every entry")
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    add_faq_dir(listing)
    listing.set_defaults(handler=handle_list)


def handle_validate(args: argparse.Namespace) -> int:
    folder = faq_dir(args, settings())
    entries, problems = read_entries(folder)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"ok: {len(entries)} FAQ entries in {folder} are valid")
    return 0


def handle_list(args: argparse.Namespace) -> int:
    kb = knowledge_base(args)
    rows = [{"id": e.id, "title": e.title} for e in kb.entries.values()]
    if args.json:
        print(json.dumps({"entries": rows}, ensure_ascii=False))
    else:
        width = max((len(r["id"]) for r in rows), default=0)
        for row in rows:
            print(f"{row['id']:<{width}}  {row['title']}")
    return 0
