"""The shipped FAQ's content: figures from the data, working commands, limits, the one
rule a fact-check found wrong, and text written for Discord members."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from calculators.catalog import CALCULATORS
from knowledge.base import KnowledgeBase, validate_folder
from knowledge.figures import stated
from knowledge.loader import DEFAULT_FAQ_DIR, load_entries
from knowledge.model import FULL_LIMIT, SHORT_LIMIT, FaqEntry

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = [ROOT / "calculators" / "data" / "limits.yaml", ROOT / "docs" / "facts.yaml"]

MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)")
YEAR = re.compile(r"(?<![\d$,.])(?:19[89]\d|20[0-4]\d)(?![\d,])")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
COMMAND = re.compile(r"`/(\w+)((?:\s+\w+:[^\s`]+)*)\s*`")


def amount(text: str) -> Decimal:
    return Decimal(text.rstrip(".,").replace(",", ""))


def numbers_in(text: str) -> set[Decimal]:
    return {amount(n) for n in NUMBER.findall(text)}


DATA_NUMBERS = set().union(*(numbers_in(p.read_text("utf-8")) for p in DATA_FILES))
# Parsed, not trained: collecting the tests (in every xdist worker) needs only the entries.
ENTRIES = sorted(load_entries(), key=lambda e: e.id)


def text_of(entry: FaqEntry) -> str:
    return f"{entry.short}\n{entry.body}"


def commands_in(text: str) -> list[tuple[str, dict[str, str]]]:
    """Worked examples: `/name option:value ...` (a bare `/name` only names the command)."""
    found = []
    for name, options in COMMAND.findall(text):
        named = dict(part.split(":", 1) for part in options.split())
        if named:
            found.append((name, named))
    return found


def calculator_numbers(entry: FaqEntry) -> set[Decimal]:
    """Every number a command quoted in the entry takes or gives (its worked example)."""
    out: set[Decimal] = set()
    for name, named in commands_in(text_of(entry)):
        result = CALCULATORS[name]([], named)
        out |= numbers_in(" ".join(named.values()))
        out |= numbers_in(str(result.to_json()))
    return out


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_dollar_figures_and_years_come_from_the_data(entry: FaqEntry) -> None:
    """No stray number: each figure is in the limits table or the facts (with their worked
    examples), or is what a calculator command quoted in the entry takes or gives."""
    allowed = DATA_NUMBERS | calculator_numbers(entry)
    text = text_of(entry)
    stray = sorted({m for m in MONEY.findall(text) if amount(m) not in allowed})
    stray += sorted({y for y in YEAR.findall(text) if amount(y) not in DATA_NUMBERS})
    assert not stray, f"{entry.id}: figures not in limits.yaml or facts.yaml: {stray}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_quoted_command_runs_as_a_member_would_type_it(entry: FaqEntry) -> None:
    text = text_of(entry)
    for name, named in commands_in(text):
        assert name in CALCULATORS, f"{entry.id}: /{name} is not a command"
        CALCULATORS[name]([], named)  # raises InputError if a member would get an error
    # Console syntax (`/split 1000 5`) and templates (`deferrals:..`) are not what members type.
    assert not re.search(r"`/\w+ \d", text), f"{entry.id} uses console syntax"
    assert ":.." not in text, f"{entry.id} has a placeholder instead of a value"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_sources_related_and_lengths(entry: FaqEntry) -> None:
    kb = KnowledgeBase.load()
    assert entry.sources and all(s.url.scheme == "https" for s in entry.sources)
    assert all(r in kb.entries and r != entry.id for r in entry.related)
    assert len(entry.short) <= SHORT_LIMIT and len(entry.body.strip()) <= FULL_LIMIT


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_text_is_written_for_members(entry: FaqEntry) -> None:
    text = text_of(entry)
    assert "seed" not in text.casefold(), f"{entry.id} mentions an internal name"
    ids = {e.id for e in ENTRIES}
    named = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
    assert not named, f"{entry.id} refers to entries by id, not title: {named}"


def test_unreplaced_withholding_on_after_tax_money_is_basis_not_income() -> None:
    """The rule the fact-check found stated wrongly (26 USC 402(c)(2), last sentence): what a
    60-day rollover puts back counts as the taxable part first, so 20% withholding that is
    not made up comes out of the after-tax basis: no income tax and no 10% on it."""
    kb = KnowledgeBase.load()
    for entry_id in ("earnings-taxable-in-roth", "direct-vs-indirect-rollover"):
        entry = kb.get(entry_id)
        assert entry is not None
        sentences = re.split(r"(?<=[.!?:])\s+", text_of(entry).replace("**", ""))
        about = [s for s in sentences if re.search(r"withh|don't replace|didn't replace", s)]
        assert any("no income tax, no 10%" in s for s in about), (entry_id, about)
        wrong = [
            s
            for s in about
            if re.search(r"(not (made up|replaced)|don't (make|replace)).*\b(taxable|taxed)\b", s)
            and "no income tax" not in s
        ]
        assert not wrong, (entry_id, wrong)
    earnings = kb.get("earnings-taxable-in-roth")
    assert earnings is not None and "taxable earnings first" in text_of(earnings)


def test_mega_backdoor_worth_it_states_trade_offs_not_advice() -> None:
    entry = KnowledgeBase.load().get("mega-backdoor-worth-it")
    assert entry is not None
    text = text_of(entry).casefold()
    for phrase in ("you should", "we recommend", "is worth it for you", "always do"):
        assert phrase not in text


def test_a_figure_given_for_a_year_is_that_years_figure() -> None:
    """ "$24,500 for 2026" must be a 2026 figure of the limits table, not another year's or
    a typo: validation's notices (knowledge/figures.py) find none in the shipped FAQ."""
    scan, _ = validate_folder(DEFAULT_FAQ_DIR)
    assert [str(n) for n in scan.notices if "limits.yaml" in n.message] == []
    # (Not vacuous: the FAQ gives limits by year in all three forms.)
    texts = [f"{e.short}\n{e.body}" for e in scan.entries]
    written = [w for text in texts for w, *_ in stated(text)]
    assert len(written) >= 20
    assert any(w.startswith("$") and " for 20" in w for w in written)
    assert any(" limit $" in w for w in written)
    assert any(w.startswith("$") and " for " not in w and " in " not in w for w in written)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_cross_references_name_real_titles_in_bold(entry: FaqEntry) -> None:
    titles = {e.title for e in ENTRIES}
    text = text_of(entry)
    for quoted in re.findall(r'\b[Ss]ee "([^"\n]+)"', text):
        assert quoted not in titles, f"{entry.id}: write the title in bold: {quoted}"
    for named in re.findall(r"\b[Ss]ee \*\*([^*\n]+)\*\*", text):
        assert named in titles, f"{entry.id}: no entry is titled {named!r}"


