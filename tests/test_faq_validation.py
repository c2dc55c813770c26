"""FAQ files: the shipped ones are valid and complete; broken ones are reported precisely."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.cli import main
from knowledge import frontmatter, loader
from knowledge.base import KnowledgeBase, validate_folder
from knowledge.frontmatter import CONFLICT_MESSAGE as CONFLICT
from knowledge.loader import (
    DEFAULT_FAQ_DIR,
    FaqInvalid,
    load_entries,
    read_entries,
    scan_folder,
    told_of,
)
from knowledge.model import FULL_LIMIT, SHORT_LIMIT
from tests.faq_factory import entry_text, write_entry

SPEC = Path(__file__).resolve().parents[1] / "docs"
PROBLEM_LINE = re.compile(r"^.+:\d+: .+$")


def topic_ids() -> list[str]:
    return [t["id"] for t in yaml.safe_load((SPEC / "topics.yaml").read_text())]


def problems_in(folder: Path) -> list[str]:
    return [str(p) for p in read_entries(folder)[1]]


# -- the shipped FAQ ----------------------------------------------------------------------


def test_shipped_faq_is_valid_and_covers_every_topic() -> None:
    entries, problems = read_entries(DEFAULT_FAQ_DIR)
    assert [str(p) for p in problems] == []
    ids = {e.id for e in entries}
    missing = set(topic_ids()) - ids
    assert not missing, f"topics without an FAQ entry: {sorted(missing)}"


def test_every_shipped_entry_cites_an_https_source_and_has_aliases() -> None:
    for entry in load_entries(DEFAULT_FAQ_DIR):
        assert entry.sources, entry.id
        assert all(s.url.scheme == "https" for s in entry.sources), entry.id
        assert len(entry.aliases) >= 5, f"{entry.id} needs more ways people ask it"


# Facts from topics.yaml `covers` and facts.yaml that each answer must state, as strings
# that must appear in the entry's short or full answer (case-insensitive).
REQUIRED_FACTS = {
    "mega-backdoor-overview": ["415(c)", "in-plan", "in-service"],
    "three-buckets": ["402(g)", "nondeductible"],
    "pro-rata-401k-after-tax": ["8606", "72(e)(8)", "72(d)(2)"],
    "irs-partial-distribution-faq": ["$100,000", "$80,000", "$20,000", "72(d)(2)"],
    "split-earnings-to-traditional-ira": ["2014-54", "20%", "backdoor-roth-pro-rata-impact"],
    "earnings-taxable-in-roth": ["10%", "59", "$1,005", "/split", "W-4"],
    "backdoor-roth-pro-rata-impact": ["December 31", "8606", "/form8606"],
    "mega-backdoor-not-affected-by-ira": ["pro-rata", "basis"],
    "in-plan-conversion-vs-in-service-withdrawal": ["in-plan", "5-year", "four"],
    "conversion-frequency": ["/schedule"],
    "delay-conversion-downside": ["tax-deferred", "ordinary income"],
    "form-1099r-reporting": ["box 1", "box 2a", "box 5", "code G", "code H", "5a", "5b", "5c"],
    "contribution-limits": ["72,000", "24,500", "8,000", "11,250", "150,000", "/room"],
    "solo-401k-after-tax": ["plan document", "415(c)"],
    "roth-ira-withdrawal-rules": ["5", "10%", "first-in"],
    "direct-vs-indirect-rollover": ["60", "20%"],
    "notice-2014-54": ["January 1, 2015", "September 18, 2014"],
    "reverse-rollover-ira-to-401k": ["December 31", "basis"],
}


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_FACTS))
def test_entry_states_its_required_facts(entry_id: str) -> None:
    entry = KnowledgeBase.load().get(entry_id)
    assert entry is not None
    text = f"{entry.short}\n{entry.body}\n{' '.join(entry.related)}".casefold()
    missing = [fact for fact in REQUIRED_FACTS[entry_id] if fact.casefold() not in text]
    assert not missing, f"{entry_id} does not state: {missing}"


# -- broken files -------------------------------------------------------------------------


def test_valid_folder_loads(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", related=["beta"])
    write_entry(tmp_path, "beta")
    assert [e.id for e in load_entries(tmp_path)] == ["alpha", "beta"]


def test_bad_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "alpha.md").write_text("---\nid: alpha\ntitle: [unclosed\nshort: x\n---\nbody\n")
    [problem] = problems_in(tmp_path)
    assert problem.startswith(f"{tmp_path / 'alpha.md'}:")
    assert "invalid YAML" in problem
    assert int(problem.split(":")[1]) in (3, 4)


def test_missing_front_matter_and_unclosed_front_matter(tmp_path: Path) -> None:
    (tmp_path / "alpha.md").write_text("just text\n")
    (tmp_path / "beta.md").write_text("---\nid: beta\n")
    problems = problems_in(tmp_path)
    assert any("alpha.md:1: file must start with a '---'" in p for p in problems)
    assert any("beta.md:1: front matter is not closed" in p for p in problems)


@pytest.mark.parametrize(
    ("glued", "where"),
    [
        ("---\nThe full answer", "---The full answer"),  # (the line break after it deleted)
        ("\n---\nThe full answer", "---\nThe full answer"),  # (the one before it)
        ("---\nid: alpha", "---id: alpha"),  # (the opening one)
    ],
)
def test_a_front_matter_line_run_together_with_its_neighbour_is_told_at_its_line(
    tmp_path: Path, glued: str, where: str
) -> None:
    """A line break deleted beside a '---' (an editor's join-lines, a slip of the Delete
    key) was told as 'front matter is not closed by a second ---' or 'must start with a
    ---' at line 1, which is there and fine: the moderator had 60 lines to search."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    assert text.count(glued) == 1
    path.write_text(text.replace(glued, where))
    fixed = path.read_text().replace(where, glued)
    line = 1 + next(
        i for i, t in enumerate(path.read_text().split("\n")) if "---" in t and t != "---"
    )
    [problem] = problems_in(tmp_path)
    assert problem.startswith(f"{path}:{line}: "), problem
    assert (
        "'---' must be alone on its line: put what is joined to it on a line of its own" in problem
    )
    path.write_text(fixed)
    assert problems_in(tmp_path) == []


def test_missing_and_unknown_fields_point_at_lines(tmp_path: Path) -> None:
    text = entry_text("alpha", short=None, colour="blue")
    (tmp_path / "alpha.md").write_text(text)
    problems = problems_in(tmp_path)
    colour_line = text.splitlines().index("colour: blue") + 1
    assert any(":1: missing required field 'short'" in p for p in problems)
    assert any(f":{colour_line}: unknown field 'colour'" in p for p in problems)


def test_non_https_source_is_refused_with_its_line(tmp_path: Path) -> None:
    """A source's field is told at its own line: a URL's problem was told at the line of
    the source's title, above it, where a moderator looked for the mistake in vain."""
    sources = [
        {"title": "IRS page", "url": "https://www.irs.gov/x"},
        {"title": "Old page", "url": "http://www.irs.gov/x"},
    ]
    path = write_entry(tmp_path, "alpha", sources=sources)
    lines = path.read_text().splitlines()
    url_line = next(i for i, line in enumerate(lines, 1) if "http://" in line)
    assert lines[url_line - 1].strip() == "url: http://www.irs.gov/x"
    assert problems_in(tmp_path) == [
        f"{path}:{url_line}: source 2's url: source URL must use https, got http://"
    ]


