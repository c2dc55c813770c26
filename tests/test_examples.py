"""Example questions: the files moderators edit, what the matcher learns from them, and
what happens when one is broken."""

from __future__ import annotations

import gc
import json
import shutil
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from knowledge.base import KnowledgeBase, validate_folder
from knowledge.loader import DEFAULT_FAQ_DIR, FaqInvalid
from knowledge.matcher import Matcher
from knowledge.ranker import MAX_TRAINING_QUESTIONS
from knowledge.tuning import MatchTuning

LEARNED = "is moving the spillover bucket into roth allowed"
TAUGHT = (
    '- text: "Our plan has a spillover bucket, can I get it into my Roth?"\n'
    '- text: "What is a spillover bucket in a 401k and can it go to Roth?"\n'
)


@pytest.fixture
def faq_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "faq"
    shutil.copytree(DEFAULT_FAQ_DIR, folder, ignore=shutil.ignore_patterns(".backups"))
    return folder


def test_shipped_examples_are_valid_and_name_real_entries(kb: KnowledgeBase) -> None:
    scan, examples = validate_folder(DEFAULT_FAQ_DIR)
    assert not scan.problems
    assert len(examples) >= 600
    assert {i for e in examples for i in e.ids} <= set(kb.entries)
    assert any(e.off_topic for e in examples)
    # every entry has questions to learn from
    assert {e.ids[0] for e in examples if e.ids} == set(kb.entries)


def test_a_question_both_off_topic_and_filed_is_told_in_both_files(faq_copy: Path) -> None:
    """A question added to the off-topic file that an entry's file already holds was told
    only in the entry's file, which the moderator had not touched (the off-topic file is
    first by name, so it was never the one told)."""
    examples = faq_copy / "examples"
    lines = {}
    for name in ("notice-2014-54.yaml", "_off-topic.yaml"):
        path = examples / name
        path.write_text(path.read_text() + "- text: Is a spillover bucket a separate thing?\n")
        lines[name] = path.read_text().count("\n")
    filed, off_topic = examples / "notice-2014-54.yaml", examples / "_off-topic.yaml"
    off_line, filed_line = lines["_off-topic.yaml"], lines["notice-2014-54.yaml"]
    scan, _ = validate_folder(faq_copy)
    assert sorted((Path(p.path).name, p.line, p.message) for p in scan.problems) == [
        (
            "_off-topic.yaml",
            off_line,
            f"the same question is off-topic here and filed under an entry in {filed}:"
            f"{filed_line}: keep one",
        ),
        (
            "notice-2014-54.yaml",
            filed_line,
            f"the same question is filed here and off-topic in {off_topic}:{off_line}: keep one",
        ),
    ]


def test_an_example_worded_as_another_entrys_title_is_a_notice(faq_copy: Path) -> None:
    """An example decides what its very words get, so one worded as another entry's title
    or alias takes that phrasing from its entry: validation says so (a notice: the folder
    still loads), and says nothing of an example worded as its own entry's alias."""
    overview = KnowledgeBase.load(faq_copy).entries["mega-backdoor-overview"]
    examples = faq_copy / "examples" / "form-1099r-reporting.yaml"
    with examples.open("a") as f:
        f.write(f"- text: {overview.title.upper()}\n")  # (case aside, the same words)
    own = faq_copy / "examples" / "mega-backdoor-overview.yaml"
    with own.open("a") as f:
        f.write(f"- text: {overview.aliases[0]}\n")
    scan, _ = validate_folder(faq_copy)
    assert not scan.problems
    clashes = [n for n in scan.notices if "word for word" in n.message]
    assert [(n.path, n.message[:60]) for n in clashes] == [
        (str(examples), "these words are the title of 'mega-backdoor-overview', but a")
    ]
    assert "get 'form-1099r-reporting'" in clashes[0].message


def test_an_example_added_to_a_file_is_learned_at_load(faq_copy: Path) -> None:
    before = KnowledgeBase.load(faq_copy).ask(LEARNED)
    assert not before.answered
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write(TAUGHT)
    after = KnowledgeBase.load(faq_copy).ask(LEARNED)
    assert after.answered and after.best is not None
    assert after.best.id == "mega-backdoor-overview"


