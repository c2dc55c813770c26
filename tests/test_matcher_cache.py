"""The trained-matcher cache on disk: a new process with unchanged files skips training;
anything changed, broken or switched off means training as usual, never an error."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from knowledge import base, cache, normalize
from knowledge.base import KnowledgeBase
from knowledge.ranker import Ranker, char_tfidf, char_wb_ngrams
from tests.faq_factory import write_entry

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "can I send the earnings to a traditional IRA and the basis to Roth?"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(where))
    monkeypatch.setattr(base, "_TRAINED", type(base._TRAINED)())  # no in-memory reuse
    return where


SMALL_QUESTION = "how does the roth split work"


@pytest.fixture
def faq_copy(tmp_path: Path) -> Path:
    """A small FAQ with example questions (quick to train; as many as the ranker needs
    to be fitted at all, examples.MIN_TRAINING_QUESTIONS), as real files."""
    folder = tmp_path / "faq"
    for entry_id in ("roth-split", "pro-rata-rule", "form-1099r"):
        write_entry(folder, entry_id)
        words = entry_id.replace("-", " ")
        (folder / "examples").mkdir(exist_ok=True)
        asked = [f"what is the {words}?", f"can you explain the {words} to me"]
        asked += [f"a question on the {words}, number {n}" for n in range(20)]
        (folder / "examples" / f"{entry_id}.yaml").write_text(
            "".join(f'- text: "{text}"\n' for text in asked)
        )
    (folder / "examples" / "_off-topic.yaml").write_text(
        '- text: "which index fund should I buy?"\n- text: "is an HSA worth it?"\n'
    )
    return folder


def _no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("trained although a cached matcher was there")

    monkeypatch.setattr(Ranker, "__init__", refuse)


def _answer(kb: KnowledgeBase) -> list[tuple[str, float]]:
    return [(h.id, h.score) for h in kb.matcher.score_all(SMALL_QUESTION)]


@given(st.text(alphabet=st.sampled_from("ab C\t\n-é'1"), max_size=30))
def test_char_ngrams_are_scikit_learns(text: str) -> None:
    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert list(char_wb_ngrams(text)) == analyzer(text)


@given(st.lists(st.text(alphabet=st.sampled_from("ab C\t\n-é'1"), max_size=30), max_size=6))
def test_char_tfidf_is_scikit_learns_vectorizer(texts: list[str]) -> None:
    vectorizer = TfidfVectorizer(analyzer=char_wb_ngrams, sublinear_tf=True)
    try:
        expected = vectorizer.fit_transform(texts).toarray()
    except ValueError:  # no n-gram at all: the vectorizer refuses; we give an empty matrix
        expected = np.zeros((len(texts), 0))
    matrix, vocabulary, idf = char_tfidf(texts)
    assert vocabulary == getattr(vectorizer, "vocabulary_", {})
    assert np.allclose(idf, getattr(vectorizer, "idf_", np.zeros(0)))
    assert np.allclose(matrix.toarray(), expected, rtol=0, atol=1e-12)


def test_a_second_load_uses_the_cached_matcher_and_answers_the_same(
    cache_dir: Path, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trained = KnowledgeBase.load(faq_copy)
    assert len(list(cache_dir.glob("matcher-*.pickle"))) == 1
    base._TRAINED.clear()
    _no_training(monkeypatch)
    again = KnowledgeBase.load(faq_copy)
    assert again.matcher is not trained.matcher
    assert _answer(again) == _answer(trained)
    assert _answer(again)[0][0] == "roth-split"


def test_a_members_words_never_reach_the_cache_on_disk(
    cache_dir: Path, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A running bot answers a member ("zebracorp", their employer, looked up as a typo),
    then reloads after an edit: the new matcher took the old one's typo look-ups along,
    the member's words among them, and its file in the cache folder kept them for good
    (beyond the retention, a deleted message, /faq-admin forget). The file holds none; a
    process loading it answers as the one that trained it."""
    first = KnowledgeBase.load(faq_copy)
    asked = "my employer zebracorp: how does the roth split work"
    first.ask(asked)
    with (faq_copy / "examples" / "roth-split.yaml").open("a") as f:
        f.write('- text: "what is a spillover bucket and can it go to Roth?"\n')
    reloaded = KnowledgeBase.load(faq_copy)
    files = list(cache_dir.glob("matcher-*.pickle"))
    assert len(files) == 2
    assert not [f.name for f in files if b"zebracorp" in f.read_bytes()]
    base._TRAINED.clear()
    _no_training(monkeypatch)
    again = KnowledgeBase.load(faq_copy)
    assert again.matcher is not reloaded.matcher
    assert again.ask(asked) == reloaded.ask(asked)
    assert _answer(again) == _answer(reloaded)