def test_entry_needs_a_source(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", sources=[])
    [problem] = problems_in(tmp_path)
    assert "sources" in problem


def test_duplicate_ids_and_aliases_across_files(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", aliases=["can I split it"])
    write_entry(tmp_path, "alpha", name="alpha-copy.md", aliases=["Can I split it?"])
    problems = problems_in(tmp_path)
    assert any("duplicate id 'alpha'" in p for p in problems)
    [alias_problem] = [p for p in problems if "duplicate alias" in p]
    assert "split it" in alias_problem and "alpha" in alias_problem
    assert any("must match the file name" in p for p in problems)


@pytest.mark.parametrize("copy", ["aardvark.md", "zulu.md"])
def test_an_entry_copied_with_its_id_unchanged_is_told_in_the_copy_only(
    tmp_path: Path, copy: str
) -> None:
    """A file copied to start a new entry, its id left as it was, gave twice its aliases in
    problems, half of them blamed on the untouched original (the one before it by name),
    and a fix that renamed the copy onto the original ("expected alpha.md")."""
    original = write_entry(tmp_path, "alpha", aliases=["how does alpha work", "alpha basics"])
    copied = tmp_path / copy
    copied.write_text(original.read_text())
    said = [(Path(p.path).name, p.line, p.message) for p in read_entries(tmp_path)[1]]
    assert {name for name, _, _ in said} == {copy}, said
    lines = copied.read_text().split("\n")
    assert {m for _, line, m in said if lines[line - 1].startswith("id:")} == {
        f"duplicate id 'alpha' (also in {original}): give this entry its own id, and the file "
        "the same name",
        # (not "or name the file alpha.md": that is the original's name)
        f"id 'alpha' must match the file name '{copy}': write id: {copied.stem}",
    }
    assert len(said) == 5  # (its id twice, its title, its two aliases)


def test_an_id_unlike_its_files_name_is_offered_both_fixes(tmp_path: Path) -> None:
    """Where no file has the id's name, renaming the file is as good a fix as the id."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta", name="betta.md")
    assert problems_in(tmp_path) == [
        f"{tmp_path / 'betta.md'}:2: id 'beta' must match the file name 'betta.md': write id: "
        "betta, or name the file beta.md"
    ]


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        (
            "title",
            "\u201cWhat is alpha?\u201d",
            "the title is wrapped in typographic quotes (\u201c...\u201d)",
        ),
        (
            "aliases",
            ["fine", "\u00abalpha basics\u00bb"],
            "alias 2 is wrapped in typographic quotes (\u00ab...\u00bb)",
        ),
        (
            "keywords",
            ["\u201ealpha\u201c"],
            "keyword 1 is wrapped in typographic quotes (\u201e...\u201c)",
        ),
        (
            "short",
            "\u201cA short answer about alpha.\u201d",
            "the short answer is wrapped in typographic",
        ),
    ],
)
def test_a_value_in_curly_quotes_is_told_at_its_line(
    tmp_path: Path, field: str, value: object, said: str
) -> None:
    """YAML quotes with straight quotes only: a title pasted in a word processor's curly
    ones validated, and menus and "Related" showed the quotes as part of it."""
    path = write_entry(tmp_path, "alpha", **{field: value})
    [problem] = read_entries(tmp_path)[1]
    assert problem.message.startswith(said), problem
    at = path.read_text().split("\n")[problem.line - 1]  # (its line; YAML escapes it)
    assert at.startswith(f"{field}:") if isinstance(value, str) else "alpha" in at, at


@pytest.mark.parametrize(
    "title",
    [
        "\u201cMega backdoor\u201d is a nickname for \u201cafter-tax to Roth\u201d",
        "\u2018Pro rata\u2019 and the plan\u2019s after-tax account",
        "What does \u201cin-service\u201d mean?",
    ],
)
def test_quotes_inside_a_title_are_its_text(tmp_path: Path, title: str) -> None:
    write_entry(tmp_path, "alpha", title=title)
    assert problems_in(tmp_path) == []


def test_two_entries_cannot_share_a_title(tmp_path: Path) -> None:
    """Menus, autocomplete and Related show titles: two alike cannot be told apart."""
    write_entry(tmp_path, "alpha", title="What is IRS Notice 2014-54?")
    write_entry(tmp_path, "beta", title="what is irs notice 2014-54")
    write_entry(tmp_path, "delta", aliases=["What is IRS Notice 2014-54"])
    said = sorted((f"{Path(p.path).name}:{p.line}", p.message) for p in read_entries(tmp_path)[1])
    alpha, beta, delta = (tmp_path / f"{n}.md" for n in ("alpha", "beta", "delta"))
    title = "What is IRS Notice 2014-54?"
    assert said == [
        # in the other file too: which of the two was just edited is not known
        ("alpha.md:3", f"'{title}' is also an alias in {delta}: change one of the two"),
        ("alpha.md:3", f"'{title}' is also the title in {beta}: change one of the two"),
        (
            "beta.md:3",
            f"the title '{title.lower()[:-1]}' is already a title or alias in {alpha}: "
            "give this entry its own",
        ),
        ("delta.md:6", f"duplicate alias '{title[:-1]}' (also in {alpha})"),
    ]


@pytest.mark.parametrize(
    "broken",
    [
        {"sources": [{"title": "IRS", "url": "htps://www.irs.gov/x"}]},
        {"short": None},
        {"updated": "someday"},
        {"id": "Beta Entry"},  # (its file's name stands for it)
    ],
    ids=["mistyped-link", "no-short", "bad-date", "bad-id"],
)
def test_a_copied_alias_or_title_is_told_beside_the_files_own_problem(
    tmp_path: Path, broken: dict[str, object]
) -> None:
    """A file with a problem of its own (a mistyped link) was left out of the checks across
    files, so its copy of another entry's alias or title was told only at the next run,
    once the link was fixed. Both are told in one run, in both files, and the file's
    problem keeps the folder from loading as before."""
    alpha = write_entry(tmp_path, "alpha", title="Can I split it?", aliases=["what is pro rata"])
    beta = write_entry(
        tmp_path, "beta", title="can I split it", aliases=["What is pro-rata?", 7], **broken
    )
    said = [(Path(p.path).name, p.message) for p in read_entries(tmp_path)[1]]
    own = [m for name, m in said if name == "beta.md" and "also" not in m]
    assert len(own) >= 1, said
    assert ("beta.md", f"duplicate alias 'What is pro-rata?' (also in {alpha})") in said
    assert (
        "alpha.md",
        f"'what is pro rata' is also an alias in {beta}: change one of the two",
    ) in said
    assert (
        "beta.md",
        f"the title 'can I split it' is already a title or alias in {alpha}: give this entry "
        "its own",
    ) in said
    with pytest.raises(FaqInvalid):
        KnowledgeBase.load(tmp_path)


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        ({"updated": "2099-01-01"}, "updated: 2099-01-01 is in the future"),
        ({"alises": ["a typo"]}, "unknown field 'alises'"),
        ({"sources": [{"title": "IRS", "url": "http://www.irs.gov/x"}]}, "must use https"),
        ({"title": None}, "missing required field 'title'"),
    ],
    ids=["date-ahead", "unknown-field", "http-link", "no-title"],
)
def test_a_files_other_problems_are_told_beside_a_wrong_field(
    tmp_path: Path, wrong: dict[str, object], said: str
) -> None:
    """A date ahead (or any field pydantic refuses) hid the file's other problems, an
    over-long short, a not-tax-advice line, a related id that does not exist: a moderator
    saw one, fixed it, and only then the next. All are told in one run."""
    write_entry(tmp_path, "alpha")
    write_entry(
        tmp_path,
        "beta",
        short="Not tax advice. " + "word " * 100,
        related=["ghost"],
        **wrong,
    )
    messages = [p.message for p in read_entries(tmp_path)[1] if p.path.endswith("beta.md")]
    assert any(said in m for m in messages), messages
    assert any(m.startswith("short is 515 characters; at most 400") for m in messages), messages
    assert any(m.startswith("the short says 'Not tax advice'") for m in messages), messages
    assert "related id 'ghost' does not exist" in messages, messages
    assert len(messages) == 4, messages


@pytest.mark.parametrize(
    "below",
    ["aliases:\n  - why is it taxed", "keywords: [growth]", "related:", "updated: 2026-12-01"],
)
def test_a_field_written_below_the_front_matter_is_told_at_its_line(
    tmp_path: Path, below: str
) -> None:
    """A field added under the closing '---' validated, and members were shown it as
    part of the full answer ("aliases:" and its list), while the moderator thought it set.
    Field names inside a sentence or later on a line are answer text as before."""
    body = (
        "The full answer.\nSources: see below. Its aliases: none.\n"
        "```yaml\naliases:\n  - an example of front matter, shown as code\n```\n"
        f"{below}"
    )
    write_entry(tmp_path, "alpha", body=body)
    [problem] = read_entries(tmp_path)[1]
    lines = (tmp_path / "alpha.md").read_text().split("\n")
    assert lines[problem.line - 1] == below.split("\n")[0]
    field = below.split(":")[0]
    assert problem.message == (
        f"'{field}:' is below the closing '---', in the full answer members see: move it up "
        "into the front matter (between the two '---' lines)"
    )


def test_a_file_that_is_no_entry_at_all_is_not_checked_across_files(tmp_path: Path) -> None:
    """Front matter that is a list, not fields, gives nothing to compare: its own problem
    alone is told."""
    write_entry(tmp_path, "alpha", aliases=["what is pro rata"])
    (tmp_path / "beta.md").write_text("---\n- what is pro rata\n---\nBody.\n")
    said = problems_in(tmp_path)
    assert len(said) == 1 and "beta.md" in said[0] and "pro rata" not in said[0], said


def test_an_alias_that_repeats_its_own_title_is_named_as_that(tmp_path: Path) -> None:
    """It was "duplicate alias ... (also in this file)", which sent a moderator looking
    for a second alias that is not there."""
    write_entry(tmp_path, "alpha", title="Can I split it?", aliases=["can I split it"])
    [problem] = problems_in(tmp_path)
    assert "the alias 'can I split it' is this entry's title, matched already" in problem


def test_related_ids_must_exist(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", related=["no-such-entry"])
    [problem] = problems_in(tmp_path)
    assert "related id 'no-such-entry' does not exist" in problem


def test_answers_too_long_for_an_embed(tmp_path: Path) -> None:
    sources = [
        {"title": f"IRS page number {i}", "url": f"https://www.irs.gov/retirement-plans/page-{i}"}
        for i in range(20)
    ]
    path = write_entry(tmp_path, "alpha", sources=sources)
    [problem] = problems_in(tmp_path)
    assert "the 'Sources' field is" in problem and "allows 1024" in problem
    # on the line that starts the sources, not line 1
    assert problem.startswith(f"{path}:{path.read_text().split(chr(10)).index('sources:') + 1}:")


@pytest.mark.parametrize("written", ["related: [alpha]", "related:\n- alpha"])
def test_an_entry_related_to_itself_is_told_on_the_related_line(
    tmp_path: Path, written: str
) -> None:
    """(Its id is on the id line too: that is not the line to change.)"""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text().replace("related: []", written)
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    lines = text.split("\n")
    line = lines.index(written.split("\n")[-1], lines.index(written.split("\n")[0])) + 1
    assert problem == f"{path}:{line}: an entry cannot be related to itself"


def test_an_entry_related_to_itself_is_told_beside_an_id_listed_twice(tmp_path: Path) -> None:
    """The id listed twice made the file one with problems of its own, whose related ids
    were no longer questioned: the entry naming itself was told only once the other was
    fixed."""
    write_entry(tmp_path, "beta")
    path = write_entry(tmp_path, "alpha", related=["alpha", "beta", "beta"])
    said = problems_in(tmp_path)
    assert any("lists 'beta' twice" in s for s in said), said
    assert any(s.startswith(f"{path}:") and "related to itself" in s for s in said), said
    assert len(said) == 2, said


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", related=["ghost"])
    write_entry(tmp_path, "beta", sources=[{"title": "x", "url": "ftp://example.com"}])
    (tmp_path / "gamma.md").write_text("---\nid: gamma\n: :\n---\n")
    (tmp_path / "delta.md").write_bytes(b"---\nid: delta\xff\n---\n")
    problems = problems_in(tmp_path)
    for name in ("alpha.md", "beta.md", "gamma.md", "delta.md"):
        assert any(name in p for p in problems), name
    assert all(PROBLEM_LINE.match(p) for p in problems)


def test_broken_folder_never_loads_half(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta", title="")
    with pytest.raises(FaqInvalid) as info:
        KnowledgeBase.load(tmp_path)
    assert len(info.value.problems) == 1


def test_refusals_count_problems_in_plain_words(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", title="")
    with pytest.raises(FaqInvalid) as one:
        KnowledgeBase.load(tmp_path)
    write_entry(tmp_path, "beta", title="")
    with pytest.raises(FaqInvalid) as two:
        KnowledgeBase.load(tmp_path)
    assert str(one.value) == "1 problem in the FAQ files"
    assert str(two.value) == "2 problems in the FAQ files"


@pytest.mark.parametrize(
    "written", ["2026-11-31", "2026-13-01", "0000-01-01", "2026-12-03 25:61:00"]
)
def test_a_date_that_does_not_exist_is_a_problem_with_its_line(
    tmp_path: Path, written: str
) -> None:
    edited = f"updated: {written}"
    shown = _problems_with(
        tmp_path,
        lambda text: re.sub(r"(?m)^updated: .*$", edited, text),
        edited,
        f"- text: what is alpha anyway\n  source: {written}\n",
    )
    wrong = f"{written} is not a real date: write an existing one as YYYY-MM-DD"
    assert shown == sorted(
        [
            f"{tmp_path / 'examples' / 'alpha.yaml'}:2: {wrong}",
            f"{tmp_path / 'alpha.md'}:LINE: {wrong}",
        ]
    )


def test_a_date_that_does_not_exist_hides_no_other_problem_of_its_file(tmp_path: Path) -> None:
    """The README promises every problem of a file in one run: a day that does not exist
    was refused while the file was read, and the unknown field, the link and the related id
    that does not exist were told only once it was fixed."""
    path = write_entry(
        tmp_path,
        "alpha",
        related=["no-such-entry"],
        sources=[{"title": "IRS page", "url": "htp://www.irs.gov/x"}],
    )
    text = path.read_text().replace("updated: ", "alises: [x]\nupdated: ")
    path.write_text(re.sub(r"(?m)^updated: .*$", "updated: 2026-02-30", text))
    # Where a text goes, such a day was no text either: it is told there too.
    beta = write_entry(tmp_path, "beta")
    beta.write_text(beta.read_text().replace("- how does beta work", "- 2026-02-31"))
    said = problems_in(tmp_path)
    assert any("2026-02-30 is not a real date" in s for s in said), said
    assert any("unknown field 'alises'" in s for s in said), said
    assert any("htp://" in s or "https://" in s for s in said), said
    assert any("'no-such-entry' does not exist" in s for s in said), said
    assert any(s.startswith(f"{beta}:") and "2026-02-31 is not a real" in s for s in said), said
    assert len(said) == 5, said


def _problems_with(
    folder: Path, edit: Callable[[str], str], edited_line: str, examples: str
) -> list[str]:
    """The problems, sorted, of a folder whose entry 'alpha' is edited (its ``edited_line``
    shown as LINE) and whose examples file for it holds ``examples``."""
    write_entry(folder, "alpha")
    path = folder / "alpha.md"
    text = edit(path.read_text())
    path.write_text(text)
    line = text.splitlines().index(edited_line) + 1
    (folder / "examples").mkdir()
    (folder / "examples" / "alpha.yaml").write_text(examples)
    shown = [str(p) for p in validate_folder(folder)[0].problems]
    return sorted(s.replace(f"{path}:{line}: ", f"{path}:LINE: ") for s in shown)


def test_missing_or_empty_folder(tmp_path: Path) -> None:
    assert "no FAQ files" in problems_in(tmp_path)[0]
    assert "does not exist" in problems_in(tmp_path / "nope")[0]


def test_the_examples_folder_given_as_the_faq_is_told_which_folder_to_give(
    tmp_path: Path,
) -> None:
    """Given for the FAQ, the examples folder got a notice for each of its files,
    "examples files go in the 'examples' folder", where they were, before "no FAQ files"
    (a moderator trial)."""
    write_entry(tmp_path, "alpha")
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "alpha.yaml").write_text("- text: what is alpha\n")
    scan, _ = validate_folder(examples)
    assert [str(p) for p in scan.problems] == [
        f"{examples}:0: no FAQ files (<id>.md) found in this folder: it is the examples "
        f"folder of the FAQ in {tmp_path}; give that folder"
    ]
    assert scan.notices == []


# -- the command line ---------------------------------------------------------------------


def test_cli_validate_ok_on_shipped_faq(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_cli_validate_lists_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(tmp_path, "alpha", related=["ghost"])
    write_entry(tmp_path, "beta", sources=[])
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert all(PROBLEM_LINE.match(line) for line in lines)


def test_cli_validate_shows_a_name_that_is_not_utf8_readably(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder or file whose name is not UTF-8 (b"faq\\xff") was named with '?' or a lone
    surrogate, which a UTF-8 terminal cannot show: it is shown with U+FFFD and why, once."""
    from bot.not_utf8 import NOTE

    folder = tmp_path / os.fsdecode(b"faq\xff")
    assert main(["faq", "validate", "--faq-dir", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    shown = f"{tmp_path}/faq\ufffd"
    assert lines == [f"{shown}:0: FAQ folder does not exist or is not a folder", NOTE], lines
    write_entry(folder, "alpha")
    write_entry(folder, "beta").rename(folder / os.fsdecode(b"b\xe9ta.md"))  # (not read)
    assert main(["faq", "validate", "--faq-dir", str(folder)]) == 0
    notice, ok, *rest = capsys.readouterr().out.splitlines()
    assert notice.startswith(f"{shown}/b\ufffdta.md:1: notice: not read"), notice
    assert ok == f"ok: 1 FAQ entry and 0 example questions in {shown} are valid", ok
    assert rest == [NOTE], rest
    assert main(["faq", "validate", "--faq-dir", str(tmp_path / "faq")]) == 1  # (plain: no note)
    assert NOTE not in capsys.readouterr().out


def test_cli_validate_a_file_or_an_empty_folder_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--faq-dir naming a file is one problem (not also a made-up examples folder inside
    it); an empty --faq-dir (an unset variable in a script) is refused, not read as '.'."""
    path = write_entry(tmp_path, "alpha")
    assert main(["faq", "validate", "--faq-dir", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{path}:0: FAQ folder does not exist or is not a folder"]
    for command in (["faq", "validate"], ["ask", "mega backdoor"]):
        assert main([*command, "--faq-dir", ""]) == 2
        # ("the folder is empty" read as a folder with no files in it)
        assert "--faq-dir: no folder given (an empty name); give one" in capsys.readouterr().err


def test_cli_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["faq", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["entries"]
    assert all(set(r) == {"id", "title"} for r in rows)  # (docs/cli.md's shape)
    assert [r["id"] for r in rows] == [p.stem for p in sorted(DEFAULT_FAQ_DIR.glob("*.md"))]
    assert set(topic_ids()) <= {r["id"] for r in rows}


def test_cli_ask_with_broken_faq_dir_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(tmp_path, "alpha", sources=[])
    assert main(["ask", "anything", "--faq-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "faq validate" in err and err.count("\n") == 1


# -- what moderators run into ---------------------------------------------------------------


def test_files_that_are_not_entries_are_ignored_with_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_entry(tmp_path, "alpha")
    (tmp_path / "README.md").write_text("# How we write entries\n\nNotes for moderators.\n")
    (tmp_path / "Draft ideas.md").write_text("half a thought\n")
    scan = scan_folder(tmp_path)
    assert [e.id for e in scan.entries] == ["alpha"] and scan.problems == []
    assert sorted(Path(n.path).name for n in scan.notices) == ["Draft ideas.md", "README.md"]
    assert KnowledgeBase.load(tmp_path).get("alpha") is not None
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'README.md'}:1: notice: not an FAQ entry" in out
    assert "ok: 1 FAQ entry and 0 example questions in" in out


def test_a_broken_file_does_not_make_healthy_files_report_its_id(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", related=["beta"])
    write_entry(tmp_path, "beta", sources=[])
    problems = problems_in(tmp_path)
    assert len(problems) == 1 and "beta.md" in problems[0] and "sources" in problems[0]


def test_a_related_id_mistyped_is_told_the_id_it_is_most_like(tmp_path: Path) -> None:
    write_entry(tmp_path, "notice-2014-54")
    write_entry(tmp_path, "alpha", related=["notice-2014-45", "zeta-quartz"])
    said = [p.message for p in read_entries(tmp_path)[1]]
    assert sorted(said) == [
        "related id 'notice-2014-45' does not exist: did you mean 'notice-2014-54'?",
        "related id 'zeta-quartz' does not exist",
    ]


def test_a_related_id_that_no_file_has_is_still_reported(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", related=["ghost"])
    [problem] = problems_in(tmp_path)
    assert "related id 'ghost' does not exist" in problem


FRONT = "---\nid: alpha\ntitle: {title}\nshort: A short answer about alpha.\n"
FRONT += (
    "sources:\n  - title: IRS\n    url: https://www.irs.gov/x\nupdated: 2026-12-01\n---\nBody.\n"
)


@pytest.mark.parametrize(
    ("title", "line", "words"),
    [
        ("Roth 401(k): what now?", 3, "put the whole value in quotes"),
        ('"an unclosed quote', 3, "never closed"),
        ("[a list, that never ends", 3, "not closed"),
        ("*starred", 3, "put the whole value in quotes"),
        ("@someone asked", 3, "put the whole value in quotes"),
        # Markdown bold or an HTML entity first (YAML's alias and anchor marks), a leading
        # '!' (a tag): told in YAML's words, "did not find expected alphabetic or numeric
        # character", with nothing to do about it.
        ("**Yes.** You can", 3, "a value cannot start with '*': put the whole value in quotes"),
        ("&nbsp;Roth or not", 3, "a value cannot start with '&': put the whole value in quotes"),
        ("!important question", 3, "a value cannot start with '!': put the whole value in quotes"),
        # A backslash in "..." starts an escape code: Markdown's "\$", a path, an emoji as
        # JSON writes it ("\ud83d\ude80") were told as "found unknown escape character".
        ('"Is $5 \\$5?"', 3, 'a backslash (\\) inside "..." starts an escape code'),
        ('"Saved in C:\\Users"', 3, 'a backslash (\\) inside "..." starts an escape code'),
        ('"Rocket \\ud83d\\ude80"', 3, 'a backslash (\\) inside "..." starts an escape code'),
        # A Markdown quote or table first (YAML's block marks, then text on their line), a
        # '- ' after the key: "did not find expected comment or line break", "block sequence
        # entries are not allowed in this context".
        ("> quoted from a post", 3, "a value cannot start with '>': put the whole value in quotes"),
        ("| a | table |", 3, "a value cannot start with '|': put the whole value in quotes"),
        ("- a list item", 3, "a '- ' right after 'title:' on its line"),
        # A forum title's flair first ("[Solved]", "{Update}"): a list or mapping to YAML,
        # then text after it, told as "the indentation does not line up".
        ("[Solved] Roth 401(k) rollover", 3, "a value cannot start with '['"),
        ("{Update} my plan changed", 3, "a value cannot start with '{'"),
    ],
)
def test_yaml_mistakes_are_explained_on_their_line(
    tmp_path: Path, title: str, line: int, words: str
) -> None:
    (tmp_path / "alpha.md").write_text(FRONT.format(title=title))
    [problem] = problems_in(tmp_path)
    assert problem.startswith(f"{tmp_path / 'alpha.md'}:{line}: invalid YAML: "), problem
    assert words in problem


def test_a_value_written_after_a_hash_is_said_to_be_a_comment(tmp_path: Path) -> None:
    """ "title: # Heading" or "- text: #1 question": YAML reads what follows '#' as a comment,
    so the value is empty, and the moderator, who wrote one, was told "is empty: write it"."""
    (tmp_path / "alpha.md").write_text(FRONT.format(title="# After-tax rollovers"))
    [problem] = problems_in(tmp_path)
    assert problem == (
        f"{tmp_path / 'alpha.md'}:3: title: is empty: a '#' after the colon starts a YAML "
        "comment, which leaves out what follows: put the whole value in quotes"
    )
    # (A comment after a list's key is one: the list is empty, which may simply go.)
    (tmp_path / "alpha.md").write_text(
        FRONT.format(title="Fine").replace("short:", "aliases: # none yet\nshort:")
    )
    [problem] = problems_in(tmp_path)
    assert problem.endswith(":4: aliases: is empty: write it, or remove the line"), problem
    (tmp_path / "alpha.md").write_text(FRONT.format(title="Fine"))
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "- text: how does alpha work\n- text: #1 question: can I split it?\n"
    )
    [problem] = validate_folder(tmp_path)[0].problems
    assert str(problem).startswith(
        f"{tmp_path / 'examples' / 'alpha.yaml'}:2: text: is empty: a '#'"
    )


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("> quoted from a post", "a value cannot start with '>': put the whole value in quotes"),
        ("| a | table |", "a value cannot start with '|': put the whole value in quotes"),
        ("- a list item", "a '- ' right after 'title:' on its line"),
        ('"Is $5 \\$5?"', 'a backslash (\\) inside "..." starts an escape code'),
        ("**Yes.** You can", "a value cannot start with '*': put the whole value in quotes"),
        ("[Solved] Roth 401(k) rollover", "a value cannot start with '[': put the whole value"),
    ],
)
def test_yaml_mistakes_are_explained_by_pyyaml_without_libyaml_too(title: str, words: str) -> None:
    """PyYAML installed without libyaml (built from source) loads with its pure-Python
    loader (frontmatter.YAML_LOADER), which words some problems otherwise: a Markdown quote
    or table first, "expected a comment or a line break, but found 'q'", and a '- ' after
    the key, "sequence entries are not allowed here", were told in those words."""
    text = FRONT.format(title=title).split("---\n")[1]
    with pytest.raises(yaml.YAMLError) as info:
        yaml.load(text, Loader=yaml.SafeLoader)  # (the pure-Python loader, a safe one)
    line, said = frontmatter.explain_yaml_error(info.value, text)
    assert line == 3 and said.startswith("invalid YAML: ") and words in said, said


def test_tabs_and_repeated_keys_are_explained(tmp_path: Path) -> None:
    (tmp_path / "alpha.md").write_text(FRONT.format(title="Fine").replace("  - title", "\t- title"))
    (tmp_path / "beta.md").write_text(
        FRONT.format(title="One").replace("id: alpha", "id: beta") + ""
    )
    text = (tmp_path / "beta.md").read_text().replace("short:", "title: Two\nshort:", 1)
    (tmp_path / "beta.md").write_text(text)
    problems = problems_in(tmp_path)
    assert any("alpha.md:" in p and "tab character" in p for p in problems), problems
    assert any("beta.md:4: 'title' appears twice (also on line 3)" in p for p in problems)


def test_a_key_twice_in_one_source_item_is_explained(tmp_path: Path) -> None:
    """A forgotten '- ' before a second source puts two titles and two URLs in one item:
    YAML keeps the last of each, and the first source would be lost without a word."""
    second = (
        "    title: IRS Notice 2014-54\n    url: https://www.irs.gov/pub/irs-drop/n-14-54.pdf\n"
    )
    text = FRONT.format(title="Fine").replace("updated:", second + "updated:")
    (tmp_path / "alpha.md").write_text(text)
    [problem] = problems_in(tmp_path)
    assert problem == (
        f"{tmp_path / 'alpha.md'}:8: 'title' appears twice in one item (also on line 6): keep "
        "one, or start the next item with '- '"
    )
    fixed = text.replace("    title: IRS Notice", "  - title: IRS Notice")
    (tmp_path / "alpha.md").write_text(fixed)
    assert problems_in(tmp_path) == []  # (the '- ' put back: two sources)


def test_short_and_full_answer_limits_are_reported_with_their_counts(tmp_path: Path) -> None:
    write_entry(tmp_path, "fits", short="s" * SHORT_LIMIT, body="b" * FULL_LIMIT)
    write_entry(tmp_path, "long", short="s" * (SHORT_LIMIT + 1), body="b" * (FULL_LIMIT + 1))
    problems = problems_in(tmp_path)
    assert len(problems) == 2 and all("long.md" in p for p in problems)
    assert any(
        f"short is {SHORT_LIMIT + 1} characters; at most {SHORT_LIMIT}" in p for p in problems
    )
    assert any(f"is {FULL_LIMIT + 1:,} characters; at most {FULL_LIMIT:,}" in p for p in problems)


def test_a_full_answer_pasted_as_the_short_one_gets_one_piece_of_advice(tmp_path: Path) -> None:
    """A short answer of 2,700 characters (the full answer pasted in) was told to move its
    detail to the full answer, and, at the body's line, "short + full answer is 4414
    characters; an embed description allows 4096: shorten the body": the body was fine."""
    long_short = "A direct answer that goes on and on. " * 75
    write_entry(tmp_path, "alpha", short=long_short, body="Full answer words. " * 90)
    [problem] = problems_in(tmp_path)
    assert f"short is {len(long_short.strip()):,} characters; at most {SHORT_LIMIT}" in problem
    assert "move the detail to the full answer" in problem


def test_a_not_tax_advice_line_in_the_file_is_refused(tmp_path: Path) -> None:
    path = write_entry(tmp_path, "alpha", body="First line.\n\nThis is not tax advice.")
    [problem] = problems_in(tmp_path)
    line = path.read_text().splitlines().index("This is not tax advice.") + 1
    assert problem.startswith(f"{path}:{line}: the answer says 'not tax advice'")


# Words of the pattern in several cases, pieces of them, and non-ASCII letters that
# IGNORECASE matches too.
_DISCLAIMER_WORDS = "not NOT isn't no tax Legal financial advice ADVICE advıce advİce adv ice é x"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_DISCLAIMER_WORDS.split(), "\n"])).map(" ".join) | st.text())
# (random draws find these only some of the time: a dotless i, a dotted capital I)
@example("This is not tax adv\u0131ce.")
@example("NOT LEGAL ADV\u0130CE")
def test_the_disclaimer_check_finds_what_the_full_search_finds(text: str) -> None:
    """ASCII text without "advice" skips the search; everything else is searched."""
    fast, full = loader.find_disclaimer(text), loader._DISCLAIMER.search(text)
    assert (fast and fast.span()) == (full and full.span())


