"""Print the matcher's rates on labelled question files and list every miss.

.venv/bin/python benchmarks/eval_matcher.py [QUESTIONS.yaml ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.evaluation import evaluate, load_questions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [
    ROOT / "tests" / "data" / "public_questions.yaml",
    ROOT / "tests" / "data" / "dev_questions.yaml",
]


def main(paths: list[Path]) -> None:
    kb = KnowledgeBase.load()
    for path in paths:
        if not path.exists():
            print(f"(skipping {path}: not found)")
            continue
        report = evaluate(kb.matcher, load_questions(path))
        print(f"== {path.name}: {report.summary()}")
        for item, result in report.misses:
            got = result.best.id if result.best else "ABSTAIN"
            top = [f"{h.id}:{h.score}" for h in kb.matcher.score_all(item.q)[:3]]
            print(f"  want {item.ids or 'ABSTAIN'} got {got} top={top}\n    {item.q[:150]!r}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT_SETS)
