"""A loaded, validated FAQ with its matcher: the object everything else asks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from knowledge.layout import AnswerLayout, layout_entry
from knowledge.loader import DEFAULT_FAQ_DIR, load_entries
from knowledge.matcher import Matcher, MatchResult, MatchTuning
from knowledge.model import FaqEntry


@dataclass(frozen=True)
class KnowledgeBase:
    """Immutable: a reload builds a new one and swaps it in whole."""

    entries: dict[str, FaqEntry]
    matcher: Matcher
    source_dir: Path
    titles: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_entries(
        cls, entries: list[FaqEntry], source_dir: Path, tuning: MatchTuning | None = None
    ) -> KnowledgeBase:
        by_id = {e.id: e for e in entries}
        return cls(
            entries=by_id,
            matcher=Matcher(entries, tuning),
            source_dir=source_dir,
            titles={e.id: e.title for e in entries},
        )

    @classmethod
    def load(cls, faq_dir: Path | None = None, tuning: MatchTuning | None = None) -> KnowledgeBase:
        """Load a folder completely or raise ``FaqInvalid`` listing every problem."""
        folder = Path(faq_dir) if faq_dir is not None else DEFAULT_FAQ_DIR
        return cls.from_entries(load_entries(folder), folder, tuning)

    def get(self, entry_id: str) -> FaqEntry | None:
        return self.entries.get(entry_id)

    def layout(self, entry_id: str) -> AnswerLayout:
        return layout_entry(self.entries[entry_id], self.titles)

    def ask(self, question: str) -> MatchResult:
        return self.matcher.match(question)