def test_the_old_summary_field_is_named_with_its_new_name(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", short=None, summary="An answer written the old way.")
    [problem] = problems_in(tmp_path)
    assert "the field 'summary' is now called 'short'" in problem


def test_faq_show_json_matches_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["faq", "show", "notice-2014-54", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"id", "title", "short", "full", "sources", "related", "updated"}
    entry = KnowledgeBase.load().get("notice-2014-54")
    assert entry is not None
    assert data["short"] == entry.short and data["full"] == entry.body
    assert len(data["short"]) <= SHORT_LIMIT and len(data["full"]) <= FULL_LIMIT
    assert all(s["url"].startswith("https://") and s["title"] for s in data["sources"])
    assert data["related"] == list(entry.related)


def test_faq_show_text_and_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "show", "notice-2014-54"]) == 0
    out = capsys.readouterr().out
    entry = KnowledgeBase.load().get("notice-2014-54")
    assert entry is not None and out.startswith(entry.title)
    assert "not tax advice" in out and "notice-2014-54" not in out  # titles, not ids
    assert main(["faq", "show", "notice-2014"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: no FAQ entry 'notice-2014' (close: notice-2014-54")


def test_faq_show_short_prints_the_reply_discord_posts_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """To check on a computer how an entry reads on a phone: the short answer, the
    sources and the not-tax-advice line, without the full answer."""
    entry = KnowledgeBase.load().get("notice-2014-54")
    assert entry is not None
    assert main(["faq", "show", "notice-2014-54", "--short"]) == 0
    short = capsys.readouterr().out
    assert main(["faq", "show", "notice-2014-54"]) == 0
    full = capsys.readouterr().out
    first_line = entry.short.split("\n")[0][:40]
    assert short.startswith(entry.title) and first_line in " ".join(short.split())
    assert "not tax advice" in short and entry.sources[0].title in short
    assert len(short) < len(full)  # (the full answer is one click away in Discord)


def test_faq_show_takes_an_id_typed_in_capitals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["faq", "show", " Notice-2014-54 ", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "notice-2014-54"


@pytest.mark.parametrize(
    "typed",
    [str(DEFAULT_FAQ_DIR / "notice-2014-54.md"), "notice-2014-54.md", "faq\\Notice-2014-54.MD"],
)
def test_faq_show_and_the_console_take_an_entrys_file_for_its_id(
    capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    """'rollover-bot faq show knowledge/faq/notice-2014-54.md', as a shell's Tab completes
    it, was 'no FAQ entry', as was the console's '/faq notice-2014-54.md': the file names
    its entry. (Another name is still refused.)"""
    from bot.console import Console

    assert main(["faq", "show", typed, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "notice-2014-54"
    console = Console(KnowledgeBase.load())
    assert console.respond(f"/faq {typed}").text.startswith("What is IRS Notice 2014-54?")
    assert main(["faq", "show", "notice-2014.md"]) == 2


def test_faq_show_refuses_an_entrys_file_from_another_faq_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A moderator checking an edit in a working copy ('faq show ~/work/faq/x.md', or
    'faq show x.md' from that folder) was shown the entry of the FAQ folder read instead,
    the shipped one, under its file's name: the old text, as if the edit were that. A file
    typed that is not the entry's own is now refused, naming the --faq-dir that shows it;
    the FAQ's own file, and the id, are shown as before."""
    import shutil

    from bot.console import Console

    copy = tmp_path / "work"
    shutil.copytree(DEFAULT_FAQ_DIR, copy)
    text = (DEFAULT_FAQ_DIR / "notice-2014-54.md").read_text(encoding="utf-8")
    (copy / "notice-2014-54.md").write_text(
        text.replace("title: What is IRS Notice 2014-54?", "title: What is Notice 2014-54, edited?")
    )
    elsewhere = str(copy / "notice-2014-54.md")
    assert main(["faq", "show", elsewhere, "--short"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {elsewhere} is not in the FAQ folder read, {DEFAULT_FAQ_DIR}: to show that "
        f"file's entry, add --faq-dir {copy}\n"
    )
    assert main(["faq", "show", elsewhere, "--short", "--faq-dir", str(copy)]) == 0
    assert capsys.readouterr().out.startswith("What is Notice 2014-54, edited?")
    console = Console(KnowledgeBase.load())
    said = console.respond(f"/faq {elsewhere}").text
    assert said.startswith(f"{elsewhere} is not in the FAQ folder this console reads"), said
    monkeypatch.chdir(copy)  # (the file's bare name, typed in its folder)
    assert main(["faq", "show", "notice-2014-54.md"]) == 2
    assert "add --faq-dir ." in capsys.readouterr().err
    assert main(["faq", "show", "notice-2014-54", "--short"]) == 0  # (the id: as before)
    assert capsys.readouterr().out.startswith("What is IRS Notice 2014-54?")
    own = str(DEFAULT_FAQ_DIR / "notice-2014-54.md")
    assert main(["faq", "show", own, "--short"]) == 0
    assert capsys.readouterr().out.startswith("What is IRS Notice 2014-54?")


# -- how a file is cut into lines ----------------------------------------------------------


def test_a_byte_order_mark_and_windows_line_ends_load(tmp_path: Path) -> None:
    text = "\ufeff" + entry_text("alpha").replace("\n", "\r\n")
    (tmp_path / "alpha.md").write_text(text, encoding="utf-8", newline="")
    entries, problems = read_entries(tmp_path)
    assert problems == [] and [e.id for e in entries] == ["alpha"]
    assert entries[0].body == "The full answer, in a sentence or two."


def test_an_indented_dashes_line_is_yaml_text_not_the_end_of_the_front_matter(
    tmp_path: Path,
) -> None:
    text = entry_text("alpha", short=None).replace(
        "---\nThe full",
        "short: |-\n  A short answer.\n  ---\n  Still the short answer.\n---\nThe full",
    )
    (tmp_path / "alpha.md").write_text(text, encoding="utf-8")
    entries, problems = read_entries(tmp_path)
    assert problems == []
    assert entries[0].short == "A short answer.\n---\nStill the short answer."
    assert entries[0].body == "The full answer, in a sentence or two."


def test_a_form_feed_pasted_into_a_value_keeps_the_line_numbers(tmp_path: Path) -> None:
    """A form feed (pasted from a PDF) is text to YAML; a problem further down is still
    reported on its own line."""
    text = entry_text("alpha", title="Page one\x0cpage two?")
    lines = text.split("\n")
    where = next(i for i, line in enumerate(lines, 1) if line.startswith("sources:"))
    lines[where - 1] = "sources: [oops"
    (tmp_path / "alpha.md").write_text("\n".join(lines), encoding="utf-8")
    reported = problems_in(tmp_path)
    assert len(reported) == 1
    assert reported[0].startswith(f"{tmp_path / 'alpha.md'}:{where}:"), reported


def test_a_problem_in_the_body_is_reported_on_its_line_after_blank_lines_with_spaces(
    tmp_path: Path,
) -> None:
    text = entry_text("alpha", body="   \n  \nThis is not tax advice.")
    (tmp_path / "alpha.md").write_text(text, encoding="utf-8")
    line = text.split("\n").index("This is not tax advice.") + 1
    reported = problems_in(tmp_path)
    assert any(p.startswith(f"{tmp_path / 'alpha.md'}:{line}:") for p in reported), reported


def test_files_no_load_reads_are_named_in_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'.MD' and 'examples/*.yml' look like an entry and an examples file to a moderator,
    but no load reads them: validate says so instead of a silent ok."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta", name="beta.MD")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yml").write_text('- text: "How does alpha work?"\n')
    scan = scan_folder(tmp_path)
    assert [e.id for e in scan.entries] == ["alpha"] and scan.problems == []
    assert sorted(Path(n.path).name for n in scan.notices) == ["alpha.yml", "beta.MD"]
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'beta.MD'}:1: notice: not read: entry files end in '.md'" in out
    assert f"{tmp_path / 'examples' / 'alpha.yml'}:1: notice: not read" in out


def test_an_entry_or_examples_file_saved_where_no_load_reads_it_gets_a_notice_saying_where(
    tmp_path: Path,
) -> None:
    """An entry saved as 'after_tax.md', examples beside the entries or in a subfolder:
    a silent ok would look like a lost edit."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "after-tax", name="After_Tax.md")
    (tmp_path / "README.md").write_text("# Notes\n")
    (tmp_path / "alpha.yaml").write_text('- text: "How does alpha work?"\n')
    (tmp_path / "examples" / "old").mkdir(parents=True)
    (tmp_path / "examples" / "old" / "alpha.yaml").write_text('- text: "How does alpha work?"\n')
    scan = scan_folder(tmp_path)
    assert [e.id for e in scan.entries] == ["alpha"] and scan.problems == []
    said = {Path(n.path).relative_to(tmp_path).as_posix(): n.message for n in scan.notices}
    assert "rename it to 'after-tax.md'" in said["After_Tax.md"]
    assert said["README.md"].startswith("not an FAQ entry")
    assert said["alpha.yaml"] == "not read: examples files go in the 'examples' folder"
    assert said["examples/old/alpha.yaml"] == "not read: examples files go directly in 'examples'"
    assert len(said) == 4


def test_a_copy_of_an_entry_or_a_name_with_double_dashes_gets_the_right_notice(
    tmp_path: Path,
) -> None:
    """Renaming a merge tool's copy onto its entry would overwrite it; a suggested name
    must be a name the loader reads."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "alpha", name="alpha_REMOTE_4242.md")
    write_entry(tmp_path, "state--tax", name="state--tax.md")
    write_entry(tmp_path, "beta", name="beta.md.txt")
    write_entry(tmp_path, "beta", name="beta.md.swp")  # (an editor's, left alone)
    said = {Path(n.path).name: n.message for n in scan_folder(tmp_path).notices}
    assert said["alpha_REMOTE_4242.md"].startswith("not read: a copy of the entry 'alpha'")
    assert "rename it to 'state-tax.md'" in said["state--tax.md"]
    assert said["beta.md.txt"] == "not read: entry files end in '.md' (this one: '.md.txt')"
    assert len(said) == 3


def test_an_emacs_numbered_backup_is_no_notice(tmp_path: Path) -> None:
    """Emacs with numbered backups (version-control t) leaves 'alpha.md.~1~', '~2~'...
    beside the file it saves: each was "not read: entry files end in '.md' (this one:
    '.md.~1~')" in `faq validate` and, by the watcher's reload, in the moderator log, as
    if the moderator had misnamed an entry."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "alpha", name="alpha.md.~1~")
    write_entry(tmp_path, "alpha", name="alpha.md.~12~")
    scan = scan_folder(tmp_path)
    assert [e.id for e in scan.entries] == ["alpha"] and scan.problems == []
    assert scan.notices == []
    assert not told_of(tmp_path / "alpha.md.~1~", tmp_path)


def test_a_merge_conflict_left_in_a_file_is_a_problem_at_its_line(tmp_path: Path) -> None:
    """git's markers in the answer were shown to members; in front matter or examples they
    were "add the missing colon"."""
    body = "First line.\n<<<<<<< HEAD\nOur answer.\n=======\nTheir answer.\n>>>>>>> feature"
    path = write_entry(tmp_path, "alpha", body=body)
    head = write_entry(tmp_path, "beta")
    lines = head.read_text().split("\n")
    lines[2:2] = ["<<<<<<< HEAD", "title: Ours?", "=======", "title: Theirs?", ">>>>>>> main"]
    head.write_text("\n".join(lines))
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        '- text: "How does alpha work?"\n>>>>>>> main\n'
    )
    scan, _ = validate_folder(tmp_path)
    marker = path.read_text().split("\n").index("<<<<<<< HEAD") + 1
    assert sorted(str(p) for p in scan.problems) == sorted(
        [
            f"{path}:{marker}: {CONFLICT}",
            f"{head}:3: {CONFLICT}",
            f"{tmp_path / 'examples' / 'alpha.yaml'}:2: {CONFLICT}",
        ]
    )


@pytest.mark.parametrize("middle", ["=======", "||||||| merged common ancestors"])
def test_a_conflicts_middle_line_left_alone_is_still_a_conflict(
    tmp_path: Path, middle: str
) -> None:
    """With the '<<<<<<<' and '>>>>>>>' lines deleted, the '=======' between the two
    versions validated and members were shown both around it; in an examples file it was
    "add the missing colon". A heading's underline of another length is answer text."""
    path = write_entry(tmp_path, "alpha", body=f"Our answer.\n{middle}\nTheir answer.")
    write_entry(tmp_path, "beta", body="A heading\n=========\nText.")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(f'- text: "How does alpha work?"\n{middle}\n')
    scan, _ = validate_folder(tmp_path)
    marker = path.read_text().split("\n").index(middle) + 1
    assert sorted(str(p) for p in scan.problems) == sorted(
        [f"{path}:{marker}: {CONFLICT}", f"{tmp_path / 'examples' / 'alpha.yaml'}:2: {CONFLICT}"]
    )


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        # (an item counted from 1, as a moderator counts: "aliases[1]" was the second)
        ("aliases", ["fine", 403], "alias 2: write it as text (a number, yes/no or a"),
        # (None is written "- null": YAML's word for nothing, told as such)
        ("aliases", ["fine", None], "alias 2: YAML reads 'null' as no value: put it in"),
        ("sources", ["https://www.irs.gov/x"], "source 1: write it as 'title: ...' and 'url:"),
        ("keywords", "403b", "keywords: write a list: one '- item' per line below it"),
        ("sources", [], "sources: add at least one item"),
        ("title", "", "title: is empty: write it"),
        ("title", "Hi", "title: is too short: write at least 3 characters"),
        ("sources", [{"title": "IRS", "url": "www.irs.gov/x"}], "starting with https://"),
        # (not "should be 'http' or 'https'": an http:// link is then refused)
        ("sources", [{"title": "IRS", "url": "htps://www.irs.gov/x"}], "start the address with"),
        # a comma typed for a dot, a stray dash, a port mistyped (each validated, or was
        # "write the whole address")
        (
            "sources",
            [{"title": "IRS", "url": "https://www,irs.gov/x"}],
            "source 1's url: the site's name 'www,irs.gov' is not one: 'www,irs' should be",
        ),
        ("sources", [{"title": "IRS", "url": "https://-irs.gov/x"}], "is not one: '-irs' should"),
        ("sources", [{"title": "IRS", "url": "https://irs-.gov/x"}], "is not one: 'irs-' should"),
        (
            "sources",
            [{"title": "IRS", "url": "https://www.irs.gov:99999/x"}],
            "source 1's url: the URL's port ':99999' is no port: remove it, or correct it",
        ),
        ("sources", [{"title": "IRS"}], "source 1 has no 'url': add it"),
        (
            "sources",
            [{"title": "IRS", "url": "https://www.irs.gov/x"}, {"title": "x", "link": "y"}],
            "source 2: unknown field 'link' (a source has: title, url)",
        ),
        ("id", "Alpha_Topic", "id: use lowercase letters, digits and single dashes"),
        # an entry named by its file or its title, where its id goes
        ("related", ["beta.md"], "related id 1: 'beta.md' is a file's name: write the id, without"),
        (
            "related",
            ["What is the beta rule?"],
            "related id 1: 'What is the beta rule?' is not an entry id: write the entry's id, its "
            "file's name without '.md' (like 'my-topic'), not its title",
        ),
    ],
)
def test_field_problems_say_what_to_write(
    tmp_path: Path, field: str, value: object, said: str
) -> None:
    """Not pydantic's own terms ("Input should be a valid string")."""
    write_entry(tmp_path, "alpha", **{field: value})
    problems = problems_in(tmp_path)
    assert any(said in p for p in problems), problems
    assert not any("Input should" in p or "List should" in p for p in problems)


def test_examples_field_problems_say_what_to_write(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "- text: how does alpha work\n  also: alpha\n"
        "- text: how does alpha work again\n  also: [beta, Bad_Id]\n"
        "- text: what is alpha anyway\n  sorce: https://example.com\n"
        "- text: no\n"
        "- txt: what is alpha\n"
    )
    scan, _ = validate_folder(tmp_path)
    said = [p.message for p in scan.problems]
    assert said == [
        "also: write a list: one '- item' per line below it, or [first, second]",
        "'also' id 2: 'Bad_Id' is not a valid entry id: use lowercase letters, digits and "
        "single dashes, like 'my-topic'",
        "unknown field 'sorce' (allowed: text, also, source, note, written)",
        "text: write it as text (a number, yes/no or a date in quotes: '403', 'yes')",
        "missing required field 'text'",
        "unknown field 'txt' (allowed: text, also, source, note, written)",
    ]


def test_an_examples_source_must_be_a_web_address(tmp_path: Path) -> None:
    """Where a question was asked is how a reader (or the evaluation's thread split) finds
    it again: a bare site name or a path is no address."""
    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "- text: how does alpha work\n  source: https://forum.example.com/t/1\n"
        "- text: what is alpha anyway\n  source: http://forum.example.com/t/2\n"
        "- text: is alpha taxed\n  source: forum.example.com/t/3\n"
        "- text: when is alpha due\n  source: ftp://forum.example.com/t/4\n"
    )
    scan, _ = validate_folder(tmp_path)
    assert [(p.line, p.message) for p in scan.problems] == [  # (at the source's own line)
        (6, "source: write the whole address, starting with https://"),
        (8, "source: start the address with https://"),
    ]


def test_an_id_with_a_capital_or_a_word_processors_dash_says_which_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'id: Notice-2014-54', or a related id with the hyphen a word processor writes
    (U+2010), was told 'use lowercase letters, digits and single dashes', beside an id that
    looks like just that; the /faq-admin forms name the character since an earlier fix.
    The file's refusal names it too."""
    alpha = write_entry(tmp_path, "alpha", id="Alpha")
    beta = write_entry(tmp_path, "beta", related=["alpha\u2010two"])
    related = 1 + beta.read_text().splitlines().index('- "alpha\\u2010two"')  # (YAML's escape)
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 1
    rule = "use lowercase letters, digits and single dashes, like 'my-topic'"
    assert capsys.readouterr().out.splitlines() == [
        f"{alpha}:2: id: 'Alpha' is not a valid entry id (its 'A' is a capital): {rule}",
        f"{beta}:{related}: related id 1: 'alpha\u2010two' is not a valid entry id (its '\u2010' "
        f"(U+2010, hyphen) is not a plain dash): {rule}",
    ]


def test_each_unknown_id_under_also_is_told_at_its_own_line(tmp_path: Path) -> None:
    """A long item's problems were all told at its first line, and of two unknown ids under
    'also' only the first was named."""
    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "- text: how does alpha work\n"
        "  also:\n"
        "  - nope-one\n"
        "  - alpha\n"
        "  - nope-two\n"
        "- text: what is alpha anyway\n"
        "  also: [alpha, Bad_Id]\n"
        "  written: maybe\n"
    )
    scan, _ = validate_folder(tmp_path)
    assert [(p.line, p.message) for p in scan.problems] == [
        (3, "also: no FAQ entry 'nope-one'"),
        (5, "also: no FAQ entry 'nope-two'"),
        (
            7,
            "'also' id 2: 'Bad_Id' is not a valid entry id: use lowercase letters, digits and "
            "single dashes, like 'my-topic'",
        ),
        (8, "written: write true or false"),
    ]


@pytest.mark.parametrize(
    ("second", "said"),
    [
        ("- text: 'I can't figure out my 403b'", "a ' inside a text in '...' ends it early"),
        ("- text: 'I cannot figure out my 403b", "a quote is opened here but never closed"),
        ('- text: "I cannot figure out my 403b', "a quote is opened here but never closed"),
        # (A post pasted with its Markdown: bold first is YAML's alias mark.)
        ("- text: **Update** my plan changed", "a value cannot start with '*'"),
        ('- text: "I put \\$5,000 in my 401\\(k\\)"', 'a backslash (\\) inside "..."'),
        ("- text: > I quoted the plan's letter here", "a value cannot start with '>'"),
        ("- text: - is this a list", "a '- ' right after 'text:' on its line"),
        ("- text: [Question] splitting basis and earnings", "a value cannot start with '['"),
        ("- [2025] Roth question from a forum", "a value cannot start with '['"),
    ],
)
def test_a_quoting_slip_in_an_examples_file_is_named_at_its_line(
    tmp_path: Path, second: str, said: str
) -> None:
    """YAML notices these a line or more on, as bad indentation."""
    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    lines = [
        "- text: 'how does alpha work'",
        second,
        "- text: 'what is alpha, really'",
        "- text: 'a long post",
        "",
        "    that goes on'",
    ]
    (tmp_path / "examples" / "alpha.yaml").write_text("\n".join(lines) + "\n")
    scan, _ = validate_folder(tmp_path)
    [problem] = scan.problems
    assert problem.line == 2 and problem.message.startswith(f"invalid YAML: {said}")


def test_an_empty_file_a_tab_and_another_encoding_are_said_plainly(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha")
    (tmp_path / "empty.md").write_text("\n\n")
    (tmp_path / "tabbed.md").write_text("---\nid: tabbed\ntitle: x\n\t- bad\n---\nbody\n")
    windows = entry_text("windows", body="Line one.\nIt\u2019s saved in Windows-1252.")
    (tmp_path / "windows.md").write_bytes(windows.encode("cp1252"))
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_bytes(
        "- text: how does alpha work\n- text: it\u2019s fine\n".encode("cp1252")
    )
    # (UTF-16, as some Windows editors save "Unicode", is named as such)
    (tmp_path / "wide.md").write_bytes(entry_text("wide").encode("utf-16"))
    # Without its byte-order mark it is valid UTF-8, NULs between the letters: it was told
    # "must start with a '---' line", and in an examples file, not a list.
    (tmp_path / "unmarked.md").write_bytes(entry_text("unmarked").encode("utf-16-le"))
    (tmp_path / "examples" / "beta.yaml").write_bytes(
        "- text: how does beta work\n".encode("utf-16-le")
    )
    write_entry(tmp_path, "beta")
    scan, _ = validate_folder(tmp_path)
    said = {(Path(p.path).name, p.line): p.message for p in scan.problems}
    # (the character named, with the words before it: the line alone did not show which)
    encoding = (
        "this line has a character that is not UTF-8 (byte 0x92 after 'It', which is '\u2019' "
        "in Windows-1252 or Latin-1): save the file as UTF-8"
    )
    assert said == {
        ("empty.md", 1): "the file is empty: an entry starts with a '---' line",
        ("tabbed.md", 4): "invalid YAML: a tab character: indent with spaces only",
        ("windows.md", windows.split("\n").index("It\u2019s saved in Windows-1252.") + 1): encoding,
        ("alpha.yaml", 2): encoding.replace("after 'It'", "after 'text: it'"),
        ("wide.md", 1): "the file is saved as UTF-16: save it as UTF-8",
        ("unmarked.md", 1): "the file is saved as UTF-16: save it as UTF-8",
        ("beta.yaml", 1): "the file is saved as UTF-16: save it as UTF-8",
    }


def test_an_entry_copied_to_start_another_is_told_once_in_each_file(tmp_path: Path) -> None:
    """A moderator copying an entry as a template and changing its id got two lines per
    title and alias, the same clash twice in two wordings (24 names: 48 lines). Most names
    shared is one copy, told once in each file; a name or two is told name by name."""
    aliases = ["how does alpha work", "alpha explained", "what is alpha", "alpha basics"]
    original = write_entry(tmp_path, "alpha", aliases=aliases)
    copy = tmp_path / "alpha-copy.md"
    copy.write_text(original.read_text().replace("id: alpha", "id: alpha-copy"))
    said = problems_in(tmp_path)
    told = "5 of this entry's title and aliases are also in {}, as if one was copied from"
    assert len(said) == 2, said
    assert said[0].startswith(f"{copy}:3: {told.format(original)}"), said
    assert said[1].startswith(f"{original}:3: {told.format(copy)}"), said
    # Two names alike (fewer than half of either's): each is told where it is.
    copy.write_text(
        entry_text("alpha-copy", title="Question about alpha?", aliases=["alpha basics"]).replace(
            "alpha copy", "beta"
        )
    )
    said = problems_in(tmp_path)
    assert len(said) > 2 and not any("as if one was copied" in s for s in said), said


def test_an_alias_repeated_in_one_file_is_reported_on_an_alias_line(tmp_path: Path) -> None:
    """ "Roth" is also in the title's line: the problem points at the alias itself."""
    path = write_entry(tmp_path, "alpha", title="Roth or not?", aliases=["Roth", "Roth"])
    [problem] = problems_in(tmp_path)
    lines = path.read_text().split("\n")
    assert "duplicate alias 'Roth'" in problem
    line = int(problem.split(":")[1])
    assert lines[line - 1].strip() == "- Roth", (problem, lines[line - 1])


@pytest.mark.parametrize("written", ["0", "20261127", "'0'", "yes"])
def test_updated_must_be_written_as_a_date(tmp_path: Path, written: str) -> None:
    """'updated: 0' was read as seconds since 1970 and accepted as 1970-01-01."""
    path = write_entry(tmp_path, "alpha")
    text = re.sub(r"^updated: .*$", f"updated: {written}", path.read_text(), flags=re.M)
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    line = text.split("\n").index(f"updated: {written}") + 1
    assert problem == f"{path}:{line}: updated: write the date as YYYY-MM-DD, e.g. 2026-12-01"


CURLY = 'curly quotes (\u201c \u201d) are letters to YAML, not quotes: write straight ones (")'


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("title: \u201cRoth 401(k): what now?\u201d", f"invalid YAML: {CURLY} around the value"),
        ("aliases:\n  - \u201cmbdr: pro rata?\u201d", f"alias 1: {CURLY} around the value"),
        (
            "aliases:\n  - mbdr: pro rata?",
            "alias 1: a colon followed by a space inside the text: put the whole text in quotes",
        ),
    ],
)
def test_a_value_in_curly_quotes_or_with_a_colon_is_told_how_to_quote_it(
    tmp_path: Path, line: str, said: str
) -> None:
    """A value pasted from a word processor looks quoted: "put it in quotes" would puzzle."""
    path = write_entry(tmp_path, "alpha", title="Alpha question?", aliases=["first alias"])
    text = path.read_text()
    key = line.split(":")[0]
    text = re.sub(rf"(?m)^{key}:.*\n(?:- .*\n)?", line + "\n", text, count=1)
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    at = text.split("\n").index(line.split("\n")[-1]) + 1
    assert problem == f"{path}:{at}: {said}"


JOINED = (
    "invalid YAML: this '- ' line is indented further than the item above, so YAML joins the "
    "two into one text: line its '- ' up with the one above"
)


def commented(tag: str) -> str:
    return (
        f"invalid YAML: '{tag}' and what follows is a YAML comment, left out of the text: put "
        "the whole value in quotes"
    )


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("- first alias\n  - second alias", JOINED),  # "first alias - second alias"
        ("- first alias\n- what about step #2 of it", commented("#2")),  # "what about step"
        ("- first alias\n- second alias  # from the seed thread", None),  # a comment as meant
    ],
)
def test_yaml_that_reads_otherwise_than_meant_is_a_problem_on_its_line(
    tmp_path: Path, written: str, said: str | None
) -> None:
    path = write_entry(tmp_path, "alpha", aliases=["first alias"])
    text = path.read_text().replace("- first alias", written)
    path.write_text(text)
    if said is None:
        assert problems_in(tmp_path) == []
        return
    [problem] = problems_in(tmp_path)
    line = text.split("\n").index(written.split("\n")[-1]) + 1
    assert problem == f"{path}:{line}: {said}"