def test_a_question_taught_word_for_word_is_answered_with_its_entry(faq_copy: Path) -> None:
    """What a moderator taught (the review queue writes the question itself to the file) is
    answered next time even when the learned score stays under the answer threshold (here
    a threshold no score reaches, so only the rule can answer)."""
    # (Not "the spillover bucket", nor "is moving the spillover into roth allowed": with the
    # sentence embeddings, and since the ridge's kernel holds their likeness too, those
    # taught questions score 100.0, and the test needs one the threshold of 100 leaves to
    # the rule. This one scores 99.91.)
    asked = "roth spillover ok?"
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write(f"- text: {asked}\n")
    kb = KnowledgeBase.load(faq_copy)
    strict = Matcher(
        list(kb.entries.values()), MatchTuning(answer_threshold=100.0), kb.matcher.space.examples
    )
    exact = strict.match("  Roth  spillover OK?\n")
    assert exact.best is not None and exact.best.score < 100.0
    assert exact.answered and exact.best.id == "mega-backdoor-overview" and not exact.shaky
    # typed on a phone, with a curly apostrophe, it is the same question
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write("- text: what's the spillover bucket's move to roth\n")
    kb = KnowledgeBase.load(faq_copy)
    strict = Matcher(
        list(kb.entries.values()), MatchTuning(answer_threshold=100.0), kb.matcher.space.examples
    )
    assert strict.match("What\u2019s the spillover bucket\u2019s move to Roth?").answered
    # only word for word: a different phrasing of it is not answered
    other = strict.match("is moving spillover into a roth ira allowed")
    assert not other.answered and other.suggestions[0].id == "mega-backdoor-overview"


def test_a_question_taught_off_topic_word_for_word_is_left_alone(faq_copy: Path) -> None:
    """A moderator who marks a question off-topic (the review queue's "Off-topic") means the
    bot should leave it alone next time, however well it scores for an entry."""
    asked = "what is the mega backdoor"
    before = KnowledgeBase.load(faq_copy).ask(asked)
    assert before.answered  # (a reply would have been seen)
    with (faq_copy / "examples" / "_off-topic.yaml").open("a") as f:
        f.write(f"- text: {asked}\n")
    kb = KnowledgeBase.load(faq_copy)
    for said in (asked, "  What is the MEGA backdoor?\n"):
        after = kb.ask(said)
        assert not after.answered and after.suggestions == (), said
    # only word for word: the same words in a longer question are still matched
    longer = kb.ask("what is the mega backdoor roth and how does it work")
    assert longer.answered or longer.suggestions


def test_written_examples_teach_but_do_not_fit_the_scores(
    kb: KnowledgeBase, faq_copy: Path
) -> None:
    """Posts written in bulk for the project (``written: true``) are neighbours and ridge
    rows like any example, but the ranker's scores are fitted on the other examples."""
    examples = kb.matcher.space.examples
    written = {j for j, e in enumerate(examples) if e.written}
    assert len(written) >= 500 and len(examples) - len(written) >= 500
    fitted = set(kb.matcher.space.training_questions().tolist())
    assert fitted and not fitted & written
    assert kb.matcher.ranker.trained_on == min(len(examples) - len(written), 1000)
    # still evidence: written phrasings of a new idea lift its entry to the top
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write(TAUGHT.replace('"\n', '"\n  written: true\n'))
    taught = KnowledgeBase.load(faq_copy)
    assert sum(e.written for e in taught.matcher.space.examples) == len(written) + 2
    hits = taught.matcher.score_all(LEARNED)
    assert hits and hits[0].id == "mega-backdoor-overview"
    # and a FAQ whose examples are all written still trains on them
    alone = Matcher(list(kb.entries.values()), kb.matcher.tuning, [examples[j] for j in written])
    assert alone.ranker.trained_on == len(written)


