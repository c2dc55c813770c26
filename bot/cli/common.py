"""Helpers shared by CLI subcommands: settings and the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.errors import CliError

if TYPE_CHECKING:
    from bot.settings import Settings
    from knowledge.base import KnowledgeBase


def add_faq_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--faq-dir",
        type=Path,
        metavar="DIR",
        help="folder of FAQ Markdown files (default: the faq_dir setting, else the shipped FAQ)",
    )


def settings() -> Settings:
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise CliError(str(exc)) from None


def faq_dir(args: argparse.Namespace, cfg: Settings) -> Path:
    from knowledge.loader import DEFAULT_FAQ_DIR

    return args.faq_dir or cfg.faq_dir or DEFAULT_FAQ_DIR


def knowledge_base(args: argparse.Namespace) -> KnowledgeBase:
    from knowledge.base import KnowledgeBase
    from knowledge.loader import FaqInvalid

    cfg = settings()
    folder = faq_dir(args, cfg)
    try:
        return KnowledgeBase.load(folder, cfg.matching.tuning())
    except FaqInvalid as exc:
        raise CliError(
            f"the FAQ in {folder} has {len(exc.problems)} problem(s); "
            f"run 'rollover-bot faq validate --faq-dir {folder}' to list them"
        ) from None