def test_what_the_bots_earlier_writer_wrapped_and_comments_after_dates_are_accepted(
    tmp_path: Path,
) -> None:
    """PyYAML wraps a long text at 100 columns, sometimes just before " - ": a file the bot
    wrote before it quoted such texts is read as meant, not refused as a slipped item. A
    comment after a date is a comment; a line break YAML counts (U+2028 in a quoted text)
    does not shift the line a slip is told on."""
    data = frontmatter.parse(entry_text("alpha")).data
    fronts = (
        yaml.safe_dump(data | {"aliases": [alias]}, sort_keys=False, width=100)
        for cut in range(80, 120)
        for alias in [("roth " * 30)[:cut].strip() + " - after-tax money and its earnings"]
    )
    front = next(f for f in fronts if "\n  - after-tax" in f)  # (wrapped just before " - ")
    text = f"---\n{front}---\nThe full answer, in a sentence or two.\n"
    text = text.replace("updated: '2026-11-27'", "updated: 2026-11-27  #TODO check again")
    path = tmp_path / "alpha.md"
    path.write_text(text)
    assert problems_in(tmp_path) == []
    odd = text.replace("title: Question about", 'title: "Question\u2028about').replace(
        "alpha?\nshort", 'alpha?"\nshort'
    )
    assert "\u2028" in odd
    odd = odd.replace("- alpha\n", "- alpha #tag\n")
    path.write_text(odd)
    # the separator itself is refused, at its line as an editor counts lines (YAML counts
    # it as a line end: every line after it was told one too far)
    title_line = next(i for i, t in enumerate(odd.split("\n"), 1) if t.startswith("title:"))
    [problem] = problems_in(tmp_path)
    assert str(problem) == (
        f"{path}:{title_line}: an invisible character (U+2028, line separator) at column 17, "
        "often pasted from a web page, a PDF or a word processor: delete it"
    )
    path.write_text(odd.replace("\u2028", " "))
    [problem] = problems_in(tmp_path)
    assert problem.startswith(f"{path}:{odd.split(chr(10)).index('- alpha #tag') + 1}: ")


