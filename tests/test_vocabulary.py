"""The vocabulary data file (knowledge/data/vocabulary.yaml): what ships is read as meant,
and a file that cannot be used is refused with a message naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import normalize, vocabulary

SHIPPED = vocabulary.PATH.read_text(encoding="utf-8")


def _load(tmp_path: Path, text: str) -> vocabulary.Vocabulary:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    return vocabulary.load(path)


def test_the_shipped_vocabulary_is_what_questions_are_read_with() -> None:
    shipped = vocabulary.load()
    assert shipped.anchors == normalize.DOMAIN_ANCHORS
    assert normalize.tokens("Non-Roth after-tax money in my 401(k)") == [
        "aftertax",
        "money",
        "401k",
    ]
    # A rewrite with a group reference, a synonym and a stopword, as the file says.
    assert normalize.tokens("Box 2a shows the growth") == ["box2a", "show", "earn"]
    assert normalize.split_sentences("I am not sure about the split.") == (
        ("i am not sure about the split.", True),
    )
    assert normalize.clean("my AT bucket, at work") == "my after-tax bucket, at work"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("  penalti: [penal]", "  penalti: [penal, gain]", "'gain' is under both earn and penalti"),
        (
            "    match: '\\bcatch[\\s-]*ups?\\b'",
            "    match: '\\bcatch[\\s-]*(ups?\\b'",
            "rewrites #34 match: Value error, not a regular expression",
        ),
        ("  - to: 'box\\1'", "  - to: 'box\\2'", "`to` cannot replace this pattern's matches"),
        ("question_cues:", "question_clues:", "question_clues: Extra inputs are not permitted"),
        ("  - to: 'tira'\n", "  - to: 'Trad IRA'\n  - to: 'tira'\n", "rewrites #12 match: Field"),
        ("anchors: [", "anchors: [Roth IRA, ", "anchors #1: String should match pattern"),
    ],
    ids=["stem-twice", "bad-regex", "bad-group", "unknown-key", "no-match", "bad-token"],
)
def test_an_unusable_vocabulary_is_refused_saying_where(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    assert old in SHIPPED
    with pytest.raises(vocabulary.VocabularyError) as refused:
        _load(tmp_path, SHIPPED.replace(old, new, 1))
    message = str(refused.value)
    assert str(tmp_path / "vocabulary.yaml") in message
    assert said in message


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"rewrites: [\n", "not valid YAML"),
        (b"- just a list\n", "(the file)"),
        (b"\xff\xfe not utf-8", "cannot be read"),
    ],
)
def test_a_vocabulary_that_is_not_one_is_refused(tmp_path: Path, content: bytes, said: str) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_bytes(content)
    with pytest.raises(vocabulary.VocabularyError) as refused:
        vocabulary.load(path)
    assert str(path) in str(refused.value)
    assert said in str(refused.value)


def test_a_missing_vocabulary_is_refused(tmp_path: Path) -> None:
    with pytest.raises(vocabulary.VocabularyError, match="cannot be read"):
        vocabulary.load(tmp_path / "vocabulary.yaml")
