"""Sentence embeddings (knowledge/embedding.py): the real model, its checks, what is kept on
disk, and a matcher that still answers where the model cannot run."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from knowledge import embedding
from knowledge.base import KnowledgeBase
from knowledge.examples import Example
from knowledge.matcher import Matcher


@pytest.fixture
def model() -> embedding.Embedder:
    found = embedding.load()
    assert found is not None, "the embedding model is a dependency: it must load here"
    return found


def test_texts_that_mean_the_same_are_closer_than_texts_that_share_words(
    model: embedding.Embedder,
) -> None:
    asked, same, other = model.embed(
        [
            "Can I put the earnings in a traditional IRA and the after-tax part in my Roth?",
            "Is it allowed to split the rollover: basis to Roth IRA, gains to a pretax IRA?",
            "Where can I find a good traditional Italian restaurant near my Roth office?",
        ]
    )
    assert np.linalg.norm(asked) == pytest.approx(1.0, abs=1e-3)
    assert asked @ same > asked @ other + 0.2


def test_the_seed_holds_what_the_model_makes_now(model: embedding.Embedder) -> None:
    # The shipped vectors were made by this model from these texts: a seed from another
    # model (or a tokenizer changed since) would train the ranker on vectors no question
    # asked today is comparable with.
    seeded = embedding._read(embedding.SEED)
    kb = KnowledgeBase.load()
    entry = kb.entries["notice-2014-54"]
    # (The longest example too: a long text is read window by window, and a seed made when
    # only its first window was read would hold another vector for it.)
    longest = max((e.text for e in kb.matcher.space.examples), key=len)
    texts = [entry.title, *entry.aliases[:3], longest]
    fresh = embedding.Embedder(embedding.model_file()).embed(texts)
    for text, vector in zip(texts, fresh, strict=True):
        assert np.abs(seeded[embedding._digest(text)] - vector).max() < 2e-3


def test_a_long_posts_question_after_its_first_window_counts_in_its_meaning(
    model: embedding.Embedder,
) -> None:
    # A story of some 300 word pieces, then the question: read only as far as the model
    # reads at once, two posts asking different things meant the same.
    story = "I started a new job in March. My wife and I have two kids and save for a house. " * 14
    split = "Can I send the earnings to a traditional IRA and the after-tax part to my Roth IRA?"
    match = "Does my employer match count toward the annual 415(c) limit on total contributions?"
    assert len(model._tokenizer.encode(story).ids) > embedding.MAX_TOKENS
    asking_split, asking_match, question = model.embed([story + split, story + match, split])
    assert asking_split @ question > asking_match @ question + 0.05


def test_vectors_kept_by_an_earlier_reading_of_long_texts_are_not_used_and_go(
    model: embedding.Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embedding, "SEED", tmp_path / "no-seed.npz")
    text = "a training question nobody has asked before about box 5"
    planted = np.zeros((1, embedding.DIMENSIONS), np.float32)
    planted[0, 0] = 1.0
    # What a release reading only a text's first window kept (named by the model alone).
    older = tmp_path / f"{embedding.STORE_PREFIX}{embedding.MODEL_SHA256[:12]}.npz"
    np.savez(older, **embedding._as_arrays({embedding._digest(text): planted[0]}))
    fresh = embedding.Embedder(embedding.model_file()).embed([text], store=True)
    assert np.abs(fresh - model.embed([text])).max() < 2e-3
    assert fresh[0, 0] != 1.0
    # Stored under the name of this reading, and the older store, never read again, gone.
    assert [p.name for p in tmp_path.glob("*.npz")] == [embedding._store_path().name]


def test_a_changed_model_file_is_refused_and_the_matcher_answers_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    planted = tmp_path / "model.onnx"
    shutil.copyfile(embedding.model_file(), planted)
    with planted.open("r+b") as handle:  # one byte changed, as a corrupted download would
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(embedding.Unavailable, match="not the published model"):
        embedding.Embedder(planted)
    monkeypatch.setattr(embedding, "model_file", lambda: planted)
    embedding.load.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="knowledge.embedding"):
            kb = KnowledgeBase.load()
        assert "answering without sentence embeddings" in caplog.text
        assert kb.matcher.space.embedder is None
        result = kb.ask("can I send the earnings to a traditional IRA and the basis to Roth?")
        assert result.answered and result.best.id == "split-earnings-to-traditional-ira"
    finally:
        embedding.load.cache_clear()


def test_turned_off_the_matcher_answers_without_embeddings(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (The same files loaded with embeddings first, as a bot restarted with the switch
    # off finds its matcher in the cache: that matcher needs the model, and is not reused.)
    assert kb.matcher.space.example_meaning.any()
    monkeypatch.setenv(embedding.SWITCH, "off")
    embedding.load.cache_clear()
    try:
        kb = KnowledgeBase.load()
        assert kb.matcher.space.embedder is None
        assert not kb.matcher.space.example_meaning.any()
        result = kb.ask("can I send the earnings to a traditional IRA and the basis to Roth?")
        assert result.answered and result.best.id == "split-earnings-to-traditional-ira"
    finally:
        embedding.load.cache_clear()


def test_training_texts_are_kept_on_disk_and_a_broken_store_is_embedded_again(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (The shipped FAQ loaded as every test loads it, before the seed is taken away: loaded
    # without it, its 1,700-odd examples were embedded again, a minute on one core.)
    entries = list(kb.entries.values())
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embedding, "SEED", tmp_path / "no-seed.npz")
    examples = [
        Example("a question nobody has asked before about box 5", ("form-1099r-reporting",))
    ]
    first = embedding.Embedder(embedding.model_file())
    monkeypatch.setattr(embedding, "load", lambda: first)
    Matcher(entries, kb.matcher.tuning, examples)
    stored = next(tmp_path.glob("meaning-*.npz"))
    # A new process (a new embedder) reads them instead of running the model again.
    second = embedding.Embedder(embedding.model_file())
    runs: list[list[str]] = []
    real_run = second._run
    monkeypatch.setattr(second, "_run", lambda texts: runs.append(texts) or real_run(texts))
    monkeypatch.setattr(embedding, "load", lambda: second)
    Matcher(entries, kb.matcher.tuning, examples)
    assert runs == []
    # Members' questions are never written down.
    second.embed(["my private question about my own plan"])
    assert embedding._digest("my private question about my own plan") not in embedding._read(stored)
    # A store cut short (a full disk, a kill) is a miss, not an error: embedded again.
    stored.write_bytes(stored.read_bytes()[:100])
    third = embedding.Embedder(embedding.model_file())
    runs.clear()
    monkeypatch.setattr(third, "_run", lambda texts: runs.append(texts) or real_run(texts))
    monkeypatch.setattr(embedding, "load", lambda: third)
    Matcher(entries, kb.matcher.tuning, examples)
    assert any(examples[0].text in batch for batch in runs)


def test_the_files_the_model_reads_go_into_the_wheel() -> None:
    """The tokenizer and the seed are read from the installed package: a wheel built
    without the seed (its pattern missing from the package data) embedded every shipped
    example at its first start, a minute on one core."""
    import fnmatch
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    packaged = pyproject["tool"]["setuptools"]["package-data"]["knowledge"]
    for path in (embedding.TOKENIZER, embedding.SEED):
        inside = path.relative_to(Path(embedding.__file__).parent).as_posix()
        assert any(fnmatch.fnmatch(inside, pattern) for pattern in packaged), inside


def test_a_question_worded_as_an_entrys_title_means_that_entry_most(kb: KnowledgeBase) -> None:
    """Each entry's names (title, aliases) count for that entry: a question that is an
    entry's title is closest in meaning to it, at a cosine of about 1."""
    space = kb.matcher.space
    every = np.arange(space.n)
    for entry_id in ("notice-2014-54", "solo-401k-after-tax", "three-buckets"):
        _, vectors = space._meaning(space._embed([kb.entries[entry_id].title]))
        with_names = space._name_cosines(vectors, np.zeros_like(every), every)
        assert kb.matcher.ids[int(with_names.argmax())] == entry_id
        assert with_names.max() == pytest.approx(1.0, abs=2e-3)