def test_a_dash_continuing_a_text_under_a_key_is_the_writers(tmp_path: Path) -> None:
    path = write_entry(tmp_path, "alpha")
    text = path.read_text().replace("short: A short", "short: A short\n  - and plain -")
    path.write_text(text)
    assert problems_in(tmp_path) == []


def test_an_examples_file_is_checked_for_the_same_slips(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta")
    (tmp_path / "examples").mkdir()
    path = tmp_path / "examples" / "alpha.yaml"
    path.write_text(
        "- text: 401k or IRA? #personalfinance\n"
        "- text: what does alpha do for me  # a comment, as meant\n"
        "  also:\n"
        "  - beta\n"
        "    - alpha\n"
    )
    scan, _ = validate_folder(tmp_path)
    assert [str(p) for p in scan.problems] == [
        f"{path}:1: {commented('#personalfinance')}",
        f"{path}:5: {JOINED}",
    ]


def test_a_control_character_is_told_at_its_own_line_in_one_line(tmp_path: Path) -> None:
    """YAML refuses control characters with its own two-line message and the document's
    first line; an entry file and an examples file each say the line and the character."""
    path = write_entry(tmp_path, "alpha", aliases=["first alias", "second BELalias"])
    path.write_text(path.read_text().replace("BEL", "\x07"))  # (as typed: dumped, it is "\a")
    lines = path.read_text().split("\n")
    at = 1 + next(i for i, text in enumerate(lines) if "second" in text)
    (tmp_path / "examples").mkdir()
    examples = tmp_path / "examples" / "alpha.yaml"
    examples.write_text("- text: what is alpha\n- text: and\x1b[2J beta?\n")
    scan, _ = validate_folder(tmp_path)
    said = "often pasted from a web page, a PDF or a word processor: delete it"
    assert [str(p) for p in scan.problems] == [
        f"{path}:{at}: an invisible character (U+0007, a control character) at column 10, {said}",
        f"{examples}:2: an invisible character (U+001B, a control character) at column 12, {said}",
    ]


def test_a_stray_nul_near_a_files_start_is_told_at_its_line_not_as_utf16(tmp_path: Path) -> None:
    """A NUL typed into the title, or an examples file's first comment, was told "the file
    is saved as UTF-16: save it as UTF-8" at line 1: the wrong line and the wrong fix for a
    UTF-8 file with one stray character."""
    path = write_entry(tmp_path, "alpha", title="What is NULalpha?")
    path.write_text(path.read_text().replace("NUL", "\x00"))
    at = 1 + path.read_text().split("\n").index("title: What is \x00alpha?")
    (tmp_path / "examples").mkdir()
    examples = tmp_path / "examples" / "alpha.yaml"
    examples.write_text("# questions\x00 for alpha\n- text: what is alpha\n")
    scan, _ = validate_folder(tmp_path)
    said = [str(p) for p in scan.problems]
    assert len(said) == 2, said
    assert said[0].startswith(f"{path}:{at}: ") and "U+0000" in said[0], said
    assert said[1].startswith(f"{examples}:1: ") and "U+0000" in said[1], said
    assert not any("UTF-16" in s for s in said)


def test_a_byte_order_mark_inside_an_examples_file_is_told_at_its_line(tmp_path: Path) -> None:
    """A file saved by Windows Notepad (a byte order mark, Windows line ends) loads; one
    joined to the end of another ('type a.yaml b.yaml > c.yaml', a paste) carries its mark
    into the middle, where YAML reads it as text: the line's '- ' was no item, told as
    "list items each start with '- ' at the same indent" on a line that looks just so."""
    write_entry(tmp_path, "alpha")
    (tmp_path / "examples").mkdir()
    examples = tmp_path / "examples" / "alpha.yaml"
    notepad = "\ufeff- text: what is alpha\r\n- text: how does alpha work\r\n"
    examples.write_bytes(notepad.encode())
    scan, _ = validate_folder(tmp_path)
    assert scan.problems == []
    examples.write_bytes((notepad + notepad).encode())
    scan, _ = validate_folder(tmp_path)
    assert [str(p) for p in scan.problems] == [
        f"{examples}:3: an invisible character (U+FEFF, byte order mark) at column 1, often "
        "pasted from a web page, a PDF or a word processor: delete it"
    ]


def test_a_control_character_as_an_escape_or_in_the_full_answer_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The YAML check sees control characters written raw in the front matter; one written
    as an escape ("\\0" in quotes, as YAML's own writer saves a NUL) or raw in the full
    answer (no YAML) passed 'faq validate', and members were shown it."""
    path = write_entry(
        tmp_path,
        "alpha",
        title="What is \u202ealpha?",
        body="The full answer.\nIts second line, with a NUL\x00 in it.",
    )
    assert '"What is \\u202Ealpha?"' in path.read_text()  # (YAML's escape, not the raw mark)
    lines = path.read_text().split("\n")
    title = 1 + next(i for i, text in enumerate(lines) if text.startswith("title:"))
    second = 1 + next(i for i, text in enumerate(lines) if text.startswith("Its second"))
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    said = "often pasted from a web page, a PDF or a word processor: delete it"
    assert out.splitlines() == [
        f"{path}:{title}: the title holds an invisible character (U+202E, right-to-left "
        f"override) after 'What is', {said}",
        f"{path}:{second}: the full answer holds an invisible character (U+0000, a control "
        f"character) after 'line, with a NUL', {said}",
    ]


def test_an_invisible_character_in_a_title_alias_or_keyword_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zero-width space, word joiner, byte order mark or soft hyphen pasted into a title,
    an alias or a keyword passed 'faq validate': members saw nothing, but the matcher read
    "mega backdoor" in "mega<U+200B>backdoor" and /faq's autocomplete missed the word. Each is
    told at its line; a zero-width joiner inside an emoji (or between another script's
    letters) builds what is shown and stays, as does a zero-width space in the full answer
    (Markdown: it keeps Discord from formatting)."""
    path = write_entry(
        tmp_path,
        "alpha",
        title="What is mega\u200bbackdoor?",
        aliases=[
            "first alias",
            "notice\u2060 14-54",
            "\ufeffthird alias",
            "family \U0001f468\u200d\U0001f469",
        ],
        keywords=["after\u00adtax", "roth\u200dira"],
        body="The full answer: type @\u200beveryone to show it without pinging.",
    )
    lines = path.read_text().split("\n")

    def line(words: str) -> int:
        return 1 + next(i for i, text in enumerate(lines) if words in text)

    said = "often pasted from a web page, a PDF or a word processor: delete it"
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:{line('title:')}: the title holds an invisible character (U+200B, zero width "
        f"space) after 'What is mega', {said}",
        f"{path}:{line('notice')}: alias 2 holds an invisible character (U+2060, word joiner) "
        f"after 'notice', {said}",
        f"{path}:{line('third alias')}: alias 3 holds an invisible character (U+FEFF, zero "
        f"width no-break space) at its start, {said}",
        f"{path}:{line('after')}: keyword 1 holds an invisible character (U+00AD, soft hyphen) "
        f"after 'after', {said}",
        f"{path}:{line('roth')}: keyword 2 holds an invisible character (U+200D, zero width "
        f"joiner) after 'roth', {said}",
    ]
    write_entry(tmp_path, "alpha", title="What is a mega backdoor \U0001f468\u200d\U0001f4bb?")
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 0  # (an emoji's joiner)


NBSP = (
    "invalid YAML: a non-breaking space (pasted from a web page or a word processor) is not a "
    "space to YAML: type an ordinary space instead"
)


@pytest.mark.parametrize("spaces", [3, 5, 6])
def test_a_sources_url_out_of_line_with_its_title_is_told_to_line_up(
    tmp_path: Path, spaces: int
) -> None:
    """'url:' indented a space or two off its '- title:' was "put the whole value in
    quotes" (or "list items each start with '- '"): quoting it or adding a dash did
    nothing; lining it up does."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    [url_line] = [line for line in text.split("\n") if line.strip().startswith("url:")]
    moved = " " * spaces + url_line.strip()
    path.write_text(text.replace(url_line, moved))
    [problem] = problems_in(tmp_path)
    line = path.read_text().split("\n").index(moved) + 1
    assert problem == (
        f"{path}:{line}: invalid YAML: 'url:' does not line up with 'title:' on the line "
        "above: indent the two alike (or, if the colon belongs to the text above, put that "
        "text in quotes)"
    )


@pytest.mark.parametrize("items_indented", [False, True])
def test_a_sources_url_at_the_first_column_is_told_to_be_indented(
    tmp_path: Path, items_indented: bool
) -> None:
    """'url:' of a source written at the first column, with a source below it: YAML read it
    as a field of the entry and failed at the next '- title:', so the moderator was told to
    quote a colon on a line with nothing wrong. Told at the url's line how far to indent."""
    sources = [
        {"title": "IRS page", "url": "https://www.irs.gov/x"},
        {"title": "Other page", "url": "https://www.irs.gov/y"},
    ]
    path = write_entry(tmp_path, "alpha", sources=sources)
    text = path.read_text()
    if items_indented:  # (as the shipped files have them: "  - title:", "    url:")
        text = text.replace("\n- title", "\n  - title").replace("\n  url", "\n    url")
    [url_line] = [line for line in text.split("\n") if line.strip() == "url: https://www.irs.gov/x"]
    path.write_text(text.replace(url_line, url_line.strip()))
    [problem] = problems_in(tmp_path)
    line = path.read_text().split("\n").index("url: https://www.irs.gov/x") + 1
    indent = url_line.index("url:")
    assert problem == (
        f"{path}:{line}: invalid YAML: 'url:' starts at the first column, which ends the list "
        f"above: indent it {indent} spaces, like 'title:' above it, to keep it in that item"
    )


@pytest.mark.parametrize("items_indented", [False, True])
def test_the_last_sources_url_at_the_first_column_is_told_once_to_be_indented(
    tmp_path: Path, items_indented: bool
) -> None:
    """The last source's 'url:' at the first column is valid YAML, a field of the entry: it
    was told twice, "unknown field 'url'" and "source 1 has no 'url'", neither saying that
    indenting it was the fix."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    if items_indented:
        text = text.replace("\n- title", "\n  - title").replace("\n  url", "\n    url")
    [url_line] = [line for line in text.split("\n") if line.strip().startswith("url:")]
    path.write_text(text.replace(url_line, url_line.strip()))
    line = path.read_text().split("\n").index(url_line.strip()) + 1
    assert problems_in(tmp_path) == [
        f"{path}:{line}: 'url:' starts at the first column, which ends the sources list: "
        "indent it like the 'title:' of source 1 above it, to keep it in that source"
    ]
    # A source missing its url altogether is still told so.
    write_entry(tmp_path, "alpha", sources=[{"title": "IRS page"}])
    assert [p.split(": ", 1)[1] for p in problems_in(tmp_path)] == ["source 1 has no 'url': add it"]


def test_an_examples_field_at_the_first_column_is_told_to_be_indented(tmp_path: Path) -> None:
    """An example's 'also:' at the first column was told "list items each start with '- '":
    done, it made an example with no text."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta")
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text(
        "- text: how does alpha work with beta\nalso: [beta]\n- text: what is alpha anyway\n"
    )
    scan, _ = validate_folder(tmp_path)
    assert [(p.line, p.message) for p in scan.problems] == [
        (
            2,
            "invalid YAML: 'also:' starts at the first column, which ends the list above: "
            "indent it 2 spaces, like 'text:' above it, to keep it in that item",
        )
    ]


def test_a_colon_in_a_top_level_value_is_still_told_to_be_quoted(tmp_path: Path) -> None:
    """A text going on below its key, holding a colon, is quoted, not lined up."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    title = next(line for line in text.split("\n") if line.startswith("title:"))
    path.write_text(text.replace(title, f"{title}\n  Note: a colon", 1))
    [problem] = problems_in(tmp_path)
    assert "a colon followed by a space inside a value: put the whole value in quotes" in problem


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("- alpha", "-\u00a0alpha", NBSP),
        # valid YAML (a text, not a list): it was told "aliases: write a list" on the key
        ("- how does alpha work", "  -\u00a0how does alpha work", NBSP),
        ("- alpha", "\u00a0 - alpha", NBSP),
        ("keywords:", "keywords:\u00a0", NBSP),
        ("- title: IRS page", "- title:\u00a0IRS page", NBSP),
        (
            "related: []",
            "related: []\nsome words",
            "invalid YAML: this line is not 'key: value': if it goes on from the text above, "
            "indent it as that text is; if it starts a field, add the missing colon",
        ),
    ],
)
def test_a_line_yaml_cannot_read_is_named_itself_not_the_next(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    """libyaml notices a line without its colon on the next one; a non-breaking space is
    invisible, so "add the missing colon" on a line that has one puzzled."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text().replace(old, new)
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    line = text.split("\n").index(new.split("\n")[-1]) + 1
    assert problem == f"{path}:{line}: {said}"


def test_curly_quotes_do_not_hide_an_indentation_slip(tmp_path: Path) -> None:
    path = write_entry(tmp_path, "alpha", aliases=["first"])
    text = path.read_text().replace("aliases:\n- first", "aliases:\n  - first\n - \u201ctwo\u201d")
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    assert "indentation" in problem and "letters to YAML" not in problem


def test_a_duplicate_alias_with_an_apostrophe_is_told_on_its_own_line(tmp_path: Path) -> None:
    """In '...' YAML writes an apostrophe twice: the line is found all the same."""
    for name in ("alpha", "beta"):
        path = write_entry(tmp_path, name, aliases=["first"])
        path.write_text(path.read_text().replace("- first", "- 'I can''t roll it over'"))
    problems = problems_in(tmp_path)
    assert problems and all(p.split(":")[1] == "6" for p in problems), problems


def test_an_updated_date_still_to_come_is_a_problem_on_its_line(tmp_path: Path) -> None:
    """A slip of the year (2062 for 2026) would show members a date not yet reached."""
    path = write_entry(tmp_path, "alpha")
    ahead = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    text = re.sub(r"^updated: .*$", f"updated: {ahead}", path.read_text(), flags=re.M)
    path.write_text(text)
    [problem] = problems_in(tmp_path)
    line = text.split("\n").index(f"updated: {ahead}") + 1
    assert problem == (
        f"{path}:{line}: updated: {ahead} is in the future: write the day the entry was "
        "last checked"
    )
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()  # (ahead by time zone)
    path.write_text(text.replace(ahead, tomorrow))
    assert problems_in(tmp_path) == []


def test_bold_in_a_short_answer_does_not_unbold_it_in_the_full_answer(tmp_path: Path) -> None:
    """The full answer shows the short answer in bold: a moderator's own ``**`` inside it
    would close that bold early and turn the words they stressed plain."""
    from knowledge.layout import layout_entry, short_layout

    short = "Yes: **only** the earnings are taxed, not the basis."
    write_entry(tmp_path, "alpha", short=short)
    [entry] = load_entries(tmp_path)
    first = layout_entry(entry, {}).description.split("\n")[0]
    assert first == "**Yes: only the earnings are taxed, not the basis.**"
    assert short_layout(entry).description == short  # shown as written where it stands alone


def test_sources_that_fit_validation_are_posted_whole_in_the_short_answer(
    tmp_path: Path,
) -> None:
    """The short answer puts sources on one line (' · ', two characters more per source
    than the one-per-line field validation measures): when that is over an embed field,
    it falls back to one per line instead of cutting the last link in half."""
    from knowledge.layout import FIELD_VALUE_LIMIT, short_layout, sources_text

    sources = [
        {"title": f"IRS Pub 590-B part {n}", "url": f"https://www.irs.gov/pub/p590b-{n}-{'x' * 45}"}
        for n in range(10)
    ]
    write_entry(tmp_path, "alpha", sources=sources)
    [entry] = load_entries(tmp_path)  # valid
    one_line = " · ".join(f"[{s['title']}]({s['url']})" for s in sources)
    assert len(sources_text(entry)) <= FIELD_VALUE_LIMIT < len(one_line)
    [field] = short_layout(entry).fields
    assert len(field.value) <= FIELD_VALUE_LIMIT
    assert all(f"({s['url']})" in field.value for s in sources)


@pytest.mark.parametrize(
    ("front", "line", "said"),
    [
        # correct quoting above an unrelated indentation slip is not blamed for it
        ("title: 'Can''t I roll it over?'\naliases:\n  - one\n - two", 6, "indentation"),
        ('title: "Save it in C:\\\\"\naliases:\n  - one\n - two', 6, "indentation"),
        # a '...' or "..." inside block text is plain text, not a value's quotes
        (
            'short: >-\n  - "after-tax" money goes to a Roth IRA\naliases:\n  - one\n - two',
            7,
            "indentation",
        ),
        (
            "short: >-\n  Note: 'basis' is not taxed again\naliases:\n  - one\n - two",
            7,
            "indentation",
        ),
        # list items are where these slips happen most
        ("title: A title\naliases:\n  - 'don't convert yet'\n  - two", 5, "ends it early"),
        ('title: A title\naliases:\n  - "laid off" with after-tax money\n  - two', 5, '"..." ends'),
    ],
)
def test_quoting_in_front_matter_is_blamed_only_where_it_is_wrong(
    front: str, line: int, said: str
) -> None:
    from knowledge.frontmatter import FrontMatterError, parse

    with pytest.raises(FrontMatterError) as info:
        parse(f"---\nid: my-topic\n{front}\n---\nBody.\n")
    assert info.value.line == line and said in info.value.message, info.value.message


def test_aliases_the_matcher_takes_for_one_are_one_for_validation_too(tmp_path: Path) -> None:
    """ "401(k)" and "401k", "after tax" and "after-tax": a clash the matcher would resolve
    by naming neither entry."""
    write_entry(tmp_path, "alpha", aliases=["can I roll my 401(k) into an IRA"])
    write_entry(tmp_path, "beta", aliases=["Can I roll my 401k into an IRA?"])
    problems = problems_in(tmp_path)
    assert any("beta.md" in p and "duplicate alias" in p for p in problems), problems


def test_a_clash_met_twice_is_said_once(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha", title="What is IRS Notice 2014-54?")
    write_entry(
        tmp_path, "beta", aliases=["what is irs notice 2014-54", "What is IRS Notice 2014-54"]
    )
    problems = problems_in(tmp_path)
    assert len(problems) == len(set(problems)), problems


def test_an_empty_answer_body_is_told_at_the_closing_line(tmp_path: Path) -> None:
    """Where the answer belongs: the '---' that closes the front matter (it was line 1)."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    front = text[: text.index("\n---\n") + 5]
    path.write_text(front + "\n  \n")
    closing = front.count("\n")
    assert problems_in(tmp_path) == [
        f"{path}:{closing}: the answer body after the front matter is empty: write the full "
        "answer below this '---' line"
    ]


def test_an_empty_required_field_is_not_told_to_go(tmp_path: Path) -> None:
    path = write_entry(tmp_path, "alpha")
    path.write_text(re.sub(r"(?m)^title: .*$", "title:", path.read_text()))
    assert [p.split(": ", 1)[1] for p in problems_in(tmp_path)] == ["title: is empty: write it"]


@pytest.mark.parametrize("field", ["aliases", "keywords", "related"])
def test_an_empty_optional_field_may_still_be_removed(tmp_path: Path, field: str) -> None:
    path = write_entry(tmp_path, "alpha")
    path.write_text(re.sub(rf"(?ms)^{field}:.*?(?=^\w)", f"{field}:\n", path.read_text()))
    said = [str(p).split(": ", 1)[1] for p in read_entries(tmp_path)[1]]
    assert said == [f"{field}: is empty: write it, or remove the line"], said


@pytest.mark.parametrize(
    "front",
    [
        # a more-indented line inside a folded block is still block text
        'short: >-\n  A short answer here.\n    - "after-tax" money goes to a Roth IRA\n'
        "aliases:\n  - one\n - two",
        "short: >-\n  A short answer here.\n\n    Note: 'basis' is not taxed again\n"
        "aliases:\n  - one\n - two",
    ],
)
def test_quotes_in_more_indented_block_text_are_not_blamed(front: str) -> None:
    from knowledge.frontmatter import FrontMatterError, parse

    with pytest.raises(FrontMatterError) as info:
        parse(f"---\nid: my-topic\n{front}\n---\nBody.\n")
    assert "indentation" in info.value.message, (info.value.line, info.value.message)


def test_one_entry_may_write_401k_both_ways_but_two_entries_may_not_share_it(
    tmp_path: Path,
) -> None:
    """Within one entry, "401(k)" beside "401k" is harmless (and was valid); between two
    entries it is a clash the matcher would resolve by naming neither."""
    write_entry(
        tmp_path,
        "alpha",
        title="Can I roll my 401(k) into an IRA?",
        aliases=["can I roll my 401k into an IRA", "AT money rollover", "after-tax money rollover"],
    )
    assert problems_in(tmp_path) == []


LOOP = "&q [*q]"  # an alias inside its own anchor: walking it never ends
#: Aliases of aliases, nine copies a level: 9**6 values from a few hundred bytes.
BOMB = "[" + ", ".join(["*a"] * 9) + "]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LOOP, "a YAML alias ('*name') repeats text anchored elsewhere"),
        ("!!int abc", "'abc' is not a valid int value: write it as text in quotes (without"),
        ("!!bool maybe", "'maybe' is not a valid bool value"),
        ("!!timestamp nope", "'nope' is not a valid timestamp value"),
        ("9" * 5000, "is not a valid int value: write it as text in quotes"),
    ],
)
def test_yaml_that_cannot_be_read_as_data_is_a_problem_with_its_line(
    tmp_path: Path, value: str, expected: str
) -> None:
    """Values PyYAML cannot build (Python's own errors escaped it) and aliases (a loop hung
    every reload) are problems at their line, in an entry and in an examples file alike."""
    shown = _problems_with(
        tmp_path,
        lambda text: text.replace("\n---\n", f"\nnotes: {value}\n---\n", 1),
        f"notes: {value}",
        f"- text: what is alpha anyway\n- {value}\n",
    )
    entry, examples = tmp_path / "alpha.md", tmp_path / "examples" / "alpha.yaml"
    assert any(s.startswith(f"{entry}:LINE: ") and expected in s for s in shown), shown
    assert any(s.startswith(f"{examples}:2: ") and expected in s for s in shown), shown


def test_an_alias_is_reported_where_it_is_not_where_its_anchor_is(tmp_path: Path) -> None:
    write_entry(tmp_path, "alpha")
    path = tmp_path / "alpha.md"
    text = path.read_text()
    text = text.replace("\ntitle: ", "\ntitle: &t ", 1).replace("\n---\n", "\nnotes: *t\n---\n", 1)
    path.write_text(text)
    examples = tmp_path / "examples"
    examples.mkdir()
    (examples / "alpha.yaml").write_text("- text: &q what is alpha anyway\n- text: ok\n- *q\n")
    shown = [str(p) for p in validate_folder(tmp_path)[0].problems]
    alias = "a YAML alias ('*name')"
    line = text.splitlines().index("notes: *t") + 1
    assert any(s.startswith(f"{path}:{line}: {alias}") for s in shown), shown
    assert any(s.startswith(f"{examples / 'alpha.yaml'}:3: {alias}") for s in shown), shown


def test_aliases_of_aliases_are_refused_at_once(tmp_path: Path) -> None:
    """A few hundred bytes of nested aliases took minutes to walk: refused before any."""
    levels = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for name, inner in zip("bcdefg", "abcdef", strict=True):
        levels.append(f"{name}: &{name} {BOMB.replace('*a', '*' + inner)}")
    examples = tmp_path / "examples"
    write_entry(tmp_path, "alpha")
    examples.mkdir()
    (examples / "alpha.yaml").write_text("- text: what is alpha anyway\n")
    (tmp_path / "alpha.md").write_text(
        (tmp_path / "alpha.md")
        .read_text()
        .replace("\n---\n", "\n" + "\n".join(levels) + "\n---\n", 1)
    )
    scan, _ = validate_folder(tmp_path)
    assert any("a YAML alias ('*name')" in str(p) for p in scan.problems), scan.problems


def test_a_file_too_large_for_an_faq_is_refused_unread(tmp_path: Path) -> None:
    """A 206 MB entry took seconds to refuse and its text stayed cached in memory after
    the fix; a file over the limit is now refused by its size, before it is read."""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta")
    entry = tmp_path / "alpha.md"
    entry.write_text(entry.read_text() + "x" * loader.MAX_ENTRY_BYTES)
    examples = tmp_path / "examples"
    examples.mkdir()
    big = examples / "beta.yaml"
    big.write_text(
        "- text: what is beta anyway\n" + "# a note\n" * (loader.MAX_EXAMPLES_BYTES // 9)
    )
    scan, _ = validate_folder(tmp_path)
    found = {p.path: p.message for p in scan.problems}
    assert f"at most {loader.MAX_ENTRY_BYTES:,}: split or shorten it" in found[str(entry)]
    assert f"at most {loader.MAX_EXAMPLES_BYTES:,}" in found[str(big)]
    # Back to their usual sizes, both are read as usual.
    big.write_text("- text: what is beta anyway\n")
    entry.write_text(entry_text("alpha"))
    assert validate_folder(tmp_path)[0].problems == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_or_folder_named_like_an_faq_file_is_a_problem_not_read(
    tmp_path: Path,
) -> None:
    """A named pipe called 'gamma.md' (or an examples file) hung validate, list, ask and
    the bot's start, waiting for a writer; each such name is now a problem, unread. (In a
    real process with a time limit: a hang fails the test instead of stopping the run.)"""
    write_entry(tmp_path, "alpha")
    write_entry(tmp_path, "beta")
    examples = tmp_path / "examples"
    examples.mkdir()
    os.mkfifo(tmp_path / "gamma.md")
    (tmp_path / "delta.md").mkdir()
    os.mkfifo(tmp_path / "Notes.md")  # (not an entry's name: a notice, unread too)
    os.mkfifo(examples / "beta.yaml")
    script = Path(sys.executable).parent / "rollover-bot"
    proc = subprocess.run(
        [str(script), "faq", "validate", "--faq-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 1, proc.stderr
    for name in ("gamma.md", "delta.md", "examples/beta.yaml"):
        said = f"{tmp_path / name}:0: not a regular file (a folder, a named pipe or a device)"
        assert said in proc.stdout, name
    assert f"{tmp_path / 'Notes.md'}:1: notice: not an FAQ entry" in proc.stdout
    for args, problems in ((["faq", "list"], 2), (["ask", "what is alpha?"], 3)):
        refused = subprocess.run(
            [str(script), *args, "--faq-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert refused.returncode == 2 and f"has {problems} problems" in refused.stderr, args


def test_a_figure_for_a_year_that_is_none_of_that_years_limits_gets_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in a limit ("$73,000 for 2026") reads as surely as the right figure. Validate
    names each figure given for a year the calculators' table knows that is none of that
    year's limits, where it is, and still loads the folder (it may be a worked example)."""
    body = (
        "The 415(c) limit is $72,000 for 2026 ($70,000 for 2025), and the 2026 limit $7,500.\n"
        "\n"
        "- **2025:** $23,500 · $71,000 · $7,500\n"
        "- **2026:** $24,500 · $72,000 · $8,000\n"
        "The limit was $19,000 in 2019 (a year the table does not have); $72,000.50 for 2026.\n"
        "The 2026 limit $7,600 and $73,000 for 2026.\n"
        "\n"
        "Right, or no limit, and not noticed: you can defer $31,000 in 2025 at 50 (with the\n"
        "catch-up); wages over $150,000 in 2025 make 2026 catch-ups Roth; you converted\n"
        "$7,012 in 2025; the Roth IRA phase-out starts at $153,000 for 2026.\n"
        "- 2025: converted $7,012\n"
    )
    path = write_entry(tmp_path, "alpha", body=body, short="At most $73,000 for 2026.")
    # (Folded over two lines, as an edit from Discord writes a long short answer.)
    folded = "short: >-\n  Up to what is left of the limit ($73,000 for\n  2026).\n"
    path.write_text(path.read_text().replace("short: At most $73,000 for 2026.\n", folded))
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    notices = [line for line in out.splitlines() if "notice:" in line]
    lines = path.read_text().splitlines()
    short_line = 1 + lines.index("  Up to what is left of the limit ($73,000 for")
    table_line = 1 + lines.index("- **2025:** $23,500 · $71,000 · $7,500")
    limit = (
        "{} gives '{}', but {} is not one of {}'s limits in calculators/data/limits.yaml: if "
        "it is meant as a limit, check it against the IRS figure"
    )
    assert notices == [
        f"{path}:{short_line}: notice: "
        + limit.format("the short answer", "$73,000 for 2026", "$73,000", 2026),
        f"{path}:{table_line}: notice: "
        + limit.format("the full answer", "$71,000", "$71,000", 2025),
        f"{path}:{table_line + 3}: notice: "
        + limit.format("the full answer", "2026 limit $7,600", "$7,600", 2026),
    ]
    assert "ok: 1 FAQ entry and 0 example questions in" in out
    assert KnowledgeBase.load(tmp_path).get("alpha") is not None


@pytest.mark.parametrize(
    ("url", "held"),
    [
        ("https://www.law.cornell.edu/uscode/text/26/402 (section g)", "a space"),
        ('https://www.irs.gov/pub/irs-drop/n-14-54.pdf"', "'\"'"),
        ("https://www.irs.gov/pub/irs-drop/n-14-54.pdf>", "'>'"),
    ],
)
def test_a_source_url_with_a_note_or_a_stray_character_is_refused(
    tmp_path: Path, url: str, held: str
) -> None:
    """A URL parser percent-encodes what no link holds: the note after a link became part
    of a link to a page that does not exist, and validation said ok."""
    path = write_entry(tmp_path, "alpha", sources=[{"title": "Notice 2014-54", "url": url}])
    # (at the URL's own line, as for any field of a source)
    line = 1 + next(i for i, text in enumerate(path.read_text().splitlines()) if "url:" in text)
    assert problems_in(tmp_path) == [
        f"{path}:{line}: source 1's url: the URL holds {held}, which no link has: put only "
        "the link here and any note in the title"
    ]
    write_entry(
        tmp_path, "alpha", sources=[{"title": "IRS page", "url": "https://www.irs.gov/a%20b"}]
    )
    assert problems_in(tmp_path) == []  # (an encoded space is part of a link)


@pytest.mark.parametrize("url", ["https:///pub/irs-drop/n-14-54.pdf", "https://."])
def test_a_source_url_with_no_site_is_refused(tmp_path: Path, url: str) -> None:
    """The URL parser reads "https:///pub/..." as a link to a site named "pub": validation
    said ok and the answer linked to a site that does not exist."""
    path = write_entry(tmp_path, "alpha", sources=[{"title": "Notice 2014-54", "url": url}])
    line = 1 + next(i for i, text in enumerate(path.read_text().splitlines()) if "url:" in text)
    assert problems_in(tmp_path) == [
        f"{path}:{line}: source 1's url: the URL names no site after '://' (a link looks "
        "like https://www.irs.gov/...)"
    ]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        # (it was told "names no site after '://'", which it does)
        ("https://www.irs..gov/p575", "the site's name 'www.irs..gov' has two dots in a row"),
        # copied out of a sentence with its full stop: a page that does not exist
        ("https://www.irs.gov/p575.", "the URL ends with '.', likely the end of the sentence"),
        # quoted as "a value cannot start with '['" asked, it was told to start with https://
        (
            "[IRS](https://www.irs.gov/p575)",
            "write the address alone, not as a Markdown link: https://www.irs.gov/p575 (the",
        ),
    ],
)
def test_a_source_url_slip_is_told_with_its_own_fix(tmp_path: Path, url: str, said: str) -> None:
    path = write_entry(tmp_path, "alpha", sources=[{"title": "IRS page", "url": url}])
    [problem] = problems_in(tmp_path)
    assert problem.startswith(f"{path}:") and f"source 1's url: {said}" in problem, problem