def test_the_backdoor_entry_gives_this_years_roth_ira_income_limits() -> None:
    """Roth IRA contributions are limited by income: the entry that says so gives the
    ranges, from the facts file, for the latest year there."""
    facts = yaml.safe_load((ROOT / "docs" / "facts.yaml").read_text("utf-8"))
    ranges = facts["roth_ira_phase_out"]
    entry = KnowledgeBase.load().get("backdoor-roth-ira")
    assert entry is not None
    year = max(ranges["single"])
    assert f"for {year}" in entry.body
    for key in ("single", "joint"):
        low, high = ranges[key][year]
        assert f"${low:,}-${high:,}" in entry.body, key
    low, high = ranges["separate"]
    assert f"${low:,}-${high:,}" in entry.body


def _sentences_saying(entry_id: str, words: str) -> list[str]:
    """The sentences of an entry's text (bold marks dropped) that contain ``words``."""
    entry = KnowledgeBase.load().get(entry_id)
    assert entry is not None, entry_id
    sentences = re.split(r"(?<=[.!?])\s+", text_of(entry).replace("**", ""))
    return [sentence for sentence in sentences if words in sentence]


def test_simple_ira_two_year_rule_keeps_the_replacement_plan_exception() -> None:
    """SIMPLE IRA money in its first 2 years can go only to another SIMPLE IRA, except
    into the 401(k) or 403(b) the employer set up to replace that SIMPLE IRA plan (SECURE
    2.0 sec. 332(b); IRS Notice 2024-2 Q&A G-4): the roll-in entry must not say it can
    never go to the plan."""
    about = _sentences_saying("reverse-rollover-ira-to-401k", "SIMPLE IRA money")
    assert about, "the entry no longer states the SIMPLE IRA 2-year rule"
    assert all("replaced that SIMPLE plan" in s for s in about), about