ASKED = (
    "My 1099-R has code G, is that right?",
    "Can I send the earnings to a traditional IRA and the after-tax basis to my Roth IRA?",
    "how much can I put in after-tax this year?",
    "HSA contribution limit for a family in 2026?",
)


def _asked(kb: KnowledgeBase) -> list[tuple[bool, str | None, float | None, list[str]]]:
    results = [kb.ask(q) for q in ASKED]
    return [
        (r.answered, r.best and r.best.id, r.best and r.best.score, [s.id for s in r.suggestions])
        for r in results
    ]


def test_too_few_example_questions_match_by_wording_and_validate_says_so(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A handful of examples would fit the ranker's twenty-odd weights to themselves: its
    scores read 99 for anything near them (real posts answered wrongly 10% of the time
    with 20 examples). Below the minimum the FAQ answers as one without examples, and
    `faq validate` says why; from the minimum on, the ranker learns."""
    from knowledge.examples import MIN_TRAINING_QUESTIONS

    kept = ("backdoor-roth-ira.yaml", "backdoor-roth-pro-rata-impact.yaml")
    shipped = {name: (faq_copy / "examples" / name).read_text() for name in kept}
    shutil.rmtree(faq_copy / "examples")
    (faq_copy / "examples").mkdir()
    bare = _asked(KnowledgeBase.load(faq_copy))
    (faq_copy / "examples" / "form-1099r-reporting.yaml").write_text(
        '- text: "What codes will my 1099-R show after the rollover?"\n'
    )
    (faq_copy / "examples" / "mega-backdoor-overview.yaml").write_text(
        '- text: "How does the mega backdoor Roth work with my 401k?"\n'
    )
    few = KnowledgeBase.load(faq_copy)
    assert _asked(few) == bare
    assert few.matcher.ranker.trained_on == 0
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{faq_copy / 'examples'}:0: notice: 2 example questions to learn from, fewer than "
        f"the {MIN_TRAINING_QUESTIONS} the matcher needs" in out
    )
    # enough of them (two entries' real questions, about 100): learned, and no notice
    for name, text in shipped.items():
        (faq_copy / "examples" / name).write_text(text)
    read = KnowledgeBase.load(faq_copy)
    assert read.matcher.ranker.trained_on >= MIN_TRAINING_QUESTIONS
    assert _asked(read) != bare
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "to learn from" not in capsys.readouterr().out


def test_examples_without_off_topic_ones_learn_no_silence_and_validate_says_so(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A FAQ whose examples file only questions it answers (no _off-topic.yaml) learns no
    off-topic verdict: on our real held-out posts the shipped FAQ without its off-topic file
    replied under 98% of the off-topic ones. Nothing said so; `faq validate` does, until
    the file holds a question."""
    examples = faq_copy / "examples"
    off_topic = examples / "_off-topic.yaml"
    kept = off_topic.read_text()
    off_topic.unlink()
    alone = KnowledgeBase.load(faq_copy)
    assert alone.matcher.ranker.trained_on >= 60  # (fitted: not the too-few notice's case)
    assert alone.ask("HSA or 529 plan for my kid, which first?").off_topic is None
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    out = capsys.readouterr().out
    assert f"{off_topic}:0: notice: no off-topic example questions" in out
    off_topic.write_text(kept)
    assert KnowledgeBase.load(faq_copy).ask("HSA or 529 plan for my kid, which first?").off_topic
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "no off-topic example" not in capsys.readouterr().out


def test_off_topic_examples_alone_teach_nothing_and_validate_says_so(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A new FAQ seeded with the shipped off-topic file (HSAs, 529s: off any server's topic)
    holds hundreds of example questions, but none names an entry: the ranker has no right
    answer to learn from and is not fitted, so questions are matched by their wording
    alone and no off-topic verdict is learned. `faq validate` gave no notice, as though the
    matcher learned from them; it says so, and stops once an entry has examples too."""
    examples = faq_copy / "examples"
    kept = faq_copy.parent / "kept"
    shutil.move(examples, kept)
    examples.mkdir()
    bare = _asked(KnowledgeBase.load(faq_copy))
    shutil.copy(kept / "_off-topic.yaml", examples)
    alone = KnowledgeBase.load(faq_copy)
    assert _asked(alone) == bare
    assert alone.ask("HSA or 529 plan for my kid, which first?").off_topic is None
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    out = capsys.readouterr().out
    assert f"{examples}:0: notice: the " in out
    assert "example questions to learn from are all off-topic" in out
    # one entry's real questions beside them: learned, and no notice
    shutil.copy(kept / "backdoor-roth-ira.yaml", examples)
    learned = KnowledgeBase.load(faq_copy)
    assert learned.ask("HSA or 529 plan for my kid, which first?").off_topic is not None
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "to learn from" not in capsys.readouterr().out


def test_a_few_real_questions_beside_many_written_ones_do_not_stop_the_learning(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real questions are fitted on alone only when there are enough of them: a FAQ
    written in bulk that gains its first few real questions goes on learning, on both."""
    from knowledge.examples import MIN_TRAINING_QUESTIONS

    shutil.rmtree(faq_copy / "examples")
    (faq_copy / "examples").mkdir()
    written = [
        f'- text: "a written question on splitting basis and earnings, number {n}"\n'
        "  written: true\n"
        for n in range(MIN_TRAINING_QUESTIONS)
    ]
    (faq_copy / "examples" / "split-earnings-to-traditional-ira.yaml").write_text("".join(written))
    assert KnowledgeBase.load(faq_copy).matcher.ranker.trained_on == MIN_TRAINING_QUESTIONS
    real = [f'- text: "what does box 5 of my 1099-R mean, case {n}?"\n' for n in range(5)]
    (faq_copy / "examples" / "form-1099r-reporting.yaml").write_text("".join(real))
    kb = KnowledgeBase.load(faq_copy)
    assert kb.matcher.ranker.trained_on == MIN_TRAINING_QUESTIONS + 5
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "to learn from" not in capsys.readouterr().out


def test_marking_an_example_written_trains_anew(faq_copy: Path) -> None:
    # Under the ranker's cap (MAX_TRAINING_QUESTIONS), over which it trains on an even
    # spread whose size would not show one example fewer: half the off-topic ones go.
    off_topic = faq_copy / "examples" / "_off-topic.yaml"
    kept = off_topic.read_text(encoding="utf-8").split("\n- text:")
    off_topic.write_text("\n- text:".join(kept[: len(kept) // 2]) + "\n", encoding="utf-8")
    first = KnowledgeBase.load(faq_copy)
    assert first.matcher.ranker.trained_on < MAX_TRAINING_QUESTIONS
    path = faq_copy / "examples" / "notice-2014-54.yaml"
    text = path.read_text(encoding="utf-8")
    assert "written: true" not in text.split("\n- text:")[1]  # its first item is not yet
    items = text.split("\n- text:")
    items[1] = items[1].rstrip("\n") + "\n  written: true\n"
    path.write_text("\n- text:".join(items), encoding="utf-8")
    again = KnowledgeBase.load(faq_copy)
    assert again.matcher is not first.matcher
    assert again.matcher.ranker.trained_on == first.matcher.ranker.trained_on - 1


def test_training_is_deterministic(kb: KnowledgeBase) -> None:
    entries, examples = list(kb.entries.values()), kb.matcher.space.examples
    again = Matcher(entries, kb.matcher.tuning, examples)  # trained afresh, not the cached one
    assert again is not kb.matcher
    for question in (LEARNED, "does the pro rata rule apply to my after-tax 401k?"):
        assert [(h.id, h.score) for h in again.score_all(question)] == [
            (h.id, h.score) for h in kb.matcher.score_all(question)
        ]


def test_an_unchanged_folder_reuses_the_trained_matcher(faq_copy: Path) -> None:
    first = KnowledgeBase.load(faq_copy)
    assert KnowledgeBase.load(faq_copy).matcher is first.matcher
    # the same files in another folder: the same matcher, the entries' own paths kept
    elsewhere = shutil.copytree(faq_copy, faq_copy.parent / "elsewhere")
    moved = KnowledgeBase.load(elsewhere)
    assert moved.matcher is first.matcher
    assert moved.get("notice-2014-54").path == str(elsewhere / "notice-2014-54.md")
    assert not any(e.path for e in first.matcher.entries)  # the matcher keeps no paths
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write(TAUGHT)
    assert KnowledgeBase.load(faq_copy).matcher is not first.matcher


def test_a_load_pauses_the_collector_and_later_loads_freeze_nothing(
    faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loads pause the collector while they run (see knowledge/base.py) and restore it
    after, refused or not; after a process's first load, a load leaves nothing frozen that
    was not (frozen objects that became garbage in a cycle would never be collected)."""
    from knowledge import base

    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")  # train, not unpickle
    monkeypatch.setattr(base, "_SETTLED", [True])  # not this process's first load
    collecting_during: list[bool] = []
    original = Matcher.__init__

    def watch(self: Matcher, *args: object, **kwargs: object) -> None:
        collecting_during.append(gc.isenabled())
        original(self, *args, **kwargs)

    monkeypatch.setattr(Matcher, "__init__", watch)
    before = gc.get_freeze_count()
    assert gc.isenabled()
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write('- text: "what the garbage collector test alone asks"\n')  # this load trains
    KnowledgeBase.load(faq_copy)
    assert collecting_during == [False]  # paused while training
    # (Fewer is fine: a load may empty the text caches, freeing frozen entries of theirs.)
    assert gc.isenabled() and gc.get_freeze_count() <= before
    (faq_copy / "notice-2014-54.md").write_text("---\nid: [\n---\n")
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load(faq_copy)
    assert gc.isenabled() and gc.get_freeze_count() <= before


def test_a_process_first_load_collects_then_freezes_what_it_holds(
    faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process's first load leaves the numeric libraries and a matcher, some 120,000
    objects, that every later full pass would walk (a tenth of a second or more, on an
    answer): it collects once, then freezes what is left. The first matcher is still freed
    once nothing refers to it."""
    from knowledge import base

    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")  # train, not unpickle
    monkeypatch.setattr(base, "_SETTLED", [False])  # as in a new process
    monkeypatch.setattr(base, "_TRAINED", OrderedDict())  # the matcher held here only
    #: The generation of each pass started, and None when training starts.
    events: list[int | None] = []
    original = Matcher.__init__

    def watch(self: Matcher, *args: object, **kwargs: object) -> None:
        events.append(None)
        original(self, *args, **kwargs)

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            events.append(info["generation"])

    monkeypatch.setattr(Matcher, "__init__", watch)
    with (faq_copy / "examples" / "mega-backdoor-overview.yaml").open("a") as f:
        f.write('- text: "what the first-load collector test alone asks"\n')  # this load trains
    gc.unfreeze()
    gc.callbacks.append(record)
    try:
        kb = KnowledgeBase.load(faq_copy)
        frozen = gc.get_freeze_count()
        assert 2 in events[events.index(None) :]  # a full pass, after training
        assert frozen > 20_000  # what the process held then, matcher included
        first = weakref.ref(kb.matcher)
        del kb
        base._TRAINED.clear()
        assert first() is None  # frozen, and still freed
        assert gc.get_freeze_count() < frozen
    finally:
        gc.callbacks.remove(record)
        gc.unfreeze()  # (this test process's objects back in the collector's reach)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("notice-2014-54.yaml", '- text: "fine question here"\n- text: [unclosed\n', ":2:"),
        ("notice-2014-54.yaml", "text: not a list\n", "a YAML list"),
        ("notice-2014-54.yaml", '- text: "ok question"\n  also: [no-such-entry]\n', "no-such"),
        ("notice-2014-54.yaml", '- text: "ok question"\n  color: red\n', "color"),
        ("notice-2014-54.yaml", "- - text: a list in a list?\n", ":1: write each example as"),
        ("notice-2014-54.yaml", '- text: "ok question"\n- 2026\n', ":2: write each example as"),
        (
            "no-such-entry.yaml",
            '- text: "a question"\n',
            # (added to the off-topic file: renaming onto it replaced its questions)
            ":1: no FAQ entry 'no-such-entry': name the file after an entry id, or, for "
            "questions the bot should leave alone, move its questions into '_off-topic.yaml' "
            "(added to those there)",
        ),
        # (beside the shipped _off-topic.yaml: renaming onto it would replace that file)
        ("off-topic.yaml", '- text: "a question"\n', "renaming it would replace that file"),
        # Emptied, or cut back to its comments: its questions were gone with "ok".
        ("notice-2014-54.yaml", "", ":1: the file holds no questions (emptied by mistake?)"),
        ("notice-2014-54.yaml", "# questions\n\n", ":1: the file holds no questions"),
        # (a Windows editor's capitals, '_' for '-': the file the moderator meant is named)
        (
            "Notice-2014-54.yaml",
            '- text: "a question"\n',
            ":1: no FAQ entry 'Notice-2014-54': rename it to 'notice-2014-54.yaml'",
        ),
        ("notice_2014_54.yaml", '- text: "a question"\n', "rename it to 'notice-2014-54.yaml'"),
        ("Off-Topic.yaml", '- text: "a question"\n', "move its questions into '_off-topic"),
        ("_off-topic.yaml", '- text: "ok question"\n  also: [notice-2014-54]\n', "off-topic"),
        (
            "notice-2014-54.yaml",
            '- text: "first question?"\n  text: "second question?"\n',
            # (the likelier slip said too: keeping one lost the example missing its '- ')
            ":2: 'text' appears twice in one item (also on line 1): keep one, or start the "
            "next item with '- '",
        ),
        # '---' lines, as around an entry's front matter: YAML's "but found another document"
        (
            "notice-2014-54.yaml",
            '---\n- text: "first question?"\n---\n',
            ":3: invalid YAML: a '---' line here starts a second YAML document: remove it",
        ),
        (
            "notice-2014-54.yaml",
            '- text: "first question?"\n---\n- text: "second question?"\n',
            ":2: invalid YAML: a '---' line here starts a second YAML document: remove it",
        ),
    ],
)
def test_a_broken_examples_file_is_reported_with_its_line(
    faq_copy: Path, name: str, text: str, expected: str
) -> None:
    path = faq_copy / "examples" / name
    path.write_text(text)
    with pytest.raises(FaqInvalid) as raised:
        KnowledgeBase.load(faq_copy)
    shown = [str(p) for p in raised.value.problems]
    assert any(str(path) in s and expected in s for s in shown), shown


def test_an_empty_list_is_an_entry_with_no_questions_yet_and_a_lone_name_is_renamed(
    tmp_path: Path,
) -> None:
    """ "[]" says on purpose that an entry has none yet (an emptied file says nothing); and
    with no off-topic file beside it, "off-topic.yaml" is simply misnamed."""
    from knowledge.examples import read_examples

    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "alpha.yaml").write_text("# none yet\n[]\n")
    (examples / "off-topic.yaml").write_text('- text: "which car should I buy?"\n')
    _, problems = read_examples(tmp_path, {"alpha"})
    assert [(Path(p.path).name, p.message) for p in problems] == [
        (
            "off-topic.yaml",
            "no FAQ entry 'off-topic': rename it to '_off-topic.yaml' (names are lowercase "
            "with dashes, as ids are)",
        )
    ]


def _dangling(examples: Path) -> None:
    shutil.rmtree(examples)
    examples.symlink_to(examples.parent / "gone")


def _a_file(examples: Path) -> None:
    shutil.rmtree(examples)
    examples.write_text("- text: a question in a file named like the folder\n")


def _a_loop(examples: Path) -> None:
    shutil.rmtree(examples)
    examples.symlink_to(examples)


@pytest.mark.parametrize(
    ("breaks", "expected"),
    [
        (_dangling, "'examples' is not a folder, or a link to one that is gone"),
        (_a_file, "'examples' is not a folder"),
        (_a_loop, "cannot read the folder"),
    ],
)
def test_an_examples_folder_that_cannot_be_read_is_a_problem_not_no_examples(
    faq_copy: Path, breaks: Callable[[Path], None], expected: str
) -> None:
    """Read as "no examples", a dangling link retrained the matcher on nothing (holdout
    right 89 -> 20 of 148) and replaced the last-good copy with that; no folder at all
    still means no examples."""
    examples = faq_copy / "examples"
    breaks(examples)
    with pytest.raises(FaqInvalid) as raised:
        KnowledgeBase.load(faq_copy)
    assert any(p.path == str(examples) and expected in p.message for p in raised.value.problems), (
        raised.value.problems
    )
    examples.unlink()
    assert KnowledgeBase.load(faq_copy).matcher.examples == 0  # none there: none learned


def test_a_folder_the_bot_may_not_read_is_a_problem(
    faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Root reads any folder, so the refusal is injected where the listing happens.)"""
    listing = Path.iterdir

    def refused(self: Path) -> Iterator[Path]:
        if self.name in ("examples", "faq"):
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", refused)
    with pytest.raises(FaqInvalid) as raised:
        KnowledgeBase.load(faq_copy)
    denied = "cannot read the folder: Permission denied"
    both = {(str(faq_copy), denied), (str(faq_copy / "examples"), denied)}
    assert {(p.path, p.message) for p in raised.value.problems} == both
    assert {(p.path, p.message) for p in validate_folder(faq_copy)[0].problems} == both


def test_the_same_broken_file_in_two_folders_is_reported_at_each_path(
    faq_copy: Path, tmp_path: Path
) -> None:
    """Files are parsed once per content (a copy of the folder reuses the work); what is
    wrong with one is still reported at the path it was read from."""
    other = tmp_path / "other-faq"
    shutil.copytree(faq_copy, other)
    broken = '- text: "a fine question here"\n- text: "ok"\n'  # line 2 is too short
    for folder in (faq_copy, other):
        path = folder / "examples" / "notice-2014-54.yaml"
        path.write_text(broken)
        with pytest.raises(FaqInvalid) as raised:
            KnowledgeBase.load(folder)
        [problem] = raised.value.problems
        assert (problem.path, problem.line) == (str(path), 2), problem


def test_the_same_question_on_and_off_topic_is_refused(faq_copy: Path) -> None:
    # (the same question with or without its question mark, a phone's curly apostrophe or
    # a keyboard's straight one)
    for name, question in (
        ("conversion-frequency.yaml", '- text: "Can\'t I do this every paycheck?"\n'),
        ("_off-topic.yaml", '- text: "can\u2019t I do this every paycheck"\n'),
    ):
        with (faq_copy / "examples" / name).open("a") as f:
            f.write(question)
    with pytest.raises(FaqInvalid) as raised:
        KnowledgeBase.load(faq_copy)
    assert any("every paycheck" in str(p) or "off-topic" in str(p) for p in raised.value.problems)


def test_the_same_question_under_two_entries_counts_once_for_both_with_a_notice(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What 'also' says, written the long way by hand: add_example refuses to write it, and
    validation points at it, but a folder that has it still loads (it did before)."""
    from knowledge.base import validate_folder
    from knowledge.editing import EditRefused, add_example

    question = "Should I convert every paycheck or once a year?"
    first = faq_copy / "examples" / "conversion-frequency.yaml"
    with first.open("a") as f:
        f.write(f'- text: "{question}"\n')
    with pytest.raises(EditRefused):  # Discord's "teach" refuses a second copy
        add_example(faq_copy, "delay-conversion-downside", question.upper())
    second = faq_copy / "examples" / "delay-conversion-downside.yaml"
    with second.open("a") as f:
        f.write(f'- text: "{question.upper()}"\n')
    scan, examples = validate_folder(faq_copy)
    assert scan.problems == []
    [notice] = [n for n in scan.notices if n.path == str(second)]
    assert f"{first}:" in notice.message and "also" in notice.message
    [example] = [e for e in examples if e.text in (question, question.upper())]
    assert example.ids == ("conversion-frequency", "delay-conversion-downside")
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "notice: the same question is already an example" in capsys.readouterr().out
    # twice under one entry: there is no other entry to name
    with second.open("a") as f:
        f.write(f'- text: "{question.lower()}"\n')
    scan, _ = validate_folder(faq_copy)
    [again] = [n for n in scan.notices if n.path == str(second) and n.line != notice.line]
    assert again.message.endswith(": keep one") and "also" not in again.message


def test_cli_validate_counts_examples_and_reports_a_broken_file(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0
    assert "example questions" in capsys.readouterr().out
    path = faq_copy / "examples" / "notice-2014-54.yaml"
    path.write_text("- text: [unclosed\n")
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 1
    out = capsys.readouterr()
    assert f"{path}:1:" in out.out + out.err
    assert "Traceback" not in out.out + out.err


def test_ask_json_lists_confident_answers_to_a_posts_other_questions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    post = (
        "How do I roll the after-tax part of my 401k to a Roth IRA and the earnings to a "
        "traditional IRA? And does the pro-rata rule for my IRA affect the mega backdoor Roth?"
    )
    assert cli_main(["ask", post, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = {data["best"]["id"], *(hit["id"] for hit in data["also"])}
    assert {"mega-backdoor-not-affected-by-ira", "split-earnings-to-traditional-ira"} <= ids
    assert data["best"]["id"] not in {hit["id"] for hit in data["also"]}
    one = "Does the pro-rata rule for my IRA affect the mega backdoor Roth?"
    assert cli_main(["ask", one, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["also"] == []


def test_more_example_questions_than_training_can_hold_are_refused_before_training(
    faq_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Training compares every pair of examples: 61,000 of them needed 28 GB and crashed
    `ask` after `faq validate` said ok. Past MAX_EXAMPLES the folder is refused, naming the
    file that holds the most, and a running bot keeps answering from the FAQ it has."""
    from knowledge.examples import MAX_EXAMPLES, read_examples

    working = KnowledgeBase.load(faq_copy)
    path = faq_copy / "examples" / "three-buckets.yaml"
    read, _ = read_examples(faq_copy, set(working.entries))
    held = sum(e.path == str(path) for e in read)
    added = MAX_EXAMPLES - len(read) + 1
    with path.open("a") as out:
        out.writelines(
            f"- text: generated question number {n} about buckets\n" for n in range(added)
        )
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 1
    total = len(read) + added
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:1: the examples files hold {total:,} questions in all, more than the "
        f"{MAX_EXAMPLES:,} the matcher can learn from (training compares every pair of them); "
        f"this file holds {held + added:,}: keep the ones that teach a new phrasing"
    ]
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load(faq_copy)
    # one fewer is taken
    path.write_text(path.read_text().rsplit("- text:", 1)[0])
    assert cli_main(["faq", "validate", "--faq-dir", str(faq_copy)]) == 0


def test_an_editors_hidden_files_in_the_examples_folder_are_not_read(faq_copy: Path) -> None:
    """Emacs keeps a lock named .#<file> (a dangling link) while a file is edited; macOS
    leaves ._<file> on shared drives. Read as examples files, either took the whole FAQ
    down ("no FAQ entry '.#conversion-frequency'") for as long as it was there."""
    examples = faq_copy / "examples"
    (examples / ".#conversion-frequency.yaml").symlink_to("user@host.4242:1733300000")
    (examples / "._backdoor-roth-ira.yaml").write_bytes(b"\x00\x05\x16\x07 Mac OS X")
    scan, _ = validate_folder(faq_copy)
    assert scan.problems == []
    assert KnowledgeBase.load(faq_copy).get("conversion-frequency") is not None
    # a visible file of the same kind is still read, and refused
    (examples / "conversion-frequency-notes.yaml").write_text("- text: a note\n")
    assert "no FAQ entry 'conversion-frequency-notes'" in str(validate_folder(faq_copy)[0].problems)
