"""Helpers shared by CLI subcommands: settings and the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.cli.errors import CliError
from bot.settings import Settings, SettingsError, load_settings
from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_FAQ_DIR, FaqInvalid


def add_faq_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--faq-dir",
        type=Path,
        metavar="DIR",
        help="folder of FAQ Markdown files (default: the faq_dir setting, else the shipped FAQ)",
    )


def settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        raise CliError(str(exc)) from None


def faq_dir(args: argparse.Namespace, cfg: Settings) -> Path:
    return args.faq_dir or cfg.faq_dir or DEFAULT_FAQ_DIR


def knowledge_base(args: argparse.Namespace) -> KnowledgeBase:
    cfg = settings()
    folder = faq_dir(args, cfg)
    try:
        return KnowledgeBase.load(folder, cfg.matching.tuning())
    except FaqInvalid as exc:
        raise CliError(
            f"the FAQ in {folder} has {len(exc.problems)} problem(s); "
            f"run 'rollover-bot faq validate --faq-dir {folder}' to list them"
        ) from None