def test_a_changed_example_file_trains_anew(
    cache_dir: Path, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    KnowledgeBase.load(faq_copy)
    with (faq_copy / "examples" / "roth-split.yaml").open("a") as f:
        f.write('- text: "what is a spillover bucket and can it go to Roth?"\n')
    base._TRAINED.clear()
    _no_training(monkeypatch)
    with pytest.raises(AssertionError, match="trained although"):
        KnowledgeBase.load(faq_copy)


def test_an_edited_vocabulary_file_trains_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The vocabulary decides how every text is read, so a matcher trained with another
    one must not be loaded from the cache (a copy of the package, edited)."""
    package = tmp_path / "knowledge"
    (package / "data").mkdir(parents=True)
    for source in (ROOT / "knowledge").glob("*.py"):
        (package / source.name).write_bytes(source.read_bytes())
    vocabulary = package / "data" / "vocabulary.yaml"
    vocabulary.write_bytes((ROOT / "knowledge" / "data" / "vocabulary.yaml").read_bytes())
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    text = vocabulary.read_text()
    vocabulary.write_text(text.replace("  penalti: [penal]", "  penalti: [penal, fine]"))
    cache.code_fingerprint.cache_clear()
    try:
        assert cache.code_fingerprint() != before
    finally:
        cache.code_fingerprint.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", b"\x80\x05N."])
def test_a_corrupt_cache_file_is_retrained_not_an_error(
    cache_dir: Path, faq_copy: Path, damage: bytes
) -> None:
    first = _answer(KnowledgeBase.load(faq_copy))
    (stored,) = cache_dir.glob("matcher-*.pickle")
    stored.write_bytes(damage)
    base._TRAINED.clear()
    assert _answer(KnowledgeBase.load(faq_copy)) == first
    assert stored.stat().st_size > 1000  # rewritten whole


class Planted:
    """What someone else could leave in a shared cache folder: code run on unpickling."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.marker,))


def test_a_cache_folder_others_may_write_to_is_not_used(
    cache_dir: Path, faq_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A pickle planted in a shared folder (ROLLOVER_CACHE_DIR=/tmp/...) ran as the bot's
    code on the next load. Such a folder is not used, and the log says why; a private one
    is (the control: there the planted file is read)."""
    first = _answer(KnowledgeBase.load(faq_copy))
    (stored,) = cache_dir.glob("matcher-*.pickle")
    marker = tmp_path / "planted-code-ran"
    stored.write_bytes(pickle.dumps(Planted(marker)))
    cache_dir.chmod(0o777)
    base._TRAINED.clear()
    assert _answer(KnowledgeBase.load(faq_copy)) == first
    assert not marker.exists()
    assert "not using the cache folder" in caplog.text and "chmod 700" in caplog.text
    cache_dir.chmod(0o700)
    base._TRAINED.clear()
    assert _answer(KnowledgeBase.load(faq_copy)) == first
    assert marker.exists()  # (read where the folder is private: the file is trusted there)


def test_switched_off_or_unwritable_means_no_files_and_no_error(
    tmp_path: Path, faq_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "_TRAINED", type(base._TRAINED)())
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    assert cache.folder() is None
    assert _answer(KnowledgeBase.load(faq_copy))[0][0] == "roth-split"
    # set to nothing, it is unset (as a blank setting is): the default folder, not off
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", " ")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "rollover-bot"
    # a relative one is ignored (the XDG spec): not a cache in whatever folder it ran from
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "rollover-bot"
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", "off")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ROLLOVER_CACHE_DIR", str(blocker / "cache"))
    base._TRAINED.clear()
    assert _answer(KnowledgeBase.load(faq_copy))[0][0] == "roth-split"
    assert blocker.read_text() == "not a folder"


def test_a_user_with_no_home_folder_gets_answers_and_one_warning(
    tmp_path: Path, faq_copy: Path
) -> None:
    """A container's bare uid (no passwd entry) with HOME unset: Python knows no home, and
    every command that loads the FAQ ended in an internal fault (exit 1, restarted by a
    supervisor for ever). Here the uid's lookup fails as it does for such a user."""
    homeless = (
        "import pwd, sys\n"
        "def no_such_user(uid): raise KeyError(f'getpwuid(): uid not found: {uid}')\n"
        "pwd.getpwuid = no_such_user\n"
        "from bot.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    done = subprocess.run(
        [sys.executable, "-c", homeless, "ask", "--json", SMALL_QUESTION, "--faq-dir", faq_copy],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"answered": true' in done.stdout and '"roth-split"' in done.stdout
    assert done.stderr.count("warning: no cache folder") == 1, done.stderr
    assert "ROLLOVER_CACHE_DIR" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faq"]  # (nothing written here)


def test_old_files_are_pruned(cache_dir: Path) -> None:
    cache_dir.mkdir()
    stale, fresh = cache_dir / "matcher-stale.lock", cache_dir / "matcher-fresh.lock"
    for lock in (stale, fresh):
        lock.touch()
    os.utime(stale, (time.time() - 7200, time.time() - 7200))  # a lock file two hours old
    keys = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(cache.KEEP + 3)]
    for n, key in enumerate(keys):
        cache.store(key, {"n": n})
    assert len(list(cache_dir.glob("matcher-*.pickle"))) == cache.KEEP
    assert cache.load(keys[-1]) == {"n": cache.KEEP + 2}
    assert cache.load(keys[0]) is None
    assert not stale.exists() and fresh.exists()


def test_pruning_deletes_only_the_caches_own_files(cache_dir: Path, faq_copy: Path) -> None:
    """ROLLOVER_CACHE_DIR may name a folder that holds other files (a home or project folder
    an operator chose): each load that stored a matcher deleted every '*.tmp' file an hour
    old or more in it, whoever wrote it (an editor's, another program's), for good. Only
    what the cache itself left behind goes: a write killed midway, a stale lock."""
    cache_dir.mkdir(mode=0o700)
    theirs = [cache_dir / "notes.tmp", cache_dir / "tmpk2j4x.tmp", cache_dir / "report.json"]
    ours = [cache_dir / "matcher-k2j4x.tmp", cache_dir / "last-good-k2j4x.tmp"]
    for path in [*theirs, *ours]:
        path.write_text("x")
        os.utime(path, (time.time() - 7200, time.time() - 7200))  # two hours old
    KnowledgeBase.load(faq_copy)  # trained and stored: the folder is pruned
    assert list(cache_dir.glob("matcher-*.pickle"))
    assert all(path.exists() for path in theirs)
    assert not any(path.exists() for path in ours)


def test_a_process_with_a_warm_cache_answers_without_scikit_learn(cache_dir: Path) -> None:
    trained = KnowledgeBase.load()  # trained here (cache_dir is empty), and stored
    assert trained.ask(QUESTION).best.id == "split-earnings-to-traditional-ira"
    script = (
        "import sys; from knowledge.base import KnowledgeBase; "
        f"kb = KnowledgeBase.load(); r = kb.ask({QUESTION!r}); "
        "print(r.answered, r.best.id, 'sklearn' in sys.modules)"
    )
    env = {"ROLLOVER_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "split-earnings-to-traditional-ira", "False"]


def test_processes_starting_together_train_once(cache_dir: Path, faq_copy: Path) -> None:
    """Two processes load the same files at once into an empty cache: one trains (and
    imports scikit-learn, which only training needs), the other waits for it and loads
    what it stored. Both answer."""
    script = (
        "import sys; from pathlib import Path; from knowledge.base import KnowledgeBase; "
        f"kb = KnowledgeBase.load(Path({str(faq_copy)!r})); r = kb.ask({SMALL_QUESTION!r}); "
        "print(r.best.id if r.best else None, 'sklearn' in sys.modules)"
    )
    env = {"ROLLOVER_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    runs = [
        subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, **pipes)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    answers = sorted(out.split()[0] for out, _ in outputs)
    trained = sorted(out.split()[1] for out, _ in outputs)
    assert answers == ["roth-split", "roth-split"]
    assert trained == ["False", "True"]  # one trained, one loaded its matcher
    assert len(list(cache_dir.glob("matcher-*.pickle"))) == 1


def test_rewrite_memo_matches_the_plain_rewrite_even_while_evicting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(normalize, "_CANONICAL", {})
    monkeypatch.setattr(normalize, "_CANONICAL_MAX", 3)
    texts = ["Mega backdoor Roth?", "AT money to a Roth IRA", "after-tax 401k", "pro rata", "x"]
    for batch in (texts, texts[::-1], texts * 2):
        assert normalize.canonical_many(batch) == [normalize.canonical(t) for t in batch]
    assert len(normalize._CANONICAL) <= 3 + len(texts)


def test_pruning_survives_a_leftover_that_goes_meanwhile(tmp_path: Path) -> None:
    """A temporary file listed, then gone before it is looked at (another writer's,
    finished): the prune goes on, it does not fail the store that called it."""
    from knowledge import cache

    (tmp_path / "matcher-gone.tmp").symlink_to(tmp_path / "nowhere")  # listed, but no stat
    old = tmp_path / "matcher-old.tmp"
    old.write_text("x")
    os.utime(old, (0, 0))
    cache._prune(tmp_path)
    assert not old.exists()


def test_caches_of_what_members_type_are_emptied_as_their_text_adds_up(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Distinct long posts each leave hundreds of KB in the matcher's text caches: after
    every budget of characters prepared they are emptied, and answers stay the same."""
    from knowledge import lexical, text_budget

    monkeypatch.setattr(text_budget, "BUDGET", 40_000)
    monkeypatch.setattr(text_budget, "_spent", 0)
    before = kb.ask(QUESTION)
    soup = [
        " ".join(f"w{n}x{i}qz" for i in range(450)) + " after-tax 401k to Roth?" for n in range(40)
    ]
    kept = []
    for text in soup:  # 4,000 characters each: ten of them spend the budget
        kb.ask(text)
        kept.append(lexical._shape.cache_info().currsize)
    # emptied every ten posts or so: never more than that kept beyond what was there
    assert min(kept) <= 1 and kept[-1] <= 11
    assert kb.ask(QUESTION) == before


def test_a_word_no_known_word_can_match_is_neither_looked_up_nor_kept() -> None:
    from knowledge.typos import Corrections

    corrections = Corrections(["conversion", "distribution", "basis"])
    assert corrections.best("distrubution") == "distribution"  # a typo is still corrected
    assert corrections.best("q" * 4000) is None
    assert corrections.best("conversionsss" * 3) is None
    assert list(corrections._best) == ["distrubution"]


def test_a_members_long_words_leave_no_character_ngrams_behind(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word's character n-grams are kept for the examples trained on, not for what
    members type: 200 ligatures are 600 letters and thousands of n-grams (a ligature is
    three letters once normalised)."""
    from knowledge import ranker, text_budget

    monkeypatch.setattr(text_budget, "BUDGET", 10**12)  # no emptying midway

    kept = ranker._word_ngrams.cache_info().currsize
    for n in range(20):
        kb.matcher.autocomplete("\ufb03" * 200 + str(n))
        kb.ask("rollover " + "q" * 300 + str(n) + " after-tax 401k?")
    assert ranker._word_ngrams.cache_info().currsize == kept