def test_rollovers_in_transit_on_line_6_are_ira_to_ira_only() -> None:
    """Form 8606 line 6 adds outstanding rollovers between traditional, SEP and SIMPLE IRAs
    only; one from an IRA to an employer plan is not added (Instructions for Form 8606,
    line 6), so the roll-in remedy works once the money has left the IRA."""
    phrase = re.compile(r"[^.(]*\b(in transit|outstanding rollover)[^.)]*")
    for entry in ENTRIES:
        for match in phrase.finditer(text_of(entry)):
            assert "IRA-to-IRA" in match.group(0), (entry.id, match.group(0))


def test_roth_ira_recapture_is_reported_on_form_5329_not_only_form_8606() -> None:
    """The 10% on a rollover's taxable part taken out of a Roth IRA within its 5 years is a
    recapture amount on Form 5329 line 1 (Instructions for Form 5329), even when Form 8606
    Part III shows nothing taxable (the rollover is in the line 24 basis): the withdrawal
    entry that sends members to Form 8606 must name Form 5329 too."""
    about = _sentences_saying("roth-ira-withdrawal-rules", "Form 8606")
    assert about, "the entry no longer says where the withdrawal is reported"
    assert any("Form 5329" in s for s in about), about


def test_the_roth_ira_five_year_clock_starts_with_the_year_contributed_for() -> None:
    """A qualified Roth IRA distribution's 5 years start with the first tax year a Roth IRA
    contribution is made for (26 U.S.C. 408A(d)(2)(B), Pub 590-B), so a contribution made
    in April for the year before starts it a year earlier than 'since your first
    contribution' reads: an entry stating the clock says which year it starts."""
    stated = [
        (entry.id, match.group(0))
        for entry in ENTRIES
        for match in re.finditer(r"[^.]*\b5 tax years\b[^.]*", text_of(entry).replace("**", ""))
        if "Roth IRA" in match.group(0) and "qualified" in match.group(0)
    ]
    assert stated, "no entry states the Roth IRA's 5-year clock any more"
    for entry_id, sentence in stated:
        assert "since your first contribution" not in sentence, (entry_id, sentence)
        assert "first year" in sentence, (entry_id, sentence)


def test_the_split_entry_says_a_plan_need_not_make_two_direct_rollovers() -> None:
    """A plan administrator need not divide one distribution between direct rollovers to two
    plans (Treas. Reg. 1.401(a)(31)-1, Q&A-10): the entry that has members ask for the
    earnings and the basis to go to two IRAs says so, up front and in the full answer, and
    what to ask for instead (the earnings rolled directly, the rest paid out and rolled to
    the Roth IRA within 60 days: one distribution under Notice 2014-54)."""
    entry = KnowledgeBase.load().get("split-earnings-to-traditional-ira")
    assert entry is not None
    assert "if your plan will split it" in entry.short, entry.short
    # (By line: the rule and its citation are one paragraph.)
    about = [line for line in entry.body.splitlines() if "two direct rollovers" in line]
    cited = [line for line in about if "1.401(a)(31)-1, Q&A-10" in line]
    assert cited and all(re.search(r"\b(needn't|doesn't have to)\b", s) for s in cited), about
    instead = _sentences_saying("split-earnings-to-traditional-ira", "within 60 days")
    assert any("rest" in s and "one distribution" in s for s in instead), instead


def test_sources_cite_the_rollover_regulation_as_restated_in_2024() -> None:
    """T.D. 10001 (the 2024 final regulations on required minimum distributions) restated
    26 CFR 1.402(c)-2 in paragraphs: its questions and answers (Q&A-7, a year's minimum
    distribution is not rollover-eligible) are gone, the rule is now paragraph (f). A
    source that still names a Q&A of it says it is the old numbering."""
    cited = [
        (entry.id, source.title)
        for entry in ENTRIES
        for source in entry.sources
        if "1.402(c)-2" in source.title
    ]
    assert cited, "no entry cites 26 CFR 1.402(c)-2 any more"
    for entry_id, title in cited:
        if "Q&A" in title:
            assert "T.D. 10001" in title and "paragraph (f)" in title, (entry_id, title)