@pytest.mark.parametrize(
    ("written", "said"),
    [
        # (told "a value cannot start with '['": put in quotes, the link was refused next)
        (
            "  url: [IRS](https://www.irs.gov/p575)",
            "invalid YAML: write the address alone, not as a Markdown link: url: "
            "https://www.irs.gov/p575 (the source's name goes in its title)",
        ),
        # (told to put it in quotes: a link with a space in it was refused next)
        (
            "  url: https://www.irs.gov/p575 #chapter2",
            "invalid YAML: '#chapter2' and what follows is a YAML comment, left out of the "
            "text: for a part of the page, write it without the space: "
            "https://www.irs.gov/p575#chapter2",
        ),
        # (told "this line is not 'key: value' ... add the missing colon")
        (
            "-how does alpha work",
            "invalid YAML: a list item starts with '- ', a dash and a space: write "
            "'- how does alpha work'",
        ),
    ],
)
def test_a_slip_is_told_with_the_fix_that_works_first(
    tmp_path: Path, written: str, said: str
) -> None:
    """A moderator trial followed each message and met the next refusal: the message now
    names the fix that makes the line valid."""
    path = write_entry(
        tmp_path,
        "alpha",
        aliases=["first alias", "how does alpha work"],
        sources=[{"title": "IRS page", "url": "https://www.irs.gov/p575"}],
    )
    text = path.read_text()
    original = written.replace("[IRS](", "").replace(")", "").replace(" #chapter2", "")
    original = original.replace("-how", "- how")
    assert text.count(original + "\n") == 1, (original, text)
    text = text.replace(original + "\n", written + "\n")
    path.write_text(text)
    line = text.split("\n").index(written) + 1
    assert problems_in(tmp_path) == [f"{path}:{line}: {said}"]