def test_a_questions_meaning_for_an_entry_is_its_closest_names(kb: KnowledgeBase) -> None:
    """The names' signal of a (question, entry) pair is the question's highest cosine with
    the entry's own title and aliases, whichever entries are scored with it and in what
    order; an entry without a name has -1 (nothing alike)."""
    from knowledge.ranker import SignalSpace

    matcher = kb.matcher
    names = [[e.title, *e.aliases] for e in matcher.entries]
    names[3] = []  # an entry without a name
    space = SignalSpace(matcher.lexical, matcher.space.examples, matcher.ids, names)
    # (The second is an entry's last alias, word for word: its closest name is that one.)
    texts = ["can I move the after-tax money to a Roth IRA", names[7][-1]]
    _, vectors = space._meaning(space._embed(texts))
    owner = np.array([0, 0, 0, 1, 1, 1, 1])
    entries = np.array([7, 3, 0, 24, 7, 12, 3])
    got = space._name_cosines(vectors, owner, entries)
    for value, q, k in zip(got, owner, entries, strict=True):
        if not names[k]:
            assert value == -1.0
            continue
        own = space._embed(names[k]).astype(np.float64) @ vectors[q]
        assert value == own.max()
    assert got[4] == pytest.approx(1.0, abs=2e-3)


def test_the_ridge_learns_what_examples_mean_not_only_their_words(kb: KnowledgeBase) -> None:
    """The ridge's kernel holds the examples' likeness in meaning: a question asked in none
    of an entry's examples' words, but asking what they ask, gets that entry's ridge score
    well above the others'. (Without the meaning term the ridge sees next to nothing in
    it: scores near 0 for every entry.)"""
    from knowledge.ranker import _COLUMN, SignalSpace

    matcher = kb.matcher
    codes, in_plan = "form-1099r-reporting", "in-plan-conversion-vs-in-service-withdrawal"
    examples = [
        Example("Which code goes in box 7 of the 1099-R for my rollover?", (codes,)),
        Example("What does distribution code G on form 1099-R mean?", (codes,)),
        Example("Should I convert inside the plan or take an in-service withdrawal?", (in_plan,)),
        Example(
            "In-plan Roth conversion versus in-service distribution: which is better?", (in_plan,)
        ),
        Example("What's a good index fund for my brokerage account?", ()),
    ]
    # (Entries without names: the examples alone tell them apart.)
    space = SignalSpace(matcher.lexical, examples, matcher.ids, [[] for _ in matcher.ids])
    asked = "Which form shows what my employer sent out and how it is labelled?"
    (signals,) = space.signals([matcher.lexical.prepare(asked)])
    scores = signals.rows[:, _COLUMN["ridge"]]
    ridge = dict(zip([matcher.ids[k] for k in signals.candidates], scores, strict=True))
    others = max(score for entry_id, score in ridge.items() if entry_id != codes)
    assert ridge[codes] > 0.1
    assert ridge[codes] > others + 0.1