@pytest.mark.parametrize("word", ["null", "~"])
def test_yamls_word_for_nothing_as_a_value_is_told_as_such(tmp_path: Path, word: str) -> None:
    """ "- null" as an alias was told "is empty", about a line that plainly is not."""
    path = write_entry(tmp_path, "alpha", aliases=["first alias", "how does alpha work"])
    path.write_text(path.read_text().replace("- first alias", f"- {word}"))
    [problem] = problems_in(tmp_path)
    assert problem.endswith(
        f"alias 1: YAML reads '{word}' as no value: put it in quotes if you mean it as text"
    ), problem


def test_a_first_list_item_without_its_space_is_told_so(tmp_path: Path) -> None:
    """Under "aliases:", "-first alias" made it and the items below it one text: told
    "write a list", about a list written as one."""
    path = write_entry(tmp_path, "alpha", aliases=["first alias", "how does alpha work"])
    text = path.read_text()
    for indent in ("", "  "):  # (YAML reads the two apart: a slip, or a text)
        items = f"{indent}-first alias\n{indent}- how does alpha work\n"
        path.write_text(text.replace("- first alias\n- how does alpha work\n", items))
        [problem] = problems_in(tmp_path)
        assert problem.endswith(
            "a list item starts with '- ', a dash and a space: write '- first alias'"
        ), problem


def test_sources_written_as_one_line_are_told_how_a_source_is_written(tmp_path: Path) -> None:
    """ "sources: https://a, https://b" was told to write "[first, second]", refused next:
    a source is a title and a link."""
    path = write_entry(tmp_path, "alpha")
    text = path.read_text()
    start, end = text.index("sources:\n"), text.index("related:")
    path.write_text(
        f"{text[:start]}sources: https://www.irs.gov/a, https://www.irs.gov/b\n{text[end:]}"
    )
    [problem] = problems_in(tmp_path)
    assert problem.endswith(
        "sources: write each source below it as a '- title: ...' line and a 'url: "
        "https://...' line under it, indented to the title"
    ), problem


THINKING = "\N{THINKING FACE}"


def test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file(
    tmp_path: Path,
) -> None:
    """'???' and an emoji as aliases matched no question, and each was called a copy of the
    other (every wordless phrase keys alike); a related id or a source listed twice showed
    twice under the answer (one link under two titles may cite two parts of a document); a
    source's unknown field was told the entry's fields."""
    alpha = write_entry(
        tmp_path,
        "alpha",
        aliases=["how does alpha work", "???"],
        related=["beta", "beta"],
        sources=[
            {"title": "Notice 2014-54, example 1", "url": "https://www.irs.gov/x"},
            {"title": "Notice 2014-54, example 2", "url": "https://www.irs.gov/x"},
            {"title": "Notice 2014-54, example 1", "url": "https://www.irs.gov/x"},
        ],
    )
    beta = write_entry(tmp_path, "beta", aliases=["how does beta work", THINKING])
    gamma = write_entry(
        tmp_path, "gamma", sources=[{"title": "IRS page", "link": "https://www.irs.gov/x"}]
    )
    lines = alpha.read_text().splitlines()
    emoji_line = 1 + beta.read_text().splitlines().index('- "\\U0001F914"')  # (YAML's escape)
    assert problems_in(tmp_path) == [
        f"{alpha}:{1 + lines.index('- ???')}: alias '???' has no words: write how people ask it",
        f"{alpha}:{len(lines) - lines[::-1].index('- title: Notice 2014-54, example 1')}: "
        "sources lists the same source twice: keep one",
        f"{alpha}:{len(lines) - lines[::-1].index('- beta')}: related lists 'beta' twice: keep one",
        f"{beta}:{emoji_line}: alias '{THINKING}' has no words: write how people ask it",
        f"{gamma}:{1 + gamma.read_text().splitlines().index('- title: IRS page')}: "
        "source 1 has no 'url': add it",
        f"{gamma}:{1 + gamma.read_text().splitlines().index('  link: https://www.irs.gov/x')}: "
        "source 1: unknown field 'link' (a source has: title, url)",
    ]


def test_a_title_of_emoji_or_punctuation_alone_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title of only emoji ('🤔🤔🤔') or marks ('???') passed 'faq validate', while an
    alias so is refused: menus and 'Related' showed that alone, no one could type it into
    /faq, and two such titles were no clash. A title in another script has words."""
    alpha = write_entry(tmp_path, "alpha", title=THINKING * 3)
    beta = write_entry(tmp_path, "beta", title="???")
    write_entry(tmp_path, "gamma", title="什么是后门罗斯？")
    title = 1 + alpha.read_text().splitlines().index('title: "\\U0001F914\\U0001F914\\U0001F914"')
    assert main(["faq", "validate", "--faq-dir", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{alpha}:{title}: the title '{THINKING * 3}' has no words: write the question it answers",
        f"{beta}:{1 + beta.read_text().splitlines().index('title: ???')}: the title '???' has no "
        "words: write the question it answers",
    ]


def test_a_long_title_a_long_example_and_a_date_with_a_time_are_told_in_plain_words(
    tmp_path: Path,
) -> None:
    """pydantic's own words ("String should have at most 256 characters", "Datetimes
    provided to dates should have zero time") gave no count and no fix."""
    path = write_entry(tmp_path, "alpha", title="What " + "x" * 300 + "?")
    path.write_text(
        path.read_text().replace("updated: '2026-11-27'", "updated: 2026-11-27T10:00:00")
    )
    lines = path.read_text().splitlines()
    assert problems_in(tmp_path) == [
        f"{path}:{1 + lines.index(next(x for x in lines if x.startswith('title:')))}: title: is "
        "306 characters; at most 256: shorten it",
        f"{path}:{1 + lines.index('updated: 2026-11-27T10:00:00')}: updated: write the day alone, "
        "without a time: YYYY-MM-DD, e.g. 2026-12-01",
    ]
    from knowledge.examples import read_examples

    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "alpha.yaml").write_text("- text: " + "y" * 4100 + "\n")
    _, problems = read_examples(tmp_path, {"alpha"})
    assert [p.message for p in problems] == ["text: is 4,100 characters; at most 4,000: shorten it"]