def test_a_posts_own_questions_are_embedded_only_once_it_is_answered(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model runs on a post's question sentences only for ``also``, so only when the
    post is answered: a few milliseconds each, which a post left unanswered (most posts)
    need not pay. An answered post still gets its other questions' entries."""
    embedder = kb.matcher.space.embedder
    assert embedder is not None
    runs: list[list[str]] = []
    real_run = embedder._run
    monkeypatch.setattr(embedder, "_run", lambda texts: runs.append(texts) or real_run(texts))
    # (Words no test asks elsewhere: met for the first time, so the model must run.)
    quiet = (
        "Should my nephew put birthday money in a 529 plan or a custodial brokerage account? "
        "Which of the two counts less against him on the college aid forms next autumn?"
    )
    result = kb.ask(quiet)
    assert not result.answered
    assert runs == [[quiet]]
    runs.clear()
    answered = (
        "Can I roll the after-tax part of my old employer's 401k to a Roth IRA and the "
        "earnings to a traditional IRA this spring? Also, does my IRA balance affect the mega "
        "backdoor Roth I keep doing at the new job?"
    )
    result = kb.ask(answered)
    assert result.answered and result.also
    assert runs[0] == [answered]
    assert len(Matcher._questions(answered)) == 2
    assert sorted(t for batch in runs[1:] for t in batch) == sorted(Matcher._questions(answered))


def test_the_model_writes_nothing_in_the_users_home(tmp_path: Path) -> None:
    """onnxruntime wrote a device id and a telemetry database under the user's home
    (~/.cache/Microsoft/DeveloperTools/.onnxruntime) at every first run, whatever
    ROLLOVER_CACHE_DIR said: the bot's files are its cache folder's only."""
    import subprocess

    from tests.processes import SCRIPT, bare_env

    home = tmp_path / "home"
    home.mkdir()
    env = bare_env(HOME=str(home), ROLLOVER_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run(
        [str(SCRIPT), "ask", "a question the model embeds anew: does zebra stock split?"],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "not tax advice" in proc.stdout  # (answered, the model run)
    assert list(home.rglob("*")) == []
